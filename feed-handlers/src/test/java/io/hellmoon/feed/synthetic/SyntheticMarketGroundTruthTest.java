/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.synthetic;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.sbe.Direction;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.hellmoon.feed.synthetic.TapeMeasures.bidAskDepthRatios;
import static io.hellmoon.feed.synthetic.TapeMeasures.fractionAtLeast;
import static io.hellmoon.feed.synthetic.TapeMeasures.mean;
import static io.hellmoon.feed.synthetic.TapeMeasures.median;
import static io.hellmoon.feed.synthetic.TapeMeasures.midsEvery;
import static io.hellmoon.feed.synthetic.TapeMeasures.realisedVolatility;
import static io.hellmoon.feed.synthetic.TapeMeasures.spreadTicks;
import static io.hellmoon.feed.synthetic.TapeMeasures.volumePerSecond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ground truth is real: each injected anomaly's claim is measured on the emitted frames alone (parsed by
 * {@link UsdmTape}), and the same statistics are measured where nothing was injected.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SyntheticMarketGroundTruthTest
{
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long SECOND_MS = 1000;
    private static final int INSTRUMENTS = 10;
    private static final long ANOMALY_OFFSET_S = 420;
    private static final long RUN_S = 600;
    private static final long BASELINE_S = 300;
    private static final int LOOKBACK_BARS = 5;

    private static final Map<AnomalyKind, AnomalySpec> SPECS = new EnumMap<>(AnomalyKind.class);
    private static final List<String> CONTROLS = new ArrayList<>();
    private static UsdmTape tape;
    private static SyntheticMarket market;
    private static long anomalyStartMs;

    private static SyntheticMarket.Context context()
    {
        return new SyntheticMarket.Context()
            .instrumentCount(INSTRUMENTS)
            .seed(Long.getLong("synthetic.test.seed", 7))
            .messageRate(800)
            .anomalyRatePerInstrumentHour(0)
            .breakoutLookbackBars(LOOKBACK_BARS);
    }

    @BeforeAll
    static void generate()
    {
        final SyntheticMarket probe = new SyntheticMarket(context(), new Ignore());
        final List<Integer> byActivity = new ArrayList<>(IntStream.range(0, INSTRUMENTS).boxed().toList());
        byActivity.sort(Comparator.comparingDouble(probe::baselineEventRate).reversed());

        final long startNs = probe.context().startTimeNs();
        final long anomalyStartNs = startNs + ANOMALY_OFFSET_S * SECOND_NS;
        anomalyStartMs = anomalyStartNs / 1_000_000;
        final AnomalyKind[] kinds = AnomalyKind.values();
        final long[] durations = {8, 20, 120, 30, 30, 150};
        final Direction[] directions =
            {Direction.UP, Direction.DOWN, Direction.UP, Direction.NEUTRAL, Direction.DOWN, Direction.NEUTRAL};
        final double[] magnitudes = {10.0, 0.02, 0.01, 8.0, 6.0, 4.0};
        final List<AnomalySpec> schedule = new ArrayList<>();
        for (int k = 0; k < kinds.length; k++)
        {
            final AnomalySpec spec = new AnomalySpec(kinds[k], probe.symbol(byActivity.get(k)), anomalyStartNs,
                durations[k] * SECOND_NS, directions[k], magnitudes[k]);
            SPECS.put(kinds[k], spec);
            schedule.add(spec);
        }
        for (int k = kinds.length; k < INSTRUMENTS; k++)
        {
            CONTROLS.add(probe.symbol(byActivity.get(k)));
        }

        final InstrumentRegistry registry = new InstrumentRegistry();
        final SyntheticMarket.Context ctx = context().anomalySchedule(schedule).registry(registry);
        tape = new UsdmTape(registry, ctx.imbalanceLevels());
        market = new SyntheticMarket(ctx, tape);
        market.emitSnapshots(startNs);
        for (long t = startNs; t <= startNs + RUN_S * SECOND_NS; t += 100_000_000L)
        {
            while (market.generate(t, 4096) > 0)
            {
                // drain
            }
        }
        System.out.println("frames " + tape.frames() + " " + tape.framesByStream());
        for (int i = 0; i < INSTRUMENTS; i++)
        {
            final int index = byActivity.get(i);
            final UsdmTape.Symbol symbol = tape.symbol(probe.symbol(index));
            System.out.printf("%s events/s %.1f trades %d tickers %d diffs %d spread %d ticks relTick %.2e%n",
                symbol.name, market.baselineEventRate(index), symbol.trades.rows(), symbol.tickers.rows(),
                symbol.depthUpdates, market.baselineSpreadTicks(index), market.relativeTick(index));
        }
    }

    @Test
    void shouldWireEverythingValidly()
    {
        assertEquals(0, tape.errorCount(), () -> String.join("\n", tape.errors()));
        final List<InjectedAnomaly> truth = market.groundTruth();
        assertEquals(AnomalyKind.values().length, truth.size());
        for (final InjectedAnomaly anomaly : truth)
        {
            final AnomalySpec spec = SPECS.get(anomaly.kind());
            assertEquals(spec.symbol(), anomaly.symbol());
            assertEquals(spec.startTimeNs(), anomaly.startTimeNs());
            assertEquals(spec.endTimeNs(), anomaly.endTimeNs());
            assertEquals(spec.direction(), anomaly.direction());
            assertEquals(spec.magnitude(), anomaly.magnitude());
        }
    }

    @Test
    void shouldBurstVolume()
    {
        final AnomalySpec spec = SPECS.get(AnomalyKind.VOLUME_BURST);
        final UsdmTape.Symbol symbol = tape.symbol(spec.symbol());
        final double baseline = median(volumePerSecond(symbol, anomalyStartMs - BASELINE_S * SECOND_MS,
            anomalyStartMs));
        final double[] window = volumePerSecond(symbol, anomalyStartMs, endMs(spec));
        System.out.printf("VOLUME_BURST baseline median %.0f window %s mean ratio %.1f median ratio %.1f%n",
            baseline, java.util.Arrays.toString(window), mean(window) / baseline, median(window) / baseline);
        assertTrue(mean(window) >= spec.magnitude() * baseline);
        assertTrue(median(window) >= spec.magnitude() * baseline);

        for (final String control : controlsAndSelf(spec))
        {
            final UsdmTape.Symbol other = tape.symbol(control);
            final double[] seconds = volumePerSecond(other, anomalyStartMs - BASELINE_S * SECOND_MS,
                anomalyStartMs);
            final double otherBaseline = median(seconds);
            final double[] rolling = rollingMean(seconds, (int)(spec.durationNs() / SECOND_NS));
            final double share = fractionAtLeast(rolling, spec.magnitude() * otherBaseline);
            System.out.printf("  control %s: 8 s windows at >= %.0fx median: %.4f, 1 s: %.4f%n", control,
                spec.magnitude(), share, fractionAtLeast(seconds, spec.magnitude() * otherBaseline));
            assertEquals(0.0, share);
        }
    }

    @Test
    void shouldBlowOutSpread()
    {
        final AnomalySpec spec = SPECS.get(AnomalyKind.SPREAD_BLOWOUT);
        final UsdmTape.Symbol symbol = tape.symbol(spec.symbol());
        final double baseline = median(spreadTicks(symbol, anomalyStartMs - BASELINE_S * SECOND_MS,
            anomalyStartMs));
        final double[] window = spreadTicks(symbol, anomalyStartMs, endMs(spec));
        System.out.printf("SPREAD_BLOWOUT baseline %.1f ticks, window median %.1f min %.1f (%d tickers)%n",
            baseline, median(window), TapeMeasures.quantile(window, 0.0), window.length);
        assertTrue(window.length > 10);
        assertTrue(median(window) >= spec.magnitude() * baseline);
        assertTrue(fractionAtLeast(window, spec.magnitude() * baseline) >= 0.9);
        for (final String control : controlsAndSelf(spec))
        {
            final UsdmTape.Symbol other = tape.symbol(control);
            final double[] spreads = spreadTicks(other, anomalyStartMs - BASELINE_S * SECOND_MS, anomalyStartMs);
            final double share = fractionAtLeast(spreads, spec.magnitude() * median(spreads));
            System.out.printf("  control %s: median %.1f, share >= %.0fx: %.4f%n", control, median(spreads),
                spec.magnitude(), share);
            assertTrue(share < 0.01);
        }
    }

    @Test
    void shouldImbalanceBook()
    {
        final AnomalySpec spec = SPECS.get(AnomalyKind.BOOK_IMBALANCE);
        final UsdmTape.Symbol symbol = tape.symbol(spec.symbol());
        final double[] window = bidAskDepthRatios(symbol, anomalyStartMs, endMs(spec));
        final double[] heavy = new double[window.length];
        for (int i = 0; i < window.length; i++)
        {
            heavy[i] = Direction.UP == spec.direction() ? window[i] : 1.0 / window[i];
        }
        System.out.printf("BOOK_IMBALANCE heavy/light median %.2f min %.2f (%d books)%n", median(heavy),
            TapeMeasures.quantile(heavy, 0.0), heavy.length);
        assertTrue(heavy.length > 10);
        assertTrue(median(heavy) >= spec.magnitude() / 2);
        assertTrue(fractionAtLeast(heavy, 2.0) >= 0.95);

        final long windowMs = 10 * SECOND_MS;
        for (final String control : controlsAndSelf(spec))
        {
            final long fromMs = anomalyStartMs - BASELINE_S * SECOND_MS;
            final double[] ratios = bidAskDepthRatios(tape.symbol(control), fromMs, anomalyStartMs);
            final double beyond = fractionAtLeast(imbalance(ratios), 3.0);
            int windows = 0;
            int sustained = 0;
            for (long t = fromMs; t + windowMs <= anomalyStartMs; t += SECOND_MS)
            {
                final double[] inWindow = imbalance(bidAskDepthRatios(tape.symbol(control), t, t + windowMs));
                windows++;
                if (inWindow.length > 0 && median(inWindow) >= spec.magnitude() / 2)
                {
                    sustained++;
                }
            }
            System.out.printf("  control %s: books beyond 3:1 %.4f of %d; 10 s windows with median beyond %.1f:1 " +
                "%d of %d%n", control, beyond, ratios.length, spec.magnitude() / 2, sustained, windows);
            assertTrue(sustained <= windows / 100);
        }
    }

    private static double[] imbalance(final double[] ratios)
    {
        final double[] heavyToLight = new double[ratios.length];
        for (int i = 0; i < ratios.length; i++)
        {
            heavyToLight[i] = Math.max(ratios[i], 1.0 / ratios[i]);
        }
        return heavyToLight;
    }

    @Test
    void shouldExpandVolatility()
    {
        final AnomalySpec spec = SPECS.get(AnomalyKind.VOLATILITY_EXPANSION);
        final UsdmTape.Symbol symbol = tape.symbol(spec.symbol());
        final long baselineFromMs = anomalyStartMs - BASELINE_S * SECOND_MS;
        final double ratio = volatilityRatio(symbol, baselineFromMs, anomalyStartMs, endMs(spec));
        final double midRatio =
            realisedVolatility(midsEvery(symbol, anomalyStartMs, endMs(spec), 30 * SECOND_MS)) /
            realisedVolatility(midsEvery(symbol, baselineFromMs, anomalyStartMs, 30 * SECOND_MS));
        System.out.printf("VOLATILITY_EXPANSION index (3 s) volatility ratio %.2f, 30 s mid returns ratio %.2f " +
            "(tick %.1e of the price)%n", ratio, midRatio,
            symbol.tickMantissa / midsEvery(symbol, anomalyStartMs, anomalyStartMs, SECOND_MS)[0]);
        assertTrue(ratio >= 0.75 * spec.magnitude());

        final long durationMs = spec.durationNs() / 1_000_000;
        for (final String control : CONTROLS)
        {
            final UsdmTape.Symbol other = tape.symbol(control);
            double highest = 0;
            for (long t = startMs() + BASELINE_S * SECOND_MS; t + durationMs <= startMs() + RUN_S * SECOND_MS;
                t += 10 * SECOND_MS)
            {
                highest = Math.max(highest, volatilityRatio(other, t - BASELINE_S * SECOND_MS, t, t + durationMs));
            }
            System.out.printf("  control %s: highest %d s vs previous 5 min index volatility ratio %.2f%n", control,
                durationMs / 1000, highest);
            assertTrue(highest < 0.75 * spec.magnitude());
        }
    }

    private static double volatilityRatio(
        final UsdmTape.Symbol symbol, final long baselineFromMs, final long fromMs, final long toMs)
    {
        return realisedVolatility(TapeMeasures.indexPrices(symbol, fromMs, toMs)) /
            realisedVolatility(TapeMeasures.indexPrices(symbol, baselineFromMs, fromMs));
    }

    @Test
    void shouldBreakOutOfRange()
    {
        final AnomalySpec spec = SPECS.get(AnomalyKind.BREAKOUT);
        final UsdmTape.Symbol symbol = tape.symbol(spec.symbol());
        final long lookbackMs = LOOKBACK_BARS * 60 * SECOND_MS;
        final boolean up = Direction.UP == spec.direction();
        final double level = TapeMeasures.barExtreme(symbol, anomalyStartMs - lookbackMs, anomalyStartMs, up);
        final double last = TapeMeasures.lastTradePrice(symbol, endMs(spec));
        final double beyond = up ? last / level - 1.0 : 1.0 - last / level;
        final double volumeRatio = mean(volumePerSecond(symbol, anomalyStartMs, endMs(spec))) /
            mean(volumePerSecond(symbol, anomalyStartMs - BASELINE_S * SECOND_MS, anomalyStartMs));
        System.out.printf("BREAKOUT %d-bar %s %.0f, last %.0f: %.4f beyond; volume %.2fx baseline%n",
            LOOKBACK_BARS, up ? "high" : "low", level, last, beyond, volumeRatio);
        assertTrue(beyond >= spec.magnitude() / 2);
        assertTrue(volumeRatio >= 2.0);

        final long durationMs = spec.durationNs() / 1_000_000;
        int windows = 0;
        int halfBreakouts = 0;
        int fullBreakouts = 0;
        for (final String control : CONTROLS)
        {
            final UsdmTape.Symbol other = tape.symbol(control);
            for (long t = startMs() + lookbackMs; t + durationMs <= startMs() + RUN_S * SECOND_MS; t += 60 * SECOND_MS)
            {
                final double high = TapeMeasures.barExtreme(other, t - lookbackMs, t, true);
                final double low = TapeMeasures.barExtreme(other, t - lookbackMs, t, false);
                final double end = TapeMeasures.lastTradePrice(other, t + durationMs);
                final double beyondRange = Math.max(end / high - 1.0, 1.0 - end / low);
                windows++;
                halfBreakouts += beyondRange >= spec.magnitude() / 2 ? 1 : 0;
                fullBreakouts += beyondRange >= spec.magnitude() ? 1 : 0;
            }
        }
        System.out.printf("  controls: of %d %d s windows, %d end %.2f %% and %d end %.2f %% beyond the %d-bar range%n",
            windows, durationMs / 1000, halfBreakouts, 50 * spec.magnitude(), fullBreakouts, 100 * spec.magnitude(),
            LOOKBACK_BARS);
        assertTrue(halfBreakouts <= windows / 8);
    }

    @Test
    void shouldCascadeLiquidations()
    {
        final AnomalySpec spec = SPECS.get(AnomalyKind.LIQUIDATION_CASCADE);
        final UsdmTape.Symbol symbol = tape.symbol(spec.symbol());
        final boolean sells = Direction.DOWN == spec.direction();
        final UsdmTape.Series orders = symbol.forceOrders;
        int inWindow = 0;
        double previousNotional = 0;
        boolean rising = true;
        for (int row = 0; row < orders.rows(); row++)
        {
            final long timeMs = orders.get(row, 0);
            if (timeMs >= anomalyStartMs && timeMs < endMs(spec))
            {
                assertEquals(sells ? 1 : 0, orders.get(row, 1), "side of every forced liquidation in the cascade");
                final double notional = (double)orders.get(row, 2) * orders.get(row, 3);
                rising &= notional > previousNotional;
                previousNotional = notional;
                inWindow++;
            }
        }
        final double[] mids = midsEvery(symbol, anomalyStartMs, endMs(spec), endMs(spec) - anomalyStartMs);
        final double move = mids[1] / mids[0] - 1.0;
        System.out.printf("LIQUIDATION_CASCADE %d forced %s, notional rising %b, mid moved %.4f%n", inWindow,
            sells ? "sells" : "buys", rising, move);
        assertTrue(inWindow >= market.context().cascadeMinOrders());
        assertTrue(rising);
        assertTrue(sells ? move <= -spec.magnitude() / 2 : move >= spec.magnitude() / 2);

        int most = 0;
        int total = 0;
        final long windowMs = spec.durationNs() / 1_000_000;
        for (final UsdmTape.Symbol other : tape.symbols())
        {
            for (int row = 0; row < other.forceOrders.rows(); row++)
            {
                final long timeMs = other.forceOrders.get(row, 0);
                if (other == symbol && timeMs >= anomalyStartMs && timeMs < endMs(spec))
                {
                    continue;
                }
                total++;
                int sameSide = 0;
                for (int next = row; next < other.forceOrders.rows() &&
                    other.forceOrders.get(next, 0) < timeMs + windowMs; next++)
                {
                    if (other.forceOrders.get(next, 1) == other.forceOrders.get(row, 1))
                    {
                        sameSide++;
                    }
                }
                most = Math.max(most, sameSide);
            }
        }
        System.out.printf("  outside the cascade: %d forced liquidations, at most %d of one side in %d s%n", total,
            most, windowMs / 1000);
        assertTrue(most < market.context().cascadeMinOrders());
    }

    private static long startMs()
    {
        return market.context().startTimeNs() / 1_000_000;
    }

    private static long endMs(final AnomalySpec spec)
    {
        return spec.endTimeNs() / 1_000_000;
    }

    private static List<String> controlsAndSelf(final AnomalySpec spec)
    {
        final List<String> symbols = new ArrayList<>(CONTROLS);
        symbols.add(spec.symbol());
        return symbols;
    }

    private static double[] rollingMean(final double[] values, final int window)
    {
        final double[] means = new double[Math.max(0, values.length - window + 1)];
        for (int i = 0; i < means.length; i++)
        {
            double sum = 0;
            for (int j = 0; j < window; j++)
            {
                sum += values[i + j];
            }
            means[i] = sum / window;
        }
        return means;
    }

    private static final class Ignore implements VenueFrameHandler
    {
        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
        }

        public void onDepthSnapshot(
            final int id, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
        }
    }
}
