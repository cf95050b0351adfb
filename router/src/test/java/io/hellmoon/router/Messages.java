/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router;

import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.sbe.AnomalyEventEncoder;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.BarEncoder;
import io.hellmoon.sbe.BarInterval;
import io.hellmoon.sbe.BestBidOfferEncoder;
import io.hellmoon.sbe.BookLevelsEncoder;
import io.hellmoon.sbe.BooleanType;
import io.hellmoon.sbe.ControlCommandEncoder;
import io.hellmoon.sbe.ControlCommandType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.ExecType;
import io.hellmoon.sbe.ExecutionReportEncoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatusEncoder;
import io.hellmoon.sbe.FeedStatusReason;
import io.hellmoon.sbe.Feature;
import io.hellmoon.sbe.InstrumentDefinitionEncoder;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.LiquidityFlag;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.OrderStatus;
import io.hellmoon.sbe.PositionUpdateEncoder;
import io.hellmoon.sbe.RegimeChangeEncoder;
import io.hellmoon.sbe.RejectReason;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeCondition;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;
import io.hellmoon.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Encodes the router's input messages for tests and sends them to a handler. Reuses one buffer and its encoders,
 * so sending allocates nothing (the allocation test relies on it).
 */
final class Messages
{
    static final int PRICE_EXPONENT = -2;
    static final int SIZE_EXPONENT = -3;

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(4096));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final AnomalyEventEncoder anomaly = new AnomalyEventEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
    private final BestBidOfferEncoder bbo = new BestBidOfferEncoder();
    private final BookLevelsEncoder book = new BookLevelsEncoder();
    private final FeedStatusEncoder feedStatus = new FeedStatusEncoder();
    private final RegimeChangeEncoder regime = new RegimeChangeEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final BarEncoder bar = new BarEncoder();
    private final ExecutionReportEncoder execution = new ExecutionReportEncoder();
    private final PositionUpdateEncoder position = new PositionUpdateEncoder();
    private final ControlCommandEncoder control = new ControlCommandEncoder();
    private final SbeHandler handler;

    Messages(final SbeHandler handler)
    {
        this.handler = handler;
    }

    void definition(final int id, final String symbol, final InstrumentKind kind, final long tickSize,
        final long stepSize, final long minQty, final double minNotional)
    {
        definition.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(id)
            .eventTimeNs(InstrumentDefinitionEncoder.eventTimeNsNullValue())
            .receiveTimeNs(1)
            .publishTimeNs(1)
            .venue(Venue.BINANCE_USDM)
            .kind(kind)
            .status(InstrumentStatus.TRADING)
            .priceExponent((byte)PRICE_EXPONENT)
            .sizeExponent((byte)SIZE_EXPONENT)
            .tickSize(tickSize)
            .stepSize(stepSize)
            .minQty(minQty);
        definition.minNotional().mantissa(Math.round(minNotional * 100)).exponent((byte)-2);
        definition.contractSize().mantissa(1).exponent((byte)0);
        definition.symbol(symbol).baseAsset(symbol.substring(0, 3)).quoteAsset("USDT");
        send(definition.encodedLength());
    }

    void bestBidOffer(final int id, final double bid, final double ask, final long timeNs)
    {
        bbo.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(id)
            .eventTimeNs(timeNs)
            .receiveTimeNs(timeNs)
            .publishTimeNs(timeNs)
            .transactTimeNs(timeNs)
            .updateId(1)
            .priceExponent((byte)PRICE_EXPONENT)
            .sizeExponent((byte)SIZE_EXPONENT)
            .bidPrice(Math.round(bid * 100))
            .bidSize(1000)
            .askPrice(Math.round(ask * 100))
            .askSize(1000);
        send(bbo.encodedLength());
    }

    void bookLevels(final int id, final double bid, final double bidSize, final double ask, final double askSize,
        final long timeNs)
    {
        book.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(id)
            .eventTimeNs(timeNs)
            .receiveTimeNs(timeNs)
            .publishTimeNs(timeNs)
            .lastUpdateId(1)
            .bidLevelCount(1)
            .askLevelCount(1)
            .priceExponent((byte)PRICE_EXPONENT)
            .sizeExponent((byte)SIZE_EXPONENT);
        book.bidsCount(1).next().price(Math.round(bid * 100)).size(Math.round(bidSize * 1000));
        book.asksCount(1).next().price(Math.round(ask * 100)).size(Math.round(askSize * 1000));
        send(book.encodedLength());
    }

    void feedStatus(final int id, final FeedState state, final long timeNs)
    {
        feedStatus.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(id)
            .eventTimeNs(timeNs)
            .receiveTimeNs(timeNs)
            .publishTimeNs(timeNs)
            .state(state)
            .reason(FeedStatusReason.SNAPSHOT_APPLIED)
            .lastUpdateId(1)
            .receivedUpdateId(1)
            .resyncCount(0);
        send(feedStatus.encodedLength());
    }

    void regime(final int id, final VolatilityRegime volatility, final TrendRegime trend, final Direction direction,
        final long timeNs)
    {
        regime.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(id)
            .eventTimeNs(timeNs)
            .receiveTimeNs(timeNs)
            .sourcePublishTimeNs(timeNs)
            .publishTimeNs(timeNs)
            .volatilityRegime(volatility)
            .trendRegime(trend)
            .previousVolatilityRegime(VolatilityRegime.NORMAL_VOL)
            .previousTrendRegime(TrendRegime.RANGING)
            .trendDirection(direction)
            .confidence(0.8)
            .atrRatio(0.02)
            .adx(30)
            .emaDeviation(0.01)
            .rangeWidth(0.03);
        send(regime.encodedLength());
    }

    void trade(final int id, final double price, final long timeNs)
    {
        trade.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(id)
            .eventTimeNs(timeNs)
            .receiveTimeNs(timeNs)
            .publishTimeNs(timeNs)
            .tradeTimeNs(timeNs)
            .kind(TradeKind.TRADE)
            .condition(TradeCondition.NORMAL)
            .aggressorSide(Side.BUY)
            .priceExponent((byte)PRICE_EXPONENT)
            .sizeExponent((byte)SIZE_EXPONENT)
            .price(Math.round(price * 100))
            .size(1)
            .tradeId(1)
            .firstTradeId(TradeEncoder.firstTradeIdNullValue())
            .lastTradeId(TradeEncoder.lastTradeIdNullValue());
        send(trade.encodedLength());
    }

    void kline(final int id, final BarInterval interval, final long openTimeNs, final long durationNs,
        final double high, final double low, final double close)
    {
        bar.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(id)
            .eventTimeNs(openTimeNs + durationNs)
            .receiveTimeNs(openTimeNs + durationNs)
            .publishTimeNs(openTimeNs + durationNs)
            .interval(interval)
            .openTimeNs(openTimeNs)
            .closeTimeNs(openTimeNs + durationNs - 1)
            .closed(BooleanType.TRUE)
            .priceExponent((byte)PRICE_EXPONENT)
            .sizeExponent((byte)SIZE_EXPONENT)
            .openPrice(Math.round(close * 100))
            .highPrice(Math.round(high * 100))
            .lowPrice(Math.round(low * 100))
            .closePrice(Math.round(close * 100))
            .volume(1)
            .takerBuyVolume(1)
            .tradeCount(1)
            .firstTradeId(BarEncoder.firstTradeIdNullValue())
            .lastTradeId(BarEncoder.lastTradeIdNullValue());
        bar.quoteVolume().mantissa(1).exponent((byte)0);
        bar.takerBuyQuoteVolume().mantissa(1).exponent((byte)0);
        send(bar.encodedLength());
    }

    void anomaly(final long anomalyId, final int id, final AnomalyType type, final Direction direction,
        final double score, final VolatilityRegime volatility, final TrendRegime trend, final double price,
        final double atr, final long receiveTimeNs)
    {
        anomaly.wrapAndApplyHeader(buffer, 0, header)
            .anomalyId(anomalyId)
            .instrumentId(id)
            .eventTimeNs(receiveTimeNs - 1_000)
            .receiveTimeNs(receiveTimeNs)
            .sourcePublishTimeNs(receiveTimeNs + 1_000)
            .publishTimeNs(receiveTimeNs + 2_000)
            .anomalyType(type)
            .direction(direction)
            .score(score)
            .scannerId(1)
            .volatilityRegime(volatility)
            .trendRegime(trend)
            .priceExponent((byte)PRICE_EXPONENT)
            .price(Math.round(price * 100))
            .atr(atr);
        anomaly.featuresCount(1).next().feature(Feature.VOLUME_RATIO).value(score);
        send(anomaly.encodedLength());
    }

    void executionReport(final long clOrdId, final int id, final OrderStatus status, final long cumQuantity)
    {
        execution.wrapAndApplyHeader(buffer, 0, header)
            .clOrdId(clOrdId)
            .venueOrderId(1)
            .execId(1)
            .instrumentId(id)
            .eventTimeNs(1)
            .receiveTimeNs(1)
            .sourcePublishTimeNs(1)
            .publishTimeNs(1)
            .execType(OrderStatus.REJECTED == status ? ExecType.REJECTED : ExecType.NEW)
            .orderStatus(status)
            .side(Side.BUY)
            .rejectReason(RejectReason.NONE)
            .liquidity(LiquidityFlag.TAKER)
            .purpose(OrderPurpose.ENTRY)
            .priceExponent((byte)PRICE_EXPONENT)
            .sizeExponent((byte)SIZE_EXPONENT)
            .orderQuantity(100)
            .lastQuantity(0)
            .lastPrice(ExecutionReportEncoder.lastPriceNullValue())
            .cumQuantity(cumQuantity)
            .leavesQuantity(0)
            .averagePrice(ExecutionReportEncoder.averagePriceNullValue())
            .expectedPrice(ExecutionReportEncoder.expectedPriceNullValue())
            .slippageBps(0);
        execution.fee().mantissa(0).exponent((byte)0);
        send(execution.encodedLength());
    }

    void position(final int id, final double quantity, final double price, final double realisedPnl,
        final double fees)
    {
        position.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(id)
            .eventTimeNs(1)
            .receiveTimeNs(1)
            .sourcePublishTimeNs(1)
            .publishTimeNs(1)
            .priceExponent((byte)PRICE_EXPONENT)
            .sizeExponent((byte)SIZE_EXPONENT)
            .quantity(Math.round(quantity * 1000))
            .averageEntryPrice(Math.round(price * 100))
            .markPrice(Math.round(price * 100))
            .tradeCount(1);
        position.realisedPnl().mantissa(Math.round(realisedPnl * 1e6)).exponent((byte)-6);
        position.unrealisedPnl().mantissa(0).exponent((byte)0);
        position.fees().mantissa(Math.round(fees * 1e6)).exponent((byte)-6);
        send(position.encodedLength());
    }

    void control(final ControlCommandType type, final int id, final String argument)
    {
        control.wrapAndApplyHeader(buffer, 0, header)
            .commandId(1)
            .publishTimeNs(1)
            .commandType(type)
            .instrumentId(id)
            .argument(argument);
        send(control.encodedLength());
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    private void send(final int bodyLength)
    {
        handler.onMessage(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }
}
