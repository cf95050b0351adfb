/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.risk;

/**
 * Result of {@link CostModel#estimate}: a mutable holder reused for every estimate so the decision path does not
 * allocate. All amounts are in quote currency.
 */
public final class CostEstimate
{
    /**
     * Entry fee.
     */
    public double entryFee;

    /**
     * Exit fee (at the stop, the worst case).
     */
    public double exitFee;

    /**
     * Slippage per fill in basis points.
     */
    public double slippageBps;

    /**
     * Entry slippage.
     */
    public double entrySlippage;

    /**
     * Exit slippage.
     */
    public double exitSlippage;

    /**
     * Funding over the expected holding time.
     */
    public double funding;

    /**
     * Sum of fees, slippage and funding.
     */
    public double totalCost;

    /**
     * Total cost over the 1R risk budget.
     */
    public double costInR;

    /**
     * Total cost over the money actually at risk (quantity x stop distance); independent of size.
     */
    public double costOfStop;

    /**
     * R multiple at the target after costs, in units of the money actually at risk.
     */
    public double netRewardR;

    /**
     * Price at which closing the trade makes nothing after costs.
     */
    public double breakevenPrice;

    /**
     * Reset every value to zero.
     */
    public void reset()
    {
        entryFee = 0;
        exitFee = 0;
        slippageBps = 0;
        entrySlippage = 0;
        exitSlippage = 0;
        funding = 0;
        totalCost = 0;
        costInR = 0;
        costOfStop = 0;
        netRewardR = 0;
        breakevenPrice = 0;
    }
}
