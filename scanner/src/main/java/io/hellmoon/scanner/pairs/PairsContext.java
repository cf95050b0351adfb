/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.Venues;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.sbe.Venue;
import io.hellmoon.scanner.ScannerConfiguration;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Configuration of a {@link PairsDetector}: every field starts from {@link PairsConfiguration}'s system-property
 * default and can be overridden with its fluent setter; {@link #conclude()} validates, resolves the pairs (explicit
 * {@link #addPair}s, then the {@link #list()}, then the top rows of the {@link #scanFile()}; symbols through the
 * {@link #registry()}) and fails fast naming the key and the reason.
 * <p>
 * A context is single use: do not share or reuse one after it has been concluded. Not thread safe.
 */
public final class PairsContext
{
    /**
     * Counters a detector creates through its {@link CounterFactory}.
     */
    static final int LOCAL_COUNTERS = 4;

    private boolean isConcluded;
    private EpochNanoClock clock;
    private CounterFactory counterFactory;
    private InstrumentRegistry registry;
    private final List<PairSpec> explicitPairs = new ArrayList<>();
    private List<PairSpec> pairs;
    private boolean enabled = PairsConfiguration.enabled();
    private int scannerId = ScannerConfiguration.scannerId();
    private String list = PairsConfiguration.list();
    private String scanFile = PairsConfiguration.scanFile();
    private int scanTop = PairsConfiguration.scanTop();
    private String venue = PairsConfiguration.venue();
    private long sampleIntervalNs = PairsConfiguration.sampleIntervalNs();
    private int lookback = PairsConfiguration.lookback();
    private int warmup = PairsConfiguration.warmup();
    private double kalmanDelta = PairsConfiguration.kalmanDelta();
    private double kalmanObservationVariance = PairsConfiguration.kalmanObservationVariance();
    private double kalmanInitialVariance = PairsConfiguration.kalmanInitialVariance();
    private double entryZ = PairsConfiguration.entryZ();
    private double exitZ = PairsConfiguration.exitZ();
    private double stopZ = PairsConfiguration.stopZ();
    private double strengthNormalZ = PairsConfiguration.strengthNormalZ();
    private double strengthStrongZ = PairsConfiguration.strengthStrongZ();
    private double strengthExtremeZ = PairsConfiguration.strengthExtremeZ();
    private long suppressionNs = PairsConfiguration.suppressionNs();
    private long staleAfterNs = PairsConfiguration.staleAfterNs();
    private double minSpreadStd = PairsConfiguration.minSpreadStd();

    /**
     * The whether events are published at start.
     *
     * @return the value.
     * @see PairsConfiguration#ENABLED_PROP_NAME
     */
    public boolean enabled()
    {
        return enabled;
    }

    /**
     * Set the whether events are published at start.
     *
     * @param enabled the value.
     * @return this for a fluent API.
     */
    public PairsContext enabled(final boolean enabled)
    {
        this.enabled = enabled;
        return this;
    }

    /**
     * The the scanner id, part of every anomaly id.
     *
     * @return the value.
     * @see ScannerConfiguration#SCANNER_ID_PROP_NAME
     */
    public int scannerId()
    {
        return scannerId;
    }

    /**
     * Set the the scanner id, part of every anomaly id.
     *
     * @param scannerId the value.
     * @return this for a fluent API.
     */
    public PairsContext scannerId(final int scannerId)
    {
        this.scannerId = scannerId;
        return this;
    }

    /**
     * The the pairs to watch, as symbols.
     *
     * @return the value.
     * @see PairsConfiguration#LIST_PROP_NAME
     */
    public String list()
    {
        return list;
    }

    /**
     * Set the the pairs to watch, as symbols.
     *
     * @param list the value.
     * @return this for a fluent API.
     */
    public PairsContext list(final String list)
    {
        this.list = list;
        return this;
    }

    /**
     * The the scan CSV whose top pairs are watched, null for none.
     *
     * @return the value.
     * @see PairsConfiguration#SCAN_FILE_PROP_NAME
     */
    public String scanFile()
    {
        return scanFile;
    }

    /**
     * Set the the scan CSV whose top pairs are watched, null for none.
     *
     * @param scanFile the value.
     * @return this for a fluent API.
     */
    public PairsContext scanFile(final String scanFile)
    {
        this.scanFile = scanFile;
        return this;
    }

    /**
     * The the rows of the scan file used.
     *
     * @return the value.
     * @see PairsConfiguration#SCAN_TOP_PROP_NAME
     */
    public int scanTop()
    {
        return scanTop;
    }

    /**
     * Set the the rows of the scan file used.
     *
     * @param scanTop the value.
     * @return this for a fluent API.
     */
    public PairsContext scanTop(final int scanTop)
    {
        this.scanTop = scanTop;
        return this;
    }

    /**
     * The the venue of symbols without a prefix.
     *
     * @return the value.
     * @see PairsConfiguration#VENUE_PROP_NAME
     */
    public String venue()
    {
        return venue;
    }

    /**
     * Set the the venue of symbols without a prefix.
     *
     * @param venue the value.
     * @return this for a fluent API.
     */
    public PairsContext venue(final String venue)
    {
        this.venue = venue;
        return this;
    }

    /**
     * The the sampling interval in event-time nanoseconds.
     *
     * @return the value.
     * @see PairsConfiguration#SAMPLE_INTERVAL_PROP_NAME
     */
    public long sampleIntervalNs()
    {
        return sampleIntervalNs;
    }

    /**
     * Set the the sampling interval in event-time nanoseconds.
     *
     * @param sampleIntervalNs the value.
     * @return this for a fluent API.
     */
    public PairsContext sampleIntervalNs(final long sampleIntervalNs)
    {
        this.sampleIntervalNs = sampleIntervalNs;
        return this;
    }

    /**
     * The the samples in the spread's rolling window.
     *
     * @return the value.
     * @see PairsConfiguration#LOOKBACK_PROP_NAME
     */
    public int lookback()
    {
        return lookback;
    }

    /**
     * Set the the samples in the spread's rolling window.
     *
     * @param lookback the value.
     * @return this for a fluent API.
     */
    public PairsContext lookback(final int lookback)
    {
        this.lookback = lookback;
        return this;
    }

    /**
     * The the samples before a pair may signal, 0 for the lookback.
     *
     * @return the value.
     * @see PairsConfiguration#WARMUP_PROP_NAME
     */
    public int warmup()
    {
        return warmup;
    }

    /**
     * Set the the samples before a pair may signal, 0 for the lookback.
     *
     * @param warmup the value.
     * @return this for a fluent API.
     */
    public PairsContext warmup(final int warmup)
    {
        this.warmup = warmup;
        return this;
    }

    /**
     * The the Kalman transition variance relative to the observation variance.
     *
     * @return the value.
     * @see PairsConfiguration#KALMAN_DELTA_PROP_NAME
     */
    public double kalmanDelta()
    {
        return kalmanDelta;
    }

    /**
     * Set the the Kalman transition variance relative to the observation variance.
     *
     * @param kalmanDelta the value.
     * @return this for a fluent API.
     */
    public PairsContext kalmanDelta(final double kalmanDelta)
    {
        this.kalmanDelta = kalmanDelta;
        return this;
    }

    /**
     * The the Kalman observation variance.
     *
     * @return the value.
     * @see PairsConfiguration#KALMAN_OBSERVATION_VARIANCE_PROP_NAME
     */
    public double kalmanObservationVariance()
    {
        return kalmanObservationVariance;
    }

    /**
     * Set the the Kalman observation variance.
     *
     * @param kalmanObservationVariance the value.
     * @return this for a fluent API.
     */
    public PairsContext kalmanObservationVariance(final double kalmanObservationVariance)
    {
        this.kalmanObservationVariance = kalmanObservationVariance;
        return this;
    }

    /**
     * The the Kalman initial state variance.
     *
     * @return the value.
     * @see PairsConfiguration#KALMAN_INITIAL_VARIANCE_PROP_NAME
     */
    public double kalmanInitialVariance()
    {
        return kalmanInitialVariance;
    }

    /**
     * Set the the Kalman initial state variance.
     *
     * @param kalmanInitialVariance the value.
     * @return this for a fluent API.
     */
    public PairsContext kalmanInitialVariance(final double kalmanInitialVariance)
    {
        this.kalmanInitialVariance = kalmanInitialVariance;
        return this;
    }

    /**
     * The the entry |z|.
     *
     * @return the value.
     * @see PairsConfiguration#ENTRY_Z_PROP_NAME
     */
    public double entryZ()
    {
        return entryZ;
    }

    /**
     * Set the the entry |z|.
     *
     * @param entryZ the value.
     * @return this for a fluent API.
     */
    public PairsContext entryZ(final double entryZ)
    {
        this.entryZ = entryZ;
        return this;
    }

    /**
     * The the exit |z|.
     *
     * @return the value.
     * @see PairsConfiguration#EXIT_Z_PROP_NAME
     */
    public double exitZ()
    {
        return exitZ;
    }

    /**
     * Set the the exit |z|.
     *
     * @param exitZ the value.
     * @return this for a fluent API.
     */
    public PairsContext exitZ(final double exitZ)
    {
        this.exitZ = exitZ;
        return this;
    }

    /**
     * The the stop |z|.
     *
     * @return the value.
     * @see PairsConfiguration#STOP_Z_PROP_NAME
     */
    public double stopZ()
    {
        return stopZ;
    }

    /**
     * Set the the stop |z|.
     *
     * @param stopZ the value.
     * @return this for a fluent API.
     */
    public PairsContext stopZ(final double stopZ)
    {
        this.stopZ = stopZ;
        return this;
    }

    /**
     * The the |z| from which a signal is NORMAL.
     *
     * @return the value.
     * @see PairsConfiguration#STRENGTH_NORMAL_Z_PROP_NAME
     */
    public double strengthNormalZ()
    {
        return strengthNormalZ;
    }

    /**
     * Set the the |z| from which a signal is NORMAL.
     *
     * @param strengthNormalZ the value.
     * @return this for a fluent API.
     */
    public PairsContext strengthNormalZ(final double strengthNormalZ)
    {
        this.strengthNormalZ = strengthNormalZ;
        return this;
    }

    /**
     * The the |z| from which a signal is STRONG.
     *
     * @return the value.
     * @see PairsConfiguration#STRENGTH_STRONG_Z_PROP_NAME
     */
    public double strengthStrongZ()
    {
        return strengthStrongZ;
    }

    /**
     * Set the the |z| from which a signal is STRONG.
     *
     * @param strengthStrongZ the value.
     * @return this for a fluent API.
     */
    public PairsContext strengthStrongZ(final double strengthStrongZ)
    {
        this.strengthStrongZ = strengthStrongZ;
        return this;
    }

    /**
     * The the |z| from which a signal is EXTREME.
     *
     * @return the value.
     * @see PairsConfiguration#STRENGTH_EXTREME_Z_PROP_NAME
     */
    public double strengthExtremeZ()
    {
        return strengthExtremeZ;
    }

    /**
     * Set the the |z| from which a signal is EXTREME.
     *
     * @param strengthExtremeZ the value.
     * @return this for a fluent API.
     */
    public PairsContext strengthExtremeZ(final double strengthExtremeZ)
    {
        this.strengthExtremeZ = strengthExtremeZ;
        return this;
    }

    /**
     * The the duplicate-suppression time in nanoseconds.
     *
     * @return the value.
     * @see PairsConfiguration#SUPPRESSION_PROP_NAME
     */
    public long suppressionNs()
    {
        return suppressionNs;
    }

    /**
     * Set the the duplicate-suppression time in nanoseconds.
     *
     * @param suppressionNs the value.
     * @return this for a fluent API.
     */
    public PairsContext suppressionNs(final long suppressionNs)
    {
        this.suppressionNs = suppressionNs;
        return this;
    }

    /**
     * The the time after which a leg without trades is stale, in nanoseconds.
     *
     * @return the value.
     * @see PairsConfiguration#STALE_AFTER_PROP_NAME
     */
    public long staleAfterNs()
    {
        return staleAfterNs;
    }

    /**
     * Set the the time after which a leg without trades is stale, in nanoseconds.
     *
     * @param staleAfterNs the value.
     * @return this for a fluent API.
     */
    public PairsContext staleAfterNs(final long staleAfterNs)
    {
        this.staleAfterNs = staleAfterNs;
        return this;
    }

    /**
     * The the floor of the spread's standard deviation.
     *
     * @return the value.
     * @see PairsConfiguration#MIN_SPREAD_STD_PROP_NAME
     */
    public double minSpreadStd()
    {
        return minSpreadStd;
    }

    /**
     * Set the the floor of the spread's standard deviation.
     *
     * @param minSpreadStd the value.
     * @return this for a fluent API.
     */
    public PairsContext minSpreadStd(final double minSpreadStd)
    {
        this.minSpreadStd = minSpreadStd;
        return this;
    }

    /**
     * Clock that stamps publish times (default: the system's epoch clock).
     *
     * @return the clock.
     */
    public EpochNanoClock clock()
    {
        return clock;
    }

    /**
     * Set the clock that stamps publish times; decisions never read it.
     *
     * @param clock the clock.
     * @return this for a fluent API.
     */
    public PairsContext clock(final EpochNanoClock clock)
    {
        this.clock = clock;
        return this;
    }

    /**
     * Where the detector's counters are allocated (default: local, not in an Aeron counters file).
     *
     * @return the factory.
     */
    public CounterFactory counterFactory()
    {
        return counterFactory;
    }

    /**
     * Set where the detector's counters are allocated.
     *
     * @param counterFactory the factory.
     * @return this for a fluent API.
     */
    public PairsContext counterFactory(final CounterFactory counterFactory)
    {
        this.counterFactory = counterFactory;
        return this;
    }

    /**
     * Registry resolving the symbols of the list and the scan file.
     *
     * @return the registry, null if none.
     */
    public InstrumentRegistry registry()
    {
        return registry;
    }

    /**
     * Set the registry resolving symbols; needed when pairs are given by symbol.
     *
     * @param registry the registry.
     * @return this for a fluent API.
     */
    public PairsContext registry(final InstrumentRegistry registry)
    {
        this.registry = registry;
        return this;
    }

    /**
     * Watch a pair given by instrument ids.
     *
     * @param leg1InstrumentId the dependent leg (the event's instrument).
     * @param leg2InstrumentId the regressor leg (the event's related instrument).
     * @param hedgeRatio       initial hedge ratio, NaN for 1.
     * @param intercept        initial intercept, NaN to fit the first sample.
     * @return this for a fluent API.
     */
    public PairsContext addPair(
        final int leg1InstrumentId, final int leg2InstrumentId, final double hedgeRatio, final double intercept)
    {
        explicitPairs.add(new PairSpec(leg1InstrumentId, leg2InstrumentId, hedgeRatio, intercept));
        return this;
    }

    /**
     * The pairs resolved by {@link #conclude()}.
     *
     * @return the pairs in order: explicit, list, scan file.
     */
    public List<PairSpec> pairs()
    {
        return pairs;
    }

    /**
     * The warm-up in samples after {@link #conclude()}: the lookback when configured as 0.
     *
     * @return samples.
     */
    public int warmupSamples()
    {
        return 0 == warmup ? lookback : warmup;
    }

    /**
     * Whether {@link #conclude()} has run.
     *
     * @return true once concluded.
     */
    public boolean isConcluded()
    {
        return isConcluded;
    }

    /**
     * Validate every value, resolve the pairs and fill in defaults for the clock and the counter factory.
     *
     * @return this.
     * @throws IllegalArgumentException naming the first invalid key, its value and the reason.
     * @throws IllegalStateException    if already concluded.
     */
    public PairsContext conclude()
    {
        if (isConcluded)
        {
            throw new IllegalStateException("PairsContext already concluded: a context is single use");
        }

        require(scannerId >= 0 && scannerId <= 65_535, ScannerConfiguration.SCANNER_ID_PROP_NAME, scannerId,
            "must be in [0, 65535]");
        require(sampleIntervalNs >= TimeUnit.MILLISECONDS.toNanos(1) && sampleIntervalNs <= TimeUnit.DAYS.toNanos(1),
            PairsConfiguration.SAMPLE_INTERVAL_PROP_NAME, sampleIntervalNs + "ns", "must be in [1ms, 1d]");
        require(lookback >= 10 && lookback <= 1_000_000, PairsConfiguration.LOOKBACK_PROP_NAME, lookback,
            "must be in [10, 1000000]");
        require(warmup >= 0 && warmup <= 10_000_000, PairsConfiguration.WARMUP_PROP_NAME, warmup,
            "must be 0 (the lookback) or in [1, 10000000]");
        require(kalmanDelta > 0.0 && kalmanDelta < 1.0, PairsConfiguration.KALMAN_DELTA_PROP_NAME, kalmanDelta,
            "must be in (0, 1)");
        requirePositive(PairsConfiguration.KALMAN_OBSERVATION_VARIANCE_PROP_NAME, kalmanObservationVariance);
        requirePositive(PairsConfiguration.KALMAN_INITIAL_VARIANCE_PROP_NAME, kalmanInitialVariance);
        require(exitZ >= 0.0 && Double.isFinite(exitZ), PairsConfiguration.EXIT_Z_PROP_NAME, exitZ,
            "must be a finite number >= 0");
        require(entryZ > exitZ && Double.isFinite(entryZ), PairsConfiguration.ENTRY_Z_PROP_NAME, entryZ,
            "must be above " + PairsConfiguration.EXIT_Z_PROP_NAME + " (" + exitZ + ")");
        require(stopZ > entryZ && Double.isFinite(stopZ), PairsConfiguration.STOP_Z_PROP_NAME, stopZ,
            "must be above " + PairsConfiguration.ENTRY_Z_PROP_NAME + " (" + entryZ + ")");
        require(strengthNormalZ >= entryZ, PairsConfiguration.STRENGTH_NORMAL_Z_PROP_NAME, strengthNormalZ,
            "must be at least " + PairsConfiguration.ENTRY_Z_PROP_NAME + " (" + entryZ + ")");
        require(strengthStrongZ >= strengthNormalZ, PairsConfiguration.STRENGTH_STRONG_Z_PROP_NAME, strengthStrongZ,
            "must be at least " + PairsConfiguration.STRENGTH_NORMAL_Z_PROP_NAME + " (" + strengthNormalZ + ")");
        require(strengthExtremeZ >= strengthStrongZ && Double.isFinite(strengthExtremeZ),
            PairsConfiguration.STRENGTH_EXTREME_Z_PROP_NAME, strengthExtremeZ,
            "must be at least " + PairsConfiguration.STRENGTH_STRONG_Z_PROP_NAME + " (" + strengthStrongZ + ")");
        require(suppressionNs >= 0 && suppressionNs <= TimeUnit.DAYS.toNanos(1),
            PairsConfiguration.SUPPRESSION_PROP_NAME, suppressionNs + "ns", "must be in [0, 1d]");
        require(staleAfterNs > 0 && staleAfterNs <= TimeUnit.DAYS.toNanos(7),
            PairsConfiguration.STALE_AFTER_PROP_NAME, staleAfterNs + "ns", "must be in (0, 7d]");
        requirePositive(PairsConfiguration.MIN_SPREAD_STD_PROP_NAME, minSpreadStd);
        require(scanTop >= 0, PairsConfiguration.SCAN_TOP_PROP_NAME, scanTop, "must be >= 0 (0 uses every row)");

        final List<PairSpec> resolved = new ArrayList<>(explicitPairs);
        final boolean bySymbol = (null != list && !list.isBlank()) || (null != scanFile && !scanFile.isBlank());
        Venue defaultVenue = null;
        if (bySymbol)
        {
            require(null != registry, null != list && !list.isBlank() ?
                PairsConfiguration.LIST_PROP_NAME : PairsConfiguration.SCAN_FILE_PROP_NAME,
                null != list && !list.isBlank() ? list : scanFile, "pairs by symbol need a registry");
            try
            {
                defaultVenue = Venues.parse(venue);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(PairsConfiguration.VENUE_PROP_NAME + "=" + venue + ": " +
                    ex.getMessage(), ex);
            }
        }
        if (null != list && !list.isBlank())
        {
            for (final String entry : list.split(","))
            {
                resolved.add(parseListEntry(entry.trim(), defaultVenue));
            }
        }
        if (null != scanFile && !scanFile.isBlank())
        {
            final List<CointegrationResult> rows;
            try
            {
                rows = PairsScanFile.read(Path.of(scanFile));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(PairsConfiguration.SCAN_FILE_PROP_NAME + "=" + scanFile + ": " +
                    ex.getMessage(), ex);
            }
            final int count = 0 == scanTop ? rows.size() : Math.min(scanTop, rows.size());
            for (int i = 0; i < count; i++)
            {
                final CointegrationResult row = rows.get(i);
                resolved.add(new PairSpec(
                    resolve(row.leg1(), defaultVenue, PairsConfiguration.SCAN_FILE_PROP_NAME),
                    resolve(row.leg2(), defaultVenue, PairsConfiguration.SCAN_FILE_PROP_NAME),
                    row.hedgeRatio(),
                    row.intercept()));
            }
        }

        for (int i = 0; i < resolved.size(); i++)
        {
            final PairSpec pair = resolved.get(i);
            final String name = pair.leg1InstrumentId() + "/" + pair.leg2InstrumentId();
            require(pair.leg1InstrumentId() > 0 && pair.leg2InstrumentId() > 0, "pair", name,
                "instrument ids must be positive");
            require(pair.leg1InstrumentId() != pair.leg2InstrumentId(), "pair", name, "the legs must differ");
            require(Double.isNaN(pair.hedgeRatio()) || Double.isFinite(pair.hedgeRatio()), "pair", name,
                "hedge ratio must be finite or NaN");
            for (int j = 0; j < i; j++)
            {
                final PairSpec other = resolved.get(j);
                require(other.leg1InstrumentId() != pair.leg1InstrumentId() ||
                    other.leg2InstrumentId() != pair.leg2InstrumentId(), "pair", name, "is given twice");
            }
        }
        pairs = List.copyOf(resolved);

        if (null == clock)
        {
            clock = new SystemEpochNanoClock();
        }
        if (null == counterFactory)
        {
            counterFactory = CounterFactory.local(LOCAL_COUNTERS);
        }
        isConcluded = true;
        return this;
    }

    private PairSpec parseListEntry(final String entry, final Venue defaultVenue)
    {
        final String key = PairsConfiguration.LIST_PROP_NAME;
        final String[] parts = entry.split("@");
        final String[] legs = parts[0].split("/");
        require(2 == legs.length && parts.length <= 3, key, entry,
            "expected LEG1/LEG2, LEG1/LEG2@hedgeRatio or LEG1/LEG2@hedgeRatio@intercept");
        double hedgeRatio = Double.NaN;
        double intercept = Double.NaN;
        try
        {
            if (parts.length > 1)
            {
                hedgeRatio = Double.parseDouble(parts[1].trim());
            }
            if (parts.length > 2)
            {
                intercept = Double.parseDouble(parts[2].trim());
            }
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(key + "=" + entry + ": hedge ratio and intercept must be numbers", ex);
        }
        return new PairSpec(
            resolve(legs[0].trim(), defaultVenue, key), resolve(legs[1].trim(), defaultVenue, key), hedgeRatio,
            intercept);
    }

    private int resolve(final String leg, final Venue defaultVenue, final String key)
    {
        Venue venue = defaultVenue;
        String symbol = leg;
        final int colon = leg.indexOf(':');
        if (colon > 0)
        {
            try
            {
                venue = Venues.parse(leg.substring(0, colon));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(key + ": " + leg + ": " + ex.getMessage(), ex);
            }
            symbol = leg.substring(colon + 1);
        }
        final int id = registry.idOf(venue, symbol);
        require(InstrumentRegistry.NULL_INSTRUMENT_ID != id, key, leg, "no such instrument on " + venue);
        return id;
    }

    private static void requirePositive(final String key, final double value)
    {
        require(value > 0.0 && Double.isFinite(value), key, value, "must be a finite number above 0");
    }

    private static void require(final boolean condition, final String key, final Object value, final String reason)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(key + "=" + value + ": " + reason);
        }
    }

    /**
     * A pair to watch.
     *
     * @param leg1InstrumentId the dependent leg: the event's instrument.
     * @param leg2InstrumentId the regressor leg: the event's related instrument.
     * @param hedgeRatio       initial hedge ratio, NaN for 1.
     * @param intercept        initial intercept, NaN to fit the first sample.
     */
    public record PairSpec(int leg1InstrumentId, int leg2InstrumentId, double hedgeRatio, double intercept)
    {
    }
}
