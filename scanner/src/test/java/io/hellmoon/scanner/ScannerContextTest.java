/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScannerContextTest
{
    private static void assertRejected(final UnaryOperator<ScannerContext> change, final String key, final String why)
    {
        final ScannerContext ctx = change.apply(new ScannerContext());
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, ctx::conclude);
        assertTrue(ex.getMessage().startsWith(key + "="), ex::getMessage);
        assertTrue(ex.getMessage().contains(why), ex::getMessage);
    }

    @Test
    void shouldConcludeTheDefaults()
    {
        final ScannerContext ctx = new ScannerContext().conclude();

        assertEquals(10_000, ctx.capacity());
        assertEquals(250_000_000L, ctx.sweepIntervalNs());
        assertEquals(ScannerConfiguration.VOLUME_SPIKE_RATIO_DEFAULT, ctx.volumeSpikeRatio());
        assertEquals(0.015, ctx.regimeAtrRatioLow());
        assertEquals(0.025, ctx.regimeAtrRatioNormal());
        assertEquals(0.04, ctx.regimeAtrRatioHigh());
        assertEquals(25.0, ctx.regimeAdxTrending());
        assertEquals(35.0, ctx.regimeAdxStrong());
        assertEquals(0.02, ctx.regimeEmaAlignment());
        assertEquals(0.03, ctx.regimeRangeWidth());
        assertEquals(200, ctx.emaPeriod());
        assertTrue(ctx.enabled());
        assertInstanceOf(SystemEpochNanoClock.class, ctx.clock());
        assertNotNull(ctx.counterFactory());
        assertEquals(ScannerConfiguration.SweepKernel.VECTOR, ctx.resolvedSweepKernel(),
            "tests run with the incubator module, so auto picks the vector kernel");
    }

    @Test
    void shouldRefuseToConcludeTwice()
    {
        final ScannerContext ctx = new ScannerContext().conclude();
        assertThrows(IllegalStateException.class, ctx::conclude);
    }

    @Test
    void shouldNameTheKeyAndTheReasonOfAnInvalidValue()
    {
        assertRejected(c -> c.scannerId(70_000), ScannerConfiguration.SCANNER_ID_PROP_NAME, "[0, 65535]");
        assertRejected(c -> c.capacity(0), ScannerConfiguration.CAPACITY_PROP_NAME, "[1, ");
        assertRejected(c -> c.shardCount(2).shardIndex(2), ScannerConfiguration.SHARD_INDEX_PROP_NAME, "[0, 1]");
        assertRejected(c -> c.sweepIntervalNs(0), ScannerConfiguration.SWEEP_INTERVAL_PROP_NAME, "ns");
        assertRejected(c -> c.flowBuckets(7), ScannerConfiguration.FLOW_BUCKETS_PROP_NAME, "must divide");
        assertRejected(c -> c.volumeSpikeRatio(0.0), ScannerConfiguration.VOLUME_SPIKE_RATIO_PROP_NAME, "above 0");
        assertRejected(c -> c.volumeSpikeRatio(Double.NaN), ScannerConfiguration.VOLUME_SPIKE_RATIO_PROP_NAME,
            "finite");
        assertRejected(c -> c.volumeSpikeBaselineClip(0.5), ScannerConfiguration.VOLUME_SPIKE_BASELINE_CLIP_PROP_NAME,
            "at least 1");
        assertRejected(c -> c.volumeSpikeRearmScore(1.0), ScannerConfiguration.VOLUME_SPIKE_REARM_SCORE_PROP_NAME,
            "[0, 1)");
        assertRejected(c -> c.bookImbalanceThreshold(1.0), ScannerConfiguration.BOOK_IMBALANCE_THRESHOLD_PROP_NAME,
            "(0, 1)");
        assertRejected(c -> c.volatilityLongWindowNs(c.volatilityShortWindowNs()),
            ScannerConfiguration.VOLATILITY_LONG_WINDOW_PROP_NAME, "longer than");
        assertRejected(c -> c.volatilityMinLongVol(0.0), ScannerConfiguration.VOLATILITY_MIN_LONG_VOL_PROP_NAME,
            "above 0");
        assertRejected(c -> c.atrPeriod(0), ScannerConfiguration.ATR_PERIOD_PROP_NAME, "[1, ");
        assertRejected(c -> c.regimeAtrRatioNormal(0.01), ScannerConfiguration.REGIME_ATR_RATIO_NORMAL_PROP_NAME,
            "above " + ScannerConfiguration.REGIME_ATR_RATIO_LOW_PROP_NAME);
        assertRejected(c -> c.regimeAtrRatioHigh(0.025), ScannerConfiguration.REGIME_ATR_RATIO_HIGH_PROP_NAME,
            "above");
        assertRejected(c -> c.regimeAdxStrong(20.0), ScannerConfiguration.REGIME_ADX_STRONG_PROP_NAME, "[25.0, 100");
        assertRejected(c -> c.regimeDwellBars(0), ScannerConfiguration.REGIME_DWELL_BARS_PROP_NAME, "[1, ");
        assertRejected(c -> c.sweepKernel(null), ScannerConfiguration.SWEEP_KERNEL_PROP_NAME, "must be set");
    }

    @Test
    void shouldReadDefaultsFromSystemPropertiesAndNameTheKeyOfABadOne()
    {
        try
        {
            System.setProperty(ScannerConfiguration.SWEEP_INTERVAL_PROP_NAME, "100ms");
            System.setProperty(ScannerConfiguration.SWEEP_KERNEL_PROP_NAME, "Scalar");
            System.setProperty(ScannerConfiguration.REGIME_DWELL_BARS_PROP_NAME, "5");
            System.setProperty(ScannerConfiguration.ENABLED_PROP_NAME, "false");
            final ScannerContext ctx = new ScannerContext().conclude();
            assertEquals(100_000_000L, ctx.sweepIntervalNs());
            assertEquals(ScannerConfiguration.SweepKernel.SCALAR, ctx.resolvedSweepKernel());
            assertEquals(5, ctx.regimeDwellBars());
            assertEquals(false, ctx.enabled());

            System.setProperty(ScannerConfiguration.VOLUME_SPIKE_RATIO_PROP_NAME, "five");
            final IllegalArgumentException ratio = assertThrows(IllegalArgumentException.class, ScannerContext::new);
            assertTrue(ratio.getMessage().startsWith(ScannerConfiguration.VOLUME_SPIKE_RATIO_PROP_NAME + "=five"));
            System.clearProperty(ScannerConfiguration.VOLUME_SPIKE_RATIO_PROP_NAME);

            System.setProperty(ScannerConfiguration.SWEEP_KERNEL_PROP_NAME, "gpu");
            final IllegalArgumentException kernel = assertThrows(IllegalArgumentException.class, ScannerContext::new);
            assertTrue(kernel.getMessage().contains("expected auto, scalar or vector"), kernel::getMessage);

            System.setProperty(ScannerConfiguration.SWEEP_KERNEL_PROP_NAME, "auto");
            System.setProperty(ScannerConfiguration.VOLUME_SPIKE_COOLDOWN_PROP_NAME, "soon");
            final IllegalArgumentException cooldown = assertThrows(IllegalArgumentException.class, ScannerContext::new);
            assertTrue(cooldown.getMessage().startsWith(ScannerConfiguration.VOLUME_SPIKE_COOLDOWN_PROP_NAME));
        }
        finally
        {
            System.clearProperty(ScannerConfiguration.SWEEP_INTERVAL_PROP_NAME);
            System.clearProperty(ScannerConfiguration.SWEEP_KERNEL_PROP_NAME);
            System.clearProperty(ScannerConfiguration.REGIME_DWELL_BARS_PROP_NAME);
            System.clearProperty(ScannerConfiguration.ENABLED_PROP_NAME);
            System.clearProperty(ScannerConfiguration.VOLUME_SPIKE_RATIO_PROP_NAME);
            System.clearProperty(ScannerConfiguration.VOLUME_SPIKE_COOLDOWN_PROP_NAME);
        }
    }
}
