/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

/**
 * One side's price levels while a frame is read: where each level's price and size text is in the frame, then their
 * mantissas. Repeating groups need their count before their entries and Hellmoon's depth messages put bids before
 * asks, while the venues send the sides in either order, so levels are staged here and encoded once both sides are
 * complete. Preallocated to the decoder's level limit.
 */
final class LevelList
{
    final int capacity;
    final int[] priceOffsets;
    final int[] priceLengths;
    final int[] sizeOffsets;
    final int[] sizeLengths;
    final long[] prices;
    final long[] sizes;
    int count;
    int arrayStart = -1;
    int errorReason = -1;
    int errorOffset;

    LevelList(final int capacity)
    {
        this.capacity = capacity;
        priceOffsets = new int[capacity];
        priceLengths = new int[capacity];
        sizeOffsets = new int[capacity];
        sizeLengths = new int[capacity];
        prices = new long[capacity];
        sizes = new long[capacity];
    }

    void reset(final int arrayStart)
    {
        this.arrayStart = arrayStart;
        count = 0;
        errorReason = -1;
        errorOffset = 0;
    }

    boolean isFull()
    {
        return count == capacity;
    }

    /**
     * Note a level's texts; the list must not be full.
     */
    void add(final int priceOffset, final int priceLength, final int sizeOffset, final int sizeLength)
    {
        final int index = count++;
        priceOffsets[index] = priceOffset;
        priceLengths[index] = priceLength;
        sizeOffsets[index] = sizeOffset;
        sizeLengths[index] = sizeLength;
    }
}
