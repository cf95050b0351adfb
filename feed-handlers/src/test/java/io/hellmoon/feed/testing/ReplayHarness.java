/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.testing;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.MarketDataPipeline;
import io.hellmoon.feed.replay.MarketDataSummary;
import io.hellmoon.feed.replay.Replayer;
import io.hellmoon.sbe.Venue;
import org.agrona.CloseHelper;

import java.nio.file.Path;
import java.util.List;

/**
 * TEST ONLY: the replay path wired as {@code hellmoon replay} wires it, minus Aeron: replayer, the real decoders and
 * pipeline ({@link MarketDataFeed}), then a downstream sink feeding a {@link MarketDataSummary} and a
 * {@link CheckpointVerifier}, optionally recording every message. Publish times follow the replay clock.
 */
public final class ReplayHarness implements AutoCloseable
{
    private final InstrumentRegistry registry = new InstrumentRegistry();
    private final ManualEpochNanoClock replayClock = new ManualEpochNanoClock(0);
    private final MarketDataSummary summary = new MarketDataSummary();
    private final CheckpointVerifier checkpoints = new CheckpointVerifier();
    private final RecordingSink downstream;
    private final MarketDataFeed feed;
    private final MarketDataPipeline pipeline;
    private final Replayer replayer;

    /**
     * Wire a replay of files.
     *
     * @param files  to replay.
     * @param venue  forced venue or null.
     * @param record whether to keep a copy of every downstream message.
     */
    public ReplayHarness(final List<Path> files, final Venue venue, final boolean record)
    {
        downstream = new RecordingSink().recording(record).forwardTo(summary).forwardTo(checkpoints);
        feed = new MarketDataFeed(
            downstream, registry, true, replayClock, CounterFactory.local(64), "test",
            null == venue ? Venue.NULL_VAL : venue);
        pipeline = feed.pipeline();
        replayer = new Replayer(new Replayer.Context()
            .files(files)
            .venue(venue)
            .registry(registry)
            .replayTimeClock(replayClock)
            .frameHandlers(feed::handlerFor)
            .endOfStreamHandler(pipeline::onEndOfStream));
    }

    /**
     * Replay to the end.
     *
     * @return this.
     */
    public ReplayHarness run()
    {
        replayer.run();
        return this;
    }

    /**
     * The shared registry.
     *
     * @return the registry.
     */
    public InstrumentRegistry registry()
    {
        return registry;
    }

    /**
     * The summary fed by the downstream sink.
     *
     * @return the summary.
     */
    public MarketDataSummary summary()
    {
        return summary;
    }

    /**
     * The checkpoint verifier fed by the downstream sink.
     *
     * @return the verifier.
     */
    public CheckpointVerifier checkpoints()
    {
        return checkpoints;
    }

    /**
     * Every downstream message, if recording.
     *
     * @return the sink.
     */
    public RecordingSink downstream()
    {
        return downstream;
    }

    /**
     * The pipeline.
     *
     * @return the pipeline.
     */
    public MarketDataPipeline pipeline()
    {
        return pipeline;
    }

    /**
     * The replayer.
     *
     * @return the replayer.
     */
    public Replayer replayer()
    {
        return replayer;
    }

    /**
     * The decoders and pipeline.
     *
     * @return the feed.
     */
    public MarketDataFeed feed()
    {
        return feed;
    }

    /**
     * Close the replayer and the pipeline.
     */
    public void close()
    {
        CloseHelper.closeAll(replayer, feed);
    }
}
