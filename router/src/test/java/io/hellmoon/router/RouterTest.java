/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router;

import io.aeron.exceptions.ConfigurationException;
import io.hellmoon.router.risk.Regimes;
import io.hellmoon.router.sdl.StrategyLoadException;
import io.hellmoon.router.strategy.ReloadResult;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.BarInterval;
import io.hellmoon.sbe.ControlCommandType;
import io.hellmoon.sbe.DecisionDecoder;
import io.hellmoon.sbe.DecisionOutcome;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.OrderIntentDecoder;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.OrderStatus;
import io.hellmoon.sbe.OrderType;
import io.hellmoon.sbe.RejectReason;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TimeInForce;
import io.hellmoon.sbe.TradingMode;
import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.hellmoon.router.RouterFixture.BTC;
import static io.hellmoon.router.RouterFixture.ETH;
import static io.hellmoon.router.RouterFixture.MOMENTUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterTest
{
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE_NS = TimeUnit.MINUTES.toNanos(1);

    @TempDir
    Path folder;

    private RouterFixture fixture;

    @AfterEach
    void after()
    {
        if (null != fixture)
        {
            fixture.close();
        }
    }

    private RouterFixture fixture(final String... nameAndJson)
    {
        fixture = new RouterFixture(folder, nameAndJson).withMarket();
        return fixture;
    }

    private DecisionDecoder anomaly(final AnomalyType type, final Direction direction, final double score)
    {
        return anomaly(BTC, type, direction, score, VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING, 100.0);
    }

    private DecisionDecoder anomaly(
        final int instrument, final AnomalyType type, final Direction direction, final double score,
        final VolatilityRegime volatility, final TrendRegime trend, final double atr)
    {
        final int before = fixture.sink.decisions().size();
        final double price = ETH == instrument ? 3_000.0 : 50_000.0;
        fixture.messages.anomaly(fixture.nextAnomalyId++, instrument, type, direction, score, volatility, trend, price,
            atr, fixture.clock.nanoTime());
        final List<DecisionDecoder> decisions = fixture.sink.decisions();
        assertEquals(before + 1, decisions.size(), "exactly one decision per anomaly");
        return decisions.get(decisions.size() - 1);
    }

    private static String text(final DecisionDecoder decision)
    {
        final String strategyId = decision.strategyId();
        return decision.rejectReason() + " " + strategyId + ": " + decision.detail();
    }

    private static void assertRejected(final DecisionDecoder decision, final RejectReason reason,
        final String strategyId, final String detailPart)
    {
        assertEquals(DecisionOutcome.REJECTED, decision.outcome());
        assertEquals(reason, decision.rejectReason());
        assertEquals(strategyId, decision.strategyId());
        final String detail = decision.detail();
        assertTrue(detail.contains(detailPart), "detail '" + detail + "' should contain '" + detailPart + "'");
    }

    @Test
    void shouldTakeAnomalyAndSendSizedOrderIntent()
    {
        fixture("momentum", MOMENTUM);
        final long anomalyId = fixture.nextAnomalyId;
        final DecisionDecoder decision = anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0);

        // 1R = 100, stop 2 x 100 -> 0.5 BTC = 25000, capped by 5000 notional to 0.1 BTC; costs as the sizer test.
        assertEquals(DecisionOutcome.TAKEN, decision.outcome());
        assertEquals(RejectReason.NONE, decision.rejectReason());
        final long expectedId = anomalyId ^ (1L << 56);
        assertEquals(expectedId, decision.decisionId());
        assertEquals(anomalyId, decision.anomalyId());
        assertEquals(expectedId, decision.clOrdId());
        assertEquals(Side.BUY, decision.side());
        assertEquals(AnomalyType.VOLUME_SPIKE, decision.anomalyType());
        assertEquals(VolatilityRegime.NORMAL_VOL, decision.volatilityRegime());
        assertEquals(5_000_000L, decision.entryPrice());
        assertEquals(4_980_000L, decision.stopPrice());
        assertEquals(5_040_000L, decision.targetPrice());
        assertEquals(100L, decision.quantity());
        assertEquals(-2, decision.priceExponent());
        assertEquals(-3, decision.sizeExponent());
        assertEquals(100.0, decision.riskAmount(), 1e-9);
        assertEquals(1.0, decision.sizeFactor(), 1e-9);
        assertEquals(8.5838, decision.expectedCost(), 1e-9);
        assertEquals(0.085838, decision.costInR(), 1e-9);
        final long receiveTimeNs = RouterFixture.START_NS;
        assertEquals(receiveTimeNs - 1_000, decision.eventTimeNs());
        assertEquals(receiveTimeNs, decision.receiveTimeNs());
        assertEquals(receiveTimeNs + 2_000, decision.sourcePublishTimeNs(), "the anomaly's publish time");
        assertEquals(fixture.clock.nanoTime(), decision.publishTimeNs());
        assertEquals("momentum", decision.strategyId());
        final String detail = decision.detail();
        assertTrue(detail.startsWith("taken: 1R 100.00 (NORMAL_VOL x1.00, symbol x1.00, notional capped)"), detail);

        final List<OrderIntentDecoder> intents = fixture.sink.intents();
        assertEquals(1, intents.size());
        final OrderIntentDecoder intent = intents.get(0);
        assertEquals(expectedId, intent.clOrdId());
        assertEquals(expectedId, intent.decisionId());
        assertEquals(BTC, intent.instrumentId());
        assertEquals(Side.BUY, intent.side());
        assertEquals(OrderType.MARKET, intent.orderType());
        assertEquals(TimeInForce.IOC, intent.timeInForce());
        assertEquals(OrderPurpose.ENTRY, intent.purpose());
        assertEquals(TradingMode.PAPER, intent.mode());
        assertEquals(100L, intent.quantity());
        assertEquals(OrderIntentDecoder.limitPriceNullValue(), intent.limitPrice());
        assertEquals(5_000_000L, intent.expectedPrice());
        assertEquals(4_980_000L, intent.stopPrice());
        assertEquals(5_040_000L, intent.targetPrice());
        assertEquals(20.0, intent.maxSlippageBps(), 1e-9);
        assertEquals(receiveTimeNs + 2_000, intent.sourcePublishTimeNs());
        assertEquals("momentum", intent.strategyId());
        assertEquals(1, fixture.router.decisionsTaken());

        final String line = DecisionFormatter.format(fixture.sink.decisions().get(0), fixture.router.strategies(),
            fixture.router.instrumentRegistry());
        assertTrue(line.startsWith("TAKEN    BINANCE_USDM:BTCUSDT VOLUME_SPIKE 3.00 NORMAL_VOL/TRENDING " +
            "\"Test - Momentum\" BUY 0.1 @ 50000 stop 49800 target 50400 | 1R 100.00 x1.00 cost 8.58 (0.086R)"),
            line);
    }

    @Test
    void shouldRejectAnomalyNoStrategyHandles()
    {
        fixture("momentum", MOMENTUM);
        final DecisionDecoder decision = anomaly(AnomalyType.LIQUIDATION_CASCADE, Direction.UP, 5.0);
        assertRejected(decision, RejectReason.NO_MATCHING_STRATEGY, "", "no strategy handles LIQUIDATION_CASCADE");
        assertEquals(0, fixture.sink.intents().size());
        assertEquals(1, fixture.router.decisionsRejected());
    }

    @Test
    void shouldRejectWithEachStrategyRule()
    {
        fixture("momentum", MOMENTUM,
            "live_only", "{\"hellmoon_events\": [{\"type\": \"TRADE_COUNT_BURST\"}], \"live_settings\": " +
            "{\"allowed_modes\": [\"live\"]}}",
            "backtest_only", "{\"hellmoon_events\": [{\"type\": \"SPREAD_BLOWOUT\"}], \"live_settings\": " +
            "{\"hellmoon_compatible\": false}}",
            "eth_only", "{\"symbols\": [\"ETHUSDT\"], \"hellmoon_events\": [{\"type\": \"FUNDING_DISLOCATION\"}]}");

        assertRejected(anomaly(AnomalyType.TRADE_COUNT_BURST, Direction.UP, 3.0), RejectReason.MODE_NOT_ALLOWED,
            "live_only", "live_settings.allowed_modes excludes paper");
        assertRejected(anomaly(AnomalyType.SPREAD_BLOWOUT, Direction.UP, 3.0), RejectReason.HELLMOON_DISABLED,
            "backtest_only", "hellmoon_compatible is false");
        assertRejected(anomaly(AnomalyType.FUNDING_DISLOCATION, Direction.UP, 3.0),
            RejectReason.NO_MATCHING_STRATEGY, "", "no strategy handles FUNDING_DISLOCATION for this symbol");
        assertEquals(RejectReason.NONE, anomaly(ETH, AnomalyType.FUNDING_DISLOCATION, Direction.UP, 3.0,
            VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING, 10.0).rejectReason());
        assertRejected(anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 1.2), RejectReason.SCORE_BELOW_MINIMUM,
            "momentum", "score 1.20 < min_score 1.50 for VOLUME_SPIKE");
        assertRejected(anomaly(AnomalyType.VOLUME_SPIKE, Direction.DOWN, 3.0), RejectReason.DIRECTION_NOT_ALLOWED,
            "momentum", "direction DOWN not in directions for VOLUME_SPIKE");
        assertRejected(anomaly(AnomalyType.VOLUME_SPIKE, Direction.NEUTRAL, 3.0), RejectReason.DIRECTION_NOT_ALLOWED,
            "momentum", "direction NEUTRAL");
        assertRejected(anomaly(BTC, AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0, VolatilityRegime.EXTREME_VOL,
            TrendRegime.TRENDING, 100.0), RejectReason.REGIME_FILTER, "momentum",
            "volatility regime EXTREME_VOL not in regime_filter.volatility");
        assertRejected(anomaly(BTC, AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0, VolatilityRegime.NORMAL_VOL,
            TrendRegime.RANGING, 100.0), RejectReason.REGIME_FILTER, "momentum",
            "trend regime RANGING not in regime_filter.trend");
        assertEquals(0, fixture.sink.intents().size() - 1, "only the ETH anomaly was taken");
    }

    @Test
    void shouldRejectOnMarketDataProblems()
    {
        fixture("momentum", MOMENTUM, "fast", "{\"hellmoon_events\": [{\"type\": \"BREAKOUT\"}], " +
            "\"live_settings\": {\"cancel_if_latency_ms\": 250}}");
        assertRejected(anomaly(99, AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0, VolatilityRegime.NORMAL_VOL,
            TrendRegime.TRENDING, 100.0), RejectReason.UNKNOWN_INSTRUMENT, "momentum",
            "no InstrumentDefinition for instrument 99");

        fixture.messages.definition(9, "SOLUSDT", io.hellmoon.sbe.InstrumentKind.PERPETUAL, 1, 1, 1, 5.0);
        assertRejected(anomaly(9, AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0, VolatilityRegime.NORMAL_VOL,
            TrendRegime.TRENDING, 1.0), RejectReason.NO_MARKET_DATA, "momentum", "no book or best bid/offer");

        assertRejected(anomaly(BTC, AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0, VolatilityRegime.NORMAL_VOL,
            TrendRegime.TRENDING, Double.NaN), RejectReason.NO_VOLATILITY_ESTIMATE, "momentum", "ATR not known");

        fixture.messages.feedStatus(BTC, FeedState.RESYNCING, fixture.clock.nanoTime());
        assertRejected(anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0), RejectReason.STALE_MARKET_DATA,
            "momentum", "feed is RESYNCING, not LIVE");
        fixture.messages.feedStatus(BTC, FeedState.LIVE, fixture.clock.nanoTime());

        fixture.clock.advance(6 * SECOND_NS);
        assertRejected(anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0), RejectReason.STALE_MARKET_DATA,
            "momentum", "last quote 6000 ms before the anomaly, limit 5000 ms");

        // The anomaly left the feed 300 ms before the router decided: over the strategy's 250 ms.
        fixture.messages.bestBidOffer(BTC, 49_999.90, 50_000.00, fixture.clock.nanoTime());
        fixture.messages.anomaly(500, BTC, AnomalyType.BREAKOUT, Direction.UP, 3.0, VolatilityRegime.NORMAL_VOL,
            TrendRegime.TRENDING, 50_000.0, 100.0, fixture.clock.nanoTime() - 300_000_000L);
        assertRejected(fixture.sink.lastDecision(), RejectReason.STALE_MARKET_DATA, "fast",
            "signal latency 300.0 ms > live_settings.cancel_if_latency_ms 250");

        assertEquals(RejectReason.NONE, anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0).rejectReason());
    }

    @Test
    void shouldApplyKillSwitchHellmoonSwitchAndSymbolSwitch()
    {
        fixture("momentum", MOMENTUM);
        fixture.messages.control(ControlCommandType.KILL_SWITCH_ENGAGE, 0, "");
        assertRejected(anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0), RejectReason.KILL_SWITCH, "",
            "kill switch engaged");
        fixture.messages.control(ControlCommandType.KILL_SWITCH_RELEASE, 0, "");

        fixture.messages.control(ControlCommandType.SCANNER_DISABLE, 0, "paper");
        assertRejected(anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0), RejectReason.HELLMOON_DISABLED, "",
            "Hellmoon signals are switched off for paper mode");
        fixture.messages.control(ControlCommandType.SCANNER_ENABLE, 0, "");

        fixture.messages.control(ControlCommandType.DISABLE_SYMBOL, 0, "BTCUSDT");
        assertRejected(anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0), RejectReason.SYMBOL_DISABLED, "",
            "symbol disabled by operator command");
        fixture.messages.control(ControlCommandType.ENABLE_SYMBOL, BTC, "");

        assertEquals(DecisionOutcome.TAKEN, anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0).outcome());
    }

    @Test
    void shouldRejectOpenPositionsAndTrackTheirLifecycle()
    {
        fixture = new RouterFixture(folder, (ctx) -> ctx.maxOpenPositions(2).maxGrossExposure(0.8),
            "momentum", MOMENTUM,
            "eth", "{\"hellmoon_events\": [{\"type\": \"BOOK_IMBALANCE\"}], \"risk\": {\"max_position_notional\": " +
            "5000, \"max_open_positions\": 1}}",
            "third", "{\"hellmoon_events\": [{\"type\": \"BREAKOUT\"}]}").withMarket();
        fixture.messages.definition(9, "SOLUSDT", io.hellmoon.sbe.InstrumentKind.PERPETUAL, 1, 1, 1, 5.0);
        fixture.messages.bestBidOffer(9, 149.99, 150.00, fixture.clock.nanoTime());

        final DecisionDecoder first = anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0);
        assertEquals(DecisionOutcome.TAKEN, first.outcome());
        assertRejected(anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0), RejectReason.POSITION_ALREADY_OPEN,
            "momentum", "position or entry already open");

        // The executor rejects the entry: the instrument is free again.
        fixture.messages.executionReport(first.clOrdId(), BTC, OrderStatus.REJECTED, 0);
        final DecisionDecoder again = anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0);
        assertEquals(DecisionOutcome.TAKEN, again.outcome());
        fixture.messages.position(BTC, 0.1, 50_000.0, 0.0, 2.5);
        assertEquals(1, fixture.router.positions().openCount());
        assertEquals(5_000.0, fixture.router.positions().grossNotional(), 1e-6);

        // Gross exposure limit is 0.8 x 10000 = 8000: 3000 of headroom caps the ETH entry at 1 ETH.
        final DecisionDecoder eth = anomaly(ETH, AnomalyType.BOOK_IMBALANCE, Direction.DOWN, 3.0,
            VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING, 20.0);
        assertEquals(DecisionOutcome.TAKEN, eth.outcome());
        assertEquals(Side.SELL, eth.side());
        assertEquals(1_000L, eth.quantity());

        assertRejected(anomaly(9, AnomalyType.BREAKOUT, Direction.UP, 3.0, VolatilityRegime.NORMAL_VOL,
            TrendRegime.TRENDING, 1.0), RejectReason.MAX_OPEN_POSITIONS, "third",
            "2 positions open, limit hellmoon.router.max.open.positions 2");

        // BTC closes at a profit: one slot frees up, but exposure is what binds now for ETH's strategy limit.
        fixture.messages.position(BTC, 0.0, 50_300.0, 30.0, 5.0);
        assertEquals(1, fixture.router.symbolPerformance().stats(BTC).wins());
        // Net of the 2.5 fees paid since the position opened: (30 - 2.5) / (0.1 x 200) = 1.375 R.
        assertEquals(27.5 / (0.1 * 200.0), fixture.router.symbolPerformance().stats(BTC).averageR(), 1e-9);
        assertRejected(anomaly(9, AnomalyType.BOOK_IMBALANCE, Direction.UP, 3.0, VolatilityRegime.NORMAL_VOL,
            TrendRegime.TRENDING, 1.0), RejectReason.MAX_OPEN_POSITIONS, "eth",
            "1 positions open for the strategy, risk.max_open_positions 1");
    }

    @Test
    void shouldRejectOnPortfolioExposure()
    {
        fixture = new RouterFixture(folder, (ctx) -> ctx.maxGrossExposure(0.5), "momentum", MOMENTUM,
            "eth", "{\"hellmoon_events\": [{\"type\": \"BOOK_IMBALANCE\"}]}").withMarket();
        assertEquals(DecisionOutcome.TAKEN, anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0).outcome());
        assertRejected(anomaly(ETH, AnomalyType.BOOK_IMBALANCE, Direction.UP, 3.0, VolatilityRegime.NORMAL_VOL,
            TrendRegime.TRENDING, 20.0), RejectReason.PORTFOLIO_EXPOSURE, "eth", "gross exposure 5000.00 at limit " +
            "5000.00");
    }

    @Test
    void shouldRejectDuringCooldownAndUsePostOnlyPrices()
    {
        fixture("cool", "{\"hellmoon_events\": [{\"type\": \"VOLUME_SPIKE\", \"side\": \"fade\"}], \"risk\": " +
            "{\"cooldown_seconds\": 60}, \"live_settings\": {\"order_type\": \"post-only\"}}");
        final DecisionDecoder first = anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0);
        assertEquals(DecisionOutcome.TAKEN, first.outcome());
        assertEquals(Side.SELL, first.side(), "fade sells an UP anomaly");
        final OrderIntentDecoder intent = fixture.sink.intents().get(0);
        assertEquals(OrderType.POST_ONLY, intent.orderType());
        assertEquals(TimeInForce.GTC, intent.timeInForce());
        assertEquals(5_000_000L, intent.limitPrice(), "a passive sell joins the ask");

        fixture.messages.executionReport(first.clOrdId(), BTC, OrderStatus.CANCELED, 0);
        fixture.clock.advance(30 * SECOND_NS);
        fixture.messages.bestBidOffer(BTC, 49_999.90, 50_000.00, fixture.clock.nanoTime());
        assertRejected(anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0), RejectReason.STRATEGY_COOLDOWN, "cool",
            "last entry 30.0 s ago, risk.cooldown_seconds 60.0");
        fixture.clock.advance(31 * SECOND_NS);
        fixture.messages.bestBidOffer(BTC, 49_999.90, 50_000.00, fixture.clock.nanoTime());
        assertEquals(DecisionOutcome.TAKEN, anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0).outcome());
    }

    @Test
    void shouldRejectOnCostsAndMinimumSize()
    {
        fixture("costly", "{\"hellmoon_events\": [{\"type\": \"VOLUME_SPIKE\"}], \"costs\": {\"taker_fee_rate\": " +
            "0.01}}",
            "tiny", "{\"hellmoon_events\": [{\"type\": \"BOOK_IMBALANCE\"}], \"risk\": {\"risk_per_trade\": 0.000001}}",
            "wide", "{\"hellmoon_events\": [{\"type\": \"BREAKOUT\"}], \"exits\": {\"k1\": 10}}");
        final DecisionDecoder costly = anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0);
        assertRejected(costly, RejectReason.COST_TOO_HIGH, "costly", "of the stop distance >= costs.reject_cost_in_r");
        assertTrue(costly.costInR() > 0.15, "the numbers are reported with the rejection");
        assertEquals(4_985_000L, costly.stopPrice(), "NORMAL_VOL default k1 1.5");

        assertRejected(anomaly(BTC, AnomalyType.BOOK_IMBALANCE, Direction.UP, 3.0, VolatilityRegime.NORMAL_VOL,
            TrendRegime.TRENDING, 1_000.0), RejectReason.SIZE_BELOW_MINIMUM, "tiny", "below min qty 0.001");
        assertRejected(anomaly(BTC, AnomalyType.BREAKOUT, Direction.UP, 3.0, VolatilityRegime.NORMAL_VOL,
            TrendRegime.TRENDING, 6_000.0), RejectReason.INVALID_ORDER, "wide", "stop or target not a valid price");
    }

    @Test
    void shouldReportTheStrategyThatGotFurthest()
    {
        fixture("a_strict", "{\"priority\": 10, \"hellmoon_events\": [{\"type\": \"VOLUME_SPIKE\", \"min_score\": " +
            "5}]}",
            "b_regime", "{\"priority\": 5, \"hellmoon_events\": [{\"type\": \"VOLUME_SPIKE\"}], \"regime_filter\": " +
            "{\"volatility\": [\"LOW_VOL\"]}}",
            "c_other", "{\"hellmoon_events\": [{\"type\": \"VOLUME_SPIKE\", \"directions\": [\"DOWN\"]}], " +
            "\"exits\": {\"k1\": 2.0}}");

        assertRejected(anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0), RejectReason.REGIME_FILTER, "b_regime",
            "volatility regime NORMAL_VOL");

        // A strategy that takes wins even if it comes last in priority.
        fixture.rewrite("c_other", "{\"hellmoon_events\": [{\"type\": \"VOLUME_SPIKE\"}], \"exits\": {\"k1\": 2.0}}");
        fixture.messages.control(ControlCommandType.RELOAD_STRATEGIES, 0, "");
        final DecisionDecoder decision = anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0);
        assertEquals(DecisionOutcome.TAKEN, decision.outcome());
        assertEquals("c_other", decision.strategyId());
    }

    @Test
    void shouldDisableSymbolAfterTenLossesAndReenableAfterThreeShadowWins()
    {
        fixture("momentum", MOMENTUM);
        for (int i = 0; i < 10; i++)
        {
            fixture.messages.position(BTC, 0.1, 50_000.0, -10.0 * i, 0.0);
            fixture.messages.position(BTC, 0.0, 49_900.0, -10.0 * (i + 1), 0.0);
        }
        assertFalse(fixture.router.symbolPerformance().isEnabled(BTC));

        for (int win = 0; win < 3; win++)
        {
            final DecisionDecoder decision = anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0);
            assertRejected(decision, RejectReason.SYMBOL_DISABLED, "momentum", "symbol disabled after 10 " +
                "consecutive losses; " + win + " of 3 shadow wins to re-enable, shadow trade opened");
            // Long from 50000 with a target of 4 x ATR: the price reaches 50400.
            fixture.messages.bestBidOffer(BTC, 50_400.0, 50_400.1, fixture.clock.nanoTime());
            fixture.messages.bestBidOffer(BTC, 49_999.90, 50_000.00, fixture.clock.nanoTime());
        }
        assertTrue(fixture.router.symbolPerformance().isEnabled(BTC));
        final DecisionDecoder decision = anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0);
        assertEquals(DecisionOutcome.TAKEN, decision.outcome());
        assertEquals(50.0, decision.riskAmount(), 1e-9, "still a poor symbol: half risk");
        // 0.1 BTC costs 8.5838 = 0.17 of the halved 1R: cut to 0.15 / 0.171676 = 0.8737 and floored to 0.087 BTC.
        assertEquals(87L, decision.quantity());
        assertEquals(0.5 * 0.15 / (8.5838 / 50.0), decision.sizeFactor(), 1e-9);
        assertEquals("momentum", decision.strategyId());
        final String detail = decision.detail();
        assertTrue(detail.contains("symbol x0.50, cost cut x0.87, notional capped"), detail);
    }

    @Test
    void shouldPersistSymbolStatisticsOnHousekeepingAndLoadThemAtStart()
    {
        fixture("momentum", MOMENTUM);
        fixture.messages.position(BTC, 0.1, 50_000.0, 0.0, 0.0);
        fixture.messages.position(BTC, 0.0, 50_100.0, 10.0, 1.0);
        assertEquals(1, fixture.router.doHousekeeping(fixture.clock.nanoTime()));
        assertEquals(0, fixture.router.doHousekeeping(fixture.clock.nanoTime()));
        fixture.close();

        fixture = new RouterFixture(folder, "momentum", MOMENTUM).withMarket();
        assertEquals(1, fixture.router.symbolPerformance().stats(BTC).trades());
        assertEquals(9.0, fixture.router.symbolPerformance().stats(BTC).totalPnl(), 1e-9);
    }

    @Test
    void shouldHotReloadGoodFolderAndKeepOldSetOnBadOne()
    {
        fixture("momentum", MOMENTUM);
        final long generation = fixture.router.strategies().generation();

        fixture.rewrite("momentum", MOMENTUM.replace("\"min_score\": 1.5", "\"min_score\": 4"));
        fixture.messages.control(ControlCommandType.RELOAD_STRATEGIES, 0, "");
        assertTrue(fixture.router.lastReload().success());
        assertEquals(generation + 1, fixture.router.strategies().generation());
        assertRejected(anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0), RejectReason.SCORE_BELOW_MINIMUM,
            "momentum", "min_score 4.00");

        fixture.rewrite("broken", "{\"hellmoon_events\": [{\"type\": \"VOLUME_SPIKE\", \"min_scor\": 1}]}");
        final ReloadResult result = fixture.router.reloadStrategies();
        assertFalse(result.success());
        assertTrue(result.describe().contains("broken.json: $.hellmoon_events[0].min_scor: unknown key"),
            result.describe());
        assertEquals(generation + 1, fixture.router.strategies().generation(), "old set kept");
        assertEquals(1, fixture.errors.size());
        assertTrue(fixture.errors.get(0) instanceof StrategyLoadException);
        assertRejected(anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0), RejectReason.SCORE_BELOW_MINIMUM,
            "momentum", "min_score 4.00");
    }

    @Test
    void shouldConfirmOnBarsBookAndRegime()
    {
        fixture("breakout", "{\"hellmoon_events\": [{\"type\": \"BREAKOUT\"}], \"exits\": {\"k1\": 2.0}, \"confirmations\": [{\"timeframe\": " +
            "\"1m\", \"condition\": {\"type\": \"breakout\", \"lookback\": 3}}, {\"timeframe\": \"5m\", " +
            "\"condition\": {\"type\": \"trend\", \"period\": 2}}]}",
            "book", "{\"hellmoon_events\": [{\"type\": \"BOOK_IMBALANCE\"}], \"exits\": {\"k1\": 2.0}, \"confirmations\": [{\"timeframe\": " +
            "\"1m\", \"condition\": {\"type\": \"book_imbalance\", \"min_imbalance\": 0.2}}, {\"timeframe\": \"1m\"," +
            " \"condition\": {\"type\": \"max_spread\", \"max_bps\": 1}}]}",
            "regime", "{\"hellmoon_events\": [{\"type\": \"REGIME_SHIFT\"}], \"exits\": {\"k1\": 2.0}, \"confirmations\": [{\"timeframe\": " +
            "\"1h\", \"condition\": {\"type\": \"regime\", \"trend\": [\"TRENDING\"], \"direction\": \"with_signal\"}}]}",
            "expansion", "{\"hellmoon_events\": [{\"type\": \"VOLATILITY_EXPANSION\"}], \"confirmations\": [{" +
            "\"timeframe\": \"1m\", \"condition\": {\"type\": \"volatility_expansion\", \"period\": 2, " +
            "\"min_ratio\": 2}}]}");

        assertRejected(anomaly(AnomalyType.BREAKOUT, Direction.UP, 3.0), RejectReason.CONFIRMATION_FAILED, "breakout",
            "confirmations[0] 1m breakout(lookback=3) cannot be evaluated yet: 0 of 3 bars");
        assertRejected(anomaly(AnomalyType.BOOK_IMBALANCE, Direction.UP, 3.0), RejectReason.CONFIRMATION_FAILED,
            "book", "confirmations[0] 1m book_imbalance(min_imbalance=0.2) cannot be evaluated yet: book observed for");
        assertRejected(anomaly(AnomalyType.REGIME_SHIFT, Direction.UP, 3.0), RejectReason.CONFIRMATION_FAILED,
            "regime", "cannot be evaluated yet: regime observed for 0.0 of 60 min");

        // Five-minute klines rising (for the trend) and one-minute trades: highs 50010, 50020, 50005.
        final long start = Math.floorDiv(fixture.clock.nanoTime(), 5 * MINUTE_NS) * 5 * MINUTE_NS;
        for (int i = 0; i < 3; i++)
        {
            final double close = 49_000.0 + 300.0 * i;
            fixture.messages.kline(BTC, BarInterval.M5, start + (i - 3) * 5 * MINUTE_NS, 5 * MINUTE_NS, close + 10,
                close - 10, close);
        }
        final double[] highs = { 50_010.0, 50_020.0, 50_005.0 };
        final long minute = Math.floorDiv(fixture.clock.nanoTime(), MINUTE_NS) * MINUTE_NS;
        for (int i = 0; i < 3; i++)
        {
            fixture.messages.trade(BTC, highs[i] - 20, minute + i * MINUTE_NS + SECOND_NS);
            fixture.messages.trade(BTC, highs[i], minute + i * MINUTE_NS + 2 * SECOND_NS);
        }
        fixture.clock.set(minute + 3 * MINUTE_NS + SECOND_NS);
        fixture.messages.regime(BTC, VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING, Direction.UP,
            fixture.clock.nanoTime() - 2 * TimeUnit.HOURS.toNanos(1));
        fixture.messages.regime(BTC, VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING, Direction.UP,
            fixture.clock.nanoTime() - TimeUnit.MINUTES.toNanos(2));
        // A book one-sided to the bid for more than a minute, tight spread.
        fixture.messages.bookLevels(BTC, 49_999.90, 3.0, 50_000.00, 1.0, fixture.clock.nanoTime() - 2 * MINUTE_NS);
        fixture.messages.bookLevels(BTC, 49_999.90, 3.0, 50_000.00, 1.0, fixture.clock.nanoTime());

        // 50000 is not above the 3-bar high of 50020.
        assertRejected(anomaly(AnomalyType.BREAKOUT, Direction.UP, 3.0), RejectReason.CONFIRMATION_FAILED, "breakout",
            "confirmations[0] 1m breakout(lookback=3) failed: price 50000.000000 not above 3-bar high 50020.000000");
        fixture.messages.anomaly(900, BTC, AnomalyType.BREAKOUT, Direction.UP, 3.0, VolatilityRegime.NORMAL_VOL,
            TrendRegime.TRENDING, 50_030.0, 100.0, fixture.clock.nanoTime());
        assertEquals(DecisionOutcome.TAKEN, fixture.sink.lastDecision().outcome(), text(fixture.sink.lastDecision()));

        // The book leans to the bid by (3 - 1) / 4 = 0.5 for the last three minutes, after an even book from the
        // BBO: the one-minute average is 0.5 x (1 - e^-3) = 0.476. A long is confirmed, a short is not.
        assertRejected(anomaly(ETH, AnomalyType.BOOK_IMBALANCE, Direction.DOWN, 3.0, VolatilityRegime.NORMAL_VOL,
            TrendRegime.TRENDING, 10.0), RejectReason.CONFIRMATION_FAILED, "book", "failed: imbalance 0.000");
        fixture.messages.executionReport(fixture.sink.lastDecision().clOrdId(), BTC, OrderStatus.REJECTED, 0);
        fixture.messages.executionReport(fixture.sink.decisions().get(fixture.sink.decisions().size() - 2).clOrdId(),
            BTC, OrderStatus.REJECTED, 0);
        final DecisionDecoder book = anomaly(AnomalyType.BOOK_IMBALANCE, Direction.UP, 3.0);
        assertEquals(DecisionOutcome.TAKEN, book.outcome(), text(book));
        fixture.messages.executionReport(book.clOrdId(), BTC, OrderStatus.REJECTED, 0);
        assertRejected(anomaly(AnomalyType.BOOK_IMBALANCE, Direction.DOWN, 3.0), RejectReason.CONFIRMATION_FAILED,
            "book", "failed: imbalance -0.476 in the trade's direction < 0.200");

        // The regime has held TRENDING for 2 h (since the first observation) and points up.
        final DecisionDecoder regime = anomaly(AnomalyType.REGIME_SHIFT, Direction.UP, 3.0);
        assertEquals(DecisionOutcome.TAKEN, regime.outcome(), text(regime));
        fixture.messages.executionReport(regime.clOrdId(), BTC, OrderStatus.REJECTED, 0);
        assertRejected(anomaly(AnomalyType.REGIME_SHIFT, Direction.DOWN, 3.0), RejectReason.CONFIRMATION_FAILED,
            "regime", "failed: trend direction UP against the trade");

        // Three one-minute bars with small ranges: no expansion of the close's spread.
        assertRejected(anomaly(AnomalyType.VOLATILITY_EXPANSION, Direction.UP, 3.0), RejectReason.CONFIRMATION_FAILED,
            "expansion", "cannot be evaluated yet: 3 of 4 bars");
    }

    @Test
    void shouldEmitExactlyOneDecisionPerAnomalyForRandomInput()
    {
        fixture("momentum", MOMENTUM, "fade", "{\"hellmoon_events\": [{\"type\": \"BOOK_IMBALANCE\", \"side\": " +
            "\"fade\"}, {\"type\": \"VOLATILITY_EXPANSION\"}], \"regime_filter\": {\"trend\": [\"RANGING\"]}}");
        final Random random = new Random(42);
        final AnomalyType[] types = { AnomalyType.VOLUME_SPIKE, AnomalyType.BOOK_IMBALANCE,
            AnomalyType.VOLATILITY_EXPANSION, AnomalyType.BREAKOUT };
        final Direction[] directions = { Direction.UP, Direction.DOWN, Direction.NEUTRAL };
        final VolatilityRegime[] volatilities = { VolatilityRegime.LOW_VOL, VolatilityRegime.NORMAL_VOL,
            VolatilityRegime.HIGH_VOL, VolatilityRegime.EXTREME_VOL };
        final int count = 2_000;
        for (int i = 0; i < count; i++)
        {
            fixture.clock.advance(random.nextInt(1_000_000_000));
            if (random.nextInt(4) == 0)
            {
                fixture.messages.bestBidOffer(BTC, 49_999.90, 50_000.00, fixture.clock.nanoTime());
                fixture.messages.bestBidOffer(ETH, 2_999.99, 3_000.00, fixture.clock.nanoTime());
            }
            if (random.nextInt(10) == 0)
            {
                fixture.messages.position(random.nextBoolean() ? BTC : ETH, 0.0, 1.0, 0.0, 0.0);
            }
            final int instrument = random.nextInt(10) == 0 ? 42 : random.nextBoolean() ? BTC : ETH;
            fixture.messages.anomaly(fixture.nextAnomalyId++, instrument, types[random.nextInt(types.length)],
                directions[random.nextInt(directions.length)], random.nextDouble() * 5,
                volatilities[random.nextInt(volatilities.length)],
                random.nextBoolean() ? TrendRegime.TRENDING : TrendRegime.RANGING,
                BTC == instrument ? 50_000.0 : 3_000.0, random.nextInt(20) == 0 ? Double.NaN : 50.0,
                fixture.clock.nanoTime());
        }
        final List<DecisionDecoder> decisions = fixture.sink.decisions();
        assertEquals(count, decisions.size());
        for (int i = 0; i < count; i++)
        {
            assertEquals(i + 1, decisions.get(i).anomalyId());
        }
        final long taken = decisions.stream().filter((d) -> DecisionOutcome.TAKEN == d.outcome()).count();
        assertEquals(taken, fixture.sink.intents().size());
        assertEquals(taken, fixture.router.decisionsTaken());
        assertEquals(count - taken, fixture.router.decisionsRejected());
        assertTrue(taken > 0);
    }

    @Test
    void shouldCountBadInputAndCarryOn()
    {
        fixture("momentum", MOMENTUM);
        fixture.router.onMessage(fixture.messages.buffer(), 0, 3);
        fixture.messages.buffer().putShort(4, (short)1234);
        fixture.router.onMessage(fixture.messages.buffer(), 0, 64);
        assertEquals(2, fixture.router.errorCount());
        assertEquals(DecisionOutcome.TAKEN, anomaly(AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0).outcome());
    }

    @Test
    void shouldUseRegimeExitOverridesFromConfiguration()
    {
        System.setProperty("EXIT_REGIME_HIGH_VOL_K1_SL", "2.5");
        try
        {
            fixture("plain", "{\"hellmoon_events\": [{\"type\": \"VOLUME_SPIKE\"}], \"exits\": {\"regimes\": " +
                "{\"LOW_VOL\": {\"k1\": 3.0}}}}");
        }
        finally
        {
            System.clearProperty("EXIT_REGIME_HIGH_VOL_K1_SL");
        }
        final DecisionDecoder high = anomaly(BTC, AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0,
            VolatilityRegime.HIGH_VOL, TrendRegime.TRENDING, 100.0);
        assertEquals(5_000_000L - 25_000L, high.stopPrice(), "EXIT_REGIME_HIGH_VOL_K1_SL=2.5");
        assertEquals(5_000_000L + 40_000L, high.targetPrice(), "built-in HIGH_VOL k2 4.0");
        assertEquals(75.0, high.riskAmount(), 1e-9, "HIGH_VOL risk factor 0.75");
        fixture.messages.executionReport(high.clOrdId(), BTC, OrderStatus.REJECTED, 0);

        final DecisionDecoder low = anomaly(BTC, AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0,
            VolatilityRegime.LOW_VOL, TrendRegime.TRENDING, 100.0);
        assertEquals(5_000_000L - 30_000L, low.stopPrice(), "strategy exits.regimes.LOW_VOL.k1 3.0");
        assertEquals(120.0, low.riskAmount(), 1e-9, "LOW_VOL risk factor 1.2");
        assertEquals(Regimes.LOW_VOL, 0);
    }

    @Test
    void shouldFailFastNamingTheKey()
    {
        final ConfigurationException badEquity = assertThrows(ConfigurationException.class,
            () -> new Router.Context().strategiesDir(folder.toString()).equity(-5).conclude());
        assertTrue(badEquity.getMessage().contains("hellmoon.router.equity: must be a positive number"),
            badEquity.getMessage());

        final ConfigurationException badDir = assertThrows(ConfigurationException.class,
            () -> new Router.Context().strategiesDir(folder.resolve("none").toString()).riskPerTrade(0.5).conclude());
        assertTrue(badDir.getMessage().contains("hellmoon.router.strategies.dir: not a directory"), badDir.getMessage());
        assertTrue(badDir.getMessage().contains("hellmoon.router.risk.per.trade: must be above 0 and at most 0.1"));

        System.setProperty("hellmoon.router.max.open.positions", "many");
        System.setProperty("EXIT_REGIME_EXTREME_VOL_K2_TP", "-1");
        try
        {
            final ConfigurationException badProperty = assertThrows(ConfigurationException.class,
                () -> new Router.Context().strategiesDir(folder.toString()).conclude());
            assertTrue(badProperty.getMessage().contains("hellmoon.router.max.open.positions: not an integer: 'many'"),
                badProperty.getMessage());
            assertTrue(badProperty.getMessage().contains("EXIT_REGIME_EXTREME_VOL_K2_TP: out of range: -1"),
                badProperty.getMessage());
        }
        finally
        {
            System.clearProperty("hellmoon.router.max.open.positions");
            System.clearProperty("EXIT_REGIME_EXTREME_VOL_K2_TP");
        }
    }

    @Test
    void shouldFailAtStartListingEveryInvalidStrategy() throws Exception
    {
        final Path strategies = folder.resolve("bad");
        java.nio.file.Files.createDirectories(strategies);
        java.nio.file.Files.writeString(strategies.resolve("one.json"), "{\"hellmoon_events\": []}");
        java.nio.file.Files.writeString(strategies.resolve("two.json"), "{\"extends\": \"zero\"}");
        final ConfigurationException ex = assertThrows(ConfigurationException.class,
            () -> new Router.Context().strategiesDir(strategies.toString()).conclude());
        assertTrue(ex.getMessage().contains("hellmoon.router.strategies.dir: 2 errors"), ex.getMessage());
        assertTrue(ex.getMessage().contains("one.json: $.hellmoon_events: out of range: 0 items"), ex.getMessage());
        assertTrue(ex.getMessage().contains("two.json: $.extends: bad inheritance: parent 'zero' not found"),
            ex.getMessage());
    }
}
