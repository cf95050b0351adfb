/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed;

import org.agrona.DirectBuffer;

/**
 * Raw venue bytes entering the appliance: WebSocket frames and REST depth snapshots, exactly as a venue sent them.
 * <p>
 * Live connections, replayers of recorded captures and the synthetic market all deliver through this interface, so
 * everything after it (decoders, books, publication) is the same code whatever the source.
 */
public interface VenueFrameHandler
{
    /**
     * One WebSocket message as received (a combined-stream envelope, a raw stream event, or a binary frame).
     *
     * @param buffer        holding the frame; valid only during the call.
     * @param offset        of the first byte.
     * @param length        in bytes.
     * @param receiveTimeNs when it was received, epoch nanoseconds.
     */
    void onFrame(DirectBuffer buffer, int offset, int length, long receiveTimeNs);

    /**
     * The body of a REST depth snapshot reply for one instrument.
     *
     * @param instrumentId  the snapshot is for; REST replies do not always name their symbol.
     * @param buffer        holding the body; valid only during the call.
     * @param offset        of the first byte.
     * @param length        in bytes.
     * @param receiveTimeNs when it was received, epoch nanoseconds.
     */
    void onDepthSnapshot(int instrumentId, DirectBuffer buffer, int offset, int length, long receiveTimeNs);
}
