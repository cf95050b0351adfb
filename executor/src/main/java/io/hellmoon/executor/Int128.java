/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.codecs.FixedPoint;

import java.math.BigInteger;

/**
 * A mutable signed 128-bit integer, the scratch register of the executor's money arithmetic.
 * <p>
 * A price mantissa times a size mantissa overflows a long long before the amounts are large (60,000.00000000 times
 * 1.00000000 at exponents -8 is 6e20), and doubles lose the last digits of a notional. Products are therefore
 * formed exactly in 128 bits and brought back to a long once, by dividing by a power of ten (or a quantity) with
 * rounding half away from zero, the rounding {@link FixedPoint#rescale(long, int, int)} uses. Hand written because
 * nothing on the classpath does this without allocating (BigInteger, BigDecimal).
 * <p>
 * Results that do not fit in a long saturate to {@link Long#MAX_VALUE} or {@code -Long.MAX_VALUE}: with amounts at
 * 10^-8 that is 92 billion in quote currency, far outside what a paper venue books. Not thread safe.
 */
final class Int128
{
    private long high;
    private long low;

    /**
     * Set to a long value.
     *
     * @param value to set.
     * @return this.
     */
    Int128 set(final long value)
    {
        low = value;
        high = value >> 63;
        return this;
    }

    /**
     * Set to the exact product of two longs.
     *
     * @param a first factor.
     * @param b second factor.
     * @return this.
     */
    Int128 multiply(final long a, final long b)
    {
        low = a * b;
        high = Math.multiplyHigh(a, b);
        return this;
    }

    /**
     * Add the exact product of two longs.
     *
     * @param a first factor.
     * @param b second factor.
     * @return this.
     */
    Int128 addProduct(final long a, final long b)
    {
        return add(Math.multiplyHigh(a, b), a * b);
    }

    /**
     * Add another value.
     *
     * @param other to add.
     * @return this.
     */
    Int128 add(final Int128 other)
    {
        return add(other.high, other.low);
    }

    /**
     * Copy another value.
     *
     * @param other to copy.
     * @return this.
     */
    Int128 set(final Int128 other)
    {
        high = other.high;
        low = other.low;
        return this;
    }

    /**
     * Negate.
     *
     * @return this.
     */
    Int128 negate()
    {
        low = -low;
        high = ~high + (0 == low ? 1 : 0);
        return this;
    }

    /**
     * Whether the value is zero.
     *
     * @return true if zero.
     */
    boolean isZero()
    {
        return 0 == high && 0 == low;
    }

    /**
     * Sign of the value.
     *
     * @return -1, 0 or 1.
     */
    int signum()
    {
        if (high < 0)
        {
            return -1;
        }
        return 0 == high && 0 == low ? 0 : 1;
    }

    /**
     * Divide by a positive long, rounding half away from zero. The value is unchanged.
     *
     * @param divisor greater than zero.
     * @return the rounded quotient, saturated to +/- {@link Long#MAX_VALUE}.
     */
    long divideRound(final long divisor)
    {
        if (divisor <= 0)
        {
            throw new IllegalArgumentException("divisor must be positive: " + divisor);
        }

        final boolean negative = high < 0;
        long hi = high;
        long lo = low;
        if (negative)
        {
            lo = -low;
            hi = ~high + (0 == lo ? 1 : 0);
        }

        if (Long.compareUnsigned(hi, divisor) >= 0)
        {
            return negative ? -Long.MAX_VALUE : Long.MAX_VALUE;
        }

        long quotient;
        long remainder;
        if (0 == hi)
        {
            quotient = Long.divideUnsigned(lo, divisor);
            remainder = Long.remainderUnsigned(lo, divisor);
        }
        else
        {
            // Restoring long division of hi:lo by divisor; hi < divisor keeps the quotient within 64 bits.
            remainder = hi;
            quotient = 0;
            for (int bit = 63; bit >= 0; bit--)
            {
                final boolean carry = remainder < 0;
                remainder = (remainder << 1) | ((lo >>> bit) & 1L);
                quotient <<= 1;
                if (carry || Long.compareUnsigned(remainder, divisor) >= 0)
                {
                    remainder -= divisor;
                    quotient |= 1L;
                }
            }
        }

        if (Long.compareUnsigned(remainder << 1, divisor) >= 0)
        {
            quotient++;
        }

        if (quotient < 0)
        {
            return negative ? -Long.MAX_VALUE : Long.MAX_VALUE;
        }
        return negative ? -quotient : quotient;
    }

    /**
     * The value, a mantissa at {@code fromExponent}, as a long mantissa at {@code toExponent}, rounding half away
     * from zero. The value is unchanged. The exponents may differ by at most 18 (instrument exponents are bounded on
     * ingest so they always do).
     *
     * @param fromExponent exponent of this value.
     * @param toExponent   wanted.
     * @return the mantissa, saturated to +/- {@link Long#MAX_VALUE}.
     */
    long toLong(final int fromExponent, final int toExponent)
    {
        final int shift = toExponent - fromExponent;
        if (shift <= 0)
        {
            final long value = fitsInLong() ? low : saturated();
            if (0 == shift || value == Long.MAX_VALUE || value == -Long.MAX_VALUE)
            {
                return value;
            }
            final long factor = FixedPoint.powerOfTen(-shift);
            final long product = value * factor;
            if (Math.multiplyHigh(value, factor) != (product >> 63))
            {
                return value < 0 ? -Long.MAX_VALUE : Long.MAX_VALUE;
            }
            return product;
        }

        if (shift > FixedPoint.MAX_SIGNIFICANT_DIGITS)
        {
            throw new IllegalArgumentException("exponents too far apart: " + fromExponent + " to " + toExponent);
        }
        return divideRound(FixedPoint.powerOfTen(shift));
    }

    /**
     * The nearest double, for ratios such as slippage that are reported as doubles anyway.
     *
     * @return the value as a double.
     */
    double toDouble()
    {
        if (fitsInLong())
        {
            return low;
        }
        final double lowUnsigned = low >= 0 ? (double)low : (double)(low >>> 1) * 2.0 + (low & 1L);
        return high * 0x1.0p64 + lowUnsigned;
    }

    /**
     * Whether the value fits in a long.
     *
     * @return true if it does.
     */
    boolean fitsInLong()
    {
        return high == (low >> 63);
    }

    /**
     * The value as a long when {@link #fitsInLong()}.
     *
     * @return the low 64 bits.
     */
    long low()
    {
        return low;
    }

    /**
     * The high 64 bits.
     *
     * @return the high word.
     */
    long high()
    {
        return high;
    }

    private long saturated()
    {
        return high < 0 ? -Long.MAX_VALUE : Long.MAX_VALUE;
    }

    private Int128 add(final long otherHigh, final long otherLow)
    {
        final long sum = low + otherLow;
        final long carry = Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
        high = high + otherHigh + carry;
        low = sum;
        return this;
    }

    /**
     * The decimal value, for debugging; allocates.
     *
     * @return the value in decimal.
     */
    public String toString()
    {
        return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low))).toString();
    }
}
