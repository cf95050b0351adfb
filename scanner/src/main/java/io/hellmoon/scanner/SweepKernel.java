/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

/**
 * The arithmetic of the sweep over all instruments: one fused pass that scores every detector for every slot and
 * collects the candidates ({@link #scan}), and the cross-sectional passes that precede it (market return, residuals,
 * betas).
 * <p>
 * <b>Same bits either way.</b> Implementations use only exactly rounded IEEE single-precision operations (add,
 * subtract, multiply, divide, square root, abs, min, max, compare, select) in the same order, so the scalar and the
 * vector kernel produce identical scores, candidates and sums, and the scanner's events do not depend on which one
 * runs. Reductions are the one place where order matters: sums are striped over {@link #lanes()} partial sums, lane
 * {@code j} taking the slots {@code i} with {@code i % lanes == j} below the last whole stripe, plus a tail sum for
 * the rest; {@link #sum} combines them in a fixed order. The scalar kernel stripes its sums the same way.
 * <p>
 * <b>Partial sums</b> are laid out in the caller's {@code partials} array as {@code accumulators x lanes} stripes
 * followed by {@code accumulators} tails; size it with {@link #partialsLength}.
 */
interface SweepKernel
{
    /**
     * Accumulators of {@link #crossReturns}: the weighted sum of returns and the sum of weights.
     */
    int RETURN_ACCUMULATORS = 2;

    /**
     * Accumulators of {@link #crossResiduals}: count, sum and sum of squares of the residuals.
     */
    int RESIDUAL_ACCUMULATORS = 3;

    /**
     * Accumulators of {@link #crossSample}: the weighted sum of sample returns and the sum of weights.
     */
    int SAMPLE_ACCUMULATORS = 2;

    /**
     * Most accumulators any pass uses.
     */
    int MAX_ACCUMULATORS = 3;

    /**
     * Beta is clamped to +/- this, so a young estimate cannot explode a residual.
     */
    float MAX_BETA = 5.0f;

    /**
     * The bit pattern of 1.0f: see {@link #over(float)}.
     */
    int ONE_BITS = Float.floatToRawIntBits(1.0f);

    /**
     * Width of the striped sums: the vector kernel's lanes.
     *
     * @return lanes.
     */
    int lanes();

    /**
     * The fused pass: scores every detector of every slot in {@code [0, count)} ({@link #scoreSlot} is the
     * definition), writes {@code bits} (scores above 1, masked by the gate) and {@code scores} (the best score), and
     * lists the slots with any bit set in {@code candidates}, in ascending order.
     *
     * @param in    the inputs; outputs are written into it.
     * @param count slots to scan.
     * @return the number of candidates.
     */
    int scan(SweepInputs in, int count);

    /**
     * Returns over the cross-sectional window, {@code r = logPrice - oldest} (NaN if either is missing), and the
     * striped sums of {@code w r} and {@code w} over the slots with a return.
     *
     * @param logPrice latest log prices, NaN if none.
     * @param oldest   log prices sampled one window ago, NaN if none.
     * @param weight   market weight of each slot.
     * @param returns  output per slot.
     * @param count    slots.
     * @param partials striped sums, {@link #RETURN_ACCUMULATORS} accumulators.
     */
    void crossReturns(float[] logPrice, float[] oldest, float[] weight, float[] returns, int count, float[] partials);

    /**
     * Residuals {@code e = r - beta x marketReturn} (0 for slots without a return) and the striped count, sum and
     * sum of squares of the residuals of slots with a return. Beta is {@code cov / var} clamped to
     * {@link #MAX_BETA} once the slot's beta weight reaches {@code minBetaWeight} and its variance is positive,
     * else 1.
     *
     * @param returns       per slot, NaN if none.
     * @param cov           per slot, EWMA of sample return x market sample return.
     * @param var           per slot, EWMA of the market sample return squared.
     * @param betaWeight    per slot, accumulated EWMA weight of its samples.
     * @param minBetaWeight weight from which beta is estimated.
     * @param marketReturn  the market's return over the window.
     * @param residual      output per slot.
     * @param count         slots.
     * @param partials      striped sums, {@link #RESIDUAL_ACCUMULATORS} accumulators.
     */
    void crossResiduals(
        float[] returns,
        float[] cov,
        float[] var,
        float[] betaWeight,
        float minBetaWeight,
        float marketReturn,
        float[] residual,
        int count,
        float[] partials);

    /**
     * Sample returns since the previous cross-sectional sample, {@code s = logPrice - newest}, and the striped sums
     * of {@code w s} and {@code w} over slots with one.
     *
     * @param logPrice latest log prices.
     * @param newest   log prices of the previous sample.
     * @param weight   market weight of each slot.
     * @param count    slots.
     * @param partials striped sums, {@link #SAMPLE_ACCUMULATORS} accumulators.
     */
    void crossSample(float[] logPrice, float[] newest, float[] weight, int count, float[] partials);

    /**
     * Update each slot's beta EWMAs with its sample return {@code s} and the market's {@code m}, for slots with a
     * sample: {@code cov = cov keep + s m alpha}, {@code var = var keep + marketSquare}, {@code w = w keep + alpha}.
     *
     * @param logPrice     latest log prices.
     * @param newest       log prices of the previous sample.
     * @param marketSample the market's sample return {@code m}.
     * @param keep         {@code 1 - alpha}.
     * @param alpha        EWMA weight of a sample.
     * @param marketSquare {@code m x m x alpha}.
     * @param cov          per slot, updated.
     * @param var          per slot, updated.
     * @param betaWeight   per slot, updated.
     * @param count        slots.
     */
    void crossBeta(
        float[] logPrice,
        float[] newest,
        float marketSample,
        float keep,
        float alpha,
        float marketSquare,
        float[] cov,
        float[] var,
        float[] betaWeight,
        int count);

    /**
     * Size of a partials array for a kernel.
     *
     * @param lanes of the kernel.
     * @return floats needed by any pass.
     */
    static int partialsLength(final int lanes)
    {
        return MAX_ACCUMULATORS * lanes + MAX_ACCUMULATORS;
    }

    /**
     * Combine one accumulator's stripes and tail, in lane order, in double.
     *
     * @param partials     as written by a pass.
     * @param lanes        of the kernel.
     * @param accumulators of the pass.
     * @param accumulator  which one.
     * @return the sum.
     */
    static double sum(final float[] partials, final int lanes, final int accumulators, final int accumulator)
    {
        double sum = 0.0;
        for (int j = accumulator * lanes, end = j + lanes; j < end; j++)
        {
            sum += partials[j];
        }
        return sum + partials[accumulators * lanes + accumulator];
    }

    /**
     * One slot's scores, the definition both kernels follow: writes the best score into {@code scores} and returns
     * the bits of the detectors above 1, not yet masked by the gate.
     *
     * @param in the inputs.
     * @param i  the slot.
     * @return a bit per detector over threshold.
     */
    static int scoreSlot(final SweepInputs in, final int i)
    {
        final float volume = in.volume[i];
        final float s0 = volume >= in.minNotional ? volume * in.volumeScale[i] : 0.0f;
        final float trades = in.trades[i];
        final float s1 = trades >= in.minTrades ? trades * in.tradesScale[i] : 0.0f;
        final float s2 = in.imbalance[i] * in.imbalanceScale;
        final float s3 = in.spread[i] * in.spreadScale[i];
        final float s4 = Math.max((float)Math.sqrt(in.variance[i] * in.varianceScale[i]), in.atr[i] * in.atrScale[i]);
        final float price = in.price[i];
        final float s5 = in.volumeTrend[i] >= in.volumeRatio ?
            Math.max(price * in.highScale[i], in.low[i] / price) : 0.0f;
        final float s6 = in.regimeShift[i];
        final float s7 = in.liquidation[i];
        final float s8 = Math.max(Math.abs(in.skew[i]) * in.skewScale, in.kurtosis[i] * in.kurtosisScale);
        final float flow = in.flow[i];
        final float ofi = in.ofi[i];
        final float s9 = flow * ofi > 0.0f ?
            Math.min(Math.abs(flow) * in.flowScale, Math.abs(ofi) * in.ofiScale) : 0.0f;
        final float residual = in.residual[i];
        final float s10 = Math.abs(residual) >= in.minResidual ?
            Math.abs(residual - in.crossMean) * in.crossScale : 0.0f;
        final float s11 = Math.max(in.basisDeviation[i] * in.basisScale[i], in.funding[i] * in.fundingScale);

        float best = Math.max(s0, s1);
        best = Math.max(best, s2);
        best = Math.max(best, s3);
        best = Math.max(best, s4);
        best = Math.max(best, s5);
        best = Math.max(best, s6);
        best = Math.max(best, s7);
        best = Math.max(best, s8);
        best = Math.max(best, s9);
        best = Math.max(best, s10);
        best = Math.max(best, s11);
        in.scores[i] = best;

        return (over(s0) ? 1 : 0) |
            (over(s1) ? 1 << 1 : 0) |
            (over(s2) ? 1 << 2 : 0) |
            (over(s3) ? 1 << 3 : 0) |
            (over(s4) ? 1 << 4 : 0) |
            (over(s5) ? 1 << 5 : 0) |
            (over(s6) ? 1 << 6 : 0) |
            (over(s7) ? 1 << 7 : 0) |
            (over(s8) ? 1 << 8 : 0) |
            (over(s9) ? 1 << 9 : 0) |
            (over(s10) ? 1 << 10 : 0) |
            (over(s11) ? 1 << 11 : 0);
    }

    /**
     * Whether a score is a candidate: above 1, compared as the bit patterns of the floats. Scores are never negative,
     * and for non-negative floats that is the same order; the vector kernel compares lanes this way so it needs no
     * conversion of float masks to int masks. (A NaN score would be a candidate and fail confirmation.)
     *
     * @param score a detector's score.
     * @return true if above 1.
     */
    static boolean over(final float score)
    {
        return Float.floatToRawIntBits(score) > ONE_BITS;
    }

    /**
     * One slot's beta, the definition both kernels follow.
     *
     * @param cov           EWMA of sample return x market sample return.
     * @param var           EWMA of the market sample return squared.
     * @param betaWeight    accumulated weight.
     * @param minBetaWeight weight from which beta is estimated.
     * @return the clamped beta, or 1.
     */
    static float beta(final float cov, final float var, final float betaWeight, final float minBetaWeight)
    {
        return betaWeight >= minBetaWeight && var > 0.0f ? Math.max(-MAX_BETA, Math.min(MAX_BETA, cov / var)) : 1.0f;
    }
}
