/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.scanner.indicators.OrderFlowImbalance;

/**
 * MICROSTRUCTURE_IMBALANCE: aggressive trades and the top of the book leaning the same way, persistently: takers
 * mostly buying while bids build or asks are pulled (or the reverse).
 * <p>
 * From {@link OrderFlowImbalance}'s EWMAs: the signed trade flow share {@code f} and the order-flow imbalance share
 * {@code o}, both in [-1, 1]. {@code score = f o > 0 ? min(|f| / flowThreshold, |o| / ofiThreshold) : 0}, so both
 * must agree and both be strong; only when the flow is active (traded notional and trades per flow window at least
 * the minimums) and the EWMAs have a span of samples. Direction: the common sign, UP for buying pressure.
 */
final class MicrostructureImbalanceDetector implements Detector
{
    static final int FEATURE_COUNT = 7;

    private final OrderFlowImbalance flows;
    private final SweepInputs in;
    private final InstrumentTable table;
    private final ScanEventWriter writer;
    private final Hysteresis hysteresis;
    private final double flowThreshold;
    private final double ofiThreshold;
    private final double minNotional;
    private final double minTrades;
    private final long warmupSamples;

    MicrostructureImbalanceDetector(
        final ScannerContext ctx,
        final SweepInputs in,
        final InstrumentTable table,
        final ScanEventWriter writer,
        final int capacity)
    {
        this.flows = new OrderFlowImbalance(capacity, ctx.flowWindowNs(), ctx.microstructureWindowNs());
        this.in = in;
        this.table = table;
        this.writer = writer;
        this.hysteresis = new Hysteresis(
            index(), capacity, ctx.microstructureRearmScore(), ctx.microstructureCooldownNs(), in, table);
        this.flowThreshold = ctx.microstructureFlowThreshold();
        this.ofiThreshold = ctx.microstructureOfiThreshold();
        this.minNotional = ctx.microstructureMinNotional();
        this.minTrades = ctx.microstructureMinTrades();
        this.warmupSamples = ctx.microstructureWindowNs() / ctx.flowWindowNs();
        in.flowScale = (float)(1.0 / flowThreshold);
        in.ofiScale = (float)(1.0 / ofiThreshold);
    }

    public int index()
    {
        return SweepInputs.MICROSTRUCTURE_IMBALANCE;
    }

    public void ensureCapacity(final int capacity)
    {
        hysteresis.ensureCapacity(capacity);
        flows.ensureCapacity(capacity);
    }

    void onQuote(
        final int slot, final long timeNs, final double bid, final double bidValue, final double ask,
        final double askValue)
    {
        if (flows.onQuote(slot, timeNs, bid, bidValue, ask, askValue))
        {
            refresh(slot);
        }
    }

    void onTrade(final int slot, final long timeNs, final double notional, final double signedNotional)
    {
        if (flows.onTrade(slot, timeNs, notional, signedNotional))
        {
            refresh(slot);
        }
    }

    public double score(final int slot, final long timeNs)
    {
        if (flows.advance(slot, timeNs))
        {
            refresh(slot);
        }
        return exactScore(slot);
    }

    public void rearm(final long sweepTimeNs)
    {
        hysteresis.rearm(sweepTimeNs, this);
    }

    public void onCandidate(final int slot, final long sweepTimeNs)
    {
        final double score = score(slot, sweepTimeNs);
        if (!(score > 1.0))
        {
            return;
        }
        hysteresis.fired(slot, sweepTimeNs);
        final double flow = flows.flowShare(slot);
        if (writer.beginAnomaly(
            slot, AnomalyType.MICROSTRUCTURE_IMBALANCE, flow > 0.0 ? Direction.UP : Direction.DOWN, score,
            FEATURE_COUNT))
        {
            writer.feature(Feature.SIGNED_FLOW, flow);
            writer.feature(Feature.ORDER_FLOW_IMBALANCE, flows.ofiShare(slot));
            writer.feature(Feature.VOLUME, flows.volumeRate(slot));
            writer.feature(Feature.TRADE_COUNT, flows.tradeRate(slot));
            writer.feature(Feature.THRESHOLD, flowThreshold);
            writer.feature(Feature.SPREAD_BPS, table.spreadBps(slot));
            writer.feature(Feature.PRICE, table.referencePrice(slot));
            writer.commitAnomaly();
        }
    }

    private boolean isActive(final int slot)
    {
        return flows.samples(slot) >= warmupSamples &&
            flows.volumeRate(slot) >= minNotional &&
            flows.tradeRate(slot) >= minTrades;
    }

    private double exactScore(final int slot)
    {
        if (!isActive(slot))
        {
            return 0.0;
        }
        final double flow = flows.flowShare(slot);
        final double ofi = flows.ofiShare(slot);
        return flow * ofi > 0.0 ? Math.min(Math.abs(flow) / flowThreshold, Math.abs(ofi) / ofiThreshold) : 0.0;
    }

    private void refresh(final int slot)
    {
        if (isActive(slot))
        {
            in.flow[slot] = (float)flows.flowShare(slot);
            in.ofi[slot] = (float)flows.ofiShare(slot);
        }
        else
        {
            in.flow[slot] = 0.0f;
            in.ofi[slot] = 0.0f;
        }
    }
}
