/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.jmh;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;

/**
 * The baseline most Jackson users would write for Binance market data: one record per message kind, decimal strings
 * bound to {@link BigDecimal} (exact, as money should be), times as epoch milliseconds, depth levels as
 * {@code BigDecimal[][]}, the combined-stream envelope as a generic record, and, for a stream carrying several
 * kinds, polymorphic binding on the event type {@code e}. Unknown fields are ignored, as every such client configures.
 */
final class JacksonModel
{
    private JacksonModel()
    {
    }

    /**
     * The mapper a user would configure: defaults, except that unknown fields are ignored.
     *
     * @return a new mapper.
     */
    static ObjectMapper newMapper()
    {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * A USD-M event that {@link UsdmEnvelope} can hold.
     */
    sealed interface UsdmEvent permits Trade, BookTicker, DepthUpdate
    {
    }

    /**
     * Combined-stream envelope of one known kind.
     *
     * @param stream stream name, e.g. {@code btcusdt@trade}.
     * @param data   the event.
     * @param <T>    the event's record.
     */
    record Envelope<T>(String stream, T data)
    {
    }

    /**
     * Combined-stream envelope of a connection carrying USD-M trade, bookTicker and depth streams, bound by {@code e}.
     *
     * @param stream stream name.
     * @param data   the event.
     */
    record UsdmEnvelope(
        String stream,
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "e",
            visible = true)
        @JsonSubTypes({
            @JsonSubTypes.Type(value = Trade.class, name = "trade"),
            @JsonSubTypes.Type(value = BookTicker.class, name = "bookTicker"),
            @JsonSubTypes.Type(value = DepthUpdate.class, name = "depthUpdate") })
        UsdmEvent data)
    {
    }

    /**
     * Spot or USD-M trade.
     *
     * @param eventType     {@code e}.
     * @param eventTime     {@code E}, ms.
     * @param tradeTime     {@code T}, ms.
     * @param symbol        {@code s}.
     * @param tradeId       {@code t}.
     * @param price         {@code p}.
     * @param quantity      {@code q}.
     * @param buyerMaker    {@code m}.
     * @param executionType {@code X}, futures only.
     */
    record Trade(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") long eventTime,
        @JsonProperty("T") long tradeTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("t") long tradeId,
        @JsonProperty("p") BigDecimal price,
        @JsonProperty("q") BigDecimal quantity,
        @JsonProperty("m") boolean buyerMaker,
        @JsonProperty("X") String executionType) implements UsdmEvent
    {
    }

    /**
     * Aggregate trade.
     *
     * @param eventType    {@code e}.
     * @param eventTime    {@code E}, ms.
     * @param aggTradeId   {@code a}.
     * @param symbol       {@code s}.
     * @param price        {@code p}.
     * @param quantity     {@code q}.
     * @param firstTradeId {@code f}.
     * @param lastTradeId  {@code l}.
     * @param tradeTime    {@code T}, ms.
     * @param buyerMaker   {@code m}.
     */
    record AggTrade(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") long eventTime,
        @JsonProperty("a") long aggTradeId,
        @JsonProperty("s") String symbol,
        @JsonProperty("p") BigDecimal price,
        @JsonProperty("q") BigDecimal quantity,
        @JsonProperty("f") long firstTradeId,
        @JsonProperty("l") long lastTradeId,
        @JsonProperty("T") long tradeTime,
        @JsonProperty("m") boolean buyerMaker)
    {
    }

    /**
     * Best bid and offer; spot has no {@code e}, {@code E}, {@code T}.
     *
     * @param eventType       {@code e}, null on spot.
     * @param eventTime       {@code E}, ms, null on spot.
     * @param transactionTime {@code T}, ms, null on spot.
     * @param updateId        {@code u}.
     * @param symbol          {@code s}.
     * @param bidPrice        {@code b}.
     * @param bidQuantity     {@code B}.
     * @param askPrice        {@code a}.
     * @param askQuantity     {@code A}.
     */
    record BookTicker(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") Long eventTime,
        @JsonProperty("T") Long transactionTime,
        @JsonProperty("u") long updateId,
        @JsonProperty("s") String symbol,
        @JsonProperty("b") BigDecimal bidPrice,
        @JsonProperty("B") BigDecimal bidQuantity,
        @JsonProperty("a") BigDecimal askPrice,
        @JsonProperty("A") BigDecimal askQuantity) implements UsdmEvent
    {
    }

    /**
     * Diff depth.
     *
     * @param eventType       {@code e}.
     * @param eventTime       {@code E}, ms.
     * @param transactionTime {@code T}, ms.
     * @param symbol          {@code s}.
     * @param firstUpdateId   {@code U}.
     * @param finalUpdateId   {@code u}.
     * @param prevUpdateId    {@code pu}, futures only.
     * @param bids            {@code b}: [price, quantity] pairs.
     * @param asks            {@code a}: [price, quantity] pairs.
     */
    record DepthUpdate(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") long eventTime,
        @JsonProperty("T") Long transactionTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("U") long firstUpdateId,
        @JsonProperty("u") long finalUpdateId,
        @JsonProperty("pu") Long prevUpdateId,
        @JsonProperty("b") BigDecimal[][] bids,
        @JsonProperty("a") BigDecimal[][] asks) implements UsdmEvent
    {
    }

    /**
     * REST depth snapshot.
     *
     * @param lastUpdateId    {@code lastUpdateId}.
     * @param eventTime       {@code E}, ms, futures only.
     * @param transactionTime {@code T}, ms, futures only.
     * @param bids            [price, quantity] pairs.
     * @param asks            [price, quantity] pairs.
     */
    record DepthSnapshot(
        long lastUpdateId,
        @JsonProperty("E") Long eventTime,
        @JsonProperty("T") Long transactionTime,
        BigDecimal[][] bids,
        BigDecimal[][] asks)
    {
    }

    /**
     * Kline event.
     *
     * @param eventType {@code e}.
     * @param eventTime {@code E}, ms.
     * @param symbol    {@code s}.
     * @param kline     {@code k}.
     */
    record KlineEvent(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") long eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("k") Kline kline)
    {
    }

    /**
     * A kline.
     *
     * @param openTime            {@code t}, ms.
     * @param closeTime           {@code T}, ms.
     * @param symbol              {@code s}.
     * @param interval            {@code i}.
     * @param firstTradeId        {@code f}.
     * @param lastTradeId         {@code L}.
     * @param open                {@code o}.
     * @param close               {@code c}.
     * @param high                {@code h}.
     * @param low                 {@code l}.
     * @param volume              {@code v}.
     * @param tradeCount          {@code n}.
     * @param closed              {@code x}.
     * @param quoteVolume         {@code q}.
     * @param takerBuyVolume      {@code V}.
     * @param takerBuyQuoteVolume {@code Q}.
     */
    record Kline(
        @JsonProperty("t") long openTime,
        @JsonProperty("T") long closeTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("i") String interval,
        @JsonProperty("f") long firstTradeId,
        @JsonProperty("L") long lastTradeId,
        @JsonProperty("o") BigDecimal open,
        @JsonProperty("c") BigDecimal close,
        @JsonProperty("h") BigDecimal high,
        @JsonProperty("l") BigDecimal low,
        @JsonProperty("v") BigDecimal volume,
        @JsonProperty("n") long tradeCount,
        @JsonProperty("x") boolean closed,
        @JsonProperty("q") BigDecimal quoteVolume,
        @JsonProperty("V") BigDecimal takerBuyVolume,
        @JsonProperty("Q") BigDecimal takerBuyQuoteVolume)
    {
    }

    /**
     * Mark price and funding.
     *
     * @param eventType            {@code e}.
     * @param eventTime            {@code E}, ms.
     * @param symbol               {@code s}.
     * @param markPrice            {@code p}.
     * @param indexPrice           {@code i}.
     * @param estimatedSettlePrice {@code P}.
     * @param fundingRate          {@code r}.
     * @param nextFundingTime      {@code T}, ms.
     */
    record MarkPriceUpdate(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") long eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("p") BigDecimal markPrice,
        @JsonProperty("i") BigDecimal indexPrice,
        @JsonProperty("P") BigDecimal estimatedSettlePrice,
        @JsonProperty("r") BigDecimal fundingRate,
        @JsonProperty("T") long nextFundingTime)
    {
    }

    /**
     * Liquidation event.
     *
     * @param eventType {@code e}.
     * @param eventTime {@code E}, ms.
     * @param order     {@code o}.
     */
    record ForceOrder(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") long eventTime,
        @JsonProperty("o") LiquidationOrder order)
    {
    }

    /**
     * The liquidation order.
     *
     * @param symbol             {@code s}.
     * @param side               {@code S}.
     * @param orderType          {@code o}.
     * @param timeInForce        {@code f}.
     * @param quantity           {@code q}.
     * @param price              {@code p}.
     * @param averagePrice       {@code ap}.
     * @param status             {@code X}.
     * @param lastFilledQuantity {@code l}.
     * @param filledQuantity     {@code z}.
     * @param tradeTime          {@code T}, ms.
     */
    record LiquidationOrder(
        @JsonProperty("s") String symbol,
        @JsonProperty("S") String side,
        @JsonProperty("o") String orderType,
        @JsonProperty("f") String timeInForce,
        @JsonProperty("q") BigDecimal quantity,
        @JsonProperty("p") BigDecimal price,
        @JsonProperty("ap") BigDecimal averagePrice,
        @JsonProperty("X") String status,
        @JsonProperty("l") BigDecimal lastFilledQuantity,
        @JsonProperty("z") BigDecimal filledQuantity,
        @JsonProperty("T") long tradeTime)
    {
    }
}
