/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.quality;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Injects synthetic volume bursts into real Binance captures at known times, writing injected copies, for measuring
 * whether the scanner reports them.
 * <p>
 * Formats: hftbacktest lines ({@code <receive ns> <combined-stream JSON>}, gzip or plain, {@code @trade}) and
 * cryptofeed sessions ({@code <ts>: <combined-stream JSON>} in {@code X.ws.N.0}, {@code @trade} or {@code @aggTrade};
 * the session's {@code X.http.0.0} and {@code X.0} are copied beside the injected file). Other lines pass unchanged.
 * <p>
 * Per symbol of a file: the one-second traded volume (base quantity, summed by exchange event time {@code E} over
 * every second from the symbol's first trade to its last, quiet seconds included) gives the 99th percentile {@code p99}
 * (nearest rank); if that is 0 (a symbol trading in under 1 % of its seconds) the largest second is used instead.
 * Bursts start at {@code firstBurstOffset} after the symbol's first trade and every {@code burstSpacing} after that,
 * while they end at least {@code tailMargin} before its last trade, at most {@code maxBursts}. A burst is
 * {@code tradesPerBurst} trades of the venue's own message type, one every {@code tradeSpacingMs}, summing to at least
 * {@code factor x p99} (each trade's quantity rounded up at the file's quantity precision), all at the prevailing
 * price (the last trade's price string), aggressive buys for even bursts and sells for odd ones. Ids are realistic:
 * injected trades take the next ids of the symbol's sequence and every later trade's ids shift up by the number
 * injected before it ({@code t}; {@code a}, {@code f}, {@code l} for aggTrade). An injected line is placed before the
 * symbol's first later trade, with the receive time of the line before it.
 * <p>
 * A tool, not a hot path: lines are Strings.
 */
public final class BurstInjector
{
    private static final Pattern HFT_LINE = Pattern.compile("^(\\d+) (\\{.*)$");
    private static final Pattern CRYPTOFEED_LINE = Pattern.compile("^(\\d+(?:\\.\\d+)?): (\\{.*)$");
    private static final Pattern STREAM = Pattern.compile("\"stream\":\"[^\"@]+@(trade|aggTrade)\"");
    private static final Pattern SYMBOL = Pattern.compile("\"s\":\"([^\"]+)\"");
    private static final Pattern EVENT_TIME = Pattern.compile("\"E\":(\\d+)");
    private static final Pattern PRICE = Pattern.compile("\"p\":\"([^\"]+)\"");
    private static final Pattern QUANTITY = Pattern.compile("\"q\":\"([^\"]+)\"");
    private static final Pattern TRADE_ID = Pattern.compile("\"t\":(\\d+)");
    private static final Pattern AGG_ID = Pattern.compile("\"a\":(\\d+)");
    private static final Pattern FIRST_ID = Pattern.compile("\"f\":(\\d+)");
    private static final Pattern LAST_ID = Pattern.compile("\"l\":(\\d+)");

    private double factor = 5.0;
    private int tradesPerBurst = 10;
    private long tradeSpacingMs = 20;
    private long firstBurstOffsetMs = 90_000;
    private long burstSpacingMs = 75_000;
    private long tailMarginMs = 5_000;
    private int maxBursts = 4;

    /**
     * One injected burst.
     *
     * @param file        the injected copy.
     * @param venue       {@code BINANCE_SPOT}, {@code BINANCE_USDM} or {@code BINANCE_COINM}, as the JSONL names it.
     * @param symbol      the exchange symbol.
     * @param startNs     exchange event time of its first trade.
     * @param endNs       exchange event time of its last trade.
     * @param volume      base quantity injected.
     * @param notional    quote notional injected (volume x price).
     * @param p99Volume   the symbol's 99th-percentile one-second volume in the file (the reference of the factor).
     */
    public record Burst(
        Path file, String venue, String symbol, long startNs, long endNs, double volume, double notional,
        double p99Volume)
    {
    }

    /**
     * A symbol's trading span in a file: what detection rates are per.
     *
     * @param venue       as the JSONL names it.
     * @param symbol      exchange symbol.
     * @param firstNs     first trade's event time.
     * @param lastNs      last trade's event time.
     * @param trades      trade messages.
     * @param p99Volume   99th-percentile one-second volume (base quantity).
     */
    public record SymbolSpan(String venue, String symbol, long firstNs, long lastNs, long trades, double p99Volume)
    {
        /**
         * The span in hours.
         *
         * @return (last - first) / 1 h.
         */
        public double hours()
        {
            return (lastNs - firstNs) / 3.6e12;
        }
    }

    /**
     * The result of injecting a set of files.
     *
     * @param files  injected copies, in the order of the originals (cryptofeed siblings not listed).
     * @param bursts every burst injected.
     * @param spans  every symbol's span in the originals.
     */
    public record Injection(List<Path> files, List<Burst> bursts, List<SymbolSpan> spans)
    {
    }

    /**
     * Set the burst size as a multiple of the 99th-percentile one-second volume (default 5).
     *
     * @param factor at least 1.
     * @return this.
     */
    public BurstInjector factor(final double factor)
    {
        if (!(factor >= 1.0))
        {
            throw new IllegalArgumentException("factor must be >= 1: " + factor);
        }
        this.factor = factor;
        return this;
    }

    /**
     * Set the trades per burst (default 10) and their spacing (default 20 ms).
     *
     * @param trades    at least 1.
     * @param spacingMs at least 0; trades x spacing must be under a second.
     * @return this.
     */
    public BurstInjector trades(final int trades, final long spacingMs)
    {
        if (trades < 1 || spacingMs < 0 || (trades - 1) * spacingMs >= 1000)
        {
            throw new IllegalArgumentException("a burst must be 1+ trades within a second: " + trades + " x " +
                spacingMs + " ms");
        }
        this.tradesPerBurst = trades;
        this.tradeSpacingMs = spacingMs;
        return this;
    }

    /**
     * Set the schedule: first burst after this long (default 90 s), then every spacing (default 75 s), at most this
     * many (default 4), none closer than 5 s to the symbol's last trade.
     *
     * @param firstOffsetMs after the symbol's first trade.
     * @param spacingMs     between bursts' starts.
     * @param max           bursts per symbol and file.
     * @return this.
     */
    public BurstInjector schedule(final long firstOffsetMs, final long spacingMs, final int max)
    {
        if (firstOffsetMs < 0 || spacingMs < 1000 || max < 1)
        {
            throw new IllegalArgumentException("bad schedule: first " + firstOffsetMs + " ms, spacing " + spacingMs +
                " ms, max " + max);
        }
        this.firstBurstOffsetMs = firstOffsetMs;
        this.burstSpacingMs = spacingMs;
        this.maxBursts = max;
        return this;
    }

    /**
     * Measure the files without injecting anything.
     *
     * @param files captures.
     * @return every symbol's span and 99th-percentile one-second volume.
     */
    public List<SymbolSpan> measure(final List<Path> files)
    {
        final List<SymbolSpan> spans = new ArrayList<>();
        for (final Path file : files)
        {
            spans.addAll(scan(file).values().stream().map(SymbolStats::span).toList());
        }
        return spans;
    }

    /**
     * Inject bursts into copies of the files, written to a directory (under the original names, cryptofeed siblings
     * copied beside).
     *
     * @param files     captures.
     * @param outputDir for the copies, each under its original's directory name; created if absent.
     * @return the copies, the bursts and the spans.
     */
    public Injection inject(final List<Path> files, final Path outputDir)
    {
        final List<Path> outputs = new ArrayList<>();
        final List<Burst> bursts = new ArrayList<>();
        final List<SymbolSpan> spans = new ArrayList<>();
        try
        {
            Files.createDirectories(outputDir);
            for (final Path file : files)
            {
                // Under the original's directory name, so captures of one name from different folders
                // (spot/btcusdt..., usdm/btcusdt...) stay apart and a cryptofeed session keeps its siblings beside it.
                final Path parent = file.toAbsolutePath().getParent();
                Path dir = outputDir.resolve(null == parent ? "captures" : parent.getFileName().toString());
                for (int i = 2; outputs.contains(dir.resolve(file.getFileName().toString())); i++)
                {
                    dir = outputDir.resolve(parent.getFileName().toString() + "-" + i);
                }
                Files.createDirectories(dir);
                final Path output = dir.resolve(file.getFileName().toString());
                final Map<String, SymbolStats> stats = scan(file);
                final Map<String, ArrayDeque<PlannedTrade>> plan = new HashMap<>();
                for (final SymbolStats symbol : stats.values())
                {
                    spans.add(symbol.span());
                    bursts.addAll(plan(output, symbol, plan));
                }
                rewrite(file, output, plan);
                copySiblings(file, dir);
                outputs.add(output);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return new Injection(outputs, bursts, spans);
    }

    private List<Burst> plan(
        final Path output, final SymbolStats symbol, final Map<String, ArrayDeque<PlannedTrade>> plan)
    {
        final List<Burst> bursts = new ArrayList<>();
        final ArrayDeque<PlannedTrade> trades = new ArrayDeque<>();
        final double reference = symbol.p99() > 0.0 ? symbol.p99() : symbol.maxSecond();
        final BigDecimal target = BigDecimal.valueOf(factor * reference);
        final BigDecimal perTrade = target.divide(BigDecimal.valueOf(tradesPerBurst), symbol.quantityScale,
            RoundingMode.CEILING).max(BigDecimal.ONE.movePointLeft(symbol.quantityScale));
        final long burstLengthMs = (tradesPerBurst - 1) * tradeSpacingMs;
        for (int i = 0; i < maxBursts; i++)
        {
            final long startMs = symbol.firstMs + firstBurstOffsetMs + i * burstSpacingMs;
            if (startMs + burstLengthMs > symbol.lastMs - tailMarginMs)
            {
                break;
            }
            final String price = symbol.priceAt(startMs);
            final boolean buyerIsMaker = 1 == (i & 1);
            for (int j = 0; j < tradesPerBurst; j++)
            {
                trades.add(new PlannedTrade(startMs + j * tradeSpacingMs, price, perTrade.toPlainString(),
                    buyerIsMaker));
            }
            final double volume = perTrade.doubleValue() * tradesPerBurst;
            bursts.add(new Burst(output, symbol.venue, symbol.symbol, startMs * 1_000_000L,
                (startMs + burstLengthMs) * 1_000_000L, volume, volume * Double.parseDouble(price), reference));
        }
        plan.put(symbol.symbol, trades);
        return bursts;
    }

    private static void rewrite(final Path file, final Path output, final Map<String, ArrayDeque<PlannedTrade>> plan)
        throws IOException
    {
        final Map<String, long[]> shifts = new HashMap<>();
        try (BufferedReader reader = open(file);
            BufferedWriter writer = create(output, isGzip(file)))
        {
            String previousStamp = null;
            String line;
            while (null != (line = reader.readLine()))
            {
                final Line parsed = Line.parse(line);
                if (null != parsed && parsed.isTrade())
                {
                    final String symbol = parsed.symbol();
                    final long eventMs = parsed.eventMs();
                    final ArrayDeque<PlannedTrade> pending = plan.get(symbol);
                    final long[] shift = shifts.computeIfAbsent(symbol, s -> new long[2]);
                    while (null != pending && !pending.isEmpty() && pending.peek().eventMs < eventMs)
                    {
                        final String stamp = null != previousStamp ? previousStamp : parsed.stamp;
                        writer.write(parsed.injected(stamp, pending.poll(), shift));
                        writer.newLine();
                    }
                    writer.write(parsed.shifted(shift));
                }
                else
                {
                    writer.write(line);
                }
                writer.newLine();
                if (null != parsed)
                {
                    previousStamp = parsed.stamp;
                }
            }
        }
    }

    private Map<String, SymbolStats> scan(final Path file)
    {
        final Map<String, SymbolStats> stats = new LinkedHashMap<>();
        String sessionVenue = null;
        try (BufferedReader reader = open(file))
        {
            String line;
            while (null != (line = reader.readLine()))
            {
                if (line.contains(" <-> ") || line.contains(" <- "))
                {
                    sessionVenue = venueOfUrl(line);
                    continue;
                }
                final Line parsed = Line.parse(line);
                if (null == parsed || !parsed.isTrade())
                {
                    continue;
                }
                final String symbol = parsed.symbol();
                final String venue = null != sessionVenue ? sessionVenue :
                    line.contains("\"X\":\"") ? "BINANCE_USDM" : "BINANCE_SPOT";
                stats.computeIfAbsent(symbol, s -> new SymbolStats(venue, s)).add(parsed);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        return stats;
    }

    private static String venueOfUrl(final String line)
    {
        if (line.contains("fstream."))
        {
            return "BINANCE_USDM";
        }
        if (line.contains("dstream."))
        {
            return "BINANCE_COINM";
        }
        return "BINANCE_SPOT";
    }

    private static void copySiblings(final Path file, final Path outputDir) throws IOException
    {
        final String name = file.getFileName().toString();
        final int ws = name.indexOf(".ws.");
        if (ws > 0)
        {
            final String session = name.substring(0, ws);
            for (final String sibling : List.of(session + ".http.0.0", session + ".0"))
            {
                final Path source = file.resolveSibling(sibling);
                if (Files.exists(source))
                {
                    Files.copy(source, outputDir.resolve(sibling), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean isGzip(final Path file) throws IOException
    {
        try (InputStream in = Files.newInputStream(file))
        {
            return 0x1f == in.read() && 0x8b == in.read();
        }
    }

    private static BufferedReader open(final Path file) throws IOException
    {
        final InputStream raw = Files.newInputStream(file);
        final InputStream in = isGzip(file) ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private static BufferedWriter create(final Path file, final boolean gzip) throws IOException
    {
        final OutputStream raw = Files.newOutputStream(file);
        final OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    private static long group(final Pattern pattern, final String text, final long missing)
    {
        final Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : missing;
    }

    private static String groupText(final Pattern pattern, final String text)
    {
        final Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String replaceId(final String json, final Pattern pattern, final String name, final long shift)
    {
        if (0 == shift)
        {
            return json;
        }
        final Matcher matcher = pattern.matcher(json);
        if (!matcher.find())
        {
            return json;
        }
        return json.substring(0, matcher.start()) + "\"" + name + "\":" + (Long.parseLong(matcher.group(1)) + shift) +
            json.substring(matcher.end());
    }

    private record PlannedTrade(long eventMs, String price, String quantity, boolean buyerIsMaker)
    {
    }

    /**
     * A capture line with a timestamp and a JSON payload.
     */
    private record Line(String stamp, String separator, String json, String streamType)
    {
        static Line parse(final String line)
        {
            Matcher matcher = HFT_LINE.matcher(line);
            String separator = " ";
            if (!matcher.matches())
            {
                matcher = CRYPTOFEED_LINE.matcher(line);
                separator = ": ";
                if (!matcher.matches())
                {
                    return null;
                }
            }
            final String json = matcher.group(2);
            final Matcher stream = STREAM.matcher(json);
            return new Line(matcher.group(1), separator, json, stream.find() ? stream.group(1) : null);
        }

        boolean isTrade()
        {
            return null != streamType;
        }

        boolean isAggTrade()
        {
            return "aggTrade".equals(streamType);
        }

        String symbol()
        {
            return groupText(SYMBOL, json);
        }

        long eventMs()
        {
            return group(EVENT_TIME, json, 0);
        }

        /**
         * This trade with its ids moved up by the trades injected before it: shift[0] trade ids, shift[1] agg ids.
         */
        String shifted(final long[] shift)
        {
            String shiftedJson = json;
            if (isAggTrade())
            {
                shiftedJson = replaceId(shiftedJson, AGG_ID, "a", shift[1]);
                shiftedJson = replaceId(shiftedJson, FIRST_ID, "f", shift[0]);
                shiftedJson = replaceId(shiftedJson, LAST_ID, "l", shift[0]);
            }
            else
            {
                shiftedJson = replaceId(shiftedJson, TRADE_ID, "t", shift[0]);
            }
            return stamp + separator + shiftedJson;
        }

        /**
         * A trade modelled on this one (the symbol's next), taking the ids this one would have had.
         */
        String injected(final String injectedStamp, final PlannedTrade trade, final long[] shift)
        {
            String injectedJson = json
                .replaceFirst("\"E\":\\d+", "\"E\":" + trade.eventMs)
                .replaceFirst("\"T\":\\d+", "\"T\":" + trade.eventMs)
                .replaceFirst("\"p\":\"[^\"]+\"", "\"p\":\"" + trade.price + "\"")
                .replaceFirst("\"q\":\"[^\"]+\"", "\"q\":\"" + trade.quantity + "\"")
                .replaceFirst("\"m\":(true|false)", "\"m\":" + trade.buyerIsMaker);
            if (isAggTrade())
            {
                final long tradeId = group(FIRST_ID, json, 0) + shift[0];
                final long aggId = group(AGG_ID, json, 0) + shift[1];
                injectedJson = injectedJson
                    .replaceFirst("\"a\":\\d+", "\"a\":" + aggId)
                    .replaceFirst("\"f\":\\d+", "\"f\":" + tradeId)
                    .replaceFirst("\"l\":\\d+", "\"l\":" + tradeId);
                shift[1]++;
            }
            else
            {
                injectedJson = injectedJson.replaceFirst("\"t\":\\d+", "\"t\":" + (group(TRADE_ID, json, 0) + shift[0]));
            }
            shift[0]++;
            if (injectedJson.contains("\"X\":\""))
            {
                injectedJson = injectedJson.replaceFirst("\"X\":\"[^\"]+\"", "\"X\":\"MARKET\"");
            }
            return injectedStamp + separator + injectedJson;
        }
    }

    private static final class SymbolStats
    {
        private final String venue;
        private final String symbol;
        private final List<Long> priceTimesMs = new ArrayList<>();
        private final List<String> prices = new ArrayList<>();
        private long firstMs = Long.MAX_VALUE;
        private long lastMs = Long.MIN_VALUE;
        private long trades;
        private int quantityScale;
        private final Map<Long, Double> volumeBySecond = new HashMap<>();

        SymbolStats(final String venue, final String symbol)
        {
            this.venue = venue;
            this.symbol = symbol;
        }

        void add(final Line line)
        {
            final long eventMs = line.eventMs();
            final String price = groupText(PRICE, line.json);
            final String quantity = groupText(QUANTITY, line.json);
            if (eventMs <= 0 || null == price || null == quantity)
            {
                return;
            }
            trades++;
            firstMs = Math.min(firstMs, eventMs);
            lastMs = Math.max(lastMs, eventMs);
            quantityScale = Math.max(quantityScale, new BigDecimal(quantity).scale());
            volumeBySecond.merge(Math.floorDiv(eventMs, 1000L), Double.parseDouble(quantity), Double::sum);
            priceTimesMs.add(eventMs);
            prices.add(price);
        }

        double[] sortedSeconds()
        {
            final long firstSecond = Math.floorDiv(firstMs, 1000L);
            final long lastSecond = Math.floorDiv(lastMs, 1000L);
            final double[] volumes = new double[(int)(lastSecond - firstSecond + 1)];
            volumeBySecond.forEach((second, volume) -> volumes[(int)(second - firstSecond)] = volume);
            Arrays.sort(volumes);
            return volumes;
        }

        double p99()
        {
            if (0 == trades)
            {
                return 0.0;
            }
            final double[] volumes = sortedSeconds();
            final int rank = (int)Math.ceil(0.99 * volumes.length);
            return volumes[Math.max(0, rank - 1)];
        }

        double maxSecond()
        {
            final double[] volumes = sortedSeconds();
            return 0 == volumes.length ? 0.0 : volumes[volumes.length - 1];
        }

        String priceAt(final long timeMs)
        {
            String price = prices.get(0);
            for (int i = 0; i < priceTimesMs.size() && priceTimesMs.get(i) <= timeMs; i++)
            {
                price = prices.get(i);
            }
            return price;
        }

        SymbolSpan span()
        {
            return new SymbolSpan(venue, symbol, firstMs * 1_000_000L, lastMs * 1_000_000L, trades, p99());
        }
    }
}
