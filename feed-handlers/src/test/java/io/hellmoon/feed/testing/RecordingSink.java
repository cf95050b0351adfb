/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.testing;

import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatusDecoder;
import io.hellmoon.sbe.FeedStatusReason;
import io.hellmoon.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A sink that keeps a copy of every message, for tests to assert on what a component published, in order; it can
 * also forward each message to handlers (a summary, a checker) as a stream subscriber would see it.
 */
public final class RecordingSink implements MessageSink
{
    private final List<byte[]> messages = new ArrayList<>();
    private final List<SbeHandler> forwards = new ArrayList<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private boolean recording = true;
    private boolean accept = true;

    /**
     * Forward every message to a handler too.
     *
     * @param handler to forward to.
     * @return this.
     */
    public RecordingSink forwardTo(final SbeHandler handler)
    {
        forwards.add(handler);
        return this;
    }

    /**
     * Whether to keep copies (off for long replays that only forward).
     *
     * @param recording true to keep copies.
     * @return this.
     */
    public RecordingSink recording(final boolean recording)
    {
        this.recording = recording;
        return this;
    }

    /**
     * What {@link #offer} answers, to test refused offers.
     *
     * @param accept true to accept.
     * @return this.
     */
    public RecordingSink accept(final boolean accept)
    {
        this.accept = accept;
        return this;
    }

    /**
     * {@inheritDoc}
     */
    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        if (recording)
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            messages.add(copy);
        }
        for (final SbeHandler forward : forwards)
        {
            forward.onMessage(buffer, offset, length);
        }
        return accept;
    }

    /**
     * Forget the messages kept.
     */
    public void clear()
    {
        messages.clear();
    }

    /**
     * Number of messages kept.
     *
     * @return the count.
     */
    public int size()
    {
        return messages.size();
    }

    /**
     * A message kept.
     *
     * @param index in order of arrival.
     * @return a buffer over a copy.
     */
    public UnsafeBuffer message(final int index)
    {
        return new UnsafeBuffer(messages.get(index));
    }

    /**
     * Template id of a message kept.
     *
     * @param index in order of arrival.
     * @return the template id.
     */
    public int templateId(final int index)
    {
        header.wrap(message(index), 0);
        return header.templateId();
    }

    /**
     * Template ids of all messages kept.
     *
     * @return the ids in order.
     */
    public List<Integer> templateIds()
    {
        final List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++)
        {
            ids.add(templateId(i));
        }
        return ids;
    }

    /**
     * Count of kept messages with a template id.
     *
     * @param templateId to count.
     * @return the count.
     */
    public int count(final int templateId)
    {
        int count = 0;
        for (int i = 0; i < messages.size(); i++)
        {
            if (templateId(i) == templateId)
            {
                count++;
            }
        }
        return count;
    }

    /**
     * A FeedStatus as a value.
     *
     * @param instrumentId     of the status.
     * @param state            published.
     * @param reason           published.
     * @param lastUpdateId     published.
     * @param receivedUpdateId published.
     * @param resyncCount      published.
     */
    public record Status(
        int instrumentId, FeedState state, FeedStatusReason reason, long lastUpdateId, long receivedUpdateId,
        int resyncCount)
    {
    }

    /**
     * A BookLevels as a value.
     *
     * @param instrumentId  of the book.
     * @param lastUpdateId  of the book.
     * @param bidCount      levels in the bid side.
     * @param askCount      levels in the ask side.
     * @param bids          published levels, {price, size, ...}.
     * @param asks          published levels, {price, size, ...}.
     * @param eventTimeNs   published.
     * @param receiveTimeNs published.
     * @param publishTimeNs published.
     */
    public record Levels(
        int instrumentId, long lastUpdateId, int bidCount, int askCount, List<Long> bids, List<Long> asks,
        long eventTimeNs, long receiveTimeNs, long publishTimeNs)
    {
        /**
         * Best bid price, or null.
         *
         * @return the price.
         */
        public Long bestBid()
        {
            return bids.isEmpty() ? null : bids.get(0);
        }

        /**
         * Best ask price, or null.
         *
         * @return the price.
         */
        public Long bestAsk()
        {
            return asks.isEmpty() ? null : asks.get(0);
        }
    }

    /**
     * Decode a kept FeedStatus.
     *
     * @param index of a FeedStatus message.
     * @return the value.
     */
    public Status status(final int index)
    {
        final FeedStatusDecoder decoder = new FeedStatusDecoder();
        decoder.wrapAndApplyHeader(message(index), 0, new MessageHeaderDecoder());
        return new Status(decoder.instrumentId(), decoder.state(), decoder.reason(), decoder.lastUpdateId(),
            decoder.receivedUpdateId(), decoder.resyncCount());
    }

    /**
     * Decode a kept BookLevels.
     *
     * @param index of a BookLevels message.
     * @return the value.
     */
    public Levels levels(final int index)
    {
        final BookLevelsDecoder decoder = new BookLevelsDecoder();
        decoder.wrapAndApplyHeader(message(index), 0, new MessageHeaderDecoder());
        final List<Long> bids = new ArrayList<>();
        for (final BookLevelsDecoder.BidsDecoder level : decoder.bids())
        {
            bids.add(level.price());
            bids.add(level.size());
        }
        final List<Long> asks = new ArrayList<>();
        for (final BookLevelsDecoder.AsksDecoder level : decoder.asks())
        {
            asks.add(level.price());
            asks.add(level.size());
        }
        return new Levels(decoder.instrumentId(), decoder.lastUpdateId(), decoder.bidLevelCount(),
            decoder.askLevelCount(), bids, asks, decoder.eventTimeNs(), decoder.receiveTimeNs(),
            decoder.publishTimeNs());
    }

    /**
     * All kept FeedStatus messages as values.
     *
     * @return the statuses in order.
     */
    public List<Status> statuses()
    {
        final List<Status> list = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++)
        {
            if (FeedStatusDecoder.TEMPLATE_ID == templateId(i))
            {
                list.add(status(i));
            }
        }
        return list;
    }

    /**
     * All kept BookLevels messages as values.
     *
     * @return the books in order.
     */
    public List<Levels> levels()
    {
        final List<Levels> list = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++)
        {
            if (BookLevelsDecoder.TEMPLATE_ID == templateId(i))
            {
                list.add(levels(i));
            }
        }
        return list;
    }
}
