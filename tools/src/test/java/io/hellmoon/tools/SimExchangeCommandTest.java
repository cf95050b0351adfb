/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools;

import io.hellmoon.feed.sim.FaultSpec;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hellmoon sim-exchange}: its help documents every option, venue and fault; bad arguments fail with exit code
 * 2 and a message naming what is wrong; it serves on the ports it reports and stops at {@code --duration} or, with
 * {@code --linger}, after the capture has been served.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimExchangeCommandTest
{
    @Test
    void shouldDocumentEverythingInItsHelp()
    {
        final CliRun run = CliRun.run("sim-exchange", "--help");
        assertEquals(0, run.exitCode(), run.err());
        for (final String text : new String[]{
            "--venue", "--port", "--rest-port", "--replay", "--speed", "--synthetic", "--faults", "--seed",
            "--exchange-info", "--ping-interval", "--heartbeat-timeout", "--lifetime", "--max-messages-per-second",
            "--max-streams", "--weight-limit", "--wait-for-subscriber", "--duration", "--linger", "--ports-file",
            "binance-spot", "binance-usdm", "binance-coinm", "mexc-futures", "/stream?streams=", "/ws/<stream>",
            "X-MBX-USED-WEIGHT-1M", "Retry-After", "/api/v1/contract/depth/{symbol}", "lastUpdateId"})
        {
            assertTrue(run.out().contains(text), "help mentions " + text + ":\n" + run.out());
        }
        for (final String fault : FaultSpec.keys())
        {
            assertTrue(run.out().contains(fault), "help documents the fault " + fault);
        }
        assertTrue(CliRun.run("--help").out().contains("sim-exchange"), "registered in hellmoon");
    }

    @Test
    void shouldFailOnBadArgumentsNamingThem(@TempDir final Path dir)
    {
        assertFails("unknown venue 'ftx'", "sim-exchange", "--venue", "ftx", "--port", "0");
        assertFails("fault 'drop-diff-every': must be an integer >= 2", "sim-exchange", "--venue", "binance-usdm",
            "--port", "0", "--faults", "drop-diff-every=1");
        assertFails("fault 'wobble': unknown fault", "sim-exchange", "--venue", "binance-usdm", "--port", "0",
            "--faults", "wobble=3s");
        assertFails("Missing required option: '--port=P'", "sim-exchange", "--venue", "binance-usdm");
        assertFails("replayFiles=" + dir.resolve("nope.gz") + ": no such file", "sim-exchange", "--venue",
            "binance-usdm", "--port", "0", "--replay", dir.resolve("nope.gz").toString());
        assertFails("cannot serve the synthetic market", "sim-exchange", "--venue", "binance-spot", "--port", "0");
        assertFails("--linger needs --replay", "sim-exchange", "--venue", "binance-usdm", "--port", "0", "--linger",
            "1s");
        assertFails("invalid replay speed 'fast'", "sim-exchange", "--venue", "binance-usdm", "--port", "0",
            "--replay", TestData.file("binance/captures/usdm/btcusdt_20240808.gz").toString(), "--speed", "fast");
        assertFails("--duration: must be positive", "sim-exchange", "--venue", "binance-usdm", "--port", "0",
            "--duration", "0s");
        assertFails("port=-3: must be 0 (any free port) to 65535", "sim-exchange", "--venue", "binance-usdm",
            "--port", "-3");
    }

    @Test
    void shouldServeOnTheReportedPortsUntilTheDuration(@TempDir final Path dir) throws Exception
    {
        final Path ports = dir.resolve("ports.json");
        final CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.run(
            "sim-exchange", "--venue", "binance-usdm", "--port", "0", "--synthetic", "50", "--seed", "3",
            "--duration", "3s", "--status-interval", "1s", "--ports-file", ports.toString()));

        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(ports) || Files.size(ports) == 0)
        {
            assertTrue(System.nanoTime() < deadline, "ports file written");
            Thread.sleep(20);
        }
        final Matcher port = Pattern.compile("\"restPort\":(\\d+)").matcher(Files.readString(ports));
        assertTrue(port.find());
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final HttpResponse<String> depth = http.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + port.group(1) + "/fapi/v1/depth?symbol=SYN0001USDT&limit=5"))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, depth.statusCode());
        assertTrue(depth.body().startsWith("{\"lastUpdateId\":"), depth.body());

        final CliRun result = run.get(30, TimeUnit.SECONDS);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("sim-exchange binance-usdm: WebSocket ws://127.0.0.1:"), result.out());
        assertTrue(result.out().contains("50 symbols"), result.out());
        assertTrue(result.out().contains("sim-exchange: connections 0 open"), "periodic counters:\n" + result.out());
        assertTrue(result.out().contains("sim-exchange done: "), result.out());
    }

    @Test
    void shouldExitAfterTheCaptureWhenLingering()
    {
        final CliRun run = CliRun.run("sim-exchange", "--venue", "binance-spot", "--port", "0", "--rest-port", "0",
            "--replay", TestData.file("binance/cryptofeed/BINANCE.ws.1.0").toString(), "--speed", "max",
            "--linger", "100ms", "--faults", "garbage-every=10,throttle=5");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("source done"), run.out());
        assertTrue(run.out().contains("faults: garbage-every=10,throttle=5"), run.out());
        assertTrue(run.out().contains("exchangeInfo: recorded"), run.out());
    }

    private static void assertFails(final String message, final String... args)
    {
        final CliRun run = CliRun.run(args);
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(message), "expected '" + message + "' in:\n" + run.err());
    }
}
