/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.codecs.aeron.BackPressurePolicy;
import org.agrona.SystemUtil;

import java.util.Locale;

import static java.lang.System.getProperty;

/**
 * Property names and defaults of the scanner. A {@link ScannerContext} is seeded from these getters, so a system
 * property (or a properties file loaded with {@link SystemUtil#loadPropertiesFiles(String...)}) sets a default and a
 * fluent setter on the context overrides it. Durations take Agrona's suffixes ({@code ns}, {@code us}, {@code ms},
 * {@code s}: five minutes is {@code 300s}); plain numbers are nanoseconds.
 * <p>
 * Every key is listed with its meaning in the module README. All windows, cooldowns and the sweep interval are
 * measured on the messages' event time, never on the wall clock.
 */
public final class ScannerConfiguration
{
    /**
     * Whether the scanner publishes anomaly events at start; toggled at run time with
     * {@link HellmoonScanner#enabled(boolean)}. Indicators and regimes keep updating while disabled.
     */
    public static final String ENABLED_PROP_NAME = "hellmoon.scanner.enabled";

    /**
     * Default for {@link #ENABLED_PROP_NAME}.
     */
    public static final boolean ENABLED_DEFAULT = true;

    /**
     * Scanner id, 0 to 65535, unique among the scanner shards of a deployment: it is part of every anomaly id.
     */
    public static final String SCANNER_ID_PROP_NAME = "hellmoon.scanner.id";

    /**
     * Default for {@link #SCANNER_ID_PROP_NAME}.
     */
    public static final int SCANNER_ID_DEFAULT = 1;

    /**
     * Instruments the state arrays are sized for at start; they double when more instruments appear (warm-up only).
     */
    public static final String CAPACITY_PROP_NAME = "hellmoon.scanner.capacity";

    /**
     * Default for {@link #CAPACITY_PROP_NAME}.
     */
    public static final int CAPACITY_DEFAULT = 10_000;

    /**
     * Number of scanner shards splitting the instruments of one market-data stream.
     */
    public static final String SHARD_COUNT_PROP_NAME = "hellmoon.scanner.shard.count";

    /**
     * Default for {@link #SHARD_COUNT_PROP_NAME}.
     */
    public static final int SHARD_COUNT_DEFAULT = 1;

    /**
     * This scanner's shard, 0 to count - 1: it takes the instruments whose {@code id % count == index}.
     */
    public static final String SHARD_INDEX_PROP_NAME = "hellmoon.scanner.shard.index";

    /**
     * Default for {@link #SHARD_INDEX_PROP_NAME}.
     */
    public static final int SHARD_INDEX_DEFAULT = 0;

    /**
     * Most fragments the agent polls from the market-data subscription per duty cycle.
     */
    public static final String FRAGMENT_LIMIT_PROP_NAME = "hellmoon.scanner.fragment.limit";

    /**
     * Default for {@link #FRAGMENT_LIMIT_PROP_NAME}.
     */
    public static final int FRAGMENT_LIMIT_DEFAULT = 256;

    /**
     * Event-time interval of the sweep over all instruments (book imbalance, volatility expansion).
     */
    public static final String SWEEP_INTERVAL_PROP_NAME = "hellmoon.scanner.sweep.interval";

    /**
     * Default for {@link #SWEEP_INTERVAL_PROP_NAME}.
     */
    public static final String SWEEP_INTERVAL_DEFAULT = "250ms";

    /**
     * Implementation of the sweep's arithmetic: {@code auto}, {@code scalar} or {@code vector}.
     */
    public static final String SWEEP_KERNEL_PROP_NAME = "hellmoon.scanner.sweep.kernel";

    /**
     * Default for {@link #SWEEP_KERNEL_PROP_NAME}.
     */
    public static final String SWEEP_KERNEL_DEFAULT = "auto";

    /**
     * Largest accepted distance between a message's event time and its receive time; an event time further off is
     * treated as missing. 0 turns the check off (replays that rewrite receive times need that).
     */
    public static final String MAX_EVENT_TIME_SKEW_PROP_NAME = "hellmoon.scanner.max.event.time.skew";

    /**
     * Default for {@link #MAX_EVENT_TIME_SKEW_PROP_NAME}: off.
     */
    public static final String MAX_EVENT_TIME_SKEW_DEFAULT = "0";

    /**
     * What the scan-stream publisher does under back pressure: {@code RETRY} or {@code DROP}.
     */
    public static final String BACK_PRESSURE_PROP_NAME = "hellmoon.scanner.back.pressure";

    /**
     * Default for {@link #BACK_PRESSURE_PROP_NAME}.
     */
    public static final String BACK_PRESSURE_DEFAULT = "RETRY";

    /**
     * How long the publisher retries a back-pressured offer before dropping it; 0 retries for ever (replays).
     */
    public static final String PUBLISH_RETRY_TIMEOUT_PROP_NAME = "hellmoon.scanner.publish.retry.timeout";

    /**
     * Default for {@link #PUBLISH_RETRY_TIMEOUT_PROP_NAME}.
     */
    public static final String PUBLISH_RETRY_TIMEOUT_DEFAULT = "1ms";

    /**
     * Length of the rolling trade-flow window (the "current one-second volume").
     */
    public static final String FLOW_WINDOW_PROP_NAME = "hellmoon.scanner.flow.window";

    /**
     * Default for {@link #FLOW_WINDOW_PROP_NAME}.
     */
    public static final String FLOW_WINDOW_DEFAULT = "1s";

    /**
     * Buckets the flow window is divided into: the window rolls forward one bucket at a time.
     */
    public static final String FLOW_BUCKETS_PROP_NAME = "hellmoon.scanner.flow.buckets";

    /**
     * Default for {@link #FLOW_BUCKETS_PROP_NAME}.
     */
    public static final int FLOW_BUCKETS_DEFAULT = 10;

    /**
     * Volume spike threshold: window notional over baseline notional at which the score reaches 1.
     */
    public static final String VOLUME_SPIKE_RATIO_PROP_NAME = "hellmoon.scanner.volume.spike.ratio";

    /**
     * Default for {@link #VOLUME_SPIKE_RATIO_PROP_NAME}.
     */
    public static final double VOLUME_SPIKE_RATIO_DEFAULT = 10.0;

    /**
     * Least window notional (quote currency) a volume spike needs, whatever its ratio.
     */
    public static final String VOLUME_SPIKE_MIN_NOTIONAL_PROP_NAME = "hellmoon.scanner.volume.spike.min.notional";

    /**
     * Default for {@link #VOLUME_SPIKE_MIN_NOTIONAL_PROP_NAME}.
     */
    public static final double VOLUME_SPIKE_MIN_NOTIONAL_DEFAULT = 50_000.0;

    /**
     * Span of the EWMA baseline of per-window volumes (alpha = 2 / (samples + 1), samples = span / flow window).
     */
    public static final String VOLUME_SPIKE_BASELINE_WINDOW_PROP_NAME =
        "hellmoon.scanner.volume.spike.baseline.window";

    /**
     * Default for {@link #VOLUME_SPIKE_BASELINE_WINDOW_PROP_NAME}.
     */
    public static final String VOLUME_SPIKE_BASELINE_WINDOW_DEFAULT = "300s";

    /**
     * Floor of the volume baseline (quote notional per window), so an illiquid instrument does not fire on one trade.
     */
    public static final String VOLUME_SPIKE_BASELINE_FLOOR_PROP_NAME =
        "hellmoon.scanner.volume.spike.baseline.floor";

    /**
     * Default for {@link #VOLUME_SPIKE_BASELINE_FLOOR_PROP_NAME}.
     */
    public static final double VOLUME_SPIKE_BASELINE_FLOOR_DEFAULT = 1_000.0;

    /**
     * Winsorising factor of the baseline: a window's volume enters the EWMA capped at this multiple of the current
     * (floored) baseline, so bursts barely lift it. 0 turns clipping off.
     */
    public static final String VOLUME_SPIKE_BASELINE_CLIP_PROP_NAME = "hellmoon.scanner.volume.spike.baseline.clip";

    /**
     * Default for {@link #VOLUME_SPIKE_BASELINE_CLIP_PROP_NAME}.
     */
    public static final double VOLUME_SPIKE_BASELINE_CLIP_DEFAULT = 3.0;

    /**
     * Event time of baseline history an instrument needs before volume spikes can fire.
     */
    public static final String VOLUME_SPIKE_WARMUP_PROP_NAME = "hellmoon.scanner.volume.spike.warmup";

    /**
     * Default for {@link #VOLUME_SPIKE_WARMUP_PROP_NAME}.
     */
    public static final String VOLUME_SPIKE_WARMUP_DEFAULT = "60s";

    /**
     * Signed-flow share (aggressive buys minus sells over volume) beyond which a spike is UP or DOWN.
     */
    public static final String VOLUME_SPIKE_DIRECTION_THRESHOLD_PROP_NAME =
        "hellmoon.scanner.volume.spike.direction.threshold";

    /**
     * Default for {@link #VOLUME_SPIKE_DIRECTION_THRESHOLD_PROP_NAME}.
     */
    public static final double VOLUME_SPIKE_DIRECTION_THRESHOLD_DEFAULT = 0.2;

    /**
     * Score the volume spike detector must fall below before it can fire again for the instrument.
     */
    public static final String VOLUME_SPIKE_REARM_SCORE_PROP_NAME = "hellmoon.scanner.volume.spike.rearm.score";

    /**
     * Default for {@link #VOLUME_SPIKE_REARM_SCORE_PROP_NAME}.
     */
    public static final double VOLUME_SPIKE_REARM_SCORE_DEFAULT = 0.5;

    /**
     * Least event time between two volume spikes of one instrument.
     */
    public static final String VOLUME_SPIKE_COOLDOWN_PROP_NAME = "hellmoon.scanner.volume.spike.cooldown";

    /**
     * Default for {@link #VOLUME_SPIKE_COOLDOWN_PROP_NAME}.
     */
    public static final String VOLUME_SPIKE_COOLDOWN_DEFAULT = "60s";

    /**
     * Book levels per side summed into the depth imbalance.
     */
    public static final String BOOK_IMBALANCE_LEVELS_PROP_NAME = "hellmoon.scanner.book.imbalance.levels";

    /**
     * Default for {@link #BOOK_IMBALANCE_LEVELS_PROP_NAME}.
     */
    public static final int BOOK_IMBALANCE_LEVELS_DEFAULT = 10;

    /**
     * Absolute imbalance (bid - ask) / (bid + ask) at which the book imbalance score reaches 1.
     */
    public static final String BOOK_IMBALANCE_THRESHOLD_PROP_NAME = "hellmoon.scanner.book.imbalance.threshold";

    /**
     * Default for {@link #BOOK_IMBALANCE_THRESHOLD_PROP_NAME}.
     */
    public static final double BOOK_IMBALANCE_THRESHOLD_DEFAULT = 0.6;

    /**
     * Event time the imbalance must stay beyond the threshold, on one side, before it fires.
     */
    public static final String BOOK_IMBALANCE_MIN_DURATION_PROP_NAME = "hellmoon.scanner.book.imbalance.min.duration";

    /**
     * Default for {@link #BOOK_IMBALANCE_MIN_DURATION_PROP_NAME}.
     */
    public static final String BOOK_IMBALANCE_MIN_DURATION_DEFAULT = "2s";

    /**
     * Least bid plus ask depth (quote notional over the levels) for an imbalance to count.
     */
    public static final String BOOK_IMBALANCE_MIN_DEPTH_NOTIONAL_PROP_NAME =
        "hellmoon.scanner.book.imbalance.min.depth.notional";

    /**
     * Default for {@link #BOOK_IMBALANCE_MIN_DEPTH_NOTIONAL_PROP_NAME}.
     */
    public static final double BOOK_IMBALANCE_MIN_DEPTH_NOTIONAL_DEFAULT = 5_000.0;

    /**
     * Score the book imbalance detector must fall below before it can fire again for the instrument.
     */
    public static final String BOOK_IMBALANCE_REARM_SCORE_PROP_NAME = "hellmoon.scanner.book.imbalance.rearm.score";

    /**
     * Default for {@link #BOOK_IMBALANCE_REARM_SCORE_PROP_NAME}.
     */
    public static final double BOOK_IMBALANCE_REARM_SCORE_DEFAULT = 0.5;

    /**
     * Least event time between two book imbalance events of one instrument.
     */
    public static final String BOOK_IMBALANCE_COOLDOWN_PROP_NAME = "hellmoon.scanner.book.imbalance.cooldown";

    /**
     * Default for {@link #BOOK_IMBALANCE_COOLDOWN_PROP_NAME}.
     */
    public static final String BOOK_IMBALANCE_COOLDOWN_DEFAULT = "30s";

    /**
     * Sampling interval of the log returns behind realised volatility.
     */
    public static final String VOLATILITY_SAMPLE_INTERVAL_PROP_NAME = "hellmoon.scanner.volatility.sample.interval";

    /**
     * Default for {@link #VOLATILITY_SAMPLE_INTERVAL_PROP_NAME}.
     */
    public static final String VOLATILITY_SAMPLE_INTERVAL_DEFAULT = "1s";

    /**
     * Span of the short-horizon realised variance EWMA.
     */
    public static final String VOLATILITY_SHORT_WINDOW_PROP_NAME = "hellmoon.scanner.volatility.short.window";

    /**
     * Default for {@link #VOLATILITY_SHORT_WINDOW_PROP_NAME}.
     */
    public static final String VOLATILITY_SHORT_WINDOW_DEFAULT = "30s";

    /**
     * Span of the long-horizon realised variance EWMA.
     */
    public static final String VOLATILITY_LONG_WINDOW_PROP_NAME = "hellmoon.scanner.volatility.long.window";

    /**
     * Default for {@link #VOLATILITY_LONG_WINDOW_PROP_NAME}.
     */
    public static final String VOLATILITY_LONG_WINDOW_DEFAULT = "900s";

    /**
     * Short over long realised volatility at which the volatility expansion score reaches 1.
     */
    public static final String VOLATILITY_RATIO_PROP_NAME = "hellmoon.scanner.volatility.ratio";

    /**
     * Default for {@link #VOLATILITY_RATIO_PROP_NAME}.
     */
    public static final double VOLATILITY_RATIO_DEFAULT = 3.0;

    /**
     * Floor of the long-horizon volatility (per sample interval, as a log return), so a dormant instrument's first
     * move is not an infinite expansion.
     */
    public static final String VOLATILITY_MIN_LONG_VOL_PROP_NAME = "hellmoon.scanner.volatility.min.long.vol";

    /**
     * Default for {@link #VOLATILITY_MIN_LONG_VOL_PROP_NAME}: 0.2 basis points per sample.
     */
    public static final double VOLATILITY_MIN_LONG_VOL_DEFAULT = 0.00002;

    /**
     * Event time of return samples an instrument needs before its realised volatilities are used.
     */
    public static final String VOLATILITY_WARMUP_PROP_NAME = "hellmoon.scanner.volatility.warmup";

    /**
     * Default for {@link #VOLATILITY_WARMUP_PROP_NAME}.
     */
    public static final String VOLATILITY_WARMUP_DEFAULT = "120s";

    /**
     * ATR over long ATR at which the volatility expansion score reaches 1; 0 leaves the ATR out of the score.
     */
    public static final String VOLATILITY_ATR_RATIO_PROP_NAME = "hellmoon.scanner.volatility.atr.ratio";

    /**
     * Default for {@link #VOLATILITY_ATR_RATIO_PROP_NAME}.
     */
    public static final double VOLATILITY_ATR_RATIO_DEFAULT = 1.5;

    /**
     * Short-horizon move, in short-horizon standard deviations, beyond which an expansion is UP or DOWN.
     */
    public static final String VOLATILITY_DIRECTION_THRESHOLD_PROP_NAME =
        "hellmoon.scanner.volatility.direction.threshold";

    /**
     * Default for {@link #VOLATILITY_DIRECTION_THRESHOLD_PROP_NAME}.
     */
    public static final double VOLATILITY_DIRECTION_THRESHOLD_DEFAULT = 0.5;

    /**
     * Score the volatility expansion detector must fall below before it can fire again for the instrument.
     */
    public static final String VOLATILITY_REARM_SCORE_PROP_NAME = "hellmoon.scanner.volatility.rearm.score";

    /**
     * Default for {@link #VOLATILITY_REARM_SCORE_PROP_NAME}.
     */
    public static final double VOLATILITY_REARM_SCORE_DEFAULT = 0.5;

    /**
     * Least event time between two volatility expansion events of one instrument.
     */
    public static final String VOLATILITY_COOLDOWN_PROP_NAME = "hellmoon.scanner.volatility.cooldown";

    /**
     * Default for {@link #VOLATILITY_COOLDOWN_PROP_NAME}.
     */
    public static final String VOLATILITY_COOLDOWN_DEFAULT = "60s";

    /**
     * Interval of the bars the scanner builds from trades (and of the feed klines it accepts instead).
     */
    public static final String BAR_INTERVAL_PROP_NAME = "hellmoon.scanner.bar.interval";

    /**
     * Default for {@link #BAR_INTERVAL_PROP_NAME}.
     */
    public static final String BAR_INTERVAL_DEFAULT = "60s";

    /**
     * Most flat bars inserted for intervals without trades between two bars of an instrument.
     */
    public static final String BAR_GAP_FILL_MAX_PROP_NAME = "hellmoon.scanner.bar.gap.fill.max";

    /**
     * Default for {@link #BAR_GAP_FILL_MAX_PROP_NAME}.
     */
    public static final int BAR_GAP_FILL_MAX_DEFAULT = 240;

    /**
     * Bars of the ATR (Wilder) used for regimes, stops and the events' atr field.
     */
    public static final String ATR_PERIOD_PROP_NAME = "hellmoon.scanner.atr.period";

    /**
     * Default for {@link #ATR_PERIOD_PROP_NAME}.
     */
    public static final int ATR_PERIOD_DEFAULT = 14;

    /**
     * Bars of the long ATR the volatility expansion compares the ATR with.
     */
    public static final String ATR_LONG_PERIOD_PROP_NAME = "hellmoon.scanner.atr.long.period";

    /**
     * Default for {@link #ATR_LONG_PERIOD_PROP_NAME}.
     */
    public static final int ATR_LONG_PERIOD_DEFAULT = 100;

    /**
     * Bars of the ADX and its directional indicators (Wilder).
     */
    public static final String ADX_PERIOD_PROP_NAME = "hellmoon.scanner.adx.period";

    /**
     * Default for {@link #ADX_PERIOD_PROP_NAME}.
     */
    public static final int ADX_PERIOD_DEFAULT = 14;

    /**
     * Bars of the EMA the trend regime measures alignment against.
     */
    public static final String EMA_PERIOD_PROP_NAME = "hellmoon.scanner.ema.period";

    /**
     * Default for {@link #EMA_PERIOD_PROP_NAME}.
     */
    public static final int EMA_PERIOD_DEFAULT = 200;

    /**
     * Bars of the high-low range behind the range width.
     */
    public static final String RANGE_BARS_PROP_NAME = "hellmoon.scanner.range.bars";

    /**
     * Default for {@link #RANGE_BARS_PROP_NAME}.
     */
    public static final int RANGE_BARS_DEFAULT = 20;

    /**
     * ATR / price from which the volatility regime is NORMAL_VOL (below: LOW_VOL).
     */
    public static final String REGIME_ATR_RATIO_LOW_PROP_NAME = "hellmoon.scanner.regime.atr.ratio.low";

    /**
     * Default for {@link #REGIME_ATR_RATIO_LOW_PROP_NAME}.
     */
    public static final double REGIME_ATR_RATIO_LOW_DEFAULT = 0.015;

    /**
     * ATR / price from which the volatility regime is HIGH_VOL.
     */
    public static final String REGIME_ATR_RATIO_NORMAL_PROP_NAME = "hellmoon.scanner.regime.atr.ratio.normal";

    /**
     * Default for {@link #REGIME_ATR_RATIO_NORMAL_PROP_NAME}.
     */
    public static final double REGIME_ATR_RATIO_NORMAL_DEFAULT = 0.025;

    /**
     * ATR / price from which the volatility regime is EXTREME_VOL.
     */
    public static final String REGIME_ATR_RATIO_HIGH_PROP_NAME = "hellmoon.scanner.regime.atr.ratio.high";

    /**
     * Default for {@link #REGIME_ATR_RATIO_HIGH_PROP_NAME}.
     */
    public static final double REGIME_ATR_RATIO_HIGH_DEFAULT = 0.04;

    /**
     * ADX from which a trend counts.
     */
    public static final String REGIME_ADX_TRENDING_PROP_NAME = "hellmoon.scanner.regime.adx.trending";

    /**
     * Default for {@link #REGIME_ADX_TRENDING_PROP_NAME}.
     */
    public static final double REGIME_ADX_TRENDING_DEFAULT = 25.0;

    /**
     * ADX from which a trend is strong: TRENDING on its own, and more confident.
     */
    public static final String REGIME_ADX_STRONG_PROP_NAME = "hellmoon.scanner.regime.adx.strong";

    /**
     * Default for {@link #REGIME_ADX_STRONG_PROP_NAME}.
     */
    public static final double REGIME_ADX_STRONG_DEFAULT = 35.0;

    /**
     * Distance of price from its EMA, as a fraction of the EMA, from which price is beyond (not aligned with) it.
     */
    public static final String REGIME_EMA_ALIGNMENT_PROP_NAME = "hellmoon.scanner.regime.ema.alignment";

    /**
     * Default for {@link #REGIME_EMA_ALIGNMENT_PROP_NAME}.
     */
    public static final double REGIME_EMA_ALIGNMENT_DEFAULT = 0.02;

    /**
     * Range width, (high - low) / price over the range bars, from which the range is wide (trend evidence).
     */
    public static final String REGIME_RANGE_WIDTH_PROP_NAME = "hellmoon.scanner.regime.range.width";

    /**
     * Default for {@link #REGIME_RANGE_WIDTH_PROP_NAME}.
     */
    public static final double REGIME_RANGE_WIDTH_DEFAULT = 0.03;

    /**
     * Consecutive bar classifications a new regime needs before it replaces the current one.
     */
    public static final String REGIME_DWELL_BARS_PROP_NAME = "hellmoon.scanner.regime.dwell.bars";

    /**
     * Default for {@link #REGIME_DWELL_BARS_PROP_NAME}.
     */
    public static final int REGIME_DWELL_BARS_DEFAULT = 3;

    /**
     * Bars an instrument needs before it is classified at all (its regimes are null until then).
     */
    public static final String REGIME_WARMUP_BARS_PROP_NAME = "hellmoon.scanner.regime.warmup.bars";

    /**
     * Default for {@link #REGIME_WARMUP_BARS_PROP_NAME}.
     */
    public static final int REGIME_WARMUP_BARS_DEFAULT = 28;

    /**
     * Implementations of the sweep's arithmetic. The scalar and the vector kernels compute the same doubles, so the
     * scanner's output does not depend on the choice.
     */
    public enum SweepKernel
    {
        /**
         * The Vector API kernel when the {@code jdk.incubator.vector} module is present, else the scalar one.
         */
        AUTO,

        /**
         * Plain loops over the arrays.
         */
        SCALAR,

        /**
         * {@code jdk.incubator.vector} loops; needs {@code --add-modules jdk.incubator.vector}.
         */
        VECTOR
    }

    private ScannerConfiguration()
    {
    }

    /**
     * See {@link #ENABLED_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static boolean enabled()
    {
        return Boolean.parseBoolean(getProperty(ENABLED_PROP_NAME, String.valueOf(ENABLED_DEFAULT)));
    }

    /**
     * See {@link #SCANNER_ID_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int scannerId()
    {
        return intProperty(SCANNER_ID_PROP_NAME, SCANNER_ID_DEFAULT);
    }

    /**
     * See {@link #CAPACITY_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int capacity()
    {
        return intProperty(CAPACITY_PROP_NAME, CAPACITY_DEFAULT);
    }

    /**
     * See {@link #SHARD_COUNT_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int shardCount()
    {
        return intProperty(SHARD_COUNT_PROP_NAME, SHARD_COUNT_DEFAULT);
    }

    /**
     * See {@link #SHARD_INDEX_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int shardIndex()
    {
        return intProperty(SHARD_INDEX_PROP_NAME, SHARD_INDEX_DEFAULT);
    }

    /**
     * See {@link #FRAGMENT_LIMIT_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int fragmentLimit()
    {
        return intProperty(FRAGMENT_LIMIT_PROP_NAME, FRAGMENT_LIMIT_DEFAULT);
    }

    /**
     * See {@link #SWEEP_INTERVAL_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long sweepIntervalNs()
    {
        return durationProperty(SWEEP_INTERVAL_PROP_NAME, SWEEP_INTERVAL_DEFAULT);
    }

    /**
     * See {@link #SWEEP_KERNEL_PROP_NAME}.
     *
     * @return the configured kernel.
     * @throws IllegalArgumentException naming the key when the value is not a kernel.
     */
    public static SweepKernel sweepKernel()
    {
        final String value = getProperty(SWEEP_KERNEL_PROP_NAME, SWEEP_KERNEL_DEFAULT);
        try
        {
            return SweepKernel.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(
                SWEEP_KERNEL_PROP_NAME + "=" + value + ": expected auto, scalar or vector", ex);
        }
    }

    /**
     * See {@link #MAX_EVENT_TIME_SKEW_PROP_NAME}.
     *
     * @return nanoseconds, 0 when off.
     */
    public static long maxEventTimeSkewNs()
    {
        return durationProperty(MAX_EVENT_TIME_SKEW_PROP_NAME, MAX_EVENT_TIME_SKEW_DEFAULT);
    }

    /**
     * See {@link #BACK_PRESSURE_PROP_NAME}.
     *
     * @return the configured policy.
     * @throws IllegalArgumentException naming the key when the value is not a policy.
     */
    public static BackPressurePolicy backPressurePolicy()
    {
        final String value = getProperty(BACK_PRESSURE_PROP_NAME, BACK_PRESSURE_DEFAULT);
        try
        {
            return BackPressurePolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(BACK_PRESSURE_PROP_NAME + "=" + value + ": expected RETRY or DROP", ex);
        }
    }

    /**
     * See {@link #PUBLISH_RETRY_TIMEOUT_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long publishRetryTimeoutNs()
    {
        return durationProperty(PUBLISH_RETRY_TIMEOUT_PROP_NAME, PUBLISH_RETRY_TIMEOUT_DEFAULT);
    }

    /**
     * See {@link #FLOW_WINDOW_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long flowWindowNs()
    {
        return durationProperty(FLOW_WINDOW_PROP_NAME, FLOW_WINDOW_DEFAULT);
    }

    /**
     * See {@link #FLOW_BUCKETS_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int flowBuckets()
    {
        return intProperty(FLOW_BUCKETS_PROP_NAME, FLOW_BUCKETS_DEFAULT);
    }

    /**
     * See {@link #VOLUME_SPIKE_RATIO_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double volumeSpikeRatio()
    {
        return doubleProperty(VOLUME_SPIKE_RATIO_PROP_NAME, VOLUME_SPIKE_RATIO_DEFAULT);
    }

    /**
     * See {@link #VOLUME_SPIKE_MIN_NOTIONAL_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double volumeSpikeMinNotional()
    {
        return doubleProperty(VOLUME_SPIKE_MIN_NOTIONAL_PROP_NAME, VOLUME_SPIKE_MIN_NOTIONAL_DEFAULT);
    }

    /**
     * See {@link #VOLUME_SPIKE_BASELINE_WINDOW_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long volumeSpikeBaselineWindowNs()
    {
        return durationProperty(VOLUME_SPIKE_BASELINE_WINDOW_PROP_NAME, VOLUME_SPIKE_BASELINE_WINDOW_DEFAULT);
    }

    /**
     * See {@link #VOLUME_SPIKE_BASELINE_FLOOR_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double volumeSpikeBaselineFloor()
    {
        return doubleProperty(VOLUME_SPIKE_BASELINE_FLOOR_PROP_NAME, VOLUME_SPIKE_BASELINE_FLOOR_DEFAULT);
    }

    /**
     * See {@link #VOLUME_SPIKE_BASELINE_CLIP_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double volumeSpikeBaselineClip()
    {
        return doubleProperty(VOLUME_SPIKE_BASELINE_CLIP_PROP_NAME, VOLUME_SPIKE_BASELINE_CLIP_DEFAULT);
    }

    /**
     * See {@link #VOLUME_SPIKE_WARMUP_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long volumeSpikeWarmupNs()
    {
        return durationProperty(VOLUME_SPIKE_WARMUP_PROP_NAME, VOLUME_SPIKE_WARMUP_DEFAULT);
    }

    /**
     * See {@link #VOLUME_SPIKE_DIRECTION_THRESHOLD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double volumeSpikeDirectionThreshold()
    {
        return doubleProperty(VOLUME_SPIKE_DIRECTION_THRESHOLD_PROP_NAME, VOLUME_SPIKE_DIRECTION_THRESHOLD_DEFAULT);
    }

    /**
     * See {@link #VOLUME_SPIKE_REARM_SCORE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double volumeSpikeRearmScore()
    {
        return doubleProperty(VOLUME_SPIKE_REARM_SCORE_PROP_NAME, VOLUME_SPIKE_REARM_SCORE_DEFAULT);
    }

    /**
     * See {@link #VOLUME_SPIKE_COOLDOWN_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long volumeSpikeCooldownNs()
    {
        return durationProperty(VOLUME_SPIKE_COOLDOWN_PROP_NAME, VOLUME_SPIKE_COOLDOWN_DEFAULT);
    }

    /**
     * See {@link #BOOK_IMBALANCE_LEVELS_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int bookImbalanceLevels()
    {
        return intProperty(BOOK_IMBALANCE_LEVELS_PROP_NAME, BOOK_IMBALANCE_LEVELS_DEFAULT);
    }

    /**
     * See {@link #BOOK_IMBALANCE_THRESHOLD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double bookImbalanceThreshold()
    {
        return doubleProperty(BOOK_IMBALANCE_THRESHOLD_PROP_NAME, BOOK_IMBALANCE_THRESHOLD_DEFAULT);
    }

    /**
     * See {@link #BOOK_IMBALANCE_MIN_DURATION_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long bookImbalanceMinDurationNs()
    {
        return durationProperty(BOOK_IMBALANCE_MIN_DURATION_PROP_NAME, BOOK_IMBALANCE_MIN_DURATION_DEFAULT);
    }

    /**
     * See {@link #BOOK_IMBALANCE_MIN_DEPTH_NOTIONAL_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double bookImbalanceMinDepthNotional()
    {
        return doubleProperty(BOOK_IMBALANCE_MIN_DEPTH_NOTIONAL_PROP_NAME, BOOK_IMBALANCE_MIN_DEPTH_NOTIONAL_DEFAULT);
    }

    /**
     * See {@link #BOOK_IMBALANCE_REARM_SCORE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double bookImbalanceRearmScore()
    {
        return doubleProperty(BOOK_IMBALANCE_REARM_SCORE_PROP_NAME, BOOK_IMBALANCE_REARM_SCORE_DEFAULT);
    }

    /**
     * See {@link #BOOK_IMBALANCE_COOLDOWN_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long bookImbalanceCooldownNs()
    {
        return durationProperty(BOOK_IMBALANCE_COOLDOWN_PROP_NAME, BOOK_IMBALANCE_COOLDOWN_DEFAULT);
    }

    /**
     * See {@link #VOLATILITY_SAMPLE_INTERVAL_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long volatilitySampleIntervalNs()
    {
        return durationProperty(VOLATILITY_SAMPLE_INTERVAL_PROP_NAME, VOLATILITY_SAMPLE_INTERVAL_DEFAULT);
    }

    /**
     * See {@link #VOLATILITY_SHORT_WINDOW_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long volatilityShortWindowNs()
    {
        return durationProperty(VOLATILITY_SHORT_WINDOW_PROP_NAME, VOLATILITY_SHORT_WINDOW_DEFAULT);
    }

    /**
     * See {@link #VOLATILITY_LONG_WINDOW_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long volatilityLongWindowNs()
    {
        return durationProperty(VOLATILITY_LONG_WINDOW_PROP_NAME, VOLATILITY_LONG_WINDOW_DEFAULT);
    }

    /**
     * See {@link #VOLATILITY_RATIO_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double volatilityRatio()
    {
        return doubleProperty(VOLATILITY_RATIO_PROP_NAME, VOLATILITY_RATIO_DEFAULT);
    }

    /**
     * See {@link #VOLATILITY_MIN_LONG_VOL_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double volatilityMinLongVol()
    {
        return doubleProperty(VOLATILITY_MIN_LONG_VOL_PROP_NAME, VOLATILITY_MIN_LONG_VOL_DEFAULT);
    }

    /**
     * See {@link #VOLATILITY_WARMUP_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long volatilityWarmupNs()
    {
        return durationProperty(VOLATILITY_WARMUP_PROP_NAME, VOLATILITY_WARMUP_DEFAULT);
    }

    /**
     * See {@link #VOLATILITY_ATR_RATIO_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double volatilityAtrRatio()
    {
        return doubleProperty(VOLATILITY_ATR_RATIO_PROP_NAME, VOLATILITY_ATR_RATIO_DEFAULT);
    }

    /**
     * See {@link #VOLATILITY_DIRECTION_THRESHOLD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double volatilityDirectionThreshold()
    {
        return doubleProperty(VOLATILITY_DIRECTION_THRESHOLD_PROP_NAME, VOLATILITY_DIRECTION_THRESHOLD_DEFAULT);
    }

    /**
     * See {@link #VOLATILITY_REARM_SCORE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double volatilityRearmScore()
    {
        return doubleProperty(VOLATILITY_REARM_SCORE_PROP_NAME, VOLATILITY_REARM_SCORE_DEFAULT);
    }

    /**
     * See {@link #VOLATILITY_COOLDOWN_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long volatilityCooldownNs()
    {
        return durationProperty(VOLATILITY_COOLDOWN_PROP_NAME, VOLATILITY_COOLDOWN_DEFAULT);
    }

    /**
     * See {@link #BAR_INTERVAL_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long barIntervalNs()
    {
        return durationProperty(BAR_INTERVAL_PROP_NAME, BAR_INTERVAL_DEFAULT);
    }

    /**
     * See {@link #BAR_GAP_FILL_MAX_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int barGapFillMax()
    {
        return intProperty(BAR_GAP_FILL_MAX_PROP_NAME, BAR_GAP_FILL_MAX_DEFAULT);
    }

    /**
     * See {@link #ATR_PERIOD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int atrPeriod()
    {
        return intProperty(ATR_PERIOD_PROP_NAME, ATR_PERIOD_DEFAULT);
    }

    /**
     * See {@link #ATR_LONG_PERIOD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int atrLongPeriod()
    {
        return intProperty(ATR_LONG_PERIOD_PROP_NAME, ATR_LONG_PERIOD_DEFAULT);
    }

    /**
     * See {@link #ADX_PERIOD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int adxPeriod()
    {
        return intProperty(ADX_PERIOD_PROP_NAME, ADX_PERIOD_DEFAULT);
    }

    /**
     * See {@link #EMA_PERIOD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int emaPeriod()
    {
        return intProperty(EMA_PERIOD_PROP_NAME, EMA_PERIOD_DEFAULT);
    }

    /**
     * See {@link #RANGE_BARS_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int rangeBars()
    {
        return intProperty(RANGE_BARS_PROP_NAME, RANGE_BARS_DEFAULT);
    }

    /**
     * See {@link #REGIME_ATR_RATIO_LOW_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double regimeAtrRatioLow()
    {
        return doubleProperty(REGIME_ATR_RATIO_LOW_PROP_NAME, REGIME_ATR_RATIO_LOW_DEFAULT);
    }

    /**
     * See {@link #REGIME_ATR_RATIO_NORMAL_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double regimeAtrRatioNormal()
    {
        return doubleProperty(REGIME_ATR_RATIO_NORMAL_PROP_NAME, REGIME_ATR_RATIO_NORMAL_DEFAULT);
    }

    /**
     * See {@link #REGIME_ATR_RATIO_HIGH_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double regimeAtrRatioHigh()
    {
        return doubleProperty(REGIME_ATR_RATIO_HIGH_PROP_NAME, REGIME_ATR_RATIO_HIGH_DEFAULT);
    }

    /**
     * See {@link #REGIME_ADX_TRENDING_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double regimeAdxTrending()
    {
        return doubleProperty(REGIME_ADX_TRENDING_PROP_NAME, REGIME_ADX_TRENDING_DEFAULT);
    }

    /**
     * See {@link #REGIME_ADX_STRONG_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double regimeAdxStrong()
    {
        return doubleProperty(REGIME_ADX_STRONG_PROP_NAME, REGIME_ADX_STRONG_DEFAULT);
    }

    /**
     * See {@link #REGIME_EMA_ALIGNMENT_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double regimeEmaAlignment()
    {
        return doubleProperty(REGIME_EMA_ALIGNMENT_PROP_NAME, REGIME_EMA_ALIGNMENT_DEFAULT);
    }

    /**
     * See {@link #REGIME_RANGE_WIDTH_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double regimeRangeWidth()
    {
        return doubleProperty(REGIME_RANGE_WIDTH_PROP_NAME, REGIME_RANGE_WIDTH_DEFAULT);
    }

    /**
     * See {@link #REGIME_DWELL_BARS_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int regimeDwellBars()
    {
        return intProperty(REGIME_DWELL_BARS_PROP_NAME, REGIME_DWELL_BARS_DEFAULT);
    }

    /**
     * See {@link #REGIME_WARMUP_BARS_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int regimeWarmupBars()
    {
        return intProperty(REGIME_WARMUP_BARS_PROP_NAME, REGIME_WARMUP_BARS_DEFAULT);
    }

    private static int intProperty(final String propName, final int defaultValue)
    {
        final String value = getProperty(propName);
        if (null == value)
        {
            return defaultValue;
        }
        try
        {
            return Integer.parseInt(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(propName + "=" + value + ": not an integer", ex);
        }
    }

    private static double doubleProperty(final String propName, final double defaultValue)
    {
        final String value = getProperty(propName);
        if (null == value)
        {
            return defaultValue;
        }
        try
        {
            return Double.parseDouble(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(propName + "=" + value + ": not a number", ex);
        }
    }

    private static long durationProperty(final String propName, final String defaultValue)
    {
        final String value = getProperty(propName, defaultValue);
        try
        {
            return SystemUtil.parseDuration(propName, value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(
                propName + "=" + value + ": not a duration (e.g. 250ms, 30s, or nanoseconds)", ex);
        }
    }
}
