/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.feed.book.BookManager;
import io.hellmoon.feed.testing.LocalExchangeServer;
import io.hellmoon.feed.testing.SyntheticExchange;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.test.AllocationMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scale run (a measurement, not a unit test): a live feed subscribed to thousands of synthetic USD-M instruments
 * (trade, bookTicker, depth@100ms each) over as many connections as Binance's limits need, streamed by a local
 * {@link SyntheticExchange} on loopback in the same JVM, measured over a steady minute after the books have synced.
 * <pre>
 * mvn -o -q -pl feed-handlers test -Dtest=ScaleRun -Dhellmoon.scale.run=true \
 *     [-Dhellmoon.scale.instruments=2000] [-Dhellmoon.scale.rate=40000] [-Dhellmoon.scale.seconds=60]
 * cat feed-handlers/target/scale-run.txt
 * </pre>
 * The WebSocket limits are Binance USD-M's (1,024 streams and 10 control messages a second per connection, 300
 * connection attempts per 5 minutes); the REST weight budget is raised, since the snapshots come from the local
 * server and 2,000 books at Binance's budget take half an hour to sync. Reported: messages a second (frames into the
 * decoders and SBE messages out of the pipeline), bytes allocated per message on the feed's thread, the JVM's GC
 * count and time over the minute (the exchange's thread shares the JVM; its allocation is reported too), and what the
 * exchange saw of the connections.
 */
@EnabledIfSystemProperty(named = "hellmoon.scale.run", matches = "true")
@Timeout(900)
class ScaleRun
{
    @Test
    void measure() throws Exception
    {
        final int instruments = Integer.getInteger("hellmoon.scale.instruments", 2000);
        final double rate = Double.parseDouble(System.getProperty("hellmoon.scale.rate", "40000"));
        final int seconds = Integer.getInteger("hellmoon.scale.seconds", 60);
        final AtomicLong published = new AtomicLong();
        final List<String> events = new ArrayList<>();

        try (SyntheticExchange exchange = new SyntheticExchange(instruments, rate, 20240808))
        {
            final LocalExchangeServer server = exchange.server();
            final VenueProfile profile = VenueProfile.of("binance-usdm").wsUrl(server.wsUrl())
                .restUrl(server.httpUrl()).weightPerMinute(1_000_000).weightBurst(100_000).restInFlight(16);
            final LiveFeed feed = new LiveFeed(new LiveFeed.Context()
                .profile(profile)
                .allSymbols(true)
                .streams(List.of("trade", "bookTicker", "depth@100ms"))
                .downstream((buffer, offset, length) ->
                {
                    published.lazySet(published.get() + 1);
                    return true;
                })
                .events((event, connection, detail) ->
                {
                    synchronized (events)
                    {
                        events.add(event + " " + connection + " " + detail);
                    }
                })
                .seed(1));
            try
            {
                final long startNs = System.nanoTime();
                feed.start();
                final long syncDeadline = startNs + TimeUnit.SECONDS.toNanos(240);
                while (onLoop(feed, () -> liveBooks(feed, instruments)) < instruments &&
                    System.nanoTime() < syncDeadline)
                {
                    Thread.sleep(250);
                }
                final long syncedNs = System.nanoTime() - startNs;
                final int liveAtStart = onLoop(feed, () -> liveBooks(feed, instruments));
                Thread.sleep(10_000);

                final long[] serverThread = new long[1];
                final long gcCountBefore = gcCount();
                final long gcTimeBefore = gcTimeMs();
                final long framesBefore = onLoop(feed, feed::framesDelivered);
                final long publishedBefore = published.get();
                final long allocatedBefore = onLoop(feed, AllocationMeter::allocatedBytes);
                server.eventLoop().submit(() -> serverThread[0] = AllocationMeter.allocatedBytes()).get();
                final long serverAllocatedBefore = serverThread[0];
                final long measureStart = System.nanoTime();

                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));

                final long allocatedAfter = onLoop(feed, AllocationMeter::allocatedBytes);
                final long elapsedNs = System.nanoTime() - measureStart;
                server.eventLoop().submit(() -> serverThread[0] = AllocationMeter.allocatedBytes()).get();
                final long frames = onLoop(feed, feed::framesDelivered) - framesBefore;
                final long messages = published.get() - publishedBefore;
                final long gcCount = gcCount() - gcCountBefore;
                final long gcTimeMs = gcTimeMs() - gcTimeBefore;
                final double elapsedS = elapsedNs / 1e9;

                final int connections = onLoop(feed, () -> feed.connections().connectionCount());
                final int streams = onLoop(feed, () -> feed.connections().streamCount());
                final long resyncs = onLoop(feed, () -> feed.feed().pipeline().bookManager().resyncs());
                final long gaps = onLoop(feed, () -> feed.feed().pipeline().bookManager().gaps());
                final long decodeErrors = onLoop(feed, () -> feed.feed().decodeErrors());
                final long reconnects = onLoop(feed, () -> feed.connections().reconnects());
                final int liveAtEnd = onLoop(feed, () -> liveBooks(feed, instruments));
                int maxStreamsPerConnection = 0;
                int maxControlPerSecond = 0;
                for (final LocalExchangeServer.Connection connection : server.connections())
                {
                    maxStreamsPerConnection = Math.max(maxStreamsPerConnection, connection.streams().size());
                    maxControlPerSecond = Math.max(maxControlPerSecond, maxPerSecond(connection));
                }

                final String report = String.format(
                    "Scale run: %,d instruments x 3 streams (trade, bookTicker, depth@100ms), synthetic USD-M at a " +
                    "target of %,.0f frames/s, loopback, one JVM, %d cores, %s %s%n" +
                    "connections %d (max %d streams each, limit %d); max control messages in any second on a " +
                    "connection %d (limit %d); connection attempts %d%n" +
                    "books LIVE %,d of %,d after %.1f s (snapshots %,d); LIVE at the end %,d%n" +
                    "measured %.1f s: frames into the decoders %,d (%,.0f /s), SBE messages out %,d (%,.0f /s)%n" +
                    "feed thread allocated %,d bytes: %.4f bytes per frame, %.4f per message%n" +
                    "GC in the JVM over the minute: %d collections, %d ms; exchange thread allocated %,d bytes%n" +
                    "resyncs %d, gaps %d, decode errors %d, reconnects %d, frames the exchange dropped %,d%n",
                    instruments, rate, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"),
                    connections, maxStreamsPerConnection, profile.streamsPerConnection(), maxControlPerSecond,
                    profile.controlMessagesPerSecond(), onLoop(feed, () -> feed.connections().connectAttempts()),
                    liveAtStart, instruments, syncedNs / 1e9, exchange.snapshotsServed(), liveAtEnd,
                    elapsedS, frames, frames / elapsedS, messages, messages / elapsedS,
                    allocatedAfter - allocatedBefore, (allocatedAfter - allocatedBefore) / (double)Math.max(1, frames),
                    (allocatedAfter - allocatedBefore) / (double)Math.max(1, messages),
                    gcCount, gcTimeMs, serverThread[0] - serverAllocatedBefore,
                    resyncs, gaps, decodeErrors, reconnects, exchange.framesDropped());
                System.out.print(report);
                Files.writeString(Path.of("target", "scale-run.txt"), report, StandardCharsets.UTF_8);
                assertEquals(0, decodeErrors);
            }
            finally
            {
                feed.close();
            }
        }
    }

    private static int liveBooks(final LiveFeed feed, final int instruments)
    {
        if (null == feed.feed())
        {
            return 0;
        }
        final BookManager books = feed.feed().pipeline().bookManager();
        int live = 0;
        for (final SubscriptionPlan.Instrument instrument : feed.instruments())
        {
            if (FeedState.LIVE == books.state(instrument.instrumentId()))
            {
                live++;
            }
        }
        return live;
    }

    private static int maxPerSecond(final LocalExchangeServer.Connection connection)
    {
        final List<Long> times = new ArrayList<>();
        for (final LocalExchangeServer.ControlMessage message : connection.received())
        {
            times.add(message.nanoTime());
        }
        int max = 0;
        for (int i = 0, j = 0; i < times.size(); i++)
        {
            while (times.get(i) - times.get(j) >= TimeUnit.SECONDS.toNanos(1))
            {
                j++;
            }
            max = Math.max(max, i - j + 1);
        }
        return max;
    }

    private static <T> T onLoop(final LiveFeed feed, final Callable<T> read) throws Exception
    {
        return feed.eventLoop().eventLoop().submit(read).get(30, TimeUnit.SECONDS);
    }

    private static long gcCount()
    {
        long count = 0;
        for (final GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, bean.getCollectionCount());
        }
        return count;
    }

    private static long gcTimeMs()
    {
        long time = 0;
        for (final GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans())
        {
            time += Math.max(0, bean.getCollectionTime());
        }
        return time;
    }
}
