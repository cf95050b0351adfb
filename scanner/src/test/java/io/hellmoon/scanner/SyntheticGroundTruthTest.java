/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.feed.synthetic.AnomalyKind;
import io.hellmoon.feed.synthetic.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detection quality against the synthetic market's ground truth, through the real feed path: every injected kind is
 * found by its detector, and the detectors' unexplained anomalies are rare.
 */
class SyntheticGroundTruthTest
{
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void shouldFindEveryInjectedKindWithItsDetector()
    {
        final int instruments = Integer.getInteger("truth.instruments", 60);
        final long warmUpNs = 20 * MINUTE;
        final long runNs = Long.getLong("truth.minutes", 60L) * MINUTE;
        final SyntheticMarket.Context marketCtx = new SyntheticMarket.Context()
            .instrumentCount(instruments)
            .seed(Long.getLong("truth.seed", 20_240_808L))
            .messageRate(instruments * 6.0)
            .historyBars(150)
            .anomalyWarmUpNs(warmUpNs)
            .anomalyRatePerInstrumentHour(Double.parseDouble(System.getProperty("truth.rate", "4")));
        final RecordingSink sink = new RecordingSink();
        final long startNs;
        final long endNs;
        final long wallStartNs = System.nanoTime();
        try (SyntheticFeedRun run = new SyntheticFeedRun(marketCtx, new ScannerContext(), sink))
        {
            startNs = run.market.context().startTimeNs();
            endNs = startNs + warmUpNs + runNs;
            run.run(endNs);
            final GroundTruthScore score = new GroundTruthScore(
                run.groundTruth(), sink.anomalies, startNs + warmUpNs, endNs, instruments, MINUTE);
            System.out.println("synthetic ground truth: " + instruments + " instruments, " + run.messages() +
                " messages, " + (System.nanoTime() - wallStartNs) / 1_000_000 + " ms\n" + score.table());
            for (final AnomalyKind kind : AnomalyKind.values())
            {
                if (score.injected(kind) > 0)
                {
                    assertTrue(score.recall(kind) >= 0.95, () -> kind + " recall\n" + score.table());
                }
            }
        }
    }
}
