/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A preallocated ASCII text buffer for decision details: appends strings, numbers and bytes without allocating, and
 * silently truncates at its capacity (a detail is a hint for humans, never parsed). Single threaded.
 */
final class AsciiText
{
    private static final double[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000 };

    private final UnsafeBuffer buffer;
    private final int capacity;
    private int length;

    AsciiText(final int capacity)
    {
        this.capacity = capacity;
        this.buffer = new UnsafeBuffer(new byte[capacity]);
    }

    AsciiText reset()
    {
        length = 0;
        return this;
    }

    int length()
    {
        return length;
    }

    DirectBuffer buffer()
    {
        return buffer;
    }

    AsciiText append(final CharSequence text)
    {
        final int count = Math.min(text.length(), capacity - length);
        for (int i = 0; i < count; i++)
        {
            final char c = text.charAt(i);
            buffer.putByte(length++, c < 0x80 ? (byte)c : (byte)'?');
        }
        return this;
    }

    AsciiText append(final byte[] bytes)
    {
        final int count = Math.min(bytes.length, capacity - length);
        buffer.putBytes(length, bytes, 0, count);
        length += count;
        return this;
    }

    AsciiText append(final char c)
    {
        if (length < capacity)
        {
            buffer.putByte(length++, (byte)c);
        }
        return this;
    }

    AsciiText append(final long value)
    {
        if (capacity - length >= 20)
        {
            length += buffer.putLongAscii(length, value);
        }
        return this;
    }

    /**
     * Append a number with a fixed number of decimals (0 to 6), rounded half up; NaN and infinities as words.
     */
    AsciiText append(final double value, final int decimals)
    {
        if (Double.isNaN(value))
        {
            return append("NaN");
        }
        if (Double.isInfinite(value))
        {
            return append(value > 0 ? "inf" : "-inf");
        }
        final double scale = POWERS_OF_TEN[decimals];
        final double scaled = Math.abs(value) * scale;
        if (scaled >= 9.0e17)
        {
            return append(value > 0 ? "huge" : "-huge");
        }
        final long rounded = Math.round(scaled);
        final long whole = rounded / (long)scale;
        long fraction = rounded % (long)scale;
        if (value < 0 && 0 != rounded)
        {
            append('-');
        }
        append(whole);
        if (decimals > 0)
        {
            append('.');
            for (long divisor = (long)scale / 10; divisor > 0; divisor /= 10)
            {
                append((char)('0' + fraction / divisor));
                fraction %= divisor;
            }
        }
        return this;
    }

    void copyFrom(final AsciiText other)
    {
        buffer.putBytes(0, other.buffer, 0, other.length);
        length = other.length;
    }

    public String toString()
    {
        return buffer.getStringWithoutLengthAscii(0, length);
    }
}
