/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.aeron.archive.client.AeronArchive;
import io.aeron.archive.status.RecordingPos;
import io.hellmoon.codecs.HellmoonConfiguration.Stream;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.aeron.EmbeddedMediaDriver;
import io.hellmoon.feed.replay.MarketDataSummary;
import io.hellmoon.tools.archive.MarketDataArchive;
import org.agrona.CloseHelper;
import org.agrona.SystemUtil;
import org.agrona.concurrent.ShutdownSignalBarrier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code hellmoon archive}: Hellmoon streams in an Aeron Archive. {@code record} records a stream of a running
 * appliance, {@code list} shows what an archive holds, {@code replay} plays a recording back onto the market-data
 * stream through a subscriber that computes the same summary as {@code hellmoon replay}. A replay of captures records
 * its own stream with {@code hellmoon replay --record-archive DIR}.
 */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    description = "Record Hellmoon streams into an Aeron Archive and replay them.",
    subcommands = {
        ArchiveCommand.Record.class,
        ArchiveCommand.ListRecordings.class,
        ArchiveCommand.Replay.class
    })
public final class ArchiveCommand implements Runnable
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
     * {@code hellmoon archive record}: the archive role, recording a stream of a running media driver.
     */
    @Command(
        name = "record",
        mixinStandardHelpOptions = true,
        description = {
            "Record a stream of a running appliance (its media driver) into an archive directory, until interrupted",
            "or for a duration. Recordings are added to those already in the directory."})
    public static final class Record implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Mixin
        AeronDirOption aeronDir;

        @Option(names = "--archive", paramLabel = "DIR", required = true, description = "Archive directory.")
        Path archive;

        @Option(names = "--stream", paramLabel = "NAME|ID", defaultValue = "md",
            description = "Stream to record: md, scan, intent, exec, control or a stream id " +
                "(default: ${DEFAULT-VALUE}).")
        String stream;

        @Option(names = "--duration", paramLabel = "D", description = "Stop after this long, e.g. 30s or PT5M.")
        String duration;

        /**
         * {@inheritDoc}
         */
        public Integer call()
        {
            final Stream recorded;
            final long durationNs;
            try
            {
                recorded = Stream.parse(stream);
                durationNs = null == duration ? -1 : parseDuration(duration);
            }
            catch (final IllegalArgumentException ex)
            {
                spec.commandLine().getErr().println("hellmoon archive record: " + ex.getMessage());
                return 2;
            }

            final PrintWriter out = spec.commandLine().getOut();
            try (MarketDataArchive archiveHandle = MarketDataArchive.launch(aeronDir.aeronDir(), archive))
            {
                final long subscriptionId = archiveHandle.startRecording(recorded.channel(), recorded.streamId());
                out.printf("recording %s (%s, stream %d) into %s%n", recorded.name().toLowerCase(Locale.ROOT),
                    recorded.channel(), recorded.streamId(), archive);
                out.flush();
                if (durationNs >= 0)
                {
                    sleep(durationNs);
                }
                else
                {
                    new ShutdownSignalBarrier().await();
                }
                archiveHandle.stopRecording(subscriptionId);
                printRecordings(out, archiveHandle.recordings());
            }
            return 0;
        }

        private static void sleep(final long durationNs)
        {
            try
            {
                TimeUnit.NANOSECONDS.sleep(durationNs);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * {@code hellmoon archive list}: the recordings of an archive.
     */
    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the recordings of an archive directory.")
    public static final class ListRecordings implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--archive", paramLabel = "DIR", required = true, description = "Archive directory.")
        Path archive;

        /**
         * {@inheritDoc}
         */
        public Integer call()
        {
            if (!isArchive(archive))
            {
                spec.commandLine().getErr().println("hellmoon archive list: no archive in " + archive);
                return 2;
            }
            try (EmbeddedMediaDriver driver = EmbeddedMediaDriver.launch("archive-list");
                MarketDataArchive archiveHandle = MarketDataArchive.launch(driver.aeronDirectoryName(), archive))
            {
                printRecordings(spec.commandLine().getOut(), archiveHandle.recordings());
            }
            return 0;
        }
    }

    /**
     * {@code hellmoon archive replay}: a recording back onto the market-data stream, summarised by a subscriber.
     */
    @Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Replay a recording onto the market-data stream, as fast as the archive reads, through a subscriber that",
            "computes the same summary as 'hellmoon replay'. Without --aeron-dir an embedded media driver carries it;",
            "with it, the stream of a running appliance does, where its scanner sees the replay."})
    public static final class Replay implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--archive", paramLabel = "DIR", required = true, description = "Archive directory.")
        Path archive;

        @Option(names = "--recording-id", paramLabel = "N", description = "Recording to replay (default: the newest).")
        Long recordingId;

        @Option(names = "--aeron-dir", paramLabel = "DIR",
            description = "Replay onto the market-data stream of the media driver in DIR instead of an embedded one.")
        String aeronDir;

        @Option(names = "--summary-json", paramLabel = "OUT", description = "Write the market-data summary as JSON.")
        Path summaryJson;

        @Option(names = "--quiet", description = "Print nothing but errors.")
        boolean quiet;

        /**
         * {@inheritDoc}
         */
        public Integer call() throws Exception
        {
            if (!isArchive(archive))
            {
                spec.commandLine().getErr().println("hellmoon archive replay: no archive in " + archive);
                return 2;
            }
            final PrintWriter out = spec.commandLine().getOut();
            final MarketDataSummary summary = new MarketDataSummary(new InstrumentRegistry());
            final long startNs = System.nanoTime();
            final long messages;
            final long replayedId;

            final EmbeddedMediaDriver driver = null == aeronDir ? EmbeddedMediaDriver.launch("archive-replay") : null;
            try (MarketDataArchive archiveHandle = MarketDataArchive.launch(
                null == driver ? aeronDir : driver.aeronDirectoryName(), archive))
            {
                replayedId = null == recordingId ? archiveHandle.latestRecordingId() : recordingId;
                if (RecordingPos.NULL_RECORDING_ID == replayedId)
                {
                    spec.commandLine().getErr().println("hellmoon archive replay: the archive holds no recording");
                    return 2;
                }
                final boolean known = archiveHandle.recordings().stream()
                    .anyMatch((recording) -> recording.recordingId() == replayedId &&
                        AeronArchive.NULL_POSITION != recording.stopPosition());
                if (!known)
                {
                    spec.commandLine().getErr().println("hellmoon archive replay: no complete recording " +
                        replayedId + " in " + archive + " (see 'hellmoon archive list')");
                    return 2;
                }
                messages = archiveHandle.replay(
                    replayedId, Stream.MD.channel(), Stream.MD.streamId(), summary::onMessage);
            }
            finally
            {
                CloseHelper.close(driver);
            }

            if (null != summaryJson)
            {
                summary.writeJson(summaryJson);
            }
            if (!quiet)
            {
                final double seconds = (System.nanoTime() - startNs) / 1e9;
                out.printf("recording %d: %,d messages in %.2f s (%,.0f messages/s); messages %s; decode errors %d, " +
                    "gaps %d, resyncs %d, crossed books %d%n", replayedId, messages, seconds, messages / seconds,
                    summary.messageCounts(), summary.decodeErrors(), summary.gaps(), summary.resyncs(),
                    summary.crossedBooks());
                if (null != summaryJson)
                {
                    out.println("summary written to " + summaryJson);
                }
            }
            return 0;
        }
    }

    /**
     * Whether a directory holds an archive (its catalog), so a mistyped path is not silently made into an empty one.
     *
     * @param directory to check.
     * @return true if it holds an archive catalog.
     */
    static boolean isArchive(final Path directory)
    {
        return Files.isRegularFile(directory.resolve("archive.catalog"));
    }

    static void printRecordings(final PrintWriter out, final List<MarketDataArchive.Recording> recordings)
    {
        out.printf("%-6s %-24s %-24s %14s %8s  %s%n", "id", "started", "stopped", "bytes", "stream", "channel");
        for (final MarketDataArchive.Recording recording : recordings)
        {
            out.printf("%-6d %-24s %-24s %14s %8d  %s%n", recording.recordingId(),
                Instant.ofEpochMilli(recording.startTimestampMs()),
                AeronArchive.NULL_TIMESTAMP == recording.stopTimestampMs() ?
                    "(recording)" : Instant.ofEpochMilli(recording.stopTimestampMs()).toString(),
                recording.length() < 0 ? "-" : String.format("%,d", recording.length()),
                recording.streamId(), recording.channel());
        }
        out.flush();
    }

    static long parseDuration(final String text)
    {
        final String trimmed = text.trim();
        try
        {
            if (trimmed.toUpperCase(Locale.ROOT).startsWith("P"))
            {
                return Duration.parse(trimmed).toNanos();
            }
            return SystemUtil.parseDuration("--duration", trimmed);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException("--duration " + text + ": expected e.g. 30s, 500ms or PT5M");
        }
    }
}
