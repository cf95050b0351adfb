/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.scanner.indicators.RealisedVolatility;

/**
 * RETURN_DISTRIBUTION: the instrument's recent returns far from normally distributed, lopsided (skew) or fat-tailed
 * (kurtosis), from incrementally updated moments of the sampled log returns (see {@link RealisedVolatility}).
 * <p>
 * {@code score = max(|skew| / skewThreshold, (kurtosis - 3) / kurtosisThreshold)} once the instrument has the
 * distribution's warm-up of samples and at least the minimum share of them moved (an instrument that rarely trades
 * has rare, lone jumps: huge kurtosis that means nothing). Direction: when the skew term dominates, UP for positive
 * skew (large up moves) and DOWN for negative; NEUTRAL when kurtosis does.
 */
final class ReturnDistributionDetector implements Detector
{
    static final int FEATURE_COUNT = 6;

    private final ReturnStatistics stats;
    private final RealisedVolatility volatility;
    private final InstrumentTable table;
    private final ScanEventWriter writer;
    private final Hysteresis hysteresis;
    private final double skewThreshold;
    private final double kurtosisThreshold;

    ReturnDistributionDetector(
        final ScannerContext ctx,
        final ReturnStatistics stats,
        final SweepInputs in,
        final InstrumentTable table,
        final ScanEventWriter writer,
        final int capacity)
    {
        this.stats = stats;
        this.volatility = stats.volatility;
        this.table = table;
        this.writer = writer;
        this.hysteresis = new Hysteresis(
            index(), capacity, ctx.distributionRearmScore(), ctx.distributionCooldownNs(), in, table);
        this.skewThreshold = ctx.distributionSkewThreshold();
        this.kurtosisThreshold = ctx.distributionKurtosisThreshold();
    }

    public int index()
    {
        return SweepInputs.RETURN_DISTRIBUTION;
    }

    public void ensureCapacity(final int capacity)
    {
        hysteresis.ensureCapacity(capacity);
    }

    public double score(final int slot, final long timeNs)
    {
        stats.advance(slot, timeNs);
        return exactScore(slot);
    }

    public void rearm(final long sweepTimeNs)
    {
        hysteresis.rearm(sweepTimeNs, this);
    }

    public void onCandidate(final int slot, final long sweepTimeNs)
    {
        stats.advance(slot, sweepTimeNs);
        final double score = exactScore(slot);
        if (!(score > 1.0))
        {
            return;
        }
        hysteresis.fired(slot, sweepTimeNs);
        final double skew = volatility.skew(slot);
        final double excessKurtosis = volatility.kurtosis(slot) - 3.0;
        final Direction direction = Math.abs(skew) / skewThreshold >= excessKurtosis / kurtosisThreshold ?
            (skew > 0.0 ? Direction.UP : Direction.DOWN) : Direction.NEUTRAL;
        if (writer.beginAnomaly(slot, AnomalyType.RETURN_DISTRIBUTION, direction, score, FEATURE_COUNT))
        {
            writer.feature(Feature.SKEW, skew);
            writer.feature(Feature.KURTOSIS, volatility.kurtosis(slot));
            writer.feature(Feature.REALISED_VOL_SHORT, Math.sqrt(volatility.shortVariance(slot)));
            writer.feature(Feature.RATIO, volatility.activeShare(slot));
            writer.feature(Feature.THRESHOLD, kurtosisThreshold);
            writer.feature(Feature.PRICE, table.referencePrice(slot));
            writer.commitAnomaly();
        }
    }

    private double exactScore(final int slot)
    {
        if (!stats.isDistributionActive(slot))
        {
            return 0.0;
        }
        return Math.max(
            Math.abs(volatility.skew(slot)) / skewThreshold, (volatility.kurtosis(slot) - 3.0) / kurtosisThreshold);
    }
}
