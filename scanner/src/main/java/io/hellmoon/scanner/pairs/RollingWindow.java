/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

/**
 * Mean and sample standard deviation of the last {@code capacity} values: O(1) per value by a sliding Welford
 * update ({@code mean' = mean + (v - old) / n}, {@code M2' = M2 + (v - old)(v - mean' + old - mean)}), recomputed
 * exactly with two passes over the ring every {@code capacity} replacements so rounding cannot accumulate. Allocation
 * free after construction; not thread safe.
 */
public final class RollingWindow
{
    private final double[] values;
    private int count;
    private int next;
    private int sinceRecompute;
    private double mean;
    private double m2;

    /**
     * A window.
     *
     * @param capacity number of values kept, at least 2.
     */
    public RollingWindow(final int capacity)
    {
        if (capacity < 2)
        {
            throw new IllegalArgumentException("capacity must be at least 2: " + capacity);
        }
        values = new double[capacity];
    }

    /**
     * Add a value, dropping the oldest once full.
     *
     * @param value the value.
     */
    public void add(final double value)
    {
        final int capacity = values.length;
        if (count < capacity)
        {
            values[next] = value;
            count++;
            final double delta = value - mean;
            mean += delta / count;
            m2 += delta * (value - mean);
        }
        else
        {
            final double old = values[next];
            values[next] = value;
            final double previousMean = mean;
            mean += (value - old) / capacity;
            m2 += (value - old) * (value - mean + old - previousMean);
            if (++sinceRecompute >= capacity)
            {
                recompute();
            }
        }
        if (++next == capacity)
        {
            next = 0;
        }
        if (m2 < 0.0)
        {
            m2 = 0.0;
        }
    }

    /**
     * Values in the window.
     *
     * @return up to the capacity.
     */
    public int count()
    {
        return count;
    }

    /**
     * Mean of the window.
     *
     * @return the mean, 0 when empty.
     */
    public double mean()
    {
        return mean;
    }

    /**
     * Sample standard deviation (divisor {@code n - 1}).
     *
     * @return the standard deviation, 0 for fewer than two values.
     */
    public double std()
    {
        return count > 1 ? Math.sqrt(m2 / (count - 1)) : 0.0;
    }

    private void recompute()
    {
        sinceRecompute = 0;
        final double[] values = this.values;
        final int n = count;
        double sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            sum += values[i];
        }
        final double mean = sum / n;
        double squares = 0.0;
        double correction = 0.0;
        for (int i = 0; i < n; i++)
        {
            final double d = values[i] - mean;
            squares += d * d;
            correction += d;
        }
        this.mean = mean + correction / n;
        this.m2 = squares - correction * correction / n;
    }
}
