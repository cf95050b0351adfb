/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.sbe.Venue;
import org.agrona.CloseHelper;
import org.agrona.SystemUtil;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Replays recorded Binance captures into {@link VenueFrameHandler}s, the same entry point live connections use:
 * frames through {@link VenueFrameHandler#onFrame}, REST depth snapshots through
 * {@link VenueFrameHandler#onDepthSnapshot} with the instrument's id.
 *
 * <h2>Inputs</h2>
 * <ul>
 *     <li>hftbacktest files ({@link CaptureFormat#HFTBACKTEST}), gzip or plain: one instrument per file, taken from
 *     the first {@code "stream"} or from the file name; files of the same instrument continue one another in the
 *     order given (one stream: the books carry on across them).</li>
 *     <li>cryptofeed sessions: {@code X.ws.N.M} frames, {@code X.http.N.M} snapshots, {@code X.0} exchangeInfo
 *     (loaded into the registry before the replay starts). Naming a {@code X.ws.N.M} brings its session's other files
 *     unless {@link Context#includeSessionFiles(boolean)} is off.</li>
 * </ul>
 * All sources are merged by receive time (ties go to the source named first). The venue of each file is the one
 * given in the context, else detected: cryptofeed by URL host, hftbacktest by the shape of its messages
 * ({@code depthUpdate} with {@code "pu"} is futures, a {@code "ps"} field or a {@code *_PERP}/{@code *USD_YYMMDD}
 * symbol COIN-M, otherwise spot). Each venue's frames go to the handler {@link Context#frameHandlers(Function)} gives
 * for it.
 * <p>
 * Lines that cannot be used (no or bad timestamp, no payload, too long) are counted in {@link #malformedLines()},
 * described in {@link #errorSamples()} and skipped; a file that cannot be read further ends its source and counts in
 * {@link #readErrors()}. Neither stops the replay. A missing or unrecognised file fails the constructor, naming it.
 *
 * <h2>Pacing</h2>
 * At {@link ReplaySpeed#MAX} records go out as fast as the handlers take them; otherwise record {@code r} is due at
 * {@code start + (r.receiveTime - first.receiveTime) / factor} on the context's clock. {@link #doWork()} delivers at
 * most a batch of due records and returns 0 while the next one is not due, so the replayer runs as an Agent under any
 * idle strategy; {@link #run()} loops it with the context's idle strategy. With a
 * {@link Context#replayTimeClock(ManualEpochNanoClock) replay-time clock} set to each record's receive time before it
 * is delivered, everything downstream that reads that clock produces the same output on every run.
 * <p>
 * Reading reuses one line buffer per file and allocates nothing per line, gzip included. Not thread safe: one
 * thread runs the replay.
 */
public final class Replayer implements Agent, AutoCloseable
{
    private final CaptureSource[] sources;
    private final List<String> descriptions;
    private final Set<Venue> venues;
    private final VenueFrameHandler[] handlers;
    private final Function<Venue, VenueFrameHandler> frameHandlers;
    private final ReplaySpeed speed;
    private final EpochNanoClock clock;
    private final IdleStrategy idleStrategy;
    private final ManualEpochNanoClock replayTimeClock;
    private final Runnable endOfStreamHandler;
    private final int batchLimit;
    private final InstrumentRegistry registry;
    private final ReplayErrors errors;

    private boolean paced;
    private long startWallNs;
    private long startRecordNs;
    private long framesDelivered;
    private long snapshotsDelivered;
    private long lastReceiveTimeNs = Long.MIN_VALUE;
    private boolean done;
    private boolean closed;

    /**
     * Plan a replay: check every file, recognise its format, detect venues and symbols, load exchangeInfo files and
     * open the first file of each source.
     *
     * @param ctx its configuration; concluded here if it was not already.
     * @throws IllegalArgumentException naming the file when one is missing or not a known capture format, or naming
     *                                  the venue when no frame handler is given for it.
     */
    public Replayer(final Context ctx)
    {
        ctx.conclude();
        speed = ctx.speed();
        clock = ctx.clock();
        idleStrategy = ctx.idleStrategy();
        replayTimeClock = ctx.replayTimeClock();
        endOfStreamHandler = ctx.endOfStreamHandler();
        batchLimit = ctx.batchLimit();
        registry = ctx.registry();
        errors = new ReplayErrors(ctx.maxErrorSamples());

        final CapturePlanner.Plan plan = CapturePlanner.plan(
            ctx.files(), ctx.venue(), registry, ctx.includeSessionFiles(), errors, ctx.maxLineLength());
        descriptions = plan.descriptions();
        venues = plan.venues();

        handlers = new VenueFrameHandler[maxVenueCode() + 1];
        frameHandlers = ctx.frameHandlers();
        for (final CaptureSource source : plan.sources())
        {
            final Venue venue = source.venue();
            if (null != venue && null == handlers[venue.value()])
            {
                final VenueFrameHandler handler = frameHandlers.apply(venue);
                if (null == handler)
                {
                    throw new IllegalArgumentException("no frame handler for venue " + venue + " of " + source);
                }
                handlers[venue.value()] = handler;
            }
        }

        sources = plan.sources().toArray(new CaptureSource[0]);
        for (final CaptureSource source : sources)
        {
            source.advance();
        }
    }

    /**
     * Deliver the records that are due, at most the batch limit; at the end of the last record, close the files and
     * call the end-of-stream handler once.
     *
     * @return records delivered.
     */
    public int doWork()
    {
        if (done)
        {
            return 0;
        }

        int work = 0;
        while (work < batchLimit)
        {
            final CaptureSource source = nextSource();
            if (null == source)
            {
                finish();
                break;
            }

            if (!speed.isMax())
            {
                final long nowNs = clock.nanoTime();
                if (!paced)
                {
                    paced = true;
                    startWallNs = nowNs;
                    startRecordNs = source.timeNs();
                }
                final long dueNs = startWallNs + speed.wallNs(source.timeNs() - startRecordNs);
                if (nowNs - dueNs < 0)
                {
                    break;
                }
            }

            deliver(source);
            work++;
            source.advance();
        }
        return work;
    }

    /**
     * Run the replay to its end on the calling thread, idling with the context's idle strategy between records that
     * are not yet due.
     */
    public void run()
    {
        idleStrategy.reset();
        while (!done)
        {
            idleStrategy.idle(doWork());
        }
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "replayer";
    }

    /**
     * Whether every record has been delivered.
     *
     * @return true at the end.
     */
    public boolean isDone()
    {
        return done;
    }

    /**
     * Frames delivered.
     *
     * @return the count.
     */
    public long framesDelivered()
    {
        return framesDelivered;
    }

    /**
     * REST depth snapshots delivered.
     *
     * @return the count.
     */
    public long snapshotsDelivered()
    {
        return snapshotsDelivered;
    }

    /**
     * Receive time of the last record delivered.
     *
     * @return epoch nanoseconds, or {@link Long#MIN_VALUE} before the first.
     */
    public long lastReceiveTimeNs()
    {
        return lastReceiveTimeNs;
    }

    /**
     * Lines skipped because they could not be parsed.
     *
     * @return the count.
     */
    public long malformedLines()
    {
        return errors.malformedLines();
    }

    /**
     * Lines skipped on purpose: cryptofeed connection lines, frames sent, HTTP replies other than depth.
     *
     * @return the count.
     */
    public long skippedLines()
    {
        return errors.skippedLines();
    }

    /**
     * Files that could not be read to their end.
     *
     * @return the count.
     */
    public long readErrors()
    {
        return errors.readErrors();
    }

    /**
     * The first bad lines and read errors, as {@code file:line: reason}.
     *
     * @return the descriptions.
     */
    public List<String> errorSamples()
    {
        return errors.samples();
    }

    /**
     * What each file was recognised as, one line per file.
     *
     * @return the descriptions.
     */
    public List<String> fileDescriptions()
    {
        return descriptions;
    }

    /**
     * The sources merged, for logs: hftbacktest instruments with their files, cryptofeed files.
     *
     * @return one line per source.
     */
    public List<String> sourceDescriptions()
    {
        final List<String> list = new ArrayList<>(sources.length);
        for (final CaptureSource source : sources)
        {
            list.add(source.toString());
        }
        return list;
    }

    /**
     * Venues found in the files.
     *
     * @return the venues.
     */
    public Set<Venue> venues()
    {
        return venues;
    }

    /**
     * The registry snapshot instruments are resolved in and exchangeInfo files were loaded into.
     *
     * @return the registry.
     */
    public InstrumentRegistry registry()
    {
        return registry;
    }

    /**
     * Close every file; the end-of-stream handler is not called if the replay did not reach the end.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            done = true;
            CloseHelper.closeAll(sources);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        close();
    }

    private CaptureSource nextSource()
    {
        CaptureSource next = null;
        for (final CaptureSource source : sources)
        {
            if (source.hasRecord() && (null == next || source.timeNs() < next.timeNs()))
            {
                next = source;
            }
        }
        return next;
    }

    private void deliver(final CaptureSource source)
    {
        final long timeNs = source.timeNs();
        lastReceiveTimeNs = timeNs;
        if (null != replayTimeClock)
        {
            replayTimeClock.set(timeNs);
        }

        final VenueFrameHandler handler = handlerFor(source.recordVenue());
        if (CaptureSource.SNAPSHOT == source.kind())
        {
            snapshotsDelivered++;
            handler.onDepthSnapshot(source.instrumentId(), source.buffer(), source.offset(), source.length(), timeNs);
        }
        else
        {
            framesDelivered++;
            handler.onFrame(source.buffer(), source.offset(), source.length(), timeNs);
        }
    }

    private VenueFrameHandler handlerFor(final Venue venue)
    {
        VenueFrameHandler handler = handlers[venue.value()];
        if (null == handler)
        {
            // A venue first met in an HTTP reply: resolved once.
            handler = frameHandlers.apply(venue);
            if (null == handler)
            {
                throw new IllegalStateException("no frame handler for venue " + venue);
            }
            handlers[venue.value()] = handler;
        }
        return handler;
    }

    private void finish()
    {
        if (!closed)
        {
            close();
            if (null != endOfStreamHandler)
            {
                endOfStreamHandler.run();
            }
        }
    }

    private static int maxVenueCode()
    {
        int max = 0;
        for (final Venue venue : Venue.values())
        {
            max = Math.max(max, venue.value());
        }
        return max;
    }

    /**
     * Property names and defaults of the replayer.
     */
    public static final class Configuration
    {
        /**
         * Records delivered per {@link Replayer#doWork()} at most.
         */
        public static final String BATCH_LIMIT_PROP_NAME = "hellmoon.replay.batch.limit";

        /**
         * Default batch limit.
         */
        public static final int BATCH_LIMIT_DEFAULT = 256;

        /**
         * Longest capture line accepted, e.g. {@code 64m}; exchangeInfo replies are single lines of megabytes.
         */
        public static final String MAX_LINE_LENGTH_PROP_NAME = "hellmoon.replay.max.line.length";

        /**
         * Default longest line.
         */
        public static final int MAX_LINE_LENGTH_DEFAULT = 64 * 1024 * 1024;

        private Configuration()
        {
        }

        /**
         * Batch limit from the property or the default.
         *
         * @return the limit.
         */
        public static int batchLimit()
        {
            return Integer.getInteger(BATCH_LIMIT_PROP_NAME, BATCH_LIMIT_DEFAULT);
        }

        /**
         * Longest line from the property or the default.
         *
         * @return bytes.
         */
        public static int maxLineLength()
        {
            return SystemUtil.getSizeAsInt(MAX_LINE_LENGTH_PROP_NAME, MAX_LINE_LENGTH_DEFAULT);
        }
    }

    /**
     * Configuration of a {@link Replayer}: fields start from {@link Configuration}'s properties and defaults, setters
     * override them, {@link #conclude()} validates. Do not reuse a context.
     */
    public static final class Context
    {
        private List<Path> files = List.of();
        private Venue venue;
        private InstrumentRegistry registry;
        private Function<Venue, VenueFrameHandler> frameHandlers;
        private ReplaySpeed speed = ReplaySpeed.MAX;
        private EpochNanoClock clock;
        private IdleStrategy idleStrategy;
        private ManualEpochNanoClock replayTimeClock;
        private Runnable endOfStreamHandler;
        private int batchLimit = Configuration.batchLimit();
        private int maxLineLength = Configuration.maxLineLength();
        private int maxErrorSamples = 20;
        private boolean includeSessionFiles = true;
        private boolean concluded;

        /**
         * Validate and fill in defaults; called by the replayer's constructor, and idempotent.
         *
         * @return this.
         * @throws IllegalStateException naming the setting and the reason when a value is invalid.
         */
        public Context conclude()
        {
            if (concluded)
            {
                return this;
            }
            if (null == files || files.isEmpty())
            {
                throw new IllegalStateException("files must name at least one capture file");
            }
            if (null == frameHandlers)
            {
                throw new IllegalStateException("frameHandlers must be set: the decoder of each venue");
            }
            if (null == speed)
            {
                throw new IllegalStateException("speed must not be null");
            }
            if (batchLimit < 1)
            {
                throw new IllegalStateException(Configuration.BATCH_LIMIT_PROP_NAME + " must be >= 1: " + batchLimit);
            }
            if (maxLineLength < 1024)
            {
                throw new IllegalStateException(
                    Configuration.MAX_LINE_LENGTH_PROP_NAME + " must be >= 1k: " + maxLineLength);
            }
            if (null == registry)
            {
                registry = new InstrumentRegistry();
            }
            if (null == clock)
            {
                clock = new SystemEpochNanoClock();
            }
            if (null == idleStrategy)
            {
                idleStrategy = new BackoffIdleStrategy(10, 20, 1_000, 100_000);
            }
            concluded = true;
            return this;
        }

        /**
         * The capture files, in the order given: it decides which of an instrument's files come first, and ties.
         *
         * @param files at least one.
         * @return this.
         */
        public Context files(final List<Path> files)
        {
            this.files = List.copyOf(files);
            return this;
        }

        /**
         * The capture files.
         *
         * @return the files.
         */
        public List<Path> files()
        {
            return files;
        }

        /**
         * The venue of every file, instead of detecting it.
         *
         * @param venue or null to detect (the default).
         * @return this.
         */
        public Context venue(final Venue venue)
        {
            this.venue = venue;
            return this;
        }

        /**
         * The venue forced on every file.
         *
         * @return the venue or null.
         */
        public Venue venue()
        {
            return venue;
        }

        /**
         * The registry the decoders use: exchangeInfo files are loaded into it and snapshot instruments resolved (and
         * registered the first time) in it.
         *
         * @param registry default a new empty one.
         * @return this.
         */
        public Context registry(final InstrumentRegistry registry)
        {
            this.registry = registry;
            return this;
        }

        /**
         * The registry.
         *
         * @return the registry.
         */
        public InstrumentRegistry registry()
        {
            return registry;
        }

        /**
         * The handler (the decoder) for each venue found in the files; called once per venue while planning.
         * Required.
         *
         * @param frameHandlers venue to handler; must not return null for a venue in the files.
         * @return this.
         */
        public Context frameHandlers(final Function<Venue, VenueFrameHandler> frameHandlers)
        {
            this.frameHandlers = frameHandlers;
            return this;
        }

        /**
         * One handler for every venue.
         *
         * @param frameHandler the handler.
         * @return this.
         */
        public Context frameHandler(final VenueFrameHandler frameHandler)
        {
            this.frameHandlers = (venue) -> frameHandler;
            return this;
        }

        /**
         * The handler of each venue.
         *
         * @return the function.
         */
        public Function<Venue, VenueFrameHandler> frameHandlers()
        {
            return frameHandlers;
        }

        /**
         * Replay speed.
         *
         * @param speed default {@link ReplaySpeed#MAX}.
         * @return this.
         */
        public Context speed(final ReplaySpeed speed)
        {
            this.speed = speed;
            return this;
        }

        /**
         * Replay speed.
         *
         * @return the speed.
         */
        public ReplaySpeed speed()
        {
            return speed;
        }

        /**
         * Wall clock that paces the replay.
         *
         * @param clock default the system's.
         * @return this.
         */
        public Context clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        /**
         * Wall clock that paces the replay.
         *
         * @return the clock.
         */
        public EpochNanoClock clock()
        {
            return clock;
        }

        /**
         * Idle strategy of {@link Replayer#run()} while the next record is not due.
         *
         * @param idleStrategy default a backoff strategy parking up to 100 us.
         * @return this.
         */
        public Context idleStrategy(final IdleStrategy idleStrategy)
        {
            this.idleStrategy = idleStrategy;
            return this;
        }

        /**
         * Idle strategy of {@link Replayer#run()}.
         *
         * @return the strategy.
         */
        public IdleStrategy idleStrategy()
        {
            return idleStrategy;
        }

        /**
         * A clock set to each record's receive time just before it is delivered: give it to the decoders and the
         * pipeline so their publish times, and so their output, are the same on every replay.
         *
         * @param replayTimeClock optional.
         * @return this.
         */
        public Context replayTimeClock(final ManualEpochNanoClock replayTimeClock)
        {
            this.replayTimeClock = replayTimeClock;
            return this;
        }

        /**
         * The replay-time clock.
         *
         * @return the clock or null.
         */
        public ManualEpochNanoClock replayTimeClock()
        {
            return replayTimeClock;
        }

        /**
         * Called once when the last record has been delivered, e.g. {@code pipeline::onEndOfStream}.
         *
         * @param endOfStreamHandler optional.
         * @return this.
         */
        public Context endOfStreamHandler(final Runnable endOfStreamHandler)
        {
            this.endOfStreamHandler = endOfStreamHandler;
            return this;
        }

        /**
         * Called at the end of the replay.
         *
         * @return the handler or null.
         */
        public Runnable endOfStreamHandler()
        {
            return endOfStreamHandler;
        }

        /**
         * Records delivered per {@link Replayer#doWork()} at most.
         *
         * @param batchLimit at least 1.
         * @return this.
         */
        public Context batchLimit(final int batchLimit)
        {
            this.batchLimit = batchLimit;
            return this;
        }

        /**
         * Records per duty cycle at most.
         *
         * @return the limit.
         */
        public int batchLimit()
        {
            return batchLimit;
        }

        /**
         * Longest capture line accepted; longer lines are counted as malformed and skipped.
         *
         * @param maxLineLength bytes, at least 1024.
         * @return this.
         */
        public Context maxLineLength(final int maxLineLength)
        {
            this.maxLineLength = maxLineLength;
            return this;
        }

        /**
         * Longest capture line accepted.
         *
         * @return bytes.
         */
        public int maxLineLength()
        {
            return maxLineLength;
        }

        /**
         * How many bad lines are described in {@link Replayer#errorSamples()}.
         *
         * @param maxErrorSamples at least 0.
         * @return this.
         */
        public Context maxErrorSamples(final int maxErrorSamples)
        {
            this.maxErrorSamples = maxErrorSamples;
            return this;
        }

        /**
         * How many bad lines are described.
         *
         * @return the number.
         */
        public int maxErrorSamples()
        {
            return maxErrorSamples;
        }

        /**
         * Whether naming a cryptofeed {@code X.ws.N.M} also replays its {@code X.http.*} and loads its {@code X.0}.
         *
         * @param includeSessionFiles default true.
         * @return this.
         */
        public Context includeSessionFiles(final boolean includeSessionFiles)
        {
            this.includeSessionFiles = includeSessionFiles;
            return this;
        }

        /**
         * Whether session files are included.
         *
         * @return true if included.
         */
        public boolean includeSessionFiles()
        {
            return includeSessionFiles;
        }
    }
}
