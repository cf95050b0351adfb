/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.codecs.aeron.BackPressurePolicy;
import io.hellmoon.codecs.Timeframe;
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
     * Scans of a scratch universe of 1,021 instruments the vector kernel runs once per JVM, when the first scanner
     * that uses it is built, so C2 has compiled it before the first real sweep: until then the Vector API runs
     * interpreted, slowly and allocating, and a sweep every 250 ms alone takes minutes to get it compiled. 0 turns
     * the warm-up off.
     */
    public static final String SWEEP_WARMUP_PROP_NAME = "hellmoon.scanner.sweep.warmup";

    /**
     * Default for {@link #SWEEP_WARMUP_PROP_NAME}.
     */
    public static final int SWEEP_WARMUP_DEFAULT = 20_000;

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
    public static final String FLOW_WINDOW_DEFAULT = "3s";

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
    public static final double VOLUME_SPIKE_RATIO_DEFAULT = 6.0;

    /**
     * Least window notional (quote currency) a volume spike needs, whatever its ratio.
     */
    public static final String VOLUME_SPIKE_MIN_NOTIONAL_PROP_NAME = "hellmoon.scanner.volume.spike.min.notional";

    /**
     * Default for {@link #VOLUME_SPIKE_MIN_NOTIONAL_PROP_NAME}.
     */
    public static final double VOLUME_SPIKE_MIN_NOTIONAL_DEFAULT = 5_000.0;

    /**
     * Least taker orders (trades with a trade time of their own; the fills of one order share it) in the flow window a
     * volume spike needs.
     */
    public static final String VOLUME_SPIKE_MIN_ORDERS_PROP_NAME = "hellmoon.scanner.volume.spike.min.orders";

    /**
     * Default for {@link #VOLUME_SPIKE_MIN_ORDERS_PROP_NAME}.
     */
    public static final int VOLUME_SPIKE_MIN_ORDERS_DEFAULT = 8;

    /**
     * Taker orders in the flow window over their baseline a volume spike needs: a burst is many orders, not one large
     * order's fills.
     */
    public static final String VOLUME_SPIKE_ORDER_RATIO_PROP_NAME = "hellmoon.scanner.volume.spike.order.ratio";

    /**
     * Default for {@link #VOLUME_SPIKE_ORDER_RATIO_PROP_NAME}.
     */
    public static final double VOLUME_SPIKE_ORDER_RATIO_DEFAULT = 0.0;

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
    public static final double VOLUME_SPIKE_BASELINE_FLOOR_DEFAULT = 250.0;

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
    public static final String VOLUME_SPIKE_WARMUP_DEFAULT = "5s";

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
    public static final String VOLUME_SPIKE_COOLDOWN_DEFAULT = "15s";

    /**
     * A volume spike fires again during its cooldown when its score reaches this multiple of the score it last fired
     * with: a markedly larger burst is a new event. 0 turns escalation off.
     */
    public static final String VOLUME_SPIKE_ESCALATION_PROP_NAME = "hellmoon.scanner.volume.spike.escalation";

    /**
     * Default for {@link #VOLUME_SPIKE_ESCALATION_PROP_NAME}.
     */
    public static final double VOLUME_SPIKE_ESCALATION_DEFAULT = 2.0;

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
    public static final double BOOK_IMBALANCE_THRESHOLD_DEFAULT = 0.45;

    /**
     * Time constant of the time-weighted average of the book imbalance the detector scores; a book needs this much
     * live history before it can fire.
     */
    public static final String BOOK_IMBALANCE_WINDOW_PROP_NAME = "hellmoon.scanner.book.imbalance.window";

    /**
     * Default for {@link #BOOK_IMBALANCE_WINDOW_PROP_NAME}.
     */
    public static final String BOOK_IMBALANCE_WINDOW_DEFAULT = "3s";

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
     * Winsorising of the long realised variance: a squared return enters it capped at this many long standard
     * deviations squared, so an expansion barely lifts its own yardstick. 0 turns it off.
     */
    public static final String VOLATILITY_LONG_CLIP_PROP_NAME = "hellmoon.scanner.volatility.long.clip";

    /**
     * Default for {@link #VOLATILITY_LONG_CLIP_PROP_NAME}.
     */
    public static final double VOLATILITY_LONG_CLIP_DEFAULT = 0.0;

    /**
     * Short over long realised volatility at which the volatility expansion score reaches 1.
     */
    public static final String VOLATILITY_RATIO_PROP_NAME = "hellmoon.scanner.volatility.ratio";

    /**
     * Default for {@link #VOLATILITY_RATIO_PROP_NAME}.
     */
    public static final double VOLATILITY_RATIO_DEFAULT = 1.8;

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
    public static final double VOLATILITY_ATR_RATIO_DEFAULT = 0.0;

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
    public static final double VOLATILITY_REARM_SCORE_DEFAULT = 0.6;

    /**
     * Least event time between two volatility expansion events of one instrument.
     */
    public static final String VOLATILITY_COOLDOWN_PROP_NAME = "hellmoon.scanner.volatility.cooldown";

    /**
     * Default for {@link #VOLATILITY_COOLDOWN_PROP_NAME}.
     */
    public static final String VOLATILITY_COOLDOWN_DEFAULT = "60s";

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
     * Bars of the RSI (Wilder's averages of gains and losses), on every timeframe.
     */
    public static final String RSI_PERIOD_PROP_NAME = "hellmoon.scanner.rsi.period";

    /**
     * Default for {@link #RSI_PERIOD_PROP_NAME}.
     */
    public static final int RSI_PERIOD_DEFAULT = 14;

    /**
     * Bars of the Bollinger bands' moving average and deviation, on every timeframe.
     */
    public static final String BOLLINGER_PERIOD_PROP_NAME = "hellmoon.scanner.bollinger.period";

    /**
     * Default for {@link #BOLLINGER_PERIOD_PROP_NAME}.
     */
    public static final int BOLLINGER_PERIOD_DEFAULT = 20;

    /**
     * Standard deviations between the Bollinger middle band and each outer band.
     */
    public static final String BOLLINGER_WIDTH_PROP_NAME = "hellmoon.scanner.bollinger.width";

    /**
     * Default for {@link #BOLLINGER_WIDTH_PROP_NAME}.
     */
    public static final double BOLLINGER_WIDTH_DEFAULT = 2.0;

    /**
     * Timeframe whose bars the regime classifier (and so REGIME_SHIFT) reads: 1m, 5m, 15m, 1h, 4h or 1d.
     */
    public static final String REGIME_TIMEFRAME_PROP_NAME = "hellmoon.scanner.regime.timeframe";

    /**
     * Default for {@link #REGIME_TIMEFRAME_PROP_NAME}.
     */
    public static final String REGIME_TIMEFRAME_DEFAULT = "1m";

    /**
     * Timeframe of the ATR and long ATR in the volatility expansion score.
     */
    public static final String VOLATILITY_ATR_TIMEFRAME_PROP_NAME = "hellmoon.scanner.volatility.atr.timeframe";

    /**
     * Default for {@link #VOLATILITY_ATR_TIMEFRAME_PROP_NAME}.
     */
    public static final String VOLATILITY_ATR_TIMEFRAME_DEFAULT = "1m";

    /**
     * Whether VOLUME_SPIKE is detected.
     */
    public static final String VOLUME_SPIKE_ENABLED_PROP_NAME = "hellmoon.scanner.volume.spike.enabled";

    /**
     * Default for {@link #VOLUME_SPIKE_ENABLED_PROP_NAME}.
     */
    public static final boolean VOLUME_SPIKE_ENABLED_DEFAULT = true;

    /**
     * Whether TRADE_COUNT_BURST is detected.
     */
    public static final String TRADE_BURST_ENABLED_PROP_NAME = "hellmoon.scanner.trade.burst.enabled";

    /**
     * Default for {@link #TRADE_BURST_ENABLED_PROP_NAME}.
     */
    public static final boolean TRADE_BURST_ENABLED_DEFAULT = true;

    /**
     * Trade count burst threshold: trades in the flow window over the baseline count at which the score reaches 1.
     */
    public static final String TRADE_BURST_RATIO_PROP_NAME = "hellmoon.scanner.trade.burst.ratio";

    /**
     * Default for {@link #TRADE_BURST_RATIO_PROP_NAME}.
     */
    public static final double TRADE_BURST_RATIO_DEFAULT = 5.0;

    /**
     * Least trades in the flow window a trade-count burst needs, whatever its ratio.
     */
    public static final String TRADE_BURST_MIN_TRADES_PROP_NAME = "hellmoon.scanner.trade.burst.min.trades";

    /**
     * Default for {@link #TRADE_BURST_MIN_TRADES_PROP_NAME}.
     */
    public static final int TRADE_BURST_MIN_TRADES_DEFAULT = 20;

    /**
     * Floor of the trade-count baseline (trades per flow window).
     */
    public static final String TRADE_BURST_BASELINE_FLOOR_PROP_NAME = "hellmoon.scanner.trade.burst.baseline.floor";

    /**
     * Default for {@link #TRADE_BURST_BASELINE_FLOOR_PROP_NAME}.
     */
    public static final double TRADE_BURST_BASELINE_FLOOR_DEFAULT = 2.0;

    /**
     * Score the trade-count detector must fall below before it can fire again for the instrument.
     */
    public static final String TRADE_BURST_REARM_SCORE_PROP_NAME = "hellmoon.scanner.trade.burst.rearm.score";

    /**
     * Default for {@link #TRADE_BURST_REARM_SCORE_PROP_NAME}.
     */
    public static final double TRADE_BURST_REARM_SCORE_DEFAULT = 0.5;

    /**
     * Least event time between two trade-count bursts of one instrument.
     */
    public static final String TRADE_BURST_COOLDOWN_PROP_NAME = "hellmoon.scanner.trade.burst.cooldown";

    /**
     * Default for {@link #TRADE_BURST_COOLDOWN_PROP_NAME}.
     */
    public static final String TRADE_BURST_COOLDOWN_DEFAULT = "60s";

    /**
     * Whether BOOK_IMBALANCE is detected.
     */
    public static final String BOOK_IMBALANCE_ENABLED_PROP_NAME = "hellmoon.scanner.book.imbalance.enabled";

    /**
     * Default for {@link #BOOK_IMBALANCE_ENABLED_PROP_NAME}.
     */
    public static final boolean BOOK_IMBALANCE_ENABLED_DEFAULT = true;

    /**
     * Whether SPREAD_BLOWOUT is detected.
     */
    public static final String SPREAD_ENABLED_PROP_NAME = "hellmoon.scanner.spread.enabled";

    /**
     * Default for {@link #SPREAD_ENABLED_PROP_NAME}.
     */
    public static final boolean SPREAD_ENABLED_DEFAULT = true;

    /**
     * Spread blowout threshold: spread over its baseline at which the score reaches 1.
     */
    public static final String SPREAD_RATIO_PROP_NAME = "hellmoon.scanner.spread.ratio";

    /**
     * Default for {@link #SPREAD_RATIO_PROP_NAME}.
     */
    public static final double SPREAD_RATIO_DEFAULT = 4.0;

    /**
     * Floor of the spread baseline in basis points of the mid.
     */
    public static final String SPREAD_FLOOR_BPS_PROP_NAME = "hellmoon.scanner.spread.floor.bps";

    /**
     * Default for {@link #SPREAD_FLOOR_BPS_PROP_NAME}.
     */
    public static final double SPREAD_FLOOR_BPS_DEFAULT = 0.1;

    /**
     * Span of the spread baseline EWMA, sampled once a flow window.
     */
    public static final String SPREAD_BASELINE_WINDOW_PROP_NAME = "hellmoon.scanner.spread.baseline.window";

    /**
     * Default for {@link #SPREAD_BASELINE_WINDOW_PROP_NAME}.
     */
    public static final String SPREAD_BASELINE_WINDOW_DEFAULT = "300s";

    /**
     * Winsorising factor of the spread baseline: a sample enters it capped at this multiple of the baseline.
     */
    public static final String SPREAD_BASELINE_CLIP_PROP_NAME = "hellmoon.scanner.spread.baseline.clip";

    /**
     * Default for {@link #SPREAD_BASELINE_CLIP_PROP_NAME}.
     */
    public static final double SPREAD_BASELINE_CLIP_DEFAULT = 3.0;

    /**
     * Event time of spread samples an instrument needs before blowouts can fire.
     */
    public static final String SPREAD_WARMUP_PROP_NAME = "hellmoon.scanner.spread.warmup";

    /**
     * Default for {@link #SPREAD_WARMUP_PROP_NAME}.
     */
    public static final String SPREAD_WARMUP_DEFAULT = "60s";

    /**
     * Event time the spread must stay beyond the threshold before it fires.
     */
    public static final String SPREAD_MIN_DURATION_PROP_NAME = "hellmoon.scanner.spread.min.duration";

    /**
     * Default for {@link #SPREAD_MIN_DURATION_PROP_NAME}.
     */
    public static final String SPREAD_MIN_DURATION_DEFAULT = "3s";

    /**
     * Score the spread detector must fall below before it can fire again for the instrument.
     */
    public static final String SPREAD_REARM_SCORE_PROP_NAME = "hellmoon.scanner.spread.rearm.score";

    /**
     * Default for {@link #SPREAD_REARM_SCORE_PROP_NAME}.
     */
    public static final double SPREAD_REARM_SCORE_DEFAULT = 0.5;

    /**
     * Least event time between two spread blowouts of one instrument.
     */
    public static final String SPREAD_COOLDOWN_PROP_NAME = "hellmoon.scanner.spread.cooldown";

    /**
     * Default for {@link #SPREAD_COOLDOWN_PROP_NAME}.
     */
    public static final String SPREAD_COOLDOWN_DEFAULT = "60s";

    /**
     * Whether VOLATILITY_EXPANSION is detected.
     */
    public static final String VOLATILITY_ENABLED_PROP_NAME = "hellmoon.scanner.volatility.enabled";

    /**
     * Default for {@link #VOLATILITY_ENABLED_PROP_NAME}.
     */
    public static final boolean VOLATILITY_ENABLED_DEFAULT = true;

    /**
     * Whether BREAKOUT is detected.
     */
    public static final String BREAKOUT_ENABLED_PROP_NAME = "hellmoon.scanner.breakout.enabled";

    /**
     * Default for {@link #BREAKOUT_ENABLED_PROP_NAME}.
     */
    public static final boolean BREAKOUT_ENABLED_DEFAULT = true;

    /**
     * Timeframe of the bars whose N-bar high and low a breakout crosses.
     */
    public static final String BREAKOUT_TIMEFRAME_PROP_NAME = "hellmoon.scanner.breakout.timeframe";

    /**
     * Default for {@link #BREAKOUT_TIMEFRAME_PROP_NAME}.
     */
    public static final String BREAKOUT_TIMEFRAME_DEFAULT = "1m";

    /**
     * Closed bars whose highest high and lowest low a breakout must cross.
     */
    public static final String BREAKOUT_BARS_PROP_NAME = "hellmoon.scanner.breakout.bars";

    /**
     * Default for {@link #BREAKOUT_BARS_PROP_NAME}.
     */
    public static final int BREAKOUT_BARS_DEFAULT = 20;

    /**
     * How far beyond the N-bar high (low) the price must be, in ATRs of the breakout timeframe.
     */
    public static final String BREAKOUT_ATR_MARGIN_PROP_NAME = "hellmoon.scanner.breakout.atr.margin";

    /**
     * Default for {@link #BREAKOUT_ATR_MARGIN_PROP_NAME}.
     */
    public static final double BREAKOUT_ATR_MARGIN_DEFAULT = 0.1;

    /**
     * Volume confirmation: recent volume rate over the baseline it must reach for a breakout to count.
     */
    public static final String BREAKOUT_VOLUME_RATIO_PROP_NAME = "hellmoon.scanner.breakout.volume.ratio";

    /**
     * Default for {@link #BREAKOUT_VOLUME_RATIO_PROP_NAME}.
     */
    public static final double BREAKOUT_VOLUME_RATIO_DEFAULT = 1.25;

    /**
     * Span of the recent volume rate (an EWMA of flow-window volumes) behind the confirmation.
     */
    public static final String BREAKOUT_VOLUME_WINDOW_PROP_NAME = "hellmoon.scanner.breakout.volume.window";

    /**
     * Default for {@link #BREAKOUT_VOLUME_WINDOW_PROP_NAME}.
     */
    public static final String BREAKOUT_VOLUME_WINDOW_DEFAULT = "60s";

    /**
     * Score the breakout detector must fall below before it can fire again for the instrument.
     */
    public static final String BREAKOUT_REARM_SCORE_PROP_NAME = "hellmoon.scanner.breakout.rearm.score";

    /**
     * Default for {@link #BREAKOUT_REARM_SCORE_PROP_NAME}.
     */
    public static final double BREAKOUT_REARM_SCORE_DEFAULT = 0.5;

    /**
     * Least event time between two breakouts of one instrument.
     */
    public static final String BREAKOUT_COOLDOWN_PROP_NAME = "hellmoon.scanner.breakout.cooldown";

    /**
     * Default for {@link #BREAKOUT_COOLDOWN_PROP_NAME}.
     */
    public static final String BREAKOUT_COOLDOWN_DEFAULT = "120s";

    /**
     * Whether REGIME_SHIFT is detected.
     */
    public static final String REGIME_SHIFT_ENABLED_PROP_NAME = "hellmoon.scanner.regime.shift.enabled";

    /**
     * Default for {@link #REGIME_SHIFT_ENABLED_PROP_NAME}.
     */
    public static final boolean REGIME_SHIFT_ENABLED_DEFAULT = true;

    /**
     * Regime shift threshold: parts that changed (volatility bands moved, plus 1 for a trend change) times the new
     * regime's confidence at which the score reaches 1.
     */
    public static final String REGIME_SHIFT_THRESHOLD_PROP_NAME = "hellmoon.scanner.regime.shift.threshold";

    /**
     * Default for {@link #REGIME_SHIFT_THRESHOLD_PROP_NAME}.
     */
    public static final double REGIME_SHIFT_THRESHOLD_DEFAULT = 0.75;

    /**
     * Least event time between two regime shift anomalies of one instrument.
     */
    public static final String REGIME_SHIFT_COOLDOWN_PROP_NAME = "hellmoon.scanner.regime.shift.cooldown";

    /**
     * Default for {@link #REGIME_SHIFT_COOLDOWN_PROP_NAME}.
     */
    public static final String REGIME_SHIFT_COOLDOWN_DEFAULT = "300s";

    /**
     * Whether LIQUIDATION_CASCADE is detected.
     */
    public static final String LIQUIDATION_ENABLED_PROP_NAME = "hellmoon.scanner.liquidation.enabled";

    /**
     * Default for {@link #LIQUIDATION_ENABLED_PROP_NAME}.
     */
    public static final boolean LIQUIDATION_ENABLED_DEFAULT = true;

    /**
     * Rolling window in which same-side forced liquidations are counted and summed.
     */
    public static final String LIQUIDATION_WINDOW_PROP_NAME = "hellmoon.scanner.liquidation.window";

    /**
     * Default for {@link #LIQUIDATION_WINDOW_PROP_NAME}.
     */
    public static final String LIQUIDATION_WINDOW_DEFAULT = "60s";

    /**
     * Buckets the liquidation window is divided into; must divide it.
     */
    public static final String LIQUIDATION_BUCKETS_PROP_NAME = "hellmoon.scanner.liquidation.buckets";

    /**
     * Default for {@link #LIQUIDATION_BUCKETS_PROP_NAME}.
     */
    public static final int LIQUIDATION_BUCKETS_DEFAULT = 12;

    /**
     * Same-side liquidations in the window at which the count part of the score reaches 1.
     */
    public static final String LIQUIDATION_MIN_COUNT_PROP_NAME = "hellmoon.scanner.liquidation.min.count";

    /**
     * Default for {@link #LIQUIDATION_MIN_COUNT_PROP_NAME}.
     */
    public static final int LIQUIDATION_MIN_COUNT_DEFAULT = 3;

    /**
     * Same-side liquidated notional (quote currency) in the window at which the notional part of the score reaches 1.
     */
    public static final String LIQUIDATION_MIN_NOTIONAL_PROP_NAME = "hellmoon.scanner.liquidation.min.notional";

    /**
     * Default for {@link #LIQUIDATION_MIN_NOTIONAL_PROP_NAME}.
     */
    public static final double LIQUIDATION_MIN_NOTIONAL_DEFAULT = 1000.0;

    /**
     * Score the liquidation detector must fall below before it can fire again for the instrument.
     */
    public static final String LIQUIDATION_REARM_SCORE_PROP_NAME = "hellmoon.scanner.liquidation.rearm.score";

    /**
     * Default for {@link #LIQUIDATION_REARM_SCORE_PROP_NAME}.
     */
    public static final double LIQUIDATION_REARM_SCORE_DEFAULT = 0.5;

    /**
     * Least event time between two liquidation cascades of one instrument.
     */
    public static final String LIQUIDATION_COOLDOWN_PROP_NAME = "hellmoon.scanner.liquidation.cooldown";

    /**
     * Default for {@link #LIQUIDATION_COOLDOWN_PROP_NAME}.
     */
    public static final String LIQUIDATION_COOLDOWN_DEFAULT = "120s";

    /**
     * Whether RETURN_DISTRIBUTION is detected.
     */
    public static final String DISTRIBUTION_ENABLED_PROP_NAME = "hellmoon.scanner.distribution.enabled";

    /**
     * Default for {@link #DISTRIBUTION_ENABLED_PROP_NAME}.
     */
    public static final boolean DISTRIBUTION_ENABLED_DEFAULT = true;

    /**
     * Span of the return moments behind skewness and kurtosis (on the volatility sample grid).
     */
    public static final String DISTRIBUTION_WINDOW_PROP_NAME = "hellmoon.scanner.distribution.window";

    /**
     * Default for {@link #DISTRIBUTION_WINDOW_PROP_NAME}.
     */
    public static final String DISTRIBUTION_WINDOW_DEFAULT = "300s";

    /**
     * Event time of return samples an instrument needs before its distribution can fire.
     */
    public static final String DISTRIBUTION_WARMUP_PROP_NAME = "hellmoon.scanner.distribution.warmup";

    /**
     * Default for {@link #DISTRIBUTION_WARMUP_PROP_NAME}.
     */
    public static final String DISTRIBUTION_WARMUP_DEFAULT = "600s";

    /**
     * Absolute skewness at which the distribution score reaches 1.
     */
    public static final String DISTRIBUTION_SKEW_THRESHOLD_PROP_NAME = "hellmoon.scanner.distribution.skew.threshold";

    /**
     * Default for {@link #DISTRIBUTION_SKEW_THRESHOLD_PROP_NAME}.
     */
    public static final double DISTRIBUTION_SKEW_THRESHOLD_DEFAULT = 3.0;

    /**
     * Excess kurtosis at which the distribution score reaches 1.
     */
    public static final String DISTRIBUTION_KURTOSIS_THRESHOLD_PROP_NAME =
        "hellmoon.scanner.distribution.kurtosis.threshold";

    /**
     * Default for {@link #DISTRIBUTION_KURTOSIS_THRESHOLD_PROP_NAME}.
     */
    public static final double DISTRIBUTION_KURTOSIS_THRESHOLD_DEFAULT = 30.0;

    /**
     * Least share of return samples that moved: an instrument that mostly does not trade has no meaningful
     * distribution.
     */
    public static final String DISTRIBUTION_MIN_ACTIVE_PROP_NAME = "hellmoon.scanner.distribution.min.active";

    /**
     * Default for {@link #DISTRIBUTION_MIN_ACTIVE_PROP_NAME}.
     */
    public static final double DISTRIBUTION_MIN_ACTIVE_DEFAULT = 0.3;

    /**
     * Score the distribution detector must fall below before it can fire again for the instrument.
     */
    public static final String DISTRIBUTION_REARM_SCORE_PROP_NAME = "hellmoon.scanner.distribution.rearm.score";

    /**
     * Default for {@link #DISTRIBUTION_REARM_SCORE_PROP_NAME}.
     */
    public static final double DISTRIBUTION_REARM_SCORE_DEFAULT = 0.5;

    /**
     * Least event time between two distribution anomalies of one instrument.
     */
    public static final String DISTRIBUTION_COOLDOWN_PROP_NAME = "hellmoon.scanner.distribution.cooldown";

    /**
     * Default for {@link #DISTRIBUTION_COOLDOWN_PROP_NAME}.
     */
    public static final String DISTRIBUTION_COOLDOWN_DEFAULT = "600s";

    /**
     * Whether MICROSTRUCTURE_IMBALANCE is detected.
     */
    public static final String MICROSTRUCTURE_ENABLED_PROP_NAME = "hellmoon.scanner.microstructure.enabled";

    /**
     * Default for {@link #MICROSTRUCTURE_ENABLED_PROP_NAME}.
     */
    public static final boolean MICROSTRUCTURE_ENABLED_DEFAULT = true;

    /**
     * Span of the EWMAs of signed trade flow and order-flow imbalance (sampled once a flow window).
     */
    public static final String MICROSTRUCTURE_WINDOW_PROP_NAME = "hellmoon.scanner.microstructure.window";

    /**
     * Default for {@link #MICROSTRUCTURE_WINDOW_PROP_NAME}.
     */
    public static final String MICROSTRUCTURE_WINDOW_DEFAULT = "30s";

    /**
     * Signed share of traded notional (aggressive buys minus sells over all) at which that part of the score reaches 1.
     */
    public static final String MICROSTRUCTURE_FLOW_THRESHOLD_PROP_NAME =
        "hellmoon.scanner.microstructure.flow.threshold";

    /**
     * Default for {@link #MICROSTRUCTURE_FLOW_THRESHOLD_PROP_NAME}.
     */
    public static final double MICROSTRUCTURE_FLOW_THRESHOLD_DEFAULT = 0.7;

    /**
     * Order-flow imbalance share (net over gross top-of-book flow) at which that part of the score reaches 1.
     */
    public static final String MICROSTRUCTURE_OFI_THRESHOLD_PROP_NAME = "hellmoon.scanner.microstructure.ofi.threshold";

    /**
     * Default for {@link #MICROSTRUCTURE_OFI_THRESHOLD_PROP_NAME}.
     */
    public static final double MICROSTRUCTURE_OFI_THRESHOLD_DEFAULT = 0.6;

    /**
     * Least traded notional per flow window (EWMA) for the flow to count.
     */
    public static final String MICROSTRUCTURE_MIN_NOTIONAL_PROP_NAME = "hellmoon.scanner.microstructure.min.notional";

    /**
     * Default for {@link #MICROSTRUCTURE_MIN_NOTIONAL_PROP_NAME}.
     */
    public static final double MICROSTRUCTURE_MIN_NOTIONAL_DEFAULT = 2000.0;

    /**
     * Least trades per flow window (EWMA) for the flow to count.
     */
    public static final String MICROSTRUCTURE_MIN_TRADES_PROP_NAME = "hellmoon.scanner.microstructure.min.trades";

    /**
     * Default for {@link #MICROSTRUCTURE_MIN_TRADES_PROP_NAME}.
     */
    public static final double MICROSTRUCTURE_MIN_TRADES_DEFAULT = 2.0;

    /**
     * Score the microstructure detector must fall below before it can fire again for the instrument.
     */
    public static final String MICROSTRUCTURE_REARM_SCORE_PROP_NAME = "hellmoon.scanner.microstructure.rearm.score";

    /**
     * Default for {@link #MICROSTRUCTURE_REARM_SCORE_PROP_NAME}.
     */
    public static final double MICROSTRUCTURE_REARM_SCORE_DEFAULT = 0.5;

    /**
     * Least event time between two microstructure anomalies of one instrument.
     */
    public static final String MICROSTRUCTURE_COOLDOWN_PROP_NAME = "hellmoon.scanner.microstructure.cooldown";

    /**
     * Default for {@link #MICROSTRUCTURE_COOLDOWN_PROP_NAME}.
     */
    public static final String MICROSTRUCTURE_COOLDOWN_DEFAULT = "120s";

    /**
     * Whether CROSS_SECTIONAL is detected.
     */
    public static final String CROSS_ENABLED_PROP_NAME = "hellmoon.scanner.cross.enabled";

    /**
     * Default for {@link #CROSS_ENABLED_PROP_NAME}.
     */
    public static final boolean CROSS_ENABLED_DEFAULT = true;

    /**
     * Horizon of the returns compared across instruments; a multiple of the sample interval.
     */
    public static final String CROSS_WINDOW_PROP_NAME = "hellmoon.scanner.cross.window";

    /**
     * Default for {@link #CROSS_WINDOW_PROP_NAME}.
     */
    public static final String CROSS_WINDOW_DEFAULT = "300s";

    /**
     * Interval at which every instrument's log price is sampled (by the sweep) for returns and betas.
     */
    public static final String CROSS_SAMPLE_INTERVAL_PROP_NAME = "hellmoon.scanner.cross.sample.interval";

    /**
     * Default for {@link #CROSS_SAMPLE_INTERVAL_PROP_NAME}.
     */
    public static final String CROSS_SAMPLE_INTERVAL_DEFAULT = "10s";

    /**
     * Span of the EWMAs of sampled returns behind each instrument's beta to the market.
     */
    public static final String CROSS_BETA_WINDOW_PROP_NAME = "hellmoon.scanner.cross.beta.window";

    /**
     * Default for {@link #CROSS_BETA_WINDOW_PROP_NAME}.
     */
    public static final String CROSS_BETA_WINDOW_DEFAULT = "3600s";

    /**
     * Event time of samples before an instrument's beta is estimated (1 until then).
     */
    public static final String CROSS_BETA_WARMUP_PROP_NAME = "hellmoon.scanner.cross.beta.warmup";

    /**
     * Default for {@link #CROSS_BETA_WARMUP_PROP_NAME}.
     */
    public static final String CROSS_BETA_WARMUP_DEFAULT = "600s";

    /**
     * Market return weighting: EQUAL, or VOLUME (each instrument's baseline traded notional).
     */
    public static final String CROSS_WEIGHTING_PROP_NAME = "hellmoon.scanner.cross.weighting";

    /**
     * Default for {@link #CROSS_WEIGHTING_PROP_NAME}.
     */
    public static final String CROSS_WEIGHTING_DEFAULT = "EQUAL";

    /**
     * Absolute cross-sectional z-score of the beta-adjusted residual return at which the score reaches 1.
     */
    public static final String CROSS_Z_THRESHOLD_PROP_NAME = "hellmoon.scanner.cross.z.threshold";

    /**
     * Default for {@link #CROSS_Z_THRESHOLD_PROP_NAME}.
     */
    public static final double CROSS_Z_THRESHOLD_DEFAULT = 5.0;

    /**
     * Least absolute residual log return over the window for an instrument to fire, however extreme its z-score.
     */
    public static final String CROSS_MIN_RESIDUAL_PROP_NAME = "hellmoon.scanner.cross.min.residual";

    /**
     * Default for {@link #CROSS_MIN_RESIDUAL_PROP_NAME}.
     */
    public static final double CROSS_MIN_RESIDUAL_DEFAULT = 0.01;

    /**
     * Least instruments with a return over the window for the cross-section to be scored.
     */
    public static final String CROSS_MIN_INSTRUMENTS_PROP_NAME = "hellmoon.scanner.cross.min.instruments";

    /**
     * Default for {@link #CROSS_MIN_INSTRUMENTS_PROP_NAME}.
     */
    public static final int CROSS_MIN_INSTRUMENTS_DEFAULT = 20;

    /**
     * Score the cross-sectional detector must fall below before it can fire again for the instrument.
     */
    public static final String CROSS_REARM_SCORE_PROP_NAME = "hellmoon.scanner.cross.rearm.score";

    /**
     * Default for {@link #CROSS_REARM_SCORE_PROP_NAME}.
     */
    public static final double CROSS_REARM_SCORE_DEFAULT = 0.5;

    /**
     * Least event time between two cross-sectional anomalies of one instrument.
     */
    public static final String CROSS_COOLDOWN_PROP_NAME = "hellmoon.scanner.cross.cooldown";

    /**
     * Default for {@link #CROSS_COOLDOWN_PROP_NAME}.
     */
    public static final String CROSS_COOLDOWN_DEFAULT = "300s";

    /**
     * Whether FUNDING_DISLOCATION is detected.
     */
    public static final String FUNDING_ENABLED_PROP_NAME = "hellmoon.scanner.funding.enabled";

    /**
     * Default for {@link #FUNDING_ENABLED_PROP_NAME}.
     */
    public static final boolean FUNDING_ENABLED_DEFAULT = true;

    /**
     * Time constant of the EWMAs of the mark/index basis (mean and variance).
     */
    public static final String FUNDING_BASIS_WINDOW_PROP_NAME = "hellmoon.scanner.funding.basis.window";

    /**
     * Default for {@link #FUNDING_BASIS_WINDOW_PROP_NAME}.
     */
    public static final String FUNDING_BASIS_WINDOW_DEFAULT = "3600s";

    /**
     * Deviation of the basis from its baseline, in baseline standard deviations, at which that part of the score
     * reaches 1.
     */
    public static final String FUNDING_BASIS_THRESHOLD_PROP_NAME = "hellmoon.scanner.funding.basis.threshold";

    /**
     * Default for {@link #FUNDING_BASIS_THRESHOLD_PROP_NAME}.
     */
    public static final double FUNDING_BASIS_THRESHOLD_DEFAULT = 8.0;

    /**
     * Floor of the basis standard deviation, in basis points.
     */
    public static final String FUNDING_BASIS_FLOOR_BPS_PROP_NAME = "hellmoon.scanner.funding.basis.floor.bps";

    /**
     * Default for {@link #FUNDING_BASIS_FLOOR_BPS_PROP_NAME}.
     */
    public static final double FUNDING_BASIS_FLOOR_BPS_DEFAULT = 2.0;

    /**
     * Basis moves enter the baseline capped at this many standard deviations, so a dislocation barely moves it.
     */
    public static final String FUNDING_BASIS_CLIP_PROP_NAME = "hellmoon.scanner.funding.basis.clip";

    /**
     * Default for {@link #FUNDING_BASIS_CLIP_PROP_NAME}.
     */
    public static final double FUNDING_BASIS_CLIP_DEFAULT = 4.0;

    /**
     * Absolute funding rate (per funding interval, 0.001 is 0.1 %) at which that part of the score reaches 1.
     */
    public static final String FUNDING_RATE_THRESHOLD_PROP_NAME = "hellmoon.scanner.funding.rate.threshold";

    /**
     * Default for {@link #FUNDING_RATE_THRESHOLD_PROP_NAME}.
     */
    public static final double FUNDING_RATE_THRESHOLD_DEFAULT = 0.001;

    /**
     * Event time of mark prices an instrument needs before basis dislocations can fire.
     */
    public static final String FUNDING_WARMUP_PROP_NAME = "hellmoon.scanner.funding.warmup";

    /**
     * Default for {@link #FUNDING_WARMUP_PROP_NAME}.
     */
    public static final String FUNDING_WARMUP_DEFAULT = "600s";

    /**
     * Score the funding detector must fall below before it can fire again for the instrument.
     */
    public static final String FUNDING_REARM_SCORE_PROP_NAME = "hellmoon.scanner.funding.rearm.score";

    /**
     * Default for {@link #FUNDING_REARM_SCORE_PROP_NAME}.
     */
    public static final double FUNDING_REARM_SCORE_DEFAULT = 0.5;

    /**
     * Least event time between two funding dislocations of one instrument.
     */
    public static final String FUNDING_COOLDOWN_PROP_NAME = "hellmoon.scanner.funding.cooldown";

    /**
     * Default for {@link #FUNDING_COOLDOWN_PROP_NAME}.
     */
    public static final String FUNDING_COOLDOWN_DEFAULT = "600s";

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

    /**
     * How the cross-sectional detector weights instruments in the market return.
     */
    public enum CrossWeighting
    {
        /**
         * Every instrument with a return over the window counts the same.
         */
        EQUAL,

        /**
         * Instruments count by their baseline traded notional per flow window.
         */
        VOLUME
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
     * See {@link #SWEEP_WARMUP_PROP_NAME}.
     *
     * @return scans.
     */
    public static int sweepWarmup()
    {
        return intProperty(SWEEP_WARMUP_PROP_NAME, SWEEP_WARMUP_DEFAULT);
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
     * See {@link #BOOK_IMBALANCE_WINDOW_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long bookImbalanceWindowNs()
    {
        return durationProperty(BOOK_IMBALANCE_WINDOW_PROP_NAME, BOOK_IMBALANCE_WINDOW_DEFAULT);
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

    /**
     * See {@link #RSI_PERIOD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int rsiPeriod()
    {
        return intProperty(RSI_PERIOD_PROP_NAME, RSI_PERIOD_DEFAULT);
    }

    /**
     * See {@link #BOLLINGER_PERIOD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int bollingerPeriod()
    {
        return intProperty(BOLLINGER_PERIOD_PROP_NAME, BOLLINGER_PERIOD_DEFAULT);
    }

    /**
     * See {@link #BOLLINGER_WIDTH_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double bollingerWidth()
    {
        return doubleProperty(BOLLINGER_WIDTH_PROP_NAME, BOLLINGER_WIDTH_DEFAULT);
    }

    /**
     * See {@link #REGIME_TIMEFRAME_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static Timeframe regimeTimeframe()
    {
        return timeframeProperty(REGIME_TIMEFRAME_PROP_NAME, REGIME_TIMEFRAME_DEFAULT);
    }

    /**
     * See {@link #VOLATILITY_ATR_TIMEFRAME_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static Timeframe volatilityAtrTimeframe()
    {
        return timeframeProperty(VOLATILITY_ATR_TIMEFRAME_PROP_NAME, VOLATILITY_ATR_TIMEFRAME_DEFAULT);
    }

    /**
     * See {@link #VOLUME_SPIKE_ENABLED_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static boolean volumeSpikeEnabled()
    {
        return booleanProperty(VOLUME_SPIKE_ENABLED_PROP_NAME, VOLUME_SPIKE_ENABLED_DEFAULT);
    }

    /**
     * See {@link #TRADE_BURST_ENABLED_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static boolean tradeBurstEnabled()
    {
        return booleanProperty(TRADE_BURST_ENABLED_PROP_NAME, TRADE_BURST_ENABLED_DEFAULT);
    }

    /**
     * See {@link #TRADE_BURST_RATIO_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double tradeBurstRatio()
    {
        return doubleProperty(TRADE_BURST_RATIO_PROP_NAME, TRADE_BURST_RATIO_DEFAULT);
    }

    /**
     * See {@link #TRADE_BURST_MIN_TRADES_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int tradeBurstMinTrades()
    {
        return intProperty(TRADE_BURST_MIN_TRADES_PROP_NAME, TRADE_BURST_MIN_TRADES_DEFAULT);
    }

    /**
     * See {@link #TRADE_BURST_BASELINE_FLOOR_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double tradeBurstBaselineFloor()
    {
        return doubleProperty(TRADE_BURST_BASELINE_FLOOR_PROP_NAME, TRADE_BURST_BASELINE_FLOOR_DEFAULT);
    }

    /**
     * See {@link #TRADE_BURST_REARM_SCORE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double tradeBurstRearmScore()
    {
        return doubleProperty(TRADE_BURST_REARM_SCORE_PROP_NAME, TRADE_BURST_REARM_SCORE_DEFAULT);
    }

    /**
     * See {@link #TRADE_BURST_COOLDOWN_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long tradeBurstCooldownNs()
    {
        return durationProperty(TRADE_BURST_COOLDOWN_PROP_NAME, TRADE_BURST_COOLDOWN_DEFAULT);
    }

    /**
     * See {@link #BOOK_IMBALANCE_ENABLED_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static boolean bookImbalanceEnabled()
    {
        return booleanProperty(BOOK_IMBALANCE_ENABLED_PROP_NAME, BOOK_IMBALANCE_ENABLED_DEFAULT);
    }

    /**
     * See {@link #SPREAD_ENABLED_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static boolean spreadEnabled()
    {
        return booleanProperty(SPREAD_ENABLED_PROP_NAME, SPREAD_ENABLED_DEFAULT);
    }

    /**
     * See {@link #SPREAD_RATIO_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double spreadRatio()
    {
        return doubleProperty(SPREAD_RATIO_PROP_NAME, SPREAD_RATIO_DEFAULT);
    }

    /**
     * See {@link #SPREAD_FLOOR_BPS_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double spreadFloorBps()
    {
        return doubleProperty(SPREAD_FLOOR_BPS_PROP_NAME, SPREAD_FLOOR_BPS_DEFAULT);
    }

    /**
     * See {@link #SPREAD_BASELINE_WINDOW_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long spreadBaselineWindowNs()
    {
        return durationProperty(SPREAD_BASELINE_WINDOW_PROP_NAME, SPREAD_BASELINE_WINDOW_DEFAULT);
    }

    /**
     * See {@link #SPREAD_BASELINE_CLIP_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double spreadBaselineClip()
    {
        return doubleProperty(SPREAD_BASELINE_CLIP_PROP_NAME, SPREAD_BASELINE_CLIP_DEFAULT);
    }

    /**
     * See {@link #SPREAD_WARMUP_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long spreadWarmupNs()
    {
        return durationProperty(SPREAD_WARMUP_PROP_NAME, SPREAD_WARMUP_DEFAULT);
    }

    /**
     * See {@link #SPREAD_MIN_DURATION_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long spreadMinDurationNs()
    {
        return durationProperty(SPREAD_MIN_DURATION_PROP_NAME, SPREAD_MIN_DURATION_DEFAULT);
    }

    /**
     * See {@link #SPREAD_REARM_SCORE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double spreadRearmScore()
    {
        return doubleProperty(SPREAD_REARM_SCORE_PROP_NAME, SPREAD_REARM_SCORE_DEFAULT);
    }

    /**
     * See {@link #SPREAD_COOLDOWN_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long spreadCooldownNs()
    {
        return durationProperty(SPREAD_COOLDOWN_PROP_NAME, SPREAD_COOLDOWN_DEFAULT);
    }

    /**
     * See {@link #VOLATILITY_ENABLED_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static boolean volatilityEnabled()
    {
        return booleanProperty(VOLATILITY_ENABLED_PROP_NAME, VOLATILITY_ENABLED_DEFAULT);
    }

    /**
     * See {@link #BREAKOUT_ENABLED_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static boolean breakoutEnabled()
    {
        return booleanProperty(BREAKOUT_ENABLED_PROP_NAME, BREAKOUT_ENABLED_DEFAULT);
    }

    /**
     * See {@link #BREAKOUT_TIMEFRAME_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static Timeframe breakoutTimeframe()
    {
        return timeframeProperty(BREAKOUT_TIMEFRAME_PROP_NAME, BREAKOUT_TIMEFRAME_DEFAULT);
    }

    /**
     * See {@link #BREAKOUT_BARS_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int breakoutBars()
    {
        return intProperty(BREAKOUT_BARS_PROP_NAME, BREAKOUT_BARS_DEFAULT);
    }

    /**
     * See {@link #BREAKOUT_ATR_MARGIN_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double breakoutAtrMargin()
    {
        return doubleProperty(BREAKOUT_ATR_MARGIN_PROP_NAME, BREAKOUT_ATR_MARGIN_DEFAULT);
    }

    /**
     * See {@link #BREAKOUT_VOLUME_RATIO_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double breakoutVolumeRatio()
    {
        return doubleProperty(BREAKOUT_VOLUME_RATIO_PROP_NAME, BREAKOUT_VOLUME_RATIO_DEFAULT);
    }

    /**
     * See {@link #BREAKOUT_VOLUME_WINDOW_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long breakoutVolumeWindowNs()
    {
        return durationProperty(BREAKOUT_VOLUME_WINDOW_PROP_NAME, BREAKOUT_VOLUME_WINDOW_DEFAULT);
    }

    /**
     * See {@link #BREAKOUT_REARM_SCORE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double breakoutRearmScore()
    {
        return doubleProperty(BREAKOUT_REARM_SCORE_PROP_NAME, BREAKOUT_REARM_SCORE_DEFAULT);
    }

    /**
     * See {@link #BREAKOUT_COOLDOWN_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long breakoutCooldownNs()
    {
        return durationProperty(BREAKOUT_COOLDOWN_PROP_NAME, BREAKOUT_COOLDOWN_DEFAULT);
    }

    /**
     * See {@link #REGIME_SHIFT_ENABLED_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static boolean regimeShiftEnabled()
    {
        return booleanProperty(REGIME_SHIFT_ENABLED_PROP_NAME, REGIME_SHIFT_ENABLED_DEFAULT);
    }

    /**
     * See {@link #REGIME_SHIFT_THRESHOLD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double regimeShiftThreshold()
    {
        return doubleProperty(REGIME_SHIFT_THRESHOLD_PROP_NAME, REGIME_SHIFT_THRESHOLD_DEFAULT);
    }

    /**
     * See {@link #REGIME_SHIFT_COOLDOWN_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long regimeShiftCooldownNs()
    {
        return durationProperty(REGIME_SHIFT_COOLDOWN_PROP_NAME, REGIME_SHIFT_COOLDOWN_DEFAULT);
    }

    /**
     * See {@link #LIQUIDATION_ENABLED_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static boolean liquidationEnabled()
    {
        return booleanProperty(LIQUIDATION_ENABLED_PROP_NAME, LIQUIDATION_ENABLED_DEFAULT);
    }

    /**
     * See {@link #LIQUIDATION_WINDOW_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long liquidationWindowNs()
    {
        return durationProperty(LIQUIDATION_WINDOW_PROP_NAME, LIQUIDATION_WINDOW_DEFAULT);
    }

    /**
     * See {@link #LIQUIDATION_BUCKETS_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int liquidationBuckets()
    {
        return intProperty(LIQUIDATION_BUCKETS_PROP_NAME, LIQUIDATION_BUCKETS_DEFAULT);
    }

    /**
     * See {@link #LIQUIDATION_MIN_COUNT_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int liquidationMinCount()
    {
        return intProperty(LIQUIDATION_MIN_COUNT_PROP_NAME, LIQUIDATION_MIN_COUNT_DEFAULT);
    }

    /**
     * See {@link #LIQUIDATION_MIN_NOTIONAL_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double liquidationMinNotional()
    {
        return doubleProperty(LIQUIDATION_MIN_NOTIONAL_PROP_NAME, LIQUIDATION_MIN_NOTIONAL_DEFAULT);
    }

    /**
     * See {@link #LIQUIDATION_REARM_SCORE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double liquidationRearmScore()
    {
        return doubleProperty(LIQUIDATION_REARM_SCORE_PROP_NAME, LIQUIDATION_REARM_SCORE_DEFAULT);
    }

    /**
     * See {@link #LIQUIDATION_COOLDOWN_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long liquidationCooldownNs()
    {
        return durationProperty(LIQUIDATION_COOLDOWN_PROP_NAME, LIQUIDATION_COOLDOWN_DEFAULT);
    }

    /**
     * See {@link #DISTRIBUTION_ENABLED_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static boolean distributionEnabled()
    {
        return booleanProperty(DISTRIBUTION_ENABLED_PROP_NAME, DISTRIBUTION_ENABLED_DEFAULT);
    }

    /**
     * See {@link #DISTRIBUTION_WINDOW_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long distributionWindowNs()
    {
        return durationProperty(DISTRIBUTION_WINDOW_PROP_NAME, DISTRIBUTION_WINDOW_DEFAULT);
    }

    /**
     * See {@link #DISTRIBUTION_WARMUP_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long distributionWarmupNs()
    {
        return durationProperty(DISTRIBUTION_WARMUP_PROP_NAME, DISTRIBUTION_WARMUP_DEFAULT);
    }

    /**
     * See {@link #DISTRIBUTION_SKEW_THRESHOLD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double distributionSkewThreshold()
    {
        return doubleProperty(DISTRIBUTION_SKEW_THRESHOLD_PROP_NAME, DISTRIBUTION_SKEW_THRESHOLD_DEFAULT);
    }

    /**
     * See {@link #DISTRIBUTION_KURTOSIS_THRESHOLD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double distributionKurtosisThreshold()
    {
        return doubleProperty(DISTRIBUTION_KURTOSIS_THRESHOLD_PROP_NAME, DISTRIBUTION_KURTOSIS_THRESHOLD_DEFAULT);
    }

    /**
     * See {@link #DISTRIBUTION_MIN_ACTIVE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double distributionMinActive()
    {
        return doubleProperty(DISTRIBUTION_MIN_ACTIVE_PROP_NAME, DISTRIBUTION_MIN_ACTIVE_DEFAULT);
    }

    /**
     * See {@link #DISTRIBUTION_REARM_SCORE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double distributionRearmScore()
    {
        return doubleProperty(DISTRIBUTION_REARM_SCORE_PROP_NAME, DISTRIBUTION_REARM_SCORE_DEFAULT);
    }

    /**
     * See {@link #DISTRIBUTION_COOLDOWN_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long distributionCooldownNs()
    {
        return durationProperty(DISTRIBUTION_COOLDOWN_PROP_NAME, DISTRIBUTION_COOLDOWN_DEFAULT);
    }

    /**
     * See {@link #MICROSTRUCTURE_ENABLED_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static boolean microstructureEnabled()
    {
        return booleanProperty(MICROSTRUCTURE_ENABLED_PROP_NAME, MICROSTRUCTURE_ENABLED_DEFAULT);
    }

    /**
     * See {@link #MICROSTRUCTURE_WINDOW_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long microstructureWindowNs()
    {
        return durationProperty(MICROSTRUCTURE_WINDOW_PROP_NAME, MICROSTRUCTURE_WINDOW_DEFAULT);
    }

    /**
     * See {@link #MICROSTRUCTURE_FLOW_THRESHOLD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double microstructureFlowThreshold()
    {
        return doubleProperty(MICROSTRUCTURE_FLOW_THRESHOLD_PROP_NAME, MICROSTRUCTURE_FLOW_THRESHOLD_DEFAULT);
    }

    /**
     * See {@link #MICROSTRUCTURE_OFI_THRESHOLD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double microstructureOfiThreshold()
    {
        return doubleProperty(MICROSTRUCTURE_OFI_THRESHOLD_PROP_NAME, MICROSTRUCTURE_OFI_THRESHOLD_DEFAULT);
    }

    /**
     * See {@link #MICROSTRUCTURE_MIN_NOTIONAL_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double microstructureMinNotional()
    {
        return doubleProperty(MICROSTRUCTURE_MIN_NOTIONAL_PROP_NAME, MICROSTRUCTURE_MIN_NOTIONAL_DEFAULT);
    }

    /**
     * See {@link #MICROSTRUCTURE_MIN_TRADES_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double microstructureMinTrades()
    {
        return doubleProperty(MICROSTRUCTURE_MIN_TRADES_PROP_NAME, MICROSTRUCTURE_MIN_TRADES_DEFAULT);
    }

    /**
     * See {@link #MICROSTRUCTURE_REARM_SCORE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double microstructureRearmScore()
    {
        return doubleProperty(MICROSTRUCTURE_REARM_SCORE_PROP_NAME, MICROSTRUCTURE_REARM_SCORE_DEFAULT);
    }

    /**
     * See {@link #MICROSTRUCTURE_COOLDOWN_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long microstructureCooldownNs()
    {
        return durationProperty(MICROSTRUCTURE_COOLDOWN_PROP_NAME, MICROSTRUCTURE_COOLDOWN_DEFAULT);
    }

    /**
     * See {@link #CROSS_ENABLED_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static boolean crossEnabled()
    {
        return booleanProperty(CROSS_ENABLED_PROP_NAME, CROSS_ENABLED_DEFAULT);
    }

    /**
     * See {@link #CROSS_WINDOW_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long crossWindowNs()
    {
        return durationProperty(CROSS_WINDOW_PROP_NAME, CROSS_WINDOW_DEFAULT);
    }

    /**
     * See {@link #CROSS_SAMPLE_INTERVAL_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long crossSampleIntervalNs()
    {
        return durationProperty(CROSS_SAMPLE_INTERVAL_PROP_NAME, CROSS_SAMPLE_INTERVAL_DEFAULT);
    }

    /**
     * See {@link #CROSS_BETA_WINDOW_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long crossBetaWindowNs()
    {
        return durationProperty(CROSS_BETA_WINDOW_PROP_NAME, CROSS_BETA_WINDOW_DEFAULT);
    }

    /**
     * See {@link #CROSS_BETA_WARMUP_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long crossBetaWarmupNs()
    {
        return durationProperty(CROSS_BETA_WARMUP_PROP_NAME, CROSS_BETA_WARMUP_DEFAULT);
    }

    /**
     * See {@link #CROSS_WEIGHTING_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static CrossWeighting crossWeighting()
    {
        return weightingProperty(CROSS_WEIGHTING_PROP_NAME, CROSS_WEIGHTING_DEFAULT);
    }

    /**
     * See {@link #CROSS_Z_THRESHOLD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double crossZThreshold()
    {
        return doubleProperty(CROSS_Z_THRESHOLD_PROP_NAME, CROSS_Z_THRESHOLD_DEFAULT);
    }

    /**
     * See {@link #CROSS_MIN_RESIDUAL_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double crossMinResidual()
    {
        return doubleProperty(CROSS_MIN_RESIDUAL_PROP_NAME, CROSS_MIN_RESIDUAL_DEFAULT);
    }

    /**
     * See {@link #CROSS_MIN_INSTRUMENTS_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int crossMinInstruments()
    {
        return intProperty(CROSS_MIN_INSTRUMENTS_PROP_NAME, CROSS_MIN_INSTRUMENTS_DEFAULT);
    }

    /**
     * See {@link #CROSS_REARM_SCORE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double crossRearmScore()
    {
        return doubleProperty(CROSS_REARM_SCORE_PROP_NAME, CROSS_REARM_SCORE_DEFAULT);
    }

    /**
     * See {@link #CROSS_COOLDOWN_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long crossCooldownNs()
    {
        return durationProperty(CROSS_COOLDOWN_PROP_NAME, CROSS_COOLDOWN_DEFAULT);
    }

    /**
     * See {@link #FUNDING_ENABLED_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static boolean fundingEnabled()
    {
        return booleanProperty(FUNDING_ENABLED_PROP_NAME, FUNDING_ENABLED_DEFAULT);
    }

    /**
     * See {@link #FUNDING_BASIS_WINDOW_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long fundingBasisWindowNs()
    {
        return durationProperty(FUNDING_BASIS_WINDOW_PROP_NAME, FUNDING_BASIS_WINDOW_DEFAULT);
    }

    /**
     * See {@link #FUNDING_BASIS_THRESHOLD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double fundingBasisThreshold()
    {
        return doubleProperty(FUNDING_BASIS_THRESHOLD_PROP_NAME, FUNDING_BASIS_THRESHOLD_DEFAULT);
    }

    /**
     * See {@link #FUNDING_BASIS_FLOOR_BPS_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double fundingBasisFloorBps()
    {
        return doubleProperty(FUNDING_BASIS_FLOOR_BPS_PROP_NAME, FUNDING_BASIS_FLOOR_BPS_DEFAULT);
    }

    /**
     * See {@link #FUNDING_BASIS_CLIP_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double fundingBasisClip()
    {
        return doubleProperty(FUNDING_BASIS_CLIP_PROP_NAME, FUNDING_BASIS_CLIP_DEFAULT);
    }

    /**
     * See {@link #FUNDING_RATE_THRESHOLD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double fundingRateThreshold()
    {
        return doubleProperty(FUNDING_RATE_THRESHOLD_PROP_NAME, FUNDING_RATE_THRESHOLD_DEFAULT);
    }

    /**
     * See {@link #FUNDING_WARMUP_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long fundingWarmupNs()
    {
        return durationProperty(FUNDING_WARMUP_PROP_NAME, FUNDING_WARMUP_DEFAULT);
    }

    /**
     * See {@link #FUNDING_REARM_SCORE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double fundingRearmScore()
    {
        return doubleProperty(FUNDING_REARM_SCORE_PROP_NAME, FUNDING_REARM_SCORE_DEFAULT);
    }

    /**
     * See {@link #FUNDING_COOLDOWN_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long fundingCooldownNs()
    {
        return durationProperty(FUNDING_COOLDOWN_PROP_NAME, FUNDING_COOLDOWN_DEFAULT);
    }

    /**
     * See {@link #VOLUME_SPIKE_MIN_ORDERS_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int volumeSpikeMinOrders()
    {
        return intProperty(VOLUME_SPIKE_MIN_ORDERS_PROP_NAME, VOLUME_SPIKE_MIN_ORDERS_DEFAULT);
    }

    /**
     * See {@link #VOLUME_SPIKE_ORDER_RATIO_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double volumeSpikeOrderRatio()
    {
        return doubleProperty(VOLUME_SPIKE_ORDER_RATIO_PROP_NAME, VOLUME_SPIKE_ORDER_RATIO_DEFAULT);
    }

    /**
     * See {@link #VOLUME_SPIKE_ESCALATION_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double volumeSpikeEscalation()
    {
        return doubleProperty(VOLUME_SPIKE_ESCALATION_PROP_NAME, VOLUME_SPIKE_ESCALATION_DEFAULT);
    }

    /**
     * See {@link #VOLATILITY_LONG_CLIP_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double volatilityLongClip()
    {
        return doubleProperty(VOLATILITY_LONG_CLIP_PROP_NAME, VOLATILITY_LONG_CLIP_DEFAULT);
    }

    private static boolean booleanProperty(final String propName, final boolean defaultValue)
    {
        final String value = getProperty(propName);
        if (null == value)
        {
            return defaultValue;
        }
        final String trimmed = value.trim();
        if ("true".equalsIgnoreCase(trimmed))
        {
            return true;
        }
        if ("false".equalsIgnoreCase(trimmed))
        {
            return false;
        }
        throw new IllegalArgumentException(propName + "=" + value + ": expected true or false");
    }

    private static Timeframe timeframeProperty(final String propName, final String defaultValue)
    {
        final String value = getProperty(propName, defaultValue);
        try
        {
            return Timeframe.parse(value);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(propName + "=" + value + ": " + ex.getMessage(), ex);
        }
    }

    private static CrossWeighting weightingProperty(final String propName, final String defaultValue)
    {
        final String value = getProperty(propName, defaultValue);
        try
        {
            return CrossWeighting.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(propName + "=" + value + ": expected EQUAL or VOLUME", ex);
        }
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
