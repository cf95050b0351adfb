/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.sbe.AnomalyEventDecoder;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.RegimeChangeDecoder;
import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Records the scanner's output: the raw bytes of every message (for byte-for-byte comparisons) and decoded value
 * objects of anomalies and regime changes (for assertions). Allocates; tests only.
 */
final class RecordingSink implements MessageSink
{
    record Anomaly(
        long anomalyId,
        int instrumentId,
        long eventTimeNs,
        long receiveTimeNs,
        long sourcePublishTimeNs,
        long publishTimeNs,
        AnomalyType type,
        Direction direction,
        double score,
        int scannerId,
        VolatilityRegime volatilityRegime,
        TrendRegime trendRegime,
        long price,
        double atr,
        Map<Feature, Double> features)
    {
        double feature(final Feature feature)
        {
            final Double value = features.get(feature);
            if (null == value)
            {
                throw new AssertionError("no feature " + feature + " in " + this);
            }
            return value;
        }
    }

    record RegimeChange(
        int instrumentId,
        long eventTimeNs,
        VolatilityRegime volatilityRegime,
        TrendRegime trendRegime,
        VolatilityRegime previousVolatilityRegime,
        TrendRegime previousTrendRegime,
        Direction trendDirection,
        double confidence,
        double atrRatio,
        double adx,
        double emaDeviation,
        double rangeWidth)
    {
    }

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final AnomalyEventDecoder anomalyDecoder = new AnomalyEventDecoder();
    private final RegimeChangeDecoder regimeDecoder = new RegimeChangeDecoder();
    final List<byte[]> messages = new ArrayList<>();
    final List<Anomaly> anomalies = new ArrayList<>();
    final List<RegimeChange> regimeChanges = new ArrayList<>();

    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        messages.add(bytes);
        decode(new UnsafeBuffer(bytes), 0);
        return true;
    }

    void decode(final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (AnomalyEventDecoder.TEMPLATE_ID == header.templateId())
        {
            final AnomalyEventDecoder d = anomalyDecoder.wrap(buffer, bodyOffset, header.blockLength(),
                header.version());
            final long anomalyId = d.anomalyId();
            final int instrumentId = d.instrumentId();
            final long eventTimeNs = d.eventTimeNs();
            final long receiveTimeNs = d.receiveTimeNs();
            final long sourcePublishTimeNs = d.sourcePublishTimeNs();
            final long publishTimeNs = d.publishTimeNs();
            final AnomalyType type = d.anomalyType();
            final Direction direction = d.direction();
            final double score = d.score();
            final int scannerId = d.scannerId();
            final VolatilityRegime volatilityRegime = d.volatilityRegime();
            final TrendRegime trendRegime = d.trendRegime();
            final long price = d.price();
            final double atr = d.atr();
            final Map<Feature, Double> features = new EnumMap<>(Feature.class);
            for (final AnomalyEventDecoder.FeaturesDecoder f : d.features())
            {
                features.put(f.feature(), f.value());
            }
            anomalies.add(new Anomaly(anomalyId, instrumentId, eventTimeNs, receiveTimeNs, sourcePublishTimeNs,
                publishTimeNs, type, direction, score, scannerId, volatilityRegime, trendRegime, price, atr,
                features));
        }
        else if (RegimeChangeDecoder.TEMPLATE_ID == header.templateId())
        {
            final RegimeChangeDecoder d = regimeDecoder.wrap(buffer, bodyOffset, header.blockLength(),
                header.version());
            regimeChanges.add(new RegimeChange(d.instrumentId(), d.eventTimeNs(), d.volatilityRegime(),
                d.trendRegime(), d.previousVolatilityRegime(), d.previousTrendRegime(), d.trendDirection(),
                d.confidence(), d.atrRatio(), d.adx(), d.emaDeviation(), d.rangeWidth()));
        }
        else
        {
            throw new AssertionError("unexpected template " + header.templateId());
        }
    }

    List<Anomaly> anomalies(final AnomalyType type)
    {
        final List<Anomaly> result = new ArrayList<>();
        for (final Anomaly anomaly : anomalies)
        {
            if (type == anomaly.type())
            {
                result.add(anomaly);
            }
        }
        return result;
    }

    static boolean sameBytes(final List<byte[]> a, final List<byte[]> b)
    {
        if (a.size() != b.size())
        {
            return false;
        }
        for (int i = 0; i < a.size(); i++)
        {
            if (!Arrays.equals(a.get(i), b.get(i)))
            {
                return false;
            }
        }
        return true;
    }

    void clear()
    {
        messages.clear();
        anomalies.clear();
        regimeChanges.clear();
    }
}
