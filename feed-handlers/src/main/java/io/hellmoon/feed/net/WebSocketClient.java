/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.net;

import io.hellmoon.feed.VenueFrameHandler;
import org.agrona.concurrent.EpochNanoClock;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens WebSocket client connections ({@code ws://} and {@code wss://}) on a {@link FeedEventLoop}. Each connection
 * hands every complete text or binary message to its {@link VenueFrameHandler} on the loop's thread, with the time it
 * was read, straight from the socket's buffer: see {@link WebSocketConnection}.
 */
public final class WebSocketClient
{
    private static final AtomicLong IDS = new AtomicLong();

    private final FeedEventLoop loop;
    private final EpochNanoClock clock;

    /**
     * A client.
     *
     * @param loop  whose thread runs the connections.
     * @param clock reads receive times: one read per socket read, shared by the frames it completes.
     */
    public WebSocketClient(final FeedEventLoop loop, final EpochNanoClock clock)
    {
        this.loop = loop;
        this.clock = clock;
    }

    /**
     * Start connecting. The listener hears {@link WebSocketListener#onOpen} when the handshake completes, or
     * {@link WebSocketListener#onClosed} if it fails.
     *
     * @param uri          {@code ws://host[:port]/path[?query]} or {@code wss://...}.
     * @param frameHandler receives every message.
     * @param listener     receives the connection's life.
     * @return the connection, connecting.
     * @throws IllegalArgumentException if the URI is not a WebSocket URI.
     */
    public WebSocketConnection connect(
        final URI uri, final VenueFrameHandler frameHandler, final WebSocketListener listener)
    {
        return connect(uri, Map.of(), frameHandler, listener);
    }

    /**
     * Start connecting with extra headers in the opening handshake (an API key, say).
     *
     * @param uri          {@code ws://...} or {@code wss://...}.
     * @param headers      extra request headers.
     * @param frameHandler receives every message.
     * @param listener     receives the connection's life.
     * @return the connection, connecting.
     * @throws IllegalArgumentException if the URI is not a WebSocket URI.
     */
    public WebSocketConnection connect(
        final URI uri,
        final Map<String, String> headers,
        final VenueFrameHandler frameHandler,
        final WebSocketListener listener)
    {
        final String scheme = null == uri.getScheme() ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"ws".equals(scheme) && !"wss".equals(scheme))
        {
            throw new IllegalArgumentException("not a ws:// or wss:// URI: " + uri);
        }
        if (null == uri.getHost())
        {
            throw new IllegalArgumentException("no host in " + uri);
        }
        final WebSocketConnection connection = new WebSocketConnection(
            IDS.incrementAndGet(), loop, clock, uri, "wss".equals(scheme), headers, frameHandler, listener);
        if (loop.inEventLoop())
        {
            connection.start();
        }
        else
        {
            loop.execute(connection::start);
        }
        return connection;
    }

    /**
     * The loop the connections run on.
     *
     * @return the loop.
     */
    public FeedEventLoop loop()
    {
        return loop;
    }
}
