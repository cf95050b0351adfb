/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds WebSocket frames byte by byte (RFC 6455), to feed a client's parser exactly what a test needs: any opcode,
 * FIN or not, masked or not, any length encoding, reserved bits.
 */
public final class WebSocketFrames
{
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private WebSocketFrames()
    {
    }

    /**
     * A final, unmasked text frame.
     *
     * @param text payload.
     * @return the frame's bytes.
     */
    public static byte[] text(final String text)
    {
        return frame(true, TEXT, text.getBytes(StandardCharsets.UTF_8), null, 0);
    }

    /**
     * A frame.
     *
     * @param fin     final bit.
     * @param opcode  opcode.
     * @param payload payload.
     * @param maskKey 4-byte key to mask with, or null.
     * @param rsv     reserved bits (0..7), shifted into place.
     * @return the frame's bytes.
     */
    public static byte[] frame(final boolean fin, final int opcode, final byte[] payload, final byte[] maskKey,
        final int rsv)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        final int mask = null != maskKey ? 0x80 : 0;
        if (payload.length < 126)
        {
            out.write(mask | payload.length);
        }
        else if (payload.length <= 0xFFFF)
        {
            out.write(mask | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        }
        else
        {
            out.write(mask | 127);
            final long length = payload.length;
            for (int shift = 56; shift >= 0; shift -= 8)
            {
                out.write((int)(length >>> shift) & 0xFF);
            }
        }
        if (null != maskKey)
        {
            out.write(maskKey, 0, 4);
            final byte[] masked = payload.clone();
            for (int i = 0; i < masked.length; i++)
            {
                masked[i] ^= maskKey[i & 3];
            }
            out.write(masked, 0, masked.length);
        }
        else
        {
            out.write(payload, 0, payload.length);
        }
        return out.toByteArray();
    }

    /**
     * A close frame.
     *
     * @param code   status code.
     * @param reason text.
     * @return the frame's bytes.
     */
    public static byte[] close(final int code, final String reason)
    {
        final byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        final byte[] payload = new byte[2 + text.length];
        payload[0] = (byte)(code >>> 8);
        payload[1] = (byte)code;
        System.arraycopy(text, 0, payload, 2, text.length);
        return frame(true, CLOSE, payload, null, 0);
    }

    /**
     * Join byte arrays.
     *
     * @param parts to join.
     * @return the concatenation.
     */
    public static byte[] concat(final byte[]... parts)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] part : parts)
        {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }
}
