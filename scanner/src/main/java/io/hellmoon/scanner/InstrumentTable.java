/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.sbe.FeedState;
import org.agrona.collections.Int2IntHashMap;

import java.util.Arrays;

/**
 * Identity, scales, feed state and latest prices and times of the scanner's instruments, as struct-of-arrays
 * indexed by a dense slot. Slots are handed out in order of first appearance, so the arrays the sweep walks are
 * contiguous however sparse the shard's instrument ids are. Package-private fields are read directly by the core.
 */
final class InstrumentTable
{
    static final int NO_SLOT = -1;
    static final long NO_TIME = Long.MIN_VALUE;

    /**
     * Feed state before any {@code FeedStatus} arrived: books are accepted, because the feed only publishes
     * {@code BookLevels} while LIVE (a late-joining scanner would otherwise never use books).
     */
    static final short FEED_STATE_UNKNOWN = 0;
    static final short FEED_STATE_LIVE = FeedState.LIVE.value();

    private final Int2IntHashMap slotById;
    int count;
    int[] instrumentId;
    byte[] priceExponent;
    double[] contractSize;
    boolean[] inverse;
    boolean[] tradable;
    short[] feedState;
    long[] lastEventTimeNs;
    double[] lastTradePrice;
    double[] bidPrice;
    double[] askPrice;
    double[] bidSize;
    double[] askSize;

    InstrumentTable(final int capacity)
    {
        slotById = new Int2IntHashMap(Math.max(16, capacity * 2), 0.65f, NO_SLOT);
        instrumentId = new int[capacity];
        priceExponent = new byte[capacity];
        contractSize = new double[capacity];
        inverse = new boolean[capacity];
        tradable = new boolean[capacity];
        feedState = new short[capacity];
        lastEventTimeNs = new long[capacity];
        lastTradePrice = new double[capacity];
        bidPrice = new double[capacity];
        askPrice = new double[capacity];
        bidSize = new double[capacity];
        askSize = new double[capacity];
    }

    int capacity()
    {
        return instrumentId.length;
    }

    int slot(final int id)
    {
        return slotById.get(id);
    }

    /**
     * A slot for a new instrument; the caller has ensured capacity.
     */
    int add(final int id)
    {
        final int slot = count++;
        instrumentId[slot] = id;
        priceExponent[slot] = (byte)InstrumentRegistry.DEFAULT_EXPONENT;
        contractSize[slot] = 1.0;
        inverse[slot] = false;
        tradable[slot] = true;
        feedState[slot] = FEED_STATE_UNKNOWN;
        lastEventTimeNs[slot] = NO_TIME;
        lastTradePrice[slot] = 0.0;
        bidPrice[slot] = 0.0;
        askPrice[slot] = 0.0;
        bidSize[slot] = 0.0;
        askSize[slot] = 0.0;
        slotById.put(id, slot);
        return slot;
    }

    void ensureCapacity(final int capacity)
    {
        if (capacity > instrumentId.length)
        {
            instrumentId = Arrays.copyOf(instrumentId, capacity);
            priceExponent = Arrays.copyOf(priceExponent, capacity);
            contractSize = Arrays.copyOf(contractSize, capacity);
            inverse = Arrays.copyOf(inverse, capacity);
            tradable = Arrays.copyOf(tradable, capacity);
            feedState = Arrays.copyOf(feedState, capacity);
            lastEventTimeNs = Arrays.copyOf(lastEventTimeNs, capacity);
            lastTradePrice = Arrays.copyOf(lastTradePrice, capacity);
            bidPrice = Arrays.copyOf(bidPrice, capacity);
            askPrice = Arrays.copyOf(askPrice, capacity);
            bidSize = Arrays.copyOf(bidSize, capacity);
            askSize = Arrays.copyOf(askSize, capacity);
        }
    }

    boolean isBookUsable(final int slot)
    {
        final short state = feedState[slot];
        return FEED_STATE_LIVE == state || FEED_STATE_UNKNOWN == state;
    }

    /**
     * Quote notional of a quantity: price x size for linear instruments, size x contract value for inverse ones.
     */
    double notional(final int slot, final double price, final double size)
    {
        return inverse[slot] ? size * contractSize[slot] : price * size;
    }

    /**
     * The price an event reports: the last trade, else the mid of the best bid and offer, else 0.
     */
    double referencePrice(final int slot)
    {
        final double last = lastTradePrice[slot];
        if (last > 0.0)
        {
            return last;
        }
        final double bid = bidPrice[slot];
        final double ask = askPrice[slot];
        return bid > 0.0 && ask > 0.0 ? 0.5 * (bid + ask) : 0.0;
    }

    /**
     * Spread of the best bid and offer in basis points of the mid.
     *
     * @return the spread, NaN if unknown.
     */
    double spreadBps(final int slot)
    {
        final double bid = bidPrice[slot];
        final double ask = askPrice[slot];
        return bid > 0.0 && ask > 0.0 ? (ask - bid) / (0.5 * (bid + ask)) * 10_000.0 : Double.NaN;
    }

    /**
     * Imbalance of the best bid and ask quantities, {@code (bid - ask) / (bid + ask)}.
     *
     * @return in [-1, 1], NaN if unknown.
     */
    double topImbalance(final int slot)
    {
        final double bid = bidSize[slot];
        final double ask = askSize[slot];
        return bid + ask > 0.0 ? (bid - ask) / (bid + ask) : Double.NaN;
    }
}
