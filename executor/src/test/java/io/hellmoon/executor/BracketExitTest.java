/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.executor.ExecutorFixture.Report;
import io.hellmoon.sbe.ControlCommandType;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.LiquidityFlag;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.RejectReason;
import io.hellmoon.sbe.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hellmoon.executor.ExecutorConfiguration.EXECUTOR_CLORDID_BASE;
import static io.hellmoon.executor.ExecutorFixture.BTC;
import static io.hellmoon.executor.ExecutorFixture.amount;
import static io.hellmoon.executor.ExecutorFixture.px;
import static io.hellmoon.executor.ExecutorFixture.qty;
import static io.hellmoon.sbe.ExecType.EXPIRED;
import static io.hellmoon.sbe.ExecType.FILL;
import static io.hellmoon.sbe.ExecType.NEW;
import static io.hellmoon.sbe.ExecType.PARTIAL_FILL;
import static io.hellmoon.sbe.ExecType.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The executor's own stop and target exits: armed by an ENTRY's stop and target, triggered by the price the
 * position could exit at (bid for a long, ask for a short, or a trade), sent as market orders for the whole position.
 */
class BracketExitTest
{
    private ExecutorFixture fixture;

    @BeforeEach
    void setUp()
    {
        fixture = new ExecutorFixture();
        fixture.defineBtc();
        fixture.book(BTC, "99.90x5", "100.00x5");
    }

    @AfterEach
    void tearDown()
    {
        fixture.close();
    }

    @Test
    void shouldSellAtTheStopWhenTheBidReachesIt()
    {
        fixture.intent().buy("1").expected("100.00").stop("98.00").target("103.00").send();
        fixture.clear();

        fixture.book(BTC, "98.01x5", "98.10x5");
        fixture.trade(BTC, "98.01", "1");
        assertTrue(fixture.reports().isEmpty());

        final long triggerTimeNs = fixture.clock.nanoTime() + 1_000;
        fixture.clock.set(triggerTimeNs);
        fixture.book(BTC, "98.00x5", "98.10x5");

        final long exitId = EXECUTOR_CLORDID_BASE;
        assertEquals(List.of(NEW, FILL), fixture.execTypes(exitId));
        final Report fill = fixture.lastReport();
        assertEquals(OrderPurpose.EXIT_STOP, fill.purpose());
        assertEquals(Side.SELL, fill.side());
        assertEquals(qty("1"), fill.lastQuantity());
        assertEquals(px("98.00"), fill.lastPrice());
        assertEquals(px("98.00"), fill.expectedPrice());
        assertEquals(0.0, fill.slippageBps());
        assertEquals(LiquidityFlag.TAKER, fill.liquidity());
        // The exit carries the times of the market data that triggered it.
        assertEquals(triggerTimeNs, fill.receiveTimeNs());
        assertEquals(triggerTimeNs + 1_000, fill.sourcePublishTimeNs());
        assertEquals(1, fixture.engine.counters().exitsTriggered().get());

        // (98.00 - 100.00) x 1 = -2.00 realised, flat.
        assertEquals(0, fixture.lastPosition().quantity());
        assertEquals(amount("-2.00"), fixture.lastPosition().realisedPnl());

        // Flat: the bracket is gone.
        fixture.clear();
        fixture.book(BTC, "97.00x5", "97.10x5");
        assertTrue(fixture.reports().isEmpty());
    }

    @Test
    void shouldSellAtTheTargetWhenTheBestBidOfferReachesIt()
    {
        try (ExecutorFixture bboOnly = new ExecutorFixture())
        {
            bboOnly.defineBtc();
            bboOnly.bbo(BTC, "99.90", "5", "100.00", "5");
            bboOnly.intent().buy("1").expected("100.00").stop("98.00").target("103.00").send();
            bboOnly.clear();

            bboOnly.bbo(BTC, "102.99", "5", "103.05", "5");
            assertTrue(bboOnly.reports().isEmpty());

            bboOnly.bbo(BTC, "103.00", "5", "103.05", "5");
            final Report fill = bboOnly.lastReport();
            assertEquals(FILL, fill.execType());
            assertEquals(OrderPurpose.EXIT_TARGET, fill.purpose());
            assertEquals(px("103.00"), fill.lastPrice());
            assertEquals(amount("3.00"), bboOnly.lastPosition().realisedPnl());
        }
    }

    @Test
    void shouldTriggerOnATradeThroughTheStopAndExitAgainstTheBook()
    {
        fixture.intent().buy("1").expected("100.00").stop("98.00").send();
        fixture.book(BTC, "98.50x5", "98.60x5");
        fixture.clear();

        fixture.trade(BTC, "97.95", "0.1");

        final Report fill = fixture.lastReport();
        assertEquals(OrderPurpose.EXIT_STOP, fill.purpose());
        assertEquals(px("98.50"), fill.lastPrice());
        // Better than the stop: negative slippage, (98.00 - 98.50) / 98.00.
        assertEquals(-0.50 / 98.00 * 10_000, fill.slippageBps(), 1e-9);
    }

    @Test
    void shouldBuyBackAShortAtItsStopOrTarget()
    {
        fixture.intent().sell("1").expected("99.90").stop("101.00").target("97.00").send();
        fixture.clear();

        fixture.book(BTC, "100.90x5", "100.99x5");
        assertTrue(fixture.reports().isEmpty());
        fixture.book(BTC, "100.90x5", "101.00x5");
        Report fill = fixture.lastReport();
        assertEquals(OrderPurpose.EXIT_STOP, fill.purpose());
        assertEquals(Side.BUY, fill.side());
        assertEquals(px("101.00"), fill.lastPrice());

        fixture.intent().sell("1").expected("100.90").stop("102.00").target("97.00").send();
        fixture.clear();
        fixture.book(BTC, "96.90x5", "97.00x5");
        fill = fixture.lastReport();
        assertEquals(OrderPurpose.EXIT_TARGET, fill.purpose());
        assertEquals(px("97.00"), fill.lastPrice());
        assertEquals(0, fixture.engine.positionQuantity(BTC));
    }

    @Test
    void shouldExitTheRestWhenAnExitOnlyPartlyFills()
    {
        fixture.intent().buy("3").expected("100.00").stop("98.00").send();
        fixture.clear();

        fixture.book(BTC, "98.00x1", "98.10x5");
        final long firstExit = EXECUTOR_CLORDID_BASE;
        assertEquals(List.of(NEW, PARTIAL_FILL, EXPIRED), fixture.execTypes(firstExit));
        assertEquals(qty("2"), fixture.engine.positionQuantity(BTC));

        fixture.book(BTC, "97.90x5", "98.00x5");
        assertEquals(List.of(NEW, FILL), fixture.execTypes(firstExit + 1));
        assertEquals(qty("2"), fixture.lastReport().cumQuantity());
        assertEquals(0, fixture.engine.positionQuantity(BTC));
    }

    @Test
    void shouldHoldExitsWhileTheKillSwitchIsEngaged()
    {
        fixture.intent().buy("1").expected("100.00").stop("98.00").send();
        fixture.control(ControlCommandType.KILL_SWITCH_ENGAGE, 0);
        fixture.clear();

        fixture.book(BTC, "97.90x5", "98.00x5");
        fixture.book(BTC, "97.80x5", "97.90x5");
        final List<Report> reports = fixture.reports();
        assertEquals(1, reports.size());
        assertEquals(REJECTED, reports.get(0).execType());
        assertEquals(RejectReason.KILL_SWITCH, reports.get(0).reason());
        assertEquals(OrderPurpose.EXIT_STOP, reports.get(0).purpose());
        assertEquals(qty("1"), fixture.engine.positionQuantity(BTC));

        fixture.control(ControlCommandType.KILL_SWITCH_RELEASE, 0);
        fixture.book(BTC, "97.80x5", "97.90x5");
        assertEquals(FILL, fixture.lastReport().execType());
        assertEquals(0, fixture.engine.positionQuantity(BTC));
    }

    @Test
    void shouldDisarmTheBracketWhenThePositionIsClosedByAnotherOrder()
    {
        fixture.intent().buy("1").expected("100.00").stop("98.00").target("103.00").send();
        fixture.intent().sell("1").purpose(OrderPurpose.EXIT_MANUAL).send();
        fixture.clear();

        fixture.book(BTC, "97.00x5", "97.10x5");
        fixture.book(BTC, "104.00x5", "104.10x5");
        assertTrue(fixture.reports().isEmpty());
    }

    @Test
    void shouldKeepTheLatestEntrysLevelsForTheWholePosition()
    {
        fixture.intent().buy("1").expected("100.00").stop("98.00").send();
        fixture.intent().buy("1").expected("100.00").stop("97.00").send();
        fixture.clear();

        fixture.book(BTC, "98.00x5", "98.10x5");
        assertTrue(fixture.reports().isEmpty());
        fixture.book(BTC, "97.00x5", "97.10x5");
        assertEquals(qty("2"), fixture.lastReport().lastQuantity());
        assertEquals(0, fixture.engine.positionQuantity(BTC));
    }

    @Test
    void shouldNotTriggerWhileTheFeedIsDown()
    {
        fixture.intent().buy("1").expected("100.00").stop("98.00").send();
        fixture.feed(BTC, FeedState.STALE);
        fixture.clear();

        fixture.trade(BTC, "97.00", "1");
        fixture.book(BTC, "97.00x5", "97.10x5");
        assertTrue(fixture.reports().isEmpty());

        fixture.feed(BTC, FeedState.LIVE);
        fixture.book(BTC, "97.00x5", "97.10x5");
        assertEquals(OrderPurpose.EXIT_STOP, fixture.lastReport().purpose());
        assertEquals(0, fixture.engine.positionQuantity(BTC));
    }

    @Test
    void shouldRetryAnExitRejectedForStaleQuotesOnTheNextQuoteNotOnEveryTrade()
    {
        fixture.intent().buy("1").expected("100.00").stop("98.00").send();
        fixture.clock.advance(10_000_000_001L);
        fixture.clear();

        fixture.trade(BTC, "97.90", "1");
        fixture.trade(BTC, "97.80", "1");
        assertEquals(1, fixture.reports().size());
        assertEquals(RejectReason.STALE_MARKET_DATA, fixture.lastReport().reason());
        assertEquals(OrderPurpose.EXIT_STOP, fixture.lastReport().purpose());

        fixture.book(BTC, "97.70x5", "97.80x5");
        assertEquals(FILL, fixture.lastReport().execType());
        assertEquals(px("97.70"), fixture.lastReport().lastPrice());
        assertEquals(0, fixture.engine.positionQuantity(BTC));
    }
}
