/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.json;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where the values of one JSON object's fields are, by field name, so a decoder can read them once the whole object
 * has been seen, whatever order the fields came in.
 * <p>
 * The names of interest are given at construction; each gets a slot, its index in that list. While a
 * {@link JsonCursor} walks an object the decoder asks {@link #slotOf(DirectBuffer, int, int)} for each field name
 * and {@link #put(int, JsonCursor)}s the value token of the fields it wants: the table keeps the token's type,
 * start, content offset and length (for an object or array, its opening bracket), not a copy of the value.
 * {@link #reset(int)} forgets a whole object in constant time (slots are stamped with a generation), so a table is
 * reused for every object without clearing.
 * <p>
 * Hand-written for the hot path: one-character names, which are most of Binance's, are found through a 128-entry
 * array, longer ones by comparing bytes, with no {@code String} and no hashing of objects. Not thread safe.
 */
public final class JsonFieldTable
{
    /**
     * Returned by {@link #slotOf(DirectBuffer, int, int)} for a name not in the table.
     */
    public static final int NO_SLOT = -1;

    /**
     * Returned by {@link #type(int)} for a slot without a value in the current object.
     */
    public static final int ABSENT = Integer.MIN_VALUE;

    private final byte[][] names;
    private final byte[] singleCharSlots = new byte[128];
    private final int[] multiCharSlots;
    private final int[] stamps;
    private final int[] types;
    private final int[] starts;
    private final int[] offsets;
    private final int[] lengths;
    private int generation = 1;
    private int objectStart = -1;

    /**
     * A table for the given field names.
     *
     * @param names distinct ASCII field names; a name's slot is its index here (at most 127 names).
     */
    public JsonFieldTable(final String... names)
    {
        if (names.length > Byte.MAX_VALUE)
        {
            throw new IllegalArgumentException("at most " + Byte.MAX_VALUE + " names: " + names.length);
        }
        this.names = new byte[names.length][];
        Arrays.fill(singleCharSlots, (byte)NO_SLOT);
        int multiCharCount = 0;
        for (int slot = 0; slot < names.length; slot++)
        {
            final byte[] name = names[slot].getBytes(StandardCharsets.US_ASCII);
            if (0 == name.length)
            {
                throw new IllegalArgumentException("empty field name at slot " + slot);
            }
            for (int other = 0; other < slot; other++)
            {
                if (Arrays.equals(this.names[other], name))
                {
                    throw new IllegalArgumentException("duplicate field name '" + names[slot] + "'");
                }
            }
            this.names[slot] = name;
            if (1 == name.length && name[0] >= 0)
            {
                singleCharSlots[name[0]] = (byte)slot;
            }
            else
            {
                multiCharCount++;
            }
        }

        multiCharSlots = new int[multiCharCount];
        int i = 0;
        for (int slot = 0; slot < names.length; slot++)
        {
            if (1 != this.names[slot].length)
            {
                multiCharSlots[i++] = slot;
            }
        }

        stamps = new int[names.length];
        types = new int[names.length];
        starts = new int[names.length];
        offsets = new int[names.length];
        lengths = new int[names.length];
    }

    /**
     * Number of slots.
     *
     * @return the number of names.
     */
    public int slotCount()
    {
        return names.length;
    }

    /**
     * Name of a slot, for messages and tests.
     *
     * @param slot index.
     * @return the name.
     */
    public String name(final int slot)
    {
        return new String(names[slot], StandardCharsets.US_ASCII);
    }

    /**
     * The slot of a field name given as bytes; allocation free.
     *
     * @param buffer holding the name.
     * @param offset of the name's first byte (after the quote).
     * @param length of the name.
     * @return the slot, or {@link #NO_SLOT}.
     */
    public int slotOf(final DirectBuffer buffer, final int offset, final int length)
    {
        if (1 == length)
        {
            return slotOf(buffer.getByte(offset));
        }
        for (final int slot : multiCharSlots)
        {
            if (equals(buffer, offset, length, names[slot]))
            {
                return slot;
            }
        }
        return NO_SLOT;
    }

    /**
     * The slot of a one-byte field name.
     *
     * @param name the byte between the quotes.
     * @return the slot, or {@link #NO_SLOT}.
     */
    public int slotOf(final byte name)
    {
        return name >= 0 ? singleCharSlots[name] : NO_SLOT;
    }

    /**
     * Forget every value: a new object starts.
     *
     * @param objectStart offset in the buffer of the new object's opening brace, see {@link #objectStart()}.
     */
    public void reset(final int objectStart)
    {
        this.objectStart = objectStart;
        if (0 == ++generation)
        {
            Arrays.fill(stamps, 0);
            generation = 1;
        }
    }

    /**
     * Offset in the buffer of the opening brace of the object the table currently describes, so a decoder can check
     * that a nested object's table belongs to the field it expects.
     *
     * @return the offset, or -1 before the first {@link #reset(int)}.
     */
    public int objectStart()
    {
        return objectStart;
    }

    /**
     * Record the cursor's current token as the value of a slot.
     *
     * @param slot   of the field.
     * @param cursor positioned on the field's value token.
     * @return false, recording nothing, if the slot already has a value in this object (a duplicated field).
     */
    public boolean put(final int slot, final JsonCursor cursor)
    {
        if (generation == stamps[slot])
        {
            return false;
        }
        stamps[slot] = generation;
        types[slot] = cursor.token();
        starts[slot] = cursor.tokenStart();
        offsets[slot] = cursor.tokenOffset();
        lengths[slot] = cursor.tokenLength();
        return true;
    }

    /**
     * Whether a slot has a value in the current object.
     *
     * @param slot of the field.
     * @return true if the field was present.
     */
    public boolean has(final int slot)
    {
        return generation == stamps[slot];
    }

    /**
     * Token type of a slot's value.
     *
     * @param slot of the field.
     * @return a {@link JsonCursor} token type, or {@link #ABSENT}.
     */
    public int type(final int slot)
    {
        return generation == stamps[slot] ? types[slot] : ABSENT;
    }

    /**
     * Offset in the buffer of the first byte of a slot's value token (the quote of a string, the bracket of a
     * container); meaningful only when {@link #has(int)}.
     *
     * @param slot of the field.
     * @return the offset.
     */
    public int start(final int slot)
    {
        return starts[slot];
    }

    /**
     * Offset in the buffer of a slot's value content (after the quote of a string).
     *
     * @param slot of the field.
     * @return the offset.
     */
    public int offset(final int slot)
    {
        return offsets[slot];
    }

    /**
     * Length of a slot's value content.
     *
     * @param slot of the field.
     * @return the length in bytes.
     */
    public int length(final int slot)
    {
        return lengths[slot];
    }

    /**
     * Whether a slot's value is a string or number whose bytes equal the given ASCII bytes.
     *
     * @param buffer holding the JSON text.
     * @param slot   of the field.
     * @param ascii  to compare with.
     * @return true if present and equal.
     */
    public boolean valueEquals(final DirectBuffer buffer, final int slot, final byte[] ascii)
    {
        return has(slot) && equals(buffer, offsets[slot], lengths[slot], ascii);
    }

    /**
     * Compare bytes in a buffer with ASCII bytes.
     *
     * @param buffer holding the bytes.
     * @param offset of the first byte.
     * @param length of the bytes.
     * @param ascii  to compare with.
     * @return true if equal byte for byte.
     */
    public static boolean equals(final DirectBuffer buffer, final int offset, final int length, final byte[] ascii)
    {
        if (length != ascii.length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (buffer.getByte(offset + i) != ascii[i])
            {
                return false;
            }
        }
        return true;
    }
}
