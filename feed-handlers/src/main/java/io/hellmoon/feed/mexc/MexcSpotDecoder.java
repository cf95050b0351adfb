/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.errors.SampledErrorLog;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.json.JsonNumberParser;
import io.hellmoon.sbe.BestBidOfferEncoder;
import io.hellmoon.sbe.BookLevelsEncoder;
import io.hellmoon.sbe.DepthUpdateEncoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeCondition;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.Venue;
import org.agrona.DirectBuffer;

import static io.hellmoon.feed.mexc.MexcJsonReader.NULL_LONG;
import static io.hellmoon.feed.mexc.ProtobufReader.WIRE_LENGTH_DELIMITED;
import static io.hellmoon.feed.mexc.ProtobufReader.WIRE_VARINT;

/**
 * Decodes MEXC spot v3 WebSocket pushes, binary protobuf {@code PushDataV3ApiWrapper} messages of MEXC's published
 * schema ({@code mexcdevelop/websocket-proto}), into Hellmoon SBE messages without allocating after warm-up, with the
 * hand-written {@link ProtobufReader} (why hand-written: see there).
 *
 * <h2>Input and output</h2>
 * The wrapper's {@code symbol} (3) names the instrument (looked up under {@link Venue#MEXC_SPOT}); its
 * {@code createTime} (5), else {@code sendTime} (6), milliseconds, becomes {@code eventTimeNs}. Its {@code channel}
 * (1) and {@code symbolId} (4) are checked but not needed. The body (one of fields 301 to 315) is decoded as follows:
 * <table>
 *     <caption>Bodies</caption>
 *     <tr><th>body</th><th>published as</th></tr>
 *     <tr><td>314 {@code publicAggreDeals}, 301 {@code publicDeals}</td><td>{@code Trade} per deal: price,
 *     quantity, aggressor {@code tradeType} (1 buy, 2 sell), {@code tradeTimeNs} from {@code time}; {@code tradeId}
 *     is the leading digits of an aggregated deal's {@code tradeId} string when it has any, else 0</td></tr>
 *     <tr><td>313 {@code publicAggreDepths}</td><td>{@code DepthUpdate}: {@code firstUpdateId} = {@code fromVersion},
 *     {@code finalUpdateId} = {@code toVersion}, {@code transactTimeNs} = {@code lastOrderCreateTime}; quantities
 *     are absolute, 0 removes the level</td></tr>
 *     <tr><td>302 {@code publicIncreaseDepths}, 312 {@code publicIncreaseDepthsBatch}</td><td>{@code DepthUpdate}
 *     per depth, first and final update id both its {@code version}</td></tr>
 *     <tr><td>303 {@code publicLimitDepths}</td><td>{@code BookLevels}: the venue's own top 5/10/20, published as the
 *     top of a synced book after checking it is in book order and uncrossed ({@link MexcReasons#BAD_BOOK});
 *     {@code lastUpdateId} = {@code version}</td></tr>
 *     <tr><td>315 {@code publicAggreBookTicker}, 305 {@code publicBookTicker}, 311 {@code publicBookTickerBatch}
 *     </td><td>{@code BestBidOffer} per ticker, {@code updateId} = {@code version} where sent,
 *     {@code transactTimeNs} = {@code lastOrderCreateTime} where sent</td></tr>
 * </table>
 * Other bodies (klines, mini tickers, private account data) are counted as unsupported
 * ({@link MexcReasons#UNSUPPORTED_BODY}), as are JSON text frames (subscription replies, {@code PONG}:
 * {@link MexcReasons#TEXT_FRAME}; a protobuf wrapper can never start with {@code '{'} or {@code '['}, which would be
 * a group tag) and pushes without a body ({@link MexcReasons#NO_BODY}).
 * <p>
 * Prices and quantities are decimal strings; they are parsed exactly at the instrument's exponents, never rounded.
 * Versions are decimal strings too. Unknown fields are skipped at every level, as protobuf requires; a repeated
 * singular field takes its last value, as protobuf defines, except the body: two bodies in one push are a
 * {@link MexcReasons#DUPLICATE_FIELD} error, since merging them is never what MEXC means. proto3 does not send
 * fields holding their default, so an absent price or quantity (an empty string) is {@link MexcReasons#MISSING_FIELD}.
 * <p>
 * <b>Book sync.</b> Depth updates are synced by the book manager with {@code MexcSyncRule.SPOT}: each push's
 * {@code fromVersion} must be the previous {@code toVersion + 1}, and the REST snapshot's {@code version} must fall
 * within {@code [fromVersion, toVersion]} of the first update applied. {@link #onDepthSnapshot} takes the JSON body
 * of {@code /api/v3/depth} ({@code {"lastUpdateId":N,"bids":[["p","q"]],"asks":..}}) as a {@code DepthSnapshot}.
 *
 * <h2>Atomic frames, errors</h2>
 * Every message of a frame is staged and offered only when the whole frame was read without a fault; a bad frame is
 * counted once under a {@link MexcReasons} code and sampled with its position; an unknown symbol without
 * auto-registration only skips its frame. Not thread safe: one decoder per feed thread.
 */
public final class MexcSpotDecoder implements VenueFrameHandler, AutoCloseable
{
    /**
     * Wrapper field: the channel name.
     */
    public static final int CHANNEL_FIELD = 1;

    /**
     * Wrapper field: the symbol.
     */
    public static final int SYMBOL_FIELD = 3;

    /**
     * Wrapper field: MEXC's id of the symbol.
     */
    public static final int SYMBOL_ID_FIELD = 4;

    /**
     * Wrapper field: when the message was created, epoch milliseconds.
     */
    public static final int CREATE_TIME_FIELD = 5;

    /**
     * Wrapper field: when the message was sent, epoch milliseconds.
     */
    public static final int SEND_TIME_FIELD = 6;

    /**
     * Body: {@code PublicDealsV3Api}.
     */
    public static final int PUBLIC_DEALS = 301;

    /**
     * Body: {@code PublicIncreaseDepthsV3Api}.
     */
    public static final int PUBLIC_INCREASE_DEPTHS = 302;

    /**
     * Body: {@code PublicLimitDepthsV3Api}.
     */
    public static final int PUBLIC_LIMIT_DEPTHS = 303;

    /**
     * Body: {@code PublicBookTickerV3Api}.
     */
    public static final int PUBLIC_BOOK_TICKER = 305;

    /**
     * Body: {@code PublicBookTickerBatchV3Api}.
     */
    public static final int PUBLIC_BOOK_TICKER_BATCH = 311;

    /**
     * Body: {@code PublicIncreaseDepthsBatchV3Api}.
     */
    public static final int PUBLIC_INCREASE_DEPTHS_BATCH = 312;

    /**
     * Body: {@code PublicAggreDepthsV3Api}.
     */
    public static final int PUBLIC_AGGRE_DEPTHS = 313;

    /**
     * Body: {@code PublicAggreDealsV3Api}.
     */
    public static final int PUBLIC_AGGRE_DEALS = 314;

    /**
     * Body: {@code PublicAggreBookTickerV3Api}.
     */
    public static final int PUBLIC_AGGRE_BOOK_TICKER = 315;

    private static final int FIRST_BODY = 301;
    private static final int LAST_BODY = 315;
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L;
    private static final int NO_FIELD = -1;

    private final FrameOutput out;
    private final MexcJsonReader json;
    private final JsonNumberParser numbers = new JsonNumberParser();
    private final ProtobufReader wrapper = new ProtobufReader();
    private final ProtobufReader body = new ProtobufReader();
    private final ProtobufReader item = new ProtobufReader();
    private final ProtobufReader level = new ProtobufReader();
    private final LevelList bids;
    private final LevelList asks;
    private final TradeEncoder tradeEncoder = new TradeEncoder();
    private final DepthUpdateEncoder depthUpdateEncoder = new DepthUpdateEncoder();
    private final BookLevelsEncoder bookLevelsEncoder = new BookLevelsEncoder();
    private final BestBidOfferEncoder bestBidOfferEncoder = new BestBidOfferEncoder();

    private DirectBuffer frame;
    private int priceExponent;
    private int sizeExponent;
    private long fromVersion;
    private long toVersion;
    private long orderTimeNs;

    /**
     * A decoder; the context is concluded here if it was not already.
     *
     * @param ctx the configuration.
     */
    public MexcSpotDecoder(final MexcDecoderContext ctx)
    {
        if (!ctx.isConcluded())
        {
            ctx.conclude();
        }
        out = new FrameOutput(
            Venue.MEXC_SPOT, ctx.instrumentRegistry(), ctx.autoRegister(), ctx.announceInstruments(),
            ctx.messageSink(), ctx.epochNanoClock(), ctx.counterFactory(), null == ctx.name() ? "mexc-spot" : ctx.name(),
            ctx.errorLog(),
            ctx.outputBufferLength());
        json = new MexcJsonReader(out, ctx.maxJsonDepth(), ctx.maxLevelsPerSide());
        bids = json.bids;
        asks = json.asks;
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        out.begin(buffer, offset, length, receiveTimeNs);
        frame = buffer;
        out.end(decodeFrame(offset, length));
        frame = null;
    }

    /**
     * {@inheritDoc}
     * <p>
     * The JSON body of {@code /api/v3/depth}; counted as a frame.
     */
    public void onDepthSnapshot(
        final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        out.begin(buffer, offset, length, receiveTimeNs);
        out.end(json.decodeSnapshot(instrumentId, offset, length));
    }

    /**
     * Close the counters this decoder created.
     */
    public void close()
    {
        out.close();
    }

    /**
     * Frames and snapshot bodies received.
     *
     * @return the count.
     */
    public long framesReceived()
    {
        return out.framesReceived();
    }

    /**
     * Messages the sink accepted, instrument definitions included.
     *
     * @return the count.
     */
    public long messagesPublished()
    {
        return out.messagesPublished();
    }

    /**
     * Well-formed frames not decoded, all reasons.
     *
     * @return the count.
     */
    public long unsupportedFrames()
    {
        return out.unsupportedFrames();
    }

    /**
     * Well-formed frames not decoded for one reason.
     *
     * @param reason one of the unsupported-frame codes of {@link MexcReasons}.
     * @return the count.
     */
    public long unsupportedFrames(final int reason)
    {
        return out.unsupportedFrames(reason);
    }

    /**
     * Bad frames and skipped unknown symbols, all reasons.
     *
     * @return the count.
     */
    public long decodeErrors()
    {
        return out.errorLog().totalCount();
    }

    /**
     * Bad frames counted under one reason.
     *
     * @param reason one of the bad-frame codes of {@link MexcReasons}.
     * @return the count.
     */
    public long decodeErrors(final int reason)
    {
        return out.errorLog().count(reason);
    }

    /**
     * The error log bad frames are counted and sampled into; drain it off the hot path.
     *
     * @return the error log.
     */
    public SampledErrorLog errorLog()
    {
        return out.errorLog();
    }

    private boolean decodeFrame(final int offset, final int length)
    {
        if (0 == length)
        {
            return out.fail(MexcReasons.EMPTY_FRAME, offset);
        }
        final byte first = frame.getByte(offset);
        if ('{' == first || '[' == first)
        {
            return out.unsupported(MexcReasons.TEXT_FRAME);
        }

        final ProtobufReader wrapper = this.wrapper.wrap(frame, offset, length);
        int symbolOffset = NO_FIELD;
        int symbolLength = 0;
        long createTime = NULL_LONG;
        long sendTime = NULL_LONG;
        int bodyField = 0;
        int bodyOffset = 0;
        int bodyLength = 0;
        while (wrapper.next())
        {
            final int field = wrapper.fieldNumber();
            if (field >= FIRST_BODY && field <= LAST_BODY)
            {
                if (!expect(wrapper, WIRE_LENGTH_DELIMITED))
                {
                    return false;
                }
                if (0 != bodyField)
                {
                    return out.fail(MexcReasons.DUPLICATE_FIELD, wrapper.fieldStart());
                }
                bodyField = field;
                bodyOffset = wrapper.valueOffset();
                bodyLength = wrapper.valueLength();
            }
            else if (SYMBOL_FIELD == field)
            {
                if (!expect(wrapper, WIRE_LENGTH_DELIMITED))
                {
                    return false;
                }
                symbolOffset = wrapper.valueOffset();
                symbolLength = wrapper.valueLength();
            }
            else if (CREATE_TIME_FIELD == field || SEND_TIME_FIELD == field)
            {
                if (!expect(wrapper, WIRE_VARINT))
                {
                    return false;
                }
                if (CREATE_TIME_FIELD == field)
                {
                    createTime = wrapper.value();
                }
                else
                {
                    sendTime = wrapper.value();
                }
            }
            else if ((CHANNEL_FIELD == field || SYMBOL_ID_FIELD == field) && !expect(wrapper, WIRE_LENGTH_DELIMITED))
            {
                return false;
            }
        }
        if (ProtobufReader.NO_ERROR != wrapper.errorCode())
        {
            return protobufFailure(wrapper);
        }

        if (0 == bodyField)
        {
            return out.unsupported(MexcReasons.NO_BODY);
        }
        if (!isDecoded(bodyField))
        {
            return out.unsupported(MexcReasons.UNSUPPORTED_BODY);
        }
        if (NO_FIELD == symbolOffset)
        {
            return out.fail(MexcReasons.MISSING_FIELD, offset);
        }
        final long eventTimeNs = millis(NULL_LONG != createTime ? createTime : sendTime, offset);
        if (out.failed())
        {
            return false;
        }
        final int id = out.resolve(frame, symbolOffset, symbolLength);
        if (id <= 0)
        {
            return FrameOutput.SKIPPED == id;
        }
        final InstrumentRegistry registry = out.registry();
        priceExponent = registry.priceExponent(id);
        sizeExponent = registry.sizeExponent(id);

        final ProtobufReader body = this.body.wrap(frame, bodyOffset, bodyLength);
        switch (bodyField)
        {
            case PUBLIC_DEALS:
            case PUBLIC_AGGRE_DEALS:
                return decodeDeals(body, id, eventTimeNs);
            case PUBLIC_AGGRE_DEPTHS:
                return depth(body, 4, 5, 6) && encodeDepthUpdate(id, eventTimeNs, bodyOffset);
            case PUBLIC_INCREASE_DEPTHS:
                return depth(body, 4, 4, NO_FIELD) && encodeDepthUpdate(id, eventTimeNs, bodyOffset);
            case PUBLIC_INCREASE_DEPTHS_BATCH:
                return decodeDepthBatch(body, id, eventTimeNs);
            case PUBLIC_LIMIT_DEPTHS:
                return depth(body, 4, 4, 5) && encodeBookLevels(id, eventTimeNs, bodyOffset);
            case PUBLIC_AGGRE_BOOK_TICKER:
                return decodeBookTicker(body, id, eventTimeNs, true, NULL_LONG, NULL_LONG);
            case PUBLIC_BOOK_TICKER:
                return decodeBookTicker(body, id, eventTimeNs, false, NULL_LONG, NULL_LONG);
            default:
                return decodeBookTickerBatch(body, id, eventTimeNs);
        }
    }

    private static boolean isDecoded(final int bodyField)
    {
        switch (bodyField)
        {
            case PUBLIC_DEALS:
            case PUBLIC_AGGRE_DEALS:
            case PUBLIC_AGGRE_DEPTHS:
            case PUBLIC_INCREASE_DEPTHS:
            case PUBLIC_INCREASE_DEPTHS_BATCH:
            case PUBLIC_LIMIT_DEPTHS:
            case PUBLIC_AGGRE_BOOK_TICKER:
            case PUBLIC_BOOK_TICKER:
            case PUBLIC_BOOK_TICKER_BATCH:
                return true;
            default:
                return false;
        }
    }

    /**
     * Deals: field 1 repeats the deal ({@code price} 1, {@code quantity} 2, {@code tradeType} 3, {@code time} 4,
     * {@code tradeId} 5 when aggregated), field 2 is the event type.
     */
    private boolean decodeDeals(final ProtobufReader body, final int id, final long eventTimeNs)
    {
        while (body.next())
        {
            if (1 == body.fieldNumber())
            {
                if (!expect(body, WIRE_LENGTH_DELIMITED) || !decodeDeal(body, id, eventTimeNs))
                {
                    return false;
                }
            }
            else if (2 == body.fieldNumber() && !expect(body, WIRE_LENGTH_DELIMITED))
            {
                return false;
            }
        }
        return ProtobufReader.NO_ERROR == body.errorCode() || protobufFailure(body);
    }

    private boolean decodeDeal(final ProtobufReader body, final int id, final long eventTimeNs)
    {
        final int itemStart = body.fieldStart();
        final ProtobufReader deal = item.wrap(frame, body.valueOffset(), body.valueLength());
        long price = NULL_LONG;
        long size = NULL_LONG;
        long tradeType = 0;
        long time = 0;
        long tradeId = 0;
        while (deal.next())
        {
            switch (deal.fieldNumber())
            {
                case 1:
                    price = decimal(deal, priceExponent);
                    break;
                case 2:
                    size = decimal(deal, sizeExponent);
                    break;
                case 3:
                    tradeType = expect(deal, WIRE_VARINT) ? (int)deal.value() : 0;
                    break;
                case 4:
                    time = expect(deal, WIRE_VARINT) ? deal.value() : 0;
                    break;
                case 5:
                    tradeId = expect(deal, WIRE_LENGTH_DELIMITED) ? leadingDigits(deal) : 0;
                    break;
                default:
                    break;
            }
            if (out.failed())
            {
                return false;
            }
        }
        if (ProtobufReader.NO_ERROR != deal.errorCode())
        {
            return protobufFailure(deal);
        }
        if (NULL_LONG == price || NULL_LONG == size)
        {
            return out.fail(MexcReasons.MISSING_FIELD, itemStart);
        }
        if (1 != tradeType && 2 != tradeType)
        {
            return out.fail(MexcReasons.BAD_VALUE, itemStart);
        }
        // proto3 omits a zero time: the deal then has none.
        final long tradeTimeNs = 0 == time ? NULL_LONG : millis(time, itemStart);
        if (out.failed() || !out.reserve(TradeEncoder.BLOCK_LENGTH, itemStart))
        {
            return false;
        }

        final TradeEncoder encoder = tradeEncoder;
        encoder.wrapAndApplyHeader(out.buffer(), out.limit(), out.header())
            .instrumentId(id)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(out.receiveTimeNs())
            .publishTimeNs(out.publishTimeNs())
            .tradeTimeNs(tradeTimeNs)
            .kind(TradeKind.TRADE)
            .condition(TradeCondition.NORMAL)
            .aggressorSide(1 == tradeType ? Side.BUY : Side.SELL)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .price(price)
            .size(size)
            .tradeId(tradeId)
            .firstTradeId(NULL_LONG)
            .lastTradeId(NULL_LONG);
        out.commit(encoder.encodedLength());
        return true;
    }

    /**
     * A depth body: asks (1) and bids (2) repeat {@code {price 1, quantity 2}}; the version fields and the order
     * time field differ by body and are given. Versions land in {@link #fromVersion}/{@link #toVersion}, the time in
     * {@link #orderTimeNs}.
     */
    private boolean depth(
        final ProtobufReader reader, final int fromField, final int toField, final int orderTimeField)
    {
        final int start = reader.regionOffset();
        bids.reset(start);
        asks.reset(start);
        fromVersion = NULL_LONG;
        toVersion = NULL_LONG;
        orderTimeNs = NULL_LONG;
        while (reader.next())
        {
            final int field = reader.fieldNumber();
            if (1 == field || 2 == field)
            {
                if (!expect(reader, WIRE_LENGTH_DELIMITED) || !level(reader, 1 == field ? asks : bids))
                {
                    return false;
                }
            }
            else if (fromField == field || toField == field)
            {
                final long version = version(reader);
                if (out.failed())
                {
                    return false;
                }
                if (fromField == field)
                {
                    fromVersion = version;
                }
                if (toField == field)
                {
                    toVersion = version;
                }
            }
            else if (orderTimeField == field)
            {
                if (!expect(reader, WIRE_VARINT))
                {
                    return false;
                }
                orderTimeNs = 0 == reader.value() ? NULL_LONG : millis(reader.value(), reader.fieldStart());
            }
            else if (3 == field && !expect(reader, WIRE_LENGTH_DELIMITED))
            {
                return false;
            }
        }
        if (ProtobufReader.NO_ERROR != reader.errorCode())
        {
            return protobufFailure(reader);
        }
        if (NULL_LONG == fromVersion || NULL_LONG == toVersion)
        {
            return out.fail(MexcReasons.MISSING_FIELD, start);
        }
        if (toVersion < fromVersion)
        {
            return out.fail(MexcReasons.BAD_VALUE, start);
        }
        return !out.failed();
    }

    private boolean level(final ProtobufReader reader, final LevelList list)
    {
        final int levelStart = reader.fieldStart();
        if (list.isFull())
        {
            return out.fail(MexcReasons.TOO_MANY_LEVELS, levelStart);
        }
        final ProtobufReader level = this.level.wrap(frame, reader.valueOffset(), reader.valueLength());
        long price = NULL_LONG;
        long size = NULL_LONG;
        while (level.next())
        {
            if (1 == level.fieldNumber())
            {
                price = decimal(level, priceExponent);
            }
            else if (2 == level.fieldNumber())
            {
                size = decimal(level, sizeExponent);
            }
            if (out.failed())
            {
                return false;
            }
        }
        if (ProtobufReader.NO_ERROR != level.errorCode())
        {
            return protobufFailure(level);
        }
        if (NULL_LONG == price || NULL_LONG == size)
        {
            return out.fail(MexcReasons.MISSING_FIELD, levelStart);
        }
        final int index = list.count++;
        list.prices[index] = price;
        list.sizes[index] = size;
        return true;
    }

    private boolean decodeDepthBatch(final ProtobufReader body, final int id, final long eventTimeNs)
    {
        while (body.next())
        {
            if (1 == body.fieldNumber())
            {
                if (!expect(body, WIRE_LENGTH_DELIMITED))
                {
                    return false;
                }
                final int itemOffset = body.valueOffset();
                final ProtobufReader depth = item.wrap(frame, itemOffset, body.valueLength());
                if (!depth(depth, 4, 4, NO_FIELD) || !encodeDepthUpdate(id, eventTimeNs, itemOffset))
                {
                    return false;
                }
            }
            else if (2 == body.fieldNumber() && !expect(body, WIRE_LENGTH_DELIMITED))
            {
                return false;
            }
        }
        return ProtobufReader.NO_ERROR == body.errorCode() || protobufFailure(body);
    }

    private boolean encodeDepthUpdate(final int id, final long eventTimeNs, final int failOffset)
    {
        final int levelsLength = 8 + (bids.count + asks.count) * 16;
        if (!out.reserve(DepthUpdateEncoder.BLOCK_LENGTH + levelsLength, failOffset))
        {
            return false;
        }
        final DepthUpdateEncoder encoder = depthUpdateEncoder;
        encoder.wrapAndApplyHeader(out.buffer(), out.limit(), out.header())
            .instrumentId(id)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(out.receiveTimeNs())
            .publishTimeNs(out.publishTimeNs())
            .transactTimeNs(orderTimeNs)
            .firstUpdateId(fromVersion)
            .finalUpdateId(toVersion)
            .prevFinalUpdateId(NULL_LONG)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent);
        final DepthUpdateEncoder.BidsEncoder bidsEncoder = encoder.bidsCount(bids.count);
        for (int i = 0; i < bids.count; i++)
        {
            bidsEncoder.next().price(bids.prices[i]).size(bids.sizes[i]);
        }
        final DepthUpdateEncoder.AsksEncoder asksEncoder = encoder.asksCount(asks.count);
        for (int i = 0; i < asks.count; i++)
        {
            asksEncoder.next().price(asks.prices[i]).size(asks.sizes[i]);
        }
        out.commit(encoder.encodedLength());
        return true;
    }

    private boolean encodeBookLevels(final int id, final long eventTimeNs, final int failOffset)
    {
        if (!MexcFuturesDecoder.isInBookOrder(bids, asks))
        {
            return out.fail(MexcReasons.BAD_BOOK, failOffset);
        }
        final int levelsLength = 8 + (bids.count + asks.count) * 16;
        if (!out.reserve(BookLevelsEncoder.BLOCK_LENGTH + levelsLength, failOffset))
        {
            return false;
        }
        MexcFuturesDecoder.encodeBookLevels(
            bookLevelsEncoder, out, id, eventTimeNs, toVersion, priceExponent, sizeExponent, bids, asks);
        return true;
    }

    /**
     * A book ticker: bid price 1, bid quantity 2, ask price 3, ask quantity 4; when aggregated also version 5 and
     * order time 6. A batch's items take the batch's version and time.
     */
    private boolean decodeBookTicker(
        final ProtobufReader reader,
        final int id,
        final long eventTimeNs,
        final boolean aggregated,
        final long batchVersion,
        final long batchOrderTimeNs)
    {
        final int start = reader.regionOffset();
        long bidPrice = NULL_LONG;
        long bidSize = NULL_LONG;
        long askPrice = NULL_LONG;
        long askSize = NULL_LONG;
        long updateId = batchVersion;
        long transactTimeNs = batchOrderTimeNs;
        while (reader.next())
        {
            switch (reader.fieldNumber())
            {
                case 1:
                    bidPrice = decimal(reader, priceExponent);
                    break;
                case 2:
                    bidSize = decimal(reader, sizeExponent);
                    break;
                case 3:
                    askPrice = decimal(reader, priceExponent);
                    break;
                case 4:
                    askSize = decimal(reader, sizeExponent);
                    break;
                case 5:
                    if (aggregated)
                    {
                        updateId = version(reader);
                    }
                    break;
                case 6:
                    if (aggregated && expect(reader, WIRE_VARINT))
                    {
                        transactTimeNs = 0 == reader.value() ? NULL_LONG : millis(reader.value(), reader.fieldStart());
                    }
                    break;
                default:
                    break;
            }
            if (out.failed())
            {
                return false;
            }
        }
        if (ProtobufReader.NO_ERROR != reader.errorCode())
        {
            return protobufFailure(reader);
        }
        if (NULL_LONG == bidPrice || NULL_LONG == bidSize || NULL_LONG == askPrice || NULL_LONG == askSize)
        {
            return out.fail(MexcReasons.MISSING_FIELD, start);
        }
        if (!out.reserve(BestBidOfferEncoder.BLOCK_LENGTH, start))
        {
            return false;
        }

        final BestBidOfferEncoder encoder = bestBidOfferEncoder;
        encoder.wrapAndApplyHeader(out.buffer(), out.limit(), out.header())
            .instrumentId(id)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(out.receiveTimeNs())
            .publishTimeNs(out.publishTimeNs())
            .transactTimeNs(transactTimeNs)
            .updateId(updateId)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .bidPrice(bidPrice)
            .bidSize(bidSize)
            .askPrice(askPrice)
            .askSize(askSize);
        out.commit(encoder.encodedLength());
        return true;
    }

    /**
     * A batch: items 1, version 2, order time 3. The version and time may follow the items, so they are read first.
     */
    private boolean decodeBookTickerBatch(final ProtobufReader body, final int id, final long eventTimeNs)
    {
        final int bodyOffset = body.regionOffset();
        final int bodyLength = body.regionLength();
        long version = NULL_LONG;
        long orderTime = NULL_LONG;
        while (body.next())
        {
            if (2 == body.fieldNumber())
            {
                version = version(body);
            }
            else if (3 == body.fieldNumber() && expect(body, WIRE_VARINT))
            {
                orderTime = 0 == body.value() ? NULL_LONG : millis(body.value(), body.fieldStart());
            }
            else if (1 == body.fieldNumber())
            {
                expect(body, WIRE_LENGTH_DELIMITED);
            }
            if (out.failed())
            {
                return false;
            }
        }
        if (ProtobufReader.NO_ERROR != body.errorCode())
        {
            return protobufFailure(body);
        }

        body.wrap(frame, bodyOffset, bodyLength);
        while (body.next())
        {
            if (1 == body.fieldNumber())
            {
                final ProtobufReader ticker = item.wrap(frame, body.valueOffset(), body.valueLength());
                if (!decodeBookTicker(ticker, id, eventTimeNs, false, version, orderTime))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A decimal string field as a non-negative mantissa at the exponent, or {@link MexcJsonReader#NULL_LONG} with
     * the failure set.
     */
    private long decimal(final ProtobufReader reader, final int exponent)
    {
        if (!expect(reader, WIRE_LENGTH_DELIMITED))
        {
            return NULL_LONG;
        }
        final int offset = reader.valueOffset();
        if (0 == reader.valueLength())
        {
            out.fail(MexcReasons.MISSING_FIELD, reader.fieldStart());
            return NULL_LONG;
        }
        final int status = numbers.parseFixed(frame, offset, reader.valueLength(), exponent);
        if (JsonNumberParser.OK != status)
        {
            numberFailure(status, offset);
            return NULL_LONG;
        }
        if (numbers.value() < 0)
        {
            out.fail(MexcReasons.BAD_NUMBER, offset);
            return NULL_LONG;
        }
        return numbers.value();
    }

    /**
     * A version: a decimal string of a non-negative integer.
     */
    private long version(final ProtobufReader reader)
    {
        if (!expect(reader, WIRE_LENGTH_DELIMITED))
        {
            return NULL_LONG;
        }
        final int status = numbers.parseLong(frame, reader.valueOffset(), reader.valueLength());
        if (JsonNumberParser.OK != status)
        {
            numberFailure(status, reader.valueOffset());
            return NULL_LONG;
        }
        if (numbers.value() < 0)
        {
            out.fail(MexcReasons.BAD_NUMBER, reader.valueOffset());
            return NULL_LONG;
        }
        return numbers.value();
    }

    /**
     * The number the leading digits of a string make (at most 18 of them), or 0 when it has none.
     */
    private long leadingDigits(final ProtobufReader reader)
    {
        long value = 0;
        final int end = reader.valueOffset() + Math.min(reader.valueLength(), JsonNumberParser.MAX_SIGNIFICANT_DIGITS);
        for (int i = reader.valueOffset(); i < end; i++)
        {
            final byte b = frame.getByte(i);
            if (b < '0' || b > '9')
            {
                break;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private long millis(final long millis, final int fieldOffset)
    {
        if (NULL_LONG == millis)
        {
            return NULL_LONG;
        }
        if (millis < 0 || millis > MAX_MILLIS)
        {
            out.fail(MexcReasons.BAD_VALUE, fieldOffset);
            return NULL_LONG;
        }
        return millis * 1_000_000L;
    }

    private boolean expect(final ProtobufReader reader, final int wireType)
    {
        return wireType == reader.wireType() || out.fail(MexcReasons.WRONG_TYPE, reader.fieldStart());
    }

    private boolean protobufFailure(final ProtobufReader reader)
    {
        return out.fail(
            ProtobufReader.ERROR_TRUNCATED == reader.errorCode() ?
                MexcReasons.TRUNCATED : MexcReasons.MALFORMED_PROTOBUF,
            reader.errorPosition());
    }

    private void numberFailure(final int status, final int offset)
    {
        switch (status)
        {
            case JsonNumberParser.TOO_LONG:
                out.fail(MexcReasons.NUMBER_TOO_LONG, offset);
                break;
            case JsonNumberParser.INEXACT:
                out.fail(MexcReasons.INEXACT_NUMBER, offset);
                break;
            default:
                out.fail(MexcReasons.BAD_NUMBER, offset);
                break;
        }
    }
}
