/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.scanner.indicators.TradeFlow;

/**
 * TRADE_COUNT_BURST: many more trades in the rolling flow window than the instrument's baseline, whatever their size
 * (a market order sweeping the book prints dozens of fills; algorithms slicing orders print bursts of small ones).
 * <p>
 * {@code score = windowTrades / max(baselineTrades, floor) / ratio}; fires above 1 when the window holds at least the
 * minimum number of trades and the baseline has warmed up (the volume spike's warm-up). Evaluated on the trade and by
 * the sweep. Direction from the signed share of the window's notional, as for VOLUME_SPIKE.
 */
final class TradeCountBurstDetector implements Detector
{
    static final int FEATURE_COUNT = 7;

    private final FlowStatistics stats;
    private final TradeFlow flow;
    private final InstrumentTable table;
    private final ScanEventWriter writer;
    private final Hysteresis hysteresis;
    private final double ratio;
    private final double minTrades;
    private final double directionThreshold;

    TradeCountBurstDetector(
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
            index(), capacity, ctx.tradeBurstRearmScore(), ctx.tradeBurstCooldownNs(), in, table);
        this.ratio = ctx.tradeBurstRatio();
        this.minTrades = ctx.tradeBurstMinTrades();
        this.directionThreshold = ctx.volumeSpikeDirectionThreshold();
    }

    public int index()
    {
        return SweepInputs.TRADE_COUNT_BURST;
    }

    public void ensureCapacity(final int capacity)
    {
        hysteresis.ensureCapacity(capacity);
    }

    public double score(final int slot, final long timeNs)
    {
        stats.advance(slot, timeNs);
        return stats.tradeScore(slot);
    }

    public void rearm(final long sweepTimeNs)
    {
        hysteresis.rearm(sweepTimeNs, this);
    }

    void afterTrade(final int slot, final long timeNs, final double price)
    {
        if (hysteresis.isOpen(slot))
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
        final double score = stats.tradeScore(slot);
        final double trades = flow.windowCount(slot);
        if (!(score > 1.0) || trades < minTrades)
        {
            return;
        }

        hysteresis.fired(slot, timeNs);
        final double baseline = stats.tradeBaseline(slot);
        final double volume = flow.windowVolume(slot);
        final double signedShare = volume > 0.0 ? flow.windowSignedVolume(slot) / volume : 0.0;
        final Direction direction = signedShare > directionThreshold ? Direction.UP :
            signedShare < -directionThreshold ? Direction.DOWN : Direction.NEUTRAL;
        if (writer.beginAnomaly(slot, AnomalyType.TRADE_COUNT_BURST, direction, score, FEATURE_COUNT))
        {
            writer.feature(Feature.TRADE_COUNT, trades);
            writer.feature(Feature.TRADE_COUNT_BASELINE, baseline);
            writer.feature(Feature.RATIO, trades / baseline);
            writer.feature(Feature.THRESHOLD, ratio);
            writer.feature(Feature.VOLUME, volume);
            writer.feature(Feature.SIGNED_FLOW, signedShare);
            writer.feature(Feature.PRICE, price);
            writer.commitAnomaly();
        }
    }
}
