/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import java.util.Arrays;

/**
 * What the sweep kernel reads and writes: for every detector, the per-instrument statistics its sweep-time score is
 * made of, as contiguous {@code float[]} indexed by slot, kept up to date by the tick path; the detectors' armed bits;
 * and the kernel's outputs (per-slot candidate bits and best score, and the list of candidate slots).
 * <p>
 * <b>Why float.</b> The sweep is a threshold test over every instrument: scores need three significant digits, and
 * single precision halves the bytes the sweep streams and doubles the lanes per vector (16 on AVX-512), which is what
 * makes the pass fast. The exact state stays in doubles: a candidate is confirmed from it before anything fires, and
 * events carry double features. Both kernels do the same IEEE single-precision operations, each exactly rounded, so
 * they produce the same bits.
 * <p>
 * <b>The scores</b> ({@link SweepKernel#scoreSlot} is the definition), one per detector bit, each over threshold
 * above 1:
 * <pre>
 *  0 VOLUME_SPIKE          volume >= minNotional ? volume * volumeScale : 0
 *  1 TRADE_COUNT_BURST     trades >= minTrades ? trades * tradesScale : 0
 *  2 BOOK_IMBALANCE        imbalance * imbalanceScale
 *  3 SPREAD_BLOWOUT        spread * spreadScale
 *  4 VOLATILITY_EXPANSION  max(sqrt(variance * varianceScale), atr * atrScale)
 *  5 BREAKOUT              volumeTrend >= volumeRatio ? max(price * highScale, low / price) : 0
 *  6 REGIME_SHIFT          regimeShift
 *  7 LIQUIDATION_CASCADE   liquidation
 *  8 RETURN_DISTRIBUTION   max(|skew| * skewScale, kurtosis * kurtosisScale)
 *  9 MICROSTRUCTURE        flow * ofi > 0 ? min(|flow| * flowScale, |ofi| * ofiScale) : 0
 * 10 CROSS_SECTIONAL       |residual| >= minResidual ? |residual - crossMean| * crossScale : 0
 * 11 FUNDING_DISLOCATION   max(basisDeviation * basisScale, funding * fundingScale)
 * </pre>
 * A per-slot scale of 0 switches a detector off for that slot (not warmed up, no data). Candidate bits are the scores
 * above 1, masked by {@link #gate}: the detector's bit is set while it is armed for the slot and the instrument is
 * tradable, so instruments in cooldown or halted cost nothing after the pass.
 * <p>
 * Written by the scanner's thread only. Arrays are replaced when capacity grows.
 */
final class SweepInputs
{
    static final int VOLUME_SPIKE = 0;
    static final int TRADE_COUNT_BURST = 1;
    static final int BOOK_IMBALANCE = 2;
    static final int SPREAD_BLOWOUT = 3;
    static final int VOLATILITY_EXPANSION = 4;
    static final int BREAKOUT = 5;
    static final int REGIME_SHIFT = 6;
    static final int LIQUIDATION_CASCADE = 7;
    static final int RETURN_DISTRIBUTION = 8;
    static final int MICROSTRUCTURE_IMBALANCE = 9;
    static final int CROSS_SECTIONAL = 10;
    static final int FUNDING_DISLOCATION = 11;
    static final int DETECTORS = 12;

    /**
     * Float arrays per slot, for the memory statement.
     */
    static final int FLOATS_PER_SLOT = 26;

    /**
     * Int arrays per slot: armed, gate, bits, candidates.
     */
    static final int INTS_PER_SLOT = 4;

    int capacity;
    int enabledMask;

    float[] volume;
    float[] volumeScale;
    float[] trades;
    float[] tradesScale;
    float[] imbalance;
    float[] spread;
    float[] spreadScale;
    float[] variance;
    float[] varianceScale;
    float[] atr;
    float[] atrScale;
    float[] price;
    float[] highScale;
    float[] low;
    float[] volumeTrend;
    float[] regimeShift;
    float[] liquidation;
    float[] skew;
    float[] kurtosis;
    float[] flow;
    float[] ofi;
    float[] residual;
    float[] basisDeviation;
    float[] basisScale;
    float[] funding;
    float[] scores;
    int[] armed;
    int[] gate;
    int[] bits;
    int[] candidates;

    float minNotional;
    float minTrades;
    float imbalanceScale;
    float volumeRatio;
    float skewScale;
    float kurtosisScale;
    float flowScale;
    float ofiScale;
    float fundingScale;
    float minResidual;
    float crossMean;
    float crossScale;

    SweepInputs(final int capacity, final int enabledMask)
    {
        this.enabledMask = enabledMask;
        allocate(capacity);
    }

    void ensureCapacity(final int newCapacity)
    {
        if (newCapacity <= capacity)
        {
            return;
        }
        final int old = capacity;
        capacity = newCapacity;
        volume = Arrays.copyOf(volume, newCapacity);
        volumeScale = Arrays.copyOf(volumeScale, newCapacity);
        trades = Arrays.copyOf(trades, newCapacity);
        tradesScale = Arrays.copyOf(tradesScale, newCapacity);
        imbalance = Arrays.copyOf(imbalance, newCapacity);
        spread = Arrays.copyOf(spread, newCapacity);
        spreadScale = Arrays.copyOf(spreadScale, newCapacity);
        variance = Arrays.copyOf(variance, newCapacity);
        varianceScale = Arrays.copyOf(varianceScale, newCapacity);
        atr = Arrays.copyOf(atr, newCapacity);
        atrScale = Arrays.copyOf(atrScale, newCapacity);
        price = Arrays.copyOf(price, newCapacity);
        highScale = Arrays.copyOf(highScale, newCapacity);
        low = Arrays.copyOf(low, newCapacity);
        volumeTrend = Arrays.copyOf(volumeTrend, newCapacity);
        regimeShift = Arrays.copyOf(regimeShift, newCapacity);
        liquidation = Arrays.copyOf(liquidation, newCapacity);
        skew = Arrays.copyOf(skew, newCapacity);
        kurtosis = Arrays.copyOf(kurtosis, newCapacity);
        flow = Arrays.copyOf(flow, newCapacity);
        ofi = Arrays.copyOf(ofi, newCapacity);
        residual = Arrays.copyOf(residual, newCapacity);
        basisDeviation = Arrays.copyOf(basisDeviation, newCapacity);
        basisScale = Arrays.copyOf(basisScale, newCapacity);
        funding = Arrays.copyOf(funding, newCapacity);
        scores = Arrays.copyOf(scores, newCapacity);
        armed = Arrays.copyOf(armed, newCapacity);
        gate = Arrays.copyOf(gate, newCapacity);
        bits = Arrays.copyOf(bits, newCapacity);
        candidates = Arrays.copyOf(candidates, newCapacity);
        Arrays.fill(price, old, newCapacity, 1.0f);
    }

    /**
     * A new instrument in a slot: nothing to score yet, every enabled detector armed.
     */
    void reset(final int slot, final boolean tradable)
    {
        volume[slot] = 0.0f;
        volumeScale[slot] = 0.0f;
        trades[slot] = 0.0f;
        tradesScale[slot] = 0.0f;
        imbalance[slot] = 0.0f;
        spread[slot] = 0.0f;
        spreadScale[slot] = 0.0f;
        variance[slot] = 0.0f;
        varianceScale[slot] = 0.0f;
        atr[slot] = 0.0f;
        atrScale[slot] = 0.0f;
        // Never 0, so the breakout's low / price is 0 / 1 rather than 0 / 0 before the first price.
        price[slot] = 1.0f;
        highScale[slot] = 0.0f;
        low[slot] = 0.0f;
        volumeTrend[slot] = 0.0f;
        regimeShift[slot] = 0.0f;
        liquidation[slot] = 0.0f;
        skew[slot] = 0.0f;
        kurtosis[slot] = 0.0f;
        flow[slot] = 0.0f;
        ofi[slot] = 0.0f;
        residual[slot] = 0.0f;
        basisDeviation[slot] = 0.0f;
        basisScale[slot] = 0.0f;
        funding[slot] = 0.0f;
        scores[slot] = 0.0f;
        armed[slot] = enabledMask;
        gate[slot] = tradable ? enabledMask : 0;
        bits[slot] = 0;
    }

    boolean isArmed(final int slot, final int detector)
    {
        return 0 != (armed[slot] & (1 << detector));
    }

    /**
     * Whether the detector can fire for the slot now: enabled, armed and the instrument tradable.
     */
    boolean isOpen(final int slot, final int detector)
    {
        return 0 != (gate[slot] & (1 << detector));
    }

    void arm(final int slot, final int detector, final boolean tradable)
    {
        armed[slot] |= (1 << detector) & enabledMask;
        gate[slot] = tradable ? armed[slot] : 0;
    }

    void disarm(final int slot, final int detector)
    {
        armed[slot] &= ~(1 << detector);
        gate[slot] &= ~(1 << detector);
    }

    void tradable(final int slot, final boolean tradable)
    {
        gate[slot] = tradable ? armed[slot] : 0;
    }

    private void allocate(final int newCapacity)
    {
        capacity = newCapacity;
        volume = new float[newCapacity];
        volumeScale = new float[newCapacity];
        trades = new float[newCapacity];
        tradesScale = new float[newCapacity];
        imbalance = new float[newCapacity];
        spread = new float[newCapacity];
        spreadScale = new float[newCapacity];
        variance = new float[newCapacity];
        varianceScale = new float[newCapacity];
        atr = new float[newCapacity];
        atrScale = new float[newCapacity];
        price = new float[newCapacity];
        highScale = new float[newCapacity];
        low = new float[newCapacity];
        volumeTrend = new float[newCapacity];
        regimeShift = new float[newCapacity];
        liquidation = new float[newCapacity];
        skew = new float[newCapacity];
        kurtosis = new float[newCapacity];
        flow = new float[newCapacity];
        ofi = new float[newCapacity];
        residual = new float[newCapacity];
        basisDeviation = new float[newCapacity];
        basisScale = new float[newCapacity];
        funding = new float[newCapacity];
        scores = new float[newCapacity];
        armed = new int[newCapacity];
        gate = new int[newCapacity];
        bits = new int[newCapacity];
        candidates = new int[newCapacity];
        Arrays.fill(price, 1.0f);
    }
}
