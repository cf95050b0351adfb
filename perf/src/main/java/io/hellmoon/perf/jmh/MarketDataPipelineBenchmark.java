/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.jmh;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.feed.MarketDataPipeline;
import io.hellmoon.feed.book.BookManager;
import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.DepthUpdateDecoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.Venue;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The feed's output stage per diff: {@link MarketDataPipeline#offer} of a {@code DepthUpdate} for a LIVE book, which
 * passes it downstream, applies it to the book (with the USD-M {@code pu} chain check) and publishes the book's top
 * 10 levels a side as {@code BookLevels}.
 * <p>
 * Setup replays the start of the real BTCUSDT USD-M capture through Hellmoon's decoder into the pipeline until the
 * book is LIVE (buffered diffs, snapshot, bridging diff) and then on to the first applied diff with 20 to 40 levels;
 * that real diff is offered again on every call with its update ids moved on ({@code pu} = the previous {@code u}),
 * so the chain never breaks and, its sizes being absolute, the book stays as the capture left it. Moving the ids is
 * three stores, included in the time. Teardown fails the run if the book left LIVE or saw a gap.
 * <p>
 * One benchmark thread; a fixed clock; the downstream sink counts messages and reads their template ids.
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
public class MarketDataPipelineBenchmark
{
    private static final int HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;
    private static final int FIRST_UPDATE_ID_OFFSET = HEADER_LENGTH + DepthUpdateDecoder.firstUpdateIdEncodingOffset();
    private static final int FINAL_UPDATE_ID_OFFSET = HEADER_LENGTH + DepthUpdateDecoder.finalUpdateIdEncodingOffset();
    private static final int PREV_UPDATE_ID_OFFSET =
        HEADER_LENGTH + DepthUpdateDecoder.prevFinalUpdateIdEncodingOffset();

    private final CountingSink downstream = new CountingSink();
    private MarketDataPipeline pipeline;
    private BookManager books;
    private int instrumentId;
    private UnsafeBuffer diff;
    private int diffLength;
    private long span;
    private long lastUpdateId;
    private long gapsBefore;

    /**
     * Sync the book on the real capture and pick the diff to repeat.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        final List<String> json = Captures.hftbacktestJson("binance/captures/usdm/btcusdt_20240808.gz");
        final List<UnsafeBuffer> messages =
            SbeCaptures.decode(Venue.BINANCE_USDM, "BTCUSDT", registry, json.subList(0, 20_000));
        instrumentId = registry.idOf(Venue.BINANCE_USDM, "BTCUSDT");

        pipeline = new MarketDataPipeline(new MarketDataPipeline.Context()
            .downstream(downstream)
            .clock(new ManualEpochNanoClock(1_723_161_600_000_000_000L))
            .registry(registry)
            .venue(Venue.BINANCE_USDM)
            .counterFactory(CounterFactory.local(16)));
        books = pipeline.bookManager();

        final DepthUpdateDecoder decoder = new DepthUpdateDecoder();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        for (final UnsafeBuffer message : messages)
        {
            final boolean live = FeedState.LIVE == books.state(instrumentId);
            final long booksBefore = books.bookLevelsPublished();
            pipeline.offer(message, 0, message.capacity());
            if (live && DepthUpdateDecoder.TEMPLATE_ID == SbeCaptures.templateId(message) &&
                books.bookLevelsPublished() == booksBefore + 1)
            {
                decoder.wrapAndApplyHeader(message, 0, header.wrap(message, 0));
                final int levels = levelCount(decoder);
                if (levels >= 20 && levels <= 40)
                {
                    diff = new UnsafeBuffer(message.byteArray().clone());
                    diffLength = message.capacity();
                    decoder.wrapAndApplyHeader(diff, 0, header.wrap(diff, 0));
                    span = decoder.finalUpdateId() - decoder.firstUpdateId();
                    lastUpdateId = decoder.finalUpdateId();
                    System.out.println("# depthUpdate: " + levels + " levels, " + diffLength + " bytes of SBE");
                    break;
                }
            }
        }
        if (null == diff)
        {
            throw new IllegalStateException("no applied diff of 20-40 levels; state " + books.state(instrumentId));
        }

        gapsBefore = books.gaps();
        final long booksBefore = books.bookLevelsPublished();
        for (int i = 0; i < 1_000; i++)
        {
            offerDepthUpdate();
        }
        check();
        if (books.bookLevelsPublished() != booksBefore + 1_000 || BookLevelsDecoder.TEMPLATE_ID != downstream.last)
        {
            throw new IllegalStateException("each diff must publish one BookLevels");
        }
    }

    /**
     * Fail the run if the book left LIVE or the chain broke.
     */
    @TearDown(Level.Iteration)
    public void check()
    {
        if (FeedState.LIVE != books.state(instrumentId) || books.gaps() != gapsBefore || 0 != books.crossedBooks())
        {
            throw new IllegalStateException("book not LIVE or gaps: " + books.state(instrumentId) + ", " +
                books.gaps() + " gaps");
        }
    }

    /**
     * Offer the next diff.
     *
     * @return the downstream's answer.
     */
    @Benchmark
    public boolean offerDepthUpdate()
    {
        final UnsafeBuffer diff = this.diff;
        final long first = lastUpdateId + 1;
        final long last = first + span;
        diff.putLong(FIRST_UPDATE_ID_OFFSET, first, ByteOrder.LITTLE_ENDIAN);
        diff.putLong(FINAL_UPDATE_ID_OFFSET, last, ByteOrder.LITTLE_ENDIAN);
        diff.putLong(PREV_UPDATE_ID_OFFSET, lastUpdateId, ByteOrder.LITTLE_ENDIAN);
        lastUpdateId = last;
        return pipeline.offer(diff, 0, diffLength);
    }

    private static int levelCount(final DepthUpdateDecoder decoder)
    {
        // SBE groups are read in order: every bid before the asks.
        final DepthUpdateDecoder.BidsDecoder bids = decoder.bids();
        final int bidCount = bids.count();
        while (bids.hasNext())
        {
            bids.next();
        }
        return bidCount + decoder.asks().count();
    }

    /**
     * Counts messages and keeps the last one's template id.
     */
    static final class CountingSink implements MessageSink
    {
        private static final int TEMPLATE_ID_OFFSET = MessageHeaderDecoder.templateIdEncodingOffset();

        long messages;
        int last;

        public boolean offer(final DirectBuffer buffer, final int offset, final int length)
        {
            messages++;
            last = buffer.getShort(offset + TEMPLATE_ID_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            return true;
        }
    }
}
