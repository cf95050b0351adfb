/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.latency;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.hellmoon.codecs.aeron.EmbeddedMediaDriver;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The physical floor for the pipeline: raw Aeron IPC round trips of small messages between two threads through an
 * embedded media driver, measured in the same run as the pipeline so their ratio is meaningful on a shared machine.
 * <p>
 * The ping thread sends one message, waits for its echo and records the round trip in nanoseconds; the pong thread
 * echoes. Both use the given idle strategy.
 */
public final class AeronIpcPingPong
{
    private static final int PING_STREAM_ID = 9101;
    private static final int PONG_STREAM_ID = 9102;

    private AeronIpcPingPong()
    {
    }

    /**
     * Measure round trips.
     *
     * @param messageLength bytes per message (at least 8).
     * @param warmUps       round trips before recording.
     * @param measured      round trips recorded.
     * @param idleStrategy  supplier of one idle strategy per thread.
     * @return round-trip times in nanoseconds.
     * @throws InterruptedException if interrupted while waiting for the pong thread.
     */
    public static Histogram run(
        final int messageLength, final int warmUps, final int measured, final Supplier<IdleStrategy> idleStrategy)
        throws InterruptedException
    {
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final AtomicBoolean running = new AtomicBoolean(true);

        try (EmbeddedMediaDriver driver = EmbeddedMediaDriver.launch("pingpong");
            Aeron aeron = driver.connect();
            Publication ping = aeron.addPublication("aeron:ipc", PING_STREAM_ID);
            Subscription pingIn = aeron.addSubscription("aeron:ipc", PING_STREAM_ID);
            Publication pong = aeron.addPublication("aeron:ipc", PONG_STREAM_ID);
            Subscription pongIn = aeron.addSubscription("aeron:ipc", PONG_STREAM_ID))
        {
            final Thread ponger = new Thread(() ->
            {
                final IdleStrategy idle = idleStrategy.get();
                final FragmentHandler echo = (buffer, offset, length, header) ->
                {
                    while (pong.offer(buffer, offset, length) < 0)
                    {
                        idle.idle();
                    }
                };
                while (running.get())
                {
                    idle.idle(pingIn.poll(echo, 1));
                }
            }, "pong");
            ponger.setDaemon(true);
            ponger.start();

            while (!ping.isConnected() || !pong.isConnected())
            {
                Thread.onSpinWait();
            }

            final UnsafeBuffer message = new UnsafeBuffer(ByteBuffer.allocateDirect(Math.max(8, messageLength)));
            final IdleStrategy idle = idleStrategy.get();
            final boolean[] received = new boolean[1];
            final FragmentAssembler onPong = new FragmentAssembler((buffer, offset, length, header) -> received[0] = true);

            for (int i = 0; i < warmUps + measured; i++)
            {
                final long sentNs = System.nanoTime();
                message.putLong(0, sentNs);
                while (ping.offer(message, 0, message.capacity()) < 0)
                {
                    idle.idle();
                }
                received[0] = false;
                while (!received[0])
                {
                    idle.idle(pongIn.poll(onPong, 1));
                }
                if (i >= warmUps)
                {
                    histogram.recordValue(System.nanoTime() - sentNs);
                }
            }

            running.set(false);
            ponger.join(TimeUnit.SECONDS.toMillis(5));
        }
        finally
        {
            running.set(false);
        }
        return histogram;
    }
}
