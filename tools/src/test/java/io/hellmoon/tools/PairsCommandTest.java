/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hellmoon.scanner.pairs.PairsScanReport;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hellmoon pairs scan} end to end: real klines, generated kline files with a planted pair, replayed real
 * captures aggregated into bars, the synthetic market, and bad input.
 */
@Timeout(180)
class PairsCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long START_MS = 1_700_000_040_000L / 60_000L * 60_000L;

    @Test
    void shouldScanTheAdaBtcFixtures(@TempDir final Path dir) throws Exception
    {
        final Path ada27 = TestData.file("binance/fixtures/ADABTC-1m-2021-11-27.csv");
        final Path ada28 = TestData.file("binance/fixtures/ADABTC-1m-2021-11-28.csv");
        final Path csv = dir.resolve("one.csv");
        CliRun run = CliRun.run("pairs", "scan", "--bars", ada27.toString(), ada28.toString(),
            "--csv", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("pairs scan: 1 symbols (1 after the volume filter)"), run.out());
        assertEquals(PairsScanReport.CSV_HEADER + "\n", Files.readString(csv), "one symbol makes no pair");

        // a second leg: ADABTC's closes scaled by 3 with a mean-reverting wobble, on the same minutes
        final List<String> lines = Files.readAllLines(ada27);
        lines.addAll(Files.readAllLines(ada28));
        final StringBuilder derived = new StringBuilder();
        double wobble = 0.0;
        final Random random = new Random(5);
        for (final String line : lines)
        {
            final String[] f = line.split(",");
            wobble = 0.3 * wobble + 0.0005 * random.nextGaussian();
            final double close = 3 * Double.parseDouble(f[4]) * Math.exp(wobble);
            final String price = String.format(Locale.ROOT, "%.10f", close);
            derived.append(f[0]).append(',').append(price).append(',').append(price).append(',').append(price)
                .append(',').append(price).append(",10,").append(f[6]).append(",0.5,1,1,1,0\n");
        }
        final Path ada3 = dir.resolve("ADA3BTC-1m-2021-11-27.csv");
        Files.writeString(ada3, derived);
        final Path json = dir.resolve("two.json");
        run = CliRun.run("pairs", "scan", "--bars", ada27.toString(), ada28.toString(), ada3.toString(),
            "--min-observations", "20", "--max-pvalue", "1", "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode root = JSON.readTree(json.toFile());
        assertEquals("1m", root.get("timeframe").asText());
        assertEquals(2, root.get("symbols").asInt());
        assertEquals(1, root.get("pairsTested").asInt());
        final JsonNode pair = root.get("pairs").get(0);
        assertEquals(21, pair.get("observations").asInt(), "21 minutes shared: the day between is no data");
        assertEquals(21, root.get("bars").asInt());
        assertTrue(pair.get("correlation").asDouble() > 0.5, pair.toString());
        final double hedge = pair.get("hedgeRatio").asDouble();
        assertEquals(1.0, "ADA3BTC".equals(pair.get("leg1").asText()) ? hedge : 1 / hedge, 0.35, pair.toString());
        // 1.03547608 BTC in the first minute of ADABTC; 21 minutes of volume scaled to a day
        assertTrue(pair.get("leg1DailyQuoteVolume").asDouble() > 0.0);
    }

    @Test
    void shouldRankAPlantedPairFromKlineFiles(@TempDir final Path dir) throws Exception
    {
        final Random random = new Random(77);
        final int bars = 1500;
        final double[] a = new double[bars];
        final double[] b = new double[bars];
        final double[] c = new double[bars];
        double la = Math.log(30);
        double lc = Math.log(7);
        double u = 0;
        for (int t = 0; t < bars; t++)
        {
            final double market = 0.001 * random.nextGaussian();
            la += market + 0.002 * random.nextGaussian();
            lc += market + 0.002 * random.nextGaussian();
            u = 0.8 * u + 0.001 * random.nextGaussian();
            a[t] = Math.exp(la);
            b[t] = Math.exp(0.5 + 0.7 * la + u);
            c[t] = Math.exp(lc);
        }
        final Path fileA = writeKlines(dir, "AAAUSDT", a);
        final Path fileB = writeKlines(dir, "BBBUSDT", b);
        final Path fileC = writeKlines(dir, "CCCUSDT", c);
        final Path csv = dir.resolve("pairs.csv");
        final Path json = dir.resolve("pairs.json");
        final CliRun run = CliRun.run("pairs", "scan", "--bars", fileA.toString(), fileB.toString(),
            fileC.toString(), "--max-pvalue", "0.01", "--csv", csv.toString(), "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("3 pairs considered"), run.out());

        final List<String> rows = Files.readAllLines(csv);
        assertEquals(PairsScanReport.CSV_HEADER, rows.get(0));
        assertEquals(2, rows.size(), "only the planted pair: " + rows);
        final String[] top = rows.get(1).split(",");
        assertEquals("BBBUSDT", top[1], "the dependent leg, whose test is stronger");
        assertEquals("AAAUSDT", top[2]);
        assertEquals(0.7, Double.parseDouble(top[3]), 0.03, "hedge ratio");
        assertTrue(Double.parseDouble(top[6]) < 1e-4, "p-value " + top[6]);
        assertTrue(run.out().contains("BBBUSDT"), run.out());

        final JsonNode root = JSON.readTree(json.toFile());
        assertEquals(1, root.get("pairs").size());
        assertEquals(Double.parseDouble(top[3]), root.get("pairs").get(0).get("hedgeRatio").asDouble());
        // half-life of u: phi 0.8 -> ln 2 / -ln 0.8 = 3.1 bars, 186 s
        assertEquals(3.1, root.get("pairs").get(0).get("halfLifeBars").asDouble(), 1.0);
    }

    @Test
    void shouldFindSpotAndPerpetualBitcoinCointegratedInReplayedTrades(@TempDir final Path dir) throws Exception
    {
        final Path json = dir.resolve("replay.json");
        final CliRun run = CliRun.run("pairs", "scan", "--timeframe", "1s",
            "--replay", TestData.file("binance/captures/spot/btcusdt_20240808.gz").toString(),
            TestData.file("binance/captures/usdm/btcusdt_20240808.gz").toString(),
            TestData.file("binance/captures/spot/ethusdt_20240808.gz").toString(),
            "--max-pvalue", "1", "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        final JsonNode root = JSON.readTree(json.toFile());
        assertEquals(3, root.get("symbols").asInt());
        final JsonNode best = root.get("pairs").get(0);
        assertTrue(best.get("leg1").asText().endsWith(":BTCUSDT"), best.toString());
        assertTrue(best.get("leg2").asText().endsWith(":BTCUSDT"), best.toString());
        assertTrue(best.get("pValue").asDouble() < 0.01, best.toString());
        assertEquals(1.0, best.get("hedgeRatio").asDouble(), 0.1);
        assertTrue(best.get("observations").asInt() > 300, "six minutes of seconds: " + best);
        assertTrue(best.get("correlation").asDouble() > 0.3, best.toString());
    }

    @Test
    void shouldScanTheSyntheticMarket(@TempDir final Path dir) throws Exception
    {
        final Path csv = dir.resolve("synthetic.csv");
        final CliRun first = CliRun.run("pairs", "scan", "--synthetic", "12", "--synthetic-bars", "240",
            "--max-pvalue", "1", "--top", "0", "--csv", csv.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("pairs scan: 12 symbols"), first.out());
        assertTrue(first.out().contains("66 pairs considered"), first.out());
        final String once = Files.readString(csv);
        final CliRun second = CliRun.run("pairs", "scan", "--synthetic", "12", "--synthetic-bars", "240",
            "--max-pvalue", "1", "--top", "0", "--csv", csv.toString(), "--threads", "1");
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(once, Files.readString(csv), "the same scan, byte for byte");
    }

    @Test
    void shouldFailNamingTheFileAndLineOfBadInput(@TempDir final Path dir) throws Exception
    {
        final Path bad = dir.resolve("BADUSDT-1m-2024-01-01.csv");
        Files.writeString(bad, "1704067200000,1,1,1,1,5,1704067259999,5,1,1,1,0\n" +
            "1704067260000,1,1,1,oops,5,1704067319999,5,1,1,1,0\n");
        CliRun run = CliRun.run("pairs", "scan", "--bars", bad.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(bad + ":2: close 'oops' is not a number"), run.err());

        run = CliRun.run("pairs", "scan", "--bars", bad.toString(), "--timeframe", "7m");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown timeframe '7m'"), run.err());

        run = CliRun.run("pairs", "scan");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("give bars with --bars, --replay or --synthetic"), run.err());

        run = CliRun.run("pairs", "scan", "--synthetic", "3", "--max-pvalue", "2");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("max-pvalue=2.0: must be in (0, 1]"), run.err());

        run = CliRun.run("pairs", "scan", "--replay", dir.resolve("missing.gz").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("missing.gz"), run.err());

        final Path capture = dir.resolve("btcusdt_20240808.txt");
        final List<String> head = new java.util.ArrayList<>();
        try (java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(
            new java.util.zip.GZIPInputStream(Files.newInputStream(
            TestData.file("binance/captures/spot/btcusdt_20240808.gz"))))))
        {
            for (int i = 0; i < 2000; i++)
            {
                head.add(reader.readLine());
            }
        }
        head.add(5, "garbage line");
        Files.write(capture, head);
        run = CliRun.run("pairs", "scan", "--replay", capture.toString(), "--timeframe", "1s");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("skipped 1 malformed lines"), run.err());
        assertTrue(run.err().contains(capture.getFileName() + ":6"), run.err());

        run = CliRun.run("pairs", "scan", "--bars", TestData.file("binance/fixtures/ADABTC-1m-2021-11-27.csv")
            .toString(), "--timeframe", "1s");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("ADABTC (ADABTC-1m-2021-11-27.csv): bars of 60000 ms cannot make 1s bars"),
            run.err());
    }

    private static Path writeKlines(final Path dir, final String symbol, final double[] closes) throws Exception
    {
        final StringBuilder text = new StringBuilder();
        for (int t = 0; t < closes.length; t++)
        {
            final long open = START_MS + t * 60_000L;
            final String price = String.format(Locale.ROOT, "%.8f", closes[t]);
            text.append(open).append(',').append(price).append(',').append(price).append(',').append(price)
                .append(',').append(price).append(",100,").append(open + 59_999).append(",1000,10,50,500,0\n");
        }
        final Path file = dir.resolve(symbol + "-1m-2023-11-14.csv");
        Files.writeString(file, text);
        return file;
    }
}
