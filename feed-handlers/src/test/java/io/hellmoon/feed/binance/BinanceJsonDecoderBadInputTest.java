/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance;

import io.hellmoon.sbe.Venue;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.hellmoon.feed.binance.BinanceJsonDecoder.BAD_NUMBER;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.BAD_SYMBOL;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.BAD_VALUE;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.DUPLICATE_FIELD;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.EMPTY_FRAME;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.INEXACT_NUMBER;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.MALFORMED_JSON;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.MISSING_FIELD;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.NOT_JSON;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.NUMBER_TOO_LONG;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.TOO_DEEP;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.TOO_MANY_LEVELS;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.TOO_MANY_MESSAGES;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.TRUNCATED;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.UNKNOWN_INSTRUMENT;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.UNKNOWN_SYMBOL;
import static io.hellmoon.feed.binance.BinanceJsonDecoder.WRONG_TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input: every kind is counted once under its reason, sampled with its position, publishes nothing, never
 * throws and never disturbs the frames around it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BinanceJsonDecoderBadInputTest
{
    private static final Pattern SAMPLE = Pattern.compile("bad frame: (\\w+) at (-?\\d+) of (\\d+) bytes");
    private static final String END = "<end>";

    private static final List<String> SPOT_FRAMES = new ArrayList<>();
    private static final List<String> USDM_FRAMES = new ArrayList<>();
    private static String snapshot;

    @BeforeAll
    static void readRealFrames() throws IOException
    {
        firstOfEachType("binance/captures/spot/btcusdt_20240808.gz", SPOT_FRAMES);
        firstOfEachType("binance/captures/usdm/btcusdt_20240808.gz", USDM_FRAMES);
        final List<CaptureFiles.Frame> cryptofeed =
            CaptureFiles.cryptofeedFrames(TestData.file("binance/cryptofeed/BINANCE_FUTURES.ws.1.0"));
        for (final String stream : new String[]{ "@kline_1m", "@aggTrade" })
        {
            cryptofeed.stream()
                .map((frame) -> new String(frame.json(), StandardCharsets.US_ASCII))
                .filter((json) -> json.contains(stream))
                .findFirst()
                .ifPresent(USDM_FRAMES::add);
        }
        final String fixtures = "binance/fixtures/binance_crate_test_data/futures/market_data_json/";
        USDM_FRAMES.add(Files.readString(TestData.file(fixtures + "liquidation_stream.json")).trim());
        USDM_FRAMES.add(BinanceJsonDecoderTest.markPrice("BTCUSDT"));
        USDM_FRAMES.add("{\"stream\":\"!markPrice@arr\",\"data\":[" + BinanceJsonDecoderTest.markPrice("BTCUSDT") +
            "," + BinanceJsonDecoderTest.markPrice("ETHUSDT") + "]}");
        USDM_FRAMES.add("{\"e\":\"24hrMiniTicker\",\"E\":1672515782136,\"s\":\"BTCUSDT\",\"c\":\"16584.6\"," +
            "\"o\":\"16716.0\",\"h\":\"16764.89\",\"l\":\"16456.51\",\"v\":\"122474.816\"," +
            "\"q\":\"2036102085.697464\"}");
        assertEquals(3, SPOT_FRAMES.size());
        assertEquals(9, USDM_FRAMES.size());

        // A real COIN-M REST snapshot (crypto-msg-parser line 44), small enough to cut at every byte quickly.
        snapshot = Files.readAllLines(TestData.file("binance/fixtures/crypto-msg-parser/binance.jsonl")).get(43);
    }

    @Test
    void shouldCountEveryTruncationOfRealFramesOnceAndPublishNothing()
    {
        int frames = 0;
        for (final String json : USDM_FRAMES)
        {
            frames += truncateAtEveryByte(Venue.BINANCE_USDM, json, false);
        }
        for (final String json : SPOT_FRAMES)
        {
            frames += truncateAtEveryByte(Venue.BINANCE_SPOT, json, false);
        }
        frames += truncateAtEveryByte(Venue.BINANCE_COINM, snapshot, true);
        assertTrue(frames > 4_000, "prefixes tried: " + frames);
    }

    private static int truncateAtEveryByte(final Venue venue, final String json, final boolean snapshot)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.US_ASCII);
        try (DecoderHarness harness = new DecoderHarness(venue, true))
        {
            final int id = harness.registry.register(venue, "BTCUSDT");
            for (int length = 0; length < bytes.length; length++)
            {
                final byte[] prefix = Arrays.copyOf(bytes, length);
                final List<String> published = snapshot ? harness.snapshot(id, prefix) : harness.frame(prefix);
                assertEquals(List.of(), published, json);
                assertEquals(length + 1, harness.decoder.decodeErrors(), "cut at " + length + " of " + json);
            }
            assertEquals(1, harness.decoder.decodeErrors(EMPTY_FRAME));
            assertEquals(bytes.length - 1, harness.decoder.decodeErrors(TRUNCATED));

            final List<String> whole = snapshot ? harness.snapshot(id, bytes) : harness.frame(bytes);
            assertTrue(!whole.isEmpty(), json);
            assertEquals(bytes.length, harness.decoder.decodeErrors());
            assertEquals(bytes.length + 1, harness.decoder.framesReceived());

            final String samples = harness.drainErrors();
            assertTrue(samples.contains("bad frame: TRUNCATED at 1 of 1 bytes"), samples);
            assertTrue(samples.contains("bad frame: EMPTY_FRAME at 0 of 0 bytes"), samples);
        }
        return bytes.length;
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> malformedFrames()
    {
        final String trade =
            "{\"e\":\"trade\",\"E\":1,\"T\":2,\"s\":\"BTCUSDT\",\"t\":3,\"p\":\"4.5\",\"q\":\"6\",\"m\":true";
        final String depth = "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":1,\"u\":2,";
        final String kline = "{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\",\"k\":{\"t\":1,\"T\":2,\"i\":\"1m\"," +
            "\"o\":\"1\",\"h\":\"1\",\"l\":\"1\",\"c\":\"1\",\"v\":\"1\",\"V\":\"1\",\"q\":\"1\",\"Q\":\"1\",\"n\":1," +
            "\"x\":true";
        final String order = "{\"e\":\"forceOrder\",\"E\":1,\"o\":{\"s\":\"BTCUSDT\",\"p\":\"1\",\"ap\":\"1\"," +
            "\"q\":\"1\",\"l\":\"1\",\"z\":\"1\",\"T\":1";
        final String levels5001 = "[" + "[\"1\",\"1\"],".repeat(5000) + "[\"2\",\"2\"]]";
        final String miniTicker = "{\"e\":\"24hrMiniTicker\",\"E\":1,\"s\":\"BTCUSDT\",\"c\":\"1\",\"o\":\"1\"," +
            "\"h\":\"1\",\"l\":\"1\",\"v\":\"1\",\"q\":\"1\"}";

        return Stream.of(
            arguments("text", "hello", NOT_JSON, "hello"),
            arguments("html", "<html><body>502 Bad Gateway</body></html>", NOT_JSON, "<html>"),
            arguments("bare number", "123", NOT_JSON, "123"),
            arguments("bare string", "  \"trade\"", NOT_JSON, "\"trade\""),
            arguments("binary", "\u0000\u0001\u00ff\u00fe\u0080", NOT_JSON, "\u0000"),
            arguments("empty", "", EMPTY_FRAME, END),
            arguments("whitespace", " \r\n\t ", EMPTY_FRAME, END),
            arguments("truncated", "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\"", TRUNCATED, END),
            arguments("truncated string", "{\"e\":\"tra", TRUNCATED, END),
            arguments("double comma", "{\"e\":\"trade\",,\"s\":\"X\"}", MALFORMED_JSON, ",\"s\""),
            arguments("trailing comma", "{\"e\":\"trade\",}", MALFORMED_JSON, "}"),
            arguments("trailing comma in array", "{\"a\":[1,2,]}", MALFORMED_JSON, "]}"),
            arguments("missing colon", "{\"e\" \"trade\"}", MALFORMED_JSON, "\"trade\""),
            arguments("bad literal", "{\"m\":tru}", MALFORMED_JSON, "}"),
            arguments("bad escape", "{\"e\":\"tr\\qade\"}", MALFORMED_JSON, "qade"),
            arguments("control character", "{\"e\":\"tr\u0001ade\"}", MALFORMED_JSON, "\u0001"),
            arguments("trailing data", "{\"e\":\"x\"} {}", MALFORMED_JSON, "{}"),
            arguments("unclosed bracket kind", "{\"e\":[1}", MALFORMED_JSON, "}"),
            arguments("deep arrays", "{\"e\":\"trade\",\"x\":" + "[".repeat(100_000), TOO_DEEP, 17 + 15),
            arguments("array of arrays", "[".repeat(100_000), WRONG_TYPE, 1),
            arguments("deep objects", "{\"data\":" + "{\"a\":".repeat(40), TOO_DEEP, 8 + 5 * 15),
            arguments("price object", trade.replace("\"4.5\"", "{\"x\":1}") + "}", WRONG_TYPE, "{\"x\""),
            arguments("time string", trade.replace("\"T\":2", "\"T\":\"2\"") + "}", WRONG_TYPE, "\"2\""),
            arguments("boolean string", trade.replace("\"m\":true", "\"m\":\"true\"") + "}", WRONG_TYPE, "\"true\""),
            arguments("symbol number", trade.replace("\"BTCUSDT\"", "12") + "}", WRONG_TYPE, "12,"),
            arguments("event type number", "{\"e\":5}", WRONG_TYPE, "5"),
            arguments("data string", "{\"stream\":\"x\",\"data\":\"oops\"}", WRONG_TYPE, "\"oops\""),
            arguments("data element number", "{\"data\":[" + miniTicker + ",7]}", WRONG_TYPE, "7]"),
            arguments("level not array", depth + "\"b\":[[\"1\",\"2\"],\"3\"],\"a\":[]}", WRONG_TYPE, "\"3\""),
            arguments("level too short", depth + "\"b\":[[\"1\"]],\"a\":[]}", WRONG_TYPE, "]],"),
            arguments("levels object", depth + "\"b\":{\"1\":\"2\"},\"a\":[]}", WRONG_TYPE, "{\"1\""),
            arguments("kline array", "{\"e\":\"kline\",\"s\":\"BTCUSDT\",\"k\":[]}", WRONG_TYPE, "[]"),
            arguments("order string", "{\"e\":\"forceOrder\",\"o\":\"x\"}", WRONG_TYPE, "\"x\""),
            arguments("missing price", trade.replace(",\"p\":\"4.5\"", "") + "}", MISSING_FIELD, "{"),
            arguments("missing symbol", trade.replace(",\"s\":\"BTCUSDT\"", "") + "}", MISSING_FIELD, "{"),
            arguments("missing bids", depth + "\"a\":[]}", MISSING_FIELD, "{"),
            arguments("missing kline", "{\"data\":{\"e\":\"kline\",\"s\":\"BTCUSDT\"}}", MISSING_FIELD, "{\"e\""),
            arguments("missing kline field", kline.replace(",\"n\":1", "") + "}}", MISSING_FIELD, "{\"t\""),
            arguments("duplicate price", trade + ",\"p\":\"4.6\"}", DUPLICATE_FIELD, "\"4.6\""),
            arguments("duplicate event type", "{\"e\":\"trade\",\"e\":\"aggTrade\"}", DUPLICATE_FIELD, "\"aggTrade\""),
            arguments("symbol with space", trade.replace("BTCUSDT", "BTC USDT") + "}", BAD_SYMBOL, "\"BTC USDT\""),
            arguments("empty symbol", trade.replace("BTCUSDT", "") + "}", BAD_SYMBOL, "\"\","),
            arguments("long symbol", trade.replace("BTCUSDT", "X".repeat(65)) + "}", BAD_SYMBOL, "\"XXX"),
            arguments("escaped symbol", trade.replace("BTCUSDT", "BTC\\u0055SDT") + "}", BAD_SYMBOL, "\"BTC\\"),
            arguments("letters in price", trade.replace("4.5", "4.5a") + "}", BAD_NUMBER, "4.5a"),
            arguments("negative price", trade.replace("4.5", "-4.5") + "}", BAD_NUMBER, "-4.5"),
            arguments("two dots", trade.replace("4.5", "4.5.1") + "}", BAD_NUMBER, "4.5.1"),
            arguments("empty price", trade.replace("\"4.5\"", "\"\"") + "}", BAD_NUMBER, "\",\"q"),
            arguments("bare dot", trade.replace("\"4.5\"", "\".5\"") + "}", BAD_NUMBER, ".5"),
            arguments("leading zero number", trade.replace("\"t\":3", "\"t\":03") + "}", BAD_NUMBER, "3,"),
            arguments("fractional id", trade.replace("\"t\":3", "\"t\":3.5") + "}", BAD_NUMBER, "3.5"),
            arguments("exponent id", trade.replace("\"t\":3", "\"t\":1e3") + "}", BAD_NUMBER, "1e3"),
            arguments("negative time", trade.replace("\"T\":2", "\"T\":-2") + "}", BAD_NUMBER, "-2"),
            arguments("time past 2262", trade.replace("\"T\":2", "\"T\":9223372036855") + "}", BAD_NUMBER, "92233"),
            arguments("long price", trade.replace("4.5", "1234567890123456789012") + "}", NUMBER_TOO_LONG, "12345"),
            arguments("huge price", trade.replace("4.5", "1e30") + "}", NUMBER_TOO_LONG, "1e30"),
            arguments("price past long", trade.replace("4.5", "92233720368.54775808") + "}", NUMBER_TOO_LONG, "9223"),
            arguments("id past long", trade.replace("\"t\":3", "\"t\":9223372036854775808") + "}", NUMBER_TOO_LONG,
                "9223372036854775808"),
            arguments("many digit quote volume", kline.replace("\"q\":\"1\"", "\"q\":\"0.1234567890123456789\"") + "}}",
                NUMBER_TOO_LONG, "0.123"),
            arguments("price below exponent", trade.replace("4.5", "0.000000001") + "}", INEXACT_NUMBER, "0.000000001"),
            arguments("unknown side", order + ",\"S\":\"HOLD\",\"X\":\"FILLED\"}}", BAD_VALUE, "\"HOLD\""),
            arguments("unknown status", order + ",\"S\":\"BUY\",\"X\":\"WEIRD\"}}", BAD_VALUE, "\"WEIRD\""),
            arguments("unknown interval", kline.replace("\"1m\"", "\"7m\"") + "}}", BAD_VALUE, "\"7m\""),
            arguments("too many bids", depth + "\"b\":" + levels5001 + ",\"a\":[]}", TOO_MANY_LEVELS, "[\"2\""),
            arguments("too many asks", depth + "\"b\":[],\"a\":" + levels5001 + "}", TOO_MANY_LEVELS, "[\"2\""),
            arguments("too many messages", "{\"data\":[" + (miniTicker + ",").repeat(20_000) + miniTicker + "]}",
                TOO_MANY_MESSAGES, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFrames")
    void shouldCountAndSampleEachMalformedFrameUnderItsReason(
        final String name, final String json, final int reason, final Object position)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.ISO_8859_1);
        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_USDM, true))
        {
            assertEquals(List.of(), harness.frame(bytes));
            assertOnlyError(harness, reason, bytes.length, positionOf(json, position));
        }
    }

    @Test
    void shouldCountUnknownSymbolsAndInstrumentsWithoutRegistering()
    {
        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_USDM, false))
        {
            final String json = BinanceJsonDecoderTest.markPrice("BTCUSDT");
            assertEquals(List.of(), harness.frame(json));
            assertOnlyError(harness, UNKNOWN_SYMBOL, json.length(), json.indexOf("\"BTCUSDT\""));
        }
        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_USDM, false))
        {
            final String json = "{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}";
            assertEquals(List.of(), harness.snapshot(99, json));
            assertOnlyError(harness, UNKNOWN_INSTRUMENT, json.length(), 0);
        }
        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_USDM, true))
        {
            final int id = harness.registry.register(Venue.BINANCE_USDM, "BTCUSDT");
            assertEquals(List.of(), harness.snapshot(id, "[]"));
            assertOnlyError(harness, WRONG_TYPE, 2, 0);
            assertEquals(List.of(), harness.snapshot(id, "{\"lastUpdateId\":\"1\",\"bids\":[],\"asks\":[]}"));
            assertEquals(2, harness.decoder.decodeErrors(WRONG_TYPE));
        }
    }

    @Test
    void shouldNotDisturbGoodFramesAroundABadOne()
    {
        final List<String> alone = new ArrayList<>();
        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_USDM, true))
        {
            for (final String json : USDM_FRAMES)
            {
                alone.addAll(harness.frame(json));
            }
        }

        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_USDM, true))
        {
            final List<String> interleaved = new ArrayList<>();
            final String[] bad = { "{\"e\":\"trade\",\"s\":", "\u0000\u0001", "{\"e\":\"trade\"}", "[".repeat(50) };
            for (int i = 0; i < USDM_FRAMES.size(); i++)
            {
                harness.frame(bad[i % bad.length]);
                interleaved.addAll(harness.frame(USDM_FRAMES.get(i)));
            }
            assertEquals(alone, interleaved);
            assertEquals(USDM_FRAMES.size(), harness.decoder.decodeErrors());
        }
    }

    @Test
    void shouldSurviveRandomMutationsOfRealFrames()
    {
        final Random random = new Random(20240808L);
        final byte[] alphabet =
            "{}[]\":,.-+0123456789eE \t\\tfalsenull\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        final List<byte[]> frames = new ArrayList<>();
        for (final String json : USDM_FRAMES)
        {
            frames.add(json.getBytes(StandardCharsets.US_ASCII));
        }

        int decoded = 0;
        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_USDM, true))
        {
            for (int i = 0; i < 30_000; i++)
            {
                final byte[] frame = mutate(frames.get(random.nextInt(frames.size())), random, alphabet);
                final long errorsBefore = harness.decoder.decodeErrors();
                final long unsupportedBefore = harness.decoder.unsupportedFrames();
                final List<String> published = harness.frame(frame);

                final long errors = harness.decoder.decodeErrors() - errorsBefore;
                final long unsupported = harness.decoder.unsupportedFrames() - unsupportedBefore;
                assertTrue(errors <= 1, "one count per frame");
                if (1 == errors)
                {
                    assertEquals(List.of(), published);
                    assertEquals(0, unsupported);
                }
                decoded += published.isEmpty() ? 0 : 1;
            }
            assertEquals(30_000, harness.decoder.framesReceived());
            harness.drainErrors();
        }
        assertTrue(decoded > 1_000, "some mutations are still valid frames: " + decoded);
    }

    @Test
    void shouldCountRandomBinaryFramesOnceEach()
    {
        final Random random = new Random(7L);
        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_SPOT, true))
        {
            for (int i = 0; i < 5_000; i++)
            {
                final byte[] frame = new byte[random.nextInt(300)];
                random.nextBytes(frame);
                assertEquals(List.of(), harness.frame(frame));
                assertEquals(i + 1, harness.decoder.decodeErrors());
            }
            assertEquals(0, harness.decoder.messagesPublished());
        }
    }

    @Test
    void shouldNotStallOnHugeArrays()
    {
        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_USDM, true))
        {
            final String levels = "{\"e\":\"depthUpdate\",\"s\":\"BTCUSDT\",\"U\":1,\"u\":2,\"a\":[],\"b\":[" +
                "[\"1.5\",\"2\"],".repeat(1_000_000) + "[\"1\",\"2\"]]}";
            assertEquals(List.of(), harness.frame(levels));
            final String numbers = "{\"data\":[" + "1,".repeat(1_000_000) + "1]}";
            assertEquals(List.of(), harness.frame(numbers));
            final String skipped = "{\"e\":\"24hrTicker\",\"x\":[" + "[1,{\"a\":[2]}],".repeat(500_000) + "0]}";
            assertEquals(List.of(), harness.frame(skipped));

            assertEquals(1, harness.decoder.decodeErrors(TOO_MANY_LEVELS));
            assertEquals(1, harness.decoder.decodeErrors(WRONG_TYPE));
            assertEquals(1, harness.decoder.unsupportedFrames());
        }
    }

    private static void assertOnlyError(
        final DecoderHarness harness, final int reason, final int frameLength, final int position)
    {
        assertEquals(1, harness.decoder.decodeErrors(reason), () -> BinanceJsonDecoder.reasonName(reason) +
            " expected, got " + harness.drainErrors());
        assertEquals(1, harness.decoder.decodeErrors());
        assertEquals(0, harness.decoder.messagesPublished());
        assertEquals(0, harness.decoder.unsupportedFrames());

        final String samples = harness.drainErrors();
        final Matcher matcher = SAMPLE.matcher(samples);
        assertTrue(matcher.find(), samples);
        assertEquals(BinanceJsonDecoder.reasonName(reason), matcher.group(1), samples);
        assertEquals(frameLength, Integer.parseInt(matcher.group(3)), samples);
        if (position >= 0)
        {
            assertEquals(position, Integer.parseInt(matcher.group(2)), samples);
        }
    }

    private static int positionOf(final String json, final Object position)
    {
        if (null == position)
        {
            return -1;
        }
        if (position instanceof Integer)
        {
            return (Integer)position;
        }
        if (END.equals(position))
        {
            return json.length();
        }
        final int at = json.indexOf((String)position);
        assertTrue(at >= 0, (String)position);
        return at;
    }

    private static byte[] mutate(final byte[] original, final Random random, final byte[] alphabet)
    {
        byte[] bytes = original.clone();
        final int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && bytes.length > 1; m++)
        {
            final int at = random.nextInt(bytes.length);
            switch (random.nextInt(5))
            {
                case 0:
                    bytes[at] = alphabet[random.nextInt(alphabet.length)];
                    break;
                case 1:
                {
                    final byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                    break;
                }
                case 2:
                {
                    final byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = alphabet[random.nextInt(alphabet.length)];
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                    break;
                }
                case 3:
                {
                    final int length = Math.min(bytes.length - at, 1 + random.nextInt(40));
                    final byte[] longer = new byte[bytes.length + length];
                    System.arraycopy(bytes, 0, longer, 0, at + length);
                    System.arraycopy(bytes, at, longer, at + length, bytes.length - at);
                    bytes = longer;
                    break;
                }
                default:
                    bytes = Arrays.copyOf(bytes, at);
                    break;
            }
        }
        return bytes;
    }

    private static void firstOfEachType(final String file, final List<String> frames)
    {
        final List<String> streams = new ArrayList<>();
        CaptureFiles.forEachHftbacktestFrame(TestData.file(file), (frame) ->
        {
            final String json = new String(frame.json(), StandardCharsets.US_ASCII);
            if (!frame.isSnapshot())
            {
                final String stream = json.substring(0, json.indexOf("\",\"data\""));
                if (!streams.contains(stream))
                {
                    streams.add(stream);
                    frames.add(json);
                }
            }
        });
    }
}
