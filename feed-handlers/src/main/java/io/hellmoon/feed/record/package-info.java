/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Recording a live feed's input for replay: {@link io.hellmoon.feed.record.FrameRecorder} writes every frame and REST
 * snapshot the decoders receive, with its receive time, as a cryptofeed-style session that {@code hellmoon replay}
 * reads back to the same market-data stream.
 */
package io.hellmoon.feed.record;
