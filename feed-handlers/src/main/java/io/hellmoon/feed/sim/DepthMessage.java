/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.hellmoon.feed.book.SyncRule;
import io.hellmoon.feed.json.JsonCursor;
import org.agrona.DirectBuffer;

import java.util.Arrays;

/**
 * Reads a Binance depth message in place: a diff's data object ({@code e, E, T, s, ps, U, u, pu, b, a}) or a REST
 * snapshot body ({@code lastUpdateId, E, T, symbol, pair, bids, asks}), keeping the levels' decimal text exactly
 * (digits and fraction length) for a {@link MirrorBook}. Other fields are skipped.
 * <p>
 * Reused for every message; allocates only when a message has more levels than any before. Not thread safe.
 */
final class DepthMessage
{
    private static final byte[] FIELD_E = { 'E' };
    private static final byte[] FIELD_T = { 'T' };
    private static final byte[] FIELD_S = { 's' };
    private static final byte[] FIELD_PS = { 'p', 's' };
    private static final byte[] FIELD_FIRST = { 'U' };
    private static final byte[] FIELD_FINAL = { 'u' };
    private static final byte[] FIELD_PU = { 'p', 'u' };
    private static final byte[] FIELD_B = { 'b' };
    private static final byte[] FIELD_A = { 'a' };
    private static final byte[] FIELD_BIDS = { 'b', 'i', 'd', 's' };
    private static final byte[] FIELD_ASKS = { 'a', 's', 'k', 's' };
    private static final byte[] FIELD_LAST_UPDATE_ID = CaptureBytes.ascii("lastUpdateId");
    private static final byte[] FIELD_SYMBOL = CaptureBytes.ascii("symbol");
    private static final byte[] FIELD_PAIR = CaptureBytes.ascii("pair");

    private final JsonCursor cursor = new JsonCursor(8);
    private final Levels bids = new Levels();
    private final Levels asks = new Levels();
    private DirectBuffer buffer;
    private long firstUpdateId;
    private long finalUpdateId;
    private long prevFinalUpdateId;
    private long eventTimeMs;
    private long transactionTimeMs;
    private int symbolOffset;
    private int symbolLength;
    private int pairOffset;
    private int pairLength;
    private String error;

    // scratch of the decimal parser
    private long parsedDigits;
    private int parsedScale;

    /**
     * Read a diff's data object.
     *
     * @return false if it is not a well-formed diff (see {@link #error()}).
     */
    boolean readDiff(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!read(buffer, offset, length))
        {
            return false;
        }
        if (Long.MIN_VALUE == firstUpdateId || Long.MIN_VALUE == finalUpdateId)
        {
            return fail("depth diff without U or u");
        }
        return true;
    }

    /**
     * Read a REST snapshot body; its {@code lastUpdateId} is then {@link #finalUpdateId()}.
     *
     * @return false if it is not a well-formed snapshot (see {@link #error()}).
     */
    boolean readSnapshot(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!read(buffer, offset, length))
        {
            return false;
        }
        if (Long.MIN_VALUE == finalUpdateId)
        {
            return fail("depth snapshot without lastUpdateId");
        }
        return true;
    }

    /**
     * Apply the levels read to a book (bids then asks); the ids and times are left to the caller.
     *
     * @return levels that could not be keyed (skipped).
     */
    int applyTo(final MirrorBook book)
    {
        int skipped = 0;
        for (int i = 0; i < bids.count; i++)
        {
            skipped += book.set(true, bids.priceDigits[i], bids.priceScales[i], bids.qtyDigits[i], bids.qtyScales[i]) ?
                0 : 1;
        }
        for (int i = 0; i < asks.count; i++)
        {
            skipped += book.set(false, asks.priceDigits[i], asks.priceScales[i], asks.qtyDigits[i], asks.qtyScales[i]) ?
                0 : 1;
        }
        return skipped;
    }

    long firstUpdateId()
    {
        return firstUpdateId;
    }

    long finalUpdateId()
    {
        return finalUpdateId;
    }

    /**
     * {@code pu}, or {@link SyncRule#NULL_UPDATE_ID} when absent (spot).
     */
    long prevFinalUpdateId()
    {
        return prevFinalUpdateId;
    }

    /**
     * {@code E}, or 0 when absent.
     */
    long eventTimeMs()
    {
        return eventTimeMs;
    }

    /**
     * {@code T}, or 0 when absent.
     */
    long transactionTimeMs()
    {
        return transactionTimeMs;
    }

    DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Offset of {@code s} (diff) or {@code symbol} (snapshot), or -1.
     */
    int symbolOffset()
    {
        return symbolOffset;
    }

    int symbolLength()
    {
        return symbolLength;
    }

    /**
     * Offset of {@code ps} (COIN-M diff) or {@code pair} (COIN-M snapshot), or -1.
     */
    int pairOffset()
    {
        return pairOffset;
    }

    int pairLength()
    {
        return pairLength;
    }

    Levels bids()
    {
        return bids;
    }

    Levels asks()
    {
        return asks;
    }

    String error()
    {
        return error;
    }

    private boolean read(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        firstUpdateId = Long.MIN_VALUE;
        finalUpdateId = Long.MIN_VALUE;
        prevFinalUpdateId = SyncRule.NULL_UPDATE_ID;
        eventTimeMs = 0;
        transactionTimeMs = 0;
        symbolOffset = -1;
        symbolLength = 0;
        pairOffset = -1;
        pairLength = 0;
        bids.count = 0;
        asks.count = 0;
        error = null;

        final JsonCursor cursor = this.cursor.wrap(buffer, offset, length);
        if (JsonCursor.BEGIN_OBJECT != cursor.next())
        {
            return fail("not a JSON object");
        }
        int token;
        while (JsonCursor.FIELD_NAME == (token = cursor.next()))
        {
            if (cursor.tokenEquals(FIELD_B) || cursor.tokenEquals(FIELD_BIDS))
            {
                if (!readLevels(bids))
                {
                    return false;
                }
            }
            else if (cursor.tokenEquals(FIELD_A) || cursor.tokenEquals(FIELD_ASKS))
            {
                if (!readLevels(asks))
                {
                    return false;
                }
            }
            else if (cursor.tokenEquals(FIELD_FIRST))
            {
                firstUpdateId = readLong();
            }
            else if (cursor.tokenEquals(FIELD_FINAL) || cursor.tokenEquals(FIELD_LAST_UPDATE_ID))
            {
                finalUpdateId = readLong();
            }
            else if (cursor.tokenEquals(FIELD_PU))
            {
                prevFinalUpdateId = readLong();
            }
            else if (cursor.tokenEquals(FIELD_E))
            {
                eventTimeMs = readLong();
            }
            else if (cursor.tokenEquals(FIELD_T))
            {
                transactionTimeMs = readLong();
            }
            else if (cursor.tokenEquals(FIELD_S) || cursor.tokenEquals(FIELD_SYMBOL))
            {
                if (JsonCursor.STRING != cursor.next())
                {
                    return fail("symbol is not a string");
                }
                symbolOffset = cursor.tokenOffset();
                symbolLength = cursor.tokenLength();
            }
            else if (cursor.tokenEquals(FIELD_PS) || cursor.tokenEquals(FIELD_PAIR))
            {
                if (JsonCursor.STRING != cursor.next())
                {
                    return fail("pair is not a string");
                }
                pairOffset = cursor.tokenOffset();
                pairLength = cursor.tokenLength();
            }
            else
            {
                cursor.next();
                if (JsonCursor.ERROR == cursor.skipValue())
                {
                    return fail("malformed JSON: " + JsonCursor.errorName(cursor.errorCode()));
                }
            }
            if (null != error)
            {
                return false;
            }
        }
        if (JsonCursor.END_OBJECT != token || JsonCursor.END_OF_INPUT != cursor.next())
        {
            return fail("malformed JSON: " + JsonCursor.errorName(cursor.errorCode()));
        }
        return true;
    }

    private long readLong()
    {
        if (JsonCursor.NUMBER != cursor.next())
        {
            fail("an id or time is not a number");
            return Long.MIN_VALUE;
        }
        final DirectBuffer buffer = cursor.buffer();
        final int start = cursor.tokenOffset();
        final int end = start + cursor.tokenLength();
        if (end - start > 18)
        {
            fail("an id or time has more than 18 digits");
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (int i = start; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (b < '0' || b > '9')
            {
                fail("an id or time is not a natural number");
                return Long.MIN_VALUE;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private boolean readLevels(final Levels levels)
    {
        if (JsonCursor.BEGIN_ARRAY != cursor.next())
        {
            return fail("levels are not an array");
        }
        int token;
        while (JsonCursor.BEGIN_ARRAY == (token = cursor.next()))
        {
            if (JsonCursor.STRING != cursor.next() || !parseDecimal(cursor.buffer(), cursor.tokenOffset(),
                cursor.tokenLength()))
            {
                return fail("a level's price is not a decimal string");
            }
            final long price = parsedDigits;
            final int priceScale = parsedScale;
            if (JsonCursor.STRING != cursor.next() || !parseDecimal(cursor.buffer(), cursor.tokenOffset(),
                cursor.tokenLength()))
            {
                return fail("a level's quantity is not a decimal string");
            }
            levels.add(price, priceScale, parsedDigits, parsedScale);
            if (JsonCursor.END_ARRAY != cursor.next())
            {
                return fail("a level has more than a price and a quantity");
            }
        }
        if (JsonCursor.END_ARRAY != token)
        {
            return fail("a level is not an array");
        }
        return true;
    }

    /**
     * Parse {@code [0-9]+(\.[0-9]+)?} with at most 18 digits into {@link #parsedDigits} and {@link #parsedScale}.
     */
    private boolean parseDecimal(final DirectBuffer buffer, final int offset, final int length)
    {
        long digits = 0;
        int count = 0;
        int scale = 0;
        boolean point = false;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if ('.' == b)
            {
                if (point || 0 == count)
                {
                    return false;
                }
                point = true;
            }
            else if (b >= '0' && b <= '9')
            {
                if (++count > 18)
                {
                    return false;
                }
                digits = digits * 10 + (b - '0');
                if (point)
                {
                    scale++;
                }
            }
            else
            {
                return false;
            }
        }
        if (0 == count || (point && 0 == scale))
        {
            return false;
        }
        parsedDigits = digits;
        parsedScale = scale;
        return true;
    }

    private boolean fail(final String reason)
    {
        if (null == error)
        {
            error = reason;
        }
        return false;
    }

    /**
     * The levels of one side of the message, in the order received.
     */
    static final class Levels
    {
        private long[] priceDigits = new long[64];
        private long[] qtyDigits = new long[64];
        private byte[] priceScales = new byte[64];
        private byte[] qtyScales = new byte[64];
        private int count;

        int count()
        {
            return count;
        }

        long priceDigits(final int i)
        {
            return priceDigits[i];
        }

        int priceScale(final int i)
        {
            return priceScales[i];
        }

        long qtyDigits(final int i)
        {
            return qtyDigits[i];
        }

        int qtyScale(final int i)
        {
            return qtyScales[i];
        }

        private void add(final long price, final int priceScale, final long qty, final int qtyScale)
        {
            if (count == priceDigits.length)
            {
                final int length = count * 2;
                priceDigits = Arrays.copyOf(priceDigits, length);
                qtyDigits = Arrays.copyOf(qtyDigits, length);
                priceScales = Arrays.copyOf(priceScales, length);
                qtyScales = Arrays.copyOf(qtyScales, length);
            }
            priceDigits[count] = price;
            priceScales[count] = (byte)priceScale;
            qtyDigits[count] = qty;
            qtyScales[count] = (byte)qtyScale;
            count++;
        }
    }
}
