/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.book;

import io.hellmoon.sbe.DepthSnapshotDecoder;

import java.util.Arrays;

/**
 * One instrument's price-level (L2) book on fixed-point longs: each side is a sorted pair of primitive arrays, prices
 * and sizes, searched with a binary search and changed with {@link System#arraycopy}.
 * <p>
 * <b>Order.</b> Seen through the accessors, bids are in descending and asks in ascending price order: level 0 is the
 * best bid or ask, level 1 the next, and so on. In memory each side is kept worst-first, the best level at the end of
 * its arrays, because that is where a book changes: nearly all diffs touch the first few levels from the top, and an
 * insert or removal {@code k} levels from the end moves only {@code k} entries. With the best level at index 0 every
 * change at the top would move the whole depth instead.
 * <p>
 * <b>Why arrays and not a tree.</b> A tree map finds a level in {@code O(log n)} too, but each step is a pointer
 * chase to a node somewhere on the heap, each new level allocates a node (and a boxed key), and reading the top
 * {@code N} levels is an in-order walk over more scattered nodes. Here a lookup is a binary search over one contiguous
 * {@code long[]} whose last steps fall in the same few cache lines, a size change is a store, an insert or removal
 * near the top is a {@code memmove} of a few entries, and the top {@code N} levels are the last {@code N} slots of
 * two arrays, which a {@code BookLevels} message reads after every diff. A change deep in the book moves more
 * entries, but such changes are rare and a {@code memmove} of a few kilobytes is sequential memory traffic, not cache
 * misses. Nothing is allocated once the arrays have grown to the book's working depth.
 * <p>
 * <b>Capacity.</b> Each side starts at {@code initialLevels} slots and doubles as needed up to {@code maxLevels}.
 * A full side keeps its best {@code maxLevels} levels: a new level better than the worst kept one evicts the worst,
 * a new level worse than all kept ones is not stored. Both count in {@link #levelsDroppedAtCapacity()}. The levels kept
 * are exact; what is lost is depth beyond the window, which the venue's own snapshots limit anyway (Binance sends at
 * most 5,000 levels a side), so level counts and deep levels are approximate once anything was dropped.
 * <p>
 * Prices must not be {@link Long#MIN_VALUE} (SBE's null); sizes are absolute and a size of 0 removes a level.
 * Not thread safe: owned by the book builder's thread.
 */
public final class OrderBook
{
    /**
     * Slots a side starts with unless told otherwise.
     */
    public static final int DEFAULT_INITIAL_LEVELS = 64;

    private final Side bids;
    private final Side asks;
    private final int maxLevels;
    private int priceExponent;
    private int sizeExponent;
    private long levelsDroppedAtCapacity;

    /**
     * An empty book.
     *
     * @param initialLevels slots each side starts with, at least 1.
     * @param maxLevels     most levels a side keeps, at least {@code initialLevels}.
     */
    public OrderBook(final int initialLevels, final int maxLevels)
    {
        if (initialLevels < 1 || maxLevels < initialLevels)
        {
            throw new IllegalArgumentException(
                "need 1 <= initialLevels <= maxLevels, got initialLevels=" + initialLevels + " maxLevels=" + maxLevels);
        }
        this.maxLevels = maxLevels;
        this.bids = new Side(1, initialLevels, maxLevels);
        this.asks = new Side(-1, initialLevels, maxLevels);
    }

    /**
     * Most levels a side keeps.
     *
     * @return the capacity of a side.
     */
    public int maxLevels()
    {
        return maxLevels;
    }

    /**
     * Power of ten of the price mantissas, as set by the last snapshot loaded or {@link #exponents(int, int)}.
     *
     * @return the price exponent.
     */
    public int priceExponent()
    {
        return priceExponent;
    }

    /**
     * Power of ten of the size mantissas.
     *
     * @return the size exponent.
     */
    public int sizeExponent()
    {
        return sizeExponent;
    }

    /**
     * Set the exponents the book's mantissas are at; the book does not rescale what it holds.
     *
     * @param priceExponent of prices.
     * @param sizeExponent  of sizes.
     */
    public void exponents(final int priceExponent, final int sizeExponent)
    {
        this.priceExponent = priceExponent;
        this.sizeExponent = sizeExponent;
    }

    /**
     * Remove every level; capacity already grown is kept.
     */
    public void clear()
    {
        bids.count = 0;
        asks.count = 0;
    }

    /**
     * Set a bid level to an absolute size; 0 removes it, removing an absent level does nothing.
     *
     * @param price mantissa.
     * @param size  mantissa, absolute; 0 removes the level.
     * @return false if a level was dropped at capacity (this one, or the worst kept to make room for it).
     */
    public boolean setBid(final long price, final long size)
    {
        return counted(bids.set(price, size));
    }

    /**
     * Set an ask level to an absolute size; 0 removes it, removing an absent level does nothing.
     *
     * @param price mantissa.
     * @param size  mantissa, absolute; 0 removes the level.
     * @return false if a level was dropped at capacity (this one, or the worst kept to make room for it).
     */
    public boolean setAsk(final long price, final long size)
    {
        return counted(asks.set(price, size));
    }

    /**
     * Replace the whole book with a snapshot's levels and take its exponents. Levels sent best first, as venues send
     * them, load in linear time; any other order is still loaded correctly, level by level. Zero sizes are skipped.
     *
     * @param snapshot decoder positioned at the start of the message's groups (freshly wrapped); its groups are read.
     * @return false if levels were dropped at capacity.
     */
    public boolean load(final DepthSnapshotDecoder snapshot)
    {
        priceExponent = snapshot.priceExponent();
        sizeExponent = snapshot.sizeExponent();

        final DepthSnapshotDecoder.BidsDecoder bidLevels = snapshot.bids();
        bids.beginLoad(bidLevels.count());
        while (bidLevels.hasNext())
        {
            bidLevels.next();
            bids.load(bidLevels.price(), bidLevels.size());
        }
        boolean complete = counted(bids.endLoad());

        final DepthSnapshotDecoder.AsksDecoder askLevels = snapshot.asks();
        asks.beginLoad(askLevels.count());
        while (askLevels.hasNext())
        {
            askLevels.next();
            asks.load(askLevels.price(), askLevels.size());
        }
        complete &= counted(asks.endLoad());

        return complete;
    }

    /**
     * Number of bid levels.
     *
     * @return the count.
     */
    public int bidLevelCount()
    {
        return bids.count;
    }

    /**
     * Number of ask levels.
     *
     * @return the count.
     */
    public int askLevelCount()
    {
        return asks.count;
    }

    /**
     * Whether the book has no level at all.
     *
     * @return true if empty.
     */
    public boolean isEmpty()
    {
        return 0 == bids.count && 0 == asks.count;
    }

    /**
     * Best bid price.
     *
     * @return the price mantissa, or {@link Long#MIN_VALUE} when there is no bid.
     */
    public long bestBidPrice()
    {
        return 0 == bids.count ? Long.MIN_VALUE : bids.price(0);
    }

    /**
     * Size at the best bid.
     *
     * @return the size mantissa, or 0 when there is no bid.
     */
    public long bestBidSize()
    {
        return 0 == bids.count ? 0 : bids.size(0);
    }

    /**
     * Best ask price.
     *
     * @return the price mantissa, or {@link Long#MIN_VALUE} when there is no ask.
     */
    public long bestAskPrice()
    {
        return 0 == asks.count ? Long.MIN_VALUE : asks.price(0);
    }

    /**
     * Size at the best ask.
     *
     * @return the size mantissa, or 0 when there is no ask.
     */
    public long bestAskSize()
    {
        return 0 == asks.count ? 0 : asks.size(0);
    }

    /**
     * Price of a bid level, 0 being the best.
     *
     * @param level from 0 to {@link #bidLevelCount()} - 1.
     * @return the price mantissa.
     */
    public long bidPrice(final int level)
    {
        return bids.price(level);
    }

    /**
     * Size of a bid level, 0 being the best.
     *
     * @param level from 0 to {@link #bidLevelCount()} - 1.
     * @return the size mantissa.
     */
    public long bidSize(final int level)
    {
        return bids.size(level);
    }

    /**
     * Price of an ask level, 0 being the best.
     *
     * @param level from 0 to {@link #askLevelCount()} - 1.
     * @return the price mantissa.
     */
    public long askPrice(final int level)
    {
        return asks.price(level);
    }

    /**
     * Size of an ask level, 0 being the best.
     *
     * @param level from 0 to {@link #askLevelCount()} - 1.
     * @return the size mantissa.
     */
    public long askSize(final int level)
    {
        return asks.size(level);
    }

    /**
     * Size at a bid price.
     *
     * @param price mantissa.
     * @return the size, or 0 if there is no such level.
     */
    public long bidSizeAt(final long price)
    {
        return bids.sizeAt(price);
    }

    /**
     * Size at an ask price.
     *
     * @param price mantissa.
     * @return the size, or 0 if there is no such level.
     */
    public long askSizeAt(final long price)
    {
        return asks.sizeAt(price);
    }

    /**
     * Copy the best bid levels, best first.
     *
     * @param prices    to copy prices into.
     * @param sizes     to copy sizes into.
     * @param maxCopied most levels to copy.
     * @return levels copied.
     */
    public int copyBids(final long[] prices, final long[] sizes, final int maxCopied)
    {
        return bids.copyTop(prices, sizes, maxCopied);
    }

    /**
     * Copy the best ask levels, best first.
     *
     * @param prices    to copy prices into.
     * @param sizes     to copy sizes into.
     * @param maxCopied most levels to copy.
     * @return levels copied.
     */
    public int copyAsks(final long[] prices, final long[] sizes, final int maxCopied)
    {
        return asks.copyTop(prices, sizes, maxCopied);
    }

    /**
     * Whether the best bid is at or above the best ask. A synced venue book never is, so a crossed (or locked) book
     * means the sync went wrong.
     *
     * @return true if both sides have levels and best bid &gt;= best ask.
     */
    public boolean isCrossed()
    {
        return 0 != bids.count && 0 != asks.count && bids.price(0) >= asks.price(0);
    }

    /**
     * Levels dropped at capacity since the book was created: evicted worst levels and new levels beyond the window.
     *
     * @return the count.
     */
    public long levelsDroppedAtCapacity()
    {
        return levelsDroppedAtCapacity;
    }

    private boolean counted(final int dropped)
    {
        levelsDroppedAtCapacity += dropped;
        return 0 == dropped;
    }

    /**
     * One side, stored with keys ascending and the best level last. Keys are prices for bids and negated prices for
     * asks, so one ascending order serves both sides.
     */
    private static final class Side
    {
        private final long sign;
        private final int maxLevels;
        private long[] keys;
        private long[] sizes;
        private int count;

        private int loadEnd;
        private int loadNext;
        private boolean loadOrdered;
        private int pendingDropped;

        Side(final long sign, final int initialLevels, final int maxLevels)
        {
            this.sign = sign;
            this.maxLevels = maxLevels;
            this.keys = new long[initialLevels];
            this.sizes = new long[initialLevels];
        }

        long price(final int level)
        {
            return sign * keys[count - 1 - level];
        }

        long size(final int level)
        {
            return sizes[count - 1 - level];
        }

        long sizeAt(final long price)
        {
            final int index = Arrays.binarySearch(keys, 0, count, sign * price);
            return index >= 0 ? sizes[index] : 0;
        }

        int copyTop(final long[] prices, final long[] sizesOut, final int maxCopied)
        {
            final int copied = Math.min(Math.min(maxCopied, count), Math.min(prices.length, sizesOut.length));
            for (int level = 0; level < copied; level++)
            {
                final int index = count - 1 - level;
                prices[level] = sign * keys[index];
                sizesOut[level] = sizes[index];
            }
            return copied;
        }

        /**
         * @return levels dropped at capacity: 0 or 1.
         */
        int set(final long price, final long size)
        {
            final long key = sign * price;
            final int index = Arrays.binarySearch(keys, 0, count, key);
            if (index >= 0)
            {
                if (0 == size)
                {
                    final int moved = count - 1 - index;
                    if (moved > 0)
                    {
                        System.arraycopy(keys, index + 1, keys, index, moved);
                        System.arraycopy(sizes, index + 1, sizes, index, moved);
                    }
                    count--;
                }
                else
                {
                    sizes[index] = size;
                }
                return 0;
            }

            if (0 == size)
            {
                return 0;
            }

            final int insertAt = -index - 1;
            if (count == keys.length)
            {
                if (count < maxLevels)
                {
                    grow(count + 1);
                }
                else
                {
                    return insertEvictingWorst(insertAt, key, size);
                }
            }

            final int moved = count - insertAt;
            if (moved > 0)
            {
                System.arraycopy(keys, insertAt, keys, insertAt + 1, moved);
                System.arraycopy(sizes, insertAt, sizes, insertAt + 1, moved);
            }
            keys[insertAt] = key;
            sizes[insertAt] = size;
            count++;
            return 0;
        }

        private int insertEvictingWorst(final int insertAt, final long key, final long size)
        {
            if (0 == insertAt)
            {
                return 1;
            }
            final int moved = insertAt - 1;
            if (moved > 0)
            {
                System.arraycopy(keys, 1, keys, 0, moved);
                System.arraycopy(sizes, 1, sizes, 0, moved);
            }
            keys[insertAt - 1] = key;
            sizes[insertAt - 1] = size;
            return 1;
        }

        private void grow(final int minCapacity)
        {
            final int capacity = (int)Math.min(maxLevels, Math.max((long)minCapacity, 2L * keys.length));
            keys = Arrays.copyOf(keys, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
        }

        /**
         * Start replacing the side with {@code expected} levels sent best first: they are written from the end of the
         * arrays downwards while they keep getting worse.
         */
        void beginLoad(final int expected)
        {
            count = 0;
            final int reserved = Math.min(Math.max(expected, 0), maxLevels);
            if (reserved > keys.length)
            {
                grow(reserved);
            }
            loadEnd = reserved;
            loadNext = reserved;
            loadOrdered = true;
        }

        void load(final long price, final long size)
        {
            if (0 == size)
            {
                return;
            }
            final long key = sign * price;
            if (loadOrdered && loadNext > 0 && (loadNext == loadEnd || key < keys[loadNext]))
            {
                loadNext--;
                keys[loadNext] = key;
                sizes[loadNext] = size;
                return;
            }

            if (loadOrdered)
            {
                compactLoaded();
            }
            pendingDropped += set(price, size);
        }

        /**
         * @return levels dropped at capacity while loading.
         */
        int endLoad()
        {
            if (loadOrdered)
            {
                compactLoaded();
            }
            final int dropped = pendingDropped;
            pendingDropped = 0;
            return dropped;
        }

        /**
         * Move the levels written from the end downwards to the start of the arrays and leave the ordered fast path.
         */
        private void compactLoaded()
        {
            final int loaded = loadEnd - loadNext;
            if (loadNext > 0 && loaded > 0)
            {
                System.arraycopy(keys, loadNext, keys, 0, loaded);
                System.arraycopy(sizes, loadNext, sizes, 0, loaded);
            }
            count = loaded;
            loadOrdered = false;
        }
    }
}
