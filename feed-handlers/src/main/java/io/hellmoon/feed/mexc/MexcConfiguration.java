/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import org.agrona.SystemUtil;

import static java.lang.System.getProperty;

/**
 * Property names and defaults of the MEXC decoders; {@link MexcDecoderContext} and
 * {@link MexcDecoderContext} seed their fields from them, and their setters override them.
 */
public final class MexcConfiguration
{
    /**
     * Whether symbols missing from the instrument registry are registered on first sight ({@code true}, replays
     * without reference data) or counted as {@code UNKNOWN_SYMBOL} ({@code false}, live feeds with reference data).
     */
    public static final String AUTO_REGISTER_PROP_NAME = "hellmoon.feed.mexc.auto.register";

    /**
     * Default for {@link #AUTO_REGISTER_PROP_NAME}.
     */
    public static final boolean AUTO_REGISTER_DEFAULT = false;

    /**
     * Most price levels accepted on one side of a depth message or REST snapshot; more is {@code TOO_MANY_LEVELS}.
     * MEXC's REST depth returns up to 5000 a side. At most 65534, SBE's group limit.
     */
    public static final String MAX_LEVELS_PER_SIDE_PROP_NAME = "hellmoon.feed.mexc.max.levels.per.side";

    /**
     * Default for {@link #MAX_LEVELS_PER_SIDE_PROP_NAME}.
     */
    public static final int MAX_LEVELS_PER_SIDE_DEFAULT = 5000;

    /**
     * Deepest JSON nesting accepted by the futures decoder and the REST snapshot reader; MEXC's JSON nests 4 levels
     * (envelope, data, side, level).
     */
    public static final String MAX_JSON_DEPTH_PROP_NAME = "hellmoon.feed.mexc.max.json.depth";

    /**
     * Default for {@link #MAX_JSON_DEPTH_PROP_NAME}.
     */
    public static final int MAX_JSON_DEPTH_DEFAULT = 16;

    /**
     * Bytes of SBE output one frame may produce (all messages of a frame are staged before any is offered); raised
     * automatically to fit a snapshot of {@link #MAX_LEVELS_PER_SIDE_PROP_NAME} levels a side. Accepts sizes such as
     * {@code 1m}.
     */
    public static final String OUTPUT_BUFFER_LENGTH_PROP_NAME = "hellmoon.feed.mexc.output.buffer.length";

    /**
     * Default for {@link #OUTPUT_BUFFER_LENGTH_PROP_NAME}: 1 MiB.
     */
    public static final int OUTPUT_BUFFER_LENGTH_DEFAULT = 1024 * 1024;

    private MexcConfiguration()
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
