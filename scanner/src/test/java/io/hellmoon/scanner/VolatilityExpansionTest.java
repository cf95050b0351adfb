/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.sbe.Side;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static io.hellmoon.scanner.ScannerFixture.MINUTE;
import static io.hellmoon.scanner.ScannerFixture.MS;
import static io.hellmoon.scanner.ScannerFixture.SECOND;
import static io.hellmoon.scanner.ScannerFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolatilityExpansionTest
{
    private static final int ID = 21;
    private static final double BASIS_POINT = 1e-4;

    private final Random random = new Random(20240808L);
    private ScannerFixture fixture = new ScannerFixture(ScannerFixture.only(AnomalyType.VOLATILITY_EXPANSION));
    private double price = 2_500.0;

    /**
     * A random walk: a trade every 200 ms whose log return is normal with the given drift and deviation.
     *
     * @return the time after the last trade.
     */
    private long walk(final long fromNs, final long toNs, final double driftBps, final double deviationBps)
    {
        long timeNs = fromNs;
        for (; timeNs < toNs; timeNs += 200 * MS)
        {
            price *= Math.exp((driftBps + deviationBps * random.nextGaussian()) * BASIS_POINT);
            fixture.md.trade(ID, timeNs, price, 0.01, random.nextBoolean() ? Side.BUY : Side.SELL);
        }
        return timeNs;
    }

    @Test
    void shouldFireWhenShortHorizonVolatilityExpandsWithTheMovesDirection()
    {
        final long expansionNs = walk(T0, T0 + 20 * MINUTE, 0.0, 1.0);
        walk(expansionNs, expansionNs + 60 * SECOND, 8.0, 10.0);

        final List<RecordingSink.Anomaly> events = fixture.sink.anomalies(AnomalyType.VOLATILITY_EXPANSION);
        assertEquals(1, events.size(), fixture.sink.anomalies::toString);
        final RecordingSink.Anomaly event = events.get(0);
        assertEquals(Direction.UP, event.direction());
        assertTrue(event.eventTimeNs() > expansionNs && event.eventTimeNs() < expansionNs + 5 * SECOND,
            () -> "fired " + (event.eventTimeNs() - expansionNs) / MS + " ms into the expansion");
        assertEquals(0, event.eventTimeNs() % (250 * MS), "a sweep boundary");

        final double ratio = event.feature(Feature.REALISED_VOL_RATIO);
        assertEquals(ratio / 3.0, event.score(), 1e-9);
        assertEquals(event.feature(Feature.REALISED_VOL_SHORT) / event.feature(Feature.REALISED_VOL_LONG), ratio,
            1e-9);
        // Calm: five returns of 1 bp a second, about 2.2 bp per second.
        assertTrue(event.feature(Feature.REALISED_VOL_LONG) > 2 * BASIS_POINT);
        assertTrue(event.feature(Feature.REALISED_VOL_LONG) < 5 * BASIS_POINT);
        assertTrue(event.feature(Feature.RETURN) > 0.0);
        assertEquals(3.0, event.feature(Feature.THRESHOLD));
        assertEquals(0.0, event.feature(Feature.ATR_RATIO), "fewer bars than the long ATR needs");
        assertTrue(event.feature(Feature.ATR) > 0.0, "14 one-minute bars and more");
        assertEquals(event.feature(Feature.ATR), event.atr());
    }

    @Test
    void shouldGiveDownForAFallingExpansion()
    {
        final long expansionNs = walk(T0, T0 + 20 * MINUTE, 0.0, 1.0);
        walk(expansionNs, expansionNs + 10 * SECOND, -8.0, 10.0);

        final List<RecordingSink.Anomaly> events = fixture.sink.anomalies(AnomalyType.VOLATILITY_EXPANSION);
        assertEquals(1, events.size());
        assertEquals(Direction.DOWN, events.get(0).direction());
        assertTrue(events.get(0).feature(Feature.RETURN) < 0.0);
    }

    @Test
    void shouldNotFireOnSteadyVolatility()
    {
        walk(T0, T0 + 40 * MINUTE, 0.0, 1.0);

        assertEquals(List.of(), fixture.sink.anomalies(AnomalyType.VOLATILITY_EXPANSION));
    }

    @Test
    void shouldNotFireOnAnInstrumentThatGoesQuiet()
    {
        final long quietNs = walk(T0, T0 + 20 * MINUTE, 0.0, 1.0);
        // Only another instrument trades now: the sweep decays this one's short variance to nothing.
        for (long timeNs = quietNs; timeNs < quietNs + 10 * MINUTE; timeNs += SECOND)
        {
            fixture.md.trade(ID + 1, timeNs, 10.0, 1.0, Side.BUY);
        }

        assertEquals(List.of(), fixture.sink.anomalies(AnomalyType.VOLATILITY_EXPANSION));
    }

    @Test
    void shouldFireOnAtrExpansionFromFeedBars()
    {
        fixture = new ScannerFixture(ScannerFixture.only(AnomalyType.VOLATILITY_EXPANSION)
            .atrPeriod(3)
            .atrLongPeriod(10)
            .volatilityAtrRatio(1.5)
            .volatilityRatio(1_000.0));

        long openNs = T0;
        for (int i = 0; i < 20; i++, openNs += MINUTE)
        {
            fixture.md.bar(ID, openNs, MINUTE, 100.0, 100.5, 99.5, 100.0, true);
        }
        assertEquals(List.of(), fixture.sink.anomalies);

        for (int i = 0; i < 4; i++, openNs += MINUTE)
        {
            fixture.md.bar(ID, openNs, MINUTE, 100.0, 103.0, 97.0, 100.0, true);
        }

        final List<RecordingSink.Anomaly> events = fixture.sink.anomalies(AnomalyType.VOLATILITY_EXPANSION);
        assertEquals(1, events.size());
        final RecordingSink.Anomaly event = events.get(0);
        assertTrue(event.feature(Feature.ATR_RATIO) > 1.5);
        assertEquals(event.feature(Feature.ATR_RATIO) / 1.5, event.score(), 1e-9);
        assertEquals(Direction.NEUTRAL, event.direction(), "no trades, no move");
    }
}
