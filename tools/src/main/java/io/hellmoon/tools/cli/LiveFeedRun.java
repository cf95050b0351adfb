/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.hellmoon.feed.connect.LiveFeed;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The command thread's part of a live feed run: start the feed, print its connection events, poll whatever the
 * command consumes (the market-data stream), stop at the deadline or on Ctrl-C, and drain until the feed has stopped
 * and nothing more arrives.
 */
final class LiveFeedRun
{
    private static final int QUIET_ROUNDS_AFTER_STOP = 3;

    private LiveFeedRun()
    {
    }

    /**
     * Run a feed to its end.
     *
     * @param feed       to run.
     * @param printer    its connection events.
     * @param out        where events are printed, or null to drop them.
     * @param err        where a failure is reported.
     * @param durationNs stop after this long ({@link Long#MAX_VALUE}: never).
     * @param poll       work of the command's thread, returning a work count.
     * @return 0, or 1 if the feed failed.
     */
    static int run(
        final LiveFeed feed,
        final ConnectionEventPrinter printer,
        final PrintWriter out,
        final PrintWriter err,
        final long durationNs,
        final IntSupplier poll)
    {
        final CountDownLatch finished = new CountDownLatch(1);
        final Thread shutdownHook = new Thread(() ->
        {
            feed.stop();
            try
            {
                finished.await(10, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ignore)
            {
                Thread.currentThread().interrupt();
            }
        }, "hellmoon-feed-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try
        {
            feed.start();
            final long startNs = System.nanoTime();
            final IdleStrategy idle = new BackoffIdleStrategy(
                100, 10, TimeUnit.MICROSECONDS.toNanos(10), TimeUnit.MILLISECONDS.toNanos(1));
            boolean stopRequested = false;
            int quietRounds = 0;
            while (true)
            {
                final boolean terminated = feed.terminated().isDone();
                final int work = poll.getAsInt() + printer.drain(out);
                if (terminated)
                {
                    quietRounds = 0 == work ? quietRounds + 1 : 0;
                    if (quietRounds >= QUIET_ROUNDS_AFTER_STOP)
                    {
                        break;
                    }
                }
                else if (!stopRequested && Long.MAX_VALUE != durationNs && System.nanoTime() - startNs > durationNs)
                {
                    stopRequested = true;
                    feed.stop();
                }
                idle.idle(work);
            }
            printer.drain(out);
        }
        finally
        {
            finished.countDown();
            try
            {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
            catch (final IllegalStateException ignore)
            {
                // Already shutting down.
            }
        }

        try
        {
            feed.terminated().get();
            return 0;
        }
        catch (final ExecutionException ex)
        {
            err.println("hellmoon feed: " + ex.getCause().getMessage());
            err.flush();
            return 1;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
