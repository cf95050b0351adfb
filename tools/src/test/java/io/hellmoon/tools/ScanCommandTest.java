/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.AeronPublisher;
import io.hellmoon.codecs.aeron.BackPressurePolicy;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.EmbeddedMediaDriver;
import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.feed.replay.Replayer;
import io.hellmoon.sbe.AnomalyEventDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.RegimeChangeDecoder;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.TestData;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hellmoon scan} as a process would run it: attached to a running driver, one shard of a real replay.
 */
@Timeout(180)
class ScanCommandTest
{
    private static final int MD_STREAM_ID = 7201;
    private static final int SCAN_STREAM_ID = 7202;

    @Test
    void shouldScanOnlyItsShardAndPublishOnTheGivenScanStream() throws Exception
    {
        try (EmbeddedMediaDriver driver = EmbeddedMediaDriver.launch("scan-command-test");
            Aeron aeron = driver.connect())
        {
            final Subscription scan = aeron.addSubscription("aeron:ipc", SCAN_STREAM_ID);
            final ExclusivePublication md = aeron.addExclusivePublication("aeron:ipc", MD_STREAM_ID);
            final CompletableFuture<CliRun> command = CompletableFuture.supplyAsync(() -> CliRun.run("scan",
                "--aeron-dir", driver.aeronDirectoryName(), "--shard", "1/2", "--scanner-id", "7",
                "--md-stream-id", String.valueOf(MD_STREAM_ID), "--scan-stream-id", String.valueOf(SCAN_STREAM_ID),
                "--exit-when-idle", "2s", "--duration", "120s"));

            final IdleStrategy idle = new BackoffIdleStrategy();
            while (!md.isConnected() || 0 == scan.imageCount())
            {
                idle.idle();
            }
            final CounterFactory counters = CounterFactory.local(64);
            final AeronPublisher publisher = new AeronPublisher(
                md, BackPressurePolicy.RETRY, new YieldingIdleStrategy(), 0, counters, "test md");
            final InstrumentRegistry registry = new InstrumentRegistry();
            final ManualEpochNanoClock replayTime = new ManualEpochNanoClock(0);
            final MarketDataFeed feed =
                new MarketDataFeed(publisher, registry, true, replayTime, counters, "test", Venue.NULL_VAL);
            try (Replayer replayer = new Replayer(new Replayer.Context()
                .files(List.of(
                    TestData.file("binance/captures/usdm/btcusdt_20240808.gz"),
                    TestData.file("binance/captures/usdm/ethusdt_20240808.gz")))
                .speed(ReplaySpeed.MAX)
                .registry(registry)
                .replayTimeClock(replayTime)
                .frameHandlers(feed::handlerFor)
                .endOfStreamHandler(feed.pipeline()::onEndOfStream)))
            {
                while (!replayer.isDone())
                {
                    idle.idle(replayer.doWork());
                }
            }

            final Set<Integer> instruments = new HashSet<>();
            final Set<Integer> scannerIds = new HashSet<>();
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            final AnomalyEventDecoder anomaly = new AnomalyEventDecoder();
            final RegimeChangeDecoder regime = new RegimeChangeDecoder();
            final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, h) ->
            {
                header.wrap(buffer, offset);
                if (AnomalyEventDecoder.TEMPLATE_ID == header.templateId())
                {
                    anomaly.wrapAndApplyHeader(buffer, offset, header);
                    instruments.add(anomaly.instrumentId());
                    scannerIds.add(anomaly.scannerId());
                }
                else if (RegimeChangeDecoder.TEMPLATE_ID == header.templateId())
                {
                    regime.wrapAndApplyHeader(buffer, offset, header);
                    instruments.add(regime.instrumentId());
                }
            });
            final CliRun run = command.get(150, TimeUnit.SECONDS);
            while (scan.poll(assembler, 256) > 0)
            {
                idle.reset();
            }
            CloseHelper.closeAll(feed, publisher);

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("scanner 7, shard 1/2 (instrumentId % 2 == 1)"), run.out());
            assertTrue(run.out().contains("instruments 1,"), run.out());
            assertTrue(!instruments.isEmpty(), "the shard's instrument has events: " + run.out());
            assertEquals(Set.of(1), instruments, "only odd instrument ids (the first capture's symbol is id 1)");
            assertEquals(Set.of(7), scannerIds);
        }
    }

    @Test
    void shouldRejectAnImpossibleShard()
    {
        for (final String shard : List.of("2/2", "-1/2", "0/0", "x", "1/", "/2"))
        {
            final CliRun run = CliRun.run("scan", "--shard", shard);
            assertEquals(2, run.exitCode(), shard);
            assertTrue(run.err().contains("shard"), run.err());
        }
    }

    @Test
    void shouldRejectABadDuration()
    {
        final CliRun run = CliRun.run("scan", "--duration", "soon");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--duration"), run.err());
    }
}
