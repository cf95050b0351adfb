/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.hellmoon.feed.sim.SimTests.WAIT;
import static io.hellmoon.feed.sim.SimTests.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each fault of {@link FaultSpec} on its own, over real loopback sockets, deterministic where the simulator's clock
 * decides (a manual clock drives disconnects, stalls and rate windows) and with loose bounds where real time does.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultInjectionTest
{
    private static final long START_NS = TimeUnit.DAYS.toNanos(20_000);

    @Test
    void shouldCloseEveryConnectionAtEachDisconnectPeriod()
    {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(START_NS);
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
            .replayFiles(List.of(TestData.file(SimTests.USDM_BTC)))
            .clock(clock)
            .faults(FaultSpec.parse("disconnect-every=4s"))))
        {
            SimTests.await("timeline", sim::isTimelineStarted);
            final TestWsClient first = TestWsClient.connect(sim.webSocketUri() + "/ws/btcusdt@trade", true);
            final TestWsClient second = TestWsClient.connect(sim.webSocketUri() + "/stream?streams=x@trade", true);
            try
            {
                clock.advance(TimeUnit.MILLISECONDS.toNanos(3_900));
                assertEquals(null, second.poll(Duration.ofMillis(200)), "nothing for an unknown stream");
                assertFalse(first.isClosed(), "not before the period");
                clock.advance(TimeUnit.MILLISECONDS.toNanos(100));
                assertEquals(-1, first.awaitClose(WAIT), "closed without a close frame");
                assertEquals(-1, second.awaitClose(WAIT));
                SimTests.await("one disconnect round", () -> 1 == sim.counters().get("fault disconnects"));
            }
            finally
            {
                first.close();
                second.close();
            }

            try (TestWsClient reconnected = TestWsClient.connect(sim.webSocketUri() + "/ws/btcusdt@trade", true))
            {
                clock.advance(TimeUnit.SECONDS.toNanos(3));
                reconnected.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}");
                assertEquals("{\"result\":[\"btcusdt@trade\"],\"id\":1}",
                    BinanceStreamProtocolTest.awaitReply(reconnected), "a reconnected client is served");
                clock.advance(TimeUnit.SECONDS.toNanos(1));
                assertEquals(-1, reconnected.awaitClose(WAIT), "closed at the next multiple of the period");
                SimTests.await("two disconnect rounds", () -> 2 == sim.counters().get("fault disconnects"));
            }
        }
    }

    @Test
    void shouldStallDataAndPingsButKeepTheSocketOpen()
    {
        final List<SimTests.CaptureLine> lines = SimTests.capture(SimTests.USDM_BTC);
        final long first = lines.get(0).receiveNs();
        final List<SimTests.CaptureLine> tickers = SimTests.frames(lines, "btcusdt@bookTicker"::equals);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(START_NS);
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
            .replayFiles(List.of(TestData.file(SimTests.USDM_BTC)))
            .clock(clock)
            .pingIntervalNs(TimeUnit.MILLISECONDS.toNanos(50))
            .heartbeatTimeoutNs(TimeUnit.SECONDS.toNanos(5))
            .faults(FaultSpec.parse("stall-every=10s,stall-length=2s"))))
        {
            SimTests.await("the first frame", () -> sim.counters().get("source frames") >= 1);
            try (TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/ws/btcusdt@bookTicker", true))
            {
                SimTests.await("subscribed", () -> 1 == sim.counters().subscriptions());
                final long before = TimeUnit.MILLISECONDS.toNanos(9_999);
                clock.advance(before);
                final List<String> expected = payloads(tickers, first, 0, before);
                for (final String ticker : expected)
                {
                    assertEquals(ticker, client.next(WAIT));
                }

                clock.advance(TimeUnit.MILLISECONDS.toNanos(1_001));
                SimTests.await("the stall", () -> 1 == sim.counters().get("fault stalls"));
                final int pingsAtStall = client.pings();
                final long inStall = TimeUnit.SECONDS.toNanos(11);
                SimTests.await("frames lost in the stall", () -> sim.counters().get("frames lost to stalls") ==
                    payloads(tickers, first, before, inStall).size());
                assertNull(client.poll(Duration.ofMillis(300)), "no data during the stall");
                assertTrue(client.pings() <= pingsAtStall + 1, "no pings during the stall");
                assertFalse(client.isClosed(), "the socket stays open, and no pong is expected");

                clock.advance(TimeUnit.MILLISECONDS.toNanos(1_500));
                final List<String> after = payloads(tickers, first, inStall, TimeUnit.MILLISECONDS.toNanos(12_500));
                assertFalse(after.isEmpty());
                for (final String ticker : after)
                {
                    assertEquals(ticker, client.next(WAIT), "data again after the stall");
                }
                SimTests.await("pings again", () -> client.pings() > pingsAtStall + 2);
            }
        }
    }

    @Test
    void shouldDropEveryNthDiffOnTheWire()
    {
        final List<SimTests.CaptureLine> lines = SimTests.capture(SimTests.USDM_BTC);
        final List<String> served = new ArrayList<>();
        boolean afterSnapshot = false;
        for (final SimTests.CaptureLine line : lines)
        {
            afterSnapshot |= line.isSnapshot();
            if (afterSnapshot && !line.isSnapshot() && line.stream().contains("@depth"))
            {
                served.add(line.json());
            }
        }
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
                .replayFiles(List.of(TestData.file(SimTests.USDM_BTC)))
                .speed(ReplaySpeed.MAX)
                .waitForSubscriber(true)
                .faults(FaultSpec.parse("drop-diff-every=7")));
            TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/stream?streams=btcusdt@depth@0ms", true))
        {
            for (int i = 1; i <= 700; i++)
            {
                if (0 != i % 7)
                {
                    assertEquals(served.get(i - 1), client.next(WAIT), "diff " + i + " after the snapshot");
                }
            }
            SimTests.await("the drops counted", () -> sim.counters().get("fault diffs dropped") >= 100);
        }
    }

    @Test
    void shouldSendAMalformedFrameBeforeEveryNthFrame()
    {
        final List<SimTests.CaptureLine> trades =
            SimTests.frames(SimTests.capture(SimTests.SPOT_BTC), "btcusdt@trade"::equals);
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_SPOT)
                .replayFiles(List.of(TestData.file(SimTests.SPOT_BTC)))
                .speed(ReplaySpeed.MAX)
                .waitForSubscriber(true)
                .faults(FaultSpec.parse("garbage-every=5")));
            TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/ws/btcusdt@trade", true))
        {
            for (int i = 1; i <= 100; i++)
            {
                final String trade = trades.get(i - 1).data();
                if (0 == i % 5)
                {
                    final String garbage = client.next(WAIT);
                    assertEquals(trade.substring(0, trade.length() / 2), garbage, "half of frame " + i);
                    assertThrows(IOException.class, () -> SimTests.JSON.readTree(garbage), "not JSON");
                }
                assertEquals(trade, client.next(WAIT), "frame " + i);
            }
            assertTrue(sim.counters().get("fault garbage frames") >= 20);
        }
    }

    @Test
    void shouldDelayDepthRepliesBySlowSnapshot()
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
            .replayFiles(List.of(TestData.file(SimTests.USDM_BTC)))
            .speed(ReplaySpeed.parse("10x"))
            .faults(FaultSpec.parse("slow-snapshot=400ms"))))
        {
            assertEquals(200, get(sim.restUri() + "/fapi/v1/ping").statusCode(), "warm up the HTTP client");
            final long pingStart = System.nanoTime();
            assertEquals(200, get(sim.restUri() + "/fapi/v1/ping").statusCode());
            assertTrue(System.nanoTime() - pingStart < TimeUnit.MILLISECONDS.toNanos(400), "only depth is slow");

            final long start = System.nanoTime();
            final HttpResponse<String> response = get(sim.restUri() + "/fapi/v1/depth?symbol=BTCUSDT&limit=5");
            final long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(tookMs >= 400 && tookMs < 5_000, "took " + tookMs + " ms");
            assertEquals(1, sim.counters().get("fault slow snapshots"));
        }
    }

    @Test
    void shouldThrottleRequestsBeyondNPerWindow()
    {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(TimeUnit.MINUTES.toNanos(29_000_000));
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
            .replayFiles(List.of(TestData.file(SimTests.USDM_BTC)))
            .clock(clock)
            .faults(FaultSpec.parse("throttle=3"))))
        {
            clock.advance(TimeUnit.SECONDS.toNanos(50));
            for (int i = 0; i < 3; i++)
            {
                assertEquals(200, get(sim.restUri() + "/fapi/v1/ping").statusCode());
            }
            final HttpResponse<String> throttled = get(sim.restUri() + "/fapi/v1/exchangeInfo");
            BinanceRestTest.assertError(throttled, 429, -1003, null);
            assertEquals("10", throttled.headers().firstValue("retry-after").get());
            assertEquals("3", throttled.headers().firstValue("x-mbx-used-weight-1m").get());
            assertEquals(429, get(sim.restUri() + "/fapi/v1/depth?symbol=BTCUSDT").statusCode());

            clock.advance(TimeUnit.SECONDS.toNanos(10));
            assertEquals(200, get(sim.restUri() + "/fapi/v1/ping").statusCode(), "a new window");
            assertEquals(2, sim.counters().get("rest 429"));
        }
    }

    @Test
    void shouldBanEveryRestRequestWith418()
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_SPOT)
            .replayFiles(List.of(TestData.file(SimTests.SPOT_BTC)))
            .faults(FaultSpec.parse("ban=30s"))))
        {
            for (final String path : List.of("/api/v3/ping", "/api/v3/exchangeInfo", "/api/v3/depth?symbol=BTCUSDT"))
            {
                final HttpResponse<String> banned = get(sim.restUri() + path);
                BinanceRestTest.assertError(banned, 418, -1003, null);
                assertTrue(banned.body().contains("banned until"), banned.body());
                assertEquals("30", banned.headers().firstValue("retry-after").get(), path);
            }
            try (TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/ws", true))
            {
                client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}");
                assertEquals("{\"result\":[],\"id\":1}", client.next(WAIT), "streams are not banned");
            }
            assertEquals(3, sim.counters().get("rest 418"));
        }
    }

    private static List<String> payloads(
        final List<SimTests.CaptureLine> frames, final long first, final long fromNs, final long toNs)
    {
        final List<String> payloads = new ArrayList<>();
        for (final SimTests.CaptureLine line : frames)
        {
            final long offset = line.receiveNs() - first;
            if (offset > fromNs && offset <= toNs)
            {
                payloads.add(line.data());
            }
        }
        return payloads;
    }
}
