/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.test;

import io.hellmoon.codecs.HellmoonConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared exchange captures, read in place (never copied into the repository). The build points
 * {@code hellmoon.data.dir} at {@code ../shared/data} beside the repository root.
 */
public final class TestData
{
    private TestData()
    {
    }

    /**
     * The data folder.
     *
     * @return its path; the test fails if it is missing, because CI always has it.
     */
    public static Path dataDir()
    {
        final Path dir = Paths.get(HellmoonConfiguration.dataDir()).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(dir), "shared data folder not found at " + dir + " (set -Dhellmoon.data.dir)");
        return dir;
    }

    /**
     * A file under the data folder.
     *
     * @param relative path such as {@code binance/captures/usdm/btcusdt_20240808.gz}.
     * @return the path; the test fails if the file is missing.
     */
    public static Path file(final String relative)
    {
        final Path file = dataDir().resolve(relative);
        assertTrue(Files.exists(file), "missing shared data file " + file);
        return file;
    }
}
