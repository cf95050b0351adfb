/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.scan;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.codecs.aeron.BackPressurePolicy;
import io.hellmoon.codecs.aeron.EmbeddedMediaDriver;
import io.hellmoon.sbe.AnomalyEventDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.RegimeChangeDecoder;
import io.hellmoon.scanner.ScannerAgent;
import io.hellmoon.scanner.ScannerContext;
import io.hellmoon.test.TestData;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scanner shards on a real media driver: a replay of four real captures (BTC and ETH, spot and USD-M: four
 * instruments) on the market-data stream, N shard scanners each on its own thread with its own scan publication, and
 * an unsharded reference scanner on another scan stream. The subscriber of the shards' scan stream gets every
 * reference event exactly once: none lost, none duplicated.
 * <p>
 * Events are compared without {@code anomalyId} (its top 16 bits are the scanner id, which differs between shards and
 * the reference). Sweep detections (event time on a sweep boundary) are also compared without their receive time:
 * a sweep event carries the timestamps of the message that crossed the boundary in its scanner's stream, and in a
 * shard that is the first message of one of the shard's own instruments, not of any instrument. Everything else,
 * event times, scores, regimes and features included, must be equal.
 */
@Timeout(300)
class ShardedScanTest
{
    private static final int MD_STREAM_ID = 7101;
    private static final int SCAN_STREAM_ID = 7102;
    private static final int REFERENCE_STREAM_ID = 7103;
    private static final int REFERENCE_SCANNER_ID = 100;
    private static final long SWEEP_INTERVAL_NS = new ScannerContext().sweepIntervalNs();

    private static final List<Path> FILES = List.of(
        TestData.file("binance/captures/spot/btcusdt_20240808.gz"),
        TestData.file("binance/captures/spot/ethusdt_20240808.gz"),
        TestData.file("binance/captures/usdm/btcusdt_20240808.gz"),
        TestData.file("binance/captures/usdm/ethusdt_20240808.gz"));

    @Test
    void shouldMergeThreeIpcShardsIntoTheUnshardedScannersEvents()
    {
        final Run run = run("aeron:ipc", "aeron:ipc", 3);
        assertMergedEqualsReference(run);
    }

    @Test
    void shouldMergeTwoUdpShardsIntoTheUnshardedScannersEvents()
    {
        final Run run = run(
            "aeron:udp?endpoint=localhost:" + freeUdpPort(),
            "aeron:udp?endpoint=localhost:" + freeUdpPort(),
            2);
        assertMergedEqualsReference(run);
    }

    private static void assertMergedEqualsReference(final Run run)
    {
        assertTrue(run.reference.size() > 10, "six minutes of four instruments give events: " + run.reference);
        assertTrue(run.reference.stream().anyMatch(e -> e.startsWith("{\"time\"")), "anomalies among them");
        assertEquals(0, run.mergedDuplicates, "no duplicates among disjoint shards");
        assertEquals(run.reference.size(), run.merged.size(), "as many events as the unsharded scanner");
        assertEquals(new TreeSet<>(run.reference), new TreeSet<>(run.merged), "the same events");
        assertEquals(run.reference.size(), new HashSet<>(run.merged).size(), "each once");
        assertTrue(run.shardsWithEvents > 1, "events come from more than one shard");

        // A consumer that also receives an overlapping publisher (here the reference, every instrument again):
        // the deduplicator passes each event once.
        assertEquals(run.reference.size(), run.overlapDuplicates, "every overlapping event dropped once");
        assertEquals(new TreeSet<>(run.reference), new TreeSet<>(run.overlapDeduplicated));
        assertEquals(run.reference.size(), run.overlapDeduplicated.size());
    }

    private static Run run(final String mdChannel, final String scanChannel, final int shardCount)
    {
        final List<ScannerAgent> agents = new ArrayList<>();
        final List<AgentRunner> runners = new ArrayList<>();
        try (EmbeddedMediaDriver driver = EmbeddedMediaDriver.launch("sharded-scan-test");
            Aeron aeron = driver.connect())
        {
            // Subscribers first, so they see every event of every shard from its start.
            final Subscription merged = aeron.addSubscription(scanChannel, SCAN_STREAM_ID);
            final Subscription reference = aeron.addSubscription(scanChannel, REFERENCE_STREAM_ID);
            final Subscription overlap = aeron.addSubscription(scanChannel, SCAN_STREAM_ID);
            final Subscription overlapReference = aeron.addSubscription(scanChannel, REFERENCE_STREAM_ID);

            for (int i = 0; i < shardCount; i++)
            {
                agents.add(ScanShards.createAgent(aeron, scannerContext(new ShardSpec(i, shardCount), i + 1),
                    mdChannel, MD_STREAM_ID, scanChannel, SCAN_STREAM_ID));
            }
            final ScannerAgent referenceAgent = ScanShards.createAgent(
                aeron, scannerContext(ShardSpec.ALL, REFERENCE_SCANNER_ID),
                mdChannel, MD_STREAM_ID, scanChannel, REFERENCE_STREAM_ID);
            agents.add(referenceAgent);
            for (final ScannerAgent agent : agents)
            {
                final AgentRunner runner = new AgentRunner(
                    new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(10),
                    TimeUnit.MILLISECONDS.toNanos(1)), Throwable::printStackTrace, (AtomicCounter)null, agent);
                runners.add(runner);
                AgentRunner.startOnThread(runner);
            }

            MarketDataReplay.replay(aeron, mdChannel, MD_STREAM_ID, FILES,
                () -> allConnected(agents) && merged.imageCount() == shardCount && 1 == reference.imageCount() &&
                overlap.imageCount() == shardCount && 1 == overlapReference.imageCount(),
                position -> allConsumed(agents, position));

            final Run run = new Run();
            final Collector mergedCollector = new Collector(run.merged);
            final ScanEventDeduplicator mergedDedup = new ScanEventDeduplicator(mergedCollector, 64);
            final ScanEventDeduplicator overlapDedup =
                new ScanEventDeduplicator(new Collector(run.overlapDeduplicated), 64);
            drain(merged, agents.subList(0, shardCount), mergedDedup);
            drain(reference, List.of(referenceAgent), new Collector(run.reference));
            // The overlapping consumer reads the reference's events after the shards': the worst order for it.
            drain(overlap, agents.subList(0, shardCount), overlapDedup);
            drain(overlapReference, List.of(referenceAgent), overlapDedup);
            run.mergedDuplicates = mergedDedup.duplicates();
            run.overlapDuplicates = overlapDedup.duplicates();
            run.shardsWithEvents = mergedCollector.scannerIds.size();
            CloseHelper.closeAll(runners);
            runners.clear();
            assertFalse(run.merged.isEmpty());
            return run;
        }
        finally
        {
            CloseHelper.closeAll(runners);
        }
    }

    private static ScannerContext scannerContext(final ShardSpec shard, final int scannerId)
    {
        return shard.applyTo(new ScannerContext())
            .scannerId(scannerId)
            .backPressurePolicy(BackPressurePolicy.RETRY)
            .publishRetryTimeoutNs(0);
    }

    private static boolean allConnected(final List<ScannerAgent> agents)
    {
        for (final ScannerAgent agent : agents)
        {
            if (!agent.subscription().isConnected() || !agent.publisher().isConnected())
            {
                return false;
            }
        }
        return true;
    }

    private static boolean allConsumed(final List<ScannerAgent> agents, final long position)
    {
        for (final ScannerAgent agent : agents)
        {
            final Subscription subscription = agent.subscription();
            if (1 != subscription.imageCount() || subscription.imageAtIndex(0).position() < position)
            {
                return false;
            }
        }
        return true;
    }

    private static void drain(final Subscription subscription, final List<ScannerAgent> publishers, final SbeHandler to)
    {
        final FragmentAssembler assembler =
            new FragmentAssembler((buffer, offset, length, header) -> to.onMessage(buffer, offset, length));
        final IdleStrategy idle = new BackoffIdleStrategy();
        while (!drained(subscription, publishers))
        {
            idle.idle(subscription.poll(assembler, 256));
        }
        while (subscription.poll(assembler, 256) > 0)
        {
            idle.reset();
        }
    }

    private static boolean drained(final Subscription subscription, final List<ScannerAgent> publishers)
    {
        for (final ScannerAgent agent : publishers)
        {
            final int sessionId = agent.publisher().publication().sessionId();
            final long position = agent.publisher().publication().position();
            final io.aeron.Image image = subscription.imageBySessionId(sessionId);
            if (null == image || image.position() < position)
            {
                return false;
            }
        }
        return true;
    }

    private static int freeUdpPort()
    {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static final class Run
    {
        final List<String> merged = new ArrayList<>();
        final List<String> reference = new ArrayList<>();
        final List<String> overlapDeduplicated = new ArrayList<>();
        long mergedDuplicates;
        long overlapDuplicates;
        int shardsWithEvents;
    }

    /**
     * Renders anomalies (without the id) and regime changes as comparable lines.
     */
    private static final class Collector implements SbeHandler
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final AnomalyEventDecoder anomaly = new AnomalyEventDecoder();
        private final RegimeChangeDecoder regimeChange = new RegimeChangeDecoder();
        private final InstrumentRegistry noNames = new InstrumentRegistry();
        private final List<String> events;
        private final Set<Integer> scannerIds = new HashSet<>();

        Collector(final List<String> events)
        {
            this.events = events;
        }

        public void onMessage(final DirectBuffer buffer, final int offset, final int length)
        {
            header.wrap(buffer, offset);
            final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            if (AnomalyEventDecoder.TEMPLATE_ID == header.templateId())
            {
                anomaly.wrap(buffer, bodyOffset, header.blockLength(), header.version());
                scannerIds.add(anomaly.scannerId());
                final StringBuilder line = new StringBuilder();
                AnomalyJsonlWriter.appendJson(anomaly, noNames, line);
                final String event = line.toString().replaceFirst("\"anomalyId\":\\d+,", "");
                events.add(0 == anomaly.eventTimeNs() % SWEEP_INTERVAL_NS ?
                    event.replaceFirst("\"receiveTime\":\\d+,", "") : event);
            }
            else if (RegimeChangeDecoder.TEMPLATE_ID == header.templateId())
            {
                regimeChange.wrap(buffer, bodyOffset, header.blockLength(), header.version());
                events.add("regime " + regimeChange.instrumentId() + " " + regimeChange.eventTimeNs() + " " +
                    regimeChange.receiveTimeNs() + " " + regimeChange.volatilityRegime() + " " +
                    regimeChange.trendRegime() + " " + regimeChange.previousVolatilityRegime() + " " +
                    regimeChange.previousTrendRegime() + " " + regimeChange.trendDirection() + " " +
                    regimeChange.confidence() + " " + regimeChange.atrRatio() + " " + regimeChange.adx());
            }
        }
    }
}
