/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

import io.hellmoon.sbe.Venue;
import org.agrona.DirectBuffer;

import java.util.Locale;

/**
 * Byte-level helpers for capture lines: finding text and parsing recorder timestamps straight from the line's bytes,
 * without a {@code String} per line.
 */
final class CaptureText
{
    /**
     * Returned by the time parsers for text that is not a valid time.
     */
    static final long INVALID_TIME = Long.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MIN_NANOS = 100_000_000_000_000_000L;
    private static final long MIN_MICROS = 100_000_000_000_000L;
    private static final long MIN_MILLIS = 100_000_000_000L;

    private CaptureText()
    {
    }

    /**
     * Parse an integer epoch time whose unit is told by its magnitude, as hftbacktest writes them: nanoseconds
     * (2024 files, 19 digits today), microseconds (2023 files, 16 digits) or milliseconds (13 digits). Times before
     * 1973 in any unit are rejected rather than guessed.
     *
     * @return epoch nanoseconds, or {@link #INVALID_TIME}.
     */
    static long parseEpochTime(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= 0 || length > 19)
        {
            return INVALID_TIME;
        }
        long value = 0;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (b < '0' || b > '9')
            {
                return INVALID_TIME;
            }
            value = value * 10 + (b - '0');
        }
        if (value < 0)
        {
            return INVALID_TIME;
        }
        if (value >= MIN_NANOS)
        {
            return value;
        }
        if (value >= MIN_MICROS)
        {
            return value * 1_000L;
        }
        if (value >= MIN_MILLIS)
        {
            return value * 1_000_000L;
        }
        return INVALID_TIME;
    }

    /**
     * Parse decimal seconds, e.g. {@code 1633998512.0633569} as cryptofeed writes Python floats, exactly from the
     * text: the integer part and up to nine fractional digits become nanoseconds with no binary rounding; digits
     * beyond the ninth (below a nanosecond) are truncated.
     *
     * @return epoch nanoseconds, or {@link #INVALID_TIME}.
     */
    static long parseSeconds(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= 0)
        {
            return INVALID_TIME;
        }
        final int end = offset + length;
        long seconds = 0;
        int i = offset;
        int integerDigits = 0;
        for (; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if ('.' == b)
            {
                break;
            }
            if (b < '0' || b > '9' || ++integerDigits > 11)
            {
                return INVALID_TIME;
            }
            seconds = seconds * 10 + (b - '0');
        }
        if (0 == integerDigits)
        {
            return INVALID_TIME;
        }

        long nanos = 0;
        int fractionDigits = 0;
        if (i < end)
        {
            i++;
            if (i == end)
            {
                return INVALID_TIME;
            }
            for (; i < end; i++)
            {
                final byte b = buffer.getByte(i);
                if (b < '0' || b > '9')
                {
                    return INVALID_TIME;
                }
                if (fractionDigits < 9)
                {
                    nanos = nanos * 10 + (b - '0');
                    fractionDigits++;
                }
            }
            for (; fractionDigits < 9; fractionDigits++)
            {
                nanos *= 10;
            }
        }
        return seconds * NANOS_PER_SECOND + nanos;
    }

    /**
     * First index of a byte in {@code [from, to)}, or -1.
     */
    static int indexOf(final DirectBuffer buffer, final int from, final int to, final byte value)
    {
        for (int i = from; i < to; i++)
        {
            if (value == buffer.getByte(i))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * First index of an ASCII pattern in {@code [from, to)}, or -1.
     */
    static int indexOf(final DirectBuffer buffer, final int from, final int to, final byte[] pattern)
    {
        final int last = to - pattern.length;
        final byte first = pattern[0];
        for (int i = from; i <= last; i++)
        {
            if (first == buffer.getByte(i) && matches(buffer, i, pattern))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the bytes at {@code index} are the pattern.
     */
    static boolean matches(final DirectBuffer buffer, final int index, final byte[] pattern)
    {
        if (index < 0 || index + pattern.length > buffer.capacity())
        {
            return false;
        }
        for (int j = 0; j < pattern.length; j++)
        {
            if (pattern[j] != buffer.getByte(index + j))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code [offset, offset + length)} starts with the pattern.
     */
    static boolean startsWith(final DirectBuffer buffer, final int offset, final int length, final byte[] pattern)
    {
        return length >= pattern.length && matches(buffer, offset, pattern);
    }

    /**
     * ASCII bytes of a constant.
     */
    static byte[] ascii(final String text)
    {
        final byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)text.charAt(i);
        }
        return bytes;
    }

    /**
     * Offset just past trailing ASCII whitespace removed from {@code [offset, end)}.
     */
    static int trimEnd(final DirectBuffer buffer, final int offset, final int end)
    {
        int last = end;
        while (last > offset && buffer.getByte(last - 1) <= ' ')
        {
            last--;
        }
        return last;
    }

    /**
     * First offset in {@code [offset, end)} that is not ASCII whitespace.
     */
    static int trimStart(final DirectBuffer buffer, final int offset, final int end)
    {
        int first = offset;
        while (first < end && buffer.getByte(first) <= ' ')
        {
            first++;
        }
        return first;
    }

    /**
     * The Binance venue of a WebSocket or REST URL by its host: {@code binance.us} hosts are Binance.US,
     * {@code fstream}/{@code fapi} (and the futures testnet) USD-M, {@code dstream}/{@code dapi} COIN-M, other
     * {@code binance.com}/{@code binance.vision} hosts spot. Start-up and snapshot lines only.
     *
     * @param url such as {@code wss://fstream.binance.com/stream?streams=...}.
     * @return the venue, or null if the host is not a known Binance host.
     */
    static Venue venueOfUrl(final String url)
    {
        final int schemeEnd = url.indexOf("://");
        final int hostStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int hostEnd = hostStart;
        while (hostEnd < url.length() && '/' != url.charAt(hostEnd) && ':' != url.charAt(hostEnd) &&
            '?' != url.charAt(hostEnd) && ' ' != url.charAt(hostEnd))
        {
            hostEnd++;
        }
        final String host = url.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT);

        if (host.endsWith("binance.us"))
        {
            return Venue.BINANCE_US;
        }
        if (host.startsWith("dstream.") || host.startsWith("dapi.") || host.startsWith("dstream-"))
        {
            return Venue.BINANCE_COINM;
        }
        if (host.startsWith("fstream.") || host.startsWith("fapi.") || host.startsWith("fstream-") ||
            host.endsWith("binancefuture.com"))
        {
            return Venue.BINANCE_USDM;
        }
        if (host.endsWith("binance.com") || host.endsWith("binance.vision"))
        {
            return Venue.BINANCE_SPOT;
        }
        return null;
    }
}
