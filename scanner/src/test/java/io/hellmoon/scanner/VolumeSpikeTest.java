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

import static io.hellmoon.scanner.ScannerFixture.MS;
import static io.hellmoon.scanner.ScannerFixture.SECOND;
import static io.hellmoon.scanner.ScannerFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolumeSpikeTest
{
    private static final int BTC = 1;
    private static final double PRICE = 50_000.0;
    private static final double CALM_SIZE = 0.01;
    private static final double BURST_SIZE = 0.1;

    private final ScannerFixture fixture = new ScannerFixture(ScannerFixture.only(AnomalyType.VOLUME_SPIKE));

    @Test
    void shouldFireWithinOneSecondOfBurstStart()
    {
        final long burstStartNs = fixture.calmTrades(BTC, T0, T0 + 120 * SECOND, PRICE, CALM_SIZE);
        fixture.burst(BTC, burstStartNs, 30, PRICE, BURST_SIZE, Side.BUY);

        final List<RecordingSink.Anomaly> spikes = fixture.sink.anomalies(AnomalyType.VOLUME_SPIKE);
        assertEquals(1, spikes.size(), fixture.sink.anomalies::toString);
        final RecordingSink.Anomaly spike = spikes.get(0);
        assertTrue(spike.eventTimeNs() >= burstStartNs && spike.eventTimeNs() < burstStartNs + SECOND);
        assertEquals(BTC, spike.instrumentId());
        assertEquals(Direction.UP, spike.direction());
        assertTrue(spike.score() > 1.0);
        assertEquals(spike.eventTimeNs() + MarketData.RECEIVE_DELAY_NS, spike.receiveTimeNs());
        assertEquals(spike.receiveTimeNs() + MarketData.PUBLISH_DELAY_NS, spike.sourcePublishTimeNs());
        assertEquals(fixture.clock.nanoTime(), spike.publishTimeNs());
        assertEquals(MarketData.mantissa(PRICE), spike.price());
        assertEquals((1L << 48) | 1, spike.anomalyId());

        // Calm flow is 10 trades of 500 USDT a second: the baseline is about 5,000 USDT.
        assertEquals(5_000.0, spike.feature(Feature.VOLUME_BASELINE), 250.0);
        assertTrue(spike.feature(Feature.VOLUME) >= 50_000.0);
        assertEquals(spike.feature(Feature.VOLUME) / spike.feature(Feature.VOLUME_BASELINE),
            spike.feature(Feature.VOLUME_RATIO), 1e-9);
        assertEquals(spike.feature(Feature.VOLUME_RATIO) / 10.0, spike.score(), 1e-9);
        assertEquals(10.0, spike.feature(Feature.THRESHOLD));
        assertEquals(10.0, spike.feature(Feature.TRADE_COUNT_BASELINE), 0.5);
        assertTrue(spike.feature(Feature.TRADE_COUNT) > 10.0);
        assertTrue(spike.feature(Feature.SIGNED_FLOW) > 0.2);
        assertEquals(PRICE, spike.feature(Feature.PRICE));
    }

    @Test
    void shouldNotFireOnCalmTrading()
    {
        fixture.calmTrades(BTC, T0, T0 + 600 * SECOND, PRICE, CALM_SIZE);

        assertEquals(List.of(), fixture.sink.anomalies);
    }

    @Test
    void shouldFireOncePerBurstHoweverLongItLasts()
    {
        long timeNs = fixture.calmTrades(BTC, T0, T0 + 120 * SECOND, PRICE, CALM_SIZE);
        timeNs = fixture.burst(BTC, timeNs, 1_000, PRICE, BURST_SIZE, Side.BUY);
        assertEquals(1, fixture.sink.anomalies(AnomalyType.VOLUME_SPIKE).size());

        timeNs = fixture.calmTrades(BTC, timeNs, timeNs + 70 * SECOND, PRICE, CALM_SIZE);
        fixture.burst(BTC, timeNs, 50, PRICE, BURST_SIZE, Side.BUY);

        final List<RecordingSink.Anomaly> spikes = fixture.sink.anomalies(AnomalyType.VOLUME_SPIKE);
        assertEquals(2, spikes.size());
        assertEquals((1L << 48) | 2, spikes.get(1).anomalyId());
    }

    @Test
    void shouldNotFireAgainUntilCooldownHasPassed()
    {
        long timeNs = fixture.calmTrades(BTC, T0, T0 + 120 * SECOND, PRICE, CALM_SIZE);
        final long firstBurstNs = timeNs;
        timeNs = fixture.burst(BTC, timeNs, 30, PRICE, BURST_SIZE, Side.BUY);
        timeNs = fixture.calmTrades(BTC, timeNs, timeNs + 5 * SECOND, PRICE, CALM_SIZE);
        timeNs = fixture.burst(BTC, timeNs, 30, PRICE, BURST_SIZE, Side.BUY);
        assertEquals(1, fixture.sink.anomalies.size(), "second burst inside the 60 s cooldown");

        timeNs = fixture.calmTrades(BTC, timeNs, firstBurstNs + 70 * SECOND, PRICE, CALM_SIZE);
        fixture.burst(BTC, timeNs, 30, PRICE, BURST_SIZE, Side.BUY);
        assertEquals(2, fixture.sink.anomalies(AnomalyType.VOLUME_SPIKE).size());
    }

    @Test
    void shouldNotFireOnOneTradeOfAnIlliquidInstrument()
    {
        final int illiquid = 7;
        long timeNs = T0;
        for (int i = 0; i < 120; i++, timeNs += SECOND)
        {
            fixture.md.trade(illiquid, timeNs, 1.0, 10.0, Side.BUY);
        }

        fixture.md.trade(illiquid, timeNs, 1.0, 30_000.0, Side.BUY);
        assertEquals(
            List.of(), fixture.sink.anomalies, "thirty times the floored baseline, under the minimum notional");

        fixture.md.trade(illiquid, timeNs + 100 * MS, 1.0, 25_000.0, Side.BUY);
        final List<RecordingSink.Anomaly> spikes = fixture.sink.anomalies(AnomalyType.VOLUME_SPIKE);
        assertEquals(1, spikes.size());
        assertEquals(ScannerConfiguration.VOLUME_SPIKE_BASELINE_FLOOR_DEFAULT,
            spikes.get(0).feature(Feature.VOLUME_BASELINE), "the floor");
    }

    @Test
    void shouldTakeDirectionFromAggressorFlow()
    {
        final int sold = 2;
        final int mixed = 3;
        long timeNs = T0;
        for (; timeNs < T0 + 120 * SECOND; timeNs += 100 * MS)
        {
            fixture.md.trade(sold, timeNs, PRICE, CALM_SIZE, Side.BUY);
            fixture.md.trade(mixed, timeNs, PRICE, CALM_SIZE, Side.SELL);
        }
        for (int i = 0; i < 30; i++, timeNs += 10 * MS)
        {
            fixture.md.trade(sold, timeNs, PRICE, BURST_SIZE, Side.SELL);
            fixture.md.trade(mixed, timeNs, PRICE, BURST_SIZE, 0 == (i & 1) ? Side.BUY : Side.SELL);
        }

        final List<RecordingSink.Anomaly> spikes = fixture.sink.anomalies(AnomalyType.VOLUME_SPIKE);
        assertEquals(2, spikes.size());
        assertEquals(sold, spikes.get(0).instrumentId());
        assertEquals(Direction.DOWN, spikes.get(0).direction());
        assertEquals(mixed, spikes.get(1).instrumentId());
        assertEquals(Direction.NEUTRAL, spikes.get(1).direction());
    }

    @Test
    void shouldNotFireBeforeTheBaselineHasWarmedUp()
    {
        // Four seconds of history, one short of the default warm-up.
        final long timeNs = fixture.calmTrades(BTC, T0, T0 + 4 * SECOND, PRICE, CALM_SIZE);
        fixture.burst(BTC, timeNs, 30, PRICE, BURST_SIZE, Side.BUY);

        assertEquals(List.of(), fixture.sink.anomalies);
    }

    @Test
    void shouldStayQuietWhileDisabledAndNotReleaseStaleEventsWhenEnabled()
    {
        long timeNs = fixture.calmTrades(BTC, T0, T0 + 120 * SECOND, PRICE, CALM_SIZE);
        fixture.scanner.enabled(false);
        timeNs = fixture.burst(BTC, timeNs, 30, PRICE, BURST_SIZE, Side.BUY);
        assertEquals(List.of(), fixture.sink.anomalies);

        fixture.scanner.enabled(true);
        timeNs = fixture.calmTrades(BTC, timeNs, timeNs + 2 * SECOND, PRICE, CALM_SIZE);
        assertEquals(List.of(), fixture.sink.anomalies);

        timeNs = fixture.calmTrades(BTC, timeNs, timeNs + 70 * SECOND, PRICE, CALM_SIZE);
        fixture.burst(BTC, timeNs, 30, PRICE, BURST_SIZE, Side.BUY);
        assertEquals(1, fixture.sink.anomalies.size());
        assertEquals((1L << 48) | 1, fixture.sink.anomalies.get(0).anomalyId(), "no ids spent while disabled");
    }
}
