/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import java.util.Arrays;

/**
 * The sweep's arithmetic one slot at a time: the reference the vector kernel must match bit for bit. The fused pass
 * appends each candidate as it finds it, a data-dependent store C2 does not vectorise, so this is genuinely scalar
 * code; its sums are striped like the vector kernel's lanes so they round the same way.
 */
final class ScalarSweepKernel implements SweepKernel
{
    private final int lanes;

    /**
     * A scalar kernel whose sums are striped over {@code lanes} partial sums.
     *
     * @param lanes the vector kernel's lanes (so both give the same sums), at least 1.
     */
    ScalarSweepKernel(final int lanes)
    {
        this.lanes = lanes;
    }

    /**
     * {@inheritDoc}
     */
    public int lanes()
    {
        return lanes;
    }

    /**
     * {@inheritDoc}
     */
    public int scan(final SweepInputs in, final int count)
    {
        final int[] gate = in.gate;
        final int[] bits = in.bits;
        final int[] candidates = in.candidates;
        int found = 0;
        for (int i = 0; i < count; i++)
        {
            final int candidate = SweepKernel.scoreSlot(in, i) & gate[i];
            bits[i] = candidate;
            if (0 != candidate)
            {
                candidates[found++] = i;
            }
        }
        return found;
    }

    /**
     * {@inheritDoc}
     */
    public void crossReturns(
        final float[] logPrice,
        final float[] oldest,
        final float[] weight,
        final float[] returns,
        final int count,
        final float[] partials)
    {
        final int l = lanes;
        final int tail = RETURN_ACCUMULATORS * l;
        Arrays.fill(partials, 0, tail + RETURN_ACCUMULATORS, 0.0f);
        final int bound = count - count % l;
        for (int i = 0; i < count; i++)
        {
            final float r = logPrice[i] - oldest[i];
            returns[i] = r;
            final boolean valid = r == r;
            final float w = weight[i];
            final float wr = valid ? w * r : 0.0f;
            final float wv = valid ? w : 0.0f;
            if (i < bound)
            {
                final int j = i % l;
                partials[j] += wr;
                partials[l + j] += wv;
            }
            else
            {
                partials[tail] += wr;
                partials[tail + 1] += wv;
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void crossResiduals(
        final float[] returns,
        final float[] cov,
        final float[] var,
        final float[] betaWeight,
        final float minBetaWeight,
        final float marketReturn,
        final float[] residual,
        final int count,
        final float[] partials)
    {
        final int l = lanes;
        final int tail = RESIDUAL_ACCUMULATORS * l;
        Arrays.fill(partials, 0, tail + RESIDUAL_ACCUMULATORS, 0.0f);
        final int bound = count - count % l;
        for (int i = 0; i < count; i++)
        {
            final float r = returns[i];
            final boolean valid = r == r;
            final float beta = SweepKernel.beta(cov[i], var[i], betaWeight[i], minBetaWeight);
            final float e = valid ? r - beta * marketReturn : 0.0f;
            residual[i] = e;
            final float n = valid ? 1.0f : 0.0f;
            final float squared = e * e;
            if (i < bound)
            {
                final int j = i % l;
                partials[j] += n;
                partials[l + j] += e;
                partials[2 * l + j] += squared;
            }
            else
            {
                partials[tail] += n;
                partials[tail + 1] += e;
                partials[tail + 2] += squared;
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void crossSample(
        final float[] logPrice, final float[] newest, final float[] weight, final int count, final float[] partials)
    {
        final int l = lanes;
        final int tail = SAMPLE_ACCUMULATORS * l;
        Arrays.fill(partials, 0, tail + SAMPLE_ACCUMULATORS, 0.0f);
        final int bound = count - count % l;
        for (int i = 0; i < count; i++)
        {
            final float s = logPrice[i] - newest[i];
            final boolean valid = s == s;
            final float w = weight[i];
            final float ws = valid ? w * s : 0.0f;
            final float wv = valid ? w : 0.0f;
            if (i < bound)
            {
                final int j = i % l;
                partials[j] += ws;
                partials[l + j] += wv;
            }
            else
            {
                partials[tail] += ws;
                partials[tail + 1] += wv;
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void crossBeta(
        final float[] logPrice,
        final float[] newest,
        final float marketSample,
        final float keep,
        final float alpha,
        final float marketSquare,
        final float[] cov,
        final float[] var,
        final float[] betaWeight,
        final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final float s = logPrice[i] - newest[i];
            if (s == s)
            {
                cov[i] = cov[i] * keep + s * marketSample * alpha;
                var[i] = var[i] * keep + marketSquare;
                betaWeight[i] = betaWeight[i] * keep + alpha;
            }
        }
    }
}
