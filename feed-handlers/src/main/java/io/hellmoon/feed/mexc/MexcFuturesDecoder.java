/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.errors.SampledErrorLog;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.json.JsonFieldTable;
import io.hellmoon.sbe.BarEncoder;
import io.hellmoon.sbe.BarInterval;
import io.hellmoon.sbe.BooleanType;
import io.hellmoon.sbe.BookLevelsEncoder;
import io.hellmoon.sbe.DepthUpdateEncoder;
import io.hellmoon.sbe.MarkPriceEncoder;
import io.hellmoon.sbe.MiniTickerEncoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeCondition;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.Venue;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

import static io.hellmoon.feed.json.JsonCursor.BEGIN_ARRAY;
import static io.hellmoon.feed.json.JsonCursor.BEGIN_OBJECT;
import static io.hellmoon.feed.json.JsonCursor.END_ARRAY;
import static io.hellmoon.feed.json.JsonCursor.ERROR;
import static io.hellmoon.feed.json.JsonCursor.STRING;
import static io.hellmoon.feed.json.JsonFieldTable.ABSENT;
import static io.hellmoon.feed.mexc.MexcJsonReader.AMOUNT_24;
import static io.hellmoon.feed.mexc.MexcJsonReader.ASKS;
import static io.hellmoon.feed.mexc.MexcJsonReader.BIDS;
import static io.hellmoon.feed.mexc.MexcJsonReader.CHANNEL;
import static io.hellmoon.feed.mexc.MexcJsonReader.DATA;
import static io.hellmoon.feed.mexc.MexcJsonReader.FAIR_PRICE;
import static io.hellmoon.feed.mexc.MexcJsonReader.FUNDING_RATE;
import static io.hellmoon.feed.mexc.MexcJsonReader.HIGH_24_PRICE;
import static io.hellmoon.feed.mexc.MexcJsonReader.INDEX_PRICE;
import static io.hellmoon.feed.mexc.MexcJsonReader.INTERVAL;
import static io.hellmoon.feed.mexc.MexcJsonReader.LAST_PRICE;
import static io.hellmoon.feed.mexc.MexcJsonReader.LOWER_24_PRICE;
import static io.hellmoon.feed.mexc.MexcJsonReader.LOWER_A;
import static io.hellmoon.feed.mexc.MexcJsonReader.LOWER_C;
import static io.hellmoon.feed.mexc.MexcJsonReader.LOWER_H;
import static io.hellmoon.feed.mexc.MexcJsonReader.LOWER_L;
import static io.hellmoon.feed.mexc.MexcJsonReader.LOWER_O;
import static io.hellmoon.feed.mexc.MexcJsonReader.LOWER_P;
import static io.hellmoon.feed.mexc.MexcJsonReader.LOWER_Q;
import static io.hellmoon.feed.mexc.MexcJsonReader.LOWER_T;
import static io.hellmoon.feed.mexc.MexcJsonReader.LOWER_V;
import static io.hellmoon.feed.mexc.MexcJsonReader.NULL_LONG;
import static io.hellmoon.feed.mexc.MexcJsonReader.RISE_FALL_VALUE;
import static io.hellmoon.feed.mexc.MexcJsonReader.SYMBOL;
import static io.hellmoon.feed.mexc.MexcJsonReader.TIMESTAMP;
import static io.hellmoon.feed.mexc.MexcJsonReader.TS;
import static io.hellmoon.feed.mexc.MexcJsonReader.UPPER_T;
import static io.hellmoon.feed.mexc.MexcJsonReader.VERSION;
import static io.hellmoon.feed.mexc.MexcJsonReader.VOLUME_24;

/**
 * Decodes MEXC futures (contract) WebSocket pushes, JSON with numeric prices and sizes, into Hellmoon SBE messages
 * without allocating after warm-up, in the style of the Binance JSON decoder and on the same
 * {@code io.hellmoon.feed.json} reader.
 *
 * <h2>Input and output</h2>
 * A push is {@code {"channel":C,"data":D,"symbol":S,"ts":ms}} in any field order; {@code ts} becomes
 * {@code eventTimeNs}.
 * <table>
 *     <caption>Channels</caption>
 *     <tr><th>channel</th><th>published as</th></tr>
 *     <tr><td>{@code push.deal}</td><td>{@code Trade} per deal ({@code data} an object, or an array of them):
 *     price {@code p}, size {@code v}, aggressor {@code T} (1 buy, 2 sell), {@code tradeTimeNs} from {@code t};
 *     MEXC gives futures deals no id, so {@code tradeId} is 0</td></tr>
 *     <tr><td>{@code push.depth}</td><td>{@code DepthUpdate} with {@code firstUpdateId = finalUpdateId = version}:
 *     each push is one book version and the next must be {@code version + 1} (subscribe with
 *     {@code "compress":false}, since merged pushes skip versions); levels {@code [price, contracts, orders]},
 *     sizes absolute, 0 removes</td></tr>
 *     <tr><td>{@code push.depth.full}</td><td>{@code BookLevels}: the venue's own top 5/10/20, published as the top
 *     of a synced book, checked in book order and uncrossed, {@code lastUpdateId} = {@code version}</td></tr>
 *     <tr><td>{@code push.ticker}</td><td>{@code MarkPrice} (mark = {@code fairPrice}, {@code indexPrice},
 *     {@code fundingRate}; MEXC sends no next funding time) then {@code MiniTicker} (close {@code lastPrice}, open
 *     {@code lastPrice - riseFallValue}, high {@code high24Price}, low {@code lower24Price}, volume
 *     {@code volume24}, quote volume {@code amount24}); {@code eventTimeNs} is {@code data.timestamp}</td></tr>
 *     <tr><td>{@code push.kline}</td><td>{@code Bar}: {@code interval} Min1 to Month1, open time {@code t} (seconds),
 *     close time one millisecond before the next window, {@code closed} FALSE (MEXC pushes the forming candle and
 *     never marks it complete), volume {@code q}, quote volume {@code a}; MEXC sends no taker-buy volume, trade count
 *     or trade ids, so those are SBE's int64 null</td></tr>
 * </table>
 * {@code onDepthSnapshot} takes the REST reply of {@code /api/v1/contract/depth/{symbol}}
 * ({@code {"success":true,"data":{"asks":..,"bids":..,"version":N,"timestamp":ms}}}) as a {@code DepthSnapshot}
 * with {@code lastUpdateId = version}; the book manager syncs it by {@code MexcSyncRule.FUTURES}.
 *
 * <h2>Sizes are contracts</h2>
 * Every size and volume (deal {@code v}, depth levels, {@code volume24}, kline {@code q}) is a number of contracts,
 * exactly as MEXC sends it, at the instrument's size exponent: the book and the trade tape stay in the venue's own
 * unit, so they compare exactly with the venue's REST replies and recordings. One contract is the instrument's
 * {@code contractSize} (MEXC's {@code contract/detail}): base currency per contract for USDT-margined contracts
 * ({@code BTC_USDT}: 0.0001 BTC), US dollars per contract for coin-margined ones. Put it in the registry's
 * {@code Instrument.contractSize}, which every {@code InstrumentDefinition} carries, and multiply downstream when a
 * base quantity or a notional is wanted. Quote amounts ({@code amount24}, kline {@code a}) are quote currency and are
 * cut to 18 significant digits (MEXC prints floating-point sums to 21); prices and sizes are never rounded: a value
 * finer than the instrument's exponent is an {@link MexcReasons#INEXACT_NUMBER} error.
 *
 * <h2>What is not decoded</h2>
 * Well-formed frames that are not decoded are counted by reason ({@link #unsupportedFrames(int)}): other channels
 * ({@link MexcReasons#UNKNOWN_CHANNEL}: {@code push.tickers}, {@code push.funding.rate}, {@code rs.sub.*} replies,
 * {@code pong}), JSON that is no push ({@link MexcReasons#NOT_A_PUSH}: REST replies, top-level arrays), and pushes of
 * MEXC's retired spot JSON API ({@link MexcReasons#LEGACY_SPOT}), which share channel names with futures but carry no
 * {@code ts}.
 *
 * <h2>Atomic frames, errors</h2>
 * As in the Binance JSON decoder: every message of a frame is staged and offered only when the whole frame was read
 * without a fault; a bad frame is counted once under a {@link MexcReasons} code and sampled with its position; an
 * unknown symbol without auto-registration only skips its frame. Not thread safe: one decoder per feed thread.
 */
public final class MexcFuturesDecoder implements VenueFrameHandler, AutoCloseable
{
    private static final int DEAL_CHANNEL = 0;
    private static final int DEPTH_CHANNEL = 1;
    private static final int DEPTH_FULL_CHANNEL = 2;
    private static final int TICKER_CHANNEL = 3;
    private static final int KLINE_CHANNEL = 4;
    private static final int UNKNOWN_CHANNEL = -1;

    private static final byte[] DEAL = ascii("push.deal");
    private static final byte[] DEPTH = ascii("push.depth");
    private static final byte[] DEPTH_FULL = ascii("push.depth.full");
    private static final byte[] TICKER = ascii("push.ticker");
    private static final byte[] KLINE = ascii("push.kline");

    private static final byte[][] INTERVAL_NAMES =
    {
        ascii("Min1"), ascii("Min5"), ascii("Min15"), ascii("Min30"), ascii("Min60"), ascii("Hour4"),
        ascii("Hour8"), ascii("Day1"), ascii("Week1"), ascii("Month1")
    };
    private static final BarInterval[] INTERVALS =
    {
        BarInterval.M1, BarInterval.M5, BarInterval.M15, BarInterval.M30, BarInterval.H1, BarInterval.H4,
        BarInterval.H8, BarInterval.D1, BarInterval.W1, BarInterval.MO1
    };
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final long[] INTERVAL_NS =
    {
        MINUTE_NS, 5 * MINUTE_NS, 15 * MINUTE_NS, 30 * MINUTE_NS, 60 * MINUTE_NS, 240 * MINUTE_NS,
        480 * MINUTE_NS, 1440 * MINUTE_NS, 7 * 1440 * MINUTE_NS, 0
    };
    private static final long MILLISECOND_NS = 1_000_000L;

    private final FrameOutput out;
    private final MexcJsonReader json;
    private final TradeEncoder tradeEncoder = new TradeEncoder();
    private final DepthUpdateEncoder depthUpdateEncoder = new DepthUpdateEncoder();
    private final BookLevelsEncoder bookLevelsEncoder = new BookLevelsEncoder();
    private final MarkPriceEncoder markPriceEncoder = new MarkPriceEncoder();
    private final MiniTickerEncoder miniTickerEncoder = new MiniTickerEncoder();
    private final BarEncoder barEncoder = new BarEncoder();
    private DirectBuffer frame;
    private int intervalIndex;

    /**
     * A decoder; the context is concluded here if it was not already.
     *
     * @param ctx the configuration.
     */
    public MexcFuturesDecoder(final MexcDecoderContext ctx)
    {
        if (!ctx.isConcluded())
        {
            ctx.conclude();
        }
        out = new FrameOutput(
            Venue.MEXC_FUTURES, ctx.instrumentRegistry(), ctx.autoRegister(), ctx.announceInstruments(),
            ctx.messageSink(), ctx.epochNanoClock(), ctx.counterFactory(), null == ctx.name() ? "mexc-futures" : ctx.name(),
            ctx.errorLog(),
            ctx.outputBufferLength());
        json = new MexcJsonReader(out, ctx.maxJsonDepth(), ctx.maxLevelsPerSide());
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
     * The body of {@code /api/v1/contract/depth/{symbol}}; counted as a frame.
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
        final MexcJsonReader json = this.json;
        final int first = json.begin(frame, offset, length);
        if (BEGIN_ARRAY == first)
        {
            // MEXC's retired spot API sent ["push.symbol", {...}]: valid JSON, but no push of this API.
            return json.skipValue() && json.expectEndOfInput() && out.unsupported(MexcReasons.NOT_A_PUSH);
        }
        if (BEGIN_OBJECT != first)
        {
            return json.notAnObject(first, offset, length);
        }
        if (!json.scanObject(0) || !json.expectEndOfInput())
        {
            return false;
        }

        final JsonFieldTable envelope = json.table(0);
        final int channelType = envelope.type(CHANNEL);
        if (ABSENT == channelType)
        {
            return out.unsupported(MexcReasons.NOT_A_PUSH);
        }
        if (STRING != channelType)
        {
            return out.fail(MexcReasons.WRONG_TYPE, envelope.start(CHANNEL));
        }

        final int channel = channel(envelope);
        if (UNKNOWN_CHANNEL == channel)
        {
            return out.unsupported(MexcReasons.UNKNOWN_CHANNEL);
        }
        if (ABSENT == envelope.type(TS))
        {
            return out.unsupported(MexcReasons.LEGACY_SPOT);
        }

        final long eventTimeNs = json.millis(envelope, TS);
        final int dataType = envelope.type(DATA);
        final boolean dataArray = BEGIN_ARRAY == dataType && DEAL_CHANNEL == channel;
        if (BEGIN_OBJECT != dataType && !dataArray)
        {
            return json.typeFailure(envelope, DATA, dataType);
        }
        final JsonFieldTable data = json.table(1);
        final int id = instrument(envelope, dataArray ? null : data);
        if (id <= 0)
        {
            return FrameOutput.SKIPPED == id;
        }

        switch (channel)
        {
            case DEAL_CHANNEL:
                return dataArray ? decodeDeals(id, eventTimeNs) : decodeDeal(data, id, eventTimeNs);
            case DEPTH_CHANNEL:
                return decodeDepth(data, id, eventTimeNs);
            case DEPTH_FULL_CHANNEL:
                return decodeDepthFull(data, id, eventTimeNs);
            case TICKER_CHANNEL:
                return decodeTicker(data, id);
            default:
                // KLINE_CHANNEL, the one left.
                return decodeKline(data, id, eventTimeNs);
        }
    }

    private int channel(final JsonFieldTable envelope)
    {
        if (envelope.valueEquals(frame, CHANNEL, DEAL))
        {
            return DEAL_CHANNEL;
        }
        if (envelope.valueEquals(frame, CHANNEL, DEPTH))
        {
            return DEPTH_CHANNEL;
        }
        if (envelope.valueEquals(frame, CHANNEL, DEPTH_FULL))
        {
            return DEPTH_FULL_CHANNEL;
        }
        if (envelope.valueEquals(frame, CHANNEL, TICKER))
        {
            return TICKER_CHANNEL;
        }
        if (envelope.valueEquals(frame, CHANNEL, KLINE))
        {
            return KLINE_CHANNEL;
        }
        return UNKNOWN_CHANNEL;
    }

    /**
     * The instrument of the push's {@code symbol}, or of its data's {@code symbol} when the envelope has none.
     */
    private int instrument(final JsonFieldTable envelope, final JsonFieldTable data)
    {
        final JsonFieldTable fields = ABSENT == envelope.type(SYMBOL) && null != data ? data : envelope;
        if (!json.string(fields, SYMBOL))
        {
            return FrameOutput.FAILED;
        }
        return out.resolve(frame, fields.offset(SYMBOL), fields.length(SYMBOL));
    }

    private boolean decodeDeals(final int id, final long eventTimeNs)
    {
        final MexcJsonReader json = this.json;
        json.beginDataArray();
        while (true)
        {
            final int token = json.next();
            if (END_ARRAY == token)
            {
                return true;
            }
            if (BEGIN_OBJECT != token)
            {
                return ERROR == token ? json.cursorFailure() : out.fail(MexcReasons.WRONG_TYPE, json.tokenStart());
            }
            if (!json.scanObject(1) || !decodeDeal(json.table(1), id, eventTimeNs))
            {
                return false;
            }
        }
    }

    private boolean decodeDeal(final JsonFieldTable deal, final int id, final long eventTimeNs)
    {
        final InstrumentRegistry registry = out.registry();
        final int priceExponent = registry.priceExponent(id);
        final int sizeExponent = registry.sizeExponent(id);
        final long price = json.fixed(deal, LOWER_P, priceExponent);
        final long size = json.fixed(deal, LOWER_V, sizeExponent);
        final long direction = json.integer(deal, UPPER_T);
        final long tradeTimeNs = json.millis(deal, LOWER_T);
        if (!out.failed() && 1 != direction && 2 != direction)
        {
            out.fail(MexcReasons.BAD_VALUE, deal.start(UPPER_T));
        }
        if (out.failed() || !out.reserve(TradeEncoder.BLOCK_LENGTH, deal.objectStart()))
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
            .aggressorSide(1 == direction ? Side.BUY : Side.SELL)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .price(price)
            .size(size)
            .tradeId(0)
            .firstTradeId(NULL_LONG)
            .lastTradeId(NULL_LONG);
        out.commit(encoder.encodedLength());
        return true;
    }

    private boolean decodeDepth(final JsonFieldTable data, final int id, final long eventTimeNs)
    {
        final InstrumentRegistry registry = out.registry();
        final int priceExponent = registry.priceExponent(id);
        final int sizeExponent = registry.sizeExponent(id);
        final long version = json.version(data, VERSION);
        final LevelList bids = json.bids;
        final LevelList asks = json.asks;
        json.levels(data, BIDS, bids, priceExponent, sizeExponent);
        json.levels(data, ASKS, asks, priceExponent, sizeExponent);
        if (out.failed() || !out.reserve(DepthUpdateEncoder.BLOCK_LENGTH + json.levelsLength(), data.objectStart()))
        {
            return false;
        }

        final DepthUpdateEncoder encoder = depthUpdateEncoder;
        encoder.wrapAndApplyHeader(out.buffer(), out.limit(), out.header())
            .instrumentId(id)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(out.receiveTimeNs())
            .publishTimeNs(out.publishTimeNs())
            .transactTimeNs(NULL_LONG)
            .firstUpdateId(version)
            .finalUpdateId(version)
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

    private boolean decodeDepthFull(final JsonFieldTable data, final int id, final long eventTimeNs)
    {
        final InstrumentRegistry registry = out.registry();
        final int priceExponent = registry.priceExponent(id);
        final int sizeExponent = registry.sizeExponent(id);
        final long version = json.version(data, VERSION);
        final LevelList bids = json.bids;
        final LevelList asks = json.asks;
        json.levels(data, BIDS, bids, priceExponent, sizeExponent);
        json.levels(data, ASKS, asks, priceExponent, sizeExponent);
        if (out.failed() || !inBookOrder(bids, asks, data) ||
            !out.reserve(BookLevelsEncoder.BLOCK_LENGTH + json.levelsLength(), data.objectStart()))
        {
            return false;
        }
        encodeBookLevels(bookLevelsEncoder, out, id, eventTimeNs, version, priceExponent, sizeExponent, bids, asks);
        return true;
    }

    /**
     * Check partial-depth levels: bids strictly falling, asks strictly rising, best bid below best ask.
     */
    private boolean inBookOrder(final LevelList bids, final LevelList asks, final JsonFieldTable data)
    {
        if (!isInBookOrder(bids, asks))
        {
            return out.fail(MexcReasons.BAD_BOOK, data.objectStart());
        }
        return true;
    }

    static boolean isInBookOrder(final LevelList bids, final LevelList asks)
    {
        for (int i = 1; i < bids.count; i++)
        {
            if (bids.prices[i] >= bids.prices[i - 1])
            {
                return false;
            }
        }
        for (int i = 1; i < asks.count; i++)
        {
            if (asks.prices[i] <= asks.prices[i - 1])
            {
                return false;
            }
        }
        return 0 == bids.count || 0 == asks.count || bids.prices[0] < asks.prices[0];
    }

    static void encodeBookLevels(
        final BookLevelsEncoder encoder,
        final FrameOutput out,
        final int id,
        final long eventTimeNs,
        final long version,
        final int priceExponent,
        final int sizeExponent,
        final LevelList bids,
        final LevelList asks)
    {
        encoder.wrapAndApplyHeader(out.buffer(), out.limit(), out.header())
            .instrumentId(id)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(out.receiveTimeNs())
            .publishTimeNs(out.publishTimeNs())
            .lastUpdateId(version)
            .bidLevelCount(bids.count)
            .askLevelCount(asks.count)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent);
        final BookLevelsEncoder.BidsEncoder bidsEncoder = encoder.bidsCount(bids.count);
        for (int i = 0; i < bids.count; i++)
        {
            bidsEncoder.next().price(bids.prices[i]).size(bids.sizes[i]);
        }
        final BookLevelsEncoder.AsksEncoder asksEncoder = encoder.asksCount(asks.count);
        for (int i = 0; i < asks.count; i++)
        {
            asksEncoder.next().price(asks.prices[i]).size(asks.sizes[i]);
        }
        out.commit(encoder.encodedLength());
    }

    private boolean decodeTicker(final JsonFieldTable data, final int id)
    {
        final InstrumentRegistry registry = out.registry();
        final int priceExponent = registry.priceExponent(id);
        final int sizeExponent = registry.sizeExponent(id);
        final MexcJsonReader json = this.json;
        final long eventTimeNs = json.millis(data, TIMESTAMP);
        final long markPrice = json.fixed(data, FAIR_PRICE, priceExponent);
        final long indexPrice = json.optionalFixed(data, INDEX_PRICE, priceExponent);
        final long fundingRate = json.optionalDecimal(data, FUNDING_RATE);
        final byte fundingRateExponent = json.decimalExponent();
        final long lastPrice = json.fixed(data, LAST_PRICE, priceExponent);
        final long change = json.signedFixed(data, RISE_FALL_VALUE, priceExponent);
        final long highPrice = json.fixed(data, HIGH_24_PRICE, priceExponent);
        final long lowPrice = json.fixed(data, LOWER_24_PRICE, priceExponent);
        final long volume = json.fixed(data, VOLUME_24, sizeExponent);
        final long quoteVolume = json.truncatedDecimal(data, AMOUNT_24);
        final byte quoteVolumeExponent = json.decimalExponent();
        final long openPrice = lastPrice - change;
        if (!out.failed() && openPrice < 0)
        {
            out.fail(MexcReasons.BAD_VALUE, data.start(RISE_FALL_VALUE));
        }
        if (out.failed() ||
            !out.reserve(MarkPriceEncoder.BLOCK_LENGTH + FrameOutput.HEADER_LENGTH + MiniTickerEncoder.BLOCK_LENGTH,
            data.objectStart()))
        {
            return false;
        }

        final MarkPriceEncoder mark = markPriceEncoder;
        mark.wrapAndApplyHeader(out.buffer(), out.limit(), out.header())
            .instrumentId(id)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(out.receiveTimeNs())
            .publishTimeNs(out.publishTimeNs())
            .priceExponent((byte)priceExponent)
            .markPrice(markPrice)
            .indexPrice(indexPrice)
            .estimatedSettlePrice(NULL_LONG)
            .nextFundingTimeNs(NULL_LONG);
        mark.fundingRate().mantissa(fundingRate).exponent(fundingRateExponent);
        out.commit(mark.encodedLength());

        final MiniTickerEncoder ticker = miniTickerEncoder;
        ticker.wrapAndApplyHeader(out.buffer(), out.limit(), out.header())
            .instrumentId(id)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(out.receiveTimeNs())
            .publishTimeNs(out.publishTimeNs())
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .openPrice(openPrice)
            .highPrice(highPrice)
            .lowPrice(lowPrice)
            .closePrice(lastPrice)
            .volume(volume);
        ticker.quoteVolume().mantissa(quoteVolume).exponent(quoteVolumeExponent);
        out.commit(ticker.encodedLength());
        return true;
    }

    private boolean decodeKline(final JsonFieldTable data, final int id, final long eventTimeNs)
    {
        final InstrumentRegistry registry = out.registry();
        final int priceExponent = registry.priceExponent(id);
        final int sizeExponent = registry.sizeExponent(id);
        final MexcJsonReader json = this.json;
        final BarInterval interval = interval(data);
        final long openTimeNs = json.seconds(data, LOWER_T);
        final long openPrice = json.fixed(data, LOWER_O, priceExponent);
        final long highPrice = json.fixed(data, LOWER_H, priceExponent);
        final long lowPrice = json.fixed(data, LOWER_L, priceExponent);
        final long closePrice = json.fixed(data, LOWER_C, priceExponent);
        final long volume = json.fixed(data, LOWER_Q, sizeExponent);
        final long quoteVolume = json.truncatedDecimal(data, LOWER_A);
        final byte quoteVolumeExponent = json.decimalExponent();
        if (out.failed() || !out.reserve(BarEncoder.BLOCK_LENGTH, data.objectStart()))
        {
            return false;
        }
        final long closeTimeNs = BarInterval.MO1 == interval ?
            monthEndNs(openTimeNs) : openTimeNs + INTERVAL_NS[intervalIndex] - MILLISECOND_NS;

        final BarEncoder encoder = barEncoder;
        encoder.wrapAndApplyHeader(out.buffer(), out.limit(), out.header())
            .instrumentId(id)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(out.receiveTimeNs())
            .publishTimeNs(out.publishTimeNs())
            .interval(interval)
            .openTimeNs(openTimeNs)
            .closeTimeNs(closeTimeNs)
            .closed(BooleanType.FALSE)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .openPrice(openPrice)
            .highPrice(highPrice)
            .lowPrice(lowPrice)
            .closePrice(closePrice)
            .volume(volume)
            .takerBuyVolume(NULL_LONG)
            .tradeCount(NULL_LONG)
            .firstTradeId(NULL_LONG)
            .lastTradeId(NULL_LONG);
        encoder.quoteVolume().mantissa(quoteVolume).exponent(quoteVolumeExponent);
        encoder.takerBuyQuoteVolume().mantissa(NULL_LONG).exponent((byte)0);
        out.commit(encoder.encodedLength());
        return true;
    }

    private BarInterval interval(final JsonFieldTable data)
    {
        if (!json.string(data, INTERVAL))
        {
            return BarInterval.NULL_VAL;
        }
        for (int i = 0; i < INTERVAL_NAMES.length; i++)
        {
            if (data.valueEquals(frame, INTERVAL, INTERVAL_NAMES[i]))
            {
                intervalIndex = i;
                return INTERVALS[i];
            }
        }
        out.fail(MexcReasons.BAD_VALUE, data.start(INTERVAL));
        return BarInterval.NULL_VAL;
    }

    /**
     * One millisecond before the first instant of the month after the one starting at {@code openTimeNs} (UTC),
     * by the civil-from-days and days-from-civil algorithms (H. Hinnant), without allocating.
     */
    static long monthEndNs(final long openTimeNs)
    {
        final long days = Math.floorDiv(openTimeNs, 86_400_000_000_000L);
        final long z = days + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long dayOfEra = z - era * 146_097;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long shiftedMonth = (5 * dayOfYear + 2) / 153;
        final long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

        final long nextMonth = 12 == month ? 1 : month + 1;
        final long nextYear = 12 == month ? year + 1 : year;
        return daysFromCivil(nextYear, nextMonth, 1) * 86_400_000_000_000L - MILLISECOND_NS;
    }

    private static long daysFromCivil(final long year, final long month, final long day)
    {
        final long y = month <= 2 ? year - 1 : year;
        final long era = Math.floorDiv(y, 400);
        final long yearOfEra = y - era * 400;
        final long dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        final long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
