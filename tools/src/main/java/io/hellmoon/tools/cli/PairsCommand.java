/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.feed.replay.Replayer;
import io.hellmoon.feed.synthetic.SyntheticMarket;
import io.hellmoon.sbe.BarDecoder;
import io.hellmoon.sbe.BooleanType;
import io.hellmoon.sbe.Decimal64Decoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.TradeDecoder;
import io.hellmoon.sbe.Venue;
import io.hellmoon.scanner.pairs.BarSeries;
import io.hellmoon.scanner.pairs.CointegrationResult;
import io.hellmoon.scanner.pairs.CointegrationScanner;
import io.hellmoon.scanner.pairs.KlineCsvReader;
import io.hellmoon.scanner.pairs.LagSelection;
import io.hellmoon.scanner.pairs.PairsScanReport;
import io.hellmoon.scanner.pairs.Timeframe;
import io.hellmoon.scanner.pairs.TradeBarAggregator;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code hellmoon pairs}: pairs-trading analytics. {@code pairs scan} runs Engle-Granger over every pair of a
 * universe of bars and ranks the cointegrated ones; see {@code scanner/PAIRS.md}.
 */
@Command(
    name = "pairs",
    mixinStandardHelpOptions = true,
    description = "Pairs trading analytics: cointegration scans of a universe.",
    subcommands = { PairsCommand.Scan.class })
public final class PairsCommand implements Runnable
{
    @Spec
    CommandSpec spec;

    /**
     * Without a subcommand, print the usage.
     */
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code hellmoon pairs scan}: bars from kline CSV files, from trades of replayed captures and/or from a
     * synthetic market's history, aligned on one timeframe; every pair tested (OLS hedge ratio of log prices, ADF of
     * the residuals, MacKinnon p-value, half-life, correlation of returns), filtered, ranked by p-value then
     * half-life, printed and exported as CSV and JSON. Bad input fails with exit code 2, naming the file and line.
     */
    @Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = {
            "Engle-Granger cointegration over every pair of a universe of bars, ranked by p-value then half-life.",
            "Bars: Binance kline CSV files (--bars, e.g. ADABTC-1m-2021-11-27.csv; symbol and interval from the",
            "file name), trades of replayed captures aggregated into bars (--replay, the formats of 'hellmoon",
            "replay'), or a synthetic market's 1m history (--synthetic N)."})
    public static final class Scan implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--bars", paramLabel = "FILE", arity = "1..*", description = "Kline CSV files.")
        List<Path> bars;

        @Option(names = "--replay", paramLabel = "FILE", arity = "1..*",
            description = "Captures whose trades are aggregated into bars of the timeframe.")
        List<Path> replay;

        @Option(names = "--synthetic", paramLabel = "N",
            description = "Add N instruments of the synthetic market (1m history bars; a demo universe).")
        int synthetic;

        @Option(names = "--synthetic-bars", paramLabel = "B", defaultValue = "1440",
            description = "History bars per synthetic instrument (default: ${DEFAULT-VALUE}).")
        int syntheticBars;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the synthetic market (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--timeframe", paramLabel = "TF", defaultValue = "1m",
            description = "Bar timeframe: 1s, 1m, 5m, 15m, 30m, 1h, 4h, 1d (default: ${DEFAULT-VALUE}).")
        String timeframe;

        @Option(names = "--min-correlation", paramLabel = "R", defaultValue = "0.0",
            description = "Smallest correlation of the legs' log returns (default: ${DEFAULT-VALUE}).")
        double minCorrelation;

        @Option(names = "--min-volume", paramLabel = "V", defaultValue = "0",
            description = "Smallest quote volume per day of each leg, in its quote asset (default: ${DEFAULT-VALUE}).")
        double minVolume;

        @Option(names = "--max-pvalue", paramLabel = "P", defaultValue = "0.05",
            description = "Largest cointegration p-value kept (default: ${DEFAULT-VALUE}).")
        double maxPValue;

        @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "Pairs kept, 0 for all (default: ${DEFAULT-VALUE}).")
        int top;

        @Option(names = "--min-observations", paramLabel = "N", defaultValue = "50",
            description = "Smallest number of bars the legs share (default: ${DEFAULT-VALUE}).")
        int minObservations;

        @Option(names = "--lags", paramLabel = "aic|N", defaultValue = "aic",
            description = "ADF lags: chosen by AIC up to --max-lags, or a fixed number (default: ${DEFAULT-VALUE}).")
        String lags;

        @Option(names = "--max-lags", paramLabel = "N", defaultValue = "-1",
            description = "Largest lag for the AIC search; -1: ceil(12 (T/100)^(1/4)) (default: ${DEFAULT-VALUE}).")
        int maxLags;

        @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the available processors).")
        Integer threads;

        @Option(names = "--csv", paramLabel = "OUT", description = "Write the ranked pairs as CSV.")
        Path csv;

        @Option(names = "--json", paramLabel = "OUT", description = "Write the scan as JSON.")
        Path json;

        @Option(names = "--quiet", description = "Print nothing but errors.")
        boolean quiet;

        /**
         * {@inheritDoc}
         */
        public Integer call() throws IOException
        {
            final PrintWriter err = spec.commandLine().getErr();
            if ((null == bars || bars.isEmpty()) && (null == replay || replay.isEmpty()) && synthetic <= 0)
            {
                err.println("hellmoon pairs scan: give bars with --bars, --replay or --synthetic");
                return 2;
            }

            final CointegrationScanner.Context ctx = new CointegrationScanner.Context();
            final Timeframe tf;
            try
            {
                tf = Timeframe.parse(timeframe);
                ctx.timeframe(tf)
                    .minCorrelation(minCorrelation)
                    .minDailyQuoteVolume(minVolume)
                    .maxPValue(maxPValue)
                    .top(top)
                    .minObservations(minObservations);
                if ("aic".equals(lags.toLowerCase(Locale.ROOT)))
                {
                    ctx.lagSelection(LagSelection.AIC).maxLags(maxLags);
                }
                else
                {
                    ctx.lagSelection(LagSelection.FIXED).maxLags(parseLags(lags));
                }
                if (null != threads)
                {
                    ctx.threads(threads);
                }
                ctx.conclude();
                if (synthetic < 0 || synthetic > 10_000 || (synthetic > 0 && syntheticBars < 1))
                {
                    throw new IllegalArgumentException("--synthetic must be in [0, 10000] and --synthetic-bars >= 1");
                }
            }
            catch (final IllegalArgumentException ex)
            {
                err.println("hellmoon pairs scan: " + ex.getMessage());
                return 2;
            }

            final long startNs = System.nanoTime();
            final List<BarSeries> series = new ArrayList<>();
            final PairsScanReport report;
            try
            {
                if (null != bars && !bars.isEmpty())
                {
                    series.addAll(KlineCsvReader.read(bars));
                }
                if (null != replay && !replay.isEmpty())
                {
                    series.addAll(replayBars(replay, tf, err));
                }
                if (synthetic > 0)
                {
                    series.addAll(syntheticBars(synthetic, syntheticBars, seed));
                }
                checkUniqueSymbols(series);
                report = new CointegrationScanner(ctx).scan(series);
            }
            catch (final IllegalArgumentException ex)
            {
                err.println("hellmoon pairs scan: " + ex.getMessage());
                return 2;
            }

            if (null != csv)
            {
                try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8))
                {
                    report.writeCsv(out);
                }
            }
            if (null != json)
            {
                try (Writer out = Files.newBufferedWriter(json, StandardCharsets.UTF_8))
                {
                    report.writeJson(out);
                }
            }
            if (!quiet)
            {
                print(spec.commandLine().getOut(), report, (System.nanoTime() - startNs) / 1e9);
            }
            return 0;
        }

        private static int parseLags(final String lags)
        {
            try
            {
                return Integer.parseInt(lags);
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("--lags must be 'aic' or a number of lags: " + lags);
            }
        }

        private static void checkUniqueSymbols(final List<BarSeries> series)
        {
            final Map<String, String> sources = new HashMap<>();
            for (final BarSeries s : series)
            {
                final String previous = sources.put(s.symbol(), s.source());
                if (null != previous)
                {
                    throw new IllegalArgumentException("symbol " + s.symbol() + " comes from both " + previous +
                        " and " + s.source());
                }
            }
        }

        private static void print(final PrintWriter out, final PairsScanReport report, final double seconds)
        {
            out.printf(Locale.ROOT, "pairs scan: %d symbols (%d after the volume filter), %d %s bars, " +
                "%d pairs considered, %d tested, %d at or below the p-value limit, %.2f s%n",
                report.symbols(), report.symbolsAfterVolume(), report.bars(), report.timeframe().label(),
                report.pairsConsidered(), report.pairsTested(), report.pairsPassing(), seconds);
            out.printf(Locale.ROOT, "filtered: %d too short, %d low correlation, %d degenerate, %d above the " +
                "p-value limit%n", report.tooShort(), report.lowCorrelation(), report.degenerate(),
                report.aboveMaxPValue());
            if (report.pairs().isEmpty())
            {
                return;
            }
            out.printf(Locale.ROOT, "%4s  %-22s %-22s %11s %9s %11s %11s %7s %6s%n",
                "rank", "leg1", "leg2", "hedge", "adf", "p-value", "half-life", "corr", "obs");
            int rank = 1;
            for (final CointegrationResult r : report.pairs())
            {
                out.printf(Locale.ROOT, "%4d  %-22s %-22s %11.5f %9.3f %11.3e %9.1f %s %7.3f %6d%n",
                    rank++, r.leg1(), r.leg2(), r.hedgeRatio(), r.adfStatistic(), r.pValue(),
                    r.halfLifeBars(), report.timeframe().label(), r.correlation(), r.observations());
            }
            out.flush();
        }

        /**
         * Replay captures through the feed's decoders and aggregate their trades into bars; instruments are named
         * by symbol, or VENUE:SYMBOL where one symbol trades on several venues. Malformed capture lines are skipped
         * as by {@code hellmoon replay} and reported on {@code err} with their file and line.
         */
        static List<BarSeries> replayBars(final List<Path> files, final Timeframe timeframe, final PrintWriter err)
        {
            final InstrumentRegistry registry = new InstrumentRegistry();
            final TradeBarAggregator aggregator = new TradeBarAggregator(timeframe);
            final MessageSink sink = new TradeSink(aggregator);
            final ManualEpochNanoClock replayTime = new ManualEpochNanoClock(0);
            final MarketDataFeed feed = new MarketDataFeed(
                sink, registry, true, replayTime, CounterFactory.local(256), "pairs", Venue.NULL_VAL);
            Replayer replayer = null;
            try
            {
                replayer = new Replayer(new Replayer.Context()
                    .files(files)
                    .speed(ReplaySpeed.MAX)
                    .registry(registry)
                    .replayTimeClock(replayTime)
                    .frameHandlers(feed::handlerFor)
                    .endOfStreamHandler(feed.pipeline()::onEndOfStream));
                replayer.run();
                if (replayer.malformedLines() > 0 || replayer.readErrors() > 0)
                {
                    // as in 'hellmoon replay': unusable lines are skipped, not fatal; say which
                    err.println("hellmoon pairs scan: skipped " + replayer.malformedLines() + " malformed lines and " +
                        replayer.readErrors() + " read errors in the captures, e.g.:");
                    for (final String sample : replayer.errorSamples())
                    {
                        err.println("  " + sample);
                    }
                }
            }
            finally
            {
                CloseHelper.closeAll(replayer, feed);
            }

            final Map<String, Integer> symbolCounts = new TreeMap<>();
            registry.forEach((instrument) -> symbolCounts.merge(instrument.symbol(), 1, Integer::sum));
            final StringBuilder source = new StringBuilder();
            for (final Path file : files)
            {
                source.append(0 == source.length() ? "" : ", ").append(file.getFileName());
            }
            return aggregator.series(
                (id) -> symbolCounts.getOrDefault(registry.symbol(id), 0) > 1 ? registry.key(id) : registry.symbol(id),
                source.toString());
        }

        /**
         * The synthetic market's closed 1m history klines, through the feed's decoder, as bar series.
         */
        static List<BarSeries> syntheticBars(final int instruments, final int historyBars, final long seed)
        {
            final InstrumentRegistry registry = new InstrumentRegistry();
            final BarSink sink = new BarSink();
            final ManualEpochNanoClock clock = new ManualEpochNanoClock(0);
            final MarketDataFeed feed = new MarketDataFeed(
                sink, registry, false, clock, CounterFactory.local(256), "pairs", Venue.SYNTHETIC);
            try
            {
                final SyntheticMarket market = new SyntheticMarket(new SyntheticMarket.Context()
                    .instrumentCount(instruments)
                    .seed(seed)
                    .venue(Venue.SYNTHETIC)
                    .startTimeNs(1_704_067_200_000_000_000L)
                    .historyBars(historyBars)
                    .registry(registry), feed.handlerFor(Venue.SYNTHETIC));
                while (market.emitHistory(4096) > 0)
                {
                    // deliver the whole history
                }
            }
            finally
            {
                CloseHelper.close(feed);
            }

            final Map<String, BarSeries> sorted = new TreeMap<>();
            final Int2ObjectHashMap<BarSeries.Builder>.KeyIterator ids = sink.builders.keySet().iterator();
            while (ids.hasNext())
            {
                final int id = ids.nextInt();
                final BarSeries bars =
                    rename(sink.builders.get(id).build(), registry.symbol(id), "synthetic seed " + seed);
                sorted.put(bars.symbol(), bars);
            }
            return new ArrayList<>(sorted.values());
        }

        private static BarSeries rename(final BarSeries bars, final String symbol, final String source)
        {
            final BarSeries.Builder builder = new BarSeries.Builder(symbol, bars.intervalNs()).source(source);
            for (int i = 0; i < bars.size(); i++)
            {
                builder.add(bars.openTimeNs(i), bars.close(i), bars.quoteVolume(i));
            }
            return builder.build();
        }
    }

    /**
     * Decodes {@code Trade} messages into a bar aggregator (trade time, else event time).
     */
    static final class TradeSink implements MessageSink
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final TradeDecoder trade = new TradeDecoder();
        private final TradeBarAggregator aggregator;

        TradeSink(final TradeBarAggregator aggregator)
        {
            this.aggregator = aggregator;
        }

        public boolean offer(final DirectBuffer buffer, final int offset, final int length)
        {
            header.wrap(buffer, offset);
            if (TradeDecoder.SCHEMA_ID == header.schemaId() && TradeDecoder.TEMPLATE_ID == header.templateId())
            {
                trade.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
                    header.version());
                final long timeNs = TradeDecoder.tradeTimeNsNullValue() != trade.tradeTimeNs() ?
                    trade.tradeTimeNs() : TradeDecoder.eventTimeNsNullValue() != trade.eventTimeNs() ?
                    trade.eventTimeNs() : trade.receiveTimeNs();
                aggregator.onTrade(
                    trade.instrumentId(),
                    timeNs,
                    trade.price() * Math.pow(10.0, trade.priceExponent()),
                    trade.size() * Math.pow(10.0, trade.sizeExponent()));
            }
            return true;
        }
    }

    /**
     * Collects closed {@code Bar} messages per instrument.
     */
    static final class BarSink implements MessageSink
    {
        final Int2ObjectHashMap<BarSeries.Builder> builders = new Int2ObjectHashMap<>();
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final BarDecoder bar = new BarDecoder();

        public boolean offer(final DirectBuffer buffer, final int offset, final int length)
        {
            header.wrap(buffer, offset);
            if (BarDecoder.SCHEMA_ID == header.schemaId() && BarDecoder.TEMPLATE_ID == header.templateId())
            {
                bar.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
                if (BooleanType.TRUE == bar.closed())
                {
                    BarSeries.Builder builder = builders.get(bar.instrumentId());
                    if (null == builder)
                    {
                        builder = new BarSeries.Builder(
                            Integer.toString(bar.instrumentId()), bar.closeTimeNs() - bar.openTimeNs() + 1_000_000L);
                        builders.put(bar.instrumentId(), builder);
                    }
                    final Decimal64Decoder quoteVolume = bar.quoteVolume();
                    final double volume = Decimal64Decoder.mantissaNullValue() == quoteVolume.mantissa() ? 0.0 :
                        quoteVolume.mantissa() * Math.pow(10.0, quoteVolume.exponent());
                    builder.add(bar.openTimeNs(), bar.closePrice() * Math.pow(10.0, bar.priceExponent()), volume);
                }
            }
            return true;
        }
    }
}
