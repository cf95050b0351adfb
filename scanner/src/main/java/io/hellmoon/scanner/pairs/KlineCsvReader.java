/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

/**
 * Reads Binance kline CSV files (data.binance.vision, e.g. {@code ADABTC-1m-2021-11-27.csv}) into {@link BarSeries}.
 * <p>
 * A line is {@code openTime,open,high,low,close,volume,closeTime,quoteVolume,trades,takerBase,takerQuote,ignore};
 * at least the first six fields are needed, and without {@code quoteVolume} the quote volume is taken as
 * {@code volume * close}. Times are milliseconds, or microseconds (spot files from 2025 on) when above 10^14. A first
 * line that does not start with a number is a header and is skipped. Files may be plain, {@code .gz} or {@code .zip}
 * (first entry).
 * <p>
 * The symbol is the file name up to its first {@code -} (or its extension); a second {@code -}-separated token that
 * is a timeframe label ({@code 1m}) is the bar interval, else the interval is {@code closeTime - openTime} plus one
 * time unit of the first line (one minute if there is no close time). Files of the same symbol are merged (a bar
 * given twice keeps the later file's) and must have the same interval.
 * <p>
 * Every line is checked: field count, numbers, positive finite prices with {@code low <= open, close <= high},
 * non-negative volumes, open times increasing within a file and a consistent interval. The first bad line fails the
 * read with an {@link IllegalArgumentException} whose message starts with {@code file:line:}.
 */
public final class KlineCsvReader
{
    private static final long MICROSECOND_THRESHOLD = 100_000_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;

    private KlineCsvReader()
    {
    }

    /**
     * Read kline files into one series per symbol, ordered by symbol.
     *
     * @param files kline CSV files.
     * @return the series.
     * @throws IllegalArgumentException naming the file and line of the first bad line, or a file that cannot be read.
     */
    public static List<BarSeries> read(final List<Path> files)
    {
        final Map<String, BarSeries.Builder> builders = new LinkedHashMap<>();
        for (final Path file : files)
        {
            readFile(file, builders);
        }
        final Map<String, BarSeries> sorted = new TreeMap<>();
        for (final BarSeries.Builder builder : builders.values())
        {
            sorted.put(builder.symbol(), builder.build());
        }
        return new ArrayList<>(sorted.values());
    }

    /**
     * The symbol a kline file's name gives.
     *
     * @param file the file.
     * @return e.g. {@code ADABTC} for {@code ADABTC-1m-2021-11-27.csv}.
     */
    public static String symbolOf(final Path file)
    {
        final String name = String.valueOf(file.getFileName());
        final int dash = name.indexOf('-');
        if (dash > 0)
        {
            return name.substring(0, dash);
        }
        final int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void readFile(final Path file, final Map<String, BarSeries.Builder> builders)
    {
        final String symbol = symbolOf(file);
        final String[] tokens = String.valueOf(file.getFileName()).split("-");
        final Timeframe named = tokens.length > 1 ? Timeframe.ofLabel(tokens[1]) : null;

        final BarSeries.Builder existing = builders.get(symbol);
        BarSeries.Builder builder = existing;
        long intervalNs = null != existing ? existing.intervalNs() : null != named ? named.nanos() : 0;
        if (null != existing && null != named && named.nanos() != existing.intervalNs())
        {
            throw new IllegalArgumentException(file + ": " + named.label() + " bars, but " + symbol +
                " has bars of " + existing.intervalNs() + " ns from " + existing.symbol() + " files read before");
        }

        try (BufferedReader reader = open(file))
        {
            long previousOpenNs = Long.MIN_VALUE;
            int lineNumber = 0;
            String line;
            while (null != (line = reader.readLine()))
            {
                lineNumber++;
                if (line.isBlank())
                {
                    continue;
                }
                final String[] fields = line.split(",", -1);
                if (1 == lineNumber && !startsNumeric(fields[0]))
                {
                    continue;
                }
                final String where = file + ":" + lineNumber + ": ";
                if (fields.length < 6)
                {
                    throw new IllegalArgumentException(where + "expected at least 6 comma-separated fields " +
                        "(openTime,open,high,low,close,volume,...), found " + fields.length);
                }

                final long openTime = parseLong(fields[0], "openTime", where);
                final long unitNs = openTime >= MICROSECOND_THRESHOLD ? NANOS_PER_MICRO : NANOS_PER_MILLI;
                final long openNs = openTime * unitNs;
                final double open = parsePrice(fields[1], "open", where);
                final double high = parsePrice(fields[2], "high", where);
                final double low = parsePrice(fields[3], "low", where);
                final double close = parsePrice(fields[4], "close", where);
                final double volume = parseVolume(fields[5], "volume", where);
                if (low > high || open < low || open > high || close < low || close > high)
                {
                    throw new IllegalArgumentException(where + "prices out of order: open " + fields[1] +
                        ", high " + fields[2] + ", low " + fields[3] + ", close " + fields[4]);
                }

                long lineIntervalNs = 0;
                if (fields.length > 6 && !fields[6].isBlank())
                {
                    final long closeTime = parseLong(fields[6], "closeTime", where);
                    lineIntervalNs = (closeTime - openTime + 1) * unitNs;
                    if (lineIntervalNs <= 0)
                    {
                        throw new IllegalArgumentException(
                            where + "closeTime " + fields[6] + " is not after openTime " + fields[0]);
                    }
                }
                if (0 == intervalNs)
                {
                    intervalNs = 0 != lineIntervalNs ? lineIntervalNs : Timeframe.M1.nanos();
                }
                else if (0 != lineIntervalNs && lineIntervalNs != intervalNs)
                {
                    throw new IllegalArgumentException(where + "bar of " + lineIntervalNs / NANOS_PER_MILLI +
                        " ms, but the bars of " + symbol + " are " + intervalNs / NANOS_PER_MILLI + " ms");
                }
                if (openNs <= previousOpenNs)
                {
                    throw new IllegalArgumentException(
                        where + "openTime " + fields[0] + " is not after the previous line's");
                }
                previousOpenNs = openNs;

                final double quoteVolume = fields.length > 7 && !fields[7].isBlank() ?
                    parseVolume(fields[7], "quoteVolume", where) : volume * close;
                if (null == builder)
                {
                    builder = new BarSeries.Builder(symbol, intervalNs);
                    builders.put(symbol, builder);
                }
                builder.source(String.valueOf(file.getFileName()));
                builder.add(openNs, close, quoteVolume);
            }
        }
        catch (final IOException | UncheckedIOException ex)
        {
            throw new IllegalArgumentException(file + ": cannot read: " + ex.getMessage(), ex);
        }
    }

    private static BufferedReader open(final Path file) throws IOException
    {
        final String name = String.valueOf(file.getFileName());
        InputStream in = Files.newInputStream(file);
        if (name.endsWith(".gz"))
        {
            in = new GZIPInputStream(in, 1 << 16);
        }
        else if (name.endsWith(".zip"))
        {
            final ZipInputStream zip = new ZipInputStream(in);
            if (null == zip.getNextEntry())
            {
                zip.close();
                throw new IOException("empty zip archive");
            }
            in = zip;
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16);
    }

    private static boolean startsNumeric(final String field)
    {
        final String trimmed = field.trim();
        return !trimmed.isEmpty() && (Character.isDigit(trimmed.charAt(0)) || '-' == trimmed.charAt(0));
    }

    private static long parseLong(final String field, final String name, final String where)
    {
        try
        {
            return Long.parseLong(field.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(where + name + " '" + field + "' is not an integer");
        }
    }

    private static double parseDouble(final String field, final String name, final String where)
    {
        try
        {
            return Double.parseDouble(field.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(where + name + " '" + field + "' is not a number");
        }
    }

    private static double parsePrice(final String field, final String name, final String where)
    {
        final double value = parseDouble(field, name, where);
        if (!(value > 0.0) || Double.isInfinite(value))
        {
            throw new IllegalArgumentException(where + name + " '" + field + "' is not a positive price");
        }
        return value;
    }

    private static double parseVolume(final String field, final String name, final String where)
    {
        final double value = parseDouble(field, name, where);
        if (!(value >= 0.0) || Double.isInfinite(value))
        {
            throw new IllegalArgumentException(where + name + " '" + field + "' is not a volume (>= 0)");
        }
        return value;
    }
}
