/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.book;

import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.feed.testing.RecordingSink;
import io.hellmoon.feed.testing.SbeMessages;
import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatusDecoder;
import io.hellmoon.sbe.FeedStatusReason;
import io.hellmoon.sbe.Venue;
import org.agrona.collections.IntArrayList;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.hellmoon.feed.testing.SbeMessages.NULL_ID;
import static io.hellmoon.feed.testing.SbeMessages.levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookManagerTest
{
    private static final int ID = 7;
    private static final long[] NONE = levels();
    private static final long[] SNAPSHOT_BIDS = levels(100, 10, 99, 20, 98, 30);
    private static final long[] SNAPSHOT_ASKS = levels(101, 11, 102, 21, 103, 31);

    private final RecordingSink out = new RecordingSink();
    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000);
    private final IntArrayList snapshotRequests = new IntArrayList();
    private final SbeMessages messages = new SbeMessages();
    private BookManager manager;

    @AfterEach
    void close()
    {
        if (null != manager)
        {
            manager.close();
        }
    }

    private BookManager manager(final Venue venue)
    {
        return manager(new BookManager.Context().defaultVenue(venue));
    }

    private BookManager manager(final BookManager.Context ctx)
    {
        manager = new BookManager(ctx
            .output(out)
            .clock(clock)
            .publishedLevels(2)
            .snapshotRequester(snapshotRequests::addInt));
        return manager;
    }

    private void diff(final long first, final long last, final long prev, final long[] bids, final long[] asks)
    {
        final int length = messages.depthUpdate(ID, first, last, prev, bids, asks, clock.nanoTime());
        manager.onMessage(messages.buffer(), 0, length);
    }

    private void spotDiff(final long first, final long last)
    {
        diff(first, last, NULL_ID, levels(97, first), NONE);
    }

    private void snapshot(final long lastUpdateId)
    {
        final int length = messages.depthSnapshot(ID, lastUpdateId, SNAPSHOT_BIDS, SNAPSHOT_ASKS, clock.nanoTime());
        manager.onMessage(messages.buffer(), 0, length);
    }

    private List<RecordingSink.Status> statuses()
    {
        return out.statuses();
    }

    private RecordingSink.Status lastStatus()
    {
        final List<RecordingSink.Status> statuses = out.statuses();
        return statuses.get(statuses.size() - 1);
    }

    private RecordingSink.Levels lastLevels()
    {
        final List<RecordingSink.Levels> levels = out.levels();
        return levels.get(levels.size() - 1);
    }

    @Nested
    class Spot
    {
        @Test
        void shouldBufferFromFirstDiffAndApplyThoseAfterTheSnapshot()
        {
            manager(Venue.BINANCE_SPOT);
            spotDiff(1, 5);
            assertEquals(FeedState.SYNCING, manager.state(ID));
            assertEquals(
                List.of(new RecordingSink.Status(ID, FeedState.SYNCING, FeedStatusReason.STARTED, NULL_ID, 1, 0)),
                statuses());
            assertEquals(List.of(ID), snapshotRequests);

            spotDiff(6, 8);
            spotDiff(9, 12);
            assertEquals(3, manager.bufferedDiffs(ID));
            assertEquals(0, out.levels().size(), "nothing published while syncing");

            snapshot(7);
            assertEquals(FeedState.LIVE, manager.state(ID));
            assertEquals(new RecordingSink.Status(ID, FeedState.LIVE, FeedStatusReason.SNAPSHOT_APPLIED, 7, NULL_ID, 0),
                lastStatus());
            assertEquals(1, out.levels().size(), "one BookLevels for the snapshot and the diffs on top");
            assertEquals(12, lastLevels().lastUpdateId());
            assertEquals(12, manager.lastUpdateId(ID));
            assertEquals(1, manager.staleDiffs(), "(1,5) is older than the snapshot");
            assertEquals(9, manager.book(ID).bidSizeAt(97), "(6,8) bridged, then (9,12) applied");
            assertEquals(0, manager.bufferedDiffs(ID));
            assertEquals(0, manager.gaps());
        }

        @Test
        void shouldDropDiffEndingAtSnapshotAndBridgeWithNextId()
        {
            manager(Venue.BINANCE_SPOT);
            spotDiff(5, 7);
            spotDiff(8, 9);
            snapshot(7);

            assertEquals(FeedState.LIVE, manager.state(ID));
            assertEquals(1, manager.staleDiffs(), "u == lastUpdateId is dropped for spot");
            assertEquals(9, manager.lastUpdateId(ID));
            assertEquals(8, manager.book(ID).bidSizeAt(97));
        }

        @Test
        void shouldAcceptSnapshotJustBeforeFirstBufferedDiff()
        {
            manager(Venue.BINANCE_SPOT);
            spotDiff(10, 12);
            snapshot(9);

            assertEquals(FeedState.LIVE, manager.state(ID), "L + 1 == U bridges");
            assertEquals(12, manager.lastUpdateId(ID));
        }

        @Test
        void shouldRejectSnapshotOlderThanFirstBufferedDiffAndWaitForAnother()
        {
            manager(Venue.BINANCE_SPOT);
            spotDiff(10, 12);
            snapshot(8);

            assertEquals(FeedState.SYNCING, manager.state(ID));
            assertEquals(
                new RecordingSink.Status(ID, FeedState.SYNCING, FeedStatusReason.SNAPSHOT_OUT_OF_RANGE, 8, 10, 0),
                lastStatus());
            assertEquals(List.of(ID, ID), snapshotRequests, "asked again");
            assertEquals(1, manager.snapshotsRejected());
            assertEquals(0, out.levels().size());
            assertEquals(1, manager.bufferedDiffs(ID), "buffer kept for the next snapshot");

            snapshot(11);
            assertEquals(FeedState.LIVE, manager.state(ID));
            assertEquals(12, lastLevels().lastUpdateId());
        }

        @Test
        void shouldChainContiguousIdsAndTreatSkippedIdAsGap()
        {
            manager(Venue.BINANCE_SPOT);
            spotDiff(1, 5);
            snapshot(3);
            spotDiff(6, 6);
            assertEquals(6, lastLevels().lastUpdateId());
            final int published = out.levels().size();

            clock.advance(10);
            spotDiff(8, 9);

            assertEquals(FeedState.RESYNCING, manager.state(ID));
            assertEquals(new RecordingSink.Status(ID, FeedState.RESYNCING, FeedStatusReason.SEQUENCE_GAP, 6, 8, 0),
                lastStatus());
            assertEquals(1, manager.gaps());
            assertEquals(published, out.levels().size(), "nothing published after the gap");
            assertTrue(manager.book(ID).isEmpty(), "book cleared");
            assertEquals(1, manager.bufferedDiffs(ID), "the diff after the gap starts the new buffer");
            assertEquals(List.of(ID, ID), snapshotRequests);

            spotDiff(10, 11);
            assertEquals(published, out.levels().size());
            snapshot(9);

            assertEquals(FeedState.LIVE, manager.state(ID));
            assertEquals(new RecordingSink.Status(ID, FeedState.LIVE, FeedStatusReason.SNAPSHOT_APPLIED, 9, NULL_ID, 1),
                lastStatus());
            assertEquals(1, manager.resyncs());
            assertEquals(1, manager.resyncCount(ID));
            assertEquals(11, lastLevels().lastUpdateId());
        }

        @Test
        void shouldTreatOverlappingDiffAsGap()
        {
            manager(Venue.BINANCE_SPOT);
            spotDiff(1, 5);
            snapshot(3);
            spotDiff(4, 8);

            assertEquals(FeedState.RESYNCING, manager.state(ID), "U must be exactly previous u + 1 once live");
            assertEquals(1, manager.gaps());
        }

        @Test
        void shouldIgnoreOldDiffWhileLive()
        {
            manager(Venue.BINANCE_SPOT);
            spotDiff(1, 5);
            snapshot(3);
            final int published = out.size();

            spotDiff(2, 5);
            assertEquals(FeedState.LIVE, manager.state(ID));
            assertEquals(published, out.size());
            assertEquals(1, manager.staleDiffs());

            spotDiff(6, 7);
            assertEquals(7, lastLevels().lastUpdateId());
        }

        @Test
        void shouldDetectGapBetweenBufferedDiffsAndRequireSnapshotAfterIt()
        {
            manager(Venue.BINANCE_SPOT);
            spotDiff(1, 5);
            spotDiff(8, 9);

            assertEquals(FeedState.SYNCING, manager.state(ID));
            assertEquals(new RecordingSink.Status(ID, FeedState.SYNCING, FeedStatusReason.SEQUENCE_GAP, NULL_ID, 8, 0),
                lastStatus());
            assertEquals(1, manager.gaps());
            assertEquals(1, manager.bufferedDiffs(ID));

            snapshot(4);
            assertEquals(FeedState.SYNCING, manager.state(ID), "snapshot before the hole is useless");
            assertEquals(FeedStatusReason.SNAPSHOT_OUT_OF_RANGE, lastStatus().reason());

            snapshot(7);
            assertEquals(FeedState.LIVE, manager.state(ID));
            assertEquals(0, manager.resyncs(), "first sync, not a resync");
            assertEquals(9, lastLevels().lastUpdateId());
        }
    }

    @Nested
    class Stale
    {
        @Test
        void shouldMarkALiveBookStaleClearItAndResyncFromTheNextDiff()
        {
            manager(Venue.BINANCE_SPOT);
            spotDiff(1, 5);
            snapshot(4);
            spotDiff(6, 8);
            assertEquals(FeedState.LIVE, manager.state(ID));
            final int levelsBefore = out.levels().size();
            snapshotRequests.clear();

            assertTrue(manager.markStale(ID, FeedStatusReason.DISCONNECTED, 5_000));
            assertEquals(FeedState.STALE, manager.state(ID));
            assertEquals(new RecordingSink.Status(ID, FeedState.STALE, FeedStatusReason.DISCONNECTED, 8, NULL_ID, 0),
                lastStatus());
            assertEquals(0, manager.book(ID).bidLevelCount(), "cleared");
            assertEquals(1, manager.stalePeriods());
            assertEquals(List.of(), snapshotRequests, "no snapshot until data flows again");
            assertFalse(manager.markStale(ID, FeedStatusReason.HEARTBEAT_TIMEOUT, 6_000), "already stale");

            snapshot(9);
            assertEquals(FeedState.STALE, manager.state(ID), "a snapshot requested before the loss is ignored");

            spotDiff(20, 22);
            assertEquals(FeedState.RESYNCING, manager.state(ID));
            assertEquals(new RecordingSink.Status(ID, FeedState.RESYNCING, FeedStatusReason.RECONNECTED, 8, 20, 0),
                lastStatus());
            assertEquals(List.of(ID), snapshotRequests);
            assertEquals(levelsBefore, out.levels().size(), "nothing published while stale or resyncing");

            snapshot(21);
            assertEquals(FeedState.LIVE, manager.state(ID));
            assertEquals(
                new RecordingSink.Status(ID, FeedState.LIVE, FeedStatusReason.SNAPSHOT_APPLIED, 21, NULL_ID, 1),
                lastStatus());
            assertEquals(1, manager.resyncs());
            assertEquals(22, lastLevels().lastUpdateId());
        }

        @Test
        void shouldLeaveInstrumentsWithoutABookAlone()
        {
            manager(Venue.BINANCE_SPOT);
            assertFalse(manager.markStale(ID, FeedStatusReason.DISCONNECTED, 5_000));
            assertEquals(0, out.size());
            assertEquals(0, manager.stalePeriods());
        }

        @Test
        void shouldMarkASyncingBookStaleAndDropItsBufferedDiffs()
        {
            manager(Venue.BINANCE_SPOT);
            spotDiff(1, 5);
            spotDiff(6, 7);
            assertTrue(manager.markStale(ID, FeedStatusReason.HEARTBEAT_TIMEOUT, 5_000));
            assertEquals(0, manager.bufferedDiffs(ID));
            assertEquals(FeedStatusReason.HEARTBEAT_TIMEOUT, lastStatus().reason());

            spotDiff(30, 31);
            snapshot(30);
            assertEquals(FeedState.LIVE, manager.state(ID));
            assertEquals(31, manager.lastUpdateId(ID));
        }
    }

    @Nested
    class Futures
    {
        @Test
        void shouldBridgeSnapshotWithDiffEndingAtIt()
        {
            manager(Venue.BINANCE_USDM);
            diff(100, 110, 90, levels(97, 1), NONE);
            diff(111, 120, 110, levels(97, 2), NONE);
            diff(125, 130, 120, levels(97, 3), NONE);
            snapshot(120);

            assertEquals(FeedState.LIVE, manager.state(ID));
            assertEquals(1, manager.staleDiffs(), "u < L dropped");
            assertEquals(130, manager.lastUpdateId(ID), "u == L bridges and is applied, then pu chains");
            assertEquals(3, manager.book(ID).bidSizeAt(97));
        }

        @Test
        void shouldRejectSnapshotOlderThanFirstBufferedDiff()
        {
            manager(Venue.BINANCE_USDM);
            diff(100, 110, 90, NONE, NONE);
            snapshot(99);

            assertEquals(FeedState.SYNCING, manager.state(ID), "L < U: too old for futures");
            assertEquals(FeedStatusReason.SNAPSHOT_OUT_OF_RANGE, lastStatus().reason());

            snapshot(100);
            assertEquals(FeedState.LIVE, manager.state(ID), "U <= L <= u");
        }

        @Test
        void shouldDetectGapWhenPreviousIdDoesNotMatch()
        {
            manager(Venue.BINANCE_USDM);
            diff(100, 110, 90, NONE, NONE);
            snapshot(105);
            diff(115, 118, 112, NONE, NONE);

            assertEquals(FeedState.RESYNCING, manager.state(ID));
            assertEquals(new RecordingSink.Status(ID, FeedState.RESYNCING, FeedStatusReason.SEQUENCE_GAP, 110, 112, 0),
                lastStatus(), "receivedUpdateId is the pu that broke the chain");

            diff(119, 125, 118, NONE, NONE);
            snapshot(120);
            assertEquals(FeedState.LIVE, manager.state(ID));
            assertEquals(125, lastLevels().lastUpdateId());
            assertEquals(1, manager.resyncs());
        }

        @Test
        void shouldRequireFirstDiffAfterSnapshotToBridgeIt()
        {
            manager(Venue.BINANCE_COINM);
            snapshot(200);
            assertEquals(FeedState.LIVE, manager.state(ID), "a snapshot before any diff is applied at once");
            assertEquals(200, lastLevels().lastUpdateId());

            diff(150, 199, 140, NONE, NONE);
            assertEquals(FeedState.LIVE, manager.state(ID), "older diff dropped");
            diff(201, 210, 199, NONE, NONE);

            assertEquals(FeedState.RESYNCING, manager.state(ID), "U > L: does not bridge");
            assertEquals(1, manager.gaps());
        }

        @Test
        void shouldTreatMissingPreviousIdAsGap()
        {
            manager(Venue.SYNTHETIC);
            diff(100, 110, 90, NONE, NONE);
            snapshot(105);
            diff(111, 112, NULL_ID, NONE, NONE);
            assertEquals(FeedState.RESYNCING, manager.state(ID));
        }
    }

    @Test
    void shouldPublishTopLevelsCountsAndTimes()
    {
        manager(Venue.BINANCE_SPOT);
        clock.set(5_000);
        spotDiff(1, 5);
        clock.set(6_000);
        snapshot(5);
        clock.set(7_000);
        final int length = messages.depthUpdate(ID, 6, 6, NULL_ID, levels(100, 0, 99, 25), levels(101, 12), 6_500);
        manager.onMessage(messages.buffer(), 0, length);

        final RecordingSink.Levels levels = lastLevels();
        assertEquals(ID, levels.instrumentId());
        assertEquals(6, levels.lastUpdateId());
        assertEquals(2, levels.bidCount());
        assertEquals(3, levels.askCount());
        assertEquals(List.of(99L, 25L, 98L, 30L), levels.bids());
        assertEquals(List.of(101L, 12L, 102L, 21L), levels.asks());
        assertEquals(6_499, levels.eventTimeNs());
        assertEquals(6_500, levels.receiveTimeNs());
        assertEquals(7_000, levels.publishTimeNs());
    }

    @Test
    void shouldNeverPublishCrossedBookAndResync()
    {
        manager(Venue.BINANCE_SPOT);
        spotDiff(1, 5);
        snapshot(5);
        final int published = out.levels().size();

        diff(6, 6, NULL_ID, levels(101, 1), NONE);

        assertEquals(published, out.levels().size(), "crossed book not published");
        assertEquals(FeedState.RESYNCING, manager.state(ID));
        assertEquals(new RecordingSink.Status(ID, FeedState.RESYNCING, FeedStatusReason.CROSSED_BOOK, 6, 6, 0),
            lastStatus());
        assertEquals(1, manager.crossedBooks());
        assertEquals(0, manager.gaps());
        assertEquals(1, manager.bufferedDiffs(ID), "the crossing diff is kept for an older snapshot");

        spotDiff(7, 8);
        snapshot(8);
        assertEquals(FeedState.LIVE, manager.state(ID));
        assertEquals(1, manager.resyncs());
        for (final RecordingSink.Levels levels : out.levels())
        {
            assertTrue(levels.bestBid() < levels.bestAsk());
        }
    }

    @Test
    void shouldNeverPublishCrossedBookWhileApplyingBufferedDiffs()
    {
        manager(Venue.BINANCE_SPOT);
        spotDiff(1, 5);
        diff(6, 6, NULL_ID, levels(150, 1), NONE);
        diff(7, 7, NULL_ID, levels(150, 0), NONE);
        snapshot(5);

        assertEquals(0, out.levels().size());
        assertEquals(FeedState.RESYNCING, manager.state(ID));
        assertEquals(FeedStatusReason.CROSSED_BOOK, lastStatus().reason());
        assertEquals(2, manager.bufferedDiffs(ID), "the crossing diff and the one after it");
    }

    @Test
    void shouldRejectCrossedSnapshot()
    {
        manager(Venue.BINANCE_SPOT);
        spotDiff(1, 5);
        final int length = messages.depthSnapshot(ID, 5, levels(105, 1), levels(104, 1), 0);
        manager.onMessage(messages.buffer(), 0, length);

        assertEquals(FeedState.SYNCING, manager.state(ID));
        assertEquals(FeedStatusReason.CROSSED_BOOK, lastStatus().reason());
        assertEquals(0, out.levels().size());
        assertEquals(1, manager.crossedBooks());
    }

    @Test
    void shouldIgnoreOlderSnapshotWhileLiveAndApplyNewerOne()
    {
        manager(Venue.BINANCE_SPOT);
        spotDiff(1, 5);
        snapshot(5);
        spotDiff(6, 9);
        final int published = out.size();

        snapshot(8);
        assertEquals(published, out.size(), "older snapshot ignored");
        assertEquals(1, manager.snapshotsIgnored());

        snapshot(20);
        assertEquals(FeedState.LIVE, manager.state(ID));
        assertEquals(new RecordingSink.Status(ID, FeedState.LIVE, FeedStatusReason.SNAPSHOT_APPLIED, 20, NULL_ID, 0),
            lastStatus());
        assertEquals(20, lastLevels().lastUpdateId());
        assertEquals(0, manager.book(ID).bidSizeAt(97), "book replaced by the snapshot");

        spotDiff(10, 20);
        assertEquals(FeedState.LIVE, manager.state(ID), "diffs the snapshot contains are dropped");
        spotDiff(21, 22);
        assertEquals(22, lastLevels().lastUpdateId(), "and the next one bridges it");
    }

    @Test
    void shouldDiscardOldestOnOverflowAndRequireNewerSnapshot()
    {
        manager(new BookManager.Context().defaultVenue(Venue.BINANCE_SPOT).bufferMaxMessages(3));
        for (int i = 0; i < 5; i++)
        {
            spotDiff(10 * i + 1, 10 * i + 10);
        }

        assertEquals(2, manager.bufferOverflows());
        assertEquals(3, manager.bufferedDiffs(ID));
        assertEquals(1, out.statuses().stream().filter((s) -> FeedStatusReason.BUFFER_OVERFLOW == s.reason()).count(),
            "reported once");
        assertEquals(new RecordingSink.Status(ID, FeedState.SYNCING, FeedStatusReason.BUFFER_OVERFLOW, NULL_ID, 1, 0),
            lastStatus(), "names the first diff discarded");

        snapshot(15);
        assertEquals(FeedState.SYNCING, manager.state(ID), "the discarded (11,20) is not in the snapshot");
        assertEquals(FeedStatusReason.SNAPSHOT_OUT_OF_RANGE, lastStatus().reason());

        snapshot(25);
        assertEquals(FeedState.LIVE, manager.state(ID));
        assertEquals(50, lastLevels().lastUpdateId());
    }

    @Test
    void shouldDiscardMessagesLargerThanTheBuffer()
    {
        manager(new BookManager.Context().defaultVenue(Venue.BINANCE_SPOT).bufferMaxBytes(1024));
        final long[] many = new long[200];
        for (int i = 0; i < many.length; i += 2)
        {
            many[i] = 50 - i / 2;
            many[i + 1] = 1;
        }
        diff(1, 5, NULL_ID, many, NONE);
        assertEquals(1, manager.bufferOverflows());
        assertEquals(0, manager.bufferedDiffs(ID));

        snapshot(4);
        assertEquals(FeedState.SYNCING, manager.state(ID));
        snapshot(5);
        assertEquals(FeedState.LIVE, manager.state(ID));
    }

    @Test
    void shouldTakeVenueFromDefinitionBeforeRegistryOrDefault()
    {
        manager(Venue.BINANCE_SPOT);
        final int length = messages.definition(ID, Venue.BINANCE_USDM, "BTCUSDT");
        manager.onMessage(messages.buffer(), 0, length);

        diff(100, 110, 90, NONE, NONE);
        snapshot(110);
        assertEquals(FeedState.LIVE, manager.state(ID), "futures rule: u == L bridges");
        assertEquals(110, lastLevels().lastUpdateId());
    }

    @Test
    void shouldRejectDepthOfInstrumentWithoutKnownVenue()
    {
        manager(new BookManager.Context());
        spotDiff(1, 5);
        assertEquals(1, manager.rejectedMessages());
        assertEquals(1, manager.errorLog().count(1), "counted as an instrument without a sync rule");
        assertEquals(FeedState.NULL_VAL, manager.state(ID));
        assertNull(manager.book(ID));
        assertEquals(0, out.size());
    }

    @Test
    void shouldRejectTruncatedAndForeignMessages()
    {
        manager(Venue.BINANCE_SPOT);
        final int length = messages.depthUpdate(ID, 1, 5, NULL_ID, levels(1, 1, 2, 2), NONE, 0);
        manager.onMessage(messages.buffer(), 0, length - 1);
        manager.onMessage(messages.buffer(), 0, 5);
        messages.buffer().putShort(4, (short)99);
        manager.onMessage(messages.buffer(), 0, length);

        assertEquals(3, manager.rejectedMessages());
        assertEquals(0, out.size());
        assertEquals(3, manager.errorLog().totalCount());
        final StringBuilder samples = new StringBuilder();
        assertEquals(3, manager.errorLog().drain(samples, 10));
        assertTrue(samples.toString().contains("malformed message"), samples.toString());
    }

    @Test
    void shouldRescaleDiffsAtAnotherExponent()
    {
        manager(Venue.BINANCE_SPOT);
        spotDiff(1, 5);
        snapshot(5);
        messages.exponents(1, 0);
        final int length = messages.depthUpdate(ID, 6, 6, NULL_ID, levels(9, 4), NONE, 0);
        manager.onMessage(messages.buffer(), 0, length);

        assertEquals(4, manager.book(ID).bidSizeAt(90), "price 9 at 10^1 is 90 at 10^0");
    }

    @Test
    void shouldReportCapacityOncePerLivePeriod()
    {
        manager(new BookManager.Context().defaultVenue(Venue.BINANCE_SPOT).initialLevels(2).maxLevels(3));
        spotDiff(1, 5);
        snapshot(5);
        diff(6, 6, NULL_ID, levels(50, 1), NONE);
        diff(7, 7, NULL_ID, levels(49, 1), NONE);

        assertEquals(2, manager.levelsDroppedAtCapacity());
        assertEquals(1, out.statuses().stream().filter((s) -> FeedStatusReason.BOOK_CAPACITY == s.reason()).count());
        assertEquals(FeedState.LIVE, manager.state(ID));
        assertEquals(3, lastLevels().bidCount());
    }

    @Test
    void shouldCountInCounters()
    {
        final CounterFactory counters = CounterFactory.local(8);
        final Map<String, AtomicCounter> created = new HashMap<>();
        manager(new BookManager.Context().defaultVenue(Venue.BINANCE_SPOT).label("books").counterFactory(
            (typeId, label) ->
            {
                final AtomicCounter counter = counters.newCounter(typeId, label);
                created.put(label, counter);
                return counter;
            }));
        spotDiff(1, 5);
        snapshot(5);
        spotDiff(8, 9);
        snapshot(9);

        assertEquals(1, created.get("books: sequence gaps").get());
        assertEquals(1, created.get("books: resyncs").get());
        assertEquals(0, created.get("books: crossed books").get());
        assertEquals(0, created.get("books: diffs discarded on buffer overflow").get());
    }

    @Test
    void shouldCountPublishedMessages()
    {
        manager(Venue.BINANCE_SPOT);
        spotDiff(1, 5);
        snapshot(5);
        spotDiff(6, 6);
        assertEquals(2, manager.feedStatusPublished());
        assertEquals(2, manager.bookLevelsPublished());
        assertEquals(2, out.count(FeedStatusDecoder.TEMPLATE_ID));
        assertEquals(2, out.count(BookLevelsDecoder.TEMPLATE_ID));
    }
}
