/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.feed.connect.LiveFeed;
import io.hellmoon.feed.connect.VenueProfile;
import io.hellmoon.feed.replay.MarketDataSummary;
import org.agrona.CloseHelper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hellmoon record}: connect to a venue like {@code hellmoon feed} and write every frame and REST snapshot the
 * decoders receive, with its receive time, into a session {@code hellmoon replay} reads back: {@code <session>.ws.1.0}
 * (frames), {@code <session>.http.0.0} (snapshots) and {@code <session>.0} (exchangeInfo), see {@code FrameRecorder}.
 * The decoders and books run as in the feed, so snapshots are fetched exactly when books need them and a recording
 * holds what a replay needs to sync its books; nothing is published (the summary is computed in process).
 */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
        "Record a venue's live streams and REST snapshots with their receive times, in the format",
        "hellmoon replay reads (a session: <session>.ws.1.0, <session>.http.0.0, <session>.0)."})
public final class RecordCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    LiveFeedOptions options;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory of the recording.")
    Path out;

    @Option(names = "--session", paramLabel = "NAME",
        description = "File name prefix (default: the venue and the start time, e.g. binance-usdm-20240808T235415Z).")
    String session;

    @Option(names = "--summary-json", paramLabel = "OUT",
        description = "Write the summary of what was recorded, as hellmoon replay would give it.")
    Path summaryJson;

    @Option(names = "--quiet", description = "Print nothing but errors and the final line.")
    boolean quiet;

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final VenueProfile profile;
        try
        {
            options.validate();
            profile = options.profile();
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            err.println("hellmoon record: " + ex.getMessage());
            return 2;
        }

        final MarketDataSummary summary = new MarketDataSummary(new InstrumentRegistry()).includeConnectionTotals(true);
        final ConnectionEventPrinter printer = new ConnectionEventPrinter(profile.name());
        final LiveFeed feed = new LiveFeed(options.context(profile)
            .downstream((buffer, offset, length) ->
            {
                summary.onMessage(buffer, offset, length);
                return true;
            })
            .events(printer)
            .recordDirectory(out)
            .recordSession(session));
        try
        {
            if (!quiet)
            {
                stdout.println("hellmoon record " + profile.name() + ": " + profile.wsUrl() + ", REST " +
                    profile.restUrl() + " into " + out);
                stdout.flush();
            }
            final int exit = LiveFeedRun.run(feed, printer, quiet ? null : stdout, err, options.durationNs(), () -> 0);
            if (0 != exit)
            {
                return exit;
            }
            if (null != summaryJson)
            {
                summary.writeJson(summaryJson);
            }
            final long frames = null == feed.recorder() ? 0 : feed.recorder().framesRecorded();
            final long snapshots = null == feed.recorder() ? 0 : feed.recorder().snapshotsRecorded();
            stdout.printf("recorded %,d frames and %,d snapshots to %s%n", frames, snapshots,
                null == feed.recorder() ? out : feed.recorder().framesFile());
            if (null != feed.recorder())
            {
                stdout.println("replay: hellmoon replay --venue " + profile.name() + " " +
                    feed.recorder().framesFile());
            }
            stdout.flush();
            return 0;
        }
        finally
        {
            CloseHelper.close(feed);
        }
    }
}
