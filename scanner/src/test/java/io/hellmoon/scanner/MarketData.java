/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.sbe.BarEncoder;
import io.hellmoon.sbe.BarInterval;
import io.hellmoon.sbe.BestBidOfferEncoder;
import io.hellmoon.sbe.BookLevelsEncoder;
import io.hellmoon.sbe.BooleanType;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatusEncoder;
import io.hellmoon.sbe.FeedStatusReason;
import io.hellmoon.sbe.InstrumentDefinitionEncoder;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeCondition;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Encodes market-data messages for tests and hands each to a handler (a scanner, or an Aeron publication). Prices
 * and sizes are given as doubles and sent as mantissas at exponent -8, like the Binance feed. Receive time is the
 * event time plus 5 ms and publish time 1 us later, so every timestamp is a function of the input. Allocation free,
 * so the allocation tests can drive the scanner with it.
 */
final class MarketData
{
    static final byte EXPONENT = -8;
    static final long RECEIVE_DELAY_NS = 5_000_000L;
    static final long PUBLISH_DELAY_NS = 1_000L;

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(64 * 1024));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final BestBidOfferEncoder bbo = new BestBidOfferEncoder();
    private final BookLevelsEncoder book = new BookLevelsEncoder();
    private final BarEncoder bar = new BarEncoder();
    private final FeedStatusEncoder status = new FeedStatusEncoder();
    private SbeHandler handler;
    private long tradeId;

    MarketData(final SbeHandler handler)
    {
        this.handler = handler;
    }

    void handler(final SbeHandler handler)
    {
        this.handler = handler;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    static long mantissa(final double value)
    {
        return Math.round(value * 1e8);
    }

    void definition(final int instrumentId, final Venue venue, final InstrumentStatus instrumentStatus)
    {
        definition.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(InstrumentDefinitionEncoder.eventTimeNsNullValue())
            .receiveTimeNs(1L)
            .publishTimeNs(2L)
            .venue(venue)
            .kind(Venue.BINANCE_SPOT == venue ? InstrumentKind.SPOT : InstrumentKind.PERPETUAL)
            .status(instrumentStatus)
            .priceExponent(EXPONENT)
            .sizeExponent(EXPONENT)
            .tickSize(1_000_000L)
            .stepSize(100_000L)
            .minQty(100_000L);
        definition.minNotional().mantissa(5).exponent((byte)0);
        if (Venue.BINANCE_COINM == venue)
        {
            definition.contractSize().mantissa(100).exponent((byte)0);
        }
        else
        {
            definition.contractSize().mantissa(1).exponent((byte)0);
        }
        definition.putSymbol(buffer, 0, 0).putBaseAsset(buffer, 0, 0).putQuoteAsset(buffer, 0, 0);
        send(definition.encodedLength());
    }

    void trade(final int instrumentId, final long timeNs, final double price, final double size, final Side side)
    {
        trade(instrumentId, timeNs, price, size, side, TradeKind.TRADE);
    }

    void trade(
        final int instrumentId,
        final long timeNs,
        final double price,
        final double size,
        final Side side,
        final TradeKind kind)
    {
        trade.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(timeNs)
            .receiveTimeNs(timeNs + RECEIVE_DELAY_NS)
            .publishTimeNs(timeNs + RECEIVE_DELAY_NS + PUBLISH_DELAY_NS)
            .tradeTimeNs(timeNs)
            .kind(kind)
            .condition(TradeCondition.NORMAL)
            .aggressorSide(side)
            .priceExponent(EXPONENT)
            .sizeExponent(EXPONENT)
            .price(mantissa(price))
            .size(mantissa(size))
            .tradeId(++tradeId)
            .firstTradeId(TradeEncoder.firstTradeIdNullValue())
            .lastTradeId(TradeEncoder.lastTradeIdNullValue());
        send(trade.encodedLength());
    }

    /**
     * A trade with every field given, as decoded from a capture.
     */
    void trade(
        final int instrumentId,
        final long eventTimeNs,
        final long tradeTimeNs,
        final long receiveTimeNs,
        final long priceMantissa,
        final long sizeMantissa,
        final Side side)
    {
        trade.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(receiveTimeNs + PUBLISH_DELAY_NS)
            .tradeTimeNs(tradeTimeNs)
            .kind(TradeKind.TRADE)
            .condition(TradeCondition.NORMAL)
            .aggressorSide(side)
            .priceExponent(EXPONENT)
            .sizeExponent(EXPONENT)
            .price(priceMantissa)
            .size(sizeMantissa)
            .tradeId(++tradeId)
            .firstTradeId(TradeEncoder.firstTradeIdNullValue())
            .lastTradeId(TradeEncoder.lastTradeIdNullValue());
        send(trade.encodedLength());
    }

    /**
     * A best bid and offer with every field given, as decoded from a capture.
     */
    void bbo(
        final int instrumentId,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long bidMantissa,
        final long bidSizeMantissa,
        final long askMantissa,
        final long askSizeMantissa)
    {
        bbo.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(receiveTimeNs + PUBLISH_DELAY_NS)
            .transactTimeNs(BestBidOfferEncoder.transactTimeNsNullValue())
            .updateId(BestBidOfferEncoder.updateIdNullValue())
            .priceExponent(EXPONENT)
            .sizeExponent(EXPONENT)
            .bidPrice(bidMantissa)
            .bidSize(bidSizeMantissa)
            .askPrice(askMantissa)
            .askSize(askSizeMantissa);
        send(bbo.encodedLength());
    }

    void bbo(final int instrumentId, final long timeNs, final double bid, final double ask)
    {
        bbo.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(timeNs)
            .receiveTimeNs(Math.max(timeNs, 0) + RECEIVE_DELAY_NS)
            .publishTimeNs(Math.max(timeNs, 0) + RECEIVE_DELAY_NS + PUBLISH_DELAY_NS)
            .transactTimeNs(BestBidOfferEncoder.transactTimeNsNullValue())
            .updateId(1)
            .priceExponent(EXPONENT)
            .sizeExponent(EXPONENT)
            .bidPrice(mantissa(bid))
            .bidSize(mantissa(1.0))
            .askPrice(mantissa(ask))
            .askSize(mantissa(1.0));
        send(bbo.encodedLength());
    }

    /**
     * A book of {@code levels} levels per side around {@code mid}, one tick of 0.01 apart, with the given size at
     * every bid and every ask level.
     */
    void book(
        final int instrumentId,
        final long timeNs,
        final double mid,
        final int levels,
        final double bidSize,
        final double askSize)
    {
        book.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(timeNs)
            .receiveTimeNs(timeNs + RECEIVE_DELAY_NS)
            .publishTimeNs(timeNs + RECEIVE_DELAY_NS + PUBLISH_DELAY_NS)
            .lastUpdateId(timeNs)
            .bidLevelCount(levels)
            .askLevelCount(levels)
            .priceExponent(EXPONENT)
            .sizeExponent(EXPONENT);
        final BookLevelsEncoder.BidsEncoder bids = book.bidsCount(levels);
        for (int i = 0; i < levels; i++)
        {
            bids.next().price(mantissa(mid - 0.01 * (i + 1))).size(mantissa(bidSize));
        }
        final BookLevelsEncoder.AsksEncoder asks = book.asksCount(levels);
        for (int i = 0; i < levels; i++)
        {
            asks.next().price(mantissa(mid + 0.01 * (i + 1))).size(mantissa(askSize));
        }
        send(book.encodedLength());
    }

    void bar(
        final int instrumentId,
        final long openTimeNs,
        final long barNs,
        final double open,
        final double high,
        final double low,
        final double close,
        final boolean closed)
    {
        final long eventTimeNs = closed ? openTimeNs + barNs : openTimeNs + barNs / 2;
        bar.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(eventTimeNs + RECEIVE_DELAY_NS)
            .publishTimeNs(eventTimeNs + RECEIVE_DELAY_NS + PUBLISH_DELAY_NS)
            .interval(BarInterval.M1)
            .openTimeNs(openTimeNs)
            .closeTimeNs(openTimeNs + barNs - 1)
            .closed(closed ? BooleanType.TRUE : BooleanType.FALSE)
            .priceExponent(EXPONENT)
            .sizeExponent(EXPONENT)
            .openPrice(mantissa(open))
            .highPrice(mantissa(high))
            .lowPrice(mantissa(low))
            .closePrice(mantissa(close))
            .volume(mantissa(10))
            .takerBuyVolume(mantissa(5))
            .tradeCount(100)
            .firstTradeId(BarEncoder.firstTradeIdNullValue())
            .lastTradeId(BarEncoder.lastTradeIdNullValue());
        bar.quoteVolume().mantissa(mantissa(10 * close)).exponent(EXPONENT);
        bar.takerBuyQuoteVolume().mantissa(mantissa(5 * close)).exponent(EXPONENT);
        send(bar.encodedLength());
    }

    void feedStatus(final int instrumentId, final long timeNs, final FeedState state)
    {
        status.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(timeNs)
            .receiveTimeNs(timeNs + RECEIVE_DELAY_NS)
            .publishTimeNs(timeNs + RECEIVE_DELAY_NS + PUBLISH_DELAY_NS)
            .state(state)
            .reason(FeedState.LIVE == state ? FeedStatusReason.SNAPSHOT_APPLIED : FeedStatusReason.SEQUENCE_GAP)
            .lastUpdateId(FeedStatusEncoder.lastUpdateIdNullValue())
            .receivedUpdateId(FeedStatusEncoder.receivedUpdateIdNullValue())
            .resyncCount(0);
        send(status.encodedLength());
    }

    private void send(final int bodyLength)
    {
        handler.onMessage(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }
}
