/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.strategy;

import io.hellmoon.router.risk.CostParameters;
import io.hellmoon.router.risk.ExitPolicy;

/**
 * Values a strategy gets for every field it leaves out, from the router's configuration.
 *
 * @param exits               exit policy per regime (built-in, overridden by {@code EXIT_REGIME_*} keys).
 * @param riskPerTrade        fraction of equity risked per trade.
 * @param maxPositionNotional largest position value in quote currency.
 * @param maxOpenPositions    open positions per strategy.
 * @param regimeFactors       risk factor per volatility regime, indexed by {@code Regimes}.
 * @param costs               cost model parameters.
 * @param maxSlippagePct      {@code live_settings.max_slippage_pct}.
 * @param cancelIfLatencyMs   {@code live_settings.cancel_if_latency_ms}; 0 disables the check.
 */
public record StrategyDefaults(
    ExitPolicy exits,
    double riskPerTrade,
    double maxPositionNotional,
    int maxOpenPositions,
    double[] regimeFactors,
    CostParameters costs,
    double maxSlippagePct,
    int cancelIfLatencyMs)
{
    /**
     * Regime factors of the seed: LOW_VOL 1.2, NORMAL_VOL 1.0, HIGH_VOL 0.75, EXTREME_VOL 0.5.
     */
    public static final double[] DEFAULT_REGIME_FACTORS = { 1.2, 1.0, 0.75, 0.5 };

    /**
     * Defaults as documented in the README: exits from {@link ExitPolicy#defaults()}, 1 % risk per trade, 5,000
     * notional, 5 open positions, the seed's regime factors and costs, 0.2 % slippage, 250 ms latency limit.
     *
     * @return the defaults.
     */
    public static StrategyDefaults defaults()
    {
        return new StrategyDefaults(
            ExitPolicy.defaults(), 0.01, 5_000.0, 5, DEFAULT_REGIME_FACTORS.clone(), CostParameters.DEFAULTS, 0.2, 250);
    }
}
