/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.state;

import io.hellmoon.router.risk.SymbolPerformance;

import java.util.Arrays;

/**
 * Open positions and entries in flight, as the router sees them from its own order intents and the executor's
 * {@code ExecutionReport} and {@code PositionUpdate} messages: which instruments are open or pending, which strategy
 * opened them, gross exposure, and each position's realised result when it closes (fed to
 * {@link SymbolPerformance}).
 * <p>
 * An entry is <em>pending</em> from the router's intent until the executor reports a position, or rejects, cancels
 * or expires the order without a fill, or the pending timeout passes (so a lost report cannot block an instrument
 * for ever). A pending entry counts as open for every limit. Single threaded, allocation free once sized.
 */
public final class PositionBook
{
    private static final int NO_OWNER = -1;

    private int capacity;
    private double[] quantity;
    private double[] notional;
    private int[] owner;
    private double[] riskAtEntry;
    private double[] realisedAtOpen;
    private double[] feesAtOpen;
    private long[] pendingClOrdId;
    private long[] pendingSinceNs;
    private double[] pendingNotional;
    private int[] pendingOwner;
    private boolean[] pending;
    private int[] openByStrategy = new int[16];
    private int openCount;
    private double grossNotional;

    /**
     * A book sized for some instrument ids; it grows as needed.
     *
     * @param initialCapacity ids to allocate for up front.
     */
    public PositionBook(final int initialCapacity)
    {
        allocate(Math.max(16, initialCapacity));
    }

    /**
     * Make room for an id; allocates only beyond the current capacity.
     *
     * @param id instrument id, already checked to be in range.
     */
    public void ensure(final int id)
    {
        if (id >= capacity)
        {
            allocate(Math.max(id + 1, capacity * 2));
        }
    }

    /**
     * Make room for strategy ordinals.
     *
     * @param ordinalLimit one more than the highest ordinal.
     */
    public void ensureStrategies(final int ordinalLimit)
    {
        if (ordinalLimit > openByStrategy.length)
        {
            openByStrategy = Arrays.copyOf(openByStrategy, Math.max(ordinalLimit, openByStrategy.length * 2));
        }
    }

    /**
     * Whether an instrument has a position or an entry in flight; an entry pending longer than the timeout is
     * dropped first.
     *
     * @param id               instrument id.
     * @param nowNs            current time.
     * @param pendingTimeoutNs how long an entry may stay pending.
     * @return true if open or pending.
     */
    public boolean isOpenOrPending(final int id, final long nowNs, final long pendingTimeoutNs)
    {
        if (id >= capacity)
        {
            return false;
        }
        if (pending[id] && nowNs - pendingSinceNs[id] > pendingTimeoutNs)
        {
            clearPending(id);
        }
        return pending[id] || 0 != quantity[id];
    }

    /**
     * Instruments open or pending.
     *
     * @return the count.
     */
    public int openCount()
    {
        return openCount;
    }

    /**
     * Positions open or pending that a strategy entered.
     *
     * @param ordinal of the strategy.
     * @return the count.
     */
    public int openForStrategy(final int ordinal)
    {
        return ordinal < openByStrategy.length ? openByStrategy[ordinal] : 0;
    }

    /**
     * Gross value of open positions and pending entries.
     *
     * @return quote currency.
     */
    public double grossNotional()
    {
        return grossNotional;
    }

    /**
     * The router sent an entry intent.
     *
     * @param id          instrument id.
     * @param clOrdId     of the intent.
     * @param ordinal     of the strategy.
     * @param notional    value of the entry.
     * @param riskAtEntry money at risk: quantity x stop distance, for R multiples.
     * @param nowNs       current time.
     */
    public void onIntent(
        final int id, final long clOrdId, final int ordinal, final double notional, final double riskAtEntry,
        final long nowNs)
    {
        ensure(id);
        if (!pending[id] && 0 == quantity[id])
        {
            openCount++;
        }
        if (pending[id])
        {
            release(id);
        }
        pending[id] = true;
        pendingClOrdId[id] = clOrdId;
        pendingSinceNs[id] = nowNs;
        pendingNotional[id] = notional;
        pendingOwner[id] = ordinal;
        this.riskAtEntry[id] = riskAtEntry;
        grossNotional += notional;
        if (ordinal >= 0 && ordinal < openByStrategy.length)
        {
            openByStrategy[ordinal]++;
        }
    }

    /**
     * An execution report: an entry rejected, cancelled or expired without a fill is no longer pending.
     *
     * @param id             instrument id.
     * @param clOrdId        of the order.
     * @param terminal       true for REJECTED, CANCELED or EXPIRED.
     * @param cumQuantity    filled so far (mantissa).
     */
    public void onExecutionReport(final int id, final long clOrdId, final boolean terminal, final long cumQuantity)
    {
        if (id < capacity && pending[id] && clOrdId == pendingClOrdId[id] && terminal && 0 == cumQuantity)
        {
            clearPending(id);
        }
    }

    /**
     * A position update from the executor.
     *
     * @param id          instrument id.
     * @param newQuantity signed position in base units.
     * @param price       mark, average entry or last price, for the notional.
     * @param realisedPnl cumulative realised P&amp;L.
     * @param fees        cumulative fees.
     * @param performance told of each position that closes.
     */
    public void onPositionUpdate(
        final int id,
        final double newQuantity,
        final double price,
        final double realisedPnl,
        final double fees,
        final SymbolPerformance performance)
    {
        ensure(id);
        final double oldQuantity = quantity[id];
        final boolean wasOpen = pending[id] || 0 != oldQuantity;
        final boolean closed = 0 != oldQuantity && (0 == newQuantity || Math.signum(newQuantity) !=
            Math.signum(oldQuantity));

        if (closed)
        {
            final double netPnl = (realisedPnl - realisedAtOpen[id]) - (fees - feesAtOpen[id]);
            final double risk = riskAtEntry[id];
            performance.onTradeClosed(id, netPnl, risk > 0 ? netPnl / risk : Double.NaN);
            if (owner[id] != NO_OWNER && owner[id] < openByStrategy.length)
            {
                openByStrategy[owner[id]]--;
            }
            owner[id] = NO_OWNER;
            riskAtEntry[id] = 0;
        }

        if (0 != newQuantity && (0 == oldQuantity || closed))
        {
            realisedAtOpen[id] = realisedPnl;
            feesAtOpen[id] = fees;
            if (pending[id])
            {
                owner[id] = pendingOwner[id];
                grossNotional -= pendingNotional[id];
                pendingNotional[id] = 0;
                pendingOwner[id] = NO_OWNER;
                pending[id] = false;
            }
            else if (closed)
            {
                riskAtEntry[id] = 0;
            }
        }

        grossNotional -= notional[id];
        quantity[id] = newQuantity;
        notional[id] = Math.abs(newQuantity) * (price > 0 ? price : 0.0);
        grossNotional += notional[id];

        final boolean isOpen = pending[id] || 0 != newQuantity;
        if (wasOpen && !isOpen)
        {
            openCount--;
        }
        else if (!wasOpen && isOpen)
        {
            openCount++;
        }
    }

    /**
     * Signed position of an instrument.
     *
     * @param id instrument id.
     * @return base units.
     */
    public double quantity(final int id)
    {
        return id < capacity ? quantity[id] : 0.0;
    }

    private void clearPending(final int id)
    {
        release(id);
        pending[id] = false;
        if (0 == quantity[id])
        {
            openCount--;
        }
    }

    private void release(final int id)
    {
        grossNotional -= pendingNotional[id];
        pendingNotional[id] = 0;
        final int ordinal = pendingOwner[id];
        if (ordinal >= 0 && ordinal < openByStrategy.length)
        {
            openByStrategy[ordinal]--;
        }
        pendingOwner[id] = NO_OWNER;
    }

    private void allocate(final int newCapacity)
    {
        final int oldCapacity = capacity;
        quantity = null == quantity ? new double[newCapacity] : Arrays.copyOf(quantity, newCapacity);
        notional = null == notional ? new double[newCapacity] : Arrays.copyOf(notional, newCapacity);
        owner = null == owner ? new int[newCapacity] : Arrays.copyOf(owner, newCapacity);
        riskAtEntry = null == riskAtEntry ? new double[newCapacity] : Arrays.copyOf(riskAtEntry, newCapacity);
        realisedAtOpen = null == realisedAtOpen ? new double[newCapacity] :
            Arrays.copyOf(realisedAtOpen, newCapacity);
        feesAtOpen = null == feesAtOpen ? new double[newCapacity] : Arrays.copyOf(feesAtOpen, newCapacity);
        pendingClOrdId = null == pendingClOrdId ? new long[newCapacity] : Arrays.copyOf(pendingClOrdId, newCapacity);
        pendingSinceNs = null == pendingSinceNs ? new long[newCapacity] : Arrays.copyOf(pendingSinceNs, newCapacity);
        pendingNotional = null == pendingNotional ? new double[newCapacity] :
            Arrays.copyOf(pendingNotional, newCapacity);
        pendingOwner = null == pendingOwner ? new int[newCapacity] : Arrays.copyOf(pendingOwner, newCapacity);
        pending = null == pending ? new boolean[newCapacity] : Arrays.copyOf(pending, newCapacity);
        Arrays.fill(owner, oldCapacity, newCapacity, NO_OWNER);
        Arrays.fill(pendingOwner, oldCapacity, newCapacity, NO_OWNER);
        capacity = newCapacity;
    }
}
