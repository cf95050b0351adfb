/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.risk;

/**
 * Running performance of one symbol. Mutated only on the router's thread; read by the persistence writer on the
 * same thread.
 */
public final class SymbolStats
{
    final String key;
    int trades;
    int wins;
    int losses;
    int tradesWithR;
    double sumR;
    double totalPnl;
    int consecutiveWins;
    int consecutiveLosses;
    boolean enabled = true;
    int shadowConsecutiveWins;
    int shadowTrades;
    double riskModifier = 1.0;

    SymbolStats(final String key)
    {
        this.key = key;
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
     * Closed real trades.
     *
     * @return the count.
     */
    public int trades()
    {
        return trades;
    }

    /**
     * Winning trades (net P&amp;L above zero).
     *
     * @return the count.
     */
    public int wins()
    {
        return wins;
    }

    /**
     * Losing trades.
     *
     * @return the count.
     */
    public int losses()
    {
        return losses;
    }

    /**
     * Win rate.
     *
     * @return wins / trades, 0 without trades.
     */
    public double winRate()
    {
        return trades > 0 ? (double)wins / trades : 0.0;
    }

    /**
     * Average R multiple of the trades whose risk was known.
     *
     * @return the average, NaN when none.
     */
    public double averageR()
    {
        return tradesWithR > 0 ? sumR / tradesWithR : Double.NaN;
    }

    /**
     * Total net P&amp;L.
     *
     * @return quote currency.
     */
    public double totalPnl()
    {
        return totalPnl;
    }

    /**
     * Current run of wins.
     *
     * @return the count.
     */
    public int consecutiveWins()
    {
        return consecutiveWins;
    }

    /**
     * Current run of losses.
     *
     * @return the count.
     */
    public int consecutiveLosses()
    {
        return consecutiveLosses;
    }

    /**
     * Whether the symbol may be traded.
     *
     * @return false after too many consecutive losses, until re-enabled.
     */
    public boolean isEnabled()
    {
        return enabled;
    }

    /**
     * Current run of shadow wins while disabled.
     *
     * @return the count.
     */
    public int shadowConsecutiveWins()
    {
        return shadowConsecutiveWins;
    }

    /**
     * Shadow trades completed while disabled, in total.
     *
     * @return the count.
     */
    public int shadowTrades()
    {
        return shadowTrades;
    }

    /**
     * Risk modifier from 0.5 (poor) to 1.0.
     *
     * @return the modifier.
     */
    public double riskModifier()
    {
        return riskModifier;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return key + "{trades=" + trades + ", wins=" + wins + ", winRate=" + winRate() + ", avgR=" + averageR() +
            ", consecutiveWins=" + consecutiveWins + ", consecutiveLosses=" + consecutiveLosses + ", enabled=" +
            enabled + ", shadowWins=" + shadowConsecutiveWins + ", modifier=" + riskModifier + '}';
    }
}
