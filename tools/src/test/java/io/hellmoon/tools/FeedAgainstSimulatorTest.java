/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hellmoon.feed.testing.ReferenceRebuild;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance test: {@code hellmoon sim-exchange} replays every real USD-M capture at 20x while dropping
 * every connection each 4 s and a diff in every 700 off the wire, and {@code hellmoon feed} against it ends with every
 * instrument's best bid, best ask, last trade price and last applied update id equal to an independent rebuild of the
 * captures ({@link ReferenceRebuild}: Jackson, {@code BigDecimal}, Binance's documented procedure), having noticed the
 * faults (reconnects and resyncs) without a crossed book or a decode error.
 * <p>
 * Both commands run in this JVM through the CLI classes, each on its own thread, as {@code ./hellmoon} would run them
 * in two processes (the recipe in {@code tools/README.md}); the simulator's timeline waits for the feed to subscribe,
 * so the faults fall at the same places of the capture on every run, and it is stopped once the feed has exited.
 */
class FeedAgainstSimulatorTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WS_PORT = Pattern.compile("\"webSocketPort\":(\\d+)");
    private static final Pattern REST_PORT = Pattern.compile("\"restPort\":(\\d+)");

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldEndWithTheIndependentlyRebuiltBooksThroughDisconnectsAndDroppedDiffs(@TempDir final Path dir)
        throws Exception
    {
        final List<Path> captures = usdmCaptures();
        assertFalse(captures.isEmpty(), "no USD-M capture under " + TestData.file("binance/captures/usdm"));
        assertFeedEndsAsTheRebuild(captures, dir);
    }

    /**
     * Run the two commands over any USD-M hftbacktest files (one symbol each, files of a symbol in order) and check
     * the feed's summary against the rebuild of the same files.
     */
    static void assertFeedEndsAsTheRebuild(final List<Path> captures, final Path dir) throws Exception
    {
        final List<ReferenceRebuild.Input> inputs = new ArrayList<>();
        for (final Path capture : captures)
        {
            inputs.add(new ReferenceRebuild.Input(capture, Venue.BINANCE_USDM));
        }
        final ReferenceRebuild rebuild = ReferenceRebuild.hftbacktest(inputs);

        final Path ports = dir.resolve("ports.json");
        final Path summaryFile = dir.resolve("feed.json");
        final List<String> simArgs = new ArrayList<>(List.of(
            "sim-exchange", "--venue", "binance-usdm", "--port", "0", "--ports-file", ports.toString(),
            "--speed", "20x", "--faults", "disconnect-every=4s,drop-diff-every=700", "--wait-for-subscriber",
            "--status-interval", "0s", "--duration", "200s"));
        for (final Path capture : captures)
        {
            simArgs.add("--replay");
            simArgs.add(capture.toString());
        }
        final Runs runs = runFeedAgainstSimulator(ports, simArgs.toArray(String[]::new), (wsPort, restPort) ->
            new String[]{"feed", "--venue", "binance-usdm", "--all",
            "--endpoint", "ws://127.0.0.1:" + wsPort + "/stream", "--rest", "http://127.0.0.1:" + restPort,
            "--exit-when-idle", "3s", "--summary-json", summaryFile.toString(), "--seed", "1"});
        final CliRun sim = runs.sim();
        final CliRun feed = runs.feed();
        assertTrue(sim.out().contains("source done"), "the whole capture was served:\n" + sim.out());

        System.out.println(feed.out());
        System.out.println(sim.out());
        final JsonNode summary = JSON.readTree(summaryFile.toFile());
        final String context = "\nfeed:\n" + feed.out() + "\nsim:\n" + sim.out() + "\nsummary:\n" + summary;
        final Map<String, ReferenceRebuild.Final> expected = rebuild.instruments();
        final Map<String, ReferenceRebuild.Final> actual = new TreeMap<>();
        summary.get("instruments").fields().forEachRemaining((entry) -> actual.put(entry.getKey(),
            new ReferenceRebuild.Final(text(entry.getValue(), "bestBid"), text(entry.getValue(), "bestAsk"),
            text(entry.getValue(), "lastTradePrice"), entry.getValue().get("lastUpdateId").isNull() ? null :
            entry.getValue().get("lastUpdateId").asLong())));
        assertEquals(captures.size(), expected.size(), "one instrument per capture");
        assertEquals(expected, actual, "final book and last trade per instrument" + context);

        assertTrue(summary.get("reconnects").asLong() > 0, "reconnects" + context);
        assertTrue(summary.get("resyncs").asLong() > 0, "resyncs" + context);
        assertEquals(0, summary.get("crossedBooks").asLong(), "crossed books" + context);
        assertEquals(0, summary.get("decodeErrors").asLong(), "decode errors" + context);
        assertTrue(sim.out().contains("fault disconnect-every: closed"), sim.out());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldSyncMexcFuturesBooksFromTheSyntheticMarket(@TempDir final Path dir) throws Exception
    {
        final Path ports = dir.resolve("ports.json");
        final Path summaryFile = dir.resolve("mexc.json");
        final Runs runs = runFeedAgainstSimulator(ports, new String[]{"sim-exchange", "--venue", "mexc-futures",
            "--port", "0", "--ports-file", ports.toString(), "--synthetic", "3", "--seed", "5", "--message-rate", "300",
            "--status-interval", "0s", "--duration", "100s"}, (wsPort, restPort) ->
            new String[]{"feed", "--venue", "mexc-futures", "--symbols", "SYN0001_USDT,SYN0002_USDT,SYN0003_USDT",
            "--endpoint", "ws://127.0.0.1:" + wsPort + "/edge", "--rest", "http://127.0.0.1:" + restPort,
            "--duration", "4s", "--summary-json", summaryFile.toString(), "--seed", "1"});
        final CliRun sim = runs.sim();
        final CliRun feed = runs.feed();

        final JsonNode summary = JSON.readTree(summaryFile.toFile());
        final String context = "\nfeed:\n" + feed.out() + "\nsim:\n" + sim.out() + "\nsummary:\n" + summary;
        final JsonNode instruments = summary.get("instruments");
        assertEquals(3, instruments.size(), context);
        for (final String symbol : List.of("SYN0001_USDT", "SYN0002_USDT", "SYN0003_USDT"))
        {
            final JsonNode instrument = instruments.get("MEXC_FUTURES:" + symbol);
            assertNotNull(instrument, symbol + context);
            assertFalse(instrument.get("lastUpdateId").isNull(), "a book synced for " + symbol + context);
            assertTrue(new BigDecimal(text(instrument, "bestBid")).compareTo(
                new BigDecimal(text(instrument, "bestAsk"))) < 0, "not crossed: " + symbol + context);
            assertNotNull(text(instrument, "lastTradePrice"), symbol + context);
        }
        final JsonNode messages = summary.get("messages");
        assertEquals(3, messages.get("snapshot").asLong(), "one snapshot per book" + context);
        assertTrue(messages.get("depthUpdate").asLong() > 0 && messages.get("trade").asLong() > 0, context);
        assertEquals(0, summary.get("decodeErrors").asLong(), "decode errors" + context);
        assertEquals(0, summary.get("gaps").asLong(), "gaps" + context);
        assertEquals(0, summary.get("crossedBooks").asLong(), "crossed books" + context);
        assertTrue(feed.out().contains("conn 0 SUBSCRIBED"), feed.out());
    }

    private static List<Path> usdmCaptures() throws IOException
    {
        try (Stream<Path> files = Files.list(TestData.file("binance/captures/usdm")))
        {
            return files.filter((p) -> p.getFileName().toString().endsWith(".gz")).sorted().toList();
        }
    }

    /**
     * Run {@code hellmoon sim-exchange} on a thread of its own (its arguments write the bound ports to {@code ports}),
     * then {@code hellmoon feed} with the arguments made from the WebSocket and REST ports, as the README's two-process
     * recipe does; the simulator is stopped once the feed has exited, and both must have exited 0.
     */
    private static Runs runFeedAgainstSimulator(
        final Path ports, final String[] simArgs, final BiFunction<String, String, String[]> feedArgs) throws Exception
    {
        final AtomicReference<CliRun> simRun = new AtomicReference<>();
        final Thread simThread = new Thread(() -> simRun.set(CliRun.run(simArgs)), "sim-exchange-command");
        simThread.start();
        final CliRun feed;
        try
        {
            final String portsJson = awaitPorts(ports, simThread);
            feed = CliRun.run(feedArgs.apply(group(WS_PORT, portsJson), group(REST_PORT, portsJson)));
        }
        finally
        {
            simThread.interrupt();
            simThread.join(TimeUnit.SECONDS.toMillis(30));
        }
        final CliRun sim = simRun.get();
        assertNotNull(sim, "the simulator stopped");
        assertEquals(0, sim.exitCode(), sim.err());
        assertEquals(0, feed.exitCode(), feed.err() + feed.out());
        return new Runs(sim, feed);
    }

    private record Runs(CliRun sim, CliRun feed)
    {
    }

    private static String awaitPorts(final Path ports, final Thread simThread) throws Exception
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(ports))
        {
            assertTrue(simThread.isAlive(), "the simulator ended before it served");
            assertTrue(System.nanoTime() - deadlineNs < 0, "the simulator did not write " + ports);
            Thread.sleep(20);
        }
        return Files.readString(ports);
    }

    private static String group(final Pattern pattern, final String text)
    {
        final Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), pattern + " in " + text);
        return matcher.group(1);
    }

    private static String text(final JsonNode node, final String field)
    {
        final JsonNode value = node.get(field);
        return null == value || value.isNull() ? null : value.asText();
    }
}
