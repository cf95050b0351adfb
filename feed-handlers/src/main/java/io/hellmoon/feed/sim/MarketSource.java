/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import java.util.List;

/**
 * What the simulator serves: a recorded capture or a synthetic market, on one timeline shared by every connection.
 * Every method runs on the market thread except where noted.
 */
interface MarketSource extends AutoCloseable
{
    /**
     * The timeline starts now (at the first {@link #doWork(long)}, or when the first client subscribes if the
     * simulator waits for one).
     *
     * @param nowNs the simulator's clock.
     */
    default void start(final long nowNs)
    {
    }

    /**
     * Deliver what is due on the timeline to the {@link Dispatcher}, a bounded batch at most.
     *
     * @param nowNs the simulator's clock.
     * @return frames delivered.
     */
    int doWork(long nowNs);

    /**
     * Whether the source has nothing more to send (a capture at its end; never for a synthetic market).
     *
     * @return true at the end.
     */
    boolean isDone();

    /**
     * Answer a REST depth request with the book as it stands now on the timeline, or keep it until the book is known
     * and answer it then.
     *
     * @param request to answer.
     * @param nowNs   the simulator's clock.
     */
    void depth(DepthRequest request, long nowNs);

    /**
     * Answer requests kept waiting past their deadline with an error.
     *
     * @param wallNs wall-clock time compared with the requests' deadlines.
     * @return requests answered.
     */
    default int expirePending(final long wallNs)
    {
        return 0;
    }

    /**
     * The symbols served, upper case as the venue writes them ({@code BTCUSDT}, {@code SYN0001_USDT}). Any thread;
     * fixed at construction.
     *
     * @return the symbols.
     */
    List<String> symbols();

    /**
     * The exchangeInfo body (Binance) served at start, with a placeholder server time replaced per reply; null when
     * the venue has none (MEXC serves contract details instead). Any thread; fixed at construction.
     *
     * @return the JSON, or null.
     */
    String exchangeInfoJson();

    /**
     * What is served, for the start-up log.
     *
     * @return one line per input.
     */
    List<String> describe();

    /**
     * Close files.
     */
    void close();
}
