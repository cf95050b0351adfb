/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance.sbe;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.binance.BinanceJsonDecoder;
import io.hellmoon.feed.testing.RecordingSink;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatusReason;
import io.hellmoon.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.hellmoon.feed.binance.sbe.BinanceSbeFrames.levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * SBE depth diffs and a JSON REST snapshot through a feed configured for Binance's SBE streams: the book syncs by the
 * spot rule, and a gap is detected and resynced.
 */
class BinanceSbeBookSyncTest
{
    private final BinanceSbeFrames frames = new BinanceSbeFrames();
    private final RecordingSink sink = new RecordingSink();
    private final InstrumentRegistry registry = new InstrumentRegistry();

    @Test
    void shouldSyncABookFromSbeDiffsAndAJsonSnapshotAndResyncAfterAGap()
    {
        try (MarketDataFeed feed = new MarketDataFeed(
            sink, registry, true, new ManualEpochNanoClock(1), CounterFactory.local(64), "test", Venue.NULL_VAL))
        {
            final VenueFrameHandler handler = feed.binanceSpotSbe(true).handlerFor(Venue.BINANCE_SPOT);
            assertInstanceOf(BinanceSbeDecoder.class, handler);
            assertThrows(IllegalStateException.class, () -> feed.binanceSpotSbe(false));

            frame(handler, frames.depthDiff("BTCUSDT", 1_000, 101, 103, -2, -5, levels(100_00, 1_00000), levels()));
            frame(handler, frames.depthDiff("BTCUSDT", 2_000, 104, 106, -2, -5, levels(), levels(101_00, 2_00000)));
            final int id = registry.idOf(Venue.BINANCE_SPOT, "BTCUSDT");
            final byte[] snapshot = ("{\"lastUpdateId\":102,\"bids\":[[\"99.00\",\"5\"]]," +
                "\"asks\":[[\"102.00\",\"6\"]]}").getBytes(StandardCharsets.US_ASCII);
            handler.onDepthSnapshot(id, new UnsafeBuffer(snapshot), 0, snapshot.length, 3_000);

            final List<RecordingSink.Levels> books = sink.levels();
            final RecordingSink.Levels book = books.get(books.size() - 1);
            assertEquals(106, book.lastUpdateId());
            assertEquals(100_00000000L, book.bestBid());
            assertEquals(101_00000000L, book.bestAsk());

            frame(handler, frames.depthDiff("BTCUSDT", 4_000, 108, 109, -2, -5, levels(100_50, 1), levels()));
            final List<RecordingSink.Status> statuses = sink.statuses();
            final RecordingSink.Status gap = statuses.get(statuses.size() - 1);
            assertEquals(FeedState.RESYNCING, gap.state());
            assertEquals(FeedStatusReason.SEQUENCE_GAP, gap.reason());
            assertEquals(106, gap.lastUpdateId());
            assertEquals(108, gap.receivedUpdateId());
            assertEquals(0, feed.decodeErrors());
            assertEquals(4, feed.framesReceived(), "three SBE frames and one JSON snapshot");
        }
    }

    @Test
    void shouldKeepTheJsonDecoderForBinanceUnlessSbeIsChosen()
    {
        try (MarketDataFeed feed = new MarketDataFeed(
            sink, registry, true, new ManualEpochNanoClock(1), CounterFactory.local(64), "test", Venue.NULL_VAL))
        {
            assertInstanceOf(BinanceJsonDecoder.class, feed.handlerFor(Venue.BINANCE_SPOT));
            assertInstanceOf(BinanceJsonDecoder.class, feed.handlerFor(Venue.BINANCE_USDM));
            assertInstanceOf(BinanceJsonDecoder.class, feed.binanceSpotSbe(false).handlerFor(Venue.BINANCE_SPOT));
            assertThrows(IllegalStateException.class, () -> feed.binanceSpotSbe(true));
        }
    }

    private static void frame(final VenueFrameHandler handler, final byte[] bytes)
    {
        handler.onFrame(new UnsafeBuffer(bytes), 0, bytes.length, 1_000);
    }
}
