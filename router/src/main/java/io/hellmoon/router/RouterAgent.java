/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.hellmoon.codecs.HellmoonConfiguration.Stream;
import io.hellmoon.codecs.aeron.AeronPublisher;
import io.hellmoon.codecs.aeron.BackPressurePolicy;
import io.hellmoon.codecs.aeron.CounterFactory;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The router's Aeron adapter: polls the control, execution, market-data and scan streams (plus any extra scan
 * streams) in bounded batches, reassembling fragments into whole messages for the {@link Router}, and publishes its
 * decisions and order intents on the intent stream through an {@link AeronPublisher} that retries under back
 * pressure for {@code hellmoon.router.intent.retry.timeout}, then drops and counts. Channels and stream ids come
 * from {@link io.hellmoon.codecs.HellmoonConfiguration}. Counters live in the media driver's counters file.
 * <p>
 * Run it on an {@link org.agrona.concurrent.AgentRunner} or compose it with others; every method is called on that
 * one thread. Control is polled first so a kill switch takes effect before the next anomaly of the same cycle.
 */
public final class RouterAgent implements Agent
{
    private final Router router;
    private final AeronPublisher publisher;
    private final Subscription[] subscriptions;
    private final FragmentAssembler assembler;
    private final int fragmentLimit;
    private final EpochNanoClock clock;

    /**
     * An agent over a connected Aeron client.
     *
     * @param ctx   concluded router context.
     * @param aeron client; not closed by the agent.
     */
    public RouterAgent(final Router.Context ctx, final Aeron aeron)
    {
        final CounterFactory counters = CounterFactory.aeron(aeron);
        this.fragmentLimit = ctx.fragmentLimit();
        this.clock = ctx.clock();
        this.publisher = new AeronPublisher(
            aeron.addPublication(Stream.INTENT.channel(), Stream.INTENT.streamId()),
            BackPressurePolicy.RETRY,
            new BackoffIdleStrategy(1, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100)),
            ctx.intentRetryTimeoutNs(),
            counters,
            "router intent");
        this.router = new Router(ctx, publisher, counters);
        this.assembler = new FragmentAssembler((buffer, offset, length, header) ->
            router.onMessage(buffer, offset, length));

        final List<Subscription> list = new ArrayList<>();
        list.add(aeron.addSubscription(Stream.CONTROL.channel(), Stream.CONTROL.streamId()));
        list.add(aeron.addSubscription(Stream.EXEC.channel(), Stream.EXEC.streamId()));
        list.add(aeron.addSubscription(Stream.MD.channel(), Stream.MD.streamId()));
        list.add(aeron.addSubscription(Stream.SCAN.channel(), Stream.SCAN.streamId()));
        for (final int streamId : ctx.extraScanStreamIds())
        {
            list.add(aeron.addSubscription(Stream.SCAN.channel(), streamId));
        }
        this.subscriptions = list.toArray(new Subscription[0]);
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        int workCount = 0;
        for (final Subscription subscription : subscriptions)
        {
            workCount += subscription.poll(assembler, fragmentLimit);
        }
        workCount += router.doHousekeeping(clock.nanoTime());
        return workCount;
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        CloseHelper.closeAll(router);
        CloseHelper.closeAll(subscriptions);
        CloseHelper.closeAll(publisher);
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "hellmoon-router";
    }

    /**
     * The core, for tools that render decisions or inspect state (on the agent's thread only).
     *
     * @return the router.
     */
    public Router router()
    {
        return router;
    }

    /**
     * The intent publisher.
     *
     * @return the publisher.
     */
    public AeronPublisher publisher()
    {
        return publisher;
    }
}
