/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.hellmoon.feed.connect.LiveFeed;
import io.hellmoon.feed.connect.SubscriptionFormat;
import io.hellmoon.feed.connect.VenueProfile;
import org.agrona.SystemUtil;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * The options {@code hellmoon feed} and {@code hellmoon record} share: which venue, which symbols and streams, which
 * endpoints, and when to stop.
 */
public final class LiveFeedOptions
{
    @Option(names = "--venue", paramLabel = "V", required = true,
        description = "binance-spot, binance-usdm, binance-coinm (mexc-spot needs its decoder plugged in).")
    String venue;

    @Option(names = "--symbols", paramLabel = "LIST", split = ",",
        description = "Symbols to subscribe, comma separated, e.g. BTCUSDT,ETHUSDT.")
    List<String> symbols;

    @Option(names = "--all", description = "Subscribe every trading symbol of the venue's exchangeInfo.")
    boolean all;

    @Option(names = "--streams", paramLabel = "LIST", split = ",",
        description = "Streams per symbol, e.g. trade,bookTicker,depth@100ms,!miniTicker@arr " +
            "(default: the venue's, hellmoon.feed.<venue>.streams).")
    List<String> streams;

    @Option(names = "--endpoint", paramLabel = "WS_URL",
        description = "WebSocket endpoint with its path, e.g. ws://localhost:9000/stream (default: the venue's).")
    String endpoint;

    @Option(names = "--rest", paramLabel = "HTTP_URL",
        description = "REST base URL for snapshots and exchangeInfo, e.g. http://localhost:9000 (default: the " +
            "venue's).")
    String rest;

    @Option(names = "--exchange-info", paramLabel = "FILE",
        description = "Reference data from this file instead of the venue's REST exchangeInfo.")
    Path exchangeInfo;

    @Option(names = "--exit-when-idle", paramLabel = "D",
        description = "Stop once no message has arrived for this long, e.g. 5s.")
    String exitWhenIdle;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after this long, e.g. 1m.")
    String duration;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the reconnect jitter (default: random).")
    Long seed;

    /**
     * Check the options that depend on each other.
     *
     * @throws IllegalArgumentException saying what is wrong.
     */
    void validate()
    {
        if (all == (null != symbols && !symbols.isEmpty()))
        {
            throw new IllegalArgumentException("give either --symbols LIST or --all");
        }
        durationNs();
        idleNs();
    }

    /**
     * The venue's profile with the endpoints given.
     *
     * @return the profile, concluded.
     */
    VenueProfile profile()
    {
        final VenueProfile profile = VenueProfile.of(venue);
        if (SubscriptionFormat.BINANCE != profile.format())
        {
            throw new IllegalArgumentException(profile.name() + " frames are protobuf: its decoder is not part of " +
                "this command yet (a LiveFeed takes one through LiveFeed.Context.frameHandlerFactory)");
        }
        if (null != endpoint)
        {
            profile.wsUrl(endpoint);
        }
        if (null != rest)
        {
            profile.restUrl(rest);
        }
        return profile.conclude();
    }

    /**
     * A feed context with these options; the caller adds the sink and anything else.
     *
     * @param profile the venue.
     * @return the context.
     */
    LiveFeed.Context context(final VenueProfile profile)
    {
        final LiveFeed.Context ctx = new LiveFeed.Context()
            .profile(profile)
            .exchangeInfoFile(exchangeInfo)
            .idleTimeoutNs(idleNs());
        if (all)
        {
            ctx.allSymbols(true);
        }
        else
        {
            ctx.symbols(symbols);
        }
        if (null != streams && !streams.isEmpty())
        {
            ctx.streams(streams);
        }
        if (null != seed)
        {
            ctx.seed(seed);
        }
        return ctx;
    }

    /**
     * The run's length.
     *
     * @return nanoseconds, {@link Long#MAX_VALUE} without {@code --duration}.
     */
    long durationNs()
    {
        return null == duration ? Long.MAX_VALUE : SystemUtil.parseDuration("--duration", duration);
    }

    /**
     * The idle timeout.
     *
     * @return nanoseconds, 0 without {@code --exit-when-idle}.
     */
    long idleNs()
    {
        return null == exitWhenIdle ? 0 : SystemUtil.parseDuration("--exit-when-idle", exitWhenIdle);
    }
}
