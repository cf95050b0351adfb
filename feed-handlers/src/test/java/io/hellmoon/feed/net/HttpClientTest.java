/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.net;

import io.hellmoon.feed.testing.LocalExchangeServer;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST client over loopback: keep-alive reuse, the per-host connection limit, status codes and Retry-After,
 * timeouts, oversized responses and failed connects.
 */
@Timeout(30)
class HttpClientTest
{
    private final LocalExchangeServer server = new LocalExchangeServer();
    private final BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();
    private FeedEventLoop loop;
    private HttpClient client;

    @AfterEach
    void close()
    {
        loop.execute(client::close);
        loop.close();
        server.close();
    }

    @Test
    void shouldReuseAKeepAliveConnection() throws Exception
    {
        start(new FeedEventLoop.Context());
        server.route((request) -> LocalExchangeServer.Response.ok("{\"n\":\"" + request.query().get("n") + "\"}"));
        for (int i = 0; i < 3; i++)
        {
            get("/api/v3/depth?n=" + i);
            assertEquals("200 - {\"n\":\"" + i + "\"}", next());
        }
        assertEquals(1L, onLoop(() -> client.connectionsOpened()));
        assertEquals(3L, onLoop(() -> client.requestsSent()));
    }

    @Test
    void shouldOpenAtMostTheConnectionsPerHostAndQueueTheRest() throws Exception
    {
        start(new FeedEventLoop.Context().connectionsPerHost(2));
        server.route((request) -> LocalExchangeServer.Response.ok("{}"));
        for (int i = 0; i < 6; i++)
        {
            get("/x?n=" + i);
        }
        final List<String> all = new ArrayList<>();
        for (int i = 0; i < 6; i++)
        {
            all.add(next());
        }
        assertEquals(List.of("200 - {}", "200 - {}", "200 - {}", "200 - {}", "200 - {}", "200 - {}"), all);
        assertTrue(onLoop(() -> client.connectionsOpened()) <= 2, "connections opened");
    }

    @Test
    void shouldDeliverErrorStatusesWithRetryAfter() throws Exception
    {
        start(new FeedEventLoop.Context());
        server.route((request) -> switch (request.query().getOrDefault("case", ""))
        {
            case "429" -> new LocalExchangeServer.Response(429, Map.of("Retry-After", "7"), "{\"code\":-1003}");
            case "date" -> new LocalExchangeServer.Response(
                503, Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), "{}");
            default -> null;
        });
        get("/x?case=429");
        assertEquals("429 7000000000 {\"code\":-1003}", next());
        get("/x?case=date");
        assertEquals("503 -1 {}", next());
        get("/missing");
        assertEquals("404 -1 {\"msg\":\"not found\"}", next());
    }

    @Test
    void shouldFailARequestWithoutAResponseInTime() throws Exception
    {
        start(new FeedEventLoop.Context().requestTimeoutNs(TimeUnit.MILLISECONDS.toNanos(200)));
        server.route((request) ->
        {
            try
            {
                Thread.sleep(600);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            return LocalExchangeServer.Response.ok("{}");
        });
        get("/slow");
        assertEquals("failed no response within the request timeout", next());
    }

    @Test
    void shouldFailAResponseLongerThanTheLimit() throws Exception
    {
        start(new FeedEventLoop.Context().maxResponseLength(1024));
        server.route((request) -> LocalExchangeServer.Response.ok("\"" + "x".repeat(4096) + "\""));
        get("/big");
        final String outcome = next();
        assertTrue(outcome.startsWith("failed"), outcome);
    }

    @Test
    void shouldFailAConnectToAClosedPort() throws Exception
    {
        start(new FeedEventLoop.Context());
        final int port = server.port();
        server.close();
        loop.execute(() -> client.get(URI.create("http://127.0.0.1:" + port + "/x"), listener()));
        final String outcome = next();
        assertTrue(outcome.startsWith("failed connect failed"), outcome);
    }

    private void start(final FeedEventLoop.Context ctx)
    {
        loop = new FeedEventLoop(ctx.threadName("http-test"));
        client = new HttpClient(loop, new OffsetEpochNanoClock());
    }

    private void get(final String pathAndQuery)
    {
        loop.execute(() -> client.get(URI.create(server.httpUrl() + pathAndQuery), listener()));
    }

    private HttpResponseListener listener()
    {
        return new HttpResponseListener()
        {
            public void onResponse(final HttpReply reply)
            {
                final long retryAfter = reply.retryAfterNs();
                outcomes.add(reply.statusCode() + " " + (200 == reply.statusCode() ? "-" : retryAfter) + " " +
                    reply.bodyText(200));
            }

            public void onFailure(final URI uri, final String reason)
            {
                outcomes.add("failed " + reason);
            }
        };
    }

    private String next() throws InterruptedException
    {
        final String outcome = outcomes.poll(10, TimeUnit.SECONDS);
        assertNotNull(outcome, "an outcome within 10 s");
        return outcome;
    }

    private <T> T onLoop(final Callable<T> read) throws Exception
    {
        return loop.eventLoop().submit(read).get();
    }
}
