/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.hellmoon.codecs.aeron.AeronPublisher;
import io.hellmoon.codecs.aeron.CounterFactory;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * The executor as an Agrona {@link Agent}: polls the control, market-data and intent subscriptions, in that order
 * and each in a bounded batch, into one {@link ExecutionEngine}, and publishes its reports on the execution stream
 * through an {@link AeronPublisher}.
 * <p>
 * Control comes first so a kill switch takes effect before the intents of the same duty cycle; market data before
 * intents so orders fill against the latest book. Fragmented messages are reassembled per subscription.
 * <p>
 * The agent owns its subscriptions, its publication and its counters and closes them in {@link #onClose()}; the
 * {@link Aeron} client is the caller's. Counters go to the media driver's counters file unless the context names
 * another factory. Run it on an {@code AgentRunner} or compose it with others.
 */
public final class ExecutorAgent implements Agent
{
    private final ExecutionEngine engine;
    private final AeronPublisher publisher;
    private final Subscription controlSubscription;
    private final Subscription marketDataSubscription;
    private final Subscription intentSubscription;
    private final FragmentAssembler controlAssembler;
    private final FragmentAssembler marketDataAssembler;
    private final FragmentAssembler intentAssembler;
    private final int fragmentLimit;

    /**
     * Create the agent, its subscriptions and its publication.
     *
     * @param context configuration; concluded here if it was not already, with counters in the media driver's
     *                counters file unless it names another factory.
     * @param aeron   client, connected to the media driver; not closed by the agent.
     */
    public ExecutorAgent(final ExecutorContext context, final Aeron aeron)
    {
        if (!context.isConcluded())
        {
            if (null == context.counterFactory())
            {
                context.counterFactory(CounterFactory.aeron(aeron));
            }
            context.conclude();
        }
        fragmentLimit = context.fragmentLimit();

        Subscription control = null;
        Subscription marketData = null;
        Subscription intent = null;
        AeronPublisher output = null;
        ExecutionEngine core = null;
        try
        {
            control = aeron.addSubscription(context.controlChannel(), context.controlStreamId());
            marketData = aeron.addSubscription(context.marketDataChannel(), context.marketDataStreamId());
            intent = aeron.addSubscription(context.intentChannel(), context.intentStreamId());
            final Publication publication =
                aeron.addPublication(context.executionChannel(), context.executionStreamId());
            output = new AeronPublisher(
                publication,
                context.backPressurePolicy(),
                new YieldingIdleStrategy(),
                context.publishRetryTimeoutNs(),
                context.counterFactory(),
                "executor exec");
            core = new ExecutionEngine(context, output);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.closeAll(core, output, intent, marketData, control);
            throw ex;
        }

        controlSubscription = control;
        marketDataSubscription = marketData;
        intentSubscription = intent;
        publisher = output;
        engine = core;

        controlAssembler = new FragmentAssembler(this::onFragment);
        marketDataAssembler = new FragmentAssembler(this::onFragment);
        intentAssembler = new FragmentAssembler(this::onFragment);
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        int workCount = 0;
        workCount += controlSubscription.poll(controlAssembler, fragmentLimit);
        workCount += marketDataSubscription.poll(marketDataAssembler, fragmentLimit);
        workCount += intentSubscription.poll(intentAssembler, fragmentLimit);
        return workCount;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "executor";
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        CloseHelper.closeAll(engine, publisher, intentSubscription, marketDataSubscription, controlSubscription);
    }

    /**
     * The engine, for tools that read its state on the agent's thread (or after the agent stopped).
     *
     * @return the engine.
     */
    public ExecutionEngine engine()
    {
        return engine;
    }

    /**
     * The execution publisher, for its counts.
     *
     * @return the publisher.
     */
    public AeronPublisher publisher()
    {
        return publisher;
    }

    private void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        engine.onMessage(buffer, offset, length);
    }
}
