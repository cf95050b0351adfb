/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

/**
 * A REST depth request handed from an event loop to the market thread, which owns the books: it renders the reply
 * at the moment of the stream it takes the request and completes it; the reply is written on the connection's event
 * loop.
 */
final class DepthRequest
{
    /**
     * Writes the reply of a request.
     */
    @FunctionalInterface
    interface Reply
    {
        /**
         * Send a JSON reply.
         *
         * @param status HTTP status.
         * @param body   JSON body.
         */
        void send(int status, byte[] body);
    }

    private final String symbol;
    private final int limit;
    private final long deadlineNs;
    private final Reply reply;

    /**
     * A request.
     *
     * @param symbol     as the client wrote it.
     * @param limit      levels per side.
     * @param deadlineNs wall-clock time after which a request still waiting for a book gets an error.
     * @param reply      how to answer.
     */
    DepthRequest(final String symbol, final int limit, final long deadlineNs, final Reply reply)
    {
        this.symbol = symbol;
        this.limit = limit;
        this.deadlineNs = deadlineNs;
        this.reply = reply;
    }

    String symbol()
    {
        return symbol;
    }

    int limit()
    {
        return limit;
    }

    long deadlineNs()
    {
        return deadlineNs;
    }

    void complete(final int status, final byte[] body)
    {
        reply.send(status, body);
    }
}
