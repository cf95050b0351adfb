/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.hellmoon.sbe.Venue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The venues the exchange simulator speaks, with the protocol facts that differ between them: REST paths, request
 * weights and limits, WebSocket message and stream limits, ping cadence and the shape of depth snapshots.
 * <p>
 * Limits are Binance's and MEXC's published ones at the time of writing (web-socket-streams.md, rest-api.md, the
 * USD-M and COIN-M market-stream pages, MEXC's contract API); every one can be overridden in
 * {@link SimExchange.Context} because venues change them.
 */
public enum SimVenue
{
    /**
     * Binance spot: {@code /ws}, {@code /stream}, {@code /api/v3/*}; diff ids contiguous ({@code U == prev u + 1}).
     */
    BINANCE_SPOT(
        "binance-spot", Venue.BINANCE_SPOT, "/api/v3", 5, 1024, TimeUnit.SECONDS.toNanos(20),
        TimeUnit.MINUTES.toNanos(1), 6000, 20, 100, 5000),

    /**
     * Binance USD-M futures: {@code /ws}, {@code /stream}, {@code /fapi/v1/*}; diffs chain by {@code pu}, snapshots
     * carry {@code E} and {@code T}.
     */
    BINANCE_USDM(
        "binance-usdm", Venue.BINANCE_USDM, "/fapi/v1", 10, 1024, TimeUnit.MINUTES.toNanos(3),
        TimeUnit.MINUTES.toNanos(10), 2400, 1, 500, 1000),

    /**
     * Binance COIN-M futures: {@code /ws}, {@code /stream}, {@code /dapi/v1/*}; as USD-M, and snapshots also name
     * {@code symbol} and {@code pair}.
     */
    BINANCE_COINM(
        "binance-coinm", Venue.BINANCE_COINM, "/dapi/v1", 10, 1024, TimeUnit.MINUTES.toNanos(3),
        TimeUnit.MINUTES.toNanos(10), 2400, 1, 500, 1000),

    /**
     * MEXC futures: JSON WebSocket at {@code /edge} ({@code sub.deal}, {@code sub.depth}, {@code sub.ticker},
     * {@code sub.kline}, client pings), REST {@code /api/v1/contract/*}; depth versions contiguous.
     */
    MEXC_FUTURES(
        "mexc-futures", Venue.MEXC_FUTURES, "/api/v1/contract", 0, Integer.MAX_VALUE, 0,
        TimeUnit.MINUTES.toNanos(1), 0, 1, 20, 1000);

    private final String cliName;
    private final Venue venue;
    private final String restPrefix;
    private final int maxIncomingMessagesPerSecond;
    private final int maxStreamsPerConnection;
    private final long pingIntervalNs;
    private final long heartbeatTimeoutNs;
    private final int requestWeightLimitPerMinute;
    private final int exchangeInfoWeight;
    private final int defaultDepthLimit;
    private final int maxDepthLimit;

    SimVenue(
        final String cliName,
        final Venue venue,
        final String restPrefix,
        final int maxIncomingMessagesPerSecond,
        final int maxStreamsPerConnection,
        final long pingIntervalNs,
        final long heartbeatTimeoutNs,
        final int requestWeightLimitPerMinute,
        final int exchangeInfoWeight,
        final int defaultDepthLimit,
        final int maxDepthLimit)
    {
        this.cliName = cliName;
        this.venue = venue;
        this.restPrefix = restPrefix;
        this.maxIncomingMessagesPerSecond = maxIncomingMessagesPerSecond;
        this.maxStreamsPerConnection = maxStreamsPerConnection;
        this.pingIntervalNs = pingIntervalNs;
        this.heartbeatTimeoutNs = heartbeatTimeoutNs;
        this.requestWeightLimitPerMinute = requestWeightLimitPerMinute;
        this.exchangeInfoWeight = exchangeInfoWeight;
        this.defaultDepthLimit = defaultDepthLimit;
        this.maxDepthLimit = maxDepthLimit;
    }

    /**
     * Parse the name users type.
     *
     * @param name such as {@code binance-usdm} (case ignored, {@code _} accepted for {@code -}).
     * @return the venue.
     * @throws IllegalArgumentException naming the valid names.
     */
    public static SimVenue parse(final String name)
    {
        final String normalised = null == name ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (final SimVenue venue : values())
        {
            if (venue.cliName.equals(normalised))
            {
                return venue;
            }
        }
        throw new IllegalArgumentException("unknown venue '" + name + "', expected one of " + validNames());
    }

    /**
     * The names {@link #parse(String)} accepts.
     *
     * @return comma-separated names.
     */
    public static String validNames()
    {
        final StringBuilder names = new StringBuilder();
        for (final SimVenue venue : values())
        {
            if (names.length() > 0)
            {
                names.append(", ");
            }
            names.append(venue.cliName);
        }
        return names.toString();
    }

    /**
     * The command-line name.
     *
     * @return e.g. {@code binance-usdm}.
     */
    public String cliName()
    {
        return cliName;
    }

    /**
     * The SBE venue the simulated venue's instruments are registered under.
     *
     * @return the venue.
     */
    public Venue venue()
    {
        return venue;
    }

    /**
     * Whether the venue speaks Binance's stream protocol (as opposed to MEXC's).
     *
     * @return true for the Binance venues.
     */
    public boolean isBinance()
    {
        return MEXC_FUTURES != this;
    }

    /**
     * Whether depth diffs chain by {@code pu} (futures) rather than by contiguous ids (spot).
     *
     * @return true for USD-M and COIN-M.
     */
    public boolean isBinanceFutures()
    {
        return BINANCE_USDM == this || BINANCE_COINM == this;
    }

    /**
     * Path prefix of the REST endpoints.
     *
     * @return e.g. {@code /fapi/v1}.
     */
    public String restPrefix()
    {
        return restPrefix;
    }

    /**
     * Incoming WebSocket messages (pings, pongs, control messages) a connection may send per second before it is
     * disconnected: Binance spot 5, futures 10; MEXC futures publishes none (0: no limit).
     *
     * @return messages per second, 0 for no limit.
     */
    public int maxIncomingMessagesPerSecond()
    {
        return maxIncomingMessagesPerSecond;
    }

    /**
     * Streams one connection may listen to: Binance 1024.
     *
     * @return the limit.
     */
    public int maxStreamsPerConnection()
    {
        return maxStreamsPerConnection;
    }

    /**
     * How often the server pings: Binance spot every 20 s, futures every 3 min; MEXC 0 (the client pings).
     *
     * @return nanoseconds, 0 for none.
     */
    public long pingIntervalNs()
    {
        return pingIntervalNs;
    }

    /**
     * Binance: how long a ping may go without a pong before the connection is closed (spot 1 min, futures 10 min).
     * MEXC: how long a connection may go without a client ping (1 min).
     *
     * @return nanoseconds.
     */
    public long heartbeatTimeoutNs()
    {
        return heartbeatTimeoutNs;
    }

    /**
     * REST request weight per minute before 429: spot 6000, futures 2400; 0 when the venue has no weights.
     *
     * @return the limit.
     */
    public int requestWeightLimitPerMinute()
    {
        return requestWeightLimitPerMinute;
    }

    /**
     * Weight of an exchangeInfo request: spot 20, futures 1.
     *
     * @return the weight.
     */
    public int exchangeInfoWeight()
    {
        return exchangeInfoWeight;
    }

    /**
     * Levels per side of a depth reply without {@code limit}: spot 100, futures 500, MEXC 20.
     *
     * @return the default limit.
     */
    public int defaultDepthLimit()
    {
        return defaultDepthLimit;
    }

    /**
     * Most levels per side a depth reply gives: spot 5000, futures 1000.
     *
     * @return the maximum.
     */
    public int maxDepthLimit()
    {
        return maxDepthLimit;
    }

    /**
     * Weight of a depth request for a limit, by the venue's table: spot 1-100: 5, 101-500: 25, 501-1000: 50,
     * 1001-5000: 250; futures 5-50: 2, 100: 5, 500: 10, 1000: 20.
     *
     * @param limit levels asked for.
     * @return the weight.
     */
    public int depthWeight(final int limit)
    {
        if (BINANCE_SPOT == this)
        {
            return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
        }
        if (isBinanceFutures())
        {
            return limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20;
        }
        return 1;
    }

    /**
     * The command-line name.
     *
     * @return {@link #cliName()}.
     */
    public String toString()
    {
        return cliName;
    }
}
