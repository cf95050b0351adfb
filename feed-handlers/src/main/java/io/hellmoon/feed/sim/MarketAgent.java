/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;
import org.agrona.concurrent.NanoClock;

import java.util.function.Consumer;

/**
 * The market thread: owns the source and its books, runs the shared timeline, answers REST depth requests between
 * frames (so a snapshot is the book at that moment of the stream) and injects the timed faults.
 * <p>
 * The timeline starts at the first duty cycle, or, when the simulator waits for a subscriber, at the first duty cycle
 * after a client subscribed to something. Disconnects and stalls happen at multiples of their periods after that
 * start, on the simulator's clock, so a manual clock makes them deterministic.
 */
final class MarketAgent implements Agent
{
    private static final int REQUEST_BATCH = 64;
    private static final long PENDING_CHECK_INTERVAL_NS = 100_000_000L;

    private final SimExchange exchange;
    private final MarketSource source;
    private final Dispatcher dispatcher;
    private final EpochNanoClock clock;
    private final NanoClock wallClock;
    private final SimCounters counters;
    private final Consumer<String> log;
    private final ManyToOneConcurrentLinkedQueue<DepthRequest> requests = new ManyToOneConcurrentLinkedQueue<>();
    private final boolean waitForSubscriber;
    private final long disconnectEveryNs;
    private final long stallEveryNs;
    private final long stallLengthNs;
    private boolean started;
    private long startNs;
    private long nextDisconnectNs;
    private long stallIndex;
    private boolean doneLogged;
    private long nextPendingCheckNs;

    MarketAgent(
        final SimExchange exchange,
        final MarketSource source,
        final Dispatcher dispatcher,
        final EpochNanoClock clock,
        final NanoClock wallClock,
        final SimCounters counters,
        final FaultSpec faults,
        final boolean waitForSubscriber,
        final Consumer<String> log)
    {
        this.exchange = exchange;
        this.source = source;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.wallClock = wallClock;
        this.counters = counters;
        this.log = log;
        this.waitForSubscriber = waitForSubscriber;
        this.disconnectEveryNs = faults.disconnectEveryNs();
        this.stallEveryNs = faults.stallEveryNs();
        this.stallLengthNs = faults.stallLengthNs();
    }

    /**
     * Hand a REST depth request to the market thread. Any thread.
     */
    void submit(final DepthRequest request)
    {
        requests.offer(request);
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        int work = 0;
        DepthRequest request;
        while (work < REQUEST_BATCH && null != (request = requests.poll()))
        {
            source.depth(request, nowNs);
            work++;
        }
        final long wallNs = wallClock.nanoTime();
        if (wallNs - nextPendingCheckNs >= 0)
        {
            nextPendingCheckNs = wallNs + PENDING_CHECK_INTERVAL_NS;
            work += source.expirePending(wallNs);
        }

        if (!started)
        {
            if (waitForSubscriber && 0 == counters.subscriptions.get())
            {
                return work;
            }
            started = true;
            startNs = nowNs;
            nextDisconnectNs = nowNs + disconnectEveryNs;
            source.start(nowNs);
            exchange.onTimelineStarted();
            log.accept("timeline started");
        }

        work += injectTimedFaults(nowNs);
        work += source.doWork(nowNs);

        if (!doneLogged && source.isDone())
        {
            doneLogged = true;
            exchange.onSourceDone();
            log.accept("source done: " + counters.sourceFrames.get() + " frames read; still serving REST and " +
                "connections");
        }
        return work;
    }

    private int injectTimedFaults(final long nowNs)
    {
        int work = 0;
        if (disconnectEveryNs > 0 && nowNs - nextDisconnectNs >= 0)
        {
            nextDisconnectNs += disconnectEveryNs;
            if (nowNs - nextDisconnectNs >= 0)
            {
                nextDisconnectNs = nowNs + disconnectEveryNs;
            }
            counters.disconnectsInjected.increment();
            final int closed = exchange.closeAllSessions("fault: disconnect-every");
            log.accept("fault disconnect-every: closed " + closed + " connections");
            work++;
        }
        if (stallEveryNs > 0)
        {
            final long sinceStartNs = nowNs - startNs;
            final long index = sinceStartNs / stallEveryNs;
            final boolean inStall = index >= 1 && sinceStartNs - index * stallEveryNs < stallLengthNs;
            if (inStall && !dispatcher.isStalled())
            {
                stallIndex = index;
                dispatcher.stalled(true);
                exchange.stalled(true);
                counters.stallsInjected.increment();
                log.accept("fault stall-every: stall " + index + " for " + DurationText.format(stallLengthNs));
                work++;
            }
            else if (!inStall && dispatcher.isStalled())
            {
                dispatcher.stalled(false);
                exchange.stalled(false);
                log.accept("fault stall-every: stall " + stallIndex + " over");
                work++;
            }
        }
        return work;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "sim-exchange-market";
    }
}
