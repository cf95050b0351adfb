/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hellmoon.codecs.BinanceExchangeInfo;
import io.hellmoon.sbe.Venue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.hellmoon.feed.sim.SimTests.WAIT;
import static io.hellmoon.feed.sim.SimTests.get;
import static io.hellmoon.feed.sim.SimTests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthetic market served as Binance USD-M in real time: 2,000 symbols over as many connections as the stream
 * limit needs, every symbol reaching the clients subscribed to it, exchangeInfo describing the universe, and REST
 * snapshots a client syncs its books from.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SyntheticMarketServingTest
{
    @Test
    void shouldServeEverySymbolOf2000ToClientsSubscribedToAll() throws IOException
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
            .syntheticInstruments(2_000)
            .seed(42)))
        {
            final List<String> symbols = sim.symbols();
            assertEquals(2_000, symbols.size());

            final HttpResponse<String> info = get(sim.restUri() + "/fapi/v1/exchangeInfo");
            assertEquals(200, info.statusCode());
            assertEquals(2_000, BinanceExchangeInfo.parse(
                new ByteArrayInputStream(info.body().getBytes(StandardCharsets.UTF_8)), Venue.BINANCE_USDM)
                .instruments().size());

            final List<TestWsClient> clients = new ArrayList<>();
            try
            {
                for (int from = 0; from < symbols.size(); from += 1000)
                {
                    final TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/stream", true);
                    clients.add(client);
                    final StringBuilder params = new StringBuilder();
                    for (int i = from; i < from + 1000; i++)
                    {
                        params.append(i > from ? "," : "").append('"')
                            .append(symbols.get(i).toLowerCase(Locale.ROOT)).append("@markPrice\"");
                    }
                    client.send("{\"method\":\"SUBSCRIBE\",\"params\":[" + params + "],\"id\":1}");
                }
                SimTests.await("2,000 streams over two connections (1024 each at most)",
                    () -> 2_000 == sim.counters().subscriptions());

                final Set<String> seen = new HashSet<>();
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                long frames = 0;
                while (seen.size() < symbols.size() && System.nanoTime() < deadline)
                {
                    for (final TestWsClient client : clients)
                    {
                        String text;
                        while (null != (text = client.poll(Duration.ofMillis(1))))
                        {
                            final JsonNode message = json(text);
                            if (message.has("result"))
                            {
                                assertEquals("{\"result\":null,\"id\":1}", text);
                                continue;
                            }
                            final String stream = message.get("stream").asText();
                            assertTrue(stream.endsWith("@markPrice"), "only subscribed streams: " + stream);
                            assertEquals("markPriceUpdate", message.get("data").get("e").asText());
                            seen.add(message.get("data").get("s").asText());
                            frames++;
                        }
                    }
                }
                assertEquals(symbols.size(), seen.size(), "symbols seen after " + frames + " frames");
            }
            finally
            {
                clients.forEach(TestWsClient::close);
            }
        }
    }

    @Test
    void shouldLetClientsSyncSyntheticBooksFromRestSnapshots()
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
            .syntheticInstruments(20)
            .syntheticMessageRate(2_000)
            .seed(7)
            .faults(FaultSpec.parse("drop-diff-every=25"))))
        {
            final List<BookClient> clients = new ArrayList<>();
            try
            {
                for (final String symbol : sim.symbols().subList(0, 5))
                {
                    clients.add(new BookClient(
                        sim.webSocketUri() + "/ws/" + symbol.toLowerCase(Locale.ROOT) + "@depth@100ms",
                        sim.restUri() + "/fapi/v1/depth?symbol=" + symbol + "&limit=1000", true));
                }
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
                while (System.nanoTime() < deadline)
                {
                    for (final BookClient client : clients)
                    {
                        client.step(Duration.ofMillis(2));
                    }
                }
                long applied = 0;
                int resyncs = 0;
                for (final BookClient client : clients)
                {
                    if (client.diffs() > 0)
                    {
                        assertTrue(client.book().isLive(), "synced");
                        assertFalse(client.book().isCrossed(), "crossed");
                        assertTrue(client.book().size(true) > 0 && client.book().size(false) > 0);
                    }
                    applied += client.book().appliedDiffs();
                    resyncs += client.resyncs();
                }
                assertTrue(applied > 50, "diffs applied: " + applied);
                assertTrue(resyncs > 0, "dropped diffs made clients resync from fresh snapshots");

                final JsonNode snapshot = json(get(sim.restUri() + "/fapi/v1/depth?symbol=" +
                    sim.symbols().get(0) + "&limit=5").body());
                assertEquals(List.of("lastUpdateId", "E", "T", "bids", "asks"), BinanceRestTest.fieldNames(snapshot));
                assertEquals(5, snapshot.get("bids").size());
            }
            finally
            {
                clients.forEach(BookClient::close);
            }
        }
    }

    @Test
    void shouldRefuseUnknownSyntheticSymbols()
    {
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM).syntheticInstruments(10)))
        {
            BinanceRestTest.assertError(get(sim.restUri() + "/fapi/v1/depth?symbol=SYN0011USDT"), 400, -1121,
                "Invalid symbol.");
            try (TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/ws/syn0011usdt@trade", true))
            {
                assertEquals(null, client.poll(Duration.ofMillis(500)), "a valid stream name nothing is sent on");
            }
            assertTrue(WAIT.toMillis() > 0);
        }
    }
}
