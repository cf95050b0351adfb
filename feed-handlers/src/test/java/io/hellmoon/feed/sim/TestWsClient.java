/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * TEST ONLY: a plain Netty WebSocket client over which a test has full control: it records every text message with
 * its arrival time, counts pings, answers them only if told to, and reports how the server closed the connection
 * (close frame status, or none). One event loop thread per client, shut down by {@link #close()}.
 */
final class TestWsClient implements AutoCloseable
{
    /**
     * A text message and when it arrived ({@link System#nanoTime()}).
     *
     * @param text    the message.
     * @param nanoTime arrival.
     */
    record Received(String text, long nanoTime)
    {
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final LinkedBlockingQueue<Received> texts = new LinkedBlockingQueue<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong counted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong countedBytes = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean countOnly;
    private volatile long lastCountedNs;
    private final CompletableFuture<Void> handshake = new CompletableFuture<>();
    private final CompletableFuture<Integer> closeStatus = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean autoPong;
    private volatile int handshakeStatus;
    private volatile String handshakeBody;
    private Channel channel;

    private TestWsClient(final boolean autoPong)
    {
        this.autoPong = autoPong;
    }

    /**
     * Connect and complete the handshake.
     *
     * @param uri      such as {@code ws://127.0.0.1:1234/stream?streams=btcusdt@trade}.
     * @param autoPong whether to answer pings.
     * @return the client.
     */
    static TestWsClient connect(final String uri, final boolean autoPong)
    {
        final TestWsClient client = new TestWsClient(autoPong);
        try
        {
            client.open(URI.create(uri));
            client.handshake.get(10, TimeUnit.SECONDS);
            return client;
        }
        catch (final Exception ex)
        {
            client.close();
            throw new IllegalStateException("handshake with " + uri + " failed: status " + client.handshakeStatus +
                " " + client.handshakeBody, ex);
        }
    }

    /**
     * Try to connect, expecting the server to refuse the upgrade.
     *
     * @param uri to connect to.
     * @return the HTTP status and body of the refusal.
     */
    static String refusal(final String uri)
    {
        final TestWsClient client = new TestWsClient(true);
        try
        {
            client.open(URI.create(uri));
            client.handshake.get(10, TimeUnit.SECONDS);
        }
        catch (final Exception ex)
        {
            return client.handshakeStatus + " " + client.handshakeBody;
        }
        finally
        {
            client.close();
        }
        fail("the server accepted " + uri);
        return null;
    }

    private void open(final URI uri) throws InterruptedException
    {
        final WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(
            uri, WebSocketVersion.V13, null, false, new DefaultHttpHeaders(), 16 * 1024 * 1024);
        channel = new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(16 * 1024 * 1024))
                        .addLast(new Handler(handshaker));
                }
            })
            .connect(uri.getHost(), uri.getPort()).sync().channel();
        handshaker.handshake(channel);
    }

    private final class Handler extends SimpleChannelInboundHandler<Object>
    {
        private final WebSocketClientHandshaker handshaker;

        Handler(final WebSocketClientHandshaker handshaker)
        {
            this.handshaker = handshaker;
        }

        protected void channelRead0(final ChannelHandlerContext ctx, final Object msg)
        {
            if (!handshaker.isHandshakeComplete())
            {
                final FullHttpResponse response = (FullHttpResponse)msg;
                handshakeStatus = response.status().code();
                handshakeBody = response.content().toString(StandardCharsets.UTF_8);
                try
                {
                    handshaker.finishHandshake(ctx.channel(), response);
                    handshake.complete(null);
                }
                catch (final RuntimeException ex)
                {
                    handshake.completeExceptionally(ex);
                    ctx.close();
                }
                return;
            }
            final WebSocketFrame frame = (WebSocketFrame)msg;
            if (frame instanceof TextWebSocketFrame text)
            {
                if (countOnly)
                {
                    counted.incrementAndGet();
                    countedBytes.addAndGet(text.content().readableBytes());
                    lastCountedNs = System.nanoTime();
                }
                else
                {
                    texts.add(new Received(text.text(), System.nanoTime()));
                }
            }
            else if (frame instanceof PingWebSocketFrame)
            {
                pings.incrementAndGet();
                if (autoPong)
                {
                    ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
                }
            }
            else if (frame instanceof CloseWebSocketFrame close)
            {
                closeStatus.complete(close.statusCode());
            }
        }

        public void channelInactive(final ChannelHandlerContext ctx)
        {
            closeStatus.complete(-1);
            closed.complete(null);
            handshake.completeExceptionally(new IllegalStateException("closed before the handshake completed"));
        }

        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }
    }

    /**
     * Send a text message. A send that loses the race with the server closing the connection is dropped, as a real
     * client's write to a closed socket is (Netty tears the closed channel's pipeline down, so the write then fails
     * with an unsupported-message error rather than a closed-channel one); tests see the close itself.
     */
    void send(final String text)
    {
        final ChannelFuture sent =
            channel.writeAndFlush(new TextWebSocketFrame(text)).awaitUninterruptibly();
        if (!sent.isSuccess() && channel.isActive())
        {
            throw new IllegalStateException("send failed on an open connection", sent.cause());
        }
    }

    /**
     * Send a ping.
     */
    void ping()
    {
        channel.writeAndFlush(new PingWebSocketFrame(Unpooled.copiedBuffer("hi", StandardCharsets.US_ASCII)))
            .syncUninterruptibly();
    }

    /**
     * From now on only count text messages (for throughput measurements), keeping none.
     */
    void countOnly()
    {
        countOnly = true;
    }

    long counted()
    {
        return counted.get();
    }

    long countedBytes()
    {
        return countedBytes.get();
    }

    long lastCountedNs()
    {
        return lastCountedNs;
    }

    void autoPong(final boolean autoPong)
    {
        this.autoPong = autoPong;
    }

    /**
     * The next text message.
     *
     * @param timeout how long to wait.
     * @return the message; fails the test on timeout.
     */
    String next(final Duration timeout)
    {
        final Received received = nextReceived(timeout);
        return received.text();
    }

    Received nextReceived(final Duration timeout)
    {
        try
        {
            final Received received = texts.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (null == received)
            {
                fail("no message within " + timeout + (isClosed() ? " (connection closed)" : ""));
            }
            return received;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The next text message, or null.
     */
    String poll(final Duration timeout)
    {
        try
        {
            final Received received = texts.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return null == received ? null : received.text();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Messages received so far and not yet taken.
     */
    List<String> drain()
    {
        final List<Received> all = new ArrayList<>();
        texts.drainTo(all);
        final List<String> list = new ArrayList<>(all.size());
        all.forEach((received) -> list.add(received.text()));
        return list;
    }

    int pings()
    {
        return pings.get();
    }

    boolean isClosed()
    {
        return closed.isDone();
    }

    /**
     * Wait for the server to close the connection.
     *
     * @param timeout how long to wait.
     * @return the close frame's status, or -1 if the socket closed without one.
     */
    int awaitClose(final Duration timeout)
    {
        try
        {
            closed.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return closeStatus.getNow(-1);
        }
        catch (final Exception ex)
        {
            fail("connection not closed within " + timeout);
            return 0;
        }
    }

    public void close()
    {
        if (null != channel)
        {
            channel.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
