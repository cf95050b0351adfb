/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.risk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymbolPerformanceTest
{
    private static final int ID = 3;
    private static final String KEY = "BINANCE_USDM:SOLUSDT";

    @TempDir
    Path folder;

    private final SymbolPerformance performance = new SymbolPerformance(SymbolPerformance.Config.DEFAULTS);

    @Test
    void shouldKeepFullRiskUntilFiveTrades()
    {
        performance.attach(ID, KEY);
        for (int i = 0; i < 4; i++)
        {
            performance.onTradeClosed(ID, -10, -1.0);
            assertEquals(1.0, performance.riskModifier(ID));
        }
        performance.onTradeClosed(ID, -10, -1.0);
        assertEquals(0.5, performance.riskModifier(ID), "0 % win rate after 5 trades is poor");
    }

    @Test
    void shouldHalveRiskBelowThirtyPercentWinRateOrLowAverageR()
    {
        performance.attach(ID, KEY);
        // 1 win of 4R, 4 losses of 1R: 20 % win rate (poor), average R 0.0.
        performance.onTradeClosed(ID, 40, 4.0);
        for (int i = 0; i < 4; i++)
        {
            performance.onTradeClosed(ID, -10, -1.0);
        }
        final SymbolStats stats = performance.stats(ID);
        assertEquals(0.2, stats.winRate(), 1e-12);
        assertEquals(0.0, stats.averageR(), 1e-12);
        assertEquals(0.5, performance.riskModifier(ID));

        // A 60 % win rate with an average R of 0.2 is still poor on R.
        final SymbolPerformance other = new SymbolPerformance(SymbolPerformance.Config.DEFAULTS);
        other.attach(1, "X");
        for (int i = 0; i < 3; i++)
        {
            other.onTradeClosed(1, 5, 0.5);
        }
        other.onTradeClosed(1, -2, -0.2);
        other.onTradeClosed(1, -2, -0.1);
        assertEquals(0.6, other.stats(1).winRate(), 1e-12);
        assertEquals(0.24, other.stats(1).averageR(), 1e-12);
        assertEquals(0.5, other.riskModifier(1));
    }

    @Test
    void shouldScaleTheModifierBetweenPoorAndGood()
    {
        performance.attach(ID, KEY);
        // 2 of 5 wins = 40 %: (0.40 - 0.30) / (0.55 - 0.30) = 0.4; average R (3 x 3 - 3 x 1) / 5... R kept high.
        performance.onTradeClosed(ID, 30, 3.0);
        performance.onTradeClosed(ID, 30, 3.0);
        performance.onTradeClosed(ID, -10, -1.0);
        performance.onTradeClosed(ID, -10, -1.0);
        performance.onTradeClosed(ID, -10, -1.0);
        // average R 0.6: (0.6 - 0.3) / (1.5 - 0.3) = 0.25 is the weaker score -> 0.5 + 0.5 x 0.25 = 0.625.
        assertEquals(0.625, performance.riskModifier(ID), 1e-12);

        final SymbolPerformance good = new SymbolPerformance(SymbolPerformance.Config.DEFAULTS);
        good.attach(1, "X");
        for (int i = 0; i < 5; i++)
        {
            good.onTradeClosed(1, 20, 2.0);
        }
        assertEquals(1.0, good.riskModifier(1));
    }

    @Test
    void shouldDisableAfterTenLossesAndReenableAfterThreeShadowWins()
    {
        performance.attach(ID, KEY);
        for (int i = 0; i < 9; i++)
        {
            performance.onTradeClosed(ID, -1, -1.0);
        }
        assertTrue(performance.isEnabled(ID));
        performance.onTradeClosed(ID, -1, -1.0);
        assertFalse(performance.isEnabled(ID));
        assertEquals(10, performance.stats(ID).consecutiveLosses());

        // Shadow trade 1: long 100, stop 98, target 104; the target is hit.
        assertTrue(performance.openShadowTrade(ID, true, 100, 98, 104, 1_000));
        assertFalse(performance.openShadowTrade(ID, true, 100, 98, 104, 1_000), "one at a time");
        performance.onPrice(ID, 101, 10);
        assertTrue(performance.hasShadowTrade(ID));
        performance.onPrice(ID, 104, 20);
        assertFalse(performance.hasShadowTrade(ID));
        assertEquals(1, performance.stats(ID).shadowConsecutiveWins());

        // Shadow trade 2: the stop is hit, the run restarts.
        performance.openShadowTrade(ID, true, 100, 98, 104, 1_000);
        performance.onPrice(ID, 97.5, 30);
        assertEquals(0, performance.stats(ID).shadowConsecutiveWins());
        assertFalse(performance.isEnabled(ID));

        // Three wins: a short to its target, a long at its deadline in profit, a long to its target.
        performance.openShadowTrade(ID, false, 100, 102, 96, 1_000);
        performance.onPrice(ID, 95, 40);
        performance.openShadowTrade(ID, true, 100, 98, 104, 50);
        performance.onPrice(ID, 100.5, 60);
        assertEquals(2, performance.stats(ID).shadowConsecutiveWins());
        assertFalse(performance.isEnabled(ID));
        performance.openShadowTrade(ID, true, 100, 98, 104, 1_000);
        performance.onPrice(ID, 110, 70);

        assertTrue(performance.isEnabled(ID));
        assertEquals(0, performance.stats(ID).consecutiveLosses());
        assertEquals(5, performance.stats(ID).shadowTrades());
        assertEquals(10, performance.stats(ID).trades(), "shadow trades are not real trades");
        assertFalse(performance.openShadowTrade(ID, true, 100, 98, 104, 1_000), "no shadow trades when enabled");
    }

    @Test
    void shouldReenableAtOnceOnOperatorCommand()
    {
        performance.attach(ID, KEY);
        for (int i = 0; i < 10; i++)
        {
            performance.onTradeClosed(ID, -1, -1.0);
        }
        performance.openShadowTrade(ID, true, 100, 98, 104, 1_000);
        performance.operatorEnable(ID);
        assertTrue(performance.isEnabled(ID));
        assertFalse(performance.hasShadowTrade(ID));
    }

    @Test
    void shouldPersistAtomicallyAndLoadAcrossRestarts() throws IOException
    {
        final Path file = folder.resolve("stats").resolve("symbol-performance.json");
        performance.attach(ID, KEY);
        performance.attach(4, "BINANCE_USDM:BTCUSDT");
        performance.onTradeClosed(4, 25, 2.5);
        for (int i = 0; i < 10; i++)
        {
            performance.onTradeClosed(ID, -1, -1.0);
        }
        performance.onShadowResult(ID, true);
        assertTrue(performance.isDirty());
        performance.save(file);
        assertFalse(performance.isDirty());
        assertFalse(Files.exists(file.resolveSibling("symbol-performance.json.tmp")));

        final SymbolPerformance restarted = new SymbolPerformance(SymbolPerformance.Config.DEFAULTS);
        restarted.load(file);
        // Ids may change between runs: statistics are keyed by symbol.
        restarted.attach(11, KEY);
        restarted.attach(12, "BINANCE_USDM:BTCUSDT");

        final SymbolStats sol = restarted.stats(11);
        assertFalse(restarted.isEnabled(11));
        assertEquals(10, sol.trades());
        assertEquals(10, sol.consecutiveLosses());
        assertEquals(1, sol.shadowConsecutiveWins());
        assertEquals(-1.0, sol.averageR(), 1e-12);
        assertEquals(0.5, restarted.riskModifier(11));
        assertEquals(2.5, restarted.stats(12).averageR(), 1e-12);
        assertEquals(25.0, restarted.stats(12).totalPnl(), 1e-12);
    }

    @Test
    void shouldTreatAMissingFileAsEmptyAndRejectACorruptOne() throws IOException
    {
        performance.load(folder.resolve("none.json"));
        assertTrue(performance.all().isEmpty());

        final Path corrupt = folder.resolve("corrupt.json");
        Files.writeString(corrupt, "{\"version\": 1, \"symbols\": [");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> performance.load(corrupt));
        assertTrue(ex.getMessage().startsWith(corrupt.toString()), ex.getMessage());
    }
}
