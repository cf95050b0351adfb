/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.AllocationMeter;
import io.hellmoon.test.TestData;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After warm-up, decoding every real MEXC message (futures pushes decoded, the rest classified), REST snapshots and
 * bad pushes allocates nothing on the decoding thread.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MexcFuturesDecoderAllocationTest
{
    @Test
    void shouldDecodeEveryRealMessageWithoutAllocating() throws IOException
    {
        final MexcSpotDecoderAllocationTest.CountingSink sink = new MexcSpotDecoderAllocationTest.CountingSink();
        final InstrumentRegistry registry = new InstrumentRegistry();
        final MexcFuturesDecoder decoder = new MexcFuturesDecoder(new MexcDecoderContext()
            .instrumentRegistry(registry)
            .autoRegister(true)
            .messageSink(sink)
            .epochNanoClock(new ManualEpochNanoClock(1))
            .counterFactory(CounterFactory.local(8)));

        final List<String> lines = Files.readAllLines(TestData.file("mexc/mexc.jsonl"));
        lines.add(lines.get(1).replace("\"T\":2", "\"T\":7"));
        lines.add(lines.get(4).substring(0, 60));
        final UnsafeBuffer[] frames = lines.stream()
            .map((line) -> new UnsafeBuffer(line.getBytes(StandardCharsets.US_ASCII))).toArray(UnsafeBuffer[]::new);
        final int usdt = registry.register(Venue.MEXC_FUTURES, "BTC_USDT");
        final UnsafeBuffer snapshot = frames[23];

        final Runnable decodeAll = () ->
        {
            for (final UnsafeBuffer frame : frames)
            {
                decoder.onFrame(frame, 0, frame.capacity(), 1_000);
            }
            decoder.onDepthSnapshot(usdt, snapshot, 0, snapshot.capacity(), 1_000);
        };

        decodeAll.run();
        assertEquals(2, decoder.decodeErrors());
        assertEquals(10, decoder.unsupportedFrames());
        assertTrue(sink.messages >= 17, "messages: " + sink.messages);

        AllocationMeter.assertAllocationFree(20_000, 2_000, decodeAll);
        assertTrue(0 != sink.checksum);
        decoder.close();
    }
}
