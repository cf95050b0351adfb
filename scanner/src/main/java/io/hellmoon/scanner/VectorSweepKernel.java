/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sweep's arithmetic with the incubating Vector API: {@code FloatVector} at the platform's preferred width (16
 * lanes with AVX-512), an {@code IntVector} of the same shape for the candidate bits, contiguous loads only (no
 * gathers), and a scalar tail through the same per-slot definition as {@link ScalarSweepKernel}. Candidates are found
 * a vector at a time: a stripe with no bit set costs one mask test, and the set lanes of one that has are read from
 * the mask's bits.
 * <p>
 * Same operations, same order, same bits as the scalar kernel (see {@link SweepKernel}); sums are accumulated in
 * vector lanes and stored as the stripes the scalar kernel also keeps. Only loaded when chosen: the class needs
 * {@code --add-modules jdk.incubator.vector}.
 */
final class VectorSweepKernel implements SweepKernel
{
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = FLOATS.withLanes(int.class);


    // Not a multiple of any species' lanes: the scalar tails must be compiled too, or the first real universe with a
    // tail deoptimises the warmed-up code back to the interpreter.
    private static final int WARMUP_SLOTS = 1_021;
    private static final Object WARMUP_LOCK = new Object();
    private static int warmedUpScans;

    /**
     * Run every pass of the kernel {@code scans} times over a scratch universe of 1,021 instruments, once per JVM
     * (later calls asking for no more scans than were run return at once), so that C2 compiles it before the first
     * real sweep. Until compiled, Vector API code runs interpreted or in C1: slowly, and with every vector a heap
     * object; a sweep every 250 ms would take minutes to get there. Allocates the scratch arrays; call at start-up.
     *
     * @param scans of the fused pass and each cross-sectional pass; 0 does nothing.
     */
    static void warmUp(final int scans)
    {
        synchronized (WARMUP_LOCK)
        {
            if (scans <= warmedUpScans)
            {
                return;
            }
            final VectorSweepKernel kernel = new VectorSweepKernel();
            final SweepInputs in = new SweepInputs(WARMUP_SLOTS, (1 << SweepInputs.DETECTORS) - 1);
            final float[] a = new float[WARMUP_SLOTS];
            final float[] b = new float[WARMUP_SLOTS];
            final float[] c = new float[WARMUP_SLOTS];
            final float[] partials = new float[SweepKernel.partialsLength(kernel.lanes())];
            for (int i = 0; i < WARMUP_SLOTS; i++)
            {
                in.reset(i, true);
                // Every other slot a candidate of some detector, so the collecting branch is compiled too.
                in.regimeShift[i] = 0 == (i & 1) ? 2.0f : 0.0f;
                a[i] = i;
                b[i] = 0 == (i & 7) ? Float.NaN : i - 0.5f;
                c[i] = 1.0f;
            }
            for (int n = 0; n < scans; n++)
            {
                kernel.scan(in, WARMUP_SLOTS);
                kernel.crossReturns(a, b, c, in.residual, WARMUP_SLOTS, partials);
                kernel.crossResiduals(in.residual, c, c, c, 0.5f, 0.001f, in.flow, WARMUP_SLOTS, partials);
                kernel.crossSample(a, b, c, WARMUP_SLOTS, partials);
                kernel.crossBeta(a, b, 0.001f, 1.0f, 0.0f, 0.0f, in.ofi, in.skew, in.kurtosis, WARMUP_SLOTS);
            }
            warmedUpScans = scans;
        }
    }

    /**
     * Lanes of the preferred float species on this platform.
     *
     * @return lanes.
     */
    static int preferredLanes()
    {
        return FLOATS.length();
    }

    /**
     * {@inheritDoc}
     */
    public int lanes()
    {
        return FLOATS.length();
    }

    /**
     * {@inheritDoc}
     * <p>
     * Two passes of six detectors each rather than one of twelve: C2 compiles a loop only as far as its inlining
     * budget goes ({@code NodeCountInliningCutoff}), and past it the Vector API's operations stay calls whose
     * vectors are real objects, allocated for every stripe. Six detectors' arithmetic fits; twelve do not. The first
     * pass leaves its scores and bits in the output arrays, the second adds its own, applies the gate and collects the
     * candidates, so the extra traffic is two int/float arrays that are still in cache.
     * <p>
     * "Above 1" is an int comparison of the scores' lanes reinterpreted as ints ({@link SweepKernel#over(float)}):
     * the float comparison's mask would need a conversion to an int mask to set the int bits, which C2 on JDK 17 does
     * not intrinsify, so it would allocate the mask for every stripe.
     */
    public int scan(final SweepInputs in, final int count)
    {
        final int bound = FLOATS.loopBound(count);
        scanFlowAndPrice(in, 0, bound);
        int found = scanStateAndCollect(in, 0, bound, 0);

        final int[] candidates = in.candidates;
        final int[] gate = in.gate;
        final int[] bits = in.bits;
        for (int i = bound; i < count; i++)
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
     * Detectors 0 to 5: volume, trades, book imbalance, spread, volatility, breakout.
     */
    private static void scanFlowAndPrice(final SweepInputs in, final int from, final int to)
    {
        final VectorSpecies<Float> f = FLOATS;
        final VectorSpecies<Integer> n = INTS;
        final int lanes = f.length();
        final float minNotional = in.minNotional;
        final float minTrades = in.minTrades;
        final float imbalanceScale = in.imbalanceScale;
        final float volumeRatio = in.volumeRatio;
        final FloatVector zero = FloatVector.zero(f);
        final IntVector noBits = IntVector.zero(n);
        for (int i = from; i < to; i += lanes)
        {
            final FloatVector volume = FloatVector.fromArray(f, in.volume, i);
            final FloatVector s0 = volume.mul(FloatVector.fromArray(f, in.volumeScale, i))
                .blend(zero, volume.compare(VectorOperators.LT, minNotional));
            final FloatVector trades = FloatVector.fromArray(f, in.trades, i);
            final FloatVector s1 = trades.mul(FloatVector.fromArray(f, in.tradesScale, i))
                .blend(zero, trades.compare(VectorOperators.LT, minTrades));
            final FloatVector s2 = FloatVector.fromArray(f, in.imbalance, i).mul(imbalanceScale);
            final FloatVector s3 = FloatVector.fromArray(f, in.spread, i)
                .mul(FloatVector.fromArray(f, in.spreadScale, i));
            final FloatVector s4 = FloatVector.fromArray(f, in.variance, i)
                .mul(FloatVector.fromArray(f, in.varianceScale, i))
                .lanewise(VectorOperators.SQRT)
                .max(FloatVector.fromArray(f, in.atr, i).mul(FloatVector.fromArray(f, in.atrScale, i)));
            final FloatVector price = FloatVector.fromArray(f, in.price, i);
            final FloatVector s5 = price.mul(FloatVector.fromArray(f, in.highScale, i))
                .max(FloatVector.fromArray(f, in.low, i).div(price))
                .blend(zero, FloatVector.fromArray(f, in.volumeTrend, i).compare(VectorOperators.LT, volumeRatio));

            s0.max(s1).max(s2).max(s3).max(s4).max(s5).intoArray(in.scores, i);
            noBits
                .lanewise(VectorOperators.OR, 1, s0.reinterpretAsInts().compare(VectorOperators.GT, ONE_BITS))
                .lanewise(VectorOperators.OR, 1 << 1, s1.reinterpretAsInts().compare(VectorOperators.GT, ONE_BITS))
                .lanewise(VectorOperators.OR, 1 << 2, s2.reinterpretAsInts().compare(VectorOperators.GT, ONE_BITS))
                .lanewise(VectorOperators.OR, 1 << 3, s3.reinterpretAsInts().compare(VectorOperators.GT, ONE_BITS))
                .lanewise(VectorOperators.OR, 1 << 4, s4.reinterpretAsInts().compare(VectorOperators.GT, ONE_BITS))
                .lanewise(VectorOperators.OR, 1 << 5, s5.reinterpretAsInts().compare(VectorOperators.GT, ONE_BITS))
                .intoArray(in.bits, i);
        }
    }

    /**
     * Detectors 6 to 11: regime shift, liquidation, distribution, microstructure, cross-section, funding; then the
     * gate and the candidates.
     */
    private static int scanStateAndCollect(final SweepInputs in, final int from, final int to, final int foundBefore)
    {
        final VectorSpecies<Float> f = FLOATS;
        final VectorSpecies<Integer> n = INTS;
        final int lanes = f.length();
        final float skewScale = in.skewScale;
        final float kurtosisScale = in.kurtosisScale;
        final float flowScale = in.flowScale;
        final float ofiScale = in.ofiScale;
        final float minResidual = in.minResidual;
        final float crossMean = in.crossMean;
        final float crossScale = in.crossScale;
        final float fundingScale = in.fundingScale;
        final FloatVector zero = FloatVector.zero(f);
        final int[] candidates = in.candidates;
        int found = foundBefore;
        for (int i = from; i < to; i += lanes)
        {
            final FloatVector s6 = FloatVector.fromArray(f, in.regimeShift, i);
            final FloatVector s7 = FloatVector.fromArray(f, in.liquidation, i);
            final FloatVector s8 = FloatVector.fromArray(f, in.skew, i).abs().mul(skewScale)
                .max(FloatVector.fromArray(f, in.kurtosis, i).mul(kurtosisScale));
            final FloatVector flow = FloatVector.fromArray(f, in.flow, i);
            final FloatVector ofi = FloatVector.fromArray(f, in.ofi, i);
            final FloatVector s9 = flow.abs().mul(flowScale).min(ofi.abs().mul(ofiScale))
                .blend(zero, flow.mul(ofi).compare(VectorOperators.LE, 0.0f));
            final FloatVector residual = FloatVector.fromArray(f, in.residual, i);
            final FloatVector s10 = residual.sub(crossMean).abs().mul(crossScale)
                .blend(zero, residual.abs().compare(VectorOperators.LT, minResidual));
            final FloatVector s11 = FloatVector.fromArray(f, in.basisDeviation, i)
                .mul(FloatVector.fromArray(f, in.basisScale, i))
                .max(FloatVector.fromArray(f, in.funding, i).mul(fundingScale));

            FloatVector.fromArray(f, in.scores, i)
                .max(s6).max(s7).max(s8).max(s9).max(s10).max(s11).intoArray(in.scores, i);
            final IntVector bits = IntVector.fromArray(n, in.bits, i)
                .lanewise(VectorOperators.OR, 1 << 6, s6.reinterpretAsInts().compare(VectorOperators.GT, ONE_BITS))
                .lanewise(VectorOperators.OR, 1 << 7, s7.reinterpretAsInts().compare(VectorOperators.GT, ONE_BITS))
                .lanewise(VectorOperators.OR, 1 << 8, s8.reinterpretAsInts().compare(VectorOperators.GT, ONE_BITS))
                .lanewise(VectorOperators.OR, 1 << 9, s9.reinterpretAsInts().compare(VectorOperators.GT, ONE_BITS))
                .lanewise(VectorOperators.OR, 1 << 10, s10.reinterpretAsInts().compare(VectorOperators.GT, ONE_BITS))
                .lanewise(VectorOperators.OR, 1 << 11, s11.reinterpretAsInts().compare(VectorOperators.GT, ONE_BITS))
                .and(IntVector.fromArray(n, in.gate, i));
            bits.intoArray(in.bits, i);

            if (bits.compare(VectorOperators.NE, 0).anyTrue())
            {
                // Rare: read the stripe's lanes back rather than the mask's bits, which JDK 17 does not intrinsify.
                final int[] stored = in.bits;
                for (int j = i, end = i + lanes; j < end; j++)
                {
                    if (0 != stored[j])
                    {
                        candidates[found++] = j;
                    }
                }
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
        final VectorSpecies<Float> f = FLOATS;
        final int lanes = f.length();
        final int bound = f.loopBound(count);
        final FloatVector zero = FloatVector.zero(f);
        FloatVector sumReturns = zero;
        FloatVector sumWeights = zero;
        int i = 0;
        for (; i < bound; i += lanes)
        {
            final FloatVector r = FloatVector.fromArray(f, logPrice, i).sub(FloatVector.fromArray(f, oldest, i));
            r.intoArray(returns, i);
            final VectorMask<Float> invalid = r.test(VectorOperators.IS_NAN);
            final FloatVector w = FloatVector.fromArray(f, weight, i);
            sumReturns = sumReturns.add(w.mul(r).blend(zero, invalid));
            sumWeights = sumWeights.add(w.blend(zero, invalid));
        }
        sumReturns.intoArray(partials, 0);
        sumWeights.intoArray(partials, lanes);

        final int tail = RETURN_ACCUMULATORS * lanes;
        float tailReturns = 0.0f;
        float tailWeights = 0.0f;
        for (; i < count; i++)
        {
            final float r = logPrice[i] - oldest[i];
            returns[i] = r;
            final boolean valid = r == r;
            final float w = weight[i];
            tailReturns += valid ? w * r : 0.0f;
            tailWeights += valid ? w : 0.0f;
        }
        partials[tail] = tailReturns;
        partials[tail + 1] = tailWeights;
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
        final VectorSpecies<Float> f = FLOATS;
        final int lanes = f.length();
        final int bound = f.loopBound(count);
        final FloatVector zero = FloatVector.zero(f);
        final FloatVector one = FloatVector.broadcast(f, 1.0f);
        FloatVector sumCount = zero;
        FloatVector sumResidual = zero;
        FloatVector sumSquares = zero;
        int i = 0;
        for (; i < bound; i += lanes)
        {
            final FloatVector r = FloatVector.fromArray(f, returns, i);
            final VectorMask<Float> invalid = r.test(VectorOperators.IS_NAN);
            final FloatVector v = FloatVector.fromArray(f, var, i);
            final VectorMask<Float> estimated = FloatVector.fromArray(f, betaWeight, i)
                .compare(VectorOperators.GE, minBetaWeight)
                .and(v.compare(VectorOperators.GT, 0.0f));
            final FloatVector beta = one.blend(
                FloatVector.fromArray(f, cov, i).div(v).min(MAX_BETA).max(-MAX_BETA), estimated);
            final FloatVector e = r.sub(beta.mul(marketReturn)).blend(zero, invalid);
            e.intoArray(residual, i);
            sumCount = sumCount.add(one.blend(zero, invalid));
            sumResidual = sumResidual.add(e);
            sumSquares = sumSquares.add(e.mul(e));
        }
        sumCount.intoArray(partials, 0);
        sumResidual.intoArray(partials, lanes);
        sumSquares.intoArray(partials, 2 * lanes);

        final int tail = RESIDUAL_ACCUMULATORS * lanes;
        float tailCount = 0.0f;
        float tailResidual = 0.0f;
        float tailSquares = 0.0f;
        for (; i < count; i++)
        {
            final float r = returns[i];
            final boolean valid = r == r;
            final float beta = SweepKernel.beta(cov[i], var[i], betaWeight[i], minBetaWeight);
            final float e = valid ? r - beta * marketReturn : 0.0f;
            residual[i] = e;
            tailCount += valid ? 1.0f : 0.0f;
            tailResidual += e;
            tailSquares += e * e;
        }
        partials[tail] = tailCount;
        partials[tail + 1] = tailResidual;
        partials[tail + 2] = tailSquares;
    }

    /**
     * {@inheritDoc}
     */
    public void crossSample(
        final float[] logPrice, final float[] newest, final float[] weight, final int count, final float[] partials)
    {
        final VectorSpecies<Float> f = FLOATS;
        final int lanes = f.length();
        final int bound = f.loopBound(count);
        final FloatVector zero = FloatVector.zero(f);
        FloatVector sumSamples = zero;
        FloatVector sumWeights = zero;
        int i = 0;
        for (; i < bound; i += lanes)
        {
            final FloatVector s = FloatVector.fromArray(f, logPrice, i).sub(FloatVector.fromArray(f, newest, i));
            final VectorMask<Float> invalid = s.test(VectorOperators.IS_NAN);
            final FloatVector w = FloatVector.fromArray(f, weight, i);
            sumSamples = sumSamples.add(w.mul(s).blend(zero, invalid));
            sumWeights = sumWeights.add(w.blend(zero, invalid));
        }
        sumSamples.intoArray(partials, 0);
        sumWeights.intoArray(partials, lanes);

        final int tail = SAMPLE_ACCUMULATORS * lanes;
        float tailSamples = 0.0f;
        float tailWeights = 0.0f;
        for (; i < count; i++)
        {
            final float s = logPrice[i] - newest[i];
            final boolean valid = s == s;
            final float w = weight[i];
            tailSamples += valid ? w * s : 0.0f;
            tailWeights += valid ? w : 0.0f;
        }
        partials[tail] = tailSamples;
        partials[tail + 1] = tailWeights;
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
        final VectorSpecies<Float> f = FLOATS;
        final int lanes = f.length();
        final int bound = f.loopBound(count);
        int i = 0;
        for (; i < bound; i += lanes)
        {
            final FloatVector s = FloatVector.fromArray(f, logPrice, i).sub(FloatVector.fromArray(f, newest, i));
            final VectorMask<Float> valid = s.test(VectorOperators.IS_NAN).not();
            final FloatVector c = FloatVector.fromArray(f, cov, i);
            c.blend(c.mul(keep).add(s.mul(marketSample).mul(alpha)), valid).intoArray(cov, i);
            final FloatVector v = FloatVector.fromArray(f, var, i);
            v.blend(v.mul(keep).add(marketSquare), valid).intoArray(var, i);
            final FloatVector w = FloatVector.fromArray(f, betaWeight, i);
            w.blend(w.mul(keep).add(alpha), valid).intoArray(betaWeight, i);
        }
        for (; i < count; i++)
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
