/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance.sbe;

import io.aeron.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinanceApiKeyTest
{
    private static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    @Test
    void shouldReadTheKeyFromTheEnvironmentAndSendItAsTheApiKeyHeader()
    {
        final BinanceApiKey key = BinanceApiKey.fromEnvironment(Map.of("MY_KEY", " " + KEY + "\n"), "MY_KEY");
        assertEquals("X-MBX-APIKEY", key.headerName());
        assertEquals(KEY, key.headerValue());
        assertEquals("environment variable MY_KEY", key.source());
    }

    @Test
    void shouldReadTheKeyFromAFileIgnoringSurroundingWhitespace(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("binance.key");
        Files.writeString(file, KEY + "\r\n");
        assertEquals(KEY, BinanceApiKey.fromFile(file).headerValue());
    }

    @Test
    void shouldNeverShowTheKey(@TempDir final Path dir)
    {
        final BinanceApiKey key = BinanceApiKey.fromEnvironment(Map.of("K", KEY), "K");
        assertFalse(key.toString().contains(KEY.substring(0, 8)), key.toString());
        assertTrue(key.toString().contains("redacted"));

        final ConfigurationException invalid = assertThrows(ConfigurationException.class,
            () -> BinanceApiKey.fromEnvironment(Map.of("K", KEY + " extra"), "K"));
        assertFalse(invalid.getMessage().contains(KEY.substring(0, 8)), invalid.getMessage());
    }

    @Test
    void shouldRefuseMissingEmptyOrHeaderBreakingKeys(@TempDir final Path dir) throws IOException
    {
        final ConfigurationException missing = assertThrows(ConfigurationException.class,
            () -> BinanceApiKey.fromEnvironment(Map.of(), "HELLMOON_BINANCE_API_KEY"));
        assertTrue(missing.getMessage().contains("HELLMOON_BINANCE_API_KEY"));
        assertTrue(missing.getMessage().contains(BinanceSbeConfiguration.API_KEY_FILE_PROP_NAME));

        assertThrows(ConfigurationException.class, () -> BinanceApiKey.fromEnvironment(Map.of("K", "  "), "K"));
        assertThrows(ConfigurationException.class,
            () -> BinanceApiKey.fromEnvironment(Map.of("K", "abc\r\nX-Other: 1"), "K"));
        assertThrows(ConfigurationException.class, () -> BinanceApiKey.fromEnvironment(Map.of("K", "clé"), "K"));
        assertThrows(ConfigurationException.class,
            () -> BinanceApiKey.fromEnvironment(Map.of("K", "k".repeat(BinanceApiKey.MAX_LENGTH + 1)), "K"));

        final Path absent = dir.resolve("absent.key");
        final ConfigurationException unreadable =
            assertThrows(ConfigurationException.class, () -> BinanceApiKey.fromFile(absent));
        assertTrue(unreadable.getMessage().contains(absent.toString()));
    }
}
