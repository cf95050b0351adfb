/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import org.agrona.concurrent.EpochNanoClock;

/**
 * REST admission for every client together (a venue limits by IP, and every simulator client is on loopback):
 * request weight per fixed window aligned to the clock (Binance resets its minute counters on the minute), the
 * throttle fault's request count per window, and the ban fault.
 * <p>
 * Thread safe: event loops call {@link #admit(int)} under the limiter's lock; REST traffic is light.
 */
final class RestLimiter
{
    /**
     * Admit the request.
     */
    static final int OK = 200;

    /**
     * Rate limited: answer 429.
     */
    static final int THROTTLED = 429;

    /**
     * Banned: answer 418.
     */
    static final int BANNED = 418;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final EpochNanoClock clock;
    private final long windowNs;
    private final int weightLimit;
    private final int throttleRequests;
    private final long banNs;
    private long window = Long.MIN_VALUE;
    private int usedWeight;
    private int requests;

    /**
     * What {@link #admit(int)} decided.
     *
     * @param status            {@link #OK}, {@link #THROTTLED} or {@link #BANNED}.
     * @param usedWeight        weight used in the current window after this request.
     * @param retryAfterSeconds for 429 and 418: seconds until the window ends or the ban lifts, at least 1.
     * @param banUntilMs        for 418: when the ban lifts, epoch ms.
     * @param byFault           whether a fault (throttle, ban) rather than the venue's weight limit decided.
     */
    record Decision(int status, int usedWeight, long retryAfterSeconds, long banUntilMs, boolean byFault)
    {
    }

    /**
     * A limiter.
     *
     * @param clock            the simulator's clock.
     * @param windowNs         length of a rate window.
     * @param weightLimit      weight per window before 429, or 0 for none.
     * @param throttleRequests requests per window before 429 (the throttle fault), or -1 for none.
     * @param banNs            the ban fault's {@code Retry-After}, or 0 for no ban.
     */
    RestLimiter(
        final EpochNanoClock clock,
        final long windowNs,
        final int weightLimit,
        final int throttleRequests,
        final long banNs)
    {
        this.clock = clock;
        this.windowNs = windowNs;
        this.weightLimit = weightLimit;
        this.throttleRequests = throttleRequests;
        this.banNs = banNs;
    }

    /**
     * Decide on a request.
     *
     * @param weight of the request.
     * @return the decision.
     */
    synchronized Decision admit(final int weight)
    {
        final long nowNs = clock.nanoTime();
        final long current = Math.floorDiv(nowNs, windowNs);
        if (current != window)
        {
            window = current;
            usedWeight = 0;
            requests = 0;
        }
        final long windowEndNs = (current + 1) * windowNs;

        if (banNs > 0)
        {
            // The fault bans for the whole run: every reply says the ban lasts another banNs.
            return new Decision(BANNED, usedWeight, seconds(banNs), (nowNs + banNs) / 1_000_000L, true);
        }

        requests++;
        if (throttleRequests >= 0 && requests > throttleRequests)
        {
            return new Decision(THROTTLED, usedWeight, seconds(windowEndNs - nowNs), 0, true);
        }
        if (weightLimit > 0 && usedWeight + weight > weightLimit)
        {
            return new Decision(THROTTLED, usedWeight, seconds(windowEndNs - nowNs), 0, false);
        }
        usedWeight += weight;
        return new Decision(OK, usedWeight, 0, 0, false);
    }

    private static long seconds(final long durationNs)
    {
        return Math.max(1, (durationNs + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }
}
