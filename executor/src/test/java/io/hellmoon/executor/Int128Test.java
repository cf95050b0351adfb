/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Int128Test
{
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @Test
    void shouldMultiplyAddAndDivideExactlyLikeBigInteger()
    {
        final SplittableRandom random = new SplittableRandom(7071);
        final Int128 value = new Int128();
        for (int i = 0; i < 200_000; i++)
        {
            final long a = randomLong(random);
            final long b = randomLong(random);
            final long c = randomLong(random);
            final long d = randomLong(random);
            final long divisor = Math.max(1, Math.abs(randomLong(random)));

            value.multiply(a, b).addProduct(c, d);
            final BigInteger expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .add(BigInteger.valueOf(c).multiply(BigInteger.valueOf(d)));
            assertEquals(expected.toString(), value.toString());
            assertEquals(expected.signum(), value.signum());

            assertEquals(roundHalfAwayFromZero(expected, divisor), value.divideRound(divisor),
                () -> expected + " / " + divisor);
            assertEquals(expected.doubleValue(), value.toDouble(), Math.abs(expected.doubleValue()) * 1e-15);
        }
    }

    @Test
    void shouldRescaleToLowerAndHigherExponents()
    {
        final Int128 value = new Int128();
        // 61,000.50 x 3 at exponents -8 and -8 is 183,001.5 at -16; to -8.
        value.multiply(6_100_050_000_000L, 300_000_000L);
        assertEquals(18_300_150_000_000L, value.toLong(-16, -8));
        // Half away from zero.
        assertEquals(3, new Int128().set(25).toLong(-1, 0));
        assertEquals(-3, new Int128().set(-25).toLong(-1, 0));
        assertEquals(2, new Int128().set(24).toLong(-1, 0));
        // To a finer exponent multiplies.
        assertEquals(12_300, new Int128().set(123).toLong(-2, -4));
        // Saturates instead of wrapping.
        assertEquals(Long.MAX_VALUE, new Int128().set(Long.MAX_VALUE / 10).toLong(0, -2));
        assertEquals(-Long.MAX_VALUE, new Int128().multiply(Long.MAX_VALUE, -4).toLong(0, 0));
    }

    @Test
    void shouldSaturateAQuotientThatDoesNotFitInALong()
    {
        final Int128 value = new Int128().multiply(Long.MAX_VALUE, Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, value.divideRound(3));
        assertEquals(-Long.MAX_VALUE, value.negate().divideRound(3));
    }

    private static long roundHalfAwayFromZero(final BigInteger dividend, final long divisor)
    {
        final BigInteger rounded = new BigDecimal(dividend)
            .divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_UP).toBigInteger();
        if (rounded.compareTo(LONG_MAX) > 0)
        {
            return Long.MAX_VALUE;
        }
        if (rounded.compareTo(LONG_MAX.negate()) < 0)
        {
            return -Long.MAX_VALUE;
        }
        return rounded.longValueExact();
    }

    private static long randomLong(final SplittableRandom random)
    {
        // Mix magnitudes so both the fast path and the long division run, and the edges occur.
        switch (random.nextInt(5))
        {
            case 0:
                return random.nextLong();
            case 1:
                return random.nextLong(-1_000_000, 1_000_000);
            case 2:
                return random.nextLong(1L << 40) * (random.nextBoolean() ? 1 : -1);
            case 3:
                return random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE + 1;
            default:
                return random.nextLong(1L << 62);
        }
    }
}
