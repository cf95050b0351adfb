/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

import java.util.Arrays;

/**
 * The closed bars of one timeframe for many instruments and the indicators computed at each close, as
 * struct-of-arrays indexed by a dense slot: EMA, ATR (and a long ATR), ADX with +DI/-DI, RSI, Bollinger bands and the
 * high-low range over the last bars. {@link MultiTimeframeBars} feeds it: the 1m timeframe with closed bars
 * ({@link #apply}), longer ones with the 1m bars they are made of ({@link #aggregate}).
 * <p>
 * <b>The recursions are ta4j's (0.17)</b>, with their seeds, so values agree with ta4j's indicators bar for bar:
 * <ul>
 *     <li>TR = max(H - L, |H - C<sub>prev</sub>|, |C<sub>prev</sub> - L|), H - L on the first bar; ATR = Wilder's
 *     moving average (ta4j's MMA: {@code a = (x - a) / n + a}, seeded with the first value) of TR;</li>
 *     <li>+DM = H - H<sub>prev</sub> if that exceeds L<sub>prev</sub> - L and 0, else 0 (0 on the first bar), -DM
 *     likewise; +DI = 100 MMA(+DM) / ATR, -DI likewise (ATR over the ADX period); DX = 100 |+DI - -DI| / (+DI + -DI),
 *     0 when both are 0; ADX = MMA(DX);</li>
 *     <li>EMA: {@code e = (C - e) * 2 / (n + 1) + e}, seeded with the first close;</li>
 *     <li>RSI: MMA of gains and of losses (close-to-close, 0 on the first bar); 100 - 100 / (1 + gain / loss), 100
 *     when only the loss average is 0 and 0 when both are;</li>
 *     <li>Bollinger: middle = SMA of the last n closes (fewer at the start), deviation = the population standard
 *     deviation of the same closes around it, bands = middle +/- k deviation;</li>
 *     <li>range: highest high and lowest low of the last {@code rangeBars} bars.</li>
 * </ul>
 * Values exist from the first bar and settle after about a period; callers decide from {@link #bars(int)} when to
 * trust them. Sums run oldest bar first, as ta4j's do, so the SMA and deviation round the same way.
 * <p>
 * Memory: {@link #bytesPerSlot(int)}. Allocation free; O(1) per bar plus O(n) for the Bollinger and range windows at
 * each close. Not thread safe.
 */
public final class TimeframeBars
{
    private static final long NO_TIME = Long.MIN_VALUE;
    private static final int SLOT_DOUBLES = 26;
    private static final int SLOT_LONGS = 3;

    private final long barNs;
    private final int gapFillMax;
    private final int atrPeriod;
    private final int atrLongPeriod;
    private final int rangeBars;
    private final int bollingerPeriod;
    private final double bollingerWidth;
    private final int ring;
    private final double atrMultiplier;
    private final double atrLongMultiplier;
    private final double adxMultiplier;
    private final double emaMultiplier;
    private final double rsiMultiplier;

    // The bar being aggregated from shorter bars (longer timeframes only).
    private long[] formOpenNs;
    private double[] formOpen;
    private double[] formHigh;
    private double[] formLow;
    private double[] formClose;
    private double[] formVolume;

    private long[] lastOpenNs;
    private long[] bars;
    private double[] close;
    private double[] high;
    private double[] low;
    private double[] volume;
    private double[] atr;
    private double[] atrLong;
    private double[] atrRatio;
    private double[] adxAtr;
    private double[] plusDm;
    private double[] minusDm;
    private double[] plusDi;
    private double[] minusDi;
    private double[] adx;
    private double[] ema;
    private double[] averageGain;
    private double[] averageLoss;
    private double[] rsi;
    private double[] bollingerMiddle;
    private double[] bollingerDeviation;
    private double[] rangeHigh;
    private double[] rangeLow;
    private double[] closes;
    private double[] highs;
    private double[] lows;

    /**
     * Bars of one timeframe for {@code capacity} slots.
     *
     * @param capacity        slots to allocate for.
     * @param barNs           bar length.
     * @param gapFillMax      most flat bars inserted for one gap (longer timeframes).
     * @param atrPeriod       bars of the ATR.
     * @param atrLongPeriod   bars of the long ATR.
     * @param adxPeriod       bars of the ADX and the DIs.
     * @param emaPeriod       bars of the EMA.
     * @param rsiPeriod       bars of the RSI.
     * @param bollingerPeriod bars of the Bollinger bands.
     * @param bollingerWidth  deviations between the middle and each band.
     * @param rangeBars       bars of the high-low range.
     * @param windowBars      bars of history kept for {@link #highestHigh(int, int)} and {@link #lowestLow(int, int)}:
     *                        at least {@code rangeBars} and {@code bollingerPeriod}.
     */
    public TimeframeBars(
        final int capacity,
        final long barNs,
        final int gapFillMax,
        final int atrPeriod,
        final int atrLongPeriod,
        final int adxPeriod,
        final int emaPeriod,
        final int rsiPeriod,
        final int bollingerPeriod,
        final double bollingerWidth,
        final int rangeBars,
        final int windowBars)
    {
        this.barNs = barNs;
        this.gapFillMax = gapFillMax;
        this.atrPeriod = atrPeriod;
        this.atrLongPeriod = atrLongPeriod;
        this.rangeBars = rangeBars;
        this.bollingerPeriod = bollingerPeriod;
        this.bollingerWidth = bollingerWidth;
        this.ring = Math.max(windowBars, Math.max(rangeBars, bollingerPeriod));
        this.atrMultiplier = 1.0 / atrPeriod;
        this.atrLongMultiplier = 1.0 / atrLongPeriod;
        this.adxMultiplier = 1.0 / adxPeriod;
        this.emaMultiplier = 2.0 / (emaPeriod + 1.0);
        this.rsiMultiplier = 1.0 / rsiPeriod;
        allocate(capacity);
    }

    /**
     * Bytes of state per slot for a window of {@code windowBars} bars.
     *
     * @param windowBars bars of history kept.
     * @return bytes per instrument for this timeframe.
     */
    public static long bytesPerSlot(final int windowBars)
    {
        return (long)SLOT_DOUBLES * Double.BYTES + (long)SLOT_LONGS * Long.BYTES + 3L * windowBars * Double.BYTES;
    }

    /**
     * Bars of history kept per slot.
     *
     * @return the window.
     */
    public int windowBars()
    {
        return ring;
    }

    /**
     * Grow to at least {@code capacity} slots, keeping every slot's state. Allocates; call at warm-up only.
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

        formOpenNs = Arrays.copyOf(formOpenNs, capacity);
        formOpen = Arrays.copyOf(formOpen, capacity);
        formHigh = Arrays.copyOf(formHigh, capacity);
        formLow = Arrays.copyOf(formLow, capacity);
        formClose = Arrays.copyOf(formClose, capacity);
        formVolume = Arrays.copyOf(formVolume, capacity);
        lastOpenNs = Arrays.copyOf(lastOpenNs, capacity);
        bars = Arrays.copyOf(bars, capacity);
        close = Arrays.copyOf(close, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        volume = Arrays.copyOf(volume, capacity);
        atr = Arrays.copyOf(atr, capacity);
        atrLong = Arrays.copyOf(atrLong, capacity);
        atrRatio = Arrays.copyOf(atrRatio, capacity);
        adxAtr = Arrays.copyOf(adxAtr, capacity);
        plusDm = Arrays.copyOf(plusDm, capacity);
        minusDm = Arrays.copyOf(minusDm, capacity);
        plusDi = Arrays.copyOf(plusDi, capacity);
        minusDi = Arrays.copyOf(minusDi, capacity);
        adx = Arrays.copyOf(adx, capacity);
        ema = Arrays.copyOf(ema, capacity);
        averageGain = Arrays.copyOf(averageGain, capacity);
        averageLoss = Arrays.copyOf(averageLoss, capacity);
        rsi = Arrays.copyOf(rsi, capacity);
        bollingerMiddle = Arrays.copyOf(bollingerMiddle, capacity);
        bollingerDeviation = Arrays.copyOf(bollingerDeviation, capacity);
        rangeHigh = Arrays.copyOf(rangeHigh, capacity);
        rangeLow = Arrays.copyOf(rangeLow, capacity);
        closes = Arrays.copyOf(closes, capacity * ring);
        highs = Arrays.copyOf(highs, capacity * ring);
        lows = Arrays.copyOf(lows, capacity * ring);
        Arrays.fill(formOpenNs, oldCapacity, capacity, NO_TIME);
        Arrays.fill(lastOpenNs, oldCapacity, capacity, NO_TIME);
    }

    /**
     * Apply a closed bar of this timeframe (the 1m timeframe's input). The caller has filled any gap before it.
     *
     * @param slot   of the instrument.
     * @param openNs open time, after the last bar applied.
     * @param open   open price (not used by the indicators; kept for symmetry with the wire's bar).
     * @param high   high price.
     * @param low    low price.
     * @param close  close price.
     * @param volume traded quantity.
     */
    public void apply(
        final int slot,
        final long openNs,
        final double open,
        final double high,
        final double low,
        final double close,
        final double volume)
    {
        update(slot, high, low, close, volume);
        lastOpenNs[slot] = openNs;
    }

    /**
     * A closed bar of a shorter timeframe that divides this one: extends the bar being aggregated, closing it when
     * this is its last part; a part from a later bar first closes the one being aggregated, fills intervals nothing
     * covered with flat bars at the last close (at most the gap fill maximum) and starts a new one.
     *
     * @param slot      of the instrument.
     * @param partOpenNs open time of the shorter bar.
     * @param partNs    length of the shorter bar.
     * @param open      its open.
     * @param high      its high.
     * @param low       its low.
     * @param close     its close.
     * @param volume    its volume.
     * @return bars of this timeframe closed (so the caller knows to re-evaluate what depends on them).
     */
    public int aggregate(
        final int slot,
        final long partOpenNs,
        final long partNs,
        final double open,
        final double high,
        final double low,
        final double close,
        final double volume)
    {
        final long openNs = Math.floorDiv(partOpenNs, barNs) * barNs;
        final long formingNs = formOpenNs[slot];
        int closed = 0;
        if (NO_TIME != formingNs && openNs != formingNs)
        {
            if (openNs < formingNs)
            {
                return 0;
            }
            closed += closeForming(slot);
        }
        if (NO_TIME == formOpenNs[slot])
        {
            final long lastNs = lastOpenNs[slot];
            if (NO_TIME != lastNs && openNs <= lastNs)
            {
                return closed;
            }
            closed += fillGap(slot, openNs);
            formOpenNs[slot] = openNs;
            formOpen[slot] = open;
            formHigh[slot] = high;
            formLow[slot] = low;
            formClose[slot] = close;
            formVolume[slot] = volume;
        }
        else
        {
            formHigh[slot] = Math.max(formHigh[slot], high);
            formLow[slot] = Math.min(formLow[slot], low);
            formClose[slot] = close;
            formVolume[slot] += volume;
        }

        if (partOpenNs + partNs >= openNs + barNs)
        {
            closed += closeForming(slot);
        }
        return closed;
    }

    /**
     * Bars applied to a slot, flat gap bars included.
     *
     * @param slot of the instrument.
     * @return the count.
     */
    public long bars(final int slot)
    {
        return bars[slot];
    }

    /**
     * Bar length.
     *
     * @return nanoseconds.
     */
    public long barNs()
    {
        return barNs;
    }

    /**
     * Open time of the last bar applied.
     *
     * @param slot of the instrument.
     * @return epoch nanoseconds, {@link Long#MIN_VALUE} before the first bar.
     */
    public long lastOpenNs(final int slot)
    {
        return lastOpenNs[slot];
    }

    /**
     * Close of the last bar.
     *
     * @param slot of the instrument.
     * @return the close, 0 before the first bar.
     */
    public double close(final int slot)
    {
        return close[slot];
    }

    /**
     * High of the last bar.
     *
     * @param slot of the instrument.
     * @return the high.
     */
    public double high(final int slot)
    {
        return high[slot];
    }

    /**
     * Low of the last bar.
     *
     * @param slot of the instrument.
     * @return the low.
     */
    public double low(final int slot)
    {
        return low[slot];
    }

    /**
     * Volume of the last bar.
     *
     * @param slot of the instrument.
     * @return base quantity.
     */
    public double volume(final int slot)
    {
        return volume[slot];
    }

    /**
     * Average true range.
     *
     * @param slot of the instrument.
     * @return ATR in price units, 0 before the first bar.
     */
    public double atr(final int slot)
    {
        return atr[slot];
    }

    /**
     * Average true range over the long period.
     *
     * @param slot of the instrument.
     * @return the long ATR.
     */
    public double atrLong(final int slot)
    {
        return atrLong[slot];
    }

    /**
     * ATR over long ATR, published once the slot has a long period of bars.
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
     * Relative strength index.
     *
     * @param slot of the instrument.
     * @return RSI in [0, 100].
     */
    public double rsi(final int slot)
    {
        return rsi[slot];
    }

    /**
     * Middle Bollinger band: the simple moving average of closes.
     *
     * @param slot of the instrument.
     * @return the middle band.
     */
    public double bollingerMiddle(final int slot)
    {
        return bollingerMiddle[slot];
    }

    /**
     * Upper Bollinger band.
     *
     * @param slot of the instrument.
     * @return middle + width x deviation.
     */
    public double bollingerUpper(final int slot)
    {
        return bollingerMiddle[slot] + bollingerWidth * bollingerDeviation[slot];
    }

    /**
     * Lower Bollinger band.
     *
     * @param slot of the instrument.
     * @return middle - width x deviation.
     */
    public double bollingerLower(final int slot)
    {
        return bollingerMiddle[slot] - bollingerWidth * bollingerDeviation[slot];
    }

    /**
     * Population standard deviation of the closes behind the Bollinger bands.
     *
     * @param slot of the instrument.
     * @return the deviation.
     */
    public double bollingerDeviation(final int slot)
    {
        return bollingerDeviation[slot];
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
     * Range width: (highest high - lowest low) over the range bars, over the last close.
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
     * Highest high of the last {@code n} bars (fewer if the slot has fewer).
     *
     * @param slot of the instrument.
     * @param n    bars, 1 to {@link #windowBars()}.
     * @return the high, 0 before the first bar.
     */
    public double highestHigh(final int slot, final int n)
    {
        final long count = bars[slot];
        if (0 == count)
        {
            return 0.0;
        }
        final int base = slot * ring;
        final int available = (int)Math.min(count, n);
        double highest = Double.NEGATIVE_INFINITY;
        for (long i = count - available; i < count; i++)
        {
            highest = Math.max(highest, highs[base + (int)(i % ring)]);
        }
        return highest;
    }

    /**
     * Lowest low of the last {@code n} bars (fewer if the slot has fewer).
     *
     * @param slot of the instrument.
     * @param n    bars, 1 to {@link #windowBars()}.
     * @return the low, 0 before the first bar.
     */
    public double lowestLow(final int slot, final int n)
    {
        final long count = bars[slot];
        if (0 == count)
        {
            return 0.0;
        }
        final int base = slot * ring;
        final int available = (int)Math.min(count, n);
        double lowest = Double.POSITIVE_INFINITY;
        for (long i = count - available; i < count; i++)
        {
            lowest = Math.min(lowest, lows[base + (int)(i % ring)]);
        }
        return lowest;
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
     * Bars of the long ATR.
     *
     * @return the period.
     */
    public int atrLongPeriod()
    {
        return atrLongPeriod;
    }

    private int closeForming(final int slot)
    {
        final long openNs = formOpenNs[slot];
        formOpenNs[slot] = NO_TIME;
        final long lastNs = lastOpenNs[slot];
        if (NO_TIME != lastNs && openNs <= lastNs)
        {
            return 0;
        }
        final int filled = fillGap(slot, openNs);
        apply(slot, openNs, formOpen[slot], formHigh[slot], formLow[slot], formClose[slot], formVolume[slot]);
        return filled + 1;
    }

    /**
     * Flat bars at the last close for the intervals between the last bar and {@code openNs}, at most the gap fill
     * maximum; intervals beyond it are skipped.
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
            update(slot, flat, flat, flat, 0.0);
        }
        lastOpenNs[slot] = openNs - barNs;
        return fill;
    }

    private void update(
        final int slot, final double barHigh, final double barLow, final double barClose, final double barVolume)
    {
        final long n = bars[slot];
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
            averageGain[slot] = 0.0;
            averageLoss[slot] = 0.0;
            rsi[slot] = 0.0;
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

            // ta4j's recursion order, (x - prev) * multiplier + prev, so the cross-check is exact.
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

            final double change = barClose - prevClose;
            final double gain = change > 0.0 ? change : 0.0;
            final double loss = change < 0.0 ? -change : 0.0;
            final double avgGain = (gain - averageGain[slot]) * rsiMultiplier + averageGain[slot];
            final double avgLoss = (loss - averageLoss[slot]) * rsiMultiplier + averageLoss[slot];
            averageGain[slot] = avgGain;
            averageLoss[slot] = avgLoss;
            if (0.0 == avgLoss)
            {
                rsi[slot] = 0.0 == avgGain ? 0.0 : 100.0;
            }
            else
            {
                rsi[slot] = 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
            }
        }

        final int base = slot * ring;
        final int position = base + (int)(n % ring);
        closes[position] = barClose;
        highs[position] = barHigh;
        lows[position] = barLow;
        final long count = n + 1;

        // Oldest first, as ta4j sums, so the SMA and the deviation round the same way.
        final int smaBars = (int)Math.min(count, bollingerPeriod);
        double sum = 0.0;
        for (long i = count - smaBars; i < count; i++)
        {
            sum += closes[base + (int)(i % ring)];
        }
        final double mean = sum / smaBars;
        double squares = 0.0;
        for (long i = count - smaBars; i < count; i++)
        {
            final double deviation = closes[base + (int)(i % ring)] - mean;
            squares += deviation * deviation;
        }
        bollingerMiddle[slot] = mean;
        bollingerDeviation[slot] = Math.sqrt(squares / smaBars);

        final int range = (int)Math.min(count, rangeBars);
        double highest = Double.NEGATIVE_INFINITY;
        double lowest = Double.POSITIVE_INFINITY;
        for (long i = count - range; i < count; i++)
        {
            final int index = base + (int)(i % ring);
            highest = Math.max(highest, highs[index]);
            lowest = Math.min(lowest, lows[index]);
        }
        rangeHigh[slot] = highest;
        rangeLow[slot] = lowest;

        close[slot] = barClose;
        high[slot] = barHigh;
        low[slot] = barLow;
        volume[slot] = barVolume;
        bars[slot] = count;

        final double longAtr = atrLong[slot];
        atrRatio[slot] = count >= atrLongPeriod && longAtr > 0.0 ? atr[slot] / longAtr : 0.0;
    }

    private void allocate(final int capacity)
    {
        formOpenNs = new long[capacity];
        formOpen = new double[capacity];
        formHigh = new double[capacity];
        formLow = new double[capacity];
        formClose = new double[capacity];
        formVolume = new double[capacity];
        lastOpenNs = new long[capacity];
        bars = new long[capacity];
        close = new double[capacity];
        high = new double[capacity];
        low = new double[capacity];
        volume = new double[capacity];
        atr = new double[capacity];
        atrLong = new double[capacity];
        atrRatio = new double[capacity];
        adxAtr = new double[capacity];
        plusDm = new double[capacity];
        minusDm = new double[capacity];
        plusDi = new double[capacity];
        minusDi = new double[capacity];
        adx = new double[capacity];
        ema = new double[capacity];
        averageGain = new double[capacity];
        averageLoss = new double[capacity];
        rsi = new double[capacity];
        bollingerMiddle = new double[capacity];
        bollingerDeviation = new double[capacity];
        rangeHigh = new double[capacity];
        rangeLow = new double[capacity];
        closes = new double[capacity * ring];
        highs = new double[capacity * ring];
        lows = new double[capacity * ring];
        Arrays.fill(formOpenNs, NO_TIME);
        Arrays.fill(lastOpenNs, NO_TIME);
    }
}
