/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.json;

import org.agrona.DirectBuffer;

/**
 * Converts number text, from a JSON number or the content of a JSON string (venues send decimals as strings), into
 * exact fixed-point values: a {@code long} integer, a mantissa at a given exponent, or a mantissa with its own
 * exponent (SBE's {@code Decimal64}).
 * <p>
 * Same semantics as {@code io.hellmoon.codecs.FixedPoint.parse} (exact or not at all, never rounded), but it reports
 * why a value was refused, so a decoder can count a malformed number apart from one with too many digits or one
 * finer than the instrument's scale, without parsing it twice. The grammar is JSON's number grammar except that
 * leading zeros are allowed ({@code "007.50"}); no sign other than a leading minus, no bare dot, no whitespace.
 * <p>
 * Results are left in fields read through {@link #value()}, {@link #mantissa()} and {@link #exponent()}, so nothing
 * is allocated. Not thread safe.
 */
public final class JsonNumberParser
{
    /**
     * The text was converted.
     */
    public static final int OK = 0;

    /**
     * The text is not a number: empty, stray characters, a lone sign, a dot without digits, a fraction or exponent
     * where an integer is required.
     */
    public static final int MALFORMED = 1;

    /**
     * The number has more significant digits than a {@code long} mantissa holds (18), or is too large for the
     * requested exponent.
     */
    public static final int TOO_LONG = 2;

    /**
     * The number has more non-zero fractional digits than the requested exponent keeps; it would have to be rounded.
     */
    public static final int INEXACT = 3;

    /**
     * Most significant digits a mantissa keeps: 10^18 still fits in a long.
     */
    public static final int MAX_SIGNIFICANT_DIGITS = 18;

    private static final int MAX_EXPONENT_MAGNITUDE = 9999;
    private static final long[] POWERS_OF_TEN = new long[MAX_SIGNIFICANT_DIGITS + 1];

    // The largest digits that can be scaled up by 10^i without overflow: a table, so the check needs no division.
    private static final long[] MAX_BEFORE_SCALING = new long[MAX_SIGNIFICANT_DIGITS + 1];

    static
    {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = power;
            MAX_BEFORE_SCALING[i] = Long.MAX_VALUE / power;
            power *= 10;
        }
    }

    private long value;
    private int exponent;
    private long digits;
    private int textExponent;
    private boolean negative;

    /**
     * Parse an integer: an optional minus and decimal digits only.
     *
     * @param buffer holding the text.
     * @param offset of the first byte.
     * @param length of the text.
     * @return {@link #OK} with the result in {@link #value()}, or {@link #MALFORMED} or {@link #TOO_LONG}.
     */
    public int parseLong(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= 0)
        {
            return MALFORMED;
        }
        final int end = offset + length;
        int i = offset;
        final boolean negative = '-' == buffer.getByte(i);
        if (negative)
        {
            i++;
            if (i == end)
            {
                return MALFORMED;
            }
        }

        // Accumulate negatively so Long.MIN_VALUE parses too.
        long result = 0;
        for (; i < end; i++)
        {
            final int digit = buffer.getByte(i) - '0';
            if (digit < 0 || digit > 9)
            {
                return MALFORMED;
            }
            if (result < (Long.MIN_VALUE + digit) / 10)
            {
                return TOO_LONG;
            }
            result = result * 10 - digit;
        }

        if (!negative)
        {
            if (Long.MIN_VALUE == result)
            {
                return TOO_LONG;
            }
            result = -result;
        }
        value = result;
        return OK;
    }

    /**
     * Parse a decimal into a mantissa at a fixed exponent, exactly: {@code "61837.63"} at -8 is 6183763000000.
     *
     * @param buffer   holding the text.
     * @param offset   of the first byte.
     * @param length   of the text.
     * @param exponent of the mantissa wanted, from -18 to 18.
     * @return {@link #OK} with the mantissa in {@link #value()}, or {@link #MALFORMED}, {@link #TOO_LONG} or
     * {@link #INEXACT}.
     */
    public int parseFixed(final DirectBuffer buffer, final int offset, final int length, final int exponent)
    {
        final int status = scan(buffer, offset, length);
        if (OK != status)
        {
            return status;
        }
        final int fixedStatus = fixed(digits, textExponent, exponent);
        if (OK == fixedStatus && negative)
        {
            value = -value;
        }
        return fixedStatus;
    }

    /**
     * The exact mantissa at a fixed exponent of a decimal already split into its digits and their power of ten, for
     * a reader that scanned the text itself (see {@link JsonScanner#decimalString()}): the second half of
     * {@link #parseFixed}.
     *
     * @param digits       the significant digits, non-negative and below 10^18.
     * @param textExponent the power of ten they are scaled by: {@code 61837.63} is 6183763 at -2.
     * @param exponent     of the mantissa wanted, from -18 to 18.
     * @return {@link #OK} with the non-negative mantissa in {@link #value()}, or {@link #TOO_LONG} or
     * {@link #INEXACT}.
     */
    public int fixed(final long digits, final int textExponent, final int exponent)
    {
        if (0 == digits)
        {
            value = 0;
            return OK;
        }

        final int shift = textExponent - exponent;
        if (shift >= 0)
        {
            if (shift > MAX_SIGNIFICANT_DIGITS || digits > MAX_BEFORE_SCALING[shift])
            {
                return TOO_LONG;
            }
            value = digits * POWERS_OF_TEN[shift];
            return OK;
        }

        // digits < 10^18, so a divisor of 10^19 or more can never divide it.
        if (-shift > MAX_SIGNIFICANT_DIGITS)
        {
            return INEXACT;
        }
        final long divisor = POWERS_OF_TEN[-shift];
        if (0 != digits % divisor)
        {
            return INEXACT;
        }
        value = digits / divisor;
        return OK;
    }

    /**
     * Parse a decimal into a mantissa and the exponent its text needs, trailing fractional zeros dropped:
     * {@code "2036102085.69746400"} is 2036102085697464 at -6, {@code "0.000"} is 0 at 0, {@code "1500"} is 1500 at 0.
     *
     * @param buffer holding the text.
     * @param offset of the first byte.
     * @param length of the text.
     * @return {@link #OK} with the result in {@link #mantissa()} and {@link #exponent()} (from -128 to 127, SBE's
     * {@code int8}), or {@link #MALFORMED}, {@link #TOO_LONG} or {@link #INEXACT}.
     */
    public int parseDecimal(final DirectBuffer buffer, final int offset, final int length)
    {
        final int status = scan(buffer, offset, length);
        if (OK != status)
        {
            return status;
        }
        final int decimalStatus = decimal(digits, textExponent);
        if (OK == decimalStatus && negative)
        {
            value = -value;
        }
        return decimalStatus;
    }

    /**
     * The mantissa and exponent of a decimal already split into its digits and their power of ten, trailing
     * fractional zeros dropped, for a reader that scanned the text itself: the second half of {@link #parseDecimal}.
     *
     * @param digits       the significant digits, non-negative and below 10^18.
     * @param textExponent the power of ten they are scaled by.
     * @return {@link #OK} with the non-negative mantissa in {@link #mantissa()} and the exponent in
     * {@link #exponent()}, or {@link #TOO_LONG} or {@link #INEXACT} when the exponent is outside SBE's {@code int8}.
     */
    public int decimal(final long digits, final int textExponent)
    {
        long mantissa = digits;
        int exponent = 0 == mantissa ? 0 : textExponent;
        while (exponent < 0 && 0 == mantissa % 10)
        {
            mantissa /= 10;
            exponent++;
        }
        if (exponent > Byte.MAX_VALUE)
        {
            return TOO_LONG;
        }
        if (exponent < Byte.MIN_VALUE)
        {
            return INEXACT;
        }

        value = mantissa;
        this.exponent = exponent;
        return OK;
    }

    /**
     * The integer from {@link #parseLong} or the mantissa from {@link #parseFixed}.
     *
     * @return the value of the last successful parse.
     */
    public long value()
    {
        return value;
    }

    /**
     * The mantissa from {@link #parseDecimal}; the same as {@link #value()}.
     *
     * @return the mantissa.
     */
    public long mantissa()
    {
        return value;
    }

    /**
     * The exponent from {@link #parseDecimal}.
     *
     * @return the exponent.
     */
    public int exponent()
    {
        return exponent;
    }

    /**
     * Name of a status, for messages and tests.
     *
     * @param status returned by a parse method.
     * @return its name.
     */
    public static String statusName(final int status)
    {
        switch (status)
        {
            case OK:
                return "OK";
            case MALFORMED:
                return "MALFORMED";
            case TOO_LONG:
                return "TOO_LONG";
            case INEXACT:
                return "INEXACT";
            default:
                return "UNKNOWN(" + status + ")";
        }
    }

    /**
     * Read sign, significant digits (at most 18, leading zeros skipped, zeros past the 18th absorbed into the
     * exponent when that changes nothing) and the power of ten they are scaled by.
     */
    private int scan(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= 0)
        {
            return MALFORMED;
        }

        final int end = offset + length;
        int i = offset;
        negative = '-' == buffer.getByte(i);
        if (negative)
        {
            i++;
        }

        long digits = 0;
        int significantDigits = 0;
        int textExponent = 0;
        boolean tooLong = false;

        final int integerStart = i;
        for (; i < end; i++)
        {
            final int digit = buffer.getByte(i) - '0';
            if (digit < 0 || digit > 9)
            {
                break;
            }
            if (0 == digits && 0 == digit)
            {
                continue;
            }
            if (significantDigits < MAX_SIGNIFICANT_DIGITS)
            {
                digits = digits * 10 + digit;
                significantDigits++;
            }
            else if (0 == digit)
            {
                textExponent++;
            }
            else
            {
                tooLong = true;
                textExponent++;
            }
        }
        if (i == integerStart)
        {
            return MALFORMED;
        }

        if (i < end && '.' == buffer.getByte(i))
        {
            i++;
            final int fractionStart = i;
            for (; i < end; i++)
            {
                final int digit = buffer.getByte(i) - '0';
                if (digit < 0 || digit > 9)
                {
                    break;
                }
                if (0 == digits && 0 == digit)
                {
                    textExponent--;
                }
                else if (significantDigits < MAX_SIGNIFICANT_DIGITS)
                {
                    digits = digits * 10 + digit;
                    significantDigits++;
                    textExponent--;
                }
                else if (0 != digit)
                {
                    tooLong = true;
                }
            }
            if (i == fractionStart)
            {
                return MALFORMED;
            }
        }

        if (i < end)
        {
            final byte e = buffer.getByte(i);
            if ('e' != e && 'E' != e)
            {
                return MALFORMED;
            }
            i++;
            boolean negativeExponent = false;
            if (i < end)
            {
                final byte sign = buffer.getByte(i);
                if ('-' == sign || '+' == sign)
                {
                    negativeExponent = '-' == sign;
                    i++;
                }
            }
            if (i == end)
            {
                return MALFORMED;
            }
            int power = 0;
            for (; i < end; i++)
            {
                final int digit = buffer.getByte(i) - '0';
                if (digit < 0 || digit > 9)
                {
                    return MALFORMED;
                }
                power = Math.min(power * 10 + digit, MAX_EXPONENT_MAGNITUDE);
            }
            textExponent += negativeExponent ? -power : power;
        }

        if (tooLong)
        {
            return TOO_LONG;
        }
        this.digits = digits;
        this.textExponent = textExponent;
        return OK;
    }
}
