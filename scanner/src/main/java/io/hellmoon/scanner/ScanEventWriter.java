/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.sbe.AnomalyEventEncoder;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.RegimeChangeEncoder;
import io.hellmoon.scanner.indicators.TimeframeBars;
import io.hellmoon.scanner.regime.RegimeResult;
import io.hellmoon.scanner.regime.RegimeTracker;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteBuffer;

/**
 * Encodes the scan stream's messages into one reusable buffer and offers them to the sink.
 * <p>
 * Anomaly ids are {@code scannerId << 48 | sequence}, the sequence counting from 1 per scanner, so ids are unique
 * across shards and the same input gives the same ids. Every event carries the timestamps of the message that
 * triggered it ({@link #triggeredBy(long, long, long)}), the instrument's current regimes, reference price and the
 * ATR of the regime timeframe; {@code relatedInstrumentId} is 0 (only pairs anomalies name a second instrument).
 * While anomalies are disabled {@link #beginAnomaly} returns false and nothing is encoded or sequenced; regime
 * changes are always published.
 */
final class ScanEventWriter
{
    static final int SEQUENCE_BITS = 48;
    private static final int BUFFER_LENGTH = 4096;

    private final MessageSink sink;
    private final EpochNanoClock clock;
    private final long idBase;
    private final InstrumentTable table;
    private final TimeframeBars bars;
    private final RegimeTracker regimes;
    private final AtomicCounter anomalies;
    private final AtomicCounter regimeChanges;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(BUFFER_LENGTH));
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final AnomalyEventEncoder anomalyEncoder = new AnomalyEventEncoder();
    private final RegimeChangeEncoder regimeEncoder = new RegimeChangeEncoder();
    private final int scannerId;
    private AnomalyEventEncoder.FeaturesEncoder features;
    private long sequence;
    private long eventTimeNs;
    private long receiveTimeNs;
    private long sourcePublishTimeNs;
    private boolean anomaliesEnabled;

    ScanEventWriter(
        final MessageSink sink,
        final EpochNanoClock clock,
        final int scannerId,
        final InstrumentTable table,
        final TimeframeBars bars,
        final RegimeTracker regimes,
        final AtomicCounter anomalies,
        final AtomicCounter regimeChanges,
        final boolean anomaliesEnabled)
    {
        this.sink = sink;
        this.clock = clock;
        this.scannerId = scannerId;
        this.idBase = (long)scannerId << SEQUENCE_BITS;
        this.table = table;
        this.bars = bars;
        this.regimes = regimes;
        this.anomalies = anomalies;
        this.regimeChanges = regimeChanges;
        this.anomaliesEnabled = anomaliesEnabled;
    }

    void anomaliesEnabled(final boolean enabled)
    {
        anomaliesEnabled = enabled;
    }

    boolean anomaliesEnabled()
    {
        return anomaliesEnabled;
    }

    /**
     * Timestamps for the events that follow: the triggering message's event (or fallback) time, its receive time
     * and its publish time.
     */
    void triggeredBy(final long eventTimeNs, final long receiveTimeNs, final long sourcePublishTimeNs)
    {
        this.eventTimeNs = eventTimeNs;
        this.receiveTimeNs = receiveTimeNs;
        this.sourcePublishTimeNs = sourcePublishTimeNs;
    }

    /**
     * Override the event time of the events that follow, e.g. with the sweep's time.
     */
    void eventTimeNs(final long eventTimeNs)
    {
        this.eventTimeNs = eventTimeNs;
    }

    /**
     * Start an anomaly event; follow with exactly {@code featureCount} calls of {@link #feature(Feature, double)}
     * and then {@link #commitAnomaly()}.
     *
     * @return false if anomalies are disabled: then encode nothing.
     */
    boolean beginAnomaly(
        final int slot,
        final AnomalyType type,
        final Direction direction,
        final double score,
        final int featureCount)
    {
        if (!anomaliesEnabled)
        {
            return false;
        }

        final int priceExponent = table.priceExponent[slot];
        final double atr = bars.bars(slot) >= bars.atrPeriod() ? bars.atr(slot) : Double.NaN;
        anomalyEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .anomalyId(idBase | (++sequence & ((1L << SEQUENCE_BITS) - 1)))
            .instrumentId(table.instrumentId[slot])
            .eventTimeNs(InstrumentTable.NO_TIME == eventTimeNs ?
                AnomalyEventEncoder.eventTimeNsNullValue() : eventTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .sourcePublishTimeNs(sourcePublishTimeNs)
            .publishTimeNs(clock.nanoTime())
            .anomalyType(type)
            .direction(direction)
            .score(score)
            .scannerId(scannerId)
            .volatilityRegime(regimes.volatilityRegime(slot))
            .trendRegime(regimes.trendRegime(slot))
            .priceExponent((byte)priceExponent)
            .price(Decimals.toMantissa(table.referencePrice(slot), priceExponent))
            .atr(atr)
            .relatedInstrumentId(InstrumentRegistry.NULL_INSTRUMENT_ID);
        features = anomalyEncoder.featuresCount(featureCount);
        return true;
    }

    void feature(final Feature feature, final double value)
    {
        features.next().feature(feature).value(value);
    }

    void commitAnomaly()
    {
        sink.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + anomalyEncoder.encodedLength());
        anomalies.incrementRelease();
    }

    /**
     * Publish a regime change of a slot: the tracker holds the current and previous regimes, the result the rest.
     */
    void regimeChange(final int slot, final RegimeResult result)
    {
        regimeEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(table.instrumentId[slot])
            .eventTimeNs(InstrumentTable.NO_TIME == eventTimeNs ?
                RegimeChangeEncoder.eventTimeNsNullValue() : eventTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .sourcePublishTimeNs(sourcePublishTimeNs)
            .publishTimeNs(clock.nanoTime())
            .volatilityRegime(regimes.volatilityRegime(slot))
            .trendRegime(regimes.trendRegime(slot))
            .previousVolatilityRegime(regimes.previousVolatilityRegime(slot))
            .previousTrendRegime(regimes.previousTrendRegime(slot))
            .trendDirection(result.trendDirection())
            .confidence(result.confidence())
            .atrRatio(result.atrRatio())
            .adx(result.adx())
            .emaDeviation(result.emaDeviation())
            .rangeWidth(result.rangeWidth());
        sink.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + regimeEncoder.encodedLength());
        regimeChanges.incrementRelease();
    }
}
