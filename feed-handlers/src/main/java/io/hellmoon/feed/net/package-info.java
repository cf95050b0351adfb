/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Netty transports of the live feed: a {@link io.hellmoon.feed.net.FeedEventLoop} (one I/O thread, epoll where
 * available) on which a {@link io.hellmoon.feed.net.WebSocketClient} opens
 * {@link io.hellmoon.feed.net.WebSocketConnection}s that parse frames in place and hand each message to a {@link io.hellmoon.feed.VenueFrameHandler} without copying
 * or allocating, and an {@link io.hellmoon.feed.net.HttpClient} fetches REST replies with keep-alive, delivering them
 * on the same thread.
 */
package io.hellmoon.feed.net;
