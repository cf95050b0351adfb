/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.sbe.AnomalyEventDecoder;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Records the anomaly events a detector sends: decoded, and as raw bytes for byte-for-byte comparisons.
 */
final class PairEvents implements MessageSink
{
    record Event(
        long anomalyId,
        int instrumentId,
        int relatedInstrumentId,
        long eventTimeNs,
        long receiveTimeNs,
        String type,
        Direction direction,
        double score,
        long price,
        int priceExponent,
        Map<Feature, Double> features)
    {
        double feature(final Feature feature)
        {
            return features.get(feature);
        }

        PairSignal signal(final double entry, final double exit, final double stop)
        {
            final double threshold = feature(Feature.THRESHOLD);
            return threshold == entry ? PairSignal.ENTRY : threshold == exit ? PairSignal.EXIT :
                threshold == stop ? PairSignal.STOP : null;
        }
    }

    final List<Event> events = new ArrayList<>();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final AnomalyEventDecoder decoder = new AnomalyEventDecoder();

    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        bytes.writeBytes(copy);
        decoder.wrapAndApplyHeader(buffer, offset, header);
        final Map<Feature, Double> features = new EnumMap<>(Feature.class);
        final long id = decoder.anomalyId();
        final int instrument = decoder.instrumentId();
        final long eventTime = decoder.eventTimeNs();
        final long receiveTime = decoder.receiveTimeNs();
        final String type = decoder.anomalyType().name();
        final Direction direction = decoder.direction();
        final double score = decoder.score();
        final int exponent = decoder.priceExponent();
        final long price = decoder.price();
        final int related = decoder.relatedInstrumentId();
        for (final AnomalyEventDecoder.FeaturesDecoder f : decoder.features())
        {
            features.put(f.feature(), f.value());
        }
        events.add(new Event(
            id, instrument, related, eventTime, receiveTime, type, direction, score, price, exponent, features));
        return true;
    }
}
