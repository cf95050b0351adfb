/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KlineCsvReaderTest
{
    private static final long MINUTE_NS = 60_000_000_000L;

    @Test
    void shouldReadTheAdaBtcFixturesAsOneSeries()
    {
        final List<BarSeries> series = KlineCsvReader.read(List.of(
            TestData.file("binance/fixtures/ADABTC-1m-2021-11-28.csv"),
            TestData.file("binance/fixtures/ADABTC-1m-2021-11-27.csv")));
        assertEquals(1, series.size());
        final BarSeries ada = series.get(0);
        assertEquals("ADABTC", ada.symbol());
        assertEquals(MINUTE_NS, ada.intervalNs());
        assertEquals(21, ada.size());
        // first line of the 27th: 1637971200000,0.00002853,0.00002854,0.00002851,0.00002854,36304.2,...,1.03547608
        assertEquals(1637971200000L * 1_000_000L, ada.openTimeNs(0));
        assertEquals(0.00002854, ada.close(0));
        assertEquals(1.03547608, ada.quoteVolume(0));
        // last line of the 28th: 1638058200000,...,0.00002814,12248.3,1638058259999,0.34484604
        assertEquals(1638058200000L * 1_000_000L, ada.openTimeNs(20));
        assertEquals(0.00002814, ada.close(20));
        assertEquals(0.34484604, ada.quoteVolume(20));
        for (int i = 1; i < ada.size(); i++)
        {
            assertTrue(ada.openTimeNs(i) > ada.openTimeNs(i - 1), "sorted across files");
        }
        assertTrue(ada.source().contains("ADABTC-1m-2021-11-27.csv"));
    }

    @Test
    void shouldSkipAHeaderAndReadMicrosecondsAndGzip(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("ETHBTC-1m-2025-01-01.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file)))
        {
            out.write(("open_time,open,high,low,close,volume,close_time,quote_volume,count,tbv,tbqv,ignore\n" +
                "1735689600000000,0.03,0.031,0.029,0.0305,10,1735689659999999,0.3,5,1,0.03,0\n" +
                "1735689660000000,0.0305,0.0305,0.03,0.03,20,1735689719999999,0.6,5,1,0.03,0\n")
                .getBytes(StandardCharsets.US_ASCII));
        }
        final BarSeries eth = KlineCsvReader.read(List.of(file)).get(0);
        assertEquals("ETHBTC", eth.symbol());
        assertEquals(2, eth.size());
        assertEquals(1735689600000000L * 1000L, eth.openTimeNs(0));
        assertEquals(MINUTE_NS, eth.intervalNs());
        assertEquals(0.03, eth.close(1));
    }

    @Test
    void shouldEstimateQuoteVolumeWithoutTheColumn(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("XYZ.csv");
        Files.writeString(file, "60000,2,2,2,2,5\n120000,2,3,2,3,4\n");
        final BarSeries xyz = KlineCsvReader.read(List.of(file)).get(0);
        assertEquals("XYZ", xyz.symbol());
        assertEquals(MINUTE_NS, xyz.intervalNs(), "one minute without a close time");
        assertEquals(10.0, xyz.quoteVolume(0));
        assertEquals(12.0, xyz.quoteVolume(1));
    }

    @Test
    void shouldNameTheFileAndLineOfABadLine(@TempDir final Path dir) throws Exception
    {
        final String good = "1637971200000,0.00002853,0.00002854,0.00002851,0.00002854,36304.2,1637971259999," +
            "1.03,79,19523,0.55,0\n";
        assertBad(dir, good + "1637971260000,0.1,0.2\n", ":2: expected at least 6 comma-separated fields");
        assertBad(dir, good + "1637971260000,abc,0.2,0.1,0.1,1,1637971319999,1,1,1,1,0\n",
            ":2: open 'abc' is not a number");
        assertBad(dir, good + "1637971260000,0.1,0.2,0.1,-0.1,1,1637971319999,1,1,1,1,0\n",
            ":2: close '-0.1' is not a positive price");
        assertBad(dir, good + "1637971260000,0.1,0.2,0.15,0.1,1,1637971319999,1,1,1,1,0\n",
            ":2: prices out of order");
        assertBad(dir, good + "1637971200000,0.1,0.2,0.1,0.1,1,1637971259999,1,1,1,1,0\n",
            ":2: openTime 1637971200000 is not after the previous line's");
        assertBad(dir, good + "1637971260000,0.1,0.2,0.1,0.1,1,1637971559999,1,1,1,1,0\n",
            ":2: bar of 300000 ms, but the bars of BAD are 60000 ms");
        assertBad(dir, good + "1637971260000,0.1,0.2,0.1,0.1,-1,1637971319999,1,1,1,1,0\n",
            ":2: volume '-1' is not a volume");
        assertBad(dir, "x,y\n" + good + "12.5,0.1,0.2,0.1,0.1,1,1637971319999,1,1,1,1,0\n",
            ":3: openTime '12.5' is not an integer");

        final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
            () -> KlineCsvReader.read(List.of(dir.resolve("NOPE-1m.csv"))));
        assertTrue(missing.getMessage().contains("NOPE-1m.csv: cannot read"), missing.getMessage());
    }

    private static void assertBad(final Path dir, final String content, final String expected) throws Exception
    {
        final Path file = dir.resolve("BAD-1m-2021-11-27.csv");
        Files.writeString(file, content);
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> KlineCsvReader.read(List.of(file)));
        assertTrue(ex.getMessage().startsWith(file + ":"), ex.getMessage());
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}
