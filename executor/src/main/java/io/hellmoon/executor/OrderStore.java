/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;

/**
 * The executor's orders: a pool of preallocated {@link Order}s, the resting orders by client order id and per
 * instrument, and the window of recent client order ids that makes submission idempotent.
 * <p>
 * Only the pool's orders ever exist, so nothing is allocated per order. Every map is sized at construction for
 * its limit, so none ever resizes. Client order ids are remembered for the last {@code clOrdIdWindow} orders
 * (a ring of ids plus a hash set): a repeat within the window is a duplicate whatever became of the first order.
 * Not thread safe.
 */
final class OrderStore
{
    private final Order[] free;
    private int freeCount;
    private final int maxResting;
    private final Long2ObjectHashMap<Order> restingByClOrdId;
    private final long[] recentClOrdIds;
    private final LongHashSet recentClOrdIdSet;
    private int recentIndex;
    private int recentCount;

    /**
     * A store.
     *
     * @param maxResting    orders that may rest at once.
     * @param clOrdIdWindow client order ids remembered.
     */
    OrderStore(final int maxResting, final int clOrdIdWindow)
    {
        this.maxResting = maxResting;
        // Resting orders plus the one being processed plus a bracket exit raised while it is.
        final int poolSize = maxResting + 2;
        free = new Order[poolSize];
        for (int i = 0; i < poolSize; i++)
        {
            final Order order = new Order();
            order.reset();
            free[i] = order;
        }
        freeCount = poolSize;

        restingByClOrdId = new Long2ObjectHashMap<>(maxResting * 2, 0.65f);
        recentClOrdIds = new long[clOrdIdWindow];
        recentClOrdIdSet = new LongHashSet(clOrdIdWindow * 2, 0.65f);
    }

    /**
     * Take an order from the pool.
     *
     * @return a reset order.
     * @throws IllegalStateException if the pool is empty, which the resting limit makes impossible.
     */
    Order acquire()
    {
        if (0 == freeCount)
        {
            throw new IllegalStateException("order pool exhausted");
        }
        final Order order = free[--freeCount];
        free[freeCount] = null;
        return order;
    }

    /**
     * Return an order to the pool.
     *
     * @param order no longer referenced anywhere.
     */
    void release(final Order order)
    {
        order.reset();
        free[freeCount++] = order;
    }

    /**
     * Remember a client order id.
     *
     * @param clOrdId to remember.
     * @return false if it is already among the recent ids: a duplicate.
     */
    boolean remember(final long clOrdId)
    {
        if (recentClOrdIdSet.contains(clOrdId))
        {
            return false;
        }

        if (recentCount == recentClOrdIds.length)
        {
            recentClOrdIdSet.remove(recentClOrdIds[recentIndex]);
        }
        else
        {
            recentCount++;
        }
        recentClOrdIds[recentIndex] = clOrdId;
        recentIndex = recentIndex + 1 == recentClOrdIds.length ? 0 : recentIndex + 1;
        recentClOrdIdSet.add(clOrdId);
        return true;
    }

    /**
     * Whether another order may rest.
     *
     * @return true if below the resting limit.
     */
    boolean canRest()
    {
        return restingByClOrdId.size() < maxResting;
    }

    /**
     * Rest an order on its instrument.
     *
     * @param order to rest, with its instrument set.
     */
    void rest(final Order order)
    {
        final InstrumentState instrument = order.instrument;
        restingByClOrdId.put(order.clOrdId, order);
        // Appended, so resting orders are matched in time priority.
        order.next = null;
        order.previous = instrument.restingTail;
        if (null != instrument.restingTail)
        {
            instrument.restingTail.next = order;
        }
        else
        {
            instrument.restingHead = order;
        }
        instrument.restingTail = order;
        instrument.restingCount++;
        if (order.isBuy())
        {
            instrument.restingBuyQuantity += order.leavesQuantity();
        }
        else
        {
            instrument.restingSellQuantity += order.leavesQuantity();
        }
    }

    /**
     * Account for a fill of a resting order against its instrument's resting quantity.
     *
     * @param order    resting.
     * @param quantity filled.
     */
    void restingFilled(final Order order, final long quantity)
    {
        if (order.isBuy())
        {
            order.instrument.restingBuyQuantity -= quantity;
        }
        else
        {
            order.instrument.restingSellQuantity -= quantity;
        }
    }

    /**
     * Take an order off its instrument; the caller releases it.
     *
     * @param order resting.
     */
    void unrest(final Order order)
    {
        final InstrumentState instrument = order.instrument;
        restingByClOrdId.remove(order.clOrdId);
        if (null != order.previous)
        {
            order.previous.next = order.next;
        }
        else
        {
            instrument.restingHead = order.next;
        }
        if (null != order.next)
        {
            order.next.previous = order.previous;
        }
        else
        {
            instrument.restingTail = order.previous;
        }
        order.next = null;
        order.previous = null;
        instrument.restingCount--;
        if (order.isBuy())
        {
            instrument.restingBuyQuantity -= order.leavesQuantity();
        }
        else
        {
            instrument.restingSellQuantity -= order.leavesQuantity();
        }
    }

    /**
     * A resting order.
     *
     * @param clOrdId of the order.
     * @return the order or null if none rests with that id.
     */
    Order resting(final long clOrdId)
    {
        return restingByClOrdId.get(clOrdId);
    }

    /**
     * Orders resting.
     *
     * @return count.
     */
    int restingCount()
    {
        return restingByClOrdId.size();
    }
}
