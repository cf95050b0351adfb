/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Merges two connections carrying the same streams while one replaces the other, so that the decoders see every
 * event of every stream once and in order: no gap, no duplicate.
 * <p>
 * Each stream's events carry a strictly increasing sequence ({@link SubscriptionFormat.SequenceField}: trade id,
 * aggregate trade id, book update id or event time), and each connection delivers a stream's events complete and in
 * order, though one connection may be ahead of the other. A stream is taken from the old connection until the two
 * are seen to meet, then from the new one:
 * <ul>
 *     <li>the old connection delivers {@code s} and the new one's latest is {@code s} too: from now on the new one's
 *     events (all after {@code s}) are delivered;</li>
 *     <li>the new connection delivers {@code s} greater than the last delivered {@code d}, and its previous event was
 *     at most {@code d}: no event lies between {@code d} and {@code s} (the new connection would have carried it), so
 *     {@code s} is the next one and is delivered, and the stream switches.</li>
 * </ul>
 * Until then the new connection's events are dropped: behind ones are duplicates, ahead ones will come from the old
 * connection. Once switched, the old connection's events of the stream are dropped. The rotation is complete when
 * every stream seen during the overlap has switched and the new connection has delivered; streams never seen simply
 * belong to the new connection. If the overlap must end before that ({@link #finish()}), the new connection's events
 * of streams not yet switched are still filtered (delivered only past the last one delivered) until they switch.
 * <p>
 * Frames are recognised by the combined-stream envelope {@code {"stream":"<name>","data":...}} and the sequence field
 * read from the bytes, without allocating. Frames that cannot be read (binary, control replies, unknown streams) are
 * taken from the old connection only while the overlap lasts. Single threaded.
 */
final class OverlapDeduplicator
{
    private static final long UNKNOWN = Long.MIN_VALUE;
    private static final byte[] STREAM_PREFIX = "{\"stream\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] FIELD_KEYS =
    {
        "\"t\":".getBytes(StandardCharsets.US_ASCII),
        "\"a\":".getBytes(StandardCharsets.US_ASCII),
        "\"u\":".getBytes(StandardCharsets.US_ASCII),
        "\"E\":".getBytes(StandardCharsets.US_ASCII),
    };

    private final byte[][] names;
    private final int[] fields;
    private final int[] table;
    private final int mask;
    private final long[] lastDelivered;
    private final long[] lastNew;
    private final boolean[] seen;
    private final boolean[] switched;

    private boolean active;
    private boolean draining;
    private int pending;
    private long newFrames;
    private long duplicatesDropped;
    private long framesHeldBack;

    /**
     * A deduplicator for a connection's streams.
     *
     * @param streams the connection's streams.
     */
    OverlapDeduplicator(final List<SubscriptionPlan.Stream> streams)
    {
        final int count = streams.size();
        names = new byte[count][];
        fields = new int[count];
        int capacity = 2;
        while (capacity < 2 * count)
        {
            capacity <<= 1;
        }
        table = new int[capacity];
        Arrays.fill(table, -1);
        mask = capacity - 1;
        for (int i = 0; i < count; i++)
        {
            final SubscriptionPlan.Stream stream = streams.get(i);
            names[i] = stream.name().getBytes(StandardCharsets.US_ASCII);
            fields[i] = stream.sequenceField().ordinal();
            int slot = hash(names[i], 0, names[i].length) & mask;
            while (-1 != table[slot])
            {
                slot = (slot + 1) & mask;
            }
            table[slot] = i;
        }
        lastDelivered = new long[count];
        lastNew = new long[count];
        seen = new boolean[count];
        switched = new boolean[count];
    }

    /**
     * Start merging: the old connection is the source of every stream.
     */
    void begin()
    {
        Arrays.fill(lastDelivered, UNKNOWN);
        Arrays.fill(lastNew, UNKNOWN);
        Arrays.fill(seen, false);
        Arrays.fill(switched, false);
        pending = 0;
        newFrames = 0;
        active = true;
        draining = false;
    }

    /**
     * The old connection is gone: only the new one delivers from now on, filtered until every stream seen has
     * switched.
     */
    void finish()
    {
        if (!active)
        {
            return;
        }
        draining = true;
        if (0 == pending)
        {
            active = false;
        }
    }

    /**
     * Stop filtering altogether (the new connection failed, or the old one stays).
     */
    void abandon()
    {
        active = false;
        draining = false;
    }

    /**
     * Whether frames must go through {@link #onFrame}.
     *
     * @return true while merging or draining.
     */
    boolean isActive()
    {
        return active;
    }

    /**
     * Whether every stream seen has switched and the new connection has delivered, so the old one can go.
     *
     * @return true when complete.
     */
    boolean isComplete()
    {
        return active && !draining && 0 == pending && 0 != newFrames;
    }

    /**
     * Streams seen and not yet switched.
     *
     * @return the count.
     */
    int pendingStreams()
    {
        return pending;
    }

    /**
     * Frames dropped as already delivered.
     *
     * @return the count.
     */
    long duplicatesDropped()
    {
        return duplicatesDropped;
    }

    /**
     * Frames of the new connection dropped because the old one had not delivered up to them yet.
     *
     * @return the count.
     */
    long framesHeldBack()
    {
        return framesHeldBack;
    }

    /**
     * Whether a frame should be delivered.
     *
     * @param fromNew true if the new connection received it, false for the old one.
     * @param buffer  holding the frame.
     * @param offset  of the frame.
     * @param length  of the frame.
     * @return true to deliver it to the decoders.
     */
    boolean onFrame(final boolean fromNew, final DirectBuffer buffer, final int offset, final int length)
    {
        if (fromNew)
        {
            newFrames++;
        }
        final int index = streamIndex(buffer, offset, length);
        final long sequence = index < 0 ? UNKNOWN : sequence(fields[index], buffer, offset, length);
        if (UNKNOWN == sequence)
        {
            return draining ? fromNew : !fromNew;
        }

        if (switched[index])
        {
            if (!fromNew)
            {
                duplicatesDropped++;
                return false;
            }
            if (UNKNOWN != lastDelivered[index] && sequence <= lastDelivered[index])
            {
                duplicatesDropped++;
                return false;
            }
            lastDelivered[index] = sequence;
            return true;
        }

        if (!seen[index])
        {
            seen[index] = true;
            pending++;
        }

        if (!fromNew)
        {
            if (UNKNOWN != lastDelivered[index] && sequence <= lastDelivered[index])
            {
                duplicatesDropped++;
                return false;
            }
            lastDelivered[index] = sequence;
            if (sequence == lastNew[index])
            {
                switchStream(index);
            }
            return true;
        }

        final long previousNew = lastNew[index];
        lastNew[index] = sequence;
        final long delivered = lastDelivered[index];
        if (UNKNOWN == delivered)
        {
            if (draining)
            {
                lastDelivered[index] = sequence;
                switchStream(index);
                return true;
            }
            framesHeldBack++;
            return false;
        }
        if (sequence <= delivered)
        {
            duplicatesDropped++;
            if (sequence == delivered)
            {
                switchStream(index);
            }
            return false;
        }
        if (draining || (UNKNOWN != previousNew && previousNew <= delivered))
        {
            lastDelivered[index] = sequence;
            switchStream(index);
            return true;
        }
        framesHeldBack++;
        return false;
    }

    private void switchStream(final int index)
    {
        switched[index] = true;
        pending--;
        if (draining && 0 == pending)
        {
            active = false;
        }
    }

    private int streamIndex(final DirectBuffer buffer, final int offset, final int length)
    {
        final int prefixLength = STREAM_PREFIX.length;
        if (length <= prefixLength)
        {
            return -1;
        }
        for (int i = 0; i < prefixLength; i++)
        {
            if (STREAM_PREFIX[i] != buffer.getByte(offset + i))
            {
                return -1;
            }
        }
        final int nameStart = offset + prefixLength;
        final int end = offset + length;
        int nameEnd = nameStart;
        while (nameEnd < end && '"' != buffer.getByte(nameEnd))
        {
            nameEnd++;
        }
        if (nameEnd == end)
        {
            return -1;
        }

        int slot = hash(buffer, nameStart, nameEnd - nameStart) & mask;
        while (true)
        {
            final int index = table[slot];
            if (-1 == index)
            {
                return -1;
            }
            if (equals(names[index], buffer, nameStart, nameEnd - nameStart))
            {
                return index;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static long sequence(final int field, final DirectBuffer buffer, final int offset, final int length)
    {
        if (field >= FIELD_KEYS.length)
        {
            return UNKNOWN;
        }
        final byte[] key = FIELD_KEYS[field];
        final int end = offset + length - key.length;
        for (int i = offset; i <= end; i++)
        {
            if (key[0] == buffer.getByte(i) && key[1] == buffer.getByte(i + 1) && key[2] == buffer.getByte(i + 2) &&
                key[3] == buffer.getByte(i + 3))
            {
                return parseLong(buffer, i + key.length, offset + length);
            }
        }
        return UNKNOWN;
    }

    private static long parseLong(final DirectBuffer buffer, final int start, final int end)
    {
        int i = start;
        while (i < end && ' ' == buffer.getByte(i))
        {
            i++;
        }
        final boolean negative = i < end && '-' == buffer.getByte(i);
        if (negative)
        {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < end && digits < 19; i++, digits++)
        {
            final int digit = buffer.getByte(i) - '0';
            if (digit < 0 || digit > 9)
            {
                break;
            }
            value = value * 10 + digit;
        }
        return 0 == digits ? UNKNOWN : negative ? -value : value;
    }

    private static boolean equals(final byte[] name, final DirectBuffer buffer, final int offset, final int length)
    {
        if (name.length != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (name[i] != buffer.getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }

    private static int hash(final byte[] bytes, final int offset, final int length)
    {
        int hash = 0x811C9DC5;
        for (int i = offset; i < offset + length; i++)
        {
            hash = (hash ^ bytes[i]) * 0x01000193;
        }
        return hash ^ (hash >>> 16);
    }

    private static int hash(final DirectBuffer buffer, final int offset, final int length)
    {
        int hash = 0x811C9DC5;
        for (int i = offset; i < offset + length; i++)
        {
            hash = (hash ^ buffer.getByte(i)) * 0x01000193;
        }
        return hash ^ (hash >>> 16);
    }
}
