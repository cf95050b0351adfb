/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.json;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.hellmoon.feed.json.JsonFieldTable.NO_SLOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scanner's one promise is that what it accepts is valid JSON read to the same values as {@link JsonCursor} and
 * {@link JsonNumberParser} read it; these tests hold it to that on every length around its 8-byte words, at the
 * end of the region (where it must not read on) and on random input.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JsonScannerTest
{
    private static final int OFFSET = 3;

    private final JsonScanner scanner = new JsonScanner();
    private final JsonCursor cursor = new JsonCursor(8);
    private final JsonNumberParser numbers = new JsonNumberParser();

    @Test
    void shouldReadIntegersOfEveryLengthWhereverTheyEnd()
    {
        final Random random = new Random(17);
        for (int digits = 1; digits <= JsonScanner.MAX_DIGITS; digits++)
        {
            for (int trial = 0; trial < 200; trial++)
            {
                final long value = randomDigits(random, digits, false);
                for (final String text : new String[]{ Long.toString(value), "-" + value })
                {
                    for (final String after : new String[]{ "", ",", "}", "]" })
                    {
                        wrapWithJunk(text + after);
                        assertTrue(scanner.integer(), text + after);
                        assertEquals(Long.parseLong(text), scanner.value(), text);
                        assertEquals(OFFSET + text.length(), scanner.position(), text);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-", "01", "-01", "00", "1234567890123456789", "a", "+1", "\"1\"" })
    void shouldRefuseWhatIsNotAShortJsonInteger(final String text)
    {
        wrapWithJunk(text);
        assertFalse(scanner.integer(), text);
        assertEquals(OFFSET, scanner.position());
    }

    @Test
    void shouldLeaveFractionsAndExponentsToTheCaller()
    {
        wrapWithJunk("12.5");
        assertTrue(scanner.integer());
        assertFalse(scanner.skip((byte)','), "the caller's next expectation fails on the dot");
        wrapWithJunk("0e1");
        assertTrue(scanner.integer());
        assertTrue(scanner.peek((byte)'e'));
    }

    @Test
    void shouldReadDecimalStringsExactlyAsTheNumberParserDoes()
    {
        final Random random = new Random(42);
        for (int trial = 0; trial < 100_000; trial++)
        {
            final int integerDigits = 1 + random.nextInt(12);
            final int fractionDigits = random.nextInt(10);
            final StringBuilder text = new StringBuilder();
            if (0 == random.nextInt(10))
            {
                text.append('-');
            }
            appendDigits(random, text, integerDigits);
            if (fractionDigits > 0)
            {
                text.append('.');
                appendDigits(random, text, fractionDigits);
            }
            final String json = "\"" + text + "\"";
            wrapWithJunk(json);
            final boolean accepted = scanner.decimalString();
            assertEquals(integerDigits + fractionDigits <= JsonScanner.MAX_DIGITS, accepted, json);
            if (!accepted)
            {
                continue;
            }
            assertEquals(OFFSET + json.length(), scanner.position(), json);

            final UnsafeBuffer buffer = new UnsafeBuffer(text.toString().getBytes(StandardCharsets.US_ASCII));
            assertEquals(JsonNumberParser.OK, numbers.parseDecimal(buffer, 0, buffer.capacity()), json);
            final long mantissa = numbers.mantissa();
            final int exponent = numbers.exponent();
            assertEquals(JsonNumberParser.OK, numbers.decimal(Math.abs(scanner.value()), -scanner.scale()), json);
            assertEquals(mantissa, scanner.value() < 0 ? -numbers.mantissa() : numbers.mantissa(), json);
            assertEquals(exponent, numbers.exponent(), json);

            for (final int at : new int[]{ -8, -2, 0, 3 })
            {
                final int expected = numbers.parseFixed(buffer, 0, buffer.capacity(), at);
                final long expectedValue = numbers.value();
                final int status = numbers.fixed(Math.abs(scanner.value()), -scanner.scale(), at);
                assertEquals(expected, status, json + " at " + at);
                if (JsonNumberParser.OK == status)
                {
                    assertEquals(expectedValue, scanner.value() < 0 ? -numbers.value() : numbers.value(), json);
                }
            }
        }
    }

    @Test
    void shouldReadDecimalStringsAsMantissasExactlyAsTheNumberParserDoes()
    {
        final Random random = new Random(7);
        final String[] afters = { "", "]", ",", "}" };
        final int[] exponents = { -18, -10, -8, -4, -2, -1, 0, 2 };
        int accepted = 0;
        for (int trial = 0; trial < 200_000; trial++)
        {
            // Lengths around every word boundary, leading and trailing zeros, and now and then a sign.
            final int integerDigits = 1 + random.nextInt(14);
            final int fractionDigits = random.nextInt(19);
            final StringBuilder text = new StringBuilder();
            final boolean negative = 0 == random.nextInt(20);
            if (negative)
            {
                text.append('-');
            }
            if (0 == random.nextInt(4))
            {
                text.append("0".repeat(integerDigits));
            }
            else
            {
                appendDigits(random, text, integerDigits);
            }
            if (fractionDigits > 0)
            {
                text.append('.');
                appendDigits(random, text, fractionDigits);
                if (0 == random.nextInt(3))
                {
                    text.append("0".repeat(random.nextInt(6)));
                }
            }
            final String json = "\"" + text + "\"";
            final String after = afters[random.nextInt(afters.length)];
            final int exponent = exponents[random.nextInt(exponents.length)];

            final UnsafeBuffer buffer = new UnsafeBuffer(text.toString().getBytes(StandardCharsets.US_ASCII));
            final int status = numbers.parseFixed(buffer, 0, buffer.capacity(), exponent);
            final long expected = numbers.value();
            final int digitCount = text.length() - (negative ? 1 : 0) - (fractionDigits > 0 ? 1 : 0);

            wrapWithJunk(json + after);
            final long mantissa = scanner.fixedString(exponent);
            if (JsonScanner.NOT_FIXED == mantissa)
            {
                assertEquals(OFFSET, scanner.position(), json);
                // Only what the general path must decide is left to it: signs, too many digits, inexact values.
                assertTrue(negative || digitCount > JsonScanner.MAX_DIGITS || JsonNumberParser.OK != status,
                    json + " at " + exponent + ": refused, but the parser reads " + expected);
                continue;
            }
            accepted++;
            assertEquals(JsonNumberParser.OK, status, json + " at " + exponent);
            assertEquals(expected, mantissa, json + " at " + exponent);
            assertEquals(OFFSET + json.length(), scanner.position(), json);
        }
        assertTrue(accepted > 20_000, "accepted: " + accepted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"\"", "\"-1\"", "\".5\"", "\"5.\"", "\"1e3\"", "\"+1\"", "\" 1\"", "\"1 \"", "\"1,5\"", "\"1.2.3\"",
        "\"0.1234567890123456789\"", "\"1234567890123456789\"", "\"12", "\"12.", "\"12.5", "\"12.50000000",
        "\"12345678.5", "12.5", "\"1\\u0030\"", "\"0.000000001\"", "\"99999999999.9\"" })
    void shouldRefuseWhatIsNotAnExactPlainDecimalStringAtTheExponent(final String text)
    {
        wrapWithJunk(text);
        assertEquals(JsonScanner.NOT_FIXED, scanner.fixedString(-8), text);
        assertEquals(OFFSET, scanner.position());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"\"", "\"-\"", "\".5\"", "\"5.\"", "\"1e3\"", "\"+1\"", "\" 1\"", "\"1 \"", "\"1,5\"", "\"1.2.3\"",
        "\"0.1234567890123456789\"", "\"1234567890123456789\"", "\"12", "\"12.", "\"12.5", "12.5", "\"1\\u0030\"" })
    void shouldRefuseWhatIsNotAPlainDecimalString(final String text)
    {
        wrapWithJunk(text);
        assertFalse(scanner.decimalString(), text);
        assertEquals(OFFSET, scanner.position());
    }

    @Test
    void shouldFindTheClosingQuoteAtEveryDistance()
    {
        for (int length = 0; length < 40; length++)
        {
            final String content = "abcdefghijklmnopqrstuvwxyz0123456789-_./".substring(0, length);
            for (final String after : new String[]{ "", ",", "\"" })
            {
                final String json = "\"" + content + "\"" + after;
                wrapWithJunk(json);
                assertTrue(scanner.string(), json);
                assertEquals(OFFSET + 1, scanner.stringOffset());
                assertEquals(length, scanner.stringLength());
                assertEquals(OFFSET + length + 2, scanner.position());
                assertTrue(scanner.stringEquals(content.getBytes(StandardCharsets.US_ASCII)));
            }

            wrapWithJunk("\"" + content);
            assertFalse(scanner.string(), "unterminated, although junk after the region has a quote");
            for (final String bad : new String[]{ "\\\"", "\\n", "\u0001", "\t", "\u0000" })
            {
                wrapWithJunk("\"" + content + bad + "x\"");
                assertFalse(scanner.string(), content + bad);
            }
        }
    }

    @Test
    void shouldPassBytesAboveAsciiInStringsAsTheCursorDoes()
    {
        final byte[] json = { '"', (byte)0xC3, (byte)0xA9, (byte)0xFF, (byte)0x80, '"' };
        scanner.wrap(new UnsafeBuffer(json), 0, json.length);
        assertTrue(scanner.string());
        assertEquals(4, scanner.stringLength());
    }

    @Test
    void shouldReadFieldNamesIntoSlots()
    {
        final JsonFieldTable names = new JsonFieldTable("e", "E", "pu", "lastUpdateId");
        wrapWithJunk("\"E\":\"pu\":\"x\":\"xy\":\"lastUpdateId\":\"\":");
        assertEquals(1, scanner.fieldName(names));
        assertEquals(2, scanner.fieldName(names));
        assertEquals(NO_SLOT, scanner.fieldName(names));
        assertEquals(NO_SLOT, scanner.fieldName(names));
        assertEquals(3, scanner.fieldName(names));
        assertEquals(NO_SLOT, scanner.fieldName(names));
        assertTrue(scanner.atEnd());

        for (final String bad : new String[]{ "\"\"\":", "\"\\\":", "\"\u0001\":", "\"e\"", "e:", "\"e\\u0041\":" })
        {
            wrapWithJunk(bad);
            assertEquals(JsonScanner.NOT_A_FIELD_NAME, scanner.fieldName(names), bad);
        }
    }

    @Test
    void shouldPassWhitespaceBetweenTokensAsTheCursorDoes()
    {
        final JsonFieldTable names = new JsonFieldTable("e", "E", "p", "m", "pu");
        final String json = " {\n  \"e\" : \"trade\",\r\n\t\"E\": 1562305380000 ,\n  \"p\": \"11794.15000000\"," +
            " \"m\":  true, \"pu\" :\"0.5\" , \"x\": null\n}\n ";
        wrapWithJunk(json);
        assertTrue(scanner.skip((byte)'{'));
        assertEquals(0, scanner.fieldName(names));
        assertTrue(scanner.string());
        assertTrue(scanner.skip((byte)','));
        assertEquals(1, scanner.fieldName(names));
        assertTrue(scanner.integer());
        assertEquals(1562305380000L, scanner.value());
        assertTrue(scanner.skip((byte)','));
        assertEquals(2, scanner.fieldName(names));
        assertEquals(1179415000000L, scanner.fixedString(-8));
        assertTrue(scanner.skip((byte)','));
        assertEquals(3, scanner.fieldName(names));
        assertEquals(JsonScanner.TRUE, scanner.literal());
        assertTrue(scanner.skip((byte)','));
        assertEquals(4, scanner.fieldName(names));
        assertTrue(scanner.decimalString());
        assertTrue(scanner.skip((byte)','));
        assertEquals(NO_SLOT, scanner.fieldName(names));
        assertTrue(scanner.scalar());
        assertTrue(scanner.skip((byte)'}'));
        assertTrue(scanner.atEnd());

        // Inside a string whitespace is content, never skipped: a decimal with a space in it is refused.
        wrapWithJunk("\" 1\"");
        assertEquals(JsonScanner.NOT_FIXED, scanner.fixedString(-8));
    }

    @Test
    void shouldReadLiteralsAndScalars()
    {
        wrapWithJunk("truefalsenull");
        assertEquals(JsonScanner.TRUE, scanner.literal());
        assertEquals(JsonScanner.FALSE, scanner.literal());
        assertEquals(JsonScanner.NULL, scanner.literal());
        assertTrue(scanner.atEnd());
        for (final String bad : new String[]{ "tru", "fals", "nul", "True", "" })
        {
            wrapWithJunk(bad);
            assertEquals(JsonScanner.NOT_A_LITERAL, scanner.literal(), bad);
        }

        for (final String scalar :
            new String[]{ "\"x\"", "0", "-0", "1.5", "-2.5e+3", "1E7", "0.0e-0", "true", "null" })
        {
            wrapWithJunk(scalar);
            assertTrue(scanner.scalar(), scalar);
            assertTrue(scanner.atEnd(), scalar);
        }
        for (final String bad : new String[]{ "01", "1.", ".5", "1e", "1e+", "-", "+1", "{}", "[]", "x", "" })
        {
            wrapWithJunk(bad);
            assertTrue(!scanner.scalar() || !scanner.atEnd(), bad);
        }
    }

    @Test
    void shouldCompareExpectedBytesAsWords()
    {
        wrapWithJunk("{\"stream\":\"x\"");
        assertFalse(scanner.skip(JsonScanner.word("{\"strean"), 8));
        assertTrue(scanner.skip(JsonScanner.word("{\"stream"), 8));
        assertTrue(scanner.skip(JsonScanner.word("\":"), 2));
        assertTrue(scanner.string());
        assertFalse(scanner.skip(JsonScanner.word("\""), 1), "the junk after the region is not read");
        assertThrows(IllegalArgumentException.class, () -> JsonScanner.word("123456789"));
    }

    @Test
    void shouldCheckTheRegionOnceAndReadDirectBuffersToo()
    {
        assertThrows(IndexOutOfBoundsException.class, () -> scanner.wrap(new UnsafeBuffer(new byte[4]), 2, 3));

        final byte[] json = "\"61808.00\"".getBytes(StandardCharsets.US_ASCII);
        final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(json.length));
        direct.putBytes(0, json);
        scanner.wrap(direct, 0, json.length);
        assertTrue(scanner.decimalString());
        assertEquals(6180800, scanner.value());
        assertEquals(2, scanner.scale());
    }

    @Test
    void shouldOnlyAcceptScalarsTheCursorAcceptsIdentically()
    {
        final Random random = new Random(20240808);
        final byte[] alphabet = "0123456789-+.eE\"\\atrufnl, \u0001".getBytes(StandardCharsets.ISO_8859_1);
        int accepted = 0;
        for (int trial = 0; trial < 200_000; trial++)
        {
            final byte[] text = new byte[1 + random.nextInt(12)];
            for (int i = 0; i < text.length; i++)
            {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            final UnsafeBuffer buffer = new UnsafeBuffer(text);
            scanner.wrap(buffer, 0, text.length);
            if (!scanner.scalar() || !scanner.atEnd())
            {
                continue;
            }
            accepted++;
            final String json = new String(text, StandardCharsets.ISO_8859_1);
            cursor.wrap(buffer, 0, text.length);
            final int token = cursor.next();
            assertTrue(JsonCursor.ERROR != token && JsonCursor.END_OF_INPUT == cursor.next(), json);

            if (JsonCursor.NUMBER == token && text.length <= JsonScanner.MAX_DIGITS)
            {
                scanner.wrap(buffer, 0, text.length);
                final boolean integer = scanner.integer() && scanner.atEnd();
                // The scanner passes whitespace around a token, as the cursor does; the parser reads the token only.
                final String number = json.strip();
                final int numberOffset = json.indexOf(number);
                assertEquals(
                    JsonNumberParser.OK == numbers.parseLong(buffer, numberOffset, number.length()), integer, json);
                if (integer)
                {
                    assertEquals(numbers.value(), scanner.value(), json);
                }
            }
        }
        assertTrue(accepted > 1_000, "accepted: " + accepted);
    }

    private void wrapWithJunk(final String json)
    {
        // Junk before and after the region that would change the result if it were read.
        final byte[] text = json.getBytes(StandardCharsets.ISO_8859_1);
        final byte[] bytes = new byte[OFFSET + text.length + 16];
        Arrays.fill(bytes, (byte)'7');
        bytes[OFFSET + text.length] = '"';
        bytes[OFFSET + text.length + 1] = ':';
        System.arraycopy(text, 0, bytes, OFFSET, text.length);
        scanner.wrap(new UnsafeBuffer(bytes), OFFSET, text.length);
    }

    private static long randomDigits(final Random random, final int digits, final boolean leadingZero)
    {
        final StringBuilder text = new StringBuilder();
        text.append(leadingZero ? 0 : 1 + random.nextInt(9));
        appendDigits(random, text, digits - 1);
        return Long.parseLong(text.toString());
    }

    private static void appendDigits(final Random random, final StringBuilder text, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            text.append(random.nextInt(10));
        }
    }
}
