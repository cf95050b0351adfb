/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.aeron.CommonContext;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.tools.appliance.Appliance;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code hellmoon demo}: the whole appliance in one JVM ({@link Appliance}) with an embedded media driver at Aeron's
 * default directory, on a synthetic market or replayed captures. Prints every anomaly, decision and execution as it
 * happens and ends, at {@code --duration} or Ctrl-C, with a summary and per-hop latency percentiles.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Run the whole appliance in one JVM on a synthetic market (or replayed captures) and print anomalies,",
        "decisions and fills as they happen, then a summary with per-hop latency percentiles."})
public final class DemoCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

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
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final long durationNs;
        final ReplaySpeed replaySpeed;
        try
        {
            durationNs = RunLength.durationNs(duration);
            replaySpeed = ReplaySpeed.parse(speed);
        }
        catch (final IllegalArgumentException ex)
        {
            err.println("hellmoon demo: " + ex.getMessage());
            return 2;
        }
        final Path strategyDir = null != strategies ? strategies : installationDir().resolve("strategies");

        final Map<String, String> applied = Appliance.applyShortRunProfile();
        out.println("Hellmoon demo: embedded media driver at " + aeronDir + " (hellmoon tail / hellmoon stat attach " +
            "to it), strategies from " + strategyDir);
        if (!applied.isEmpty())
        {
            out.println("demo profile (override with -D or HELLMOON_JAVA_OPTS): " + applied);
        }
        out.println(null == replay ?
            String.format("synthetic market: %,d instruments, %,.0f frames/s, seed %d", instruments, rate, seed) :
            "replaying " + replay + " at " + replaySpeed);
        out.flush();

        final AtomicBoolean running = new AtomicBoolean(true);
        final CountDownLatch finished = new CountDownLatch(1);
        final Thread shutdownHook = new Thread(() ->
        {
            running.set(false);
            awaitQuietly(finished);
        }, "hellmoon-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        try (Appliance appliance = Appliance.launch(new Appliance.Context()
            .aeronDir(aeronDir)
            .instruments(instruments)
            .rate(rate)
            .seed(seed)
            .strategiesDir(strategyDir)
            .replay(replay, replaySpeed)
            .out(out, !quiet)))
        {
            final long startNs = System.nanoTime();
            final long deadlineNs = Long.MAX_VALUE == durationNs ? Long.MAX_VALUE : startNs + durationNs;
            final IdleStrategy idle = new BackoffIdleStrategy(
                100, 10, TimeUnit.MICROSECONDS.toNanos(10), TimeUnit.MILLISECONDS.toNanos(1));
            while (running.get() && System.nanoTime() - deadlineNs < 0 && !appliance.isFeedDone())
            {
                idle.idle(appliance.poll());
                out.flush();
            }

            appliance.stopFeedAndDrain();
            appliance.monitor().printSummary(
                (System.nanoTime() - startNs) / 1e9, appliance.ticks(), Appliance.LATENCY_WARM_UP_NS / 1e9);
        }
        catch (final IllegalStateException | IllegalArgumentException ex)
        {
            err.println("hellmoon demo: " + ex.getMessage());
            return 1;
        }
        finally
        {
            applied.keySet().forEach(System::clearProperty);
            out.flush();
            finished.countDown();
            removeShutdownHook(shutdownHook);
        }
        return 0;
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

    private static void removeShutdownHook(final Thread shutdownHook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (final IllegalStateException ignore)
        {
            // the JVM is already shutting down: the hook is running and waits for this command to finish
        }
    }
}
