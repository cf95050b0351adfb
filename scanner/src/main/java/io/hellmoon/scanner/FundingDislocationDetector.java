/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.scanner.indicators.MarkBasis;

/**
 * FUNDING_DISLOCATION: a futures mark price far from its index relative to how the basis usually behaves, or an
 * extreme funding rate, from {@code MarkPrice} messages.
 * <p>
 * With {@code d} the basis ({@code (mark - index) / index} in basis points) minus its baseline and {@code sd} the
 * baseline's standard deviation before this mark ({@link MarkBasis}): {@code score = max(|d| / (threshold x
 * max(sd, floor)), |funding| / fundingThreshold)}, the basis term once the instrument has the warm-up of marks.
 * Direction: the sign of the dominant term (a rich mark or positive funding is UP: longs paying up).
 */
final class FundingDislocationDetector implements Detector
{
    static final int FEATURE_COUNT = 7;

    private final MarkBasis basis;
    private final SweepInputs in;
    private final ScanEventWriter writer;
    private final Hysteresis hysteresis;
    private final double threshold;
    private final double floorBps;
    private final double fundingThreshold;
    private final long warmupNs;

    FundingDislocationDetector(
        final ScannerContext ctx,
        final SweepInputs in,
        final InstrumentTable table,
        final ScanEventWriter writer,
        final int capacity)
    {
        this.basis = new MarkBasis(
            capacity, ctx.fundingBasisWindowNs(), ctx.fundingBasisClip(), ctx.fundingBasisFloorBps());
        this.in = in;
        this.writer = writer;
        this.hysteresis = new Hysteresis(
            index(), capacity, ctx.fundingRearmScore(), ctx.fundingCooldownNs(), in, table);
        this.threshold = ctx.fundingBasisThreshold();
        this.floorBps = ctx.fundingBasisFloorBps();
        this.fundingThreshold = ctx.fundingRateThreshold();
        this.warmupNs = ctx.fundingWarmupNs();
        in.fundingScale = (float)(1.0 / fundingThreshold);
    }

    public int index()
    {
        return SweepInputs.FUNDING_DISLOCATION;
    }

    public void ensureCapacity(final int capacity)
    {
        hysteresis.ensureCapacity(capacity);
        basis.ensureCapacity(capacity);
    }

    /**
     * A mark price.
     *
     * @param funding funding rate, NaN if the message had none.
     */
    void onMark(final int slot, final long timeNs, final double mark, final double index, final double funding)
    {
        basis.onMark(slot, timeNs, mark, index, funding);
        in.basisDeviation[slot] = (float)Math.abs(basis.deviation(slot));
        in.basisScale[slot] = isWarm(slot) ? (float)(1.0 / (threshold * reference(slot))) : 0.0f;
        in.funding[slot] = (float)Math.abs(basis.fundingRate(slot));
    }

    public double score(final int slot, final long timeNs)
    {
        return Math.max(basisScore(slot), Math.abs(basis.fundingRate(slot)) / fundingThreshold);
    }

    public void rearm(final long sweepTimeNs)
    {
        hysteresis.rearm(sweepTimeNs, this);
    }

    public void onCandidate(final int slot, final long sweepTimeNs)
    {
        final double basisScore = basisScore(slot);
        final double funding = basis.fundingRate(slot);
        final double fundingScore = Math.abs(funding) / fundingThreshold;
        final double score = Math.max(basisScore, fundingScore);
        if (!(score > 1.0))
        {
            return;
        }
        hysteresis.fired(slot, sweepTimeNs);
        final double deviation = basis.deviation(slot);
        final Direction direction = basisScore >= fundingScore ?
            (deviation > 0.0 ? Direction.UP : Direction.DOWN) : (funding > 0.0 ? Direction.UP : Direction.DOWN);
        if (writer.beginAnomaly(slot, AnomalyType.FUNDING_DISLOCATION, direction, score, FEATURE_COUNT))
        {
            writer.feature(Feature.MARK_INDEX_BPS, basis.basis(slot));
            writer.feature(Feature.BASELINE, basis.basis(slot) - deviation);
            writer.feature(Feature.Z_SCORE, deviation / reference(slot));
            writer.feature(Feature.FUNDING_RATE, funding);
            writer.feature(Feature.THRESHOLD, threshold);
            writer.feature(Feature.RATIO, fundingScore);
            writer.feature(Feature.PRICE, basis.markPrice(slot));
            writer.commitAnomaly();
        }
    }

    private boolean isWarm(final int slot)
    {
        return basis.historyNs(slot) >= warmupNs;
    }

    private double reference(final int slot)
    {
        return Math.max(basis.referenceDeviation(slot), floorBps);
    }

    private double basisScore(final int slot)
    {
        return isWarm(slot) ? Math.abs(basis.deviation(slot)) / (threshold * reference(slot)) : 0.0;
    }
}
