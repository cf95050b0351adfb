/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import java.util.Arrays;

/**
 * One symbol's bars for the pairs scan: open times, closes and quote volumes in time order, immutable. Built with a
 * {@link Builder}, which accepts bars in any order and keeps the last one given for an open time.
 */
public final class BarSeries
{
    private final String symbol;
    private final String source;
    private final long intervalNs;
    private final long[] openTimesNs;
    private final double[] closes;
    private final double[] quoteVolumes;

    private BarSeries(
        final String symbol,
        final String source,
        final long intervalNs,
        final long[] openTimesNs,
        final double[] closes,
        final double[] quoteVolumes)
    {
        this.symbol = symbol;
        this.source = source;
        this.intervalNs = intervalNs;
        this.openTimesNs = openTimesNs;
        this.closes = closes;
        this.quoteVolumes = quoteVolumes;
    }

    /**
     * The symbol, as it will be named in results.
     *
     * @return the symbol.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * Where the bars came from (file names), for messages.
     *
     * @return a description.
     */
    public String source()
    {
        return source;
    }

    /**
     * Length of each bar.
     *
     * @return nanoseconds.
     */
    public long intervalNs()
    {
        return intervalNs;
    }

    /**
     * Number of bars.
     *
     * @return the count.
     */
    public int size()
    {
        return openTimesNs.length;
    }

    /**
     * Open time of a bar.
     *
     * @param index of the bar.
     * @return epoch nanoseconds.
     */
    public long openTimeNs(final int index)
    {
        return openTimesNs[index];
    }

    /**
     * Close price of a bar.
     *
     * @param index of the bar.
     * @return the price.
     */
    public double close(final int index)
    {
        return closes[index];
    }

    /**
     * Quote volume of a bar.
     *
     * @param index of the bar.
     * @return the volume in the quote asset.
     */
    public double quoteVolume(final int index)
    {
        return quoteVolumes[index];
    }

    /**
     * Collects bars of one symbol.
     */
    public static final class Builder
    {
        private final String symbol;
        private final long intervalNs;
        private final StringBuilder source = new StringBuilder();
        private long[] openTimesNs = new long[64];
        private double[] closes = new double[64];
        private double[] quoteVolumes = new double[64];
        private int size;
        private boolean sorted = true;

        /**
         * A builder.
         *
         * @param symbol     of the series.
         * @param intervalNs length of each bar.
         */
        public Builder(final String symbol, final long intervalNs)
        {
            if (intervalNs <= 0)
            {
                throw new IllegalArgumentException("bar interval must be positive: " + intervalNs);
            }
            this.symbol = symbol;
            this.intervalNs = intervalNs;
        }

        /**
         * Name a source of the bars (a file), for messages.
         *
         * @param name of the source.
         * @return this.
         */
        public Builder source(final String name)
        {
            if (source.indexOf(name) < 0)
            {
                source.append(0 == source.length() ? "" : ", ").append(name);
            }
            return this;
        }

        /**
         * The symbol.
         *
         * @return the symbol.
         */
        public String symbol()
        {
            return symbol;
        }

        /**
         * Length of each bar.
         *
         * @return nanoseconds.
         */
        public long intervalNs()
        {
            return intervalNs;
        }

        /**
         * Bars added so far.
         *
         * @return the count.
         */
        public int size()
        {
            return size;
        }

        /**
         * Open time of the last bar added, or {@code Long.MIN_VALUE}.
         *
         * @return epoch nanoseconds.
         */
        public long lastOpenTimeNs()
        {
            return 0 == size ? Long.MIN_VALUE : openTimesNs[size - 1];
        }

        /**
         * Add a bar.
         *
         * @param openTimeNs  epoch nanoseconds.
         * @param close       close price, positive.
         * @param quoteVolume quote volume, not negative.
         * @return this.
         */
        public Builder add(final long openTimeNs, final double close, final double quoteVolume)
        {
            if (size == openTimesNs.length)
            {
                openTimesNs = Arrays.copyOf(openTimesNs, size * 2);
                closes = Arrays.copyOf(closes, size * 2);
                quoteVolumes = Arrays.copyOf(quoteVolumes, size * 2);
            }
            if (size > 0 && openTimeNs <= openTimesNs[size - 1])
            {
                sorted = false;
            }
            openTimesNs[size] = openTimeNs;
            closes[size] = close;
            quoteVolumes[size] = quoteVolume;
            size++;
            return this;
        }

        /**
         * The series: bars sorted by open time, the last added kept where open times repeat.
         *
         * @return the series.
         */
        public BarSeries build()
        {
            Integer[] order = null;
            if (!sorted)
            {
                order = new Integer[size];
                for (int i = 0; i < size; i++)
                {
                    order[i] = i;
                }
                final long[] times = openTimesNs;
                // stable: equal times keep insertion order, so the last added comes last
                Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
            }

            final long[] outTimes = new long[size];
            final double[] outCloses = new double[size];
            final double[] outVolumes = new double[size];
            int count = 0;
            for (int k = 0; k < size; k++)
            {
                final int i = null == order ? k : order[k];
                if (count > 0 && outTimes[count - 1] == openTimesNs[i])
                {
                    count--;
                }
                outTimes[count] = openTimesNs[i];
                outCloses[count] = closes[i];
                outVolumes[count] = quoteVolumes[i];
                count++;
            }
            return new BarSeries(
                symbol,
                source.toString(),
                intervalNs,
                Arrays.copyOf(outTimes, count),
                Arrays.copyOf(outCloses, count),
                Arrays.copyOf(outVolumes, count));
        }
    }
}
