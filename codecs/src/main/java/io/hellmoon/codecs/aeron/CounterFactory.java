/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs.aeron;

import io.aeron.Aeron;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import java.nio.ByteBuffer;

/**
 * Creates the counters a component reports through. In a process the counters live in the media driver's counters
 * file, where {@code hellmoon stat} and Aeron's own tools read them; a component tested without Aeron gets counters
 * in local memory instead. Components take counters at construction and only increment them on the hot path.
 */
@FunctionalInterface
public interface CounterFactory
{
    /**
     * A new counter.
     *
     * @param typeId one of {@link HellmoonCounters}' type ids.
     * @param label  shown by tools, e.g. {@code feed binance-usdm: decode errors}.
     * @return the counter; the caller closes it when the component closes.
     */
    AtomicCounter newCounter(int typeId, String label);

    /**
     * Counters in the counters file of the media driver the client is connected to.
     *
     * @param aeron client.
     * @return the factory.
     */
    static CounterFactory aeron(final Aeron aeron)
    {
        return aeron::addCounter;
    }

    /**
     * Counters in local memory, for components running without a media driver (unit tests, offline tools).
     *
     * @param maxCounters how many counters may be created.
     * @return the factory.
     */
    static CounterFactory local(final int maxCounters)
    {
        final CountersManager countersManager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(maxCounters * CountersManager.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(maxCounters * CountersManager.COUNTER_LENGTH)));
        return (typeId, label) -> countersManager.newCounter(label, typeId);
    }
}
