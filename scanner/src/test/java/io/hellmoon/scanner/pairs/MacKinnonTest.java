/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * MacKinnon p-values and critical values against statsmodels 0.13.5 ({@code mackinnonp}, {@code mackinnoncrit}) and
 * the normal distribution function against scipy's {@code norm.cdf}.
 */
class MacKinnonTest
{
    // tau, p(c, N=2), p(c, N=1), p(n, N=1), p(n, N=2): statsmodels.tsa.adfvalues.mackinnonp
    private static final double[][] P_VALUES = {
        { -6.0, 1.6234924812268292e-06, 1.6661204834054382e-07, 9.408280965923412e-09, 1.4509598233686578e-07 },
        { -4.5, 0.0012246688283669626, 0.0001966399003359905, 9.443579625324582e-06, 0.00015459297900344512 },
        { -3.9, 0.009919396659836632, 0.002034847106327021, 0.00010832944626465998, 0.0015680014016299978 },
        { -3.34, 0.04946535878273698, 0.01318244693987008, 0.0008524425853365526, 0.010135331903972875 },
        { -3.04, 0.10100086492841487, 0.031324019363512416, 0.0023405497780707423, 0.024236606355825866 },
        { -2.7, 0.19957866516520906, 0.07403826903953158, 0.006741235075059158, 0.05809218151351126 },
        { -2.62, 0.2296596033101832, 0.08893372342186434, 0.008526327757998598, 0.07008346763883669 },
        { -2.0, 0.5285780802451076, 0.28657309916843154, 0.043520623056049056, 0.2366216480043815 },
        { -1.0, 0.902847226038779, 0.7532643012005655, 0.28810611212633064, 0.7009896573207942 },
        { 0.0, 0.9859002580259643, 0.958532086060056, 0.6842796360469544, 0.9403596669881464 },
        { 0.5, 0.9926499199201502, 0.9848730963065522, 0.824879195252956, 0.9731613340900653 },
        { 0.95, 1.0, 0.9937093477252888, 0.908844884082076, 0.9843820774268531 },
        { -20.0, 0.0, 0.0, 0.0, 0.0 } };

    @Test
    void shouldMatchStatsmodelsPValues()
    {
        for (final double[] row : P_VALUES)
        {
            final double tau = row[0];
            assertClose(row[1], MacKinnon.pValue(tau, Deterministic.CONSTANT, 2), "c, N=2, tau " + tau);
            assertClose(row[2], MacKinnon.pValue(tau, Deterministic.CONSTANT, 1), "c, N=1, tau " + tau);
            assertClose(row[3], MacKinnon.pValue(tau, Deterministic.NONE, 1), "n, N=1, tau " + tau);
            assertClose(row[4], MacKinnon.pValue(tau, Deterministic.NONE, 2), "n, N=2, tau " + tau);
        }
    }

    @Test
    void shouldGiveConventionalLevelsAtThePublishedCriticalValues()
    {
        // the Engle-Granger 1, 5 and 10 % critical values for two variables are about -3.90, -3.34 and -3.04
        assertEquals(0.01, MacKinnon.pValue(-3.90, Deterministic.CONSTANT, 2), 0.0005);
        assertEquals(0.05, MacKinnon.pValue(-3.34, Deterministic.CONSTANT, 2), 0.002);
        assertEquals(0.10, MacKinnon.pValue(-3.04, Deterministic.CONSTANT, 2), 0.003);
        assertEquals(0.05, MacKinnon.pValue(-2.86, Deterministic.CONSTANT, 1), 0.003);
    }

    @Test
    void shouldBeMonotoneAndContinuousAtTheSwitchPoint()
    {
        double previous = 0.0;
        for (double tau = -18.8; tau < 0.9; tau += 0.01)
        {
            final double p = MacKinnon.pValue(tau, Deterministic.CONSTANT, 2);
            assertEquals(true, p >= previous, "monotone at " + tau);
            previous = p;
        }
        final double below = MacKinnon.pValue(-2.62, Deterministic.CONSTANT, 2);
        final double above = MacKinnon.pValue(-2.62 + 1e-9, Deterministic.CONSTANT, 2);
        assertEquals(below, above, 0.002, "the two polynomials meet at tau*");
        assertEquals(Double.NaN, MacKinnon.pValue(Double.NaN, Deterministic.CONSTANT, 2));
    }

    @Test
    void shouldMatchStatsmodelsCriticalValues()
    {
        // mackinnoncrit(2, 'c', 499): what coint reports for 500 observations
        assertEquals(-3.91852234143638, MacKinnon.criticalValue(0.01, Deterministic.CONSTANT, 2, 499), 1e-12);
        assertEquals(-3.348402090875137, MacKinnon.criticalValue(0.05, Deterministic.CONSTANT, 2, 499), 1e-12);
        assertEquals(-3.052960322448504, MacKinnon.criticalValue(0.10, Deterministic.CONSTANT, 2, 499), 1e-12);
        assertEquals(-3.89644, MacKinnon.criticalValue(0.01, Deterministic.CONSTANT, 2, Integer.MAX_VALUE));
        assertEquals(-2.86154, MacKinnon.criticalValue(0.05, Deterministic.CONSTANT, 1, Integer.MAX_VALUE));
        assertEquals(-2.5770096749999998, MacKinnon.criticalValue(0.01, Deterministic.NONE, 1, 200), 1e-12);
        assertEquals(-1.6155566794999998, MacKinnon.criticalValue(0.10, Deterministic.NONE, 1, 200), 1e-12);
    }

    @Test
    void shouldRejectWhatIsNotTabulated()
    {
        assertThrows(IllegalArgumentException.class, () -> MacKinnon.pValue(-3.0, Deterministic.CONSTANT, 0));
        assertThrows(IllegalArgumentException.class, () -> MacKinnon.pValue(-3.0, Deterministic.CONSTANT, 7));
        assertThrows(
            IllegalArgumentException.class, () -> MacKinnon.criticalValue(0.02, Deterministic.CONSTANT, 2, 100));
        assertThrows(
            IllegalArgumentException.class, () -> MacKinnon.criticalValue(0.05, Deterministic.NONE, 2, 100));
    }

    @Test
    void shouldMatchScipyNormalCdf()
    {
        final double[][] reference = {
            { -8.0, 6.22096057427174e-16 }, { -5.0, 2.866515718791933e-07 }, { -3.0, 0.0013498980316300933 },
            { -1.96, 0.024997895148220435 }, { -1.0, 0.15865525393145707 }, { -0.1, 0.460172162722971 },
            { 0.0, 0.5 }, { 0.3, 0.6179114221889526 }, { 1.5, 0.9331927987311419 }, { 2.5, 0.9937903346742238 },
            { 6.0, 0.9999999990134123 }, { 7.5, 0.9999999999999681 }, { -7.5, 3.1908916729108844e-14 },
            { -20.0, 2.7536241186061556e-89 } };
        for (final double[] row : reference)
        {
            assertClose(row[1], MacKinnon.normalCdf(row[0]), "Phi(" + row[0] + ")");
        }
    }

    private static void assertClose(final double expected, final double actual, final String what)
    {
        final double tolerance = 1e-13 + 1e-12 * Math.abs(expected);
        assertEquals(expected, actual, tolerance, what);
    }
}
