/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.feed.testing.RecordingSink;
import io.hellmoon.sbe.BarDecoder;
import io.hellmoon.sbe.BarInterval;
import io.hellmoon.sbe.BooleanType;
import io.hellmoon.sbe.DepthSnapshotDecoder;
import io.hellmoon.sbe.DepthUpdateDecoder;
import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.MarkPriceDecoder;
import io.hellmoon.sbe.MiniTickerDecoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeDecoder;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.TestData;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static io.hellmoon.feed.mexc.MexcSpotDecoderTest.asks;
import static io.hellmoon.feed.mexc.MexcSpotDecoderTest.bids;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MEXC futures decoder on every real message of {@code mexc/mexc.jsonl}, on hand-made pushes, and on bad input.
 */
class MexcFuturesDecoderTest
{
    private static final long RECEIVE_TIME_NS = 1_654_000_000_000_000_000L;
    private static final long PUBLISH_TIME_NS = 1_654_000_000_100_000_000L;
    private static final long MS = 1_000_000L;
    private static final int OFFSET = 9;

    private final RecordingSink sink = new RecordingSink();
    private final InstrumentRegistry registry = new InstrumentRegistry();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
    private final MexcFuturesDecoder decoder = new MexcFuturesDecoder(new MexcDecoderContext()
        .instrumentRegistry(registry)
        .autoRegister(true)
        .messageSink(sink)
        .epochNanoClock(new ManualEpochNanoClock(PUBLISH_TIME_NS))
        .counterFactory(CounterFactory.local(8)));

    @AfterEach
    void close()
    {
        decoder.close();
    }

    @Test
    void shouldDecodeEveryRealFuturesMessageAndClassifyTheRest() throws IOException
    {
        final List<String> lines = Files.readAllLines(TestData.file("mexc/mexc.jsonl"));
        final List<String> index = Files.readAllLines(TestData.file("mexc/mexc.index.tsv"));
        assertEquals(lines.size() + 1, index.size(), "one index row per line, after the header");

        int decoded = 0;
        for (int i = 0; i < lines.size(); i++)
        {
            final String[] row = index.get(i + 1).split("\t");
            final String kind = row[2];
            final String market = row[3];
            final boolean futures = market.startsWith("linear_swap") || market.startsWith("inverse_swap");
            final long errorsBefore = decoder.decodeErrors();
            final long unsupportedBefore = decoder.unsupportedFrames();
            final int messagesBefore = sink.size();
            frame(lines.get(i));

            assertEquals(errorsBefore, decoder.decodeErrors(), "line " + (i + 1) + ": " + lines.get(i));
            if (futures && !"l2_snapshot".equals(kind))
            {
                assertTrue(sink.size() > messagesBefore, "line " + (i + 1) + " decoded: " + lines.get(i));
                decoded++;
            }
            else
            {
                assertEquals(unsupportedBefore + 1, decoder.unsupportedFrames(), "line " + (i + 1) + " unsupported");
                assertEquals(messagesBefore, sink.size());
            }
        }

        assertEquals(14, decoded, "every futures push of the file");
        assertEquals(24 - 14, decoder.unsupportedFrames());
        assertEquals(3, decoder.unsupportedFrames(MexcReasons.LEGACY_SPOT), "spot pushes of the retired API");
        assertEquals(1, decoder.unsupportedFrames(MexcReasons.UNKNOWN_CHANNEL), "push.limit.depth");
        assertEquals(6, decoder.unsupportedFrames(MexcReasons.NOT_A_PUSH), "arrays and REST replies");
    }

    @Test
    void shouldDecodeTheRealDealsWithSizesInContracts() throws IOException
    {
        frame(line(2));
        final int id = registry.idOf(Venue.MEXC_FUTURES, "BTC_USDT");
        final InstrumentDefinitionDecoder definition = Decoded.message(sink, 0, new InstrumentDefinitionDecoder());
        assertEquals(id, definition.instrumentId());
        assertEquals(Venue.MEXC_FUTURES, definition.venue());

        final TradeDecoder trade = Decoded.message(sink, 1, new TradeDecoder());
        assertEquals(id, trade.instrumentId());
        assertEquals(3_976_650_000_000L, trade.price(), "39766.5");
        assertEquals(3_200_000_000L, trade.size(), "32 contracts");
        assertEquals(Side.SELL, trade.aggressorSide());
        assertEquals(1_646_999_591_755L * MS, trade.tradeTimeNs());
        assertEquals(1_646_999_591_755L * MS, trade.eventTimeNs());
        assertEquals(RECEIVE_TIME_NS, trade.receiveTimeNs());
        assertEquals(PUBLISH_TIME_NS, trade.publishTimeNs());
        assertEquals(0, trade.tradeId());

        frame("{\"channel\":\"push.deal\",\"data\":[{\"M\":1,\"O\":1,\"T\":1,\"p\":6866.5,\"t\":1587442049632," +
            "\"v\":2096},{\"M\":2,\"O\":3,\"T\":2,\"p\":6866,\"t\":1587442049633,\"v\":1}],\"symbol\":\"BTC_USDT\"," +
            "\"ts\":1587442049640}");
        assertEquals(4, sink.size(), "a deal array publishes a trade per deal");
        Decoded.message(sink, 2, trade);
        assertEquals(Side.BUY, trade.aggressorSide());
        assertEquals(209_600_000_000L, trade.size());
        Decoded.message(sink, 3, trade);
        assertEquals(686_600_000_000L, trade.price());
    }

    @Test
    void shouldDecodeTheRealDepthPushesAsOneVersionEach() throws IOException
    {
        frame(line(5));
        final DepthUpdateDecoder update = Decoded.message(sink, 1, new DepthUpdateDecoder());
        assertEquals(4_702_740_808L, update.firstUpdateId());
        assertEquals(4_702_740_808L, update.finalUpdateId());
        assertEquals(1_647_000_258_746L * MS, update.eventTimeNs());
        assertArrayEquals(new long[]{ 3_996_100_000_000L, 0, 3_996_150_000_000L, 0 }, asks(update));
        Decoded.message(sink, 1, update);
        assertArrayEquals(new long[]{ 3_996_250_000_000L, 5_827_200_000_000L }, bids(update));

        frame(line(9));
        final RecordingSink.Levels book = sink.levels().get(0);
        assertEquals(5_194_972_869L, book.lastUpdateId());
        assertEquals(3, book.bidCount());
        assertEquals(List.of(3_170_800_000_000L, 321_000_000_000L, 3_170_600_000_000L, 18_475_600_000_000L,
            3_170_550_000_000L, 1_041_200_000_000L), book.bids());
        assertEquals(3_170_850_000_000L, book.bestAsk());
    }

    @Test
    void shouldDecodeTheRealTickersAsMarkPriceAndMiniTicker() throws IOException
    {
        frame(line(20));
        final MarkPriceDecoder mark = Decoded.message(sink, 1, new MarkPriceDecoder());
        assertEquals(1_654_165_977_028L * MS, mark.eventTimeNs());
        assertEquals(2_990_313_000_000L, mark.markPrice(), "fairPrice 29903.13");
        assertEquals(2_992_605_000_000L, mark.indexPrice());
        assertEquals(-12, mark.fundingRate().mantissa());
        assertEquals(-6, mark.fundingRate().exponent());
        assertEquals(MarkPriceDecoder.nextFundingTimeNsNullValue(), mark.nextFundingTimeNs());

        final MiniTickerDecoder ticker = Decoded.message(sink, 2, new MiniTickerDecoder());
        assertEquals(3_071_500_000_000L, ticker.openPrice(), "lastPrice 29902 - riseFallValue -813");
        assertEquals(2_990_200_000_000L, ticker.closePrice());
        assertEquals(3_187_300_000_000L, ticker.highPrice());
        assertEquals(2_927_550_000_000L, ticker.lowPrice());
        assertEquals(2_103_074_000_000_000L, ticker.volume(), "21030740 contracts");
        assertEquals(694_024_579_798_127_137L, ticker.quoteVolume().mantissa(),
            "amount24 69402.4579798127137243 cut to 18 significant digits");
        assertEquals(-13, ticker.quoteVolume().exponent());
    }

    @Test
    void shouldDecodeTheRealKlinesAsFormingBars() throws IOException
    {
        frame(line(19));
        final BarDecoder bar = Decoded.message(sink, 1, new BarDecoder());
        assertEquals(BarInterval.M1, bar.interval());
        assertEquals(1_654_083_480L * 1_000_000_000L, bar.openTimeNs());
        assertEquals(1_654_083_480L * 1_000_000_000L + 59_999 * MS, bar.closeTimeNs());
        assertEquals(BooleanType.FALSE, bar.closed());
        assertEquals(3_157_600_000_000L, bar.openPrice());
        assertEquals(3_158_550_000_000L, bar.highPrice());
        assertEquals(3_157_450_000_000L, bar.lowPrice());
        assertEquals(3_157_500_000_000L, bar.closePrice());
        assertEquals(3_146_800_000_000L, bar.volume(), "31468 contracts");
        assertEquals(993_713_865L, bar.quoteVolume().mantissa());
        assertEquals(-4, bar.quoteVolume().exponent());
        assertEquals(BarDecoder.tradeCountNullValue(), bar.tradeCount());
        assertEquals(BarDecoder.firstTradeIdNullValue(), bar.firstTradeId());
        assertEquals(1_654_083_512_507L * MS, bar.eventTimeNs());
    }

    @Test
    void shouldEndAMonthlyBarOneMillisecondBeforeTheNextMonth()
    {
        assertEquals(Instant.parse("2024-02-29T23:59:59.999Z"), instant(
            MexcFuturesDecoder.monthEndNs(Instant.parse("2024-02-01T00:00:00Z").getEpochSecond() * 1_000_000_000L)));
        assertEquals(Instant.parse("2023-12-31T23:59:59.999Z"), instant(
            MexcFuturesDecoder.monthEndNs(Instant.parse("2023-12-01T00:00:00Z").getEpochSecond() * 1_000_000_000L)));
        assertEquals(Instant.parse("1970-01-31T23:59:59.999Z"), instant(MexcFuturesDecoder.monthEndNs(0)));

        frame("{\"channel\":\"push.kline\",\"data\":{\"a\":1,\"c\":2,\"h\":2,\"interval\":\"Month1\",\"l\":1," +
            "\"o\":1,\"q\":5,\"symbol\":\"BTC_USDT\",\"t\":1706745600},\"symbol\":\"BTC_USDT\",\"ts\":1706745601000}");
        final BarDecoder bar = Decoded.message(sink, 1, new BarDecoder());
        assertEquals(BarInterval.MO1, bar.interval());
        assertEquals(Instant.parse("2024-02-29T23:59:59.999Z"), instant(bar.closeTimeNs()));
    }

    @Test
    void shouldDecodeTheRealRestDepthSnapshots() throws IOException
    {
        final int id = registry.register(Venue.MEXC_FUTURES, "BTC_USDT");
        snapshot(id, line(24));
        final DepthSnapshotDecoder snapshot = Decoded.message(sink, 1, new DepthSnapshotDecoder());
        assertEquals(5_216_820_883L, snapshot.lastUpdateId());
        assertEquals(1_654_328_706_778L * MS, snapshot.eventTimeNs());
        final DepthSnapshotDecoder.BidsDecoder bids = snapshot.bids();
        assertEquals(3, bids.count());
        bids.next();
        assertEquals(2_967_550_000_000L, bids.price());
        assertEquals(5_994_400_000_000L, bids.size());

        snapshot(id, line(22));
        assertEquals(1, decoder.decodeErrors(MexcReasons.WRONG_TYPE), "the retired spot API's object levels");
        assertEquals(2, sink.size());
    }

    @Test
    void shouldCountAndSampleBadPushes() throws IOException
    {
        final String deal = line(2);
        for (int length = 1; length < deal.length(); length++)
        {
            frame(deal.substring(0, length));
        }
        assertEquals(deal.length() - 1, decoder.decodeErrors(), "every cut push is bad");
        assertEquals(0, sink.size());

        assertBad("", MexcReasons.EMPTY_FRAME);
        assertBad("42", MexcReasons.WRONG_TYPE);
        assertBad(deal.replace("\"T\":2", "\"T\":3"), MexcReasons.BAD_VALUE);
        assertBad(deal.replace("\"p\":39766.5", "\"p\":\"x\""), MexcReasons.BAD_NUMBER);
        assertBad(deal.replace("\"p\":39766.5", "\"p\":39766.123456789"), MexcReasons.INEXACT_NUMBER);
        assertBad(deal.replace("\"p\":39766.5", "\"p\":12345678901234567890"), MexcReasons.NUMBER_TOO_LONG);
        assertBad(deal.replace(",\"v\":32", ""), MexcReasons.MISSING_FIELD);
        assertBad(deal.replace("\"v\":32", "\"v\":[32]"), MexcReasons.WRONG_TYPE);
        assertBad(deal.replace("\"p\":39766.5", "\"p\":1,\"p\":2"), MexcReasons.DUPLICATE_FIELD);
        assertBad(deal.replace("\"ts\":1646999591755", "\"ts\":-1"), MexcReasons.BAD_VALUE);
        assertBad(deal.replace("\"symbol\":\"BTC_USDT\"", "\"symbol\":\"BTC USDT\""), MexcReasons.BAD_SYMBOL);
        assertBad(deal.replace("}", "} x"), MexcReasons.MALFORMED_JSON);
        assertBad(line(19).replace("\"Min1\"", "\"Min2\""), MexcReasons.BAD_VALUE);
        assertBad(line(9).replace("[31708,3210,1]", "[31710,3210,1]"), MexcReasons.BAD_BOOK);
        assertBad(line(5).replace("[39962.5,58272,1]", "[39962.5,-1,1]"), MexcReasons.BAD_NUMBER);
        assertBad(line(5).replace("[39962.5,58272,1]", "[39962.5]"), MexcReasons.WRONG_TYPE);
        assertBad("{\"channel\":\"push.deal\",\"data\":" + "[".repeat(20) + "]".repeat(20) + ",\"ts\":1}",
            MexcReasons.TOO_DEEP);

        assertEquals(0, sink.size(), "no bad push publishes anything");
        final StringBuilder samples = new StringBuilder();
        decoder.errorLog().drain(samples, Integer.MAX_VALUE);
        for (final String reason : List.of("TRUNCATED", "EMPTY_FRAME", "BAD_VALUE", "BAD_NUMBER", "INEXACT_NUMBER",
            "NUMBER_TOO_LONG", "MISSING_FIELD", "WRONG_TYPE", "DUPLICATE_FIELD", "BAD_SYMBOL", "MALFORMED_JSON",
            "BAD_BOOK", "TOO_DEEP"))
        {
            assertTrue(samples.toString().contains("bad frame: " + reason), reason + " sampled");
        }
    }

    private void assertBad(final String json, final int reason)
    {
        final long before = decoder.decodeErrors(reason);
        final long total = decoder.decodeErrors();
        frame(json);
        assertEquals(before + 1, decoder.decodeErrors(reason), MexcReasons.errorName(reason) + ": " + json);
        assertEquals(total + 1, decoder.decodeErrors(), "one error per bad push");
    }

    static String line(final int number) throws IOException
    {
        return Files.readAllLines(TestData.file("mexc/mexc.jsonl")).get(number - 1);
    }

    private static Instant instant(final long epochNs)
    {
        return Instant.ofEpochSecond(0, epochNs);
    }

    private void frame(final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        decoder.onFrame(place(bytes), OFFSET, bytes.length, RECEIVE_TIME_NS);
    }

    private void snapshot(final int id, final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        decoder.onDepthSnapshot(id, place(bytes), OFFSET, bytes.length, RECEIVE_TIME_NS);
    }

    private UnsafeBuffer place(final byte[] bytes)
    {
        final byte[] padded = new byte[OFFSET + bytes.length + 17];
        Arrays.fill(padded, (byte)'9');
        System.arraycopy(bytes, 0, padded, OFFSET, bytes.length);
        padded[OFFSET + bytes.length] = ',';
        buffer.wrap(padded);
        return buffer;
    }
}
