/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.scanner.indicators.TradeFlow;

/**
 * VOLUME_SPIKE, evaluated on the tick path so it fires on the trade that completes the burst, well within a second
 * of the burst's start.
 * <p>
 * {@code score = windowVolume / max(baseline, floor) / ratio}, where windowVolume is the quote notional of the rolling
 * flow window and baseline the winsorised EWMA of past windows. It fires when the score is above 1, the window
 * notional is at least the minimum notional, the baseline has warmed up and the detector is armed. Direction: the
 * signed (aggressor) share of the window's notional beyond +/- the direction threshold gives UP or DOWN, else
 * NEUTRAL. The re-arm check runs on every trade before the trade is added, i.e. on the window as time has rolled it,
 * which is when its score is lowest.
 */
final class VolumeSpikeDetector
{
    static final int FEATURE_COUNT = 8;

    private final TradeFlow flow;
    private final Hysteresis hysteresis;
    private final double ratio;
    private final double inverseRatio;
    private final double minNotional;
    private final double floor;
    private final double directionThreshold;
    private final long warmupSamples;

    VolumeSpikeDetector(final ScannerContext ctx, final TradeFlow flow, final int capacity)
    {
        this.flow = flow;
        this.hysteresis = new Hysteresis(capacity, ctx.volumeSpikeRearmScore(), ctx.volumeSpikeCooldownNs());
        this.ratio = ctx.volumeSpikeRatio();
        this.inverseRatio = 1.0 / ratio;
        this.minNotional = ctx.volumeSpikeMinNotional();
        this.floor = ctx.volumeSpikeBaselineFloor();
        this.directionThreshold = ctx.volumeSpikeDirectionThreshold();
        this.warmupSamples = ctx.volumeSpikeWarmupNs() / ctx.flowWindowNs();
    }

    void ensureCapacity(final int capacity)
    {
        hysteresis.ensureCapacity(capacity);
    }

    double score(final int slot)
    {
        if (flow.baselineSamples(slot) < warmupSamples)
        {
            return 0.0;
        }
        return flow.windowVolume(slot) / Math.max(flow.baselineVolume(slot), floor) * inverseRatio;
    }

    /**
     * Before a trade is added (the window already rolled to its time): the re-arm check.
     */
    void beforeTrade(final int slot, final long timeNs)
    {
        if (!hysteresis.isArmed(slot))
        {
            hysteresis.observe(slot, score(slot), timeNs);
        }
    }

    /**
     * After a trade at {@code price} was added: fire if armed and over threshold.
     *
     * @return true if an anomaly was detected (published unless anomalies are disabled).
     */
    boolean afterTrade(final int slot, final long timeNs, final double price, final ScanEventWriter writer)
    {
        if (!hysteresis.isArmed(slot))
        {
            return false;
        }

        final double score = score(slot);
        final double volume = flow.windowVolume(slot);
        if (!(score > 1.0) || volume < minNotional)
        {
            return false;
        }

        hysteresis.fired(slot, timeNs);
        final double baseline = Math.max(flow.baselineVolume(slot), floor);
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
        return true;
    }
}
