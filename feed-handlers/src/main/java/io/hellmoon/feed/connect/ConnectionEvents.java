/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

/**
 * Hears what happens to a feed's connections, e.g. to print a line per event. Called on the feed's event loop, rarely
 * (never per frame); an implementation must not block for long.
 */
@FunctionalInterface
public interface ConnectionEvents
{
    /**
     * Ignores everything.
     */
    ConnectionEvents NONE = (event, connection, detail) -> {};

    /**
     * Something happened.
     *
     * @param event      what.
     * @param connection index of the connection in the feed's plan (from 0), or -1 for REST and the feed as a whole.
     * @param detail     human-readable detail.
     */
    void onEvent(ConnectionEvent event, int connection, String detail);
}
