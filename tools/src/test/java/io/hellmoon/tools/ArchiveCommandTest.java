/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.hellmoon.codecs.aeron.EmbeddedMediaDriver;
import io.hellmoon.test.TestData;
import io.hellmoon.tools.archive.MarketDataArchive;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hellmoon replay --record-archive} and {@code hellmoon archive record | list | replay} end to end.
 */
@Timeout(180)
class ArchiveCommandTest
{
    @Test
    void shouldRecordAReplayAndReplayTheArchiveToTheSameSummary(@TempDir final Path dir) throws Exception
    {
        final Path archive = dir.resolve("archive");
        final Path original = dir.resolve("original.json");
        final Path replayed = dir.resolve("replayed.json");
        final String capture = TestData.file("binance/captures/usdm/ethusdt_20240808.gz").toString();

        final CliRun replay = CliRun.run(
            "replay", "--summary-json", original.toString(), "--record-archive", archive.toString(), capture);
        assertEquals(0, replay.exitCode(), replay.err());
        assertTrue(replay.out().contains("recorded as recording 0 in " + archive), replay.out());

        final CliRun list = CliRun.run("archive", "list", "--archive", archive.toString());
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().lines().anyMatch((line) -> line.startsWith("0 ")), list.out());

        final CliRun fromArchive = CliRun.run(
            "archive", "replay", "--archive", archive.toString(), "--summary-json", replayed.toString());
        assertEquals(0, fromArchive.exitCode(), fromArchive.err());
        assertTrue(fromArchive.out().startsWith("recording 0: "), fromArchive.out());
        assertEquals(Files.readString(original), Files.readString(replayed), "the same summary from the archive");

        final CliRun again = CliRun.run("replay", "--quiet", "--record-archive", archive.toString(), capture);
        assertEquals(0, again.exitCode(), again.err());
        final CliRun first = CliRun.run("archive", "replay", "--archive", archive.toString(), "--recording-id", "0",
            "--summary-json", replayed.toString(), "--quiet");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(Files.readString(original), Files.readString(replayed));
        final CliRun listed = CliRun.run("archive", "list", "--archive", archive.toString());
        assertTrue(listed.out().lines().anyMatch((line) -> line.startsWith("1 ")), "a second run adds recording 1");
    }

    @Test
    void shouldRefuseMissingArchivesAndRecordings(@TempDir final Path dir) throws Exception
    {
        final CliRun missing = CliRun.run("archive", "replay", "--archive", dir.resolve("none").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no archive in"), missing.err());
        assertTrue(Files.notExists(dir.resolve("none")), "a mistyped directory is not created");

        final Path archive = dir.resolve("archive");
        final CliRun replay = CliRun.run("replay", "--quiet", "--record-archive", archive.toString(),
            TestData.file("binance/cryptofeed/BINANCE.ws.1.0").toString());
        assertEquals(0, replay.exitCode(), replay.err());
        final CliRun unknown = CliRun.run(
            "archive", "replay", "--archive", archive.toString(), "--recording-id", "7");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no complete recording 7"), unknown.err());

        final CliRun badDuration = CliRun.run("archive", "record", "--archive", archive.toString(),
            "--duration", "soon");
        assertEquals(2, badDuration.exitCode());
    }

    @Test
    void shouldRecordTheStreamOfARunningDriver(@TempDir final Path dir) throws Exception
    {
        final Path archive = dir.resolve("archive");
        final List<byte[]> sent = new ArrayList<>();
        try (EmbeddedMediaDriver driver = EmbeddedMediaDriver.launch("archive-record");
            Aeron aeron = driver.connect())
        {
            final AtomicReference<CliRun> record = new AtomicReference<>();
            final Thread recorder = new Thread(() -> record.set(CliRun.run("archive", "record", "--aeron-dir",
                driver.aeronDirectoryName(), "--archive", archive.toString(), "--stream", "scan", "--duration", "3s")));
            recorder.start();

            try (ExclusivePublication publication = aeron.addExclusivePublication("aeron:ipc",
                io.hellmoon.codecs.HellmoonConfiguration.Stream.SCAN.streamId()))
            {
                final BackoffIdleStrategy idle = new BackoffIdleStrategy();
                while (!publication.isConnected())
                {
                    idle.idle();
                }
                final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
                for (int i = 0; i < 1_000; i++)
                {
                    buffer.putInt(0, i);
                    buffer.putLong(8, i * 31L);
                    while (publication.offer(buffer, 0, 16 + i % 48) < 0)
                    {
                        idle.idle();
                    }
                    final byte[] copy = new byte[16 + i % 48];
                    buffer.getBytes(0, copy);
                    sent.add(copy);
                }
                recorder.join();
            }
            assertEquals(0, record.get().exitCode(), record.get().err());
            assertTrue(record.get().out().contains("recording scan"), record.get().out());

            final List<byte[]> replayed = new ArrayList<>();
            try (MarketDataArchive archiveHandle = MarketDataArchive.launch(driver.aeronDirectoryName(), archive))
            {
                final long messages = archiveHandle.replay(archiveHandle.latestRecordingId(), "aeron:ipc", 777,
                    (b, offset, length) ->
                    {
                        final byte[] copy = new byte[length];
                        b.getBytes(offset, copy);
                        replayed.add(copy);
                    });
                assertEquals(1_000, messages);
            }
            for (int i = 0; i < sent.size(); i++)
            {
                assertTrue(java.util.Arrays.equals(sent.get(i), replayed.get(i)), "message " + i);
            }
        }
    }
}
