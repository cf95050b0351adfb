/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.scanner.indicators.RealisedVolatility;
import io.hellmoon.scanner.indicators.TimeframeBars;

/**
 * VOLATILITY_EXPANSION: short-horizon realised volatility, or the ATR, well above its long-horizon level.
 * <p>
 * {@code score = max(sqrt(shortVariance / max(longVariance, minLongVol^2)) / ratio, ATR / longATR / atrRatio)}, the
 * ATR term on the configured timeframe once it has a long-ATR period of bars (left out when the ATR ratio is 0). The
 * kernel tests the squared first term against {@code ratio^2}, which is the same test. A candidate, and any disarmed
 * slot, is brought up to the sweep's time first, so a quiet instrument's short variance has decayed as it would on
 * its next trade. Direction: the short-horizon move ({@code mean return x span}) beyond +/- the direction threshold
 * times the short-horizon deviation over the span gives UP or DOWN, else NEUTRAL.
 */
final class VolatilityExpansionDetector implements Detector
{
    static final int FEATURE_COUNT = 7;

    private final ReturnStatistics stats;
    private final RealisedVolatility volatility;
    private final TimeframeBars bars;
    private final SweepInputs in;
    private final ScanEventWriter writer;
    private final Hysteresis hysteresis;
    private final double ratio;
    private final double inverseRatio;
    private final double atrRatio;
    private final double inverseAtrRatio;
    private final double directionThreshold;

    VolatilityExpansionDetector(
        final ScannerContext ctx,
        final ReturnStatistics stats,
        final TimeframeBars bars,
        final SweepInputs in,
        final InstrumentTable table,
        final ScanEventWriter writer,
        final int capacity)
    {
        this.stats = stats;
        this.volatility = stats.volatility;
        this.bars = bars;
        this.in = in;
        this.writer = writer;
        this.hysteresis = new Hysteresis(
            index(), capacity, ctx.volatilityRearmScore(), ctx.volatilityCooldownNs(), in, table);
        this.ratio = ctx.volatilityRatio();
        this.inverseRatio = 1.0 / ratio;
        this.atrRatio = ctx.volatilityAtrRatio();
        this.inverseAtrRatio = atrRatio > 0.0 ? 1.0 / atrRatio : 0.0;
        this.directionThreshold = ctx.volatilityDirectionThreshold();
    }

    public int index()
    {
        return SweepInputs.VOLATILITY_EXPANSION;
    }

    public void ensureCapacity(final int capacity)
    {
        hysteresis.ensureCapacity(capacity);
    }

    /**
     * A bar of the ATR's timeframe closed: refresh the ATR column.
     */
    void onBars(final int slot)
    {
        final double longAtr = bars.atrLong(slot);
        in.atr[slot] = (float)bars.atr(slot);
        in.atrScale[slot] = bars.bars(slot) >= bars.atrLongPeriod() && longAtr > 0.0 ?
            (float)(inverseAtrRatio / longAtr) : 0.0f;
    }

    public double score(final int slot, final long timeNs)
    {
        stats.advance(slot, timeNs);
        return exactScore(slot);
    }

    public void rearm(final long sweepTimeNs)
    {
        hysteresis.rearm(sweepTimeNs, this);
    }

    public void onCandidate(final int slot, final long sweepTimeNs)
    {
        stats.advance(slot, sweepTimeNs);
        final double score = exactScore(slot);
        if (!(score > 1.0))
        {
            return;
        }
        hysteresis.fired(slot, sweepTimeNs);

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
            writer.feature(Feature.REALISED_VOL_RATIO,
                Math.sqrt(shortVariance / Math.max(longVariance, stats.minLongVariance())));
            writer.feature(Feature.ATR, atr);
            writer.feature(Feature.ATR_RATIO, bars.atrRatio(slot));
            writer.feature(Feature.RETURN, move);
            writer.feature(Feature.THRESHOLD, ratio);
            writer.commitAnomaly();
        }
    }

    private double exactScore(final int slot)
    {
        final double realised = Math.sqrt(
            volatility.shortVariance(slot) / Math.max(volatility.longVariance(slot), stats.minLongVariance())) *
            inverseRatio;
        return Math.max(realised, bars.atrRatio(slot) * inverseAtrRatio);
    }
}
