/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;

import java.util.Arrays;

/**
 * BOOK_IMBALANCE: the top-N depth of a live book sustainedly heavier on one side.
 * <p>
 * On each {@code BookLevels}, {@code imbalance = (bidDepth - askDepth) / (bidDepth + askDepth)} over the top N
 * levels' quote notional (0 when the total is below the minimum depth). What is scored is its time-weighted average
 * with time constant {@code window}: each imbalance counts for as long as it stood, {@code avg += a (held - avg)}
 * with {@code a = dt / (window + dt)}, so a book that flickers averages out and one that leans for several windows
 * crosses, without a single contrary update resetting it. {@code score = |avg| / threshold}, once the book has been
 * live for a window; the sweep brings the average up to its own time. Direction: UP for a bid-heavy book, DOWN for an
 * ask-heavy one. A book that is not live has no imbalance and starts again.
 */
final class BookImbalanceDetector implements Detector
{
    static final int FEATURE_COUNT = 7;
    private static final long NO_TIME = Long.MIN_VALUE;

    private final SweepInputs in;
    private final InstrumentTable table;
    private final ScanEventWriter writer;
    private final Hysteresis hysteresis;
    private final double threshold;
    private final double inverseThreshold;
    private final double minDepthNotional;
    private final double windowNs;
    private double[] imbalance;
    private double[] average;
    private double[] bidDepth;
    private double[] askDepth;
    private long[] lastNs;
    private long[] liveSinceNs;

    BookImbalanceDetector(
        final ScannerContext ctx,
        final SweepInputs in,
        final InstrumentTable table,
        final ScanEventWriter writer,
        final int capacity)
    {
        this.in = in;
        this.table = table;
        this.writer = writer;
        this.hysteresis = new Hysteresis(
            index(), capacity, ctx.bookImbalanceRearmScore(), ctx.bookImbalanceCooldownNs(), in, table);
        this.threshold = ctx.bookImbalanceThreshold();
        this.inverseThreshold = 1.0 / threshold;
        this.minDepthNotional = ctx.bookImbalanceMinDepthNotional();
        this.windowNs = ctx.bookImbalanceWindowNs();
        imbalance = new double[capacity];
        average = new double[capacity];
        bidDepth = new double[capacity];
        askDepth = new double[capacity];
        lastNs = new long[capacity];
        liveSinceNs = new long[capacity];
        Arrays.fill(lastNs, NO_TIME);
        Arrays.fill(liveSinceNs, NO_TIME);
        in.imbalanceScale = (float)inverseThreshold;
    }

    public int index()
    {
        return SweepInputs.BOOK_IMBALANCE;
    }

    public void ensureCapacity(final int capacity)
    {
        final int oldCapacity = imbalance.length;
        if (capacity > oldCapacity)
        {
            hysteresis.ensureCapacity(capacity);
            imbalance = Arrays.copyOf(imbalance, capacity);
            average = Arrays.copyOf(average, capacity);
            bidDepth = Arrays.copyOf(bidDepth, capacity);
            askDepth = Arrays.copyOf(askDepth, capacity);
            lastNs = Arrays.copyOf(lastNs, capacity);
            liveSinceNs = Arrays.copyOf(liveSinceNs, capacity);
            Arrays.fill(lastNs, oldCapacity, capacity, NO_TIME);
            Arrays.fill(liveSinceNs, oldCapacity, capacity, NO_TIME);
        }
    }

    /**
     * A live book's top-N depths at {@code timeNs}.
     */
    void onBook(final int slot, final long timeNs, final double bidNotional, final double askNotional)
    {
        advance(slot, timeNs);
        if (NO_TIME == liveSinceNs[slot])
        {
            liveSinceNs[slot] = timeNs;
        }
        bidDepth[slot] = bidNotional;
        askDepth[slot] = askNotional;
        final double total = bidNotional + askNotional;
        imbalance[slot] = total > 0.0 && total >= minDepthNotional ? (bidNotional - askNotional) / total : 0.0;
        refresh(slot, timeNs);
    }

    /**
     * The slot's book stopped being live: forget its imbalance.
     */
    void onBookNotLive(final int slot)
    {
        imbalance[slot] = 0.0;
        average[slot] = 0.0;
        bidDepth[slot] = 0.0;
        askDepth[slot] = 0.0;
        lastNs[slot] = NO_TIME;
        liveSinceNs[slot] = NO_TIME;
        in.imbalance[slot] = 0.0f;
    }

    public double score(final int slot, final long timeNs)
    {
        advance(slot, timeNs);
        refresh(slot, timeNs);
        return exactScore(slot, timeNs);
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
        final double value = average[slot];
        final Direction direction = value > 0.0 ? Direction.UP : Direction.DOWN;
        if (writer.beginAnomaly(slot, AnomalyType.BOOK_IMBALANCE, direction, score, FEATURE_COUNT))
        {
            writer.feature(Feature.BID_DEPTH, bidDepth[slot]);
            writer.feature(Feature.ASK_DEPTH, askDepth[slot]);
            writer.feature(Feature.IMBALANCE, value);
            writer.feature(Feature.THRESHOLD, threshold);
            writer.feature(Feature.DURATION_MS, (sweepTimeNs - liveSinceNs[slot]) / 1_000_000.0);
            writer.feature(Feature.SPREAD_BPS, table.spreadBps(slot));
            writer.feature(Feature.PRICE, table.referencePrice(slot));
            writer.commitAnomaly();
        }
    }

    /**
     * Fold the imbalance that has stood since the last update into the average, up to {@code timeNs}.
     */
    private void advance(final int slot, final long timeNs)
    {
        final long previousNs = lastNs[slot];
        if (NO_TIME != previousNs && timeNs > previousNs)
        {
            final double dtNs = timeNs - previousNs;
            average[slot] += dtNs / (windowNs + dtNs) * (imbalance[slot] - average[slot]);
        }
        if (NO_TIME == previousNs || timeNs > previousNs)
        {
            lastNs[slot] = timeNs;
        }
    }

    private double exactScore(final int slot, final long timeNs)
    {
        final long sinceNs = liveSinceNs[slot];
        return NO_TIME != sinceNs && timeNs - sinceNs >= windowNs ? Math.abs(average[slot]) * inverseThreshold : 0.0;
    }

    private void refresh(final int slot, final long timeNs)
    {
        final long sinceNs = liveSinceNs[slot];
        in.imbalance[slot] = NO_TIME != sinceNs && timeNs - sinceNs >= windowNs ? (float)Math.abs(average[slot]) : 0.0f;
    }
}
