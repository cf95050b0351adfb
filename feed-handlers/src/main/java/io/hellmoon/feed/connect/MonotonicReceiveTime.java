/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.feed.VenueFrameHandler;
import org.agrona.DirectBuffer;

/**
 * Makes the receive times of everything a feed delivers (frames of all its connections and REST snapshots) strictly
 * increasing, by moving a time that is not later than the previous one to one nanosecond after it. Frames read
 * together share a clock reading, and several connections interleave, so without this two inputs could carry the same
 * time; with it, a recording merged back by receive time replays in exactly the order the decoders saw.
 * <p>
 * Allocation free. Single threaded: on the feed's event loop.
 */
public final class MonotonicReceiveTime implements VenueFrameHandler
{
    private final VenueFrameHandler delegate;
    private long lastTimeNs = Long.MIN_VALUE;

    /**
     * A stamp in front of a handler.
     *
     * @param delegate receives everything with its adjusted time.
     */
    public MonotonicReceiveTime(final VenueFrameHandler delegate)
    {
        this.delegate = delegate;
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        delegate.onFrame(buffer, offset, length, next(receiveTimeNs));
    }

    /**
     * {@inheritDoc}
     */
    public void onDepthSnapshot(
        final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        delegate.onDepthSnapshot(instrumentId, buffer, offset, length, next(receiveTimeNs));
    }

    /**
     * The last time handed on.
     *
     * @return epoch nanoseconds, {@link Long#MIN_VALUE} before the first.
     */
    public long lastTimeNs()
    {
        return lastTimeNs;
    }

    private long next(final long receiveTimeNs)
    {
        final long timeNs = receiveTimeNs > lastTimeNs ? receiveTimeNs : lastTimeNs + 1;
        lastTimeNs = timeNs;
        return timeNs;
    }
}
