/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scalar and the Vector API kernel on the same inputs give the same bits: scores, candidate bits, the candidate
 * list and the cross-sectional passes' striped sums and outputs, for counts that leave a scalar tail and for inputs
 * that put every detector near, on and over its threshold, with NaN prices and gated slots.
 */
class SweepKernelEquivalenceTest
{
    private static final int ALL = (1 << SweepInputs.DETECTORS) - 1;

    private static float around(final SplittableRandom random, final float scale)
    {
        // Half the values straddle the threshold closely, so a rounding difference would show as a different bit.
        return random.nextBoolean() ?
            (float)(scale * random.nextDouble(0.0, 2.0)) : (float)(scale * random.nextDouble(0.999, 1.001));
    }

    private static SweepInputs inputs(final int count, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final SweepInputs in = new SweepInputs(count, ALL);
        in.minNotional = 1_000.0f;
        in.minTrades = 5.0f;
        in.imbalanceScale = 1.0f / 0.45f;
        in.volumeRatio = 2.0f;
        in.skewScale = 0.5f;
        in.kurtosisScale = 0.25f;
        in.flowScale = 1.0f / 0.7f;
        in.ofiScale = 1.0f / 0.6f;
        in.fundingScale = 1_000.0f;
        in.minResidual = 0.002f;
        in.crossMean = 0.0003f;
        in.crossScale = 150.0f;
        for (int i = 0; i < count; i++)
        {
            in.reset(i, random.nextInt(10) > 0);
            if (random.nextInt(7) == 0)
            {
                in.disarm(i, random.nextInt(SweepInputs.DETECTORS));
            }
            in.volume[i] = (float)random.nextDouble(0.0, 5_000.0);
            in.volumeScale[i] = around(random, 1.0f) / Math.max(in.volume[i], 1.0f);
            in.trades[i] = (float)random.nextInt(20);
            in.tradesScale[i] = around(random, 1.0f) / Math.max(in.trades[i], 1.0f);
            in.imbalance[i] = around(random, 0.45f);
            in.spread[i] = (float)random.nextDouble(0.0, 10.0);
            in.spreadScale[i] = around(random, 1.0f) / Math.max(in.spread[i], 1e-3f);
            in.variance[i] = (float)random.nextDouble(0.0, 1e-6);
            in.varianceScale[i] = around(random, 1.0f) / Math.max(in.variance[i], 1e-12f);
            in.atr[i] = (float)random.nextDouble(0.0, 2.0);
            in.atrScale[i] = around(random, 1.0f) / Math.max(in.atr[i], 1e-3f);
            in.price[i] = (float)random.nextDouble(1.0, 200.0);
            in.highScale[i] = around(random, 1.0f) / in.price[i];
            in.low[i] = around(random, 1.0f) * in.price[i];
            in.volumeTrend[i] = (float)random.nextDouble(0.0, 4.0);
            in.regimeShift[i] = around(random, 1.0f);
            in.liquidation[i] = around(random, 1.0f);
            in.skew[i] = (float)random.nextDouble(-3.0, 3.0);
            in.kurtosis[i] = around(random, 4.0f);
            in.flow[i] = (float)random.nextDouble(-1.0, 1.0);
            in.ofi[i] = (float)random.nextDouble(-1.0, 1.0);
            in.residual[i] = (float)random.nextDouble(-0.02, 0.02);
            in.basisDeviation[i] = (float)random.nextDouble(0.0, 3.0);
            in.basisScale[i] = around(random, 1.0f) / Math.max(in.basisDeviation[i], 1e-3f);
            in.funding[i] = (float)random.nextDouble(0.0, 0.002);
        }
        return in;
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 7, 16, 17, 63, 1_000, 10_007 })
    void shouldScoreAndListCandidatesIdentically(final int count)
    {
        final VectorSweepKernel vector = new VectorSweepKernel();
        final ScalarSweepKernel scalar = new ScalarSweepKernel(vector.lanes());
        final SweepInputs a = inputs(count, count);
        final SweepInputs b = inputs(count, count);

        final int foundScalar = scalar.scan(a, count);
        final int foundVector = vector.scan(b, count);

        assertEquals(foundScalar, foundVector);
        assertArrayEquals(a.bits, b.bits);
        assertArrayEquals(Arrays.copyOf(a.candidates, foundScalar), Arrays.copyOf(b.candidates, foundVector));
        for (int i = 0; i < count; i++)
        {
            assertEquals(Float.floatToRawIntBits(a.scores[i]), Float.floatToRawIntBits(b.scores[i]), "slot " + i);
            assertEquals(a.bits[i] & ~a.gate[i], 0, "only open detectors are candidates");
        }
        if (count >= 1_000)
        {
            assertTrue(foundScalar > count / 10, "the inputs put many slots over a threshold: " + foundScalar);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 5, 16, 33, 10_007 })
    void shouldComputeTheCrossSectionalPassesIdentically(final int count)
    {
        final VectorSweepKernel vector = new VectorSweepKernel();
        final ScalarSweepKernel scalar = new ScalarSweepKernel(vector.lanes());
        final SplittableRandom random = new SplittableRandom(count);
        final float[] logPrice = new float[count];
        final float[] oldest = new float[count];
        final float[] weight = new float[count];
        final float[] cov = new float[count];
        final float[] var = new float[count];
        final float[] betaWeight = new float[count];
        for (int i = 0; i < count; i++)
        {
            logPrice[i] = random.nextInt(20) == 0 ? Float.NaN : (float)random.nextDouble(0.0, 5.0);
            oldest[i] = random.nextInt(20) == 0 ? Float.NaN : logPrice[i] + (float)random.nextDouble(-0.01, 0.01);
            weight[i] = (float)random.nextDouble(0.0, 1e6);
            cov[i] = (float)random.nextDouble(-1e-6, 1e-6);
            var[i] = (float)random.nextDouble(0.0, 1e-6);
            betaWeight[i] = (float)random.nextDouble(0.0, 1.0);
        }
        final float[] partialsScalar = new float[SweepKernel.partialsLength(vector.lanes())];
        final float[] partialsVector = new float[SweepKernel.partialsLength(vector.lanes())];
        final float[] returnsScalar = new float[count];
        final float[] returnsVector = new float[count];

        scalar.crossReturns(logPrice, oldest, weight, returnsScalar, count, partialsScalar);
        vector.crossReturns(logPrice, oldest, weight, returnsVector, count, partialsVector);
        assertArrayEquals(returnsScalar, returnsVector);
        assertArrayEquals(partialsScalar, partialsVector);

        final float[] residualScalar = new float[count];
        final float[] residualVector = new float[count];
        scalar.crossResiduals(returnsScalar, cov, var, betaWeight, 0.5f, 0.003f, residualScalar, count, partialsScalar);
        vector.crossResiduals(returnsVector, cov, var, betaWeight, 0.5f, 0.003f, residualVector, count, partialsVector);
        assertArrayEquals(residualScalar, residualVector);
        assertArrayEquals(partialsScalar, partialsVector);

        scalar.crossSample(logPrice, oldest, weight, count, partialsScalar);
        vector.crossSample(logPrice, oldest, weight, count, partialsVector);
        assertArrayEquals(partialsScalar, partialsVector);

        final float[] covVector = cov.clone();
        final float[] varVector = var.clone();
        final float[] weightVector = betaWeight.clone();
        scalar.crossBeta(logPrice, oldest, 0.001f, 0.9f, 0.1f, 1e-7f, cov, var, betaWeight, count);
        vector.crossBeta(logPrice, oldest, 0.001f, 0.9f, 0.1f, 1e-7f, covVector, varVector, weightVector, count);
        assertArrayEquals(cov, covVector);
        assertArrayEquals(var, varVector);
        assertArrayEquals(betaWeight, weightVector);
    }
}
