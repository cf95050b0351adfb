/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.book;

import io.hellmoon.feed.testing.SbeMessages;
import io.hellmoon.sbe.DepthSnapshotDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.test.AllocationMeter;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.hellmoon.feed.testing.SbeMessages.levels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderBookTest
{
    private final OrderBook book = new OrderBook(4, 100);

    @Test
    void shouldOrderBidsDescendingAndAsksAscending()
    {
        book.setBid(100, 1);
        book.setBid(102, 2);
        book.setBid(101, 3);
        book.setAsk(105, 4);
        book.setAsk(103, 5);
        book.setAsk(104, 6);

        assertEquals(3, book.bidLevelCount());
        assertEquals(3, book.askLevelCount());
        assertEquals(102, book.bidPrice(0));
        assertEquals(2, book.bidSize(0));
        assertEquals(101, book.bidPrice(1));
        assertEquals(100, book.bidPrice(2));
        assertEquals(103, book.askPrice(0));
        assertEquals(5, book.askSize(0));
        assertEquals(104, book.askPrice(1));
        assertEquals(105, book.askPrice(2));
        assertEquals(102, book.bestBidPrice());
        assertEquals(103, book.bestAskPrice());
        assertFalse(book.isCrossed());
    }

    @Test
    void shouldReplaceSizeRemoveOnZeroAndIgnoreRemovalOfAbsentLevel()
    {
        book.setBid(100, 1);
        book.setBid(99, 2);
        book.setBid(100, 7);
        assertEquals(7, book.bidSizeAt(100));
        assertEquals(2, book.bidLevelCount());

        book.setBid(100, 0);
        assertEquals(1, book.bidLevelCount());
        assertEquals(99, book.bestBidPrice());
        assertEquals(0, book.bidSizeAt(100));

        book.setBid(50, 0);
        book.setAsk(50, 0);
        assertEquals(1, book.bidLevelCount());
        assertEquals(0, book.askLevelCount());
    }

    @Test
    void shouldReportEmptySidesWithNullPrices()
    {
        assertTrue(book.isEmpty());
        assertEquals(Long.MIN_VALUE, book.bestBidPrice());
        assertEquals(Long.MIN_VALUE, book.bestAskPrice());
        assertEquals(0, book.bestBidSize());
        assertFalse(book.isCrossed());
        book.setAsk(10, 1);
        assertFalse(book.isCrossed());
    }

    @Test
    void shouldDetectCrossedAndLockedBooks()
    {
        book.setBid(100, 1);
        book.setAsk(101, 1);
        assertFalse(book.isCrossed());
        book.setAsk(100, 1);
        assertTrue(book.isCrossed(), "locked counts as crossed");
        book.setAsk(100, 0);
        book.setBid(102, 1);
        assertTrue(book.isCrossed());
    }

    @Test
    void shouldCopyTopLevelsBestFirst()
    {
        for (int i = 1; i <= 10; i++)
        {
            book.setBid(100 - i, i);
            book.setAsk(100 + i, i);
        }
        final long[] prices = new long[3];
        final long[] sizes = new long[3];
        assertEquals(3, book.copyBids(prices, sizes, 5));
        assertArrayEquals(new long[]{ 99, 98, 97 }, prices);
        assertArrayEquals(new long[]{ 1, 2, 3 }, sizes);
        assertEquals(2, book.copyAsks(prices, sizes, 2));
        assertEquals(101, prices[0]);
        assertEquals(102, prices[1]);
    }

    @Test
    void shouldGrowFromInitialCapacityToMax()
    {
        for (int i = 0; i < 100; i++)
        {
            assertTrue(book.setBid(1000 + i, 1));
        }
        assertEquals(100, book.bidLevelCount());
        assertEquals(1099, book.bestBidPrice());
        assertEquals(0, book.levelsDroppedAtCapacity());
    }

    @Test
    void shouldKeepBestLevelsAtCapacity()
    {
        final OrderBook small = new OrderBook(2, 3);
        small.setBid(10, 1);
        small.setBid(11, 1);
        small.setBid(12, 1);

        assertFalse(small.setBid(9, 1), "worse than every kept level: not stored");
        assertEquals(3, small.bidLevelCount());
        assertEquals(10, small.bidPrice(2));

        assertFalse(small.setBid(13, 1), "better: evicts the worst kept level");
        assertEquals(3, small.bidLevelCount());
        assertEquals(13, small.bidPrice(0));
        assertEquals(11, small.bidPrice(2));

        assertTrue(small.setBid(12, 5), "updating a kept level is not a drop");
        assertEquals(2, small.levelsDroppedAtCapacity());

        small.setAsk(20, 1);
        small.setAsk(21, 1);
        small.setAsk(22, 1);
        assertFalse(small.setAsk(19, 1));
        assertEquals(19, small.bestAskPrice());
        assertEquals(21, small.askPrice(2));
        assertEquals(3, small.levelsDroppedAtCapacity());
    }

    @Test
    void shouldLoadSnapshotSentBestFirst()
    {
        book.setBid(1, 1);
        final SbeMessages messages = new SbeMessages().exponents(-2, -3);
        messages.depthSnapshot(1, 77, levels(105, 1, 104, 2, 103, 0, 102, 3), levels(106, 4, 107, 5), 0);

        assertTrue(book.load(snapshot(messages)));
        assertEquals(-2, book.priceExponent());
        assertEquals(-3, book.sizeExponent());
        assertEquals(3, book.bidLevelCount(), "zero-size level skipped");
        assertEquals(105, book.bidPrice(0));
        assertEquals(104, book.bidPrice(1));
        assertEquals(102, book.bidPrice(2));
        assertEquals(2, book.askLevelCount());
        assertEquals(106, book.askPrice(0));
        assertEquals(107, book.askPrice(1));
    }

    @Test
    void shouldLoadSnapshotInAnyOrder()
    {
        final SbeMessages messages = new SbeMessages();
        messages.depthSnapshot(1, 77, levels(102, 3, 105, 1, 104, 2, 105, 9), levels(107, 5, 106, 4), 0);

        assertTrue(book.load(snapshot(messages)));
        assertEquals(3, book.bidLevelCount());
        assertEquals(105, book.bidPrice(0));
        assertEquals(9, book.bidSize(0), "a repeated price keeps the last size");
        assertEquals(102, book.bidPrice(2));
        assertEquals(106, book.askPrice(0));
        assertEquals(107, book.askPrice(1));
    }

    @Test
    void shouldKeepBestLevelsOfSnapshotBeyondCapacity()
    {
        final OrderBook small = new OrderBook(1, 2);
        final SbeMessages messages = new SbeMessages();
        messages.depthSnapshot(1, 77, levels(105, 1, 104, 2, 103, 3), levels(106, 1, 107, 1, 108, 1), 0);

        assertFalse(small.load(snapshot(messages)));
        assertEquals(2, small.bidLevelCount());
        assertEquals(104, small.bidPrice(1));
        assertEquals(107, small.askPrice(1));
        assertEquals(2, small.levelsDroppedAtCapacity());
    }

    @Test
    void shouldMatchSortedMapsUnderRandomUpdates()
    {
        final Random random = new Random(42);
        final OrderBook tested = new OrderBook(8, 10_000);
        final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, Long> asks = new TreeMap<>();
        for (int i = 0; i < 50_000; i++)
        {
            final boolean bid = random.nextBoolean();
            // Clustered near the top like real books, with an occasional deep change.
            final long distance = random.nextInt(10) < 8 ? random.nextInt(20) : random.nextInt(2000);
            final long price = bid ? 10_000 - distance : 10_001 + distance;
            final long size = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(1000);
            if (bid)
            {
                tested.setBid(price, size);
                apply(bids, price, size);
            }
            else
            {
                tested.setAsk(price, size);
                apply(asks, price, size);
            }
        }
        assertSide(bids, tested, true);
        assertSide(asks, tested, false);
    }

    @Test
    void shouldRejectInvalidCapacities()
    {
        assertThrows(IllegalArgumentException.class, () -> new OrderBook(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new OrderBook(10, 5));
    }

    @Test
    void shouldUpdateWithoutAllocating()
    {
        final OrderBook warm = new OrderBook(64, 1000);
        for (int i = 0; i < 500; i++)
        {
            warm.setBid(10_000 - i, 1);
            warm.setAsk(10_001 + i, 1);
        }
        final long[] tick = new long[1];
        AllocationMeter.assertAllocationFree(20_000, 20_000, () ->
        {
            final long t = tick[0]++;
            final long price = 10_000 - (t % 30);
            warm.setBid(price, 0 == (t & 1) ? 0 : 1 + t % 7);
            warm.setAsk(price + 1 + (t % 30) * 2, 0 == (t % 3) ? 0 : 5);
        });
    }

    private static void apply(final TreeMap<Long, Long> side, final long price, final long size)
    {
        if (0 == size)
        {
            side.remove(price);
        }
        else
        {
            side.put(price, size);
        }
    }

    private static void assertSide(final TreeMap<Long, Long> expected, final OrderBook book, final boolean bid)
    {
        assertEquals(expected.size(), bid ? book.bidLevelCount() : book.askLevelCount());
        int level = 0;
        for (final Map.Entry<Long, Long> entry : expected.entrySet())
        {
            assertEquals(entry.getKey(), bid ? book.bidPrice(level) : book.askPrice(level));
            assertEquals(entry.getValue(), bid ? book.bidSize(level) : book.askSize(level));
            level++;
        }
    }

    private static DepthSnapshotDecoder snapshot(final SbeMessages messages)
    {
        return new DepthSnapshotDecoder().wrapAndApplyHeader(messages.buffer(), 0, new MessageHeaderDecoder());
    }
}
