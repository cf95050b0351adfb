/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.book;

/**
 * Asked by the {@link BookManager} for a new depth snapshot of an instrument: when its first diff arrives, after a
 * gap or a crossed book, and when a snapshot came too old to use.
 * <p>
 * A live feed queues a REST depth request (rate limited, deduplicated per instrument) and later hands the reply to the
 * decoder; a replay passes {@link #NO_OP} and waits for the next snapshot in the capture. Called on the book
 * builder's thread, so implementations must not block.
 */
@FunctionalInterface
public interface SnapshotRequester
{
    /**
     * Does nothing: replays take their snapshots from the recording.
     */
    SnapshotRequester NO_OP = (instrumentId) -> {};

    /**
     * A snapshot of the instrument is needed.
     *
     * @param instrumentId whose book needs a snapshot.
     */
    void requestSnapshot(int instrumentId);
}
