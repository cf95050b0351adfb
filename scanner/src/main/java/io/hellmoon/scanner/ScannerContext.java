/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.codecs.aeron.BackPressurePolicy;
import io.hellmoon.codecs.aeron.CounterFactory;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.util.concurrent.TimeUnit;

/**
 * Configuration of one scanner: every field starts from {@link ScannerConfiguration}'s system-property default and
 * can be overridden with its fluent setter; {@link #conclude()} then validates ranges and fails fast naming the key
 * and the reason. {@link HellmoonScanner} concludes the context it is given.
 * <p>
 * A context is single use: do not share or reuse one after it has been concluded. Not thread safe.
 */
public final class ScannerContext
{
    /**
     * Counters a scanner creates through its {@link CounterFactory}: enough for the local default.
     */
    static final int LOCAL_COUNTERS = 16;

    private boolean isConcluded;
    private EpochNanoClock clock;
    private CounterFactory counterFactory;
    private ScannerConfiguration.SweepKernel resolvedSweepKernel;
    private boolean enabled = ScannerConfiguration.enabled();
    private int scannerId = ScannerConfiguration.scannerId();
    private int capacity = ScannerConfiguration.capacity();
    private int shardCount = ScannerConfiguration.shardCount();
    private int shardIndex = ScannerConfiguration.shardIndex();
    private int fragmentLimit = ScannerConfiguration.fragmentLimit();
    private long sweepIntervalNs = ScannerConfiguration.sweepIntervalNs();
    private ScannerConfiguration.SweepKernel sweepKernel = ScannerConfiguration.sweepKernel();
    private long maxEventTimeSkewNs = ScannerConfiguration.maxEventTimeSkewNs();
    private BackPressurePolicy backPressurePolicy = ScannerConfiguration.backPressurePolicy();
    private long publishRetryTimeoutNs = ScannerConfiguration.publishRetryTimeoutNs();
    private long flowWindowNs = ScannerConfiguration.flowWindowNs();
    private int flowBuckets = ScannerConfiguration.flowBuckets();
    private double volumeSpikeRatio = ScannerConfiguration.volumeSpikeRatio();
    private double volumeSpikeMinNotional = ScannerConfiguration.volumeSpikeMinNotional();
    private long volumeSpikeBaselineWindowNs = ScannerConfiguration.volumeSpikeBaselineWindowNs();
    private double volumeSpikeBaselineFloor = ScannerConfiguration.volumeSpikeBaselineFloor();
    private double volumeSpikeBaselineClip = ScannerConfiguration.volumeSpikeBaselineClip();
    private long volumeSpikeWarmupNs = ScannerConfiguration.volumeSpikeWarmupNs();
    private double volumeSpikeDirectionThreshold = ScannerConfiguration.volumeSpikeDirectionThreshold();
    private double volumeSpikeRearmScore = ScannerConfiguration.volumeSpikeRearmScore();
    private long volumeSpikeCooldownNs = ScannerConfiguration.volumeSpikeCooldownNs();
    private int bookImbalanceLevels = ScannerConfiguration.bookImbalanceLevels();
    private double bookImbalanceThreshold = ScannerConfiguration.bookImbalanceThreshold();
    private long bookImbalanceMinDurationNs = ScannerConfiguration.bookImbalanceMinDurationNs();
    private double bookImbalanceMinDepthNotional = ScannerConfiguration.bookImbalanceMinDepthNotional();
    private double bookImbalanceRearmScore = ScannerConfiguration.bookImbalanceRearmScore();
    private long bookImbalanceCooldownNs = ScannerConfiguration.bookImbalanceCooldownNs();
    private long volatilitySampleIntervalNs = ScannerConfiguration.volatilitySampleIntervalNs();
    private long volatilityShortWindowNs = ScannerConfiguration.volatilityShortWindowNs();
    private long volatilityLongWindowNs = ScannerConfiguration.volatilityLongWindowNs();
    private double volatilityRatio = ScannerConfiguration.volatilityRatio();
    private double volatilityMinLongVol = ScannerConfiguration.volatilityMinLongVol();
    private long volatilityWarmupNs = ScannerConfiguration.volatilityWarmupNs();
    private double volatilityAtrRatio = ScannerConfiguration.volatilityAtrRatio();
    private double volatilityDirectionThreshold = ScannerConfiguration.volatilityDirectionThreshold();
    private double volatilityRearmScore = ScannerConfiguration.volatilityRearmScore();
    private long volatilityCooldownNs = ScannerConfiguration.volatilityCooldownNs();
    private long barIntervalNs = ScannerConfiguration.barIntervalNs();
    private int barGapFillMax = ScannerConfiguration.barGapFillMax();
    private int atrPeriod = ScannerConfiguration.atrPeriod();
    private int atrLongPeriod = ScannerConfiguration.atrLongPeriod();
    private int adxPeriod = ScannerConfiguration.adxPeriod();
    private int emaPeriod = ScannerConfiguration.emaPeriod();
    private int rangeBars = ScannerConfiguration.rangeBars();
    private double regimeAtrRatioLow = ScannerConfiguration.regimeAtrRatioLow();
    private double regimeAtrRatioNormal = ScannerConfiguration.regimeAtrRatioNormal();
    private double regimeAtrRatioHigh = ScannerConfiguration.regimeAtrRatioHigh();
    private double regimeAdxTrending = ScannerConfiguration.regimeAdxTrending();
    private double regimeAdxStrong = ScannerConfiguration.regimeAdxStrong();
    private double regimeEmaAlignment = ScannerConfiguration.regimeEmaAlignment();
    private double regimeRangeWidth = ScannerConfiguration.regimeRangeWidth();
    private int regimeDwellBars = ScannerConfiguration.regimeDwellBars();
    private int regimeWarmupBars = ScannerConfiguration.regimeWarmupBars();
    /**
     * The whether anomaly events are published at start.
     *
     * @return the value.
     * @see ScannerConfiguration#ENABLED_PROP_NAME
     */
    public boolean enabled()
    {
        return enabled;
    }

    /**
     * Set the whether anomaly events are published at start.
     *
     * @param enabled the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#ENABLED_PROP_NAME
     */
    public ScannerContext enabled(final boolean enabled)
    {
        this.enabled = enabled;
        return this;
    }

    /**
     * The the scanner id, part of every anomaly id.
     *
     * @return the value.
     * @see ScannerConfiguration#SCANNER_ID_PROP_NAME
     */
    public int scannerId()
    {
        return scannerId;
    }

    /**
     * Set the the scanner id, part of every anomaly id.
     *
     * @param scannerId the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SCANNER_ID_PROP_NAME
     */
    public ScannerContext scannerId(final int scannerId)
    {
        this.scannerId = scannerId;
        return this;
    }

    /**
     * The instruments the state arrays are sized for at start.
     *
     * @return the value.
     * @see ScannerConfiguration#CAPACITY_PROP_NAME
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * Set the instruments the state arrays are sized for at start.
     *
     * @param capacity the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#CAPACITY_PROP_NAME
     */
    public ScannerContext capacity(final int capacity)
    {
        this.capacity = capacity;
        return this;
    }

    /**
     * The number of scanner shards sharing the market-data stream.
     *
     * @return the value.
     * @see ScannerConfiguration#SHARD_COUNT_PROP_NAME
     */
    public int shardCount()
    {
        return shardCount;
    }

    /**
     * Set the number of scanner shards sharing the market-data stream.
     *
     * @param shardCount the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SHARD_COUNT_PROP_NAME
     */
    public ScannerContext shardCount(final int shardCount)
    {
        this.shardCount = shardCount;
        return this;
    }

    /**
     * The this scanner's shard.
     *
     * @return the value.
     * @see ScannerConfiguration#SHARD_INDEX_PROP_NAME
     */
    public int shardIndex()
    {
        return shardIndex;
    }

    /**
     * Set the this scanner's shard.
     *
     * @param shardIndex the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SHARD_INDEX_PROP_NAME
     */
    public ScannerContext shardIndex(final int shardIndex)
    {
        this.shardIndex = shardIndex;
        return this;
    }

    /**
     * The most fragments polled per duty cycle.
     *
     * @return the value.
     * @see ScannerConfiguration#FRAGMENT_LIMIT_PROP_NAME
     */
    public int fragmentLimit()
    {
        return fragmentLimit;
    }

    /**
     * Set the most fragments polled per duty cycle.
     *
     * @param fragmentLimit the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#FRAGMENT_LIMIT_PROP_NAME
     */
    public ScannerContext fragmentLimit(final int fragmentLimit)
    {
        this.fragmentLimit = fragmentLimit;
        return this;
    }

    /**
     * The event-time interval of the sweep, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#SWEEP_INTERVAL_PROP_NAME
     */
    public long sweepIntervalNs()
    {
        return sweepIntervalNs;
    }

    /**
     * Set the event-time interval of the sweep, in nanoseconds.
     *
     * @param sweepIntervalNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SWEEP_INTERVAL_PROP_NAME
     */
    public ScannerContext sweepIntervalNs(final long sweepIntervalNs)
    {
        this.sweepIntervalNs = sweepIntervalNs;
        return this;
    }

    /**
     * The the sweep's implementation.
     *
     * @return the value.
     * @see ScannerConfiguration#SWEEP_KERNEL_PROP_NAME
     */
    public ScannerConfiguration.SweepKernel sweepKernel()
    {
        return sweepKernel;
    }

    /**
     * Set the the sweep's implementation.
     *
     * @param sweepKernel the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SWEEP_KERNEL_PROP_NAME
     */
    public ScannerContext sweepKernel(final ScannerConfiguration.SweepKernel sweepKernel)
    {
        this.sweepKernel = sweepKernel;
        return this;
    }

    /**
     * The largest accepted event to receive time distance, 0 for off.
     *
     * @return the value.
     * @see ScannerConfiguration#MAX_EVENT_TIME_SKEW_PROP_NAME
     */
    public long maxEventTimeSkewNs()
    {
        return maxEventTimeSkewNs;
    }

    /**
     * Set the largest accepted event to receive time distance, 0 for off.
     *
     * @param maxEventTimeSkewNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#MAX_EVENT_TIME_SKEW_PROP_NAME
     */
    public ScannerContext maxEventTimeSkewNs(final long maxEventTimeSkewNs)
    {
        this.maxEventTimeSkewNs = maxEventTimeSkewNs;
        return this;
    }

    /**
     * The the scan publisher's back-pressure policy.
     *
     * @return the value.
     * @see ScannerConfiguration#BACK_PRESSURE_PROP_NAME
     */
    public BackPressurePolicy backPressurePolicy()
    {
        return backPressurePolicy;
    }

    /**
     * Set the the scan publisher's back-pressure policy.
     *
     * @param backPressurePolicy the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BACK_PRESSURE_PROP_NAME
     */
    public ScannerContext backPressurePolicy(final BackPressurePolicy backPressurePolicy)
    {
        this.backPressurePolicy = backPressurePolicy;
        return this;
    }

    /**
     * The how long a back-pressured offer is retried.
     *
     * @return the value.
     * @see ScannerConfiguration#PUBLISH_RETRY_TIMEOUT_PROP_NAME
     */
    public long publishRetryTimeoutNs()
    {
        return publishRetryTimeoutNs;
    }

    /**
     * Set the how long a back-pressured offer is retried.
     *
     * @param publishRetryTimeoutNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#PUBLISH_RETRY_TIMEOUT_PROP_NAME
     */
    public ScannerContext publishRetryTimeoutNs(final long publishRetryTimeoutNs)
    {
        this.publishRetryTimeoutNs = publishRetryTimeoutNs;
        return this;
    }

    /**
     * The length of the rolling trade-flow window.
     *
     * @return the value.
     * @see ScannerConfiguration#FLOW_WINDOW_PROP_NAME
     */
    public long flowWindowNs()
    {
        return flowWindowNs;
    }

    /**
     * Set the length of the rolling trade-flow window.
     *
     * @param flowWindowNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#FLOW_WINDOW_PROP_NAME
     */
    public ScannerContext flowWindowNs(final long flowWindowNs)
    {
        this.flowWindowNs = flowWindowNs;
        return this;
    }

    /**
     * The buckets of the flow window.
     *
     * @return the value.
     * @see ScannerConfiguration#FLOW_BUCKETS_PROP_NAME
     */
    public int flowBuckets()
    {
        return flowBuckets;
    }

    /**
     * Set the buckets of the flow window.
     *
     * @param flowBuckets the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#FLOW_BUCKETS_PROP_NAME
     */
    public ScannerContext flowBuckets(final int flowBuckets)
    {
        this.flowBuckets = flowBuckets;
        return this;
    }

    /**
     * The the volume spike ratio threshold.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLUME_SPIKE_RATIO_PROP_NAME
     */
    public double volumeSpikeRatio()
    {
        return volumeSpikeRatio;
    }

    /**
     * Set the the volume spike ratio threshold.
     *
     * @param volumeSpikeRatio the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLUME_SPIKE_RATIO_PROP_NAME
     */
    public ScannerContext volumeSpikeRatio(final double volumeSpikeRatio)
    {
        this.volumeSpikeRatio = volumeSpikeRatio;
        return this;
    }

    /**
     * The least window notional of a volume spike.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLUME_SPIKE_MIN_NOTIONAL_PROP_NAME
     */
    public double volumeSpikeMinNotional()
    {
        return volumeSpikeMinNotional;
    }

    /**
     * Set the least window notional of a volume spike.
     *
     * @param volumeSpikeMinNotional the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLUME_SPIKE_MIN_NOTIONAL_PROP_NAME
     */
    public ScannerContext volumeSpikeMinNotional(final double volumeSpikeMinNotional)
    {
        this.volumeSpikeMinNotional = volumeSpikeMinNotional;
        return this;
    }

    /**
     * The span of the volume baseline EWMA.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLUME_SPIKE_BASELINE_WINDOW_PROP_NAME
     */
    public long volumeSpikeBaselineWindowNs()
    {
        return volumeSpikeBaselineWindowNs;
    }

    /**
     * Set the span of the volume baseline EWMA.
     *
     * @param volumeSpikeBaselineWindowNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLUME_SPIKE_BASELINE_WINDOW_PROP_NAME
     */
    public ScannerContext volumeSpikeBaselineWindowNs(final long volumeSpikeBaselineWindowNs)
    {
        this.volumeSpikeBaselineWindowNs = volumeSpikeBaselineWindowNs;
        return this;
    }

    /**
     * The floor of the volume baseline.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLUME_SPIKE_BASELINE_FLOOR_PROP_NAME
     */
    public double volumeSpikeBaselineFloor()
    {
        return volumeSpikeBaselineFloor;
    }

    /**
     * Set the floor of the volume baseline.
     *
     * @param volumeSpikeBaselineFloor the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLUME_SPIKE_BASELINE_FLOOR_PROP_NAME
     */
    public ScannerContext volumeSpikeBaselineFloor(final double volumeSpikeBaselineFloor)
    {
        this.volumeSpikeBaselineFloor = volumeSpikeBaselineFloor;
        return this;
    }

    /**
     * The winsorising factor of the volume baseline.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLUME_SPIKE_BASELINE_CLIP_PROP_NAME
     */
    public double volumeSpikeBaselineClip()
    {
        return volumeSpikeBaselineClip;
    }

    /**
     * Set the winsorising factor of the volume baseline.
     *
     * @param volumeSpikeBaselineClip the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLUME_SPIKE_BASELINE_CLIP_PROP_NAME
     */
    public ScannerContext volumeSpikeBaselineClip(final double volumeSpikeBaselineClip)
    {
        this.volumeSpikeBaselineClip = volumeSpikeBaselineClip;
        return this;
    }

    /**
     * The baseline history needed before volume spikes fire.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLUME_SPIKE_WARMUP_PROP_NAME
     */
    public long volumeSpikeWarmupNs()
    {
        return volumeSpikeWarmupNs;
    }

    /**
     * Set the baseline history needed before volume spikes fire.
     *
     * @param volumeSpikeWarmupNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLUME_SPIKE_WARMUP_PROP_NAME
     */
    public ScannerContext volumeSpikeWarmupNs(final long volumeSpikeWarmupNs)
    {
        this.volumeSpikeWarmupNs = volumeSpikeWarmupNs;
        return this;
    }

    /**
     * The signed-flow share beyond which a spike has a direction.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLUME_SPIKE_DIRECTION_THRESHOLD_PROP_NAME
     */
    public double volumeSpikeDirectionThreshold()
    {
        return volumeSpikeDirectionThreshold;
    }

    /**
     * Set the signed-flow share beyond which a spike has a direction.
     *
     * @param volumeSpikeDirectionThreshold the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLUME_SPIKE_DIRECTION_THRESHOLD_PROP_NAME
     */
    public ScannerContext volumeSpikeDirectionThreshold(final double volumeSpikeDirectionThreshold)
    {
        this.volumeSpikeDirectionThreshold = volumeSpikeDirectionThreshold;
        return this;
    }

    /**
     * The score a volume spike must fall below to re-arm.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLUME_SPIKE_REARM_SCORE_PROP_NAME
     */
    public double volumeSpikeRearmScore()
    {
        return volumeSpikeRearmScore;
    }

    /**
     * Set the score a volume spike must fall below to re-arm.
     *
     * @param volumeSpikeRearmScore the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLUME_SPIKE_REARM_SCORE_PROP_NAME
     */
    public ScannerContext volumeSpikeRearmScore(final double volumeSpikeRearmScore)
    {
        this.volumeSpikeRearmScore = volumeSpikeRearmScore;
        return this;
    }

    /**
     * The least time between volume spikes of one instrument.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLUME_SPIKE_COOLDOWN_PROP_NAME
     */
    public long volumeSpikeCooldownNs()
    {
        return volumeSpikeCooldownNs;
    }

    /**
     * Set the least time between volume spikes of one instrument.
     *
     * @param volumeSpikeCooldownNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLUME_SPIKE_COOLDOWN_PROP_NAME
     */
    public ScannerContext volumeSpikeCooldownNs(final long volumeSpikeCooldownNs)
    {
        this.volumeSpikeCooldownNs = volumeSpikeCooldownNs;
        return this;
    }

    /**
     * The book levels per side in the imbalance.
     *
     * @return the value.
     * @see ScannerConfiguration#BOOK_IMBALANCE_LEVELS_PROP_NAME
     */
    public int bookImbalanceLevels()
    {
        return bookImbalanceLevels;
    }

    /**
     * Set the book levels per side in the imbalance.
     *
     * @param bookImbalanceLevels the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BOOK_IMBALANCE_LEVELS_PROP_NAME
     */
    public ScannerContext bookImbalanceLevels(final int bookImbalanceLevels)
    {
        this.bookImbalanceLevels = bookImbalanceLevels;
        return this;
    }

    /**
     * The the book imbalance threshold.
     *
     * @return the value.
     * @see ScannerConfiguration#BOOK_IMBALANCE_THRESHOLD_PROP_NAME
     */
    public double bookImbalanceThreshold()
    {
        return bookImbalanceThreshold;
    }

    /**
     * Set the the book imbalance threshold.
     *
     * @param bookImbalanceThreshold the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BOOK_IMBALANCE_THRESHOLD_PROP_NAME
     */
    public ScannerContext bookImbalanceThreshold(final double bookImbalanceThreshold)
    {
        this.bookImbalanceThreshold = bookImbalanceThreshold;
        return this;
    }

    /**
     * The how long an imbalance must last.
     *
     * @return the value.
     * @see ScannerConfiguration#BOOK_IMBALANCE_MIN_DURATION_PROP_NAME
     */
    public long bookImbalanceMinDurationNs()
    {
        return bookImbalanceMinDurationNs;
    }

    /**
     * Set the how long an imbalance must last.
     *
     * @param bookImbalanceMinDurationNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BOOK_IMBALANCE_MIN_DURATION_PROP_NAME
     */
    public ScannerContext bookImbalanceMinDurationNs(final long bookImbalanceMinDurationNs)
    {
        this.bookImbalanceMinDurationNs = bookImbalanceMinDurationNs;
        return this;
    }

    /**
     * The least depth notional for an imbalance to count.
     *
     * @return the value.
     * @see ScannerConfiguration#BOOK_IMBALANCE_MIN_DEPTH_NOTIONAL_PROP_NAME
     */
    public double bookImbalanceMinDepthNotional()
    {
        return bookImbalanceMinDepthNotional;
    }

    /**
     * Set the least depth notional for an imbalance to count.
     *
     * @param bookImbalanceMinDepthNotional the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BOOK_IMBALANCE_MIN_DEPTH_NOTIONAL_PROP_NAME
     */
    public ScannerContext bookImbalanceMinDepthNotional(final double bookImbalanceMinDepthNotional)
    {
        this.bookImbalanceMinDepthNotional = bookImbalanceMinDepthNotional;
        return this;
    }

    /**
     * The score a book imbalance must fall below to re-arm.
     *
     * @return the value.
     * @see ScannerConfiguration#BOOK_IMBALANCE_REARM_SCORE_PROP_NAME
     */
    public double bookImbalanceRearmScore()
    {
        return bookImbalanceRearmScore;
    }

    /**
     * Set the score a book imbalance must fall below to re-arm.
     *
     * @param bookImbalanceRearmScore the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BOOK_IMBALANCE_REARM_SCORE_PROP_NAME
     */
    public ScannerContext bookImbalanceRearmScore(final double bookImbalanceRearmScore)
    {
        this.bookImbalanceRearmScore = bookImbalanceRearmScore;
        return this;
    }

    /**
     * The least time between book imbalance events of one instrument.
     *
     * @return the value.
     * @see ScannerConfiguration#BOOK_IMBALANCE_COOLDOWN_PROP_NAME
     */
    public long bookImbalanceCooldownNs()
    {
        return bookImbalanceCooldownNs;
    }

    /**
     * Set the least time between book imbalance events of one instrument.
     *
     * @param bookImbalanceCooldownNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BOOK_IMBALANCE_COOLDOWN_PROP_NAME
     */
    public ScannerContext bookImbalanceCooldownNs(final long bookImbalanceCooldownNs)
    {
        this.bookImbalanceCooldownNs = bookImbalanceCooldownNs;
        return this;
    }

    /**
     * The sampling interval of the log returns.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLATILITY_SAMPLE_INTERVAL_PROP_NAME
     */
    public long volatilitySampleIntervalNs()
    {
        return volatilitySampleIntervalNs;
    }

    /**
     * Set the sampling interval of the log returns.
     *
     * @param volatilitySampleIntervalNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLATILITY_SAMPLE_INTERVAL_PROP_NAME
     */
    public ScannerContext volatilitySampleIntervalNs(final long volatilitySampleIntervalNs)
    {
        this.volatilitySampleIntervalNs = volatilitySampleIntervalNs;
        return this;
    }

    /**
     * The span of the short realised variance.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLATILITY_SHORT_WINDOW_PROP_NAME
     */
    public long volatilityShortWindowNs()
    {
        return volatilityShortWindowNs;
    }

    /**
     * Set the span of the short realised variance.
     *
     * @param volatilityShortWindowNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLATILITY_SHORT_WINDOW_PROP_NAME
     */
    public ScannerContext volatilityShortWindowNs(final long volatilityShortWindowNs)
    {
        this.volatilityShortWindowNs = volatilityShortWindowNs;
        return this;
    }

    /**
     * The span of the long realised variance.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLATILITY_LONG_WINDOW_PROP_NAME
     */
    public long volatilityLongWindowNs()
    {
        return volatilityLongWindowNs;
    }

    /**
     * Set the span of the long realised variance.
     *
     * @param volatilityLongWindowNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLATILITY_LONG_WINDOW_PROP_NAME
     */
    public ScannerContext volatilityLongWindowNs(final long volatilityLongWindowNs)
    {
        this.volatilityLongWindowNs = volatilityLongWindowNs;
        return this;
    }

    /**
     * The the realised volatility ratio threshold.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLATILITY_RATIO_PROP_NAME
     */
    public double volatilityRatio()
    {
        return volatilityRatio;
    }

    /**
     * Set the the realised volatility ratio threshold.
     *
     * @param volatilityRatio the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLATILITY_RATIO_PROP_NAME
     */
    public ScannerContext volatilityRatio(final double volatilityRatio)
    {
        this.volatilityRatio = volatilityRatio;
        return this;
    }

    /**
     * The floor of the long-horizon volatility.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLATILITY_MIN_LONG_VOL_PROP_NAME
     */
    public double volatilityMinLongVol()
    {
        return volatilityMinLongVol;
    }

    /**
     * Set the floor of the long-horizon volatility.
     *
     * @param volatilityMinLongVol the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLATILITY_MIN_LONG_VOL_PROP_NAME
     */
    public ScannerContext volatilityMinLongVol(final double volatilityMinLongVol)
    {
        this.volatilityMinLongVol = volatilityMinLongVol;
        return this;
    }

    /**
     * The return history needed before realised volatility is used.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLATILITY_WARMUP_PROP_NAME
     */
    public long volatilityWarmupNs()
    {
        return volatilityWarmupNs;
    }

    /**
     * Set the return history needed before realised volatility is used.
     *
     * @param volatilityWarmupNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLATILITY_WARMUP_PROP_NAME
     */
    public ScannerContext volatilityWarmupNs(final long volatilityWarmupNs)
    {
        this.volatilityWarmupNs = volatilityWarmupNs;
        return this;
    }

    /**
     * The the ATR ratio threshold, 0 for off.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLATILITY_ATR_RATIO_PROP_NAME
     */
    public double volatilityAtrRatio()
    {
        return volatilityAtrRatio;
    }

    /**
     * Set the the ATR ratio threshold, 0 for off.
     *
     * @param volatilityAtrRatio the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLATILITY_ATR_RATIO_PROP_NAME
     */
    public ScannerContext volatilityAtrRatio(final double volatilityAtrRatio)
    {
        this.volatilityAtrRatio = volatilityAtrRatio;
        return this;
    }

    /**
     * The move beyond which an expansion has a direction.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLATILITY_DIRECTION_THRESHOLD_PROP_NAME
     */
    public double volatilityDirectionThreshold()
    {
        return volatilityDirectionThreshold;
    }

    /**
     * Set the move beyond which an expansion has a direction.
     *
     * @param volatilityDirectionThreshold the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLATILITY_DIRECTION_THRESHOLD_PROP_NAME
     */
    public ScannerContext volatilityDirectionThreshold(final double volatilityDirectionThreshold)
    {
        this.volatilityDirectionThreshold = volatilityDirectionThreshold;
        return this;
    }

    /**
     * The score a volatility expansion must fall below to re-arm.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLATILITY_REARM_SCORE_PROP_NAME
     */
    public double volatilityRearmScore()
    {
        return volatilityRearmScore;
    }

    /**
     * Set the score a volatility expansion must fall below to re-arm.
     *
     * @param volatilityRearmScore the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLATILITY_REARM_SCORE_PROP_NAME
     */
    public ScannerContext volatilityRearmScore(final double volatilityRearmScore)
    {
        this.volatilityRearmScore = volatilityRearmScore;
        return this;
    }

    /**
     * The least time between volatility expansions of one instrument.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLATILITY_COOLDOWN_PROP_NAME
     */
    public long volatilityCooldownNs()
    {
        return volatilityCooldownNs;
    }

    /**
     * Set the least time between volatility expansions of one instrument.
     *
     * @param volatilityCooldownNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLATILITY_COOLDOWN_PROP_NAME
     */
    public ScannerContext volatilityCooldownNs(final long volatilityCooldownNs)
    {
        this.volatilityCooldownNs = volatilityCooldownNs;
        return this;
    }

    /**
     * The interval of the bars.
     *
     * @return the value.
     * @see ScannerConfiguration#BAR_INTERVAL_PROP_NAME
     */
    public long barIntervalNs()
    {
        return barIntervalNs;
    }

    /**
     * Set the interval of the bars.
     *
     * @param barIntervalNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BAR_INTERVAL_PROP_NAME
     */
    public ScannerContext barIntervalNs(final long barIntervalNs)
    {
        this.barIntervalNs = barIntervalNs;
        return this;
    }

    /**
     * The most flat bars inserted for a gap.
     *
     * @return the value.
     * @see ScannerConfiguration#BAR_GAP_FILL_MAX_PROP_NAME
     */
    public int barGapFillMax()
    {
        return barGapFillMax;
    }

    /**
     * Set the most flat bars inserted for a gap.
     *
     * @param barGapFillMax the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BAR_GAP_FILL_MAX_PROP_NAME
     */
    public ScannerContext barGapFillMax(final int barGapFillMax)
    {
        this.barGapFillMax = barGapFillMax;
        return this;
    }

    /**
     * The bars of the ATR.
     *
     * @return the value.
     * @see ScannerConfiguration#ATR_PERIOD_PROP_NAME
     */
    public int atrPeriod()
    {
        return atrPeriod;
    }

    /**
     * Set the bars of the ATR.
     *
     * @param atrPeriod the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#ATR_PERIOD_PROP_NAME
     */
    public ScannerContext atrPeriod(final int atrPeriod)
    {
        this.atrPeriod = atrPeriod;
        return this;
    }

    /**
     * The bars of the long ATR.
     *
     * @return the value.
     * @see ScannerConfiguration#ATR_LONG_PERIOD_PROP_NAME
     */
    public int atrLongPeriod()
    {
        return atrLongPeriod;
    }

    /**
     * Set the bars of the long ATR.
     *
     * @param atrLongPeriod the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#ATR_LONG_PERIOD_PROP_NAME
     */
    public ScannerContext atrLongPeriod(final int atrLongPeriod)
    {
        this.atrLongPeriod = atrLongPeriod;
        return this;
    }

    /**
     * The bars of the ADX.
     *
     * @return the value.
     * @see ScannerConfiguration#ADX_PERIOD_PROP_NAME
     */
    public int adxPeriod()
    {
        return adxPeriod;
    }

    /**
     * Set the bars of the ADX.
     *
     * @param adxPeriod the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#ADX_PERIOD_PROP_NAME
     */
    public ScannerContext adxPeriod(final int adxPeriod)
    {
        this.adxPeriod = adxPeriod;
        return this;
    }

    /**
     * The bars of the trend EMA.
     *
     * @return the value.
     * @see ScannerConfiguration#EMA_PERIOD_PROP_NAME
     */
    public int emaPeriod()
    {
        return emaPeriod;
    }

    /**
     * Set the bars of the trend EMA.
     *
     * @param emaPeriod the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#EMA_PERIOD_PROP_NAME
     */
    public ScannerContext emaPeriod(final int emaPeriod)
    {
        this.emaPeriod = emaPeriod;
        return this;
    }

    /**
     * The bars of the range width.
     *
     * @return the value.
     * @see ScannerConfiguration#RANGE_BARS_PROP_NAME
     */
    public int rangeBars()
    {
        return rangeBars;
    }

    /**
     * Set the bars of the range width.
     *
     * @param rangeBars the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#RANGE_BARS_PROP_NAME
     */
    public ScannerContext rangeBars(final int rangeBars)
    {
        this.rangeBars = rangeBars;
        return this;
    }

    /**
     * The ATR / price from which the regime is NORMAL_VOL.
     *
     * @return the value.
     * @see ScannerConfiguration#REGIME_ATR_RATIO_LOW_PROP_NAME
     */
    public double regimeAtrRatioLow()
    {
        return regimeAtrRatioLow;
    }

    /**
     * Set the ATR / price from which the regime is NORMAL_VOL.
     *
     * @param regimeAtrRatioLow the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#REGIME_ATR_RATIO_LOW_PROP_NAME
     */
    public ScannerContext regimeAtrRatioLow(final double regimeAtrRatioLow)
    {
        this.regimeAtrRatioLow = regimeAtrRatioLow;
        return this;
    }

    /**
     * The ATR / price from which the regime is HIGH_VOL.
     *
     * @return the value.
     * @see ScannerConfiguration#REGIME_ATR_RATIO_NORMAL_PROP_NAME
     */
    public double regimeAtrRatioNormal()
    {
        return regimeAtrRatioNormal;
    }

    /**
     * Set the ATR / price from which the regime is HIGH_VOL.
     *
     * @param regimeAtrRatioNormal the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#REGIME_ATR_RATIO_NORMAL_PROP_NAME
     */
    public ScannerContext regimeAtrRatioNormal(final double regimeAtrRatioNormal)
    {
        this.regimeAtrRatioNormal = regimeAtrRatioNormal;
        return this;
    }

    /**
     * The ATR / price from which the regime is EXTREME_VOL.
     *
     * @return the value.
     * @see ScannerConfiguration#REGIME_ATR_RATIO_HIGH_PROP_NAME
     */
    public double regimeAtrRatioHigh()
    {
        return regimeAtrRatioHigh;
    }

    /**
     * Set the ATR / price from which the regime is EXTREME_VOL.
     *
     * @param regimeAtrRatioHigh the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#REGIME_ATR_RATIO_HIGH_PROP_NAME
     */
    public ScannerContext regimeAtrRatioHigh(final double regimeAtrRatioHigh)
    {
        this.regimeAtrRatioHigh = regimeAtrRatioHigh;
        return this;
    }

    /**
     * The ADX from which a trend counts.
     *
     * @return the value.
     * @see ScannerConfiguration#REGIME_ADX_TRENDING_PROP_NAME
     */
    public double regimeAdxTrending()
    {
        return regimeAdxTrending;
    }

    /**
     * Set the ADX from which a trend counts.
     *
     * @param regimeAdxTrending the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#REGIME_ADX_TRENDING_PROP_NAME
     */
    public ScannerContext regimeAdxTrending(final double regimeAdxTrending)
    {
        this.regimeAdxTrending = regimeAdxTrending;
        return this;
    }

    /**
     * The ADX from which a trend is strong.
     *
     * @return the value.
     * @see ScannerConfiguration#REGIME_ADX_STRONG_PROP_NAME
     */
    public double regimeAdxStrong()
    {
        return regimeAdxStrong;
    }

    /**
     * Set the ADX from which a trend is strong.
     *
     * @param regimeAdxStrong the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#REGIME_ADX_STRONG_PROP_NAME
     */
    public ScannerContext regimeAdxStrong(final double regimeAdxStrong)
    {
        this.regimeAdxStrong = regimeAdxStrong;
        return this;
    }

    /**
     * The EMA distance from which price is beyond its EMA.
     *
     * @return the value.
     * @see ScannerConfiguration#REGIME_EMA_ALIGNMENT_PROP_NAME
     */
    public double regimeEmaAlignment()
    {
        return regimeEmaAlignment;
    }

    /**
     * Set the EMA distance from which price is beyond its EMA.
     *
     * @param regimeEmaAlignment the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#REGIME_EMA_ALIGNMENT_PROP_NAME
     */
    public ScannerContext regimeEmaAlignment(final double regimeEmaAlignment)
    {
        this.regimeEmaAlignment = regimeEmaAlignment;
        return this;
    }

    /**
     * The range width from which a range is wide.
     *
     * @return the value.
     * @see ScannerConfiguration#REGIME_RANGE_WIDTH_PROP_NAME
     */
    public double regimeRangeWidth()
    {
        return regimeRangeWidth;
    }

    /**
     * Set the range width from which a range is wide.
     *
     * @param regimeRangeWidth the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#REGIME_RANGE_WIDTH_PROP_NAME
     */
    public ScannerContext regimeRangeWidth(final double regimeRangeWidth)
    {
        this.regimeRangeWidth = regimeRangeWidth;
        return this;
    }

    /**
     * The bars a new regime must persist before it is adopted.
     *
     * @return the value.
     * @see ScannerConfiguration#REGIME_DWELL_BARS_PROP_NAME
     */
    public int regimeDwellBars()
    {
        return regimeDwellBars;
    }

    /**
     * Set the bars a new regime must persist before it is adopted.
     *
     * @param regimeDwellBars the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#REGIME_DWELL_BARS_PROP_NAME
     */
    public ScannerContext regimeDwellBars(final int regimeDwellBars)
    {
        this.regimeDwellBars = regimeDwellBars;
        return this;
    }

    /**
     * The bars before an instrument is classified.
     *
     * @return the value.
     * @see ScannerConfiguration#REGIME_WARMUP_BARS_PROP_NAME
     */
    public int regimeWarmupBars()
    {
        return regimeWarmupBars;
    }

    /**
     * Set the bars before an instrument is classified.
     *
     * @param regimeWarmupBars the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#REGIME_WARMUP_BARS_PROP_NAME
     */
    public ScannerContext regimeWarmupBars(final int regimeWarmupBars)
    {
        this.regimeWarmupBars = regimeWarmupBars;
        return this;
    }
    /**
     * The clock that stamps {@code publishTimeNs} on the scanner's output; nothing else reads it.
     *
     * @return the clock, {@link SystemEpochNanoClock} unless set.
     */
    public EpochNanoClock clock()
    {
        return clock;
    }

    /**
     * Set the clock that stamps {@code publishTimeNs}. Tests and replays that compare output bytes inject a
     * {@link io.hellmoon.codecs.ManualEpochNanoClock}.
     *
     * @param clock to use.
     * @return this for a fluent API.
     */
    public ScannerContext clock(final EpochNanoClock clock)
    {
        this.clock = clock;
        return this;
    }

    /**
     * Where the scanner's counters (messages in, anomalies, regime changes, bad messages...) are created.
     *
     * @return the factory, local memory unless set.
     */
    public CounterFactory counterFactory()
    {
        return counterFactory;
    }

    /**
     * Set where the scanner's counters are created: {@link CounterFactory#aeron(io.aeron.Aeron)} in a process.
     *
     * @param counterFactory to use.
     * @return this for a fluent API.
     */
    public ScannerContext counterFactory(final CounterFactory counterFactory)
    {
        this.counterFactory = counterFactory;
        return this;
    }

    /**
     * The sweep kernel after {@link #conclude()} resolved {@link ScannerConfiguration.SweepKernel#AUTO}.
     *
     * @return {@link ScannerConfiguration.SweepKernel#SCALAR} or {@link ScannerConfiguration.SweepKernel#VECTOR}.
     */
    public ScannerConfiguration.SweepKernel resolvedSweepKernel()
    {
        return resolvedSweepKernel;
    }

    /**
     * Whether {@link #conclude()} has run.
     *
     * @return true once concluded.
     */
    public boolean isConcluded()
    {
        return isConcluded;
    }

    /**
     * Validate every value and fill in defaults for the clock and the counter factory.
     *
     * @return this.
     * @throws IllegalArgumentException naming the first invalid key, its value and the reason.
     * @throws IllegalStateException    if already concluded.
     */
    public ScannerContext conclude()
    {
        if (isConcluded)
        {
            throw new IllegalStateException("ScannerContext already concluded: a context is single use");
        }

        validateRange(ScannerConfiguration.SCANNER_ID_PROP_NAME, scannerId, 0, 65_535);
        validateRange(ScannerConfiguration.CAPACITY_PROP_NAME, capacity, 1, 1 << 24);
        validateRange(ScannerConfiguration.SHARD_COUNT_PROP_NAME, shardCount, 1, 65_535);
        validateRange(ScannerConfiguration.SHARD_INDEX_PROP_NAME, shardIndex, 0, shardCount - 1);
        validateRange(ScannerConfiguration.FRAGMENT_LIMIT_PROP_NAME, fragmentLimit, 1, 1 << 20);
        validateDuration(ScannerConfiguration.SWEEP_INTERVAL_PROP_NAME, sweepIntervalNs, 1_000_000L, secondsNs(3600));
        require(null != sweepKernel, ScannerConfiguration.SWEEP_KERNEL_PROP_NAME, "null", "must be set");
        validateDuration(ScannerConfiguration.MAX_EVENT_TIME_SKEW_PROP_NAME, maxEventTimeSkewNs, 0, Long.MAX_VALUE);
        require(null != backPressurePolicy, ScannerConfiguration.BACK_PRESSURE_PROP_NAME, "null", "must be set");
        validateDuration(
            ScannerConfiguration.PUBLISH_RETRY_TIMEOUT_PROP_NAME, publishRetryTimeoutNs, 0, secondsNs(60));

        validateDuration(ScannerConfiguration.FLOW_WINDOW_PROP_NAME, flowWindowNs, 1_000_000L, secondsNs(3600));
        validateRange(ScannerConfiguration.FLOW_BUCKETS_PROP_NAME, flowBuckets, 1, 1000);
        require(0 == flowWindowNs % flowBuckets, ScannerConfiguration.FLOW_BUCKETS_PROP_NAME,
            String.valueOf(flowBuckets), "must divide " + ScannerConfiguration.FLOW_WINDOW_PROP_NAME + " (" +
            flowWindowNs + " ns) exactly, so buckets align with windows");
        validatePositive(ScannerConfiguration.VOLUME_SPIKE_RATIO_PROP_NAME, volumeSpikeRatio);
        validateNonNegative(ScannerConfiguration.VOLUME_SPIKE_MIN_NOTIONAL_PROP_NAME, volumeSpikeMinNotional);
        validateDuration(
            ScannerConfiguration.VOLUME_SPIKE_BASELINE_WINDOW_PROP_NAME, volumeSpikeBaselineWindowNs, flowWindowNs,
            secondsNs(86_400));
        validatePositive(ScannerConfiguration.VOLUME_SPIKE_BASELINE_FLOOR_PROP_NAME, volumeSpikeBaselineFloor);
        require(0.0 == volumeSpikeBaselineClip || volumeSpikeBaselineClip >= 1.0,
            ScannerConfiguration.VOLUME_SPIKE_BASELINE_CLIP_PROP_NAME, String.valueOf(volumeSpikeBaselineClip),
            "must be 0 (off) or at least 1");
        validateDuration(
            ScannerConfiguration.VOLUME_SPIKE_WARMUP_PROP_NAME, volumeSpikeWarmupNs, 0, secondsNs(86_400));
        validateFraction(
            ScannerConfiguration.VOLUME_SPIKE_DIRECTION_THRESHOLD_PROP_NAME, volumeSpikeDirectionThreshold, 0, 1);
        validateRearm(ScannerConfiguration.VOLUME_SPIKE_REARM_SCORE_PROP_NAME, volumeSpikeRearmScore);
        validateDuration(
            ScannerConfiguration.VOLUME_SPIKE_COOLDOWN_PROP_NAME, volumeSpikeCooldownNs, 0, secondsNs(86_400));

        validateRange(ScannerConfiguration.BOOK_IMBALANCE_LEVELS_PROP_NAME, bookImbalanceLevels, 1, 5000);
        require(bookImbalanceThreshold > 0.0 && bookImbalanceThreshold < 1.0,
            ScannerConfiguration.BOOK_IMBALANCE_THRESHOLD_PROP_NAME, String.valueOf(bookImbalanceThreshold),
            "must be in (0, 1): an imbalance lies in [-1, 1]");
        validateDuration(
            ScannerConfiguration.BOOK_IMBALANCE_MIN_DURATION_PROP_NAME, bookImbalanceMinDurationNs, 0,
            secondsNs(3600));
        validateNonNegative(
            ScannerConfiguration.BOOK_IMBALANCE_MIN_DEPTH_NOTIONAL_PROP_NAME, bookImbalanceMinDepthNotional);
        validateRearm(ScannerConfiguration.BOOK_IMBALANCE_REARM_SCORE_PROP_NAME, bookImbalanceRearmScore);
        validateDuration(
            ScannerConfiguration.BOOK_IMBALANCE_COOLDOWN_PROP_NAME, bookImbalanceCooldownNs, 0, secondsNs(86_400));

        validateDuration(
            ScannerConfiguration.VOLATILITY_SAMPLE_INTERVAL_PROP_NAME, volatilitySampleIntervalNs, 1_000_000L,
            secondsNs(3600));
        validateDuration(
            ScannerConfiguration.VOLATILITY_SHORT_WINDOW_PROP_NAME, volatilityShortWindowNs,
            2 * volatilitySampleIntervalNs, secondsNs(86_400));
        require(volatilityLongWindowNs > volatilityShortWindowNs,
            ScannerConfiguration.VOLATILITY_LONG_WINDOW_PROP_NAME, String.valueOf(volatilityLongWindowNs),
            "must be longer than " + ScannerConfiguration.VOLATILITY_SHORT_WINDOW_PROP_NAME + " (" +
            volatilityShortWindowNs + " ns)");
        validateDuration(
            ScannerConfiguration.VOLATILITY_LONG_WINDOW_PROP_NAME, volatilityLongWindowNs, 0, secondsNs(7 * 86_400));
        validatePositive(ScannerConfiguration.VOLATILITY_RATIO_PROP_NAME, volatilityRatio);
        validatePositive(ScannerConfiguration.VOLATILITY_MIN_LONG_VOL_PROP_NAME, volatilityMinLongVol);
        validateDuration(ScannerConfiguration.VOLATILITY_WARMUP_PROP_NAME, volatilityWarmupNs, 0, secondsNs(86_400));
        validateNonNegative(ScannerConfiguration.VOLATILITY_ATR_RATIO_PROP_NAME, volatilityAtrRatio);
        validateNonNegative(
            ScannerConfiguration.VOLATILITY_DIRECTION_THRESHOLD_PROP_NAME, volatilityDirectionThreshold);
        validateRearm(ScannerConfiguration.VOLATILITY_REARM_SCORE_PROP_NAME, volatilityRearmScore);
        validateDuration(
            ScannerConfiguration.VOLATILITY_COOLDOWN_PROP_NAME, volatilityCooldownNs, 0, secondsNs(86_400));

        validateDuration(ScannerConfiguration.BAR_INTERVAL_PROP_NAME, barIntervalNs, secondsNs(1), secondsNs(86_400));
        validateRange(ScannerConfiguration.BAR_GAP_FILL_MAX_PROP_NAME, barGapFillMax, 0, 100_000);
        validateRange(ScannerConfiguration.ATR_PERIOD_PROP_NAME, atrPeriod, 1, 10_000);
        validateRange(ScannerConfiguration.ATR_LONG_PERIOD_PROP_NAME, atrLongPeriod, 1, 10_000);
        validateRange(ScannerConfiguration.ADX_PERIOD_PROP_NAME, adxPeriod, 1, 10_000);
        validateRange(ScannerConfiguration.EMA_PERIOD_PROP_NAME, emaPeriod, 1, 10_000);
        validateRange(ScannerConfiguration.RANGE_BARS_PROP_NAME, rangeBars, 1, 10_000);

        validatePositive(ScannerConfiguration.REGIME_ATR_RATIO_LOW_PROP_NAME, regimeAtrRatioLow);
        require(regimeAtrRatioNormal > regimeAtrRatioLow, ScannerConfiguration.REGIME_ATR_RATIO_NORMAL_PROP_NAME,
            String.valueOf(regimeAtrRatioNormal),
            "must be above " + ScannerConfiguration.REGIME_ATR_RATIO_LOW_PROP_NAME + " (" + regimeAtrRatioLow + ")");
        require(regimeAtrRatioHigh > regimeAtrRatioNormal, ScannerConfiguration.REGIME_ATR_RATIO_HIGH_PROP_NAME,
            String.valueOf(regimeAtrRatioHigh),
            "must be above " + ScannerConfiguration.REGIME_ATR_RATIO_NORMAL_PROP_NAME + " (" + regimeAtrRatioNormal +
            ")");
        validateFraction(ScannerConfiguration.REGIME_ADX_TRENDING_PROP_NAME, regimeAdxTrending, 0, 100);
        validateFraction(ScannerConfiguration.REGIME_ADX_STRONG_PROP_NAME, regimeAdxStrong, regimeAdxTrending, 100);
        validatePositive(ScannerConfiguration.REGIME_EMA_ALIGNMENT_PROP_NAME, regimeEmaAlignment);
        validatePositive(ScannerConfiguration.REGIME_RANGE_WIDTH_PROP_NAME, regimeRangeWidth);
        validateRange(ScannerConfiguration.REGIME_DWELL_BARS_PROP_NAME, regimeDwellBars, 1, 10_000);
        validateRange(ScannerConfiguration.REGIME_WARMUP_BARS_PROP_NAME, regimeWarmupBars, 1, 100_000);

        resolvedSweepKernel = resolveKernel(sweepKernel);
        if (null == clock)
        {
            clock = new SystemEpochNanoClock();
        }
        if (null == counterFactory)
        {
            counterFactory = CounterFactory.local(LOCAL_COUNTERS);
        }

        isConcluded = true;
        return this;
    }

    /**
     * Whether the Vector API is available to this JVM.
     *
     * @return true if {@code jdk.incubator.vector} is in the boot layer.
     */
    public static boolean isVectorApiAvailable()
    {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static ScannerConfiguration.SweepKernel resolveKernel(final ScannerConfiguration.SweepKernel requested)
    {
        final boolean available = isVectorApiAvailable();
        if (ScannerConfiguration.SweepKernel.VECTOR == requested && !available)
        {
            throw new IllegalArgumentException(ScannerConfiguration.SWEEP_KERNEL_PROP_NAME +
                "=vector: the jdk.incubator.vector module is missing (run with --add-modules jdk.incubator.vector)");
        }
        if (ScannerConfiguration.SweepKernel.AUTO == requested)
        {
            return available ? ScannerConfiguration.SweepKernel.VECTOR : ScannerConfiguration.SweepKernel.SCALAR;
        }
        return requested;
    }

    private static long secondsNs(final long seconds)
    {
        return TimeUnit.SECONDS.toNanos(seconds);
    }

    private static void require(final boolean condition, final String key, final String value, final String reason)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(key + "=" + value + ": " + reason);
        }
    }

    private static void validateRange(final String key, final int value, final int min, final int max)
    {
        require(value >= min && value <= max, key, String.valueOf(value), "must be in [" + min + ", " + max + "]");
    }

    private static void validateDuration(final String key, final long valueNs, final long minNs, final long maxNs)
    {
        require(valueNs >= minNs && valueNs <= maxNs, key, valueNs + "ns",
            "must be in [" + minNs + ", " + maxNs + "] ns");
    }

    private static void validatePositive(final String key, final double value)
    {
        require(value > 0.0 && Double.isFinite(value), key, String.valueOf(value), "must be a finite number above 0");
    }

    private static void validateNonNegative(final String key, final double value)
    {
        require(value >= 0.0 && Double.isFinite(value), key, String.valueOf(value), "must be a finite number >= 0");
    }

    private static void validateFraction(final String key, final double value, final double min, final double max)
    {
        require(value >= min && value <= max, key, String.valueOf(value), "must be in [" + min + ", " + max + "]");
    }

    private static void validateRearm(final String key, final double value)
    {
        require(value >= 0.0 && value < 1.0, key, String.valueOf(value),
            "must be in [0, 1): the score must fall below it after firing above 1");
    }
}
