/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

import java.util.Arrays;

/**
 * The quoted spread of many instruments and its baseline, as struct-of-arrays indexed by a dense slot.
 * <p>
 * The baseline is time-weighted: each completed period of the event-time grid (e.g. each second) is one sample, the
 * spread in force at its end, so a spread that flickers for a millisecond weighs nothing and a quiet instrument's
 * spread weighs as much as a busy one's. Samples go into an EWMA that starts from zero and is bias-corrected by its
 * accumulated weight; each enters winsorised at {@code clip x max(baseline, floor)}, so a blowout barely lifts the
 * baseline it is measured against. Periods skipped between quotes are that many equal samples, applied in closed
 * form (winsorised against the baseline before them).
 * <p>
 * Allocation free, O(1) per quote. Times must not go backwards per slot. Not thread safe.
 */
public final class SpreadBaseline
{
    private static final long NO_INDEX = Long.MIN_VALUE;

    private final long periodNs;
    private final double alpha;
    private final double clip;
    private final double floor;

    private long[] periodIndex;
    private long[] periodEndNs;
    private double[] spread;
    private double[] sum;
    private double[] weight;
    private double[] baseline;
    private long[] samples;

    /**
     * Spreads for {@code capacity} slots.
     *
     * @param capacity slots to allocate for.
     * @param periodNs sampling period.
     * @param spanNs   span of the baseline EWMA.
     * @param clip     winsorising factor, 0 for none.
     * @param floor    least baseline the clip is computed from.
     */
    public SpreadBaseline(
        final int capacity, final long periodNs, final long spanNs, final double clip, final double floor)
    {
        this.periodNs = periodNs;
        this.alpha = Ewma.alphaForSpan((double)spanNs / periodNs);
        this.clip = clip;
        this.floor = floor;
        periodIndex = new long[capacity];
        periodEndNs = new long[capacity];
        spread = new double[capacity];
        sum = new double[capacity];
        weight = new double[capacity];
        baseline = new double[capacity];
        samples = new long[capacity];
        Arrays.fill(periodIndex, NO_INDEX);
        Arrays.fill(periodEndNs, Long.MIN_VALUE);
    }

    /**
     * Grow to at least {@code capacity} slots, keeping every slot's state. Allocates; call at warm-up only.
     *
     * @param capacity slots needed.
     */
    public void ensureCapacity(final int capacity)
    {
        final int oldCapacity = periodIndex.length;
        if (capacity <= oldCapacity)
        {
            return;
        }
        periodIndex = Arrays.copyOf(periodIndex, capacity);
        periodEndNs = Arrays.copyOf(periodEndNs, capacity);
        spread = Arrays.copyOf(spread, capacity);
        sum = Arrays.copyOf(sum, capacity);
        weight = Arrays.copyOf(weight, capacity);
        baseline = Arrays.copyOf(baseline, capacity);
        samples = Arrays.copyOf(samples, capacity);
        Arrays.fill(periodIndex, oldCapacity, capacity, NO_INDEX);
        Arrays.fill(periodEndNs, oldCapacity, capacity, Long.MIN_VALUE);
    }

    /**
     * A new quote: completes the periods before {@code timeNs} with the spread that was in force, then makes
     * {@code spreadValue} the current spread.
     *
     * @param slot        of the instrument.
     * @param timeNs      event time.
     * @param spreadValue the spread, e.g. in basis points of the mid; positive.
     */
    public void onSpread(final int slot, final long timeNs, final double spreadValue)
    {
        advance(slot, timeNs);
        spread[slot] = spreadValue;
    }

    /**
     * Complete the periods before {@code timeNs} without a new quote.
     *
     * @param slot   of the instrument.
     * @param timeNs event time; earlier than the slot's current period changes nothing.
     */
    public void advance(final int slot, final long timeNs)
    {
        if (timeNs < periodEndNs[slot])
        {
            return;
        }
        final long index = Math.floorDiv(timeNs, periodNs);
        final long lastIndex = periodIndex[slot];
        periodIndex[slot] = index;
        periodEndNs[slot] = (index + 1) * periodNs;
        final double current = spread[slot];
        if (NO_INDEX == lastIndex || !(current > 0.0))
        {
            return;
        }

        final long count = index - lastIndex;
        double value = current;
        if (clip > 0.0 && samples[slot] > 0)
        {
            value = Math.min(value, clip * Math.max(baseline[slot], floor));
        }
        // n equal samples x: m' = x + (m - x)(1 - alpha)^n, and the weight grows as w' = 1 - (1 - w)(1 - alpha)^n.
        final double decay = Ewma.decay(alpha, count);
        sum[slot] = value + (sum[slot] - value) * decay;
        weight[slot] = 1.0 - (1.0 - weight[slot]) * decay;
        samples[slot] = Ewma.saturatedAdd(samples[slot], count);
        baseline[slot] = sum[slot] / weight[slot];
    }

    /**
     * The current spread.
     *
     * @param slot of the instrument.
     * @return the spread, 0 before the first quote.
     */
    public double spread(final int slot)
    {
        return spread[slot];
    }

    /**
     * The bias-corrected baseline of the sampled spreads.
     *
     * @param slot of the instrument.
     * @return the baseline, 0 before the first sample.
     */
    public double baseline(final int slot)
    {
        return baseline[slot];
    }

    /**
     * Periods sampled so far.
     *
     * @param slot of the instrument.
     * @return the count.
     */
    public long samples(final int slot)
    {
        return samples[slot];
    }
}
