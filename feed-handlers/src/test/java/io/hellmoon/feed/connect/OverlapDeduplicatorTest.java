/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.test.AllocationMeter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Merging an old and a new connection carrying the same streams: every interleaving the two can produce gives each
 * stream's events once and in order.
 */
class OverlapDeduplicatorTest
{
    private static final List<SubscriptionPlan.Stream> STREAMS = List.of(
        new SubscriptionPlan.Stream("btcusdt@trade", 1, false, SubscriptionFormat.SequenceField.TRADE_ID),
        new SubscriptionPlan.Stream("btcusdt@depth@0ms", 1, true, SubscriptionFormat.SequenceField.UPDATE_ID),
        new SubscriptionPlan.Stream("btcusdt@kline_1m", 1, false, SubscriptionFormat.SequenceField.EVENT_TIME),
        new SubscriptionPlan.Stream("ethusdt@aggTrade", 2, false, SubscriptionFormat.SequenceField.AGG_TRADE_ID));

    private final OverlapDeduplicator dedup = new OverlapDeduplicator(STREAMS);

    @Test
    void shouldTakeAStreamFromTheNewConnectionOnceItCatchesUpFromBehind()
    {
        dedup.begin();
        assertTrue(old(trade(10)));
        assertTrue(old(trade(11)));
        assertFalse(fresh(trade(10)), "behind: a duplicate");
        assertTrue(old(trade(12)));
        assertFalse(fresh(trade(11)));
        assertTrue(fresh(trade(13)), "its previous one was delivered, so 13 is next");
        assertFalse(old(trade(13)), "switched: the old connection's copy is dropped");
        assertFalse(old(trade(14)));
        assertTrue(fresh(trade(14)));
        assertTrue(dedup.isComplete());
        assertEquals(4, dedup.duplicatesDropped());
    }

    @Test
    void shouldHoldBackANewConnectionThatIsAheadUntilTheOldOneMeetsIt()
    {
        dedup.begin();
        assertTrue(old(depth(100)));
        assertFalse(fresh(depth(103)), "ahead: the old connection will deliver what lies between");
        assertFalse(fresh(depth(105)));
        assertTrue(old(depth(101)));
        assertTrue(old(depth(103)));
        assertFalse(dedup.isComplete());
        assertTrue(old(depth(105)), "meets the new connection's latest: switched after it");
        assertFalse(old(depth(107)));
        assertTrue(fresh(depth(107)));
        assertEquals(2, dedup.framesHeldBack());
    }

    @Test
    void shouldLeaveUnknownFramesToTheOldConnectionWhileOverlapping()
    {
        dedup.begin();
        assertTrue(old(text("{\"result\":null,\"id\":1}")));
        assertFalse(fresh(text("{\"stream\":\"xrpusdt@trade\",\"data\":{\"t\":1}}")), "not one of the streams");
        assertFalse(fresh(text("{\"stream\":\"btcusdt@trade\",\"data\":{\"p\":\"1\"}}")), "no sequence");
        assertTrue(dedup.isComplete(), "nothing to merge on (binary venues): complete once the new one delivers");
        dedup.finish();
        assertFalse(dedup.isActive(), "nothing pending: no filtering after the old one goes");
    }

    @Test
    void shouldKeepFilteringStreamsStillMergingAfterTheOldConnectionGoes()
    {
        dedup.begin();
        assertTrue(old(kline(1_000)));
        assertTrue(old(kline(2_000)));
        assertFalse(fresh(kline(1_000)));
        dedup.finish();
        assertTrue(dedup.isActive());
        assertFalse(fresh(kline(2_000)), "already delivered");
        assertTrue(fresh(kline(3_000)));
        assertFalse(dedup.isActive(), "every stream switched");
    }

    @Test
    void shouldDeliverEveryEventOnceAndInOrderWhateverTheInterleaving()
    {
        final SplittableRandom random = new SplittableRandom(20240808);
        for (int trial = 0; trial < 2_000; trial++)
        {
            runTrial(random, trial);
        }
    }

    @Test
    void shouldNotAllocateWhileMerging()
    {
        final UnsafeBuffer oldFrame = trade(1);
        final UnsafeBuffer newFrame = trade(1);
        AllocationMeter.assertAllocationFree(20_000, 20_000, () ->
        {
            dedup.begin();
            dedup.onFrame(false, oldFrame, 0, oldFrame.capacity());
            dedup.onFrame(true, newFrame, 0, newFrame.capacity());
        });
    }

    /**
     * The venue sends one sequence of events over both connections, each connection a suffix of it read in order:
     * the old one from the start of the overlap, the new one from when it subscribed. The two are read in a random
     * interleaving, with either one ahead.
     */
    private void runTrial(final SplittableRandom random, final int trial)
    {
        final int streams = STREAMS.size();
        final int events = 5 + random.nextInt(60);
        final int[] streamOf = new int[events];
        final long[] sequenceOf = new long[events];
        final long[] next = new long[streams];
        final List<List<Long>> expected = new ArrayList<>();
        final List<List<Long>> delivered = new ArrayList<>();
        for (int s = 0; s < streams; s++)
        {
            next[s] = 1 + random.nextInt(1_000);
            expected.add(new ArrayList<>());
            delivered.add(new ArrayList<>());
        }
        for (int e = 0; e < events; e++)
        {
            final int s = random.nextInt(streams);
            streamOf[e] = s;
            // Strictly increasing per stream: one apart for trades, further apart for update ids and times.
            next[s] += 0 == s || 3 == s ? 1 : 1 + random.nextInt(1_000);
            sequenceOf[e] = next[s];
            expected.get(s).add(sequenceOf[e]);
        }

        int oldNext = 0;
        int newNext = random.nextInt(events);
        dedup.begin();
        while ((oldNext < events || newNext < events) && !dedup.isComplete())
        {
            final boolean fromNew = oldNext == events || (newNext < events && random.nextBoolean());
            final int e = fromNew ? newNext++ : oldNext++;
            final UnsafeBuffer frame = frame(streamOf[e], sequenceOf[e]);
            if (dedup.onFrame(fromNew, frame, 0, frame.capacity()))
            {
                delivered.get(streamOf[e]).add(sequenceOf[e]);
            }
        }
        dedup.finish();
        while (newNext < events)
        {
            final int e = newNext++;
            final UnsafeBuffer frame = frame(streamOf[e], sequenceOf[e]);
            if (!dedup.isActive() || dedup.onFrame(true, frame, 0, frame.capacity()))
            {
                delivered.get(streamOf[e]).add(sequenceOf[e]);
            }
        }
        for (int s = 0; s < streams; s++)
        {
            assertEquals(expected.get(s), delivered.get(s), "trial " + trial + " stream " + STREAMS.get(s).name());
        }
    }

    private boolean old(final UnsafeBuffer frame)
    {
        return dedup.onFrame(false, frame, 0, frame.capacity());
    }

    private boolean fresh(final UnsafeBuffer frame)
    {
        return dedup.onFrame(true, frame, 0, frame.capacity());
    }

    private static UnsafeBuffer frame(final int stream, final long sequence)
    {
        return switch (stream)
        {
            case 0 -> trade(sequence);
            case 1 -> depth(sequence);
            case 2 -> kline(sequence);
            default -> text("{\"stream\":\"ethusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":5,\"a\":" +
                sequence + ",\"f\":1,\"l\":2}}");
        };
    }

    private static UnsafeBuffer trade(final long id)
    {
        return text("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255123,\"T\":1," +
            "\"s\":\"BTCUSDT\",\"t\":" + id + ",\"p\":\"61685.90\"}}");
    }

    private static UnsafeBuffer depth(final long finalId)
    {
        return text("{\"stream\":\"btcusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"T\":1," +
            "\"U\":" + (finalId - 1) + ",\"u\":" + finalId + ",\"pu\":" + (finalId - 2) + ",\"b\":[],\"a\":[]}}");
    }

    private static UnsafeBuffer kline(final long eventTime)
    {
        return text("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":" + eventTime +
            ",\"s\":\"BTCUSDT\",\"k\":{\"t\":5,\"T\":6}}}");
    }

    private static UnsafeBuffer text(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }
}
