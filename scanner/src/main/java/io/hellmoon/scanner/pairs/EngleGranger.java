/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

/**
 * The Engle-Granger two-step cointegration test of two series (log prices), as statsmodels' {@code coint} with a
 * constant:
 * <ol>
 *     <li>OLS with intercept, {@code y = alpha + beta x + u}, by centred sums; {@code beta} is the hedge ratio.
 *     A fit with {@code R^2 >= 1 - 100 sqrt(eps)} is reported as {@link Status#COLLINEAR} (statsmodels would
 *     return tau = -inf there: a constant spread is not a tradable pair).</li>
 *     <li>ADF on the residuals without deterministic terms ({@link AdfTest}), lags by AIC or fixed.</li>
 *     <li>p-value by MacKinnon's response surface for two I(1) variables with a constant
 *     ({@link MacKinnon#pValue}); critical values from MacKinnon 2010 at {@code T - 1} observations.</li>
 *     <li>Half-life of mean reversion from the residuals' AR(1) fit ({@link PairStatistics#halfLife}).</li>
 * </ol>
 * Not thread safe: the instance keeps scratch arrays; use one per thread.
 */
public final class EngleGranger
{
    /**
     * What a test came to.
     */
    public enum Status
    {
        /**
         * Statistic computed.
         */
        OK,

        /**
         * Too few observations for the regression and the ADF lags.
         */
        TOO_SHORT,

        /**
         * The regressor does not vary.
         */
        FLAT,

        /**
         * The legs are (almost) perfectly collinear: the spread is constant.
         */
        COLLINEAR,

        /**
         * The ADF regression is singular.
         */
        ADF_FAILED
    }

    private static final double COLLINEAR_TOLERANCE = 100.0 * Math.sqrt(Math.ulp(1.0));

    private final AdfTest adf = new AdfTest();
    private final LagSelection lagSelection;
    private final int maxLags;
    private double[] residuals = new double[0];

    private double hedgeRatio;
    private double intercept;
    private double rSquared;
    private double residualStd;
    private double statistic;
    private double pValue;
    private double halfLife;
    private int lags;
    private int observations;

    /**
     * A tester.
     *
     * @param lagSelection AIC search or fixed lags for the residual ADF.
     * @param maxLags      the largest (AIC) or exact (FIXED) lag count; negative for Schwert's default.
     */
    public EngleGranger(final LagSelection lagSelection, final int maxLags)
    {
        this.lagSelection = lagSelection;
        this.maxLags = maxLags;
    }

    /**
     * Test {@code y[from, to)} against {@code x[from, to)}.
     *
     * @param y    the dependent series (leg 1's log prices).
     * @param x    the regressor (leg 2's log prices).
     * @param from first index, inclusive.
     * @param to   last index, exclusive.
     * @return the outcome; the accessors hold the figures when {@link Status#OK}.
     */
    public Status test(final double[] y, final double[] x, final int from, final int to)
    {
        hedgeRatio = Double.NaN;
        intercept = Double.NaN;
        rSquared = Double.NaN;
        residualStd = Double.NaN;
        statistic = Double.NaN;
        pValue = Double.NaN;
        halfLife = Double.NaN;
        lags = -1;
        final int n = to - from;
        observations = n;
        if (n < 8)
        {
            return Status.TOO_SHORT;
        }

        final double meanX = PairStatistics.mean(x, from, to);
        final double meanY = PairStatistics.mean(y, from, to);
        double sxx = 0.0;
        double sxy = 0.0;
        double syy = 0.0;
        for (int i = from; i < to; i++)
        {
            final double dx = x[i] - meanX;
            final double dy = y[i] - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (!(sxx > 0.0))
        {
            return Status.FLAT;
        }

        final double beta = sxy / sxx;
        hedgeRatio = beta;
        intercept = meanY - beta * meanX;
        if (residuals.length < n)
        {
            residuals = new double[n];
        }
        final double[] u = residuals;
        double ssr = 0.0;
        for (int i = 0; i < n; i++)
        {
            final double e = (y[from + i] - meanY) - beta * (x[from + i] - meanX);
            u[i] = e;
            ssr += e * e;
        }
        rSquared = syy > 0.0 ? 1.0 - ssr / syy : Double.NaN;
        residualStd = Math.sqrt(ssr / (n - 2));
        if (!(syy > 0.0) || rSquared >= 1.0 - COLLINEAR_TOLERANCE)
        {
            return Status.COLLINEAR;
        }

        if (!adf.run(u, 0, n, Deterministic.NONE, lagSelection, maxLags))
        {
            return adf.maxLags() < 0 || adf.maxLags() > n / 2 - 1 ? Status.TOO_SHORT : Status.ADF_FAILED;
        }
        statistic = adf.statistic();
        lags = adf.lags();
        pValue = MacKinnon.pValue(statistic, Deterministic.CONSTANT, 2);
        halfLife = PairStatistics.halfLife(PairStatistics.ar1(u, 0, n));
        return Status.OK;
    }

    /**
     * OLS slope of y on x.
     *
     * @return the hedge ratio.
     */
    public double hedgeRatio()
    {
        return hedgeRatio;
    }

    /**
     * OLS intercept.
     *
     * @return alpha.
     */
    public double intercept()
    {
        return intercept;
    }

    /**
     * Coefficient of determination of the cointegrating regression.
     *
     * @return R^2.
     */
    public double rSquared()
    {
        return rSquared;
    }

    /**
     * Standard deviation of the residuals, {@code sqrt(ssr / (n - 2))}.
     *
     * @return the spread's standard deviation.
     */
    public double residualStd()
    {
        return residualStd;
    }

    /**
     * ADF tau of the residuals.
     *
     * @return the statistic.
     */
    public double statistic()
    {
        return statistic;
    }

    /**
     * MacKinnon p-value of {@link #statistic()}.
     *
     * @return the p-value.
     */
    public double pValue()
    {
        return pValue;
    }

    /**
     * Half-life of the residuals' mean reversion, in steps.
     *
     * @return the half-life.
     */
    public double halfLife()
    {
        return halfLife;
    }

    /**
     * Lagged differences used by the residual ADF.
     *
     * @return the lag count.
     */
    public int lags()
    {
        return lags;
    }

    /**
     * Observations of the cointegrating regression.
     *
     * @return the count.
     */
    public int observations()
    {
        return observations;
    }

    /**
     * The residuals of the last test, valid for indices below {@link #observations()}.
     *
     * @return the scratch array holding them.
     */
    public double[] residuals()
    {
        return residuals;
    }
}
