/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Engle-Granger over every pair of a universe's bars, filtered and ranked: the offline half of pairs trading.
 * <p>
 * Steps: align the bars on the timeframe's grid ({@link AlignedBars}); drop symbols whose daily quote volume is below
 * the minimum; for each unordered pair, take the overlap of the legs' ranges (at least the minimum observations),
 * require the correlation of their log returns to be at least the minimum, run {@link EngleGranger} on the log closes
 * in both directions and keep the direction with the smaller tau (so leg 1, the dependent leg, is not an accident of
 * the input order; the reported p-value is that of the better direction); keep pairs with a p-value at most the
 * maximum; rank by p-value, then half-life, then names ({@link CointegrationResult#compareRank}); keep the top N.
 * <p>
 * Pairs are tested in parallel on a pool of the configured size, each worker with its own scratch; the result does
 * not depend on the number of threads. Cost per pair is O(T p) for T bars and p ADF lags.
 */
public final class CointegrationScanner
{
    private final Context ctx;

    /**
     * A scanner.
     *
     * @param ctx configuration; concluded here if it was not already.
     */
    public CointegrationScanner(final Context ctx)
    {
        if (!ctx.isConcluded)
        {
            ctx.conclude();
        }
        this.ctx = ctx;
    }

    /**
     * Scan a universe.
     *
     * @param series one per symbol.
     * @return the ranked pairs and what was filtered.
     * @throws IllegalArgumentException if the bars cannot be aligned on the timeframe.
     */
    public PairsScanReport scan(final List<BarSeries> series)
    {
        final AlignedBars bars = AlignedBars.of(series, ctx.timeframe);
        final List<Integer> universe = new ArrayList<>();
        for (int s = 0; s < bars.symbolCount(); s++)
        {
            if (bars.dailyQuoteVolume(s) >= ctx.minDailyQuoteVolume)
            {
                universe.add(s);
            }
        }

        final int count = universe.size();
        final int[] symbols = universe.stream().mapToInt(Integer::intValue).toArray();
        @SuppressWarnings("unchecked")
        final List<CointegrationResult>[] rows = new List[count];
        final long[][] tallies = new long[count][];
        final ThreadLocal<EngleGranger> testers =
            ThreadLocal.withInitial(() -> new EngleGranger(ctx.lagSelection, ctx.maxLags));

        final ForkJoinPool pool = new ForkJoinPool(ctx.threads);
        try
        {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(
                (i) -> scanRow(bars, symbols, i, testers.get(), rows, tallies))).get();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("pairs scan interrupted", ex);
        }
        catch (final ExecutionException ex)
        {
            final Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException)
            {
                throw (RuntimeException)cause;
            }
            throw new IllegalStateException(cause);
        }
        finally
        {
            pool.shutdown();
        }

        final long[] totals = new long[PairsScanReport.TALLY_COUNT];
        final List<CointegrationResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            for (int t = 0; t < totals.length; t++)
            {
                totals[t] += tallies[i][t];
            }
            results.addAll(rows[i]);
        }
        results.sort(CointegrationResult::compareRank);
        final int passing = results.size();
        final List<CointegrationResult> top = ctx.top > 0 && results.size() > ctx.top ?
            new ArrayList<>(results.subList(0, ctx.top)) : results;

        return new PairsScanReport(
            ctx.timeframe, bars.symbolCount(), count, bars.length(), (long)count * (count - 1) / 2, totals,
            passing, top);
    }

    private void scanRow(
        final AlignedBars bars,
        final int[] symbols,
        final int i,
        final EngleGranger tester,
        final List<CointegrationResult>[] rows,
        final long[][] tallies)
    {
        final long[] tally = new long[PairsScanReport.TALLY_COUNT];
        final List<CointegrationResult> row = new ArrayList<>();
        final int a = symbols[i];
        final double[] pricesA = bars.logCloses(a);
        final long stepSeconds = ctx.timeframe.nanos() / 1_000_000_000L;
        for (int j = i + 1; j < symbols.length; j++)
        {
            final int b = symbols[j];
            final int from = Math.max(bars.first(a), bars.first(b));
            final int to = Math.min(bars.end(a), bars.end(b));
            if (to - from < ctx.minObservations)
            {
                tally[PairsScanReport.TOO_SHORT]++;
                continue;
            }
            final double[] pricesB = bars.logCloses(b);
            final double correlation = PairStatistics.returnCorrelation(pricesA, pricesB, from, to);
            if (!(correlation >= ctx.minCorrelation))
            {
                tally[PairsScanReport.LOW_CORRELATION]++;
                continue;
            }

            tally[PairsScanReport.TESTED]++;
            CointegrationResult best = null;
            for (int direction = 0; direction < 2; direction++)
            {
                final int y = 0 == direction ? a : b;
                final int x = 0 == direction ? b : a;
                if (EngleGranger.Status.OK != tester.test(bars.logCloses(y), bars.logCloses(x), from, to))
                {
                    continue;
                }
                if (null == best || tester.statistic() < best.adfStatistic())
                {
                    final int n = to - from;
                    final double halfLife = tester.halfLife();
                    best = new CointegrationResult(
                        bars.symbol(y),
                        bars.symbol(x),
                        tester.hedgeRatio(),
                        tester.intercept(),
                        tester.statistic(),
                        tester.pValue(),
                        MacKinnon.criticalValue(0.01, Deterministic.CONSTANT, 2, n - 1),
                        MacKinnon.criticalValue(0.05, Deterministic.CONSTANT, 2, n - 1),
                        MacKinnon.criticalValue(0.10, Deterministic.CONSTANT, 2, n - 1),
                        tester.lags(),
                        halfLife,
                        halfLife * stepSeconds,
                        correlation,
                        tester.residualStd(),
                        n,
                        bars.dailyQuoteVolume(y),
                        bars.dailyQuoteVolume(x));
                }
            }
            if (null == best)
            {
                tally[PairsScanReport.DEGENERATE]++;
            }
            else if (!(best.pValue() <= ctx.maxPValue))
            {
                tally[PairsScanReport.ABOVE_MAX_P_VALUE]++;
            }
            else
            {
                row.add(best);
            }
        }
        rows[i] = row;
        tallies[i] = tally;
    }

    /**
     * Configuration of a scan: fluent setters, then {@link #conclude()} validates. Single use; not thread safe.
     */
    public static final class Context
    {
        /**
         * Default largest p-value kept.
         */
        public static final double MAX_P_VALUE_DEFAULT = 0.05;

        /**
         * Default smallest correlation of log returns.
         */
        public static final double MIN_CORRELATION_DEFAULT = 0.0;

        /**
         * Default smallest daily quote volume of either leg.
         */
        public static final double MIN_DAILY_QUOTE_VOLUME_DEFAULT = 0.0;

        /**
         * Default number of pairs kept.
         */
        public static final int TOP_DEFAULT = 20;

        /**
         * Default smallest common sample.
         */
        public static final int MIN_OBSERVATIONS_DEFAULT = 50;

        private boolean isConcluded;
        private Timeframe timeframe = Timeframe.M1;
        private double maxPValue = MAX_P_VALUE_DEFAULT;
        private double minCorrelation = MIN_CORRELATION_DEFAULT;
        private double minDailyQuoteVolume = MIN_DAILY_QUOTE_VOLUME_DEFAULT;
        private int top = TOP_DEFAULT;
        private int minObservations = MIN_OBSERVATIONS_DEFAULT;
        private LagSelection lagSelection = LagSelection.AIC;
        private int maxLags = -1;
        private int threads = Runtime.getRuntime().availableProcessors();

        /**
         * Bar timeframe of the tests (default 1m).
         *
         * @param timeframe the timeframe.
         * @return this.
         */
        public Context timeframe(final Timeframe timeframe)
        {
            this.timeframe = timeframe;
            return this;
        }

        /**
         * Largest p-value kept (default 0.05).
         *
         * @param maxPValue in (0, 1].
         * @return this.
         */
        public Context maxPValue(final double maxPValue)
        {
            this.maxPValue = maxPValue;
            return this;
        }

        /**
         * Smallest correlation of the legs' log returns (default 0: negatively correlated pairs are dropped).
         *
         * @param minCorrelation in [-1, 1].
         * @return this.
         */
        public Context minCorrelation(final double minCorrelation)
        {
            this.minCorrelation = minCorrelation;
            return this;
        }

        /**
         * Smallest quote volume per day of each leg (default 0).
         *
         * @param minDailyQuoteVolume in the legs' quote asset.
         * @return this.
         */
        public Context minDailyQuoteVolume(final double minDailyQuoteVolume)
        {
            this.minDailyQuoteVolume = minDailyQuoteVolume;
            return this;
        }

        /**
         * Number of ranked pairs kept, 0 for all (default 20).
         *
         * @param top the count.
         * @return this.
         */
        public Context top(final int top)
        {
            this.top = top;
            return this;
        }

        /**
         * Smallest number of bars the legs must share (default 50).
         *
         * @param minObservations at least 20.
         * @return this.
         */
        public Context minObservations(final int minObservations)
        {
            this.minObservations = minObservations;
            return this;
        }

        /**
         * ADF lag selection (default AIC).
         *
         * @param lagSelection AIC or FIXED.
         * @return this.
         */
        public Context lagSelection(final LagSelection lagSelection)
        {
            this.lagSelection = lagSelection;
            return this;
        }

        /**
         * Largest (AIC) or exact (FIXED) ADF lag count; -1 (default) for Schwert's rule.
         *
         * @param maxLags the lag count.
         * @return this.
         */
        public Context maxLags(final int maxLags)
        {
            this.maxLags = maxLags;
            return this;
        }

        /**
         * Worker threads (default: available processors).
         *
         * @param threads at least 1.
         * @return this.
         */
        public Context threads(final int threads)
        {
            this.threads = threads;
            return this;
        }

        /**
         * The timeframe.
         *
         * @return the timeframe.
         */
        public Timeframe timeframe()
        {
            return timeframe;
        }

        /**
         * Validate.
         *
         * @return this.
         * @throws IllegalArgumentException naming the setting and the reason.
         */
        public Context conclude()
        {
            if (isConcluded)
            {
                throw new IllegalStateException("CointegrationScanner.Context already concluded");
            }
            require(null != timeframe, "timeframe", "null", "must be set");
            require(maxPValue > 0.0 && maxPValue <= 1.0, "max-pvalue", maxPValue, "must be in (0, 1]");
            require(minCorrelation >= -1.0 && minCorrelation <= 1.0, "min-correlation", minCorrelation,
                "must be in [-1, 1]");
            require(minDailyQuoteVolume >= 0.0 && Double.isFinite(minDailyQuoteVolume), "min-volume",
                minDailyQuoteVolume, "must be a finite number >= 0");
            require(top >= 0, "top", top, "must be >= 0 (0 keeps all)");
            require(minObservations >= 20, "min-observations", minObservations, "must be at least 20");
            require(null != lagSelection, "lags", "null", "must be set");
            require(maxLags >= -1 && maxLags <= AdfTest.MAX_LAGS_LIMIT, "max-lags", maxLags,
                "must be -1 (Schwert) or in [0, " + AdfTest.MAX_LAGS_LIMIT + "]");
            require(maxLags <= minObservations / 2 - 1, "max-lags", maxLags,
                "must be at most min-observations / 2 - 1 (" + (minObservations / 2 - 1) + ")");
            require(threads >= 1 && threads <= 1024, "threads", threads, "must be in [1, 1024]");
            isConcluded = true;
            return this;
        }

        private static void require(
            final boolean condition, final String key, final Object value, final String reason)
        {
            if (!condition)
            {
                throw new IllegalArgumentException(key + "=" + value + ": " + reason);
            }
        }
    }
}
