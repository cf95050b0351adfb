/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.net;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Parses the frames a WebSocket server sends (RFC 6455) in place, in whatever pieces the socket delivers them, and
 * hands each complete message to a {@link Handler} as a window on the bytes received.
 * <p>
 * <b>Why hand-written.</b> Netty's {@code WebSocket08FrameDecoder} allocates a {@code WebSocketFrame} and slices a
 * {@code ByteBuf} for every frame, and a {@code ByteToMessageDecoder} copies every read that does not end on a frame
 * boundary into its cumulation. The feed decodes on the I/O thread from the socket's own buffer, so this parser reads
 * frame headers where they lie and passes the payload's memory straight on: nothing is allocated or copied for a frame
 * that arrives whole in one read, which is nearly every market-data frame. Copies happen only where they cannot be
 * avoided: the head of a frame cut by the end of a read waits in a reusable buffer until the rest arrives, and the
 * fragments of a fragmented message are joined in another; both grow to the largest frame or message seen and are
 * then reused.
 * <p>
 * <b>Protocol.</b> Text and binary messages, whole or fragmented (continuation frames, with control frames allowed
 * between fragments); ping, pong and close frames, which must be final and carry at most 125 bytes. Frames from a
 * server are unmasked; a masked frame is a protocol error unless masked frames are allowed, in which case the payload
 * is unmasked in place. No extension is negotiated, so reserved bits must be 0. A frame longer than the maximum frame
 * length, or a fragmented message longer than the maximum message length, is refused with close code 1009; any other
 * violation with 1002. After a close frame or an error the parser ignores everything that follows. Text payloads are
 * not checked to be UTF-8: the venue decoders validate their content anyway.
 * <p>
 * Not thread safe: one parser per connection, called on its I/O thread.
 */
final class WebSocketFrameParser
{
    /**
     * Normal closure.
     */
    static final int CLOSE_NORMAL = 1000;

    /**
     * The endpoint is going away (server shutdown, or a client replacing its connection).
     */
    static final int CLOSE_GOING_AWAY = 1001;

    /**
     * Protocol error.
     */
    static final int CLOSE_PROTOCOL_ERROR = 1002;

    /**
     * A close frame without a status code.
     */
    static final int CLOSE_NO_STATUS = 1005;

    /**
     * The connection ended without a close frame (never sent on the wire).
     */
    static final int CLOSE_ABNORMAL = 1006;

    /**
     * A frame or message too big to process.
     */
    static final int CLOSE_MESSAGE_TOO_BIG = 1009;

    static final int OPCODE_CONTINUATION = 0x0;
    static final int OPCODE_TEXT = 0x1;
    static final int OPCODE_BINARY = 0x2;
    static final int OPCODE_CLOSE = 0x8;
    static final int OPCODE_PING = 0x9;
    static final int OPCODE_PONG = 0xA;

    /**
     * Longest frame header: 2 bytes, a 64-bit extended length and a masking key.
     */
    static final int MAX_HEADER_LENGTH = 14;

    private static final int MAX_CONTROL_PAYLOAD = 125;
    private static final int INCOMPLETE = -1;
    private static final int INVALID = -2;
    private static final int INITIAL_CAPACITY = 4096;

    /**
     * Receives what the parser finds; every buffer is valid only during the call.
     */
    interface Handler
    {
        /**
         * A complete text or binary message.
         *
         * @param buffer holding the payload.
         * @param offset of the first payload byte.
         * @param length of the payload.
         * @param binary true for a binary message, false for text.
         */
        void onMessage(DirectBuffer buffer, int offset, int length, boolean binary);

        /**
         * A ping; the connection must answer with a pong carrying the same payload.
         *
         * @param buffer holding the payload.
         * @param offset of the payload.
         * @param length of the payload, at most 125.
         */
        void onPing(DirectBuffer buffer, int offset, int length);

        /**
         * A pong.
         *
         * @param buffer holding the payload.
         * @param offset of the payload.
         * @param length of the payload, at most 125.
         */
        void onPong(DirectBuffer buffer, int offset, int length);

        /**
         * A close frame: the server ends the connection. Nothing is parsed after it.
         *
         * @param statusCode   from the frame, or {@link #CLOSE_NO_STATUS} when it carries none.
         * @param buffer       holding the reason.
         * @param reasonOffset of the UTF-8 reason.
         * @param reasonLength of the reason, possibly 0.
         */
        void onClose(int statusCode, DirectBuffer buffer, int reasonOffset, int reasonLength);

        /**
         * The server broke the protocol; the connection must be closed with the code. Nothing is parsed after it.
         *
         * @param closeCode {@link #CLOSE_PROTOCOL_ERROR} or {@link #CLOSE_MESSAGE_TOO_BIG}.
         * @param reason    a constant description for logs.
         */
        void onProtocolError(int closeCode, String reason);
    }

    private final Handler handler;
    private final int maxFrameLength;
    private final int maxMessageLength;
    private final boolean allowMaskedFrames;

    private UnsafeBuffer pending = newBuffer(INITIAL_CAPACITY);
    private int pendingLength;
    private UnsafeBuffer fragments = newBuffer(INITIAL_CAPACITY);
    private int fragmentsLength;
    private int fragmentedOpcode = OPCODE_CONTINUATION;
    private boolean stopped;

    private long framesParsed;
    private long messagesDelivered;
    private long fragmentedMessages;
    private long bytesCopied;

    /**
     * A parser.
     *
     * @param handler           to call.
     * @param maxFrameLength    longest frame payload accepted.
     * @param maxMessageLength  longest fragmented message accepted.
     * @param allowMaskedFrames unmask masked frames rather than fail the connection.
     */
    WebSocketFrameParser(
        final Handler handler, final int maxFrameLength, final int maxMessageLength, final boolean allowMaskedFrames)
    {
        this.handler = handler;
        this.maxFrameLength = maxFrameLength;
        this.maxMessageLength = maxMessageLength;
        this.allowMaskedFrames = allowMaskedFrames;
    }

    /**
     * Parse the next bytes of the connection: every frame they complete is handled, a trailing partial frame is kept
     * for the next call. Payloads are delivered from {@code buffer} itself wherever possible, and masked payloads are
     * unmasked in it, so the caller must own the bytes.
     *
     * @param buffer holding the bytes read.
     * @param offset of the first byte.
     * @param length of the bytes.
     */
    void onData(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        int position = offset;
        final int end = offset + length;

        if (0 != pendingLength)
        {
            position = completePending(buffer, position, end);
        }

        while (position < end && !stopped)
        {
            final int frameLength = frameLength(buffer, position, end - position);
            if (INVALID == frameLength)
            {
                return;
            }
            if (INCOMPLETE == frameLength || frameLength > end - position)
            {
                keepPending(buffer, position, end - position);
                return;
            }
            onFrame(buffer, position, frameLength);
            position += frameLength;
        }
    }

    /**
     * Whether a close frame or a protocol error ended parsing.
     *
     * @return true once stopped.
     */
    boolean isStopped()
    {
        return stopped;
    }

    /**
     * Stop parsing, e.g. when the connection is being closed.
     */
    void stop()
    {
        stopped = true;
    }

    /**
     * Bytes of an incomplete frame waiting for the rest.
     *
     * @return the length.
     */
    int pendingLength()
    {
        return pendingLength;
    }

    /**
     * Frames parsed, control frames included.
     *
     * @return the count.
     */
    long framesParsed()
    {
        return framesParsed;
    }

    /**
     * Text and binary messages delivered.
     *
     * @return the count.
     */
    long messagesDelivered()
    {
        return messagesDelivered;
    }

    /**
     * Messages that arrived in fragments and were joined.
     *
     * @return the count.
     */
    long fragmentedMessages()
    {
        return fragmentedMessages;
    }

    /**
     * Bytes copied: heads of frames split across reads, and fragments joined.
     *
     * @return the count.
     */
    long bytesCopied()
    {
        return bytesCopied;
    }

    private int completePending(final DirectBuffer buffer, final int start, final int end)
    {
        int position = start;
        while (0 != pendingLength && position < end)
        {
            final int frameLength = frameLength(pending, 0, pendingLength);
            if (INVALID == frameLength)
            {
                return end;
            }
            final int target = INCOMPLETE == frameLength ? headerLength(pending, pendingLength) : frameLength;
            if (pending.capacity() < target)
            {
                pending = grow(pending, pendingLength, target);
            }
            final int copied = Math.min(target - pendingLength, end - position);
            pending.putBytes(pendingLength, buffer, position, copied);
            pendingLength += copied;
            bytesCopied += copied;
            position += copied;

            if (INCOMPLETE != frameLength && pendingLength == frameLength)
            {
                pendingLength = 0;
                onFrame(pending, 0, frameLength);
            }
        }
        return position;
    }

    private void keepPending(final DirectBuffer buffer, final int offset, final int length)
    {
        if (pending.capacity() < length)
        {
            pending = grow(pending, 0, length);
        }
        pending.putBytes(0, buffer, offset, length);
        pendingLength = length;
        bytesCopied += length;
    }

    /**
     * Bytes the header needs: 2 until the second byte is known, then the whole header.
     */
    private static int headerLength(final DirectBuffer buffer, final int available)
    {
        if (available < 2)
        {
            return 2;
        }
        final int b1 = buffer.getByte(1) & 0xFF;
        final int length7 = b1 & 0x7F;
        return 2 + (126 == length7 ? 2 : 127 == length7 ? 8 : 0) + (0 != (b1 & 0x80) ? 4 : 0);
    }

    /**
     * The whole frame's length from its header, or {@link #INCOMPLETE} if the header is not all there, or
     * {@link #INVALID} (after reporting the error) when the frame is too long.
     */
    private int frameLength(final DirectBuffer buffer, final int offset, final int available)
    {
        if (available < 2)
        {
            return INCOMPLETE;
        }
        final int b1 = buffer.getByte(offset + 1) & 0xFF;
        final int length7 = b1 & 0x7F;
        final int extended = 126 == length7 ? 2 : 127 == length7 ? 8 : 0;
        final int headerLength = 2 + extended + (0 != (b1 & 0x80) ? 4 : 0);
        if (available < headerLength)
        {
            return INCOMPLETE;
        }

        final long payloadLength;
        if (2 == extended)
        {
            payloadLength = buffer.getShort(offset + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        }
        else if (8 == extended)
        {
            payloadLength = buffer.getLong(offset + 2, ByteOrder.BIG_ENDIAN);
        }
        else
        {
            payloadLength = length7;
        }

        if (payloadLength < 0 || payloadLength > maxFrameLength)
        {
            fail(CLOSE_MESSAGE_TOO_BIG, "frame longer than the maximum frame length");
            return INVALID;
        }
        return headerLength + (int)payloadLength;
    }

    private void onFrame(final MutableDirectBuffer buffer, final int offset, final int frameLength)
    {
        framesParsed++;
        final int b0 = buffer.getByte(offset) & 0xFF;
        final int b1 = buffer.getByte(offset + 1) & 0xFF;
        final boolean fin = 0 != (b0 & 0x80);
        final int opcode = b0 & 0x0F;
        final boolean masked = 0 != (b1 & 0x80);
        final int length7 = b1 & 0x7F;
        final int headerLength = 2 + (126 == length7 ? 2 : 127 == length7 ? 8 : 0) + (masked ? 4 : 0);
        final int payloadOffset = offset + headerLength;
        final int payloadLength = frameLength - headerLength;

        if (0 != (b0 & 0x70))
        {
            fail(CLOSE_PROTOCOL_ERROR, "reserved bits set but no extension was negotiated");
            return;
        }
        if (masked)
        {
            if (!allowMaskedFrames)
            {
                fail(CLOSE_PROTOCOL_ERROR, "masked frame from the server");
                return;
            }
            unmask(buffer, payloadOffset, payloadLength, payloadOffset - 4);
        }

        switch (opcode)
        {
            case OPCODE_TEXT, OPCODE_BINARY ->
            {
                if (OPCODE_CONTINUATION != fragmentedOpcode)
                {
                    fail(CLOSE_PROTOCOL_ERROR, "new message before the fragmented one ended");
                }
                else if (fin)
                {
                    messagesDelivered++;
                    handler.onMessage(buffer, payloadOffset, payloadLength, OPCODE_BINARY == opcode);
                }
                else
                {
                    fragmentedOpcode = opcode;
                    fragmentsLength = 0;
                    appendFragment(buffer, payloadOffset, payloadLength);
                }
            }
            case OPCODE_CONTINUATION ->
            {
                if (OPCODE_CONTINUATION == fragmentedOpcode)
                {
                    fail(CLOSE_PROTOCOL_ERROR, "continuation frame without a fragmented message");
                }
                else if (appendFragment(buffer, payloadOffset, payloadLength) && fin)
                {
                    final boolean binary = OPCODE_BINARY == fragmentedOpcode;
                    fragmentedOpcode = OPCODE_CONTINUATION;
                    messagesDelivered++;
                    fragmentedMessages++;
                    handler.onMessage(fragments, 0, fragmentsLength, binary);
                }
            }
            case OPCODE_CLOSE ->
            {
                if (isValidControl(fin, payloadLength))
                {
                    if (1 == payloadLength)
                    {
                        fail(CLOSE_PROTOCOL_ERROR, "close frame with a one-byte payload");
                        return;
                    }
                    stopped = true;
                    final int statusCode = payloadLength >= 2 ?
                        buffer.getShort(payloadOffset, ByteOrder.BIG_ENDIAN) & 0xFFFF : CLOSE_NO_STATUS;
                    final int reasonOffset = payloadLength >= 2 ? payloadOffset + 2 : payloadOffset;
                    handler.onClose(statusCode, buffer, reasonOffset, Math.max(0, payloadLength - 2));
                }
            }
            case OPCODE_PING ->
            {
                if (isValidControl(fin, payloadLength))
                {
                    handler.onPing(buffer, payloadOffset, payloadLength);
                }
            }
            case OPCODE_PONG ->
            {
                if (isValidControl(fin, payloadLength))
                {
                    handler.onPong(buffer, payloadOffset, payloadLength);
                }
            }
            default -> fail(CLOSE_PROTOCOL_ERROR, "unknown opcode");
        }
    }

    private boolean isValidControl(final boolean fin, final int payloadLength)
    {
        if (!fin)
        {
            fail(CLOSE_PROTOCOL_ERROR, "fragmented control frame");
            return false;
        }
        if (payloadLength > MAX_CONTROL_PAYLOAD)
        {
            fail(CLOSE_PROTOCOL_ERROR, "control frame payload longer than 125 bytes");
            return false;
        }
        return true;
    }

    private boolean appendFragment(final DirectBuffer buffer, final int offset, final int length)
    {
        final long newLength = (long)fragmentsLength + length;
        if (newLength > maxMessageLength)
        {
            fail(CLOSE_MESSAGE_TOO_BIG, "fragmented message longer than the maximum message length");
            return false;
        }
        if (fragments.capacity() < newLength)
        {
            fragments = grow(fragments, fragmentsLength, (int)newLength);
        }
        fragments.putBytes(fragmentsLength, buffer, offset, length);
        fragmentsLength = (int)newLength;
        bytesCopied += length;
        return true;
    }

    private void fail(final int closeCode, final String reason)
    {
        stopped = true;
        pendingLength = 0;
        fragmentedOpcode = OPCODE_CONTINUATION;
        handler.onProtocolError(closeCode, reason);
    }

    private static void unmask(
        final MutableDirectBuffer buffer, final int offset, final int length, final int keyOffset)
    {
        final int key = buffer.getInt(keyOffset, ByteOrder.BIG_ENDIAN);
        final long key64 = ((key & 0xFFFF_FFFFL) << 32) | (key & 0xFFFF_FFFFL);
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES)
        {
            buffer.putLong(offset + i, buffer.getLong(offset + i, ByteOrder.BIG_ENDIAN) ^ key64, ByteOrder.BIG_ENDIAN);
        }
        for (; i < length; i++)
        {
            final int keyByte = (key >>> (24 - 8 * (i & 3))) & 0xFF;
            buffer.putByte(offset + i, (byte)(buffer.getByte(offset + i) ^ keyByte));
        }
    }

    private static UnsafeBuffer grow(final UnsafeBuffer buffer, final int keep, final int required)
    {
        final int capacity = (int)Math.min(Integer.MAX_VALUE - 8, Math.max(required, 2L * buffer.capacity()));
        final UnsafeBuffer grown = newBuffer(capacity);
        grown.putBytes(0, buffer, 0, keep);
        return grown;
    }

    private static UnsafeBuffer newBuffer(final int capacity)
    {
        return new UnsafeBuffer(ByteBuffer.allocateDirect(capacity));
    }
}
