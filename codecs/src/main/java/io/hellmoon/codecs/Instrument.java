/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs;

import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.Venue;

/**
 * Reference data for one venue instrument. Created at start-up or when a new symbol is first seen, never per message.
 *
 * @param id            registry id, stable once assigned.
 * @param venue         where it trades.
 * @param symbol        venue symbol, upper case, e.g. {@code BTCUSDT} or {@code BTC_USDT}.
 * @param kind          spot, perpetual or delivery.
 * @param status        trading status from the venue.
 * @param priceExponent power of ten of price mantissas on the wire.
 * @param sizeExponent  power of ten of size mantissas on the wire.
 * @param tickSize      price increment, a mantissa at {@code priceExponent}; 0 when unknown.
 * @param stepSize      size increment, a mantissa at {@code sizeExponent}; 0 when unknown.
 * @param minQty        smallest order size, a mantissa at {@code sizeExponent}; 0 when unknown.
 * @param minNotional   smallest order value in quote currency; 0 when unknown.
 * @param contractSize  quote value of one contract for inverse futures, otherwise 1.
 * @param baseAsset     base asset, empty when unknown.
 * @param quoteAsset    quote asset, empty when unknown.
 */
public record Instrument(
    int id,
    Venue venue,
    String symbol,
    InstrumentKind kind,
    InstrumentStatus status,
    int priceExponent,
    int sizeExponent,
    long tickSize,
    long stepSize,
    long minQty,
    double minNotional,
    double contractSize,
    String baseAsset,
    String quoteAsset)
{
    /**
     * The key summaries use: {@code VENUE:SYMBOL}, e.g. {@code BINANCE_USDM:BTCUSDT}.
     *
     * @return the key.
     */
    public String key()
    {
        return venue.name() + ':' + symbol;
    }

    /**
     * A copy with another id.
     *
     * @param newId the id.
     * @return the copy.
     */
    public Instrument withId(final int newId)
    {
        return new Instrument(
            newId, venue, symbol, kind, status, priceExponent, sizeExponent, tickSize, stepSize, minQty, minNotional,
            contractSize, baseAsset, quoteAsset);
    }
}
