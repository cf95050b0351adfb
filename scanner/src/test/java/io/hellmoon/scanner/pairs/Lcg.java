/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

/**
 * A 64-bit linear congruential generator (Knuth's MMIX constants) with an Irwin-Hall normal: pure integer and
 * addition arithmetic, so a Python script with the same few lines draws bit-identical series, which is how the
 * statsmodels reference values in these tests were computed.
 */
final class Lcg
{
    private long state;

    Lcg(final long seed)
    {
        state = seed;
    }

    double uniform()
    {
        state = state * 6364136223846793005L + 1442695040888963407L;
        return (state >>> 11) * 0x1.0p-53;
    }

    /**
     * Sum of twelve uniforms minus six: mean 0, variance 1, close to normal.
     */
    double normal()
    {
        double sum = 0.0;
        for (int i = 0; i < 12; i++)
        {
            sum += uniform();
        }
        return sum - 6.0;
    }

    /**
     * The cointegrated reference pair: x a random walk from 4 with steps 0.01 N, y = 0.5 + 1.3 x + u with
     * u an AR(1) of coefficient 0.7 and noise 0.005 N; w an independent random walk from 3; seed 42, 500 points.
     *
     * @return {y, x, w}.
     */
    static double[][] referencePair()
    {
        final Lcg random = new Lcg(42);
        final int length = 500;
        final double[] x = new double[length];
        final double[] y = new double[length];
        final double[] w = new double[length];
        x[0] = 4.0;
        w[0] = 3.0;
        double u = 0.0;
        for (int t = 0; t < length; t++)
        {
            if (t > 0)
            {
                x[t] = x[t - 1] + 0.01 * random.normal();
                w[t] = w[t - 1] + 0.01 * random.normal();
            }
            u = 0.7 * u + 0.005 * random.normal();
            y[t] = 0.5 + 1.3 * x[t] + u;
        }
        return new double[][] { y, x, w };
    }

    /**
     * The reference AR(1) level series: z = 2 + 0.9 (z - 2) + 0.1 N from 2, seed 7, 300 points.
     *
     * @return z.
     */
    static double[] referenceAr1()
    {
        final Lcg random = new Lcg(7);
        final double[] z = new double[300];
        z[0] = 2.0;
        for (int t = 1; t < z.length; t++)
        {
            z[t] = 2.0 + 0.9 * (z[t - 1] - 2.0) + 0.1 * random.normal();
        }
        return z;
    }
}
