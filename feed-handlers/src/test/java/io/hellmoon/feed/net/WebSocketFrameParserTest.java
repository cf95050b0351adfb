/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.net;

import io.hellmoon.test.AllocationMeter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.hellmoon.feed.testing.WebSocketFrames.BINARY;
import static io.hellmoon.feed.testing.WebSocketFrames.CLOSE;
import static io.hellmoon.feed.testing.WebSocketFrames.CONTINUATION;
import static io.hellmoon.feed.testing.WebSocketFrames.PING;
import static io.hellmoon.feed.testing.WebSocketFrames.PONG;
import static io.hellmoon.feed.testing.WebSocketFrames.TEXT;
import static io.hellmoon.feed.testing.WebSocketFrames.close;
import static io.hellmoon.feed.testing.WebSocketFrames.concat;
import static io.hellmoon.feed.testing.WebSocketFrames.frame;
import static io.hellmoon.feed.testing.WebSocketFrames.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebSocketFrameParserTest
{
    private static final byte[] KEY = { 0x37, (byte)0xfa, 0x21, 0x3d };

    private final Events events = new Events();
    private WebSocketFrameParser parser = new WebSocketFrameParser(events, 1 << 20, 4 << 20, false);

    @Test
    void shouldDeliverWholeFramesFromTheReadBufferWithoutCopying()
    {
        final UnsafeBuffer read = direct(concat(text("{\"a\":1}"), text("{\"b\":2}")));
        parser.onData(read, 0, read.capacity());

        assertEquals(List.of("text {\"a\":1}", "text {\"b\":2}"), events.list);
        assertSame(read, events.lastBuffer, "the payload is a window on the bytes read");
        assertEquals(0, parser.bytesCopied());
    }

    @Test
    void shouldReadSixteenAndSixtyFourBitLengths()
    {
        final String medium = "m".repeat(300);
        final String large = "L".repeat(70_000);
        final UnsafeBuffer read = direct(concat(text(medium), text(large), text("")));
        parser.onData(read, 0, read.capacity());

        assertEquals(List.of("text " + medium, "text " + large, "text "), events.list);
    }

    @Test
    void shouldReassembleFramesSplitAtEveryByte()
    {
        final byte[] stream = concat(
            text("{\"e\":\"trade\"}"), text("x".repeat(200)), frame(true, PING, bytes("p1"), null, 0),
            text("y".repeat(66_000)), frame(true, BINARY, new byte[] {1, 2, 3}, null, 0));
        final List<String> expected = List.of(
            "text {\"e\":\"trade\"}", "text " + "x".repeat(200), "ping p1", "text " + "y".repeat(66_000),
            "binary 010203");

        final int[] splits =
            { 1, 2, 3, 4, 5, 9, 10, 11, 14, 15, 16, 220, 224, 225, 226, 230, 66_000, stream.length - 1 };
        for (final int split : splits)
        {
            final Events splitEvents = new Events();
            final WebSocketFrameParser splitParser = new WebSocketFrameParser(splitEvents, 1 << 20, 4 << 20, false);
            final UnsafeBuffer first = direct(Arrays.copyOfRange(stream, 0, split));
            final UnsafeBuffer second = direct(Arrays.copyOfRange(stream, split, stream.length));
            splitParser.onData(first, 0, first.capacity());
            splitParser.onData(second, 0, second.capacity());
            assertEquals(expected, splitEvents.list, "split at " + split);
        }
    }

    @Test
    void shouldParseAStreamDeliveredOneByteAtATime()
    {
        final byte[] stream = concat(text("abc"), text("d".repeat(130)), close(1000, "bye"));
        for (final byte b : stream)
        {
            final UnsafeBuffer one = direct(new byte[] {b});
            parser.onData(one, 0, 1);
        }
        assertEquals(List.of("text abc", "text " + "d".repeat(130), "close 1000 bye"), events.list);
    }

    @Test
    void shouldJoinFragmentsWithControlFramesBetweenThem()
    {
        final UnsafeBuffer read = direct(concat(
            frame(false, TEXT, bytes("{\"stream\":"), null, 0),
            frame(true, PING, bytes("hi"), null, 0),
            frame(false, CONTINUATION, bytes("\"x\","), null, 0),
            frame(true, CONTINUATION, bytes("\"data\":1}"), null, 0),
            frame(false, BINARY, new byte[] {9}, null, 0),
            frame(true, CONTINUATION, new byte[] {8}, null, 0)));
        parser.onData(read, 0, read.capacity());

        assertEquals(List.of("ping hi", "text {\"stream\":\"x\",\"data\":1}", "binary 0908"), events.list);
        assertEquals(2, parser.fragmentedMessages());
    }

    @Test
    void shouldFailAContinuationWithoutAFragmentedMessage()
    {
        feed(frame(true, CONTINUATION, bytes("x"), null, 0));
        assertEquals(List.of("error 1002 continuation frame without a fragmented message"), events.list);
    }

    @Test
    void shouldFailANewMessageInsideAFragmentedOne()
    {
        feed(concat(frame(false, TEXT, bytes("a"), null, 0), text("b")));
        assertEquals(List.of("error 1002 new message before the fragmented one ended"), events.list);
    }

    @Test
    void shouldRefuseMaskedFramesFromTheServerUnlessAllowed()
    {
        feed(frame(true, TEXT, bytes("masked"), KEY, 0));
        assertEquals(List.of("error 1002 masked frame from the server"), events.list);

        final Events allowedEvents = new Events();
        parser = new WebSocketFrameParser(allowedEvents, 1 << 20, 4 << 20, true);
        final String longText = "0123456789abcdefghij-masked-payload";
        final UnsafeBuffer read = direct(concat(frame(true, TEXT, bytes("masked"), KEY, 0),
            frame(true, TEXT, bytes(longText), KEY, 0)));
        parser.onData(read, 0, read.capacity());
        assertEquals(List.of("text masked", "text " + longText), allowedEvents.list);
    }

    @Test
    void shouldDeliverPingsPongsAndTheCloseFrame()
    {
        feed(concat(frame(true, PING, bytes("ping-payload"), null, 0), frame(true, PONG, bytes(""), null, 0),
            close(1001, "going away"), text("after close")));
        assertEquals(List.of("ping ping-payload", "pong ", "close 1001 going away"), events.list);
        assertTrue(parser.isStopped());
    }

    @Test
    void shouldReportACloseWithoutStatusAsNoStatus()
    {
        feed(frame(true, CLOSE, new byte[0], null, 0));
        assertEquals(List.of("close 1005 "), events.list);
    }

    @Test
    void shouldFailMalformedControlFrames()
    {
        feed(frame(true, CLOSE, new byte[] {3}, null, 0));
        assertEquals(List.of("error 1002 close frame with a one-byte payload"), events.list);

        reset();
        feed(frame(true, PING, new byte[126], null, 0));
        assertEquals(List.of("error 1002 control frame payload longer than 125 bytes"), events.list);

        reset();
        feed(frame(false, PONG, new byte[1], null, 0));
        assertEquals(List.of("error 1002 fragmented control frame"), events.list);
    }

    @Test
    void shouldFailReservedBitsAndUnknownOpcodes()
    {
        feed(frame(true, TEXT, bytes("x"), null, 4));
        assertEquals(List.of("error 1002 reserved bits set but no extension was negotiated"), events.list);

        reset();
        feed(frame(true, 0x3, bytes("x"), null, 0));
        assertEquals(List.of("error 1002 unknown opcode"), events.list);
    }

    @Test
    void shouldRefuseAFrameLongerThanTheMaximumAsSoonAsItsHeaderArrives()
    {
        parser = new WebSocketFrameParser(events, 1000, 4000, false);
        final byte[] tooLong = frame(true, TEXT, new byte[1001], null, 0);
        feed(Arrays.copyOf(tooLong, 4));
        assertEquals(List.of("error 1009 frame longer than the maximum frame length"), events.list);
        assertEquals(0, parser.pendingLength(), "nothing buffered for it");
    }

    @Test
    void shouldRefuseAFragmentedMessageLongerThanTheMaximum()
    {
        parser = new WebSocketFrameParser(events, 1000, 1500, false);
        feed(concat(frame(false, TEXT, new byte[800], null, 0), frame(false, CONTINUATION, new byte[800], null, 0)));
        assertEquals(List.of("error 1009 fragmented message longer than the maximum message length"), events.list);
    }

    @Test
    void shouldRefuseANegativeSixtyFourBitLength()
    {
        feed(new byte[] {(byte)0x81, 127, (byte)0x80, 0, 0, 0, 0, 0, 0, 1});
        assertEquals(List.of("error 1009 frame longer than the maximum frame length"), events.list);
    }

    @Test
    void shouldNotAllocateWhileParsingWholeAndSplitFrames()
    {
        final byte[] stream = concat(text("{\"stream\":\"btcusdt@trade\",\"data\":{\"t\":1}}"), text("z".repeat(300)),
            frame(false, TEXT, bytes("part1"), null, 0), frame(true, CONTINUATION, bytes("part2"), null, 0));
        final UnsafeBuffer whole = direct(stream);
        final UnsafeBuffer head = direct(Arrays.copyOfRange(stream, 0, 47));
        final UnsafeBuffer tail = direct(Arrays.copyOfRange(stream, 47, stream.length));
        final CountingHandler counting = new CountingHandler();
        final WebSocketFrameParser countingParser = new WebSocketFrameParser(counting, 1 << 20, 4 << 20, false);

        AllocationMeter.assertAllocationFree(20_000, 10_000, () ->
        {
            countingParser.onData(whole, 0, whole.capacity());
            countingParser.onData(head, 0, head.capacity());
            countingParser.onData(tail, 0, tail.capacity());
        });
        assertTrue(counting.messages > 0);
    }

    private void feed(final byte[] bytes)
    {
        final UnsafeBuffer read = direct(bytes);
        parser.onData(read, 0, read.capacity());
    }

    private void reset()
    {
        events.list.clear();
        parser = new WebSocketFrameParser(events, 1 << 20, 4 << 20, false);
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static UnsafeBuffer direct(final byte[] bytes)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(bytes.length));
        buffer.putBytes(0, bytes);
        return buffer;
    }

    private static final class Events implements WebSocketFrameParser.Handler
    {
        final List<String> list = new ArrayList<>();
        DirectBuffer lastBuffer;

        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final boolean binary)
        {
            lastBuffer = buffer;
            if (binary)
            {
                final StringBuilder hex = new StringBuilder();
                for (int i = 0; i < length; i++)
                {
                    hex.append(String.format("%02x", buffer.getByte(offset + i)));
                }
                list.add("binary " + hex);
            }
            else
            {
                list.add("text " + buffer.getStringWithoutLengthUtf8(offset, length));
            }
        }

        public void onPing(final DirectBuffer buffer, final int offset, final int length)
        {
            list.add("ping " + buffer.getStringWithoutLengthUtf8(offset, length));
        }

        public void onPong(final DirectBuffer buffer, final int offset, final int length)
        {
            list.add("pong " + buffer.getStringWithoutLengthUtf8(offset, length));
        }

        public void onClose(final int statusCode, final DirectBuffer buffer, final int reasonOffset, final int length)
        {
            list.add("close " + statusCode + " " + buffer.getStringWithoutLengthUtf8(reasonOffset, length));
        }

        public void onProtocolError(final int closeCode, final String reason)
        {
            list.add("error " + closeCode + " " + reason);
        }
    }

    private static final class CountingHandler implements WebSocketFrameParser.Handler
    {
        long messages;
        long bytes;

        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final boolean binary)
        {
            messages++;
            bytes += buffer.getByte(offset + length - 1);
        }

        public void onPing(final DirectBuffer buffer, final int offset, final int length)
        {
        }

        public void onPong(final DirectBuffer buffer, final int offset, final int length)
        {
        }

        public void onClose(final int statusCode, final DirectBuffer buffer, final int reasonOffset, final int length)
        {
        }

        public void onProtocolError(final int closeCode, final String reason)
        {
        }
    }
}
