/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.scanner.indicators.Ewma;

import java.util.Arrays;

/**
 * CROSS_SECTIONAL: an instrument moving against the market, beyond what its beta explains, more than almost every
 * other instrument does at the same moment.
 * <p>
 * <b>Samples.</b> Every {@code cross.sample.interval} of event time the sweep samples every instrument's latest log
 * price into a ring of rows (one contiguous {@code float[]} per sample, so sampling is an array copy and the passes
 * below read contiguous memory). From each sample to the next: the instrument's sample return {@code s}, the
 * market's {@code m} (the weighted mean of {@code s} over instruments that have one, equal or baseline-notional
 * weights), and EWMAs of {@code s m} and {@code m^2} with span {@code cross.beta.window}: the rolling beta is their
 * ratio (1 until the instrument has {@code cross.beta.warmup} of samples; clamped to +/-5).
 * <p>
 * <b>At each sweep</b>, with the latest prices: each instrument's return over the window {@code r} (latest log price
 * minus the one sampled a window ago), the market's {@code rm} (weighted mean), the residual {@code e = r - beta x
 * rm}, and the cross-sectional mean and standard deviation of the residuals over all instruments with a return. The
 * score is {@code |e - mean| / (zThreshold x sd)} (the residual's z-score over the threshold), 0 unless
 * {@code |e| >= minResidual} and at least {@code cross.min.instruments} instruments have a return. These passes and
 * the fused kernel are vectorised; their sums are striped so both kernels agree to the bit.
 * <p>
 * Direction: UP when the instrument beats the market, DOWN when it lags.
 */
final class CrossSectionalDetector implements Detector
{
    static final int FEATURE_COUNT = 9;
    private static final long NO_SAMPLE = Long.MIN_VALUE;

    private final SweepInputs in;
    private final InstrumentTable table;
    private final ScanEventWriter writer;
    private final Hysteresis hysteresis;
    private final FlowStatistics flows;
    private final boolean volumeWeighted;
    private final long sampleNs;
    private final int rows;
    private final float alpha;
    private final float keep;
    private final float minBetaWeight;
    private final double zThreshold;
    private final int minInstruments;
    private SweepKernel kernel;
    private float[] partials;
    private float[][] ring;
    private int newestRow = -1;
    private int filledRows;
    private long lastSampleIndex = NO_SAMPLE;
    private double[] lastPrice;
    private float[] logPrice;
    private float[] weight;
    private float[] returns;
    private float[] cov;
    private float[] var;
    private float[] betaWeight;
    private double marketReturn;
    private double mean;
    private double deviation;
    private int scored;
    private int count;

    CrossSectionalDetector(
        final ScannerContext ctx,
        final FlowStatistics flows,
        final SweepInputs in,
        final InstrumentTable table,
        final ScanEventWriter writer,
        final int capacity)
    {
        this.in = in;
        this.table = table;
        this.writer = writer;
        this.flows = flows;
        this.hysteresis = new Hysteresis(index(), capacity, ctx.crossRearmScore(), ctx.crossCooldownNs(), in, table);
        this.volumeWeighted = ScannerConfiguration.CrossWeighting.VOLUME == ctx.crossWeighting();
        this.sampleNs = ctx.crossSampleIntervalNs();
        this.rows = (int)(ctx.crossWindowNs() / sampleNs) + 1;
        final double a = Ewma.alphaForSpan((double)ctx.crossBetaWindowNs() / sampleNs);
        this.alpha = (float)a;
        this.keep = (float)(1.0 - a);
        final long warmupSamples = ctx.crossBetaWarmupNs() / sampleNs;
        this.minBetaWeight = warmupSamples > 0 ? (float)(1.0 - Ewma.decay(a, warmupSamples)) : 0.0f;
        this.zThreshold = ctx.crossZThreshold();
        this.minInstruments = ctx.crossMinInstruments();
        in.minResidual = (float)ctx.crossMinResidual();
        ring = new float[rows][];
        for (int r = 0; r < rows; r++)
        {
            ring[r] = new float[capacity];
            Arrays.fill(ring[r], Float.NaN);
        }
        lastPrice = new double[capacity];
        logPrice = new float[capacity];
        weight = new float[capacity];
        returns = new float[capacity];
        cov = new float[capacity];
        var = new float[capacity];
        betaWeight = new float[capacity];
        Arrays.fill(logPrice, Float.NaN);
        Arrays.fill(weight, volumeWeighted ? 0.0f : 1.0f);
    }

    /**
     * The kernel of the scanner's sweep, which these passes use too.
     */
    void kernel(final SweepKernel kernel)
    {
        this.kernel = kernel;
        this.partials = new float[SweepKernel.partialsLength(kernel.lanes())];
    }

    public int index()
    {
        return SweepInputs.CROSS_SECTIONAL;
    }

    public void ensureCapacity(final int capacity)
    {
        final int old = logPrice.length;
        if (capacity > old)
        {
            hysteresis.ensureCapacity(capacity);
            for (int r = 0; r < rows; r++)
            {
                ring[r] = Arrays.copyOf(ring[r], capacity);
                Arrays.fill(ring[r], old, capacity, Float.NaN);
            }
            lastPrice = Arrays.copyOf(lastPrice, capacity);
            logPrice = Arrays.copyOf(logPrice, capacity);
            weight = Arrays.copyOf(weight, capacity);
            returns = Arrays.copyOf(returns, capacity);
            cov = Arrays.copyOf(cov, capacity);
            var = Arrays.copyOf(var, capacity);
            betaWeight = Arrays.copyOf(betaWeight, capacity);
            Arrays.fill(logPrice, old, capacity, Float.NaN);
            Arrays.fill(weight, old, capacity, volumeWeighted ? 0.0f : 1.0f);
        }
    }

    /**
     * A trade: the latest log price (only recomputed when the price changes) and, with volume weights, the weight.
     */
    void onTrade(final int slot, final double price)
    {
        if (price != lastPrice[slot])
        {
            lastPrice[slot] = price;
            logPrice[slot] = (float)Math.log(price);
        }
        if (volumeWeighted)
        {
            weight[slot] = (float)flows.flow.baselineVolume(slot);
        }
    }

    /**
     * Before the fused pass: sample if a sample boundary passed, then returns, market return and residuals.
     */
    void prepare(final long sweepTimeNs, final int count)
    {
        final SweepKernel kernel = this.kernel;
        final int lanes = kernel.lanes();
        final long sampleIndex = Math.floorDiv(sweepTimeNs, sampleNs);
        if (sampleIndex > lastSampleIndex)
        {
            if (newestRow >= 0)
            {
                final float[] newest = ring[newestRow];
                kernel.crossSample(logPrice, newest, weight, count, partials);
                final double weights = SweepKernel.sum(partials, lanes, SweepKernel.SAMPLE_ACCUMULATORS, 1);
                if (weights > 0.0)
                {
                    final float market = (float)(
                        SweepKernel.sum(partials, lanes, SweepKernel.SAMPLE_ACCUMULATORS, 0) / weights);
                    kernel.crossBeta(
                        logPrice, newest, market, keep, alpha, market * market * alpha, cov, var, betaWeight, count);
                }
            }
            newestRow = newestRow + 1 == rows ? 0 : newestRow + 1;
            System.arraycopy(logPrice, 0, ring[newestRow], 0, count);
            filledRows = Math.min(filledRows + 1, rows);
            lastSampleIndex = sampleIndex;
        }

        this.count = count;
        scored = 0;
        in.crossScale = 0.0f;
        in.crossMean = 0.0f;
        if (filledRows < rows)
        {
            return;
        }
        final float[] oldest = ring[newestRow + 1 == rows ? 0 : newestRow + 1];
        kernel.crossReturns(logPrice, oldest, weight, returns, count, partials);
        final double weights = SweepKernel.sum(partials, lanes, SweepKernel.RETURN_ACCUMULATORS, 1);
        if (!(weights > 0.0))
        {
            Arrays.fill(in.residual, 0, count, 0.0f);
            return;
        }
        marketReturn = SweepKernel.sum(partials, lanes, SweepKernel.RETURN_ACCUMULATORS, 0) / weights;
        kernel.crossResiduals(
            returns, cov, var, betaWeight, minBetaWeight, (float)marketReturn, in.residual, count, partials);
        final double n = SweepKernel.sum(partials, lanes, SweepKernel.RESIDUAL_ACCUMULATORS, 0);
        if (n < minInstruments)
        {
            return;
        }
        mean = SweepKernel.sum(partials, lanes, SweepKernel.RESIDUAL_ACCUMULATORS, 1) / n;
        final double meanSquare = SweepKernel.sum(partials, lanes, SweepKernel.RESIDUAL_ACCUMULATORS, 2) / n;
        deviation = Math.sqrt(Math.max(0.0, meanSquare - mean * mean));
        scored = (int)n;
        in.crossMean = (float)mean;
        in.crossScale = deviation > 0.0 ? (float)(1.0 / (zThreshold * deviation)) : 0.0f;
    }

    /**
     * Instruments in the last sweep's cross-section.
     *
     * @return the count, 0 when it was not scored.
     */
    int scored()
    {
        return scored;
    }

    public double score(final int slot, final long timeNs)
    {
        // The kernel's arithmetic, in float, so a candidate is confirmed with the value it was found with.
        final float residual = in.residual[slot];
        return Math.abs(residual) >= in.minResidual ? Math.abs(residual - in.crossMean) * in.crossScale : 0.0f;
    }

    public void rearm(final long sweepTimeNs)
    {
        hysteresis.rearm(sweepTimeNs, this);
    }

    public void onCandidate(final int slot, final long sweepTimeNs)
    {
        final double score = score(slot, sweepTimeNs);
        if (!(score > 1.0))
        {
            return;
        }
        hysteresis.fired(slot, sweepTimeNs);
        final double residual = in.residual[slot];
        final double beta = SweepKernel.beta(cov[slot], var[slot], betaWeight[slot], minBetaWeight);
        if (writer.beginAnomaly(
            slot, AnomalyType.CROSS_SECTIONAL, residual > mean ? Direction.UP : Direction.DOWN, score, FEATURE_COUNT))
        {
            writer.feature(Feature.RETURN, returns[slot]);
            writer.feature(Feature.MARKET_RETURN, marketReturn);
            writer.feature(Feature.BETA, beta);
            writer.feature(Feature.Z_SCORE, (residual - mean) / deviation);
            writer.feature(Feature.THRESHOLD, zThreshold);
            writer.feature(Feature.BASELINE, beta * marketReturn);
            writer.feature(Feature.PRICE, table.referencePrice(slot));
            writer.feature(Feature.RANK, rank(slot));
            writer.feature(Feature.CROSS_SECTION_SIZE, scored);
            writer.commitAnomaly();
        }
    }

    /**
     * The slot's place in this sweep's ranking of beta-adjusted moves away from the cross-section's mean, 1 for the
     * largest. One pass over the instruments per event, not a sort per sweep: events are few (hysteresis and cooldown)
     * and the sweep stays O(n) with nothing to allocate.
     */
    private int rank(final int slot)
    {
        final float[] residual = in.residual;
        final float crossMean = in.crossMean;
        final float distance = Math.abs(residual[slot] - crossMean);
        int larger = 0;
        for (int i = 0; i < count; i++)
        {
            if (Math.abs(residual[i] - crossMean) > distance)
            {
                larger++;
            }
        }
        return larger + 1;
    }
}
