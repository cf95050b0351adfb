/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.strategy;

import io.hellmoon.router.risk.Regimes;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.OrderType;
import io.hellmoon.sbe.TradingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategyRepositoryTest
{
    @TempDir
    Path folder;

    @Test
    void shouldCompileEveryFieldWithDefaultsAndOverrides() throws Exception
    {
        Files.writeString(folder.resolve("full.json"), "{\"name\": \"Full\", \"priority\": 3, \"hellmoon_events\": " +
            "[{\"type\": \"BOOK_IMBALANCE\", \"min_score\": 2.5, \"directions\": [\"DOWN\"], \"side\": \"fade\"}], " +
            "\"exits\": {\"k1\": 1.8, \"trailing\": {\"atr_multiple\": 3}, \"regimes\": {\"EXTREME_VOL\": " +
            "{\"k1\": 3.5, \"max_duration_hours\": 2}}}, \"risk\": {\"regime_factors\": {\"HIGH_VOL\": 0.6}, " +
            "\"cooldown_seconds\": 1.5}, \"costs\": {\"maker_fee_rate\": 0}, \"live_settings\": {\"allowed_modes\": " +
            "[\"live\"], \"max_slippage_pct\": 0.35, \"order_type\": \"limit\", \"cancel_if_latency_ms\": 100}}");
        Files.writeString(folder.resolve("off.json"), "{\"enabled\": false, \"hellmoon_events\": [{\"type\": " +
            "\"BREAKOUT\"}]}");

        final StrategyRepository repository = new StrategyRepository(folder, StrategyDefaults.defaults());
        final StrategySet set = repository.current();
        assertEquals(1, set.size(), "disabled strategies load but do not run");
        final CompiledStrategy strategy = set.byId("full");
        final int type = AnomalyType.BOOK_IMBALANCE.value();
        assertTrue(strategy.handles(type));
        assertFalse(strategy.handles(AnomalyType.VOLUME_SPIKE.value()));
        assertEquals(2.5, strategy.minScore(type));
        assertEquals(CompiledStrategy.DIRECTION_DOWN, strategy.directionMask(type));
        assertTrue(strategy.fades(type));
        assertEquals(3, strategy.priority());
        assertEquals(1.8, strategy.k1(Regimes.NORMAL_VOL));
        assertEquals(3.5, strategy.k1(Regimes.EXTREME_VOL));
        assertEquals(3.0, strategy.k2(Regimes.NORMAL_VOL), "built-in NORMAL_VOL k2");
        assertEquals(5.0, strategy.k2(Regimes.EXTREME_VOL), "built-in EXTREME_VOL k2");
        assertEquals(3.0, strategy.trailingAtrMultiple(Regimes.LOW_VOL));
        assertEquals(2.0, strategy.maxDurationHours(Regimes.EXTREME_VOL));
        assertEquals(24.0, strategy.maxDurationHours(Regimes.NORMAL_VOL));
        assertEquals(0.6, strategy.regimeFactor(Regimes.HIGH_VOL));
        assertEquals(0.5, strategy.regimeFactor(Regimes.EXTREME_VOL));
        assertEquals(1_500_000_000L, strategy.cooldownNs());
        assertEquals(0.0, strategy.costs().makerFeeRate());
        assertEquals(0.0005, strategy.costs().takerFeeRate());
        assertTrue(strategy.allowsMode(TradingMode.LIVE.value()));
        assertFalse(strategy.allowsMode(TradingMode.PAPER.value()));
        assertEquals(35.0, strategy.maxSlippageBps(), 1e-9);
        assertEquals(OrderType.LIMIT, strategy.orderType());
        assertEquals(100_000_000L, strategy.cancelIfLatencyNs());
        assertTrue(strategy.isHellmoonCompatible());
        assertEquals(0.01, strategy.riskPerTrade());
    }

    @Test
    void shouldKeepTheOldSetWhenAReloadFailsAndKeepOrdinalsStable() throws Exception
    {
        Files.writeString(folder.resolve("b.json"), "{\"hellmoon_events\": [{\"type\": \"BREAKOUT\"}]}");
        final StrategyRepository repository = new StrategyRepository(folder, StrategyDefaults.defaults());
        final StrategySet first = repository.current();
        final int ordinal = first.byId("b").ordinal();

        Files.writeString(folder.resolve("a.json"), "{\"hellmoon_events\": [{\"type\": \"BREAKOUT\"}], \"oops\": 1}");
        final ReloadResult failed = repository.reload();
        assertFalse(failed.success());
        assertSame(first, repository.current());
        assertSame(first, failed.active());
        assertTrue(failed.describe().contains("a.json: $.oops: unknown key 'oops'"), failed.describe());

        Files.writeString(folder.resolve("a.json"), "{\"hellmoon_events\": [{\"type\": \"BREAKOUT\"}]}");
        final ReloadResult succeeded = repository.reload();
        assertTrue(succeeded.success());
        assertEquals(2, repository.current().size());
        assertEquals(ordinal, repository.current().byId("b").ordinal());
        assertEquals(2, repository.current().forAnomalyType(AnomalyType.BREAKOUT.value()).length);
    }

    @Test
    @Timeout(30)
    void shouldReloadWhenAFileChanges() throws Exception
    {
        Files.writeString(folder.resolve("s.json"), "{\"hellmoon_events\": [{\"type\": \"BREAKOUT\"}]}");
        final StrategyRepository repository = new StrategyRepository(folder, StrategyDefaults.defaults());
        final BlockingQueue<ReloadResult> results = new ArrayBlockingQueue<>(16);
        try (StrategyFolderWatcher ignore = new StrategyFolderWatcher(repository, 50, results::add))
        {
            Files.writeString(folder.resolve("s.json"), "{\"name\": \"Renamed\", \"hellmoon_events\": " +
                "[{\"type\": \"BREAKOUT\"}]}");
            ReloadResult result = results.poll(20, TimeUnit.SECONDS);
            assertNotNull(result);
            while (!"Renamed".equals(repository.current().byId("s").name()))
            {
                result = results.poll(20, TimeUnit.SECONDS);
                assertNotNull(result);
            }
            assertTrue(result.success());
        }
    }
}
