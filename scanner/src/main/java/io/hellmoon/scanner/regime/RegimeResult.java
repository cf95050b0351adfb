/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.regime;

import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;

/**
 * The outcome of one classification: the volatility and trend parts, their confidences, the overall confidence and
 * the inputs behind them. A reusable holder that {@link RegimeClassifier#classify} overwrites, so classifying
 * allocates nothing; copy what must outlive the next call.
 */
public final class RegimeResult
{
    VolatilityRegime volatilityRegime = VolatilityRegime.NULL_VAL;
    TrendRegime trendRegime = TrendRegime.NULL_VAL;
    Direction trendDirection = Direction.NEUTRAL;
    double confidence;
    double volatilityConfidence;
    double trendConfidence;
    double atrRatio;
    double adx;
    double emaDeviation;
    double rangeWidth;
    int trendPoints;

    /**
     * The volatility part, from ATR / price.
     *
     * @return the regime.
     */
    public VolatilityRegime volatilityRegime()
    {
        return volatilityRegime;
    }

    /**
     * The trend part, from ADX, EMA alignment and range width.
     *
     * @return the regime.
     */
    public TrendRegime trendRegime()
    {
        return trendRegime;
    }

    /**
     * Direction of the trend: from +DI against -DI when TRENDING (the EMA side breaks a tie), NEUTRAL when RANGING.
     *
     * @return the direction.
     */
    public Direction trendDirection()
    {
        return trendDirection;
    }

    /**
     * Confidence in the regime as a whole: the mean of the volatility and trend confidences.
     *
     * @return in [0.5, 1].
     */
    public double confidence()
    {
        return confidence;
    }

    /**
     * Confidence in the volatility part: 0.5 on a band boundary rising to 1 at the band's middle.
     *
     * @return in [0.5, 1].
     */
    public double volatilityConfidence()
    {
        return volatilityConfidence;
    }

    /**
     * Confidence in the trend part: 0.5 when the trend evidence is at the TRENDING/RANGING line, 1 when it is
     * unanimous.
     *
     * @return in [0.5, 1].
     */
    public double trendConfidence()
    {
        return trendConfidence;
    }

    /**
     * ATR / price.
     *
     * @return the ratio.
     */
    public double atrRatio()
    {
        return atrRatio;
    }

    /**
     * The ADX classified.
     *
     * @return ADX.
     */
    public double adx()
    {
        return adx;
    }

    /**
     * (price - EMA) / EMA.
     *
     * @return the signed deviation.
     */
    public double emaDeviation()
    {
        return emaDeviation;
    }

    /**
     * (range high - range low) / price.
     *
     * @return the width.
     */
    public double rangeWidth()
    {
        return rangeWidth;
    }

    /**
     * Trend evidence points, 0 to 5: 2 for ADX at the trending level, 1 more at the strong level, 1 for price
     * beyond its EMA band and 1 for a wide range. TRENDING takes 3 or more.
     *
     * @return the points.
     */
    public int trendPoints()
    {
        return trendPoints;
    }

    /**
     * Copy another result into this one.
     *
     * @param other to copy.
     * @return this.
     */
    public RegimeResult copyFrom(final RegimeResult other)
    {
        volatilityRegime = other.volatilityRegime;
        trendRegime = other.trendRegime;
        trendDirection = other.trendDirection;
        confidence = other.confidence;
        volatilityConfidence = other.volatilityConfidence;
        trendConfidence = other.trendConfidence;
        atrRatio = other.atrRatio;
        adx = other.adx;
        emaDeviation = other.emaDeviation;
        rangeWidth = other.rangeWidth;
        trendPoints = other.trendPoints;
        return this;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "RegimeResult{" + volatilityRegime + "/" + trendRegime + " " + trendDirection +
            ", confidence=" + confidence + " (vol " + volatilityConfidence + ", trend " + trendConfidence + ")" +
            ", atrRatio=" + atrRatio + ", adx=" + adx + ", emaDeviation=" + emaDeviation +
            ", rangeWidth=" + rangeWidth + ", trendPoints=" + trendPoints + '}';
    }
}
