/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import io.hellmoon.feed.testing.RecordingSink;
import io.hellmoon.sbe.MessageHeaderDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reads back what a decoder published: a recorded message wrapped by the generated decoder of its template.
 */
final class Decoded
{
    private Decoded()
    {
    }

    /**
     * Wrap a recorded message, checking it is of the decoder's template.
     */
    static <T extends MessageDecoderFlyweight> T message(final RecordingSink sink, final int index, final T decoder)
    {
        final UnsafeBuffer message = sink.message(index);
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(message, 0);
        assertEquals(decoder.sbeTemplateId(), header.templateId(), "template of message " + index);
        decoder.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        return decoder;
    }
}
