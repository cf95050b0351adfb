/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.sbe.BestBidOfferEncoder;
import io.hellmoon.sbe.BookLevelsEncoder;
import io.hellmoon.sbe.ControlCommandEncoder;
import io.hellmoon.sbe.ControlCommandType;
import io.hellmoon.sbe.ExecType;
import io.hellmoon.sbe.ExecutionReportDecoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatusEncoder;
import io.hellmoon.sbe.FeedStatusReason;
import io.hellmoon.sbe.InstrumentDefinitionEncoder;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.LiquidityFlag;
import io.hellmoon.sbe.MarkPriceEncoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.OrderIntentEncoder;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.OrderStatus;
import io.hellmoon.sbe.OrderType;
import io.hellmoon.sbe.PositionUpdateDecoder;
import io.hellmoon.sbe.RejectReason;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TimeInForce;
import io.hellmoon.sbe.TradeCondition;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.TradingMode;
import io.hellmoon.sbe.Venue;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.hellmoon.executor.ExecutorConfiguration.AMOUNT_EXPONENT;

/**
 * Drives an {@link ExecutionEngine} with encoded messages and records what it publishes as value objects, so tests
 * read as scenarios and compare whole reports. Instrument {@link #BTC} is defined at price exponent -2 (tick 0.01)
 * and size exponent -3 (step 0.001) unless a test defines it otherwise.
 */
final class ExecutorFixture implements AutoCloseable
{
    static final int BTC = 1;
    static final int ETH = 2;
    static final int PRICE_EXPONENT = -2;
    static final int SIZE_EXPONENT = -3;
    static final long START_NS = 1_723_161_600_000_000_000L + 3_600_000_000_000L; // 2024-08-09T01:00Z

    final ManualEpochNanoClock clock = new ManualEpochNanoClock(START_NS);
    final List<Object> events = new ArrayList<>();
    final ExecutionEngine engine;
    final ExecutorContext context;

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(64 * 1024));
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final OrderIntentEncoder intentEncoder = new OrderIntentEncoder();
    private final InstrumentDefinitionEncoder definitionEncoder = new InstrumentDefinitionEncoder();
    private final BookLevelsEncoder bookEncoder = new BookLevelsEncoder();
    private final BestBidOfferEncoder bboEncoder = new BestBidOfferEncoder();
    private final TradeEncoder tradeEncoder = new TradeEncoder();
    private final MarkPriceEncoder markEncoder = new MarkPriceEncoder();
    private final FeedStatusEncoder feedStatusEncoder = new FeedStatusEncoder();
    private final ControlCommandEncoder controlEncoder = new ControlCommandEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final ExecutionReportDecoder reportDecoder = new ExecutionReportDecoder();
    private final PositionUpdateDecoder positionDecoder = new PositionUpdateDecoder();
    private long nextClOrdId = 1;

    /**
     * A second engine that also receives everything sent, when set.
     */
    ExecutionEngine tap;

    ExecutorFixture()
    {
        this(context -> {});
    }

    ExecutorFixture(final Consumer<ExecutorContext> configure)
    {
        context = new ExecutorContext().clock(clock);
        configure.accept(context);
        engine = new ExecutionEngine(context, this::record);
    }

    /**
     * A value at the test instrument's price exponent.
     */
    static long px(final String price)
    {
        return FixedPoint.parse(price, PRICE_EXPONENT);
    }

    /**
     * A value at the test instrument's size exponent.
     */
    static long qty(final String quantity)
    {
        return FixedPoint.parse(quantity, SIZE_EXPONENT);
    }

    /**
     * An amount at the executor's amount exponent.
     */
    static long amount(final String amount)
    {
        return FixedPoint.parse(amount, AMOUNT_EXPONENT);
    }

    void defineBtc()
    {
        define(BTC, PRICE_EXPONENT, SIZE_EXPONENT, 1, 1, 1, 0, InstrumentKind.SPOT, InstrumentStatus.TRADING);
    }

    void define(
        final int instrumentId,
        final int priceExponent,
        final int sizeExponent,
        final long tickSize,
        final long stepSize,
        final long minQty,
        final long minNotionalAmount,
        final InstrumentKind kind,
        final InstrumentStatus status)
    {
        definitionEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrumentId)
            .eventTimeNs(InstrumentDefinitionEncoder.eventTimeNsNullValue())
            .receiveTimeNs(clock.nanoTime())
            .publishTimeNs(clock.nanoTime())
            .venue(Venue.BINANCE_SPOT)
            .kind(kind)
            .status(status)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .tickSize(tickSize)
            .stepSize(stepSize)
            .minQty(minQty);
        definitionEncoder.minNotional().mantissa(minNotionalAmount).exponent((byte)AMOUNT_EXPONENT);
        definitionEncoder.contractSize().mantissa(1).exponent((byte)0);
        definitionEncoder.symbol(1 == instrumentId ? "BTCUSDT" : "ETHUSDT");
        definitionEncoder.baseAsset("BTC");
        definitionEncoder.quoteAsset("USDT");
        send(definitionEncoder.encodedLength());
    }

    /**
     * A book at the test exponents, levels written {@code "100.00x0.5, 100.10x1"}, best first; empty string for an
     * empty side.
     */
    void book(final int instrumentId, final String bids, final String asks)
    {
        book(instrumentId, bids, asks, PRICE_EXPONENT, SIZE_EXPONENT);
    }

    void book(
        final int instrumentId, final String bids, final String asks, final int priceExponent, final int sizeExponent)
    {
        final String[] bidLevels = levels(bids);
        final String[] askLevels = levels(asks);
        final long nowNs = clock.nanoTime();
        bookEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrumentId)
            .eventTimeNs(nowNs - 1_000_000)
            .receiveTimeNs(nowNs)
            .publishTimeNs(nowNs + 1_000)
            .lastUpdateId(nowNs)
            .bidLevelCount(bidLevels.length)
            .askLevelCount(askLevels.length)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent);
        final BookLevelsEncoder.BidsEncoder bidsEncoder = bookEncoder.bidsCount(bidLevels.length);
        for (final String level : bidLevels)
        {
            final String[] parts = level.split("x");
            bidsEncoder.next()
                .price(FixedPoint.parse(parts[0].trim(), priceExponent))
                .size(FixedPoint.parse(parts[1].trim(), sizeExponent));
        }
        final BookLevelsEncoder.AsksEncoder asksEncoder = bookEncoder.asksCount(askLevels.length);
        for (final String level : askLevels)
        {
            final String[] parts = level.split("x");
            asksEncoder.next()
                .price(FixedPoint.parse(parts[0].trim(), priceExponent))
                .size(FixedPoint.parse(parts[1].trim(), sizeExponent));
        }
        send(bookEncoder.encodedLength());
    }

    void bbo(final int instrumentId, final String bid, final String bidSize, final String ask, final String askSize)
    {
        final long nowNs = clock.nanoTime();
        bboEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrumentId)
            .eventTimeNs(nowNs - 1_000_000)
            .receiveTimeNs(nowNs)
            .publishTimeNs(nowNs + 1_000)
            .transactTimeNs(BestBidOfferEncoder.transactTimeNsNullValue())
            .updateId(nowNs)
            .priceExponent((byte)PRICE_EXPONENT)
            .sizeExponent((byte)SIZE_EXPONENT)
            .bidPrice(px(bid))
            .bidSize(qty(bidSize))
            .askPrice(px(ask))
            .askSize(qty(askSize));
        send(bboEncoder.encodedLength());
    }

    void trade(final int instrumentId, final String price, final String size)
    {
        final long nowNs = clock.nanoTime();
        tradeEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrumentId)
            .eventTimeNs(nowNs - 1_000_000)
            .receiveTimeNs(nowNs)
            .publishTimeNs(nowNs + 1_000)
            .tradeTimeNs(nowNs - 1_000_000)
            .kind(TradeKind.TRADE)
            .condition(TradeCondition.NORMAL)
            .aggressorSide(Side.SELL)
            .priceExponent((byte)PRICE_EXPONENT)
            .sizeExponent((byte)SIZE_EXPONENT)
            .price(px(price))
            .size(qty(size))
            .tradeId(nowNs)
            .firstTradeId(TradeEncoder.firstTradeIdNullValue())
            .lastTradeId(TradeEncoder.lastTradeIdNullValue());
        send(tradeEncoder.encodedLength());
    }

    void markPrice(final int instrumentId, final String price)
    {
        final long nowNs = clock.nanoTime();
        markEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrumentId)
            .eventTimeNs(nowNs)
            .receiveTimeNs(nowNs)
            .publishTimeNs(nowNs)
            .priceExponent((byte)PRICE_EXPONENT)
            .markPrice(px(price))
            .indexPrice(MarkPriceEncoder.indexPriceNullValue())
            .estimatedSettlePrice(MarkPriceEncoder.estimatedSettlePriceNullValue())
            .nextFundingTimeNs(MarkPriceEncoder.nextFundingTimeNsNullValue());
        markEncoder.fundingRate().mantissa(0).exponent((byte)-8);
        send(markEncoder.encodedLength());
    }

    void feed(final int instrumentId, final FeedState state)
    {
        final long nowNs = clock.nanoTime();
        feedStatusEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrumentId)
            .eventTimeNs(FeedStatusEncoder.eventTimeNsNullValue())
            .receiveTimeNs(nowNs)
            .publishTimeNs(nowNs)
            .state(state)
            .reason(FeedState.LIVE == state ? FeedStatusReason.SNAPSHOT_APPLIED : FeedStatusReason.SEQUENCE_GAP)
            .lastUpdateId(FeedStatusEncoder.lastUpdateIdNullValue())
            .receivedUpdateId(FeedStatusEncoder.receivedUpdateIdNullValue())
            .resyncCount(0);
        send(feedStatusEncoder.encodedLength());
    }

    void control(final ControlCommandType type, final int instrumentId)
    {
        controlEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .commandId(nextClOrdId)
            .publishTimeNs(clock.nanoTime())
            .commandType(type)
            .instrumentId(instrumentId);
        controlEncoder.argument("");
        send(controlEncoder.encodedLength());
    }

    Intent intent()
    {
        return new Intent();
    }

    void send(final int encodedLength)
    {
        engine.onMessage(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encodedLength);
        if (null != tap)
        {
            tap.onMessage(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encodedLength);
        }
    }

    void sendRaw(final DirectBuffer bytes, final int offset, final int length)
    {
        engine.onMessage(bytes, offset, length);
    }

    List<Report> reports()
    {
        final List<Report> reports = new ArrayList<>();
        for (final Object event : events)
        {
            if (event instanceof Report)
            {
                reports.add((Report)event);
            }
        }
        return reports;
    }

    List<Report> reports(final long clOrdId)
    {
        final List<Report> reports = new ArrayList<>();
        for (final Report report : reports())
        {
            if (report.clOrdId() == clOrdId)
            {
                reports.add(report);
            }
        }
        return reports;
    }

    List<PositionEvent> positions()
    {
        final List<PositionEvent> positions = new ArrayList<>();
        for (final Object event : events)
        {
            if (event instanceof PositionEvent)
            {
                positions.add((PositionEvent)event);
            }
        }
        return positions;
    }

    Report lastReport()
    {
        final List<Report> reports = reports();
        return reports.isEmpty() ? null : reports.get(reports.size() - 1);
    }

    PositionEvent lastPosition()
    {
        final List<PositionEvent> positions = positions();
        return positions.isEmpty() ? null : positions.get(positions.size() - 1);
    }

    List<ExecType> execTypes(final long clOrdId)
    {
        final List<ExecType> types = new ArrayList<>();
        for (final Report report : reports(clOrdId))
        {
            types.add(report.execType());
        }
        return types;
    }

    void clear()
    {
        events.clear();
    }

    public void close()
    {
        engine.close();
    }

    private boolean record(final DirectBuffer buffer, final int offset, final int length)
    {
        headerDecoder.wrap(buffer, offset);
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (ExecutionReportDecoder.TEMPLATE_ID == headerDecoder.templateId())
        {
            final ExecutionReportDecoder d = reportDecoder.wrap(
                buffer, bodyOffset, headerDecoder.blockLength(), headerDecoder.version());
            events.add(new Report(
                d.clOrdId(), d.venueOrderId(), d.execId(), d.instrumentId(), d.execType(), d.orderStatus(), d.side(),
                d.rejectReason(), d.liquidity(), d.purpose(), d.priceExponent(), d.sizeExponent(), d.orderQuantity(),
                d.lastQuantity(), d.lastPrice(), d.cumQuantity(), d.leavesQuantity(), d.averagePrice(),
                d.expectedPrice(), d.fee().mantissa(), d.fee().exponent(), d.slippageBps(), d.eventTimeNs(),
                d.receiveTimeNs(), d.sourcePublishTimeNs(), d.publishTimeNs()));
        }
        else if (PositionUpdateDecoder.TEMPLATE_ID == headerDecoder.templateId())
        {
            final PositionUpdateDecoder d = positionDecoder.wrap(
                buffer, bodyOffset, headerDecoder.blockLength(), headerDecoder.version());
            events.add(new PositionEvent(
                d.instrumentId(), d.quantity(), d.averageEntryPrice(), d.markPrice(), d.realisedPnl().mantissa(),
                d.unrealisedPnl().mantissa(), d.fees().mantissa(), d.tradeCount(), d.eventTimeNs(), d.receiveTimeNs(),
                d.sourcePublishTimeNs(), d.publishTimeNs()));
        }
        else
        {
            throw new AssertionError("unexpected template " + headerDecoder.templateId());
        }
        return true;
    }

    private static String[] levels(final String side)
    {
        return side.isBlank() ? new String[0] : side.split(",");
    }

    /**
     * An ExecutionReport as published.
     */
    record Report(
        long clOrdId,
        long venueOrderId,
        long execId,
        int instrumentId,
        ExecType execType,
        OrderStatus status,
        Side side,
        RejectReason reason,
        LiquidityFlag liquidity,
        OrderPurpose purpose,
        int priceExponent,
        int sizeExponent,
        long orderQuantity,
        long lastQuantity,
        long lastPrice,
        long cumQuantity,
        long leavesQuantity,
        long averagePrice,
        long expectedPrice,
        long fee,
        int feeExponent,
        double slippageBps,
        long eventTimeNs,
        long receiveTimeNs,
        long sourcePublishTimeNs,
        long publishTimeNs)
    {
    }

    /**
     * A PositionUpdate as published.
     */
    record PositionEvent(
        int instrumentId,
        long quantity,
        long averageEntryPrice,
        long markPrice,
        long realisedPnl,
        long unrealisedPnl,
        long fees,
        int tradeCount,
        long eventTimeNs,
        long receiveTimeNs,
        long sourcePublishTimeNs,
        long publishTimeNs)
    {
    }

    /**
     * An order intent to send; defaults: next client order id, BTC, BUY 1, MARKET IOC, ENTRY, PAPER, no expected
     * price, no bracket, no slippage cap.
     */
    final class Intent
    {
        long clOrdId = nextClOrdId++;
        int instrumentId = BTC;
        short side = Side.BUY.value();
        OrderType orderType = OrderType.MARKET;
        TimeInForce timeInForce = TimeInForce.IOC;
        OrderPurpose purpose = OrderPurpose.ENTRY;
        TradingMode mode = TradingMode.PAPER;
        int priceExponent = PRICE_EXPONENT;
        int sizeExponent = SIZE_EXPONENT;
        long quantity = qty("1");
        long limitPrice = OrderIntentEncoder.limitPriceNullValue();
        long expectedPrice = 0;
        long stopPrice = OrderIntentEncoder.stopPriceNullValue();
        long targetPrice = OrderIntentEncoder.targetPriceNullValue();
        double maxSlippageBps = 0.0;
        long eventTimeNs = clock.nanoTime() - 5_000_000;
        long receiveTimeNs = clock.nanoTime() - 4_000_000;
        long publishTimeNs = clock.nanoTime() - 1_000_000;

        Intent clOrdId(final long clOrdId)
        {
            this.clOrdId = clOrdId;
            return this;
        }

        Intent instrument(final int instrumentId)
        {
            this.instrumentId = instrumentId;
            return this;
        }

        Intent buy(final String quantity)
        {
            this.side = Side.BUY.value();
            this.quantity = FixedPoint.parse(quantity, sizeExponent);
            return this;
        }

        Intent sell(final String quantity)
        {
            this.side = Side.SELL.value();
            this.quantity = FixedPoint.parse(quantity, sizeExponent);
            return this;
        }

        Intent rawSide(final short side)
        {
            this.side = side;
            return this;
        }

        Intent rawQuantity(final long quantity)
        {
            this.quantity = quantity;
            return this;
        }

        Intent exponents(final int priceExponent, final int sizeExponent)
        {
            this.priceExponent = priceExponent;
            this.sizeExponent = sizeExponent;
            return this;
        }

        Intent market()
        {
            orderType = OrderType.MARKET;
            timeInForce = TimeInForce.IOC;
            return this;
        }

        Intent limit(final String price)
        {
            orderType = OrderType.LIMIT;
            timeInForce = TimeInForce.GTC;
            limitPrice = FixedPoint.parse(price, priceExponent);
            return this;
        }

        Intent postOnly(final String price)
        {
            orderType = OrderType.POST_ONLY;
            timeInForce = TimeInForce.GTC;
            limitPrice = FixedPoint.parse(price, priceExponent);
            return this;
        }

        Intent noLimitPrice()
        {
            limitPrice = OrderIntentEncoder.limitPriceNullValue();
            return this;
        }

        Intent tif(final TimeInForce timeInForce)
        {
            this.timeInForce = timeInForce;
            return this;
        }

        Intent purpose(final OrderPurpose purpose)
        {
            this.purpose = purpose;
            return this;
        }

        Intent mode(final TradingMode mode)
        {
            this.mode = mode;
            return this;
        }

        Intent expected(final String price)
        {
            expectedPrice = FixedPoint.parse(price, priceExponent);
            return this;
        }

        Intent stop(final String price)
        {
            stopPrice = FixedPoint.parse(price, priceExponent);
            return this;
        }

        Intent target(final String price)
        {
            targetPrice = FixedPoint.parse(price, priceExponent);
            return this;
        }

        Intent maxSlippageBps(final double bps)
        {
            maxSlippageBps = bps;
            return this;
        }

        /**
         * Send it.
         *
         * @return its client order id.
         */
        long send()
        {
            intentEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
                .clOrdId(clOrdId)
                .decisionId(clOrdId + 1000)
                .instrumentId(instrumentId)
                .eventTimeNs(eventTimeNs)
                .receiveTimeNs(receiveTimeNs)
                .sourcePublishTimeNs(receiveTimeNs + 1_000)
                .publishTimeNs(publishTimeNs)
                .orderType(orderType)
                .timeInForce(timeInForce)
                .purpose(purpose)
                .mode(mode)
                .priceExponent((byte)priceExponent)
                .sizeExponent((byte)sizeExponent)
                .quantity(quantity)
                .limitPrice(limitPrice)
                .expectedPrice(expectedPrice)
                .stopPrice(stopPrice)
                .targetPrice(targetPrice)
                .maxSlippageBps(maxSlippageBps);
            buffer.putByte(intentEncoder.offset() + sideOffset(), (byte)side);
            intentEncoder.strategyId("test-strategy");
            ExecutorFixture.this.send(intentEncoder.encodedLength());
            return clOrdId;
        }

        private int sideOffset()
        {
            return OrderIntentEncoder.sideEncodingOffset();
        }
    }
}
