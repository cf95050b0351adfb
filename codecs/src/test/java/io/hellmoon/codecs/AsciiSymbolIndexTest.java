/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs;

import io.hellmoon.test.AllocationMeter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AsciiSymbolIndexTest
{
    @Test
    void shouldFindSymbolsFromBytesIgnoringCaseAndVenue()
    {
        final AsciiSymbolIndex index = new AsciiSymbolIndex(4);
        for (int i = 1; i <= 5000; i++)
        {
            index.put(1, "SYM" + i + "USDT", i);
            index.put(2, "SYM" + i + "USDT", 100_000 + i);
        }

        assertEquals(10_000, index.size());
        final UnsafeBuffer buffer = new UnsafeBuffer("..sym42usdt..".getBytes(StandardCharsets.US_ASCII));
        assertEquals(42, index.get(1, buffer, 2, 9));
        assertEquals(100_042, index.get(2, buffer, 2, 9));
        assertEquals(AsciiSymbolIndex.MISSING, index.get(3, buffer, 2, 9));
        assertEquals(AsciiSymbolIndex.MISSING, index.get(1, buffer, 2, 8));
        assertEquals(4999, index.get(1, "Sym4999UsDt"));

        index.put(1, "sym42usdt", 7);
        assertEquals(7, index.get(1, buffer, 2, 9));
        assertEquals(10_000, index.size());
    }

    @Test
    void shouldLookUpWithoutAllocating()
    {
        final AsciiSymbolIndex index = new AsciiSymbolIndex(2000);
        for (int i = 1; i <= 2000; i++)
        {
            index.put(1, "S" + i, i);
        }
        final UnsafeBuffer buffer = new UnsafeBuffer("S1999".getBytes(StandardCharsets.US_ASCII));
        final long[] sink = new long[1];
        AllocationMeter.assertAllocationFree(20_000, 100_000, () -> sink[0] += index.get(1, buffer, 0, 5));
    }
}
