/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.testing.RecordingFrameHandler.Delivery;
import io.hellmoon.feed.testing.RecordingFrameHandler;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.AllocationMeter;
import io.hellmoon.test.TestData;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class ReplayerTest
{
    private static final String SPOT_DEPTH =
        "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":1," +
        "\"u\":2,\"b\":[],\"a\":[]}}";
    private static final String USDM_DEPTH =
        "{\"stream\":\"btcusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"T\":1,\"s\":\"BTCUSDT\"," +
        "\"U\":1,\"u\":2,\"pu\":0,\"b\":[],\"a\":[]}}";
    private static final String COINM_DEPTH =
        "{\"stream\":\"btcusd_perp@depth\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"T\":1,\"s\":\"BTCUSD_PERP\"," +
        "\"ps\":\"BTCUSD\",\"U\":1,\"u\":2,\"pu\":0,\"b\":[],\"a\":[]}}";
    private static final String ETH_TRADE =
        "{\"stream\":\"ethusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"ETHUSDT\",\"t\":1,\"p\":\"1\"," +
        "\"q\":\"1\",\"T\":1,\"m\":true}}";
    private static final String SNAPSHOT = "{\"lastUpdateId\":5,\"bids\":[[\"1\",\"1\"]],\"asks\":[[\"2\",\"1\"]]}";
    private static final long T0 = 1_723_161_253_937_085_768L;

    @TempDir
    Path dir;

    private final InstrumentRegistry registry = new InstrumentRegistry();
    private final List<Delivery> deliveries = new ArrayList<>();

    @Test
    void shouldConvertNanosecondAndMicrosecondTimesByMagnitude() throws IOException
    {
        final Path nanos = write("btcusdt_20240808.txt", T0 + " " + SPOT_DEPTH);
        final Path micros = write(
            "ethusdt_20230101.txt", "1672531200123456 " + ETH_TRADE, "1672531200123 " + ETH_TRADE);

        replay(context(nanos, micros));

        assertEquals(List.of(1_672_531_200_123_456_000L, 1_672_531_200_123_000_000L, T0), times());
    }

    @Test
    void shouldSkipBlankLinesAndCountMalformedOnes() throws IOException
    {
        final Path file = write("btcusdt_20240808.txt",
            "", "   ", "garbage", "12 {\"x\":1}", String.valueOf(T0), T0 + " notjson", T0 + " " + SPOT_DEPTH,
            T0 + "\t" + SPOT_DEPTH, "");

        final Replayer replayer = replay(context(file));

        assertEquals(1, replayer.framesDelivered());
        assertEquals(5, replayer.malformedLines());
        assertEquals(5, replayer.errorSamples().size());
        assertTrue(replayer.errorSamples().get(0).endsWith("btcusdt_20240808.txt:3: no space between receive time " +
            "and payload"), replayer.errorSamples().get(0));
        assertTrue(replayer.errorSamples().get(1).contains(":4: receive time is not an epoch time"));
        assertTrue(replayer.isDone());
    }

    @Test
    void shouldStripCarriageReturnsAndReadLastLineWithoutNewline() throws IOException
    {
        final Path file = dir.resolve("btcusdt_20240808.txt");
        Files.writeString(file, T0 + " " + SPOT_DEPTH + "\r\n" + (T0 + 1) + " " + SNAPSHOT, StandardCharsets.US_ASCII);

        replay(context(file));

        assertEquals(2, deliveries.size());
        assertEquals(SPOT_DEPTH, deliveries.get(0).text());
        assertEquals(SNAPSHOT, deliveries.get(1).text());
    }

    @Test
    void shouldCountTooLongLinesAndReadOn() throws IOException
    {
        final String longLine = T0 + " {\"x\":\"" + "a".repeat(3000) + "\"}";
        final Path file = write("btcusdt_20240808.txt", T0 + " " + SPOT_DEPTH, longLine, (T0 + 1) + " " + SPOT_DEPTH);

        final Replayer replayer = replay(context(file).maxLineLength(1024));

        assertEquals(2, replayer.framesDelivered());
        assertEquals(1, replayer.malformedLines());
        assertTrue(replayer.errorSamples().get(0).contains(":2: line longer than 1024 bytes"));
    }

    @Test
    void shouldDeliverSnapshotLineWithInstrumentOfTheFile() throws IOException
    {
        final Path file = write("whatever.txt", T0 + " " + SPOT_DEPTH, (T0 + 5) + " " + SNAPSHOT);

        final Replayer replayer = replay(context(file));

        final int id = registry.idOf(Venue.BINANCE_SPOT, "BTCUSDT");
        assertTrue(id > 0);
        assertEquals(new Delivery("BINANCE_SPOT", true, id, T0 + 5, SNAPSHOT, 0), deliveries.get(1));
        assertEquals(1, replayer.snapshotsDelivered());
        assertEquals(1, replayer.framesDelivered());
    }

    @Test
    void shouldTakeSymbolFromFileNameWithoutStreamLine() throws IOException
    {
        final Path file = write("ethbtc_20230101.txt", "1672531200123456 " + SNAPSHOT);

        replay(context(file));

        assertEquals(registry.idOf(Venue.BINANCE_SPOT, "ETHBTC"), deliveries.get(0).instrumentId());
        assertEquals("BTCUSD_PERP", CapturePlanner.symbolFromFileName(Path.of("btcusd_perp_20240808.gz")));
        assertEquals("BTCUSDT", CapturePlanner.symbolFromFileName(Path.of("/x/btcusdt_20240808.gz")));
    }

    @Test
    void shouldContinueFilesOfOneInstrumentInTheOrderGiven() throws IOException
    {
        final Path first = write("btcusdt_1.txt", (T0 + 10) + " " + SPOT_DEPTH, (T0 + 20) + " " + SPOT_DEPTH);
        final Path second = write("btcusdt_2.txt", (T0 + 5) + " " + SPOT_DEPTH, (T0 + 30) + " " + SPOT_DEPTH);

        final Replayer replayer = replay(context(first, second));
        assertEquals(List.of(T0 + 10, T0 + 20, T0 + 5, T0 + 30), times());
        assertEquals(1, replayer.sourceDescriptions().size(), "one continuing source");

        deliveries.clear();
        replay(context(second, first));
        assertEquals(List.of(T0 + 5, T0 + 30, T0 + 10, T0 + 20), times());
    }

    @Test
    void shouldMergeInstrumentsByReceiveTimeWithTiesToTheFirstNamed() throws IOException
    {
        final Path btc = write("btcusdt_20240808.txt", (T0 + 10) + " " + SPOT_DEPTH, (T0 + 30) + " " + SPOT_DEPTH);
        final Path eth = write("ethusdt_20240808.txt", (T0 + 20) + " " + ETH_TRADE, (T0 + 30) + " " + ETH_TRADE);

        replay(context(btc, eth));

        assertEquals(List.of(T0 + 10, T0 + 20, T0 + 30, T0 + 30), times());
        assertTrue(deliveries.get(2).text().contains("depthUpdate"));
        assertTrue(deliveries.get(3).text().contains("trade"));
    }

    @Test
    void shouldReadGzipByItsMagicBytesNotItsName() throws IOException
    {
        final Path gzipped = dir.resolve("btcusdt_20240808.txt");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped)))
        {
            out.write((T0 + " " + SPOT_DEPTH + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        final Path plain = write("ethusdt_20240808.gz", (T0 + 1) + " " + ETH_TRADE);

        replay(context(gzipped, plain));

        assertEquals(List.of(SPOT_DEPTH, ETH_TRADE), deliveries.stream().map(Delivery::text).toList());
    }

    @Test
    void shouldDetectVenueByMessageShape() throws IOException
    {
        assertEquals(Venue.BINANCE_SPOT, detect("a.txt", T0 + " " + SPOT_DEPTH));
        assertEquals(Venue.BINANCE_USDM, detect("b.txt", T0 + " " + USDM_DEPTH));
        assertEquals(Venue.BINANCE_COINM, detect("c.txt", T0 + " " + COINM_DEPTH));
        assertEquals(Venue.BINANCE_COINM, detect("d.txt", T0 + " " + COINM_DEPTH.replace(",\"ps\":\"BTCUSD\"", "")));
        assertEquals(Venue.BINANCE_COINM, detect("e.txt", T0 + " " + USDM_DEPTH
            .replace("BTCUSDT", "BTCUSD_240927").replace("btcusdt", "btcusd_240927")));
        assertEquals(Venue.BINANCE_USDM, detect("f.txt",
            T0 + " " + ETH_TRADE.replace("\"m\":true", "\"m\":true,\"X\":\"MARKET\"")));
        assertEquals(Venue.BINANCE_SPOT, detect("g.txt", T0 + " " + ETH_TRADE));
    }

    @Test
    void shouldUseExplicitVenue() throws IOException
    {
        final Path file = write("btcusdt_20240808.txt", T0 + " " + SPOT_DEPTH, T0 + " " + SNAPSHOT);

        final Replayer replayer = replay(context(file).venue(Venue.BINANCE_US));

        assertEquals(Set.of(Venue.BINANCE_US), replayer.venues());
        assertEquals("BINANCE_US", deliveries.get(0).handler());
        assertEquals(registry.idOf(Venue.BINANCE_US, "BTCUSDT"), deliveries.get(1).instrumentId());
    }

    @Test
    void shouldReplayCryptofeedSessionNamedByItsFramesFile() throws IOException
    {
        final Path frames = write("SESSION.ws.1.0",
            "wss://fstream.binance.com/stream?streams=sushiusdt@depth@100ms <-> 1626992740.179554",
            "1626992741.06217: " + USDM_DEPTH.replace("BTCUSDT", "SUSHIUSDT"),
            "wss://fstream.binance.com/stream <- 1626992741.1: {\"method\":\"SUBSCRIBE\"}",
            "abc",
            "1626992741.4: " + USDM_DEPTH,
            "");
        write("SESSION.http.0.0",
            "https://fapi.binance.com/fapi/v1/exchangeInfo -> 1626992741.2: {\"symbols\":[]}",
            "https://fapi.binance.com/fapi/v1/depth?symbol=SUSHIUSDT&limit=1000 -> 1626992741.301402: " + SNAPSHOT,
            "");
        write("SESSION.0",
            "https://fapi.binance.com/fapi/v1/exchangeInfo -> 1626992740.175: {\"futuresType\":\"U_MARGINED\"," +
            "\"symbols\":[{\"symbol\":\"SUSHIUSDT\",\"status\":\"TRADING\",\"contractType\":\"PERPETUAL\"," +
            "\"filters\":[]},{\"symbol\":\"AKROUSDT\",\"status\":\"TRADING\",\"filters\":[]}]}",
            "configuration: {}");

        final Replayer replayer = replay(context(frames));

        assertEquals(3, replayer.fileDescriptions().size(), "http and exchangeInfo siblings included");
        final int sushi = registry.idOf(Venue.BINANCE_USDM, "SUSHIUSDT");
        assertTrue(sushi > 0 && registry.idOf(Venue.BINANCE_USDM, "AKROUSDT") > 0, "exchangeInfo loaded");
        assertEquals(List.of(1_626_992_741_062_170_000L, 1_626_992_741_301_402_000L, 1_626_992_741_400_000_000L),
            times());
        assertEquals(new Delivery("BINANCE_USDM", true, sushi, 1_626_992_741_301_402_000L, SNAPSHOT, 0),
            deliveries.get(1));
        assertEquals(1, replayer.malformedLines());
        assertEquals(3, replayer.skippedLines(), "connection line, frame sent, exchangeInfo reply");
    }

    @Test
    void shouldDetectVenueOfHeaderlessCryptofeedFramesByShape() throws IOException
    {
        final Path frames = write("OTHER.ws.2.0", "1626992741.5: " + USDM_DEPTH, "1626992742: " + USDM_DEPTH);

        final Replayer replayer = replay(context(frames));

        assertEquals(Set.of(Venue.BINANCE_USDM), replayer.venues());
        assertEquals(List.of(1_626_992_741_500_000_000L, 1_626_992_742_000_000_000L), times());
        assertEquals(1, replayer.fileDescriptions().size(), "no session siblings");
    }

    @Test
    void shouldDetectCryptofeedVenueFromHost()
    {
        assertEquals(Venue.BINANCE_SPOT, CaptureText.venueOfUrl("wss://stream.binance.com:9443/stream?streams=x"));
        assertEquals(Venue.BINANCE_SPOT, CaptureText.venueOfUrl("https://api.binance.com/api/v3/depth?symbol=X"));
        assertEquals(Venue.BINANCE_SPOT, CaptureText.venueOfUrl("wss://data-stream.binance.vision/ws"));
        assertEquals(Venue.BINANCE_USDM, CaptureText.venueOfUrl("wss://fstream.binance.com/stream"));
        assertEquals(Venue.BINANCE_USDM, CaptureText.venueOfUrl("https://fapi.binance.com/fapi/v1/depth"));
        assertEquals(Venue.BINANCE_COINM, CaptureText.venueOfUrl("wss://dstream.binance.com/stream"));
        assertEquals(Venue.BINANCE_COINM, CaptureText.venueOfUrl("https://dapi.binance.com/dapi/v1/depth"));
        assertEquals(Venue.BINANCE_US, CaptureText.venueOfUrl("wss://stream.binance.us:9443/stream"));
        assertEquals(Venue.BINANCE_US, CaptureText.venueOfUrl("https://api.binance.us/api/v3/depth"));
        assertNull(CaptureText.venueOfUrl("wss://example.com/ws"));
    }

    @Test
    void shouldParseRecorderTimesExactly()
    {
        assertEquals(1_633_998_512_063_356_900L, seconds("1633998512.0633569"));
        assertEquals(1_633_998_512_000_000_000L, seconds("1633998512"));
        assertEquals(1_633_998_512_123_456_789L, seconds("1633998512.1234567891"), "sub-ns digits truncated");
        assertEquals(CaptureText.INVALID_TIME, seconds("1633998512."));
        assertEquals(CaptureText.INVALID_TIME, seconds(".5"));
        assertEquals(CaptureText.INVALID_TIME, seconds("1.6e9"));
        assertEquals(CaptureText.INVALID_TIME, seconds(""));

        assertEquals(T0, epoch(String.valueOf(T0)));
        assertEquals(1_672_531_200_123_456_000L, epoch("1672531200123456"));
        assertEquals(1_672_531_200_123_000_000L, epoch("1672531200123"));
        assertEquals(CaptureText.INVALID_TIME, epoch("1672531200"), "seconds are not a recorder unit");
        assertEquals(CaptureText.INVALID_TIME, epoch("17231612539370857680"));
        assertEquals(CaptureText.INVALID_TIME, epoch("17231612a"));
    }

    @Test
    void shouldFailAtStartNamingMissingOrUnknownFile() throws IOException
    {
        final Path missing = dir.resolve("nope.gz");
        final IllegalArgumentException notFound =
            assertThrows(IllegalArgumentException.class, () -> new Replayer(context(missing)));
        assertTrue(notFound.getMessage().contains(missing.toString()), notFound.getMessage());

        final Path unknown = write("notes.txt", "hello world");
        final IllegalArgumentException unrecognised =
            assertThrows(IllegalArgumentException.class, () -> new Replayer(context(unknown)));
        assertTrue(unrecognised.getMessage().contains(unknown.toString()), unrecognised.getMessage());

        assertThrows(IllegalStateException.class, () -> new Replayer.Context().frameHandler(
            new RecordingFrameHandler()).conclude());
    }

    @Test
    void shouldEndSourceOnCorruptGzipAndCarryOn() throws IOException
    {
        final Path good = gzip("btcusdt_20240808.gz", SPOT_DEPTH, 2000);
        final Path corrupt = gzip("ethusdt_20240808.gz", ETH_TRADE, 5000);
        final byte[] bytes = Files.readAllBytes(corrupt);
        Files.write(corrupt, Arrays.copyOf(bytes, bytes.length / 2));

        final Replayer replayer = replay(context(corrupt, good));

        assertEquals(1, replayer.readErrors());
        assertTrue(replayer.errorSamples().get(0).contains("cannot read"), replayer.errorSamples().get(0));
        assertEquals(2000, deliveries.stream().filter((d) -> d.text().contains("depthUpdate")).count(),
            "the good file is replayed whole");
        assertTrue(deliveries.stream().anyMatch((d) -> d.text().contains("trade")), "the corrupt one up to the damage");
        assertTrue(replayer.isDone());
    }

    private Path gzip(final String name, final String payload, final int lines) throws IOException
    {
        final Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file)))
        {
            for (int i = 0; i < lines; i++)
            {
                out.write(((T0 + i) + " " + payload + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        return file;
    }

    @Test
    void shouldCallEndOfStreamOnceAndStopWorking() throws IOException
    {
        final Path file = write("btcusdt_20240808.txt", T0 + " " + SPOT_DEPTH);
        final int[] ends = new int[1];
        final Replayer replayer = new Replayer(context(file).endOfStreamHandler(() -> ends[0]++));

        assertFalse(replayer.isDone());
        assertEquals(1, replayer.doWork());
        assertTrue(replayer.isDone(), "the end is found in the same duty cycle");
        assertEquals(1, ends[0]);
        assertEquals(0, replayer.doWork());
        replayer.close();
        assertEquals(1, ends[0]);
    }

    @Test
    void shouldPaceAtRecordedSpeed() throws IOException
    {
        assertPaced(ReplaySpeed.RECORDED, List.of(0L, 100_000_000L, 1_000_000_000L, 1_000_000_000L));
    }

    @Test
    void shouldPaceTenTimesFaster() throws IOException
    {
        assertPaced(ReplaySpeed.parse("10x"), List.of(0L, 10_000_000L, 100_000_000L, 100_000_000L));
    }

    @Test
    void shouldNotDeliverBeforeRecordIsDue() throws IOException
    {
        final Path file = write("btcusdt_20240808.txt", T0 + " " + SPOT_DEPTH, (T0 + 50_000_000L) + " " + SPOT_DEPTH);
        final ManualEpochNanoClock wall = new ManualEpochNanoClock(1_000);
        final Replayer replayer = new Replayer(context(file).speed(ReplaySpeed.RECORDED).clock(wall));

        assertEquals(1, replayer.doWork());
        assertEquals(0, replayer.doWork());
        wall.advance(49_999_999L);
        assertEquals(0, replayer.doWork());
        wall.advance(1);
        assertEquals(1, replayer.doWork());
        replayer.close();
    }

    @Test
    void shouldParseSpeeds()
    {
        assertTrue(ReplaySpeed.parse("max").isMax());
        assertTrue(ReplaySpeed.parse("MAX").isMax());
        assertEquals(1.0, ReplaySpeed.parse("1x").factor());
        assertEquals(10.0, ReplaySpeed.parse("10").factor());
        assertEquals(0.5, ReplaySpeed.parse("0.5x").factor());
        assertEquals("10x", ReplaySpeed.parse("10x").toString());
        assertEquals("max", ReplaySpeed.MAX.toString());
        assertEquals(25_000_000L, ReplaySpeed.parse("4x").wallNs(100_000_000L));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> ReplaySpeed.parse("0x"));
        assertTrue(ex.getMessage().contains("max"));
        assertThrows(IllegalArgumentException.class, () -> ReplaySpeed.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> ReplaySpeed.parse("-1x"));
    }

    @Test
    void shouldReadCaptureLinesWithoutAllocating()
    {
        final Path file = TestData.file("binance/captures/usdm/btcusdt_20240808.gz");
        final CaptureSource source = new CaptureSource(CaptureFormat.HFTBACKTEST, List.of(file), Venue.BINANCE_USDM,
            null, "BTCUSDT", registry, new ReplayErrors(10), 64 * 1024 * 1024);
        try (source)
        {
            AllocationMeter.assertAllocationFree(20_000, 10_000, () ->
            {
                if (!source.advance())
                {
                    throw new IllegalStateException("capture ended during the test");
                }
            });
        }
    }

    @Test
    void shouldReplayWithoutAllocatingPerRecord()
    {
        final VenueFrameHandler noOp = new VenueFrameHandler()
        {
            public void onFrame(
                final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
            {
            }

            public void onDepthSnapshot(
                final int instrumentId,
                final DirectBuffer buffer,
                final int offset,
                final int length,
                final long receiveTimeNs)
            {
            }
        };
        try (Replayer replayer = new Replayer(new Replayer.Context()
            .files(List.of(
                TestData.file("binance/captures/usdm/btcusdt_20240808.gz"),
                TestData.file("binance/captures/spot/btcusdt_20240808.gz")))
            .registry(registry)
            .frameHandler(noOp)
            .replayTimeClock(new ManualEpochNanoClock(0))
            .batchLimit(1)))
        {
            AllocationMeter.assertAllocationFree(20_000, 10_000, () ->
            {
                if (1 != replayer.doWork())
                {
                    throw new IllegalStateException("replay ended during the test");
                }
            });
        }
    }

    private void assertPaced(final ReplaySpeed speed, final List<Long> expectedOffsetsNs) throws IOException
    {
        final Path file = write("btcusdt_20240808.txt",
            T0 + " " + SPOT_DEPTH,
            (T0 + 100_000_000L) + " " + SPOT_DEPTH,
            (T0 + 1_000_000_000L) + " " + SPOT_DEPTH,
            (T0 + 1_000_000_000L) + " " + SPOT_DEPTH);
        final long startNs = 5_000_000_000L;
        final ManualEpochNanoClock wall = new ManualEpochNanoClock(startNs);
        final long stepNs = 1_000_000L;
        final IdleStrategy advancing = new IdleStrategy()
        {
            public void idle(final int workCount)
            {
                if (0 == workCount)
                {
                    wall.advance(stepNs);
                }
            }

            public void idle()
            {
                wall.advance(stepNs);
            }

            public void reset()
            {
            }
        };
        final RecordingFrameHandler handler = new RecordingFrameHandler("paced", deliveries, wall);
        final ManualEpochNanoClock replayTime = new ManualEpochNanoClock(0);
        try (Replayer replayer = new Replayer(new Replayer.Context()
            .files(List.of(file))
            .registry(registry)
            .frameHandler(handler)
            .speed(speed)
            .clock(wall)
            .idleStrategy(advancing)
            .replayTimeClock(replayTime)))
        {
            replayer.run();
        }

        assertEquals(4, deliveries.size());
        for (int i = 0; i < deliveries.size(); i++)
        {
            final long offsetNs = deliveries.get(i).wallTimeNs() - startNs;
            final long expectedNs = expectedOffsetsNs.get(i);
            assertTrue(offsetNs >= expectedNs && offsetNs < expectedNs + stepNs,
                "record " + i + " delivered at +" + offsetNs + " ns, due at +" + expectedNs);
        }
        assertEquals(T0 + 1_000_000_000L, replayTime.nanoTime(), "replay clock follows the records");
    }

    private Venue detect(final String name, final String line) throws IOException
    {
        deliveries.clear();
        final Replayer replayer = replay(context(write(name, line)));
        return replayer.venues().iterator().next();
    }

    private Replayer.Context context(final Path... files)
    {
        final Map<Venue, RecordingFrameHandler> handlers = new EnumMap<>(Venue.class);
        return new Replayer.Context()
            .files(List.of(files))
            .registry(registry)
            .frameHandlers((venue) -> handlers.computeIfAbsent(
                venue, (v) -> new RecordingFrameHandler(v.name(), deliveries, null)));
    }

    private Replayer replay(final Replayer.Context ctx)
    {
        final Replayer replayer = new Replayer(ctx);
        try (replayer)
        {
            replayer.run();
        }
        return replayer;
    }

    private List<Long> times()
    {
        return deliveries.stream().map(Delivery::receiveTimeNs).toList();
    }

    private Path write(final String name, final String... lines) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);
        return file;
    }

    private static long seconds(final String text)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
        return CaptureText.parseSeconds(buffer, 0, text.length());
    }

    private static long epoch(final String text)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
        return CaptureText.parseEpochTime(buffer, 0, text.length());
    }
}
