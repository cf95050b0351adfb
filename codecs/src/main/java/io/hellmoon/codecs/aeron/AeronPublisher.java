/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs.aeron;

import io.aeron.Publication;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * A {@link MessageSink} over an Aeron publication that checks every offer's result and applies a stated
 * {@link BackPressurePolicy}: back pressure and administrative actions are retried or dropped, a missing subscriber
 * drops (a feed does not wait for a listener), and every outcome is counted.
 */
public final class AeronPublisher implements MessageSink, AutoCloseable
{
    private final Publication publication;
    private final BackPressurePolicy policy;
    private final IdleStrategy retryIdleStrategy;
    private final long retryTimeoutNs;
    private final AtomicCounter published;
    private final AtomicCounter backPressured;
    private final AtomicCounter dropped;

    /**
     * A publisher.
     *
     * @param publication       to offer to; closed with this publisher.
     * @param policy            for back pressure.
     * @param retryIdleStrategy used between retries.
     * @param retryTimeoutNs    how long to retry before dropping; 0 retries for ever.
     * @param counters          factory for this publisher's counters.
     * @param label             prefix of the counter labels, e.g. {@code feed md}.
     */
    public AeronPublisher(
        final Publication publication,
        final BackPressurePolicy policy,
        final IdleStrategy retryIdleStrategy,
        final long retryTimeoutNs,
        final CounterFactory counters,
        final String label)
    {
        this.publication = publication;
        this.policy = policy;
        this.retryIdleStrategy = retryIdleStrategy;
        this.retryTimeoutNs = retryTimeoutNs;
        this.published = counters.newCounter(HellmoonCounters.MESSAGES_OUT_TYPE_ID, label + ": messages published");
        this.backPressured = counters.newCounter(HellmoonCounters.BACK_PRESSURE_TYPE_ID, label + ": back pressured");
        this.dropped = counters.newCounter(HellmoonCounters.DROPS_TYPE_ID, label + ": dropped");
    }

    /**
     * {@inheritDoc}
     */
    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        long result = publication.offer(buffer, offset, length);
        if (result > 0)
        {
            published.incrementRelease();
            return true;
        }

        long deadlineNs = 0;
        retryIdleStrategy.reset();
        while (true)
        {
            if (Publication.BACK_PRESSURED == result || Publication.ADMIN_ACTION == result)
            {
                backPressured.incrementRelease();
                if (BackPressurePolicy.DROP == policy)
                {
                    break;
                }
                if (retryTimeoutNs > 0)
                {
                    final long nowNs = System.nanoTime();
                    if (0 == deadlineNs)
                    {
                        deadlineNs = nowNs + retryTimeoutNs;
                    }
                    else if (nowNs - deadlineNs > 0)
                    {
                        break;
                    }
                }
                retryIdleStrategy.idle();
            }
            else
            {
                // NOT_CONNECTED, CLOSED or MAX_POSITION_EXCEEDED: retrying cannot help.
                break;
            }

            result = publication.offer(buffer, offset, length);
            if (result > 0)
            {
                published.incrementRelease();
                return true;
            }
        }

        dropped.incrementRelease();
        return false;
    }

    /**
     * Whether a subscriber is connected.
     *
     * @return true if connected.
     */
    public boolean isConnected()
    {
        return publication.isConnected();
    }

    /**
     * The publication.
     *
     * @return the publication.
     */
    public Publication publication()
    {
        return publication;
    }

    /**
     * Messages published so far.
     *
     * @return the count.
     */
    public long publishedCount()
    {
        return published.get();
    }

    /**
     * Messages dropped so far.
     *
     * @return the count.
     */
    public long droppedCount()
    {
        return dropped.get();
    }

    /**
     * Offers that met back pressure so far.
     *
     * @return the count.
     */
    public long backPressuredCount()
    {
        return backPressured.get();
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        CloseHelper.closeAll(publication, published, backPressured, dropped);
    }
}
