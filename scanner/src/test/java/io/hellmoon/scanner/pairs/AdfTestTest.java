/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ADF statistic against statsmodels 0.13.5 ({@code adfuller}) on series drawn by {@link Lcg}, and against a
 * plain least-squares fit (explicit design matrix, modified Gram-Schmidt QR) written here independently of the
 * nested-Cholesky code under test.
 */
class AdfTestTest
{
    private static final double TOLERANCE = 1e-9;

    @Test
    void shouldMatchStatsmodelsWithConstant()
    {
        final double[] z = Lcg.referenceAr1();
        final AdfTest adf = new AdfTest();

        // adfuller(z, regression='c', autolag='AIC') -> (-4.3337080454963095, p, 0, 299)
        assertTrue(adf.run(z, 0, z.length, Deterministic.CONSTANT, LagSelection.AIC, -1));
        assertEquals(-4.3337080454963095, adf.statistic(), TOLERANCE);
        assertEquals(0, adf.lags());
        assertEquals(299, adf.observations());
        assertEquals(0.00038815095358492557, MacKinnon.pValue(adf.statistic(), Deterministic.CONSTANT, 1), 1e-12);

        // adfuller(z, maxlag=3, regression='c', autolag=None) -> (-3.874326976084434, p, 3, 296)
        assertTrue(adf.run(z, 0, z.length, Deterministic.CONSTANT, LagSelection.FIXED, 3));
        assertEquals(-3.874326976084434, adf.statistic(), TOLERANCE);
        assertEquals(3, adf.lags());
        assertEquals(296, adf.observations());

        // adfuller(z, regression='n', autolag='AIC') -> (-0.32425200052925235, p, 0, 299)
        assertTrue(adf.run(z, 0, z.length, Deterministic.NONE, LagSelection.AIC, -1));
        assertEquals(-0.32425200052925235, adf.statistic(), TOLERANCE);
        assertEquals(0, adf.lags());
    }

    @Test
    void shouldMatchStatsmodelsOnARandomWalkWithALevel()
    {
        // adfuller(cumsum(z - 2) + 10, regression='c', autolag='AIC') -> (-1.9489036945282954, p, 1, 298)
        final double[] z = Lcg.referenceAr1();
        final double[] walk = new double[z.length];
        double sum = 0.0;
        for (int i = 0; i < z.length; i++)
        {
            sum += z[i] - 2.0;
            walk[i] = sum + 10;
        }
        final AdfTest adf = new AdfTest();
        assertTrue(adf.run(walk, 0, walk.length, Deterministic.CONSTANT, LagSelection.AIC, -1));
        assertEquals(-1.9489036945282954, adf.statistic(), 1e-8);
        assertEquals(1, adf.lags());
        assertEquals(298, adf.observations());
    }

    @Test
    void shouldMatchStatsmodelsOnCointegrationResiduals()
    {
        final double[][] pair = Lcg.referencePair();
        final EngleGranger test = new EngleGranger(LagSelection.AIC, -1);
        assertEquals(EngleGranger.Status.OK, test.test(pair[0], pair[1], 0, 500));
        final double[] residuals = test.residuals();

        final AdfTest adf = new AdfTest();
        // adfuller(resid, regression='n', autolag='AIC') -> (-7.374902145773785, p, 8, 491)
        assertTrue(adf.run(residuals, 0, 500, Deterministic.NONE, LagSelection.AIC, -1));
        assertEquals(-7.374902145773785, adf.statistic(), TOLERANCE);
        assertEquals(8, adf.lags());
        assertEquals(491, adf.observations());
        assertEquals(18, adf.maxLags(), "Schwert: ceil(12 * (500 / 100)^(1/4)) = ceil(17.94)");

        // adfuller(resid, maxlag=2, regression='n', autolag=None) -> (-9.720751684502519, p, 2, 497)
        assertTrue(adf.run(residuals, 0, 500, Deterministic.NONE, LagSelection.FIXED, 2));
        assertEquals(-9.720751684502519, adf.statistic(), TOLERANCE);
        assertEquals(497, adf.observations());

        // adfuller(resid, maxlag=0, regression='n', autolag=None) -> (-10.741239739590181, p, 0, 499)
        assertTrue(adf.run(residuals, 0, 500, Deterministic.NONE, LagSelection.FIXED, 0));
        assertEquals(-10.741239739590181, adf.statistic(), TOLERANCE);
    }

    @Test
    void shouldEqualAPlainLeastSquaresFitForEveryLagAndTerm()
    {
        final Lcg random = new Lcg(2024);
        final AdfTest adf = new AdfTest();
        for (int trial = 0; trial < 40; trial++)
        {
            final int length = 40 + (int)(random.uniform() * 400);
            final double phi = 0.5 + 0.5 * random.uniform();
            final double level = 100.0 * random.uniform();
            final double[] x = new double[length + 7];
            x[3] = level;
            for (int t = 4; t < x.length; t++)
            {
                x[t] = level + phi * (x[t - 1] - level) + 0.01 * random.normal() +
                    0.3 * 0.01 * (x[t - 1] - x[t - 2]);
            }
            final int from = 3;
            final int to = from + length;
            final int maxLag = AdfTest.defaultMaxLags(length, Deterministic.CONSTANT);
            for (final Deterministic deterministic : Deterministic.values())
            {
                for (int p = 0; p <= Math.min(maxLag, 6); p++)
                {
                    assertTrue(adf.run(x, from, to, deterministic, LagSelection.FIXED, p));
                    final double expected = plainTau(x, from, to, deterministic, p);
                    assertEquals(expected, adf.statistic(), 1e-8 * Math.max(1.0, Math.abs(expected)),
                        "trial " + trial + " " + deterministic + " p=" + p);
                    assertEquals(length - 1 - p, adf.observations());
                }
            }
        }
    }

    @Test
    void shouldFailOnTooShortOrFlatSeries()
    {
        final AdfTest adf = new AdfTest();
        assertFalse(adf.run(new double[] { 1, 2, 3 }, 0, 3, Deterministic.CONSTANT, LagSelection.AIC, -1));
        assertEquals(Double.NaN, adf.statistic());
        assertFalse(adf.run(new double[100], 0, 100, Deterministic.NONE, LagSelection.FIXED, 2), "all zeros");
        final double[] flat = new double[100];
        java.util.Arrays.fill(flat, 5.0);
        assertFalse(adf.run(flat, 0, 100, Deterministic.CONSTANT, LagSelection.AIC, -1));
        assertFalse(adf.run(flat, 0, 100, Deterministic.CONSTANT, LagSelection.FIXED, 60), "lags beyond T/2");
    }

    /**
     * tau from the explicit design matrix by modified Gram-Schmidt: straightforward and slow.
     */
    static double plainTau(
        final double[] x, final int from, final int to, final Deterministic deterministic, final int p)
    {
        final int length = to - from;
        final int n = length - 1 - p;
        final int terms = deterministic.termCount();
        final int k = 1 + p + terms;
        final double[][] columns = new double[k][n];
        final double[] y = new double[n];
        for (int r = 0; r < n; r++)
        {
            final int t = from + p + 1 + r;
            y[r] = x[t] - x[t - 1];
            columns[0][r] = x[t - 1];
            for (int j = 1; j <= p; j++)
            {
                columns[j][r] = x[t - j] - x[t - j - 1];
            }
            if (1 == terms)
            {
                columns[k - 1][r] = 1.0;
            }
        }

        // QR with the level column last, so that its coefficient's variance is 1 / R[k-1][k-1]^2.
        final double[][] q = new double[k][];
        final int[] order = new int[k];
        for (int j = 0; j < k; j++)
        {
            order[j] = j + 1 < k ? j + 1 : 0;
        }
        final double[][] r = new double[k][k];
        for (int j = 0; j < k; j++)
        {
            final double[] v = columns[order[j]].clone();
            for (int i = 0; i < j; i++)
            {
                double dot = 0.0;
                for (int m = 0; m < n; m++)
                {
                    dot += q[i][m] * v[m];
                }
                r[i][j] = dot;
                for (int m = 0; m < n; m++)
                {
                    v[m] -= dot * q[i][m];
                }
            }
            double norm = 0.0;
            for (int m = 0; m < n; m++)
            {
                norm += v[m] * v[m];
            }
            norm = Math.sqrt(norm);
            r[j][j] = norm;
            for (int m = 0; m < n; m++)
            {
                v[m] /= norm;
            }
            q[j] = v;
        }
        final double[] qty = new double[k];
        for (int j = 0; j < k; j++)
        {
            double dot = 0.0;
            for (int m = 0; m < n; m++)
            {
                dot += q[j][m] * y[m];
            }
            qty[j] = dot;
        }
        double ssr = 0.0;
        for (int m = 0; m < n; m++)
        {
            double fitted = 0.0;
            for (int j = 0; j < k; j++)
            {
                fitted += q[j][m] * qty[j];
            }
            ssr += (y[m] - fitted) * (y[m] - fitted);
        }
        final double gamma = qty[k - 1] / r[k - 1][k - 1];
        final double sigma2 = ssr / (n - k);
        return gamma / Math.sqrt(sigma2 / (r[k - 1][k - 1] * r[k - 1][k - 1]));
    }
}
