/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router;

import io.hellmoon.codecs.HellmoonConfiguration;
import io.hellmoon.router.risk.CostParameters;
import io.hellmoon.router.risk.SymbolPerformance;
import io.hellmoon.router.strategy.StrategyDefaults;

import java.io.File;

import static java.lang.System.getProperty;

/**
 * Property names and defaults of the router; {@link Router.Context} is seeded from them. Every key is documented in
 * router/README.md. Per-regime exit overrides use the seed's names instead ({@code EXIT_REGIME_HIGH_VOL_K1_SL=2.5},
 * as a system property or an environment variable): see {@link io.hellmoon.router.risk.ExitPolicy}.
 */
public final class RouterConfiguration
{
    /**
     * Trading mode: {@code paper} or {@code live}.
     */
    public static final String MODE_PROP_NAME = "hellmoon.router.mode";

    /**
     * Default mode.
     */
    public static final String MODE_DEFAULT = "paper";

    /**
     * Account equity in quote currency that risk per trade is a fraction of.
     */
    public static final String EQUITY_PROP_NAME = "hellmoon.router.equity";

    /**
     * Default equity.
     */
    public static final double EQUITY_DEFAULT = 10_000.0;

    /**
     * Folder of SDL strategy files.
     */
    public static final String STRATEGIES_DIR_PROP_NAME = "hellmoon.router.strategies.dir";

    /**
     * Default strategy folder.
     */
    public static final String STRATEGIES_DIR_DEFAULT = "strategies";

    /**
     * File where symbol performance statistics persist.
     */
    public static final String STATS_FILE_PROP_NAME = "hellmoon.router.stats.file";

    /**
     * Name of the statistics file in the run folder by default.
     */
    public static final String STATS_FILE_NAME_DEFAULT = "symbol-performance.json";

    /**
     * Least time between two writes of the statistics file.
     */
    public static final String STATS_FLUSH_INTERVAL_PROP_NAME = "hellmoon.router.stats.flush.interval";

    /**
     * Default flush interval.
     */
    public static final String STATS_FLUSH_INTERVAL_DEFAULT = "1s";

    /**
     * Router id, 0 to 255: the top byte of every decision and client order id, so routers never collide.
     */
    public static final String ROUTER_ID_PROP_NAME = "hellmoon.router.id";

    /**
     * Default router id.
     */
    public static final int ROUTER_ID_DEFAULT = 1;

    /**
     * Whether Hellmoon anomalies are traded in paper mode at start.
     */
    public static final String HELLMOON_PAPER_ENABLED_PROP_NAME = "hellmoon.router.hellmoon.paper.enabled";

    /**
     * Whether Hellmoon anomalies are traded in live mode at start.
     */
    public static final String HELLMOON_LIVE_ENABLED_PROP_NAME = "hellmoon.router.hellmoon.live.enabled";

    /**
     * Default fraction of equity risked per trade, for strategies that set none.
     */
    public static final String RISK_PER_TRADE_PROP_NAME = "hellmoon.router.risk.per.trade";

    /**
     * Default largest position value, for strategies that set none.
     */
    public static final String MAX_POSITION_NOTIONAL_PROP_NAME = "hellmoon.router.max.position.notional";

    /**
     * Default open positions per strategy, for strategies that set none.
     */
    public static final String STRATEGY_MAX_OPEN_POSITIONS_PROP_NAME = "hellmoon.router.strategy.max.open.positions";

    /**
     * Open positions across all strategies.
     */
    public static final String MAX_OPEN_POSITIONS_PROP_NAME = "hellmoon.router.max.open.positions";

    /**
     * Gross exposure limit as a multiple of equity.
     */
    public static final String MAX_GROSS_EXPOSURE_PROP_NAME = "hellmoon.router.max.gross.exposure";

    /**
     * Oldest quote an anomaly may be traded against.
     */
    public static final String MARKET_DATA_MAX_AGE_PROP_NAME = "hellmoon.router.market.data.max.age";

    /**
     * How long an entry may stay pending without an execution report or position.
     */
    public static final String PENDING_TIMEOUT_PROP_NAME = "hellmoon.router.pending.timeout";

    /**
     * Prefix of the risk factor per volatility regime: {@code hellmoon.router.regime.factor.high_vol}.
     */
    public static final String REGIME_FACTOR_PROP_PREFIX = "hellmoon.router.regime.factor.";

    /**
     * Maker fee rate.
     */
    public static final String COST_MAKER_FEE_RATE_PROP_NAME = "hellmoon.router.cost.maker.fee.rate";

    /**
     * Taker fee rate.
     */
    public static final String COST_TAKER_FEE_RATE_PROP_NAME = "hellmoon.router.cost.taker.fee.rate";

    /**
     * Base slippage in basis points.
     */
    public static final String COST_BASE_SLIPPAGE_BPS_PROP_NAME = "hellmoon.router.cost.base.slippage.bps";

    /**
     * Slippage basis points per unit of ATR / price.
     */
    public static final String COST_VOLATILITY_SLIPPAGE_FACTOR_PROP_NAME =
        "hellmoon.router.cost.volatility.slippage.factor";

    /**
     * Funding rate per 8 hours.
     */
    public static final String COST_FUNDING_RATE_PER_8H_PROP_NAME = "hellmoon.router.cost.funding.rate.per.8h";

    /**
     * Expected holding time funding is charged over.
     */
    public static final String COST_EXPECTED_HOLDING_HOURS_PROP_NAME = "hellmoon.router.cost.expected.holding.hours";

    /**
     * Cost in R above which the size is cut.
     */
    public static final String COST_MAX_COST_IN_R_PROP_NAME = "hellmoon.router.cost.max.cost.in.r";

    /**
     * Cost as a fraction of the stop distance from which the trade is rejected.
     */
    public static final String COST_REJECT_COST_IN_R_PROP_NAME = "hellmoon.router.cost.reject.cost.in.r";

    /**
     * Closed trades before the symbol risk modifier applies.
     */
    public static final String SYMBOL_MIN_TRADES_PROP_NAME = "hellmoon.router.symbol.min.trades";

    /**
     * Win rate below which a symbol is poor.
     */
    public static final String SYMBOL_POOR_WIN_RATE_PROP_NAME = "hellmoon.router.symbol.poor.win.rate";

    /**
     * Win rate from which a symbol is good.
     */
    public static final String SYMBOL_GOOD_WIN_RATE_PROP_NAME = "hellmoon.router.symbol.good.win.rate";

    /**
     * Average R below which a symbol is poor.
     */
    public static final String SYMBOL_POOR_AVERAGE_R_PROP_NAME = "hellmoon.router.symbol.poor.average.r";

    /**
     * Average R from which a symbol is good.
     */
    public static final String SYMBOL_GOOD_AVERAGE_R_PROP_NAME = "hellmoon.router.symbol.good.average.r";

    /**
     * Risk modifier of a poor symbol.
     */
    public static final String SYMBOL_POOR_MULTIPLIER_PROP_NAME = "hellmoon.router.symbol.poor.multiplier";

    /**
     * Consecutive losses that disable a symbol.
     */
    public static final String SYMBOL_DISABLE_AFTER_LOSSES_PROP_NAME = "hellmoon.router.symbol.disable.after.losses";

    /**
     * Consecutive shadow wins that re-enable a symbol.
     */
    public static final String SYMBOL_REENABLE_AFTER_WINS_PROP_NAME = "hellmoon.router.symbol.reenable.after.wins";

    /**
     * Default {@code live_settings.max_slippage_pct}.
     */
    public static final String MAX_SLIPPAGE_PCT_PROP_NAME = "hellmoon.router.max.slippage.pct";

    /**
     * Default {@code live_settings.cancel_if_latency_ms}.
     */
    public static final String CANCEL_IF_LATENCY_MS_PROP_NAME = "hellmoon.router.cancel.if.latency.ms";

    /**
     * Fragments polled per subscription per duty cycle.
     */
    public static final String FRAGMENT_LIMIT_PROP_NAME = "hellmoon.router.fragment.limit";

    /**
     * Default fragment limit.
     */
    public static final int FRAGMENT_LIMIT_DEFAULT = 64;

    /**
     * How long the intent publisher retries under back pressure before dropping (and counting) a message.
     */
    public static final String INTENT_RETRY_TIMEOUT_PROP_NAME = "hellmoon.router.intent.retry.timeout";

    /**
     * Default retry timeout.
     */
    public static final String INTENT_RETRY_TIMEOUT_DEFAULT = "10ms";

    /**
     * Extra scan stream ids to subscribe to, comma separated, beside {@code hellmoon.scan.stream.id}.
     */
    public static final String EXTRA_SCAN_STREAM_IDS_PROP_NAME = "hellmoon.router.extra.scan.stream.ids";

    private RouterConfiguration()
    {
    }

    static String mode()
    {
        return getProperty(MODE_PROP_NAME, MODE_DEFAULT);
    }

    static String strategiesDir()
    {
        return getProperty(STRATEGIES_DIR_PROP_NAME, STRATEGIES_DIR_DEFAULT);
    }

    static String statsFile()
    {
        return getProperty(STATS_FILE_PROP_NAME,
            HellmoonConfiguration.runDir() + File.separator + STATS_FILE_NAME_DEFAULT);
    }

    static String text(final String propName, final String defaultValue)
    {
        return getProperty(propName, defaultValue);
    }

    static String text(final String propName, final double defaultValue)
    {
        return getProperty(propName, Double.toString(defaultValue));
    }

    static String text(final String propName, final long defaultValue)
    {
        return getProperty(propName, Long.toString(defaultValue));
    }

    static String text(final String propName, final boolean defaultValue)
    {
        return getProperty(propName, Boolean.toString(defaultValue));
    }

    static StrategyDefaults strategyDefaults()
    {
        return StrategyDefaults.defaults();
    }

    static CostParameters costs()
    {
        return CostParameters.DEFAULTS;
    }

    static SymbolPerformance.Config symbolConfig()
    {
        return SymbolPerformance.Config.DEFAULTS;
    }
}
