/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.feed.synthetic.SyntheticMarket;
import io.hellmoon.feed.synthetic.SyntheticMarketConfiguration;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import org.agrona.CloseHelper;
import org.agrona.SystemUtil;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local exchange that speaks a venue's real wire protocols over loopback sockets, so feed handlers can be proven
 * without the internet: Binance's WebSocket streams and REST depth and exchangeInfo (spot, USD-M, COIN-M), or MEXC
 * futures' WebSocket and REST depth, serving recorded captures or the synthetic market on one timeline shared by all
 * connections, with injectable faults ({@link FaultSpec}).
 *
 * <h2>Use</h2>
 * <pre>{@code
 * try (SimExchange sim = SimExchange.launch(new SimExchange.Context()
 *     .venue(SimVenue.BINANCE_USDM)
 *     .replayFiles(List.of(capture))
 *     .speed(ReplaySpeed.parse("20x"))
 *     .faults(FaultSpec.parse("disconnect-every=4s,drop-diff-every=700"))))
 * {
 *     URI streams = URI.create(sim.webSocketUri() + "/stream?streams=btcusdt@depth@0ms");
 *     URI depth = URI.create(sim.restUri() + "/fapi/v1/depth?symbol=BTCUSDT&limit=1000");
 *     ...
 * }
 * }</pre>
 * Ports 0 bind ephemeral ports; {@link #webSocketPort()} and {@link #restPort()} tell which. With the REST port equal
 * to the WebSocket port (the default) one port serves both.
 *
 * <h2>Threads</h2>
 * One market thread (an Agrona {@link AgentRunner}) owns the source, the books and the timeline: it reads or
 * generates frames when due, hands each to the sessions subscribed to its stream, answers REST depth requests between
 * frames and injects the timed faults. Netty event loops (epoll where available, else NIO) run the sockets: the
 * protocol, heartbeats, REST, and the writes of the frames the market thread queued per connection.
 *
 * <h2>Time</h2>
 * The {@link Context#clock(EpochNanoClock) clock} drives the timeline (replay pacing, the synthetic market), the fault
 * schedules and the REST rate windows, so tests with a manual clock are deterministic; per-connection timers (pings,
 * heartbeat timeouts, lifetime, incoming message rate) run in real time on Netty's scheduler.
 */
public final class SimExchange implements AutoCloseable
{
    /**
     * What happens to a client whose queue of unsent frames is full, i.e. a client slower than the stream.
     */
    public enum SlowConsumerPolicy
    {
        /**
         * Close its connection, as a venue drops clients that cannot keep up.
         */
        DISCONNECT,

        /**
         * Hold the market thread until there is room (up to the slow-consumer timeout, then close): the stream runs
         * at the pace of its slowest client. The default at {@code --speed max}, where "as fast as possible" means as
         * fast as the clients take it.
         */
        BLOCK
    }

    /**
     * Which Netty transport the server uses.
     */
    public enum Transport
    {
        /**
         * Epoll where available, otherwise NIO.
         */
        AUTO,

        /**
         * Java NIO.
         */
        NIO,

        /**
         * Linux epoll (fails at start where it is not available).
         */
        EPOLL
    }

    private static final Pattern SERVER_TIME = Pattern.compile("\"serverTime\":\\d+");

    private final Context ctx;
    private final SimVenue venue;
    private final FaultSpec faults;
    private final SimCounters counters;
    private final TopicRegistry topics = new TopicRegistry();
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final Set<String> knownSymbols;
    private final MarketSource source;
    private final Dispatcher dispatcher;
    private final MarketAgent agent;
    private final RestLimiter limiter;
    private final String exchangeInfoPrefix;
    private final String exchangeInfoSuffix;
    private final List<Runnable> sourceDoneListeners = new CopyOnWriteArrayList<>();
    private final Consumer<String> log;
    private EventLoopGroup group;
    private AgentRunner runner;
    private Channel webSocketChannel;
    private Channel restChannel;
    private int webSocketPort = -1;
    private int restPort = -1;
    private volatile boolean stalled;
    private volatile boolean timelineStarted;
    private volatile boolean sourceDone;
    private boolean closed;

    /**
     * Build the simulator: conclude the context, open the captures or build the synthetic market. Nothing is bound
     * until {@link #start()}.
     *
     * @param ctx configuration; concluded here.
     * @throws IllegalStateException naming the setting and the reason when the configuration is invalid.
     * @throws IllegalArgumentException naming the file when a capture cannot be used.
     */
    public SimExchange(final Context ctx)
    {
        this.ctx = ctx.conclude();
        this.venue = ctx.venue();
        this.faults = ctx.faults();
        this.log = ctx.log();
        this.counters = new SimCounters(ctx.counterFactory(), venue.cliName());
        try
        {
            dispatcher = new Dispatcher(
                PooledByteBufAllocator.DEFAULT, counters, faults, ctx.slowConsumerPolicy(),
                ctx.slowConsumerTimeoutNs(), new SystemNanoClock(), log);
            source = newSource(ctx);
        }
        catch (final RuntimeException ex)
        {
            counters.close();
            throw ex;
        }
        knownSymbols = new HashSet<>(source.symbols());
        limiter = new RestLimiter(
            ctx.clock(), ctx.rateWindowNs(), ctx.requestWeightLimit(), faults.throttleRequests(), faults.banNs());
        agent = new MarketAgent(
            this, source, dispatcher, ctx.clock(), new SystemNanoClock(), counters, faults, ctx.waitForSubscriber(),
            log);

        final String info = source.exchangeInfoJson();
        final Matcher serverTime = null == info ? null : SERVER_TIME.matcher(info);
        if (null != serverTime && serverTime.find())
        {
            exchangeInfoPrefix = info.substring(0, serverTime.start()) + "\"serverTime\":";
            exchangeInfoSuffix = info.substring(serverTime.end());
        }
        else
        {
            exchangeInfoPrefix = null == info ? "{}" : info;
            exchangeInfoSuffix = null;
        }
    }

    private MarketSource newSource(final Context ctx)
    {
        if (!ctx.replayFiles().isEmpty())
        {
            return new BinanceReplaySource(
                venue, ctx.replayFiles(), ctx.speed(), ctx.clock(), ctx.batchLimit(), ctx.exchangeInfoFile(),
                dispatcher, topics, counters, log);
        }
        final SyntheticMarket.Context template = new SyntheticMarket.Context()
            .instrumentCount(ctx.syntheticInstruments())
            .seed(ctx.seed())
            .messageRate(ctx.syntheticMessageRate());
        final long startNs = ctx.clock().nanoTime();
        if (SimVenue.MEXC_FUTURES == venue)
        {
            return new MexcSyntheticSource(template, startNs, ctx.batchLimit(), dispatcher, topics, counters, log);
        }
        return new BinanceSyntheticSource(template, startNs, ctx.batchLimit(), dispatcher, topics, counters, log);
    }

    /**
     * Build and start a simulator.
     *
     * @param ctx configuration.
     * @return the running simulator; close it.
     */
    public static SimExchange launch(final Context ctx)
    {
        final SimExchange exchange = new SimExchange(ctx);
        try
        {
            return exchange.start();
        }
        catch (final RuntimeException ex)
        {
            exchange.close();
            throw ex;
        }
    }

    /**
     * Bind the ports and start the market thread.
     *
     * @return this.
     * @throws IllegalStateException if a port cannot be bound.
     */
    public SimExchange start()
    {
        final Transport transport = ctx.transport();
        final boolean epoll = Transport.EPOLL == transport || (Transport.AUTO == transport && Epoll.isAvailable());
        if (Transport.EPOLL == transport && !Epoll.isAvailable())
        {
            throw new IllegalStateException("transport EPOLL is not available here: " + Epoll.unavailabilityCause());
        }
        final IoHandlerFactory ioHandlerFactory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        final Class<? extends ServerChannel> channelClass =
            epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        group = new MultiThreadIoEventLoopGroup(ctx.ioThreads(), ioHandlerFactory);

        // Two ports asked as 0 are two ephemeral ports; the same fixed port is one.
        final boolean shared = ctx.restPort() < 0 || (ctx.restPort() == ctx.port() && 0 != ctx.port());
        webSocketChannel = bind(channelClass, ctx.port(), true, shared);
        webSocketPort = ((InetSocketAddress)webSocketChannel.localAddress()).getPort();
        if (shared)
        {
            restChannel = webSocketChannel;
            restPort = webSocketPort;
        }
        else
        {
            restChannel = bind(channelClass, ctx.restPort(), false, true);
            restPort = ((InetSocketAddress)restChannel.localAddress()).getPort();
        }

        for (final String line : source.describe())
        {
            log.accept(line);
        }
        log.accept(venue + " on " + ctx.bindAddress() + ": WebSocket port " + webSocketPort + ", REST port " +
            restPort + " (" + (epoll ? "epoll" : "nio") + "), faults: " +
            (faults.isEmpty() ? "none" : faults.toString()));

        runner = new AgentRunner(ctx.idleStrategy(), this::onAgentError, null, agent);
        AgentRunner.startOnThread(runner);
        return this;
    }

    private Channel bind(
        final Class<? extends ServerChannel> channelClass,
        final int port,
        final boolean serveWebSocket,
        final boolean serveRest)
    {
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(group)
            .channel(channelClass)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            // A stream burst is queued per session; the channel buffers up to 1 MiB of it before writes pause.
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                protected void initChannel(final SocketChannel channel)
                {
                    channel.pipeline()
                        .addLast("http-codec", new HttpServerCodec())
                        .addLast("http-aggregator", new HttpObjectAggregator(64 * 1024))
                        .addLast("http", new SimHttpHandler(SimExchange.this, serveWebSocket, serveRest));
                }
            });
        try
        {
            return bootstrap.bind(ctx.bindAddress(), port).sync().channel();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted binding port " + port, ex);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalStateException("cannot bind " + ctx.bindAddress() + ":" + port + ": " + ex, ex);
        }
    }

    private void onAgentError(final Throwable error)
    {
        log.accept("market thread error: " + error);
    }

    /**
     * The bound WebSocket port.
     *
     * @return the port, -1 before {@link #start()}.
     */
    public int webSocketPort()
    {
        return webSocketPort;
    }

    /**
     * The bound REST port (the WebSocket port when shared).
     *
     * @return the port, -1 before {@link #start()}.
     */
    public int restPort()
    {
        return restPort;
    }

    /**
     * Base URI of the WebSocket endpoints, e.g. {@code ws://127.0.0.1:41234}; append {@code /stream?streams=...},
     * {@code /ws/<stream>} or {@code /edge}.
     *
     * @return the URI text.
     */
    public String webSocketUri()
    {
        return "ws://" + ctx.bindAddress() + ":" + webSocketPort;
    }

    /**
     * Base URI of the REST endpoints, e.g. {@code http://127.0.0.1:41234}; append {@code /fapi/v1/depth?...}.
     *
     * @return the URI text.
     */
    public String restUri()
    {
        return "http://" + ctx.bindAddress() + ":" + restPort;
    }

    /**
     * The venue served.
     *
     * @return the venue.
     */
    public SimVenue venue()
    {
        return venue;
    }

    /**
     * The concluded configuration.
     *
     * @return the context.
     */
    public Context context()
    {
        return ctx;
    }

    /**
     * The counters.
     *
     * @return the counters, readable from any thread.
     */
    public SimCounters counters()
    {
        return counters;
    }

    /**
     * The symbols served, as the venue writes them.
     *
     * @return the symbols.
     */
    public List<String> symbols()
    {
        return source.symbols();
    }

    /**
     * Whether the timeline has started (at start, or at the first subscription when waiting for one).
     *
     * @return true once started.
     */
    public boolean isTimelineStarted()
    {
        return timelineStarted;
    }

    /**
     * Whether a replayed capture has been served to its end (connections and REST stay up).
     *
     * @return true at the end of the capture; never for a synthetic market.
     */
    public boolean isSourceDone()
    {
        return sourceDone;
    }

    /**
     * Run an action (on the market thread) when the capture has been served to its end; at once if it has.
     *
     * @param listener to run once.
     */
    public void onSourceDone(final Runnable listener)
    {
        sourceDoneListeners.add(listener);
        if (sourceDone && sourceDoneListeners.remove(listener))
        {
            listener.run();
        }
    }

    /**
     * Close the server, every connection and the source.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        CloseHelper.quietClose(runner);
        if (null != webSocketChannel)
        {
            webSocketChannel.close().syncUninterruptibly();
        }
        if (null != restChannel && restChannel != webSocketChannel)
        {
            restChannel.close().syncUninterruptibly();
        }
        closeAllSessions("simulator closing");
        if (null != group)
        {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        CloseHelper.quietClose(source);
        log.accept("closed: " + counters.summaryLine());
        counters.close();
    }

    // ------------------------------------------------------------------------------------------------ internal

    FaultSpec faults()
    {
        return faults;
    }

    TopicRegistry topics()
    {
        return topics;
    }

    RestLimiter limiter()
    {
        return limiter;
    }

    void submit(final DepthRequest request)
    {
        agent.submit(request);
    }

    boolean isKnownSymbol(final String symbol)
    {
        return knownSymbols.contains(symbol);
    }

    long nowMs()
    {
        return ctx.clock().nanoTime() / 1_000_000L;
    }

    boolean isStalled()
    {
        return stalled;
    }

    void stalled(final boolean stalled)
    {
        this.stalled = stalled;
    }

    void log(final String line)
    {
        log.accept(line);
    }

    byte[] exchangeInfoBody()
    {
        final String body = null == exchangeInfoSuffix ? exchangeInfoPrefix :
            exchangeInfoPrefix + nowMs() + exchangeInfoSuffix;
        return body.getBytes(StandardCharsets.UTF_8);
    }

    void register(final Session session)
    {
        sessions.add(session);
        counters.connectionsOpened.increment();
        counters.connectionsOpen.increment();
    }

    void unregister(final Session session)
    {
        if (sessions.remove(session))
        {
            counters.connectionsClosed.increment();
            counters.connectionsOpen.decrement();
            log.accept(session + ": gone" + (null == session.closeReason() ? " (client closed the socket)" :
                " (" + session.closeReason() + ")"));
        }
    }

    int closeAllSessions(final String reason)
    {
        int closed = 0;
        for (final Session session : new ArrayList<>(sessions))
        {
            session.close(reason);
            closed++;
        }
        return closed;
    }

    void onTimelineStarted()
    {
        timelineStarted = true;
    }

    void onSourceDone()
    {
        sourceDone = true;
        for (final Runnable listener : sourceDoneListeners)
        {
            if (sourceDoneListeners.remove(listener))
            {
                listener.run();
            }
        }
    }

    /**
     * Property names and defaults of the simulator; durations are {@link DurationText} ({@code 20s}).
     */
    public static final class Configuration
    {
        /**
         * Address the ports are bound to.
         */
        public static final String BIND_ADDRESS_PROP_NAME = "hellmoon.sim.bind.address";

        /**
         * Default bind address: loopback only.
         */
        public static final String BIND_ADDRESS_DEFAULT = "127.0.0.1";

        /**
         * Server ping interval (Binance); unset: the venue's (spot 20 s, futures 3 min); 0: none.
         */
        public static final String PING_INTERVAL_PROP_NAME = "hellmoon.sim.ping.interval";

        /**
         * Binance: how long a ping may go unanswered; MEXC: how long without a client ping. Unset: the venue's.
         */
        public static final String HEARTBEAT_TIMEOUT_PROP_NAME = "hellmoon.sim.heartbeat.timeout";

        /**
         * Connection lifetime, after which the server closes it.
         */
        public static final String CONNECTION_LIFETIME_PROP_NAME = "hellmoon.sim.connection.lifetime";

        /**
         * Default lifetime: Binance's 24 h.
         */
        public static final long CONNECTION_LIFETIME_DEFAULT_NS = TimeUnit.HOURS.toNanos(24);

        /**
         * Incoming messages per second per connection; unset: the venue's (spot 5, futures 10).
         */
        public static final String MAX_INCOMING_MESSAGES_PROP_NAME = "hellmoon.sim.max.incoming.messages.per.second";

        /**
         * Streams per connection; unset: the venue's (Binance 1024).
         */
        public static final String MAX_STREAMS_PROP_NAME = "hellmoon.sim.max.streams.per.connection";

        /**
         * REST request weight per rate window before 429; unset: the venue's (spot 6000, futures 2400).
         */
        public static final String REQUEST_WEIGHT_LIMIT_PROP_NAME = "hellmoon.sim.request.weight.limit";

        /**
         * Length of a REST rate window.
         */
        public static final String RATE_WINDOW_PROP_NAME = "hellmoon.sim.rate.window";

        /**
         * Default rate window: a minute, as Binance's {@code X-MBX-USED-WEIGHT-1M}.
         */
        public static final long RATE_WINDOW_DEFAULT_NS = TimeUnit.MINUTES.toNanos(1);

        /**
         * Frames queued per connection before the slow-consumer policy applies.
         */
        public static final String SESSION_QUEUE_CAPACITY_PROP_NAME = "hellmoon.sim.session.queue.capacity";

        /**
         * Default queue capacity.
         */
        public static final int SESSION_QUEUE_CAPACITY_DEFAULT = 64 * 1024;

        /**
         * How long the BLOCK policy waits for a slow client before closing it.
         */
        public static final String SLOW_CONSUMER_TIMEOUT_PROP_NAME = "hellmoon.sim.slow.consumer.timeout";

        /**
         * Default slow-consumer timeout.
         */
        public static final long SLOW_CONSUMER_TIMEOUT_DEFAULT_NS = TimeUnit.SECONDS.toNanos(10);

        /**
         * How long a REST depth request may wait for a book the capture has not reached yet, before 503.
         */
        public static final String DEPTH_REQUEST_TIMEOUT_PROP_NAME = "hellmoon.sim.depth.request.timeout";

        /**
         * Default depth request timeout.
         */
        public static final long DEPTH_REQUEST_TIMEOUT_DEFAULT_NS = TimeUnit.SECONDS.toNanos(10);

        /**
         * Netty event loop threads.
         */
        public static final String IO_THREADS_PROP_NAME = "hellmoon.sim.io.threads";

        /**
         * Default event loop threads.
         */
        public static final int IO_THREADS_DEFAULT = 1;

        /**
         * Frames the market thread delivers per duty cycle at most.
         */
        public static final String BATCH_LIMIT_PROP_NAME = "hellmoon.sim.batch.limit";

        /**
         * Default batch limit.
         */
        public static final int BATCH_LIMIT_DEFAULT = 256;

        /**
         * Largest incoming WebSocket message accepted.
         */
        public static final String MAX_INCOMING_FRAME_LENGTH_PROP_NAME = "hellmoon.sim.max.incoming.frame.length";

        /**
         * Default largest incoming message.
         */
        public static final int MAX_INCOMING_FRAME_LENGTH_DEFAULT = 64 * 1024;

        private Configuration()
        {
        }

        static long durationNs(final String propertyName, final long defaultNs)
        {
            final String value = System.getProperty(propertyName);
            if (null == value)
            {
                return defaultNs;
            }
            try
            {
                return DurationText.parseNs(value);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalStateException(propertyName + "=" + value + ": " + ex.getMessage(), ex);
            }
        }

        static int integer(final String propertyName, final int defaultValue)
        {
            final String value = System.getProperty(propertyName);
            if (null == value)
            {
                return defaultValue;
            }
            try
            {
                return SystemUtil.parseSize(propertyName, value) > Integer.MAX_VALUE ? Integer.MAX_VALUE :
                    (int)SystemUtil.parseSize(propertyName, value);
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalStateException(propertyName + "=" + value + ": not an integer", ex);
            }
        }
    }

    /**
     * Configuration of a {@link SimExchange}: fields start from {@link Configuration}'s properties and defaults (and
     * the venue's limits where a value is left unset), setters override them, {@link #conclude()} validates and fails
     * naming the setting and the reason. Do not reuse a context.
     */
    public static final class Context
    {
        private static final int UNSET = Integer.MIN_VALUE;
        private static final long UNSET_NS = Long.MIN_VALUE;

        private SimVenue venue;
        private String bindAddress = System.getProperty(
            Configuration.BIND_ADDRESS_PROP_NAME, Configuration.BIND_ADDRESS_DEFAULT);
        private int port;
        private int restPort = -1;
        private List<Path> replayFiles = List.of();
        private ReplaySpeed speed = ReplaySpeed.RECORDED;
        private int syntheticInstruments = UNSET;
        private double syntheticMessageRate = SyntheticMarketConfiguration.messageRate();
        private long seed = SyntheticMarketConfiguration.seed();
        private FaultSpec faults = FaultSpec.NONE;
        private Path exchangeInfoFile;
        private EpochNanoClock clock;
        private long pingIntervalNs = Configuration.durationNs(Configuration.PING_INTERVAL_PROP_NAME, UNSET_NS);
        private long heartbeatTimeoutNs =
            Configuration.durationNs(Configuration.HEARTBEAT_TIMEOUT_PROP_NAME, UNSET_NS);
        private long connectionLifetimeNs = Configuration.durationNs(
            Configuration.CONNECTION_LIFETIME_PROP_NAME, Configuration.CONNECTION_LIFETIME_DEFAULT_NS);
        private int maxIncomingMessagesPerSecond =
            Configuration.integer(Configuration.MAX_INCOMING_MESSAGES_PROP_NAME, UNSET);
        private int maxStreamsPerConnection = Configuration.integer(Configuration.MAX_STREAMS_PROP_NAME, UNSET);
        private int requestWeightLimit = Configuration.integer(Configuration.REQUEST_WEIGHT_LIMIT_PROP_NAME, UNSET);
        private long rateWindowNs =
            Configuration.durationNs(Configuration.RATE_WINDOW_PROP_NAME, Configuration.RATE_WINDOW_DEFAULT_NS);
        private int sessionQueueCapacity = Configuration.integer(
            Configuration.SESSION_QUEUE_CAPACITY_PROP_NAME, Configuration.SESSION_QUEUE_CAPACITY_DEFAULT);
        private SlowConsumerPolicy slowConsumerPolicy;
        private long slowConsumerTimeoutNs = Configuration.durationNs(
            Configuration.SLOW_CONSUMER_TIMEOUT_PROP_NAME, Configuration.SLOW_CONSUMER_TIMEOUT_DEFAULT_NS);
        private long depthRequestTimeoutNs = Configuration.durationNs(
            Configuration.DEPTH_REQUEST_TIMEOUT_PROP_NAME, Configuration.DEPTH_REQUEST_TIMEOUT_DEFAULT_NS);
        private int ioThreads =
            Configuration.integer(Configuration.IO_THREADS_PROP_NAME, Configuration.IO_THREADS_DEFAULT);
        private int batchLimit =
            Configuration.integer(Configuration.BATCH_LIMIT_PROP_NAME, Configuration.BATCH_LIMIT_DEFAULT);
        private int maxIncomingFrameLength = Configuration.integer(
            Configuration.MAX_INCOMING_FRAME_LENGTH_PROP_NAME, Configuration.MAX_INCOMING_FRAME_LENGTH_DEFAULT);
        private boolean waitForSubscriber;
        private Transport transport = Transport.AUTO;
        private CounterFactory counterFactory;
        private IdleStrategy idleStrategy;
        private Consumer<String> log;
        private boolean concluded;

        /**
         * Validate and fill in defaults; called by the simulator's constructor, and idempotent.
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
            require(null != venue, "venue", null, "must be set: one of " + SimVenue.validNames());
            require(null != bindAddress && !bindAddress.isBlank(), Configuration.BIND_ADDRESS_PROP_NAME, bindAddress,
                "must be an address");
            require(port >= 0 && port <= 65535, "port", port, "must be 0 (any free port) to 65535");
            require(restPort >= -1 && restPort <= 65535, "restPort", restPort,
                "must be -1 (the WebSocket port), 0 (any free port) or up to 65535");
            require(null != replayFiles, "replayFiles", null, "must not be null (empty for a synthetic market)");
            require(null != speed, "speed", null, "must be set");
            require(null != faults, "faults", null, "must be set (FaultSpec.NONE for none)");

            final boolean replay = !replayFiles.isEmpty();
            require(!(replay && UNSET != syntheticInstruments), "syntheticInstruments", syntheticInstruments,
                "cannot be combined with replayFiles: serve a capture or a synthetic market, not both");
            if (replay)
            {
                require(venue.isBinance(), "replayFiles", replayFiles,
                    "cannot be served as " + venue + ": captures are Binance's; MEXC futures serves the synthetic " +
                    "market");
                for (final Path file : replayFiles)
                {
                    require(null != file && Files.isRegularFile(file), "replayFiles", file, "no such file");
                }
            }
            else
            {
                if (UNSET == syntheticInstruments)
                {
                    syntheticInstruments = SyntheticMarketConfiguration.INSTRUMENT_COUNT_DEFAULT;
                }
                require(syntheticInstruments >= 1 && syntheticInstruments <= 100_000, "syntheticInstruments",
                    syntheticInstruments, "must be 1 to 100,000");
                require(SimVenue.BINANCE_USDM == venue || SimVenue.MEXC_FUTURES == venue, "venue", venue,
                    "cannot serve the synthetic market, which is USD-M style perpetuals (spot's contiguous ids and " +
                    "COIN-M's contracts are not simulated): use binance-usdm or mexc-futures, or replay a capture");
                require(syntheticMessageRate > 0 && Double.isFinite(syntheticMessageRate), "syntheticMessageRate",
                    syntheticMessageRate, "must be positive");
            }
            require(null == exchangeInfoFile || Files.isRegularFile(exchangeInfoFile), "exchangeInfoFile",
                exchangeInfoFile, "no such file");

            if (UNSET_NS == pingIntervalNs)
            {
                pingIntervalNs = venue.pingIntervalNs();
            }
            if (UNSET_NS == heartbeatTimeoutNs)
            {
                heartbeatTimeoutNs = venue.heartbeatTimeoutNs();
            }
            if (UNSET == maxIncomingMessagesPerSecond)
            {
                maxIncomingMessagesPerSecond = venue.maxIncomingMessagesPerSecond();
            }
            if (UNSET == maxStreamsPerConnection)
            {
                maxStreamsPerConnection = venue.maxStreamsPerConnection();
            }
            if (UNSET == requestWeightLimit)
            {
                requestWeightLimit = venue.requestWeightLimitPerMinute();
            }
            require(pingIntervalNs >= 0, Configuration.PING_INTERVAL_PROP_NAME, pingIntervalNs,
                "must be 0 (no pings) or positive");
            require(heartbeatTimeoutNs > 0, Configuration.HEARTBEAT_TIMEOUT_PROP_NAME, heartbeatTimeoutNs,
                "must be positive");
            require(connectionLifetimeNs > 0, Configuration.CONNECTION_LIFETIME_PROP_NAME, connectionLifetimeNs,
                "must be positive");
            require(maxIncomingMessagesPerSecond >= 0, Configuration.MAX_INCOMING_MESSAGES_PROP_NAME,
                maxIncomingMessagesPerSecond, "must be 0 (no limit) or positive");
            require(maxStreamsPerConnection >= 1, Configuration.MAX_STREAMS_PROP_NAME, maxStreamsPerConnection,
                "must be positive");
            require(requestWeightLimit >= 0, Configuration.REQUEST_WEIGHT_LIMIT_PROP_NAME, requestWeightLimit,
                "must be 0 (no limit) or positive");
            require(rateWindowNs > 0, Configuration.RATE_WINDOW_PROP_NAME, rateWindowNs, "must be positive");
            require(sessionQueueCapacity >= 16, Configuration.SESSION_QUEUE_CAPACITY_PROP_NAME, sessionQueueCapacity,
                "must be at least 16");
            require(slowConsumerTimeoutNs > 0, Configuration.SLOW_CONSUMER_TIMEOUT_PROP_NAME, slowConsumerTimeoutNs,
                "must be positive");
            require(depthRequestTimeoutNs > 0, Configuration.DEPTH_REQUEST_TIMEOUT_PROP_NAME, depthRequestTimeoutNs,
                "must be positive");
            require(ioThreads >= 1 && ioThreads <= 64, Configuration.IO_THREADS_PROP_NAME, ioThreads,
                "must be 1 to 64");
            require(batchLimit >= 1, Configuration.BATCH_LIMIT_PROP_NAME, batchLimit, "must be positive");
            require(maxIncomingFrameLength >= 1024, Configuration.MAX_INCOMING_FRAME_LENGTH_PROP_NAME,
                maxIncomingFrameLength, "must be at least 1024");
            require(null != transport, "transport", null, "must be set");

            if (null == slowConsumerPolicy)
            {
                slowConsumerPolicy = replay && speed.isMax() ? SlowConsumerPolicy.BLOCK : SlowConsumerPolicy.DISCONNECT;
            }
            if (null == clock)
            {
                clock = new OffsetEpochNanoClock();
            }
            if (null == counterFactory)
            {
                counterFactory = CounterFactory.local(64);
            }
            if (null == idleStrategy)
            {
                idleStrategy = new BackoffIdleStrategy(10, 20, 1_000, TimeUnit.MICROSECONDS.toNanos(500));
            }
            if (null == log)
            {
                log = (line) -> {};
            }
            concluded = true;
            return this;
        }

        private static void require(final boolean condition, final String key, final Object value, final String why)
        {
            if (!condition)
            {
                throw new IllegalStateException(key + "=" + value + ": " + why);
            }
        }

        /**
         * The venue to simulate. Required.
         *
         * @param venue the venue.
         * @return this.
         */
        public Context venue(final SimVenue venue)
        {
            this.venue = venue;
            return this;
        }

        /**
         * The venue simulated.
         *
         * @return the venue.
         */
        public SimVenue venue()
        {
            return venue;
        }

        /**
         * Address to bind.
         *
         * @param bindAddress default loopback ({@value Configuration#BIND_ADDRESS_DEFAULT}).
         * @return this.
         */
        public Context bindAddress(final String bindAddress)
        {
            this.bindAddress = bindAddress;
            return this;
        }

        /**
         * Address bound.
         *
         * @return the address.
         */
        public String bindAddress()
        {
            return bindAddress;
        }

        /**
         * WebSocket port (and REST, unless {@link #restPort(int)} differs).
         *
         * @param port 0 (default) for any free port.
         * @return this.
         */
        public Context port(final int port)
        {
            this.port = port;
            return this;
        }

        /**
         * WebSocket port asked for.
         *
         * @return the port.
         */
        public int port()
        {
            return port;
        }

        /**
         * REST port.
         *
         * @param restPort -1 (default) to serve REST on the WebSocket port, 0 for another free port.
         * @return this.
         */
        public Context restPort(final int restPort)
        {
            this.restPort = restPort;
            return this;
        }

        /**
         * REST port asked for.
         *
         * @return the port, -1 for the WebSocket port.
         */
        public int restPort()
        {
            return restPort;
        }

        /**
         * Serve these captures (hftbacktest files, cryptofeed sessions) instead of the synthetic market.
         *
         * @param replayFiles the files, in the order the replayer should read them.
         * @return this.
         */
        public Context replayFiles(final List<Path> replayFiles)
        {
            this.replayFiles = null == replayFiles ? null : List.copyOf(replayFiles);
            return this;
        }

        /**
         * Captures served.
         *
         * @return the files, empty for a synthetic market.
         */
        public List<Path> replayFiles()
        {
            return replayFiles;
        }

        /**
         * Replay speed.
         *
         * @param speed default {@link ReplaySpeed#RECORDED} (1x).
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
         * Serve a synthetic market of this many symbols (the default source, 2,000 symbols).
         *
         * @param syntheticInstruments 1 to 100,000.
         * @return this.
         */
        public Context syntheticInstruments(final int syntheticInstruments)
        {
            this.syntheticInstruments = syntheticInstruments;
            return this;
        }

        /**
         * Symbols of the synthetic market.
         *
         * @return the count (after {@link #conclude()}).
         */
        public int syntheticInstruments()
        {
            return syntheticInstruments;
        }

        /**
         * Frames per second the synthetic market aims at over all its symbols.
         *
         * @param syntheticMessageRate default the synthetic market's (10,000).
         * @return this.
         */
        public Context syntheticMessageRate(final double syntheticMessageRate)
        {
            this.syntheticMessageRate = syntheticMessageRate;
            return this;
        }

        /**
         * Synthetic frame rate.
         *
         * @return frames per second.
         */
        public double syntheticMessageRate()
        {
            return syntheticMessageRate;
        }

        /**
         * Seed of the synthetic market.
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
         * Seed of the synthetic market.
         *
         * @return the seed.
         */
        public long seed()
        {
            return seed;
        }

        /**
         * Faults to inject.
         *
         * @param faults default none.
         * @return this.
         */
        public Context faults(final FaultSpec faults)
        {
            this.faults = faults;
            return this;
        }

        /**
         * Faults injected.
         *
         * @return the faults.
         */
        public FaultSpec faults()
        {
            return faults;
        }

        /**
         * An exchangeInfo reply to serve for a replay (a JSON body, or a cryptofeed {@code X.0} file); by default
         * the one recorded with a cryptofeed session, else one generated for the capture's symbols.
         *
         * @param exchangeInfoFile the file, or null.
         * @return this.
         */
        public Context exchangeInfoFile(final Path exchangeInfoFile)
        {
            this.exchangeInfoFile = exchangeInfoFile;
            return this;
        }

        /**
         * The exchangeInfo file given.
         *
         * @return the file or null.
         */
        public Path exchangeInfoFile()
        {
            return exchangeInfoFile;
        }

        /**
         * Clock of the timeline, the fault schedules and the REST rate windows; read from the market thread and the
         * event loops.
         *
         * @param clock default an {@link OffsetEpochNanoClock} (the system's time without allocating).
         * @return this.
         */
        public Context clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        /**
         * Clock of the timeline.
         *
         * @return the clock.
         */
        public EpochNanoClock clock()
        {
            return clock;
        }

        /**
         * How often the server pings each Binance connection.
         *
         * @param pingIntervalNs 0 for never; default the venue's (spot 20 s, futures 3 min).
         * @return this.
         */
        public Context pingIntervalNs(final long pingIntervalNs)
        {
            this.pingIntervalNs = pingIntervalNs;
            return this;
        }

        /**
         * Server ping interval.
         *
         * @return nanoseconds.
         */
        public long pingIntervalNs()
        {
            return pingIntervalNs;
        }

        /**
         * Binance: how long a ping may go without a pong before the connection is closed; MEXC: how long a
         * connection may go without a client ping.
         *
         * @param heartbeatTimeoutNs default the venue's (spot 1 min, futures 10 min, MEXC 1 min).
         * @return this.
         */
        public Context heartbeatTimeoutNs(final long heartbeatTimeoutNs)
        {
            this.heartbeatTimeoutNs = heartbeatTimeoutNs;
            return this;
        }

        /**
         * Heartbeat timeout.
         *
         * @return nanoseconds.
         */
        public long heartbeatTimeoutNs()
        {
            return heartbeatTimeoutNs;
        }

        /**
         * Connection lifetime, after which the server closes the connection with a close frame.
         *
         * @param connectionLifetimeNs default 24 h.
         * @return this.
         */
        public Context connectionLifetimeNs(final long connectionLifetimeNs)
        {
            this.connectionLifetimeNs = connectionLifetimeNs;
            return this;
        }

        /**
         * Connection lifetime.
         *
         * @return nanoseconds.
         */
        public long connectionLifetimeNs()
        {
            return connectionLifetimeNs;
        }

        /**
         * Incoming messages (pings, pongs, control messages) per second per connection before it is closed.
         *
         * @param maxIncomingMessagesPerSecond 0 for no limit; default the venue's (spot 5, futures 10).
         * @return this.
         */
        public Context maxIncomingMessagesPerSecond(final int maxIncomingMessagesPerSecond)
        {
            this.maxIncomingMessagesPerSecond = maxIncomingMessagesPerSecond;
            return this;
        }

        /**
         * Incoming message limit.
         *
         * @return messages per second.
         */
        public int maxIncomingMessagesPerSecond()
        {
            return maxIncomingMessagesPerSecond;
        }

        /**
         * Streams one connection may subscribe.
         *
         * @param maxStreamsPerConnection default the venue's (Binance 1024).
         * @return this.
         */
        public Context maxStreamsPerConnection(final int maxStreamsPerConnection)
        {
            this.maxStreamsPerConnection = maxStreamsPerConnection;
            return this;
        }

        /**
         * Stream limit.
         *
         * @return streams.
         */
        public int maxStreamsPerConnection()
        {
            return maxStreamsPerConnection;
        }

        /**
         * REST weight per rate window before 429.
         *
         * @param requestWeightLimit 0 for no limit; default the venue's (spot 6000, futures 2400).
         * @return this.
         */
        public Context requestWeightLimit(final int requestWeightLimit)
        {
            this.requestWeightLimit = requestWeightLimit;
            return this;
        }

        /**
         * REST weight limit.
         *
         * @return weight per window.
         */
        public int requestWeightLimit()
        {
            return requestWeightLimit;
        }

        /**
         * Length of a REST rate window (weight and the throttle fault), windows aligned to its multiples.
         *
         * @param rateWindowNs default one minute.
         * @return this.
         */
        public Context rateWindowNs(final long rateWindowNs)
        {
            this.rateWindowNs = rateWindowNs;
            return this;
        }

        /**
         * Rate window.
         *
         * @return nanoseconds.
         */
        public long rateWindowNs()
        {
            return rateWindowNs;
        }

        /**
         * Frames queued per connection before the slow-consumer policy applies.
         *
         * @param sessionQueueCapacity at least 16.
         * @return this.
         */
        public Context sessionQueueCapacity(final int sessionQueueCapacity)
        {
            this.sessionQueueCapacity = sessionQueueCapacity;
            return this;
        }

        /**
         * Queue capacity.
         *
         * @return frames.
         */
        public int sessionQueueCapacity()
        {
            return sessionQueueCapacity;
        }

        /**
         * What to do with a client slower than the stream.
         *
         * @param slowConsumerPolicy default BLOCK for a replay at max speed, DISCONNECT otherwise.
         * @return this.
         */
        public Context slowConsumerPolicy(final SlowConsumerPolicy slowConsumerPolicy)
        {
            this.slowConsumerPolicy = slowConsumerPolicy;
            return this;
        }

        /**
         * Slow-consumer policy.
         *
         * @return the policy.
         */
        public SlowConsumerPolicy slowConsumerPolicy()
        {
            return slowConsumerPolicy;
        }

        /**
         * How long BLOCK waits for a slow client before closing it.
         *
         * @param slowConsumerTimeoutNs default 10 s.
         * @return this.
         */
        public Context slowConsumerTimeoutNs(final long slowConsumerTimeoutNs)
        {
            this.slowConsumerTimeoutNs = slowConsumerTimeoutNs;
            return this;
        }

        /**
         * Slow-consumer timeout.
         *
         * @return nanoseconds.
         */
        public long slowConsumerTimeoutNs()
        {
            return slowConsumerTimeoutNs;
        }

        /**
         * How long a depth request may wait for a book the capture has not reached, before 503.
         *
         * @param depthRequestTimeoutNs default 10 s.
         * @return this.
         */
        public Context depthRequestTimeoutNs(final long depthRequestTimeoutNs)
        {
            this.depthRequestTimeoutNs = depthRequestTimeoutNs;
            return this;
        }

        /**
         * Depth request timeout.
         *
         * @return nanoseconds.
         */
        public long depthRequestTimeoutNs()
        {
            return depthRequestTimeoutNs;
        }

        /**
         * Netty event loop threads.
         *
         * @param ioThreads default 1.
         * @return this.
         */
        public Context ioThreads(final int ioThreads)
        {
            this.ioThreads = ioThreads;
            return this;
        }

        /**
         * Event loop threads.
         *
         * @return threads.
         */
        public int ioThreads()
        {
            return ioThreads;
        }

        /**
         * Frames the market thread delivers per duty cycle at most.
         *
         * @param batchLimit default 256.
         * @return this.
         */
        public Context batchLimit(final int batchLimit)
        {
            this.batchLimit = batchLimit;
            return this;
        }

        /**
         * Batch limit.
         *
         * @return frames.
         */
        public int batchLimit()
        {
            return batchLimit;
        }

        /**
         * Largest incoming WebSocket message.
         *
         * @param maxIncomingFrameLength default 64 KiB.
         * @return this.
         */
        public Context maxIncomingFrameLength(final int maxIncomingFrameLength)
        {
            this.maxIncomingFrameLength = maxIncomingFrameLength;
            return this;
        }

        /**
         * Largest incoming message.
         *
         * @return bytes.
         */
        public int maxIncomingFrameLength()
        {
            return maxIncomingFrameLength;
        }

        /**
         * Hold the timeline until a client subscribes to something, so the first client sees the capture from its
         * start (for tests and scripted runs).
         *
         * @param waitForSubscriber default false: the timeline starts with the simulator.
         * @return this.
         */
        public Context waitForSubscriber(final boolean waitForSubscriber)
        {
            this.waitForSubscriber = waitForSubscriber;
            return this;
        }

        /**
         * Whether the timeline waits for a subscriber.
         *
         * @return true if it waits.
         */
        public boolean waitForSubscriber()
        {
            return waitForSubscriber;
        }

        /**
         * Netty transport.
         *
         * @param transport default AUTO (epoll where available).
         * @return this.
         */
        public Context transport(final Transport transport)
        {
            this.transport = transport;
            return this;
        }

        /**
         * Netty transport.
         *
         * @return the transport.
         */
        public Transport transport()
        {
            return transport;
        }

        /**
         * Where the counters live.
         *
         * @param counterFactory default local memory.
         * @return this.
         */
        public Context counterFactory(final CounterFactory counterFactory)
        {
            this.counterFactory = counterFactory;
            return this;
        }

        /**
         * Counter factory.
         *
         * @return the factory.
         */
        public CounterFactory counterFactory()
        {
            return counterFactory;
        }

        /**
         * Idle strategy of the market thread between frames.
         *
         * @param idleStrategy default a backoff parking up to 0.5 ms (the pacing resolution at 1x).
         * @return this.
         */
        public Context idleStrategy(final IdleStrategy idleStrategy)
        {
            this.idleStrategy = idleStrategy;
            return this;
        }

        /**
         * Idle strategy.
         *
         * @return the strategy.
         */
        public IdleStrategy idleStrategy()
        {
            return idleStrategy;
        }

        /**
         * Where log lines go (start-up, connections opened and closed, faults injected, errors); called from the
         * market thread and the event loops.
         *
         * @param log default discard.
         * @return this.
         */
        public Context log(final Consumer<String> log)
        {
            this.log = log;
            return this;
        }

        /**
         * The log.
         *
         * @return the consumer.
         */
        public Consumer<String> log()
        {
            return log;
        }
    }
}
