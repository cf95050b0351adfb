/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

import java.util.Arrays;

/**
 * Realised volatility of many instruments over a short and a long horizon, as struct-of-arrays indexed by a dense
 * slot.
 * <p>
 * Log returns are sampled on a fixed event-time grid (e.g. every second): the return of an interval is the log of the
 * last price in it over the last price before it, so a quiet interval is a zero return and tick noise inside an
 * interval does not count. The first interval with a price only provides the reference for the next. Each sample
 * updates two EWMAs of squared returns (short and long span) and an EWMA of returns (short span). The long variance
 * published is smoothed twice (an EWMA of the long EWMA, same span): it lags, so an expansion has a minute or two
 * before its own returns lift the yardstick it is measured against, while the baseline still follows a lasting change.
 * A squared return
 * enters the long EWMA winsorised at {@code longClip^2} times the long variance (floored), so an expansion barely lifts
 * the baseline it is measured against and a second one soon after is still seen; runs of quiet
 * intervals are applied in closed form. The EWMAs start at zero and are
 * bias-corrected by their accumulated weight, so early estimates are unbiased rather than low.
 * <p>
 * {@link #shortVariances()}, {@link #longVariances()} and {@link #meanReturns()} publish the corrected values for
 * the sweep, as 0 until a slot has {@code warmupSamples} samples.
 * <p>
 * The same samples feed exponentially weighted raw moments {@code E[r^k]}, k = 1..4, over a third span (the return
 * distribution's), from which the central moments give the skewness {@code mu3 / mu2^1.5} and the kurtosis
 * {@code mu4 / mu2^2} (3 for a normal distribution), and the share of samples with a non-zero return; quiet
 * intervals are zero samples of every moment, applied in closed form. Allocation free; O(1) per update. Not thread
 * safe.
 */
public final class RealisedVolatility
{
    private static final long NO_INDEX = Long.MIN_VALUE;

    private final long sampleNs;
    private final double shortAlpha;
    private final double longAlpha;
    private final double distributionAlpha;
    private final double longClipSquared;
    private final double minLongVariance;
    private final long warmupSamples;

    private long[] sampleIndex;
    private long[] sampleEndNs;
    private double[] referencePrice;
    private double[] lastPrice;
    private double[] shortSum;
    private double[] longSum;
    private double[] meanSum;
    private double[] shortWeight;
    private double[] longWeight;
    private double[] laggedSum;
    private double[] laggedWeight;
    private long[] samples;
    private double[] shortVariance;
    private double[] longVariance;
    private double[] meanReturn;
    private double[] moment1;
    private double[] moment2;
    private double[] moment3;
    private double[] moment4;
    private double[] activeSum;
    private double[] distributionWeight;
    private double[] skew;
    private double[] kurtosis;
    private double[] activeShare;

    /**
     * Realised volatility for {@code capacity} slots.
     *
     * @param capacity      slots to allocate for.
     * @param sampleNs      sampling interval of the returns.
     * @param shortSpanNs   span of the short EWMAs.
     * @param longSpanNs    span of the long EWMA.
     * @param warmupNs      event time of samples a slot needs before its values are published.
     * @param distributionSpanNs span of the moments behind skewness and kurtosis.
     * @param longClip      winsorising of the long EWMA in standard deviations, 0 for none.
     * @param minLongVariance floor of the long variance the clip is computed from.
     */
    public RealisedVolatility(
        final int capacity,
        final long sampleNs,
        final long shortSpanNs,
        final long longSpanNs,
        final long warmupNs,
        final long distributionSpanNs,
        final double longClip,
        final double minLongVariance)
    {
        this.sampleNs = sampleNs;
        this.shortAlpha = Ewma.alphaForSpan((double)shortSpanNs / sampleNs);
        this.longAlpha = Ewma.alphaForSpan((double)longSpanNs / sampleNs);
        this.distributionAlpha = Ewma.alphaForSpan((double)distributionSpanNs / sampleNs);
        this.longClipSquared = longClip * longClip;
        this.minLongVariance = minLongVariance;
        this.warmupSamples = Math.max(1, warmupNs / sampleNs);

        sampleIndex = new long[capacity];
        sampleEndNs = new long[capacity];
        referencePrice = new double[capacity];
        lastPrice = new double[capacity];
        shortSum = new double[capacity];
        longSum = new double[capacity];
        meanSum = new double[capacity];
        shortWeight = new double[capacity];
        longWeight = new double[capacity];
        laggedSum = new double[capacity];
        laggedWeight = new double[capacity];
        samples = new long[capacity];
        shortVariance = new double[capacity];
        longVariance = new double[capacity];
        meanReturn = new double[capacity];
        moment1 = new double[capacity];
        moment2 = new double[capacity];
        moment3 = new double[capacity];
        moment4 = new double[capacity];
        activeSum = new double[capacity];
        distributionWeight = new double[capacity];
        skew = new double[capacity];
        kurtosis = new double[capacity];
        activeShare = new double[capacity];
        Arrays.fill(sampleIndex, NO_INDEX);
        Arrays.fill(sampleEndNs, Long.MIN_VALUE);
    }

    /**
     * Grow to at least {@code capacity} slots, keeping every slot's state. Allocates; call at warm-up only. The
     * arrays returned by the accessors before the call are stale after it.
     *
     * @param capacity slots needed.
     */
    public void ensureCapacity(final int capacity)
    {
        final int oldCapacity = sampleIndex.length;
        if (capacity <= oldCapacity)
        {
            return;
        }

        sampleIndex = Arrays.copyOf(sampleIndex, capacity);
        sampleEndNs = Arrays.copyOf(sampleEndNs, capacity);
        referencePrice = Arrays.copyOf(referencePrice, capacity);
        lastPrice = Arrays.copyOf(lastPrice, capacity);
        shortSum = Arrays.copyOf(shortSum, capacity);
        longSum = Arrays.copyOf(longSum, capacity);
        meanSum = Arrays.copyOf(meanSum, capacity);
        shortWeight = Arrays.copyOf(shortWeight, capacity);
        longWeight = Arrays.copyOf(longWeight, capacity);
        laggedSum = Arrays.copyOf(laggedSum, capacity);
        laggedWeight = Arrays.copyOf(laggedWeight, capacity);
        samples = Arrays.copyOf(samples, capacity);
        shortVariance = Arrays.copyOf(shortVariance, capacity);
        longVariance = Arrays.copyOf(longVariance, capacity);
        meanReturn = Arrays.copyOf(meanReturn, capacity);
        moment1 = Arrays.copyOf(moment1, capacity);
        moment2 = Arrays.copyOf(moment2, capacity);
        moment3 = Arrays.copyOf(moment3, capacity);
        moment4 = Arrays.copyOf(moment4, capacity);
        activeSum = Arrays.copyOf(activeSum, capacity);
        distributionWeight = Arrays.copyOf(distributionWeight, capacity);
        skew = Arrays.copyOf(skew, capacity);
        kurtosis = Arrays.copyOf(kurtosis, capacity);
        activeShare = Arrays.copyOf(activeShare, capacity);
        Arrays.fill(sampleIndex, oldCapacity, capacity, NO_INDEX);
        Arrays.fill(sampleEndNs, oldCapacity, capacity, Long.MIN_VALUE);
    }

    /**
     * A traded price: closes the intervals before {@code timeNs} and makes {@code price} the latest price.
     *
     * @param slot   of the instrument.
     * @param timeNs event time, not before the slot's previous one.
     * @param price  positive price.
     */
    public void onPrice(final int slot, final long timeNs, final double price)
    {
        advance(slot, timeNs);
        lastPrice[slot] = price;
    }

    /**
     * Close the intervals before {@code timeNs} without a new price: the sweep calls this for slots that have been
     * quiet, so their short variance decays as it would on the next trade.
     *
     * @param slot   of the instrument.
     * @param timeNs event time; earlier than the slot's current interval changes nothing.
     */
    public void advance(final int slot, final long timeNs)
    {
        if (timeNs < sampleEndNs[slot])
        {
            return;
        }

        final long index = Math.floorDiv(timeNs, sampleNs);
        final long lastIndex = sampleIndex[slot];
        sampleEndNs[slot] = (index + 1) * sampleNs;
        if (NO_INDEX == lastIndex)
        {
            sampleIndex[slot] = index;
            return;
        }

        final double last = lastPrice[slot];
        if (last > 0.0)
        {
            final double reference = referencePrice[slot];
            if (reference > 0.0)
            {
                addSample(slot, Math.log(last / reference));
            }
            // else: the first interval with a price only sets the reference; its return has no start.
            addZeroSamples(slot, index - lastIndex - 1);
            referencePrice[slot] = last;
        }
        sampleIndex[slot] = index;
        publish(slot);
    }

    /**
     * Bias-corrected short-horizon variance of the sampled log returns, per sample interval.
     *
     * @param slot of the instrument.
     * @return the variance, 0 while warming up.
     */
    public double shortVariance(final int slot)
    {
        return shortVariance[slot];
    }

    /**
     * Bias-corrected long-horizon variance of the sampled log returns, per sample interval, smoothed twice (lagging).
     *
     * @param slot of the instrument.
     * @return the variance, 0 while warming up.
     */
    public double longVariance(final int slot)
    {
        return longVariance[slot];
    }

    /**
     * Bias-corrected short-horizon mean of the sampled log returns.
     *
     * @param slot of the instrument.
     * @return the mean return per sample interval, 0 while warming up.
     */
    public double meanReturn(final int slot)
    {
        return meanReturn[slot];
    }

    /**
     * Skewness of the sampled log returns over the distribution span.
     *
     * @param slot of the instrument.
     * @return {@code mu3 / mu2^1.5}, 0 while warming up or without variance.
     */
    public double skew(final int slot)
    {
        return skew[slot];
    }

    /**
     * Kurtosis (not excess) of the sampled log returns over the distribution span.
     *
     * @param slot of the instrument.
     * @return {@code mu4 / mu2^2}, 0 while warming up or without variance.
     */
    public double kurtosis(final int slot)
    {
        return kurtosis[slot];
    }

    /**
     * Share of samples over the distribution span whose return was not zero: how much of the time the price moves.
     *
     * @param slot of the instrument.
     * @return in [0, 1], 0 while warming up.
     */
    public double activeShare(final int slot)
    {
        return activeShare[slot];
    }

    /**
     * Samples taken for a slot, quiet intervals included.
     *
     * @param slot of the instrument.
     * @return the count.
     */
    public long samples(final int slot)
    {
        return samples[slot];
    }

    /**
     * Span of the short EWMAs in samples.
     *
     * @return {@code 2 / alpha - 1}.
     */
    public double shortSpanSamples()
    {
        return 2.0 / shortAlpha - 1.0;
    }

    /**
     * The backing array of {@link #shortVariance(int)}, for sweeps over all slots. Read only.
     *
     * @return the array; replaced by {@link #ensureCapacity(int)}.
     */
    public double[] shortVariances()
    {
        return shortVariance;
    }

    /**
     * The backing array of {@link #longVariance(int)}, for sweeps over all slots. Read only.
     *
     * @return the array; replaced by {@link #ensureCapacity(int)}.
     */
    public double[] longVariances()
    {
        return longVariance;
    }

    /**
     * The backing array of {@link #meanReturn(int)}, for sweeps over all slots. Read only.
     *
     * @return the array; replaced by {@link #ensureCapacity(int)}.
     */
    public double[] meanReturns()
    {
        return meanReturn;
    }

    private void addSample(final int slot, final double logReturn)
    {
        final double squared = logReturn * logReturn;
        shortSum[slot] += shortAlpha * (squared - shortSum[slot]);
        double longSample = squared;
        if (longClipSquared > 0.0 && samples[slot] >= warmupSamples)
        {
            longSample = Math.min(
                squared, longClipSquared * Math.max(longSum[slot] / longWeight[slot], minLongVariance));
        }
        longSum[slot] += longAlpha * (longSample - longSum[slot]);
        laggedSum[slot] += longAlpha * (longSum[slot] - laggedSum[slot]);
        meanSum[slot] += shortAlpha * (logReturn - meanSum[slot]);
        shortWeight[slot] += shortAlpha * (1.0 - shortWeight[slot]);
        longWeight[slot] += longAlpha * (1.0 - longWeight[slot]);
        laggedWeight[slot] += longAlpha * (longWeight[slot] - laggedWeight[slot]);
        final double a = distributionAlpha;
        moment1[slot] += a * (logReturn - moment1[slot]);
        moment2[slot] += a * (squared - moment2[slot]);
        moment3[slot] += a * (squared * logReturn - moment3[slot]);
        moment4[slot] += a * (squared * squared - moment4[slot]);
        activeSum[slot] += a * ((0.0 != logReturn ? 1.0 : 0.0) - activeSum[slot]);
        distributionWeight[slot] += a * (1.0 - distributionWeight[slot]);
        samples[slot] = Ewma.saturatedAdd(samples[slot], 1);
    }

    private void addZeroSamples(final int slot, final long count)
    {
        if (count > 0)
        {
            final double shortDecay = Ewma.decay(shortAlpha, count);
            final double longDecay = Ewma.decay(longAlpha, count);
            shortSum[slot] *= shortDecay;
            meanSum[slot] *= shortDecay;
            // n zero samples of a twice-smoothed EWMA: S2' = d^n (S2 + a n S1), and likewise for its weight's
            // complement, before S1 itself decays.
            final double alphaCount = longAlpha * count;
            laggedSum[slot] = longDecay * (laggedSum[slot] + alphaCount * longSum[slot]);
            laggedWeight[slot] = 1.0 - longDecay * ((1.0 - laggedWeight[slot]) + alphaCount * (1.0 - longWeight[slot]));
            longSum[slot] *= longDecay;
            // The weights grow towards 1 as zero samples accumulate: w' = 1 - (1 - w)(1 - alpha)^n.
            shortWeight[slot] = 1.0 - (1.0 - shortWeight[slot]) * shortDecay;
            longWeight[slot] = 1.0 - (1.0 - longWeight[slot]) * longDecay;
            final double decay = Ewma.decay(distributionAlpha, count);
            moment1[slot] *= decay;
            moment2[slot] *= decay;
            moment3[slot] *= decay;
            moment4[slot] *= decay;
            activeSum[slot] *= decay;
            distributionWeight[slot] = 1.0 - (1.0 - distributionWeight[slot]) * decay;
            samples[slot] = Ewma.saturatedAdd(samples[slot], count);
        }
    }

    private void publish(final int slot)
    {
        if (samples[slot] >= warmupSamples)
        {
            shortVariance[slot] = shortSum[slot] / shortWeight[slot];
            longVariance[slot] = laggedSum[slot] / laggedWeight[slot];
            meanReturn[slot] = meanSum[slot] / shortWeight[slot];

            final double weight = distributionWeight[slot];
            final double m1 = moment1[slot] / weight;
            final double m2 = moment2[slot] / weight;
            final double m3 = moment3[slot] / weight;
            final double m4 = moment4[slot] / weight;
            final double m1Squared = m1 * m1;
            final double mu2 = m2 - m1Squared;
            final double mu3 = m3 - 3.0 * m1 * m2 + 2.0 * m1Squared * m1;
            final double mu4 = m4 - 4.0 * m1 * m3 + 6.0 * m1Squared * m2 - 3.0 * m1Squared * m1Squared;
            if (mu2 > 0.0)
            {
                skew[slot] = mu3 / (mu2 * Math.sqrt(mu2));
                kurtosis[slot] = mu4 / (mu2 * mu2);
            }
            else
            {
                skew[slot] = 0.0;
                kurtosis[slot] = 0.0;
            }
            activeShare[slot] = activeSum[slot] / weight;
        }
        else
        {
            shortVariance[slot] = 0.0;
            longVariance[slot] = 0.0;
            meanReturn[slot] = 0.0;
            skew[slot] = 0.0;
            kurtosis[slot] = 0.0;
            activeShare[slot] = 0.0;
        }
    }
}
