/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.net.FeedEventLoop;
import io.hellmoon.feed.testing.LocalExchangeServer;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection manager over real loopback sockets against a local exchange: spreading and pacing, reconnects with
 * seeded backoff, silent connections, rotation without gap or duplicate, the connection-attempt limit.
 */
@Timeout(60)
class ConnectionManagerTest
{
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long SEED = 42;

    private final LocalExchangeServer server = new LocalExchangeServer();
    private final FeedEventLoop loop = new FeedEventLoop(new FeedEventLoop.Context().threadName("manager-test"));
    private final Frames frames = new Frames();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> staleMarks = new CopyOnWriteArrayList<>();
    private ConnectionManager manager;

    @AfterEach
    void close() throws Exception
    {
        if (null != manager)
        {
            loop.eventLoop().submit(() -> manager.close()).get();
        }
        loop.close();
        server.close();
    }

    @Test
    void shouldSpreadStreamsOverConnectionsAndPaceSubscriptionsWithinTheVenueRate() throws Exception
    {
        final VenueProfile profile = profile().streamsPerConnection(100).streamsPerMessage(10)
            .controlMessagesPerSecond(5);
        start(profile, instruments(250), List.of("trade", "bookTicker"));

        await(() -> 5 == server.connections().size() && allSubscribed(100), 20, "5 connections of 100 streams");
        final Set<String> all = new HashSet<>();
        for (final LocalExchangeServer.Connection connection : server.connections())
        {
            assertEquals(100, connection.streams().size());
            all.addAll(connection.streams());
            final List<Long> times = new ArrayList<>();
            for (final LocalExchangeServer.ControlMessage message : connection.received())
            {
                times.add(message.nanoTime());
            }
            assertEquals(10, times.size(), "10 subscribe messages of 10 streams");
            for (int i = 5; i < times.size(); i++)
            {
                assertTrue(times.get(i) - times.get(i - 5) >= SECOND,
                    "more than 5 messages within a second on connection " + connection.id());
            }
        }
        assertEquals(500, all.size(), "every stream subscribed once");
        assertEquals(5, onLoop(() -> manager.subscribedConnections()));
    }

    @Test
    void shouldReconnectAfterADropWithSeededBackoffAndMarkBooksStale() throws Exception
    {
        final VenueProfile profile = profile().backoffInitialNs(TimeUnit.MILLISECONDS.toNanos(200))
            .backoffMaxNs(SECOND).backoffJitter(0.5);
        start(profile, instruments(2), List.of("trade", "depth@100ms"));
        await(() -> allSubscribed(4) && 1 == server.connections().size(), 10, "subscribed");

        server.refuseUpgrades(true);
        server.connections().get(0).drop();
        await(() -> countEvents("RECONNECT_SCHEDULED") >= 3, 10, "three attempts refused");
        server.refuseUpgrades(false);
        await(() -> 2 == server.connections().size() && allSubscribed(4), 10, "reconnected and resubscribed");

        assertEquals(List.of("1 DISCONNECTED", "2 DISCONNECTED"), staleMarks);
        final Backoff expected = new Backoff(TimeUnit.MILLISECONDS.toNanos(200), SECOND, 0.5, SEED);
        final List<String> delays = scheduledDelays();
        for (int attempt = 0; attempt < 3; attempt++)
        {
            assertEquals(String.format("%.3f s", expected.delayNs(attempt) / 1e9), delays.get(attempt),
                "attempt " + attempt + " of " + delays);
        }
        assertEquals(1L, onLoop(() -> manager.reconnects()));
        assertEquals(1, onLoop(() -> manager.openConnections()));
    }

    @Test
    void shouldReplaceASilentConnectionAfterPingingIt() throws Exception
    {
        final VenueProfile profile = profile().heartbeatIdleNs(TimeUnit.MILLISECONDS.toNanos(200))
            .heartbeatTimeoutNs(TimeUnit.MILLISECONDS.toNanos(700)).backoffInitialNs(TimeUnit.MILLISECONDS.toNanos(50));
        start(profile, instruments(1), List.of("trade", "depth@100ms"));
        await(() -> allSubscribed(2), 10, "subscribed");
        server.publish("sym0001usdt@trade", "{\"e\":\"trade\",\"t\":1}");
        await(() -> 1 == frames.count(), 5, "a frame");

        final long stalledAt = System.nanoTime();
        server.connections().get(0).stall();
        await(() -> 2 == server.connections().size() && allSubscribed(2), 10, "replaced");
        final long replacedAfterNs = server.connections().get(1).acceptedNanoTime() - stalledAt;

        assertTrue(replacedAfterNs >= TimeUnit.MILLISECONDS.toNanos(700), "not before the timeout: " + replacedAfterNs);
        assertTrue(server.connections().get(0).received().stream().anyMatch((m) -> "ping".equals(m.kind())),
            "pinged while quiet");
        assertEquals(List.of("1 HEARTBEAT_TIMEOUT"), staleMarks);
        assertEquals(1, countEvents("HEARTBEAT_TIMEOUT"));
        assertEquals(1L, onLoop(() -> manager.heartbeatTimeouts()));

        server.publish("sym0001usdt@trade", "{\"e\":\"trade\",\"t\":2}");
        await(() -> 2 == frames.count(), 5, "data on the new connection");
    }

    @Test
    void shouldRotateWithOverlapWhenTheOldConnectionLags() throws Exception
    {
        rotate(true);
    }

    @Test
    void shouldRotateWithOverlapWhenTheNewConnectionLags() throws Exception
    {
        rotate(false);
    }

    @Test
    void shouldWaitForTheConnectionAttemptLimit() throws Exception
    {
        final VenueProfile profile = profile().streamsPerConnection(2).connectAttempts(2).connectWindowNs(SECOND);
        start(profile, instruments(3), List.of("trade", "bookTicker"));
        await(() -> 3 == server.connections().size() && allSubscribed(2), 10, "three connections");
        final long first = server.connections().get(0).acceptedNanoTime();
        final long third = server.connections().get(2).acceptedNanoTime();
        assertTrue(third - first >= SECOND - TimeUnit.MILLISECONDS.toNanos(50), "third after the window: " +
            (third - first));
        assertTrue(countEvents("CONNECT_THROTTLED") >= 1);
    }

    @Test
    void shouldReportRejectedSubscriptionsAndKeepRepliesFromTheDecoders() throws Exception
    {
        server.rejectSubscriptions("{\"code\":2,\"msg\":\"Invalid request\"}");
        start(profile(), instruments(1), List.of("trade"));
        await(() -> countEvents("REJECTED") >= 1, 10, "rejected");
        assertTrue(events.stream().anyMatch((e) -> e.contains("Invalid request")), events.toString());
        assertEquals(0, frames.count(), "replies are not stream data");
    }

    private void rotate(final boolean oldLags) throws Exception
    {
        final VenueProfile profile = profile().connectionLifetimeNs(2 * SECOND).rotationLeadNs(SECOND)
            .rotationOverlapNs(3 * SECOND);
        start(profile, instruments(1), List.of("trade", "bookTicker"));
        await(() -> allSubscribed(2), 10, "subscribed");

        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread generator = new Thread(() ->
        {
            long id = 1;
            while (running.get())
            {
                server.publish("sym0001usdt@trade", "{\"e\":\"trade\",\"E\":1,\"s\":\"SYM0001USDT\",\"t\":" + id + "}");
                server.publish("sym0001usdt@bookTicker", "{\"u\":" + (id * 3) + ",\"s\":\"SYM0001USDT\"}");
                id++;
                try
                {
                    Thread.sleep(1);
                }
                catch (final InterruptedException ex)
                {
                    return;
                }
            }
        }, "generator");
        generator.start();
        try
        {
            await(() -> 2 == server.connections().size(), 10, "replacement connecting");
            final LocalExchangeServer.Connection lagging = server.connections().get(oldLags ? 0 : 1);
            lagging.hold();
            Thread.sleep(300);
            lagging.release();
            await(() -> onLoop(() -> manager.rotations()) >= 2, 20, "two rotations");
        }
        finally
        {
            running.set(false);
            generator.join();
        }
        Thread.sleep(200);

        final List<Long> trades = frames.sequences("\"t\":");
        final List<Long> tickers = frames.sequences("\"u\":");
        assertTrue(trades.size() > 1_000, "trades delivered " + trades.size());
        for (int i = 1; i < trades.size(); i++)
        {
            assertEquals(trades.get(i - 1) + 1, trades.get(i), "trade ids consecutive at " + i);
        }
        for (int i = 1; i < tickers.size(); i++)
        {
            assertEquals(tickers.get(i - 1) + 3, tickers.get(i), "book ticker updates consecutive at " + i);
        }
        assertTrue(onLoop(() -> manager.framesDroppedInOverlap()) > 0, "the overlap carried duplicates");
        assertEquals(0L, onLoop(() -> manager.reconnects()));
        assertTrue(staleMarks.isEmpty(), "nothing went stale");
    }

    private VenueProfile profile()
    {
        return VenueProfile.of("binance-usdm").wsUrl(server.wsUrl()).restUrl(server.httpUrl())
            .heartbeatIdleNs(10 * SECOND).heartbeatTimeoutNs(30 * SECOND);
    }

    private void start(final VenueProfile profile, final List<SubscriptionPlan.Instrument> instruments,
        final List<String> streams) throws Exception
    {
        final SubscriptionPlan plan = SubscriptionPlan.plan(profile.conclude(), instruments, streams);
        manager = new ConnectionManager(new ConnectionManager.Context()
            .profile(profile)
            .eventLoop(loop)
            .frameHandler(frames)
            .plan(plan)
            .staleMarker((instrumentId, reason, timeNs) ->
            {
                staleMarks.add(instrumentId + " " + reason);
                return true;
            })
            .events((event, connection, detail) -> events.add(event + " " + connection + " " + detail))
            .tickNs(TimeUnit.MILLISECONDS.toNanos(10))
            .seed(SEED));
        loop.eventLoop().submit(() -> manager.start()).get();
    }

    private boolean allSubscribed(final int streamsEach)
    {
        final List<LocalExchangeServer.Connection> open = server.openConnections();
        if (open.isEmpty())
        {
            return false;
        }
        for (final LocalExchangeServer.Connection connection : open)
        {
            if (connection.streams().size() != streamsEach)
            {
                return false;
            }
        }
        return true;
    }

    private long countEvents(final String type)
    {
        return events.stream().filter((e) -> e.startsWith(type + " ")).count();
    }

    private List<String> scheduledDelays()
    {
        final Pattern delay = Pattern.compile("reconnecting in (\\d+\\.\\d{3} s)");
        final List<String> delays = new ArrayList<>();
        for (final String event : events)
        {
            final Matcher matcher = delay.matcher(event);
            if (matcher.find())
            {
                delays.add(matcher.group(1));
            }
        }
        return delays;
    }

    private <T> T onLoop(final Callable<T> read) throws Exception
    {
        return loop.eventLoop().submit(read).get();
    }

    private static void await(final Check condition, final int seconds, final String what) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.check())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }

    private static List<SubscriptionPlan.Instrument> instruments(final int count)
    {
        final List<SubscriptionPlan.Instrument> instruments = new ArrayList<>();
        for (int i = 1; i <= count; i++)
        {
            instruments.add(new SubscriptionPlan.Instrument(i, String.format("SYM%04dUSDT", i)));
        }
        return instruments;
    }

    @FunctionalInterface
    private interface Check
    {
        boolean check() throws Exception;
    }

    private static final class Frames implements VenueFrameHandler
    {
        private final List<String> texts = new CopyOnWriteArrayList<>();

        int count()
        {
            return texts.size();
        }

        List<Long> sequences(final String key)
        {
            final List<Long> sequences = new ArrayList<>();
            for (final String text : texts)
            {
                final int at = text.indexOf(key);
                if (at >= 0)
                {
                    int end = at + key.length();
                    while (end < text.length() && Character.isDigit(text.charAt(end)))
                    {
                        end++;
                    }
                    sequences.add(Long.parseLong(text.substring(at + key.length(), end)));
                }
            }
            return sequences;
        }

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
        {
            texts.add(buffer.getStringWithoutLengthAscii(offset, length));
        }

        public void onDepthSnapshot(
            final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
        }
    }
}
