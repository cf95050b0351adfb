/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import static io.hellmoon.executor.ExecutorConfiguration.AMOUNT_EXPONENT;

/**
 * One instrument's position, its P&amp;L and the bracket exits the executor manages for it.
 * <p>
 * Rules: fills on the position's side (or from flat) move the average entry to the quantity-weighted average;
 * fills against it realise {@code (price - averageEntry) * closedQuantity} (sign-adjusted for shorts) and leave the
 * average unchanged; a fill larger than the position closes it and opens the rest on the other side at the fill
 * price. Realised P&amp;L is gross; fees are kept apart, so net is {@code realised - fees}. Unrealised P&amp;L is
 * {@code (mark - averageEntry) * quantity}. Amounts are mantissas at {@link ExecutorConfiguration#AMOUNT_EXPONENT}.
 */
final class Position
{
    long quantity;
    long averageEntryPrice;
    long markPrice;
    long realisedPnl;
    long unrealisedPnl;
    long fees;
    int tradeCount;

    long stopPrice;
    long targetPrice;
    boolean bracketSuppressed;
    boolean bracketHeldUntilQuote;

    /**
     * Apply a fill.
     *
     * @param scratch       register.
     * @param buy           side of the fill.
     * @param fillQuantity  positive, at {@code sizeExponent}.
     * @param fillPrice     at {@code priceExponent}.
     * @param fee           amount mantissa.
     * @param priceExponent of the instrument.
     * @param sizeExponent  of the instrument.
     * @return realised P&amp;L of this fill (gross), amount mantissa.
     */
    long apply(
        final Int128 scratch,
        final boolean buy,
        final long fillQuantity,
        final long fillPrice,
        final long fee,
        final int priceExponent,
        final int sizeExponent)
    {
        final long signedQuantity = buy ? fillQuantity : -fillQuantity;
        long realised = 0;

        if (0 == quantity || (quantity > 0) == buy)
        {
            final long open = Math.abs(quantity);
            averageEntryPrice = scratch.multiply(averageEntryPrice, open).addProduct(fillPrice, fillQuantity)
                .divideRound(open + fillQuantity);
        }
        else
        {
            final long open = Math.abs(quantity);
            final long closed = Math.min(open, fillQuantity);
            final long priceGain = quantity > 0 ? fillPrice - averageEntryPrice : averageEntryPrice - fillPrice;
            realised = scratch.multiply(priceGain, closed).toLong(priceExponent + sizeExponent, AMOUNT_EXPONENT);
            if (fillQuantity > open)
            {
                averageEntryPrice = fillPrice;
            }
            else if (fillQuantity == open)
            {
                averageEntryPrice = 0;
            }
        }

        quantity += signedQuantity;
        realisedPnl += realised;
        fees += fee;
        tradeCount++;
        return realised;
    }

    /**
     * Mark the position to a price.
     *
     * @param scratch       register.
     * @param mark          price at {@code priceExponent}, or 0 to keep the previous mark.
     * @param priceExponent of the instrument.
     * @param sizeExponent  of the instrument.
     * @return change of unrealised P&amp;L, amount mantissa.
     */
    long mark(final Int128 scratch, final long mark, final int priceExponent, final int sizeExponent)
    {
        if (mark > 0)
        {
            markPrice = mark;
        }

        final long unrealised = 0 == quantity || 0 == markPrice ? 0 :
            scratch.multiply(markPrice - averageEntryPrice, quantity)
                .toLong(priceExponent + sizeExponent, AMOUNT_EXPONENT);
        final long change = unrealised - unrealisedPnl;
        unrealisedPnl = unrealised;
        return change;
    }

    /**
     * Whether a bracket (stop or target) is armed.
     *
     * @return true if either level is set.
     */
    boolean hasBracket()
    {
        return 0 != stopPrice || 0 != targetPrice;
    }

    /**
     * Disarm the bracket.
     */
    void clearBracket()
    {
        stopPrice = 0;
        targetPrice = 0;
        bracketSuppressed = false;
        bracketHeldUntilQuote = false;
    }
}
