/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance;

import io.hellmoon.feed.json.JsonScanner;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SymbolIdCacheTest
{
    private final JsonScanner scanner = new JsonScanner();

    @Test
    void shouldFindWhatWasPutByExactBytesAndLength()
    {
        final SymbolIdCache cache = new SymbolIdCache(64);
        put(cache, "BTCUSDT", 1);
        put(cache, "BTCUSDC", 2);
        put(cache, "ETHBTC", 3);
        put(cache, "1000SHIBUSDT_PERP", 4); // 17 bytes: too long for the cache, so never kept

        assertEquals(1, get(cache, "BTCUSDT"));
        assertEquals(2, get(cache, "BTCUSDC"));
        assertEquals(3, get(cache, "ETHBTC"));
        assertEquals(SymbolIdCache.MISSING, get(cache, "btcusdt"), "exact bytes, not the registry's folded case");
        assertEquals(SymbolIdCache.MISSING, get(cache, "BTCUSD"));
        assertEquals(SymbolIdCache.MISSING, get(cache, "BTCUSDTX"));
        assertEquals(3, cache.size());
    }

    @Test
    void shouldKeepEverySymbolUpToHalfItsCapacityThenStopTaking()
    {
        final SymbolIdCache cache = new SymbolIdCache(1024);
        final Random random = new Random(11);
        final Map<String, Integer> kept = new HashMap<>();
        while (kept.size() < 512)
        {
            final String symbol = randomSymbol(random);
            if (!kept.containsKey(symbol))
            {
                kept.put(symbol, kept.size() + 1);
                put(cache, symbol, kept.size());
            }
        }
        put(cache, "NOTKEPT", 9_999);

        assertEquals(512, cache.size());
        kept.forEach((symbol, id) -> assertEquals(id.intValue(), get(cache, symbol), symbol));
        assertEquals(SymbolIdCache.MISSING, get(cache, "NOTKEPT"));
    }

    @Test
    void shouldRefuseACapacityThatIsNotAPowerOfTwo()
    {
        assertThrows(IllegalArgumentException.class, () -> new SymbolIdCache(100));
        assertThrows(IllegalArgumentException.class, () -> new SymbolIdCache(1));
    }

    private void put(final SymbolIdCache cache, final String symbol, final int id)
    {
        if (scan(symbol) <= SymbolIdCache.MAX_LENGTH)
        {
            cache.put(scanner.stringWord(0), scanner.stringWord(1), scanner.stringLength(), id);
        }
    }

    private int get(final SymbolIdCache cache, final String symbol)
    {
        final int length = scan(symbol);
        return length > SymbolIdCache.MAX_LENGTH ?
            SymbolIdCache.MISSING : cache.get(scanner.stringWord(0), scanner.stringWord(1), length);
    }

    /**
     * Scan the symbol as a JSON string with junk after it, as the decoder finds it in a frame.
     */
    private int scan(final String symbol)
    {
        final byte[] bytes = ("\"" + symbol + "\",\"b\":\"61800.10\"").getBytes(StandardCharsets.US_ASCII);
        scanner.wrap(new UnsafeBuffer(bytes), 0, bytes.length);
        if (!scanner.string())
        {
            throw new IllegalStateException(symbol);
        }
        return scanner.stringLength();
    }

    private static String randomSymbol(final Random random)
    {
        final int length = 3 + random.nextInt(14);
        final StringBuilder symbol = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            symbol.append((char)('A' + random.nextInt(26)));
        }
        return symbol.toString();
    }
}
