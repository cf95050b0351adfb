/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.state;

import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.sbe.InstrumentKind;

/**
 * What sizing needs to know of an instrument, from its {@code InstrumentDefinition}: scales, tick and step sizes and
 * minimums. Created when the definition arrives, never per decision.
 */
public final class InstrumentSpec
{
    private final int id;
    private final String symbol;
    private final String key;
    private final int priceExponent;
    private final int sizeExponent;
    private final long tickSize;
    private final long stepSize;
    private final long minQty;
    private final double minNotional;
    private final boolean fundingApplies;

    /**
     * An instrument's specification.
     *
     * @param id            registry id.
     * @param symbol        venue symbol, e.g. {@code BTCUSDT}.
     * @param key           {@code VENUE:SYMBOL}.
     * @param kind          spot, perpetual or delivery; derivatives pay funding.
     * @param priceExponent of price mantissas.
     * @param sizeExponent  of size mantissas.
     * @param tickSize      price increment at {@code priceExponent}; 0 or less means one unit of the exponent.
     * @param stepSize      size increment at {@code sizeExponent}; 0 or less means one unit of the exponent.
     * @param minQty        smallest size at {@code sizeExponent}; 0 when none.
     * @param minNotional   smallest order value in quote currency; 0 when none.
     */
    public InstrumentSpec(
        final int id,
        final String symbol,
        final String key,
        final InstrumentKind kind,
        final int priceExponent,
        final int sizeExponent,
        final long tickSize,
        final long stepSize,
        final long minQty,
        final double minNotional)
    {
        this.id = id;
        this.symbol = symbol;
        this.key = key;
        this.priceExponent = priceExponent;
        this.sizeExponent = sizeExponent;
        this.tickSize = tickSize > 0 ? tickSize : 1;
        this.stepSize = stepSize > 0 ? stepSize : 1;
        this.minQty = Math.max(0, minQty);
        this.minNotional = Double.isFinite(minNotional) ? Math.max(0.0, minNotional) : 0.0;
        this.fundingApplies = InstrumentKind.PERPETUAL == kind || InstrumentKind.DELIVERY == kind;
    }

    /**
     * Registry id.
     *
     * @return the id.
     */
    public int id()
    {
        return id;
    }

    /**
     * Venue symbol.
     *
     * @return the symbol.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * {@code VENUE:SYMBOL}.
     *
     * @return the key.
     */
    public String key()
    {
        return key;
    }

    /**
     * Exponent of price mantissas.
     *
     * @return the exponent.
     */
    public int priceExponent()
    {
        return priceExponent;
    }

    /**
     * Exponent of size mantissas.
     *
     * @return the exponent.
     */
    public int sizeExponent()
    {
        return sizeExponent;
    }

    /**
     * Tick size mantissa.
     *
     * @return at least 1.
     */
    public long tickSize()
    {
        return tickSize;
    }

    /**
     * Step size mantissa.
     *
     * @return at least 1.
     */
    public long stepSize()
    {
        return stepSize;
    }

    /**
     * Minimum quantity mantissa.
     *
     * @return 0 when none.
     */
    public long minQty()
    {
        return minQty;
    }

    /**
     * Minimum notional.
     *
     * @return 0 when none.
     */
    public double minNotional()
    {
        return minNotional;
    }

    /**
     * Whether positions pay funding.
     *
     * @return true for perpetuals and deliveries.
     */
    public boolean fundingApplies()
    {
        return fundingApplies;
    }

    /**
     * Nearest price on the tick grid, as a mantissa at {@link #priceExponent()}.
     *
     * @param price in price units.
     * @return the mantissa.
     */
    public long roundPrice(final double price)
    {
        final double ticks = price / toPrice(tickSize);
        return Math.round(ticks) * tickSize;
    }

    /**
     * A quantity rounded down to the step size, as a mantissa at {@link #sizeExponent()}.
     *
     * @param quantity in base units.
     * @return the mantissa, 0 when below one step.
     */
    public long floorQuantity(final double quantity)
    {
        if (!(quantity > 0))
        {
            return 0;
        }
        // A hair of tolerance so 0.3 / 0.001 does not floor to 299 through binary rounding.
        final double steps = Math.floor(quantity / toSize(stepSize) * (1.0 + 1e-12));
        return steps >= (double)(Long.MAX_VALUE / stepSize) ? Long.MAX_VALUE / stepSize * stepSize :
            (long)steps * stepSize;
    }

    /**
     * A price mantissa in price units.
     *
     * @param mantissa at {@link #priceExponent()}.
     * @return the price.
     */
    public double toPrice(final long mantissa)
    {
        return FixedPoint.toDouble(mantissa, priceExponent);
    }

    /**
     * A size mantissa in base units.
     *
     * @param mantissa at {@link #sizeExponent()}.
     * @return the size.
     */
    public double toSize(final long mantissa)
    {
        return FixedPoint.toDouble(mantissa, sizeExponent);
    }
}
