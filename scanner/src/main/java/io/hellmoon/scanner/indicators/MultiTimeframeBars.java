/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.indicators;

import io.hellmoon.codecs.Timeframe;
import java.util.Arrays;

/**
 * Bars of every {@link Timeframe} (1m, 5m, 15m, 1h, 4h, 1d) for many instruments, aligned to the epoch on the
 * event-time clock, each with its own {@link TimeframeBars} indicators.
 * <p>
 * <b>Where bars come from.</b> The 1m bar is built from trades: a bar closes when the first trade of a later minute
 * arrives. A feed's closed 1m klines ({@link #onFeedBar}) can stand in for it, with one rule: once a slot has
 * received a feed bar, feed bars are authoritative and self-built bars are held back while the feed keeps
 * delivering (its bar for the minute before the one being closed has arrived); when feed bars stop, self-built bars
 * take over again. Each minute is applied once, from whichever source delivers it first. Minutes without any bar are
 * filled with flat bars at the previous close (volume 0, as exchanges print them), at most {@code gapFillMax} per
 * gap, as soon as a later trade or feed bar shows them complete.
 * <p>
 * <b>Longer timeframes</b> are made of the applied 1m bars, whatever their source, so every timeframe agrees with
 * the 1m bars: a 5m bar is the five 1m bars of its interval (open of the first, highest high, lowest low, close of
 * the last, summed volume) and closes as soon as its last minute is applied, or when a minute of a later interval
 * arrives. Feed klines of other intervals are ignored for that reason (one source of truth per instrument).
 * <p>
 * Allocation free; O(1) per trade plus O(window) per bar close. Memory: {@link #bytesPerSlot()}. Not thread safe.
 */
public final class MultiTimeframeBars
{
    private static final long NO_TIME = Long.MIN_VALUE;
    private static final byte SOURCE_TRADES = 0;
    private static final byte SOURCE_FEED = 1;
    private static final int BASE_SLOT_BYTES = 6 * Double.BYTES + 2 * Long.BYTES + 1;

    private final TimeframeBars[] timeframes;
    private final long minuteNs;
    private final int gapFillMax;

    private long[] buildOpenNs;
    private double[] buildOpen;
    private double[] buildHigh;
    private double[] buildLow;
    private double[] buildClose;
    private double[] buildVolume;
    private byte[] source;
    private long[] lastFeedOpenNs;
    private double[] lastPrice;

    /**
     * Bars of every timeframe for {@code capacity} slots, all with the same indicator periods.
     *
     * @param capacity        slots to allocate for.
     * @param gapFillMax      most flat bars inserted for one gap, per timeframe.
     * @param atrPeriod       bars of the ATR.
     * @param atrLongPeriod   bars of the long ATR.
     * @param adxPeriod       bars of the ADX and DIs.
     * @param emaPeriod       bars of the EMA.
     * @param rsiPeriod       bars of the RSI.
     * @param bollingerPeriod bars of the Bollinger bands.
     * @param bollingerWidth  deviations from the middle to each band.
     * @param rangeBars       bars of the high-low range.
     * @param windowBars      bars of highs and lows kept for N-bar extremes, at least {@code rangeBars}.
     */
    public MultiTimeframeBars(
        final int capacity,
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
        this.minuteNs = Timeframe.M1.durationNs();
        this.gapFillMax = gapFillMax;
        timeframes = new TimeframeBars[Timeframe.count()];
        for (int i = 0; i < timeframes.length; i++)
        {
            timeframes[i] = new TimeframeBars(
                capacity,
                Timeframe.get(i).durationNs(),
                gapFillMax,
                atrPeriod,
                atrLongPeriod,
                adxPeriod,
                emaPeriod,
                rsiPeriod,
                bollingerPeriod,
                bollingerWidth,
                rangeBars,
                windowBars);
        }
        buildOpenNs = new long[capacity];
        buildOpen = new double[capacity];
        buildHigh = new double[capacity];
        buildLow = new double[capacity];
        buildClose = new double[capacity];
        buildVolume = new double[capacity];
        source = new byte[capacity];
        lastFeedOpenNs = new long[capacity];
        lastPrice = new double[capacity];
        Arrays.fill(buildOpenNs, NO_TIME);
        Arrays.fill(lastFeedOpenNs, NO_TIME);
    }

    /**
     * Bytes of state per instrument: the 1m bar being built plus every timeframe's bars and indicators.
     *
     * @return bytes per slot.
     */
    public long bytesPerSlot()
    {
        long bytes = BASE_SLOT_BYTES;
        for (final TimeframeBars timeframe : timeframes)
        {
            bytes += TimeframeBars.bytesPerSlot(timeframe.windowBars());
        }
        return bytes;
    }

    /**
     * Grow to at least {@code capacity} slots, keeping every slot's state. Allocates; call at warm-up only.
     *
     * @param capacity slots needed.
     */
    public void ensureCapacity(final int capacity)
    {
        final int oldCapacity = buildOpenNs.length;
        if (capacity <= oldCapacity)
        {
            return;
        }
        for (final TimeframeBars timeframe : timeframes)
        {
            timeframe.ensureCapacity(capacity);
        }
        buildOpenNs = Arrays.copyOf(buildOpenNs, capacity);
        buildOpen = Arrays.copyOf(buildOpen, capacity);
        buildHigh = Arrays.copyOf(buildHigh, capacity);
        buildLow = Arrays.copyOf(buildLow, capacity);
        buildClose = Arrays.copyOf(buildClose, capacity);
        buildVolume = Arrays.copyOf(buildVolume, capacity);
        source = Arrays.copyOf(source, capacity);
        lastFeedOpenNs = Arrays.copyOf(lastFeedOpenNs, capacity);
        lastPrice = Arrays.copyOf(lastPrice, capacity);
        Arrays.fill(buildOpenNs, oldCapacity, capacity, NO_TIME);
        Arrays.fill(lastFeedOpenNs, oldCapacity, capacity, NO_TIME);
    }

    /**
     * The bars and indicators of one timeframe.
     *
     * @param timeframe wanted.
     * @return its bars.
     */
    public TimeframeBars timeframe(final Timeframe timeframe)
    {
        return timeframes[timeframe.ordinal()];
    }

    /**
     * A trade: extends the 1m bar being built, or closes it (and applies it, unless feed bars are authoritative),
     * fills quiet minutes and starts the next one.
     *
     * @param slot   of the instrument.
     * @param timeNs event time, not before the slot's previous one.
     * @param price  positive trade price.
     * @param size   traded quantity.
     * @return a bit per timeframe ({@code 1 << ordinal}) that closed at least one bar, 0 if none did.
     */
    public int onTrade(final int slot, final long timeNs, final double price, final double size)
    {
        lastPrice[slot] = price;
        final long buildingNs = buildOpenNs[slot];
        int closed = 0;
        // Most trades fall in the bar being built: a compare, not a 64-bit division.
        if (NO_TIME == buildingNs || timeNs - buildingNs >= minuteNs)
        {
            final long openNs = Math.floorDiv(timeNs, minuteNs) * minuteNs;
            if (NO_TIME != buildingNs)
            {
                closed = closeBuiltBar(slot, buildingNs);
                if (SOURCE_TRADES == source[slot])
                {
                    // A trade after quiet minutes proves them complete: fill them now, not when this bar closes.
                    closed |= fillGap(slot, openNs);
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
        return closed;
    }

    /**
     * A closed 1m kline from the feed: from now on feed bars are authoritative for the slot.
     *
     * @param slot   of the instrument.
     * @param openNs open time of the bar; a bar at or before the last applied one is ignored.
     * @param open   open price.
     * @param high   high price.
     * @param low    low price.
     * @param close  close price.
     * @param volume traded quantity.
     * @return a bit per timeframe that closed at least one bar.
     */
    public int onFeedBar(
        final int slot,
        final long openNs,
        final double open,
        final double high,
        final double low,
        final double close,
        final double volume)
    {
        source[slot] = SOURCE_FEED;
        if (openNs > lastFeedOpenNs[slot])
        {
            lastFeedOpenNs[slot] = openNs;
        }
        if (!(lastPrice[slot] > 0.0))
        {
            lastPrice[slot] = close;
        }
        return applyMinute(slot, openNs, open, high, low, close, volume);
    }

    /**
     * Whether the slot's 1m bars currently come from the feed's klines.
     *
     * @param slot of the instrument.
     * @return true if feed bars are authoritative.
     */
    public boolean isFeedSourced(final int slot)
    {
        return SOURCE_FEED == source[slot];
    }

    /**
     * The latest trade price, or the latest feed bar's close before any trade.
     *
     * @param slot of the instrument.
     * @return the price, 0 if none.
     */
    public double lastPrice(final int slot)
    {
        return lastPrice[slot];
    }

    /**
     * Volume of the 1m bar being built from trades.
     *
     * @param slot of the instrument.
     * @return base quantity, 0 before the first trade.
     */
    public double buildingVolume(final int slot)
    {
        return NO_TIME == buildOpenNs[slot] ? 0.0 : buildVolume[slot];
    }

    private int closeBuiltBar(final int slot, final long openNs)
    {
        if (SOURCE_FEED == source[slot])
        {
            // Feed bars are authoritative while the feed delivers: its bar for the minute before this one is in.
            if (lastFeedOpenNs[slot] >= openNs - minuteNs)
            {
                return 0;
            }
            source[slot] = SOURCE_TRADES;
        }
        return applyMinute(
            slot, openNs, buildOpen[slot], buildHigh[slot], buildLow[slot], buildClose[slot], buildVolume[slot]);
    }

    private int applyMinute(
        final int slot,
        final long openNs,
        final double open,
        final double high,
        final double low,
        final double close,
        final double volume)
    {
        final long lastNs = timeframes[0].lastOpenNs(slot);
        if (NO_TIME != lastNs && openNs <= lastNs)
        {
            return 0;
        }
        return fillGap(slot, openNs) | minute(slot, openNs, open, high, low, close, volume);
    }

    /**
     * Flat 1m bars at the last close for the minutes between the last applied one and {@code openNs}, at most the
     * gap fill maximum (the minutes beyond it are skipped, so a gap is only ever filled once); each goes to the
     * longer timeframes too.
     */
    private int fillGap(final int slot, final long openNs)
    {
        final TimeframeBars base = timeframes[0];
        final long lastNs = base.lastOpenNs(slot);
        if (NO_TIME == lastNs || openNs - lastNs <= minuteNs)
        {
            return 0;
        }
        final long missing = (openNs - lastNs) / minuteNs - 1;
        final int fill = (int)Math.min(missing, gapFillMax);
        final double flat = base.close(slot);
        int closed = 0;
        for (int i = 1; i <= fill; i++)
        {
            closed |= minute(slot, lastNs + i * minuteNs, flat, flat, flat, flat, 0.0);
        }
        return closed;
    }

    private int minute(
        final int slot,
        final long openNs,
        final double open,
        final double high,
        final double low,
        final double close,
        final double volume)
    {
        timeframes[0].apply(slot, openNs, open, high, low, close, volume);
        int closed = 1;
        for (int i = 1; i < timeframes.length; i++)
        {
            if (timeframes[i].aggregate(slot, openNs, minuteNs, open, high, low, close, volume) > 0)
            {
                closed |= 1 << i;
            }
        }
        return closed;
    }
}
