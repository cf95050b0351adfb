/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs;

import io.hellmoon.sbe.BarInterval;

import java.util.concurrent.TimeUnit;

/**
 * The bar lengths Hellmoon works in: the scanner keeps bars of each for every instrument and the router's strategies
 * name them. Bars are aligned to multiples of their length since the epoch (so a day is a UTC day); each length
 * divides the next, so every bar of a longer timeframe is made of whole 1m bars.
 */
public enum Timeframe
{
    /**
     * One minute: the base timeframe, built from trades or taken from the feed's closed 1m klines.
     */
    M1("1m", TimeUnit.MINUTES.toNanos(1), BarInterval.M1),

    /**
     * Five minutes.
     */
    M5("5m", TimeUnit.MINUTES.toNanos(5), BarInterval.M5),

    /**
     * Fifteen minutes.
     */
    M15("15m", TimeUnit.MINUTES.toNanos(15), BarInterval.M15),

    /**
     * One hour.
     */
    H1("1h", TimeUnit.HOURS.toNanos(1), BarInterval.H1),

    /**
     * Four hours.
     */
    H4("4h", TimeUnit.HOURS.toNanos(4), BarInterval.H4),

    /**
     * One UTC day.
     */
    D1("1d", TimeUnit.DAYS.toNanos(1), BarInterval.D1);

    private static final Timeframe[] VALUES = values();

    private final String label;
    private final long durationNs;
    private final BarInterval interval;

    Timeframe(final String label, final long durationNs, final BarInterval interval)
    {
        this.label = label;
        this.durationNs = durationNs;
        this.interval = interval;
    }

    /**
     * The label used in configuration and in strategy files, e.g. {@code 1m} or {@code 4h}.
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
    public long durationNs()
    {
        return durationNs;
    }

    /**
     * The schema's bar interval of this timeframe.
     *
     * @return the interval.
     */
    public BarInterval interval()
    {
        return interval;
    }

    /**
     * Number of timeframes.
     *
     * @return 6.
     */
    public static int count()
    {
        return VALUES.length;
    }

    /**
     * The timeframe at an ordinal, without allocating.
     *
     * @param ordinal from 0 ({@link #M1}) to {@link #count()} - 1 ({@link #D1}).
     * @return the timeframe.
     */
    public static Timeframe get(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /**
     * Parse a label ({@code 1m}, {@code 5m}, {@code 15m}, {@code 1h}, {@code 4h}, {@code 1d}), case insensitive.
     *
     * @param label to parse.
     * @return the timeframe.
     * @throws IllegalArgumentException naming the labels accepted.
     */
    public static Timeframe parse(final String label)
    {
        final String trimmed = label.trim();
        for (final Timeframe timeframe : VALUES)
        {
            if (timeframe.label.equalsIgnoreCase(trimmed) || timeframe.name().equalsIgnoreCase(trimmed))
            {
                return timeframe;
            }
        }
        throw new IllegalArgumentException("not a timeframe: '" + label + "' (one of 1m, 5m, 15m, 1h, 4h, 1d)");
    }

    /**
     * The timeframe of a label exactly as written in a strategy file.
     *
     * @param label e.g. {@code 15m}.
     * @return the timeframe, or null if none has that label.
     */
    public static Timeframe fromLabel(final String label)
    {
        for (final Timeframe timeframe : VALUES)
        {
            if (timeframe.label.equals(label))
            {
                return timeframe;
            }
        }
        return null;
    }

    /**
     * The timeframe of a kline interval.
     *
     * @param interval of a bar.
     * @return the timeframe's ordinal, or -1 if the interval is not one of these.
     */
    public static int ordinalOf(final BarInterval interval)
    {
        for (final Timeframe timeframe : VALUES)
        {
            if (timeframe.interval == interval)
            {
                return timeframe.ordinal();
            }
        }
        return -1;
    }
}
