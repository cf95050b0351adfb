/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import com.mxc.push.common.protobuf.PushDataV3ApiWrapper;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.AllocationMeter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.hellmoon.feed.mexc.MexcSpotFrames.CREATE_TIME_MS;
import static io.hellmoon.feed.mexc.MexcSpotFrames.aggreDeal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After warm-up, decoding every body, unknown fields, unsupported and bad frames and a REST snapshot allocates
 * nothing on the decoding thread.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MexcSpotDecoderAllocationTest
{
    @Test
    void shouldDecodeAWarmedUpMixOfFramesWithoutAllocating() throws Exception
    {
        final CountingSink sink = new CountingSink();
        final InstrumentRegistry registry = new InstrumentRegistry();
        final MexcSpotDecoder decoder = new MexcSpotDecoder(new MexcDecoderContext()
            .instrumentRegistry(registry)
            .autoRegister(true)
            .messageSink(sink)
            .epochNanoClock(new ManualEpochNanoClock(1))
            .counterFactory(CounterFactory.local(8)));

        final String[] levels = { "93179.98", "2.82651", "93179.5", "1" };
        final String[] asks = { "93180.18", "0.21976424" };
        final List<byte[]> frames = new ArrayList<>();
        frames.add(MexcSpotFrames.aggreDeals(aggreDeal("93220.00", "0.04438243", 2, CREATE_TIME_MS, "7315798X0"),
            aggreDeal("93221.5", "1.5", 1, CREATE_TIME_MS, "")));
        frames.add(MexcSpotFrames.deals("1.25", "3", 1, CREATE_TIME_MS));
        frames.add(MexcSpotFrames.aggreDepth(5, 7, levels, asks));
        frames.add(MexcSpotFrames.increaseDepth(8, levels, asks));
        frames.add(MexcSpotFrames.increaseDepthBatch(MexcSpotFrames.increaseDepthBody(9, levels, asks),
            MexcSpotFrames.increaseDepthBody(10, levels, asks)));
        frames.add(MexcSpotFrames.limitDepth(11, levels, asks));
        frames.add(MexcSpotFrames.aggreBookTicker("93387.28", "3.73485", "93387.29", "7.669875", 12));
        frames.add(MexcSpotFrames.bookTicker("1", "2", "3", "4"));
        frames.add(MexcSpotFrames.bookTickerBatch(13, MexcSpotFrames.bookTickerBody("1", "2", "3", "4")));
        frames.add(PushDataV3ApiWrapper.parseFrom(frames.get(2)).toBuilder()
            .setUnknownFields(MexcSpotFrames.unknownFields()).build().toByteArray());
        frames.add(MexcSpotFrames.kline());
        frames.add("{\"id\":0,\"code\":0,\"msg\":\"PONG\"}".getBytes(StandardCharsets.US_ASCII));
        frames.add(Arrays.copyOf(frames.get(2), frames.get(2).length - 4));
        frames.add(MexcSpotFrames.aggreDeals(aggreDeal("1", "1", 3, CREATE_TIME_MS, "1")));
        frames.add(MexcSpotFrames.aggreDepth(5, 7, new String[]{ "1.000000001", "1" }, asks));
        final UnsafeBuffer[] buffers = frames.stream().map(UnsafeBuffer::new).toArray(UnsafeBuffer[]::new);

        final int id = registry.register(Venue.MEXC_SPOT, MexcSpotFrames.SYMBOL);
        final UnsafeBuffer snapshot = new UnsafeBuffer(("{\"lastUpdateId\":1112416,\"bids\":[[\"15.00000\"," +
            "\"49999.00000\"]],\"asks\":[[\"16.0000\",\"1.0000\"]]}").getBytes(StandardCharsets.US_ASCII));

        final Runnable decodeAll = () ->
        {
            for (final UnsafeBuffer buffer : buffers)
            {
                decoder.onFrame(buffer, 0, buffer.capacity(), 1_000);
            }
            decoder.onDepthSnapshot(id, snapshot, 0, snapshot.capacity(), 1_000);
        };

        decodeAll.run();
        assertEquals(3, decoder.decodeErrors());
        assertEquals(2, decoder.unsupportedFrames());
        assertTrue(sink.messages >= 14, "messages: " + sink.messages);

        AllocationMeter.assertAllocationFree(20_000, 2_000, decodeAll);
        assertTrue(0 != sink.checksum);
        decoder.close();
    }

    /**
     * A sink that reads every message's header and sums some of its bytes, allocating nothing.
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
