/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance;

import io.aeron.exceptions.ConfigurationException;
import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.errors.SampledErrorLog;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.TestData;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static io.hellmoon.feed.binance.DecoderHarness.PUBLISH_TIME_NS;
import static io.hellmoon.feed.binance.DecoderHarness.RECEIVE_TIME_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoder on the venues' own examples and on each of its behaviours; bad input is in
 * {@link BinanceJsonDecoderBadInputTest}, the full captures in {@link BinanceCaptureDecodeTest}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BinanceJsonDecoderTest
{
    private static final String TIMES = " recv=" + RECEIVE_TIME_NS + " pub=" + PUBLISH_TIME_NS;
    private static final String FUTURES_FIXTURES = "binance/fixtures/binance_crate_test_data/futures/market_data_json/";

    @Test
    void shouldDecodeFuturesFixturesToExactValues() throws IOException
    {
        try (DecoderHarness harness = new DecoderHarness(
            Venue.BINANCE_USDM, new InstrumentRegistry(), (c) -> c.autoRegister(true).announceInstruments(false)))
        {
            assertEquals(List.of("Trade BTCUSDT E=123456789000000" + TIMES + " T=123456785000000 kind=AGG_TRADE " +
                "cond=NORMAL aggressor=SELL pe=-8 se=-8 p=100000 q=10000000000 id=5933014 first=100 last=105"),
                harness.frame(fixture("agg_trade_stream.json")));

            assertEquals(List.of("BestBidOffer BNBUSDT E=1568014460893000000" + TIMES + " T=1568014460891000000 " +
                "u=400900217 pe=-8 se=-8 b=2535190000 B=3121000000 a=2536520000 A=4066000000"),
                harness.frame(fixture("book_ticker_stream.json")));

            assertEquals(List.of("DepthUpdate BTCUSDT E=123456789000000" + TIMES + " T=123456788000000 U=157 u=160 " +
                "pu=149 pe=-8 se=-8 bids=[240000:1000000000] asks=[260000:10000000000]"),
                harness.frame(fixture("depth_update_stream.json")));

            assertEquals(List.of("Bar BTCUSDT E=1638747660000000000" + TIMES + " i=M1 t=1638747660000000000 " +
                "T=1638747719999000000 x=true pe=-8 se=-8 o=100000 h=250000 l=100000 c=200000 v=100000000000 " +
                "V=50000000000 q=1 Q=0.5 n=100 f=100 L=200"),
                harness.frame(fixture("kline_stream_closed.json")));

            assertEquals(List.of("Bar BTCUSDT E=1638747660000000000" + TIMES + " i=M1 t=1638747660000000000 " +
                "T=1638747719999000000 x=false pe=-8 se=-8 o=100000 h=250000 l=150000 c=200000 v=100000000000 " +
                "V=50000000000 q=1 Q=0.5 n=100 f=100 L=200"),
                harness.frame(fixture("kline_stream_open.json")));

            assertEquals(List.of("Liquidation BTCUSDT E=1568014460893000000" + TIMES + " T=1568014460893000000 " +
                "side=SELL status=FILLED pe=-8 se=-8 p=991000000000 ap=991012345678 q=1400000 l=1400000 z=1400000"),
                harness.frame(fixture("liquidation_stream.json")));

            assertEquals(List.of("MarkPrice BTCUSDT E=1562305380000000000" + TIMES + " pe=-8 p=1179415000000 " +
                "i=1178462659091 P=1178425641265 r=0.00038167 T=1562306400000000000"),
                harness.frame(fixture("mark_price_stream.json")));

            assertEquals(List.of("Trade BTCUSDT E=123456789000000" + TIMES + " T=123456785000000 kind=TRADE " +
                "cond=NORMAL aggressor=SELL pe=-8 se=-8 p=100000 q=10000000000 id=5933014 first=null last=null"),
                harness.frame(fixture("trade_stream.json")));

            assertEquals(List.of(), harness.frame(fixture("ticker_stream.json")));
            assertEquals(1, harness.decoder.unsupportedFrames());
            assertEquals(0, harness.decoder.decodeErrors(), harness.drainErrors());
            assertEquals(9, harness.decoder.framesReceived());
            assertEquals(8, harness.decoder.messagesPublished());
        }
    }

    @Test
    void shouldDecodeCryptoMsgParserMessagesLikeAnIndependentReading() throws IOException
    {
        final Path dir = TestData.file("binance/fixtures/crypto-msg-parser");
        final List<String> lines = Files.readAllLines(dir.resolve("binance.jsonl"));
        final List<String> index = Files.readAllLines(dir.resolve("binance.index.tsv"));
        final Map<Venue, DecoderHarness> harnesses = new TreeMap<>();
        final Map<Venue, JacksonExpectations> expectations = new TreeMap<>();
        final List<Integer> unsupported = new ArrayList<>();
        final Map<Integer, List<String>> decoded = new TreeMap<>();
        try
        {
            for (int i = 1; i < index.size(); i++)
            {
                final String[] entry = index.get(i).split("\t");
                final int lineNumber = Integer.parseInt(entry[0]);
                final String kind = entry[2];
                final Venue venue = entry[3].startsWith("inverse") ? Venue.BINANCE_COINM :
                    "spot".equals(entry[3]) ? Venue.BINANCE_SPOT : Venue.BINANCE_USDM;
                final DecoderHarness harness = harnesses.computeIfAbsent(venue, (v) -> new DecoderHarness(
                    v, new InstrumentRegistry(), (c) -> c.autoRegister(true).announceInstruments(false)));
                final JacksonExpectations expected = expectations.computeIfAbsent(
                    venue, (v) -> new JacksonExpectations(harness.registry, v, 1_000_000L));
                final String json = lines.get(lineNumber - 1);
                final long unsupportedBefore = harness.decoder.unsupportedFrames();

                final List<String> actual;
                final List<String> wanted;
                if ("l2_snapshot".equals(kind))
                {
                    final String symbol = symbolOfSnapshot(json, entry[3]);
                    final int id = harness.registry.register(venue, symbol);
                    actual = harness.snapshot(id, json);
                    wanted = List.of(expected.snapshot(symbol, json.getBytes(), RECEIVE_TIME_NS, PUBLISH_TIME_NS));
                }
                else
                {
                    actual = harness.frame(json);
                    wanted = "open_interest".equals(kind) ?
                        List.of() : expected.frame(json.getBytes(), RECEIVE_TIME_NS, PUBLISH_TIME_NS);
                }
                assertEquals(wanted, actual, "line " + lineNumber);
                if (harness.decoder.unsupportedFrames() > unsupportedBefore)
                {
                    unsupported.add(lineNumber);
                }
                decoded.put(lineNumber, actual);
            }

            for (final DecoderHarness harness : harnesses.values())
            {
                assertEquals(0, harness.decoder.decodeErrors(), harness.drainErrors());
            }
        }
        finally
        {
            harnesses.values().forEach(DecoderHarness::close);
        }

        // Option trades, spot partial depth, 24h tickers, option tickers, open interest replies.
        assertEquals(List.of(6, 16, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 48, 49, 50, 51), unsupported);

        assertEquals(List.of(
            "MarkPrice BTCUSD_PERP E=1617309501002000000" + TIMES + " pe=-8 p=5900337984561 i=null " +
                "P=5889641602208 r=0.00073684 T=1617321600000000000",
            "MarkPrice ETHUSD_PERP E=1617309501002000000" + TIMES + " pe=-8 p=198189000000 i=null " +
                "P=197518948029 r=0.00100944 T=1617321600000000000"), decoded.get(8));
        assertEquals(List.of("DepthUpdate RUNEUSD_PERP E=1648006221596000000" + TIMES + " T=1648006221340000000 " +
            "U=395028983849 u=395028983849 pu=-1 pe=-8 se=-8 bids=[] asks=[844000000:200000000]"), decoded.get(20));
        assertEquals(List.of("BestBidOffer BTCUSDT E=null" + TIMES + " T=null u=19575390521 pe=-8 se=-8 " +
            "b=2901090000000 B=1394302000 a=2901091000000 A=399953000"), decoded.get(22));
        assertEquals(List.of("Bar BTCUSDT E=1653819041520000000" + TIMES + " i=MO1 t=1651363200000000000 " +
            "T=1654041599999000000 x=false pe=-8 se=-8 o=3761440000000 h=4007170000000 l=2663100000000 " +
            "c=2907550000000 v=1343198167100000 V=670006517600000 q=423075730671.12853 " +
            "Q=211000435586.65 n=129025447 f=2172726276 L=2301806561"), decoded.get(42));
        assertEquals(List.of("DepthSnapshot BTCUSD_220624 E=1654222838718000000" + TIMES +
            " T=1654222838710000000 lastUpdateId=466364745366 pe=-8 se=-8 " +
            "bids=[3062670000000:82700000000,3062440000000:1100000000,3062430000000:100000000] " +
            "asks=[3062680000000:11400000000,3062770000000:3000000000,3063020000000:400000000]"), decoded.get(44));
    }

    @Test
    void shouldUseTheInstrumentsExponents()
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        registry.add(new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", InstrumentKind.PERPETUAL,
            InstrumentStatus.TRADING, -1, -3, 1, 1, 1, 5.0, 1.0, "BTC", "USDT"));
        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_USDM, registry, UnaryOperator.identity()))
        {
            assertEquals(List.of("Trade BTCUSDT E=1723161256322000000" + TIMES + " T=1723161256322000000 " +
                "kind=TRADE cond=NORMAL aggressor=BUY pe=-1 se=-3 p=618003 q=6 id=5266583935 first=null last=null"),
                harness.frame("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161256322," +
                    "\"T\":1723161256322,\"s\":\"BTCUSDT\",\"t\":5266583935,\"p\":\"61800.30\",\"q\":\"0.006\"," +
                    "\"X\":\"MARKET\",\"m\":false}}"));

            // A price finer than the registry's exponent would have to be rounded: refused, never rounded.
            assertEquals(List.of(), harness.frame("{\"e\":\"trade\",\"E\":1,\"T\":1,\"s\":\"BTCUSDT\",\"t\":1," +
                "\"p\":\"61800.25\",\"q\":\"0.006\",\"m\":false}"));
            assertEquals(1, harness.decoder.decodeErrors(BinanceJsonDecoder.INEXACT_NUMBER));
        }
    }

    @Test
    void shouldConvertMicrosecondTimes()
    {
        try (DecoderHarness harness = new DecoderHarness(
            Venue.BINANCE_SPOT, new InstrumentRegistry(), (c) -> c.autoRegister(true).timeUnit(TimeUnit.MICROSECONDS)))
        {
            final List<String> messages = harness.frame("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\"," +
                "\"E\":1723161255343123,\"s\":\"BTCUSDT\",\"t\":3735683259,\"p\":\"61837.63000000\"," +
                "\"q\":\"0.02000000\",\"T\":1723161255342999,\"m\":true,\"M\":true}}");
            assertEquals(2, messages.size());
            assertTrue(messages.get(1).startsWith("Trade BTCUSDT E=1723161255343123000" + TIMES +
                " T=1723161255342999000 kind=TRADE cond=NORMAL aggressor=SELL"), messages.get(1));
        }
    }

    @Test
    void shouldMapFuturesTradeConditionsAndIgnoreSpotOrderIds()
    {
        try (DecoderHarness harness = new DecoderHarness(
            Venue.BINANCE_USDM, new InstrumentRegistry(), (c) -> c.autoRegister(true).announceInstruments(false)))
        {
            final String[] conditions = { "MARKET", "INSURANCE_FUND", "ADL", "NA" };
            final String[] expected = { "NORMAL", "INSURANCE_FUND", "ADL", "OTHER" };
            for (int i = 0; i < conditions.length; i++)
            {
                final List<String> messages = harness.frame("{\"e\":\"trade\",\"E\":1,\"T\":2,\"s\":\"BTCUSDT\"," +
                    "\"t\":3,\"p\":\"4\",\"q\":\"5\",\"X\":\"" + conditions[i] + "\",\"m\":false}");
                assertTrue(messages.get(0).contains(" cond=" + expected[i] + " aggressor=BUY "), messages.get(0));
            }

            // 2023 spot trades carried buyer and seller order ids in "b" and "a": not the aggTrade's "a".
            final List<String> spot2023 = harness.frame("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\"," +
                "\"E\":1690000000000,\"s\":\"BTCUSDT\",\"t\":3735683259,\"p\":\"29000.01000000\"," +
                "\"q\":\"0.00100000\",\"b\":21921390960,\"a\":21921391020,\"T\":1690000000000,\"m\":true,\"M\":true}}");
            assertEquals(List.of("Trade BTCUSDT E=1690000000000000000" + TIMES + " T=1690000000000000000 " +
                "kind=TRADE cond=NORMAL aggressor=SELL pe=-8 se=-8 p=2900001000000 q=100000 id=3735683259 " +
                "first=null last=null"), spot2023);
            assertEquals(0, harness.decoder.decodeErrors(), harness.drainErrors());
        }
    }

    @Test
    void shouldDecodeMiniTickersSinglyAndAsAllMarketArrays()
    {
        final String btc = "{\"e\":\"24hrMiniTicker\",\"E\":1672515782136,\"s\":\"BTCUSDT\",\"c\":\"16584.6\"," +
            "\"o\":\"16716.0\",\"h\":\"16764.89\",\"l\":\"16456.51\",\"v\":\"122474.816\",\"q\":\"2036102085.697464\"}";
        final String eth = "{\"e\":\"24hrMiniTicker\",\"E\":1672515782136,\"s\":\"ETHUSDT\",\"c\":\"1200.5\"," +
            "\"o\":\"1190\",\"h\":\"1210\",\"l\":\"1180\",\"v\":\"1000\",\"q\":\"1200000\"}";
        try (DecoderHarness harness = new DecoderHarness(
            Venue.BINANCE_SPOT, new InstrumentRegistry(), (c) -> c.autoRegister(true).announceInstruments(false)))
        {
            final String btcText = "MiniTicker BTCUSDT E=1672515782136000000" + TIMES + " pe=-8 se=-8 " +
                "o=1671600000000 h=1676489000000 l=1645651000000 c=1658460000000 v=12247481600000 q=2036102085.697464";
            final String ethText = "MiniTicker ETHUSDT E=1672515782136000000" + TIMES + " pe=-8 se=-8 " +
                "o=119000000000 h=121000000000 l=118000000000 c=120050000000 v=100000000000 q=1200000";
            assertEquals(List.of(btcText), harness.frame("{\"stream\":\"btcusdt@miniTicker\",\"data\":" + btc + "}"));
            assertEquals(List.of(btcText, ethText),
                harness.frame("{\"stream\":\"!miniTicker@arr\",\"data\":[" + btc + "," + eth + "]}"));
            // A raw stream (/ws/!miniTicker@arr) delivers the bare array.
            assertEquals(List.of(ethText, btcText), harness.frame("[" + eth + "," + btc + "]"));
            assertEquals(List.of(btcText), harness.frame(btc));
        }
    }

    @Test
    void shouldReadFieldsInAnyOrderAndNumbersOrStrings()
    {
        try (DecoderHarness harness = new DecoderHarness(
            Venue.BINANCE_USDM, new InstrumentRegistry(), (c) -> c.autoRegister(true).announceInstruments(false)))
        {
            final List<String> messages = harness.frame(" { \"data\" : { \"a\" : [ [ 0.0026 , \"100\" ] ] ,\n" +
                "\t\"b\" : [ [\"0.0024\", 10, \"ignored third\"] ], \"pu\":149, \"u\":160, \"U\":157, " +
                "\"T\":123456788," +
                " \"s\":\"BTCUSDT\", \"E\":123456789, \"x-new-field\":{\"nested\":[1,2,{\"k\":null}]}, " +
                "\"e\":\"depthUpdate\" }, \"stream\" : \"btcusdt@depth\" } \r\n");
            assertEquals(List.of("DepthUpdate BTCUSDT E=123456789000000" + TIMES + " T=123456788000000 U=157 u=160 " +
                "pu=149 pe=-8 se=-8 bids=[240000:1000000000] asks=[260000:10000000000]"), messages);
            assertEquals(0, harness.decoder.decodeErrors(), harness.drainErrors());
        }
    }

    @Test
    void shouldCountWellFormedUnsupportedFramesApartFromErrors()
    {
        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_SPOT, true))
        {
            final String[] frames =
            {
                "{\"stream\":\"ethusdt@depth20\",\"data\":{\"lastUpdateId\":17044571457," +
                    "\"bids\":[[\"1782.00000000\",\"6.48300000\"]],\"asks\":[[\"1782.01000000\",\"15.46080000\"]]}}",
                "{\"lastUpdateId\":17044571457,\"bids\":[],\"asks\":[]}",
                "{\"result\":null,\"id\":1}",
                "{\"stream\":\"btcusdt@avgPrice\",\"data\":{\"e\":\"avgPrice\",\"E\":1,\"s\":\"BTCUSDT\"," +
                    "\"i\":\"5m\",\"w\":\"1.5\",\"T\":2}}",
                "{\"e\":\"continuous_kline\",\"E\":1,\"ps\":\"BTCUSDT\",\"ct\":\"PERPETUAL\",\"k\":{\"t\":1}}",
                "{\"e\":\"24hrTicker\",\"E\":1,\"s\":\"BTCUSDT\",\"b\":[\"not\",\"levels\"]}",
                "{\"stream\":\"!ticker@arr\",\"data\":[]}"
            };
            for (final String frame : frames)
            {
                assertEquals(List.of(), harness.frame(frame), frame);
            }
            assertEquals(6, harness.decoder.unsupportedFrames());
            assertEquals(0, harness.decoder.decodeErrors(), harness.drainErrors());
            assertEquals(0, harness.decoder.messagesPublished());
            assertEquals(7, harness.decoder.framesReceived());
        }
    }

    @Test
    void shouldAnnounceAutoRegisteredInstrumentsBeforeTheirFirstMessage()
    {
        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_USDM, true))
        {
            final String btc = markPrice("BTCUSDT");
            List<String> messages = harness.frame("{\"stream\":\"btcusdt@markPrice\",\"data\":" + btc + "}");
            assertEquals(2, messages.size());
            assertEquals("InstrumentDefinition BTCUSDT venue=BINANCE_USDM pe=-8 se=-8", messages.get(0));
            assertTrue(messages.get(1).startsWith("MarkPrice BTCUSDT "));

            messages = harness.frame("{\"stream\":\"btcusdt@markPrice\",\"data\":" + btc + "}");
            assertEquals(1, messages.size());

            messages = harness.frame("{\"stream\":\"!markPrice@arr\",\"data\":[" + markPrice("ETHUSDT") + "," + btc +
                "," + markPrice("SOLUSDT") + "]}");
            assertEquals(List.of("InstrumentDefinition", "MarkPrice", "MarkPrice", "InstrumentDefinition",
                "MarkPrice"), types(messages));
            assertTrue(messages.get(0).contains(" ETHUSDT ") && messages.get(4).contains(" SOLUSDT "));

            // A frame that fails after registering a symbol publishes nothing, not even the definition...
            assertEquals(List.of(), harness.frame("{\"data\":[" + markPrice("XRPUSDT") + ",{\"e\":\"markPriceUpdate\"" +
                ",\"s\":\"XRPUSDT\",\"p\":\"bad\"}]}"));
            assertEquals(1, harness.decoder.decodeErrors(BinanceJsonDecoder.BAD_NUMBER));
            // ...so the next good one for that symbol announces it first.
            messages = harness.frame(markPrice("XRPUSDT"));
            assertEquals(List.of("InstrumentDefinition", "MarkPrice"), types(messages));
            assertTrue(messages.get(0).contains(" XRPUSDT "));
            assertEquals(4, harness.registry.size());
        }
    }

    @Test
    void shouldAnnounceInstrumentsRegisteredBeforehandWhenAskedAndNotOtherwise()
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        final int id = registry.register(Venue.BINANCE_USDM, "BTCUSDT");
        final String snapshot = "{\"lastUpdateId\":5,\"E\":1,\"T\":2,\"bids\":[[\"1\",\"2\"]],\"asks\":[]}";
        try (DecoderHarness harness = new DecoderHarness(
            Venue.BINANCE_USDM, registry, (c) -> c.autoRegister(false).announceInstruments(true)))
        {
            assertEquals(List.of("InstrumentDefinition", "DepthSnapshot"), types(harness.snapshot(id, snapshot)));
            assertEquals(List.of("MarkPrice"), types(harness.frame(markPrice("BTCUSDT"))));
        }
        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_USDM, registry, UnaryOperator.identity()))
        {
            assertEquals(List.of("DepthSnapshot"), types(harness.snapshot(id, snapshot)));
            assertEquals(List.of("MarkPrice"), types(harness.frame(markPrice("BTCUSDT"))));
        }
    }

    @Test
    void shouldSkipOnlyTheEventsOfUnknownSymbolsWhenNotRegistering()
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        registry.register(Venue.BINANCE_USDM, "BTCUSDT");
        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_USDM, registry, UnaryOperator.identity()))
        {
            final String frame = "{\"stream\":\"!markPrice@arr\",\"data\":[" + markPrice("NEWUSDT") + "," +
                markPrice("BTCUSDT") + "]}";
            final List<String> messages = harness.frame(frame);
            assertEquals(List.of("MarkPrice"), types(messages));
            assertTrue(messages.get(0).contains(" BTCUSDT "));
            assertEquals(List.of(), harness.frame(markPrice("NEWUSDT")));

            assertEquals(2, harness.decoder.decodeErrors(BinanceJsonDecoder.UNKNOWN_SYMBOL));
            assertEquals(2, harness.decoder.decodeErrors());
            assertEquals(1, registry.size());
            final String samples = harness.drainErrors();
            assertTrue(samples.contains("UNKNOWN_SYMBOL at " + frame.indexOf("\"NEWUSDT\"") + " of "), samples);
        }
    }

    @Test
    void shouldDecodeSnapshotsForTheGivenInstrument()
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        final int id = registry.register(Venue.BINANCE_SPOT, "BTCUSDT");
        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_SPOT, registry, UnaryOperator.identity()))
        {
            assertEquals(List.of("DepthSnapshot BTCUSDT E=null" + TIMES + " T=null lastUpdateId=50093239218 " +
                "pe=-8 se=-8 bids=[6183763000000:378826000,6183762000000:61700000] asks=[]"),
                harness.snapshot(id, "{\"lastUpdateId\":50093239218,\"bids\":[[\"61837.63000000\",\"3.78826000\"]," +
                    "[\"61837.62000000\",\"0.61700000\"]],\"asks\":[]}"));

            // A REST body is never an envelope, whatever its fields.
            assertEquals(List.of(), harness.snapshot(id, "{\"data\":{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}}"));
            assertEquals(1, harness.decoder.decodeErrors(BinanceJsonDecoder.MISSING_FIELD));
        }
    }

    @Test
    void shouldDecodeASnapshotOfFiveThousandLevelsASide()
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        final int id = registry.register(Venue.BINANCE_USDM, "BTCUSDT");
        final StringBuilder json = new StringBuilder("{\"lastUpdateId\":1,\"E\":2,\"T\":3,\"bids\":[");
        for (int i = 0; i < 5000; i++)
        {
            json.append(0 == i ? "" : ",").append("[\"").append(60000 - i).append(".10\",\"0.00").append(i + 1)
                .append("\"]");
        }
        json.append("],\"asks\":[");
        for (int i = 0; i < 5000; i++)
        {
            json.append(0 == i ? "" : ",").append("[\"").append(60001 + i).append(".20\",\"").append(i + 1)
                .append("\"]");
        }
        json.append("]}");

        try (DecoderHarness harness = new DecoderHarness(Venue.BINANCE_USDM, registry, UnaryOperator.identity()))
        {
            final List<String> messages = harness.snapshot(id, json.toString());
            assertEquals(1, messages.size(), harness.drainErrors());
            final String text = messages.get(0);
            assertTrue(text.contains("bids=[6000010000000:100000,5999910000000:200000,"), text);
            assertTrue(text.contains(",5500110000000:500000]"), text);
            assertTrue(text.endsWith(",6500020000000:500000000000]"), text);
            assertEquals(10_000, text.split(":").length - 1);
        }
    }

    @Test
    void shouldReportCountersAndCloseThem()
    {
        final List<AtomicCounter> counters = new ArrayList<>();
        final CounterFactory local = CounterFactory.local(8);
        final CounterFactory recording = (typeId, label) ->
        {
            final AtomicCounter counter = local.newCounter(typeId, label);
            counters.add(counter);
            return counter;
        };
        final InstrumentRegistry registry = new InstrumentRegistry();
        final BinanceJsonDecoder decoder = new BinanceJsonDecoder(new BinanceJsonDecoder.Context()
            .venue(Venue.BINANCE_COINM)
            .instrumentRegistry(registry)
            .autoRegister(true)
            .messageSink((buffer, offset, length) -> true)
            .counterFactory(recording));
        assertEquals(4, counters.size());

        final UnsafeBuffer buffer = new UnsafeBuffer(
            markPrice("BTCUSD_PERP").getBytes());
        decoder.onFrame(buffer, 0, buffer.capacity(), 1);
        decoder.onFrame(buffer, 0, 5, 2);
        final UnsafeBuffer ticker = new UnsafeBuffer("{\"e\":\"24hrTicker\"}".getBytes());
        decoder.onFrame(ticker, 0, ticker.capacity(), 3);

        assertEquals(3, counters.get(0).get());
        assertEquals(2, counters.get(1).get());
        assertEquals(1, counters.get(2).get());
        assertEquals(1, counters.get(3).get());
        assertEquals(3, decoder.framesReceived());
        assertEquals(2, decoder.messagesPublished());
        assertEquals(1, decoder.unsupportedFrames());
        assertEquals(1, decoder.decodeErrors(BinanceJsonDecoder.TRUNCATED));
        assertEquals(Venue.BINANCE_COINM, decoder.venue());

        decoder.close();
        counters.forEach((counter) -> assertTrue(counter.isClosed()));
    }

    @Test
    void shouldFailFastOnInvalidSettingsNamingThem()
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        assertMessage("venue: required", new BinanceJsonDecoder.Context());
        assertMessage("venue=MEXC_SPOT", context(registry).venue(Venue.MEXC_SPOT));
        assertMessage("instrumentRegistry: required", context(null));
        assertMessage("messageSink: required", context(registry).messageSink(null));
        assertMessage("counterFactory: required", context(registry).counterFactory(null));
        assertMessage("timeUnit=SECONDS", context(registry).timeUnit(TimeUnit.SECONDS));
        assertMessage("maxLevelsPerSide=0", context(registry).maxLevelsPerSide(0));
        assertMessage("maxLevelsPerSide=65535", context(registry).maxLevelsPerSide(65_535));
        assertMessage("maxJsonDepth=4", context(registry).maxJsonDepth(4));
        assertMessage("outputBufferLength=0", context(registry).outputBufferLength(0));
        assertMessage("errorLog: must be built with BinanceJsonDecoder.reasonNames()", context(registry)
            .errorLog(new SampledErrorLog("x", new String[]{ "A" }, CounterFactory.local(1).newCounter(1, "x"))));

        final BinanceJsonDecoder.Context context = context(registry).outputBufferLength(1).maxLevelsPerSide(10);
        context.conclude();
        assertEquals(BinanceJsonDecoder.Context.minimumOutputBufferLength(10), context.outputBufferLength());
        assertEquals("binance-spot", context.name());
        assertTrue(null != context.epochNanoClock());
        assertThrows(IllegalStateException.class, context::conclude);

        final SampledErrorLog shared = new SampledErrorLog(
            "shared", BinanceJsonDecoder.reasonNames(), CounterFactory.local(1).newCounter(1, "errors"));
        try (BinanceJsonDecoder decoder = new BinanceJsonDecoder(context(registry).errorLog(shared)))
        {
            decoder.onFrame(new UnsafeBuffer(new byte[1]), 0, 1, 0);
            assertEquals(1, shared.count(BinanceJsonDecoder.NOT_JSON));
            assertTrue(shared == decoder.errorLog());
        }
    }

    private static BinanceJsonDecoder.Context context(final InstrumentRegistry registry)
    {
        return new BinanceJsonDecoder.Context()
            .venue(Venue.BINANCE_SPOT)
            .instrumentRegistry(registry)
            .messageSink((buffer, offset, length) -> true)
            .counterFactory(CounterFactory.local(8));
    }

    private static void assertMessage(final String expected, final BinanceJsonDecoder.Context context)
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class, context::conclude);
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }

    static String markPrice(final String symbol)
    {
        return "{\"e\":\"markPriceUpdate\",\"E\":1562305380000,\"s\":\"" + symbol + "\",\"p\":\"11794.15000000\"," +
            "\"i\":\"11784.62659091\",\"P\":\"11784.25641265\",\"r\":\"0.00038167\",\"T\":1562306400000}";
    }

    private static List<String> types(final List<String> messages)
    {
        final List<String> types = new ArrayList<>();
        for (final String message : messages)
        {
            types.add(message.substring(0, message.indexOf(' ')));
        }
        return types;
    }

    private static String symbolOfSnapshot(final String json, final String market)
    {
        // COIN-M bodies name their symbol; the others were taken for the parser's usual test symbols.
        final int at = json.indexOf("\"symbol\":\"");
        if (at >= 0)
        {
            return json.substring(at + 10, json.indexOf('"', at + 10));
        }
        return "linear_future".equals(market) ? "BTCUSDT_220624" : "BTCUSDT";
    }

    private static String fixture(final String name) throws IOException
    {
        return Files.readString(TestData.file(FUTURES_FIXTURES + name));
    }
}
