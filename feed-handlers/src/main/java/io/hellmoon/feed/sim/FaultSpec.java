/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The faults the exchange simulator injects, parsed from a comma-separated spec such as
 * {@code disconnect-every=4s,drop-diff-every=700}. Immutable.
 *
 * <table>
 *     <caption>Fault keys</caption>
 *     <tr><th>key</th><th>value</th><th>effect</th></tr>
 *     <tr><td>{@code disconnect-every}</td><td>duration</td><td>close every client WebSocket connection at each
 *     multiple of the period after the stream starts (an abrupt TCP close, no close frame)</td></tr>
 *     <tr><td>{@code stall-every}</td><td>duration</td><td>at each multiple of the period, stop sending data and
 *     server pings for {@code stall-length} while keeping sockets open; data of the stall is lost</td></tr>
 *     <tr><td>{@code stall-length}</td><td>duration</td><td>how long a stall lasts: default
 *     {@value #DEFAULT_STALL_LENGTH_SECONDS} s, or half the period when that is shorter; must be shorter than the
 *     period</td></tr>
 *     <tr><td>{@code drop-diff-every}</td><td>N &ge; 2</td><td>skip every Nth depth diff of the stream on the wire;
 *     the simulator's book still applies it, so REST snapshots include it, exactly like a lost message</td></tr>
 *     <tr><td>{@code garbage-every}</td><td>N &ge; 1</td><td>before every Nth data frame of each connection, send a
 *     malformed text frame (the first half of that frame: truncated JSON)</td></tr>
 *     <tr><td>{@code slow-snapshot}</td><td>duration</td><td>delay REST depth replies by this long; the book is taken
 *     when the request arrives</td></tr>
 *     <tr><td>{@code throttle}</td><td>N &ge; 0</td><td>answer 429 with {@code Retry-After} to REST requests beyond
 *     N in a rate window (one minute)</td></tr>
 *     <tr><td>{@code ban}</td><td>optional duration</td><td>answer 418 with {@code Retry-After} (default
 *     {@value #DEFAULT_BAN_SECONDS} s) to every REST request</td></tr>
 * </table>
 * Durations are {@link DurationText} ({@code 500ms}, {@code 4s}, {@code 2m}). A bad spec fails
 * {@link #parse(String)} naming the key and the reason.
 */
public final class FaultSpec
{
    /**
     * A spec without faults.
     */
    public static final FaultSpec NONE = new FaultSpec(0, 0, 0, 0, 0, 0, -1, 0, "");

    /**
     * Default stall length, seconds.
     */
    public static final int DEFAULT_STALL_LENGTH_SECONDS = 5;

    /**
     * Default {@code Retry-After} of a ban, seconds (Binance's shortest ban is two minutes).
     */
    public static final int DEFAULT_BAN_SECONDS = 120;

    private static final List<String> KEYS = List.of(
        "disconnect-every", "stall-every", "stall-length", "drop-diff-every", "garbage-every", "slow-snapshot",
        "throttle", "ban");

    private final long disconnectEveryNs;
    private final long stallEveryNs;
    private final long stallLengthNs;
    private final int dropDiffEvery;
    private final int garbageEvery;
    private final long slowSnapshotNs;
    private final int throttleRequests;
    private final long banNs;
    private final String text;

    private FaultSpec(
        final long disconnectEveryNs,
        final long stallEveryNs,
        final long stallLengthNs,
        final int dropDiffEvery,
        final int garbageEvery,
        final long slowSnapshotNs,
        final int throttleRequests,
        final long banNs,
        final String text)
    {
        this.disconnectEveryNs = disconnectEveryNs;
        this.stallEveryNs = stallEveryNs;
        this.stallLengthNs = stallLengthNs;
        this.dropDiffEvery = dropDiffEvery;
        this.garbageEvery = garbageEvery;
        this.slowSnapshotNs = slowSnapshotNs;
        this.throttleRequests = throttleRequests;
        this.banNs = banNs;
        this.text = text;
    }

    /**
     * Parse a spec.
     *
     * @param spec comma-separated {@code key=value} (or {@code ban}); null or blank for none.
     * @return the faults.
     * @throws IllegalArgumentException naming the key and the reason when the spec is invalid.
     */
    public static FaultSpec parse(final String spec)
    {
        if (null == spec || spec.isBlank())
        {
            return NONE;
        }

        long disconnectEveryNs = 0;
        long stallEveryNs = 0;
        long stallLengthNs = -1;
        int dropDiffEvery = 0;
        int garbageEvery = 0;
        long slowSnapshotNs = 0;
        int throttleRequests = -1;
        long banNs = 0;
        final Set<String> seen = new HashSet<>();
        final List<String> normalised = new ArrayList<>();

        for (final String rawItem : spec.split(",", -1))
        {
            final String item = rawItem.trim();
            if (item.isEmpty())
            {
                throw new IllegalArgumentException("fault spec '" + spec + "': empty item between commas");
            }
            final int equals = item.indexOf('=');
            final String key = (equals < 0 ? item : item.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
            final String value = equals < 0 ? null : item.substring(equals + 1).trim();
            if (!KEYS.contains(key))
            {
                throw new IllegalArgumentException(
                    "fault '" + key + "': unknown fault, expected one of " + String.join(", ", KEYS));
            }
            if (!seen.add(key))
            {
                throw new IllegalArgumentException("fault '" + key + "': given more than once");
            }
            if (!"ban".equals(key) && (null == value || value.isEmpty()))
            {
                throw new IllegalArgumentException("fault '" + key + "': needs a value, e.g. " + example(key));
            }

            switch (key)
            {
                case "disconnect-every" -> disconnectEveryNs = positiveDuration(key, value);
                case "stall-every" -> stallEveryNs = positiveDuration(key, value);
                case "stall-length" -> stallLengthNs = positiveDuration(key, value);
                case "drop-diff-every" -> dropDiffEvery = integer(key, value, 2,
                    "an integer >= 2 (1 would drop every diff)");
                case "garbage-every" -> garbageEvery = integer(key, value, 1, "an integer >= 1");
                case "slow-snapshot" -> slowSnapshotNs = positiveDuration(key, value);
                case "throttle" -> throttleRequests = integer(key, value, 0, "an integer >= 0 (requests per window)");
                case "ban" -> banNs = null == value ? TimeUnit.SECONDS.toNanos(DEFAULT_BAN_SECONDS) :
                    positiveDuration(key, value);
                default -> throw new IllegalStateException(key);
            }
            normalised.add(null == value ? key : key + "=" + value);
        }

        if (stallLengthNs >= 0 && 0 == stallEveryNs)
        {
            throw new IllegalArgumentException("fault 'stall-length': needs stall-every (the period of the stalls)");
        }
        if (stallEveryNs > 0)
        {
            if (stallLengthNs < 0)
            {
                stallLengthNs = Math.min(TimeUnit.SECONDS.toNanos(DEFAULT_STALL_LENGTH_SECONDS), stallEveryNs / 2);
            }
            else if (stallLengthNs >= stallEveryNs)
            {
                throw new IllegalArgumentException("fault 'stall-length': " + DurationText.format(stallLengthNs) +
                    " must be shorter than stall-every " + DurationText.format(stallEveryNs));
            }
        }
        else
        {
            stallLengthNs = 0;
        }

        return new FaultSpec(
            disconnectEveryNs, stallEveryNs, stallLengthNs, dropDiffEvery, garbageEvery, slowSnapshotNs,
            throttleRequests, banNs, String.join(",", normalised));
    }

    /**
     * The fault keys, for help texts.
     *
     * @return the keys in documentation order.
     */
    public static List<String> keys()
    {
        return KEYS;
    }

    private static String example(final String key)
    {
        return switch (key)
        {
            case "drop-diff-every", "garbage-every" -> key + "=700";
            case "throttle" -> key + "=100";
            default -> key + "=4s";
        };
    }

    private static long positiveDuration(final String key, final String value)
    {
        final long ns;
        try
        {
            ns = DurationText.parseNs(value);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("fault '" + key + "': " + ex.getMessage(), ex);
        }
        if (ns <= 0)
        {
            throw new IllegalArgumentException("fault '" + key + "': duration must be positive, got '" + value + "'");
        }
        return ns;
    }

    private static int integer(final String key, final String value, final int min, final String expected)
    {
        final int parsed;
        try
        {
            parsed = Integer.parseInt(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("fault '" + key + "': must be " + expected + ", got '" + value + "'");
        }
        if (parsed < min)
        {
            throw new IllegalArgumentException("fault '" + key + "': must be " + expected + ", got '" + value + "'");
        }
        return parsed;
    }

    /**
     * Whether any fault is set.
     *
     * @return false for {@link #NONE}.
     */
    public boolean isEmpty()
    {
        return text.isEmpty();
    }

    /**
     * Period of forced disconnects.
     *
     * @return nanoseconds, 0 for none.
     */
    public long disconnectEveryNs()
    {
        return disconnectEveryNs;
    }

    /**
     * Period of stalls.
     *
     * @return nanoseconds, 0 for none.
     */
    public long stallEveryNs()
    {
        return stallEveryNs;
    }

    /**
     * Length of each stall.
     *
     * @return nanoseconds, 0 when there are no stalls.
     */
    public long stallLengthNs()
    {
        return stallLengthNs;
    }

    /**
     * Every how many depth diffs one is dropped.
     *
     * @return N, 0 for none.
     */
    public int dropDiffEvery()
    {
        return dropDiffEvery;
    }

    /**
     * Every how many data frames of a connection a malformed one is sent first.
     *
     * @return N, 0 for none.
     */
    public int garbageEvery()
    {
        return garbageEvery;
    }

    /**
     * Delay of REST depth replies.
     *
     * @return nanoseconds, 0 for none.
     */
    public long slowSnapshotNs()
    {
        return slowSnapshotNs;
    }

    /**
     * REST requests accepted per rate window before 429.
     *
     * @return N, or -1 when not throttled by this fault.
     */
    public int throttleRequests()
    {
        return throttleRequests;
    }

    /**
     * The {@code Retry-After} of the ban.
     *
     * @return nanoseconds, 0 when not banned.
     */
    public long banNs()
    {
        return banNs;
    }

    /**
     * The spec in canonical form ({@code key=value} items in the order given).
     *
     * @return the text, empty for none.
     */
    public String toString()
    {
        return text;
    }
}
