/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hellmoon.codecs.BinanceExchangeInfo;
import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.hellmoon.feed.sim.SimTests.get;
import static io.hellmoon.feed.sim.SimTests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Binance REST over loopback: depth replies are the book at that moment of the stream with the right
 * {@code lastUpdateId} (checked against an independent rebuild with a manual clock holding the replay at a known
 * instant), in each venue's shape; exchangeInfo (generated, or recorded with a cryptofeed session); the request-weight
 * header and limit; and the errors Binance answers bad requests with.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BinanceRestTest
{
    private static final long FIVE_SECONDS_NS = TimeUnit.SECONDS.toNanos(5);

    /**
     * Hold a 1x replay five seconds of capture time after its first record, and wait until those frames are read.
     */
    private static SimExchange replayFiveSeconds(final SimVenue venue, final Path capture,
        final ManualEpochNanoClock clock)
    {
        final List<SimTests.CaptureLine> lines = SimTests.capture(capture);
        final long first = lines.get(0).receiveNs();
        final long due = lines.stream().filter((l) -> !l.isSnapshot() && l.receiveNs() - first <= FIVE_SECONDS_NS)
            .count();
        final SimExchange sim = SimExchange.launch(SimTests.context(venue)
            .replayFiles(List.of(capture))
            .speed(ReplaySpeed.RECORDED)
            .clock(clock));
        // The replay paces from the clock it reads with its first record: advance only after that.
        SimTests.await("the first frame", () -> sim.counters().get("source frames") >= 1);
        clock.advance(FIVE_SECONDS_NS);
        SimTests.await(due + " frames read", () -> sim.counters().get("source frames") == due);
        return sim;
    }

    @Test
    void shouldAnswerFuturesDepthWithTheBookBeforeTheNextDiffAndItsFirstId()
    {
        final Path capture = TestData.file(SimTests.USDM_BTC);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000_000_000_000L);
        try (SimExchange sim = replayFiveSeconds(SimVenue.BINANCE_USDM, capture, clock))
        {
            final List<SimTests.CaptureLine> lines = SimTests.capture(capture);
            final long first = lines.get(0).receiveNs();
            JsonNode lastDiff = null;
            JsonNode nextDiff = null;
            for (final SimTests.CaptureLine line : SimTests.frames(lines, (s) -> s.contains("@depth")))
            {
                if (line.receiveNs() - first <= FIVE_SECONDS_NS)
                {
                    lastDiff = json(line.json()).get("data");
                }
                else
                {
                    nextDiff = json(line.json()).get("data");
                    break;
                }
            }

            final HttpResponse<String> response = get(sim.restUri() + "/fapi/v1/depth?symbol=BTCUSDT&limit=1000");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("application/json;charset=UTF-8", response.headers().firstValue("content-type").get());
            assertEquals("20", response.headers().firstValue("x-mbx-used-weight-1m").get());
            final JsonNode snapshot = json(response.body());
            assertEquals(List.of("lastUpdateId", "E", "T", "bids", "asks"), fieldNames(snapshot));
            assertEquals(nextDiff.get("U").asLong(), snapshot.get("lastUpdateId").asLong(),
                "inside the next diff's [U, u]");
            assertEquals(lastDiff.get("E").asLong(), snapshot.get("E").asLong());
            assertEquals(lastDiff.get("T").asLong(), snapshot.get("T").asLong());
            assertTrue(response.body().contains("[\"" + snapshot.get("bids").get(0).get(0).asText() + "\",\""),
                "levels are [\"price\",\"qty\"] strings");

            final ReferenceBook reference = CaptureReference.hftbacktest(capture, true, lastDiff.get("u").asLong());
            final ReferenceBook served = new ReferenceBook(true);
            served.onDiff(nextDiff);
            assertEquals("ok", served.onSnapshot(snapshot), "the next diff bridges the reply");
            final ReferenceBook before = new ReferenceBook(true);
            before.onSnapshot(snapshot);
            assertEquals(reference.top(true, 500), before.top(true, 500), "bids as they stand");
            assertEquals(reference.top(false, 500), before.top(false, 500), "asks as they stand");
            assertEquals(1000, snapshot.get("bids").size());
        }
    }

    @Test
    void shouldAnswerSpotDepthWithTheBookAtTheLastDiff()
    {
        final Path capture = TestData.file(SimTests.SPOT_BTC);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000_000_000_000L);
        try (SimExchange sim = replayFiveSeconds(SimVenue.BINANCE_SPOT, capture, clock))
        {
            final List<SimTests.CaptureLine> lines = SimTests.capture(capture);
            final long first = lines.get(0).receiveNs();
            JsonNode lastDiff = null;
            for (final SimTests.CaptureLine line : SimTests.frames(lines, (s) -> s.contains("@depth")))
            {
                if (line.receiveNs() - first <= FIVE_SECONDS_NS)
                {
                    lastDiff = json(line.json()).get("data");
                }
            }

            final HttpResponse<String> response = get(sim.restUri() + "/api/v3/depth?symbol=btcusdt&limit=5000");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("250", response.headers().firstValue("x-mbx-used-weight-1m").get());
            final JsonNode snapshot = json(response.body());
            assertEquals(List.of("lastUpdateId", "bids", "asks"), fieldNames(snapshot));
            assertEquals(lastDiff.get("u").asLong(), snapshot.get("lastUpdateId").asLong());
            assertTrue(snapshot.get("bids").get(0).get(0).asText().matches("\\d+\\.\\d{8}"), "spot's 8 decimals");

            final ReferenceBook reference = CaptureReference.hftbacktest(capture, false, lastDiff.get("u").asLong());
            final ReferenceBook served = new ReferenceBook(false);
            served.onSnapshot(snapshot);
            assertEquals(reference.top(true, Integer.MAX_VALUE), served.top(true, Integer.MAX_VALUE));
            assertEquals(reference.top(false, Integer.MAX_VALUE), served.top(false, Integer.MAX_VALUE));

            final JsonNode five = json(get(sim.restUri() + "/api/v3/depth?symbol=BTCUSDT&limit=5").body());
            assertEquals(5, five.get("bids").size());
            assertEquals(5, five.get("asks").size());
            assertEquals(100, json(get(sim.restUri() + "/api/v3/depth?symbol=BTCUSDT").body()).get("bids").size(),
                "spot's default limit");
        }
    }

    @Test
    void shouldNameSymbolAndPairInCoinMarginedDepth(@TempDir final Path dir)
    {
        final Path capture = SimTests.coinmCapture(dir);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000_000_000_000L);
        try (SimExchange sim = replayFiveSeconds(SimVenue.BINANCE_COINM, capture, clock))
        {
            final HttpResponse<String> response = get(sim.restUri() + "/dapi/v1/depth?symbol=BTCUSD_PERP&limit=5");
            assertEquals(200, response.statusCode(), response.body());
            final JsonNode snapshot = json(response.body());
            assertEquals(List.of("lastUpdateId", "symbol", "pair", "E", "T", "bids", "asks"), fieldNames(snapshot));
            assertEquals("BTCUSD_PERP", snapshot.get("symbol").asText());
            assertEquals("BTCUSD", snapshot.get("pair").asText());
            assertEquals(5, snapshot.get("asks").size());
            assertEquals("2", response.headers().firstValue("x-mbx-used-weight-1m").get());
        }
    }

    @Test
    void shouldServeAGeneratedExchangeInfoForHftbacktestCaptures() throws IOException
    {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_700_000_000_123_000_000L);
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_SPOT)
            .replayFiles(List.of(TestData.file(SimTests.SPOT_BTC), TestData.file(SimTests.SPOT_ETH)))
            .clock(clock)))
        {
            final HttpResponse<String> response = get(sim.restUri() + "/api/v3/exchangeInfo");
            assertEquals(200, response.statusCode());
            assertEquals("20", response.headers().firstValue("x-mbx-used-weight-1m").get());
            final JsonNode info = json(response.body());
            assertEquals(1_700_000_000_123L, info.get("serverTime").asLong());
            assertEquals(2, info.get("symbols").size());

            final BinanceExchangeInfo.Result parsed = BinanceExchangeInfo.parse(
                new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), Venue.BINANCE_SPOT);
            final Instrument btc = parsed.instruments().stream()
                .filter((i) -> "BTCUSDT".equals(i.symbol())).findFirst().orElseThrow();
            assertEquals("BTC", btc.baseAsset());
            assertEquals("USDT", btc.quoteAsset());
            assertEquals(1_000_000L, btc.tickSize(), "0.01 at 10^-8: BTCUSDT spot prints two significant decimals");
            final JsonNode snapshot = json(SimTests.capture(SimTests.SPOT_BTC).stream()
                .filter(SimTests.CaptureLine::isSnapshot).findFirst().orElseThrow().json());
            for (final JsonNode level : snapshot.get("bids"))
            {
                final long qty = new java.math.BigDecimal(level.get(1).asText()).movePointRight(8).longValueExact();
                assertEquals(0, qty % btc.stepSize(), "step divides every quantity of the capture: " + level);
            }
        }
    }

    @Test
    void shouldServeTheExchangeInfoRecordedWithACryptofeedSession()
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_SPOT)
            .replayFiles(List.of(TestData.file(SimTests.CRYPTOFEED_SPOT)))))
        {
            final JsonNode info = json(get(sim.restUri() + "/api/v3/exchangeInfo").body());
            assertEquals(1695, info.get("symbols").size());
            assertTrue(Math.abs(System.currentTimeMillis() - info.get("serverTime").asLong()) < 60_000,
                "serverTime is now, not when it was recorded");
        }
    }

    @Test
    void shouldHoldDepthRequestsUntilTheReplayReachesTheCapturesSnapshot() throws Exception
    {
        final Path capture = TestData.file(SimTests.USDM_ETH);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000_000_000_000L);
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
            .replayFiles(List.of(capture))
            .clock(clock)))
        {
            SimTests.await("the first frame", () -> sim.counters().get("source frames") >= 1);
            final java.util.concurrent.CompletableFuture<HttpResponse<String>> pending =
                java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> get(sim.restUri() + "/fapi/v1/depth?symbol=ETHUSDT&limit=5"));
            Thread.sleep(300);
            assertTrue(!pending.isDone(), "no book before the capture's snapshot: the request waits");

            clock.advance(FIVE_SECONDS_NS);
            final HttpResponse<String> response = pending.get(20, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(5, json(response.body()).get("bids").size());
        }
    }

    @Test
    void shouldAnswer503WhenTheBookDoesNotComeInTime()
    {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000_000_000_000L);
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
            .replayFiles(List.of(TestData.file(SimTests.USDM_ETH)))
            .clock(clock)
            .depthRequestTimeoutNs(TimeUnit.MILLISECONDS.toNanos(300))))
        {
            SimTests.await("the first frame", () -> sim.counters().get("source frames") >= 1);
            assertError(get(sim.restUri() + "/fapi/v1/depth?symbol=ETHUSDT"), 503, -1007, null);
        }
    }

    @Test
    void shouldAnswerBadRequestsAsBinanceDoes()
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
            .replayFiles(List.of(TestData.file(SimTests.USDM_BTC)))))
        {
            assertError(get(sim.restUri() + "/fapi/v1/depth"), 400, -1102,
                "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
            assertError(get(sim.restUri() + "/fapi/v1/depth?symbol=NOPEUSDT"), 400, -1121, "Invalid symbol.");
            assertError(get(sim.restUri() + "/fapi/v1/depth?symbol=BTCUSDT&limit=abc"), 400, -1100, null);
            assertError(get(sim.restUri() + "/fapi/v1/depth?symbol=BTCUSDT&limit=0"), 400, -1100, null);
            assertEquals(404, get(sim.restUri() + "/api/v3/depth?symbol=BTCUSDT").statusCode(), "spot path");
            assertEquals(404, get(sim.restUri() + "/fapi/v1/klines?symbol=BTCUSDT").statusCode());
            assertEquals("{}", get(sim.restUri() + "/fapi/v1/ping").body());
            assertTrue(json(get(sim.restUri() + "/fapi/v1/time").body()).has("serverTime"));
            assertEquals(1000, json(get(sim.restUri() + "/fapi/v1/depth?symbol=BTCUSDT&limit=5000").body())
                .get("bids").size(), "a limit above the maximum gives the maximum");
        }
    }

    @Test
    void shouldAnswer429WithRetryAfterPastTheWeightLimit()
    {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(TimeUnit.MINUTES.toNanos(29_000_000));
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_SPOT)
            .replayFiles(List.of(TestData.file(SimTests.SPOT_BTC)))
            .clock(clock)
            .requestWeightLimit(10)))
        {
            clock.advance(TimeUnit.SECONDS.toNanos(15));
            assertEquals("5", get(sim.restUri() + "/api/v3/depth?symbol=BTCUSDT&limit=5").headers()
                .firstValue("x-mbx-used-weight-1m").get());
            assertEquals("10", get(sim.restUri() + "/api/v3/depth?symbol=BTCUSDT&limit=5").headers()
                .firstValue("x-mbx-used-weight-1m").get());
            final HttpResponse<String> throttled = get(sim.restUri() + "/api/v3/depth?symbol=BTCUSDT&limit=5");
            assertError(throttled, 429, -1003, null);
            assertEquals("45", throttled.headers().firstValue("retry-after").get(), "seconds to the next minute");

            clock.advance(TimeUnit.SECONDS.toNanos(45));
            final HttpResponse<String> next = get(sim.restUri() + "/api/v3/depth?symbol=BTCUSDT&limit=5");
            assertEquals(200, next.statusCode(), "a new minute");
            assertEquals("5", next.headers().firstValue("x-mbx-used-weight-1m").get());
        }
    }

    @Test
    void shouldServeRestOnItsOwnPortWhenAsked()
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
            .replayFiles(List.of(TestData.file(SimTests.USDM_BTC)))
            .restPort(0)))
        {
            assertTrue(sim.restPort() != sim.webSocketPort());
            assertEquals(200, get(sim.restUri() + "/fapi/v1/ping").statusCode());
            assertEquals(404, get(sim.webSocketUri().replace("ws:", "http:") + "/fapi/v1/ping").statusCode());
            assertTrue(TestWsClient.refusal(sim.restUri().replace("http:", "ws:") + "/ws").startsWith("404"));
            try (TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/ws", true))
            {
                client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}");
                assertEquals("{\"result\":[],\"id\":1}", client.next(SimTests.WAIT));
            }
        }
    }

    static void assertError(final HttpResponse<String> response, final int status, final int code, final String msg)
    {
        assertEquals(status, response.statusCode(), response.body());
        final JsonNode error = json(response.body());
        assertEquals(List.of("code", "msg"), fieldNames(error));
        assertEquals(code, error.get("code").asInt(), response.body());
        if (null != msg)
        {
            assertEquals(msg, error.get("msg").asText());
        }
    }

    static List<String> fieldNames(final JsonNode node)
    {
        final List<String> names = new ArrayList<>();
        for (final Iterator<String> it = node.fieldNames(); it.hasNext(); )
        {
            names.add(it.next());
        }
        return names;
    }
}
