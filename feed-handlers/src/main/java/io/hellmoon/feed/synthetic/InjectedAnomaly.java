/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.synthetic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hellmoon.sbe.Direction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ground truth: one anomaly the synthetic market injected, which the scanner's detectors are scored against.
 * <p>
 * Written as one JSON object per line, e.g.
 * {@code {"kind":"VOLUME_BURST","instrumentId":12,"symbol":"SYN0012USDT","startTimeNs":1735689720000000000,
 * "endTimeNs":1735689726000000000,"direction":"UP","magnitude":11.5}}.
 *
 * @param kind         of anomaly.
 * @param instrumentId in the registry the market registered its instruments in.
 * @param symbol       venue symbol.
 * @param startTimeNs  start of the window, epoch nanoseconds (the market's event time).
 * @param endTimeNs    end of the window, epoch nanoseconds.
 * @param direction    UP, DOWN or NEUTRAL, see {@link AnomalyKind}.
 * @param magnitude    see {@link AnomalyKind}.
 */
public record InjectedAnomaly(
    AnomalyKind kind,
    int instrumentId,
    String symbol,
    long startTimeNs,
    long endTimeNs,
    Direction direction,
    double magnitude)
{
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Whether a time falls inside the window (start inclusive, end exclusive).
     *
     * @param timeNs epoch nanoseconds.
     * @return true if inside.
     */
    public boolean contains(final long timeNs)
    {
        return timeNs >= startTimeNs && timeNs < endTimeNs;
    }

    /**
     * The JSON line of this record, without the line separator.
     *
     * @return the JSON object.
     */
    public String toJson()
    {
        return "{\"kind\":\"" + kind.name() + "\",\"instrumentId\":" + instrumentId + ",\"symbol\":\"" + symbol +
            "\",\"startTimeNs\":" + startTimeNs + ",\"endTimeNs\":" + endTimeNs + ",\"direction\":\"" +
            direction.name() + "\",\"magnitude\":" + magnitude + "}";
    }

    /**
     * Parse a line written by {@link #toJson()}.
     *
     * @param line the JSON object.
     * @return the record.
     * @throws IllegalArgumentException naming the field when the line is malformed.
     */
    public static InjectedAnomaly parse(final String line)
    {
        AnomalyKind kind = null;
        int instrumentId = 0;
        String symbol = null;
        long startTimeNs = Long.MIN_VALUE;
        long endTimeNs = Long.MIN_VALUE;
        Direction direction = null;
        double magnitude = Double.NaN;
        try (JsonParser parser = JSON.createParser(line))
        {
            if (JsonToken.START_OBJECT != parser.nextToken())
            {
                throw new IllegalArgumentException("expected a JSON object: " + line);
            }
            while (JsonToken.FIELD_NAME == parser.nextToken())
            {
                final String field = parser.currentName();
                parser.nextToken();
                switch (field)
                {
                    case "kind" -> kind = AnomalyKind.valueOf(parser.getText());
                    case "instrumentId" -> instrumentId = parser.getIntValue();
                    case "symbol" -> symbol = parser.getText();
                    case "startTimeNs" -> startTimeNs = parser.getLongValue();
                    case "endTimeNs" -> endTimeNs = parser.getLongValue();
                    case "direction" -> direction = Direction.valueOf(parser.getText());
                    case "magnitude" -> magnitude = parser.getDoubleValue();
                    default -> parser.skipChildren();
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new IllegalArgumentException("malformed ground truth line '" + line + "': " + ex.getMessage(), ex);
        }
        if (null == kind || null == symbol || null == direction || Long.MIN_VALUE == startTimeNs ||
            Long.MIN_VALUE == endTimeNs || Double.isNaN(magnitude))
        {
            throw new IllegalArgumentException("ground truth line lacks a field: " + line);
        }
        return new InjectedAnomaly(kind, instrumentId, symbol, startTimeNs, endTimeNs, direction, magnitude);
    }

    /**
     * Write records as JSON lines.
     *
     * @param anomalies to write.
     * @param file      to create or replace.
     */
    public static void writeJsonLines(final List<InjectedAnomaly> anomalies, final Path file)
    {
        final List<String> lines = new ArrayList<>(anomalies.size());
        for (final InjectedAnomaly anomaly : anomalies)
        {
            lines.add(anomaly.toJson());
        }
        try
        {
            Files.write(file, lines, StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write ground truth " + file, ex);
        }
    }

    /**
     * Read records written by {@link #writeJsonLines(List, Path)}; blank lines are skipped.
     *
     * @param file to read.
     * @return the records in file order.
     */
    public static List<InjectedAnomaly> readJsonLines(final Path file)
    {
        final List<InjectedAnomaly> anomalies = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII))
        {
            String line;
            int lineNumber = 0;
            while (null != (line = reader.readLine()))
            {
                lineNumber++;
                if (!line.isBlank())
                {
                    try
                    {
                        anomalies.add(parse(line));
                    }
                    catch (final IllegalArgumentException ex)
                    {
                        throw new IllegalArgumentException(file + ":" + lineNumber + ": " + ex.getMessage(), ex);
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read ground truth " + file, ex);
        }
        return anomalies;
    }
}
