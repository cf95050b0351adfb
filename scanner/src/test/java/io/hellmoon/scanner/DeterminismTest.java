/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.feed.synthetic.SyntheticMarket;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Feature;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.hellmoon.scanner.ScannerFixture.MINUTE;
import static io.hellmoon.scanner.ScannerFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterminismTest
{
    private static final long SEED = 0x48454C4CL;
    private static final int INSTRUMENTS = 37;

    private static RecordingSink run(final ScannerConfiguration.SweepKernel kernel, final long seed)
    {
        final ScannerFixture fixture = new ScannerFixture(new ScannerContext().sweepKernel(kernel));
        final RandomMarket market = new RandomMarket(fixture.md, seed, INSTRUMENTS);
        market.start(T0);
        market.run(T0, 40 * MINUTE);
        fixture.scanner.close();
        return fixture.sink;
    }

    @Test
    void shouldProduceByteIdenticalOutputFromTheSameInput()
    {
        final RecordingSink first = run(ScannerConfiguration.SweepKernel.SCALAR, SEED);
        final RecordingSink second = run(ScannerConfiguration.SweepKernel.SCALAR, SEED);
        System.out.println("determinism: " + first.messages.size() + " messages, " +
            first.anomalies(AnomalyType.VOLUME_SPIKE).size() + " volume spikes, " +
            first.anomalies(AnomalyType.BOOK_IMBALANCE).size() + " book imbalances, " +
            first.anomalies(AnomalyType.VOLATILITY_EXPANSION).size() + " volatility expansions, " +
            first.regimeChanges.size() + " regime changes");

        assertTrue(first.anomalies(AnomalyType.VOLUME_SPIKE).size() > 5, () -> "spikes " + first.anomalies.size());
        assertTrue(first.anomalies(AnomalyType.BOOK_IMBALANCE).size() > 5);
        assertTrue(first.anomalies(AnomalyType.VOLATILITY_EXPANSION).size() > 5);
        assertTrue(first.regimeChanges.size() >= INSTRUMENTS - INSTRUMENTS / 13, "a first regime per instrument");
        assertEquals(first.messages.size(), second.messages.size());
        assertTrue(RecordingSink.sameBytes(first.messages, second.messages));
    }

    @Test
    void shouldProduceTheSameOutputWithTheScalarAndTheVectorKernel()
    {
        final RecordingSink scalar = run(ScannerConfiguration.SweepKernel.SCALAR, SEED + 1);
        final RecordingSink vector = run(ScannerConfiguration.SweepKernel.VECTOR, SEED + 1);

        assertTrue(scalar.anomalies(AnomalyType.BOOK_IMBALANCE).size() > 5);
        assertTrue(scalar.anomalies(AnomalyType.VOLATILITY_EXPANSION).size() > 5);
        assertEquals(scalar.messages.size(), vector.messages.size());
        assertTrue(RecordingSink.sameBytes(scalar.messages, vector.messages));
    }

    @Test
    void shouldProduceByteIdenticalOutputFromTheSameSyntheticFeed()
    {
        final RecordingSink first = syntheticRun(ScannerConfiguration.SweepKernel.VECTOR);
        final RecordingSink second = syntheticRun(ScannerConfiguration.SweepKernel.VECTOR);
        final RecordingSink scalar = syntheticRun(ScannerConfiguration.SweepKernel.SCALAR);
        final Set<AnomalyType> types = EnumSet.noneOf(AnomalyType.class);
        first.anomalies.forEach(anomaly -> types.add(anomaly.type()));
        System.out.println("determinism, synthetic feed: " + first.messages.size() + " messages of types " + types);

        assertTrue(types.size() >= 6, types::toString);
        assertEquals(first.messages.size(), second.messages.size());
        assertTrue(RecordingSink.sameBytes(first.messages, second.messages));
        assertEquals(first.messages.size(), scalar.messages.size());
        assertTrue(RecordingSink.sameBytes(first.messages, scalar.messages));
    }

    @Test
    void shouldRankEveryCrossSectionalEventWithinItsCrossSection()
    {
        final RecordingSink sink = syntheticRun(ScannerConfiguration.SweepKernel.VECTOR, 60);
        final List<RecordingSink.Anomaly> events = sink.anomalies(AnomalyType.CROSS_SECTIONAL);
        assertFalse(events.isEmpty(), "cross-sectional events on the synthetic market");
        for (final RecordingSink.Anomaly event : events)
        {
            final double rank = event.feature(Feature.RANK);
            final double size = event.feature(Feature.CROSS_SECTION_SIZE);
            assertTrue(rank >= 1 && rank <= size && size <= 60, event::toString);
            // An event needs |z| beyond its threshold, so at most the few largest movers of a sweep can fire.
            assertTrue(Math.abs(event.feature(Feature.Z_SCORE)) > event.feature(Feature.THRESHOLD), event::toString);
        }
    }

    /**
     * Synthetic instruments (twenty unless given) with every kind of injected anomaly, through the real feed path, for
     * 40 minutes.
     */
    private static RecordingSink syntheticRun(final ScannerConfiguration.SweepKernel kernel)
    {
        return syntheticRun(kernel, 20);
    }

    private static RecordingSink syntheticRun(final ScannerConfiguration.SweepKernel kernel, final int instruments)
    {
        final RecordingSink sink = new RecordingSink();
        final SyntheticMarket.Context marketCtx = new SyntheticMarket.Context()
            .instrumentCount(instruments)
            .seed(SEED)
            .messageRate(120.0)
            .historyBars(150)
            .anomalyWarmUpNs(10 * MINUTE)
            .anomalyRatePerInstrumentHour(6.0);
        try (SyntheticFeedRun run = new SyntheticFeedRun(marketCtx, new ScannerContext().sweepKernel(kernel), sink))
        {
            run.run(run.market.context().startTimeNs() + 40 * MINUTE);
        }
        return sink;
    }

    @Test
    void shouldNotFireForHaltedInstruments()
    {
        final RecordingSink sink = run(ScannerConfiguration.SweepKernel.SCALAR, SEED);
        for (final RecordingSink.Anomaly anomaly : sink.anomalies)
        {
            assertTrue(0 != anomaly.instrumentId() % 13, anomaly::toString);
        }
    }
}
