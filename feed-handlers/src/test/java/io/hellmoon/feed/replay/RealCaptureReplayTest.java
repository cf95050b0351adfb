/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

import io.hellmoon.feed.testing.ReferenceRebuild;
import io.hellmoon.feed.testing.ReplayHarness;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the real captures through replayer, test converter, pipeline and summary, and checks the summary against
 * the independent rebuild: same message counts, no gaps, no crossed books, same final prices and update ids.
 */
@Timeout(120)
class RealCaptureReplayTest
{
    private static final String[] HFTBACKTEST_FILES =
    {
        "binance/captures/spot/btcusdt_20240808.gz",
        "binance/captures/spot/ethusdt_20240808.gz",
        "binance/captures/usdm/btcusdt_20240808.gz",
        "binance/captures/usdm/ethusdt_20240808.gz",
    };

    @ParameterizedTest
    @ValueSource(strings = {
        "binance/captures/spot/btcusdt_20240808.gz",
        "binance/captures/spot/ethusdt_20240808.gz",
        "binance/captures/usdm/btcusdt_20240808.gz",
        "binance/captures/usdm/ethusdt_20240808.gz" })
    void shouldMatchIndependentRebuildForEachCapture(final String relative)
    {
        final ReferenceRebuild.Input input = input(relative);
        assertMatches(List.of(input.file()), ReferenceRebuild.hftbacktest(List.of(input)));
    }

    @Test
    void shouldMatchIndependentRebuildForAllCapturesMerged()
    {
        final List<ReferenceRebuild.Input> inputs = new ArrayList<>();
        final List<Path> files = new ArrayList<>();
        for (final String relative : HFTBACKTEST_FILES)
        {
            inputs.add(input(relative));
            files.add(inputs.get(inputs.size() - 1).file());
        }
        final MarketDataSummary summary = assertMatches(files, ReferenceRebuild.hftbacktest(inputs));
        assertEquals(4, summary.instruments().size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "BINANCE", "BINANCE_FUTURES" })
    void shouldMatchIndependentRebuildForCryptofeedSession(final String session)
    {
        final Path dir = TestData.file("binance/cryptofeed");
        final Venue venue = "BINANCE".equals(session) ? Venue.BINANCE_SPOT : Venue.BINANCE_USDM;
        final ReferenceRebuild rebuild = ReferenceRebuild.cryptofeed(
            dir.resolve(session + ".ws.1.0"), dir.resolve(session + ".http.0.0"), venue);
        final List<Path> files = List.of(
            dir.resolve(session + ".0"), dir.resolve(session + ".http.0.0"), dir.resolve(session + ".ws.1.0"));
        final MarketDataSummary summary = assertMatches(files, rebuild);
        assertEquals(4, summary.instruments().size());
    }

    @Test
    void shouldReplayByteForByteTheSameOnEveryRun()
    {
        final List<Path> files = List.of(
            input("binance/captures/spot/ethusdt_20240808.gz").file(),
            TestData.file("binance/cryptofeed/BINANCE.ws.1.0"));
        final List<byte[]> first = new ArrayList<>();
        final List<byte[]> second = new ArrayList<>();
        String firstJson;
        try (ReplayHarness harness = new ReplayHarness(files, null, true))
        {
            harness.run();
            for (int i = 0; i < harness.downstream().size(); i++)
            {
                first.add(harness.downstream().message(i).byteArray());
            }
            firstJson = harness.summary().toJson();
        }
        try (ReplayHarness harness = new ReplayHarness(files, null, true))
        {
            harness.run();
            for (int i = 0; i < harness.downstream().size(); i++)
            {
                second.add(harness.downstream().message(i).byteArray());
            }
            assertEquals(firstJson, harness.summary().toJson());
        }
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++)
        {
            assertArrayEquals(first.get(i), second.get(i), "message " + i);
        }
        assertTrue(first.size() > 33_000);
    }

    private static MarketDataSummary assertMatches(final List<Path> files, final ReferenceRebuild rebuild)
    {
        try (ReplayHarness harness = new ReplayHarness(files, null, false))
        {
            harness.run();
            final MarketDataSummary summary = harness.summary();

            final Map<String, Long> expectedCounts = rebuild.counts();
            final Map<String, Long> actualCounts = new TreeMap<>();
            for (final String type : expectedCounts.keySet())
            {
                actualCounts.put(type, summary.messages(type));
            }
            assertEquals(expectedCounts, actualCounts, "messages per type");
            assertEquals(0, rebuild.gaps(), "rebuild gaps");
            assertEquals(0, rebuild.crossed(), "rebuild crossed books");
            assertEquals(0, summary.gaps(), "gaps");
            assertEquals(0, summary.crossedBooks(), "crossed books");
            assertEquals(0, summary.resyncs(), "resyncs");
            assertEquals(0, summary.decodeErrors(), "decode errors");
            assertEquals(0, harness.replayer().malformedLines(), "malformed lines");

            final Map<String, ReferenceRebuild.Final> expected = rebuild.instruments();
            final Map<String, ReferenceRebuild.Final> actual = new TreeMap<>();
            summary.instruments().forEach((key, value) -> actual.put(key, new ReferenceRebuild.Final(
                value.bestBid(), value.bestAsk(), value.lastTradePrice(), value.lastUpdateId())));
            assertEquals(expected, actual, "final state per instrument");
            for (final MarketDataSummary.InstrumentSummary value : summary.instruments().values())
            {
                assertTrue(value.fromBook(), "best prices come from the book");
                assertFalse(null == value.bestBid() || null == value.bestAsk());
            }
            assertTrue(harness.pipeline().isEndOfStream());
            return summary;
        }
    }

    static ReferenceRebuild.Input input(final String relative)
    {
        return new ReferenceRebuild.Input(
            TestData.file(relative), relative.contains("/usdm/") ? Venue.BINANCE_USDM : Venue.BINANCE_SPOT);
    }
}
