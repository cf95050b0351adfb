/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.regime;

import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegimeClassifierTest
{
    private static final double PRICE = 100.0;
    private static final double JUST_BELOW = 1e-9;

    private final RegimeClassifier classifier = new RegimeClassifier(0.015, 0.025, 0.04, 25.0, 35.0, 0.02, 0.03);
    private final RegimeResult result = new RegimeResult();

    private RegimeResult classify(
        final double atrRatio, final double adx, final double emaDeviation, final double width)
    {
        // price / (1 + deviation) puts the EMA exactly where (price - EMA) / EMA gives the deviation.
        final double ema = 0.0 == emaDeviation ? PRICE : PRICE / (1.0 + emaDeviation);
        assertTrue(classifier.classify(PRICE, atrRatio * PRICE, ema, adx, 20.0, 10.0, width, result));
        return result;
    }

    @ParameterizedTest
    @CsvSource({
        "0.0,        LOW_VOL",
        "0.0149999,  LOW_VOL",
        "0.015,      NORMAL_VOL",
        "0.0150001,  NORMAL_VOL",
        "0.0249999,  NORMAL_VOL",
        "0.025,      HIGH_VOL",
        "0.0250001,  HIGH_VOL",
        "0.0399999,  HIGH_VOL",
        "0.04,       EXTREME_VOL",
        "0.0400001,  EXTREME_VOL",
        "0.5,        EXTREME_VOL" })
    void shouldClassifyVolatilityWithBoundariesBelongingToTheBandAbove(
        final double atrRatio, final VolatilityRegime expected)
    {
        assertEquals(expected, classify(atrRatio, 10.0, 0.0, 0.0).volatilityRegime());
    }

    @Test
    void shouldClassifyExactBoundaryRatiosFromAtrAndPrice()
    {
        assertTrue(classifier.classify(100.0, 1.5, 100.0, 0.0, 0.0, 0.0, 0.0, result));
        assertEquals(VolatilityRegime.NORMAL_VOL, result.volatilityRegime());
        assertEquals(0.015, result.atrRatio());
        assertTrue(classifier.classify(100.0, 2.5, 100.0, 0.0, 0.0, 0.0, 0.0, result));
        assertEquals(VolatilityRegime.HIGH_VOL, result.volatilityRegime());
        assertTrue(classifier.classify(100.0, 4.0, 100.0, 0.0, 0.0, 0.0, 0.0, result));
        assertEquals(VolatilityRegime.EXTREME_VOL, result.volatilityRegime());
    }

    @ParameterizedTest
    @CsvSource({
        "0.015,   0.5",
        "0.02,    1.0",
        "0.0175,  0.75",
        "0.0225,  0.75",
        "0.025,   0.5",
        "0.0325,  1.0",
        "0.0,     1.0",
        "0.0075,  1.0",
        "0.01125, 0.75",
        "0.04,    0.5",
        "0.04375, 0.75",
        "0.0475,  1.0",
        "0.2,     1.0" })
    void shouldBeHalfConfidentOnABoundaryAndFullyInTheMiddleOfABand(final double atrRatio, final double expected)
    {
        assertEquals(expected, classify(atrRatio, 10.0, 0.0, 0.0).volatilityConfidence(), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({
        // adx, |ema deviation|, range width -> points, regime, trend confidence
        "0.0,      0.0,    0.0,    0, RANGING,  1.0",
        "24.9999,  0.0,    0.0,    0, RANGING,  1.0",
        "25.0,     0.0,    0.0,    2, RANGING,  0.5",
        "34.9999,  0.0,    0.0,    2, RANGING,  0.5",
        "35.0,     0.0,    0.0,    3, TRENDING, 0.5",
        "24.9999,  0.02,   0.03,   2, RANGING,  0.5",
        "25.0,     0.02,   0.0,    3, TRENDING, 0.5",
        "25.0,     0.0199, 0.0,    2, RANGING,  0.5",
        "25.0,     0.0,    0.03,   3, TRENDING, 0.5",
        "25.0,     0.0,    0.0299, 2, RANGING,  0.5",
        "25.0,     0.02,   0.03,   4, TRENDING, 0.75",
        "35.0,     0.02,   0.0,    4, TRENDING, 0.75",
        "35.0,     0.05,   0.1,    5, TRENDING, 1.0",
        "10.0,     0.02,   0.0,    1, RANGING,  0.75",
        "10.0,     0.0,    0.03,   1, RANGING,  0.75" })
    void shouldClassifyTrendFromAdxEmaAlignmentAndRangeWidth(
        final double adx,
        final double emaDeviation,
        final double rangeWidth,
        final int points,
        final TrendRegime expected,
        final double confidence)
    {
        final RegimeResult regime = classify(0.02, adx, emaDeviation, rangeWidth);
        assertEquals(points, regime.trendPoints());
        assertEquals(expected, regime.trendRegime());
        assertEquals(confidence, regime.trendConfidence(), 1e-12);
        assertEquals(0.5 * (regime.volatilityConfidence() + confidence), regime.confidence(), 1e-12);
    }

    @Test
    void shouldCountPriceBelowItsEmaAsBeyondToo()
    {
        assertEquals(3, classify(0.02, 25.0, -0.02, 0.0).trendPoints());
        assertEquals(2, classify(0.02, 25.0, -0.0199, 0.0).trendPoints());
    }

    @Test
    void shouldTakeTrendDirectionFromTheDirectionalIndicators()
    {
        assertTrue(classifier.classify(100.0, 2.0, 95.0, 40.0, 30.0, 10.0, 0.05, result));
        assertEquals(Direction.UP, result.trendDirection());
        assertTrue(classifier.classify(100.0, 2.0, 95.0, 40.0, 10.0, 30.0, 0.05, result));
        assertEquals(Direction.DOWN, result.trendDirection());
        assertTrue(classifier.classify(100.0, 2.0, 105.0, 40.0, 20.0, 20.0, 0.05, result));
        assertEquals(Direction.DOWN, result.trendDirection(), "a tie goes to the side of the EMA");
        assertTrue(classifier.classify(100.0, 2.0, 95.0, 10.0, 30.0, 10.0, 0.0, result));
        assertEquals(TrendRegime.RANGING, result.trendRegime());
        assertEquals(Direction.NEUTRAL, result.trendDirection());
    }

    @Test
    void shouldCarryTheInputsBehindTheRegime()
    {
        assertTrue(classifier.classify(50_000.0, 1_000.0, 49_000.0, 25.0, 20.0, 10.0, 0.04, result));
        assertEquals(VolatilityRegime.NORMAL_VOL, result.volatilityRegime());
        assertEquals(TrendRegime.TRENDING, result.trendRegime());
        assertEquals(0.02, result.atrRatio(), 1e-15);
        assertEquals(25.0, result.adx());
        assertEquals(1_000.0 / 49_000.0, result.emaDeviation(), 1e-15);
        assertEquals(0.04, result.rangeWidth());
    }

    @Test
    void shouldRefuseInputsThatCannotBeClassified()
    {
        final double nan = Double.NaN;
        final double inf = Double.POSITIVE_INFINITY;
        assertFalse(classifier.classify(0.0, 1.0, 100.0, 20.0, 1.0, 1.0, 0.01, result));
        assertFalse(classifier.classify(100.0, 1.0, 0.0, 20.0, 1.0, 1.0, 0.01, result));
        assertFalse(classifier.classify(100.0, -1.0, 100.0, 20.0, 1.0, 1.0, 0.01, result));
        assertFalse(classifier.classify(100.0, nan, 100.0, 20.0, 1.0, 1.0, 0.01, result));
        assertFalse(classifier.classify(100.0, 1.0, 100.0, nan, 1.0, 1.0, 0.01, result));
        assertFalse(classifier.classify(100.0, 1.0, 100.0, 20.0, 1.0, 1.0, nan, result));
        assertFalse(classifier.classify(inf, 1.0, 100.0, 20.0, 1.0, 1.0, 0.01, result));
        assertFalse(classifier.classify(100.0, inf, 100.0, 20.0, 1.0, 1.0, 0.01, result));
        assertEquals(VolatilityRegime.NULL_VAL, result.volatilityRegime(), "untouched");
    }

    @Test
    void shouldSitJustBelowEachThresholdInTheBandBelow()
    {
        assertEquals(VolatilityRegime.LOW_VOL, classify(0.015 - JUST_BELOW, 0, 0, 0).volatilityRegime());
        assertEquals(VolatilityRegime.NORMAL_VOL, classify(0.025 - JUST_BELOW, 0, 0, 0).volatilityRegime());
        assertEquals(VolatilityRegime.HIGH_VOL, classify(0.04 - JUST_BELOW, 0, 0, 0).volatilityRegime());
        assertEquals(0, classify(0.02, 25.0 - JUST_BELOW, 0.02 - JUST_BELOW, 0.03 - JUST_BELOW).trendPoints());
    }
}
