/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Live venue connections: {@link io.hellmoon.feed.connect.VenueProfile} (endpoints, stream formats and limits per
 * venue), {@link io.hellmoon.feed.connect.ConnectionManager} (spreading, pacing, heartbeats, reconnects, rotation,
 * stale marking), {@link io.hellmoon.feed.connect.RestGateway} and {@link io.hellmoon.feed.connect.SnapshotFetcher}
 * (REST within the venue's weight budget, 429/418 honoured), and {@link io.hellmoon.feed.connect.LiveFeed}, which
 * assembles them with the decoders on one {@link io.hellmoon.feed.net.FeedEventLoop}.
 */
package io.hellmoon.feed.connect;
