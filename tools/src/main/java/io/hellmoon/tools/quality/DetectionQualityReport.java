/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hellmoon.tools.HellmoonCli;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the scanner's detection quality on real captures, through the command line a user runs
 * ({@code hellmoon replay --speed max --scan --anomalies-jsonl}):
 * <ul>
 *     <li>false alarms: every event on the un-injected captures, per detector (anomaly type), per symbol-hour (the
 *     sum over symbols of the span from a symbol's first trade to its last; warm-up included, real anomalies in the
 *     data counted as false alarms, so it is an upper bound);</li>
 *     <li>recall and latency: {@link BurstInjector} bursts of at least {@code factor x} the symbol's 99th-percentile
 *     one-second volume; a burst is detected if an event whose type contains {@code VOLUME} names its venue and
 *     symbol with a time in [start, start + 1 s]; latency is that event's time minus the burst's start. A miss is
 *     explained by the symbol's nearest earlier volume event (a cooldown) and its position in the capture (warm-up).</li>
 * </ul>
 * Usage: {@code java -cp tools/target/hellmoon.jar io.hellmoon.tools.quality.DetectionQualityReport [--factor 5]
 * [--first 90000] [--spacing 75000] [--bursts 4] [--work DIR] FILE...} (schedule in ms, see {@link BurstInjector});
 * scanner properties ({@code -Dhellmoon.scanner.*}) apply to both runs.
 */
public final class DetectionQualityReport
{
    /**
     * How far after a burst's start a detection counts.
     */
    public static final long DETECTION_WINDOW_NS = 1_000_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One anomaly of a JSONL file.
     *
     * @param timeNs event time.
     * @param venue  venue name.
     * @param symbol symbol.
     * @param type   anomaly type.
     */
    public record Event(long timeNs, String venue, String symbol, String type)
    {
    }

    /**
     * A burst and what the scanner said about it.
     *
     * @param burst          injected.
     * @param detection      the first volume event of its symbol in the window, or null.
     * @param previousVolume the symbol's last volume event before the burst, or null.
     */
    public record BurstResult(BurstInjector.Burst burst, Event detection, Event previousVolume)
    {
        /**
         * Whether the burst was reported in time.
         *
         * @return true if detected.
         */
        public boolean detected()
        {
            return null != detection;
        }

        /**
         * Detection latency.
         *
         * @return ns from the burst's start to the event, or -1 if missed.
         */
        public long latencyNs()
        {
            return null == detection ? -1 : detection.timeNs() - burst.startNs();
        }
    }

    /**
     * Everything measured.
     *
     * @param spans        symbols of the un-injected captures.
     * @param clean        events on the un-injected captures.
     * @param injected     events on the injected captures.
     * @param bursts       each burst's result.
     */
    public record Result(
        List<BurstInjector.SymbolSpan> spans, List<Event> clean, List<Event> injected, List<BurstResult> bursts)
    {
        /**
         * Symbol-hours of the un-injected captures.
         *
         * @return hours.
         */
        public double symbolHours()
        {
            return spans.stream().mapToDouble(BurstInjector.SymbolSpan::hours).sum();
        }

        /**
         * Events per anomaly type on the un-injected captures.
         *
         * @return type to count, sorted by type.
         */
        public Map<String, Integer> cleanCountsByType()
        {
            final Map<String, Integer> counts = new TreeMap<>();
            clean.forEach(e -> counts.merge(e.type(), 1, Integer::sum));
            return counts;
        }

        /**
         * Bursts detected.
         *
         * @return the count.
         */
        public long detected()
        {
            return bursts.stream().filter(BurstResult::detected).count();
        }
    }

    private DetectionQualityReport()
    {
    }

    /**
     * Run both replays and evaluate.
     *
     * @param files    captures.
     * @param workDir  for the injected copies and the JSONL files.
     * @param injector configured injector.
     * @return the measurements.
     */
    public static Result evaluate(final List<Path> files, final Path workDir, final BurstInjector injector)
    {
        try
        {
            Files.createDirectories(workDir);
            final Path cleanJsonl = workDir.resolve("anomalies-clean.jsonl");
            final Path injectedJsonl = workDir.resolve("anomalies-injected.jsonl");
            final List<BurstInjector.SymbolSpan> spans = injector.measure(files);
            replay(files, cleanJsonl);
            final BurstInjector.Injection injection = injector.inject(files, workDir.resolve("injected"));
            replay(injection.files(), injectedJsonl);

            final List<Event> clean = read(cleanJsonl);
            final List<Event> injected = read(injectedJsonl);
            final List<BurstResult> results = new ArrayList<>();
            for (final BurstInjector.Burst burst : injection.bursts())
            {
                Event detection = null;
                Event previous = null;
                for (final Event event : injected)
                {
                    if (event.type().contains("VOLUME") && event.venue().equals(burst.venue()) &&
                        event.symbol().equals(burst.symbol()))
                    {
                        if (event.timeNs() < burst.startNs())
                        {
                            previous = event;
                        }
                        else if (null == detection && event.timeNs() <= burst.startNs() + DETECTION_WINDOW_NS)
                        {
                            detection = event;
                        }
                    }
                }
                results.add(new BurstResult(burst, detection, previous));
            }
            return new Result(spans, clean, injected, results);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Print a result.
     *
     * @param result to print.
     * @param out    where.
     */
    public static void print(final Result result, final PrintStream out)
    {
        final double hours = result.symbolHours();
        out.printf(Locale.ROOT, "un-injected: %d symbols, %.3f symbol-hours%n", result.spans().size(), hours);
        for (final BurstInjector.SymbolSpan span : result.spans())
        {
            out.printf(Locale.ROOT, "  %s:%s %.1f min, %,d trades, p99 1s volume %s%n", span.venue(), span.symbol(),
                (span.lastNs() - span.firstNs()) / 6e10, span.trades(), span.p99Volume());
        }
        out.printf("%-24s %8s %18s%n", "detector", "events", "per symbol-hour");
        result.cleanCountsByType().forEach((type, count) ->
            out.printf(Locale.ROOT, "%-24s %8d %18.1f%n", type, count, count / hours));
        out.printf(Locale.ROOT, "%-24s %8d %18.1f%n", "all", result.clean().size(), result.clean().size() / hours);

        final List<BurstResult> bursts = result.bursts();
        out.printf(Locale.ROOT, "injected: %d bursts, detected %d, recall %.3f%n", bursts.size(), result.detected(),
            bursts.isEmpty() ? Double.NaN : (double)result.detected() / bursts.size());
        final long[] latencies = bursts.stream().filter(BurstResult::detected).mapToLong(BurstResult::latencyNs)
            .sorted().toArray();
        if (latencies.length > 0)
        {
            out.printf(Locale.ROOT, "latency ms: min %.1f, median %.1f, max %.1f%n", latencies[0] / 1e6,
                latencies[latencies.length / 2] / 1e6, latencies[latencies.length - 1] / 1e6);
        }
        for (final BurstResult burst : bursts)
        {
            final BurstInjector.Burst b = burst.burst();
            out.printf(Locale.ROOT, "  %s:%s burst at %d (+%.0f s into the symbol), %s base = %.0f quote (p99 %s): %s%n",
                b.venue(), b.symbol(), b.startNs(), secondsIntoSymbol(result, b), b.volume(), b.notional(),
                b.p99Volume(), burst.detected() ? String.format(Locale.ROOT, "%s after %.1f ms",
                burst.detection().type(), burst.latencyNs() / 1e6) : "MISSED" + missHint(burst));
        }
    }

    /**
     * The command line: {@code [--factor F] [--first MS] [--spacing MS] [--bursts N] [--work DIR] FILE...}.
     *
     * @param args arguments.
     */
    public static void main(final String[] args) throws IOException
    {
        double factor = 5.0;
        long firstMs = 90_000;
        long spacingMs = 75_000;
        int bursts = 4;
        Path work = null;
        final List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--factor" -> factor = Double.parseDouble(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--first" -> firstMs = Long.parseLong(args[++i]);
                case "--spacing" -> spacingMs = Long.parseLong(args[++i]);
                case "--bursts" -> bursts = Integer.parseInt(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty())
        {
            System.err.println("usage: DetectionQualityReport [--factor F] [--first MS] [--spacing MS] [--bursts N] " +
                "[--work DIR] FILE...");
            System.exit(2);
        }
        final Path workDir = null != work ? work : Files.createTempDirectory("hellmoon-quality");
        final Result result = evaluate(files, workDir, new BurstInjector().factor(factor).schedule(firstMs, spacingMs, bursts));
        print(result, System.out);
        System.out.println("files in " + workDir);
    }

    private static double secondsIntoSymbol(final Result result, final BurstInjector.Burst burst)
    {
        for (final BurstInjector.SymbolSpan span : result.spans())
        {
            if (span.venue().equals(burst.venue()) && span.symbol().equals(burst.symbol()))
            {
                return (burst.startNs() - span.firstNs()) / 1e9;
            }
        }
        return Double.NaN;
    }

    private static String missHint(final BurstResult burst)
    {
        final Event previous = burst.previousVolume();
        return null == previous ? " (no earlier volume event of the symbol)" : String.format(Locale.ROOT,
            " (the symbol's previous volume event %.1f s before)",
            (burst.burst().startNs() - previous.timeNs()) / 1e9);
    }

    private static void replay(final List<Path> files, final Path jsonl)
    {
        final List<String> args = new ArrayList<>(List.of(
            "replay", "--speed", "max", "--quiet", "--scan", "--anomalies-jsonl", jsonl.toString()));
        files.forEach(f -> args.add(f.toString()));
        final StringWriter err = new StringWriter();
        final int exit = new CommandLine(new HellmoonCli())
            .setErr(new PrintWriter(err, true))
            .execute(args.toArray(String[]::new));
        if (0 != exit)
        {
            throw new IllegalStateException("hellmoon " + String.join(" ", args) + " exited " + exit + ": " + err);
        }
    }

    private static List<Event> read(final Path jsonl) throws IOException
    {
        final List<Event> events = new ArrayList<>();
        for (final String line : Files.readAllLines(jsonl))
        {
            final JsonNode node = JSON.readTree(line);
            events.add(new Event(node.get("time").asLong(), node.get("venue").asText(), node.get("symbol").asText(),
                node.get("type").asText()));
        }
        return events;
    }
}
