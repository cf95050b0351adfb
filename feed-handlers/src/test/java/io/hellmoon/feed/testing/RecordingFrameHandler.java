/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.testing;

import io.hellmoon.feed.VenueFrameHandler;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.List;

/**
 * TEST ONLY: records what a replayer delivers, as values.
 */
public final class RecordingFrameHandler implements VenueFrameHandler
{
    private final String name;
    private final List<Delivery> deliveries;
    private final EpochNanoClock wallClock;

    /**
     * What was delivered.
     *
     * @param handler       name of the handler that got it.
     * @param snapshot      true for a REST snapshot.
     * @param instrumentId  of a snapshot, 0 for frames.
     * @param receiveTimeNs as delivered.
     * @param text          the frame or body.
     * @param wallTimeNs    the wall clock when delivered, or 0 without one.
     */
    public record Delivery(
        String handler, boolean snapshot, int instrumentId, long receiveTimeNs, String text, long wallTimeNs)
    {
    }

    /**
     * A handler recording into a list shared with others.
     *
     * @param name       of this handler.
     * @param deliveries shared list.
     * @param wallClock  read at each delivery, or null.
     */
    public RecordingFrameHandler(final String name, final List<Delivery> deliveries, final EpochNanoClock wallClock)
    {
        this.name = name;
        this.deliveries = deliveries;
        this.wallClock = wallClock;
    }

    /**
     * A handler with its own list and no wall clock.
     */
    public RecordingFrameHandler()
    {
        this("handler", new ArrayList<>(), null);
    }

    /**
     * Everything delivered.
     *
     * @return the deliveries in order.
     */
    public List<Delivery> deliveries()
    {
        return deliveries;
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        deliveries.add(new Delivery(name, false, 0, receiveTimeNs, buffer.getStringWithoutLengthAscii(offset, length),
            null == wallClock ? 0 : wallClock.nanoTime()));
    }

    /**
     * {@inheritDoc}
     */
    public void onDepthSnapshot(
        final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        deliveries.add(new Delivery(name, true, instrumentId, receiveTimeNs,
            buffer.getStringWithoutLengthAscii(offset, length), null == wallClock ? 0 : wallClock.nanoTime()));
    }
}
