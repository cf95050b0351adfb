/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.scan;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.AeronPublisher;
import io.hellmoon.codecs.aeron.BackPressurePolicy;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.feed.replay.Replayer;
import io.hellmoon.sbe.Venue;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;

/**
 * Replays captures through the real decoders and books onto a market-data publication, as {@code hellmoon replay}
 * does, for tests whose subscribers live elsewhere (scanner shards in other threads, over IPC or UDP).
 */
final class MarketDataReplay
{
    private MarketDataReplay()
    {
    }

    /**
     * Replay the files at full speed, waiting under back pressure without limit, once {@code ready} holds.
     *
     * @param aeron     client.
     * @param channel   market-data channel.
     * @param streamId  market-data stream id.
     * @param files     captures.
     * @param ready     true once every subscriber that must see the whole stream has joined.
     * @param consumed    true once every subscriber has consumed up to the given position; the publication is kept
     *                    open until then.
     * @return the publication's final position.
     */
    static long replay(
        final Aeron aeron,
        final String channel,
        final int streamId,
        final List<Path> files,
        final BooleanSupplier ready,
        final LongPredicate consumed)
    {
        final CounterFactory counters = CounterFactory.local(64);
        final ExclusivePublication publication = aeron.addExclusivePublication(channel, streamId);
        final AeronPublisher publisher = new AeronPublisher(
            publication, BackPressurePolicy.RETRY, new YieldingIdleStrategy(), 0, counters, "test md");
        final IdleStrategy idle = new BackoffIdleStrategy();
        while (!publication.isConnected() || !ready.getAsBoolean())
        {
            idle.idle();
        }

        final InstrumentRegistry registry = new InstrumentRegistry();
        final ManualEpochNanoClock replayTime = new ManualEpochNanoClock(0);
        final MarketDataFeed feed =
            new MarketDataFeed(publisher, registry, true, replayTime, counters, "test", Venue.NULL_VAL);
        final Replayer replayer = new Replayer(new Replayer.Context()
            .files(files)
            .speed(ReplaySpeed.MAX)
            .registry(registry)
            .replayTimeClock(replayTime)
            .frameHandlers(feed::handlerFor)
            .endOfStreamHandler(feed.pipeline()::onEndOfStream));
        try
        {
            while (!replayer.isDone())
            {
                idle.idle(replayer.doWork());
            }
            final long position = publication.position();
            while (!consumed.test(position))
            {
                idle.idle();
            }
            return position;
        }
        finally
        {
            CloseHelper.closeAll(replayer, feed, publisher);
        }
    }
}
