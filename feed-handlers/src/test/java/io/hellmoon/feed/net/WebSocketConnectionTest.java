/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.net;

import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.testing.LocalExchangeServer;
import io.hellmoon.feed.testing.WebSocketFrames;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.hellmoon.feed.testing.WebSocketFrames.CONTINUATION;
import static io.hellmoon.feed.testing.WebSocketFrames.PING;
import static io.hellmoon.feed.testing.WebSocketFrames.TEXT;
import static io.hellmoon.feed.testing.WebSocketFrames.concat;
import static io.hellmoon.feed.testing.WebSocketFrames.frame;
import static io.hellmoon.feed.testing.WebSocketFrames.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WebSocket client over real loopback sockets against a Netty server: handshake, messages, pings, close, and
 * protocol errors the server commits.
 */
@Timeout(30)
class WebSocketConnectionTest
{
    private final LocalExchangeServer server = new LocalExchangeServer();
    private final FeedEventLoop loop = new FeedEventLoop(new FeedEventLoop.Context().threadName("ws-test"));
    private final WebSocketClient client = new WebSocketClient(loop, new SystemEpochNanoClock());
    private final Recorder recorder = new Recorder();

    @AfterEach
    void close()
    {
        loop.close();
        server.close();
    }

    @Test
    void shouldOpenSubscribeAndReceiveMessages() throws Exception
    {
        final WebSocketConnection connection = open();
        loop.execute(() -> connection.sendText("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":7}"));
        assertEquals("{\"result\":null,\"id\":7}", recorder.next());

        server.publish("btcusdt@trade", "{\"e\":\"trade\",\"t\":1}");
        server.publish("ethusdt@trade", "{\"e\":\"trade\",\"t\":2}");
        server.publish("btcusdt@trade", "{\"e\":\"trade\",\"t\":3}");
        assertEquals("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"t\":1}}", recorder.next());
        assertEquals("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"t\":3}}", recorder.next());
        assertTrue(recorder.receiveTimesAreEpochNanos());
    }

    @Test
    void shouldSubscribeThroughTheCombinedStreamUrl() throws Exception
    {
        final WebSocketConnection connection =
            open(URI.create(server.wsUrl() + "?streams=btcusdt@trade/btcusdt@bookTicker"));
        assertNotNull(connection);
        server.publish("btcusdt@bookTicker", "{\"u\":1}");
        assertEquals("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":1}}", recorder.next());
    }

    @Test
    void shouldReassembleFragmentsAndFramesSplitAcrossWrites() throws Exception
    {
        open();
        final LocalExchangeServer.Connection serverSide = server.connections().get(0);
        final byte[] large = text("{\"big\":\"" + "x".repeat(100_000) + "\"}");
        serverSide.sendRaw(Arrays.copyOfRange(large, 0, 3));
        Thread.sleep(20);
        serverSide.sendRaw(Arrays.copyOfRange(large, 3, 50_000));
        Thread.sleep(20);
        serverSide.sendRaw(concat(Arrays.copyOfRange(large, 50_000, large.length),
            frame(false, TEXT, bytes("{\"frag\":"), null, 0), frame(true, PING, bytes("mid"), null, 0),
            frame(true, CONTINUATION, bytes("true}"), null, 0)));

        assertEquals("{\"big\":\"" + "x".repeat(100_000) + "\"}", recorder.next());
        assertEquals("{\"frag\":true}", recorder.next());
        awaitPong(serverSide, "mid");
    }

    @Test
    void shouldAnswerPingsWithTheirPayload() throws Exception
    {
        open();
        final LocalExchangeServer.Connection serverSide = server.connections().get(0);
        serverSide.sendPing(bytes("1723161255000"));
        awaitPong(serverSide, "1723161255000");
        assertEquals("ping", recorder.events.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void shouldCloseWhenTheServerSendsACloseFrame() throws Exception
    {
        final WebSocketConnection connection = open();
        server.connections().get(0).closeWith(1001, "server restart");
        assertEquals("closed", recorder.events.poll(5, TimeUnit.SECONDS));
        assertEquals(1001, connection.closeCode());
        assertEquals("closed by server: 1001 server restart", connection.closeReason());
        assertTrue(connection.wasOpened());
    }

    @Test
    void shouldReportADroppedConnectionAsAbnormal() throws Exception
    {
        final WebSocketConnection connection = open();
        server.connections().get(0).drop();
        assertEquals("closed", recorder.events.poll(5, TimeUnit.SECONDS));
        assertEquals(1006, connection.closeCode());
    }

    @Test
    void shouldCloseWithProtocolErrorOnAMaskedFrame() throws Exception
    {
        final WebSocketConnection connection = open();
        server.connections().get(0).sendRaw(frame(true, TEXT, bytes("masked"), new byte[] {1, 2, 3, 4}, 0));
        assertEquals("closed", recorder.events.poll(5, TimeUnit.SECONDS));
        assertEquals(1002, connection.closeCode());
        assertEquals("protocol error: masked frame from the server", connection.closeReason());
    }

    @Test
    void shouldCloseWithMessageTooBigOverTheFrameLimit() throws Exception
    {
        loop.close();
        final FeedEventLoop smallLoop = new FeedEventLoop(new FeedEventLoop.Context().maxFrameLength(1000));
        try
        {
            final WebSocketClient smallClient = new WebSocketClient(smallLoop, new SystemEpochNanoClock());
            final WebSocketConnection connection = smallClient.connect(URI.create(server.wsUrl()), recorder, recorder);
            assertEquals("open", recorder.events.poll(5, TimeUnit.SECONDS));
            server.connections().get(0).sendRaw(WebSocketFrames.text("y".repeat(1001)));
            assertEquals("closed", recorder.events.poll(5, TimeUnit.SECONDS));
            assertEquals(1009, connection.closeCode());
        }
        finally
        {
            smallLoop.close();
        }
    }

    @Test
    void shouldReportARefusedUpgrade() throws Exception
    {
        server.refuseUpgrades(true);
        final WebSocketConnection connection = client.connect(URI.create(server.wsUrl()), recorder, recorder);
        assertEquals("closed", recorder.events.poll(5, TimeUnit.SECONDS));
        assertTrue(!connection.wasOpened());
        assertTrue(connection.closeReason().startsWith("handshake refused: HTTP 503"), connection.closeReason());
    }

    @Test
    void shouldReportAFailedConnect() throws Exception
    {
        final int port = server.port();
        server.close();
        final WebSocketConnection connection =
            client.connect(URI.create("ws://127.0.0.1:" + port + "/stream"), recorder, recorder);
        assertEquals("closed", recorder.events.poll(5, TimeUnit.SECONDS));
        assertTrue(connection.closeReason().startsWith("connect failed"), connection.closeReason());
        assertEquals(1006, connection.closeCode());
    }

    @Test
    void shouldCloseItselfWithACloseFrame() throws Exception
    {
        final WebSocketConnection connection = open();
        loop.execute(() -> connection.close(1000, "rotated"));
        assertEquals("closed", recorder.events.poll(5, TimeUnit.SECONDS));
        assertEquals(1000, connection.closeCode());
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.connections().get(0).isOpen() && System.nanoTime() < deadline)
        {
            Thread.sleep(5);
        }
        assertTrue(!server.connections().get(0).isOpen());
    }

    private WebSocketConnection open() throws InterruptedException
    {
        return open(URI.create(server.wsUrl()));
    }

    private WebSocketConnection open(final URI uri) throws InterruptedException
    {
        final WebSocketConnection connection = client.connect(uri, recorder, recorder);
        assertEquals("open", recorder.events.poll(5, TimeUnit.SECONDS));
        return connection;
    }

    private static void awaitPong(final LocalExchangeServer.Connection serverSide, final String payload)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline)
        {
            for (final LocalExchangeServer.ControlMessage message : serverSide.received())
            {
                if ("pong".equals(message.kind()) && payload.equals(message.text()))
                {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no pong with payload " + payload + ": " + serverSide.received());
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class Recorder implements VenueFrameHandler, WebSocketListener
    {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final List<Long> receiveTimes = new CopyOnWriteArrayList<>();

        String next() throws InterruptedException
        {
            final String message = messages.poll(5, TimeUnit.SECONDS);
            assertNotNull(message, "a message within 5 s");
            return message;
        }

        boolean receiveTimesAreEpochNanos()
        {
            final long now = System.currentTimeMillis() * 1_000_000L;
            for (final long time : receiveTimes)
            {
                if (Math.abs(now - time) > TimeUnit.MINUTES.toNanos(1))
                {
                    return false;
                }
            }
            return !receiveTimes.isEmpty();
        }

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
        {
            receiveTimes.add(receiveTimeNs);
            messages.add(buffer.getStringWithoutLengthUtf8(offset, length));
        }

        public void onDepthSnapshot(
            final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
        }

        public void onOpen(final WebSocketConnection connection)
        {
            events.add("open");
        }

        public void onPing(final WebSocketConnection connection)
        {
            events.add("ping");
        }

        public void onPong(final WebSocketConnection connection)
        {
            events.add("pong");
        }

        public void onClosed(final WebSocketConnection connection)
        {
            events.add("closed");
        }
    }
}
