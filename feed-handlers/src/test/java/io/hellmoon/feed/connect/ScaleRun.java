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
 * {@link SyntheticExchange} on loopback, measured over a steady minute after every book has synced.
 * <p>
 * In one JVM, through Maven:
 * <pre>
 * mvn -o -q -pl feed-handlers test -Dtest=ScaleRun -Dhellmoon.scale.run=true \
 *     [-Dhellmoon.scale.instruments=2000] [-Dhellmoon.scale.rate=40000] [-Dhellmoon.scale.seconds=60]
 * cat feed-handlers/target/scale-run.txt
 * </pre>
 * or with the exchange in a JVM of its own, so the feed's JVM counts only its own garbage collections
 * ({@code CP} is the module's test class path, e.g. from {@code mvn dependency:build-classpath}):
 * <pre>
 * java $FLAGS -cp $CP io.hellmoon.feed.connect.ScaleRun exchange 2000 40000 &amp;   # prints ws:// and http:// URLs
 * java $FLAGS -cp $CP io.hellmoon.feed.connect.ScaleRun feed ws://127.0.0.1:P/stream http://127.0.0.1:P 2000 60
 * </pre>
 * The WebSocket limits are Binance USD-M's (1,024 streams and 10 control messages a second per connection, 300
 * connection attempts per 5 minutes); the REST weight budget is raised, since the snapshots come from the local
 * server and 2,000 books at Binance's budget take half an hour to sync. Reported: messages a second (frames into the
 * decoders and SBE messages out of the pipeline), bytes allocated per message on the feed's thread, the JVM's GC
 * count and time over the minute, and what the exchange saw of the connections.
 */
@EnabledIfSystemProperty(named = "hellmoon.scale.run", matches = "true")
@Timeout(900)
public class ScaleRun
{
    @Test
    void measure() throws Exception
    {
        final int instruments = Integer.getInteger("hellmoon.scale.instruments", 2000);
        final double rate = Double.parseDouble(System.getProperty("hellmoon.scale.rate", "40000"));
        final int seconds = Integer.getInteger("hellmoon.scale.seconds", 60);
        try (SyntheticExchange exchange = new SyntheticExchange(instruments, rate, 20240808))
        {
            final String source =
                String.format("synthetic USD-M at a target of %,.0f frames/s, exchange in the same JVM", rate);
            final String report = measureFeed(
                exchange.server().wsUrl(), exchange.server().httpUrl(), instruments, seconds, source) +
                exchangeReport(exchange);
            System.out.print(report);
            Files.writeString(Path.of("target", "scale-run.txt"), report, StandardCharsets.UTF_8);
        }
    }

    /**
     * {@code exchange INSTRUMENTS RATE}: serve the synthetic market until killed, printing the URLs and, every 30
     * seconds, what the exchange saw; {@code feed WS_URL REST_URL INSTRUMENTS SECONDS}: run and measure the feed.
     *
     * @param args the mode and its arguments.
     * @throws Exception if the run fails.
     */
    public static void main(final String[] args) throws Exception
    {
        if (args.length >= 3 && "exchange".equals(args[0]))
        {
            try (SyntheticExchange exchange = new SyntheticExchange(
                Integer.parseInt(args[1]), Double.parseDouble(args[2]), 20240808))
            {
                System.out.println(exchange.server().wsUrl() + " " + exchange.server().httpUrl());
                System.out.flush();
                while (!Thread.currentThread().isInterrupted())
                {
                    Thread.sleep(30_000);
                    System.out.print(exchangeReport(exchange));
                    System.out.flush();
                }
            }
        }
        else if (args.length >= 5 && "feed".equals(args[0]))
        {
            final String report = measureFeed(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                "synthetic USD-M from an exchange in another JVM");
            System.out.print(report);
            Files.writeString(Path.of("scale-run.txt"), report, StandardCharsets.UTF_8);
        }
        else
        {
            System.err.println("usage: ScaleRun exchange INSTRUMENTS RATE | feed WS_URL REST_URL INSTRUMENTS SECONDS");
            System.exit(2);
        }
    }

    private static String measureFeed(
        final String wsUrl, final String restUrl, final int instruments, final int seconds, final String source)
        throws Exception
    {
        final AtomicLong published = new AtomicLong();
        final VenueProfile profile = VenueProfile.of("binance-usdm").wsUrl(wsUrl).restUrl(restUrl)
            .weightPerMinute(1_000_000).weightBurst(100_000).restInFlight(16);
        final LiveFeed feed = new LiveFeed(new LiveFeed.Context()
            .profile(profile)
            .allSymbols(true)
            .streams(List.of("trade", "bookTicker", "depth@100ms"))
            .downstream((buffer, offset, length) ->
            {
                published.lazySet(published.get() + 1);
                return true;
            })
            .seed(1));
        try
        {
            final long startNs = System.nanoTime();
            feed.start();
            final long syncDeadline = startNs + TimeUnit.SECONDS.toNanos(300);
            while (onLoop(feed, () -> liveBooks(feed)) < instruments && System.nanoTime() < syncDeadline)
            {
                Thread.sleep(250);
            }
            final long syncedNs = System.nanoTime() - startNs;
            final int liveAtStart = onLoop(feed, () -> liveBooks(feed));
            Thread.sleep(10_000);

            final long gcCountBefore = gcCount();
            final long gcTimeBefore = gcTimeMs();
            final long framesBefore = onLoop(feed, feed::framesDelivered);
            final long publishedBefore = published.get();
            final long allocatedBefore = onLoop(feed, AllocationMeter::allocatedBytes);
            final long measureStart = System.nanoTime();

            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));

            final long allocated = onLoop(feed, AllocationMeter::allocatedBytes) - allocatedBefore;
            final double elapsedS = (System.nanoTime() - measureStart) / 1e9;
            final long frames = onLoop(feed, feed::framesDelivered) - framesBefore;
            final long messages = published.get() - publishedBefore;
            final long gcCount = gcCount() - gcCountBefore;
            final long gcTimeMs = gcTimeMs() - gcTimeBefore;
            final long decodeErrors = onLoop(feed, () -> feed.feed().decodeErrors());
            assertEquals(0, decodeErrors);

            return String.format(
                "Scale run: %,d instruments x 3 streams (trade, bookTicker, depth@100ms), %s, loopback, %d cores, " +
                "%s %s, %s%n" +
                "feed: %d connections for %,d streams (limit %d a connection, %d control messages a second), " +
                "%d connection attempts%n" +
                "books LIVE %,d of %,d after %.1f s; LIVE at the end %,d%n" +
                "measured %.1f s: frames into the decoders %,d (%,.0f /s), SBE messages out %,d (%,.0f /s)%n" +
                "feed thread allocated %,d bytes: %.4f bytes per frame, %.4f per message%n" +
                "GC in the feed's JVM over the measurement: %d collections, %d ms%n" +
                "resyncs %d, gaps %d, decode errors %d, reconnects %d%n",
                instruments, source, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), gcNames(),
                onLoop(feed, () -> feed.connections().connectionCount()),
                onLoop(feed, () -> feed.connections().streamCount()), profile.streamsPerConnection(),
                profile.controlMessagesPerSecond(), onLoop(feed, () -> feed.connections().connectAttempts()),
                liveAtStart, instruments, syncedNs / 1e9, onLoop(feed, () -> liveBooks(feed)),
                elapsedS, frames, frames / elapsedS, messages, messages / elapsedS,
                allocated, allocated / (double)Math.max(1, frames), allocated / (double)Math.max(1, messages),
                gcCount, gcTimeMs,
                onLoop(feed, () -> feed.feed().pipeline().bookManager().resyncs()),
                onLoop(feed, () -> feed.feed().pipeline().bookManager().gaps()), decodeErrors,
                onLoop(feed, () -> feed.connections().reconnects()));
        }
        finally
        {
            feed.close();
        }
    }

    private static String exchangeReport(final SyntheticExchange exchange)
    {
        final LocalExchangeServer server = exchange.server();
        int maxStreams = 0;
        int maxControlPerSecond = 0;
        for (final LocalExchangeServer.Connection connection : server.connections())
        {
            maxStreams = Math.max(maxStreams, connection.streams().size());
            maxControlPerSecond = Math.max(maxControlPerSecond, maxPerSecond(connection));
        }
        return String.format("exchange: %d connections (max %d streams on one), max control messages in any second " +
            "on a connection %d, frames generated %,d, sent %,d, dropped %,d, snapshots served %,d%n",
            server.connections().size(), maxStreams, maxControlPerSecond, exchange.framesGenerated(),
            exchange.framesSent(), exchange.framesDropped(), exchange.snapshotsServed());
    }

    private static int liveBooks(final LiveFeed feed)
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

    private static String gcNames()
    {
        final List<String> names = new ArrayList<>();
        for (final GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans())
        {
            names.add(bean.getName());
        }
        return String.join("/", names);
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
