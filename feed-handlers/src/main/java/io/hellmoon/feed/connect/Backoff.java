/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import java.util.SplittableRandom;

/**
 * Exponential backoff with jitter for reconnects: attempt {@code n} (from 0) waits
 * {@code d = min(max, initial * 2^n)} shortened by a random part of up to {@code jitter * d}, so many connections lost
 * together do not come back together. The randomness is seeded, so a test sees the same delays every run.
 * <p>
 * Not thread safe.
 */
public final class Backoff
{
    private final long initialNs;
    private final long maxNs;
    private final double jitter;
    private final SplittableRandom random;

    /**
     * A backoff.
     *
     * @param initialNs first delay before jitter, positive.
     * @param maxNs     longest delay before jitter, at least the initial one.
     * @param jitter    fraction of each delay that is random, 0 to 1.
     * @param seed      of the jitter.
     */
    public Backoff(final long initialNs, final long maxNs, final double jitter, final long seed)
    {
        if (initialNs <= 0 || maxNs < initialNs || !(jitter >= 0 && jitter <= 1))
        {
            throw new IllegalArgumentException("need 0 < initial <= max and jitter in [0, 1]: " + initialNs + ", " +
                maxNs + ", " + jitter);
        }
        this.initialNs = initialNs;
        this.maxNs = maxNs;
        this.jitter = jitter;
        this.random = new SplittableRandom(seed);
    }

    /**
     * The delay before an attempt.
     *
     * @param attempt 0 for the first retry after a loss.
     * @return nanoseconds, between {@code (1 - jitter) * d} and {@code d}.
     */
    public long delayNs(final int attempt)
    {
        final int shift = Math.min(Math.max(attempt, 0), 62);
        final long base = initialNs > (maxNs >> shift) ? maxNs : Math.min(maxNs, initialNs << shift);
        final long jitterNs = (long)(base * jitter * random.nextDouble());
        return base - jitterNs;
    }

    /**
     * The delay before the first retry, before jitter.
     *
     * @return nanoseconds.
     */
    public long initialNs()
    {
        return initialNs;
    }

    /**
     * The longest delay, before jitter.
     *
     * @return nanoseconds.
     */
    public long maxNs()
    {
        return maxNs;
    }
}
