/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Sends the source's frames to the sessions subscribed to their topics, on the market thread, applying the stream
 * faults on the way: stalls (nothing goes out, the frames are lost), dropped diffs and garbage frames.
 * <p>
 * A frame is encoded at most twice whatever the number of subscribers (combined-stream envelope and raw payload), and
 * only when someone wants it; each subscriber gets a retained duplicate. Nothing is allocated for frames nobody is
 * subscribed to. A session whose queue is full is handled by the {@link SimExchange.SlowConsumerPolicy}.
 */
final class Dispatcher
{
    private static final long BLOCK_PARK_NS = 50_000;

    private final ByteBufAllocator allocator;
    private final SimCounters counters;
    private final int dropDiffEvery;
    private final int garbageEvery;
    private final SimExchange.SlowConsumerPolicy slowConsumerPolicy;
    private final long slowConsumerTimeoutNs;
    private final NanoClock wallClock;
    private final Consumer<String> log;
    private long diffsOnWire;
    private boolean stalled;

    Dispatcher(
        final ByteBufAllocator allocator,
        final SimCounters counters,
        final FaultSpec faults,
        final SimExchange.SlowConsumerPolicy slowConsumerPolicy,
        final long slowConsumerTimeoutNs,
        final NanoClock wallClock,
        final Consumer<String> log)
    {
        this.allocator = allocator;
        this.counters = counters;
        this.dropDiffEvery = faults.dropDiffEvery();
        this.garbageEvery = faults.garbageEvery();
        this.slowConsumerPolicy = slowConsumerPolicy;
        this.slowConsumerTimeoutNs = slowConsumerTimeoutNs;
        this.wallClock = wallClock;
        this.log = log;
    }

    /**
     * Start or end a stall: while stalled, frames are counted as lost instead of sent.
     */
    void stalled(final boolean stalled)
    {
        this.stalled = stalled;
    }

    boolean isStalled()
    {
        return stalled;
    }

    /**
     * Count a depth diff going on the wire and say whether the drop-diff fault takes it. Every diff the stream
     * serves counts, whether anyone is subscribed or not, so the diffs dropped are the same on every run.
     *
     * @return true if the diff must not be sent.
     */
    boolean dropDiff()
    {
        if (dropDiffEvery > 0 && 0 == ++diffsOnWire % dropDiffEvery)
        {
            counters.diffsDropped.increment();
            return true;
        }
        return false;
    }

    /**
     * Send a frame to the topic's sessions.
     *
     * @param topic       of the frame.
     * @param buffer      holding it.
     * @param offset      of the frame combined-stream sessions get (the whole envelope, or the only form).
     * @param length      of that frame.
     * @param rawOffset   of the payload raw-stream sessions get.
     * @param rawLength   of the payload, or -1 when there is one form for everyone.
     */
    void dispatch(
        final Topic topic,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int rawOffset,
        final int rawLength)
    {
        final Session[] sessions = topic.sessions();
        if (0 == sessions.length)
        {
            return;
        }
        if (stalled)
        {
            counters.framesLostToStalls.increment();
            return;
        }

        ByteBuf combinedFrame = null;
        ByteBuf rawFrame = null;
        for (final Session session : sessions)
        {
            if (session.isClosed())
            {
                continue;
            }
            final boolean combined = rawLength < 0 || session.isCombined();
            final ByteBuf frame;
            if (combined)
            {
                if (null == combinedFrame)
                {
                    combinedFrame = WsFrames.text(allocator, buffer, offset, length);
                }
                frame = combinedFrame;
            }
            else
            {
                if (null == rawFrame)
                {
                    rawFrame = WsFrames.text(allocator, buffer, rawOffset, rawLength);
                }
                frame = rawFrame;
            }

            if (garbageEvery > 0 && 0 == ++session.dataFrames % garbageEvery)
            {
                final int garbageLength = Math.max(1, (combined ? length : rawLength) / 2);
                counters.garbageFrames.increment();
                offer(session, WsFrames.text(allocator, buffer, combined ? offset : rawOffset, garbageLength));
            }
            offer(session, frame.retainedDuplicate());
        }

        if (null != combinedFrame)
        {
            combinedFrame.release();
        }
        if (null != rawFrame)
        {
            rawFrame.release();
        }
    }

    private void offer(final Session session, final ByteBuf frame)
    {
        if (session.offer(frame))
        {
            session.queueFullSinceNs = 0;
            session.scheduleDrain();
            return;
        }

        if (SimExchange.SlowConsumerPolicy.DISCONNECT == slowConsumerPolicy)
        {
            frame.release();
            disconnectSlowConsumer(session);
            return;
        }

        final long startNs = wallClock.nanoTime();
        do
        {
            session.scheduleDrain();
            LockSupport.parkNanos(BLOCK_PARK_NS);
            if (session.isClosed())
            {
                frame.release();
                return;
            }
            if (wallClock.nanoTime() - startNs > slowConsumerTimeoutNs)
            {
                frame.release();
                disconnectSlowConsumer(session);
                return;
            }
        }
        while (!session.offer(frame));
        session.scheduleDrain();
    }

    private void disconnectSlowConsumer(final Session session)
    {
        if (!session.isClosed() && null == session.closeReason())
        {
            counters.slowConsumerDisconnects.increment();
            log.accept(session + ": closed, slow consumer (" + session.queued() + " frames queued)");
            session.close("slow consumer");
        }
    }
}
