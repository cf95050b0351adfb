/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import org.junit.jupiter.api.Test;

import static io.hellmoon.scanner.ScannerFixture.MINUTE;
import static io.hellmoon.scanner.ScannerFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void shouldNotFireForHaltedInstruments()
    {
        final RecordingSink sink = run(ScannerConfiguration.SweepKernel.SCALAR, SEED);
        for (final RecordingSink.Anomaly anomaly : sink.anomalies)
        {
            assertTrue(0 != anomaly.instrumentId() % 13, anomaly::toString);
        }
    }
}
