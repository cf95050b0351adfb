/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance.sbe;

import io.aeron.exceptions.ConfigurationException;
import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.errors.SampledErrorLog;
import io.hellmoon.feed.binance.BinanceJsonDecoder;
import io.hellmoon.feed.testing.RecordingSink;
import io.hellmoon.sbe.BestBidOfferDecoder;
import io.hellmoon.sbe.DepthSnapshotDecoder;
import io.hellmoon.sbe.DepthUpdateDecoder;
import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeDecoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static io.hellmoon.feed.binance.sbe.BinanceSbeFrames.levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinanceSbeDecoderTest
{
    private static final long RECEIVE_TIME_NS = 1_700_000_000_123_456_789L;
    private static final long PUBLISH_TIME_NS = 1_700_000_000_223_456_789L;
    private static final long EVENT_TIME_US = 1_723_161_599_123_456L;
    private static final int OFFSET = 13;

    private final BinanceSbeFrames frames = new BinanceSbeFrames();
    private final RecordingSink sink = new RecordingSink();
    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(PUBLISH_TIME_NS);
    private final InstrumentRegistry registry = new InstrumentRegistry();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private BinanceSbeDecoder decoder;

    @AfterEach
    void close()
    {
        if (null != decoder)
        {
            decoder.close();
        }
    }

    @Test
    void shouldPublishOneTradePerEntryAfterTheInstrumentsDefinition()
    {
        decoder = decoder(true);
        frame(frames.trades("BTCUSDT", EVENT_TIME_US, EVENT_TIME_US - 7, -2, -5,
            new long[]{ 3_700_000_001L, 6_183_763L, 12_500L, 1 },
            new long[]{ 3_700_000_002L, 6_183_764L, 1L, 0 }));

        assertEquals(3, sink.size());
        final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
        wrap(definition, 0);
        final int id = registry.idOf(Venue.BINANCE_SPOT, "BTCUSDT");
        assertEquals(id, definition.instrumentId());
        assertEquals(Venue.BINANCE_SPOT, definition.venue());

        final TradeDecoder trade = new TradeDecoder();
        wrap(trade, 1);
        assertEquals(id, trade.instrumentId());
        assertEquals(EVENT_TIME_US * 1000, trade.eventTimeNs());
        assertEquals((EVENT_TIME_US - 7) * 1000, trade.tradeTimeNs());
        assertEquals(RECEIVE_TIME_NS, trade.receiveTimeNs());
        assertEquals(PUBLISH_TIME_NS, trade.publishTimeNs());
        assertEquals(TradeKind.TRADE, trade.kind());
        assertEquals(Side.SELL, trade.aggressorSide(), "the buyer was the maker, so the seller took");
        assertEquals(-8, trade.priceExponent());
        assertEquals(6_183_763_000_000L, trade.price(), "61837.63 at -8");
        assertEquals(12_500_000L, trade.size(), "0.125 at -8");
        assertEquals(3_700_000_001L, trade.tradeId());

        wrap(trade, 2);
        assertEquals(Side.BUY, trade.aggressorSide());
        assertEquals(1_000L, trade.size());
        assertEquals(3_700_000_002L, trade.tradeId());
        assertEquals(1, decoder.framesReceived());
        assertEquals(3, decoder.messagesPublished());
    }

    @Test
    void shouldPublishBestBidAsk()
    {
        decoder = decoder(true);
        frame(frames.bestBidAsk("ETHUSDT", EVENT_TIME_US, 55_555L, -2, -4, 261_512, 31_250, 261_513, 10_000));

        assertEquals(2, sink.size());
        final BestBidOfferDecoder bbo = new BestBidOfferDecoder();
        wrap(bbo, 1);
        assertEquals(registry.idOf(Venue.BINANCE_SPOT, "ETHUSDT"), bbo.instrumentId());
        assertEquals(EVENT_TIME_US * 1000, bbo.eventTimeNs());
        assertEquals(55_555L, bbo.updateId());
        assertEquals(BestBidOfferDecoder.transactTimeNsNullValue(), bbo.transactTimeNs());
        assertEquals(261_512_000_000L, bbo.bidPrice());
        assertEquals(312_500_000L, bbo.bidSize());
        assertEquals(261_513_000_000L, bbo.askPrice());
        assertEquals(100_000_000L, bbo.askSize());
    }

    @Test
    void shouldPublishDepth20AsBookLevels()
    {
        decoder = decoder(true);
        frame(frames.depth20("BTCUSDT", EVENT_TIME_US, 900L, -2, -5,
            levels(6_000_002, 100, 6_000_001, 200), levels(6_000_003, 300, 6_000_005, 400)));

        assertEquals(2, sink.size());
        final RecordingSink.Levels book = sink.levels().get(0);
        assertEquals(900L, book.lastUpdateId());
        assertEquals(2, book.bidCount());
        assertEquals(2, book.askCount());
        assertEquals(List.of(6_000_002_000_000L, 100_000L, 6_000_001_000_000L, 200_000L), book.bids());
        assertEquals(List.of(6_000_003_000_000L, 300_000L, 6_000_005_000_000L, 400_000L), book.asks());
        assertEquals(EVENT_TIME_US * 1000, book.eventTimeNs());
    }

    @Test
    void shouldPublishDepthDiffAsDepthUpdate()
    {
        decoder = decoder(true);
        frame(frames.depthDiff("BTCUSDT", EVENT_TIME_US, 1001L, 1005L, -2, -5,
            levels(6_000_001, 0), levels(6_000_003, 300, 6_000_004, 1)));

        assertEquals(2, sink.size());
        final DepthUpdateDecoder update = new DepthUpdateDecoder();
        wrap(update, 1);
        assertEquals(1001L, update.firstUpdateId());
        assertEquals(1005L, update.finalUpdateId());
        assertEquals(DepthUpdateDecoder.prevFinalUpdateIdNullValue(), update.prevFinalUpdateId());
        assertEquals(EVENT_TIME_US * 1000, update.eventTimeNs());
        final DepthUpdateDecoder.BidsDecoder bids = update.bids();
        assertEquals(1, bids.count());
        bids.next();
        assertEquals(6_000_001_000_000L, bids.price());
        assertEquals(0, bids.size());
        final DepthUpdateDecoder.AsksDecoder asks = update.asks();
        assertEquals(2, asks.count());
        asks.next();
        assertEquals(300_000L, asks.size());
        asks.next();
        assertEquals(6_000_004_000_000L, asks.price());
        assertEquals(1_000L, asks.size());
    }

    @Test
    void shouldRefuseAValueTheInstrumentsExponentCannotHoldExactly()
    {
        registry.add(new Instrument(0, Venue.BINANCE_SPOT, "BTCUSDT", InstrumentKind.SPOT, InstrumentStatus.TRADING,
            -2, -3, 1, 1, 1, 5.0, 1.0, "BTC", "USDT"));
        decoder = decoder(false);

        frame(frames.trades("BTCUSDT", EVENT_TIME_US, EVENT_TIME_US, -2, -5, new long[]{ 1, 6_183_763L, 12_000L, 0 }));
        assertEquals(1, sink.size(), "0.12000 is exact at -3");
        final TradeDecoder trade = new TradeDecoder();
        wrap(trade, 0);
        assertEquals(120L, trade.size());

        frame(frames.trades("BTCUSDT", EVENT_TIME_US, EVENT_TIME_US, -2, -5,
            new long[]{ 1, 6_183_763L, 12_000L, 0 }, new long[]{ 2, 6_183_763L, 12_345L, 0 }));
        assertEquals(1, sink.size(), "a frame with one inexact trade publishes none of its trades");
        assertEquals(1, decoder.decodeErrors(BinanceSbeDecoder.INEXACT_NUMBER));

        frame(frames.trades("BTCUSDT", EVENT_TIME_US, EVENT_TIME_US, 10, -3, new long[]{ 1, 1_000_000_000L, 1, 0 }));
        assertEquals(1, decoder.decodeErrors(BinanceSbeDecoder.NUMBER_TOO_LONG));
        assertEquals(1, sink.size());
    }

    @Test
    void shouldCountAndSampleEveryKindOfBadFrame()
    {
        decoder = decoder(false);
        registry.register(Venue.BINANCE_SPOT, "BTCUSDT");
        final byte[] diff = frames.depthDiff("BTCUSDT", EVENT_TIME_US, 1, 2, -2, -5, levels(1, 1), levels(2, 1));

        frame(new byte[0]);
        assertBad(BinanceSbeDecoder.EMPTY_FRAME, 1);

        frame(patchShort(diff, 4, 7071));
        assertBad(BinanceSbeDecoder.WRONG_SCHEMA, 1);

        frame(patchShort(diff, 2, 10_004));
        assertBad(BinanceSbeDecoder.UNKNOWN_TEMPLATE, 1);

        frame(patchShort(diff, 0, 25));
        assertBad(BinanceSbeDecoder.BAD_BLOCK_LENGTH, 1);

        // The bids group header follows the 26-byte block: its count claims more levels than the frame holds.
        final int bidsHeader = 8 + 26;
        frame(patchShort(diff, bidsHeader + 2, 3));
        assertBad(BinanceSbeDecoder.BAD_GROUP_COUNT, 1);
        frame(patchShort(diff, bidsHeader + 2, 65_535));
        assertBad(BinanceSbeDecoder.BAD_GROUP_COUNT, 2);
        frame(patchShort(diff, bidsHeader, 15));
        assertBad(BinanceSbeDecoder.BAD_BLOCK_LENGTH, 2);

        final byte[] trailing = Arrays.copyOf(diff, diff.length + 3);
        frame(trailing);
        assertBad(BinanceSbeDecoder.TRAILING_DATA, 1);

        // A frame cut inside a group's entries reads as a count running past its end.
        final long errorsBefore = decoder.decodeErrors();
        final long groupErrorsBefore = decoder.decodeErrors(BinanceSbeDecoder.BAD_GROUP_COUNT);
        for (int length = 1; length < diff.length; length++)
        {
            frame(Arrays.copyOf(diff, length));
        }
        assertEquals(diff.length - 1, decoder.decodeErrors() - errorsBefore, "every cut frame is bad");
        assertEquals(diff.length - 1, decoder.decodeErrors(BinanceSbeDecoder.TRUNCATED) +
            decoder.decodeErrors(BinanceSbeDecoder.BAD_GROUP_COUNT) - groupErrorsBefore);

        frame(frames.depthDiff("BTCUSDT", EVENT_TIME_US, 5, 2, -2, -5, levels(1, 1), levels(2, 1)));
        assertBad(BinanceSbeDecoder.BAD_VALUE, 1);
        frame(frames.bestBidAsk("BTCUSDT", EVENT_TIME_US, 1, -2, -5, -1, 1, 2, 1));
        assertBad(BinanceSbeDecoder.BAD_VALUE, 2);
        frame(frames.trades("BTCUSDT", -1, 0, -2, -5, new long[]{ 1, 1, 1, 0 }));
        assertBad(BinanceSbeDecoder.BAD_VALUE, 3);

        frame(frames.depth20("BTCUSDT", EVENT_TIME_US, 9, -2, -5, levels(6_000_005, 1), levels(6_000_004, 1)));
        assertBad(BinanceSbeDecoder.BAD_BOOK, 1);
        frame(frames.depth20("BTCUSDT", EVENT_TIME_US, 9, -2, -5, levels(1, 1, 2, 1), levels(5, 1)));
        assertBad(BinanceSbeDecoder.BAD_BOOK, 2);

        frame(frames.bestBidAsk("ETHUSDT", EVENT_TIME_US, 1, -2, -5, 1, 1, 2, 1));
        assertBad(BinanceSbeDecoder.UNKNOWN_SYMBOL, 1);

        assertEquals(0, sink.size(), "no bad frame publishes anything");
        final StringBuilder samples = new StringBuilder();
        decoder.errorLog().drain(samples, Integer.MAX_VALUE);
        for (final String reason : List.of("EMPTY_FRAME", "WRONG_SCHEMA", "UNKNOWN_TEMPLATE", "BAD_BLOCK_LENGTH",
            "BAD_GROUP_COUNT", "TRAILING_DATA", "TRUNCATED", "BAD_VALUE", "BAD_BOOK", "UNKNOWN_SYMBOL"))
        {
            assertTrue(samples.toString().contains("bad frame: " + reason), reason + " sampled: " + samples);
        }

        frame(diff);
        assertEquals(1, sink.size(), "good frames still decode after bad ones");
    }

    @Test
    void shouldLimitLevelsAndTradesPerEvent()
    {
        decoder = new BinanceSbeDecoder(context(true).maxLevelsPerSide(2).maxTradesPerEvent(1));
        frame(frames.depthDiff("BTCUSDT", EVENT_TIME_US, 1, 2, -2, -5, levels(3, 1, 2, 1, 1, 1), levels()));
        assertBad(BinanceSbeDecoder.TOO_MANY_LEVELS, 1);
        frame(frames.trades("BTCUSDT", EVENT_TIME_US, 0, -2, -5, new long[]{ 1, 1, 1, 0 }, new long[]{ 2, 1, 1, 0 }));
        assertBad(BinanceSbeDecoder.TOO_MANY_TRADES, 1);
        assertEquals(0, sink.size());
    }

    @Test
    void shouldAcceptANewerSchemaVersionWithLongerBlocksAndMoreData()
    {
        decoder = decoder(true);
        final byte[] original = frames.bestBidAsk("BTCUSDT", EVENT_TIME_US, 77, -2, -5, 100, 1, 101, 1);
        final int block = 50;
        final byte[] extended = new byte[original.length + 4 + 3];
        System.arraycopy(original, 0, extended, 0, 8 + block);
        System.arraycopy(original, 8 + block, extended, 8 + block + 4, original.length - 8 - block);
        final UnsafeBuffer patched = new UnsafeBuffer(extended);
        patched.putShort(0, (short)(block + 4), ByteOrder.LITTLE_ENDIAN);
        patched.putShort(6, (short)1, ByteOrder.LITTLE_ENDIAN);

        frame(extended);
        assertEquals(0, decoder.decodeErrors());
        final BestBidOfferDecoder bbo = new BestBidOfferDecoder();
        wrap(bbo, 1);
        assertEquals(77, bbo.updateId());
        assertEquals(registry.idOf(Venue.BINANCE_SPOT, "BTCUSDT"), bbo.instrumentId());
    }

    @Test
    void shouldHandTextFramesAndSnapshotsToTheTextFrameHandler()
    {
        final BinanceJsonDecoder json = new BinanceJsonDecoder(new BinanceJsonDecoder.Context()
            .venue(Venue.BINANCE_SPOT)
            .instrumentRegistry(registry)
            .autoRegister(true)
            .announceInstruments(false)
            .messageSink(sink)
            .epochNanoClock(clock)
            .counterFactory(CounterFactory.local(8)));
        decoder = new BinanceSbeDecoder(context(true).announceInstruments(false).textFrameHandler(json));
        assertSame(json, decoder.textFrameHandler());

        frame("{\"result\":null,\"id\":1}".getBytes(StandardCharsets.US_ASCII));
        frame("{\"e\":\"serverShutdown\",\"E\":1770123456789}".getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, json.unsupportedFrames());
        assertEquals(0, decoder.framesReceived());

        final int id = registry.register(Venue.BINANCE_SPOT, "BTCUSDT");
        final byte[] snapshot = "{\"lastUpdateId\":10,\"bids\":[[\"1.5\",\"2\"]],\"asks\":[[\"1.6\",\"3\"]]}"
            .getBytes(StandardCharsets.US_ASCII);
        decoder.onDepthSnapshot(id, place(snapshot), OFFSET, snapshot.length, RECEIVE_TIME_NS);
        assertEquals(1, sink.size());
        final DepthSnapshotDecoder depth = new DepthSnapshotDecoder();
        wrap(depth, 0);
        assertEquals(10, depth.lastUpdateId());
        json.close();
    }

    @Test
    void shouldCountTextFramesAsUnsupportedAndSnapshotsAsErrorsWithoutATextFrameHandler()
    {
        decoder = decoder(true);
        frame("{\"result\":null,\"id\":1}".getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, decoder.unsupportedFrames());
        final byte[] snapshot = "{}".getBytes(StandardCharsets.US_ASCII);
        decoder.onDepthSnapshot(1, place(snapshot), OFFSET, snapshot.length, RECEIVE_TIME_NS);
        assertEquals(1, decoder.decodeErrors(BinanceSbeDecoder.NO_TEXT_HANDLER));
        assertEquals(0, sink.size());
    }

    @Test
    void shouldRejectInvalidSettingsByName()
    {
        assertThrows(ConfigurationException.class, () -> new BinanceSbeDecoder(new BinanceSbeDecoder.Context()));
        final ConfigurationException levels = assertThrows(ConfigurationException.class,
            () -> new BinanceSbeDecoder(context(true).maxLevelsPerSide(0)));
        assertTrue(levels.getMessage().contains(BinanceSbeConfiguration.MAX_LEVELS_PER_SIDE_PROP_NAME));
        final SampledErrorLog wrongLog = new SampledErrorLog(
            "x", new String[]{ "A" }, CounterFactory.local(1).newCounter(1, "x"));
        assertThrows(ConfigurationException.class, () -> new BinanceSbeDecoder(context(true).errorLog(wrongLog)));
    }

    private void assertBad(final int reason, final long expected)
    {
        assertEquals(expected, decoder.decodeErrors(reason), BinanceSbeDecoder.reasonName(reason));
    }

    private BinanceSbeDecoder decoder(final boolean autoRegister)
    {
        return new BinanceSbeDecoder(context(autoRegister));
    }

    private BinanceSbeDecoder.Context context(final boolean autoRegister)
    {
        return new BinanceSbeDecoder.Context()
            .instrumentRegistry(registry)
            .autoRegister(autoRegister)
            .messageSink(sink)
            .epochNanoClock(clock)
            .counterFactory(CounterFactory.local(8));
    }

    private void frame(final byte[] bytes)
    {
        decoder.onFrame(place(bytes), OFFSET, bytes.length, RECEIVE_TIME_NS);
    }

    /**
     * The frame in the middle of a larger buffer of junk, so reading outside it would be noticed.
     */
    private UnsafeBuffer place(final byte[] bytes)
    {
        final byte[] padded = new byte[OFFSET + bytes.length + 64];
        Arrays.fill(padded, (byte)0x55);
        System.arraycopy(bytes, 0, padded, OFFSET, bytes.length);
        buffer.wrap(padded);
        return buffer;
    }

    private static byte[] patchShort(final byte[] frame, final int offset, final int value)
    {
        final byte[] copy = frame.clone();
        new UnsafeBuffer(copy).putShort(offset, (short)value, ByteOrder.LITTLE_ENDIAN);
        return copy;
    }

    private void wrap(final InstrumentDefinitionDecoder decoder, final int index)
    {
        final UnsafeBuffer message = sink.message(index);
        header.wrap(message, 0);
        assertEquals(InstrumentDefinitionDecoder.TEMPLATE_ID, header.templateId());
        decoder.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
    }

    private void wrap(final TradeDecoder decoder, final int index)
    {
        final UnsafeBuffer message = sink.message(index);
        header.wrap(message, 0);
        assertEquals(TradeDecoder.TEMPLATE_ID, header.templateId());
        decoder.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
    }

    private void wrap(final BestBidOfferDecoder decoder, final int index)
    {
        final UnsafeBuffer message = sink.message(index);
        header.wrap(message, 0);
        assertEquals(BestBidOfferDecoder.TEMPLATE_ID, header.templateId());
        decoder.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
    }

    private void wrap(final DepthUpdateDecoder decoder, final int index)
    {
        final UnsafeBuffer message = sink.message(index);
        header.wrap(message, 0);
        assertEquals(DepthUpdateDecoder.TEMPLATE_ID, header.templateId());
        decoder.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
    }

    private void wrap(final DepthSnapshotDecoder decoder, final int index)
    {
        final UnsafeBuffer message = sink.message(index);
        header.wrap(message, 0);
        assertEquals(DepthSnapshotDecoder.TEMPLATE_ID, header.templateId());
        decoder.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
    }
}
