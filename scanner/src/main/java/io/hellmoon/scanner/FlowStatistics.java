/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.scanner.indicators.TradeFlow;

/**
 * The trade flow shared by VOLUME_SPIKE, TRADE_COUNT_BURST and BREAKOUT's volume confirmation, and the columns of
 * {@link SweepInputs} derived from it: window notional and trade count with their scales, and the recent volume
 * trend. Every change of the flow goes through here so those columns are never staler than the exact state.
 */
final class FlowStatistics
{
    final TradeFlow flow;
    private final SweepInputs in;
    private final long warmupSamples;
    private final double volumeFloor;
    private final double inverseVolumeRatio;
    private final double tradeFloor;
    private final double inverseTradeRatio;
    private final double minOrders;
    private final double orderRatio;

    FlowStatistics(final ScannerContext ctx, final SweepInputs in, final int capacity)
    {
        this.in = in;
        this.flow = new TradeFlow(
            capacity,
            ctx.flowWindowNs(),
            ctx.flowBuckets(),
            ctx.volumeSpikeBaselineWindowNs(),
            ctx.volumeSpikeBaselineClip(),
            ctx.volumeSpikeBaselineFloor(),
            ctx.breakoutVolumeWindowNs());
        this.warmupSamples = ctx.volumeSpikeWarmupNs() / ctx.flowWindowNs();
        this.volumeFloor = ctx.volumeSpikeBaselineFloor();
        this.inverseVolumeRatio = 1.0 / ctx.volumeSpikeRatio();
        this.tradeFloor = ctx.tradeBurstBaselineFloor();
        this.inverseTradeRatio = 1.0 / ctx.tradeBurstRatio();
        this.minOrders = ctx.volumeSpikeMinOrders();
        this.orderRatio = ctx.volumeSpikeOrderRatio();
        in.minNotional = (float)ctx.volumeSpikeMinNotional();
        in.minTrades = (float)ctx.tradeBurstMinTrades();
        in.volumeRatio = (float)ctx.breakoutVolumeRatio();
    }

    void ensureCapacity(final int capacity)
    {
        flow.ensureCapacity(capacity);
    }

    boolean isWarm(final int slot)
    {
        return flow.baselineSamples(slot) >= warmupSamples;
    }

    /**
     * Window notional over {@code max(baseline, floor)}, divided by the ratio: VOLUME_SPIKE's score before the
     * minimum notional.
     */
    double volumeScore(final int slot)
    {
        return isWarm(slot) ? flow.windowVolume(slot) / volumeBaseline(slot) * inverseVolumeRatio : 0.0;
    }

    /**
     * Whether the window holds enough taker orders for its volume to be a burst: at least the minimum, and at least
     * the order ratio times the orders baseline (one large order's fills are one order).
     */
    boolean hasBurstOrders(final int slot)
    {
        final double orders = flow.windowOrders(slot);
        return orders >= minOrders && orders >= orderRatio * flow.baselineOrders(slot);
    }

    /**
     * Window trades over {@code max(baseline, floor)}, divided by the ratio.
     */
    double tradeScore(final int slot)
    {
        return isWarm(slot) ? flow.windowCount(slot) / tradeBaseline(slot) * inverseTradeRatio : 0.0;
    }

    double volumeBaseline(final int slot)
    {
        return Math.max(flow.baselineVolume(slot), volumeFloor);
    }

    double tradeBaseline(final int slot)
    {
        return Math.max(flow.baselineCount(slot), tradeFloor);
    }

    /**
     * Recent volume rate over the floored baseline.
     */
    double volumeTrend(final int slot)
    {
        return flow.fastVolume(slot) / volumeBaseline(slot);
    }

    /**
     * Bring the slot's window to {@code timeNs} and refresh its columns.
     */
    void advance(final int slot, final long timeNs)
    {
        flow.advance(slot, timeNs);
        refresh(slot);
    }

    /**
     * A trade at the flow's current time (advance first).
     */
    void add(final int slot, final double notional, final double signedNotional, final boolean newOrder)
    {
        flow.add(slot, notional, signedNotional, newOrder);
        refresh(slot);
    }

    private void refresh(final int slot)
    {
        final boolean warm = isWarm(slot);
        // The kernel sees the volume of windows with enough orders only: the order test is per tick, not per sweep.
        in.volume[slot] = hasBurstOrders(slot) ? (float)flow.windowVolume(slot) : 0.0f;
        in.volumeScale[slot] = warm ? (float)(inverseVolumeRatio / volumeBaseline(slot)) : 0.0f;
        in.trades[slot] = (float)flow.windowCount(slot);
        in.tradesScale[slot] = warm ? (float)(inverseTradeRatio / tradeBaseline(slot)) : 0.0f;
        in.volumeTrend[slot] = warm ? (float)volumeTrend(slot) : 0.0f;
    }
}
