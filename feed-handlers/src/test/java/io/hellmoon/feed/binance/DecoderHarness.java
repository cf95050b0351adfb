/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A decoder wired to a recording sink, a manual clock and local counters, fed frames placed in the middle of a
 * larger buffer surrounded by junk, so a decoder that reads outside its region would notice.
 */
final class DecoderHarness implements AutoCloseable
{
    static final long RECEIVE_TIME_NS = 1_700_000_000_123_456_789L;
    static final long PUBLISH_TIME_NS = 1_700_000_000_223_456_789L;
    static final int FRAME_OFFSET = 13;

    final InstrumentRegistry registry;
    final ManualEpochNanoClock clock = new ManualEpochNanoClock(PUBLISH_TIME_NS);
    final RecordingSink sink;
    final BinanceJsonDecoder decoder;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);

    DecoderHarness(final Venue venue, final boolean autoRegister)
    {
        this(venue, new InstrumentRegistry(), (context) -> context.autoRegister(autoRegister));
    }

    DecoderHarness(
        final Venue venue, final InstrumentRegistry registry, final UnaryOperator<BinanceJsonDecoder.Context> settings)
    {
        this.registry = registry;
        this.sink = new RecordingSink(registry);
        this.decoder = new BinanceJsonDecoder(settings.apply(new BinanceJsonDecoder.Context()
            .venue(venue)
            .instrumentRegistry(registry)
            .messageSink(sink)
            .epochNanoClock(clock)
            .counterFactory(CounterFactory.local(8))));
    }

    /**
     * Decode a frame and return the texts of the messages it published.
     */
    List<String> frame(final String json)
    {
        return frame(json.getBytes(StandardCharsets.UTF_8));
    }

    List<String> frame(final byte[] json)
    {
        final int before = sink.size();
        decoder.onFrame(place(json), FRAME_OFFSET, json.length, RECEIVE_TIME_NS);
        return List.copyOf(sink.texts().subList(before, sink.size()));
    }

    List<String> snapshot(final int instrumentId, final String json)
    {
        return snapshot(instrumentId, json.getBytes(StandardCharsets.UTF_8));
    }

    List<String> snapshot(final int instrumentId, final byte[] json)
    {
        final int before = sink.size();
        decoder.onDepthSnapshot(instrumentId, place(json), FRAME_OFFSET, json.length, RECEIVE_TIME_NS);
        return List.copyOf(sink.texts().subList(before, sink.size()));
    }

    String drainErrors()
    {
        final StringBuilder out = new StringBuilder();
        decoder.errorLog().drain(out, Integer.MAX_VALUE);
        return out.toString();
    }

    int id(final Venue venue, final String symbol)
    {
        return registry.idOf(venue, symbol);
    }

    public void close()
    {
        decoder.close();
    }

    private UnsafeBuffer place(final byte[] json)
    {
        // Junk that would make a decoder reading past either end of the region fail or misread.
        final byte[] bytes = new byte[FRAME_OFFSET + json.length + 17];
        Arrays.fill(bytes, (byte)'9');
        bytes[FRAME_OFFSET - 1] = '"';
        System.arraycopy(json, 0, bytes, FRAME_OFFSET, json.length);
        bytes[FRAME_OFFSET + json.length] = ',';
        buffer.wrap(bytes);
        return buffer;
    }
}
