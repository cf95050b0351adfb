/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

/**
 * A request-weight token bucket: {@code burst} tokens at most, refilled at {@code ratePerPeriod} tokens per
 * {@code periodNs}; a request of weight {@code w} takes {@code w} tokens or waits. Kept as the generic cell rate
 * algorithm in integer nanoseconds (a "theoretical arrival time" that each request pushes forward by its weight's
 * share of the period), so there is no floating point and no drift.
 * <p>
 * In any window of one period at most {@code burst + ratePerPeriod} weight passes, so a venue limit of {@code L} per
 * minute is kept by choosing {@code burst + rate <= L}. A {@code 429}/{@code 418} reply blocks the whole bucket until
 * its {@code Retry-After} has passed ({@link #blockUntil(long)}), whatever the tokens say.
 * <p>
 * Allocation free. Not thread safe.
 */
public final class TokenBucket
{
    private final long burst;
    private final long ratePerPeriod;
    private final long periodNs;
    private final long burstToleranceNs;
    private long theoreticalNs = Long.MIN_VALUE;
    private long blockedUntilNs = Long.MIN_VALUE;
    private long acquired;

    /**
     * A bucket, full.
     *
     * @param burst         most tokens held.
     * @param ratePerPeriod tokens added per period.
     * @param periodNs      the period, e.g. a minute.
     */
    public TokenBucket(final long burst, final long ratePerPeriod, final long periodNs)
    {
        if (burst < 1 || ratePerPeriod < 1 || periodNs < 1)
        {
            throw new IllegalArgumentException(
                "burst, rate and period must be positive: " + burst + ", " + ratePerPeriod + ", " + periodNs);
        }
        this.burst = burst;
        this.ratePerPeriod = ratePerPeriod;
        this.periodNs = periodNs;
        this.burstToleranceNs = costNs(burst);
    }

    /**
     * Take {@code weight} tokens if there are enough and the bucket is not blocked.
     *
     * @param weight tokens, at most the burst (a heavier request could never pass).
     * @param nowNs  monotonic time.
     * @return true if taken.
     */
    public boolean tryAcquire(final long weight, final long nowNs)
    {
        if (nanosUntilAvailable(weight, nowNs) > 0)
        {
            return false;
        }
        theoreticalNs = Math.max(theoreticalNs(nowNs), nowNs) + costNs(weight);
        acquired += weight;
        return true;
    }

    /**
     * How long until {@code weight} tokens could be taken.
     *
     * @param weight tokens.
     * @param nowNs  monotonic time.
     * @return nanoseconds, 0 if now.
     */
    public long nanosUntilAvailable(final long weight, final long nowNs)
    {
        final long clampedWeight = Math.min(weight, burst);
        final long start = Math.max(theoreticalNs(nowNs), nowNs);
        final long readyNs = start + costNs(clampedWeight) - burstToleranceNs;
        final long blockedNs = Long.MIN_VALUE == blockedUntilNs ? 0 : blockedUntilNs - nowNs;
        final long waitNs = Math.max(readyNs - nowNs, blockedNs);
        return waitNs > 0 ? waitNs : 0;
    }

    /**
     * Refuse every request until a time, e.g. the end of a {@code Retry-After}; a later block replaces an earlier
     * one, an earlier one is ignored.
     *
     * @param untilNs monotonic time.
     */
    public void blockUntil(final long untilNs)
    {
        if (untilNs - blockedUntilNs > 0 || Long.MIN_VALUE == blockedUntilNs)
        {
            blockedUntilNs = untilNs;
        }
    }

    /**
     * Whether requests are blocked at a time.
     *
     * @param nowNs monotonic time.
     * @return true while blocked.
     */
    public boolean isBlocked(final long nowNs)
    {
        return Long.MIN_VALUE != blockedUntilNs && blockedUntilNs - nowNs > 0;
    }

    /**
     * Tokens available at a time (ignoring a block).
     *
     * @param nowNs monotonic time.
     * @return whole tokens.
     */
    public long available(final long nowNs)
    {
        final long debtNs = Math.max(theoreticalNs(nowNs) - nowNs, 0);
        return Math.max(0, burst - (debtNs * ratePerPeriod + periodNs - 1) / periodNs);
    }

    /**
     * Tokens taken in total.
     *
     * @return the sum of weights acquired.
     */
    public long acquired()
    {
        return acquired;
    }

    /**
     * Most tokens held.
     *
     * @return the burst.
     */
    public long burst()
    {
        return burst;
    }

    /**
     * Tokens added per period.
     *
     * @return the rate.
     */
    public long ratePerPeriod()
    {
        return ratePerPeriod;
    }

    private long theoreticalNs(final long nowNs)
    {
        return Long.MIN_VALUE == theoreticalNs ? nowNs : theoreticalNs;
    }

    private long costNs(final long weight)
    {
        return (weight * periodNs + ratePerPeriod - 1) / ratePerPeriod;
    }
}
