/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.OrderStatus;
import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;
import io.hellmoon.test.AllocationMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.hellmoon.router.RouterFixture.BTC;
import static io.hellmoon.router.RouterFixture.ETH;
import static io.hellmoon.router.RouterFixture.MOMENTUM;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterAllocationTest
{
    @TempDir
    Path folder;

    @Test
    @Timeout(120)
    void shouldDecideWithoutAllocatingAfterWarmUp()
    {
        try (RouterFixture fixture = new RouterFixture(folder, "momentum", MOMENTUM,
            "confirmed", "{\"hellmoon_events\": [{\"type\": \"BREAKOUT\"}, {\"type\": \"BOOK_IMBALANCE\"}], " +
            "\"exits\": {\"k1\": 2.0}, \"confirmations\": [{\"timeframe\": \"1m\", \"condition\": {\"type\": " +
            "\"breakout\", \"lookback\": 3}}, {\"timeframe\": \"1m\", \"condition\": {\"type\": \"book_imbalance\"," +
            " \"min_imbalance\": -1}}, {\"timeframe\": \"5m\", \"condition\": {\"type\": \"regime\"}}]}",
            "costly", "{\"hellmoon_events\": [{\"type\": \"VOLATILITY_EXPANSION\"}], \"costs\": {\"taker_fee_rate\": " +
            "0.01}}").withMarket())
        {
            fixture.sink.recording(false);
            final Messages messages = fixture.messages;
            final long[] state = { 1 };

            final Runnable work = () ->
            {
                final long i = state[0]++;
                fixture.clock.advance(TimeUnit.SECONDS.toNanos(7));
                final long now = fixture.clock.nanoTime();
                final double drift = (i % 20) * 5.0;
                messages.trade(BTC, 50_000.0 + drift, now - 1_000_000);
                messages.bestBidOffer(BTC, 49_999.9 + drift, 50_000.0 + drift, now);
                messages.bookLevels(ETH, 2_999.99, 2.0, 3_000.0, 1.0, now);
                messages.regime(BTC, VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING, Direction.UP, now);

                // Taken, then freed by the executor's rejection so the next one is taken again.
                final long takenId = i * 8;
                messages.anomaly(takenId, BTC, AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0,
                    VolatilityRegime.HIGH_VOL, TrendRegime.TRENDING, 50_000.0 + drift, 100.0, now);
                messages.executionReport(takenId ^ (1L << 56), BTC, OrderStatus.REJECTED, 0);

                // Rejections along the whole path.
                messages.anomaly(takenId + 1, BTC, AnomalyType.VOLUME_SPIKE, Direction.DOWN, 3.0,
                    VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING, 50_000.0, 100.0, now);
                messages.anomaly(takenId + 2, BTC, AnomalyType.VOLUME_SPIKE, Direction.UP, 1.0,
                    VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING, 50_000.0, 100.0, now);
                messages.anomaly(takenId + 3, BTC, AnomalyType.LIQUIDATION_CASCADE, Direction.UP, 3.0,
                    VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING, 50_000.0, 100.0, now);
                messages.anomaly(takenId + 4, BTC, AnomalyType.BREAKOUT, Direction.UP, 3.0,
                    VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING, 50_000.0 + drift, 100.0, now);
                messages.executionReport((takenId + 4) ^ (1L << 56), BTC, OrderStatus.REJECTED, 0);
                messages.anomaly(takenId + 5, ETH, AnomalyType.BOOK_IMBALANCE, Direction.DOWN, 3.0,
                    VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING, 3_000.0, 10.0, now);
                messages.executionReport((takenId + 5) ^ (1L << 56), ETH, OrderStatus.REJECTED, 0);
                messages.anomaly(takenId + 6, BTC, AnomalyType.VOLATILITY_EXPANSION, Direction.UP, 3.0,
                    VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING, 50_000.0, 100.0, now);
                messages.anomaly(takenId + 7, BTC, AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0,
                    VolatilityRegime.EXTREME_VOL, TrendRegime.RANGING, 50_000.0, Double.NaN, now);
            };

            AllocationMeter.assertAllocationFree(20_000, 2_000, work);
            assertTrue(fixture.router.decisionsTaken() > 20_000, "the taken path was exercised");
            assertTrue(fixture.router.decisionsRejected() > 100_000);
        }
    }
}
