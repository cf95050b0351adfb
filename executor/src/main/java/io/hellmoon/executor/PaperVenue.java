/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.sbe.ExecType;
import io.hellmoon.sbe.LiquidityFlag;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.OrderType;
import io.hellmoon.sbe.RejectReason;
import io.hellmoon.sbe.TimeInForce;

/**
 * The paper venue: fills orders that passed pre-trade risk against the latest book, rests what does not fill,
 * fills resting orders as the market moves, and books every fill into the instrument's position.
 * <p>
 * <b>Aggressive orders</b> (market orders, marketable limit orders) walk the opposite side of the fill depth from
 * the best level, taking what the {@link FillModel} allows at each level's price as taker. They stop at the limit
 * price, at the first level whose slippage against the expected price exceeds the order's cap, or when the depth
 * runs out. What a market order or an IOC order does not get then expires (EXPIRED, with NO_LIQUIDITY for a
 * market order whose depth ran out); a FOK order that the visible depth cannot fill completely expires without a
 * fill; a slippage cap cancels the rest (CANCELED, SLIPPAGE_LIMIT), or rejects the order when even the best level
 * is beyond it. A GTC limit order rests with what is left. Paper fills deplete the levels they took until the next
 * book replaces them.
 * <p>
 * <b>Post-only</b> orders are rejected (VENUE_REJECTED) when marketable, else they rest.
 * <p>
 * <b>Resting orders</b> fill at their limit price as maker: when a trade prints strictly through the price (the
 * model says how much), and, if the model allows, when the opposite side of the book reaches the price (against
 * the displayed size there). Resting orders are matched in time priority, and never while the feed is not LIVE.
 * <p>
 * <b>Reports</b>: NEW on acceptance, then one PARTIAL_FILL or FILL per fill, each followed by a PositionUpdate;
 * CANCELED, EXPIRED or REJECTED end an order. An ENTRY order's stop and target arm the position's bracket when it
 * fills on the position's side.
 */
final class PaperVenue
{
    private static final int WALK_FILLED = 0;
    private static final int WALK_DEPTH_EXHAUSTED = 1;
    private static final int WALK_PRICE_LIMIT = 2;
    private static final int WALK_SLIPPAGE_LIMIT = 3;

    private final OrderStore orders;
    private final ExecutionReporter reporter;
    private final Portfolio portfolio;
    private final FillModel fillModel;
    private final ExecutorCounters counters;
    private final long takerFeeRate;
    private final long makerFeeRate;
    private final Int128 scratch = new Int128();
    private long nextVenueOrderId = 1;

    PaperVenue(
        final OrderStore orders,
        final ExecutionReporter reporter,
        final Portfolio portfolio,
        final ExecutorContext context,
        final ExecutorCounters counters)
    {
        this.orders = orders;
        this.reporter = reporter;
        this.portfolio = portfolio;
        this.fillModel = context.fillModel();
        this.counters = counters;
        this.takerFeeRate = context.takerFeeRateMantissa();
        this.makerFeeRate = context.makerFeeRateMantissa();
    }

    /**
     * Execute an order that passed pre-trade risk; the venue owns it from here and releases it when it is done.
     *
     * @param order normalised to its instrument.
     * @return {@link RejectReason#NONE} when accepted, else the reason it was rejected.
     */
    RejectReason execute(final Order order)
    {
        final InstrumentState instrument = order.instrument;
        final boolean buy = order.isBuy();
        final long bestOpposite = instrument.bestPrice(buy);
        final boolean market = OrderType.MARKET == order.orderType;
        if (order.expectedPrice <= 0)
        {
            // No expectation given: a limit order expects its limit, a market order the price on arrival.
            order.expectedPrice = market ? bestOpposite : order.limitPrice;
        }

        final boolean marketable = market ||
            (bestOpposite > 0 && (buy ? order.limitPrice >= bestOpposite : order.limitPrice <= bestOpposite));

        if (OrderType.POST_ONLY == order.orderType && marketable)
        {
            return reject(order, RejectReason.VENUE_REJECTED);
        }
        if (!market && TimeInForce.GTC == order.timeInForce && !orders.canRest())
        {
            return reject(order, RejectReason.VENUE_REJECTED);
        }
        if (marketable && exceedsSlippageCap(order, bestOpposite))
        {
            return reject(order, RejectReason.SLIPPAGE_LIMIT);
        }

        order.venueOrderId = nextVenueOrderId++;
        reporter.report(order, ExecType.NEW, RejectReason.NONE, 0, 0, null, 0);
        counters.orders().incrementRelease();

        if (TimeInForce.FOK == order.timeInForce && fillableQuantity(order) < order.quantity)
        {
            finish(order, ExecType.EXPIRED, RejectReason.NO_LIQUIDITY);
            return RejectReason.NONE;
        }

        final int outcome = marketable ? walk(order) : WALK_PRICE_LIMIT;
        if (WALK_FILLED == outcome)
        {
            orders.release(order);
        }
        else if (WALK_SLIPPAGE_LIMIT == outcome)
        {
            finish(order, ExecType.CANCELED, RejectReason.SLIPPAGE_LIMIT);
        }
        else if (market)
        {
            finish(order, ExecType.EXPIRED, RejectReason.NO_LIQUIDITY);
        }
        else if (TimeInForce.GTC != order.timeInForce)
        {
            finish(order, ExecType.EXPIRED, RejectReason.NONE);
        }
        else
        {
            orders.rest(order);
        }

        return RejectReason.NONE;
    }

    /**
     * Reject an order before acceptance and release it.
     *
     * @param order  rejected.
     * @param reason why.
     * @return the reason.
     */
    RejectReason reject(final Order order, final RejectReason reason)
    {
        reporter.report(order, ExecType.REJECTED, reason, 0, 0, null, 0);
        counters.rejects().incrementRelease();
        orders.release(order);
        return reason;
    }

    /**
     * Cancel a resting order and release it.
     *
     * @param order               resting.
     * @param reason              why, NONE for a plain request.
     * @param eventTimeNs         of the cause.
     * @param receiveTimeNs       of the cause.
     * @param sourcePublishTimeNs of the cause.
     */
    void cancel(
        final Order order,
        final RejectReason reason,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long sourcePublishTimeNs)
    {
        orders.unrest(order);
        order.times(eventTimeNs, receiveTimeNs, sourcePublishTimeNs);
        finish(order, ExecType.CANCELED, reason);
    }

    /**
     * The instrument's book or best bid/offer changed: fill resting orders the opposite side now reaches, if the
     * fill model allows it.
     *
     * @param instrument          whose book changed.
     * @param eventTimeNs         of the market data.
     * @param receiveTimeNs       of the market data.
     * @param sourcePublishTimeNs publish time of the market data.
     */
    void onQuote(
        final InstrumentState instrument,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long sourcePublishTimeNs)
    {
        if (0 == instrument.restingCount || !fillModel.fillsWhenQuoteReaches() || !instrument.feedUsable())
        {
            return;
        }

        Order order = instrument.restingHead;
        while (null != order)
        {
            final Order next = order.next;
            final boolean buy = order.isBuy();
            final int levels = instrument.depth(buy);
            boolean consumed = false;
            for (int i = 0; i < levels && order.leavesQuantity() > 0; i++)
            {
                final long size = instrument.levelSize(buy, i);
                if (size <= 0)
                {
                    continue;
                }
                final long price = instrument.levelPrice(buy, i);
                if (buy ? price > order.limitPrice : price < order.limitPrice)
                {
                    break;
                }
                final long quantity = Math.min(order.leavesQuantity(), size);
                instrument.consume(buy, i, quantity);
                consumed = true;
                order.times(eventTimeNs, receiveTimeNs, sourcePublishTimeNs);
                restingFill(order, quantity);
            }
            if (consumed)
            {
                instrument.compact(buy);
            }
            order = next;
        }
    }

    /**
     * A trade printed: fill resting orders it went through.
     *
     * @param instrument          traded.
     * @param price               of the trade.
     * @param size                of the trade.
     * @param eventTimeNs         of the trade.
     * @param receiveTimeNs       of the trade.
     * @param sourcePublishTimeNs publish time of the trade message.
     */
    void onTrade(
        final InstrumentState instrument,
        final long price,
        final long size,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long sourcePublishTimeNs)
    {
        if (0 == instrument.restingCount || !instrument.feedUsable())
        {
            return;
        }

        Order order = instrument.restingHead;
        while (null != order)
        {
            final Order next = order.next;
            final boolean through = order.isBuy() ? price < order.limitPrice : price > order.limitPrice;
            if (through)
            {
                final long quantity = Math.min(
                    order.leavesQuantity(),
                    fillModel.fillOnTradeThrough(order.leavesQuantity(), size, instrument.stepSize));
                if (quantity > 0)
                {
                    order.times(eventTimeNs, receiveTimeNs, sourcePublishTimeNs);
                    restingFill(order, quantity);
                }
            }
            order = next;
        }
    }

    private int walk(final Order order)
    {
        final InstrumentState instrument = order.instrument;
        final boolean buy = order.isBuy();
        final boolean limited = OrderType.MARKET != order.orderType;
        final int levels = instrument.depth(buy);

        int outcome = WALK_DEPTH_EXHAUSTED;
        for (int i = 0; i < levels && order.leavesQuantity() > 0; i++)
        {
            final long size = instrument.levelSize(buy, i);
            if (size <= 0)
            {
                continue;
            }
            final long price = instrument.levelPrice(buy, i);
            if (limited && (buy ? price > order.limitPrice : price < order.limitPrice))
            {
                outcome = WALK_PRICE_LIMIT;
                break;
            }
            if (exceedsSlippageCap(order, price))
            {
                outcome = WALK_SLIPPAGE_LIMIT;
                break;
            }
            final long quantity = Math.min(
                order.leavesQuantity(), fillModel.takeFromLevel(size, instrument.stepSize));
            if (quantity > 0)
            {
                instrument.consume(buy, i, quantity);
                fill(order, quantity, price, LiquidityFlag.TAKER);
            }
        }
        instrument.compact(buy);

        return 0 == order.leavesQuantity() ? WALK_FILLED : outcome;
    }

    private long fillableQuantity(final Order order)
    {
        final InstrumentState instrument = order.instrument;
        final boolean buy = order.isBuy();
        final boolean limited = OrderType.MARKET != order.orderType;
        final int levels = instrument.depth(buy);

        long fillable = 0;
        for (int i = 0; i < levels && fillable < order.quantity; i++)
        {
            final long size = instrument.levelSize(buy, i);
            if (size <= 0)
            {
                continue;
            }
            final long price = instrument.levelPrice(buy, i);
            if ((limited && (buy ? price > order.limitPrice : price < order.limitPrice)) ||
                exceedsSlippageCap(order, price))
            {
                break;
            }
            fillable += fillModel.takeFromLevel(size, instrument.stepSize);
        }
        return fillable;
    }

    private static boolean exceedsSlippageCap(final Order order, final long price)
    {
        return order.maxSlippageBps > 0.0 && order.expectedPrice > 0 &&
            Amounts.slippageBps(order.isBuy(), price, order.expectedPrice) > order.maxSlippageBps;
    }

    private void restingFill(final Order order, final long quantity)
    {
        orders.restingFilled(order, quantity);
        fill(order, quantity, order.limitPrice, LiquidityFlag.MAKER);
        if (0 == order.leavesQuantity())
        {
            orders.unrest(order);
            orders.release(order);
        }
    }

    private void fill(final Order order, final long quantity, final long price, final LiquidityFlag liquidity)
    {
        final InstrumentState instrument = order.instrument;
        final int priceExponent = instrument.priceExponent;
        final int sizeExponent = instrument.sizeExponent;
        final long notional = Amounts.notional(scratch, price, priceExponent, quantity, sizeExponent);
        final long fee = Amounts.fee(
            scratch, notional, LiquidityFlag.TAKER == liquidity ? takerFeeRate : makerFeeRate);

        order.cumQuantity += quantity;
        order.filledNotional.addProduct(price, quantity);
        order.fees += fee;

        final Position position = instrument.position;
        final long before = position.quantity;
        final long realised = position.apply(scratch, order.isBuy(), quantity, price, fee, priceExponent, sizeExponent);
        portfolio.onFill(realised, fee);
        updateBracket(order, position, before);
        portfolio.onMark(position.mark(scratch, instrument.markPrice(), priceExponent, sizeExponent));

        reporter.report(
            order,
            0 == order.leavesQuantity() ? ExecType.FILL : ExecType.PARTIAL_FILL,
            RejectReason.NONE,
            quantity,
            price,
            liquidity,
            fee);
        reporter.position(instrument, order);
        counters.fills().incrementRelease();
    }

    private static void updateBracket(final Order order, final Position position, final long before)
    {
        final long after = position.quantity;
        if (0 == after || (0 != before && (before > 0) != (after > 0)))
        {
            // Flat, or flipped: the old bracket protected a position that no longer exists.
            position.clearBracket();
        }

        if (OrderPurpose.ENTRY == order.purpose &&
            (0 != order.stopPrice || 0 != order.targetPrice) &&
            0 != after && (after > 0) == order.isBuy())
        {
            position.stopPrice = order.stopPrice;
            position.targetPrice = order.targetPrice;
            position.bracketSuppressed = false;
        }
    }

    private void finish(final Order order, final ExecType execType, final RejectReason reason)
    {
        reporter.report(order, execType, reason, 0, 0, null, 0);
        orders.release(order);
    }
}
