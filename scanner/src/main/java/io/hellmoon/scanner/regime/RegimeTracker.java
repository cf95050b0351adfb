/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.regime;

import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;

import java.util.Arrays;

/**
 * The current regime of many instruments, with a minimum dwell so classifications that flip back and forth near a
 * threshold do not become a stream of regime changes. Struct-of-arrays indexed by a dense slot; allocation free.
 * <p>
 * A regime is the pair (volatility regime, trend regime). The first classification of an instrument becomes its
 * regime at once (there is nothing to flap from). After that a different pair must come out of
 * {@code dwellClassifications} consecutive classifications (one per bar) before it replaces the current one; any
 * classification equal to the current regime, or to a third regime, restarts the count. Until its first
 * classification an instrument's regimes are {@code NULL_VAL} (unknown). Not thread safe.
 */
public final class RegimeTracker
{
    private static final short UNKNOWN_VOLATILITY = VolatilityRegime.NULL_VAL.value();
    private static final short UNKNOWN_TREND = TrendRegime.NULL_VAL.value();

    private final int dwellClassifications;
    private short[] volatility;
    private short[] trend;
    private short[] previousVolatility;
    private short[] previousTrend;
    private short[] candidateVolatility;
    private short[] candidateTrend;
    private int[] candidateCount;

    /**
     * A tracker for {@code capacity} slots.
     *
     * @param capacity             slots to allocate for.
     * @param dwellClassifications consecutive classifications a new regime needs, at least 1.
     */
    public RegimeTracker(final int capacity, final int dwellClassifications)
    {
        this.dwellClassifications = dwellClassifications;
        volatility = new short[capacity];
        trend = new short[capacity];
        previousVolatility = new short[capacity];
        previousTrend = new short[capacity];
        candidateVolatility = new short[capacity];
        candidateTrend = new short[capacity];
        candidateCount = new int[capacity];
        fillUnknown(0, capacity);
    }

    /**
     * Grow to at least {@code capacity} slots, keeping every slot's state. Allocates; call at warm-up only.
     *
     * @param capacity slots needed.
     */
    public void ensureCapacity(final int capacity)
    {
        final int oldCapacity = volatility.length;
        if (capacity <= oldCapacity)
        {
            return;
        }

        volatility = Arrays.copyOf(volatility, capacity);
        trend = Arrays.copyOf(trend, capacity);
        previousVolatility = Arrays.copyOf(previousVolatility, capacity);
        previousTrend = Arrays.copyOf(previousTrend, capacity);
        candidateVolatility = Arrays.copyOf(candidateVolatility, capacity);
        candidateTrend = Arrays.copyOf(candidateTrend, capacity);
        candidateCount = Arrays.copyOf(candidateCount, capacity);
        fillUnknown(oldCapacity, capacity);
    }

    /**
     * Take a new classification of a slot.
     *
     * @param slot   of the instrument.
     * @param result the classification.
     * @return true if the slot's current regime changed to the result's (the previous one is then available from
     *         {@link #previousVolatilityRegime(int)} and {@link #previousTrendRegime(int)}).
     */
    public boolean onClassified(final int slot, final RegimeResult result)
    {
        final short newVolatility = result.volatilityRegime.value();
        final short newTrend = result.trendRegime.value();
        final short currentVolatility = volatility[slot];
        final short currentTrend = trend[slot];

        if (newVolatility == currentVolatility && newTrend == currentTrend)
        {
            candidateCount[slot] = 0;
            return false;
        }

        if (UNKNOWN_VOLATILITY != currentVolatility || UNKNOWN_TREND != currentTrend)
        {
            if (newVolatility == candidateVolatility[slot] && newTrend == candidateTrend[slot])
            {
                candidateCount[slot]++;
            }
            else
            {
                candidateVolatility[slot] = newVolatility;
                candidateTrend[slot] = newTrend;
                candidateCount[slot] = 1;
            }

            if (candidateCount[slot] < dwellClassifications)
            {
                return false;
            }
        }

        previousVolatility[slot] = currentVolatility;
        previousTrend[slot] = currentTrend;
        volatility[slot] = newVolatility;
        trend[slot] = newTrend;
        candidateVolatility[slot] = UNKNOWN_VOLATILITY;
        candidateTrend[slot] = UNKNOWN_TREND;
        candidateCount[slot] = 0;
        return true;
    }

    /**
     * The slot's current volatility regime.
     *
     * @param slot of the instrument.
     * @return the regime, {@link VolatilityRegime#NULL_VAL} before the first classification.
     */
    public VolatilityRegime volatilityRegime(final int slot)
    {
        return VolatilityRegime.get(volatility[slot]);
    }

    /**
     * The slot's current trend regime.
     *
     * @param slot of the instrument.
     * @return the regime, {@link TrendRegime#NULL_VAL} before the first classification.
     */
    public TrendRegime trendRegime(final int slot)
    {
        return TrendRegime.get(trend[slot]);
    }

    /**
     * The volatility regime the slot had before its last change.
     *
     * @param slot of the instrument.
     * @return the regime, {@link VolatilityRegime#NULL_VAL} if the last change was the first classification.
     */
    public VolatilityRegime previousVolatilityRegime(final int slot)
    {
        return VolatilityRegime.get(previousVolatility[slot]);
    }

    /**
     * The trend regime the slot had before its last change.
     *
     * @param slot of the instrument.
     * @return the regime, {@link TrendRegime#NULL_VAL} if the last change was the first classification.
     */
    public TrendRegime previousTrendRegime(final int slot)
    {
        return TrendRegime.get(previousTrend[slot]);
    }

    private void fillUnknown(final int from, final int to)
    {
        Arrays.fill(volatility, from, to, UNKNOWN_VOLATILITY);
        Arrays.fill(trend, from, to, UNKNOWN_TREND);
        Arrays.fill(previousVolatility, from, to, UNKNOWN_VOLATILITY);
        Arrays.fill(previousTrend, from, to, UNKNOWN_TREND);
        Arrays.fill(candidateVolatility, from, to, UNKNOWN_VOLATILITY);
        Arrays.fill(candidateTrend, from, to, UNKNOWN_TREND);
    }
}
