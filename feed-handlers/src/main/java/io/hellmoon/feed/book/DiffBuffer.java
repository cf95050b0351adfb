/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.book;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * A bounded FIFO of copied {@code DepthUpdate} messages waiting for a snapshot, with the three update ids of each kept
 * beside it so the sync checks never decode a buffered message twice.
 * <p>
 * Messages are copied one after another into one byte array, which grows by doubling up to {@code maxBytes}; taking
 * from the head only moves an index, and the live region is moved back to the start when the tail reaches the end.
 * When a message does not fit (more than {@code maxMessages}, or more than {@code maxBytes} in all) the oldest are
 * discarded to make room, and the ids of the newest discarded one are remembered: the snapshot that eventually syncs
 * the book must make that diff stale, or updates were lost. Allocation free once grown. Not thread safe.
 */
final class DiffBuffer
{
    private static final int INITIAL_BYTES = 4096;
    private static final int INITIAL_MESSAGES = 16;

    private final int maxMessages;
    private final int maxBytes;
    private final UnsafeBuffer data = new UnsafeBuffer(0, 0);
    private byte[] bytes;
    private int[] offsets;
    private int[] lengths;
    private long[] firstIds;
    private long[] finalIds;
    private long[] prevIds;
    private int head;
    private int size;
    private int tailPosition;

    private long discarded;
    private long discardedFirstId;
    private long discardedFinalId;
    private long discardedPrevId;

    DiffBuffer(final int maxMessages, final int maxBytes)
    {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.bytes = new byte[Math.min(INITIAL_BYTES, maxBytes)];
        data.wrap(bytes);
        final int slots = Math.min(INITIAL_MESSAGES, maxMessages);
        offsets = new int[slots];
        lengths = new int[slots];
        firstIds = new long[slots];
        finalIds = new long[slots];
        prevIds = new long[slots];
    }

    int size()
    {
        return size;
    }

    boolean isEmpty()
    {
        return 0 == size;
    }

    /**
     * Messages discarded to make room since the last {@link #clear()}.
     */
    long discarded()
    {
        return discarded;
    }

    long discardedFirstId()
    {
        return discardedFirstId;
    }

    long discardedFinalId()
    {
        return discardedFinalId;
    }

    long discardedPrevId()
    {
        return discardedPrevId;
    }

    /**
     * Forget all messages and all discards.
     */
    void clear()
    {
        head = 0;
        size = 0;
        tailPosition = 0;
        discarded = 0;
    }

    /**
     * Discard every message as if it had overflowed: used when the buffered chain is broken, so none of it can be
     * applied. The newest one's ids are remembered like any discard.
     *
     * @return messages discarded.
     */
    int discardAll()
    {
        final int count = size;
        while (0 != size)
        {
            discardOldest();
        }
        tailPosition = 0;
        return count;
    }

    /**
     * Copy a message in, discarding the oldest ones if it does not fit.
     *
     * @return messages discarded to make room, including this one if it is larger than the whole buffer.
     */
    int add(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long firstId,
        final long finalId,
        final long prevId)
    {
        if (length > maxBytes)
        {
            final int count = discardAll();
            recordDiscard(firstId, finalId, prevId);
            return count + 1;
        }

        int dropped = 0;
        if (size == maxMessages)
        {
            discardOldest();
            dropped++;
        }

        if (tailPosition + length > bytes.length)
        {
            compact();
            if (tailPosition + length > bytes.length && bytes.length < maxBytes)
            {
                growBytes(tailPosition + length);
            }
            while (tailPosition + length > bytes.length)
            {
                discardOldest();
                dropped++;
                compact();
            }
        }

        if (size == offsets.length)
        {
            growSlots();
        }

        final int slot = slot(size);
        data.putBytes(tailPosition, buffer, offset, length);
        offsets[slot] = tailPosition;
        lengths[slot] = length;
        firstIds[slot] = firstId;
        finalIds[slot] = finalId;
        prevIds[slot] = prevId;
        tailPosition += length;
        size++;

        return dropped;
    }

    DirectBuffer buffer()
    {
        return data;
    }

    int offset(final int index)
    {
        return offsets[slot(index)];
    }

    int length(final int index)
    {
        return lengths[slot(index)];
    }

    long firstId(final int index)
    {
        return firstIds[slot(index)];
    }

    long finalId(final int index)
    {
        return finalIds[slot(index)];
    }

    long prevId(final int index)
    {
        return prevIds[slot(index)];
    }

    private int slot(final int index)
    {
        final int slot = head + index;
        return slot < offsets.length ? slot : slot - offsets.length;
    }

    private void discardOldest()
    {
        recordDiscard(firstIds[head], finalIds[head], prevIds[head]);
        head = head + 1 == offsets.length ? 0 : head + 1;
        size--;
        if (0 == size)
        {
            head = 0;
            tailPosition = 0;
        }
    }

    private void recordDiscard(final long firstId, final long finalId, final long prevId)
    {
        discarded++;
        discardedFirstId = firstId;
        discardedFinalId = finalId;
        discardedPrevId = prevId;
    }

    /**
     * Move the live messages to the start of the byte array, in order.
     */
    private void compact()
    {
        if (0 == size)
        {
            tailPosition = 0;
            return;
        }
        final int start = offsets[head];
        if (0 == start)
        {
            return;
        }
        System.arraycopy(bytes, start, bytes, 0, tailPosition - start);
        for (int i = 0; i < size; i++)
        {
            offsets[slot(i)] -= start;
        }
        tailPosition -= start;
    }

    private void growBytes(final int minLength)
    {
        final int length = (int)Math.min(maxBytes, Math.max((long)minLength, 2L * bytes.length));
        bytes = Arrays.copyOf(bytes, length);
        data.wrap(bytes);
    }

    private void growSlots()
    {
        final int oldLength = offsets.length;
        final int length = (int)Math.min(maxMessages, 2L * oldLength);
        offsets = unwrap(offsets, oldLength, length);
        lengths = unwrap(lengths, oldLength, length);
        firstIds = unwrap(firstIds, oldLength, length);
        finalIds = unwrap(finalIds, oldLength, length);
        prevIds = unwrap(prevIds, oldLength, length);
        head = 0;
    }

    private int[] unwrap(final int[] values, final int oldLength, final int length)
    {
        final int[] copy = new int[length];
        for (int i = 0; i < size; i++)
        {
            copy[i] = values[(head + i) % oldLength];
        }
        return copy;
    }

    private long[] unwrap(final long[] values, final int oldLength, final int length)
    {
        final long[] copy = new long[length];
        for (int i = 0; i < size; i++)
        {
            copy[i] = values[(head + i) % oldLength];
        }
        return copy;
    }
}
