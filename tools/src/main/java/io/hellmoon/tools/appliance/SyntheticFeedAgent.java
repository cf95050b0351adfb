/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.appliance;

import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.synthetic.SyntheticMarket;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;

import java.util.function.IntConsumer;

/**
 * The feed of the demo: the synthetic market generating venue frames up to the wall-clock time, decoded and booked
 * by a {@link MarketDataFeed} that publishes the market-data stream. Every frame's receive time is the time the
 * market scheduled it, not when this agent got round to it, so feed latency is measured from the planned time and a
 * late duty cycle shows up as latency instead of being hidden (no coordinated omission).
 * <p>
 * Start-up comes first, on this agent's thread so that subscribers are already consuming: depth snapshots for every
 * instrument, then the market's recent kline history, as a live feed fetches both over REST before it trusts its
 * books and indicators; then live frames.
 */
public final class SyntheticFeedAgent implements Agent
{
    private final SyntheticMarket market;
    private final MarketDataFeed feed;
    private final QueuedSnapshotRequests snapshots;
    private final EpochNanoClock clock;
    private final int frameLimit;
    private final IntConsumer snapshotServer;
    private long nowNs;
    private boolean snapshotsSent;
    private volatile boolean live;

    /**
     * An agent over a market whose frames go to the feed.
     *
     * @param market     generating frames into the feed's handler.
     * @param feed       decoding, booking and publishing them.
     * @param snapshots  the requests the feed's books queue.
     * @param clock      wall clock the market is driven by.
     * @param frameLimit most frames generated per duty cycle.
     */
    public SyntheticFeedAgent(
        final SyntheticMarket market,
        final MarketDataFeed feed,
        final QueuedSnapshotRequests snapshots,
        final EpochNanoClock clock,
        final int frameLimit)
    {
        this.market = market;
        this.feed = feed;
        this.snapshots = snapshots;
        this.clock = clock;
        this.frameLimit = frameLimit;
        this.snapshotServer = (instrumentId) -> market.emitSnapshot(instrumentId, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        nowNs = clock.nanoTime();
        if (!snapshotsSent)
        {
            snapshotsSent = true;
            return market.emitSnapshots(nowNs);
        }
        if (!live)
        {
            final int historyFrames = market.emitHistory(frameLimit);
            if (historyFrames > 0)
            {
                return historyFrames;
            }
            live = true;
        }

        int work = market.generate(nowNs, frameLimit);
        work += snapshots.serve(snapshotServer, 64);
        work += feed.pipeline().publishStatisticsIfDue();
        return work;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "hellmoon-feed-synthetic";
    }

    /**
     * Whether start-up (snapshots and history) is over and live frames flow; safe from any thread.
     *
     * @return true once live.
     */
    public boolean isLive()
    {
        return live;
    }

    /**
     * The market.
     *
     * @return the market.
     */
    public SyntheticMarket market()
    {
        return market;
    }
}
