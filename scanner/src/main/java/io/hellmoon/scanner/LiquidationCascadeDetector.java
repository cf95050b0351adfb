/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.scanner.indicators.LiquidationFlow;

/**
 * LIQUIDATION_CASCADE: a cluster of same-side forced liquidations ({@code Liquidation}, Binance forceOrder).
 * <p>
 * Per side, over the rolling liquidation window: {@code score = max over sides of min(count / (minCount - 1/2),
 * notional / minNotional)}: the count part is above 1 from {@code minCount} liquidations on, so a cascade needs both
 * several liquidations on one side and enough notional; one large liquidation is not a cascade. Evaluated on each
 * liquidation (fires on the one that completes the cluster) and by the sweep.
 * Direction: DOWN when longs are being liquidated (SELL orders), UP for shorts (BUY orders).
 */
final class LiquidationCascadeDetector implements Detector
{
    static final int FEATURE_COUNT = 6;

    private final LiquidationFlow liquidations;
    private final SweepInputs in;
    private final InstrumentTable table;
    private final ScanEventWriter writer;
    private final Hysteresis hysteresis;
    private final double minCount;
    private final double inverseMinCount;
    private final double inverseMinNotional;

    LiquidationCascadeDetector(
        final ScannerContext ctx,
        final SweepInputs in,
        final InstrumentTable table,
        final ScanEventWriter writer,
        final int capacity)
    {
        this.liquidations = new LiquidationFlow(capacity, ctx.liquidationWindowNs(), ctx.liquidationBuckets());
        this.in = in;
        this.table = table;
        this.writer = writer;
        this.hysteresis = new Hysteresis(
            index(), capacity, ctx.liquidationRearmScore(), ctx.liquidationCooldownNs(), in, table);
        this.minCount = ctx.liquidationMinCount();
        this.inverseMinCount = 1.0 / (minCount - 0.5);
        this.inverseMinNotional = 1.0 / ctx.liquidationMinNotional();
    }

    public int index()
    {
        return SweepInputs.LIQUIDATION_CASCADE;
    }

    public void ensureCapacity(final int capacity)
    {
        hysteresis.ensureCapacity(capacity);
        liquidations.ensureCapacity(capacity);
    }

    /**
     * A forced liquidation at {@code timeNs}: count it and fire if it completes a cascade.
     *
     * @param side     {@link LiquidationFlow#BUY} or {@link LiquidationFlow#SELL}.
     * @param notional quote notional filled.
     */
    void onLiquidation(final int slot, final long timeNs, final int side, final double notional)
    {
        liquidations.onLiquidation(slot, timeNs, side, notional);
        refresh(slot);
        if (hysteresis.isOpen(slot))
        {
            tryFire(slot, timeNs);
        }
    }

    public double score(final int slot, final long timeNs)
    {
        liquidations.advance(slot, timeNs);
        refresh(slot);
        return Math.max(sideScore(slot, LiquidationFlow.BUY), sideScore(slot, LiquidationFlow.SELL));
    }

    public void rearm(final long sweepTimeNs)
    {
        hysteresis.rearm(sweepTimeNs, this);
    }

    public void onCandidate(final int slot, final long sweepTimeNs)
    {
        liquidations.advance(slot, sweepTimeNs);
        refresh(slot);
        tryFire(slot, sweepTimeNs);
    }

    private void tryFire(final int slot, final long timeNs)
    {
        final double buy = sideScore(slot, LiquidationFlow.BUY);
        final double sell = sideScore(slot, LiquidationFlow.SELL);
        final double score = Math.max(buy, sell);
        if (!(score > 1.0))
        {
            return;
        }
        hysteresis.fired(slot, timeNs);
        final int side = sell >= buy ? LiquidationFlow.SELL : LiquidationFlow.BUY;
        final Direction direction = LiquidationFlow.SELL == side ? Direction.DOWN : Direction.UP;
        if (writer.beginAnomaly(slot, AnomalyType.LIQUIDATION_CASCADE, direction, score, FEATURE_COUNT))
        {
            writer.feature(Feature.LIQUIDATION_COUNT, liquidations.count(slot, side));
            writer.feature(Feature.LIQUIDATION_NOTIONAL, liquidations.notional(slot, side));
            writer.feature(Feature.NOTIONAL, liquidations.notional(slot, 1 - side));
            writer.feature(Feature.THRESHOLD, minCount);
            writer.feature(Feature.RATIO, liquidations.notional(slot, side) * inverseMinNotional);
            writer.feature(Feature.PRICE, table.referencePrice(slot));
            writer.commitAnomaly();
        }
    }

    private double sideScore(final int slot, final int side)
    {
        return Math.min(
            liquidations.count(slot, side) * inverseMinCount, liquidations.notional(slot, side) * inverseMinNotional);
    }

    private void refresh(final int slot)
    {
        in.liquidation[slot] = (float)Math.max(
            sideScore(slot, LiquidationFlow.BUY), sideScore(slot, LiquidationFlow.SELL));
    }
}
