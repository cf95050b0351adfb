/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.HellmoonCounters;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the exchange simulator has done: connections, subscriptions, frames and bytes sent, REST replies and every
 * fault injected. Counters live wherever the {@link CounterFactory} puts them (the media driver's counters file for
 * {@code hellmoon stat}, or local memory) under labels {@code sim <venue>: <name>}. Incremented from the market
 * thread and Netty's event loops with atomic adds; readable from any thread.
 */
public final class SimCounters implements AutoCloseable
{
    private final List<AtomicCounter> all = new ArrayList<>();
    private final Map<String, AtomicCounter> byName = new LinkedHashMap<>();

    final AtomicCounter connectionsOpened;
    final AtomicCounter connectionsClosed;
    final AtomicCounter connectionsOpen;
    final AtomicCounter subscriptions;
    final AtomicCounter controlMessages;
    final AtomicCounter framesSent;
    final AtomicCounter bytesSent;
    final AtomicCounter sourceFrames;
    final AtomicCounter unroutableFrames;
    final AtomicCounter diffsWithheld;
    final AtomicCounter captureGaps;
    final AtomicCounter disconnectsInjected;
    final AtomicCounter stallsInjected;
    final AtomicCounter framesLostToStalls;
    final AtomicCounter diffsDropped;
    final AtomicCounter garbageFrames;
    final AtomicCounter slowSnapshots;
    final AtomicCounter restRequests;
    final AtomicCounter restThrottled;
    final AtomicCounter restBanned;
    final AtomicCounter snapshotsServed;
    final AtomicCounter rateLimitDisconnects;
    final AtomicCounter heartbeatDisconnects;
    final AtomicCounter lifetimeDisconnects;
    final AtomicCounter slowConsumerDisconnects;

    SimCounters(final CounterFactory factory, final String venueName)
    {
        final String prefix = "sim " + venueName + ": ";
        connectionsOpened = add(factory, HellmoonCounters.CONNECTIONS_TYPE_ID, prefix, "connections opened");
        connectionsClosed = add(factory, HellmoonCounters.CONNECTIONS_TYPE_ID, prefix, "connections closed");
        connectionsOpen = add(factory, HellmoonCounters.CONNECTIONS_TYPE_ID, prefix, "connections open");
        subscriptions = add(factory, HellmoonCounters.GENERIC_TYPE_ID, prefix, "subscriptions");
        controlMessages = add(factory, HellmoonCounters.MESSAGES_IN_TYPE_ID, prefix, "control messages");
        framesSent = add(factory, HellmoonCounters.MESSAGES_OUT_TYPE_ID, prefix, "frames sent");
        bytesSent = add(factory, HellmoonCounters.GENERIC_TYPE_ID, prefix, "bytes sent");
        sourceFrames = add(factory, HellmoonCounters.MESSAGES_IN_TYPE_ID, prefix, "source frames");
        unroutableFrames = add(factory, HellmoonCounters.DECODE_ERRORS_TYPE_ID, prefix, "unroutable frames");
        diffsWithheld = add(factory, HellmoonCounters.GENERIC_TYPE_ID, prefix, "diffs withheld before snapshot");
        captureGaps = add(factory, HellmoonCounters.GAPS_TYPE_ID, prefix, "capture gaps");
        disconnectsInjected = add(factory, HellmoonCounters.DROPS_TYPE_ID, prefix, "fault disconnects");
        stallsInjected = add(factory, HellmoonCounters.DROPS_TYPE_ID, prefix, "fault stalls");
        framesLostToStalls = add(factory, HellmoonCounters.DROPS_TYPE_ID, prefix, "frames lost to stalls");
        diffsDropped = add(factory, HellmoonCounters.DROPS_TYPE_ID, prefix, "fault diffs dropped");
        garbageFrames = add(factory, HellmoonCounters.DROPS_TYPE_ID, prefix, "fault garbage frames");
        slowSnapshots = add(factory, HellmoonCounters.DROPS_TYPE_ID, prefix, "fault slow snapshots");
        restRequests = add(factory, HellmoonCounters.MESSAGES_IN_TYPE_ID, prefix, "rest requests");
        restThrottled = add(factory, HellmoonCounters.DROPS_TYPE_ID, prefix, "rest 429");
        restBanned = add(factory, HellmoonCounters.DROPS_TYPE_ID, prefix, "rest 418");
        snapshotsServed = add(factory, HellmoonCounters.MESSAGES_OUT_TYPE_ID, prefix, "depth snapshots");
        rateLimitDisconnects = add(factory, HellmoonCounters.CONNECTIONS_TYPE_ID, prefix, "message rate disconnects");
        heartbeatDisconnects = add(factory, HellmoonCounters.CONNECTIONS_TYPE_ID, prefix, "heartbeat disconnects");
        lifetimeDisconnects = add(factory, HellmoonCounters.CONNECTIONS_TYPE_ID, prefix, "lifetime disconnects");
        slowConsumerDisconnects = add(factory, HellmoonCounters.CONNECTIONS_TYPE_ID, prefix,
            "slow consumer disconnects");
    }

    private AtomicCounter add(final CounterFactory factory, final int typeId, final String prefix, final String name)
    {
        final AtomicCounter counter = factory.newCounter(typeId, prefix + name);
        all.add(counter);
        byName.put(name, counter);
        return counter;
    }

    /**
     * Every counter's current value by name ({@code frames sent}, {@code fault diffs dropped}, ...), in a fixed
     * order.
     *
     * @return a new map.
     */
    public Map<String, Long> snapshot()
    {
        final Map<String, Long> values = new LinkedHashMap<>();
        byName.forEach((name, counter) -> values.put(name, counter.get()));
        return values;
    }

    /**
     * One counter's value by name.
     *
     * @param name as in {@link #snapshot()}.
     * @return the value.
     * @throws IllegalArgumentException for an unknown name.
     */
    public long get(final String name)
    {
        final AtomicCounter counter = byName.get(name);
        if (null == counter)
        {
            throw new IllegalArgumentException("no counter '" + name + "', expected one of " + byName.keySet());
        }
        return counter.get();
    }

    /**
     * Connections opened.
     *
     * @return the count.
     */
    public long connectionsOpened()
    {
        return connectionsOpened.get();
    }

    /**
     * Connections open now.
     *
     * @return the count.
     */
    public long connectionsOpen()
    {
        return connectionsOpen.get();
    }

    /**
     * Stream subscriptions over all open connections.
     *
     * @return the count.
     */
    public long subscriptions()
    {
        return subscriptions.get();
    }

    /**
     * Data frames written to clients.
     *
     * @return the count.
     */
    public long framesSent()
    {
        return framesSent.get();
    }

    /**
     * Faults injected of every kind: disconnect rounds, stalls, dropped diffs, garbage frames, slow snapshots, 429s
     * of the throttle fault and 418s.
     *
     * @return the count.
     */
    public long faultsInjected()
    {
        return disconnectsInjected.get() + stallsInjected.get() + diffsDropped.get() + garbageFrames.get() +
            slowSnapshots.get() + restThrottled.get() + restBanned.get();
    }

    /**
     * A one-line summary for logs.
     *
     * @return the line.
     */
    public String summaryLine()
    {
        return "connections " + connectionsOpen.get() + " open / " + connectionsOpened.get() + " opened, " +
            "subscriptions " + subscriptions.get() + ", frames sent " + framesSent.get() + " (" +
            bytesSent.get() / 1024 + " KiB), snapshots " + snapshotsServed.get() + ", faults: disconnects " +
            disconnectsInjected.get() + ", stalls " + stallsInjected.get() + ", diffs dropped " + diffsDropped.get() +
            ", garbage " + garbageFrames.get() + ", slow snapshots " + slowSnapshots.get() + ", 429 " +
            restThrottled.get() + ", 418 " + restBanned.get();
    }

    /**
     * Free the counters.
     */
    public void close()
    {
        CloseHelper.closeAll(all);
    }
}
