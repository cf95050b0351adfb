/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

/**
 * The default "top of book" model: an aggressive order takes everything shown at each level it walks; a resting
 * order fills completely when a trade prints through its price (price-time priority means every order at a better
 * price, ours included, traded first), and against the displayed size when the opposite quote reaches its price.
 */
public final class RealisticFillModel implements FillModel
{
    /**
     * The one instance; the model has no state.
     */
    public static final RealisticFillModel INSTANCE = new RealisticFillModel();

    private RealisticFillModel()
    {
    }

    /**
     * {@inheritDoc}
     */
    public long takeFromLevel(final long displayedSize, final long stepSize)
    {
        return displayedSize;
    }

    /**
     * {@inheritDoc}
     */
    public long fillOnTradeThrough(final long leavesQuantity, final long tradeSize, final long stepSize)
    {
        return leavesQuantity;
    }

    /**
     * {@inheritDoc}
     */
    public boolean fillsWhenQuoteReaches()
    {
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return REALISTIC;
    }
}
