/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.OrderStatus;
import io.hellmoon.sbe.OrderType;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TimeInForce;
import io.hellmoon.sbe.TradingMode;

/**
 * One order's state, pooled and reused: taken from {@link OrderStore} when an intent arrives, returned when the
 * order reaches a terminal state. Prices and sizes are mantissas at {@link #priceExponent}/{@link #sizeExponent}
 * (the instrument's once it is known). The times are those the next report carries: the intent's, or those of the
 * market-data message that caused a later fill.
 */
final class Order
{
    static final long NO_PRICE = 0;

    long clOrdId;
    long venueOrderId;
    int instrumentId;
    InstrumentState instrument;
    Side side;
    OrderType orderType;
    TimeInForce timeInForce;
    OrderPurpose purpose;
    TradingMode mode;
    int priceExponent;
    int sizeExponent;
    long quantity;
    long limitPrice;
    long expectedPrice;
    long stopPrice;
    long targetPrice;
    double maxSlippageBps;

    long cumQuantity;
    final Int128 filledNotional = new Int128();
    long fees;
    OrderStatus status;

    long eventTimeNs;
    long receiveTimeNs;
    long sourcePublishTimeNs;

    Order next;
    Order previous;

    /**
     * Clear every field for reuse.
     */
    void reset()
    {
        clOrdId = 0;
        venueOrderId = 0;
        instrumentId = 0;
        instrument = null;
        side = null;
        orderType = null;
        timeInForce = null;
        purpose = null;
        mode = null;
        priceExponent = 0;
        sizeExponent = 0;
        quantity = 0;
        limitPrice = NO_PRICE;
        expectedPrice = NO_PRICE;
        stopPrice = NO_PRICE;
        targetPrice = NO_PRICE;
        maxSlippageBps = Double.NaN;
        cumQuantity = 0;
        filledNotional.set(0);
        fees = 0;
        status = null;
        eventTimeNs = 0;
        receiveTimeNs = 0;
        sourcePublishTimeNs = 0;
        next = null;
        previous = null;
    }

    /**
     * Whether the order buys.
     *
     * @return true for a buy.
     */
    boolean isBuy()
    {
        return Side.BUY == side;
    }

    /**
     * Quantity still open.
     *
     * @return leaves quantity.
     */
    long leavesQuantity()
    {
        return quantity - cumQuantity;
    }

    /**
     * Volume-weighted average fill price.
     *
     * @return price mantissa, 0 before the first fill.
     */
    long averagePrice()
    {
        return 0 == cumQuantity ? 0 : filledNotional.divideRound(cumQuantity);
    }

    /**
     * Set the times the next reports carry.
     *
     * @param eventTimeNs         exchange event time of the cause.
     * @param receiveTimeNs       feed receive time of the cause.
     * @param sourcePublishTimeNs publish time of the message that caused it.
     */
    void times(final long eventTimeNs, final long receiveTimeNs, final long sourcePublishTimeNs)
    {
        this.eventTimeNs = eventTimeNs;
        this.receiveTimeNs = receiveTimeNs;
        this.sourcePublishTimeNs = sourcePublishTimeNs;
    }
}
