/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */

/**
 * The local exchange simulator: {@link io.hellmoon.feed.sim.SimExchange} speaks Binance's (spot, USD-M, COIN-M) and
 * MEXC futures' WebSocket and REST protocols over loopback, serving recorded captures or the synthetic market on one
 * timeline, with faults from a {@link io.hellmoon.feed.sim.FaultSpec}; {@code hellmoon sim-exchange} runs it as a
 * process.
 */
package io.hellmoon.feed.sim;
