/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

import io.hellmoon.codecs.Timeframe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.Num;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The incremental bar indicators of every timeframe against ta4j 0.17 on the same bars, to a relative 1e-9 after
 * every closed bar. ta4j computes in {@code DecimalNum} (32 digits): its {@code DoubleNum} compares with an absolute
 * epsilon of 1e-5, which makes the price moves of a 3e-5 BTC-quoted altcoin "equal" and its directional movement 0.
 * Compared: on real Binance klines (ADABTC, 1m), on 1m bars the scanner builds from the
 * trades of the real captures, and on a long seeded series with the default periods, aggregated to 5m..1d.
 */
class IndicatorsVersusTa4jTest
{
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final double RELATIVE = 1e-9;
    private static final int SLOT = 3;

    /**
     * One bar as ta4j sees it.
     */
    private record Ohlc(long openNs, double open, double high, double low, double close, double volume)
    {
    }

    /**
     * A ta4j series and the indicators to compare, with the same periods as the bars under test.
     */
    private static final class Reference
    {
        final BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DecimalNum.class).build();
        final Duration barLength;
        final ATRIndicator atr;
        final ATRIndicator atrLong;
        final ADXIndicator adx;
        final PlusDIIndicator plusDi;
        final MinusDIIndicator minusDi;
        final EMAIndicator ema;
        final RSIIndicator rsi;
        final BollingerBandsMiddleIndicator middle;
        final StandardDeviationIndicator deviation;
        final BollingerBandsUpperIndicator upper;
        final BollingerBandsLowerIndicator lower;

        Reference(final long barNs, final Periods p)
        {
            barLength = Duration.ofNanos(barNs);
            final ClosePriceIndicator close = new ClosePriceIndicator(series);
            atr = new ATRIndicator(series, p.atr);
            atrLong = new ATRIndicator(series, p.atrLong);
            adx = new ADXIndicator(series, p.adx);
            plusDi = new PlusDIIndicator(series, p.adx);
            minusDi = new MinusDIIndicator(series, p.adx);
            ema = new EMAIndicator(close, p.ema);
            rsi = new RSIIndicator(close, p.rsi);
            middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, p.bollinger));
            deviation = new StandardDeviationIndicator(close, p.bollinger);
            final Num k = series.numOf(p.bollingerWidth);
            upper = new BollingerBandsUpperIndicator(middle, deviation, k);
            lower = new BollingerBandsLowerIndicator(middle, deviation, k);
        }

        void add(final Ohlc bar)
        {
            series.addBar(barLength, ZonedDateTime.ofInstant(
                Instant.ofEpochSecond(0, bar.openNs + barLength.toNanos()), ZoneOffset.UTC),
                bar.open, bar.high, bar.low, bar.close, bar.volume);
        }

        void assertMatches(final TimeframeBars bars, final int slot, final String where)
        {
            final int i = series.getEndIndex();
            assertEquals(series.getBarCount(), bars.bars(slot), where + ": bars");
            assertClose(series.getBar(i).getClosePrice(), bars.close(slot), where + " close");
            assertClose(series.getBar(i).getHighPrice(), bars.high(slot), where + " high");
            assertClose(series.getBar(i).getLowPrice(), bars.low(slot), where + " low");
            assertClose(atr, i, bars.atr(slot), where + " ATR");
            assertClose(atrLong, i, bars.atrLong(slot), where + " long ATR");
            assertClose(adx, i, bars.adx(slot), where + " ADX");
            assertClose(plusDi, i, bars.plusDi(slot), where + " +DI");
            assertClose(minusDi, i, bars.minusDi(slot), where + " -DI");
            assertClose(ema, i, bars.ema(slot), where + " EMA");
            assertClose(rsi, i, bars.rsi(slot), where + " RSI");
            assertClose(middle, i, bars.bollingerMiddle(slot), where + " Bollinger middle");
            assertClose(deviation, i, bars.bollingerDeviation(slot), where + " Bollinger deviation");
            assertClose(upper, i, bars.bollingerUpper(slot), where + " Bollinger upper");
            assertClose(lower, i, bars.bollingerLower(slot), where + " Bollinger lower");
        }
    }

    private record Periods(
        int atr, int atrLong, int adx, int ema, int rsi, int bollinger, double bollingerWidth, int range)
    {
        MultiTimeframeBars bars(final int capacity)
        {
            return new MultiTimeframeBars(
                capacity, 240, atr, atrLong, adx, ema, rsi, bollinger, bollingerWidth, range, Math.max(range, 20));
        }
    }

    private static final Periods SHORT = new Periods(3, 8, 3, 5, 3, 5, 2.0, 5);
    private static final Periods DEFAULTS = new Periods(14, 100, 14, 200, 14, 20, 2.0, 20);

    private static void assertClose(
        final Indicator<Num> indicator, final int index, final double actual, final String what)
    {
        assertClose(indicator.getValue(index), actual, what + " at " + index);
    }

    private static void assertClose(final Num expectedNum, final double actual, final String what)
    {
        final double expected = expectedNum.doubleValue();
        if (!(Math.abs(expected - actual) <= RELATIVE * Math.max(Math.abs(expected), Math.abs(actual))))
        {
            fail(what + ": ta4j " + expected + ", scanner " + actual + ", relative error " +
                Math.abs(expected - actual) / Math.abs(expected));
        }
    }

    @Test
    void shouldMatchTa4jOnRealKlines() throws IOException
    {
        int compared = 0;
        // The two files are a day apart: each is its own series, not one with a day of flat bars between.
        for (final String day : new String[]{ "2021-11-27", "2021-11-28" })
        {
            final List<Ohlc> minutes = new ArrayList<>();
            for (final String line : Files.readAllLines(TestData.file("binance/fixtures/ADABTC-1m-" + day + ".csv")))
            {
                if (line.isBlank())
                {
                    continue;
                }
                final String[] f = line.split(",");
                minutes.add(new Ohlc(TimeUnit.MILLISECONDS.toNanos(Long.parseLong(f[0])), Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5])));
            }

            final MultiTimeframeBars bars = SHORT.bars(SLOT + 1);
            final Reference m1 = new Reference(MINUTE, SHORT);
            for (final Ohlc bar : minutes)
            {
                final int closed = bars.onFeedBar(
                    SLOT, bar.openNs, bar.open, bar.high, bar.low, bar.close, bar.volume);
                assertTrue(0 != (closed & 1 << Timeframe.M1.ordinal()), "a closed kline closes a 1m bar");
                m1.add(bar);
                m1.assertMatches(bars.timeframe(Timeframe.M1), SLOT, "ADABTC " + day + " kline " + compared++);
            }
            assertAggregates(bars, minutes, Timeframe.M5, SHORT);
        }
        assertEquals(21, compared);
    }

    @Test
    void shouldMatchTa4jOnBarsBuiltFromTheCapturesTrades() throws IOException
    {
        final ObjectMapper mapper = new ObjectMapper();
        final String[] captures = {
            "binance/captures/usdm/btcusdt_20240808.gz", "binance/captures/usdm/ethusdt_20240808.gz",
            "binance/captures/spot/btcusdt_20240808.gz", "binance/captures/spot/ethusdt_20240808.gz" };
        int compared = 0;
        for (final String capture : captures)
        {
            final MultiTimeframeBars bars = SHORT.bars(SLOT + 1);
            final TimeframeBars minuteBars = bars.timeframe(Timeframe.M1);
            final Reference m1 = new Reference(MINUTE, SHORT);
            long openNs = Long.MIN_VALUE;
            double open = 0;
            double high = 0;
            double low = 0;
            double close = 0;
            double volume = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(TestData.file(capture))), StandardCharsets.UTF_8)))
            {
                for (String line = reader.readLine(); null != line; line = reader.readLine())
                {
                    final int space = line.indexOf(' ');
                    if (space < 0 || !line.contains("@trade"))
                    {
                        continue;
                    }
                    final JsonNode data = mapper.readTree(line.substring(space + 1)).get("data");
                    if (null == data || !"trade".equals(data.path("e").asText()))
                    {
                        continue;
                    }
                    final long timeNs = TimeUnit.MILLISECONDS.toNanos(data.get("T").asLong());
                    final double price = Double.parseDouble(data.get("p").asText());
                    final double size = Double.parseDouble(data.get("q").asText());
                    final long minuteNs = Math.floorDiv(timeNs, MINUTE) * MINUTE;
                    final int closed = bars.onTrade(SLOT, timeNs, price, size);
                    if (minuteNs != openNs)
                    {
                        if (Long.MIN_VALUE != openNs)
                        {
                            assertTrue(0 != (closed & 1 << Timeframe.M1.ordinal()));
                            m1.add(new Ohlc(openNs, open, high, low, close, volume));
                            m1.assertMatches(minuteBars, SLOT, capture + " minute " + m1.series.getEndIndex());
                            compared++;
                        }
                        openNs = minuteNs;
                        open = price;
                        high = price;
                        low = price;
                        close = price;
                        volume = 0;
                    }
                    high = Math.max(high, price);
                    low = Math.min(low, price);
                    close = price;
                    volume += size;
                }
            }
        }
        assertTrue(compared >= 20, "closed minutes compared: " + compared);
    }

    @Test
    void shouldMatchTa4jOnEveryTimeframeWithTheDefaultPeriods()
    {
        final MultiTimeframeBars bars = DEFAULTS.bars(SLOT + 1);
        final Reference m1 = new Reference(MINUTE, DEFAULTS);
        final List<Ohlc> minutes = new ArrayList<>();
        final Random random = new Random(42);
        final long startNs = 1_723_161_600_000_000_000L - 3 * TimeUnit.DAYS.toNanos(1);
        double close = 100.0;
        for (int i = 0; i < 3 * 1_440 + 7; i++)
        {
            final double open = close;
            close = open * Math.exp(0.002 * random.nextGaussian() + 0.0004 * Math.sin(i / 90.0));
            final double high = Math.max(open, close) * (1.0 + 0.001 * random.nextDouble());
            final double low = Math.min(open, close) * (1.0 - 0.001 * random.nextDouble());
            final Ohlc bar = new Ohlc(startNs + i * MINUTE, open, high, low, close, 1.0 + random.nextDouble());
            minutes.add(bar);
            bars.onFeedBar(SLOT, bar.openNs, bar.open, bar.high, bar.low, bar.close, bar.volume);
            m1.add(bar);
            m1.assertMatches(bars.timeframe(Timeframe.M1), SLOT, "1m bar " + i);
        }
        for (final Timeframe timeframe : Timeframe.values())
        {
            if (Timeframe.M1 != timeframe)
            {
                assertAggregates(bars, minutes, timeframe, DEFAULTS);
            }
        }
    }

    /**
     * Aggregate the minutes to the timeframe the usual way (open of the first, extremes, close of the last, summed
     * volume), leave out the last interval unless its last minute is there (a longer bar closes with its last minute,
     * or else on a minute of a later interval) and compare.
     */
    private static void assertAggregates(
        final MultiTimeframeBars bars, final List<Ohlc> minutes, final Timeframe timeframe, final Periods periods)
    {
        final long barNs = timeframe.durationNs();
        final Reference reference = new Reference(barNs, periods);
        final long lastMinuteNs = minutes.get(minutes.size() - 1).openNs;
        final long lastOpenNs = lastMinuteNs + MINUTE == Math.floorDiv(lastMinuteNs, barNs) * barNs + barNs ?
            Long.MAX_VALUE : Math.floorDiv(lastMinuteNs, barNs) * barNs;
        Ohlc forming = null;
        for (final Ohlc minute : minutes)
        {
            final long openNs = Math.floorDiv(minute.openNs, barNs) * barNs;
            if (openNs == lastOpenNs)
            {
                break;
            }
            if (null != forming && forming.openNs != openNs)
            {
                reference.add(forming);
                forming = null;
            }
            forming = null == forming ?
                new Ohlc(openNs, minute.open, minute.high, minute.low, minute.close, minute.volume) :
                new Ohlc(openNs, forming.open, Math.max(forming.high, minute.high), Math.min(forming.low, minute.low),
                minute.close, forming.volume + minute.volume);
        }
        if (null != forming)
        {
            reference.add(forming);
        }
        assertTrue(reference.series.getBarCount() > 0, timeframe + " has closed bars");
        reference.assertMatches(bars.timeframe(timeframe), SLOT, timeframe.toString());
    }
}
