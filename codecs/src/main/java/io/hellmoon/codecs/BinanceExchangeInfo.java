/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.Venue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a Binance {@code exchangeInfo} reply (spot, USD-M or COIN-M) into instruments. Start-up only, so it uses
 * Jackson's streaming parser rather than the hot-path decoders.
 * <p>
 * Accepts the bare JSON reply, or a recorded line with a prefix before the JSON such as cryptofeed's
 * {@code <url> -> <time>: {...}}.
 */
public final class BinanceExchangeInfo
{
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Venue and instruments of one exchangeInfo reply.
     *
     * @param venue       detected from the reply ({@code futuresType}) unless given.
     * @param instruments sorted by symbol, with id 0.
     */
    public record Result(Venue venue, List<Instrument> instruments)
    {
        /**
         * Add every instrument to a registry; ids already assigned there are kept.
         *
         * @param registry to fill.
         * @return the registry.
         */
        public InstrumentRegistry addTo(final InstrumentRegistry registry)
        {
            for (final Instrument instrument : instruments)
            {
                registry.add(instrument);
            }
            return registry;
        }
    }

    private BinanceExchangeInfo()
    {
    }

    /**
     * Parse an exchangeInfo file.
     *
     * @param file          holding the reply.
     * @param venueOverride the venue to use, or null to detect it (spot unless {@code futuresType} says otherwise).
     * @return the venue and its instruments.
     */
    public static Result parse(final Path file, final Venue venueOverride)
    {
        try (InputStream in = Files.newInputStream(file))
        {
            return parse(in, venueOverride);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read exchangeInfo " + file, ex);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Parse an exchangeInfo reply from a stream.
     *
     * @param input         holding the reply, possibly after a recorder's prefix.
     * @param venueOverride the venue to use, or null to detect it.
     * @return the venue and its instruments.
     * @throws IOException if the stream cannot be read.
     */
    public static Result parse(final InputStream input, final Venue venueOverride) throws IOException
    {
        final PushbackInputStream in = new PushbackInputStream(input, 1);
        int b;
        while (-1 != (b = in.read()) && '{' != b)
        {
            // skip a recorder's prefix, e.g. "<url> -> <time>: "
        }
        if (-1 == b)
        {
            throw new IllegalArgumentException("no JSON object in exchangeInfo");
        }
        in.unread(b);

        Venue venue = Venue.BINANCE_SPOT;
        final List<Instrument> instruments = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(in))
        {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "$");
            while (JsonToken.FIELD_NAME == parser.nextToken())
            {
                final String field = parser.currentName();
                parser.nextToken();
                if ("futuresType".equals(field))
                {
                    venue = "COIN_MARGINED".equals(parser.getText()) ? Venue.BINANCE_COINM : Venue.BINANCE_USDM;
                }
                else if ("symbols".equals(field))
                {
                    expect(parser.currentToken(), JsonToken.START_ARRAY, "$.symbols");
                    int index = 0;
                    while (JsonToken.START_OBJECT == parser.nextToken())
                    {
                        instruments.add(parseSymbol(parser, "$.symbols[" + index++ + "]"));
                    }
                }
                else
                {
                    parser.skipChildren();
                }
                // Stop at the end of the first object: cryptofeed files carry a configuration line after it.
            }
        }

        final Venue resolvedVenue = null != venueOverride ? venueOverride : venue;
        final List<Instrument> result = new ArrayList<>(instruments.size());
        for (final Instrument i : instruments)
        {
            final InstrumentKind kind = Venues.isFutures(resolvedVenue) ? i.kind() : InstrumentKind.SPOT;
            result.add(new Instrument(
                0, resolvedVenue, i.symbol(), kind, i.status(), i.priceExponent(), i.sizeExponent(), i.tickSize(),
                i.stepSize(), i.minQty(), i.minNotional(), i.contractSize(), i.baseAsset(), i.quoteAsset()));
        }
        result.sort(Comparator.comparing(Instrument::symbol));
        return new Result(resolvedVenue, result);
    }

    private static Instrument parseSymbol(final JsonParser parser, final String path) throws IOException
    {
        String symbol = null;
        String status = "TRADING";
        String baseAsset = "";
        String quoteAsset = "";
        String contractType = null;
        String tickSize = null;
        String stepSize = null;
        String minQty = null;
        String minNotional = null;
        double contractSize = 1.0;

        while (JsonToken.FIELD_NAME == parser.nextToken())
        {
            final String field = parser.currentName();
            parser.nextToken();
            switch (field)
            {
                case "symbol" -> symbol = parser.getText();
                case "status", "contractStatus" -> status = parser.getText();
                case "baseAsset" -> baseAsset = parser.getText();
                case "quoteAsset" -> quoteAsset = parser.getText();
                case "contractType" -> contractType = parser.getText();
                case "contractSize" -> contractSize = parser.getValueAsDouble(1.0);
                case "filters" ->
                {
                    while (JsonToken.START_OBJECT == parser.nextToken())
                    {
                        String filterType = null;
                        String filterTick = null;
                        String filterStep = null;
                        String filterMinQty = null;
                        String filterNotional = null;
                        while (JsonToken.FIELD_NAME == parser.nextToken())
                        {
                            final String name = parser.currentName();
                            parser.nextToken();
                            switch (name)
                            {
                                case "filterType" -> filterType = parser.getText();
                                case "tickSize" -> filterTick = parser.getText();
                                case "stepSize" -> filterStep = parser.getText();
                                case "minQty" -> filterMinQty = parser.getText();
                                case "minNotional", "notional" -> filterNotional = parser.getText();
                                default -> parser.skipChildren();
                            }
                        }
                        if ("PRICE_FILTER".equals(filterType))
                        {
                            tickSize = filterTick;
                        }
                        else if ("LOT_SIZE".equals(filterType))
                        {
                            stepSize = filterStep;
                            minQty = filterMinQty;
                        }
                        else if ("MIN_NOTIONAL".equals(filterType) || "NOTIONAL".equals(filterType))
                        {
                            minNotional = filterNotional;
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }

        if (null == symbol || symbol.isEmpty())
        {
            throw new IllegalArgumentException(path + ".symbol: missing");
        }

        final int exponent = InstrumentRegistry.DEFAULT_EXPONENT;
        final InstrumentKind kind = null == contractType || contractType.isEmpty() || "PERPETUAL".equals(contractType) ?
            InstrumentKind.PERPETUAL : InstrumentKind.DELIVERY;
        return new Instrument(
            0, Venue.BINANCE_SPOT, symbol, kind, status(status), exponent, exponent,
            decimal(tickSize, exponent, path + ".filters[PRICE_FILTER].tickSize"),
            decimal(stepSize, exponent, path + ".filters[LOT_SIZE].stepSize"),
            decimal(minQty, exponent, path + ".filters[LOT_SIZE].minQty"),
            null == minNotional ? 0.0 : Double.parseDouble(minNotional),
            contractSize, baseAsset, quoteAsset);
    }

    private static long decimal(final String text, final int exponent, final String path)
    {
        if (null == text)
        {
            return 0;
        }
        final long mantissa = FixedPoint.parse(text, exponent);
        if (FixedPoint.INVALID == mantissa)
        {
            throw new IllegalArgumentException(path + ": not a decimal at 10^" + exponent + ": '" + text + "'");
        }
        return mantissa;
    }

    private static InstrumentStatus status(final String status)
    {
        return switch (status)
        {
            case "TRADING" -> InstrumentStatus.TRADING;
            case "HALT" -> InstrumentStatus.HALTED;
            case "BREAK" -> InstrumentStatus.BREAK;
            case "PRE_TRADING", "PENDING_TRADING" -> InstrumentStatus.PRE_TRADING;
            case "DELIVERED", "SETTLING", "CLOSE", "END_OF_DAY" -> InstrumentStatus.DELISTED;
            default -> InstrumentStatus.OTHER;
        };
    }

    private static void expect(final JsonToken actual, final JsonToken expected, final String path)
    {
        if (actual != expected)
        {
            throw new IllegalArgumentException(path + ": expected " + expected + " but found " + actual);
        }
    }
}
