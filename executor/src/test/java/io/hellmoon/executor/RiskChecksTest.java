/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.executor.ExecutorFixture.Report;
import io.hellmoon.sbe.ControlCommandType;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.OrderStatus;
import io.hellmoon.sbe.RejectReason;
import io.hellmoon.sbe.TimeInForce;
import io.hellmoon.sbe.TradingMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hellmoon.executor.ExecutorFixture.BTC;
import static io.hellmoon.executor.ExecutorFixture.ETH;
import static io.hellmoon.executor.ExecutorFixture.amount;
import static io.hellmoon.executor.ExecutorFixture.qty;
import static io.hellmoon.sbe.ExecType.CANCELED;
import static io.hellmoon.sbe.ExecType.FILL;
import static io.hellmoon.sbe.ExecType.NEW;
import static io.hellmoon.sbe.ExecType.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each pre-trade check rejects with its reason and lets the same order through under the limit. Limits: order
 * notional 1,000, position notional 1,500, daily loss 10. BTC book: 99.90 / 100.00, 100 deep on each side.
 */
class RiskChecksTest
{
    private ExecutorFixture fixture;

    @BeforeEach
    void setUp()
    {
        fixture = new ExecutorFixture(
            context -> context.maxOrderNotional(1_000).maxPositionNotional(1_500).dailyLossLimit(10));
        fixture.defineBtc();
        fixture.book(BTC, "99.90x100", "100.00x100");
    }

    @AfterEach
    void tearDown()
    {
        fixture.close();
    }

    @Test
    void shouldRejectEveryOrderWhileTheKillSwitchIsEngagedAndAcceptAgainWhenReleased()
    {
        final long resting = fixture.intent().buy("1").limit("99.00").send();
        assertEquals(0, fixture.engine.counters().killSwitch().get());

        fixture.control(ControlCommandType.KILL_SWITCH_ENGAGE, 0);
        assertTrue(fixture.engine.isKillSwitchEngaged());
        assertEquals(1, fixture.engine.counters().killSwitch().get());
        assertEquals(List.of(NEW, CANCELED), fixture.execTypes(resting));
        assertEquals(RejectReason.KILL_SWITCH, fixture.lastReport().reason());

        assertRejected(fixture.intent().buy("1"), RejectReason.KILL_SWITCH);
        assertRejected(fixture.intent().sell("1").purpose(OrderPurpose.EXIT_MANUAL), RejectReason.KILL_SWITCH);
        // The kill switch comes before every other check.
        assertRejected(fixture.intent().buy("1").instrument(99), RejectReason.KILL_SWITCH);

        fixture.control(ControlCommandType.KILL_SWITCH_RELEASE, 0);
        assertFalse(fixture.engine.isKillSwitchEngaged());
        assertEquals(0, fixture.engine.counters().killSwitch().get());
        assertAccepted(fixture.intent().buy("1"));
    }

    @Test
    void shouldStartWithTheKillSwitchEngagedWhenConfigured()
    {
        try (ExecutorFixture engaged = new ExecutorFixture(context -> context.killSwitchEngaged(true)))
        {
            engaged.defineBtc();
            engaged.book(BTC, "99.90x100", "100.00x100");
            assertEquals(1, engaged.engine.counters().killSwitch().get());
            engaged.intent().buy("1").send();
            assertEquals(RejectReason.KILL_SWITCH, engaged.lastReport().reason());
        }
    }

    @Test
    void shouldRejectAnUnknownInstrument()
    {
        final long clOrdId = fixture.intent().buy("1").instrument(ETH).send();
        final Report reject = fixture.lastReport();
        assertEquals(clOrdId, reject.clOrdId());
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, reject.reason());
        assertEquals(OrderStatus.REJECTED, reject.status());
        assertEquals(1, fixture.engine.counters().rejects().get());
        assertEquals(0, fixture.engine.counters().orders().get());
    }

    @Test
    void shouldRejectADisabledSymbolUntilEnabled()
    {
        fixture.control(ControlCommandType.DISABLE_SYMBOL, BTC);
        assertRejected(fixture.intent().buy("1"), RejectReason.SYMBOL_DISABLED);

        fixture.control(ControlCommandType.ENABLE_SYMBOL, BTC);
        assertAccepted(fixture.intent().buy("1"));
    }

    @Test
    void shouldRejectNonPositiveQuantities()
    {
        assertRejected(fixture.intent().rawQuantity(0), RejectReason.INVALID_ORDER);
        assertRejected(fixture.intent().rawQuantity(-1000), RejectReason.INVALID_ORDER);
        assertAccepted(fixture.intent().rawQuantity(1));
    }

    @Test
    void shouldRejectAQuantityOffTheStepSize()
    {
        // 1.0005 cannot be expressed in steps of 0.001; 1.0000 at a finer exponent can.
        assertRejected(fixture.intent().exponents(-2, -4).rawQuantity(10_005), RejectReason.INVALID_ORDER);
        assertAccepted(fixture.intent().exponents(-2, -4).rawQuantity(10_000));
        assertEquals(qty("1"), fixture.lastReport().orderQuantity());
        assertEquals(-3, fixture.lastReport().sizeExponent());
    }

    @Test
    void shouldRejectALimitPriceOffTheTickOrMissing()
    {
        // ETH ticks in 0.05.
        fixture.define(ETH, -2, -3, 5, 1, 1, 0, InstrumentKind.SPOT, InstrumentStatus.TRADING);
        fixture.book(ETH, "99.90x100", "100.00x100");

        assertRejected(fixture.intent().instrument(ETH).buy("1").limit("99.03"), RejectReason.INVALID_ORDER);
        assertRejected(fixture.intent().instrument(ETH).buy("1").limit("99.05").noLimitPrice(),
            RejectReason.INVALID_ORDER);
        assertAccepted(fixture.intent().instrument(ETH).buy("1").limit("99.05"));
    }

    @Test
    void shouldRejectBadTypesForTheVenue()
    {
        assertRejected(fixture.intent().buy("1").postOnly("99.00").tif(TimeInForce.IOC), RejectReason.INVALID_ORDER);
        assertRejected(fixture.intent().rawSide((short)7), RejectReason.INVALID_ORDER);
        assertAccepted(fixture.intent().buy("1").postOnly("99.00"));
    }

    @Test
    void shouldRejectAnEntryWhoseStopOrTargetIsOnTheWrongSide()
    {
        assertRejected(fixture.intent().buy("1").expected("100.00").stop("100.50"), RejectReason.INVALID_ORDER);
        assertRejected(fixture.intent().buy("1").expected("100.00").target("99.50"), RejectReason.INVALID_ORDER);
        assertRejected(fixture.intent().sell("1").expected("99.90").stop("99.00"), RejectReason.INVALID_ORDER);
        assertAccepted(fixture.intent().buy("1").expected("100.00").stop("98.00").target("103.00"));
    }

    @Test
    void shouldRejectOrdersBelowTheMinimumQuantityOrNotional()
    {
        // ETH: minimum quantity 0.010, minimum notional 5.
        fixture.define(ETH, -2, -3, 1, 1, 10, amount("5"), InstrumentKind.SPOT, InstrumentStatus.TRADING);
        fixture.book(ETH, "99.90x100", "100.00x100");

        assertRejected(fixture.intent().instrument(ETH).buy("0.005"), RejectReason.INVALID_ORDER);
        assertRejected(fixture.intent().instrument(ETH).buy("0.04"), RejectReason.INVALID_ORDER);
        assertAccepted(fixture.intent().instrument(ETH).buy("0.05"));
    }

    @Test
    void shouldRejectModesThisVenueCannotServe()
    {
        assertRejected(fixture.intent().buy("1").mode(TradingMode.LIVE), RejectReason.MODE_NOT_ALLOWED);
        assertRejected(fixture.intent().buy("1").mode(TradingMode.HYBRID), RejectReason.MODE_NOT_ALLOWED);
        assertAccepted(fixture.intent().buy("1").mode(TradingMode.BACKTEST));
    }

    @Test
    void shouldRejectOrdersOnAHaltedInstrument()
    {
        fixture.define(ETH, -2, -3, 1, 1, 1, 0, InstrumentKind.SPOT, InstrumentStatus.HALTED);
        fixture.book(ETH, "99.90x100", "100.00x100");
        assertRejected(fixture.intent().instrument(ETH).buy("1"), RejectReason.VENUE_REJECTED);

        fixture.define(ETH, -2, -3, 1, 1, 1, 0, InstrumentKind.SPOT, InstrumentStatus.TRADING);
        assertAccepted(fixture.intent().instrument(ETH).buy("1"));
    }

    @Test
    void shouldRejectAnOrderOverTheMaximumNotional()
    {
        // 10.001 x 100.00 = 1,000.10 over 1,000; 10 x 100.00 is exactly the limit and passes.
        assertRejected(fixture.intent().buy("10.001").expected("100.00"), RejectReason.MAX_ORDER_NOTIONAL);
        assertRejected(fixture.intent().buy("10.001").limit("100.00"), RejectReason.MAX_ORDER_NOTIONAL);
        // Without an expected price the best ask is the reference.
        assertRejected(fixture.intent().buy("10.001"), RejectReason.MAX_ORDER_NOTIONAL);
        assertAccepted(fixture.intent().buy("10").expected("100.00"));
    }

    @Test
    void shouldRejectAnOrderThatTakesThePositionOverTheMaximum()
    {
        assertAccepted(fixture.intent().buy("10"));
        assertAccepted(fixture.intent().buy("5"));
        // 15.001 x 100.00 = 1,500.10 over 1,500.
        assertRejected(fixture.intent().buy("0.001"), RejectReason.MAX_POSITION);
        assertEquals(qty("15"), fixture.engine.positionQuantity(BTC));
    }

    @Test
    void shouldCountRestingOrdersOnTheSameSideTowardsThePosition()
    {
        assertAccepted(fixture.intent().buy("10").limit("99.00"));
        // 10 resting + 6 = 16 x 99.00 = 1,584 over 1,500; 5 more is 1,485.
        assertRejected(fixture.intent().buy("6").limit("99.00"), RejectReason.MAX_POSITION);
        assertAccepted(fixture.intent().buy("5").limit("99.00"));
        assertEquals(2, fixture.engine.restingOrderCount());
    }

    @Test
    void shouldLetAReducingExitThroughTheLimitsThatOnlyGuardIncreases()
    {
        assertAccepted(fixture.intent().buy("10"));
        assertAccepted(fixture.intent().buy("5"));

        // Selling 15 is 1,498.50 of notional, over the 1,000 order limit, but only reduces the position.
        final long exit = fixture.intent().sell("15").purpose(OrderPurpose.EXIT_MANUAL).send();
        assertEquals(FILL, fixture.lastReport().execType());
        assertEquals(exit, fixture.lastReport().clOrdId());
        assertEquals(0, fixture.engine.positionQuantity(BTC));

        // Flipping is not reducing: 16 against a position of 15 is judged as a new 16.
        assertAccepted(fixture.intent().buy("10"));
        assertAccepted(fixture.intent().buy("5"));
        assertRejected(fixture.intent().sell("16").purpose(OrderPurpose.EXIT_MANUAL), RejectReason.MAX_ORDER_NOTIONAL);
        // Resting sells count: 10 resting (1,010, reducing) leave room for 5 more reducing, not for 11 (1,111).
        assertAccepted(fixture.intent().sell("10").limit("101.00"));
        assertRejected(fixture.intent().sell("11").limit("101.00"), RejectReason.MAX_ORDER_NOTIONAL);
        assertAccepted(fixture.intent().sell("5").limit("101.00"));
    }

    @Test
    void shouldRejectWhenTheFeedIsNotLiveAndAcceptOnceItIsLiveWithABook()
    {
        fixture.feed(BTC, FeedState.RESYNCING);
        assertRejected(fixture.intent().buy("1"), RejectReason.STALE_MARKET_DATA);
        assertRejected(fixture.intent().buy("1").limit("99.00"), RejectReason.STALE_MARKET_DATA);
        // Books that arrive while the feed is down are not trusted.
        fixture.book(BTC, "99.90x100", "100.00x100");
        assertRejected(fixture.intent().buy("1"), RejectReason.STALE_MARKET_DATA);

        fixture.feed(BTC, FeedState.LIVE);
        assertRejected(fixture.intent().buy("1"), RejectReason.NO_MARKET_DATA);
        fixture.book(BTC, "99.90x100", "100.00x100");
        assertAccepted(fixture.intent().buy("1"));
    }

    @Test
    void shouldRejectWhenTheLastBookIsOlderThanTheStalenessLimit()
    {
        fixture.clock.advance(10_000_000_000L);
        assertAccepted(fixture.intent().buy("1"));

        fixture.clock.advance(1);
        assertRejected(fixture.intent().buy("1"), RejectReason.STALE_MARKET_DATA);

        fixture.bbo(BTC, "99.90", "100", "100.00", "100");
        assertAccepted(fixture.intent().buy("1").limit("99.00"));
    }

    @Test
    void shouldRejectWhenNoMarketDataWasEverSeen()
    {
        fixture.define(ETH, -2, -3, 1, 1, 1, 0, InstrumentKind.SPOT, InstrumentStatus.TRADING);
        assertRejected(fixture.intent().instrument(ETH).buy("1"), RejectReason.NO_MARKET_DATA);
    }

    @Test
    void shouldRejectAMarketOrderWhenTheOppositeSideIsEmpty()
    {
        fixture.book(BTC, "99.90x100", "");
        assertRejected(fixture.intent().buy("1"), RejectReason.NO_LIQUIDITY);
        assertAccepted(fixture.intent().sell("1"));
        // A limit order does not need liquidity: it rests.
        assertAccepted(fixture.intent().buy("1").limit("99.00"));
    }

    @Test
    void shouldRejectARepeatedClientOrderIdWithoutFillingTwice()
    {
        final long clOrdId = fixture.intent().buy("1").send();
        fixture.intent().clOrdId(clOrdId).buy("1").send();

        assertEquals(List.of(NEW, FILL, REJECTED), fixture.execTypes(clOrdId));
        assertEquals(RejectReason.DUPLICATE_ORDER, fixture.lastReport().reason());
        assertEquals(qty("1"), fixture.engine.positionQuantity(BTC));
    }

    @Test
    void shouldLeaveTheOriginalRestingOrderAloneWhenItsIdIsRepeated()
    {
        final long clOrdId = fixture.intent().buy("1").limit("99.00").send();
        fixture.intent().clOrdId(clOrdId).sell("3").send();
        assertEquals(RejectReason.DUPLICATE_ORDER, fixture.lastReport().reason());
        assertEquals(1, fixture.engine.restingOrderCount());

        // A rejected id stays used: retrying it is a duplicate too.
        final long rejected = fixture.intent().buy("1").mode(TradingMode.LIVE).send();
        fixture.intent().clOrdId(rejected).buy("1").send();
        assertEquals(List.of(REJECTED, REJECTED), fixture.execTypes(rejected));
        assertEquals(RejectReason.DUPLICATE_ORDER, fixture.lastReport().reason());

        assertTrue(fixture.engine.cancel(clOrdId));
    }

    @Test
    void shouldForgetClientOrderIdsOlderThanTheWindow()
    {
        try (ExecutorFixture small = new ExecutorFixture(context -> context.clOrdIdWindow(16)))
        {
            small.defineBtc();
            small.book(BTC, "99.90x100", "100.00x100");
            final long first = small.intent().buy("0.001").limit("90.00").send();
            small.engine.cancel(first);
            for (int i = 0; i < 15; i++)
            {
                small.intent().buy("0.001").limit("90.00").tif(TimeInForce.IOC).send();
            }
            small.intent().clOrdId(first).buy("0.001").limit("90.00").tif(TimeInForce.IOC).send();
            assertEquals(RejectReason.DUPLICATE_ORDER, small.lastReport().reason());

            small.intent().buy("0.001").limit("90.00").tif(TimeInForce.IOC).send();
            small.clear();
            small.intent().clOrdId(first).buy("0.001").limit("90.00").tif(TimeInForce.IOC).send();
            assertEquals(NEW, small.reports().get(0).execType());
        }
    }

    private void assertRejected(final ExecutorFixture.Intent intent, final RejectReason reason)
    {
        final long clOrdId = intent.send();
        assertEquals(List.of(REJECTED), fixture.execTypes(clOrdId), "reports of " + clOrdId);
        assertEquals(reason, fixture.lastReport().reason());
        assertEquals(OrderStatus.REJECTED, fixture.lastReport().status());
        assertEquals(0, fixture.lastReport().leavesQuantity());
    }

    private void assertAccepted(final ExecutorFixture.Intent intent)
    {
        final long clOrdId = intent.send();
        final List<Report> reports = fixture.reports(clOrdId);
        assertEquals(NEW, reports.get(0).execType(), "first report of " + clOrdId + ": " + reports.get(0));
        assertEquals(RejectReason.NONE, reports.get(0).reason());
    }
}
