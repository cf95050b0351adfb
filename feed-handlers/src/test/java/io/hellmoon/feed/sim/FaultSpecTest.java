/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault specs: every key parsed, defaults, and bad specs failing with the key and the reason.
 */
class FaultSpecTest
{
    @Test
    void shouldParseEveryFault()
    {
        final FaultSpec spec = FaultSpec.parse(
            " disconnect-every=4s, stall-every=1m,stall-length=1500ms,drop-diff-every=700,garbage-every=1000," +
            "slow-snapshot=250ms,throttle=100,ban=30s");
        assertEquals(TimeUnit.SECONDS.toNanos(4), spec.disconnectEveryNs());
        assertEquals(TimeUnit.MINUTES.toNanos(1), spec.stallEveryNs());
        assertEquals(TimeUnit.MILLISECONDS.toNanos(1500), spec.stallLengthNs());
        assertEquals(700, spec.dropDiffEvery());
        assertEquals(1000, spec.garbageEvery());
        assertEquals(TimeUnit.MILLISECONDS.toNanos(250), spec.slowSnapshotNs());
        assertEquals(100, spec.throttleRequests());
        assertEquals(TimeUnit.SECONDS.toNanos(30), spec.banNs());
        assertEquals("disconnect-every=4s,stall-every=1m,stall-length=1500ms,drop-diff-every=700," +
            "garbage-every=1000,slow-snapshot=250ms,throttle=100,ban=30s", spec.toString());
    }

    @Test
    void shouldDefaultStallLengthAndBan()
    {
        assertEquals(TimeUnit.SECONDS.toNanos(5), FaultSpec.parse("stall-every=30s").stallLengthNs());
        assertEquals(TimeUnit.SECONDS.toNanos(2), FaultSpec.parse("stall-every=4s").stallLengthNs(),
            "half the period when that is shorter than 5 s");
        assertEquals(TimeUnit.SECONDS.toNanos(120), FaultSpec.parse("ban").banNs());
        assertEquals(-1, FaultSpec.parse("ban").throttleRequests());
        assertEquals(0, FaultSpec.parse("throttle=0").throttleRequests(), "every request throttled");
    }

    @Test
    void shouldHaveNoFaultsForAnEmptySpec()
    {
        assertSame(FaultSpec.NONE, FaultSpec.parse(null));
        assertSame(FaultSpec.NONE, FaultSpec.parse("  "));
        assertTrue(FaultSpec.NONE.isEmpty());
        assertEquals(-1, FaultSpec.NONE.throttleRequests());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "drop-diff-every=1           | fault 'drop-diff-every': must be an integer >= 2 (1 would drop every diff), " +
            "got '1'",
        "drop-diff-every=many        | fault 'drop-diff-every': must be an integer >= 2",
        "garbage-every=0             | fault 'garbage-every': must be an integer >= 1, got '0'",
        "throttle=-1                 | fault 'throttle': must be an integer >= 0",
        "disconnect-every=4          | fault 'disconnect-every': invalid duration '4': unit must be one of",
        "disconnect-every=0s         | fault 'disconnect-every': duration must be positive",
        "disconnect-every            | fault 'disconnect-every': needs a value, e.g. disconnect-every=4s",
        "slow-snapshot=fast          | fault 'slow-snapshot': invalid duration 'fast'",
        "stall-length=1s             | fault 'stall-length': needs stall-every",
        "stall-every=2s,stall-length=2s | fault 'stall-length': 2s must be shorter than stall-every 2s",
        "ban=forever                 | fault 'ban': invalid duration 'forever'",
        "explode=1s                  | fault 'explode': unknown fault, expected one of disconnect-every, stall-every",
        "throttle=5,throttle=6       | fault 'throttle': given more than once",
        "throttle=5,,ban             | empty item between commas",
    })
    void shouldRejectBadSpecsNamingTheKeyAndTheReason(final String spec, final String message)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse(spec));
        assertTrue(ex.getMessage().contains(message.strip()), ex.getMessage());
    }

    @Test
    void shouldParseAndFormatDurations()
    {
        assertEquals(1_500_000_000L, DurationText.parseNs("1.5s"));
        assertEquals(TimeUnit.HOURS.toNanos(24), DurationText.parseNs("24h"));
        assertEquals(500_000L, DurationText.parseNs("500us"));
        assertEquals("24h", DurationText.format(TimeUnit.HOURS.toNanos(24)));
        assertEquals("1500ms", DurationText.format(1_500_000_000L));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parseNs("s"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parseNs("1..5s"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parseNs("-1s"));
    }
}
