/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.jmh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The real exchange captures the benchmarks decode, read in place from the shared data folder (never copied into the
 * repository). Used only in {@code @Setup}: everything here allocates freely.
 * <p>
 * The folder is {@value #DATA_DIR_PROP_NAME} if set, else {@value #DATA_DIR_DEFAULT} relative to the working
 * directory, which is right when the benchmarks are run from the repository root. JMH forks inherit the host JVM's
 * system properties and working directory, so {@code java -Dhellmoon.data.dir=... -jar benchmarks.jar} reaches them.
 */
public final class Captures
{
    /**
     * System property naming the shared data folder.
     */
    public static final String DATA_DIR_PROP_NAME = "hellmoon.data.dir";

    /**
     * Default of {@link #DATA_DIR_PROP_NAME}, relative to the working directory.
     */
    public static final String DATA_DIR_DEFAULT = "../shared/data";

    private Captures()
    {
    }

    /**
     * The shared data folder.
     *
     * @return the folder.
     * @throws IllegalStateException if it does not exist, naming the property to set.
     */
    public static Path dataDir()
    {
        final Path dir = Paths.get(System.getProperty(DATA_DIR_PROP_NAME, DATA_DIR_DEFAULT));
        if (!Files.isDirectory(dir))
        {
            throw new IllegalStateException(DATA_DIR_PROP_NAME + "=" + dir.toAbsolutePath() +
                ": not a directory; run from the repository root or pass -D" + DATA_DIR_PROP_NAME + "=<path>");
        }
        return dir;
    }

    /**
     * A file in the shared data folder.
     *
     * @param relativePath e.g. {@code binance/captures/usdm/btcusdt_20240808.gz}.
     * @return its path.
     * @throws IllegalStateException if the file does not exist.
     */
    public static Path file(final String relativePath)
    {
        final Path file = dataDir().resolve(relativePath);
        if (!Files.isRegularFile(file))
        {
            throw new IllegalStateException("no capture file " + file.toAbsolutePath());
        }
        return file;
    }

    /**
     * The JSON of every line of an hftbacktest capture ({@code <receive time ns> <json>}, gzip), in file order,
     * REST snapshot lines included.
     *
     * @param relativePath of the {@code .gz} file.
     * @return the JSON texts.
     */
    public static List<String> hftbacktestJson(final String relativePath)
    {
        final List<String> json = new ArrayList<>();
        for (final String line : lines(file(relativePath)))
        {
            final int space = line.indexOf(' ');
            if (space > 0)
            {
                json.add(line.substring(space + 1));
            }
        }
        return json;
    }

    /**
     * The JSON of every frame of a cryptofeed WebSocket capture ({@code <seconds>: <json>}; the first line, the
     * connection URL, is skipped).
     *
     * @param relativePath of the {@code *.ws.*} file.
     * @return the JSON texts.
     */
    public static List<String> cryptofeedFrames(final String relativePath)
    {
        final List<String> json = new ArrayList<>();
        for (final String line : lines(file(relativePath)))
        {
            final int colon = line.indexOf(": ");
            if (colon > 0 && !line.startsWith("wss:") && !line.startsWith("ws:"))
            {
                json.add(line.substring(colon + 2));
            }
        }
        return json;
    }

    /**
     * The bodies of the HTTP replies in a cryptofeed capture ({@code <url> -> <seconds>: <body>}).
     *
     * @param relativePath of the {@code *.http.*} file.
     * @return the bodies.
     */
    public static List<String> cryptofeedReplies(final String relativePath)
    {
        final List<String> bodies = new ArrayList<>();
        for (final String line : lines(file(relativePath)))
        {
            final int arrow = line.indexOf(" -> ");
            if (arrow > 0)
            {
                bodies.add(line.substring(line.indexOf(": ", arrow) + 2));
            }
        }
        return bodies;
    }

    /**
     * A whole file as text, e.g. a pretty-printed JSON fixture.
     *
     * @param relativePath of the file.
     * @return its text.
     */
    public static String text(final String relativePath)
    {
        try
        {
            return Files.readString(file(relativePath), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> lines(final Path file)
    {
        try (InputStream raw = Files.newInputStream(file);
            InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16))
        {
            final List<String> lines = new ArrayList<>();
            String line;
            while (null != (line = reader.readLine()))
            {
                if (!line.isEmpty())
                {
                    lines.add(line);
                }
            }
            return lines;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
