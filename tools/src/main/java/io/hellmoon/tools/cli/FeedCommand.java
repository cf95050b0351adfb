/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.hellmoon.codecs.HellmoonConfiguration.Stream;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.aeron.AeronPublisher;
import io.hellmoon.codecs.aeron.BackPressurePolicy;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.EmbeddedMediaDriver;
import io.hellmoon.feed.connect.LiveFeed;
import io.hellmoon.feed.connect.VenueProfile;
import io.hellmoon.feed.replay.MarketDataSummary;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code hellmoon feed}: the live feed handler as a process. It connects to a venue (or a simulator, testnet: any
 * endpoint), keeps its subscriptions flowing ({@code ConnectionManager}: limits, pacing, heartbeats, reconnects,
 * rotation, stale marking), decodes and builds books on one event loop thread, and publishes onto the market-data
 * stream.
 * <p>
 * Media driver: an embedded one in a directory of its own by default (printed at start), so a feed runs anywhere
 * without setup; with {@code --aeron-dir} the feed publishes through the driver already running there (a deployment's
 * shared driver, or {@code hellmoon demo}'s), where scanners and {@code hellmoon tail} subscribe.
 * <p>
 * The summary is computed as {@code hellmoon replay}'s is, by a subscriber of the stream in this process, with the
 * connection totals added ({@code reconnects}, {@code stalePeriods}). A line is printed per connection event. The feed
 * stops at {@code --duration}, when no message has arrived for {@code --exit-when-idle}, or on Ctrl-C, publishing its
 * final statistics first.
 */
@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description = {
        "Run the live feed handler: venue WebSocket streams and REST snapshots through the decoders and books",
        "onto the market-data stream, within the venue's limits, surviving disconnects, silence and throttling."})
public final class FeedCommand implements Callable<Integer>
{
    private static final long PUBLISH_RETRY_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(100);

    @Spec
    CommandSpec spec;

    @Mixin
    LiveFeedOptions options;

    @Option(names = "--summary-json", paramLabel = "OUT", description = "Write the market-data summary as JSON.")
    Path summaryJson;

    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "Publish through the media driver running in DIR (default: an embedded driver of its own).")
    String aeronDir;

    @Option(names = "--record", paramLabel = "DIR",
        description = "Also record every frame and snapshot into DIR, for hellmoon replay.")
    Path record;

    @Option(names = "--quiet", description = "Print nothing but errors and the final line.")
    boolean quiet;

    /**
     * {@inheritDoc}
     */
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final VenueProfile profile;
        try
        {
            options.validate();
            profile = options.profile();
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            err.println("hellmoon feed: " + ex.getMessage());
            return 2;
        }

        EmbeddedMediaDriver driver = null;
        Aeron aeron = null;
        AeronPublisher publisher = null;
        Subscription subscription = null;
        LiveFeed feed = null;
        try
        {
            if (null == aeronDir)
            {
                driver = EmbeddedMediaDriver.launch("feed");
                aeron = driver.connect();
            }
            else
            {
                aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir));
            }
            final CounterFactory counters = CounterFactory.aeron(aeron);
            final ExclusivePublication publication =
                aeron.addExclusivePublication(Stream.MD.channel(), Stream.MD.streamId());
            subscription = aeron.addSubscription(Stream.MD.channel(), Stream.MD.streamId());
            // A live feed must not stall its socket for a slow subscriber: retry briefly, then drop and count.
            publisher = new AeronPublisher(publication, BackPressurePolicy.RETRY, new YieldingIdleStrategy(),
                PUBLISH_RETRY_TIMEOUT_NS, counters, "feed md");
            awaitConnected(publisher, subscription);

            final MarketDataSummary summary = new MarketDataSummary(new InstrumentRegistry())
                .includeConnectionTotals(true);
            final ConnectionEventPrinter printer = new ConnectionEventPrinter(profile.name());
            if (!quiet)
            {
                out.println("hellmoon feed " + profile.name() + ": " + profile.wsUrl() + ", REST " +
                    profile.restUrl() + "; market data on " + Stream.MD.channel() + " stream " + Stream.MD.streamId() +
                    " of the media driver at " + aeron.context().aeronDirectoryName() +
                    (null == driver ? "" : " (embedded)"));
                out.flush();
            }

            feed = new LiveFeed(options.context(profile)
                .downstream(publisher)
                .counterFactory(counters)
                .events(printer)
                .recordDirectory(record));
            final FragmentAssembler assembler =
                new FragmentAssembler((buffer, offset, length, header) -> summary.onMessage(buffer, offset, length));
            final Subscription summarySubscription = subscription;
            final int exit = LiveFeedRun.run(feed, printer, quiet ? null : out, err, options.durationNs(),
                () -> summarySubscription.poll(assembler, 256));
            if (0 != exit)
            {
                return exit;
            }

            if (null != summaryJson)
            {
                summary.writeJson(summaryJson);
            }
            out.printf("frames %,d; messages %s; decode errors %d, gaps %d, resyncs %d, crossed books %d, " +
                "reconnects %d, stale periods %d%n", feed.framesDelivered(), summary.messageCounts(),
                summary.decodeErrors(), summary.gaps(), summary.resyncs(), summary.crossedBooks(),
                summary.reconnects(), summary.stalePeriods());
            if (null != record && null != feed.recorder())
            {
                out.println("recorded to " + feed.recorder().framesFile() + " (hellmoon replay --venue " +
                    profile.name() + " " + feed.recorder().framesFile() + ")");
            }
            if (null != summaryJson)
            {
                out.println("summary written to " + summaryJson);
            }
            out.flush();
            return 0;
        }
        finally
        {
            CloseHelper.closeAll(feed, subscription, publisher, aeron, driver);
        }
    }

    private static void awaitConnected(final AeronPublisher publisher, final Subscription subscription)
    {
        final IdleStrategy idle = new BackoffIdleStrategy();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((!publisher.isConnected() || !subscription.isConnected()) && System.nanoTime() < deadline)
        {
            idle.idle();
        }
    }
}
