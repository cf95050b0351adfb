/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.feed.testing.SyntheticExchange;
import io.hellmoon.test.AllocationMeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole live feed on its event loop thread (sockets, frame parsing, the connection manager's checks, decoding,
 * books, the pipeline and its timers) allocates nothing in the steady state: the loop thread's allocated bytes, read
 * on the loop a few seconds apart while a synthetic exchange streams trades, book tickers and depth diffs of 20
 * instruments, do not move.
 */
@Timeout(120)
class LiveFeedAllocationTest
{
    private static final int INSTRUMENTS = 20;

    private final SyntheticExchange exchange = new SyntheticExchange(INSTRUMENTS, 5_000, 3);
    private final AtomicLong published = new AtomicLong();
    private final long[] allocated = new long[1];
    private LiveFeed feed;

    @AfterEach
    void close()
    {
        if (null != feed)
        {
            feed.close();
        }
        exchange.close();
    }

    @Test
    void shouldNotAllocateOnTheFeedThreadInTheSteadyState() throws Exception
    {
        final List<String> symbols = new ArrayList<>();
        for (int i = 0; i < INSTRUMENTS; i++)
        {
            symbols.add(exchange.symbol(i));
        }
        feed = new LiveFeed(new LiveFeed.Context()
            .profile(VenueProfile.of("binance-usdm").wsUrl(exchange.server().wsUrl())
                .restUrl(exchange.server().httpUrl()))
            .symbols(symbols)
            .streams(List.of("trade", "bookTicker", "depth@100ms"))
            .downstream((buffer, offset, length) ->
            {
                published.lazySet(published.get() + 1);
                return true;
            })
            .seed(5));
        feed.start();

        Thread.sleep(8_000);
        long bytes = -1;
        long messages = 0;
        for (int attempt = 0; attempt < 5 && 0 != bytes; attempt++)
        {
            final long before = allocatedOnLoop();
            final long messagesBefore = published.get();
            Thread.sleep(3_000);
            bytes = allocatedOnLoop() - before;
            messages = published.get() - messagesBefore;
            System.out.println("attempt " + attempt + ": " + bytes + " bytes allocated over " + messages +
                " messages published");
        }

        assertEquals(0, bytes, "bytes allocated on the feed's thread over " + messages + " messages");
        assertTrue(messages > 5_000, "messages flowed: " + messages);
        assertEquals(0L, (long)feed.eventLoop().eventLoop().submit(() -> feed.feed().decodeErrors()).get());
        assertEquals(0L, exchange.framesDropped(), "the exchange sent everything");
    }

    private long allocatedOnLoop() throws Exception
    {
        final long[] result = allocated;
        feed.eventLoop().eventLoop().submit(() ->
        {
            result[0] = AllocationMeter.allocatedBytes();
        }).get(10, TimeUnit.SECONDS);
        return result[0];
    }
}
