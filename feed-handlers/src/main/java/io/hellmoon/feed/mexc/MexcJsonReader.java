/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import io.hellmoon.feed.json.JsonCursor;
import io.hellmoon.feed.json.JsonFieldTable;
import io.hellmoon.feed.json.JsonNumberParser;
import io.hellmoon.sbe.DepthSnapshotEncoder;
import io.hellmoon.sbe.TradeEncoder;
import org.agrona.DirectBuffer;

import static io.hellmoon.feed.json.JsonCursor.BEGIN_ARRAY;
import static io.hellmoon.feed.json.JsonCursor.BEGIN_OBJECT;
import static io.hellmoon.feed.json.JsonCursor.END_ARRAY;
import static io.hellmoon.feed.json.JsonCursor.END_OBJECT;
import static io.hellmoon.feed.json.JsonCursor.END_OF_INPUT;
import static io.hellmoon.feed.json.JsonCursor.ERROR;
import static io.hellmoon.feed.json.JsonCursor.FIELD_NAME;
import static io.hellmoon.feed.json.JsonCursor.NULL;
import static io.hellmoon.feed.json.JsonCursor.NUMBER;
import static io.hellmoon.feed.json.JsonCursor.STRING;
import static io.hellmoon.feed.json.JsonFieldTable.ABSENT;
import static io.hellmoon.feed.json.JsonFieldTable.NO_SLOT;

/**
 * MEXC's JSON, read in place with {@link JsonCursor}: the futures push envelope and its {@code data}, and the REST
 * depth replies of spot ({@code {"lastUpdateId":N,"bids":[["p","q"]],"asks":..}}) and futures
 * ({@code {"success":true,"code":0,"data":{"asks":[[p,v,n]],"bids":..,"version":N,"timestamp":ms}}}).
 * <p>
 * One pass notes each object's fields in a {@link JsonFieldTable} (level 0 the frame, level 1 its {@code data}
 * object); the {@code asks} and {@code bids} arrays are noted level by level in two {@link LevelList}s; a
 * {@code data} array is noted and skipped, to be read element by element once the channel is known. Typed readers
 * then convert values, recording the first fault in the {@link FrameOutput} and returning a placeholder after it, so a
 * decode method reads every field and checks once. Not thread safe.
 */
final class MexcJsonReader
{
    static final String[] FIELD_NAMES =
    {
        "channel", "data", "symbol", "ts", "p", "v", "T", "t", "asks", "bids", "version", "timestamp", "lastPrice",
        "fairPrice", "indexPrice", "fundingRate", "high24Price", "lower24Price", "volume24", "amount24",
        "riseFallValue", "o", "c", "h", "l", "q", "a", "interval", "lastUpdateId"
    };
    static final int CHANNEL = 0;
    static final int DATA = 1;
    static final int SYMBOL = 2;
    static final int TS = 3;
    static final int LOWER_P = 4;
    static final int LOWER_V = 5;
    static final int UPPER_T = 6;
    static final int LOWER_T = 7;
    static final int ASKS = 8;
    static final int BIDS = 9;
    static final int VERSION = 10;
    static final int TIMESTAMP = 11;
    static final int LAST_PRICE = 12;
    static final int FAIR_PRICE = 13;
    static final int INDEX_PRICE = 14;
    static final int FUNDING_RATE = 15;
    static final int HIGH_24_PRICE = 16;
    static final int LOWER_24_PRICE = 17;
    static final int VOLUME_24 = 18;
    static final int AMOUNT_24 = 19;
    static final int RISE_FALL_VALUE = 20;
    static final int LOWER_O = 21;
    static final int LOWER_C = 22;
    static final int LOWER_H = 23;
    static final int LOWER_L = 24;
    static final int LOWER_Q = 25;
    static final int LOWER_A = 26;
    static final int INTERVAL = 27;
    static final int LAST_UPDATE_ID = 28;

    static final long NULL_LONG = TradeEncoder.firstTradeIdNullValue();

    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L;
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L;
    private static final int LEVEL_LENGTH = 16;
    private static final int GROUP_HEADER_LENGTH = 4;

    final LevelList bids;
    final LevelList asks;
    private final FrameOutput out;
    private final JsonCursor cursor;
    private final JsonNumberParser numbers = new JsonNumberParser();
    private final JsonFieldTable[] tables = { new JsonFieldTable(FIELD_NAMES), new JsonFieldTable(FIELD_NAMES) };
    private final DepthSnapshotEncoder snapshotEncoder = new DepthSnapshotEncoder();
    private DirectBuffer frame;
    private int dataArrayStart;
    private int dataArrayEnd;
    private byte decimalExponent;
    private long truncatedMantissa;
    private int truncatedExponent;

    MexcJsonReader(final FrameOutput out, final int maxJsonDepth, final int maxLevelsPerSide)
    {
        this.out = out;
        this.cursor = new JsonCursor(maxJsonDepth);
        this.bids = new LevelList(maxLevelsPerSide);
        this.asks = new LevelList(maxLevelsPerSide);
    }

    JsonFieldTable table(final int level)
    {
        return tables[level];
    }

    /**
     * Start on a JSON text: the first token is returned ({@link JsonCursor#BEGIN_OBJECT} for what MEXC sends).
     */
    int begin(final DirectBuffer buffer, final int offset, final int length)
    {
        frame = buffer;
        dataArrayStart = -1;
        dataArrayEnd = -1;
        cursor.wrap(buffer, offset, length);
        return cursor.next();
    }

    /**
     * Continue on a region of the same frame, a {@code data} array noted by {@link #scanObject}.
     */
    int beginDataArray()
    {
        cursor.wrap(frame, dataArrayStart, dataArrayEnd - dataArrayStart);
        return cursor.next();
    }

    boolean hasDataArray()
    {
        return dataArrayStart >= 0;
    }

    int dataArrayStart()
    {
        return dataArrayStart;
    }

    int next()
    {
        return cursor.next();
    }

    int tokenStart()
    {
        return cursor.tokenStart();
    }

    /**
     * Fail the frame for the first token read when it is not an object: empty, not JSON at all, or a scalar.
     */
    boolean notAnObject(final int firstToken, final int frameOffset, final int frameLength)
    {
        if (ERROR == firstToken && JsonCursor.ERROR_EMPTY == cursor.errorCode())
        {
            return out.fail(MexcReasons.EMPTY_FRAME, frameOffset + frameLength);
        }
        return ERROR == firstToken ? cursorFailure() : out.fail(MexcReasons.WRONG_TYPE, cursor.tokenStart());
    }

    /**
     * Check that nothing but whitespace follows the top-level value.
     */
    boolean expectEndOfInput()
    {
        return END_OF_INPUT == cursor.next() || cursorFailure();
    }

    /**
     * Skip the value whose first token was just returned, checking it.
     */
    boolean skipValue()
    {
        return ERROR != cursor.skipValue() || cursorFailure();
    }

    /**
     * Read the object whose opening brace was just returned into the table of its level: a {@code data} object one
     * level down, a {@code data} array noted and skipped, {@code asks}/{@code bids} arrays into the level lists.
     */
    boolean scanObject(final int level)
    {
        final JsonCursor cursor = this.cursor;
        final JsonFieldTable fields = tables[level];
        fields.reset(cursor.tokenStart());
        while (true)
        {
            int token = cursor.next();
            if (END_OBJECT == token)
            {
                return true;
            }
            if (FIELD_NAME != token)
            {
                return cursorFailure();
            }

            final int slot = fields.slotOf(frame, cursor.tokenOffset(), cursor.tokenLength());
            token = cursor.next();
            if (ERROR == token)
            {
                return cursorFailure();
            }
            if (NO_SLOT == slot)
            {
                if (!skipValue())
                {
                    return false;
                }
                continue;
            }
            if (!fields.put(slot, cursor))
            {
                return out.fail(MexcReasons.DUPLICATE_FIELD, cursor.tokenStart());
            }

            if (BEGIN_OBJECT == token)
            {
                if (DATA == slot && 0 == level)
                {
                    if (!scanObject(1))
                    {
                        return false;
                    }
                }
                else if (!skipValue())
                {
                    return false;
                }
            }
            else if (BEGIN_ARRAY == token)
            {
                if (ASKS == slot)
                {
                    if (!scanLevels(asks))
                    {
                        return false;
                    }
                }
                else if (BIDS == slot)
                {
                    if (!scanLevels(bids))
                    {
                        return false;
                    }
                }
                else
                {
                    final int start = cursor.tokenStart();
                    if (!skipValue())
                    {
                        return false;
                    }
                    if (DATA == slot && 0 == level)
                    {
                        dataArrayStart = start;
                        dataArrayEnd = cursor.regionOffset() + cursor.position();
                    }
                }
            }
        }
    }

    /**
     * Note the texts of each {@code [price, size, ...]} level of the array just opened; a shape fault is kept in the
     * list and reported only by a decoder that reads it.
     */
    private boolean scanLevels(final LevelList list)
    {
        final JsonCursor cursor = this.cursor;
        final int sideDepth = cursor.depth();
        list.reset(cursor.tokenStart());
        while (true)
        {
            int token = cursor.next();
            if (END_ARRAY == token)
            {
                return true;
            }
            if (BEGIN_ARRAY != token)
            {
                return abandonLevels(list, MexcReasons.WRONG_TYPE, sideDepth);
            }
            if (list.isFull())
            {
                return abandonLevels(list, MexcReasons.TOO_MANY_LEVELS, sideDepth);
            }

            token = cursor.next();
            if (STRING != token && NUMBER != token)
            {
                return abandonLevels(list, MexcReasons.WRONG_TYPE, sideDepth);
            }
            final int priceOffset = cursor.tokenOffset();
            final int priceLength = cursor.tokenLength();

            token = cursor.next();
            if (STRING != token && NUMBER != token)
            {
                return abandonLevels(list, MexcReasons.WRONG_TYPE, sideDepth);
            }
            list.add(priceOffset, priceLength, cursor.tokenOffset(), cursor.tokenLength());

            // Futures levels are [price, contracts, orders]: what follows the size is skipped.
            while (END_ARRAY != (token = cursor.next()))
            {
                if (ERROR == token || ERROR == cursor.skipValue())
                {
                    return cursorFailure();
                }
            }
        }
    }

    private boolean abandonLevels(final LevelList list, final int reason, final int sideDepth)
    {
        if (ERROR == cursor.token())
        {
            return cursorFailure();
        }
        if (list.errorReason < 0)
        {
            list.errorReason = reason;
            list.errorOffset = cursor.tokenStart();
        }
        return ERROR != cursor.skipToDepth(sideDepth - 1) || cursorFailure();
    }

    /**
     * A REST depth reply as a {@code DepthSnapshot} of the instrument, into the frame output.
     */
    boolean decodeSnapshot(final int instrumentId, final int frameOffset, final int frameLength)
    {
        final int first = begin(out.frame(), frameOffset, frameLength);
        if (BEGIN_OBJECT != first)
        {
            return notAnObject(first, frameOffset, frameLength);
        }
        if (!scanObject(0) || !expectEndOfInput())
        {
            return false;
        }

        final JsonFieldTable top = tables[0];
        final JsonFieldTable depth;
        final long lastUpdateId;
        if (BEGIN_OBJECT == top.type(DATA))
        {
            depth = tables[1];
            lastUpdateId = version(depth, VERSION);
        }
        else
        {
            depth = top;
            lastUpdateId = version(depth, ABSENT == top.type(LAST_UPDATE_ID) ? VERSION : LAST_UPDATE_ID);
        }
        if (!out.knownInstrument(instrumentId))
        {
            return false;
        }
        final int priceExponent = out.registry().priceExponent(instrumentId);
        final int sizeExponent = out.registry().sizeExponent(instrumentId);
        final long eventTimeNs = optionalMillis(depth, TIMESTAMP);
        levels(depth, BIDS, bids, priceExponent, sizeExponent);
        levels(depth, ASKS, asks, priceExponent, sizeExponent);
        if (out.failed() || !out.reserve(DepthSnapshotEncoder.BLOCK_LENGTH + levelsLength(), depth.objectStart()))
        {
            return false;
        }

        final DepthSnapshotEncoder encoder = snapshotEncoder;
        encoder.wrapAndApplyHeader(out.buffer(), out.limit(), out.header())
            .instrumentId(instrumentId)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(out.receiveTimeNs())
            .publishTimeNs(out.publishTimeNs())
            .transactTimeNs(NULL_LONG)
            .lastUpdateId(lastUpdateId)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent);
        final DepthSnapshotEncoder.BidsEncoder bidsEncoder = encoder.bidsCount(bids.count);
        for (int i = 0; i < bids.count; i++)
        {
            bidsEncoder.next().price(bids.prices[i]).size(bids.sizes[i]);
        }
        final DepthSnapshotEncoder.AsksEncoder asksEncoder = encoder.asksCount(asks.count);
        for (int i = 0; i < asks.count; i++)
        {
            asksEncoder.next().price(asks.prices[i]).size(asks.sizes[i]);
        }
        out.commit(encoder.encodedLength());
        return true;
    }

    int levelsLength()
    {
        return 2 * GROUP_HEADER_LENGTH + (bids.count + asks.count) * LEVEL_LENGTH;
    }

    /**
     * Check a slot holds the level array noted while reading, and convert its levels to mantissas.
     */
    void levels(
        final JsonFieldTable fields,
        final int slot,
        final LevelList list,
        final int priceExponent,
        final int sizeExponent)
    {
        final int type = fields.type(slot);
        if (BEGIN_ARRAY != type || list.arrayStart != fields.start(slot))
        {
            typeFailure(fields, slot, type);
            return;
        }
        if (list.errorReason >= 0)
        {
            out.fail(list.errorReason, list.errorOffset);
            return;
        }
        for (int i = 0, count = list.count; i < count; i++)
        {
            list.prices[i] = convertFixed(list.priceOffsets[i], list.priceLengths[i], priceExponent, false);
            list.sizes[i] = convertFixed(list.sizeOffsets[i], list.sizeLengths[i], sizeExponent, false);
        }
    }

    /**
     * A required string value's table entry, or false with the failure set.
     */
    boolean string(final JsonFieldTable fields, final int slot)
    {
        final int type = fields.type(slot);
        return STRING == type || typeFailure(fields, slot, type);
    }

    /**
     * A required price or size (number or decimal string), never negative, exact at the exponent.
     */
    long fixed(final JsonFieldTable fields, final int slot, final int exponent)
    {
        return fixed(fields, slot, exponent, false);
    }

    /**
     * As {@link #fixed(JsonFieldTable, int, int)}, negative values allowed (a change, a rate).
     */
    long signedFixed(final JsonFieldTable fields, final int slot, final int exponent)
    {
        return fixed(fields, slot, exponent, true);
    }

    /**
     * As {@link #fixed(JsonFieldTable, int, int)} but null when absent or JSON null.
     */
    long optionalFixed(final JsonFieldTable fields, final int slot, final int exponent)
    {
        final int type = fields.type(slot);
        return ABSENT == type || NULL == type ? NULL_LONG : fixed(fields, slot, exponent, false);
    }

    private long fixed(final JsonFieldTable fields, final int slot, final int exponent, final boolean signed)
    {
        final int type = fields.type(slot);
        if (STRING != type && NUMBER != type)
        {
            typeFailure(fields, slot, type);
            return 0;
        }
        return convertFixed(fields.offset(slot), fields.length(slot), exponent, signed);
    }

    private long convertFixed(final int offset, final int length, final int exponent, final boolean signed)
    {
        final int status = numbers.parseFixed(frame, offset, length, exponent);
        if (JsonNumberParser.OK != status)
        {
            numberFailure(status, offset);
            return 0;
        }
        final long mantissa = numbers.value();
        if (mantissa < 0 && !signed)
        {
            out.fail(MexcReasons.BAD_NUMBER, offset);
            return 0;
        }
        return mantissa;
    }

    /**
     * A required JSON integer.
     */
    long integer(final JsonFieldTable fields, final int slot)
    {
        final int type = fields.type(slot);
        if (NUMBER != type)
        {
            typeFailure(fields, slot, type);
            return NULL_LONG;
        }
        final int status = numbers.parseLong(frame, fields.offset(slot), fields.length(slot));
        if (JsonNumberParser.OK != status)
        {
            numberFailure(status, fields.offset(slot));
            return NULL_LONG;
        }
        return numbers.value();
    }

    /**
     * A book version: a non-negative integer, as a number or a decimal string (MEXC sends both).
     */
    long version(final JsonFieldTable fields, final int slot)
    {
        final int type = fields.type(slot);
        if (STRING != type && NUMBER != type)
        {
            typeFailure(fields, slot, type);
            return NULL_LONG;
        }
        final int status = numbers.parseLong(frame, fields.offset(slot), fields.length(slot));
        if (JsonNumberParser.OK != status)
        {
            numberFailure(status, fields.offset(slot));
            return NULL_LONG;
        }
        if (numbers.value() < 0)
        {
            out.fail(MexcReasons.BAD_NUMBER, fields.offset(slot));
            return NULL_LONG;
        }
        return numbers.value();
    }

    /**
     * A required time in milliseconds, as epoch nanoseconds.
     */
    long millis(final JsonFieldTable fields, final int slot)
    {
        final long millis = integer(fields, slot);
        if (out.failed())
        {
            return NULL_LONG;
        }
        if (millis < 0 || millis > MAX_MILLIS)
        {
            out.fail(MexcReasons.BAD_VALUE, fields.start(slot));
            return NULL_LONG;
        }
        return millis * 1_000_000L;
    }

    /**
     * A time in milliseconds as epoch nanoseconds, or null when absent or JSON null.
     */
    long optionalMillis(final JsonFieldTable fields, final int slot)
    {
        final int type = fields.type(slot);
        return ABSENT == type || NULL == type ? NULL_LONG : millis(fields, slot);
    }

    /**
     * A required time in seconds, as epoch nanoseconds.
     */
    long seconds(final JsonFieldTable fields, final int slot)
    {
        final long seconds = integer(fields, slot);
        if (out.failed())
        {
            return NULL_LONG;
        }
        if (seconds < 0 || seconds > MAX_SECONDS)
        {
            out.fail(MexcReasons.BAD_VALUE, fields.start(slot));
            return NULL_LONG;
        }
        return seconds * 1_000_000_000L;
    }

    /**
     * A required decimal with the exponent its text needs, exactly: the mantissa is returned, the exponent left in
     * {@link #decimalExponent()}.
     */
    long decimal(final JsonFieldTable fields, final int slot)
    {
        decimalExponent = 0;
        final int type = fields.type(slot);
        if (STRING != type && NUMBER != type)
        {
            typeFailure(fields, slot, type);
            return NULL_LONG;
        }
        final int status = numbers.parseDecimal(frame, fields.offset(slot), fields.length(slot));
        if (JsonNumberParser.OK != status)
        {
            numberFailure(status, fields.offset(slot));
            return NULL_LONG;
        }
        decimalExponent = (byte)numbers.exponent();
        return numbers.mantissa();
    }

    /**
     * As {@link #decimal} but null (exponent 0) when absent or JSON null.
     */
    long optionalDecimal(final JsonFieldTable fields, final int slot)
    {
        final int type = fields.type(slot);
        if (ABSENT == type || NULL == type)
        {
            decimalExponent = 0;
            return NULL_LONG;
        }
        return decimal(fields, slot);
    }

    /**
     * A required statistic (a traded amount) as a decimal cut to the 18 significant digits a mantissa holds. MEXC
     * sends amounts such as {@code 69402.4579798127137243}: a binary floating-point sum printed to 21 digits, whose
     * tail is noise. Prices and sizes are never read this way: they are exact or refused. The exponent is left in
     * {@link #decimalExponent()}.
     */
    long truncatedDecimal(final JsonFieldTable fields, final int slot)
    {
        decimalExponent = 0;
        final int type = fields.type(slot);
        if (STRING != type && NUMBER != type)
        {
            typeFailure(fields, slot, type);
            return NULL_LONG;
        }
        final int offset = fields.offset(slot);
        final int length = fields.length(slot);
        final int status = numbers.parseDecimal(frame, offset, length);
        if (JsonNumberParser.OK == status)
        {
            decimalExponent = (byte)numbers.exponent();
            return numbers.mantissa();
        }
        if (JsonNumberParser.TOO_LONG == status && truncate(offset, length))
        {
            decimalExponent = (byte)truncatedExponent;
            return truncatedMantissa;
        }
        numberFailure(status, offset);
        return NULL_LONG;
    }

    byte decimalExponent()
    {
        return decimalExponent;
    }

    /**
     * Read plain decimal text (a sign, digits, one point; no exponent part) keeping its first 18 significant digits,
     * into {@link #truncatedMantissa} and {@link #truncatedExponent}, trailing fractional zeros dropped.
     *
     * @return false when the text is not a plain decimal or its exponent does not fit SBE's int8.
     */
    private boolean truncate(final int offset, final int length)
    {
        final DirectBuffer frame = this.frame;
        final int end = offset + length;
        int i = offset;
        final boolean negative = '-' == frame.getByte(i);
        if (negative)
        {
            i++;
        }
        long digits = 0;
        int significant = 0;
        int exponent = 0;
        boolean seenPoint = false;
        boolean seenDigit = false;
        for (; i < end; i++)
        {
            final byte b = frame.getByte(i);
            if ('.' == b && !seenPoint)
            {
                seenPoint = true;
                continue;
            }
            if (b < '0' || b > '9')
            {
                return false;
            }
            seenDigit = true;
            if (0 == significant && '0' == b)
            {
                exponent -= seenPoint ? 1 : 0;
            }
            else if (significant < JsonNumberParser.MAX_SIGNIFICANT_DIGITS)
            {
                digits = digits * 10 + (b - '0');
                significant++;
                exponent -= seenPoint ? 1 : 0;
            }
            else if (!seenPoint)
            {
                exponent++;
            }
        }
        while (0 != digits && exponent < 0 && 0 == digits % 10)
        {
            digits /= 10;
            exponent++;
        }
        if (!seenDigit || exponent > Byte.MAX_VALUE || exponent < Byte.MIN_VALUE)
        {
            return false;
        }
        truncatedMantissa = negative ? -digits : digits;
        truncatedExponent = 0 == digits ? 0 : exponent;
        return true;
    }

    boolean typeFailure(final JsonFieldTable fields, final int slot, final int type)
    {
        return ABSENT == type ?
            out.fail(MexcReasons.MISSING_FIELD, fields.objectStart()) :
            out.fail(MexcReasons.WRONG_TYPE, fields.start(slot));
    }

    private boolean numberFailure(final int status, final int offset)
    {
        switch (status)
        {
            case JsonNumberParser.TOO_LONG:
                return out.fail(MexcReasons.NUMBER_TOO_LONG, offset);
            case JsonNumberParser.INEXACT:
                return out.fail(MexcReasons.INEXACT_NUMBER, offset);
            default:
                return out.fail(MexcReasons.BAD_NUMBER, offset);
        }
    }

    boolean cursorFailure()
    {
        final int reason;
        switch (cursor.errorCode())
        {
            case JsonCursor.ERROR_EMPTY:
                reason = MexcReasons.EMPTY_FRAME;
                break;
            case JsonCursor.ERROR_TRUNCATED:
                reason = MexcReasons.TRUNCATED;
                break;
            case JsonCursor.ERROR_TOO_DEEP:
                reason = MexcReasons.TOO_DEEP;
                break;
            case JsonCursor.ERROR_BAD_NUMBER:
                reason = MexcReasons.BAD_NUMBER;
                break;
            default:
                reason = MexcReasons.MALFORMED_JSON;
                break;
        }
        return out.fail(reason, cursor.regionOffset() + cursor.errorPosition());
    }
}
