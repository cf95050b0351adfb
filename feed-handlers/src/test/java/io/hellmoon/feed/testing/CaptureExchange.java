/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A real capture served live by a {@link LocalExchangeServer}: the frames of an hftbacktest file
 * ({@code <receive ns> <combined-stream JSON>}) are sent, in order and as fast as the connection takes them, once a
 * client has subscribed to every stream the capture holds, pausing where the capture took its snapshot until a client
 * has fetched it; the capture's REST snapshot line is the answer to the depth endpoint; exchangeInfo is not served (404), so a client falls back to default exponents as a replay without
 * reference data does.
 */
public final class CaptureExchange implements AutoCloseable
{
    private final LocalExchangeServer server = new LocalExchangeServer();
    private final List<String> streams = new ArrayList<>();
    private final List<String> frames = new ArrayList<>();
    private final Set<String> streamNames = new LinkedHashSet<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicLong framesSent = new AtomicLong();
    private final Thread sender;
    private final CountDownLatch snapshotServed = new CountDownLatch(1);
    private String snapshot;
    private int snapshotIndex = -1;

    /**
     * Load a capture and start serving it.
     *
     * @param capture an hftbacktest file, gzip or plain.
     */
    public CaptureExchange(final Path capture)
    {
        load(capture);
        server.route((request) ->
        {
            if (request.path().endsWith("/depth") && null != snapshot)
            {
                snapshotServed.countDown();
                return LocalExchangeServer.Response.ok(snapshot);
            }
            return null;
        });
        sender = new Thread(this::send, "capture-exchange");
        server.onSubscribed((connection) ->
        {
            if (connection.streams().containsAll(streamNames) && started.compareAndSet(false, true))
            {
                sender.start();
            }
        });
    }

    /**
     * The server.
     *
     * @return the server.
     */
    public LocalExchangeServer server()
    {
        return server;
    }

    /**
     * The streams of the capture, e.g. {@code btcusdt@trade}.
     *
     * @return the names in order of first appearance.
     */
    public Set<String> streamNames()
    {
        return streamNames;
    }

    /**
     * Frames in the capture.
     *
     * @return the count.
     */
    public int frameCount()
    {
        return frames.size();
    }

    /**
     * Frames sent so far.
     *
     * @return the count.
     */
    public long framesSent()
    {
        return framesSent.get();
    }

    /**
     * Stop sending and close the server.
     */
    public void close()
    {
        sender.interrupt();
        server.close();
    }

    private void send()
    {
        for (int i = 0; i < frames.size() && !Thread.currentThread().isInterrupted(); i++)
        {
            if (i == snapshotIndex && !awaitSnapshotServed())
            {
                return;
            }
            server.publishFrame(streams.get(i), frames.get(i));
            framesSent.incrementAndGet();
            if (0 == (i & 1023))
            {
                // Let the socket drain now and then rather than queue the whole capture in memory.
                Thread.yield();
            }
        }
    }

    /**
     * The capture took its snapshot at this point of the stream: a client that has not had it yet would, on the real
     * exchange, get a snapshot from this moment, so the frames after it wait until the snapshot has been served (or
     * the client's diff buffer could overflow with diffs newer than the capture's one snapshot, which it would then
     * rightly refuse, again and again, depending on the machine's speed).
     */
    private boolean awaitSnapshotServed()
    {
        try
        {
            snapshotServed.await(30, TimeUnit.SECONDS);
            return true;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void load(final Path capture)
    {
        try (InputStream raw = Files.newInputStream(capture);
            InputStream in = capture.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16))
        {
            String line;
            while (null != (line = reader.readLine()))
            {
                final int space = line.indexOf(' ');
                if (space < 0)
                {
                    continue;
                }
                final String json = line.substring(space + 1).trim();
                if (json.startsWith("{\"stream\":\""))
                {
                    final int end = json.indexOf('"', 11);
                    final String stream = json.substring(11, end);
                    streamNames.add(stream);
                    streams.add(stream);
                    frames.add(json);
                }
                else if (json.contains("\"lastUpdateId\""))
                {
                    snapshot = json;
                    snapshotIndex = frames.size();
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + capture, ex);
        }
    }
}
