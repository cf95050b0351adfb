/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.risk;

import io.hellmoon.router.state.InstrumentSpec;
import io.hellmoon.router.strategy.StrategyDefaults;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.RejectReason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sizing and cost arithmetic against numbers worked out by hand in the comments.
 */
class PositionSizerTest
{
    private static final double EPSILON = 1e-9;

    // Price exponent -2 with a 0.10 tick, size exponent -3 with a 0.001 step.
    private static final InstrumentSpec PERPETUAL = new InstrumentSpec(
        1, "BTCUSDT", "BINANCE_USDM:BTCUSDT", InstrumentKind.PERPETUAL, -2, -3, 10, 1, 1, 5.0);
    private static final InstrumentSpec SPOT = new InstrumentSpec(
        2, "BTCUSDT", "BINANCE_SPOT:BTCUSDT", InstrumentKind.SPOT, -2, -3, 10, 1, 1, 5.0);

    private final SizingResult result = new SizingResult();

    @Test
    void shouldSizeCappedPerpetualEntryWithHandComputedCosts()
    {
        // 1R = 10000 x 0.01 x 0.75 (HIGH_VOL) x 1.0 = 75; stop = 2 x 100 = 200 -> 0.375 BTC = 18750 > 5000 cap
        // -> 0.1 BTC. Slippage 3 + 50 x 100 / 50000 = 3.1 bps. Entry fee 50000 x 0.1 x 0.0005 = 2.5,
        // exit fee 49800 x 0.1 x 0.0005 = 2.49, entry slippage 5000 x 3.1e-4 = 1.55, exit slippage
        // 4980 x 3.1e-4 = 1.5438, funding 5000 x 0.0001 x 8 / 8 = 0.5: total 8.5838 = 0.114451 R (no cut).
        PositionSizer.size(10_000, 0.01, 0.75, 1.0, 2.0, 4.0, 100.0, true, 50_000.0, 5_000.0,
            CostParameters.DEFAULTS, false, PERPETUAL, result);

        assertEquals(RejectReason.NONE, result.reason);
        assertEquals(75.0, result.riskAmount, EPSILON);
        assertEquals(0.375, result.quantityByRisk, EPSILON);
        assertTrue(result.notionalCapped);
        assertEquals(5_000_000L, result.entryPrice);
        assertEquals(4_980_000L, result.stopPrice);
        assertEquals(5_040_000L, result.targetPrice);
        assertEquals(100L, result.quantity);
        assertEquals(3.1, result.cost.slippageBps, EPSILON);
        assertEquals(2.5, result.cost.entryFee, EPSILON);
        assertEquals(2.49, result.cost.exitFee, EPSILON);
        assertEquals(1.55, result.cost.entrySlippage, EPSILON);
        assertEquals(1.5438, result.cost.exitSlippage, EPSILON);
        assertEquals(0.5, result.cost.funding, EPSILON);
        assertEquals(8.5838, result.cost.totalCost, EPSILON);
        assertEquals(8.5838 / 75.0, result.cost.costInR, EPSILON);
        assertEquals(8.5838 / 20.0, result.cost.costOfStop, EPSILON);
        assertEquals((40.0 - 8.5838) / 20.0, result.cost.netRewardR, EPSILON);
        assertEquals(50_000.0 + 85.838, result.cost.breakevenPrice, 1e-6);
        assertEquals(1.0, result.costCut, EPSILON);
        assertEquals(0.75, result.sizeFactor, EPSILON);
    }

    @Test
    void shouldApplyTheSeedRegimeFactors()
    {
        final double[] factors = StrategyDefaults.DEFAULT_REGIME_FACTORS;
        final double[] expectedRisk = { 120.0, 100.0, 75.0, 50.0 };
        for (int regime = 0; regime < Regimes.COUNT; regime++)
        {
            PositionSizer.size(10_000, 0.01, factors[regime], 1.0, 1.5, 3.0, 100.0, true, 50_000.0, 1e9,
                CostParameters.DEFAULTS, false, PERPETUAL, result);
            assertEquals(expectedRisk[regime], result.riskAmount, EPSILON, Regimes.name(regime));
            assertEquals(expectedRisk[regime] / 150.0, result.quantityByRisk, EPSILON);
        }
        // Symbol modifier multiplies in: 100 x 0.75 x 0.5 = 37.5.
        PositionSizer.size(10_000, 0.01, 0.75, 0.5, 1.5, 3.0, 100.0, true, 50_000.0, 1e9,
            CostParameters.DEFAULTS, false, PERPETUAL, result);
        assertEquals(37.5, result.riskAmount, EPSILON);
        assertEquals(0.375, result.sizeFactor, EPSILON);
    }

    @Test
    void shouldCutSizeWhenCostsExceedFifteenPercentOfOneR()
    {
        // Spot, no funding. 1R = 100, ATR 300, k1 1 -> stop 49700, 1/3 BTC. Slippage 3 + 50 x 300 / 50000 = 3.3 bps.
        // Per unit: 25 + 24.85 + 16.5 + 16.401 = 82.751, i.e. 0.2758367 of the stop distance and of 1R: above 0.15,
        // below 0.5. Cut = 0.15 / 0.2758367 = 0.5437995; 0.3333 x 0.5437995 = 0.1812665 -> 0.181 BTC.
        PositionSizer.size(10_000, 0.01, 1.0, 1.0, 1.0, 2.0, 300.0, true, 50_000.0, 1e9,
            CostParameters.DEFAULTS, false, SPOT, result);

        final double costOfStop = 82.751 / 300.0;
        final double cut = 0.15 / costOfStop;
        assertEquals(RejectReason.NONE, result.reason);
        assertEquals(cut, result.costCut, 1e-9);
        assertEquals(181L, result.quantity);
        assertEquals(0.0, result.cost.funding, EPSILON);
        assertEquals(82.751 * 0.181, result.cost.totalCost, 1e-9);
        assertEquals(82.751 * 0.181 / 100.0, result.cost.costInR, 1e-9);
        assertTrue(result.cost.costInR <= 0.15);
        assertEquals(cut, result.sizeFactor, 1e-9);
        assertFalse(result.notionalCapped);
    }

    @Test
    void shouldRejectCostTooHighWhenNoCutCanHelp()
    {
        // ATR 20, k1 1: per unit cost about 85.2 against a 20 stop: 4.26 of the stop distance >= 0.5.
        PositionSizer.size(10_000, 0.01, 1.0, 1.0, 1.0, 2.0, 20.0, true, 50_000.0, 1e9,
            CostParameters.DEFAULTS, false, PERPETUAL, result);
        assertEquals(RejectReason.COST_TOO_HIGH, result.reason);
        assertTrue(result.cost.costOfStop >= 0.5);
    }

    @Test
    void shouldTellCostCutFromSizeBelowMinimum()
    {
        // As the cut test: uncut 0.333 BTC, cut 0.181 BTC. A 0.2 minimum is met uncut: the cut is to blame.
        final InstrumentSpec minTwoTenths = new InstrumentSpec(
            3, "BTCUSDT", "BINANCE_SPOT:BTCUSDT", InstrumentKind.SPOT, -2, -3, 10, 1, 200, 5.0);
        PositionSizer.size(10_000, 0.01, 1.0, 1.0, 1.0, 2.0, 300.0, true, 50_000.0, 1e9,
            CostParameters.DEFAULTS, false, minTwoTenths, result);
        assertEquals(RejectReason.COST_TOO_HIGH, result.reason);

        // A 0.5 minimum is not met even uncut.
        final InstrumentSpec minHalf = new InstrumentSpec(
            4, "BTCUSDT", "BINANCE_SPOT:BTCUSDT", InstrumentKind.SPOT, -2, -3, 10, 1, 500, 5.0);
        PositionSizer.size(10_000, 0.01, 1.0, 1.0, 1.0, 2.0, 300.0, true, 50_000.0, 1e9,
            CostParameters.DEFAULTS, false, minHalf, result);
        assertEquals(RejectReason.SIZE_BELOW_MINIMUM, result.reason);

        // Min notional: 1R of 0.001 risks 0.000001 BTC-worth, floors to zero.
        PositionSizer.size(10_000, 0.000_001, 1.0, 1.0, 2.0, 4.0, 100.0, true, 50_000.0, 1e9,
            CostParameters.DEFAULTS, false, PERPETUAL, result);
        assertEquals(RejectReason.SIZE_BELOW_MINIMUM, result.reason);
    }

    @Test
    void shouldPricePostOnlyEntriesAsMakerWithoutEntrySlippage()
    {
        PositionSizer.size(10_000, 0.01, 0.75, 1.0, 2.0, 4.0, 100.0, false, 50_000.0, 5_000.0,
            CostParameters.DEFAULTS, true, PERPETUAL, result);

        // Short: stop 50200, target 49600. Entry fee 5000 x 0.0002 = 1.0, exit 5020 x 0.0005 = 2.51,
        // entry slippage 0, exit slippage 5020 x 3.1e-4 = 1.5562, funding 0.5: total 5.5662.
        assertEquals(5_020_000L, result.stopPrice);
        assertEquals(4_960_000L, result.targetPrice);
        assertEquals(1.0, result.cost.entryFee, EPSILON);
        assertEquals(0.0, result.cost.entrySlippage, EPSILON);
        assertEquals(5.5662, result.cost.totalCost, EPSILON);
        assertEquals(50_000.0 - 55.662, result.cost.breakevenPrice, 1e-6);
    }

    @Test
    void shouldRejectStopsBeyondZero()
    {
        PositionSizer.size(10_000, 0.01, 1.0, 1.0, 2.0, 4.0, 30_000.0, true, 50_000.0, 1e9,
            CostParameters.DEFAULTS, false, PERPETUAL, result);
        assertEquals(RejectReason.INVALID_ORDER, result.reason);
    }

    @Test
    void shouldRoundQuantityDownToTheStep()
    {
        final InstrumentSpec coarse = new InstrumentSpec(
            5, "BTCUSDT", "BINANCE_USDM:BTCUSDT", InstrumentKind.PERPETUAL, -2, -3, 10, 5, 5, 0.0);
        assertEquals(295L, coarse.floorQuantity(0.2999));
        assertEquals(300L, coarse.floorQuantity(0.3));
        assertEquals(0L, coarse.floorQuantity(0.004));
        assertEquals(5_000_010L, coarse.roundPrice(50_000.06));
    }
}
