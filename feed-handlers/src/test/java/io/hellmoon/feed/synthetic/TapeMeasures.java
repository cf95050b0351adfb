/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.synthetic;

import java.util.Arrays;

/**
 * Statistics the quality tests measure on what a {@link UsdmTape} saw; everything is computed from emitted frames.
 */
final class TapeMeasures
{
    private TapeMeasures()
    {
    }

    /**
     * Traded quantity (as a double of the mantissa) per one-second bucket from {@code fromMs} (inclusive) to
     * {@code toMs} (exclusive, whole seconds only).
     */
    static double[] volumePerSecond(final UsdmTape.Symbol symbol, final long fromMs, final long toMs)
    {
        final int seconds = (int)((toMs - fromMs) / 1000);
        final double[] volumes = new double[Math.max(0, seconds)];
        final UsdmTape.Series trades = symbol.trades;
        for (int row = 0; row < trades.rows(); row++)
        {
            final long timeMs = trades.get(row, 0);
            if (timeMs >= fromMs && timeMs < fromMs + seconds * 1000L)
            {
                volumes[(int)((timeMs - fromMs) / 1000)] += trades.get(row, 2);
            }
        }
        return volumes;
    }

    /**
     * Mid price (mantissa) at every {@code stepMs} from {@code fromMs} to {@code toMs}: the last book ticker's mid at
     * or before each time; NaN before the first ticker.
     */
    static double[] midsEvery(final UsdmTape.Symbol symbol, final long fromMs, final long toMs, final long stepMs)
    {
        final int samples = (int)((toMs - fromMs) / stepMs) + 1;
        final double[] mids = new double[samples];
        Arrays.fill(mids, Double.NaN);
        final UsdmTape.Series tickers = symbol.tickers;
        int row = 0;
        double mid = Double.NaN;
        for (int s = 0; s < samples; s++)
        {
            final long timeMs = fromMs + s * stepMs;
            while (row < tickers.rows() && tickers.get(row, 0) <= timeMs)
            {
                mid = (tickers.get(row, 1) + tickers.get(row, 2)) * 0.5;
                row++;
            }
            mids[s] = mid;
        }
        return mids;
    }

    /**
     * Index prices (the markPriceUpdate {@code i} field, the market's fair value) with times in [fromMs, toMs).
     */
    static double[] indexPrices(final UsdmTape.Symbol symbol, final long fromMs, final long toMs)
    {
        final UsdmTape.Series marks = symbol.marks;
        double[] prices = new double[64];
        int count = 0;
        for (int row = 0; row < marks.rows(); row++)
        {
            final long timeMs = marks.get(row, 0);
            if (timeMs >= fromMs && timeMs < toMs)
            {
                if (count == prices.length)
                {
                    prices = Arrays.copyOf(prices, count * 2);
                }
                prices[count++] = marks.get(row, 2);
            }
        }
        return Arrays.copyOf(prices, count);
    }

    /**
     * Standard deviation of the log returns of a sampled price series (population, mean removed).
     */
    static double realisedVolatility(final double[] prices)
    {
        double sum = 0;
        double sumSquares = 0;
        int count = 0;
        for (int i = 1; i < prices.length; i++)
        {
            if (!Double.isNaN(prices[i - 1]) && !Double.isNaN(prices[i]))
            {
                final double r = Math.log(prices[i] / prices[i - 1]);
                sum += r;
                sumSquares += r * r;
                count++;
            }
        }
        if (count < 2)
        {
            return Double.NaN;
        }
        final double mean = sum / count;
        return Math.sqrt(Math.max(0.0, sumSquares / count - mean * mean));
    }

    /**
     * Spreads in ticks of the book tickers with times in [fromMs, toMs).
     */
    static double[] spreadTicks(final UsdmTape.Symbol symbol, final long fromMs, final long toMs)
    {
        final UsdmTape.Series tickers = symbol.tickers;
        double[] spreads = new double[64];
        int count = 0;
        for (int row = 0; row < tickers.rows(); row++)
        {
            final long timeMs = tickers.get(row, 0);
            if (timeMs >= fromMs && timeMs < toMs)
            {
                if (count == spreads.length)
                {
                    spreads = Arrays.copyOf(spreads, count * 2);
                }
                spreads[count++] = (tickers.get(row, 2) - tickers.get(row, 1)) / (double)symbol.tickMantissa;
            }
        }
        return Arrays.copyOf(spreads, count);
    }

    /**
     * Ratio of bid to ask depth over the top levels of the rebuilt book after each diff in [fromMs, toMs).
     */
    static double[] bidAskDepthRatios(final UsdmTape.Symbol symbol, final long fromMs, final long toMs)
    {
        final UsdmTape.Series books = symbol.books;
        double[] ratios = new double[64];
        int count = 0;
        for (int row = 0; row < books.rows(); row++)
        {
            final long timeMs = books.get(row, 0);
            if (timeMs >= fromMs && timeMs < toMs)
            {
                if (count == ratios.length)
                {
                    ratios = Arrays.copyOf(ratios, count * 2);
                }
                ratios[count++] = books.get(row, 1) / (double)books.get(row, 2);
            }
        }
        return Arrays.copyOf(ratios, count);
    }

    /**
     * Highest high (or lowest low) of the closed 1m bars that opened in [fromMs, toMs), as a price mantissa.
     */
    static long barExtreme(final UsdmTape.Symbol symbol, final long fromMs, final long toMs, final boolean high)
    {
        long extreme = high ? Long.MIN_VALUE : Long.MAX_VALUE;
        final UsdmTape.Series bars = symbol.closedBars;
        for (int row = 0; row < bars.rows(); row++)
        {
            final long openMs = bars.get(row, 0);
            if (openMs >= fromMs && openMs < toMs)
            {
                extreme = high ? Math.max(extreme, bars.get(row, 2)) : Math.min(extreme, bars.get(row, 3));
            }
        }
        return extreme;
    }

    /**
     * Price of the last trade at or before {@code timeMs}, or NaN.
     */
    static double lastTradePrice(final UsdmTape.Symbol symbol, final long timeMs)
    {
        double price = Double.NaN;
        final UsdmTape.Series trades = symbol.trades;
        for (int row = 0; row < trades.rows() && trades.get(row, 0) <= timeMs; row++)
        {
            price = trades.get(row, 1);
        }
        return price;
    }

    static double median(final double[] values)
    {
        if (0 == values.length)
        {
            return Double.NaN;
        }
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int middle = sorted.length / 2;
        return 0 == sorted.length % 2 ? (sorted[middle - 1] + sorted[middle]) * 0.5 : sorted[middle];
    }

    static double mean(final double[] values)
    {
        double sum = 0;
        for (final double value : values)
        {
            sum += value;
        }
        return sum / values.length;
    }

    static double quantile(final double[] values, final double q)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int)(q * sorted.length))];
    }

    static double fractionAtLeast(final double[] values, final double threshold)
    {
        int count = 0;
        for (final double value : values)
        {
            if (value >= threshold)
            {
                count++;
            }
        }
        return values.length > 0 ? count / (double)values.length : 0.0;
    }
}
