/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.appliance;

import io.hellmoon.feed.VenueFrameHandler;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Stamps frames with the time they are delivered instead of the time they were recorded, so a replay can stand in
 * for a live venue: downstream latency checks and the hop latencies then measure this run, while exchange event
 * times stay as recorded.
 */
public final class LiveTimeFrameHandler implements VenueFrameHandler
{
    private final VenueFrameHandler delegate;
    private final EpochNanoClock clock;

    /**
     * A handler re-stamping receive times.
     *
     * @param delegate receiving the frames.
     * @param clock    whose time becomes the receive time.
     */
    public LiveTimeFrameHandler(final VenueFrameHandler delegate, final EpochNanoClock clock)
    {
        this.delegate = delegate;
        this.clock = clock;
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        delegate.onFrame(buffer, offset, length, clock.nanoTime());
    }

    /**
     * {@inheritDoc}
     */
    public void onDepthSnapshot(
        final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        delegate.onDepthSnapshot(instrumentId, buffer, offset, length, clock.nanoTime());
    }
}
