/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeCondition;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.AllocationMeter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pairs detector driven trade by trade: leg 2 (id 2) trades at a constant 100 every second at +100 ms, leg 1
 * (id 1) at {@code 100 exp(u)} at +200 ms, with u seeded noise of 1e-3 plus a deviation in multiples of that. The
 * filter's hedge ratio is pinned (tiny initial variance and delta), so the spread is u and z its deviation in units
 * of the window's standard deviation.
 */
class PairsDetectorTest
{
    private static final long T0 = 1_723_161_000L * 1_000_000_000L;
    private static final long SECOND_NS = 1_000_000_000L;
    private static final double SIGMA = 1e-3;

    private static PairsContext context()
    {
        return new PairsContext()
            .clock(new ManualEpochNanoClock(0))
            .scannerId(3)
            .addPair(1, 2, 1.0, 0.0)
            .sampleIntervalNs(SECOND_NS)
            .lookback(200)
            .warmup(0)
            .kalmanDelta(1e-9)
            .kalmanInitialVariance(1e-12)
            .suppressionNs(5 * SECOND_NS);
    }

    private static final class Driver
    {
        final PairEvents events = new PairEvents();
        final PairsDetector detector;
        final Random random = new Random(17);
        long second;

        Driver(final PairsContext ctx)
        {
            detector = new PairsDetector(ctx, events);
        }

        void noise(final int seconds)
        {
            for (int i = 0; i < seconds; i++)
            {
                step(random.nextGaussian());
            }
        }

        int step(final double deviation)
        {
            final long t = T0 + second++ * SECOND_NS;
            int fired = detector.onTrade(2, t + 100_000_000L, t + 100_000_005L, t + 100_000_009L, 100.0, -2);
            fired += detector.onTrade(
                1, t + 200_000_000L, t + 200_000_005L, t + 200_000_009L, 100.0 * Math.exp(deviation * SIGMA), -4);
            return fired;
        }

        PairEvents.Event last()
        {
            return events.events.get(events.events.size() - 1);
        }
    }

    @Test
    void shouldEnterOnADivergenceAndExitOnReversion()
    {
        final Driver driver = new Driver(context());
        driver.noise(210);
        assertEquals(0, driver.events.events.size(), "no signal from noise within 2 sigma... or before warm-up");
        assertEquals(210 - 1, driver.detector.samples(0));

        assertEquals(1, driver.step(2.7));
        final PairEvents.Event entry = driver.last();
        assertEquals("PAIRS_DIVERGENCE", entry.type());
        assertEquals(1, entry.instrumentId());
        assertEquals(2, entry.relatedInstrumentId());
        assertEquals(Direction.UP, entry.direction(), "spread rich");
        assertEquals(PairSignal.ENTRY, entry.signal(2.0, 0.5, 4.0));
        final double z = entry.feature(Feature.Z_SCORE);
        assertTrue(z > 2.0 && z < 4.0, "z " + z);
        assertEquals(z / 2.0, entry.score(), 1e-12);
        assertEquals(SignalStrength.classify(z, 2.0, 2.5, 3.0, 4.0).confidence(), entry.feature(Feature.CONFIDENCE));
        assertEquals(1.0, entry.feature(Feature.HEDGE_RATIO), 1e-6);
        assertEquals(100.0, entry.feature(Feature.PRICE), "leg 2's price");
        assertEquals(0.0, entry.feature(Feature.DURATION_MS));
        assertEquals(Math.round(1e6 * Math.exp(2.7 * SIGMA)), entry.price(), "leg 1's price at exponent -4");
        assertEquals(-4, entry.priceExponent());
        assertEquals(T0 + 210 * SECOND_NS + 200_000_000L, entry.eventTimeNs());
        assertEquals(T0 + 210 * SECOND_NS + 200_000_005L, entry.receiveTimeNs());
        assertEquals(3L << 48 | PairsDetector.ID_MARKER | 1, entry.anomalyId());
        assertEquals(PairsDetector.SHORT_SPREAD, driver.detector.position(0));

        assertEquals(0, driver.step(2.7), "in position: no duplicate entry");
        assertEquals(0, driver.step(3.2));
        assertEquals(1, driver.step(0.0));
        final PairEvents.Event exit = driver.last();
        assertEquals(PairSignal.EXIT, exit.signal(2.0, 0.5, 4.0));
        assertEquals(Direction.NEUTRAL, exit.direction());
        assertTrue(exit.feature(Feature.Z_SCORE) <= 0.5);
        assertEquals(0.0, exit.feature(Feature.CONFIDENCE));
        assertEquals(3_000.0, exit.feature(Feature.DURATION_MS));
        assertEquals(PairsDetector.FLAT, driver.detector.position(0));
        assertEquals(2, driver.detector.signals());
    }

    @Test
    void shouldNotEnterBelowTheEntryLevelNorBeyondTheStop()
    {
        final Driver driver = new Driver(context());
        driver.noise(210);
        assertEquals(0, driver.step(1.8), "z below 2");
        assertEquals(0, driver.step(0.0));
        assertEquals(0, driver.step(-1.8));
        assertEquals(0, driver.step(0.0));
        assertEquals(0, driver.step(9.0), "beyond the stop a flat pair does not enter");
        assertEquals(PairsDetector.FLAT, driver.detector.position(0));
        assertTrue(driver.detector.zScore(0) > 4.0);
    }

    @Test
    void shouldStopOutAndStayOutUntilTheSpreadReverts()
    {
        final Driver driver = new Driver(context());
        driver.noise(210);
        assertEquals(1, driver.step(-3.0));
        assertEquals(Direction.DOWN, driver.last().direction(), "spread cheap: long the spread");
        assertEquals(PairsDetector.LONG_SPREAD, driver.detector.position(0));

        assertEquals(1, driver.step(-7.0));
        final PairEvents.Event stop = driver.last();
        assertEquals(PairSignal.STOP, stop.signal(2.0, 0.5, 4.0));
        assertEquals(Direction.DOWN, stop.direction());
        assertTrue(stop.feature(Feature.Z_SCORE) < -4.0);
        assertEquals(SignalStrength.EXTREME.confidence(), stop.feature(Feature.CONFIDENCE));
        assertEquals(1_000.0, stop.feature(Feature.DURATION_MS));
        assertEquals(PairsDetector.STOPPED, driver.detector.position(0));

        assertEquals(0, driver.step(-3.0), "stopped: no new entry");
        assertEquals(0, driver.step(-1.0));
        assertEquals(PairsDetector.STOPPED, driver.detector.position(0));
        assertEquals(0, driver.step(0.0), "back inside the exit band: flat again, silently");
        assertEquals(PairsDetector.FLAT, driver.detector.position(0));
        driver.noise(30);
        assertEquals(1, driver.step(-3.0), "can enter again");
    }

    @Test
    void shouldSuppressTheSameSignalWithinTheSuppressionTime()
    {
        final Driver driver = new Driver(context());
        driver.noise(210);
        assertEquals(1, driver.step(2.8));
        assertEquals(1, driver.step(0.0), "exit at +1 s");
        assertEquals(0, driver.step(2.8), "entry again at +2 s: suppressed");
        assertEquals(1, driver.detector.suppressed());
        assertEquals(PairsDetector.FLAT, driver.detector.position(0), "a suppressed signal is no transition");
        assertEquals(0, driver.step(2.8));
        assertEquals(0, driver.step(2.8), "+4 s");
        // every trade of either leg re-checks: leg 2's trades at +0.1 s see leg 1's deviation too
        assertEquals(5, driver.detector.suppressed());
        assertEquals(1, driver.step(2.8), "5 s after the first entry it fires");
        assertEquals(PairSignal.ENTRY, driver.last().signal(2.0, 0.5, 4.0));
        assertEquals(PairsDetector.SHORT_SPREAD, driver.detector.position(0));
        assertEquals(3, driver.events.events.size());
    }

    @Test
    void shouldSuppressOnlyTheSameKindAndDirection()
    {
        final Driver driver = new Driver(context());
        driver.noise(210);
        assertEquals(1, driver.step(2.8));
        assertEquals(1, driver.step(0.0));
        assertEquals(1, driver.step(-2.8), "an entry the other way is not a duplicate");
        assertEquals(Direction.DOWN, driver.last().direction());
        assertEquals(0, driver.detector.suppressed());
    }

    @Test
    void shouldIgnoreStaleLegs()
    {
        final PairEvents events = new PairEvents();
        final PairsDetector detector = new PairsDetector(context().staleAfterNs(5 * SECOND_NS), events);
        final Random random = new Random(1);
        for (int s = 0; s < 220; s++)
        {
            final long t = T0 + s * SECOND_NS;
            detector.onTrade(2, t + 100_000_000L, t, t, 100.0, -2);
            detector.onTrade(1, t + 200_000_000L, t, t, 100.0 * Math.exp(random.nextGaussian() * SIGMA), -4);
        }
        final long samples = detector.samples(0);
        // leg 2 goes quiet: after 5 s leg 1's divergence is not signalled and no sample is taken
        for (int s = 220; s < 240; s++)
        {
            final long t = T0 + s * SECOND_NS;
            assertEquals(0, detector.onTrade(1, t + 200_000_000L, t, t, 100.0 * Math.exp(s > 226 ? 0.003 : 0), -4));
        }
        assertEquals(samples + 5, detector.samples(0), "samples while leg 2 is fresh only");
        assertEquals(0, events.events.size());
    }

    @Test
    void shouldCountBadTradesAndIgnoreOtherInstruments()
    {
        final PairEvents events = new PairEvents();
        final PairsDetector detector = new PairsDetector(context(), events);
        assertEquals(0, detector.onTrade(99, T0, T0, T0, 100.0, -2));
        assertEquals(0, detector.onTrade(1, T0, T0, T0, -1.0, -2));
        assertEquals(0, detector.onTrade(1, T0, T0, T0, Double.NaN, -2));
        assertEquals(0, detector.onTrade(1, 0, T0, T0, 100.0, -2));
        assertEquals(3, detector.badTrades());
    }

    @Test
    void shouldWriteTheSameBytesForTheSameTradesThroughEitherInput()
    {
        final byte[] first = replay(false);
        final byte[] second = replay(false);
        final byte[] viaSbe = replay(true);
        assertTrue(first.length > 0, "some events");
        assertArrayEquals(first, second);
        assertArrayEquals(first, viaSbe);
    }

    private static byte[] replay(final boolean viaSbe)
    {
        final PairEvents events = new PairEvents();
        final PairsDetector detector = new PairsDetector(new PairsContext()
            .clock(new ManualEpochNanoClock(42))
            .addPair(1, 2, Double.NaN, Double.NaN)
            .addPair(3, 2, 0.9, Double.NaN)
            .lookback(60)
            .suppressionNs(30 * SECOND_NS), events);
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
        final TradeEncoder trade = new TradeEncoder();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final Random random = new Random(99);
        double x = Math.log(2_000);
        double u = 0.0;
        double w = 0.0;
        long t = T0;
        for (int i = 0; i < 20_000; i++)
        {
            t += 50_000_000L + (long)(random.nextDouble() * 400_000_000L);
            final int leg = random.nextInt(3);
            x += 0.0002 * random.nextGaussian();
            u = 0.995 * u + 0.0001 * random.nextGaussian() + (0 == i % 3000 ? 0.002 : 0.0);
            w = 0.99 * w + 0.0001 * random.nextGaussian();
            final double price = 0 == leg ? Math.exp(0.1 + x + u) : 1 == leg ? Math.exp(x) : Math.exp(0.9 * x + w);
            final long mantissa = Math.round(price * 100);
            if (viaSbe)
            {
                trade.wrapAndApplyHeader(buffer, 0, header)
                    .instrumentId(leg + 1).eventTimeNs(t).receiveTimeNs(t + 1000).publishTimeNs(t + 2000)
                    .tradeTimeNs(t).kind(TradeKind.TRADE).condition(TradeCondition.NORMAL).aggressorSide(Side.BUY)
                    .priceExponent((byte)-2).sizeExponent((byte)-3).price(mantissa).size(1000).tradeId(i)
                    .firstTradeId(TradeEncoder.firstTradeIdNullValue())
                    .lastTradeId(TradeEncoder.lastTradeIdNullValue());
                detector.onMessage(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength());
            }
            else
            {
                detector.onTrade(leg + 1, t, t + 1000, t + 2000, mantissa / 100.0, -2);
            }
        }
        return events.bytes.toByteArray();
    }

    @Test
    void shouldNotAllocatePerTick()
    {
        final PairsDetector detector = new PairsDetector(context().suppressionNs(0), (buffer, offset, length) -> true);
        final Random random = new Random(4);
        final int period = 40;
        final double[] deviations = new double[4000];
        for (int i = 0; i < deviations.length; i++)
        {
            final int phase = i % period;
            deviations[i] = random.nextGaussian() + (phase >= 30 && phase < 35 ? 6.0 : 0.0);
        }
        final long[] clock = { 0 };
        AllocationMeter.assertAllocationFree(5_000, 4_000, () ->
        {
            final long s = clock[0]++;
            final long t = T0 + s * SECOND_NS;
            detector.onTrade(2, t + 100_000_000L, t, t, 100.0, -2);
            detector.onTrade(1, t + 200_000_000L, t, t,
                100.0 * Math.exp(deviations[(int)(s % deviations.length)] * SIGMA), -4);
        });
        assertTrue(detector.signals() > 100, "events were published while measured: " + detector.signals());
    }

    @Test
    void shouldValidateTheContextNamingTheKey()
    {
        assertRejected(context().exitZ(2.0), "hellmoon.scanner.pairs.entry.z=2.0: must be above");
        assertRejected(context().stopZ(1.5), "hellmoon.scanner.pairs.stop.z=1.5: must be above");
        assertRejected(context().strengthNormalZ(1.0), "hellmoon.scanner.pairs.strength.normal.z=1.0");
        assertRejected(context().strengthExtremeZ(2.9), "hellmoon.scanner.pairs.strength.extreme.z=2.9");
        assertRejected(context().lookback(5), "hellmoon.scanner.pairs.lookback=5");
        assertRejected(context().kalmanDelta(1.0), "hellmoon.scanner.pairs.kalman.delta=1.0");
        assertRejected(context().kalmanObservationVariance(0.0), "hellmoon.scanner.pairs.kalman.observation");
        assertRejected(context().sampleIntervalNs(10), "hellmoon.scanner.pairs.sample.interval=10ns");
        assertRejected(context().minSpreadStd(-1), "hellmoon.scanner.pairs.min.spread.std=-1.0");
        assertRejected(context().addPair(1, 2, 1.0, 0.0), "pair=1/2: is given twice");
        assertRejected(context().addPair(4, 4, 1.0, 0.0), "pair=4/4: the legs must differ");
        assertRejected(context().list("BTCUSDT/ETHUSDT"), "hellmoon.scanner.pairs.list=BTCUSDT/ETHUSDT: pairs by " +
            "symbol need a registry");
        assertThrows(IllegalStateException.class, () -> context().conclude().conclude());

        final PairsContext defaults = new PairsContext();
        assertEquals(2.0, defaults.entryZ());
        assertEquals(0.5, defaults.exitZ());
        assertEquals(4.0, defaults.stopZ());
        assertEquals(30 * SECOND_NS, defaults.suppressionNs());
        assertEquals(300, defaults.conclude().warmupSamples());
    }

    @Test
    void shouldResolvePairsBySymbolAndFromAScanFile(@TempDir final Path dir) throws Exception
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        final int btc = registry.register(Venue.BINANCE_SPOT, "BTCUSDT");
        final int eth = registry.register(Venue.BINANCE_SPOT, "ETHUSDT");
        final int perp = registry.register(Venue.BINANCE_USDM, "BTCUSDT");
        final Path scan = dir.resolve("pairs.csv");
        Files.writeString(scan, PairsScanReport.CSV_HEADER + "\n" +
            "1,ETHUSDT,BINANCE_USDM:BTCUSDT,0.8,1.5,-5,0.001,-3.9,-3.3,-3,1,2,120,0.7,0.001,500,1,1\n" +
            "2,BTCUSDT,ETHUSDT,1.2,0.1,-4,0.004,-3.9,-3.3,-3,1,2,120,0.7,0.001,500,1,1\n");
        final PairsContext ctx = new PairsContext()
            .registry(registry)
            .list("BTCUSDT/BINANCE_USDM:BTCUSDT@1.01@-0.002")
            .scanFile(scan.toString())
            .scanTop(1)
            .conclude();
        final List<PairsContext.PairSpec> pairs = ctx.pairs();
        assertEquals(2, pairs.size());
        assertEquals(new PairsContext.PairSpec(btc, perp, 1.01, -0.002), pairs.get(0));
        assertEquals(new PairsContext.PairSpec(eth, perp, 0.8, 1.5), pairs.get(1));

        assertRejected(new PairsContext().registry(registry).list("BTCUSDT/SOLUSDT"),
            "hellmoon.scanner.pairs.list=SOLUSDT: no such instrument on BINANCE_SPOT");
        assertRejected(new PairsContext().registry(registry).list("BTCUSDT"),
            "hellmoon.scanner.pairs.list=BTCUSDT: expected LEG1/LEG2");
        assertRejected(new PairsContext().registry(registry).list("BTCUSDT/ETHUSDT@x"),
            "hellmoon.scanner.pairs.list=BTCUSDT/ETHUSDT@x: hedge ratio and intercept must be numbers");
        assertRejected(new PairsContext().registry(registry).scanFile(dir.resolve("missing.csv").toString()),
            "hellmoon.scanner.pairs.scan.file=");
    }

    private static void assertRejected(final PairsContext ctx, final String message)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, ctx::conclude);
        assertTrue(ex.getMessage().startsWith(message), ex.getMessage());
    }
}
