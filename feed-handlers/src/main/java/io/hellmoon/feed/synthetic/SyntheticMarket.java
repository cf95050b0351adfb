/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.synthetic;

import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.Venue;
import org.agrona.collections.Int2IntHashMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A seeded synthetic futures market of thousands of instruments that speaks Binance USD-M's wire format, so the demo
 * runs without data files and tests have ground truth.
 * <p>
 * Frames go to a {@link VenueFrameHandler} exactly as a live connection delivers them: combined-stream envelopes
 * {@code {"stream":"<symbol>@<type>","data":{...}}} through {@link VenueFrameHandler#onFrame} for {@code @trade},
 * {@code @bookTicker}, {@code @depth@100ms} (or {@code @depth} / {@code @depth@500ms}), {@code @kline_1m},
 * {@code @forceOrder} and {@code @markPrice} (or {@code @markPrice@1s}), and REST depth snapshot bodies
 * {@code {"lastUpdateId":..,"E":..,"T":..,"bids":[..],"asks":[..]}} through
 * {@link VenueFrameHandler#onDepthSnapshot}. Prices and quantities are strings with the instrument's precision.
 *
 * <h2>Time and determinism</h2>
 * There is no clock inside: {@link #generate(long, int)} emits every event due up to the time it is given, each
 * with its own event time, and passes that event time as the receive time (the synthetic wire has no latency). What
 * is emitted is a function of the seed and the calls alone: the same seed and the same sequence of calls give the
 * same bytes, byte for byte, on any JDK (randomness is {@link SyntheticRandom}, transcendental functions are
 * {@link StrictMath}). How the calls slice time does not change the frames, only when they are delivered; depth
 * snapshots requested through {@link #emitSnapshot(int, long)} do change what follows (see there).
 *
 * <h2>Universe</h2>
 * For instrument {@code i} (symbols {@code SYN0001USDT}, ...), drawn in order from the seed:
 * <ul>
 *     <li>initial price {@code P0 = exp(U(ln minPrice, ln maxPrice))}, log-uniform (default 0.001 to 60,000);</li>
 *     <li>tick {@code 10^et}, {@code et = clamp(floor(log10 P0) - 4 + Bernoulli(0.35), -8, 0)}: 10^-5 to 10^-3 of the
 *     price, as on Binance; prices are printed with {@code -et} decimals;</li>
 *     <li>lot (step) {@code 10^el}, {@code el = clamp(round(log10(v / P0)), -8, 0)} with {@code v = 10^U(-1, 1)} USD,
 *     quantities printed with {@code -el} decimals;</li>
 *     <li>activity weight {@code w ~ Pareto(1.3)} capped at 400: heavy tailed, a few instruments carry much of
 *     the flow. Order-flow events arrive as a Poisson process of rate {@code lambda = s * w} where the scale
 *     {@code s} is solved so that the expected frame rate of the whole universe equals the configured target;</li>
 *     <li>daily volatility {@code LogNormal(ln 4.5 %, 0.35)} clipped to [1.5 %, 15 %], beta to the market factor
 *     {@code N(1, 0.35)} clipped to [0.1, 2.2], idiosyncratic daily variance
 *     {@code max(vol^2 - beta^2 * 3 %^2, (0.3 vol)^2)};</li>
 *     <li>baseline spread {@code clamp(round(2e-4 * w^-0.35 * LogNormal(0, 0.3) / (tick / P0)), 1, 50)} ticks,
 *     price gaps between levels {@code 1 + Geometric} with mean {@code min(4, spread / 4)} extra ticks;</li>
 *     <li>level size {@code 4,000 USD * w^0.6 * LogNormal(0, 0.3)}, times {@code (1 + 0.04 k)} at level {@code k}
 *     and {@code LogNormal(-0.125, 0.5)} per placement; taker trade size 8 % of that times {@code Pareto(1.6)}
 *     (capped at 100 times), so trade sizes are heavy tailed.</li>
 * </ul>
 *
 * <h2>Prices</h2>
 * {@code ln fair_i(t) = ln P0_i + beta_i * M(t) + X_i(t)}.
 * <ul>
 *     <li>Market factor: {@code M += sqrt(hM * 0.1 s) * z} every 100 ms, {@code z ~ N(0, 1)}.</li>
 *     <li>Idiosyncratic part: {@code X_i += sqrt(h_i * dt) * z} at each of the instrument's events and each
 *     second.</li>
 *     <li>Stochastic volatility, GARCH(1,1) on one-second returns for {@code hM} and each {@code h_i} (variance per
 *     second): {@code h <- omega + alpha * r^2 + beta * h}, {@code alpha = 0.04}, {@code beta = 0.955},
 *     {@code omega = hbar * (1 - alpha - beta)}, {@code hbar} the daily variance / 86,400, clipped to
 *     [0.2, 25] times {@code hbar}.</li>
 * </ul>
 * Every instrument therefore shares {@code beta * M}: cross-sectional tools have a common factor to find.
 *
 * <h2>Order flow and book</h2>
 * Each order-flow event gets a new book update id ({@code id += 1 + U{0..49}}: strictly increasing, not contiguous,
 * like USD-M's) and does, in order:
 * <ol>
 *     <li>stale quotes: while {@code fair >= bestAsk + 1/2 tick} the best ask is cancelled, or (40 %, at most once
 *     per side and event) lifted by a taker, symmetrically for bids, so prices move with the fair value, partly on
 *     volume;</li>
 *     <li>with probability {@code p_trade} (30 % at baseline) a taker trade of heavy-tailed size that walks the book,
 *     a buy with probability {@code 0.5 + 0.3 * clamp((fair - mid) / halfSpread, -1, 1)} plus an anomaly's bias;
 *     otherwise an add (55 %) or a cancel (45 %) at level {@code k ~ Geometric(0.35)} (12 % of adds improve a
 *     spread wider than the baseline by one tick; a quarter of cancels remove the level);</li>
 *     <li>requote: market makers join at {@code desiredBid = floor(fair - s / 2 + 1/2)} and {@code desiredAsk =
 *     desiredBid + s} ({@code s} the target spread, the baseline outside anomalies) when the book is worse, with
 *     probability 60 %; holes wider than {@code 2 + 4} mean gaps are filled, each side is refilled behind its
 *     worst level to the configured depth and levels beyond it are dropped.</li>
 * </ol>
 * A {@code bookTicker} is sent after every event that changed the top of the book, with the event's id as
 * {@code u}. Depth diffs go out at the configured interval (aligned to its multiples) for instruments whose book
 * changed: the diff is the difference between the book and the one last published (new or resized levels, removed
 * levels with size 0), so {@code U} is the first id since the previous diff, {@code u} the book's id and
 * {@code pu} the previous diff's {@code u}; a client that applies the diffs to a snapshot by Binance's futures rules
 * rebuilds exactly this book. Klines ({@code @kline_1m}) are built from the emitted trades (interim updates at the
 * configured interval when a bar has new trades, the closing one with {@code "x":true} at each minute for every
 * instrument; an empty bar repeats the previous close, with {@code f} and {@code L} of -1). Mark prices: index =
 * fair value, {@code mark = index * (1 + basis)} with an Ornstein-Uhlenbeck basis (mean {@code N(0, 6 bp)} per
 * instrument, 2 bp noise, 10 min reversion), funding {@code clamp(p + clamp(0.01 % - p, -0.05 %, 0.05 %), -0.75 %,
 * 0.75 %)} with {@code p} a 30 min average basis, next funding at the next 8 h boundary. Background liquidations
 * are Poisson (configured rate): a taker IOC order that walks the book to a bankruptcy price 0.5 % away, the rest
 * filled there as an {@code INSURANCE_FUND} trade, then its {@code forceOrder}; none during a cascade on the same
 * instrument.
 *
 * <h2>Anomalies and ground truth</h2>
 * Anomalies come from an explicit schedule ({@link Context#anomalySchedule(List)}) and at random (Poisson at the
 * configured rate per instrument-hour after a warm-up, uniform over instruments not busy with another anomaly and
 * not named by the explicit schedule, kind uniform over the enabled kinds, magnitude and duration uniform in the
 * kind's range). An instrument has at most one anomaly at a time. Each one started is recorded as an
 * {@link InjectedAnomaly}; see {@link AnomalyKind} for what the magnitudes mean. Mechanisms:
 * <ul>
 *     <li>VOLUME_BURST: taker trade rate {@code * (1.25 m)^0.6} (at least that many trades per second), sizes
 *     {@code * (1.25 m)^0.4}, 65 % of takers on the direction's side; the 25 % covers volume from stale-quote lifts,
 *     which the burst does not scale, so the total is at least {@code m} times the baseline;</li>
 *     <li>LIQUIDATION_CASCADE: {@code n} forced liquidations ({@code n} from the configured minimum to minimum + 8)
 *     evenly spread in the window, quantities {@code q_j = ceil(q_0 * g^j)} ({@code g} in [1.25, 1.5]), each walking
 *     the book to 1 % beyond the touch; the fair value follows a Brownian bridge to {@code -+m} (log) by the end
 *     and takers lean 75 % the cascade's way at three times the usual rate;</li>
 *     <li>BREAKOUT: the fair value follows a Brownian bridge from where it is to the N-bar high (low) of the closed
 *     1m klines, pushed {@code m} beyond it, by the end of the window; taker rate three times, sizes 1.5 times,
 *     75 % of takers in the direction;</li>
 *     <li>SPREAD_BLOWOUT: the target spread becomes {@code ceil(m * q65)} ticks, {@code q65} a streaming estimate of
 *     the 65th percentile of the instrument's spread in its book tickers (so at least m times the median), levels
 *     inside it are cancelled, no one improves it, new levels are {@code 1/sqrt(m)} the size;</li>
 *     <li>BOOK_IMBALANCE: the heavy side's top-N levels are scaled by {@code m} at the start and new levels there
 *     placed {@code m} times larger, and scaled back at the end;</li>
 *     <li>VOLATILITY_EXPANSION: idiosyncratic noise scaled so the total variance is {@code m^2} times its baseline,
 *     a 5 min average of the model variance {@code beta^2 hM + h_i} (frozen during the anomaly); the GARCH recursion
 *     still sees unscaled returns, so volatility falls back when the window ends; event rates 1.5 times. The index
 *     price of the mark price stream carries the fair value itself, free of tick noise.</li>
 * </ul>
 *
 * <h2>History</h2>
 * What a live feed handler seeds its indicators with at start-up ({@code GET /fapi/v1/klines}): with
 * {@link Context#historyBars(int) historyBars} {@code n > 0}, every instrument gets {@code n} closed
 * {@code @kline_1m} frames covering the {@code n} whole minutes before the first live bar, which opens at the start
 * time's minute (so the last historical bar closes where the first live bar opens). They are delivered before any
 * live frame, by {@link #emitHistory(int)} or else by the first {@link #generate(long, int)} calls, oldest minute
 * first and instruments in index order within a minute, each exactly as a live closing kline ({@code "x":true},
 * same fields and formatting, {@code E} = receive time = its close time {@code T} + 1 ms). For instrument {@code i}
 * and minute {@code b} ({@code dt} = 60 s, {@code hbarM} and {@code hbar_i} the baseline variances per second of
 * the price model above):
 * <ul>
 *     <li>market factor {@code m_b = sqrt(hbarM * dt) * z_b}, drawn once for the whole universe, then log return
 *     {@code r_ib = beta_i * m_b + sqrt(hbar_i * dt) * e_ib}: the live model's baseline variance
 *     {@code v_i = (beta_i^2 * hbarM + hbar_i) * dt} ({@link #baselineMinuteVolatility(int)}) and its
 *     cross-sectional correlation; no GARCH, no anomalies;</li>
 *     <li>the path ends at the start: {@code ln C_ib = ln P_i - sum(r_ij, j > b)} in ticks, {@code P_i} the initial
 *     mid, which is the first live bar's open; closes {@code c = round(C)} on the tick grid, the last one
 *     {@code P_i} exactly; opens {@code o} = the previous close (the first bar's: its rounded start);</li>
 *     <li>trades {@code N ~ Poisson(0.48 * lambda_i * dt)}, {@code lambda_i} the baseline event rate and 0.48 the
 *     trades per event measured on the live market; at least one in the last bar;</li>
 *     <li>high and low: the extremes of a Brownian bridge from {@code a = ln C_i,b-1} to {@code c = ln C_ib} with
 *     variance {@code v_i}, {@code (a + c +- sqrt((c - a)^2 - 2 v_i ln U))/2} with independent uniforms {@code U},
 *     each moved inwards by {@code 0.5826 * sqrt(v_i / N)} because trades see the path at {@code N} points only
 *     (Broadie, Glasserman and Kou), then out to the grid ({@code h = ceil}, {@code l = floor}), with
 *     {@code h >= max(o, c)} and {@code l <= min(o, c)};</li>
 *     <li>volume: {@code N} taker sizes of the live distribution, {@code max(1, floor(q_i * min(Pareto(1.6), 100)))}
 *     lots: the first 8 drawn, the sum of the others {@code max(N - 8, round(q_i * ((N - 8) mu + sqrt(N - 8) sd z)))}
 *     with {@code mu} 2.56 and {@code sd} 4.58 the capped Pareto's moments; taker buys: each drawn trade with
 *     probability {@code p = 0.5 + 0.15 * clamp(r_ib / sqrt(v_i), -2, 2)}, share {@code p} of the others; quote
 *     volumes are the volumes times {@code (o + h + l + c) / 4};</li>
 *     <li>a bar without trades repeats the previous close with zero volume and {@code f = L = -1}, as a live one;
 *     otherwise trade ids {@code f..L} run consecutively up to the first live trade id minus 1 ({@code -1} for
 *     every bar of an instrument whose ids would fall below 1).</li>
 * </ul>
 * The path is drawn forwards in two passes over one seeded stream (the first finds the sums that anchor it), the
 * extremes and sizes from a second; both are derived from the seed and apart from the live stream, and the history
 * changes no live state, so the live frames are the same bytes with or without it. Breakout ranges are those of the
 * live bars only, for the same reason.
 *
 * <h2>Threading and allocation</h2>
 * Not thread safe: one thread calls every method. After warm-up, {@link #generate(long, int)},
 * {@link #emitHistory(int)} and {@link #emitSnapshot(int, long)} allocate nothing: per-instrument state is struct of
 * arrays, frames are formatted digit by digit into a reused buffer, and timers live in an indexed binary heap.
 * Instrument and ground truth accessors that return objects are for start-up, tests and tools.
 */
public final class SyntheticMarket
{
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MINUTE_MS = 60_000L;
    private static final long FUNDING_INTERVAL_MS = TimeUnit.HOURS.toMillis(8);
    private static final long MARKET_STEP_NS = 100 * NANOS_PER_MILLI;
    private static final double MARKET_STEP_SECONDS = 0.1;
    private static final long VOLATILITY_TICK_NS = NANOS_PER_SECOND;
    private static final double SECONDS_PER_DAY = 86_400.0;

    private static final double MARKET_DAILY_VOLATILITY = 0.03;
    private static final double GARCH_ALPHA = 0.04;
    private static final double GARCH_BETA = 0.955;
    private static final double GARCH_MIN_RATIO = 0.2;
    private static final double GARCH_MAX_RATIO = 25.0;
    private static final double ACTIVITY_PARETO_ALPHA = 1.3;
    private static final double ACTIVITY_MAX = 400.0;
    private static final double TRADE_SIZE_PARETO_ALPHA = 1.6;
    private static final double TRADE_SIZE_CAP = 100.0;
    private static final double TRADE_PROBABILITY = 0.3;
    private static final double ADD_PROBABILITY = 0.55;
    private static final double IMPROVE_PROBABILITY = 0.12;
    private static final double REMOVE_LEVEL_PROBABILITY = 0.25;
    private static final double LEVEL_PROBABILITY = 0.35;
    private static final double STALE_TRADE_PROBABILITY = 0.4;
    private static final double REQUOTE_PROBABILITY = 0.6;
    private static final double LEVEL_SIZE_SIGMA = 0.5;
    private static final double LEVEL_SIZE_SLOPE = 0.04;
    private static final double TRADE_TO_LEVEL_RATIO = 0.08;
    private static final double BASIS_REVERSION_SECONDS = 600.0;
    private static final double BASIS_NOISE = 0.0002;
    private static final double PREMIUM_AVERAGE_SECONDS = 1_800.0;
    private static final double SETTLE_AVERAGE_SECONDS = 60.0;
    private static final double SPREAD_QUANTILE_STEP = 0.003;
    private static final double VOLATILITY_BASELINE_SECONDS = 300.0;
    private static final double VOLUME_BURST_PROVISION = 1.25;
    private static final int UPDATE_ID_MAX_GAP = 50;
    private static final long HISTORY_PATH_SALT = 0x486973746F727950L;
    private static final long HISTORY_DETAIL_SALT = 0x486973746F727944L;
    private static final int HISTORY_EXACT_TRADES = 8;
    private static final double HISTORY_TAKER_LEAN = 0.15;

    /**
     * {@code -zeta(1/2) / sqrt(2 pi)}: a Brownian motion watched at n evenly spaced times peaks about this many
     * standard deviations of one step below its continuous maximum (Broadie, Glasserman and Kou, 1997).
     */
    private static final double DISCRETE_MONITORING_SHIFT = 0.5826;

    /**
     * Trades per order-flow event (taker trades, the levels they walk, stale-quote lifts), measured on the default
     * universe (medians 0.47 to 0.51 over 100 to 200 instruments and 30 to 90 minutes; 0.3 to 0.8 per instrument,
     * with its volatility and spread); the history's trade rate.
     */
    private static final double TRADES_PER_EVENT = 0.48;

    /**
     * Mean and standard deviation of {@code min(Pareto(1.6), 100)}, the taker size in base sizes.
     */
    private static final double TRADE_SIZE_MEAN = cappedParetoMoment(1.0);
    private static final double TRADE_SIZE_DEVIATION =
        Math.sqrt(cappedParetoMoment(2.0) - TRADE_SIZE_MEAN * TRADE_SIZE_MEAN);

    private static final int MIN_FAIR_TICKS = 10;
    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    /**
     * Frames per order-flow event besides depth diffs and klines (trades and book tickers), measured on the default
     * universe; used only to turn the target frame rate into event rates.
     */
    private static final double FRAMES_PER_EVENT = 1.2;

    /**
     * Share of order-flow events with at least one trade (taker trades and stale-quote lifts), measured likewise;
     * used to estimate interim kline updates.
     */
    private static final double TRADING_EVENT_SHARE = 0.45;

    // Timer slots: global ones first, then SLOT_TYPES per instrument. Equal deadlines fire in slot order, so a bar
    // closes before any trade of the same instant and an anomaly starts before the order flow it changes.
    private static final int GLOBAL_VOLATILITY_TICK = 0;
    private static final int GLOBAL_MARKET_STEP = 1;
    private static final int GLOBAL_EXPLICIT_SCHEDULE = 2;
    private static final int GLOBAL_RANDOM_ANOMALY = 3;
    private static final int GLOBAL_SLOTS = 4;
    private static final int KLINE_CLOSE = 0;
    private static final int MARK_PRICE = 1;
    private static final int ANOMALY = 2;
    private static final int ORDER_FLOW = 3;
    private static final int LIQUIDATION = 4;
    private static final int KLINE_PUSH = 5;
    private static final int DEPTH_FLUSH = 6;
    private static final int SLOT_TYPES = 7;

    private static final byte NO_SIDE = 0;
    private static final byte BID_SIDE = 1;
    private static final byte ASK_SIDE = 2;

    private static final AnomalyKind[] KINDS = AnomalyKind.values();
    private static final int SMALL_FRAME_LENGTH = 640;
    private static final int LEVEL_ENTRY_LENGTH = 48;

    private static final byte[] STREAM_OPEN = ascii("{\"stream\":\"");
    private static final byte[] TRADE_OPEN = ascii("@trade\",\"data\":{\"e\":\"trade\",\"E\":");
    private static final byte[] BOOK_TICKER_OPEN = ascii("@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":");
    private static final byte[] DEPTH_OPEN_TAIL = ascii("\",\"data\":{\"e\":\"depthUpdate\",\"E\":");
    private static final byte[] KLINE_OPEN = ascii("@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":");
    private static final byte[] FORCE_ORDER_OPEN = ascii("@forceOrder\",\"data\":{\"e\":\"forceOrder\",\"E\":");
    private static final byte[] MARK_PRICE_OPEN_TAIL = ascii("\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":");
    private static final byte[] FIELD_T = ascii(",\"T\":");
    private static final byte[] FIELD_S = ascii(",\"s\":\"");
    private static final byte[] FIELD_TRADE_ID = ascii("\",\"t\":");
    private static final byte[] FIELD_P = ascii(",\"p\":");
    private static final byte[] FIELD_Q = ascii(",\"q\":");
    private static final byte[] FIELD_X_MARKET = ascii(",\"X\":\"MARKET\",\"m\":");
    private static final byte[] FIELD_X_INSURANCE = ascii(",\"X\":\"INSURANCE_FUND\",\"m\":");
    private static final byte[] FIELD_B = ascii("\",\"b\":");
    private static final byte[] FIELD_BQ = ascii(",\"B\":");
    private static final byte[] FIELD_A = ascii(",\"a\":");
    private static final byte[] FIELD_AQ = ascii(",\"A\":");
    private static final byte[] FIELD_E = ascii(",\"E\":");
    private static final byte[] FIELD_U_FIRST = ascii("\",\"U\":");
    private static final byte[] FIELD_U_LAST = ascii(",\"u\":");
    private static final byte[] FIELD_PU = ascii(",\"pu\":");
    private static final byte[] FIELD_BIDS_OPEN = ascii(",\"b\":[");
    private static final byte[] FIELD_ASKS_OPEN = ascii("],\"a\":[");
    private static final byte[] FRAME_CLOSE = ascii("}}");
    private static final byte[] DEPTH_CLOSE = ascii("]}}");
    private static final byte[] KLINE_K_OPEN = ascii("\",\"k\":{\"t\":");
    private static final byte[] KLINE_I = ascii("\",\"i\":\"1m\",\"f\":");
    private static final byte[] KLINE_L_ID = ascii(",\"L\":");
    private static final byte[] KLINE_O = ascii(",\"o\":");
    private static final byte[] KLINE_C = ascii(",\"c\":");
    private static final byte[] KLINE_H = ascii(",\"h\":");
    private static final byte[] KLINE_L = ascii(",\"l\":");
    private static final byte[] KLINE_V = ascii(",\"v\":");
    private static final byte[] KLINE_N = ascii(",\"n\":");
    private static final byte[] KLINE_X = ascii(",\"x\":");
    private static final byte[] KLINE_Q = ascii(",\"q\":");
    private static final byte[] KLINE_BV = ascii(",\"V\":");
    private static final byte[] KLINE_BQ = ascii(",\"Q\":");
    private static final byte[] KLINE_TAIL = ascii(",\"B\":\"0\"}}}");
    private static final byte[] FORCE_ORDER_S = ascii(",\"o\":{\"s\":\"");
    private static final byte[] FORCE_ORDER_SELL = ascii("\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":");
    private static final byte[] FORCE_ORDER_BUY = ascii("\",\"S\":\"BUY\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":");
    private static final byte[] FORCE_ORDER_AP = ascii(",\"ap\":");
    private static final byte[] FORCE_ORDER_FILLED = ascii(",\"X\":\"FILLED\",\"l\":");
    private static final byte[] FORCE_ORDER_Z = ascii(",\"z\":");
    private static final byte[] FORCE_ORDER_CLOSE = ascii("}}}");
    private static final byte[] MARK_I = ascii(",\"i\":");
    private static final byte[] MARK_SETTLE = ascii(",\"P\":");
    private static final byte[] MARK_R = ascii(",\"r\":");
    private static final byte[] SNAPSHOT_OPEN = ascii("{\"lastUpdateId\":");
    private static final byte[] SNAPSHOT_BIDS = ascii(",\"bids\":[");
    private static final byte[] SNAPSHOT_ASKS = ascii("],\"asks\":[");
    private static final byte[] SNAPSHOT_CLOSE = ascii("]}");

    private final Context ctx;
    private final VenueFrameHandler handler;
    private final InstrumentRegistry registry;
    private final SyntheticRandom random;
    private final TimerHeap timers;
    private final SyntheticBooks books;
    private final AsciiFrameBuffer frames;
    private final AsciiFrameBuffer snapshotBuffer;
    private final Int2IntHashMap indexById;
    private final int count;
    private final int depth;
    private final long depthIntervalNs;
    private final long markPriceIntervalNs;
    private final long klineUpdateIntervalNs;
    private final byte[] depthStreamSuffix;
    private final byte[] markPriceStreamSuffix;
    private final double eventScale;

    // Reference data, per instrument index.
    private final String[] symbols;
    private final byte[][] upperSymbols;
    private final byte[][] lowerSymbols;
    private final int[] instrumentIds;
    private final int[] priceDecimals;
    private final int[] sizeDecimals;
    private final double[] tickValues;
    private final double[] lotValues;
    private final double[] logInitialPrices;
    private final double[] activities;
    private final double[] betas;
    private final double[] baseIdiosyncraticVariances;
    private final int[] baseSpreadTicks;
    private final double[] levelGapProbabilities;
    private final int[] maxLevelGaps;
    private final double[] levelBaseLots;
    private final double[] tradeBaseLots;
    private final double[] basisMeans;
    private final double[] baseTradeRates;
    private final double[] baseQuoteRates;

    // Price process.
    private double marketLog;
    private double marketVariance;
    private double marketReturnAccumulator;
    private final double marketBaseVariance;
    private final double[] idiosyncratic;
    private final double[] idiosyncraticVariances;
    private final double[] idiosyncraticAccumulators;
    private final double[] baselineVariances;
    private final long[] fairUpdateTimesNs;
    private final double[] bases;
    private final double[] premiumAverages;
    private final double[] settleAverages;

    // Book and streams.
    private final long[] lastUpdateIds;
    private final long[] firstPendingIds;
    private final long[] publishedUpdateIds;
    private final boolean[] restateOnFlush;
    private final long[] lastBookChangeMs;
    private final long[] nextTradeIds;
    private final double[] spreadQuantiles;
    private final double[] tradeProbabilities;
    private final int[] diffTicks;
    private final long[] diffLots;

    // Klines.
    private final long[] barOpenMs;
    private final int[] barOpen;
    private final int[] barHigh;
    private final int[] barLow;
    private final int[] barClose;
    private final long[] barVolume;
    private final long[] barTakerBuyVolume;
    private final long[] barQuoteVolume;
    private final long[] barTakerBuyQuoteVolume;
    private final long[] barTradeCount;
    private final long[] barFirstTradeId;
    private final long[] barLastTradeId;
    private final int lookbackBars;
    private final int[] closedBarHighs;
    private final int[] closedBarLows;
    private final long[] closedBarCounts;

    // History: closed klines before the start, from its own random streams so the live frames do not depend on it.
    private final int historyBars;
    private final long historyEndMs;
    private final double[] historyMarketReturns;
    private final double[] historyLogs;
    private final int[] historyCloses;
    private final long[] historyTradeIds;
    private SyntheticRandom historyPathRandom;
    private SyntheticRandom historyDetailRandom;
    private boolean historyPrepared;
    private int historyBar;
    private int historyInstrument;
    private double historyStepReturn;
    private long historyStepTrades;
    private long historyFrames;

    // Anomaly effects, per instrument.
    private final int[] activeAnomalies;
    private final long[] anomalyEndTimesNs;
    private final double[] tradeRateMultipliers;
    private final double[] quoteRateMultipliers;
    private final double[] tradeSizeMultipliers;
    private final double[] takerBiases;
    private final double[] volatilityMultipliers;
    private final double[] spreadMultipliers;
    private final byte[] heavySides;
    private final double[] heavyMultipliers;
    private final boolean[] pinned;
    private final double[] pinTargetLogs;
    private final long[] pinEndTimesNs;
    private final int[] cascadeTotals;
    private final int[] cascadeNext;
    private final double[] cascadeBaseLots;
    private final double[] cascadeGrowths;
    private final boolean[] cascadeSells;
    private final long[] cascadeStartTimesNs;
    private final boolean[] reservedByExplicitSchedule;
    private final AnomalyKind[] randomKinds;

    // Explicit schedule, sorted by start time.
    private final AnomalySpec[] explicitSpecs;
    private final int[] explicitInstruments;
    private int nextExplicit;

    // Ground truth, struct of arrays sized for an hour of anomalies, so recording one does not allocate.
    private byte[] truthKinds;
    private int[] truthInstruments;
    private long[] truthStartTimesNs;
    private long[] truthEndTimesNs;
    private byte[] truthDirections;
    private double[] truthMagnitudes;
    private int truthCount;

    // Per-event scratch.
    private int topBidTicks;
    private long topBidLots;
    private int topAskTicks;
    private long topAskLots;
    private long sweepNotional;
    private long sweepLastFill;

    private long currentTimeNs;
    private long eventCount;
    private long tradeFrames;
    private long bookTickerFrames;
    private long depthFrames;
    private long klineFrames;
    private long markPriceFrames;
    private long forceOrderFrames;
    private long snapshotFrames;

    /**
     * Build the universe, register its instruments in the context's registry and schedule the first events.
     *
     * @param ctx     configuration; concluded here if it was not.
     * @param handler receives every frame and snapshot.
     */
    public SyntheticMarket(final Context ctx, final VenueFrameHandler handler)
    {
        this.ctx = ctx.conclude();
        this.handler = Objects.requireNonNull(handler, "handler");
        this.registry = ctx.registry();
        this.random = new SyntheticRandom(ctx.seed());
        this.count = ctx.instrumentCount();
        this.depth = ctx.bookDepthLevels();
        this.depthIntervalNs = ctx.depthIntervalMs() * NANOS_PER_MILLI;
        this.markPriceIntervalNs = ctx.markPriceIntervalMs() * NANOS_PER_MILLI;
        this.klineUpdateIntervalNs = ctx.klineUpdateIntervalMs() * NANOS_PER_MILLI;
        this.depthStreamSuffix =
            ascii(250 == ctx.depthIntervalMs() ? "@depth" : "@depth@" + ctx.depthIntervalMs() + "ms");
        this.markPriceStreamSuffix = ascii(1000 == ctx.markPriceIntervalMs() ? "@markPrice@1s" : "@markPrice");
        this.timers = new TimerHeap(GLOBAL_SLOTS + count * SLOT_TYPES);
        this.books = new SyntheticBooks(count, depth);
        this.frames = new AsciiFrameBuffer(64 * 1024 + 4 * depth * LEVEL_ENTRY_LENGTH);
        this.snapshotBuffer = new AsciiFrameBuffer(SMALL_FRAME_LENGTH + 2 * depth * LEVEL_ENTRY_LENGTH);
        this.indexById = new Int2IntHashMap(count * 2, 0.65f, -1);
        this.diffTicks = new int[2 * depth + 4];
        this.diffLots = new long[2 * depth + 4];
        this.lookbackBars = ctx.breakoutLookbackBars();
        this.historyBars = ctx.historyBars();
        final long startMs = ctx.startTimeNs() / NANOS_PER_MILLI;
        this.historyEndMs = startMs - startMs % MINUTE_MS;
        this.historyMarketReturns = new double[historyBars];
        final int historyInstruments = historyBars > 0 ? count : 0;
        this.historyLogs = new double[historyInstruments];
        this.historyCloses = new int[historyInstruments];
        this.historyTradeIds = new long[historyInstruments];

        symbols = new String[count];
        upperSymbols = new byte[count][];
        lowerSymbols = new byte[count][];
        instrumentIds = new int[count];
        priceDecimals = new int[count];
        sizeDecimals = new int[count];
        tickValues = new double[count];
        lotValues = new double[count];
        logInitialPrices = new double[count];
        activities = new double[count];
        betas = new double[count];
        baseIdiosyncraticVariances = new double[count];
        baseSpreadTicks = new int[count];
        levelGapProbabilities = new double[count];
        maxLevelGaps = new int[count];
        levelBaseLots = new double[count];
        tradeBaseLots = new double[count];
        basisMeans = new double[count];
        baseTradeRates = new double[count];
        baseQuoteRates = new double[count];

        idiosyncratic = new double[count];
        idiosyncraticVariances = new double[count];
        idiosyncraticAccumulators = new double[count];
        baselineVariances = new double[count];
        fairUpdateTimesNs = new long[count];
        bases = new double[count];
        premiumAverages = new double[count];
        settleAverages = new double[count];

        lastUpdateIds = new long[count];
        firstPendingIds = new long[count];
        publishedUpdateIds = new long[count];
        restateOnFlush = new boolean[count];
        lastBookChangeMs = new long[count];
        nextTradeIds = new long[count];
        spreadQuantiles = new double[count];
        tradeProbabilities = new double[count];

        barOpenMs = new long[count];
        barOpen = new int[count];
        barHigh = new int[count];
        barLow = new int[count];
        barClose = new int[count];
        barVolume = new long[count];
        barTakerBuyVolume = new long[count];
        barQuoteVolume = new long[count];
        barTakerBuyQuoteVolume = new long[count];
        barTradeCount = new long[count];
        barFirstTradeId = new long[count];
        barLastTradeId = new long[count];
        closedBarHighs = new int[count * lookbackBars];
        closedBarLows = new int[count * lookbackBars];
        closedBarCounts = new long[count];

        activeAnomalies = new int[count];
        anomalyEndTimesNs = new long[count];
        tradeRateMultipliers = new double[count];
        quoteRateMultipliers = new double[count];
        tradeSizeMultipliers = new double[count];
        takerBiases = new double[count];
        volatilityMultipliers = new double[count];
        spreadMultipliers = new double[count];
        heavySides = new byte[count];
        heavyMultipliers = new double[count];
        pinned = new boolean[count];
        pinTargetLogs = new double[count];
        pinEndTimesNs = new long[count];
        cascadeTotals = new int[count];
        cascadeNext = new int[count];
        cascadeBaseLots = new double[count];
        cascadeGrowths = new double[count];
        cascadeSells = new boolean[count];
        cascadeStartTimesNs = new long[count];
        reservedByExplicitSchedule = new boolean[count];
        randomKinds = ctx.anomalyKinds().toArray(new AnomalyKind[0]);
        final int truthCapacity = (int)Math.min(1 << 20,
            256 + ctx.anomalySchedule().size() + (long)Math.ceil(count * ctx.anomalyRatePerInstrumentHour()));
        truthKinds = new byte[truthCapacity];
        truthInstruments = new int[truthCapacity];
        truthStartTimesNs = new long[truthCapacity];
        truthEndTimesNs = new long[truthCapacity];
        truthDirections = new byte[truthCapacity];
        truthMagnitudes = new double[truthCapacity];

        marketBaseVariance = MARKET_DAILY_VOLATILITY * MARKET_DAILY_VOLATILITY / SECONDS_PER_DAY;
        marketVariance = marketBaseVariance;

        buildUniverse();
        eventScale = solveEventScale();

        final List<AnomalySpec> specs = new ArrayList<>(ctx.anomalySchedule());
        specs.sort(Comparator.comparingLong(AnomalySpec::startTimeNs).thenComparing(AnomalySpec::symbol));
        explicitSpecs = specs.toArray(new AnomalySpec[0]);
        explicitInstruments = new int[explicitSpecs.length];
        final Map<String, Integer> indexBySymbol = new HashMap<>();
        for (int i = 0; i < count; i++)
        {
            indexBySymbol.put(symbols[i], i);
        }
        for (int s = 0; s < explicitSpecs.length; s++)
        {
            final int index = indexBySymbol.get(explicitSpecs[s].symbol());
            explicitInstruments[s] = index;
            reservedByExplicitSchedule[index] = true;
        }

        initialiseState();
    }

    // ------------------------------------------------------------------------------------------------ public API

    /**
     * Emit every event due up to {@code nowNs}, at most {@code limit} frames. Frames left over by the limit (one
     * event can produce several) are delivered first by the next call. Each frame's receive time is its event time.
     * History not yet delivered by {@link #emitHistory(int)} comes first: no live frame precedes the last historical
     * kline.
     *
     * @param nowNs epoch nanoseconds; events after it wait for a later call.
     * @param limit most frames to deliver, positive.
     * @return frames delivered (the work count, 0 when nothing was due).
     */
    public int generate(final long nowNs, final int limit)
    {
        int delivered = 0;
        if (historyBar < historyBars)
        {
            delivered = emitHistory(limit);
            if (historyBar < historyBars || delivered >= limit)
            {
                return delivered;
            }
        }
        delivered += deliver(limit - delivered);
        while (delivered < limit && !timers.isEmpty() && timers.peekDeadline() <= nowNs)
        {
            final long deadlineNs = timers.peekDeadline();
            final int slot = timers.poll();
            currentTimeNs = deadlineNs;
            onTimer(slot, deadlineNs);
            delivered += deliver(limit - delivered);
        }
        if (nowNs > currentTimeNs && !frames.hasPendingFrames() &&
            (timers.isEmpty() || timers.peekDeadline() > nowNs))
        {
            currentTimeNs = nowNs;
        }
        return delivered;
    }

    /**
     * Deliver up to {@code limit} frames of the configured history ({@link Context#historyBars()} closed 1m klines
     * per instrument, see the class documentation), oldest minute first and instruments in index order within a
     * minute, each with its close time plus 1 ms as event and receive time, like a live closing kline; returns 0
     * once all of it has been delivered, or at once when none is configured.
     * <p>
     * Optional: {@link #generate(long, int)} delivers whatever history is left before its first live frame, so a
     * driver that only calls {@code generate} gets the same frames in the same order. Calling this first lets a
     * driver seed its consumers in bounded batches before it starts the live clock. Either way the history is the
     * same bytes for the same seed, and the live frames are the same bytes with or without it (it draws from its own
     * random streams and leaves every live state as it was). Allocation free after the first call, which draws the
     * whole path once to anchor it at the start price.
     *
     * @param limit most frames to deliver, positive.
     * @return frames delivered (including live ones a snapshot request left pending), 0 when the history is done.
     */
    public int emitHistory(final int limit)
    {
        int delivered = deliver(limit);
        if (historyBar >= historyBars)
        {
            return delivered;
        }
        if (!historyPrepared)
        {
            prepareHistory();
        }
        while (delivered < limit && historyBar < historyBars && !frames.hasPendingFrames())
        {
            writeHistoryBar(historyInstrument, historyBar);
            if (++historyInstrument == count)
            {
                historyInstrument = 0;
                historyBar++;
            }
            delivered += deliver(limit - delivered);
        }
        return delivered;
    }

    /**
     * History frames not delivered yet.
     *
     * @return frames, 0 when the history is done or none is configured.
     */
    public long historyFramesRemaining()
    {
        return (long)(historyBars - historyBar) * count - historyInstrument;
    }

    /**
     * Deliver a REST depth snapshot of every instrument, in id order, through
     * {@link VenueFrameHandler#onDepthSnapshot}; see {@link #emitSnapshot(int, long)}.
     *
     * @param nowNs the reply's time, epoch nanoseconds.
     * @return snapshots delivered.
     */
    public int emitSnapshots(final long nowNs)
    {
        for (int i = 0; i < count; i++)
        {
            snapshot(i, nowNs);
        }
        return count;
    }

    /**
     * Deliver a REST depth snapshot of one instrument, as {@code GET /fapi/v1/depth} would answer now: the book with
     * every event generated so far, including ones whose frames a limit still holds back.
     * <p>
     * Like the real venue, the snapshot's {@code lastUpdateId} falls inside the next depth diff's {@code [U, u]}:
     * taking a snapshot gives the book a new update id and makes the next diff (at most one depth interval later)
     * restate the best levels even if nothing else changed, so a client following Binance's futures procedure always
     * finds the bridging event. Changes not yet published are first sent as a diff stamped with the snapshot's time
     * (its {@code u} is below the snapshot's id, so a client syncing from the snapshot drops it), which makes the
     * snapshot the published book and the next diff exact for every client. These frames and the extra id are the
     * only effects of a snapshot on what follows; they wait for the next {@link #generate(long, int)}. May be called
     * from within {@link VenueFrameHandler#onFrame}, as a book builder does when it sees a gap.
     *
     * @param instrumentId registry id of a synthetic instrument.
     * @param nowNs        the reply's time, epoch nanoseconds.
     * @throws IllegalArgumentException if the id is not one of this market's instruments.
     */
    public void emitSnapshot(final int instrumentId, final long nowNs)
    {
        final int index = indexById.get(instrumentId);
        if (index < 0)
        {
            throw new IllegalArgumentException("instrument id " + instrumentId + " is not in the synthetic market");
        }
        snapshot(index, nowNs);
    }

    /**
     * The anomalies started so far (start time at or before the last generated event), in start order.
     *
     * @return an immutable list.
     */
    public List<InjectedAnomaly> groundTruth()
    {
        final List<InjectedAnomaly> list = new ArrayList<>(truthCount);
        for (int a = 0; a < truthCount; a++)
        {
            final int index = truthInstruments[a];
            list.add(new InjectedAnomaly(
                KINDS[truthKinds[a]], instrumentIds[index], symbols[index], truthStartTimesNs[a], truthEndTimesNs[a],
                Direction.get(truthDirections[a]), truthMagnitudes[a]));
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Number of anomalies started so far; allocation free.
     *
     * @return the count.
     */
    public int groundTruthCount()
    {
        return truthCount;
    }

    /**
     * Write {@link #groundTruth()} as JSON lines.
     *
     * @param file to create or replace.
     */
    public void writeGroundTruth(final Path file)
    {
        InjectedAnomaly.writeJsonLines(groundTruth(), file);
    }

    /**
     * A USD-M style {@code exchangeInfo} reply describing this universe ({@code futuresType} {@code U_MARGINED},
     * perpetual contracts with PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE and MIN_NOTIONAL filters), for an exchange
     * simulator to serve; {@link io.hellmoon.codecs.BinanceExchangeInfo} reads it back.
     *
     * @param serverTimeMs the reply's {@code serverTime}.
     * @return the JSON text.
     */
    public String exchangeInfoJson(final long serverTimeMs)
    {
        final StringBuilder json = new StringBuilder(256 + count * 900);
        json.append("{\"timezone\":\"UTC\",\"serverTime\":").append(serverTimeMs)
            .append(",\"futuresType\":\"U_MARGINED\",\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",")
            .append("\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":2400},{\"rateLimitType\":\"ORDERS\",")
            .append("\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":1200}],\"exchangeFilters\":[],")
            .append("\"assets\":[{\"asset\":\"").append(ctx.quoteAsset())
            .append("\",\"marginAvailable\":true,\"autoAssetExchange\":\"-10000\"}],\"symbols\":[");
        for (int i = 0; i < count; i++)
        {
            final Instrument instrument = registry.get(instrumentIds[i]);
            final int pd = priceDecimals[i];
            final int sd = sizeDecimals[i];
            final String tick = decimalText(1, pd);
            final String step = decimalText(1, sd);
            final long maxLots = Math.max(1L, (long)(1e7 / (lotValues[i] * Math.exp(logInitialPrices[i]))));
            final String maxQty = decimalText(maxLots, 0);
            if (i > 0)
            {
                json.append(',');
            }
            json.append("{\"symbol\":\"").append(symbols[i]).append("\",\"pair\":\"").append(symbols[i])
                .append("\",\"contractType\":\"PERPETUAL\",\"deliveryDate\":4133404800000,\"onboardDate\":")
                .append(TimeUnit.NANOSECONDS.toMillis(ctx.startTimeNs()))
                .append(",\"status\":\"TRADING\",\"maintMarginPercent\":\"2.5000\",")
                .append("\"requiredMarginPercent\":\"5.0000\",\"baseAsset\":\"").append(instrument.baseAsset())
                .append("\",\"quoteAsset\":\"").append(instrument.quoteAsset())
                .append("\",\"marginAsset\":\"").append(instrument.quoteAsset())
                .append("\",\"pricePrecision\":").append(pd)
                .append(",\"quantityPrecision\":").append(sd)
                .append(",\"baseAssetPrecision\":8,\"quotePrecision\":8,\"underlyingType\":\"COIN\",")
                .append("\"underlyingSubType\":[],\"settlePlan\":0,\"triggerProtect\":\"0.0500\",\"filters\":[")
                .append("{\"minPrice\":\"").append(tick).append("\",\"maxPrice\":\"1000000\",")
                .append("\"filterType\":\"PRICE_FILTER\",\"tickSize\":\"").append(tick).append("\"},")
                .append("{\"stepSize\":\"").append(step).append("\",\"filterType\":\"LOT_SIZE\",\"maxQty\":\"")
                .append(maxQty).append("\",\"minQty\":\"").append(step).append("\"},")
                .append("{\"stepSize\":\"").append(step).append("\",\"filterType\":\"MARKET_LOT_SIZE\",")
                .append("\"maxQty\":\"").append(maxQty).append("\",\"minQty\":\"").append(step).append("\"},")
                .append("{\"limit\":200,\"filterType\":\"MAX_NUM_ORDERS\"},")
                .append("{\"notional\":\"5\",\"filterType\":\"MIN_NOTIONAL\"}],")
                .append("\"orderTypes\":[\"LIMIT\",\"MARKET\",\"STOP\",\"STOP_MARKET\",\"TAKE_PROFIT\",")
                .append("\"TAKE_PROFIT_MARKET\",\"TRAILING_STOP_MARKET\"],")
                .append("\"timeInForce\":[\"GTC\",\"IOC\",\"FOK\",\"GTX\"]}");
        }
        json.append("]}");
        return json.toString();
    }

    /**
     * Write {@link #exchangeInfoJson(long)} to a file.
     *
     * @param file         to create or replace.
     * @param serverTimeMs the reply's {@code serverTime}.
     */
    public void writeExchangeInfo(final Path file, final long serverTimeMs)
    {
        try
        {
            Files.writeString(file, exchangeInfoJson(serverTimeMs), StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write exchangeInfo " + file, ex);
        }
    }

    /**
     * The concluded context.
     *
     * @return the context.
     */
    public Context context()
    {
        return ctx;
    }

    /**
     * Number of instruments.
     *
     * @return the count.
     */
    public int instrumentCount()
    {
        return count;
    }

    /**
     * Registry id of the instrument at an index (0-based, symbol number minus one).
     *
     * @param index from 0 to {@link #instrumentCount()} - 1.
     * @return the registry id.
     */
    public int instrumentId(final int index)
    {
        return instrumentIds[index];
    }

    /**
     * Index of a registry id, or -1 if it is not one of this market's instruments; allocation free.
     *
     * @param instrumentId registry id.
     * @return the index or -1.
     */
    public int indexOf(final int instrumentId)
    {
        return indexById.get(instrumentId);
    }

    /**
     * Symbol of the instrument at an index.
     *
     * @param index of the instrument.
     * @return the symbol, e.g. {@code SYN0001USDT}.
     */
    public String symbol(final int index)
    {
        return symbols[index];
    }

    /**
     * Baseline order-flow event rate of an instrument (events per second outside anomalies); each event is a trade
     * with probability 0.3, so this orders instruments by activity.
     *
     * @param index of the instrument.
     * @return events per second.
     */
    public double baselineEventRate(final int index)
    {
        return baseTradeRates[index] + baseQuoteRates[index];
    }

    /**
     * Baseline spread of an instrument in ticks.
     *
     * @param index of the instrument.
     * @return ticks.
     */
    public int baselineSpreadTicks(final int index)
    {
        return baseSpreadTicks[index];
    }

    /**
     * Standard deviation of an instrument's 1m log return under its baseline model variance,
     * {@code sqrt(60 s * (beta^2 * hbarM + hbar_i))}: what the history draws from, and the level the live GARCH
     * volatility reverts to.
     *
     * @param index of the instrument.
     * @return the per-minute volatility.
     */
    public double baselineMinuteVolatility(final int index)
    {
        return Math.sqrt(baselineMinuteVariance(index));
    }

    /**
     * Beta of an instrument to the market factor.
     *
     * @param index of the instrument.
     * @return the beta, 0.1 to 2.2.
     */
    public double marketBeta(final int index)
    {
        return betas[index];
    }

    /**
     * Standard deviation of the market factor's 1m log return under its baseline variance,
     * {@code sqrt(60 s * hbarM)}; with {@link #marketBeta(int)} and {@link #baselineMinuteVolatility(int)} it gives
     * the model's correlation of two instruments, {@code beta_i * beta_j * sigmaM^2 / (sigma_i * sigma_j)}.
     *
     * @return the per-minute volatility.
     */
    public double marketMinuteVolatility()
    {
        return Math.sqrt(60.0 * marketBaseVariance);
    }

    /**
     * Tick size as a fraction of the initial price.
     *
     * @param index of the instrument.
     * @return relative tick.
     */
    public double relativeTick(final int index)
    {
        return tickValues[index] / Math.exp(logInitialPrices[index]);
    }

    /**
     * Book update id of an instrument's current book (the {@code u} its next diff or book ticker reflects).
     *
     * @param instrumentId registry id.
     * @return the id.
     */
    public long lastUpdateId(final int instrumentId)
    {
        return lastUpdateIds[indexById.get(instrumentId)];
    }

    /**
     * Copy one side of an instrument's current book, best first, as mantissas at
     * {@link InstrumentRegistry#DEFAULT_EXPONENT}; for tests and tools.
     *
     * @param instrumentId   registry id.
     * @param bids           true for bids, false for asks.
     * @param priceMantissas receives prices, at least the book depth long.
     * @param sizeMantissas  receives sizes, at least the book depth long.
     * @return number of levels copied.
     */
    public int bookSide(
        final int instrumentId, final boolean bids, final long[] priceMantissas, final long[] sizeMantissas)
    {
        final int index = indexById.get(instrumentId);
        final int levels = books.count(index, bids);
        final long priceScale = POWERS_OF_TEN[8 - priceDecimals[index]];
        final long sizeScale = POWERS_OF_TEN[8 - sizeDecimals[index]];
        for (int k = 0; k < levels; k++)
        {
            priceMantissas[k] = books.ticks(index, bids, k) * priceScale;
            sizeMantissas[k] = books.lots(index, bids, k) * sizeScale;
        }
        return levels;
    }

    /**
     * Time of the last event processed, or of the last call to {@link #generate(long, int)} that had nothing more to
     * do; snapshots are taken as of this time.
     *
     * @return epoch nanoseconds.
     */
    public long currentTimeNs()
    {
        return currentTimeNs;
    }

    /**
     * When the next event is due; a driver can sleep until then.
     *
     * @return epoch nanoseconds.
     */
    public long nextEventTimeNs()
    {
        return frames.hasPendingFrames() || historyBar < historyBars ? currentTimeNs : timers.peekDeadline();
    }

    /**
     * Order-flow, liquidation, anomaly and periodic events processed so far.
     *
     * @return the count.
     */
    public long eventCount()
    {
        return eventCount;
    }

    /**
     * {@code @trade} frames produced so far.
     *
     * @return the count.
     */
    public long tradeFrames()
    {
        return tradeFrames;
    }

    /**
     * {@code @bookTicker} frames produced so far.
     *
     * @return the count.
     */
    public long bookTickerFrames()
    {
        return bookTickerFrames;
    }

    /**
     * Diff-depth frames produced so far.
     *
     * @return the count.
     */
    public long depthFrames()
    {
        return depthFrames;
    }

    /**
     * Live {@code @kline_1m} frames produced so far (history excluded).
     *
     * @return the count.
     */
    public long klineFrames()
    {
        return klineFrames;
    }

    /**
     * Historical {@code @kline_1m} frames produced so far.
     *
     * @return the count.
     */
    public long historyFrames()
    {
        return historyFrames;
    }

    /**
     * Mark price frames produced so far.
     *
     * @return the count.
     */
    public long markPriceFrames()
    {
        return markPriceFrames;
    }

    /**
     * {@code @forceOrder} frames produced so far.
     *
     * @return the count.
     */
    public long forceOrderFrames()
    {
        return forceOrderFrames;
    }

    /**
     * Depth snapshots delivered so far.
     *
     * @return the count.
     */
    public long snapshotCount()
    {
        return snapshotFrames;
    }

    /**
     * All stream frames produced so far, history included (snapshots excluded).
     *
     * @return the count.
     */
    public long frameCount()
    {
        return tradeFrames + bookTickerFrames + depthFrames + klineFrames + markPriceFrames + forceOrderFrames +
            historyFrames;
    }

    // ------------------------------------------------------------------------------------------------ set-up

    private void buildUniverse()
    {
        final double logMin = Math.log(ctx.minPrice());
        final double logMax = Math.log(ctx.maxPrice());
        final int digits = Math.max(4, Integer.toString(count).length());
        final Venue venue = ctx.venue();
        final String quote = ctx.quoteAsset();

        for (int i = 0; i < count; i++)
        {
            final double logPrice = logMin + (logMax - logMin) * random.nextDouble();
            final double price = StrictMath.exp(logPrice);
            final int magnitude = (int)Math.floor(StrictMath.log10(price));
            final int tickExponent = clamp(magnitude - 4 + (random.nextBoolean(0.35) ? 1 : 0), -8, 0);
            final double lotNotional = StrictMath.pow(10.0, random.nextDouble(-1.0, 1.0));
            final int stepExponent = clamp((int)Math.round(StrictMath.log10(lotNotional / price)), -8, 0);
            final double activity = Math.min(random.nextPareto(ACTIVITY_PARETO_ALPHA), ACTIVITY_MAX);
            final double dailyVolatility =
                clamp(StrictMath.exp(StrictMath.log(0.045) + 0.35 * random.nextGaussian()), 0.015, 0.15);
            final double beta = clamp(1.0 + 0.35 * random.nextGaussian(), 0.1, 2.2);
            final double idiosyncraticDailyVariance = Math.max(
                dailyVolatility * dailyVolatility - beta * beta * MARKET_DAILY_VOLATILITY * MARKET_DAILY_VOLATILITY,
                0.09 * dailyVolatility * dailyVolatility);
            final double relativeSpread =
                2e-4 * StrictMath.pow(activity, -0.35) * StrictMath.exp(0.3 * random.nextGaussian());
            final double tick = StrictMath.pow(10.0, tickExponent);
            final double lot = StrictMath.pow(10.0, stepExponent);
            final int spreadTicks = clamp((int)Math.round(relativeSpread * price / tick), 1, 50);
            final double levelNotional =
                4_000.0 * StrictMath.pow(activity, 0.6) * StrictMath.exp(0.3 * random.nextGaussian());
            final double levelLots = Math.max(1.0, levelNotional / (price * lot));

            final String number = String.format(Locale.ROOT, "%0" + digits + "d", i + 1);
            final String symbol = ctx.symbolPrefix() + number + quote;
            symbols[i] = symbol;
            upperSymbols[i] = ascii(symbol);
            lowerSymbols[i] = ascii(symbol.toLowerCase(Locale.ROOT));
            priceDecimals[i] = -tickExponent;
            sizeDecimals[i] = -stepExponent;
            tickValues[i] = tick;
            lotValues[i] = lot;
            logInitialPrices[i] = logPrice;
            activities[i] = activity;
            betas[i] = beta;
            baseIdiosyncraticVariances[i] = idiosyncraticDailyVariance / SECONDS_PER_DAY;
            baseSpreadTicks[i] = spreadTicks;
            final double meanExtraGap = Math.min(4.0, spreadTicks / 4.0);
            levelGapProbabilities[i] = 1.0 / (1.0 + meanExtraGap);
            maxLevelGaps[i] = 2 + (int)Math.ceil(4.0 * meanExtraGap);
            levelBaseLots[i] = levelLots;
            tradeBaseLots[i] = Math.max(1.0, levelLots * TRADE_TO_LEVEL_RATIO);
            basisMeans[i] = 0.0006 * random.nextGaussian();

            final long tickMantissa = POWERS_OF_TEN[8 + tickExponent];
            final long stepMantissa = POWERS_OF_TEN[8 + stepExponent];
            final int id = registry.add(new Instrument(
                InstrumentRegistry.NULL_INSTRUMENT_ID, venue, symbol, InstrumentKind.PERPETUAL,
                InstrumentStatus.TRADING, InstrumentRegistry.DEFAULT_EXPONENT, InstrumentRegistry.DEFAULT_EXPONENT,
                tickMantissa, stepMantissa, stepMantissa, 5.0, 1.0, ctx.symbolPrefix() + number, quote));
            instrumentIds[i] = id;
            indexById.put(id, i);
        }
    }

    /**
     * The scale {@code s} of the event rates {@code lambda_i = s * w_i} that makes the expected frame rate equal the
     * target: trades and book tickers ({@link #FRAMES_PER_EVENT} per event), diffs (an instrument sends one per
     * interval in which it had an event: {@code (1 - exp(-lambda * interval)) / interval}), interim klines (likewise
     * for trades), plus the fixed-rate mark prices, closing klines and background liquidations.
     */
    private double solveEventScale()
    {
        final double depthSeconds = depthIntervalNs / (double)NANOS_PER_SECOND;
        final double klineSeconds = klineUpdateIntervalNs / (double)NANOS_PER_SECOND;
        final double fixedRate = fixedFrameRate(ctx);
        final double target = ctx.messageRate() - fixedRate;

        double low = 1e-9;
        double high = 1e9;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            final double middle = Math.sqrt(low * high);
            double rate = 0.0;
            for (int i = 0; i < count; i++)
            {
                final double lambda = middle * activities[i];
                rate += lambda * FRAMES_PER_EVENT + (1.0 - Math.exp(-lambda * depthSeconds)) / depthSeconds;
                if (klineSeconds > 0.0)
                {
                    rate += (1.0 - Math.exp(-lambda * TRADING_EVENT_SHARE * klineSeconds)) / klineSeconds;
                }
            }
            if (rate > target)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }
        return Math.sqrt(low * high);
    }

    static double fixedFrameRate(final Context ctx)
    {
        return ctx.instrumentCount() *
            (1000.0 / ctx.markPriceIntervalMs() + 1.0 / 60.0 + 2.0 * ctx.liquidationRatePerInstrumentHour() / 3600.0);
    }

    private void initialiseState()
    {
        final long startNs = ctx.startTimeNs();
        final long startMs = startNs / NANOS_PER_MILLI;
        currentTimeNs = startNs;

        for (int i = 0; i < count; i++)
        {
            final double eventRate = eventScale * activities[i];
            baseTradeRates[i] = eventRate * TRADE_PROBABILITY;
            baseQuoteRates[i] = eventRate * (1.0 - TRADE_PROBABILITY);
            idiosyncraticVariances[i] = baseIdiosyncraticVariances[i];
            baselineVariances[i] = baseIdiosyncraticVariances[i] + betas[i] * betas[i] * marketBaseVariance;
            fairUpdateTimesNs[i] = startNs;
            bases[i] = basisMeans[i];
            premiumAverages[i] = basisMeans[i];
            settleAverages[i] = Math.exp(logInitialPrices[i]);
            spreadQuantiles[i] = baseSpreadTicks[i];
            activeAnomalies[i] = -1;
            resetAnomalyEffects(i);

            final long firstId = 100_000_000_000L + random.nextLong(900_000_000_000L);
            lastUpdateIds[i] = firstId;
            publishedUpdateIds[i] = firstId;
            nextTradeIds[i] = 1_000_000L + random.nextLong(1_000_000_000L);
            lastBookChangeMs[i] = startMs;

            maintain(i, fairTicks(i), true);
            books.markPublished(i);

            final int mid = (books.bestBid(i) + books.bestAsk(i)) >>> 1;
            barOpenMs[i] = startMs - startMs % MINUTE_MS;
            barOpen[i] = mid;
            barHigh[i] = mid;
            barLow[i] = mid;
            barClose[i] = mid;
            barFirstTradeId[i] = -1;
            barLastTradeId[i] = -1;

            scheduleOrderFlow(i, startNs);
            timers.schedule(slot(i, KLINE_CLOSE), (barOpenMs[i] + MINUTE_MS) * NANOS_PER_MILLI);
            timers.schedule(slot(i, MARK_PRICE), nextMultiple(startNs, markPriceIntervalNs));
            scheduleLiquidation(i, startNs);
        }

        timers.schedule(GLOBAL_VOLATILITY_TICK, startNs + VOLATILITY_TICK_NS);
        timers.schedule(GLOBAL_MARKET_STEP, startNs + MARKET_STEP_NS);
        if (explicitSpecs.length > 0)
        {
            timers.schedule(GLOBAL_EXPLICIT_SCHEDULE, explicitSpecs[0].startTimeNs());
        }
        scheduleRandomAnomaly(startNs + ctx.anomalyWarmUpNs());
    }

    // ------------------------------------------------------------------------------------------------ history

    private double baselineMinuteVariance(final int i)
    {
        return 60.0 * (betas[i] * betas[i] * marketBaseVariance + baseIdiosyncraticVariances[i]);
    }

    /**
     * Anchor the history: the path is drawn forwards, so a first pass draws every return and trade count to find
     * where it must start for the last close to be the start price and the last trade id to precede the first live
     * one; the second pass (the emission) replays the same stream from the same seed.
     */
    private void prepareHistory()
    {
        historyPrepared = true;
        final long pathSeed = ctx.seed() ^ HISTORY_PATH_SALT;
        final SyntheticRandom firstPass = new SyntheticRandom(pathSeed);
        drawHistoryMarketPath(firstPass);
        for (int b = 0; b < historyBars; b++)
        {
            for (int i = 0; i < count; i++)
            {
                drawHistoryStep(firstPass, i, b);
                historyLogs[i] += historyStepReturn;
                historyTradeIds[i] += historyStepTrades;
            }
        }
        for (int i = 0; i < count; i++)
        {
            // barOpen is still the initial mid: history is done before any live event (generate drains it first).
            historyLogs[i] = StrictMath.log(barOpen[i]) - historyLogs[i];
            historyCloses[i] = (int)Math.max(1L, Math.round(StrictMath.exp(historyLogs[i])));
            final long firstTradeId = nextTradeIds[i] - historyTradeIds[i];
            historyTradeIds[i] = firstTradeId >= 1 ? firstTradeId : 0;
        }
        historyPathRandom = new SyntheticRandom(pathSeed);
        drawHistoryMarketPath(historyPathRandom);
        historyDetailRandom = new SyntheticRandom(ctx.seed() ^ HISTORY_DETAIL_SALT);
    }

    private void drawHistoryMarketPath(final SyntheticRandom random)
    {
        final double deviation = Math.sqrt(60.0 * marketBaseVariance);
        for (int b = 0; b < historyBars; b++)
        {
            historyMarketReturns[b] = deviation * random.nextGaussian();
        }
    }

    /**
     * The draws both passes make for one bar: its log return and its trade count (at least one in the last bar, whose
     * close must be a trade at the start price).
     */
    private void drawHistoryStep(final SyntheticRandom random, final int i, final int b)
    {
        historyStepReturn = betas[i] * historyMarketReturns[b] +
            Math.sqrt(60.0 * baseIdiosyncraticVariances[i]) * random.nextGaussian();
        final long trades =
            random.nextPoisson(TRADES_PER_EVENT * (baseTradeRates[i] + baseQuoteRates[i]) * 60.0);
        historyStepTrades = b == historyBars - 1 ? Math.max(1L, trades) : trades;
    }

    private void writeHistoryBar(final int i, final int b)
    {
        drawHistoryStep(historyPathRandom, i, b);
        final SyntheticRandom random = historyDetailRandom;
        final double from = historyLogs[i];
        final double to = from + historyStepReturn;
        historyLogs[i] = to;
        final long trades = historyStepTrades;
        final long openMs = historyEndMs - (long)(historyBars - b) * MINUTE_MS;
        final long eventTimeNs = (openMs + MINUTE_MS) * NANOS_PER_MILLI;

        final double variance = baselineMinuteVariance(i);
        final double move = to - from;
        double highLog = 0.5 * (from + to + Math.sqrt(move * move - 2.0 * variance * StrictMath.log(
            1.0 - random.nextDouble())));
        double lowLog = 0.5 * (from + to - Math.sqrt(move * move - 2.0 * variance * StrictMath.log(
            1.0 - random.nextDouble())));

        final int open = historyCloses[i];
        if (0 == trades)
        {
            // An empty bar repeats the previous close, as a live one does.
            putKline(i, eventTimeNs, openMs, -1, -1, open, open, open, open, 0, 0, true, 0, 0, 0);
            historyFrames++;
            return;
        }

        final int close = b == historyBars - 1 ? barOpen[i] : (int)Math.max(1L, Math.round(StrictMath.exp(to)));
        final double shift = DISCRETE_MONITORING_SHIFT * Math.sqrt(variance / trades);
        highLog -= shift;
        lowLog += shift;
        final int high = (int)Math.max(Math.max(open, close), Math.ceil(StrictMath.exp(highLog)));
        final int low = (int)Math.max(1.0, Math.min(Math.min(open, close), Math.floor(StrictMath.exp(lowLog))));

        final double buyProbability =
            0.5 + HISTORY_TAKER_LEAN * clamp(move / Math.sqrt(variance), -2.0, 2.0);
        final double baseLots = tradeBaseLots[i];
        final int exact = (int)Math.min(trades, HISTORY_EXACT_TRADES);
        long volume = 0;
        long buyVolume = 0;
        for (int t = 0; t < exact; t++)
        {
            final long lots =
                Math.max(1L, (long)(baseLots * Math.min(random.nextPareto(TRADE_SIZE_PARETO_ALPHA), TRADE_SIZE_CAP)));
            volume += lots;
            if (random.nextBoolean(buyProbability))
            {
                buyVolume += lots;
            }
        }
        final long rest = trades - exact;
        if (rest > 0)
        {
            // The sum of the other trades' sizes by the central limit theorem: exact draws of each would cost a
            // few transcendental calls per trade, and the largest ones are already among the exact.
            final double lots =
                baseLots * (rest * TRADE_SIZE_MEAN + Math.sqrt(rest) * TRADE_SIZE_DEVIATION * random.nextGaussian());
            final long restVolume = Math.max(rest, Math.round(lots));
            volume += restVolume;
            buyVolume += Math.round(restVolume * buyProbability);
        }
        final double averageTicks = (open + high + low + close) * 0.25;

        long firstTradeId = -1;
        long lastTradeId = -1;
        final long nextTradeId = historyTradeIds[i];
        if (0 != nextTradeId)
        {
            firstTradeId = nextTradeId;
            lastTradeId = nextTradeId + trades - 1;
            historyTradeIds[i] = nextTradeId + trades;
        }

        putKline(i, eventTimeNs, openMs, firstTradeId, lastTradeId, open, close, high, low, volume, trades, true,
            Math.round(volume * averageTicks), buyVolume, Math.round(buyVolume * averageTicks));
        historyCloses[i] = close;
        historyFrames++;
    }

    // ------------------------------------------------------------------------------------------------ timers

    private static int slot(final int index, final int type)
    {
        return GLOBAL_SLOTS + index * SLOT_TYPES + type;
    }

    private void onTimer(final int slot, final long timeNs)
    {
        eventCount++;
        if (slot < GLOBAL_SLOTS)
        {
            switch (slot)
            {
                case GLOBAL_VOLATILITY_TICK -> onVolatilityTick(timeNs);
                case GLOBAL_MARKET_STEP -> onMarketStep(timeNs);
                case GLOBAL_EXPLICIT_SCHEDULE -> onExplicitSchedule(timeNs);
                default -> onRandomAnomaly(timeNs);
            }
            return;
        }

        final int index = (slot - GLOBAL_SLOTS) / SLOT_TYPES;
        switch ((slot - GLOBAL_SLOTS) % SLOT_TYPES)
        {
            case KLINE_CLOSE -> onKlineClose(index, timeNs);
            case MARK_PRICE -> onMarkPrice(index, timeNs);
            case ANOMALY -> onAnomalyTimer(index, timeNs);
            case ORDER_FLOW -> onOrderFlow(index, timeNs);
            case LIQUIDATION -> onBackgroundLiquidation(index, timeNs);
            case KLINE_PUSH -> onKlinePush(index, timeNs);
            default -> onDepthFlush(index, timeNs);
        }
    }

    private int deliver(final int limit)
    {
        int delivered = 0;
        final AsciiFrameBuffer frames = this.frames;
        while (delivered < limit && frames.hasPendingFrames())
        {
            final int offset = frames.nextFrameOffset();
            final int length = frames.nextFrameLength();
            final long timeNs = frames.nextFrameTimeNs();
            delivered++;
            // Advance only after the handler returns: a snapshot it requests meanwhile appends frames behind this
            // one, and must not reuse the buffer while the handler still reads it.
            handler.onFrame(frames.view(), offset, length, timeNs);
            frames.advance();
        }
        return delivered;
    }

    private void onMarketStep(final long timeNs)
    {
        final double step = Math.sqrt(marketVariance * MARKET_STEP_SECONDS) * random.nextGaussian();
        marketLog += step;
        marketReturnAccumulator += step;
        timers.schedule(GLOBAL_MARKET_STEP, timeNs + MARKET_STEP_NS);
    }

    private void onVolatilityTick(final long timeNs)
    {
        marketVariance = garch(marketVariance, marketBaseVariance, marketReturnAccumulator);
        marketReturnAccumulator = 0.0;
        final double baselineWeight = 1.0 - Math.exp(-1.0 / VOLATILITY_BASELINE_SECONDS);
        for (int i = 0; i < count; i++)
        {
            advanceFair(i, timeNs);
            idiosyncraticVariances[i] =
                garch(idiosyncraticVariances[i], baseIdiosyncraticVariances[i], idiosyncraticAccumulators[i]);
            idiosyncraticAccumulators[i] = 0.0;
            if (volatilityMultipliers[i] <= 1.0)
            {
                final double beta = betas[i];
                baselineVariances[i] +=
                    (beta * beta * marketVariance + idiosyncraticVariances[i] - baselineVariances[i]) * baselineWeight;
            }
        }
        timers.schedule(GLOBAL_VOLATILITY_TICK, timeNs + VOLATILITY_TICK_NS);
    }

    private static double garch(final double variance, final double baseVariance, final double oneSecondReturn)
    {
        final double next = baseVariance * (1.0 - GARCH_ALPHA - GARCH_BETA) +
            GARCH_ALPHA * oneSecondReturn * oneSecondReturn + GARCH_BETA * variance;
        return clamp(next, GARCH_MIN_RATIO * baseVariance, GARCH_MAX_RATIO * baseVariance);
    }

    // ------------------------------------------------------------------------------------------------ prices

    private double fairLog(final int i)
    {
        return logInitialPrices[i] + betas[i] * marketLog + idiosyncratic[i];
    }

    private double fairTicks(final int i)
    {
        double ticks = StrictMath.exp(fairLog(i)) / tickValues[i];
        if (ticks < MIN_FAIR_TICKS)
        {
            // Keep prices away from zero ticks: nudge the idiosyncratic part back up.
            idiosyncratic[i] += StrictMath.log(MIN_FAIR_TICKS / ticks);
            ticks = MIN_FAIR_TICKS;
        }
        return ticks;
    }

    /**
     * Move the idiosyncratic part of the fair value to {@code timeNs}: diffusion at the current GARCH variance (scaled
     * in a VOLATILITY_EXPANSION) and, while pinned, a Brownian bridge step towards the anomaly's target.
     */
    private void advanceFair(final int i, final long timeNs)
    {
        final long previousNs = fairUpdateTimesNs[i];
        if (timeNs <= previousNs)
        {
            return;
        }
        fairUpdateTimesNs[i] = timeNs;

        final double seconds = (timeNs - previousNs) / (double)NANOS_PER_SECOND;
        final double variance = idiosyncraticVariances[i];
        final double noise = Math.sqrt(variance * seconds) * random.nextGaussian();
        idiosyncraticAccumulators[i] += noise;

        final double k = volatilityMultipliers[i];
        if (k > 1.0)
        {
            // Total variance k^2 times the 5 min baseline: the idiosyncratic part makes up what the market lacks.
            final double beta = betas[i];
            final double scale =
                Math.sqrt(Math.max(1.0, (k * k * baselineVariances[i] - beta * beta * marketVariance) / variance));
            idiosyncratic[i] += noise * scale;
        }
        else
        {
            idiosyncratic[i] += noise;
        }

        if (pinned[i] && previousNs < pinEndTimesNs[i])
        {
            final double fraction =
                (Math.min(timeNs, pinEndTimesNs[i]) - previousNs) / (double)(pinEndTimesNs[i] - previousNs);
            idiosyncratic[i] += (pinTargetLogs[i] - fairLog(i)) * fraction;
        }
    }

    // ------------------------------------------------------------------------------------------------ order flow

    private void scheduleOrderFlow(final int i, final long timeNs)
    {
        final double multiplier = tradeRateMultipliers[i];
        double tradeRate = baseTradeRates[i] * multiplier;
        if (multiplier > 1.0)
        {
            tradeRate = Math.max(tradeRate, multiplier);
        }
        final double quoteRate = baseQuoteRates[i] * quoteRateMultipliers[i];
        final double totalRate = tradeRate + quoteRate;
        tradeProbabilities[i] = tradeRate / totalRate;
        final long delayNs = Math.max(1L, (long)(random.nextExponential() / totalRate * NANOS_PER_SECOND));
        timers.schedule(slot(i, ORDER_FLOW), timeNs + delayNs);
    }

    private void onOrderFlow(final int i, final long timeNs)
    {
        advanceFair(i, timeNs);
        final double fair = fairTicks(i);
        final long id = beginBookEvent(i);

        resolveStaleQuotes(i, timeNs, fair);
        final double draw = random.nextDouble();
        final double tradeProbability = tradeProbabilities[i];
        if (draw < tradeProbability)
        {
            takerTrade(i, timeNs, fair);
        }
        else if (draw < tradeProbability + (1.0 - tradeProbability) * ADD_PROBABILITY)
        {
            addLiquidity(i);
        }
        else
        {
            cancelLiquidity(i);
        }
        maintain(i, fair, false);
        endBookEvent(i, timeNs, id);
        scheduleOrderFlow(i, timeNs);
    }

    private long beginBookEvent(final int i)
    {
        topBidTicks = books.bestBid(i);
        topAskTicks = books.bestAsk(i);
        topBidLots = 0 == books.count(i, true) ? 0 : books.lots(i, true, 0);
        topAskLots = 0 == books.count(i, false) ? 0 : books.lots(i, false, 0);
        final long id = lastUpdateIds[i] + 1 + random.nextInt(UPDATE_ID_MAX_GAP);
        lastUpdateIds[i] = id;
        return id;
    }

    private void endBookEvent(final int i, final long timeNs, final long id)
    {
        books.trim(i);
        final long timeMs = timeNs / NANOS_PER_MILLI;
        lastBookChangeMs[i] = timeMs;
        if (0 == firstPendingIds[i])
        {
            firstPendingIds[i] = id;
        }
        scheduleDepthFlush(i, timeNs);

        if (0 == books.count(i, true) || 0 == books.count(i, false))
        {
            return;
        }
        final int bid = books.bestBid(i);
        final int ask = books.bestAsk(i);
        final long bidLots = books.lots(i, true, 0);
        final long askLots = books.lots(i, false, 0);
        if (bid != topBidTicks || ask != topAskTicks || bidLots != topBidLots || askLots != topAskLots)
        {
            writeBookTicker(i, timeNs, id, bid, bidLots, ask, askLots);
            if (spreadMultipliers[i] <= 1.0)
            {
                // Streaming 65th percentile (Robbins-Monro) of the spreads clients see in book tickers: it settles
                // where 35 % of them are wider, adapting over about a thousand tickers.
                final double quantile = spreadQuantiles[i];
                final double step = SPREAD_QUANTILE_STEP * Math.max(1.0, quantile);
                spreadQuantiles[i] = ask - bid > quantile ? quantile + 0.65 * step : quantile - 0.35 * step;
            }
        }
    }

    private void scheduleDepthFlush(final int i, final long timeNs)
    {
        final int flushSlot = slot(i, DEPTH_FLUSH);
        if (!timers.isScheduled(flushSlot))
        {
            timers.schedule(flushSlot, nextMultiple(timeNs, depthIntervalNs));
        }
    }

    /**
     * Quotes the fair value has moved through are cancelled, best level first; the first one on a side may instead
     * be lifted by a taker. At most one lift per side keeps an illiquid instrument, whose fair value drifts several
     * levels between its events, from trading through the book in one burst.
     */
    private void resolveStaleQuotes(final int i, final long timeNs, final double fair)
    {
        boolean lifted = false;
        int guard = 2 * depth;
        while (books.count(i, false) > 0 && fair >= books.bestAsk(i) + 0.5 && guard-- > 0)
        {
            if (!lifted && random.nextBoolean(STALE_TRADE_PROBABILITY))
            {
                lifted = true;
                final long lots = Math.min(books.lots(i, false, 0), tradeLots(i));
                sweep(i, timeNs, true, lots, books.bestAsk(i));
            }
            else
            {
                books.remove(i, false, 0);
            }
        }
        lifted = false;
        guard = 2 * depth;
        while (books.count(i, true) > 0 && fair <= books.bestBid(i) - 0.5 && guard-- > 0)
        {
            if (!lifted && random.nextBoolean(STALE_TRADE_PROBABILITY))
            {
                lifted = true;
                final long lots = Math.min(books.lots(i, true, 0), tradeLots(i));
                sweep(i, timeNs, false, lots, books.bestBid(i));
            }
            else
            {
                books.remove(i, true, 0);
            }
        }
    }

    private long tradeLots(final int i)
    {
        final double size = tradeBaseLots[i] * Math.min(random.nextPareto(TRADE_SIZE_PARETO_ALPHA), TRADE_SIZE_CAP) *
            tradeSizeMultipliers[i];
        return Math.max(1L, (long)size);
    }

    private void takerTrade(final int i, final long timeNs, final double fair)
    {
        if (0 == books.count(i, true) || 0 == books.count(i, false))
        {
            return;
        }
        final double bid = books.bestBid(i);
        final double ask = books.bestAsk(i);
        final double halfSpread = Math.max(0.5, (ask - bid) * 0.5);
        final double lean = clamp((fair - (bid + ask) * 0.5) / halfSpread, -1.0, 1.0);
        final boolean buy = random.nextBoolean(0.5 + 0.3 * lean + takerBiases[i]);
        sweep(i, timeNs, buy, tradeLots(i), buy ? Integer.MAX_VALUE : Integer.MIN_VALUE);
    }

    /**
     * A taker order walking the book up to a limit price; one trade per level touched.
     *
     * @return lots filled; {@link #sweepNotional} and {@link #sweepLastFill} describe the fills.
     */
    private long sweep(final int i, final long timeNs, final boolean buy, final long lots, final long limitTicks)
    {
        final boolean makerSide = !buy;
        long remaining = lots;
        sweepNotional = 0;
        sweepLastFill = 0;
        while (remaining > 0 && books.count(i, makerSide) > 0)
        {
            final int price = books.ticks(i, makerSide, 0);
            if (buy ? price > limitTicks : price < limitTicks)
            {
                break;
            }
            final long available = books.lots(i, makerSide, 0);
            final long fill = Math.min(remaining, available);
            writeTrade(i, timeNs, price, fill, !buy, false);
            if (fill == available)
            {
                books.remove(i, makerSide, 0);
            }
            else
            {
                books.setLots(i, makerSide, 0, available - fill);
            }
            remaining -= fill;
            sweepNotional += price * fill;
            sweepLastFill = fill;
        }
        return lots - remaining;
    }

    private void addLiquidity(final int i)
    {
        final boolean bid = random.nextBoolean(0.5);
        final int levels = books.count(i, bid);
        if (0 == levels)
        {
            return;
        }
        final int bestBid = books.bestBid(i);
        final int bestAsk = books.bestAsk(i);
        if (spreadMultipliers[i] <= 1.0 && bestAsk - bestBid > Math.max(1, baseSpreadTicks[i]) &&
            random.nextBoolean(IMPROVE_PROBABILITY))
        {
            books.add(i, bid, bid ? bestBid + 1 : bestAsk - 1, levelLots(i, 0, bid));
        }
        else
        {
            final int level = Math.min(levels - 1, random.nextGeometric(LEVEL_PROBABILITY));
            final long added = Math.max(1L, (long)(levelLots(i, level, bid) * random.nextDouble(0.2, 0.8)));
            books.setLots(i, bid, level, books.lots(i, bid, level) + added);
        }
    }

    private void cancelLiquidity(final int i)
    {
        final boolean bid = random.nextBoolean(0.5);
        final int levels = books.count(i, bid);
        if (0 == levels)
        {
            return;
        }
        final int level = Math.min(levels - 1, random.nextGeometric(LEVEL_PROBABILITY));
        if (random.nextBoolean(REMOVE_LEVEL_PROBABILITY))
        {
            books.remove(i, bid, level);
        }
        else
        {
            final long lots = books.lots(i, bid, level);
            books.setLots(i, bid, level, Math.max(1L, (long)(lots * random.nextDouble(0.3, 0.9))));
        }
    }

    private long levelLots(final int i, final int level, final boolean bid)
    {
        double lots = levelBaseLots[i] * (1.0 + LEVEL_SIZE_SLOPE * level) *
            StrictMath.exp(LEVEL_SIZE_SIGMA * random.nextGaussian() - 0.5 * LEVEL_SIZE_SIGMA * LEVEL_SIZE_SIGMA);
        final byte heavy = heavySides[i];
        if ((BID_SIDE == heavy && bid) || (ASK_SIDE == heavy && !bid))
        {
            lots *= heavyMultipliers[i];
        }
        final double spreadMultiplier = spreadMultipliers[i];
        if (spreadMultiplier > 1.0)
        {
            lots /= Math.sqrt(spreadMultiplier);
        }
        return Math.max(1L, (long)lots);
    }

    private int targetSpreadTicks(final int i)
    {
        final double multiplier = spreadMultipliers[i];
        if (multiplier <= 1.0)
        {
            return baseSpreadTicks[i];
        }
        return Math.max(2, (int)Math.ceil(multiplier * Math.max(1.0, spreadQuantiles[i])));
    }

    /**
     * Market makers requote around the fair value and keep each side at the configured depth; never crosses.
     */
    private void maintain(final int i, final double fair, final boolean force)
    {
        final int spread = targetSpreadTicks(i);
        final int desiredBid = (int)Math.max(1L, (long)Math.floor(fair - spread * 0.5 + 0.5));
        final int desiredAsk = desiredBid + spread;

        if (spreadMultipliers[i] > 1.0)
        {
            while (books.count(i, true) > 0 && books.bestBid(i) > desiredBid)
            {
                books.remove(i, true, 0);
            }
            while (books.count(i, false) > 0 && books.bestAsk(i) < desiredAsk)
            {
                books.remove(i, false, 0);
            }
        }

        final int bidLevels = books.count(i, true);
        if ((0 == bidLevels || books.bestBid(i) < desiredBid) && desiredBid < books.bestAsk(i) &&
            (force || 0 == bidLevels || random.nextBoolean(REQUOTE_PROBABILITY)))
        {
            books.add(i, true, desiredBid, levelLots(i, 0, true));
        }
        final int askLevels = books.count(i, false);
        if ((0 == askLevels || books.bestAsk(i) > desiredAsk) && desiredAsk > books.bestBid(i) &&
            (force || 0 == askLevels || random.nextBoolean(REQUOTE_PROBABILITY)))
        {
            books.add(i, false, desiredAsk, levelLots(i, 0, false));
        }

        refill(i, true, desiredBid);
        refill(i, false, desiredAsk);
        books.trim(i);
    }

    /**
     * Layer the side like market makers do: fill holes wider than the instrument's usual gap (from the top down),
     * then append levels behind the worst one up to the configured depth.
     */
    private void refill(final int i, final boolean bid, final int desired)
    {
        final int maxGap = maxLevelGaps[i];
        int level = 0;
        while (level < books.count(i, bid) - 1 && level < depth - 1)
        {
            final int here = books.ticks(i, bid, level);
            final int next = books.ticks(i, bid, level + 1);
            final int gap = bid ? here - next : next - here;
            if (gap > maxGap)
            {
                final int step = Math.min(gap - 1, 1 + random.nextGeometric(levelGapProbabilities[i]));
                books.add(i, bid, bid ? here - step : here + step, levelLots(i, level + 1, bid));
                books.trim(i);
            }
            level++;
        }

        int levels = books.count(i, bid);
        while (levels < depth)
        {
            final int ticks;
            if (0 == levels)
            {
                ticks = bid ? Math.min(desired, books.bestAsk(i) - 1) : Math.max(desired, books.bestBid(i) + 1);
            }
            else
            {
                final int gap = 1 + random.nextGeometric(levelGapProbabilities[i]);
                final int worst = books.ticks(i, bid, levels - 1);
                ticks = bid ? worst - gap : worst + gap;
            }
            if (ticks < 1)
            {
                return;
            }
            books.append(i, bid, ticks, levelLots(i, levels, bid));
            levels++;
        }
    }

    // ------------------------------------------------------------------------------------------------ liquidations

    private void scheduleLiquidation(final int i, final long timeNs)
    {
        final double ratePerSecond = ctx.liquidationRatePerInstrumentHour() / 3600.0;
        if (ratePerSecond > 0.0)
        {
            final long delayNs = Math.max(1L, (long)(random.nextExponential() / ratePerSecond * NANOS_PER_SECOND));
            timers.schedule(slot(i, LIQUIDATION), timeNs + delayNs);
        }
    }

    private void onBackgroundLiquidation(final int i, final long timeNs)
    {
        // None during a cascade: its forced orders are the ground truth (one side, rising notional).
        if (0 == cascadeTotals[i])
        {
            final boolean sell = random.nextBoolean(0.5);
            final long lots = Math.max(1L, (long)(3.0 * tradeBaseLots[i] * Math.min(random.nextPareto(1.3), 50.0)));
            liquidate(i, timeNs, sell, lots, 0.005);
        }
        scheduleLiquidation(i, timeNs);
    }

    /**
     * A forced liquidation: an IOC order walking the book to its bankruptcy price, the rest taken over by the
     * insurance fund at that price, then its {@code forceOrder} event.
     */
    private void liquidate(
        final int i, final long timeNs, final boolean sell, final long lots, final double bankruptcyDistance)
    {
        advanceFair(i, timeNs);
        final double fair = fairTicks(i);
        final long id = beginBookEvent(i);
        resolveStaleQuotes(i, timeNs, fair);

        final double touch = sell ?
            (books.count(i, true) > 0 ? books.bestBid(i) : fair) :
            (books.count(i, false) > 0 ? books.bestAsk(i) : fair);
        final long limit = sell ?
            Math.max(1L, (long)Math.floor(touch * (1.0 - bankruptcyDistance))) :
            (long)Math.ceil(touch * (1.0 + bankruptcyDistance));

        final long filled = sweep(i, timeNs, !sell, lots, limit);
        long notional = sweepNotional;
        long lastFill = sweepLastFill;
        final long remainder = lots - filled;
        if (remainder > 0)
        {
            writeTrade(i, timeNs, (int)limit, remainder, sell, true);
            notional += limit * remainder;
            lastFill = remainder;
        }
        writeForceOrder(i, timeNs, sell, lots, limit, notional / (double)lots, lastFill);

        maintain(i, fair, false);
        endBookEvent(i, timeNs, id);
    }

    // ------------------------------------------------------------------------------------------------ depth

    private void onDepthFlush(final int i, final long timeNs)
    {
        publishDepth(i, timeNs);
    }

    /**
     * Send the diff between the book and the one last published, if there is any (or the restated best levels after
     * a snapshot), and make the book the published one.
     */
    private void publishDepth(final int i, final long timeNs)
    {
        final boolean restate = restateOnFlush[i];
        final int bidEntries = books.diff(i, true, restate, diffTicks, diffLots);
        final int askEntries = books.diff(i, false, restate, diffTicks, diffLots);
        if (0 == bidEntries && 0 == askEntries)
        {
            // No net change since the last diff: nothing to send, U stays with the first change not yet sent.
            return;
        }
        writeDepthUpdate(i, timeNs, restate);
        publishedUpdateIds[i] = lastUpdateIds[i];
        firstPendingIds[i] = 0;
        restateOnFlush[i] = false;
        books.markPublished(i);
    }

    private void snapshot(final int i, final long nowNs)
    {
        final long timeNs = Math.max(nowNs, currentTimeNs);
        if (0 != firstPendingIds[i])
        {
            // Publish pending changes first, so the snapshot is the published book: the next diff is then exact for
            // clients starting from the snapshot (a level added and removed after it still gets its zero) and for
            // clients following the diffs alone.
            publishDepth(i, timeNs);
        }
        lastUpdateIds[i] += 1;
        if (0 == firstPendingIds[i])
        {
            firstPendingIds[i] = lastUpdateIds[i];
        }
        restateOnFlush[i] = true;
        scheduleDepthFlush(i, timeNs);
        writeSnapshot(i, nowNs);
        snapshotFrames++;
        handler.onDepthSnapshot(
            instrumentIds[i], snapshotBuffer.view(), snapshotBuffer.nextFrameOffset(),
            snapshotBuffer.nextFrameLength(), nowNs);
        snapshotBuffer.reset();
    }

    // ------------------------------------------------------------------------------------------------ klines

    private void recordTrade(final int i, final long timeNs, final int ticks, final long lots, final boolean buyTaker,
        final long tradeId)
    {
        final long timeMs = timeNs / NANOS_PER_MILLI;
        if (timeMs >= barOpenMs[i] + MINUTE_MS)
        {
            closeBars(i, timeNs);
        }
        if (0 == barTradeCount[i])
        {
            barOpen[i] = ticks;
            barHigh[i] = ticks;
            barLow[i] = ticks;
            barFirstTradeId[i] = tradeId;
        }
        else
        {
            barHigh[i] = Math.max(barHigh[i], ticks);
            barLow[i] = Math.min(barLow[i], ticks);
        }
        barClose[i] = ticks;
        barLastTradeId[i] = tradeId;
        barTradeCount[i]++;
        barVolume[i] += lots;
        barQuoteVolume[i] += ticks * lots;
        if (buyTaker)
        {
            barTakerBuyVolume[i] += lots;
            barTakerBuyQuoteVolume[i] += ticks * lots;
        }
        if (klineUpdateIntervalNs > 0)
        {
            final int pushSlot = slot(i, KLINE_PUSH);
            if (!timers.isScheduled(pushSlot))
            {
                timers.schedule(pushSlot, nextMultiple(timeNs, klineUpdateIntervalNs));
            }
        }
    }

    private void onKlinePush(final int i, final long timeNs)
    {
        if (barTradeCount[i] > 0 && timeNs / NANOS_PER_MILLI < barOpenMs[i] + MINUTE_MS)
        {
            writeKline(i, timeNs, false);
        }
    }

    private void onKlineClose(final int i, final long timeNs)
    {
        closeBars(i, timeNs);
        timers.schedule(slot(i, KLINE_CLOSE), (barOpenMs[i] + MINUTE_MS) * NANOS_PER_MILLI);
    }

    private void closeBars(final int i, final long timeNs)
    {
        final long timeMs = timeNs / NANOS_PER_MILLI;
        while (timeMs >= barOpenMs[i] + MINUTE_MS)
        {
            writeKline(i, timeNs, true);
            final long closed = closedBarCounts[i];
            final int ring = i * lookbackBars + (int)(closed % lookbackBars);
            closedBarHighs[ring] = barHigh[i];
            closedBarLows[ring] = barLow[i];
            closedBarCounts[i] = closed + 1;

            final int close = barClose[i];
            barOpenMs[i] += MINUTE_MS;
            barOpen[i] = close;
            barHigh[i] = close;
            barLow[i] = close;
            barVolume[i] = 0;
            barTakerBuyVolume[i] = 0;
            barQuoteVolume[i] = 0;
            barTakerBuyQuoteVolume[i] = 0;
            barTradeCount[i] = 0;
            barFirstTradeId[i] = -1;
            barLastTradeId[i] = -1;
        }
    }

    // ------------------------------------------------------------------------------------------------ mark price

    private void onMarkPrice(final int i, final long timeNs)
    {
        final double seconds = markPriceIntervalNs / (double)NANOS_PER_SECOND;
        final double reversion = Math.exp(-seconds / BASIS_REVERSION_SECONDS);
        final double mean = basisMeans[i];
        bases[i] = mean + (bases[i] - mean) * reversion +
            BASIS_NOISE * Math.sqrt(1.0 - reversion * reversion) * random.nextGaussian();
        premiumAverages[i] += (bases[i] - premiumAverages[i]) * (1.0 - Math.exp(-seconds / PREMIUM_AVERAGE_SECONDS));

        final double index = StrictMath.exp(fairLog(i));
        settleAverages[i] += (index - settleAverages[i]) * (1.0 - Math.exp(-seconds / SETTLE_AVERAGE_SECONDS));
        final double mark = index * (1.0 + bases[i]);
        final double premium = premiumAverages[i];
        final double funding = clamp(premium + clamp(0.0001 - premium, -0.0005, 0.0005), -0.0075, 0.0075);
        final long timeMs = timeNs / NANOS_PER_MILLI;
        final long nextFundingMs = (timeMs / FUNDING_INTERVAL_MS + 1) * FUNDING_INTERVAL_MS;
        writeMarkPrice(i, timeNs, mark, index, settleAverages[i], funding, nextFundingMs);
        timers.schedule(slot(i, MARK_PRICE), timeNs + markPriceIntervalNs);
    }

    // ------------------------------------------------------------------------------------------------ anomalies

    private void onExplicitSchedule(final long timeNs)
    {
        while (nextExplicit < explicitSpecs.length && explicitSpecs[nextExplicit].startTimeNs() <= timeNs)
        {
            final AnomalySpec spec = explicitSpecs[nextExplicit];
            final int i = explicitInstruments[nextExplicit];
            nextExplicit++;
            if (activeAnomalies[i] >= 0)
            {
                endAnomaly(i, timeNs);
            }
            final AnomalyKind kind = spec.kind();
            final double magnitude = Double.isNaN(spec.magnitude()) ?
                random.nextDouble(kind.minMagnitude(), kind.maxMagnitude()) : spec.magnitude();
            startAnomaly(i, kind, timeNs, spec.durationNs(), resolveDirection(kind, spec.direction()), magnitude);
        }
        if (nextExplicit < explicitSpecs.length)
        {
            timers.schedule(GLOBAL_EXPLICIT_SCHEDULE, explicitSpecs[nextExplicit].startTimeNs());
        }
    }

    private void scheduleRandomAnomaly(final long earliestNs)
    {
        final double ratePerSecond = ctx.anomalyRatePerInstrumentHour() * count / 3600.0;
        if (ratePerSecond > 0.0 && randomKinds.length > 0)
        {
            final long delayNs = Math.max(1L, (long)(random.nextExponential() / ratePerSecond * NANOS_PER_SECOND));
            timers.schedule(GLOBAL_RANDOM_ANOMALY, earliestNs + delayNs);
        }
    }

    private void onRandomAnomaly(final long timeNs)
    {
        for (int attempt = 0; attempt < 8; attempt++)
        {
            final int i = random.nextInt(count);
            if (activeAnomalies[i] >= 0 || reservedByExplicitSchedule[i])
            {
                continue;
            }
            AnomalyKind kind = randomKinds[random.nextInt(randomKinds.length)];
            if (AnomalyKind.BREAKOUT == kind && closedBarCounts[i] < lookbackBars)
            {
                // No N-bar range to break yet: draw a kind that needs no history, if one is enabled.
                if (1 == randomKinds.length)
                {
                    continue;
                }
                do
                {
                    kind = randomKinds[random.nextInt(randomKinds.length)];
                }
                while (AnomalyKind.BREAKOUT == kind);
            }
            final double magnitude = random.nextDouble(kind.minMagnitude(), kind.maxMagnitude());
            final long durationMs = TimeUnit.NANOSECONDS.toMillis(
                kind.minDurationNs() + random.nextLong(kind.maxDurationNs() - kind.minDurationNs() + 1));
            startAnomaly(i, kind, timeNs, durationMs * NANOS_PER_MILLI, resolveDirection(kind, null), magnitude);
            break;
        }
        scheduleRandomAnomaly(timeNs);
    }

    private Direction resolveDirection(final AnomalyKind kind, final Direction requested)
    {
        if (!kind.directional())
        {
            return Direction.NEUTRAL;
        }
        if (Direction.UP == requested || Direction.DOWN == requested)
        {
            return requested;
        }
        return random.nextBoolean(0.5) ? Direction.UP : Direction.DOWN;
    }

    private void startAnomaly(
        final int i,
        final AnomalyKind kind,
        final long timeNs,
        final long durationNs,
        final Direction direction,
        final double magnitude)
    {
        final long endNs = timeNs + durationNs;
        activeAnomalies[i] = recordTruth(kind, i, timeNs, endNs, direction, magnitude);
        anomalyEndTimesNs[i] = endNs;
        final double sign = Direction.DOWN == direction ? -1.0 : 1.0;
        long nextTimerNs = endNs;

        advanceFair(i, timeNs);
        switch (kind)
        {
            case VOLUME_BURST ->
            {
                // Over-provisioned: volume from quote-driven lifts is not scaled, yet the total must reach m.
                tradeRateMultipliers[i] = SyntheticRandom.power(VOLUME_BURST_PROVISION * magnitude, 0.6);
                tradeSizeMultipliers[i] = SyntheticRandom.power(VOLUME_BURST_PROVISION * magnitude, 0.4);
                takerBiases[i] = 0.15 * sign;
            }
            case LIQUIDATION_CASCADE ->
            {
                final int extra = random.nextInt(9);
                cascadeTotals[i] = ctx.cascadeMinOrders() + extra;
                cascadeNext[i] = 0;
                cascadeGrowths[i] = random.nextDouble(1.25, 1.5);
                cascadeBaseLots[i] = Math.max(5.0, 2.0 * tradeBaseLots[i]);
                cascadeSells[i] = Direction.DOWN == direction;
                cascadeStartTimesNs[i] = timeNs;
                pin(i, fairLog(i) + sign * magnitude, endNs);
                tradeRateMultipliers[i] = 3.0;
                takerBiases[i] = 0.25 * sign;
                nextTimerNs = cascadeOrderTimeNs(i, 0);
            }
            case BREAKOUT ->
            {
                final double level = rangeLevelLog(i, Direction.UP == direction);
                final double current = fairLog(i);
                final double from = Direction.UP == direction ? Math.max(level, current) : Math.min(level, current);
                pin(i, from + sign * magnitude, endNs);
                tradeRateMultipliers[i] = 3.0;
                tradeSizeMultipliers[i] = 1.5;
                takerBiases[i] = 0.25 * sign;
            }
            case SPREAD_BLOWOUT ->
            {
                spreadMultipliers[i] = magnitude;
                bookAnomalyEvent(i, timeNs, true, 1.0);
            }
            case BOOK_IMBALANCE ->
            {
                heavySides[i] = Direction.UP == direction ? BID_SIDE : ASK_SIDE;
                heavyMultipliers[i] = magnitude;
                bookAnomalyEvent(i, timeNs, Direction.UP == direction, magnitude);
            }
            case VOLATILITY_EXPANSION ->
            {
                volatilityMultipliers[i] = magnitude;
                tradeRateMultipliers[i] = 1.5;
                quoteRateMultipliers[i] = 1.5;
            }
        }
        timers.schedule(slot(i, ANOMALY), nextTimerNs);
        scheduleOrderFlow(i, timeNs);
    }

    private void onAnomalyTimer(final int i, final long timeNs)
    {
        final int anomaly = activeAnomalies[i];
        if (anomaly < 0)
        {
            return;
        }
        if (AnomalyKind.LIQUIDATION_CASCADE.ordinal() == truthKinds[anomaly] && cascadeNext[i] < cascadeTotals[i])
        {
            final int order = cascadeNext[i]++;
            final long lots = (long)Math.ceil(cascadeBaseLots[i] * SyntheticRandom.power(cascadeGrowths[i], order));
            liquidate(i, timeNs, cascadeSells[i], lots, 0.01);
            timers.schedule(slot(i, ANOMALY),
                cascadeNext[i] < cascadeTotals[i] ? cascadeOrderTimeNs(i, cascadeNext[i]) : anomalyEndTimesNs[i]);
            return;
        }
        endAnomaly(i, timeNs);
    }

    private long cascadeOrderTimeNs(final int i, final int order)
    {
        final long durationNs = anomalyEndTimesNs[i] - cascadeStartTimesNs[i];
        return cascadeStartTimesNs[i] + (long)(durationNs * ((order + 0.5) / cascadeTotals[i]));
    }

    private void endAnomaly(final int i, final long timeNs)
    {
        final int anomaly = activeAnomalies[i];
        final AnomalyKind kind = KINDS[truthKinds[anomaly]];
        final boolean heavyBid = BID_SIDE == heavySides[i];
        final double heavyMultiplier = heavyMultipliers[i];
        activeAnomalies[i] = -1;
        timers.cancel(slot(i, ANOMALY));
        advanceFair(i, timeNs);
        resetAnomalyEffects(i);
        if (AnomalyKind.BOOK_IMBALANCE == kind)
        {
            bookAnomalyEvent(i, timeNs, heavyBid, 1.0 / heavyMultiplier);
        }
        else if (AnomalyKind.SPREAD_BLOWOUT == kind)
        {
            bookAnomalyEvent(i, timeNs, true, 1.0);
        }
        scheduleOrderFlow(i, timeNs);
    }

    private void resetAnomalyEffects(final int i)
    {
        tradeRateMultipliers[i] = 1.0;
        quoteRateMultipliers[i] = 1.0;
        tradeSizeMultipliers[i] = 1.0;
        takerBiases[i] = 0.0;
        volatilityMultipliers[i] = 1.0;
        spreadMultipliers[i] = 1.0;
        heavySides[i] = NO_SIDE;
        heavyMultipliers[i] = 1.0;
        pinned[i] = false;
        cascadeTotals[i] = 0;
        cascadeNext[i] = 0;
    }

    private void pin(final int i, final double targetLog, final long endNs)
    {
        pinned[i] = true;
        pinTargetLogs[i] = targetLog;
        pinEndTimesNs[i] = endNs;
    }

    /**
     * Log price of the highest high (or lowest low) of the last N closed bars, or the fair value without history.
     */
    private double rangeLevelLog(final int i, final boolean high)
    {
        final int bars = (int)Math.min(closedBarCounts[i], lookbackBars);
        if (0 == bars)
        {
            return fairLog(i);
        }
        int level = high ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        for (int b = 0; b < bars; b++)
        {
            final int ring = i * lookbackBars + b;
            level = high ? Math.max(level, closedBarHighs[ring]) : Math.min(level, closedBarLows[ring]);
        }
        return StrictMath.log(level * tickValues[i]);
    }

    private void scaleTopLevels(final int i, final boolean bid, final double factor)
    {
        final int levels = Math.min(ctx.imbalanceLevels(), books.count(i, bid));
        for (int k = 0; k < levels; k++)
        {
            books.setLots(i, bid, k, Math.max(1L, (long)(books.lots(i, bid, k) * factor)));
        }
    }

    /**
     * A book event caused by an anomaly starting or ending: rescale one side's top levels (factor 1 leaves them),
     * then requote at once, with its own update id.
     */
    private void bookAnomalyEvent(final int i, final long timeNs, final boolean bid, final double factor)
    {
        final long id = beginBookEvent(i);
        if (1.0 != factor)
        {
            scaleTopLevels(i, bid, factor);
        }
        maintain(i, fairTicks(i), true);
        endBookEvent(i, timeNs, id);
    }

    private int recordTruth(
        final AnomalyKind kind,
        final int i,
        final long startNs,
        final long endNs,
        final Direction direction,
        final double magnitude)
    {
        if (truthCount == truthKinds.length)
        {
            final int capacity = truthCount * 2;
            truthKinds = Arrays.copyOf(truthKinds, capacity);
            truthInstruments = Arrays.copyOf(truthInstruments, capacity);
            truthStartTimesNs = Arrays.copyOf(truthStartTimesNs, capacity);
            truthEndTimesNs = Arrays.copyOf(truthEndTimesNs, capacity);
            truthDirections = Arrays.copyOf(truthDirections, capacity);
            truthMagnitudes = Arrays.copyOf(truthMagnitudes, capacity);
        }
        final int index = truthCount++;
        truthKinds[index] = (byte)kind.ordinal();
        truthInstruments[index] = i;
        truthStartTimesNs[index] = startNs;
        truthEndTimesNs[index] = endNs;
        truthDirections[index] = (byte)direction.value();
        truthMagnitudes[index] = magnitude;
        return index;
    }

    // ------------------------------------------------------------------------------------------------ frames

    private void openStream(final int i, final int maxLength)
    {
        frames.beginFrame(maxLength);
        frames.put(STREAM_OPEN);
        frames.put(lowerSymbols[i]);
    }

    private void writeTrade(
        final int i,
        final long timeNs,
        final int ticks,
        final long lots,
        final boolean buyerIsMaker,
        final boolean insuranceFund)
    {
        final long tradeId = nextTradeIds[i]++;
        recordTrade(i, timeNs, ticks, lots, !buyerIsMaker, tradeId);

        final long timeMs = timeNs / NANOS_PER_MILLI;
        final AsciiFrameBuffer out = frames;
        openStream(i, SMALL_FRAME_LENGTH);
        out.put(TRADE_OPEN);
        out.putLong(timeMs);
        out.put(FIELD_T);
        out.putLong(timeMs);
        out.put(FIELD_S);
        out.put(upperSymbols[i]);
        out.put(FIELD_TRADE_ID);
        out.putLong(tradeId);
        out.put(FIELD_P);
        out.putQuotedDecimal(ticks, priceDecimals[i]);
        out.put(FIELD_Q);
        out.putQuotedDecimal(lots, sizeDecimals[i]);
        out.put(insuranceFund ? FIELD_X_INSURANCE : FIELD_X_MARKET);
        out.putBoolean(buyerIsMaker);
        out.put(FRAME_CLOSE);
        out.endFrame(timeNs);
        tradeFrames++;
    }

    private void writeBookTicker(
        final int i,
        final long timeNs,
        final long updateId,
        final int bid,
        final long bidLots,
        final int ask,
        final long askLots)
    {
        final long timeMs = timeNs / NANOS_PER_MILLI;
        final AsciiFrameBuffer out = frames;
        openStream(i, SMALL_FRAME_LENGTH);
        out.put(BOOK_TICKER_OPEN);
        out.putLong(updateId);
        out.put(FIELD_S);
        out.put(upperSymbols[i]);
        out.put(FIELD_B);
        out.putQuotedDecimal(bid, priceDecimals[i]);
        out.put(FIELD_BQ);
        out.putQuotedDecimal(bidLots, sizeDecimals[i]);
        out.put(FIELD_A);
        out.putQuotedDecimal(ask, priceDecimals[i]);
        out.put(FIELD_AQ);
        out.putQuotedDecimal(askLots, sizeDecimals[i]);
        out.put(FIELD_T);
        out.putLong(timeMs);
        out.put(FIELD_E);
        out.putLong(timeMs);
        out.put(FRAME_CLOSE);
        out.endFrame(timeNs);
        bookTickerFrames++;
    }

    private void writeDepthUpdate(final int i, final long timeNs, final boolean restate)
    {
        final AsciiFrameBuffer out = frames;
        openStream(i, SMALL_FRAME_LENGTH + (4 * depth + 8) * LEVEL_ENTRY_LENGTH);
        out.put(depthStreamSuffix);
        out.put(DEPTH_OPEN_TAIL);
        out.putLong(timeNs / NANOS_PER_MILLI);
        out.put(FIELD_T);
        out.putLong(lastBookChangeMs[i]);
        out.put(FIELD_S);
        out.put(upperSymbols[i]);
        out.put(FIELD_U_FIRST);
        out.putLong(firstPendingIds[i]);
        out.put(FIELD_U_LAST);
        out.putLong(lastUpdateIds[i]);
        out.put(FIELD_PU);
        out.putLong(publishedUpdateIds[i]);
        out.put(FIELD_BIDS_OPEN);
        putLevels(out, i, books.diff(i, true, restate, diffTicks, diffLots));
        out.put(FIELD_ASKS_OPEN);
        putLevels(out, i, books.diff(i, false, restate, diffTicks, diffLots));
        out.put(DEPTH_CLOSE);
        out.endFrame(timeNs);
        depthFrames++;
    }

    private void putLevels(final AsciiFrameBuffer out, final int i, final int entries)
    {
        final int pd = priceDecimals[i];
        final int sd = sizeDecimals[i];
        for (int e = 0; e < entries; e++)
        {
            if (e > 0)
            {
                out.put((byte)',');
            }
            out.put((byte)'[');
            out.putQuotedDecimal(diffTicks[e], pd);
            out.put((byte)',');
            out.putQuotedDecimal(diffLots[e], sd);
            out.put((byte)']');
        }
    }

    private void writeSnapshot(final int i, final long nowNs)
    {
        final AsciiFrameBuffer out = snapshotBuffer;
        out.beginFrame(SMALL_FRAME_LENGTH + (2 * depth + 4) * LEVEL_ENTRY_LENGTH);
        out.put(SNAPSHOT_OPEN);
        out.putLong(lastUpdateIds[i]);
        out.put(FIELD_E);
        out.putLong(nowNs / NANOS_PER_MILLI);
        out.put(FIELD_T);
        out.putLong(lastBookChangeMs[i]);
        out.put(SNAPSHOT_BIDS);
        putSnapshotSide(out, i, true);
        out.put(SNAPSHOT_ASKS);
        putSnapshotSide(out, i, false);
        out.put(SNAPSHOT_CLOSE);
        out.endFrame(nowNs);
    }

    private void putSnapshotSide(final AsciiFrameBuffer out, final int i, final boolean bid)
    {
        final int pd = priceDecimals[i];
        final int sd = sizeDecimals[i];
        final int levels = books.count(i, bid);
        for (int k = 0; k < levels; k++)
        {
            if (k > 0)
            {
                out.put((byte)',');
            }
            out.put((byte)'[');
            out.putQuotedDecimal(books.ticks(i, bid, k), pd);
            out.put((byte)',');
            out.putQuotedDecimal(books.lots(i, bid, k), sd);
            out.put((byte)']');
        }
    }

    private void writeKline(final int i, final long timeNs, final boolean closed)
    {
        putKline(i, timeNs, barOpenMs[i], barFirstTradeId[i], barLastTradeId[i], barOpen[i], barClose[i], barHigh[i],
            barLow[i], barVolume[i], barTradeCount[i], closed, barQuoteVolume[i], barTakerBuyVolume[i],
            barTakerBuyQuoteVolume[i]);
        klineFrames++;
    }

    /**
     * One kline frame, live or historical; prices in ticks, quantities in lots, quote volumes in ticks times lots.
     */
    private void putKline(
        final int i,
        final long timeNs,
        final long openMs,
        final long firstTradeId,
        final long lastTradeId,
        final int open,
        final int close,
        final int high,
        final int low,
        final long volume,
        final long tradeCount,
        final boolean closed,
        final long quoteVolume,
        final long takerBuyVolume,
        final long takerBuyQuoteVolume)
    {
        final int pd = priceDecimals[i];
        final int sd = sizeDecimals[i];
        final int quoteDecimals = Math.min(8, pd + sd);
        final long quoteDivisor = POWERS_OF_TEN[pd + sd - quoteDecimals];
        final AsciiFrameBuffer out = frames;
        openStream(i, SMALL_FRAME_LENGTH + 256);
        out.put(KLINE_OPEN);
        out.putLong(timeNs / NANOS_PER_MILLI);
        out.put(FIELD_S);
        out.put(upperSymbols[i]);
        out.put(KLINE_K_OPEN);
        out.putLong(openMs);
        out.put(FIELD_T);
        out.putLong(openMs + MINUTE_MS - 1);
        out.put(FIELD_S);
        out.put(upperSymbols[i]);
        out.put(KLINE_I);
        out.putLong(firstTradeId);
        out.put(KLINE_L_ID);
        out.putLong(lastTradeId);
        out.put(KLINE_O);
        out.putQuotedDecimal(open, pd);
        out.put(KLINE_C);
        out.putQuotedDecimal(close, pd);
        out.put(KLINE_H);
        out.putQuotedDecimal(high, pd);
        out.put(KLINE_L);
        out.putQuotedDecimal(low, pd);
        out.put(KLINE_V);
        out.putQuotedDecimal(volume, sd);
        out.put(KLINE_N);
        out.putLong(tradeCount);
        out.put(KLINE_X);
        out.putBoolean(closed);
        out.put(KLINE_Q);
        out.putQuotedDecimal(roundedDivide(quoteVolume, quoteDivisor), quoteDecimals);
        out.put(KLINE_BV);
        out.putQuotedDecimal(takerBuyVolume, sd);
        out.put(KLINE_BQ);
        out.putQuotedDecimal(roundedDivide(takerBuyQuoteVolume, quoteDivisor), quoteDecimals);
        out.put(KLINE_TAIL);
        out.endFrame(timeNs);
    }

    private void writeForceOrder(
        final int i,
        final long timeNs,
        final boolean sell,
        final long lots,
        final long limitTicks,
        final double averageTicks,
        final long lastFillLots)
    {
        final int pd = priceDecimals[i];
        final int sd = sizeDecimals[i];
        final long priceScale = POWERS_OF_TEN[8 - pd];
        final long timeMs = timeNs / NANOS_PER_MILLI;
        final AsciiFrameBuffer out = frames;
        openStream(i, SMALL_FRAME_LENGTH);
        out.put(FORCE_ORDER_OPEN);
        out.putLong(timeMs);
        out.put(FORCE_ORDER_S);
        out.put(upperSymbols[i]);
        out.put(sell ? FORCE_ORDER_SELL : FORCE_ORDER_BUY);
        out.putQuotedDecimal(lots, sd);
        out.put(FIELD_P);
        out.putQuotedDecimal(limitTicks * priceScale, 8);
        out.put(FORCE_ORDER_AP);
        out.putQuotedDecimal(Math.round(averageTicks * priceScale), 8);
        out.put(FORCE_ORDER_FILLED);
        out.putQuotedDecimal(lastFillLots, sd);
        out.put(FORCE_ORDER_Z);
        out.putQuotedDecimal(lots, sd);
        out.put(FIELD_T);
        out.putLong(timeMs);
        out.put(FORCE_ORDER_CLOSE);
        out.endFrame(timeNs);
        forceOrderFrames++;
    }

    private void writeMarkPrice(
        final int i,
        final long timeNs,
        final double mark,
        final double index,
        final double settle,
        final double funding,
        final long nextFundingMs)
    {
        final AsciiFrameBuffer out = frames;
        openStream(i, SMALL_FRAME_LENGTH);
        out.put(markPriceStreamSuffix);
        out.put(MARK_PRICE_OPEN_TAIL);
        out.putLong(timeNs / NANOS_PER_MILLI);
        out.put(FIELD_S);
        out.put(upperSymbols[i]);
        out.put((byte)'"');
        out.put(FIELD_P);
        out.putQuotedDecimal(Math.round(mark * 1e8), 8);
        out.put(MARK_I);
        out.putQuotedDecimal(Math.round(index * 1e8), 8);
        out.put(MARK_SETTLE);
        out.putQuotedDecimal(Math.round(settle * 1e8), 8);
        out.put(MARK_R);
        out.putQuotedDecimal(Math.round(funding * 1e8), 8);
        out.put(FIELD_T);
        out.putLong(nextFundingMs);
        out.put(FRAME_CLOSE);
        out.endFrame(timeNs);
        markPriceFrames++;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * {@code E[min(X, cap)^k]} for {@code X ~ Pareto(alpha)} with scale 1:
     * {@code alpha / (k - alpha) * (cap^(k - alpha) - 1) + cap^(k - alpha)}, k not alpha.
     */
    private static double cappedParetoMoment(final double k)
    {
        final double tail = SyntheticRandom.power(TRADE_SIZE_CAP, k - TRADE_SIZE_PARETO_ALPHA);
        return TRADE_SIZE_PARETO_ALPHA / (k - TRADE_SIZE_PARETO_ALPHA) * (tail - 1.0) + tail;
    }

    private static long roundedDivide(final long value, final long divisor)
    {
        return 1 == divisor ? value : (value + divisor / 2) / divisor;
    }

    private static long nextMultiple(final long timeNs, final long intervalNs)
    {
        return (timeNs / intervalNs + 1) * intervalNs;
    }

    private static int clamp(final int value, final int min, final int max)
    {
        return Math.max(min, Math.min(max, value));
    }

    private static double clamp(final double value, final double min, final double max)
    {
        return Math.max(min, Math.min(max, value));
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String decimalText(final long unscaled, final int decimals)
    {
        final AsciiFrameBuffer buffer = new AsciiFrameBuffer(32);
        buffer.putDecimal(unscaled, decimals);
        return buffer.view().getStringWithoutLengthAscii(0, buffer.position());
    }

    /**
     * Configuration of a {@link SyntheticMarket}: starts from {@link SyntheticMarketConfiguration}'s system
     * properties; setters override them. Single use: {@link #conclude()} validates it once, failing fast with the
     * property name and the reason.
     */
    public static final class Context
    {
        private boolean isConcluded;
        private int instrumentCount = SyntheticMarketConfiguration.instrumentCount();
        private long seed = SyntheticMarketConfiguration.seed();
        private double messageRate = SyntheticMarketConfiguration.messageRate();
        private String symbolPrefix = SyntheticMarketConfiguration.symbolPrefix();
        private String quoteAsset = SyntheticMarketConfiguration.quoteAsset();
        private Venue venue = SyntheticMarketConfiguration.venue();
        private long startTimeNs = SyntheticMarketConfiguration.startTimeNs();
        private int bookDepthLevels = SyntheticMarketConfiguration.bookDepthLevels();
        private int depthIntervalMs = SyntheticMarketConfiguration.depthIntervalMs();
        private int markPriceIntervalMs = SyntheticMarketConfiguration.markPriceIntervalMs();
        private int klineUpdateIntervalMs = SyntheticMarketConfiguration.klineUpdateIntervalMs();
        private double anomalyRatePerInstrumentHour = SyntheticMarketConfiguration.anomalyRatePerInstrumentHour();
        private long anomalyWarmUpNs = SyntheticMarketConfiguration.anomalyWarmUpNs();
        private double liquidationRatePerInstrumentHour =
            SyntheticMarketConfiguration.liquidationRatePerInstrumentHour();
        private int breakoutLookbackBars = SyntheticMarketConfiguration.breakoutLookbackBars();
        private int historyBars = SyntheticMarketConfiguration.historyBars();
        private int imbalanceLevels = SyntheticMarketConfiguration.imbalanceLevels();
        private int cascadeMinOrders = SyntheticMarketConfiguration.cascadeMinOrders();
        private double minPrice = SyntheticMarketConfiguration.minPrice();
        private double maxPrice = SyntheticMarketConfiguration.maxPrice();
        private Set<AnomalyKind> anomalyKinds = EnumSet.allOf(AnomalyKind.class);
        private List<AnomalySpec> anomalySchedule = List.of();
        private InstrumentRegistry registry;

        /**
         * Validate and fill in defaults; called by the market's constructor. Idempotent.
         *
         * @return this.
         * @throws IllegalArgumentException naming the property and the reason when a value is invalid.
         */
        public Context conclude()
        {
            if (isConcluded)
            {
                return this;
            }

            require(instrumentCount >= 1 && instrumentCount <= 100_000,
                SyntheticMarketConfiguration.INSTRUMENT_COUNT_PROP_NAME, instrumentCount, "must be 1 to 100,000");
            require(messageRate > 0.0 && Double.isFinite(messageRate),
                SyntheticMarketConfiguration.MESSAGE_RATE_PROP_NAME, messageRate, "must be positive");
            require(null != symbolPrefix && symbolPrefix.matches("[A-Z0-9]{0,16}"),
                SyntheticMarketConfiguration.SYMBOL_PREFIX_PROP_NAME, symbolPrefix,
                "must be up to 16 upper-case letters or digits");
            require(null != quoteAsset && quoteAsset.matches("[A-Z]{1,8}"),
                SyntheticMarketConfiguration.QUOTE_ASSET_PROP_NAME, quoteAsset, "must be 1 to 8 upper-case letters");
            require(null != venue && Venue.NULL_VAL != venue,
                SyntheticMarketConfiguration.VENUE_PROP_NAME, venue, "must be a venue");
            require(startTimeNs > 0, SyntheticMarketConfiguration.START_TIME_MS_PROP_NAME, startTimeNs,
                "must be after the epoch");
            require(bookDepthLevels >= 5 && bookDepthLevels <= 1000,
                SyntheticMarketConfiguration.BOOK_DEPTH_LEVELS_PROP_NAME, bookDepthLevels, "must be 5 to 1000");
            require(100 == depthIntervalMs || 250 == depthIntervalMs || 500 == depthIntervalMs,
                SyntheticMarketConfiguration.DEPTH_INTERVAL_MS_PROP_NAME, depthIntervalMs,
                "must be one of Binance's update speeds: 100, 250 or 500");
            require(1000 == markPriceIntervalMs || 3000 == markPriceIntervalMs,
                SyntheticMarketConfiguration.MARK_PRICE_INTERVAL_MS_PROP_NAME, markPriceIntervalMs,
                "must be one of Binance's update speeds: 1000 or 3000");
            require(0 == klineUpdateIntervalMs || (klineUpdateIntervalMs >= 250 && klineUpdateIntervalMs <= 60_000),
                SyntheticMarketConfiguration.KLINE_UPDATE_INTERVAL_MS_PROP_NAME, klineUpdateIntervalMs,
                "must be 0 (closing klines only) or 250 to 60000");
            require(anomalyRatePerInstrumentHour >= 0.0 && Double.isFinite(anomalyRatePerInstrumentHour),
                SyntheticMarketConfiguration.ANOMALY_RATE_PROP_NAME, anomalyRatePerInstrumentHour,
                "must be 0 or positive");
            require(anomalyWarmUpNs >= 0, SyntheticMarketConfiguration.ANOMALY_WARM_UP_PROP_NAME, anomalyWarmUpNs,
                "must not be negative");
            require(liquidationRatePerInstrumentHour >= 0.0 && Double.isFinite(liquidationRatePerInstrumentHour),
                SyntheticMarketConfiguration.LIQUIDATION_RATE_PROP_NAME, liquidationRatePerInstrumentHour,
                "must be 0 or positive");
            require(breakoutLookbackBars >= 1 && breakoutLookbackBars <= 1440,
                SyntheticMarketConfiguration.BREAKOUT_LOOKBACK_BARS_PROP_NAME, breakoutLookbackBars,
                "must be 1 to 1440");
            require(historyBars >= 0 && historyBars <= 1440,
                SyntheticMarketConfiguration.HISTORY_BARS_PROP_NAME, historyBars, "must be 0 (none) to 1440 (a day)");
            require(startTimeNs >= TimeUnit.MINUTES.toNanos(historyBars + 1L),
                SyntheticMarketConfiguration.HISTORY_BARS_PROP_NAME, historyBars,
                "would start before the epoch (start " + startTimeNs + " ns)");
            require(imbalanceLevels >= 1 && imbalanceLevels <= bookDepthLevels,
                SyntheticMarketConfiguration.IMBALANCE_LEVELS_PROP_NAME, imbalanceLevels,
                "must be 1 to the book depth (" + bookDepthLevels + ")");
            require(cascadeMinOrders >= 2 && cascadeMinOrders <= 100,
                SyntheticMarketConfiguration.CASCADE_MIN_ORDERS_PROP_NAME, cascadeMinOrders, "must be 2 to 100");
            require(minPrice >= 0.0001 && minPrice <= maxPrice,
                SyntheticMarketConfiguration.MIN_PRICE_PROP_NAME, minPrice,
                "must be at least 0.0001 (8 decimals) and at most the maximum price");
            require(maxPrice <= 1_000_000.0, SyntheticMarketConfiguration.MAX_PRICE_PROP_NAME, maxPrice,
                "must be at most 1,000,000");
            require(null != anomalyKinds, "anomalyKinds", anomalyKinds, "must not be null (empty disables)");

            final double fixedRate = fixedFrameRate(this);
            require(messageRate >= 1.25 * fixedRate, SyntheticMarketConfiguration.MESSAGE_RATE_PROP_NAME,
                messageRate, String.format(Locale.ROOT,
                "is too low for %d instruments: mark prices, closing klines and liquidations alone send %.0f " +
                "frames/s; use at least %.0f, fewer instruments or a slower mark price stream",
                instrumentCount, fixedRate, Math.ceil(1.25 * fixedRate)));

            validateSchedule();
            if (null == registry)
            {
                registry = new InstrumentRegistry(instrumentCount);
            }
            isConcluded = true;
            return this;
        }

        private void validateSchedule()
        {
            require(null != anomalySchedule, "anomalySchedule", null, "must not be null (empty for none)");
            final Set<String> universe = new HashSet<>();
            final int digits = Math.max(4, Integer.toString(instrumentCount).length());
            for (int i = 1; i <= instrumentCount; i++)
            {
                universe.add(symbolPrefix + String.format(Locale.ROOT, "%0" + digits + "d", i) + quoteAsset);
            }
            final Map<String, List<AnomalySpec>> bySymbol = new HashMap<>();
            for (int s = 0; s < anomalySchedule.size(); s++)
            {
                final AnomalySpec spec = anomalySchedule.get(s);
                final String key = "anomalySchedule[" + s + "]";
                require(null != spec && null != spec.kind(), key, spec, "must name a kind");
                require(universe.contains(spec.symbol()), key + ".symbol", spec.symbol(),
                    "is not in the universe (" + symbol(0) + " .. " + symbol(instrumentCount - 1) + ")");
                require(spec.startTimeNs() >= startTimeNs, key + ".startTimeNs", spec.startTimeNs(),
                    "must not be before the market's start " + startTimeNs);
                require(spec.durationNs() > 0, key + ".durationNs", spec.durationNs(), "must be positive");
                require(Double.isNaN(spec.magnitude()) || (spec.magnitude() > 0.0 && Double.isFinite(spec.magnitude())),
                    key + ".magnitude", spec.magnitude(), "must be positive, or NaN for a drawn one");
                require(!(AnomalyKind.SPREAD_BLOWOUT == spec.kind() || AnomalyKind.BOOK_IMBALANCE == spec.kind() ||
                    AnomalyKind.VOLUME_BURST == spec.kind() || AnomalyKind.VOLATILITY_EXPANSION == spec.kind()) ||
                    Double.isNaN(spec.magnitude()) || spec.magnitude() > 1.0,
                    key + ".magnitude", spec.magnitude(), "must be a multiple above 1 for " + spec.kind());
                require(!(AnomalyKind.BREAKOUT == spec.kind() || AnomalyKind.LIQUIDATION_CASCADE == spec.kind()) ||
                    Double.isNaN(spec.magnitude()) || spec.magnitude() < 0.5,
                    key + ".magnitude", spec.magnitude(), "must be a relative move below 0.5 for " + spec.kind());
                bySymbol.computeIfAbsent(spec.symbol(), k -> new ArrayList<>()).add(spec);
            }
            for (final List<AnomalySpec> specs : bySymbol.values())
            {
                specs.sort(Comparator.comparingLong(AnomalySpec::startTimeNs));
                for (int s = 1; s < specs.size(); s++)
                {
                    require(specs.get(s).startTimeNs() >= specs.get(s - 1).endTimeNs(), "anomalySchedule",
                        specs.get(s), "overlaps " + specs.get(s - 1) + " on the same instrument");
                }
            }
        }

        private static void require(final boolean condition, final String key, final Object value, final String why)
        {
            if (!condition)
            {
                throw new IllegalArgumentException(key + "=" + value + ": " + why);
            }
        }

        /**
         * The symbol the instrument at an index gets, e.g. {@code SYN0001USDT} for index 0.
         *
         * @param index from 0 to the instrument count - 1.
         * @return the symbol.
         */
        public String symbol(final int index)
        {
            final int digits = Math.max(4, Integer.toString(instrumentCount).length());
            return symbolPrefix + String.format(Locale.ROOT, "%0" + digits + "d", index + 1) + quoteAsset;
        }

        /**
         * Number of instruments.
         *
         * @return the count.
         */
        public int instrumentCount()
        {
            return instrumentCount;
        }

        /**
         * Number of instruments, default {@value SyntheticMarketConfiguration#INSTRUMENT_COUNT_DEFAULT}.
         *
         * @param instrumentCount from 1 to 100,000.
         * @return this.
         */
        public Context instrumentCount(final int instrumentCount)
        {
            this.instrumentCount = instrumentCount;
            return this;
        }

        /**
         * Seed of every random draw.
         *
         * @return the seed.
         */
        public long seed()
        {
            return seed;
        }

        /**
         * Seed of every random draw.
         *
         * @param seed any value.
         * @return this.
         */
        public Context seed(final long seed)
        {
            this.seed = seed;
            return this;
        }

        /**
         * Target frames per second across the universe.
         *
         * @return frames per second.
         */
        public double messageRate()
        {
            return messageRate;
        }

        /**
         * Target frames per second across the universe, default
         * {@value SyntheticMarketConfiguration#MESSAGE_RATE_DEFAULT}; the event rates are solved from it.
         *
         * @param messageRate frames per second.
         * @return this.
         */
        public Context messageRate(final double messageRate)
        {
            this.messageRate = messageRate;
            return this;
        }

        /**
         * Start of symbols.
         *
         * @return the prefix.
         */
        public String symbolPrefix()
        {
            return symbolPrefix;
        }

        /**
         * Start of symbols, default {@value SyntheticMarketConfiguration#SYMBOL_PREFIX_DEFAULT}.
         *
         * @param symbolPrefix up to 16 upper-case letters or digits.
         * @return this.
         */
        public Context symbolPrefix(final String symbolPrefix)
        {
            this.symbolPrefix = symbolPrefix;
            return this;
        }

        /**
         * Quote asset and end of symbols.
         *
         * @return the asset.
         */
        public String quoteAsset()
        {
            return quoteAsset;
        }

        /**
         * Quote asset and end of symbols, default {@value SyntheticMarketConfiguration#QUOTE_ASSET_DEFAULT}.
         *
         * @param quoteAsset 1 to 8 upper-case letters.
         * @return this.
         */
        public Context quoteAsset(final String quoteAsset)
        {
            this.quoteAsset = quoteAsset;
            return this;
        }

        /**
         * Venue the instruments are registered under.
         *
         * @return the venue.
         */
        public Venue venue()
        {
            return venue;
        }

        /**
         * Venue the instruments are registered under, default {@link Venue#SYNTHETIC}. The frames are USD-M's
         * whatever the venue, so whoever decodes them must apply futures rules (pu chaining).
         *
         * @param venue to register under.
         * @return this.
         */
        public Context venue(final Venue venue)
        {
            this.venue = venue;
            return this;
        }

        /**
         * Market start.
         *
         * @return epoch nanoseconds.
         */
        public long startTimeNs()
        {
            return startTimeNs;
        }

        /**
         * Market start, default 2025-01-01T00:00:00Z; a live demo passes its clock's time.
         *
         * @param startTimeNs epoch nanoseconds.
         * @return this.
         */
        public Context startTimeNs(final long startTimeNs)
        {
            this.startTimeNs = startTimeNs;
            return this;
        }

        /**
         * Levels per book side.
         *
         * @return levels.
         */
        public int bookDepthLevels()
        {
            return bookDepthLevels;
        }

        /**
         * Levels per book side, default {@value SyntheticMarketConfiguration#BOOK_DEPTH_LEVELS_DEFAULT}.
         *
         * @param bookDepthLevels 5 to 1000.
         * @return this.
         */
        public Context bookDepthLevels(final int bookDepthLevels)
        {
            this.bookDepthLevels = bookDepthLevels;
            return this;
        }

        /**
         * Diff-depth update speed.
         *
         * @return milliseconds.
         */
        public int depthIntervalMs()
        {
            return depthIntervalMs;
        }

        /**
         * Diff-depth update speed, default {@value SyntheticMarketConfiguration#DEPTH_INTERVAL_MS_DEFAULT}.
         *
         * @param depthIntervalMs 100, 250 or 500.
         * @return this.
         */
        public Context depthIntervalMs(final int depthIntervalMs)
        {
            this.depthIntervalMs = depthIntervalMs;
            return this;
        }

        /**
         * Mark price update speed.
         *
         * @return milliseconds.
         */
        public int markPriceIntervalMs()
        {
            return markPriceIntervalMs;
        }

        /**
         * Mark price update speed, default {@value SyntheticMarketConfiguration#MARK_PRICE_INTERVAL_MS_DEFAULT}.
         *
         * @param markPriceIntervalMs 1000 or 3000.
         * @return this.
         */
        public Context markPriceIntervalMs(final int markPriceIntervalMs)
        {
            this.markPriceIntervalMs = markPriceIntervalMs;
            return this;
        }

        /**
         * Interim kline interval.
         *
         * @return milliseconds, 0 for closing klines only.
         */
        public int klineUpdateIntervalMs()
        {
            return klineUpdateIntervalMs;
        }

        /**
         * Interim kline interval, default {@value SyntheticMarketConfiguration#KLINE_UPDATE_INTERVAL_MS_DEFAULT}.
         *
         * @param klineUpdateIntervalMs 0, or 250 to 60000.
         * @return this.
         */
        public Context klineUpdateIntervalMs(final int klineUpdateIntervalMs)
        {
            this.klineUpdateIntervalMs = klineUpdateIntervalMs;
            return this;
        }

        /**
         * Random anomalies per instrument-hour.
         *
         * @return the rate.
         */
        public double anomalyRatePerInstrumentHour()
        {
            return anomalyRatePerInstrumentHour;
        }

        /**
         * Random anomalies per instrument-hour, default
         * {@value SyntheticMarketConfiguration#ANOMALY_RATE_DEFAULT}; 0 leaves only the explicit schedule.
         *
         * @param anomalyRatePerInstrumentHour 0 or positive.
         * @return this.
         */
        public Context anomalyRatePerInstrumentHour(final double anomalyRatePerInstrumentHour)
        {
            this.anomalyRatePerInstrumentHour = anomalyRatePerInstrumentHour;
            return this;
        }

        /**
         * Quiet time before random anomalies.
         *
         * @return nanoseconds.
         */
        public long anomalyWarmUpNs()
        {
            return anomalyWarmUpNs;
        }

        /**
         * Quiet time after the start before random anomalies, default 2 minutes.
         *
         * @param anomalyWarmUpNs nanoseconds.
         * @return this.
         */
        public Context anomalyWarmUpNs(final long anomalyWarmUpNs)
        {
            this.anomalyWarmUpNs = anomalyWarmUpNs;
            return this;
        }

        /**
         * Background liquidations per instrument-hour.
         *
         * @return the rate.
         */
        public double liquidationRatePerInstrumentHour()
        {
            return liquidationRatePerInstrumentHour;
        }

        /**
         * Background liquidations per instrument-hour, default
         * {@value SyntheticMarketConfiguration#LIQUIDATION_RATE_DEFAULT}.
         *
         * @param liquidationRatePerInstrumentHour 0 or positive.
         * @return this.
         */
        public Context liquidationRatePerInstrumentHour(final double liquidationRatePerInstrumentHour)
        {
            this.liquidationRatePerInstrumentHour = liquidationRatePerInstrumentHour;
            return this;
        }

        /**
         * Closed 1m bars a BREAKOUT breaks the range of.
         *
         * @return bars.
         */
        public int breakoutLookbackBars()
        {
            return breakoutLookbackBars;
        }

        /**
         * Closed 1m bars a BREAKOUT breaks the range of, default
         * {@value SyntheticMarketConfiguration#BREAKOUT_LOOKBACK_BARS_DEFAULT}.
         *
         * @param breakoutLookbackBars 1 to 1440.
         * @return this.
         */
        public Context breakoutLookbackBars(final int breakoutLookbackBars)
        {
            this.breakoutLookbackBars = breakoutLookbackBars;
            return this;
        }

        /**
         * Closed 1m klines of history per instrument.
         *
         * @return bars, 0 for none.
         */
        public int historyBars()
        {
            return historyBars;
        }

        /**
         * Closed 1m klines of history per instrument, covering the whole minutes before the start and delivered
         * before the first live frame (see {@link SyntheticMarket#emitHistory(int)}), default
         * {@value SyntheticMarketConfiguration#HISTORY_BARS_DEFAULT}. They do not change the live frames.
         *
         * @param historyBars 0 (none) to 1440.
         * @return this.
         */
        public Context historyBars(final int historyBars)
        {
            this.historyBars = historyBars;
            return this;
        }

        /**
         * Top levels loaded by a BOOK_IMBALANCE.
         *
         * @return levels.
         */
        public int imbalanceLevels()
        {
            return imbalanceLevels;
        }

        /**
         * Top levels loaded by a BOOK_IMBALANCE, default
         * {@value SyntheticMarketConfiguration#IMBALANCE_LEVELS_DEFAULT}.
         *
         * @param imbalanceLevels 1 to the book depth.
         * @return this.
         */
        public Context imbalanceLevels(final int imbalanceLevels)
        {
            this.imbalanceLevels = imbalanceLevels;
            return this;
        }

        /**
         * Fewest forced liquidations in a cascade.
         *
         * @return orders.
         */
        public int cascadeMinOrders()
        {
            return cascadeMinOrders;
        }

        /**
         * Fewest forced liquidations in a cascade (the most is this plus 8), default
         * {@value SyntheticMarketConfiguration#CASCADE_MIN_ORDERS_DEFAULT}.
         *
         * @param cascadeMinOrders 2 to 100.
         * @return this.
         */
        public Context cascadeMinOrders(final int cascadeMinOrders)
        {
            this.cascadeMinOrders = cascadeMinOrders;
            return this;
        }

        /**
         * Lowest initial price.
         *
         * @return the price.
         */
        public double minPrice()
        {
            return minPrice;
        }

        /**
         * Lowest initial price, default {@value SyntheticMarketConfiguration#MIN_PRICE_DEFAULT}.
         *
         * @param minPrice at least 0.0001.
         * @return this.
         */
        public Context minPrice(final double minPrice)
        {
            this.minPrice = minPrice;
            return this;
        }

        /**
         * Highest initial price.
         *
         * @return the price.
         */
        public double maxPrice()
        {
            return maxPrice;
        }

        /**
         * Highest initial price, default {@value SyntheticMarketConfiguration#MAX_PRICE_DEFAULT}.
         *
         * @param maxPrice at most 1,000,000.
         * @return this.
         */
        public Context maxPrice(final double maxPrice)
        {
            this.maxPrice = maxPrice;
            return this;
        }

        /**
         * Kinds the random schedule draws from.
         *
         * @return the kinds.
         */
        public Set<AnomalyKind> anomalyKinds()
        {
            return anomalyKinds;
        }

        /**
         * Kinds the random schedule draws from, default all; the explicit schedule may use any kind.
         *
         * @param anomalyKinds the kinds, empty for none.
         * @return this.
         */
        public Context anomalyKinds(final Set<AnomalyKind> anomalyKinds)
        {
            this.anomalyKinds = null == anomalyKinds || anomalyKinds.isEmpty() ?
                EnumSet.noneOf(AnomalyKind.class) : EnumSet.copyOf(anomalyKinds);
            return this;
        }

        /**
         * Explicit anomalies.
         *
         * @return the schedule.
         */
        public List<AnomalySpec> anomalySchedule()
        {
            return anomalySchedule;
        }

        /**
         * Explicit anomalies, in addition to the random ones; instruments named here get no random anomalies. At
         * most one anomaly per instrument at a time.
         *
         * @param anomalySchedule the anomalies, empty for none.
         * @return this.
         */
        public Context anomalySchedule(final List<AnomalySpec> anomalySchedule)
        {
            this.anomalySchedule = null == anomalySchedule ? null : List.copyOf(anomalySchedule);
            return this;
        }

        /**
         * Registry the instruments are added to.
         *
         * @return the registry.
         */
        public InstrumentRegistry registry()
        {
            return registry;
        }

        /**
         * Registry the instruments are added to; a new one by default. Instruments already there under the same
         * venue and symbol keep their ids.
         *
         * @param registry to fill.
         * @return this.
         */
        public Context registry(final InstrumentRegistry registry)
        {
            this.registry = registry;
            return this;
        }
    }
}
