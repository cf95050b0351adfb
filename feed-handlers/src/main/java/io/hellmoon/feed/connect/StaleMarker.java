/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.sbe.FeedStatusReason;

/**
 * Marks an instrument's book stale on the market-data stream when its connection is lost or silent: in a feed, the
 * book manager publishes {@code FeedStatus} STALE, clears the book and waits for a new snapshot once data flows
 * again, and pending snapshot requests for it are dropped. Called on the feed's event loop.
 */
@FunctionalInterface
public interface StaleMarker
{
    /**
     * Marks nothing.
     */
    StaleMarker NONE = (instrumentId, reason, timeNs) -> false;

    /**
     * The instrument's data can no longer be trusted.
     *
     * @param instrumentId of the instrument.
     * @param reason       {@code DISCONNECTED} or {@code HEARTBEAT_TIMEOUT}.
     * @param timeNs       when, epoch nanoseconds.
     * @return true if it was marked, false if already stale or without a book.
     */
    boolean markStale(int instrumentId, FeedStatusReason reason, long timeNs);
}
