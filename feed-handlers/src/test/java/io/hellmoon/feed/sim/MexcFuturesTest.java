/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static io.hellmoon.feed.sim.SimTests.WAIT;
import static io.hellmoon.feed.sim.SimTests.get;
import static io.hellmoon.feed.sim.SimTests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * MEXC futures over loopback: the protocol (subscribe, unsubscribe, ping, errors, the client-ping timeout), pushes and
 * REST replies shaped exactly as the real messages in {@code mexc.jsonl} (same fields in the same order, numbers where
 * MEXC sends numbers), and a client syncing a book from the REST depth and the contiguous push versions.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MexcFuturesTest
{
    private static SimExchange mexc(final SimExchange.Context ctx)
    {
        return SimExchange.launch(ctx.syntheticInstruments(40).syntheticMessageRate(4_000).seed(11));
    }

    @Test
    void shouldPushMessagesShapedLikeTheRealOnes()
    {
        final Map<String, JsonNode> real = realMessages();
        try (SimExchange sim = mexc(SimTests.context(SimVenue.MEXC_FUTURES));
            TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/edge", true))
        {
            final List<String> symbols = sim.symbols();
            assertEquals("SYN0001_USDT", symbols.get(0));
            for (final String symbol : symbols)
            {
                for (final String channel : List.of("deal", "depth", "ticker", "kline"))
                {
                    client.send("{\"method\":\"sub." + channel + "\",\"param\":{\"symbol\":\"" + symbol + "\"" +
                        ("kline".equals(channel) ? ",\"interval\":\"Min1\"" : "") + "}}");
                }
            }

            final Map<String, JsonNode> seen = new HashMap<>();
            int replies = 0;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while ((seen.size() < 4 || replies < symbols.size() * 4) && System.nanoTime() < deadline)
            {
                final String text = client.poll(Duration.ofMillis(100));
                if (null == text)
                {
                    continue;
                }
                final JsonNode message = json(text);
                final String channel = message.get("channel").asText();
                if (channel.startsWith("rs.sub."))
                {
                    assertEquals("success", message.get("data").asText());
                    assertTrue(message.get("ts").isNumber());
                    replies++;
                    continue;
                }
                assertTrue(real.containsKey(channel), "a push MEXC sends: " + text);
                assertSameShape(real.get(channel), message, channel);
                assertTrue(message.get("symbol").asText().matches("SYN\\d{4}_USDT"));
                seen.putIfAbsent(channel, message);
            }
            assertEquals(java.util.Set.of("push.deal", "push.depth", "push.ticker", "push.kline"), seen.keySet(),
                "every channel pushed");
            final JsonNode deal = seen.get("push.deal").get("data");
            assertTrue(deal.get("T").asInt() == 1 || deal.get("T").asInt() == 2);
            assertTrue(deal.get("v").isIntegralNumber(), "volumes in contracts");
            assertEquals("Min1", seen.get("push.kline").get("data").get("interval").asText());
        }
    }

    @Test
    void shouldAnswerPingsSubscriptionsAndErrors()
    {
        try (SimExchange sim = mexc(SimTests.context(SimVenue.MEXC_FUTURES));
            TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/edge", true))
        {
            client.send("{\"method\":\"ping\"}");
            final JsonNode pong = json(client.next(WAIT));
            assertEquals("pong", pong.get("channel").asText());
            assertTrue(Math.abs(System.currentTimeMillis() - pong.get("data").asLong()) < 60_000);

            client.send("{\"method\":\"sub.deal\",\"param\":{\"symbol\":\"BTC_USDT\"}}");
            final JsonNode unknown = json(client.next(WAIT));
            assertEquals("rs.error", unknown.get("channel").asText());
            assertEquals("Contract doesn't exist!", unknown.get("data").asText());

            client.send("{\"method\":\"sub.kline\",\"param\":{\"symbol\":\"SYN0001_USDT\",\"interval\":\"Min60\"}}");
            assertEquals("rs.error", json(client.next(WAIT)).get("channel").asText(), "only Min1 klines");

            client.send("{\"method\":\"sub.funding\",\"param\":{\"symbol\":\"SYN0001_USDT\"}}");
            assertEquals("rs.error", json(client.next(WAIT)).get("channel").asText());

            client.send("not json");
            assertEquals("rs.error", json(client.next(WAIT)).get("channel").asText());

            client.send("{\"method\":\"sub.deal\",\"param\":{\"symbol\":\"SYN0001_USDT\"}}");
            assertEquals("rs.sub.deal", awaitChannel(client, "rs.sub.deal").get("channel").asText());
            client.send("{\"method\":\"unsub.deal\",\"param\":{\"symbol\":\"SYN0001_USDT\"}}");
            awaitChannel(client, "rs.unsub.deal");
            SimTests.await("unsubscribed", () -> 0 == sim.counters().subscriptions());
        }
    }

    @Test
    void shouldCloseConnectionsThatDoNotPing()
    {
        try (SimExchange sim = mexc(SimTests.context(SimVenue.MEXC_FUTURES)
                .heartbeatTimeoutNs(TimeUnit.MILLISECONDS.toNanos(600)));
            TestWsClient pinging = TestWsClient.connect(sim.webSocketUri() + "/edge", true);
            TestWsClient silent = TestWsClient.connect(sim.webSocketUri() + "/edge", true))
        {
            final long start = System.nanoTime();
            while (!silent.isClosed() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10))
            {
                pinging.send("{\"method\":\"ping\"}");
                pinging.poll(Duration.ofMillis(100));
            }
            assertEquals(-1, silent.awaitClose(WAIT));
            assertTrue(!pinging.isClosed(), "a client that pings stays connected");
            assertEquals(1, sim.counters().get("heartbeat disconnects"));
        }
    }

    @Test
    void shouldServeRestDepthAndContractsShapedLikeTheRealOnes()
    {
        final JsonNode realDepth = realMessages().get("rest.depth");
        try (SimExchange sim = mexc(SimTests.context(SimVenue.MEXC_FUTURES)))
        {
            final HttpResponse<String> depth = get(sim.restUri() + "/api/v1/contract/depth/SYN0003_USDT?limit=5");
            assertEquals(200, depth.statusCode());
            final JsonNode reply = json(depth.body());
            assertSameShape(realDepth, reply, "depth");
            assertEquals(5, reply.get("data").get("asks").size());
            assertTrue(depth.headers().firstValue("x-mbx-used-weight-1m").isEmpty(), "no Binance headers");

            final JsonNode missing = json(get(sim.restUri() + "/api/v1/contract/depth/NOPE_USDT").body());
            assertEquals(false, missing.get("success").asBoolean());
            assertEquals(1001, missing.get("code").asInt());

            final JsonNode contracts = json(get(sim.restUri() + "/api/v1/contract/detail").body());
            assertEquals(40, contracts.get("data").size());
            final JsonNode first = contracts.get("data").get(0);
            assertEquals("SYN0001_USDT", first.get("symbol").asText());
            assertTrue(first.get("contractSize").isNumber() && first.get("priceUnit").isNumber());

            final JsonNode ping = json(get(sim.restUri() + "/api/v1/contract/ping").body());
            assertTrue(ping.get("success").asBoolean() && ping.get("data").isNumber());
        }
    }

    @Test
    void shouldLetAClientSyncABookFromRestDepthAndContiguousVersions()
    {
        try (SimExchange sim = mexc(SimTests.context(SimVenue.MEXC_FUTURES)
                .faults(FaultSpec.parse("drop-diff-every=30")));
            TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/edge", true))
        {
            final String symbol = "SYN0002_USDT";
            final String depthUri = sim.restUri() + "/api/v1/contract/depth/" + symbol;
            client.send("{\"method\":\"sub.depth\",\"param\":{\"symbol\":\"" + symbol + "\"}}");
            awaitChannel(client, "rs.sub.depth");

            final MexcBook book = new MexcBook();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((book.applied < 100 || book.resyncs < 1) && System.nanoTime() < deadline)
            {
                final JsonNode push = json(client.next(WAIT));
                if (!book.onPush(push.get("data")))
                {
                    book.load(json(get(depthUri).body()).get("data"));
                }
            }
            assertTrue(book.resyncs >= 1, "the dropped pushes were seen as version gaps");

            // The REST book at version V equals the client's book once it has applied the push of version V.
            final JsonNode snapshot = json(get(depthUri).body()).get("data");
            final long version = snapshot.get("version").asLong();
            while (book.version < version && System.nanoTime() < deadline)
            {
                if (!book.onPush(json(client.next(WAIT)).get("data")))
                {
                    fail("gap while catching up with version " + version);
                }
            }
            if (book.version == version)
            {
                final MexcBook rest = new MexcBook();
                rest.load(snapshot);
                assertEquals(rest.levels(rest.bids), book.levels(book.bids));
                assertEquals(rest.levels(rest.asks), book.levels(book.asks));
            }
            else
            {
                // The push of the REST version was dropped by the fault: a version gap, as on a lossy connection.
                assertTrue(sim.counters().get("fault diffs dropped") > 0);
            }
        }
    }

    private static JsonNode awaitChannel(final TestWsClient client, final String channel)
    {
        while (true)
        {
            final JsonNode message = json(client.next(WAIT));
            if (channel.equals(message.get("channel").asText()))
            {
                return message;
            }
        }
    }

    /**
     * The real messages of each kind, from {@code mexc.jsonl}: the futures pushes with {@code ts} and a REST depth
     * reply.
     */
    private static Map<String, JsonNode> realMessages()
    {
        final Map<String, JsonNode> real = new HashMap<>();
        for (final String line : io.hellmoon.feed.testing.ReferenceRebuild.lines(
            TestData.file("mexc/mexc.jsonl")))
        {
            final JsonNode message = json(line);
            if (message.isObject() && message.has("ts") && message.has("channel"))
            {
                final String channel = message.get("channel").asText();
                if (List.of("push.deal", "push.depth", "push.ticker", "push.kline").contains(channel))
                {
                    real.putIfAbsent(channel, message);
                }
            }
            else if (message.has("success") && message.get("data").has("timestamp"))
            {
                real.putIfAbsent("rest.depth", message);
            }
        }
        return real;
    }

    /**
     * Same fields in the same order, and the same JSON type for every value, recursively (the first element of
     * arrays).
     */
    private static void assertSameShape(final JsonNode expected, final JsonNode actual, final String path)
    {
        assertEquals(expected.getNodeType(), actual.getNodeType(), path + ": " + actual);
        if (expected.isObject())
        {
            assertEquals(BinanceRestTest.fieldNames(expected), BinanceRestTest.fieldNames(actual), path);
            for (final Iterator<String> it = expected.fieldNames(); it.hasNext(); )
            {
                final String name = it.next();
                assertSameShape(expected.get(name), actual.get(name), path + "." + name);
            }
        }
        else if (expected.isArray() && expected.size() > 0 && actual.size() > 0)
        {
            assertSameShape(expected.get(0), actual.get(0), path + "[0]");
        }
    }

    /**
     * TEST ONLY: MEXC's procedure: a REST depth snapshot and its version, then pushes whose version is exactly the
     * previous one plus 1; a gap means a new snapshot.
     */
    private static final class MexcBook
    {
        final NavigableMap<BigDecimal, Long> bids = new TreeMap<>(Collections.reverseOrder());
        final NavigableMap<BigDecimal, Long> asks = new TreeMap<>();
        long version = -1;
        int applied;
        int resyncs;
        final List<JsonNode> buffered = new ArrayList<>();

        void load(final JsonNode data)
        {
            bids.clear();
            asks.clear();
            set(bids, data.get("bids"));
            set(asks, data.get("asks"));
            version = data.get("version").asLong();
            final List<JsonNode> pending = new ArrayList<>(buffered);
            buffered.clear();
            for (final JsonNode push : pending)
            {
                onPush(push);
            }
        }

        /**
         * @return false if the book needs a snapshot.
         */
        boolean onPush(final JsonNode push)
        {
            if (version < 0)
            {
                buffered.add(push);
                return false;
            }
            final long pushVersion = push.get("version").asLong();
            if (pushVersion <= version)
            {
                return true;
            }
            if (pushVersion != version + 1)
            {
                resyncs++;
                version = -1;
                buffered.clear();
                buffered.add(push);
                return false;
            }
            set(bids, push.get("bids"));
            set(asks, push.get("asks"));
            version = pushVersion;
            applied++;
            return true;
        }

        private static void set(final Map<BigDecimal, Long> side, final JsonNode levels)
        {
            for (final JsonNode level : levels)
            {
                final BigDecimal price = level.get(0).decimalValue().stripTrailingZeros();
                final long volume = level.get(1).asLong();
                if (0 == volume)
                {
                    side.remove(price);
                }
                else
                {
                    side.put(price, volume);
                }
            }
        }

        List<String> levels(final Map<BigDecimal, Long> side)
        {
            final List<String> levels = new ArrayList<>();
            side.forEach((price, volume) -> levels.add(price.toPlainString() + "=" + volume));
            return levels;
        }
    }
}
