/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs.aeron;

import org.agrona.DirectBuffer;

/**
 * Where a component sends the SBE messages it produces. In a process this is an {@link AeronPublisher}; a component
 * tested without Aeron gets a sink that decodes or records what it is given.
 */
@FunctionalInterface
public interface MessageSink
{
    /**
     * Send one encoded message (header included). The bytes are only valid for the duration of the call.
     *
     * @param buffer holding the message.
     * @param offset of the message header.
     * @param length of header and message.
     * @return true if sent, false if the sink's policy dropped it (already counted by the sink).
     */
    boolean offer(DirectBuffer buffer, int offset, int length);
}
