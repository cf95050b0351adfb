/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.synthetic;

import io.hellmoon.codecs.BinanceExchangeInfo;
import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.Venue;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SyntheticMarketTest
{
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long STEP_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private static SyntheticMarket.Context smallMarket()
    {
        return new SyntheticMarket.Context()
            .instrumentCount(50)
            .messageRate(2_000)
            .anomalyWarmUpNs(10 * SECOND_NS)
            .anomalyRatePerInstrumentHour(30)
            .liquidationRatePerInstrumentHour(30)
            .klineUpdateIntervalMs(1000)
            .breakoutLookbackBars(1);
    }

    @Test
    void shouldProduceTheSameBytesForTheSameSeedAndTimes()
    {
        final byte[] first = record(smallMarket().seed(42), 120, STEP_NS, 1_000);
        final byte[] second = record(smallMarket().seed(42), 120, STEP_NS, 1_000);
        assertTrue(first.length > 1_000_000, "recorded " + first.length + " bytes");
        assertArrayEquals(first, second);
    }

    @Test
    void shouldProduceTheSameBytesHoweverTheCallsSliceTime()
    {
        final byte[] fine = record(smallMarket().seed(42), 60, STEP_NS / 10, 3);
        final byte[] coarse = record(smallMarket().seed(42), 60, 5 * SECOND_NS, Integer.MAX_VALUE);
        assertArrayEquals(fine, coarse);
    }

    @Test
    void shouldProduceDifferentBytesForAnotherSeed()
    {
        final byte[] first = record(smallMarket().seed(42), 10, STEP_NS, 1_000);
        final byte[] second = record(smallMarket().seed(43), 10, STEP_NS, 1_000);
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void shouldSpeakValidUsdmAndKeepBooksConsistentWithSnapshotsAndDiffs()
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        final SyntheticMarket.Context ctx = smallMarket().registry(registry);
        final UsdmTape tape = new UsdmTape(registry, ctx.imbalanceLevels());
        final SyntheticMarket market = new SyntheticMarket(ctx, tape);
        final long startNs = ctx.startTimeNs();
        assertEquals(ctx.instrumentCount(), market.emitSnapshots(startNs));

        int checkpoints = 0;
        for (int step = 1; step <= 1800; step++)
        {
            final long nowNs = startNs + step * STEP_NS;
            while (market.generate(nowNs, 256) > 0)
            {
                // drain
            }
            if (0 == step % 300)
            {
                // At a depth boundary every pending change has been published: the rebuilt books must be exact.
                assertBooksEqual(market, tape);
                checkpoints++;
            }
        }

        assertEquals(0, tape.errorCount(), () -> String.join("\n", tape.errors()));
        assertEquals(6, checkpoints);
        assertEquals(Set.of("bookTicker", "depth@100ms", "forceOrder", "kline_1m", "markPrice", "trade"),
            tape.framesByStream().keySet());
        assertEquals(market.frameCount(), tape.frames());
        long matches = 0;
        for (final UsdmTape.Symbol symbol : tape.symbols())
        {
            assertTrue(symbol.book.synced, symbol.name);
            assertTrue(symbol.trades.rows() > 0, symbol.name);
            assertTrue(symbol.closedBars.rows() >= 2, symbol.name);
            matches += symbol.tickerMatches;
        }
        assertTrue(matches > 1000, "book tickers compared with rebuilt books: " + matches);
        System.out.println("wire test: " + tape.frames() + " frames " + tape.framesByStream() + ", " + matches +
            " book tickers matched a rebuilt book, " + market.groundTruthCount() + " anomalies");
    }

    @Test
    void shouldBridgeSnapshotsRequestedMidStreamLikeBinance()
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        final SyntheticMarket.Context ctx = smallMarket().registry(registry);
        final UsdmTape tape = new UsdmTape(registry, ctx.imbalanceLevels());
        final SyntheticMarket[] marketHolder = new SyntheticMarket[1];
        final VenueFrameHandler resyncing = new VenueFrameHandler()
        {
            private long frames;

            public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long timeNs)
            {
                // Like a book builder on a gap: ask for a snapshot from within the callback, before reading.
                if (0 == ++frames % 3_001)
                {
                    marketHolder[0].emitSnapshot(
                        marketHolder[0].instrumentId((int)(frames % ctx.instrumentCount())), timeNs);
                }
                tape.onFrame(buffer, offset, length, timeNs);
            }

            public void onDepthSnapshot(
                final int id, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
            {
                tape.onDepthSnapshot(id, buffer, offset, length, timeNs);
            }
        };
        final SyntheticMarket market = new SyntheticMarket(ctx, resyncing);
        marketHolder[0] = market;
        final long startNs = ctx.startTimeNs();

        // No snapshot at the start: clients buffer diffs, then ask for snapshots at odd times, some twice.
        for (int step = 1; step <= 600; step++)
        {
            final long nowNs = startNs + step * STEP_NS + 37_000_000L;
            while (market.generate(nowNs, 5) > 0)
            {
                // drain in small batches so snapshots land between frames of one event
            }
            if (step < 60)
            {
                market.emitSnapshot(market.instrumentId(step % ctx.instrumentCount()), nowNs);
            }
            if (0 == step % 97)
            {
                market.emitSnapshot(market.instrumentId(step % 7), nowNs);
            }
        }
        while (market.generate(startNs + 601 * STEP_NS, 100) > 0)
        {
            // drain to a depth boundary
        }

        assertEquals(0, tape.errorCount(), () -> String.join("\n", tape.errors()));
        for (final UsdmTape.Symbol symbol : tape.symbols())
        {
            assertTrue(symbol.snapshots > 0, symbol.name);
            assertTrue(symbol.book.synced, symbol.name);
        }
        assertBooksEqual(market, tape);
    }

    @Test
    void shouldHonourTheFrameLimit()
    {
        final CountingHandler handler = new CountingHandler();
        final SyntheticMarket market = new SyntheticMarket(smallMarket(), handler);
        final long nowNs = market.context().startTimeNs() + 10 * SECOND_NS;
        int calls = 0;
        int frames;
        do
        {
            frames = market.generate(nowNs, 3);
            assertTrue(frames <= 3);
            calls++;
        }
        while (frames > 0);
        assertEquals(market.frameCount(), handler.frames);
        assertTrue(calls > handler.frames / 3);
        assertEquals(0, market.generate(nowNs, 3));
        assertEquals(nowNs, market.currentTimeNs());
        assertTrue(market.nextEventTimeNs() > nowNs);
    }

    @Test
    void shouldRegisterInstrumentsAndDescribeThemInExchangeInfo() throws IOException
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        registry.register(Venue.BINANCE_USDM, "BTCUSDT");
        final SyntheticMarket market = new SyntheticMarket(smallMarket().registry(registry), new CountingHandler());

        assertEquals(51, registry.size());
        assertEquals("SYN0001USDT", market.symbol(0));
        for (int i = 0; i < market.instrumentCount(); i++)
        {
            final Instrument instrument = registry.get(market.instrumentId(i));
            assertEquals(i, market.indexOf(instrument.id()));
            assertEquals(market.symbol(i), instrument.symbol());
            assertEquals(Venue.SYNTHETIC, instrument.venue());
            assertEquals(InstrumentKind.PERPETUAL, instrument.kind());
            assertEquals(InstrumentRegistry.DEFAULT_EXPONENT, instrument.priceExponent());
            assertEquals(InstrumentRegistry.DEFAULT_EXPONENT, instrument.sizeExponent());
            assertTrue(isPowerOfTen(instrument.tickSize()), instrument.toString());
            assertTrue(isPowerOfTen(instrument.stepSize()), instrument.toString());
            assertEquals("USDT", instrument.quoteAsset());
        }
        assertEquals(-1, market.indexOf(registry.idOf(Venue.BINANCE_USDM, "BTCUSDT")));

        final String json = market.exchangeInfoJson(1_735_689_600_000L);
        UsdmTape.JSON.readTree(json);
        final BinanceExchangeInfo.Result info = BinanceExchangeInfo.parse(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.US_ASCII)), null);
        assertEquals(Venue.BINANCE_USDM, info.venue());
        assertEquals(market.instrumentCount(), info.instruments().size());
        for (final Instrument described : info.instruments())
        {
            final Instrument registered = registry.get(registry.idOf(Venue.SYNTHETIC, described.symbol()));
            assertEquals(registered.tickSize(), described.tickSize(), described.symbol());
            assertEquals(registered.stepSize(), described.stepSize(), described.symbol());
            assertEquals(registered.minQty(), described.minQty(), described.symbol());
            assertEquals(InstrumentKind.PERPETUAL, described.kind());
        }
    }

    @Test
    void shouldFailFastOnInvalidConfiguration()
    {
        assertRejected(new SyntheticMarket.Context().instrumentCount(0), "hellmoon.synthetic.instrument.count");
        assertRejected(new SyntheticMarket.Context().depthIntervalMs(50), "hellmoon.synthetic.depth.interval.ms");
        assertRejected(
            new SyntheticMarket.Context().markPriceIntervalMs(2000), "hellmoon.synthetic.mark.price.interval.ms");
        assertRejected(new SyntheticMarket.Context().instrumentCount(10_000).messageRate(1_000),
            "hellmoon.synthetic.message.rate");
        assertRejected(new SyntheticMarket.Context().bookDepthLevels(5).imbalanceLevels(6),
            "hellmoon.synthetic.imbalance.levels");
        assertRejected(new SyntheticMarket.Context().minPrice(0.00001), "hellmoon.synthetic.min.price");
        assertRejected(new SyntheticMarket.Context().symbolPrefix("syn"), "hellmoon.synthetic.symbol.prefix");

        final long startNs = new SyntheticMarket.Context().startTimeNs();
        assertRejected(new SyntheticMarket.Context().instrumentCount(10).anomalySchedule(List.of(
            AnomalySpec.of(AnomalyKind.BREAKOUT, "SYN0011USDT", startNs, SECOND_NS))),
            "anomalySchedule[0].symbol");
        assertRejected(new SyntheticMarket.Context().instrumentCount(10).anomalySchedule(List.of(
            AnomalySpec.of(AnomalyKind.BREAKOUT, "SYN0001USDT", startNs - 1, SECOND_NS))),
            "anomalySchedule[0].startTimeNs");
        assertRejected(new SyntheticMarket.Context().instrumentCount(10).anomalySchedule(List.of(
            new AnomalySpec(AnomalyKind.SPREAD_BLOWOUT, "SYN0001USDT", startNs, SECOND_NS, null, 0.5))),
            "anomalySchedule[0].magnitude");
        assertRejected(new SyntheticMarket.Context().instrumentCount(10).anomalySchedule(List.of(
            AnomalySpec.of(AnomalyKind.BREAKOUT, "SYN0001USDT", startNs, 10 * SECOND_NS),
            AnomalySpec.of(AnomalyKind.VOLUME_BURST, "SYN0001USDT", startNs + SECOND_NS, SECOND_NS))),
            "overlaps");
    }

    @Test
    void shouldScheduleRandomAnomaliesWithoutOverlapAndRoundTripTheGroundTruth(@TempDir final Path dir)
    {
        final SyntheticMarket.Context ctx = smallMarket().anomalyRatePerInstrumentHour(120)
            .anomalyKinds(EnumSet.complementOf(EnumSet.of(AnomalyKind.VOLATILITY_EXPANSION)));
        final SyntheticMarket market = new SyntheticMarket(ctx, new CountingHandler());
        final long startNs = ctx.startTimeNs();
        final long endNs = startNs + 300 * SECOND_NS;
        while (market.generate(endNs, 100_000) > 0)
        {
            // drain
        }

        final List<InjectedAnomaly> truth = market.groundTruth();
        assertEquals(truth.size(), market.groundTruthCount());
        assertTrue(truth.size() > 100, "anomalies: " + truth.size());
        final Map<String, List<InjectedAnomaly>> bySymbol = new HashMap<>();
        final Map<AnomalyKind, Integer> byKind = new TreeMap<>();
        long previousStartNs = 0;
        for (final InjectedAnomaly anomaly : truth)
        {
            assertTrue(anomaly.startTimeNs() >= startNs + ctx.anomalyWarmUpNs());
            assertTrue(anomaly.startTimeNs() >= previousStartNs);
            assertTrue(anomaly.startTimeNs() <= endNs);
            assertTrue(anomaly.endTimeNs() - anomaly.startTimeNs() >= anomaly.kind().minDurationNs());
            assertTrue(anomaly.endTimeNs() - anomaly.startTimeNs() <= anomaly.kind().maxDurationNs());
            assertTrue(anomaly.magnitude() >= anomaly.kind().minMagnitude());
            assertTrue(anomaly.magnitude() <= anomaly.kind().maxMagnitude());
            assertEquals(anomaly.kind().directional(), Direction.NEUTRAL != anomaly.direction());
            assertNotEquals(AnomalyKind.VOLATILITY_EXPANSION, anomaly.kind());
            assertEquals(market.symbol(market.indexOf(anomaly.instrumentId())), anomaly.symbol());
            previousStartNs = anomaly.startTimeNs();
            bySymbol.computeIfAbsent(anomaly.symbol(), s -> new ArrayList<>()).add(anomaly);
            byKind.merge(anomaly.kind(), 1, Integer::sum);
        }
        for (final List<InjectedAnomaly> anomalies : bySymbol.values())
        {
            for (int a = 1; a < anomalies.size(); a++)
            {
                assertTrue(anomalies.get(a).startTimeNs() >= anomalies.get(a - 1).endTimeNs(),
                    anomalies.get(a) + " overlaps " + anomalies.get(a - 1));
            }
        }
        assertEquals(5, byKind.size(), byKind.toString());

        final Path file = dir.resolve("ground-truth.jsonl");
        market.writeGroundTruth(file);
        assertEquals(truth, InjectedAnomaly.readJsonLines(file));
        assertThrows(IllegalArgumentException.class, () -> InjectedAnomaly.parse("{\"kind\":\"BREAKOUT\"}"));
        System.out.println("random anomalies in 5 min over 50 instruments at 120/h: " + byKind);
    }

    @Test
    void shouldApproachTheTargetFrameRateWithAHeavyTailedUniverse()
    {
        final CountingHandler handler = new CountingHandler();
        final SyntheticMarket.Context ctx = new SyntheticMarket.Context();
        final SyntheticMarket market = new SyntheticMarket(ctx, handler);
        final long startNs = ctx.startTimeNs();
        final int seconds = 120;
        while (market.generate(startNs + seconds * SECOND_NS, 100_000) > 0)
        {
            // drain
        }
        final double rate = handler.frames / (double)seconds;

        final double[] eventRates = new double[market.instrumentCount()];
        double total = 0;
        for (int i = 0; i < eventRates.length; i++)
        {
            eventRates[i] = market.baselineEventRate(i);
            total += eventRates[i];
        }
        Arrays.sort(eventRates);
        double top = 0;
        for (int i = eventRates.length - eventRates.length / 100; i < eventRates.length; i++)
        {
            top += eventRates[i];
        }
        System.out.printf("default market: %.0f frames/s (trade %.0f, bookTicker %.0f, depth %.0f, kline %.0f, " +
            "markPrice %.0f, forceOrder %.2f); events/s per instrument min %.2f median %.2f p99 %.1f max %.1f; " +
            "top 1%% of instruments carry %.0f%% of events; %d anomalies%n",
            rate, market.tradeFrames() / (double)seconds, market.bookTickerFrames() / (double)seconds,
            market.depthFrames() / (double)seconds, market.klineFrames() / (double)seconds,
            market.markPriceFrames() / (double)seconds, market.forceOrderFrames() / (double)seconds,
            eventRates[0], eventRates[eventRates.length / 2], eventRates[eventRates.length * 99 / 100],
            eventRates[eventRates.length - 1], 100 * top / total, market.groundTruthCount());
        assertTrue(Math.abs(rate / ctx.messageRate() - 1.0) < 0.15, "frames/s " + rate);
        assertTrue(top / total > 0.05);
    }

    private static void assertRejected(final SyntheticMarket.Context ctx, final String key)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, ctx::conclude);
        assertTrue(ex.getMessage().contains(key), ex.getMessage());
    }

    private static boolean isPowerOfTen(final long value)
    {
        long power = 1;
        while (power < value)
        {
            power *= 10;
        }
        return power == value;
    }

    static void assertBooksEqual(final SyntheticMarket market, final UsdmTape tape)
    {
        final int depth = market.context().bookDepthLevels();
        final long[] prices = new long[depth];
        final long[] sizes = new long[depth];
        for (int i = 0; i < market.instrumentCount(); i++)
        {
            final int id = market.instrumentId(i);
            final UsdmTape.Symbol symbol = tape.symbol(market.symbol(i));
            // Events that leave the book as it was take an id but publish no diff: the rebuilt id may trail.
            assertTrue(symbol.book.lastUpdateId <= market.lastUpdateId(id), symbol.name);
            assertTrue(symbol.book.lastUpdateId > 0, symbol.name);
            for (final boolean bids : new boolean[] {true, false})
            {
                final int levels = market.bookSide(id, bids, prices, sizes);
                final Map<Long, Long> rebuilt = bids ? symbol.book.bids : symbol.book.asks;
                assertEquals(levels, rebuilt.size(), symbol.name);
                int k = 0;
                for (final Map.Entry<Long, Long> level : rebuilt.entrySet())
                {
                    assertEquals(prices[k], level.getKey(), symbol.name);
                    assertEquals(sizes[k], level.getValue(), symbol.name);
                    k++;
                }
            }
        }
    }

    /**
     * Run a market for some seconds and return every frame and snapshot with its receive time, as bytes.
     */
    private static byte[] record(
        final SyntheticMarket.Context ctx, final int seconds, final long stepNs, final int limit)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final VenueFrameHandler handler = new VenueFrameHandler()
        {
            public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long timeNs)
            {
                append(buffer, offset, length, timeNs);
            }

            public void onDepthSnapshot(
                final int id, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
            {
                append(buffer, offset, length, timeNs ^ id);
            }

            private void append(final DirectBuffer buffer, final int offset, final int length, final long timeNs)
            {
                final byte[] bytes = new byte[length];
                buffer.getBytes(offset, bytes);
                out.writeBytes(Long.toString(timeNs).getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(bytes);
                out.write('\n');
            }
        };
        final SyntheticMarket market = new SyntheticMarket(ctx, handler);
        final long startNs = ctx.startTimeNs();
        market.emitSnapshots(startNs);
        for (long nowNs = startNs; nowNs <= startNs + seconds * SECOND_NS; nowNs += stepNs)
        {
            while (market.generate(nowNs, limit) > 0)
            {
                // drain
            }
        }
        return out.toByteArray();
    }

    static final class CountingHandler implements VenueFrameHandler
    {
        long frames;
        long snapshots;
        long bytes;

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
            frames++;
            bytes += length;
        }

        public void onDepthSnapshot(
            final int id, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
            snapshots++;
        }
    }
}
