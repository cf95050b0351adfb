/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.scanner.indicators.BarIndicators;
import io.hellmoon.scanner.indicators.RealisedVolatility;

import java.util.Arrays;

/**
 * VOLATILITY_EXPANSION, evaluated by the sweep.
 * <p>
 * {@code score = max(sqrt(shortVariance / max(longVariance, minLongVol^2)) / ratio, atr / atrLong / atrRatio)}:
 * short-horizon realised volatility against the long-horizon one, and/or the bar ATR against its long average (left
 * out when the ATR ratio threshold is 0). The kernel scores every slot from the values of its last tick; a candidate
 * (and any disarmed slot) is first brought up to the sweep's time, so a quiet instrument's short variance has decayed
 * as it would have, and re-scored exactly before it fires or re-arms. Direction: the short-horizon move
 * ({@code mean return x span}) beyond +/- the direction threshold times the short-horizon deviation over the span
 * gives UP or DOWN, else NEUTRAL.
 */
final class VolatilityExpansionDetector
{
    static final int FEATURE_COUNT = 7;

    private final RealisedVolatility volatility;
    private final BarIndicators bars;
    private final Hysteresis hysteresis;
    private final double ratio;
    private final double inverseRatio;
    private final double minLongVariance;
    private final double inverseAtrThreshold;
    private final double directionThreshold;
    private double[] scores;

    VolatilityExpansionDetector(
        final ScannerContext ctx, final RealisedVolatility volatility, final BarIndicators bars, final int capacity)
    {
        this.volatility = volatility;
        this.bars = bars;
        this.hysteresis = new Hysteresis(capacity, ctx.volatilityRearmScore(), ctx.volatilityCooldownNs());
        this.ratio = ctx.volatilityRatio();
        this.inverseRatio = 1.0 / ratio;
        this.minLongVariance = ctx.volatilityMinLongVol() * ctx.volatilityMinLongVol();
        this.inverseAtrThreshold = ctx.volatilityAtrRatio() > 0.0 ? 1.0 / ctx.volatilityAtrRatio() : 0.0;
        this.directionThreshold = ctx.volatilityDirectionThreshold();
        this.scores = new double[capacity];
    }

    void ensureCapacity(final int capacity)
    {
        if (capacity > scores.length)
        {
            hysteresis.ensureCapacity(capacity);
            scores = Arrays.copyOf(scores, capacity);
        }
    }

    double exactScore(final int slot, final long timeNs)
    {
        volatility.advance(slot, timeNs);
        return SweepKernel.volatilityScore(
            volatility.shortVariance(slot),
            volatility.longVariance(slot),
            minLongVariance,
            inverseRatio,
            bars.atrRatio(slot),
            inverseAtrThreshold);
    }

    /**
     * Score every slot with the kernel, then confirm and fire armed candidates, and move disarmed slots on.
     *
     * @return anomalies detected.
     */
    int sweep(
        final long sweepTimeNs,
        final int count,
        final SweepKernel kernel,
        final InstrumentTable table,
        final ScanEventWriter writer)
    {
        kernel.volatilityScores(
            volatility.shortVariances(),
            volatility.longVariances(),
            minLongVariance,
            inverseRatio,
            bars.atrRatios(),
            inverseAtrThreshold,
            scores,
            count);

        int detected = 0;
        final double[] scores = this.scores;
        for (int slot = 0; slot < count; slot++)
        {
            double score = scores[slot];
            final boolean armed = hysteresis.isArmed(slot);
            if (armed && !(score > 1.0))
            {
                continue;
            }

            score = exactScore(slot, sweepTimeNs);
            if (!armed && !hysteresis.observe(slot, score, sweepTimeNs))
            {
                continue;
            }
            if (score > 1.0 && table.tradable[slot])
            {
                hysteresis.fired(slot, sweepTimeNs);
                emit(slot, score, writer);
                detected++;
            }
        }
        return detected;
    }

    private void emit(final int slot, final double score, final ScanEventWriter writer)
    {
        final double shortVariance = volatility.shortVariance(slot);
        final double longVariance = volatility.longVariance(slot);
        final double span = volatility.shortSpanSamples();
        final double move = volatility.meanReturn(slot) * span;
        final double moveDeviation = Math.sqrt(shortVariance * span);
        final Direction direction = move > directionThreshold * moveDeviation ? Direction.UP :
            move < -directionThreshold * moveDeviation ? Direction.DOWN : Direction.NEUTRAL;
        final double atr = bars.bars(slot) >= bars.atrPeriod() ? bars.atr(slot) : Double.NaN;

        if (writer.beginAnomaly(slot, AnomalyType.VOLATILITY_EXPANSION, direction, score, FEATURE_COUNT))
        {
            writer.feature(Feature.REALISED_VOL_SHORT, Math.sqrt(shortVariance));
            writer.feature(Feature.REALISED_VOL_LONG, Math.sqrt(longVariance));
            writer.feature(
                Feature.REALISED_VOL_RATIO, Math.sqrt(shortVariance / Math.max(longVariance, minLongVariance)));
            writer.feature(Feature.ATR, atr);
            writer.feature(Feature.ATR_RATIO, bars.atrRatio(slot));
            writer.feature(Feature.RETURN, move);
            writer.feature(Feature.THRESHOLD, ratio);
            writer.commitAnomaly();
        }
    }
}
