/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.codecs.aeron.BackPressurePolicy;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.Timeframe;
import io.hellmoon.scanner.pairs.PairsContext;
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

    /**
     * Stripes of the scalar kernel's sums when the Vector API is absent (16: AVX-512's float lanes).
     */
    static final int DEFAULT_SWEEP_LANES = 16;

    private boolean isConcluded;
    private EpochNanoClock clock;
    private CounterFactory counterFactory;
    private PairsContext pairs;
    private ScannerConfiguration.SweepKernel resolvedSweepKernel;
    private boolean enabled = ScannerConfiguration.enabled();
    private int scannerId = ScannerConfiguration.scannerId();
    private int capacity = ScannerConfiguration.capacity();
    private int shardCount = ScannerConfiguration.shardCount();
    private int shardIndex = ScannerConfiguration.shardIndex();
    private int fragmentLimit = ScannerConfiguration.fragmentLimit();
    private long sweepIntervalNs = ScannerConfiguration.sweepIntervalNs();
    private ScannerConfiguration.SweepKernel sweepKernel = ScannerConfiguration.sweepKernel();
    private int sweepWarmup = ScannerConfiguration.sweepWarmup();
    private long maxEventTimeSkewNs = ScannerConfiguration.maxEventTimeSkewNs();
    private BackPressurePolicy backPressurePolicy = ScannerConfiguration.backPressurePolicy();
    private long publishRetryTimeoutNs = ScannerConfiguration.publishRetryTimeoutNs();
    private long flowWindowNs = ScannerConfiguration.flowWindowNs();
    private int flowBuckets = ScannerConfiguration.flowBuckets();
    private double volumeSpikeRatio = ScannerConfiguration.volumeSpikeRatio();
    private double volumeSpikeMinNotional = ScannerConfiguration.volumeSpikeMinNotional();
    private int volumeSpikeMinOrders = ScannerConfiguration.volumeSpikeMinOrders();
    private double volumeSpikeOrderRatio = ScannerConfiguration.volumeSpikeOrderRatio();
    private long volumeSpikeBaselineWindowNs = ScannerConfiguration.volumeSpikeBaselineWindowNs();
    private double volumeSpikeBaselineFloor = ScannerConfiguration.volumeSpikeBaselineFloor();
    private double volumeSpikeBaselineClip = ScannerConfiguration.volumeSpikeBaselineClip();
    private long volumeSpikeWarmupNs = ScannerConfiguration.volumeSpikeWarmupNs();
    private double volumeSpikeDirectionThreshold = ScannerConfiguration.volumeSpikeDirectionThreshold();
    private double volumeSpikeRearmScore = ScannerConfiguration.volumeSpikeRearmScore();
    private long volumeSpikeCooldownNs = ScannerConfiguration.volumeSpikeCooldownNs();
    private double volumeSpikeEscalation = ScannerConfiguration.volumeSpikeEscalation();
    private int bookImbalanceLevels = ScannerConfiguration.bookImbalanceLevels();
    private double bookImbalanceThreshold = ScannerConfiguration.bookImbalanceThreshold();
    private long bookImbalanceWindowNs = ScannerConfiguration.bookImbalanceWindowNs();
    private double bookImbalanceMinDepthNotional = ScannerConfiguration.bookImbalanceMinDepthNotional();
    private double bookImbalanceRearmScore = ScannerConfiguration.bookImbalanceRearmScore();
    private long bookImbalanceCooldownNs = ScannerConfiguration.bookImbalanceCooldownNs();
    private long volatilitySampleIntervalNs = ScannerConfiguration.volatilitySampleIntervalNs();
    private long volatilityShortWindowNs = ScannerConfiguration.volatilityShortWindowNs();
    private long volatilityLongWindowNs = ScannerConfiguration.volatilityLongWindowNs();
    private double volatilityLongClip = ScannerConfiguration.volatilityLongClip();
    private double volatilityRatio = ScannerConfiguration.volatilityRatio();
    private double volatilityMinLongVol = ScannerConfiguration.volatilityMinLongVol();
    private long volatilityWarmupNs = ScannerConfiguration.volatilityWarmupNs();
    private double volatilityAtrRatio = ScannerConfiguration.volatilityAtrRatio();
    private double volatilityDirectionThreshold = ScannerConfiguration.volatilityDirectionThreshold();
    private double volatilityRearmScore = ScannerConfiguration.volatilityRearmScore();
    private long volatilityCooldownNs = ScannerConfiguration.volatilityCooldownNs();
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
    private int rsiPeriod = ScannerConfiguration.rsiPeriod();
    private int bollingerPeriod = ScannerConfiguration.bollingerPeriod();
    private double bollingerWidth = ScannerConfiguration.bollingerWidth();
    private Timeframe regimeTimeframe = ScannerConfiguration.regimeTimeframe();
    private Timeframe volatilityAtrTimeframe = ScannerConfiguration.volatilityAtrTimeframe();
    private boolean volumeSpikeEnabled = ScannerConfiguration.volumeSpikeEnabled();
    private boolean tradeBurstEnabled = ScannerConfiguration.tradeBurstEnabled();
    private double tradeBurstRatio = ScannerConfiguration.tradeBurstRatio();
    private int tradeBurstMinTrades = ScannerConfiguration.tradeBurstMinTrades();
    private double tradeBurstBaselineFloor = ScannerConfiguration.tradeBurstBaselineFloor();
    private double tradeBurstRearmScore = ScannerConfiguration.tradeBurstRearmScore();
    private long tradeBurstCooldownNs = ScannerConfiguration.tradeBurstCooldownNs();
    private boolean bookImbalanceEnabled = ScannerConfiguration.bookImbalanceEnabled();
    private boolean spreadEnabled = ScannerConfiguration.spreadEnabled();
    private double spreadRatio = ScannerConfiguration.spreadRatio();
    private double spreadFloorBps = ScannerConfiguration.spreadFloorBps();
    private long spreadBaselineWindowNs = ScannerConfiguration.spreadBaselineWindowNs();
    private double spreadBaselineClip = ScannerConfiguration.spreadBaselineClip();
    private long spreadWarmupNs = ScannerConfiguration.spreadWarmupNs();
    private long spreadMinDurationNs = ScannerConfiguration.spreadMinDurationNs();
    private double spreadRearmScore = ScannerConfiguration.spreadRearmScore();
    private long spreadCooldownNs = ScannerConfiguration.spreadCooldownNs();
    private boolean volatilityEnabled = ScannerConfiguration.volatilityEnabled();
    private boolean breakoutEnabled = ScannerConfiguration.breakoutEnabled();
    private Timeframe breakoutTimeframe = ScannerConfiguration.breakoutTimeframe();
    private int breakoutBars = ScannerConfiguration.breakoutBars();
    private double breakoutAtrMargin = ScannerConfiguration.breakoutAtrMargin();
    private double breakoutVolumeRatio = ScannerConfiguration.breakoutVolumeRatio();
    private long breakoutVolumeWindowNs = ScannerConfiguration.breakoutVolumeWindowNs();
    private double breakoutRearmScore = ScannerConfiguration.breakoutRearmScore();
    private long breakoutCooldownNs = ScannerConfiguration.breakoutCooldownNs();
    private boolean regimeShiftEnabled = ScannerConfiguration.regimeShiftEnabled();
    private double regimeShiftThreshold = ScannerConfiguration.regimeShiftThreshold();
    private long regimeShiftCooldownNs = ScannerConfiguration.regimeShiftCooldownNs();
    private boolean liquidationEnabled = ScannerConfiguration.liquidationEnabled();
    private long liquidationWindowNs = ScannerConfiguration.liquidationWindowNs();
    private int liquidationBuckets = ScannerConfiguration.liquidationBuckets();
    private int liquidationMinCount = ScannerConfiguration.liquidationMinCount();
    private double liquidationMinNotional = ScannerConfiguration.liquidationMinNotional();
    private double liquidationRearmScore = ScannerConfiguration.liquidationRearmScore();
    private long liquidationCooldownNs = ScannerConfiguration.liquidationCooldownNs();
    private boolean distributionEnabled = ScannerConfiguration.distributionEnabled();
    private long distributionWindowNs = ScannerConfiguration.distributionWindowNs();
    private long distributionWarmupNs = ScannerConfiguration.distributionWarmupNs();
    private double distributionSkewThreshold = ScannerConfiguration.distributionSkewThreshold();
    private double distributionKurtosisThreshold = ScannerConfiguration.distributionKurtosisThreshold();
    private double distributionMinActive = ScannerConfiguration.distributionMinActive();
    private double distributionRearmScore = ScannerConfiguration.distributionRearmScore();
    private long distributionCooldownNs = ScannerConfiguration.distributionCooldownNs();
    private boolean microstructureEnabled = ScannerConfiguration.microstructureEnabled();
    private long microstructureWindowNs = ScannerConfiguration.microstructureWindowNs();
    private double microstructureFlowThreshold = ScannerConfiguration.microstructureFlowThreshold();
    private double microstructureOfiThreshold = ScannerConfiguration.microstructureOfiThreshold();
    private double microstructureMinNotional = ScannerConfiguration.microstructureMinNotional();
    private double microstructureMinTrades = ScannerConfiguration.microstructureMinTrades();
    private double microstructureRearmScore = ScannerConfiguration.microstructureRearmScore();
    private long microstructureCooldownNs = ScannerConfiguration.microstructureCooldownNs();
    private boolean crossEnabled = ScannerConfiguration.crossEnabled();
    private long crossWindowNs = ScannerConfiguration.crossWindowNs();
    private long crossSampleIntervalNs = ScannerConfiguration.crossSampleIntervalNs();
    private long crossBetaWindowNs = ScannerConfiguration.crossBetaWindowNs();
    private long crossBetaWarmupNs = ScannerConfiguration.crossBetaWarmupNs();
    private ScannerConfiguration.CrossWeighting crossWeighting = ScannerConfiguration.crossWeighting();
    private double crossZThreshold = ScannerConfiguration.crossZThreshold();
    private double crossMinResidual = ScannerConfiguration.crossMinResidual();
    private int crossMinInstruments = ScannerConfiguration.crossMinInstruments();
    private double crossRearmScore = ScannerConfiguration.crossRearmScore();
    private long crossCooldownNs = ScannerConfiguration.crossCooldownNs();
    private boolean fundingEnabled = ScannerConfiguration.fundingEnabled();
    private long fundingBasisWindowNs = ScannerConfiguration.fundingBasisWindowNs();
    private double fundingBasisThreshold = ScannerConfiguration.fundingBasisThreshold();
    private double fundingBasisFloorBps = ScannerConfiguration.fundingBasisFloorBps();
    private double fundingBasisClip = ScannerConfiguration.fundingBasisClip();
    private double fundingRateThreshold = ScannerConfiguration.fundingRateThreshold();
    private long fundingWarmupNs = ScannerConfiguration.fundingWarmupNs();
    private double fundingRearmScore = ScannerConfiguration.fundingRearmScore();
    private long fundingCooldownNs = ScannerConfiguration.fundingCooldownNs();

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
     * Scans the vector kernel's one-off warm-up runs.
     *
     * @return the value.
     * @see ScannerConfiguration#SWEEP_WARMUP_PROP_NAME
     */
    public int sweepWarmup()
    {
        return sweepWarmup;
    }

    /**
     * Set the scans the vector kernel's one-off warm-up runs.
     *
     * @param sweepWarmup 0 (off) to 1,000,000.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SWEEP_WARMUP_PROP_NAME
     */
    public ScannerContext sweepWarmup(final int sweepWarmup)
    {
        this.sweepWarmup = sweepWarmup;
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
     * @see ScannerConfiguration#BOOK_IMBALANCE_WINDOW_PROP_NAME
     */
    public long bookImbalanceWindowNs()
    {
        return bookImbalanceWindowNs;
    }

    /**
     * Set the how long an imbalance must last.
     *
     * @param bookImbalanceWindowNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BOOK_IMBALANCE_WINDOW_PROP_NAME
     */
    public ScannerContext bookImbalanceWindowNs(final long bookImbalanceWindowNs)
    {
        this.bookImbalanceWindowNs = bookImbalanceWindowNs;
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
     * Bars of the RSI.
     *
     * @return the value.
     * @see ScannerConfiguration#RSI_PERIOD_PROP_NAME
     */
    public int rsiPeriod()
    {
        return rsiPeriod;
    }

    /**
     * Set the bars of the RSI.
     *
     * @param rsiPeriod the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#RSI_PERIOD_PROP_NAME
     */
    public ScannerContext rsiPeriod(final int rsiPeriod)
    {
        this.rsiPeriod = rsiPeriod;
        return this;
    }

    /**
     * Bars of the Bollinger bands.
     *
     * @return the value.
     * @see ScannerConfiguration#BOLLINGER_PERIOD_PROP_NAME
     */
    public int bollingerPeriod()
    {
        return bollingerPeriod;
    }

    /**
     * Set the bars of the Bollinger bands.
     *
     * @param bollingerPeriod the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BOLLINGER_PERIOD_PROP_NAME
     */
    public ScannerContext bollingerPeriod(final int bollingerPeriod)
    {
        this.bollingerPeriod = bollingerPeriod;
        return this;
    }

    /**
     * Deviations from the middle to each Bollinger band.
     *
     * @return the value.
     * @see ScannerConfiguration#BOLLINGER_WIDTH_PROP_NAME
     */
    public double bollingerWidth()
    {
        return bollingerWidth;
    }

    /**
     * Set the deviations from the middle to each Bollinger band.
     *
     * @param bollingerWidth the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BOLLINGER_WIDTH_PROP_NAME
     */
    public ScannerContext bollingerWidth(final double bollingerWidth)
    {
        this.bollingerWidth = bollingerWidth;
        return this;
    }

    /**
     * Timeframe of the regime classifier.
     *
     * @return the value.
     * @see ScannerConfiguration#REGIME_TIMEFRAME_PROP_NAME
     */
    public Timeframe regimeTimeframe()
    {
        return regimeTimeframe;
    }

    /**
     * Set the timeframe of the regime classifier.
     *
     * @param regimeTimeframe the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#REGIME_TIMEFRAME_PROP_NAME
     */
    public ScannerContext regimeTimeframe(final Timeframe regimeTimeframe)
    {
        this.regimeTimeframe = regimeTimeframe;
        return this;
    }

    /**
     * Timeframe of the volatility expansion's ATR term.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLATILITY_ATR_TIMEFRAME_PROP_NAME
     */
    public Timeframe volatilityAtrTimeframe()
    {
        return volatilityAtrTimeframe;
    }

    /**
     * Set the timeframe of the volatility expansion's ATR term.
     *
     * @param volatilityAtrTimeframe the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLATILITY_ATR_TIMEFRAME_PROP_NAME
     */
    public ScannerContext volatilityAtrTimeframe(final Timeframe volatilityAtrTimeframe)
    {
        this.volatilityAtrTimeframe = volatilityAtrTimeframe;
        return this;
    }

    /**
     * Whether VOLUME_SPIKE is detected.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLUME_SPIKE_ENABLED_PROP_NAME
     */
    public boolean volumeSpikeEnabled()
    {
        return volumeSpikeEnabled;
    }

    /**
     * Set the whether VOLUME_SPIKE is detected.
     *
     * @param volumeSpikeEnabled the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLUME_SPIKE_ENABLED_PROP_NAME
     */
    public ScannerContext volumeSpikeEnabled(final boolean volumeSpikeEnabled)
    {
        this.volumeSpikeEnabled = volumeSpikeEnabled;
        return this;
    }

    /**
     * Whether TRADE_COUNT_BURST is detected.
     *
     * @return the value.
     * @see ScannerConfiguration#TRADE_BURST_ENABLED_PROP_NAME
     */
    public boolean tradeBurstEnabled()
    {
        return tradeBurstEnabled;
    }

    /**
     * Set the whether TRADE_COUNT_BURST is detected.
     *
     * @param tradeBurstEnabled the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#TRADE_BURST_ENABLED_PROP_NAME
     */
    public ScannerContext tradeBurstEnabled(final boolean tradeBurstEnabled)
    {
        this.tradeBurstEnabled = tradeBurstEnabled;
        return this;
    }

    /**
     * Trades over baseline trades at which the trade-count score is 1.
     *
     * @return the value.
     * @see ScannerConfiguration#TRADE_BURST_RATIO_PROP_NAME
     */
    public double tradeBurstRatio()
    {
        return tradeBurstRatio;
    }

    /**
     * Set the trades over baseline trades at which the trade-count score is 1.
     *
     * @param tradeBurstRatio the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#TRADE_BURST_RATIO_PROP_NAME
     */
    public ScannerContext tradeBurstRatio(final double tradeBurstRatio)
    {
        this.tradeBurstRatio = tradeBurstRatio;
        return this;
    }

    /**
     * Least trades in the window of a trade-count burst.
     *
     * @return the value.
     * @see ScannerConfiguration#TRADE_BURST_MIN_TRADES_PROP_NAME
     */
    public int tradeBurstMinTrades()
    {
        return tradeBurstMinTrades;
    }

    /**
     * Set the least trades in the window of a trade-count burst.
     *
     * @param tradeBurstMinTrades the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#TRADE_BURST_MIN_TRADES_PROP_NAME
     */
    public ScannerContext tradeBurstMinTrades(final int tradeBurstMinTrades)
    {
        this.tradeBurstMinTrades = tradeBurstMinTrades;
        return this;
    }

    /**
     * Floor of the trade-count baseline.
     *
     * @return the value.
     * @see ScannerConfiguration#TRADE_BURST_BASELINE_FLOOR_PROP_NAME
     */
    public double tradeBurstBaselineFloor()
    {
        return tradeBurstBaselineFloor;
    }

    /**
     * Set the floor of the trade-count baseline.
     *
     * @param tradeBurstBaselineFloor the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#TRADE_BURST_BASELINE_FLOOR_PROP_NAME
     */
    public ScannerContext tradeBurstBaselineFloor(final double tradeBurstBaselineFloor)
    {
        this.tradeBurstBaselineFloor = tradeBurstBaselineFloor;
        return this;
    }

    /**
     * Trade-count re-arm score.
     *
     * @return the value.
     * @see ScannerConfiguration#TRADE_BURST_REARM_SCORE_PROP_NAME
     */
    public double tradeBurstRearmScore()
    {
        return tradeBurstRearmScore;
    }

    /**
     * Set the trade-count re-arm score.
     *
     * @param tradeBurstRearmScore the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#TRADE_BURST_REARM_SCORE_PROP_NAME
     */
    public ScannerContext tradeBurstRearmScore(final double tradeBurstRearmScore)
    {
        this.tradeBurstRearmScore = tradeBurstRearmScore;
        return this;
    }

    /**
     * Trade-count cooldown, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#TRADE_BURST_COOLDOWN_PROP_NAME
     */
    public long tradeBurstCooldownNs()
    {
        return tradeBurstCooldownNs;
    }

    /**
     * Set the trade-count cooldown, in nanoseconds.
     *
     * @param tradeBurstCooldownNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#TRADE_BURST_COOLDOWN_PROP_NAME
     */
    public ScannerContext tradeBurstCooldownNs(final long tradeBurstCooldownNs)
    {
        this.tradeBurstCooldownNs = tradeBurstCooldownNs;
        return this;
    }

    /**
     * Whether BOOK_IMBALANCE is detected.
     *
     * @return the value.
     * @see ScannerConfiguration#BOOK_IMBALANCE_ENABLED_PROP_NAME
     */
    public boolean bookImbalanceEnabled()
    {
        return bookImbalanceEnabled;
    }

    /**
     * Set the whether BOOK_IMBALANCE is detected.
     *
     * @param bookImbalanceEnabled the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BOOK_IMBALANCE_ENABLED_PROP_NAME
     */
    public ScannerContext bookImbalanceEnabled(final boolean bookImbalanceEnabled)
    {
        this.bookImbalanceEnabled = bookImbalanceEnabled;
        return this;
    }

    /**
     * Whether SPREAD_BLOWOUT is detected.
     *
     * @return the value.
     * @see ScannerConfiguration#SPREAD_ENABLED_PROP_NAME
     */
    public boolean spreadEnabled()
    {
        return spreadEnabled;
    }

    /**
     * Set the whether SPREAD_BLOWOUT is detected.
     *
     * @param spreadEnabled the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SPREAD_ENABLED_PROP_NAME
     */
    public ScannerContext spreadEnabled(final boolean spreadEnabled)
    {
        this.spreadEnabled = spreadEnabled;
        return this;
    }

    /**
     * Spread over baseline at which the spread score is 1.
     *
     * @return the value.
     * @see ScannerConfiguration#SPREAD_RATIO_PROP_NAME
     */
    public double spreadRatio()
    {
        return spreadRatio;
    }

    /**
     * Set the spread over baseline at which the spread score is 1.
     *
     * @param spreadRatio the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SPREAD_RATIO_PROP_NAME
     */
    public ScannerContext spreadRatio(final double spreadRatio)
    {
        this.spreadRatio = spreadRatio;
        return this;
    }

    /**
     * Floor of the spread baseline, basis points.
     *
     * @return the value.
     * @see ScannerConfiguration#SPREAD_FLOOR_BPS_PROP_NAME
     */
    public double spreadFloorBps()
    {
        return spreadFloorBps;
    }

    /**
     * Set the floor of the spread baseline, basis points.
     *
     * @param spreadFloorBps the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SPREAD_FLOOR_BPS_PROP_NAME
     */
    public ScannerContext spreadFloorBps(final double spreadFloorBps)
    {
        this.spreadFloorBps = spreadFloorBps;
        return this;
    }

    /**
     * Span of the spread baseline, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#SPREAD_BASELINE_WINDOW_PROP_NAME
     */
    public long spreadBaselineWindowNs()
    {
        return spreadBaselineWindowNs;
    }

    /**
     * Set the span of the spread baseline, in nanoseconds.
     *
     * @param spreadBaselineWindowNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SPREAD_BASELINE_WINDOW_PROP_NAME
     */
    public ScannerContext spreadBaselineWindowNs(final long spreadBaselineWindowNs)
    {
        this.spreadBaselineWindowNs = spreadBaselineWindowNs;
        return this;
    }

    /**
     * Winsorising factor of the spread baseline.
     *
     * @return the value.
     * @see ScannerConfiguration#SPREAD_BASELINE_CLIP_PROP_NAME
     */
    public double spreadBaselineClip()
    {
        return spreadBaselineClip;
    }

    /**
     * Set the winsorising factor of the spread baseline.
     *
     * @param spreadBaselineClip the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SPREAD_BASELINE_CLIP_PROP_NAME
     */
    public ScannerContext spreadBaselineClip(final double spreadBaselineClip)
    {
        this.spreadBaselineClip = spreadBaselineClip;
        return this;
    }

    /**
     * Spread warm-up, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#SPREAD_WARMUP_PROP_NAME
     */
    public long spreadWarmupNs()
    {
        return spreadWarmupNs;
    }

    /**
     * Set the spread warm-up, in nanoseconds.
     *
     * @param spreadWarmupNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SPREAD_WARMUP_PROP_NAME
     */
    public ScannerContext spreadWarmupNs(final long spreadWarmupNs)
    {
        this.spreadWarmupNs = spreadWarmupNs;
        return this;
    }

    /**
     * How long a blowout must last, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#SPREAD_MIN_DURATION_PROP_NAME
     */
    public long spreadMinDurationNs()
    {
        return spreadMinDurationNs;
    }

    /**
     * Set the how long a blowout must last, in nanoseconds.
     *
     * @param spreadMinDurationNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SPREAD_MIN_DURATION_PROP_NAME
     */
    public ScannerContext spreadMinDurationNs(final long spreadMinDurationNs)
    {
        this.spreadMinDurationNs = spreadMinDurationNs;
        return this;
    }

    /**
     * Spread re-arm score.
     *
     * @return the value.
     * @see ScannerConfiguration#SPREAD_REARM_SCORE_PROP_NAME
     */
    public double spreadRearmScore()
    {
        return spreadRearmScore;
    }

    /**
     * Set the spread re-arm score.
     *
     * @param spreadRearmScore the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SPREAD_REARM_SCORE_PROP_NAME
     */
    public ScannerContext spreadRearmScore(final double spreadRearmScore)
    {
        this.spreadRearmScore = spreadRearmScore;
        return this;
    }

    /**
     * Spread cooldown, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#SPREAD_COOLDOWN_PROP_NAME
     */
    public long spreadCooldownNs()
    {
        return spreadCooldownNs;
    }

    /**
     * Set the spread cooldown, in nanoseconds.
     *
     * @param spreadCooldownNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#SPREAD_COOLDOWN_PROP_NAME
     */
    public ScannerContext spreadCooldownNs(final long spreadCooldownNs)
    {
        this.spreadCooldownNs = spreadCooldownNs;
        return this;
    }

    /**
     * Whether VOLATILITY_EXPANSION is detected.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLATILITY_ENABLED_PROP_NAME
     */
    public boolean volatilityEnabled()
    {
        return volatilityEnabled;
    }

    /**
     * Set the whether VOLATILITY_EXPANSION is detected.
     *
     * @param volatilityEnabled the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLATILITY_ENABLED_PROP_NAME
     */
    public ScannerContext volatilityEnabled(final boolean volatilityEnabled)
    {
        this.volatilityEnabled = volatilityEnabled;
        return this;
    }

    /**
     * Whether BREAKOUT is detected.
     *
     * @return the value.
     * @see ScannerConfiguration#BREAKOUT_ENABLED_PROP_NAME
     */
    public boolean breakoutEnabled()
    {
        return breakoutEnabled;
    }

    /**
     * Set the whether BREAKOUT is detected.
     *
     * @param breakoutEnabled the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BREAKOUT_ENABLED_PROP_NAME
     */
    public ScannerContext breakoutEnabled(final boolean breakoutEnabled)
    {
        this.breakoutEnabled = breakoutEnabled;
        return this;
    }

    /**
     * Timeframe of the breakout range.
     *
     * @return the value.
     * @see ScannerConfiguration#BREAKOUT_TIMEFRAME_PROP_NAME
     */
    public Timeframe breakoutTimeframe()
    {
        return breakoutTimeframe;
    }

    /**
     * Set the timeframe of the breakout range.
     *
     * @param breakoutTimeframe the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BREAKOUT_TIMEFRAME_PROP_NAME
     */
    public ScannerContext breakoutTimeframe(final Timeframe breakoutTimeframe)
    {
        this.breakoutTimeframe = breakoutTimeframe;
        return this;
    }

    /**
     * Bars of the breakout range.
     *
     * @return the value.
     * @see ScannerConfiguration#BREAKOUT_BARS_PROP_NAME
     */
    public int breakoutBars()
    {
        return breakoutBars;
    }

    /**
     * Set the bars of the breakout range.
     *
     * @param breakoutBars the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BREAKOUT_BARS_PROP_NAME
     */
    public ScannerContext breakoutBars(final int breakoutBars)
    {
        this.breakoutBars = breakoutBars;
        return this;
    }

    /**
     * Breakout margin in ATRs.
     *
     * @return the value.
     * @see ScannerConfiguration#BREAKOUT_ATR_MARGIN_PROP_NAME
     */
    public double breakoutAtrMargin()
    {
        return breakoutAtrMargin;
    }

    /**
     * Set the breakout margin in ATRs.
     *
     * @param breakoutAtrMargin the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BREAKOUT_ATR_MARGIN_PROP_NAME
     */
    public ScannerContext breakoutAtrMargin(final double breakoutAtrMargin)
    {
        this.breakoutAtrMargin = breakoutAtrMargin;
        return this;
    }

    /**
     * Recent over baseline volume a breakout needs.
     *
     * @return the value.
     * @see ScannerConfiguration#BREAKOUT_VOLUME_RATIO_PROP_NAME
     */
    public double breakoutVolumeRatio()
    {
        return breakoutVolumeRatio;
    }

    /**
     * Set the recent over baseline volume a breakout needs.
     *
     * @param breakoutVolumeRatio the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BREAKOUT_VOLUME_RATIO_PROP_NAME
     */
    public ScannerContext breakoutVolumeRatio(final double breakoutVolumeRatio)
    {
        this.breakoutVolumeRatio = breakoutVolumeRatio;
        return this;
    }

    /**
     * Span of the recent volume rate, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#BREAKOUT_VOLUME_WINDOW_PROP_NAME
     */
    public long breakoutVolumeWindowNs()
    {
        return breakoutVolumeWindowNs;
    }

    /**
     * Set the span of the recent volume rate, in nanoseconds.
     *
     * @param breakoutVolumeWindowNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BREAKOUT_VOLUME_WINDOW_PROP_NAME
     */
    public ScannerContext breakoutVolumeWindowNs(final long breakoutVolumeWindowNs)
    {
        this.breakoutVolumeWindowNs = breakoutVolumeWindowNs;
        return this;
    }

    /**
     * Breakout re-arm score.
     *
     * @return the value.
     * @see ScannerConfiguration#BREAKOUT_REARM_SCORE_PROP_NAME
     */
    public double breakoutRearmScore()
    {
        return breakoutRearmScore;
    }

    /**
     * Set the breakout re-arm score.
     *
     * @param breakoutRearmScore the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BREAKOUT_REARM_SCORE_PROP_NAME
     */
    public ScannerContext breakoutRearmScore(final double breakoutRearmScore)
    {
        this.breakoutRearmScore = breakoutRearmScore;
        return this;
    }

    /**
     * Breakout cooldown, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#BREAKOUT_COOLDOWN_PROP_NAME
     */
    public long breakoutCooldownNs()
    {
        return breakoutCooldownNs;
    }

    /**
     * Set the breakout cooldown, in nanoseconds.
     *
     * @param breakoutCooldownNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#BREAKOUT_COOLDOWN_PROP_NAME
     */
    public ScannerContext breakoutCooldownNs(final long breakoutCooldownNs)
    {
        this.breakoutCooldownNs = breakoutCooldownNs;
        return this;
    }

    /**
     * Whether REGIME_SHIFT is detected.
     *
     * @return the value.
     * @see ScannerConfiguration#REGIME_SHIFT_ENABLED_PROP_NAME
     */
    public boolean regimeShiftEnabled()
    {
        return regimeShiftEnabled;
    }

    /**
     * Set the whether REGIME_SHIFT is detected.
     *
     * @param regimeShiftEnabled the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#REGIME_SHIFT_ENABLED_PROP_NAME
     */
    public ScannerContext regimeShiftEnabled(final boolean regimeShiftEnabled)
    {
        this.regimeShiftEnabled = regimeShiftEnabled;
        return this;
    }

    /**
     * Shift size x confidence at which the regime shift score is 1.
     *
     * @return the value.
     * @see ScannerConfiguration#REGIME_SHIFT_THRESHOLD_PROP_NAME
     */
    public double regimeShiftThreshold()
    {
        return regimeShiftThreshold;
    }

    /**
     * Set the shift size x confidence at which the regime shift score is 1.
     *
     * @param regimeShiftThreshold the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#REGIME_SHIFT_THRESHOLD_PROP_NAME
     */
    public ScannerContext regimeShiftThreshold(final double regimeShiftThreshold)
    {
        this.regimeShiftThreshold = regimeShiftThreshold;
        return this;
    }

    /**
     * Regime shift cooldown, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#REGIME_SHIFT_COOLDOWN_PROP_NAME
     */
    public long regimeShiftCooldownNs()
    {
        return regimeShiftCooldownNs;
    }

    /**
     * Set the regime shift cooldown, in nanoseconds.
     *
     * @param regimeShiftCooldownNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#REGIME_SHIFT_COOLDOWN_PROP_NAME
     */
    public ScannerContext regimeShiftCooldownNs(final long regimeShiftCooldownNs)
    {
        this.regimeShiftCooldownNs = regimeShiftCooldownNs;
        return this;
    }

    /**
     * Whether LIQUIDATION_CASCADE is detected.
     *
     * @return the value.
     * @see ScannerConfiguration#LIQUIDATION_ENABLED_PROP_NAME
     */
    public boolean liquidationEnabled()
    {
        return liquidationEnabled;
    }

    /**
     * Set the whether LIQUIDATION_CASCADE is detected.
     *
     * @param liquidationEnabled the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#LIQUIDATION_ENABLED_PROP_NAME
     */
    public ScannerContext liquidationEnabled(final boolean liquidationEnabled)
    {
        this.liquidationEnabled = liquidationEnabled;
        return this;
    }

    /**
     * Window of the liquidation cluster, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#LIQUIDATION_WINDOW_PROP_NAME
     */
    public long liquidationWindowNs()
    {
        return liquidationWindowNs;
    }

    /**
     * Set the window of the liquidation cluster, in nanoseconds.
     *
     * @param liquidationWindowNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#LIQUIDATION_WINDOW_PROP_NAME
     */
    public ScannerContext liquidationWindowNs(final long liquidationWindowNs)
    {
        this.liquidationWindowNs = liquidationWindowNs;
        return this;
    }

    /**
     * Buckets of the liquidation window.
     *
     * @return the value.
     * @see ScannerConfiguration#LIQUIDATION_BUCKETS_PROP_NAME
     */
    public int liquidationBuckets()
    {
        return liquidationBuckets;
    }

    /**
     * Set the buckets of the liquidation window.
     *
     * @param liquidationBuckets the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#LIQUIDATION_BUCKETS_PROP_NAME
     */
    public ScannerContext liquidationBuckets(final int liquidationBuckets)
    {
        this.liquidationBuckets = liquidationBuckets;
        return this;
    }

    /**
     * Same-side liquidations of a cascade.
     *
     * @return the value.
     * @see ScannerConfiguration#LIQUIDATION_MIN_COUNT_PROP_NAME
     */
    public int liquidationMinCount()
    {
        return liquidationMinCount;
    }

    /**
     * Set the same-side liquidations of a cascade.
     *
     * @param liquidationMinCount the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#LIQUIDATION_MIN_COUNT_PROP_NAME
     */
    public ScannerContext liquidationMinCount(final int liquidationMinCount)
    {
        this.liquidationMinCount = liquidationMinCount;
        return this;
    }

    /**
     * Liquidated notional of a cascade.
     *
     * @return the value.
     * @see ScannerConfiguration#LIQUIDATION_MIN_NOTIONAL_PROP_NAME
     */
    public double liquidationMinNotional()
    {
        return liquidationMinNotional;
    }

    /**
     * Set the liquidated notional of a cascade.
     *
     * @param liquidationMinNotional the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#LIQUIDATION_MIN_NOTIONAL_PROP_NAME
     */
    public ScannerContext liquidationMinNotional(final double liquidationMinNotional)
    {
        this.liquidationMinNotional = liquidationMinNotional;
        return this;
    }

    /**
     * Liquidation re-arm score.
     *
     * @return the value.
     * @see ScannerConfiguration#LIQUIDATION_REARM_SCORE_PROP_NAME
     */
    public double liquidationRearmScore()
    {
        return liquidationRearmScore;
    }

    /**
     * Set the liquidation re-arm score.
     *
     * @param liquidationRearmScore the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#LIQUIDATION_REARM_SCORE_PROP_NAME
     */
    public ScannerContext liquidationRearmScore(final double liquidationRearmScore)
    {
        this.liquidationRearmScore = liquidationRearmScore;
        return this;
    }

    /**
     * Liquidation cooldown, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#LIQUIDATION_COOLDOWN_PROP_NAME
     */
    public long liquidationCooldownNs()
    {
        return liquidationCooldownNs;
    }

    /**
     * Set the liquidation cooldown, in nanoseconds.
     *
     * @param liquidationCooldownNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#LIQUIDATION_COOLDOWN_PROP_NAME
     */
    public ScannerContext liquidationCooldownNs(final long liquidationCooldownNs)
    {
        this.liquidationCooldownNs = liquidationCooldownNs;
        return this;
    }

    /**
     * Whether RETURN_DISTRIBUTION is detected.
     *
     * @return the value.
     * @see ScannerConfiguration#DISTRIBUTION_ENABLED_PROP_NAME
     */
    public boolean distributionEnabled()
    {
        return distributionEnabled;
    }

    /**
     * Set the whether RETURN_DISTRIBUTION is detected.
     *
     * @param distributionEnabled the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#DISTRIBUTION_ENABLED_PROP_NAME
     */
    public ScannerContext distributionEnabled(final boolean distributionEnabled)
    {
        this.distributionEnabled = distributionEnabled;
        return this;
    }

    /**
     * Span of the return moments, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#DISTRIBUTION_WINDOW_PROP_NAME
     */
    public long distributionWindowNs()
    {
        return distributionWindowNs;
    }

    /**
     * Set the span of the return moments, in nanoseconds.
     *
     * @param distributionWindowNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#DISTRIBUTION_WINDOW_PROP_NAME
     */
    public ScannerContext distributionWindowNs(final long distributionWindowNs)
    {
        this.distributionWindowNs = distributionWindowNs;
        return this;
    }

    /**
     * Distribution warm-up, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#DISTRIBUTION_WARMUP_PROP_NAME
     */
    public long distributionWarmupNs()
    {
        return distributionWarmupNs;
    }

    /**
     * Set the distribution warm-up, in nanoseconds.
     *
     * @param distributionWarmupNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#DISTRIBUTION_WARMUP_PROP_NAME
     */
    public ScannerContext distributionWarmupNs(final long distributionWarmupNs)
    {
        this.distributionWarmupNs = distributionWarmupNs;
        return this;
    }

    /**
     * Absolute skew at which the distribution score is 1.
     *
     * @return the value.
     * @see ScannerConfiguration#DISTRIBUTION_SKEW_THRESHOLD_PROP_NAME
     */
    public double distributionSkewThreshold()
    {
        return distributionSkewThreshold;
    }

    /**
     * Set the absolute skew at which the distribution score is 1.
     *
     * @param distributionSkewThreshold the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#DISTRIBUTION_SKEW_THRESHOLD_PROP_NAME
     */
    public ScannerContext distributionSkewThreshold(final double distributionSkewThreshold)
    {
        this.distributionSkewThreshold = distributionSkewThreshold;
        return this;
    }

    /**
     * Excess kurtosis at which the distribution score is 1.
     *
     * @return the value.
     * @see ScannerConfiguration#DISTRIBUTION_KURTOSIS_THRESHOLD_PROP_NAME
     */
    public double distributionKurtosisThreshold()
    {
        return distributionKurtosisThreshold;
    }

    /**
     * Set the excess kurtosis at which the distribution score is 1.
     *
     * @param distributionKurtosisThreshold the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#DISTRIBUTION_KURTOSIS_THRESHOLD_PROP_NAME
     */
    public ScannerContext distributionKurtosisThreshold(final double distributionKurtosisThreshold)
    {
        this.distributionKurtosisThreshold = distributionKurtosisThreshold;
        return this;
    }

    /**
     * Least share of non-zero returns.
     *
     * @return the value.
     * @see ScannerConfiguration#DISTRIBUTION_MIN_ACTIVE_PROP_NAME
     */
    public double distributionMinActive()
    {
        return distributionMinActive;
    }

    /**
     * Set the least share of non-zero returns.
     *
     * @param distributionMinActive the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#DISTRIBUTION_MIN_ACTIVE_PROP_NAME
     */
    public ScannerContext distributionMinActive(final double distributionMinActive)
    {
        this.distributionMinActive = distributionMinActive;
        return this;
    }

    /**
     * Distribution re-arm score.
     *
     * @return the value.
     * @see ScannerConfiguration#DISTRIBUTION_REARM_SCORE_PROP_NAME
     */
    public double distributionRearmScore()
    {
        return distributionRearmScore;
    }

    /**
     * Set the distribution re-arm score.
     *
     * @param distributionRearmScore the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#DISTRIBUTION_REARM_SCORE_PROP_NAME
     */
    public ScannerContext distributionRearmScore(final double distributionRearmScore)
    {
        this.distributionRearmScore = distributionRearmScore;
        return this;
    }

    /**
     * Distribution cooldown, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#DISTRIBUTION_COOLDOWN_PROP_NAME
     */
    public long distributionCooldownNs()
    {
        return distributionCooldownNs;
    }

    /**
     * Set the distribution cooldown, in nanoseconds.
     *
     * @param distributionCooldownNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#DISTRIBUTION_COOLDOWN_PROP_NAME
     */
    public ScannerContext distributionCooldownNs(final long distributionCooldownNs)
    {
        this.distributionCooldownNs = distributionCooldownNs;
        return this;
    }

    /**
     * Whether MICROSTRUCTURE_IMBALANCE is detected.
     *
     * @return the value.
     * @see ScannerConfiguration#MICROSTRUCTURE_ENABLED_PROP_NAME
     */
    public boolean microstructureEnabled()
    {
        return microstructureEnabled;
    }

    /**
     * Set the whether MICROSTRUCTURE_IMBALANCE is detected.
     *
     * @param microstructureEnabled the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#MICROSTRUCTURE_ENABLED_PROP_NAME
     */
    public ScannerContext microstructureEnabled(final boolean microstructureEnabled)
    {
        this.microstructureEnabled = microstructureEnabled;
        return this;
    }

    /**
     * Span of the flow EWMAs, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#MICROSTRUCTURE_WINDOW_PROP_NAME
     */
    public long microstructureWindowNs()
    {
        return microstructureWindowNs;
    }

    /**
     * Set the span of the flow EWMAs, in nanoseconds.
     *
     * @param microstructureWindowNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#MICROSTRUCTURE_WINDOW_PROP_NAME
     */
    public ScannerContext microstructureWindowNs(final long microstructureWindowNs)
    {
        this.microstructureWindowNs = microstructureWindowNs;
        return this;
    }

    /**
     * Signed trade flow share at which its part is 1.
     *
     * @return the value.
     * @see ScannerConfiguration#MICROSTRUCTURE_FLOW_THRESHOLD_PROP_NAME
     */
    public double microstructureFlowThreshold()
    {
        return microstructureFlowThreshold;
    }

    /**
     * Set the signed trade flow share at which its part is 1.
     *
     * @param microstructureFlowThreshold the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#MICROSTRUCTURE_FLOW_THRESHOLD_PROP_NAME
     */
    public ScannerContext microstructureFlowThreshold(final double microstructureFlowThreshold)
    {
        this.microstructureFlowThreshold = microstructureFlowThreshold;
        return this;
    }

    /**
     * Order-flow imbalance share at which its part is 1.
     *
     * @return the value.
     * @see ScannerConfiguration#MICROSTRUCTURE_OFI_THRESHOLD_PROP_NAME
     */
    public double microstructureOfiThreshold()
    {
        return microstructureOfiThreshold;
    }

    /**
     * Set the order-flow imbalance share at which its part is 1.
     *
     * @param microstructureOfiThreshold the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#MICROSTRUCTURE_OFI_THRESHOLD_PROP_NAME
     */
    public ScannerContext microstructureOfiThreshold(final double microstructureOfiThreshold)
    {
        this.microstructureOfiThreshold = microstructureOfiThreshold;
        return this;
    }

    /**
     * Least traded notional per window.
     *
     * @return the value.
     * @see ScannerConfiguration#MICROSTRUCTURE_MIN_NOTIONAL_PROP_NAME
     */
    public double microstructureMinNotional()
    {
        return microstructureMinNotional;
    }

    /**
     * Set the least traded notional per window.
     *
     * @param microstructureMinNotional the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#MICROSTRUCTURE_MIN_NOTIONAL_PROP_NAME
     */
    public ScannerContext microstructureMinNotional(final double microstructureMinNotional)
    {
        this.microstructureMinNotional = microstructureMinNotional;
        return this;
    }

    /**
     * Least trades per window.
     *
     * @return the value.
     * @see ScannerConfiguration#MICROSTRUCTURE_MIN_TRADES_PROP_NAME
     */
    public double microstructureMinTrades()
    {
        return microstructureMinTrades;
    }

    /**
     * Set the least trades per window.
     *
     * @param microstructureMinTrades the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#MICROSTRUCTURE_MIN_TRADES_PROP_NAME
     */
    public ScannerContext microstructureMinTrades(final double microstructureMinTrades)
    {
        this.microstructureMinTrades = microstructureMinTrades;
        return this;
    }

    /**
     * Microstructure re-arm score.
     *
     * @return the value.
     * @see ScannerConfiguration#MICROSTRUCTURE_REARM_SCORE_PROP_NAME
     */
    public double microstructureRearmScore()
    {
        return microstructureRearmScore;
    }

    /**
     * Set the microstructure re-arm score.
     *
     * @param microstructureRearmScore the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#MICROSTRUCTURE_REARM_SCORE_PROP_NAME
     */
    public ScannerContext microstructureRearmScore(final double microstructureRearmScore)
    {
        this.microstructureRearmScore = microstructureRearmScore;
        return this;
    }

    /**
     * Microstructure cooldown, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#MICROSTRUCTURE_COOLDOWN_PROP_NAME
     */
    public long microstructureCooldownNs()
    {
        return microstructureCooldownNs;
    }

    /**
     * Set the microstructure cooldown, in nanoseconds.
     *
     * @param microstructureCooldownNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#MICROSTRUCTURE_COOLDOWN_PROP_NAME
     */
    public ScannerContext microstructureCooldownNs(final long microstructureCooldownNs)
    {
        this.microstructureCooldownNs = microstructureCooldownNs;
        return this;
    }

    /**
     * Whether CROSS_SECTIONAL is detected.
     *
     * @return the value.
     * @see ScannerConfiguration#CROSS_ENABLED_PROP_NAME
     */
    public boolean crossEnabled()
    {
        return crossEnabled;
    }

    /**
     * Set the whether CROSS_SECTIONAL is detected.
     *
     * @param crossEnabled the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#CROSS_ENABLED_PROP_NAME
     */
    public ScannerContext crossEnabled(final boolean crossEnabled)
    {
        this.crossEnabled = crossEnabled;
        return this;
    }

    /**
     * Horizon of the cross-sectional returns, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#CROSS_WINDOW_PROP_NAME
     */
    public long crossWindowNs()
    {
        return crossWindowNs;
    }

    /**
     * Set the horizon of the cross-sectional returns, in nanoseconds.
     *
     * @param crossWindowNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#CROSS_WINDOW_PROP_NAME
     */
    public ScannerContext crossWindowNs(final long crossWindowNs)
    {
        this.crossWindowNs = crossWindowNs;
        return this;
    }

    /**
     * Cross-sectional sample interval, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#CROSS_SAMPLE_INTERVAL_PROP_NAME
     */
    public long crossSampleIntervalNs()
    {
        return crossSampleIntervalNs;
    }

    /**
     * Set the cross-sectional sample interval, in nanoseconds.
     *
     * @param crossSampleIntervalNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#CROSS_SAMPLE_INTERVAL_PROP_NAME
     */
    public ScannerContext crossSampleIntervalNs(final long crossSampleIntervalNs)
    {
        this.crossSampleIntervalNs = crossSampleIntervalNs;
        return this;
    }

    /**
     * Span of the beta estimate, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#CROSS_BETA_WINDOW_PROP_NAME
     */
    public long crossBetaWindowNs()
    {
        return crossBetaWindowNs;
    }

    /**
     * Set the span of the beta estimate, in nanoseconds.
     *
     * @param crossBetaWindowNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#CROSS_BETA_WINDOW_PROP_NAME
     */
    public ScannerContext crossBetaWindowNs(final long crossBetaWindowNs)
    {
        this.crossBetaWindowNs = crossBetaWindowNs;
        return this;
    }

    /**
     * Beta warm-up, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#CROSS_BETA_WARMUP_PROP_NAME
     */
    public long crossBetaWarmupNs()
    {
        return crossBetaWarmupNs;
    }

    /**
     * Set the beta warm-up, in nanoseconds.
     *
     * @param crossBetaWarmupNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#CROSS_BETA_WARMUP_PROP_NAME
     */
    public ScannerContext crossBetaWarmupNs(final long crossBetaWarmupNs)
    {
        this.crossBetaWarmupNs = crossBetaWarmupNs;
        return this;
    }

    /**
     * Market return weighting.
     *
     * @return the value.
     * @see ScannerConfiguration#CROSS_WEIGHTING_PROP_NAME
     */
    public ScannerConfiguration.CrossWeighting crossWeighting()
    {
        return crossWeighting;
    }

    /**
     * Set the market return weighting.
     *
     * @param crossWeighting the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#CROSS_WEIGHTING_PROP_NAME
     */
    public ScannerContext crossWeighting(final ScannerConfiguration.CrossWeighting crossWeighting)
    {
        this.crossWeighting = crossWeighting;
        return this;
    }

    /**
     * Residual z-score at which the cross-sectional score is 1.
     *
     * @return the value.
     * @see ScannerConfiguration#CROSS_Z_THRESHOLD_PROP_NAME
     */
    public double crossZThreshold()
    {
        return crossZThreshold;
    }

    /**
     * Set the residual z-score at which the cross-sectional score is 1.
     *
     * @param crossZThreshold the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#CROSS_Z_THRESHOLD_PROP_NAME
     */
    public ScannerContext crossZThreshold(final double crossZThreshold)
    {
        this.crossZThreshold = crossZThreshold;
        return this;
    }

    /**
     * Least absolute residual return.
     *
     * @return the value.
     * @see ScannerConfiguration#CROSS_MIN_RESIDUAL_PROP_NAME
     */
    public double crossMinResidual()
    {
        return crossMinResidual;
    }

    /**
     * Set the least absolute residual return.
     *
     * @param crossMinResidual the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#CROSS_MIN_RESIDUAL_PROP_NAME
     */
    public ScannerContext crossMinResidual(final double crossMinResidual)
    {
        this.crossMinResidual = crossMinResidual;
        return this;
    }

    /**
     * Least instruments in the cross-section.
     *
     * @return the value.
     * @see ScannerConfiguration#CROSS_MIN_INSTRUMENTS_PROP_NAME
     */
    public int crossMinInstruments()
    {
        return crossMinInstruments;
    }

    /**
     * Set the least instruments in the cross-section.
     *
     * @param crossMinInstruments the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#CROSS_MIN_INSTRUMENTS_PROP_NAME
     */
    public ScannerContext crossMinInstruments(final int crossMinInstruments)
    {
        this.crossMinInstruments = crossMinInstruments;
        return this;
    }

    /**
     * Cross-sectional re-arm score.
     *
     * @return the value.
     * @see ScannerConfiguration#CROSS_REARM_SCORE_PROP_NAME
     */
    public double crossRearmScore()
    {
        return crossRearmScore;
    }

    /**
     * Set the cross-sectional re-arm score.
     *
     * @param crossRearmScore the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#CROSS_REARM_SCORE_PROP_NAME
     */
    public ScannerContext crossRearmScore(final double crossRearmScore)
    {
        this.crossRearmScore = crossRearmScore;
        return this;
    }

    /**
     * Cross-sectional cooldown, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#CROSS_COOLDOWN_PROP_NAME
     */
    public long crossCooldownNs()
    {
        return crossCooldownNs;
    }

    /**
     * Set the cross-sectional cooldown, in nanoseconds.
     *
     * @param crossCooldownNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#CROSS_COOLDOWN_PROP_NAME
     */
    public ScannerContext crossCooldownNs(final long crossCooldownNs)
    {
        this.crossCooldownNs = crossCooldownNs;
        return this;
    }

    /**
     * Whether FUNDING_DISLOCATION is detected.
     *
     * @return the value.
     * @see ScannerConfiguration#FUNDING_ENABLED_PROP_NAME
     */
    public boolean fundingEnabled()
    {
        return fundingEnabled;
    }

    /**
     * Set the whether FUNDING_DISLOCATION is detected.
     *
     * @param fundingEnabled the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#FUNDING_ENABLED_PROP_NAME
     */
    public ScannerContext fundingEnabled(final boolean fundingEnabled)
    {
        this.fundingEnabled = fundingEnabled;
        return this;
    }

    /**
     * Time constant of the basis baseline, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#FUNDING_BASIS_WINDOW_PROP_NAME
     */
    public long fundingBasisWindowNs()
    {
        return fundingBasisWindowNs;
    }

    /**
     * Set the time constant of the basis baseline, in nanoseconds.
     *
     * @param fundingBasisWindowNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#FUNDING_BASIS_WINDOW_PROP_NAME
     */
    public ScannerContext fundingBasisWindowNs(final long fundingBasisWindowNs)
    {
        this.fundingBasisWindowNs = fundingBasisWindowNs;
        return this;
    }

    /**
     * Basis deviations at which its part is 1.
     *
     * @return the value.
     * @see ScannerConfiguration#FUNDING_BASIS_THRESHOLD_PROP_NAME
     */
    public double fundingBasisThreshold()
    {
        return fundingBasisThreshold;
    }

    /**
     * Set the basis deviations at which its part is 1.
     *
     * @param fundingBasisThreshold the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#FUNDING_BASIS_THRESHOLD_PROP_NAME
     */
    public ScannerContext fundingBasisThreshold(final double fundingBasisThreshold)
    {
        this.fundingBasisThreshold = fundingBasisThreshold;
        return this;
    }

    /**
     * Floor of the basis deviation, basis points.
     *
     * @return the value.
     * @see ScannerConfiguration#FUNDING_BASIS_FLOOR_BPS_PROP_NAME
     */
    public double fundingBasisFloorBps()
    {
        return fundingBasisFloorBps;
    }

    /**
     * Set the floor of the basis deviation, basis points.
     *
     * @param fundingBasisFloorBps the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#FUNDING_BASIS_FLOOR_BPS_PROP_NAME
     */
    public ScannerContext fundingBasisFloorBps(final double fundingBasisFloorBps)
    {
        this.fundingBasisFloorBps = fundingBasisFloorBps;
        return this;
    }

    /**
     * Winsorising of the basis baseline in deviations.
     *
     * @return the value.
     * @see ScannerConfiguration#FUNDING_BASIS_CLIP_PROP_NAME
     */
    public double fundingBasisClip()
    {
        return fundingBasisClip;
    }

    /**
     * Set the winsorising of the basis baseline in deviations.
     *
     * @param fundingBasisClip the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#FUNDING_BASIS_CLIP_PROP_NAME
     */
    public ScannerContext fundingBasisClip(final double fundingBasisClip)
    {
        this.fundingBasisClip = fundingBasisClip;
        return this;
    }

    /**
     * Absolute funding rate at which its part is 1.
     *
     * @return the value.
     * @see ScannerConfiguration#FUNDING_RATE_THRESHOLD_PROP_NAME
     */
    public double fundingRateThreshold()
    {
        return fundingRateThreshold;
    }

    /**
     * Set the absolute funding rate at which its part is 1.
     *
     * @param fundingRateThreshold the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#FUNDING_RATE_THRESHOLD_PROP_NAME
     */
    public ScannerContext fundingRateThreshold(final double fundingRateThreshold)
    {
        this.fundingRateThreshold = fundingRateThreshold;
        return this;
    }

    /**
     * Basis warm-up, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#FUNDING_WARMUP_PROP_NAME
     */
    public long fundingWarmupNs()
    {
        return fundingWarmupNs;
    }

    /**
     * Set the basis warm-up, in nanoseconds.
     *
     * @param fundingWarmupNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#FUNDING_WARMUP_PROP_NAME
     */
    public ScannerContext fundingWarmupNs(final long fundingWarmupNs)
    {
        this.fundingWarmupNs = fundingWarmupNs;
        return this;
    }

    /**
     * Funding re-arm score.
     *
     * @return the value.
     * @see ScannerConfiguration#FUNDING_REARM_SCORE_PROP_NAME
     */
    public double fundingRearmScore()
    {
        return fundingRearmScore;
    }

    /**
     * Set the funding re-arm score.
     *
     * @param fundingRearmScore the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#FUNDING_REARM_SCORE_PROP_NAME
     */
    public ScannerContext fundingRearmScore(final double fundingRearmScore)
    {
        this.fundingRearmScore = fundingRearmScore;
        return this;
    }

    /**
     * Funding cooldown, in nanoseconds.
     *
     * @return the value.
     * @see ScannerConfiguration#FUNDING_COOLDOWN_PROP_NAME
     */
    public long fundingCooldownNs()
    {
        return fundingCooldownNs;
    }

    /**
     * Set the funding cooldown, in nanoseconds.
     *
     * @param fundingCooldownNs the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#FUNDING_COOLDOWN_PROP_NAME
     */
    public ScannerContext fundingCooldownNs(final long fundingCooldownNs)
    {
        this.fundingCooldownNs = fundingCooldownNs;
        return this;
    }

    /**
     * Least taker orders in the window of a volume spike.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLUME_SPIKE_MIN_ORDERS_PROP_NAME
     */
    public int volumeSpikeMinOrders()
    {
        return volumeSpikeMinOrders;
    }

    /**
     * Set the least taker orders in the window of a volume spike.
     *
     * @param volumeSpikeMinOrders the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLUME_SPIKE_MIN_ORDERS_PROP_NAME
     */
    public ScannerContext volumeSpikeMinOrders(final int volumeSpikeMinOrders)
    {
        this.volumeSpikeMinOrders = volumeSpikeMinOrders;
        return this;
    }

    /**
     * Taker orders over their baseline a volume spike needs.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLUME_SPIKE_ORDER_RATIO_PROP_NAME
     */
    public double volumeSpikeOrderRatio()
    {
        return volumeSpikeOrderRatio;
    }

    /**
     * Set the taker orders over their baseline a volume spike needs.
     *
     * @param volumeSpikeOrderRatio the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLUME_SPIKE_ORDER_RATIO_PROP_NAME
     */
    public ScannerContext volumeSpikeOrderRatio(final double volumeSpikeOrderRatio)
    {
        this.volumeSpikeOrderRatio = volumeSpikeOrderRatio;
        return this;
    }

    /**
     * Score multiple at which a spike fires again inside its cooldown.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLUME_SPIKE_ESCALATION_PROP_NAME
     */
    public double volumeSpikeEscalation()
    {
        return volumeSpikeEscalation;
    }

    /**
     * Set the score multiple at which a spike fires again inside its cooldown.
     *
     * @param volumeSpikeEscalation the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLUME_SPIKE_ESCALATION_PROP_NAME
     */
    public ScannerContext volumeSpikeEscalation(final double volumeSpikeEscalation)
    {
        this.volumeSpikeEscalation = volumeSpikeEscalation;
        return this;
    }

    /**
     * Winsorising of the long variance in standard deviations.
     *
     * @return the value.
     * @see ScannerConfiguration#VOLATILITY_LONG_CLIP_PROP_NAME
     */
    public double volatilityLongClip()
    {
        return volatilityLongClip;
    }

    /**
     * Set the winsorising of the long variance in standard deviations.
     *
     * @param volatilityLongClip the value.
     * @return this for a fluent API.
     * @see ScannerConfiguration#VOLATILITY_LONG_CLIP_PROP_NAME
     */
    public ScannerContext volatilityLongClip(final double volatilityLongClip)
    {
        this.volatilityLongClip = volatilityLongClip;
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
     * The pairs detector's configuration (PAIRS_DIVERGENCE, see {@code scanner/PAIRS.md}).
     *
     * @return the pairs context; from system properties ({@code hellmoon.scanner.pairs.*}) unless set.
     */
    public PairsContext pairs()
    {
        if (null == pairs)
        {
            pairs = new PairsContext();
        }
        return pairs;
    }

    /**
     * Set the pairs detector's configuration. The scanner runs a {@link io.hellmoon.scanner.pairs.PairsDetector}
     * over it when it resolves to at least one pair; {@link #conclude()} gives it this context's scanner id, clock
     * and counter factory unless it has its own, and concludes it. Pairs named by symbol need
     * {@link PairsContext#registry} set.
     *
     * @param pairs not yet concluded.
     * @return this for a fluent API.
     */
    public ScannerContext pairs(final PairsContext pairs)
    {
        this.pairs = pairs;
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
        validateRange(ScannerConfiguration.SWEEP_WARMUP_PROP_NAME, sweepWarmup, 0, 1_000_000);
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
        validateRange(ScannerConfiguration.VOLUME_SPIKE_MIN_ORDERS_PROP_NAME, volumeSpikeMinOrders, 0, 1_000_000);
        validateNonNegative(ScannerConfiguration.VOLUME_SPIKE_ORDER_RATIO_PROP_NAME, volumeSpikeOrderRatio);
        require(0.0 == volumeSpikeEscalation || volumeSpikeEscalation > 1.0,
            ScannerConfiguration.VOLUME_SPIKE_ESCALATION_PROP_NAME, String.valueOf(volumeSpikeEscalation),
            "must be 0 (off) or above 1");
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
            ScannerConfiguration.BOOK_IMBALANCE_WINDOW_PROP_NAME, bookImbalanceWindowNs, 1_000_000L,
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
        require(0.0 == volatilityLongClip || volatilityLongClip >= 1.0,
            ScannerConfiguration.VOLATILITY_LONG_CLIP_PROP_NAME, String.valueOf(volatilityLongClip),
            "must be 0 (off) or at least 1");
        validatePositive(ScannerConfiguration.VOLATILITY_MIN_LONG_VOL_PROP_NAME, volatilityMinLongVol);
        validateDuration(ScannerConfiguration.VOLATILITY_WARMUP_PROP_NAME, volatilityWarmupNs, 0, secondsNs(86_400));
        validateNonNegative(ScannerConfiguration.VOLATILITY_ATR_RATIO_PROP_NAME, volatilityAtrRatio);
        validateNonNegative(
            ScannerConfiguration.VOLATILITY_DIRECTION_THRESHOLD_PROP_NAME, volatilityDirectionThreshold);
        validateRearm(ScannerConfiguration.VOLATILITY_REARM_SCORE_PROP_NAME, volatilityRearmScore);
        validateDuration(
            ScannerConfiguration.VOLATILITY_COOLDOWN_PROP_NAME, volatilityCooldownNs, 0, secondsNs(86_400));

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

        validateRange(ScannerConfiguration.RSI_PERIOD_PROP_NAME, rsiPeriod, 1, 10_000);
        validateRange(ScannerConfiguration.BOLLINGER_PERIOD_PROP_NAME, bollingerPeriod, 1, 1_000);
        validatePositive(ScannerConfiguration.BOLLINGER_WIDTH_PROP_NAME, bollingerWidth);
        require(null != regimeTimeframe, ScannerConfiguration.REGIME_TIMEFRAME_PROP_NAME, "null", "must be set");
        require(null != volatilityAtrTimeframe, ScannerConfiguration.VOLATILITY_ATR_TIMEFRAME_PROP_NAME, "null",
            "must be set");

        validatePositive(ScannerConfiguration.TRADE_BURST_RATIO_PROP_NAME, tradeBurstRatio);
        validateRange(ScannerConfiguration.TRADE_BURST_MIN_TRADES_PROP_NAME, tradeBurstMinTrades, 0, 1_000_000);
        validatePositive(ScannerConfiguration.TRADE_BURST_BASELINE_FLOOR_PROP_NAME, tradeBurstBaselineFloor);
        validateRearm(ScannerConfiguration.TRADE_BURST_REARM_SCORE_PROP_NAME, tradeBurstRearmScore);
        validateDuration(
            ScannerConfiguration.TRADE_BURST_COOLDOWN_PROP_NAME, tradeBurstCooldownNs, 0, secondsNs(86_400));

        validatePositive(ScannerConfiguration.SPREAD_RATIO_PROP_NAME, spreadRatio);
        validatePositive(ScannerConfiguration.SPREAD_FLOOR_BPS_PROP_NAME, spreadFloorBps);
        validateDuration(ScannerConfiguration.SPREAD_BASELINE_WINDOW_PROP_NAME, spreadBaselineWindowNs, flowWindowNs,
            secondsNs(86_400));
        require(0.0 == spreadBaselineClip || spreadBaselineClip >= 1.0,
            ScannerConfiguration.SPREAD_BASELINE_CLIP_PROP_NAME, String.valueOf(spreadBaselineClip),
            "must be 0 (off) or at least 1");
        validateDuration(ScannerConfiguration.SPREAD_WARMUP_PROP_NAME, spreadWarmupNs, 0, secondsNs(86_400));
        validateDuration(ScannerConfiguration.SPREAD_MIN_DURATION_PROP_NAME, spreadMinDurationNs, 0, secondsNs(3600));
        validateRearm(ScannerConfiguration.SPREAD_REARM_SCORE_PROP_NAME, spreadRearmScore);
        validateDuration(ScannerConfiguration.SPREAD_COOLDOWN_PROP_NAME, spreadCooldownNs, 0, secondsNs(86_400));

        require(null != breakoutTimeframe, ScannerConfiguration.BREAKOUT_TIMEFRAME_PROP_NAME, "null", "must be set");
        validateRange(ScannerConfiguration.BREAKOUT_BARS_PROP_NAME, breakoutBars, 2, 1_000);
        validateNonNegative(ScannerConfiguration.BREAKOUT_ATR_MARGIN_PROP_NAME, breakoutAtrMargin);
        validateNonNegative(ScannerConfiguration.BREAKOUT_VOLUME_RATIO_PROP_NAME, breakoutVolumeRatio);
        validateDuration(ScannerConfiguration.BREAKOUT_VOLUME_WINDOW_PROP_NAME, breakoutVolumeWindowNs, flowWindowNs,
            secondsNs(86_400));
        validateRearm(ScannerConfiguration.BREAKOUT_REARM_SCORE_PROP_NAME, breakoutRearmScore);
        validateDuration(ScannerConfiguration.BREAKOUT_COOLDOWN_PROP_NAME, breakoutCooldownNs, 0, secondsNs(86_400));

        validatePositive(ScannerConfiguration.REGIME_SHIFT_THRESHOLD_PROP_NAME, regimeShiftThreshold);
        validateDuration(
            ScannerConfiguration.REGIME_SHIFT_COOLDOWN_PROP_NAME, regimeShiftCooldownNs, 0, secondsNs(7 * 86_400));

        validateDuration(
            ScannerConfiguration.LIQUIDATION_WINDOW_PROP_NAME, liquidationWindowNs, 1_000_000L, secondsNs(86_400));
        validateRange(ScannerConfiguration.LIQUIDATION_BUCKETS_PROP_NAME, liquidationBuckets, 1, 1000);
        require(0 == liquidationWindowNs % liquidationBuckets, ScannerConfiguration.LIQUIDATION_BUCKETS_PROP_NAME,
            String.valueOf(liquidationBuckets), "must divide " + ScannerConfiguration.LIQUIDATION_WINDOW_PROP_NAME +
            " (" + liquidationWindowNs + " ns) exactly");
        validateRange(ScannerConfiguration.LIQUIDATION_MIN_COUNT_PROP_NAME, liquidationMinCount, 1, 1_000_000);
        validatePositive(ScannerConfiguration.LIQUIDATION_MIN_NOTIONAL_PROP_NAME, liquidationMinNotional);
        validateRearm(ScannerConfiguration.LIQUIDATION_REARM_SCORE_PROP_NAME, liquidationRearmScore);
        validateDuration(
            ScannerConfiguration.LIQUIDATION_COOLDOWN_PROP_NAME, liquidationCooldownNs, 0, secondsNs(86_400));

        validateDuration(ScannerConfiguration.DISTRIBUTION_WINDOW_PROP_NAME, distributionWindowNs,
            2 * volatilitySampleIntervalNs, secondsNs(7 * 86_400));
        validateDuration(
            ScannerConfiguration.DISTRIBUTION_WARMUP_PROP_NAME, distributionWarmupNs, 0, secondsNs(7 * 86_400));
        validatePositive(ScannerConfiguration.DISTRIBUTION_SKEW_THRESHOLD_PROP_NAME, distributionSkewThreshold);
        validatePositive(
            ScannerConfiguration.DISTRIBUTION_KURTOSIS_THRESHOLD_PROP_NAME, distributionKurtosisThreshold);
        validateFraction(ScannerConfiguration.DISTRIBUTION_MIN_ACTIVE_PROP_NAME, distributionMinActive, 0, 1);
        validateRearm(ScannerConfiguration.DISTRIBUTION_REARM_SCORE_PROP_NAME, distributionRearmScore);
        validateDuration(
            ScannerConfiguration.DISTRIBUTION_COOLDOWN_PROP_NAME, distributionCooldownNs, 0, secondsNs(86_400));

        validateDuration(ScannerConfiguration.MICROSTRUCTURE_WINDOW_PROP_NAME, microstructureWindowNs, flowWindowNs,
            secondsNs(86_400));
        require(microstructureFlowThreshold > 0.0 && microstructureFlowThreshold <= 1.0,
            ScannerConfiguration.MICROSTRUCTURE_FLOW_THRESHOLD_PROP_NAME, String.valueOf(microstructureFlowThreshold),
            "must be in (0, 1]: a share lies in [-1, 1]");
        require(microstructureOfiThreshold > 0.0 && microstructureOfiThreshold <= 1.0,
            ScannerConfiguration.MICROSTRUCTURE_OFI_THRESHOLD_PROP_NAME, String.valueOf(microstructureOfiThreshold),
            "must be in (0, 1]: a share lies in [-1, 1]");
        validateNonNegative(ScannerConfiguration.MICROSTRUCTURE_MIN_NOTIONAL_PROP_NAME, microstructureMinNotional);
        validateNonNegative(ScannerConfiguration.MICROSTRUCTURE_MIN_TRADES_PROP_NAME, microstructureMinTrades);
        validateRearm(ScannerConfiguration.MICROSTRUCTURE_REARM_SCORE_PROP_NAME, microstructureRearmScore);
        validateDuration(
            ScannerConfiguration.MICROSTRUCTURE_COOLDOWN_PROP_NAME, microstructureCooldownNs, 0, secondsNs(86_400));

        validateDuration(ScannerConfiguration.CROSS_SAMPLE_INTERVAL_PROP_NAME, crossSampleIntervalNs, sweepIntervalNs,
            secondsNs(86_400));
        require(0 == crossSampleIntervalNs % sweepIntervalNs, ScannerConfiguration.CROSS_SAMPLE_INTERVAL_PROP_NAME,
            crossSampleIntervalNs + "ns", "must be a multiple of " + ScannerConfiguration.SWEEP_INTERVAL_PROP_NAME +
            " (" + sweepIntervalNs + " ns), so samples fall on sweeps");
        validateDuration(ScannerConfiguration.CROSS_WINDOW_PROP_NAME, crossWindowNs, crossSampleIntervalNs,
            crossSampleIntervalNs * 10_000L);
        require(0 == crossWindowNs % crossSampleIntervalNs, ScannerConfiguration.CROSS_WINDOW_PROP_NAME,
            crossWindowNs + "ns", "must be a multiple of " + ScannerConfiguration.CROSS_SAMPLE_INTERVAL_PROP_NAME +
            " (" + crossSampleIntervalNs + " ns)");
        validateDuration(ScannerConfiguration.CROSS_BETA_WINDOW_PROP_NAME, crossBetaWindowNs, crossSampleIntervalNs,
            secondsNs(30 * 86_400));
        validateDuration(
            ScannerConfiguration.CROSS_BETA_WARMUP_PROP_NAME, crossBetaWarmupNs, 0, secondsNs(30 * 86_400));
        require(null != crossWeighting, ScannerConfiguration.CROSS_WEIGHTING_PROP_NAME, "null", "must be set");
        validatePositive(ScannerConfiguration.CROSS_Z_THRESHOLD_PROP_NAME, crossZThreshold);
        validatePositive(ScannerConfiguration.CROSS_MIN_RESIDUAL_PROP_NAME, crossMinResidual);
        validateRange(ScannerConfiguration.CROSS_MIN_INSTRUMENTS_PROP_NAME, crossMinInstruments, 3, 1 << 24);
        validateRearm(ScannerConfiguration.CROSS_REARM_SCORE_PROP_NAME, crossRearmScore);
        validateDuration(ScannerConfiguration.CROSS_COOLDOWN_PROP_NAME, crossCooldownNs, 0, secondsNs(86_400));

        validateDuration(ScannerConfiguration.FUNDING_BASIS_WINDOW_PROP_NAME, fundingBasisWindowNs, secondsNs(1),
            secondsNs(30 * 86_400));
        validatePositive(ScannerConfiguration.FUNDING_BASIS_THRESHOLD_PROP_NAME, fundingBasisThreshold);
        validatePositive(ScannerConfiguration.FUNDING_BASIS_FLOOR_BPS_PROP_NAME, fundingBasisFloorBps);
        require(0.0 == fundingBasisClip || fundingBasisClip >= 1.0, ScannerConfiguration.FUNDING_BASIS_CLIP_PROP_NAME,
            String.valueOf(fundingBasisClip), "must be 0 (off) or at least 1");
        validatePositive(ScannerConfiguration.FUNDING_RATE_THRESHOLD_PROP_NAME, fundingRateThreshold);
        validateDuration(ScannerConfiguration.FUNDING_WARMUP_PROP_NAME, fundingWarmupNs, 0, secondsNs(30 * 86_400));
        validateRearm(ScannerConfiguration.FUNDING_REARM_SCORE_PROP_NAME, fundingRearmScore);
        validateDuration(ScannerConfiguration.FUNDING_COOLDOWN_PROP_NAME, fundingCooldownNs, 0, secondsNs(86_400));

        resolvedSweepKernel = resolveKernel(sweepKernel);
        if (null == clock)
        {
            clock = new SystemEpochNanoClock();
        }
        if (null == counterFactory)
        {
            counterFactory = CounterFactory.local(LOCAL_COUNTERS);
        }
        final PairsContext pairs = pairs();
        if (!pairs.isConcluded())
        {
            pairs.scannerId(scannerId);
            if (null == pairs.clock())
            {
                pairs.clock(clock);
            }
            if (null == pairs.counterFactory())
            {
                pairs.counterFactory(counterFactory);
            }
            pairs.conclude();
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
