/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance.sbe;

import io.aeron.exceptions.ConfigurationException;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.HellmoonCounters;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.codecs.errors.SampledErrorLog;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.binance.sbe.codec.BestBidAskStreamEventDecoder;
import io.hellmoon.feed.binance.sbe.codec.DepthDiffStreamEventDecoder;
import io.hellmoon.feed.binance.sbe.codec.DepthSnapshotStreamEventDecoder;
import io.hellmoon.feed.binance.sbe.codec.TradesStreamEventDecoder;
import io.hellmoon.sbe.BestBidOfferEncoder;
import io.hellmoon.sbe.BookLevelsEncoder;
import io.hellmoon.sbe.DepthUpdateEncoder;
import io.hellmoon.sbe.InstrumentDefinitionEncoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeCondition;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.Venue;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * Decodes Binance's SBE market-data streams ({@code stream-sbe.binance.com}, Binance's schema
 * {@code stream_1_0.xml}, id 1) into Hellmoon SBE messages, without allocating after warm-up.
 *
 * <h2>Input and output</h2>
 * Each binary WebSocket frame is one message of Binance's schema:
 * <table>
 *     <caption>Templates</caption>
 *     <tr><th>template</th><th>stream</th><th>published as</th></tr>
 *     <tr><td>10000 {@code TradesStreamEvent}</td><td>{@code <symbol>@trade}</td><td>one {@code Trade} per entry of
 *     its {@code trades} group ({@code TRADE}, {@code NORMAL}, aggressor {@code SELL} when the buyer was the maker)
 *     </td></tr>
 *     <tr><td>10001 {@code BestBidAskStreamEvent}</td><td>{@code <symbol>@bestBidAsk}</td><td>{@code BestBidOffer},
 *     {@code updateId} = {@code bookUpdateId}</td></tr>
 *     <tr><td>10002 {@code DepthSnapshotStreamEvent}</td><td>{@code <symbol>@depth20}</td><td>{@code BookLevels}
 *     (see below)</td></tr>
 *     <tr><td>10003 {@code DepthDiffStreamEvent}</td><td>{@code <symbol>@depth}</td><td>{@code DepthUpdate},
 *     {@code firstUpdateId}/{@code finalUpdateId} = {@code first/lastBookUpdateId}, no {@code prevFinalUpdateId}:
 *     the spot sync rule ({@code U == previous u + 1}) applies</td></tr>
 * </table>
 * Times are microseconds on this wire and become epoch nanoseconds: {@code eventTime} is {@code eventTimeNs}, a
 * trade's {@code transactTime} its {@code tradeTimeNs}. Binance sends a price and a quantity exponent with every
 * message; mantissas are re-expressed exactly at the instrument's exponents from the registry, and a value that would
 * need rounding is an {@link #INEXACT_NUMBER} error (the registry's exponent is too coarse for the instrument).
 * <p>
 * <b>depth20 as {@code BookLevels}.</b> A partial-depth event is the venue's own consistent top 20 of the book, not
 * a full snapshot: loading it as a {@code DepthSnapshot} would make the book manager throw away every level below
 * the twentieth, so it is published as what it is, the top levels of a synced book. Its {@code lastUpdateId} is the
 * event's {@code bookUpdateId} and its level counts are the levels sent. The levels are checked to be in book order
 * and uncrossed ({@link #BAD_BOOK} otherwise), since {@code BookLevels} promises both. Subscribe an instrument to
 * either {@code @depth20} or {@code @depth}, not both, or subscribers see two interleaved books.
 * <p>
 * <b>Text frames and snapshots.</b> These connections also carry JSON text frames (subscription replies and
 * {@code serverShutdown}), and depth snapshots come from the JSON REST API. A frame that does not carry schema id 1
 * but starts with {@code '{'} or {@code '['}, and every {@link #onDepthSnapshot} body, go to the
 * {@link Context#textFrameHandler(VenueFrameHandler) text frame handler} (a {@code BinanceJsonDecoder} for spot in a
 * feed), which counts them; without one, text frames are counted as unsupported and snapshots as
 * {@link #NO_TEXT_HANDLER} errors.
 *
 * <h2>Atomic frames, errors</h2>
 * A frame is walked and checked whole (header, block, every group's dimensions, the symbol, every value) before
 * anything is published, so a frame found bad anywhere publishes nothing; it is counted once under a reason code and
 * sampled into the {@link SampledErrorLog} with the offset where decoding failed. Versions newer than the schema's
 * are accepted as SBE intends (longer blocks are skipped by their {@code blockLength}, data after the symbol is
 * ignored); for the schema's own version, bytes after the message are {@link #TRAILING_DATA}. As in the JSON
 * decoder, an unknown symbol without auto-registration only skips its frame ({@link #UNKNOWN_SYMBOL}).
 * <p>
 * <b>Instruments.</b> The symbol (the message's var data) is looked up in the registry straight from the frame's
 * bytes under {@link Venue#BINANCE_SPOT}, registered on first sight with auto-registration, and announced with an
 * {@code InstrumentDefinition} before its first message when announcement is on.
 * <p>
 * Not thread safe: one decoder per feed thread.
 */
public final class BinanceSbeDecoder implements VenueFrameHandler, AutoCloseable
{
    /**
     * Reason: a zero-length frame.
     */
    public static final int EMPTY_FRAME = 0;

    /**
     * Reason: the frame ends inside the message header, the root block, a group header or the symbol.
     */
    public static final int TRUNCATED = 1;

    /**
     * Reason: the header's schema id is not Binance's stream schema (1), and the frame is not text.
     */
    public static final int WRONG_SCHEMA = 2;

    /**
     * Reason: a template id the schema does not define.
     */
    public static final int UNKNOWN_TEMPLATE = 3;

    /**
     * Reason: a root or group block length shorter than the schema's, so fields would be read from what follows.
     */
    public static final int BAD_BLOCK_LENGTH = 4;

    /**
     * Reason: a group count whose entries run past the end of the frame (a frame cut inside a group's entries
     * reads the same).
     */
    public static final int BAD_GROUP_COUNT = 5;

    /**
     * Reason: bytes after the end of a message of the schema's own version.
     */
    public static final int TRAILING_DATA = 6;

    /**
     * Reason: a symbol not in the registry while auto-registration is off; that frame is skipped.
     */
    public static final int UNKNOWN_SYMBOL = 7;

    /**
     * Reason: with auto-registration, a symbol that cannot be registered: empty, longer than 64 bytes or with bytes
     * other than {@code A-Z a-z 0-9 _ - .}.
     */
    public static final int BAD_SYMBOL = 8;

    /**
     * Reason: a value out of range: a negative price or quantity, a time before the epoch or too large to express in
     * nanoseconds, a boolean that is neither 0 nor 1, a first update id above the last.
     */
    public static final int BAD_VALUE = 9;

    /**
     * Reason: a price or quantity finer than the instrument's exponent keeps: it would have to be rounded.
     */
    public static final int INEXACT_NUMBER = 10;

    /**
     * Reason: a price or quantity too large for a 64-bit mantissa at the instrument's exponent.
     */
    public static final int NUMBER_TOO_LONG = 11;

    /**
     * Reason: more levels on one side of a depth event than the configured maximum.
     */
    public static final int TOO_MANY_LEVELS = 12;

    /**
     * Reason: more trades in one event than the configured maximum.
     */
    public static final int TOO_MANY_TRADES = 13;

    /**
     * Reason: a depth20 event whose levels are not in book order (bids falling, asks rising) or are crossed.
     */
    public static final int BAD_BOOK = 14;

    /**
     * Reason: a depth snapshot was delivered but no text frame handler is configured to decode its JSON.
     */
    public static final int NO_TEXT_HANDLER = 15;

    private static final String[] REASON_NAMES =
    {
        "EMPTY_FRAME", "TRUNCATED", "WRONG_SCHEMA", "UNKNOWN_TEMPLATE", "BAD_BLOCK_LENGTH", "BAD_GROUP_COUNT",
        "TRAILING_DATA", "UNKNOWN_SYMBOL", "BAD_SYMBOL", "BAD_VALUE", "INEXACT_NUMBER", "NUMBER_TOO_LONG",
        "TOO_MANY_LEVELS", "TOO_MANY_TRADES", "BAD_BOOK", "NO_TEXT_HANDLER"
    };

    /**
     * Binance's stream schema id, from {@code stream_1_0.xml}.
     */
    public static final int SCHEMA_ID = TradesStreamEventDecoder.SCHEMA_ID;

    /**
     * The schema version the codecs were generated from.
     */
    public static final int SCHEMA_VERSION = TradesStreamEventDecoder.SCHEMA_VERSION;

    /**
     * Most bytes in a symbol, as the registry's index allows.
     */
    public static final int MAX_SYMBOL_LENGTH = 64;

    private static final int HEADER_LENGTH = 8;
    private static final int BLOCK_LENGTH_OFFSET = 0;
    private static final int TEMPLATE_ID_OFFSET = 2;
    private static final int SCHEMA_ID_OFFSET = 4;
    private static final int VERSION_OFFSET = 6;
    private static final int WIDE_GROUP_HEADER_LENGTH = TradesStreamEventDecoder.TradesDecoder.HEADER_SIZE;
    private static final int GROUP_HEADER_LENGTH = DepthDiffStreamEventDecoder.BidsDecoder.HEADER_SIZE;
    private static final int TRADE_BLOCK_LENGTH = TradesStreamEventDecoder.TradesDecoder.sbeBlockLength();
    private static final int LEVEL_BLOCK_LENGTH = DepthDiffStreamEventDecoder.BidsDecoder.sbeBlockLength();
    private static final int OUTPUT_LEVEL_LENGTH = 16;
    private static final int OUTPUT_GROUP_HEADER_LENGTH = 4;
    private static final int OUTPUT_HEADER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final long MAX_MICROS = Long.MAX_VALUE / 1000;
    private static final long NULL_LONG = TradeEncoder.firstTradeIdNullValue();
    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private static final int NO_FAILURE = -1;
    private static final int OK = 0;

    private final Venue venue = Venue.BINANCE_SPOT;
    private final int venueCode = Venue.BINANCE_SPOT.value();
    private final InstrumentRegistry registry;
    private final boolean autoRegister;
    private final boolean announceInstruments;
    private final MessageSink sink;
    private final EpochNanoClock clock;
    private final SampledErrorLog errorLog;
    private final VenueFrameHandler textFrameHandler;
    private final int maxLevelsPerSide;
    private final int maxTradesPerEvent;
    private final AtomicCounter framesInCounter;
    private final AtomicCounter messagesOutCounter;
    private final AtomicCounter unsupportedCounter;
    private final AtomicCounter ownedErrorCounter;

    private final TradesStreamEventDecoder tradesDecoder = new TradesStreamEventDecoder();
    private final BestBidAskStreamEventDecoder bestBidAskDecoder = new BestBidAskStreamEventDecoder();
    private final DepthSnapshotStreamEventDecoder depthSnapshotDecoder = new DepthSnapshotStreamEventDecoder();
    private final DepthDiffStreamEventDecoder depthDiffDecoder = new DepthDiffStreamEventDecoder();

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final InstrumentDefinitionEncoder definitionEncoder = new InstrumentDefinitionEncoder();
    private final TradeEncoder tradeEncoder = new TradeEncoder();
    private final BestBidOfferEncoder bestBidOfferEncoder = new BestBidOfferEncoder();
    private final DepthUpdateEncoder depthUpdateEncoder = new DepthUpdateEncoder();
    private final BookLevelsEncoder bookLevelsEncoder = new BookLevelsEncoder();
    private final UnsafeBuffer output;
    private boolean[] announced = new boolean[0];

    private DirectBuffer frame;
    private int frameOffset;
    private int frameLength;
    private int frameEnd;
    private long receiveTimeNs;
    private long publishTimeNs;
    private int failReason;
    private int failOffset;
    private int actingVersion;
    private int blockLength;
    private int groupCount;
    private int symbolOffset;
    private int symbolLength;
    private long rescaled;

    private long framesReceived;
    private long messagesPublished;
    private long unsupportedFrames;

    /**
     * A decoder; the context is concluded here if it was not already.
     *
     * @param ctx the configuration.
     */
    public BinanceSbeDecoder(final Context ctx)
    {
        if (!ctx.isConcluded())
        {
            ctx.conclude();
        }
        registry = ctx.instrumentRegistry();
        autoRegister = ctx.autoRegister();
        announceInstruments = ctx.announceInstruments();
        sink = ctx.messageSink();
        clock = ctx.epochNanoClock();
        textFrameHandler = ctx.textFrameHandler();
        maxLevelsPerSide = ctx.maxLevelsPerSide();
        maxTradesPerEvent = ctx.maxTradesPerEvent();

        final String label = "feed " + ctx.name();
        final CounterFactory counters = ctx.counterFactory();
        framesInCounter = counters.newCounter(HellmoonCounters.MESSAGES_IN_TYPE_ID, label + ": frames in");
        messagesOutCounter = counters.newCounter(HellmoonCounters.MESSAGES_OUT_TYPE_ID, label + ": messages out");
        unsupportedCounter = counters.newCounter(HellmoonCounters.GENERIC_TYPE_ID, label + ": unsupported frames");
        if (null == ctx.errorLog())
        {
            ownedErrorCounter = counters.newCounter(HellmoonCounters.DECODE_ERRORS_TYPE_ID, label + ": decode errors");
            errorLog = new SampledErrorLog(ctx.name(), REASON_NAMES, ownedErrorCounter);
        }
        else
        {
            ownedErrorCounter = null;
            errorLog = ctx.errorLog();
        }

        output = new UnsafeBuffer(ByteBuffer.allocateDirect(Context.outputBufferLength(maxLevelsPerSide)));
        ensureAnnounced(registry.maxId());
    }

    /**
     * Names of the reason codes, indexed by code; a {@link SampledErrorLog} given to the {@link Context} must be built
     * with them.
     *
     * @return a copy of the names.
     */
    public static String[] reasonNames()
    {
        return REASON_NAMES.clone();
    }

    /**
     * Name of a reason code.
     *
     * @param reason code.
     * @return its name.
     */
    public static String reasonName(final int reason)
    {
        return REASON_NAMES[reason];
    }

    /**
     * {@inheritDoc}
     * <p>
     * Binary frames are decoded here; text frames go to the text frame handler, or are counted as unsupported.
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        if (isText(buffer, offset, length))
        {
            if (null != textFrameHandler)
            {
                textFrameHandler.onFrame(buffer, offset, length, receiveTimeNs);
            }
            else
            {
                unsupportedCounter.setRelease(++unsupportedFrames);
            }
            return;
        }

        framesInCounter.setRelease(++framesReceived);
        frame = buffer;
        frameOffset = offset;
        frameLength = length;
        frameEnd = offset + length;
        this.receiveTimeNs = receiveTimeNs;
        publishTimeNs = clock.nanoTime();
        failReason = NO_FAILURE;

        if (!decode() && NO_FAILURE != failReason)
        {
            errorLog.record(failReason, buffer, offset, length, failOffset - offset, receiveTimeNs);
        }
        frame = null;
    }

    /**
     * {@inheritDoc}
     * <p>
     * Snapshots are JSON from the REST API: handed to the text frame handler, or counted as {@link #NO_TEXT_HANDLER}.
     */
    public void onDepthSnapshot(
        final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        if (null != textFrameHandler)
        {
            textFrameHandler.onDepthSnapshot(instrumentId, buffer, offset, length, receiveTimeNs);
        }
        else
        {
            errorLog.record(NO_TEXT_HANDLER, buffer, offset, length, 0, receiveTimeNs);
        }
    }

    /**
     * Close the counters this decoder created. The sink, registry, text frame handler and a given error log are the
     * caller's.
     */
    public void close()
    {
        CloseHelper.closeAll(framesInCounter, messagesOutCounter, unsupportedCounter, ownedErrorCounter);
    }

    /**
     * Binary frames received (text frames are counted by the text frame handler).
     *
     * @return the count.
     */
    public long framesReceived()
    {
        return framesReceived;
    }

    /**
     * Messages the sink accepted, instrument definitions included.
     *
     * @return the count.
     */
    public long messagesPublished()
    {
        return messagesPublished;
    }

    /**
     * Text frames received while no text frame handler is configured.
     *
     * @return the count.
     */
    public long unsupportedFrames()
    {
        return unsupportedFrames;
    }

    /**
     * Bad frames, all reasons, unknown symbols and snapshots without a handler included.
     *
     * @return the count.
     */
    public long decodeErrors()
    {
        return errorLog.totalCount();
    }

    /**
     * Bad frames counted under one reason.
     *
     * @param reason code.
     * @return the count.
     */
    public long decodeErrors(final int reason)
    {
        return errorLog.count(reason);
    }

    /**
     * The error log bad frames are counted and sampled into; drain it off the hot path.
     *
     * @return the error log.
     */
    public SampledErrorLog errorLog()
    {
        return errorLog;
    }

    /**
     * The handler text frames and snapshots are passed to, or null.
     *
     * @return the handler.
     */
    public VenueFrameHandler textFrameHandler()
    {
        return textFrameHandler;
    }

    /**
     * A frame is text when it does not carry the schema's id in the place an SBE header has it and begins with a JSON
     * opening bracket: SBE frames of this schema always carry id 1 there.
     */
    private static boolean isText(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length >= HEADER_LENGTH &&
            SCHEMA_ID == (buffer.getShort(offset + SCHEMA_ID_OFFSET, LITTLE_ENDIAN) & 0xFFFF))
        {
            return false;
        }
        if (length < 1)
        {
            return false;
        }
        final byte first = buffer.getByte(offset);
        return '{' == first || '[' == first;
    }

    private boolean decode()
    {
        final DirectBuffer frame = this.frame;
        final int offset = frameOffset;
        if (0 == frameLength)
        {
            return fail(EMPTY_FRAME, offset);
        }
        if (frameLength < HEADER_LENGTH)
        {
            return fail(TRUNCATED, frameEnd);
        }
        if (SCHEMA_ID != (frame.getShort(offset + SCHEMA_ID_OFFSET, LITTLE_ENDIAN) & 0xFFFF))
        {
            return fail(WRONG_SCHEMA, offset + SCHEMA_ID_OFFSET);
        }
        blockLength = frame.getShort(offset + BLOCK_LENGTH_OFFSET, LITTLE_ENDIAN) & 0xFFFF;
        actingVersion = frame.getShort(offset + VERSION_OFFSET, LITTLE_ENDIAN) & 0xFFFF;
        final int templateId = frame.getShort(offset + TEMPLATE_ID_OFFSET, LITTLE_ENDIAN) & 0xFFFF;

        switch (templateId)
        {
            case TradesStreamEventDecoder.TEMPLATE_ID:
                return decodeTrades();
            case BestBidAskStreamEventDecoder.TEMPLATE_ID:
                return decodeBestBidAsk();
            case DepthSnapshotStreamEventDecoder.TEMPLATE_ID:
                return decodeDepthSnapshot();
            case DepthDiffStreamEventDecoder.TEMPLATE_ID:
                return decodeDepthDiff();
            default:
                return fail(UNKNOWN_TEMPLATE, offset + TEMPLATE_ID_OFFSET);
        }
    }

    /*
     * Each template is decoded in two passes over the frame: the first walks the structure and checks every value,
     * the second encodes and publishes. Binary fields cost nothing to read twice, and a frame found bad anywhere
     * has published nothing, without staging the output.
     */

    private boolean decodeTrades()
    {
        int position = rootBlock(TradesStreamEventDecoder.BLOCK_LENGTH);
        if (position < 0)
        {
            return false;
        }
        final int groupPosition = position;
        position = group(position, WIDE_GROUP_HEADER_LENGTH, TRADE_BLOCK_LENGTH, maxTradesPerEvent, TOO_MANY_TRADES);
        if (position < 0 || !symbol(position))
        {
            return false;
        }
        final int tradeCount = groupCount;

        final TradesStreamEventDecoder decoder = tradesDecoder;
        decoder.wrap(frame, frameOffset + HEADER_LENGTH, blockLength, actingVersion);
        final int bodyOffset = frameOffset + HEADER_LENGTH;
        final long eventTimeNs = micros(decoder.eventTime(), bodyOffset);
        final long tradeTimeNs = micros(decoder.transactTime(), bodyOffset);
        final int priceExponent = decoder.priceExponent();
        final int qtyExponent = decoder.qtyExponent();
        if (failed())
        {
            return false;
        }
        final int id = resolveInstrument();
        if (id <= 0)
        {
            return false;
        }
        final int instrumentPriceExponent = registry.priceExponent(id);
        final int instrumentSizeExponent = registry.sizeExponent(id);

        TradesStreamEventDecoder.TradesDecoder trades = decoder.trades();
        int entryOffset = groupPosition + WIDE_GROUP_HEADER_LENGTH;
        while (trades.hasNext())
        {
            trades.next();
            value(trades.price(), priceExponent, instrumentPriceExponent, entryOffset);
            value(trades.qty(), qtyExponent, instrumentSizeExponent, entryOffset);
            final short isBuyerMaker = trades.isBuyerMakerRaw();
            if (0 != isBuyerMaker && 1 != isBuyerMaker)
            {
                fail(BAD_VALUE, entryOffset);
            }
            if (failed())
            {
                return false;
            }
            entryOffset += trades.actingBlockLength();
        }

        announce(id);
        decoder.wrap(frame, bodyOffset, blockLength, actingVersion);
        trades = decoder.trades();
        for (int i = 0; i < tradeCount; i++)
        {
            trades.next();
            final TradeEncoder encoder = tradeEncoder;
            encoder.wrapAndApplyHeader(output, 0, headerEncoder)
                .instrumentId(id)
                .eventTimeNs(eventTimeNs)
                .receiveTimeNs(receiveTimeNs)
                .publishTimeNs(publishTimeNs)
                .tradeTimeNs(tradeTimeNs)
                .kind(TradeKind.TRADE)
                .condition(TradeCondition.NORMAL)
                // The buyer was the maker, so the taker (the aggressor) sold.
                .aggressorSide(1 == trades.isBuyerMakerRaw() ? Side.SELL : Side.BUY)
                .priceExponent((byte)instrumentPriceExponent)
                .sizeExponent((byte)instrumentSizeExponent)
                .price(exact(trades.price(), priceExponent, instrumentPriceExponent))
                .size(exact(trades.qty(), qtyExponent, instrumentSizeExponent))
                .tradeId(trades.id())
                .firstTradeId(NULL_LONG)
                .lastTradeId(NULL_LONG);
            publish(encoder.encodedLength());
        }
        return true;
    }

    private boolean decodeBestBidAsk()
    {
        final int position = rootBlock(BestBidAskStreamEventDecoder.BLOCK_LENGTH);
        if (position < 0 || !symbol(position))
        {
            return false;
        }

        final BestBidAskStreamEventDecoder decoder = bestBidAskDecoder;
        final int bodyOffset = frameOffset + HEADER_LENGTH;
        decoder.wrap(frame, bodyOffset, blockLength, actingVersion);
        final long eventTimeNs = micros(decoder.eventTime(), bodyOffset);
        final long updateId = decoder.bookUpdateId();
        if (updateId < 0)
        {
            fail(BAD_VALUE, bodyOffset + BestBidAskStreamEventDecoder.bookUpdateIdEncodingOffset());
        }
        if (failed())
        {
            return false;
        }
        final int id = resolveInstrument();
        if (id <= 0)
        {
            return false;
        }
        final int priceExponent = registry.priceExponent(id);
        final int sizeExponent = registry.sizeExponent(id);
        final int venuePriceExponent = decoder.priceExponent();
        final int venueQtyExponent = decoder.qtyExponent();
        final long bidPrice = value(decoder.bidPrice(), venuePriceExponent, priceExponent, bodyOffset);
        final long bidSize = value(decoder.bidQty(), venueQtyExponent, sizeExponent, bodyOffset);
        final long askPrice = value(decoder.askPrice(), venuePriceExponent, priceExponent, bodyOffset);
        final long askSize = value(decoder.askQty(), venueQtyExponent, sizeExponent, bodyOffset);
        if (failed())
        {
            return false;
        }

        announce(id);
        final BestBidOfferEncoder encoder = bestBidOfferEncoder;
        encoder.wrapAndApplyHeader(output, 0, headerEncoder)
            .instrumentId(id)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(publishTimeNs)
            .transactTimeNs(NULL_LONG)
            .updateId(updateId)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .bidPrice(bidPrice)
            .bidSize(bidSize)
            .askPrice(askPrice)
            .askSize(askSize);
        publish(encoder.encodedLength());
        return true;
    }

    private boolean decodeDepthSnapshot()
    {
        int position = rootBlock(DepthSnapshotStreamEventDecoder.BLOCK_LENGTH);
        if (position < 0)
        {
            return false;
        }
        final int bidsPosition = position;
        position = group(position, GROUP_HEADER_LENGTH, LEVEL_BLOCK_LENGTH, maxLevelsPerSide, TOO_MANY_LEVELS);
        if (position < 0)
        {
            return false;
        }
        final int bidCount = groupCount;
        final int asksPosition = position;
        position = group(position, GROUP_HEADER_LENGTH, LEVEL_BLOCK_LENGTH, maxLevelsPerSide, TOO_MANY_LEVELS);
        if (position < 0 || !symbol(position))
        {
            return false;
        }
        final int askCount = groupCount;

        final DepthSnapshotStreamEventDecoder decoder = depthSnapshotDecoder;
        final int bodyOffset = frameOffset + HEADER_LENGTH;
        decoder.wrap(frame, bodyOffset, blockLength, actingVersion);
        final long eventTimeNs = micros(decoder.eventTime(), bodyOffset);
        final long updateId = decoder.bookUpdateId();
        if (updateId < 0)
        {
            fail(BAD_VALUE, bodyOffset + DepthSnapshotStreamEventDecoder.bookUpdateIdEncodingOffset());
        }
        if (failed())
        {
            return false;
        }
        final int id = resolveInstrument();
        if (id <= 0)
        {
            return false;
        }
        final int priceExponent = registry.priceExponent(id);
        final int sizeExponent = registry.sizeExponent(id);
        final int venuePriceExponent = decoder.priceExponent();
        final int venueQtyExponent = decoder.qtyExponent();

        // Check pass: values, book order (bids falling, asks rising) and no crossing.
        long previous = Long.MAX_VALUE;
        long bestBid = Long.MIN_VALUE;
        final DepthSnapshotStreamEventDecoder.BidsDecoder bids = decoder.bids();
        int entryOffset = bidsPosition + GROUP_HEADER_LENGTH;
        while (bids.hasNext())
        {
            bids.next();
            final long price = value(bids.price(), venuePriceExponent, priceExponent, entryOffset);
            value(bids.qty(), venueQtyExponent, sizeExponent, entryOffset);
            if (failed())
            {
                return false;
            }
            if (price >= previous)
            {
                return fail(BAD_BOOK, entryOffset);
            }
            bestBid = Long.MIN_VALUE == bestBid ? price : bestBid;
            previous = price;
            entryOffset += bids.actingBlockLength();
        }
        previous = Long.MIN_VALUE;
        final DepthSnapshotStreamEventDecoder.AsksDecoder asks = decoder.asks();
        entryOffset = asksPosition + GROUP_HEADER_LENGTH;
        while (asks.hasNext())
        {
            asks.next();
            final long price = value(asks.price(), venuePriceExponent, priceExponent, entryOffset);
            value(asks.qty(), venueQtyExponent, sizeExponent, entryOffset);
            if (failed())
            {
                return false;
            }
            if (price <= previous || (Long.MIN_VALUE == previous && price <= bestBid))
            {
                return fail(BAD_BOOK, entryOffset);
            }
            previous = price;
            entryOffset += asks.actingBlockLength();
        }

        announce(id);
        decoder.wrap(frame, bodyOffset, blockLength, actingVersion);
        final BookLevelsEncoder encoder = bookLevelsEncoder;
        encoder.wrapAndApplyHeader(output, 0, headerEncoder)
            .instrumentId(id)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(publishTimeNs)
            .lastUpdateId(updateId)
            .bidLevelCount(bidCount)
            .askLevelCount(askCount)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent);
        final DepthSnapshotStreamEventDecoder.BidsDecoder bidLevels = decoder.bids();
        final BookLevelsEncoder.BidsEncoder bidsEncoder = encoder.bidsCount(bidCount);
        while (bidLevels.hasNext())
        {
            bidLevels.next();
            bidsEncoder.next()
                .price(exact(bidLevels.price(), venuePriceExponent, priceExponent))
                .size(exact(bidLevels.qty(), venueQtyExponent, sizeExponent));
        }
        final DepthSnapshotStreamEventDecoder.AsksDecoder askLevels = decoder.asks();
        final BookLevelsEncoder.AsksEncoder asksEncoder = encoder.asksCount(askCount);
        while (askLevels.hasNext())
        {
            askLevels.next();
            asksEncoder.next()
                .price(exact(askLevels.price(), venuePriceExponent, priceExponent))
                .size(exact(askLevels.qty(), venueQtyExponent, sizeExponent));
        }
        publish(encoder.encodedLength());
        return true;
    }

    private boolean decodeDepthDiff()
    {
        int position = rootBlock(DepthDiffStreamEventDecoder.BLOCK_LENGTH);
        if (position < 0)
        {
            return false;
        }
        final int bidsPosition = position;
        position = group(position, GROUP_HEADER_LENGTH, LEVEL_BLOCK_LENGTH, maxLevelsPerSide, TOO_MANY_LEVELS);
        if (position < 0)
        {
            return false;
        }
        final int bidCount = groupCount;
        final int asksPosition = position;
        position = group(position, GROUP_HEADER_LENGTH, LEVEL_BLOCK_LENGTH, maxLevelsPerSide, TOO_MANY_LEVELS);
        if (position < 0 || !symbol(position))
        {
            return false;
        }
        final int askCount = groupCount;

        final DepthDiffStreamEventDecoder decoder = depthDiffDecoder;
        final int bodyOffset = frameOffset + HEADER_LENGTH;
        decoder.wrap(frame, bodyOffset, blockLength, actingVersion);
        final long eventTimeNs = micros(decoder.eventTime(), bodyOffset);
        final long firstUpdateId = decoder.firstBookUpdateId();
        final long lastUpdateId = decoder.lastBookUpdateId();
        if (firstUpdateId < 0 || lastUpdateId < firstUpdateId)
        {
            fail(BAD_VALUE, bodyOffset + DepthDiffStreamEventDecoder.firstBookUpdateIdEncodingOffset());
        }
        if (failed())
        {
            return false;
        }
        final int id = resolveInstrument();
        if (id <= 0)
        {
            return false;
        }
        final int priceExponent = registry.priceExponent(id);
        final int sizeExponent = registry.sizeExponent(id);
        final int venuePriceExponent = decoder.priceExponent();
        final int venueQtyExponent = decoder.qtyExponent();

        final DepthDiffStreamEventDecoder.BidsDecoder bids = decoder.bids();
        int entryOffset = bidsPosition + GROUP_HEADER_LENGTH;
        while (bids.hasNext())
        {
            bids.next();
            value(bids.price(), venuePriceExponent, priceExponent, entryOffset);
            value(bids.qty(), venueQtyExponent, sizeExponent, entryOffset);
            if (failed())
            {
                return false;
            }
            entryOffset += bids.actingBlockLength();
        }
        final DepthDiffStreamEventDecoder.AsksDecoder asks = decoder.asks();
        entryOffset = asksPosition + GROUP_HEADER_LENGTH;
        while (asks.hasNext())
        {
            asks.next();
            value(asks.price(), venuePriceExponent, priceExponent, entryOffset);
            value(asks.qty(), venueQtyExponent, sizeExponent, entryOffset);
            if (failed())
            {
                return false;
            }
            entryOffset += asks.actingBlockLength();
        }

        announce(id);
        decoder.wrap(frame, bodyOffset, blockLength, actingVersion);
        final DepthUpdateEncoder encoder = depthUpdateEncoder;
        encoder.wrapAndApplyHeader(output, 0, headerEncoder)
            .instrumentId(id)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(publishTimeNs)
            .transactTimeNs(NULL_LONG)
            .firstUpdateId(firstUpdateId)
            .finalUpdateId(lastUpdateId)
            .prevFinalUpdateId(NULL_LONG)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent);
        final DepthDiffStreamEventDecoder.BidsDecoder bidLevels = decoder.bids();
        final DepthUpdateEncoder.BidsEncoder bidsEncoder = encoder.bidsCount(bidCount);
        while (bidLevels.hasNext())
        {
            bidLevels.next();
            bidsEncoder.next()
                .price(exact(bidLevels.price(), venuePriceExponent, priceExponent))
                .size(exact(bidLevels.qty(), venueQtyExponent, sizeExponent));
        }
        final DepthDiffStreamEventDecoder.AsksDecoder askLevels = decoder.asks();
        final DepthUpdateEncoder.AsksEncoder asksEncoder = encoder.asksCount(askCount);
        while (askLevels.hasNext())
        {
            askLevels.next();
            asksEncoder.next()
                .price(exact(askLevels.price(), venuePriceExponent, priceExponent))
                .size(exact(askLevels.qty(), venueQtyExponent, sizeExponent));
        }
        publish(encoder.encodedLength());
        return true;
    }

    /**
     * Check the root block fits the frame and is at least the schema's length.
     *
     * @return the offset after the block, or -1 with the failure set.
     */
    private int rootBlock(final int schemaBlockLength)
    {
        if (blockLength < schemaBlockLength)
        {
            fail(BAD_BLOCK_LENGTH, frameOffset + BLOCK_LENGTH_OFFSET);
            return -1;
        }
        final int end = frameOffset + HEADER_LENGTH + blockLength;
        if (end > frameEnd)
        {
            fail(TRUNCATED, frameEnd);
            return -1;
        }
        return end;
    }

    /**
     * Check a repeating group's header and that its entries fit the frame; the count is left in {@link #groupCount}.
     *
     * @return the offset after the group, or -1 with the failure set.
     */
    private int group(
        final int position,
        final int headerLength,
        final int schemaBlockLength,
        final int maxCount,
        final int tooManyReason)
    {
        if (position + headerLength > frameEnd)
        {
            fail(TRUNCATED, frameEnd);
            return -1;
        }
        final int entryLength = frame.getShort(position, LITTLE_ENDIAN) & 0xFFFF;
        final long count = WIDE_GROUP_HEADER_LENGTH == headerLength ?
            frame.getInt(position + 2, LITTLE_ENDIAN) & 0xFFFF_FFFFL :
            frame.getShort(position + 2, LITTLE_ENDIAN) & 0xFFFF;
        if (entryLength < schemaBlockLength)
        {
            fail(BAD_BLOCK_LENGTH, position);
            return -1;
        }
        final long end = position + headerLength + count * entryLength;
        if (end > frameEnd)
        {
            fail(BAD_GROUP_COUNT, position + 2);
            return -1;
        }
        if (count > maxCount)
        {
            fail(tooManyReason, position + 2);
            return -1;
        }
        groupCount = (int)count;
        return (int)end;
    }

    /**
     * Check the symbol's var data fits, note where it is, and that nothing follows the message of a known version.
     */
    private boolean symbol(final int position)
    {
        if (position + 1 > frameEnd)
        {
            return fail(TRUNCATED, frameEnd);
        }
        final int length = frame.getByte(position) & 0xFF;
        final int end = position + 1 + length;
        if (end > frameEnd)
        {
            return fail(TRUNCATED, frameEnd);
        }
        if (end != frameEnd && actingVersion <= SCHEMA_VERSION)
        {
            return fail(TRAILING_DATA, end);
        }
        symbolOffset = position + 1;
        symbolLength = length;
        return true;
    }

    /**
     * The instrument of the frame's symbol, registered and announced as configured.
     *
     * @return the id, or 0 when the frame is bad or the symbol unknown (recorded either way).
     */
    private int resolveInstrument()
    {
        int id = registry.idOf(venueCode, frame, symbolOffset, symbolLength);
        if (InstrumentRegistry.NULL_INSTRUMENT_ID == id)
        {
            if (!autoRegister)
            {
                fail(UNKNOWN_SYMBOL, symbolOffset);
                return 0;
            }
            if (!isRegistrableSymbol(frame, symbolOffset, symbolLength))
            {
                fail(BAD_SYMBOL, symbolOffset);
                return 0;
            }
            id = registry.register(venue, frame, symbolOffset, symbolLength);
        }
        return id;
    }

    private static boolean isRegistrableSymbol(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < 1 || length > MAX_SYMBOL_LENGTH)
        {
            return false;
        }
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (!((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                '_' == b || '-' == b || '.' == b))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * A time in microseconds as epoch nanoseconds.
     */
    private long micros(final long micros, final int fieldOffset)
    {
        if (micros < 0 || micros > MAX_MICROS)
        {
            fail(BAD_VALUE, fieldOffset);
            return NULL_LONG;
        }
        return micros * 1000;
    }

    /**
     * Check a price or quantity: not negative and exact at the instrument's exponent.
     *
     * @return the mantissa at the instrument's exponent, or 0 with the failure set.
     */
    private long value(final long mantissa, final int venueExponent, final int exponent, final int fieldOffset)
    {
        if (mantissa < 0)
        {
            fail(BAD_VALUE, fieldOffset);
            return 0;
        }
        final int status = rescale(mantissa, venueExponent, exponent);
        if (OK != status)
        {
            fail(status, fieldOffset);
            return 0;
        }
        return rescaled;
    }

    /**
     * A value already checked by {@link #value}.
     */
    private long exact(final long mantissa, final int venueExponent, final int exponent)
    {
        rescale(mantissa, venueExponent, exponent);
        return rescaled;
    }

    /**
     * Re-express a non-negative mantissa at another exponent, exactly or not at all; the result is left in
     * {@link #rescaled}.
     *
     * @return {@link #OK}, {@link #INEXACT_NUMBER} or {@link #NUMBER_TOO_LONG}.
     */
    private int rescale(final long mantissa, final int fromExponent, final int toExponent)
    {
        final int shift = fromExponent - toExponent;
        if (0 == mantissa || 0 == shift)
        {
            rescaled = mantissa;
            return OK;
        }
        if (shift > 0)
        {
            if (shift >= POWERS_OF_TEN.length || mantissa > Long.MAX_VALUE / POWERS_OF_TEN[shift])
            {
                return NUMBER_TOO_LONG;
            }
            rescaled = mantissa * POWERS_OF_TEN[shift];
            return OK;
        }
        if (-shift >= POWERS_OF_TEN.length || 0 != mantissa % POWERS_OF_TEN[-shift])
        {
            return INEXACT_NUMBER;
        }
        rescaled = mantissa / POWERS_OF_TEN[-shift];
        return OK;
    }

    /**
     * Publish the instrument's definition ahead of its first message, when announcing and not done yet.
     */
    private void announce(final int id)
    {
        if (!announceInstruments)
        {
            return;
        }
        if (id >= announced.length)
        {
            ensureAnnounced(id);
        }
        if (announced[id])
        {
            return;
        }
        announced[id] = true;
        definitionEncoder.wrapAndApplyHeader(output, 0, headerEncoder);
        registry.encodeDefinition(id, definitionEncoder, receiveTimeNs, publishTimeNs);
        publish(definitionEncoder.encodedLength());
    }

    private void ensureAnnounced(final int id)
    {
        if (announceInstruments && id >= announced.length)
        {
            announced = Arrays.copyOf(announced, Math.max(Math.max(id, registry.maxId()) + 1, announced.length * 2));
        }
    }

    private void publish(final int bodyLength)
    {
        if (sink.offer(output, 0, OUTPUT_HEADER_LENGTH + bodyLength))
        {
            messagesOutCounter.setRelease(++messagesPublished);
        }
    }

    private boolean fail(final int reason, final int offset)
    {
        if (NO_FAILURE == failReason)
        {
            failReason = reason;
            failOffset = offset;
        }
        return false;
    }

    private boolean failed()
    {
        return NO_FAILURE != failReason;
    }

    /**
     * Configuration of a {@link BinanceSbeDecoder}: fluent setters, defaults from {@link BinanceSbeConfiguration}'s
     * system properties, validated by {@link #conclude()}. Single use: do not share or reuse an instance.
     */
    public static final class Context
    {
        private boolean isConcluded;
        private InstrumentRegistry instrumentRegistry;
        private boolean autoRegister = BinanceSbeConfiguration.autoRegister();
        private boolean announceInstruments;
        private boolean announceInstrumentsSet;
        private MessageSink messageSink;
        private EpochNanoClock epochNanoClock;
        private SampledErrorLog errorLog;
        private CounterFactory counterFactory;
        private VenueFrameHandler textFrameHandler;
        private int maxLevelsPerSide = BinanceSbeConfiguration.maxLevelsPerSide();
        private int maxTradesPerEvent = BinanceSbeConfiguration.maxTradesPerEvent();
        private String name;

        /**
         * Validate the settings and fill in derived defaults. Called by the decoder's constructor.
         *
         * @return this context.
         * @throws ConfigurationException naming the setting and the reason when a setting is invalid.
         * @throws IllegalStateException  if already concluded.
         */
        public Context conclude()
        {
            if (isConcluded)
            {
                throw new IllegalStateException("Context already concluded: a Context is single use");
            }
            if (null == instrumentRegistry)
            {
                throw new ConfigurationException("instrumentRegistry: required");
            }
            if (null == messageSink)
            {
                throw new ConfigurationException("messageSink: required");
            }
            if (null == counterFactory)
            {
                throw new ConfigurationException(
                    "counterFactory: required (CounterFactory.aeron(aeron) in a process, CounterFactory.local(n) " +
                    "without a media driver)");
            }
            if (maxLevelsPerSide < 1 || maxLevelsPerSide > DepthUpdateEncoder.BidsEncoder.countMaxValue())
            {
                throw new ConfigurationException("maxLevelsPerSide=" + maxLevelsPerSide + " (" +
                    BinanceSbeConfiguration.MAX_LEVELS_PER_SIDE_PROP_NAME + "): must be 1.." +
                    DepthUpdateEncoder.BidsEncoder.countMaxValue());
            }
            if (maxTradesPerEvent < 1)
            {
                throw new ConfigurationException("maxTradesPerEvent=" + maxTradesPerEvent + " (" +
                    BinanceSbeConfiguration.MAX_TRADES_PER_EVENT_PROP_NAME + "): must be positive");
            }
            if (null != errorLog && !Arrays.equals(REASON_NAMES, reasonNamesOf(errorLog)))
            {
                throw new ConfigurationException("errorLog: must be built with BinanceSbeDecoder.reasonNames(), " +
                    "its reason codes are the decoder's");
            }
            if (null == epochNanoClock)
            {
                epochNanoClock = new SystemEpochNanoClock();
            }
            if (!announceInstrumentsSet)
            {
                announceInstruments = autoRegister;
            }
            if (null == name)
            {
                name = "binance-spot-sbe";
            }
            isConcluded = true;
            return this;
        }

        /**
         * Whether {@link #conclude()} has run.
         *
         * @return true once concluded.
         */
        public boolean isConcluded()
        {
            return isConcluded;
        }

        /**
         * Bytes of output a frame needs: a depth message of {@code maxLevelsPerSide} levels a side, or a definition.
         *
         * @param maxLevelsPerSide levels a side.
         * @return the bytes.
         */
        static int outputBufferLength(final int maxLevelsPerSide)
        {
            final int depth = OUTPUT_HEADER_LENGTH + DepthUpdateEncoder.BLOCK_LENGTH +
                2 * (OUTPUT_GROUP_HEADER_LENGTH + maxLevelsPerSide * OUTPUT_LEVEL_LENGTH);
            final int definition = OUTPUT_HEADER_LENGTH + InstrumentDefinitionEncoder.BLOCK_LENGTH + 3 * (2 + 1024);
            return Math.max(depth, definition);
        }

        private static String[] reasonNamesOf(final SampledErrorLog log)
        {
            final String[] names = new String[log.reasonCount()];
            for (int i = 0; i < names.length; i++)
            {
                names[i] = log.reasonName(i);
            }
            return names;
        }

        /**
         * Registry of instruments: ids and exponents. Required. Symbols are looked up under
         * {@link Venue#BINANCE_SPOT}: the SBE streams are spot only.
         *
         * @param instrumentRegistry the registry, owned by the decoder's thread.
         * @return this context.
         */
        public Context instrumentRegistry(final InstrumentRegistry instrumentRegistry)
        {
            this.instrumentRegistry = instrumentRegistry;
            return this;
        }

        /**
         * The registry.
         *
         * @return the registry.
         */
        public InstrumentRegistry instrumentRegistry()
        {
            return instrumentRegistry;
        }

        /**
         * Whether unknown symbols are registered on first sight or counted as {@link #UNKNOWN_SYMBOL}.
         *
         * @param autoRegister true to register.
         * @return this context.
         * @see BinanceSbeConfiguration#AUTO_REGISTER_PROP_NAME
         */
        public Context autoRegister(final boolean autoRegister)
        {
            this.autoRegister = autoRegister;
            return this;
        }

        /**
         * Whether unknown symbols are registered on first sight.
         *
         * @return true if so.
         */
        public boolean autoRegister()
        {
            return autoRegister;
        }

        /**
         * Whether the first message published for an instrument is preceded by its {@code InstrumentDefinition};
         * defaults to {@link #autoRegister()}.
         *
         * @param announceInstruments true to announce.
         * @return this context.
         */
        public Context announceInstruments(final boolean announceInstruments)
        {
            this.announceInstruments = announceInstruments;
            this.announceInstrumentsSet = true;
            return this;
        }

        /**
         * Whether instruments are announced.
         *
         * @return true if so.
         */
        public boolean announceInstruments()
        {
            return announceInstrumentsSet ? announceInstruments : autoRegister;
        }

        /**
         * Where decoded messages go. Required.
         *
         * @param messageSink the output.
         * @return this context.
         */
        public Context messageSink(final MessageSink messageSink)
        {
            this.messageSink = messageSink;
            return this;
        }

        /**
         * The output.
         *
         * @return the sink.
         */
        public MessageSink messageSink()
        {
            return messageSink;
        }

        /**
         * Clock for {@code publishTimeNs}; defaults to the system clock.
         *
         * @param epochNanoClock the clock.
         * @return this context.
         */
        public Context epochNanoClock(final EpochNanoClock epochNanoClock)
        {
            this.epochNanoClock = epochNanoClock;
            return this;
        }

        /**
         * The clock.
         *
         * @return the clock.
         */
        public EpochNanoClock epochNanoClock()
        {
            return epochNanoClock;
        }

        /**
         * Error log for bad frames, built with {@link BinanceSbeDecoder#reasonNames()}; by default the decoder
         * creates one with a decode-errors counter from the counter factory.
         *
         * @param errorLog the error log.
         * @return this context.
         */
        public Context errorLog(final SampledErrorLog errorLog)
        {
            this.errorLog = errorLog;
            return this;
        }

        /**
         * The error log, null if not set.
         *
         * @return the error log.
         */
        public SampledErrorLog errorLog()
        {
            return errorLog;
        }

        /**
         * Factory of the decoder's counters. Required.
         *
         * @param counterFactory the factory.
         * @return this context.
         */
        public Context counterFactory(final CounterFactory counterFactory)
        {
            this.counterFactory = counterFactory;
            return this;
        }

        /**
         * The counter factory.
         *
         * @return the factory.
         */
        public CounterFactory counterFactory()
        {
            return counterFactory;
        }

        /**
         * Where text frames (JSON subscription replies, {@code serverShutdown}) and REST depth snapshots go: a
         * {@code BinanceJsonDecoder} for {@code BINANCE_SPOT} sharing the registry and sink. Optional.
         *
         * @param textFrameHandler the handler, or null.
         * @return this context.
         */
        public Context textFrameHandler(final VenueFrameHandler textFrameHandler)
        {
            this.textFrameHandler = textFrameHandler;
            return this;
        }

        /**
         * The text frame handler.
         *
         * @return the handler or null.
         */
        public VenueFrameHandler textFrameHandler()
        {
            return textFrameHandler;
        }

        /**
         * Most levels accepted on one side of a depth event.
         *
         * @param maxLevelsPerSide from 1 to 65535.
         * @return this context.
         * @see BinanceSbeConfiguration#MAX_LEVELS_PER_SIDE_PROP_NAME
         */
        public Context maxLevelsPerSide(final int maxLevelsPerSide)
        {
            this.maxLevelsPerSide = maxLevelsPerSide;
            return this;
        }

        /**
         * The level limit.
         *
         * @return levels per side.
         */
        public int maxLevelsPerSide()
        {
            return maxLevelsPerSide;
        }

        /**
         * Most trades accepted in one trade event.
         *
         * @param maxTradesPerEvent at least 1.
         * @return this context.
         * @see BinanceSbeConfiguration#MAX_TRADES_PER_EVENT_PROP_NAME
         */
        public Context maxTradesPerEvent(final int maxTradesPerEvent)
        {
            this.maxTradesPerEvent = maxTradesPerEvent;
            return this;
        }

        /**
         * The trade limit.
         *
         * @return trades per event.
         */
        public int maxTradesPerEvent()
        {
            return maxTradesPerEvent;
        }

        /**
         * Name used in counter labels and error samples; defaults to {@code binance-spot-sbe}.
         *
         * @param name of this feed.
         * @return this context.
         */
        public Context name(final String name)
        {
            this.name = name;
            return this;
        }

        /**
         * The name.
         *
         * @return the name, null until concluded if not set.
         */
        public String name()
        {
            return name;
        }
    }
}
