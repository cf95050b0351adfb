/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.sbe.BarEncoder;
import io.hellmoon.sbe.BarInterval;
import io.hellmoon.sbe.BestBidOfferEncoder;
import io.hellmoon.sbe.BooleanType;
import io.hellmoon.sbe.DepthSnapshotEncoder;
import io.hellmoon.sbe.DepthUpdateEncoder;
import io.hellmoon.sbe.InstrumentDefinitionEncoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeCondition;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.Venue;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * TEST ONLY: turns Binance JSON frames and REST depth snapshots into the SBE messages the real decoder produces
 * ({@code Trade}, {@code BestBidOffer}, {@code DepthUpdate}, {@code DepthSnapshot}, {@code Bar}, and an
 * {@code InstrumentDefinition} before the first message of each symbol), through a Jackson tree, so replays can run
 * replayer to pipeline to summary on real captures without the production decoder. Allocates freely.
 */
public final class JacksonBinanceConverter implements VenueFrameHandler
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final Venue venue;
    private final InstrumentRegistry registry;
    private final MessageSink sink;
    private final EpochNanoClock clock;
    private final UnsafeBuffer out = new UnsafeBuffer(ByteBuffer.allocateDirect(4 << 20));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final BestBidOfferEncoder bestBidOffer = new BestBidOfferEncoder();
    private final DepthUpdateEncoder depthUpdate = new DepthUpdateEncoder();
    private final DepthSnapshotEncoder depthSnapshot = new DepthSnapshotEncoder();
    private final BarEncoder bar = new BarEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
    private boolean[] defined = new boolean[16];
    private long frames;
    private long decodeErrors;
    private long unsupported;

    /**
     * A converter for one venue.
     *
     * @param venue    of the frames.
     * @param registry shared with the replayer.
     * @param sink     the pipeline.
     * @param clock    for publish times.
     */
    public JacksonBinanceConverter(
        final Venue venue, final InstrumentRegistry registry, final MessageSink sink, final EpochNanoClock clock)
    {
        this.venue = venue;
        this.registry = registry;
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * Frames received.
     *
     * @return the count.
     */
    public long frames()
    {
        return frames;
    }

    /**
     * Frames that could not be converted.
     *
     * @return the count.
     */
    public long decodeErrors()
    {
        return decodeErrors;
    }

    /**
     * Well-formed frames of other types.
     *
     * @return the count.
     */
    public long unsupported()
    {
        return unsupported;
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        frames++;
        final JsonNode root;
        try
        {
            root = MAPPER.readTree(bytes(buffer, offset, length));
        }
        catch (final Exception ex)
        {
            decodeErrors++;
            return;
        }

        final JsonNode data = root.has("data") ? root.get("data") : root;
        final String stream = root.path("stream").asText("");
        final String type = data.has("e") ? data.get("e").asText() :
            (stream.endsWith("@bookTicker") || (data.has("u") && data.has("b") && data.has("A")) ? "bookTicker" : "");
        if (!data.has("s"))
        {
            unsupported++;
            return;
        }
        try
        {
            final int id = instrument(data.get("s").asText(), receiveTimeNs);
            switch (type)
            {
                case "trade", "aggTrade" -> trade(id, data, "aggTrade".equals(type), receiveTimeNs);
                case "bookTicker" -> bookTicker(id, data, receiveTimeNs);
                case "depthUpdate" -> depth(id, data, receiveTimeNs);
                case "kline" -> kline(id, data, receiveTimeNs);
                default -> unsupported++;
            }
        }
        catch (final RuntimeException ex)
        {
            decodeErrors++;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onDepthSnapshot(
        final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        final JsonNode data;
        try
        {
            data = MAPPER.readTree(bytes(buffer, offset, length));
        }
        catch (final Exception ex)
        {
            decodeErrors++;
            return;
        }
        define(instrumentId, receiveTimeNs);
        final int priceExponent = registry.priceExponent(instrumentId);
        final int sizeExponent = registry.sizeExponent(instrumentId);
        depthSnapshot.wrapAndApplyHeader(out, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(millis(data, "E"))
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(clock.nanoTime())
            .transactTimeNs(millis(data, "T"))
            .lastUpdateId(data.get("lastUpdateId").asLong())
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent);
        final JsonNode bids = data.get("bids");
        final DepthSnapshotEncoder.BidsEncoder bidGroup = depthSnapshot.bidsCount(bids.size());
        for (final JsonNode level : bids)
        {
            bidGroup.next().price(decimal(level.get(0), priceExponent)).size(decimal(level.get(1), sizeExponent));
        }
        final JsonNode asks = data.get("asks");
        final DepthSnapshotEncoder.AsksEncoder askGroup = depthSnapshot.asksCount(asks.size());
        for (final JsonNode level : asks)
        {
            askGroup.next().price(decimal(level.get(0), priceExponent)).size(decimal(level.get(1), sizeExponent));
        }
        sink.offer(out, 0, MessageHeaderEncoder.ENCODED_LENGTH + depthSnapshot.encodedLength());
    }

    private void trade(final int id, final JsonNode data, final boolean aggregated, final long receiveTimeNs)
    {
        final int priceExponent = registry.priceExponent(id);
        final int sizeExponent = registry.sizeExponent(id);
        trade.wrapAndApplyHeader(out, 0, header)
            .instrumentId(id)
            .eventTimeNs(millis(data, "E"))
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(clock.nanoTime())
            .tradeTimeNs(millis(data, "T"))
            .kind(aggregated ? TradeKind.AGG_TRADE : TradeKind.TRADE)
            .condition(condition(data.path("X").asText("")))
            .aggressorSide(data.path("m").asBoolean() ? Side.SELL : Side.BUY)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .price(decimal(data.get("p"), priceExponent))
            .size(decimal(data.get("q"), sizeExponent))
            .tradeId(aggregated ? data.get("a").asLong() : data.get("t").asLong())
            .firstTradeId(aggregated ? data.get("f").asLong() : TradeEncoder.firstTradeIdNullValue())
            .lastTradeId(aggregated ? data.get("l").asLong() : TradeEncoder.lastTradeIdNullValue());
        sink.offer(out, 0, MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength());
    }

    private void bookTicker(final int id, final JsonNode data, final long receiveTimeNs)
    {
        final int priceExponent = registry.priceExponent(id);
        final int sizeExponent = registry.sizeExponent(id);
        bestBidOffer.wrapAndApplyHeader(out, 0, header)
            .instrumentId(id)
            .eventTimeNs(millis(data, "E"))
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(clock.nanoTime())
            .transactTimeNs(millis(data, "T"))
            .updateId(data.has("u") ? data.get("u").asLong() : BestBidOfferEncoder.updateIdNullValue())
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .bidPrice(decimal(data.get("b"), priceExponent))
            .bidSize(decimal(data.get("B"), sizeExponent))
            .askPrice(decimal(data.get("a"), priceExponent))
            .askSize(decimal(data.get("A"), sizeExponent));
        sink.offer(out, 0, MessageHeaderEncoder.ENCODED_LENGTH + bestBidOffer.encodedLength());
    }

    private void depth(final int id, final JsonNode data, final long receiveTimeNs)
    {
        final int priceExponent = registry.priceExponent(id);
        final int sizeExponent = registry.sizeExponent(id);
        depthUpdate.wrapAndApplyHeader(out, 0, header)
            .instrumentId(id)
            .eventTimeNs(millis(data, "E"))
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(clock.nanoTime())
            .transactTimeNs(millis(data, "T"))
            .firstUpdateId(data.get("U").asLong())
            .finalUpdateId(data.get("u").asLong())
            .prevFinalUpdateId(
                data.has("pu") ? data.get("pu").asLong() : DepthUpdateEncoder.prevFinalUpdateIdNullValue())
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent);
        final JsonNode bids = data.get("b");
        final DepthUpdateEncoder.BidsEncoder bidGroup = depthUpdate.bidsCount(bids.size());
        for (final JsonNode level : bids)
        {
            bidGroup.next().price(decimal(level.get(0), priceExponent)).size(decimal(level.get(1), sizeExponent));
        }
        final JsonNode asks = data.get("a");
        final DepthUpdateEncoder.AsksEncoder askGroup = depthUpdate.asksCount(asks.size());
        for (final JsonNode level : asks)
        {
            askGroup.next().price(decimal(level.get(0), priceExponent)).size(decimal(level.get(1), sizeExponent));
        }
        sink.offer(out, 0, MessageHeaderEncoder.ENCODED_LENGTH + depthUpdate.encodedLength());
    }

    private void kline(final int id, final JsonNode data, final long receiveTimeNs)
    {
        final JsonNode k = data.get("k");
        final int priceExponent = registry.priceExponent(id);
        final int sizeExponent = registry.sizeExponent(id);
        bar.wrapAndApplyHeader(out, 0, header)
            .instrumentId(id)
            .eventTimeNs(millis(data, "E"))
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(clock.nanoTime())
            .interval(interval(k.get("i").asText()))
            .openTimeNs(k.get("t").asLong() * NANOS_PER_MILLI)
            .closeTimeNs(k.get("T").asLong() * NANOS_PER_MILLI)
            .closed(k.get("x").asBoolean() ? BooleanType.TRUE : BooleanType.FALSE)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .openPrice(decimal(k.get("o"), priceExponent))
            .highPrice(decimal(k.get("h"), priceExponent))
            .lowPrice(decimal(k.get("l"), priceExponent))
            .closePrice(decimal(k.get("c"), priceExponent))
            .volume(decimal(k.get("v"), sizeExponent))
            .takerBuyVolume(decimal(k.get("V"), sizeExponent))
            .tradeCount(k.get("n").asLong())
            .firstTradeId(k.get("f").asLong())
            .lastTradeId(k.get("L").asLong());
        bar.quoteVolume().mantissa(decimal(k.get("q"), -8)).exponent((byte)-8);
        bar.takerBuyQuoteVolume().mantissa(decimal(k.get("Q"), -8)).exponent((byte)-8);
        sink.offer(out, 0, MessageHeaderEncoder.ENCODED_LENGTH + bar.encodedLength());
    }

    private int instrument(final String symbol, final long receiveTimeNs)
    {
        final int id = registry.register(venue, symbol.toUpperCase(Locale.ROOT));
        define(id, receiveTimeNs);
        return id;
    }

    private void define(final int id, final long receiveTimeNs)
    {
        if (id >= defined.length)
        {
            defined = Arrays.copyOf(defined, 2 * id);
        }
        if (!defined[id])
        {
            defined[id] = true;
            definition.wrapAndApplyHeader(out, 0, header);
            registry.encodeDefinition(id, definition, receiveTimeNs, clock.nanoTime());
            sink.offer(out, 0, MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength());
        }
    }

    private static long decimal(final JsonNode node, final int exponent)
    {
        final long value = FixedPoint.parse(node.asText(), exponent);
        if (FixedPoint.INVALID == value)
        {
            throw new IllegalArgumentException("not a decimal at 10^" + exponent + ": " + node);
        }
        return value;
    }

    private static long millis(final JsonNode data, final String field)
    {
        return data.has(field) ? data.get(field).asLong() * NANOS_PER_MILLI : Long.MIN_VALUE;
    }

    private static TradeCondition condition(final String x)
    {
        return switch (x)
        {
            case "", "MARKET" -> TradeCondition.NORMAL;
            case "INSURANCE_FUND" -> TradeCondition.INSURANCE_FUND;
            case "ADL" -> TradeCondition.ADL;
            default -> TradeCondition.OTHER;
        };
    }

    private static BarInterval interval(final String interval)
    {
        return switch (interval)
        {
            case "1s" -> BarInterval.S1;
            case "1m" -> BarInterval.M1;
            case "3m" -> BarInterval.M3;
            case "5m" -> BarInterval.M5;
            case "15m" -> BarInterval.M15;
            case "30m" -> BarInterval.M30;
            case "1h" -> BarInterval.H1;
            case "4h" -> BarInterval.H4;
            case "1d" -> BarInterval.D1;
            default -> throw new IllegalArgumentException("interval " + interval);
        };
    }

    private static byte[] bytes(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }
}
