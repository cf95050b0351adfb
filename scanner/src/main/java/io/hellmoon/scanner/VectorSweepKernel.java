/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sweep's arithmetic with the incubating Vector API at the platform's preferred width, with a scalar tail. It
 * uses the same exactly rounded operations in the same order as {@link ScalarSweepKernel}, so both give the same
 * bits. Only loaded when chosen: the class needs {@code --add-modules jdk.incubator.vector}.
 */
final class VectorSweepKernel implements SweepKernel
{
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;

    VectorSweepKernel()
    {
        if (DOUBLES.length() != LONGS.length())
        {
            throw new IllegalStateException(
                "preferred double and long species differ in lanes: " + DOUBLES + " vs " + LONGS);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void bookImbalanceScores(
        final double[] imbalance,
        final long[] sinceNs,
        final double inverseThreshold,
        final long sustainedSinceNs,
        final double[] scores,
        final int count)
    {
        final int bound = DOUBLES.loopBound(count);
        int i = 0;
        for (; i < bound; i += DOUBLES.length())
        {
            final DoubleVector raw = DoubleVector.fromArray(DOUBLES, imbalance, i).abs().mul(inverseThreshold);
            final VectorMask<Double> sustained = LongVector.fromArray(LONGS, sinceNs, i)
                .compare(VectorOperators.LE, sustainedSinceNs)
                .cast(DOUBLES);
            raw.min(1.0).blend(raw, sustained).intoArray(scores, i);
        }
        for (; i < count; i++)
        {
            scores[i] = SweepKernel.bookImbalanceScore(imbalance[i], sinceNs[i], inverseThreshold, sustainedSinceNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void volatilityScores(
        final double[] shortVariance,
        final double[] longVariance,
        final double minLongVariance,
        final double inverseRatio,
        final double[] atrRatio,
        final double inverseAtrThreshold,
        final double[] scores,
        final int count)
    {
        final int bound = DOUBLES.loopBound(count);
        int i = 0;
        for (; i < bound; i += DOUBLES.length())
        {
            final DoubleVector longFloored = DoubleVector.fromArray(DOUBLES, longVariance, i).max(minLongVariance);
            final DoubleVector realised = DoubleVector.fromArray(DOUBLES, shortVariance, i)
                .div(longFloored)
                .lanewise(VectorOperators.SQRT)
                .mul(inverseRatio);
            final DoubleVector atr = DoubleVector.fromArray(DOUBLES, atrRatio, i).mul(inverseAtrThreshold);
            realised.max(atr).intoArray(scores, i);
        }
        for (; i < count; i++)
        {
            scores[i] = SweepKernel.volatilityScore(
                shortVariance[i], longVariance[i], minLongVariance, inverseRatio, atrRatio[i], inverseAtrThreshold);
        }
    }
}
