/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

/**
 * At most {@code limit} events in any window of {@code windowNs}: the times of the last {@code limit} events are kept
 * in a ring, and an event is allowed when the oldest of them has left the window. Exact for limits stated as "N per
 * window" (Binance's control messages per second per connection, connection attempts per five minutes per IP), where
 * a token bucket would either allow bursts over N at a window's edge or pace more slowly than needed.
 * <p>
 * Allocation free. Not thread safe.
 */
public final class SlidingWindowLimiter
{
    private final long[] times;
    private final long windowNs;
    private int next;
    private int count;

    /**
     * A limiter.
     *
     * @param limit    events per window, at least 1.
     * @param windowNs the window, positive.
     */
    public SlidingWindowLimiter(final int limit, final long windowNs)
    {
        if (limit < 1 || windowNs <= 0)
        {
            throw new IllegalArgumentException("limit must be at least 1 and the window positive: " + limit + ", " +
                windowNs);
        }
        this.times = new long[limit];
        this.windowNs = windowNs;
    }

    /**
     * Record an event now if the limit allows it.
     *
     * @param nowNs monotonic time.
     * @return true if recorded, false if it would exceed the limit.
     */
    public boolean tryAcquire(final long nowNs)
    {
        if (nanosUntilAvailable(nowNs) > 0)
        {
            return false;
        }
        record(nowNs);
        return true;
    }

    /**
     * Record an event that happens whatever the limit says (a pong the protocol requires), so later events wait for
     * it.
     *
     * @param nowNs monotonic time.
     */
    public void record(final long nowNs)
    {
        times[next] = nowNs;
        next = next + 1 == times.length ? 0 : next + 1;
        if (count < times.length)
        {
            count++;
        }
    }

    /**
     * How long until an event would be allowed.
     *
     * @param nowNs monotonic time.
     * @return nanoseconds, 0 if allowed now.
     */
    public long nanosUntilAvailable(final long nowNs)
    {
        if (count < times.length)
        {
            return 0;
        }
        final long oldest = times[next];
        final long availableNs = oldest + windowNs;
        return availableNs - nowNs > 0 ? availableNs - nowNs : 0;
    }

    /**
     * Events recorded within the window ending now.
     *
     * @param nowNs monotonic time.
     * @return the count.
     */
    public int inWindow(final long nowNs)
    {
        int inWindow = 0;
        for (int i = 0; i < count; i++)
        {
            if (nowNs - times[i] < windowNs)
            {
                inWindow++;
            }
        }
        return inWindow;
    }

    /**
     * The limit.
     *
     * @return events per window.
     */
    public int limit()
    {
        return times.length;
    }

    /**
     * The window.
     *
     * @return nanoseconds.
     */
    public long windowNs()
    {
        return windowNs;
    }
}
