/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Binance's SBE market-data streams: {@link io.hellmoon.feed.binance.sbe.BinanceSbeDecoder} decodes them with codecs
 * generated in the build from Binance's own schema (package {@code io.hellmoon.feed.binance.sbe.codec}) into Hellmoon
 * SBE messages; {@link io.hellmoon.feed.binance.sbe.BinanceApiKey} is the API key the connections must present;
 * settings are in {@link io.hellmoon.feed.binance.sbe.BinanceSbeConfiguration}.
 */
package io.hellmoon.feed.binance.sbe;
