/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.sbe.Side;
import io.hellmoon.scanner.pairs.PairsContext;
import io.hellmoon.scanner.pairs.PairsDetector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static io.hellmoon.scanner.ScannerFixture.MS;
import static io.hellmoon.scanner.ScannerFixture.SECOND;
import static io.hellmoon.scanner.ScannerFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pairs detector inside the scanner: configured through {@link ScannerContext#pairs}, fed every trade the core
 * accepts, publishing PAIRS_DIVERGENCE on the scanner's sink with the scanner's id. Leg 2 (id 2) trades at 100 every
 * second, leg 1 (id 1) at {@code 100 exp(u)}, u seeded uniform noise within 1e-3 and then a jump to
 * 1.7e-3, about 2.9 standard deviations; the
 * hedge ratio is pinned (tiny delta and initial variance), so z is u over the window's deviation.
 */
class PairsWiringTest
{
    private static final int LEG1 = 1;
    private static final int LEG2 = 2;

    private static ScannerContext context()
    {
        return ScannerFixture.only().scannerId(7).pairs(new PairsContext()
            .addPair(LEG1, LEG2, 1.0, 0.0)
            .sampleIntervalNs(SECOND)
            .lookback(100)
            .warmup(0)
            .kalmanDelta(1e-9)
            .kalmanInitialVariance(1e-12));
    }

    private static long run(final ScannerFixture fixture, final int seconds, final double jumpSigmas)
    {
        final Random random = new Random(11);
        long timeNs = T0;
        for (int s = 0; s < seconds; s++, timeNs += SECOND)
        {
            // Uniform noise (deviation 1 / sqrt(3) of 1e-3) never reaches the entry level by itself.
            final double u = 1e-3 * (s == seconds - 1 ? jumpSigmas : 2.0 * random.nextDouble() - 1.0);
            fixture.md.trade(LEG2, timeNs + 100 * MS, 100.0, 1.0, Side.BUY);
            fixture.md.trade(LEG1, timeNs + 200 * MS, 100.0 * Math.exp(u), 1.0, Side.SELL);
        }
        return timeNs;
    }

    @Test
    void shouldPublishPairsDivergenceFromTheScannersTrades()
    {
        final ScannerFixture fixture = new ScannerFixture(context());
        assertNotNull(fixture.scanner.pairsDetector());

        run(fixture, 150, 1.7);

        final List<RecordingSink.Anomaly> events = fixture.sink.anomalies(AnomalyType.PAIRS_DIVERGENCE);
        assertEquals(1, events.size(), fixture.sink.anomalies::toString);
        final RecordingSink.Anomaly entry = events.get(0);
        assertEquals(LEG1, entry.instrumentId());
        assertEquals(7, entry.scannerId());
        assertEquals(7L << 48 | PairsDetector.ID_MARKER, entry.anomalyId() & ~((1L << 47) - 1), "the pairs' id space");
        assertEquals(Direction.UP, entry.direction(), "leg 1 rich: the spread is sold");
        assertTrue(entry.feature(Feature.Z_SCORE) > 2.0, entry::toString);
        assertEquals(T0 + 149 * SECOND + 200 * MS, entry.eventTimeNs(), "the triggering trade's event time");
    }

    @Test
    void shouldFollowTheScannersEnabledSwitch()
    {
        final ScannerFixture fixture = new ScannerFixture(context().enabled(false));

        run(fixture, 150, 4.0);

        assertEquals(List.of(), fixture.sink.anomalies);
        fixture.scanner.enabled(true);
        assertTrue(fixture.scanner.pairsDetector().enabled());
    }

    @Test
    void shouldRunNoPairsDetectorWithoutPairs()
    {
        final ScannerFixture fixture = new ScannerFixture(ScannerFixture.only());

        run(fixture, 150, 4.0);

        assertNull(fixture.scanner.pairsDetector());
        assertEquals(List.of(), fixture.sink.anomalies);
        assertNotEquals(0, fixture.scanner.messagesIn());
    }
}
