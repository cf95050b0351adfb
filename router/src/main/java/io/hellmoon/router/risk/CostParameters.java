/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.risk;

/**
 * Parameters of the cost model; see {@link CostModel} for the formulas.
 *
 * @param makerFeeRate             fee rate of passive (post-only) entries, e.g. 0.0002 = 0.02 %.
 * @param takerFeeRate             fee rate of aggressive entries and of every exit, e.g. 0.0005 = 0.05 %.
 * @param baseSlippageBps          slippage per fill in basis points before the volatility term.
 * @param volatilitySlippageFactor basis points of slippage added per unit of ATR / price.
 * @param fundingRatePerEightHours perpetual funding rate per 8 h, charged as a cost whatever the side.
 * @param expectedHoldingHours     holding time funding is charged over.
 * @param maxCostInR               the size is cut until the expected cost is at most this fraction of 1R.
 * @param rejectCostInR            rejected when the cost is this fraction of the stop distance or more, which no cut
 *                                 can improve.
 */
public record CostParameters(
    double makerFeeRate,
    double takerFeeRate,
    double baseSlippageBps,
    double volatilitySlippageFactor,
    double fundingRatePerEightHours,
    double expectedHoldingHours,
    double maxCostInR,
    double rejectCostInR)
{
    /**
     * The defaults: maker 0.02 %, taker 0.05 %, 3 bps base slippage plus 50 bps per unit of ATR / price, funding
     * 0.01 % per 8 h over 8 h, size cut above 0.15 R, rejected at 0.5 of the stop distance.
     */
    public static final CostParameters DEFAULTS =
        new CostParameters(0.0002, 0.0005, 3.0, 50.0, 0.0001, 8.0, 0.15, 0.5);
}
