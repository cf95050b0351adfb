/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance;

import org.agrona.SystemUtil;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static java.lang.System.getProperty;

/**
 * Property names and defaults of the Binance JSON decoder; {@link BinanceJsonDecoder.Context} seeds its fields from
 * them, and its setters override them.
 */
public final class BinanceJsonConfiguration
{
    /**
     * Whether symbols missing from the instrument registry are registered on first sight ({@code true}, for replays of
     * captures that came without reference data) or counted as {@code UNKNOWN_SYMBOL} errors ({@code false}, for live
     * feeds whose registry was filled from exchangeInfo).
     */
    public static final String AUTO_REGISTER_PROP_NAME = "hellmoon.feed.binance.auto.register";

    /**
     * Default for {@link #AUTO_REGISTER_PROP_NAME}.
     */
    public static final boolean AUTO_REGISTER_DEFAULT = false;

    /**
     * Unit of the times in the JSON: {@code MILLISECONDS} (Binance's default) or {@code MICROSECONDS} (streams opened
     * with {@code timeUnit=MICROSECOND}).
     */
    public static final String TIME_UNIT_PROP_NAME = "hellmoon.feed.binance.time.unit";

    /**
     * Default for {@link #TIME_UNIT_PROP_NAME}.
     */
    public static final TimeUnit TIME_UNIT_DEFAULT = TimeUnit.MILLISECONDS;

    /**
     * Most price levels accepted on one side of a depth update or snapshot; more is a {@code TOO_MANY_LEVELS} error.
     * Binance's REST depth returns up to 5000 a side. At most 65534, SBE's group limit.
     */
    public static final String MAX_LEVELS_PER_SIDE_PROP_NAME = "hellmoon.feed.binance.max.levels.per.side";

    /**
     * Default for {@link #MAX_LEVELS_PER_SIDE_PROP_NAME}.
     */
    public static final int MAX_LEVELS_PER_SIDE_DEFAULT = 5000;

    /**
     * Deepest JSON nesting accepted; Binance's frames nest at most 5 levels (envelope, data array, event, levels,
     * level), so anything deeper is hostile or broken and counted as {@code TOO_DEEP}.
     */
    public static final String MAX_JSON_DEPTH_PROP_NAME = "hellmoon.feed.binance.max.json.depth";

    /**
     * Default for {@link #MAX_JSON_DEPTH_PROP_NAME}.
     */
    public static final int MAX_JSON_DEPTH_DEFAULT = 16;

    /**
     * Bytes of SBE output one frame may produce: every message of a frame is encoded here before any is offered, so a
     * frame that turns out bad publishes nothing. An all-market array of about 2000 mini tickers needs about 200 KiB;
     * more is a {@code TOO_MANY_MESSAGES} error. Accepts sizes like {@code 1m}. Raised automatically to fit a snapshot
     * of {@link #MAX_LEVELS_PER_SIDE_PROP_NAME} levels a side.
     */
    public static final String OUTPUT_BUFFER_LENGTH_PROP_NAME = "hellmoon.feed.binance.output.buffer.length";

    /**
     * Default for {@link #OUTPUT_BUFFER_LENGTH_PROP_NAME}: 1 MiB.
     */
    public static final int OUTPUT_BUFFER_LENGTH_DEFAULT = 1024 * 1024;

    /**
     * Whether frames are first tried on the decoder's fast path, which reads the frames Binance sends in one pass and
     * hands any other frame to the general path ({@code true}); {@code false} decodes every frame on the general
     * path alone, to compare the two or to rule the fast path out when diagnosing. The output is the same either way.
     */
    public static final String FAST_PATH_PROP_NAME = "hellmoon.feed.binance.fast.path";

    /**
     * Default for {@link #FAST_PATH_PROP_NAME}.
     */
    public static final boolean FAST_PATH_DEFAULT = true;

    private BinanceJsonConfiguration()
    {
    }

    /**
     * The configured auto-registration.
     *
     * @return the value of {@link #AUTO_REGISTER_PROP_NAME}, or its default.
     */
    public static boolean autoRegister()
    {
        final String value = getProperty(AUTO_REGISTER_PROP_NAME);
        return null == value ? AUTO_REGISTER_DEFAULT : "true".equalsIgnoreCase(value.trim());
    }

    /**
     * The configured use of the fast path.
     *
     * @return the value of {@link #FAST_PATH_PROP_NAME}, or its default.
     */
    public static boolean fastPath()
    {
        final String value = getProperty(FAST_PATH_PROP_NAME);
        return null == value ? FAST_PATH_DEFAULT : "true".equalsIgnoreCase(value.trim());
    }

    /**
     * The configured time unit.
     *
     * @return the value of {@link #TIME_UNIT_PROP_NAME}, or its default.
     * @throws IllegalArgumentException naming the property when it is not a {@link TimeUnit} name.
     */
    public static TimeUnit timeUnit()
    {
        final String value = getProperty(TIME_UNIT_PROP_NAME);
        if (null == value)
        {
            return TIME_UNIT_DEFAULT;
        }
        try
        {
            return TimeUnit.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(
                TIME_UNIT_PROP_NAME + "=" + value + ": expected MILLISECONDS or MICROSECONDS", ex);
        }
    }

    /**
     * The configured level limit.
     *
     * @return the value of {@link #MAX_LEVELS_PER_SIDE_PROP_NAME}, or its default.
     */
    public static int maxLevelsPerSide()
    {
        return Integer.getInteger(MAX_LEVELS_PER_SIDE_PROP_NAME, MAX_LEVELS_PER_SIDE_DEFAULT);
    }

    /**
     * The configured nesting limit.
     *
     * @return the value of {@link #MAX_JSON_DEPTH_PROP_NAME}, or its default.
     */
    public static int maxJsonDepth()
    {
        return Integer.getInteger(MAX_JSON_DEPTH_PROP_NAME, MAX_JSON_DEPTH_DEFAULT);
    }

    /**
     * The configured output buffer length.
     *
     * @return the value of {@link #OUTPUT_BUFFER_LENGTH_PROP_NAME}, or its default.
     */
    public static int outputBufferLength()
    {
        return SystemUtil.getSizeAsInt(OUTPUT_BUFFER_LENGTH_PROP_NAME, OUTPUT_BUFFER_LENGTH_DEFAULT);
    }
}
