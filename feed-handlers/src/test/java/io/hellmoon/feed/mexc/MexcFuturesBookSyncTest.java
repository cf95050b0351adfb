/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.testing.RecordingSink;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatusReason;
import io.hellmoon.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * MEXC futures depth through a feed: pushes newer than the REST snapshot's version are applied, each must be the
 * next version, and a skipped version is detected and resynced.
 */
class MexcFuturesBookSyncTest
{
    private final RecordingSink sink = new RecordingSink();
    private final InstrumentRegistry registry = new InstrumentRegistry();

    @Test
    void shouldApplyVersionsAfterTheSnapshotAndResyncOnASkippedVersion()
    {
        try (MarketDataFeed feed = new MarketDataFeed(
            sink, registry, true, new ManualEpochNanoClock(1), CounterFactory.local(64), "test", Venue.NULL_VAL))
        {
            final VenueFrameHandler handler = feed.handlerFor(Venue.MEXC_FUTURES);
            assertInstanceOf(MexcFuturesDecoder.class, handler);

            depth(handler, 100, "[[31700,5,1]]", "[]");
            depth(handler, 101, "[]", "[[31701,7,2]]");
            final int id = registry.idOf(Venue.MEXC_FUTURES, "BTC_USDT");
            snapshot(handler, id, 100, "[[31700,5,1],[31699,3,1]]", "[[31702,4,1]]");
            RecordingSink.Levels book = lastBook();
            assertEquals(101, book.lastUpdateId());
            assertEquals(31700_00000000L, book.bestBid());
            assertEquals(31701_00000000L, book.bestAsk());
            assertEquals(700_000_000L, book.asks().get(1), "7 contracts");

            depth(handler, 102, "[[31700,0,0]]", "[]");
            assertEquals(31699_00000000L, lastBook().bestBid());

            depth(handler, 104, "[[31700.5,1,1]]", "[]");
            RecordingSink.Status status = lastStatus();
            assertEquals(FeedState.RESYNCING, status.state());
            assertEquals(FeedStatusReason.SEQUENCE_GAP, status.reason());
            assertEquals(102, status.lastUpdateId());

            depth(handler, 105, "[]", "[[31703,1,1]]");
            snapshot(handler, id, 104, "[[31700.5,1,1]]", "[[31702,4,1]]");
            status = lastStatus();
            assertEquals(FeedState.LIVE, status.state());
            assertEquals(1, status.resyncCount());
            book = lastBook();
            assertEquals(105, book.lastUpdateId());
            assertEquals(31700_50000000L, book.bestBid());
            assertEquals(0, feed.decodeErrors());
        }
    }

    private RecordingSink.Status lastStatus()
    {
        final List<RecordingSink.Status> statuses = sink.statuses();
        return statuses.get(statuses.size() - 1);
    }

    private RecordingSink.Levels lastBook()
    {
        final List<RecordingSink.Levels> books = sink.levels();
        return books.get(books.size() - 1);
    }

    private static void depth(final VenueFrameHandler handler, final long version, final String bids, final String asks)
    {
        final byte[] bytes = ("{\"channel\":\"push.depth\",\"data\":{\"asks\":" + asks + ",\"bids\":" + bids +
            ",\"version\":" + version + "},\"symbol\":\"BTC_USDT\",\"ts\":" + (1_654_000_000_000L + version) + "}")
            .getBytes(StandardCharsets.US_ASCII);
        handler.onFrame(new UnsafeBuffer(bytes), 0, bytes.length, 1_000);
    }

    private static void snapshot(
        final VenueFrameHandler handler, final int id, final long version, final String bids, final String asks)
    {
        final byte[] body = ("{\"success\":true,\"code\":0,\"data\":{\"asks\":" + asks + ",\"bids\":" + bids +
            ",\"version\":" + version + ",\"timestamp\":1654328706778}}").getBytes(StandardCharsets.US_ASCII);
        handler.onDepthSnapshot(id, new UnsafeBuffer(body), 0, body.length, 2_000);
    }
}
