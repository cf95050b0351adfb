/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

/**
 * Small least-squares building blocks over ranges of double arrays, each computed with two passes (means first,
 * then centred sums) so that series with a large level and a small variation (log prices) lose no precision.
 * Stateless and thread safe.
 */
public final class PairStatistics
{
    private PairStatistics()
    {
    }

    /**
     * Slope of the least-squares line {@code y = a + b x} over {@code [from, to)}.
     *
     * @param y    dependent series.
     * @param x    regressor.
     * @param from first index, inclusive.
     * @param to   last index, exclusive.
     * @return b, NaN if x does not vary.
     */
    public static double slope(final double[] y, final double[] x, final int from, final int to)
    {
        final int n = to - from;
        final double meanX = mean(x, from, to);
        final double meanY = mean(y, from, to);
        double sxx = 0.0;
        double sxy = 0.0;
        for (int i = from; i < to; i++)
        {
            final double dx = x[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (y[i] - meanY);
        }
        return n > 1 && sxx > 0.0 ? sxy / sxx : Double.NaN;
    }

    /**
     * Mean over {@code [from, to)}.
     *
     * @param x    the series.
     * @param from first index, inclusive.
     * @param to   last index, exclusive.
     * @return the mean, NaN for an empty range.
     */
    public static double mean(final double[] x, final int from, final int to)
    {
        double sum = 0.0;
        for (int i = from; i < to; i++)
        {
            sum += x[i];
        }
        final double mean = sum / (to - from);
        // second pass: the correction removes the rounding error of the first (as numpy's two-pass mean does not)
        double correction = 0.0;
        for (int i = from; i < to; i++)
        {
            correction += x[i] - mean;
        }
        return mean + correction / (to - from);
    }

    /**
     * Pearson correlation of the one-step differences (log returns, for log prices) of two series over
     * {@code [from, to)}: {@code to - from - 1} returns.
     *
     * @param a    first series.
     * @param b    second series.
     * @param from first index, inclusive.
     * @param to   last index, exclusive.
     * @return the correlation in [-1, 1], NaN if either series does not move.
     */
    public static double returnCorrelation(final double[] a, final double[] b, final int from, final int to)
    {
        final int n = to - from - 1;
        if (n < 2)
        {
            return Double.NaN;
        }
        final double meanA = (a[to - 1] - a[from]) / n;
        final double meanB = (b[to - 1] - b[from]) / n;
        double saa = 0.0;
        double sbb = 0.0;
        double sab = 0.0;
        for (int i = from + 1; i < to; i++)
        {
            final double ra = a[i] - a[i - 1] - meanA;
            final double rb = b[i] - b[i - 1] - meanB;
            saa += ra * ra;
            sbb += rb * rb;
            sab += ra * rb;
        }
        if (!(saa > 0.0) || !(sbb > 0.0))
        {
            return Double.NaN;
        }
        return Math.max(-1.0, Math.min(1.0, sab / Math.sqrt(saa * sbb)));
    }

    /**
     * AR(1) coefficient {@code phi} of {@code s[t] = c + phi s[t-1] + e[t]} fitted by least squares over
     * {@code [from, to)} ({@code to - from - 1} observations).
     *
     * @param s    the series (a spread).
     * @param from first index, inclusive.
     * @param to   last index, exclusive.
     * @return phi, NaN if fewer than three points or a constant series.
     */
    public static double ar1(final double[] s, final int from, final int to)
    {
        if (to - from < 3)
        {
            return Double.NaN;
        }
        final double meanLagged = mean(s, from, to - 1);
        final double meanCurrent = mean(s, from + 1, to);
        double sxx = 0.0;
        double sxy = 0.0;
        for (int i = from + 1; i < to; i++)
        {
            final double lagged = s[i - 1] - meanLagged;
            sxx += lagged * lagged;
            sxy += lagged * (s[i] - meanCurrent);
        }
        return sxx > 0.0 ? sxy / sxx : Double.NaN;
    }

    /**
     * Half-life of mean reversion, in steps, of an AR(1) process with coefficient {@code phi}: the time for a
     * deviation's magnitude to halve, {@code -ln 2 / ln |phi|}. 0 for {@code phi = 0} (gone in one step), positive
     * infinity for {@code |phi| >= 1} (no reversion), NaN for NaN. A negative {@code phi} (an oscillating decay)
     * counts by its magnitude.
     *
     * @param phi the AR(1) coefficient.
     * @return the half-life in steps.
     */
    public static double halfLife(final double phi)
    {
        if (Double.isNaN(phi))
        {
            return Double.NaN;
        }
        final double magnitude = Math.abs(phi);
        if (magnitude >= 1.0)
        {
            return Double.POSITIVE_INFINITY;
        }
        if (0.0 == magnitude)
        {
            return 0.0;
        }
        return -Math.log(2.0) / Math.log(magnitude);
    }
}
