/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.hellmoon.feed.testing.ReferenceRebuild;
import io.hellmoon.test.TestData;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The book the simulator keeps renders the venues' own text: a capture's REST snapshot, read and rendered back,
 * is the same bytes; levels sort and update as a book's should; MEXC numbers are in their shortest form.
 */
class DepthRenderingTest
{
    @Test
    void shouldRenderTheCapturesSnapshotsByteForByte()
    {
        for (final String capture : List.of(SimTests.SPOT_BTC, SimTests.USDM_BTC, SimTests.USDM_ETH))
        {
            final SimTests.CaptureLine line = SimTests.capture(capture).stream()
                .filter(SimTests.CaptureLine::isSnapshot).findFirst().orElseThrow();
            final SimVenue venue = capture.contains("spot") ? SimVenue.BINANCE_SPOT : SimVenue.BINANCE_USDM;
            assertEquals(line.json(), render(venue, line.json()), capture);
        }

        final String reply = ReferenceRebuild.lines(TestData.file("binance/cryptofeed/BINANCE_FUTURES.http.0.0"))
            .get(0);
        final String body = reply.substring(reply.indexOf(": ") + 2).strip();
        assertEquals(body, render(SimVenue.BINANCE_USDM, body), "cryptofeed's USD-M snapshot");
    }

    @Test
    void shouldKeepLevelsSortedAndApplyZerosAsRemovals()
    {
        final MirrorBook book = new MirrorBook();
        book.set(true, 10050, 2, 1, 0);
        book.set(true, 10100, 2, 2, 0);
        book.set(true, 9900, 2, 3, 0);
        book.set(false, 10200, 2, 4, 0);
        book.set(false, 1015, 1, 5, 0);
        assertEquals(10100_000000L, book.bids().key(0), "best bid first");
        assertEquals(9900_000000L, book.bids().key(2));
        assertEquals(10150_000000L, book.asks().key(0), "101.5 and 102.00 compare by value, not by text");
        book.set(true, 100500, 3, 0, 0);
        assertEquals(2, book.bidCount(), "100.500 removes 100.50");
        book.set(false, 102, 0, 9, 0);
        assertEquals(9, book.asks().qtyDigits(1), "102 updates 102.00");
        assertEquals(0, book.asks().priceScale(1), "written as last received");
        assertFalse(book.set(true, 123456789, 9, 1, 0), "non-zero digits beyond 10^-8 cannot be keyed");
        assertEquals(MirrorBook.INVALID_KEY, MirrorBook.key(Long.MAX_VALUE, 0));
    }

    @Test
    void shouldWriteDecimalsAsReceivedAndInMexcsShortForm()
    {
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(64);
        assertEquals("0.00100000", text(out, MirrorBook.putDecimal(out, 0, 100000, 8)));
        assertEquals("61737.63000000", text(out, MirrorBook.putDecimal(out, 0, 6173763000000L, 8)));
        assertEquals("12", text(out, MirrorBook.putDecimal(out, 0, 12, 0)));
        assertEquals("39961.5", text(out, MirrorBook.putShortDecimal(out, 0, 3996150, 2)));
        assertEquals("100", text(out, MirrorBook.putShortDecimal(out, 0, 100000, 3)));
        assertEquals("0", text(out, MirrorBook.putShortDecimal(out, 0, 0, 8)));
    }

    @Test
    void shouldRejectMalformedDepthMessages()
    {
        final DepthMessage message = new DepthMessage();
        for (final String bad : List.of(
            "{\"U\":1,\"u\":2,\"b\":[[\"1.0\"]],\"a\":[]}",
            "{\"U\":1,\"u\":2,\"b\":[[1.0,\"2\"]],\"a\":[]}",
            "{\"U\":1,\"u\":2,\"b\":[[\"1..0\",\"2\"]],\"a\":[]}",
            "{\"U\":1,\"b\":[],\"a\":[]}",
            "{\"U\":1,\"u\":2,\"b\":[],\"a\":[]",
            "[1,2]"))
        {
            final byte[] bytes = bad.getBytes(StandardCharsets.US_ASCII);
            assertFalse(message.readDiff(new UnsafeBuffer(bytes), 0, bytes.length), bad);
            assertTrue(null != message.error(), bad);
        }
    }

    private static String render(final SimVenue venue, final String snapshot)
    {
        final byte[] bytes = snapshot.getBytes(StandardCharsets.US_ASCII);
        final DepthMessage message = new DepthMessage();
        assertTrue(message.readSnapshot(new UnsafeBuffer(bytes), 0, bytes.length), message.error());
        final MirrorBook book = new MirrorBook();
        assertEquals(0, message.applyTo(book));
        return new String(new DepthRenderer().binance(venue, book, message.finalUpdateId(), message.eventTimeMs(),
            message.transactionTimeMs(), null, null, 5000), StandardCharsets.US_ASCII);
    }

    private static String text(final ExpandableArrayBuffer out, final int length)
    {
        return out.getStringWithoutLengthAscii(0, length);
    }
}
