/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs;

import org.agrona.DirectBuffer;

import java.util.Arrays;

/**
 * Maps a (venue code, ASCII symbol) pair to an int, looked up straight from the bytes of a frame and ignoring case.
 * <p>
 * Hand-written because the decoders must find an instrument from the symbol bytes they are looking at without
 * building a {@code String}: the general maps in Agrona and Eclipse Collections take object keys. Open addressing
 * with linear probing; keys live in one byte arena. Not thread safe: one writer, readers on the same thread.
 */
public final class AsciiSymbolIndex
{
    /**
     * Returned by lookups for a key that is not present.
     */
    public static final int MISSING = 0;

    private static final int MAX_SYMBOL_LENGTH = 64;

    private int[] slotValues;
    private int[] slotKeyOffsets;
    private byte[] slotKeyLengths;
    private byte[] slotVenues;
    private int[] slotHashes;
    private byte[] arena = new byte[1024];
    private int arenaLength;
    private int size;
    private int mask;

    /**
     * An index sized for about {@code expectedSize} keys before it grows.
     *
     * @param expectedSize number of keys expected.
     */
    public AsciiSymbolIndex(final int expectedSize)
    {
        final int capacity = Integer.highestOneBit(Math.max(16, expectedSize * 2) - 1) << 1;
        allocate(capacity);
    }

    /**
     * Number of keys.
     *
     * @return number of keys.
     */
    public int size()
    {
        return size;
    }

    /**
     * Add or replace a key.
     *
     * @param venueCode of the symbol.
     * @param symbol    ASCII symbol, case ignored.
     * @param value     non-zero value to store.
     */
    public void put(final int venueCode, final CharSequence symbol, final int value)
    {
        if (MISSING == value)
        {
            throw new IllegalArgumentException("value must not be " + MISSING);
        }
        final int length = symbol.length();
        if (0 == length || length > MAX_SYMBOL_LENGTH)
        {
            throw new IllegalArgumentException("symbol length must be 1.." + MAX_SYMBOL_LENGTH + ": '" + symbol + "'");
        }

        final int hash = hash(venueCode, symbol);
        int slot = hash & mask;
        while (MISSING != slotValues[slot])
        {
            if (slotHashes[slot] == hash && slotVenues[slot] == (byte)venueCode && equalsKey(slot, symbol))
            {
                slotValues[slot] = value;
                return;
            }
            slot = (slot + 1) & mask;
        }

        ensureArena(length);
        final int keyOffset = arenaLength;
        for (int i = 0; i < length; i++)
        {
            arena[arenaLength++] = (byte)upper(symbol.charAt(i));
        }

        slotValues[slot] = value;
        slotKeyOffsets[slot] = keyOffset;
        slotKeyLengths[slot] = (byte)length;
        slotVenues[slot] = (byte)venueCode;
        slotHashes[slot] = hash;
        size++;

        if (size * 2 > slotValues.length)
        {
            rehash(slotValues.length << 1);
        }
    }

    /**
     * Find the value for symbol bytes in a buffer, allocation free.
     *
     * @param venueCode of the symbol.
     * @param buffer    holding the ASCII symbol.
     * @param offset    of the symbol.
     * @param length    of the symbol.
     * @return the value or {@link #MISSING}.
     */
    public int get(final int venueCode, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= 0 || length > MAX_SYMBOL_LENGTH)
        {
            return MISSING;
        }

        int h = 0x811C9DC5 ^ venueCode;
        for (int i = 0; i < length; i++)
        {
            h = (h ^ upper(buffer.getByte(offset + i))) * 0x01000193;
        }
        final int hash = mix(h);

        int slot = hash & mask;
        int value;
        while (MISSING != (value = slotValues[slot]))
        {
            if (slotHashes[slot] == hash && slotVenues[slot] == (byte)venueCode && slotKeyLengths[slot] == length)
            {
                final int keyOffset = slotKeyOffsets[slot];
                boolean equal = true;
                for (int i = 0; i < length; i++)
                {
                    if (arena[keyOffset + i] != upper(buffer.getByte(offset + i)))
                    {
                        equal = false;
                        break;
                    }
                }
                if (equal)
                {
                    return value;
                }
            }
            slot = (slot + 1) & mask;
        }

        return MISSING;
    }

    /**
     * Find the value for a symbol given as characters.
     *
     * @param venueCode of the symbol.
     * @param symbol    ASCII symbol, case ignored.
     * @return the value or {@link #MISSING}.
     */
    public int get(final int venueCode, final CharSequence symbol)
    {
        final int hash = hash(venueCode, symbol);
        int slot = hash & mask;
        int value;
        while (MISSING != (value = slotValues[slot]))
        {
            if (slotHashes[slot] == hash && slotVenues[slot] == (byte)venueCode && equalsKey(slot, symbol))
            {
                return value;
            }
            slot = (slot + 1) & mask;
        }
        return MISSING;
    }

    private boolean equalsKey(final int slot, final CharSequence symbol)
    {
        final int length = symbol.length();
        if (slotKeyLengths[slot] != length)
        {
            return false;
        }
        final int keyOffset = slotKeyOffsets[slot];
        for (int i = 0; i < length; i++)
        {
            if (arena[keyOffset + i] != upper(symbol.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }

    private static int hash(final int venueCode, final CharSequence symbol)
    {
        int h = 0x811C9DC5 ^ venueCode;
        for (int i = 0; i < symbol.length(); i++)
        {
            h = (h ^ upper(symbol.charAt(i))) * 0x01000193;
        }
        return mix(h);
    }

    private static int mix(final int h)
    {
        final int x = h ^ (h >>> 16);
        return x * 0x45D9F3B;
    }

    private static int upper(final int c)
    {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }

    private void ensureArena(final int length)
    {
        if (arenaLength + length > arena.length)
        {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLength + length));
        }
    }

    private void allocate(final int capacity)
    {
        slotValues = new int[capacity];
        slotKeyOffsets = new int[capacity];
        slotKeyLengths = new byte[capacity];
        slotVenues = new byte[capacity];
        slotHashes = new int[capacity];
        mask = capacity - 1;
    }

    private void rehash(final int capacity)
    {
        final int[] oldValues = slotValues;
        final int[] oldOffsets = slotKeyOffsets;
        final byte[] oldLengths = slotKeyLengths;
        final byte[] oldVenues = slotVenues;
        final int[] oldHashes = slotHashes;
        allocate(capacity);
        for (int i = 0; i < oldValues.length; i++)
        {
            if (MISSING != oldValues[i])
            {
                int slot = oldHashes[i] & mask;
                while (MISSING != slotValues[slot])
                {
                    slot = (slot + 1) & mask;
                }
                slotValues[slot] = oldValues[i];
                slotKeyOffsets[slot] = oldOffsets[i];
                slotKeyLengths[slot] = oldLengths[i];
                slotVenues[slot] = oldVenues[i];
                slotHashes[slot] = oldHashes[i];
            }
        }
    }
}
