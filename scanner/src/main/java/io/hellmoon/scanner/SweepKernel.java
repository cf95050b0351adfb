/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

/**
 * The arithmetic of the sweep: detector scores for every instrument, computed in one pass over contiguous arrays.
 * <p>
 * Implementations must produce bit-identical results (only IEEE operations that are exactly rounded: add, multiply,
 * divide, square root, abs, min, max, compare), so the scanner's events do not depend on which one runs. Scores are
 * a coarse filter: the scanner re-checks a candidate from its exact per-instrument state before firing, which lets
 * the kernels read values that were last updated on the instrument's last tick.
 */
interface SweepKernel
{
    /**
     * Book imbalance scores: {@code |imbalance| / threshold}, capped at 1 unless the imbalance has been beyond the
     * threshold since {@code sustainedSinceNs} or earlier (so only a sustained imbalance scores above 1).
     *
     * @param imbalance         per slot, in [-1, 1]; 0 for books that are not live.
     * @param sinceNs           per slot, when the imbalance went beyond the threshold; {@link Long#MAX_VALUE} if not.
     * @param inverseThreshold  {@code 1 / threshold}.
     * @param sustainedSinceNs  the latest {@code sinceNs} that counts as sustained.
     * @param scores            output per slot.
     * @param count             slots to compute.
     */
    void bookImbalanceScores(
        double[] imbalance,
        long[] sinceNs,
        double inverseThreshold,
        long sustainedSinceNs,
        double[] scores,
        int count);

    /**
     * Volatility expansion scores: the larger of {@code sqrt(short / max(long, minLong)) / ratio} and
     * {@code atrRatio / atrThreshold}.
     *
     * @param shortVariance          per slot, 0 while warming up.
     * @param longVariance           per slot.
     * @param minLongVariance        floor of the long variance, above 0.
     * @param inverseRatio           {@code 1 / ratio threshold}.
     * @param atrRatio               per slot, ATR over long ATR, 0 while warming up.
     * @param inverseAtrThreshold    {@code 1 / ATR ratio threshold}, or 0 to leave the ATR out.
     * @param scores                 output per slot.
     * @param count                  slots to compute.
     */
    void volatilityScores(
        double[] shortVariance,
        double[] longVariance,
        double minLongVariance,
        double inverseRatio,
        double[] atrRatio,
        double inverseAtrThreshold,
        double[] scores,
        int count);

    /**
     * One slot's book imbalance score, the definition both kernels follow.
     *
     * @param imbalance        of the slot.
     * @param sinceNs          of the slot.
     * @param inverseThreshold {@code 1 / threshold}.
     * @param sustainedSinceNs the latest {@code sinceNs} that counts as sustained.
     * @return the score.
     */
    static double bookImbalanceScore(
        final double imbalance, final long sinceNs, final double inverseThreshold, final long sustainedSinceNs)
    {
        final double raw = Math.abs(imbalance) * inverseThreshold;
        return sinceNs <= sustainedSinceNs ? raw : Math.min(raw, 1.0);
    }

    /**
     * One slot's volatility expansion score, the definition both kernels follow.
     *
     * @param shortVariance       of the slot.
     * @param longVariance        of the slot.
     * @param minLongVariance     floor of the long variance.
     * @param inverseRatio        {@code 1 / ratio threshold}.
     * @param atrRatio            of the slot.
     * @param inverseAtrThreshold {@code 1 / ATR ratio threshold} or 0.
     * @return the score.
     */
    static double volatilityScore(
        final double shortVariance,
        final double longVariance,
        final double minLongVariance,
        final double inverseRatio,
        final double atrRatio,
        final double inverseAtrThreshold)
    {
        final double realised = Math.sqrt(shortVariance / Math.max(longVariance, minLongVariance)) * inverseRatio;
        return Math.max(realised, atrRatio * inverseAtrThreshold);
    }
}
