/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.hellmoon.codecs.HellmoonConfiguration;
import io.hellmoon.codecs.aeron.AeronPublisher;
import io.hellmoon.codecs.aeron.CounterFactory;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.BackoffIdleStrategy;

/**
 * The scanner's Aeron adapter: an {@link Agent} that polls the market-data subscription in bounded batches,
 * reassembles fragmented messages and hands each whole message to the {@link HellmoonScanner} core, which publishes
 * anomaly events and regime changes through an {@link AeronPublisher} on the scan stream.
 * <p>
 * The sweep needs no timer here: it runs inside the core whenever the messages' event time crosses a sweep
 * boundary, so its output does not depend on how messages were batched into duty cycles. The work count is the
 * number of fragments polled. Counters (messages in, anomalies, regime changes, bad messages, books ignored, late
 * event times) are created by the core through the context's {@link CounterFactory}.
 * <p>
 * The agent owns the subscription, the publisher and the core, and closes them in {@link #onClose()}.
 */
public final class ScannerAgent implements Agent
{
    private final HellmoonScanner scanner;
    private final Subscription subscription;
    private final AeronPublisher publisher;
    private final FragmentAssembler assembler;
    private final int fragmentLimit;
    private final String roleName;

    /**
     * An agent over a subscription and a publisher the caller created.
     *
     * @param ctx          scanner configuration; concluded here if it has not been.
     * @param subscription to the market-data stream.
     * @param publisher    on the scan stream.
     */
    public ScannerAgent(final ScannerContext ctx, final Subscription subscription, final AeronPublisher publisher)
    {
        this.scanner = new HellmoonScanner(ctx, publisher);
        this.subscription = subscription;
        this.publisher = publisher;
        this.fragmentLimit = ctx.fragmentLimit();
        this.roleName = "hellmoon-scanner-" + ctx.scannerId();
        final HellmoonScanner core = scanner;
        final FragmentHandler handler =
            (final DirectBuffer buffer, final int offset, final int length, final Header header) ->
            core.onMessage(buffer, offset, length);
        this.assembler = new FragmentAssembler(handler);
    }

    /**
     * An agent on the configured market-data and scan streams ({@link HellmoonConfiguration.Stream#MD},
     * {@link HellmoonConfiguration.Stream#SCAN}) of an Aeron client, with counters in the client's driver unless the
     * context already names a counter factory. Back pressure follows the context's policy and retry timeout.
     *
     * @param aeron client; not closed by the agent.
     * @param ctx   scanner configuration.
     * @return the agent.
     */
    public static ScannerAgent create(final Aeron aeron, final ScannerContext ctx)
    {
        if (null == ctx.counterFactory())
        {
            ctx.counterFactory(CounterFactory.aeron(aeron));
        }
        if (!ctx.isConcluded())
        {
            ctx.conclude();
        }

        final HellmoonConfiguration.Stream md = HellmoonConfiguration.Stream.MD;
        final HellmoonConfiguration.Stream scan = HellmoonConfiguration.Stream.SCAN;
        Subscription subscription = null;
        Publication publication = null;
        try
        {
            subscription = aeron.addSubscription(md.channel(), md.streamId());
            publication = aeron.addPublication(scan.channel(), scan.streamId());
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

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        return subscription.poll(assembler, fragmentLimit);
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        CloseHelper.closeAll(scanner, subscription, publisher);
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return roleName;
    }

    /**
     * The core, for its counts and its run-time switch.
     *
     * @return the scanner.
     */
    public HellmoonScanner scanner()
    {
        return scanner;
    }

    /**
     * The market-data subscription.
     *
     * @return the subscription.
     */
    public Subscription subscription()
    {
        return subscription;
    }

    /**
     * The scan-stream publisher.
     *
     * @return the publisher.
     */
    public AeronPublisher publisher()
    {
        return publisher;
    }
}
