/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.jmh;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.feed.book.OrderBook;
import io.hellmoon.sbe.DepthSnapshotDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One side of the L2 {@link OrderBook} changed at a given depth, on the real BTCUSDT USD-M book: the REST snapshot
 * of the 2024-08-08 capture (1,000 levels a side), loaded through Hellmoon's decoder. {@link #levelFromTop} is how
 * far below the best bid the change is.
 * <ul>
 *     <li>{@link #changeSize()}: a new size for an existing level (binary search and a store), alternating between
 *     two sizes.</li>
 *     <li>{@link #insertAndRemove()}: a new level just below that depth, then its removal (size 0): two binary
 *     searches and two moves of {@code levelFromTop} entries, the book back as it was after each call.</li>
 * </ul>
 * One benchmark thread calling the book directly. Teardown checks the book still has its levels and prices.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {
    JvmFlags.ADD_OPENS_MISC, JvmFlags.ADD_OPENS_NIO, JvmFlags.ADD_MODULES_VECTOR, JvmFlags.NATIVE_ACCESS,
    JvmFlags.XMS, JvmFlags.XMX })
@Threads(1)
@State(Scope.Thread)
public class OrderBookBenchmark
{
    /**
     * Levels between the best bid and the level changed.
     */
    @Param({ "0", "10", "500" })
    public int levelFromTop;

    private OrderBook book;
    private long existingPrice;
    private long existingSize;
    private long newPrice;
    private int bidLevels;
    private long bestBid;
    private long toggle;

    /**
     * Load the real snapshot.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final List<String> json = Captures.hftbacktestJson("binance/captures/usdm/btcusdt_20240808.gz");
        String snapshot = null;
        for (final String line : json)
        {
            if (line.startsWith("{\"lastUpdateId\""))
            {
                snapshot = line;
                break;
            }
        }
        final UnsafeBuffer message = SbeCaptures.decode(
            Venue.BINANCE_USDM, "BTCUSDT", new InstrumentRegistry(), List.of(snapshot)).get(1);
        final DepthSnapshotDecoder decoder = new DepthSnapshotDecoder()
            .wrapAndApplyHeader(message, 0, new MessageHeaderDecoder().wrap(message, 0));

        book = new OrderBook(OrderBook.DEFAULT_INITIAL_LEVELS, 10_000);
        if (!book.load(decoder))
        {
            throw new IllegalStateException("snapshot did not fit");
        }
        bidLevels = book.bidLevelCount();
        bestBid = book.bestBidPrice();
        existingPrice = book.bidPrice(levelFromTop);
        existingSize = book.bidSize(levelFromTop);
        newPrice = book.bidPrice(levelFromTop + 1) + 1;
        if (newPrice >= existingPrice || book.bidSizeAt(newPrice) != 0)
        {
            throw new IllegalStateException("no room for a new level below level " + levelFromTop);
        }
        System.out.println("# book: " + bidLevels + " bids, " + book.askLevelCount() + " asks, change at bid level " +
            levelFromTop);
    }

    /**
     * Check the book still holds the snapshot's levels.
     */
    @TearDown(Level.Iteration)
    public void check()
    {
        if (book.bidLevelCount() != bidLevels || book.bestBidPrice() != bestBid ||
            book.bidPrice(levelFromTop) != existingPrice || book.bidSizeAt(newPrice) != 0)
        {
            throw new IllegalStateException("the book drifted: " + book.bidLevelCount() + " bids");
        }
    }

    /**
     * Change the size of an existing level.
     *
     * @return whether the book kept the change.
     */
    @Benchmark
    public boolean changeSize()
    {
        return book.setBid(existingPrice, existingSize + (++toggle & 1));
    }

    /**
     * Insert a level and remove it again.
     *
     * @return whether the book kept both changes.
     */
    @Benchmark
    public boolean insertAndRemove()
    {
        return book.setBid(newPrice, existingSize) & book.setBid(newPrice, 0);
    }
}
