/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.risk;

import io.hellmoon.router.state.InstrumentSpec;
import io.hellmoon.sbe.RejectReason;

/**
 * Sizes an entry, allocation free:
 * <ol>
 *   <li>1R = equity x risk per trade x regime factor x symbol modifier;</li>
 *   <li>entry on the tick grid, stop = entry -/+ k1 x ATR, target = entry +/- k2 x ATR, both on the tick grid;</li>
 *   <li>quantity = 1R / stop distance, capped so that quantity x entry is within the notional limit;</li>
 *   <li>rejected {@link RejectReason#COST_TOO_HIGH} when the expected cost is {@code reject_cost_in_r} of the money
 *       at risk or more (a smaller size costs proportionally less but risks proportionally less too, so no cut can
 *       help); otherwise, when the cost exceeds {@code max_cost_in_r} x 1R, the quantity is cut by
 *       {@code max_cost_in_r / cost_in_R} so the cost is exactly that fraction of 1R (the seed's rule);</li>
 *   <li>rounded down to the step size; below the minimum quantity or notional it is rejected
 *       {@link RejectReason#SIZE_BELOW_MINIMUM}, or {@link RejectReason#COST_TOO_HIGH} when it was the cost cut that
 *       took it below.</li>
 * </ol>
 */
public final class PositionSizer
{
    private PositionSizer()
    {
    }

    /**
     * Size an entry.
     *
     * @param equity          account equity in quote currency.
     * @param riskPerTrade    fraction of equity risked per trade.
     * @param regimeFactor    risk factor of the volatility regime.
     * @param symbolModifier  symbol performance modifier, 0.5 to 1.0.
     * @param k1              stop multiple of ATR.
     * @param k2              target multiple of ATR.
     * @param atr             average true range in price units, positive.
     * @param buy             true for a long entry.
     * @param entryPrice      expected entry price in price units.
     * @param maxNotional     largest order value allowed (strategy cap and portfolio headroom).
     * @param costs           cost model parameters.
     * @param passiveEntry    true for post-only entries.
     * @param instrument      scales and minimums.
     * @param out             receives the result.
     * @return {@code out}.
     */
    public static SizingResult size(
        final double equity,
        final double riskPerTrade,
        final double regimeFactor,
        final double symbolModifier,
        final double k1,
        final double k2,
        final double atr,
        final boolean buy,
        final double entryPrice,
        final double maxNotional,
        final CostParameters costs,
        final boolean passiveEntry,
        final InstrumentSpec instrument,
        final SizingResult out)
    {
        out.reset();
        out.regimeFactor = regimeFactor;
        out.symbolModifier = symbolModifier;
        out.sizeFactor = regimeFactor * symbolModifier;
        out.riskAmount = equity * riskPerTrade * out.sizeFactor;

        out.entryPrice = instrument.roundPrice(entryPrice);
        final double entry = instrument.toPrice(out.entryPrice);
        final double stopOffset = k1 * atr;
        final double targetOffset = k2 * atr;
        out.stopPrice = instrument.roundPrice(buy ? entry - stopOffset : entry + stopOffset);
        out.targetPrice = instrument.roundPrice(buy ? entry + targetOffset : entry - targetOffset);
        final double stop = instrument.toPrice(out.stopPrice);
        final double target = instrument.toPrice(out.targetPrice);
        out.stopDistance = Math.abs(entry - stop);
        if (!(entry > 0) || !(stop > 0) || !(target > 0) || !(out.stopDistance > 0))
        {
            out.reason = RejectReason.INVALID_ORDER;
            return out;
        }

        double quantity = out.riskAmount / out.stopDistance;
        out.quantityByRisk = quantity;
        if (quantity * entry > maxNotional)
        {
            quantity = maxNotional / entry;
            out.notionalCapped = true;
        }

        final boolean funding = instrument.fundingApplies();
        CostModel.estimate(costs, passiveEntry, funding, buy, entry, stop, target, quantity, atr, out.riskAmount,
            out.cost);
        if (out.cost.costOfStop >= costs.rejectCostInR())
        {
            out.reason = RejectReason.COST_TOO_HIGH;
            return out;
        }

        final double uncut = quantity;
        if (out.cost.costInR > costs.maxCostInR())
        {
            out.costCut = costs.maxCostInR() / out.cost.costInR;
            quantity *= out.costCut;
            out.sizeFactor *= out.costCut;
        }

        out.quantity = instrument.floorQuantity(quantity);
        out.quantityUnits = instrument.toSize(out.quantity);
        out.notional = out.quantityUnits * entry;
        CostModel.estimate(costs, passiveEntry, funding, buy, entry, stop, target, out.quantityUnits, atr,
            out.riskAmount, out.cost);

        if (!isAboveMinimum(instrument, out.quantity, entry))
        {
            final boolean cutDidIt = out.costCut < 1.0 &&
                isAboveMinimum(instrument, instrument.floorQuantity(uncut), entry);
            out.reason = cutDidIt ? RejectReason.COST_TOO_HIGH : RejectReason.SIZE_BELOW_MINIMUM;
        }
        return out;
    }

    private static boolean isAboveMinimum(final InstrumentSpec instrument, final long quantity, final double entry)
    {
        return quantity > 0 && quantity >= instrument.minQty() &&
            instrument.toSize(quantity) * entry >= instrument.minNotional();
    }
}
