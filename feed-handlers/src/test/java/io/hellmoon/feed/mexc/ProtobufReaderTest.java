/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written reader against protobuf-java's own encoder.
 */
class ProtobufReaderTest
{
    private final ProtobufReader reader = new ProtobufReader();

    @Test
    void shouldReadEveryWireTypeAsProtobufJavaWritesIt() throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeInt32(1, -2);
        out.writeInt64(2, Long.MIN_VALUE);
        out.writeUInt64(3, -1L);
        out.writeSInt32(4, -123_456);
        out.writeSInt64(5, Long.MIN_VALUE + 1);
        out.writeFixed64(6, 0x0102030405060708L);
        out.writeFixed32(7, 0xF1F2F3F4);
        out.writeString(8, "93220.00");
        out.writeBytes(9, ByteString.EMPTY);
        out.writeBool(ProtobufReader.MAX_FIELD_NUMBER, true);
        out.flush();
        final byte[] message = bytes.toByteArray();
        final UnsafeBuffer buffer = placed(message);

        reader.wrap(buffer, 7, message.length);
        assertTrue(reader.next());
        assertField(1, ProtobufReader.WIRE_VARINT);
        assertEquals(-2, (int)reader.value(), "a negative int32 is a ten-byte varint");
        assertTrue(reader.next());
        assertEquals(Long.MIN_VALUE, reader.value());
        assertTrue(reader.next());
        assertEquals(-1L, reader.value());
        assertTrue(reader.next());
        assertEquals(-123_456, ProtobufReader.decodeZigZag32((int)reader.value()));
        assertTrue(reader.next());
        assertEquals(Long.MIN_VALUE + 1, ProtobufReader.decodeZigZag64(reader.value()));
        assertTrue(reader.next());
        assertField(6, ProtobufReader.WIRE_FIXED64);
        assertEquals(0x0102030405060708L, reader.value());
        assertTrue(reader.next());
        assertField(7, ProtobufReader.WIRE_FIXED32);
        assertEquals(0xF1F2F3F4L, reader.value());
        assertTrue(reader.next());
        assertField(8, ProtobufReader.WIRE_LENGTH_DELIMITED);
        assertEquals("93220.00", buffer.getStringWithoutLengthAscii(reader.valueOffset(), reader.valueLength()));
        assertTrue(reader.next());
        assertEquals(0, reader.valueLength());
        assertTrue(reader.next());
        assertField(ProtobufReader.MAX_FIELD_NUMBER, ProtobufReader.WIRE_VARINT);
        assertEquals(1, reader.value());
        assertFalse(reader.next());
        assertEquals(ProtobufReader.NO_ERROR, reader.errorCode());
    }

    @Test
    void shouldReadRandomVarintsExactly() throws IOException
    {
        final SplittableRandom random = new SplittableRandom(20_260_101);
        for (int i = 0; i < 10_000; i++)
        {
            final long value = random.nextLong() >>> random.nextInt(64);
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            final CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeUInt64(1 + random.nextInt(ProtobufReader.MAX_FIELD_NUMBER), value);
            out.flush();
            final byte[] message = bytes.toByteArray();
            reader.wrap(new UnsafeBuffer(message), 0, message.length);
            assertTrue(reader.next());
            assertEquals(value, reader.value());
            assertFalse(reader.next());
            assertEquals(ProtobufReader.NO_ERROR, reader.errorCode());
        }
    }

    @Test
    void shouldReportTruncationAtEveryCut() throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeInt64(5, -7);
        out.writeString(3, "BTCUSDT");
        out.writeFixed64(9, 1);
        out.writeFixed32(10, 1);
        out.flush();
        final byte[] message = bytes.toByteArray();
        final int[] fieldEnds = { 11, 20, 29, 34 };

        for (int length = 1; length < message.length; length++)
        {
            reader.wrap(placed(message), 7, length);
            int fields = 0;
            while (reader.next())
            {
                fields++;
            }
            final boolean atFieldEnd = Arrays.binarySearch(fieldEnds, length) >= 0;
            assertEquals(atFieldEnd ? ProtobufReader.NO_ERROR : ProtobufReader.ERROR_TRUNCATED, reader.errorCode(),
                "cut at " + length);
            if (!atFieldEnd)
            {
                assertEquals(7 + length, reader.errorPosition(), "a cut is reported at the end of the region");
            }
            assertTrue(fields <= 4);
        }
    }

    @Test
    void shouldRefuseMalformedVarintsGroupsAndBadFieldNumbers()
    {
        assertError(ProtobufReader.ERROR_MALFORMED_VARINT, 0x08,
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01);
        assertError(ProtobufReader.ERROR_MALFORMED_VARINT, 0x08,
            0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02);
        assertError(ProtobufReader.ERROR_BAD_WIRE_TYPE, 0x0B, 0x0C);
        assertError(ProtobufReader.ERROR_BAD_WIRE_TYPE, 0x0E);
        assertError(ProtobufReader.ERROR_BAD_FIELD_NUMBER, 0x00, 0x01);
        assertError(ProtobufReader.ERROR_BAD_FIELD_NUMBER, 0xF8, 0xFF, 0xFF, 0xFF, 0x7F, 0x00);
        assertError(ProtobufReader.ERROR_TRUNCATED, 0x1A, 0x05, 'a', 'b');
        assertError(ProtobufReader.ERROR_TRUNCATED, 0x1A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F);
        assertEquals("MALFORMED_VARINT", ProtobufReader.errorName(ProtobufReader.ERROR_MALFORMED_VARINT));
    }

    @Test
    void shouldStayFailedUntilWrappedAgain()
    {
        final byte[] message = { 0x0E, 0x08, 0x01 };
        reader.wrap(new UnsafeBuffer(message), 0, message.length);
        assertFalse(reader.next());
        assertFalse(reader.next());
        assertEquals(ProtobufReader.ERROR_BAD_WIRE_TYPE, reader.errorCode());
        reader.wrap(new UnsafeBuffer(message), 1, 2);
        assertTrue(reader.next());
        assertEquals(1, reader.value());
    }

    private void assertError(final int errorCode, final int... bytes)
    {
        final byte[] message = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++)
        {
            message[i] = (byte)bytes[i];
        }
        reader.wrap(new UnsafeBuffer(message), 0, message.length);
        while (reader.next())
        {
            assertTrue(reader.fieldNumber() > 0);
        }
        assertEquals(errorCode, reader.errorCode(), new String(message, StandardCharsets.ISO_8859_1));
    }

    private void assertField(final int fieldNumber, final int wireType)
    {
        assertEquals(fieldNumber, reader.fieldNumber());
        assertEquals(wireType, reader.wireType());
    }

    private static UnsafeBuffer placed(final byte[] message)
    {
        final byte[] padded = new byte[7 + message.length + 16];
        Arrays.fill(padded, (byte)0x80);
        System.arraycopy(message, 0, padded, 7, message.length);
        return new UnsafeBuffer(padded);
    }
}
