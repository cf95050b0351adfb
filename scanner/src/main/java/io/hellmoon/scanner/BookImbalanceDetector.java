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
 * levels' quote notional (0 when the total is below the minimum depth), and the time it went beyond the threshold on
 * its current side is kept. The sweep's kernel tests {@code |imbalance| / threshold}; the exact score is that, capped
 * at 1 unless the imbalance has stayed beyond the threshold, on the same side, for the minimum duration, so only a
 * sustained imbalance fires. Direction: UP for a bid-heavy book, DOWN for an ask-heavy one. A book that is not live
 * has no imbalance.
 */
final class BookImbalanceDetector implements Detector
{
    static final int FEATURE_COUNT = 7;
    static final long NOT_BEYOND = Long.MAX_VALUE;

    private final SweepInputs in;
    private final InstrumentTable table;
    private final ScanEventWriter writer;
    private final Hysteresis hysteresis;
    private final double threshold;
    private final double inverseThreshold;
    private final double minDepthNotional;
    private final long minDurationNs;
    private double[] imbalance;
    private double[] bidDepth;
    private double[] askDepth;
    private long[] sinceNs;

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
        this.minDurationNs = ctx.bookImbalanceMinDurationNs();
        imbalance = new double[capacity];
        bidDepth = new double[capacity];
        askDepth = new double[capacity];
        sinceNs = new long[capacity];
        Arrays.fill(sinceNs, NOT_BEYOND);
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
            bidDepth = Arrays.copyOf(bidDepth, capacity);
            askDepth = Arrays.copyOf(askDepth, capacity);
            sinceNs = Arrays.copyOf(sinceNs, capacity);
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
        in.imbalance[slot] = (float)Math.abs(value);

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
        in.imbalance[slot] = 0.0f;
    }

    public double score(final int slot, final long timeNs)
    {
        final double raw = Math.abs(imbalance[slot]) * inverseThreshold;
        return sinceNs[slot] <= timeNs - minDurationNs ? raw : Math.min(raw, 1.0);
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
