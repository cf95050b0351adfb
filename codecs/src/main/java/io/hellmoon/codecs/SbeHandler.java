/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs;

import org.agrona.DirectBuffer;

/**
 * Takes whole SBE messages (header included) from a stream. Component cores implement it, so they can be driven by
 * an Aeron subscription in a process and by plain calls in tests; their Aeron adapters only reassemble fragments and
 * pass messages on.
 */
@FunctionalInterface
public interface SbeHandler
{
    /**
     * One message. The bytes are only valid for the duration of the call.
     *
     * @param buffer holding the message.
     * @param offset of the message header.
     * @param length of header and message.
     */
    void onMessage(DirectBuffer buffer, int offset, int length);
}
