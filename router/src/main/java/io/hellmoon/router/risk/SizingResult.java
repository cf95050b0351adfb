/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.risk;

import io.hellmoon.sbe.RejectReason;

/**
 * Result of {@link PositionSizer#size}: a mutable holder reused for every decision.
 */
public final class SizingResult
{
    /**
     * {@link RejectReason#NONE} when a valid order was sized, else why not.
     */
    public RejectReason reason = RejectReason.NONE;

    /**
     * 1R: equity x risk per trade x regime factor x symbol modifier, in quote currency.
     */
    public double riskAmount;

    /**
     * Regime factor applied.
     */
    public double regimeFactor;

    /**
     * Symbol performance modifier applied.
     */
    public double symbolModifier;

    /**
     * Fraction the cost rule kept (1.0 when costs were within the limit).
     */
    public double costCut;

    /**
     * Regime factor x symbol modifier x cost cut.
     */
    public double sizeFactor;

    /**
     * True when the quantity was capped by the maximum notional or the portfolio headroom.
     */
    public boolean notionalCapped;

    /**
     * Quantity the risk budget alone gives, before caps, cost cut and rounding.
     */
    public double quantityByRisk;

    /**
     * Entry price mantissa (on the tick grid).
     */
    public long entryPrice;

    /**
     * Stop price mantissa.
     */
    public long stopPrice;

    /**
     * Target price mantissa.
     */
    public long targetPrice;

    /**
     * Quantity mantissa, rounded down to the step size.
     */
    public long quantity;

    /**
     * Stop distance in price units after tick rounding.
     */
    public double stopDistance;

    /**
     * Quantity in base units.
     */
    public double quantityUnits;

    /**
     * Order value in quote currency.
     */
    public double notional;

    /**
     * Costs of the final quantity.
     */
    public final CostEstimate cost = new CostEstimate();

    /**
     * Reset for a new decision.
     */
    public void reset()
    {
        reason = RejectReason.NONE;
        riskAmount = 0;
        regimeFactor = 0;
        symbolModifier = 0;
        costCut = 1.0;
        sizeFactor = 0;
        notionalCapped = false;
        quantityByRisk = 0;
        entryPrice = 0;
        stopPrice = 0;
        targetPrice = 0;
        quantity = 0;
        stopDistance = 0;
        quantityUnits = 0;
        notional = 0;
        cost.reset();
    }
}
