/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What every simulated WebSocket connection does, whatever the venue: registration and counters, the incoming
 * message rate limit (more than N pings, pongs and control messages in any one second closes the connection with
 * 1008 "Too many requests", as Binance does), heartbeats (server pings with a pong timeout, or a client-ping timeout),
 * the connection lifetime (closed with 1000 when it is reached), and the subscription bookkeeping.
 * <p>
 * Connection timers run on Netty's scheduler in real time, independent of the simulator's clock. During a stall no
 * server ping is sent and no pong is expected. Event loop only.
 */
abstract class StreamHandler extends ChannelInboundHandlerAdapter
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MIN_TICK_NS = TimeUnit.MILLISECONDS.toNanos(5);

    protected final SimExchange exchange;
    protected final Session session;
    protected final SimExchange.Context config;
    private final long[] incomingTimesNs;
    private int incomingIndex;
    private int incomingCount;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> tick;
    private ScheduledFuture<?> lifetime;
    private long openedNs;
    private long nextPingNs;
    private long firstUnansweredPingNs;
    private long lastClientPingNs;
    private boolean open;

    StreamHandler(final SimExchange exchange, final Session session)
    {
        this.exchange = exchange;
        this.session = session;
        this.config = exchange.context();
        final int limit = config.maxIncomingMessagesPerSecond();
        this.incomingTimesNs = new long[Math.max(1, limit)];
    }

    /**
     * Whether the server pings (Binance) rather than expecting client pings (MEXC).
     */
    protected abstract boolean serverPings();

    /**
     * The connection is open: subscribe what the URL asked for.
     */
    protected abstract void onOpen();

    /**
     * A text message from the client (already counted against the rate limit).
     */
    protected abstract void onText(String text);

    /**
     * A binary message from the client.
     */
    protected abstract void onBinary();

    /**
     * {@inheritDoc}
     */
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
        session.context(ctx);
    }

    /**
     * Called on the event loop once the handshake reply has been written.
     */
    void onHandshakeComplete()
    {
        if (!session.channel().isActive())
        {
            return;
        }
        open = true;
        openedNs = System.nanoTime();
        lastClientPingNs = openedNs;
        nextPingNs = openedNs + config.pingIntervalNs();
        exchange.register(session);
        final long tickNs = tickNs();
        tick = ctx.executor().scheduleAtFixedRate(this::onTick, tickNs, tickNs, TimeUnit.NANOSECONDS);
        lifetime = ctx.executor().schedule(
            this::onLifetimeReached, config.connectionLifetimeNs(), TimeUnit.NANOSECONDS);
        onOpen();
    }

    private long tickNs()
    {
        long shortest = Math.min(config.heartbeatTimeoutNs(), NANOS_PER_SECOND * 4);
        if (serverPings() && config.pingIntervalNs() > 0)
        {
            shortest = Math.min(shortest, config.pingIntervalNs());
        }
        return Math.max(MIN_TICK_NS, shortest / 4);
    }

    /**
     * {@inheritDoc}
     */
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        try
        {
            if (!(msg instanceof WebSocketFrame frame) || !open || null != session.closeReason())
            {
                return;
            }
            if (frame instanceof CloseWebSocketFrame)
            {
                session.closing("client closed");
                ctx.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (!countIncoming())
            {
                return;
            }
            if (frame instanceof PingWebSocketFrame)
            {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            }
            else if (frame instanceof PongWebSocketFrame)
            {
                firstUnansweredPingNs = 0;
            }
            else if (frame instanceof TextWebSocketFrame text)
            {
                exchange.counters().controlMessages.increment();
                onText(text.content().toString(StandardCharsets.UTF_8));
            }
            else if (frame instanceof BinaryWebSocketFrame)
            {
                exchange.counters().controlMessages.increment();
                onBinary();
            }
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    /**
     * Count an incoming message against the per-second limit.
     *
     * @return false if the limit is exceeded and the connection is being closed.
     */
    private boolean countIncoming()
    {
        final int limit = config.maxIncomingMessagesPerSecond();
        if (limit <= 0)
        {
            return true;
        }
        final long nowNs = System.nanoTime();
        if (incomingCount == limit && nowNs - incomingTimesNs[incomingIndex] < NANOS_PER_SECOND)
        {
            exchange.counters().rateLimitDisconnects.increment();
            closeWith(1008, "Too many requests", "more than " + limit + " incoming messages in a second");
            return false;
        }
        incomingTimesNs[incomingIndex] = nowNs;
        incomingIndex = (incomingIndex + 1) % limit;
        incomingCount = Math.min(limit, incomingCount + 1);
        return true;
    }

    /**
     * Record that the client pinged (MEXC's {@code {"method":"ping"}}).
     */
    protected void onClientPing()
    {
        lastClientPingNs = System.nanoTime();
    }

    private void onTick()
    {
        if (!session.channel().isActive())
        {
            return;
        }
        final long nowNs = System.nanoTime();
        if (exchange.isStalled())
        {
            // Nothing goes out during a stall, so nothing can be expected back.
            firstUnansweredPingNs = 0;
            lastClientPingNs = nowNs;
            nextPingNs = nowNs + config.pingIntervalNs();
            return;
        }
        if (serverPings())
        {
            if (config.pingIntervalNs() > 0 && nowNs - nextPingNs >= 0)
            {
                nextPingNs = nowNs + config.pingIntervalNs();
                if (0 == firstUnansweredPingNs)
                {
                    firstUnansweredPingNs = nowNs;
                }
                ctx.writeAndFlush(new PingWebSocketFrame(Unpooled.copiedBuffer(
                    Long.toString(exchange.nowMs()), StandardCharsets.US_ASCII)));
            }
            if (0 != firstUnansweredPingNs && nowNs - firstUnansweredPingNs > config.heartbeatTimeoutNs())
            {
                exchange.counters().heartbeatDisconnects.increment();
                exchange.log(session + ": closed, no pong within " +
                    DurationText.format(config.heartbeatTimeoutNs()));
                session.close("no pong");
            }
        }
        else if (nowNs - lastClientPingNs > config.heartbeatTimeoutNs())
        {
            exchange.counters().heartbeatDisconnects.increment();
            exchange.log(session + ": closed, no ping within " + DurationText.format(config.heartbeatTimeoutNs()));
            session.close("no ping");
        }
    }

    private void onLifetimeReached()
    {
        if (session.channel().isActive())
        {
            exchange.counters().lifetimeDisconnects.increment();
            closeWith(1000, "connection lifetime reached", "lifetime " +
                DurationText.format(config.connectionLifetimeNs()) + " reached");
        }
    }

    /**
     * Send a close frame and close.
     */
    protected void closeWith(final int status, final String reason, final String logReason)
    {
        exchange.log(session + ": closed, " + logReason);
        session.closing(logReason);
        ctx.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * {@inheritDoc}
     */
    public void channelWritabilityChanged(final ChannelHandlerContext ctx)
    {
        if (ctx.channel().isWritable())
        {
            session.scheduleDrain();
        }
        ctx.fireChannelWritabilityChanged();
    }

    /**
     * {@inheritDoc}
     */
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        if (null != tick)
        {
            tick.cancel(false);
        }
        if (null != lifetime)
        {
            lifetime.cancel(false);
        }
        session.onClosed();
        unsubscribeAll();
        if (open)
        {
            open = false;
            exchange.unregister(session);
        }
        ctx.fireChannelInactive();
    }

    /**
     * {@inheritDoc}
     */
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        // Every write queued to a socket the client has closed fails the same way: report the first only.
        if (null == session.closeReason())
        {
            exchange.log(session + ": closed on error: " + cause);
            session.close(cause instanceof java.io.IOException ? "client went away: " + cause.getMessage() :
                "error: " + cause);
        }
        else
        {
            ctx.close();
        }
    }

    /**
     * Write a text frame now, after the data already queued for the connection.
     */
    protected void sendText(final String json)
    {
        session.writeQueued();
        ctx.writeAndFlush(new TextWebSocketFrame(json));
    }

    /**
     * Subscribe the session to a topic.
     *
     * @return false if it already was.
     */
    protected boolean subscribe(final String topicName)
    {
        if (!session.subscriptions().add(topicName))
        {
            return false;
        }
        exchange.topics().topic(topicName).add(session);
        exchange.counters().subscriptions.increment();
        return true;
    }

    /**
     * Unsubscribe the session from a topic.
     *
     * @return false if it was not subscribed.
     */
    protected boolean unsubscribe(final String topicName)
    {
        if (!session.subscriptions().remove(topicName))
        {
            return false;
        }
        exchange.topics().topic(topicName).remove(session);
        exchange.counters().subscriptions.decrement();
        return true;
    }

    private void unsubscribeAll()
    {
        final List<String> names = new ArrayList<>(session.subscriptions());
        for (final String name : names)
        {
            unsubscribe(name);
        }
    }
}
