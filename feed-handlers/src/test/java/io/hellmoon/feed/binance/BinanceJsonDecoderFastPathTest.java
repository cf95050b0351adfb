/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fast path is an optimisation only: a decoder with it must publish byte for byte what a decoder without it
 * publishes, and count and sample the same errors, for every frame, good or bad. Held to that here on real capture
 * lines and on seeded random mutations of them (bytes changed, dropped, duplicated, whitespace inserted, fields
 * swapped), which reach the fast path's every refusal and the general path's every verdict. The real lines must also
 * actually take the fast path, or the decoder is slower than it claims.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BinanceJsonDecoderFastPathTest
{
    private static final int LINES_PER_CAPTURE = 6_000;
    private static final int MUTATED_LINES = 1_500;
    private static final int MUTATIONS_PER_LINE = 12;
    private static final byte[] MUTATION_BYTES =
        "0123456789.-+eE\"\\,:{}[] \n\ttrufalsnxsSbBaApPqQ\u0001\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    private static final String FIXTURES = "binance/fixtures/binance_crate_test_data/futures/market_data_json/";

    private final List<Pair> pairs = new ArrayList<>();

    @AfterEach
    void close()
    {
        pairs.forEach(Pair::close);
    }

    @Test
    void shouldDecodeRealLinesOnTheFastPathExactlyAsTheGeneralPath()
    {
        final Pair spot = pair(Venue.BINANCE_SPOT, (context) -> context.autoRegister(true));
        final Pair usdm = pair(Venue.BINANCE_USDM, (context) -> context.autoRegister(true));
        final List<byte[]> spotLines = lines("binance/captures/spot/btcusdt_20240808.gz");
        final List<byte[]> usdmLines = lines("binance/captures/usdm/btcusdt_20240808.gz");
        spotLines.forEach(spot::frame);
        usdmLines.forEach(usdm::frame);

        for (final CaptureFiles.Frame frame :
            CaptureFiles.cryptofeedFrames(TestData.file("binance/cryptofeed/BINANCE_FUTURES.ws.1.0")))
        {
            usdm.frame(frame.json());
        }
        for (final String fixture : new String[]{ "mark_price_stream.json", "liquidation_stream.json" })
        {
            usdm.frame(fixture(fixture));
        }
        final int snapshotId = usdm.register("SUSHIUSDT");
        final byte[] snapshot = CaptureFiles.cryptofeedReplies(
            TestData.file("binance/cryptofeed/BINANCE_FUTURES.http.0.0")).get(0).body();
        usdm.snapshot(snapshotId, snapshot);

        assertEquals(0, spot.fast.decoder.decodeErrors());
        assertEquals(0, usdm.fast.decoder.decodeErrors());
        // Every frame takes it but the first of each symbol, which the general path registers and announces.
        for (final Pair pair : pairs)
        {
            final BinanceJsonDecoder decoder = pair.fast.decoder;
            assertTrue(decoder.fastPathFrames() >= decoder.framesReceived() - pair.fast.registry.maxId(),
                decoder.fastPathFrames() + " of " + decoder.framesReceived());
        }
        assertEquals(0, spot.general.decoder.fastPathFrames());
    }

    @Test
    void shouldDecideEveryMutatedLineExactlyAsTheGeneralPath()
    {
        final Random random = new Random(20240808);
        final Pair autoRegistering = pair(Venue.BINANCE_USDM, (context) -> context.autoRegister(true));
        final Pair known = pair(Venue.BINANCE_USDM, (context) -> context.autoRegister(false));
        known.register("BTCUSDT");

        final List<byte[]> lines = lines("binance/captures/usdm/btcusdt_20240808.gz");
        final List<byte[]> samples = new ArrayList<>();
        for (int i = 0; i < MUTATED_LINES; i++)
        {
            samples.add(lines.get(random.nextInt(lines.size())));
        }
        samples.add(fixture("mark_price_stream.json"));
        samples.add(fixture("liquidation_stream.json"));
        for (final CaptureFiles.Frame frame :
            CaptureFiles.cryptofeedFrames(TestData.file("binance/cryptofeed/BINANCE_FUTURES.ws.1.0")))
        {
            if (0 == random.nextInt(8))
            {
                samples.add(frame.json());
            }
        }

        for (final byte[] line : samples)
        {
            for (int m = 0; m < MUTATIONS_PER_LINE; m++)
            {
                final byte[] mutated = mutate(random, line);
                autoRegistering.frame(mutated);
                known.frame(mutated);
            }
        }

        final byte[] snapshot = CaptureFiles.cryptofeedReplies(
            TestData.file("binance/cryptofeed/BINANCE_FUTURES.http.0.0")).get(0).body();
        final int snapshotId = autoRegistering.register("SUSHIUSDT");
        for (int m = 0; m < 200; m++)
        {
            autoRegistering.snapshot(snapshotId, mutate(random, snapshot));
        }

        // The mutations reached both verdicts, and both paths.
        for (final Pair pair : pairs)
        {
            assertTrue(pair.fast.decoder.decodeErrors() > 1_000, "errors " + pair.fast.decoder.decodeErrors());
            assertTrue(pair.fast.decoder.messagesPublished() > 1_000, "" + pair.fast.decoder.messagesPublished());
            assertTrue(pair.fast.decoder.fastPathFrames() > 1_000, "" + pair.fast.decoder.fastPathFrames());
        }
    }

    private Pair pair(final Venue venue, final UnaryOperator<BinanceJsonDecoder.Context> settings)
    {
        final Pair pair = new Pair(venue, settings);
        pairs.add(pair);
        return pair;
    }

    private static byte[] mutate(final Random random, final byte[] line)
    {
        final byte[] bytes = line.clone();
        final int at = random.nextInt(bytes.length);
        switch (random.nextInt(6))
        {
            case 0, 1:
                bytes[at] = MUTATION_BYTES[random.nextInt(MUTATION_BYTES.length)];
                return bytes;

            case 2:
            {
                final byte[] shorter = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, shorter, 0, at);
                System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                return shorter;
            }

            case 3:
            {
                // A span repeated: duplicate fields, doubled levels, stuttered digits.
                final int length = 1 + random.nextInt(Math.min(24, bytes.length - at));
                final byte[] longer = new byte[bytes.length + length];
                System.arraycopy(bytes, 0, longer, 0, at + length);
                System.arraycopy(bytes, at, longer, at + length, bytes.length - at);
                return longer;
            }

            case 4:
            {
                // Whitespace where a token may or may not allow it.
                final byte[] longer = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, longer, 0, at);
                longer[at] = (byte)(random.nextBoolean() ? ' ' : '\n');
                System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                return longer;
            }

            default:
            {
                // Two bytes swapped, e.g. field names exchanged: "b" and "a", "s" after the levels.
                final int other = random.nextInt(bytes.length);
                final byte b = bytes[at];
                bytes[at] = bytes[other];
                bytes[other] = b;
                return bytes;
            }
        }
    }

    private static List<byte[]> lines(final String capture)
    {
        final List<byte[]> lines = new ArrayList<>();
        CaptureFiles.forEachHftbacktestFrame(TestData.file(capture), (frame) ->
        {
            if (lines.size() < LINES_PER_CAPTURE && !frame.isSnapshot())
            {
                lines.add(frame.json());
            }
        });
        return lines;
    }

    private static byte[] fixture(final String name)
    {
        try
        {
            return Files.readAllBytes(TestData.file(FIXTURES + name));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Two decoders over registries kept alike, one with the fast path and one without, fed the same frames.
     */
    private static final class Pair implements AutoCloseable
    {
        final DecoderHarness fast;
        final DecoderHarness general;
        long frames;

        Pair(final Venue venue, final UnaryOperator<BinanceJsonDecoder.Context> settings)
        {
            fast = new DecoderHarness(venue, new InstrumentRegistry(), (context) -> settings.apply(context));
            general = new DecoderHarness(
                venue, new InstrumentRegistry(), (context) -> settings.apply(context).fastPath(false));
        }

        int register(final String symbol)
        {
            final Venue venue = fast.decoder.venue();
            final int id = fast.registry.register(venue, symbol);
            assertEquals(id, general.registry.register(venue, symbol));
            return id;
        }

        void frame(final byte[] json)
        {
            frames++;
            compare(json, fast.frame(json), general.frame(json));
        }

        void snapshot(final int instrumentId, final byte[] json)
        {
            frames++;
            compare(json, fast.snapshot(instrumentId, json), general.snapshot(instrumentId, json));
        }

        public void close()
        {
            fast.close();
            general.close();
        }

        private void compare(final byte[] json, final List<String> fastTexts, final List<String> generalTexts)
        {
            final String frame = new String(json, StandardCharsets.ISO_8859_1);
            if (!fastTexts.equals(generalTexts))
            {
                fail("frame " + frames + " " + frame + "\n fast:    " + fastTexts + "\n general: " + generalTexts);
            }
            final RecordingSink fastSink = fast.sink;
            final RecordingSink generalSink = general.sink;
            assertEquals(generalSink.size(), fastSink.size());
            for (int i = fastSink.size() - fastTexts.size(); i < fastSink.size(); i++)
            {
                assertEquals(generalSink.message(i), fastSink.message(i), frame);
            }
            assertEquals(general.drainErrors(), fast.drainErrors(), frame);
            for (int reason = 0; reason < BinanceJsonDecoder.reasonCount(); reason++)
            {
                assertEquals(general.decoder.decodeErrors(reason), fast.decoder.decodeErrors(reason),
                    BinanceJsonDecoder.reasonName(reason) + " " + frame);
            }
            assertEquals(general.decoder.unsupportedFrames(), fast.decoder.unsupportedFrames(), frame);
            assertEquals(general.registry.maxId(), fast.registry.maxId(), frame);
            // Keep the recorded messages small: only the counts carry over from frame to frame.
            fastSink.clear();
            generalSink.clear();
        }
    }
}
