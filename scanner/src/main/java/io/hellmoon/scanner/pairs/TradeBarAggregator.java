/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import org.agrona.collections.Int2ObjectHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Builds bars of one timeframe from trades, per instrument id: a bar's close is the price of its last trade and its
 * quote volume the sum of {@code price * size}; a bar with no trade does not exist (the alignment forward-fills it).
 * Bars are aligned to multiples of the timeframe since the epoch. A trade older than the instrument's current bar
 * (replayed sources interleave by receive time, not trade time) adds its volume to the current bar and leaves its
 * close alone, and is counted in {@link #lateTrades()}. For offline use (it allocates per new bar); not thread safe.
 */
public final class TradeBarAggregator
{
    private final Timeframe timeframe;
    private final Int2ObjectHashMap<Bars> instruments = new Int2ObjectHashMap<>();
    private long trades;
    private long lateTrades;
    private long rejectedTrades;

    /**
     * An aggregator.
     *
     * @param timeframe of the bars.
     */
    public TradeBarAggregator(final Timeframe timeframe)
    {
        this.timeframe = timeframe;
    }

    /**
     * Add a trade.
     *
     * @param instrumentId the instrument.
     * @param timeNs       trade (or event) time, epoch nanoseconds.
     * @param price        trade price, positive.
     * @param size         trade size, positive.
     */
    public void onTrade(final int instrumentId, final long timeNs, final double price, final double size)
    {
        if (!(price > 0.0) || !(size >= 0.0) || Double.isInfinite(price) || Double.isInfinite(size) || timeNs <= 0)
        {
            rejectedTrades++;
            return;
        }
        trades++;
        Bars bars = instruments.get(instrumentId);
        if (null == bars)
        {
            bars = new Bars();
            instruments.put(instrumentId, bars);
        }

        final long stepNs = timeframe.nanos();
        final long openNs = Math.floorDiv(timeNs, stepNs) * stepNs;
        if (bars.count > 0 && openNs < bars.openNs)
        {
            lateTrades++;
            bars.volume += price * size;
            return;
        }
        if (0 == bars.count || openNs > bars.openNs)
        {
            bars.flush();
            bars.openNs = openNs;
            bars.volume = 0.0;
            bars.count++;
        }
        bars.close = price;
        bars.volume += price * size;
    }

    /**
     * Trades aggregated.
     *
     * @return the count.
     */
    public long trades()
    {
        return trades;
    }

    /**
     * Trades older than their instrument's current bar.
     *
     * @return the count.
     */
    public long lateTrades()
    {
        return lateTrades;
    }

    /**
     * Trades ignored for a non-positive or non-finite price, a negative size or no time.
     *
     * @return the count.
     */
    public long rejectedTrades()
    {
        return rejectedTrades;
    }

    /**
     * The bars so far, one series per instrument, ordered by name.
     *
     * @param names  the name of an instrument id (e.g. from the registry).
     * @param source description of where the trades came from.
     * @return the series.
     */
    public List<BarSeries> series(final IntFunction<String> names, final String source)
    {
        final Map<String, BarSeries> sorted = new TreeMap<>();
        final Int2ObjectHashMap<Bars>.KeyIterator ids = instruments.keySet().iterator();
        while (ids.hasNext())
        {
            final int id = ids.nextInt();
            final Bars bars = instruments.get(id);
            final BarSeries.Builder builder = new BarSeries.Builder(names.apply(id), timeframe.nanos()).source(source);
            for (int i = 0; i < bars.size; i++)
            {
                builder.add(bars.openTimesNs[i], bars.closes[i], bars.volumes[i]);
            }
            builder.add(bars.openNs, bars.close, bars.volume);
            final BarSeries series = builder.build();
            if (null != sorted.put(series.symbol(), series))
            {
                throw new IllegalArgumentException("two instruments are named " + series.symbol());
            }
        }
        return new ArrayList<>(sorted.values());
    }

    private static final class Bars
    {
        long[] openTimesNs = new long[16];
        double[] closes = new double[16];
        double[] volumes = new double[16];
        int size;
        int count;
        long openNs;
        double close;
        double volume;

        void flush()
        {
            if (0 == count)
            {
                return;
            }
            if (size == openTimesNs.length)
            {
                openTimesNs = java.util.Arrays.copyOf(openTimesNs, size * 2);
                closes = java.util.Arrays.copyOf(closes, size * 2);
                volumes = java.util.Arrays.copyOf(volumes, size * 2);
            }
            openTimesNs[size] = openNs;
            closes[size] = close;
            volumes[size] = volume;
            size++;
        }
    }
}
