/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Measures the bytes the current thread allocates, to prove hot paths allocation free. Reading the counter itself
 * allocates nothing, so a warmed-up allocation-free loop reads exactly zero.
 */
public final class AllocationMeter
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private AllocationMeter()
    {
    }

    /**
     * Bytes allocated by the current thread so far.
     *
     * @return the bytes.
     */
    public static long allocatedBytes()
    {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /**
     * Run {@code work} {@code warmUpRuns} times to let the JIT compile it, then measure {@code measuredRuns} more; a
     * slow compiler on a small machine gets a few more attempts before the test fails.
     *
     * @param warmUpRuns   runs before measuring.
     * @param measuredRuns runs measured.
     * @param work         the hot path, run once per call.
     * @return bytes allocated by the last measured attempt (0 when the assertion passes).
     */
    public static long assertAllocationFree(final int warmUpRuns, final int measuredRuns, final Runnable work)
    {
        for (int i = 0; i < warmUpRuns; i++)
        {
            work.run();
        }

        long allocated = -1;
        for (int attempt = 0; attempt < 5 && 0 != allocated; attempt++)
        {
            final long before = allocatedBytes();
            for (int i = 0; i < measuredRuns; i++)
            {
                work.run();
            }
            allocated = allocatedBytes() - before;
            if (0 != allocated)
            {
                for (int i = 0; i < warmUpRuns; i++)
                {
                    work.run();
                }
            }
        }

        assertEquals(0, allocated, "bytes allocated over " + measuredRuns + " runs after warm-up");
        return allocated;
    }
}
