/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.state;

import io.hellmoon.codecs.Timeframe;

/**
 * Closed bars of one instrument on every {@link Timeframe}, most recent first, for confirmations.
 * <p>
 * Bars are built from trades, aligned on the epoch by the trades' own times, until a closed kline of that timeframe
 * arrives on the market-data stream: from then on that timeframe takes klines only, so the two sources are never
 * mixed. A period without trades becomes a flat bar at the last close, so a quiet market still moves the series
 * forward in time ({@link #advanceTo(int, long)}). Each timeframe keeps the last {@link #CAPACITY} bars.
 * Allocation free after construction; single threaded.
 */
public final class BarSeries
{
    /**
     * Closed bars kept per timeframe.
     */
    public static final int CAPACITY = 64;

    private static final int TIMEFRAMES = Timeframe.count();

    private final double[] highs = new double[TIMEFRAMES * CAPACITY];
    private final double[] lows = new double[TIMEFRAMES * CAPACITY];
    private final double[] closes = new double[TIMEFRAMES * CAPACITY];
    private final int[] heads = new int[TIMEFRAMES];
    private final int[] counts = new int[TIMEFRAMES];
    private final long[] lastClosedBucket = new long[TIMEFRAMES];
    private final boolean[] fromKlines = new boolean[TIMEFRAMES];
    private final boolean[] hasCurrent = new boolean[TIMEFRAMES];
    private final long[] currentBucket = new long[TIMEFRAMES];
    private final double[] currentHigh = new double[TIMEFRAMES];
    private final double[] currentLow = new double[TIMEFRAMES];
    private final double[] currentClose = new double[TIMEFRAMES];

    /**
     * A trade: updates the forming bar of every timeframe not fed by klines.
     *
     * @param price  trade price.
     * @param timeNs trade time.
     */
    public void onTrade(final double price, final long timeNs)
    {
        for (int tf = 0; tf < TIMEFRAMES; tf++)
        {
            if (fromKlines[tf])
            {
                continue;
            }
            final long bucket = Math.floorDiv(timeNs, Timeframe.get(tf).durationNs());
            if (!hasCurrent[tf])
            {
                start(tf, bucket, price);
            }
            else if (bucket > currentBucket[tf])
            {
                roll(tf, bucket);
                start(tf, bucket, price);
            }
            else if (bucket == currentBucket[tf])
            {
                currentHigh[tf] = Math.max(currentHigh[tf], price);
                currentLow[tf] = Math.min(currentLow[tf], price);
                currentClose[tf] = price;
            }
            // A trade older than the forming bar arrived late: its bar is closed, so it is ignored.
        }
    }

    /**
     * A kline from the market-data stream; only closed ones are kept.
     *
     * @param tf          timeframe ordinal.
     * @param openTimeNs  start of the kline.
     * @param high        high price.
     * @param low         low price.
     * @param close       close price.
     * @param closed      whether the kline is final.
     */
    public void onKline(
        final int tf, final long openTimeNs, final double high, final double low, final double close,
        final boolean closed)
    {
        if (!closed)
        {
            return;
        }
        if (!fromKlines[tf])
        {
            fromKlines[tf] = true;
            hasCurrent[tf] = false;
            counts[tf] = 0;
            heads[tf] = 0;
            lastClosedBucket[tf] = Long.MIN_VALUE;
        }
        final long bucket = Math.floorDiv(openTimeNs, Timeframe.get(tf).durationNs());
        if (bucket > lastClosedBucket[tf])
        {
            push(tf, bucket, high, low, close);
        }
    }

    /**
     * Close the forming bar of a timeframe if its period has ended by {@code timeNs}, filling quiet periods with
     * flat bars, so evaluation at that time sees every bar that has closed.
     *
     * @param tf     timeframe ordinal.
     * @param timeNs time of the evaluation.
     */
    public void advanceTo(final int tf, final long timeNs)
    {
        if (fromKlines[tf] || !hasCurrent[tf])
        {
            return;
        }
        final long bucket = Math.floorDiv(timeNs, Timeframe.get(tf).durationNs());
        if (bucket > currentBucket[tf])
        {
            final double close = currentClose[tf];
            roll(tf, bucket);
            start(tf, bucket, close);
        }
    }

    /**
     * Closed bars available.
     *
     * @param tf timeframe ordinal.
     * @return the count, at most {@link #CAPACITY}.
     */
    public int count(final int tf)
    {
        return counts[tf];
    }

    /**
     * High of a closed bar.
     *
     * @param tf  timeframe ordinal.
     * @param age 0 for the most recent closed bar.
     * @return the high.
     */
    public double high(final int tf, final int age)
    {
        return highs[index(tf, age)];
    }

    /**
     * Low of a closed bar.
     *
     * @param tf  timeframe ordinal.
     * @param age 0 for the most recent closed bar.
     * @return the low.
     */
    public double low(final int tf, final int age)
    {
        return lows[index(tf, age)];
    }

    /**
     * Close of a closed bar.
     *
     * @param tf  timeframe ordinal.
     * @param age 0 for the most recent closed bar.
     * @return the close.
     */
    public double close(final int tf, final int age)
    {
        return closes[index(tf, age)];
    }

    private int index(final int tf, final int age)
    {
        return tf * CAPACITY + ((heads[tf] - 1 - age) & (CAPACITY - 1));
    }

    private void start(final int tf, final long bucket, final double price)
    {
        hasCurrent[tf] = true;
        currentBucket[tf] = bucket;
        currentHigh[tf] = price;
        currentLow[tf] = price;
        currentClose[tf] = price;
    }

    private void roll(final int tf, final long newBucket)
    {
        push(tf, currentBucket[tf], currentHigh[tf], currentLow[tf], currentClose[tf]);
        final double close = currentClose[tf];
        final long gaps = Math.min(newBucket - currentBucket[tf] - 1, CAPACITY);
        for (long i = 0; i < gaps; i++)
        {
            push(tf, newBucket - gaps + i, close, close, close);
        }
    }

    private void push(final int tf, final long bucket, final double high, final double low, final double close)
    {
        final int slot = tf * CAPACITY + heads[tf];
        highs[slot] = high;
        lows[slot] = low;
        closes[slot] = close;
        heads[tf] = (heads[tf] + 1) & (CAPACITY - 1);
        if (counts[tf] < CAPACITY)
        {
            counts[tf]++;
        }
        lastClosedBucket[tf] = bucket;
    }
}
