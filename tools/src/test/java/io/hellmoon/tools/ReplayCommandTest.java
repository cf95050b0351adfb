/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hellmoon replay} end to end: real captures through an embedded media driver, the summary computed by a
 * subscriber of the market-data stream. The expected figures were rebuilt independently from the same files (and are
 * checked against a rebuild in code by the feed-handlers tests); here they pin what the command prints.
 */
@Timeout(180)
class ReplayCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ON_SWEEP_BOUNDARY =
        Pattern.compile("^\\{\"time\":\\d+(000000000|250000000|500000000|750000000),");

    @Test
    void shouldSummariseMergedCapturesFromTheMarketDataStream(@TempDir final Path dir) throws Exception
    {
        final Path summary = dir.resolve("summary.json");
        final CliRun run = CliRun.run("replay", "--speed", "max", "--summary-json", summary.toString(),
            TestData.file("binance/captures/spot/btcusdt_20240808.gz").toString(),
            TestData.file("binance/captures/usdm/ethusdt_20240808.gz").toString());
        assertEquals(0, run.exitCode(), run.err());

        final JsonNode root = JSON.readTree(summary.toFile());
        final JsonNode messages = root.get("messages");
        final Set<String> keys = new TreeSet<>();
        messages.fieldNames().forEachRemaining(keys::add);
        assertEquals(Set.of("trade", "aggTrade", "bookTicker", "depthUpdate", "kline", "forceOrder",
            "markPriceUpdate", "snapshot"), keys, "exactly the eight message types");
        assertEquals(9757 + 14076, messages.get("trade").asLong());
        assertEquals(28040 + 53992, messages.get("bookTicker").asLong());
        assertEquals(3451 + 6586, messages.get("depthUpdate").asLong());
        assertEquals(2, messages.get("snapshot").asLong());
        assertEquals(0, messages.get("aggTrade").asLong());
        assertEquals(0, root.get("decodeErrors").asLong());
        assertEquals(0, root.get("gaps").asLong());
        assertEquals(0, root.get("resyncs").asLong());
        assertEquals(0, root.get("crossedBooks").asLong());

        final JsonNode spot = root.get("instruments").get("BINANCE_SPOT:BTCUSDT");
        assertEquals("61685.99", spot.get("bestBid").asText());
        assertEquals("61686", spot.get("bestAsk").asText());
        assertEquals("61685.99", spot.get("lastTradePrice").asText());
        assertEquals(50093421584L, spot.get("lastUpdateId").asLong());
        final JsonNode eth = root.get("instruments").get("BINANCE_USDM:ETHUSDT");
        assertEquals("2681.38", eth.get("bestBid").asText());
        assertEquals("2681.39", eth.get("bestAsk").asText());
        assertEquals("2681.38", eth.get("lastTradePrice").asText());
        assertEquals(5123135545737L, eth.get("lastUpdateId").asLong());
    }

    @Test
    void shouldWriteTheSameAnomaliesByteForByteWhenReplayedTwice(@TempDir final Path dir) throws Exception
    {
        final List<String> files = List.of(
            TestData.file("binance/captures/usdm/btcusdt_20240808.gz").toString(),
            TestData.file("binance/captures/spot/ethusdt_20240808.gz").toString());
        final Path first = dir.resolve("first.jsonl");
        final Path second = dir.resolve("second.jsonl");

        for (final Path out : List.of(first, second))
        {
            final String[] args = new String[5 + files.size()];
            args[0] = "replay";
            args[1] = "--quiet";
            args[2] = "--scan";
            args[3] = "--anomalies-jsonl";
            args[4] = out.toString();
            for (int i = 0; i < files.size(); i++)
            {
                args[5 + i] = files.get(i);
            }
            final CliRun run = CliRun.run(args);
            assertEquals(0, run.exitCode(), run.err());
        }

        final byte[] firstBytes = Files.readAllBytes(first);
        assertTrue(firstBytes.length > 0, "six minutes of BTC and ETH produce anomalies");
        assertArrayEquals(firstBytes, Files.readAllBytes(second));

        for (final String line : Files.readAllLines(first))
        {
            final JsonNode anomaly = JSON.readTree(line);
            assertTrue(anomaly.get("time").asLong() > 1_723_000_000_000_000_000L, line);
            assertTrue(anomaly.get("venue").asText().startsWith("BINANCE_"), line);
            assertTrue(Set.of("BTCUSDT", "ETHUSDT").contains(anomaly.get("symbol").asText()), line);
            assertTrue(anomaly.get("score").asDouble() > 1.0, line);
            assertTrue(anomaly.hasNonNull("type"), line);
        }
    }

    @Test
    void shouldSplitTheAnomaliesOverShards(@TempDir final Path dir) throws Exception
    {
        final String[] files = {
            TestData.file("binance/captures/usdm/btcusdt_20240808.gz").toString(),
            TestData.file("binance/captures/usdm/ethusdt_20240808.gz").toString()};
        final List<String> all = scanLines(dir.resolve("all.jsonl"), "0/1", files);
        final List<String> merged = new ArrayList<>(scanLines(dir.resolve("s0.jsonl"), "0/2", files));
        merged.addAll(scanLines(dir.resolve("s1.jsonl"), "1/2", files));
        assertTrue(all.size() > 2, "anomalies on both instruments: " + all);
        assertEquals(new TreeSet<>(all), new TreeSet<>(merged), "the shards' events are the whole replay's");
        assertEquals(all.size(), merged.size());
    }

    private static List<String> scanLines(final Path out, final String shard, final String... files) throws Exception
    {
        final String[] args = new String[7 + files.length];
        System.arraycopy(new String[]{"replay", "--quiet", "--scan", "--shard", shard, "--anomalies-jsonl",
            out.toString()}, 0, args, 0, 7);
        System.arraycopy(files, 0, args, 7, files.length);
        final CliRun run = CliRun.run(args);
        assertEquals(0, run.exitCode(), run.err());
        // The anomaly id carries the scanner id (shard + 1); a sweep event's receive time is that of the message
        // that crossed the sweep boundary in its scanner's stream. Both are per scanner by design.
        return Files.readAllLines(out).stream()
            .map(line -> line.replaceFirst("\"anomalyId\":\\d+,", ""))
            .map(line -> ON_SWEEP_BOUNDARY.matcher(line).find() ?
                line.replaceFirst("\"receiveTime\":\\d+,", "") : line)
            .toList();
    }

    @Test
    void shouldFailNamingAMissingFile(@TempDir final Path dir)
    {
        final CliRun run = CliRun.run("replay", dir.resolve("nope.gz").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("nope.gz"), run.err());
    }

    @Test
    void shouldRejectBadArguments()
    {
        assertEquals(2, CliRun.run("replay", "--speed", "fast", "x.gz").exitCode());
        assertEquals(2, CliRun.run("replay", "--venue", "nasdaq", "x.gz").exitCode());
        assertEquals(2, CliRun.run("replay", "--scan", "--shard", "2/2", "x.gz").exitCode());
        final CliRun run = CliRun.run("replay", "--anomalies-jsonl", "a.jsonl", "x.gz");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--scan"), run.err());
    }
}
