/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TradeFlowTest
{
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long T0 = 1_723_161_240_000_000_000L;
    private static final int SLOT = 1;

    private final TradeFlow flow = new TradeFlow(2, SECOND, 10, 300 * SECOND, 0.0, 1_000.0);

    private void trade(final long timeNs, final double notional, final double signed)
    {
        flow.advance(SLOT, timeNs);
        flow.add(SLOT, notional, signed);
    }

    @Test
    void shouldRollTheWindowBucketByBucket()
    {
        trade(T0, 100.0, 100.0);
        trade(T0 + 450 * MS, 200.0, -200.0);
        trade(T0 + 950 * MS, 400.0, 400.0);
        assertEquals(700.0, flow.windowVolume(SLOT));
        assertEquals(300.0, flow.windowSignedVolume(SLOT));
        assertEquals(3.0, flow.windowCount(SLOT));

        flow.advance(SLOT, T0 + SECOND);
        assertEquals(600.0, flow.windowVolume(SLOT), "the bucket at 0 ms left the window");
        flow.advance(SLOT, T0 + 1_450 * MS);
        assertEquals(400.0, flow.windowVolume(SLOT));
        flow.advance(SLOT, T0 + 1_950 * MS);
        assertEquals(0.0, flow.windowVolume(SLOT));
        assertEquals(0.0, flow.windowCount(SLOT));
    }

    @Test
    void shouldClearTheWindowAfterALongGap()
    {
        trade(T0, 100.0, 100.0);
        trade(T0 + 3_600 * SECOND, 50.0, -50.0);
        assertEquals(50.0, flow.windowVolume(SLOT));
        assertEquals(-50.0, flow.windowSignedVolume(SLOT));
    }

    @Test
    void shouldFeedCompletedSecondsToTheBaselineAndDecayOverQuietOnes()
    {
        final double alpha = 2.0 / 301.0;
        trade(T0, 1_000.0, 0.0);
        trade(T0 + SECOND, 2_000.0, 0.0);
        assertEquals(1, flow.baselineSamples(SLOT));
        assertEquals(1_000.0, flow.baselineVolume(SLOT), "seeded with the first sample");

        trade(T0 + 2 * SECOND, 10.0, 0.0);
        assertEquals(1_000.0 + alpha * 1_000.0, flow.baselineVolume(SLOT), 1e-9);

        final double before = flow.baselineVolume(SLOT);
        trade(T0 + 103 * SECOND, 10.0, 0.0);
        // The second at 2 s (10), then 100 quiet seconds.
        final double expected = (before + alpha * (10.0 - before)) * Math.pow(1.0 - alpha, 100);
        assertEquals(expected, flow.baselineVolume(SLOT), 1e-9);
        assertEquals(103, flow.baselineSamples(SLOT));
    }

    @Test
    void shouldWinsoriseBurstsEnteringTheBaseline()
    {
        final TradeFlow clipped = new TradeFlow(1, SECOND, 10, 300 * SECOND, 3.0, 1_000.0);
        final double alpha = 2.0 / 301.0;
        clipped.advance(0, T0);
        clipped.add(0, 5_000.0, 0.0);
        clipped.advance(0, T0 + SECOND);
        clipped.add(0, 1_000_000.0, 0.0);
        clipped.advance(0, T0 + 2 * SECOND);
        assertEquals(5_000.0 + alpha * (15_000.0 - 5_000.0), clipped.baselineVolume(0), 1e-9);
    }

    @Test
    void shouldIgnoreTimeGoingBackwards()
    {
        trade(T0 + SECOND, 100.0, 100.0);
        flow.advance(SLOT, T0);
        flow.add(SLOT, 50.0, 50.0);
        assertEquals(150.0, flow.windowVolume(SLOT), "added to the current bucket");
    }

    @Test
    void shouldKeepStateWhenGrowing()
    {
        trade(T0, 100.0, 100.0);
        flow.ensureCapacity(64);
        assertEquals(100.0, flow.windowVolume(SLOT));
        flow.advance(63, T0);
        flow.add(63, 7.0, 7.0);
        assertEquals(7.0, flow.windowVolume(63));
    }
}
