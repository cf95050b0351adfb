/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KalmanAndWindowTest
{
    @Test
    void shouldTrackADriftingHedgeRatio()
    {
        // y = 0.2 + beta_t x + e, beta drifting from 1.0 to 1.5 over 20,000 samples, x a random walk around ln 50
        final Random random = new Random(3);
        final int samples = 20_000;
        final KalmanHedgeRatio filter = new KalmanHedgeRatio(1e-2, 1e-6, 1.0);
        double x = Math.log(50);
        double worstError = 0.0;
        double sumError = 0.0;
        int measured = 0;
        final double[] xs = new double[samples];
        final double[] ys = new double[samples];
        for (int t = 0; t < samples; t++)
        {
            x += 0.01 * random.nextGaussian();
            final double beta = 1.0 + 0.5 * t / samples;
            final double y = 0.2 + beta * x + 0.001 * random.nextGaussian();
            xs[t] = x;
            ys[t] = y;
            if (!filter.isStarted())
            {
                filter.start(y, x, Double.NaN, Double.NaN);
            }
            filter.update(y, x);
            if (t > 2_000)
            {
                final double error = Math.abs(filter.hedgeRatio() - beta);
                worstError = Math.max(worstError, error);
                sumError += error;
                measured++;
            }
        }
        assertTrue(sumError / measured < 0.015, "mean error " + sumError / measured);
        assertTrue(worstError < 0.05, "worst error " + worstError);
        assertEquals(1.5, filter.hedgeRatio(), 0.03);
        // the static fit over the whole sample cannot follow the drift: it is off by far more at the end
        assertTrue(Math.abs(PairStatistics.slope(ys, xs, 0, samples) - 1.5) > 0.1);
        assertTrue(filter.innovationVariance() > 1e-6, "Q includes the observation variance");
        assertTrue(filter.hedgeRatioVariance() > 0.0, "covariance stays positive");
    }

    @Test
    void shouldConvergeToAFixedRelationAndReportTheIntercept()
    {
        final Random random = new Random(5);
        final KalmanHedgeRatio filter = new KalmanHedgeRatio(1e-7, 1e-6, 1.0);
        double x = 4.0;
        for (int t = 0; t < 5_000; t++)
        {
            x += 0.01 * random.nextGaussian();
            final double y = -0.7 + 0.8 * x + 0.001 * random.nextGaussian();
            if (!filter.isStarted())
            {
                filter.start(y, x, Double.NaN, Double.NaN);
            }
            filter.update(y, x);
        }
        assertEquals(0.8, filter.hedgeRatio(), 0.01);
        assertEquals(-0.7, filter.intercept(), 0.05);
        assertEquals(-0.7 + 0.8 * x, filter.predict(x), 0.002);
    }

    @Test
    void shouldStartFromAGivenHedgeRatioAndIntercept()
    {
        final KalmanHedgeRatio filter = new KalmanHedgeRatio(1e-6, 1e-8, 1e-4);
        filter.start(5.0, 4.0, 1.1, 0.6);
        assertEquals(1.1, filter.hedgeRatio());
        assertEquals(0.6, filter.intercept(), 1e-15);
        assertEquals(0.6 + 1.1 * 4.2, filter.predict(4.2), 1e-15);
        final double innovation = filter.update(5.0 + 0.001, 4.0);
        assertEquals(5.0 + 0.001 - (0.6 + 1.1 * 4.0), innovation, 1e-15);
    }

    @Test
    void shouldKeepARollingMeanAndStandardDeviation()
    {
        final Random random = new Random(9);
        final RollingWindow window = new RollingWindow(25);
        final double[] values = new double[10_000];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = 1e6 + random.nextGaussian() * (1 + i % 7);
            window.add(values[i]);
            final int from = Math.max(0, i - 24);
            final int n = i - from + 1;
            double mean = 0;
            for (int j = from; j <= i; j++)
            {
                mean += values[j];
            }
            mean /= n;
            double squares = 0;
            for (int j = from; j <= i; j++)
            {
                squares += (values[j] - mean) * (values[j] - mean);
            }
            assertEquals(n, window.count());
            assertEquals(mean, window.mean(), 1e-9);
            final double std = n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0;
            assertEquals(std, window.std(), 1e-8 * Math.max(1, std));
        }
        assertThrows(IllegalArgumentException.class, () -> new RollingWindow(1));
    }

    @Test
    void shouldClassifyStrengthByTheSeedsBands()
    {
        assertEquals(SignalStrength.NONE, SignalStrength.classify(1.99, 2.0, 2.5, 3.0, 4.0));
        assertEquals(SignalStrength.WEAK, SignalStrength.classify(2.0, 2.0, 2.5, 3.0, 4.0));
        assertEquals(SignalStrength.WEAK, SignalStrength.classify(2.49, 2.0, 2.5, 3.0, 4.0));
        assertEquals(SignalStrength.NORMAL, SignalStrength.classify(2.5, 2.0, 2.5, 3.0, 4.0));
        assertEquals(SignalStrength.STRONG, SignalStrength.classify(3.0, 2.0, 2.5, 3.0, 4.0));
        assertEquals(SignalStrength.STRONG, SignalStrength.classify(3.99, 2.0, 2.5, 3.0, 4.0));
        assertEquals(SignalStrength.EXTREME, SignalStrength.classify(4.0, 2.0, 2.5, 3.0, 4.0));
        assertEquals(SignalStrength.EXTREME, SignalStrength.classify(40.0, 2.0, 2.5, 3.0, 4.0));
        assertEquals(0.25, SignalStrength.WEAK.confidence());
        assertEquals(1.0, SignalStrength.EXTREME.confidence());
    }
}
