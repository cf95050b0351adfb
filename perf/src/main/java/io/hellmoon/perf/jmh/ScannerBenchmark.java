/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.jmh;

import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.scanner.HellmoonScanner;
import io.hellmoon.scanner.ScannerConfiguration;
import io.hellmoon.scanner.ScannerContext;
import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeDecoder;
import org.agrona.DirectBuffer;
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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The scanner at universe sizes of {@link #instruments}, with either sweep kernel ({@link #impl}):
 * <ul>
 *     <li>{@link #sweep}: one full sweep ({@link HellmoonScanner#sweep(long)}) of every instrument: the
 *     cross-sectional passes, re-arming, the fused kernel that scores all twelve detectors of every instrument and
 *     lists candidates, and their confirmation; repeated at the same event time, which is what a sweep over a
 *     universe in a steady state costs;</li>
 *     <li>{@link #trade} and {@link #bookLevels}: the per-tick update, {@link HellmoonScanner#onMessage} with a
 *     {@code Trade} or a {@code BookLevels} (10 levels a side) for another instrument each call (stride 7,919 through
 *     the universe, as a wide feed touches another instrument's state each time). Each call moves the event time on
 *     by {@value #TICK_NS} ns, so a sweep runs every 250,000 calls and its cost is amortised into the figure.</li>
 * </ul>
 * Setup defines the instruments (USD-M, LIVE feed) and runs a minute of event time through the scanner (each
 * instrument trades every 2 s and shows its book every 6 s), so every indicator has state, then six more minutes
 * of sweeps, so the cross-sectional window is full and every sweep runs the cross-sectional passes too. Times, instrument id,
 * trade id, side and price are rewritten in place before each message (a few stores, included in the time). With
 * the default thresholds these ticks raise no anomaly; teardown prints the events and sweeps of the run.
 * <p>
 * One benchmark thread calling the scanner directly; a fixed clock stamps publish times. The forks add
 * {@code jdk.incubator.vector}, which the vector kernel needs.
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
public class ScannerBenchmark
{
    /**
     * Event time between two calls.
     */
    static final long TICK_NS = 1_000;

    private static final long T0 = 1_723_161_240_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final int STRIDE = 7_919;
    private static final int EXPONENT = -8;
    private static final long PRICE = 10_000_000_000L;
    private static final long TICK = 1_000_000L;
    private static final long TRADE_SIZE = 1_000_000L;
    private static final int HEADER = MessageHeaderDecoder.ENCODED_LENGTH;

    private static final int TRADE_INSTRUMENT = HEADER + TradeDecoder.instrumentIdEncodingOffset();
    private static final int TRADE_EVENT_TIME = HEADER + TradeDecoder.eventTimeNsEncodingOffset();
    private static final int TRADE_RECEIVE_TIME = HEADER + TradeDecoder.receiveTimeNsEncodingOffset();
    private static final int TRADE_PUBLISH_TIME = HEADER + TradeDecoder.publishTimeNsEncodingOffset();
    private static final int TRADE_TIME = HEADER + TradeDecoder.tradeTimeNsEncodingOffset();
    private static final int TRADE_SIDE = HEADER + TradeDecoder.aggressorSideEncodingOffset();
    private static final int TRADE_PRICE = HEADER + TradeDecoder.priceEncodingOffset();
    private static final int TRADE_ID = HEADER + TradeDecoder.tradeIdEncodingOffset();
    private static final int BOOK_INSTRUMENT = HEADER + BookLevelsDecoder.instrumentIdEncodingOffset();
    private static final int BOOK_EVENT_TIME = HEADER + BookLevelsDecoder.eventTimeNsEncodingOffset();
    private static final int BOOK_RECEIVE_TIME = HEADER + BookLevelsDecoder.receiveTimeNsEncodingOffset();
    private static final int BOOK_PUBLISH_TIME = HEADER + BookLevelsDecoder.publishTimeNsEncodingOffset();
    private static final int BOOK_UPDATE_ID = HEADER + BookLevelsDecoder.lastUpdateIdEncodingOffset();

    /**
     * Instruments with state.
     */
    @Param({ "1000", "10000", "100000" })
    public int instruments;

    /**
     * The sweep kernel: {@code vector} (Vector API) or {@code scalar} (the same arithmetic a slot at a time).
     */
    @Param({ "vector", "scalar" })
    public String impl;

    private final CountingSink sink = new CountingSink();
    private final UnsafeBuffer trade = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final UnsafeBuffer book = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
    private int tradeLength;
    private int bookLength;
    private HellmoonScanner scanner;
    private int next;
    private long sweepTimeNs;
    private long timeNs;
    private long tradeId;
    private long booksIgnored;
    private long lateEvents;
    private long sweepsAtStart;
    private long eventsAtStart;
    private long candidatesAtStart;

    /**
     * Define the universe and warm every instrument's state up.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final int instruments = this.instruments;
        final ScannerContext ctx = new ScannerContext()
            .capacity(instruments)
            .sweepKernel(ScannerConfiguration.SweepKernel.valueOf(impl.toUpperCase(Locale.ROOT)))
            .clock(new ManualEpochNanoClock(T0));
        scanner = new HellmoonScanner(ctx, sink);
        final Messages messages = new Messages();
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
        for (int id = 1; id <= instruments; id++)
        {
            scanner.onMessage(buffer, 0, messages.definition(buffer, id, "SYMUSDT", EXPONENT, EXPONENT, TICK, 1, 5));
            scanner.onMessage(buffer, 0, messages.feedStatus(buffer, id, FeedState.LIVE, T0));
        }

        tradeLength = messages.trade(trade, 1, T0, EXPONENT, PRICE, TRADE_SIZE, Side.BUY, 0);
        bookLength = messages.bookLevels(
            book, 1, T0, EXPONENT, PRICE - TICK, PRICE + TICK, TICK, 10, 100_000_000L, 120_000_000L);

        // A minute: each step of 100 ms, a twentieth of the universe trades and a third of those show a book.
        timeNs = T0;
        for (int step = 0; step < 600; step++, timeNs += 100 * MS)
        {
            for (int i = 0; i < instruments / 20; i++)
            {
                final int id = 1 + (step * (instruments / 20) + i) % instruments;
                tick(trade, id, i);
                if (0 == i % 3)
                {
                    bookTick(id);
                }
            }
        }

        // Six more minutes with one instrument trading every 250 ms, so a sweep runs at every boundary: the
        // cross-sectional window (300 s of 10 s samples) fills, and every sweep below runs all of its passes.
        for (int step = 0; step < 1_440; step++, timeNs += 250 * MS)
        {
            tick(trade, 1, step);
        }

        if (instruments != scanner.instrumentCount() || instruments != scanner.capacity() ||
            !impl.equalsIgnoreCase(scanner.sweepKernel().name()))
        {
            throw new IllegalStateException("instruments " + scanner.instrumentCount() + ", capacity " +
                scanner.capacity() + ", kernel " + scanner.sweepKernel());
        }
        sweepTimeNs = timeNs;
        booksIgnored = scanner.booksIgnoredCount();
        lateEvents = scanner.lateEventCount();
        sweepsAtStart = scanner.sweepCount();
        eventsAtStart = sink.messages;
        candidatesAtStart = scanner.sweepCandidateCount();
        check();
    }

    /**
     * Fail the run if a message was rejected, ignored or late, or the arrays grew.
     */
    @TearDown(Level.Iteration)
    public void check()
    {
        if (0 != scanner.errorLog().totalCount() || scanner.booksIgnoredCount() != booksIgnored ||
            scanner.lateEventCount() != lateEvents || instruments != scanner.capacity())
        {
            throw new IllegalStateException("bad messages " + scanner.errorLog().totalCount() + ", books ignored " +
                scanner.booksIgnoredCount() + ", late " + scanner.lateEventCount());
        }
    }

    /**
     * Report what the run produced.
     */
    @TearDown(Level.Trial)
    public void report()
    {
        final long sweeps = scanner.sweepCount() - sweepsAtStart;
        final long candidates = (scanner.sweepCandidateCount() - candidatesAtStart) / Math.max(1, sweeps);
        System.out.println("# scanner: " + eventsAtStart + " events in setup, " + sweeps + " sweeps, " +
            (sink.messages - eventsAtStart) + " events published during the run, " + candidates +
            " candidates per sweep");
        scanner.close();
    }

    /**
     * A full sweep of every instrument.
     *
     * @return candidates found, so the work is not dead code.
     */
    @Benchmark
    public int sweep()
    {
        return scanner.sweep(sweepTimeNs);
    }

    /**
     * A trade.
     */
    @Benchmark
    public void trade()
    {
        timeNs += TICK_NS;
        tick(trade, nextInstrument(), (int)tradeId);
    }

    /**
     * A book.
     */
    @Benchmark
    public void bookLevels()
    {
        timeNs += TICK_NS;
        bookTick(nextInstrument());
    }

    private int nextInstrument()
    {
        next = (next + STRIDE) % instruments;
        return next + 1;
    }

    private void tick(final UnsafeBuffer trade, final int instrumentId, final int i)
    {
        final long timeNs = this.timeNs;
        trade.putInt(TRADE_INSTRUMENT, instrumentId, ByteOrder.LITTLE_ENDIAN);
        trade.putLong(TRADE_EVENT_TIME, timeNs, ByteOrder.LITTLE_ENDIAN);
        trade.putLong(TRADE_RECEIVE_TIME, timeNs, ByteOrder.LITTLE_ENDIAN);
        trade.putLong(TRADE_PUBLISH_TIME, timeNs, ByteOrder.LITTLE_ENDIAN);
        trade.putLong(TRADE_TIME, timeNs, ByteOrder.LITTLE_ENDIAN);
        trade.putByte(TRADE_SIDE, (byte)(0 == (i & 1) ? Side.BUY.value() : Side.SELL.value()));
        trade.putLong(TRADE_PRICE, 0 == (i & 2) ? PRICE : PRICE + TICK, ByteOrder.LITTLE_ENDIAN);
        trade.putLong(TRADE_ID, ++tradeId, ByteOrder.LITTLE_ENDIAN);
        scanner.onMessage(trade, 0, tradeLength);
    }

    private void bookTick(final int instrumentId)
    {
        final long timeNs = this.timeNs;
        book.putInt(BOOK_INSTRUMENT, instrumentId, ByteOrder.LITTLE_ENDIAN);
        book.putLong(BOOK_EVENT_TIME, timeNs, ByteOrder.LITTLE_ENDIAN);
        book.putLong(BOOK_RECEIVE_TIME, timeNs, ByteOrder.LITTLE_ENDIAN);
        book.putLong(BOOK_PUBLISH_TIME, timeNs, ByteOrder.LITTLE_ENDIAN);
        book.putLong(BOOK_UPDATE_ID, timeNs, ByteOrder.LITTLE_ENDIAN);
        scanner.onMessage(book, 0, bookLength);
    }

    /**
     * Counts what the scanner publishes.
     */
    static final class CountingSink implements MessageSink
    {
        long messages;

        public boolean offer(final DirectBuffer buffer, final int offset, final int length)
        {
            messages++;
            return true;
        }
    }
}
