/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

/**
 * MacKinnon's response-surface approximations for the Dickey-Fuller tau statistic: asymptotic p-values (MacKinnon
 * 1994, "Approximate asymptotic distribution functions for unit-root and cointegration tests", JBES 12(2)) and
 * finite-sample critical values (MacKinnon 2010, "Critical values for cointegration tests", Queen's Economics
 * Working Paper 1227).
 * <p>
 * {@code n} is the number of I(1) variables: 1 for a plain (augmented) Dickey-Fuller test, 2 for the Engle-Granger
 * test of a pair. The deterministic term is the one of the cointegrating regression: an Engle-Granger test whose
 * first step regressed with a constant uses {@link Deterministic#CONSTANT} although its residual ADF regression has
 * none.
 * <p>
 * <b>p-value</b>: {@code p = Phi(g0 + g1 tau + g2 tau^2)} for {@code tau <= tau*} and
 * {@code p = Phi(g0 + g1 tau + g2 tau^2 + g3 tau^3)} above, with the published coefficients (table 3 of the 1994
 * paper, as also used by statsmodels' {@code mackinnonp}); 0 below the table's smallest tau and 1 above its largest.
 * For {@code n = 2} with a constant: tau* = -2.62, range [-18.86, 0.92].
 * <p>
 * <b>Critical values</b>: {@code c(T) = b_inf + b1/T + b2/T^2 + b3/T^3} (MacKinnon 2010, table 2); for {@code n = 2}
 * with a constant the asymptotic 1, 5 and 10 % values are -3.89644, -3.33613 and -3.04445. Stateless and thread safe.
 */
public final class MacKinnon
{
    /**
     * Largest number of I(1) variables covered.
     */
    public static final int MAX_VARIABLES = 6;

    private static final double[] TAU_STAR_NONE = { -1.04, -1.53, -2.68, -3.09, -3.07, -3.77 };
    private static final double[] TAU_MIN_NONE = { -19.04, -19.62, -21.21, -23.25, -21.63, -25.74 };
    private static final double[] TAU_MAX_NONE = { Double.POSITIVE_INFINITY, 1.51, 0.86, 0.88, 1.05, 1.24 };
    private static final double[] TAU_STAR_CONSTANT = { -1.61, -2.62, -3.13, -3.47, -3.78, -3.93 };
    private static final double[] TAU_MIN_CONSTANT = { -18.83, -18.86, -23.48, -28.07, -25.96, -23.27 };
    private static final double[] TAU_MAX_CONSTANT = { 2.74, 0.92, 0.55, 0.61, 0.79, 1 };

    // Small-p coefficients g0, g1, g2 (the published g2 is scaled by 100).
    private static final double[][] SMALL_P_NONE = {
        { 0.6344, 1.2378, 3.2496e-2 },
        { 1.9129, 1.3857, 3.5322e-2 },
        { 2.7648, 1.4502, 3.4186e-2 },
        { 3.4336, 1.4835, 3.19e-2 },
        { 4.0999, 1.5533, 3.59e-2 },
        { 4.5388, 1.5344, 2.9807e-2 } };
    private static final double[][] SMALL_P_CONSTANT = {
        { 2.1659, 1.4412, 3.8269e-2 },
        { 2.92, 1.5012, 3.9796e-2 },
        { 3.4699, 1.4856, 3.164e-2 },
        { 3.9673, 1.4777, 2.6315e-2 },
        { 4.5509, 1.5338, 2.9545e-2 },
        { 5.1399, 1.6036, 3.4445e-2 } };

    // Large-p coefficients g0..g3 (the published g1, g2 are scaled by 10 and g3 by 100).
    private static final double[][] LARGE_P_NONE = {
        { 0.4797, 9.3557e-1, -0.6999e-1, 3.3066e-2 },
        { 1.5578, 8.558e-1, -2.083e-1, -3.3549e-2 },
        { 2.2268, 6.8093e-1, -3.2362e-1, -5.4448e-2 },
        { 2.7654, 6.4502e-1, -3.0811e-1, -4.4946e-2 },
        { 3.2684, 6.8051e-1, -2.6778e-1, -3.4972e-2 },
        { 3.7268, 7.167e-1, -2.3648e-1, -2.8288e-2 } };
    private static final double[][] LARGE_P_CONSTANT = {
        { 1.7339, 9.3202e-1, -1.2745e-1, -1.0368e-2 },
        { 2.1945, 6.4695e-1, -2.9198e-1, -4.2377e-2 },
        { 2.5893, 4.5168e-1, -3.6529e-1, -5.0074e-2 },
        { 3.0387, 4.5452e-1, -3.3666e-1, -4.1921e-2 },
        { 3.5049, 5.2098e-1, -2.9158e-1, -3.3468e-2 },
        { 3.9489, 5.8933e-1, -2.5359e-1, -2.721e-2 } };

    // MacKinnon (2010) table 2, constant case: per n, rows 1 %, 5 %, 10 %, columns b_inf, b1, b2, b3.
    private static final double[][][] CRITICAL_CONSTANT = {
        { { -3.43035, -6.5393, -16.786, -79.433 }, { -2.86154, -2.8903, -4.234, -40.040 },
            { -2.56677, -1.5384, -2.809, 0 } },
        { { -3.89644, -10.9519, -33.527, 0 }, { -3.33613, -6.1101, -6.823, 0 }, { -3.04445, -4.2412, -2.720, 0 } },
        { { -4.29374, -14.4354, -33.195, 47.433 }, { -3.74066, -8.5632, -10.852, 27.982 },
            { -3.45218, -6.2143, -3.718, 0 } },
        { { -4.64332, -18.1031, -37.972, 0 }, { -4.09600, -11.2349, -11.175, 0 }, { -3.81020, -8.3931, -4.137, 0 } },
        { { -4.95756, -21.8883, -45.142, 0 }, { -4.41519, -14.0405, -12.575, 0 },
            { -4.13157, -10.7417, -3.784, 0 } },
        { { -5.24568, -25.6688, -57.737, 88.639 }, { -4.70693, -16.9178, -17.492, 60.007 },
            { -4.42501, -13.1875, -5.104, 27.877 } } };

    // MacKinnon (1996) no-constant case, n = 1 only (not updated in 2010).
    private static final double[][] CRITICAL_NONE = {
        { -2.56574, -2.2358, -3.627, 0 }, { -1.94100, -0.2686, -3.365, 31.223 }, { -1.61682, 0.2656, -2.714, 25.364 } };

    private static final double[] LEVELS = { 0.01, 0.05, 0.10 };

    private MacKinnon()
    {
    }

    /**
     * Asymptotic p-value of a Dickey-Fuller tau statistic.
     *
     * @param tau           the test statistic (t-value of the lagged level); NaN gives NaN.
     * @param deterministic the deterministic term of the (cointegrating) regression.
     * @param variables     number of I(1) variables, 1 to {@link #MAX_VARIABLES}.
     * @return the p-value in [0, 1].
     */
    public static double pValue(final double tau, final Deterministic deterministic, final int variables)
    {
        checkVariables(variables);
        if (Double.isNaN(tau))
        {
            return Double.NaN;
        }

        final int i = variables - 1;
        final boolean constant = Deterministic.CONSTANT == deterministic;
        final double max = constant ? TAU_MAX_CONSTANT[i] : TAU_MAX_NONE[i];
        final double min = constant ? TAU_MIN_CONSTANT[i] : TAU_MIN_NONE[i];
        final double star = constant ? TAU_STAR_CONSTANT[i] : TAU_STAR_NONE[i];
        if (tau > max)
        {
            return 1.0;
        }
        if (tau < min)
        {
            return 0.0;
        }

        if (tau <= star)
        {
            final double[] g = constant ? SMALL_P_CONSTANT[i] : SMALL_P_NONE[i];
            return normalCdf(g[0] + tau * (g[1] + tau * g[2]));
        }
        final double[] g = constant ? LARGE_P_CONSTANT[i] : LARGE_P_NONE[i];
        return normalCdf(g[0] + tau * (g[1] + tau * (g[2] + tau * g[3])));
    }

    /**
     * Finite-sample critical value of the tau statistic.
     *
     * @param level         0.01, 0.05 or 0.10.
     * @param deterministic the deterministic term; {@link Deterministic#NONE} is tabulated for one variable only.
     * @param variables     number of I(1) variables, 1 to {@link #MAX_VARIABLES}.
     * @param observations  sample size {@code T}; {@code Integer.MAX_VALUE} for the asymptotic value.
     * @return the critical value: reject the unit root (no cointegration) when tau is below it.
     */
    public static double criticalValue(
        final double level, final Deterministic deterministic, final int variables, final int observations)
    {
        checkVariables(variables);
        int row = -1;
        for (int i = 0; i < LEVELS.length; i++)
        {
            if (LEVELS[i] == level)
            {
                row = i;
            }
        }
        if (row < 0)
        {
            throw new IllegalArgumentException("level must be 0.01, 0.05 or 0.10: " + level);
        }
        if (observations <= 0)
        {
            throw new IllegalArgumentException("observations must be positive: " + observations);
        }

        final double[] b;
        if (Deterministic.CONSTANT == deterministic)
        {
            b = CRITICAL_CONSTANT[variables - 1][row];
        }
        else if (1 == variables)
        {
            b = CRITICAL_NONE[row];
        }
        else
        {
            throw new IllegalArgumentException("no-constant critical values are tabulated for one variable only");
        }

        if (Integer.MAX_VALUE == observations)
        {
            return b[0];
        }
        final double inverse = 1.0 / observations;
        return b[0] + inverse * (b[1] + inverse * (b[2] + inverse * b[3]));
    }

    /**
     * The standard normal distribution function, to about 1e-15 (Hart's algorithm 5666 as given by West, 2005,
     * "Better approximations to cumulative normal functions").
     *
     * @param x the argument.
     * @return {@code P(Z <= x)}.
     */
    public static double normalCdf(final double x)
    {
        if (Double.isNaN(x))
        {
            return Double.NaN;
        }

        final double z = Math.abs(x);
        double tail;
        if (z > 37.0)
        {
            tail = 0.0;
        }
        else
        {
            final double e = Math.exp(-0.5 * z * z);
            if (z < 7.07106781186547)
            {
                double numerator = 3.52624965998911e-02 * z + 0.700383064443688;
                numerator = numerator * z + 6.37396220353165;
                numerator = numerator * z + 33.912866078383;
                numerator = numerator * z + 112.079291497871;
                numerator = numerator * z + 221.213596169931;
                numerator = numerator * z + 220.206867912376;
                double denominator = 8.83883476483184e-02 * z + 1.75566716318264;
                denominator = denominator * z + 16.064177579207;
                denominator = denominator * z + 86.7807322029461;
                denominator = denominator * z + 296.564248779674;
                denominator = denominator * z + 637.333633378831;
                denominator = denominator * z + 793.826512519948;
                denominator = denominator * z + 440.413735824752;
                tail = e * numerator / denominator;
            }
            else
            {
                double fraction = z + 0.65;
                fraction = z + 4.0 / fraction;
                fraction = z + 3.0 / fraction;
                fraction = z + 2.0 / fraction;
                fraction = z + 1.0 / fraction;
                tail = e / fraction / 2.506628274631;
            }
        }
        return x > 0.0 ? 1.0 - tail : tail;
    }

    private static void checkVariables(final int variables)
    {
        if (variables < 1 || variables > MAX_VARIABLES)
        {
            throw new IllegalArgumentException("variables must be in [1, " + MAX_VARIABLES + "]: " + variables);
        }
    }
}
