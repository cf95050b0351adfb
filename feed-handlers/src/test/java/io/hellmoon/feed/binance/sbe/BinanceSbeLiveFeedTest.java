/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance.sbe;

import io.aeron.exceptions.ConfigurationException;
import io.hellmoon.feed.connect.LiveFeed;
import io.hellmoon.feed.connect.VenueProfile;
import io.hellmoon.feed.replay.MarketDataSummary;
import io.hellmoon.feed.testing.LocalExchangeServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.hellmoon.feed.binance.sbe.BinanceSbeFrames.levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live feed on Binance's SBE market-data streams ({@code binance-spot-sbe}) over a real loopback WebSocket: the
 * API key in the opening handshake, the SBE stream names subscribed, binary frames encoded from Binance's own schema
 * decoded into a book synced from a JSON REST snapshot, and a missing key failing at start-up.
 */
@Timeout(60)
class BinanceSbeLiveFeedTest
{
    private static final String API_KEY = "test-ed25519-api-key-0123456789abcdef";

    private final LocalExchangeServer server = new LocalExchangeServer();
    private final BinanceSbeFrames frames = new BinanceSbeFrames();
    private final MarketDataSummary summary = new MarketDataSummary();
    private LiveFeed feed;

    @AfterEach
    void close()
    {
        if (null != feed)
        {
            feed.close();
        }
        server.close();
    }

    @Test
    void shouldSendTheApiKeyAndDecodeBinaryFramesIntoASyncedBook() throws Exception
    {
        final CompletableFuture<LocalExchangeServer.Connection> subscribed = new CompletableFuture<>();
        server.onSubscribed(subscribed::complete)
            .route((request) -> "/api/v3/depth".equals(request.path()) ? LocalExchangeServer.Response.ok(
                "{\"lastUpdateId\":102,\"bids\":[[\"99.00\",\"5\"]],\"asks\":[[\"102.00\",\"6\"]]}") : null);

        feed = new LiveFeed(new LiveFeed.Context()
            .profile(VenueProfile.of("binance-spot-sbe").wsUrl(server.wsUrl()).restUrl(server.httpUrl()))
            .symbols(List.of("BTCUSDT"))
            .fetchExchangeInfo(false)
            .binanceApiKey(BinanceApiKey.fromEnvironment(Map.of("KEY", API_KEY), "KEY"))
            .downstream((buffer, offset, length) ->
            {
                synchronized (summary)
                {
                    summary.onMessage(buffer, offset, length);
                }
                return true;
            })
            .tickNs(TimeUnit.MILLISECONDS.toNanos(10))
            .seed(1));
        feed.start();

        final LocalExchangeServer.Connection connection = subscribed.get(20, TimeUnit.SECONDS);
        assertEquals(API_KEY, connection.upgradeHeaders().get("x-mbx-apikey"));
        assertEquals(
            List.of("btcusdt@bestBidAsk", "btcusdt@depth", "btcusdt@trade"),
            connection.streams().stream().sorted().toList());

        final long nowUs = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
        assertTrue(connection.sendBinary(
            frames.depthDiff("BTCUSDT", nowUs, 101, 103, -2, -5, levels(100_00, 1_00000), levels())));
        assertTrue(connection.sendBinary(
            frames.depthDiff("BTCUSDT", nowUs + 1, 104, 106, -2, -5, levels(), levels(101_00, 2_00000))));
        assertTrue(connection.sendBinary(frames.trades("BTCUSDT", nowUs + 2, nowUs + 2, -2, -5,
            new long[]{ 7001, 100_50, 1_00000, 0 }, new long[]{ 7002, 100_75, 50000, 1 })));

        await(() -> "100.75".equals(lastTradePrice()) && null != book() && Long.valueOf(106).equals(
            book().lastUpdateId()), "the book synced at 106 and the last trade");
        final MarketDataSummary.InstrumentSummary book = book();
        assertEquals("100", book.bestBid());
        assertEquals("101", book.bestAsk());
        synchronized (summary)
        {
            assertEquals(2, summary.messages("trade"));
            assertEquals(0, summary.decodeErrors());
            assertEquals(0, summary.crossedBooks());
        }
        assertEquals(0, feed.feed().decodeErrors());
    }

    @Test
    void shouldFailAtStartUpNamingWhereTheApiKeyIsExpected()
    {
        System.setProperty(BinanceSbeConfiguration.API_KEY_ENV_PROP_NAME, "HELLMOON_TEST_UNSET_BINANCE_KEY");
        try
        {
            final LiveFeed.Context context = new LiveFeed.Context()
                .profile(VenueProfile.of("binance-spot-sbe"))
                .symbols(List.of("BTCUSDT"))
                .downstream((buffer, offset, length) -> true);
            final ConfigurationException ex = assertThrows(ConfigurationException.class, context::conclude);
            assertTrue(ex.getMessage().contains("HELLMOON_TEST_UNSET_BINANCE_KEY"), ex.getMessage());
        }
        finally
        {
            System.clearProperty(BinanceSbeConfiguration.API_KEY_ENV_PROP_NAME);
        }
    }

    private String lastTradePrice()
    {
        final MarketDataSummary.InstrumentSummary instrument = book();
        return null == instrument ? null : instrument.lastTradePrice();
    }

    private MarketDataSummary.InstrumentSummary book()
    {
        synchronized (summary)
        {
            return summary.instruments().get("BINANCE_SPOT:BTCUSDT");
        }
    }

    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }
}
