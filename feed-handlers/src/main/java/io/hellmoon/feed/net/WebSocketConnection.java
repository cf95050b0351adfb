/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.net;

import io.hellmoon.feed.VenueFrameHandler;
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
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket client connection on a {@link FeedEventLoop}.
 *
 * <h2>Receive path</h2>
 * The opening handshake uses Netty's HTTP codec and handshaker (connect time only). Once it completes, Netty's frame
 * decoder is replaced by this connection's own reader, which wraps each socket read's memory in an
 * {@link UnsafeBuffer} (the direct buffer's address, or a heap buffer's array), parses the frames in place with a
 * {@link WebSocketFrameParser} and calls the {@link VenueFrameHandler} directly with every complete text or binary
 * message and the time of the read: no copy and no allocation per frame (see the parser for why it is hand-written and
 * for the rare cases that copy). Pings are answered at once with a pong carrying their payload; a close frame is
 * answered with a close frame and the connection is closed; a protocol violation closes it with 1002 or 1009.
 *
 * <h2>Threading</h2>
 * Everything runs on the loop's thread: the frame handler and the {@link WebSocketListener} are called on it, and the
 * methods here must be called on it.
 */
public final class WebSocketConnection
{
    static final int CONNECTING = 0;
    static final int OPEN = 1;
    static final int CLOSING = 2;
    static final int CLOSED = 3;

    private static final String HTTP_CODEC = "hellmoon-http-codec";
    private static final String HTTP_AGGREGATOR = "hellmoon-http-aggregator";
    private static final String HANDSHAKE = "hellmoon-ws-handshake";
    private static final String READER = "hellmoon-ws-reader";
    private static final String NETTY_DECODER = "ws-decoder";
    private static final int HANDSHAKE_RESPONSE_LIMIT = 64 * 1024;

    private final long id;
    private final FeedEventLoop loop;
    private final EpochNanoClock clock;
    private final URI uri;
    private final boolean tls;
    private final Map<String, String> headers;
    private final VenueFrameHandler frameHandler;
    private final WebSocketListener listener;
    private final FrameReader reader;

    private Channel channel;
    private WebSocketClientHandshaker handshaker;
    private ScheduledFuture<?> handshakeTimeout;
    private int state = CONNECTING;
    private boolean closedNotified;
    private boolean opened;
    private int closeCode = WebSocketFrameParser.CLOSE_ABNORMAL;
    private String closeReason = "connection lost";
    private long openedAtNs;

    private long messagesReceived;
    private long bytesReceived;
    private long pingsReceived;
    private long pongsReceived;
    private long reads;
    private long readsCopied;

    WebSocketConnection(
        final long id,
        final FeedEventLoop loop,
        final EpochNanoClock clock,
        final URI uri,
        final boolean tls,
        final Map<String, String> headers,
        final VenueFrameHandler frameHandler,
        final WebSocketListener listener)
    {
        this.id = id;
        this.loop = loop;
        this.clock = clock;
        this.uri = uri;
        this.tls = tls;
        this.headers = Map.copyOf(headers);
        this.frameHandler = frameHandler;
        this.listener = listener;
        final FeedEventLoop.Context ctx = loop.context();
        this.reader = new FrameReader(ctx.maxFrameLength(), ctx.maxMessageLength(), ctx.allowMaskedFrames());
    }

    /**
     * Send a text message (a subscription request, say).
     *
     * @param text to send.
     * @return false if the connection is not open, so nothing was sent.
     */
    public boolean sendText(final CharSequence text)
    {
        if (OPEN != state)
        {
            return false;
        }
        channel.writeAndFlush(new TextWebSocketFrame(text.toString()), channel.voidPromise());
        return true;
    }

    /**
     * Send a ping with an empty payload, to find out whether a quiet server is still there.
     *
     * @return false if the connection is not open.
     */
    public boolean sendPing()
    {
        if (OPEN != state)
        {
            return false;
        }
        channel.writeAndFlush(new PingWebSocketFrame(), channel.voidPromise());
        return true;
    }

    /**
     * Close: send a close frame with the code if open, then close the socket. The listener hears
     * {@link WebSocketListener#onClosed} when the socket is gone. Does nothing if already closing.
     *
     * @param code   close status code, e.g. 1000.
     * @param reason for logs and the close frame, at most 123 bytes.
     */
    public void close(final int code, final String reason)
    {
        if (CLOSING == state || CLOSED == state)
        {
            return;
        }
        closeCode = code;
        closeReason = reason;
        reader.parser.stop();
        final int previous = state;
        state = CLOSING;
        if (null == channel)
        {
            return;
        }
        if (OPEN == previous)
        {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
        }
        else
        {
            channel.close();
        }
    }

    /**
     * The connection's id, unique in the process.
     *
     * @return the id.
     */
    public long id()
    {
        return id;
    }

    /**
     * Where it connects.
     *
     * @return the URI.
     */
    public URI uri()
    {
        return uri;
    }

    /**
     * Whether the handshake completed and the connection is not closing.
     *
     * @return true when open.
     */
    public boolean isOpen()
    {
        return OPEN == state;
    }

    /**
     * Whether the handshake ever completed.
     *
     * @return true if it opened at some point.
     */
    public boolean wasOpened()
    {
        return opened;
    }

    /**
     * Whether the socket is gone.
     *
     * @return true once closed.
     */
    public boolean isClosed()
    {
        return CLOSED == state;
    }

    /**
     * When the handshake completed.
     *
     * @return epoch nanoseconds, 0 if it never did.
     */
    public long openedAtNs()
    {
        return openedAtNs;
    }

    /**
     * Why it closed: the code of the server's close frame, the code this side closed with, or 1006 when the socket
     * was lost without a close frame (or never connected).
     *
     * @return the code.
     */
    public int closeCode()
    {
        return closeCode;
    }

    /**
     * Why it closed, for logs.
     *
     * @return the reason.
     */
    public String closeReason()
    {
        return closeReason;
    }

    /**
     * Text and binary messages delivered.
     *
     * @return the count.
     */
    public long messagesReceived()
    {
        return messagesReceived;
    }

    /**
     * Bytes read after the handshake.
     *
     * @return the count.
     */
    public long bytesReceived()
    {
        return bytesReceived;
    }

    /**
     * Pings received (and answered).
     *
     * @return the count.
     */
    public long pingsReceived()
    {
        return pingsReceived;
    }

    /**
     * Pongs received.
     *
     * @return the count.
     */
    public long pongsReceived()
    {
        return pongsReceived;
    }

    /**
     * Socket reads parsed.
     *
     * @return the count.
     */
    public long reads()
    {
        return reads;
    }

    /**
     * Socket reads whose buffer exposed neither an address nor an array, so were copied before parsing.
     *
     * @return the count.
     */
    public long readsCopied()
    {
        return readsCopied;
    }

    /**
     * Bytes the parser copied: frames split across reads and fragmented messages.
     *
     * @return the count.
     */
    public long bytesCopied()
    {
        return reader.parser.bytesCopied();
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "WebSocketConnection{id=" + id + ", uri=" + uri + ", state=" + state + '}';
    }

    void start()
    {
        final FeedEventLoop.Context ctx = loop.context();
        final HttpHeaders requestHeaders = new DefaultHttpHeaders();
        headers.forEach(requestHeaders::add);
        handshaker = WebSocketClientHandshakerFactory.newHandshaker(
            uri, WebSocketVersion.V13, null, false, requestHeaders, ctx.maxFrameLength());

        final int port = -1 != uri.getPort() ? uri.getPort() : tls ? 443 : 80;
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
                    if (tls)
                    {
                        final SslHandler ssl = loop.sslContext().newHandler(ch.alloc(), uri.getHost(), port);
                        pipeline.addLast(ssl);
                    }
                    pipeline.addLast(HTTP_CODEC, new HttpClientCodec());
                    pipeline.addLast(HTTP_AGGREGATOR, new HttpObjectAggregator(HANDSHAKE_RESPONSE_LIMIT));
                    pipeline.addLast(HANDSHAKE, new HandshakeHandler());
                }
            });
        if (ctx.receiveBufferLength() > 0)
        {
            bootstrap.option(ChannelOption.SO_RCVBUF, ctx.receiveBufferLength());
        }

        final ChannelFuture connect = bootstrap.connect(uri.getHost(), port);
        channel = connect.channel();
        connect.addListener((ChannelFutureListener)(future) ->
        {
            if (!future.isSuccess())
            {
                closeReason = "connect failed: " + describe(future.cause());
                notifyClosed();
            }
            else if (CLOSING == state)
            {
                future.channel().close();
            }
        });
    }

    private void onHandshakeComplete(final ChannelHandlerContext ctx)
    {
        final ChannelPipeline pipeline = ctx.pipeline();
        // The handshaker put Netty's frame decoder in; this connection reads frames itself.
        pipeline.replace(NETTY_DECODER, READER, reader);
        pipeline.remove(HANDSHAKE);
        cancelHandshakeTimeout();
        state = OPEN;
        opened = true;
        openedAtNs = clock.nanoTime();
        listener.onOpen(this);
    }

    private void cancelHandshakeTimeout()
    {
        if (null != handshakeTimeout)
        {
            handshakeTimeout.cancel(false);
            handshakeTimeout = null;
        }
    }

    private void notifyClosed()
    {
        cancelHandshakeTimeout();
        state = CLOSED;
        if (!closedNotified)
        {
            closedNotified = true;
            listener.onClosed(this);
        }
    }

    private void failAndClose(final int code, final String reason)
    {
        if (CLOSED == state)
        {
            return;
        }
        closeCode = code;
        closeReason = reason;
        final boolean wasOpen = OPEN == state;
        state = CLOSING;
        if (wasOpen && code != WebSocketFrameParser.CLOSE_ABNORMAL)
        {
            channel.writeAndFlush(new CloseWebSocketFrame(code, null)).addListener(ChannelFutureListener.CLOSE);
        }
        else
        {
            channel.close();
        }
    }

    private static String describe(final Throwable cause)
    {
        return null == cause ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /**
     * Sends the upgrade request when the socket connects and completes the handshake on the response.
     */
    private final class HandshakeHandler extends ChannelInboundHandlerAdapter
    {
        public void channelActive(final ChannelHandlerContext ctx)
        {
            if (CLOSING == state)
            {
                ctx.close();
                return;
            }
            handshakeTimeout = ctx.executor().schedule(
                () -> failAndClose(WebSocketFrameParser.CLOSE_ABNORMAL, "handshake timed out"),
                loop.context().handshakeTimeoutNs(), TimeUnit.NANOSECONDS);
            handshaker.handshake(ctx.channel());
            ctx.fireChannelActive();
        }

        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            if (!(msg instanceof FullHttpResponse response))
            {
                ReferenceCountUtil.release(msg);
                return;
            }
            try
            {
                handshaker.finishHandshake(ctx.channel(), response);
            }
            catch (final RuntimeException ex)
            {
                failAndClose(WebSocketFrameParser.CLOSE_ABNORMAL,
                    "handshake refused: HTTP " + response.status().code() + " " + describe(ex));
                return;
            }
            finally
            {
                response.release();
            }
            onHandshakeComplete(ctx);
        }

        public void channelInactive(final ChannelHandlerContext ctx)
        {
            notifyClosed();
        }

        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            failAndClose(WebSocketFrameParser.CLOSE_ABNORMAL, "handshake failed: " + describe(cause));
        }
    }

    /**
     * The receive path after the handshake: socket reads into the parser, messages to the frame handler.
     */
    private final class FrameReader extends ChannelInboundHandlerAdapter implements WebSocketFrameParser.Handler
    {
        private final WebSocketFrameParser parser;
        private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
        private UnsafeBuffer copyBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(0));
        private long receiveTimeNs;

        FrameReader(final int maxFrameLength, final int maxMessageLength, final boolean allowMaskedFrames)
        {
            parser = new WebSocketFrameParser(this, maxFrameLength, maxMessageLength, allowMaskedFrames);
        }

        public boolean isSharable()
        {
            return false;
        }

        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            if (!(msg instanceof ByteBuf in))
            {
                ReferenceCountUtil.release(msg);
                return;
            }
            try
            {
                final int length = in.readableBytes();
                if (0 == length || parser.isStopped())
                {
                    return;
                }
                receiveTimeNs = clock.nanoTime();
                reads++;
                bytesReceived += length;
                final UnsafeBuffer bytes;
                if (in.hasMemoryAddress())
                {
                    view.wrap(in.memoryAddress() + in.readerIndex(), length);
                    bytes = view;
                }
                else if (in.hasArray())
                {
                    view.wrap(in.array(), in.arrayOffset() + in.readerIndex(), length);
                    bytes = view;
                }
                else
                {
                    readsCopied++;
                    if (copyBuffer.capacity() < length)
                    {
                        copyBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(Math.max(length, 64 * 1024)));
                    }
                    final ByteBuffer target = copyBuffer.byteBuffer().duplicate();
                    target.clear().limit(length);
                    in.getBytes(in.readerIndex(), target);
                    bytes = copyBuffer;
                }
                parser.onData(bytes, 0, length);
            }
            finally
            {
                in.release();
            }
        }

        public void channelInactive(final ChannelHandlerContext ctx)
        {
            parser.stop();
            notifyClosed();
        }

        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            failAndClose(WebSocketFrameParser.CLOSE_ABNORMAL, "connection error: " + describe(cause));
        }

        public void onMessage(final DirectBuffer buffer, final int offset, final int length, final boolean binary)
        {
            messagesReceived++;
            frameHandler.onFrame(buffer, offset, length, receiveTimeNs);
        }

        public void onPing(final DirectBuffer buffer, final int offset, final int length)
        {
            pingsReceived++;
            final ByteBuf payload = channel.alloc().buffer(length);
            for (int i = 0; i < length; i++)
            {
                payload.writeByte(buffer.getByte(offset + i));
            }
            channel.writeAndFlush(new PongWebSocketFrame(payload), channel.voidPromise());
            listener.onPing(WebSocketConnection.this);
        }

        public void onPong(final DirectBuffer buffer, final int offset, final int length)
        {
            pongsReceived++;
            listener.onPong(WebSocketConnection.this);
        }

        public void onClose(final int statusCode, final DirectBuffer buffer, final int reasonOffset, final int length)
        {
            closeCode = statusCode;
            final byte[] reason = new byte[length];
            buffer.getBytes(reasonOffset, reason);
            closeReason = "closed by server: " + statusCode +
                (0 == length ? "" : " " + new String(reason, StandardCharsets.UTF_8));
            if (OPEN == state)
            {
                state = CLOSING;
                final int replyCode = WebSocketFrameParser.CLOSE_NO_STATUS == statusCode ?
                    WebSocketFrameParser.CLOSE_NORMAL : statusCode;
                channel.writeAndFlush(new CloseWebSocketFrame(replyCode, null))
                    .addListener(ChannelFutureListener.CLOSE);
            }
            else
            {
                channel.close();
            }
        }

        public void onProtocolError(final int code, final String reason)
        {
            failAndClose(code, "protocol error: " + reason);
        }
    }
}
