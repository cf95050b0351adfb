/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance;

/**
 * The fast path's memory of symbols already resolved by the {@link io.hellmoon.codecs.InstrumentRegistry}: a symbol's
 * exact bytes, held as two little-endian words and a length, to its instrument id.
 * <p>
 * Why: the registry's lookup hashes and compares a symbol byte by byte through the {@code DirectBuffer} interface and
 * folds case, which showed in profiles of small messages; here a symbol of up to {@link #MAX_LENGTH} bytes is two
 * word reads the scanner makes anyway, one multiply-and-shift hash and two compares. An entry only ever records what
 * the registry answered for the same bytes, and the registry never removes or renumbers an instrument, so an entry
 * stays true; a symbol missing here is simply asked of the registry. The table is fixed at construction (open
 * addressing, linear probing, at most half full) and stops taking entries when full, so it never allocates after.
 * <p>
 * Not thread safe: one per decoder.
 */
final class SymbolIdCache
{
    /**
     * Longest symbol kept, in bytes: two words.
     */
    static final int MAX_LENGTH = 16;

    /**
     * Returned by {@link #get} for a symbol not kept.
     */
    static final int MISSING = 0;

    private final long[] firstWords;
    private final long[] secondWords;
    private final int[] lengths;
    private final int[] ids;
    private final int mask;
    private final int hashShift;
    private final int maxSize;
    private int size;

    /**
     * A cache holding up to {@code capacity / 2} symbols.
     *
     * @param capacity slots, a power of two.
     */
    SymbolIdCache(final int capacity)
    {
        if (capacity < 2 || Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        firstWords = new long[capacity];
        secondWords = new long[capacity];
        lengths = new int[capacity];
        ids = new int[capacity];
        mask = capacity - 1;
        hashShift = Long.numberOfLeadingZeros(capacity) + 1;
        maxSize = capacity / 2;
    }

    /**
     * The id kept for a symbol.
     *
     * @param firstWord  its first 8 bytes, little-endian, zero past its end.
     * @param secondWord its next 8 bytes, likewise.
     * @param length     in bytes, from 1 to {@link #MAX_LENGTH}.
     * @return the id, or {@link #MISSING}.
     */
    int get(final long firstWord, final long secondWord, final int length)
    {
        int slot = slot(firstWord, secondWord, length);
        int id;
        while (MISSING != (id = ids[slot]))
        {
            if (firstWords[slot] == firstWord && secondWords[slot] == secondWord && lengths[slot] == length)
            {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        return MISSING;
    }

    /**
     * Keep the id the registry gave a symbol, unless the cache is full.
     *
     * @param firstWord  its first 8 bytes, little-endian, zero past its end.
     * @param secondWord its next 8 bytes, likewise.
     * @param length     in bytes, from 1 to {@link #MAX_LENGTH}.
     * @param id         the instrument id, not {@link #MISSING}.
     */
    void put(final long firstWord, final long secondWord, final int length, final int id)
    {
        if (size >= maxSize)
        {
            return;
        }
        int slot = slot(firstWord, secondWord, length);
        while (MISSING != ids[slot])
        {
            if (firstWords[slot] == firstWord && secondWords[slot] == secondWord && lengths[slot] == length)
            {
                return;
            }
            slot = (slot + 1) & mask;
        }
        firstWords[slot] = firstWord;
        secondWords[slot] = secondWord;
        lengths[slot] = length;
        ids[slot] = id;
        size++;
    }

    /**
     * Symbols kept.
     *
     * @return the count.
     */
    int size()
    {
        return size;
    }

    private int slot(final long firstWord, final long secondWord, final int length)
    {
        // Fibonacci hashing: a multiply by an odd constant makes the top bits depend on every byte below them, so
        // the slot is taken from the top; the second word and the length are folded in first the same way.
        final long hash = ((secondWord + length) * 0xC2B2_AE3D_27D4_EB4FL ^ firstWord) * 0x9E37_79B9_7F4A_7C15L;
        return (int)(hash >>> hashShift);
    }
}
