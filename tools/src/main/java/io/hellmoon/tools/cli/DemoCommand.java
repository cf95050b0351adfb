/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.aeron.Aeron;
import io.aeron.CommonContext;
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
import io.hellmoon.scanner.ScannerAgent;
import io.hellmoon.scanner.ScannerContext;
import io.hellmoon.sbe.Venue;
import io.hellmoon.tools.appliance.DemoMonitor;
import io.hellmoon.tools.appliance.LiveTimeFrameHandler;
import io.hellmoon.tools.appliance.QueuedSnapshotRequests;
import io.hellmoon.tools.appliance.ReplayFeedAgent;
import io.hellmoon.tools.appliance.SyntheticFeedAgent;
import org.agrona.CloseHelper;
import org.agrona.SystemUtil;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.YieldingIdleStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code hellmoon demo}: the whole appliance in one JVM with an embedded media driver. A synthetic market (or
 * replayed captures) feeds the decoders and books, which publish the market-data stream; the scanner, router and
 * executor run as agents on their own streams exactly as they would in separate processes; a monitor prints every
 * anomaly, decision and execution and ends with a summary and per-hop latency percentiles.
 * <p>
 * Threads: the media driver (shared mode), the feed, the components (scanner, router and executor composed on one
 * thread) and the monitor, all with backoff idle strategies so that a two-core machine is not starved.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Run the whole appliance in one JVM on a synthetic market (or replayed captures) and print anomalies,",
        "decisions and fills as they happen, then a summary with per-hop latency percentiles."})
public final class DemoCommand implements Callable<Integer>
{
    /**
     * Settings that make a short demo show the pipeline at work within seconds; each applies only when the user has
     * not set the property. Scanner warm-ups are shorter than in production, the synthetic market injects anomalies
     * more often and from its first seconds, and it seeds an hour of 1m klines so ATR and regimes exist at start.
     */
    static final Map<String, String> DEMO_PROFILE = new LinkedHashMap<>();

    static
    {
        DEMO_PROFILE.put("hellmoon.synthetic.anomaly.rate.per.instrument.hour", "2.5");
        DEMO_PROFILE.put("hellmoon.synthetic.anomaly.warm.up", "5s");
        DEMO_PROFILE.put("hellmoon.synthetic.history.bars", "60");
        DEMO_PROFILE.put("hellmoon.scanner.volume.spike.warmup", "8s");
        DEMO_PROFILE.put("hellmoon.scanner.volume.spike.ratio", "8");
        DEMO_PROFILE.put("hellmoon.scanner.volume.spike.min.notional", "10000");
        DEMO_PROFILE.put("hellmoon.scanner.volatility.short.window", "10s");
        DEMO_PROFILE.put("hellmoon.scanner.volatility.long.window", "120s");
        DEMO_PROFILE.put("hellmoon.scanner.volatility.warmup", "20s");
    }

    /**
     * Latency recorded in the first seconds (JIT compilation, page faults on fresh term buffers) is discarded, as a
     * benchmark discards its warm-up iterations; the summary says so.
     */
    static final long LATENCY_WARM_UP_NS = TimeUnit.SECONDS.toNanos(2);

    @Option(names = "--duration", paramLabel = "D",
        description = "Run for this long, e.g. 20s or 5m (default: until Ctrl-C).")
    String duration;

    @Option(names = "--replay", paramLabel = "FILE", arity = "1..*",
        description = "Replay these captures as the market instead of the synthetic one.")
    List<Path> replay;

    @Option(names = "--speed", paramLabel = "1x|Nx|max", defaultValue = "1x",
        description = "With --replay: pace (default: ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--instruments", paramLabel = "N", defaultValue = "2000",
        description = "Synthetic instruments (default: ${DEFAULT-VALUE}).")
    int instruments;

    @Option(names = "--rate", paramLabel = "FRAMES_PER_S", defaultValue = "10000",
        description = "Synthetic venue frames per second across the universe (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20240808",
        description = "Synthetic market seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--strategies", paramLabel = "DIR",
        description = "SDL strategy folder (default: strategies/ of the installation).")
    Path strategies;

    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "Media driver directory; hellmoon tail and stat find the default (${DEFAULT-VALUE}).")
    String aeronDir = CommonContext.getAeronDirectoryName();

    @Option(names = "--quiet", description = "Print only the summary.")
    boolean quiet;

    /**
     * {@inheritDoc}
     */
    public Integer call() throws Exception
    {
        final long durationNs;
        final ReplaySpeed replaySpeed;
        try
        {
            durationNs = null == duration ? Long.MAX_VALUE : SystemUtil.parseDuration("--duration", duration);
            replaySpeed = ReplaySpeed.parse(speed);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("hellmoon demo: " + ex.getMessage());
            return 2;
        }
        final Path strategyDir = null != strategies ? strategies : installationDir().resolve("strategies");
        final Map<String, String> strategyNames = strategyNames(strategyDir);
        if (null == strategyNames)
        {
            return 2;
        }

        final PrintStream out = System.out;
        final Map<String, String> applied = applyDemoProfile();
        final Path runDir = Files.createTempDirectory("hellmoon-demo-");
        final EpochNanoClock clock = new OffsetEpochNanoClock();
        final AtomicBoolean running = new AtomicBoolean(true);
        final CountDownLatch finished = new CountDownLatch(1);
        final Thread shutdownHook = new Thread(() ->
        {
            running.set(false);
            awaitQuietly(finished);
        }, "hellmoon-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        out.println("Hellmoon demo: embedded media driver at " + aeronDir + " (hellmoon tail / hellmoon stat attach " +
            "to it), strategies from " + strategyDir);
        if (!applied.isEmpty())
        {
            out.println("demo profile (override with -D or HELLMOON_JAVA_OPTS): " + applied);
        }

        EmbeddedMediaDriver driver = null;
        Aeron aeron = null;
        AgentRunner feedRunner = null;
        AgentRunner componentRunner = null;
        DemoMonitor monitor = null;
        MarketDataFeed feed = null;
        AeronPublisher mdPublisher = null;
        try
        {
            driver = EmbeddedMediaDriver.launchAt(aeronDir, Throwable::printStackTrace);
            aeron = driver.connect();
            final CounterFactory counters = CounterFactory.aeron(aeron);

            mdPublisher = new AeronPublisher(
                aeron.addExclusivePublication(HellmoonConfiguration.Stream.MD.channel(), HellmoonConfiguration.Stream.MD.streamId()),
                BackPressurePolicy.RETRY, new YieldingIdleStrategy(), TimeUnit.MILLISECONDS.toNanos(10), counters,
                "feed md");

            final ScannerAgent scanner =
                ScannerAgent.create(aeron, new ScannerContext().counterFactory(counters).clock(clock));
            final Router.Context routerContext = new Router.Context()
                .strategiesDir(strategyDir)
                .statsFile(runDir.resolve("symbol-performance.json"))
                .clock(clock)
                .conclude();
            final RouterAgent router = new RouterAgent(routerContext, aeron);
            final ExecutorAgent executor = new ExecutorAgent(new ExecutorContext().clock(clock), aeron);
            monitor = new DemoMonitor(aeron, out, !quiet, (id) -> strategyNames.getOrDefault(id, id));

            awaitConnected(monitor, mdPublisher);

            // The market starts now, once everything listens: its first events must not wait for start-up.
            final InstrumentRegistry registry = new InstrumentRegistry();
            final QueuedSnapshotRequests snapshotRequests = new QueuedSnapshotRequests();
            final Agent feedAgent;
            if (null == replay)
            {
                feed = new MarketDataFeed(mdPublisher, registry, false, clock, counters, "feed", Venue.SYNTHETIC,
                    TimeUnit.MILLISECONDS, snapshotRequests);
                final SyntheticMarket market = new SyntheticMarket(new SyntheticMarket.Context()
                    .instrumentCount(instruments)
                    .seed(seed)
                    .messageRate(rate)
                    .venue(Venue.SYNTHETIC)
                    .startTimeNs(clock.nanoTime())
                    .registry(registry), feed.handlerFor(Venue.SYNTHETIC));
                // Books start from snapshots, as a feed warming up would fetch them, so the first seconds are not
                // spent answering two thousand snapshot requests while the market runs on.
                market.emitSnapshots(clock.nanoTime());
                feedAgent = new SyntheticFeedAgent(market, feed, snapshotRequests, clock, 512);
                out.printf("synthetic market: %,d instruments, %,.0f frames/s, seed %d%n", instruments, rate, seed);
            }
            else
            {
                feed = new MarketDataFeed(mdPublisher, registry, true, clock, counters, "feed", Venue.NULL_VAL);
                final MarketDataFeed replayFeed = feed;
                final Replayer replayer = new Replayer(new Replayer.Context()
                    .files(replay)
                    .speed(replaySpeed)
                    .registry(registry)
                    .frameHandlers((venue) -> new LiveTimeFrameHandler(replayFeed.handlerFor(venue), clock))
                    .endOfStreamHandler(replayFeed.pipeline()::onEndOfStream));
                feedAgent = new ReplayFeedAgent(replayer, feed);
                out.println("replaying " + replay + " at " + replaySpeed);
            }

            feedRunner = new AgentRunner(idle(), DemoCommand::onAgentError, null, feedAgent);
            componentRunner = new AgentRunner(
                idle(), DemoCommand::onAgentError, null, new CompositeAgent(scanner, router, executor));
            AgentRunner.startOnThread(componentRunner);
            AgentRunner.startOnThread(feedRunner);

            final long startNs = System.nanoTime();
            final long deadlineNs = Long.MAX_VALUE == durationNs ? Long.MAX_VALUE : startNs + durationNs;
            final long latencyWarmUpEndNs = startNs + LATENCY_WARM_UP_NS;
            boolean latencyWarmedUp = false;
            final IdleStrategy idle = new BackoffIdleStrategy(
                100, 10, TimeUnit.MICROSECONDS.toNanos(10), TimeUnit.MILLISECONDS.toNanos(1));
            while (running.get() && System.nanoTime() - deadlineNs < 0 &&
                !(feedAgent instanceof ReplayFeedAgent replayAgent && replayAgent.isDone() && 0 == monitor.poll()))
            {
                idle.idle(monitor.poll());
                if (!latencyWarmedUp && System.nanoTime() - latencyWarmUpEndNs > 0)
                {
                    monitor.latencies().reset();
                    latencyWarmedUp = true;
                }
            }

            CloseHelper.close(feedRunner);
            feedRunner = null;
            drain(monitor, componentRunner);
            final double elapsedSeconds = (System.nanoTime() - startNs) / 1e9;
            monitor.printSummary(elapsedSeconds, feed.framesReceived(), LATENCY_WARM_UP_NS / 1e9);
            CloseHelper.close(componentRunner);
            componentRunner = null;
        }
        catch (final IllegalStateException | IllegalArgumentException ex)
        {
            System.err.println("hellmoon demo: " + ex.getMessage());
            return 1;
        }
        finally
        {
            CloseHelper.closeAll(feedRunner, componentRunner, monitor, feed, mdPublisher, aeron, driver);
            deleteQuietly(runDir);
            finished.countDown();
            if (!running.get())
            {
                out.flush();
            }
            else
            {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
        }
        return 0;
    }

    private static IdleStrategy idle()
    {
        return new BackoffIdleStrategy(
            100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
    }

    private static void onAgentError(final Throwable throwable)
    {
        System.err.println("hellmoon demo: agent error: " + throwable);
        throwable.printStackTrace();
    }

    /**
     * Let the components finish what the feed sent before the summary is taken.
     */
    private static void drain(final DemoMonitor monitor, final AgentRunner componentRunner)
    {
        final long quietUntilNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        final long giveUpNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long lastWorkNs = System.nanoTime();
        while (null != componentRunner && System.nanoTime() - giveUpNs < 0)
        {
            if (monitor.poll() > 0)
            {
                lastWorkNs = System.nanoTime();
            }
            else if (System.nanoTime() - Math.max(lastWorkNs + TimeUnit.MILLISECONDS.toNanos(200), quietUntilNs) > 0)
            {
                return;
            }
            else
            {
                Thread.onSpinWait();
            }
        }
    }

    private static void awaitConnected(final DemoMonitor monitor, final AeronPublisher mdPublisher)
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

    private static Map<String, String> applyDemoProfile()
    {
        final Map<String, String> applied = new LinkedHashMap<>();
        for (final Map.Entry<String, String> entry : DEMO_PROFILE.entrySet())
        {
            if (null == System.getProperty(entry.getKey()))
            {
                System.setProperty(entry.getKey(), entry.getValue());
                applied.put(entry.getKey(), entry.getValue());
            }
        }
        return applied;
    }

    private static Map<String, String> strategyNames(final Path folder)
    {
        final LoadResult result = new StrategyLoader().load(folder);
        if (!result.isValid())
        {
            System.err.println("hellmoon demo: invalid strategies in " + folder + ":");
            result.errors().forEach((error) -> System.err.println("  " + error));
            return null;
        }
        final Map<String, String> names = new HashMap<>();
        for (final ResolvedStrategy strategy : result.strategies())
        {
            names.put(strategy.id(), strategy.name());
        }
        return names;
    }

    /**
     * Where Hellmoon is installed: the {@code hellmoon.home} property the launcher sets, else the working directory.
     *
     * @return the installation directory.
     */
    static Path installationDir()
    {
        return Paths.get(System.getProperty("hellmoon.home", ".")).toAbsolutePath().normalize();
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

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
