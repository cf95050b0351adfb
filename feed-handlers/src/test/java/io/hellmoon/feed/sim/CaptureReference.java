/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hellmoon.feed.testing.ReferenceRebuild;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * TEST ONLY: independent rebuilds of a capture's books (Jackson, {@link BigDecimal}, {@link ReferenceBook}) as they
 * stand right after the diff with a given final update id.
 */
final class CaptureReference
{
    private static final Pattern REPLY = Pattern.compile("(\\S+) -> ([0-9.]+): (.*)");
    private static final Pattern SYMBOL = Pattern.compile("symbol=([A-Za-z0-9_]+)");

    private CaptureReference()
    {
    }

    /**
     * The book of a hftbacktest capture right after the diff whose {@code u} is {@code targetUpdateId}.
     */
    static ReferenceBook hftbacktest(final Path file, final boolean futures, final long targetUpdateId)
    {
        final ReferenceBook book = new ReferenceBook(futures);
        for (final SimTests.CaptureLine line : SimTests.capture(file))
        {
            if (line.isSnapshot())
            {
                if (!book.isLive())
                {
                    assertEquals("ok", book.onSnapshot(SimTests.json(line.json())), "capture snapshot");
                }
            }
            else if (line.stream().contains("@depth"))
            {
                book.onDiff(SimTests.json(line.json()).get("data"));
            }
            if (book.isLive() && book.lastUpdateId() == targetUpdateId)
            {
                return book;
            }
        }
        fail("capture " + file + " has no diff with u=" + targetUpdateId);
        return null;
    }

    /**
     * The books of a cryptofeed session, each right after the diff whose {@code u} is its target, frames and
     * snapshots merged by receive time as they were recorded.
     *
     * @param targets final update id per upper-case symbol.
     */
    static Map<String, ReferenceBook> cryptofeed(
        final Path frames, final Path snapshots, final boolean futures, final Map<String, Long> targets)
    {
        record Timed(BigDecimal seconds, int order, String symbol, String json)
        {
        }

        final List<Timed> records = new ArrayList<>();
        int order = 0;
        for (final String line : ReferenceRebuild.lines(snapshots))
        {
            final Matcher reply = REPLY.matcher(line.strip());
            if (reply.matches() && reply.group(1).contains("/depth"))
            {
                final Matcher symbol = SYMBOL.matcher(reply.group(1));
                if (symbol.find())
                {
                    records.add(new Timed(new BigDecimal(reply.group(2)), order++, symbol.group(1), reply.group(3)));
                }
            }
        }
        for (final String line : ReferenceRebuild.lines(frames))
        {
            final String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("wss://"))
            {
                continue;
            }
            final int colon = trimmed.indexOf(": ");
            records.add(new Timed(new BigDecimal(trimmed.substring(0, colon)), order++, null,
                trimmed.substring(colon + 2)));
        }
        records.sort(Comparator.comparing(Timed::seconds).thenComparingInt(Timed::order));

        final Map<String, ReferenceBook> books = new HashMap<>();
        final Map<String, ReferenceBook> done = new HashMap<>();
        for (final Timed record : records)
        {
            final String symbol;
            final JsonNode payload;
            if (null != record.symbol())
            {
                symbol = record.symbol();
                payload = SimTests.json(record.json());
            }
            else
            {
                final JsonNode envelope = SimTests.json(record.json());
                if (!envelope.get("stream").asText().contains("@depth"))
                {
                    continue;
                }
                payload = envelope.get("data");
                symbol = payload.get("s").asText();
            }
            if (done.containsKey(symbol) || !targets.containsKey(symbol))
            {
                continue;
            }
            final ReferenceBook book = books.computeIfAbsent(symbol, (s) -> new ReferenceBook(futures));
            if (null != record.symbol())
            {
                if (!book.isLive())
                {
                    assertEquals("ok", book.onSnapshot(payload), "capture snapshot of " + symbol);
                }
            }
            else
            {
                book.onDiff(payload);
            }
            if (book.isLive() && book.lastUpdateId() == targets.get(symbol))
            {
                done.put(symbol, book);
            }
        }
        assertEquals(targets.keySet(), done.keySet(), "books that reached their target");
        return done;
    }
}
