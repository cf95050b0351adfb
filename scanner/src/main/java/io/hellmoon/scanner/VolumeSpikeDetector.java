/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.scanner.indicators.TradeFlow;

/**
 * VOLUME_SPIKE: traded notional in the rolling flow window far above the instrument's baseline.
 * <p>
 * {@code score = windowNotional / max(baseline, floor) / ratio}; fires above 1 when the window holds at least the
 * minimum notional and enough taker orders (at least the minimum, and the order ratio times their baseline: the fills
 * of one large order share a trade time and count as one, so a lone print does not make a burst), and the baseline
 * has warmed up. Evaluated on the trade that completes the burst (so it fires
 * within a second of its start) and by the sweep. Inside its cooldown a spike whose score reaches the escalation
 * multiple of the last one's fires again: a second, much larger burst is not lost to the first one's cooldown.
 * Direction: the signed (aggressor) share of the window's notional
 * beyond +/- the direction threshold gives UP or DOWN, else NEUTRAL.
 */
final class VolumeSpikeDetector implements Detector
{
    static final int FEATURE_COUNT = 8;

    private final FlowStatistics stats;
    private final TradeFlow flow;
    private final InstrumentTable table;
    private final ScanEventWriter writer;
    private final Hysteresis hysteresis;
    private final double ratio;
    private final double minNotional;
    private final double directionThreshold;

    VolumeSpikeDetector(
        final ScannerContext ctx,
        final FlowStatistics stats,
        final SweepInputs in,
        final InstrumentTable table,
        final ScanEventWriter writer,
        final int capacity)
    {
        this.stats = stats;
        this.flow = stats.flow;
        this.table = table;
        this.writer = writer;
        this.hysteresis = new Hysteresis(
            index(), capacity, ctx.volumeSpikeRearmScore(), ctx.volumeSpikeCooldownNs(), ctx.volumeSpikeEscalation(),
            in, table);
        this.ratio = ctx.volumeSpikeRatio();
        this.minNotional = ctx.volumeSpikeMinNotional();
        this.directionThreshold = ctx.volumeSpikeDirectionThreshold();
    }

    public int index()
    {
        return SweepInputs.VOLUME_SPIKE;
    }

    public void ensureCapacity(final int capacity)
    {
        hysteresis.ensureCapacity(capacity);
    }

    public double score(final int slot, final long timeNs)
    {
        stats.advance(slot, timeNs);
        return stats.volumeScore(slot);
    }

    public void rearm(final long sweepTimeNs)
    {
        hysteresis.rearm(sweepTimeNs, this);
    }

    /**
     * After a trade was added at {@code timeNs}: fire if open and over threshold.
     */
    void afterTrade(final int slot, final long timeNs, final double price)
    {
        if (hysteresis.isOpen(slot) || hysteresis.escalates(slot, stats.volumeScore(slot)))
        {
            tryFire(slot, timeNs, price);
        }
    }

    public void onCandidate(final int slot, final long sweepTimeNs)
    {
        stats.advance(slot, sweepTimeNs);
        tryFire(slot, sweepTimeNs, table.referencePrice(slot));
    }

    private void tryFire(final int slot, final long timeNs, final double price)
    {
        final double score = stats.volumeScore(slot);
        final double volume = flow.windowVolume(slot);
        if (!(score > 1.0) || volume < minNotional || !stats.hasBurstOrders(slot))
        {
            return;
        }

        hysteresis.fired(slot, timeNs, score);
        final double baseline = stats.volumeBaseline(slot);
        final double signedShare = volume > 0.0 ? flow.windowSignedVolume(slot) / volume : 0.0;
        final Direction direction = signedShare > directionThreshold ? Direction.UP :
            signedShare < -directionThreshold ? Direction.DOWN : Direction.NEUTRAL;
        if (writer.beginAnomaly(slot, AnomalyType.VOLUME_SPIKE, direction, score, FEATURE_COUNT))
        {
            writer.feature(Feature.VOLUME, volume);
            writer.feature(Feature.VOLUME_BASELINE, baseline);
            writer.feature(Feature.VOLUME_RATIO, volume / baseline);
            writer.feature(Feature.THRESHOLD, ratio);
            writer.feature(Feature.TRADE_COUNT, flow.windowCount(slot));
            writer.feature(Feature.TRADE_COUNT_BASELINE, flow.baselineCount(slot));
            writer.feature(Feature.SIGNED_FLOW, signedShare);
            writer.feature(Feature.PRICE, price);
            writer.commitAnomaly();
        }
    }
}
