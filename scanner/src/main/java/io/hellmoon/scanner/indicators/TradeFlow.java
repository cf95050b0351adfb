/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

import java.util.Arrays;

/**
 * Traded volume, signed volume and trade counts of many instruments over a rolling window, plus EWMA baselines of
 * the per-window totals, as struct-of-arrays indexed by a dense slot.
 * <p>
 * The window (e.g. one second) is a ring of {@code buckets} equal buckets per slot; time moves it forward one bucket
 * at a time, so the window always covers the current bucket and the {@code buckets - 1} before it. The baseline is
 * fed with the totals of consecutive, aligned windows ("periods"): a period without trades is a zero sample, applied
 * in closed form however many periods were skipped; a slot's first period, which began at its first trade rather
 * than at the period's start, is not a sample. The EWMA starts from zero and is bias-corrected by its accumulated
 * weight, so early baselines are proper averages of the periods seen rather than the first period alone. Each
 * sample enters the baseline winsorised at {@code clip x max(baseline, floor)}, so a burst barely lifts the baseline
 * it is measured against, while a lasting change of activity still moves it within a few spans.
 * <p>
 * Every update is O(1) (a bucket roll touches at most {@code buckets} entries) and allocation free. Times must not
 * go backwards per slot; the caller clamps late ticks to the slot's latest time. Not thread safe.
 */
public final class TradeFlow
{
    private static final long NO_INDEX = Long.MIN_VALUE;

    private final int buckets;
    private final long bucketNs;
    private final long periodNs;
    private final double alpha;
    private final double fastAlpha;
    private final double clip;
    private final double floor;

    private double[] bucketVolume;
    private double[] bucketSigned;
    private double[] bucketCount;
    private double[] bucketOrders;
    private long[] bucketIndex;
    private long[] bucketEndNs;
    private int[] bucketPosition;
    private double[] windowVolume;
    private double[] windowSigned;
    private double[] windowCount;
    private double[] windowOrders;
    private long[] periodIndex;
    private double[] periodVolume;
    private double[] periodCount;
    private double[] periodOrders;
    private double[] volumeSum;
    private double[] countSum;
    private double[] ordersSum;
    private double[] baselineWeight;
    private double[] baselineVolume;
    private double[] baselineCount;
    private double[] baselineOrders;
    private double[] fastSum;
    private double[] fastWeight;
    private double[] fastVolume;
    private long[] baselineSamples;
    private boolean[] partialPeriod;

    /**
     * Trade flow for {@code capacity} slots.
     *
     * @param capacity       slots to allocate for.
     * @param windowNs       length of the rolling window, also the period of the baseline samples.
     * @param buckets        buckets per window; must divide {@code windowNs}.
     * @param baselineSpanNs span of the baseline EWMA: alpha = 2 / (spanNs / windowNs + 1).
     * @param clip           winsorising factor of baseline samples, 0 for none.
     * @param floor          least baseline the clip is computed from.
     * @param fastSpanNs     span of the fast (unclipped) volume EWMA, the recent volume rate.
     */
    public TradeFlow(
        final int capacity,
        final long windowNs,
        final int buckets,
        final long baselineSpanNs,
        final double clip,
        final double floor,
        final long fastSpanNs)
    {
        this.buckets = buckets;
        this.bucketNs = windowNs / buckets;
        this.periodNs = windowNs;
        this.alpha = Ewma.alphaForSpan((double)baselineSpanNs / windowNs);
        this.fastAlpha = Ewma.alphaForSpan((double)fastSpanNs / windowNs);
        this.clip = clip;
        this.floor = floor;

        bucketVolume = new double[capacity * buckets];
        bucketSigned = new double[capacity * buckets];
        bucketCount = new double[capacity * buckets];
        bucketOrders = new double[capacity * buckets];
        bucketIndex = new long[capacity];
        bucketEndNs = new long[capacity];
        bucketPosition = new int[capacity];
        windowVolume = new double[capacity];
        windowSigned = new double[capacity];
        windowCount = new double[capacity];
        windowOrders = new double[capacity];
        periodIndex = new long[capacity];
        periodVolume = new double[capacity];
        periodCount = new double[capacity];
        periodOrders = new double[capacity];
        volumeSum = new double[capacity];
        countSum = new double[capacity];
        ordersSum = new double[capacity];
        baselineWeight = new double[capacity];
        baselineVolume = new double[capacity];
        baselineCount = new double[capacity];
        baselineOrders = new double[capacity];
        fastSum = new double[capacity];
        fastWeight = new double[capacity];
        fastVolume = new double[capacity];
        baselineSamples = new long[capacity];
        partialPeriod = new boolean[capacity];
        Arrays.fill(bucketIndex, NO_INDEX);
        Arrays.fill(bucketEndNs, Long.MIN_VALUE);
        Arrays.fill(periodIndex, NO_INDEX);
    }

    /**
     * Grow to at least {@code capacity} slots, keeping every slot's state. Allocates; call at warm-up only.
     *
     * @param capacity slots needed.
     */
    public void ensureCapacity(final int capacity)
    {
        final int oldCapacity = bucketIndex.length;
        if (capacity <= oldCapacity)
        {
            return;
        }

        bucketVolume = Arrays.copyOf(bucketVolume, capacity * buckets);
        bucketSigned = Arrays.copyOf(bucketSigned, capacity * buckets);
        bucketCount = Arrays.copyOf(bucketCount, capacity * buckets);
        bucketOrders = Arrays.copyOf(bucketOrders, capacity * buckets);
        bucketIndex = Arrays.copyOf(bucketIndex, capacity);
        bucketEndNs = Arrays.copyOf(bucketEndNs, capacity);
        bucketPosition = Arrays.copyOf(bucketPosition, capacity);
        windowVolume = Arrays.copyOf(windowVolume, capacity);
        windowSigned = Arrays.copyOf(windowSigned, capacity);
        windowCount = Arrays.copyOf(windowCount, capacity);
        windowOrders = Arrays.copyOf(windowOrders, capacity);
        periodIndex = Arrays.copyOf(periodIndex, capacity);
        periodVolume = Arrays.copyOf(periodVolume, capacity);
        periodCount = Arrays.copyOf(periodCount, capacity);
        periodOrders = Arrays.copyOf(periodOrders, capacity);
        volumeSum = Arrays.copyOf(volumeSum, capacity);
        countSum = Arrays.copyOf(countSum, capacity);
        ordersSum = Arrays.copyOf(ordersSum, capacity);
        baselineWeight = Arrays.copyOf(baselineWeight, capacity);
        baselineVolume = Arrays.copyOf(baselineVolume, capacity);
        baselineCount = Arrays.copyOf(baselineCount, capacity);
        baselineOrders = Arrays.copyOf(baselineOrders, capacity);
        fastSum = Arrays.copyOf(fastSum, capacity);
        fastWeight = Arrays.copyOf(fastWeight, capacity);
        fastVolume = Arrays.copyOf(fastVolume, capacity);
        baselineSamples = Arrays.copyOf(baselineSamples, capacity);
        partialPeriod = Arrays.copyOf(partialPeriod, capacity);
        Arrays.fill(bucketIndex, oldCapacity, capacity, NO_INDEX);
        Arrays.fill(bucketEndNs, oldCapacity, capacity, Long.MIN_VALUE);
        Arrays.fill(periodIndex, oldCapacity, capacity, NO_INDEX);
    }

    /**
     * Move a slot's window and baseline to {@code timeNs}: buckets that fell out of the window are cleared and
     * completed periods are fed to the baseline. A time before the slot's current bucket changes nothing.
     *
     * @param slot   of the instrument.
     * @param timeNs event time, epoch nanoseconds.
     */
    public void advance(final int slot, final long timeNs)
    {
        // Buckets tile periods, so a time inside the current bucket is inside the current period: nothing to do,
        // and the common case costs a compare instead of two 64-bit divisions.
        if (timeNs < bucketEndNs[slot])
        {
            return;
        }

        final long period = Math.floorDiv(timeNs, periodNs);
        final long lastPeriod = periodIndex[slot];
        if (period > lastPeriod)
        {
            if (NO_INDEX == lastPeriod)
            {
                // The slot's first period started at its first trade, not at the period's start: not a sample.
                partialPeriod[slot] = true;
            }
            else
            {
                if (partialPeriod[slot])
                {
                    partialPeriod[slot] = false;
                }
                else
                {
                    addBaselineSample(slot, periodVolume[slot], periodCount[slot], periodOrders[slot]);
                }
                decayBaseline(slot, period - lastPeriod - 1);
            }
            periodIndex[slot] = period;
            periodVolume[slot] = 0.0;
            periodCount[slot] = 0.0;
            periodOrders[slot] = 0.0;
        }

        final long index = Math.floorDiv(timeNs, bucketNs);
        final long lastIndex = bucketIndex[slot];
        if (index > lastIndex)
        {
            final int base = slot * buckets;
            if (NO_INDEX == lastIndex || index - lastIndex >= buckets)
            {
                Arrays.fill(bucketVolume, base, base + buckets, 0.0);
                Arrays.fill(bucketSigned, base, base + buckets, 0.0);
                Arrays.fill(bucketCount, base, base + buckets, 0.0);
                Arrays.fill(bucketOrders, base, base + buckets, 0.0);
            }
            else
            {
                for (long i = lastIndex + 1; i <= index; i++)
                {
                    final int b = base + (int)Math.floorMod(i, (long)buckets);
                    bucketVolume[b] = 0.0;
                    bucketSigned[b] = 0.0;
                    bucketCount[b] = 0.0;
                    bucketOrders[b] = 0.0;
                }
            }
            bucketIndex[slot] = index;
            bucketEndNs[slot] = (index + 1) * bucketNs;
            bucketPosition[slot] = (int)Math.floorMod(index, (long)buckets);

            // Re-summing the ring (rather than subtracting what left it) keeps the window free of rounding drift.
            double volume = 0.0;
            double signed = 0.0;
            double count = 0.0;
            double orders = 0.0;
            for (int b = base, end = base + buckets; b < end; b++)
            {
                volume += bucketVolume[b];
                signed += bucketSigned[b];
                count += bucketCount[b];
                orders += bucketOrders[b];
            }
            windowVolume[slot] = volume;
            windowSigned[slot] = signed;
            windowCount[slot] = count;
            windowOrders[slot] = orders;
        }
    }

    /**
     * Add a trade to the slot's current bucket; {@link #advance(int, long)} it to the trade's time first.
     *
     * @param slot           of the instrument.
     * @param notional       quote notional of the trade, positive.
     * @param signedNotional {@code +notional} for an aggressive buy, {@code -notional} for a sell, 0 if unknown.
     * @param newOrder       true if the trade starts a new taker order (the fills of one order share a trade time).
     */
    public void add(final int slot, final double notional, final double signedNotional, final boolean newOrder)
    {
        final long index = bucketIndex[slot];
        if (NO_INDEX == index)
        {
            return;
        }

        final int b = slot * buckets + bucketPosition[slot];
        bucketVolume[b] += notional;
        bucketSigned[b] += signedNotional;
        final double order = newOrder ? 1.0 : 0.0;
        bucketCount[b] += 1.0;
        bucketOrders[b] += order;
        windowVolume[slot] += notional;
        windowSigned[slot] += signedNotional;
        windowCount[slot] += 1.0;
        windowOrders[slot] += order;
        periodVolume[slot] += notional;
        periodCount[slot] += 1.0;
        periodOrders[slot] += order;
    }

    /**
     * Quote notional traded in the slot's rolling window.
     *
     * @param slot of the instrument.
     * @return the notional.
     */
    public double windowVolume(final int slot)
    {
        return windowVolume[slot];
    }

    /**
     * Signed quote notional (aggressive buys minus aggressive sells) in the slot's rolling window.
     *
     * @param slot of the instrument.
     * @return the signed notional.
     */
    public double windowSignedVolume(final int slot)
    {
        return windowSigned[slot];
    }

    /**
     * Trades in the slot's rolling window.
     *
     * @param slot of the instrument.
     * @return the count.
     */
    public double windowCount(final int slot)
    {
        return windowCount[slot];
    }

    /**
     * Taker orders in the slot's rolling window: trades that did not share their trade time with the one before.
     *
     * @param slot of the instrument.
     * @return the count.
     */
    public double windowOrders(final int slot)
    {
        return windowOrders[slot];
    }

    /**
     * EWMA of the slot's per-window taker orders.
     *
     * @param slot of the instrument.
     * @return the baseline, 0 before the first sample.
     */
    public double baselineOrders(final int slot)
    {
        return baselineOrders[slot];
    }

    /**
     * EWMA of the slot's per-window notional.
     *
     * @param slot of the instrument.
     * @return the baseline, 0 before the first sample.
     */
    public double baselineVolume(final int slot)
    {
        return baselineVolume[slot];
    }

    /**
     * EWMA of the slot's per-window trade count.
     *
     * @param slot of the instrument.
     * @return the baseline, 0 before the first sample.
     */
    public double baselineCount(final int slot)
    {
        return baselineCount[slot];
    }

    /**
     * Fast EWMA of the slot's per-window notional: the recent volume rate, not winsorised, on the same samples as
     * the baseline.
     *
     * @param slot of the instrument.
     * @return notional per window, 0 before the first sample.
     */
    public double fastVolume(final int slot)
    {
        return fastVolume[slot];
    }

    /**
     * Periods fed to the slot's baseline, trade-less ones included.
     *
     * @param slot of the instrument.
     * @return the number of samples.
     */
    public long baselineSamples(final int slot)
    {
        return baselineSamples[slot];
    }

    /**
     * Forget a slot, e.g. when it is reused.
     *
     * @param slot to reset.
     */
    public void reset(final int slot)
    {
        final int base = slot * buckets;
        Arrays.fill(bucketVolume, base, base + buckets, 0.0);
        Arrays.fill(bucketSigned, base, base + buckets, 0.0);
        Arrays.fill(bucketCount, base, base + buckets, 0.0);
        Arrays.fill(bucketOrders, base, base + buckets, 0.0);
        bucketIndex[slot] = NO_INDEX;
        bucketEndNs[slot] = Long.MIN_VALUE;
        bucketPosition[slot] = 0;
        windowVolume[slot] = 0.0;
        windowSigned[slot] = 0.0;
        windowCount[slot] = 0.0;
        windowOrders[slot] = 0.0;
        periodIndex[slot] = NO_INDEX;
        periodVolume[slot] = 0.0;
        periodCount[slot] = 0.0;
        periodOrders[slot] = 0.0;
        volumeSum[slot] = 0.0;
        countSum[slot] = 0.0;
        ordersSum[slot] = 0.0;
        baselineWeight[slot] = 0.0;
        baselineVolume[slot] = 0.0;
        baselineCount[slot] = 0.0;
        baselineOrders[slot] = 0.0;
        fastSum[slot] = 0.0;
        fastWeight[slot] = 0.0;
        fastVolume[slot] = 0.0;
        baselineSamples[slot] = 0;
        partialPeriod[slot] = false;
    }

    private void addBaselineSample(final int slot, final double volume, final double count, final double orders)
    {
        double clippedVolume = volume;
        double clippedCount = count;
        double clippedOrders = orders;
        if (clip > 0.0 && baselineSamples[slot] > 0)
        {
            clippedVolume = Math.min(volume, clip * Math.max(baselineVolume[slot], floor));
            clippedCount = Math.min(count, clip * Math.max(baselineCount[slot], 1.0));
            clippedOrders = Math.min(orders, clip * Math.max(baselineOrders[slot], 1.0));
        }
        volumeSum[slot] += alpha * (clippedVolume - volumeSum[slot]);
        countSum[slot] += alpha * (clippedCount - countSum[slot]);
        ordersSum[slot] += alpha * (clippedOrders - ordersSum[slot]);
        baselineWeight[slot] += alpha * (1.0 - baselineWeight[slot]);
        fastSum[slot] += fastAlpha * (volume - fastSum[slot]);
        fastWeight[slot] += fastAlpha * (1.0 - fastWeight[slot]);
        baselineSamples[slot] = Ewma.saturatedAdd(baselineSamples[slot], 1);
        publish(slot);
    }

    private void decayBaseline(final int slot, final long zeroSamples)
    {
        if (zeroSamples > 0)
        {
            final double factor = Ewma.decay(alpha, zeroSamples);
            volumeSum[slot] *= factor;
            countSum[slot] *= factor;
            ordersSum[slot] *= factor;
            baselineWeight[slot] = 1.0 - (1.0 - baselineWeight[slot]) * factor;
            final double fastFactor = Ewma.decay(fastAlpha, zeroSamples);
            fastSum[slot] *= fastFactor;
            fastWeight[slot] = 1.0 - (1.0 - fastWeight[slot]) * fastFactor;
            baselineSamples[slot] = Ewma.saturatedAdd(baselineSamples[slot], zeroSamples);
            publish(slot);
        }
    }

    private void publish(final int slot)
    {
        final double weight = baselineWeight[slot];
        baselineVolume[slot] = weight > 0.0 ? volumeSum[slot] / weight : 0.0;
        baselineCount[slot] = weight > 0.0 ? countSum[slot] / weight : 0.0;
        baselineOrders[slot] = weight > 0.0 ? ordersSum[slot] / weight : 0.0;
        final double fast = fastWeight[slot];
        fastVolume[slot] = fast > 0.0 ? fastSum[slot] / fast : 0.0;
    }
}
