/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router;

import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.sbe.InstrumentKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A router over a temporary strategy folder, a manual clock and a recording sink, with one defined instrument.
 */
final class RouterFixture implements AutoCloseable
{
    static final int BTC = 7;
    static final int ETH = 8;
    static final long START_NS = 1_723_161_600_000_000_000L;

    /**
     * The main test strategy: long volume spikes in NORMAL or HIGH volatility while trending; stop 2 ATR,
     * target 4 ATR, 1 % risk, 5000 notional.
     */
    static final String MOMENTUM = "{\"name\": \"Test - Momentum\", \"hellmoon_events\": [{\"type\": \"VOLUME_SPIKE\"," +
        " \"min_score\": 1.5, \"directions\": [\"UP\"]}], \"regime_filter\": {\"volatility\": [\"NORMAL_VOL\", " +
        "\"HIGH_VOL\"], \"trend\": [\"TRENDING\"]}, \"exits\": {\"k1\": 2.0, \"k2\": 4.0}, \"risk\": " +
        "{\"risk_per_trade\": 0.01, \"max_position_notional\": 5000, \"max_open_positions\": 2}, " +
        "\"live_settings\": {\"allowed_modes\": [\"paper\"], \"order_type\": \"market\", \"cancel_if_latency_ms\": 0}}";

    final Path folder;
    final Path strategies;
    final ManualEpochNanoClock clock = new ManualEpochNanoClock(START_NS);
    final RecordingSink sink = new RecordingSink();
    final List<Throwable> errors = new ArrayList<>();
    final Router router;
    final Messages messages;
    long nextAnomalyId = 1;

    RouterFixture(final Path folder, final String... nameAndJson)
    {
        this(folder, (ctx) -> { }, nameAndJson);
    }

    RouterFixture(final Path folder, final java.util.function.Consumer<Router.Context> configure,
        final String... nameAndJson)
    {
        this.folder = folder;
        this.strategies = folder.resolve("strategies");
        try
        {
            Files.createDirectories(strategies);
            for (int i = 0; i < nameAndJson.length; i += 2)
            {
                Files.writeString(strategies.resolve(nameAndJson[i] + ".json"), nameAndJson[i + 1]);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final Router.Context ctx = new Router.Context()
            .strategiesDir(strategies.toString())
            .statsFile(folder.resolve("stats.json").toString())
            .equity(10_000)
            .clock(clock)
            .errorHandler(errors::add)
            .errorOutput(new StringBuilder());
        configure.accept(ctx);
        router = new Router(ctx.conclude(), sink, CounterFactory.local(32));
        messages = new Messages(router);
    }

    /**
     * Define BTC (perpetual, tick 0.10, step 0.001, min 0.001, min notional 5) and quote it 49999.90 / 50000.00.
     */
    RouterFixture withMarket()
    {
        messages.definition(BTC, "BTCUSDT", InstrumentKind.PERPETUAL, 10, 1, 1, 5.0);
        messages.definition(ETH, "ETHUSDT", InstrumentKind.PERPETUAL, 1, 1, 1, 5.0);
        messages.bestBidOffer(BTC, 49_999.90, 50_000.00, clock.nanoTime());
        messages.bestBidOffer(ETH, 2_999.99, 3_000.00, clock.nanoTime());
        return this;
    }

    void rewrite(final String name, final String json)
    {
        try
        {
            Files.writeString(strategies.resolve(name + ".json"), json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public void close()
    {
        router.close();
    }
}
