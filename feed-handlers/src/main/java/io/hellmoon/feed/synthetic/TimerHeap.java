/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.synthetic;

import java.util.Arrays;

/**
 * Indexed binary min-heap of timers: each slot (an instrument's timer of one type, or a global timer) has at most
 * one deadline, which can be set, moved or cancelled in O(log n).
 * <p>
 * Deadlines that are equal fire in slot order, so the synthetic market's event order, and with it every byte it
 * emits, depends only on the deadlines and never on the order in which they were set. Allocation free once built.
 */
final class TimerHeap
{
    private static final int ABSENT = -1;

    private final int[] heap;
    private final int[] positions;
    private final long[] deadlines;
    private int size;

    /**
     * A heap with room for every slot.
     *
     * @param slotCount number of distinct slots, numbered 0 to slotCount - 1.
     */
    TimerHeap(final int slotCount)
    {
        heap = new int[slotCount];
        positions = new int[slotCount];
        deadlines = new long[slotCount];
        Arrays.fill(positions, ABSENT);
    }

    boolean isEmpty()
    {
        return 0 == size;
    }

    boolean isScheduled(final int slot)
    {
        return ABSENT != positions[slot];
    }

    /**
     * Earliest deadline; only valid when not empty.
     */
    long peekDeadline()
    {
        return deadlines[heap[0]];
    }

    /**
     * Set or move the deadline of a slot.
     */
    void schedule(final int slot, final long deadlineNs)
    {
        final int position = positions[slot];
        if (ABSENT == position)
        {
            deadlines[slot] = deadlineNs;
            heap[size] = slot;
            positions[slot] = size;
            siftUp(size++);
        }
        else
        {
            final long old = deadlines[slot];
            deadlines[slot] = deadlineNs;
            if (deadlineNs < old)
            {
                siftUp(position);
            }
            else if (deadlineNs > old)
            {
                siftDown(position);
            }
        }
    }

    /**
     * Remove a slot's deadline if it has one.
     */
    void cancel(final int slot)
    {
        final int position = positions[slot];
        if (ABSENT != position)
        {
            removeAt(position);
        }
    }

    /**
     * Remove and return the slot with the earliest deadline; only valid when not empty.
     */
    int poll()
    {
        final int slot = heap[0];
        removeAt(0);
        return slot;
    }

    private void removeAt(final int position)
    {
        final int slot = heap[position];
        positions[slot] = ABSENT;
        final int last = --size;
        if (position != last)
        {
            final int moved = heap[last];
            heap[position] = moved;
            positions[moved] = position;
            siftDown(position);
            if (heap[position] == moved)
            {
                siftUp(position);
            }
        }
    }

    private boolean less(final int slotA, final int slotB)
    {
        final long a = deadlines[slotA];
        final long b = deadlines[slotB];
        return a < b || (a == b && slotA < slotB);
    }

    private void siftUp(final int start)
    {
        int position = start;
        final int slot = heap[position];
        while (position > 0)
        {
            final int parent = (position - 1) >>> 1;
            final int parentSlot = heap[parent];
            if (!less(slot, parentSlot))
            {
                break;
            }
            heap[position] = parentSlot;
            positions[parentSlot] = position;
            position = parent;
        }
        heap[position] = slot;
        positions[slot] = position;
    }

    private void siftDown(final int start)
    {
        int position = start;
        final int slot = heap[position];
        final int half = size >>> 1;
        while (position < half)
        {
            int child = (position << 1) + 1;
            int childSlot = heap[child];
            final int right = child + 1;
            if (right < size && less(heap[right], childSlot))
            {
                child = right;
                childSlot = heap[right];
            }
            if (!less(childSlot, slot))
            {
                break;
            }
            heap[position] = childSlot;
            positions[childSlot] = position;
            position = child;
        }
        heap[position] = slot;
        positions[slot] = position;
    }
}
