/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import java.util.Arrays;
import java.util.List;

/**
 * A universe's bars on one time grid: the bar times (multiples of the timeframe) at which at least one symbol has a
 * bar, and for each symbol its log close at every grid bar from its first bar to its last, NaN outside that range.
 * <p>
 * Source bars shorter than the timeframe are resampled (the close of the last source bar in a grid bar, volumes
 * summed). A grid bar inside a symbol's range without a bar of its own repeats the previous close (no trade, no
 * move) and is counted in {@link #filledBars(int)}; a time at which no symbol has a bar (a gap in the whole data
 * set, e.g. between files of different days) is not on the grid, so the bars either side of it are consecutive
 * observations rather than a long flat stretch. Source bars longer than the timeframe, or whose length does not
 * divide it, are rejected. A pair's sample is then one contiguous range, the overlap of its legs' ranges.
 * <p>
 * The daily quote volume of a symbol is its total quote volume over the days its source bars span
 * ({@code (last open - first open + interval) / 1 day}).
 */
public final class AlignedBars
{
    /**
     * Most grid cells (symbols times bars) accepted, so a mistaken timeframe fails rather than exhausts the heap.
     */
    public static final long MAX_CELLS = 200_000_000L;

    private static final double NANOS_PER_DAY = 86_400e9;

    private final Timeframe timeframe;
    private final long[] grid;
    private final String[] symbols;
    private final double[][] logCloses;
    private final int[] first;
    private final int[] end;
    private final int[] filled;
    private final double[] dailyQuoteVolumes;

    private AlignedBars(
        final Timeframe timeframe,
        final long[] grid,
        final String[] symbols,
        final double[][] logCloses,
        final int[] first,
        final int[] end,
        final int[] filled,
        final double[] dailyQuoteVolumes)
    {
        this.timeframe = timeframe;
        this.grid = grid;
        this.symbols = symbols;
        this.logCloses = logCloses;
        this.first = first;
        this.end = end;
        this.filled = filled;
        this.dailyQuoteVolumes = dailyQuoteVolumes;
    }

    /**
     * Align series on the grid of a timeframe.
     *
     * @param series    one per symbol, each non-empty.
     * @param timeframe of the grid.
     * @return the aligned universe.
     * @throws IllegalArgumentException naming the symbol and its source if its bars cannot make the timeframe's, or
     *                                  if the grid would be too large.
     */
    public static AlignedBars of(final List<BarSeries> series, final Timeframe timeframe)
    {
        final long stepNs = timeframe.nanos();
        int total = 0;
        for (final BarSeries s : series)
        {
            if (0 == s.size())
            {
                throw new IllegalArgumentException(s.symbol() + " (" + s.source() + "): no bars");
            }
            if (s.intervalNs() > stepNs || 0 != stepNs % s.intervalNs())
            {
                throw new IllegalArgumentException(s.symbol() + " (" + s.source() + "): bars of " +
                    s.intervalNs() / 1_000_000 + " ms cannot make " + timeframe.label() + " bars");
            }
            total += s.size();
        }

        // the grid: every bar time at which some symbol has a bar, in order
        final long[] all = new long[total];
        int k = 0;
        for (final BarSeries s : series)
        {
            for (int i = 0, n = s.size(); i < n; i++)
            {
                all[k++] = Math.floorDiv(s.openTimeNs(i), stepNs) * stepNs;
            }
        }
        Arrays.sort(all);
        int length = 0;
        for (int i = 0; i < total; i++)
        {
            if (0 == length || all[i] != all[length - 1])
            {
                all[length++] = all[i];
            }
        }
        final int count = series.size();
        if ((long)length * count > MAX_CELLS)
        {
            throw new IllegalArgumentException(count + " symbols over " + length + " " + timeframe.label() +
                " bars is more than " + MAX_CELLS + " cells: use a longer timeframe or fewer symbols");
        }
        final long[] grid = Arrays.copyOf(all, length);

        final String[] symbols = new String[count];
        final double[][] logCloses = new double[count][];
        final int[] first = new int[count];
        final int[] end = new int[count];
        final int[] filled = new int[count];
        final double[] dailyVolumes = new double[count];
        for (int s = 0; s < count; s++)
        {
            final BarSeries bars = series.get(s);
            symbols[s] = bars.symbol();
            final double[] closes = new double[length];
            Arrays.fill(closes, Double.NaN);
            double volume = 0.0;
            int firstCell = Integer.MAX_VALUE;
            int lastCell = -1;
            for (int i = 0, n = bars.size(); i < n; i++)
            {
                final int cell = Arrays.binarySearch(grid, Math.floorDiv(bars.openTimeNs(i), stepNs) * stepNs);
                closes[cell] = Math.log(bars.close(i));
                volume += bars.quoteVolume(i);
                firstCell = Math.min(firstCell, cell);
                lastCell = Math.max(lastCell, cell);
            }
            int gaps = 0;
            for (int cell = firstCell + 1; cell <= lastCell; cell++)
            {
                if (Double.isNaN(closes[cell]))
                {
                    closes[cell] = closes[cell - 1];
                    gaps++;
                }
            }
            logCloses[s] = closes;
            first[s] = firstCell;
            end[s] = lastCell + 1;
            filled[s] = gaps;
            final double spanNs =
                (double)(bars.openTimeNs(bars.size() - 1) - bars.openTimeNs(0)) + bars.intervalNs();
            dailyVolumes[s] = volume * NANOS_PER_DAY / spanNs;
        }
        return new AlignedBars(timeframe, grid, symbols, logCloses, first, end, filled, dailyVolumes);
    }

    /**
     * The grid's timeframe.
     *
     * @return the timeframe.
     */
    public Timeframe timeframe()
    {
        return timeframe;
    }

    /**
     * Open time of a grid bar.
     *
     * @param index in the grid.
     * @return epoch nanoseconds.
     */
    public long openTimeNs(final int index)
    {
        return grid[index];
    }

    /**
     * Bars in the grid.
     *
     * @return the length.
     */
    public int length()
    {
        return grid.length;
    }

    /**
     * Symbols in the universe.
     *
     * @return the count.
     */
    public int symbolCount()
    {
        return symbols.length;
    }

    /**
     * A symbol's name.
     *
     * @param symbol index.
     * @return the name.
     */
    public String symbol(final int symbol)
    {
        return symbols[symbol];
    }

    /**
     * A symbol's log closes on the grid (NaN outside its range); the array itself, not a copy.
     *
     * @param symbol index.
     * @return the log closes.
     */
    public double[] logCloses(final int symbol)
    {
        return logCloses[symbol];
    }

    /**
     * First grid index of a symbol's range.
     *
     * @param symbol index.
     * @return inclusive index.
     */
    public int first(final int symbol)
    {
        return first[symbol];
    }

    /**
     * End of a symbol's range.
     *
     * @param symbol index.
     * @return exclusive index.
     */
    public int end(final int symbol)
    {
        return end[symbol];
    }

    /**
     * Grid bars of a symbol's range that repeat the previous close for lack of a source bar.
     *
     * @param symbol index.
     * @return the count.
     */
    public int filledBars(final int symbol)
    {
        return filled[symbol];
    }

    /**
     * A symbol's quote volume per day.
     *
     * @param symbol index.
     * @return the volume in its quote asset.
     */
    public double dailyQuoteVolume(final int symbol)
    {
        return dailyQuoteVolumes[symbol];
    }
}
