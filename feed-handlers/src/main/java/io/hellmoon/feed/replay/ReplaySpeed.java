/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

import java.util.Locale;

/**
 * How fast a replay delivers records: as fast as possible, or paced on the recorded receive times at a factor of the
 * recorded speed ({@code 1x} as recorded, {@code 10x} ten times faster).
 *
 * @param factor speed-up over the recording; 0 means as fast as possible.
 */
public record ReplaySpeed(double factor)
{
    /**
     * As fast as possible: no pacing.
     */
    public static final ReplaySpeed MAX = new ReplaySpeed(0);

    /**
     * At the recorded speed.
     */
    public static final ReplaySpeed RECORDED = new ReplaySpeed(1);

    /**
     * A speed.
     *
     * @param factor speed-up over the recording, positive and finite, or 0 for as fast as possible.
     */
    public ReplaySpeed
    {
        if (!(factor >= 0) || Double.isInfinite(factor))
        {
            throw new IllegalArgumentException("replay speed factor must be finite and >= 0: " + factor);
        }
    }

    /**
     * Parse a speed as users type it: {@code max}, {@code 1x}, {@code 10x}, {@code 0.5x} (or the number alone).
     *
     * @param text to parse.
     * @return the speed.
     * @throws IllegalArgumentException naming the valid forms.
     */
    public static ReplaySpeed parse(final String text)
    {
        final String normalised = text.trim().toLowerCase(Locale.ROOT);
        if ("max".equals(normalised))
        {
            return MAX;
        }
        final String number = normalised.endsWith("x") ? normalised.substring(0, normalised.length() - 1) : normalised;
        try
        {
            final double factor = Double.parseDouble(number);
            if (factor > 0 && !Double.isInfinite(factor))
            {
                return new ReplaySpeed(factor);
            }
        }
        catch (final NumberFormatException ignore)
        {
            // reported below with the valid forms
        }
        throw new IllegalArgumentException(
            "invalid replay speed '" + text + "': expected max, or a positive factor such as 1x or 10x");
    }

    /**
     * Whether records are delivered without pacing.
     *
     * @return true for {@link #MAX}.
     */
    public boolean isMax()
    {
        return 0 == factor;
    }

    /**
     * Wall-clock time between two records recorded {@code recordedNs} apart.
     *
     * @param recordedNs time between them in the recording.
     * @return nanoseconds to wait, 0 when as fast as possible.
     */
    public long wallNs(final long recordedNs)
    {
        return isMax() ? 0 : (long)(recordedNs / factor);
    }

    /**
     * The speed as users type it.
     *
     * @return {@code max} or {@code <factor>x}.
     */
    public String toString()
    {
        if (isMax())
        {
            return "max";
        }
        return (factor == Math.rint(factor) ? String.valueOf((long)factor) : String.valueOf(factor)) + "x";
    }
}
