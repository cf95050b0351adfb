/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

/**
 * Reason codes of the MEXC decoders: why a frame was bad (counted and sampled into the decoder's error log) and why
 * a well-formed frame was not decoded (counted as unsupported, by reason). Both decoders share the codes, since both
 * read REST depth snapshots as JSON; each decoder's javadoc says which it reports.
 */
public final class MexcReasons
{
    /**
     * Bad frame: zero length, or only whitespace.
     */
    public static final int EMPTY_FRAME = 0;

    /**
     * Bad frame: ends inside a protobuf field or a JSON value.
     */
    public static final int TRUNCATED = 1;

    /**
     * Bad frame: not valid protobuf: a varint longer than 10 bytes, field number 0 or above 2^29 - 1, a wire type
     * that does not exist or a (proto2-only) group.
     */
    public static final int MALFORMED_PROTOBUF = 2;

    /**
     * Bad frame: JSON syntax error.
     */
    public static final int MALFORMED_JSON = 3;

    /**
     * Bad frame: JSON nested deeper than the configured maximum.
     */
    public static final int TOO_DEEP = 4;

    /**
     * Bad frame: a known field with the wrong protobuf wire type or the wrong JSON type.
     */
    public static final int WRONG_TYPE = 5;

    /**
     * Bad frame: a field the message needs is absent (or, in protobuf, has its default: an empty string).
     */
    public static final int MISSING_FIELD = 6;

    /**
     * Bad frame: a JSON field the decoder reads appears twice in one object, or a protobuf frame carries two bodies.
     */
    public static final int DUPLICATE_FIELD = 7;

    /**
     * A symbol not in the registry while auto-registration is off: the frame is skipped.
     */
    public static final int UNKNOWN_SYMBOL = 8;

    /**
     * Bad frame: with auto-registration, a symbol that cannot be registered (empty, longer than 64 bytes, or bytes
     * other than {@code A-Z a-z 0-9 _ - .}).
     */
    public static final int BAD_SYMBOL = 9;

    /**
     * Bad frame: a malformed number, or one out of range for its field (a negative price, size or version).
     */
    public static final int BAD_NUMBER = 10;

    /**
     * Bad frame: a number with more significant digits than a 64-bit mantissa holds, or too large for its field.
     */
    public static final int NUMBER_TOO_LONG = 11;

    /**
     * Bad frame: a price or size finer than the instrument's exponent keeps; it would have to be rounded.
     */
    public static final int INEXACT_NUMBER = 12;

    /**
     * Bad frame: a value the decoder does not know (trade side, kline interval) or a time out of range.
     */
    public static final int BAD_VALUE = 13;

    /**
     * Bad frame: more price levels on one side than the configured maximum.
     */
    public static final int TOO_MANY_LEVELS = 14;

    /**
     * Bad frame: its messages do not fit the configured output buffer.
     */
    public static final int TOO_MANY_MESSAGES = 15;

    /**
     * Bad snapshot: {@code onDepthSnapshot} was given an instrument id the registry does not have.
     */
    public static final int UNKNOWN_INSTRUMENT = 16;

    /**
     * Bad frame: a partial-depth book whose levels are not in book order (bids falling, asks rising) or are crossed.
     */
    public static final int BAD_BOOK = 17;

    private static final String[] ERROR_NAMES =
    {
        "EMPTY_FRAME", "TRUNCATED", "MALFORMED_PROTOBUF", "MALFORMED_JSON", "TOO_DEEP", "WRONG_TYPE",
        "MISSING_FIELD", "DUPLICATE_FIELD", "UNKNOWN_SYMBOL", "BAD_SYMBOL", "BAD_NUMBER", "NUMBER_TOO_LONG",
        "INEXACT_NUMBER", "BAD_VALUE", "TOO_MANY_LEVELS", "TOO_MANY_MESSAGES", "UNKNOWN_INSTRUMENT", "BAD_BOOK"
    };

    /**
     * Unsupported: a protobuf push whose body is not decoded (klines, mini tickers, private account data).
     */
    public static final int UNSUPPORTED_BODY = 0;

    /**
     * Unsupported: a protobuf push without a body.
     */
    public static final int NO_BODY = 1;

    /**
     * Unsupported: a JSON text frame on the protobuf connection (subscription replies, {@code PONG}).
     */
    public static final int TEXT_FRAME = 2;

    /**
     * Unsupported: a futures push of a channel not decoded ({@code push.tickers}, {@code push.funding.rate},
     * {@code rs.sub.*} replies, {@code pong}...).
     */
    public static final int UNKNOWN_CHANNEL = 3;

    /**
     * Unsupported: JSON that is not a push at all: no {@code channel} (a REST reply) or a top-level array.
     */
    public static final int NOT_A_PUSH = 4;

    /**
     * Unsupported: a push of MEXC's retired spot JSON API, which shares channel names with futures
     * ({@code push.deal}, {@code push.depth}, {@code push.kline}) but carries no {@code ts}.
     */
    public static final int LEGACY_SPOT = 5;

    private static final String[] UNSUPPORTED_NAMES =
    {
        "UNSUPPORTED_BODY", "NO_BODY", "TEXT_FRAME", "UNKNOWN_CHANNEL", "NOT_A_PUSH", "LEGACY_SPOT"
    };

    private MexcReasons()
    {
    }

    /**
     * Names of the bad-frame reasons, indexed by code; an error log given to a MEXC decoder must be built with them.
     *
     * @return a copy of the names.
     */
    public static String[] errorNames()
    {
        return ERROR_NAMES.clone();
    }

    /**
     * Name of a bad-frame reason.
     *
     * @param reason code.
     * @return its name.
     */
    public static String errorName(final int reason)
    {
        return ERROR_NAMES[reason];
    }

    /**
     * Number of bad-frame reasons.
     *
     * @return the number.
     */
    public static int errorCount()
    {
        return ERROR_NAMES.length;
    }

    /**
     * Name of an unsupported-frame reason.
     *
     * @param reason code.
     * @return its name.
     */
    public static String unsupportedName(final int reason)
    {
        return UNSUPPORTED_NAMES[reason];
    }

    /**
     * Number of unsupported-frame reasons.
     *
     * @return the number.
     */
    public static int unsupportedCount()
    {
        return UNSUPPORTED_NAMES.length;
    }
}
