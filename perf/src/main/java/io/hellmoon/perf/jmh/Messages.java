/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.jmh;

import io.hellmoon.sbe.BestBidOfferEncoder;
import io.hellmoon.sbe.BookLevelsEncoder;
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
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the market-data messages the component benchmarks feed, with the generated SBE encoders, as the feed
 * publishes them: header included, prices and sizes as mantissas at the given exponents. Each method returns the
 * message's length. Benchmarks encode once and then move a message's times and ids on in place.
 */
final class Messages
{
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
    private final FeedStatusEncoder feedStatus = new FeedStatusEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final BestBidOfferEncoder bbo = new BestBidOfferEncoder();
    private final BookLevelsEncoder book = new BookLevelsEncoder();

    /**
     * A TRADING USD-M perpetual.
     *
     * @param buffer        to encode into at 0.
     * @param instrumentId  of the instrument.
     * @param symbol        venue symbol, e.g. {@code BTCUSDT}.
     * @param priceExponent of prices.
     * @param sizeExponent  of sizes.
     * @param tickSize      at the price exponent.
     * @param stepSize      at the size exponent, also the minimum quantity.
     * @param minNotional   in quote currency, whole units.
     * @return the length.
     */
    int definition(
        final MutableDirectBuffer buffer,
        final int instrumentId,
        final String symbol,
        final int priceExponent,
        final int sizeExponent,
        final long tickSize,
        final long stepSize,
        final long minNotional)
    {
        definition.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(InstrumentDefinitionEncoder.eventTimeNsNullValue())
            .receiveTimeNs(1)
            .publishTimeNs(1)
            .venue(Venue.BINANCE_USDM)
            .kind(InstrumentKind.PERPETUAL)
            .status(InstrumentStatus.TRADING)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .tickSize(tickSize)
            .stepSize(stepSize)
            .minQty(stepSize);
        definition.minNotional().mantissa(minNotional).exponent((byte)0);
        definition.contractSize().mantissa(1).exponent((byte)0);
        definition.symbol(symbol).baseAsset(symbol.substring(0, 3)).quoteAsset("USDT");
        return MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength();
    }

    /**
     * A feed status.
     *
     * @param buffer       to encode into at 0.
     * @param instrumentId of the instrument.
     * @param state        the state.
     * @param timeNs       event, receive and publish time.
     * @return the length.
     */
    int feedStatus(final MutableDirectBuffer buffer, final int instrumentId, final FeedState state, final long timeNs)
    {
        feedStatus.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(timeNs)
            .receiveTimeNs(timeNs)
            .publishTimeNs(timeNs)
            .state(state)
            .reason(FeedStatusReason.SNAPSHOT_APPLIED)
            .lastUpdateId(1)
            .receivedUpdateId(1)
            .resyncCount(0);
        return MessageHeaderEncoder.ENCODED_LENGTH + feedStatus.encodedLength();
    }

    /**
     * A trade.
     *
     * @param buffer       to encode into at 0.
     * @param instrumentId of the instrument.
     * @param timeNs       event, trade, receive and publish time.
     * @param exponent     of price and size.
     * @param price        mantissa.
     * @param size         mantissa.
     * @param side         aggressor side.
     * @param tradeId      the trade id.
     * @return the length.
     */
    int trade(
        final MutableDirectBuffer buffer,
        final int instrumentId,
        final long timeNs,
        final int exponent,
        final long price,
        final long size,
        final Side side,
        final long tradeId)
    {
        trade.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(timeNs)
            .receiveTimeNs(timeNs)
            .publishTimeNs(timeNs)
            .tradeTimeNs(timeNs)
            .kind(TradeKind.TRADE)
            .condition(TradeCondition.NORMAL)
            .aggressorSide(side)
            .priceExponent((byte)exponent)
            .sizeExponent((byte)exponent)
            .price(price)
            .size(size)
            .tradeId(tradeId)
            .firstTradeId(TradeEncoder.firstTradeIdNullValue())
            .lastTradeId(TradeEncoder.lastTradeIdNullValue());
        return MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength();
    }

    /**
     * A best bid and offer.
     *
     * @param buffer       to encode into at 0.
     * @param instrumentId of the instrument.
     * @param timeNs       event, receive and publish time.
     * @param exponent     of prices and sizes.
     * @param bid          price mantissa.
     * @param ask          price mantissa.
     * @param size         mantissa on both sides.
     * @return the length.
     */
    int bestBidOffer(
        final MutableDirectBuffer buffer,
        final int instrumentId,
        final long timeNs,
        final int exponent,
        final long bid,
        final long ask,
        final long size)
    {
        bbo.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(timeNs)
            .receiveTimeNs(timeNs)
            .publishTimeNs(timeNs)
            .transactTimeNs(timeNs)
            .updateId(1)
            .priceExponent((byte)exponent)
            .sizeExponent((byte)exponent)
            .bidPrice(bid)
            .bidSize(size)
            .askPrice(ask)
            .askSize(size);
        return MessageHeaderEncoder.ENCODED_LENGTH + bbo.encodedLength();
    }

    /**
     * A book of {@code levels} levels a side, {@code tick} apart from the touch outwards.
     *
     * @param buffer       to encode into at 0.
     * @param instrumentId of the instrument.
     * @param timeNs       event, receive and publish time.
     * @param exponent     of prices and sizes.
     * @param bestBid      price mantissa of the best bid.
     * @param bestAsk      price mantissa of the best ask.
     * @param tick         price step between levels, mantissa.
     * @param levels       per side.
     * @param bidSize      mantissa at every bid level.
     * @param askSize      mantissa at every ask level.
     * @return the length.
     */
    int bookLevels(
        final MutableDirectBuffer buffer,
        final int instrumentId,
        final long timeNs,
        final int exponent,
        final long bestBid,
        final long bestAsk,
        final long tick,
        final int levels,
        final long bidSize,
        final long askSize)
    {
        book.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(timeNs)
            .receiveTimeNs(timeNs)
            .publishTimeNs(timeNs)
            .lastUpdateId(1)
            .bidLevelCount(levels)
            .askLevelCount(levels)
            .priceExponent((byte)exponent)
            .sizeExponent((byte)exponent);
        final BookLevelsEncoder.BidsEncoder bids = book.bidsCount(levels);
        for (int i = 0; i < levels; i++)
        {
            bids.next().price(bestBid - i * tick).size(bidSize);
        }
        final BookLevelsEncoder.AsksEncoder asks = book.asksCount(levels);
        for (int i = 0; i < levels; i++)
        {
            asks.next().price(bestAsk + i * tick).size(askSize);
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + book.encodedLength();
    }
}
