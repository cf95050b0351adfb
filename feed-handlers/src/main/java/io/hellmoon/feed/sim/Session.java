/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client WebSocket connection.
 * <p>
 * Data frames cross from the market thread to the connection's event loop through a bounded single-producer,
 * single-consumer queue of pre-encoded WebSocket frames ({@link WsFrames}): the market thread offers and schedules a
 * drain; the drain, on the event loop, writes while the channel is writable and flushes once per batch, so a burst
 * costs one task and one flush, not one per frame. Control replies (subscription results, pongs) are written directly
 * on the event loop. A full queue means a client slower than the stream; the market thread decides what to do about
 * it ({@link SimExchange.SlowConsumerPolicy}).
 * <p>
 * Threads: {@link #subscriptions()} and the handler state belong to the event loop; {@link #dataFrames} and the
 * back-pressure fields to the market thread; flags are volatile.
 */
final class Session
{
    private static final AtomicLong IDS = new AtomicLong();
    private static final int DRAIN_BATCH = 1024;

    private final long id = IDS.incrementAndGet();
    private final Channel channel;
    private final String path;
    private final SimCounters counters;
    private final OneToOneConcurrentArrayQueue<ByteBuf> outbound;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drain;
    private final Set<String> subscriptions = new LinkedHashSet<>();
    private ChannelHandlerContext ctx;
    private volatile boolean combined;
    private volatile boolean closed;
    private volatile String closeReason;

    /**
     * Data frames the market thread has queued for this session (for the garbage fault).
     */
    long dataFrames;

    /**
     * When the market thread first found the queue full, for the slow-consumer policy; 0 when not full.
     */
    long queueFullSinceNs;

    Session(final Channel channel, final String path, final boolean combined, final int queueCapacity,
        final SimCounters counters)
    {
        this.channel = channel;
        this.path = path;
        this.combined = combined;
        this.counters = counters;
        this.outbound = new OneToOneConcurrentArrayQueue<>(queueCapacity);
    }

    long id()
    {
        return id;
    }

    Channel channel()
    {
        return channel;
    }

    String path()
    {
        return path;
    }

    /**
     * Set once the WebSocket handler is in the pipeline; data is written through it.
     */
    void context(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
    }

    /**
     * Whether data goes out in combined-stream envelopes (Binance {@code /stream}, or {@code SET_PROPERTY}).
     */
    boolean isCombined()
    {
        return combined;
    }

    void combined(final boolean combined)
    {
        this.combined = combined;
    }

    /**
     * Topic names subscribed, in subscription order. Event loop only.
     */
    Set<String> subscriptions()
    {
        return subscriptions;
    }

    boolean isClosed()
    {
        return closed;
    }

    String closeReason()
    {
        return closeReason;
    }

    /**
     * Record why the connection is being closed (the first reason wins) and close it.
     */
    void close(final String reason)
    {
        closing(reason);
        channel.close();
    }

    /**
     * Record why the connection is about to be closed (the first reason wins), e.g. before a close frame is sent.
     */
    void closing(final String reason)
    {
        if (null == closeReason)
        {
            closeReason = reason;
        }
    }

    /**
     * Mark closed and release what is queued; called by the handler when the channel becomes inactive.
     */
    void onClosed()
    {
        closed = true;
        scheduleDrain();
    }

    /**
     * Queue a frame from the market thread; the session takes the reference.
     *
     * @return false if the queue is full (the caller still owns the frame).
     */
    boolean offer(final ByteBuf frame)
    {
        return outbound.offer(frame);
    }

    /**
     * Have the event loop drain the queue, unless a drain is already scheduled.
     */
    void scheduleDrain()
    {
        if (!drainScheduled.get() && drainScheduled.compareAndSet(false, true))
        {
            try
            {
                channel.eventLoop().execute(drainTask);
            }
            catch (final RejectedExecutionException ex)
            {
                // Shutting down: the event loop is gone and so will the pooled memory be.
                drainScheduled.set(false);
            }
        }
    }

    /**
     * Drain on the event loop: write queued frames while the channel is writable, up to a batch, then flush. On a
     * closed channel release them instead.
     */
    void drain()
    {
        drainScheduled.set(false);
        if (closed || null == ctx || !channel.isActive())
        {
            if (closed || !channel.isOpen())
            {
                ByteBuf frame;
                while (null != (frame = outbound.poll()))
                {
                    frame.release();
                }
            }
            return;
        }

        int frames = 0;
        long bytes = 0;
        ByteBuf frame;
        while (frames < DRAIN_BATCH && channel.isWritable() && null != (frame = outbound.poll()))
        {
            bytes += frame.readableBytes();
            ctx.write(frame, ctx.voidPromise());
            frames++;
        }
        if (frames > 0)
        {
            ctx.flush();
            counters.framesSent.getAndAdd(frames);
            counters.bytesSent.getAndAdd(bytes);
        }
        if (!outbound.isEmpty() && channel.isWritable())
        {
            scheduleDrain();
        }
    }

    /**
     * Write everything queued, writable or not, so that a control reply written next follows the data the market
     * thread queued before it (a reply to UNSUBSCRIBE is then the last thing before the stream stops). Event loop
     * only.
     */
    void writeQueued()
    {
        if (closed || null == ctx || !channel.isActive())
        {
            return;
        }
        int frames = 0;
        long bytes = 0;
        ByteBuf frame;
        while (null != (frame = outbound.poll()))
        {
            bytes += frame.readableBytes();
            ctx.write(frame, ctx.voidPromise());
            frames++;
        }
        if (frames > 0)
        {
            counters.framesSent.getAndAdd(frames);
            counters.bytesSent.getAndAdd(bytes);
        }
    }

    /**
     * Frames waiting in the queue.
     */
    int queued()
    {
        return outbound.size();
    }

    public String toString()
    {
        return "connection " + id + " " + channel.remoteAddress() + " " + path;
    }
}
