/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs;

import org.agrona.concurrent.EpochNanoClock;

/**
 * A clock that only moves when told to: replays and backtests drive it from the messages' own times, and tests set
 * it, so results never depend on when they run.
 */
public final class ManualEpochNanoClock implements EpochNanoClock
{
    private long timeNs;

    /**
     * A clock at the given time.
     *
     * @param timeNs epoch nanoseconds.
     */
    public ManualEpochNanoClock(final long timeNs)
    {
        this.timeNs = timeNs;
    }

    /**
     * {@inheritDoc}
     */
    public long nanoTime()
    {
        return timeNs;
    }

    /**
     * Set the time.
     *
     * @param timeNs epoch nanoseconds.
     */
    public void set(final long timeNs)
    {
        this.timeNs = timeNs;
    }

    /**
     * Move the time forward.
     *
     * @param durationNs nanoseconds to add.
     */
    public void advance(final long durationNs)
    {
        this.timeNs += durationNs;
    }
}
