/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealisedVolatilityTest
{
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long T0 = 1_723_161_240_000_000_000L;

    @Test
    void shouldEstimateAConstantReturnsVarianceWithoutWarmUpBias()
    {
        final RealisedVolatility volatility = new RealisedVolatility(1, SECOND, 30 * SECOND, 900 * SECOND, 10 * SECOND,
            300 * SECOND, 0.0, 0.0);
        final double r = 0.001;
        double price = 100.0;
        for (int i = 0; i <= 20; i++)
        {
            volatility.onPrice(0, T0 + i * SECOND, price);
            price *= Math.exp(0 == (i & 1) ? r : -r);
        }

        assertEquals(19, volatility.samples(0), "the first second only sets the reference");
        assertEquals(r * r, volatility.shortVariance(0), 1e-15, "bias-corrected: not pulled towards the zero start");
        assertEquals(r * r, volatility.longVariance(0), 1e-15);
    }

    @Test
    void shouldPublishNothingWhileWarmingUp()
    {
        final RealisedVolatility volatility = new RealisedVolatility(1, SECOND, 30 * SECOND, 900 * SECOND, 10 * SECOND,
            300 * SECOND, 0.0, 0.0);
        for (int i = 0; i <= 10; i++)
        {
            volatility.onPrice(0, T0 + i * SECOND, 100.0 + i);
        }
        assertEquals(9, volatility.samples(0));
        assertEquals(0.0, volatility.shortVariance(0));
        volatility.onPrice(0, T0 + 11 * SECOND, 111.0);
        assertEquals(10, volatility.samples(0));
        assertTrue(volatility.shortVariance(0) > 0.0);
    }

    @Test
    void shouldDecayQuietIntervalsInClosedForm()
    {
        final RealisedVolatility stepped = new RealisedVolatility(1, SECOND, 30 * SECOND, 900 * SECOND, SECOND,
            300 * SECOND, 0.0, 0.0);
        final RealisedVolatility jumped = new RealisedVolatility(1, SECOND, 30 * SECOND, 900 * SECOND, SECOND,
            300 * SECOND, 0.0, 0.0);
        for (int i = 0; i < 60; i++)
        {
            final double price = 100.0 * (1.0 + 0.001 * (i % 3));
            stepped.onPrice(0, T0 + i * SECOND, price);
            jumped.onPrice(0, T0 + i * SECOND, price);
        }
        for (int i = 60; i < 100; i++)
        {
            stepped.advance(0, T0 + i * SECOND);
        }
        jumped.advance(0, T0 + 99 * SECOND);

        assertEquals(stepped.samples(0), jumped.samples(0));
        assertEquals(stepped.shortVariance(0), jumped.shortVariance(0), 1e-18);
        assertEquals(stepped.longVariance(0), jumped.longVariance(0), 1e-18);
        assertEquals(stepped.meanReturn(0), jumped.meanReturn(0), 1e-18);
        assertTrue(jumped.shortVariance(0) < jumped.longVariance(0), "the short horizon forgets faster");
    }

    @Test
    void shouldUseTheLastPriceOfEachInterval()
    {
        final RealisedVolatility volatility = new RealisedVolatility(1, SECOND, 2 * SECOND, 4 * SECOND, SECOND,
            300 * SECOND, 0.0, 0.0);
        volatility.onPrice(0, T0, 100.0);
        volatility.onPrice(0, T0 + 3 * SECOND / 2, 200.0);
        volatility.onPrice(0, T0 + 3 * SECOND / 2 + 1, 101.0);
        volatility.onPrice(0, T0 + 2 * SECOND, 150.0);

        final double r = Math.log(101.0 / 100.0);
        assertEquals(r * r, volatility.shortVariance(0), 1e-15, "one sample, tick noise inside it ignored");
        assertEquals(r, volatility.meanReturn(0), 1e-15);
    }
}
