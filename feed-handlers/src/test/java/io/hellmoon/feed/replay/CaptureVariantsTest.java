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
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Capture shapes the shared data does not hold but users replay: 2023 hftbacktest files (microsecond receive times,
 * spot trades with buyer and seller order ids), COIN-M (symbols like {@code BTCUSD_PERP}, {@code ps} fields, snapshots
 * naming symbol and pair), Binance.US (spot's dialect under another venue) and day files continuing one another.
 * Each is derived from a real capture by rewriting exactly what differs, and must replay to the same counts and the
 * same final book and trade as the original.
 */
@Timeout(120)
class CaptureVariantsTest
{
    private static final String SPOT_BTC = "binance/captures/spot/btcusdt_20240808.gz";
    private static final String USDM_BTC = "binance/captures/usdm/btcusdt_20240808.gz";
    private static final String USDM_ETH = "binance/captures/usdm/ethusdt_20240808.gz";

    @Test
    void shouldReplayThe2023ShapeWithMicrosecondTimesAndOrderIds(@TempDir final Path dir) throws IOException
    {
        final Path variant = rewrite(SPOT_BTC, dir.resolve("btcusdt_20230808.gz"), (line) ->
        {
            final int space = line.indexOf(' ');
            final long receiveNs = Long.parseLong(line.substring(0, space));
            String json = line.substring(space + 1);
            if (json.contains("\"e\":\"trade\""))
            {
                json = json.replace(",\"p\":", ",\"b\":17710348511,\"a\":17710348644,\"p\":");
            }
            return (receiveNs / 1_000) + " " + json;
        });

        final MarketDataSummary summary = replay(List.of(variant), null);
        assertSameAsOriginal(summary, "BINANCE_SPOT:BTCUSDT", SPOT_BTC, Venue.BINANCE_SPOT);
    }

    @Test
    void shouldDetectAndReplayCoinMargined(@TempDir final Path dir) throws IOException
    {
        final Path variant = rewrite(USDM_BTC, dir.resolve("btcusd_perp_20240808.gz"), (line) -> line
            .replace("\"stream\":\"btcusdt@", "\"stream\":\"btcusd_perp@")
            .replace("\"s\":\"BTCUSDT\"", "\"s\":\"BTCUSD_PERP\",\"ps\":\"BTCUSD\"")
            .replace("{\"lastUpdateId\":", "{\"symbol\":\"BTCUSD_PERP\",\"pair\":\"BTCUSD\",\"lastUpdateId\":"));

        final MarketDataSummary summary = replay(List.of(variant), null);
        assertSameAsOriginal(summary, "BINANCE_COINM:BTCUSD_PERP", USDM_BTC, Venue.BINANCE_USDM);
    }

    @Test
    void shouldReplaySpotCapturesAsBinanceUs() throws IOException
    {
        final MarketDataSummary summary = replay(List.of(TestData.file(SPOT_BTC)), Venue.BINANCE_US);
        assertSameAsOriginal(summary, "BINANCE_US:BTCUSDT", SPOT_BTC, Venue.BINANCE_SPOT);
    }

    @Test
    void shouldContinueOneBookAcrossDayFiles(@TempDir final Path dir) throws IOException
    {
        final List<String> lines = ReferenceRebuild.lines(TestData.file(USDM_ETH));
        final int split = lines.size() / 2;
        final Path first = write(dir.resolve("ethusdt_20240808_a.gz"), lines.subList(0, split));
        final Path second = write(dir.resolve("ethusdt_20240808_b.gz"), lines.subList(split, lines.size()));

        final MarketDataSummary summary = replay(List.of(first, second), null);
        assertSameAsOriginal(summary, "BINANCE_USDM:ETHUSDT", USDM_ETH, Venue.BINANCE_USDM);
    }

    private static MarketDataSummary replay(final List<Path> files, final Venue venue)
    {
        try (ReplayHarness harness = new ReplayHarness(files, venue, false))
        {
            harness.run();
            assertEquals(0, harness.replayer().malformedLines(), "malformed lines");
            return harness.summary();
        }
    }

    private static void assertSameAsOriginal(
        final MarketDataSummary summary, final String key, final String original, final Venue originalVenue)
    {
        final ReferenceRebuild rebuild = ReferenceRebuild.hftbacktest(
            List.of(new ReferenceRebuild.Input(TestData.file(original), originalVenue)));
        for (final Map.Entry<String, Long> count : rebuild.counts().entrySet())
        {
            assertEquals(count.getValue(), summary.messages(count.getKey()), count.getKey());
        }
        assertEquals(0, summary.decodeErrors(), "decode errors");
        assertEquals(0, summary.gaps(), "gaps");
        assertEquals(0, summary.resyncs(), "resyncs");
        assertEquals(0, summary.crossedBooks(), "crossed books");

        assertEquals(1, summary.instruments().size(), summary.instruments().toString());
        final MarketDataSummary.InstrumentSummary actual = summary.instrument(key);
        final ReferenceRebuild.Final expected = rebuild.instruments().values().iterator().next();
        assertEquals(expected, new ReferenceRebuild.Final(
            actual.bestBid(), actual.bestAsk(), actual.lastTradePrice(), actual.lastUpdateId()), key);
    }

    private static Path rewrite(final String relative, final Path target, final UnaryOperator<String> change)
        throws IOException
    {
        return write(target, ReferenceRebuild.lines(TestData.file(relative)).stream().map(change).toList());
    }

    private static Path write(final Path target, final List<String> lines) throws IOException
    {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target));
            Writer writer = new OutputStreamWriter(out, StandardCharsets.US_ASCII))
        {
            for (final String line : lines)
            {
                writer.write(line);
                writer.write('\n');
            }
        }
        return target;
    }
}
