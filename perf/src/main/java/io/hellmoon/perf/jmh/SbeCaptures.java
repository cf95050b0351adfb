/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.jmh;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.feed.binance.BinanceJsonDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Real captures turned into the SBE messages Hellmoon's feed publishes, by Hellmoon's own decoder, as copies the
 * benchmarks can offer again and again. Setup only: allocates freely.
 */
final class SbeCaptures
{
    private SbeCaptures()
    {
    }

    /**
     * Decode hftbacktest capture lines (stream frames and REST snapshot bodies, as {@link Captures#hftbacktestJson}
     * gives them) for one symbol into SBE messages, definitions included, in order.
     *
     * @param venue    of the capture.
     * @param symbol   of the capture, for the snapshots' instrument id.
     * @param registry the instruments are registered in.
     * @param json     the lines.
     * @return one copy per SBE message.
     * @throws IllegalStateException if any line fails to decode.
     */
    static List<UnsafeBuffer> decode(
        final Venue venue, final String symbol, final InstrumentRegistry registry, final List<String> json)
    {
        final List<UnsafeBuffer> messages = new ArrayList<>();
        final int instrumentId = registry.register(venue, symbol);
        try (BinanceJsonDecoder decoder = new BinanceJsonDecoder(new BinanceJsonDecoder.Context()
            .venue(venue)
            .instrumentRegistry(registry)
            .autoRegister(true)
            .announceInstruments(true)
            .messageSink((buffer, offset, length) ->
            {
                final byte[] copy = new byte[length];
                buffer.getBytes(offset, copy);
                messages.add(new UnsafeBuffer(copy));
                return true;
            })
            .epochNanoClock(new ManualEpochNanoClock(0))
            .counterFactory(CounterFactory.local(8))))
        {
            long receiveTimeNs = 1;
            for (final String line : json)
            {
                final UnsafeBuffer frame = new UnsafeBuffer(line.getBytes(StandardCharsets.UTF_8));
                if (line.startsWith("{\"lastUpdateId\""))
                {
                    decoder.onDepthSnapshot(instrumentId, frame, 0, frame.capacity(), receiveTimeNs++);
                }
                else
                {
                    decoder.onFrame(frame, 0, frame.capacity(), receiveTimeNs++);
                }
            }
            if (0 != decoder.decodeErrors())
            {
                final StringBuilder errors = new StringBuilder();
                decoder.errorLog().drain(errors, 10);
                throw new IllegalStateException("decode errors: " + errors);
            }
        }
        return messages;
    }

    /**
     * The template id of a message.
     *
     * @param message header and body.
     * @return its template id.
     */
    static int templateId(final UnsafeBuffer message)
    {
        return new MessageHeaderDecoder().wrap(message, 0).templateId();
    }
}
