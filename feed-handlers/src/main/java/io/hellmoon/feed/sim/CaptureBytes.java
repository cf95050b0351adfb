/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import org.agrona.DirectBuffer;

/**
 * Finds the parts of a Binance combined-stream envelope, {@code {"stream":"<name>","data":<payload>}}, in place: the
 * simulator routes recorded frames by their stream name and serves raw-stream clients the payload alone, so it needs
 * the two regions, not a parse. Also classifies stream names. Not thread safe (one flyweight per thread).
 */
final class CaptureBytes
{
    private static final byte[] STREAM_PREFIX = ascii("{\"stream\":\"");
    private static final byte[] DATA_KEY = ascii(",\"data\":");
    private static final byte[] DEPTH = ascii("depth");

    private int streamOffset;
    private int streamLength;
    private int dataOffset;
    private int dataLength;
    private int symbolLength;

    /**
     * Locate the stream name and the payload of an envelope written the way Binance writes it (stream first, no
     * whitespace between the keys).
     *
     * @return false if the frame is not such an envelope.
     */
    boolean wrapEnvelope(final DirectBuffer buffer, final int offset, final int length)
    {
        int end = offset + length;
        while (end > offset && buffer.getByte(end - 1) <= ' ')
        {
            end--;
        }
        if (end - offset < STREAM_PREFIX.length + DATA_KEY.length + 4 || !matches(buffer, offset, STREAM_PREFIX) ||
            '}' != buffer.getByte(end - 1))
        {
            return false;
        }
        final int nameStart = offset + STREAM_PREFIX.length;
        int nameEnd = nameStart;
        while (nameEnd < end && '"' != buffer.getByte(nameEnd))
        {
            final byte b = buffer.getByte(nameEnd);
            if ('\\' == b || b < ' ')
            {
                return false;
            }
            nameEnd++;
        }
        if (nameEnd == nameStart || nameEnd + 1 + DATA_KEY.length >= end ||
            !matches(buffer, nameEnd + 1, DATA_KEY))
        {
            return false;
        }
        final int payloadStart = nameEnd + 1 + DATA_KEY.length;
        final int payloadEnd = end - 1;
        if (payloadEnd <= payloadStart)
        {
            return false;
        }
        final byte first = buffer.getByte(payloadStart);
        if ('{' != first && '[' != first)
        {
            return false;
        }

        streamOffset = nameStart;
        streamLength = nameEnd - nameStart;
        dataOffset = payloadStart;
        dataLength = payloadEnd - payloadStart;
        int at = 0;
        while (at < streamLength && '@' != buffer.getByte(streamOffset + at))
        {
            at++;
        }
        symbolLength = at;
        return true;
    }

    int streamOffset()
    {
        return streamOffset;
    }

    int streamLength()
    {
        return streamLength;
    }

    int dataOffset()
    {
        return dataOffset;
    }

    int dataLength()
    {
        return dataLength;
    }

    /**
     * Length of the stream name's symbol part (before the first {@code @}).
     */
    int symbolLength()
    {
        return symbolLength;
    }

    /**
     * Whether the stream is a diff-depth stream ({@code <symbol>@depth}, {@code <symbol>@depth@100ms}), not a
     * partial-depth one ({@code <symbol>@depth20@100ms}).
     */
    boolean isDepthDiff(final DirectBuffer buffer)
    {
        final int typeStart = streamOffset + symbolLength + 1;
        final int streamEnd = streamOffset + streamLength;
        if (symbolLength == streamLength || typeStart + DEPTH.length > streamEnd ||
            !matches(buffer, typeStart, DEPTH))
        {
            return false;
        }
        final int after = typeStart + DEPTH.length;
        return after == streamEnd || '@' == buffer.getByte(after);
    }

    static boolean matches(final DirectBuffer buffer, final int index, final byte[] pattern)
    {
        if (index < 0 || index + pattern.length > buffer.capacity())
        {
            return false;
        }
        for (int i = 0; i < pattern.length; i++)
        {
            if (pattern[i] != buffer.getByte(index + i))
            {
                return false;
            }
        }
        return true;
    }

    static byte[] ascii(final String text)
    {
        final byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)text.charAt(i);
        }
        return bytes;
    }
}
