/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.book;

import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.HellmoonCounters;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.codecs.errors.SampledErrorLog;
import io.hellmoon.sbe.BookLevelsEncoder;
import io.hellmoon.sbe.DepthSnapshotDecoder;
import io.hellmoon.sbe.DepthUpdateDecoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatusEncoder;
import io.hellmoon.sbe.FeedStatusReason;
import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.Venue;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.SystemUtil;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Function;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * Builds every instrument's L2 book from {@code DepthUpdate} and {@code DepthSnapshot} messages, keeping each in sync
 * with its venue by the venue's {@link SyncRule}, and publishes the synced books as {@code BookLevels} and the sync
 * state as {@code FeedStatus}.
 *
 * <h2>States</h2>
 * <pre>
 *   (unseen) --first diff--&gt; SYNCING --snapshot--&gt; LIVE --gap / crossed--&gt; RESYNCING --snapshot--&gt; LIVE
 *   SYNCING / LIVE / RESYNCING --markStale--&gt; STALE --next diff--&gt; RESYNCING --snapshot--&gt; LIVE
 * </pre>
 * <ul>
 *     <li><b>SYNCING</b> (reason {@code STARTED}): the first diff arrived; diffs are buffered from the start of the
 *     stream, because a snapshot is usually fetched, and in the captures recorded, after the diff that bridges it.</li>
 *     <li><b>LIVE</b> (reason {@code SNAPSHOT_APPLIED}): a snapshot was loaded, buffered diffs older than it dropped
 *     and the rest applied on top; from then on every diff must chain onto the previous one.</li>
 *     <li><b>RESYNCING</b> (reason {@code SEQUENCE_GAP}, or {@code CROSSED_BOOK} when a diff left the book crossed):
 *     the book is cleared, the {@link SnapshotRequester} is asked for a snapshot and diffs are buffered again,
 *     starting with the one that broke the chain. A new snapshot makes the book LIVE again and counts a resync.</li>
 * </ul>
 * Statuses that do not change the state are published too: {@code SNAPSHOT_OUT_OF_RANGE} when a snapshot is too old
 * for the buffered diffs (it is dropped and another is requested), {@code BUFFER_OVERFLOW} the first time an
 * instrument's buffer overflows while it waits (oldest diffs are discarded and a snapshot newer than them is then
 * required), {@code SEQUENCE_GAP} for a gap between buffered diffs, and {@code BOOK_CAPACITY} the first time in a LIVE
 * period that a level falls outside the book's capacity (see {@link OrderBook}).
 * <p>
 * A snapshot arriving while LIVE is ignored when it is not newer than the book, and otherwise replaces the book,
 * which then waits for the diff that bridges it, as after any snapshot.
 *
 * <h2>Output</h2>
 * While an instrument is LIVE a {@code BookLevels} message follows every applied diff, and one follows a snapshot
 * together with the buffered diffs applied on top of it: the best {@code publishedLevels} levels a side, the book's
 * update id and level counts, the event and receive times of the diff that produced it (the snapshot's if none) and
 * the publish time from the clock. A crossed book is never published, and nothing is published for an instrument
 * that is not LIVE.
 * <p>
 * Each instrument's venue, and so its sync rule, comes from the {@code InstrumentDefinition} messages passed in, else
 * from the registry in the {@link Context}, else from the context's default venue; depth of an instrument without a
 * known rule is counted in {@link #rejectedMessages()} and ignored.
 * <p>
 * Allocation free per message once every instrument has been seen and its book and buffer have grown to their
 * working size. Single threaded: all calls on the feed's thread.
 */
public final class BookManager implements SbeHandler, AutoCloseable
{
    private static final int HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;
    private static final int LEVEL_LENGTH = 16;
    private static final int GROUP_HEADER_LENGTH = 4;
    private static final int FEED_STATUS_LENGTH = HEADER_LENGTH + FeedStatusEncoder.BLOCK_LENGTH;

    private static final int MALFORMED = 0;
    private static final int NO_SYNC_RULE = 1;
    private static final int BAD_LEVEL = 2;
    private static final String[] ERROR_REASONS =
    {
        "malformed message", "instrument without a venue sync rule", "level with null price or negative size"
    };

    private static final int UNSEEN = 0;
    private static final int SYNCING = 1;
    private static final int LIVE = 2;
    private static final int RESYNCING = 3;
    private static final int STALE = 4;

    private final int publishedLevels;
    private final int initialLevels;
    private final int maxLevels;
    private final int bufferMaxMessages;
    private final int bufferMaxBytes;
    private final MessageSink output;
    private final EpochNanoClock clock;
    private final SnapshotRequester snapshotRequester;
    private final InstrumentRegistry registry;
    private final Venue defaultVenue;
    private final Function<Venue, SyncRule> syncRules;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final DepthUpdateDecoder depthUpdate = new DepthUpdateDecoder();
    private final DepthSnapshotDecoder depthSnapshot = new DepthSnapshotDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final BookLevelsEncoder bookLevels = new BookLevelsEncoder();
    private final FeedStatusEncoder feedStatus = new FeedStatusEncoder();
    private final UnsafeBuffer bookLevelsBuffer;
    private final UnsafeBuffer feedStatusBuffer;

    private final AtomicCounter gapsCounter;
    private final AtomicCounter resyncsCounter;
    private final AtomicCounter crossedBooksCounter;
    private final AtomicCounter bufferOverflowsCounter;
    private final AtomicCounter rejectedCounter;
    private final SampledErrorLog errorLog;

    private InstrumentBook[] books = new InstrumentBook[64];
    private Venue[] definedVenues = new Venue[64];
    private DiffBuffer spareBuffer;
    private boolean draining;
    private long drainEventTimeNs;
    private long drainReceiveTimeNs;

    private long gaps;
    private long resyncs;
    private long crossedBooks;
    private long bufferOverflows;
    private long snapshotsApplied;
    private long snapshotsRejected;
    private long snapshotsIgnored;
    private long staleDiffs;
    private long rejectedMessages;
    private long rejectedLevels;
    private long levelsDroppedAtCapacity;
    private long bookLevelsPublished;
    private long feedStatusPublished;
    private long stalePeriods;

    /**
     * A book manager.
     *
     * @param ctx its configuration; concluded here if it was not already.
     */
    public BookManager(final Context ctx)
    {
        ctx.conclude();
        publishedLevels = ctx.publishedLevels();
        initialLevels = ctx.initialLevels();
        maxLevels = ctx.maxLevels();
        bufferMaxMessages = ctx.bufferMaxMessages();
        bufferMaxBytes = ctx.bufferMaxBytes();
        output = ctx.output();
        clock = ctx.clock();
        snapshotRequester = ctx.snapshotRequester();
        registry = ctx.registry();
        defaultVenue = ctx.defaultVenue();
        syncRules = ctx.syncRules();

        final int bookLevelsLength = HEADER_LENGTH + BookLevelsEncoder.BLOCK_LENGTH +
            2 * (GROUP_HEADER_LENGTH + publishedLevels * LEVEL_LENGTH);
        bookLevelsBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(bookLevelsLength));
        feedStatusBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(FEED_STATUS_LENGTH));
        spareBuffer = new DiffBuffer(bufferMaxMessages, bufferMaxBytes);

        final CounterFactory counters = ctx.counterFactory();
        final String label = ctx.label();
        gapsCounter = counters.newCounter(HellmoonCounters.GAPS_TYPE_ID, label + ": sequence gaps");
        resyncsCounter = counters.newCounter(HellmoonCounters.RESYNCS_TYPE_ID, label + ": resyncs");
        crossedBooksCounter = counters.newCounter(HellmoonCounters.CROSSED_BOOKS_TYPE_ID, label + ": crossed books");
        bufferOverflowsCounter = counters.newCounter(
            HellmoonCounters.GENERIC_TYPE_ID, label + ": diffs discarded on buffer overflow");
        rejectedCounter = counters.newCounter(HellmoonCounters.DECODE_ERRORS_TYPE_ID, label + ": rejected input");
        errorLog = new SampledErrorLog(label, ERROR_REASONS, rejectedCounter);
    }

    /**
     * Take one message: {@code DepthUpdate}, {@code DepthSnapshot} and {@code InstrumentDefinition} are used, any other
     * Hellmoon message is ignored. Malformed messages are counted in {@link #rejectedMessages()}.
     *
     * @param buffer holding the message.
     * @param offset of the message header.
     * @param length of header and message.
     */
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < HEADER_LENGTH)
        {
            reject(MALFORMED, buffer, offset, length);
            return;
        }
        headerDecoder.wrap(buffer, offset);
        if (DepthUpdateDecoder.SCHEMA_ID != headerDecoder.schemaId())
        {
            reject(MALFORMED, buffer, offset, length);
            return;
        }

        switch (headerDecoder.templateId())
        {
            case DepthUpdateDecoder.TEMPLATE_ID -> onDepthUpdate(buffer, offset, length);
            case DepthSnapshotDecoder.TEMPLATE_ID -> onDepthSnapshot(buffer, offset, length);
            case InstrumentDefinitionDecoder.TEMPLATE_ID -> onInstrumentDefinition(buffer, offset, length);
            default ->
            {
            }
        }
    }

    /**
     * Sync state of an instrument.
     *
     * @param instrumentId of the instrument.
     * @return its state, or {@link FeedState#NULL_VAL} if no depth was seen for it.
     */
    public FeedState state(final int instrumentId)
    {
        final InstrumentBook book = existing(instrumentId);
        if (null == book)
        {
            return FeedState.NULL_VAL;
        }
        return switch (book.state)
        {
            case SYNCING -> FeedState.SYNCING;
            case LIVE -> FeedState.LIVE;
            case RESYNCING -> FeedState.RESYNCING;
            case STALE -> FeedState.STALE;
            default -> FeedState.NULL_VAL;
        };
    }

    /**
     * Mark an instrument's book stale because the connection carrying it was lost or went silent: publish
     * {@code FeedStatus} STALE with the reason, clear the book and any buffered diffs, and ignore snapshots until data
     * flows again; the next diff then starts a resync (RESYNCING, reason {@code RECONNECTED}, a snapshot requested)
     * and the snapshot makes the book LIVE again. Nothing is published for the instrument meanwhile, so nothing
     * downstream trades on it. Instruments without a book (no depth seen yet) and books already stale are left as
     * they are.
     *
     * @param instrumentId of the instrument.
     * @param reason       {@link FeedStatusReason#DISCONNECTED} or {@link FeedStatusReason#HEARTBEAT_TIMEOUT}.
     * @param timeNs       when the loss was noticed, epoch nanoseconds (the status's receive time).
     * @return true if the book was marked, false if it has no book or was already stale.
     */
    public boolean markStale(final int instrumentId, final FeedStatusReason reason, final long timeNs)
    {
        final InstrumentBook book = existing(instrumentId);
        if (null == book || UNSEEN == book.state || STALE == book.state)
        {
            return false;
        }
        book.book.clear();
        book.buffer.clear();
        book.awaitingBridge = false;
        book.state = STALE;
        stalePeriods++;
        publishStatus(
            book, FeedState.STALE, reason, book.lastUpdateId, SyncRule.NULL_UPDATE_ID,
            FeedStatusEncoder.eventTimeNsNullValue(), timeNs);
        return true;
    }

    /**
     * Times a book was marked stale.
     *
     * @return the count.
     */
    public long stalePeriods()
    {
        return stalePeriods;
    }

    /**
     * The book of an instrument, for reading on the same thread; its content is only meaningful while LIVE.
     *
     * @param instrumentId of the instrument.
     * @return the book, or null if no depth was seen for it.
     */
    public OrderBook book(final int instrumentId)
    {
        final InstrumentBook book = existing(instrumentId);
        return null == book ? null : book.book;
    }

    /**
     * Update id of an instrument's book: the last applied diff's final id, or the snapshot's.
     *
     * @param instrumentId of the instrument.
     * @return the id, or {@link SyncRule#NULL_UPDATE_ID} if no snapshot was ever applied.
     */
    public long lastUpdateId(final int instrumentId)
    {
        final InstrumentBook book = existing(instrumentId);
        return null == book ? SyncRule.NULL_UPDATE_ID : book.lastUpdateId;
    }

    /**
     * Completed resyncs of an instrument.
     *
     * @param instrumentId of the instrument.
     * @return the count.
     */
    public int resyncCount(final int instrumentId)
    {
        final InstrumentBook book = existing(instrumentId);
        return null == book ? 0 : book.resyncCount;
    }

    /**
     * Diffs an instrument has buffered while waiting for a snapshot.
     *
     * @param instrumentId of the instrument.
     * @return the count.
     */
    public int bufferedDiffs(final int instrumentId)
    {
        final InstrumentBook book = existing(instrumentId);
        return null == book ? 0 : book.buffer.size();
    }

    /**
     * Sequence gaps detected, in live books and between buffered diffs.
     *
     * @return the count.
     */
    public long gaps()
    {
        return gaps;
    }

    /**
     * Completed resyncs: books that became LIVE again after a gap or a crossed book.
     *
     * @return the count.
     */
    public long resyncs()
    {
        return resyncs;
    }

    /**
     * Books found crossed after a diff (or in a snapshot), and so resynced (or the snapshot dropped).
     *
     * @return the count.
     */
    public long crossedBooks()
    {
        return crossedBooks;
    }

    /**
     * Buffered diffs discarded because a buffer was full.
     *
     * @return the count.
     */
    public long bufferOverflows()
    {
        return bufferOverflows;
    }

    /**
     * Snapshots loaded into a book.
     *
     * @return the count.
     */
    public long snapshotsApplied()
    {
        return snapshotsApplied;
    }

    /**
     * Snapshots dropped because they were too old for the buffered diffs or crossed.
     *
     * @return the count.
     */
    public long snapshotsRejected()
    {
        return snapshotsRejected;
    }

    /**
     * Snapshots ignored because they arrived while LIVE and were not newer than the book, or while STALE.
     *
     * @return the count.
     */
    public long snapshotsIgnored()
    {
        return snapshotsIgnored;
    }

    /**
     * Diffs dropped because the book or snapshot already contained them.
     *
     * @return the count.
     */
    public long staleDiffs()
    {
        return staleDiffs;
    }

    /**
     * Messages that were malformed, or depth of an instrument without a known venue or sync rule.
     *
     * @return the count.
     */
    public long rejectedMessages()
    {
        return rejectedMessages;
    }

    /**
     * Levels skipped because their price was null or their size negative.
     *
     * @return the count.
     */
    public long rejectedLevels()
    {
        return rejectedLevels;
    }

    /**
     * Levels dropped at book capacity, over all books.
     *
     * @return the count.
     */
    public long levelsDroppedAtCapacity()
    {
        return levelsDroppedAtCapacity;
    }

    /**
     * {@code BookLevels} messages offered to the output.
     *
     * @return the count.
     */
    public long bookLevelsPublished()
    {
        return bookLevelsPublished;
    }

    /**
     * {@code FeedStatus} messages offered to the output.
     *
     * @return the count.
     */
    public long feedStatusPublished()
    {
        return feedStatusPublished;
    }

    /**
     * Samples of rejected input (malformed messages, depth of instruments without a sync rule, bad levels), for the
     * feed's duty cycle or a tool to drain with {@link SampledErrorLog#drain(Appendable, int)}.
     *
     * @return the error log.
     */
    public SampledErrorLog errorLog()
    {
        return errorLog;
    }

    /**
     * Close the counters.
     */
    public void close()
    {
        CloseHelper.closeAll(gapsCounter, resyncsCounter, crossedBooksCounter, bufferOverflowsCounter, rejectedCounter);
    }

    private void onInstrumentDefinition(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < HEADER_LENGTH + headerDecoder.blockLength())
        {
            reject(MALFORMED, buffer, offset, length);
            return;
        }
        definition.wrap(buffer, offset + HEADER_LENGTH, headerDecoder.blockLength(), headerDecoder.version());
        final int instrumentId = definition.instrumentId();
        final Venue venue = definition.venue();
        if (instrumentId <= 0 || Venue.NULL_VAL == venue)
        {
            reject(MALFORMED, buffer, offset, length);
            return;
        }
        if (instrumentId >= definedVenues.length)
        {
            definedVenues = Arrays.copyOf(definedVenues, Math.max(instrumentId + 1, 2 * definedVenues.length));
        }
        definedVenues[instrumentId] = venue;
    }

    private void onDepthUpdate(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!isComplete(buffer, offset, length, headerDecoder.blockLength()))
        {
            reject(MALFORMED, buffer, offset, length);
            return;
        }
        depthUpdate.wrap(buffer, offset + HEADER_LENGTH, headerDecoder.blockLength(), headerDecoder.version());
        final InstrumentBook book = bookFor(depthUpdate.instrumentId());
        if (null == book)
        {
            reject(NO_SYNC_RULE, buffer, offset, length);
            return;
        }
        onDiff(book, buffer, offset, length);
    }

    private void onDepthSnapshot(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!isComplete(buffer, offset, length, headerDecoder.blockLength()))
        {
            reject(MALFORMED, buffer, offset, length);
            return;
        }
        depthSnapshot.wrap(buffer, offset + HEADER_LENGTH, headerDecoder.blockLength(), headerDecoder.version());
        final InstrumentBook book = bookFor(depthSnapshot.instrumentId());
        if (null == book)
        {
            reject(NO_SYNC_RULE, buffer, offset, length);
            return;
        }

        if (STALE == book.state)
        {
            // Requested before the connection was lost: the diffs that would bridge it are gone.
            snapshotsIgnored++;
            return;
        }

        final long snapshotId = depthSnapshot.lastUpdateId();
        final long eventTimeNs = depthSnapshot.eventTimeNs();
        final long receiveTimeNs = depthSnapshot.receiveTimeNs();
        final SyncRule rule = book.rule;
        final DiffBuffer diffs = book.buffer;

        if (LIVE == book.state)
        {
            if (snapshotId <= book.lastUpdateId)
            {
                snapshotsIgnored++;
                return;
            }
        }
        else if (
            (0 != diffs.discarded() && !rule.isStale(
                snapshotId, diffs.discardedFirstId(), diffs.discardedFinalId(), diffs.discardedPrevId())) ||
            (!diffs.isEmpty() && rule.isSnapshotTooOld(
                snapshotId, diffs.firstId(0), diffs.finalId(0), diffs.prevId(0))))
        {
            snapshotsRejected++;
            final long linkId = diffs.isEmpty() ?
                rule.linkId(diffs.discardedFirstId(), diffs.discardedFinalId(), diffs.discardedPrevId()) :
                rule.linkId(diffs.firstId(0), diffs.finalId(0), diffs.prevId(0));
            publishStatus(
                book, publishedState(book), FeedStatusReason.SNAPSHOT_OUT_OF_RANGE, snapshotId, linkId, eventTimeNs,
                receiveTimeNs);
            snapshotRequester.requestSnapshot(book.instrumentId);
            return;
        }

        final OrderBook orderBook = book.book;
        orderBook.clear();
        final long droppedBefore = orderBook.levelsDroppedAtCapacity();
        orderBook.load(depthSnapshot);
        final long dropped = orderBook.levelsDroppedAtCapacity() - droppedBefore;

        if (orderBook.isCrossed())
        {
            orderBook.clear();
            crossedBooks++;
            crossedBooksCounter.incrementRelease();
            snapshotsRejected++;
            if (LIVE == book.state)
            {
                // The live book was replaced by the load: it has to be rebuilt from a newer snapshot.
                enterResyncing(book);
            }
            publishStatus(
                book, publishedState(book), FeedStatusReason.CROSSED_BOOK, snapshotId, SyncRule.NULL_UPDATE_ID,
                eventTimeNs, receiveTimeNs);
            snapshotRequester.requestSnapshot(book.instrumentId);
            return;
        }

        final boolean resynced = RESYNCING == book.state;
        book.state = LIVE;
        book.lastUpdateId = snapshotId;
        book.awaitingBridge = true;
        book.overflowReported = false;
        book.capacityReported = false;
        snapshotsApplied++;
        if (resynced)
        {
            book.resyncCount++;
            resyncs++;
            resyncsCounter.incrementRelease();
        }
        publishStatus(
            book, FeedState.LIVE, FeedStatusReason.SNAPSHOT_APPLIED, snapshotId, SyncRule.NULL_UPDATE_ID, eventTimeNs,
            receiveTimeNs);
        if (0 != dropped)
        {
            onLevelsDropped(book, dropped, eventTimeNs, receiveTimeNs);
        }

        drainEventTimeNs = eventTimeNs;
        drainReceiveTimeNs = receiveTimeNs;
        if (!book.buffer.isEmpty())
        {
            drain(book);
        }
        if (LIVE == book.state)
        {
            publishBookLevels(book, drainEventTimeNs, drainReceiveTimeNs);
        }
    }

    /**
     * Apply the diffs buffered before the snapshot through the same path as live ones, with the book's buffer swapped
     * for an empty one: a gap among them starts buffering again in the fresh buffer.
     */
    private void drain(final InstrumentBook book)
    {
        final DiffBuffer buffered = book.buffer;
        book.buffer = spareBuffer;
        spareBuffer = buffered;

        draining = true;
        try
        {
            final DirectBuffer bytes = buffered.buffer();
            for (int i = 0, size = buffered.size(); i < size; i++)
            {
                final int offset = buffered.offset(i);
                headerDecoder.wrap(bytes, offset);
                depthUpdate.wrap(bytes, offset + HEADER_LENGTH, headerDecoder.blockLength(), headerDecoder.version());
                onDiff(book, bytes, offset, buffered.length(i));
            }
        }
        finally
        {
            draining = false;
            buffered.clear();
        }
    }

    /**
     * One diff, with {@link #depthUpdate} wrapped on it.
     */
    private void onDiff(final InstrumentBook book, final DirectBuffer buffer, final int offset, final int length)
    {
        final long firstId = depthUpdate.firstUpdateId();
        final long finalId = depthUpdate.finalUpdateId();
        final long prevId = depthUpdate.prevFinalUpdateId();

        switch (book.state)
        {
            case LIVE -> applyDiff(book, buffer, offset, length, firstId, finalId, prevId);
            case SYNCING, RESYNCING -> bufferDiff(book, buffer, offset, length, firstId, finalId, prevId);
            case STALE ->
            {
                book.state = RESYNCING;
                publishStatus(
                    book, FeedState.RESYNCING, FeedStatusReason.RECONNECTED, book.lastUpdateId,
                    book.rule.linkId(firstId, finalId, prevId), depthUpdate.eventTimeNs(), depthUpdate.receiveTimeNs());
                snapshotRequester.requestSnapshot(book.instrumentId);
                bufferDiff(book, buffer, offset, length, firstId, finalId, prevId);
            }
            default ->
            {
                book.state = SYNCING;
                publishStatus(
                    book, FeedState.SYNCING, FeedStatusReason.STARTED, SyncRule.NULL_UPDATE_ID,
                    book.rule.linkId(firstId, finalId, prevId), depthUpdate.eventTimeNs(), depthUpdate.receiveTimeNs());
                snapshotRequester.requestSnapshot(book.instrumentId);
                bufferDiff(book, buffer, offset, length, firstId, finalId, prevId);
            }
        }
    }

    private void bufferDiff(
        final InstrumentBook book,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long firstId,
        final long finalId,
        final long prevId)
    {
        final SyncRule rule = book.rule;
        final DiffBuffer diffs = book.buffer;
        if (!diffs.isEmpty())
        {
            final long lastFinalId = diffs.finalId(diffs.size() - 1);
            if (!rule.follows(lastFinalId, firstId, finalId, prevId))
            {
                if (rule.isStale(lastFinalId, firstId, finalId, prevId))
                {
                    staleDiffs++;
                    return;
                }

                // The buffered chain is broken: no snapshot can bridge across the hole, so keep only what follows it.
                countGap();
                diffs.discardAll();
                publishStatus(
                    book, publishedState(book), FeedStatusReason.SEQUENCE_GAP, SyncRule.NULL_UPDATE_ID,
                    rule.linkId(firstId, finalId, prevId), depthUpdate.eventTimeNs(), depthUpdate.receiveTimeNs());
                snapshotRequester.requestSnapshot(book.instrumentId);
            }
        }

        final int discarded = diffs.add(buffer, offset, length, firstId, finalId, prevId);
        if (0 != discarded)
        {
            bufferOverflows += discarded;
            bufferOverflowsCounter.getAndAddRelease(discarded);
            if (!book.overflowReported)
            {
                book.overflowReported = true;
                publishStatus(
                    book, publishedState(book), FeedStatusReason.BUFFER_OVERFLOW, SyncRule.NULL_UPDATE_ID,
                    rule.linkId(diffs.discardedFirstId(), diffs.discardedFinalId(), diffs.discardedPrevId()),
                    depthUpdate.eventTimeNs(), depthUpdate.receiveTimeNs());
            }
        }
    }

    private void applyDiff(
        final InstrumentBook book,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long firstId,
        final long finalId,
        final long prevId)
    {
        final SyncRule rule = book.rule;
        if (rule.isStale(book.lastUpdateId, firstId, finalId, prevId))
        {
            staleDiffs++;
            return;
        }

        final boolean chained = book.awaitingBridge ?
            rule.bridges(book.lastUpdateId, firstId, finalId, prevId) :
            rule.follows(book.lastUpdateId, firstId, finalId, prevId);
        final long eventTimeNs = depthUpdate.eventTimeNs();
        final long receiveTimeNs = depthUpdate.receiveTimeNs();
        if (!chained)
        {
            countGap();
            publishStatus(
                book, FeedState.RESYNCING, FeedStatusReason.SEQUENCE_GAP, book.lastUpdateId,
                rule.linkId(firstId, finalId, prevId), eventTimeNs, receiveTimeNs);
            restartSync(book, buffer, offset, length, firstId, finalId, prevId);
            return;
        }

        book.awaitingBridge = false;
        final long dropped = applyLevels(book.book, buffer, offset, length);
        book.lastUpdateId = finalId;

        if (book.book.isCrossed())
        {
            crossedBooks++;
            crossedBooksCounter.incrementRelease();
            publishStatus(
                book, FeedState.RESYNCING, FeedStatusReason.CROSSED_BOOK, finalId,
                rule.linkId(firstId, finalId, prevId), eventTimeNs, receiveTimeNs);
            // Buffer the diff that crossed the book too: a snapshot older than it still needs it applied.
            restartSync(book, buffer, offset, length, firstId, finalId, prevId);
            return;
        }

        if (0 != dropped)
        {
            onLevelsDropped(book, dropped, eventTimeNs, receiveTimeNs);
        }

        if (draining)
        {
            drainEventTimeNs = eventTimeNs;
            drainReceiveTimeNs = receiveTimeNs;
        }
        else
        {
            publishBookLevels(book, eventTimeNs, receiveTimeNs);
        }
    }

    private void restartSync(
        final InstrumentBook book,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long firstId,
        final long finalId,
        final long prevId)
    {
        enterResyncing(book);
        final int discarded = book.buffer.add(buffer, offset, length, firstId, finalId, prevId);
        if (0 != discarded)
        {
            bufferOverflows += discarded;
            bufferOverflowsCounter.getAndAddRelease(discarded);
        }
        snapshotRequester.requestSnapshot(book.instrumentId);
    }

    private void enterResyncing(final InstrumentBook book)
    {
        book.book.clear();
        book.state = RESYNCING;
        book.awaitingBridge = false;
        book.buffer.clear();
    }

    private long applyLevels(
        final OrderBook orderBook, final DirectBuffer buffer, final int offset, final int length)
    {
        final int priceExponent = depthUpdate.priceExponent();
        final int sizeExponent = depthUpdate.sizeExponent();
        final int bookPriceExponent = orderBook.priceExponent();
        final int bookSizeExponent = orderBook.sizeExponent();
        final boolean rescale = priceExponent != bookPriceExponent || sizeExponent != bookSizeExponent;
        long dropped = 0;

        final DepthUpdateDecoder.BidsDecoder bids = depthUpdate.bids();
        while (bids.hasNext())
        {
            bids.next();
            long price = bids.price();
            long size = bids.size();
            if (Long.MIN_VALUE == price || size < 0)
            {
                rejectedLevels++;
                errorLog.record(BAD_LEVEL, buffer, offset, length, -1, depthUpdate.receiveTimeNs());
                continue;
            }
            if (rescale)
            {
                price = FixedPoint.rescale(price, priceExponent, bookPriceExponent);
                size = FixedPoint.rescale(size, sizeExponent, bookSizeExponent);
            }
            if (!orderBook.setBid(price, size))
            {
                dropped++;
            }
        }

        final DepthUpdateDecoder.AsksDecoder asks = depthUpdate.asks();
        while (asks.hasNext())
        {
            asks.next();
            long price = asks.price();
            long size = asks.size();
            if (Long.MIN_VALUE == price || size < 0)
            {
                rejectedLevels++;
                errorLog.record(BAD_LEVEL, buffer, offset, length, -1, depthUpdate.receiveTimeNs());
                continue;
            }
            if (rescale)
            {
                price = FixedPoint.rescale(price, priceExponent, bookPriceExponent);
                size = FixedPoint.rescale(size, sizeExponent, bookSizeExponent);
            }
            if (!orderBook.setAsk(price, size))
            {
                dropped++;
            }
        }

        return dropped;
    }

    private void onLevelsDropped(
        final InstrumentBook book, final long dropped, final long eventTimeNs, final long receiveTimeNs)
    {
        levelsDroppedAtCapacity += dropped;
        if (!book.capacityReported)
        {
            book.capacityReported = true;
            publishStatus(
                book, FeedState.LIVE, FeedStatusReason.BOOK_CAPACITY, book.lastUpdateId, SyncRule.NULL_UPDATE_ID,
                eventTimeNs, receiveTimeNs);
        }
    }

    private void reject(final int reason, final DirectBuffer buffer, final int offset, final int length)
    {
        rejectedMessages++;
        errorLog.record(reason, buffer, offset, length, -1, clock.nanoTime());
    }

    private void countGap()
    {
        gaps++;
        gapsCounter.incrementRelease();
    }

    private void publishBookLevels(final InstrumentBook book, final long eventTimeNs, final long receiveTimeNs)
    {
        final OrderBook orderBook = book.book;
        if (orderBook.isCrossed())
        {
            return;
        }

        bookLevels.wrapAndApplyHeader(bookLevelsBuffer, 0, headerEncoder)
            .instrumentId(book.instrumentId)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(clock.nanoTime())
            .lastUpdateId(book.lastUpdateId)
            .bidLevelCount(orderBook.bidLevelCount())
            .askLevelCount(orderBook.askLevelCount())
            .priceExponent((byte)orderBook.priceExponent())
            .sizeExponent((byte)orderBook.sizeExponent());

        final int bidCount = Math.min(publishedLevels, orderBook.bidLevelCount());
        final BookLevelsEncoder.BidsEncoder bids = bookLevels.bidsCount(bidCount);
        for (int level = 0; level < bidCount; level++)
        {
            bids.next().price(orderBook.bidPrice(level)).size(orderBook.bidSize(level));
        }

        final int askCount = Math.min(publishedLevels, orderBook.askLevelCount());
        final BookLevelsEncoder.AsksEncoder asks = bookLevels.asksCount(askCount);
        for (int level = 0; level < askCount; level++)
        {
            asks.next().price(orderBook.askPrice(level)).size(orderBook.askSize(level));
        }

        bookLevelsPublished++;
        output.offer(bookLevelsBuffer, 0, HEADER_LENGTH + bookLevels.encodedLength());
    }

    private void publishStatus(
        final InstrumentBook book,
        final FeedState state,
        final FeedStatusReason reason,
        final long lastUpdateId,
        final long receivedUpdateId,
        final long eventTimeNs,
        final long receiveTimeNs)
    {
        feedStatus.wrapAndApplyHeader(feedStatusBuffer, 0, headerEncoder)
            .instrumentId(book.instrumentId)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(clock.nanoTime())
            .state(state)
            .reason(reason)
            .lastUpdateId(lastUpdateId)
            .receivedUpdateId(receivedUpdateId)
            .resyncCount(book.resyncCount);

        feedStatusPublished++;
        output.offer(feedStatusBuffer, 0, FEED_STATUS_LENGTH);
    }

    private static FeedState publishedState(final InstrumentBook book)
    {
        return switch (book.state)
        {
            case LIVE -> FeedState.LIVE;
            case RESYNCING -> FeedState.RESYNCING;
            case STALE -> FeedState.STALE;
            default -> FeedState.SYNCING;
        };
    }

    private InstrumentBook existing(final int instrumentId)
    {
        return instrumentId > 0 && instrumentId < books.length ? books[instrumentId] : null;
    }

    private InstrumentBook bookFor(final int instrumentId)
    {
        final InstrumentBook existing = existing(instrumentId);
        if (null != existing || instrumentId <= 0)
        {
            return existing;
        }

        final Venue venue = venueOf(instrumentId);
        final SyncRule rule = null == venue ? null : syncRules.apply(venue);
        if (null == rule)
        {
            return null;
        }

        if (instrumentId >= books.length)
        {
            books = Arrays.copyOf(books, Math.max(instrumentId + 1, 2 * books.length));
        }
        final InstrumentBook book = new InstrumentBook(
            instrumentId, rule, new OrderBook(initialLevels, maxLevels),
            new DiffBuffer(bufferMaxMessages, bufferMaxBytes));
        books[instrumentId] = book;
        return book;
    }

    private Venue venueOf(final int instrumentId)
    {
        if (instrumentId < definedVenues.length && null != definedVenues[instrumentId])
        {
            return definedVenues[instrumentId];
        }
        if (null != registry)
        {
            final Instrument instrument = registry.get(instrumentId);
            if (null != instrument)
            {
                return instrument.venue();
            }
        }
        return defaultVenue;
    }

    /**
     * Whether a depth message's two level groups lie within its length, so decoding cannot read past it.
     */
    private static boolean isComplete(
        final DirectBuffer buffer, final int offset, final int length, final int blockLength)
    {
        final long end = (long)offset + length;
        long position = (long)offset + HEADER_LENGTH + blockLength;
        for (int group = 0; group < 2; group++)
        {
            if (position + GROUP_HEADER_LENGTH > end)
            {
                return false;
            }
            final int groupBlockLength = buffer.getShort((int)position, LITTLE_ENDIAN) & 0xFFFF;
            final int count = buffer.getShort((int)position + 2, LITTLE_ENDIAN) & 0xFFFF;
            if (0 != count && groupBlockLength < LEVEL_LENGTH)
            {
                return false;
            }
            position += GROUP_HEADER_LENGTH + (long)groupBlockLength * count;
        }
        return position <= end;
    }

    /**
     * Sync state of one instrument.
     */
    private static final class InstrumentBook
    {
        final int instrumentId;
        final SyncRule rule;
        final OrderBook book;
        DiffBuffer buffer;
        int state = UNSEEN;
        long lastUpdateId = SyncRule.NULL_UPDATE_ID;
        boolean awaitingBridge;
        int resyncCount;
        boolean overflowReported;
        boolean capacityReported;

        InstrumentBook(final int instrumentId, final SyncRule rule, final OrderBook book, final DiffBuffer buffer)
        {
            this.instrumentId = instrumentId;
            this.rule = rule;
            this.book = book;
            this.buffer = buffer;
        }
    }

    /**
     * Property names and defaults of the book manager.
     */
    public static final class Configuration
    {
        /**
         * Levels per side in each {@code BookLevels} message.
         */
        public static final String PUBLISHED_LEVELS_PROP_NAME = "hellmoon.feed.book.published.levels";

        /**
         * Default levels per side published.
         */
        public static final int PUBLISHED_LEVELS_DEFAULT = 10;

        /**
         * Most levels a book keeps per side (see {@link OrderBook} for what happens beyond).
         */
        public static final String MAX_LEVELS_PROP_NAME = "hellmoon.feed.book.max.levels";

        /**
         * Default most levels per side: above Binance's deepest snapshot (5,000) with room for the levels diffs add.
         */
        public static final int MAX_LEVELS_DEFAULT = 10_000;

        /**
         * Slots a book side starts with; it doubles up to the maximum as the book deepens.
         */
        public static final String INITIAL_LEVELS_PROP_NAME = "hellmoon.feed.book.initial.levels";

        /**
         * Default initial slots per side.
         */
        public static final int INITIAL_LEVELS_DEFAULT = OrderBook.DEFAULT_INITIAL_LEVELS;

        /**
         * Most diffs an instrument buffers while it waits for a snapshot.
         */
        public static final String BUFFER_MAX_MESSAGES_PROP_NAME = "hellmoon.feed.book.buffer.max.messages";

        /**
         * Default most diffs buffered: minutes of a busy {@code @depth@0ms} stream, for rate-limited snapshots.
         */
        public static final int BUFFER_MAX_MESSAGES_DEFAULT = 4096;

        /**
         * Most bytes of diffs an instrument buffers, e.g. {@code 4m}.
         */
        public static final String BUFFER_MAX_BYTES_PROP_NAME = "hellmoon.feed.book.buffer.max.bytes";

        /**
         * Default most bytes buffered per instrument; buffers grow to it only when needed.
         */
        public static final int BUFFER_MAX_BYTES_DEFAULT = 4 * 1024 * 1024;

        private Configuration()
        {
        }

        /**
         * Levels per side published, from the property or the default.
         *
         * @return the value.
         */
        public static int publishedLevels()
        {
            return Integer.getInteger(PUBLISHED_LEVELS_PROP_NAME, PUBLISHED_LEVELS_DEFAULT);
        }

        /**
         * Most levels per side, from the property or the default.
         *
         * @return the value.
         */
        public static int maxLevels()
        {
            return Integer.getInteger(MAX_LEVELS_PROP_NAME, MAX_LEVELS_DEFAULT);
        }

        /**
         * Initial slots per side, from the property or the default.
         *
         * @return the value.
         */
        public static int initialLevels()
        {
            return Integer.getInteger(INITIAL_LEVELS_PROP_NAME, INITIAL_LEVELS_DEFAULT);
        }

        /**
         * Most diffs buffered per instrument, from the property or the default.
         *
         * @return the value.
         */
        public static int bufferMaxMessages()
        {
            return Integer.getInteger(BUFFER_MAX_MESSAGES_PROP_NAME, BUFFER_MAX_MESSAGES_DEFAULT);
        }

        /**
         * Most bytes buffered per instrument, from the property (a size such as {@code 4m}) or the default.
         *
         * @return the value.
         */
        public static int bufferMaxBytes()
        {
            return SystemUtil.getSizeAsInt(BUFFER_MAX_BYTES_PROP_NAME, BUFFER_MAX_BYTES_DEFAULT);
        }
    }

    /**
     * Configuration of a {@link BookManager}: fields start from {@link Configuration}'s properties and defaults,
     * setters override them, {@link #conclude()} validates. Do not reuse a context for a second manager.
     */
    public static final class Context
    {
        private int publishedLevels = Configuration.publishedLevels();
        private int maxLevels = Configuration.maxLevels();
        private int initialLevels = Configuration.initialLevels();
        private int bufferMaxMessages = Configuration.bufferMaxMessages();
        private int bufferMaxBytes = Configuration.bufferMaxBytes();
        private MessageSink output;
        private EpochNanoClock clock;
        private SnapshotRequester snapshotRequester = SnapshotRequester.NO_OP;
        private CounterFactory counterFactory;
        private String label = "feed books";
        private InstrumentRegistry registry;
        private Venue defaultVenue;
        private Function<Venue, SyncRule> syncRules = SyncRule::forVenue;
        private boolean concluded;

        /**
         * Validate and fill in defaults; called by the manager's constructor, and idempotent.
         *
         * @return this.
         * @throws IllegalStateException naming the property and the reason when a value is invalid.
         */
        public Context conclude()
        {
            if (concluded)
            {
                return this;
            }
            if (publishedLevels < 1 || publishedLevels > 1000)
            {
                throw new IllegalStateException(
                    Configuration.PUBLISHED_LEVELS_PROP_NAME + " must be 1..1000: " + publishedLevels);
            }
            if (initialLevels < 1)
            {
                throw new IllegalStateException(
                    Configuration.INITIAL_LEVELS_PROP_NAME + " must be at least 1: " + initialLevels);
            }
            if (maxLevels < Math.max(initialLevels, publishedLevels))
            {
                throw new IllegalStateException(Configuration.MAX_LEVELS_PROP_NAME + " must be at least " +
                    Configuration.INITIAL_LEVELS_PROP_NAME + " and " + Configuration.PUBLISHED_LEVELS_PROP_NAME +
                    ": " + maxLevels);
            }
            if (bufferMaxMessages < 1)
            {
                throw new IllegalStateException(
                    Configuration.BUFFER_MAX_MESSAGES_PROP_NAME + " must be at least 1: " + bufferMaxMessages);
            }
            if (bufferMaxBytes < 1024)
            {
                throw new IllegalStateException(
                    Configuration.BUFFER_MAX_BYTES_PROP_NAME + " must be at least 1k: " + bufferMaxBytes);
            }
            if (null == output)
            {
                throw new IllegalStateException("output must be set: where BookLevels and FeedStatus go");
            }
            if (null == snapshotRequester)
            {
                throw new IllegalStateException("snapshotRequester must not be null, use SnapshotRequester.NO_OP");
            }
            if (null == syncRules)
            {
                throw new IllegalStateException("syncRules must not be null");
            }
            if (null == clock)
            {
                clock = new SystemEpochNanoClock();
            }
            if (null == counterFactory)
            {
                counterFactory = CounterFactory.local(8);
            }
            concluded = true;
            return this;
        }

        /**
         * Levels per side in each {@code BookLevels}.
         *
         * @param publishedLevels from 1 to 1000, default {@value Configuration#PUBLISHED_LEVELS_DEFAULT}.
         * @return this.
         */
        public Context publishedLevels(final int publishedLevels)
        {
            this.publishedLevels = publishedLevels;
            return this;
        }

        /**
         * Levels per side in each {@code BookLevels}.
         *
         * @return the value.
         */
        public int publishedLevels()
        {
            return publishedLevels;
        }

        /**
         * Most levels a book keeps per side.
         *
         * @param maxLevels at least the initial and published levels.
         * @return this.
         */
        public Context maxLevels(final int maxLevels)
        {
            this.maxLevels = maxLevels;
            return this;
        }

        /**
         * Most levels a book keeps per side.
         *
         * @return the value.
         */
        public int maxLevels()
        {
            return maxLevels;
        }

        /**
         * Slots a book side starts with.
         *
         * @param initialLevels at least 1.
         * @return this.
         */
        public Context initialLevels(final int initialLevels)
        {
            this.initialLevels = initialLevels;
            return this;
        }

        /**
         * Slots a book side starts with.
         *
         * @return the value.
         */
        public int initialLevels()
        {
            return initialLevels;
        }

        /**
         * Most diffs an instrument buffers while waiting for a snapshot.
         *
         * @param bufferMaxMessages at least 1.
         * @return this.
         */
        public Context bufferMaxMessages(final int bufferMaxMessages)
        {
            this.bufferMaxMessages = bufferMaxMessages;
            return this;
        }

        /**
         * Most diffs an instrument buffers.
         *
         * @return the value.
         */
        public int bufferMaxMessages()
        {
            return bufferMaxMessages;
        }

        /**
         * Most bytes of diffs an instrument buffers.
         *
         * @param bufferMaxBytes at least 1024.
         * @return this.
         */
        public Context bufferMaxBytes(final int bufferMaxBytes)
        {
            this.bufferMaxBytes = bufferMaxBytes;
            return this;
        }

        /**
         * Most bytes of diffs an instrument buffers.
         *
         * @return the value.
         */
        public int bufferMaxBytes()
        {
            return bufferMaxBytes;
        }

        /**
         * Where {@code BookLevels} and {@code FeedStatus} messages go. Required.
         *
         * @param output the sink.
         * @return this.
         */
        public Context output(final MessageSink output)
        {
            this.output = output;
            return this;
        }

        /**
         * Where derived messages go.
         *
         * @return the sink.
         */
        public MessageSink output()
        {
            return output;
        }

        /**
         * Clock for publish times; a replay passes one that follows the recording to be deterministic.
         *
         * @param clock epoch clock, default the system's.
         * @return this.
         */
        public Context clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        /**
         * Clock for publish times.
         *
         * @return the clock.
         */
        public EpochNanoClock clock()
        {
            return clock;
        }

        /**
         * Who fetches snapshots when a book needs one.
         *
         * @param snapshotRequester default {@link SnapshotRequester#NO_OP}.
         * @return this.
         */
        public Context snapshotRequester(final SnapshotRequester snapshotRequester)
        {
            this.snapshotRequester = snapshotRequester;
            return this;
        }

        /**
         * Who fetches snapshots.
         *
         * @return the requester.
         */
        public SnapshotRequester snapshotRequester()
        {
            return snapshotRequester;
        }

        /**
         * Where the counters are created.
         *
         * @param counterFactory default counters in local memory.
         * @return this.
         */
        public Context counterFactory(final CounterFactory counterFactory)
        {
            this.counterFactory = counterFactory;
            return this;
        }

        /**
         * Where the counters are created.
         *
         * @return the factory.
         */
        public CounterFactory counterFactory()
        {
            return counterFactory;
        }

        /**
         * Prefix of the counters' labels, e.g. {@code feed binance-usdm books}.
         *
         * @param label the prefix.
         * @return this.
         */
        public Context label(final String label)
        {
            this.label = label;
            return this;
        }

        /**
         * Prefix of the counters' labels.
         *
         * @return the prefix.
         */
        public String label()
        {
            return label;
        }

        /**
         * Registry to find the venue of instruments whose definition was not passed in.
         *
         * @param registry optional.
         * @return this.
         */
        public Context registry(final InstrumentRegistry registry)
        {
            this.registry = registry;
            return this;
        }

        /**
         * Registry for venues.
         *
         * @return the registry or null.
         */
        public InstrumentRegistry registry()
        {
            return registry;
        }

        /**
         * Venue assumed for instruments neither defined nor in the registry.
         *
         * @param defaultVenue optional; without it such instruments' depth is rejected.
         * @return this.
         */
        public Context defaultVenue(final Venue defaultVenue)
        {
            this.defaultVenue = defaultVenue;
            return this;
        }

        /**
         * Venue assumed for unknown instruments.
         *
         * @return the venue or null.
         */
        public Venue defaultVenue()
        {
            return defaultVenue;
        }

        /**
         * The sync rule of each venue; called once per instrument.
         *
         * @param syncRules default {@link SyncRule#forVenue(Venue)}; may return null for venues without a rule.
         * @return this.
         */
        public Context syncRules(final Function<Venue, SyncRule> syncRules)
        {
            this.syncRules = syncRules;
            return this;
        }

        /**
         * The sync rule of each venue.
         *
         * @return the function.
         */
        public Function<Venue, SyncRule> syncRules()
        {
            return syncRules;
        }
    }
}
