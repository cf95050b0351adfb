/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * TEST ONLY: one instrument's order book from Binance JSON, rebuilt by the rules of "How to manage a local order book
 * correctly" with Jackson, {@link BigDecimal} and {@link TreeMap}, sharing no code with the simulator. Used two ways:
 * as the independent rebuild of a capture (buffer diffs until the capture's snapshot, apply from the bridging one),
 * and as the book of a test client that syncs from the simulator's snapshot and diffs.
 */
final class ReferenceBook
{
    private final boolean futures;
    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private final List<JsonNode> buffered = new ArrayList<>();
    private boolean live;
    private long lastUpdateId;
    private long appliedDiffs;
    private long appliedSinceSnapshot;
    private long gaps;

    ReferenceBook(final boolean futures)
    {
        this.futures = futures;
    }

    boolean isLive()
    {
        return live;
    }

    long lastUpdateId()
    {
        return lastUpdateId;
    }

    long appliedDiffs()
    {
        return appliedDiffs;
    }

    long gaps()
    {
        return gaps;
    }

    int bufferedCount()
    {
        return buffered.size();
    }

    JsonNode firstBuffered()
    {
        return buffered.isEmpty() ? null : buffered.get(0);
    }

    /**
     * A diff event ({@code data} of a depthUpdate): buffered before a snapshot, applied after.
     *
     * @return false if it breaks the chain (a gap): the book is then no longer live and the diff is buffered.
     */
    boolean onDiff(final JsonNode diff)
    {
        if (!live)
        {
            buffered.add(diff);
            return true;
        }
        final long first = diff.get("U").asLong();
        final long last = diff.get("u").asLong();
        if (futures ? last < lastUpdateId : last <= lastUpdateId)
        {
            return true;
        }
        final boolean follows;
        if (0 == appliedSinceSnapshot)
        {
            follows = futures ? first <= lastUpdateId && lastUpdateId <= last :
                first <= lastUpdateId + 1 && lastUpdateId + 1 <= last;
        }
        else
        {
            follows = futures ? diff.get("pu").asLong() == lastUpdateId : first == lastUpdateId + 1;
        }
        if (!follows)
        {
            gaps++;
            live = false;
            buffered.clear();
            buffered.add(diff);
            return false;
        }
        apply(diff);
        return true;
    }

    /**
     * A REST snapshot: the book becomes the snapshot plus the buffered diffs from the bridging one.
     *
     * @return {@code "ok"}, or why the snapshot cannot be used ({@code "too old"}: fetch another; {@code "no diff"}:
     * nothing buffered yet).
     */
    String onSnapshot(final JsonNode snapshot)
    {
        final long snapshotId = snapshot.get("lastUpdateId").asLong();
        final List<JsonNode> usable = new ArrayList<>();
        for (final JsonNode diff : buffered)
        {
            final long last = diff.get("u").asLong();
            if (futures ? last >= snapshotId : last > snapshotId)
            {
                usable.add(diff);
            }
        }
        if (!usable.isEmpty())
        {
            final long first = usable.get(0).get("U").asLong();
            final long last = usable.get(0).get("u").asLong();
            final boolean bridges = futures ? first <= snapshotId && snapshotId <= last :
                first <= snapshotId + 1 && snapshotId + 1 <= last;
            if (!bridges)
            {
                return "too old: snapshot " + snapshotId + ", first diff U " + first;
            }
        }

        bids.clear();
        asks.clear();
        load(bids, snapshot.get("bids"));
        load(asks, snapshot.get("asks"));
        lastUpdateId = snapshotId;
        appliedSinceSnapshot = 0;
        live = true;
        buffered.clear();
        for (final JsonNode diff : usable)
        {
            if (!onDiff(diff))
            {
                return "gap in the buffered diffs";
            }
        }
        return "ok";
    }

    private void apply(final JsonNode diff)
    {
        set(bids, diff.get("b"));
        set(asks, diff.get("a"));
        lastUpdateId = diff.get("u").asLong();
        appliedDiffs++;
        appliedSinceSnapshot++;
    }

    private static void load(final Map<BigDecimal, BigDecimal> side, final JsonNode levels)
    {
        for (final JsonNode level : levels)
        {
            side.put(new BigDecimal(level.get(0).asText()), new BigDecimal(level.get(1).asText()));
        }
    }

    private static void set(final Map<BigDecimal, BigDecimal> side, final JsonNode levels)
    {
        for (final JsonNode level : levels)
        {
            final BigDecimal price = new BigDecimal(level.get(0).asText());
            final BigDecimal qty = new BigDecimal(level.get(1).asText());
            if (0 == qty.signum())
            {
                side.remove(price);
            }
            else
            {
                side.put(price, qty);
            }
        }
    }

    /**
     * The best {@code levels} of a side as {@code price=qty} strings without trailing zeros, best first.
     */
    List<String> top(final boolean bid, final int levels)
    {
        final List<String> top = new ArrayList<>(Math.min(levels, (bid ? bids : asks).size()));
        final Iterator<Map.Entry<BigDecimal, BigDecimal>> it = (bid ? bids : asks).entrySet().iterator();
        while (top.size() < levels && it.hasNext())
        {
            final Map.Entry<BigDecimal, BigDecimal> level = it.next();
            top.add(level.getKey().stripTrailingZeros().toPlainString() + "=" +
                level.getValue().stripTrailingZeros().toPlainString());
        }
        return top;
    }

    int size(final boolean bid)
    {
        return (bid ? bids : asks).size();
    }

    boolean isCrossed()
    {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey().compareTo(asks.firstKey()) >= 0;
    }
}
