/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */

/**
 * MEXC market data: {@link io.hellmoon.feed.mexc.MexcSpotDecoder} turns MEXC spot v3 protobuf pushes, read by the
 * hand-written {@link io.hellmoon.feed.mexc.ProtobufReader}, and {@link io.hellmoon.feed.mexc.MexcFuturesDecoder}
 * MEXC futures JSON pushes into Hellmoon SBE messages; both read MEXC's REST depth replies as snapshots. Reason codes
 * are in {@link io.hellmoon.feed.mexc.MexcReasons}, settings in {@link io.hellmoon.feed.mexc.MexcConfiguration}; books
 * sync by {@link io.hellmoon.feed.book.MexcSyncRule}.
 */
package io.hellmoon.feed.mexc;
