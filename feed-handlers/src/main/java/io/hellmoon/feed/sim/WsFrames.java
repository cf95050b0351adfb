/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.agrona.DirectBuffer;

/**
 * Encodes server-to-client WebSocket text frames (RFC 6455: FIN, opcode 1, unmasked) into pooled buffers.
 * <p>
 * Server frames are not masked, so the bytes of a frame are the same for every client: the market thread encodes
 * each frame once and gives every subscriber a retained duplicate. Written below Netty's WebSocket encoder, which
 * passes buffers that are not {@code WebSocketFrame}s through untouched.
 */
final class WsFrames
{
    private static final int FIN_TEXT = 0x81;

    private WsFrames()
    {
    }

    /**
     * A text frame holding {@code length} bytes of {@code source}.
     *
     * @return a buffer with one reference, owned by the caller.
     */
    static ByteBuf text(final ByteBufAllocator allocator, final DirectBuffer source, final int offset, final int length)
    {
        final ByteBuf frame = allocator.directBuffer(headerLength(length) + length);
        writeHeader(frame, length);
        final byte[] array = source.byteArray();
        if (null != array)
        {
            frame.writeBytes(array, (int)source.wrapAdjustment() + offset, length);
        }
        else
        {
            for (int i = 0; i < length; i++)
            {
                frame.writeByte(source.getByte(offset + i));
            }
        }
        return frame;
    }

    /**
     * A text frame of a byte array.
     *
     * @return a buffer with one reference, owned by the caller.
     */
    static ByteBuf text(final ByteBufAllocator allocator, final byte[] payload, final int offset, final int length)
    {
        final ByteBuf frame = allocator.directBuffer(headerLength(length) + length);
        writeHeader(frame, length);
        frame.writeBytes(payload, offset, length);
        return frame;
    }

    static int headerLength(final int payloadLength)
    {
        return payloadLength < 126 ? 2 : payloadLength <= 0xFFFF ? 4 : 10;
    }

    private static void writeHeader(final ByteBuf frame, final int length)
    {
        frame.writeByte(FIN_TEXT);
        if (length < 126)
        {
            frame.writeByte(length);
        }
        else if (length <= 0xFFFF)
        {
            frame.writeByte(126);
            frame.writeShort(length);
        }
        else
        {
            frame.writeByte(127);
            frame.writeLong(length);
        }
    }
}
