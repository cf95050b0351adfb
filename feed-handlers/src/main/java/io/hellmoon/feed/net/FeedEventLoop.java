/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.net;

import io.hellmoon.codecs.HellmoonConfiguration;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.agrona.SystemUtil;

import javax.net.ssl.SSLException;
import java.io.File;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The one I/O thread of a feed: a Netty event loop (native epoll where available, NIO otherwise) that owns the feed's
 * WebSocket and HTTP connections and runs everything that touches them and the decoders behind them: frame parsing
 * and decoding, REST replies, and the timers for heartbeats, rotation, reconnects and pacing. Nothing is shared with
 * another thread, so nothing is locked.
 * <p>
 * Netty's buffer leak detection samples buffers and allocates a tracker for each one it samples, on the I/O thread,
 * so it is switched off (process wide) unless {@value Configuration#LEAK_DETECTION_PROP_NAME} is true or Netty's own
 * {@code io.netty.leakDetection.level} is set.
 * <p>
 * Methods of the clients built on this loop ({@link WebSocketClient}, {@link HttpClient}) and of the components they
 * feed must be called on {@link #eventLoop()}; other threads hand work over with {@link #execute(Runnable)}.
 */
public final class FeedEventLoop implements AutoCloseable
{
    private static final String NETTY_LEAK_DETECTION_PROP_NAME = "io.netty.leakDetection.level";

    private final Context ctx;
    private final MultiThreadIoEventLoopGroup group;
    private final EventLoop eventLoop;
    private final boolean epoll;
    private final SslContext sslContext;

    /**
     * Start the loop's thread.
     *
     * @param ctx its configuration; concluded here if it was not already.
     */
    public FeedEventLoop(final Context ctx)
    {
        ctx.conclude();
        this.ctx = ctx;
        if (!ctx.leakDetection() && null == System.getProperty(NETTY_LEAK_DETECTION_PROP_NAME))
        {
            // Leak detection samples buffers and allocates a tracker for each sampled one, on the I/O thread.
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        epoll = NetTransport.EPOLL == ctx.transport() || (NetTransport.AUTO == ctx.transport() && Epoll.isAvailable());
        final IoHandlerFactory ioHandlerFactory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(ctx.threadName(), true), ioHandlerFactory);
        eventLoop = group.next();
        sslContext = ctx.sslContext();
    }

    /**
     * The event loop: every connection of the feed is registered with it.
     *
     * @return the loop.
     */
    public EventLoop eventLoop()
    {
        return eventLoop;
    }

    /**
     * Whether the caller runs on the loop's thread.
     *
     * @return true on the loop.
     */
    public boolean inEventLoop()
    {
        return eventLoop.inEventLoop();
    }

    /**
     * Run a task on the loop's thread, after what it is doing now.
     *
     * @param task to run.
     */
    public void execute(final Runnable task)
    {
        eventLoop.execute(task);
    }

    /**
     * Whether the native epoll transport is used.
     *
     * @return true for epoll, false for NIO.
     */
    public boolean isEpoll()
    {
        return epoll;
    }

    /**
     * The channel class of the transport.
     *
     * @return the socket channel class.
     */
    public Class<? extends SocketChannel> socketChannelClass()
    {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /**
     * The allocator for connections' buffers: pooled, so reads reuse their buffers.
     *
     * @return the allocator.
     */
    public ByteBufAllocator allocator()
    {
        return PooledByteBufAllocator.DEFAULT;
    }

    /**
     * TLS for {@code wss://} and {@code https://}.
     *
     * @return the client context.
     */
    public SslContext sslContext()
    {
        return sslContext;
    }

    /**
     * The configuration.
     *
     * @return the concluded context.
     */
    public Context context()
    {
        return ctx;
    }

    /**
     * Stop the loop's thread, waiting for it to finish what it is doing; connections still open are closed.
     */
    public void close()
    {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    /**
     * Property names and defaults of the feed's network clients.
     */
    public static final class Configuration
    {
        /**
         * {@code auto}, {@code epoll} or {@code nio}.
         */
        public static final String TRANSPORT_PROP_NAME = "hellmoon.feed.net.transport";

        /**
         * How long a TCP connect may take.
         */
        public static final String CONNECT_TIMEOUT_PROP_NAME = "hellmoon.feed.net.connect.timeout";

        /**
         * Default connect timeout.
         */
        public static final String CONNECT_TIMEOUT_DEFAULT = "10s";

        /**
         * How long the WebSocket opening handshake (TLS included) may take after the TCP connect.
         */
        public static final String HANDSHAKE_TIMEOUT_PROP_NAME = "hellmoon.feed.net.ws.handshake.timeout";

        /**
         * Default handshake timeout.
         */
        public static final String HANDSHAKE_TIMEOUT_DEFAULT = "10s";

        /**
         * Longest WebSocket frame payload accepted, e.g. {@code 16m}; a longer one closes the connection (1009).
         */
        public static final String MAX_FRAME_LENGTH_PROP_NAME = "hellmoon.feed.net.ws.max.frame.length";

        /**
         * Default longest frame.
         */
        public static final int MAX_FRAME_LENGTH_DEFAULT = 16 * 1024 * 1024;

        /**
         * Longest fragmented WebSocket message accepted.
         */
        public static final String MAX_MESSAGE_LENGTH_PROP_NAME = "hellmoon.feed.net.ws.max.message.length";

        /**
         * Default longest message.
         */
        public static final int MAX_MESSAGE_LENGTH_DEFAULT = 64 * 1024 * 1024;

        /**
         * Accept masked frames from servers (unmasking them) instead of failing the connection as RFC 6455 asks.
         */
        public static final String ALLOW_MASKED_FRAMES_PROP_NAME = "hellmoon.feed.net.ws.allow.masked.frames";

        /**
         * Longest HTTP response accepted (exchangeInfo of a large venue is a few megabytes).
         */
        public static final String MAX_RESPONSE_LENGTH_PROP_NAME = "hellmoon.feed.net.http.max.response.length";

        /**
         * Default longest response.
         */
        public static final int MAX_RESPONSE_LENGTH_DEFAULT = 64 * 1024 * 1024;

        /**
         * How long an HTTP request may wait for its response.
         */
        public static final String REQUEST_TIMEOUT_PROP_NAME = "hellmoon.feed.net.http.request.timeout";

        /**
         * Default request timeout.
         */
        public static final String REQUEST_TIMEOUT_DEFAULT = "30s";

        /**
         * How long an idle keep-alive HTTP connection is kept.
         */
        public static final String IDLE_TIMEOUT_PROP_NAME = "hellmoon.feed.net.http.idle.timeout";

        /**
         * Default idle timeout.
         */
        public static final String IDLE_TIMEOUT_DEFAULT = "60s";

        /**
         * Most HTTP connections open to one host at a time; further requests wait for one to be free.
         */
        public static final String CONNECTIONS_PER_HOST_PROP_NAME = "hellmoon.feed.net.http.connections.per.host";

        /**
         * Default connections per host.
         */
        public static final int CONNECTIONS_PER_HOST_DEFAULT = 4;

        /**
         * A PEM file of certificates to trust for TLS instead of the JDK's trust store (a test or private endpoint).
         */
        public static final String TLS_TRUST_CERTIFICATES_PROP_NAME = "hellmoon.feed.net.tls.trust.certificates";

        /**
         * Trust any TLS certificate and skip host name verification: for a local simulator only, never for a venue.
         */
        public static final String TLS_INSECURE_PROP_NAME = "hellmoon.feed.net.tls.insecure";

        /**
         * Socket receive buffer in bytes, e.g. {@code 4m}; 0 leaves the operating system's default.
         */
        public static final String RECEIVE_BUFFER_PROP_NAME = "hellmoon.feed.net.socket.receive.buffer";

        /**
         * Keep Netty's buffer leak detection on (it allocates on the I/O thread); for debugging.
         */
        public static final String LEAK_DETECTION_PROP_NAME = "hellmoon.feed.net.leak.detection";

        private Configuration()
        {
        }
    }

    /**
     * Configuration of a {@link FeedEventLoop} and its clients: fields start from {@link Configuration}'s
     * properties and defaults, setters override them, {@link #conclude()} validates. Do not reuse a context.
     */
    public static final class Context
    {
        private NetTransport transport = parseTransport(System.getProperty(Configuration.TRANSPORT_PROP_NAME, "auto"));
        private String threadName = "hellmoon-feed";
        private long connectTimeoutNs = HellmoonConfiguration.durationNs(
            Configuration.CONNECT_TIMEOUT_PROP_NAME, Configuration.CONNECT_TIMEOUT_DEFAULT);
        private long handshakeTimeoutNs = HellmoonConfiguration.durationNs(
            Configuration.HANDSHAKE_TIMEOUT_PROP_NAME, Configuration.HANDSHAKE_TIMEOUT_DEFAULT);
        private int maxFrameLength = SystemUtil.getSizeAsInt(
            Configuration.MAX_FRAME_LENGTH_PROP_NAME, Configuration.MAX_FRAME_LENGTH_DEFAULT);
        private int maxMessageLength = SystemUtil.getSizeAsInt(
            Configuration.MAX_MESSAGE_LENGTH_PROP_NAME, Configuration.MAX_MESSAGE_LENGTH_DEFAULT);
        private boolean allowMaskedFrames = Boolean.getBoolean(Configuration.ALLOW_MASKED_FRAMES_PROP_NAME);
        private int maxResponseLength = SystemUtil.getSizeAsInt(
            Configuration.MAX_RESPONSE_LENGTH_PROP_NAME, Configuration.MAX_RESPONSE_LENGTH_DEFAULT);
        private long requestTimeoutNs = HellmoonConfiguration.durationNs(
            Configuration.REQUEST_TIMEOUT_PROP_NAME, Configuration.REQUEST_TIMEOUT_DEFAULT);
        private long idleTimeoutNs = HellmoonConfiguration.durationNs(
            Configuration.IDLE_TIMEOUT_PROP_NAME, Configuration.IDLE_TIMEOUT_DEFAULT);
        private int connectionsPerHost = Integer.getInteger(
            Configuration.CONNECTIONS_PER_HOST_PROP_NAME, Configuration.CONNECTIONS_PER_HOST_DEFAULT);
        private String trustCertificates = System.getProperty(Configuration.TLS_TRUST_CERTIFICATES_PROP_NAME);
        private boolean insecureTls = Boolean.getBoolean(Configuration.TLS_INSECURE_PROP_NAME);
        private int receiveBufferLength = SystemUtil.getSizeAsInt(Configuration.RECEIVE_BUFFER_PROP_NAME, 0);
        private boolean leakDetection = Boolean.getBoolean(Configuration.LEAK_DETECTION_PROP_NAME);
        private SslContext sslContext;
        private boolean concluded;

        /**
         * Validate and build the TLS context; idempotent.
         *
         * @return this.
         * @throws IllegalStateException naming the property and the reason when a value is invalid.
         */
        public Context conclude()
        {
            if (concluded)
            {
                return this;
            }
            if (null == transport)
            {
                throw new IllegalStateException(Configuration.TRANSPORT_PROP_NAME + " must be auto, epoll or nio");
            }
            if (NetTransport.EPOLL == transport && !Epoll.isAvailable())
            {
                throw new IllegalStateException(Configuration.TRANSPORT_PROP_NAME +
                    "=epoll but epoll is not available: " + Epoll.unavailabilityCause());
            }
            positive(connectTimeoutNs, Configuration.CONNECT_TIMEOUT_PROP_NAME);
            positive(handshakeTimeoutNs, Configuration.HANDSHAKE_TIMEOUT_PROP_NAME);
            positive(requestTimeoutNs, Configuration.REQUEST_TIMEOUT_PROP_NAME);
            positive(idleTimeoutNs, Configuration.IDLE_TIMEOUT_PROP_NAME);
            if (maxFrameLength < 125)
            {
                throw new IllegalStateException(
                    Configuration.MAX_FRAME_LENGTH_PROP_NAME + " must be at least 125: " + maxFrameLength);
            }
            if (maxMessageLength < maxFrameLength)
            {
                throw new IllegalStateException(Configuration.MAX_MESSAGE_LENGTH_PROP_NAME + " must be at least " +
                    Configuration.MAX_FRAME_LENGTH_PROP_NAME + ": " + maxMessageLength);
            }
            if (maxResponseLength < 1024)
            {
                throw new IllegalStateException(
                    Configuration.MAX_RESPONSE_LENGTH_PROP_NAME + " must be at least 1k: " + maxResponseLength);
            }
            if (connectionsPerHost < 1)
            {
                throw new IllegalStateException(
                    Configuration.CONNECTIONS_PER_HOST_PROP_NAME + " must be at least 1: " + connectionsPerHost);
            }
            if (receiveBufferLength < 0)
            {
                throw new IllegalStateException(
                    Configuration.RECEIVE_BUFFER_PROP_NAME + " must not be negative: " + receiveBufferLength);
            }
            if (null == sslContext)
            {
                sslContext = buildSslContext();
            }
            concluded = true;
            return this;
        }

        private SslContext buildSslContext()
        {
            try
            {
                final SslContextBuilder builder = SslContextBuilder.forClient();
                if (insecureTls)
                {
                    builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
                }
                else
                {
                    builder.endpointIdentificationAlgorithm("HTTPS");
                    if (null != trustCertificates)
                    {
                        final File file = new File(trustCertificates);
                        if (!file.isFile())
                        {
                            throw new IllegalStateException(
                                Configuration.TLS_TRUST_CERTIFICATES_PROP_NAME + " is not a file: " + file);
                        }
                        builder.trustManager(file);
                    }
                }
                return builder.build();
            }
            catch (final SSLException | IllegalArgumentException ex)
            {
                throw new IllegalStateException("cannot build the TLS context: " + ex.getMessage(), ex);
            }
        }

        private static void positive(final long valueNs, final String propName)
        {
            if (valueNs <= 0)
            {
                throw new IllegalStateException(propName + " must be positive: " + valueNs + " ns");
            }
        }

        private static NetTransport parseTransport(final String value)
        {
            try
            {
                return NetTransport.valueOf(value.trim().toUpperCase(Locale.ROOT));
            }
            catch (final IllegalArgumentException ex)
            {
                return null;
            }
        }

        /**
         * The transport.
         *
         * @param transport default from {@value Configuration#TRANSPORT_PROP_NAME}, {@code auto}.
         * @return this.
         */
        public Context transport(final NetTransport transport)
        {
            this.transport = transport;
            return this;
        }

        /**
         * The transport.
         *
         * @return the transport.
         */
        public NetTransport transport()
        {
            return transport;
        }

        /**
         * Name of the loop's thread.
         *
         * @param threadName default {@code hellmoon-feed}.
         * @return this.
         */
        public Context threadName(final String threadName)
        {
            this.threadName = threadName;
            return this;
        }

        /**
         * Name of the loop's thread.
         *
         * @return the name.
         */
        public String threadName()
        {
            return threadName;
        }

        /**
         * TCP connect timeout.
         *
         * @param connectTimeoutNs nanoseconds.
         * @return this.
         */
        public Context connectTimeoutNs(final long connectTimeoutNs)
        {
            this.connectTimeoutNs = connectTimeoutNs;
            return this;
        }

        /**
         * TCP connect timeout.
         *
         * @return nanoseconds.
         */
        public long connectTimeoutNs()
        {
            return connectTimeoutNs;
        }

        /**
         * WebSocket handshake timeout.
         *
         * @param handshakeTimeoutNs nanoseconds.
         * @return this.
         */
        public Context handshakeTimeoutNs(final long handshakeTimeoutNs)
        {
            this.handshakeTimeoutNs = handshakeTimeoutNs;
            return this;
        }

        /**
         * WebSocket handshake timeout.
         *
         * @return nanoseconds.
         */
        public long handshakeTimeoutNs()
        {
            return handshakeTimeoutNs;
        }

        /**
         * Longest frame payload.
         *
         * @param maxFrameLength bytes, at least 125.
         * @return this.
         */
        public Context maxFrameLength(final int maxFrameLength)
        {
            this.maxFrameLength = maxFrameLength;
            return this;
        }

        /**
         * Longest frame payload.
         *
         * @return bytes.
         */
        public int maxFrameLength()
        {
            return maxFrameLength;
        }

        /**
         * Longest fragmented message.
         *
         * @param maxMessageLength bytes, at least the frame length.
         * @return this.
         */
        public Context maxMessageLength(final int maxMessageLength)
        {
            this.maxMessageLength = maxMessageLength;
            return this;
        }

        /**
         * Longest fragmented message.
         *
         * @return bytes.
         */
        public int maxMessageLength()
        {
            return maxMessageLength;
        }

        /**
         * Accept masked frames from servers.
         *
         * @param allowMaskedFrames default false (RFC 6455: the client must fail the connection).
         * @return this.
         */
        public Context allowMaskedFrames(final boolean allowMaskedFrames)
        {
            this.allowMaskedFrames = allowMaskedFrames;
            return this;
        }

        /**
         * Accept masked frames from servers.
         *
         * @return true if accepted.
         */
        public boolean allowMaskedFrames()
        {
            return allowMaskedFrames;
        }

        /**
         * Longest HTTP response body.
         *
         * @param maxResponseLength bytes.
         * @return this.
         */
        public Context maxResponseLength(final int maxResponseLength)
        {
            this.maxResponseLength = maxResponseLength;
            return this;
        }

        /**
         * Longest HTTP response body.
         *
         * @return bytes.
         */
        public int maxResponseLength()
        {
            return maxResponseLength;
        }

        /**
         * HTTP request timeout.
         *
         * @param requestTimeoutNs nanoseconds.
         * @return this.
         */
        public Context requestTimeoutNs(final long requestTimeoutNs)
        {
            this.requestTimeoutNs = requestTimeoutNs;
            return this;
        }

        /**
         * HTTP request timeout.
         *
         * @return nanoseconds.
         */
        public long requestTimeoutNs()
        {
            return requestTimeoutNs;
        }

        /**
         * How long an idle keep-alive connection is kept.
         *
         * @param idleTimeoutNs nanoseconds.
         * @return this.
         */
        public Context idleTimeoutNs(final long idleTimeoutNs)
        {
            this.idleTimeoutNs = idleTimeoutNs;
            return this;
        }

        /**
         * How long an idle keep-alive connection is kept.
         *
         * @return nanoseconds.
         */
        public long idleTimeoutNs()
        {
            return idleTimeoutNs;
        }

        /**
         * Most HTTP connections per host.
         *
         * @param connectionsPerHost at least 1.
         * @return this.
         */
        public Context connectionsPerHost(final int connectionsPerHost)
        {
            this.connectionsPerHost = connectionsPerHost;
            return this;
        }

        /**
         * Most HTTP connections per host.
         *
         * @return the count.
         */
        public int connectionsPerHost()
        {
            return connectionsPerHost;
        }

        /**
         * PEM certificates to trust instead of the JDK's trust store.
         *
         * @param trustCertificates path, or null for the JDK's.
         * @return this.
         */
        public Context trustCertificates(final String trustCertificates)
        {
            this.trustCertificates = trustCertificates;
            return this;
        }

        /**
         * PEM certificates to trust.
         *
         * @return the path or null.
         */
        public String trustCertificates()
        {
            return trustCertificates;
        }

        /**
         * Trust every certificate, without host name verification (local simulators only).
         *
         * @param insecureTls default false.
         * @return this.
         */
        public Context insecureTls(final boolean insecureTls)
        {
            this.insecureTls = insecureTls;
            return this;
        }

        /**
         * Whether every certificate is trusted.
         *
         * @return true if insecure.
         */
        public boolean insecureTls()
        {
            return insecureTls;
        }

        /**
         * Socket receive buffer.
         *
         * @param receiveBufferLength bytes, 0 for the system default.
         * @return this.
         */
        public Context receiveBufferLength(final int receiveBufferLength)
        {
            this.receiveBufferLength = receiveBufferLength;
            return this;
        }

        /**
         * Socket receive buffer.
         *
         * @return bytes, 0 for the system default.
         */
        public int receiveBufferLength()
        {
            return receiveBufferLength;
        }

        /**
         * Keep Netty's buffer leak detection on.
         *
         * @param leakDetection default false: switched off unless Netty's own property sets a level.
         * @return this.
         */
        public Context leakDetection(final boolean leakDetection)
        {
            this.leakDetection = leakDetection;
            return this;
        }

        /**
         * Whether Netty's leak detection is kept on.
         *
         * @return true if kept.
         */
        public boolean leakDetection()
        {
            return leakDetection;
        }

        /**
         * A TLS context to use instead of one built from the trust settings.
         *
         * @param sslContext a client context.
         * @return this.
         */
        public Context sslContext(final SslContext sslContext)
        {
            this.sslContext = sslContext;
            return this;
        }

        /**
         * The TLS context, built by {@link #conclude()} if not given.
         *
         * @return the context.
         */
        public SslContext sslContext()
        {
            return sslContext;
        }
    }
}
