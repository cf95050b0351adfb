/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Fixed-point decimals as a {@code long} mantissa and a power-of-ten exponent: {@code value = mantissa * 10^exponent}.
 * <p>
 * Parsing is done straight from ASCII bytes, because the decoders must not create a {@code String} per message;
 * formatting and conversions to {@code double} are for the edges (tools, summaries, the scanner's one conversion
 * at ingest).
 */
public final class FixedPoint
{
    /**
     * Returned by the parse methods when the text is not a decimal that fits exactly at the requested exponent.
     * It is SBE's null value for {@code int64}, so it can never be a valid mantissa on the wire.
     */
    public static final long INVALID = Long.MIN_VALUE;

    /**
     * Most significant digits accepted: 10^18 still fits in a long with room for the sign.
     */
    public static final int MAX_SIGNIFICANT_DIGITS = 18;

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

    private FixedPoint()
    {
    }

    /**
     * 10 raised to a power from 0 to 18.
     *
     * @param power from 0 to 18.
     * @return 10^power.
     */
    public static long powerOfTen(final int power)
    {
        return POWERS_OF_TEN[power];
    }

    /**
     * Parse ASCII decimal text, e.g. {@code 61837.63000000}, {@code -0.5}, {@code 12} or {@code 1.5e-3}, into a
     * mantissa at the given exponent. Digits beyond the exponent are accepted only when they are zeros, so no value is
     * ever rounded silently.
     *
     * @param buffer   holding the text.
     * @param offset   of the first character.
     * @param length   of the text in bytes.
     * @param exponent of the mantissa to return, e.g. -8.
     * @return the mantissa, or {@link #INVALID} if the text is malformed, too long or not exact at the exponent.
     */
    public static long parse(final DirectBuffer buffer, final int offset, final int length, final int exponent)
    {
        if (length <= 0)
        {
            return INVALID;
        }

        final int end = offset + length;
        int i = offset;
        boolean negative = false;
        final byte first = buffer.getByte(i);
        if ('-' == first)
        {
            negative = true;
            i++;
        }
        else if ('+' == first)
        {
            i++;
        }

        long digits = 0;
        int significantDigits = 0;
        int textExponent = 0;
        boolean seenDigit = false;
        boolean seenPoint = false;

        for (; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (b >= '0' && b <= '9')
            {
                seenDigit = true;
                if (0 == digits && '0' == b)
                {
                    if (seenPoint)
                    {
                        textExponent--;
                    }
                    continue;
                }

                if (significantDigits == MAX_SIGNIFICANT_DIGITS)
                {
                    // Only trailing zeros of a fraction may go beyond 18 digits: they change nothing.
                    if ('0' != b || !seenPoint)
                    {
                        return INVALID;
                    }
                    continue;
                }

                digits = digits * 10 + (b - '0');
                significantDigits++;
                if (seenPoint)
                {
                    textExponent--;
                }
            }
            else if ('.' == b && !seenPoint)
            {
                seenPoint = true;
            }
            else if (('e' == b || 'E' == b) && seenDigit)
            {
                final int power = parseExponent(buffer, i + 1, end);
                if (Integer.MIN_VALUE == power)
                {
                    return INVALID;
                }
                return scale(digits, negative, textExponent + power, exponent);
            }
            else
            {
                return INVALID;
            }
        }

        return seenDigit ? scale(digits, negative, textExponent, exponent) : INVALID;
    }

    private static int parseExponent(final DirectBuffer buffer, final int start, final int end)
    {
        int i = start;
        boolean negative = false;
        if (i < end)
        {
            final byte sign = buffer.getByte(i);
            if ('-' == sign || '+' == sign)
            {
                negative = '-' == sign;
                i++;
            }
        }

        if (i >= end || end - i > 3)
        {
            return Integer.MIN_VALUE;
        }

        int power = 0;
        for (; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (b < '0' || b > '9')
            {
                return Integer.MIN_VALUE;
            }
            power = power * 10 + (b - '0');
        }

        return negative ? -power : power;
    }

    /**
     * Re-express {@code digits * 10^textExponent} at {@code exponent}, exactly or not at all.
     */
    private static long scale(final long digits, final boolean negative, final int textExponent, final int exponent)
    {
        final int shift = textExponent - exponent;
        long mantissa;
        if (0 == digits)
        {
            mantissa = 0;
        }
        else if (shift >= 0)
        {
            if (shift > 18)
            {
                return INVALID;
            }
            final long factor = POWERS_OF_TEN[shift];
            if (digits > Long.MAX_VALUE / factor)
            {
                return INVALID;
            }
            mantissa = digits * factor;
        }
        else
        {
            if (-shift > 18)
            {
                return INVALID;
            }
            final long divisor = POWERS_OF_TEN[-shift];
            if (0 != digits % divisor)
            {
                return INVALID;
            }
            mantissa = digits / divisor;
        }

        return negative ? -mantissa : mantissa;
    }

    /**
     * Parse a decimal from a {@link CharSequence}; for configuration and tests, not the hot path.
     *
     * @param text     to parse.
     * @param exponent of the mantissa to return.
     * @return the mantissa, or {@link #INVALID}.
     */
    public static long parse(final CharSequence text, final int exponent)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[text.length()]);
        for (int i = 0; i < text.length(); i++)
        {
            buffer.putByte(i, (byte)text.charAt(i));
        }
        return parse(buffer, 0, text.length(), exponent);
    }

    /**
     * Convert to a double; the scanner does this once per value at ingest.
     *
     * @param mantissa of the value.
     * @param exponent of the value.
     * @return the value as a double.
     */
    public static double toDouble(final long mantissa, final int exponent)
    {
        if (exponent >= 0)
        {
            return mantissa * (double)POWERS_OF_TEN[exponent];
        }
        return mantissa / (double)POWERS_OF_TEN[-exponent];
    }

    /**
     * Nearest mantissa at the exponent for a double; for sizing and synthetic prices, never for wire values.
     *
     * @param value    to convert.
     * @param exponent of the mantissa.
     * @return the rounded mantissa.
     */
    public static long fromDouble(final double value, final int exponent)
    {
        if (exponent >= 0)
        {
            return Math.round(value / POWERS_OF_TEN[exponent]);
        }
        return Math.round(value * POWERS_OF_TEN[-exponent]);
    }

    /**
     * Re-express a mantissa at another exponent, rounding half away from zero when precision is lost.
     *
     * @param mantissa     to convert.
     * @param fromExponent of the mantissa.
     * @param toExponent   wanted.
     * @return the mantissa at {@code toExponent}.
     */
    public static long rescale(final long mantissa, final int fromExponent, final int toExponent)
    {
        final int shift = fromExponent - toExponent;
        if (0 == shift)
        {
            return mantissa;
        }
        if (shift > 0)
        {
            return mantissa * POWERS_OF_TEN[shift];
        }
        final long divisor = POWERS_OF_TEN[-shift];
        final long half = divisor / 2;
        return mantissa >= 0 ? (mantissa + half) / divisor : -((-mantissa + half) / divisor);
    }

    /**
     * Append the plain decimal form, without exponent and without trailing fractional zeros: 6168599000000 at -8 is
     * {@code 61685.99}, 6168600000000 at -8 is {@code 61686}.
     *
     * @param builder  to append to.
     * @param mantissa of the value.
     * @param exponent of the value.
     * @return the builder.
     */
    public static StringBuilder appendPlain(final StringBuilder builder, final long mantissa, final int exponent)
    {
        if (exponent >= 0)
        {
            builder.append(mantissa);
            for (int i = 0; i < exponent && 0 != mantissa; i++)
            {
                builder.append('0');
            }
            return builder;
        }

        final int scale = -exponent;
        if (mantissa < 0)
        {
            builder.append('-');
        }
        final long abs = Math.abs(mantissa);
        final long divisor = POWERS_OF_TEN[scale];
        builder.append(abs / divisor);
        long fraction = abs % divisor;
        if (0 != fraction)
        {
            int digits = scale;
            while (0 == fraction % 10)
            {
                fraction /= 10;
                digits--;
            }
            builder.append('.');
            final int start = builder.length();
            builder.append(fraction);
            final int written = builder.length() - start;
            for (int i = written; i < digits; i++)
            {
                builder.insert(start, '0');
            }
        }
        return builder;
    }

    /**
     * The plain decimal text of a value; see {@link #appendPlain(StringBuilder, long, int)}.
     *
     * @param mantissa of the value.
     * @param exponent of the value.
     * @return the text.
     */
    public static String toPlainString(final long mantissa, final int exponent)
    {
        return appendPlain(new StringBuilder(24), mantissa, exponent).toString();
    }
}
