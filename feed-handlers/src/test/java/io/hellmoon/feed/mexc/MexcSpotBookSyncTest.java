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
 * MEXC spot depth through a feed: the book syncs by MEXC's rules (the snapshot's version within the first applied
 * push's range, each push starting at the previous push's end + 1), a gap is detected, a snapshot too old for the
 * buffered pushes is refused, and a newer one resyncs the book.
 */
class MexcSpotBookSyncTest
{
    private static final String[] NONE = new String[0];

    private final RecordingSink sink = new RecordingSink();
    private final InstrumentRegistry registry = new InstrumentRegistry();

    @Test
    void shouldSyncDetectAGapRefuseAnOldSnapshotAndResync()
    {
        try (MarketDataFeed feed = new MarketDataFeed(
            sink, registry, true, new ManualEpochNanoClock(1), CounterFactory.local(64), "test", Venue.NULL_VAL))
        {
            final VenueFrameHandler handler = feed.handlerFor(Venue.MEXC_SPOT);
            assertInstanceOf(MexcSpotDecoder.class, handler);

            frame(handler, MexcSpotFrames.aggreDepth(10, 12, new String[]{ "100", "1" }, NONE));
            frame(handler, MexcSpotFrames.aggreDepth(13, 15, NONE, new String[]{ "101", "2" }));
            final int id = registry.idOf(Venue.MEXC_SPOT, MexcSpotFrames.SYMBOL);
            assertEquals(FeedState.SYNCING, lastStatus().state());

            snapshot(handler, id, 14, "[[\"100\",\"5\"],[\"98\",\"1\"]]", "[[\"102\",\"1\"]]");
            RecordingSink.Levels book = lastBook();
            assertEquals(15, book.lastUpdateId(), "the push containing the snapshot's version is applied");
            assertEquals(100_00000000L, book.bestBid());
            assertEquals(101_00000000L, book.bestAsk());

            frame(handler, MexcSpotFrames.aggreDepth(16, 16, new String[]{ "100", "0", "99", "3" }, NONE));
            book = lastBook();
            assertEquals(16, book.lastUpdateId());
            assertEquals(99_00000000L, book.bestBid());

            frame(handler, MexcSpotFrames.aggreDepth(18, 19, new String[]{ "99.5", "1" }, NONE));
            RecordingSink.Status status = lastStatus();
            assertEquals(FeedState.RESYNCING, status.state());
            assertEquals(FeedStatusReason.SEQUENCE_GAP, status.reason());
            assertEquals(16, status.lastUpdateId());
            assertEquals(18, status.receivedUpdateId());

            frame(handler, MexcSpotFrames.aggreDepth(20, 21, NONE, new String[]{ "100.5", "1" }));
            snapshot(handler, id, 17, "[[\"99\",\"3\"]]", "[[\"101\",\"2\"]]");
            status = lastStatus();
            assertEquals(FeedStatusReason.SNAPSHOT_OUT_OF_RANGE, status.reason(), "the snapshot predates push 18");

            snapshot(handler, id, 19, "[[\"99.5\",\"1\"],[\"99\",\"3\"]]", "[[\"101\",\"2\"]]");
            status = lastStatus();
            assertEquals(FeedState.LIVE, status.state());
            assertEquals(1, status.resyncCount());
            book = lastBook();
            assertEquals(21, book.lastUpdateId());
            assertEquals(99_50000000L, book.bestBid());
            assertEquals(100_50000000L, book.bestAsk());
            assertEquals(1, feed.pipeline().bookManager().resyncs());
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

    private static void frame(final VenueFrameHandler handler, final byte[] bytes)
    {
        handler.onFrame(new UnsafeBuffer(bytes), 0, bytes.length, 1_000);
    }

    private static void snapshot(
        final VenueFrameHandler handler, final int id, final long version, final String bids, final String asks)
    {
        final byte[] body = ("{\"lastUpdateId\":" + version + ",\"bids\":" + bids + ",\"asks\":" + asks + "}")
            .getBytes(StandardCharsets.US_ASCII);
        handler.onDepthSnapshot(id, new UnsafeBuffer(body), 0, body.length, 2_000);
    }
}
