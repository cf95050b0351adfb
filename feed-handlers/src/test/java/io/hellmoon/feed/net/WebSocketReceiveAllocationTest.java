/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.net;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.testing.LocalExchangeServer;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.AllocationMeter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole receive path on the event loop thread (socket read, frame parsing, Binance JSON decoding, the pipeline)
 * allocates nothing per frame once warm: the loop thread's allocated bytes, read on the loop before and after a burst
 * of frames from a local WebSocket server, do not move.
 */
@Timeout(120)
class WebSocketReceiveAllocationTest
{
    private static final String[] SYMBOLS = { "BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT" };
    private static final int BURST = 50_000;

    private final LocalExchangeServer server = new LocalExchangeServer();
    private final FeedEventLoop loop = new FeedEventLoop(new FeedEventLoop.Context().threadName("alloc-test"));
    private final OffsetEpochNanoClock clock = new OffsetEpochNanoClock();
    private final AtomicLong published = new AtomicLong();
    private final MarketDataFeed feed = new MarketDataFeed(
        (buffer, offset, length) ->
        {
            published.lazySet(published.get() + 1);
            return true;
        },
        new InstrumentRegistry(), true, clock, CounterFactory.local(64), "alloc", Venue.BINANCE_USDM);
    private final CountingHandler handler = new CountingHandler(feed.handlerFor(Venue.BINANCE_USDM));
    private final long[] allocated = new long[1];
    private long tradeId = 1;
    private long updateId = 1;

    @AfterEach
    void close()
    {
        loop.close();
        server.close();
    }

    @Test
    void shouldNotAllocatePerFrameOnTheEventLoopThread() throws Exception
    {
        final String streams = "btcusdt@trade/btcusdt@bookTicker/ethusdt@trade/ethusdt@bookTicker/" +
            "solusdt@trade/solusdt@bookTicker/xrpusdt@trade/xrpusdt@bookTicker";
        final WebSocketClient client = new WebSocketClient(loop, clock);
        final WebSocketConnection[] connection = new WebSocketConnection[1];
        loop.eventLoop().submit(() -> connection[0] = client.connect(
            URI.create(server.wsUrl() + "?streams=" + streams), handler, NO_LISTENER)).get();
        awaitServerConnection();

        for (int i = 0; i < 8; i++)
        {
            burst();
        }

        long bytes = -1;
        for (int attempt = 0; attempt < 5 && 0 != bytes; attempt++)
        {
            final long before = allocatedOnLoop();
            burst();
            bytes = allocatedOnLoop() - before;
            System.out.println("attempt " + attempt + ": " + bytes + " bytes allocated; reads so far " +
                connection[0].reads() + ", bytes copied for frames split across reads " + connection[0].bytesCopied());
        }

        assertEquals(0, bytes, "bytes allocated on the event loop thread over " + BURST + " frames");
        assertEquals(0, feed.decodeErrors());
        assertTrue(published.get() >= 8L * BURST);
    }

    private void burst() throws InterruptedException
    {
        final long target = handler.frames.get() + BURST;
        for (int i = 0; i < BURST; i++)
        {
            final String symbol = SYMBOLS[i & 3];
            final String lower = symbol.toLowerCase();
            if (0 == (i & 4))
            {
                server.publish(lower + "@trade", "{\"e\":\"trade\",\"E\":1723161255123,\"T\":1723161255122,\"s\":\"" +
                    symbol + "\",\"t\":" + tradeId++ + ",\"p\":\"61685.90\",\"q\":\"0.002\",\"X\":\"MARKET\"," +
                    "\"m\":true}");
            }
            else
            {
                server.publish(lower + "@bookTicker", "{\"e\":\"bookTicker\",\"u\":" + updateId++ +
                    ",\"s\":\"" + symbol + "\",\"b\":\"61685.90\",\"B\":\"1.234\",\"a\":\"61686.00\"," +
                    "\"A\":\"0.5\",\"T\":1723161255122,\"E\":1723161255123}");
            }
        }
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (handler.frames.get() < target)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("frames received " + handler.frames.get() + " of " + target);
            }
            Thread.sleep(1);
        }
    }

    private long allocatedOnLoop() throws Exception
    {
        final long[] result = allocated;
        loop.eventLoop().submit(() ->
        {
            result[0] = AllocationMeter.allocatedBytes();
        }).get();
        return result[0];
    }

    private void awaitServerConnection() throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.connections().isEmpty() && System.nanoTime() < deadline)
        {
            Thread.sleep(5);
        }
        Thread.sleep(50);
    }

    private static final WebSocketListener NO_LISTENER = new WebSocketListener()
    {
        public void onOpen(final WebSocketConnection connection)
        {
        }

        public void onPing(final WebSocketConnection connection)
        {
        }

        public void onPong(final WebSocketConnection connection)
        {
        }

        public void onClosed(final WebSocketConnection connection)
        {
        }
    };

    private static final class CountingHandler implements VenueFrameHandler
    {
        final AtomicLong frames = new AtomicLong();
        private final VenueFrameHandler delegate;

        CountingHandler(final VenueFrameHandler delegate)
        {
            this.delegate = delegate;
        }

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
        {
            delegate.onFrame(buffer, offset, length, receiveTimeNs);
            frames.lazySet(frames.get() + 1);
        }

        public void onDepthSnapshot(
            final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
            delegate.onDepthSnapshot(instrumentId, buffer, offset, length, timeNs);
        }
    }
}
