/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Durations as users type them in fault specs and options: a non-negative integer or decimal with a unit,
 * {@code 250ms}, {@code 4s}, {@code 1.5s}, {@code 2m}, {@code 24h}, {@code 500us}, {@code 100ns}.
 */
public final class DurationText
{
    private static final String UNITS = "ns, us, ms, s, m, h";

    private DurationText()
    {
    }

    /**
     * Parse a duration.
     *
     * @param text such as {@code 4s}.
     * @return nanoseconds.
     * @throws IllegalArgumentException saying what is wrong and which forms are valid.
     */
    public static long parseNs(final String text)
    {
        if (null == text || text.isBlank())
        {
            throw new IllegalArgumentException("empty duration: expected a number with a unit (" + UNITS + ")");
        }
        final String value = text.trim().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < value.length() && (Character.isDigit(value.charAt(split)) || '.' == value.charAt(split)))
        {
            split++;
        }
        final String number = value.substring(0, split);
        final String unit = value.substring(split);
        final long nanosPerUnit = switch (unit)
        {
            case "ns" -> 1L;
            case "us" -> TimeUnit.MICROSECONDS.toNanos(1);
            case "ms" -> TimeUnit.MILLISECONDS.toNanos(1);
            case "s" -> TimeUnit.SECONDS.toNanos(1);
            case "m" -> TimeUnit.MINUTES.toNanos(1);
            case "h" -> TimeUnit.HOURS.toNanos(1);
            default -> throw new IllegalArgumentException(
                "invalid duration '" + text + "': unit must be one of " + UNITS);
        };
        if (number.isEmpty() || number.indexOf('.') != number.lastIndexOf('.') || number.endsWith("."))
        {
            throw new IllegalArgumentException("invalid duration '" + text + "': expected a number before the unit");
        }
        final double nanos = Double.parseDouble(number) * nanosPerUnit;
        if (nanos > Long.MAX_VALUE)
        {
            throw new IllegalArgumentException("invalid duration '" + text + "': too long");
        }
        return Math.round(nanos);
    }

    /**
     * Format a duration compactly for logs and help: the largest unit that divides it exactly.
     *
     * @param durationNs nanoseconds.
     * @return such as {@code 4s} or {@code 250ms}.
     */
    public static String format(final long durationNs)
    {
        if (0 == durationNs)
        {
            return "0s";
        }
        if (0 == durationNs % TimeUnit.HOURS.toNanos(1))
        {
            return durationNs / TimeUnit.HOURS.toNanos(1) + "h";
        }
        if (0 == durationNs % TimeUnit.MINUTES.toNanos(1))
        {
            return durationNs / TimeUnit.MINUTES.toNanos(1) + "m";
        }
        if (0 == durationNs % TimeUnit.SECONDS.toNanos(1))
        {
            return durationNs / TimeUnit.SECONDS.toNanos(1) + "s";
        }
        if (0 == durationNs % TimeUnit.MILLISECONDS.toNanos(1))
        {
            return durationNs / TimeUnit.MILLISECONDS.toNanos(1) + "ms";
        }
        if (0 == durationNs % TimeUnit.MICROSECONDS.toNanos(1))
        {
            return durationNs / TimeUnit.MICROSECONDS.toNanos(1) + "us";
        }
        return durationNs + "ns";
    }
}
