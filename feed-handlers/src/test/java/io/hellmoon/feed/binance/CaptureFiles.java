/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads the shared captures' line formats for tests. Deliberately small and test-scoped: the production replayer
 * lives elsewhere; this only has to hand each recorded frame and its receive time to a decoder.
 * <ul>
 *     <li>hftbacktest {@code *.gz}: {@code <receive ns> <json>} per line; the REST snapshot line is a bare
 *     {@code {"lastUpdateId":...}}.</li>
 *     <li>cryptofeed {@code *.ws.*}: a first line with the connection URL, then {@code <float seconds>: <json>}.</li>
 *     <li>cryptofeed {@code *.http.*}: {@code <url> -> <float seconds>: <body>}, the symbol in the URL's query.</li>
 * </ul>
 */
final class CaptureFiles
{
    /**
     * One recorded frame.
     *
     * @param receiveTimeNs when it was received.
     * @param json          its bytes.
     */
    record Frame(long receiveTimeNs, byte[] json)
    {
        boolean isSnapshot()
        {
            return startsWith(json, "{\"lastUpdateId\"");
        }
    }

    /**
     * One recorded HTTP reply.
     *
     * @param url           requested.
     * @param receiveTimeNs when the reply arrived.
     * @param body          its bytes.
     */
    record Reply(String url, long receiveTimeNs, byte[] body)
    {
        String symbol()
        {
            for (final String parameter : URI.create(url).getQuery().split("&"))
            {
                if (parameter.startsWith("symbol="))
                {
                    return parameter.substring("symbol=".length()).toUpperCase(Locale.ROOT);
                }
            }
            throw new IllegalStateException("no symbol in " + url);
        }
    }

    private CaptureFiles()
    {
    }

    static void forEachHftbacktestFrame(final Path file, final Consumer<Frame> consumer)
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.ISO_8859_1), 1 << 16))
        {
            String line;
            while (null != (line = reader.readLine()))
            {
                if (line.isEmpty())
                {
                    continue;
                }
                final int space = line.indexOf(' ');
                final long receiveTimeNs = Long.parseLong(line.substring(0, space));
                final byte[] json = line.substring(space + 1).getBytes(StandardCharsets.ISO_8859_1);
                consumer.accept(new Frame(receiveTimeNs, json));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static List<Frame> cryptofeedFrames(final Path file)
    {
        final List<Frame> frames = new ArrayList<>();
        final List<String> lines = readLines(file);
        for (int i = 1; i < lines.size(); i++)
        {
            final String line = lines.get(i);
            if (line.isEmpty())
            {
                continue;
            }
            final int colon = line.indexOf(": ");
            frames.add(new Frame(
                secondsToNanos(line.substring(0, colon)),
                line.substring(colon + 2).getBytes(StandardCharsets.ISO_8859_1)));
        }
        return frames;
    }

    static List<Reply> cryptofeedReplies(final Path file)
    {
        final List<Reply> replies = new ArrayList<>();
        for (final String line : readLines(file))
        {
            if (line.isEmpty())
            {
                continue;
            }
            final int arrow = line.indexOf(" -> ");
            final int colon = line.indexOf(": ", arrow);
            replies.add(new Reply(
                line.substring(0, arrow),
                secondsToNanos(line.substring(arrow + 4, colon)),
                line.substring(colon + 2).getBytes(StandardCharsets.ISO_8859_1)));
        }
        return replies;
    }

    static long secondsToNanos(final String seconds)
    {
        return new BigDecimal(seconds).movePointRight(9).longValue();
    }

    private static List<String> readLines(final Path file)
    {
        try
        {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean startsWith(final byte[] bytes, final String prefix)
    {
        if (bytes.length < prefix.length())
        {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++)
        {
            if (bytes[i] != prefix.charAt(i))
            {
                return false;
            }
        }
        return true;
    }
}
