/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a pairs scan CSV ({@link PairsScanReport#writeCsv}) back, e.g. to configure the pairs detector with the top
 * pairs of a scan. Columns are found by name, so files with extra or reordered columns load; {@code leg1},
 * {@code leg2} and {@code hedge_ratio} are required, the rest default to NaN (or 0 for counts).
 */
public final class PairsScanFile
{
    private PairsScanFile()
    {
    }

    /**
     * Read a scan CSV.
     *
     * @param file the CSV.
     * @return its pairs in file order.
     * @throws IllegalArgumentException naming the file and line of the first bad line.
     */
    public static List<CointegrationResult> read(final Path file)
    {
        final List<CointegrationResult> results = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            final String header = reader.readLine();
            if (null == header)
            {
                throw new IllegalArgumentException(file + ":1: empty file, expected the header " +
                    PairsScanReport.CSV_HEADER);
            }
            final Map<String, Integer> columns = new HashMap<>();
            final List<String> names = split(header, file, 1);
            for (int i = 0; i < names.size(); i++)
            {
                columns.put(names.get(i).trim(), i);
            }
            for (final String required : new String[] { "leg1", "leg2", "hedge_ratio" })
            {
                if (!columns.containsKey(required))
                {
                    throw new IllegalArgumentException(file + ":1: no '" + required + "' column in the header");
                }
            }

            String line;
            int lineNumber = 1;
            while (null != (line = reader.readLine()))
            {
                lineNumber++;
                if (line.isBlank())
                {
                    continue;
                }
                final List<String> fields = split(line, file, lineNumber);
                if (fields.size() != names.size())
                {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": " + fields.size() +
                        " fields, the header has " + names.size());
                }
                final Row row = new Row(fields, columns, file + ":" + lineNumber + ": ");
                results.add(new CointegrationResult(
                    row.text("leg1"),
                    row.text("leg2"),
                    row.number("hedge_ratio", true),
                    row.number("intercept", false),
                    row.number("adf_statistic", false),
                    row.number("p_value", false),
                    row.number("critical_1pct", false),
                    row.number("critical_5pct", false),
                    row.number("critical_10pct", false),
                    (int)row.integer("adf_lags"),
                    row.number("half_life_bars", false),
                    row.number("half_life_seconds", false),
                    row.number("correlation", false),
                    row.number("spread_std", false),
                    (int)row.integer("observations"),
                    row.number("leg1_daily_quote_volume", false),
                    row.number("leg2_daily_quote_volume", false)));
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException(file + ": cannot read: " + ex.getMessage(), ex);
        }
        return results;
    }

    private static List<String> split(final String line, final Path file, final int lineNumber)
    {
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++)
        {
            final char c = line.charAt(i);
            if (quoted)
            {
                if ('"' == c && i + 1 < line.length() && '"' == line.charAt(i + 1))
                {
                    field.append('"');
                    i++;
                }
                else if ('"' == c)
                {
                    quoted = false;
                }
                else
                {
                    field.append(c);
                }
            }
            else if ('"' == c)
            {
                quoted = true;
            }
            else if (',' == c)
            {
                fields.add(field.toString());
                field.setLength(0);
            }
            else
            {
                field.append(c);
            }
        }
        if (quoted)
        {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": unterminated quote");
        }
        fields.add(field.toString());
        return fields;
    }

    private static final class Row
    {
        private final List<String> fields;
        private final Map<String, Integer> columns;
        private final String where;

        Row(final List<String> fields, final Map<String, Integer> columns, final String where)
        {
            this.fields = fields;
            this.columns = columns;
            this.where = where;
        }

        String text(final String column)
        {
            final String value = fields.get(columns.get(column)).trim();
            if (value.isEmpty())
            {
                throw new IllegalArgumentException(where + column + " is empty");
            }
            return value;
        }

        double number(final String column, final boolean required)
        {
            final Integer index = columns.get(column);
            if (null == index)
            {
                return Double.NaN;
            }
            final String value = fields.get(index).trim();
            try
            {
                final double parsed = value.isEmpty() ? Double.NaN : Double.parseDouble(value);
                if (required && !Double.isFinite(parsed))
                {
                    throw new IllegalArgumentException(where + column + " '" + value + "' is not a finite number");
                }
                return parsed;
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException(where + column + " '" + value + "' is not a number");
            }
        }

        long integer(final String column)
        {
            final Integer index = columns.get(column);
            if (null == index)
            {
                return 0;
            }
            final String value = fields.get(index).trim();
            try
            {
                return value.isEmpty() ? 0 : Long.parseLong(value);
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException(where + column + " '" + value + "' is not an integer");
            }
        }
    }
}
