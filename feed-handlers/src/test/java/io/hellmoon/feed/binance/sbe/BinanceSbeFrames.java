/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance.sbe;

import io.hellmoon.feed.binance.sbe.codec.BestBidAskStreamEventEncoder;
import io.hellmoon.feed.binance.sbe.codec.BoolEnum;
import io.hellmoon.feed.binance.sbe.codec.DepthDiffStreamEventEncoder;
import io.hellmoon.feed.binance.sbe.codec.DepthSnapshotStreamEventEncoder;
import io.hellmoon.feed.binance.sbe.codec.MessageHeaderEncoder;
import io.hellmoon.feed.binance.sbe.codec.TradesStreamEventEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * Frames of Binance's SBE market-data streams, encoded with the codecs generated from Binance's own schema. Each
 * method returns a copy of the frame's bytes. Levels are {@code {price, qty, price, qty...}} mantissas.
 */
final class BinanceSbeFrames
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1 << 20]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TradesStreamEventEncoder trades = new TradesStreamEventEncoder();
    private final BestBidAskStreamEventEncoder bestBidAsk = new BestBidAskStreamEventEncoder();
    private final DepthSnapshotStreamEventEncoder depth20 = new DepthSnapshotStreamEventEncoder();
    private final DepthDiffStreamEventEncoder depthDiff = new DepthDiffStreamEventEncoder();

    /**
     * A trade event: each trade is {@code {id, price, qty, isBuyerMaker 0|1}}.
     */
    byte[] trades(
        final String symbol,
        final long eventTimeUs,
        final long transactTimeUs,
        final int priceExponent,
        final int qtyExponent,
        final long[]... entries)
    {
        trades.wrapAndApplyHeader(buffer, 0, header)
            .eventTime(eventTimeUs)
            .transactTime(transactTimeUs)
            .priceExponent((byte)priceExponent)
            .qtyExponent((byte)qtyExponent);
        final TradesStreamEventEncoder.TradesEncoder group = trades.tradesCount(entries.length);
        for (final long[] entry : entries)
        {
            group.next().id(entry[0]).price(entry[1]).qty(entry[2]).isBuyerMaker(
                1 == entry[3] ? BoolEnum.True : BoolEnum.False);
        }
        trades.symbol(symbol);
        return copy(MessageHeaderEncoder.ENCODED_LENGTH + trades.encodedLength());
    }

    byte[] bestBidAsk(
        final String symbol,
        final long eventTimeUs,
        final long updateId,
        final int priceExponent,
        final int qtyExponent,
        final long bidPrice,
        final long bidQty,
        final long askPrice,
        final long askQty)
    {
        bestBidAsk.wrapAndApplyHeader(buffer, 0, header)
            .eventTime(eventTimeUs)
            .bookUpdateId(updateId)
            .priceExponent((byte)priceExponent)
            .qtyExponent((byte)qtyExponent)
            .bidPrice(bidPrice)
            .bidQty(bidQty)
            .askPrice(askPrice)
            .askQty(askQty)
            .symbol(symbol);
        return copy(MessageHeaderEncoder.ENCODED_LENGTH + bestBidAsk.encodedLength());
    }

    byte[] depth20(
        final String symbol,
        final long eventTimeUs,
        final long updateId,
        final int priceExponent,
        final int qtyExponent,
        final long[] bids,
        final long[] asks)
    {
        depth20.wrapAndApplyHeader(buffer, 0, header)
            .eventTime(eventTimeUs)
            .bookUpdateId(updateId)
            .priceExponent((byte)priceExponent)
            .qtyExponent((byte)qtyExponent);
        final DepthSnapshotStreamEventEncoder.BidsEncoder bidGroup = depth20.bidsCount(bids.length / 2);
        for (int i = 0; i < bids.length; i += 2)
        {
            bidGroup.next().price(bids[i]).qty(bids[i + 1]);
        }
        final DepthSnapshotStreamEventEncoder.AsksEncoder askGroup = depth20.asksCount(asks.length / 2);
        for (int i = 0; i < asks.length; i += 2)
        {
            askGroup.next().price(asks[i]).qty(asks[i + 1]);
        }
        depth20.symbol(symbol);
        return copy(MessageHeaderEncoder.ENCODED_LENGTH + depth20.encodedLength());
    }

    byte[] depthDiff(
        final String symbol,
        final long eventTimeUs,
        final long firstUpdateId,
        final long lastUpdateId,
        final int priceExponent,
        final int qtyExponent,
        final long[] bids,
        final long[] asks)
    {
        depthDiff.wrapAndApplyHeader(buffer, 0, header)
            .eventTime(eventTimeUs)
            .firstBookUpdateId(firstUpdateId)
            .lastBookUpdateId(lastUpdateId)
            .priceExponent((byte)priceExponent)
            .qtyExponent((byte)qtyExponent);
        final DepthDiffStreamEventEncoder.BidsEncoder bidGroup = depthDiff.bidsCount(bids.length / 2);
        for (int i = 0; i < bids.length; i += 2)
        {
            bidGroup.next().price(bids[i]).qty(bids[i + 1]);
        }
        final DepthDiffStreamEventEncoder.AsksEncoder askGroup = depthDiff.asksCount(asks.length / 2);
        for (int i = 0; i < asks.length; i += 2)
        {
            askGroup.next().price(asks[i]).qty(asks[i + 1]);
        }
        depthDiff.symbol(symbol);
        return copy(MessageHeaderEncoder.ENCODED_LENGTH + depthDiff.encodedLength());
    }

    static long[] levels(final long... values)
    {
        return values;
    }

    private byte[] copy(final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return Arrays.copyOf(bytes, length);
    }
}
