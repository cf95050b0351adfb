/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import java.util.concurrent.TimeUnit;

/**
 * Bar lengths the pairs scan works in. Bars are aligned to multiples of the length since the epoch (UTC).
 */
public enum Timeframe
{
    /**
     * One second: bars built from trades of short captures.
     */
    S1("1s", TimeUnit.SECONDS.toNanos(1)),

    /**
     * One minute.
     */
    M1("1m", TimeUnit.MINUTES.toNanos(1)),

    /**
     * Five minutes.
     */
    M5("5m", TimeUnit.MINUTES.toNanos(5)),

    /**
     * Fifteen minutes.
     */
    M15("15m", TimeUnit.MINUTES.toNanos(15)),

    /**
     * Thirty minutes.
     */
    M30("30m", TimeUnit.MINUTES.toNanos(30)),

    /**
     * One hour.
     */
    H1("1h", TimeUnit.HOURS.toNanos(1)),

    /**
     * Four hours.
     */
    H4("4h", TimeUnit.HOURS.toNanos(4)),

    /**
     * One day.
     */
    D1("1d", TimeUnit.DAYS.toNanos(1));

    private final String label;
    private final long nanos;

    Timeframe(final String label, final long nanos)
    {
        this.label = label;
        this.nanos = nanos;
    }

    /**
     * The Binance-style label, e.g. {@code 5m}.
     *
     * @return the label.
     */
    public String label()
    {
        return label;
    }

    /**
     * Length of a bar.
     *
     * @return nanoseconds.
     */
    public long nanos()
    {
        return nanos;
    }

    /**
     * The timeframe of a label.
     *
     * @param label e.g. {@code 1m}, {@code 1h}.
     * @return the timeframe.
     * @throws IllegalArgumentException naming the label and the valid ones.
     */
    public static Timeframe parse(final String label)
    {
        final Timeframe timeframe = ofLabel(label);
        if (null == timeframe)
        {
            final StringBuilder valid = new StringBuilder();
            for (final Timeframe value : values())
            {
                valid.append(0 == valid.length() ? "" : ", ").append(value.label);
            }
            throw new IllegalArgumentException("unknown timeframe '" + label + "', expected one of " + valid);
        }
        return timeframe;
    }

    /**
     * The timeframe of a label, or null.
     *
     * @param label e.g. {@code 1m}.
     * @return the timeframe or null if the label is not one.
     */
    public static Timeframe ofLabel(final String label)
    {
        for (final Timeframe value : values())
        {
            if (value.label.equals(label))
            {
                return value;
            }
        }
        return null;
    }
}
