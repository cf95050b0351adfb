/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance;

import io.hellmoon.codecs.BinanceExchangeInfo;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.TestData;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every line of every real capture through the decoder once (about 245k frames), compared message by message with
 * an independent Jackson reading of the same JSON, and counted per type against both that reading and the counts in
 * the data folder's README.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BinanceCaptureDecodeTest
{
    private static final long PUBLISH_DELAY_NS = 1_000;
    private static final int MAX_MISMATCHES_KEPT = 5;

    private final Map<String, Source> sources = new LinkedHashMap<>();

    @BeforeAll
    void decodeEveryCapture()
    {
        final Source spot = new Source("hftbacktest spot", Venue.BINANCE_SPOT, new InstrumentRegistry(), true);
        replayHftbacktest(spot, "binance/captures/spot/btcusdt_20240808.gz", "BTCUSDT");
        replayHftbacktest(spot, "binance/captures/spot/ethusdt_20240808.gz", "ETHUSDT");
        sources.put(spot.name, spot);

        final Source usdm = new Source("hftbacktest usdm", Venue.BINANCE_USDM, new InstrumentRegistry(), true);
        replayHftbacktest(usdm, "binance/captures/usdm/btcusdt_20240808.gz", "BTCUSDT");
        replayHftbacktest(usdm, "binance/captures/usdm/ethusdt_20240808.gz", "ETHUSDT");
        sources.put(usdm.name, usdm);

        final Source cryptofeedSpot = new Source(
            "cryptofeed spot", Venue.BINANCE_SPOT, exchangeInfo("binance/cryptofeed/BINANCE.0", Venue.BINANCE_SPOT),
            false);
        replayCryptofeed(cryptofeedSpot, "binance/cryptofeed/BINANCE.ws.1.0", "binance/cryptofeed/BINANCE.http.0.0");
        sources.put(cryptofeedSpot.name, cryptofeedSpot);

        final Source cryptofeedUsdm = new Source(
            "cryptofeed usdm", Venue.BINANCE_USDM,
            exchangeInfo("binance/cryptofeed/BINANCE_FUTURES.0", Venue.BINANCE_USDM), false);
        replayCryptofeed(
            cryptofeedUsdm, "binance/cryptofeed/BINANCE_FUTURES.ws.1.0", "binance/cryptofeed/BINANCE_FUTURES.http.0.0");
        sources.put(cryptofeedUsdm.name, cryptofeedUsdm);
    }

    @AfterAll
    void close()
    {
        sources.values().forEach((source) -> source.decoder.close());
    }

    @Test
    void shouldDecodeEveryLineWithoutErrorsOrUnsupportedFrames()
    {
        for (final Source source : sources.values())
        {
            final StringBuilder samples = new StringBuilder();
            source.decoder.errorLog().drain(samples, 10);
            assertEquals(0, source.decoder.decodeErrors(), source.name + ": " + samples);
            assertEquals(0, source.decoder.unsupportedFrames(), source.name);
            assertEquals(0, source.expectations.unsupportedEvents(), source.name);
            assertEquals(source.frames, source.decoder.framesReceived(), source.name);
        }
        // The data README's census of lines: 243,476 in the four hftbacktest files (one snapshot each).
        assertEquals(41_249 + 33_618, sources.get("hftbacktest spot").frames);
        assertEquals(93_954 + 74_655, sources.get("hftbacktest usdm").frames);
        assertEquals(265 + 4, sources.get("cryptofeed spot").frames);
        assertEquals(1_535 + 4, sources.get("cryptofeed usdm").frames);
    }

    @Test
    void shouldPublishTheIndependentlyCountedMessagesOfEachType()
    {
        for (final Source source : sources.values())
        {
            assertEquals(source.expectedCounts, source.actualCounts, source.name);
        }

        // The data README's own census of the files, a third opinion.
        assertEquals(Map.of(
            "BestBidOffer", 28_040 + 24_077, "Trade", 9_757 + 6_106, "DepthUpdate", 3_451 + 3_434,
            "DepthSnapshot", 2), sources.get("hftbacktest spot").actualCounts);
        assertEquals(Map.of(
            "BestBidOffer", 66_089 + 53_992, "Trade", 21_313 + 14_076, "DepthUpdate", 6_551 + 6_586,
            "DepthSnapshot", 2), sources.get("hftbacktest usdm").actualCounts);
        assertEquals(Map.of(
            "DepthUpdate", 177, "BestBidOffer", 84, "Trade", 2, "Bar", 2, "DepthSnapshot", 4),
            sources.get("cryptofeed spot").actualCounts);
        assertEquals(Map.of(
            "DepthUpdate", 764, "BestBidOffer", 613, "Trade", 91, "Bar", 67, "DepthSnapshot", 4),
            sources.get("cryptofeed usdm").actualCounts);
    }

    @Test
    void shouldMatchAnIndependentReadingFieldByField()
    {
        for (final Source source : sources.values())
        {
            assertEquals(List.of(), source.mismatches, source.name + ": " + source.mismatchCount + " mismatches");
            assertTrue(source.compared > 0, source.name);
        }
    }

    @Test
    void shouldAnnounceEachAutoRegisteredSymbolOnceBeforeItsFirstMessage()
    {
        for (final Source source : sources.values())
        {
            assertEquals(List.of(), source.announcementProblems, source.name);
        }
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), sources.get("hftbacktest spot").announced);
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), sources.get("hftbacktest usdm").announced);
        assertEquals(List.of(), sources.get("cryptofeed spot").announced);
    }

    @Test
    void shouldDecodeTheFirstMessageOfEachTypeToTheValuesReadOffItsLine()
    {
        final Map<String, String> spot = sources.get("hftbacktest spot").firstOfType;
        assertEquals("BestBidOffer BTCUSDT E=null recv=1723161254087891268 pub=1723161254087892268 T=null " +
            "u=50093239212 pe=-8 se=-8 b=6183763000000 B=378826000 a=6183764000000 A=154698000",
            spot.get("BestBidOffer"));
        assertEquals("Trade BTCUSDT E=1723161255343000000 recv=1723161254087896568 pub=1723161254087897568 " +
            "T=1723161255342000000 kind=TRADE cond=NORMAL aggressor=SELL pe=-8 se=-8 p=6183763000000 q=2000000 " +
            "id=3735683259 first=null last=null", spot.get("Trade"));
        assertStartsWith("DepthUpdate BTCUSDT E=1723161255208000000 recv=1723161253937085768 " +
            "pub=1723161253937086768 T=null U=50093239189 u=50093239202 pu=null pe=-8 se=-8 " +
            "bids=[6173763000000:0,6173017000000:0,5685458000000:0] asks=[6183764000000:154698000,6183985000000:0,",
            spot.get("DepthUpdate"));
        assertStartsWith("DepthSnapshot BTCUSDT E=null recv=1723161254206652067 pub=1723161254206653067 T=null " +
            "lastUpdateId=50093239218 pe=-8 se=-8 bids=[6183763000000:378826000,6183762000000:61700000,",
            spot.get("DepthSnapshot"));

        final Map<String, String> usdm = sources.get("hftbacktest usdm").firstOfType;
        assertEquals("BestBidOffer BTCUSDT E=1723161256313000000 recv=1723161255088169167 pub=1723161255088170167 " +
            "T=1723161256313000000 u=5123107839020 pe=-8 se=-8 b=6180020000000 B=250700000 a=6180030000000 " +
            "A=251000000", usdm.get("BestBidOffer"));
        assertEquals("Trade BTCUSDT E=1723161256322000000 recv=1723161255088176367 pub=1723161255088177367 " +
            "T=1723161256322000000 kind=TRADE cond=NORMAL aggressor=BUY pe=-8 se=-8 p=6180030000000 q=600000 " +
            "id=5266583935 first=null last=null", usdm.get("Trade"));
        assertStartsWith("DepthUpdate BTCUSDT E=1723161256299000000 recv=1723161255030314667 " +
            "pub=1723161255030315667 T=1723161256298000000 U=5123107832006 u=5123107837557 pu=5123107831937 " +
            "pe=-8 se=-8 bids=[5871020000000:1400000,6149650000000:1000000,6151090000000:0,", usdm.get("DepthUpdate"));
        assertStartsWith("DepthSnapshot BTCUSDT E=1723161256501000000 recv=1723161255319702566 " +
            "pub=1723161255319703566 T=1723161256493000000 lastUpdateId=5123107852948 pe=-8 se=-8 " +
            "bids=[6180020000000:290900000,6180010000000:69600000,6180000000000:2000400000,", usdm.get("DepthSnapshot"));

        final Map<String, String> cryptofeedSpot = sources.get("cryptofeed spot").firstOfType;
        assertEquals("DepthUpdate NKNUSDT E=1633998512068000000 recv=1633998512063356900 pub=1633998512063357900 " +
            "T=null U=499869750 u=499869752 pu=null pe=-8 se=-8 " +
            "bids=[35130000:619500000000,34750000:554800000000,34640000:622200000000] asks=[]",
            cryptofeedSpot.get("DepthUpdate"));
        assertEquals("Trade NKNUSDT E=1633998523963000000 recv=1633998523957215000 pub=1633998523957216000 " +
            "T=1633998523963000000 kind=AGG_TRADE cond=NORMAL aggressor=BUY pe=-8 se=-8 p=35280000 q=5800000000 " +
            "id=15683430 first=19862790 last=19862790", cryptofeedSpot.get("Trade"));
        assertEquals("Bar NKNUSDT E=1633998523963000000 recv=1633998523957297800 pub=1633998523957298800 i=M1 " +
            "t=1633998480000000000 T=1633998539999000000 x=false pe=-8 se=-8 o=35270000 h=35280000 l=35220000 " +
            "c=35280000 v=2587700000000 V=5800000000 q=9116.046 Q=20.4624 n=30 f=19862761 L=19862790",
            cryptofeedSpot.get("Bar"));

        final Map<String, String> cryptofeedUsdm = sources.get("cryptofeed usdm").firstOfType;
        assertEquals("BestBidOffer SUSHIUSDT E=1626992741017000000 recv=1626992741062170000 " +
            "pub=1626992741062171000 T=1626992741012000000 u=600859600576 pe=-8 se=-8 b=761100000 B=200000000 " +
            "a=761200000 A=29700000000", cryptofeedUsdm.get("BestBidOffer"));
        assertEquals("Trade CTKUSDT E=1626992741575000000 recv=1626992742289739000 pub=1626992742289740000 " +
            "T=1626992741421000000 kind=AGG_TRADE cond=NORMAL aggressor=BUY pe=-8 se=-8 p=101100000 q=1000000000 " +
            "id=16599292 first=23961322 last=23961322", cryptofeedUsdm.get("Trade"));
        assertEquals("Bar CTKUSDT E=1626992741424000000 recv=1626992742289569100 pub=1626992742289570100 i=M1 " +
            "t=1626992700000000000 T=1626992759999000000 x=false pe=-8 se=-8 o=101000000 h=101100000 l=101000000 " +
            "c=101100000 v=391700000000 V=172900000000 q=3957.899 Q=1748.019 n=48 f=23961275 L=23961322",
            cryptofeedUsdm.get("Bar"));
    }

    private static void assertStartsWith(final String expected, final String actual)
    {
        assertTrue(actual.startsWith(expected), () -> "expected " + expected + "\n but was " + actual);
    }

    private void replayHftbacktest(final Source source, final String file, final String symbol)
    {
        CaptureFiles.forEachHftbacktestFrame(TestData.file(file), (frame) ->
        {
            if (frame.isSnapshot())
            {
                int id = source.registry.idOf(source.venue, symbol);
                if (0 == id)
                {
                    id = source.registry.register(source.venue, symbol);
                }
                source.snapshot(id, symbol, frame.receiveTimeNs(), frame.json());
            }
            else
            {
                source.frame(frame.receiveTimeNs(), frame.json());
            }
        });
    }

    private void replayCryptofeed(final Source source, final String wsFile, final String httpFile)
    {
        for (final CaptureFiles.Frame frame : CaptureFiles.cryptofeedFrames(TestData.file(wsFile)))
        {
            source.frame(frame.receiveTimeNs(), frame.json());
        }
        for (final CaptureFiles.Reply reply : CaptureFiles.cryptofeedReplies(TestData.file(httpFile)))
        {
            final String symbol = reply.symbol();
            source.snapshot(source.registry.idOf(source.venue, symbol), symbol, reply.receiveTimeNs(), reply.body());
        }
    }

    private static InstrumentRegistry exchangeInfo(final String file, final Venue venue)
    {
        return BinanceExchangeInfo.parse(TestData.file(file), venue).addTo(new InstrumentRegistry());
    }

    /**
     * One decoder over one market's captures, and what was found.
     */
    private static final class Source
    {
        final String name;
        final Venue venue;
        final InstrumentRegistry registry;
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(0);
        final RecordingSink sink;
        final BinanceJsonDecoder decoder;
        final JacksonExpectations expectations;
        final Map<String, Integer> expectedCounts = new TreeMap<>();
        final Map<String, Integer> actualCounts = new TreeMap<>();
        final Map<String, String> firstOfType = new TreeMap<>();
        final List<String> mismatches = new ArrayList<>();
        final List<String> announced = new ArrayList<>();
        final List<String> announcementProblems = new ArrayList<>();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
        long frames;
        long compared;
        long mismatchCount;

        Source(final String name, final Venue venue, final InstrumentRegistry registry, final boolean autoRegister)
        {
            this.name = name;
            this.venue = venue;
            this.registry = registry;
            sink = new RecordingSink(registry);
            decoder = new BinanceJsonDecoder(new BinanceJsonDecoder.Context()
                .venue(venue)
                .instrumentRegistry(registry)
                .autoRegister(autoRegister)
                .messageSink(sink)
                .epochNanoClock(clock)
                .counterFactory(CounterFactory.local(8)));
            expectations = new JacksonExpectations(registry, venue, 1_000_000L);
        }

        void frame(final long receiveTimeNs, final byte[] json)
        {
            decode(receiveTimeNs, json, null, 0);
        }

        void snapshot(final int instrumentId, final String symbol, final long receiveTimeNs, final byte[] json)
        {
            decode(receiveTimeNs, json, symbol, instrumentId);
        }

        private void decode(final long receiveTimeNs, final byte[] json, final String symbol, final int instrumentId)
        {
            frames++;
            final long publishTimeNs = receiveTimeNs + PUBLISH_DELAY_NS;
            clock.set(publishTimeNs);
            buffer.wrap(json);
            sink.clear();
            if (null == symbol)
            {
                decoder.onFrame(buffer, 0, json.length, receiveTimeNs);
            }
            else
            {
                decoder.onDepthSnapshot(instrumentId, buffer, 0, json.length, receiveTimeNs);
            }

            final List<String> actual = new ArrayList<>();
            for (final String text : sink.texts())
            {
                final String type = text.substring(0, text.indexOf(' '));
                if ("InstrumentDefinition".equals(type))
                {
                    final String announcedSymbol = text.split(" ")[1];
                    if (announced.contains(announcedSymbol))
                    {
                        announcementProblems.add("announced twice: " + announcedSymbol);
                    }
                    announced.add(announcedSymbol);
                    continue;
                }
                final String messageSymbol = text.split(" ")[1];
                if (isAutoRegistering() && !announced.contains(messageSymbol))
                {
                    announcementProblems.add("not announced before its first message: " + text);
                }
                actualCounts.merge(type, 1, Integer::sum);
                firstOfType.putIfAbsent(type, text);
                actual.add(text);
            }

            final List<String> expected = null == symbol ?
                expectations.frame(json, receiveTimeNs, publishTimeNs) :
                List.of(expectations.snapshot(symbol, json, receiveTimeNs, publishTimeNs));
            for (final String text : expected)
            {
                expectedCounts.merge(text.substring(0, text.indexOf(' ')), 1, Integer::sum);
            }
            compared += expected.size();
            if (!expected.equals(actual))
            {
                if (++mismatchCount <= MAX_MISMATCHES_KEPT)
                {
                    mismatches.add(String.format(Locale.ROOT, "frame %d%n  expected %s%n  actual   %s",
                        frames, expected, actual));
                }
            }
        }

        private boolean isAutoRegistering()
        {
            return name.startsWith("hftbacktest");
        }
    }
}
