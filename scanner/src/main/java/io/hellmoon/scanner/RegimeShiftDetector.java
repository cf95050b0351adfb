/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;
import io.hellmoon.scanner.regime.RegimeResult;

import java.util.Arrays;

/**
 * REGIME_SHIFT: an instrument's regime changed (after the classifier's dwell), as an anomaly for the router in
 * addition to the {@code RegimeChange} message. An instrument's first classification is not a shift.
 * <p>
 * {@code score = (volatility bands moved + (trend changed ? 1 : 0)) x confidence / threshold}, the confidence being
 * the new classification's. A shift is latched when it happens and fired by the next sweep; the latch clears when it
 * fires, and a shift that happens while the detector is disarmed (cooldown) is dropped as part of the same market
 * event. Direction: the new trend direction (NEUTRAL when RANGING).
 */
final class RegimeShiftDetector implements Detector
{
    static final int FEATURE_COUNT = 7;

    private final SweepInputs in;
    private final ScanEventWriter writer;
    private final Hysteresis hysteresis;
    private final double inverseThreshold;
    private final double threshold;
    private double[] latched;
    private double[] parts;
    private double[] confidence;
    private double[] adx;
    private double[] atrRatio;
    private double[] emaDeviation;
    private double[] rangeWidth;
    private byte[] direction;

    RegimeShiftDetector(
        final ScannerContext ctx,
        final SweepInputs in,
        final InstrumentTable table,
        final ScanEventWriter writer,
        final int capacity)
    {
        this.in = in;
        this.writer = writer;
        // The latch clears when it fires, so any re-arm score below 1 behaves the same: 0.5 is used.
        this.hysteresis = new Hysteresis(index(), capacity, 0.5, ctx.regimeShiftCooldownNs(), in, table);
        this.threshold = ctx.regimeShiftThreshold();
        this.inverseThreshold = 1.0 / threshold;
        latched = new double[capacity];
        parts = new double[capacity];
        confidence = new double[capacity];
        adx = new double[capacity];
        atrRatio = new double[capacity];
        emaDeviation = new double[capacity];
        rangeWidth = new double[capacity];
        direction = new byte[capacity];
    }

    public int index()
    {
        return SweepInputs.REGIME_SHIFT;
    }

    public void ensureCapacity(final int capacity)
    {
        if (capacity > latched.length)
        {
            hysteresis.ensureCapacity(capacity);
            latched = Arrays.copyOf(latched, capacity);
            parts = Arrays.copyOf(parts, capacity);
            confidence = Arrays.copyOf(confidence, capacity);
            adx = Arrays.copyOf(adx, capacity);
            atrRatio = Arrays.copyOf(atrRatio, capacity);
            emaDeviation = Arrays.copyOf(emaDeviation, capacity);
            rangeWidth = Arrays.copyOf(rangeWidth, capacity);
            direction = Arrays.copyOf(direction, capacity);
        }
    }

    /**
     * The slot's regime changed from the previous regimes to the result's.
     */
    void onRegimeChange(
        final int slot,
        final RegimeResult result,
        final VolatilityRegime previousVolatility,
        final TrendRegime previousTrend)
    {
        if (VolatilityRegime.NULL_VAL == previousVolatility || TrendRegime.NULL_VAL == previousTrend ||
            !hysteresis.isOpen(slot))
        {
            return;
        }
        final double moved = Math.abs(result.volatilityRegime().value() - previousVolatility.value()) +
            (result.trendRegime() != previousTrend ? 1.0 : 0.0);
        final double score = moved * result.confidence() * inverseThreshold;
        latched[slot] = score;
        parts[slot] = moved;
        confidence[slot] = result.confidence();
        adx[slot] = result.adx();
        atrRatio[slot] = result.atrRatio();
        emaDeviation[slot] = result.emaDeviation();
        rangeWidth[slot] = result.rangeWidth();
        direction[slot] = (byte)result.trendDirection().value();
        in.regimeShift[slot] = (float)score;
    }

    public double score(final int slot, final long timeNs)
    {
        return latched[slot];
    }

    public void rearm(final long sweepTimeNs)
    {
        hysteresis.rearm(sweepTimeNs, this);
    }

    public void onCandidate(final int slot, final long sweepTimeNs)
    {
        final double score = latched[slot];
        if (!(score > 1.0))
        {
            return;
        }
        latched[slot] = 0.0;
        in.regimeShift[slot] = 0.0f;
        hysteresis.fired(slot, sweepTimeNs);
        if (writer.beginAnomaly(slot, AnomalyType.REGIME_SHIFT, Direction.get(direction[slot]), score, FEATURE_COUNT))
        {
            writer.feature(Feature.RATIO, parts[slot]);
            writer.feature(Feature.CONFIDENCE, confidence[slot]);
            writer.feature(Feature.ATR_RATIO, atrRatio[slot]);
            writer.feature(Feature.ADX, adx[slot]);
            writer.feature(Feature.EMA_DEVIATION, emaDeviation[slot]);
            writer.feature(Feature.RANGE_WIDTH, rangeWidth[slot]);
            writer.feature(Feature.THRESHOLD, threshold);
            writer.commitAnomaly();
        }
    }
}
