/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.synthetic;

import io.hellmoon.sbe.Direction;

/**
 * One anomaly of an explicit schedule: what to inject, where and when. Tests and demos use it to place anomalies
 * exactly; the generator records it in its ground truth when it starts.
 *
 * @param kind        of anomaly.
 * @param symbol      of a synthetic instrument, e.g. {@code SYN0007USDT}.
 * @param startTimeNs when it starts, epoch nanoseconds, not before the market's start time.
 * @param durationNs  how long it lasts, positive.
 * @param direction   UP or DOWN for directional kinds; null (or NEUTRAL) draws one; ignored, NEUTRAL, for the others.
 * @param magnitude   see {@link AnomalyKind}; {@code NaN} to draw one from the kind's default range.
 */
public record AnomalySpec(
    AnomalyKind kind, String symbol, long startTimeNs, long durationNs, Direction direction, double magnitude)
{
    /**
     * An anomaly with a drawn direction and magnitude.
     *
     * @param kind        of anomaly.
     * @param symbol      of a synthetic instrument.
     * @param startTimeNs when it starts.
     * @param durationNs  how long it lasts.
     * @return the spec.
     */
    public static AnomalySpec of(
        final AnomalyKind kind, final String symbol, final long startTimeNs, final long durationNs)
    {
        return new AnomalySpec(kind, symbol, startTimeNs, durationNs, null, Double.NaN);
    }

    /**
     * End of the window.
     *
     * @return {@code startTimeNs + durationNs}.
     */
    public long endTimeNs()
    {
        return startTimeNs + durationNs;
    }
}
