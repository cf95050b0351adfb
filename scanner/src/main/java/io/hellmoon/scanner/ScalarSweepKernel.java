/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

/**
 * The sweep's arithmetic as plain loops; the reference the vector kernel must match bit for bit.
 */
final class ScalarSweepKernel implements SweepKernel
{
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
        for (int i = 0; i < count; i++)
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
        for (int i = 0; i < count; i++)
        {
            scores[i] = SweepKernel.volatilityScore(
                shortVariance[i], longVariance[i], minLongVariance, inverseRatio, atrRatio[i], inverseAtrThreshold);
        }
    }
}
