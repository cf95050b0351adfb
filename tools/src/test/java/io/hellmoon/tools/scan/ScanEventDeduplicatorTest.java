/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.scan;

import io.hellmoon.sbe.AnomalyEventEncoder;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.RegimeChangeEncoder;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.test.AllocationMeter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScanEventDeduplicatorTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final AnomalyEventEncoder anomaly = new AnomalyEventEncoder();
    private final RegimeChangeEncoder regime = new RegimeChangeEncoder();
    private final List<String> passed = new ArrayList<>();
    private final ScanEventDeduplicator dedup = new ScanEventDeduplicator(
        (b, offset, length) -> passed.add(b.getShort(offset + 2) + ":" + length), 16);

    @Test
    void shouldDropTheSameEventFromAnOverlappingScanner()
    {
        assertEquals(1, send(anomaly(1, 42, AnomalyType.VOLUME_SPIKE, 1_000)));
        assertEquals(0, send(anomaly(2, 42, AnomalyType.VOLUME_SPIKE, 1_000)), "another scanner, same identity");
        assertEquals(1, send(anomaly(2, 42, AnomalyType.BOOK_IMBALANCE, 1_000)), "another type");
        assertEquals(1, send(anomaly(2, 43, AnomalyType.VOLUME_SPIKE, 1_000)), "another instrument");
        assertEquals(1, send(anomaly(2, 42, AnomalyType.VOLUME_SPIKE, 2_000)), "later");
        assertEquals(0, send(anomaly(1, 42, AnomalyType.VOLUME_SPIKE, 2_000)), "the lagging overlap");
        assertEquals(2, dedup.duplicates());
    }

    @Test
    void shouldDropEventsAShardReplaysButPassTwoEventsOfOneScannerAtOneInstant()
    {
        assertEquals(1, send(anomalyWithId(1, 1, 42, AnomalyType.CROSS_SECTIONAL, 5_000)));
        assertEquals(1, send(anomalyWithId(1, 2, 42, AnomalyType.CROSS_SECTIONAL, 5_000)), "same instant, next id");
        assertEquals(0, send(anomalyWithId(1, 1, 42, AnomalyType.CROSS_SECTIONAL, 5_000)), "replayed");
        assertEquals(0, send(anomalyWithId(1, 2, 42, AnomalyType.CROSS_SECTIONAL, 5_000)), "replayed");
        assertEquals(0, send(anomalyWithId(1, 0, 42, AnomalyType.CROSS_SECTIONAL, 4_000)), "older");
    }

    @Test
    void shouldDropARepeatedRegimeChangeAndPassOtherMessages()
    {
        assertEquals(1, send(regimeChange(42, 60_000)));
        assertEquals(0, send(regimeChange(42, 60_000)));
        assertEquals(1, send(regimeChange(42, 120_000)));
        new TradeEncoder().wrapAndApplyHeader(buffer, 0, header).instrumentId(42);
        assertEquals(1, send(MessageHeaderEncoder.ENCODED_LENGTH + TradeEncoder.BLOCK_LENGTH));
        assertEquals(1, send(MessageHeaderEncoder.ENCODED_LENGTH + TradeEncoder.BLOCK_LENGTH), "not an event");
    }

    @Test
    void shouldNotAllocateOnceItsInstrumentsAreKnown()
    {
        final ScanEventDeduplicator quiet = new ScanEventDeduplicator((b, offset, length) -> {}, 1024);
        final int length = anomaly(1, 42, AnomalyType.VOLUME_SPIKE, 1_000);
        final long[] time = {1_000};
        AllocationMeter.assertAllocationFree(10_000, 100_000, () ->
        {
            anomaly.eventTimeNs(++time[0]);
            quiet.onMessage(buffer, 0, length);
        });
    }

    private int send(final int length)
    {
        final int before = passed.size();
        dedup.onMessage(buffer, 0, length);
        return passed.size() - before;
    }

    private int anomaly(final int scannerId, final int instrumentId, final AnomalyType type, final long timeNs)
    {
        return anomalyWithId(scannerId, 1, instrumentId, type, timeNs);
    }

    private int anomalyWithId(
        final int scannerId, final long sequence, final int instrumentId, final AnomalyType type, final long timeNs)
    {
        anomaly.wrapAndApplyHeader(buffer, 0, header)
            .anomalyId(((long)scannerId << 48) | sequence)
            .scannerId(scannerId)
            .instrumentId(instrumentId)
            .anomalyType(type)
            .eventTimeNs(timeNs)
            .featuresCount(0);
        return MessageHeaderEncoder.ENCODED_LENGTH + anomaly.encodedLength();
    }

    private int regimeChange(final int instrumentId, final long timeNs)
    {
        regime.wrapAndApplyHeader(buffer, 0, header).instrumentId(instrumentId).eventTimeNs(timeNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + regime.encodedLength();
    }
}
