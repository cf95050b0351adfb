/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.HellmoonCounters;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The executor's counters, labelled {@code executor: ...}: in the media driver's counters file in a process, where
 * {@code hellmoon stat} reads them, in local memory in tests. Only the executor's thread writes them.
 */
public final class ExecutorCounters implements AutoCloseable
{
    private final AtomicCounter messagesReceived;
    private final AtomicCounter decodeErrors;
    private final AtomicCounter orders;
    private final AtomicCounter fills;
    private final AtomicCounter rejects;
    private final AtomicCounter killSwitch;
    private final AtomicCounter exitsTriggered;

    ExecutorCounters(final CounterFactory factory)
    {
        messagesReceived = factory.newCounter(HellmoonCounters.MESSAGES_IN_TYPE_ID, "executor: messages received");
        decodeErrors = factory.newCounter(HellmoonCounters.DECODE_ERRORS_TYPE_ID, "executor: decode errors");
        orders = factory.newCounter(HellmoonCounters.ORDERS_TYPE_ID, "executor: orders accepted");
        fills = factory.newCounter(HellmoonCounters.FILLS_TYPE_ID, "executor: fills");
        rejects = factory.newCounter(HellmoonCounters.ORDER_REJECTS_TYPE_ID, "executor: orders rejected");
        killSwitch = factory.newCounter(HellmoonCounters.KILL_SWITCH_TYPE_ID, "executor: kill switch engaged");
        exitsTriggered = factory.newCounter(HellmoonCounters.GENERIC_TYPE_ID, "executor: bracket exits triggered");
    }

    /**
     * Messages received on any stream.
     *
     * @return the counter.
     */
    public AtomicCounter messagesReceived()
    {
        return messagesReceived;
    }

    /**
     * Messages that could not be decoded, or carried values the executor refuses (see its error log).
     *
     * @return the counter.
     */
    public AtomicCounter decodeErrors()
    {
        return decodeErrors;
    }

    /**
     * Orders accepted (acknowledged NEW) by the paper venue.
     *
     * @return the counter.
     */
    public AtomicCounter orders()
    {
        return orders;
    }

    /**
     * Fills (partial or full).
     *
     * @return the counter.
     */
    public AtomicCounter fills()
    {
        return fills;
    }

    /**
     * Orders rejected by pre-trade risk or the venue.
     *
     * @return the counter.
     */
    public AtomicCounter rejects()
    {
        return rejects;
    }

    /**
     * Kill switch state: 1 engaged, 0 released.
     *
     * @return the counter.
     */
    public AtomicCounter killSwitch()
    {
        return killSwitch;
    }

    /**
     * Bracket exits (stop or target) the executor raised itself.
     *
     * @return the counter.
     */
    public AtomicCounter exitsTriggered()
    {
        return exitsTriggered;
    }

    /**
     * Free the counters.
     */
    public void close()
    {
        CloseHelper.closeAll(messagesReceived, decodeErrors, orders, fills, rejects, killSwitch, exitsTriggered);
    }
}
