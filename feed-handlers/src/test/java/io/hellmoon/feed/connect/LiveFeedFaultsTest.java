/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.feed.replay.MarketDataSummary;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.feed.sim.FaultSpec;
import io.hellmoon.feed.sim.SimExchange;
import io.hellmoon.feed.sim.SimVenue;
import io.hellmoon.feed.testing.ReferenceRebuild;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.TestData;
import org.agrona.concurrent.EpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fault of the exchange simulator against the assembled {@link LiveFeed}, over real loopback sockets: the feed
 * notices it (reconnects, heartbeat timeouts and stale periods, gaps and resyncs, decode errors, 429/418 back-off)
 * and recovers to books that are LIVE, or equal to an independent rebuild of the capture.
 * <p>
 * Timed faults (disconnects, stalls) run on a manual simulator clock that the test advances at about real pace, so
 * they happen exactly where the test puts them: the timeline starts when the feed subscribes, and the clock is held
 * short of the next fault until the feed has recovered from the last one.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LiveFeedFaultsTest
{
    private static final int INSTRUMENTS = 3;
    private static final long START_NS = TimeUnit.DAYS.toNanos(20_000);
    private static final long STEP_NS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final String USDM_BTC = "binance/captures/usdm/btcusdt_20240808.gz";

    private final StreamLog log = new StreamLog();
    private final MarketDataSummary summary = new MarketDataSummary().includeConnectionTotals(true);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Long> eventTimesNs = new CopyOnWriteArrayList<>();
    private final AtomicLong messages = new AtomicLong();
    private SimExchange sim;
    private LiveFeed feed;

    @AfterEach
    void close()
    {
        if (null != feed)
        {
            feed.close();
        }
        if (null != sim)
        {
            sim.close();
        }
    }

    @Test
    void shouldReconnectAndResyncAfterEveryDisconnect() throws Exception
    {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(START_NS);
        sim = SimExchange.launch(synthetic(clock).faults(FaultSpec.parse("disconnect-every=2s")));
        start(profile(), sim.symbols());
        await(sim::isTimelineStarted, "the timeline");

        advanceUntil(clock, START_NS + ms(1_900), () -> log.count("LIVE SNAPSHOT_APPLIED") == INSTRUMENTS, "LIVE");
        advanceUntil(clock, START_NS + ms(3_900), () -> log.count("LIVE SNAPSHOT_APPLIED") == 2 * INSTRUMENTS,
            "LIVE after the first disconnect");
        advanceUntil(clock, START_NS + ms(5_900), () -> log.count("LIVE SNAPSHOT_APPLIED") == 3 * INSTRUMENTS,
            "LIVE after the second disconnect");
        feed.stop().get(10, TimeUnit.SECONDS);

        assertEquals(2, sim.counters().get("fault disconnects"));
        for (final int id : log.instrumentIds())
        {
            assertEquals(List.of("SYNCING STARTED", "LIVE SNAPSHOT_APPLIED",
                "STALE DISCONNECTED", "RESYNCING RECONNECTED", "LIVE SNAPSHOT_APPLIED",
                "STALE DISCONNECTED", "RESYNCING RECONNECTED", "LIVE SNAPSHOT_APPLIED"), log.statuses(id), "" + id);
            assertTrue(log.noLevelsWhileNotLive(id), "no BookLevels between STALE and LIVE");
        }
        assertEquals(2, summary.reconnects());
        assertEquals(2 * INSTRUMENTS, summary.stalePeriods());
        assertEquals(2 * INSTRUMENTS, summary.resyncs());
        assertClean();
    }

    @Test
    void shouldDeclareAStalledConnectionSilentAndResyncWhenDataFlowsAgain() throws Exception
    {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(START_NS);
        sim = SimExchange.launch(synthetic(clock).faults(FaultSpec.parse("stall-every=3s,stall-length=1500ms")));
        start(profile().heartbeatIdleNs(ms(200)).heartbeatTimeoutNs(ms(800)), sim.symbols());
        await(sim::isTimelineStarted, "the timeline");

        advanceUntil(clock, START_NS + ms(2_900), () -> log.count("LIVE SNAPSHOT_APPLIED") == INSTRUMENTS, "LIVE");
        // Through the stall (pings unanswered) at the pace of real time, then until every book is LIVE again.
        advanceUntil(clock, START_NS + ms(5_900), () -> log.count("LIVE SNAPSHOT_APPLIED") == 2 * INSTRUMENTS &&
            sim.counters().get("fault stalls") == 1, "LIVE after the stall");
        feed.stop().get(10, TimeUnit.SECONDS);

        assertTrue(events.stream().anyMatch((e) -> e.startsWith("HEARTBEAT_TIMEOUT")), events.toString());
        for (final int id : log.instrumentIds())
        {
            final List<String> statuses = log.statuses(id);
            assertEquals(List.of("SYNCING STARTED", "LIVE SNAPSHOT_APPLIED", "STALE HEARTBEAT_TIMEOUT"),
                statuses.subList(0, 3), "" + id);
            assertEquals("LIVE SNAPSHOT_APPLIED", statuses.get(statuses.size() - 1), statuses.toString());
            assertTrue(log.noLevelsWhileNotLive(id), "no BookLevels between STALE and LIVE");
        }
        assertTrue(summary.reconnects() >= 1, "the silent connection was replaced");
        assertTrue(summary.stalePeriods() >= INSTRUMENTS, "stale periods " + summary.stalePeriods());
        assertTrue(summary.resyncs() >= INSTRUMENTS, "resyncs " + summary.resyncs());
        assertClean();
    }

    @Test
    void shouldResyncAfterEveryDroppedDiffToTheRebuiltBook() throws Exception
    {
        sim = SimExchange.launch(replay(USDM_BTC).faults(FaultSpec.parse("drop-diff-every=700")));
        start(profile(), List.of("BTCUSDT"));
        awaitEndOfCapture();

        final long dropped = sim.counters().get("fault diffs dropped");
        assertTrue(dropped >= 9, "diffs dropped " + dropped);
        assertEquals(dropped, summary.gaps(), "every dropped diff is a gap");
        // A drop while a resync's snapshot is pending is one more gap in the buffered diffs, healed by that resync.
        assertTrue(summary.resyncs() >= 1 && summary.resyncs() <= dropped, "resyncs " + summary.resyncs());
        assertEquals(0, summary.reconnects());
        assertEquals(0, summary.crossedBooks());
        assertEquals(0, summary.decodeErrors());
        assertEquals(rebuild(USDM_BTC), finals(), "final book and last trade");
    }

    @Test
    void shouldCountGarbageAsDecodeErrorsAndKeepTheBook() throws Exception
    {
        sim = SimExchange.launch(replay(USDM_BTC).faults(FaultSpec.parse("garbage-every=50")));
        start(profile(), List.of("BTCUSDT"));
        awaitEndOfCapture();

        final long garbage = sim.counters().get("fault garbage frames");
        assertTrue(garbage > 1_000, "garbage frames " + garbage);
        assertEquals(garbage, summary.decodeErrors(), "every malformed frame counted");
        assertEquals(0, summary.gaps());
        assertEquals(0, summary.resyncs());
        assertEquals(0, summary.reconnects());
        assertEquals(0, summary.crossedBooks());
        assertEquals(rebuild(USDM_BTC), finals(), "final book and last trade");
    }

    @Test
    void shouldBufferDiffsThroughASlowSnapshot() throws Exception
    {
        final long slowNs = ms(800);
        sim = SimExchange.launch(synthetic(new RealTimeClock())
            .faults(FaultSpec.parse("slow-snapshot=800ms")));
        start(profile(), sim.symbols());
        await(() -> log.count("LIVE SNAPSHOT_APPLIED") == INSTRUMENTS, "LIVE");
        feed.stop().get(10, TimeUnit.SECONDS);

        assertEquals(INSTRUMENTS, sim.counters().get("fault slow snapshots"));
        for (final int id : log.instrumentIds())
        {
            assertEquals(List.of("SYNCING STARTED", "LIVE SNAPSHOT_APPLIED"), log.statuses(id));
            final long syncNs = log.timeOf(id, "LIVE SNAPSHOT_APPLIED") - log.timeOf(id, "SYNCING STARTED");
            assertTrue(syncNs >= slowNs, "LIVE " + syncNs / 1_000_000 + " ms after SYNCING");
        }
        assertEquals(0, summary.gaps());
        assertEquals(0, summary.resyncs());
        assertClean();
    }

    @Test
    void shouldHoldEveryRequestBackForTheRetryAfterOfA429() throws Exception
    {
        // The simulator's rate windows are aligned to its clock: start 52 s into a minute, so the third request of
        // the first window (exchangeInfo, one snapshot, then this) is answered 429 with at most 8 s to wait.
        final long offsetNs = windowOffset(TimeUnit.MINUTES.toNanos(1), TimeUnit.SECONDS.toNanos(52));
        sim = SimExchange.launch(synthetic(() -> System.nanoTime() + offsetNs)
            .faults(FaultSpec.parse("throttle=2")));
        start(profile().restInFlight(1), sim.symbols());
        await(() -> log.count("LIVE SNAPSHOT_APPLIED") == INSTRUMENTS, "LIVE");
        feed.stop().get(10, TimeUnit.SECONDS);

        assertEquals(1, sim.counters().get("rest 429"), "nothing sent before the Retry-After passed");
        final int throttled = indexOf("REST_THROTTLED");
        assertTrue(throttled >= 0, events.toString());
        assertTrue(events.get(throttled).contains("(Retry-After)"), events.get(throttled));
        final long waitedNs = log.lastTime("LIVE SNAPSHOT_APPLIED") - eventTimesNs.get(throttled);
        assertTrue(waitedNs >= TimeUnit.SECONDS.toNanos(retryAfterSeconds(events.get(throttled))) - ms(1_000),
            "the last book synced " + waitedNs / 1_000_000 + " ms after " + events.get(throttled));
        assertClean();
    }

    @Test
    void shouldBackOffForTheRetryAfterOfEvery418AndKeepStreaming() throws Exception
    {
        sim = SimExchange.launch(synthetic(new RealTimeClock()).faults(FaultSpec.parse("ban=2s")));
        // Banned from REST, a feed still takes the streams: reference data is not fetched, snapshots are retried
        // only when each ban has run out, however short the retry delay.
        start(profile().restRetryDelayNs(ms(20)).restInFlight(1), sim.symbols(), false);
        await(() -> indexes("REST_BANNED").size() >= 3, "three bans");
        feed.stop().get(10, TimeUnit.SECONDS);

        final List<Integer> bans = indexes("REST_BANNED");
        for (int i = 1; i < bans.size(); i++)
        {
            final long apartNs = eventTimesNs.get(bans.get(i)) - eventTimesNs.get(bans.get(i - 1));
            assertTrue(apartNs >= ms(1_950), "418s " + apartNs / 1_000_000 + " ms apart");
        }
        assertEquals(bans.size(), sim.counters().get("rest 418"), "one request per ban");
        assertTrue(summary.messages("trade") > 0, "the streams flow");
        assertEquals(0, log.count("LIVE SNAPSHOT_APPLIED"), "no book without a snapshot");
        assertEquals(0, summary.decodeErrors());
    }

    private void assertClean()
    {
        assertEquals(0, summary.decodeErrors(), "decode errors");
        assertEquals(0, summary.crossedBooks(), "crossed books");
        assertTrue(summary.messages("trade") > 0 && summary.messages("depthUpdate") > 0, summary.toJson());
    }

    private void awaitEndOfCapture() throws Exception
    {
        await(sim::isSourceDone, "the whole capture");
        long seen = -1;
        while (seen != messages.get())
        {
            seen = messages.get();
            Thread.sleep(500);
        }
        feed.stop().get(10, TimeUnit.SECONDS);
    }

    private Map<String, ReferenceRebuild.Final> finals()
    {
        final Map<String, ReferenceRebuild.Final> actual = new TreeMap<>();
        summary.instruments().forEach((key, value) -> actual.put(key, new ReferenceRebuild.Final(
            value.bestBid(), value.bestAsk(), value.lastTradePrice(), value.lastUpdateId())));
        return actual;
    }

    private static Map<String, ReferenceRebuild.Final> rebuild(final String capture)
    {
        return ReferenceRebuild.hftbacktest(List.of(new ReferenceRebuild.Input(TestData.file(capture),
            Venue.BINANCE_USDM))).instruments();
    }

    private int indexOf(final String event)
    {
        final List<Integer> indexes = indexes(event);
        return indexes.isEmpty() ? -1 : indexes.get(0);
    }

    private List<Integer> indexes(final String event)
    {
        final List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++)
        {
            if (events.get(i).startsWith(event + " "))
            {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static long retryAfterSeconds(final String event)
    {
        final Matcher seconds = Pattern.compile("(\\d+)\\.\\d+ s").matcher(event);
        assertTrue(seconds.find(), event);
        return Long.parseLong(seconds.group(1));
    }

    private static SimExchange.Context synthetic(final EpochNanoClock clock)
    {
        return new SimExchange.Context()
            .venue(SimVenue.BINANCE_USDM)
            .syntheticInstruments(INSTRUMENTS)
            .syntheticMessageRate(600)
            .seed(7)
            .clock(clock)
            .waitForSubscriber(true)
            .port(0)
            .log((line) -> System.out.println("[sim] " + line));
    }

    private static SimExchange.Context replay(final String capture)
    {
        return new SimExchange.Context()
            .venue(SimVenue.BINANCE_USDM)
            .replayFiles(List.of(TestData.file(capture)))
            .speed(ReplaySpeed.MAX)
            .waitForSubscriber(true)
            .port(0)
            .log((line) -> System.out.println("[sim] " + line));
    }

    private VenueProfile profile()
    {
        return VenueProfile.of("binance-usdm")
            .wsUrl(sim.webSocketUri() + "/stream")
            .restUrl(sim.restUri())
            .backoffInitialNs(ms(50));
    }

    private void start(final VenueProfile profile, final List<String> symbols)
    {
        start(profile, symbols, true);
    }

    private void start(final VenueProfile profile, final List<String> symbols, final boolean fetchExchangeInfo)
    {
        feed = new LiveFeed(new LiveFeed.Context()
            .profile(profile)
            .symbols(symbols)
            // The synthetic market's depth stream is depth@100ms; the captures' is the default depth@0ms.
            .streams(null == sim.context().replayFiles() || sim.context().replayFiles().isEmpty() ?
                List.of("trade", "bookTicker", "depth@100ms") : profile.streams())
            .fetchExchangeInfo(fetchExchangeInfo)
            .downstream((buffer, offset, length) ->
            {
                messages.incrementAndGet();
                log.onMessage(buffer, offset, length);
                summary.onMessage(buffer, offset, length);
                return true;
            })
            .events((event, connection, detail) ->
            {
                eventTimesNs.add(System.nanoTime());
                events.add(event + " " + connection + " " + detail);
                System.out.println("[feed] " + event + " " + connection + " " + detail);
            })
            .tickNs(ms(10))
            .seed(1));
        feed.start();
    }

    /**
     * Advance the simulator's clock at about real pace while the condition is false, never past the limit; at the
     * limit wait (in real time) for the condition.
     */
    private static void advanceUntil(
        final ManualEpochNanoClock clock, final long limitNs, final BooleanSupplier condition, final String what)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for: " + what + " at " +
                    (clock.nanoTime() - START_NS) / 1_000_000 + " ms");
            }
            if (clock.nanoTime() + STEP_NS <= limitNs)
            {
                clock.advance(STEP_NS);
            }
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(STEP_NS));
        }
    }

    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }

    private static long windowOffset(final long windowNs, final long intoWindowNs)
    {
        final long baseNs = START_NS - Math.floorMod(START_NS, windowNs) + intoWindowNs;
        return baseNs - System.nanoTime();
    }

    private static long ms(final long millis)
    {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /**
     * An epoch clock in real time (the simulator's clock for faults that need no manual control).
     */
    private static final class RealTimeClock implements EpochNanoClock
    {
        private final long offsetNs = START_NS - System.nanoTime();

        public long nanoTime()
        {
            return System.nanoTime() + offsetNs;
        }
    }
}
