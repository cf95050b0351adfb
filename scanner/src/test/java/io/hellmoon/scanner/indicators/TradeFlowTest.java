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

    private final TradeFlow flow = new TradeFlow(2, SECOND, 10, 300 * SECOND, 0.0, 1_000.0, 30 * SECOND);

    private void trade(final long timeNs, final double notional, final double signed)
    {
        flow.advance(SLOT, timeNs);
        flow.add(SLOT, notional, signed, true);
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
        trade(T0 + 500 * MS, 999.0, 0.0);
        trade(T0 + SECOND, 1_000.0, 0.0);
        assertEquals(0, flow.baselineSamples(SLOT), "the first, partial second is not a sample");

        trade(T0 + 2 * SECOND, 2_000.0, 0.0);
        assertEquals(1, flow.baselineSamples(SLOT));
        assertEquals(1_000.0, flow.baselineVolume(SLOT), 1e-9, "bias-corrected: the one sample itself");

        trade(T0 + 3 * SECOND, 10.0, 0.0);
        final double weight2 = 1.0 - (1.0 - alpha) * (1.0 - alpha);
        final double sum2 = (1.0 - alpha) * alpha * 1_000.0 + alpha * 2_000.0;
        assertEquals(sum2 / weight2, flow.baselineVolume(SLOT), 1e-9, "an average of the two seconds");

        trade(T0 + 104 * SECOND, 10.0, 0.0);
        // The second at 3 s (10), then 100 quiet seconds.
        final double decay = Math.pow(1.0 - alpha, 100);
        final double sum = (sum2 + alpha * (10.0 - sum2)) * decay;
        final double weight = 1.0 - (1.0 - (weight2 + alpha * (1.0 - weight2))) * decay;
        assertEquals(sum / weight, flow.baselineVolume(SLOT), 1e-9);
        assertEquals(103, flow.baselineSamples(SLOT));
    }

    @Test
    void shouldWinsoriseBurstsEnteringTheBaseline()
    {
        final TradeFlow clipped = new TradeFlow(1, SECOND, 10, 300 * SECOND, 3.0, 1_000.0, 30 * SECOND);
        final TradeFlow unclipped = new TradeFlow(1, SECOND, 10, 300 * SECOND, 0.0, 1_000.0, 30 * SECOND);
        final double[] seconds = { 1.0, 5_000.0, 1_000_000.0, 1.0 };
        for (int i = 0; i < seconds.length; i++)
        {
            clipped.advance(0, T0 + i * SECOND);
            clipped.add(0, seconds[i], 0.0, true);
            unclipped.advance(0, T0 + i * SECOND);
            unclipped.add(0, seconds[i], 0.0, true);
        }
        final double alpha = 2.0 / 301.0;
        final double weight = 1.0 - (1.0 - alpha) * (1.0 - alpha);
        assertEquals(((1.0 - alpha) * alpha * 5_000.0 + alpha * 15_000.0) / weight, clipped.baselineVolume(0), 1e-9,
            "the burst entered as three times the baseline");
        assertEquals(((1.0 - alpha) * alpha * 5_000.0 + alpha * 1_000_000.0) / weight, unclipped.baselineVolume(0),
            1e-6);
    }

    @Test
    void shouldIgnoreTimeGoingBackwards()
    {
        trade(T0 + SECOND, 100.0, 100.0);
        flow.advance(SLOT, T0);
        flow.add(SLOT, 50.0, 50.0, true);
        assertEquals(150.0, flow.windowVolume(SLOT), "added to the current bucket");
    }

    @Test
    void shouldKeepStateWhenGrowing()
    {
        trade(T0, 100.0, 100.0);
        flow.ensureCapacity(64);
        assertEquals(100.0, flow.windowVolume(SLOT));
        flow.advance(63, T0);
        flow.add(63, 7.0, 7.0, true);
        assertEquals(7.0, flow.windowVolume(63));
    }
}
