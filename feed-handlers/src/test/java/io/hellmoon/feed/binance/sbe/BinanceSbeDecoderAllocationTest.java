/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance.sbe;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.feed.binance.BinanceJsonDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.AllocationMeter;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.hellmoon.feed.binance.sbe.BinanceSbeFrames.levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After warm-up, decoding frames of every template, text frames and snapshots handed to the JSON decoder, and bad
 * frames of every kind allocates nothing on the decoding thread.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BinanceSbeDecoderAllocationTest
{
    private final CountingSink sink = new CountingSink();

    @Test
    void shouldDecodeAWarmedUpMixOfFramesWithoutAllocating()
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(1);
        final BinanceJsonDecoder json = new BinanceJsonDecoder(new BinanceJsonDecoder.Context()
            .venue(Venue.BINANCE_SPOT)
            .instrumentRegistry(registry)
            .autoRegister(true)
            .messageSink(sink)
            .epochNanoClock(clock)
            .counterFactory(CounterFactory.local(8)));
        final BinanceSbeDecoder decoder = new BinanceSbeDecoder(new BinanceSbeDecoder.Context()
            .instrumentRegistry(registry)
            .autoRegister(true)
            .messageSink(sink)
            .epochNanoClock(clock)
            .textFrameHandler(json)
            .counterFactory(CounterFactory.local(8)));

        final BinanceSbeFrames frames = new BinanceSbeFrames();
        final List<byte[]> inputs = new ArrayList<>();
        final long us = 1_723_161_599_123_456L;
        inputs.add(frames.trades("BTCUSDT", us, us, -2, -5,
            new long[]{ 1, 6_183_763L, 12_500L, 1 }, new long[]{ 2, 6_183_764L, 1L, 0 }));
        inputs.add(frames.bestBidAsk("ETHUSDT", us, 5, -2, -4, 261_512, 31_250, 261_513, 10_000));
        inputs.add(frames.depth20("BTCUSDT", us, 9, -2, -5, levels(6_000_002, 1, 6_000_001, 2),
            levels(6_000_003, 3, 6_000_004, 4)));
        inputs.add(frames.depthDiff("BTCUSDT", us, 10, 12, -2, -5, levels(6_000_001, 0), levels(6_000_005, 7)));
        inputs.add("{\"result\":null,\"id\":1}".getBytes(StandardCharsets.US_ASCII));
        final byte[] diff = inputs.get(3);
        inputs.add(Arrays.copyOf(diff, diff.length - 3));
        final byte[] wrongSchema = diff.clone();
        new UnsafeBuffer(wrongSchema).putShort(4, (short)9, ByteOrder.LITTLE_ENDIAN);
        inputs.add(wrongSchema);
        final byte[] badCount = diff.clone();
        new UnsafeBuffer(badCount).putShort(8 + 26 + 2, (short)900, ByteOrder.LITTLE_ENDIAN);
        inputs.add(badCount);
        inputs.add(frames.bestBidAsk("BAD SYMBOL", us, 5, -2, -4, 1, 1, 2, 1));
        final UnsafeBuffer[] buffers = inputs.stream().map(UnsafeBuffer::new).toArray(UnsafeBuffer[]::new);

        final int btc = registry.register(Venue.BINANCE_SPOT, "BTCUSDT");
        final UnsafeBuffer snapshot = new UnsafeBuffer(
            "{\"lastUpdateId\":11,\"bids\":[[\"60000.01\",\"1\"]],\"asks\":[[\"60000.05\",\"2\"]]}"
                .getBytes(StandardCharsets.US_ASCII));

        final Runnable decodeAll = () ->
        {
            for (final UnsafeBuffer buffer : buffers)
            {
                decoder.onFrame(buffer, 0, buffer.capacity(), 1_000);
            }
            decoder.onDepthSnapshot(btc, snapshot, 0, snapshot.capacity(), 1_000);
        };

        decodeAll.run();
        assertEquals(4, decoder.decodeErrors(), "the four bad frames");
        final long messagesPerRun = sink.messages;
        assertTrue(messagesPerRun >= 7, "messages: " + messagesPerRun);

        AllocationMeter.assertAllocationFree(20_000, 2_000, decodeAll);
        assertTrue(0 != sink.checksum);
        CloseHelper.closeAll(decoder, json);
    }

    /**
     * A sink that reads every message's header and sums its bytes, allocating nothing.
     */
    static final class CountingSink implements MessageSink
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        long messages;
        long checksum;

        public boolean offer(final DirectBuffer buffer, final int offset, final int length)
        {
            header.wrap(buffer, offset);
            messages++;
            checksum += header.templateId();
            for (int i = 0; i < length; i += 8)
            {
                checksum += buffer.getByte(offset + i);
            }
            return true;
        }
    }
}
