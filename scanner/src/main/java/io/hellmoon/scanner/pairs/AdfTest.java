/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import java.util.Arrays;

/**
 * Augmented Dickey-Fuller test of a series {@code x}: the t-statistic of {@code gamma} in
 * <pre>
 *     dx[t] = [c] + gamma * x[t-1] + sum(j = 1..p) phi_j * dx[t-j] + e[t]
 * </pre>
 * fitted by least squares on {@code t = p+1 .. T-1} ({@code T - 1 - p} observations), with or without the constant
 * {@code c}. The lag count {@code p} is fixed or chosen by AIC ({@link LagSelection}); the default largest lag is
 * Schwert's {@code ceil(12 (T/100)^(1/4))}, capped at {@code T/2 - 1 - terms} ({@link #defaultMaxLags}). Results
 * match statsmodels' {@code adfuller}.
 *
 * <h2>Numerics</h2>
 * The AIC search fits every lag count on one sample, and the regressors are nested ({@code x[t-1]}, then
 * {@code dx[t-1]}, {@code dx[t-2]}, ...), so one Cholesky factorisation {@code L L' = X'X} of the largest model
 * serves all of them: with {@code z = L^-1 X'y}, the residual sum of squares of the model with the first {@code k}
 * regressors is {@code y'y - sum(i < k) z_i^2}. The cross products of the lagged differences form a Toeplitz-like
 * band, so after the first row each entry is the one up-left of it plus one product minus another (O(T p) for the
 * whole matrix instead of O(T p^2)). The chosen model is refitted on its own sample and its residual sum of squares
 * is summed from the residuals themselves, not from the normal equations. With a constant, columns are shifted by
 * their sample means before any product is summed (centred sums), and the exact mean correction is applied after.
 * A singular design (a constant series, perfectly collinear lags) makes the test fail rather than return noise.
 * <p>
 * Not thread safe: an instance keeps its scratch arrays for reuse; use one per thread.
 */
public final class AdfTest
{
    /**
     * Largest lag count accepted, whatever the sample size.
     */
    public static final int MAX_LAGS_LIMIT = 256;

    private double[] dx = new double[0];
    private double[] gram = new double[0];
    private double[] cross = new double[0];
    private double[] chol = new double[0];
    private double[] solution = new double[0];
    private double[] scratch = new double[0];
    private double[] sums = new double[0];

    private double statistic = Double.NaN;
    private double gamma = Double.NaN;
    private double standardError = Double.NaN;
    private double aic = Double.NaN;
    private int lags = -1;
    private int maxLagsUsed = -1;
    private int observations;

    /**
     * Schwert's rule for the largest lag count, as statsmodels applies it.
     *
     * @param length        length {@code T} of the series.
     * @param deterministic the regression's deterministic term.
     * @return {@code min(T/2 - 1 - terms, ceil(12 (T/100)^(1/4)))}, negative if the series is too short.
     */
    public static int defaultMaxLags(final int length, final Deterministic deterministic)
    {
        final int schwert = (int)Math.ceil(12.0 * Math.pow(length / 100.0, 0.25));
        return Math.min(length / 2 - deterministic.termCount() - 1, schwert);
    }

    /**
     * Run the test on {@code x[from, to)}.
     *
     * @param x             the series.
     * @param from          first index, inclusive.
     * @param to            last index, exclusive.
     * @param deterministic constant or none.
     * @param selection     AIC search or a fixed lag count.
     * @param maxLags       largest (AIC) or exact (FIXED) lag count; negative for {@link #defaultMaxLags}.
     * @return true if the statistic was computed; false if the sample is too short for the lags or the design is
     * singular (then {@link #statistic()} is NaN).
     */
    public boolean run(
        final double[] x,
        final int from,
        final int to,
        final Deterministic deterministic,
        final LagSelection selection,
        final int maxLags)
    {
        statistic = Double.NaN;
        gamma = Double.NaN;
        standardError = Double.NaN;
        aic = Double.NaN;
        lags = -1;
        observations = 0;

        final int length = to - from;
        final int terms = deterministic.termCount();
        final int maxLag = maxLags < 0 ? defaultMaxLags(length, deterministic) : maxLags;
        maxLagsUsed = maxLag;
        if (maxLag < 0 || maxLag > MAX_LAGS_LIMIT || maxLag > length / 2 - terms - 1)
        {
            return false;
        }

        ensureCapacity(length, maxLag + 1);
        final double[] dx = this.dx;
        for (int i = 0, n = length - 1; i < n; i++)
        {
            dx[i] = x[from + i + 1] - x[from + i];
        }

        int p = maxLag;
        if (LagSelection.AIC == selection && maxLag > 0)
        {
            p = selectByAic(x, from, length, deterministic, maxLag);
            if (p < 0)
            {
                return false;
            }
        }

        return fit(x, from, length, deterministic, p);
    }

    /**
     * The test statistic (t-value of {@code gamma}), NaN if the last run failed.
     *
     * @return tau.
     */
    public double statistic()
    {
        return statistic;
    }

    /**
     * The estimated coefficient of the lagged level.
     *
     * @return gamma.
     */
    public double gamma()
    {
        return gamma;
    }

    /**
     * Standard error of {@link #gamma()}.
     *
     * @return the standard error.
     */
    public double standardError()
    {
        return standardError;
    }

    /**
     * Lagged differences in the final regression, -1 if the last run failed.
     *
     * @return p.
     */
    public int lags()
    {
        return lags;
    }

    /**
     * The largest lag count the last run considered.
     *
     * @return the lag bound.
     */
    public int maxLags()
    {
        return maxLagsUsed;
    }

    /**
     * Observations in the final regression: {@code T - 1 - p}.
     *
     * @return the count.
     */
    public int observations()
    {
        return observations;
    }

    /**
     * The smallest AIC of the search (up to constants common to every candidate), NaN for a fixed lag count.
     *
     * @return {@code n ln(ssr/n) + 2k}.
     */
    public double aic()
    {
        return aic;
    }

    private int selectByAic(
        final double[] x, final int from, final int length, final Deterministic deterministic, final int maxLag)
    {
        final int k = maxLag + 1;
        final int n = length - 1 - maxLag;
        final double yy = buildNormalEquations(x, from, length, deterministic, maxLag);
        final int rank = cholesky(k);
        if (0 == rank)
        {
            return -1;
        }

        final double[] z = solution;
        forwardSubstitute(cross, z, rank, k);
        final int terms = deterministic.termCount();
        double explained = 0.0;
        double best = Double.POSITIVE_INFINITY;
        int bestLag = -1;
        for (int columns = 1; columns <= rank; columns++)
        {
            explained += z[columns - 1] * z[columns - 1];
            final double ssr = Math.max(yy - explained, Double.MIN_NORMAL);
            final double criterion = n * Math.log(ssr / n) + 2.0 * (columns + terms);
            if (criterion < best)
            {
                best = criterion;
                bestLag = columns - 1;
            }
        }
        aic = best;
        return bestLag;
    }

    private boolean fit(
        final double[] x, final int from, final int length, final Deterministic deterministic, final int p)
    {
        final int k = p + 1;
        final int n = length - 1 - p;
        final int terms = deterministic.termCount();
        if (n - k - terms <= 0)
        {
            return false;
        }

        buildNormalEquations(x, from, length, deterministic, p);
        if (k != cholesky(k))
        {
            return false;
        }

        final double[] b = solution;
        forwardSubstitute(cross, b, k, k);
        backSubstitute(b, k);

        // Residuals summed directly; with a constant the columns are centred on their means (sums[] holds them).
        final double[] dx = this.dx;
        final boolean constant = Deterministic.CONSTANT == deterministic;
        final double xShift = constant ? sums[k] : 0.0;
        final double yMean = constant ? sums[k + 1] : 0.0;
        final double levelMean = constant ? sums[0] : 0.0;
        double ssr = 0.0;
        for (int t = p; t < length - 1; t++)
        {
            double e = dx[t] - yMean - b[0] * (x[from + t] - xShift - levelMean);
            for (int j = 1; j <= p; j++)
            {
                e -= b[j] * (dx[t - j] - sums[j]);
            }
            ssr += e * e;
        }

        // (X'X)^-1 [0][0] = |L^-1 e0|^2
        final double[] w = scratch;
        Arrays.fill(w, 0, k, 0.0);
        w[0] = 1.0;
        forwardSubstitute(w, w, k, k);
        double inverse00 = 0.0;
        for (int i = 0; i < k; i++)
        {
            inverse00 += w[i] * w[i];
        }

        final double sigma2 = ssr / (n - k - terms);
        gamma = b[0];
        standardError = Math.sqrt(sigma2 * inverse00);
        statistic = gamma / standardError;
        lags = p;
        observations = n;
        return Double.isFinite(statistic);
    }

    /**
     * Fill {@code gram} (k x k, regressors level, dx lags 1..p) and {@code cross} (X'y) for the sample of lag
     * count {@code p}, centred when there is a constant; returns y'y (centred likewise).
     * <p>
     * With a constant, {@code sums[0..p]} end up holding the column means of the shifted regressors, {@code sums[k]}
     * the level shift and {@code sums[k + 1]} the mean of y, all needed to form residuals.
     */
    private double buildNormalEquations(
        final double[] x, final int from, final int length, final Deterministic deterministic, final int p)
    {
        final int k = p + 1;
        final int first = p;
        final int last = length - 2;
        final int n = last - first + 1;
        final double[] dx = this.dx;
        final double[] gram = this.gram;
        final double[] cross = this.cross;
        final boolean constant = Deterministic.CONSTANT == deterministic;

        // Shifts that make the sums nearly centred; exact centring follows from the column sums.
        double xShift = 0.0;
        double dShift = 0.0;
        if (constant)
        {
            for (int t = first; t <= last; t++)
            {
                xShift += x[from + t];
                dShift += dx[t];
            }
            xShift /= n;
            dShift /= n;
        }

        // lagged-difference cross products D[i][j] = sum dx[t-i] dx[t-j], i, j in 0..p, kept in gram's lower part
        // first via the row D[0][*] and then the diagonal recurrence; gram is (k+1) x (k+1) scratch here.
        final int stride = k + 1;
        for (int j = 0; j <= p; j++)
        {
            double sum = 0.0;
            for (int t = first; t <= last; t++)
            {
                sum += (dx[t] - dShift) * (dx[t - j] - dShift);
            }
            gram[j] = sum;
        }
        for (int i = 0; i < p; i++)
        {
            for (int j = i; j < p; j++)
            {
                gram[(i + 1) * stride + j + 1] = gram[i * stride + j] +
                    (dx[first - 1 - i] - dShift) * (dx[first - 1 - j] - dShift) -
                    (dx[last - i] - dShift) * (dx[last - j] - dShift);
            }
        }

        // level cross products H[j] = sum x[t] dx[t-j], j in 0..p, and sum x[t]^2
        final double[] h = scratch;
        double levelSquares = 0.0;
        for (int j = 0; j <= p; j++)
        {
            h[j] = 0.0;
        }
        for (int t = first; t <= last; t++)
        {
            final double level = x[from + t] - xShift;
            levelSquares += level * level;
            for (int j = 0; j <= p; j++)
            {
                h[j] += level * (dx[t - j] - dShift);
            }
        }

        double yy = gram[0];
        if (!constant)
        {
            Arrays.fill(sums, 0, k + 2, 0.0);
        }
        else
        {
            // column sums of the shifted data: level, dx lags 0..p (window sums slide by one each lag)
            double levelSum = 0.0;
            for (int t = first; t <= last; t++)
            {
                levelSum += x[from + t] - xShift;
            }
            final double[] s = sums;
            double window = 0.0;
            for (int t = first; t <= last; t++)
            {
                window += dx[t] - dShift;
            }
            final double[] lagSums = solution;
            lagSums[0] = window;
            for (int j = 0; j < p; j++)
            {
                window += (dx[first - 1 - j] - dShift) - (dx[last - j] - dShift);
                lagSums[j + 1] = window;
            }

            for (int i = 0; i <= p; i++)
            {
                for (int j = i; j <= p; j++)
                {
                    gram[i * stride + j] -= lagSums[i] * lagSums[j] / n;
                }
                h[i] -= levelSum * lagSums[i] / n;
            }
            levelSquares -= levelSum * levelSum / n;
            yy = gram[0];

            s[0] = levelSum / n;
            for (int j = 1; j <= p; j++)
            {
                s[j] = lagSums[j] / n + dShift;
            }
            s[k] = xShift;
            s[k + 1] = lagSums[0] / n + dShift;
        }

        // assemble X'X (k x k, row major in chol's future home: gram is overwritten below) and X'y
        final double[] a = chol;
        a[0] = levelSquares;
        for (int j = 1; j <= p; j++)
        {
            a[j] = h[j];
            a[j * k] = h[j];
        }
        for (int i = 1; i <= p; i++)
        {
            for (int j = i; j <= p; j++)
            {
                final double value = gram[i * stride + j];
                a[i * k + j] = value;
                a[j * k + i] = value;
            }
        }
        cross[0] = h[0];
        for (int j = 1; j <= p; j++)
        {
            cross[j] = gram[j];
        }
        return yy;
    }

    /**
     * In-place Cholesky of the k x k matrix in {@code chol} (lower triangle used).
     *
     * @return the number of leading columns factorised before a non-positive pivot (k when complete).
     */
    private int cholesky(final int k)
    {
        final double[] a = chol;
        for (int j = 0; j < k; j++)
        {
            double diagonal = a[j * k + j];
            for (int m = 0; m < j; m++)
            {
                diagonal -= a[j * k + m] * a[j * k + m];
            }
            if (!(diagonal > 1e-13 * Math.abs(a[j * k + j])) || !(diagonal > 0.0))
            {
                return j;
            }
            final double pivot = Math.sqrt(diagonal);
            a[j * k + j] = pivot;
            for (int i = j + 1; i < k; i++)
            {
                double sum = a[i * k + j];
                for (int m = 0; m < j; m++)
                {
                    sum -= a[i * k + m] * a[j * k + m];
                }
                a[i * k + j] = sum / pivot;
            }
        }
        return k;
    }

    /**
     * Solve {@code L out = in} for the leading {@code rows} rows (in and out may be the same array).
     */
    private void forwardSubstitute(final double[] in, final double[] out, final int rows, final int k)
    {
        final double[] a = chol;
        for (int i = 0; i < rows; i++)
        {
            double sum = in[i];
            for (int m = 0; m < i; m++)
            {
                sum -= a[i * k + m] * out[m];
            }
            out[i] = sum / a[i * k + i];
        }
    }

    /**
     * Solve {@code L' b = z} in place.
     */
    private void backSubstitute(final double[] b, final int k)
    {
        final double[] a = chol;
        for (int i = k - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int m = i + 1; m < k; m++)
            {
                sum -= a[m * k + i] * b[m];
            }
            b[i] = sum / a[i * k + i];
        }
    }

    private void ensureCapacity(final int length, final int k)
    {
        if (dx.length < length)
        {
            dx = new double[length];
        }
        final int stride = k + 1;
        if (gram.length < stride * stride)
        {
            gram = new double[stride * stride];
            chol = new double[k * k];
            cross = new double[k];
            solution = new double[k + 2];
            scratch = new double[k + 2];
            sums = new double[k + 2];
        }
    }
}
