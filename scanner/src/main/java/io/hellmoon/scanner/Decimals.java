/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

/**
 * Conversions between the wire's fixed-point mantissas and the doubles the scanner computes with. Done once per
 * value at ingest; a negative exponent divides by an exact power of ten, so a decimal such as 60000.12 at exponent
 * -8 converts to the nearest double rather than picking up the error of multiplying by an inexact 1e-8.
 */
final class Decimals
{
    private static final int MAX_TABLE_EXPONENT = 22;
    private static final double[] POWERS_OF_TEN = new double[MAX_TABLE_EXPONENT + 1];

    static
    {
        double power = 1.0;
        for (int i = 0; i <= MAX_TABLE_EXPONENT; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10.0;
        }
    }

    private Decimals()
    {
    }

    /**
     * {@code 10^exponent} for {@code 0 <= exponent}, exact up to 22.
     */
    static double powerOfTen(final int exponent)
    {
        return exponent <= MAX_TABLE_EXPONENT ? POWERS_OF_TEN[exponent] : Math.pow(10.0, exponent);
    }

    /**
     * {@code mantissa * 10^exponent} as a double.
     */
    static double toDouble(final long mantissa, final int exponent)
    {
        return exponent < 0 ? mantissa / powerOfTen(-exponent) : mantissa * powerOfTen(exponent);
    }

    /**
     * The mantissa nearest to {@code value} at {@code exponent}.
     */
    static long toMantissa(final double value, final int exponent)
    {
        return exponent < 0 ?
            Math.round(value * powerOfTen(-exponent)) : Math.round(value / powerOfTen(exponent));
    }
}
