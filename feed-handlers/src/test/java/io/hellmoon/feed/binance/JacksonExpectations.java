/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.sbe.Venue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.hellmoon.feed.binance.MessageText.NULL;

/**
 * What the decoder should publish for a frame, worked out independently with Jackson's tree model and
 * {@link BigDecimal} arithmetic, so the hand-written cursor and number parser are checked against a reference
 * implementation rather than against themselves.
 */
final class JacksonExpectations
{
    private static final Map<String, String> INTERVALS = Map.ofEntries(
        Map.entry("1s", "S1"), Map.entry("1m", "M1"), Map.entry("3m", "M3"), Map.entry("5m", "M5"),
        Map.entry("15m", "M15"), Map.entry("30m", "M30"), Map.entry("1h", "H1"), Map.entry("2h", "H2"),
        Map.entry("4h", "H4"), Map.entry("6h", "H6"), Map.entry("8h", "H8"), Map.entry("12h", "H12"),
        Map.entry("1d", "D1"), Map.entry("3d", "D3"), Map.entry("1w", "W1"), Map.entry("1M", "MO1"));

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final InstrumentRegistry registry;
    private final Venue venue;
    private final long nanosPerUnit;
    private int unsupportedEvents;

    JacksonExpectations(final InstrumentRegistry registry, final Venue venue, final long nanosPerUnit)
    {
        this.registry = registry;
        this.venue = venue;
        this.nanosPerUnit = nanosPerUnit;
    }

    /**
     * Events seen that the decoder does not support.
     */
    int unsupportedEvents()
    {
        return unsupportedEvents;
    }

    /**
     * Expected messages of a stream frame, in order, without instrument definitions.
     */
    List<String> frame(final byte[] json, final long receiveTimeNs, final long publishTimeNs)
    {
        final JsonNode root = parse(json);
        final JsonNode payload = root.isObject() && root.has("data") ? root.get("data") : root;
        final List<String> messages = new ArrayList<>();
        if (payload.isArray())
        {
            for (final JsonNode event : payload)
            {
                event(event, receiveTimeNs, publishTimeNs, messages);
            }
        }
        else
        {
            event(payload, receiveTimeNs, publishTimeNs, messages);
        }
        return messages;
    }

    /**
     * Expected message of a REST depth snapshot.
     */
    String snapshot(final String symbol, final byte[] json, final long receiveTimeNs, final long publishTimeNs)
    {
        final JsonNode root = parse(json);
        final int pe = priceExponent(symbol);
        final int se = sizeExponent(symbol);
        return MessageText.depthSnapshot(
            symbol, time(root, "E"), receiveTimeNs, publishTimeNs, time(root, "T"),
            root.get("lastUpdateId").longValue(), pe, se, levels(root.get("bids"), pe, se),
            levels(root.get("asks"), pe, se));
    }

    private void event(
        final JsonNode event, final long receiveTimeNs, final long publishTimeNs, final List<String> messages)
    {
        final String type = event.has("e") ? event.get("e").textValue() : isBookTicker(event) ? "bookTicker" : null;
        if (null == type)
        {
            unsupportedEvents++;
            return;
        }

        switch (type)
        {
            case "trade":
            case "aggTrade":
            {
                final String symbol = event.get("s").textValue();
                final int pe = priceExponent(symbol);
                final int se = sizeExponent(symbol);
                final boolean agg = "aggTrade".equals(type);
                final String x = event.has("X") ? event.get("X").textValue() : "MARKET";
                final String condition = "MARKET".equals(x) ? "NORMAL" :
                    "INSURANCE_FUND".equals(x) || "ADL".equals(x) ? x : "OTHER";
                messages.add(MessageText.trade(
                    symbol, time(event, "E"), receiveTimeNs, publishTimeNs, time(event, "T"),
                    agg ? "AGG_TRADE" : "TRADE", condition, event.get("m").booleanValue() ? "SELL" : "BUY", pe, se,
                    mantissa(event.get("p"), pe), mantissa(event.get("q"), se),
                    event.get(agg ? "a" : "t").longValue(), agg ? event.get("f").longValue() : NULL,
                    agg ? event.get("l").longValue() : NULL));
                break;
            }

            case "bookTicker":
            {
                final String symbol = event.get("s").textValue();
                final int pe = priceExponent(symbol);
                final int se = sizeExponent(symbol);
                messages.add(MessageText.bestBidOffer(
                    symbol, time(event, "E"), receiveTimeNs, publishTimeNs, time(event, "T"),
                    event.has("u") ? event.get("u").longValue() : NULL, pe, se, mantissa(event.get("b"), pe),
                    mantissa(event.get("B"), se), mantissa(event.get("a"), pe), mantissa(event.get("A"), se)));
                break;
            }

            case "depthUpdate":
            {
                final String symbol = event.get("s").textValue();
                final int pe = priceExponent(symbol);
                final int se = sizeExponent(symbol);
                messages.add(MessageText.depthUpdate(
                    symbol, time(event, "E"), receiveTimeNs, publishTimeNs, time(event, "T"),
                    event.get("U").longValue(), event.get("u").longValue(),
                    event.has("pu") ? event.get("pu").longValue() : NULL, pe, se, levels(event.get("b"), pe, se),
                    levels(event.get("a"), pe, se)));
                break;
            }

            case "kline":
            {
                final JsonNode k = event.get("k");
                final String symbol = event.has("s") ? event.get("s").textValue() : k.get("s").textValue();
                final int pe = priceExponent(symbol);
                final int se = sizeExponent(symbol);
                messages.add(MessageText.bar(
                    symbol, time(event, "E"), receiveTimeNs, publishTimeNs, INTERVALS.get(k.get("i").textValue()),
                    time(k, "t"), time(k, "T"), k.get("x").booleanValue(), pe, se,
                    new long[]{ mantissa(k.get("o"), pe), mantissa(k.get("h"), pe), mantissa(k.get("l"), pe),
                        mantissa(k.get("c"), pe), mantissa(k.get("v"), se) },
                    mantissa(k.get("V"), se), decimal(k.get("q")), decimal(k.get("Q")), k.get("n").longValue(),
                    k.has("f") ? k.get("f").longValue() : NULL, k.has("L") ? k.get("L").longValue() : NULL));
                break;
            }

            case "forceOrder":
            {
                final JsonNode o = event.get("o");
                final String symbol = o.get("s").textValue();
                final int pe = priceExponent(symbol);
                final int se = sizeExponent(symbol);
                messages.add(MessageText.liquidation(
                    symbol, time(event, "E"), receiveTimeNs, publishTimeNs, time(o, "T"), o.get("S").textValue(),
                    o.get("X").textValue(), pe, se, mantissa(o.get("p"), pe), mantissa(o.get("ap"), pe),
                    mantissa(o.get("q"), se), mantissa(o.get("l"), se), mantissa(o.get("z"), se)));
                break;
            }

            case "markPriceUpdate":
            {
                final String symbol = event.get("s").textValue();
                final int pe = priceExponent(symbol);
                final long fundingTimeNs = time(event, "T");
                messages.add(MessageText.markPrice(
                    symbol, time(event, "E"), receiveTimeNs, publishTimeNs, pe, mantissa(event.get("p"), pe),
                    optionalMantissa(event.get("i"), pe), optionalMantissa(event.get("P"), pe),
                    event.has("r") && !event.get("r").asText().isEmpty() ? decimal(event.get("r")) : null,
                    0 == fundingTimeNs ? NULL : fundingTimeNs));
                break;
            }

            case "24hrMiniTicker":
            {
                final String symbol = event.get("s").textValue();
                final int pe = priceExponent(symbol);
                final int se = sizeExponent(symbol);
                messages.add(MessageText.miniTicker(
                    symbol, time(event, "E"), receiveTimeNs, publishTimeNs, pe, se,
                    new long[]{ mantissa(event.get("o"), pe), mantissa(event.get("h"), pe),
                        mantissa(event.get("l"), pe), mantissa(event.get("c"), pe), mantissa(event.get("v"), se) },
                    decimal(event.get("q"))));
                break;
            }

            default:
                unsupportedEvents++;
                break;
        }
    }

    private static boolean isBookTicker(final JsonNode event)
    {
        return event.has("u") && event.has("s") && event.has("b") && event.has("B") && event.has("a") &&
            event.has("A");
    }

    private JsonNode parse(final byte[] json)
    {
        try
        {
            return mapper.readTree(json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private int priceExponent(final String symbol)
    {
        return registry.priceExponent(id(symbol));
    }

    private int sizeExponent(final String symbol)
    {
        return registry.sizeExponent(id(symbol));
    }

    private int id(final String symbol)
    {
        final int id = registry.idOf(venue, symbol);
        if (InstrumentRegistry.NULL_INSTRUMENT_ID == id)
        {
            throw new AssertionError(symbol + " is not registered under " + venue);
        }
        return id;
    }

    private long time(final JsonNode node, final String field)
    {
        return node.has(field) ? node.get(field).longValue() * nanosPerUnit : NULL;
    }

    private static List<long[]> levels(final JsonNode array, final int priceExponent, final int sizeExponent)
    {
        final List<long[]> levels = new ArrayList<>();
        for (final JsonNode level : array)
        {
            levels.add(new long[]{ mantissa(level.get(0), priceExponent), mantissa(level.get(1), sizeExponent) });
        }
        return levels;
    }

    static long mantissa(final JsonNode node, final int exponent)
    {
        return decimal(node).movePointLeft(exponent).longValueExact();
    }

    private static long optionalMantissa(final JsonNode node, final int exponent)
    {
        return null == node || node.isNull() || node.asText().isEmpty() ? NULL : mantissa(node, exponent);
    }

    static BigDecimal decimal(final JsonNode node)
    {
        return node.isTextual() ? new BigDecimal(node.textValue()) : node.decimalValue();
    }
}
