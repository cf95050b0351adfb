/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.synthetic;

/**
 * The L2 books of every synthetic instrument, as struct of arrays: for instrument {@code i}, side levels live at
 * {@code i * stride ... i * stride + count - 1}, best first (bids by descending price, asks by ascending price), with
 * prices in ticks and sizes in lots.
 * <p>
 * Besides the live book, each instrument keeps a copy of the book as of its last published depth update. The next
 * depth update is the difference between the two, so a client that applies the published diffs to a snapshot
 * rebuilds exactly the live book, whatever happened in between. Allocation free.
 */
final class SyntheticBooks
{
    private final int depth;
    private final int stride;

    private final int[] bidTicks;
    private final long[] bidLots;
    private final int[] bidCounts;
    private final int[] askTicks;
    private final long[] askLots;
    private final int[] askCounts;

    private final int[] publishedBidTicks;
    private final long[] publishedBidLots;
    private final int[] publishedBidCounts;
    private final int[] publishedAskTicks;
    private final long[] publishedAskLots;
    private final int[] publishedAskCounts;

    SyntheticBooks(final int instrumentCount, final int depth)
    {
        this.depth = depth;
        this.stride = depth + 2;
        final int size = instrumentCount * stride;
        bidTicks = new int[size];
        bidLots = new long[size];
        bidCounts = new int[instrumentCount];
        askTicks = new int[size];
        askLots = new long[size];
        askCounts = new int[instrumentCount];
        publishedBidTicks = new int[size];
        publishedBidLots = new long[size];
        publishedBidCounts = new int[instrumentCount];
        publishedAskTicks = new int[size];
        publishedAskLots = new long[size];
        publishedAskCounts = new int[instrumentCount];
    }

    int count(final int instrument, final boolean bid)
    {
        return bid ? bidCounts[instrument] : askCounts[instrument];
    }

    int ticks(final int instrument, final boolean bid, final int level)
    {
        return bid ? bidTicks[instrument * stride + level] : askTicks[instrument * stride + level];
    }

    long lots(final int instrument, final boolean bid, final int level)
    {
        return bid ? bidLots[instrument * stride + level] : askLots[instrument * stride + level];
    }

    void setLots(final int instrument, final boolean bid, final int level, final long lots)
    {
        if (bid)
        {
            bidLots[instrument * stride + level] = lots;
        }
        else
        {
            askLots[instrument * stride + level] = lots;
        }
    }

    /**
     * Best bid in ticks, or {@link Integer#MIN_VALUE} when the side is empty.
     */
    int bestBid(final int instrument)
    {
        return 0 == bidCounts[instrument] ? Integer.MIN_VALUE : bidTicks[instrument * stride];
    }

    /**
     * Best ask in ticks, or {@link Integer#MAX_VALUE} when the side is empty.
     */
    int bestAsk(final int instrument)
    {
        return 0 == askCounts[instrument] ? Integer.MAX_VALUE : askTicks[instrument * stride];
    }

    /**
     * Add lots at a price, creating the level if needed; the side keeps its order.
     *
     * @return the level index it is at.
     */
    int add(final int instrument, final boolean bid, final int ticks, final long lots)
    {
        final int[] levelTicks = bid ? bidTicks : askTicks;
        final long[] levelLots = bid ? bidLots : askLots;
        final int[] counts = bid ? bidCounts : askCounts;
        final int base = instrument * stride;
        int count = counts[instrument];

        int level = 0;
        while (level < count && (bid ? levelTicks[base + level] > ticks : levelTicks[base + level] < ticks))
        {
            level++;
        }
        if (level < count && levelTicks[base + level] == ticks)
        {
            levelLots[base + level] += lots;
            return level;
        }

        if (count == stride)
        {
            // Only reachable between an insertion and the trim that follows it: drop the worst level for room.
            count--;
            if (level > count)
            {
                return count;
            }
        }
        final int moved = count - level;
        if (moved > 0)
        {
            System.arraycopy(levelTicks, base + level, levelTicks, base + level + 1, moved);
            System.arraycopy(levelLots, base + level, levelLots, base + level + 1, moved);
        }
        levelTicks[base + level] = ticks;
        levelLots[base + level] = lots;
        counts[instrument] = count + 1;
        return level;
    }

    /**
     * Append a level behind the worst one; the caller guarantees its price is worse.
     */
    void append(final int instrument, final boolean bid, final int ticks, final long lots)
    {
        final int[] counts = bid ? bidCounts : askCounts;
        final int count = counts[instrument];
        final int index = instrument * stride + count;
        if (bid)
        {
            bidTicks[index] = ticks;
            bidLots[index] = lots;
        }
        else
        {
            askTicks[index] = ticks;
            askLots[index] = lots;
        }
        counts[instrument] = count + 1;
    }

    void remove(final int instrument, final boolean bid, final int level)
    {
        final int[] levelTicks = bid ? bidTicks : askTicks;
        final long[] levelLots = bid ? bidLots : askLots;
        final int[] counts = bid ? bidCounts : askCounts;
        final int base = instrument * stride;
        final int count = counts[instrument];
        final int moved = count - level - 1;
        if (moved > 0)
        {
            System.arraycopy(levelTicks, base + level + 1, levelTicks, base + level, moved);
            System.arraycopy(levelLots, base + level + 1, levelLots, base + level, moved);
        }
        counts[instrument] = count - 1;
    }

    /**
     * Drop levels beyond the configured depth, worst first.
     */
    void trim(final int instrument)
    {
        if (bidCounts[instrument] > depth)
        {
            bidCounts[instrument] = depth;
        }
        if (askCounts[instrument] > depth)
        {
            askCounts[instrument] = depth;
        }
    }

    /**
     * The changes of one side since the last published book, by ascending price (as Binance lists both sides of a
     * diff): new or resized levels with their size, removed levels with size 0.
     *
     * @param restateBest also list the best level when it did not change, so the diff is never empty.
     * @return number of entries written.
     */
    int diff(
        final int instrument,
        final boolean bid,
        final boolean restateBest,
        final int[] outTicks,
        final long[] outLots)
    {
        final int base = instrument * stride;
        final int[] newTicks = bid ? bidTicks : askTicks;
        final long[] newLots = bid ? bidLots : askLots;
        final int newCount = bid ? bidCounts[instrument] : askCounts[instrument];
        final int[] oldTicks = bid ? publishedBidTicks : publishedAskTicks;
        final long[] oldLots = bid ? publishedBidLots : publishedAskLots;
        final int oldCount = bid ? publishedBidCounts[instrument] : publishedAskCounts[instrument];

        int out = 0;
        // Walk both lists by ascending price: bids from their worst (last) level, asks from their best (first).
        int n = 0;
        int o = 0;
        while (n < newCount || o < oldCount)
        {
            final int newIndex = bid ? newCount - 1 - n : n;
            final int oldIndex = bid ? oldCount - 1 - o : o;
            if (o >= oldCount || (n < newCount && newTicks[base + newIndex] < oldTicks[base + oldIndex]))
            {
                outTicks[out] = newTicks[base + newIndex];
                outLots[out++] = newLots[base + newIndex];
                n++;
            }
            else if (n >= newCount || oldTicks[base + oldIndex] < newTicks[base + newIndex])
            {
                outTicks[out] = oldTicks[base + oldIndex];
                outLots[out++] = 0;
                o++;
            }
            else
            {
                if (newLots[base + newIndex] != oldLots[base + oldIndex] || (restateBest && 0 == newIndex))
                {
                    outTicks[out] = newTicks[base + newIndex];
                    outLots[out++] = newLots[base + newIndex];
                }
                n++;
                o++;
            }
        }
        return out;
    }

    /**
     * Record the live book as published: the next diff is relative to it.
     */
    void markPublished(final int instrument)
    {
        final int base = instrument * stride;
        final int bids = bidCounts[instrument];
        final int asks = askCounts[instrument];
        System.arraycopy(bidTicks, base, publishedBidTicks, base, bids);
        System.arraycopy(bidLots, base, publishedBidLots, base, bids);
        System.arraycopy(askTicks, base, publishedAskTicks, base, asks);
        System.arraycopy(askLots, base, publishedAskLots, base, asks);
        publishedBidCounts[instrument] = bids;
        publishedAskCounts[instrument] = asks;
    }
}
