/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.regime;

import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;

/**
 * Classifies an instrument's market regime from its bar indicators. Stateless and allocation free: it writes into
 * a caller's {@link RegimeResult}. Dwell (not flapping between regimes) is {@link RegimeTracker}'s job.
 * <p>
 * <b>Volatility</b> from {@code ATR / price} against three ascending boundaries (defaults 0.015, 0.025, 0.04):
 * {@code LOW_VOL < low <= NORMAL_VOL < normal <= HIGH_VOL < high <= EXTREME_VOL}. A value on a boundary belongs to
 * the band above it, as in the regime detector this is specified from ({@code atr_ratio_low=0.015} is the first
 * NORMAL_VOL value). Confidence is 0.5 on a boundary rising linearly to 1 at the middle of the band (for the open
 * bands, at half the neighbouring band's width from the boundary).
 * <p>
 * <b>Trend</b> from three pieces of evidence, each compared with the same "at the threshold counts" rule:
 * ADX at or above {@code adxTrending} (2 points) and at or above {@code adxStrong} (1 more), price at or beyond
 * {@code emaAlignment} of its EMA, i.e. {@code |price - EMA| / EMA >= 0.02} (1 point), and a range width
 * {@code (high - low) / price} at or above {@code rangeWidth} (1 point). TRENDING takes 3 of the 5 points: a strong
 * ADX alone, or a trending ADX confirmed by the EMA or the range; anything less is RANGING. Confidence is 0.5 at the
 * line (3 or 2 points) and grows by 0.25 per point away from it, so a strong ADX raises a trend's confidence.
 * The trend direction is +DI against -DI (the side of the EMA on a tie) when TRENDING, NEUTRAL when RANGING.
 * <p>
 * The overall confidence is the mean of the two parts' confidences.
 */
public final class RegimeClassifier
{
    private final double atrRatioLow;
    private final double atrRatioNormal;
    private final double atrRatioHigh;
    private final double adxTrending;
    private final double adxStrong;
    private final double emaAlignment;
    private final double rangeWidthThreshold;

    /**
     * A classifier with the given thresholds (validated by the scanner's context).
     *
     * @param atrRatioLow    ATR / price from which the regime is NORMAL_VOL.
     * @param atrRatioNormal ATR / price from which the regime is HIGH_VOL.
     * @param atrRatioHigh   ATR / price from which the regime is EXTREME_VOL.
     * @param adxTrending    ADX from which a trend counts.
     * @param adxStrong      ADX from which a trend is strong.
     * @param emaAlignment   fractional EMA distance from which price is beyond its EMA.
     * @param rangeWidth     range width from which the range is wide.
     */
    public RegimeClassifier(
        final double atrRatioLow,
        final double atrRatioNormal,
        final double atrRatioHigh,
        final double adxTrending,
        final double adxStrong,
        final double emaAlignment,
        final double rangeWidth)
    {
        this.atrRatioLow = atrRatioLow;
        this.atrRatioNormal = atrRatioNormal;
        this.atrRatioHigh = atrRatioHigh;
        this.adxTrending = adxTrending;
        this.adxStrong = adxStrong;
        this.emaAlignment = emaAlignment;
        this.rangeWidthThreshold = rangeWidth;
    }

    /**
     * Classify.
     *
     * @param price      current price (the last bar's close).
     * @param atr        average true range in price units.
     * @param ema        the trend EMA.
     * @param adx        average directional index.
     * @param plusDi     positive directional indicator.
     * @param minusDi    negative directional indicator.
     * @param rangeWidth (range high - range low) / price.
     * @param result     overwritten with the classification.
     * @return false (and the result untouched) if the inputs cannot be classified: a non-positive price or EMA, or a
     *         negative or non-finite ATR, ADX or range width.
     */
    public boolean classify(
        final double price,
        final double atr,
        final double ema,
        final double adx,
        final double plusDi,
        final double minusDi,
        final double rangeWidth,
        final RegimeResult result)
    {
        if (!(price > 0.0) || !(ema > 0.0) || !(atr >= 0.0) || !(adx >= 0.0) || !(rangeWidth >= 0.0) ||
            Double.isInfinite(price) || Double.isInfinite(atr) || Double.isInfinite(adx) ||
            Double.isInfinite(rangeWidth))
        {
            return false;
        }

        final double atrRatio = atr / price;
        final VolatilityRegime volatility;
        final double volatilityConfidence;
        if (atrRatio < atrRatioLow)
        {
            volatility = VolatilityRegime.LOW_VOL;
            volatilityConfidence = bandConfidence(atrRatioLow - atrRatio, atrRatioLow * 0.5);
        }
        else if (atrRatio < atrRatioNormal)
        {
            volatility = VolatilityRegime.NORMAL_VOL;
            volatilityConfidence = bandConfidence(
                Math.min(atrRatio - atrRatioLow, atrRatioNormal - atrRatio), (atrRatioNormal - atrRatioLow) * 0.5);
        }
        else if (atrRatio < atrRatioHigh)
        {
            volatility = VolatilityRegime.HIGH_VOL;
            volatilityConfidence = bandConfidence(
                Math.min(atrRatio - atrRatioNormal, atrRatioHigh - atrRatio), (atrRatioHigh - atrRatioNormal) * 0.5);
        }
        else
        {
            volatility = VolatilityRegime.EXTREME_VOL;
            volatilityConfidence = bandConfidence(atrRatio - atrRatioHigh, (atrRatioHigh - atrRatioNormal) * 0.5);
        }

        final double emaDeviation = (price - ema) / ema;
        int points = 0;
        if (adx >= adxTrending)
        {
            points += 2;
        }
        if (adx >= adxStrong)
        {
            points += 1;
        }
        if (Math.abs(emaDeviation) >= emaAlignment)
        {
            points += 1;
        }
        if (rangeWidth >= rangeWidthThreshold)
        {
            points += 1;
        }

        final TrendRegime trend;
        final double trendConfidence;
        final Direction direction;
        if (points >= 3)
        {
            trend = TrendRegime.TRENDING;
            trendConfidence = 0.5 + 0.25 * (points - 3);
            if (plusDi > minusDi)
            {
                direction = Direction.UP;
            }
            else if (plusDi < minusDi)
            {
                direction = Direction.DOWN;
            }
            else
            {
                direction = emaDeviation > 0.0 ? Direction.UP : emaDeviation < 0.0 ? Direction.DOWN : Direction.NEUTRAL;
            }
        }
        else
        {
            trend = TrendRegime.RANGING;
            trendConfidence = 0.5 + 0.25 * (2 - points);
            direction = Direction.NEUTRAL;
        }

        result.volatilityRegime = volatility;
        result.trendRegime = trend;
        result.trendDirection = direction;
        result.volatilityConfidence = volatilityConfidence;
        result.trendConfidence = trendConfidence;
        result.confidence = 0.5 * (volatilityConfidence + trendConfidence);
        result.atrRatio = atrRatio;
        result.adx = adx;
        result.emaDeviation = emaDeviation;
        result.rangeWidth = rangeWidth;
        result.trendPoints = points;
        return true;
    }

    private static double bandConfidence(final double distance, final double halfWidth)
    {
        return 0.5 + 0.5 * Math.min(1.0, distance / halfWidth);
    }
}
