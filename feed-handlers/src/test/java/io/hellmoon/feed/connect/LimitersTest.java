/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rate limiters and the backoff, on a simulated clock.
 */
class LimitersTest
{
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void shouldAllowAtMostTheLimitInAnySlidingWindow()
    {
        final SlidingWindowLimiter limiter = new SlidingWindowLimiter(5, SECOND);
        final List<Long> accepted = new ArrayList<>();
        for (long now = 0; now < 10 * SECOND; now += SECOND / 100)
        {
            if (limiter.tryAcquire(now))
            {
                accepted.add(now);
            }
        }
        assertEquals(50, accepted.size(), "5 a second for 10 seconds");
        for (int i = 5; i < accepted.size(); i++)
        {
            assertTrue(accepted.get(i) - accepted.get(i - 5) >= SECOND, "6 events within a second at " + i);
        }
    }

    @Test
    void shouldSayHowLongUntilTheNextEventAndCountForcedOnes()
    {
        final SlidingWindowLimiter limiter = new SlidingWindowLimiter(2, SECOND);
        assertTrue(limiter.tryAcquire(0));
        limiter.record(100);
        assertFalse(limiter.tryAcquire(200));
        assertEquals(SECOND - 300, limiter.nanosUntilAvailable(300));
        assertEquals(2, limiter.inWindow(300));
        assertTrue(limiter.tryAcquire(SECOND));
        assertEquals(2, limiter.inWindow(SECOND), "the forced one at 100 and the one at 1 s");
    }

    @Test
    void shouldGiveTheBurstAtOnceThenRefillAtTheRate()
    {
        final TokenBucket bucket = new TokenBucket(100, 600, MINUTE);
        assertEquals(100, bucket.available(0));
        assertTrue(bucket.tryAcquire(50, 0));
        assertTrue(bucket.tryAcquire(50, 0));
        assertFalse(bucket.tryAcquire(1, 0));
        assertEquals(0, bucket.available(0));
        assertEquals(MINUTE / 600 * 20, bucket.nanosUntilAvailable(20, 0), "20 tokens at 10 a second");
        assertEquals(10, bucket.available(SECOND));
        assertTrue(bucket.tryAcquire(10, SECOND));
        assertEquals(110, bucket.acquired());
    }

    @Test
    void shouldNeverPassMoreThanBurstPlusRateInAnyPeriod()
    {
        final TokenBucket bucket = new TokenBucket(480, 1440, MINUTE);
        final SplittableRandom random = new SplittableRandom(42);
        final List<long[]> taken = new ArrayList<>();
        long now = 0;
        while (now < 5 * MINUTE)
        {
            final int weight = new int[] {2, 5, 10, 20}[random.nextInt(4)];
            if (bucket.tryAcquire(weight, now))
            {
                taken.add(new long[] {now, weight});
            }
            now += random.nextLong(SECOND / 50);
        }
        for (int i = 0; i < taken.size(); i++)
        {
            long inWindow = 0;
            for (int j = i; j < taken.size() && taken.get(j)[0] - taken.get(i)[0] < MINUTE; j++)
            {
                inWindow += taken.get(j)[1];
            }
            assertTrue(inWindow <= 480 + 1440, "weight " + inWindow + " in the minute from " + taken.get(i)[0]);
        }
        assertTrue(bucket.acquired() > 4 * 1440, "keeps up with the rate: " + bucket.acquired());
    }

    @Test
    void shouldBlockEveryRequestUntilTheRetryAfterHasPassed()
    {
        final TokenBucket bucket = new TokenBucket(100, 6000, MINUTE);
        bucket.blockUntil(3 * SECOND);
        assertTrue(bucket.isBlocked(SECOND));
        assertFalse(bucket.tryAcquire(1, SECOND));
        assertEquals(2 * SECOND, bucket.nanosUntilAvailable(1, SECOND));
        bucket.blockUntil(2 * SECOND);
        assertEquals(SECOND, bucket.nanosUntilAvailable(1, 2 * SECOND), "an earlier block does not shorten it");
        assertTrue(bucket.tryAcquire(1, 3 * SECOND));
        assertFalse(bucket.isBlocked(3 * SECOND));
    }

    @Test
    void shouldBackOffExponentiallyWithinTheJitter()
    {
        final Backoff backoff = new Backoff(100, 2_000, 0.5, 7);
        final long[] bases = {100, 200, 400, 800, 1600, 2000, 2000};
        for (int attempt = 0; attempt < bases.length; attempt++)
        {
            final long delay = backoff.delayNs(attempt);
            assertTrue(delay <= bases[attempt] && delay >= bases[attempt] / 2,
                "attempt " + attempt + ": " + delay + " not in [" + bases[attempt] / 2 + ", " + bases[attempt] + "]");
        }
        assertEquals(2_000 - (long)(2_000 * 0.5 * new SplittableRandom(3).nextDouble()),
            new Backoff(100, 2_000, 0.5, 3).delayNs(100), "seeded: the same delays every run");
        assertEquals(100, new Backoff(100, 2_000, 0, 3).delayNs(0), "no jitter");
        assertThrows(IllegalArgumentException.class, () -> new Backoff(100, 50, 0.5, 1));
    }
}
