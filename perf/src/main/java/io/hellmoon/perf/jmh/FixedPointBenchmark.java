/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.jmh;

import io.hellmoon.codecs.FixedPoint;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * {@link FixedPoint#parse(org.agrona.DirectBuffer, int, int, int)}: ASCII decimals as Binance sends them into
 * mantissas at exponent -8, the registry's default, in place in a buffer. The text is a parameter: a USD-M price
 * ({@code 61800.30}), a spot price with Binance's eight trailing zeros ({@code 61837.63000000}), a USD-M size
 * ({@code 0.014}) and a funding rate ({@code 0.00038167}). Setup checks each result against {@link BigDecimal}.
 * <p>
 * One benchmark thread calling the parser directly.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {
    JvmFlags.ADD_OPENS_MISC, JvmFlags.ADD_OPENS_NIO, JvmFlags.ADD_MODULES_VECTOR, JvmFlags.NATIVE_ACCESS,
    JvmFlags.XMS, JvmFlags.XMX })
@Threads(1)
@State(Scope.Thread)
public class FixedPointBenchmark
{
    private static final int EXPONENT = -8;

    /**
     * The decimal text parsed.
     */
    @Param({ "61800.30", "61837.63000000", "0.014", "0.00038167" })
    public String text;

    private UnsafeBuffer buffer;
    private int length;

    /**
     * Place the text in a buffer and check the parse.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        // Surrounded by JSON quotes, as the decoder sees it.
        buffer = new UnsafeBuffer(new byte[bytes.length + 2]);
        buffer.putByte(0, (byte)'"');
        buffer.putBytes(1, bytes);
        buffer.putByte(bytes.length + 1, (byte)'"');
        length = bytes.length;

        final long expected = new BigDecimal(text).movePointRight(-EXPONENT).longValueExact();
        if (expected != parse())
        {
            throw new IllegalStateException(text + ": parsed " + parse() + ", expected " + expected);
        }
    }

    /**
     * Parse the text.
     *
     * @return the mantissa.
     */
    @Benchmark
    public long parse()
    {
        return FixedPoint.parse(buffer, 1, length, EXPONENT);
    }
}
