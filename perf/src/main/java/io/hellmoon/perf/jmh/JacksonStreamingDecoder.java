/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Arrays;

/**
 * The baseline a careful Jackson user would write for Binance market data: the streaming {@link JsonParser} from one
 * reused {@link JsonFactory}, every field read into one preallocated mutable {@link Event}, decimal strings scanned
 * from the parser's character buffer straight into long mantissas at exponent {@value #EXPONENT} (no
 * {@code BigDecimal}, no {@code String}), symbols matched against a small table of known symbols by their characters,
 * field names compared as the canonical (interned) strings Jackson hands out.
 * <p>
 * It reads the same fields as Hellmoon's decoder for trade, aggTrade, bookTicker (with or without {@code e}),
 * depthUpdate, kline, markPriceUpdate, forceOrder and REST depth snapshots, in any field order, from a combined-stream
 * envelope or a raw event. It is a baseline, not a validating decoder: it does not check for missing or duplicate
 * fields. What it cannot avoid is Jackson's own per-document cost: a parser (and its context objects) per message.
 * <p>
 * Not thread safe.
 */
final class JacksonStreamingDecoder
{
    /**
     * Exponent of every mantissa decoded, as the registry's default for instruments it has no reference data for.
     */
    static final int EXPONENT = -8;

    /**
     * Returned by the mantissa scan for text that is not a decimal exact at {@link #EXPONENT}.
     */
    static final long INVALID = Long.MIN_VALUE;

    private static final long MS_TO_NS = 1_000_000L;
    private static final int MAX_DIGITS = 18;
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

    private final JsonFactory factory = new JsonFactory();
    private final Event event;
    private char[][] symbols = new char[8][];
    private int symbolCount;

    /**
     * A decoder with room for {@code maxLevels} depth levels a side.
     *
     * @param maxLevels most levels a side.
     */
    JacksonStreamingDecoder(final int maxLevels)
    {
        event = new Event(maxLevels);
    }

    /**
     * The holder every decode writes into.
     *
     * @return the event.
     */
    Event event()
    {
        return event;
    }

    /**
     * Decode one frame or REST body into {@link #event()}.
     *
     * @param bytes  holding the JSON.
     * @param offset of the JSON.
     * @param length of the JSON.
     * @return the event's type, one of the {@link Event} constants.
     * @throws IOException if Jackson finds the JSON malformed.
     */
    int decode(final byte[] bytes, final int offset, final int length) throws IOException
    {
        event.reset();
        try (JsonParser parser = factory.createParser(bytes, offset, length))
        {
            if (JsonToken.START_OBJECT != parser.nextToken())
            {
                throw new IOException("not an object");
            }
            readObject(parser);
        }
        if (Event.NONE == event.type && Long.MIN_VALUE != event.updateId)
        {
            event.type = Event.BOOK_TICKER; // spot bookTicker: the only event without "e"
        }
        return event.type;
    }

    private void readObject(final JsonParser parser) throws IOException
    {
        final Event event = this.event;
        String name;
        while (null != (name = parser.nextFieldName()))
        {
            final JsonToken token = parser.nextToken();
            switch (name)
            {
                case "data" -> readObject(parser);
                case "e" -> event.type = eventType(parser);
                case "E" -> event.eventTimeNs = parser.getLongValue() * MS_TO_NS;
                case "T" -> event.transactTimeNs = parser.getLongValue() * MS_TO_NS;
                case "s" -> event.symbolId = symbolId(parser);
                case "t" -> event.tradeId = parser.getLongValue();
                case "p" -> event.price = mantissa(parser);
                case "q" -> event.quantity = mantissa(parser);
                case "m" -> event.buyerMaker = JsonToken.VALUE_TRUE == token;
                case "X" -> event.condition = firstChar(parser);
                case "f" -> event.firstTradeId = parser.getLongValue();
                case "l" -> event.lastTradeId = parser.getLongValue();
                case "u" -> event.updateId = parser.getLongValue();
                case "U" -> event.firstUpdateId = parser.getLongValue();
                case "pu" -> event.prevUpdateId = parser.getLongValue();
                case "lastUpdateId" ->
                {
                    event.type = Event.SNAPSHOT;
                    event.updateId = parser.getLongValue();
                }
                case "B" -> event.bidSize = mantissa(parser);
                case "A" -> event.askSize = mantissa(parser);
                case "b", "bids" ->
                {
                    if (JsonToken.START_ARRAY == token)
                    {
                        event.bidCount = readLevels(parser, event.bidPrices, event.bidSizes);
                    }
                    else
                    {
                        event.bidPrice = mantissa(parser);
                    }
                }
                case "a", "asks" ->
                {
                    if (JsonToken.START_ARRAY == token)
                    {
                        event.askCount = readLevels(parser, event.askPrices, event.askSizes);
                    }
                    else if (JsonToken.VALUE_NUMBER_INT == token)
                    {
                        event.tradeId = parser.getLongValue(); // aggTrade id
                    }
                    else
                    {
                        event.askPrice = mantissa(parser);
                    }
                }
                case "i" -> event.indexPrice = mantissa(parser);
                case "P" -> event.settlePrice = mantissa(parser);
                case "r" -> event.fundingRate = mantissa(parser);
                case "k" -> readKline(parser);
                case "o" -> readOrder(parser);
                default -> parser.skipChildren();
            }
        }
    }

    private void readKline(final JsonParser parser) throws IOException
    {
        final Event event = this.event;
        String name;
        while (null != (name = parser.nextFieldName()))
        {
            final JsonToken token = parser.nextToken();
            switch (name)
            {
                case "t" -> event.openTimeNs = parser.getLongValue() * MS_TO_NS;
                case "T" -> event.closeTimeNs = parser.getLongValue() * MS_TO_NS;
                case "s" -> event.symbolId = symbolId(parser);
                case "i" -> event.intervalSeconds = intervalSeconds(parser);
                case "f" -> event.firstTradeId = parser.getLongValue();
                case "L" -> event.lastTradeId = parser.getLongValue();
                case "o" -> event.open = mantissa(parser);
                case "c" -> event.close = mantissa(parser);
                case "h" -> event.high = mantissa(parser);
                case "l" -> event.low = mantissa(parser);
                case "v" -> event.volume = mantissa(parser);
                case "n" -> event.tradeCount = parser.getLongValue();
                case "x" -> event.closed = JsonToken.VALUE_TRUE == token;
                case "q" -> event.quoteVolume = mantissa(parser);
                case "V" -> event.takerBuyVolume = mantissa(parser);
                case "Q" -> event.takerBuyQuoteVolume = mantissa(parser);
                default -> parser.skipChildren();
            }
        }
    }

    private void readOrder(final JsonParser parser) throws IOException
    {
        final Event event = this.event;
        String name;
        while (null != (name = parser.nextFieldName()))
        {
            parser.nextToken();
            switch (name)
            {
                case "s" -> event.symbolId = symbolId(parser);
                case "S" -> event.side = firstChar(parser);
                case "X" -> event.orderStatus = firstChar(parser);
                case "q" -> event.quantity = mantissa(parser);
                case "p" -> event.price = mantissa(parser);
                case "ap" -> event.averagePrice = mantissa(parser);
                case "l" -> event.lastFilledQuantity = mantissa(parser);
                case "z" -> event.filledQuantity = mantissa(parser);
                case "T" -> event.transactTimeNs = parser.getLongValue() * MS_TO_NS;
                default -> parser.skipChildren();
            }
        }
    }

    private static int readLevels(final JsonParser parser, final long[] prices, final long[] sizes)
        throws IOException
    {
        int count = 0;
        while (JsonToken.START_ARRAY == parser.nextToken())
        {
            parser.nextToken();
            prices[count] = mantissa(parser);
            parser.nextToken();
            sizes[count] = mantissa(parser);
            parser.nextToken(); // END_ARRAY of the level
            count++;
        }
        return count;
    }

    private static int eventType(final JsonParser parser) throws IOException
    {
        final char[] chars = parser.getTextCharacters();
        final int offset = parser.getTextOffset();
        final int length = parser.getTextLength();
        return switch (chars[offset])
        {
            case 't' -> Event.TRADE;
            case 'a' -> Event.AGG_TRADE;
            case 'b' -> Event.BOOK_TICKER;
            case 'd' -> Event.DEPTH_UPDATE;
            case 'k' -> Event.KLINE;
            case 'm' -> Event.MARK_PRICE;
            case 'f' -> Event.FORCE_ORDER;
            default -> length > 0 ? Event.OTHER : Event.NONE;
        };
    }

    private static char firstChar(final JsonParser parser) throws IOException
    {
        return 0 == parser.getTextLength() ? 0 : parser.getTextCharacters()[parser.getTextOffset()];
    }

    private static long intervalSeconds(final JsonParser parser) throws IOException
    {
        final char[] chars = parser.getTextCharacters();
        final int offset = parser.getTextOffset();
        final int end = offset + parser.getTextLength() - 1;
        long count = 0;
        for (int i = offset; i < end; i++)
        {
            count = count * 10 + (chars[i] - '0');
        }
        return switch (chars[end])
        {
            case 's' -> count;
            case 'm' -> count * 60;
            case 'h' -> count * 3_600;
            case 'd' -> count * 86_400;
            case 'w' -> count * 604_800;
            case 'M' -> count * 2_592_000;
            default -> 0;
        };
    }

    private int symbolId(final JsonParser parser) throws IOException
    {
        final char[] chars = parser.getTextCharacters();
        final int offset = parser.getTextOffset();
        final int length = parser.getTextLength();
        for (int i = 0; i < symbolCount; i++)
        {
            final char[] symbol = symbols[i];
            if (symbol.length == length && equal(symbol, chars, offset))
            {
                return i + 1;
            }
        }
        if (symbolCount == symbols.length)
        {
            symbols = Arrays.copyOf(symbols, symbolCount * 2);
        }
        symbols[symbolCount++] = Arrays.copyOfRange(chars, offset, offset + length);
        return symbolCount;
    }

    private static boolean equal(final char[] symbol, final char[] chars, final int offset)
    {
        for (int i = 0; i < symbol.length; i++)
        {
            if (symbol[i] != chars[offset + i])
            {
                return false;
            }
        }
        return true;
    }

    private static long mantissa(final JsonParser parser) throws IOException
    {
        return mantissa(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    /**
     * Scan a plain decimal ({@code 61800.30}, {@code -0.5}) into a mantissa at {@link #EXPONENT}, rejecting rather
     * than rounding digits the exponent cannot hold.
     *
     * @param chars  holding the text.
     * @param offset of the text.
     * @param length of the text.
     * @return the mantissa or {@link #INVALID}.
     */
    static long mantissa(final char[] chars, final int offset, final int length)
    {
        final int end = offset + length;
        int i = offset;
        boolean negative = false;
        if (i < end && '-' == chars[i])
        {
            negative = true;
            i++;
        }
        if (i == end)
        {
            return INVALID;
        }

        long value = 0;
        int digits = 0;
        int fractionDigits = -1;
        for (; i < end; i++)
        {
            final char c = chars[i];
            if ('.' == c)
            {
                if (fractionDigits >= 0)
                {
                    return INVALID;
                }
                fractionDigits = 0;
                continue;
            }
            final int digit = c - '0';
            if (digit < 0 || digit > 9)
            {
                return INVALID;
            }
            if (fractionDigits >= 0)
            {
                if (-EXPONENT == fractionDigits)
                {
                    if (0 != digit)
                    {
                        return INVALID;
                    }
                    continue;
                }
                fractionDigits++;
            }
            if (0 != value || 0 != digit)
            {
                if (++digits > MAX_DIGITS)
                {
                    return INVALID;
                }
            }
            value = value * 10 + digit;
        }

        value *= POWERS_OF_TEN[-EXPONENT - Math.max(fractionDigits, 0)];
        return negative ? -value : value;
    }

    /**
     * One decoded event: a flat mutable holder reused for every message. Fields not in the message keep their reset
     * values ({@link Long#MIN_VALUE}).
     */
    static final class Event
    {
        static final int NONE = 0;
        static final int TRADE = 1;
        static final int AGG_TRADE = 2;
        static final int BOOK_TICKER = 3;
        static final int DEPTH_UPDATE = 4;
        static final int KLINE = 5;
        static final int MARK_PRICE = 6;
        static final int FORCE_ORDER = 7;
        static final int SNAPSHOT = 8;
        static final int OTHER = 9;

        int type;
        int symbolId;
        long eventTimeNs;
        long transactTimeNs;
        long tradeId;
        long firstTradeId;
        long lastTradeId;
        long price;
        long quantity;
        boolean buyerMaker;
        char condition;
        long updateId;
        long firstUpdateId;
        long prevUpdateId;
        long bidPrice;
        long bidSize;
        long askPrice;
        long askSize;
        int bidCount;
        int askCount;
        final long[] bidPrices;
        final long[] bidSizes;
        final long[] askPrices;
        final long[] askSizes;
        long openTimeNs;
        long closeTimeNs;
        long intervalSeconds;
        long open;
        long high;
        long low;
        long close;
        long volume;
        long quoteVolume;
        long takerBuyVolume;
        long takerBuyQuoteVolume;
        long tradeCount;
        boolean closed;
        long indexPrice;
        long settlePrice;
        long fundingRate;
        char side;
        char orderStatus;
        long averagePrice;
        long lastFilledQuantity;
        long filledQuantity;

        Event(final int maxLevels)
        {
            bidPrices = new long[maxLevels];
            bidSizes = new long[maxLevels];
            askPrices = new long[maxLevels];
            askSizes = new long[maxLevels];
        }

        void reset()
        {
            type = NONE;
            symbolId = 0;
            eventTimeNs = Long.MIN_VALUE;
            transactTimeNs = Long.MIN_VALUE;
            tradeId = Long.MIN_VALUE;
            firstTradeId = Long.MIN_VALUE;
            lastTradeId = Long.MIN_VALUE;
            price = Long.MIN_VALUE;
            quantity = Long.MIN_VALUE;
            buyerMaker = false;
            condition = 0;
            intervalSeconds = 0;
            updateId = Long.MIN_VALUE;
            firstUpdateId = Long.MIN_VALUE;
            prevUpdateId = Long.MIN_VALUE;
            bidPrice = Long.MIN_VALUE;
            bidSize = Long.MIN_VALUE;
            askPrice = Long.MIN_VALUE;
            askSize = Long.MIN_VALUE;
            bidCount = 0;
            askCount = 0;
            close = Long.MIN_VALUE;
            indexPrice = Long.MIN_VALUE;
            fundingRate = Long.MIN_VALUE;
        }
    }
}
