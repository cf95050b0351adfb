/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.sdl;

/**
 * The condition types a confirmation may use. Each is evaluated against state the router keeps: bars of the
 * confirmation's timeframe (built from trades, or taken from klines), the order book averaged over the timeframe,
 * or the scanner's regime and how long it has held.
 */
public enum ConditionType
{
    /**
     * Price beyond the highest high (long) or lowest low (short) of the last {@code lookback} closed bars.
     */
    BREAKOUT("breakout"),

    /**
     * Volatility band expansion: the standard deviation of closes over the last {@code period} bars is at least
     * {@code min_ratio} times that of the {@code period} bars before them.
     */
    VOLATILITY_EXPANSION("volatility_expansion"),

    /**
     * Trend in the trade's direction: the last close is beyond the simple moving average of {@code period} closes
     * and that average moved the same way over the last bar.
     */
    TREND("trend"),

    /**
     * The scanner's regime is one of the listed volatility and trend regimes and has held for at least the
     * timeframe; optionally its trend direction agrees with the trade.
     */
    REGIME("regime"),

    /**
     * Order-book imbalance, (bid depth - ask depth) / (bid depth + ask depth) over the published levels and averaged
     * over the timeframe, is at least {@code min_imbalance} in the trade's direction.
     */
    BOOK_IMBALANCE("book_imbalance"),

    /**
     * The spread averaged over the timeframe is at most {@code max_bps} basis points.
     */
    MAX_SPREAD("max_spread");

    private final String sdlName;

    ConditionType(final String sdlName)
    {
        this.sdlName = sdlName;
    }

    /**
     * The name used in SDL files.
     *
     * @return the name.
     */
    public String sdlName()
    {
        return sdlName;
    }

    /**
     * Condition type by SDL name.
     *
     * @param sdlName e.g. {@code breakout}.
     * @return the type, or null if none has that name.
     */
    public static ConditionType fromSdlName(final String sdlName)
    {
        for (final ConditionType type : values())
        {
            if (type.sdlName.equals(sdlName))
            {
                return type;
            }
        }
        return null;
    }
}
