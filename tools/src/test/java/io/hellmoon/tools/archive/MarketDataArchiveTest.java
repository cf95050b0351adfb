/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.archive;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.hellmoon.codecs.HellmoonConfiguration.Stream;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.AeronPublisher;
import io.hellmoon.codecs.aeron.BackPressurePolicy;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.EmbeddedMediaDriver;
import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.replay.MarketDataSummary;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.feed.replay.Replayer;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.TestData;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real capture replayed onto the market-data stream while an embedded archive records it; the recording replayed
 * back gives the very same messages, byte for byte, and so the same summary.
 */
@Timeout(180)
class MarketDataArchiveTest
{
    @Test
    void shouldReplayTheRecordedStreamByteForByte(@TempDir final Path dir)
    {
        final List<byte[]> original = new ArrayList<>();
        final MarketDataSummary originalSummary = new MarketDataSummary(new InstrumentRegistry());
        final List<byte[]> replayed = new ArrayList<>();
        final MarketDataSummary replayedSummary = new MarketDataSummary(new InstrumentRegistry());
        final Path archiveDir = dir.resolve("archive");

        try (EmbeddedMediaDriver driver = EmbeddedMediaDriver.launch("archive-test");
            Aeron aeron = driver.connect();
            MarketDataArchive archive = MarketDataArchive.launch(driver.aeronDirectoryName(), archiveDir))
        {
            final long recordingSubscription = archive.startRecording(Stream.MD.channel(), Stream.MD.streamId());
            final ExclusivePublication publication =
                aeron.addExclusivePublication(Stream.MD.channel(), Stream.MD.streamId());
            final Subscription subscription = aeron.addSubscription(Stream.MD.channel(), Stream.MD.streamId());
            final long recordingId = archive.awaitRecording(publication.sessionId());
            final BackoffIdleStrategy idle = new BackoffIdleStrategy();
            while (!subscription.isConnected())
            {
                idle.idle();
            }

            final CounterFactory counters = CounterFactory.local(64);
            final AeronPublisher publisher = new AeronPublisher(
                publication, BackPressurePolicy.RETRY, new YieldingIdleStrategy(), 0, counters, "test md");
            final ManualEpochNanoClock replayTime = new ManualEpochNanoClock(0);
            final MarketDataFeed feed = new MarketDataFeed(
                publisher, new InstrumentRegistry(), true, replayTime, counters, "test", Venue.NULL_VAL);
            final Replayer replayer = new Replayer(new Replayer.Context()
                .files(List.of(TestData.file("binance/captures/spot/btcusdt_20240808.gz")))
                .speed(ReplaySpeed.parse("max"))
                .replayTimeClock(replayTime)
                .frameHandlers(feed::handlerFor)
                .endOfStreamHandler(feed.pipeline()::onEndOfStream));

            final FragmentAssembler assembler = new FragmentAssembler(
                (buffer, offset, length, header) -> keep(original, originalSummary, buffer, offset, length));
            while (!replayer.isDone())
            {
                replayer.doWork();
                subscription.poll(assembler, Integer.MAX_VALUE);
            }
            while (subscription.poll(assembler, Integer.MAX_VALUE) > 0)
            {
                idle.idle();
            }

            archive.awaitPosition(recordingId, publication.position());
            archive.stopRecording(recordingSubscription);
            CloseHelper.closeAll(replayer, feed, subscription, publisher);

            final List<MarketDataArchive.Recording> recordings = archive.recordings();
            assertEquals(1, recordings.size());
            assertEquals(recordingId, archive.latestRecordingId());
            assertEquals(Stream.MD.streamId(), recordings.get(0).streamId());
            assertTrue(recordings.get(0).length() > 0);

            final long messages = archive.replay(recordingId, "aeron:ipc", 4321,
                (buffer, offset, length) -> keep(replayed, replayedSummary, buffer, offset, length));
            assertEquals(original.size(), messages);
        }

        assertTrue(original.size() > 40_000, "messages: " + original.size());
        assertEquals(original.size(), replayed.size());
        for (int i = 0; i < original.size(); i++)
        {
            assertArrayEquals(original.get(i), replayed.get(i), "message " + i);
        }
        assertEquals(originalSummary.toJson(), replayedSummary.toJson());
        assertEquals(0, replayedSummary.decodeErrors());
    }

    @Test
    void shouldRefuseToReplayARecordingThatIsStillActive(@TempDir final Path dir)
    {
        try (EmbeddedMediaDriver driver = EmbeddedMediaDriver.launch("archive-active");
            Aeron aeron = driver.connect();
            MarketDataArchive archive = MarketDataArchive.launch(driver.aeronDirectoryName(), dir.resolve("a")))
        {
            archive.startRecording("aeron:ipc", 99);
            try (ExclusivePublication publication = aeron.addExclusivePublication("aeron:ipc", 99))
            {
                final long recordingId = archive.awaitRecording(publication.sessionId());
                assertThrows(IllegalArgumentException.class,
                    () -> archive.replay(recordingId, "aeron:ipc", 98, (buffer, offset, length) -> {}));
            }
        }
    }

    private static void keep(
        final List<byte[]> messages,
        final MarketDataSummary summary,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        messages.add(copy);
        summary.onMessage(buffer, offset, length);
        assertTrue(Arrays.hashCode(copy) != 0 || 0 == length);
    }
}
