/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.aeron.Aeron;
import io.hellmoon.codecs.HellmoonConfiguration.Stream;
import io.hellmoon.codecs.aeron.EmbeddedMediaDriver;
import io.hellmoon.scanner.HellmoonScanner;
import io.hellmoon.scanner.ScannerAgent;
import io.hellmoon.scanner.ScannerContext;
import io.hellmoon.tools.scan.ScanShards;
import io.hellmoon.tools.scan.ShardSpec;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code hellmoon scan}: one scanner shard as a process. It subscribes to the market-data stream, scans the instruments
 * of its shard ({@code instrumentId % N == i}) and publishes anomaly events and regime changes on the scan stream
 * through an exclusive publication of its own, so the scan streams of N shards merge at every subscriber, one image
 * per shard.
 * <p>
 * Media driver: the one running in {@code --aeron-dir} (shards on one host share it and talk IPC), or an embedded
 * driver of its own (a shard on its own host, reached by UDP unicast or multicast channels). The scanner runs on the
 * command's thread with a backing-off idle strategy. It stops at {@code --duration}, when no market data has arrived
 * for {@code --exit-when-idle} after the first, or on Ctrl-C, and prints its counts.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
        "Run one scanner shard: scan the instruments with id % N == i of the market-data stream and publish",
        "anomalies and regime changes on the scan stream. Run N of them (i = 0..N-1) to split a universe; their",
        "scan streams merge at every subscriber. Scanner properties (-D / HELLMOON_JAVA_OPTS) apply."})
public final class ScanCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--shard", paramLabel = "i/N", defaultValue = "0/1",
        description = "Scan instruments whose id % N == i (default: ${DEFAULT-VALUE}, the whole universe).")
    String shard;

    @Option(names = "--scanner-id", paramLabel = "ID",
        description = "Scanner id, unique per deployment, the top 16 bits of anomaly ids (default: i + 1).")
    Integer scannerId;

    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "Use the media driver running in DIR (default: an embedded driver of its own).")
    String aeronDir;

    @Option(names = "--md-channel", paramLabel = "URI",
        description = "Market-data channel, e.g. aeron:udp?endpoint=0.0.0.0:40456 (default: hellmoon.md.channel).")
    String mdChannel;

    @Option(names = "--md-stream-id", paramLabel = "ID", description = "Market-data stream id.")
    Integer mdStreamId;

    @Option(names = "--scan-channel", paramLabel = "URI",
        description = "Scan channel, e.g. aeron:udp?endpoint=router-host:40457 or a multicast group " +
            "(default: hellmoon.scan.channel).")
    String scanChannel;

    @Option(names = "--scan-stream-id", paramLabel = "ID", description = "Scan stream id.")
    Integer scanStreamId;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after this long, e.g. 60s.")
    String duration;

    @Option(names = "--exit-when-idle", paramLabel = "D",
        description = "Stop when no market data has arrived for this long, after the first.")
    String exitWhenIdle;

    @Option(names = "--quiet", description = "Print nothing but errors and the final line.")
    boolean quiet;

    private final AtomicBoolean stopRequested = new AtomicBoolean();

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final ShardSpec shardSpec;
        final long durationNs;
        final long idleLimitNs;
        final ScannerContext ctx;
        try
        {
            shardSpec = ShardSpec.parse(shard);
            durationNs = RunLength.durationNs(duration);
            idleLimitNs = RunLength.idleNs(exitWhenIdle);
            ctx = shardSpec.applyTo(new ScannerContext())
                .scannerId(null == scannerId ? shardSpec.index() + 1 : scannerId);
            ctx.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            err.println("hellmoon scan: " + ex.getMessage());
            return 2;
        }

        final String md = null == mdChannel ? Stream.MD.channel() : mdChannel;
        final int mdId = null == mdStreamId ? Stream.MD.streamId() : mdStreamId;
        final String scan = null == scanChannel ? Stream.SCAN.channel() : scanChannel;
        final int scanId = null == scanStreamId ? Stream.SCAN.streamId() : scanStreamId;

        EmbeddedMediaDriver driver = null;
        Aeron aeron = null;
        ScannerAgent agent = null;
        final CountDownLatch finished = new CountDownLatch(1);
        final Thread shutdownHook = new Thread(() ->
        {
            stopRequested.set(true);
            try
            {
                finished.await(10, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ignore)
            {
                Thread.currentThread().interrupt();
            }
        }, "hellmoon-scan-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try
        {
            if (null == aeronDir)
            {
                driver = EmbeddedMediaDriver.launch("scan");
                aeron = driver.connect();
            }
            else
            {
                aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir));
            }
            agent = ScanShards.createAgent(aeron, ctx, md, mdId, scan, scanId);
            if (!quiet)
            {
                out.println("hellmoon scan: scanner " + ctx.scannerId() + ", shard " + shardSpec +
                    " (instrumentId % " + shardSpec.count() + " == " + shardSpec.index() + "); market data from " +
                    md + " stream " + mdId + ", scan stream " + scan + " stream " + scanId + ", media driver " +
                    aeron.context().aeronDirectoryName() + (null == driver ? "" : " (embedded)"));
                out.flush();
            }
            run(agent, durationNs, idleLimitNs);

            final HellmoonScanner scanner = agent.scanner();
            out.printf("scanner %d shard %s: messages in %,d, instruments %,d, anomalies %,d, regime changes %,d, " +
                "sweeps %,d, published %,d, dropped %,d%n", ctx.scannerId(), shardSpec, scanner.messagesIn(),
                scanner.instrumentCount(), scanner.anomalyCount(), scanner.regimeChangeCount(), scanner.sweepCount(),
                agent.publisher().publishedCount(), agent.publisher().droppedCount());
            out.flush();
            return 0;
        }
        catch (final RuntimeException ex)
        {
            err.println("hellmoon scan: " + ex.getMessage());
            return 1;
        }
        finally
        {
            if (null != agent)
            {
                agent.onClose();
            }
            CloseHelper.closeAll(aeron, driver);
            finished.countDown();
            try
            {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
            catch (final IllegalStateException ignore)
            {
                // Already shutting down.
            }
        }
    }

    private void run(final ScannerAgent agent, final long durationNs, final long idleLimitNs)
    {
        final IdleStrategy idle = new BackoffIdleStrategy(
            100, 10, TimeUnit.MICROSECONDS.toNanos(10), TimeUnit.MILLISECONDS.toNanos(1));
        final long startNs = System.nanoTime();
        long lastWorkNs = startNs;
        boolean seenData = false;
        while (true)
        {
            final int work;
            try
            {
                work = agent.doWork();
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException("scanner failed: " + ex, ex);
            }

            final long nowNs = System.nanoTime();
            if (work > 0)
            {
                seenData = true;
                lastWorkNs = nowNs;
            }
            final boolean stop = stopRequested.get() ||
                (Long.MAX_VALUE != durationNs && nowNs - startNs > durationNs) ||
                (0 != idleLimitNs && seenData && nowNs - lastWorkNs > idleLimitNs);
            if (stop)
            {
                // Every event of a message is offered before doWork returns: stopping here loses nothing polled.
                return;
            }
            idle.idle(work);
        }
    }
}
