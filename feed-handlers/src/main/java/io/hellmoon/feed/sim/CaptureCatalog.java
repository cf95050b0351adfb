/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The instruments of a capture and the exchangeInfo reply served for them, found at start-up.
 * <p>
 * Symbols come from the first lines of each WebSocket capture file (the {@code "s"} of its frames), with the number
 * of decimals their prices and quantities actually use (a spot price {@code "61737.63000000"} uses 2, so its tick is
 * 0.01). The exchangeInfo served is, in order of preference: a file the user gives (a reply body, or a cryptofeed
 * {@code X.0} line), the {@code X.0} recorded beside a cryptofeed session, or one generated for the capture's symbols
 * from those decimals. Start-up only: reads with {@code String}s.
 */
final class CaptureCatalog
{
    private static final int PRESCAN_LINES = 20_000;
    private static final Pattern SYMBOL = Pattern.compile("\"s\":\"([A-Za-z0-9_\\-]+)\"");
    private static final Pattern PAIR = Pattern.compile("\"ps\":\"([A-Za-z0-9_\\-]+)\"");
    private static final Pattern LEVEL = Pattern.compile("\\[\"([0-9.]+)\",\"([0-9.]+)\"\\]");
    private static final Pattern CRYPTOFEED_WS = Pattern.compile("(.+)\\.ws\\.\\d+\\.\\d+");
    private static final Pattern CRYPTOFEED_HTTP = Pattern.compile(".+\\.http\\.\\d+\\.\\d+");
    private static final Pattern CRYPTOFEED_REPLY = Pattern.compile("^\\S+ -> [0-9.]+: ");
    private static final List<String> QUOTES = List.of(
        "FDUSD", "USDT", "USDC", "BUSD", "TUSD", "BTC", "ETH", "BNB", "EUR", "TRY", "BRL", "GBP", "AUD", "USD");

    private final Map<String, Info> instruments = new TreeMap<>();
    private final List<String> descriptions = new ArrayList<>();
    private String exchangeInfoJson;

    /**
     * What the catalogue knows of one symbol.
     */
    static final class Info
    {
        final String symbol;
        String pair;
        int priceDecimals;
        int sizeDecimals;

        Info(final String symbol)
        {
            this.symbol = symbol;
        }
    }

    /**
     * Scan the captures.
     *
     * @param venue        served.
     * @param files        the capture files named by the user.
     * @param exchangeInfo a file to serve as exchangeInfo, or null.
     */
    CaptureCatalog(final SimVenue venue, final List<Path> files, final Path exchangeInfo)
    {
        Path recordedInfo = null;
        for (final Path file : files)
        {
            final String name = file.getFileName().toString();
            if (name.matches(".+\\.0") && !name.matches(".+\\.\\d+\\.0"))
            {
                recordedInfo = file;
                continue;
            }
            if (CRYPTOFEED_HTTP.matcher(name).matches())
            {
                continue;
            }
            scan(file);
            final Matcher ws = CRYPTOFEED_WS.matcher(name);
            if (ws.matches() && null != file.getParent())
            {
                final Path sibling = file.getParent().resolve(ws.group(1) + ".0");
                if (Files.isRegularFile(sibling))
                {
                    recordedInfo = sibling;
                }
            }
        }

        if (null != exchangeInfo)
        {
            exchangeInfoJson = readBody(exchangeInfo);
            descriptions.add("exchangeInfo: " + exchangeInfo);
        }
        else if (null != recordedInfo)
        {
            exchangeInfoJson = readBody(recordedInfo);
            descriptions.add("exchangeInfo: recorded " + recordedInfo);
        }
        else
        {
            exchangeInfoJson = generate(venue);
            descriptions.add("exchangeInfo: generated for " + instruments.keySet());
        }
    }

    /**
     * Instruments by upper-case symbol.
     */
    Map<String, Info> instruments()
    {
        return instruments;
    }

    String exchangeInfoJson()
    {
        return exchangeInfoJson;
    }

    List<String> descriptions()
    {
        return descriptions;
    }

    private void scan(final Path file)
    {
        try (BufferedReader reader = open(file))
        {
            String line;
            int lines = 0;
            while (lines++ < PRESCAN_LINES && null != (line = reader.readLine()))
            {
                if (!line.contains("\"stream\""))
                {
                    continue;
                }
                final Matcher symbolMatch = SYMBOL.matcher(line);
                if (!symbolMatch.find())
                {
                    continue;
                }
                final String symbol = symbolMatch.group(1).toUpperCase(Locale.ROOT);
                final Info info = instruments.computeIfAbsent(symbol, Info::new);
                final Matcher pairMatch = PAIR.matcher(line);
                if (null == info.pair && pairMatch.find())
                {
                    info.pair = pairMatch.group(1);
                }
                if (line.contains("\"depthUpdate\""))
                {
                    final Matcher level = LEVEL.matcher(line);
                    while (level.find())
                    {
                        info.priceDecimals = Math.max(info.priceDecimals, significantDecimals(level.group(1)));
                        info.sizeDecimals = Math.max(info.sizeDecimals, significantDecimals(level.group(2)));
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read capture " + file, ex);
        }
    }

    static int significantDecimals(final String decimal)
    {
        final int point = decimal.indexOf('.');
        if (point < 0)
        {
            return 0;
        }
        int end = decimal.length();
        while (end > point + 1 && '0' == decimal.charAt(end - 1))
        {
            end--;
        }
        return end - point - 1;
    }

    private static BufferedReader open(final Path file) throws IOException
    {
        final BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        in.mark(2);
        final int first = in.read();
        final int second = in.read();
        in.reset();
        final InputStream stream = 0x1F == first && 0x8B == second ? new GZIPInputStream(in, 64 * 1024) : in;
        return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 256 * 1024);
    }

    /**
     * The JSON body of an exchangeInfo file: the file itself, or the body of a cryptofeed {@code <url> -> <ts>: }
     * line.
     */
    private static String readBody(final Path file)
    {
        try (BufferedReader reader = open(file))
        {
            final StringBuilder text = new StringBuilder();
            String line;
            while (null != (line = reader.readLine()))
            {
                text.append(line).append('\n');
            }
            String body = text.toString().strip();
            final Matcher reply = CRYPTOFEED_REPLY.matcher(body);
            if (reply.find())
            {
                body = body.substring(reply.end()).strip();
            }
            if (!body.startsWith("{") || !body.contains("\"symbols\""))
            {
                throw new IllegalArgumentException(file + ": not an exchangeInfo reply (no JSON object with symbols)");
            }
            return body;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read exchangeInfo " + file, ex);
        }
    }

    private String generate(final SimVenue venue)
    {
        final StringBuilder json = new StringBuilder(1024 + instruments.size() * 800);
        final boolean futures = venue.isBinanceFutures();
        json.append("{\"timezone\":\"UTC\",\"serverTime\":0,");
        if (SimVenue.BINANCE_USDM == venue)
        {
            json.append("\"futuresType\":\"U_MARGINED\",");
        }
        json.append("\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",")
            .append("\"intervalNum\":1,\"limit\":").append(venue.requestWeightLimitPerMinute()).append("},")
            .append("{\"rateLimitType\":\"ORDERS\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":1200}],")
            .append("\"exchangeFilters\":[],\"symbols\":[");
        boolean first = true;
        for (final Info info : instruments.values())
        {
            if (!first)
            {
                json.append(',');
            }
            first = false;
            final String[] assets = assets(info, venue);
            final String tick = futures ? plain(info.priceDecimals) : padded(info.priceDecimals);
            final String step = futures ? plain(info.sizeDecimals) : padded(info.sizeDecimals);
            json.append("{\"symbol\":\"").append(info.symbol).append('"');
            if (futures)
            {
                final String pair = null != info.pair ? info.pair : info.symbol;
                json.append(",\"pair\":\"").append(pair).append("\",\"contractType\":\"PERPETUAL\",")
                    .append("\"deliveryDate\":4133404800000,\"onboardDate\":1569398400000,");
                json.append(SimVenue.BINANCE_COINM == venue ? "\"contractStatus\":\"TRADING\",\"contractSize\":100," :
                    "\"status\":\"TRADING\",");
                json.append("\"baseAsset\":\"").append(assets[0]).append("\",\"quoteAsset\":\"").append(assets[1])
                    .append("\",\"marginAsset\":\"").append(SimVenue.BINANCE_COINM == venue ? assets[0] : assets[1])
                    .append("\",\"pricePrecision\":").append(info.priceDecimals)
                    .append(",\"quantityPrecision\":").append(info.sizeDecimals);
            }
            else
            {
                json.append(",\"status\":\"TRADING\",\"baseAsset\":\"").append(assets[0])
                    .append("\",\"baseAssetPrecision\":8,\"quoteAsset\":\"").append(assets[1])
                    .append("\",\"quotePrecision\":8,\"quoteAssetPrecision\":8,")
                    .append("\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\"],\"isSpotTradingAllowed\":true,")
                    .append("\"isMarginTradingAllowed\":false,\"permissions\":[\"SPOT\"]");
            }
            json.append(",\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"").append(tick)
                .append("\",\"maxPrice\":\"1000000\",\"tickSize\":\"").append(tick).append("\"},")
                .append("{\"filterType\":\"LOT_SIZE\",\"minQty\":\"").append(step)
                .append("\",\"maxQty\":\"9000000\",\"stepSize\":\"").append(step).append("\"}]}");
        }
        json.append("]}");
        return json.toString();
    }

    private static String[] assets(final Info info, final SimVenue venue)
    {
        String pair = info.symbol;
        if (null != info.pair)
        {
            pair = info.pair;
        }
        else if (pair.contains("_"))
        {
            pair = pair.substring(0, pair.indexOf('_'));
        }
        for (final String quote : QUOTES)
        {
            if (pair.endsWith(quote) && pair.length() > quote.length())
            {
                return new String[]{ pair.substring(0, pair.length() - quote.length()), quote };
            }
        }
        return new String[]{ pair, SimVenue.BINANCE_COINM == venue ? "USD" : "USDT" };
    }

    private static String plain(final int decimals)
    {
        return 0 == decimals ? "1" : "0." + "0".repeat(decimals - 1) + "1";
    }

    private static String padded(final int decimals)
    {
        if (0 == decimals)
        {
            return "1.00000000";
        }
        return "0." + "0".repeat(decimals - 1) + "1" + "0".repeat(Math.max(0, 8 - decimals));
    }
}
