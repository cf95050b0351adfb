/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Binance market data: {@link io.hellmoon.feed.binance.BinanceJsonDecoder} turns the JSON streams and REST depth
 * snapshots of Binance spot, Binance.US, USD-M and COIN-M futures into Hellmoon SBE messages; its settings are in
 * {@link io.hellmoon.feed.binance.BinanceJsonConfiguration}.
 */
package io.hellmoon.feed.binance;
