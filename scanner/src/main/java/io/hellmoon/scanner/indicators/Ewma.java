/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

/**
 * Arithmetic shared by the exponentially weighted indicators. An EWMA with smoothing factor {@code alpha} updates as
 * {@code m += alpha * (x - m)}; its variance counterpart keeps {@code v += alpha * (x * x - v)} for zero-mean series
 * such as log returns. Runs of zero samples are applied in closed form: both decay by {@code (1 - alpha)^n}.
 */
public final class Ewma
{
    private Ewma()
    {
    }

    /**
     * The smoothing factor whose centre of mass matches a simple moving average over {@code span} samples.
     *
     * @param span samples, at least 1.
     * @return {@code 2 / (span + 1)}.
     */
    public static double alphaForSpan(final double span)
    {
        return 2.0 / (span + 1.0);
    }

    /**
     * What {@code n} zero samples leave of an EWMA: multiply its value by this.
     *
     * @param alpha   smoothing factor.
     * @param samples number of zero samples, not negative.
     * @return {@code (1 - alpha)^samples}.
     */
    public static double decay(final double alpha, final long samples)
    {
        return 1 == samples ? 1.0 - alpha : Math.pow(1.0 - alpha, (double)samples);
    }

    /**
     * Add without overflowing: sample counters saturate at {@link Long#MAX_VALUE}.
     *
     * @param a augend, not negative.
     * @param b addend, not negative.
     * @return {@code a + b}, or {@link Long#MAX_VALUE} on overflow.
     */
    public static long saturatedAdd(final long a, final long b)
    {
        final long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}
