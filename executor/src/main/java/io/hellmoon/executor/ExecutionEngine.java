/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.codecs.errors.SampledErrorLog;
import io.hellmoon.sbe.BestBidOfferDecoder;
import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.ControlCommandDecoder;
import io.hellmoon.sbe.ControlCommandType;
import io.hellmoon.sbe.Decimal64Decoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatusDecoder;
import io.hellmoon.sbe.GroupSizeEncodingDecoder;
import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.MarkPriceDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.OrderIntentDecoder;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.OrderType;
import io.hellmoon.sbe.RejectReason;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TimeInForce;
import io.hellmoon.sbe.TradeDecoder;
import io.hellmoon.sbe.TradingMode;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.ByteOrder;
import java.util.Arrays;

import static io.hellmoon.executor.ExecutorConfiguration.AMOUNT_EXPONENT;
import static io.hellmoon.executor.ExecutorConfiguration.EXECUTOR_CLORDID_BASE;
import static io.hellmoon.executor.ExecutorConfiguration.MAX_INSTRUMENT_EXPONENT;
import static io.hellmoon.executor.ExecutorConfiguration.MIN_INSTRUMENT_EXPONENT;

/**
 * The executor's core: pre-trade risk, kill switch, order state, the paper venue, positions and P&amp;L, and the
 * bracket exits it manages. It takes whole SBE messages from the intent, market-data and control streams through
 * {@link #onMessage(DirectBuffer, int, int)} and writes ExecutionReport and PositionUpdate messages to a
 * {@link MessageSink}; {@link ExecutorAgent} connects it to Aeron, tests call it directly.
 * <p>
 * Inputs:
 * <ul>
 *     <li>OrderIntent: checked by {@link RiskChecks} (after the duplicate check), then executed by the paper venue.
 *     Every outcome is reported: REJECTED with its reason, or NEW followed by fills and an end state.</li>
 *     <li>InstrumentDefinition: reference data (exponents, tick, step, minimums, kind, status). An instrument is
 *     unknown until its definition arrives.</li>
 *     <li>BookLevels, BestBidOffer: the depth fills walk (see {@link InstrumentState}); resting orders and bracket
 *     exits are checked against them; positions are marked to the mid.</li>
 *     <li>Trade: resting orders are filled when a print goes through them; brackets are checked on the price.</li>
 *     <li>MarkPrice: futures positions are marked to it.</li>
 *     <li>FeedStatus: an instrument whose feed is not LIVE loses its book; its orders are rejected STALE_MARKET_DATA
 *     and nothing fills on it until it is LIVE again and a new book arrives.</li>
 *     <li>ControlCommand: KILL_SWITCH_ENGAGE / RELEASE (global), DISABLE_SYMBOL / ENABLE_SYMBOL (per
 *     instrument). Decision and other messages are ignored.</li>
 * </ul>
 * <p>
 * <b>Bracket exits.</b> An ENTRY intent's stopPrice and targetPrice arm the resulting position's bracket (the
 * latest entry's levels win). The executor watches the price it could exit at: for a long, the best bid of each
 * BookLevels or BestBidOffer and the price of each trade; for a short, the best ask and each trade price. A long's
 * stop triggers when that price is at or below the stop, its target when at or above the target; a short's the
 * other way round; the stop wins when both hold. The executor then sends itself a market order for the whole
 * position (purpose EXIT_STOP or EXIT_TARGET, expected price the trigger level, client order ids from
 * {@link ExecutorConfiguration#EXECUTOR_CLORDID_BASE}), which passes the same risk checks as any reducing order
 * and is reported like any other. The bracket is disarmed when the position is flat or flips; if the exit only
 * partly fills, the next market data triggers it again for the rest. While the kill switch is engaged, exits are
 * rejected (KILL_SWITCH) once and then held until the switch is released; an exit rejected for another reason
 * (stale or missing quotes) is held until the next BookLevels or BestBidOffer.
 * <p>
 * <b>Kill switch.</b> Engaging it cancels every resting order (CANCELED, KILL_SWITCH) and rejects every new order;
 * positions are kept. Its state is the {@code executor: kill switch engaged} counter.
 * <p>
 * Bad input (truncated messages, another schema, out-of-range definitions) is counted, sampled into the error log
 * and skipped. No allocation per message after warm-up. Not thread safe: one thread calls every method.
 */
public final class ExecutionEngine implements SbeHandler, AutoCloseable
{
    static final int ERROR_TRUNCATED = 0;
    static final int ERROR_WRONG_SCHEMA = 1;
    static final int ERROR_BAD_DEFINITION = 2;
    static final int ERROR_BAD_GROUP = 3;
    private static final String[] ERROR_REASONS = { "TRUNCATED", "WRONG_SCHEMA", "BAD_DEFINITION", "BAD_GROUP" };

    private static final Side[] SIDES = Side.values();
    private static final OrderType[] ORDER_TYPES = OrderType.values();
    private static final TimeInForce[] TIMES_IN_FORCE = TimeInForce.values();
    private static final OrderPurpose[] PURPOSES = OrderPurpose.values();
    private static final TradingMode[] MODES = TradingMode.values();

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final OrderIntentDecoder intentDecoder = new OrderIntentDecoder();
    private final InstrumentDefinitionDecoder definitionDecoder = new InstrumentDefinitionDecoder();
    private final BookLevelsDecoder bookDecoder = new BookLevelsDecoder();
    private final BestBidOfferDecoder bboDecoder = new BestBidOfferDecoder();
    private final TradeDecoder tradeDecoder = new TradeDecoder();
    private final MarkPriceDecoder markDecoder = new MarkPriceDecoder();
    private final FeedStatusDecoder feedStatusDecoder = new FeedStatusDecoder();
    private final ControlCommandDecoder controlDecoder = new ControlCommandDecoder();

    private final EpochNanoClock clock;
    private final int maxBookLevels;
    private final ExecutorCounters counters;
    private final SampledErrorLog errorLog;
    private final OrderStore orders;
    private final Portfolio portfolio = new Portfolio();
    private final RiskChecks risk;
    private final PaperVenue venue;
    private final Int128 scratch = new Int128();
    private InstrumentState[] instruments = new InstrumentState[256];
    private long nextExitClOrdId = EXECUTOR_CLORDID_BASE;
    private long nowNs;

    /**
     * An engine.
     *
     * @param context configuration; concluded here if it was not already.
     * @param sink    for ExecutionReport and PositionUpdate messages.
     */
    public ExecutionEngine(final ExecutorContext context, final MessageSink sink)
    {
        if (!context.isConcluded())
        {
            context.conclude();
        }

        clock = context.clock();
        maxBookLevels = context.maxBookLevels();
        counters = new ExecutorCounters(context.counterFactory());
        errorLog = new SampledErrorLog("executor", ERROR_REASONS, counters.decodeErrors());
        orders = new OrderStore(context.maxOpenOrders(), context.clOrdIdWindow());
        risk = new RiskChecks(context, portfolio);
        final ExecutionReporter reporter = new ExecutionReporter(sink, clock);
        venue = new PaperVenue(orders, reporter, portfolio, context, counters);
        counters.killSwitch().setRelease(risk.isKillSwitchEngaged() ? 1 : 0);
    }

    /**
     * {@inheritDoc}
     */
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        counters.messagesReceived().incrementRelease();
        nowNs = clock.nanoTime();
        portfolio.rollDay(nowNs);

        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            errorLog.record(ERROR_TRUNCATED, buffer, offset, length, 0, nowNs);
            return;
        }
        headerDecoder.wrap(buffer, offset);
        if (OrderIntentDecoder.SCHEMA_ID != headerDecoder.schemaId())
        {
            errorLog.record(ERROR_WRONG_SCHEMA, buffer, offset, length, 0, nowNs);
            return;
        }

        final int templateId = headerDecoder.templateId();
        final int blockLength = headerDecoder.blockLength();
        final int version = headerDecoder.version();
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int bodyLength = length - MessageHeaderDecoder.ENCODED_LENGTH;

        switch (templateId)
        {
            case OrderIntentDecoder.TEMPLATE_ID:
                if (fits(buffer, offset, length, blockLength, OrderIntentDecoder.BLOCK_LENGTH, bodyLength))
                {
                    intentDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onOrderIntent(intentDecoder);
                }
                break;

            case BookLevelsDecoder.TEMPLATE_ID:
                if (fits(buffer, offset, length, blockLength, BookLevelsDecoder.BLOCK_LENGTH, bodyLength))
                {
                    if (groupsFit(buffer, bodyOffset + blockLength, offset + length))
                    {
                        bookDecoder.wrap(buffer, bodyOffset, blockLength, version);
                        onBookLevels(bookDecoder);
                    }
                    else
                    {
                        errorLog.record(ERROR_BAD_GROUP, buffer, offset, length, 0, nowNs);
                    }
                }
                break;

            case BestBidOfferDecoder.TEMPLATE_ID:
                if (fits(buffer, offset, length, blockLength, BestBidOfferDecoder.BLOCK_LENGTH, bodyLength))
                {
                    bboDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onBestBidOffer(bboDecoder);
                }
                break;

            case TradeDecoder.TEMPLATE_ID:
                if (fits(buffer, offset, length, blockLength, TradeDecoder.BLOCK_LENGTH, bodyLength))
                {
                    tradeDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onTrade(tradeDecoder);
                }
                break;

            case MarkPriceDecoder.TEMPLATE_ID:
                if (fits(buffer, offset, length, blockLength, MarkPriceDecoder.BLOCK_LENGTH, bodyLength))
                {
                    markDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onMarkPrice(markDecoder);
                }
                break;

            case FeedStatusDecoder.TEMPLATE_ID:
                if (fits(buffer, offset, length, blockLength, FeedStatusDecoder.BLOCK_LENGTH, bodyLength))
                {
                    feedStatusDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onFeedStatus(feedStatusDecoder);
                }
                break;

            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                if (fits(buffer, offset, length, blockLength, InstrumentDefinitionDecoder.BLOCK_LENGTH, bodyLength))
                {
                    definitionDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onInstrumentDefinition(definitionDecoder, buffer, offset, length);
                }
                break;

            case ControlCommandDecoder.TEMPLATE_ID:
                if (fits(buffer, offset, length, blockLength, ControlCommandDecoder.BLOCK_LENGTH, bodyLength))
                {
                    controlDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    onControlCommand(controlDecoder);
                }
                break;

            default:
                // Decisions, depth diffs, bars, liquidations, anomalies...: not the executor's concern.
                break;
        }
    }

    /**
     * Cancel a resting order; reported CANCELED. For operators and tools; the router's intents carry no cancels.
     *
     * @param clOrdId of the order.
     * @return true if the order was resting and is now cancelled, false if no order with that id rests.
     */
    public boolean cancel(final long clOrdId)
    {
        final Order order = orders.resting(clOrdId);
        if (null == order)
        {
            return false;
        }
        final long timeNs = clock.nanoTime();
        venue.cancel(order, RejectReason.NONE, OrderIntentDecoder.eventTimeNsNullValue(), timeNs, timeNs);
        return true;
    }

    /**
     * Engage the kill switch: cancel every resting order and reject every new one until released. Does what a
     * KILL_SWITCH_ENGAGE command does.
     */
    public void engageKillSwitch()
    {
        final long timeNs = clock.nanoTime();
        engageKillSwitch(timeNs);
    }

    /**
     * Release the kill switch. Does what a KILL_SWITCH_RELEASE command does.
     */
    public void releaseKillSwitch()
    {
        risk.killSwitch(false);
        counters.killSwitch().setRelease(0);
        for (final InstrumentState instrument : instruments)
        {
            if (null != instrument)
            {
                instrument.position.bracketSuppressed = false;
            }
        }
    }

    /**
     * Whether the kill switch is engaged.
     *
     * @return true if engaged.
     */
    public boolean isKillSwitchEngaged()
    {
        return risk.isKillSwitchEngaged();
    }

    /**
     * The engine's counters.
     *
     * @return the counters.
     */
    public ExecutorCounters counters()
    {
        return counters;
    }

    /**
     * Samples of bad input, for a tool or an idle moment to drain.
     *
     * @return the error log.
     */
    public SampledErrorLog errorLog()
    {
        return errorLog;
    }

    /**
     * An instrument's signed position.
     *
     * @param instrumentId of the instrument.
     * @return quantity mantissa at the instrument's size exponent, 0 when unknown.
     */
    public long positionQuantity(final int instrumentId)
    {
        final InstrumentState instrument = instrument(instrumentId);
        return null == instrument ? 0 : instrument.position.quantity;
    }

    /**
     * An instrument's average entry price.
     *
     * @param instrumentId of the instrument.
     * @return price mantissa at the instrument's price exponent, 0 when flat or unknown.
     */
    public long averageEntryPrice(final int instrumentId)
    {
        final InstrumentState instrument = instrument(instrumentId);
        return null == instrument || 0 == instrument.position.quantity ? 0 : instrument.position.averageEntryPrice;
    }

    /**
     * An instrument's realised P&amp;L, gross of fees.
     *
     * @param instrumentId of the instrument.
     * @return amount mantissa at {@link ExecutorConfiguration#AMOUNT_EXPONENT}.
     */
    public long realisedPnl(final int instrumentId)
    {
        final InstrumentState instrument = instrument(instrumentId);
        return null == instrument ? 0 : instrument.position.realisedPnl;
    }

    /**
     * An instrument's unrealised P&amp;L at its last mark.
     *
     * @param instrumentId of the instrument.
     * @return amount mantissa at {@link ExecutorConfiguration#AMOUNT_EXPONENT}.
     */
    public long unrealisedPnl(final int instrumentId)
    {
        final InstrumentState instrument = instrument(instrumentId);
        return null == instrument ? 0 : instrument.position.unrealisedPnl;
    }

    /**
     * Fees paid on an instrument.
     *
     * @param instrumentId of the instrument.
     * @return amount mantissa at {@link ExecutorConfiguration#AMOUNT_EXPONENT}.
     */
    public long fees(final int instrumentId)
    {
        final InstrumentState instrument = instrument(instrumentId);
        return null == instrument ? 0 : instrument.position.fees;
    }

    /**
     * P&amp;L since the start of the UTC day, over all instruments: realised net of fees plus the change in
     * unrealised. This is what the daily loss limit is checked against.
     *
     * @return amount mantissa at {@link ExecutorConfiguration#AMOUNT_EXPONENT}, negative for a loss.
     */
    public long dayPnl()
    {
        return portfolio.dayPnl();
    }

    /**
     * Orders resting on the paper venue.
     *
     * @return count.
     */
    public int restingOrderCount()
    {
        return orders.restingCount();
    }

    /**
     * Close the counters.
     */
    public void close()
    {
        CloseHelper.close(counters);
    }

    private void onOrderIntent(final OrderIntentDecoder intent)
    {
        final Order order = orders.acquire();
        order.clOrdId = intent.clOrdId();
        order.instrumentId = intent.instrumentId();
        order.side = side(intent.sideRaw());
        order.orderType = orderType(intent.orderTypeRaw());
        order.timeInForce = timeInForce(intent.timeInForceRaw());
        order.purpose = purpose(intent.purposeRaw());
        order.mode = mode(intent.modeRaw());
        order.priceExponent = intent.priceExponent();
        order.sizeExponent = intent.sizeExponent();
        order.quantity = intent.quantity();
        order.limitPrice = optionalPrice(intent.limitPrice(), OrderIntentDecoder.limitPriceNullValue());
        order.expectedPrice = intent.expectedPrice();
        order.stopPrice = optionalPrice(intent.stopPrice(), OrderIntentDecoder.stopPriceNullValue());
        order.targetPrice = optionalPrice(intent.targetPrice(), OrderIntentDecoder.targetPriceNullValue());
        order.maxSlippageBps = intent.maxSlippageBps();
        order.times(intent.eventTimeNs(), intent.receiveTimeNs(), intent.publishTimeNs());

        submit(order);
    }

    private RejectReason submit(final Order order)
    {
        if (!orders.remember(order.clOrdId))
        {
            return venue.reject(order, RejectReason.DUPLICATE_ORDER);
        }

        final InstrumentState instrument = instrument(order.instrumentId);
        order.instrument = instrument;
        final RejectReason reason = risk.check(order, instrument, nowNs);
        if (RejectReason.NONE != reason)
        {
            return venue.reject(order, reason);
        }

        return venue.execute(order);
    }

    private void onInstrumentDefinition(
        final InstrumentDefinitionDecoder definition, final DirectBuffer buffer, final int offset, final int length)
    {
        final int instrumentId = definition.instrumentId();
        final int priceExponent = definition.priceExponent();
        final int sizeExponent = definition.sizeExponent();
        if (instrumentId <= 0 || !validExponent(priceExponent) || !validExponent(sizeExponent) ||
            definition.tickSize() < 0 || definition.stepSize() < 0 || definition.minQty() < 0)
        {
            errorLog.record(ERROR_BAD_DEFINITION, buffer, offset, length, 0, nowNs);
            return;
        }

        InstrumentState instrument = instrument(instrumentId);
        if (null == instrument)
        {
            if (instrumentId >= instruments.length)
            {
                instruments = Arrays.copyOf(instruments, Math.max(instrumentId + 1, instruments.length * 2));
            }
            instrument = new InstrumentState(instrumentId, maxBookLevels);
            instruments[instrumentId] = instrument;
        }
        else if (instrument.priceExponent != priceExponent || instrument.sizeExponent != sizeExponent)
        {
            if (0 != instrument.position.quantity || 0 != instrument.restingCount)
            {
                // Rescaling live orders and positions is not worth the risk of getting it wrong: keep the old scale.
                errorLog.record(ERROR_BAD_DEFINITION, buffer, offset, length, 0, nowNs);
                return;
            }
            instrument.clearMarket();
            instrument.venueMarkPrice = 0;
            instrument.position.markPrice = 0;
        }

        instrument.priceExponent = priceExponent;
        instrument.sizeExponent = sizeExponent;
        instrument.tickSize = definition.tickSize();
        instrument.stepSize = definition.stepSize();
        instrument.minQuantity = definition.minQty();
        instrument.minNotional = amount(definition.minNotional());
        final short kind = definition.kindRaw();
        instrument.futures = InstrumentKind.PERPETUAL.value() == kind || InstrumentKind.DELIVERY.value() == kind;
        final short status = definition.statusRaw();
        instrument.halted = InstrumentStatus.HALTED.value() == status || InstrumentStatus.BREAK.value() == status ||
            InstrumentStatus.PRE_TRADING.value() == status || InstrumentStatus.DELISTED.value() == status;
    }

    private void onBookLevels(final BookLevelsDecoder book)
    {
        final InstrumentState instrument = instrument(book.instrumentId());
        if (null == instrument || !instrument.feedUsable())
        {
            return;
        }

        final int fromPriceExponent = book.priceExponent();
        final int fromSizeExponent = book.sizeExponent();
        final int priceExponent = instrument.priceExponent;
        final int sizeExponent = instrument.sizeExponent;
        if (!rescalable(fromPriceExponent, priceExponent) || !rescalable(fromSizeExponent, sizeExponent))
        {
            return;
        }

        final long eventTimeNs = book.eventTimeNs();
        final long receiveTimeNs = book.receiveTimeNs();
        final long publishTimeNs = book.publishTimeNs();

        instrument.beginBook();
        for (final BookLevelsDecoder.BidsDecoder bids = book.bids(); bids.hasNext(); )
        {
            bids.next();
            instrument.addBid(
                rescale(bids.price(), fromPriceExponent, priceExponent),
                rescale(bids.size(), fromSizeExponent, sizeExponent));
        }
        for (final BookLevelsDecoder.AsksDecoder asks = book.asks(); asks.hasNext(); )
        {
            asks.next();
            instrument.addAsk(
                rescale(asks.price(), fromPriceExponent, priceExponent),
                rescale(asks.size(), fromSizeExponent, sizeExponent));
        }
        instrument.endBook(receiveTimeNs);

        afterQuote(instrument, eventTimeNs, receiveTimeNs, publishTimeNs);
    }

    private void onBestBidOffer(final BestBidOfferDecoder bbo)
    {
        final InstrumentState instrument = instrument(bbo.instrumentId());
        if (null == instrument || !instrument.feedUsable())
        {
            return;
        }

        final int fromPriceExponent = bbo.priceExponent();
        final int fromSizeExponent = bbo.sizeExponent();
        final int priceExponent = instrument.priceExponent;
        final int sizeExponent = instrument.sizeExponent;
        if (!rescalable(fromPriceExponent, priceExponent) || !rescalable(fromSizeExponent, sizeExponent))
        {
            return;
        }

        final long receiveTimeNs = bbo.receiveTimeNs();
        instrument.onBestBidOffer(
            rescale(bbo.bidPrice(), fromPriceExponent, priceExponent),
            rescale(bbo.bidSize(), fromSizeExponent, sizeExponent),
            rescale(bbo.askPrice(), fromPriceExponent, priceExponent),
            rescale(bbo.askSize(), fromSizeExponent, sizeExponent),
            receiveTimeNs);

        afterQuote(instrument, bbo.eventTimeNs(), receiveTimeNs, bbo.publishTimeNs());
    }

    private void afterQuote(
        final InstrumentState instrument, final long eventTimeNs, final long receiveTimeNs, final long publishTimeNs)
    {
        venue.onQuote(instrument, eventTimeNs, receiveTimeNs, publishTimeNs);
        instrument.position.bracketHeldUntilQuote = false;
        checkBracket(instrument, instrument.topBid, instrument.topAsk, eventTimeNs, receiveTimeNs, publishTimeNs);
        mark(instrument);
    }

    private void onTrade(final TradeDecoder trade)
    {
        final InstrumentState instrument = instrument(trade.instrumentId());
        if (null == instrument || !instrument.feedUsable())
        {
            return;
        }

        final int fromPriceExponent = trade.priceExponent();
        final int fromSizeExponent = trade.sizeExponent();
        if (!rescalable(fromPriceExponent, instrument.priceExponent) ||
            !rescalable(fromSizeExponent, instrument.sizeExponent))
        {
            return;
        }

        final long price = rescale(trade.price(), fromPriceExponent, instrument.priceExponent);
        final long size = rescale(trade.size(), fromSizeExponent, instrument.sizeExponent);
        if (price <= 0 || size <= 0)
        {
            return;
        }

        final long eventTimeNs = trade.eventTimeNs();
        final long receiveTimeNs = trade.receiveTimeNs();
        final long publishTimeNs = trade.publishTimeNs();
        venue.onTrade(instrument, price, size, eventTimeNs, receiveTimeNs, publishTimeNs);
        checkBracket(instrument, price, price, eventTimeNs, receiveTimeNs, publishTimeNs);
    }

    private void onMarkPrice(final MarkPriceDecoder markPrice)
    {
        final InstrumentState instrument = instrument(markPrice.instrumentId());
        if (null == instrument || !rescalable(markPrice.priceExponent(), instrument.priceExponent))
        {
            return;
        }

        final long price = rescale(markPrice.markPrice(), markPrice.priceExponent(), instrument.priceExponent);
        if (price > 0)
        {
            instrument.venueMarkPrice = price;
            if (instrument.futures)
            {
                mark(instrument);
            }
        }
    }

    private void onFeedStatus(final FeedStatusDecoder feedStatus)
    {
        final InstrumentState instrument = instrument(feedStatus.instrumentId());
        if (null == instrument)
        {
            return;
        }

        if (FeedState.LIVE.value() == feedStatus.stateRaw())
        {
            instrument.feedState = InstrumentState.FEED_LIVE;
        }
        else
        {
            instrument.feedState = InstrumentState.FEED_DOWN;
            instrument.clearMarket();
        }
    }

    private void onControlCommand(final ControlCommandDecoder command)
    {
        final short type = command.commandTypeRaw();
        if (ControlCommandType.KILL_SWITCH_ENGAGE.value() == type)
        {
            engageKillSwitch(command.publishTimeNs());
        }
        else if (ControlCommandType.KILL_SWITCH_RELEASE.value() == type)
        {
            releaseKillSwitch();
        }
        else if (ControlCommandType.DISABLE_SYMBOL.value() == type || ControlCommandType.ENABLE_SYMBOL.value() == type)
        {
            final InstrumentState instrument = instrument(command.instrumentId());
            if (null != instrument)
            {
                instrument.disabled = ControlCommandType.DISABLE_SYMBOL.value() == type;
            }
        }
    }

    private void engageKillSwitch(final long sourcePublishTimeNs)
    {
        risk.killSwitch(true);
        counters.killSwitch().setRelease(1);
        for (final InstrumentState instrument : instruments)
        {
            if (null != instrument)
            {
                while (null != instrument.restingHead)
                {
                    venue.cancel(
                        instrument.restingHead,
                        RejectReason.KILL_SWITCH,
                        OrderIntentDecoder.eventTimeNsNullValue(),
                        nowNs,
                        sourcePublishTimeNs);
                }
            }
        }
    }

    private void checkBracket(
        final InstrumentState instrument,
        final long exitSellPrice,
        final long exitBuyPrice,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long publishTimeNs)
    {
        final Position position = instrument.position;
        if (0 == position.quantity || !position.hasBracket() || position.bracketSuppressed ||
            position.bracketHeldUntilQuote)
        {
            return;
        }

        final boolean isLong = position.quantity > 0;
        final long price = isLong ? exitSellPrice : exitBuyPrice;
        if (price <= 0)
        {
            return;
        }

        final long stop = position.stopPrice;
        final long target = position.targetPrice;
        final OrderPurpose purpose;
        final long triggerPrice;
        if (0 != stop && (isLong ? price <= stop : price >= stop))
        {
            purpose = OrderPurpose.EXIT_STOP;
            triggerPrice = stop;
        }
        else if (0 != target && (isLong ? price >= target : price <= target))
        {
            purpose = OrderPurpose.EXIT_TARGET;
            triggerPrice = target;
        }
        else
        {
            return;
        }

        final Order exit = orders.acquire();
        exit.clOrdId = nextExitClOrdId++;
        exit.instrumentId = instrument.instrumentId;
        exit.side = isLong ? Side.SELL : Side.BUY;
        exit.orderType = OrderType.MARKET;
        exit.timeInForce = TimeInForce.IOC;
        exit.purpose = purpose;
        exit.mode = TradingMode.PAPER;
        exit.priceExponent = instrument.priceExponent;
        exit.sizeExponent = instrument.sizeExponent;
        exit.quantity = Math.abs(position.quantity);
        exit.expectedPrice = triggerPrice;
        exit.times(eventTimeNs, receiveTimeNs, publishTimeNs);
        counters.exitsTriggered().incrementRelease();

        final RejectReason reason = submit(exit);
        if (RejectReason.KILL_SWITCH == reason)
        {
            position.bracketSuppressed = true;
        }
        else if (RejectReason.NONE != reason)
        {
            // Retried on the next book or best bid/offer, not on every trade until then.
            position.bracketHeldUntilQuote = true;
        }
    }

    private void mark(final InstrumentState instrument)
    {
        portfolio.onMark(instrument.position.mark(
            scratch, instrument.markPrice(), instrument.priceExponent, instrument.sizeExponent));
    }

    private InstrumentState instrument(final int instrumentId)
    {
        return instrumentId > 0 && instrumentId < instruments.length ? instruments[instrumentId] : null;
    }

    private boolean fits(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int blockLength,
        final int requiredBlockLength,
        final int bodyLength)
    {
        if (blockLength < requiredBlockLength || bodyLength < blockLength)
        {
            errorLog.record(ERROR_TRUNCATED, buffer, offset, length, MessageHeaderDecoder.ENCODED_LENGTH, nowNs);
            return false;
        }
        return true;
    }

    private static boolean groupsFit(final DirectBuffer buffer, final int groupsOffset, final int end)
    {
        long position = groupsOffset;
        for (int group = 0; group < 2; group++)
        {
            if (position + GroupSizeEncodingDecoder.ENCODED_LENGTH > end)
            {
                return false;
            }
            final int groupBlockLength = buffer.getShort((int)position, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            final int count = buffer.getShort((int)position + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            if (groupBlockLength < BookLevelsDecoder.BidsDecoder.sbeBlockLength())
            {
                return false;
            }
            position += GroupSizeEncodingDecoder.ENCODED_LENGTH + (long)groupBlockLength * count;
            if (position > end)
            {
                return false;
            }
        }
        return true;
    }

    private static boolean validExponent(final int exponent)
    {
        return exponent >= MIN_INSTRUMENT_EXPONENT && exponent <= MAX_INSTRUMENT_EXPONENT;
    }

    private static boolean rescalable(final int fromExponent, final int toExponent)
    {
        return Math.abs(fromExponent - toExponent) <= FixedPoint.MAX_SIGNIFICANT_DIGITS;
    }

    private static long rescale(final long mantissa, final int fromExponent, final int toExponent)
    {
        return fromExponent == toExponent ? mantissa : FixedPoint.rescale(mantissa, fromExponent, toExponent);
    }

    private static long amount(final Decimal64Decoder decimal)
    {
        final long mantissa = decimal.mantissa();
        if (Decimal64Decoder.mantissaNullValue() == mantissa || mantissa <= 0)
        {
            return 0;
        }
        final int exponent = decimal.exponent();
        return rescalable(exponent, AMOUNT_EXPONENT) ? FixedPoint.rescale(mantissa, exponent, AMOUNT_EXPONENT) : 0;
    }

    private static long optionalPrice(final long mantissa, final long nullValue)
    {
        return nullValue == mantissa || mantissa <= 0 ? Order.NO_PRICE : mantissa;
    }

    private static Side side(final short raw)
    {
        for (final Side value : SIDES)
        {
            if (Side.NULL_VAL != value && value.value() == raw)
            {
                return value;
            }
        }
        return null;
    }

    private static OrderType orderType(final short raw)
    {
        for (final OrderType value : ORDER_TYPES)
        {
            if (OrderType.NULL_VAL != value && value.value() == raw)
            {
                return value;
            }
        }
        return null;
    }

    private static TimeInForce timeInForce(final short raw)
    {
        for (final TimeInForce value : TIMES_IN_FORCE)
        {
            if (TimeInForce.NULL_VAL != value && value.value() == raw)
            {
                return value;
            }
        }
        return null;
    }

    private static OrderPurpose purpose(final short raw)
    {
        for (final OrderPurpose value : PURPOSES)
        {
            if (OrderPurpose.NULL_VAL != value && value.value() == raw)
            {
                return value;
            }
        }
        return null;
    }

    private static TradingMode mode(final short raw)
    {
        for (final TradingMode value : MODES)
        {
            if (TradingMode.NULL_VAL != value && value.value() == raw)
            {
                return value;
            }
        }
        return null;
    }
}
