/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

import io.hellmoon.codecs.BinanceExchangeInfo;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.sbe.Venue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the files a user names into the replay's sources: recognises each file's format from its first line, adds a
 * cryptofeed session's sibling files, detects venues and symbols, loads exchangeInfo files into the registry and
 * groups hftbacktest files of one instrument into one continuing source. Start-up only: allocates freely.
 */
final class CapturePlanner
{
    private static final Pattern CRYPTOFEED_WS_NAME = Pattern.compile("(.+)\\.ws\\.\\d+\\.\\d+");
    private static final Pattern CRYPTOFEED_HTTP_NAME = Pattern.compile("(.+)\\.http\\.\\d+\\.\\d+");
    private static final Pattern HFTBACKTEST_LINE = Pattern.compile("^\\d{10,19} +\\{.*");
    private static final Pattern CRYPTOFEED_FRAME_LINE = Pattern.compile("^\\d{9,11}(\\.\\d+)?: .*");
    private static final Pattern STREAM_SYMBOL = Pattern.compile("\"stream\"\\s*:\\s*\"([^\"@]+)@");
    private static final Pattern DATA_SYMBOL = Pattern.compile("\"s\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DATED_FILE_NAME = Pattern.compile("(.+?)[_-]\\d{8}");
    private static final Pattern COINM_DELIVERY = Pattern.compile(".*USD_\\d{6}");
    private static final int HEAD_LINE_LIMIT = 4096;
    private static final int HEAD_LINES = 100;
    private static final int PRESCAN_LINES = 10_000;

    private CapturePlanner()
    {
    }

    /**
     * The sources of a replay, in the order given (ties in receive time go to the earlier source).
     *
     * @param sources      to merge.
     * @param descriptions one line per file, for logs.
     * @param venues       of all frames and snapshots.
     */
    record Plan(List<CaptureSource> sources, List<String> descriptions, Set<Venue> venues)
    {
    }

    /**
     * Plan a replay.
     *
     * @param files           named by the user.
     * @param venueOverride   venue of every file, or null to detect.
     * @param registry        to load exchangeInfo into and resolve snapshot instruments in.
     * @param includeSiblings whether a cryptofeed {@code X.ws.N.M} brings its {@code X.http.*} and {@code X.0}.
     * @param errors          shared error counts.
     * @param maxLineLength   longest line accepted.
     * @return the plan.
     * @throws IllegalArgumentException naming the file when a file is missing or not a known capture format.
     */
    static Plan plan(
        final List<Path> files,
        final Venue venueOverride,
        final InstrumentRegistry registry,
        final boolean includeSiblings,
        final ReplayErrors errors,
        final int maxLineLength)
    {
        final LinkedHashSet<Path> ordered = new LinkedHashSet<>();
        for (final Path file : files)
        {
            final Path normalised = file.toAbsolutePath().normalize();
            if (!Files.isRegularFile(normalised))
            {
                throw new IllegalArgumentException("capture file not found: " + file);
            }
            ordered.add(normalised);
        }
        if (includeSiblings)
        {
            for (final Path file : List.copyOf(ordered))
            {
                ordered.addAll(cryptofeedSiblings(file));
            }
        }

        final List<String> descriptions = new ArrayList<>();
        final List<CaptureSource> sources = new ArrayList<>();
        final Set<Venue> venues = new LinkedHashSet<>();
        final Map<String, List<Path>> hftGroups = new LinkedHashMap<>();
        final Map<String, Venue> hftVenues = new LinkedHashMap<>();
        final Map<String, String> hftSymbols = new LinkedHashMap<>();
        final List<Object> order = new ArrayList<>();

        for (final Path file : ordered)
        {
            final Head head = head(file, maxLineLength);
            if (null == head)
            {
                descriptions.add(file + ": empty, skipped");
                continue;
            }

            CaptureFormat format = head.format();
            if (CaptureFormat.CRYPTOFEED_EXCHANGE_INFO == format &&
                CRYPTOFEED_HTTP_NAME.matcher(file.getFileName().toString()).matches())
            {
                // An HTTP recording that happens to start with the exchangeInfo reply: its depth replies follow.
                format = CaptureFormat.CRYPTOFEED_HTTP;
            }
            switch (format)
            {
                case CRYPTOFEED_EXCHANGE_INFO ->
                {
                    final Venue venue = null != venueOverride ? venueOverride : CaptureText.venueOfUrl(head.line());
                    final BinanceExchangeInfo.Result info = BinanceExchangeInfo.parse(file, venue);
                    info.addTo(registry);
                    venues.add(info.venue());
                    descriptions.add(file + ": " + format.description() + " " + info.venue() + ", " +
                        info.instruments().size() + " instruments");
                }
                case CRYPTOFEED_HTTP ->
                {
                    final Venue venue = null != venueOverride ? venueOverride : CaptureText.venueOfUrl(head.line());
                    if (null != venue)
                    {
                        venues.add(venue);
                    }
                    order.add(new CaptureSource(
                        format, List.of(file), venue, venueOverride, null, registry, errors, maxLineLength));
                    descriptions.add(file + ": " + format.description() + " " + (null == venue ? "(venue per URL)" :
                        venue));
                }
                case CRYPTOFEED_FRAMES ->
                {
                    Venue venue = venueOverride;
                    if (null == venue && (head.line().startsWith("wss://") || head.line().startsWith("ws://")))
                    {
                        venue = CaptureText.venueOfUrl(head.line());
                    }
                    if (null == venue)
                    {
                        venue = prescan(file, maxLineLength).venue();
                    }
                    venues.add(venue);
                    order.add(new CaptureSource(
                        format, List.of(file), venue, venueOverride, null, registry, errors, maxLineLength));
                    descriptions.add(file + ": " + format.description() + " " + venue);
                }
                case HFTBACKTEST ->
                {
                    final Prescan prescan = prescan(file, maxLineLength);
                    final Venue venue = null != venueOverride ? venueOverride : prescan.venue();
                    final String symbol = null != prescan.symbol() ? prescan.symbol() : symbolFromFileName(file);
                    if (null == symbol)
                    {
                        throw new IllegalArgumentException(
                            file + ": no symbol found (no \"stream\" in its first lines, none in its name)");
                    }
                    final String key = venue + ":" + symbol;
                    if (!hftGroups.containsKey(key))
                    {
                        hftGroups.put(key, new ArrayList<>());
                        hftVenues.put(key, venue);
                        hftSymbols.put(key, symbol);
                        order.add(key);
                    }
                    hftGroups.get(key).add(file);
                    venues.add(venue);
                    descriptions.add(file + ": " + format.description() + " " + key);
                }
                default -> throw new IllegalStateException(String.valueOf(format));
            }
        }

        for (final Object entry : order)
        {
            if (entry instanceof CaptureSource source)
            {
                sources.add(source);
            }
            else
            {
                final String key = (String)entry;
                sources.add(new CaptureSource(
                    CaptureFormat.HFTBACKTEST, hftGroups.get(key), hftVenues.get(key), venueOverride,
                    hftSymbols.get(key), registry, errors, maxLineLength));
            }
        }

        return new Plan(List.copyOf(sources), List.copyOf(descriptions), Set.copyOf(venues));
    }

    /**
     * The format a line belongs to.
     *
     * @param line a non-blank line, possibly cut short.
     * @return the format, or null if the line is none of them.
     */
    static CaptureFormat formatOf(final String line)
    {
        if (line.startsWith("wss://") || line.startsWith("ws://"))
        {
            return CaptureFormat.CRYPTOFEED_FRAMES;
        }
        if ((line.startsWith("https://") || line.startsWith("http://")) && line.contains(" -> "))
        {
            final String url = line.substring(0, line.indexOf(" -> "));
            return url.contains("exchangeInfo") ?
                CaptureFormat.CRYPTOFEED_EXCHANGE_INFO : CaptureFormat.CRYPTOFEED_HTTP;
        }
        if (CRYPTOFEED_FRAME_LINE.matcher(line).matches())
        {
            return CaptureFormat.CRYPTOFEED_FRAMES;
        }
        if (HFTBACKTEST_LINE.matcher(line).matches())
        {
            return CaptureFormat.HFTBACKTEST;
        }
        return null;
    }

    /**
     * The first line of a file that is in a known format, with that format.
     *
     * @param format of the file.
     * @param line   the line, cut to its first {@value #HEAD_LINE_LIMIT} characters.
     */
    record Head(CaptureFormat format, String line)
    {
    }

    /**
     * What the first lines of a JSON-lines capture say about its venue and symbol.
     *
     * @param venue  detected venue.
     * @param symbol upper-case symbol of the first {@code "stream"}, or null.
     */
    record Prescan(Venue venue, String symbol)
    {
    }

    /**
     * Detect the venue by the shape of the messages: a {@code depthUpdate} with {@code "pu"} is futures, without it
     * spot; a {@code "ps"} (pair) field or a COIN-M symbol ({@code *_PERP}, {@code *USD_YYMMDD}) is COIN-M; without
     * any depth, futures-only fields ({@code "e":"bookTicker"}, a trade's {@code "X"}) mean USD-M; otherwise spot.
     */
    static Prescan prescan(final Path file, final int maxLineLength)
    {
        String symbol = null;
        Boolean futuresDepth = null;
        boolean pairField = false;
        boolean futuresFields = false;

        try (LineReader reader = new LineReader(file, maxLineLength))
        {
            for (int lines = 0; lines < PRESCAN_LINES; lines++)
            {
                final int status = reader.next();
                if (LineReader.END == status)
                {
                    break;
                }
                if (LineReader.LINE != status)
                {
                    continue;
                }
                final String line = reader.buffer().getStringWithoutLengthAscii(reader.offset(), reader.length());
                if (null == symbol)
                {
                    final Matcher stream = STREAM_SYMBOL.matcher(line);
                    if (stream.find())
                    {
                        symbol = stream.group(1).toUpperCase(Locale.ROOT);
                    }
                    else if (!line.contains("lastUpdateId"))
                    {
                        final Matcher data = DATA_SYMBOL.matcher(line);
                        if (data.find())
                        {
                            symbol = data.group(1).toUpperCase(Locale.ROOT);
                        }
                    }
                }
                pairField |= line.contains("\"ps\":");
                futuresFields |= line.contains("\"e\":\"bookTicker\"") || line.contains("\"X\":\"");
                if (null == futuresDepth && line.contains("\"e\":\"depthUpdate\""))
                {
                    futuresDepth = line.contains("\"pu\":");
                }
                if (null != symbol && null != futuresDepth)
                {
                    break;
                }
            }
        }
        catch (final IOException ex)
        {
            // A file corrupt further on: decide from what could be read; the replay counts the read error.
        }

        final boolean coinm = pairField ||
            (null != symbol && (symbol.endsWith("_PERP") || COINM_DELIVERY.matcher(symbol).matches()));
        final Venue venue;
        if (coinm)
        {
            venue = Venue.BINANCE_COINM;
        }
        else if (null != futuresDepth)
        {
            venue = futuresDepth ? Venue.BINANCE_USDM : Venue.BINANCE_SPOT;
        }
        else
        {
            venue = futuresFields ? Venue.BINANCE_USDM : Venue.BINANCE_SPOT;
        }
        return new Prescan(venue, symbol);
    }

    /**
     * The symbol in a capture's file name: {@code btcusdt_20240808.gz} is {@code BTCUSDT},
     * {@code btcusd_perp_20240808.gz} is {@code BTCUSD_PERP}.
     *
     * @return the upper-case symbol, or null.
     */
    static String symbolFromFileName(final Path file)
    {
        String name = file.getFileName().toString();
        final int dot = name.indexOf('.');
        if (dot > 0)
        {
            name = name.substring(0, dot);
        }
        final Matcher dated = DATED_FILE_NAME.matcher(name);
        if (dated.matches())
        {
            name = dated.group(1);
        }
        return name.isEmpty() ? null : name.toUpperCase(Locale.ROOT);
    }

    /**
     * A cryptofeed WebSocket file's session siblings: {@code X.http.N.M} (REST snapshots) and {@code X.0}
     * (exchangeInfo), sorted by name.
     */
    static List<Path> cryptofeedSiblings(final Path file)
    {
        final Matcher ws = CRYPTOFEED_WS_NAME.matcher(file.getFileName().toString());
        if (!ws.matches() || null == file.getParent())
        {
            return List.of();
        }
        final String session = ws.group(1);
        final List<Path> siblings = new ArrayList<>();
        try (Stream<Path> list = Files.list(file.getParent()))
        {
            list.filter((p) ->
            {
                final String name = p.getFileName().toString();
                final Matcher http = CRYPTOFEED_HTTP_NAME.matcher(name);
                return (http.matches() && session.equals(http.group(1))) || name.equals(session + ".0");
            }).filter(Files::isRegularFile).sorted().forEach((p) -> siblings.add(p.toAbsolutePath().normalize()));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + file.getParent(), ex);
        }
        return siblings;
    }

    /**
     * Recognise a file by its first lines: the first one in a known format decides, so a few bad lines at the start
     * do not hide a good capture (the replay counts them as malformed).
     *
     * @return the head, or null if the file has no non-blank line.
     * @throws IllegalArgumentException naming the file if none of its first lines is in a known format.
     */
    private static Head head(final Path file, final int maxLineLength)
    {
        boolean sawLine = false;
        try (LineReader reader = new LineReader(file, maxLineLength))
        {
            int status;
            int nonBlank = 0;
            while (LineReader.END != (status = reader.next()) && nonBlank < HEAD_LINES)
            {
                if (LineReader.LINE != status)
                {
                    sawLine = true;
                    nonBlank++;
                    continue;
                }
                final int length = Math.min(reader.length(), HEAD_LINE_LIMIT);
                final String line = reader.buffer().getStringWithoutLengthAscii(reader.offset(), length).strip();
                if (line.isEmpty())
                {
                    continue;
                }
                sawLine = true;
                nonBlank++;
                final CaptureFormat format = formatOf(line);
                if (null != format)
                {
                    return new Head(format, line);
                }
            }
        }
        catch (final IOException ex)
        {
            if (!sawLine)
            {
                throw new UncheckedIOException("cannot read capture " + file, ex);
            }
        }

        if (!sawLine)
        {
            return null;
        }
        throw new IllegalArgumentException(file + ": not a recognised capture format: expected hftbacktest lines " +
            "'<receive time> <json>' or a cryptofeed recording (X.ws.N.M, X.http.N.M, X.0)");
    }
}
