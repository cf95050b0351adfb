/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.feed.replay.MarketDataSummary;
import io.hellmoon.feed.sim.FaultSpec;
import io.hellmoon.feed.sim.SimExchange;
import io.hellmoon.feed.sim.SimVenue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live feed on MEXC futures against the simulator's {@code /edge}: one subscribe message per channel and
 * contract, depth snapshots from the contract's path, books synced by version, keep-alive pings that hold a connection
 * open while data flows, and a reconnect with resync after a disconnect.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MexcFuturesLiveFeedTest
{
    private static final int CONTRACTS = 3;

    private final MarketDataSummary summary = new MarketDataSummary().includeConnectionTotals(true);
    private final List<String> events = new CopyOnWriteArrayList<>();
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
    void shouldKeepTheConnectionOpenWithPingsWhileDataFlows() throws Exception
    {
        // MEXC closes a connection without a client ping for a minute, data or not; here for two seconds (the nine
        // subscribe messages take the first second's control messages, so the first ping goes after a second).
        sim = SimExchange.launch(context().heartbeatTimeoutNs(TimeUnit.SECONDS.toNanos(2)));
        start(VenueProfile.of("mexc-futures").heartbeatIdleNs(TimeUnit.MILLISECONDS.toNanos(300))
            .heartbeatTimeoutNs(TimeUnit.SECONDS.toNanos(5)));
        Thread.sleep(5_000);
        feed.stop().get(10, TimeUnit.SECONDS);

        assertEquals(0, summary.reconnects(), events.toString());
        assertEquals(CONTRACTS, summary.messages("snapshot"), "one snapshot a book");
        assertEquals(CONTRACTS, summary.instruments().size());
        summary.instruments().forEach((key, value) ->
        {
            assertTrue(key.startsWith("MEXC_FUTURES:SYN000"), key);
            assertTrue(value.fromBook() && null != value.lastUpdateId(), key + " synced");
        });
        assertEquals(0, summary.gaps());
        assertEquals(0, summary.decodeErrors());
        assertEquals(0, summary.crossedBooks());
        assertEquals(0, sim.counters().get("heartbeat disconnects"), "pinged within the simulator's timeout");
        assertEquals(1, sim.counters().connectionsOpened());
    }

    @Test
    void shouldReconnectAndResyncAfterADisconnect() throws Exception
    {
        sim = SimExchange.launch(context().faults(FaultSpec.parse("disconnect-every=2s")));
        start(VenueProfile.of("mexc-futures").backoffInitialNs(TimeUnit.MILLISECONDS.toNanos(50)));
        await(() -> summary.resyncs() >= CONTRACTS && summary.reconnects() >= 1);
        feed.stop().get(10, TimeUnit.SECONDS);

        assertTrue(summary.stalePeriods() >= CONTRACTS, "stale periods " + summary.stalePeriods());
        assertEquals(0, summary.decodeErrors());
        assertEquals(0, summary.crossedBooks());
        assertTrue(events.stream().anyMatch((e) -> e.startsWith("STALE")), events.toString());
    }

    private SimExchange.Context context()
    {
        return new SimExchange.Context()
            .venue(SimVenue.MEXC_FUTURES)
            .syntheticInstruments(CONTRACTS)
            .syntheticMessageRate(300)
            .seed(5)
            .port(0)
            .log((line) -> System.out.println("[sim] " + line));
    }

    private void start(final VenueProfile profile)
    {
        profile.wsUrl(sim.webSocketUri() + "/edge").restUrl(sim.restUri());
        feed = new LiveFeed(new LiveFeed.Context()
            .profile(profile)
            .symbols(List.of("SYN0001_USDT", "SYN0002_USDT", "SYN0003_USDT"))
            .fetchExchangeInfo(false)
            .downstream((buffer, offset, length) ->
            {
                synchronized (summary)
                {
                    summary.onMessage(buffer, offset, length);
                }
                return true;
            })
            .events((event, connection, detail) -> events.add(event + " " + connection + " " + detail))
            .tickNs(TimeUnit.MILLISECONDS.toNanos(10))
            .seed(1));
        feed.start();
    }

    private void await(final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true)
        {
            synchronized (summary)
            {
                if (condition.getAsBoolean())
                {
                    return;
                }
            }
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out: " + events);
            }
            Thread.sleep(10);
        }
    }
}
