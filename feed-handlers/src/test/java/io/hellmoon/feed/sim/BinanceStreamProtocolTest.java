/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.hellmoon.feed.sim.SimTests.WAIT;
import static io.hellmoon.feed.sim.SimTests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Binance's WebSocket stream protocol over real loopback sockets: raw and combined endpoints, live subscription
 * messages and their errors, envelopes byte-equal to the capture, only subscribed streams delivered, the incoming
 * message and stream limits, pings and the pong timeout, and the connection lifetime.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BinanceStreamProtocolTest
{
    private static SimExchange replayUsdm(final SimExchange.Context ctx)
    {
        return SimExchange.launch(ctx
            .replayFiles(List.of(TestData.file(SimTests.USDM_BTC)))
            .speed(ReplaySpeed.MAX)
            .waitForSubscriber(true));
    }

    @Test
    void shouldServeCombinedEnvelopesByteEqualToTheCapture()
    {
        final List<SimTests.CaptureLine> trades =
            SimTests.frames(SimTests.capture(SimTests.USDM_BTC), "btcusdt@trade"::equals);
        try (SimExchange sim = replayUsdm(SimTests.context(SimVenue.BINANCE_USDM));
            TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/stream?streams=btcusdt@trade", true))
        {
            for (int i = 0; i < 500; i++)
            {
                assertEquals(trades.get(i).json(), client.next(WAIT), "trade " + i);
            }
        }
    }

    @Test
    void shouldServeRawPayloadsOnWsEndpoints()
    {
        final List<SimTests.CaptureLine> tickers =
            SimTests.frames(SimTests.capture(SimTests.USDM_BTC), "btcusdt@bookTicker"::equals);
        try (SimExchange sim = replayUsdm(SimTests.context(SimVenue.BINANCE_USDM));
            TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/ws/btcusdt@bookTicker", true))
        {
            for (int i = 0; i < 500; i++)
            {
                assertEquals(tickers.get(i).data(), client.next(WAIT), "bookTicker " + i);
            }
        }
    }

    @Test
    void shouldDeliverOnlySubscribedStreamsAndAnswerSubscriptionMessages()
    {
        final List<SimTests.CaptureLine> lines = SimTests.capture(SimTests.USDM_BTC);
        final List<SimTests.CaptureLine> trades = SimTests.frames(lines, "btcusdt@trade"::equals);
        try (SimExchange sim = replayUsdm(SimTests.context(SimVenue.BINANCE_USDM));
            TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/stream", true))
        {
            client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}");
            assertEquals("{\"result\":[],\"id\":1}", client.next(WAIT));
            assertFalse(sim.isTimelineStarted(), "the timeline waits for the first subscription");

            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"ethusdt@trade\"],\"id\":2}");
            assertEquals("{\"result\":null,\"id\":2}", client.next(WAIT));
            for (int i = 0; i < 200; i++)
            {
                assertEquals(trades.get(i).json(), client.next(WAIT), "only btcusdt@trade, in capture order");
            }

            client.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":\"abc\"}");
            String reply;
            do
            {
                reply = client.next(WAIT);
                assertTrue(reply.startsWith("{\"stream\":\"btcusdt@trade\"") || reply.startsWith("{\"result\""),
                    reply);
            }
            while (!reply.startsWith("{\"result\""));
            assertEquals("{\"result\":null,\"id\":\"abc\"}", reply);

            client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}");
            // A frame the market thread routed while the UNSUBSCRIBE was being handled may still follow the reply,
            // as on the real exchange; after that the stream must stop.
            do
            {
                reply = client.next(WAIT);
                assertTrue(reply.startsWith("{\"stream\":\"btcusdt@trade\"") || reply.startsWith("{\"result\""),
                    reply);
            }
            while (!reply.startsWith("{\"result\""));
            assertEquals("{\"result\":[\"ethusdt@trade\"],\"id\":3}", reply);
            assertEquals(null, client.poll(Duration.ofMillis(300)), "nothing after unsubscribing");
        }
    }

    @Test
    void shouldSubscribeStreamsNamedInTheUrlAndSwitchEnvelopesByProperty()
    {
        try (SimExchange sim = replayUsdm(SimTests.context(SimVenue.BINANCE_USDM));
            TestWsClient client = TestWsClient.connect(
                sim.webSocketUri() + "/stream?streams=btcusdt@trade/btcusdt@depth@0ms", true))
        {
            client.send("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":7}");
            String reply = awaitReply(client);
            assertEquals("{\"result\":true,\"id\":7}", reply);
            client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":8}");
            assertEquals("{\"result\":[\"btcusdt@trade\",\"btcusdt@depth@0ms\"],\"id\":8}", awaitReply(client));

            client.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",false],\"id\":9}");
            assertEquals("{\"result\":null,\"id\":9}", awaitReply(client));
            client.send("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":10}");
            assertEquals("{\"result\":false,\"id\":10}", awaitReply(client));
            client.drain();
            final String raw = client.next(WAIT);
            assertTrue(raw.startsWith("{\"e\":\"trade\"") || raw.startsWith("{\"e\":\"depthUpdate\""), raw);
        }
    }

    @Test
    void shouldAnswerBadRequestsWithBinanceErrors()
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_SPOT)
                .replayFiles(List.of(TestData.file(SimTests.SPOT_BTC)))
                .maxIncomingMessagesPerSecond(0));
            TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/ws", true))
        {
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"");
            assertStartsWith(
                "{\"error\":{\"code\":3,\"msg\":\"Invalid JSON: ", awaitReply(client));

            client.send("{\"params\":[\"btcusdt@trade\"],\"id\":1}");
            assertStartsWith(
                "{\"error\":{\"code\":2,\"msg\":\"Invalid request: missing field `method`", awaitReply(client));

            client.send("{\"method\":\"SUBSCRIB\",\"params\":[\"btcusdt@trade\"],\"id\":2}");
            assertStartsWith("{\"error\":{\"code\":2,\"msg\":" +
                "\"Invalid request: unknown variant `SUBSCRIB`, expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, " +
                "`LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY` at line 1 column ", awaitReply(client));

            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":-5}");
            assertEquals("{\"error\":{\"code\":2,\"msg\":\"Invalid request: request ID must be an unsigned " +
                "integer\"},\"id\":null}", awaitReply(client));

            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"not a stream\"],\"id\":3}");
            assertEquals("{\"error\":{\"code\":2,\"msg\":\"Invalid request: invalid stream\"},\"id\":3}",
                awaitReply(client));

            client.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"colour\",true],\"id\":4}");
            assertEquals("{\"error\":{\"code\":0,\"msg\":\"Unknown property\"},\"id\":4}", awaitReply(client));

            client.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",\"yes\"],\"id\":5}");
            assertEquals("{\"error\":{\"code\":1,\"msg\":\"Invalid value type: expected Boolean\"},\"id\":5}",
                awaitReply(client));

            client.send("{\"method\":\"GET_PROPERTY\",\"params\":[7],\"id\":6}");
            assertEquals("{\"error\":{\"code\":2,\"msg\":\"Invalid request: property name must be a string\"}," +
                "\"id\":6}", awaitReply(client));

            client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":null}");
            assertEquals("{\"result\":[],\"id\":null}", awaitReply(client));
            assertFalse(client.isClosed(), "errors do not close the connection");
        }
    }

    @Test
    void shouldRefuseBadEndpointsAndStreamNamesAtConnect()
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
            .replayFiles(List.of(TestData.file(SimTests.USDM_BTC)))))
        {
            assertStartsWith("404", TestWsClient.refusal(sim.webSocketUri() + "/nowhere"));
            assertStartsWith("400 {\"error\":{\"code\":2,\"msg\":\"Invalid request: invalid stream",
                TestWsClient.refusal(sim.webSocketUri() + "/stream?streams=BTCUSDT@trade"));
        }
    }

    @Test
    void shouldDisconnectAConnectionSendingMoreMessagesPerSecondThanTheVenueAllows()
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
                .replayFiles(List.of(TestData.file(SimTests.USDM_BTC))));
            TestWsClient polite = TestWsClient.connect(sim.webSocketUri() + "/ws", true);
            TestWsClient flooding = TestWsClient.connect(sim.webSocketUri() + "/ws", true))
        {
            for (int i = 1; i <= 10; i++)
            {
                polite.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + i + "}");
            }
            for (int i = 1; i <= 10; i++)
            {
                assertEquals("{\"result\":[],\"id\":" + i + "}", polite.next(WAIT));
            }

            for (int i = 1; i <= 11; i++)
            {
                flooding.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + i + "}");
            }
            assertEquals(1008, flooding.awaitClose(WAIT), "closed with policy violation");
            assertEquals(10, flooding.drain().size(), "the first ten were answered");
            assertFalse(polite.isClosed(), "ten in a second is within the futures limit");
            assertEquals(1, sim.counters().get("message rate disconnects"));
        }
    }

    @Test
    void shouldCountPingsAndPongsAgainstTheSpotLimitOfFive()
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_SPOT)
                .replayFiles(List.of(TestData.file(SimTests.SPOT_BTC))));
            TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/ws", true))
        {
            for (int i = 0; i < 6; i++)
            {
                client.ping();
            }
            assertEquals(1008, client.awaitClose(WAIT));
        }
    }

    @Test
    void shouldLimitStreamsPerConnection()
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
                .replayFiles(List.of(TestData.file(SimTests.USDM_BTC))));
            TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/stream", true))
        {
            final StringBuilder params = new StringBuilder();
            for (int i = 0; i < 1024; i++)
            {
                params.append(i > 0 ? "," : "").append("\"sym").append(i).append("usdt@trade\"");
            }
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[" + params + "],\"id\":1}");
            assertEquals("{\"result\":null,\"id\":1}", awaitReply(client));
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":2}");
            assertEquals("{\"error\":{\"code\":2,\"msg\":\"Invalid request: too many streams\"},\"id\":2}",
                awaitReply(client));
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"sym5usdt@trade\"],\"id\":3}");
            assertEquals("{\"result\":null,\"id\":3}", awaitReply(client), "re-subscribing adds no stream");
            assertEquals(1024, sim.counters().subscriptions());

            final StringBuilder tooMany = new StringBuilder("/stream?streams=");
            for (int i = 0; i < 1025; i++)
            {
                tooMany.append(i > 0 ? "/" : "").append("s").append(i).append("@trade");
            }
            assertStartsWith("400", TestWsClient.refusal(sim.webSocketUri() + tooMany));
        }
    }

    @Test
    void shouldPingAndCloseConnectionsThatDoNotPong()
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_SPOT)
                .replayFiles(List.of(TestData.file(SimTests.SPOT_BTC)))
                .pingIntervalNs(TimeUnit.MILLISECONDS.toNanos(100))
                .heartbeatTimeoutNs(TimeUnit.MILLISECONDS.toNanos(400))
                .maxIncomingMessagesPerSecond(0));
            TestWsClient answering = TestWsClient.connect(sim.webSocketUri() + "/ws", true);
            TestWsClient silent = TestWsClient.connect(sim.webSocketUri() + "/ws", false))
        {
            final long start = System.nanoTime();
            assertEquals(-1, silent.awaitClose(WAIT), "closed without a close frame");
            final long closedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(closedAfterMs >= 300 && closedAfterMs < 3_000, "closed after " + closedAfterMs + " ms");
            assertTrue(silent.pings() >= 3, "pinged " + silent.pings() + " times");

            SimTests.await("more pings to the answering client", () -> answering.pings() >= 10);
            assertFalse(answering.isClosed(), "a client that pongs stays connected");
            assertEquals(1, sim.counters().get("heartbeat disconnects"));
        }
    }

    @Test
    void shouldCloseConnectionsAtTheEndOfTheirLifetime()
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
                .replayFiles(List.of(TestData.file(SimTests.USDM_BTC)))
                .connectionLifetimeNs(TimeUnit.MILLISECONDS.toNanos(500)));
            TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/ws/btcusdt@trade", true))
        {
            final long start = System.nanoTime();
            assertEquals(1000, client.awaitClose(WAIT));
            final long lifetimeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(lifetimeMs >= 400 && lifetimeMs < 3_000, "closed after " + lifetimeMs + " ms");
            SimTests.await("the close counted", () -> 1 == sim.counters().get("lifetime disconnects"));
            SimTests.await("the connection gone", () -> 0 == sim.counters().connectionsOpen());
        }
    }

    static void assertStartsWith(final String prefix, final String actual)
    {
        assertTrue(actual.startsWith(prefix), "expected to start with " + prefix + ": " + actual);
    }

    /**
     * The next message that is a reply (not stream data).
     */
    static String awaitReply(final TestWsClient client)
    {
        final List<String> skipped = new ArrayList<>();
        while (true)
        {
            final String text = client.next(WAIT);
            final JsonNode node = json(text);
            if (node.has("result") || node.has("error"))
            {
                return text;
            }
            skipped.add(text);
            assertTrue(skipped.size() < 100_000, "no reply");
        }
    }
}
