/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.state;

import io.hellmoon.codecs.Timeframe;

import java.util.Arrays;

/**
 * What the router knows of each instrument's market, in arrays indexed by instrument id: feed state, best bid and
 * offer, last trade, order-book imbalance and spread averaged over each timeframe, the scanner's regime and since
 * when it has held, and bars for confirmations.
 * <p>
 * Times are the feed's receive times (the scanner's regime and book averages) and the exchange's trade times (bars),
 * so a replay gives the same state as the live run. Arrays grow when a larger instrument id is first seen, which
 * only happens during warm-up. Single threaded: the router's thread.
 */
public final class MarketState
{
    /**
     * Largest instrument id accepted; larger ids are bad input.
     */
    public static final int MAX_INSTRUMENT_ID = 1 << 22;

    /**
     * Feed state not yet reported.
     */
    public static final byte FEED_UNKNOWN = 0;

    private static final int TIMEFRAMES = Timeframe.count();
    private static final double[] TIMEFRAME_NS = timeframeNs();

    private int capacity;
    private byte[] feedState;
    private double[] bid;
    private double[] ask;
    private long[] quoteTimeNs;
    private boolean[] hasBookLevels;
    private double[] lastPrice;
    private long[] lastPriceTimeNs;
    private double[] imbalanceAverage;
    private double[] spreadAverage;
    private long[] bookFirstTimeNs;
    private long[] bookLastTimeNs;
    private byte[] volatilityRegime;
    private byte[] trendRegime;
    private byte[] trendDirection;
    private long[] regimeSinceNs;
    private BarSeries[] bars;

    /**
     * State for instrument ids below an initial capacity; it grows as needed.
     *
     * @param initialCapacity ids to allocate for up front.
     */
    public MarketState(final int initialCapacity)
    {
        allocate(Math.max(16, initialCapacity));
    }

    /**
     * Make room for an instrument id; allocates only when the id is beyond the current capacity.
     *
     * @param id instrument id.
     * @return false if the id is negative or above {@link #MAX_INSTRUMENT_ID}.
     */
    public boolean ensure(final int id)
    {
        if (id < 0 || id > MAX_INSTRUMENT_ID)
        {
            return false;
        }
        if (id >= capacity)
        {
            allocate(Math.max(id + 1, Math.min(capacity * 2, MAX_INSTRUMENT_ID + 1)));
        }
        if (null == bars[id])
        {
            bars[id] = new BarSeries();
        }
        return true;
    }

    /**
     * Whether an id has state.
     *
     * @param id instrument id.
     * @return true if within capacity.
     */
    public boolean contains(final int id)
    {
        return id >= 0 && id < capacity && null != bars[id];
    }

    /**
     * Feed state changed.
     *
     * @param id    instrument id.
     * @param state raw SBE {@code FeedState} value.
     */
    public void onFeedState(final int id, final byte state)
    {
        feedState[id] = state;
    }

    /**
     * Best bid and offer; also drives the book averages for instruments without book levels.
     *
     * @param id       instrument id.
     * @param bidPrice best bid.
     * @param bidSize  size at the best bid.
     * @param askPrice best offer.
     * @param askSize  size at the best offer.
     * @param timeNs   receive time.
     */
    public void onBestBidOffer(
        final int id, final double bidPrice, final double bidSize, final double askPrice, final double askSize,
        final long timeNs)
    {
        setQuote(id, bidPrice, askPrice, timeNs);
        if (!hasBookLevels[id])
        {
            updateAverages(id, bidSize, askSize, bidPrice, askPrice, timeNs);
        }
    }

    /**
     * Book levels: best prices and depth on each side over the published levels.
     *
     * @param id       instrument id.
     * @param bidPrice best bid.
     * @param bidDepth summed bid size.
     * @param askPrice best offer.
     * @param askDepth summed ask size.
     * @param timeNs   receive time.
     */
    public void onBookLevels(
        final int id, final double bidPrice, final double bidDepth, final double askPrice, final double askDepth,
        final long timeNs)
    {
        hasBookLevels[id] = true;
        setQuote(id, bidPrice, askPrice, timeNs);
        updateAverages(id, bidDepth, askDepth, bidPrice, askPrice, timeNs);
    }

    /**
     * A trade.
     *
     * @param id          instrument id.
     * @param price       trade price.
     * @param tradeTimeNs exchange time of the trade, for bars.
     * @param timeNs      receive time.
     */
    public void onTrade(final int id, final double price, final long tradeTimeNs, final long timeNs)
    {
        lastPrice[id] = price;
        lastPriceTimeNs[id] = timeNs;
        bars[id].onTrade(price, tradeTimeNs);
    }

    /**
     * The scanner's regime of an instrument, from a regime change or an anomaly; the regime's start time is the
     * earliest observation of it since it last changed.
     *
     * @param id         instrument id.
     * @param volatility raw SBE {@code VolatilityRegime}.
     * @param trend      raw SBE {@code TrendRegime}.
     * @param direction  raw SBE {@code Direction} of the trend, 0 when not reported.
     * @param timeNs     receive time.
     */
    public void onRegime(final int id, final byte volatility, final byte trend, final byte direction, final long timeNs)
    {
        if (volatility != volatilityRegime[id] || trend != trendRegime[id] || 0 == regimeSinceNs[id])
        {
            volatilityRegime[id] = volatility;
            trendRegime[id] = trend;
            regimeSinceNs[id] = timeNs;
        }
        else if (timeNs < regimeSinceNs[id])
        {
            // A report of the same regime from earlier than first seen (e.g. a regime change that arrives after
            // anomalies already carried the regime): it has held since then.
            regimeSinceNs[id] = timeNs;
        }
        if (0 != direction)
        {
            trendDirection[id] = direction;
        }
    }

    /**
     * Raw feed state.
     *
     * @param id instrument id.
     * @return {@link #FEED_UNKNOWN} or a raw SBE {@code FeedState}.
     */
    public byte feedState(final int id)
    {
        return feedState[id];
    }

    /**
     * Best bid.
     *
     * @param id instrument id.
     * @return the price, 0 when unknown.
     */
    public double bid(final int id)
    {
        return bid[id];
    }

    /**
     * Best offer.
     *
     * @param id instrument id.
     * @return the price, 0 when unknown.
     */
    public double ask(final int id)
    {
        return ask[id];
    }

    /**
     * Receive time of the last quote.
     *
     * @param id instrument id.
     * @return the time, 0 when no quote was seen.
     */
    public long quoteTimeNs(final int id)
    {
        return quoteTimeNs[id];
    }

    /**
     * Last trade price.
     *
     * @param id instrument id.
     * @return the price, 0 when none.
     */
    public double lastPrice(final int id)
    {
        return lastPrice[id];
    }

    /**
     * Raw volatility regime last seen.
     *
     * @param id instrument id.
     * @return 0 when none.
     */
    public byte volatilityRegime(final int id)
    {
        return volatilityRegime[id];
    }

    /**
     * Raw trend regime last seen.
     *
     * @param id instrument id.
     * @return 0 when none.
     */
    public byte trendRegime(final int id)
    {
        return trendRegime[id];
    }

    /**
     * Raw trend direction last reported.
     *
     * @param id instrument id.
     * @return 0 when none.
     */
    public byte trendDirection(final int id)
    {
        return trendDirection[id];
    }

    /**
     * Since when the current regime has been observed.
     *
     * @param id instrument id.
     * @return receive time, 0 when no regime was seen.
     */
    public long regimeSinceNs(final int id)
    {
        return regimeSinceNs[id];
    }

    /**
     * First time the book was seen.
     *
     * @param id instrument id.
     * @return receive time, 0 when never.
     */
    public long bookFirstTimeNs(final int id)
    {
        return bookFirstTimeNs[id];
    }

    /**
     * Order-book imbalance averaged over a timeframe: (bid - ask) / (bid + ask) depth, from -1 to 1.
     *
     * @param id instrument id.
     * @param tf timeframe ordinal.
     * @return the average.
     */
    public double imbalance(final int id, final int tf)
    {
        return imbalanceAverage[id * TIMEFRAMES + tf];
    }

    /**
     * Spread in basis points of the mid, averaged over a timeframe.
     *
     * @param id instrument id.
     * @param tf timeframe ordinal.
     * @return the average.
     */
    public double spreadBps(final int id, final int tf)
    {
        return spreadAverage[id * TIMEFRAMES + tf];
    }

    /**
     * Bars of an instrument.
     *
     * @param id instrument id.
     * @return the bars.
     */
    public BarSeries bars(final int id)
    {
        return bars[id];
    }

    private void setQuote(final int id, final double bidPrice, final double askPrice, final long timeNs)
    {
        bid[id] = bidPrice;
        ask[id] = askPrice;
        quoteTimeNs[id] = timeNs;
    }

    private void updateAverages(
        final int id, final double bidDepth, final double askDepth, final double bidPrice, final double askPrice,
        final long timeNs)
    {
        final double depth = bidDepth + askDepth;
        final double mid = 0.5 * (bidPrice + askPrice);
        if (!(depth > 0) || !(mid > 0))
        {
            return;
        }
        final double imbalance = (bidDepth - askDepth) / depth;
        final double spreadBps = (askPrice - bidPrice) / mid * 10_000.0;
        final int base = id * TIMEFRAMES;
        if (0 == bookFirstTimeNs[id])
        {
            bookFirstTimeNs[id] = timeNs;
            bookLastTimeNs[id] = timeNs;
            for (int tf = 0; tf < TIMEFRAMES; tf++)
            {
                imbalanceAverage[base + tf] = imbalance;
                spreadAverage[base + tf] = spreadBps;
            }
            return;
        }
        final long elapsedNs = timeNs - bookLastTimeNs[id];
        if (elapsedNs <= 0)
        {
            return;
        }
        bookLastTimeNs[id] = timeNs;
        for (int tf = 0; tf < TIMEFRAMES; tf++)
        {
            // Time-weighted exponential average with a time constant of one timeframe.
            final double alpha = -Math.expm1(-elapsedNs / TIMEFRAME_NS[tf]);
            imbalanceAverage[base + tf] += alpha * (imbalance - imbalanceAverage[base + tf]);
            spreadAverage[base + tf] += alpha * (spreadBps - spreadAverage[base + tf]);
        }
    }

    private void allocate(final int newCapacity)
    {
        final int oldCapacity = capacity;
        feedState = null == feedState ? new byte[newCapacity] : Arrays.copyOf(feedState, newCapacity);
        bid = null == bid ? new double[newCapacity] : Arrays.copyOf(bid, newCapacity);
        ask = null == ask ? new double[newCapacity] : Arrays.copyOf(ask, newCapacity);
        quoteTimeNs = null == quoteTimeNs ? new long[newCapacity] : Arrays.copyOf(quoteTimeNs, newCapacity);
        hasBookLevels = null == hasBookLevels ? new boolean[newCapacity] : Arrays.copyOf(hasBookLevels, newCapacity);
        lastPrice = null == lastPrice ? new double[newCapacity] : Arrays.copyOf(lastPrice, newCapacity);
        lastPriceTimeNs = null == lastPriceTimeNs ? new long[newCapacity] :
            Arrays.copyOf(lastPriceTimeNs, newCapacity);
        imbalanceAverage = null == imbalanceAverage ? new double[newCapacity * TIMEFRAMES] :
            Arrays.copyOf(imbalanceAverage, newCapacity * TIMEFRAMES);
        spreadAverage = null == spreadAverage ? new double[newCapacity * TIMEFRAMES] :
            Arrays.copyOf(spreadAverage, newCapacity * TIMEFRAMES);
        bookFirstTimeNs = null == bookFirstTimeNs ? new long[newCapacity] :
            Arrays.copyOf(bookFirstTimeNs, newCapacity);
        bookLastTimeNs = null == bookLastTimeNs ? new long[newCapacity] : Arrays.copyOf(bookLastTimeNs, newCapacity);
        volatilityRegime = null == volatilityRegime ? new byte[newCapacity] :
            Arrays.copyOf(volatilityRegime, newCapacity);
        trendRegime = null == trendRegime ? new byte[newCapacity] : Arrays.copyOf(trendRegime, newCapacity);
        trendDirection = null == trendDirection ? new byte[newCapacity] : Arrays.copyOf(trendDirection, newCapacity);
        regimeSinceNs = null == regimeSinceNs ? new long[newCapacity] : Arrays.copyOf(regimeSinceNs, newCapacity);
        bars = null == bars ? new BarSeries[newCapacity] : Arrays.copyOf(bars, newCapacity);
        capacity = newCapacity;
        assert capacity >= oldCapacity;
    }

    private static double[] timeframeNs()
    {
        final double[] result = new double[Timeframe.count()];
        for (int i = 0; i < result.length; i++)
        {
            result[i] = Timeframe.get(i).durationNs();
        }
        return result;
    }
}
