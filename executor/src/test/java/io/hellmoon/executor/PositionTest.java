/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.executor.ExecutorFixture.PositionEvent;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.PositionUpdateDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.hellmoon.executor.ExecutorFixture.BTC;
import static io.hellmoon.executor.ExecutorFixture.ETH;
import static io.hellmoon.executor.ExecutorFixture.amount;
import static io.hellmoon.executor.ExecutorFixture.px;
import static io.hellmoon.executor.ExecutorFixture.qty;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Position and P&amp;L through a long, an increase, a flip to short and a close, every number by hand. Taker fee
 * 0.04 %.
 */
class PositionTest
{
    private ExecutorFixture fixture;

    @BeforeEach
    void setUp()
    {
        fixture = new ExecutorFixture();
        fixture.defineBtc();
    }

    @AfterEach
    void tearDown()
    {
        fixture.close();
    }

    @Test
    void shouldTrackAverageEntryRealisedPnlAndFeesThroughAFlip()
    {
        // Buy 1 at 100.00: fee 0.04.
        fixture.book(BTC, "99.00x10", "100.00x10");
        fixture.intent().buy("1").send();
        assertPosition(fixture.lastPosition(), "1", "100.00", "0", "0.04", 1);

        // Buy 1 at 102.00: average (100 + 102) / 2 = 101.00, fee 0.0408.
        fixture.book(BTC, "101.00x10", "102.00x10");
        fixture.intent().buy("1").send();
        assertPosition(fixture.lastPosition(), "2", "101.00", "0", "0.0808", 2);
        // Marked to the mid 101.50: (101.50 - 101.00) x 2 = 1.00.
        assertEquals(amount("1.00"), fixture.lastPosition().unrealisedPnl());

        // Sell 3 at 104.00: closes 2 for (104 - 101) x 2 = 6.00 and opens a short of 1 at 104.00; fee 0.1248.
        fixture.book(BTC, "104.00x10", "105.00x10");
        fixture.intent().sell("3").send();
        final PositionEvent flipped = fixture.lastPosition();
        assertPosition(flipped, "-1", "104.00", "6.00", "0.2056", 3);
        // Short 1 from 104.00 marked to the mid 104.50: -0.50.
        assertEquals(px("104.50"), flipped.markPrice());
        assertEquals(amount("-0.50"), flipped.unrealisedPnl());

        // Buy 1 at 103.00: closes the short for (104 - 103) x 1 = 1.00; fee 0.0412; flat.
        fixture.book(BTC, "102.00x10", "103.00x10");
        fixture.intent().buy("1").send();
        final PositionEvent flat = fixture.lastPosition();
        assertEquals(0, flat.quantity());
        assertEquals(PositionUpdateDecoder.averageEntryPriceNullValue(), flat.averageEntryPrice());
        assertEquals(amount("7.00"), flat.realisedPnl());
        assertEquals(amount("0.2468"), flat.fees());
        assertEquals(0, flat.unrealisedPnl());
        assertEquals(4, flat.tradeCount());

        // Net of fees the day made 7.00 - 0.2468.
        assertEquals(amount("6.7532"), fixture.engine.dayPnl());
        assertEquals(amount("7.00"), fixture.engine.realisedPnl(BTC));
    }

    @Test
    void shouldRealiseAShortsProfitWhenPricesFall()
    {
        fixture.book(BTC, "200.00x10", "200.10x10");
        fixture.intent().sell("2").send();
        assertPosition(fixture.lastPosition(), "-2", "200.00", "0", "0.16", 1);

        fixture.book(BTC, "189.90x10", "190.00x10");
        fixture.intent().buy("0.5").send();
        // (200.00 - 190.00) x 0.5 = 5.00 realised; the average of the rest is unchanged.
        assertPosition(fixture.lastPosition(), "-1.5", "200.00", "5.00", "0.198", 2);
        // Marked to 189.95: (189.95 - 200.00) x -1.5 = 15.075.
        assertEquals(amount("15.075"), fixture.lastPosition().unrealisedPnl());
    }

    @Test
    void shouldMarkFuturesToTheVenueMarkPrice()
    {
        fixture.define(ETH, -2, -3, 1, 1, 1, 0, InstrumentKind.PERPETUAL, InstrumentStatus.TRADING);
        fixture.book(ETH, "99.90x10", "100.00x10");
        fixture.intent().instrument(ETH).buy("1").send();
        // No mark price yet: the mid 99.95.
        assertEquals(amount("-0.05"), fixture.engine.unrealisedPnl(ETH));

        fixture.markPrice(ETH, "98.00");
        assertEquals(amount("-2.00"), fixture.engine.unrealisedPnl(ETH));
        fixture.book(ETH, "99.90x10", "100.00x10");
        assertEquals(amount("-2.00"), fixture.engine.unrealisedPnl(ETH));
        // Net of the 0.04 fee.
        assertEquals(amount("-2.04"), fixture.engine.dayPnl());
    }

    private static void assertPosition(
        final PositionEvent position,
        final String quantity,
        final String averageEntryPrice,
        final String realisedPnl,
        final String fees,
        final int tradeCount)
    {
        assertEquals(qty(quantity), position.quantity(), "quantity");
        assertEquals(px(averageEntryPrice), position.averageEntryPrice(), "average entry");
        assertEquals(amount(realisedPnl), position.realisedPnl(), "realised");
        assertEquals(amount(fees), position.fees(), "fees");
        assertEquals(tradeCount, position.tradeCount(), "trade count");
    }
}
