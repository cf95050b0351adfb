/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.scan;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.hellmoon.codecs.HellmoonConfiguration.Stream;
import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.codecs.aeron.BackPressurePolicy;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.scanner.ScannerAgent;
import io.hellmoon.scanner.ScannerContext;
import org.agrona.CloseHelper;

/**
 * The scanner on the market-data stream plus a subscriber of the scan stream it publishes to, driven together by
 * {@link #doWork()} from the caller's thread: how a replay runs the scanner and collects what it emits.
 * <p>
 * The scanner publishes without a retry limit so no anomaly is ever dropped; the scan stream's term is far larger
 * than a replay's anomalies, so the subscriber on the same thread never has to drain it first.
 */
public final class ScanStage implements AutoCloseable
{
    private final ScannerAgent scanner;
    private final Subscription scanSubscription;
    private final FragmentAssembler assembler;

    /**
     * Create the scanner and the scan subscriber.
     *
     * @param aeron    client of the driver carrying the streams.
     * @param counters for the scanner's counters.
     * @param handler  of every message on the scan stream, or null to only run the scanner.
     */
    public ScanStage(final Aeron aeron, final CounterFactory counters, final SbeHandler handler)
    {
        this(aeron, counters, handler, ShardSpec.ALL);
    }

    /**
     * Create the scanner of one shard of the universe and the scan subscriber.
     *
     * @param aeron    client of the driver carrying the streams.
     * @param counters for the scanner's counters.
     * @param handler  of every message on the scan stream, or null to only run the scanner.
     * @param shard    instruments the scanner takes; its scanner id is the shard index + 1.
     */
    public ScanStage(final Aeron aeron, final CounterFactory counters, final SbeHandler handler, final ShardSpec shard)
    {
        final ScannerContext ctx = shard.applyTo(new ScannerContext())
            .scannerId(shard.index() + 1)
            .counterFactory(counters)
            .backPressurePolicy(BackPressurePolicy.RETRY)
            .publishRetryTimeoutNs(0);
        this.scanner = ScannerAgent.create(aeron, ctx);
        this.scanSubscription = aeron.addSubscription(Stream.SCAN.channel(), Stream.SCAN.streamId());
        this.assembler = new FragmentAssembler((buffer, offset, length, header) ->
        {
            if (null != handler)
            {
                handler.onMessage(buffer, offset, length);
            }
        });
    }

    /**
     * Let the scanner process what has arrived, then hand what it published to the handler.
     *
     * @return work done.
     */
    public int doWork()
    {
        int work = 0;
        try
        {
            work += scanner.doWork();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("scanner failed", ex);
        }
        work += scanSubscription.poll(assembler, 256);
        return work;
    }

    /**
     * Whether both the scanner's market-data subscription and the scan subscriber are connected.
     *
     * @return true when connected.
     */
    public boolean isConnected()
    {
        return scanner.subscription().isConnected() && scanSubscription.isConnected();
    }

    /**
     * The scanner agent.
     *
     * @return the agent.
     */
    public ScannerAgent scanner()
    {
        return scanner;
    }

    /**
     * Close the scanner and the subscriber.
     */
    public void close()
    {
        scanner.onClose();
        CloseHelper.close(scanSubscription);
    }
}
