/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.appliance;

import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.replay.Replayer;
import org.agrona.concurrent.Agent;

/**
 * A replayer as the demo's feed: recorded captures paced at their recorded speed (or faster) through a
 * {@link MarketDataFeed}, standing in for a live venue.
 */
public final class ReplayFeedAgent implements Agent
{
    private final Replayer replayer;
    private final MarketDataFeed feed;

    /**
     * An agent over a replayer delivering into the feed.
     *
     * @param replayer pacing the captures.
     * @param feed     decoding, booking and publishing them.
     */
    public ReplayFeedAgent(final Replayer replayer, final MarketDataFeed feed)
    {
        this.replayer = replayer;
        this.feed = feed;
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        return replayer.doWork() + feed.pipeline().publishStatisticsIfDue();
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "hellmoon-feed-replay";
    }

    /**
     * Whether every capture has been delivered.
     *
     * @return true at the end of the captures.
     */
    public boolean isDone()
    {
        return replayer.isDone();
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        replayer.close();
    }
}
