/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

/**
 * Totals over every instrument and the trading day the daily loss limit is measured over.
 * <p>
 * Equity here is realised P&amp;L net of fees plus unrealised P&amp;L, summed over instruments and kept up to date
 * by deltas, so reading it is O(1). The day is the UTC day of the injected clock; its starting equity is taken at
 * the first message processed in the day, before that message changes anything, so a loss made before the day's
 * first order still counts against it.
 */
final class Portfolio
{
    static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private long realisedNet;
    private long unrealised;
    private long dayIndex = Long.MIN_VALUE;
    private long equityAtDayStart;

    /**
     * Account for a fill.
     *
     * @param realised gross realised P&amp;L of the fill.
     * @param fee      paid.
     */
    void onFill(final long realised, final long fee)
    {
        realisedNet += realised - fee;
    }

    /**
     * Account for a change of an instrument's unrealised P&amp;L.
     *
     * @param change of unrealised.
     */
    void onMark(final long change)
    {
        unrealised += change;
    }

    /**
     * Start a new day if the time is in a later (or earlier, on a replayed clock) UTC day.
     *
     * @param nowNs epoch nanoseconds.
     * @return true if a new day started.
     */
    boolean rollDay(final long nowNs)
    {
        final long day = Math.floorDiv(nowNs, NANOS_PER_DAY);
        if (day != dayIndex)
        {
            dayIndex = day;
            equityAtDayStart = equity();
            return true;
        }
        return false;
    }

    /**
     * Realised net of fees plus unrealised, over all instruments.
     *
     * @return amount mantissa.
     */
    long equity()
    {
        return realisedNet + unrealised;
    }

    /**
     * P&amp;L since the start of the day.
     *
     * @return amount mantissa, negative for a loss.
     */
    long dayPnl()
    {
        return equity() - equityAtDayStart;
    }

    /**
     * Realised net of fees over all instruments.
     *
     * @return amount mantissa.
     */
    long realisedNet()
    {
        return realisedNet;
    }

    /**
     * Unrealised over all instruments.
     *
     * @return amount mantissa.
     */
    long unrealised()
    {
        return unrealised;
    }
}
