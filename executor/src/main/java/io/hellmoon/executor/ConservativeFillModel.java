/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

/**
 * A pessimistic model for backtests that must not flatter a strategy: an aggressive order takes only a fraction of
 * each visible level (others compete for it), and a resting order fills only on prints strictly through its price,
 * at most the printed size, never because a quote reached it.
 */
public final class ConservativeFillModel implements FillModel
{
    private static final long FRACTION_SCALE = 1_000_000L;

    private final long fractionPpm;

    /**
     * A conservative model.
     *
     * @param fraction of each visible level an aggressive order may take, in (0, 1].
     */
    public ConservativeFillModel(final double fraction)
    {
        if (!(fraction > 0.0 && fraction <= 1.0))
        {
            throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
        }
        this.fractionPpm = Math.round(fraction * FRACTION_SCALE);
    }

    /**
     * {@inheritDoc}
     */
    public long takeFromLevel(final long displayedSize, final long stepSize)
    {
        final long share = Math.multiplyHigh(displayedSize, fractionPpm) == 0 ?
            displayedSize * fractionPpm / FRACTION_SCALE : displayedSize / FRACTION_SCALE * fractionPpm;
        return roundDown(share, stepSize);
    }

    /**
     * {@inheritDoc}
     */
    public long fillOnTradeThrough(final long leavesQuantity, final long tradeSize, final long stepSize)
    {
        return roundDown(Math.min(leavesQuantity, tradeSize), stepSize);
    }

    /**
     * {@inheritDoc}
     */
    public boolean fillsWhenQuoteReaches()
    {
        return false;
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return CONSERVATIVE;
    }

    /**
     * The fraction of each level taken.
     *
     * @return the fraction.
     */
    public double fraction()
    {
        return fractionPpm / (double)FRACTION_SCALE;
    }

    private static long roundDown(final long quantity, final long stepSize)
    {
        return stepSize > 0 ? quantity - quantity % stepSize : quantity;
    }
}
