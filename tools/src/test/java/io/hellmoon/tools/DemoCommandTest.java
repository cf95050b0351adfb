/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hellmoon demo} end to end in its own media driver directory: the summary must account for every anomaly
 * with a decision, and report latency percentiles. What the synthetic market happens to trigger in a few seconds on a
 * loaded machine varies, so the test checks the invariants, not the counts.
 */
@Timeout(120)
class DemoCommandTest
{
    private static final Pattern ANOMALIES = Pattern.compile("anomalies\\s+([\\d,]+)");
    private static final Pattern DECISIONS = Pattern.compile("decisions\\s+([\\d,]+) taken, ([\\d,]+) rejected");
    private static final Pattern ORDERS = Pattern.compile("orders\\s+([\\d,]+)");
    private static final Pattern TICKS = Pattern.compile("ticks\\s+([\\d,]+) venue frames");

    @Test
    void shouldRunTheWholeApplianceAndAccountForEveryAnomaly()
    {
        final String aeronDir = "/dev/shm/hellmoon-demo-test-" + ProcessHandle.current().pid();
        final Path strategies = Paths.get("..", "strategies").toAbsolutePath().normalize();
        final CliRun run = CliRun.run("demo", "--duration", "12s", "--quiet", "--instruments", "500",
            "--aeron-dir", aeronDir, "--strategies", strategies.toString());

        assertEquals(0, run.exitCode(), run.err() + run.out());
        final String out = run.out();
        assertTrue(number(TICKS, out, 1) > 10_000, out);
        final long anomalies = number(ANOMALIES, out, 1);
        assertTrue(anomalies > 0, out);
        assertEquals(anomalies, number(DECISIONS, out, 1) + number(DECISIONS, out, 2), "one decision per anomaly");
        assertEquals(number(DECISIONS, out, 1), number(ORDERS, out, 1), "one order per decision taken");
        assertTrue(out.contains("p99") && out.contains("feed (receive -> md publish)"), out);
        assertTrue(out.contains("0 decode errors"), out);
    }

    private static long number(final Pattern pattern, final String text, final int group)
    {
        final Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), pattern + " in " + text);
        return Long.parseLong(matcher.group(group).replace(",", ""));
    }
}
