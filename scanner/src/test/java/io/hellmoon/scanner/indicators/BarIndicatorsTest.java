/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BarIndicatorsTest
{
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final long T0 = 1_723_161_240_000_000_000L;
    private static final int SLOT = 2;

    private final BarIndicators bars = new BarIndicators(4, MINUTE, 240, 14, 100, 14, 200, 20);

    @Test
    void shouldMatchTa4jOnRandomBars()
    {
        final BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        final Random random = new Random(42);
        double close = 100.0;
        for (int i = 0; i < 600; i++)
        {
            final double open = close;
            close = open * Math.exp(0.004 * random.nextGaussian() + 0.0005 * Math.sin(i / 40.0));
            final double high = Math.max(open, close) * (1.0 + 0.002 * random.nextDouble());
            final double low = Math.min(open, close) * (1.0 - 0.002 * random.nextDouble());
            bars.onFeedBar(SLOT, T0 + i * MINUTE, open, high, low, close);
            series.addBar(ZonedDateTime.ofInstant(Instant.ofEpochSecond(0, T0 + (i + 1) * MINUTE), ZoneOffset.UTC),
                open, high, low, close, 1.0);
            series.getLastBar();
        }

        final ATRIndicator atr = new ATRIndicator(series, 14);
        final ATRIndicator atrLong = new ATRIndicator(series, 100);
        final ADXIndicator adx = new ADXIndicator(series, 14);
        final PlusDIIndicator plusDi = new PlusDIIndicator(series, 14);
        final MinusDIIndicator minusDi = new MinusDIIndicator(series, 14);
        final EMAIndicator ema = new EMAIndicator(new ClosePriceIndicator(series), 200);
        final int last = series.getEndIndex();

        assertEquals(600, bars.bars(SLOT));
        assertEquals(atr.getValue(last).doubleValue(), bars.atr(SLOT), 1e-12);
        assertEquals(atrLong.getValue(last).doubleValue(), bars.atrLong(SLOT), 1e-12);
        assertEquals(adx.getValue(last).doubleValue(), bars.adx(SLOT), 1e-9);
        assertEquals(plusDi.getValue(last).doubleValue(), bars.plusDi(SLOT), 1e-9);
        assertEquals(minusDi.getValue(last).doubleValue(), bars.minusDi(SLOT), 1e-9);
        assertEquals(ema.getValue(last).doubleValue(), bars.ema(SLOT), 1e-9);
        assertEquals(bars.atr(SLOT) / bars.atrLong(SLOT), bars.atrRatio(SLOT), 1e-15);
    }

    @Test
    void shouldMatchTa4jAfterEveryBar()
    {
        final BarIndicators small = new BarIndicators(1, MINUTE, 240, 5, 10, 5, 8, 4);
        final BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        final Random random = new Random(7);
        final ATRIndicator atr = new ATRIndicator(series, 5);
        final ADXIndicator adx = new ADXIndicator(series, 5);
        final EMAIndicator ema = new EMAIndicator(new ClosePriceIndicator(series), 8);
        double close = 20.0;
        for (int i = 0; i < 60; i++)
        {
            final double open = close;
            close = open + random.nextGaussian() * 0.3;
            final double high = Math.max(open, close) + random.nextDouble() * 0.2;
            final double low = Math.min(open, close) - random.nextDouble() * 0.2;
            small.onFeedBar(0, T0 + i * MINUTE, open, high, low, close);
            series.addBar(Duration.ofMinutes(1),
                ZonedDateTime.ofInstant(Instant.ofEpochSecond(0, T0 + (i + 1) * MINUTE), ZoneOffset.UTC),
                open, high, low, close, 1.0);

            assertEquals(atr.getValue(i).doubleValue(), small.atr(0), 1e-12, "ATR at bar " + i);
            assertEquals(adx.getValue(i).doubleValue(), small.adx(0), 1e-9, "ADX at bar " + i);
            assertEquals(ema.getValue(i).doubleValue(), small.ema(0), 1e-12, "EMA at bar " + i);
        }
    }

    @Test
    void shouldBuildBarsFromTradesAlignedToTheInterval()
    {
        final long start = T0 + 10 * TimeUnit.SECONDS.toNanos(1);
        assertEquals(0, bars.onTrade(SLOT, start, 100.0, 1.0));
        assertEquals(0, bars.onTrade(SLOT, start + 20_000_000_000L, 103.0, 1.0));
        assertEquals(0, bars.onTrade(SLOT, start + 40_000_000_000L, 99.0, 1.0));
        assertEquals(0, bars.onTrade(SLOT, T0 + MINUTE - 1, 101.0, 1.0));
        assertEquals(0, bars.bars(SLOT));

        assertEquals(1, bars.onTrade(SLOT, T0 + MINUTE, 102.0, 1.0));
        assertEquals(1, bars.bars(SLOT));
        assertEquals(T0, bars.lastBarOpenNs(SLOT));
        assertEquals(101.0, bars.close(SLOT));
        assertEquals(103.0, bars.rangeHigh(SLOT));
        assertEquals(99.0, bars.rangeLow(SLOT));
        assertEquals(4.0, bars.atr(SLOT), "first bar: high - low");
        assertEquals(4.0 / 101.0, bars.rangeWidth(SLOT), 1e-15);
    }

    @Test
    void shouldFillGapsWithFlatBarsAtThePreviousClose()
    {
        bars.onTrade(SLOT, T0, 100.0, 1.0);
        bars.onTrade(SLOT, T0 + 30_000_000_000L, 102.0, 1.0);
        assertEquals(1, bars.onTrade(SLOT, T0 + MINUTE, 102.0, 1.0));

        // Nothing traded from minute 2 to minute 6: the bar of minute 1 closes with five flat bars after it.
        assertEquals(6, bars.onTrade(SLOT, T0 + 7 * MINUTE + 1, 102.0, 1.0));
        assertEquals(7, bars.bars(SLOT));
        assertEquals(T0 + 6 * MINUTE, bars.lastBarOpenNs(SLOT));
        assertEquals(2.0 * Math.pow(13.0 / 14.0, 6), bars.atr(SLOT), 1e-12, "flat bars have no true range");
    }

    @Test
    void shouldCapTheGapFill()
    {
        final BarIndicators capped = new BarIndicators(1, MINUTE, 3, 14, 100, 14, 200, 20);
        capped.onTrade(0, T0, 100.0, 1.0);
        assertEquals(1, capped.onTrade(0, T0 + MINUTE, 100.0, 1.0));
        assertEquals(4, capped.onTrade(0, T0 + 100 * MINUTE, 100.0, 1.0), "3 flat bars and the bar of minute 1");
    }

    @Test
    void shouldPreferFeedBarsWhileTheFeedDeliversThem()
    {
        bars.onTrade(SLOT, T0 + 1, 100.0, 1.0);
        bars.onFeedBar(SLOT, T0, 100.0, 110.0, 90.0, 105.0);
        assertTrue(bars.isFeedSourced(SLOT));

        assertEquals(0, bars.onTrade(SLOT, T0 + MINUTE + 1, 101.0, 1.0), "minute 0 already came from the feed");
        assertEquals(0, bars.onTrade(SLOT, T0 + 2 * MINUTE + 1, 102.0, 1.0),
            "minute 1 is held back: the feed bar for it is due");
        assertEquals(1, bars.onFeedBar(SLOT, T0 + MINUTE, 101.0, 101.5, 100.5, 101.0));
        assertEquals(101.0, bars.close(SLOT), "the feed's close, not the trades'");
        assertEquals(0, bars.onFeedBar(SLOT, T0 + MINUTE, 101.0, 101.5, 100.5, 101.0), "a duplicate");
        assertEquals(2, bars.bars(SLOT));
    }

    @Test
    void shouldFallBackToTradeBarsWhenFeedBarsStop()
    {
        bars.onFeedBar(SLOT, T0, 100.0, 101.0, 99.0, 100.0);
        bars.onTrade(SLOT, T0 + MINUTE + 1, 100.0, 1.0);
        assertEquals(0, bars.onTrade(SLOT, T0 + 2 * MINUTE + 1, 100.5, 1.0));
        assertEquals(0, bars.onTrade(SLOT, T0 + 2 * MINUTE + 2, 100.7, 1.0));

        // No feed bar for minutes 1 and 2: the trades' bar of minute 2 is applied, minute 1 filled flat.
        assertEquals(2, bars.onTrade(SLOT, T0 + 3 * MINUTE + 1, 101.0, 1.0));
        assertFalse(bars.isFeedSourced(SLOT));
        assertEquals(100.7, bars.close(SLOT));
        assertEquals(T0 + 2 * MINUTE, bars.lastBarOpenNs(SLOT));
    }

    @Test
    void shouldPublishTheAtrRatioOnlyOnceTheLongAtrHasItsBars()
    {
        final BarIndicators short10 = new BarIndicators(1, MINUTE, 240, 3, 10, 3, 5, 5);
        for (int i = 0; i < 9; i++)
        {
            short10.onFeedBar(0, T0 + i * MINUTE, 100.0, 101.0, 99.0, 100.0);
            assertEquals(0.0, short10.atrRatio(0));
        }
        short10.onFeedBar(0, T0 + 9 * MINUTE, 100.0, 101.0, 99.0, 100.0);
        assertEquals(1.0, short10.atrRatio(0), 1e-12);
    }

    @Test
    void shouldKeepStateWhenGrowing()
    {
        bars.onFeedBar(SLOT, T0, 100.0, 101.0, 99.0, 100.5);
        bars.ensureCapacity(1_000);
        assertEquals(1, bars.bars(SLOT));
        assertEquals(100.5, bars.close(SLOT));
        assertEquals(0, bars.bars(999));
        assertEquals(1, bars.onFeedBar(999, T0, 100.0, 101.0, 99.0, 100.5));
    }
}
