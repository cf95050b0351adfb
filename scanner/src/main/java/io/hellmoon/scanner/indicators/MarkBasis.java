/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

import java.util.Arrays;

/**
 * The futures basis (mark against index) of many instruments, its baseline, and the funding rate, as
 * struct-of-arrays indexed by a dense slot.
 * <p>
 * Each mark price gives {@code basis = (mark - index) / index} in basis points. The baseline is an exponentially
 * weighted mean and variance in time, with {@code alpha = 1 - exp(-dt / tau)} for the time {@code dt} since the
 * previous mark, so it does not depend on how often marks arrive; the first mark seeds the mean. The deviation of
 * each new basis from the baseline before it is kept ({@link #deviation(int)}: what a dislocation detector
 * compares), then the baseline takes the basis with the deviation winsorised at {@code clip} standard deviations
 * (floored), so one dislocation barely moves the yardstick it is measured with.
 * <p>
 * Allocation free, O(1) per mark price (one {@code exp}). Not thread safe.
 */
public final class MarkBasis
{
    private static final double BPS = 10_000.0;
    private static final long NO_TIME = Long.MIN_VALUE;

    private final double tauNs;
    private final double clip;
    private final double floorBps;

    private long[] firstNs;
    private long[] lastNs;
    private double[] basis;
    private double[] mean;
    private double[] variance;
    private double[] deviation;
    private double[] referenceDeviation;
    private double[] fundingRate;
    private double[] markPrice;

    /**
     * Basis state for {@code capacity} slots.
     *
     * @param capacity slots to allocate for.
     * @param tauNs    time constant of the baseline.
     * @param clip     winsorising of baseline updates in standard deviations, 0 for none.
     * @param floorBps least standard deviation the clip is computed from.
     */
    public MarkBasis(final int capacity, final long tauNs, final double clip, final double floorBps)
    {
        this.tauNs = tauNs;
        this.clip = clip;
        this.floorBps = floorBps;
        firstNs = new long[capacity];
        lastNs = new long[capacity];
        basis = new double[capacity];
        mean = new double[capacity];
        variance = new double[capacity];
        deviation = new double[capacity];
        referenceDeviation = new double[capacity];
        fundingRate = new double[capacity];
        markPrice = new double[capacity];
        Arrays.fill(firstNs, NO_TIME);
        Arrays.fill(lastNs, NO_TIME);
    }

    /**
     * Grow to at least {@code capacity} slots, keeping every slot's state. Allocates; call at warm-up only.
     *
     * @param capacity slots needed.
     */
    public void ensureCapacity(final int capacity)
    {
        final int oldCapacity = lastNs.length;
        if (capacity <= oldCapacity)
        {
            return;
        }
        firstNs = Arrays.copyOf(firstNs, capacity);
        lastNs = Arrays.copyOf(lastNs, capacity);
        basis = Arrays.copyOf(basis, capacity);
        mean = Arrays.copyOf(mean, capacity);
        variance = Arrays.copyOf(variance, capacity);
        deviation = Arrays.copyOf(deviation, capacity);
        referenceDeviation = Arrays.copyOf(referenceDeviation, capacity);
        fundingRate = Arrays.copyOf(fundingRate, capacity);
        markPrice = Arrays.copyOf(markPrice, capacity);
        Arrays.fill(firstNs, oldCapacity, capacity, NO_TIME);
        Arrays.fill(lastNs, oldCapacity, capacity, NO_TIME);
    }

    /**
     * A mark price.
     *
     * @param slot    of the instrument.
     * @param timeNs  event time.
     * @param mark    mark price, positive.
     * @param index   index price, positive.
     * @param funding funding rate per funding interval (0.0001 is 0.01 %), NaN if unknown.
     */
    public void onMark(final int slot, final long timeNs, final double mark, final double index, final double funding)
    {
        final double value = (mark - index) / index * BPS;
        markPrice[slot] = mark;
        basis[slot] = value;
        if (!Double.isNaN(funding))
        {
            fundingRate[slot] = funding;
        }

        final long previousNs = lastNs[slot];
        lastNs[slot] = timeNs;
        if (NO_TIME == previousNs)
        {
            firstNs[slot] = timeNs;
            mean[slot] = value;
            variance[slot] = 0.0;
            deviation[slot] = 0.0;
            referenceDeviation[slot] = 0.0;
            return;
        }

        final double d = value - mean[slot];
        deviation[slot] = d;
        referenceDeviation[slot] = Math.sqrt(variance[slot]);
        final double dtNs = Math.max(0L, timeNs - previousNs);
        final double alpha = 1.0 - StrictMath.exp(-dtNs / tauNs);
        double update = d;
        if (clip > 0.0)
        {
            final double limit = clip * Math.max(Math.sqrt(variance[slot]), floorBps);
            update = Math.max(-limit, Math.min(limit, d));
        }
        mean[slot] += alpha * update;
        variance[slot] = (1.0 - alpha) * (variance[slot] + alpha * update * update);
    }

    /**
     * The latest basis.
     *
     * @param slot of the instrument.
     * @return basis points of the index, 0 before the first mark.
     */
    public double basis(final int slot)
    {
        return basis[slot];
    }

    /**
     * The baseline basis.
     *
     * @param slot of the instrument.
     * @return basis points.
     */
    public double mean(final int slot)
    {
        return mean[slot];
    }

    /**
     * Standard deviation of the basis around its baseline.
     *
     * @param slot of the instrument.
     * @return basis points.
     */
    public double standardDeviation(final int slot)
    {
        return Math.sqrt(variance[slot]);
    }

    /**
     * Latest basis minus the baseline before it.
     *
     * @param slot of the instrument.
     * @return basis points, 0 before the second mark.
     */
    public double deviation(final int slot)
    {
        return deviation[slot];
    }

    /**
     * The standard deviation of the baseline the latest deviation was measured against.
     *
     * @param slot of the instrument.
     * @return basis points.
     */
    public double referenceDeviation(final int slot)
    {
        return referenceDeviation[slot];
    }

    /**
     * Latest funding rate.
     *
     * @param slot of the instrument.
     * @return per funding interval, 0 before any.
     */
    public double fundingRate(final int slot)
    {
        return fundingRate[slot];
    }

    /**
     * Latest mark price.
     *
     * @param slot of the instrument.
     * @return the price, 0 before any.
     */
    public double markPrice(final int slot)
    {
        return markPrice[slot];
    }

    /**
     * Event time covered by the slot's marks.
     *
     * @param slot of the instrument.
     * @return nanoseconds from the first mark to the last, 0 before the first.
     */
    public long historyNs(final int slot)
    {
        return NO_TIME == firstNs[slot] ? 0 : lastNs[slot] - firstNs[slot];
    }
}
