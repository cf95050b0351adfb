/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import java.util.Arrays;

/**
 * A stream clients can subscribe to (a Binance stream name such as {@code btcusdt@depth@100ms}, or a MEXC channel and
 * symbol such as {@code push.deal:BTC_USDT}) and the sessions subscribed to it.
 * <p>
 * Sessions are added and removed on Netty's event loops (under the topic's lock, copying the array) and read by the
 * market thread through a volatile array without locking or allocating: a frame goes to the sessions subscribed when
 * it is dispatched.
 */
final class Topic
{
    private static final Session[] NONE = new Session[0];

    private final String name;
    private volatile Session[] sessions = NONE;

    Topic(final String name)
    {
        this.name = name;
    }

    String name()
    {
        return name;
    }

    /**
     * The sessions subscribed now; do not modify.
     */
    Session[] sessions()
    {
        return sessions;
    }

    synchronized boolean add(final Session session)
    {
        final Session[] current = sessions;
        for (final Session existing : current)
        {
            if (existing == session)
            {
                return false;
            }
        }
        final Session[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = session;
        sessions = grown;
        return true;
    }

    synchronized boolean remove(final Session session)
    {
        final Session[] current = sessions;
        for (int i = 0; i < current.length; i++)
        {
            if (current[i] == session)
            {
                final Session[] shrunk = new Session[current.length - 1];
                System.arraycopy(current, 0, shrunk, 0, i);
                System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
                sessions = shrunk;
                return true;
            }
        }
        return false;
    }

    public String toString()
    {
        return name;
    }
}
