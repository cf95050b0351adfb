/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.regime;

import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegimeTrackerTest
{
    private static final int SLOT = 3;

    private final RegimeTracker tracker = new RegimeTracker(4, 3);
    private final RegimeResult result = new RegimeResult();

    private boolean classified(final VolatilityRegime volatility, final TrendRegime trend)
    {
        result.volatilityRegime = volatility;
        result.trendRegime = trend;
        return tracker.onClassified(SLOT, result);
    }

    @Test
    void shouldBeUnknownUntilTheFirstClassificationWhichIsAdoptedAtOnce()
    {
        assertEquals(VolatilityRegime.NULL_VAL, tracker.volatilityRegime(SLOT));
        assertEquals(TrendRegime.NULL_VAL, tracker.trendRegime(SLOT));

        assertTrue(classified(VolatilityRegime.LOW_VOL, TrendRegime.RANGING));
        assertEquals(VolatilityRegime.LOW_VOL, tracker.volatilityRegime(SLOT));
        assertEquals(TrendRegime.RANGING, tracker.trendRegime(SLOT));
        assertEquals(VolatilityRegime.NULL_VAL, tracker.previousVolatilityRegime(SLOT));
        assertEquals(TrendRegime.NULL_VAL, tracker.previousTrendRegime(SLOT));
        assertEquals(VolatilityRegime.NULL_VAL, tracker.volatilityRegime(0), "other slots untouched");
    }

    @Test
    void shouldChangeOnlyAfterTheNewRegimeDwelt()
    {
        classified(VolatilityRegime.LOW_VOL, TrendRegime.RANGING);

        assertFalse(classified(VolatilityRegime.HIGH_VOL, TrendRegime.RANGING));
        assertFalse(classified(VolatilityRegime.HIGH_VOL, TrendRegime.RANGING));
        assertEquals(VolatilityRegime.LOW_VOL, tracker.volatilityRegime(SLOT));
        assertTrue(classified(VolatilityRegime.HIGH_VOL, TrendRegime.RANGING));
        assertEquals(VolatilityRegime.HIGH_VOL, tracker.volatilityRegime(SLOT));
        assertEquals(VolatilityRegime.LOW_VOL, tracker.previousVolatilityRegime(SLOT));
        assertEquals(TrendRegime.RANGING, tracker.previousTrendRegime(SLOT));

        assertFalse(classified(VolatilityRegime.HIGH_VOL, TrendRegime.RANGING), "no change, no event");
    }

    @Test
    void shouldNotFlapWhenClassificationsAlternate()
    {
        classified(VolatilityRegime.NORMAL_VOL, TrendRegime.RANGING);
        for (int i = 0; i < 20; i++)
        {
            assertFalse(classified(VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING));
            assertFalse(classified(VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING));
            assertFalse(classified(VolatilityRegime.NORMAL_VOL, TrendRegime.RANGING), "back to current: restart");
        }
        assertEquals(TrendRegime.RANGING, tracker.trendRegime(SLOT));
    }

    @Test
    void shouldRestartTheDwellWhenAThirdRegimeIntervenes()
    {
        classified(VolatilityRegime.LOW_VOL, TrendRegime.RANGING);
        assertFalse(classified(VolatilityRegime.NORMAL_VOL, TrendRegime.RANGING));
        assertFalse(classified(VolatilityRegime.NORMAL_VOL, TrendRegime.RANGING));
        assertFalse(classified(VolatilityRegime.HIGH_VOL, TrendRegime.RANGING));
        assertFalse(classified(VolatilityRegime.HIGH_VOL, TrendRegime.RANGING));
        assertTrue(classified(VolatilityRegime.HIGH_VOL, TrendRegime.RANGING));
        assertEquals(VolatilityRegime.LOW_VOL, tracker.previousVolatilityRegime(SLOT));
    }

    @Test
    void shouldKeepStateWhenGrowing()
    {
        classified(VolatilityRegime.EXTREME_VOL, TrendRegime.TRENDING);
        tracker.ensureCapacity(100);
        assertEquals(VolatilityRegime.EXTREME_VOL, tracker.volatilityRegime(SLOT));
        assertEquals(VolatilityRegime.NULL_VAL, tracker.volatilityRegime(99));
    }

    @Test
    void shouldChangeAtOnceWithADwellOfOne()
    {
        final RegimeTracker immediate = new RegimeTracker(1, 1);
        result.volatilityRegime = VolatilityRegime.LOW_VOL;
        result.trendRegime = TrendRegime.RANGING;
        assertTrue(immediate.onClassified(0, result));
        result.volatilityRegime = VolatilityRegime.HIGH_VOL;
        assertTrue(immediate.onClassified(0, result));
    }
}
