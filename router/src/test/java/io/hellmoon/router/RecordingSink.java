/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router;

import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.sbe.DecisionDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.OrderIntentDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a copy of every message the router publishes and decodes them on request.
 */
final class RecordingSink implements MessageSink
{
    private final List<byte[]> messages = new ArrayList<>();
    private boolean recording = true;
    private long count;

    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        count++;
        if (recording)
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            messages.add(copy);
        }
        return true;
    }

    /**
     * Stop keeping copies (for the allocation test); messages are still counted.
     */
    void recording(final boolean recording)
    {
        this.recording = recording;
    }

    long count()
    {
        return count;
    }

    void clear()
    {
        messages.clear();
    }

    int size()
    {
        return messages.size();
    }

    int templateId(final int index)
    {
        return new MessageHeaderDecoder().wrap(new UnsafeBuffer(messages.get(index)), 0).templateId();
    }

    List<DecisionDecoder> decisions()
    {
        final List<DecisionDecoder> result = new ArrayList<>();
        for (final byte[] message : messages)
        {
            final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(new UnsafeBuffer(message), 0);
            if (DecisionDecoder.TEMPLATE_ID == header.templateId())
            {
                result.add(new DecisionDecoder().wrapAndApplyHeader(new UnsafeBuffer(message), 0, header));
            }
        }
        return result;
    }

    List<OrderIntentDecoder> intents()
    {
        final List<OrderIntentDecoder> result = new ArrayList<>();
        for (final byte[] message : messages)
        {
            final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(new UnsafeBuffer(message), 0);
            if (OrderIntentDecoder.TEMPLATE_ID == header.templateId())
            {
                result.add(new OrderIntentDecoder().wrapAndApplyHeader(new UnsafeBuffer(message), 0, header));
            }
        }
        return result;
    }

    DecisionDecoder lastDecision()
    {
        final List<DecisionDecoder> decisions = decisions();
        return decisions.get(decisions.size() - 1);
    }
}
