/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.synthetic;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.test.AllocationMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SyntheticMarketScaleTest
{
    private static final int INSTRUMENTS = 10_000;
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);

    @Test
    void shouldStayConsistentWithTenThousandInstruments()
    {
        final InstrumentRegistry registry = new InstrumentRegistry(INSTRUMENTS);
        final SyntheticMarket.Context ctx = new SyntheticMarket.Context()
            .instrumentCount(INSTRUMENTS)
            .registry(registry)
            .anomalyWarmUpNs(5 * SECOND_NS)
            .anomalyRatePerInstrumentHour(20);
        final UsdmTape tape = new UsdmTape(registry, ctx.imbalanceLevels());
        final SyntheticMarket market = new SyntheticMarket(ctx, tape);
        final long startNs = ctx.startTimeNs();
        assertEquals(INSTRUMENTS, market.emitSnapshots(startNs));
        assertEquals("SYN10000USDT", market.symbol(INSTRUMENTS - 1));

        final int seconds = 20;
        while (market.generate(startNs + seconds * SECOND_NS, 10_000) > 0)
        {
            // drain
        }

        assertEquals(0, tape.errorCount(), () -> String.join("\n", tape.errors()));
        assertEquals(INSTRUMENTS, registry.size());
        assertEquals(market.frameCount(), tape.frames());
        assertTrue(market.groundTruthCount() > 100, "anomalies " + market.groundTruthCount());
        SyntheticMarketTest.assertBooksEqual(market, tape);
        System.out.printf("10,000 instruments: %d frames in %d s %s, %d anomalies%n", tape.frames(), seconds,
            tape.framesByStream(), market.groundTruthCount());
    }

    @Test
    void shouldGenerateWithoutAllocatingAfterWarmUp()
    {
        final SyntheticMarket.Context ctx = new SyntheticMarket.Context()
            .instrumentCount(INSTRUMENTS)
            .klineUpdateIntervalMs(1000)
            .liquidationRatePerInstrumentHour(20)
            .breakoutLookbackBars(1);
        final long startNs = ctx.startTimeNs();

        // Every kind starts and ends inside the measured span (after 200 s of warm-up), besides the random ones.
        final List<AnomalySpec> schedule = new ArrayList<>();
        final AnomalyKind[] kinds = AnomalyKind.values();
        for (int k = 0; k < kinds.length; k++)
        {
            schedule.add(AnomalySpec.of(
                kinds[k], ctx.symbol(k), startNs + (205 + k) * SECOND_NS, kinds[k].minDurationNs()));
            schedule.add(AnomalySpec.of(kinds[k], ctx.symbol(100 + k), startNs + (90 + k) * SECOND_NS,
                kinds[k].minDurationNs()));
        }
        ctx.anomalySchedule(schedule);

        final SyntheticMarketTest.CountingHandler handler = new SyntheticMarketTest.CountingHandler();
        final SyntheticMarket market = new SyntheticMarket(ctx, handler);
        market.emitSnapshots(startNs);
        final long stepNs = TimeUnit.MILLISECONDS.toNanos(10);
        final long[] nowNs = {startNs};
        final int[] runs = {0};
        final Runnable tenMilliseconds = () ->
        {
            nowNs[0] += stepNs;
            while (market.generate(nowNs[0], 64) > 0)
            {
                // drain
            }
            if (0 == ++runs[0] % 10)
            {
                market.emitSnapshot(market.instrumentId(runs[0] % INSTRUMENTS), nowNs[0]);
            }
        };

        final long framesBefore = market.frameCount();
        AllocationMeter.assertAllocationFree(20_000, 6_000, tenMilliseconds);
        final long frames = market.frameCount() - framesBefore;
        final double simulatedSeconds = (nowNs[0] - startNs) / (double)SECOND_NS;
        assertTrue(simulatedSeconds >= 260, "simulated " + simulatedSeconds + " s");
        assertTrue(frames > 2_000_000, "frames " + frames);
        assertTrue(market.groundTruthCount() >= 2 * kinds.length, "anomalies " + market.groundTruthCount());
        assertTrue(market.klineFrames() > 2 * INSTRUMENTS && market.forceOrderFrames() > 0);
        System.out.printf("allocation free: %d frames over %.0f simulated seconds, %d snapshots, %d anomalies%n",
            frames, simulatedSeconds, handler.snapshots, market.groundTruthCount());
    }
}
