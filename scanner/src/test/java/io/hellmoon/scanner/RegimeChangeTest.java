/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;
import io.hellmoon.scanner.indicators.MultiTimeframeBars;
import io.hellmoon.codecs.Timeframe;
import io.hellmoon.scanner.indicators.TimeframeBars;
import io.hellmoon.scanner.regime.RegimeClassifier;
import io.hellmoon.scanner.regime.RegimeResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.hellmoon.scanner.ScannerFixture.MINUTE;
import static io.hellmoon.scanner.ScannerFixture.MS;
import static io.hellmoon.scanner.ScannerFixture.SECOND;
import static io.hellmoon.scanner.ScannerFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegimeChangeTest
{
    private static final int ID = 31;

    private final ScannerFixture fixture = new ScannerFixture(ScannerFixture.pinned(new ScannerContext())
        .regimeWarmupBars(5)
        .atrPeriod(3)
        .adxPeriod(3)
        .emaPeriod(5)
        .rangeBars(5)
        .regimeDwellBars(3));

    /**
     * The same bars through a stand-alone indicator set and classifier: what each bar classifies as, no dwell.
     */
    private final MultiTimeframeBars oracleAllBars = new MultiTimeframeBars(1, 240, 3, 100, 3, 5, 14, 20, 2.0, 5, 5);
    private final TimeframeBars oracleBars = oracleAllBars.timeframe(Timeframe.M1);
    private final RegimeClassifier oracle = new RegimeClassifier(0.015, 0.025, 0.04, 25.0, 35.0, 0.02, 0.03);
    private final RegimeResult oracleResult = new RegimeResult();
    private final List<VolatilityRegime> classified = new ArrayList<>();
    private long openNs = T0;

    private void bar(final double high, final double low)
    {
        fixture.md.bar(ID, openNs, MINUTE, 100.0, high, low, 100.0, true);
        oracleAllBars.onFeedBar(0, openNs, 100.0, high, low, 100.0, 10.0);
        if (oracleBars.bars(0) >= 5)
        {
            assertTrue(oracle.classify(100.0, oracleBars.atr(0), oracleBars.ema(0), oracleBars.adx(0),
                oracleBars.plusDi(0), oracleBars.minusDi(0), oracleBars.rangeWidth(0), oracleResult));
            classified.add(oracleResult.volatilityRegime());
        }
        openNs += MINUTE;
    }

    @Test
    void shouldAnnounceTheFirstRegimeAfterWarmUpAndChangesOnlyAfterTheyDwelt()
    {
        for (int i = 0; i < 4; i++)
        {
            bar(100.5, 99.5);
        }
        assertEquals(List.of(), fixture.sink.regimeChanges);

        bar(100.5, 99.5);
        assertEquals(1, fixture.sink.regimeChanges.size());
        final RecordingSink.RegimeChange first = fixture.sink.regimeChanges.get(0);
        assertEquals(ID, first.instrumentId());
        assertEquals(VolatilityRegime.LOW_VOL, first.volatilityRegime());
        assertEquals(TrendRegime.RANGING, first.trendRegime());
        assertEquals(VolatilityRegime.NULL_VAL, first.previousVolatilityRegime());
        assertEquals(TrendRegime.NULL_VAL, first.previousTrendRegime());
        assertEquals(Direction.NEUTRAL, first.trendDirection());
        assertEquals(0.01, first.atrRatio(), 1e-12);
        assertEquals(0.0, first.adx());
        assertEquals(0.0, first.emaDeviation(), 1e-12);
        assertEquals(0.01, first.rangeWidth(), 1e-12);
        assertEquals(T0 + 5 * MINUTE, first.eventTimeNs(), "the closing bar's event time");

        // One wide bar: the ATR ratio passes through HIGH_VOL and NORMAL_VOL for two bars each, never three.
        bar(104.0, 96.0);
        for (int i = 0; i < 10; i++)
        {
            bar(100.5, 99.5);
        }
        assertTrue(classified.contains(VolatilityRegime.HIGH_VOL), classified::toString);
        assertEquals(1, fixture.sink.regimeChanges.size(), classified::toString);

        // Lasting wide bars: EXTREME_VOL once it has been the classification three bars running.
        final int before = classified.size();
        for (int i = 0; i < 12; i++)
        {
            bar(104.0, 96.0);
        }
        assertEquals(2, fixture.sink.regimeChanges.size());
        final RecordingSink.RegimeChange second = fixture.sink.regimeChanges.get(1);
        assertEquals(VolatilityRegime.EXTREME_VOL, second.volatilityRegime());
        assertEquals(VolatilityRegime.LOW_VOL, second.previousVolatilityRegime());
        assertEquals(TrendRegime.RANGING, second.previousTrendRegime());
        assertTrue(second.atrRatio() >= 0.04);

        int firstExtreme = before;
        while (VolatilityRegime.EXTREME_VOL != classified.get(firstExtreme))
        {
            firstExtreme++;
        }
        // classified.get(k) is bar 5 + k, whose closed kline has the event time T0 + (5 + k) minutes.
        final long thirdExtremeCloseNs = T0 + (5 + firstExtreme + 2) * MINUTE;
        assertEquals(thirdExtremeCloseNs, second.eventTimeNs(), classified::toString);
    }

    @Test
    void shouldCarryTheCurrentRegimesOnEveryAnomaly()
    {
        for (int i = 0; i < 5; i++)
        {
            bar(100.5, 99.5);
        }
        assertEquals(1, fixture.sink.regimeChanges.size());

        final long startNs = T0 + 10 * MINUTE;
        for (long timeNs = startNs; timeNs < startNs + 8 * SECOND; timeNs += 100 * MS)
        {
            fixture.md.book(ID, timeNs, 100.0, 10, 90.0, 10.0);
        }

        final List<RecordingSink.Anomaly> events = fixture.sink.anomalies(AnomalyType.BOOK_IMBALANCE);
        assertEquals(1, events.size());
        assertEquals(VolatilityRegime.LOW_VOL, events.get(0).volatilityRegime());
        assertEquals(TrendRegime.RANGING, events.get(0).trendRegime());
        assertEquals(1.0, events.get(0).atr(), 1e-12, "ATR of the feed bars, ready after its period");
    }

    @Test
    void shouldReportUnknownRegimesBeforeAnInstrumentIsClassified()
    {
        for (long timeNs = T0; timeNs < T0 + 8 * SECOND; timeNs += 100 * MS)
        {
            fixture.md.book(ID, timeNs, 100.0, 10, 90.0, 10.0);
        }

        final RecordingSink.Anomaly event = fixture.sink.anomalies.get(0);
        assertEquals(VolatilityRegime.NULL_VAL, event.volatilityRegime());
        assertEquals(TrendRegime.NULL_VAL, event.trendRegime());
        assertTrue(Double.isNaN(event.atr()));
    }

    @Test
    void shouldClassifyMinuteBarsBuiltFromTrades()
    {
        double price = 100.0;
        long timeNs = T0 + 30 * SECOND;
        for (int minute = 0; minute < 6; minute++)
        {
            for (int i = 0; i < 60; i++, timeNs += SECOND)
            {
                price += 0 == (i & 1) ? 0.2 : -0.2;
                fixture.md.trade(ID, timeNs, price, 1.0, Side.BUY);
            }
        }

        // Trades from 00:30 to 06:29: bars 0..5 close on the first trades of minutes 1..6; the 5th closes at 05:00.
        assertEquals(1, fixture.sink.regimeChanges.size());
        final RecordingSink.RegimeChange change = fixture.sink.regimeChanges.get(0);
        assertEquals(T0 + 5 * MINUTE, change.eventTimeNs());
        assertEquals(VolatilityRegime.LOW_VOL, change.volatilityRegime());
        assertEquals(0.002, change.atrRatio(), 1e-9, "every bar spans 100.0 to 100.2");
    }
}
