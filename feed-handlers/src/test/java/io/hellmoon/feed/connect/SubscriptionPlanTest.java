/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Venue profiles and how subscriptions are spread over connections.
 */
class SubscriptionPlanTest
{
    @AfterEach
    void clearProperties()
    {
        System.clearProperty("hellmoon.feed.binance-usdm.streams.per.connection");
        System.clearProperty("hellmoon.feed.binance-usdm.heartbeat.timeout");
        System.clearProperty("hellmoon.feed.binance-spot.rest.depth.limit");
    }

    @Test
    void shouldSpreadThousandsOfInstrumentsWithinTheStreamLimit()
    {
        final VenueProfile profile = VenueProfile.of("binance-spot").conclude();
        final List<SubscriptionPlan.Instrument> instruments = instruments(2_500);
        final SubscriptionPlan plan =
            SubscriptionPlan.plan(profile, instruments, List.of("trade", "bookTicker", "depth@100ms"));

        assertEquals(7_500, plan.streamCount());
        assertEquals(8, plan.connections().size(), "7,500 streams at 1,024 a connection, instruments kept whole");
        final Set<String> names = new HashSet<>();
        for (final SubscriptionPlan.Connection connection : plan.connections())
        {
            assertTrue(connection.streams().size() <= 1024);
            assertEquals(0, connection.streams().size() % 3, "an instrument's streams share a connection");
            names.addAll(connection.streamNames());
        }
        assertEquals(7_500, names.size(), "every stream once");
        final SubscriptionPlan.Connection first = plan.connections().get(0);
        assertEquals(List.of("sym0001usdt@trade", "sym0001usdt@bookTicker", "sym0001usdt@depth@100ms"),
            first.streamNames().subList(0, 3));
        assertEquals(341, first.depthInstrumentIds().length, "1,023 streams: 341 instruments with books");
    }

    @Test
    void shouldPutAllMarketStreamsOnceOnAConnectionWithRoom()
    {
        final VenueProfile profile = VenueProfile.of("binance-usdm").streamsPerConnection(6).conclude();
        final SubscriptionPlan plan = SubscriptionPlan.plan(profile, instruments(3),
            List.of("trade", "depth@0ms", "!markPrice@arr@1s", "!forceOrder@arr", "!miniTicker@arr"));
        assertEquals(List.of("sym0001usdt@trade", "sym0001usdt@depth@0ms", "sym0002usdt@trade",
            "sym0002usdt@depth@0ms", "sym0003usdt@trade", "sym0003usdt@depth@0ms"),
            plan.connections().get(0).streamNames());
        assertEquals(List.of("!markPrice@arr@1s", "!forceOrder@arr", "!miniTicker@arr"),
            plan.connections().get(1).streamNames());
        assertArrayEquals(new int[0], plan.connections().get(1).depthInstrumentIds());
        assertEquals(SubscriptionFormat.SequenceField.EVENT_TIME,
            plan.connections().get(1).streams().get(0).sequenceField());
    }

    @Test
    void shouldNameMexcStreamsAndFitThirtyPerConnection()
    {
        final VenueProfile profile = VenueProfile.of("mexc-spot").conclude();
        final SubscriptionPlan plan = SubscriptionPlan.plan(profile, instruments(25), profile.streams());
        assertEquals(3, plan.connections().size(), "75 streams at 30 a connection");
        assertEquals("spot@public.aggre.deals.v3.api.pb@100ms@SYM0001USDT",
            plan.connections().get(0).streamNames().get(0));
        assertEquals("{\"method\":\"SUBSCRIPTION\",\"params\":[\"a\",\"b\"],\"id\":3}",
            SubscriptionFormat.MEXC.subscribeMessage(List.of("a", "b"), 3));
        assertEquals("{\"method\":\"PING\"}", SubscriptionFormat.MEXC.pingMessage());
        assertEquals(10, plan.connections().get(0).depthInstrumentIds().length);
    }

    @Test
    void shouldFormatBinanceSubscriptionsAndTellDiffDepthFromPartialDepth()
    {
        assertEquals("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":1}",
            SubscriptionFormat.BINANCE.subscribeMessage(List.of("btcusdt@trade"), 1));
        assertTrue(SubscriptionFormat.BINANCE.isDepth("depth"));
        assertTrue(SubscriptionFormat.BINANCE.isDepth("depth@100ms"));
        assertTrue(!SubscriptionFormat.BINANCE.isDepth("depth20@100ms"));
        assertEquals(SubscriptionFormat.SequenceField.TRADE_ID, SubscriptionFormat.BINANCE.sequenceField("trade"));
        assertEquals(SubscriptionFormat.SequenceField.AGG_TRADE_ID,
            SubscriptionFormat.BINANCE.sequenceField("aggTrade"));
        assertEquals(SubscriptionFormat.SequenceField.UPDATE_ID, SubscriptionFormat.BINANCE.sequenceField("depth@0ms"));
        assertEquals(
            SubscriptionFormat.SequenceField.UPDATE_ID, SubscriptionFormat.BINANCE.sequenceField("bookTicker"));
        assertEquals(SubscriptionFormat.SequenceField.EVENT_TIME, SubscriptionFormat.BINANCE.sequenceField("kline_1m"));
    }

    @Test
    void shouldRefuseAnInstrumentWithMoreStreamsThanAConnectionTakes()
    {
        final VenueProfile profile = VenueProfile.of("binance-usdm").streamsPerConnection(2).conclude();
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> SubscriptionPlan.plan(profile, instruments(1), List.of("trade", "bookTicker", "depth@0ms")));
        assertTrue(ex.getMessage().contains("hellmoon.feed.binance-usdm.streams.per.connection"), ex.getMessage());
    }

    @Test
    void shouldUseTheVenuesDocumentedDefaults()
    {
        final VenueProfile spot = VenueProfile.of("binance-spot").conclude();
        assertEquals("wss://stream.binance.com:9443/stream", spot.wsUrl());
        assertEquals(1024, spot.streamsPerConnection());
        assertEquals(5, spot.controlMessagesPerSecond());
        assertEquals(300, spot.connectAttempts());
        assertEquals(TimeUnit.MINUTES.toNanos(5), spot.connectWindowNs());
        assertEquals(TimeUnit.HOURS.toNanos(24), spot.connectionLifetimeNs());
        assertEquals(50, spot.depthWeight(), "limit 1000");
        assertEquals(20, spot.exchangeInfoWeight());
        assertEquals("https://api.binance.com/api/v3/depth?symbol=BTCUSDT&limit=1000",
            spot.depthUri("BTCUSDT").toString());

        final VenueProfile usdm = VenueProfile.of("BINANCE_USDM").conclude();
        assertEquals(10, usdm.controlMessagesPerSecond());
        assertEquals(20, usdm.depthWeight());
        assertEquals(1, usdm.exchangeInfoWeight());
        assertTrue(usdm.weightBurst() + usdm.weightPerMinute() <= 2400, "within the venue's 2,400 a minute");
        assertEquals("https://fapi.binance.com/fapi/v1/exchangeInfo", usdm.exchangeInfoUri().toString());
        assertEquals(10, VenueProfile.of("binance-usdm").depthLimit(500).depthWeight());
        assertEquals(250, VenueProfile.of("binance-spot").depthLimit(5000).depthWeight());
        assertEquals("wss://dstream.binance.com/stream", VenueProfile.of("binance-coinm").wsUrl());
        assertEquals(30, VenueProfile.of("mexc-spot").streamsPerConnection());
    }

    @Test
    void shouldTakeLimitsFromPropertiesAndNameTheKeyWhenInvalid()
    {
        System.setProperty("hellmoon.feed.binance-usdm.streams.per.connection", "200");
        System.setProperty("hellmoon.feed.binance-spot.rest.depth.limit", "100");
        assertEquals(200, VenueProfile.of("binance-usdm").conclude().streamsPerConnection());
        assertEquals(5, VenueProfile.of("binance-spot").conclude().depthWeight());

        System.setProperty("hellmoon.feed.binance-usdm.heartbeat.timeout", "1s");
        final IllegalStateException ex =
            assertThrows(IllegalStateException.class, () -> VenueProfile.of("binance-usdm").conclude());
        assertEquals("hellmoon.feed.binance-usdm.heartbeat.timeout must be longer than " +
            "hellmoon.feed.binance-usdm.heartbeat.idle: 1000000000 ns", ex.getMessage());

        assertThrows(IllegalArgumentException.class, () -> VenueProfile.of("kraken"));
        assertThrows(IllegalStateException.class,
            () -> VenueProfile.of("binance-spot").wsUrl("http://x").conclude());
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
}
