/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;

import java.util.Arrays;

/**
 * BOOK_IMBALANCE, evaluated by the sweep.
 * <p>
 * On each {@code BookLevels} of a live book, {@code imbalance = (bidDepth - askDepth) / (bidDepth + askDepth)} over
 * the top N levels' quote notional (0 when the total is below the minimum depth), and the time it went beyond the
 * threshold on its current side is kept. The sweep scores {@code |imbalance| / threshold}, capped at 1 unless it has
 * stayed beyond the threshold, on the same side, for the minimum duration; it fires above 1 when armed. Direction:
 * UP for a bid-heavy book, DOWN for an ask-heavy one. A book that is not live has no imbalance.
 */
final class BookImbalanceDetector
{
    static final int FEATURE_COUNT = 7;
    static final long NOT_BEYOND = Long.MAX_VALUE;

    private final Hysteresis hysteresis;
    private final double threshold;
    private final double inverseThreshold;
    private final double minDepthNotional;
    private final long minDurationNs;
    private double[] imbalance;
    private double[] bidDepth;
    private double[] askDepth;
    private long[] sinceNs;
    private double[] scores;

    BookImbalanceDetector(final ScannerContext ctx, final int capacity)
    {
        hysteresis = new Hysteresis(capacity, ctx.bookImbalanceRearmScore(), ctx.bookImbalanceCooldownNs());
        threshold = ctx.bookImbalanceThreshold();
        inverseThreshold = 1.0 / threshold;
        minDepthNotional = ctx.bookImbalanceMinDepthNotional();
        minDurationNs = ctx.bookImbalanceMinDurationNs();
        imbalance = new double[capacity];
        bidDepth = new double[capacity];
        askDepth = new double[capacity];
        sinceNs = new long[capacity];
        scores = new double[capacity];
        Arrays.fill(sinceNs, NOT_BEYOND);
    }

    void ensureCapacity(final int capacity)
    {
        final int oldCapacity = imbalance.length;
        if (capacity > oldCapacity)
        {
            hysteresis.ensureCapacity(capacity);
            imbalance = Arrays.copyOf(imbalance, capacity);
            bidDepth = Arrays.copyOf(bidDepth, capacity);
            askDepth = Arrays.copyOf(askDepth, capacity);
            sinceNs = Arrays.copyOf(sinceNs, capacity);
            scores = Arrays.copyOf(scores, capacity);
            Arrays.fill(sinceNs, oldCapacity, capacity, NOT_BEYOND);
        }
    }

    /**
     * A live book's top-N depths at {@code timeNs}.
     */
    void onBook(final int slot, final long timeNs, final double bidNotional, final double askNotional)
    {
        bidDepth[slot] = bidNotional;
        askDepth[slot] = askNotional;
        final double total = bidNotional + askNotional;
        final double value = total > 0.0 && total >= minDepthNotional ? (bidNotional - askNotional) / total : 0.0;
        final double previous = imbalance[slot];
        imbalance[slot] = value;

        if (Math.abs(value) > threshold)
        {
            if (NOT_BEYOND == sinceNs[slot] || (previous > 0.0) != (value > 0.0))
            {
                sinceNs[slot] = timeNs;
            }
        }
        else
        {
            sinceNs[slot] = NOT_BEYOND;
        }
    }

    /**
     * The slot's book stopped being live: forget its imbalance.
     */
    void onBookNotLive(final int slot)
    {
        imbalance[slot] = 0.0;
        bidDepth[slot] = 0.0;
        askDepth[slot] = 0.0;
        sinceNs[slot] = NOT_BEYOND;
    }

    /**
     * Score every slot with the kernel, then fire armed slots above 1.
     *
     * @return anomalies detected.
     */
    int sweep(
        final long sweepTimeNs,
        final int count,
        final SweepKernel kernel,
        final InstrumentTable table,
        final ScanEventWriter writer)
    {
        final long sustainedSinceNs = sweepTimeNs - minDurationNs;
        kernel.bookImbalanceScores(imbalance, sinceNs, inverseThreshold, sustainedSinceNs, scores, count);

        int detected = 0;
        final double[] scores = this.scores;
        for (int slot = 0; slot < count; slot++)
        {
            final double score = scores[slot];
            if (!hysteresis.isArmed(slot) && !hysteresis.observe(slot, score, sweepTimeNs))
            {
                continue;
            }
            if (score > 1.0 && table.tradable[slot])
            {
                hysteresis.fired(slot, sweepTimeNs);
                emit(slot, score, sweepTimeNs, table, writer);
                detected++;
            }
        }
        return detected;
    }

    private void emit(
        final int slot,
        final double score,
        final long sweepTimeNs,
        final InstrumentTable table,
        final ScanEventWriter writer)
    {
        final double value = imbalance[slot];
        final Direction direction = value > 0.0 ? Direction.UP : Direction.DOWN;
        if (writer.beginAnomaly(slot, AnomalyType.BOOK_IMBALANCE, direction, score, FEATURE_COUNT))
        {
            writer.feature(Feature.BID_DEPTH, bidDepth[slot]);
            writer.feature(Feature.ASK_DEPTH, askDepth[slot]);
            writer.feature(Feature.IMBALANCE, value);
            writer.feature(Feature.THRESHOLD, threshold);
            writer.feature(Feature.DURATION_MS, (sweepTimeNs - sinceNs[slot]) / 1_000_000.0);
            writer.feature(Feature.SPREAD_BPS, table.spreadBps(slot));
            writer.feature(Feature.PRICE, table.referencePrice(slot));
            writer.commitAnomaly();
        }
    }
}
