/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.quality;

import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detection quality on labelled data: volume bursts of at least five times a symbol's 99th-percentile one-second
 * volume, injected into real captures at known times, must each be reported by
 * {@code hellmoon replay --speed max --scan --anomalies-jsonl} as a {@code VOLUME} type for that symbol within 1 s of
 * the burst's start.
 * <p>
 * The captures are a parameter: {@code -Dhellmoon.quality.files=a.gz,b.gz,...} (any day, any capture
 * {@code hellmoon replay} reads); by default the four 2024-08-08 Binance captures of {@code ../shared/data}.
 */
@Timeout(600)
class VolumeBurstDetectionTest
{
    private static final String FILES_PROP_NAME = "hellmoon.quality.files";

    @Test
    void shouldReportEveryInjectedBurstWithTheDefaults(@TempDir final Path dir)
    {
        final DetectionQualityReport.Result result =
            DetectionQualityReport.evaluate(files(), dir, new BurstInjector().factor(5.0));
        assertEveryBurstDetected(result);
    }

    @Test
    void shouldReportEveryInjectedBurstOnceTheDetectorIsArmed(@TempDir final Path dir)
    {
        // The harness itself: with the cooldown out of the way every burst must be found, on its first trades.
        final String key = "hellmoon.scanner.volume.spike.cooldown";
        final String previous = System.getProperty(key);
        System.setProperty(key, "1s");
        try
        {
            final DetectionQualityReport.Result result =
                DetectionQualityReport.evaluate(files(), dir, new BurstInjector().factor(5.0));
            assertEveryBurstDetected(result);
        }
        finally
        {
            if (null == previous)
            {
                System.clearProperty(key);
            }
            else
            {
                System.setProperty(key, previous);
            }
        }
    }

    @Test
    void shouldInjectBurstsOfFiveTimesTheP99InTheCapturesOwnFormat(@TempDir final Path dir) throws IOException
    {
        final Path original = TestData.file("binance/captures/usdm/ethusdt_20240808.gz");
        final BurstInjector.Injection injection = new BurstInjector().inject(List.of(original), dir);
        assertEquals(4, injection.bursts().size(), "four bursts in six minutes");
        final BurstInjector.SymbolSpan span = injection.spans().get(0);
        assertEquals("BINANCE_USDM", span.venue());
        assertEquals("ETHUSDT", span.symbol());

        final List<String> before = lines(original);
        final List<String> after = lines(injection.files().get(0));
        assertEquals(before.size() + 40, after.size(), "ten trades per burst, nothing else added or lost");
        final Set<String> originalLines = new HashSet<>(before);
        long previousId = -1;
        long previousReceive = -1;
        int injected = 0;
        for (final String line : after)
        {
            final long receive = Long.parseLong(line.substring(0, line.indexOf(' ')));
            assertTrue(receive >= previousReceive, "receive times stay in order: " + line);
            previousReceive = receive;
            if (line.contains("@trade"))
            {
                final long id = Long.parseLong(line.replaceAll(".*\"t\":(\\d+).*", "$1"));
                assertTrue(-1 == previousId || id == previousId + 1, "trade ids stay contiguous: " + line);
                previousId = id;
                if (!originalLines.contains(line))
                {
                    injected++;
                }
            }
        }
        assertTrue(injected >= 40, "the injected trades (and the renumbered ones after them)");

        for (final BurstInjector.Burst burst : injection.bursts())
        {
            assertTrue(burst.volume() >= 5.0 * span.p99Volume(), burst.toString());
            assertTrue(burst.endNs() - burst.startNs() < 1_000_000_000L, burst.toString());
        }
    }

    private static void assertEveryBurstDetected(final DetectionQualityReport.Result result)
    {
        assertTrue(result.bursts().size() >= 4, "bursts injected: " + result.bursts().size());
        final String missed = result.bursts().stream()
            .filter(b -> !b.detected())
            .map(b -> b.burst().venue() + ":" + b.burst().symbol() + " at " + b.burst().startNs() +
                (null == b.previousVolume() ? "" : ", previous volume event at " + b.previousVolume().timeNs()))
            .collect(Collectors.joining("; "));
        assertEquals(result.bursts().size(), result.detected(), "missed: " + missed);
        for (final DetectionQualityReport.BurstResult burst : result.bursts())
        {
            assertTrue(burst.detection().type().contains("VOLUME"));
            assertTrue(burst.latencyNs() >= 0 && burst.latencyNs() <= DetectionQualityReport.DETECTION_WINDOW_NS);
        }
    }

    private static List<Path> files()
    {
        final String configured = System.getProperty(FILES_PROP_NAME);
        if (null != configured && !configured.isBlank())
        {
            return Arrays.stream(configured.split(",")).map(String::trim).map(Path::of).toList();
        }
        return List.of(
            TestData.file("binance/captures/spot/btcusdt_20240808.gz"),
            TestData.file("binance/captures/spot/ethusdt_20240808.gz"),
            TestData.file("binance/captures/usdm/btcusdt_20240808.gz"),
            TestData.file("binance/captures/usdm/ethusdt_20240808.gz"));
    }

    private static List<String> lines(final Path gz) throws IOException
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8)))
        {
            return reader.lines().toList();
        }
    }
}
