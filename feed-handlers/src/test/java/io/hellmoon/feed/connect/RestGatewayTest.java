/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.net.FeedEventLoop;
import io.hellmoon.feed.net.HttpClient;
import io.hellmoon.feed.testing.LocalExchangeServer;
import io.hellmoon.sbe.Venue;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * REST through the weight budget against a local server: snapshot requests queued, deduplicated and delivered after
 * the request call; 429 and 418 with Retry-After holding back every request; the bucket's accounting.
 */
@Timeout(60)
class RestGatewayTest
{
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final LocalExchangeServer server = new LocalExchangeServer();
    private final FeedEventLoop loop = new FeedEventLoop(new FeedEventLoop.Context().threadName("rest-test"));
    private final SystemEpochNanoClock clock = new SystemEpochNanoClock();
    private final HttpClient http = new HttpClient(loop, clock);
    private final InstrumentRegistry registry = new InstrumentRegistry();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Snapshots delivered = new Snapshots();
    private final AtomicInteger depthRequests = new AtomicInteger();
    private RestGateway gateway;
    private SnapshotFetcher fetcher;

    @AfterEach
    void close() throws Exception
    {
        loop.eventLoop().submit(() ->
        {
            gateway.close();
            http.close();
        }).get();
        loop.close();
        server.close();
    }

    @Test
    void shouldHoldEveryRequestBackForTheRetryAfterOfA429()
    {
        server.route((request) -> request.path().endsWith("/depth") && 1 == depthRequests.incrementAndGet() ?
            new LocalExchangeServer.Response(429, Map.of("Retry-After", "1"), "{\"code\":-1003}") :
            snapshot(request));
        start(profile().restInFlight(1));

        request("BTCUSDT", "ETHUSDT", "SOLUSDT");
        await(() -> 3 == delivered.count(), 10);

        final List<LocalExchangeServer.HttpRequest> requests = server.httpRequests();
        final long first = requests.get(0).nanoTime();
        for (int i = 1; i < requests.size(); i++)
        {
            assertTrue(requests.get(i).nanoTime() - first >= SECOND - 20 * MILLI,
                "request " + i + " sent before the Retry-After passed: " + (requests.get(i).nanoTime() - first));
        }
        assertEquals(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT"), delivered.symbols(), "retried at the head, in order");
        assertEquals(1L, onLoop(() -> gateway.throttled()));
        assertTrue(events.stream().anyMatch((e) -> e.startsWith("REST_THROTTLED") && e.contains("(Retry-After)")),
            events.toString());
    }

    @Test
    void shouldBackOffForTheBanOfA418()
    {
        server.route((request) -> 1 == depthRequests.incrementAndGet() ?
            new LocalExchangeServer.Response(418, Map.of("Retry-After", "2"), "{\"code\":-1003}") :
            snapshot(request));
        start(profile());

        request("BTCUSDT");
        await(() -> 1 == delivered.count(), 10);
        final List<LocalExchangeServer.HttpRequest> requests = server.httpRequests();
        assertEquals(2, requests.size());
        assertTrue(requests.get(1).nanoTime() - requests.get(0).nanoTime() >= 2 * SECOND - 20 * MILLI);
        assertEquals(1L, onLoop(() -> gateway.banned()));
        assertTrue(events.stream().anyMatch((e) -> e.startsWith("REST_BANNED")), events.toString());
    }

    @Test
    void shouldUseTheDefaultBackOffWithoutRetryAfter()
    {
        server.route((request) -> 1 == depthRequests.incrementAndGet() ?
            new LocalExchangeServer.Response(429, Map.of(), "{}") : snapshot(request));
        start(profile().retryAfterDefaultNs(500 * MILLI));

        request("BTCUSDT");
        await(() -> 1 == delivered.count(), 10);
        final List<LocalExchangeServer.HttpRequest> requests = server.httpRequests();
        assertTrue(requests.get(1).nanoTime() - requests.get(0).nanoTime() >= 480 * MILLI);
        assertTrue(events.stream().anyMatch((e) -> e.contains("no Retry-After, default")), events.toString());
    }

    @Test
    void shouldReleaseSnapshotsForManyBooksWithinTheWeightBudget()
    {
        server.route(this::snapshot);
        final VenueProfile profile = profile().weightBurst(10).weightPerMinute(2_400).depthWeight(5).restInFlight(16);
        start(profile);

        final String[] symbols = new String[12];
        for (int i = 0; i < symbols.length; i++)
        {
            symbols[i] = "SYM" + i + "USDT";
        }
        request(symbols);
        await(() -> 12 == delivered.count(), 20);

        final List<LocalExchangeServer.HttpRequest> requests = server.httpRequests();
        assertEquals(12, requests.size());
        final long slack = 30 * MILLI;
        for (int i = 0; i < requests.size(); i++)
        {
            for (int j = i; j < requests.size(); j++)
            {
                final long windowNs = requests.get(j).nanoTime() - requests.get(i).nanoTime() + slack;
                final double allowed = 10 + 2_400.0 * windowNs / TimeUnit.MINUTES.toNanos(1);
                assertTrue(5.0 * (j - i + 1) <= allowed,
                    "weight " + 5 * (j - i + 1) + " within " + windowNs + " ns, allowed " + allowed);
            }
        }
        assertTrue(requests.get(11).nanoTime() - requests.get(0).nanoTime() >= 1_250 * MILLI - slack,
            "50 weight over the burst at 40 a second");
        assertEquals(60L, onLoop(() -> gateway.weightSent()));
    }

    @Test
    void shouldAskOnceWhileARequestIsPendingAndDeliverOutsideTheRequestCall()
    {
        server.route(this::snapshot);
        start(profile());
        final int id = registry.register(Venue.BINANCE_USDM, "BTCUSDT");

        onLoop(() ->
        {
            delivered.insideRequest = true;
            for (int i = 0; i < 5; i++)
            {
                fetcher.requestSnapshot(id);
            }
            delivered.insideRequest = false;
            return null;
        });
        await(() -> 1 == delivered.count(), 10);
        assertEquals(1, server.httpRequests().size());
        assertFalse(delivered.deliveredInsideRequest, "never from inside the request call");
        assertEquals(0, (int)onLoop(() -> fetcher.pendingCount()));

        onLoop(() ->
        {
            fetcher.requestSnapshot(id);
            return null;
        });
        await(() -> 2 == delivered.count(), 10);
        assertEquals(2, server.httpRequests().size(), "asked again after the reply");
        assertTrue(delivered.bodies.get(0).startsWith("{\"lastUpdateId\":"));
    }

    @Test
    void shouldDropTheReplyOfACancelledRequest() throws Exception
    {
        server.route(this::snapshot);
        start(profile());
        final int id = registry.register(Venue.BINANCE_USDM, "BTCUSDT");
        onLoop(() ->
        {
            fetcher.requestSnapshot(id);
            fetcher.cancel(id);
            return null;
        });
        await(() -> 1 == server.httpRequests().size(), 10);
        Thread.sleep(200);
        assertEquals(0, delivered.count());
        assertEquals(1L, onLoop(() -> fetcher.dropped()));
    }

    @Test
    void shouldRetryAFailedSnapshotRequest()
    {
        server.route((request) -> 1 == depthRequests.incrementAndGet() ?
            new LocalExchangeServer.Response(503, Map.of(), "{\"msg\":\"busy\"}") : snapshot(request));
        start(profile().restRetryDelayNs(100 * MILLI));
        request("BTCUSDT");
        await(() -> 1 == delivered.count(), 10);
        assertEquals(2, server.httpRequests().size());
        assertEquals(1L, onLoop(() -> fetcher.failed()));
        assertTrue(events.stream().anyMatch((e) -> e.startsWith("REST_FAILED") && e.contains("HTTP 503")));
        assertEquals(1L, onLoop(() -> http.connectionsOpened()), "one keep-alive connection for both");
    }

    private LocalExchangeServer.Response snapshot(final LocalExchangeServer.HttpRequest request)
    {
        return LocalExchangeServer.Response.ok("{\"lastUpdateId\":100,\"E\":1,\"T\":1,\"bids\":[[\"1.0\",\"2\"]]," +
            "\"asks\":[[\"1.1\",\"3\"]],\"symbol\":\"" + request.query().get("symbol") + "\"}");
    }

    private VenueProfile profile()
    {
        return VenueProfile.of("binance-usdm").wsUrl(server.wsUrl()).restUrl(server.httpUrl());
    }

    private void start(final VenueProfile profile)
    {
        profile.conclude();
        final ConnectionEvents listener = (event, connection, detail) -> events.add(event + " " + detail);
        gateway = new RestGateway(profile, http, loop, new SystemNanoClock(), listener);
        fetcher = new SnapshotFetcher(profile, gateway, registry, delivered, loop, listener);
    }

    private void request(final String... symbols)
    {
        onLoop(() ->
        {
            for (final String symbol : symbols)
            {
                fetcher.requestSnapshot(registry.register(Venue.BINANCE_USDM, symbol));
            }
            return null;
        });
    }

    private <T> T onLoop(final Callable<T> task)
    {
        try
        {
            return loop.eventLoop().submit(task).get();
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static void await(final BooleanSupplier condition, final int seconds)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out");
            }
            try
            {
                Thread.sleep(5);
            }
            catch (final InterruptedException ex)
            {
                throw new AssertionError(ex);
            }
        }
    }

    private final class Snapshots implements VenueFrameHandler
    {
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final List<Integer> ids = new CopyOnWriteArrayList<>();
        boolean insideRequest;
        boolean deliveredInsideRequest;

        int count()
        {
            return bodies.size();
        }

        List<String> symbols()
        {
            return ids.stream().map(registry::symbol).toList();
        }

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
        {
        }

        public void onDepthSnapshot(
            final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
            deliveredInsideRequest |= insideRequest;
            ids.add(instrumentId);
            bodies.add(buffer.getStringWithoutLengthAscii(offset, length));
        }
    }
}
