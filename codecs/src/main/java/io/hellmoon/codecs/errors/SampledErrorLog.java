/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs.errors;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Counts bad input by reason and keeps samples of it, without allocating or blocking on the thread that found it.
 * <p>
 * The hot path calls {@link #record(int, DirectBuffer, int, int, int, long)}: it increments the reason's count and
 * the shared error counter and, for the first few occurrences of each reason and then at most once per sample
 * interval, copies the start of the offending frame into a ring buffer. Another thread (or the same one when idle)
 * calls {@link #drain(Appendable, int)} to write the samples as readable lines. When samples arrive faster than they
 * are drained the ring buffer fills and further samples are skipped, never the counts.
 */
public final class SampledErrorLog
{
    /**
     * Bytes of a frame kept in a sample.
     */
    public static final int MAX_SAMPLE_BYTES = 512;

    private static final int TIME_OFFSET = 0;
    private static final int POSITION_OFFSET = TIME_OFFSET + Long.BYTES;
    private static final int FRAME_LENGTH_OFFSET = POSITION_OFFSET + Integer.BYTES;
    private static final int BYTES_OFFSET = FRAME_LENGTH_OFFSET + Integer.BYTES;

    private final String source;
    private final String[] reasonNames;
    private final long[] counts;
    private final int[] samplesTaken;
    private final long[] nextSampleTimeNs;
    private final int initialSamples;
    private final long sampleIntervalNs;
    private final AtomicCounter errorCounter;
    private final OneToOneRingBuffer ringBuffer;
    private final MessageHandler drainHandler = this::onSample;
    private final StringBuilder line = new StringBuilder(MAX_SAMPLE_BYTES * 2);
    private long samplesSkipped;
    private Appendable drainTarget;

    /**
     * An error log.
     *
     * @param source           what reports the errors, printed on each line, e.g. {@code binance-usdm}.
     * @param reasonNames      name of each reason code, indexed by code.
     * @param errorCounter     counter of all errors, e.g. in the driver's counters file.
     * @param initialSamples   samples kept for each reason before rate limiting starts.
     * @param sampleIntervalNs least time between further samples of one reason.
     * @param bufferBytes      ring buffer capacity, a power of two.
     */
    public SampledErrorLog(
        final String source,
        final String[] reasonNames,
        final AtomicCounter errorCounter,
        final int initialSamples,
        final long sampleIntervalNs,
        final int bufferBytes)
    {
        this.source = source;
        this.reasonNames = reasonNames.clone();
        this.counts = new long[reasonNames.length];
        this.samplesTaken = new int[reasonNames.length];
        this.nextSampleTimeNs = new long[reasonNames.length];
        this.initialSamples = initialSamples;
        this.sampleIntervalNs = sampleIntervalNs;
        this.errorCounter = errorCounter;
        this.ringBuffer = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(bufferBytes + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    /**
     * An error log keeping 5 samples per reason, then one per second, in 256 KiB.
     *
     * @param source       what reports the errors.
     * @param reasonNames  name of each reason code.
     * @param errorCounter counter of all errors.
     */
    public SampledErrorLog(final String source, final String[] reasonNames, final AtomicCounter errorCounter)
    {
        this(source, reasonNames, errorCounter, 5, 1_000_000_000L, 256 * 1024);
    }

    /**
     * Count an error and maybe sample the frame. Allocation free.
     *
     * @param reason        code, an index into the reason names.
     * @param frame         holding the bad input.
     * @param offset        of the frame.
     * @param length        of the frame.
     * @param errorPosition offset within the frame where decoding failed, or -1.
     * @param timeNs        when the frame was received (epoch ns).
     */
    public void record(
        final int reason,
        final DirectBuffer frame,
        final int offset,
        final int length,
        final int errorPosition,
        final long timeNs)
    {
        counts[reason]++;
        errorCounter.incrementRelease();

        final int taken = samplesTaken[reason];
        if (taken >= initialSamples && timeNs - nextSampleTimeNs[reason] < 0)
        {
            return;
        }

        final int sampleLength = Math.min(Math.max(length, 0), MAX_SAMPLE_BYTES);
        final int index = ringBuffer.tryClaim(reason + 1, BYTES_OFFSET + sampleLength);
        if (index <= 0)
        {
            samplesSkipped++;
            return;
        }

        final MutableDirectBuffer buffer = ringBuffer.buffer();
        buffer.putLong(index + TIME_OFFSET, timeNs);
        buffer.putInt(index + POSITION_OFFSET, errorPosition);
        buffer.putInt(index + FRAME_LENGTH_OFFSET, length);
        if (sampleLength > 0)
        {
            buffer.putBytes(index + BYTES_OFFSET, frame, offset, sampleLength);
        }
        ringBuffer.commit(index);

        samplesTaken[reason] = taken + 1;
        nextSampleTimeNs[reason] = timeNs + sampleIntervalNs;
    }

    /**
     * Write pending samples, one line each: time, source, reason, error position, frame length and the frame's
     * first bytes with control characters escaped.
     *
     * @param out   to append lines to.
     * @param limit most samples to write.
     * @return samples written.
     */
    public int drain(final Appendable out, final int limit)
    {
        drainTarget = out;
        try
        {
            return ringBuffer.read(drainHandler, limit);
        }
        finally
        {
            drainTarget = null;
        }
    }

    /**
     * Errors counted for a reason.
     *
     * @param reason code.
     * @return the count.
     */
    public long count(final int reason)
    {
        return counts[reason];
    }

    /**
     * Errors counted for all reasons.
     *
     * @return the count.
     */
    public long totalCount()
    {
        long total = 0;
        for (final long count : counts)
        {
            total += count;
        }
        return total;
    }

    /**
     * Name of a reason code.
     *
     * @param reason code.
     * @return the name.
     */
    public String reasonName(final int reason)
    {
        return reasonNames[reason];
    }

    /**
     * Number of reason codes.
     *
     * @return the number.
     */
    public int reasonCount()
    {
        return reasonNames.length;
    }

    /**
     * Samples not kept because the ring buffer was full.
     *
     * @return the count.
     */
    public long samplesSkipped()
    {
        return samplesSkipped;
    }

    private void onSample(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final int reason = msgTypeId - 1;
        final long timeNs = buffer.getLong(index + TIME_OFFSET);
        final int position = buffer.getInt(index + POSITION_OFFSET);
        final int frameLength = buffer.getInt(index + FRAME_LENGTH_OFFSET);
        final int sampleLength = length - BYTES_OFFSET;

        line.setLength(0);
        line.append(Instant.ofEpochSecond(0, timeNs)).append(' ').append(source).append(" bad frame: ")
            .append(reasonNames[reason]).append(" at ").append(position).append(" of ").append(frameLength)
            .append(" bytes: ");
        for (int i = 0; i < sampleLength; i++)
        {
            final int b = buffer.getByte(index + BYTES_OFFSET + i) & 0xFF;
            if (b >= 0x20 && b < 0x7F)
            {
                line.append((char)b);
            }
            else
            {
                line.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            }
        }
        if (sampleLength < frameLength)
        {
            line.append("...");
        }
        line.append(System.lineSeparator());

        try
        {
            drainTarget.append(line);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
