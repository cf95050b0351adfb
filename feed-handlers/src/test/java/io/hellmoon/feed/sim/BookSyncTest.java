/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that follows Binance's sync procedure against the simulator's REST snapshots and diff streams rebuilds,
 * at the diff it stops at, exactly the book an independent rebuild of the capture has after that diff: spot, USD-M,
 * COIN-M and a multi-symbol cryptofeed session, with diffs dropped on the wire so that the client has to resync from
 * fresh snapshots taken in the middle of the stream.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BookSyncTest
{
    private static final Duration STEP = Duration.ofMillis(50);

    @Test
    void shouldSyncAUsdmBookThroughDroppedDiffs()
    {
        final Path capture = TestData.file(SimTests.USDM_BTC);
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
                .replayFiles(List.of(capture))
                .speed(ReplaySpeed.parse("20x"))
                .faults(FaultSpec.parse("drop-diff-every=250"))
                .waitForSubscriber(true));
            BookClient client = new BookClient(
                sim.webSocketUri() + "/stream?streams=btcusdt@depth@0ms",
                sim.restUri() + "/fapi/v1/depth?symbol=BTCUSDT&limit=1000", true))
        {
            runUntil(client, 1_500, 3);
            assertSameBook(CaptureReference.hftbacktest(capture, true, client.book().lastUpdateId()), client, 500);
            assertTrue(sim.counters().get("fault diffs dropped") > 0);
        }
    }

    @Test
    void shouldSyncASpotBookThroughDroppedDiffs()
    {
        final Path capture = TestData.file(SimTests.SPOT_BTC);
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_SPOT)
                .replayFiles(List.of(capture))
                .speed(ReplaySpeed.parse("20x"))
                .faults(FaultSpec.parse("drop-diff-every=150"))
                .waitForSubscriber(true));
            BookClient client = new BookClient(
                sim.webSocketUri() + "/ws/btcusdt@depth@100ms",
                sim.restUri() + "/api/v3/depth?symbol=BTCUSDT&limit=5000", false))
        {
            runUntil(client, 700, 3);
            final ReferenceBook reference = CaptureReference.hftbacktest(capture, false, client.book().lastUpdateId());
            assertTrue(reference.size(true) < 5000 && reference.size(false) < 5000, "the whole book fits a reply");
            assertSameBook(reference, client, Integer.MAX_VALUE);
        }
    }

    @Test
    void shouldSyncACoinMarginedBook(@TempDir final Path dir)
    {
        final Path capture = SimTests.coinmCapture(dir);
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_COINM)
                .replayFiles(List.of(capture))
                .speed(ReplaySpeed.parse("20x"))
                .faults(FaultSpec.parse("drop-diff-every=300"))
                .waitForSubscriber(true));
            BookClient client = new BookClient(
                sim.webSocketUri() + "/stream?streams=btcusd_perp@depth@0ms",
                sim.restUri() + "/dapi/v1/depth?symbol=BTCUSD_PERP&limit=1000", true))
        {
            runUntil(client, 1_000, 2);
            assertSameBook(CaptureReference.hftbacktest(capture, true, client.book().lastUpdateId()), client, 500);
        }
    }

    @Test
    void shouldSyncEveryBookOfACryptofeedSession()
    {
        final Path frames = TestData.file(SimTests.CRYPTOFEED_FUTURES);
        final Path snapshots = frames.resolveSibling("BINANCE_FUTURES.http.0.0");
        final List<String> symbols = List.of("AKROUSDT", "CTKUSDT", "KEEPUSDT", "SUSHIUSDT");
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
            .replayFiles(List.of(frames))
            .speed(ReplaySpeed.parse("5x"))
            .faults(FaultSpec.parse("drop-diff-every=40"))
            .waitForSubscriber(true)))
        {
            final List<BookClient> clients = new ArrayList<>();
            try
            {
                for (final String symbol : symbols)
                {
                    clients.add(new BookClient(
                        sim.webSocketUri() + "/stream?streams=" + symbol.toLowerCase() + "@depth@100ms",
                        sim.restUri() + "/fapi/v1/depth?symbol=" + symbol + "&limit=1000", true));
                }
                long quietSince = System.nanoTime();
                while (!sim.isSourceDone() || System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(1))
                {
                    boolean any = false;
                    for (final BookClient client : clients)
                    {
                        any |= client.step(Duration.ofMillis(5));
                    }
                    if (any)
                    {
                        quietSince = System.nanoTime();
                    }
                }

                final Map<String, Long> targets = new LinkedHashMap<>();
                for (int i = 0; i < symbols.size(); i++)
                {
                    assertTrue(clients.get(i).book().isLive(), symbols.get(i) + " synced");
                    targets.put(symbols.get(i), clients.get(i).book().lastUpdateId());
                }
                final Map<String, ReferenceBook> references =
                    CaptureReference.cryptofeed(frames, snapshots, true, targets);
                int resyncs = 0;
                for (int i = 0; i < symbols.size(); i++)
                {
                    assertSameBook(references.get(symbols.get(i)), clients.get(i), 500);
                    resyncs += clients.get(i).resyncs();
                }
                assertTrue(resyncs > 0, "dropped diffs made clients resync");
            }
            finally
            {
                clients.forEach(BookClient::close);
            }
        }
    }

    /**
     * Step the client until it has applied enough diffs after enough resyncs, or the stream has gone quiet.
     */
    private static void runUntil(final BookClient client, final long appliedDiffs, final int resyncs)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int quiet = 0;
        while ((client.book().appliedDiffs() < appliedDiffs || client.resyncs() < resyncs) && quiet < 40 &&
            System.nanoTime() < deadline)
        {
            quiet = client.step(STEP) ? 0 : quiet + 1;
        }
        assertTrue(client.book().isLive(), "client synced");
        assertTrue(client.resyncs() >= resyncs, "resyncs " + client.resyncs());
        System.out.println("client: " + client.diffs() + " diffs received, " + client.book().appliedDiffs() +
            " applied, " + client.snapshots() + " snapshots, " + client.resyncs() + " resyncs, at u=" +
            client.book().lastUpdateId());
    }

    private static void assertSameBook(final ReferenceBook expected, final BookClient client, final int levels)
    {
        final ReferenceBook actual = client.book();
        assertFalse(actual.isCrossed(), "crossed book");
        assertEquals(expected.lastUpdateId(), actual.lastUpdateId());
        assertSameLevels(expected.top(true, levels), actual.top(true, levels), "bids at u=" + actual.lastUpdateId());
        assertSameLevels(expected.top(false, levels), actual.top(false, levels), "asks at u=" + actual.lastUpdateId());
    }

    private static void assertSameLevels(final List<String> expected, final List<String> actual, final String what)
    {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++)
        {
            assertEquals(expected.get(i), actual.get(i), what + ", level " + i + " of " + expected.size());
        }
        assertEquals(expected.size(), actual.size(), what + ": levels");
    }
}
