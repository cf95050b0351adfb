/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import org.agrona.DirectBuffer;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * Reads the fields of one protobuf message in a region of a {@link DirectBuffer}, one whole field per
 * {@link #next()}: its number, wire type and value (a varint, a fixed 32 or 64-bit value, or where a
 * length-delimited value's bytes are). Nested messages are read by wrapping another reader on a field's bytes.
 * <p>
 * Hand-written rather than generated because MEXC's frames arrive per WebSocket message on the hot path:
 * protobuf-java's generated parsers build a message object, a {@code String} per string field and a list per
 * repeated field for every frame, and report bad input by exception. This reader allocates nothing after
 * construction, leaves strings and nested messages where they are (as offsets), and reports every problem as an error
 * code with the position in the region where it was found; once failed it stays failed until wrapped again.
 * <p>
 * The wire format is checked as protobuf defines it: varints of at most 10 bytes (the tenth holding one bit), field
 * numbers from 1 to 2^29 - 1 with tags of at most 32 bits, lengths within the region. Unknown fields need no special
 * handling: every field is consumed whole, so a caller simply ignores numbers it does not know. Groups (wire types 3
 * and 4) are proto2-only and never appear in MEXC's proto3 schema, so they are reported as
 * {@link #ERROR_BAD_WIRE_TYPE} rather than skipped. Zig-zag decoding for {@code sint32}/{@code sint64} fields is
 * provided by {@link #decodeZigZag32(int)} and {@link #decodeZigZag64(long)}; MEXC's messages have no such fields
 * (their {@code int32}/{@code int64} fields are plain varints, negative ones ten bytes long).
 * <p>
 * Not thread safe.
 */
public final class ProtobufReader
{
    /**
     * Wire type of varints: int32, int64, uint32, uint64, sint32, sint64, bool, enum.
     */
    public static final int WIRE_VARINT = 0;

    /**
     * Wire type of fixed64, sfixed64 and double.
     */
    public static final int WIRE_FIXED64 = 1;

    /**
     * Wire type of strings, bytes, embedded messages and packed repeated fields.
     */
    public static final int WIRE_LENGTH_DELIMITED = 2;

    /**
     * Wire type of fixed32, sfixed32 and float.
     */
    public static final int WIRE_FIXED32 = 5;

    /**
     * Highest field number protobuf allows.
     */
    public static final int MAX_FIELD_NUMBER = (1 << 29) - 1;

    /**
     * No error.
     */
    public static final int NO_ERROR = 0;

    /**
     * The region ended inside a field: a varint, a fixed value or a length-delimited value cut short.
     */
    public static final int ERROR_TRUNCATED = 1;

    /**
     * A varint longer than 10 bytes, or whose tenth byte holds more than the 64th bit.
     */
    public static final int ERROR_MALFORMED_VARINT = 2;

    /**
     * Wire type 3, 4 (groups), 6 or 7.
     */
    public static final int ERROR_BAD_WIRE_TYPE = 3;

    /**
     * Field number 0, above {@link #MAX_FIELD_NUMBER}, or a tag wider than 32 bits.
     */
    public static final int ERROR_BAD_FIELD_NUMBER = 4;

    private static final String[] ERROR_NAMES =
    {
        "NO_ERROR", "TRUNCATED", "MALFORMED_VARINT", "BAD_WIRE_TYPE", "BAD_FIELD_NUMBER"
    };

    private static final int MAX_VARINT_BYTES = 10;

    private DirectBuffer buffer;
    private int start;
    private int limit;
    private int position;
    private int fieldStart;
    private int fieldNumber;
    private int wireType;
    private long value;
    private int valueOffset;
    private int valueLength;
    private int errorCode;
    private int errorPosition;

    /**
     * Start reading a message.
     *
     * @param buffer holding the message.
     * @param offset of its first byte.
     * @param length of the message in bytes.
     * @return this reader.
     */
    public ProtobufReader wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.start = offset;
        this.limit = offset + length;
        this.position = offset;
        this.fieldStart = offset;
        this.fieldNumber = 0;
        this.wireType = 0;
        this.value = 0;
        this.valueOffset = offset;
        this.valueLength = 0;
        this.errorCode = NO_ERROR;
        this.errorPosition = -1;
        return this;
    }

    /**
     * Read the next field whole.
     *
     * @return true with the field's number, wire type and value available; false at the end of the message or on an
     * error ({@link #errorCode()} tells which), and on every call after.
     */
    public boolean next()
    {
        if (NO_ERROR != errorCode || position >= limit)
        {
            return false;
        }

        fieldStart = position;
        final long tag = readVarint();
        if (NO_ERROR != errorCode)
        {
            return false;
        }
        if (tag > 0xFFFF_FFFFL || (tag >>> 3) < 1 || (tag >>> 3) > MAX_FIELD_NUMBER)
        {
            return fail(ERROR_BAD_FIELD_NUMBER, fieldStart);
        }
        fieldNumber = (int)(tag >>> 3);
        wireType = (int)(tag & 7);

        switch (wireType)
        {
            case WIRE_VARINT:
                value = readVarint();
                return NO_ERROR == errorCode;

            case WIRE_FIXED64:
                if (limit - position < Long.BYTES)
                {
                    return fail(ERROR_TRUNCATED, limit);
                }
                value = buffer.getLong(position, LITTLE_ENDIAN);
                valueOffset = position;
                valueLength = Long.BYTES;
                position += Long.BYTES;
                return true;

            case WIRE_LENGTH_DELIMITED:
            {
                final long length = readVarint();
                if (NO_ERROR != errorCode)
                {
                    return false;
                }
                // Unsigned comparison: a length beyond the region (or "negative", as Java sees a huge varint) is a cut.
                if (Long.compareUnsigned(length, limit - position) > 0)
                {
                    return fail(ERROR_TRUNCATED, limit);
                }
                valueOffset = position;
                valueLength = (int)length;
                value = length;
                position += (int)length;
                return true;
            }

            case WIRE_FIXED32:
                if (limit - position < Integer.BYTES)
                {
                    return fail(ERROR_TRUNCATED, limit);
                }
                value = buffer.getInt(position, LITTLE_ENDIAN) & 0xFFFF_FFFFL;
                valueOffset = position;
                valueLength = Integer.BYTES;
                position += Integer.BYTES;
                return true;

            default:
                return fail(ERROR_BAD_WIRE_TYPE, fieldStart);
        }
    }

    /**
     * Number of the field just read.
     *
     * @return from 1 to {@link #MAX_FIELD_NUMBER}.
     */
    public int fieldNumber()
    {
        return fieldNumber;
    }

    /**
     * Wire type of the field just read.
     *
     * @return one of the {@code WIRE_*} constants.
     */
    public int wireType()
    {
        return wireType;
    }

    /**
     * The varint (as 64 raw bits; an {@code int32} field is its low 32 bits), the fixed value (a fixed32 zero
     * extended), or the length of a length-delimited value.
     *
     * @return the value.
     */
    public long value()
    {
        return value;
    }

    /**
     * Offset in the buffer of a length-delimited or fixed value's bytes.
     *
     * @return the offset.
     */
    public int valueOffset()
    {
        return valueOffset;
    }

    /**
     * Length of a length-delimited or fixed value's bytes.
     *
     * @return the length.
     */
    public int valueLength()
    {
        return valueLength;
    }

    /**
     * Offset in the buffer of the tag of the field just read.
     *
     * @return the offset.
     */
    public int fieldStart()
    {
        return fieldStart;
    }

    /**
     * The buffer wrapped.
     *
     * @return the buffer.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Why reading failed.
     *
     * @return one of the {@code ERROR_*} codes, or {@link #NO_ERROR}.
     */
    public int errorCode()
    {
        return errorCode;
    }

    /**
     * Where reading failed, as an offset in the buffer: the offending byte, or the region's end when cut short.
     *
     * @return the offset, or -1 without an error.
     */
    public int errorPosition()
    {
        return errorPosition;
    }

    /**
     * Offset in the buffer where the wrapped region starts.
     *
     * @return the offset.
     */
    public int regionOffset()
    {
        return start;
    }

    /**
     * Length of the wrapped region.
     *
     * @return the length in bytes.
     */
    public int regionLength()
    {
        return limit - start;
    }

    /**
     * Name of an error code, for logs and tests.
     *
     * @param errorCode one of the {@code ERROR_*} codes.
     * @return its name.
     */
    public static String errorName(final int errorCode)
    {
        return errorCode >= 0 && errorCode < ERROR_NAMES.length ? ERROR_NAMES[errorCode] : "UNKNOWN(" + errorCode + ")";
    }

    /**
     * Decode a zig-zag encoded {@code sint64}.
     *
     * @param encoded the varint's 64 bits.
     * @return the signed value.
     */
    public static long decodeZigZag64(final long encoded)
    {
        return (encoded >>> 1) ^ -(encoded & 1);
    }

    /**
     * Decode a zig-zag encoded {@code sint32}.
     *
     * @param encoded the varint's low 32 bits.
     * @return the signed value.
     */
    public static int decodeZigZag32(final int encoded)
    {
        return (encoded >>> 1) ^ -(encoded & 1);
    }

    private long readVarint()
    {
        final DirectBuffer buffer = this.buffer;
        final int first = position;
        long result = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++)
        {
            final int at = first + i;
            if (at >= limit)
            {
                fail(ERROR_TRUNCATED, limit);
                return 0;
            }
            final int b = buffer.getByte(at) & 0xFF;
            if (MAX_VARINT_BYTES - 1 == i && b > 1)
            {
                fail(ERROR_MALFORMED_VARINT, at);
                return 0;
            }
            result |= (long)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                position = at + 1;
                return result;
            }
        }
        fail(ERROR_MALFORMED_VARINT, first + MAX_VARINT_BYTES - 1);
        return 0;
    }

    private boolean fail(final int errorCode, final int position)
    {
        this.errorCode = errorCode;
        this.errorPosition = position;
        return false;
    }
}
