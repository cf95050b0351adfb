/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.scanner.indicators.MultiTimeframeBars;
import io.hellmoon.scanner.indicators.TimeframeBars;

import java.util.Arrays;

/**
 * BREAKOUT: the price beyond the N-bar high or low of its timeframe's closed bars, by a margin of ATRs, with volume
 * confirming it.
 * <p>
 * At each close of a bar of the breakout timeframe the levels are {@code high = highest high of the last N bars +
 * margin x ATR} and {@code low = lowest low - margin x ATR} (once there are N bars). With {@code trend} the recent
 * volume rate over its baseline ({@link FlowStatistics#volumeTrend}), {@code score = trend >= volumeRatio ?
 * max(price / high, low / price) : 0}, price being the last trade. Direction UP above the high, DOWN below the low.
 */
final class BreakoutDetector implements Detector
{
    static final int FEATURE_COUNT = 7;

    private final FlowStatistics flows;
    private final MultiTimeframeBars allBars;
    private final TimeframeBars bars;
    private final SweepInputs in;
    private final ScanEventWriter writer;
    private final Hysteresis hysteresis;
    private final int barCount;
    private final double atrMargin;
    private final double volumeRatio;
    private double[] highLevel;
    private double[] lowLevel;

    BreakoutDetector(
        final ScannerContext ctx,
        final FlowStatistics flows,
        final MultiTimeframeBars allBars,
        final SweepInputs in,
        final InstrumentTable table,
        final ScanEventWriter writer,
        final int capacity)
    {
        this.flows = flows;
        this.allBars = allBars;
        this.bars = allBars.timeframe(ctx.breakoutTimeframe());
        this.in = in;
        this.writer = writer;
        this.hysteresis = new Hysteresis(
            index(), capacity, ctx.breakoutRearmScore(), ctx.breakoutCooldownNs(), in, table);
        this.barCount = ctx.breakoutBars();
        this.atrMargin = ctx.breakoutAtrMargin();
        this.volumeRatio = ctx.breakoutVolumeRatio();
        highLevel = new double[capacity];
        lowLevel = new double[capacity];
    }

    public int index()
    {
        return SweepInputs.BREAKOUT;
    }

    public void ensureCapacity(final int capacity)
    {
        if (capacity > highLevel.length)
        {
            hysteresis.ensureCapacity(capacity);
            highLevel = Arrays.copyOf(highLevel, capacity);
            lowLevel = Arrays.copyOf(lowLevel, capacity);
        }
    }

    /**
     * A bar of the breakout timeframe closed: new levels.
     */
    void onBars(final int slot)
    {
        if (bars.bars(slot) < barCount)
        {
            return;
        }
        final double margin = atrMargin * bars.atr(slot);
        final double high = bars.highestHigh(slot, barCount) + margin;
        final double low = Math.max(0.0, bars.lowestLow(slot, barCount) - margin);
        highLevel[slot] = high;
        lowLevel[slot] = low;
        in.highScale[slot] = high > 0.0 ? (float)(1.0 / high) : 0.0f;
        in.low[slot] = (float)low;
    }

    /**
     * A new last price.
     */
    void onPrice(final int slot)
    {
        final double price = allBars.lastPrice(slot);
        if (price > 0.0)
        {
            in.price[slot] = (float)price;
        }
    }

    public double score(final int slot, final long timeNs)
    {
        final double high = highLevel[slot];
        final double price = allBars.lastPrice(slot);
        if (!(high > 0.0) || !(price > 0.0) || !(flows.isWarm(slot)) || flows.volumeTrend(slot) < volumeRatio)
        {
            return 0.0;
        }
        return Math.max(price / high, lowLevel[slot] / price);
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
        final double price = allBars.lastPrice(slot);
        final boolean up = price > highLevel[slot];
        if (writer.beginAnomaly(slot, AnomalyType.BREAKOUT, up ? Direction.UP : Direction.DOWN, score, FEATURE_COUNT))
        {
            writer.feature(Feature.PRICE, price);
            writer.feature(Feature.RANGE_HIGH, bars.highestHigh(slot, barCount));
            writer.feature(Feature.RANGE_LOW, bars.lowestLow(slot, barCount));
            writer.feature(Feature.ATR, bars.atr(slot));
            writer.feature(Feature.VOLUME_RATIO, flows.volumeTrend(slot));
            writer.feature(Feature.THRESHOLD, volumeRatio);
            writer.feature(Feature.RATIO, score);
            writer.commitAnomaly();
        }
    }
}
