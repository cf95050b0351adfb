/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

import io.hellmoon.feed.testing.ReferenceRebuild;
import io.hellmoon.feed.testing.ReplayHarness;
import io.hellmoon.sbe.Venue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exchange's own view: on USD-M, a {@code bookTicker} whose {@code u} equals the last applied diff's {@code u}
 * describes the same book state, so its best bid and ask must be exactly the book's, both the independent rebuild's
 * and the one the pipeline published.
 */
@Timeout(120)
class ExchangeViewTest
{
    @Test
    void shouldAgreeWithEveryMatchingBookTickerOnUsdmBtc()
    {
        final int checkpoints = assertBookTickersAgree("binance/captures/usdm/btcusdt_20240808.gz", "BTCUSDT");
        assertEquals(126, checkpoints);
    }

    @Test
    void shouldAgreeWithEveryMatchingBookTickerOnUsdmEth()
    {
        final int checkpoints = assertBookTickersAgree("binance/captures/usdm/ethusdt_20240808.gz", "ETHUSDT");
        System.out.println("ETHUSDT USD-M bookTicker checkpoints: " + checkpoints);
        assertEquals(80, checkpoints);
    }

    private static int assertBookTickersAgree(final String relative, final String symbol)
    {
        final ReferenceRebuild.Input input = RealCaptureReplayTest.input(relative);
        final ReferenceRebuild rebuild = ReferenceRebuild.hftbacktest(List.of(input));
        final String key = "BINANCE_USDM:" + symbol;
        assertEquals(0, rebuild.checkpointMismatches(key), "rebuild vs bookTicker");

        try (ReplayHarness harness = new ReplayHarness(List.of(input.file()), null, false))
        {
            harness.run();
            final int id = harness.registry().idOf(Venue.BINANCE_USDM, symbol);
            assertTrue(id > 0);
            assertEquals(rebuild.checkpoints(key), harness.checkpoints().checkpoints(id), "published checkpoints");
            assertEquals(0, harness.checkpoints().mismatches(id), "published book vs bookTicker");
        }
        return rebuild.checkpoints(key);
    }
}
