/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.AllocationMeter;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.concurrent.TimeUnit;

import static io.hellmoon.scanner.ScannerFixture.MS;
import static io.hellmoon.scanner.ScannerFixture.SECOND;
import static io.hellmoon.scanner.ScannerFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the tick path and the sweep allocation free after warm-up, with 10,000 instruments in the arrays.
 */
class AllocationTest
{
    private static final int INSTRUMENTS = 10_000;
    private static final int BATCH = 1_000;
    private static final int STRIDE = 7_919;

    /**
     * Counts what the scanner publishes without keeping it.
     */
    private static final class CountingSink implements MessageSink
    {
        long messages;

        public boolean offer(final DirectBuffer buffer, final int offset, final int length)
        {
            messages++;
            return true;
        }
    }

    private final CountingSink sink = new CountingSink();
    private HellmoonScanner scanner;
    private MarketData md;
    private long timeNs = T0;
    private int next;

    private void warmUp(final ScannerConfiguration.SweepKernel kernel)
    {
        scanner = new HellmoonScanner(
            new ScannerContext().sweepKernel(kernel).clock(new ManualEpochNanoClock(T0)), sink);
        md = new MarketData(scanner);
        for (int id = 1; id <= INSTRUMENTS; id++)
        {
            md.definition(id, Venue.BINANCE_USDM, InstrumentStatus.TRADING);
            md.feedStatus(id, T0, FeedState.LIVE);
        }
        assertEquals(INSTRUMENTS, scanner.instrumentCount());
        assertEquals(INSTRUMENTS, scanner.capacity(), "no growth: the default capacity");

        // Three minutes of market: every instrument trades every 2 s and shows its book every 5 s.
        for (int step = 0; step < 1_800; step++, timeNs += 100 * MS)
        {
            for (int i = 0; i < INSTRUMENTS / 20; i++)
            {
                final int id = 1 + (step * (INSTRUMENTS / 20) + i) % INSTRUMENTS;
                md.trade(id, timeNs, price(id), 0.01, 0 == (i & 1) ? Side.BUY : Side.SELL);
                if (0 == i % 3)
                {
                    md.book(id, timeNs, price(id), 5, 1.0, 1.0);
                }
            }
        }
    }

    private static double price(final int id)
    {
        return 10.0 + id * 0.5;
    }

    /**
     * A thousand messages a millisecond apart across the universe (four sweeps), with a burst on one instrument and
     * a lasting imbalance on another, so events are encoded and published too.
     */
    private void tickBatch()
    {
        for (int i = 0; i < BATCH; i++)
        {
            timeNs += MS;
            next = (next + STRIDE) % INSTRUMENTS;
            final int id = next + 1;
            final double wiggle = 0 == (i & 1) ? 1.0 : 1.0005;
            switch (i & 7)
            {
                case 0:
                    md.book(id, timeNs, price(id), 5, 1.0, 1.2);
                    break;
                case 1:
                    md.bbo(id, 0 == (i & 8) ? timeNs : Long.MIN_VALUE, price(id) * 0.999, price(id) * 1.001);
                    break;
                case 2:
                    md.trade(1 + (int)((timeNs / SECOND) % INSTRUMENTS), timeNs, 50.0, 5_000.0, Side.BUY);
                    break;
                case 3:
                    md.book(2, timeNs, price(2), 5, 9.0, 1.0);
                    break;
                default:
                    md.trade(id, timeNs, price(id) * wiggle, 0.01, 0 == (i & 16) ? Side.BUY : Side.SELL);
                    break;
            }
        }
    }

    private void sweepStep()
    {
        timeNs += 250 * MS;
        next = (next + STRIDE) % INSTRUMENTS;
        md.trade(next + 1, timeNs, price(next + 1), 0.01, Side.BUY);
    }

    @ParameterizedTest
    @EnumSource(value = ScannerConfiguration.SweepKernel.class, names = { "SCALAR", "VECTOR" })
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldNotAllocatePerTick(final ScannerConfiguration.SweepKernel kernel)
    {
        warmUp(kernel);
        final long sweepsBefore = scanner.sweepCount();
        final long messagesBefore = sink.messages;

        AllocationMeter.assertAllocationFree(300, 50, this::tickBatch);

        assertTrue(scanner.sweepCount() - sweepsBefore >= 4 * 350, "the batches ran sweeps");
        assertTrue(sink.messages > messagesBefore, "and published events");
        assertEquals(INSTRUMENTS, scanner.capacity());
    }

    @ParameterizedTest
    @EnumSource(value = ScannerConfiguration.SweepKernel.class, names = { "SCALAR", "VECTOR" })
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldNotAllocatePerSweep(final ScannerConfiguration.SweepKernel kernel)
    {
        warmUp(kernel);
        final long sweepsBefore = scanner.sweepCount();

        AllocationMeter.assertAllocationFree(5_000, 500, this::sweepStep);

        assertTrue(scanner.sweepCount() - sweepsBefore >= 5_500);
    }
}
