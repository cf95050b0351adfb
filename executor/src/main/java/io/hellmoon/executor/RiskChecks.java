/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.OrderType;
import io.hellmoon.sbe.RejectReason;
import io.hellmoon.sbe.TimeInForce;
import io.hellmoon.sbe.TradingMode;

/**
 * Pre-trade risk: every order passes these checks, in this order, before the paper venue sees it; the first that
 * fails names the reject reason.
 * <ol>
 *     <li>{@code KILL_SWITCH}: the kill switch is engaged.</li>
 *     <li>{@code UNKNOWN_INSTRUMENT}: no InstrumentDefinition has been seen for the instrument.</li>
 *     <li>{@code SYMBOL_DISABLED}: an operator disabled the instrument (ControlCommand DISABLE_SYMBOL).</li>
 *     <li>{@code INVALID_ORDER}: missing or unknown side, type, time in force or purpose; a post-only order not
 *     GTC; a non-positive quantity or one off the step size; a limit price missing, non-positive or off the tick;
 *     an entry whose stop or target is on the wrong side of its price; for orders that increase risk, a quantity
 *     under the minimum quantity or a notional under the minimum notional.</li>
 *     <li>{@code MODE_NOT_ALLOWED}: a mode other than PAPER or BACKTEST: this venue only simulates.</li>
 *     <li>{@code VENUE_REJECTED}: the instrument is halted, in break, pre-trading or delisted.</li>
 *     <li>{@code MAX_ORDER_NOTIONAL}: quantity times the reference price over the limit.</li>
 *     <li>{@code MAX_POSITION}: the position after the order, counting resting orders on the same side, times the
 *     reference price, over the limit.</li>
 *     <li>{@code DAILY_LOSS_LIMIT}: the day's P&amp;L (realised net of fees plus unrealised, since the UTC day's
 *     start) has lost the limit or more.</li>
 *     <li>{@code STALE_MARKET_DATA}: the instrument's feed is not LIVE, or its last book or best bid/offer is older
 *     than the staleness limit.</li>
 *     <li>{@code NO_MARKET_DATA}: no book or best bid/offer has been seen yet.</li>
 *     <li>{@code NO_LIQUIDITY}: a market order finds the opposite side empty.</li>
 * </ol>
 * A <em>reducing</em> order (against the position, its quantity plus the resting orders on its side no more than
 * the position) skips the minimums, {@code MAX_ORDER_NOTIONAL}, {@code MAX_POSITION} and {@code DAILY_LOSS_LIMIT}:
 * those only guard increases, and a position must always be closable. Every other check applies to it. An order
 * that flips the position is not reducing. The reference price is the limit price, else the expected price, else
 * the best opposite price.
 * <p>
 * Checking also normalises the order: its prices and quantity are rescaled to the instrument's exponents.
 */
final class RiskChecks
{
    private static final long INEXACT = Long.MIN_VALUE;

    private final long maxOrderNotional;
    private final long maxPositionNotional;
    private final long dailyLossLimit;
    private final long bookStalenessNs;
    private final Portfolio portfolio;
    private final Int128 scratch = new Int128();
    private boolean killSwitchEngaged;

    RiskChecks(final ExecutorContext context, final Portfolio portfolio)
    {
        this.maxOrderNotional = context.maxOrderNotionalMantissa();
        this.maxPositionNotional = context.maxPositionNotionalMantissa();
        this.dailyLossLimit = context.dailyLossLimitMantissa();
        this.bookStalenessNs = context.bookStalenessNs();
        this.portfolio = portfolio;
        this.killSwitchEngaged = context.killSwitchEngaged();
    }

    /**
     * Engage or release the kill switch.
     *
     * @param engaged true to refuse every order.
     */
    void killSwitch(final boolean engaged)
    {
        killSwitchEngaged = engaged;
    }

    /**
     * Whether the kill switch is engaged.
     *
     * @return true if engaged.
     */
    boolean isKillSwitchEngaged()
    {
        return killSwitchEngaged;
    }

    /**
     * Check an order and normalise it to its instrument's exponents.
     *
     * @param order      to check; its values are rescaled in place when the instrument is known.
     * @param instrument of the order, null when unknown.
     * @param nowNs      current time on the executor's clock.
     * @return the first failed check's reason, or {@link RejectReason#NONE}.
     */
    RejectReason check(final Order order, final InstrumentState instrument, final long nowNs)
    {
        if (killSwitchEngaged)
        {
            return RejectReason.KILL_SWITCH;
        }
        if (null == instrument)
        {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (instrument.disabled)
        {
            return RejectReason.SYMBOL_DISABLED;
        }
        if (!normalise(order, instrument))
        {
            return RejectReason.INVALID_ORDER;
        }

        final boolean reducing = isReducing(order, instrument);
        final long referencePrice = referencePrice(order, instrument);
        if (!reducing && !meetsMinimums(order, instrument, referencePrice))
        {
            return RejectReason.INVALID_ORDER;
        }
        if (TradingMode.PAPER != order.mode && TradingMode.BACKTEST != order.mode)
        {
            return RejectReason.MODE_NOT_ALLOWED;
        }
        if (instrument.halted)
        {
            return RejectReason.VENUE_REJECTED;
        }

        if (!reducing && referencePrice > 0)
        {
            final int priceExponent = instrument.priceExponent;
            final int sizeExponent = instrument.sizeExponent;
            if (Amounts.notional(scratch, referencePrice, priceExponent, order.quantity, sizeExponent) >
                maxOrderNotional)
            {
                return RejectReason.MAX_ORDER_NOTIONAL;
            }

            final long projected = order.isBuy() ?
                instrument.position.quantity + instrument.restingBuyQuantity + order.quantity :
                instrument.position.quantity - instrument.restingSellQuantity - order.quantity;
            if (Amounts.notional(scratch, referencePrice, priceExponent, Math.abs(projected), sizeExponent) >
                maxPositionNotional)
            {
                return RejectReason.MAX_POSITION;
            }
        }

        if (!reducing && -portfolio.dayPnl() >= dailyLossLimit)
        {
            return RejectReason.DAILY_LOSS_LIMIT;
        }

        if (!instrument.feedUsable())
        {
            return RejectReason.STALE_MARKET_DATA;
        }
        if (!instrument.hasQuote)
        {
            return RejectReason.NO_MARKET_DATA;
        }
        if (bookStalenessNs > 0 && nowNs - instrument.lastQuoteTimeNs > bookStalenessNs)
        {
            return RejectReason.STALE_MARKET_DATA;
        }
        if (OrderType.MARKET == order.orderType && 0 == instrument.bestPrice(order.isBuy()))
        {
            return RejectReason.NO_LIQUIDITY;
        }

        return RejectReason.NONE;
    }

    /**
     * Whether an order only reduces its instrument's position.
     *
     * @param order      normalised.
     * @param instrument of the order.
     * @return true if against the position and, with the resting orders on its side, no larger than it.
     */
    static boolean isReducing(final Order order, final InstrumentState instrument)
    {
        final long position = instrument.position.quantity;
        if (order.isBuy())
        {
            return position < 0 && order.quantity + instrument.restingBuyQuantity <= -position;
        }
        return position > 0 && order.quantity + instrument.restingSellQuantity <= position;
    }

    /**
     * The price an order's notional is judged at.
     *
     * @param order      normalised.
     * @param instrument of the order.
     * @return limit price, else expected price, else best opposite price, else 0.
     */
    static long referencePrice(final Order order, final InstrumentState instrument)
    {
        if (OrderType.MARKET != order.orderType)
        {
            return order.limitPrice;
        }
        if (order.expectedPrice > 0)
        {
            return order.expectedPrice;
        }
        return instrument.bestPrice(order.isBuy());
    }

    private boolean meetsMinimums(final Order order, final InstrumentState instrument, final long referencePrice)
    {
        if (instrument.minQuantity > 0 && order.quantity < instrument.minQuantity)
        {
            return false;
        }
        return instrument.minNotional <= 0 || referencePrice <= 0 || Amounts.notional(
            scratch, referencePrice, instrument.priceExponent, order.quantity, instrument.sizeExponent) >=
            instrument.minNotional;
    }

    private static boolean normalise(final Order order, final InstrumentState instrument)
    {
        if (null == order.side || null == order.orderType || null == order.purpose || null == order.mode)
        {
            return false;
        }
        if (null == order.timeInForce)
        {
            if (OrderType.MARKET != order.orderType)
            {
                return false;
            }
            order.timeInForce = TimeInForce.IOC;
        }
        if (OrderType.POST_ONLY == order.orderType && TimeInForce.GTC != order.timeInForce)
        {
            return false;
        }

        final int priceExponent = instrument.priceExponent;
        final int sizeExponent = instrument.sizeExponent;
        final long quantity = rescaleExact(order.quantity, order.sizeExponent, sizeExponent);
        if (INEXACT == quantity || quantity <= 0 || (instrument.stepSize > 0 && 0 != quantity % instrument.stepSize))
        {
            return false;
        }

        long limitPrice = Order.NO_PRICE;
        if (OrderType.MARKET != order.orderType)
        {
            limitPrice = order.limitPrice > 0 ?
                rescaleExact(order.limitPrice, order.priceExponent, priceExponent) : INEXACT;
            if (INEXACT == limitPrice || limitPrice <= 0 ||
                (instrument.tickSize > 0 && 0 != limitPrice % instrument.tickSize))
            {
                return false;
            }
        }

        order.quantity = quantity;
        order.limitPrice = limitPrice;
        order.expectedPrice = rescalePrice(order.expectedPrice, order.priceExponent, priceExponent);
        order.stopPrice = rescalePrice(order.stopPrice, order.priceExponent, priceExponent);
        order.targetPrice = rescalePrice(order.targetPrice, order.priceExponent, priceExponent);
        order.priceExponent = priceExponent;
        order.sizeExponent = sizeExponent;
        if (!(order.maxSlippageBps > 0.0))
        {
            order.maxSlippageBps = Double.NaN;
        }

        return OrderPurpose.ENTRY != order.purpose || bracketOnRightSide(order, instrument);
    }

    private static boolean bracketOnRightSide(final Order order, final InstrumentState instrument)
    {
        final long price = referencePrice(order, instrument);
        if (price <= 0)
        {
            return true;
        }
        final long stop = order.stopPrice;
        final long target = order.targetPrice;
        if (order.isBuy())
        {
            return (0 == stop || stop < price) && (0 == target || target > price);
        }
        return (0 == stop || stop > price) && (0 == target || target < price);
    }

    private static long rescaleExact(final long mantissa, final int fromExponent, final int toExponent)
    {
        final int shift = fromExponent - toExponent;
        if (0 == shift)
        {
            return mantissa;
        }
        if (shift > 0)
        {
            if (shift > FixedPoint.MAX_SIGNIFICANT_DIGITS)
            {
                return INEXACT;
            }
            final long factor = FixedPoint.powerOfTen(shift);
            final long result = mantissa * factor;
            return Math.multiplyHigh(mantissa, factor) == (result >> 63) ? result : INEXACT;
        }
        if (-shift > FixedPoint.MAX_SIGNIFICANT_DIGITS)
        {
            return 0 == mantissa ? 0 : INEXACT;
        }
        final long divisor = FixedPoint.powerOfTen(-shift);
        return 0 == mantissa % divisor ? mantissa / divisor : INEXACT;
    }

    private static long rescalePrice(final long mantissa, final int fromExponent, final int toExponent)
    {
        if (mantissa <= 0)
        {
            return Order.NO_PRICE;
        }
        final int shift = fromExponent - toExponent;
        if (Math.abs(shift) > FixedPoint.MAX_SIGNIFICANT_DIGITS)
        {
            return Order.NO_PRICE;
        }
        final long rescaled = FixedPoint.rescale(mantissa, fromExponent, toExponent);
        return rescaled > 0 ? rescaled : Order.NO_PRICE;
    }
}
