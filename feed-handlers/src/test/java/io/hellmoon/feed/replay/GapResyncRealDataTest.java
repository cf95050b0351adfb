/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

import io.hellmoon.feed.testing.RecordingSink;
import io.hellmoon.feed.testing.ReferenceRebuild;
import io.hellmoon.feed.testing.ReplayHarness;
import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.DepthSnapshotDecoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatusDecoder;
import io.hellmoon.sbe.FeedStatusReason;
import io.hellmoon.sbe.Venue;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gap path on real data: one applied diff is removed from a real capture, so the book must detect the gap,
 * publish RESYNCING (SEQUENCE_GAP) and nothing more for the instrument until a new snapshot arrives; a snapshot is
 * then injected later in the file, built by the independent rebuild of the original file at that point, after which
 * the book must be exact again: equal to the rebuild of the original at the end and at every bookTicker checkpoint.
 */
@Timeout(120)
class GapResyncRealDataTest
{
    private static final int REMOVED_DEPTH_LINE = 200;
    private static final int SNAPSHOT_AFTER_DEPTH_LINE = 260;

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @ValueSource(strings = { "binance/captures/usdm/btcusdt_20240808.gz", "binance/captures/spot/btcusdt_20240808.gz" })
    void shouldResyncFromNewSnapshotAfterRemovedDiff(final String relative) throws IOException
    {
        final ReferenceRebuild.Input original = RealCaptureReplayTest.input(relative);
        final String key = original.venue().name() + ":BTCUSDT";
        final ReferenceRebuild atSnapshot = ReferenceRebuild.hftbacktest(List.of(original), SNAPSHOT_AFTER_DEPTH_LINE);
        final ReferenceRebuild whole = ReferenceRebuild.hftbacktest(List.of(original));
        final Path modified = writeWithGapAndSnapshot(original.file(), atSnapshot.snapshotJson(key));

        try (ReplayHarness harness = new ReplayHarness(List.of(modified), original.venue(), true))
        {
            harness.run();
            final int id = harness.registry().idOf(original.venue(), "BTCUSDT");
            final RecordingSink out = harness.downstream();

            int gapIndex = -1;
            int resyncedIndex = -1;
            int secondSnapshotIndex = -1;
            int snapshots = 0;
            for (int i = 0; i < out.size(); i++)
            {
                final int templateId = out.templateId(i);
                if (DepthSnapshotDecoder.TEMPLATE_ID == templateId && 2 == ++snapshots)
                {
                    secondSnapshotIndex = i;
                }
                if (FeedStatusDecoder.TEMPLATE_ID == templateId)
                {
                    final RecordingSink.Status status = out.status(i);
                    if (FeedStatusReason.SEQUENCE_GAP == status.reason())
                    {
                        assertEquals(-1, gapIndex, "one gap only");
                        assertEquals(FeedState.RESYNCING, status.state());
                        assertEquals(id, status.instrumentId());
                        gapIndex = i;
                    }
                    else if (gapIndex >= 0 && FeedState.LIVE == status.state() && -1 == resyncedIndex)
                    {
                        assertEquals(FeedStatusReason.SNAPSHOT_APPLIED, status.reason());
                        assertEquals(1, status.resyncCount());
                        resyncedIndex = i;
                    }
                }
                if (BookLevelsDecoder.TEMPLATE_ID == templateId && gapIndex >= 0 && -1 == resyncedIndex)
                {
                    assertNotEquals(id, out.levels(i).instrumentId(), "BookLevels while resyncing at " + i);
                }
            }
            assertTrue(gapIndex > 0, "gap published");
            assertTrue(secondSnapshotIndex > gapIndex, "injected snapshot after the gap");
            assertTrue(resyncedIndex > secondSnapshotIndex, "LIVE again only after the injected snapshot");

            final MarketDataSummary summary = harness.summary();
            assertEquals(1, summary.gaps());
            assertEquals(1, summary.resyncs());
            assertEquals(0, summary.crossedBooks());
            assertEquals(1, harness.pipeline().bookManager().gaps());
            assertEquals(1, harness.pipeline().bookManager().resyncs());

            final ReferenceRebuild.Final expected = whole.instruments().get(key);
            final MarketDataSummary.InstrumentSummary actual = summary.instrument(key);
            assertEquals(expected, new ReferenceRebuild.Final(
                actual.bestBid(), actual.bestAsk(), actual.lastTradePrice(), actual.lastUpdateId()));

            assertEquals(0, harness.checkpoints().mismatches(id), "bookTicker checkpoints after the resync");
            if (Venue.BINANCE_USDM == original.venue())
            {
                assertTrue(harness.checkpoints().checkpoints(id) > 100, "checkpoints " + harness.checkpoints()
                    .checkpoints(id));
            }
        }
    }

    private Path writeWithGapAndSnapshot(final Path file, final String snapshotJson) throws IOException
    {
        final List<String> lines = new ArrayList<>();
        int depthLines = 0;
        for (final String line : ReferenceRebuild.lines(file))
        {
            if (line.contains("\"e\":\"depthUpdate\""))
            {
                depthLines++;
                if (REMOVED_DEPTH_LINE == depthLines)
                {
                    continue;
                }
                lines.add(line);
                if (SNAPSHOT_AFTER_DEPTH_LINE == depthLines)
                {
                    lines.add(line.substring(0, line.indexOf(' ')) + " " + snapshotJson);
                }
                continue;
            }
            lines.add(line);
        }
        final Path modified = tempDir.resolve(file.getFileName().toString().replace(".gz", ".txt"));
        Files.write(modified, lines, StandardCharsets.US_ASCII);
        return modified;
    }
}
