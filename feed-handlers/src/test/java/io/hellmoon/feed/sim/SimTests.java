/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hellmoon.feed.testing.ReferenceRebuild;
import io.hellmoon.test.TestData;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;

/**
 * TEST ONLY: captures, contexts and a plain HTTP client for the simulator's tests.
 */
final class SimTests
{
    static final String SPOT_BTC = "binance/captures/spot/btcusdt_20240808.gz";
    static final String SPOT_ETH = "binance/captures/spot/ethusdt_20240808.gz";
    static final String USDM_BTC = "binance/captures/usdm/btcusdt_20240808.gz";
    static final String USDM_ETH = "binance/captures/usdm/ethusdt_20240808.gz";
    static final String CRYPTOFEED_FUTURES = "binance/cryptofeed/BINANCE_FUTURES.ws.1.0";
    static final String CRYPTOFEED_SPOT = "binance/cryptofeed/BINANCE.ws.1.0";

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private SimTests()
    {
    }

    /**
     * A context for a venue that logs to the test's output.
     */
    static SimExchange.Context context(final SimVenue venue)
    {
        return new SimExchange.Context()
            .venue(venue)
            .log((line) -> System.out.println("[sim] " + line));
    }

    /**
     * One line of a hftbacktest capture.
     *
     * @param receiveNs the recorder's receive time.
     * @param json      the payload, exactly as recorded.
     */
    record CaptureLine(long receiveNs, String json)
    {
        boolean isSnapshot()
        {
            return !json.startsWith("{\"stream\"");
        }

        String stream()
        {
            final int end = json.indexOf('"', 11);
            return json.substring(11, end);
        }

        /**
         * The {@code data} payload of a combined-stream envelope.
         */
        String data()
        {
            final int start = json.indexOf(",\"data\":") + 8;
            return json.substring(start, json.length() - 1);
        }
    }

    static List<CaptureLine> capture(final String relative)
    {
        return capture(TestData.file(relative));
    }

    static List<CaptureLine> capture(final Path file)
    {
        final List<CaptureLine> lines = new ArrayList<>();
        for (final String line : ReferenceRebuild.lines(file))
        {
            final String trimmed = line.strip();
            if (trimmed.isEmpty())
            {
                continue;
            }
            final int space = trimmed.indexOf(' ');
            lines.add(new CaptureLine(Long.parseLong(trimmed.substring(0, space)), trimmed.substring(space + 1)));
        }
        return lines;
    }

    static List<CaptureLine> frames(final List<CaptureLine> lines, final Predicate<String> stream)
    {
        final List<CaptureLine> selected = new ArrayList<>();
        for (final CaptureLine line : lines)
        {
            if (!line.isSnapshot() && stream.test(line.stream()))
            {
                selected.add(line);
            }
        }
        return selected;
    }

    /**
     * Write a capture derived from a real one line by line (for COIN-M, which the shared data lacks).
     */
    static Path rewrite(final String relative, final Path target, final UnaryOperator<String> change)
    {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target));
            Writer writer = new OutputStreamWriter(out, StandardCharsets.US_ASCII))
        {
            for (final String line : ReferenceRebuild.lines(TestData.file(relative)))
            {
                writer.write(change.apply(line));
                writer.write('\n');
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return target;
    }

    /**
     * The COIN-M variant of the USD-M BTCUSDT capture, as {@code CaptureVariantsTest} derives it: symbol
     * {@code BTCUSD_PERP}, pair {@code BTCUSD} in {@code ps}, and a snapshot naming symbol and pair.
     */
    static Path coinmCapture(final Path dir)
    {
        return rewrite(USDM_BTC, dir.resolve("btcusd_perp_20240808.gz"), (line) -> line
            .replace("\"stream\":\"btcusdt@", "\"stream\":\"btcusd_perp@")
            .replace("\"s\":\"BTCUSDT\"", "\"s\":\"BTCUSD_PERP\",\"ps\":\"BTCUSD\"")
            .replace("{\"lastUpdateId\":", "{\"symbol\":\"BTCUSD_PERP\",\"pair\":\"BTCUSD\",\"lastUpdateId\":"));
    }

    static HttpResponse<String> get(final String uri)
    {
        try
        {
            return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static JsonNode json(final String text)
    {
        try
        {
            return JSON.readTree(text);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("not JSON: " + text, ex);
        }
    }

    /**
     * Wait until a condition holds.
     */
    static void await(final String what, final java.util.function.BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            try
            {
                Thread.sleep(5);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }
}
