/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.FeedStatusDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What a live feed published per instrument, in order: each {@code FeedStatus} as {@code "STATE REASON"} (with the
 * time it was last seen) and each {@code BookLevels} as {@code "levels"}, so the live feed tests can check the status
 * sequence of every book and that no levels went out while a book was not LIVE.
 * <p>
 * Written by the feed's thread, read by the test's.
 */
final class StreamLog
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final FeedStatusDecoder status = new FeedStatusDecoder();
    private final BookLevelsDecoder levels = new BookLevelsDecoder();
    private final Map<Integer, List<String>> byInstrument = new ConcurrentHashMap<>();
    private final Map<String, Long> times = new ConcurrentHashMap<>();

    void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (FeedStatusDecoder.TEMPLATE_ID == header.templateId())
        {
            status.wrap(buffer, body, header.blockLength(), header.version());
            final String entry = status.state() + " " + status.reason();
            entries(status.instrumentId()).add(entry);
            times.put(status.instrumentId() + " " + entry, System.nanoTime());
            times.put(entry, System.nanoTime());
        }
        else if (BookLevelsDecoder.TEMPLATE_ID == header.templateId())
        {
            levels.wrap(buffer, body, header.blockLength(), header.version());
            entries(levels.instrumentId()).add("levels");
        }
    }

    List<String> entries(final int instrumentId)
    {
        return byInstrument.computeIfAbsent(instrumentId, (id) -> new CopyOnWriteArrayList<>());
    }

    /**
     * The instruments seen; asserts there was at least one, so a loop over them cannot pass vacuously.
     */
    List<Integer> instrumentIds()
    {
        assertFalse(byInstrument.isEmpty());
        return List.copyOf(byInstrument.keySet());
    }

    List<String> statuses(final int instrumentId)
    {
        return entries(instrumentId).stream().filter((e) -> !"levels".equals(e)).toList();
    }

    /**
     * Whether every one of the instruments has been seen and reached LIVE from a snapshot.
     */
    boolean allLive(final int instruments)
    {
        return instruments == byInstrument.size() && count("LIVE SNAPSHOT_APPLIED") >= instruments;
    }

    long count(final String status)
    {
        return byInstrument.values().stream().flatMap(List::stream).filter(status::equals).count();
    }

    /**
     * When an instrument last had this status.
     */
    long timeOf(final int instrumentId, final String status)
    {
        return times.get(instrumentId + " " + status);
    }

    /**
     * When any instrument last had this status.
     */
    long lastTime(final String status)
    {
        return times.get(status);
    }

    boolean noLevelsWhileNotLive(final int instrumentId)
    {
        boolean live = false;
        for (final String entry : entries(instrumentId))
        {
            if ("levels".equals(entry))
            {
                if (!live)
                {
                    return false;
                }
            }
            else
            {
                live = entry.startsWith("LIVE");
            }
        }
        return true;
    }
}
