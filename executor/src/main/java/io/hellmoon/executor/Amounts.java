/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import static io.hellmoon.executor.ExecutorConfiguration.AMOUNT_EXPONENT;
import static io.hellmoon.executor.ExecutorConfiguration.RATE_EXPONENT;

/**
 * Quote-currency amounts from price and size mantissas, exact to {@link ExecutorConfiguration#AMOUNT_EXPONENT}
 * with one rounding (half away from zero) per amount.
 */
final class Amounts
{
    private Amounts()
    {
    }

    /**
     * Notional of a quantity at a price.
     *
     * @param scratch       register, overwritten.
     * @param price         mantissa at {@code priceExponent}.
     * @param priceExponent of the price.
     * @param quantity      mantissa at {@code sizeExponent}.
     * @param sizeExponent  of the quantity.
     * @return amount mantissa at {@link ExecutorConfiguration#AMOUNT_EXPONENT}.
     */
    static long notional(
        final Int128 scratch, final long price, final int priceExponent, final long quantity, final int sizeExponent)
    {
        return scratch.multiply(price, quantity).toLong(priceExponent + sizeExponent, AMOUNT_EXPONENT);
    }

    /**
     * Fee on a notional.
     *
     * @param scratch      register, overwritten.
     * @param notional     amount mantissa.
     * @param rateMantissa fee rate at {@link ExecutorConfiguration#RATE_EXPONENT}.
     * @return fee amount mantissa.
     */
    static long fee(final Int128 scratch, final long notional, final long rateMantissa)
    {
        return scratch.multiply(notional, rateMantissa).toLong(AMOUNT_EXPONENT + RATE_EXPONENT, AMOUNT_EXPONENT);
    }

    /**
     * Slippage of an order's fills so far against its expected price, in basis points, adverse positive; computed
     * from the exact filled notional, not the rounded average price.
     *
     * @param scratch       register, overwritten.
     * @param buy           side of the order.
     * @param notional      exact sum of fill price times fill quantity.
     * @param quantity      filled, positive.
     * @param expectedPrice reference, at the fill prices' exponent.
     * @return basis points, NaN when nothing filled or there is no reference.
     */
    static double slippageBps(
        final Int128 scratch, final boolean buy, final Int128 notional, final long quantity, final long expectedPrice)
    {
        if (quantity <= 0 || expectedPrice <= 0)
        {
            return Double.NaN;
        }
        final double difference = scratch.set(notional).addProduct(-expectedPrice, quantity).toDouble();
        final double expectedNotional = (double)expectedPrice * quantity;
        // Adding 0.0 turns the -0.0 of a sell without slippage into 0.0.
        return (buy ? difference : -difference) * 10_000.0 / expectedNotional + 0.0;
    }

    /**
     * Slippage of a price against an expected price in basis points, adverse positive: paying more on a buy or
     * receiving less on a sell.
     *
     * @param buy           side of the order.
     * @param price         achieved, same exponent as the expected price.
     * @param expectedPrice reference, positive.
     * @return basis points, NaN when there is no reference.
     */
    static double slippageBps(final boolean buy, final long price, final long expectedPrice)
    {
        if (expectedPrice <= 0 || price <= 0)
        {
            return Double.NaN;
        }
        final double difference = buy ? (double)(price - expectedPrice) : (double)(expectedPrice - price);
        return difference * 10_000.0 / expectedPrice + 0.0;
    }
}
