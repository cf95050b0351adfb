/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.scanner.indicators.SpreadBaseline;

import java.util.Arrays;

/**
 * SPREAD_BLOWOUT: the quoted spread many times its baseline, for long enough to matter.
 * <p>
 * The spread is {@code (ask - bid) / mid} in basis points, from {@code BestBidOffer} (or the top of
 * {@code BookLevels} for instruments without book tickers); its baseline is the time-weighted, winsorised EWMA of
 * {@link SpreadBaseline}. {@code score = spread / max(baseline, floor) / ratio}, capped at 1 unless the spread has
 * stayed beyond the threshold for the minimum duration; it needs the warm-up of baseline samples. Direction NEUTRAL.
 */
final class SpreadBlowoutDetector implements Detector
{
    static final int FEATURE_COUNT = 7;
    private static final long NOT_BEYOND = Long.MAX_VALUE;

    private final SpreadBaseline spreads;
    private final SweepInputs in;
    private final InstrumentTable table;
    private final ScanEventWriter writer;
    private final Hysteresis hysteresis;
    private final double ratio;
    private final double inverseRatio;
    private final double floorBps;
    private final long warmupSamples;
    private final long minDurationNs;
    private long[] sinceNs;

    SpreadBlowoutDetector(
        final ScannerContext ctx,
        final SweepInputs in,
        final InstrumentTable table,
        final ScanEventWriter writer,
        final int capacity)
    {
        this.spreads = new SpreadBaseline(
            capacity, ctx.flowWindowNs(), ctx.spreadBaselineWindowNs(), ctx.spreadBaselineClip(),
            ctx.spreadFloorBps());
        this.in = in;
        this.table = table;
        this.writer = writer;
        this.hysteresis = new Hysteresis(index(), capacity, ctx.spreadRearmScore(), ctx.spreadCooldownNs(), in, table);
        this.ratio = ctx.spreadRatio();
        this.inverseRatio = 1.0 / ratio;
        this.floorBps = ctx.spreadFloorBps();
        this.warmupSamples = ctx.spreadWarmupNs() / ctx.flowWindowNs();
        this.minDurationNs = ctx.spreadMinDurationNs();
        sinceNs = new long[capacity];
        Arrays.fill(sinceNs, NOT_BEYOND);
    }

    public int index()
    {
        return SweepInputs.SPREAD_BLOWOUT;
    }

    public void ensureCapacity(final int capacity)
    {
        final int oldCapacity = sinceNs.length;
        if (capacity > oldCapacity)
        {
            hysteresis.ensureCapacity(capacity);
            spreads.ensureCapacity(capacity);
            sinceNs = Arrays.copyOf(sinceNs, capacity);
            Arrays.fill(sinceNs, oldCapacity, capacity, NOT_BEYOND);
        }
    }

    /**
     * A new best bid and ask (bid below ask) at {@code timeNs}.
     */
    void onQuote(final int slot, final long timeNs, final double bid, final double ask)
    {
        final double mid = 0.5 * (bid + ask);
        final double spreadBps = (ask - bid) / mid * 10_000.0;
        spreads.onSpread(slot, timeNs, spreadBps);
        final double raw = rawScore(slot);
        if (raw > 1.0)
        {
            if (NOT_BEYOND == sinceNs[slot])
            {
                sinceNs[slot] = timeNs;
            }
        }
        else
        {
            sinceNs[slot] = NOT_BEYOND;
        }
        in.spread[slot] = (float)spreadBps;
        in.spreadScale[slot] = spreads.samples(slot) >= warmupSamples ? (float)(inverseRatio / baseline(slot)) : 0.0f;
    }

    public double score(final int slot, final long timeNs)
    {
        final double raw = rawScore(slot);
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
        final double spread = spreads.spread(slot);
        final double baseline = baseline(slot);
        if (writer.beginAnomaly(slot, AnomalyType.SPREAD_BLOWOUT, Direction.NEUTRAL, score, FEATURE_COUNT))
        {
            writer.feature(Feature.SPREAD_BPS, spread);
            writer.feature(Feature.SPREAD_BASELINE_BPS, baseline);
            writer.feature(Feature.RATIO, spread / baseline);
            writer.feature(Feature.THRESHOLD, ratio);
            writer.feature(Feature.DURATION_MS, (sweepTimeNs - sinceNs[slot]) / 1_000_000.0);
            writer.feature(Feature.IMBALANCE, table.topImbalance(slot));
            writer.feature(Feature.PRICE, table.referencePrice(slot));
            writer.commitAnomaly();
        }
    }

    private double baseline(final int slot)
    {
        return Math.max(spreads.baseline(slot), floorBps);
    }

    private double rawScore(final int slot)
    {
        return spreads.samples(slot) >= warmupSamples ? spreads.spread(slot) / baseline(slot) * inverseRatio : 0.0;
    }
}
