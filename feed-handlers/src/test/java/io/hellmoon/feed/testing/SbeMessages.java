/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.testing;

import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.sbe.DepthSnapshotEncoder;
import io.hellmoon.sbe.DepthUpdateEncoder;
import io.hellmoon.sbe.InstrumentDefinitionEncoder;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Hand-made SBE messages for unit tests: each method encodes into the shared buffer and returns the length; prices and
 * sizes are whole units at exponent 0 unless given.
 */
public final class SbeMessages
{
    /**
     * Value of an absent optional update id.
     */
    public static final long NULL_ID = Long.MIN_VALUE;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1 << 20]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final DepthUpdateEncoder update = new DepthUpdateEncoder();
    private final DepthSnapshotEncoder snapshot = new DepthSnapshotEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
    private int priceExponent;
    private int sizeExponent;

    /**
     * The buffer every message is encoded into, at offset 0.
     *
     * @return the buffer.
     */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * Set the exponents of the following messages.
     *
     * @param priceExponent of prices.
     * @param sizeExponent  of sizes.
     * @return this.
     */
    public SbeMessages exponents(final int priceExponent, final int sizeExponent)
    {
        this.priceExponent = priceExponent;
        this.sizeExponent = sizeExponent;
        return this;
    }

    /**
     * A diff: {@code levels} is {@code {bidPrice, bidSize, ...}} then {@code asks} likewise.
     *
     * @return the encoded length.
     */
    public int depthUpdate(
        final int instrumentId,
        final long firstId,
        final long finalId,
        final long prevId,
        final long[] bids,
        final long[] asks,
        final long receiveTimeNs)
    {
        update.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(receiveTimeNs - 1)
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(receiveTimeNs)
            .transactTimeNs(DepthUpdateEncoder.transactTimeNsNullValue())
            .firstUpdateId(firstId)
            .finalUpdateId(finalId)
            .prevFinalUpdateId(prevId)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent);
        final DepthUpdateEncoder.BidsEncoder bidGroup = update.bidsCount(bids.length / 2);
        for (int i = 0; i < bids.length; i += 2)
        {
            bidGroup.next().price(bids[i]).size(bids[i + 1]);
        }
        final DepthUpdateEncoder.AsksEncoder askGroup = update.asksCount(asks.length / 2);
        for (int i = 0; i < asks.length; i += 2)
        {
            askGroup.next().price(asks[i]).size(asks[i + 1]);
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength();
    }

    /**
     * A snapshot: {@code bids} is {@code {price, size, ...}} best first, {@code asks} likewise.
     *
     * @return the encoded length.
     */
    public int depthSnapshot(
        final int instrumentId, final long lastUpdateId, final long[] bids, final long[] asks, final long receiveTimeNs)
    {
        snapshot.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .eventTimeNs(DepthSnapshotEncoder.eventTimeNsNullValue())
            .receiveTimeNs(receiveTimeNs)
            .publishTimeNs(receiveTimeNs)
            .transactTimeNs(DepthSnapshotEncoder.transactTimeNsNullValue())
            .lastUpdateId(lastUpdateId)
            .priceExponent((byte)priceExponent)
            .sizeExponent((byte)sizeExponent);
        final DepthSnapshotEncoder.BidsEncoder bidGroup = snapshot.bidsCount(bids.length / 2);
        for (int i = 0; i < bids.length; i += 2)
        {
            bidGroup.next().price(bids[i]).size(bids[i + 1]);
        }
        final DepthSnapshotEncoder.AsksEncoder askGroup = snapshot.asksCount(asks.length / 2);
        for (int i = 0; i < asks.length; i += 2)
        {
            askGroup.next().price(asks[i]).size(asks[i + 1]);
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength();
    }

    /**
     * A definition of a symbol at the current exponents.
     *
     * @return the encoded length.
     */
    public int definition(final int instrumentId, final Venue venue, final String symbol)
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        registry.add(new Instrument(
            instrumentId, venue, symbol, InstrumentRegistry.guessKind(venue, symbol),
            InstrumentStatus.TRADING, priceExponent, sizeExponent, 0, 0, 0, 0.0, 1.0, "", ""));
        definition.wrapAndApplyHeader(buffer, 0, header);
        registry.encodeDefinition(instrumentId, definition, 0, 0);
        return MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength();
    }

    /**
     * Shorthand for level arrays.
     *
     * @param values price, size, price, size...
     * @return the array.
     */
    public static long[] levels(final long... values)
    {
        return values;
    }
}
