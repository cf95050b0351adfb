/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.appliance;

import io.hellmoon.feed.book.SnapshotRequester;
import org.agrona.collections.IntArrayQueue;
import org.agrona.collections.IntHashSet;

import java.util.function.IntConsumer;

/**
 * Snapshot requests from the books, queued and served later from the source's duty cycle: a book asks while its
 * decoder is in the middle of a frame, so the snapshot cannot be delivered from inside the request (a live feed
 * fetches it over REST asynchronously for the same reason). Each instrument is queued at most once at a time.
 * Allocation free once the queue has grown to the number of instruments.
 */
public final class QueuedSnapshotRequests implements SnapshotRequester
{
    private final IntArrayQueue queue = new IntArrayQueue(1024, Integer.MIN_VALUE);
    private final IntHashSet pending = new IntHashSet(1024);

    /**
     * {@inheritDoc}
     */
    public void requestSnapshot(final int instrumentId)
    {
        if (pending.add(instrumentId))
        {
            queue.addInt(instrumentId);
        }
    }

    /**
     * Serve up to {@code limit} queued requests.
     *
     * @param server delivers the snapshot of an instrument.
     * @param limit  most requests served.
     * @return requests served.
     */
    public int serve(final IntConsumer server, final int limit)
    {
        int served = 0;
        while (served < limit && !queue.isEmpty())
        {
            final int instrumentId = queue.pollInt();
            pending.remove(instrumentId);
            server.accept(instrumentId);
            served++;
        }
        return served;
    }
}
