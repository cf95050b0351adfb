/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's configuration: venue defaults, and every invalid setting failing at start naming the setting and
 * the reason.
 */
class SimExchangeContextTest
{
    @Test
    void shouldTakeTheVenuesLimitsUnlessSet()
    {
        final SimExchange.Context spot = new SimExchange.Context().venue(SimVenue.BINANCE_SPOT)
            .replayFiles(List.of(TestData.file(SimTests.SPOT_BTC))).conclude();
        assertEquals(5, spot.maxIncomingMessagesPerSecond());
        assertEquals(1024, spot.maxStreamsPerConnection());
        assertEquals(TimeUnit.SECONDS.toNanos(20), spot.pingIntervalNs());
        assertEquals(TimeUnit.MINUTES.toNanos(1), spot.heartbeatTimeoutNs());
        assertEquals(TimeUnit.HOURS.toNanos(24), spot.connectionLifetimeNs());
        assertEquals(6000, spot.requestWeightLimit());
        assertEquals(SimExchange.SlowConsumerPolicy.DISCONNECT, spot.slowConsumerPolicy());

        final SimExchange.Context usdm = new SimExchange.Context().venue(SimVenue.BINANCE_USDM)
            .replayFiles(List.of(TestData.file(SimTests.USDM_BTC))).speed(ReplaySpeed.MAX)
            .maxIncomingMessagesPerSecond(3).conclude();
        assertEquals(3, usdm.maxIncomingMessagesPerSecond());
        assertEquals(TimeUnit.MINUTES.toNanos(3), usdm.pingIntervalNs());
        assertEquals(2400, usdm.requestWeightLimit());
        assertEquals(SimExchange.SlowConsumerPolicy.BLOCK, usdm.slowConsumerPolicy(), "max speed waits for clients");

        final SimExchange.Context mexc = new SimExchange.Context().venue(SimVenue.MEXC_FUTURES).conclude();
        assertEquals(2000, mexc.syntheticInstruments(), "the synthetic market by default");
        assertEquals(0, mexc.pingIntervalNs(), "MEXC clients ping");
    }

    @Test
    void shouldRejectInvalidSettingsNamingThem(@TempDir final Path dir) throws IOException
    {
        final Path capture = TestData.file(SimTests.USDM_BTC);
        assertRejected("venue=null: must be set: one of binance-spot, binance-usdm, binance-coinm, mexc-futures",
            () -> new SimExchange.Context());
        assertRejected("syntheticInstruments=100: cannot be combined with replayFiles",
            () -> new SimExchange.Context().venue(SimVenue.BINANCE_USDM).replayFiles(List.of(capture))
                .syntheticInstruments(100));
        assertRejected("venue=binance-spot: cannot serve the synthetic market",
            () -> new SimExchange.Context().venue(SimVenue.BINANCE_SPOT));
        assertRejected("venue=binance-coinm: cannot serve the synthetic market",
            () -> new SimExchange.Context().venue(SimVenue.BINANCE_COINM).syntheticInstruments(10));
        assertRejected("replayFiles=[" + capture + "]: cannot be served as mexc-futures",
            () -> new SimExchange.Context().venue(SimVenue.MEXC_FUTURES).replayFiles(List.of(capture)));
        assertRejected("replayFiles=" + dir.resolve("missing.gz") + ": no such file",
            () -> new SimExchange.Context().venue(SimVenue.BINANCE_USDM)
                .replayFiles(List.of(dir.resolve("missing.gz"))));
        assertRejected("syntheticInstruments=0: must be 1 to 100,000",
            () -> new SimExchange.Context().venue(SimVenue.BINANCE_USDM).syntheticInstruments(0));
        assertRejected("port=70000: must be 0 (any free port) to 65535",
            () -> new SimExchange.Context().venue(SimVenue.BINANCE_USDM).port(70_000));
        assertRejected("hellmoon.sim.connection.lifetime=0: must be positive",
            () -> new SimExchange.Context().venue(SimVenue.BINANCE_USDM).connectionLifetimeNs(0));
        assertRejected("hellmoon.sim.session.queue.capacity=1: must be at least 16",
            () -> new SimExchange.Context().venue(SimVenue.BINANCE_USDM).sessionQueueCapacity(1));
        assertRejected("hellmoon.sim.heartbeat.timeout=-1: must be positive",
            () -> new SimExchange.Context().venue(SimVenue.BINANCE_USDM).heartbeatTimeoutNs(-1));

        final Path notJson = Files.writeString(dir.resolve("info.json"), "hello");
        final IllegalArgumentException badInfo = assertThrows(IllegalArgumentException.class, () ->
            new SimExchange(new SimExchange.Context().venue(SimVenue.BINANCE_USDM).replayFiles(List.of(capture))
                .exchangeInfoFile(notJson)));
        assertTrue(badInfo.getMessage().contains("not an exchangeInfo reply"), badInfo.getMessage());
    }

    @Test
    void shouldRejectCapturesOfAnotherVenue()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () ->
            new SimExchange(new SimExchange.Context().venue(SimVenue.BINANCE_SPOT)
                .replayFiles(List.of(TestData.file(SimTests.USDM_BTC)))));
        assertTrue(ex.getMessage().contains("hold BINANCE_USDM data, but the simulator serves binance-spot (use " +
            "--venue binance-usdm)"), ex.getMessage());
    }

    @Test
    void shouldParseVenueNames()
    {
        assertEquals(SimVenue.BINANCE_COINM, SimVenue.parse("Binance_CoinM"));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> SimVenue.parse("ftx"));
        assertEquals("unknown venue 'ftx', expected one of binance-spot, binance-usdm, binance-coinm, mexc-futures",
            ex.getMessage());
    }

    private static void assertRejected(final String message, final Supplier<SimExchange.Context> context)
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> context.get().conclude());
        assertTrue(ex.getMessage().startsWith(message), ex.getMessage());
    }
}
