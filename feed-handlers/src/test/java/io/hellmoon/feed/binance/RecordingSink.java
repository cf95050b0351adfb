/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A sink for tests: decodes every message it is offered into {@link MessageText} (which also checks the offered
 * length is exactly the encoded length) and keeps a copy of its bytes.
 */
final class RecordingSink implements MessageSink
{
    private final MessageText.Renderer renderer;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final List<String> texts = new ArrayList<>();
    private final List<UnsafeBuffer> messages = new ArrayList<>();

    RecordingSink(final InstrumentRegistry registry)
    {
        renderer = new MessageText.Renderer(registry);
    }

    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        texts.add(renderer.render(buffer, offset, length));
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        messages.add(new UnsafeBuffer(copy));
        return true;
    }

    List<String> texts()
    {
        return texts;
    }

    int size()
    {
        return texts.size();
    }

    String text(final int index)
    {
        return texts.get(index);
    }

    /**
     * A copy of a message's bytes, header first.
     */
    UnsafeBuffer message(final int index)
    {
        return messages.get(index);
    }

    int templateId(final int index)
    {
        return header.wrap(messages.get(index), 0).templateId();
    }

    String last()
    {
        return texts.get(texts.size() - 1);
    }

    void clear()
    {
        texts.clear();
        messages.clear();
    }
}
