/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.synthetic;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * A growable byte array that JSON frames are formatted into, number by number, and a queue of the frames it holds.
 * <p>
 * Hand-written because the generator must not allocate per frame: numbers are written as ASCII digits straight into
 * the array (no {@code String}, no {@code StringBuilder}), and fixed-point values are written from their unscaled
 * {@code long} with an exact number of decimals, the way Binance prints prices and quantities. The array only grows
 * during warm-up; after that every frame reuses it.
 */
final class AsciiFrameBuffer
{
    private static final byte[] DIGITS = "0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
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

    private byte[] bytes;
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private int position;

    private int[] frameOffsets = new int[64];
    private int[] frameLengths = new int[64];
    private long[] frameTimesNs = new long[64];
    private int frameCount;
    private int nextFrame;
    private int frameStart;

    AsciiFrameBuffer(final int initialCapacity)
    {
        bytes = new byte[initialCapacity];
        view.wrap(bytes);
    }

    UnsafeBuffer view()
    {
        return view;
    }

    int position()
    {
        return position;
    }

    /**
     * Make room for at least {@code length} more bytes; call before writing a frame with its worst-case length.
     */
    void ensureRemaining(final int length)
    {
        if (bytes.length - position < length)
        {
            final byte[] grown = new byte[Math.max(bytes.length * 2, position + length)];
            System.arraycopy(bytes, 0, grown, 0, position);
            bytes = grown;
            view.wrap(bytes);
        }
    }

    void beginFrame(final int maxLength)
    {
        ensureRemaining(maxLength);
        frameStart = position;
    }

    void endFrame(final long timeNs)
    {
        if (frameCount == frameOffsets.length)
        {
            final int capacity = frameCount * 2;
            frameOffsets = java.util.Arrays.copyOf(frameOffsets, capacity);
            frameLengths = java.util.Arrays.copyOf(frameLengths, capacity);
            frameTimesNs = java.util.Arrays.copyOf(frameTimesNs, capacity);
        }
        frameOffsets[frameCount] = frameStart;
        frameLengths[frameCount] = position - frameStart;
        frameTimesNs[frameCount] = timeNs;
        frameCount++;
    }

    boolean hasPendingFrames()
    {
        return nextFrame < frameCount;
    }

    int nextFrameOffset()
    {
        return frameOffsets[nextFrame];
    }

    int nextFrameLength()
    {
        return frameLengths[nextFrame];
    }

    long nextFrameTimeNs()
    {
        return frameTimesNs[nextFrame];
    }

    /**
     * Mark the head frame delivered; when the last one is, the buffer is reused from the start.
     */
    void advance()
    {
        if (++nextFrame == frameCount)
        {
            reset();
        }
    }

    void reset()
    {
        nextFrame = 0;
        frameCount = 0;
        position = 0;
    }

    void put(final byte[] ascii)
    {
        System.arraycopy(ascii, 0, bytes, position, ascii.length);
        position += ascii.length;
    }

    void put(final byte b)
    {
        bytes[position++] = b;
    }

    void putQuoted(final byte[] ascii)
    {
        bytes[position++] = '"';
        System.arraycopy(ascii, 0, bytes, position, ascii.length);
        position += ascii.length;
        bytes[position++] = '"';
    }

    void putBoolean(final boolean value)
    {
        if (value)
        {
            bytes[position++] = 't';
            bytes[position++] = 'r';
            bytes[position++] = 'u';
            bytes[position++] = 'e';
        }
        else
        {
            bytes[position++] = 'f';
            bytes[position++] = 'a';
            bytes[position++] = 'l';
            bytes[position++] = 's';
            bytes[position++] = 'e';
        }
    }

    /**
     * A decimal integer, e.g. {@code -12}.
     */
    void putLong(final long value)
    {
        if (value < 0)
        {
            bytes[position++] = '-';
            putDigits(-value, 1);
        }
        else
        {
            putDigits(value, 1);
        }
    }

    /**
     * A fixed-point value with exactly {@code decimals} fraction digits: {@code (6180020, 2)} is {@code 61800.20},
     * {@code (14, 3)} is {@code 0.014}, {@code (7, 0)} is {@code 7}.
     */
    void putDecimal(final long unscaled, final int decimals)
    {
        long value = unscaled;
        if (value < 0)
        {
            bytes[position++] = '-';
            value = -value;
        }
        if (0 == decimals)
        {
            putDigits(value, 1);
            return;
        }

        final long divisor = POWERS_OF_TEN[decimals];
        putDigits(value / divisor, 1);
        bytes[position++] = '.';
        putDigits(value % divisor, decimals);
    }

    /**
     * {@link #putDecimal(long, int)} in double quotes, as Binance sends prices and quantities.
     */
    void putQuotedDecimal(final long unscaled, final int decimals)
    {
        bytes[position++] = '"';
        putDecimal(unscaled, decimals);
        bytes[position++] = '"';
    }

    private void putDigits(final long value, final int minDigits)
    {
        int digits = 1;
        long remaining = value / 10;
        while (0 != remaining)
        {
            digits++;
            remaining /= 10;
        }
        if (digits < minDigits)
        {
            digits = minDigits;
        }

        long rest = value;
        final int end = position + digits;
        for (int i = end - 1; i >= position; i--)
        {
            bytes[i] = DIGITS[(int)(rest % 10)];
            rest /= 10;
        }
        position = end;
    }
}
