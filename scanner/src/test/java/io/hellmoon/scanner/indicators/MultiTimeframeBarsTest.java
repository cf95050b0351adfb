/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

import io.hellmoon.codecs.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultiTimeframeBarsTest
{
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /**
     * 2024-08-08T00:00:00Z: a UTC midnight, so every timeframe starts a bar here.
     */
    private static final long T0 = 1_723_075_200_000_000_000L;
    private static final int SLOT = 2;
    private static final int M1 = 1;

    private final MultiTimeframeBars all = new MultiTimeframeBars(4, 240, 14, 100, 14, 200, 14, 20, 2.0, 20, 20);
    private final TimeframeBars bars = all.timeframe(Timeframe.M1);

    @Test
    void shouldBuildBarsFromTradesAlignedToTheMinute()
    {
        final long start = T0 + 10 * SECOND;
        assertEquals(0, all.onTrade(SLOT, start, 100.0, 1.0));
        assertEquals(0, all.onTrade(SLOT, start + 20 * SECOND, 103.0, 2.0));
        assertEquals(0, all.onTrade(SLOT, start + 40 * SECOND, 99.0, 1.0));
        assertEquals(0, all.onTrade(SLOT, T0 + MINUTE - 1, 101.0, 1.0));
        assertEquals(0, bars.bars(SLOT));

        assertEquals(M1, all.onTrade(SLOT, T0 + MINUTE, 102.0, 1.0));
        assertEquals(1, bars.bars(SLOT));
        assertEquals(T0, bars.lastOpenNs(SLOT));
        assertEquals(101.0, bars.close(SLOT));
        assertEquals(5.0, bars.volume(SLOT));
        assertEquals(103.0, bars.rangeHigh(SLOT));
        assertEquals(99.0, bars.rangeLow(SLOT));
        assertEquals(4.0, bars.atr(SLOT), "first bar: high - low");
        assertEquals(4.0 / 101.0, bars.rangeWidth(SLOT), 1e-15);
        assertEquals(102.0, all.lastPrice(SLOT));
    }

    @Test
    void shouldFillGapsWithFlatBarsAtThePreviousClose()
    {
        all.onTrade(SLOT, T0, 100.0, 1.0);
        all.onTrade(SLOT, T0 + 30 * SECOND, 102.0, 1.0);
        assertEquals(M1, all.onTrade(SLOT, T0 + MINUTE, 102.0, 1.0));

        // Nothing traded from minute 2 to minute 6: the bar of minute 1 closes with five flat bars after it, which
        // complete the first 5m bar too.
        final int closed = all.onTrade(SLOT, T0 + 7 * MINUTE + 1, 102.0, 1.0);
        assertEquals(M1 | 1 << Timeframe.M5.ordinal(), closed);
        assertEquals(7, bars.bars(SLOT));
        assertEquals(T0 + 6 * MINUTE, bars.lastOpenNs(SLOT));
        assertEquals(2.0 * Math.pow(13.0 / 14.0, 6), bars.atr(SLOT), 1e-12, "flat bars have no true range");
        assertEquals(0.0, bars.volume(SLOT));
    }

    @Test
    void shouldCapTheGapFill()
    {
        final MultiTimeframeBars capped = new MultiTimeframeBars(1, 3, 14, 100, 14, 200, 14, 20, 2.0, 20, 20);
        capped.onTrade(0, T0, 100.0, 1.0);
        assertEquals(M1, capped.onTrade(0, T0 + MINUTE, 100.0, 1.0));
        capped.onTrade(0, T0 + 100 * MINUTE, 100.0, 1.0);
        assertEquals(5, capped.timeframe(Timeframe.M1).bars(0), "the bars of minutes 0 and 1 and 3 flat bars");
        assertEquals(T0 + 4 * MINUTE, capped.timeframe(Timeframe.M1).lastOpenNs(0));
    }

    @Test
    void shouldPreferFeedBarsWhileTheFeedDeliversThem()
    {
        all.onTrade(SLOT, T0 + 1, 100.0, 1.0);
        all.onFeedBar(SLOT, T0, 100.0, 110.0, 90.0, 105.0, 50.0);
        assertTrue(all.isFeedSourced(SLOT));

        assertEquals(0, all.onTrade(SLOT, T0 + MINUTE + 1, 101.0, 1.0), "minute 0 already came from the feed");
        assertEquals(0, all.onTrade(SLOT, T0 + 2 * MINUTE + 1, 102.0, 1.0),
            "minute 1 is held back: the feed bar for it is due");
        assertEquals(M1, all.onFeedBar(SLOT, T0 + MINUTE, 101.0, 101.5, 100.5, 101.0, 7.0));
        assertEquals(101.0, bars.close(SLOT), "the feed's close, not the trades'");
        assertEquals(7.0, bars.volume(SLOT));
        assertEquals(0, all.onFeedBar(SLOT, T0 + MINUTE, 101.0, 101.5, 100.5, 101.0, 7.0), "a duplicate");
        assertEquals(2, bars.bars(SLOT));
    }

    @Test
    void shouldFallBackToTradeBarsWhenFeedBarsStop()
    {
        all.onFeedBar(SLOT, T0, 100.0, 101.0, 99.0, 100.0, 1.0);
        all.onTrade(SLOT, T0 + MINUTE + 1, 100.0, 1.0);
        assertEquals(0, all.onTrade(SLOT, T0 + 2 * MINUTE + 1, 100.5, 1.0));
        assertEquals(0, all.onTrade(SLOT, T0 + 2 * MINUTE + 2, 100.7, 1.0));

        // No feed bar for minutes 1 and 2: the trades' bar of minute 2 is applied, minute 1 filled flat.
        assertEquals(M1, all.onTrade(SLOT, T0 + 3 * MINUTE + 1, 101.0, 1.0));
        assertFalse(all.isFeedSourced(SLOT));
        assertEquals(100.7, bars.close(SLOT));
        assertEquals(T0 + 2 * MINUTE, bars.lastOpenNs(SLOT));
        assertEquals(3, bars.bars(SLOT));
    }

    @Test
    void shouldAggregateLongerTimeframesFromTheMinuteBars()
    {
        final Random random = new Random(11);
        final double[] open = new double[1440];
        final double[] high = new double[1440];
        final double[] low = new double[1440];
        final double[] close = new double[1440];
        double last = 100.0;
        for (int i = 0; i < 1440; i++)
        {
            open[i] = last;
            close[i] = last * (1.0 + 0.002 * random.nextGaussian());
            high[i] = Math.max(open[i], close[i]) + random.nextDouble() * 0.1;
            low[i] = Math.min(open[i], close[i]) - random.nextDouble() * 0.1;
            last = close[i];
            final int closed = all.onFeedBar(SLOT, T0 + i * MINUTE, open[i], high[i], low[i], close[i], 1.0 + i % 7);
            for (final Timeframe timeframe : Timeframe.values())
            {
                final int minutes = (int)(timeframe.durationNs() / MINUTE);
                final boolean lastMinute = 0 == (i + 1) % minutes;
                assertEquals(lastMinute, 0 != (closed & 1 << timeframe.ordinal()), timeframe + " at minute " + i);
            }
        }

        for (final Timeframe timeframe : Timeframe.values())
        {
            final int minutes = (int)(timeframe.durationNs() / MINUTE);
            final TimeframeBars tf = all.timeframe(timeframe);
            assertEquals(1440 / minutes, tf.bars(SLOT), timeframe.label());
            final int first = 1440 - minutes;
            double expectedHigh = Double.NEGATIVE_INFINITY;
            double expectedLow = Double.POSITIVE_INFINITY;
            double expectedVolume = 0.0;
            for (int i = first; i < 1440; i++)
            {
                expectedHigh = Math.max(expectedHigh, high[i]);
                expectedLow = Math.min(expectedLow, low[i]);
                expectedVolume += 1.0 + i % 7;
            }
            assertEquals(T0 + first * MINUTE, tf.lastOpenNs(SLOT), timeframe.label());
            assertEquals(close[1439], tf.close(SLOT), timeframe.label());
            assertEquals(expectedHigh, tf.high(SLOT), timeframe.label());
            assertEquals(expectedLow, tf.low(SLOT), timeframe.label());
            assertEquals(expectedVolume, tf.volume(SLOT), 1e-9, timeframe.label());
        }
    }

    @Test
    void shouldCloseALongerBarWhenAMinuteOfALaterIntervalArrives()
    {
        // Minutes 0 to 3 of a 5m bar, then minute 7: the 5m bar of minutes 0-4 closes (minute 4 filled flat).
        for (int i = 0; i < 4; i++)
        {
            all.onFeedBar(SLOT, T0 + i * MINUTE, 100.0, 101.0, 99.0, 100.0 + i, 1.0);
        }
        final TimeframeBars five = all.timeframe(Timeframe.M5);
        assertEquals(0, five.bars(SLOT));
        final int closed = all.onFeedBar(SLOT, T0 + 7 * MINUTE, 103.0, 104.0, 102.0, 103.5, 1.0);
        assertTrue(0 != (closed & 1 << Timeframe.M5.ordinal()));
        assertEquals(1, five.bars(SLOT));
        assertEquals(103.0, five.close(SLOT), "minute 4 is a flat bar at minute 3's close");
        assertEquals(4.0, five.volume(SLOT));
    }

    @Test
    void shouldPublishTheAtrRatioOnlyOnceTheLongAtrHasItsBars()
    {
        final MultiTimeframeBars short10 = new MultiTimeframeBars(1, 240, 3, 10, 3, 5, 14, 20, 2.0, 5, 5);
        final TimeframeBars minute = short10.timeframe(Timeframe.M1);
        for (int i = 0; i < 9; i++)
        {
            short10.onFeedBar(0, T0 + i * MINUTE, 100.0, 101.0, 99.0, 100.0, 1.0);
            assertEquals(0.0, minute.atrRatio(0));
        }
        short10.onFeedBar(0, T0 + 9 * MINUTE, 100.0, 101.0, 99.0, 100.0, 1.0);
        assertEquals(1.0, minute.atrRatio(0), 1e-12);
    }

    @Test
    void shouldFindTheExtremesOfTheLastBars()
    {
        for (int i = 0; i < 30; i++)
        {
            all.onFeedBar(SLOT, T0 + i * MINUTE, 100.0, 101.0 + i % 10, 99.0 - i % 4, 100.0, 1.0);
        }
        assertEquals(110.0, bars.highestHigh(SLOT, 20));
        assertEquals(101.0 + 9, bars.highestHigh(SLOT, 5), "bar 29's high");
        assertEquals(96.0, bars.lowestLow(SLOT, 20));
        assertEquals(98.0, bars.lowestLow(SLOT, 1), "bar 29: 99 - 29 % 4");
    }

    @Test
    void shouldKeepStateWhenGrowing()
    {
        all.onFeedBar(SLOT, T0, 100.0, 101.0, 99.0, 100.5, 1.0);
        all.ensureCapacity(1_000);
        assertEquals(1, bars.bars(SLOT));
        assertEquals(100.5, bars.close(SLOT));
        assertEquals(0, bars.bars(999));
        assertEquals(M1, all.onFeedBar(999, T0, 100.0, 101.0, 99.0, 100.5, 1.0));
    }

    @Test
    void shouldStateItsMemoryPerInstrument()
    {
        final long bytes = all.bytesPerSlot();
        System.out.println("bars of six timeframes: " + bytes + " bytes per instrument");
        assertTrue(bytes > 3_000 && bytes < 6_000, () -> "bytes " + bytes);
    }
}
