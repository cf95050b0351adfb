/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Pairs trading: the offline cointegration scan of a universe and the real-time pairs detector. Configuration keys,
 * formulas and the command line are in {@code scanner/PAIRS.md}.
 *
 * <h2>Scan (offline, allocates)</h2>
 * <ul>
 *     <li>{@link io.hellmoon.scanner.pairs.KlineCsvReader} (Binance kline CSV) and
 *     {@link io.hellmoon.scanner.pairs.TradeBarAggregator} (trades to bars) give
 *     {@link io.hellmoon.scanner.pairs.BarSeries}; {@link io.hellmoon.scanner.pairs.AlignedBars} puts a universe on
 *     one grid of log closes.</li>
 *     <li>{@link io.hellmoon.scanner.pairs.EngleGranger}: OLS of log prices with intercept (the hedge ratio), ADF of
 *     the residuals without deterministic terms ({@link io.hellmoon.scanner.pairs.AdfTest}, lags by AIC up to
 *     Schwert's {@code ceil(12 (T/100)^(1/4))} or fixed), MacKinnon's p-value for two variables with a constant
 *     ({@link io.hellmoon.scanner.pairs.MacKinnon}) and the half-life {@code -ln 2 / ln |phi|} of the residuals'
 *     AR(1) fit ({@link io.hellmoon.scanner.pairs.PairStatistics}). The figures equal statsmodels' {@code coint}
 *     and {@code adfuller} (checked in the tests to 1e-9).</li>
 *     <li>{@link io.hellmoon.scanner.pairs.CointegrationScanner}: volume, sample-length and return-correlation
 *     filters, both directions of every pair in parallel, ranking by p-value then half-life, a
 *     {@link io.hellmoon.scanner.pairs.PairsScanReport} written as CSV or JSON and read back by
 *     {@link io.hellmoon.scanner.pairs.PairsScanFile}.</li>
 * </ul>
 *
 * <h2>Detector (hot path, allocation free)</h2>
 * {@link io.hellmoon.scanner.pairs.PairsDetector}, configured by a {@link io.hellmoon.scanner.pairs.PairsContext}
 * ({@link io.hellmoon.scanner.pairs.PairsConfiguration} keys): per pair a
 * {@link io.hellmoon.scanner.pairs.KalmanHedgeRatio} sampled at a fixed event-time interval, a
 * {@link io.hellmoon.scanner.pairs.RollingWindow} of the spread, a z-score on every trade of either leg, and
 * {@link io.hellmoon.scanner.pairs.PairSignal} ENTRY / EXIT / STOP with
 * {@link io.hellmoon.scanner.pairs.SignalStrength} classes and duplicate suppression, published as
 * {@code AnomalyEvent} {@code PAIRS_DIVERGENCE}. The scanner core calls
 * {@link io.hellmoon.scanner.pairs.PairsDetector#onTrade(int, long, long, long, double, int)} per accepted trade;
 * standalone it is an {@link io.hellmoon.codecs.SbeHandler} of the market-data stream.
 */
package io.hellmoon.scanner.pairs;
