/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.RejectReason;
import io.hellmoon.sbe.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.hellmoon.executor.ExecutorFixture.BTC;
import static io.hellmoon.executor.ExecutorFixture.amount;
import static io.hellmoon.sbe.ExecType.FILL;
import static io.hellmoon.sbe.ExecType.NEW;
import static io.hellmoon.sbe.ExecType.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The daily loss limit (10) on realised net of fees plus unrealised since the UTC day's start, with the day taken
 * from a manual clock. The test starts at 2024-08-09T01:00Z.
 */
class DailyLossLimitTest
{
    private static final long MIDNIGHT_NS = 1_723_248_000_000_000_000L; // 2024-08-10T00:00Z

    private ExecutorFixture fixture;

    @BeforeEach
    void setUp()
    {
        fixture = new ExecutorFixture(context -> context.dailyLossLimit(10));
        fixture.defineBtc();
        fixture.book(BTC, "99.90x10", "100.00x10");
        fixture.intent().buy("1").send();
    }

    @AfterEach
    void tearDown()
    {
        fixture.close();
    }

    @Test
    void shouldRejectNewRiskOnceTheDayHasLostTheLimitAndAcceptItAgainTheNextUtcDay()
    {
        // Mid 90.11: unrealised -9.89, fee 0.04: down 9.93, under the limit.
        fixture.book(BTC, "90.10x10", "90.12x10");
        assertEquals(amount("-9.93"), fixture.engine.dayPnl());
        final long underLimit = sendLimitBuy();
        assertEquals(NEW, fixture.lastReport().execType());
        fixture.engine.cancel(underLimit);

        // Mid 90.00: unrealised -10.00, down 10.04.
        fixture.book(BTC, "89.99x10", "90.01x10");
        assertEquals(amount("-10.04"), fixture.engine.dayPnl());
        sendLimitBuy();
        assertEquals(REJECTED, fixture.lastReport().execType());
        assertEquals(RejectReason.DAILY_LOSS_LIMIT, fixture.lastReport().reason());

        // Reducing is always allowed: sell 0.5 at 89.99 realises -5.005 and pays 0.017998.
        fixture.intent().sell("0.5").purpose(OrderPurpose.EXIT_MANUAL).send();
        assertEquals(FILL, fixture.lastReport().execType());
        assertEquals(amount("-10.062998"), fixture.engine.dayPnl());

        // Still the same UTC day one nanosecond before midnight.
        fixture.clock.set(MIDNIGHT_NS - 1);
        sendLimitBuy();
        assertEquals(RejectReason.DAILY_LOSS_LIMIT, fixture.lastReport().reason());

        // A new day starts from the equity at its first message.
        fixture.clock.set(MIDNIGHT_NS);
        fixture.book(BTC, "89.99x10", "90.01x10");
        assertEquals(0, fixture.engine.dayPnl());
        sendLimitBuy();
        assertEquals(NEW, fixture.lastReport().execType());
    }

    @Test
    void shouldCountALossMadeBeforeTheDaysFirstOrder()
    {
        fixture.clock.set(MIDNIGHT_NS + 3_600_000_000_000L);
        // The first message of the day sets its start (unrealised -0.05, fee 0.04 from the day before) ...
        fixture.book(BTC, "99.90x10", "100.00x10");
        assertEquals(0, fixture.engine.dayPnl());

        // ... and the fall afterwards counts against it: mid 89.95 is 10.00 down on 99.95.
        fixture.book(BTC, "89.90x10", "90.00x10");
        assertEquals(amount("-10.00"), fixture.engine.dayPnl());
        sendLimitBuy();
        assertEquals(RejectReason.DAILY_LOSS_LIMIT, fixture.lastReport().reason());
    }

    private long sendLimitBuy()
    {
        return fixture.intent().buy("0.001").limit("80.00").tif(TimeInForce.GTC).send();
    }
}
