/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.scanner.indicators.RealisedVolatility;

/**
 * The sampled returns shared by VOLATILITY_EXPANSION and RETURN_DISTRIBUTION, and the columns of
 * {@link SweepInputs} derived from them: short variance with its scale, skewness and excess kurtosis. Every change
 * of the returns goes through here so those columns are never staler than the exact state.
 */
final class ReturnStatistics
{
    final RealisedVolatility volatility;
    private final SweepInputs in;
    private final double inverseRatioSquared;
    private final double minLongVariance;
    private final long distributionWarmupSamples;
    private final double minActive;

    ReturnStatistics(final ScannerContext ctx, final SweepInputs in, final int capacity)
    {
        this.in = in;
        this.volatility = new RealisedVolatility(
            capacity,
            ctx.volatilitySampleIntervalNs(),
            ctx.volatilityShortWindowNs(),
            ctx.volatilityLongWindowNs(),
            ctx.volatilityWarmupNs(),
            ctx.distributionWindowNs(),
            ctx.volatilityLongClip(),
            ctx.volatilityMinLongVol() * ctx.volatilityMinLongVol());
        this.inverseRatioSquared = 1.0 / (ctx.volatilityRatio() * ctx.volatilityRatio());
        this.minLongVariance = ctx.volatilityMinLongVol() * ctx.volatilityMinLongVol();
        this.distributionWarmupSamples = Math.max(
            ctx.distributionWarmupNs() / ctx.volatilitySampleIntervalNs(),
            ctx.volatilityWarmupNs() / ctx.volatilitySampleIntervalNs());
        this.minActive = ctx.distributionMinActive();
        in.skewScale = (float)(1.0 / ctx.distributionSkewThreshold());
        in.kurtosisScale = (float)(1.0 / ctx.distributionKurtosisThreshold());
    }

    void ensureCapacity(final int capacity)
    {
        volatility.ensureCapacity(capacity);
    }

    double minLongVariance()
    {
        return minLongVariance;
    }

    /**
     * Whether the slot's return distribution is meaningful: warmed up and moving often enough.
     */
    boolean isDistributionActive(final int slot)
    {
        return volatility.samples(slot) >= distributionWarmupSamples &&
            volatility.activeShare(slot) >= minActive &&
            volatility.kurtosis(slot) > 0.0;
    }

    void onPrice(final int slot, final long timeNs, final double price)
    {
        volatility.onPrice(slot, timeNs, price);
        refresh(slot);
    }

    void advance(final int slot, final long timeNs)
    {
        volatility.advance(slot, timeNs);
        refresh(slot);
    }

    private void refresh(final int slot)
    {
        in.variance[slot] = (float)volatility.shortVariance(slot);
        in.varianceScale[slot] =
            (float)(inverseRatioSquared / Math.max(volatility.longVariance(slot), minLongVariance));
        if (isDistributionActive(slot))
        {
            in.skew[slot] = (float)volatility.skew(slot);
            in.kurtosis[slot] = (float)(volatility.kurtosis(slot) - 3.0);
        }
        else
        {
            in.skew[slot] = 0.0f;
            in.kurtosis[slot] = 0.0f;
        }
    }
}
