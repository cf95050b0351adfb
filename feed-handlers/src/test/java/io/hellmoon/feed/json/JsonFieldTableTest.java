/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.json;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.hellmoon.feed.json.JsonFieldTable.ABSENT;
import static io.hellmoon.feed.json.JsonFieldTable.NO_SLOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonFieldTableTest
{
    private final JsonFieldTable table = new JsonFieldTable("e", "E", "pu", "lastUpdateId", "b");
    private final JsonCursor cursor = new JsonCursor(4);

    @Test
    void shouldFindSlotsByNameBytesCaseSensitively()
    {
        final UnsafeBuffer names = new UnsafeBuffer("xeEpupslastUpdateIdlastUpdateIDb\u00e9".getBytes(
            StandardCharsets.ISO_8859_1));
        assertEquals(0, table.slotOf(names, 1, 1));
        assertEquals(1, table.slotOf(names, 2, 1));
        assertEquals(2, table.slotOf(names, 3, 2));
        assertEquals(NO_SLOT, table.slotOf(names, 5, 2));
        assertEquals(3, table.slotOf(names, 7, 12));
        assertEquals(NO_SLOT, table.slotOf(names, 19, 12));
        assertEquals(4, table.slotOf(names, 31, 1));
        assertEquals(NO_SLOT, table.slotOf(names, 32, 1));
        assertEquals(NO_SLOT, table.slotOf(names, 0, 1));
        assertEquals(NO_SLOT, table.slotOf(names, 0, 0));
        assertEquals(5, table.slotCount());
        assertEquals("lastUpdateId", table.name(3));
    }

    @Test
    void shouldRecordValuesPerObjectAndRejectDuplicates()
    {
        final UnsafeBuffer json = new UnsafeBuffer(
            "{\"e\":\"trade\",\"pu\":-1,\"b\":[1],\"e\":\"again\"}".getBytes(StandardCharsets.US_ASCII));
        cursor.wrap(json, 0, json.capacity());
        assertEquals(JsonCursor.BEGIN_OBJECT, cursor.next());
        table.reset(cursor.tokenStart());
        assertEquals(0, table.objectStart());

        assertTrue(put());
        assertTrue(put());
        assertTrue(put());
        cursor.skipValue();
        assertFalse(put(), "a second \"e\" in the same object");

        assertEquals(JsonCursor.STRING, table.type(0));
        assertTrue(table.valueEquals(json, 0, "trade".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(5, table.start(0));
        assertEquals(6, table.offset(0));
        assertEquals(5, table.length(0));
        assertEquals(JsonCursor.NUMBER, table.type(2));
        assertEquals(JsonCursor.BEGIN_ARRAY, table.type(4));
        assertEquals(ABSENT, table.type(1));
        assertFalse(table.has(1));
        assertFalse(table.valueEquals(json, 1, "trade".getBytes(StandardCharsets.US_ASCII)));

        table.reset(99);
        assertEquals(99, table.objectStart());
        for (int slot = 0; slot < table.slotCount(); slot++)
        {
            assertFalse(table.has(slot));
            assertEquals(ABSENT, table.type(slot));
        }
    }

    @Test
    void shouldRejectDuplicateOrEmptyNames()
    {
        assertThrows(IllegalArgumentException.class, () -> new JsonFieldTable("a", "b", "a"));
        assertThrows(IllegalArgumentException.class, () -> new JsonFieldTable("a", ""));
    }

    private boolean put()
    {
        assertEquals(JsonCursor.FIELD_NAME, cursor.next());
        final int slot = table.slotOf(cursor.buffer(), cursor.tokenOffset(), cursor.tokenLength());
        cursor.next();
        return table.put(slot, cursor);
    }
}
