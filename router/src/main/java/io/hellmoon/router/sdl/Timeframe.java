/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.sdl;

import io.hellmoon.sbe.BarInterval;

import java.util.concurrent.TimeUnit;

/**
 * The timeframes a confirmation may refer to, aligned on the epoch like exchange candles.
 */
public enum Timeframe
{
    /**
     * One minute.
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
     * One day.
     */
    D1("1d", TimeUnit.DAYS.toNanos(1), BarInterval.D1);

    private static final Timeframe[] VALUES = values();

    private final String sdlName;
    private final long durationNs;
    private final BarInterval barInterval;

    Timeframe(final String sdlName, final long durationNs, final BarInterval barInterval)
    {
        this.sdlName = sdlName;
        this.durationNs = durationNs;
        this.barInterval = barInterval;
    }

    /**
     * The name used in SDL files, e.g. {@code 4h}.
     *
     * @return the name.
     */
    public String sdlName()
    {
        return sdlName;
    }

    /**
     * Length of one bar.
     *
     * @return nanoseconds.
     */
    public long durationNs()
    {
        return durationNs;
    }

    /**
     * The kline interval of the same length on the market-data stream.
     *
     * @return the interval.
     */
    public BarInterval barInterval()
    {
        return barInterval;
    }

    /**
     * Number of timeframes.
     *
     * @return the count.
     */
    public static int count()
    {
        return VALUES.length;
    }

    /**
     * Timeframe by ordinal, without the array copy {@code values()} makes.
     *
     * @param ordinal of the timeframe.
     * @return the timeframe.
     */
    public static Timeframe get(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /**
     * Timeframe by SDL name.
     *
     * @param sdlName e.g. {@code 15m}.
     * @return the timeframe, or null if none has that name.
     */
    public static Timeframe fromSdlName(final String sdlName)
    {
        for (final Timeframe timeframe : VALUES)
        {
            if (timeframe.sdlName.equals(sdlName))
            {
                return timeframe;
            }
        }
        return null;
    }

    /**
     * Timeframe of a kline interval.
     *
     * @param interval of a bar.
     * @return the timeframe, or -1 if the interval is not one of ours.
     */
    public static int ordinalOf(final BarInterval interval)
    {
        for (final Timeframe timeframe : VALUES)
        {
            if (timeframe.barInterval == interval)
            {
                return timeframe.ordinal();
            }
        }
        return -1;
    }
}
