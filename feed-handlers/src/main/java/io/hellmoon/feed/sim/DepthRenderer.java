/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import org.agrona.ExpandableArrayBuffer;

/**
 * Renders a {@link MirrorBook} as the venues' REST depth replies, field order and number format as they send them:
 * <ul>
 *     <li>spot: {@code {"lastUpdateId":L,"bids":[["p","q"],...],"asks":[...]}};</li>
 *     <li>USD-M: {@code {"lastUpdateId":L,"E":e,"T":t,"bids":...,"asks":...}};</li>
 *     <li>COIN-M: {@code {"lastUpdateId":L,"symbol":"BTCUSD_PERP","pair":"BTCUSD","E":e,"T":t,"bids":...,
 *     "asks":...}};</li>
 *     <li>MEXC futures: {@code {"success":true,"code":0,"data":{"asks":[[p,v,n],...],"bids":[...],"version":V,
 *     "timestamp":ms}}} with numbers, volumes in contracts and 1 as the order count of each level.</li>
 * </ul>
 * Market thread only; each reply is copied out as a new array.
 */
final class DepthRenderer
{
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(64 * 1024);

    /**
     * A Binance depth reply.
     *
     * @param venue          decides the fields.
     * @param book           the levels.
     * @param lastUpdateId   of the reply.
     * @param eventTimeMs    {@code E} (futures).
     * @param transactionMs  {@code T} (futures).
     * @param symbol         {@code symbol} (COIN-M).
     * @param pair           {@code pair} (COIN-M).
     * @param limit          levels per side at most.
     * @return the body.
     */
    byte[] binance(
        final SimVenue venue,
        final MirrorBook book,
        final long lastUpdateId,
        final long eventTimeMs,
        final long transactionMs,
        final String symbol,
        final String pair,
        final int limit)
    {
        int p = 0;
        p += out.putStringWithoutLengthAscii(p, "{\"lastUpdateId\":");
        p += out.putLongAscii(p, lastUpdateId);
        if (SimVenue.BINANCE_COINM == venue)
        {
            p += out.putStringWithoutLengthAscii(p, ",\"symbol\":\"");
            p += out.putStringWithoutLengthAscii(p, symbol);
            p += out.putStringWithoutLengthAscii(p, "\",\"pair\":\"");
            p += out.putStringWithoutLengthAscii(p, pair);
            p += out.putStringWithoutLengthAscii(p, "\"");
        }
        if (venue.isBinanceFutures())
        {
            p += out.putStringWithoutLengthAscii(p, ",\"E\":");
            p += out.putLongAscii(p, eventTimeMs);
            p += out.putStringWithoutLengthAscii(p, ",\"T\":");
            p += out.putLongAscii(p, transactionMs);
        }
        p += out.putStringWithoutLengthAscii(p, ",\"bids\":[");
        p = binanceLevels(p, book.bids(), limit);
        p += out.putStringWithoutLengthAscii(p, "],\"asks\":[");
        p = binanceLevels(p, book.asks(), limit);
        p += out.putStringWithoutLengthAscii(p, "]}");
        return copy(p);
    }

    /**
     * A MEXC futures depth reply.
     *
     * @param book        the levels.
     * @param version     of the book.
     * @param timestampMs of the reply.
     * @param limit       levels per side at most.
     * @return the body.
     */
    byte[] mexc(final MirrorBook book, final long version, final long timestampMs, final int limit)
    {
        int p = 0;
        p += out.putStringWithoutLengthAscii(p, "{\"success\":true,\"code\":0,\"data\":{\"asks\":[");
        p = mexcLevels(p, book.asks(), limit);
        p += out.putStringWithoutLengthAscii(p, "],\"bids\":[");
        p = mexcLevels(p, book.bids(), limit);
        p += out.putStringWithoutLengthAscii(p, "],\"version\":");
        p += out.putLongAscii(p, version);
        p += out.putStringWithoutLengthAscii(p, ",\"timestamp\":");
        p += out.putLongAscii(p, timestampMs);
        p += out.putStringWithoutLengthAscii(p, "}}");
        return copy(p);
    }

    private int binanceLevels(final int start, final MirrorBook.Side side, final int limit)
    {
        int p = start;
        final int levels = Math.min(limit, side.count());
        for (int i = 0; i < levels; i++)
        {
            if (i > 0)
            {
                out.putByte(p++, (byte)',');
            }
            p += out.putStringWithoutLengthAscii(p, "[\"");
            p += MirrorBook.putDecimal(out, p, side.priceDigits(i), side.priceScale(i));
            p += out.putStringWithoutLengthAscii(p, "\",\"");
            p += MirrorBook.putDecimal(out, p, side.qtyDigits(i), side.qtyScale(i));
            p += out.putStringWithoutLengthAscii(p, "\"]");
        }
        return p;
    }

    private int mexcLevels(final int start, final MirrorBook.Side side, final int limit)
    {
        int p = start;
        final int levels = Math.min(limit, side.count());
        for (int i = 0; i < levels; i++)
        {
            if (i > 0)
            {
                out.putByte(p++, (byte)',');
            }
            out.putByte(p++, (byte)'[');
            p += MirrorBook.putShortDecimal(out, p, side.priceDigits(i), side.priceScale(i));
            out.putByte(p++, (byte)',');
            p += out.putLongAscii(p, side.qtyDigits(i));
            p += out.putStringWithoutLengthAscii(p, ",1]");
        }
        return p;
    }

    private byte[] copy(final int length)
    {
        final byte[] body = new byte[length];
        out.getBytes(0, body);
        return body;
    }
}
