/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Replaying recorded captures through the live code path, and summarising a market-data stream.
 * <p>
 * A replay is wired like a live feed, with the {@link io.hellmoon.feed.replay.Replayer} in place of the connections:
 * <pre>{@code
 * InstrumentRegistry registry = new InstrumentRegistry();
 * ManualEpochNanoClock replayTime = new ManualEpochNanoClock(0);        // publish times follow the recording
 * MarketDataPipeline pipeline = new MarketDataPipeline(new MarketDataPipeline.Context()
 *     .downstream(publisher)                                           // e.g. the md stream's AeronPublisher
 *     .clock(replayTime)
 *     .registry(registry)
 *     .decodeErrors(() -> decoderErrorCounter.get())
 *     .framesReceived(() -> decoderFrameCounter.get()));
 * Replayer replayer = new Replayer(new Replayer.Context()
 *     .files(files)
 *     .speed(ReplaySpeed.parse("10x"))
 *     .registry(registry)
 *     .replayTimeClock(replayTime)
 *     .frameHandlers(venue -> decoderFor(venue, registry, pipeline, replayTime))
 *     .endOfStreamHandler(pipeline::onEndOfStream));
 * replayer.run();
 * }</pre>
 * A {@link io.hellmoon.feed.replay.MarketDataSummary} subscribed to the stream (or given every message the publisher
 * takes) then writes the JSON summary with
 * {@link io.hellmoon.feed.replay.MarketDataSummary#writeJson(java.nio.file.Path)}.
 */
package io.hellmoon.feed.replay;
