/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.synthetic;

import io.hellmoon.codecs.Venues;
import io.hellmoon.sbe.Venue;
import org.agrona.SystemUtil;

import java.util.concurrent.TimeUnit;

import static java.lang.System.getProperty;

/**
 * Property names and defaults of the synthetic market; {@link SyntheticMarket.Context} starts from these.
 */
public final class SyntheticMarketConfiguration
{
    /**
     * Number of instruments in the universe.
     */
    public static final String INSTRUMENT_COUNT_PROP_NAME = "hellmoon.synthetic.instrument.count";

    /**
     * Default number of instruments.
     */
    public static final int INSTRUMENT_COUNT_DEFAULT = 2_000;

    /**
     * Seed of every random draw: the same seed and the same calls give the same bytes.
     */
    public static final String SEED_PROP_NAME = "hellmoon.synthetic.seed";

    /**
     * Default seed.
     */
    public static final long SEED_DEFAULT = 20_240_808L;

    /**
     * Target number of frames per second across the universe (all streams, snapshots excluded).
     */
    public static final String MESSAGE_RATE_PROP_NAME = "hellmoon.synthetic.message.rate";

    /**
     * Default target frame rate.
     */
    public static final double MESSAGE_RATE_DEFAULT = 10_000.0;

    /**
     * Start of symbols, before the zero-padded instrument number.
     */
    public static final String SYMBOL_PREFIX_PROP_NAME = "hellmoon.synthetic.symbol.prefix";

    /**
     * Default symbol prefix: symbols are {@code SYN0001USDT}, {@code SYN0002USDT}, ...
     */
    public static final String SYMBOL_PREFIX_DEFAULT = "SYN";

    /**
     * Quote asset, the end of every symbol.
     */
    public static final String QUOTE_ASSET_PROP_NAME = "hellmoon.synthetic.quote.asset";

    /**
     * Default quote asset.
     */
    public static final String QUOTE_ASSET_DEFAULT = "USDT";

    /**
     * Venue the instruments are registered under, e.g. {@code synthetic} or {@code binance-usdm}.
     */
    public static final String VENUE_PROP_NAME = "hellmoon.synthetic.venue";

    /**
     * Default venue.
     */
    public static final Venue VENUE_DEFAULT = Venue.SYNTHETIC;

    /**
     * Market start, epoch milliseconds: nothing happens before it.
     */
    public static final String START_TIME_MS_PROP_NAME = "hellmoon.synthetic.start.time.ms";

    /**
     * Default start: 2025-01-01T00:00:00Z.
     */
    public static final long START_TIME_MS_DEFAULT = 1_735_689_600_000L;

    /**
     * Levels per side of every book (and of every snapshot).
     */
    public static final String BOOK_DEPTH_LEVELS_PROP_NAME = "hellmoon.synthetic.book.depth.levels";

    /**
     * Default levels per side.
     */
    public static final int BOOK_DEPTH_LEVELS_DEFAULT = 20;

    /**
     * Update speed of the diff-depth stream in milliseconds, as Binance offers it: 100, 250 or 500.
     */
    public static final String DEPTH_INTERVAL_MS_PROP_NAME = "hellmoon.synthetic.depth.interval.ms";

    /**
     * Default diff-depth update speed ({@code <symbol>@depth@100ms}).
     */
    public static final int DEPTH_INTERVAL_MS_DEFAULT = 100;

    /**
     * Update speed of the mark price stream in milliseconds: 1000 ({@code @markPrice@1s}) or 3000 ({@code @markPrice}).
     */
    public static final String MARK_PRICE_INTERVAL_MS_PROP_NAME = "hellmoon.synthetic.mark.price.interval.ms";

    /**
     * Default mark price update speed.
     */
    public static final int MARK_PRICE_INTERVAL_MS_DEFAULT = 3_000;

    /**
     * Interval of interim (not yet closed) 1m kline updates in milliseconds, sent only when the bar has new trades;
     * 0 sends only the closing kline. Binance sends them every 250 ms; the default saves the budget for ticks.
     */
    public static final String KLINE_UPDATE_INTERVAL_MS_PROP_NAME = "hellmoon.synthetic.kline.update.interval.ms";

    /**
     * Default interim kline interval.
     */
    public static final int KLINE_UPDATE_INTERVAL_MS_DEFAULT = 2_000;

    /**
     * Randomly scheduled anomalies per instrument per hour (0 for none).
     */
    public static final String ANOMALY_RATE_PROP_NAME = "hellmoon.synthetic.anomaly.rate.per.instrument.hour";

    /**
     * Default anomaly rate.
     */
    public static final double ANOMALY_RATE_DEFAULT = 1.0;

    /**
     * Quiet period after the start before random anomalies begin, so detectors have baselines (e.g. {@code 2m}).
     */
    public static final String ANOMALY_WARM_UP_PROP_NAME = "hellmoon.synthetic.anomaly.warm.up";

    /**
     * Default anomaly warm-up.
     */
    public static final long ANOMALY_WARM_UP_NS_DEFAULT = TimeUnit.MINUTES.toNanos(2);

    /**
     * Background (non-cascade) liquidations per instrument per hour.
     */
    public static final String LIQUIDATION_RATE_PROP_NAME = "hellmoon.synthetic.liquidation.rate.per.instrument.hour";

    /**
     * Default background liquidation rate.
     */
    public static final double LIQUIDATION_RATE_DEFAULT = 1.0;

    /**
     * Number of closed 1m bars whose high or low a BREAKOUT goes through.
     */
    public static final String BREAKOUT_LOOKBACK_BARS_PROP_NAME = "hellmoon.synthetic.breakout.lookback.bars";

    /**
     * Default breakout lookback.
     */
    public static final int BREAKOUT_LOOKBACK_BARS_DEFAULT = 20;

    /**
     * Closed 1m klines of history delivered for every instrument before the live frames, covering the whole minutes
     * before the start (what a live feed handler seeds its indicators with from {@code /fapi/v1/klines}); 0 for none,
     * at most 1440 (a day).
     */
    public static final String HISTORY_BARS_PROP_NAME = "hellmoon.synthetic.history.bars";

    /**
     * Default history: none.
     */
    public static final int HISTORY_BARS_DEFAULT = 0;

    /**
     * Number of top levels a BOOK_IMBALANCE loads.
     */
    public static final String IMBALANCE_LEVELS_PROP_NAME = "hellmoon.synthetic.imbalance.levels";

    /**
     * Default imbalance levels.
     */
    public static final int IMBALANCE_LEVELS_DEFAULT = 10;

    /**
     * Fewest forced liquidations in a LIQUIDATION_CASCADE.
     */
    public static final String CASCADE_MIN_ORDERS_PROP_NAME = "hellmoon.synthetic.cascade.min.orders";

    /**
     * Default fewest cascade liquidations.
     */
    public static final int CASCADE_MIN_ORDERS_DEFAULT = 6;

    /**
     * Lowest initial price; prices are spread log-uniformly between the bounds.
     */
    public static final String MIN_PRICE_PROP_NAME = "hellmoon.synthetic.min.price";

    /**
     * Default lowest initial price.
     */
    public static final double MIN_PRICE_DEFAULT = 0.001;

    /**
     * Highest initial price.
     */
    public static final String MAX_PRICE_PROP_NAME = "hellmoon.synthetic.max.price";

    /**
     * Default highest initial price.
     */
    public static final double MAX_PRICE_DEFAULT = 60_000.0;

    private SyntheticMarketConfiguration()
    {
    }

    /**
     * Configured instrument count.
     *
     * @return the count.
     */
    public static int instrumentCount()
    {
        return Integer.getInteger(INSTRUMENT_COUNT_PROP_NAME, INSTRUMENT_COUNT_DEFAULT);
    }

    /**
     * Configured seed.
     *
     * @return the seed.
     */
    public static long seed()
    {
        return Long.getLong(SEED_PROP_NAME, SEED_DEFAULT);
    }

    /**
     * Configured frame rate.
     *
     * @return frames per second.
     */
    public static double messageRate()
    {
        return doubleProperty(MESSAGE_RATE_PROP_NAME, MESSAGE_RATE_DEFAULT);
    }

    /**
     * Configured symbol prefix.
     *
     * @return the prefix.
     */
    public static String symbolPrefix()
    {
        return getProperty(SYMBOL_PREFIX_PROP_NAME, SYMBOL_PREFIX_DEFAULT);
    }

    /**
     * Configured quote asset.
     *
     * @return the asset.
     */
    public static String quoteAsset()
    {
        return getProperty(QUOTE_ASSET_PROP_NAME, QUOTE_ASSET_DEFAULT);
    }

    /**
     * Configured venue.
     *
     * @return the venue.
     */
    public static Venue venue()
    {
        final String name = getProperty(VENUE_PROP_NAME);
        return null == name ? VENUE_DEFAULT : Venues.parse(name);
    }

    /**
     * Configured start time.
     *
     * @return epoch nanoseconds.
     */
    public static long startTimeNs()
    {
        return TimeUnit.MILLISECONDS.toNanos(Long.getLong(START_TIME_MS_PROP_NAME, START_TIME_MS_DEFAULT));
    }

    /**
     * Configured book depth.
     *
     * @return levels per side.
     */
    public static int bookDepthLevels()
    {
        return Integer.getInteger(BOOK_DEPTH_LEVELS_PROP_NAME, BOOK_DEPTH_LEVELS_DEFAULT);
    }

    /**
     * Configured diff-depth update speed.
     *
     * @return milliseconds.
     */
    public static int depthIntervalMs()
    {
        return Integer.getInteger(DEPTH_INTERVAL_MS_PROP_NAME, DEPTH_INTERVAL_MS_DEFAULT);
    }

    /**
     * Configured mark price update speed.
     *
     * @return milliseconds.
     */
    public static int markPriceIntervalMs()
    {
        return Integer.getInteger(MARK_PRICE_INTERVAL_MS_PROP_NAME, MARK_PRICE_INTERVAL_MS_DEFAULT);
    }

    /**
     * Configured interim kline interval.
     *
     * @return milliseconds, 0 for closing klines only.
     */
    public static int klineUpdateIntervalMs()
    {
        return Integer.getInteger(KLINE_UPDATE_INTERVAL_MS_PROP_NAME, KLINE_UPDATE_INTERVAL_MS_DEFAULT);
    }

    /**
     * Configured anomaly rate.
     *
     * @return anomalies per instrument per hour.
     */
    public static double anomalyRatePerInstrumentHour()
    {
        return doubleProperty(ANOMALY_RATE_PROP_NAME, ANOMALY_RATE_DEFAULT);
    }

    /**
     * Configured anomaly warm-up.
     *
     * @return nanoseconds.
     */
    public static long anomalyWarmUpNs()
    {
        return SystemUtil.getDurationInNanos(ANOMALY_WARM_UP_PROP_NAME, ANOMALY_WARM_UP_NS_DEFAULT);
    }

    /**
     * Configured background liquidation rate.
     *
     * @return liquidations per instrument per hour.
     */
    public static double liquidationRatePerInstrumentHour()
    {
        return doubleProperty(LIQUIDATION_RATE_PROP_NAME, LIQUIDATION_RATE_DEFAULT);
    }

    /**
     * Configured breakout lookback.
     *
     * @return closed 1m bars.
     */
    public static int breakoutLookbackBars()
    {
        return Integer.getInteger(BREAKOUT_LOOKBACK_BARS_PROP_NAME, BREAKOUT_LOOKBACK_BARS_DEFAULT);
    }

    /**
     * Configured history.
     *
     * @return closed 1m klines per instrument before the start, 0 for none.
     */
    public static int historyBars()
    {
        return Integer.getInteger(HISTORY_BARS_PROP_NAME, HISTORY_BARS_DEFAULT);
    }

    /**
     * Configured imbalance levels.
     *
     * @return top levels loaded by a BOOK_IMBALANCE.
     */
    public static int imbalanceLevels()
    {
        return Integer.getInteger(IMBALANCE_LEVELS_PROP_NAME, IMBALANCE_LEVELS_DEFAULT);
    }

    /**
     * Configured fewest cascade liquidations.
     *
     * @return forced liquidations.
     */
    public static int cascadeMinOrders()
    {
        return Integer.getInteger(CASCADE_MIN_ORDERS_PROP_NAME, CASCADE_MIN_ORDERS_DEFAULT);
    }

    /**
     * Configured lowest initial price.
     *
     * @return the price.
     */
    public static double minPrice()
    {
        return doubleProperty(MIN_PRICE_PROP_NAME, MIN_PRICE_DEFAULT);
    }

    /**
     * Configured highest initial price.
     *
     * @return the price.
     */
    public static double maxPrice()
    {
        return doubleProperty(MAX_PRICE_PROP_NAME, MAX_PRICE_DEFAULT);
    }

    private static double doubleProperty(final String name, final double defaultValue)
    {
        final String value = getProperty(name);
        if (null == value)
        {
            return defaultValue;
        }
        try
        {
            return Double.parseDouble(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(name + ": not a number: '" + value + "'", ex);
        }
    }
}
