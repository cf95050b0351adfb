/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * TEST ONLY: a client that keeps one Binance book the way Binance tells clients to: open the diff stream, buffer,
 * fetch a REST snapshot after the first event, drop what the snapshot covers, apply from the bridging diff, and on a
 * gap start over with a new snapshot. Messages are processed on the test thread by {@link #step(Duration)}.
 */
final class BookClient implements AutoCloseable
{
    private final TestWsClient client;
    private final String depthUri;
    private final ReferenceBook book;
    private int snapshots;
    private int resyncs;
    private long diffs;

    BookClient(final String streamUri, final String depthUri, final boolean futures)
    {
        this.client = TestWsClient.connect(streamUri, true);
        this.depthUri = depthUri;
        this.book = new ReferenceBook(futures);
    }

    ReferenceBook book()
    {
        return book;
    }

    int snapshots()
    {
        return snapshots;
    }

    int resyncs()
    {
        return resyncs;
    }

    long diffs()
    {
        return diffs;
    }

    /**
     * Process the next message, if one comes within the timeout.
     *
     * @return false if none came.
     */
    boolean step(final Duration timeout)
    {
        final String text = client.poll(timeout);
        if (null == text)
        {
            return false;
        }
        final JsonNode message = SimTests.json(text);
        final JsonNode data = message.has("data") ? message.get("data") : message;
        if (!"depthUpdate".equals(data.path("e").asText()))
        {
            return true;
        }
        diffs++;
        final boolean wasLive = book.isLive();
        book.onDiff(data);
        if (!book.isLive())
        {
            if (wasLive)
            {
                resyncs++;
            }
            sync();
        }
        return true;
    }

    private void sync()
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            final HttpResponse<String> response = SimTests.get(depthUri);
            assertEquals(200, response.statusCode(), response.body());
            snapshots++;
            final String result = book.onSnapshot(SimTests.json(response.body()));
            if ("ok".equals(result))
            {
                return;
            }
            if (result.startsWith("gap"))
            {
                resyncs++;
                continue;
            }
            // Too old: Binance says fetch again; let more of the stream arrive first.
            final String text = client.poll(Duration.ofMillis(20));
            if (null != text)
            {
                final JsonNode message = SimTests.json(text);
                book.onDiff(message.has("data") ? message.get("data") : message);
            }
        }
        fail("no usable snapshot from " + depthUri + " in 20 attempts");
    }

    public void close()
    {
        client.close();
    }
}
