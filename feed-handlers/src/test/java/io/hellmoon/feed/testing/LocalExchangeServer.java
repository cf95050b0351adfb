/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslContext;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A small exchange for tests, on loopback: a Netty WebSocket server that speaks Binance's combined-stream protocol
 * ({@code /stream?streams=...}, {@code SUBSCRIBE}/{@code UNSUBSCRIBE} with {@code {"result":null,"id":N}} replies;
 * MEXC's {@code SUBSCRIPTION} too) and an HTTP server for REST routes the test installs, on the same port.
 * <p>
 * Tests publish stream events ({@link #publish(String, String)} sends to every connection subscribed to the stream),
 * write raw bytes to a connection to exercise the client's frame parser, and inject faults: drop a connection
 * without a close frame, close it with a code, stall it (stop sending and stop answering pings), or hold its frames
 * back (a lagging connection). Everything a client sends is recorded with the time it arrived: control messages
 * (text, ping, pong) per connection for rate checks, HTTP requests for rate-limit checks.
 */
public final class LocalExchangeServer implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A REST route's answer.
     *
     * @param status  HTTP status.
     * @param headers extra headers, e.g. {@code Retry-After}.
     * @param body    response body.
     */
    public record Response(int status, Map<String, String> headers, String body)
    {
        /**
         * A 200 with a JSON body.
         *
         * @param body the body.
         * @return the response.
         */
        public static Response ok(final String body)
        {
            return new Response(200, Map.of(), body);
        }
    }

    /**
     * An HTTP request received.
     *
     * @param path     path without the query.
     * @param query    query parameters.
     * @param nanoTime when it arrived ({@link System#nanoTime()}).
     */
    public record HttpRequest(String path, Map<String, String> query, long nanoTime)
    {
    }

    /**
     * Answers the REST requests.
     */
    @FunctionalInterface
    public interface Route
    {
        /**
         * Answer a request.
         *
         * @param request received.
         * @return the response, or null for 404.
         */
        Response handle(HttpRequest request);
    }

    /**
     * A message a client sent on a WebSocket.
     *
     * @param kind     {@code text}, {@code ping} or {@code pong}.
     * @param text     the text, or the payload as ISO-8859-1.
     * @param nanoTime when it arrived.
     */
    public record ControlMessage(String kind, String text, long nanoTime)
    {
    }

    private final MultiThreadIoEventLoopGroup group;
    private final Channel serverChannel;
    private final int port;
    private final boolean tls;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<HttpRequest> httpRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private boolean closed;
    private final Long2ObjectHashMap<Connection[]> subscribersByHash = new Long2ObjectHashMap<>();
    private final UnsafeBuffer outView = new UnsafeBuffer(0, 0);
    private final AtomicLong framesDropped = new AtomicLong();
    private volatile Route route = (request) -> null;
    private volatile boolean answerPings = true;
    private volatile boolean acknowledgeSubscriptions = true;
    private volatile String subscriptionError;
    private volatile boolean refuseUpgrades;
    private volatile Consumer<Connection> onSubscribed = (connection) -> {};

    /**
     * Start a plain-text server on an ephemeral loopback port.
     */
    public LocalExchangeServer()
    {
        this(null);
    }

    /**
     * Start a server on an ephemeral loopback port.
     *
     * @param sslContext for {@code wss://} and {@code https://}, or null for plain text.
     */
    public LocalExchangeServer(final SslContext sslContext)
    {
        tls = null != sslContext;
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(16 << 20, 64 << 20))
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                protected void initChannel(final SocketChannel ch)
                {
                    final ChannelPipeline pipeline = ch.pipeline();
                    if (null != sslContext)
                    {
                        pipeline.addLast(sslContext.newHandler(ch.alloc()));
                    }
                    pipeline.addLast(new HttpServerCodec());
                    pipeline.addLast(new HttpObjectAggregator(1024 * 1024));
                    pipeline.addLast(new ServerHandler());
                }
            });
        serverChannel = bootstrap.bind("127.0.0.1", 0).syncUninterruptibly().channel();
        port = ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    /**
     * The port.
     *
     * @return the port.
     */
    public int port()
    {
        return port;
    }

    /**
     * {@code ws://127.0.0.1:port/stream} (or {@code wss://}).
     *
     * @return the URL.
     */
    public String wsUrl()
    {
        return (tls ? "wss" : "ws") + "://127.0.0.1:" + port + "/stream";
    }

    /**
     * {@code http://127.0.0.1:port} (or {@code https://}).
     *
     * @return the URL.
     */
    public String httpUrl()
    {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port;
    }

    /**
     * Install the REST routes.
     *
     * @param route answering every HTTP request.
     * @return this.
     */
    public LocalExchangeServer route(final Route route)
    {
        this.route = route;
        return this;
    }

    /**
     * Whether client pings are answered (a stalled server does not).
     *
     * @param answerPings default true.
     * @return this.
     */
    public LocalExchangeServer answerPings(final boolean answerPings)
    {
        this.answerPings = answerPings;
        return this;
    }

    /**
     * Whether subscriptions are acknowledged with {@code {"result":null,"id":N}}.
     *
     * @param acknowledge default true.
     * @return this.
     */
    public LocalExchangeServer acknowledgeSubscriptions(final boolean acknowledge)
    {
        this.acknowledgeSubscriptions = acknowledge;
        return this;
    }

    /**
     * Answer subscriptions with an error instead, e.g. {@code {"code":2,"msg":"Invalid request"}}.
     *
     * @param error JSON of the error object, or null to accept.
     * @return this.
     */
    public LocalExchangeServer rejectSubscriptions(final String error)
    {
        this.subscriptionError = error;
        return this;
    }

    /**
     * The server's event loop, for work that must run with its routes and connections (a generator).
     *
     * @return the loop.
     */
    public EventLoop eventLoop()
    {
        return group.next();
    }

    /**
     * Refuse WebSocket upgrades with a 503 (the venue is down).
     *
     * @param refuse default false.
     * @return this.
     */
    public LocalExchangeServer refuseUpgrades(final boolean refuse)
    {
        this.refuseUpgrades = refuse;
        return this;
    }

    /**
     * Called on the server's thread after each subscription message is handled.
     *
     * @param onSubscribed callback.
     * @return this.
     */
    public LocalExchangeServer onSubscribed(final Consumer<Connection> onSubscribed)
    {
        this.onSubscribed = onSubscribed;
        return this;
    }

    /**
     * Every WebSocket connection accepted so far, in order.
     *
     * @return the connections.
     */
    public List<Connection> connections()
    {
        return connections;
    }

    /**
     * WebSocket connections currently open.
     *
     * @return the open ones.
     */
    public List<Connection> openConnections()
    {
        final List<Connection> open = new ArrayList<>();
        for (final Connection connection : connections)
        {
            if (connection.channel.isActive())
            {
                open.add(connection);
            }
        }
        return open;
    }

    /**
     * Every HTTP request received so far.
     *
     * @return the requests.
     */
    public List<HttpRequest> httpRequests()
    {
        return httpRequests;
    }

    /**
     * Send an event to every open connection subscribed to the stream, as a combined-stream envelope.
     *
     * @param stream name, e.g. {@code btcusdt@trade}.
     * @param data   the event's JSON.
     * @return connections sent to.
     */
    public int publish(final String stream, final String data)
    {
        return publishFrame(stream, "{\"stream\":\"" + stream + "\",\"data\":" + data + "}");
    }

    /**
     * Send a whole frame to every open connection subscribed to the stream.
     *
     * @param stream name.
     * @param frame  text of the frame.
     * @return connections sent to.
     */
    public int publishFrame(final String stream, final String frame)
    {
        int sent = 0;
        for (final Connection connection : connections)
        {
            if (connection.isSubscribed(stream) && connection.sendText(frame))
            {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Send a whole text frame to every connection subscribed to its stream, without allocating: the stream is found
     * by a hash of its name's bytes, and the WebSocket frame is written into a pooled buffer. Frames for a connection
     * whose socket cannot take more are dropped and counted. Must be called on {@link #eventLoop()}; call
     * {@link #flushAll()} after a batch.
     *
     * @param buffer     holding the frame.
     * @param offset     of the frame.
     * @param length     of the frame.
     * @param nameOffset of the stream name in the buffer.
     * @param nameLength of the stream name.
     * @return connections written to.
     */
    public int publishRaw(
        final DirectBuffer buffer, final int offset, final int length, final int nameOffset, final int nameLength)
    {
        final Connection[] subscribers = subscribersByHash.get(hash(buffer, nameOffset, nameLength));
        if (null == subscribers)
        {
            return 0;
        }
        int sent = 0;
        for (final Connection connection : subscribers)
        {
            final Channel channel = connection.channel;
            if (connection.stalled || !channel.isActive())
            {
                continue;
            }
            if (!channel.isWritable())
            {
                framesDropped.incrementAndGet();
                continue;
            }
            final ByteBuf frame = channel.alloc().directBuffer(length + 10);
            frame.writeByte(0x81);
            if (length < 126)
            {
                frame.writeByte(length);
            }
            else if (length <= 0xFFFF)
            {
                frame.writeByte(126);
                frame.writeShort(length);
            }
            else
            {
                frame.writeByte(127);
                frame.writeLong(length);
            }
            outView.wrap(frame.memoryAddress() + frame.writerIndex(), length);
            buffer.getBytes(offset, outView, 0, length);
            frame.writerIndex(frame.writerIndex() + length);
            channel.write(frame, channel.voidPromise());
            sent++;
        }
        return sent;
    }

    /**
     * Flush every open connection, after {@link #publishRaw}. On {@link #eventLoop()}.
     */
    public void flushAll()
    {
        for (final Connection connection : connections)
        {
            if (connection.channel.isActive())
            {
                connection.channel.flush();
            }
        }
    }

    /**
     * Frames {@link #publishRaw} dropped because a connection could not take more.
     *
     * @return the count.
     */
    public long framesDropped()
    {
        return framesDropped.get();
    }

    private static long hash(final DirectBuffer buffer, final int offset, final int length)
    {
        long hash = 0xcbf29ce484222325L;
        for (int i = offset; i < offset + length; i++)
        {
            hash = (hash ^ (buffer.getByte(i) & 0xFF)) * 0x100000001b3L;
        }
        return hash;
    }

    private static long hash(final String name)
    {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++)
        {
            hash = (hash ^ (name.charAt(i) & 0xFF)) * 0x100000001b3L;
        }
        return hash;
    }

    private void indexSubscriptions(final Connection connection, final List<String> names)
    {
        for (final String name : names)
        {
            final long key = hash(name);
            final Connection[] existing = subscribersByHash.get(key);
            if (null == existing)
            {
                subscribersByHash.put(key, new Connection[] {connection});
            }
            else
            {
                final List<Connection> live = new ArrayList<>();
                for (final Connection other : existing)
                {
                    if (other.channel.isActive() && other != connection)
                    {
                        live.add(other);
                    }
                }
                live.add(connection);
                subscribersByHash.put(key, live.toArray(new Connection[0]));
            }
        }
    }

    /**
     * Stop accepting and close every connection.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        serverChannel.close().syncUninterruptibly();
        for (final Connection connection : connections)
        {
            connection.channel.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /**
     * One client's WebSocket connection.
     */
    public final class Connection
    {
        private final int id;
        private final Channel channel;
        private final URI uri;
        private final Set<String> streams = ConcurrentHashMap.newKeySet();
        private final List<ControlMessage> received = new CopyOnWriteArrayList<>();
        private final List<Object> held = new ArrayList<>();
        private final long acceptedNanoTime = System.nanoTime();
        private volatile boolean stalled;
        private volatile boolean holding;

        Connection(final int id, final Channel channel, final URI uri)
        {
            this.id = id;
            this.channel = channel;
            this.uri = uri;
        }

        /**
         * Order of acceptance, from 1.
         *
         * @return the id.
         */
        public int id()
        {
            return id;
        }

        /**
         * When the upgrade request arrived.
         *
         * @return {@link System#nanoTime()} then.
         */
        public long acceptedNanoTime()
        {
            return acceptedNanoTime;
        }

        /**
         * The request URI of the upgrade.
         *
         * @return the URI.
         */
        public URI uri()
        {
            return uri;
        }

        /**
         * Streams subscribed.
         *
         * @return a copy.
         */
        public Set<String> streams()
        {
            return Set.copyOf(streams);
        }

        /**
         * Whether the connection is subscribed to a stream.
         *
         * @param stream name.
         * @return true if subscribed.
         */
        public boolean isSubscribed(final String stream)
        {
            return streams.contains(stream);
        }

        /**
         * Control messages received (text, ping, pong), in order.
         *
         * @return the messages.
         */
        public List<ControlMessage> received()
        {
            return received;
        }

        /**
         * Whether the socket is open.
         *
         * @return true if open.
         */
        public boolean isOpen()
        {
            return channel.isActive();
        }

        /**
         * Send a text frame unless stalled.
         *
         * @param text to send.
         * @return true if sent or held.
         */
        public boolean sendText(final String text)
        {
            if (stalled || !channel.isActive())
            {
                return false;
            }
            write(new TextWebSocketFrame(text));
            return true;
        }

        /**
         * Write raw bytes to the socket (frames built by the test), flushed at once.
         *
         * @param bytes to write.
         */
        public void sendRaw(final byte[] bytes)
        {
            channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).syncUninterruptibly();
        }

        /**
         * Send a ping with a payload.
         *
         * @param payload up to 125 bytes.
         */
        public void sendPing(final byte[] payload)
        {
            channel.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(payload)));
        }

        /**
         * Stop sending anything and stop answering pings, keeping the socket open (a silent server).
         */
        public void stall()
        {
            stalled = true;
        }

        /**
         * Hold frames back (a lagging connection) until {@link #release()}.
         */
        public void hold()
        {
            if (channel.eventLoop().inEventLoop())
            {
                holding = true;
                return;
            }
            channel.eventLoop().submit(() -> holding = true).syncUninterruptibly();
        }

        /**
         * Send the frames held back, in order, and stop holding.
         */
        public void release()
        {
            if (channel.eventLoop().inEventLoop())
            {
                holding = false;
                for (final Object message : held)
                {
                    channel.write(message);
                }
                held.clear();
                channel.flush();
                return;
            }
            channel.eventLoop().submit(() ->
            {
                holding = false;
                for (final Object message : held)
                {
                    channel.write(message);
                }
                held.clear();
                channel.flush();
            }).syncUninterruptibly();
        }

        /**
         * Close the socket without a close frame (a dropped connection).
         */
        public void drop()
        {
            channel.close().syncUninterruptibly();
        }

        /**
         * Send a close frame with a code, then close the socket.
         *
         * @param code   status code.
         * @param reason text.
         */
        public void closeWith(final int code, final String reason)
        {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
        }

        private void write(final Object frame)
        {
            channel.eventLoop().execute(() ->
            {
                if (holding)
                {
                    held.add(frame);
                }
                else
                {
                    channel.writeAndFlush(frame);
                }
            });
        }

        private void onText(final String text)
        {
            received.add(new ControlMessage("text", text, System.nanoTime()));
            final JsonNode node;
            try
            {
                node = JSON.readTree(text);
            }
            catch (final Exception ex)
            {
                return;
            }
            final String method = node.path("method").asText("");
            final List<String> params = new ArrayList<>();
            node.path("params").forEach((param) -> params.add(param.asText()));
            switch (method)
            {
                case "SUBSCRIBE", "SUBSCRIPTION" ->
                {
                    final String error = subscriptionError;
                    if (null != error)
                    {
                        channel.writeAndFlush(new TextWebSocketFrame(
                            "{\"error\":" + error + ",\"id\":" + node.path("id").asLong(0) + "}"));
                        return;
                    }
                    streams.addAll(params);
                    indexSubscriptions(this, params);
                    if (acknowledgeSubscriptions)
                    {
                        channel.writeAndFlush(new TextWebSocketFrame(
                            "{\"result\":null,\"id\":" + node.path("id").asLong(0) + "}"));
                    }
                    onSubscribed.accept(this);
                }
                case "UNSUBSCRIBE", "UNSUBSCRIPTION" ->
                {
                    params.forEach(streams::remove);
                    channel.writeAndFlush(new TextWebSocketFrame(
                        "{\"result\":null,\"id\":" + node.path("id").asLong(0) + "}"));
                }
                case "PING" ->
                {
                    if (answerPings && !stalled)
                    {
                        channel.writeAndFlush(new TextWebSocketFrame("{\"id\":0,\"code\":0,\"msg\":\"PONG\"}"));
                    }
                }
                default ->
                {
                }
            }
        }
    }

    private final class ServerHandler extends SimpleChannelInboundHandler<Object>
    {
        private WebSocketServerHandshaker handshaker;
        private Connection connection;

        protected void channelRead0(final ChannelHandlerContext ctx, final Object msg)
        {
            if (msg instanceof FullHttpRequest request)
            {
                onHttp(ctx, request);
            }
            else if (msg instanceof WebSocketFrame frame)
            {
                onFrame(ctx, frame);
            }
        }

        private void onHttp(final ChannelHandlerContext ctx, final FullHttpRequest request)
        {
            final QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
            if ("websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE)))
            {
                if (refuseUpgrades)
                {
                    respond(ctx, request, new Response(503, Map.of(), "{\"msg\":\"unavailable\"}"));
                    return;
                }
                final String location = (tls ? "wss" : "ws") + "://127.0.0.1:" + port + request.uri();
                handshaker = new WebSocketServerHandshakerFactory(location, null, false, 64 * 1024 * 1024)
                    .newHandshaker(request);
                connection = new Connection(connectionIds.incrementAndGet(), ctx.channel(), URI.create(location));
                final List<String> initial = decoder.parameters().get("streams");
                if (null != initial && !initial.isEmpty())
                {
                    final List<String> names = Arrays.asList(initial.get(0).split("/"));
                    connection.streams.addAll(names);
                    indexSubscriptions(connection, names);
                }
                connections.add(connection);
                handshaker.handshake(ctx.channel(), request);
                return;
            }

            final Map<String, String> query = new LinkedHashMap<>();
            decoder.parameters().forEach((name, values) -> query.put(name, values.get(0)));
            final HttpRequest recorded = new HttpRequest(decoder.path(), Collections.unmodifiableMap(query),
                System.nanoTime());
            httpRequests.add(recorded);
            Response response;
            try
            {
                response = route.handle(recorded);
            }
            catch (final RuntimeException ex)
            {
                response = new Response(500, Map.of(), "{\"msg\":\"" + ex + "\"}");
            }
            respond(ctx, request, null == response ? new Response(404, Map.of(), "{\"msg\":\"not found\"}") :
                response);
        }

        private void respond(final ChannelHandlerContext ctx, final FullHttpRequest request, final Response response)
        {
            final ByteBuf body = Unpooled.copiedBuffer(response.body(), StandardCharsets.UTF_8);
            final FullHttpResponse httpResponse = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()), body);
            httpResponse.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            httpResponse.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            response.headers().forEach((name, value) -> httpResponse.headers().set(name, value));
            final boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (keepAlive)
            {
                httpResponse.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.writeAndFlush(httpResponse);
            }
            else
            {
                ctx.writeAndFlush(httpResponse).addListener(ChannelFutureListener.CLOSE);
            }
        }

        private void onFrame(final ChannelHandlerContext ctx, final WebSocketFrame frame)
        {
            if (frame instanceof TextWebSocketFrame text)
            {
                connection.onText(text.text());
            }
            else if (frame instanceof PingWebSocketFrame ping)
            {
                connection.received.add(new ControlMessage(
                    "ping", ping.content().toString(StandardCharsets.ISO_8859_1), System.nanoTime()));
                if (answerPings && !connection.stalled)
                {
                    ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
                }
            }
            else if (frame instanceof PongWebSocketFrame pong)
            {
                connection.received.add(new ControlMessage(
                    "pong", pong.content().toString(StandardCharsets.ISO_8859_1), System.nanoTime()));
            }
            else if (frame instanceof CloseWebSocketFrame close)
            {
                handshaker.close(ctx.channel(), close.retain());
            }
        }

        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }
    }
}
