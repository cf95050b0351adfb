/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import com.mxc.push.common.protobuf.PublicAggreDealsV3Api;
import com.mxc.push.common.protobuf.PublicAggreDepthsV3Api;
import com.mxc.push.common.protobuf.PushDataV3ApiWrapper;
import io.aeron.exceptions.ConfigurationException;
import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.feed.testing.RecordingSink;
import io.hellmoon.sbe.BestBidOfferDecoder;
import io.hellmoon.sbe.DepthSnapshotDecoder;
import io.hellmoon.sbe.DepthUpdateDecoder;
import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeDecoder;
import io.hellmoon.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static io.hellmoon.feed.mexc.MexcSpotFrames.CREATE_TIME_MS;
import static io.hellmoon.feed.mexc.MexcSpotFrames.SEND_TIME_MS;
import static io.hellmoon.feed.mexc.MexcSpotFrames.aggreDeal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MexcSpotDecoderTest
{
    private static final long RECEIVE_TIME_NS = 1_736_409_765_060_000_000L;
    private static final long PUBLISH_TIME_NS = 1_736_409_765_070_000_000L;
    private static final long MS = 1_000_000L;
    private static final int OFFSET = 11;

    private final RecordingSink sink = new RecordingSink();
    private final InstrumentRegistry registry = new InstrumentRegistry();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
    private MexcSpotDecoder decoder;

    @AfterEach
    void close()
    {
        if (null != decoder)
        {
            decoder.close();
        }
    }

    @Test
    void shouldPublishATradePerAggregatedDealAfterTheDefinition()
    {
        decoder = decoder(true);
        frame(MexcSpotFrames.aggreDeals(
            aggreDeal("93220.00", "0.04438243", 2, CREATE_TIME_MS - 1, "731579883561406466X0_731579883561406467X0"),
            aggreDeal("93221.5", "1.5", 1, CREATE_TIME_MS, "")));

        assertEquals(3, sink.size());
        final InstrumentDefinitionDecoder definition = Decoded.message(sink, 0, new InstrumentDefinitionDecoder());
        final int id = registry.idOf(Venue.MEXC_SPOT, "BTCUSDT");
        assertEquals(id, definition.instrumentId());
        assertEquals(Venue.MEXC_SPOT, definition.venue());

        final TradeDecoder trade = Decoded.message(sink, 1, new TradeDecoder());
        assertEquals(id, trade.instrumentId());
        assertEquals(CREATE_TIME_MS * MS, trade.eventTimeNs(), "createTime is the event time");
        assertEquals((CREATE_TIME_MS - 1) * MS, trade.tradeTimeNs());
        assertEquals(RECEIVE_TIME_NS, trade.receiveTimeNs());
        assertEquals(PUBLISH_TIME_NS, trade.publishTimeNs());
        assertEquals(Side.SELL, trade.aggressorSide());
        assertEquals(9_322_000_000_000L, trade.price());
        assertEquals(4_438_243L, trade.size());
        assertEquals(731_579_883_561_406_466L, trade.tradeId(), "the leading digits of MEXC's trade id");

        Decoded.message(sink, 2, trade);
        assertEquals(Side.BUY, trade.aggressorSide());
        assertEquals(9_322_150_000_000L, trade.price());
        assertEquals(150_000_000L, trade.size());
        assertEquals(0, trade.tradeId());
    }

    @Test
    void shouldPublishTheNonAggregatedDealsToo()
    {
        decoder = decoder(true);
        frame(MexcSpotFrames.deals("1.25", "3", 1, CREATE_TIME_MS));
        final TradeDecoder trade = Decoded.message(sink, 1, new TradeDecoder());
        assertEquals(125_000_000L, trade.price());
        assertEquals(300_000_000L, trade.size());
        assertEquals(Side.BUY, trade.aggressorSide());
    }

    @Test
    void shouldPublishAggregatedDepthWithItsVersionRange()
    {
        decoder = decoder(true);
        frame(MexcSpotFrames.aggreDepth(10_589_632_359L, 10_589_632_361L,
            new String[]{ "92877.58", "0.00000000", "92877.50", "1.2" }, new String[]{ "92880", "0.5" }));

        final DepthUpdateDecoder update = Decoded.message(sink, 1, new DepthUpdateDecoder());
        assertEquals(10_589_632_359L, update.firstUpdateId());
        assertEquals(10_589_632_361L, update.finalUpdateId());
        assertEquals(DepthUpdateDecoder.prevFinalUpdateIdNullValue(), update.prevFinalUpdateId());
        assertEquals((CREATE_TIME_MS - 5) * MS, update.transactTimeNs());
        assertEquals(CREATE_TIME_MS * MS, update.eventTimeNs());
        assertArrayEquals(new long[]{ 9_288_000_000_000L, 50_000_000L }, asks(update));
        Decoded.message(sink, 1, update);
        assertArrayEquals(new long[]{ 9_287_758_000_000L, 0, 9_287_750_000_000L, 120_000_000L }, bids(update));
    }

    @Test
    void shouldPublishIncreaseDepthsAndBatchesOneUpdatePerVersion()
    {
        decoder = decoder(true);
        frame(MexcSpotFrames.increaseDepth(39_003_145_507L, new String[]{ "96578.48", "0" }, new String[0]));
        final DepthUpdateDecoder update = Decoded.message(sink, 1, new DepthUpdateDecoder());
        assertEquals(39_003_145_507L, update.firstUpdateId());
        assertEquals(39_003_145_507L, update.finalUpdateId());

        frame(MexcSpotFrames.increaseDepthBatch(
            MexcSpotFrames.increaseDepthBody(39_003_145_508L, new String[]{ "96578.90", "0" }, new String[0]),
            MexcSpotFrames.increaseDepthBody(39_003_145_509L, new String[0], new String[]{ "96579.31", "4.88" })));
        assertEquals(4, sink.size());
        Decoded.message(sink, 2, update);
        assertEquals(39_003_145_508L, update.finalUpdateId());
        Decoded.message(sink, 3, update);
        assertEquals(39_003_145_509L, update.firstUpdateId());
        assertArrayEquals(new long[]{ 9_657_931_000_000L, 488_000_000L }, asks(update));
    }

    @Test
    void shouldPublishLimitDepthAsBookLevelsOnlyWhenInBookOrder()
    {
        decoder = decoder(true);
        frame(MexcSpotFrames.limitDepth(36_913_565_463L,
            new String[]{ "93179.98", "2.82651", "93179.5", "1" }, new String[]{ "93180.18", "0.21976424" }));
        final RecordingSink.Levels book = sink.levels().get(0);
        assertEquals(36_913_565_463L, book.lastUpdateId());
        assertEquals(2, book.bidCount());
        assertEquals(List.of(9_317_998_000_000L, 282_651_000L, 9_317_950_000_000L, 100_000_000L), book.bids());
        assertEquals(List.of(9_318_018_000_000L, 21_976_424L), book.asks());

        frame(MexcSpotFrames.limitDepth(36_913_565_464L, new String[]{ "93181", "1" }, new String[]{ "93180", "1" }));
        frame(MexcSpotFrames.limitDepth(36_913_565_465L, new String[]{ "1", "1", "2", "1" }, new String[0]));
        assertEquals(2, decoder.decodeErrors(MexcReasons.BAD_BOOK));
        assertEquals(1, sink.levels().size());
    }

    @Test
    void shouldPublishEveryBookTickerBody()
    {
        decoder = decoder(true);
        frame(MexcSpotFrames.aggreBookTicker("93387.28", "3.73485", "93387.29", "7.669875", 77));
        final BestBidOfferDecoder bbo = Decoded.message(sink, 1, new BestBidOfferDecoder());
        assertEquals(77, bbo.updateId());
        assertEquals((CREATE_TIME_MS - 2) * MS, bbo.transactTimeNs());
        assertEquals(9_338_728_000_000L, bbo.bidPrice());
        assertEquals(373_485_000L, bbo.bidSize());
        assertEquals(9_338_729_000_000L, bbo.askPrice());
        assertEquals(766_987_500L, bbo.askSize());

        frame(MexcSpotFrames.bookTicker("1", "2", "3", "4"));
        Decoded.message(sink, 2, bbo);
        assertEquals(BestBidOfferDecoder.updateIdNullValue(), bbo.updateId());
        assertEquals(BestBidOfferDecoder.transactTimeNsNullValue(), bbo.transactTimeNs());
        assertEquals(400_000_000L, bbo.askSize());

        frame(MexcSpotFrames.bookTickerBatch(99,
            MexcSpotFrames.bookTickerBody("96567.37", "3.362925", "96567.38", "1.545255"),
            MexcSpotFrames.bookTickerBody("96567.36", "1", "96567.39", "2")));
        assertEquals(5, sink.size());
        Decoded.message(sink, 3, bbo);
        assertEquals(99, bbo.updateId(), "a batch's version is read even when written after its items");
        assertEquals(SEND_TIME_MS * MS, bbo.eventTimeNs(), "sendTime when there is no createTime");
        assertEquals(9_656_737_000_000L, bbo.bidPrice());
        Decoded.message(sink, 4, bbo);
        assertEquals(200_000_000L, bbo.askSize());
    }

    @Test
    void shouldSkipUnknownFieldsAtEveryLevel() throws Exception
    {
        decoder = decoder(true);
        final PushDataV3ApiWrapper plain = PushDataV3ApiWrapper.parseFrom(MexcSpotFrames.aggreDeals(
            aggreDeal("2", "3", 1, CREATE_TIME_MS, "5")));
        frame(plain.toByteArray());
        final byte[] expected = sink.message(1).byteArray().clone();

        final PublicAggreDealsV3Api deals = plain.getPublicAggreDeals();
        final PushDataV3ApiWrapper extended = plain.toBuilder()
            .setUnknownFields(MexcSpotFrames.unknownFields())
            .setPublicAggreDeals(deals.toBuilder()
                .setUnknownFields(MexcSpotFrames.unknownFields())
                .setDeals(0, deals.getDeals(0).toBuilder().setUnknownFields(MexcSpotFrames.unknownFields())))
            .build();
        assertTrue(extended.toByteArray().length > plain.toByteArray().length + 60);
        frame(extended.toByteArray());

        assertEquals(3, sink.size());
        assertArrayEquals(expected, sink.message(2).byteArray(), "the same trade, unknown fields skipped");
        assertEquals(0, decoder.decodeErrors());
    }

    @Test
    void shouldCountWellFormedFramesItDoesNotDecodeByReason()
    {
        decoder = decoder(true);
        frame(MexcSpotFrames.kline());
        frame(PushDataV3ApiWrapper.newBuilder().setChannel("spot@public.deals.v3.api.pb@BTCUSDT").build()
            .toByteArray());
        frame("{\"id\":0,\"code\":0,\"msg\":\"PONG\"}".getBytes(StandardCharsets.US_ASCII));

        assertEquals(3, decoder.unsupportedFrames());
        assertEquals(1, decoder.unsupportedFrames(MexcReasons.UNSUPPORTED_BODY));
        assertEquals(1, decoder.unsupportedFrames(MexcReasons.NO_BODY));
        assertEquals(1, decoder.unsupportedFrames(MexcReasons.TEXT_FRAME));
        assertEquals(0, decoder.decodeErrors());
        assertEquals(0, sink.size());
    }

    @Test
    void shouldCountAndSampleBadFrames() throws Exception
    {
        decoder = decoder(true);
        final byte[] depth = MexcSpotFrames.aggreDepth(5, 7, new String[]{ "1.5", "2" }, new String[]{ "1.6", "3" });

        frame(new byte[0]);
        assertBad(MexcReasons.EMPTY_FRAME, 1);

        for (int length = 1; length < depth.length; length++)
        {
            frame(Arrays.copyOf(depth, length));
        }
        assertEquals(depth.length - 1, decoder.decodeErrors(MexcReasons.TRUNCATED) +
            decoder.decodeErrors(MexcReasons.MISSING_FIELD) + decoder.unsupportedFrames(), "every cut frame");
        assertEquals(0, sink.size(), "no cut frame publishes");

        frame(concat(depth, new byte[]{ 0x08, (byte)0xFF, (byte)0xFF, (byte)0xFF, (byte)0xFF, (byte)0xFF,
            (byte)0xFF, (byte)0xFF, (byte)0xFF, (byte)0xFF, (byte)0xFF, 0x01 }));
        assertBad(MexcReasons.MALFORMED_PROTOBUF, 1);
        frame(concat(depth, new byte[]{ 0x0B }));
        assertBad(MexcReasons.MALFORMED_PROTOBUF, 2);

        // The symbol (field 3) as a varint instead of a string.
        frame(concat(new byte[]{ 0x18, 0x01 }, depth));
        assertBad(MexcReasons.WRONG_TYPE, 1);

        final PushDataV3ApiWrapper wrapper = PushDataV3ApiWrapper.parseFrom(depth);
        final byte[] secondBody = PushDataV3ApiWrapper.newBuilder()
            .setPublicBookTicker(MexcSpotFrames.bookTickerBody("1", "1", "2", "1")).build().toByteArray();
        frame(concat(depth, secondBody));
        assertBad(MexcReasons.DUPLICATE_FIELD, 1);

        final long missingBefore = decoder.decodeErrors(MexcReasons.MISSING_FIELD);
        frame(wrapper.toBuilder().clearSymbol().build().toByteArray());
        assertBad(MexcReasons.MISSING_FIELD, missingBefore + 1);

        final PublicAggreDepthsV3Api body = wrapper.getPublicAggreDepths();
        frame(wrapper.toBuilder().setPublicAggreDepths(body.toBuilder().setFromVersion("12x")).build()
            .toByteArray());
        assertBad(MexcReasons.BAD_NUMBER, 1);
        frame(wrapper.toBuilder().setPublicAggreDepths(body.toBuilder().setFromVersion("9")).build().toByteArray());
        assertBad(MexcReasons.BAD_VALUE, 1);
        frame(wrapper.toBuilder().setPublicAggreDepths(body.toBuilder().setBids(0,
            body.getBids(0).toBuilder().setPrice("-1.5"))).build().toByteArray());
        assertBad(MexcReasons.BAD_NUMBER, 2);
        frame(wrapper.toBuilder().setPublicAggreDepths(body.toBuilder().setBids(0,
            body.getBids(0).toBuilder().setQuantity("0.000000001"))).build().toByteArray());
        assertBad(MexcReasons.INEXACT_NUMBER, 1);
        frame(wrapper.toBuilder().setPublicAggreDepths(body.toBuilder().setBids(0,
            body.getBids(0).toBuilder().setPrice("12345678901234567890"))).build().toByteArray());
        assertBad(MexcReasons.NUMBER_TOO_LONG, 1);

        frame(MexcSpotFrames.aggreDeals(aggreDeal("1", "1", 3, CREATE_TIME_MS, "1")));
        assertBad(MexcReasons.BAD_VALUE, 2);
        frame(wrapper.toBuilder().setSymbol("BTC USDT").build().toByteArray());
        assertBad(MexcReasons.BAD_SYMBOL, 1);

        assertEquals(0, sink.size(), "no bad frame publishes anything, not even a definition");
        final StringBuilder samples = new StringBuilder();
        decoder.errorLog().drain(samples, Integer.MAX_VALUE);
        for (final String reason : List.of("EMPTY_FRAME", "TRUNCATED", "MALFORMED_PROTOBUF", "WRONG_TYPE",
            "DUPLICATE_FIELD", "MISSING_FIELD", "BAD_NUMBER", "BAD_VALUE", "INEXACT_NUMBER", "NUMBER_TOO_LONG",
            "BAD_SYMBOL"))
        {
            assertTrue(samples.toString().contains("bad frame: " + reason), reason + " sampled");
        }

        frame(depth);
        assertEquals(2, sink.size(), "the definition, first announced now, and the update");
    }

    @Test
    void shouldSkipFramesOfUnknownSymbolsWithoutAutoRegistration()
    {
        registry.add(new Instrument(0, Venue.MEXC_SPOT, "ETHUSDT", InstrumentKind.SPOT, InstrumentStatus.TRADING,
            -2, -4, 1, 1, 1, 5.0, 1.0, "ETH", "USDT"));
        decoder = decoder(false);
        frame(MexcSpotFrames.bookTicker("1", "1", "2", "1"));
        assertEquals(1, decoder.decodeErrors(MexcReasons.UNKNOWN_SYMBOL));
        assertEquals(0, sink.size());
    }

    @Test
    void shouldDecodeTheRestDepthSnapshot()
    {
        decoder = decoder(true);
        final int id = registry.register(Venue.MEXC_SPOT, "BTCUSDT");
        final byte[] body = ("{\"lastUpdateId\":1112416,\"bids\":[[\"15.00000\",\"49999.00000\"]]," +
            "\"asks\":[[\"14.0000\",\"1.0000\"],[\"14.5\",\"2\"]]}").getBytes(StandardCharsets.US_ASCII);
        decoder.onDepthSnapshot(id, place(body), OFFSET, body.length, RECEIVE_TIME_NS);

        final DepthSnapshotDecoder snapshot = Decoded.message(sink, 1, new DepthSnapshotDecoder());
        assertEquals(1_112_416L, snapshot.lastUpdateId());
        assertEquals(DepthSnapshotDecoder.eventTimeNsNullValue(), snapshot.eventTimeNs());
        final DepthSnapshotDecoder.BidsDecoder bids = snapshot.bids();
        assertEquals(1, bids.count());
        bids.next();
        assertEquals(1_500_000_000L, bids.price());
        assertEquals(4_999_900_000_000L, bids.size());
        assertEquals(2, snapshot.asks().count());

        decoder.onDepthSnapshot(id + 100, place(body), OFFSET, body.length, RECEIVE_TIME_NS);
        assertBad(MexcReasons.UNKNOWN_INSTRUMENT, 1);
        final byte[] bad = "{\"lastUpdateId\":1,\"bids\":[[\"1\"]],\"asks\":[]}".getBytes(StandardCharsets.US_ASCII);
        decoder.onDepthSnapshot(id, place(bad), OFFSET, bad.length, RECEIVE_TIME_NS);
        assertBad(MexcReasons.WRONG_TYPE, 1);
        assertEquals(2, sink.size());
    }

    @Test
    void shouldRejectInvalidSettingsByName()
    {
        assertThrows(ConfigurationException.class, () -> new MexcSpotDecoder(new MexcDecoderContext()));
        final ConfigurationException depth = assertThrows(ConfigurationException.class,
            () -> new MexcSpotDecoder(context(true).maxJsonDepth(2)));
        assertTrue(depth.getMessage().contains(MexcConfiguration.MAX_JSON_DEPTH_PROP_NAME));
        final MexcDecoderContext context = context(true);
        context.conclude();
        assertThrows(IllegalStateException.class, context::conclude);
    }

    private void assertBad(final int reason, final long expected)
    {
        assertEquals(expected, decoder.decodeErrors(reason), MexcReasons.errorName(reason));
    }

    private MexcSpotDecoder decoder(final boolean autoRegister)
    {
        return new MexcSpotDecoder(context(autoRegister));
    }

    private MexcDecoderContext context(final boolean autoRegister)
    {
        return new MexcDecoderContext()
            .instrumentRegistry(registry)
            .autoRegister(autoRegister)
            .messageSink(sink)
            .epochNanoClock(new ManualEpochNanoClock(PUBLISH_TIME_NS))
            .counterFactory(CounterFactory.local(8));
    }

    private void frame(final byte[] bytes)
    {
        decoder.onFrame(place(bytes), OFFSET, bytes.length, RECEIVE_TIME_NS);
    }

    private UnsafeBuffer place(final byte[] bytes)
    {
        final byte[] padded = new byte[OFFSET + bytes.length + 32];
        Arrays.fill(padded, (byte)0x80);
        System.arraycopy(bytes, 0, padded, OFFSET, bytes.length);
        buffer.wrap(padded);
        return buffer;
    }

    private static byte[] concat(final byte[] first, final byte[] second)
    {
        final byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    static long[] bids(final DepthUpdateDecoder update)
    {
        final DepthUpdateDecoder.BidsDecoder bids = update.bids();
        final long[] levels = new long[2 * bids.count()];
        for (int i = 0; bids.hasNext(); i += 2)
        {
            bids.next();
            levels[i] = bids.price();
            levels[i + 1] = bids.size();
        }
        return levels;
    }

    /**
     * The asks, read after the bids as SBE requires: call on a freshly wrapped decoder.
     */
    static long[] asks(final DepthUpdateDecoder update)
    {
        bids(update);
        final DepthUpdateDecoder.AsksDecoder asks = update.asks();
        final long[] levels = new long[2 * asks.count()];
        for (int i = 0; asks.hasNext(); i += 2)
        {
            asks.next();
            levels[i] = asks.price();
            levels[i + 1] = asks.size();
        }
        return levels;
    }
}
