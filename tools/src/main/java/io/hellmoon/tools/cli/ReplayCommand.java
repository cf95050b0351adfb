/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.hellmoon.codecs.BinanceExchangeInfo;
import io.hellmoon.codecs.HellmoonConfiguration.Stream;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.Venues;
import io.hellmoon.codecs.aeron.AeronPublisher;
import io.hellmoon.codecs.aeron.BackPressurePolicy;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.EmbeddedMediaDriver;
import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.replay.MarketDataSummary;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.feed.replay.Replayer;
import io.hellmoon.sbe.Venue;
import io.hellmoon.tools.archive.MarketDataArchive;
import io.hellmoon.tools.scan.AnomalyJsonlWriter;
import io.hellmoon.tools.scan.ScanStage;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code hellmoon replay}: recorded captures through the live code path (decoders, books, pipeline) onto the
 * market-data stream of an embedded media driver. The summary is computed by a subscriber of that stream from the
 * SBE messages it receives; with {@code --scan} the scanner runs on the stream too and its anomalies are written as
 * JSON lines.
 * <p>
 * Threads: the replayer and feed on one; the stream's subscribers (summary, scanner, anomaly writer) on another. The
 * publisher retries under back pressure without limit, so a replay loses nothing and runs at the pace of its
 * slowest subscriber. Publish times follow the recording (the replay-time clock), so the same replay gives the same
 * messages, byte for byte.
 * <p>
 * With {@code --record-archive DIR} an embedded Aeron Archive records the market-data stream as one more subscriber
 * of it, so {@code hellmoon archive replay} can play the very same messages back later.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
        "Replay recorded captures through the decoders and books onto the market-data stream.",
        "Formats: hftbacktest lines '<receive ns> <json>' (gzip or plain, one symbol per file, files of one",
        "symbol continuing one another in the order given) and cryptofeed sessions (X.ws.N.0 with X.http.0.0",
        "snapshots and X.0 exchangeInfo beside it). The venue is detected from the content unless given."})
public final class ReplayCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--speed", paramLabel = "max|1x|Nx", defaultValue = "max",
        description = "As fast as possible, at recorded speed, or N times faster (default: ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--venue", paramLabel = "V",
        description = "binance-spot, binance-usdm, binance-coinm, binance-us (default: detected).")
    String venue;

    @Option(names = "--summary-json", paramLabel = "OUT", description = "Write the market-data summary as JSON.")
    Path summaryJson;

    @Option(names = "--scan", description = "Run the scanner on the replayed stream.")
    boolean scan;

    @Option(names = "--anomalies-jsonl", paramLabel = "OUT",
        description = "With --scan: write every anomaly event as one JSON line.")
    Path anomaliesJsonl;

    @Option(names = "--exchange-info", paramLabel = "FILE",
        description = "Reference data (a venue's exchangeInfo reply); symbols not in it are then decode errors.")
    List<Path> exchangeInfo;

    @Option(names = "--error-log", paramLabel = "FILE",
        description = "Append samples of bad frames here (default: standard error).")
    Path errorLog;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--record-archive", paramLabel = "DIR",
        description = "Also record the market-data stream into an Aeron Archive in DIR (created if absent, " +
            "recordings added to those there); play it back with 'hellmoon archive replay'.")
    Path recordArchive;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Capture files.")
    List<Path> files;

    /**
     * {@inheritDoc}
     */
    public Integer call() throws Exception
    {
        if (null != anomaliesJsonl && !scan)
        {
            spec.commandLine().getErr().println("hellmoon replay: --anomalies-jsonl needs --scan");
            return 2;
        }
        final ReplaySpeed replaySpeed;
        final Venue explicitVenue;
        try
        {
            replaySpeed = ReplaySpeed.parse(speed);
            explicitVenue = null == venue ? null : Venues.parse(venue);
        }
        catch (final IllegalArgumentException ex)
        {
            spec.commandLine().getErr().println("hellmoon replay: " + ex.getMessage());
            return 2;
        }

        final PrintWriter out = spec.commandLine().getOut();
        final InstrumentRegistry feedRegistry = new InstrumentRegistry();
        if (null != exchangeInfo)
        {
            for (final Path file : exchangeInfo)
            {
                BinanceExchangeInfo.parse(file, explicitVenue).addTo(feedRegistry);
            }
        }

        final long startNs = System.nanoTime();
        final InstrumentRegistry streamRegistry = new InstrumentRegistry();
        final MarketDataSummary summary = new MarketDataSummary(streamRegistry);
        final AnomalyJsonlWriter anomalyWriter = scan ? new AnomalyJsonlWriter() : null;
        final AtomicBoolean feedDone = new AtomicBoolean();
        final AtomicReference<Throwable> feedFailure = new AtomicReference<>();
        long frames;
        long recordingId = -1;

        try (EmbeddedMediaDriver driver = EmbeddedMediaDriver.launch("replay");
            Aeron aeron = driver.connect();
            MarketDataArchive archive = null == recordArchive ?
                null : MarketDataArchive.launch(driver.aeronDirectoryName(), recordArchive))
        {
            final CounterFactory counters = CounterFactory.aeron(aeron);
            final long recordingSubscriptionId = null == archive ?
                -1 : archive.startRecording(Stream.MD.channel(), Stream.MD.streamId());
            final ExclusivePublication mdPublication =
                aeron.addExclusivePublication(Stream.MD.channel(), Stream.MD.streamId());
            final Subscription summarySubscription =
                aeron.addSubscription(Stream.MD.channel(), Stream.MD.streamId());
            final ScanStage scanStage = scan ? new ScanStage(aeron, counters, anomalyWriter) : null;

            final AeronPublisher mdPublisher = new AeronPublisher(
                mdPublication, BackPressurePolicy.RETRY, new YieldingIdleStrategy(), 0, counters, "replay md");
            awaitConnected(mdPublisher, summarySubscription, scanStage);
            if (null != archive)
            {
                recordingId = archive.awaitRecording(mdPublication.sessionId());
            }

            final ManualEpochNanoClock replayTime = new ManualEpochNanoClock(0);
            final MarketDataFeed feed = new MarketDataFeed(
                mdPublisher, feedRegistry, null == exchangeInfo, replayTime, counters, "replay",
                null == explicitVenue ? Venue.NULL_VAL : explicitVenue);
            final Replayer replayer;
            try
            {
                replayer = new Replayer(new Replayer.Context()
                    .files(files)
                    .speed(replaySpeed)
                    .venue(explicitVenue)
                    .registry(feedRegistry)
                    .replayTimeClock(replayTime)
                    .frameHandlers(feed::handlerFor)
                    .endOfStreamHandler(feed.pipeline()::onEndOfStream));
            }
            catch (final IllegalArgumentException ex)
            {
                spec.commandLine().getErr().println("hellmoon replay: " + ex.getMessage());
                CloseHelper.closeAll(feed, mdPublisher, scanStage);
                return 2;
            }

            final Appendable errors = null == errorLog ? spec.commandLine().getErr() : Files.newBufferedWriter(
                errorLog, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            final Thread feedThread = new Thread(() ->
            {
                try
                {
                    final IdleStrategy idle = new BackoffIdleStrategy();
                    while (!replayer.isDone())
                    {
                        idle.idle(replayer.doWork());
                    }
                }
                catch (final Throwable ex)
                {
                    feedFailure.set(ex);
                }
                finally
                {
                    feedDone.set(true);
                }
            }, "hellmoon-replay-feed");
            feedThread.start();

            final FragmentAssembler summaryAssembler =
                new FragmentAssembler((buffer, offset, length, header) -> summary.onMessage(buffer, offset, length));
            final IdleStrategy idle = new BackoffIdleStrategy();
            int quietRounds = 0;
            while (quietRounds < 2)
            {
                final boolean producerDone = feedDone.get();
                int work = summarySubscription.poll(summaryAssembler, 256);
                if (null != scanStage)
                {
                    work += scanStage.doWork();
                }
                quietRounds = producerDone && 0 == work ? quietRounds + 1 : 0;
                idle.idle(work);
            }
            feedThread.join();

            frames = replayer.framesDelivered() + replayer.snapshotsDelivered();
            feed.drainErrors(errors, Integer.MAX_VALUE);
            for (final String sample : replayer.errorSamples())
            {
                errors.append(sample).append(System.lineSeparator());
            }
            if (null != errorLog && errors instanceof Writer writer)
            {
                writer.close();
            }
            if (!quiet)
            {
                replayer.fileDescriptions().forEach(d -> out.println("replayed " + d));
                if (replayer.malformedLines() > 0)
                {
                    out.println("malformed capture lines skipped: " + replayer.malformedLines());
                }
            }
            if (null != archive)
            {
                archive.awaitPosition(recordingId, mdPublication.position());
                archive.stopRecording(recordingSubscriptionId);
            }
            CloseHelper.closeAll(replayer, feed, scanStage, summarySubscription, mdPublisher);
        }

        if (null != feedFailure.get())
        {
            spec.commandLine().getErr().println("hellmoon replay: feed failed: " + feedFailure.get());
            feedFailure.get().printStackTrace();
            return 1;
        }

        if (null != summaryJson)
        {
            summary.writeJson(summaryJson);
        }
        if (null != anomaliesJsonl)
        {
            anomalyWriter.write(anomaliesJsonl, streamRegistry);
        }
        if (!quiet)
        {
            final double seconds = (System.nanoTime() - startNs) / 1e9;
            out.printf("frames %,d in %.2f s (%,.0f frames/s); messages %s; decode errors %d, gaps %d, resyncs %d, " +
                "crossed books %d%n", frames, seconds, frames / seconds, summary.messageCounts(),
                summary.decodeErrors(), summary.gaps(), summary.resyncs(), summary.crossedBooks());
            if (null != anomalyWriter)
            {
                out.printf("anomalies %,d%s%n", anomalyWriter.count(),
                    null != anomaliesJsonl ? " written to " + anomaliesJsonl : "");
            }
            if (null != summaryJson)
            {
                out.println("summary written to " + summaryJson);
            }
            if (null != recordArchive)
            {
                out.println("market-data stream recorded as recording " + recordingId + " in " + recordArchive);
            }
        }
        return 0;
    }

    private static void awaitConnected(
        final AeronPublisher publisher, final Subscription subscription, final ScanStage scanStage)
    {
        final IdleStrategy idle = new BackoffIdleStrategy();
        while (!publisher.isConnected() || !subscription.isConnected() ||
            (null != scanStage && !scanStage.isConnected()))
        {
            idle.idle();
        }
    }
}
