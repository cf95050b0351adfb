/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.json;

import io.hellmoon.codecs.FixedPoint;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;

import static io.hellmoon.feed.json.JsonNumberParser.INEXACT;
import static io.hellmoon.feed.json.JsonNumberParser.MALFORMED;
import static io.hellmoon.feed.json.JsonNumberParser.OK;
import static io.hellmoon.feed.json.JsonNumberParser.TOO_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonNumberParserTest
{
    private static final Pattern GRAMMAR = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final JsonNumberParser parser = new JsonNumberParser();

    @ParameterizedTest
    @CsvSource({
        "0, OK, 0",
        "-0, OK, 0",
        "007, OK, 7",
        "1723161255208, OK, 1723161255208",
        "-1, OK, -1",
        "9223372036854775807, OK, 9223372036854775807",
        "-9223372036854775808, OK, -9223372036854775808",
        "9223372036854775808, TOO_LONG, 0",
        "-9223372036854775809, TOO_LONG, 0",
        "99999999999999999999999, TOO_LONG, 0",
        "1.0, MALFORMED, 0",
        "1e3, MALFORMED, 0",
        "+1, MALFORMED, 0",
        "-, MALFORMED, 0",
        "12a, MALFORMED, 0",
    })
    void shouldParseIntegers(final String text, final String status, final long value)
    {
        assertEquals(status, JsonNumberParser.statusName(parser.parseLong(buffer(text), 3, text.length())));
        if (OK == parser.parseLong(buffer(text), 3, text.length()))
        {
            assertEquals(value, parser.value());
        }
        assertEquals(MALFORMED, parser.parseLong(buffer(""), 3, 0));
    }

    @ParameterizedTest(name = "[{index}] {0} at {1}")
    @CsvSource({
        "61837.63000000, -8, OK, 6183763000000",
        "0.00000000, -8, OK, 0",
        "-0.5, -1, OK, -5",
        "1.5e-3, -8, OK, 150000",
        "1.5E+3, 0, OK, 1500",
        "2507, -3, OK, 2507000",
        "100, 2, OK, 1",
        "150, 2, INEXACT, 0",
        "0.000000001, -8, INEXACT, 0",
        "1e-30, -8, INEXACT, 0",
        "0e999, -8, OK, 0",
        "92233720368.54775800, -8, OK, 9223372036854775800",
        "92233720368.54775807, -8, TOO_LONG, 0",
        "92233720368.54775808, -8, TOO_LONG, 0",
        "92233720368.5477581, -8, TOO_LONG, 0",
        "1234567890123456789, 0, TOO_LONG, 0",
        "123456789012345678.000000, 0, OK, 123456789012345678",
        "1000000000000000000000, 3, OK, 1000000000000000000",
        "1e30, -8, TOO_LONG, 0",
        "1e99999999999, -8, TOO_LONG, 0",
        "'', -8, MALFORMED, 0",
        ".5, -8, MALFORMED, 0",
        "5., -8, MALFORMED, 0",
        "+5, -8, MALFORMED, 0",
        "1.2.3, -8, MALFORMED, 0",
        "1e, -8, MALFORMED, 0",
        "1e+, -8, MALFORMED, 0",
        "'1 ', -8, MALFORMED, 0",
        "0x10, -8, MALFORMED, 0",
    })
    void shouldParseDecimalsAtAnExponentExactlyOrNotAtAll(
        final String text, final int exponent, final String status, final long mantissa)
    {
        final String value = null == text ? "" : text;
        final int result = parser.parseFixed(buffer(value), 3, value.length(), exponent);
        assertEquals(status, JsonNumberParser.statusName(result), value);
        if (OK == result)
        {
            assertEquals(mantissa, parser.value());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "2036102085.69746400, OK, 2036102085697464, -6",
        "0.00038167, OK, 38167, -8",
        "-0.00010000, OK, -1, -4",
        "1500, OK, 1500, 0",
        "0.000, OK, 0, 0",
        "1.5e3, OK, 15, 2",
        "423075730671.12853, OK, 42307573067112853, -5",
        "1e127, OK, 1, 127",
        "1e128, TOO_LONG, 0, 0",
        "1e-128, OK, 1, -128",
        "1e-129, INEXACT, 0, 0",
        "0.1234567890123456789, TOO_LONG, 0, 0",
        "abc, MALFORMED, 0, 0",
    })
    void shouldParseDecimalsWithTheExponentTheyNeed(
        final String text, final String status, final long mantissa, final int exponent)
    {
        final int result = parser.parseDecimal(buffer(text), 3, text.length());
        assertEquals(status, JsonNumberParser.statusName(result), text);
        if (OK == result)
        {
            assertEquals(mantissa, parser.mantissa());
            assertEquals(exponent, parser.exponent());
        }
    }

    @Test
    void shouldAgreeWithBigDecimalAndFixedPointOnRandomNumbers()
    {
        final Random random = new Random(61837L);
        int ok = 0;
        for (int i = 0; i < 200_000; i++)
        {
            final String text = randomNumber(random);
            final int exponent = random.nextInt(25) - 18;
            final int expected = oracleStatus(text, exponent);
            final int actual = parser.parseFixed(buffer(text), 3, text.length(), exponent);
            assertEquals(JsonNumberParser.statusName(expected), JsonNumberParser.statusName(actual),
                text + " at " + exponent);
            if (OK == actual)
            {
                ok++;
                final long mantissa = parser.value();
                assertEquals(0, bigDecimal(text).compareTo(BigDecimal.valueOf(mantissa, -exponent)), text);
                final long fixedPoint = FixedPoint.parse(text, exponent);
                assertTrue(FixedPoint.INVALID == fixedPoint || fixedPoint == mantissa, text);

                assertEquals(OK, parser.parseDecimal(buffer(text), 3, text.length()), text);
                assertEquals(0, bigDecimal(text).compareTo(BigDecimal.valueOf(parser.mantissa(),
                    -parser.exponent())), text);
            }
        }
        assertTrue(ok > 50_000, "exact results: " + ok);
    }

    private static int oracleStatus(final String text, final int exponent)
    {
        if (!GRAMMAR.matcher(text).matches())
        {
            return MALFORMED;
        }
        final String[] parts = text.split("[eE]");
        final BigDecimal digits = new BigDecimal(parts[0]).stripTrailingZeros();
        if (0 == digits.signum())
        {
            return OK;
        }
        if (digits.precision() > JsonNumberParser.MAX_SIGNIFICANT_DIGITS)
        {
            return TOO_LONG;
        }
        // value = unscaled * 10^(power - scale), unscaled without trailing zeros; at the exponent it needs a shift of:
        final long shift = power(parts) - digits.scale() - exponent;
        if (shift < 0)
        {
            return INEXACT;
        }
        if (shift > 40)
        {
            return TOO_LONG;
        }
        final BigInteger mantissa = digits.unscaledValue().abs().multiply(BigInteger.TEN.pow((int)shift));
        return mantissa.compareTo(LONG_MAX) > 0 ? TOO_LONG : OK;
    }

    private static long power(final String[] parts)
    {
        if (1 == parts.length)
        {
            return 0;
        }
        final BigInteger power = new BigInteger(parts[1].startsWith("+") ? parts[1].substring(1) : parts[1]);
        return power.max(BigInteger.valueOf(-1_000_000)).min(BigInteger.valueOf(1_000_000)).longValueExact();
    }

    /**
     * The value of a number that parsed, so its exponent is small.
     */
    private static BigDecimal bigDecimal(final String text)
    {
        final String[] parts = text.split("[eE]");
        return new BigDecimal(parts[0]).scaleByPowerOfTen((int)power(parts));
    }

    private static String randomNumber(final Random random)
    {
        final StringBuilder text = new StringBuilder();
        if (0 == random.nextInt(4))
        {
            text.append('-');
        }
        final int integerDigits = 1 + random.nextInt(random.nextBoolean() ? 4 : 21);
        appendDigits(text, integerDigits, random);
        if (random.nextBoolean())
        {
            text.append('.');
            appendDigits(text, 1 + random.nextInt(random.nextBoolean() ? 9 : 22), random);
        }
        if (0 == random.nextInt(6))
        {
            text.append(random.nextBoolean() ? 'e' : 'E');
            final int sign = random.nextInt(3);
            text.append(0 == sign ? "" : 1 == sign ? "+" : "-");
            text.append(random.nextInt(random.nextBoolean() ? 20 : 400));
        }
        if (0 == random.nextInt(50))
        {
            text.setCharAt(random.nextInt(text.length()), ".e-+x 5".charAt(random.nextInt(7)));
        }
        return text.toString();
    }

    private static void appendDigits(final StringBuilder text, final int count, final Random random)
    {
        // Runs of zeros are what trips digit counting, so make them common.
        for (int i = 0; i < count; i++)
        {
            text.append(0 == random.nextInt(3) ? '0' : (char)('0' + random.nextInt(10)));
        }
    }

    private static UnsafeBuffer buffer(final String text)
    {
        return new UnsafeBuffer(("999" + text + "999").getBytes(StandardCharsets.US_ASCII));
    }
}
