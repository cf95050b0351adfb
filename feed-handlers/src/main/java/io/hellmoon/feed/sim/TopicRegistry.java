/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.hellmoon.codecs.AsciiSymbolIndex;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every topic by name. Subscribing sessions look topics up by {@code String} on the event loops; the market thread
 * looks them up straight from a frame's bytes through {@link #topic(DirectBuffer, int, int)}, which builds a
 * {@code String} only the first time it meets a name. Topics are never removed: there are as many as the names the
 * source produces and clients ask for.
 */
final class TopicRegistry
{
    private static final int MAX_CACHED_NAME_LENGTH = 64;

    private final ConcurrentHashMap<String, Topic> topics = new ConcurrentHashMap<>();

    // Market thread only.
    private final AsciiSymbolIndex index = new AsciiSymbolIndex(1024);
    private final List<Topic> indexed = new ArrayList<>();

    /**
     * The topic of a name, created on first use. Any thread.
     */
    Topic topic(final String name)
    {
        return topics.computeIfAbsent(name, Topic::new);
    }

    /**
     * The topic of a name in a frame. Market thread only; names of up to 64 bytes are cached by their bytes
     * (case-insensitively, as stream names in one source are spelled consistently), longer ones cost a
     * {@code String} per call.
     */
    Topic topic(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length > MAX_CACHED_NAME_LENGTH)
        {
            return topic(buffer.getStringWithoutLengthAscii(offset, length));
        }
        final int slot = index.get(0, buffer, offset, length);
        if (AsciiSymbolIndex.MISSING != slot)
        {
            return indexed.get(slot - 1);
        }
        final String name = buffer.getStringWithoutLengthAscii(offset, length);
        final Topic topic = topic(name);
        indexed.add(topic);
        index.put(0, name, indexed.size());
        return topic;
    }
}
