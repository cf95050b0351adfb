/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hellmoon.feed.testing.CaptureExchange;
import io.hellmoon.feed.testing.SyntheticExchange;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hellmoon feed} and {@code hellmoon record} end to end against local servers on loopback: a real USD-M
 * capture served over WebSocket with its REST snapshot gives the same summary as {@code hellmoon replay} of the same
 * capture, and the feed's recording replays to it again.
 */
@Timeout(180)
class FeedCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMPARED = List.of(
        "messages", "instruments", "decodeErrors", "gaps", "resyncs", "crossedBooks");

    @Test
    void shouldSummariseALiveCaptureAsReplayDoesAndRecordItForReplay(@TempDir final Path dir) throws Exception
    {
        final Path capture = TestData.file("binance/captures/usdm/btcusdt_20240808.gz");
        final Path live = dir.resolve("live.json");
        final Path recording = dir.resolve("recording");
        final CliRun feed;
        try (CaptureExchange exchange = new CaptureExchange(capture))
        {
            feed = CliRun.run("feed", "--venue", "binance-usdm", "--symbols", "BTCUSDT",
                "--endpoint", exchange.server().wsUrl(), "--rest", exchange.server().httpUrl(),
                "--exit-when-idle", "2s", "--summary-json", live.toString(), "--record", recording.toString(),
                "--seed", "1");
            assertEquals(exchange.frameCount(), exchange.framesSent(), "the whole capture was served");
        }
        assertEquals(0, feed.exitCode(), feed.err());
        assertTrue(feed.out().contains("conn 0 OPEN"), feed.out());
        assertTrue(feed.out().contains("conn 0 SUBSCRIBED"), feed.out());
        assertTrue(feed.out().contains("no message for 2.000 s: stopping"), feed.out());

        final Path replayed = dir.resolve("replay.json");
        final CliRun replay = CliRun.run("replay", "--speed", "max", "--quiet", "--summary-json", replayed.toString(),
            capture.toString());
        assertEquals(0, replay.exitCode(), replay.err());

        final JsonNode liveSummary = JSON.readTree(live.toFile());
        final JsonNode replaySummary = JSON.readTree(replayed.toFile());
        for (final String key : COMPARED)
        {
            assertEquals(replaySummary.get(key), liveSummary.get(key), key);
        }
        assertEquals(21_313, liveSummary.get("messages").get("trade").asLong());
        assertEquals(1, liveSummary.get("messages").get("snapshot").asLong());
        assertEquals(0, liveSummary.get("reconnects").asLong());
        assertEquals(0, liveSummary.get("stalePeriods").asLong());
        assertEquals(0, liveSummary.get("decodeErrors").asLong());
        assertTrue(liveSummary.get("feedStatistics").get("endOfStream").asBoolean());

        final Path framesFile;
        try (Stream<Path> files = Files.list(recording))
        {
            framesFile = files.filter((p) -> p.toString().endsWith(".ws.1.0")).findFirst().orElseThrow();
        }
        final Path fromRecording = dir.resolve("recording.json");
        final CliRun recorded = CliRun.run("replay", "--speed", "max", "--quiet", "--venue", "binance-usdm",
            "--summary-json", fromRecording.toString(), framesFile.toString());
        assertEquals(0, recorded.exitCode(), recorded.err());
        final JsonNode recordedSummary = JSON.readTree(fromRecording.toFile());
        for (final String key : COMPARED)
        {
            assertEquals(liveSummary.get(key), recordedSummary.get(key), "recording: " + key);
        }
        assertEquals(liveSummary.get("feedStatistics").get("framesReceived"),
            recordedSummary.get("feedStatistics").get("framesReceived"), "the decoders saw the same frames");
    }

    @Test
    void shouldRecordASyntheticVenueWithItsReferenceData(@TempDir final Path dir) throws Exception
    {
        final Path summary = dir.resolve("summary.json");
        final CliRun record;
        try (SyntheticExchange exchange = new SyntheticExchange(4, 400, 11))
        {
            record = CliRun.run("record", "--venue", "binance-usdm", "--all",
                "--streams", "trade,bookTicker,depth@100ms",
                "--endpoint", exchange.server().wsUrl(), "--rest", exchange.server().httpUrl(), "--duration", "2s",
                "--out", dir.toString(), "--session", "synthetic", "--summary-json", summary.toString());
        }
        assertEquals(0, record.exitCode(), record.err());
        assertTrue(record.out().contains("REFERENCE_DATA 4 instruments"), record.out());
        assertTrue(Files.size(dir.resolve("synthetic.0")) > 0, "exchangeInfo recorded");
        assertTrue(Files.size(dir.resolve("synthetic.http.0.0")) > 0, "snapshots recorded");

        final Path replayed = dir.resolve("replayed.json");
        final CliRun replay = CliRun.run("replay", "--speed", "max", "--quiet", "--venue", "binance-usdm",
            "--summary-json", replayed.toString(), dir.resolve("synthetic.ws.1.0").toString());
        assertEquals(0, replay.exitCode(), replay.err());
        final JsonNode recorded = JSON.readTree(summary.toFile());
        final JsonNode replay2 = JSON.readTree(replayed.toFile());
        assertEquals(4, recorded.get("instruments").size());
        for (final String key : COMPARED)
        {
            assertEquals(recorded.get(key), replay2.get(key), key);
        }
    }

    @Test
    void shouldRefuseIncompleteOptions()
    {
        final CliRun neither = CliRun.run("feed", "--venue", "binance-usdm");
        assertEquals(2, neither.exitCode());
        assertTrue(neither.err().contains("give either --symbols LIST or --all"), neither.err());

        final CliRun unknown = CliRun.run("feed", "--venue", "kraken", "--all");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no venue profile 'kraken'"), unknown.err());

        final CliRun badUrl = CliRun.run("record", "--venue", "binance-spot", "--all", "--out", "x",
            "--endpoint", "http://localhost:1");
        assertEquals(2, badUrl.exitCode());
        assertTrue(badUrl.err().contains("hellmoon.feed.binance-spot.ws.url must be a ws or wss URL"), badUrl.err());
    }
}
