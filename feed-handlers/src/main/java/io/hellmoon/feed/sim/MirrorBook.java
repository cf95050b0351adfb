/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import org.agrona.MutableDirectBuffer;

import java.util.Arrays;

/**
 * The simulator's copy of one instrument's book, kept from a snapshot by applying every diff it serves, and rendered
 * back as a REST depth reply.
 * <p>
 * Unlike the feed's {@link io.hellmoon.feed.book.OrderBook} it keeps each level's price and quantity exactly as the
 * venue wrote them (the decimal digits and the number of fraction digits), so a reply renders {@code "61737.63000000"}
 * where the capture had it, byte for byte. Levels are ordered by a key, the price at 10^-8 (prices with more fraction
 * digits are accepted if the extra digits are zeros). Sides are sorted arrays: inserts and removals move the levels
 * behind them, which is cheap for the books venues send (thousands of levels at most) and keeps rendering a walk.
 * <p>
 * Not thread safe: the market thread owns it.
 */
final class MirrorBook
{
    /**
     * Fraction digits of the level key: prices are compared at 10^-8.
     */
    static final int KEY_SCALE = 8;

    /**
     * Returned by {@link #key(long, int)} for a price that cannot be keyed.
     */
    static final long INVALID_KEY = Long.MIN_VALUE;

    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private final Side bids = new Side(true);
    private final Side asks = new Side(false);
    private long lastUpdateId;
    private long eventTimeMs;
    private long transactionTimeMs;
    private long version;

    /**
     * Remove every level and reset the ids.
     */
    void clear()
    {
        bids.clear();
        asks.clear();
        lastUpdateId = 0;
        eventTimeMs = 0;
        transactionTimeMs = 0;
        version = 0;
    }

    /**
     * Set a level's quantity; a zero quantity removes the level.
     *
     * @param bid         true for the bid side.
     * @param priceDigits decimal digits of the price without the point.
     * @param priceScale  digits after the point.
     * @param qtyDigits   decimal digits of the quantity without the point.
     * @param qtyScale    digits after the point.
     * @return false if the price cannot be keyed (too many digits), in which case nothing changed.
     */
    boolean set(
        final boolean bid, final long priceDigits, final int priceScale, final long qtyDigits, final int qtyScale)
    {
        final long key = key(priceDigits, priceScale);
        if (INVALID_KEY == key)
        {
            return false;
        }
        final Side side = bid ? bids : asks;
        if (0 == qtyDigits)
        {
            side.remove(key);
        }
        else
        {
            side.put(key, priceDigits, priceScale, qtyDigits, qtyScale);
        }
        return true;
    }

    int bidCount()
    {
        return bids.count;
    }

    int askCount()
    {
        return asks.count;
    }

    Side bids()
    {
        return bids;
    }

    Side asks()
    {
        return asks;
    }

    long lastUpdateId()
    {
        return lastUpdateId;
    }

    void lastUpdateId(final long lastUpdateId)
    {
        this.lastUpdateId = lastUpdateId;
    }

    long eventTimeMs()
    {
        return eventTimeMs;
    }

    void eventTimeMs(final long eventTimeMs)
    {
        this.eventTimeMs = eventTimeMs;
    }

    long transactionTimeMs()
    {
        return transactionTimeMs;
    }

    void transactionTimeMs(final long transactionTimeMs)
    {
        this.transactionTimeMs = transactionTimeMs;
    }

    /**
     * MEXC: the version of the last diff applied.
     */
    long version()
    {
        return version;
    }

    void version(final long version)
    {
        this.version = version;
    }

    /**
     * The level key of a price: its value at 10^-{@value #KEY_SCALE}.
     *
     * @return the key, or {@link #INVALID_KEY} when it does not fit a long or has non-zero digits beyond 10^-8.
     */
    static long key(final long digits, final int scale)
    {
        if (digits < 0 || scale < 0 || scale > 18)
        {
            return INVALID_KEY;
        }
        if (scale <= KEY_SCALE)
        {
            final long factor = POWERS_OF_TEN[KEY_SCALE - scale];
            return digits > Long.MAX_VALUE / factor ? INVALID_KEY : digits * factor;
        }
        final long divisor = POWERS_OF_TEN[scale - KEY_SCALE];
        return 0 == digits % divisor ? digits / divisor : INVALID_KEY;
    }

    /**
     * Write a decimal exactly as it was received: {@code digits} with {@code scale} fraction digits.
     *
     * @return bytes written.
     */
    static int putDecimal(final MutableDirectBuffer buffer, final int index, final long digits, final int scale)
    {
        int position = index;
        if (0 == scale)
        {
            return buffer.putLongAscii(position, digits);
        }
        final long factor = POWERS_OF_TEN[scale];
        position += buffer.putLongAscii(position, digits / factor);
        buffer.putByte(position++, (byte)'.');
        long fraction = digits % factor;
        for (int i = scale - 1; i >= 0; i--)
        {
            buffer.putByte(position + i, (byte)('0' + fraction % 10));
            fraction /= 10;
        }
        return position + scale - index;
    }

    /**
     * Write a decimal as a JSON number in its shortest form, as MEXC does: trailing fraction zeros and a bare point
     * dropped ({@code 39961.50} is {@code 39961.5}, {@code 100.000} is {@code 100}).
     *
     * @return bytes written.
     */
    static int putShortDecimal(final MutableDirectBuffer buffer, final int index, final long digits, final int scale)
    {
        long reduced = digits;
        int reducedScale = scale;
        while (reducedScale > 0 && 0 == reduced % 10)
        {
            reduced /= 10;
            reducedScale--;
        }
        return putDecimal(buffer, index, reduced, reducedScale);
    }

    /**
     * One side of the book, best level first: bids by descending key, asks by ascending key.
     */
    static final class Side
    {
        private final boolean descending;
        private long[] keys = new long[64];
        private long[] priceDigits = new long[64];
        private long[] qtyDigits = new long[64];
        private byte[] priceScales = new byte[64];
        private byte[] qtyScales = new byte[64];
        private int count;

        Side(final boolean descending)
        {
            this.descending = descending;
        }

        int count()
        {
            return count;
        }

        long key(final int level)
        {
            return keys[level];
        }

        long priceDigits(final int level)
        {
            return priceDigits[level];
        }

        int priceScale(final int level)
        {
            return priceScales[level];
        }

        long qtyDigits(final int level)
        {
            return qtyDigits[level];
        }

        int qtyScale(final int level)
        {
            return qtyScales[level];
        }

        void clear()
        {
            count = 0;
        }

        /**
         * Index of a key, or {@code -(insertion point) - 1}.
         */
        int find(final long key)
        {
            int low = 0;
            int high = count - 1;
            while (low <= high)
            {
                final int mid = (low + high) >>> 1;
                final long midKey = keys[mid];
                if (midKey == key)
                {
                    return mid;
                }
                final boolean before = descending ? midKey > key : midKey < key;
                if (before)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }
            return -(low + 1);
        }

        void put(final long key, final long price, final int priceScale, final long qty, final int qtyScale)
        {
            int index = find(key);
            if (index < 0)
            {
                index = -index - 1;
                ensureCapacity(count + 1);
                final int moved = count - index;
                if (moved > 0)
                {
                    System.arraycopy(keys, index, keys, index + 1, moved);
                    System.arraycopy(priceDigits, index, priceDigits, index + 1, moved);
                    System.arraycopy(qtyDigits, index, qtyDigits, index + 1, moved);
                    System.arraycopy(priceScales, index, priceScales, index + 1, moved);
                    System.arraycopy(qtyScales, index, qtyScales, index + 1, moved);
                }
                count++;
                keys[index] = key;
            }
            priceDigits[index] = price;
            priceScales[index] = (byte)priceScale;
            qtyDigits[index] = qty;
            qtyScales[index] = (byte)qtyScale;
        }

        void remove(final long key)
        {
            final int index = find(key);
            if (index >= 0)
            {
                final int moved = count - index - 1;
                if (moved > 0)
                {
                    System.arraycopy(keys, index + 1, keys, index, moved);
                    System.arraycopy(priceDigits, index + 1, priceDigits, index, moved);
                    System.arraycopy(qtyDigits, index + 1, qtyDigits, index, moved);
                    System.arraycopy(priceScales, index + 1, priceScales, index, moved);
                    System.arraycopy(qtyScales, index + 1, qtyScales, index, moved);
                }
                count--;
            }
        }

        private void ensureCapacity(final int capacity)
        {
            if (capacity > keys.length)
            {
                final int length = Math.max(capacity, keys.length * 2);
                keys = Arrays.copyOf(keys, length);
                priceDigits = Arrays.copyOf(priceDigits, length);
                qtyDigits = Arrays.copyOf(qtyDigits, length);
                priceScales = Arrays.copyOf(priceScales, length);
                qtyScales = Arrays.copyOf(qtyScales, length);
            }
        }
    }
}
