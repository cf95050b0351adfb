/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.scan;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.hellmoon.codecs.aeron.AeronPublisher;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.scanner.ScannerAgent;
import io.hellmoon.scanner.ScannerContext;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;

/**
 * Wiring of a scanner shard onto channels given explicitly rather than by the stream properties: the market-data
 * subscription (IPC, UDP unicast or multicast: whatever the channel says) and a scan publication of its own.
 * <p>
 * The scan publication is exclusive, so each shard is its own session and a subscriber of the scan stream sees one
 * image per shard: Aeron merges the shards' streams, delivering each shard's messages once and in that shard's order.
 * Shards are told apart by the events' {@code scannerId} (also the top 16 bits of {@code anomalyId}), which must
 * differ between the shards of a deployment.
 */
public final class ScanShards
{
    private ScanShards()
    {
    }

    /**
     * A scanner agent on the given channels; the agent owns (and closes) the subscription and the publication.
     *
     * @param aeron        client; not closed by the agent.
     * @param ctx          scanner configuration with its shard and scanner id set; counters go to the client's driver
     *                     unless the context names a counter factory. Concluded here.
     * @param mdChannel    market-data channel, e.g. {@code aeron:ipc} or {@code aeron:udp?endpoint=host:port}.
     * @param mdStreamId   market-data stream id.
     * @param scanChannel  scan channel.
     * @param scanStreamId scan stream id.
     * @return the agent, not yet run.
     * @throws IllegalArgumentException if the context is invalid, naming the key.
     */
    public static ScannerAgent createAgent(
        final Aeron aeron,
        final ScannerContext ctx,
        final String mdChannel,
        final int mdStreamId,
        final String scanChannel,
        final int scanStreamId)
    {
        if (null == ctx.counterFactory())
        {
            ctx.counterFactory(CounterFactory.aeron(aeron));
        }
        if (!ctx.isConcluded())
        {
            ctx.conclude();
        }

        Subscription subscription = null;
        ExclusivePublication publication = null;
        try
        {
            subscription = aeron.addSubscription(mdChannel, mdStreamId);
            publication = aeron.addExclusivePublication(scanChannel, scanStreamId);
            final AeronPublisher publisher = new AeronPublisher(
                publication,
                ctx.backPressurePolicy(),
                new BackoffIdleStrategy(),
                ctx.publishRetryTimeoutNs(),
                ctx.counterFactory(),
                "scanner " + ctx.scannerId() + " scan");
            return new ScannerAgent(ctx, subscription, publisher);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(subscription, publication);
            throw ex;
        }
    }
}
