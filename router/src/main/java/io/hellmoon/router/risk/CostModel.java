/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.risk;

/**
 * Expected round-trip cost of a trade, allocation free. With entry price P, stop S, target T, quantity q, ATR A:
 * <pre>
 *   slippage_bps   = base_slippage_bps + volatility_slippage_factor x A / P
 *   entry fee      = P x q x (maker_fee_rate if post-only, else taker_fee_rate)
 *   exit fee       = S x q x taker_fee_rate                       (exits are assumed to be stop-outs, the worst case)
 *   entry slippage = P x q x slippage_bps / 10^4                  (0 for post-only)
 *   exit slippage  = S x q x slippage_bps / 10^4
 *   funding        = P x q x |funding_rate_per_8h| x expected_holding_hours / 8   (perpetuals and deliveries only)
 *   total          = fees + slippage + funding
 *   cost in R      = total / 1R budget
 *   cost of stop   = total / (q x |P - S|)
 *   net R at target = (q x |T - P| - total) / (q x |P - S|)
 *   break-even     = P + total / q for a buy, P - total / q for a sell
 * </pre>
 */
public final class CostModel
{
    private CostModel()
    {
    }

    /**
     * Estimate a trade's costs.
     *
     * @param parameters     of the model.
     * @param passiveEntry   true for a post-only entry (maker fee, no entry slippage).
     * @param fundingApplies true for derivatives that pay funding.
     * @param buy            true for a long entry.
     * @param entryPrice     expected entry price.
     * @param stopPrice      stop price.
     * @param targetPrice    target price.
     * @param quantity       base quantity.
     * @param atr            average true range in price units.
     * @param riskBudget     1R in quote currency.
     * @param out            receives the estimate.
     * @return {@code out}.
     */
    public static CostEstimate estimate(
        final CostParameters parameters,
        final boolean passiveEntry,
        final boolean fundingApplies,
        final boolean buy,
        final double entryPrice,
        final double stopPrice,
        final double targetPrice,
        final double quantity,
        final double atr,
        final double riskBudget,
        final CostEstimate out)
    {
        out.reset();
        final double entryNotional = entryPrice * quantity;
        final double exitNotional = stopPrice * quantity;

        out.slippageBps = parameters.baseSlippageBps() + parameters.volatilitySlippageFactor() * atr / entryPrice;
        out.entryFee = entryNotional * (passiveEntry ? parameters.makerFeeRate() : parameters.takerFeeRate());
        out.exitFee = exitNotional * parameters.takerFeeRate();
        out.entrySlippage = passiveEntry ? 0.0 : entryNotional * out.slippageBps / 10_000.0;
        out.exitSlippage = exitNotional * out.slippageBps / 10_000.0;
        out.funding = fundingApplies ?
            entryNotional * Math.abs(parameters.fundingRatePerEightHours()) * parameters.expectedHoldingHours() / 8.0 :
            0.0;
        out.totalCost = out.entryFee + out.exitFee + out.entrySlippage + out.exitSlippage + out.funding;

        final double stopDistance = Math.abs(entryPrice - stopPrice);
        final double atRisk = quantity * stopDistance;
        out.costInR = riskBudget > 0 ? out.totalCost / riskBudget : Double.POSITIVE_INFINITY;
        out.costOfStop = atRisk > 0 ? out.totalCost / atRisk : Double.POSITIVE_INFINITY;
        out.netRewardR = atRisk > 0 ?
            (quantity * Math.abs(targetPrice - entryPrice) - out.totalCost) / atRisk : Double.NEGATIVE_INFINITY;
        final double perUnit = quantity > 0 ? out.totalCost / quantity : 0.0;
        out.breakevenPrice = buy ? entryPrice + perUnit : entryPrice - perUnit;
        return out;
    }
}
