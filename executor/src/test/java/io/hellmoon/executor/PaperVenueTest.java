/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.executor.ExecutorFixture.PositionEvent;
import io.hellmoon.executor.ExecutorFixture.Report;
import io.hellmoon.sbe.ExecType;
import io.hellmoon.sbe.ExecutionReportDecoder;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.LiquidityFlag;
import io.hellmoon.sbe.OrderStatus;
import io.hellmoon.sbe.RejectReason;
import io.hellmoon.sbe.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hellmoon.executor.ExecutorFixture.BTC;
import static io.hellmoon.executor.ExecutorFixture.amount;
import static io.hellmoon.executor.ExecutorFixture.px;
import static io.hellmoon.executor.ExecutorFixture.qty;
import static io.hellmoon.sbe.ExecType.CANCELED;
import static io.hellmoon.sbe.ExecType.EXPIRED;
import static io.hellmoon.sbe.ExecType.FILL;
import static io.hellmoon.sbe.ExecType.NEW;
import static io.hellmoon.sbe.ExecType.PARTIAL_FILL;
import static io.hellmoon.sbe.ExecType.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fills of the paper venue against a known book, every number worked out by hand. Book: bids 99.90 x 1, 99.80 x 2;
 * asks 100.00 x 0.5, 100.10 x 1, 100.50 x 2. Taker 0.04 %, maker 0.02 %.
 */
class PaperVenueTest
{
    private static final String BIDS = "99.90x1, 99.80x2";
    private static final String ASKS = "100.00x0.5, 100.10x1, 100.50x2";

    private ExecutorFixture fixture;

    @BeforeEach
    void setUp()
    {
        fixture = new ExecutorFixture();
        fixture.defineBtc();
        fixture.book(BTC, BIDS, ASKS);
    }

    @AfterEach
    void tearDown()
    {
        fixture.close();
    }

    @Test
    void shouldWalkTheAsksForAMarketBuyWithExactPricesFeesVwapAndSlippage()
    {
        final ExecutorFixture.Intent intent = fixture.intent().buy("2").expected("100.00");
        final long clOrdId = intent.send();

        final List<Report> reports = fixture.reports(clOrdId);
        assertEquals(List.of(NEW, PARTIAL_FILL, PARTIAL_FILL, FILL), fixture.execTypes(clOrdId));

        final Report ack = reports.get(0);
        assertEquals(OrderStatus.NEW, ack.status());
        assertEquals(qty("2"), ack.orderQuantity());
        assertEquals(qty("2"), ack.leavesQuantity());
        assertEquals(0, ack.cumQuantity());
        assertEquals(ExecutionReportDecoder.lastPriceNullValue(), ack.lastPrice());
        assertEquals(ExecutionReportDecoder.averagePriceNullValue(), ack.averagePrice());
        assertEquals(px("100.00"), ack.expectedPrice());
        assertEquals(LiquidityFlag.NULL_VAL, ack.liquidity());
        assertTrue(Double.isNaN(ack.slippageBps()));

        // 0.5 @ 100.00: notional 50.00, fee 0.02.
        assertFill(reports.get(1), "0.5", "100.00", "0.5", "1.5", "100.00", "0.02", 0.0);
        // 1 @ 100.10: notional 100.10, fee 0.04004; VWAP 150.10 / 1.5 = 100.0667; slippage 0.10 / 150 = 6.667 bps.
        assertFill(reports.get(2), "1", "100.10", "1.5", "0.5", "100.07", "0.04004", 0.10 / 150.00 * 10_000);
        // 0.5 @ 100.50: notional 50.25, fee 0.0201; VWAP 200.35 / 2 = 100.175; slippage 0.35 / 200 = 17.5 bps.
        assertFill(reports.get(3), "0.5", "100.50", "2", "0", "100.18", "0.0201", 17.5);
        assertEquals(OrderStatus.FILLED, reports.get(3).status());

        // A position update after each fill; marked to the mid 99.95 of the book as published.
        final List<PositionEvent> positions = fixture.positions();
        assertEquals(3, positions.size());
        assertPosition(positions.get(0), "0.5", "100.00", "-0.025", "0.02", 1);
        assertPosition(positions.get(1), "1.5", "100.07", "-0.18", "0.06004", 2);
        assertPosition(positions.get(2), "2", "100.18", "-0.46", "0.08014", 3);
        assertEquals(px("99.95"), positions.get(2).markPrice());
        assertEquals(0, positions.get(2).realisedPnl());

        assertEquals(qty("2"), fixture.engine.positionQuantity(BTC));
        assertEquals(amount("0.08014"), fixture.engine.fees(BTC));
    }

    @Test
    void shouldCarryTheIntentTimesAndStampThePublishTimeFromTheClock()
    {
        final ExecutorFixture.Intent intent = fixture.intent().buy("0.5");
        intent.send();

        for (final Report report : fixture.reports())
        {
            assertEquals(intent.eventTimeNs, report.eventTimeNs());
            assertEquals(intent.receiveTimeNs, report.receiveTimeNs());
            assertEquals(intent.publishTimeNs, report.sourcePublishTimeNs());
            assertEquals(fixture.clock.nanoTime(), report.publishTimeNs());
        }
        final PositionEvent position = fixture.lastPosition();
        assertEquals(intent.eventTimeNs, position.eventTimeNs());
        assertEquals(intent.receiveTimeNs, position.receiveTimeNs());
        assertEquals(intent.publishTimeNs, position.sourcePublishTimeNs());
    }

    @Test
    void shouldSellIntoTheBidsAndReportAdverseSlippagePositive()
    {
        final long clOrdId = fixture.intent().sell("2.5").expected("99.90").send();

        final List<Report> reports = fixture.reports(clOrdId);
        assertEquals(List.of(NEW, PARTIAL_FILL, FILL), fixture.execTypes(clOrdId));
        assertFill(reports.get(1), "1", "99.90", "1", "1.5", "99.90", "0.03996", 0.0);
        // 249.60 received against 249.75 expected: 0.15 / 249.75 = 6.006 bps adverse.
        assertFill(reports.get(2), "1.5", "99.80", "2.5", "0", "99.84", "0.05988", 0.15 / 249.75 * 10_000);
        assertEquals(qty("-2.5"), fixture.engine.positionQuantity(BTC));
    }

    @Test
    void shouldPartiallyFillAMarketOrderAndExpireTheRestWhenTheDepthRunsOut()
    {
        final long clOrdId = fixture.intent().buy("5").expected("100.00").send();

        assertEquals(List.of(NEW, PARTIAL_FILL, PARTIAL_FILL, PARTIAL_FILL, EXPIRED), fixture.execTypes(clOrdId));
        final Report last = fixture.lastReport();
        assertEquals(OrderStatus.EXPIRED, last.status());
        assertEquals(RejectReason.NO_LIQUIDITY, last.reason());
        assertEquals(qty("3.5"), last.cumQuantity());
        assertEquals(0, last.leavesQuantity());
        // 50.00 + 100.10 + 201.00 = 351.10 for 3.5: 100.3143.
        assertEquals(px("100.31"), last.averagePrice());
        assertEquals(qty("3.5"), fixture.engine.positionQuantity(BTC));
    }

    @Test
    void shouldNotFillTheSameLiquidityTwiceUntilTheNextBook()
    {
        fixture.intent().buy("3.5").send();
        fixture.clear();

        final long second = fixture.intent().buy("1").send();
        assertEquals(List.of(REJECTED), fixture.execTypes(second));
        assertEquals(RejectReason.NO_LIQUIDITY, fixture.lastReport().reason());

        fixture.book(BTC, BIDS, ASKS);
        final long third = fixture.intent().buy("1").send();
        assertEquals(List.of(NEW, PARTIAL_FILL, FILL), fixture.execTypes(third));
    }

    @Test
    void shouldCancelTheRestWhenTheNextLevelIsBeyondTheSlippageCap()
    {
        final long clOrdId = fixture.intent().buy("2").expected("100.00").maxSlippageBps(15.0).send();

        // 100.00 is 0 bps, 100.10 is 10 bps, 100.50 is 50 bps: the walk stops after 1.5.
        assertEquals(List.of(NEW, PARTIAL_FILL, PARTIAL_FILL, CANCELED), fixture.execTypes(clOrdId));
        final Report last = fixture.lastReport();
        assertEquals(RejectReason.SLIPPAGE_LIMIT, last.reason());
        assertEquals(qty("1.5"), last.cumQuantity());
        assertEquals(OrderStatus.CANCELED, last.status());
    }

    @Test
    void shouldRejectWhenEvenTheBestPriceIsBeyondTheSlippageCap()
    {
        final long clOrdId = fixture.intent().buy("1").expected("99.00").maxSlippageBps(50.0).send();

        // 100.00 against 99.00 is 101 bps.
        assertEquals(List.of(REJECTED), fixture.execTypes(clOrdId));
        assertEquals(RejectReason.SLIPPAGE_LIMIT, fixture.lastReport().reason());
        assertEquals(0, fixture.engine.positionQuantity(BTC));
    }

    @Test
    void shouldMeasureSlippageAgainstTheArrivalPriceWhenNoExpectedPriceIsGiven()
    {
        fixture.intent().buy("1.5").send();

        final Report last = fixture.lastReport();
        assertEquals(px("100.00"), last.expectedPrice());
        assertEquals(0.10 / 150.00 * 10_000, last.slippageBps(), 1e-9);
    }

    @Test
    void shouldFillAMarketableLimitOrderUpToItsPriceAndRestTheRest()
    {
        final long clOrdId = fixture.intent().buy("2").limit("100.10").send();

        assertEquals(List.of(NEW, PARTIAL_FILL, PARTIAL_FILL), fixture.execTypes(clOrdId));
        assertEquals(LiquidityFlag.TAKER, fixture.lastReport().liquidity());
        assertEquals(OrderStatus.PARTIALLY_FILLED, fixture.lastReport().status());
        assertEquals(qty("0.5"), fixture.lastReport().leavesQuantity());
        assertEquals(1, fixture.engine.restingOrderCount());

        // A print through 100.10 fills the rest at the limit, as maker: 0.5 x 100.10 = 50.05, fee 0.01001.
        // In all 200.15 for 2 (VWAP 100.075) against the limit 100.10, the expectation when none is given: -2.5 bps.
        fixture.clear();
        fixture.trade(BTC, "100.05", "0.01");
        final Report fill = fixture.lastReport();
        assertFill(fill, "0.5", "100.10", "2", "0", "100.08", "0.01001", -0.05 / 200.20 * 10_000);
        assertEquals(px("100.10"), fill.expectedPrice());
        assertEquals(LiquidityFlag.MAKER, fill.liquidity());
        assertEquals(0, fixture.engine.restingOrderCount());
    }

    @Test
    void shouldRestANonMarketableLimitOrderAndFillItOnlyWhenATradePrintsThroughIt()
    {
        final long clOrdId = fixture.intent().buy("1").limit("99.50").send();
        assertEquals(List.of(NEW), fixture.execTypes(clOrdId));
        assertEquals(1, fixture.engine.restingOrderCount());

        fixture.trade(BTC, "99.50", "3");
        fixture.trade(BTC, "99.60", "3");
        assertEquals(List.of(NEW), fixture.execTypes(clOrdId));

        final long tradeTimeNs = fixture.clock.nanoTime() + 1;
        fixture.clock.set(tradeTimeNs);
        fixture.trade(BTC, "99.49", "0.001");
        assertEquals(List.of(NEW, FILL), fixture.execTypes(clOrdId));
        final Report fill = fixture.lastReport();
        assertEquals(px("99.50"), fill.lastPrice());
        assertEquals(LiquidityFlag.MAKER, fill.liquidity());
        assertEquals(amount("0.0199"), fill.fee());
        // A fill caused by market data carries that message's times.
        assertEquals(tradeTimeNs, fill.receiveTimeNs());
        assertEquals(tradeTimeNs + 1_000, fill.sourcePublishTimeNs());
    }

    @Test
    void shouldFillARestingOrderWhenTheOppositeQuoteReachesItsPrice()
    {
        final long clOrdId = fixture.intent().buy("1").limit("99.95").send();
        assertEquals(List.of(NEW), fixture.execTypes(clOrdId));

        fixture.book(BTC, BIDS, "99.95x0.4, 99.99x5");
        assertEquals(List.of(NEW, PARTIAL_FILL), fixture.execTypes(clOrdId));
        assertEquals(qty("0.4"), fixture.lastReport().lastQuantity());
        assertEquals(px("99.95"), fixture.lastReport().lastPrice());
        assertEquals(LiquidityFlag.MAKER, fixture.lastReport().liquidity());

        fixture.book(BTC, BIDS, "99.90x5");
        assertEquals(List.of(NEW, PARTIAL_FILL, FILL), fixture.execTypes(clOrdId));
        assertEquals(px("99.95"), fixture.lastReport().lastPrice());
        assertEquals(0, fixture.engine.restingOrderCount());
    }

    @Test
    void shouldRejectAMarketablePostOnlyOrderAndRestOneThatIsNot()
    {
        final long marketable = fixture.intent().buy("1").postOnly("100.00").send();
        assertEquals(List.of(REJECTED), fixture.execTypes(marketable));
        assertEquals(RejectReason.VENUE_REJECTED, fixture.lastReport().reason());

        final long resting = fixture.intent().buy("1").postOnly("99.95").send();
        assertEquals(List.of(NEW), fixture.execTypes(resting));

        fixture.trade(BTC, "99.94", "1");
        assertEquals(List.of(NEW, FILL), fixture.execTypes(resting));
        assertEquals(LiquidityFlag.MAKER, fixture.lastReport().liquidity());
        // 99.95 x 1 x 0.02 %.
        assertEquals(amount("0.01999"), fixture.lastReport().fee());
    }

    @Test
    void shouldExpireTheUnfilledRestOfAnIocLimitOrder()
    {
        final long partly = fixture.intent().buy("1").limit("100.00").tif(TimeInForce.IOC).send();
        assertEquals(List.of(NEW, PARTIAL_FILL, EXPIRED), fixture.execTypes(partly));
        assertEquals(RejectReason.NONE, fixture.lastReport().reason());
        assertEquals(qty("0.5"), fixture.lastReport().cumQuantity());

        final long none = fixture.intent().buy("1").limit("99.00").tif(TimeInForce.IOC).send();
        assertEquals(List.of(NEW, EXPIRED), fixture.execTypes(none));
        assertEquals(0, fixture.engine.restingOrderCount());
    }

    @Test
    void shouldFillAFokOrderCompletelyOrNotAtAll()
    {
        final long tooBig = fixture.intent().buy("2").limit("100.10").tif(TimeInForce.FOK).send();
        assertEquals(List.of(NEW, EXPIRED), fixture.execTypes(tooBig));
        assertEquals(0, fixture.lastReport().cumQuantity());
        assertEquals(0, fixture.engine.positionQuantity(BTC));

        final long fits = fixture.intent().buy("1.5").limit("100.10").tif(TimeInForce.FOK).send();
        assertEquals(List.of(NEW, PARTIAL_FILL, FILL), fixture.execTypes(fits));
    }

    @Test
    void shouldCancelARestingOrderOnRequest()
    {
        final long clOrdId = fixture.intent().sell("1").limit("101.00").send();
        assertTrue(fixture.engine.cancel(clOrdId));
        assertEquals(List.of(NEW, CANCELED), fixture.execTypes(clOrdId));
        assertEquals(OrderStatus.CANCELED, fixture.lastReport().status());
        assertEquals(0, fixture.engine.restingOrderCount());

        assertFalse(fixture.engine.cancel(clOrdId));
        assertFalse(fixture.engine.cancel(12345));
        fixture.trade(BTC, "101.50", "1");
        assertEquals(List.of(NEW, CANCELED), fixture.execTypes(clOrdId));
    }

    @Test
    void shouldFillRestingOrdersInTimePriority()
    {
        final long first = fixture.intent().buy("1").limit("99.50").send();
        final long second = fixture.intent().buy("1").limit("99.60").send();
        fixture.clear();

        fixture.book(BTC, BIDS, "99.50x1.5");
        assertEquals(List.of(FILL), fixture.execTypes(first));
        assertEquals(List.of(PARTIAL_FILL), fixture.execTypes(second));
        assertEquals(qty("0.5"), fixture.lastReport().lastQuantity());
    }

    @Test
    void shouldUseTheBestBidOfferWhenNoBookIsKnown()
    {
        try (ExecutorFixture bboOnly = new ExecutorFixture())
        {
            bboOnly.defineBtc();
            bboOnly.bbo(BTC, "99.90", "1", "100.00", "0.3");
            final long clOrdId = bboOnly.intent().buy("1").send();

            assertEquals(List.of(NEW, PARTIAL_FILL, EXPIRED), bboOnly.execTypes(clOrdId));
            assertEquals(px("100.00"), bboOnly.reports(clOrdId).get(1).lastPrice());
            assertEquals(qty("0.3"), bboOnly.lastReport().cumQuantity());
        }
    }

    @Test
    void shouldTakeOnlyAShareOfEachLevelAndFillOnlyOnPrintsWithTheConservativeModel()
    {
        try (ExecutorFixture conservative = new ExecutorFixture(
            context -> context.fillModelName(FillModel.CONSERVATIVE).conservativeFillFraction(0.5)))
        {
            conservative.defineBtc();
            conservative.book(BTC, BIDS, ASKS);

            // Half of each level: 0.25 + 0.5 + 1 = 1.75, then the depth is exhausted.
            final long market = conservative.intent().buy("2").send();
            assertEquals(
                List.of(NEW, PARTIAL_FILL, PARTIAL_FILL, PARTIAL_FILL, EXPIRED), conservative.execTypes(market));
            assertEquals(qty("1.75"), conservative.lastReport().cumQuantity());

            final long resting = conservative.intent().sell("1").limit("101.00").send();
            conservative.book(BTC, "101.00x5", "101.10x5");
            assertEquals(List.of(NEW), conservative.execTypes(resting));

            conservative.trade(BTC, "101.01", "0.3");
            assertEquals(List.of(NEW, PARTIAL_FILL), conservative.execTypes(resting));
            assertEquals(qty("0.3"), conservative.lastReport().lastQuantity());
        }
    }

    @Test
    void shouldFillExactlyAtBinanceScaleWithoutOverflow()
    {
        try (ExecutorFixture binance = new ExecutorFixture(
            context -> context.maxOrderNotional(1_000_000).maxPositionNotional(1_000_000)))
        {
            // Exponents -8 as the feed publishes Binance instruments: 61,000.5 x 3 BTC overflows a long product.
            binance.define(
                BTC, -8, -8, 1_000_000, 100_000, 100_000, 0, InstrumentKind.PERPETUAL, InstrumentStatus.TRADING);
            binance.book(BTC, "61000.40x10", "61000.50x1, 61001.00x2", -8, -8);
            final long clOrdId = binance.intent().exponents(-8, -8).buy("3").expected("61000.50").send();

            final List<Report> reports = binance.reports(clOrdId);
            assertEquals(List.of(NEW, PARTIAL_FILL, FILL), binance.execTypes(clOrdId));
            final Report last = reports.get(2);
            // 61000.50 + 2 x 61001.00 = 183002.50 for 3: 61000.8333...
            assertEquals(6_100_083_333_333L, last.averagePrice());
            // Fee of the last fill: 122002.00 x 0.0004 = 48.8008.
            assertEquals(amount("48.8008"), last.fee());
            assertEquals(1.0 / 183001.50 * 10_000, last.slippageBps(), 1e-9);
        }
    }

    private static void assertFill(
        final Report report,
        final String lastQuantity,
        final String lastPrice,
        final String cumQuantity,
        final String leavesQuantity,
        final String averagePrice,
        final String fee,
        final double slippageBps)
    {
        assertEquals(qty(lastQuantity), report.lastQuantity(), "last quantity");
        assertEquals(px(lastPrice), report.lastPrice(), "last price");
        assertEquals(qty(cumQuantity), report.cumQuantity(), "cum quantity");
        assertEquals(qty(leavesQuantity), report.leavesQuantity(), "leaves quantity");
        assertEquals(px(averagePrice), report.averagePrice(), "average price");
        assertEquals(amount(fee), report.fee(), "fee");
        assertEquals(-8, report.feeExponent());
        assertEquals(slippageBps, report.slippageBps(), 1e-9, "slippage");
        assertEquals(ExecType.FILL == report.execType() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED,
            report.status());
    }

    private static void assertPosition(
        final PositionEvent position,
        final String quantity,
        final String averageEntryPrice,
        final String unrealisedPnl,
        final String fees,
        final int tradeCount)
    {
        assertEquals(qty(quantity), position.quantity(), "quantity");
        assertEquals(px(averageEntryPrice), position.averageEntryPrice(), "average entry");
        assertEquals(amount(unrealisedPnl), position.unrealisedPnl(), "unrealised");
        assertEquals(amount(fees), position.fees(), "fees");
        assertEquals(tradeCount, position.tradeCount(), "trade count");
    }
}
