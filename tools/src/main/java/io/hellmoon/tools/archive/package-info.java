/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Hellmoon streams in an Aeron Archive: {@link io.hellmoon.tools.archive.MarketDataArchive} embeds an archive on a
 * media driver, records streams and replays recordings through a subscriber; {@code hellmoon archive} and
 * {@code hellmoon replay --record-archive} use it.
 */
package io.hellmoon.tools.archive;
