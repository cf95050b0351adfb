/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Engle-Granger test against statsmodels 0.13.5 ({@code coint}, {@code OLS}) and its power and size on seeded
 * simulations: cointegrated pairs are found, independent random walks rarely are.
 */
class EngleGrangerTest
{
    @Test
    void shouldMatchStatsmodelsCoint()
    {
        final double[][] pair = Lcg.referencePair();
        final EngleGranger test = new EngleGranger(LagSelection.AIC, -1);

        // coint(y, x) -> (-7.3749021457734445, 1.0705006896687979e-09, crit); OLS params [0.4708..., 1.3070...]
        assertEquals(EngleGranger.Status.OK, test.test(pair[0], pair[1], 0, 500));
        assertEquals(1.3070641702843309, test.hedgeRatio(), 1e-12);
        assertEquals(0.4708338142360755, test.intercept(), 1e-11);
        assertEquals(-7.3749021457734445, test.statistic(), 1e-9);
        assertEquals(1.0705006896687979e-09, test.pValue(), 1e-15);
        assertEquals(8, test.lags());
        assertEquals(500, test.observations());
        // AR(1) of the residuals with a constant: phi 0.6245782639812112, half-life 1.472654863735395
        assertEquals(1.472654863735395, test.halfLife(), 1e-10);

        // coint(w, x) -> (-1.8219176399580452, 0.6190160832384961, crit)
        assertEquals(EngleGranger.Status.OK, test.test(pair[2], pair[1], 0, 500));
        assertEquals(-1.8219176399580452, test.statistic(), 1e-9);
        assertEquals(0.6190160832384961, test.pValue(), 1e-12);
    }

    @Test
    void shouldComputeOlsAndResidualsByHand()
    {
        // y = 1 + 2x exactly except for two residuals +-0.1: the slope and intercept follow from the normal
        // equations by hand: x = 0..9, y = 1 + 2x + e, e = (0.1 at x=2, -0.1 at x=7)
        final double[] x = new double[10];
        final double[] y = new double[10];
        for (int i = 0; i < 10; i++)
        {
            x[i] = i;
            y[i] = 1 + 2 * i + (2 == i ? 0.1 : 7 == i ? -0.1 : 0.0);
        }
        // sxx = 82.5; sxy = 2 * 82.5 + 0.1 * (2 - 4.5) - 0.1 * (7 - 4.5) = 165 - 0.5
        final double beta = (165.0 - 0.5) / 82.5;
        final double alpha = (10.0 + 90.0) / 10.0 - beta * 4.5;
        assertEquals(beta, PairStatistics.slope(y, x, 0, 10), 1e-14);
        final EngleGranger test = new EngleGranger(LagSelection.FIXED, 0);
        test.test(y, x, 0, 10);
        assertEquals(beta, test.hedgeRatio(), 1e-14);
        assertEquals(alpha, test.intercept(), 1e-13);
        for (int i = 0; i < 10; i++)
        {
            assertEquals(y[i] - alpha - beta * x[i], test.residuals()[i], 1e-13);
        }
    }

    @Test
    void shouldFindCointegratedPairsAndRarelyIndependentOnes()
    {
        final Random random = new Random(20240808L);
        final EngleGranger test = new EngleGranger(LagSelection.AIC, -1);
        final int trials = 200;
        final int length = 500;
        int cointegratedFound = 0;
        int independentFound = 0;
        double hedgeError = 0.0;
        final double[] x = new double[length];
        final double[] y = new double[length];
        final double[] w = new double[length];
        for (int trial = 0; trial < trials; trial++)
        {
            double u = 0.0;
            x[0] = 10.0 + random.nextGaussian();
            w[0] = 5.0 + random.nextGaussian();
            final double beta = 0.5 + random.nextDouble();
            for (int t = 0; t < length; t++)
            {
                if (t > 0)
                {
                    x[t] = x[t - 1] + 0.01 * random.nextGaussian();
                    w[t] = w[t - 1] + 0.01 * random.nextGaussian();
                }
                u = 0.9 * u + 0.005 * random.nextGaussian();
                y[t] = 1.0 + beta * x[t] + u;
            }
            test.test(y, x, 0, length);
            if (test.pValue() < 0.01)
            {
                cointegratedFound++;
                hedgeError += Math.abs(test.hedgeRatio() - beta);
            }
            test.test(w, x, 0, length);
            if (test.pValue() < 0.01)
            {
                independentFound++;
            }
        }
        assertTrue(cointegratedFound >= 0.95 * trials, "power at 1 %: " + cointegratedFound + "/" + trials);
        assertTrue(independentFound <= 0.03 * trials, "size at 1 %: " + independentFound + "/" + trials);
        assertTrue(hedgeError / cointegratedFound < 0.03, "mean hedge-ratio error " + hedgeError / cointegratedFound);
    }

    @Test
    void shouldEstimateTheHalfLifeOfAKnownAr1()
    {
        // phi = 0.9: half-life ln 2 / -ln 0.9 = 6.5788 steps
        final Random random = new Random(7);
        final double[] s = new double[20_000];
        for (int t = 1; t < s.length; t++)
        {
            s[t] = 0.9 * s[t - 1] + random.nextGaussian();
        }
        final double phi = PairStatistics.ar1(s, 0, s.length);
        assertEquals(0.9, phi, 0.01);
        assertEquals(Math.log(2) / -Math.log(0.9), PairStatistics.halfLife(0.9), 1e-12);
        assertEquals(6.5788, PairStatistics.halfLife(phi), 0.6);

        assertEquals(Double.POSITIVE_INFINITY, PairStatistics.halfLife(1.0));
        assertEquals(Double.POSITIVE_INFINITY, PairStatistics.halfLife(1.2));
        assertEquals(0.0, PairStatistics.halfLife(0.0));
        assertEquals(1.0, PairStatistics.halfLife(-0.5), 1e-12, "magnitude halves each step");
    }

    @Test
    void shouldReportDegeneratePairs()
    {
        final double[] x = new double[100];
        final double[] y = new double[100];
        Arrays.fill(x, 3.0);
        final EngleGranger test = new EngleGranger(LagSelection.AIC, -1);
        assertEquals(EngleGranger.Status.FLAT, test.test(y, x, 0, 100));
        for (int i = 0; i < 100; i++)
        {
            x[i] = Math.log(100 + i);
            y[i] = 2.0 * x[i] + 1.0;
        }
        assertEquals(EngleGranger.Status.COLLINEAR, test.test(y, x, 0, 100));
        assertEquals(EngleGranger.Status.TOO_SHORT, test.test(y, x, 0, 5));
    }

    @Test
    void shouldComputeTheCorrelationOfReturns()
    {
        final double[] a = { 0.0, 1.0, 3.0, 2.0, 5.0 };
        final double[] b = { 1.0, 3.0, 7.0, 5.0, 11.0 };
        // returns of b are twice those of a: correlation 1; of -a: -1
        assertEquals(1.0, PairStatistics.returnCorrelation(a, b, 0, 5), 1e-15);
        final double[] c = { 0.0, -1.0, -3.0, -2.0, -5.0 };
        assertEquals(-1.0, PairStatistics.returnCorrelation(a, c, 0, 5), 1e-15);
        // by hand: ra = 1, 2, -1, 3 (mean 1.25), rd = 1, 0, 1, 0 (mean 0.5)
        final double[] d = { 0.0, 1.0, 1.0, 2.0, 2.0 };
        final double[] ra = { -0.25, 0.75, -2.25, 1.75 };
        final double[] rd = { 0.5, -0.5, 0.5, -0.5 };
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < 4; i++)
        {
            sab += ra[i] * rd[i];
            saa += ra[i] * ra[i];
            sbb += rd[i] * rd[i];
        }
        assertEquals(sab / Math.sqrt(saa * sbb), PairStatistics.returnCorrelation(a, d, 0, 5), 1e-15);
        assertEquals(Double.NaN, PairStatistics.returnCorrelation(a, new double[5], 0, 5));
    }
}
