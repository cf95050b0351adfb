/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance;

import io.aeron.exceptions.ConfigurationException;
import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.Venues;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.HellmoonCounters;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.codecs.errors.SampledErrorLog;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.json.JsonCursor;
import io.hellmoon.feed.json.JsonFieldTable;
import io.hellmoon.feed.json.JsonNumberParser;
import io.hellmoon.feed.json.JsonScanner;
import io.hellmoon.sbe.BarEncoder;
import io.hellmoon.sbe.BarInterval;
import io.hellmoon.sbe.BestBidOfferEncoder;
import io.hellmoon.sbe.BooleanType;
import io.hellmoon.sbe.Decimal64Encoder;
import io.hellmoon.sbe.DepthSnapshotEncoder;
import io.hellmoon.sbe.DepthUpdateEncoder;
import io.hellmoon.sbe.InstrumentDefinitionEncoder;
import io.hellmoon.sbe.LiquidationEncoder;
import io.hellmoon.sbe.MarkPriceEncoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.MiniTickerEncoder;
import io.hellmoon.sbe.OrderStatus;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeCondition;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.Venue;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static io.hellmoon.codecs.InstrumentRegistry.NULL_INSTRUMENT_ID;
import static io.hellmoon.feed.json.JsonCursor.BEGIN_ARRAY;
import static io.hellmoon.feed.json.JsonCursor.BEGIN_OBJECT;
import static io.hellmoon.feed.json.JsonCursor.END_ARRAY;
import static io.hellmoon.feed.json.JsonCursor.END_OBJECT;
import static io.hellmoon.feed.json.JsonCursor.END_OF_INPUT;
import static io.hellmoon.feed.json.JsonCursor.ERROR;
import static io.hellmoon.feed.json.JsonCursor.FALSE;
import static io.hellmoon.feed.json.JsonCursor.FIELD_NAME;
import static io.hellmoon.feed.json.JsonCursor.NULL;
import static io.hellmoon.feed.json.JsonCursor.NUMBER;
import static io.hellmoon.feed.json.JsonCursor.STRING;
import static io.hellmoon.feed.json.JsonCursor.TRUE;
import static io.hellmoon.feed.json.JsonFieldTable.ABSENT;
import static io.hellmoon.feed.json.JsonFieldTable.NO_SLOT;

/**
 * Decodes Binance's JSON market-data streams (spot, Binance.US, USD-M and COIN-M futures) into Hellmoon SBE
 * messages, without allocating after warm-up.
 * <p>
 * <b>Input.</b> {@link #onFrame} takes a combined-stream envelope {@code {"stream":..,"data":..}} or a raw event
 * object; {@code data}, or the whole frame, may also be an array of events (all-market streams such as
 * {@code !markPrice@arr}, {@code !miniTicker@arr}), giving one message per element. Events are recognised by their
 * {@code e} field, and the spot {@code bookTicker}, which has none, by its shape ({@code u,s,b,B,a,A}), so the stream
 * name is not needed. {@link #onDepthSnapshot} takes a REST depth reply. Fields may come in any order; unknown fields
 * are skipped (but checked to be valid JSON).
 * <p>
 * <b>Output.</b> trade and aggTrade to {@code Trade}, bookTicker to {@code BestBidOffer}, depthUpdate to
 * {@code DepthUpdate}, kline to {@code Bar}, forceOrder to {@code Liquidation}, markPriceUpdate to {@code MarkPrice},
 * 24hrMiniTicker to {@code MiniTicker}, REST depth to {@code DepthSnapshot}. Futures partial-depth streams
 * ({@code @depth5/10/20}) are depthUpdate events too and decode as {@code DepthUpdate} (their {@code pu} may be -1):
 * only the subscription tells them from diffs.
 * <p>
 * Prices and sizes are exact mantissas at the instrument's exponents from the registry; quote volumes and funding
 * rates are {@code Decimal64} with the exponent their text needs. Every JSON time, in streams and snapshots alike
 * (milliseconds, or microseconds if so configured), becomes epoch nanoseconds; {@code eventTimeNs} is null when the
 * event has no {@code E}; {@code receiveTimeNs} is the caller's, {@code publishTimeNs} is read from the clock once per
 * frame. Each message is offered whole (header included) to the {@link MessageSink}.
 * <p>
 * <b>Atomic frames.</b> Every message of a frame is encoded into an output buffer first and offered only once the
 * whole frame has been read and found valid, so a frame that turns out truncated or malformed halfway publishes
 * nothing. A frame is then exactly one of: decoded (its messages offered), unsupported (well-formed but of types not
 * decoded, such as {@code 24hrTicker} or spot partial depth {@code {"lastUpdateId",...}}: counted, not published) or
 * bad (counted once under a reason code and sampled into the {@link SampledErrorLog} with the position in the frame
 * where decoding failed). The one exception is {@link #UNKNOWN_SYMBOL}: an event for a symbol not in the registry is
 * recorded and skipped on its own, so one new listing does not silence a whole all-market array.
 * <p>
 * <b>How: two paths.</b> The <em>fast path</em> reads the frames Binance actually sends, in one pass with a
 * {@link JsonScanner}: the bytes are read in place, 8 at a time where that helps, each field's value is read as its
 * event's shape (below) says as soon as its name is seen, prices and sizes become mantissas in the same loop that
 * finds where they end, depth levels are converted straight into the output message's group entries, and the message
 * is encoded when the event's object closes. It accepts only what it can decode exactly as the general path would:
 * the usual envelope, "e" first, no escapes, every field of the expected type, a symbol already registered (and
 * announced); whitespace, as in pretty-printed frames, is passed where JSON allows it. At the first surprise it gives the frame up, discarding what it encoded, and the
 * <em>general path</em> decodes the frame from its first byte: one validating pass of a {@link JsonCursor} notes each
 * object's fields in a {@link JsonFieldTable} (where each value is, not a copy), the nested values a message needs
 * ({@code data}, a kline's {@code k}, a forceOrder's {@code o}, depth levels) are descended into and everything else
 * is skipped, and an event is decoded as soon as its object closes, once its symbol, and so its exponents, are known.
 * Bad frames are therefore always judged by the general path alone: when a frame has several faults, the one
 * reported is the first met in its pass and then in the decoder's fixed order of fields. Both paths fill the same
 * per-field values and share one encode method per message, so they cannot encode a message differently.
 * {@link #fastPathFrames()} counts the frames the fast path took.
 * <p>
 * <b>Instruments.</b> Symbols are looked up straight from the frame's bytes. With auto-registration a symbol seen for
 * the first time is added to the registry (allocating, once per symbol). With instrument announcement (on by default
 * with auto-registration) the first message published for any instrument is preceded by its
 * {@code InstrumentDefinition}, so subscribers learn the symbol before its data.
 * <p>
 * Not thread safe: one decoder per feed thread; the registry must not be changed by another thread meanwhile.
 */
public final class BinanceJsonDecoder implements VenueFrameHandler, AutoCloseable
{
    /**
     * Reason: the frame does not start with {@code '{'} or {@code '['} (after whitespace): binary data, text, a bare
     * scalar.
     */
    public static final int NOT_JSON = 0;

    /**
     * Reason: the frame is empty or only whitespace.
     */
    public static final int EMPTY_FRAME = 1;

    /**
     * Reason: the frame ends inside a JSON value.
     */
    public static final int TRUNCATED = 2;

    /**
     * Reason: JSON syntax error: unexpected character, bad string escape or control character, data after the end.
     */
    public static final int MALFORMED_JSON = 3;

    /**
     * Reason: nesting deeper than the configured maximum JSON depth.
     */
    public static final int TOO_DEEP = 4;

    /**
     * Reason: a value of the wrong JSON type, e.g. a price that is an object, a time that is a string, a level that
     * is not {@code [price, size]}, {@code data} that is a string.
     */
    public static final int WRONG_TYPE = 5;

    /**
     * Reason: a field the message needs is absent; the position is the start of the object missing it.
     */
    public static final int MISSING_FIELD = 6;

    /**
     * Reason: a field the decoder reads appears twice in one object, making the frame ambiguous.
     */
    public static final int DUPLICATE_FIELD = 7;

    /**
     * Reason: a symbol not in the registry while auto-registration is off; only that event is skipped.
     */
    public static final int UNKNOWN_SYMBOL = 8;

    /**
     * Reason: with auto-registration, a symbol that cannot be registered: empty, longer than 64 bytes, or with bytes
     * other than {@code A-Z a-z 0-9 _ - .}.
     */
    public static final int BAD_SYMBOL = 9;

    /**
     * Reason: a number that is malformed, or out of range for its field (a negative price or size, a negative time,
     * a fraction where an integer id is required).
     */
    public static final int BAD_NUMBER = 10;

    /**
     * Reason: a number with more significant digits than a 64-bit mantissa holds, or too large for its field.
     */
    public static final int NUMBER_TOO_LONG = 11;

    /**
     * Reason: a price or size with more fractional digits than the instrument's exponent keeps: it would have to be
     * rounded, so the registry's exponent is wrong for this instrument.
     */
    public static final int INEXACT_NUMBER = 12;

    /**
     * Reason: an enumerated field with a value the decoder does not know (side, order status, kline interval).
     */
    public static final int BAD_VALUE = 13;

    /**
     * Reason: more price levels on one side than the configured maximum.
     */
    public static final int TOO_MANY_LEVELS = 14;

    /**
     * Reason: the frame's messages do not fit the configured output buffer.
     */
    public static final int TOO_MANY_MESSAGES = 15;

    /**
     * Reason: {@link #onDepthSnapshot} was given an instrument id the registry does not have.
     */
    public static final int UNKNOWN_INSTRUMENT = 16;

    private static final String[] REASON_NAMES =
    {
        "NOT_JSON", "EMPTY_FRAME", "TRUNCATED", "MALFORMED_JSON", "TOO_DEEP", "WRONG_TYPE", "MISSING_FIELD",
        "DUPLICATE_FIELD", "UNKNOWN_SYMBOL", "BAD_SYMBOL", "BAD_NUMBER", "NUMBER_TOO_LONG", "INEXACT_NUMBER",
        "BAD_VALUE", "TOO_MANY_LEVELS", "TOO_MANY_MESSAGES", "UNKNOWN_INSTRUMENT"
    };

    /**
     * Most bytes in a symbol, as the registry's index allows.
     */
    public static final int MAX_SYMBOL_LENGTH = 64;

    // Field names the decoder reads, as Binance spells them (case matters: 'b' is the bid, 'B' its size).
    private static final String[] FIELD_NAMES =
    {
        "e", "E", "s", "t", "p", "q", "T", "m", "X", "a", "f", "l", "u", "b", "B", "A", "U", "pu", "k", "o", "i",
        "P", "r", "c", "h", "v", "n", "x", "V", "Q", "L", "S", "ap", "z", "data", "lastUpdateId", "bids", "asks"
    };
    private static final int LOWER_E = 0;
    private static final int UPPER_E = 1;
    private static final int LOWER_S = 2;
    private static final int LOWER_T = 3;
    private static final int LOWER_P = 4;
    private static final int LOWER_Q = 5;
    private static final int UPPER_T = 6;
    private static final int LOWER_M = 7;
    private static final int UPPER_X = 8;
    private static final int LOWER_A = 9;
    private static final int LOWER_F = 10;
    private static final int LOWER_L = 11;
    private static final int LOWER_U = 12;
    private static final int LOWER_B = 13;
    private static final int UPPER_B = 14;
    private static final int UPPER_A = 15;
    private static final int UPPER_U = 16;
    private static final int PU = 17;
    private static final int LOWER_K = 18;
    private static final int LOWER_O = 19;
    private static final int LOWER_I = 20;
    private static final int UPPER_P = 21;
    private static final int LOWER_R = 22;
    private static final int LOWER_C = 23;
    private static final int LOWER_H = 24;
    private static final int LOWER_V = 25;
    private static final int LOWER_N = 26;
    private static final int LOWER_X = 27;
    private static final int UPPER_V = 28;
    private static final int UPPER_Q = 29;
    private static final int UPPER_L = 30;
    private static final int UPPER_S = 31;
    private static final int AP = 32;
    private static final int LOWER_Z = 33;
    private static final int DATA = 34;
    private static final int LAST_UPDATE_ID = 35;
    private static final int BIDS = 36;
    private static final int ASKS = 37;

    // Objects are read into one table per nesting level: 0 the frame, 1 an event in "data" or a raw event's "k"/"o",
    // 2 the "k"/"o" of an event in "data". Deeper objects are skipped.
    private static final int TABLE_LEVELS = 3;

    private static final byte[] TRADE_EVENT = ascii("trade");
    private static final byte[] AGG_TRADE_EVENT = ascii("aggTrade");
    private static final byte[] BOOK_TICKER_EVENT = ascii("bookTicker");
    private static final byte[] DEPTH_UPDATE_EVENT = ascii("depthUpdate");
    private static final byte[] KLINE_EVENT = ascii("kline");
    private static final byte[] FORCE_ORDER_EVENT = ascii("forceOrder");
    private static final byte[] MARK_PRICE_EVENT = ascii("markPriceUpdate");
    private static final byte[] MINI_TICKER_EVENT = ascii("24hrMiniTicker");

    // Enumerated values: a name's index in its list is the index of its value; values[] holds the index.
    private static final byte[][] TRADE_CONDITION_NAMES = { ascii("MARKET"), ascii("INSURANCE_FUND"), ascii("ADL") };
    private static final TradeCondition[] TRADE_CONDITIONS =
    {
        TradeCondition.NORMAL, TradeCondition.INSURANCE_FUND, TradeCondition.ADL, TradeCondition.OTHER
    };
    private static final int NORMAL_CONDITION = 0;
    private static final int OTHER_CONDITION = 3;

    private static final byte[][] SIDE_NAMES = { ascii("BUY"), ascii("SELL") };
    private static final Side[] SIDES = { Side.BUY, Side.SELL };

    private static final byte[][] INTERVAL_NAMES =
    {
        ascii("1s"), ascii("1m"), ascii("3m"), ascii("5m"), ascii("15m"), ascii("30m"), ascii("1h"), ascii("2h"),
        ascii("4h"), ascii("6h"), ascii("8h"), ascii("12h"), ascii("1d"), ascii("3d"), ascii("1w"), ascii("1M")
    };
    private static final BarInterval[] INTERVALS =
    {
        BarInterval.S1, BarInterval.M1, BarInterval.M3, BarInterval.M5, BarInterval.M15, BarInterval.M30,
        BarInterval.H1, BarInterval.H2, BarInterval.H4, BarInterval.H6, BarInterval.H8, BarInterval.H12,
        BarInterval.D1, BarInterval.D3, BarInterval.W1, BarInterval.MO1
    };

    private static final byte[][] ORDER_STATUS_NAMES =
    {
        ascii("NEW"), ascii("PARTIALLY_FILLED"), ascii("FILLED"), ascii("CANCELED"), ascii("REJECTED"),
        ascii("EXPIRED")
    };
    private static final OrderStatus[] ORDER_STATUSES =
    {
        OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED, OrderStatus.CANCELED,
        OrderStatus.REJECTED, OrderStatus.EXPIRED
    };

    private static final long NULL_LONG = TradeEncoder.firstTradeIdNullValue();
    private static final int HEADER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final int GROUP_HEADER_LENGTH = 4;
    private static final int LEVEL_LENGTH = 16;
    private static final int SMALLEST_MESSAGE_LENGTH = HEADER_LENGTH + Math.min(
        Math.min(TradeEncoder.BLOCK_LENGTH, BestBidOfferEncoder.BLOCK_LENGTH),
        Math.min(MarkPriceEncoder.BLOCK_LENGTH, MiniTickerEncoder.BLOCK_LENGTH));

    // Both depth messages' groups are {price, size} entries of the same layout.
    private static final int LEVEL_PRICE_OFFSET = DepthUpdateEncoder.BidsEncoder.priceEncodingOffset();
    private static final int LEVEL_SIZE_OFFSET = DepthUpdateEncoder.BidsEncoder.sizeEncodingOffset();
    private static final boolean NATIVE_LEVEL_ORDER = DepthUpdateEncoder.BYTE_ORDER == ByteOrder.nativeOrder();
    private static final int NO_LEVELS = -1;

    private static final int NO_FAILURE = -1;

    // Slots of the fast path's symbol cache: room for 2,048 symbols, all of a venue's.
    private static final int SYMBOL_CACHE_CAPACITY = 4096;

    // Results of instrument resolution besides a valid id.
    private static final int FAILED = 0;
    private static final int SKIPPED = -1;

    // The fast path's start of a combined-stream envelope, {"stream":"...","data":..., and of an event, "e":.
    private static final long ENVELOPE_START = JsonScanner.word("{\"stream");
    private static final long ENVELOPE_STREAM_END = JsonScanner.word("\":");
    private static final long ENVELOPE_DATA = JsonScanner.word(",\"data\":");
    private static final long EVENT_TYPE_FIELD = JsonScanner.word("\"e\":");

    // How the fast path reads a field's value (EventShape.reads).
    private static final byte SKIP = 0;
    private static final byte FALL_BACK = 1;
    private static final byte READ_SYMBOL = 2;
    private static final byte READ_TIME = 3;
    private static final byte READ_INTEGER = 4;
    private static final byte READ_PRICE = 5;
    private static final byte READ_SIZE = 6;
    private static final byte READ_DECIMAL = 7;
    private static final byte READ_FLAG = 8;
    private static final byte READ_TRADE_CONDITION = 9;
    private static final byte READ_SIDE = 10;
    private static final byte READ_ORDER_STATUS = 11;
    private static final byte READ_INTERVAL = 12;
    private static final byte READ_BIDS = 13;
    private static final byte READ_ASKS = 14;
    private static final byte READ_OBJECT = 15;

    // The message an EventShape is encoded as.
    private static final int NESTED_OBJECT = -1;
    private static final int TRADE_MESSAGE = 0;
    private static final int AGG_TRADE_MESSAGE = 1;
    private static final int BEST_BID_OFFER_MESSAGE = 2;
    private static final int DEPTH_UPDATE_MESSAGE = 3;
    private static final int DEPTH_SNAPSHOT_MESSAGE = 4;
    private static final int BAR_MESSAGE = 5;
    private static final int LIQUIDATION_MESSAGE = 6;
    private static final int MARK_PRICE_MESSAGE = 7;
    private static final int MINI_TICKER_MESSAGE = 8;

    // What the fast path expects of each event, as the general path's decode methods read it.
    private static final EventShape TRADE_SHAPE =
        new EventShape(TRADE_EVENT, TRADE_MESSAGE, TradeEncoder.BLOCK_LENGTH)
        .require(LOWER_S, READ_SYMBOL)
        .allow(UPPER_E, READ_TIME, NULL_LONG)
        .require(UPPER_T, READ_TIME)
        .require(LOWER_P, READ_PRICE)
        .require(LOWER_Q, READ_SIZE)
        .require(LOWER_M, READ_FLAG)
        .require(LOWER_T, READ_INTEGER)
        .allow(UPPER_X, READ_TRADE_CONDITION, NORMAL_CONDITION);
    private static final EventShape AGG_TRADE_SHAPE =
        new EventShape(AGG_TRADE_EVENT, AGG_TRADE_MESSAGE, TradeEncoder.BLOCK_LENGTH)
        .require(LOWER_S, READ_SYMBOL)
        .allow(UPPER_E, READ_TIME, NULL_LONG)
        .require(UPPER_T, READ_TIME)
        .require(LOWER_P, READ_PRICE)
        .require(LOWER_Q, READ_SIZE)
        .require(LOWER_M, READ_FLAG)
        .require(LOWER_A, READ_INTEGER)
        .require(LOWER_F, READ_INTEGER)
        .require(LOWER_L, READ_INTEGER)
        .allow(UPPER_X, READ_TRADE_CONDITION, NORMAL_CONDITION);
    private static final EventShape BOOK_TICKER_SHAPE =
        new EventShape(BOOK_TICKER_EVENT, BEST_BID_OFFER_MESSAGE, BestBidOfferEncoder.BLOCK_LENGTH)
        .require(LOWER_S, READ_SYMBOL)
        .allow(UPPER_E, READ_TIME, NULL_LONG)
        .allow(UPPER_T, READ_TIME, NULL_LONG)
        .allow(LOWER_U, READ_INTEGER, NULL_LONG)
        .require(LOWER_B, READ_PRICE)
        .require(UPPER_B, READ_SIZE)
        .require(LOWER_A, READ_PRICE)
        .require(UPPER_A, READ_SIZE);
    // Spot bookTicker: no "e", and recognised by having all of u, s, b, B, a and A.
    private static final EventShape SPOT_BOOK_TICKER =
        new EventShape(null, BEST_BID_OFFER_MESSAGE, BestBidOfferEncoder.BLOCK_LENGTH)
        .refuse(LOWER_E)
        .require(LOWER_U, READ_INTEGER)
        .require(LOWER_S, READ_SYMBOL)
        .allow(UPPER_E, READ_TIME, NULL_LONG)
        .allow(UPPER_T, READ_TIME, NULL_LONG)
        .require(LOWER_B, READ_PRICE)
        .require(UPPER_B, READ_SIZE)
        .require(LOWER_A, READ_PRICE)
        .require(UPPER_A, READ_SIZE);
    private static final EventShape DEPTH_UPDATE_SHAPE =
        new EventShape(DEPTH_UPDATE_EVENT, DEPTH_UPDATE_MESSAGE, DepthUpdateEncoder.BLOCK_LENGTH)
        .require(LOWER_S, READ_SYMBOL)
        .allow(UPPER_E, READ_TIME, NULL_LONG)
        .allow(UPPER_T, READ_TIME, NULL_LONG)
        .require(UPPER_U, READ_INTEGER)
        .require(LOWER_U, READ_INTEGER)
        .allow(PU, READ_INTEGER, NULL_LONG)
        .require(LOWER_B, READ_BIDS)
        .require(LOWER_A, READ_ASKS);
    private static final EventShape KLINE_SHAPE =
        new EventShape(KLINE_EVENT, BAR_MESSAGE, BarEncoder.BLOCK_LENGTH)
        .require(LOWER_S, READ_SYMBOL)
        .allow(UPPER_E, READ_TIME, NULL_LONG)
        .nest(LOWER_K, new EventShape(null, NESTED_OBJECT, 0)
            .require(LOWER_I, READ_INTERVAL)
            .require(LOWER_T, READ_TIME)
            .require(UPPER_T, READ_TIME)
            .require(LOWER_X, READ_FLAG)
            .require(LOWER_O, READ_PRICE)
            .require(LOWER_H, READ_PRICE)
            .require(LOWER_L, READ_PRICE)
            .require(LOWER_C, READ_PRICE)
            .require(LOWER_V, READ_SIZE)
            .require(UPPER_V, READ_SIZE)
            .require(LOWER_N, READ_INTEGER)
            .allow(LOWER_F, READ_INTEGER, NULL_LONG)
            .allow(UPPER_L, READ_INTEGER, NULL_LONG)
            .require(LOWER_Q, READ_DECIMAL)
            .require(UPPER_Q, READ_DECIMAL));
    private static final EventShape FORCE_ORDER_SHAPE =
        new EventShape(FORCE_ORDER_EVENT, LIQUIDATION_MESSAGE, LiquidationEncoder.BLOCK_LENGTH)
        .allow(UPPER_E, READ_TIME, NULL_LONG)
        .nest(LOWER_O, new EventShape(null, NESTED_OBJECT, 0)
            .require(LOWER_S, READ_SYMBOL)
            .allow(UPPER_T, READ_TIME, NULL_LONG)
            .require(UPPER_S, READ_SIDE)
            .require(UPPER_X, READ_ORDER_STATUS)
            .require(LOWER_P, READ_PRICE)
            .require(AP, READ_PRICE)
            .require(LOWER_Q, READ_SIZE)
            .require(LOWER_L, READ_SIZE)
            .require(LOWER_Z, READ_SIZE));
    private static final EventShape MARK_PRICE_SHAPE =
        new EventShape(MARK_PRICE_EVENT, MARK_PRICE_MESSAGE, MarkPriceEncoder.BLOCK_LENGTH)
        .require(LOWER_S, READ_SYMBOL)
        .allow(UPPER_E, READ_TIME, NULL_LONG)
        .require(LOWER_P, READ_PRICE)
        .allow(LOWER_I, READ_PRICE, NULL_LONG)
        .allow(UPPER_P, READ_PRICE, NULL_LONG)
        .allow(LOWER_R, READ_DECIMAL, NULL_LONG)
        .allow(UPPER_T, READ_TIME, NULL_LONG);
    private static final EventShape MINI_TICKER_SHAPE =
        new EventShape(MINI_TICKER_EVENT, MINI_TICKER_MESSAGE, MiniTickerEncoder.BLOCK_LENGTH)
        .require(LOWER_S, READ_SYMBOL)
        .allow(UPPER_E, READ_TIME, NULL_LONG)
        .require(LOWER_O, READ_PRICE)
        .require(LOWER_H, READ_PRICE)
        .require(LOWER_L, READ_PRICE)
        .require(LOWER_C, READ_PRICE)
        .require(LOWER_V, READ_SIZE)
        .require(LOWER_Q, READ_DECIMAL);
    // The REST depth body, for a given instrument.
    private static final EventShape SNAPSHOT =
        new EventShape(null, DEPTH_SNAPSHOT_MESSAGE, DepthSnapshotEncoder.BLOCK_LENGTH)
        .require(LAST_UPDATE_ID, READ_INTEGER)
        .allow(UPPER_E, READ_TIME, NULL_LONG)
        .allow(UPPER_T, READ_TIME, NULL_LONG)
        .require(BIDS, READ_BIDS)
        .require(ASKS, READ_ASKS);
    // Events with an "e", most frequent first.
    private static final EventShape[] EVENT_SHAPES =
    {
        BOOK_TICKER_SHAPE, TRADE_SHAPE, DEPTH_UPDATE_SHAPE, AGG_TRADE_SHAPE, MARK_PRICE_SHAPE, KLINE_SHAPE,
        MINI_TICKER_SHAPE, FORCE_ORDER_SHAPE
    };

    private static final EventShape[] SHAPES_BY_FIRST_BYTE = new EventShape[128];

    static
    {
        for (final EventShape shape : EVENT_SHAPES)
        {
            final int firstByte = shape.eventType[0];
            if (null != SHAPES_BY_FIRST_BYTE[firstByte])
            {
                throw new IllegalStateException("two event types start with " + (char)firstByte);
            }
            SHAPES_BY_FIRST_BYTE[firstByte] = shape;
        }
    }

    private final Venue venue;
    private final int venueCode;
    private final InstrumentRegistry registry;
    private final boolean autoRegister;
    private final boolean announceInstruments;
    private final MessageSink sink;
    private final EpochNanoClock clock;
    private final SampledErrorLog errorLog;
    private final long timeMultiplier;
    private final long maxTimeValue;
    private final AtomicCounter framesInCounter;
    private final AtomicCounter messagesOutCounter;
    private final AtomicCounter unsupportedCounter;
    private final AtomicCounter ownedErrorCounter;

    private final boolean fastPath;
    private final int maxLevelsPerSide;
    private final JsonScanner scanner = new JsonScanner();
    private final SymbolIdCache knownSymbols = new SymbolIdCache(SYMBOL_CACHE_CAPACITY);
    private final JsonFieldTable fieldNames = new JsonFieldTable(FIELD_NAMES);
    private final JsonCursor cursor;
    private final JsonNumberParser numbers = new JsonNumberParser();
    private final JsonFieldTable[] tables = new JsonFieldTable[TABLE_LEVELS];
    private final LevelList bids;
    private final LevelList asks;

    /*
     * The event being decoded, whichever path reads it: its instrument, and its values by field slot (FIELD_NAMES)
     * for the encode methods. Times are epoch nanoseconds, prices and sizes mantissas at the instrument's exponents,
     * flags 0 or 1, enumerated names indexes into their lists, decimals mantissas with their exponents in exponents[].
     * An event and the object nested in it never use the same slot for two values.
     */
    private final long[] values = new long[FIELD_NAMES.length];
    private final byte[] exponents = new byte[FIELD_NAMES.length];
    private int instrumentId;
    private int priceExponent;
    private int sizeExponent;

    // The fast path's levels: counts per side (NO_LEVELS until read) and where the asks' group starts.
    private int bidCount;
    private int askCount;
    private int asksGroupOffset;

    private final UnsafeBuffer output;
    private final byte[] outputArray;
    private final long outputAddress;
    private final int[] messageLengths;
    private int messageCount;
    private int outputLimit;

    private boolean[] announced = new boolean[0];
    private final int[] announcedInFrame;
    private int announcedInFrameCount;

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final InstrumentDefinitionEncoder definitionEncoder = new InstrumentDefinitionEncoder();
    private final TradeEncoder tradeEncoder = new TradeEncoder();
    private final BestBidOfferEncoder bestBidOfferEncoder = new BestBidOfferEncoder();
    private final DepthUpdateEncoder depthUpdateEncoder = new DepthUpdateEncoder();
    private final DepthSnapshotEncoder depthSnapshotEncoder = new DepthSnapshotEncoder();
    private final BarEncoder barEncoder = new BarEncoder();
    private final LiquidationEncoder liquidationEncoder = new LiquidationEncoder();
    private final MarkPriceEncoder markPriceEncoder = new MarkPriceEncoder();
    private final MiniTickerEncoder miniTickerEncoder = new MiniTickerEncoder();

    private DirectBuffer frame;
    private int frameOffset;
    private int frameLength;
    private long receiveTimeNs;
    private long publishTimeNs;
    private boolean acceptEnvelope;
    private boolean envelopeSeen;
    private boolean unsupportedInFrame;
    private int failReason;
    private int failOffset;

    private long framesReceived;
    private long fastPathFrames;
    private long messagesPublished;
    private long unsupportedFrames;

    /**
     * A decoder; the context is concluded here if it was not already.
     *
     * @param ctx the configuration.
     */
    public BinanceJsonDecoder(final Context ctx)
    {
        if (!ctx.isConcluded())
        {
            ctx.conclude();
        }
        venue = ctx.venue();
        venueCode = venue.value();
        registry = ctx.instrumentRegistry();
        autoRegister = ctx.autoRegister();
        announceInstruments = ctx.announceInstruments();
        sink = ctx.messageSink();
        clock = ctx.epochNanoClock();
        timeMultiplier = TimeUnit.NANOSECONDS.convert(1, ctx.timeUnit());
        maxTimeValue = Long.MAX_VALUE / timeMultiplier;

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

        fastPath = ctx.fastPath();
        maxLevelsPerSide = ctx.maxLevelsPerSide();
        cursor = new JsonCursor(ctx.maxJsonDepth());
        for (int i = 0; i < TABLE_LEVELS; i++)
        {
            tables[i] = new JsonFieldTable(FIELD_NAMES);
        }
        bids = new LevelList(ctx.maxLevelsPerSide());
        asks = new LevelList(ctx.maxLevelsPerSide());

        final int outputLength = ctx.outputBufferLength();
        output = new UnsafeBuffer(ByteBuffer.allocateDirect(outputLength));
        outputArray = output.byteArray();
        outputAddress = output.addressOffset();
        messageLengths = new int[outputLength / SMALLEST_MESSAGE_LENGTH + 1];
        announcedInFrame = new int[messageLengths.length];
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
     * Number of reason codes.
     *
     * @return the number.
     */
    public static int reasonCount()
    {
        return REASON_NAMES.length;
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        beginFrame(buffer, offset, length, receiveTimeNs, true);
        endFrame((fastPath && decodeFast()) || decodeFrame());
    }

    /**
     * {@inheritDoc}
     * <p>
     * The body is {@code {"lastUpdateId":N,"bids":[[p,q],...],"asks":[...]}}, with {@code E} and {@code T} on futures
     * (and {@code symbol}, {@code pair} on COIN-M, ignored). Counted as a frame.
     */
    public void onDepthSnapshot(
        final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        beginFrame(buffer, offset, length, receiveTimeNs, false);
        final boolean decoded;
        if (!registry.contains(instrumentId))
        {
            decoded = fail(UNKNOWN_INSTRUMENT, offset);
        }
        else
        {
            decoded = (fastPath && decodeSnapshotFast(instrumentId)) || decodeSnapshot(instrumentId);
        }
        endFrame(decoded);
    }

    /**
     * Close the counters this decoder created. The sink, registry and a given error log are the caller's.
     */
    public void close()
    {
        CloseHelper.closeAll(framesInCounter, messagesOutCounter, unsupportedCounter, ownedErrorCounter);
    }

    /**
     * Frames and snapshot bodies received.
     *
     * @return the count.
     */
    public long framesReceived()
    {
        return framesReceived;
    }

    /**
     * Frames and snapshot bodies decoded on the fast path; the others of {@link #framesReceived()} went to the
     * general path. When far fewer than the frames received, the feed's frames are not what the fast path expects
     * (pretty-printed, reordered, or a changed format) and decoding is slower than it could be.
     *
     * @return the count.
     */
    public long fastPathFrames()
    {
        return fastPathFrames;
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
     * Well-formed frames holding events of types not decoded.
     *
     * @return the count.
     */
    public long unsupportedFrames()
    {
        return unsupportedFrames;
    }

    /**
     * Bad frames and skipped unknown-symbol events, all reasons.
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
     * The venue whose dialect and symbols are decoded.
     *
     * @return the venue.
     */
    public Venue venue()
    {
        return venue;
    }

    private void beginFrame(
        final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs, final boolean stream)
    {
        framesInCounter.setRelease(++framesReceived);
        frame = buffer;
        frameOffset = offset;
        frameLength = length;
        this.receiveTimeNs = receiveTimeNs;
        publishTimeNs = clock.nanoTime();
        acceptEnvelope = stream;
        envelopeSeen = false;
        unsupportedInFrame = false;
        messageCount = 0;
        outputLimit = 0;
        announcedInFrameCount = 0;
        failReason = NO_FAILURE;
    }

    private void endFrame(final boolean decoded)
    {
        if (decoded)
        {
            int offset = 0;
            for (int i = 0, count = messageCount; i < count; i++)
            {
                final int length = messageLengths[i];
                if (sink.offer(output, offset, length))
                {
                    messagesOutCounter.setRelease(++messagesPublished);
                }
                offset += length;
            }
            if (unsupportedInFrame)
            {
                unsupportedCounter.setRelease(++unsupportedFrames);
            }
        }
        else
        {
            for (int i = 0; i < announcedInFrameCount; i++)
            {
                announced[announcedInFrame[i]] = false;
            }
            errorLog.record(failReason, frame, frameOffset, frameLength, failOffset - frameOffset, receiveTimeNs);
        }
        frame = null;
    }

    private boolean decodeFrame()
    {
        final JsonCursor cursor = this.cursor;
        cursor.wrap(frame, frameOffset, frameLength);
        final int first = cursor.next();
        if (BEGIN_OBJECT == first)
        {
            if (!scanObject(0) || !expectEndOfInput())
            {
                return false;
            }
            if (envelopeSeen)
            {
                return true;
            }
            final JsonFieldTable fields = tables[0];
            return fields.has(DATA) ? fail(WRONG_TYPE, fields.start(DATA)) : decodeEvent(0);
        }
        if (BEGIN_ARRAY == first)
        {
            return scanEventArray() && expectEndOfInput();
        }
        return notAnObject(first);
    }

    private boolean decodeSnapshot(final int instrumentId)
    {
        final JsonCursor cursor = this.cursor;
        cursor.wrap(frame, frameOffset, frameLength);
        final int first = cursor.next();
        if (BEGIN_OBJECT != first)
        {
            return BEGIN_ARRAY == first ? fail(WRONG_TYPE, cursor.tokenStart()) : notAnObject(first);
        }
        if (!scanObject(0) || !expectEndOfInput())
        {
            return false;
        }

        final JsonFieldTable fields = tables[0];
        useInstrument(instrumentId);
        final long[] values = this.values;
        values[LAST_UPDATE_ID] = integer(fields, LAST_UPDATE_ID);
        values[UPPER_E] = optionalTime(fields, UPPER_E);
        values[UPPER_T] = optionalTime(fields, UPPER_T);
        levels(fields, BIDS, bids);
        levels(fields, ASKS, asks);
        if (failed() || !announce(instrumentId) ||
            !reserve(DepthSnapshotEncoder.BLOCK_LENGTH + levelsLength(), fields.objectStart()))
        {
            return false;
        }

        final DepthSnapshotEncoder encoder = encodeDepthSnapshotBlock();
        final LevelList bids = this.bids;
        final DepthSnapshotEncoder.BidsEncoder bidsEncoder = encoder.bidsCount(bids.count);
        for (int i = 0, count = bids.count; i < count; i++)
        {
            bidsEncoder.next().price(bids.prices[i]).size(bids.sizes[i]);
        }
        final LevelList asks = this.asks;
        final DepthSnapshotEncoder.AsksEncoder asksEncoder = encoder.asksCount(asks.count);
        for (int i = 0, count = asks.count; i < count; i++)
        {
            asksEncoder.next().price(asks.prices[i]).size(asks.sizes[i]);
        }
        commitMessage(encoder.encodedLength());
        return true;
    }

    private boolean notAnObject(final int firstToken)
    {
        if (ERROR == firstToken && JsonCursor.ERROR_EMPTY == cursor.errorCode())
        {
            return fail(EMPTY_FRAME, frameOffset + frameLength);
        }
        return fail(NOT_JSON, ERROR == firstToken ? frameOffset + cursor.errorPosition() : cursor.tokenStart());
    }

    private boolean expectEndOfInput()
    {
        return END_OF_INPUT == cursor.next() || cursorFailure();
    }

    /**
     * Read the object whose opening brace the cursor just returned into the table of its level, descending into the
     * nested values the decoder needs (the envelope's data, a kline's k, a forceOrder's o, depth levels) and
     * skipping the others.
     */
    private boolean scanObject(final int level)
    {
        final JsonCursor cursor = this.cursor;
        final JsonFieldTable fields = tables[level];
        fields.reset(cursor.tokenStart());
        while (true)
        {
            int token = cursor.next();
            if (END_OBJECT == token)
            {
                return true;
            }
            if (FIELD_NAME != token)
            {
                return cursorFailure();
            }

            final int slot = fields.slotOf(frame, cursor.tokenOffset(), cursor.tokenLength());
            token = cursor.next();
            if (ERROR == token)
            {
                return cursorFailure();
            }
            if (NO_SLOT == slot)
            {
                if (ERROR == cursor.skipValue())
                {
                    return cursorFailure();
                }
                continue;
            }
            if (!fields.put(slot, cursor))
            {
                return fail(DUPLICATE_FIELD, cursor.tokenStart());
            }

            if (BEGIN_OBJECT == token)
            {
                if (!scanNestedObject(level, slot))
                {
                    return false;
                }
            }
            else if (BEGIN_ARRAY == token)
            {
                if (!scanNestedArray(level, slot))
                {
                    return false;
                }
            }
        }
    }

    private boolean scanNestedObject(final int level, final int slot)
    {
        if (DATA == slot && 0 == level && acceptEnvelope)
        {
            envelopeSeen = true;
            return scanObject(1) && decodeEvent(1);
        }
        if ((LOWER_K == slot || LOWER_O == slot) && level + 1 < TABLE_LEVELS)
        {
            return scanObject(level + 1);
        }
        return ERROR != cursor.skipValue() || cursorFailure();
    }

    private boolean scanNestedArray(final int level, final int slot)
    {
        if (DATA == slot && 0 == level && acceptEnvelope)
        {
            envelopeSeen = true;
            return scanEventArray();
        }
        if (LOWER_B == slot || BIDS == slot)
        {
            return scanLevels(bids);
        }
        if (LOWER_A == slot || ASKS == slot)
        {
            return scanLevels(asks);
        }
        return ERROR != cursor.skipValue() || cursorFailure();
    }

    /**
     * Decode each event of the array whose opening bracket the cursor just returned: one message per element.
     */
    private boolean scanEventArray()
    {
        final JsonCursor cursor = this.cursor;
        while (true)
        {
            final int token = cursor.next();
            if (END_ARRAY == token)
            {
                return true;
            }
            if (BEGIN_OBJECT != token)
            {
                return ERROR == token ? cursorFailure() : fail(WRONG_TYPE, cursor.tokenStart());
            }
            if (!scanObject(1) || !decodeEvent(1))
            {
                return false;
            }
        }
    }

    /**
     * Note where each level's price and size text is, for the array whose opening bracket the cursor just returned.
     * They are converted later, once the symbol (and so the exponents) is known, and only if the event turns out to
     * need them: a shape error here is kept in the list and reported by the decoder that reads it, so an unsupported
     * event whose "b" happens to be some other array stays merely unsupported.
     */
    private boolean scanLevels(final LevelList list)
    {
        final JsonCursor cursor = this.cursor;
        final int sideDepth = cursor.depth();
        list.reset(cursor.tokenStart());
        while (true)
        {
            int token = cursor.next();
            if (END_ARRAY == token)
            {
                return true;
            }
            if (BEGIN_ARRAY != token)
            {
                return abandonLevels(list, WRONG_TYPE, sideDepth);
            }
            if (list.count == list.capacity)
            {
                return abandonLevels(list, TOO_MANY_LEVELS, sideDepth);
            }

            token = cursor.next();
            if (STRING != token && NUMBER != token)
            {
                return abandonLevels(list, WRONG_TYPE, sideDepth);
            }
            final int index = list.count;
            list.priceOffsets[index] = cursor.tokenOffset();
            list.priceLengths[index] = cursor.tokenLength();

            token = cursor.next();
            if (STRING != token && NUMBER != token)
            {
                return abandonLevels(list, WRONG_TYPE, sideDepth);
            }
            list.sizeOffsets[index] = cursor.tokenOffset();
            list.sizeLengths[index] = cursor.tokenLength();

            // Anything after [price, size] (older APIs sent an ignored third element) is skipped.
            while (END_ARRAY != (token = cursor.next()))
            {
                if (ERROR == token || ERROR == cursor.skipValue())
                {
                    return cursorFailure();
                }
            }
            list.count = index + 1;
        }
    }

    private boolean abandonLevels(final LevelList list, final int reason, final int sideDepth)
    {
        if (ERROR == cursor.token())
        {
            return cursorFailure();
        }
        if (JsonCursor.NO_ERROR == list.errorReason)
        {
            list.errorReason = reason;
            list.errorOffset = cursor.tokenStart();
        }
        return ERROR != cursor.skipToDepth(sideDepth - 1) || cursorFailure();
    }

    private boolean decodeEvent(final int level)
    {
        final JsonFieldTable event = tables[level];
        final int type = event.type(LOWER_E);
        if (ABSENT == type)
        {
            // Spot bookTicker has no "e" (nor "E", "T"); recognised by its fields instead of its stream name.
            if (event.has(LOWER_U) && event.has(LOWER_S) && event.has(LOWER_B) && event.has(UPPER_B) &&
                event.has(LOWER_A) && event.has(UPPER_A))
            {
                return decodeBookTicker(event);
            }
            unsupportedInFrame = true;
            return true;
        }
        if (STRING != type)
        {
            return fail(WRONG_TYPE, event.start(LOWER_E));
        }

        final DirectBuffer frame = this.frame;
        if (event.valueEquals(frame, LOWER_E, BOOK_TICKER_EVENT))
        {
            return decodeBookTicker(event);
        }
        if (event.valueEquals(frame, LOWER_E, TRADE_EVENT))
        {
            return decodeTrade(event, TradeKind.TRADE);
        }
        if (event.valueEquals(frame, LOWER_E, DEPTH_UPDATE_EVENT))
        {
            return decodeDepthUpdate(event);
        }
        if (event.valueEquals(frame, LOWER_E, AGG_TRADE_EVENT))
        {
            return decodeTrade(event, TradeKind.AGG_TRADE);
        }
        if (event.valueEquals(frame, LOWER_E, MARK_PRICE_EVENT))
        {
            return decodeMarkPrice(event);
        }
        if (event.valueEquals(frame, LOWER_E, KLINE_EVENT))
        {
            return decodeKline(event, level);
        }
        if (event.valueEquals(frame, LOWER_E, FORCE_ORDER_EVENT))
        {
            return decodeForceOrder(event, level);
        }
        if (event.valueEquals(frame, LOWER_E, MINI_TICKER_EVENT))
        {
            return decodeMiniTicker(event);
        }

        unsupportedInFrame = true;
        return true;
    }

    /*
     * The general decode methods below read every field first into values[] (see there), each reader recording the
     * first failure and storing a placeholder after it, then check failed() once before reserving and encoding: a
     * message is only ever encoded from values that were all valid. The encode methods that follow them are shared
     * with the fast path.
     */

    private boolean decodeTrade(final JsonFieldTable event, final TradeKind kind)
    {
        final int id = resolveInstrument(event, LOWER_S);
        if (id <= 0)
        {
            return SKIPPED == id;
        }
        useInstrument(id);

        final long[] values = this.values;
        values[UPPER_E] = optionalTime(event, UPPER_E);
        values[UPPER_T] = time(event, UPPER_T);
        values[LOWER_P] = fixed(event, LOWER_P, priceExponent);
        values[LOWER_Q] = fixed(event, LOWER_Q, sizeExponent);
        values[LOWER_M] = flag(event, LOWER_M) ? 1 : 0;
        if (TradeKind.TRADE == kind)
        {
            values[LOWER_T] = integer(event, LOWER_T);
        }
        else
        {
            values[LOWER_A] = integer(event, LOWER_A);
            values[LOWER_F] = integer(event, LOWER_F);
            values[LOWER_L] = integer(event, LOWER_L);
        }
        values[UPPER_X] = tradeCondition(event);
        if (failed() || !reserve(TradeEncoder.BLOCK_LENGTH, event.objectStart()))
        {
            return false;
        }
        encodeTrade(kind);
        return true;
    }

    /**
     * Futures trades say how they came about in X; spot trades have none and are normal.
     *
     * @return the index of the condition in {@link #TRADE_CONDITIONS}.
     */
    private int tradeCondition(final JsonFieldTable event)
    {
        final int type = event.type(UPPER_X);
        if (ABSENT == type)
        {
            return NORMAL_CONDITION;
        }
        if (STRING != type)
        {
            fail(WRONG_TYPE, event.start(UPPER_X));
            return NORMAL_CONDITION;
        }
        for (int i = 0; i < TRADE_CONDITION_NAMES.length; i++)
        {
            if (event.valueEquals(frame, UPPER_X, TRADE_CONDITION_NAMES[i]))
            {
                return i;
            }
        }
        return OTHER_CONDITION;
    }

    private boolean decodeBookTicker(final JsonFieldTable event)
    {
        final int id = resolveInstrument(event, LOWER_S);
        if (id <= 0)
        {
            return SKIPPED == id;
        }
        useInstrument(id);

        final long[] values = this.values;
        values[UPPER_E] = optionalTime(event, UPPER_E);
        values[UPPER_T] = optionalTime(event, UPPER_T);
        values[LOWER_U] = optionalInteger(event, LOWER_U);
        values[LOWER_B] = fixed(event, LOWER_B, priceExponent);
        values[UPPER_B] = fixed(event, UPPER_B, sizeExponent);
        values[LOWER_A] = fixed(event, LOWER_A, priceExponent);
        values[UPPER_A] = fixed(event, UPPER_A, sizeExponent);
        if (failed() || !reserve(BestBidOfferEncoder.BLOCK_LENGTH, event.objectStart()))
        {
            return false;
        }
        encodeBestBidOffer();
        return true;
    }

    /*
     * Repeating groups need their count before their entries. The levels' text positions were noted while the event
     * was read (JSON gives no order between "s", "b" and "a", while SBE needs the exponents first and bids before
     * asks), so here both counts are known and every level is converted and checked before the message is encoded:
     * count first, no header patching, and a bad level never leaves a half-written message behind. Staging costs
     * 16 bytes of offsets and 16 of mantissas per level, little next to parsing the level's text. (The fast path,
     * which only takes frames in Binance's order, writes levels straight into the message instead.)
     */
    private boolean decodeDepthUpdate(final JsonFieldTable event)
    {
        final int id = resolveInstrument(event, LOWER_S);
        if (id <= 0)
        {
            return SKIPPED == id;
        }
        useInstrument(id);

        final long[] values = this.values;
        values[UPPER_E] = optionalTime(event, UPPER_E);
        values[UPPER_T] = optionalTime(event, UPPER_T);
        values[UPPER_U] = integer(event, UPPER_U);
        values[LOWER_U] = integer(event, LOWER_U);
        // Futures chain events with pu, which can be -1 (e.g. the first event of a partial depth stream): kept as is.
        values[PU] = optionalInteger(event, PU);
        levels(event, LOWER_B, bids);
        levels(event, LOWER_A, asks);
        if (failed() || !reserve(DepthUpdateEncoder.BLOCK_LENGTH + levelsLength(), event.objectStart()))
        {
            return false;
        }

        final DepthUpdateEncoder encoder = encodeDepthUpdateBlock();
        final LevelList bids = this.bids;
        final DepthUpdateEncoder.BidsEncoder bidsEncoder = encoder.bidsCount(bids.count);
        for (int i = 0, count = bids.count; i < count; i++)
        {
            bidsEncoder.next().price(bids.prices[i]).size(bids.sizes[i]);
        }
        final LevelList asks = this.asks;
        final DepthUpdateEncoder.AsksEncoder asksEncoder = encoder.asksCount(asks.count);
        for (int i = 0, count = asks.count; i < count; i++)
        {
            asksEncoder.next().price(asks.prices[i]).size(asks.sizes[i]);
        }
        commitMessage(encoder.encodedLength());
        return true;
    }

    private boolean decodeKline(final JsonFieldTable event, final int level)
    {
        final JsonFieldTable kline = nested(event, LOWER_K, level);
        if (null == kline)
        {
            return false;
        }
        final int id = resolveInstrument(event.has(LOWER_S) ? event : kline, LOWER_S);
        if (id <= 0)
        {
            return SKIPPED == id;
        }
        useInstrument(id);

        final long[] values = this.values;
        values[UPPER_E] = optionalTime(event, UPPER_E);
        values[LOWER_I] = lookup(kline, LOWER_I, INTERVAL_NAMES);
        values[LOWER_T] = time(kline, LOWER_T);
        values[UPPER_T] = time(kline, UPPER_T);
        values[LOWER_X] = flag(kline, LOWER_X) ? 1 : 0;
        values[LOWER_O] = fixed(kline, LOWER_O, priceExponent);
        values[LOWER_H] = fixed(kline, LOWER_H, priceExponent);
        values[LOWER_L] = fixed(kline, LOWER_L, priceExponent);
        values[LOWER_C] = fixed(kline, LOWER_C, priceExponent);
        values[LOWER_V] = fixed(kline, LOWER_V, sizeExponent);
        values[UPPER_V] = fixed(kline, UPPER_V, sizeExponent);
        values[LOWER_N] = integer(kline, LOWER_N);
        values[LOWER_F] = optionalInteger(kline, LOWER_F);
        values[UPPER_L] = optionalInteger(kline, UPPER_L);
        decimal(kline, LOWER_Q);
        decimal(kline, UPPER_Q);
        if (failed() || !reserve(BarEncoder.BLOCK_LENGTH, event.objectStart()))
        {
            return false;
        }
        encodeBar();
        return true;
    }

    private boolean decodeForceOrder(final JsonFieldTable event, final int level)
    {
        final JsonFieldTable order = nested(event, LOWER_O, level);
        if (null == order)
        {
            return false;
        }
        final int id = resolveInstrument(order, LOWER_S);
        if (id <= 0)
        {
            return SKIPPED == id;
        }
        useInstrument(id);

        final long[] values = this.values;
        values[UPPER_E] = optionalTime(event, UPPER_E);
        values[UPPER_T] = optionalTime(order, UPPER_T);
        values[UPPER_S] = lookup(order, UPPER_S, SIDE_NAMES);
        values[UPPER_X] = lookup(order, UPPER_X, ORDER_STATUS_NAMES);
        values[LOWER_P] = fixed(order, LOWER_P, priceExponent);
        values[AP] = fixed(order, AP, priceExponent);
        values[LOWER_Q] = fixed(order, LOWER_Q, sizeExponent);
        values[LOWER_L] = fixed(order, LOWER_L, sizeExponent);
        values[LOWER_Z] = fixed(order, LOWER_Z, sizeExponent);
        if (failed() || !reserve(LiquidationEncoder.BLOCK_LENGTH, event.objectStart()))
        {
            return false;
        }
        encodeLiquidation();
        return true;
    }

    private boolean decodeMarkPrice(final JsonFieldTable event)
    {
        final int id = resolveInstrument(event, LOWER_S);
        if (id <= 0)
        {
            return SKIPPED == id;
        }
        useInstrument(id);

        final long[] values = this.values;
        values[UPPER_E] = optionalTime(event, UPPER_E);
        values[LOWER_P] = fixed(event, LOWER_P, priceExponent);
        // COIN-M sends no index price "i"; delivery contracts send "" as funding rate and 0 as its time.
        values[LOWER_I] = optionalFixed(event, LOWER_I, priceExponent);
        values[UPPER_P] = optionalFixed(event, UPPER_P, priceExponent);
        optionalDecimal(event, LOWER_R);
        values[UPPER_T] = optionalTime(event, UPPER_T);
        if (failed() || !reserve(MarkPriceEncoder.BLOCK_LENGTH, event.objectStart()))
        {
            return false;
        }
        encodeMarkPrice();
        return true;
    }

    private boolean decodeMiniTicker(final JsonFieldTable event)
    {
        final int id = resolveInstrument(event, LOWER_S);
        if (id <= 0)
        {
            return SKIPPED == id;
        }
        useInstrument(id);

        final long[] values = this.values;
        values[UPPER_E] = optionalTime(event, UPPER_E);
        values[LOWER_O] = fixed(event, LOWER_O, priceExponent);
        values[LOWER_H] = fixed(event, LOWER_H, priceExponent);
        values[LOWER_L] = fixed(event, LOWER_L, priceExponent);
        values[LOWER_C] = fixed(event, LOWER_C, priceExponent);
        values[LOWER_V] = fixed(event, LOWER_V, sizeExponent);
        decimal(event, LOWER_Q);
        if (failed() || !reserve(MiniTickerEncoder.BLOCK_LENGTH, event.objectStart()))
        {
            return false;
        }
        encodeMiniTicker();
        return true;
    }

    /*
     * One encode method per message, shared by both paths: each writes the message for the current instrument from
     * values[] at the end of the output and commits it. The caller has checked that it fits.
     */

    private void encodeTrade(final TradeKind kind)
    {
        final long[] values = this.values;
        final boolean aggregate = TradeKind.AGG_TRADE == kind;
        final TradeEncoder encoder = tradeEncoder;
        encoder.wrapAndApplyHeader(output, outputLimit, headerEncoder)
            .instrumentId(instrumentId)
            .eventTimeNs(values[UPPER_E])
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(publishTimeNs)
            .tradeTimeNs(values[UPPER_T])
            .kind(kind)
            .condition(TRADE_CONDITIONS[(int)values[UPPER_X]])
            // m: the buyer was the maker, so the taker (the aggressor) sold.
            .aggressorSide(0 != values[LOWER_M] ? Side.SELL : Side.BUY)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .price(values[LOWER_P])
            .size(values[LOWER_Q])
            .tradeId(aggregate ? values[LOWER_A] : values[LOWER_T])
            .firstTradeId(aggregate ? values[LOWER_F] : NULL_LONG)
            .lastTradeId(aggregate ? values[LOWER_L] : NULL_LONG);
        commitMessage(encoder.encodedLength());
    }

    private void encodeBestBidOffer()
    {
        final long[] values = this.values;
        final BestBidOfferEncoder encoder = bestBidOfferEncoder;
        encoder.wrapAndApplyHeader(output, outputLimit, headerEncoder)
            .instrumentId(instrumentId)
            .eventTimeNs(values[UPPER_E])
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(publishTimeNs)
            .transactTimeNs(values[UPPER_T])
            .updateId(values[LOWER_U])
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .bidPrice(values[LOWER_B])
            .bidSize(values[UPPER_B])
            .askPrice(values[LOWER_A])
            .askSize(values[UPPER_A]);
        commitMessage(encoder.encodedLength());
    }

    /**
     * Header and block of a DepthUpdate; the caller adds the level groups and commits.
     */
    private DepthUpdateEncoder encodeDepthUpdateBlock()
    {
        final long[] values = this.values;
        return depthUpdateEncoder.wrapAndApplyHeader(output, outputLimit, headerEncoder)
            .instrumentId(instrumentId)
            .eventTimeNs(values[UPPER_E])
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(publishTimeNs)
            .transactTimeNs(values[UPPER_T])
            .firstUpdateId(values[UPPER_U])
            .finalUpdateId(values[LOWER_U])
            .prevFinalUpdateId(values[PU])
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent);
    }

    /**
     * Header and block of a DepthSnapshot; the caller adds the level groups and commits.
     */
    private DepthSnapshotEncoder encodeDepthSnapshotBlock()
    {
        final long[] values = this.values;
        return depthSnapshotEncoder.wrapAndApplyHeader(output, outputLimit, headerEncoder)
            .instrumentId(instrumentId)
            .eventTimeNs(values[UPPER_E])
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(publishTimeNs)
            .transactTimeNs(values[UPPER_T])
            .lastUpdateId(values[LAST_UPDATE_ID])
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent);
    }

    private void encodeBar()
    {
        final long[] values = this.values;
        final BarEncoder encoder = barEncoder;
        encoder.wrapAndApplyHeader(output, outputLimit, headerEncoder)
            .instrumentId(instrumentId)
            .eventTimeNs(values[UPPER_E])
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(publishTimeNs)
            .interval(INTERVALS[(int)values[LOWER_I]])
            .openTimeNs(values[LOWER_T])
            .closeTimeNs(values[UPPER_T])
            .closed(0 != values[LOWER_X] ? BooleanType.TRUE : BooleanType.FALSE)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .openPrice(values[LOWER_O])
            .highPrice(values[LOWER_H])
            .lowPrice(values[LOWER_L])
            .closePrice(values[LOWER_C])
            .volume(values[LOWER_V])
            .takerBuyVolume(values[UPPER_V])
            .tradeCount(values[LOWER_N])
            .firstTradeId(values[LOWER_F])
            .lastTradeId(values[UPPER_L]);
        encoder.quoteVolume().mantissa(values[LOWER_Q]).exponent(exponents[LOWER_Q]);
        encoder.takerBuyQuoteVolume().mantissa(values[UPPER_Q]).exponent(exponents[UPPER_Q]);
        commitMessage(encoder.encodedLength());
    }

    private void encodeLiquidation()
    {
        final long[] values = this.values;
        final LiquidationEncoder encoder = liquidationEncoder;
        encoder.wrapAndApplyHeader(output, outputLimit, headerEncoder)
            .instrumentId(instrumentId)
            .eventTimeNs(values[UPPER_E])
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(publishTimeNs)
            .tradeTimeNs(values[UPPER_T])
            .side(SIDES[(int)values[UPPER_S]])
            .orderStatus(ORDER_STATUSES[(int)values[UPPER_X]])
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .price(values[LOWER_P])
            .averagePrice(values[AP])
            .quantity(values[LOWER_Q])
            .lastFilledQuantity(values[LOWER_L])
            .filledQuantity(values[LOWER_Z]);
        commitMessage(encoder.encodedLength());
    }

    private void encodeMarkPrice()
    {
        final long[] values = this.values;
        final long fundingTimeNs = values[UPPER_T];
        final MarkPriceEncoder encoder = markPriceEncoder;
        encoder.wrapAndApplyHeader(output, outputLimit, headerEncoder)
            .instrumentId(instrumentId)
            .eventTimeNs(values[UPPER_E])
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(publishTimeNs)
            .priceExponent((byte)priceExponent)
            .markPrice(values[LOWER_P])
            .indexPrice(values[LOWER_I])
            .estimatedSettlePrice(values[UPPER_P])
            .nextFundingTimeNs(0 == fundingTimeNs ? NULL_LONG : fundingTimeNs);
        encoder.fundingRate().mantissa(values[LOWER_R]).exponent(exponents[LOWER_R]);
        commitMessage(encoder.encodedLength());
    }

    private void encodeMiniTicker()
    {
        final long[] values = this.values;
        final MiniTickerEncoder encoder = miniTickerEncoder;
        encoder.wrapAndApplyHeader(output, outputLimit, headerEncoder)
            .instrumentId(instrumentId)
            .eventTimeNs(values[UPPER_E])
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(publishTimeNs)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent)
            .openPrice(values[LOWER_O])
            .highPrice(values[LOWER_H])
            .lowPrice(values[LOWER_L])
            .closePrice(values[LOWER_C])
            .volume(values[LOWER_V]);
        encoder.quoteVolume().mantissa(values[LOWER_Q]).exponent(exponents[LOWER_Q]);
        commitMessage(encoder.encodedLength());
    }

    /*
     * The fast path. It reads a frame in one pass with a JsonScanner, expecting what Binance sends: an envelope
     * {"stream":..,"data":..} or a raw event, "e" first (spot bookTicker: no "e"), then fields in any order, each
     * read as its event's shape says straight into values[] (prices and sizes converted at the instrument's exponents
     * as they are scanned, depth levels straight into the message's group entries), and the message encoded when the
     * event's object closes. The first surprise of any kind (whitespace, an escape, a field of another type, a
     * duplicate, a missing field, an unknown symbol, one still to be announced, a number too long for it, a frame that
     * turns out invalid or of another type) abandons the frame to the general path, which starts again from its
     * first byte and so decides every bad or unusual frame exactly as it always has. The fast path changes nothing
     * the general path depends on: it only reads the registry, and what it wrote to the output buffer is discarded.
     */

    /**
     * Decode a stream frame on the fast path.
     *
     * @return true if decoded; false to hand the frame to the general path.
     */
    private boolean decodeFast()
    {
        final JsonScanner in = scanner.wrap(frame, frameOffset, frameLength);
        final boolean decoded;
        if (in.skipToken(ENVELOPE_START, 8))
        {
            decoded = in.skip(ENVELOPE_STREAM_END, 2) && in.string() && in.skipToken(ENVELOPE_DATA, 8) &&
                readEvents() && in.skip((byte)'}');
        }
        else
        {
            decoded = readEvents();
        }
        return (decoded && in.atEnd() && tookFastPath()) || abandonFastPath();
    }

    /**
     * Decode a REST depth snapshot on the fast path.
     *
     * @return true if decoded; false to hand the body to the general path.
     */
    private boolean decodeSnapshotFast(final int instrumentId)
    {
        if (announceInstruments && !isAnnounced(instrumentId))
        {
            return false;
        }
        useInstrument(instrumentId);
        bidCount = NO_LEVELS;
        askCount = NO_LEVELS;
        final JsonScanner in = scanner.wrap(frame, frameOffset, frameLength);
        return (in.skip((byte)'{') && readFields(SNAPSHOT, 0) && in.atEnd() && encode(SNAPSHOT) && tookFastPath()) ||
            abandonFastPath();
    }

    private boolean tookFastPath()
    {
        fastPathFrames++;
        return true;
    }

    /**
     * Forget the messages the fast path encoded for a frame it then gave up on.
     *
     * @return false, so callers can return it.
     */
    private boolean abandonFastPath()
    {
        messageCount = 0;
        outputLimit = 0;
        return false;
    }

    /**
     * One event object, or an array of them (all-market streams), each encoded as one message as soon as it closes.
     */
    private boolean readEvents()
    {
        final JsonScanner in = scanner;
        if (!in.skip((byte)'['))
        {
            return readEvent();
        }
        do
        {
            if (!readEvent())
            {
                return false;
            }
        }
        while (in.skip((byte)','));
        return in.skip((byte)']');
    }

    private boolean readEvent()
    {
        final JsonScanner in = scanner;
        if (!in.skip((byte)'{'))
        {
            return false;
        }
        instrumentId = NULL_INSTRUMENT_ID;
        bidCount = NO_LEVELS;
        askCount = NO_LEVELS;
        if (!in.skipToken(EVENT_TYPE_FIELD, 4))
        {
            // Spot bookTicker, the one event without an "e": its fields say whether it is one.
            return readFields(SPOT_BOOK_TICKER, 0) && encode(SPOT_BOOK_TICKER);
        }
        if (!in.string())
        {
            return false;
        }
        final EventShape shape = eventShape();
        return null != shape && in.skip((byte)',') && readFields(shape, 1L << LOWER_E) && encode(shape);
    }

    /**
     * The shape of the event whose type string the scanner just read, or null for a type the fast path leaves to
     * the general path.
     */
    private EventShape eventShape()
    {
        // Event types differ in their first byte: one table load picks the only candidate, one compare confirms it.
        final JsonScanner in = scanner;
        final EventShape shape = 0 == in.stringLength() ? null : SHAPES_BY_FIRST_BYTE[(int)in.stringWord(0) & 0x7F];
        return null != shape && in.stringEquals(shape.eventType) ? shape : null;
    }

    /**
     * Read the fields of an object up to and including its closing brace, as its shape says; the scanner is at the
     * first field to read.
     *
     * @param shape of the object.
     * @param seen  bits of the slots already read (the "e" the shape was chosen by).
     * @return true if every field was as expected, none twice, and the shape's required ones all there.
     */
    private boolean readFields(final EventShape shape, final long seen)
    {
        final long[] values = this.values;
        for (long optional = shape.optional; 0 != optional; optional &= optional - 1)
        {
            final int slot = Long.numberOfTrailingZeros(optional);
            values[slot] = shape.absentValues[slot];
            exponents[slot] = 0;
        }

        final JsonScanner in = scanner;
        long read = seen;
        do
        {
            final int slot = in.fieldName(fieldNames);
            final byte how;
            if (slot >= 0)
            {
                final long bit = 1L << slot;
                if (0 != (read & bit))
                {
                    return false;
                }
                read |= bit;
                how = shape.reads[slot];
            }
            else if (NO_SLOT == slot)
            {
                how = SKIP;
            }
            else
            {
                return false;
            }
            if (!readValue(shape, slot, how))
            {
                return false;
            }
        }
        while (in.skip((byte)','));
        return in.skip((byte)'}') && shape.required == (read & shape.required);
    }

    private boolean readValue(final EventShape shape, final int slot, final byte how)
    {
        final JsonScanner in = scanner;
        switch (how)
        {
            case SKIP:
                return in.scalar();

            case READ_SYMBOL:
                return in.string() && useKnownInstrument();

            case READ_TIME:
                return in.integer() && storeTime(slot, in.value());

            case READ_INTEGER:
                return in.integer() && store(slot, in.value());

            case READ_PRICE:
                return NULL_INSTRUMENT_ID != instrumentId && store(slot, in.fixedString(priceExponent));

            case READ_SIZE:
                return NULL_INSTRUMENT_ID != instrumentId && store(slot, in.fixedString(sizeExponent));

            case READ_FLAG:
                return storeFlag(slot, in.literal());

            default:
                return readOtherValue(shape, slot, how);
        }
    }

    /**
     * The values {@link #readValue} leaves out, so that it stays small enough for the JIT to inline into the loop
     * of {@link #readFields}: once or never per event, or (levels) long enough for a call not to matter.
     */
    private boolean readOtherValue(final EventShape shape, final int slot, final byte how)
    {
        final JsonScanner in = scanner;
        switch (how)
        {
            case READ_DECIMAL:
                return in.decimalString() && storeDecimal(slot);

            case READ_TRADE_CONDITION:
                // Futures trades say how they came about in X; names not listed are some other condition.
                return in.string() && store(slot, tradeCondition(in.stringIndex(TRADE_CONDITION_NAMES)));

            case READ_SIDE:
                return in.string() && store(slot, in.stringIndex(SIDE_NAMES));

            case READ_ORDER_STATUS:
                return in.string() && store(slot, in.stringIndex(ORDER_STATUS_NAMES));

            case READ_INTERVAL:
                return in.string() && store(slot, in.stringIndex(INTERVAL_NAMES));

            case READ_BIDS:
                return NO_LEVELS == bidCount && readLevels(outputLimit + HEADER_LENGTH + shape.blockLength, true);

            case READ_ASKS:
                return NO_LEVELS != bidCount && NO_LEVELS == askCount && readLevels(asksGroupOffset, false);

            case READ_OBJECT:
                return in.skip((byte)'{') && readFields(shape.nested, 0);

            default:
                return false;
        }
    }

    /**
     * Store a value read by the fast path.
     *
     * @return false, storing nothing, for a negative value: the readers' sign that the text was not acceptable.
     */
    private boolean store(final int slot, final long value)
    {
        if (value < 0)
        {
            return false;
        }
        values[slot] = value;
        return true;
    }

    private boolean storeTime(final int slot, final long time)
    {
        if (time < 0 || time > maxTimeValue)
        {
            return false;
        }
        values[slot] = time * timeMultiplier;
        return true;
    }

    private boolean storeFlag(final int slot, final int literal)
    {
        if (JsonScanner.TRUE != literal && JsonScanner.FALSE != literal)
        {
            return false;
        }
        values[slot] = JsonScanner.TRUE == literal ? 1 : 0;
        return true;
    }

    /**
     * The decimal string just scanned, with the exponent its text needs (either sign).
     */
    private boolean storeDecimal(final int slot)
    {
        final long digits = scanner.value();
        if (JsonNumberParser.OK != numbers.decimal(Math.abs(digits), -scanner.scale()))
        {
            return false;
        }
        values[slot] = digits < 0 ? -numbers.mantissa() : numbers.mantissa();
        exponents[slot] = (byte)numbers.exponent();
        return true;
    }

    /**
     * Make the instrument of the symbol just scanned current if it is registered and, when announcing, announced:
     * registering or announcing an instrument is the general path's work, once per instrument. Symbols are looked up
     * in {@link #knownSymbols} first, by their bytes as words, and asked of the registry only the first time.
     */
    private boolean useKnownInstrument()
    {
        final JsonScanner in = scanner;
        final int length = in.stringLength();
        int id;
        if (length <= SymbolIdCache.MAX_LENGTH && length > 0)
        {
            final long firstWord = in.stringWord(0);
            final long secondWord = in.stringWord(1);
            id = knownSymbols.get(firstWord, secondWord, length);
            if (SymbolIdCache.MISSING == id)
            {
                id = registry.idOf(venueCode, in.buffer(), in.stringOffset(), length);
                if (NULL_INSTRUMENT_ID != id)
                {
                    knownSymbols.put(firstWord, secondWord, length, id);
                }
            }
        }
        else
        {
            id = registry.idOf(venueCode, in.buffer(), in.stringOffset(), length);
        }
        if (NULL_INSTRUMENT_ID == id || (announceInstruments && !isAnnounced(id)))
        {
            return false;
        }
        useInstrument(id);
        return true;
    }

    /**
     * Read the levels of one side, [price, size] pairs, converting each straight into an entry of the message's
     * group: the bids' group follows the block and the asks' group follows the bids', so Binance's order ("s" before
     * "b", "b" before "a") is needed, and another takes the general path. The group headers are written by
     * {@link #encode} once both counts are known.
     *
     * @param groupOffset in the output of the group's header.
     * @param bidSide     whether these are the bids.
     */
    private boolean readLevels(final int groupOffset, final boolean bidSide)
    {
        final JsonScanner in = scanner;
        if (NULL_INSTRUMENT_ID == instrumentId || !in.skip((byte)'['))
        {
            return false;
        }
        final int firstEntry = groupOffset + GROUP_HEADER_LENGTH;
        final int entriesLimit = Math.min(output.capacity(), firstEntry + maxLevelsPerSide * LEVEL_LENGTH);
        final int priceExponent = this.priceExponent;
        final int sizeExponent = this.sizeExponent;
        int entry = firstEntry;
        if (!in.skip((byte)']'))
        {
            do
            {
                if (entry + LEVEL_LENGTH > entriesLimit || !in.skip((byte)'['))
                {
                    return false;
                }
                final long price = in.fixedString(priceExponent);
                if (price < 0 || !in.skip((byte)','))
                {
                    return false;
                }
                final long size = in.fixedString(sizeExponent);
                if (size < 0 || !in.skip((byte)']'))
                {
                    return false;
                }
                putLevel(entry, price, size);
                entry += LEVEL_LENGTH;
            }
            while (in.skip((byte)','));
            if (!in.skip((byte)']'))
            {
                return false;
            }
        }

        final int count = (entry - firstEntry) / LEVEL_LENGTH;
        if (bidSide)
        {
            bidCount = count;
            asksGroupOffset = entry;
        }
        else
        {
            askCount = count;
        }
        return true;
    }

    /**
     * Write one level's entry into the output. Why not {@code UnsafeBuffer.putLong}: this runs twice per level of
     * every depth message and its per-call bounds check showed in profiles; {@link #readLevels} checked that every
     * entry it writes is below {@code entriesLimit}, itself within the output's capacity, so the check is redundant.
     * The SBE schema is little-endian; on a big-endian machine the bytes are swapped as the encoder would.
     */
    private void putLevel(final int entry, final long price, final long size)
    {
        final long address = outputAddress + entry;
        UnsafeApi.putLong(
            outputArray, address + LEVEL_PRICE_OFFSET, NATIVE_LEVEL_ORDER ? price : Long.reverseBytes(price));
        UnsafeApi.putLong(
            outputArray, address + LEVEL_SIZE_OFFSET, NATIVE_LEVEL_ORDER ? size : Long.reverseBytes(size));
    }

    /**
     * Encode the message of an event the fast path has read whole.
     *
     * @return false if it does not fit the output.
     */
    private boolean encode(final EventShape shape)
    {
        final int levelsLength = NO_LEVELS == bidCount ?
            0 : 2 * GROUP_HEADER_LENGTH + (bidCount + askCount) * LEVEL_LENGTH;
        if (!fits(shape.blockLength + levelsLength))
        {
            return false;
        }

        switch (shape.message)
        {
            case TRADE_MESSAGE:
                encodeTrade(TradeKind.TRADE);
                break;

            case AGG_TRADE_MESSAGE:
                encodeTrade(TradeKind.AGG_TRADE);
                break;

            case BEST_BID_OFFER_MESSAGE:
                encodeBestBidOffer();
                break;

            case DEPTH_UPDATE_MESSAGE:
            {
                // The entries are in place already: write each group's header and step the encoder over them.
                final DepthUpdateEncoder encoder = encodeDepthUpdateBlock();
                encoder.bidsCount(bidCount);
                encoder.limit(encoder.limit() + bidCount * LEVEL_LENGTH);
                encoder.asksCount(askCount);
                encoder.limit(encoder.limit() + askCount * LEVEL_LENGTH);
                commitMessage(encoder.encodedLength());
                break;
            }

            case DEPTH_SNAPSHOT_MESSAGE:
            {
                final DepthSnapshotEncoder encoder = encodeDepthSnapshotBlock();
                encoder.bidsCount(bidCount);
                encoder.limit(encoder.limit() + bidCount * LEVEL_LENGTH);
                encoder.asksCount(askCount);
                encoder.limit(encoder.limit() + askCount * LEVEL_LENGTH);
                commitMessage(encoder.encodedLength());
                break;
            }

            case BAR_MESSAGE:
                encodeBar();
                break;

            case LIQUIDATION_MESSAGE:
                encodeLiquidation();
                break;

            case MARK_PRICE_MESSAGE:
                encodeMarkPrice();
                break;

            default:
                encodeMiniTicker();
                break;
        }
        return true;
    }

    /**
     * The instrument id of the symbol in a slot, registering and announcing it as configured.
     *
     * @return the id; {@link #FAILED} when the frame is bad; {@link #SKIPPED} when the symbol is unknown, which was
     * recorded and only skips this event.
     */
    private int resolveInstrument(final JsonFieldTable fields, final int slot)
    {
        final int type = fields.type(slot);
        if (STRING != type)
        {
            typeFailure(fields, slot, type);
            return FAILED;
        }

        final DirectBuffer frame = this.frame;
        final int offset = fields.offset(slot);
        final int length = fields.length(slot);
        int id = registry.idOf(venueCode, frame, offset, length);
        if (InstrumentRegistry.NULL_INSTRUMENT_ID == id)
        {
            if (!autoRegister)
            {
                errorLog.record(
                    UNKNOWN_SYMBOL, frame, frameOffset, frameLength, fields.start(slot) - frameOffset, receiveTimeNs);
                return SKIPPED;
            }
            if (!isRegistrableSymbol(frame, offset, length))
            {
                fail(BAD_SYMBOL, fields.start(slot));
                return FAILED;
            }
            id = registry.register(venue, frame, offset, length);
        }

        return announce(id) ? id : FAILED;
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
     * Encode the instrument's definition ahead of its first message, when announcing and not done yet.
     */
    private boolean announce(final int id)
    {
        if (!announceInstruments)
        {
            return true;
        }
        if (id >= announced.length)
        {
            ensureAnnounced(id);
        }
        if (announced[id])
        {
            return true;
        }

        final Instrument instrument = registry.get(id);
        final int length = InstrumentDefinitionEncoder.BLOCK_LENGTH +
            InstrumentDefinitionEncoder.symbolHeaderLength() + instrument.symbol().length() +
            InstrumentDefinitionEncoder.baseAssetHeaderLength() + instrument.baseAsset().length() +
            InstrumentDefinitionEncoder.quoteAssetHeaderLength() + instrument.quoteAsset().length();
        if (!reserve(length, cursor.tokenStart()))
        {
            return false;
        }
        definitionEncoder.wrapAndApplyHeader(output, outputLimit, headerEncoder);
        registry.encodeDefinition(id, definitionEncoder, receiveTimeNs, publishTimeNs);
        announced[id] = true;
        announcedInFrame[announcedInFrameCount++] = id;
        commitMessage(definitionEncoder.encodedLength());
        return true;
    }

    private void ensureAnnounced(final int id)
    {
        if (announceInstruments && id >= announced.length)
        {
            announced = Arrays.copyOf(announced, Math.max(Math.max(id, registry.maxId()) + 1, announced.length * 2));
        }
    }

    private boolean reserve(final int bodyLength, final int failOffset)
    {
        return fits(bodyLength) || fail(TOO_MANY_MESSAGES, failOffset);
    }

    /**
     * Whether one more message with a body of this length fits the output.
     */
    private boolean fits(final int bodyLength)
    {
        return outputLimit + HEADER_LENGTH + bodyLength <= output.capacity() && messageCount < messageLengths.length;
    }

    private void commitMessage(final int bodyLength)
    {
        final int length = HEADER_LENGTH + bodyLength;
        messageLengths[messageCount++] = length;
        outputLimit += length;
    }

    private void useInstrument(final int id)
    {
        instrumentId = id;
        priceExponent = registry.priceExponent(id);
        sizeExponent = registry.sizeExponent(id);
    }

    private boolean isAnnounced(final int id)
    {
        return id < announced.length && announced[id];
    }

    private static int tradeCondition(final int nameIndex)
    {
        return nameIndex < 0 ? OTHER_CONDITION : nameIndex;
    }

    private int levelsLength()
    {
        return 2 * GROUP_HEADER_LENGTH + (bids.count + asks.count) * LEVEL_LENGTH;
    }

    /**
     * Check that a slot holds the level array noted while reading the event, and convert its levels into the list's
     * mantissas.
     */
    private void levels(final JsonFieldTable fields, final int slot, final LevelList list)
    {
        final int type = fields.type(slot);
        if (BEGIN_ARRAY != type || list.arrayStart != fields.start(slot))
        {
            typeFailure(fields, slot, type);
            return;
        }
        if (JsonCursor.NO_ERROR != list.errorReason)
        {
            fail(list.errorReason, list.errorOffset);
            return;
        }

        final long[] prices = list.prices;
        final long[] sizes = list.sizes;
        for (int i = 0, count = list.count; i < count; i++)
        {
            prices[i] = convertFixed(list.priceOffsets[i], list.priceLengths[i], priceExponent);
            sizes[i] = convertFixed(list.sizeOffsets[i], list.sizeLengths[i], sizeExponent);
        }
    }

    /**
     * The table of the object in a slot of an event ("k" of a kline, "o" of a forceOrder), read one level down.
     *
     * @return the table, or null with the failure set.
     */
    private JsonFieldTable nested(final JsonFieldTable event, final int slot, final int level)
    {
        final int type = event.type(slot);
        final JsonFieldTable inner = level + 1 < TABLE_LEVELS ? tables[level + 1] : null;
        if (BEGIN_OBJECT != type || null == inner || inner.objectStart() != event.start(slot))
        {
            typeFailure(event, slot, type);
            return null;
        }
        return inner;
    }

    /**
     * The index in a list of names of the one a string field holds, or -1 with the failure set.
     */
    private int lookup(final JsonFieldTable fields, final int slot, final byte[][] names)
    {
        final int type = fields.type(slot);
        if (STRING != type)
        {
            typeFailure(fields, slot, type);
            return -1;
        }
        for (int i = 0; i < names.length; i++)
        {
            if (fields.valueEquals(frame, slot, names[i]))
            {
                return i;
            }
        }
        fail(BAD_VALUE, fields.start(slot));
        return -1;
    }

    /**
     * A required JSON integer, e.g. an id.
     */
    private long integer(final JsonFieldTable fields, final int slot)
    {
        final int type = fields.type(slot);
        if (NUMBER != type)
        {
            typeFailure(fields, slot, type);
            return NULL_LONG;
        }
        return convertInteger(fields, slot);
    }

    /**
     * A JSON integer, or null when absent or JSON null.
     */
    private long optionalInteger(final JsonFieldTable fields, final int slot)
    {
        final int type = fields.type(slot);
        if (ABSENT == type || NULL == type)
        {
            return NULL_LONG;
        }
        if (NUMBER != type)
        {
            fail(WRONG_TYPE, fields.start(slot));
            return NULL_LONG;
        }
        return convertInteger(fields, slot);
    }

    private long convertInteger(final JsonFieldTable fields, final int slot)
    {
        final int status = numbers.parseLong(frame, fields.offset(slot), fields.length(slot));
        if (JsonNumberParser.OK != status)
        {
            numberFailure(status, fields.start(slot));
            return NULL_LONG;
        }
        return numbers.value();
    }

    /**
     * A required time in the venue's unit, as epoch nanoseconds.
     */
    private long time(final JsonFieldTable fields, final int slot)
    {
        return toNanos(integer(fields, slot), fields, slot);
    }

    /**
     * A time as epoch nanoseconds, or null when absent or JSON null.
     */
    private long optionalTime(final JsonFieldTable fields, final int slot)
    {
        final int type = fields.type(slot);
        return ABSENT == type || NULL == type ? NULL_LONG : time(fields, slot);
    }

    private long toNanos(final long time, final JsonFieldTable fields, final int slot)
    {
        if (time < 0 || time > maxTimeValue)
        {
            fail(BAD_NUMBER, fields.start(slot));
            return NULL_LONG;
        }
        return time * timeMultiplier;
    }

    /**
     * A required JSON boolean.
     */
    private boolean flag(final JsonFieldTable fields, final int slot)
    {
        final int type = fields.type(slot);
        if (TRUE != type && FALSE != type)
        {
            typeFailure(fields, slot, type);
        }
        return TRUE == type;
    }

    /**
     * A required price or size: a decimal string or number, never negative, exact at the exponent.
     */
    private long fixed(final JsonFieldTable fields, final int slot, final int exponent)
    {
        final int type = fields.type(slot);
        if (STRING != type && NUMBER != type)
        {
            typeFailure(fields, slot, type);
            return 0;
        }
        return convertFixed(fields.offset(slot), fields.length(slot), exponent);
    }

    /**
     * As {@link #fixed} but null when absent, JSON null or an empty string.
     */
    private long optionalFixed(final JsonFieldTable fields, final int slot, final int exponent)
    {
        final int type = fields.type(slot);
        if (ABSENT == type || NULL == type || (STRING == type && 0 == fields.length(slot)))
        {
            return NULL_LONG;
        }
        return fixed(fields, slot, exponent);
    }

    private long convertFixed(final int offset, final int length, final int exponent)
    {
        final int status = numbers.parseFixed(frame, offset, length, exponent);
        if (JsonNumberParser.OK != status)
        {
            numberFailure(status, offset);
            return 0;
        }
        final long mantissa = numbers.value();
        if (mantissa < 0)
        {
            fail(BAD_NUMBER, offset);
            return 0;
        }
        return mantissa;
    }

    /**
     * A required decimal with the exponent its text needs, into values[] and exponents[].
     */
    private void decimal(final JsonFieldTable fields, final int slot)
    {
        values[slot] = NULL_LONG;
        exponents[slot] = 0;
        final int type = fields.type(slot);
        if (STRING != type && NUMBER != type)
        {
            typeFailure(fields, slot, type);
            return;
        }
        final int status = numbers.parseDecimal(frame, fields.offset(slot), fields.length(slot));
        if (JsonNumberParser.OK != status)
        {
            numberFailure(status, fields.offset(slot));
            return;
        }
        values[slot] = numbers.mantissa();
        exponents[slot] = (byte)numbers.exponent();
    }

    /**
     * As {@link #decimal} but null (exponent 0) when absent, JSON null or an empty string.
     */
    private void optionalDecimal(final JsonFieldTable fields, final int slot)
    {
        final int type = fields.type(slot);
        if (ABSENT == type || NULL == type || (STRING == type && 0 == fields.length(slot)))
        {
            values[slot] = NULL_LONG;
            exponents[slot] = 0;
            return;
        }
        decimal(fields, slot);
    }

    private boolean typeFailure(final JsonFieldTable fields, final int slot, final int type)
    {
        return ABSENT == type ? fail(MISSING_FIELD, fields.objectStart()) : fail(WRONG_TYPE, fields.start(slot));
    }

    private boolean numberFailure(final int status, final int offset)
    {
        switch (status)
        {
            case JsonNumberParser.TOO_LONG:
                return fail(NUMBER_TOO_LONG, offset);
            case JsonNumberParser.INEXACT:
                return fail(INEXACT_NUMBER, offset);
            default:
                return fail(BAD_NUMBER, offset);
        }
    }

    private boolean cursorFailure()
    {
        final int reason;
        switch (cursor.errorCode())
        {
            case JsonCursor.ERROR_EMPTY:
                reason = EMPTY_FRAME;
                break;
            case JsonCursor.ERROR_TRUNCATED:
                reason = TRUNCATED;
                break;
            case JsonCursor.ERROR_TOO_DEEP:
                reason = TOO_DEEP;
                break;
            case JsonCursor.ERROR_BAD_NUMBER:
                reason = BAD_NUMBER;
                break;
            default:
                reason = MALFORMED_JSON;
                break;
        }
        return fail(reason, frameOffset + cursor.errorPosition());
    }

    /**
     * Note why and where (an offset in the frame's buffer) the frame is bad; the first failure of a frame is the one
     * reported.
     *
     * @return false, so callers can return it.
     */
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

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * What the fast path expects of one kind of object, an event or the object nested in one: how to read the value
     * of each field of {@link #FIELD_NAMES} (by default: any scalar, skipped), which must be present, and the value
     * standing for each optional one that is absent. Anything else, from an object where a scalar was expected to a
     * value of the wrong type, sends the frame to the general path.
     */
    private static final class EventShape
    {
        final byte[] eventType;
        final int message;
        final int blockLength;
        final byte[] reads = new byte[FIELD_NAMES.length];
        final long[] absentValues = new long[FIELD_NAMES.length];
        long required;
        long optional;
        EventShape nested;

        /**
         * @param eventType   the "e" the shape is chosen by, or null.
         * @param message     the message it is encoded as, or {@code NESTED_OBJECT}.
         * @param blockLength of that message's block, 0 for a nested object.
         */
        EventShape(final byte[] eventType, final int message, final int blockLength)
        {
            this.eventType = eventType;
            this.message = message;
            this.blockLength = blockLength;
            // At the top of a frame "data" makes an envelope of any object: the general path's business.
            reads[DATA] = FALL_BACK;
        }

        EventShape require(final int slot, final byte how)
        {
            reads[slot] = how;
            required |= 1L << slot;
            return this;
        }

        EventShape allow(final int slot, final byte how, final long absentValue)
        {
            reads[slot] = how;
            optional |= 1L << slot;
            absentValues[slot] = absentValue;
            return this;
        }

        EventShape refuse(final int slot)
        {
            reads[slot] = FALL_BACK;
            return this;
        }

        EventShape nest(final int slot, final EventShape nested)
        {
            this.nested = nested;
            return require(slot, READ_OBJECT);
        }
    }

    /**
     * Where one side's level texts are in the frame, then their converted mantissas.
     */
    private static final class LevelList
    {
        final int capacity;
        final int[] priceOffsets;
        final int[] priceLengths;
        final int[] sizeOffsets;
        final int[] sizeLengths;
        final long[] prices;
        final long[] sizes;
        int count;
        int arrayStart = -1;
        int errorReason;
        int errorOffset;

        LevelList(final int capacity)
        {
            this.capacity = capacity;
            priceOffsets = new int[capacity];
            priceLengths = new int[capacity];
            sizeOffsets = new int[capacity];
            sizeLengths = new int[capacity];
            prices = new long[capacity];
            sizes = new long[capacity];
        }

        void reset(final int arrayStart)
        {
            this.arrayStart = arrayStart;
            count = 0;
            errorReason = JsonCursor.NO_ERROR;
            errorOffset = 0;
        }
    }

    /**
     * Configuration of a {@link BinanceJsonDecoder}: fluent setters, defaults from {@link BinanceJsonConfiguration}'s
     * system properties, validated by {@link #conclude()}. Single use: do not share or reuse an instance.
     */
    public static final class Context
    {
        private boolean isConcluded;
        private Venue venue;
        private InstrumentRegistry instrumentRegistry;
        private boolean autoRegister = BinanceJsonConfiguration.autoRegister();
        private boolean announceInstruments;
        private boolean announceInstrumentsSet;
        private MessageSink messageSink;
        private EpochNanoClock epochNanoClock;
        private SampledErrorLog errorLog;
        private CounterFactory counterFactory;
        private TimeUnit timeUnit = BinanceJsonConfiguration.timeUnit();
        private int maxLevelsPerSide = BinanceJsonConfiguration.maxLevelsPerSide();
        private int maxJsonDepth = BinanceJsonConfiguration.maxJsonDepth();
        private int outputBufferLength = BinanceJsonConfiguration.outputBufferLength();
        private boolean fastPath = BinanceJsonConfiguration.fastPath();
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

            if (null == venue)
            {
                throw new ConfigurationException("venue: required");
            }
            if (Venue.BINANCE_SPOT != venue && Venue.BINANCE_US != venue && Venue.BINANCE_USDM != venue &&
                Venue.BINANCE_COINM != venue && Venue.SYNTHETIC != venue)
            {
                throw new ConfigurationException("venue=" + venue + ": not a Binance JSON dialect, expected " +
                    "BINANCE_SPOT, BINANCE_US, BINANCE_USDM, BINANCE_COINM or SYNTHETIC");
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
            if (TimeUnit.MILLISECONDS != timeUnit && TimeUnit.MICROSECONDS != timeUnit)
            {
                throw new ConfigurationException("timeUnit=" + timeUnit + " (" +
                    BinanceJsonConfiguration.TIME_UNIT_PROP_NAME + "): expected MILLISECONDS or MICROSECONDS");
            }
            if (maxLevelsPerSide < 1 || maxLevelsPerSide > DepthUpdateEncoder.BidsEncoder.countMaxValue())
            {
                throw new ConfigurationException("maxLevelsPerSide=" + maxLevelsPerSide + " (" +
                    BinanceJsonConfiguration.MAX_LEVELS_PER_SIDE_PROP_NAME + "): must be 1.." +
                    DepthUpdateEncoder.BidsEncoder.countMaxValue());
            }
            if (maxJsonDepth < 5 || maxJsonDepth > 1024)
            {
                throw new ConfigurationException("maxJsonDepth=" + maxJsonDepth + " (" +
                    BinanceJsonConfiguration.MAX_JSON_DEPTH_PROP_NAME + "): must be 5..1024, Binance frames nest 5");
            }
            if (outputBufferLength < 1)
            {
                throw new ConfigurationException("outputBufferLength=" + outputBufferLength + " (" +
                    BinanceJsonConfiguration.OUTPUT_BUFFER_LENGTH_PROP_NAME + "): must be positive");
            }
            outputBufferLength = Math.max(outputBufferLength, minimumOutputBufferLength(maxLevelsPerSide));

            if (null != errorLog && !Arrays.equals(REASON_NAMES, reasonNamesOf(errorLog)))
            {
                throw new ConfigurationException("errorLog: must be built with BinanceJsonDecoder.reasonNames(), " +
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
                name = Venues.cliName(venue);
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
         * Output buffer needed for a depth snapshot of {@code maxLevelsPerSide} levels a side, plus the definition
         * that may precede it.
         *
         * @param maxLevelsPerSide levels a side.
         * @return the bytes.
         */
        public static int minimumOutputBufferLength(final int maxLevelsPerSide)
        {
            final int snapshot = HEADER_LENGTH + DepthSnapshotEncoder.BLOCK_LENGTH +
                2 * (GROUP_HEADER_LENGTH + maxLevelsPerSide * LEVEL_LENGTH);
            final int definition = HEADER_LENGTH + InstrumentDefinitionEncoder.BLOCK_LENGTH + 3 * (2 + 1024);
            return snapshot + definition;
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
         * The venue whose dialect and symbols are decoded: {@code BINANCE_SPOT}, {@code BINANCE_US} (the spot
         * dialect), {@code BINANCE_USDM}, {@code BINANCE_COINM}, or {@code SYNTHETIC} (the synthetic market speaks
         * USD-M). Symbols are looked up and registered under this venue.
         *
         * @param venue of the frames.
         * @return this context.
         */
        public Context venue(final Venue venue)
        {
            this.venue = venue;
            return this;
        }

        /**
         * The venue.
         *
         * @return the venue.
         */
        public Venue venue()
        {
            return venue;
        }

        /**
         * Registry of instruments: ids and exponents. Required.
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
         * Whether unknown symbols are registered on first sight (replays of captures without reference data) or
         * counted as {@link #UNKNOWN_SYMBOL} (live feeds with reference data).
         *
         * @param autoRegister true to register.
         * @return this context.
         * @see BinanceJsonConfiguration#AUTO_REGISTER_PROP_NAME
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
         * Whether the first message this decoder publishes for an instrument is preceded by the instrument's
         * {@code InstrumentDefinition}. Defaults to {@link #autoRegister()}; turn it off when reference data is
         * published by someone else, on when subscribers must learn instruments from this feed.
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
         * Clock for {@code publishTimeNs}; defaults to the system clock. Replays pass a clock driven by the capture.
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
         * Error log for bad frames, built with {@link BinanceJsonDecoder#reasonNames()}; by default the decoder
         * creates one named after the decoder with a decode-errors counter from the counter factory.
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
         * The error log, null until concluded if not set.
         *
         * @return the error log.
         */
        public SampledErrorLog errorLog()
        {
            return errorLog;
        }

        /**
         * Factory of the decoder's counters (frames in, messages out, unsupported frames, decode errors). Required.
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
         * Unit of the JSON times: {@link TimeUnit#MILLISECONDS} (default) or {@link TimeUnit#MICROSECONDS} for
         * streams opened with {@code timeUnit=MICROSECOND}.
         *
         * @param timeUnit of the venue's times.
         * @return this context.
         * @see BinanceJsonConfiguration#TIME_UNIT_PROP_NAME
         */
        public Context timeUnit(final TimeUnit timeUnit)
        {
            this.timeUnit = timeUnit;
            return this;
        }

        /**
         * The time unit.
         *
         * @return the unit.
         */
        public TimeUnit timeUnit()
        {
            return timeUnit;
        }

        /**
         * Most levels accepted on one side of a depth update or snapshot.
         *
         * @param maxLevelsPerSide from 1 to 65534.
         * @return this context.
         * @see BinanceJsonConfiguration#MAX_LEVELS_PER_SIDE_PROP_NAME
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
         * Deepest JSON nesting accepted.
         *
         * @param maxJsonDepth from 5 to 1024.
         * @return this context.
         * @see BinanceJsonConfiguration#MAX_JSON_DEPTH_PROP_NAME
         */
        public Context maxJsonDepth(final int maxJsonDepth)
        {
            this.maxJsonDepth = maxJsonDepth;
            return this;
        }

        /**
         * The nesting limit.
         *
         * @return the depth.
         */
        public int maxJsonDepth()
        {
            return maxJsonDepth;
        }

        /**
         * Bytes of SBE output one frame may produce; raised at conclusion to fit a full snapshot.
         *
         * @param outputBufferLength in bytes.
         * @return this context.
         * @see BinanceJsonConfiguration#OUTPUT_BUFFER_LENGTH_PROP_NAME
         */
        public Context outputBufferLength(final int outputBufferLength)
        {
            this.outputBufferLength = outputBufferLength;
            return this;
        }

        /**
         * The output buffer length.
         *
         * @return bytes.
         */
        public int outputBufferLength()
        {
            return outputBufferLength;
        }

        /**
         * Whether frames are first tried on the fast path (the default); off, every frame is decoded on the general
         * path, with the same output.
         *
         * @param fastPath true to use the fast path.
         * @return this context.
         * @see BinanceJsonConfiguration#FAST_PATH_PROP_NAME
         */
        public Context fastPath(final boolean fastPath)
        {
            this.fastPath = fastPath;
            return this;
        }

        /**
         * Whether the fast path is used.
         *
         * @return true if so.
         */
        public boolean fastPath()
        {
            return fastPath;
        }

        /**
         * Name used in counter labels ({@code feed <name>: frames in}) and error samples; defaults to the venue's
         * command-line name, e.g. {@code binance-usdm}.
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
