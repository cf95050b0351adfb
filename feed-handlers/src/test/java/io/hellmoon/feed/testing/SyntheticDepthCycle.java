/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.testing;

import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.MessageSink;

/**
 * TEST ONLY: drives a spot book through its whole life again and again without allocating: live diffs touching the
 * top levels, then a gap, diffs buffered while resyncing, and a snapshot that brings it back. Update ids keep
 * increasing so every cycle follows the rules; messages are encoded into a reused buffer from preallocated arrays.
 */
public final class SyntheticDepthCycle implements Runnable
{
    private static final int SNAPSHOT_LEVELS = 200;
    private static final int LIVE_DIFFS = 20;
    private static final int BUFFERED_DIFFS = 3;

    private final int instrumentId;
    private final MessageSink target;
    private final ManualEpochNanoClock clock;
    private final SbeMessages messages = new SbeMessages();
    private final long[] snapshotBids = new long[2 * SNAPSHOT_LEVELS];
    private final long[] snapshotAsks = new long[2 * SNAPSHOT_LEVELS];
    private final long[] diffBids = new long[4];
    private final long[] diffAsks = new long[4];
    private long nextId = 1;
    private long tick;

    /**
     * A cycle for one instrument.
     *
     * @param instrumentId of the book.
     * @param target       to offer the messages to (the pipeline, or a book manager's {@code onMessage}).
     * @param clock        advanced by 1 ms per message.
     */
    public SyntheticDepthCycle(final int instrumentId, final MessageSink target, final ManualEpochNanoClock clock)
    {
        this.instrumentId = instrumentId;
        this.target = target;
        this.clock = clock;
        for (int i = 0; i < SNAPSHOT_LEVELS; i++)
        {
            snapshotBids[2 * i] = 10_000 - i;
            snapshotBids[2 * i + 1] = 5;
            snapshotAsks[2 * i] = 10_001 + i;
            snapshotAsks[2 * i + 1] = 5;
        }
    }

    /**
     * Start: the first diff and a snapshot, so the book is live.
     */
    public void start()
    {
        diff(nextId, nextId);
        snapshot(nextId);
        nextId++;
    }

    /**
     * One cycle: live diffs, a gap, buffered diffs, a snapshot.
     */
    public void run()
    {
        for (int i = 0; i < LIVE_DIFFS; i++)
        {
            diff(nextId, nextId);
            nextId++;
        }
        nextId += 5;
        for (int i = 0; i <= BUFFERED_DIFFS; i++)
        {
            diff(nextId, nextId);
            nextId++;
        }
        snapshot(nextId - 1);
    }

    private void diff(final long first, final long last)
    {
        final long t = tick++;
        diffBids[0] = 10_000 - (t % 10);
        diffBids[1] = 0 == (t & 1) ? 0 : 1 + t % 7;
        diffBids[2] = 9_990 - (t % 5);
        diffBids[3] = 3;
        diffAsks[0] = 10_001 + (t % 10);
        diffAsks[1] = 0 == (t % 3) ? 0 : 4;
        diffAsks[2] = 10_011 + (t % 5);
        diffAsks[3] = 2;
        clock.advance(1_000_000);
        final int length = messages.depthUpdate(
            instrumentId, first, last, SbeMessages.NULL_ID, diffBids, diffAsks, clock.nanoTime());
        target.offer(messages.buffer(), 0, length);
    }

    private void snapshot(final long lastUpdateId)
    {
        clock.advance(1_000_000);
        final int length = messages.depthSnapshot(
            instrumentId, lastUpdateId, snapshotBids, snapshotAsks, clock.nanoTime());
        target.offer(messages.buffer(), 0, length);
    }
}
