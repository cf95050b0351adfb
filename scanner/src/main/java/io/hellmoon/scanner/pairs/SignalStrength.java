/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

/**
 * Strength class of a pairs signal by |z|: WEAK from the entry level, NORMAL, STRONG and EXTREME from their own
 * levels (defaults 2.0, 2.5, 3.0, 4.0), NONE below the entry level (exits). Carried in an event as its
 * {@code CONFIDENCE} feature, {@link #confidence()}.
 */
public enum SignalStrength
{
    /**
     * Below the entry level.
     */
    NONE(0.0),

    /**
     * Entry level to the normal level.
     */
    WEAK(0.25),

    /**
     * Normal level to the strong level.
     */
    NORMAL(0.5),

    /**
     * Strong level to the extreme level.
     */
    STRONG(0.75),

    /**
     * At or beyond the extreme level.
     */
    EXTREME(1.0);

    private final double confidence;

    SignalStrength(final double confidence)
    {
        this.confidence = confidence;
    }

    /**
     * The class as the event's CONFIDENCE feature: 0, 0.25, 0.5, 0.75 or 1.
     *
     * @return the confidence.
     */
    public double confidence()
    {
        return confidence;
    }

    /**
     * Classify |z|.
     *
     * @param absZ    |z|.
     * @param weak    entry level.
     * @param normal  normal level.
     * @param strong  strong level.
     * @param extreme extreme level.
     * @return the class.
     */
    public static SignalStrength classify(
        final double absZ, final double weak, final double normal, final double strong, final double extreme)
    {
        if (absZ >= extreme)
        {
            return EXTREME;
        }
        if (absZ >= strong)
        {
            return STRONG;
        }
        if (absZ >= normal)
        {
            return NORMAL;
        }
        return absZ >= weak ? WEAK : NONE;
    }
}
