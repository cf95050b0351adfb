/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.LongArrayQueue;

import java.util.ArrayList;
import java.util.List;

/**
 * What a replay knows of one instrument: its book from the capture's snapshot on, the diffs that came before that
 * snapshot (kept to bridge it, never served), REST requests waiting for the book, and the first update ids of the
 * diffs the lookahead has read beyond the replay's position. Market thread only.
 */
final class ReplayInstrument
{
    /**
     * Returned by {@link #nextFirstUpdateId()} when the lookahead knows no further diff.
     */
    static final long NO_DIFF = Long.MIN_VALUE;

    private static final int MAX_WITHHELD_DIFFS = 8192;

    private final String key;
    private final MirrorBook book = new MirrorBook();
    private final LongArrayQueue ahead = new LongArrayQueue(NO_DIFF);
    private String symbol;
    private String pair;
    private boolean live;
    private boolean named;
    private boolean appliedSinceSnapshot;
    private long replayDiffs;
    private long lookaheadDiffs;
    private ExpandableArrayBuffer withheld;
    private IntArrayList withheldOffsets;
    private IntArrayList withheldLengths;
    private int withheldEnd;
    private List<DepthRequest> pending;

    ReplayInstrument(final String key)
    {
        this.key = key;
        this.symbol = key.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Lower-case symbol of the stream names.
     */
    String key()
    {
        return key;
    }

    /**
     * The symbol as the venue writes it ({@code s} of the diffs, else the upper-cased key).
     */
    String symbol()
    {
        return symbol;
    }

    /**
     * COIN-M pair ({@code ps}), or null.
     */
    String pair()
    {
        return pair;
    }

    /**
     * Whether the names have been taken from a diff or snapshot.
     */
    boolean isNamed()
    {
        return named;
    }

    void names(final String symbol, final String pair)
    {
        if (null != symbol)
        {
            this.symbol = symbol;
            named = true;
        }
        if (null != pair)
        {
            this.pair = pair;
        }
    }

    boolean hasPair()
    {
        return null != pair;
    }

    MirrorBook book()
    {
        return book;
    }

    boolean isLive()
    {
        return live;
    }

    void live()
    {
        live = true;
    }

    boolean appliedSinceSnapshot()
    {
        return appliedSinceSnapshot;
    }

    void appliedSinceSnapshot(final boolean applied)
    {
        appliedSinceSnapshot = applied;
    }

    // -------------------------------------------------------------------------------------------- withheld diffs

    /**
     * Keep a diff that arrived before the capture's snapshot; the oldest half is dropped beyond
     * {@value #MAX_WITHHELD_DIFFS} (an instrument whose snapshot never comes).
     */
    void withhold(final DirectBuffer buffer, final int offset, final int length)
    {
        if (null == withheld)
        {
            withheld = new ExpandableArrayBuffer(64 * 1024);
            withheldOffsets = new IntArrayList();
            withheldLengths = new IntArrayList();
        }
        if (withheldOffsets.size() == MAX_WITHHELD_DIFFS)
        {
            final int keepFrom = withheldOffsets.getInt(MAX_WITHHELD_DIFFS / 2);
            final int kept = withheldEnd - keepFrom;
            System.arraycopy(withheld.byteArray(), keepFrom, withheld.byteArray(), 0, kept);
            final IntArrayList offsets = new IntArrayList();
            final IntArrayList lengths = new IntArrayList();
            for (int i = MAX_WITHHELD_DIFFS / 2; i < MAX_WITHHELD_DIFFS; i++)
            {
                offsets.addInt(withheldOffsets.getInt(i) - keepFrom);
                lengths.addInt(withheldLengths.getInt(i));
            }
            withheldOffsets = offsets;
            withheldLengths = lengths;
            withheldEnd = kept;
        }
        withheld.putBytes(withheldEnd, buffer, offset, length);
        withheldOffsets.addInt(withheldEnd);
        withheldLengths.addInt(length);
        withheldEnd += length;
    }

    int withheldCount()
    {
        return null == withheldOffsets ? 0 : withheldOffsets.size();
    }

    DirectBuffer withheldBuffer()
    {
        return withheld;
    }

    int withheldOffset(final int i)
    {
        return withheldOffsets.getInt(i);
    }

    int withheldLength(final int i)
    {
        return withheldLengths.getInt(i);
    }

    /**
     * Free the withheld diffs once the snapshot has been applied.
     */
    void clearWithheld()
    {
        withheld = null;
        withheldOffsets = null;
        withheldLengths = null;
        withheldEnd = 0;
    }

    // -------------------------------------------------------------------------------------------- lookahead

    /**
     * The replay has reached this instrument's next diff.
     */
    void onReplayDiff()
    {
        replayDiffs++;
        if (!ahead.isEmpty())
        {
            ahead.pollLong();
        }
    }

    /**
     * The lookahead has read one of this instrument's diffs.
     *
     * @param firstUpdateId its {@code U}.
     */
    void onLookaheadDiff(final long firstUpdateId)
    {
        if (lookaheadDiffs++ >= replayDiffs)
        {
            ahead.offerLong(firstUpdateId);
        }
    }

    /**
     * {@code U} of the diff the replay will reach next, if the lookahead has read it.
     *
     * @return the id or {@link #NO_DIFF}.
     */
    long nextFirstUpdateId()
    {
        return ahead.isEmpty() ? NO_DIFF : ahead.peekLong();
    }

    // -------------------------------------------------------------------------------------------- requests

    void pend(final DepthRequest request)
    {
        if (null == pending)
        {
            pending = new ArrayList<>();
        }
        pending.add(request);
    }

    /**
     * Take the requests waiting for the book; the caller answers them.
     */
    List<DepthRequest> takePending()
    {
        final List<DepthRequest> taken = null == pending ? List.of() : pending;
        pending = null;
        return taken;
    }

    boolean hasPending()
    {
        return null != pending && !pending.isEmpty();
    }
}
