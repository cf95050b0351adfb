/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

/**
 * What happened to a feed's connections and REST requests, for a readable log line each.
 */
public enum ConnectionEvent
{
    /**
     * A connection is being opened (first time, reconnect or rotation).
     */
    CONNECTING,

    /**
     * The WebSocket handshake completed.
     */
    OPEN,

    /**
     * Every subscribe message of a connection has been sent.
     */
    SUBSCRIBED,

    /**
     * The venue rejected a request on a connection (an error reply).
     */
    REJECTED,

    /**
     * A connection closed or failed to open.
     */
    CLOSED,

    /**
     * A connection was silent past the heartbeat timeout.
     */
    HEARTBEAT_TIMEOUT,

    /**
     * Instruments with books on a lost connection were marked stale.
     */
    STALE,

    /**
     * A reconnect is scheduled after a backoff.
     */
    RECONNECT_SCHEDULED,

    /**
     * A connection attempt waits for the venue's connection-attempt limit.
     */
    CONNECT_THROTTLED,

    /**
     * A connection is being replaced before the end of its lifetime.
     */
    ROTATION_STARTED,

    /**
     * The replacement took over and the old connection was closed.
     */
    ROTATION_COMPLETED,

    /**
     * A REST request was answered 429: every request to the venue waits for the Retry-After.
     */
    REST_THROTTLED,

    /**
     * A REST request was answered 418 (IP banned): every request waits for the Retry-After.
     */
    REST_BANNED,

    /**
     * A REST request failed (connection, timeout, error status) and will be retried.
     */
    REST_FAILED,

    /**
     * Reference data (exchangeInfo) loaded.
     */
    REFERENCE_DATA
}
