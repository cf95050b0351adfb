/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.sbe.BestBidOfferEncoder;
import io.hellmoon.sbe.BookLevelsEncoder;
import io.hellmoon.sbe.InstrumentDefinitionEncoder;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.MarkPriceEncoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.OrderIntentEncoder;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.OrderType;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TimeInForce;
import io.hellmoon.sbe.TradeCondition;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.TradingMode;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.AllocationMeter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No allocation per intent and per market-data message once warm, across fills, rejects, resting, cancels,
 * bracket checks, marks and duplicate detection with the client order id window wrapping.
 */
class AllocationTest
{
    private static final int INSTRUMENT_ID = 1;
    private static final long NOW_NS = ExecutorFixture.START_NS;

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final UnsafeBuffer definition = new UnsafeBuffer(ByteBuffer.allocateDirect(512));
    private final UnsafeBuffer book = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
    private final UnsafeBuffer bbo = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final UnsafeBuffer trade = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final UnsafeBuffer mark = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final UnsafeBuffer buy = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final UnsafeBuffer sell = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final UnsafeBuffer rest = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private int definitionLength;
    private int bookLength;
    private int bboLength;
    private int tradeLength;
    private int markLength;
    private int buyLength;
    private int sellLength;
    private int restLength;

    private final ExecutionEngine engine = new ExecutionEngine(
        new ExecutorContext()
            .clock(new ManualEpochNanoClock(NOW_NS))
            .clOrdIdWindow(4096)
            // Every round trip buys at the ask and sells at the bid: keep the daily loss limit out of the way.
            .dailyLossLimit(1e9),
        (buffer, offset, length) -> true);
    private long nextClOrdId = 1;

    @BeforeEach
    void setUp()
    {
        encodeMarketData();
        buyLength = encodeIntent(buy, Side.BUY, OrderType.MARKET, 0, 1_000, 5_000, 20_000);
        sellLength = encodeIntent(sell, Side.SELL, OrderType.MARKET, 0, 1_000, 0, 0);
        restLength = encodeIntent(rest, Side.BUY, OrderType.LIMIT, 6_000, 1_000, 0, 0);

        engine.onMessage(definition, 0, definitionLength);
        engine.onMessage(book, 0, bookLength);
        // A resting order and a bracketed position that market data must check without triggering.
        send(rest, restLength);
        send(buy, buyLength);
        engine.onMessage(book, 0, bookLength);
        assertEquals(1, engine.restingOrderCount());
        assertEquals(1_000, engine.positionQuantity(INSTRUMENT_ID));
    }

    @AfterEach
    void tearDown()
    {
        engine.close();
    }

    @Test
    @Timeout(120)
    void shouldNotAllocatePerIntent()
    {
        final long ordersBefore = engine.counters().orders().get();
        final long rejectsBefore = engine.counters().rejects().get();
        AllocationMeter.assertAllocationFree(20_000, 5_000, this::intents);

        // At least 25,000 runs, each accepting three orders and rejecting one duplicate, nothing else.
        final long runs = engine.counters().rejects().get() - rejectsBefore;
        assertTrue(runs >= 25_000);
        assertEquals(3 * runs, engine.counters().orders().get() - ordersBefore);
        assertEquals(1_000, engine.positionQuantity(INSTRUMENT_ID));
        assertEquals(0, engine.counters().decodeErrors().get());
    }

    @Test
    @Timeout(120)
    void shouldNotAllocatePerMarketDataMessage()
    {
        final long received = engine.counters().messagesReceived().get();
        AllocationMeter.assertAllocationFree(20_000, 5_000, this::marketData);

        assertTrue(engine.counters().messagesReceived().get() - received >= 100_000);
        assertEquals(1, engine.restingOrderCount());
        assertEquals(0, engine.counters().exitsTriggered().get());
    }

    private void intents()
    {
        // Fill a buy, fill a sell, be rejected as a duplicate, rest and cancel, replenish the book.
        send(buy, buyLength);
        final long sellId = send(sell, sellLength);
        engine.onMessage(sell, 0, sellLength);
        final long restId = send(rest, restLength);
        engine.cancel(restId);
        engine.onMessage(book, 0, bookLength);
        assertTrue(sellId > 0);
    }

    private void marketData()
    {
        engine.onMessage(book, 0, bookLength);
        engine.onMessage(bbo, 0, bboLength);
        engine.onMessage(trade, 0, tradeLength);
        engine.onMessage(mark, 0, markLength);
    }

    private long send(final UnsafeBuffer intent, final int length)
    {
        final long clOrdId = nextClOrdId++;
        intent.putLong(MessageHeaderEncoder.ENCODED_LENGTH + OrderIntentEncoder.clOrdIdEncodingOffset(), clOrdId);
        engine.onMessage(intent, 0, length);
        return clOrdId;
    }

    private int encodeIntent(
        final UnsafeBuffer buffer,
        final Side side,
        final OrderType orderType,
        final long limitPrice,
        final long quantity,
        final long stopPrice,
        final long targetPrice)
    {
        final OrderIntentEncoder intent = new OrderIntentEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .clOrdId(0)
            .decisionId(1)
            .instrumentId(INSTRUMENT_ID)
            .eventTimeNs(NOW_NS - 3)
            .receiveTimeNs(NOW_NS - 2)
            .sourcePublishTimeNs(NOW_NS - 2)
            .publishTimeNs(NOW_NS - 1)
            .side(side)
            .orderType(orderType)
            .timeInForce(OrderType.MARKET == orderType ? TimeInForce.IOC : TimeInForce.GTC)
            .purpose(OrderPurpose.ENTRY)
            .mode(TradingMode.PAPER)
            .priceExponent((byte)-2)
            .sizeExponent((byte)-3)
            .quantity(quantity)
            .limitPrice(0 == limitPrice ? OrderIntentEncoder.limitPriceNullValue() : limitPrice)
            .expectedPrice(0)
            .stopPrice(0 == stopPrice ? OrderIntentEncoder.stopPriceNullValue() : stopPrice)
            .targetPrice(0 == targetPrice ? OrderIntentEncoder.targetPriceNullValue() : targetPrice)
            .maxSlippageBps(100.0);
        intent.strategyId("allocation");
        return MessageHeaderEncoder.ENCODED_LENGTH + intent.encodedLength();
    }

    private void encodeMarketData()
    {
        final InstrumentDefinitionEncoder definitionEncoder = new InstrumentDefinitionEncoder()
            .wrapAndApplyHeader(definition, 0, headerEncoder)
            .instrumentId(INSTRUMENT_ID)
            .eventTimeNs(NOW_NS)
            .receiveTimeNs(NOW_NS)
            .publishTimeNs(NOW_NS)
            .venue(Venue.BINANCE_USDM)
            .kind(InstrumentKind.PERPETUAL)
            .status(InstrumentStatus.TRADING)
            .priceExponent((byte)-2)
            .sizeExponent((byte)-3)
            .tickSize(1)
            .stepSize(1)
            .minQty(1);
        definitionEncoder.minNotional().mantissa(0).exponent((byte)-8);
        definitionEncoder.contractSize().mantissa(1).exponent((byte)0);
        definitionEncoder.symbol("BTCUSDT").baseAsset("BTC").quoteAsset("USDT");
        definitionLength = MessageHeaderEncoder.ENCODED_LENGTH + definitionEncoder.encodedLength();

        final BookLevelsEncoder bookEncoder = new BookLevelsEncoder().wrapAndApplyHeader(book, 0, headerEncoder)
            .instrumentId(INSTRUMENT_ID)
            .eventTimeNs(NOW_NS)
            .receiveTimeNs(NOW_NS)
            .publishTimeNs(NOW_NS)
            .lastUpdateId(1)
            .bidLevelCount(20)
            .askLevelCount(20)
            .priceExponent((byte)-2)
            .sizeExponent((byte)-3);
        final BookLevelsEncoder.BidsEncoder bids = bookEncoder.bidsCount(20);
        for (int i = 0; i < 20; i++)
        {
            bids.next().price(9_990 - i).size(2_000);
        }
        final BookLevelsEncoder.AsksEncoder asks = bookEncoder.asksCount(20);
        for (int i = 0; i < 20; i++)
        {
            asks.next().price(10_000 + i).size(2_000);
        }
        bookLength = MessageHeaderEncoder.ENCODED_LENGTH + bookEncoder.encodedLength();

        final BestBidOfferEncoder bboEncoder = new BestBidOfferEncoder().wrapAndApplyHeader(bbo, 0, headerEncoder)
            .instrumentId(INSTRUMENT_ID)
            .eventTimeNs(NOW_NS)
            .receiveTimeNs(NOW_NS)
            .publishTimeNs(NOW_NS)
            .transactTimeNs(NOW_NS)
            .updateId(2)
            .priceExponent((byte)-2)
            .sizeExponent((byte)-3)
            .bidPrice(9_991)
            .bidSize(1_000)
            .askPrice(10_000)
            .askSize(1_000);
        bboLength = MessageHeaderEncoder.ENCODED_LENGTH + bboEncoder.encodedLength();

        final TradeEncoder tradeEncoder = new TradeEncoder().wrapAndApplyHeader(trade, 0, headerEncoder)
            .instrumentId(INSTRUMENT_ID)
            .eventTimeNs(NOW_NS)
            .receiveTimeNs(NOW_NS)
            .publishTimeNs(NOW_NS)
            .tradeTimeNs(NOW_NS)
            .kind(TradeKind.TRADE)
            .condition(TradeCondition.NORMAL)
            .aggressorSide(Side.SELL)
            .priceExponent((byte)-2)
            .sizeExponent((byte)-3)
            .price(9_995)
            .size(500)
            .tradeId(3)
            .firstTradeId(TradeEncoder.firstTradeIdNullValue())
            .lastTradeId(TradeEncoder.lastTradeIdNullValue());
        tradeLength = MessageHeaderEncoder.ENCODED_LENGTH + tradeEncoder.encodedLength();

        final MarkPriceEncoder markEncoder = new MarkPriceEncoder().wrapAndApplyHeader(mark, 0, headerEncoder)
            .instrumentId(INSTRUMENT_ID)
            .eventTimeNs(NOW_NS)
            .receiveTimeNs(NOW_NS)
            .publishTimeNs(NOW_NS)
            .priceExponent((byte)-8)
            .markPrice(9_995_000_000L)
            .indexPrice(MarkPriceEncoder.indexPriceNullValue())
            .estimatedSettlePrice(MarkPriceEncoder.estimatedSettlePriceNullValue())
            .nextFundingTimeNs(MarkPriceEncoder.nextFundingTimeNsNullValue());
        markEncoder.fundingRate().mantissa(10_000).exponent((byte)-8);
        markLength = MessageHeaderEncoder.ENCODED_LENGTH + markEncoder.encodedLength();
    }
}
