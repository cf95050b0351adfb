/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Feature;
import io.hellmoon.sbe.FeedState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hellmoon.scanner.ScannerFixture.MS;
import static io.hellmoon.scanner.ScannerFixture.SECOND;
import static io.hellmoon.scanner.ScannerFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookImbalanceTest
{
    private static final int ID = 11;
    private static final double MID = 100.0;
    private static final int LEVELS = 10;
    private static final long BOOK_INTERVAL_NS = 100 * MS;

    private final ScannerFixture fixture = new ScannerFixture(ScannerFixture.only(AnomalyType.BOOK_IMBALANCE));

    /**
     * Books every 100 ms from {@code fromNs} to {@code toNs} with the given sizes per level.
     *
     * @return the time after the last book.
     */
    private long books(final long fromNs, final long toNs, final double bidSize, final double askSize)
    {
        long timeNs = fromNs;
        for (; timeNs < toNs; timeNs += BOOK_INTERVAL_NS)
        {
            fixture.md.book(ID, timeNs, MID, LEVELS, bidSize, askSize);
        }
        return timeNs;
    }

    /**
     * With books every 100 ms and the default 3 s window, each book moves the time-weighted average by
     * a = 0.1 / 3.1 of the way to the imbalance that stood: from 0 to beyond 0.6 under a steady 0.8 takes
     * ln(0.25) / ln(1 - a) = 42 books, 4.2 s.
     */
    @Test
    void shouldFireOnSustainedImbalance()
    {
        final long imbalanceStartNs = books(T0, T0 + 10 * SECOND, 10.0, 10.0);
        books(imbalanceStartNs, imbalanceStartNs + 8 * SECOND, 90.0, 10.0);

        final List<RecordingSink.Anomaly> events = fixture.sink.anomalies(AnomalyType.BOOK_IMBALANCE);
        assertEquals(1, events.size(), fixture.sink.anomalies::toString);
        final RecordingSink.Anomaly event = events.get(0);
        assertEquals(Direction.UP, event.direction());
        assertTrue(event.eventTimeNs() >= imbalanceStartNs + 4 * SECOND, () -> "" + event);
        assertTrue(event.eventTimeNs() <= imbalanceStartNs + 4_500 * MS, () -> "" + event);
        assertEquals(0, event.eventTimeNs() % (250 * MS), "a sweep boundary");
        final double average = event.feature(Feature.IMBALANCE);
        assertTrue(average > 0.6 && average < 0.8, () -> "time-weighted, below the instantaneous 0.8: " + average);
        assertEquals(average / 0.6, event.score(), 1e-9);
        assertEquals((event.eventTimeNs() - T0) / 1e6, event.feature(Feature.DURATION_MS), 1e-6, "live since T0");
        assertEquals(0.6, event.feature(Feature.THRESHOLD));
        // Levels are one cent apart below and above the mid: sum of (100 -/+ 0.01 i) for i = 1..10 is 1000 -/+ 0.55.
        assertEquals(90.0 * (LEVELS * MID - 0.55), event.feature(Feature.BID_DEPTH), 1e-6);
        assertEquals(10.0 * (LEVELS * MID + 0.55), event.feature(Feature.ASK_DEPTH), 1e-6);
        assertEquals(2.0, event.feature(Feature.SPREAD_BPS), 1e-6);
        assertEquals(MarketData.mantissa(MID), event.price());
        assertTrue(Double.isNaN(event.atr()));
    }

    @Test
    void shouldFireDownOnAskHeavyBook()
    {
        books(T0, T0 + 8 * SECOND, 10.0, 70.0);

        final List<RecordingSink.Anomaly> events = fixture.sink.anomalies(AnomalyType.BOOK_IMBALANCE);
        assertEquals(1, events.size());
        assertEquals(Direction.DOWN, events.get(0).direction());
        assertTrue(events.get(0).feature(Feature.IMBALANCE) < -0.6);
    }

    @Test
    void shouldNotFireOnBalancedOrBriefOrMildImbalance()
    {
        long timeNs = books(T0, T0 + 30 * SECOND, 10.0, 10.0);
        timeNs = books(timeNs, timeNs + 1_500 * MS, 90.0, 10.0);
        timeNs = books(timeNs, timeNs + 10 * SECOND, 10.0, 10.0);
        books(timeNs, timeNs + 30 * SECOND, 35.0, 10.0);

        assertEquals(List.of(), fixture.sink.anomalies);
    }

    @Test
    void shouldAverageOutAnImbalanceThatChangesSide()
    {
        long timeNs = books(T0, T0 + 1_500 * MS, 90.0, 10.0);
        timeNs = books(timeNs, timeNs + 1_500 * MS, 10.0, 90.0);
        assertEquals(List.of(), fixture.sink.anomalies);

        books(timeNs, timeNs + 6 * SECOND, 10.0, 90.0);
        assertEquals(1, fixture.sink.anomalies.size());
        assertEquals(Direction.DOWN, fixture.sink.anomalies.get(0).direction());
    }

    @Test
    void shouldIgnoreBooksWhileTheFeedIsNotLive()
    {
        fixture.md.feedStatus(ID, T0, FeedState.SYNCING);
        final long timeNs = books(T0 + MS, T0 + 10 * SECOND, 90.0, 10.0);
        assertEquals(List.of(), fixture.sink.anomalies);
        assertEquals(100, fixture.scanner.booksIgnoredCount());

        fixture.md.feedStatus(ID, timeNs, FeedState.LIVE);
        books(timeNs + MS, timeNs + 8 * SECOND, 90.0, 10.0);

        final List<RecordingSink.Anomaly> events = fixture.sink.anomalies(AnomalyType.BOOK_IMBALANCE);
        assertEquals(1, events.size());
        assertTrue(events.get(0).eventTimeNs() >= timeNs + 4 * SECOND);
    }

    @Test
    void shouldForgetTheImbalanceWhenTheFeedStopsBeingLive()
    {
        fixture.md.feedStatus(ID, T0, FeedState.LIVE);
        long timeNs = books(T0 + MS, T0 + 1_500 * MS, 90.0, 10.0);
        fixture.md.feedStatus(ID, timeNs, FeedState.RESYNCING);
        timeNs = books(timeNs + MS, timeNs + 2 * SECOND, 90.0, 10.0);
        fixture.md.feedStatus(ID, timeNs, FeedState.LIVE);
        // 1.5 s + 3 s of 0.8 would average 0.62 and fire; 3 s alone averages 0.5.
        timeNs = books(timeNs + MS, timeNs + 3 * SECOND, 90.0, 10.0);
        assertEquals(List.of(), fixture.sink.anomalies, "the average restarts when the book is live again");

        books(timeNs, timeNs + 3 * SECOND, 90.0, 10.0);
        assertEquals(1, fixture.sink.anomalies.size());
    }

    @Test
    void shouldNotCountBooksThinnerThanTheMinimumDepth()
    {
        books(T0, T0 + 10 * SECOND, 0.9, 0.1);

        assertEquals(List.of(), fixture.sink.anomalies);
    }

    @Test
    void shouldFireOncePerImbalanceAndAgainAfterItClearedAndTheCooldownPassed()
    {
        long timeNs = books(T0, T0 + 60 * SECOND, 90.0, 10.0);
        assertEquals(1, fixture.sink.anomalies.size(), "no dip below the re-arm level, no second event");

        timeNs = books(timeNs, timeNs + 5 * SECOND, 10.0, 10.0);
        books(timeNs, timeNs + 6 * SECOND, 90.0, 10.0);
        assertEquals(2, fixture.sink.anomalies(AnomalyType.BOOK_IMBALANCE).size());
    }

    @Test
    void shouldKeepTheCooldownAfterADip()
    {
        long timeNs = books(T0, T0 + 6 * SECOND, 90.0, 10.0);
        assertEquals(1, fixture.sink.anomalies.size());
        timeNs = books(timeNs, timeNs + 4 * SECOND, 10.0, 10.0);
        timeNs = books(timeNs, timeNs + 6 * SECOND, 90.0, 10.0);
        assertEquals(1, fixture.sink.anomalies.size(), "dipped, but within the 30 s cooldown");

        books(timeNs, T0 + 40 * SECOND, 90.0, 10.0);
        assertEquals(2, fixture.sink.anomalies.size(), "dipped earlier and the cooldown is over");
    }
}
