/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.codecs.BinanceExchangeInfo;
import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.net.FeedEventLoop;
import io.hellmoon.feed.net.HttpClient;
import io.hellmoon.feed.net.HttpReply;
import io.hellmoon.feed.record.FrameRecorder;
import io.hellmoon.sbe.FeedStatusReason;
import io.hellmoon.sbe.InstrumentStatus;
import io.netty.util.concurrent.ScheduledFuture;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.io.DirectBufferInputStream;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A live feed handler for one venue, assembled: WebSocket connections managed by a {@link ConnectionManager}, REST
 * through a {@link RestGateway}, snapshots by a {@link SnapshotFetcher}, the decoders, books and pipeline of a
 * {@link MarketDataFeed} publishing into a {@link MessageSink} (the market-data stream's publisher in a process), and
 * optionally a {@link FrameRecorder}, all on one {@link FeedEventLoop} thread.
 *
 * <h2>Start</h2>
 * {@link #start()} loads the reference data first: an exchangeInfo file if one is given, else the venue's
 * exchangeInfo over REST (within the weight budget); it fills the {@link InstrumentRegistry}, so prices are decoded at
 * the venue's exponents. If the venue has none (or it fails) and symbols were named, they are registered with the
 * default exponents instead; {@code all} symbols need the reference data. Then the streams of the instruments are
 * spread over connections and subscribed.
 *
 * <h2>Input path</h2>
 * connection frames, REST snapshots &rarr; {@link MonotonicReceiveTime} &rarr; recorder (if any) &rarr; decoder
 * &rarr; pipeline &rarr; sink. A lost or silent connection's books are marked stale (and their snapshot requests
 * dropped) until resynced.
 *
 * <h2>Stop</h2>
 * At {@link #stop()}, or once no frame has arrived for the idle timeout: the connections are closed, the pipeline
 * publishes its final {@code FeedStatistics} (end of stream), the recording is closed, and {@link #terminated()}
 * completes.
 * <p>
 * The feed's components live on its event loop: read them there (e.g. through {@link FeedEventLoop#execute}).
 */
public final class LiveFeed implements AutoCloseable
{
    private static final long HOUSEKEEPING_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long FLUSH_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final Context ctx;
    private final VenueProfile profile;
    private final FeedEventLoop loop;
    private final boolean ownsLoop;
    private final EpochNanoClock clock;
    private final NanoClock nanoClock;
    private final InstrumentRegistry registry;
    private final ConnectionEvents events;
    private final HttpClient http;
    private final RestGateway gateway;
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    private MarketDataFeed feed;
    private SnapshotFetcher snapshots;
    private ConnectionManager connections;
    private FrameRecorder recorder;
    private MonotonicReceiveTime input;
    private ScheduledFuture<?> housekeeping;
    private List<SubscriptionPlan.Instrument> instruments = List.of();
    private UnsafeBuffer pendingExchangeInfo;
    private long pendingExchangeInfoTimeNs;
    private long startTimeNs;
    private long lastFlushNs;
    private boolean started;
    private boolean stopping;

    /**
     * A feed; nothing happens until {@link #start()}.
     *
     * @param ctx its configuration; concluded here if it was not already.
     */
    public LiveFeed(final Context ctx)
    {
        ctx.conclude();
        this.ctx = ctx;
        profile = ctx.profile();
        clock = ctx.clock();
        nanoClock = ctx.nanoClock();
        registry = ctx.registry();
        ownsLoop = null == ctx.eventLoop();
        loop = ownsLoop ? new FeedEventLoop(new FeedEventLoop.Context().threadName("hellmoon-feed-" + profile.name())) :
            ctx.eventLoop();
        events = (event, connection, detail) ->
        {
            if (ConnectionEvent.OPEN == event && null != recorder)
            {
                recorder.onConnectionOpened(profile.wsUrl(), clock.nanoTime());
            }
            ctx.events().onEvent(event, connection, detail);
        };
        http = new HttpClient(loop, clock);
        gateway = new RestGateway(profile, http, loop, nanoClock, events);
    }

    /**
     * Load the reference data, then connect and subscribe, on the feed's loop. Returns at once; failures complete
     * {@link #terminated()} exceptionally.
     */
    public void start()
    {
        loop.execute(this::begin);
    }

    /**
     * Stop: close the connections, publish the final statistics, close the recording.
     *
     * @return completes when stopped.
     */
    public CompletableFuture<Void> stop()
    {
        loop.execute(() -> end(null));
        return terminated;
    }

    /**
     * Completes when the feed has stopped: by {@link #stop()}, the idle timeout, or a failure to start.
     *
     * @return the future.
     */
    public CompletableFuture<Void> terminated()
    {
        return terminated;
    }

    /**
     * Stop, wait for it, and release everything; the event loop too if the feed created it.
     */
    public void close()
    {
        if (!terminated.isDone())
        {
            try
            {
                stop().get(10, TimeUnit.SECONDS);
            }
            catch (final Exception ignore)
            {
                // Closing anyway.
            }
        }
        if (ownsLoop)
        {
            loop.close();
        }
        CloseHelper.close(feed);
    }

    /**
     * The event loop the feed runs on.
     *
     * @return the loop.
     */
    public FeedEventLoop eventLoop()
    {
        return loop;
    }

    /**
     * The decoders, books and pipeline; null until started. Read on the loop.
     *
     * @return the feed.
     */
    public MarketDataFeed feed()
    {
        return feed;
    }

    /**
     * The connections; null until started. Read on the loop.
     *
     * @return the manager.
     */
    public ConnectionManager connections()
    {
        return connections;
    }

    /**
     * The snapshot requests; null until started. Read on the loop.
     *
     * @return the fetcher.
     */
    public SnapshotFetcher snapshots()
    {
        return snapshots;
    }

    /**
     * The REST gateway. Read on the loop.
     *
     * @return the gateway.
     */
    public RestGateway gateway()
    {
        return gateway;
    }

    /**
     * The recorder, or null when not recording.
     *
     * @return the recorder.
     */
    public FrameRecorder recorder()
    {
        return recorder;
    }

    /**
     * The instruments subscribed; empty until started.
     *
     * @return the instruments.
     */
    public List<SubscriptionPlan.Instrument> instruments()
    {
        return instruments;
    }

    /**
     * Frames the connections passed to the decoders; read on the loop, or after {@link #terminated()} completed.
     *
     * @return the count.
     */
    public long framesDelivered()
    {
        return null == connections ? 0 : connections.framesDelivered();
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
     * The venue profile.
     *
     * @return the profile.
     */
    public VenueProfile profile()
    {
        return profile;
    }

    private void begin()
    {
        if (started || stopping)
        {
            return;
        }
        started = true;
        startTimeNs = clock.nanoTime();
        try
        {
            if (null != ctx.exchangeInfoFile())
            {
                final BinanceExchangeInfo.Result info =
                    BinanceExchangeInfo.parse(ctx.exchangeInfoFile(), profile.venue());
                info.addTo(registry);
                events.onEvent(ConnectionEvent.REFERENCE_DATA, -1, info.instruments().size() + " instruments from " +
                    ctx.exchangeInfoFile());
                connect(true);
            }
            else if (!ctx.fetchExchangeInfo())
            {
                connect(false);
            }
            else
            {
                gateway.submit(new ExchangeInfoRequest());
            }
        }
        catch (final RuntimeException ex)
        {
            end(ex);
        }
    }

    private void connect(final boolean referenceData)
    {
        if (stopping)
        {
            return;
        }
        instruments = resolveInstruments(referenceData);
        feed = new MarketDataFeed(
            ctx.downstream(), registry, !referenceData, clock, ctx.counterFactory(), ctx.label(), profile.venue(),
            TimeUnit.MILLISECONDS, (instrumentId) -> snapshots.requestSnapshot(instrumentId));
        VenueFrameHandler handler = ctx.frameHandlerFactory().apply(feed);
        if (null != ctx.recordDirectory())
        {
            final String session = null != ctx.recordSession() ? ctx.recordSession() : profile.name() + "-" +
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC)
                    .format(Instant.ofEpochMilli(TimeUnit.NANOSECONDS.toMillis(startTimeNs)));
            recorder = new FrameRecorder(ctx.recordDirectory(), session, handler,
                (instrumentId) -> snapshots.depthUri(instrumentId).toString());
            if (null != pendingExchangeInfo)
            {
                recorder.onExchangeInfo(profile.exchangeInfoUri().toString(), pendingExchangeInfo,
                    0, pendingExchangeInfo.capacity(), pendingExchangeInfoTimeNs);
                pendingExchangeInfo = null;
            }
            handler = recorder;
        }
        input = new MonotonicReceiveTime(handler);
        snapshots = new SnapshotFetcher(profile, gateway, registry, input, loop, events);

        final SubscriptionPlan plan = SubscriptionPlan.plan(profile, instruments, ctx.streams());
        connections = new ConnectionManager(new ConnectionManager.Context()
            .profile(profile)
            .eventLoop(loop)
            .frameHandler(input)
            .plan(plan)
            .staleMarker(this::markStale)
            .events(events)
            .clock(clock)
            .counterFactory(ctx.counterFactory())
            .tickNs(ctx.tickNs())
            .seed(ctx.seed()));
        feed.reconnectsSupplier(connections::reconnects);
        events.onEvent(ConnectionEvent.CONNECTING, -1, instruments.size() + " instruments, " + plan.streamCount() +
            " streams over " + plan.connections().size() + " connections to " + profile.wsUrl());
        connections.start();
        lastFlushNs = nanoClock.nanoTime();
        housekeeping = loop.eventLoop().scheduleAtFixedRate(
            this::housekeeping, HOUSEKEEPING_INTERVAL_NS, HOUSEKEEPING_INTERVAL_NS, TimeUnit.NANOSECONDS);
    }

    private List<SubscriptionPlan.Instrument> resolveInstruments(final boolean referenceData)
    {
        final List<SubscriptionPlan.Instrument> resolved = new ArrayList<>();
        if (ctx.allSymbols())
        {
            if (!referenceData)
            {
                throw new IllegalStateException("all symbols need the venue's exchangeInfo, which is not available");
            }
            for (final Instrument instrument : registry.instruments())
            {
                if (profile.venue() == instrument.venue() && InstrumentStatus.TRADING == instrument.status())
                {
                    resolved.add(new SubscriptionPlan.Instrument(instrument.id(), instrument.symbol()));
                }
            }
            return resolved;
        }
        for (final String name : ctx.symbols())
        {
            final String symbol = name.trim().toUpperCase(Locale.ROOT);
            int id = registry.idOf(profile.venue(), symbol);
            if (InstrumentRegistry.NULL_INSTRUMENT_ID == id)
            {
                if (referenceData)
                {
                    throw new IllegalStateException("symbol " + symbol + " is not in " + profile.name() +
                        "'s exchangeInfo");
                }
                id = registry.register(profile.venue(), symbol);
            }
            resolved.add(new SubscriptionPlan.Instrument(id, symbol));
        }
        return resolved;
    }

    private boolean markStale(final int instrumentId, final FeedStatusReason reason, final long timeNs)
    {
        snapshots.cancel(instrumentId);
        return feed.pipeline().bookManager().markStale(instrumentId, reason, timeNs);
    }

    private void housekeeping()
    {
        if (stopping)
        {
            return;
        }
        feed.pipeline().publishStatisticsIfDue();
        final long nowNs = nanoClock.nanoTime();
        if (null != recorder && nowNs - lastFlushNs >= FLUSH_INTERVAL_NS)
        {
            lastFlushNs = nowNs;
            recorder.flush();
        }
        if (ctx.idleTimeoutNs() > 0)
        {
            final long lastActivityNs = Math.max(connections.lastFrameTimeNs(), startTimeNs);
            if (clock.nanoTime() - lastActivityNs > ctx.idleTimeoutNs())
            {
                events.onEvent(ConnectionEvent.CLOSED, -1, "no message for " +
                    String.format("%.3f s", ctx.idleTimeoutNs() / 1e9) + ": stopping");
                end(null);
            }
        }
    }

    private void end(final Throwable failure)
    {
        if (stopping)
        {
            return;
        }
        stopping = true;
        try
        {
            if (null != housekeeping)
            {
                housekeeping.cancel(false);
            }
            CloseHelper.close(connections);
            gateway.close();
            http.close();
            if (null != feed)
            {
                feed.pipeline().onEndOfStream();
            }
            CloseHelper.close(recorder);
        }
        catch (final RuntimeException ex)
        {
            if (null == failure)
            {
                terminated.completeExceptionally(ex);
                return;
            }
        }
        if (null == failure)
        {
            terminated.complete(null);
        }
        else
        {
            terminated.completeExceptionally(failure);
        }
    }

    /**
     * The venue's exchangeInfo, loaded into the registry before connecting.
     */
    private final class ExchangeInfoRequest extends RestGateway.Request
    {
        ExchangeInfoRequest()
        {
            super(profile.exchangeInfoUri(), profile.exchangeInfoWeight());
        }

        protected void onReply(final HttpReply reply)
        {
            if (200 != reply.statusCode())
            {
                fallBack("HTTP " + reply.statusCode());
                return;
            }
            try
            {
                final BinanceExchangeInfo.Result info = BinanceExchangeInfo.parse(
                    new DirectBufferInputStream(reply.body(), 0, reply.bodyLength()), profile.venue());
                info.addTo(registry);
                if (null != ctx.recordDirectory())
                {
                    pendingExchangeInfo = new UnsafeBuffer(new byte[reply.bodyLength()]);
                    pendingExchangeInfo.putBytes(0, reply.body(), 0, reply.bodyLength());
                    pendingExchangeInfoTimeNs = reply.receiveTimeNs();
                }
                events.onEvent(ConnectionEvent.REFERENCE_DATA, -1, info.instruments().size() + " instruments from " +
                    uri());
            }
            catch (final IOException | RuntimeException ex)
            {
                fallBack("unreadable: " + ex.getMessage());
                return;
            }
            try
            {
                connect(true);
            }
            catch (final RuntimeException ex)
            {
                end(ex);
            }
        }

        protected void onFailed(final String reason)
        {
            fallBack(reason);
        }

        private void fallBack(final String reason)
        {
            if (stopping)
            {
                return;
            }
            events.onEvent(ConnectionEvent.REST_FAILED, -1, "exchangeInfo " + uri() + ": " + reason +
                (ctx.allSymbols() ? "" : "; symbols registered with default exponents"));
            try
            {
                connect(false);
            }
            catch (final RuntimeException ex)
            {
                end(ex);
            }
        }
    }

    /**
     * Configuration of a {@link LiveFeed}. Do not reuse.
     */
    public static final class Context
    {
        private VenueProfile profile;
        private List<String> symbols = List.of();
        private boolean allSymbols;
        private List<String> streams;
        private MessageSink downstream;
        private InstrumentRegistry registry;
        private Path exchangeInfoFile;
        private boolean fetchExchangeInfo = true;
        private EpochNanoClock clock;
        private NanoClock nanoClock;
        private CounterFactory counterFactory;
        private Path recordDirectory;
        private String recordSession;
        private ConnectionEvents events = ConnectionEvents.NONE;
        private long idleTimeoutNs;
        private FeedEventLoop eventLoop;
        private Function<MarketDataFeed, VenueFrameHandler> frameHandlerFactory;
        private long tickNs = new ConnectionManager.Context().tickNs();
        private long seed = new ConnectionManager.Context().seed();
        private String label = "feed";
        private boolean concluded;

        /**
         * Validate and fill in defaults; idempotent.
         *
         * @return this.
         * @throws IllegalStateException naming what is missing or invalid.
         */
        public Context conclude()
        {
            if (concluded)
            {
                return this;
            }
            if (null == profile)
            {
                throw new IllegalStateException("profile must be set: the venue");
            }
            profile.conclude();
            if (null == downstream)
            {
                throw new IllegalStateException("downstream must be set: the market-data stream's sink");
            }
            if (allSymbols == !symbols.isEmpty())
            {
                throw new IllegalStateException("give either symbols or all symbols");
            }
            if (null == streams)
            {
                streams = profile.streams();
            }
            if (streams.isEmpty())
            {
                throw new IllegalStateException("streams must name at least one stream");
            }
            if (idleTimeoutNs < 0)
            {
                throw new IllegalStateException("idle timeout must not be negative: " + idleTimeoutNs);
            }
            if (null == registry)
            {
                registry = new InstrumentRegistry();
            }
            if (null == clock)
            {
                clock = new OffsetEpochNanoClock();
            }
            if (null == nanoClock)
            {
                nanoClock = new SystemNanoClock();
            }
            if (null == counterFactory)
            {
                counterFactory = CounterFactory.local(64);
            }
            if (null == frameHandlerFactory)
            {
                final VenueProfile venueProfile = profile;
                frameHandlerFactory = (feed) -> feed.handlerFor(venueProfile.venue());
            }
            concluded = true;
            return this;
        }

        /**
         * The venue.
         *
         * @param profile endpoints and limits.
         * @return this.
         */
        public Context profile(final VenueProfile profile)
        {
            this.profile = profile;
            return this;
        }

        /**
         * The venue.
         *
         * @return the profile.
         */
        public VenueProfile profile()
        {
            return profile;
        }

        /**
         * Symbols to subscribe.
         *
         * @param symbols venue symbols, case ignored.
         * @return this.
         */
        public Context symbols(final List<String> symbols)
        {
            this.symbols = List.copyOf(symbols);
            return this;
        }

        /**
         * Symbols to subscribe.
         *
         * @return the symbols.
         */
        public List<String> symbols()
        {
            return symbols;
        }

        /**
         * Subscribe every trading symbol of the venue's exchangeInfo.
         *
         * @param allSymbols instead of a list.
         * @return this.
         */
        public Context allSymbols(final boolean allSymbols)
        {
            this.allSymbols = allSymbols;
            return this;
        }

        /**
         * Whether every symbol is subscribed.
         *
         * @return true for all.
         */
        public boolean allSymbols()
        {
            return allSymbols;
        }

        /**
         * Streams per instrument.
         *
         * @param streams default the profile's.
         * @return this.
         */
        public Context streams(final List<String> streams)
        {
            this.streams = List.copyOf(streams);
            return this;
        }

        /**
         * Streams per instrument.
         *
         * @return the streams.
         */
        public List<String> streams()
        {
            return streams;
        }

        /**
         * Where market data goes: the md stream's publisher. Called on the feed's loop only.
         *
         * @param downstream the sink.
         * @return this.
         */
        public Context downstream(final MessageSink downstream)
        {
            this.downstream = downstream;
            return this;
        }

        /**
         * Where market data goes.
         *
         * @return the sink.
         */
        public MessageSink downstream()
        {
            return downstream;
        }

        /**
         * Instruments; filled from the reference data.
         *
         * @param registry default a new one.
         * @return this.
         */
        public Context registry(final InstrumentRegistry registry)
        {
            this.registry = registry;
            return this;
        }

        /**
         * Instruments.
         *
         * @return the registry.
         */
        public InstrumentRegistry registry()
        {
            return registry;
        }

        /**
         * Reference data from a file instead of the venue's REST exchangeInfo.
         *
         * @param exchangeInfoFile the venue's exchangeInfo reply.
         * @return this.
         */
        public Context exchangeInfoFile(final Path exchangeInfoFile)
        {
            this.exchangeInfoFile = exchangeInfoFile;
            return this;
        }

        /**
         * Reference data file.
         *
         * @return the file or null.
         */
        public Path exchangeInfoFile()
        {
            return exchangeInfoFile;
        }

        /**
         * Whether to fetch exchangeInfo over REST when no file is given.
         *
         * @param fetchExchangeInfo default true.
         * @return this.
         */
        public Context fetchExchangeInfo(final boolean fetchExchangeInfo)
        {
            this.fetchExchangeInfo = fetchExchangeInfo;
            return this;
        }

        /**
         * Whether to fetch exchangeInfo over REST.
         *
         * @return true to fetch.
         */
        public boolean fetchExchangeInfo()
        {
            return fetchExchangeInfo;
        }

        /**
         * Receive and publish times, read for every socket read and every frame.
         *
         * @param clock default Agrona's {@link OffsetEpochNanoClock} ({@code System.nanoTime()} anchored to the
         *              epoch), which never allocates; {@code SystemEpochNanoClock} builds an {@code Instant} per
         *              reading, which the JIT does not always elide.
         * @return this.
         */
        public Context clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        /**
         * Receive and publish times.
         *
         * @return the clock.
         */
        public EpochNanoClock clock()
        {
            return clock;
        }

        /**
         * Monotonic time for rate limits.
         *
         * @param nanoClock default the system's.
         * @return this.
         */
        public Context nanoClock(final NanoClock nanoClock)
        {
            this.nanoClock = nanoClock;
            return this;
        }

        /**
         * Monotonic time for rate limits.
         *
         * @return the clock.
         */
        public NanoClock nanoClock()
        {
            return nanoClock;
        }

        /**
         * Where counters are created.
         *
         * @param counterFactory default local counters.
         * @return this.
         */
        public Context counterFactory(final CounterFactory counterFactory)
        {
            this.counterFactory = counterFactory;
            return this;
        }

        /**
         * Where counters are created.
         *
         * @return the factory.
         */
        public CounterFactory counterFactory()
        {
            return counterFactory;
        }

        /**
         * Record the input into this directory.
         *
         * @param recordDirectory null not to record.
         * @return this.
         */
        public Context recordDirectory(final Path recordDirectory)
        {
            this.recordDirectory = recordDirectory;
            return this;
        }

        /**
         * Recording directory.
         *
         * @return the directory or null.
         */
        public Path recordDirectory()
        {
            return recordDirectory;
        }

        /**
         * Recording session name.
         *
         * @param recordSession default the venue and the start time.
         * @return this.
         */
        public Context recordSession(final String recordSession)
        {
            this.recordSession = recordSession;
            return this;
        }

        /**
         * Recording session name.
         *
         * @return the name or null.
         */
        public String recordSession()
        {
            return recordSession;
        }

        /**
         * Hears connection events.
         *
         * @param events default ignores them.
         * @return this.
         */
        public Context events(final ConnectionEvents events)
        {
            this.events = events;
            return this;
        }

        /**
         * Hears connection events.
         *
         * @return the listener.
         */
        public ConnectionEvents events()
        {
            return events;
        }

        /**
         * Stop once no frame has arrived for this long.
         *
         * @param idleTimeoutNs 0 never.
         * @return this.
         */
        public Context idleTimeoutNs(final long idleTimeoutNs)
        {
            this.idleTimeoutNs = idleTimeoutNs;
            return this;
        }

        /**
         * The idle timeout.
         *
         * @return nanoseconds, 0 for none.
         */
        public long idleTimeoutNs()
        {
            return idleTimeoutNs;
        }

        /**
         * Run on this loop instead of one of the feed's own.
         *
         * @param eventLoop shared loop, closed by its owner.
         * @return this.
         */
        public Context eventLoop(final FeedEventLoop eventLoop)
        {
            this.eventLoop = eventLoop;
            return this;
        }

        /**
         * The loop given, or null.
         *
         * @return the loop.
         */
        public FeedEventLoop eventLoop()
        {
            return eventLoop;
        }

        /**
         * The handler frames and snapshots are decoded by, given the feed: by default the feed's decoder of the
         * venue; a venue whose decoder comes from elsewhere (MEXC's protobuf) plugs it in here.
         *
         * @param frameHandlerFactory from the feed to its decoder.
         * @return this.
         */
        public Context frameHandlerFactory(final Function<MarketDataFeed, VenueFrameHandler> frameHandlerFactory)
        {
            this.frameHandlerFactory = frameHandlerFactory;
            return this;
        }

        /**
         * The decoder factory.
         *
         * @return the factory.
         */
        public Function<MarketDataFeed, VenueFrameHandler> frameHandlerFactory()
        {
            return frameHandlerFactory;
        }

        /**
         * The connection manager's tick.
         *
         * @param tickNs nanoseconds.
         * @return this.
         */
        public Context tickNs(final long tickNs)
        {
            this.tickNs = tickNs;
            return this;
        }

        /**
         * The connection manager's tick.
         *
         * @return nanoseconds.
         */
        public long tickNs()
        {
            return tickNs;
        }

        /**
         * Seed of the reconnect jitter.
         *
         * @param seed the seed.
         * @return this.
         */
        public Context seed(final long seed)
        {
            this.seed = seed;
            return this;
        }

        /**
         * Seed of the reconnect jitter.
         *
         * @return the seed.
         */
        public long seed()
        {
            return seed;
        }

        /**
         * Prefix of counter labels.
         *
         * @param label default {@code feed}.
         * @return this.
         */
        public Context label(final String label)
        {
            this.label = label;
            return this;
        }

        /**
         * Prefix of counter labels.
         *
         * @return the label.
         */
        public String label()
        {
            return label;
        }
    }
}
