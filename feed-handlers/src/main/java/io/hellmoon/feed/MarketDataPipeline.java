/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed;

import io.hellmoon.codecs.HellmoonConfiguration;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.HellmoonCounters;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.feed.book.BookManager;
import io.hellmoon.sbe.BarDecoder;
import io.hellmoon.sbe.BestBidOfferDecoder;
import io.hellmoon.sbe.BooleanType;
import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.DepthSnapshotDecoder;
import io.hellmoon.sbe.DepthUpdateDecoder;
import io.hellmoon.sbe.FeedStatisticsDecoder;
import io.hellmoon.sbe.FeedStatisticsEncoder;
import io.hellmoon.sbe.FeedStatusDecoder;
import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.InstrumentDefinitionEncoder;
import io.hellmoon.sbe.LiquidationDecoder;
import io.hellmoon.sbe.MarkPriceDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.MiniTickerDecoder;
import io.hellmoon.sbe.TradeDecoder;
import io.hellmoon.sbe.Venue;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.LongSupplier;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * The feed's output stage: every SBE message a venue decoder produces goes through here on its way to the market-data
 * stream, and the books are built on the way.
 * <ul>
 *     <li>Every message is passed downstream unchanged (in a process, to the {@code AeronPublisher} of the md
 *     stream).</li>
 *     <li>{@code DepthUpdate} and {@code DepthSnapshot} (and {@code InstrumentDefinition}, for venues) also go to the
 *     {@link BookManager}, whose {@code BookLevels} and {@code FeedStatus} are published right after the raw message
 *     that caused them.</li>
 *     <li>When a {@link Context#registry(InstrumentRegistry) registry} is given, an {@code InstrumentDefinition} is
 *     published before the first message of any instrument whose definition has not passed through, so the stream
 *     describes itself even for instruments a decoder found already registered (from an exchangeInfo, say).</li>
 *     <li>{@code FeedStatistics} (source totals: frames, messages, decode errors, unsupported frames, gaps, resyncs,
 *     crossed books, buffer overflows, drops) is published every statistics interval, checked on each message and
 *     by {@link #publishStatisticsIfDue()} for quiet periods, and once more with {@code endOfStream=TRUE} by
 *     {@link #onEndOfStream()} when a replay ends. Frame and decode-error totals are read through suppliers so the
 *     pipeline does not depend on any decoder class.</li>
 * </ul>
 * Offers the downstream sink refuses are counted as dropped (the sink applies its own back-pressure policy); the
 * books are built whatever happens downstream.
 * <p>
 * Allocation free per message once every instrument has been seen. Single threaded: called on the decoder's thread.
 */
public final class MarketDataPipeline implements MessageSink, AutoCloseable
{
    private static final int HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;
    private static final int STATISTICS_LENGTH = HEADER_LENGTH + FeedStatisticsEncoder.BLOCK_LENGTH;
    private static final int DEFINITION_CAPACITY = 4096;
    private static final int NO_FIELD = -1;
    private static final int[] INSTRUMENT_ID_OFFSETS = new int[FeedStatisticsDecoder.TEMPLATE_ID + 1];
    private static final int[] RECEIVE_TIME_OFFSETS = new int[FeedStatisticsDecoder.TEMPLATE_ID + 1];

    static
    {
        Arrays.fill(INSTRUMENT_ID_OFFSETS, NO_FIELD);
        Arrays.fill(RECEIVE_TIME_OFFSETS, NO_FIELD);
        fields(InstrumentDefinitionDecoder.TEMPLATE_ID,
            InstrumentDefinitionDecoder.instrumentIdEncodingOffset(),
            InstrumentDefinitionDecoder.receiveTimeNsEncodingOffset());
        fields(TradeDecoder.TEMPLATE_ID,
            TradeDecoder.instrumentIdEncodingOffset(), TradeDecoder.receiveTimeNsEncodingOffset());
        fields(BestBidOfferDecoder.TEMPLATE_ID,
            BestBidOfferDecoder.instrumentIdEncodingOffset(), BestBidOfferDecoder.receiveTimeNsEncodingOffset());
        fields(DepthUpdateDecoder.TEMPLATE_ID,
            DepthUpdateDecoder.instrumentIdEncodingOffset(), DepthUpdateDecoder.receiveTimeNsEncodingOffset());
        fields(DepthSnapshotDecoder.TEMPLATE_ID,
            DepthSnapshotDecoder.instrumentIdEncodingOffset(), DepthSnapshotDecoder.receiveTimeNsEncodingOffset());
        fields(BookLevelsDecoder.TEMPLATE_ID,
            BookLevelsDecoder.instrumentIdEncodingOffset(), BookLevelsDecoder.receiveTimeNsEncodingOffset());
        fields(BarDecoder.TEMPLATE_ID,
            BarDecoder.instrumentIdEncodingOffset(), BarDecoder.receiveTimeNsEncodingOffset());
        fields(LiquidationDecoder.TEMPLATE_ID,
            LiquidationDecoder.instrumentIdEncodingOffset(), LiquidationDecoder.receiveTimeNsEncodingOffset());
        fields(MarkPriceDecoder.TEMPLATE_ID,
            MarkPriceDecoder.instrumentIdEncodingOffset(), MarkPriceDecoder.receiveTimeNsEncodingOffset());
        fields(FeedStatusDecoder.TEMPLATE_ID,
            FeedStatusDecoder.instrumentIdEncodingOffset(), FeedStatusDecoder.receiveTimeNsEncodingOffset());
        fields(MiniTickerDecoder.TEMPLATE_ID,
            MiniTickerDecoder.instrumentIdEncodingOffset(), MiniTickerDecoder.receiveTimeNsEncodingOffset());
        fields(FeedStatisticsDecoder.TEMPLATE_ID, NO_FIELD, FeedStatisticsDecoder.receiveTimeNsEncodingOffset());
    }

    private final MessageSink downstream;
    private final EpochNanoClock clock;
    private final BookManager bookManager;
    private final InstrumentRegistry registry;
    private final int sourceId;
    private final Venue venue;
    private final long statisticsIntervalNs;
    private final LongSupplier framesReceived;
    private final LongSupplier decodeErrors;
    private final LongSupplier unsupportedMessages;
    private final LongSupplier droppedSupplier;
    private final LongSupplier reconnectsSupplier;
    private final LongSupplier stalePeriodsSupplier;
    private final AtomicCounter messagesInCounter;
    private final MessageSink derivedSink = this::publish;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final FeedStatisticsEncoder statistics = new FeedStatisticsEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
    private final UnsafeBuffer statisticsBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(STATISTICS_LENGTH));
    private final UnsafeBuffer definitionBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(DEFINITION_CAPACITY));
    private boolean[] defined = new boolean[64];

    private long messagesIn;
    private long messagesPublished;
    private long messagesDropped;
    private long definitionsPublished;
    private long statisticsPublished;
    private long lastReceiveTimeNs;
    private long nextStatisticsTimeNs = Long.MIN_VALUE;
    private boolean endOfStream;

    /**
     * A pipeline with its book manager.
     *
     * @param ctx its configuration; concluded here if it was not already.
     */
    public MarketDataPipeline(final Context ctx)
    {
        ctx.conclude();
        downstream = ctx.downstream();
        clock = ctx.clock();
        registry = ctx.registry();
        sourceId = ctx.sourceId();
        venue = ctx.venue();
        statisticsIntervalNs = ctx.statisticsIntervalNs();
        framesReceived = ctx.framesReceived();
        decodeErrors = ctx.decodeErrors();
        unsupportedMessages = ctx.unsupportedMessages();
        droppedSupplier = ctx.dropped();
        reconnectsSupplier = ctx.reconnects();
        stalePeriodsSupplier = ctx.stalePeriods();

        final BookManager.Context books = ctx.bookManagerContext();
        books.output(derivedSink);
        if (null == books.clock())
        {
            books.clock(clock);
        }
        if (null == books.registry())
        {
            books.registry(registry);
        }
        if (null == books.counterFactory())
        {
            books.counterFactory(ctx.counterFactory());
        }
        bookManager = new BookManager(books);
        messagesInCounter = ctx.counterFactory().newCounter(
            HellmoonCounters.MESSAGES_IN_TYPE_ID, ctx.label() + ": messages in");
    }

    /**
     * Take one message from the decoder, pass it downstream and build the books from it.
     *
     * @param buffer holding the message.
     * @param offset of the message header.
     * @param length of header and message.
     * @return the downstream sink's answer for this message.
     */
    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        messagesIn++;
        messagesInCounter.incrementRelease();

        int templateId = NO_FIELD;
        if (length >= HEADER_LENGTH)
        {
            headerDecoder.wrap(buffer, offset);
            if (MessageHeaderDecoder.SCHEMA_ID == headerDecoder.schemaId())
            {
                templateId = headerDecoder.templateId();
            }
        }

        if (templateId >= 0 && templateId < RECEIVE_TIME_OFFSETS.length)
        {
            final int blockLength = headerDecoder.blockLength();
            final int receiveTimeOffset = RECEIVE_TIME_OFFSETS[templateId];
            if (NO_FIELD != receiveTimeOffset && receiveTimeOffset + Long.BYTES <= blockLength &&
                length >= HEADER_LENGTH + receiveTimeOffset + Long.BYTES)
            {
                lastReceiveTimeNs = buffer.getLong(offset + HEADER_LENGTH + receiveTimeOffset, LITTLE_ENDIAN);
            }

            final int instrumentIdOffset = INSTRUMENT_ID_OFFSETS[templateId];
            if (NO_FIELD != instrumentIdOffset && length >= HEADER_LENGTH + instrumentIdOffset + Integer.BYTES)
            {
                final int instrumentId = buffer.getInt(offset + HEADER_LENGTH + instrumentIdOffset, LITTLE_ENDIAN);
                if (InstrumentDefinitionDecoder.TEMPLATE_ID == templateId)
                {
                    markDefined(instrumentId);
                }
                else if (null != registry)
                {
                    ensureDefined(instrumentId);
                }
            }
        }

        final boolean sent = publish(buffer, offset, length);

        if (DepthUpdateDecoder.TEMPLATE_ID == templateId || DepthSnapshotDecoder.TEMPLATE_ID == templateId ||
            InstrumentDefinitionDecoder.TEMPLATE_ID == templateId)
        {
            bookManager.onMessage(buffer, offset, length);
        }

        publishStatisticsIfDue();
        return sent;
    }

    /**
     * Publish {@code FeedStatistics} if the statistics interval has passed since the last one; for the feed's duty
     * cycle, so statistics keep flowing while the venue is quiet.
     *
     * @return 1 if published, else 0.
     */
    public int publishStatisticsIfDue()
    {
        if (0 == statisticsIntervalNs || endOfStream)
        {
            return 0;
        }
        final long nowNs = clock.nanoTime();
        if (Long.MIN_VALUE == nextStatisticsTimeNs)
        {
            nextStatisticsTimeNs = nowNs + statisticsIntervalNs;
            return 0;
        }
        if (nowNs - nextStatisticsTimeNs < 0)
        {
            return 0;
        }
        nextStatisticsTimeNs = nowNs + statisticsIntervalNs;
        publishStatistics(nowNs, BooleanType.FALSE);
        return 1;
    }

    /**
     * The stream has ended (a replay reached the end of its files): publish the final {@code FeedStatistics} with
     * {@code endOfStream=TRUE}. Only the first call publishes; periodic statistics stop.
     */
    public void onEndOfStream()
    {
        if (!endOfStream)
        {
            endOfStream = true;
            publishStatistics(clock.nanoTime(), BooleanType.TRUE);
        }
    }

    /**
     * The book manager fed by this pipeline.
     *
     * @return the book manager.
     */
    public BookManager bookManager()
    {
        return bookManager;
    }

    /**
     * Messages taken from the decoder.
     *
     * @return the count.
     */
    public long messagesIn()
    {
        return messagesIn;
    }

    /**
     * Messages the downstream sink accepted: raw, derived, definitions and statistics.
     *
     * @return the count.
     */
    public long messagesPublished()
    {
        return messagesPublished;
    }

    /**
     * Messages the downstream sink refused.
     *
     * @return the count.
     */
    public long messagesDropped()
    {
        return messagesDropped;
    }

    /**
     * {@code InstrumentDefinition} messages the pipeline published itself.
     *
     * @return the count.
     */
    public long definitionsPublished()
    {
        return definitionsPublished;
    }

    /**
     * {@code FeedStatistics} messages published.
     *
     * @return the count.
     */
    public long statisticsPublished()
    {
        return statisticsPublished;
    }

    /**
     * Whether {@link #onEndOfStream()} was called.
     *
     * @return true after the end of the stream.
     */
    public boolean isEndOfStream()
    {
        return endOfStream;
    }

    /**
     * Close the book manager and the counters.
     */
    public void close()
    {
        CloseHelper.closeAll(bookManager, messagesInCounter);
    }

    private boolean publish(final DirectBuffer buffer, final int offset, final int length)
    {
        if (downstream.offer(buffer, offset, length))
        {
            messagesPublished++;
            return true;
        }
        messagesDropped++;
        return false;
    }

    private void publishStatistics(final long nowNs, final BooleanType endOfStreamFlag)
    {
        statistics.wrapAndApplyHeader(statisticsBuffer, 0, headerEncoder)
            .instrumentId(InstrumentRegistry.NULL_INSTRUMENT_ID)
            .eventTimeNs(FeedStatisticsEncoder.eventTimeNsNullValue())
            .receiveTimeNs(lastReceiveTimeNs)
            .publishTimeNs(nowNs)
            .sourceId(sourceId)
            .venue(venue)
            .endOfStream(endOfStreamFlag)
            .framesReceived(framesReceived.getAsLong())
            .messagesPublished(messagesPublished)
            .decodeErrors(decodeErrors.getAsLong())
            .unsupportedMessages(unsupportedMessages.getAsLong())
            .gaps(bookManager.gaps())
            .resyncs(bookManager.resyncs())
            .crossedBooks(bookManager.crossedBooks())
            .bufferOverflows(bookManager.bufferOverflows())
            .dropped(null != droppedSupplier ? droppedSupplier.getAsLong() : messagesDropped)
            .reconnects(null != reconnectsSupplier ? reconnectsSupplier.getAsLong() : 0)
            .stalePeriods(null != stalePeriodsSupplier ? stalePeriodsSupplier.getAsLong() : 0);
        statisticsPublished++;
        publish(statisticsBuffer, 0, STATISTICS_LENGTH);
    }

    private void markDefined(final int instrumentId)
    {
        if (instrumentId > 0)
        {
            if (instrumentId >= defined.length)
            {
                defined = Arrays.copyOf(defined, Math.max(instrumentId + 1, 2 * defined.length));
            }
            defined[instrumentId] = true;
        }
    }

    private void ensureDefined(final int instrumentId)
    {
        if (instrumentId <= 0 || (instrumentId < defined.length && defined[instrumentId]) ||
            !registry.contains(instrumentId))
        {
            return;
        }

        markDefined(instrumentId);
        definition.wrapAndApplyHeader(definitionBuffer, 0, headerEncoder);
        registry.encodeDefinition(instrumentId, definition, lastReceiveTimeNs, clock.nanoTime());
        definitionsPublished++;
        final int length = HEADER_LENGTH + definition.encodedLength();
        publish(definitionBuffer, 0, length);
        bookManager.onMessage(definitionBuffer, 0, length);
    }

    private static void fields(final int templateId, final int instrumentIdOffset, final int receiveTimeOffset)
    {
        INSTRUMENT_ID_OFFSETS[templateId] = instrumentIdOffset;
        RECEIVE_TIME_OFFSETS[templateId] = receiveTimeOffset;
    }

    /**
     * Property names and defaults of the pipeline.
     */
    public static final class Configuration
    {
        /**
         * Interval between {@code FeedStatistics} messages, e.g. {@code 1s}; 0 disables the periodic ones.
         */
        public static final String STATISTICS_INTERVAL_PROP_NAME = "hellmoon.feed.statistics.interval";

        /**
         * Default statistics interval.
         */
        public static final String STATISTICS_INTERVAL_DEFAULT = "1s";

        /**
         * Source id of this feed in its {@code FeedStatistics}, distinguishing feeds that share a stream.
         */
        public static final String SOURCE_ID_PROP_NAME = "hellmoon.feed.source.id";

        /**
         * Default source id.
         */
        public static final int SOURCE_ID_DEFAULT = 1;

        private Configuration()
        {
        }

        /**
         * The statistics interval from the property or the default.
         *
         * @return nanoseconds.
         */
        public static long statisticsIntervalNs()
        {
            return HellmoonConfiguration.durationNs(STATISTICS_INTERVAL_PROP_NAME, STATISTICS_INTERVAL_DEFAULT);
        }

        /**
         * The source id from the property or the default.
         *
         * @return the id.
         */
        public static int sourceId()
        {
            return Integer.getInteger(SOURCE_ID_PROP_NAME, SOURCE_ID_DEFAULT);
        }
    }

    /**
     * Configuration of a {@link MarketDataPipeline}: fields start from {@link Configuration}'s properties and
     * defaults, setters override them, {@link #conclude()} validates. Do not reuse a context.
     */
    public static final class Context
    {
        private static final LongSupplier ZERO = () -> 0L;

        private MessageSink downstream;
        private EpochNanoClock clock;
        private BookManager.Context bookManagerContext;
        private InstrumentRegistry registry;
        private int sourceId = Configuration.sourceId();
        private Venue venue = Venue.NULL_VAL;
        private long statisticsIntervalNs = Configuration.statisticsIntervalNs();
        private LongSupplier framesReceived = ZERO;
        private LongSupplier decodeErrors = ZERO;
        private LongSupplier unsupportedMessages = ZERO;
        private LongSupplier dropped;
        private LongSupplier reconnects;
        private LongSupplier stalePeriods;
        private CounterFactory counterFactory;
        private String label = "feed";
        private boolean concluded;

        /**
         * Validate and fill in defaults; called by the pipeline's constructor, and idempotent.
         *
         * @return this.
         * @throws IllegalStateException naming the setting and the reason when a value is invalid.
         */
        public Context conclude()
        {
            if (concluded)
            {
                return this;
            }
            if (null == downstream)
            {
                throw new IllegalStateException("downstream must be set: the sink of the market-data stream");
            }
            if (sourceId < 0 || sourceId > 0xFFFE)
            {
                throw new IllegalStateException(
                    Configuration.SOURCE_ID_PROP_NAME + " must be 0..65534 (uint16): " + sourceId);
            }
            if (statisticsIntervalNs < 0)
            {
                throw new IllegalStateException(
                    Configuration.STATISTICS_INTERVAL_PROP_NAME + " must not be negative: " + statisticsIntervalNs);
            }
            if (null == venue)
            {
                throw new IllegalStateException("venue must not be null, use Venue.NULL_VAL for mixed venues");
            }
            if (null == framesReceived || null == decodeErrors || null == unsupportedMessages)
            {
                throw new IllegalStateException(
                    "framesReceived, decodeErrors and unsupportedMessages must not be null");
            }
            if (null == clock)
            {
                clock = new SystemEpochNanoClock();
            }
            if (null == counterFactory)
            {
                counterFactory = CounterFactory.local(16);
            }
            if (null == bookManagerContext)
            {
                bookManagerContext = new BookManager.Context();
            }
            concluded = true;
            return this;
        }

        /**
         * Where every message goes: the md stream's publisher in a process. Required.
         *
         * @param downstream the sink.
         * @return this.
         */
        public Context downstream(final MessageSink downstream)
        {
            this.downstream = downstream;
            return this;
        }

        /**
         * Where every message goes.
         *
         * @return the sink.
         */
        public MessageSink downstream()
        {
            return downstream;
        }

        /**
         * Clock for publish times and the statistics interval; also the book manager's unless it has its own. A
         * replay passes a clock that follows the recording, so its output is the same on every run.
         *
         * @param clock epoch clock, default the system's.
         * @return this.
         */
        public Context clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        /**
         * Clock for publish times.
         *
         * @return the clock.
         */
        public EpochNanoClock clock()
        {
            return clock;
        }

        /**
         * Configuration of the book manager; its output is set by the pipeline, and its clock, registry and counter
         * factory default to the pipeline's.
         *
         * @param bookManagerContext default a context from the properties.
         * @return this.
         */
        public Context bookManagerContext(final BookManager.Context bookManagerContext)
        {
            this.bookManagerContext = bookManagerContext;
            return this;
        }

        /**
         * Configuration of the book manager.
         *
         * @return the context.
         */
        public BookManager.Context bookManagerContext()
        {
            return bookManagerContext;
        }

        /**
         * The decoder's registry: when set, definitions are published for instruments first seen without one, and
         * the book manager finds venues in it.
         *
         * @param registry optional.
         * @return this.
         */
        public Context registry(final InstrumentRegistry registry)
        {
            this.registry = registry;
            return this;
        }

        /**
         * The decoder's registry.
         *
         * @return the registry or null.
         */
        public InstrumentRegistry registry()
        {
            return registry;
        }

        /**
         * Source id in {@code FeedStatistics}.
         *
         * @param sourceId 0..65534.
         * @return this.
         */
        public Context sourceId(final int sourceId)
        {
            this.sourceId = sourceId;
            return this;
        }

        /**
         * Source id in {@code FeedStatistics}.
         *
         * @return the id.
         */
        public int sourceId()
        {
            return sourceId;
        }

        /**
         * Venue in {@code FeedStatistics}.
         *
         * @param venue the feed's venue, or {@link Venue#NULL_VAL} (the default) for a feed of several venues.
         * @return this.
         */
        public Context venue(final Venue venue)
        {
            this.venue = venue;
            return this;
        }

        /**
         * Venue in {@code FeedStatistics}.
         *
         * @return the venue.
         */
        public Venue venue()
        {
            return venue;
        }

        /**
         * Interval between periodic {@code FeedStatistics}.
         *
         * @param statisticsIntervalNs nanoseconds, 0 to publish only at the end of the stream.
         * @return this.
         */
        public Context statisticsIntervalNs(final long statisticsIntervalNs)
        {
            this.statisticsIntervalNs = statisticsIntervalNs;
            return this;
        }

        /**
         * Interval between periodic {@code FeedStatistics}.
         *
         * @return nanoseconds.
         */
        public long statisticsIntervalNs()
        {
            return statisticsIntervalNs;
        }

        /**
         * Total frames received, e.g. the decoder's counter ({@code counter::get}) or getter.
         *
         * @param framesReceived default always 0.
         * @return this.
         */
        public Context framesReceived(final LongSupplier framesReceived)
        {
            this.framesReceived = framesReceived;
            return this;
        }

        /**
         * Total frames received.
         *
         * @return the supplier.
         */
        public LongSupplier framesReceived()
        {
            return framesReceived;
        }

        /**
         * Total frames that failed to decode, e.g. the decoder's error counter.
         *
         * @param decodeErrors default always 0.
         * @return this.
         */
        public Context decodeErrors(final LongSupplier decodeErrors)
        {
            this.decodeErrors = decodeErrors;
            return this;
        }

        /**
         * Total decode errors.
         *
         * @return the supplier.
         */
        public LongSupplier decodeErrors()
        {
            return decodeErrors;
        }

        /**
         * Total well-formed frames of types the decoder does not decode.
         *
         * @param unsupportedMessages default always 0.
         * @return this.
         */
        public Context unsupportedMessages(final LongSupplier unsupportedMessages)
        {
            this.unsupportedMessages = unsupportedMessages;
            return this;
        }

        /**
         * Total unsupported frames.
         *
         * @return the supplier.
         */
        public LongSupplier unsupportedMessages()
        {
            return unsupportedMessages;
        }

        /**
         * Total messages dropped by the publisher, e.g. the {@code AeronPublisher}'s drop counter.
         *
         * @param dropped default the pipeline's own count of refused offers.
         * @return this.
         */
        public Context dropped(final LongSupplier dropped)
        {
            this.dropped = dropped;
            return this;
        }

        /**
         * Total messages dropped, or null for the pipeline's own count.
         *
         * @return the supplier.
         */
        public LongSupplier dropped()
        {
            return dropped;
        }

        /**
         * Venue connections re-established after a loss, reported in {@code FeedStatistics}; 0 when not set
         * (replays have no connections).
         *
         * @param reconnects supplier of the total.
         * @return this.
         */
        public Context reconnects(final LongSupplier reconnects)
        {
            this.reconnects = reconnects;
            return this;
        }

        /**
         * Supplier of reconnects, or null.
         *
         * @return the supplier.
         */
        public LongSupplier reconnects()
        {
            return reconnects;
        }

        /**
         * Times an instrument was marked STALE, reported in {@code FeedStatistics}; 0 when not set.
         *
         * @param stalePeriods supplier of the total.
         * @return this.
         */
        public Context stalePeriods(final LongSupplier stalePeriods)
        {
            this.stalePeriods = stalePeriods;
            return this;
        }

        /**
         * Supplier of stale periods, or null.
         *
         * @return the supplier.
         */
        public LongSupplier stalePeriods()
        {
            return stalePeriods;
        }

        /**
         * Where the counters are created.
         *
         * @param counterFactory default counters in local memory.
         * @return this.
         */
        public Context counterFactory(final CounterFactory counterFactory)
        {
            this.counterFactory = counterFactory;
            return this;
        }

        /**
         * Where the counters are created.
         *
         * @return the factory.
         */
        public CounterFactory counterFactory()
        {
            return counterFactory;
        }

        /**
         * Prefix of the counters' labels, e.g. {@code feed binance-usdm}.
         *
         * @param label the prefix.
         * @return this.
         */
        public Context label(final String label)
        {
            this.label = label;
            return this;
        }

        /**
         * Prefix of the counters' labels.
         *
         * @return the prefix.
         */
        public String label()
        {
            return label;
        }
    }
}
