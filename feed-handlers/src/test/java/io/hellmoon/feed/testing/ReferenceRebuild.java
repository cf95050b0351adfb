/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hellmoon.sbe.Venue;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * TEST ONLY: an independent rebuild of Binance books from the raw captures, to check the production path against.
 * Written from Binance's "How to manage a local order book correctly" with Jackson, {@link BigDecimal} and
 * {@link TreeMap}, sharing no code with the book manager, the replayer or the converter: it reads the files itself,
 * counts messages per type, and keeps per instrument the final best bid, best ask, last trade price and last applied
 * update id, plus how many {@code bookTicker}s whose {@code u} equals the last applied diff's {@code u} match its book.
 */
public final class ReferenceRebuild
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern REPLY = Pattern.compile("(\\S+) -> ([0-9.]+): (.*)");
    private static final Pattern SYMBOL = Pattern.compile("symbol=([A-Za-z0-9_]+)");

    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, Book> books = new TreeMap<>();
    private long depthLines;
    private long stopAfterDepthLines = Long.MAX_VALUE;

    private ReferenceRebuild()
    {
        for (final String type : List.of(
            "trade", "aggTrade", "bookTicker", "depthUpdate", "kline", "forceOrder", "markPriceUpdate", "snapshot"))
        {
            counts.put(type, 0L);
        }
    }

    /**
     * A capture file and the venue it was recorded from (known, not detected).
     *
     * @param file  the file.
     * @param venue its venue.
     */
    public record Input(Path file, Venue venue)
    {
    }

    /**
     * What the rebuild ends with for an instrument.
     *
     * @param bestBid        plain decimal without trailing zeros, or null.
     * @param bestAsk        plain decimal without trailing zeros, or null.
     * @param lastTradePrice plain decimal without trailing zeros, or null.
     * @param lastUpdateId   of the last applied diff (or snapshot), or null.
     */
    public record Final(String bestBid, String bestAsk, String lastTradePrice, Long lastUpdateId)
    {
    }

    /**
     * Rebuild from hftbacktest files (one instrument each), read in the order given.
     *
     * @param inputs files with their venues.
     * @return the rebuild.
     */
    public static ReferenceRebuild hftbacktest(final List<Input> inputs)
    {
        return hftbacktest(inputs, Long.MAX_VALUE);
    }

    /**
     * Rebuild from hftbacktest files, stopping after a number of depth lines.
     *
     * @param inputs              files with their venues.
     * @param stopAfterDepthLines depth lines to process before stopping.
     * @return the rebuild.
     */
    public static ReferenceRebuild hftbacktest(final List<Input> inputs, final long stopAfterDepthLines)
    {
        final ReferenceRebuild rebuild = new ReferenceRebuild();
        rebuild.stopAfterDepthLines = stopAfterDepthLines;
        for (final Input input : inputs)
        {
            final String symbol = symbolOf(input.file());
            for (final String line : lines(input.file()))
            {
                if (rebuild.depthLines >= stopAfterDepthLines)
                {
                    return rebuild;
                }
                final String trimmed = line.strip();
                if (trimmed.isEmpty())
                {
                    continue;
                }
                final int space = trimmed.indexOf(' ');
                final String json = trimmed.substring(space + 1).strip();
                if (json.startsWith("{\"lastUpdateId\""))
                {
                    rebuild.snapshot(input.venue(), symbol, json);
                }
                else
                {
                    rebuild.frame(input.venue(), json);
                }
            }
        }
        return rebuild;
    }

    /**
     * Rebuild from a cryptofeed session: frames and snapshots merged by their receive time (snapshots first on a
     * tie, as the replayer orders the files named {@code X.http} before {@code X.ws}).
     *
     * @param frames    the {@code X.ws.N.M} file.
     * @param snapshots the {@code X.http.N.M} file.
     * @param venue     of the session.
     * @return the rebuild.
     */
    public static ReferenceRebuild cryptofeed(final Path frames, final Path snapshots, final Venue venue)
    {
        record Timed(BigDecimal seconds, int order, String symbol, String json)
        {
        }

        final List<Timed> records = new ArrayList<>();
        int order = 0;
        for (final String line : lines(snapshots))
        {
            final Matcher reply = REPLY.matcher(line.strip());
            if (reply.matches() && reply.group(1).contains("/depth"))
            {
                final Matcher symbol = SYMBOL.matcher(reply.group(1));
                if (symbol.find())
                {
                    records.add(new Timed(new BigDecimal(reply.group(2)), order++, symbol.group(1), reply.group(3)));
                }
            }
        }
        for (final String line : lines(frames))
        {
            final String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("wss://"))
            {
                continue;
            }
            final int colon = trimmed.indexOf(": ");
            records.add(new Timed(new BigDecimal(trimmed.substring(0, colon)), order++, null,
                trimmed.substring(colon + 2)));
        }
        records.sort(Comparator.comparing(Timed::seconds).thenComparingInt(Timed::order));

        final ReferenceRebuild rebuild = new ReferenceRebuild();
        for (final Timed record : records)
        {
            if (null != record.symbol())
            {
                rebuild.snapshot(venue, record.symbol(), record.json());
            }
            else
            {
                rebuild.frame(venue, record.json());
            }
        }
        return rebuild;
    }

    /**
     * Messages per type, the eight summary keys always present.
     *
     * @return counts by type.
     */
    public Map<String, Long> counts()
    {
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Final state per {@code VENUE:SYMBOL}.
     *
     * @return a sorted map.
     */
    public Map<String, Final> instruments()
    {
        final Map<String, Final> result = new TreeMap<>();
        books.forEach((key, book) -> result.put(key, book.result()));
        return result;
    }

    /**
     * Gaps seen over all instruments.
     *
     * @return the count.
     */
    public long gaps()
    {
        return books.values().stream().mapToLong((b) -> b.gaps).sum();
    }

    /**
     * Crossed books seen over all instruments.
     *
     * @return the count.
     */
    public long crossed()
    {
        return books.values().stream().mapToLong((b) -> b.crossed).sum();
    }

    /**
     * BookTickers of an instrument whose {@code u} equalled the last applied diff's {@code u}.
     *
     * @param key {@code VENUE:SYMBOL}.
     * @return the count.
     */
    public int checkpoints(final String key)
    {
        return books.get(key).checkpoints;
    }

    /**
     * Of those, how many did not show the rebuilt book's best bid and ask.
     *
     * @param key {@code VENUE:SYMBOL}.
     * @return the count.
     */
    public int checkpointMismatches(final String key)
    {
        return books.get(key).mismatches;
    }

    /**
     * The rebuilt book of an instrument as a Binance REST snapshot body.
     *
     * @param key {@code VENUE:SYMBOL}.
     * @return the JSON text.
     */
    public String snapshotJson(final String key)
    {
        final Book book = books.get(key);
        final StringBuilder json = new StringBuilder("{\"lastUpdateId\":").append(book.lastUpdateId);
        json.append(",\"bids\":[");
        appendLevels(json, book.bids);
        json.append("],\"asks\":[");
        appendLevels(json, book.asks);
        return json.append("]}").toString();
    }

    private static void appendLevels(final StringBuilder json, final NavigableMap<BigDecimal, BigDecimal> side)
    {
        boolean first = true;
        for (final Map.Entry<BigDecimal, BigDecimal> level : side.entrySet())
        {
            if (!first)
            {
                json.append(',');
            }
            first = false;
            json.append("[\"").append(level.getKey().toPlainString()).append("\",\"")
                .append(level.getValue().toPlainString()).append("\"]");
        }
    }

    private void frame(final Venue venue, final String json)
    {
        final JsonNode root = parse(json);
        final JsonNode data = root.has("data") ? root.get("data") : root;
        final String stream = root.path("stream").asText("");
        final String type = data.has("e") ? data.get("e").asText() : stream.endsWith("@bookTicker") ? "bookTicker" : "";
        final String key = venue.name() + ":" + data.get("s").asText();
        final Book book = books.computeIfAbsent(key, (k) -> new Book(futuresRules(venue)));
        if (!type.isEmpty())
        {
            counts.merge(type, 1L, Long::sum);
        }
        switch (type)
        {
            case "depthUpdate" ->
            {
                depthLines++;
                book.onDiff(data);
            }
            case "bookTicker" -> book.onBookTicker(data);
            case "trade", "aggTrade" -> book.lastTrade = new BigDecimal(data.get("p").asText());
            default ->
            {
            }
        }
    }

    private void snapshot(final Venue venue, final String symbol, final String json)
    {
        counts.merge("snapshot", 1L, Long::sum);
        final String key = venue.name() + ":" + symbol.toUpperCase();
        books.computeIfAbsent(key, (k) -> new Book(futuresRules(venue))).onSnapshot(parse(json));
    }

    private static boolean futuresRules(final Venue venue)
    {
        return Venue.BINANCE_SPOT != venue && Venue.BINANCE_US != venue;
    }

    private static JsonNode parse(final String json)
    {
        try
        {
            return MAPPER.readTree(json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String symbolOf(final Path file)
    {
        for (final String line : lines(file))
        {
            final int stream = line.indexOf("\"stream\":\"");
            if (stream >= 0)
            {
                final int start = stream + "\"stream\":\"".length();
                return line.substring(start, line.indexOf('@', start)).toUpperCase();
            }
        }
        throw new IllegalStateException("no stream in " + file);
    }

    /**
     * All lines of a gzip or plain file.
     *
     * @param file to read.
     * @return the lines.
     */
    public static List<String> lines(final Path file)
    {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file)))
        {
            raw.mark(2);
            final boolean gzip = 0x1F == raw.read() && 0x8B == raw.read();
            raw.reset();
            final InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            final List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))
            {
                String line;
                while (null != (line = reader.readLine()))
                {
                    lines.add(line);
                }
            }
            return lines;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String plain(final BigDecimal value)
    {
        return null == value ? null : value.stripTrailingZeros().toPlainString();
    }

    /**
     * One instrument's book, synced by Binance's procedure.
     */
    private static final class Book
    {
        private final boolean futures;
        private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        private final List<JsonNode> buffered = new ArrayList<>();
        private boolean synced;
        private boolean firstAfterSnapshot;
        private Long lastUpdateId;
        private BigDecimal lastTrade;
        private long gaps;
        private long crossed;
        private int checkpoints;
        private int mismatches;

        Book(final boolean futures)
        {
            this.futures = futures;
        }

        void onSnapshot(final JsonNode snapshot)
        {
            final long snapshotId = snapshot.get("lastUpdateId").asLong();
            if (synced)
            {
                return;
            }
            // Step 5: discard buffered events the snapshot already contains.
            final List<JsonNode> pending = new ArrayList<>();
            for (final JsonNode event : buffered)
            {
                final long u = event.get("u").asLong();
                if (futures ? u >= snapshotId : u > snapshotId)
                {
                    pending.add(event);
                }
            }
            // Step 4: a snapshot older than the first remaining event is useless; wait for another.
            if (!pending.isEmpty() && !bridges(pending.get(0), snapshotId))
            {
                return;
            }
            bids.clear();
            asks.clear();
            for (final JsonNode level : snapshot.get("bids"))
            {
                put(bids, level);
            }
            for (final JsonNode level : snapshot.get("asks"))
            {
                put(asks, level);
            }
            lastUpdateId = snapshotId;
            synced = true;
            firstAfterSnapshot = true;
            buffered.clear();
            for (final JsonNode event : pending)
            {
                onDiff(event);
            }
        }

        void onDiff(final JsonNode event)
        {
            if (!synced)
            {
                buffered.add(event);
                return;
            }
            final long first = event.get("U").asLong();
            final long last = event.get("u").asLong();
            if (firstAfterSnapshot)
            {
                if (futures ? last < lastUpdateId : last <= lastUpdateId)
                {
                    return;
                }
                if (!bridges(event, lastUpdateId))
                {
                    gap(event);
                    return;
                }
            }
            else if (futures ? event.get("pu").asLong() != lastUpdateId : first != lastUpdateId + 1)
            {
                if (!futures && last <= lastUpdateId)
                {
                    return;
                }
                gap(event);
                return;
            }
            firstAfterSnapshot = false;
            for (final JsonNode level : event.get("b"))
            {
                put(bids, level);
            }
            for (final JsonNode level : event.get("a"))
            {
                put(asks, level);
            }
            lastUpdateId = last;
            if (!bids.isEmpty() && !asks.isEmpty() && bids.firstKey().compareTo(asks.firstKey()) >= 0)
            {
                crossed++;
            }
        }

        void onBookTicker(final JsonNode ticker)
        {
            if (synced && !firstAfterSnapshot && ticker.get("u").asLong() == lastUpdateId)
            {
                checkpoints++;
                final boolean same = !bids.isEmpty() && !asks.isEmpty() &&
                    0 == bids.firstKey().compareTo(new BigDecimal(ticker.get("b").asText())) &&
                    0 == asks.firstKey().compareTo(new BigDecimal(ticker.get("a").asText()));
                if (!same)
                {
                    mismatches++;
                }
            }
        }

        private boolean bridges(final JsonNode event, final long snapshotId)
        {
            final long first = event.get("U").asLong();
            final long last = event.get("u").asLong();
            return futures ?
                first <= snapshotId && snapshotId <= last :
                first <= snapshotId + 1 && snapshotId + 1 <= last;
        }

        private void gap(final JsonNode event)
        {
            gaps++;
            synced = false;
            bids.clear();
            asks.clear();
            buffered.clear();
            buffered.add(event);
        }

        private static void put(final NavigableMap<BigDecimal, BigDecimal> side, final JsonNode level)
        {
            final BigDecimal price = new BigDecimal(level.get(0).asText());
            final BigDecimal size = new BigDecimal(level.get(1).asText());
            if (0 == size.signum())
            {
                side.remove(price);
            }
            else
            {
                side.put(price, size);
            }
        }

        Final result()
        {
            return new Final(
                synced && !bids.isEmpty() ? plain(bids.firstKey()) : null,
                synced && !asks.isEmpty() ? plain(asks.firstKey()) : null,
                plain(lastTrade),
                synced ? lastUpdateId : null);
        }
    }
}
