/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.book;

import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.feed.testing.SyntheticDepthCycle;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.AllocationMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(120)
class BookManagerAllocationTest
{
    @Test
    void shouldSyncApplyGapAndResyncWithoutAllocating()
    {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(0);
        final long[] published = new long[1];
        try (BookManager manager = new BookManager(new BookManager.Context()
            .defaultVenue(Venue.BINANCE_SPOT)
            .clock(clock)
            .output((buffer, offset, length) ->
            {
                published[0]++;
                return true;
            })))
        {
            final SyntheticDepthCycle cycle = new SyntheticDepthCycle(3, (buffer, offset, length) ->
            {
                manager.onMessage(buffer, offset, length);
                return true;
            }, clock);
            cycle.start();
            assertEquals(FeedState.LIVE, manager.state(3));

            AllocationMeter.assertAllocationFree(2_000, 2_000, cycle);

            assertEquals(FeedState.LIVE, manager.state(3));
            assertTrue(manager.gaps() >= 4_000, "every cycle went through a gap: " + manager.gaps());
            assertEquals(manager.gaps(), manager.resyncs());
            assertEquals(0, manager.crossedBooks());
            assertTrue(published[0] > 0);
        }
    }
}
