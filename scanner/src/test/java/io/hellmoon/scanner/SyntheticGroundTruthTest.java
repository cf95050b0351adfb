/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.feed.synthetic.AnomalyKind;
import io.hellmoon.feed.synthetic.AnomalySpec;
import io.hellmoon.feed.synthetic.SyntheticMarket;
import io.hellmoon.sbe.AnomalyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detection quality against the synthetic market's ground truth, through the real feed path (the Binance decoder,
 * the book builder and the pipeline): every injected kind is found by its detector with a recall of at least 95 %,
 * and each detector's false-alarm rate is printed (its anomalies that no injected anomaly explains, per
 * instrument-hour).
 * <p>
 * The schedule is explicit and seeded: each instrument gets the kinds in a shuffled rotation, with durations,
 * magnitudes and directions drawn by the market from each kind's range, and at least {@link #MIN_GAP_NS} between
 * the end of one anomaly and the start of the next on the same instrument. That gap is longer than every detector's
 * cooldown, so each injected anomaly is its own market event: the market's random schedule can start one the moment
 * the previous one on the instrument ends, which the scanner rightly treats as the same event.
 * <p>
 * Defaults: 60 instruments, 20 minutes of warm-up then 60 scored; {@code -Dtruth.instruments}, {@code -Dtruth.minutes}
 * and {@code -Dtruth.seed} change them (the README's numbers come from a larger run).
 */
class SyntheticGroundTruthTest
{
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final long MIN_GAP_NS = 5 * MINUTE;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void shouldFindEveryInjectedKindWithItsDetector()
    {
        final int instruments = Integer.getInteger("truth.instruments", 60);
        final long seed = Long.getLong("truth.seed", 20_240_808L);
        final long warmUpNs = 20 * MINUTE;
        final long runNs = Long.getLong("truth.minutes", 60L) * MINUTE;
        final SyntheticMarket.Context marketCtx = new SyntheticMarket.Context()
            .instrumentCount(instruments)
            .seed(seed)
            .messageRate(instruments * 6.0)
            .historyBars(150)
            .anomalyWarmUpNs(warmUpNs)
            .anomalyRatePerInstrumentHour(0.0);
        marketCtx.anomalySchedule(schedule(marketCtx, instruments, seed, warmUpNs, runNs));

        final RecordingSink sink = new RecordingSink();
        final long wallStartNs = System.nanoTime();
        try (SyntheticFeedRun run = new SyntheticFeedRun(marketCtx, new ScannerContext(), sink))
        {
            final long startNs = run.market.context().startTimeNs();
            final long endNs = startNs + warmUpNs + runNs;
            run.run(endNs);
            final GroundTruthScore score = new GroundTruthScore(
                run.groundTruth(), sink.anomalies, startNs + warmUpNs, endNs, instruments, MINUTE);
            System.out.println("synthetic ground truth: " + instruments + " instruments, seed " + seed + ", " +
                run.messages() + " messages, " + (System.nanoTime() - wallStartNs) / 1_000_000 + " ms\n" +
                score.table());
            for (final AnomalyKind kind : AnomalyKind.values())
            {
                final AnomalyType type = kind.anomalyType();
                System.out.printf(Locale.ROOT, "%s: recall %.3f (%d injected), %s false alarms %.3f per " +
                    "instrument-hour%n", kind, score.recall(kind), score.injected(kind), type,
                    score.falseAlarmsPerInstrumentHour(type));
            }
            for (final AnomalyKind kind : AnomalyKind.values())
            {
                assertTrue(score.injected(kind) >= 10, () -> kind + " too few injected\n" + score.table());
                assertTrue(score.recall(kind) >= 0.95, () -> kind + " recall\n" + score.table());
            }
        }
    }

    /**
     * Per instrument, from a random offset after the warm-up: the kinds in a shuffled rotation, each with a duration
     * drawn from its range, separated by {@link #MIN_GAP_NS} plus up to five minutes.
     */
    static List<AnomalySpec> schedule(
        final SyntheticMarket.Context ctx,
        final int instruments,
        final long seed,
        final long warmUpNs,
        final long runNs)
    {
        final SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        final AnomalyKind[] kinds = AnomalyKind.values();
        final long fromNs = ctx.startTimeNs() + warmUpNs;
        final long toNs = fromNs + runNs;
        final List<AnomalySpec> schedule = new ArrayList<>();
        for (int i = 0; i < instruments; i++)
        {
            final String symbol = ctx.symbol(i);
            long timeNs = fromNs + random.nextLong(MIN_GAP_NS);
            int next = random.nextInt(kinds.length);
            while (true)
            {
                final AnomalyKind kind = kinds[next];
                next = (next + 1 + random.nextInt(kinds.length - 1)) % kinds.length;
                final long durationNs = kind.minDurationNs() + SECOND *
                    random.nextLong((kind.maxDurationNs() - kind.minDurationNs()) / SECOND + 1);
                if (timeNs + durationNs > toNs)
                {
                    break;
                }
                schedule.add(AnomalySpec.of(kind, symbol, timeNs, durationNs));
                timeNs += durationNs + MIN_GAP_NS + random.nextLong(MIN_GAP_NS);
            }
        }
        return schedule;
    }
}
