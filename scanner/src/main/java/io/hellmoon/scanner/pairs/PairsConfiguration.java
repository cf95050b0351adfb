/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import org.agrona.SystemUtil;

import static java.lang.System.getProperty;

/**
 * Property names and defaults of the pairs detector; a {@link PairsContext} is seeded from these getters and its
 * fluent setters override them. Durations take Agrona's suffixes ({@code ms}, {@code s}; plain numbers are
 * nanoseconds) and are measured on the messages' event time. Every key is described in {@code scanner/PAIRS.md}.
 */
public final class PairsConfiguration
{
    /**
     * Whether the detector publishes its events at start (the state machine runs either way).
     */
    public static final String ENABLED_PROP_NAME = "hellmoon.scanner.pairs.enabled";

    /**
     * Default for {@link #ENABLED_PROP_NAME}.
     */
    public static final boolean ENABLED_DEFAULT = true;

    /**
     * Pairs to watch, comma separated: {@code LEG1/LEG2} or {@code LEG1/LEG2@hedgeRatio} or
     * {@code LEG1/LEG2@hedgeRatio@intercept}; a leg is {@code SYMBOL} (in the default venue) or {@code VENUE:SYMBOL}.
     */
    public static final String LIST_PROP_NAME = "hellmoon.scanner.pairs.list";

    /**
     * A CSV written by {@code hellmoon pairs scan --csv}: its first {@link #SCAN_TOP_PROP_NAME} rows are watched
     * with their hedge ratios and intercepts.
     */
    public static final String SCAN_FILE_PROP_NAME = "hellmoon.scanner.pairs.scan.file";

    /**
     * Rows of the scan file used.
     */
    public static final String SCAN_TOP_PROP_NAME = "hellmoon.scanner.pairs.scan.top";

    /**
     * Default for {@link #SCAN_TOP_PROP_NAME}.
     */
    public static final int SCAN_TOP_DEFAULT = 10;

    /**
     * Venue of symbols given without a {@code VENUE:} prefix.
     */
    public static final String VENUE_PROP_NAME = "hellmoon.scanner.pairs.venue";

    /**
     * Default for {@link #VENUE_PROP_NAME}.
     */
    public static final String VENUE_DEFAULT = "BINANCE_SPOT";

    /**
     * Event-time interval at which each pair's Kalman filter and spread window take a sample of the legs' last
     * prices.
     */
    public static final String SAMPLE_INTERVAL_PROP_NAME = "hellmoon.scanner.pairs.sample.interval";

    /**
     * Default for {@link #SAMPLE_INTERVAL_PROP_NAME}.
     */
    public static final String SAMPLE_INTERVAL_DEFAULT = "1s";

    /**
     * Samples in the rolling window of the spread's mean and standard deviation.
     */
    public static final String LOOKBACK_PROP_NAME = "hellmoon.scanner.pairs.lookback";

    /**
     * Default for {@link #LOOKBACK_PROP_NAME}.
     */
    public static final int LOOKBACK_DEFAULT = 300;

    /**
     * Samples before a pair may signal; 0 means the lookback.
     */
    public static final String WARMUP_PROP_NAME = "hellmoon.scanner.pairs.warmup";

    /**
     * Default for {@link #WARMUP_PROP_NAME}.
     */
    public static final int WARMUP_DEFAULT = 0;

    /**
     * Kalman transition variance relative to the observation variance: {@code W = delta / (1 - delta) * Ve * I}.
     */
    public static final String KALMAN_DELTA_PROP_NAME = "hellmoon.scanner.pairs.kalman.delta";

    /**
     * Default for {@link #KALMAN_DELTA_PROP_NAME}: the intercept forgets over about 1,000 samples.
     */
    public static final double KALMAN_DELTA_DEFAULT = 1e-6;

    /**
     * Kalman observation variance {@code Ve} of the log-price regression (log units squared).
     */
    public static final String KALMAN_OBSERVATION_VARIANCE_PROP_NAME =
        "hellmoon.scanner.pairs.kalman.observation.variance";

    /**
     * Default for {@link #KALMAN_OBSERVATION_VARIANCE_PROP_NAME}: 1 bp spread noise per sample.
     */
    public static final double KALMAN_OBSERVATION_VARIANCE_DEFAULT = 1e-8;

    /**
     * Diagonal of the Kalman state's initial covariance.
     */
    public static final String KALMAN_INITIAL_VARIANCE_PROP_NAME = "hellmoon.scanner.pairs.kalman.initial.variance";

    /**
     * Default for {@link #KALMAN_INITIAL_VARIANCE_PROP_NAME}.
     */
    public static final double KALMAN_INITIAL_VARIANCE_DEFAULT = 1e-4;

    /**
     * |z| above which a flat pair enters.
     */
    public static final String ENTRY_Z_PROP_NAME = "hellmoon.scanner.pairs.entry.z";

    /**
     * Default for {@link #ENTRY_Z_PROP_NAME}.
     */
    public static final double ENTRY_Z_DEFAULT = 2.0;

    /**
     * |z| below which a position exits.
     */
    public static final String EXIT_Z_PROP_NAME = "hellmoon.scanner.pairs.exit.z";

    /**
     * Default for {@link #EXIT_Z_PROP_NAME}.
     */
    public static final double EXIT_Z_DEFAULT = 0.5;

    /**
     * |z| above which a position is stopped out (and above which a flat pair does not enter).
     */
    public static final String STOP_Z_PROP_NAME = "hellmoon.scanner.pairs.stop.z";

    /**
     * Default for {@link #STOP_Z_PROP_NAME}.
     */
    public static final double STOP_Z_DEFAULT = 4.0;

    /**
     * |z| from which a signal is NORMAL rather than WEAK.
     */
    public static final String STRENGTH_NORMAL_Z_PROP_NAME = "hellmoon.scanner.pairs.strength.normal.z";

    /**
     * Default for {@link #STRENGTH_NORMAL_Z_PROP_NAME}.
     */
    public static final double STRENGTH_NORMAL_Z_DEFAULT = 2.5;

    /**
     * |z| from which a signal is STRONG.
     */
    public static final String STRENGTH_STRONG_Z_PROP_NAME = "hellmoon.scanner.pairs.strength.strong.z";

    /**
     * Default for {@link #STRENGTH_STRONG_Z_PROP_NAME}.
     */
    public static final double STRENGTH_STRONG_Z_DEFAULT = 3.0;

    /**
     * |z| from which a signal is EXTREME.
     */
    public static final String STRENGTH_EXTREME_Z_PROP_NAME = "hellmoon.scanner.pairs.strength.extreme.z";

    /**
     * Default for {@link #STRENGTH_EXTREME_Z_PROP_NAME}.
     */
    public static final double STRENGTH_EXTREME_Z_DEFAULT = 4.0;

    /**
     * The same signal (kind and direction) of the same pair is not sent again within this time.
     */
    public static final String SUPPRESSION_PROP_NAME = "hellmoon.scanner.pairs.suppression";

    /**
     * Default for {@link #SUPPRESSION_PROP_NAME}.
     */
    public static final String SUPPRESSION_DEFAULT = "30s";

    /**
     * A leg without a trade for this long is stale: its pair takes no sample and gives no signal.
     */
    public static final String STALE_AFTER_PROP_NAME = "hellmoon.scanner.pairs.stale.after";

    /**
     * Default for {@link #STALE_AFTER_PROP_NAME}.
     */
    public static final String STALE_AFTER_DEFAULT = "60s";

    /**
     * Floor of the spread's standard deviation in the z-score (log units), so a flat spread gives no infinite z.
     */
    public static final String MIN_SPREAD_STD_PROP_NAME = "hellmoon.scanner.pairs.min.spread.std";

    /**
     * Default for {@link #MIN_SPREAD_STD_PROP_NAME}: 0.01 bp.
     */
    public static final double MIN_SPREAD_STD_DEFAULT = 1e-6;

    private PairsConfiguration()
    {
    }

    /**
     * See {@link #ENABLED_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static boolean enabled()
    {
        return Boolean.parseBoolean(getProperty(ENABLED_PROP_NAME, String.valueOf(ENABLED_DEFAULT)));
    }

    /**
     * See {@link #LIST_PROP_NAME}.
     *
     * @return the configured value, empty for none.
     */
    public static String list()
    {
        return getProperty(LIST_PROP_NAME, "");
    }

    /**
     * See {@link #SCAN_FILE_PROP_NAME}.
     *
     * @return the configured value, null for none.
     */
    public static String scanFile()
    {
        return getProperty(SCAN_FILE_PROP_NAME);
    }

    /**
     * See {@link #SCAN_TOP_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static int scanTop()
    {
        return Integer.getInteger(SCAN_TOP_PROP_NAME, SCAN_TOP_DEFAULT);
    }

    /**
     * See {@link #VENUE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static String venue()
    {
        return getProperty(VENUE_PROP_NAME, VENUE_DEFAULT);
    }

    /**
     * See {@link #SAMPLE_INTERVAL_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long sampleIntervalNs()
    {
        return SystemUtil.parseDuration(
            SAMPLE_INTERVAL_PROP_NAME, getProperty(SAMPLE_INTERVAL_PROP_NAME, SAMPLE_INTERVAL_DEFAULT));
    }

    /**
     * See {@link #LOOKBACK_PROP_NAME}.
     *
     * @return samples.
     */
    public static int lookback()
    {
        return Integer.getInteger(LOOKBACK_PROP_NAME, LOOKBACK_DEFAULT);
    }

    /**
     * See {@link #WARMUP_PROP_NAME}.
     *
     * @return samples.
     */
    public static int warmup()
    {
        return Integer.getInteger(WARMUP_PROP_NAME, WARMUP_DEFAULT);
    }

    /**
     * See {@link #KALMAN_DELTA_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double kalmanDelta()
    {
        return doubleProperty(KALMAN_DELTA_PROP_NAME, KALMAN_DELTA_DEFAULT);
    }

    /**
     * See {@link #KALMAN_OBSERVATION_VARIANCE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double kalmanObservationVariance()
    {
        return doubleProperty(KALMAN_OBSERVATION_VARIANCE_PROP_NAME, KALMAN_OBSERVATION_VARIANCE_DEFAULT);
    }

    /**
     * See {@link #KALMAN_INITIAL_VARIANCE_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double kalmanInitialVariance()
    {
        return doubleProperty(KALMAN_INITIAL_VARIANCE_PROP_NAME, KALMAN_INITIAL_VARIANCE_DEFAULT);
    }

    /**
     * See {@link #ENTRY_Z_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double entryZ()
    {
        return doubleProperty(ENTRY_Z_PROP_NAME, ENTRY_Z_DEFAULT);
    }

    /**
     * See {@link #EXIT_Z_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double exitZ()
    {
        return doubleProperty(EXIT_Z_PROP_NAME, EXIT_Z_DEFAULT);
    }

    /**
     * See {@link #STOP_Z_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double stopZ()
    {
        return doubleProperty(STOP_Z_PROP_NAME, STOP_Z_DEFAULT);
    }

    /**
     * See {@link #STRENGTH_NORMAL_Z_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double strengthNormalZ()
    {
        return doubleProperty(STRENGTH_NORMAL_Z_PROP_NAME, STRENGTH_NORMAL_Z_DEFAULT);
    }

    /**
     * See {@link #STRENGTH_STRONG_Z_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double strengthStrongZ()
    {
        return doubleProperty(STRENGTH_STRONG_Z_PROP_NAME, STRENGTH_STRONG_Z_DEFAULT);
    }

    /**
     * See {@link #STRENGTH_EXTREME_Z_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double strengthExtremeZ()
    {
        return doubleProperty(STRENGTH_EXTREME_Z_PROP_NAME, STRENGTH_EXTREME_Z_DEFAULT);
    }

    /**
     * See {@link #SUPPRESSION_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long suppressionNs()
    {
        return SystemUtil.parseDuration(
            SUPPRESSION_PROP_NAME, getProperty(SUPPRESSION_PROP_NAME, SUPPRESSION_DEFAULT));
    }

    /**
     * See {@link #STALE_AFTER_PROP_NAME}.
     *
     * @return nanoseconds.
     */
    public static long staleAfterNs()
    {
        return SystemUtil.parseDuration(
            STALE_AFTER_PROP_NAME, getProperty(STALE_AFTER_PROP_NAME, STALE_AFTER_DEFAULT));
    }

    /**
     * See {@link #MIN_SPREAD_STD_PROP_NAME}.
     *
     * @return the configured value.
     */
    public static double minSpreadStd()
    {
        return doubleProperty(MIN_SPREAD_STD_PROP_NAME, MIN_SPREAD_STD_DEFAULT);
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
            throw new IllegalArgumentException(name + "=" + value + ": not a number", ex);
        }
    }
}
