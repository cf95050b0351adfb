/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic universes of 1m bars: independent random walks sharing a market factor, and planted cointegrated
 * pairs {@code ln B = intercept + beta ln A + u} with {@code u} an AR(1).
 */
final class Universe
{
    static final long START_NS = 1_700_000_040L * 1_000_000_000L / 60_000_000_000L * 60_000_000_000L;
    static final long MINUTE_NS = 60_000_000_000L;

    private Universe()
    {
    }

    /**
     * Walks named W00.., each 0.1 % per bar idiosyncratic plus beta times a 0.1 % market factor.
     */
    static List<BarSeries> walks(final Random random, final int count, final int bars, final double[] market)
    {
        final List<BarSeries> series = new ArrayList<>();
        for (int s = 0; s < count; s++)
        {
            final double beta = 0.5 + random.nextDouble();
            final BarSeries.Builder builder = new BarSeries.Builder(String.format("W%02d", s), MINUTE_NS);
            double logPrice = Math.log(1 + 100 * random.nextDouble());
            for (int t = 0; t < bars; t++)
            {
                logPrice += 0.001 * random.nextGaussian() + beta * market[t];
                builder.add(START_NS + t * MINUTE_NS, Math.exp(logPrice), 1000.0 * (1 + random.nextDouble()));
            }
            series.add(builder.build());
        }
        return series;
    }

    static double[] market(final Random random, final int bars)
    {
        final double[] market = new double[bars];
        for (int t = 0; t < bars; t++)
        {
            market[t] = 0.001 * random.nextGaussian();
        }
        return market;
    }

    /**
     * A cointegrated pair named {@code name + "A"} and {@code name + "B"}: ln B = intercept + beta ln A + u.
     */
    static List<BarSeries> pair(
        final Random random,
        final String name,
        final int bars,
        final double beta,
        final double phi,
        final double quoteVolume,
        final double[] market)
    {
        final BarSeries.Builder a = new BarSeries.Builder(name + "A", MINUTE_NS);
        final BarSeries.Builder b = new BarSeries.Builder(name + "B", MINUTE_NS);
        double logA = Math.log(20 + 50 * random.nextDouble());
        double u = 0.0;
        for (int t = 0; t < bars; t++)
        {
            logA += 0.002 * random.nextGaussian() + market[t];
            u = phi * u + 0.001 * random.nextGaussian();
            final double logB = 0.3 + beta * logA + u;
            a.add(START_NS + t * MINUTE_NS, Math.exp(logA), quoteVolume);
            b.add(START_NS + t * MINUTE_NS, Math.exp(logB), quoteVolume);
        }
        return List.of(a.build(), b.build());
    }
}
