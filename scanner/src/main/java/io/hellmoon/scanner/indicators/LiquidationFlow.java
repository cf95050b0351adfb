/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

import java.util.Arrays;

/**
 * Forced liquidations of many instruments over a rolling window, per side: how many and how much notional, as
 * struct-of-arrays indexed by a dense slot. The window is a ring of equal buckets that time moves forward a bucket at
 * a time, like {@link TradeFlow}'s; totals are re-summed from the ring when it moves, so they do not drift.
 * <p>
 * Side 0 is BUY liquidation orders (shorts being closed), side 1 SELL (longs being closed). Allocation free, O(1)
 * per update (a roll touches at most the buckets). Times must not go backwards per slot. Not thread safe.
 */
public final class LiquidationFlow
{
    /**
     * Side index of BUY liquidation orders: shorts liquidated, price pushed up.
     */
    public static final int BUY = 0;

    /**
     * Side index of SELL liquidation orders: longs liquidated, price pushed down.
     */
    public static final int SELL = 1;

    private static final long NO_INDEX = Long.MIN_VALUE;

    private final int buckets;
    private final long bucketNs;

    private double[] bucketCount;
    private double[] bucketNotional;
    private long[] bucketIndex;
    private long[] bucketEndNs;
    private double[] count;
    private double[] notional;

    /**
     * Liquidations for {@code capacity} slots.
     *
     * @param capacity slots to allocate for.
     * @param windowNs length of the window.
     * @param buckets  buckets per window; must divide it.
     */
    public LiquidationFlow(final int capacity, final long windowNs, final int buckets)
    {
        this.buckets = buckets;
        this.bucketNs = windowNs / buckets;
        bucketCount = new double[capacity * buckets * 2];
        bucketNotional = new double[capacity * buckets * 2];
        bucketIndex = new long[capacity];
        bucketEndNs = new long[capacity];
        count = new double[capacity * 2];
        notional = new double[capacity * 2];
        Arrays.fill(bucketIndex, NO_INDEX);
        Arrays.fill(bucketEndNs, Long.MIN_VALUE);
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
        bucketCount = Arrays.copyOf(bucketCount, capacity * buckets * 2);
        bucketNotional = Arrays.copyOf(bucketNotional, capacity * buckets * 2);
        bucketIndex = Arrays.copyOf(bucketIndex, capacity);
        bucketEndNs = Arrays.copyOf(bucketEndNs, capacity);
        count = Arrays.copyOf(count, capacity * 2);
        notional = Arrays.copyOf(notional, capacity * 2);
        Arrays.fill(bucketIndex, oldCapacity, capacity, NO_INDEX);
        Arrays.fill(bucketEndNs, oldCapacity, capacity, Long.MIN_VALUE);
    }

    /**
     * A forced liquidation.
     *
     * @param slot          of the instrument.
     * @param timeNs        event time.
     * @param side          {@link #BUY} or {@link #SELL}.
     * @param orderNotional quote notional filled.
     */
    public void onLiquidation(final int slot, final long timeNs, final int side, final double orderNotional)
    {
        advance(slot, timeNs);
        final int b = ((slot * buckets + (int)Math.floorMod(bucketIndex[slot], (long)buckets)) << 1) + side;
        bucketCount[b] += 1.0;
        bucketNotional[b] += orderNotional;
        count[(slot << 1) + side] += 1.0;
        notional[(slot << 1) + side] += orderNotional;
    }

    /**
     * Move the slot's window to {@code timeNs}: buckets that left it are cleared.
     *
     * @param slot   of the instrument.
     * @param timeNs event time; earlier than the current bucket changes nothing.
     */
    public void advance(final int slot, final long timeNs)
    {
        if (timeNs < bucketEndNs[slot])
        {
            return;
        }
        final long index = Math.floorDiv(timeNs, bucketNs);
        final long lastIndex = bucketIndex[slot];
        final int base = slot * buckets * 2;
        if (NO_INDEX == lastIndex || index - lastIndex >= buckets)
        {
            Arrays.fill(bucketCount, base, base + buckets * 2, 0.0);
            Arrays.fill(bucketNotional, base, base + buckets * 2, 0.0);
        }
        else
        {
            for (long i = lastIndex + 1; i <= index; i++)
            {
                final int b = base + ((int)Math.floorMod(i, (long)buckets) << 1);
                bucketCount[b] = 0.0;
                bucketCount[b + 1] = 0.0;
                bucketNotional[b] = 0.0;
                bucketNotional[b + 1] = 0.0;
            }
        }
        bucketIndex[slot] = index;
        bucketEndNs[slot] = (index + 1) * bucketNs;

        double buyCount = 0.0;
        double sellCount = 0.0;
        double buyNotional = 0.0;
        double sellNotional = 0.0;
        for (int b = base, end = base + buckets * 2; b < end; b += 2)
        {
            buyCount += bucketCount[b];
            sellCount += bucketCount[b + 1];
            buyNotional += bucketNotional[b];
            sellNotional += bucketNotional[b + 1];
        }
        count[slot << 1] = buyCount;
        count[(slot << 1) + 1] = sellCount;
        notional[slot << 1] = buyNotional;
        notional[(slot << 1) + 1] = sellNotional;
    }

    /**
     * Liquidations of one side in the window.
     *
     * @param slot of the instrument.
     * @param side {@link #BUY} or {@link #SELL}.
     * @return the count.
     */
    public double count(final int slot, final int side)
    {
        return count[(slot << 1) + side];
    }

    /**
     * Liquidated notional of one side in the window.
     *
     * @param slot of the instrument.
     * @param side {@link #BUY} or {@link #SELL}.
     * @return quote notional.
     */
    public double notional(final int slot, final int side)
    {
        return notional[(slot << 1) + side];
    }
}
