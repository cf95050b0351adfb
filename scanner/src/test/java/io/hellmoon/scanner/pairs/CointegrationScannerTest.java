/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CointegrationScannerTest
{
    private static final int BARS = 1000;

    private static List<BarSeries> universe()
    {
        final Random random = new Random(11);
        final double[] market = Universe.market(random, BARS);
        final List<BarSeries> series = new ArrayList<>(Universe.walks(random, 12, BARS, market));
        series.addAll(Universe.pair(random, "P", BARS, 1.0, 0.5, 5_000.0, market));
        series.addAll(Universe.pair(random, "Q", BARS, 0.8, 0.9, 5_000.0, market));
        series.addAll(Universe.pair(random, "R", BARS, 1.2, 0.95, 100.0, market));
        return series;
    }

    @Test
    void shouldRankThePlantedPairsFirst()
    {
        final PairsScanReport report = new CointegrationScanner(new CointegrationScanner.Context()
            .maxPValue(0.01).top(0)).scan(universe());

        assertEquals(18, report.symbols());
        assertEquals(18 * 17 / 2, report.pairsConsidered());
        final List<CointegrationResult> pairs = report.pairs();
        assertTrue(pairs.size() >= 3, "found " + pairs.size());
        // the three planted pairs, faster reversion (smaller p) first
        assertEquals("P", pairs.get(0).leg1().substring(0, 1));
        assertEquals("Q", pairs.get(1).leg1().substring(0, 1));
        assertEquals("R", pairs.get(2).leg1().substring(0, 1));
        for (int i = 0; i < 3; i++)
        {
            final CointegrationResult r = pairs.get(i);
            assertEquals(r.leg1().charAt(0), r.leg2().charAt(0), "legs of one planted pair: " + r);
            assertTrue(r.pValue() < 1e-3, r.toString());
            assertTrue(r.adfStatistic() < r.critical1(), r.toString());
            assertEquals(BARS, r.observations());
            assertTrue(r.correlation() > 0.5, r.toString());
        }
        // P: ln PB = 0.3 + ln PA + u, phi 0.5: half-life 1 bar
        final CointegrationResult p = pairs.get(0);
        final double beta = "PB".equals(p.leg1()) ? p.hedgeRatio() : 1.0 / p.hedgeRatio();
        assertEquals(1.0, beta, 0.02);
        assertEquals(1.0, p.halfLifeBars(), 0.3);
        assertEquals(60.0 * p.halfLifeBars(), p.halfLifeSeconds(), 1e-9);
        // Q: phi 0.9, half-life 6.6 bars
        assertEquals(6.6, pairs.get(1).halfLifeBars(), 2.0);
        for (int i = 1; i < pairs.size(); i++)
        {
            assertTrue(pairs.get(i - 1).compareRank(pairs.get(i)) < 0, "ranked");
        }
        assertEquals(report.pairsConsidered(), report.pairsTested() + report.lowCorrelation() + report.tooShort());
        assertEquals(report.pairsTested(), report.pairsPassing() + report.aboveMaxPValue() + report.degenerate());
    }

    @Test
    void shouldApplyTheVolumeCorrelationAndTopFilters()
    {
        final List<BarSeries> series = universe();
        final PairsScanReport volume = new CointegrationScanner(new CointegrationScanner.Context()
            .maxPValue(0.01).minDailyQuoteVolume(1_000_000.0)).scan(series);
        // R's legs trade 100 per minute (144,000 per day): dropped; the others 1,000-5,000 per minute
        assertEquals(16, volume.symbolsAfterVolume());
        assertTrue(volume.pairs().stream().noneMatch((r) -> r.leg1().startsWith("R")));

        final PairsScanReport correlated = new CointegrationScanner(new CointegrationScanner.Context()
            .minCorrelation(0.99)).scan(series);
        assertEquals(0, correlated.pairsTested());
        assertEquals(correlated.pairsConsidered(), correlated.lowCorrelation());

        final PairsScanReport top = new CointegrationScanner(new CointegrationScanner.Context()
            .maxPValue(1.0).top(5)).scan(series);
        assertEquals(5, top.pairs().size());
        assertTrue(top.pairsPassing() > 5);

        final PairsScanReport shortSample = new CointegrationScanner(new CointegrationScanner.Context()
            .minObservations(BARS + 1)).scan(series);
        assertEquals(shortSample.pairsConsidered(), shortSample.tooShort());
    }

    @Test
    void shouldWriteTheSameBytesWhateverTheThreadCount(@TempDir final Path dir) throws Exception
    {
        final List<BarSeries> series = universe();
        final StringBuilder single = new StringBuilder();
        final StringBuilder parallel = new StringBuilder();
        final PairsScanReport one = new CointegrationScanner(new CointegrationScanner.Context()
            .maxPValue(0.5).threads(1)).scan(series);
        final PairsScanReport three = new CointegrationScanner(new CointegrationScanner.Context()
            .maxPValue(0.5).threads(3)).scan(series);
        one.writeCsv(single);
        three.writeCsv(parallel);
        assertEquals(single.toString(), parallel.toString());
        final StringBuilder json1 = new StringBuilder();
        final StringBuilder json3 = new StringBuilder();
        one.writeJson(json1);
        three.writeJson(json3);
        assertEquals(json1.toString(), json3.toString());
    }

    @Test
    void shouldWriteCsvAndJsonAndReadTheCsvBack(@TempDir final Path dir) throws Exception
    {
        final PairsScanReport report = new CointegrationScanner(new CointegrationScanner.Context()
            .maxPValue(0.01).top(3)).scan(universe());
        final StringBuilder csv = new StringBuilder();
        report.writeCsv(csv);
        final String[] lines = csv.toString().split("\n");
        assertEquals(PairsScanReport.CSV_HEADER, lines[0]);
        assertEquals(4, lines.length);
        final CointegrationResult first = report.pairs().get(0);
        assertTrue(lines[1].startsWith("1," + first.leg1() + "," + first.leg2() + "," + first.hedgeRatio() + ","),
            lines[1]);

        final Path file = dir.resolve("pairs.csv");
        Files.writeString(file, csv);
        final List<CointegrationResult> read = PairsScanFile.read(file);
        assertEquals(report.pairs(), read, "every field round-trips");

        final StringBuilder json = new StringBuilder();
        report.writeJson(json);
        final String text = json.toString();
        assertTrue(text.contains("\"timeframe\": \"1m\""), text);
        assertTrue(text.contains("\"pairsConsidered\": 153"), text);
        assertTrue(text.contains("{\"rank\": 1, \"leg1\": \"" + first.leg1() + "\", \"leg2\": \"" +
            first.leg2() + "\", \"hedgeRatio\": " + first.hedgeRatio()), text);
        final com.fasterxml.jackson.databind.JsonNode root =
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        assertEquals(3, root.get("pairs").size());
        assertEquals(first.pValue(), root.get("pairs").get(0).get("pValue").asDouble());
        assertEquals(first.observations(), root.get("pairs").get(0).get("observations").asInt());
    }

    @Test
    void shouldReadQuotedSymbolsAndReportBadLines(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("pairs.csv");
        Files.writeString(file, "leg1,leg2,hedge_ratio\n\"A,1\",B,0.5\n");
        final CointegrationResult r = PairsScanFile.read(file).get(0);
        assertEquals("A,1", r.leg1());
        assertEquals(0.5, r.hedgeRatio());
        assertTrue(Double.isNaN(r.pValue()));

        Files.writeString(file, "leg1,leg2,hedge_ratio\nA,B,x\n");
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> PairsScanFile.read(file));
        assertTrue(ex.getMessage().startsWith(file + ":2: hedge_ratio 'x'"), ex.getMessage());
        Files.writeString(file, "leg1,hedge_ratio\nA,1\n");
        ex = assertThrows(IllegalArgumentException.class, () -> PairsScanFile.read(file));
        assertTrue(ex.getMessage().contains(":1: no 'leg2' column"), ex.getMessage());
        Files.writeString(file, "leg1,leg2,hedge_ratio\nA,B\n");
        ex = assertThrows(IllegalArgumentException.class, () -> PairsScanFile.read(file));
        assertTrue(ex.getMessage().contains(":2: 2 fields, the header has 3"), ex.getMessage());
    }

    @Test
    void shouldAlignForwardFillAndResample()
    {
        final BarSeries.Builder a = new BarSeries.Builder("A", Universe.MINUTE_NS);
        final BarSeries.Builder b = new BarSeries.Builder("B", Universe.MINUTE_NS);
        final long t0 = Universe.START_NS;
        a.add(t0, 1.0, 10).add(t0 + 3 * Universe.MINUTE_NS, 4.0, 10).add(t0 + Universe.MINUTE_NS, 2.0, 10);
        b.add(t0 + 2 * Universe.MINUTE_NS, 3.0, 5).add(t0 + 5 * Universe.MINUTE_NS, 6.0, 5);
        final AlignedBars bars = AlignedBars.of(List.of(a.build(), b.build()), Timeframe.M1);
        // minutes 0, 1, 2, 3 and 5 have a bar; minute 4 has none and is not on the grid
        assertEquals(5, bars.length());
        assertEquals(t0 + 5 * Universe.MINUTE_NS, bars.openTimeNs(4));
        assertEquals(0, bars.first(0));
        assertEquals(4, bars.end(0));
        assertEquals(2, bars.first(1));
        assertEquals(5, bars.end(1));
        assertEquals(Math.log(2.0), bars.logCloses(0)[2], 0.0, "minute 2 of A repeats minute 1");
        assertEquals(1, bars.filledBars(0));
        assertTrue(Double.isNaN(bars.logCloses(0)[4]), "no fill past the last bar");
        assertEquals(Math.log(3.0), bars.logCloses(1)[3], "minute 3 of B repeats minute 2");
        assertEquals(Math.log(6.0), bars.logCloses(1)[4]);
        assertEquals(1, bars.filledBars(1));
        // A: 30 over 4 minutes, B: 10 over 4 minutes
        assertEquals(30.0 * 1440 / 4, bars.dailyQuoteVolume(0), 1e-9);

        final AlignedBars five = AlignedBars.of(List.of(a.build()), Timeframe.M5);
        assertEquals(t0 / Timeframe.M5.nanos() * Timeframe.M5.nanos(), five.openTimeNs(0));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> AlignedBars.of(
            List.of(new BarSeries.Builder("H", Timeframe.H1.nanos()).source("H-1h.csv").add(t0, 1, 1).build()),
            Timeframe.M1));
        assertTrue(ex.getMessage().startsWith("H (H-1h.csv): bars of 3600000 ms cannot make 1m bars"),
            ex.getMessage());
    }

    @Test
    void shouldAggregateTradesIntoBars()
    {
        final TradeBarAggregator aggregator = new TradeBarAggregator(Timeframe.S1);
        final long t0 = 1_723_161_255_000_000_000L;
        aggregator.onTrade(7, t0 + 100_000_000L, 10.0, 1.0);
        aggregator.onTrade(7, t0 + 900_000_000L, 11.0, 2.0);
        aggregator.onTrade(7, t0 + 2_100_000_000L, 12.0, 1.0);
        aggregator.onTrade(7, t0 + 1_500_000_000L, 99.0, 1.0);
        aggregator.onTrade(7, t0 + 2_200_000_000L, -1.0, 1.0);
        aggregator.onTrade(9, t0 + 300_000_000L, 5.0, 1.0);
        final List<BarSeries> series = aggregator.series((id) -> "I" + id, "test");
        assertEquals(2, series.size());
        final BarSeries seven = series.get(0);
        assertEquals("I7", seven.symbol());
        assertEquals(2, seven.size());
        assertEquals(t0, seven.openTimeNs(0));
        assertEquals(11.0, seven.close(0));
        assertEquals(32.0, seven.quoteVolume(0));
        assertEquals(t0 + 2_000_000_000L, seven.openTimeNs(1));
        assertEquals(12.0, seven.close(1), "the late trade does not move the close");
        assertEquals(12.0 + 99.0, seven.quoteVolume(1), "its volume lands in the current bar");
        assertEquals(1, aggregator.lateTrades());
        assertEquals(1, aggregator.rejectedTrades());
        assertEquals(5, aggregator.trades());
        assertFalse(series.get(1).symbol().isEmpty());
    }
}
