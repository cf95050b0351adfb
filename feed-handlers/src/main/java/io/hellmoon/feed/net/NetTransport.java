/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.net;

/**
 * Which Netty transport a {@link FeedEventLoop} uses.
 */
public enum NetTransport
{
    /**
     * Native epoll where it is available (Linux with the native library loaded), NIO otherwise.
     */
    AUTO,

    /**
     * Native epoll; fails if it is not available.
     */
    EPOLL,

    /**
     * The JDK's NIO selector.
     */
    NIO
}
