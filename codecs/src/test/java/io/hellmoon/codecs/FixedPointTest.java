/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static io.hellmoon.codecs.FixedPoint.INVALID;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FixedPointTest
{
    @ParameterizedTest
    @CsvSource({
        "61837.63000000, -8, 6183763000000",
        "61800.20, -8, 6180020000000",
        "0.00000001, -8, 1",
        "0, -8, 0",
        "0.00000000, -8, 0",
        "-0.5, -2, -50",
        "12, 0, 12",
        "12, 2, INVALID",
        "1200, 2, 12",
        "1.5e-3, -8, 150000",
        "39961, -8, 3996100000000",
        "2E2, 0, 200",
        "9223372036.8547758, -8, 922337203685477580",
        "0.123456789, -8, INVALID",
        "0.12345678000000000000000, -8, 12345678",
        "0.12345678900000000000000, -8, INVALID",
        "1234567890123456789, 0, INVALID",
        "92233720369, -8, INVALID",
    })
    void shouldParseExactlyOrNotAtAll(final String text, final int exponent, final String expected)
    {
        final long expectedValue = "INVALID".equals(expected) ? INVALID : Long.parseLong(expected);
        final byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.US_ASCII);
        assertEquals(expectedValue, FixedPoint.parse(new UnsafeBuffer(bytes), 2, text.length(), exponent), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "1.2.3", "abc", "1-2", "1e", "1e+", "1e1000", "--1", "1 2", "0x10", "true"})
    void shouldRejectMalformed(final String text)
    {
        assertEquals(INVALID, FixedPoint.parse(text, -8), "'" + text + "'");
    }

    @Test
    void shouldFormatPlainWithoutTrailingZeros()
    {
        assertEquals("61685.99", FixedPoint.toPlainString(6168599000000L, -8));
        assertEquals("61686", FixedPoint.toPlainString(6168600000000L, -8));
        assertEquals("0.00000001", FixedPoint.toPlainString(1, -8));
        assertEquals("0.0105", FixedPoint.toPlainString(1050000, -8));
        assertEquals("-1.5", FixedPoint.toPlainString(-150, -2));
        assertEquals("0", FixedPoint.toPlainString(0, -8));
        assertEquals("1200", FixedPoint.toPlainString(12, 2));
    }

    @Test
    void shouldConvertAndRescale()
    {
        assertEquals(61837.63, FixedPoint.toDouble(6183763000000L, -8), 1e-9);
        assertEquals(6183763L, FixedPoint.fromDouble(61837.63, -2));
        assertEquals(6183763L, FixedPoint.rescale(6183763000000L, -8, -2));
        assertEquals(2L, FixedPoint.rescale(150, -2, 0));
        assertEquals(-2L, FixedPoint.rescale(-150, -2, 0));
        assertEquals(150L, FixedPoint.rescale(15, -1, -2));
    }
}
