/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.synthetic;

import io.hellmoon.sbe.AnomalyType;

import java.util.concurrent.TimeUnit;

/**
 * The anomalies the synthetic market injects, each with the meaning of its magnitude and the ranges a randomly
 * scheduled one is drawn from (uniformly). An explicit {@link AnomalySpec} may use any positive magnitude.
 */
public enum AnomalyKind
{
    /**
     * Traded volume many times the instrument's baseline for a few seconds. Magnitude: the multiple of the expected
     * volume rate (trade arrivals times {@code magnitude^0.6}, trade sizes times {@code magnitude^0.4}). Direction: the
     * side that dominates the taker flow (65 %).
     */
    VOLUME_BURST(AnomalyType.VOLUME_SPIKE, true, 8.0, 20.0, 3, 10),

    /**
     * A cluster of same-side forced liquidations with rising notional, and the price moving their way. Magnitude:
     * the relative price move over the window (0.02 is 2 %). Direction DOWN: longs liquidated (SELL orders); UP:
     * shorts liquidated (BUY orders).
     */
    LIQUIDATION_CASCADE(AnomalyType.LIQUIDATION_CASCADE, true, 0.01, 0.03, 10, 30),

    /**
     * The price trends through its recent N-bar (1 m klines) high or low with confirming volume. Magnitude: how far
     * beyond that level the price is at the end of the window, relative (0.01 is 1 %).
     */
    BREAKOUT(AnomalyType.BREAKOUT, true, 0.005, 0.02, 60, 180),

    /**
     * The book thins and the spread widens. Magnitude: the spread's multiple of the instrument's baseline spread.
     */
    SPREAD_BLOWOUT(AnomalyType.SPREAD_BLOWOUT, false, 5.0, 12.0, 10, 60),

    /**
     * Sustained imbalance of the top-N depth. Magnitude: the heavy side's depth as a multiple of its usual depth,
     * which puts the heavy/light top-N depth ratio near the magnitude. Direction UP: bids heavy; DOWN: asks heavy.
     */
    BOOK_IMBALANCE(AnomalyType.BOOK_IMBALANCE, true, 4.0, 8.0, 15, 60),

    /**
     * Realised volatility jumps to several times its baseline. Magnitude: the multiple of the instrument's total
     * (market plus idiosyncratic) volatility.
     */
    VOLATILITY_EXPANSION(AnomalyType.VOLATILITY_EXPANSION, false, 3.0, 6.0, 120, 600);

    private final AnomalyType anomalyType;
    private final boolean directional;
    private final double minMagnitude;
    private final double maxMagnitude;
    private final long minDurationNs;
    private final long maxDurationNs;

    AnomalyKind(
        final AnomalyType anomalyType,
        final boolean directional,
        final double minMagnitude,
        final double maxMagnitude,
        final int minDurationSeconds,
        final int maxDurationSeconds)
    {
        this.anomalyType = anomalyType;
        this.directional = directional;
        this.minMagnitude = minMagnitude;
        this.maxMagnitude = maxMagnitude;
        this.minDurationNs = TimeUnit.SECONDS.toNanos(minDurationSeconds);
        this.maxDurationNs = TimeUnit.SECONDS.toNanos(maxDurationSeconds);
    }

    /**
     * The scanner's anomaly type that should detect this kind.
     *
     * @return the SBE anomaly type.
     */
    public AnomalyType anomalyType()
    {
        return anomalyType;
    }

    /**
     * Whether the kind has a direction (UP or DOWN); the others are NEUTRAL.
     *
     * @return true if directional.
     */
    public boolean directional()
    {
        return directional;
    }

    /**
     * Smallest magnitude of a randomly scheduled anomaly of this kind.
     *
     * @return the magnitude.
     */
    public double minMagnitude()
    {
        return minMagnitude;
    }

    /**
     * Largest magnitude of a randomly scheduled anomaly of this kind.
     *
     * @return the magnitude.
     */
    public double maxMagnitude()
    {
        return maxMagnitude;
    }

    /**
     * Shortest window of a randomly scheduled anomaly of this kind.
     *
     * @return nanoseconds.
     */
    public long minDurationNs()
    {
        return minDurationNs;
    }

    /**
     * Longest window of a randomly scheduled anomaly of this kind.
     *
     * @return nanoseconds.
     */
    public long maxDurationNs()
    {
        return maxDurationNs;
    }
}
