/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.hellmoon.feed.connect.ConnectionEvent;
import io.hellmoon.feed.connect.ConnectionEvents;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Turns a feed's connection events into readable lines, e.g.
 * {@code 12:00:01.123 binance-usdm conn 0 OPEN connection 3 open, subscribing 3 streams in 1 messages}. Lines are
 * queued by the feed's thread and printed by the command's thread, so the feed never waits for the terminal.
 */
final class ConnectionEventPrinter implements ConnectionEvents
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final String venue;
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();

    ConnectionEventPrinter(final String venue)
    {
        this.venue = venue;
    }

    /**
     * {@inheritDoc}
     */
    public void onEvent(final ConnectionEvent event, final int connection, final String detail)
    {
        lines.add(TIME.format(LocalTime.now()) + " " + venue + " " + (connection < 0 ? "feed  " : "conn " +
            connection) + " " + event + " " + detail);
    }

    /**
     * Print the lines queued so far.
     *
     * @param out to print to, unless null (lines are then dropped).
     * @return lines printed.
     */
    int drain(final PrintWriter out)
    {
        int count = 0;
        String line;
        while (null != (line = lines.poll()))
        {
            if (null != out)
            {
                out.println(line);
            }
            count++;
        }
        if (0 != count && null != out)
        {
            out.flush();
        }
        return count;
    }
}
