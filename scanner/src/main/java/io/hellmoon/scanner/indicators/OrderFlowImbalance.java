/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

import java.util.Arrays;

/**
 * Signed trade flow and order-flow imbalance of many instruments, as struct-of-arrays indexed by a dense slot.
 * <p>
 * <b>Order-flow imbalance</b> (Cont, Kukanov and Stoikov, 2014) from the top of the book: each change of the best
 * bid (price {@code b}, size {@code q}) and ask ({@code a}, {@code r}) contributes
 * {@code e = [b >= b'] q b - [b <= b'] q' b' - [a <= a'] r a + [a >= a'] r' a'} (primed: the previous quote; sizes
 * in quote notional), positive when bids build or asks are lifted away. <b>Signed trade flow</b>: aggressive buy
 * notional minus aggressive sell notional.
 * <p>
 * Both are summed per period of the event-time grid and each completed period is one sample of EWMAs (span
 * {@code spanNs}) of: net and gross order flow ({@code sum e}, {@code sum |e|}), signed and total traded notional,
 * and trade count; quiet periods are zero samples, applied in closed form. Published from completed periods: the
 * signed flow share {@code signed / total} and the order-flow share {@code net / gross}, both in [-1, 1], plus the
 * notional and trade rates per period. The current period is not included, so values lag by at most a period.
 * <p>
 * Allocation free, O(1) per update. Not thread safe.
 */
public final class OrderFlowImbalance
{
    private static final long NO_INDEX = Long.MIN_VALUE;

    private final long periodNs;
    private final double alpha;

    private long[] periodIndex;
    private long[] periodEndNs;
    private double[] bidPrice;
    private double[] bidNotional;
    private double[] askPrice;
    private double[] askNotional;
    private double[] periodNet;
    private double[] periodGross;
    private double[] periodSigned;
    private double[] periodVolume;
    private double[] periodTrades;
    private double[] netSum;
    private double[] grossSum;
    private double[] signedSum;
    private double[] volumeSum;
    private double[] tradeSum;
    private double[] weight;
    private long[] samples;
    private double[] flowShare;
    private double[] ofiShare;
    private double[] volumeRate;
    private double[] tradeRate;

    /**
     * Order flow for {@code capacity} slots.
     *
     * @param capacity slots to allocate for.
     * @param periodNs sampling period.
     * @param spanNs   span of the EWMAs.
     */
    public OrderFlowImbalance(final int capacity, final long periodNs, final long spanNs)
    {
        this.periodNs = periodNs;
        this.alpha = Ewma.alphaForSpan((double)spanNs / periodNs);
        periodIndex = new long[capacity];
        periodEndNs = new long[capacity];
        bidPrice = new double[capacity];
        bidNotional = new double[capacity];
        askPrice = new double[capacity];
        askNotional = new double[capacity];
        periodNet = new double[capacity];
        periodGross = new double[capacity];
        periodSigned = new double[capacity];
        periodVolume = new double[capacity];
        periodTrades = new double[capacity];
        netSum = new double[capacity];
        grossSum = new double[capacity];
        signedSum = new double[capacity];
        volumeSum = new double[capacity];
        tradeSum = new double[capacity];
        weight = new double[capacity];
        samples = new long[capacity];
        flowShare = new double[capacity];
        ofiShare = new double[capacity];
        volumeRate = new double[capacity];
        tradeRate = new double[capacity];
        Arrays.fill(periodIndex, NO_INDEX);
        Arrays.fill(periodEndNs, Long.MIN_VALUE);
    }

    /**
     * Grow to at least {@code capacity} slots, keeping every slot's state. Allocates; call at warm-up only.
     *
     * @param capacity slots needed.
     */
    public void ensureCapacity(final int capacity)
    {
        final int oldCapacity = periodIndex.length;
        if (capacity <= oldCapacity)
        {
            return;
        }
        periodIndex = Arrays.copyOf(periodIndex, capacity);
        periodEndNs = Arrays.copyOf(periodEndNs, capacity);
        bidPrice = Arrays.copyOf(bidPrice, capacity);
        bidNotional = Arrays.copyOf(bidNotional, capacity);
        askPrice = Arrays.copyOf(askPrice, capacity);
        askNotional = Arrays.copyOf(askNotional, capacity);
        periodNet = Arrays.copyOf(periodNet, capacity);
        periodGross = Arrays.copyOf(periodGross, capacity);
        periodSigned = Arrays.copyOf(periodSigned, capacity);
        periodVolume = Arrays.copyOf(periodVolume, capacity);
        periodTrades = Arrays.copyOf(periodTrades, capacity);
        netSum = Arrays.copyOf(netSum, capacity);
        grossSum = Arrays.copyOf(grossSum, capacity);
        signedSum = Arrays.copyOf(signedSum, capacity);
        volumeSum = Arrays.copyOf(volumeSum, capacity);
        tradeSum = Arrays.copyOf(tradeSum, capacity);
        weight = Arrays.copyOf(weight, capacity);
        samples = Arrays.copyOf(samples, capacity);
        flowShare = Arrays.copyOf(flowShare, capacity);
        ofiShare = Arrays.copyOf(ofiShare, capacity);
        volumeRate = Arrays.copyOf(volumeRate, capacity);
        tradeRate = Arrays.copyOf(tradeRate, capacity);
        Arrays.fill(periodIndex, oldCapacity, capacity, NO_INDEX);
        Arrays.fill(periodEndNs, oldCapacity, capacity, Long.MIN_VALUE);
    }

    /**
     * A new best bid and ask.
     *
     * @param slot      of the instrument.
     * @param timeNs    event time.
     * @param bid       best bid price, positive.
     * @param bidValue  quote notional of the best bid's quantity.
     * @param ask       best ask price, above the bid.
     * @param askValue  quote notional of the best ask's quantity.
     * @return true if the published values changed (a period completed).
     */
    public boolean onQuote(
        final int slot,
        final long timeNs,
        final double bid,
        final double bidValue,
        final double ask,
        final double askValue)
    {
        final boolean published = advance(slot, timeNs);
        final double previousBid = bidPrice[slot];
        if (previousBid > 0.0)
        {
            final double previousAsk = askPrice[slot];
            double e = 0.0;
            if (bid >= previousBid)
            {
                e += bidValue;
            }
            if (bid <= previousBid)
            {
                e -= bidNotional[slot];
            }
            if (ask <= previousAsk)
            {
                e -= askValue;
            }
            if (ask >= previousAsk)
            {
                e += askNotional[slot];
            }
            periodNet[slot] += e;
            periodGross[slot] += Math.abs(e);
        }
        bidPrice[slot] = bid;
        bidNotional[slot] = bidValue;
        askPrice[slot] = ask;
        askNotional[slot] = askValue;
        return published;
    }

    /**
     * A trade.
     *
     * @param slot           of the instrument.
     * @param timeNs         event time.
     * @param notional       quote notional, positive.
     * @param signedNotional {@code +notional} for an aggressive buy, {@code -notional} for a sell, 0 if unknown.
     * @return true if the published values changed (a period completed).
     */
    public boolean onTrade(final int slot, final long timeNs, final double notional, final double signedNotional)
    {
        final boolean published = advance(slot, timeNs);
        periodSigned[slot] += signedNotional;
        periodVolume[slot] += notional;
        periodTrades[slot] += 1.0;
        return published;
    }

    /**
     * Complete the periods before {@code timeNs}.
     *
     * @param slot   of the instrument.
     * @param timeNs event time; earlier than the current period changes nothing.
     * @return true if the published values changed.
     */
    public boolean advance(final int slot, final long timeNs)
    {
        if (timeNs < periodEndNs[slot])
        {
            return false;
        }
        final long index = Math.floorDiv(timeNs, periodNs);
        final long lastIndex = periodIndex[slot];
        periodIndex[slot] = index;
        periodEndNs[slot] = (index + 1) * periodNs;
        if (NO_INDEX == lastIndex)
        {
            clearPeriod(slot);
            return false;
        }

        final double a = alpha;
        netSum[slot] += a * (periodNet[slot] - netSum[slot]);
        grossSum[slot] += a * (periodGross[slot] - grossSum[slot]);
        signedSum[slot] += a * (periodSigned[slot] - signedSum[slot]);
        volumeSum[slot] += a * (periodVolume[slot] - volumeSum[slot]);
        tradeSum[slot] += a * (periodTrades[slot] - tradeSum[slot]);
        weight[slot] += a * (1.0 - weight[slot]);
        final long quiet = index - lastIndex - 1;
        if (quiet > 0)
        {
            final double decay = Ewma.decay(a, quiet);
            netSum[slot] *= decay;
            grossSum[slot] *= decay;
            signedSum[slot] *= decay;
            volumeSum[slot] *= decay;
            tradeSum[slot] *= decay;
            weight[slot] = 1.0 - (1.0 - weight[slot]) * decay;
        }
        samples[slot] = Ewma.saturatedAdd(samples[slot], index - lastIndex);
        clearPeriod(slot);

        final double w = weight[slot];
        final double volume = volumeSum[slot];
        final double gross = grossSum[slot];
        flowShare[slot] = volume > 0.0 ? signedSum[slot] / volume : 0.0;
        ofiShare[slot] = gross > 0.0 ? netSum[slot] / gross : 0.0;
        volumeRate[slot] = volume / w;
        tradeRate[slot] = tradeSum[slot] / w;
        return true;
    }

    /**
     * Signed trade flow share: (aggressive buys - aggressive sells) / all traded notional.
     *
     * @param slot of the instrument.
     * @return in [-1, 1], 0 before the first completed period.
     */
    public double flowShare(final int slot)
    {
        return flowShare[slot];
    }

    /**
     * Order-flow imbalance share: net over gross top-of-book order flow.
     *
     * @param slot of the instrument.
     * @return in [-1, 1], 0 before the first completed period.
     */
    public double ofiShare(final int slot)
    {
        return ofiShare[slot];
    }

    /**
     * Traded notional per period (bias-corrected EWMA).
     *
     * @param slot of the instrument.
     * @return notional per period.
     */
    public double volumeRate(final int slot)
    {
        return volumeRate[slot];
    }

    /**
     * Trades per period (bias-corrected EWMA).
     *
     * @param slot of the instrument.
     * @return trades per period.
     */
    public double tradeRate(final int slot)
    {
        return tradeRate[slot];
    }

    /**
     * Periods sampled, quiet ones included.
     *
     * @param slot of the instrument.
     * @return the count.
     */
    public long samples(final int slot)
    {
        return samples[slot];
    }

    private void clearPeriod(final int slot)
    {
        periodNet[slot] = 0.0;
        periodGross[slot] = 0.0;
        periodSigned[slot] = 0.0;
        periodVolume[slot] = 0.0;
        periodTrades[slot] = 0.0;
    }
}
