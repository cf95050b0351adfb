/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.hellmoon.feed.connect.LiveFeed;
import io.hellmoon.feed.connect.SubscriptionFormat;
import io.hellmoon.feed.connect.VenueProfile;
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
        description = "binance-spot, binance-spot-sbe (Binance's SBE streams: an Ed25519 API key from the file " +
            "named by -Dhellmoon.feed.binance.sbe.api.key.file or the variable HELLMOON_BINANCE_API_KEY), " +
            "binance-usdm, binance-coinm, mexc-futures (JSON, --symbols only) or mexc-spot (protobuf).")
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
     * Check the options ({@link #validate()}), then the venue's profile with the endpoints given.
     *
     * @return the profile, concluded.
     * @throws IllegalArgumentException saying what is wrong with the options.
     * @throws IllegalStateException    when the profile does not conclude.
     */
    VenueProfile profile()
    {
        validate();
        final VenueProfile profile = VenueProfile.of(venue);
        if (SubscriptionFormat.MEXC_FUTURES == profile.format() && (all || null != exchangeInfo))
        {
            throw new IllegalArgumentException(profile.name() + " reference data (contract/detail) is not read yet: " +
                "name the contracts with --symbols, e.g. BTC_USDT (registered with the default exponents)");
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
            // MEXC futures' contract/detail is not Binance's exchangeInfo: named symbols get the default exponents.
            .fetchExchangeInfo(SubscriptionFormat.MEXC_FUTURES != profile.format())
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
        return RunLength.durationNs(duration);
    }

    /**
     * The idle timeout.
     *
     * @return nanoseconds, 0 without {@code --exit-when-idle}.
     */
    long idleNs()
    {
        return RunLength.idleNs(exitWhenIdle);
    }
}
