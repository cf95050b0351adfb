/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.net;

/**
 * The life of a {@link WebSocketConnection}, apart from its messages (which go to its frame handler). Called on the
 * connection's event loop.
 */
public interface WebSocketListener
{
    /**
     * The opening handshake completed: the connection can send.
     *
     * @param connection that opened.
     */
    void onOpen(WebSocketConnection connection);

    /**
     * The server pinged; the pong has already been sent.
     *
     * @param connection pinged.
     */
    void onPing(WebSocketConnection connection);

    /**
     * The server answered a ping.
     *
     * @param connection ponged.
     */
    void onPong(WebSocketConnection connection);

    /**
     * The connection is gone, or never opened: called exactly once, last.
     * {@link WebSocketConnection#closeCode()} and {@link WebSocketConnection#closeReason()} say why.
     *
     * @param connection closed.
     */
    void onClosed(WebSocketConnection connection);
}
