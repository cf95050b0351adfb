/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.latency;

import io.hellmoon.tools.appliance.Appliance;
import io.hellmoon.tools.appliance.DemoMonitor;
import io.hellmoon.tools.latency.HopLatencies;
import org.HdrHistogram.Histogram;
import org.agrona.SystemUtil;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * End-to-end latency of the appliance, with raw Aeron IPC round trips measured in the same run as the floor.
 * <p>
 * The pipeline is the demo's ({@link Appliance}): the synthetic market (2,000 instruments by default) decoded and
 * booked by the feed, then the scanner, router and executor on their own Aeron streams. The market schedules every
 * venue frame at a planned time (Poisson arrivals at the chosen mean rate) and that planned time becomes the frame's
 * receive time, so a feed that falls behind shows the delay as latency instead of sending later (no coordinated
 * omission). Each hop is recorded in an HdrHistogram from the timestamps the messages carry; latency is recorded only
 * after the warm-up.
 * <p>
 * Usage (from the repository root, after {@code mvn package -DskipTests}):
 * <pre>
 * java --add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-modules jdk.incubator.vector \
 *      -cp perf/target/benchmarks.jar io.hellmoon.perf.latency.LatencyHarness [rates] [duration] [idle]
 * </pre>
 * {@code rates}: comma-separated frames per second (default {@code 5000,20000}); {@code duration}: measured time per
 * rate (default {@code 20s}); {@code idle}: {@code backoff} (default), {@code yielding} or {@code busy}, used by the
 * feed and component threads and by the ping-pong threads.
 */
public final class LatencyHarness
{
    private LatencyHarness()
    {
    }

    /**
     * Run the harness.
     *
     * @param args rates, duration, idle strategy.
     * @throws Exception on failure.
     */
    public static void main(final String[] args) throws Exception
    {
        final String rates = args.length > 0 ? args[0] : "5000,20000";
        final long durationNs = SystemUtil.parseDuration("duration", args.length > 1 ? args[1] : "20s");
        final String idleName = args.length > 2 ? args[2] : "backoff";
        final Supplier<IdleStrategy> idle = idleStrategy(idleName);
        final PrintStream out = System.out;

        out.printf("Hellmoon latency harness: rates %s frames/s, %d s each after warm-up, idle %s, JDK %s, %d cpus%n",
            rates, TimeUnit.NANOSECONDS.toSeconds(durationNs), idleName, System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors());

        final Histogram rtt = AeronIpcPingPong.run(64, 50_000, 100_000, idle);
        out.println();
        out.println("Aeron IPC round trip, 64 B, 100k after 50k warm-up, embedded driver (shared, backoff)");
        out.printf("  p50 %.2f us  p99 %.2f us  p99.9 %.2f us  max %.2f us%n",
            rtt.getValueAtPercentile(50) / 1e3, rtt.getValueAtPercentile(99) / 1e3,
            rtt.getValueAtPercentile(99.9) / 1e3, rtt.getMaxValue() / 1e3);

        final Map<String, String> applied = Appliance.applyShortRunProfile();
        try
        {
            for (final String rate : rates.split(","))
            {
                runPipeline(Double.parseDouble(rate.trim()), durationNs, idle, out);
            }
        }
        finally
        {
            applied.keySet().forEach(System::clearProperty);
        }
    }

    private static void runPipeline(
        final double rate, final long durationNs, final Supplier<IdleStrategy> idle, final PrintStream out)
        throws Exception
    {
        final Path strategies = Paths.get(System.getProperty("hellmoon.home", ".")).resolve("strategies");
        final PrintWriter silent = new PrintWriter(OutputStream.nullOutputStream());
        try (Appliance appliance = Appliance.launch(new Appliance.Context()
            .rate(rate)
            .strategiesDir(strategies)
            .idleStrategy(idle)
            .out(silent, false)))
        {
            final IdleStrategy pollIdle = new BackoffIdleStrategy(
                100, 10, TimeUnit.MICROSECONDS.toNanos(10), TimeUnit.MILLISECONDS.toNanos(1));
            final long startNs = System.nanoTime();
            while (!appliance.isLive())
            {
                pollIdle.idle(appliance.poll());
            }
            final long liveNs = System.nanoTime();
            final long endNs = liveNs + Appliance.LATENCY_WARM_UP_NS + durationNs;
            while (System.nanoTime() - endNs < 0)
            {
                pollIdle.idle(appliance.poll());
            }
            appliance.stopFeedAndDrain();

            final DemoMonitor monitor = appliance.monitor();
            final double seconds = (System.nanoTime() - liveNs) / 1e9;
            out.println();
            out.printf(Locale.ROOT, "pipeline at %,.0f frames/s planned: %,d frames in %.1f s after %.1f s start-up; " +
                "%d anomalies, %d decisions taken, %d rejected, %d fills%n", rate, appliance.ticks(), seconds,
                (liveNs - startNs) / 1e9, monitor.anomalies(), monitor.decisionsTaken(), monitor.decisionsRejected(),
                monitor.fills());
            final PrintWriter writer = new PrintWriter(out, true);
            monitor.latencies().printSummary(writer);
            writer.flush();
            printAllPercentiles(monitor.latencies(), out);
        }
    }

    private static void printAllPercentiles(final HopLatencies latencies, final PrintStream out)
    {
        for (final HopLatencies.Hop hop : HopLatencies.Hop.values())
        {
            final Histogram histogram = latencies.histogram(hop);
            if (histogram.getTotalCount() > 0)
            {
                out.printf("  %-34s p90 %.1f us  p99.99 %.1f us%n", hop.label(),
                    histogram.getValueAtPercentile(90) / 1e3, histogram.getValueAtPercentile(99.99) / 1e3);
            }
        }
    }

    private static Supplier<IdleStrategy> idleStrategy(final String name)
    {
        return switch (name)
        {
            case "backoff" -> () -> new BackoffIdleStrategy(
                100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
            case "yielding" -> YieldingIdleStrategy::new;
            case "busy" -> BusySpinIdleStrategy::new;
            default -> throw new IllegalArgumentException("idle must be backoff, yielding or busy: " + name);
        };
    }
}
