/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.test.AllocationMeter;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.hellmoon.feed.synthetic.TapeMeasures.mean;
import static io.hellmoon.feed.synthetic.TapeMeasures.median;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up history: closed 1m klines before the start, checked on the emitted frames alone (Jackson, and the
 * {@link UsdmTape} client for the wire format), against the model's volatility and correlation and against what the
 * live market itself produces.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SyntheticMarketHistoryTest
{
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE_MS = 60_000L;
    private static final long MINUTE_NS = TimeUnit.MINUTES.toNanos(1);

    private static SyntheticMarket.Context smallMarket()
    {
        return new SyntheticMarket.Context()
            .instrumentCount(50)
            .messageRate(2_000)
            .anomalyWarmUpNs(10 * SECOND_NS)
            .anomalyRatePerInstrumentHour(30)
            .liquidationRatePerInstrumentHour(30)
            .klineUpdateIntervalMs(1000)
            .breakoutLookbackBars(1)
            .historyBars(60);
    }

    @Test
    void shouldDeliverClosedKlinesForTheWholeMinutesBeforeTheStart()
    {
        // A start inside a minute: the first live bar opens at the minute, and the history ends there.
        final long alignedNs = new SyntheticMarket.Context().startTimeNs();
        assertKlineHistory(smallMarket().startTimeNs(alignedNs + 37_500_000_000L));
        assertKlineHistory(smallMarket());
    }

    private static void assertKlineHistory(final SyntheticMarket.Context ctx)
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        final long startNs = ctx.startTimeNs();
        final Recorder recorder = new Recorder(new UsdmTape(registry, ctx.imbalanceLevels()), startNs);
        final SyntheticMarket market = new SyntheticMarket(ctx.registry(registry), recorder);
        final long startMs = startNs / 1_000_000L;
        final long firstLiveOpenMs = startMs - startMs % MINUTE_MS;
        final int bars = ctx.historyBars();
        final int count = ctx.instrumentCount();

        // Snapshots first, as a client syncing books does: their mids are the start prices.
        market.emitSnapshots(startNs);
        assertEquals((long)bars * count, market.historyFramesRemaining());
        assertEquals(market.currentTimeNs(), market.nextEventTimeNs());
        while (market.generate(startNs + 3 * MINUTE_NS, 97) > 0)
        {
            // drain: the history comes first, then three live minutes
        }
        assertEquals(0, market.historyFramesRemaining());
        assertEquals(0, recorder.tape.errorCount(), () -> String.join("\n", recorder.tape.errors()));
        assertEquals(market.frameCount(), recorder.tape.frames());
        assertEquals((long)bars * count, market.historyFrames());
        assertEquals((long)bars * count, recorder.historyCount);

        for (int i = 0; i < count; i++)
        {
            final String symbol = market.symbol(i);
            final List<JsonNode> history = recorder.history.get(symbol);
            assertEquals(bars, history.size(), symbol);
            final long tick = registry.get(market.instrumentId(i)).tickSize();
            long previousLastId = -1;
            long previousClose = -1;
            for (int b = 0; b < bars; b++)
            {
                final JsonNode k = history.get(b).get("k");
                final long openMs = firstLiveOpenMs - (bars - b) * MINUTE_MS;
                assertEquals(openMs, k.get("t").asLong(), symbol);
                assertEquals(openMs + MINUTE_MS - 1, k.get("T").asLong(), symbol);
                assertEquals(openMs + MINUTE_MS, history.get(b).get("E").asLong(), symbol);
                assertTrue(k.get("x").asBoolean(), symbol);
                final long open = mantissa(k, "o");
                final long close = mantissa(k, "c");
                final long high = mantissa(k, "h");
                final long low = mantissa(k, "l");
                assertTrue(high >= Math.max(open, close) && low <= Math.min(open, close) && low > 0, k::toString);
                assertTrue(previousClose < 0 || open == previousClose, k::toString);
                previousClose = close;

                final long trades = k.get("n").asLong();
                final long volume = mantissa(k, "v");
                final long takerBuyVolume = mantissa(k, "V");
                final double quote = k.get("q").asDouble();
                final double takerBuyQuote = k.get("Q").asDouble();
                assertTrue(takerBuyVolume <= volume && takerBuyQuote <= quote * (1 + 1e-9), k::toString);
                if (0 == trades)
                {
                    assertEquals(-1, k.get("f").asLong());
                    assertEquals(-1, k.get("L").asLong());
                    assertTrue(0 == volume && open == close && high == open && low == open, k::toString);
                    continue;
                }
                assertTrue(volume >= trades * registry.get(market.instrumentId(i)).stepSize(), k::toString);
                final double volumeUnits = volume * 1e-8;
                assertTrue(quote >= volumeUnits * low * 1e-8 * (1 - 1e-6), k::toString);
                assertTrue(quote <= volumeUnits * high * 1e-8 * (1 + 1e-6), k::toString);
                final long firstId = k.get("f").asLong();
                final long lastId = k.get("L").asLong();
                assertEquals(trades, lastId - firstId + 1, k::toString);
                assertTrue(previousLastId < 0 || firstId == previousLastId + 1, k::toString);
                previousLastId = lastId;
            }

            // The last historical close is the start price: the mid of the first snapshot, on the tick grid.
            final long[] top = recorder.firstSnapshotTops.get(market.instrumentId(i));
            final long midTicks = (top[0] / tick + top[1] / tick) >>> 1;
            assertEquals(midTicks * tick, previousClose, symbol);
            // The history's trade ids end right before the first live trade.
            final long firstLiveTradeId = recorder.firstLiveTradeIds.getOrDefault(symbol, -1L);
            if (firstLiveTradeId > 0 && previousLastId > 0)
            {
                assertEquals(firstLiveTradeId, previousLastId + 1, symbol);
            }
        }
    }

    @Test
    void shouldRepeatThePreviousCloseInBarsWithoutTrades()
    {
        // The lowest frame rate the configuration allows: illiquid instruments, many empty minutes.
        final SyntheticMarket.Context ctx = new SyntheticMarket.Context()
            .instrumentCount(50)
            .messageRate(25)
            .anomalyRatePerInstrumentHour(0)
            .historyBars(120);
        final InstrumentRegistry registry = new InstrumentRegistry();
        final Recorder recorder = new Recorder(new UsdmTape(registry, ctx.imbalanceLevels()), ctx.startTimeNs());
        final SyntheticMarket market = new SyntheticMarket(ctx.registry(registry), recorder);
        while (market.emitHistory(1000) > 0)
        {
            // drain
        }

        assertEquals(0, recorder.tape.errorCount(), () -> String.join("\n", recorder.tape.errors()));
        int empty = 0;
        for (final List<JsonNode> history : recorder.history.values())
        {
            assertEquals(120, history.size());
            long previousClose = -1;
            for (final JsonNode frame : history)
            {
                final JsonNode k = frame.get("k");
                if (0 == k.get("n").asLong())
                {
                    empty++;
                    assertEquals(previousClose < 0 ? mantissa(k, "o") : previousClose, mantissa(k, "c"));
                    assertEquals(-1, k.get("f").asLong());
                }
                previousClose = mantissa(k, "c");
            }
            assertTrue(history.get(119).get("k").get("n").asLong() > 0, "the last close is a trade");
        }
        assertTrue(empty > 100, "empty bars " + empty);
    }

    @Test
    void shouldLeaveTheLiveFramesUnchanged()
    {
        final int bars = 30;
        final int count = smallMarket().instrumentCount();
        final List<byte[]> withoutHistory = record(smallMarket().historyBars(0), 0, 64);
        final List<byte[]> drainedByGenerate = record(smallMarket().historyBars(bars), 0, 64);
        final List<byte[]> emittedFirst = record(smallMarket().historyBars(bars), 7, 3);

        final int historyFrames = bars * count;
        assertEquals(withoutHistory.size() + historyFrames, drainedByGenerate.size());
        assertFramesEqual(withoutHistory, drainedByGenerate.subList(historyFrames, drainedByGenerate.size()));
        // However the calls slice it, the history is the same bytes, and so is everything after it.
        assertFramesEqual(drainedByGenerate, emittedFirst);
        for (int f = 0; f < historyFrames; f++)
        {
            final String frame = new String(drainedByGenerate.get(f), StandardCharsets.US_ASCII);
            assertTrue(frame.contains("@kline_1m\",\"data\":{\"e\":\"kline\"") && frame.contains("\"x\":true"),
                frame);
        }
    }

    @Test
    void shouldDrawTheSameHistoryForTheSameSeedOnly()
    {
        final List<byte[]> first = recordHistory(smallMarket().seed(42));
        final List<byte[]> second = recordHistory(smallMarket().seed(42));
        final List<byte[]> other = recordHistory(smallMarket().seed(43));
        assertFramesEqual(first, second);
        assertEquals(first.size(), other.size());
        assertFalse(Arrays.equals(first.get(first.size() / 2), other.get(other.size() / 2)));
    }

    @Test
    void shouldDrawTheModelsVolatilityAndCorrelation()
    {
        final int count = 200;
        final int bars = 240;
        final SyntheticMarket.Context ctx = new SyntheticMarket.Context()
            .instrumentCount(count).messageRate(1_000).historyBars(bars);
        final Bars history = new Bars(count, bars);
        final SyntheticMarket market = new SyntheticMarket(ctx, history);
        while (market.emitHistory(4096) > 0)
        {
            // drain
        }

        final double[] volatilityRatios = new double[count];
        final double[] varianceRatios = new double[count];
        final double[] rangeRatios = new double[count];
        final double[][] returns = new double[count][];
        for (int i = 0; i < count; i++)
        {
            final double sigma = market.baselineMinuteVolatility(i);
            returns[i] = history.logReturns(i);
            volatilityRatios[i] = deviation(returns[i]) / sigma;
            varianceRatios[i] = volatilityRatios[i] * volatilityRatios[i];
            rangeRatios[i] = history.atrOverPrice(i) / sigma;
        }

        double measured = 0;
        double model = 0;
        int pairs = 0;
        final double marketVariance = market.marketMinuteVolatility() * market.marketMinuteVolatility();
        for (int i = 0; i < count; i++)
        {
            for (int j = i + 1; j < count; j++)
            {
                measured += correlation(returns[i], returns[j]);
                model += market.marketBeta(i) * market.marketBeta(j) * marketVariance /
                    (market.baselineMinuteVolatility(i) * market.baselineMinuteVolatility(j));
                pairs++;
            }
        }
        measured /= pairs;
        model /= pairs;

        System.out.printf("history of %d x %d bars: 1m volatility / model median %.3f, mean variance / model " +
            "%.3f; ATR/price / model volatility median %.3f (continuous Brownian range: 1.596); mean pairwise " +
            "correlation %.3f (model %.3f)%n", count, bars, median(volatilityRatios), mean(varianceRatios),
            median(rangeRatios), measured, model);
        assertEquals(1.0, median(volatilityRatios), 0.1);
        assertEquals(1.0, mean(varianceRatios), 0.12);
        // Below the continuous range of 1.596 sigma (trades see the path at N points), above the close-to-close 0.8.
        assertTrue(median(rangeRatios) > 1.2 && median(rangeRatios) < 1.7, "ATR ratio " + median(rangeRatios));
        assertTrue(model > 0.2, "model correlation " + model);
        assertEquals(model, measured, 0.08);
    }

    @Test
    void shouldLookLikeTheLiveMarketsOwnBars()
    {
        final int count = 50;
        final int minutes = 60;
        final SyntheticMarket.Context ctx = new SyntheticMarket.Context()
            .seed(Long.getLong("synthetic.test.seed", SyntheticMarketConfiguration.SEED_DEFAULT))
            .instrumentCount(count)
            .messageRate(250)
            .anomalyRatePerInstrumentHour(0)
            .liquidationRatePerInstrumentHour(0)
            .klineUpdateIntervalMs(0)
            .historyBars(minutes);
        final Bars history = new Bars(count, minutes);
        final Bars live = new Bars(count, minutes);
        final long startNs = ctx.startTimeNs();
        final VenueFrameHandler split = new VenueFrameHandler()
        {
            public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long timeNs)
            {
                (timeNs <= startNs ? history : live).onFrame(buffer, offset, length, timeNs);
            }

            public void onDepthSnapshot(
                final int id, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
            {
            }
        };
        final SyntheticMarket market = new SyntheticMarket(ctx, split);
        while (market.generate(startNs + minutes * MINUTE_NS, 100_000) > 0)
        {
            // drain
        }

        final double[] rangeRatios = new double[count];
        final double[] volumeRatios = new double[count];
        final double[] tradeRatios = new double[count];
        final double[] volatilityRatios = new double[count];
        for (int i = 0; i < count; i++)
        {
            rangeRatios[i] = history.atrOverPrice(i) / live.atrOverPrice(i);
            volumeRatios[i] = history.meanVolume(i) / live.meanVolume(i);
            tradeRatios[i] = history.meanTrades(i) / live.meanTrades(i);
            volatilityRatios[i] = deviation(history.logReturns(i)) / deviation(live.logReturns(i));
        }
        System.out.printf("history / live over %d instruments and %d minutes, medians: ATR/price %.3f, 1m " +
            "volatility %.3f, volume %.3f, trades %.3f%n", count, minutes, median(rangeRatios),
            median(volatilityRatios), median(volumeRatios), median(tradeRatios));
        assertEquals(1.0, median(rangeRatios), 0.25);
        assertEquals(1.0, median(volatilityRatios), 0.25);
        assertEquals(1.0, median(volumeRatios), 0.25);
        assertEquals(1.0, median(tradeRatios), 0.25);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shouldEmitTwoThousandInstrumentsTimesSixtyBarsAtStartUp()
    {
        final SyntheticMarket.Context ctx = new SyntheticMarket.Context().historyBars(60);
        final SyntheticMarketTest.CountingHandler handler = new SyntheticMarketTest.CountingHandler();
        final SyntheticMarket market = new SyntheticMarket(ctx, handler);
        final long beforeNs = System.nanoTime();
        while (market.emitHistory(10_000) > 0)
        {
            // drain
        }
        final long elapsedNs = System.nanoTime() - beforeNs;
        assertEquals(120_000, handler.frames);
        assertEquals(120_000, market.historyFrames());
        System.out.printf("history of 2,000 x 60 bars: %d frames, %.1f MB in %d ms (cold JVM)%n", handler.frames,
            handler.bytes / 1e6, TimeUnit.NANOSECONDS.toMillis(elapsedNs));
    }

    @Test
    void shouldEmitHistoryWithoutAllocatingAfterWarmUp()
    {
        final SyntheticMarket.Context ctx = new SyntheticMarket.Context().historyBars(1440);
        final SyntheticMarketTest.CountingHandler handler = new SyntheticMarketTest.CountingHandler();
        final SyntheticMarket market = new SyntheticMarket(ctx, handler);
        final int[] delivered = new int[1];
        final Runnable batch = () -> delivered[0] += market.emitHistory(16);

        AllocationMeter.assertAllocationFree(20_000, 5_000, batch);
        assertTrue(market.historyFramesRemaining() > 0, "the measured runs emitted history");
        assertEquals(delivered[0], handler.frames);
    }

    @Test
    void shouldFailFastOnInvalidHistoryBars()
    {
        assertRejected(new SyntheticMarket.Context().historyBars(-1));
        assertRejected(new SyntheticMarket.Context().historyBars(1441));
        assertRejected(new SyntheticMarket.Context().historyBars(60).startTimeNs(30 * MINUTE_NS));
        new SyntheticMarket.Context().historyBars(1440).conclude();
    }

    private static void assertRejected(final SyntheticMarket.Context ctx)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, ctx::conclude);
        assertTrue(ex.getMessage().contains(SyntheticMarketConfiguration.HISTORY_BARS_PROP_NAME), ex.getMessage());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static long mantissa(final JsonNode k, final String field)
    {
        return FixedPoint.parse(k.get(field).asText(), -8);
    }

    private static void assertFramesEqual(final List<byte[]> expected, final List<byte[]> actual)
    {
        assertEquals(expected.size(), actual.size());
        for (int f = 0; f < expected.size(); f++)
        {
            assertArrayEquals(expected.get(f), actual.get(f), "frame " + f);
        }
    }

    /**
     * Every frame of a market with snapshots at the start and two live minutes, each prefixed by its receive time;
     * {@code historyBatch > 0} emits the history in batches of that size before the first {@code generate}.
     */
    private static List<byte[]> record(final SyntheticMarket.Context ctx, final int historyBatch, final int limit)
    {
        final FrameList frames = new FrameList();
        final SyntheticMarket market = new SyntheticMarket(ctx, frames);
        final long startNs = ctx.startTimeNs();
        market.emitSnapshots(startNs);
        if (historyBatch > 0)
        {
            while (market.emitHistory(historyBatch) > 0)
            {
                // drain
            }
        }
        for (long nowNs = startNs; nowNs <= startNs + 2 * MINUTE_NS; nowNs += 250_000_000L)
        {
            while (market.generate(nowNs, limit) > 0)
            {
                // drain
            }
        }
        return frames.frames;
    }

    private static List<byte[]> recordHistory(final SyntheticMarket.Context ctx)
    {
        final FrameList frames = new FrameList();
        final SyntheticMarket market = new SyntheticMarket(ctx, frames);
        while (market.emitHistory(500) > 0)
        {
            // drain
        }
        return frames.frames;
    }

    private static double deviation(final double[] values)
    {
        final double mean = mean(values);
        double sum = 0;
        for (final double value : values)
        {
            sum += (value - mean) * (value - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    private static double correlation(final double[] x, final double[] y)
    {
        final double meanX = mean(x);
        final double meanY = mean(y);
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int k = 0; k < x.length; k++)
        {
            xy += (x[k] - meanX) * (y[k] - meanY);
            xx += (x[k] - meanX) * (x[k] - meanX);
            yy += (y[k] - meanY) * (y[k] - meanY);
        }
        return xy / Math.sqrt(xx * yy);
    }

    private static JsonNode parse(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        try
        {
            return UsdmTape.JSON.readTree(bytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean isKline(final DirectBuffer buffer, final int offset, final int length)
    {
        final String head = buffer.getStringWithoutLengthAscii(offset, Math.min(length, 48));
        return head.contains("@kline_1m\"");
    }

    /**
     * Every frame's bytes, prefixed with its receive time.
     */
    private static final class FrameList implements VenueFrameHandler
    {
        final List<byte[]> frames = new ArrayList<>();

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
            final byte[] time = Long.toString(timeNs).getBytes(StandardCharsets.US_ASCII);
            final byte[] frame = Arrays.copyOf(time, time.length + 1 + length);
            frame[time.length] = ' ';
            buffer.getBytes(offset, frame, time.length + 1, length);
            frames.add(frame);
        }

        public void onDepthSnapshot(
            final int id, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
        }
    }

    /**
     * Checks every frame through a {@link UsdmTape} and keeps the historical klines (the frames received at or before
     * the start, which must all be klines), the first live trade id per symbol and the top of each instrument's first
     * snapshot.
     */
    private static final class Recorder implements VenueFrameHandler
    {
        final UsdmTape tape;
        final Map<String, List<JsonNode>> history = new HashMap<>();
        final Map<String, Long> firstLiveTradeIds = new HashMap<>();
        final Map<Integer, long[]> firstSnapshotTops = new HashMap<>();
        private final long startNs;
        long historyCount;

        Recorder(final UsdmTape tape, final long startNs)
        {
            this.tape = tape;
            this.startNs = startNs;
        }

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
            tape.onFrame(buffer, offset, length, timeNs);
            final boolean kline = isKline(buffer, offset, length);
            final JsonNode data = parse(buffer, offset, length).get("data");
            if (timeNs <= startNs)
            {
                assertTrue(kline, data::toString);
                history.computeIfAbsent(data.get("s").asText(), s -> new ArrayList<>()).add(data);
                historyCount++;
            }
            else
            {
                if ("trade".equals(data.get("e").asText()))
                {
                    firstLiveTradeIds.putIfAbsent(data.get("s").asText(), data.get("t").asLong());
                }
            }
        }

        public void onDepthSnapshot(
            final int id, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
            tape.onDepthSnapshot(id, buffer, offset, length, timeNs);
            final JsonNode root = parse(buffer, offset, length);
            firstSnapshotTops.putIfAbsent(id, new long[] {
                FixedPoint.parse(root.get("bids").get(0).get(0).asText(), -8),
                FixedPoint.parse(root.get("asks").get(0).get(0).asText(), -8)});
        }
    }

    /**
     * Closed 1m klines per instrument (index from the symbol's number), parsed with Jackson: closes, true ranges,
     * volumes and trade counts.
     */
    private static final class Bars implements VenueFrameHandler
    {
        private final double[][] open;
        private final double[][] high;
        private final double[][] low;
        private final double[][] close;
        private final double[][] volume;
        private final double[][] trades;
        private final int[] counts;

        Bars(final int instruments, final int capacity)
        {
            open = new double[instruments][capacity + 1];
            high = new double[instruments][capacity + 1];
            low = new double[instruments][capacity + 1];
            close = new double[instruments][capacity + 1];
            volume = new double[instruments][capacity + 1];
            trades = new double[instruments][capacity + 1];
            counts = new int[instruments];
        }

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
            if (!isKline(buffer, offset, length))
            {
                return;
            }
            final JsonNode k = parse(buffer, offset, length).get("data").get("k");
            if (!k.get("x").asBoolean())
            {
                return;
            }
            final String symbol = k.get("s").asText();
            final int i = Integer.parseInt(symbol.substring(3, symbol.length() - 4)) - 1;
            final int b = counts[i];
            if (b == close[i].length)
            {
                return;
            }
            open[i][b] = k.get("o").asDouble();
            high[i][b] = k.get("h").asDouble();
            low[i][b] = k.get("l").asDouble();
            close[i][b] = k.get("c").asDouble();
            volume[i][b] = k.get("v").asDouble();
            trades[i][b] = k.get("n").asDouble();
            counts[i] = b + 1;
        }

        public void onDepthSnapshot(
            final int id, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
        }

        double[] logReturns(final int i)
        {
            final double[] returns = new double[counts[i] - 1];
            for (int b = 1; b < counts[i]; b++)
            {
                returns[b - 1] = Math.log(close[i][b] / close[i][b - 1]);
            }
            return returns;
        }

        /**
         * Mean true range over the close, from the second bar on (Wilder's ATR without the smoothing).
         */
        double atrOverPrice(final int i)
        {
            double sum = 0;
            for (int b = 1; b < counts[i]; b++)
            {
                final double previous = close[i][b - 1];
                sum += (Math.max(high[i][b], previous) - Math.min(low[i][b], previous)) / close[i][b];
            }
            return sum / (counts[i] - 1);
        }

        double meanVolume(final int i)
        {
            return mean(Arrays.copyOf(volume[i], counts[i]));
        }

        double meanTrades(final int i)
        {
            return mean(Arrays.copyOf(trades[i], counts[i]));
        }
    }
}
