/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.1 client for REST GETs (depth snapshots, exchangeInfo) on a {@link FeedEventLoop}: each response is
 * delivered as bytes, with its status code and headers ({@code Retry-After} parsed), to a listener on the loop's
 * thread, so REST replies reach the decoders on the same thread as the stream frames.
 * <p>
 * Connections are kept alive and reused: per host at most
 * {@link FeedEventLoop.Context#connectionsPerHost()} are open, each with one request in flight (no pipelining);
 * further requests wait in order for a free one. An idle connection is closed after the idle timeout, a request
 * without a response after the request timeout. Not a hot path: requests allocate.
 * <p>
 * Must be used on the loop's thread.
 */
public final class HttpClient implements AutoCloseable
{
    private static final String USER_AGENT = "hellmoon/0.1";

    private final FeedEventLoop loop;
    private final EpochNanoClock clock;
    private final Map<String, HostPool> pools = new HashMap<>();
    private boolean closed;
    private long requestsSent;
    private long connectionsOpened;

    /**
     * A client.
     *
     * @param loop  whose thread runs the connections and calls the listeners.
     * @param clock stamps receive times.
     */
    public HttpClient(final FeedEventLoop loop, final EpochNanoClock clock)
    {
        this.loop = loop;
        this.clock = clock;
    }

    /**
     * Send a GET.
     *
     * @param uri      {@code http://} or {@code https://} with path and query.
     * @param listener told the outcome, exactly once.
     */
    public void get(final URI uri, final HttpResponseListener listener)
    {
        get(uri, Map.of(), listener);
    }

    /**
     * Send a GET with extra request headers.
     *
     * @param uri      {@code http://} or {@code https://} with path and query.
     * @param headers  extra headers, e.g. an API key.
     * @param listener told the outcome, exactly once.
     */
    public void get(final URI uri, final Map<String, String> headers, final HttpResponseListener listener)
    {
        final String scheme = null == uri.getScheme() ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!"http".equals(scheme) && !"https".equals(scheme)) || null == uri.getHost())
        {
            listener.onFailure(uri, "not an http:// or https:// URI with a host");
            return;
        }
        if (closed)
        {
            listener.onFailure(uri, "client closed");
            return;
        }
        final boolean tls = "https".equals(scheme);
        final int port = -1 != uri.getPort() ? uri.getPort() : tls ? 443 : 80;
        final String key = scheme + "://" + uri.getHost() + ":" + port;
        HostPool pool = pools.get(key);
        if (null == pool)
        {
            pool = new HostPool(uri.getHost(), port, tls);
            pools.put(key, pool);
        }
        pool.waiting.addLast(new Request(uri, headers, listener));
        pool.dispatch();
    }

    /**
     * Requests written to a connection.
     *
     * @return the count.
     */
    public long requestsSent()
    {
        return requestsSent;
    }

    /**
     * Connections opened: fewer than requests while keep-alive works.
     *
     * @return the count.
     */
    public long connectionsOpened()
    {
        return connectionsOpened;
    }

    /**
     * Close every connection and fail waiting requests.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        for (final HostPool pool : pools.values())
        {
            pool.close();
        }
    }

    private static final class Request
    {
        final URI uri;
        final Map<String, String> headers;
        final HttpResponseListener listener;

        Request(final URI uri, final Map<String, String> headers, final HttpResponseListener listener)
        {
            this.uri = uri;
            this.headers = headers;
            this.listener = listener;
        }
    }

    private final class HostPool
    {
        final String host;
        final int port;
        final boolean tls;
        final ArrayDeque<Request> waiting = new ArrayDeque<>();
        final ArrayDeque<HttpChannel> idle = new ArrayDeque<>();
        final List<HttpChannel> open = new ArrayList<>();

        HostPool(final String host, final int port, final boolean tls)
        {
            this.host = host;
            this.port = port;
            this.tls = tls;
        }

        void dispatch()
        {
            while (!waiting.isEmpty() && !closed)
            {
                HttpChannel channel = idle.pollLast();
                if (null != channel)
                {
                    channel.send(waiting.pollFirst());
                    continue;
                }
                if (open.size() >= loop.context().connectionsPerHost())
                {
                    return;
                }
                channel = new HttpChannel(this);
                open.add(channel);
                channel.connect(waiting.pollFirst());
            }
        }

        void release(final HttpChannel channel)
        {
            if (closed)
            {
                channel.channel.close();
                return;
            }
            idle.addLast(channel);
            channel.startIdleTimer();
            dispatch();
        }

        void remove(final HttpChannel channel)
        {
            open.remove(channel);
            idle.remove(channel);
            dispatch();
        }

        void close()
        {
            for (final HttpChannel channel : List.copyOf(open))
            {
                channel.channel.close();
            }
            while (!waiting.isEmpty())
            {
                final Request request = waiting.pollFirst();
                request.listener.onFailure(request.uri, "client closed");
            }
        }
    }

    private final class HttpChannel extends ChannelInboundHandlerAdapter
    {
        private final HostPool pool;
        private final HttpReply reply = new HttpReply();
        private UnsafeBuffer copyBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(0));
        private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
        private Channel channel;
        private Request current;
        private ScheduledFuture<?> timer;

        HttpChannel(final HostPool pool)
        {
            this.pool = pool;
        }

        void connect(final Request first)
        {
            current = first;
            connectionsOpened++;
            final FeedEventLoop.Context ctx = loop.context();
            final Bootstrap bootstrap = new Bootstrap()
                .group(loop.eventLoop())
                .channel(loop.socketChannelClass())
                .option(ChannelOption.ALLOCATOR, loop.allocator())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                    (int)Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(ctx.connectTimeoutNs())))
                .handler(new ChannelInitializer<SocketChannel>()
                {
                    protected void initChannel(final SocketChannel ch)
                    {
                        final ChannelPipeline pipeline = ch.pipeline();
                        if (pool.tls)
                        {
                            pipeline.addLast(loop.sslContext().newHandler(ch.alloc(), pool.host, pool.port));
                        }
                        pipeline.addLast(new HttpClientCodec());
                        pipeline.addLast(new HttpObjectAggregator(ctx.maxResponseLength()));
                        pipeline.addLast(HttpChannel.this);
                    }
                });
            final ChannelFuture future = bootstrap.connect(pool.host, pool.port);
            channel = future.channel();
            future.addListener((ChannelFutureListener)(f) ->
            {
                if (f.isSuccess())
                {
                    send(current);
                }
                else
                {
                    fail("connect failed: " + describe(f.cause()));
                    pool.remove(this);
                }
            });
        }

        void send(final Request request)
        {
            cancelTimer();
            current = request;
            final URI uri = request.uri;
            final String path = (null == uri.getRawPath() || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath()) +
                (null == uri.getRawQuery() ? "" : "?" + uri.getRawQuery());
            final FullHttpRequest httpRequest = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
            final boolean defaultPort = pool.tls ? 443 == pool.port : 80 == pool.port;
            httpRequest.headers()
                .set(HttpHeaderNames.HOST, defaultPort ? pool.host : pool.host + ":" + pool.port)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
                .set(HttpHeaderNames.ACCEPT, "application/json")
                .set(HttpHeaderNames.USER_AGENT, USER_AGENT);
            request.headers.forEach((name, value) -> httpRequest.headers().set(name, value));
            timer = channel.eventLoop().schedule(
                () ->
                {
                    fail("no response within the request timeout");
                    channel.close();
                },
                loop.context().requestTimeoutNs(), TimeUnit.NANOSECONDS);
            requestsSent++;
            channel.writeAndFlush(httpRequest).addListener((ChannelFutureListener)(f) ->
            {
                if (!f.isSuccess())
                {
                    fail("write failed: " + describe(f.cause()));
                    f.channel().close();
                }
            });
        }

        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            if (!(msg instanceof FullHttpResponse response))
            {
                ReferenceCountUtil.release(msg);
                return;
            }
            cancelTimer();
            final Request request = current;
            current = null;
            final boolean keepAlive = HttpUtil.isKeepAlive(response);
            try
            {
                if (null != request)
                {
                    final ByteBuf content = response.content();
                    final int length = content.readableBytes();
                    if (content.hasMemoryAddress())
                    {
                        view.wrap(content.memoryAddress() + content.readerIndex(), length);
                        reply.wrap(request.uri, response.status().code(), response.headers(), view, 0, length,
                            clock.nanoTime());
                    }
                    else if (content.hasArray())
                    {
                        view.wrap(content.array(), content.arrayOffset() + content.readerIndex(), length);
                        reply.wrap(request.uri, response.status().code(), response.headers(), view, 0, length,
                            clock.nanoTime());
                    }
                    else
                    {
                        if (copyBuffer.capacity() < length)
                        {
                            copyBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(Math.max(length, 64 * 1024)));
                        }
                        final ByteBuffer target = copyBuffer.byteBuffer().duplicate();
                        target.clear().limit(length);
                        content.getBytes(content.readerIndex(), target);
                        reply.wrap(request.uri, response.status().code(), response.headers(), copyBuffer, 0, length,
                            clock.nanoTime());
                    }
                    request.listener.onResponse(reply);
                }
            }
            finally
            {
                response.release();
            }

            if (keepAlive && channel.isActive())
            {
                pool.release(this);
            }
            else
            {
                channel.close();
            }
        }

        public void channelInactive(final ChannelHandlerContext ctx)
        {
            cancelTimer();
            fail("connection closed before the response");
            pool.remove(this);
        }

        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            fail(describe(cause));
            ctx.close();
        }

        void startIdleTimer()
        {
            cancelTimer();
            timer = channel.eventLoop().schedule(
                () -> channel.close(), loop.context().idleTimeoutNs(), TimeUnit.NANOSECONDS);
        }

        private void fail(final String reason)
        {
            final Request request = current;
            current = null;
            if (null != request)
            {
                request.listener.onFailure(request.uri, reason);
            }
        }

        private void cancelTimer()
        {
            if (null != timer)
            {
                timer.cancel(false);
                timer = null;
            }
        }
    }

    private static String describe(final Throwable cause)
    {
        return null == cause ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
