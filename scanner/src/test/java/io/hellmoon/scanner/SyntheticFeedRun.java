/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.synthetic.InjectedAnomaly;
import io.hellmoon.feed.synthetic.SyntheticMarket;
import io.hellmoon.sbe.Venue;
import org.agrona.collections.IntArrayQueue;
import org.agrona.collections.IntHashSet;
import org.agrona.concurrent.EpochNanoClock;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The synthetic market's venue frames through the real feed path into a scanner: {@link SyntheticMarket} ->
 * {@link MarketDataFeed} (the Binance decoder, the book builder and the pipeline, exactly as the appliance runs them)
 * -> {@link HellmoonScanner}. Depth snapshots the books ask for are queued and served between frames, as a live feed
 * serves REST replies. The feed's clock is the market's time and the scanner's a manual clock at it, so everything is
 * a function of the seed.
 */
final class SyntheticFeedRun implements AutoCloseable
{
    private static final long STEP_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int FRAME_LIMIT = 4096;

    final InstrumentRegistry registry = new InstrumentRegistry();
    final SyntheticMarket market;
    final MarketDataFeed feed;
    final HellmoonScanner scanner;
    final ManualEpochNanoClock scannerClock;
    private final IntArrayQueue snapshotQueue = new IntArrayQueue(1024, Integer.MIN_VALUE);
    private final IntHashSet pendingSnapshots = new IntHashSet(1024);
    private final MarketClock marketClock = new MarketClock();
    private long messages;

    private static final class MarketClock implements EpochNanoClock
    {
        SyntheticMarket market;
        long fallbackNs;

        public long nanoTime()
        {
            return null == market ? fallbackNs : market.currentTimeNs();
        }
    }

    /**
     * A run.
     *
     * @param marketCtx  the market's configuration; its registry is set here.
     * @param scannerCtx the scanner's configuration; its clock is set here.
     * @param sink       receives the scanner's output.
     */
    SyntheticFeedRun(final SyntheticMarket.Context marketCtx, final ScannerContext scannerCtx, final MessageSink sink)
    {
        marketClock.fallbackNs = marketCtx.startTimeNs();
        scannerClock = new ManualEpochNanoClock(marketCtx.startTimeNs());
        scanner = new HellmoonScanner(scannerCtx.clock(scannerClock), sink);
        final MessageSink toScanner = (buffer, offset, length) ->
        {
            messages++;
            scanner.onMessage(buffer, offset, length);
            return true;
        };
        feed = new MarketDataFeed(
            toScanner, registry, false, marketClock, CounterFactory.local(64), "feed", Venue.SYNTHETIC,
            TimeUnit.MILLISECONDS, this::requestSnapshot);
        market = new SyntheticMarket(
            marketCtx.venue(Venue.SYNTHETIC).registry(registry), feed.handlerFor(Venue.SYNTHETIC));
        marketClock.market = market;
    }

    private void requestSnapshot(final int instrumentId)
    {
        if (pendingSnapshots.add(instrumentId))
        {
            snapshotQueue.addInt(instrumentId);
        }
    }

    /**
     * Snapshots of every book, the market's kline history, then live frames until {@code endNs}.
     *
     * @param endNs market time to run to.
     */
    void run(final long endNs)
    {
        long timeNs = market.currentTimeNs();
        if (0 == market.eventCount())
        {
            market.emitSnapshots(timeNs);
            while (market.emitHistory(FRAME_LIMIT) > 0)
            {
                serveSnapshots(timeNs);
            }
        }
        for (; timeNs <= endNs; timeNs += STEP_NS)
        {
            while (market.generate(timeNs, FRAME_LIMIT) >= FRAME_LIMIT)
            {
                serveSnapshots(timeNs);
            }
            serveSnapshots(timeNs);
            scannerClock.set(Math.max(scannerClock.nanoTime(), market.currentTimeNs()));
        }
    }

    private void serveSnapshots(final long timeNs)
    {
        while (!snapshotQueue.isEmpty())
        {
            final int instrumentId = snapshotQueue.pollInt();
            pendingSnapshots.remove(instrumentId);
            market.emitSnapshot(instrumentId, timeNs);
        }
    }

    /**
     * The injected anomalies so far.
     *
     * @return the ground truth.
     */
    List<InjectedAnomaly> groundTruth()
    {
        return market.groundTruth();
    }

    /**
     * Market-data messages the feed handed to the scanner.
     *
     * @return the count.
     */
    long messages()
    {
        return messages;
    }

    public void close()
    {
        scanner.close();
        feed.close();
    }
}
