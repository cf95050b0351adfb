/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.appliance;

import io.aeron.Aeron;
import io.hellmoon.codecs.HellmoonConfiguration;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.aeron.AeronPublisher;
import io.hellmoon.codecs.aeron.BackPressurePolicy;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.EmbeddedMediaDriver;
import io.hellmoon.executor.ExecutorAgent;
import io.hellmoon.executor.ExecutorContext;
import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.feed.replay.Replayer;
import io.hellmoon.feed.synthetic.SyntheticMarket;
import io.hellmoon.router.Router;
import io.hellmoon.router.RouterAgent;
import io.hellmoon.router.sdl.LoadResult;
import io.hellmoon.router.sdl.ResolvedStrategy;
import io.hellmoon.router.sdl.StrategyLoader;
import io.hellmoon.sbe.Venue;
import io.hellmoon.scanner.ScannerAgent;
import io.hellmoon.scanner.ScannerContext;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The whole appliance in one JVM, assembled from the same components a multi-process deployment runs: an embedded
 * media driver; the feed (synthetic market or replayed captures, decoders, books) publishing the market-data stream;
 * the scanner, router and executor as agents on their own streams; and a {@link DemoMonitor} watching every stream.
 * Used by {@code hellmoon demo} and by the latency harness, so what the harness measures is what the demo runs.
 * <p>
 * Threads: the driver (shared mode), the feed, and the components (scanner, router and executor composed on one
 * thread); the caller's thread polls the monitor. All components share one clock, so hop latencies compare like with
 * like.
 */
public final class Appliance implements AutoCloseable
{
    /**
     * Latency recorded in the first seconds of live data (JIT compilation, page faults on fresh term buffers) is
     * discarded, as a benchmark discards its warm-up iterations. Start-up history is never measured: its receive
     * times are in the past by design.
     */
    public static final long LATENCY_WARM_UP_NS = TimeUnit.SECONDS.toNanos(2);

    /**
     * Settings that make a short run (the demo, the latency harness) show the pipeline at work within seconds: scanner
     * warm-ups shorter than in production, anomalies injected more often and from the first seconds, and an hour of
     * 1m kline history at start so ATR and regimes exist at once. See {@link #applyShortRunProfile()}.
     */
    public static final Map<String, String> SHORT_RUN_PROFILE = Map.of(
        "hellmoon.synthetic.anomaly.rate.per.instrument.hour", "2.5",
        "hellmoon.synthetic.anomaly.warm.up", "5s",
        "hellmoon.synthetic.history.bars", "60",
        "hellmoon.scanner.volume.spike.warmup", "8s",
        "hellmoon.scanner.volume.spike.ratio", "8",
        "hellmoon.scanner.volume.spike.min.notional", "10000",
        "hellmoon.scanner.volatility.short.window", "10s",
        "hellmoon.scanner.volatility.long.window", "120s",
        "hellmoon.scanner.volatility.warmup", "20s");

    /**
     * What to assemble.
     */
    public static final class Context
    {
        private String aeronDir;
        private int instruments = 2_000;
        private double rate = 10_000;
        private long seed = 20_240_808L;
        private Path strategiesDir;
        private List<Path> replay;
        private ReplaySpeed replaySpeed = ReplaySpeed.RECORDED;
        private EpochNanoClock clock;
        private Supplier<IdleStrategy> idleStrategy = () -> new BackoffIdleStrategy(
            100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
        private PrintWriter out;
        private boolean printEvents = true;
        private ErrorHandler errorHandler = Throwable::printStackTrace;

        /**
         * Driver directory; null launches one in a unique directory.
         *
         * @param aeronDir directory.
         * @return this.
         */
        public Context aeronDir(final String aeronDir)
        {
            this.aeronDir = aeronDir;
            return this;
        }

        /**
         * Synthetic instruments.
         *
         * @param instruments count.
         * @return this.
         */
        public Context instruments(final int instruments)
        {
            this.instruments = instruments;
            return this;
        }

        /**
         * Synthetic venue frames per second across the universe.
         *
         * @param rate frames per second.
         * @return this.
         */
        public Context rate(final double rate)
        {
            this.rate = rate;
            return this;
        }

        /**
         * Synthetic market seed.
         *
         * @param seed the seed.
         * @return this.
         */
        public Context seed(final long seed)
        {
            this.seed = seed;
            return this;
        }

        /**
         * SDL strategy folder.
         *
         * @param strategiesDir folder.
         * @return this.
         */
        public Context strategiesDir(final Path strategiesDir)
        {
            this.strategiesDir = strategiesDir;
            return this;
        }

        /**
         * Replay these captures instead of the synthetic market.
         *
         * @param replay files, or null for the synthetic market.
         * @param speed  pace.
         * @return this.
         */
        public Context replay(final List<Path> replay, final ReplaySpeed speed)
        {
            this.replay = replay;
            this.replaySpeed = speed;
            return this;
        }

        /**
         * The clock every component shares.
         *
         * @param clock epoch nanosecond clock.
         * @return this.
         */
        public Context clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        /**
         * Idle strategy of the feed and component threads.
         *
         * @param idleStrategy supplier of one per thread.
         * @return this.
         */
        public Context idleStrategy(final Supplier<IdleStrategy> idleStrategy)
        {
            this.idleStrategy = idleStrategy;
            return this;
        }

        /**
         * Where the monitor prints.
         *
         * @param out writer.
         * @param printEvents print each anomaly, decision and execution, not only the summary.
         * @return this.
         */
        public Context out(final PrintWriter out, final boolean printEvents)
        {
            this.out = out;
            this.printEvents = printEvents;
            return this;
        }

        /**
         * Errors on the driver's and agents' threads.
         *
         * @param errorHandler handler.
         * @return this.
         */
        public Context errorHandler(final ErrorHandler errorHandler)
        {
            this.errorHandler = errorHandler;
            return this;
        }
    }

    private final Context ctx;
    private final Path runDir;
    private final EpochNanoClock clock;
    private EmbeddedMediaDriver driver;
    private Aeron aeron;
    private AeronPublisher mdPublisher;
    private MarketDataFeed feed;
    private Agent feedAgent;
    private AgentRunner feedRunner;
    private AgentRunner componentRunner;
    private DemoMonitor monitor;
    private long liveSinceNs = Long.MAX_VALUE;
    private boolean latencyWarmedUp;

    private Appliance(final Context ctx) throws IOException
    {
        this.ctx = ctx;
        this.clock = null != ctx.clock ? ctx.clock : new OffsetEpochNanoClock();
        this.runDir = Files.createTempDirectory("hellmoon-appliance-");
    }

    /**
     * Assemble and start everything. Fails fast, naming the problem, when the strategy folder is invalid or a driver
     * already runs in the directory.
     *
     * @param ctx what to assemble.
     * @return the running appliance.
     * @throws IOException if the run directory cannot be created.
     */
    public static Appliance launch(final Context ctx) throws IOException
    {
        final Map<String, String> strategyNames = strategyNames(ctx.strategiesDir);
        final Appliance appliance = new Appliance(ctx);
        try
        {
            appliance.start(strategyNames);
            return appliance;
        }
        catch (final RuntimeException ex)
        {
            appliance.close();
            throw ex;
        }
    }

    private void start(final Map<String, String> strategyNames)
    {
        driver = null == ctx.aeronDir ?
            EmbeddedMediaDriver.launch("appliance", ctx.errorHandler) :
            EmbeddedMediaDriver.launchAt(ctx.aeronDir, ctx.errorHandler);
        aeron = driver.connect();
        final CounterFactory counters = CounterFactory.aeron(aeron);

        // The feed waits (up to a second) rather than drop market data when a consumer falls behind.
        mdPublisher = new AeronPublisher(
            aeron.addExclusivePublication(
                HellmoonConfiguration.Stream.MD.channel(), HellmoonConfiguration.Stream.MD.streamId()),
            BackPressurePolicy.RETRY, new YieldingIdleStrategy(), TimeUnit.SECONDS.toNanos(1), counters, "feed md");

        final ScannerAgent scanner =
            ScannerAgent.create(aeron, new ScannerContext().counterFactory(counters).clock(clock));
        final Router.Context routerContext = new Router.Context()
            .strategiesDir(ctx.strategiesDir)
            .statsFile(runDir.resolve("symbol-performance.json"))
            .clock(clock)
            .conclude();
        final RouterAgent router = new RouterAgent(routerContext, aeron);
        final ExecutorAgent executor = new ExecutorAgent(new ExecutorContext().clock(clock), aeron);
        monitor = new DemoMonitor(aeron, ctx.out, ctx.printEvents, (id) -> strategyNames.getOrDefault(id, id));
        componentRunner = new AgentRunner(
            ctx.idleStrategy.get(), ctx.errorHandler, null, new CompositeAgent(scanner, router, executor));
        awaitConnected();

        // The market is created now, once everything listens, so its first events do not wait for start-up.
        final InstrumentRegistry registry = new InstrumentRegistry();
        if (null == ctx.replay)
        {
            final QueuedSnapshotRequests snapshotRequests = new QueuedSnapshotRequests();
            feed = new MarketDataFeed(mdPublisher, registry, false, clock, counters, "feed", Venue.SYNTHETIC,
                TimeUnit.MILLISECONDS, snapshotRequests);
            final SyntheticMarket market = new SyntheticMarket(new SyntheticMarket.Context()
                .instrumentCount(ctx.instruments)
                .seed(ctx.seed)
                .messageRate(ctx.rate)
                .venue(Venue.SYNTHETIC)
                .startTimeNs(clock.nanoTime())
                .registry(registry), feed.handlerFor(Venue.SYNTHETIC));
            feedAgent = new SyntheticFeedAgent(market, feed, snapshotRequests, clock, 512);
        }
        else
        {
            final MarketDataFeed replayFeed =
                new MarketDataFeed(mdPublisher, registry, true, clock, counters, "feed", Venue.NULL_VAL);
            feed = replayFeed;
            final Replayer replayer = new Replayer(new Replayer.Context()
                .files(ctx.replay)
                .speed(ctx.replaySpeed)
                .registry(registry)
                .frameHandlers((venue) -> new LiveTimeFrameHandler(replayFeed.handlerFor(venue), clock))
                .endOfStreamHandler(replayFeed.pipeline()::onEndOfStream));
            feedAgent = new ReplayFeedAgent(replayer, feed);
        }

        feedRunner = new AgentRunner(ctx.idleStrategy.get(), ctx.errorHandler, null, feedAgent);
        AgentRunner.startOnThread(componentRunner);
        AgentRunner.startOnThread(feedRunner);
    }

    /**
     * Poll the monitor once; starts latency recording once live data has flowed for the warm-up period.
     *
     * @return work done.
     */
    public int poll()
    {
        final int work = monitor.poll();
        if (!latencyWarmedUp)
        {
            if (Long.MAX_VALUE == liveSinceNs && isLive())
            {
                liveSinceNs = System.nanoTime();
            }
            if (System.nanoTime() - liveSinceNs > LATENCY_WARM_UP_NS)
            {
                monitor.latencies().reset();
                latencyWarmedUp = true;
            }
        }
        return work;
    }

    /**
     * Whether start-up (snapshots, history) is over and live data flows.
     *
     * @return true once live.
     */
    public boolean isLive()
    {
        return !(feedAgent instanceof SyntheticFeedAgent synthetic) || synthetic.isLive();
    }

    /**
     * Whether a replayed feed has delivered every capture (never true for the synthetic market).
     *
     * @return true at the end of the captures.
     */
    public boolean isFeedDone()
    {
        return feedAgent instanceof ReplayFeedAgent replayAgent && replayAgent.isDone();
    }

    /**
     * Stop the feed, then keep polling until the components have been quiet for a while (at most a few seconds),
     * so the summary counts everything the feed sent.
     */
    public void stopFeedAndDrain()
    {
        CloseHelper.close(feedRunner);
        feedRunner = null;
        final long giveUpNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long lastWorkNs = System.nanoTime();
        while (System.nanoTime() - giveUpNs < 0 && System.nanoTime() - lastWorkNs < TimeUnit.MILLISECONDS.toNanos(200))
        {
            if (monitor.poll() > 0)
            {
                lastWorkNs = System.nanoTime();
            }
            else
            {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Venue frames the feed received; read after {@link #stopFeedAndDrain()}.
     *
     * @return the count.
     */
    public long ticks()
    {
        return feed.framesReceived();
    }

    /**
     * The monitor.
     *
     * @return the monitor.
     */
    public DemoMonitor monitor()
    {
        return monitor;
    }

    /**
     * The driver directory.
     *
     * @return the directory.
     */
    public String aeronDirectoryName()
    {
        return driver.aeronDirectoryName();
    }

    /**
     * Stop every thread and close everything, the driver last.
     */
    public void close()
    {
        CloseHelper.closeAll(feedRunner, componentRunner, monitor, feed, mdPublisher, aeron, driver);
        feedRunner = null;
        componentRunner = null;
        deleteQuietly(runDir);
    }

    private void awaitConnected()
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        final IdleStrategy idle = new BackoffIdleStrategy();
        while (!(monitor.isConnected() && mdPublisher.isConnected()))
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException("components did not connect to the media driver within 10 s");
            }
            idle.idle();
        }
    }

    /**
     * Set each property of {@link #SHORT_RUN_PROFILE} the user has not set; the caller clears them when done.
     *
     * @return the properties set, sorted by name.
     */
    public static Map<String, String> applyShortRunProfile()
    {
        final Map<String, String> applied = new TreeMap<>();
        for (final Map.Entry<String, String> entry : SHORT_RUN_PROFILE.entrySet())
        {
            if (null == System.getProperty(entry.getKey()))
            {
                System.setProperty(entry.getKey(), entry.getValue());
                applied.put(entry.getKey(), entry.getValue());
            }
        }
        return applied;
    }

    /**
     * Display names of the strategies in a folder, validating it first.
     *
     * @param folder SDL folder.
     * @return strategy id to display name.
     * @throws IllegalArgumentException listing every error when the folder is invalid.
     */
    public static Map<String, String> strategyNames(final Path folder)
    {
        final LoadResult result = new StrategyLoader().load(folder);
        if (!result.isValid())
        {
            final StringBuilder message = new StringBuilder("invalid strategies in " + folder + ":");
            result.errors().forEach((error) -> message.append(System.lineSeparator()).append("  ").append(error));
            throw new IllegalArgumentException(message.toString());
        }
        final Map<String, String> names = new HashMap<>();
        for (final ResolvedStrategy strategy : result.strategies())
        {
            names.put(strategy.id(), strategy.name());
        }
        return names;
    }

    private static void deleteQuietly(final Path dir)
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
        }
        catch (final IOException | UncheckedIOException ignore)
        {
            // a temporary directory left behind is harmless
        }
    }
}
