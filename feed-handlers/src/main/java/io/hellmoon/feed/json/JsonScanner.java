/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.json;

import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A forward-only reader for a decoder that knows the shape of the JSON it expects: each method consumes one expected
 * element at the current position (a structural byte, a field name, a string, an integer, a decimal string, a
 * literal) and returns false, at the first byte that is not what it expects, whether the text is not JSON at all or
 * merely JSON of another shape. It is the fast path of a decoder: on false the decoder starts again on the whole
 * text with the validating {@link JsonCursor}, which says what is wrong and where. So this class never reports an
 * error, and it need only be right when it says yes: everything it accepts is valid JSON that the cursor tokenizes
 * to the same values. It accepts no escapes in strings, which venues' stream frames never have (a text with them
 * takes the general path). Whitespace between tokens is accepted but only looked for where an expectation has just
 * failed, after which the expectation is tried again: compact frames pay nothing for it, pretty-printed ones
 * (fixtures, recorders, proxies) still take the fast path. A method that returns false may have consumed whitespace,
 * never anything else.
 * <p>
 * <b>In place, one pass, 8 bytes at a time.</b> The region's bounds are checked once, in {@link #wrap}; afterwards
 * bytes are read with {@link UnsafeApi} straight from the buffer's {@link DirectBuffer#byteArray() array} or
 * {@link DirectBuffer#addressOffset() address}, exactly as {@code UnsafeBuffer} reads them minus its per-access bounds
 * check (and minus the interface call a {@code DirectBuffer} argument costs where several implementations are
 * seen). Strings are searched for their closing quote, and runs of digits are found and converted, a word of 8
 * bytes at a time (SWAR: SIMD within a register), so a price is scanned and turned into its digits and scale in the
 * same loop that finds where it ends.
 * <p>
 * <b>Why reading in place is safe.</b> Every read is at an index in {@code [offset, offset + length)}, the region
 * {@link #wrap} checked against the buffer's capacity: {@link #byteAt} reads a byte only below the end of the
 * region, {@link #wordAt} reads 8 bytes only when all 8 are below it and otherwise assembles the word from the bytes
 * that are. Reads at or past the end see zero bytes instead, a virtual padding that no token can contain (a zero
 * byte ends every digit run, is a control character inside a string, and matches no structural byte), so scanning
 * loops stop there without testing the end on every byte, and nothing past the region is ever read, let alone
 * trusted.
 * <p>
 * Results of the last element read are left in fields ({@link #value()}, {@link #scale()}, {@link #stringOffset()},
 * {@link #stringLength()}); nothing is allocated. Not thread safe.
 */
public final class JsonScanner
{
    /**
     * Returned by {@link #fieldName(JsonFieldTable)} when the input is not a field name followed by a colon.
     */
    public static final int NOT_A_FIELD_NAME = -2;

    /**
     * Returned by {@link #literal()} for {@code true}.
     */
    public static final int TRUE = JsonCursor.TRUE;

    /**
     * Returned by {@link #literal()} for {@code false}.
     */
    public static final int FALSE = JsonCursor.FALSE;

    /**
     * Returned by {@link #literal()} for {@code null}.
     */
    public static final int NULL = JsonCursor.NULL;

    /**
     * Returned by {@link #literal()} when the input is not a literal.
     */
    public static final int NOT_A_LITERAL = -1;

    /**
     * Most digits a number read here may have (leading zeros included): below 10^18, so it fits a long with room to
     * scale; longer numbers are left to the general path.
     */
    public static final int MAX_DIGITS = JsonNumberParser.MAX_SIGNIFICANT_DIGITS;

    /**
     * Returned by {@link #fixedString(int)} for text it does not take; never a mantissa, which it only returns when
     * not negative.
     */
    public static final long NOT_FIXED = -1;

    private static final boolean NATIVE_LITTLE_ENDIAN = ByteOrder.LITTLE_ENDIAN == ByteOrder.nativeOrder();

    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long ZERO_CHARS = 0x3030_3030_3030_3030L;
    private static final long QUOTES = 0x2222_2222_2222_2222L;
    private static final long BACKSLASHES = 0x5C5C_5C5C_5C5C_5C5CL;
    private static final long SPACES = 0x2020_2020_2020_2020L;
    private static final long ABOVE_NINE = 0x7676_7676_7676_7676L;

    // "x": with x any byte: the quote, colon and quote of a one-byte field name, little-endian.
    private static final long ONE_BYTE_NAME_MASK = 0xFF_FF_00_FFL;
    private static final long ONE_BYTE_NAME_FRAME = 0x3A_22_00_22L;

    private static final long TRUE_WORD = word("true");
    private static final long FALSE_WORD = word("false");
    private static final long NULL_WORD = word("null");

    private static final long[] POWERS_OF_TEN = new long[MAX_DIGITS + 1];

    // The largest digits that can be scaled up by 10^i without overflow: a table, so the check needs no division.
    private static final long[] MAX_BEFORE_SCALING = new long[MAX_DIGITS + 1];

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

    private DirectBuffer buffer;
    private byte[] array;
    private long address;
    private int end;
    private int position;
    private int stringOffset;
    private int stringLength;
    private long value;
    private int scale;
    private int runLength;

    /**
     * Start on a JSON text.
     *
     * @param buffer holding the text.
     * @param offset of its first byte.
     * @param length of the text in bytes.
     * @return this scanner.
     * @throws IndexOutOfBoundsException if the region is not inside the buffer.
     */
    public JsonScanner wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        buffer.boundsCheck(offset, length);
        this.buffer = buffer;
        array = buffer.byteArray();
        address = buffer.addressOffset();
        end = offset + length;
        position = offset;
        return this;
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
     * Offset in the buffer of the next byte to read.
     *
     * @return the offset.
     */
    public int position()
    {
        return position;
    }

    /**
     * Whether the whole text has been read.
     *
     * @return true at the end of the region.
     */
    public boolean atEnd()
    {
        return position == end || (skipWhitespace() && position == end);
    }

    /**
     * Consume one expected byte.
     *
     * @param expected an ASCII byte other than zero.
     * @return true if it was there.
     */
    public boolean skip(final byte expected)
    {
        if (expected == byteAt(position))
        {
            position++;
            return true;
        }
        return skipWhitespace() && skip(expected);
    }

    /**
     * Consume expected bytes given as a {@link #word(String) word}: compares them all at once. No whitespace is
     * passed before them, as they may continue a token (the {@code ":} that closes a field name): see
     * {@link #skipToken(long, int)}.
     *
     * @param expected the bytes as built by {@link #word(String)}.
     * @param length   how many bytes, from 1 to 8.
     * @return true if they were there.
     */
    public boolean skip(final long expected, final int length)
    {
        final long mask = -1L >>> (64 - 8 * length);
        if (expected == (wordAt(position) & mask))
        {
            position += length;
            return true;
        }
        return false;
    }

    /**
     * As {@link #skip(long, int)} for bytes that begin a token (a field name, a structural byte), which whitespace
     * may precede.
     *
     * @param expected the bytes as built by {@link #word(String)}.
     * @param length   how many bytes, from 1 to 8.
     * @return true if they were there.
     */
    public boolean skipToken(final long expected, final int length)
    {
        return skip(expected, length) || (skipWhitespace() && skip(expected, length));
    }

    /**
     * Whether the next byte is the one given, without consuming it.
     *
     * @param expected an ASCII byte other than zero.
     * @return true if it is next.
     */
    public boolean peek(final byte expected)
    {
        return expected == byteAt(position);
    }

    /**
     * Consume a field name and its colon, {@code "name":}, and find its slot.
     *
     * @param names the table of field names of interest.
     * @return the slot, {@link JsonFieldTable#NO_SLOT} for a name not in the table, or {@link #NOT_A_FIELD_NAME}.
     */
    public int fieldName(final JsonFieldTable names)
    {
        final int at = position;
        final long word = wordAt(at);
        if (ONE_BYTE_NAME_FRAME == (word & ONE_BYTE_NAME_MASK))
        {
            // Most venue field names are one byte; that byte must still be one a string may hold as it is.
            final byte name = (byte)(word >>> 8);
            if ('"' != name && '\\' != name && (name & 0xFF) >= 0x20)
            {
                position = at + 4;
                return names.slotOf(name);
            }
            return NOT_A_FIELD_NAME;
        }
        if (skipWhitespace())
        {
            return fieldName(names);
        }
        if (!string() || !skip((byte)':'))
        {
            return NOT_A_FIELD_NAME;
        }
        return names.slotOf(buffer, stringOffset, stringLength);
    }

    /**
     * Consume a string without escapes or control characters; its content is then at {@link #stringOffset()} for
     * {@link #stringLength()} bytes.
     *
     * @return true if one was there.
     */
    public boolean string()
    {
        final int quote = position;
        if ('"' != byteAt(quote))
        {
            return skipWhitespace() && string();
        }
        int i = quote + 1;
        long special;
        while (0 == (special = quoteEscapeOrControl(wordAt(i))))
        {
            i += 8;
        }
        i += Long.numberOfTrailingZeros(special) >>> 3;
        if ('"' != byteAt(i))
        {
            return false;
        }
        stringOffset = quote + 1;
        stringLength = i - quote - 1;
        position = i + 1;
        return true;
    }

    /**
     * Offset in the buffer of the content of the last string or field name read.
     *
     * @return the offset.
     */
    public int stringOffset()
    {
        return stringOffset;
    }

    /**
     * Length of the content of the last string or field name read.
     *
     * @return the length in bytes.
     */
    public int stringLength()
    {
        return stringLength;
    }

    /**
     * Up to 8 bytes of the content of the last string read, from its byte {@code 8 * index}, as a little-endian word
     * whose bytes past the content are zero: with {@link #stringLength()}, a key for the content that needs no copy.
     *
     * @param index of the word, from 0.
     * @return the word, zero when the content is shorter.
     */
    public long stringWord(final int index)
    {
        final int remaining = stringLength - 8 * index;
        if (remaining <= 0)
        {
            return 0;
        }
        final long word = wordAt(stringOffset + 8 * index);
        return remaining >= 8 ? word : word & (-1L >>> (64 - 8 * remaining));
    }

    /**
     * Whether the content of the last string read equals the given ASCII bytes.
     *
     * @param ascii to compare with.
     * @return true if equal byte for byte.
     */
    public boolean stringEquals(final byte[] ascii)
    {
        final int length = stringLength;
        if (length != ascii.length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (ascii[i] != byteAt(stringOffset + i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Index of the content of the last string read in a list of names.
     *
     * @param names ASCII names.
     * @return the index of the first equal name, or -1.
     */
    public int stringIndex(final byte[][] names)
    {
        for (int i = 0; i < names.length; i++)
        {
            if (stringEquals(names[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * Consume a JSON number that is an integer of at most {@link #MAX_DIGITS} digits, optionally negative; its value
     * is then in {@link #value()}. The byte after it is not consumed: a fraction or an exponent there makes the
     * caller's next expectation fail.
     *
     * @return true if one was there.
     */
    public boolean integer()
    {
        final int first = position;
        final long word = wordAt(first);
        final int length = leadingDigits(word);
        // Ids and times of up to 7 digits, and the 8 to 15 of millisecond times and most venue ids, in at most two
        // words without a loop; longer, signed or odd ones take the general scan below.
        if (length > 0 && length < 8)
        {
            if ('0' == (byte)word && length > 1)
            {
                return false;
            }
            value = digitsValue(word, length);
            position = first + length;
            return true;
        }
        if (8 == length && '0' != (byte)word)
        {
            final long second = wordAt(first + 8);
            final int secondLength = leadingDigits(second);
            if (secondLength < 8)
            {
                final long high = digitsValue(word, 8);
                value = 0 == secondLength ?
                    high : high * POWERS_OF_TEN[secondLength] + digitsValue(second, secondLength);
                position = first + 8 + secondLength;
                return true;
            }
        }
        return signedInteger();
    }

    private boolean signedInteger()
    {
        if (skipWhitespace())
        {
            return integer();
        }
        int i = position;
        final boolean negative = '-' == byteAt(i);
        if (negative)
        {
            i++;
        }
        final long digits = digitRun(i);
        final int length = runLength;
        // JSON allows no leading zero: "01" is not a number.
        if (0 == length || length > MAX_DIGITS || ('0' == byteAt(i) && length > 1))
        {
            return false;
        }
        value = negative ? -digits : digits;
        position = i + length;
        return true;
    }

    /**
     * Consume a string holding a plain non-negative decimal, {@code "digits(.digits)?"} with at most
     * {@link #MAX_DIGITS} digits in all (leading zeros allowed), and return it as a mantissa at the given exponent
     * when it is exactly representable there: {@code "61808.30"} at -8 is 6180830000000. This is the fused form of
     * {@link #decimalString()} followed by {@link JsonNumberParser#fixed}, and gives the same result, for prices
     * and sizes read straight into a message.
     * <p>
     * Why a separate method: the decimals venues send fit one or two words (an integer part of at most 7 digits, a
     * fraction of at most 8, or of 9 to 15 in a second word), so both parts are located and converted without a
     * loop, the dot is found as the first non-digit of the first word, and the scaling by the exponent is one
     * multiply from a table; anything else goes through the general scan. A negative decimal, an exponent, an
     * inexact or too large value is not taken ({@link #NOT_FIXED}, nothing consumed): the caller's general path
     * decides about it.
     *
     * @param exponent of the mantissa wanted, from -18 to 18.
     * @return the mantissa, not negative, or {@link #NOT_FIXED}.
     */
    public long fixedString(final int exponent)
    {
        final int quote = position;
        if ('"' != byteAt(quote))
        {
            return skipWhitespace() ? fixedString(exponent) : NOT_FIXED;
        }
        final long word = wordAt(quote + 1);
        final int integerLength = leadingDigits(word);
        if (0 == integerLength || 8 == integerLength)
        {
            // No digit first (a sign, a dot, an empty string): not taken; 8 or more integer digits: the general scan.
            return 0 == integerLength ? NOT_FIXED : fixedStringGeneral(exponent);
        }
        long digits;
        int scale = 0;
        int i = quote + 1 + integerLength;
        if ('.' != (byte)(word >>> (integerLength << 3)))
        {
            digits = digitsValue(word, integerLength);
        }
        else
        {
            // The fraction's digits in the rest of the word (the zero bytes shifted in end the run; two shifts, as
            // Java takes a shift of 64 as 0).
            final long rest = (word >>> (integerLength << 3)) >>> 8;
            final int fractionInWord = leadingDigits(rest);
            i += 1 + fractionInWord;
            if (0 != fractionInWord && (i - quote - 1 < 8 || !isDigit(byteAt(i))))
            {
                // The whole decimal is in this word: close the dot's gap and convert all its digits at once, as one
                // integer at the fraction's scale ("61837.60" is 6183760 at scale 2), one conversion instead of two.
                final long integerMask = (1L << (integerLength << 3)) - 1;
                scale = fractionInWord;
                digits = digitsValue((word & integerMask) | (rest << (integerLength << 3)), integerLength + scale);
            }
            else
            {
                // A longer fraction (spot's 8 decimals), out of line so that this method stays small enough for the
                // JIT to inline.
                return fixedStringLongFraction(exponent, word, integerLength);
            }
        }
        if ('"' != byteAt(i))
        {
            return NOT_FIXED;
        }

        final long mantissa = scale(digits, -scale - exponent);
        if (NOT_FIXED != mantissa)
        {
            position = i + 1;
        }
        return mantissa;
    }

    /**
     * {@link #fixedString(int)} for a decimal whose fraction does not end in its first word: converted from its own
     * words, at most two, then scaled alike.
     */
    private long fixedStringLongFraction(final int exponent, final long word, final int integerLength)
    {
        int i = position + 2 + integerLength;
        final long fractionWord = wordAt(i);
        final int fractionLength = leadingDigits(fractionWord);
        if (0 == fractionLength)
        {
            return NOT_FIXED;
        }
        long fraction = digitsValue(fractionWord, fractionLength);
        int scale = fractionLength;
        i += fractionLength;
        if (8 == fractionLength)
        {
            final long moreWord = wordAt(i);
            final int moreLength = leadingDigits(moreWord);
            if (0 != moreLength)
            {
                if (8 == moreLength || integerLength + 8 + moreLength > MAX_DIGITS)
                {
                    return fixedStringGeneral(exponent);
                }
                fraction = fraction * POWERS_OF_TEN[moreLength] + digitsValue(moreWord, moreLength);
                scale += moreLength;
                i += moreLength;
            }
        }
        final long digits = digitsValue(word, integerLength) * POWERS_OF_TEN[scale] + fraction;
        if ('"' != byteAt(i))
        {
            return NOT_FIXED;
        }

        final long mantissa = scale(digits, -scale - exponent);
        if (NOT_FIXED != mantissa)
        {
            position = i + 1;
        }
        return mantissa;
    }

    /**
     * {@link #fixedString(int)} for decimals longer than it converts without a loop.
     */
    private long fixedStringGeneral(final int exponent)
    {
        final int start = position;
        if (!decimalString() || value < 0)
        {
            return NOT_FIXED;
        }
        final long mantissa = scale(value, -scale - exponent);
        if (NOT_FIXED == mantissa)
        {
            position = start;
        }
        return mantissa;
    }

    /**
     * Digits x 10^shift if exact and in range, else {@link #NOT_FIXED}; as {@link JsonNumberParser#fixed}.
     */
    private static long scale(final long digits, final int shift)
    {
        if (0 == digits)
        {
            return 0;
        }
        if (shift >= 0)
        {
            return shift > MAX_DIGITS || digits > MAX_BEFORE_SCALING[shift] ? NOT_FIXED : digits * POWERS_OF_TEN[shift];
        }
        // digits < 10^18, so a divisor of 10^19 or more can never divide it.
        if (-shift > MAX_DIGITS)
        {
            return NOT_FIXED;
        }
        final long divisor = POWERS_OF_TEN[-shift];
        final long quotient = digits / divisor;
        return quotient * divisor == digits ? quotient : NOT_FIXED;
    }

    /**
     * Consume a string holding a plain decimal, {@code "-?digits(.digits)?"} with at most {@link #MAX_DIGITS} digits
     * in all (leading zeros are allowed, as venues send them): the digits as an integer are then in {@link #value()}
     * (negative if the text is) and the number of fractional digits in {@link #scale()}, so {@code "61808.00"} is
     * 6180800 at scale 2. Read with the closing quote in the same pass; an exponent, a sign other than a leading minus
     * or anything else is refused.
     *
     * @return true if one was there.
     */
    public boolean decimalString()
    {
        int i = position;
        if ('"' != byteAt(i))
        {
            return skipWhitespace() && decimalString();
        }
        i++;
        final boolean negative = '-' == byteAt(i);
        if (negative)
        {
            i++;
        }
        long digits = digitRun(i);
        final int integerLength = runLength;
        if (0 == integerLength)
        {
            return false;
        }
        i += integerLength;

        int fractionLength = 0;
        if ('.' == byteAt(i))
        {
            final long fraction = digitRun(i + 1);
            fractionLength = runLength;
            if (0 == fractionLength || integerLength + fractionLength > MAX_DIGITS)
            {
                return false;
            }
            digits = digits * POWERS_OF_TEN[fractionLength] + fraction;
            i += 1 + fractionLength;
        }
        if (integerLength > MAX_DIGITS || '"' != byteAt(i))
        {
            return false;
        }

        value = negative ? -digits : digits;
        scale = fractionLength;
        position = i + 1;
        return true;
    }

    /**
     * The integer from {@link #integer()}, or the digits from {@link #decimalString()}.
     *
     * @return the value.
     */
    public long value()
    {
        return value;
    }

    /**
     * Fractional digits of the last {@link #decimalString()}: its value is {@link #value()} x 10^-scale.
     *
     * @return the scale.
     */
    public int scale()
    {
        return scale;
    }

    /**
     * Consume {@code true}, {@code false} or {@code null}. The byte after it is not consumed.
     *
     * @return {@link #TRUE}, {@link #FALSE}, {@link #NULL} or {@link #NOT_A_LITERAL}.
     */
    public int literal()
    {
        final long word = wordAt(position);
        if (TRUE_WORD == (word & 0xFFFF_FFFFL))
        {
            position += 4;
            return TRUE;
        }
        if (FALSE_WORD == (word & 0xFF_FFFF_FFFFL))
        {
            position += 5;
            return FALSE;
        }
        if (NULL_WORD == (word & 0xFFFF_FFFFL))
        {
            position += 4;
            return NULL;
        }
        return skipWhitespace() ? literal() : NOT_A_LITERAL;
    }

    /**
     * Consume a value that is not an object or array, checking it as {@link JsonCursor} would: a string (here without
     * escapes), any JSON number, {@code true}, {@code false} or {@code null}.
     *
     * @return true if one was there.
     */
    public boolean scalar()
    {
        final byte first = byteAt(position);
        if ('"' == first)
        {
            return string();
        }
        if ('-' == first || (first >= '0' && first <= '9'))
        {
            return number();
        }
        return skipWhitespace() ? scalar() : NOT_A_LITERAL != literal();
    }

    /**
     * Build the little-endian word of up to 8 ASCII bytes that {@link #skip(long, int)} compares with.
     *
     * @param ascii from 1 to 8 ASCII characters.
     * @return the word.
     */
    public static long word(final String ascii)
    {
        final byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < 1 || bytes.length > 8)
        {
            throw new IllegalArgumentException("1 to 8 bytes: '" + ascii + "'");
        }
        long word = 0;
        for (int i = bytes.length - 1; i >= 0; i--)
        {
            word = (word << 8) | (bytes[i] & 0xFF);
        }
        return word;
    }

    /**
     * Any JSON number, checked against the grammar but not converted (it belongs to a field nobody reads).
     */
    private boolean number()
    {
        int i = position;
        if ('-' == byteAt(i))
        {
            i++;
        }
        int length = digitCount(i);
        if (0 == length || ('0' == byteAt(i) && length > 1))
        {
            return false;
        }
        i += length;
        if ('.' == byteAt(i))
        {
            length = digitCount(i + 1);
            if (0 == length)
            {
                return false;
            }
            i += 1 + length;
        }
        final byte e = byteAt(i);
        if ('e' == e || 'E' == e)
        {
            i++;
            final byte sign = byteAt(i);
            if ('+' == sign || '-' == sign)
            {
                i++;
            }
            length = digitCount(i);
            if (0 == length)
            {
                return false;
            }
            i += length;
        }
        position = i;
        return true;
    }

    /**
     * Length of the run of ASCII digits at an offset, of any length.
     */
    private int digitCount(final int offset)
    {
        int i = offset;
        int n;
        while (8 == (n = leadingDigits(wordAt(i))))
        {
            i += 8;
        }
        return i + n - offset;
    }

    /**
     * The value of the run of ASCII digits at an offset, its length left in {@link #runLength}; the value is only
     * meaningful when the length is at most {@link #MAX_DIGITS}, and the run is not read further than one word past
     * that.
     */
    private long digitRun(final int offset)
    {
        long value = 0;
        int length = 0;
        int n;
        do
        {
            final long word = wordAt(offset + length);
            n = leadingDigits(word);
            if (0 != n)
            {
                value = value * POWERS_OF_TEN[n] + digitsValue(word, n);
                length += n;
            }
        }
        while (8 == n && length <= MAX_DIGITS);
        runLength = length;
        return value;
    }

    /**
     * How many of a word's bytes, from its first (lowest), are ASCII digits: 0 to 8.
     * <p>
     * Subtracting '0' from every byte leaves digits as 0..9; adding 0x76 then sets the high bit of every byte above
     * 9, and OR-ing in the subtraction's own result sets it for bytes that were below '0'. A borrow or carry between
     * bytes only ever starts at a byte already flagged, so the lowest flagged byte is exactly the first non-digit.
     */
    private static int leadingDigits(final long word)
    {
        final long x = word - ZERO_CHARS;
        final long nonDigits = (x | (x + ABOVE_NINE)) & HIGH_BITS;
        return Long.numberOfTrailingZeros(nonDigits) >>> 3;
    }

    /**
     * The value of a word's first {@code n} bytes, all ASCII digits, 1 &lt;= n &lt;= 8: the digits are shifted up so
     * the unused low bytes become leading zeros, then combined pairwise, in fours and in eights with three multiplies
     * (the conversion of eight digits at once from Lemire, "Faster Integer Parsing", 2018).
     */
    private static long digitsValue(final long word, final int n)
    {
        long x = (word - ZERO_CHARS) << (64 - 8 * n);
        x = (x * 10) + (x >>> 8);
        return (((x & 0x0000_00FF_0000_00FFL) * (100 + (1_000_000L << 32))) +
            (((x >>> 16) & 0x0000_00FF_0000_00FFL) * (1 + (10_000L << 32)))) >>> 32;
    }

    /**
     * The high bit set in each byte of a word that is a quote, a backslash or a control character (below 0x20); as
     * for {@link #leadingDigits}, the lowest flagged byte is exact, higher ones may not be.
     */
    private static long quoteEscapeOrControl(final long word)
    {
        final long quotes = word ^ QUOTES;
        final long backslashes = word ^ BACKSLASHES;
        return ((quotes - ONES) & ~quotes | (backslashes - ONES) & ~backslashes | (word - SPACES) & ~word) &
            HIGH_BITS;
    }

    /**
     * Skip JSON whitespace (space, tab, line feed, carriage return) at the position. Called only where an
     * expectation has just failed, and then the caller tries again: the compact frames venues send never pay for
     * whitespace, and pretty-printed ones (recorders, fixtures, proxies) still take the fast path.
     *
     * @return true if there was any.
     */
    private boolean skipWhitespace()
    {
        final int start = position;
        int i = start;
        byte b;
        while (' ' == (b = byteAt(i)) || '\n' == b || '\r' == b || '\t' == b)
        {
            i++;
        }
        position = i;
        return i != start;
    }

    private static boolean isDigit(final byte b)
    {
        return b >= '0' && b <= '9';
    }

    /**
     * The byte at an offset, or zero at and past the end of the region (the virtual padding).
     */
    private byte byteAt(final int offset)
    {
        return offset < end ? UnsafeApi.getByte(array, address + offset) : 0;
    }

    /**
     * The 8 bytes from an offset as a little-endian word (the byte at the offset lowest), bytes at and past the end of
     * the region read as zero.
     */
    private long wordAt(final int offset)
    {
        if (offset <= end - 8)
        {
            final long word = UnsafeApi.getLong(array, address + offset);
            return NATIVE_LITTLE_ENDIAN ? word : Long.reverseBytes(word);
        }
        long word = 0;
        for (int i = Math.min(end, offset + 8) - 1; i >= offset; i--)
        {
            word = (word << 8) | (UnsafeApi.getByte(array, address + i) & 0xFF);
        }
        return word;
    }
}
