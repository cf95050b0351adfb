/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */

/**
 * L2 order books built from venue diff-depth streams and REST snapshots.
 * <p>
 * {@link io.hellmoon.feed.book.OrderBook} is one instrument's book on fixed-point longs;
 * {@link io.hellmoon.feed.book.BookManager} keeps every instrument's book in sync by its venue's
 * {@link io.hellmoon.feed.book.SyncRule} ({@link io.hellmoon.feed.book.BinanceSyncRule} for Binance,
 * {@link io.hellmoon.feed.book.MexcSyncRule} for MEXC),
 * asks a {@link io.hellmoon.feed.book.SnapshotRequester} for snapshots, and publishes {@code BookLevels} and
 * {@code FeedStatus}. In a feed it sits inside {@link io.hellmoon.feed.MarketDataPipeline}.
 */
package io.hellmoon.feed.book;
