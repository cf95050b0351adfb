/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance.sbe;

import static java.lang.System.getProperty;

/**
 * Property names and defaults of Binance's SBE market-data streams: the decoder's settings, which
 * {@link BinanceSbeDecoder.Context} seeds its fields from, and where the connection's API key comes from, which
 * {@link BinanceApiKey#fromConfiguration()} reads.
 */
public final class BinanceSbeConfiguration
{
    /**
     * Base endpoint of the SBE market-data streams; a connection opens {@code /ws/<stream>} or
     * {@code /stream?streams=<stream>/<stream>...} under it with the {@link BinanceApiKey#HEADER_NAME} header.
     */
    public static final String ENDPOINT_PROP_NAME = "hellmoon.feed.binance.sbe.endpoint";

    /**
     * Default for {@link #ENDPOINT_PROP_NAME}: Binance's production endpoint.
     */
    public static final String ENDPOINT_DEFAULT = "wss://stream-sbe.binance.com:9443";

    /**
     * File holding the Ed25519 API key (the key text only; surrounding whitespace and a final newline are ignored).
     * When set it is used in preference to the environment variable. Keep it readable by the feed's user only.
     */
    public static final String API_KEY_FILE_PROP_NAME = "hellmoon.feed.binance.sbe.api.key.file";

    /**
     * Name of the environment variable holding the API key when no file is configured.
     */
    public static final String API_KEY_ENV_PROP_NAME = "hellmoon.feed.binance.sbe.api.key.env";

    /**
     * Default for {@link #API_KEY_ENV_PROP_NAME}.
     */
    public static final String API_KEY_ENV_DEFAULT = "HELLMOON_BINANCE_API_KEY";

    /**
     * Whether symbols missing from the instrument registry are registered on first sight ({@code true}, replays
     * without reference data) or counted as {@code UNKNOWN_SYMBOL} ({@code false}, live feeds with exchangeInfo).
     */
    public static final String AUTO_REGISTER_PROP_NAME = "hellmoon.feed.binance.sbe.auto.register";

    /**
     * Default for {@link #AUTO_REGISTER_PROP_NAME}.
     */
    public static final boolean AUTO_REGISTER_DEFAULT = false;

    /**
     * Most price levels accepted on one side of a depth event; more is a {@code TOO_MANY_LEVELS} error. At most
     * 65535, the limit of the schema's 16-bit group count (and of Hellmoon's own groups).
     */
    public static final String MAX_LEVELS_PER_SIDE_PROP_NAME = "hellmoon.feed.binance.sbe.max.levels.per.side";

    /**
     * Default for {@link #MAX_LEVELS_PER_SIDE_PROP_NAME}.
     */
    public static final int MAX_LEVELS_PER_SIDE_DEFAULT = 5000;

    /**
     * Most trades accepted in one {@code TradesStreamEvent}; more is a {@code TOO_MANY_TRADES} error. The schema's
     * count is 32 bits wide, so a hostile frame could otherwise claim billions.
     */
    public static final String MAX_TRADES_PER_EVENT_PROP_NAME = "hellmoon.feed.binance.sbe.max.trades.per.event";

    /**
     * Default for {@link #MAX_TRADES_PER_EVENT_PROP_NAME}.
     */
    public static final int MAX_TRADES_PER_EVENT_DEFAULT = 10_000;

    private BinanceSbeConfiguration()
    {
    }

    /**
     * The configured endpoint.
     *
     * @return the value of {@link #ENDPOINT_PROP_NAME}, or its default.
     */
    public static String endpoint()
    {
        return getProperty(ENDPOINT_PROP_NAME, ENDPOINT_DEFAULT);
    }

    /**
     * The configured API key file.
     *
     * @return the value of {@link #API_KEY_FILE_PROP_NAME}, or null when not set.
     */
    public static String apiKeyFile()
    {
        return getProperty(API_KEY_FILE_PROP_NAME);
    }

    /**
     * The configured name of the API key's environment variable.
     *
     * @return the value of {@link #API_KEY_ENV_PROP_NAME}, or its default.
     */
    public static String apiKeyEnv()
    {
        return getProperty(API_KEY_ENV_PROP_NAME, API_KEY_ENV_DEFAULT);
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
     * The configured trade limit.
     *
     * @return the value of {@link #MAX_TRADES_PER_EVENT_PROP_NAME}, or its default.
     */
    public static int maxTradesPerEvent()
    {
        return Integer.getInteger(MAX_TRADES_PER_EVENT_PROP_NAME, MAX_TRADES_PER_EVENT_DEFAULT);
    }
}
