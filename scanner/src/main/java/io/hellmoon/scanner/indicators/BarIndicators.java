/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

import java.util.Arrays;

/**
 * Fixed-interval bars of many instruments and the indicators computed from them at each bar close, as
 * struct-of-arrays indexed by a dense slot: ATR and a long ATR, ADX with +DI/-DI, an EMA of closes, and the
 * high-low range over the last N bars.
 * <p>
 * <b>Bars.</b> Bars are aligned to multiples of the interval on the event-time clock. The scanner builds them from
 * trades ({@link #onTrade(int, long, double, double)}: a bar closes when the first trade of a later interval arrives)
 * and can take closed klines from the feed instead ({@link #onFeedBar}). The rule: once a slot has received a feed
 * bar, feed bars are authoritative and self-built bars are held back, as long as the feed keeps delivering (its bar
 * for the interval before the one being closed has arrived); when feed bars stop, self-built bars take over again.
 * Each interval is applied once, whichever source delivers it first, and intervals without any bar are filled with
 * flat bars at the previous close (volume 0, as exchanges print them), at most {@code gapFillMax} per gap: as soon as
 * a trade in a later interval shows them complete, or when the next feed bar arrives.
 * <p>
 * <b>Indicators.</b> The recursions are ta4j's (0.17), seeded with the first bar rather than an initial average:
 * TR = max(high - low, |high - prevClose|, |prevClose - low|) (high - low on the first bar); ATR is Wilder's
 * moving average {@code a += (TR - a) / n}; +DM/-DM are the usual directional moves, smoothed the same way and
 * divided by an ATR of the ADX period to give +DI/-DI in percent; DX = 100 |+DI - -DI| / (+DI + -DI) (0 when both
 * are 0) and ADX is Wilder's average of DX; the EMA uses {@code 2 / (n + 1)}. Values are available from the first
 * bar and settle after about one period (two for the ADX); callers decide when to trust them from {@link #bars(int)}.
 * <p>
 * Allocation free; O(1) per trade, O(range bars) per bar close. Not thread safe.
 */
public final class BarIndicators
{
    private static final long NO_TIME = Long.MIN_VALUE;
    private static final byte SOURCE_TRADES = 0;
    private static final byte SOURCE_FEED = 1;

    private final long barNs;
    private final int gapFillMax;
    private final int atrPeriod;
    private final int atrLongPeriod;
    private final int adxPeriod;
    private final int rangeBars;
    private final double atrMultiplier;
    private final double atrLongMultiplier;
    private final double adxMultiplier;
    private final double emaMultiplier;

    private long[] buildOpenNs;
    private double[] buildOpen;
    private double[] buildHigh;
    private double[] buildLow;
    private double[] buildClose;
    private double[] buildVolume;
    private byte[] source;
    private long[] lastFeedOpenNs;

    private long[] lastOpenNs;
    private long[] bars;
    private double[] close;
    private double[] high;
    private double[] low;
    private double[] atr;
    private double[] atrLong;
    private double[] adxAtr;
    private double[] plusDm;
    private double[] minusDm;
    private double[] plusDi;
    private double[] minusDi;
    private double[] adx;
    private double[] ema;
    private double[] rangeHighs;
    private double[] rangeLows;
    private double[] rangeHigh;
    private double[] rangeLow;
    private double[] atrRatio;

    /**
     * Bars and indicators for {@code capacity} slots.
     *
     * @param capacity      slots to allocate for.
     * @param barNs         bar interval.
     * @param gapFillMax    most flat bars inserted for one gap.
     * @param atrPeriod     bars of the ATR.
     * @param atrLongPeriod bars of the long ATR.
     * @param adxPeriod     bars of the ADX and DIs.
     * @param emaPeriod     bars of the EMA.
     * @param rangeBars     bars of the high-low range.
     */
    public BarIndicators(
        final int capacity,
        final long barNs,
        final int gapFillMax,
        final int atrPeriod,
        final int atrLongPeriod,
        final int adxPeriod,
        final int emaPeriod,
        final int rangeBars)
    {
        this.barNs = barNs;
        this.gapFillMax = gapFillMax;
        this.atrPeriod = atrPeriod;
        this.atrLongPeriod = atrLongPeriod;
        this.adxPeriod = adxPeriod;
        this.rangeBars = rangeBars;
        this.atrMultiplier = 1.0 / atrPeriod;
        this.atrLongMultiplier = 1.0 / atrLongPeriod;
        this.adxMultiplier = 1.0 / adxPeriod;
        this.emaMultiplier = 2.0 / (emaPeriod + 1.0);

        buildOpenNs = new long[capacity];
        buildOpen = new double[capacity];
        buildHigh = new double[capacity];
        buildLow = new double[capacity];
        buildClose = new double[capacity];
        buildVolume = new double[capacity];
        source = new byte[capacity];
        lastFeedOpenNs = new long[capacity];
        lastOpenNs = new long[capacity];
        bars = new long[capacity];
        close = new double[capacity];
        high = new double[capacity];
        low = new double[capacity];
        atr = new double[capacity];
        atrLong = new double[capacity];
        adxAtr = new double[capacity];
        plusDm = new double[capacity];
        minusDm = new double[capacity];
        plusDi = new double[capacity];
        minusDi = new double[capacity];
        adx = new double[capacity];
        ema = new double[capacity];
        rangeHighs = new double[capacity * rangeBars];
        rangeLows = new double[capacity * rangeBars];
        rangeHigh = new double[capacity];
        rangeLow = new double[capacity];
        atrRatio = new double[capacity];
        Arrays.fill(buildOpenNs, NO_TIME);
        Arrays.fill(lastFeedOpenNs, NO_TIME);
        Arrays.fill(lastOpenNs, NO_TIME);
    }

    /**
     * Grow to at least {@code capacity} slots, keeping every slot's state. Allocates; call at warm-up only. The
     * arrays returned by the accessors before the call are stale after it.
     *
     * @param capacity slots needed.
     */
    public void ensureCapacity(final int capacity)
    {
        final int oldCapacity = bars.length;
        if (capacity <= oldCapacity)
        {
            return;
        }

        buildOpenNs = Arrays.copyOf(buildOpenNs, capacity);
        buildOpen = Arrays.copyOf(buildOpen, capacity);
        buildHigh = Arrays.copyOf(buildHigh, capacity);
        buildLow = Arrays.copyOf(buildLow, capacity);
        buildClose = Arrays.copyOf(buildClose, capacity);
        buildVolume = Arrays.copyOf(buildVolume, capacity);
        source = Arrays.copyOf(source, capacity);
        lastFeedOpenNs = Arrays.copyOf(lastFeedOpenNs, capacity);
        lastOpenNs = Arrays.copyOf(lastOpenNs, capacity);
        bars = Arrays.copyOf(bars, capacity);
        close = Arrays.copyOf(close, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        atr = Arrays.copyOf(atr, capacity);
        atrLong = Arrays.copyOf(atrLong, capacity);
        adxAtr = Arrays.copyOf(adxAtr, capacity);
        plusDm = Arrays.copyOf(plusDm, capacity);
        minusDm = Arrays.copyOf(minusDm, capacity);
        plusDi = Arrays.copyOf(plusDi, capacity);
        minusDi = Arrays.copyOf(minusDi, capacity);
        adx = Arrays.copyOf(adx, capacity);
        ema = Arrays.copyOf(ema, capacity);
        rangeHighs = Arrays.copyOf(rangeHighs, capacity * rangeBars);
        rangeLows = Arrays.copyOf(rangeLows, capacity * rangeBars);
        rangeHigh = Arrays.copyOf(rangeHigh, capacity);
        rangeLow = Arrays.copyOf(rangeLow, capacity);
        atrRatio = Arrays.copyOf(atrRatio, capacity);
        Arrays.fill(buildOpenNs, oldCapacity, capacity, NO_TIME);
        Arrays.fill(lastFeedOpenNs, oldCapacity, capacity, NO_TIME);
        Arrays.fill(lastOpenNs, oldCapacity, capacity, NO_TIME);
    }

    /**
     * A trade: extends the bar being built, or closes it (and applies it, unless feed bars are authoritative) and
     * starts the next one.
     *
     * @param slot   of the instrument.
     * @param timeNs event time, not before the slot's previous one.
     * @param price  positive trade price.
     * @param size   traded quantity.
     * @return the number of bars applied to the indicators (0 while the bar is still open; more than 1 with gap
     *         fill), so the caller knows when to re-classify.
     */
    public int onTrade(final int slot, final long timeNs, final double price, final double size)
    {
        final long buildingNs = buildOpenNs[slot];
        int applied = 0;
        // Most trades fall in the bar being built: a compare, not a 64-bit division.
        if (NO_TIME == buildingNs || timeNs - buildingNs >= barNs)
        {
            final long openNs = Math.floorDiv(timeNs, barNs) * barNs;
            if (NO_TIME != buildingNs)
            {
                applied = closeBuiltBar(slot, buildingNs);
                if (SOURCE_TRADES == source[slot])
                {
                    // A trade after quiet intervals proves them complete: fill them now, not when this bar closes.
                    applied += fillGap(slot, openNs);
                }
            }
            buildOpenNs[slot] = openNs;
            buildOpen[slot] = price;
            buildHigh[slot] = price;
            buildLow[slot] = price;
            buildClose[slot] = price;
            buildVolume[slot] = size;
        }
        else
        {
            buildHigh[slot] = Math.max(buildHigh[slot], price);
            buildLow[slot] = Math.min(buildLow[slot], price);
            buildClose[slot] = price;
            buildVolume[slot] += size;
        }

        return applied;
    }

    /**
     * A closed bar (kline) of this interval from the feed: from now on feed bars are authoritative for the slot.
     *
     * @param slot   of the instrument.
     * @param openNs open time of the bar; a bar at or before the last applied one is ignored.
     * @param open   open price.
     * @param high   high price.
     * @param low    low price.
     * @param close  close price.
     * @return the number of bars applied (0 for a duplicate, more than 1 with gap fill).
     */
    public int onFeedBar(
        final int slot, final long openNs, final double open, final double high, final double low, final double close)
    {
        source[slot] = SOURCE_FEED;
        if (openNs > lastFeedOpenNs[slot])
        {
            lastFeedOpenNs[slot] = openNs;
        }
        return applyBar(slot, openNs, open, high, low, close);
    }

    /**
     * Bars applied to a slot's indicators, flat gap bars included.
     *
     * @param slot of the instrument.
     * @return the count.
     */
    public long bars(final int slot)
    {
        return bars[slot];
    }

    /**
     * Open time of the last bar applied.
     *
     * @param slot of the instrument.
     * @return epoch nanoseconds, or {@link Long#MIN_VALUE} before the first bar.
     */
    public long lastBarOpenNs(final int slot)
    {
        return lastOpenNs[slot];
    }

    /**
     * Whether the slot's bars currently come from the feed's klines.
     *
     * @param slot of the instrument.
     * @return true if feed bars are authoritative.
     */
    public boolean isFeedSourced(final int slot)
    {
        return SOURCE_FEED == source[slot];
    }

    /**
     * Close of the last bar applied.
     *
     * @param slot of the instrument.
     * @return the close, 0 before the first bar.
     */
    public double close(final int slot)
    {
        return close[slot];
    }

    /**
     * Average true range over the ATR period.
     *
     * @param slot of the instrument.
     * @return the ATR in price units, 0 before the first bar.
     */
    public double atr(final int slot)
    {
        return atr[slot];
    }

    /**
     * Average true range over the long ATR period.
     *
     * @param slot of the instrument.
     * @return the long ATR in price units, 0 before the first bar.
     */
    public double atrLong(final int slot)
    {
        return atrLong[slot];
    }

    /**
     * ATR over long ATR, published once the slot has a long-ATR period of bars.
     *
     * @param slot of the instrument.
     * @return the ratio, 0 before then.
     */
    public double atrRatio(final int slot)
    {
        return atrRatio[slot];
    }

    /**
     * Average directional index.
     *
     * @param slot of the instrument.
     * @return ADX in [0, 100].
     */
    public double adx(final int slot)
    {
        return adx[slot];
    }

    /**
     * Positive directional indicator.
     *
     * @param slot of the instrument.
     * @return +DI in percent.
     */
    public double plusDi(final int slot)
    {
        return plusDi[slot];
    }

    /**
     * Negative directional indicator.
     *
     * @param slot of the instrument.
     * @return -DI in percent.
     */
    public double minusDi(final int slot)
    {
        return minusDi[slot];
    }

    /**
     * Exponential moving average of closes.
     *
     * @param slot of the instrument.
     * @return the EMA, 0 before the first bar.
     */
    public double ema(final int slot)
    {
        return ema[slot];
    }

    /**
     * Highest high over the range bars.
     *
     * @param slot of the instrument.
     * @return the high.
     */
    public double rangeHigh(final int slot)
    {
        return rangeHigh[slot];
    }

    /**
     * Lowest low over the range bars.
     *
     * @param slot of the instrument.
     * @return the low.
     */
    public double rangeLow(final int slot)
    {
        return rangeLow[slot];
    }

    /**
     * Range width: (highest high - lowest low) over the range bars, divided by the last close.
     *
     * @param slot of the instrument.
     * @return the width as a fraction of price, 0 before the first bar.
     */
    public double rangeWidth(final int slot)
    {
        final double lastClose = close[slot];
        return lastClose > 0.0 ? (rangeHigh[slot] - rangeLow[slot]) / lastClose : 0.0;
    }

    /**
     * Bars of the ATR.
     *
     * @return the period.
     */
    public int atrPeriod()
    {
        return atrPeriod;
    }

    /**
     * Bars of the ADX.
     *
     * @return the period.
     */
    public int adxPeriod()
    {
        return adxPeriod;
    }

    /**
     * The backing array of {@link #atrRatio(int)}, for sweeps over all slots. Read only.
     *
     * @return the array; replaced by {@link #ensureCapacity(int)}.
     */
    public double[] atrRatios()
    {
        return atrRatio;
    }

    private int closeBuiltBar(final int slot, final long openNs)
    {
        if (SOURCE_FEED == source[slot])
        {
            // Feed bars are authoritative while the feed delivers: its bar for the interval before this one is in.
            if (lastFeedOpenNs[slot] >= openNs - barNs)
            {
                return 0;
            }
            source[slot] = SOURCE_TRADES;
        }
        return applyBar(slot, openNs, buildOpen[slot], buildHigh[slot], buildLow[slot], buildClose[slot]);
    }

    private int applyBar(
        final int slot, final long openNs, final double open, final double high, final double low, final double close)
    {
        final long lastNs = lastOpenNs[slot];
        if (NO_TIME != lastNs && openNs <= lastNs)
        {
            return 0;
        }

        final int applied = fillGap(slot, openNs);
        update(slot, high, low, close);
        lastOpenNs[slot] = openNs;
        return applied + 1;
    }

    /**
     * Flat bars at the last close for the intervals between the last applied bar and {@code openNs}, at most
     * {@code gapFillMax}; the intervals beyond the cap are skipped, so a gap is only ever filled once.
     */
    private int fillGap(final int slot, final long openNs)
    {
        final long lastNs = lastOpenNs[slot];
        if (NO_TIME == lastNs || openNs - lastNs <= barNs)
        {
            return 0;
        }

        final int fill = (int)Math.min((openNs - lastNs) / barNs - 1, gapFillMax);
        final double flat = close[slot];
        for (int i = 0; i < fill; i++)
        {
            update(slot, flat, flat, flat);
        }
        lastOpenNs[slot] = openNs - barNs;
        return fill;
    }

    private void update(final int slot, final double barHigh, final double barLow, final double barClose)
    {
        final long n = bars[slot];
        final int ringBase = slot * rangeBars;
        if (0 == n)
        {
            final double tr = barHigh - barLow;
            atr[slot] = tr;
            atrLong[slot] = tr;
            adxAtr[slot] = tr;
            plusDm[slot] = 0.0;
            minusDm[slot] = 0.0;
            plusDi[slot] = 0.0;
            minusDi[slot] = 0.0;
            adx[slot] = 0.0;
            ema[slot] = barClose;
        }
        else
        {
            final double prevClose = close[slot];
            final double tr = Math.max(barHigh - barLow, Math.max(Math.abs(barHigh - prevClose),
                Math.abs(prevClose - barLow)));
            final double upMove = barHigh - high[slot];
            final double downMove = low[slot] - barLow;
            final double pdm = upMove > downMove && upMove > 0.0 ? upMove : 0.0;
            final double mdm = downMove > upMove && downMove > 0.0 ? downMove : 0.0;

            // ta4j's recursion order, (x - prev) * multiplier + prev, so a cross-check can be exact.
            atr[slot] = (tr - atr[slot]) * atrMultiplier + atr[slot];
            atrLong[slot] = (tr - atrLong[slot]) * atrLongMultiplier + atrLong[slot];
            final double diAtr = (tr - adxAtr[slot]) * adxMultiplier + adxAtr[slot];
            adxAtr[slot] = diAtr;
            final double smoothedPlus = (pdm - plusDm[slot]) * adxMultiplier + plusDm[slot];
            final double smoothedMinus = (mdm - minusDm[slot]) * adxMultiplier + minusDm[slot];
            plusDm[slot] = smoothedPlus;
            minusDm[slot] = smoothedMinus;
            final double pdi = diAtr > 0.0 ? smoothedPlus / diAtr * 100.0 : 0.0;
            final double mdi = diAtr > 0.0 ? smoothedMinus / diAtr * 100.0 : 0.0;
            plusDi[slot] = pdi;
            minusDi[slot] = mdi;
            final double diSum = pdi + mdi;
            final double dx = diSum > 0.0 ? Math.abs(pdi - mdi) / diSum * 100.0 : 0.0;
            adx[slot] = (dx - adx[slot]) * adxMultiplier + adx[slot];
            ema[slot] = (barClose - ema[slot]) * emaMultiplier + ema[slot];
        }

        final int ringIndex = ringBase + (int)(n % rangeBars);
        rangeHighs[ringIndex] = barHigh;
        rangeLows[ringIndex] = barLow;
        final int filled = (int)Math.min(n + 1, rangeBars);
        double highest = rangeHighs[ringBase];
        double lowest = rangeLows[ringBase];
        for (int i = ringBase + 1, end = ringBase + filled; i < end; i++)
        {
            highest = Math.max(highest, rangeHighs[i]);
            lowest = Math.min(lowest, rangeLows[i]);
        }
        rangeHigh[slot] = highest;
        rangeLow[slot] = lowest;

        close[slot] = barClose;
        high[slot] = barHigh;
        low[slot] = barLow;
        bars[slot] = n + 1;

        final double longAtr = atrLong[slot];
        atrRatio[slot] = n + 1 >= atrLongPeriod && longAtr > 0.0 ? atr[slot] / longAtr : 0.0;
    }
}
