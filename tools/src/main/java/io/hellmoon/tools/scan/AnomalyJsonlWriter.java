/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.scan;

import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.sbe.AnomalyEventDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects anomaly events from the scan stream and writes them as JSON lines: {@code time} (the exchange event time
 * of the tick that triggered it, ns), {@code venue}, {@code symbol}, {@code type}, {@code direction}, {@code score},
 * {@code price}, the regimes, {@code anomalyId}, {@code receiveTime} and the {@code features} behind the score.
 * <p>
 * Only fields that follow from the input are written (no wall-clock publish times), so the same replay gives the
 * same file, byte for byte. Events are kept until {@link #write(Path, InstrumentRegistry)} so instrument names can be
 * resolved from definitions that may reach the writer's registry after the events. A tool, not a hot path.
 */
public final class AnomalyJsonlWriter implements SbeHandler
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final AnomalyEventDecoder anomaly = new AnomalyEventDecoder();
    private final List<byte[]> events = new ArrayList<>();

    /**
     * {@inheritDoc}
     */
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        if (MessageHeaderDecoder.SCHEMA_ID == header.schemaId() && AnomalyEventDecoder.TEMPLATE_ID == header.templateId())
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            events.add(copy);
        }
    }

    /**
     * Anomaly events collected.
     *
     * @return the count.
     */
    public int count()
    {
        return events.size();
    }

    /**
     * Write every collected event as one JSON line, in the order received.
     *
     * @param file     to write (replaced).
     * @param registry naming instruments.
     */
    public void write(final Path file, final InstrumentRegistry registry)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
        final StringBuilder line = new StringBuilder(512);
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            for (final byte[] event : events)
            {
                buffer.wrap(event);
                header.wrap(buffer, 0);
                anomaly.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
                line.setLength(0);
                appendJson(anomaly, registry, line);
                writer.write(line.toString());
                writer.newLine();
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    /**
     * Append one anomaly as a JSON object.
     *
     * @param anomaly  positioned on the event.
     * @param registry naming instruments.
     * @param out      to append to.
     */
    public static void appendJson(
        final AnomalyEventDecoder anomaly, final InstrumentRegistry registry, final StringBuilder out)
    {
        final Instrument instrument = registry.get(anomaly.instrumentId());
        out.append("{\"time\":").append(anomaly.eventTimeNs())
            .append(",\"venue\":\"").append(null == instrument ? "UNKNOWN" : instrument.venue().name())
            .append("\",\"symbol\":\"")
            .append(null == instrument ? "#" + anomaly.instrumentId() : instrument.symbol())
            .append("\",\"type\":\"").append(anomaly.anomalyType())
            .append("\",\"direction\":\"").append(anomaly.direction())
            .append("\",\"score\":").append(number(anomaly.score()))
            .append(",\"price\":\"");
        FixedPoint.appendPlain(out, anomaly.price(), anomaly.priceExponent());
        out.append("\",\"atr\":").append(number(anomaly.atr()))
            .append(",\"volatilityRegime\":\"").append(anomaly.volatilityRegime())
            .append("\",\"trendRegime\":\"").append(anomaly.trendRegime())
            .append("\",\"anomalyId\":").append(anomaly.anomalyId())
            .append(",\"receiveTime\":").append(anomaly.receiveTimeNs())
            .append(",\"features\":{");
        final AnomalyEventDecoder.FeaturesDecoder features = anomaly.features();
        boolean first = true;
        while (features.hasNext())
        {
            features.next();
            if (!first)
            {
                out.append(',');
            }
            first = false;
            out.append('"').append(features.feature().name().toLowerCase(Locale.ROOT)).append("\":")
                .append(number(features.value()));
        }
        out.append("}}");
    }

    private static String number(final double value)
    {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }
}
