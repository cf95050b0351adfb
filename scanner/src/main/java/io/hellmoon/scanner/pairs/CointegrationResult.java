/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

/**
 * One pair's Engle-Granger test: {@code ln P1 = intercept + hedgeRatio * ln P2 + spread}, the spread tested for a
 * unit root. Leg 1 is the dependent leg of the cointegrating regression, leg 2 the regressor; the spread is what the
 * pairs detector z-scores.
 *
 * @param leg1                  symbol of the dependent leg.
 * @param leg2                  symbol of the regressor leg.
 * @param hedgeRatio            OLS slope of log prices: units of leg 2's log price per unit of leg 1's.
 * @param intercept             OLS intercept of the log-price regression.
 * @param adfStatistic          ADF tau of the residuals (no deterministic term in the residual regression).
 * @param pValue                MacKinnon (1994) asymptotic p-value for two variables with a constant.
 * @param critical1             MacKinnon (2010) 1 % critical value at {@code observations - 1}, as statsmodels.
 * @param critical5             5 % critical value.
 * @param critical10            10 % critical value.
 * @param adfLags               lagged differences in the ADF regression.
 * @param halfLifeBars          half-life of mean reversion of the spread from its AR(1) fit, in bars.
 * @param halfLifeSeconds       the same in seconds.
 * @param correlation           Pearson correlation of the legs' log returns.
 * @param spreadStd             standard deviation of the regression residuals (log units).
 * @param observations          bars in the common sample.
 * @param leg1DailyQuoteVolume  leg 1's quote volume per day over its bars.
 * @param leg2DailyQuoteVolume  leg 2's quote volume per day over its bars.
 */
public record CointegrationResult(
    String leg1,
    String leg2,
    double hedgeRatio,
    double intercept,
    double adfStatistic,
    double pValue,
    double critical1,
    double critical5,
    double critical10,
    int adfLags,
    double halfLifeBars,
    double halfLifeSeconds,
    double correlation,
    double spreadStd,
    int observations,
    double leg1DailyQuoteVolume,
    double leg2DailyQuoteVolume)
{
    /**
     * Ranking order: p-value, then half-life, then the legs' names, ascending; NaNs last.
     *
     * @param other the result to compare with.
     * @return negative, zero or positive.
     */
    public int compareRank(final CointegrationResult other)
    {
        int order = Double.compare(pValue, other.pValue);
        if (0 == order)
        {
            order = Double.compare(halfLifeBars, other.halfLifeBars);
        }
        if (0 == order)
        {
            order = leg1.compareTo(other.leg1);
        }
        if (0 == order)
        {
            order = leg2.compareTo(other.leg2);
        }
        return order;
    }
}
