/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of a simulator port: WebSocket upgrades to the venue's stream endpoints and the REST endpoints.
 *
 * <h2>WebSocket</h2>
 * Binance: {@code /ws} and {@code /ws/<stream>[/<stream>...]} (raw payloads), {@code /stream} and
 * {@code /stream?streams=<a>/<b>/<c>} (combined envelopes); streams named in the URL are subscribed at connect.
 * MEXC futures: {@code /edge} (also {@code /} and {@code /ws}). Other paths get 404.
 *
 * <h2>REST</h2>
 * Binance ({@code P} = {@code /api/v3}, {@code /fapi/v1} or {@code /dapi/v1}): {@code GET P/depth?symbol=&limit=},
 * {@code P/exchangeInfo}, {@code P/ping}, {@code P/time}, each with {@code X-MBX-USED-WEIGHT-1M}; MEXC:
 * {@code GET /api/v1/contract/depth/{symbol}[?limit=]}, {@code /api/v1/contract/detail},
 * {@code /api/v1/contract/ping}. Every request passes the {@link RestLimiter} first: 418 (ban fault) or 429 (throttle
 * fault, or the venue's weight limit), both with {@code Retry-After} in seconds. Depth requests go to the market
 * thread, and their replies are delayed by the slow-snapshot fault.
 */
final class SimHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private static final String JSON = "application/json;charset=UTF-8";
    private static final String WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";
    private static final String MEXC_PREFIX = "/api/v1/contract";

    private final SimExchange exchange;
    private final SimVenue venue;
    private final boolean serveWebSocket;
    private final boolean serveRest;

    SimHttpHandler(final SimExchange exchange, final boolean serveWebSocket, final boolean serveRest)
    {
        this.exchange = exchange;
        this.venue = exchange.venue();
        this.serveWebSocket = serveWebSocket;
        this.serveRest = serveRest;
    }

    /**
     * {@inheritDoc}
     */
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        if (!request.decoderResult().isSuccess())
        {
            respond(ctx.channel(), false, 400, error(-1000, "Malformed request."), null, 0);
            return;
        }
        final QueryStringDecoder query = new QueryStringDecoder(request.uri());
        final String path = query.path();
        final boolean upgrade = request.headers().containsValue(
            HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);

        if (upgrade)
        {
            if (!serveWebSocket)
            {
                respond(ctx.channel(), false, 404, error(-1000, "No WebSocket endpoint on this port."), null, 0);
                return;
            }
            upgrade(ctx, request, query, path);
            return;
        }
        if (!serveRest)
        {
            respond(ctx.channel(), HttpUtil.isKeepAlive(request), 404, error(-1000, "No REST endpoint on this port."),
                null, 0);
            return;
        }
        rest(ctx.channel(), request, query, path);
    }

    /**
     * {@inheritDoc}
     */
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }

    // ------------------------------------------------------------------------------------------------ WebSocket

    private void upgrade(
        final ChannelHandlerContext ctx,
        final FullHttpRequest request,
        final QueryStringDecoder query,
        final String path)
    {
        final SimExchange.Context config = exchange.context();
        final Channel channel = ctx.channel();
        final Session session;
        final StreamHandler handler;
        if (venue.isBinance())
        {
            final boolean raw = "/ws".equals(path) || path.startsWith("/ws/");
            final boolean combined = "/stream".equals(path) || "/stream/".equals(path);
            if (!raw && !combined)
            {
                respond(channel, false, 404, error(-1000, "Unknown stream endpoint " + path), null, 0);
                return;
            }
            final List<String> streams = new ArrayList<>();
            if (raw && path.length() > "/ws/".length())
            {
                split(path.substring("/ws/".length()), streams);
            }
            if (combined && query.parameters().containsKey("streams"))
            {
                for (final String value : query.parameters().get("streams"))
                {
                    split(value, streams);
                }
            }
            for (final String stream : streams)
            {
                if (!BinanceStreamHandler.isValidStreamName(stream))
                {
                    respond(channel, false, 400, ("{\"error\":{\"code\":2,\"msg\":\"Invalid request: invalid stream " +
                        RestReplies.escape(stream) + "\"}}").getBytes(StandardCharsets.UTF_8), null, 0);
                    return;
                }
            }
            if (streams.size() > config.maxStreamsPerConnection())
            {
                respond(channel, false, 400, ("{\"error\":{\"code\":2,\"msg\":\"Invalid request: too many streams, " +
                    streams.size() + " > " + config.maxStreamsPerConnection() + "\"}}")
                    .getBytes(StandardCharsets.UTF_8), null, 0);
                return;
            }
            session = new Session(channel, request.uri(), combined, config.sessionQueueCapacity(), exchange.counters());
            handler = new BinanceStreamHandler(exchange, session, streams);
        }
        else
        {
            if (!"/edge".equals(path) && !"/".equals(path) && !"/ws".equals(path))
            {
                respond(channel, false, 404, error(-1000, "Unknown stream endpoint " + path), null, 0);
                return;
            }
            session = new Session(channel, request.uri(), true, config.sessionQueueCapacity(), exchange.counters());
            handler = new MexcStreamHandler(exchange, session);
        }

        final String location = "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + request.uri();
        final WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
            location, null, false, config.maxIncomingFrameLength()).newHandshaker(request);
        if (null == handshaker)
        {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
            return;
        }

        final ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addLast("ws-aggregator", new WebSocketFrameAggregator(config.maxIncomingFrameLength()));
        pipeline.addLast("ws-stream", handler);
        pipeline.remove(this);
        handshaker.handshake(channel, request).addListener((ChannelFutureListener)(future) ->
        {
            if (future.isSuccess())
            {
                handler.onHandshakeComplete();
            }
            else
            {
                channel.close();
            }
        });
    }

    private static void split(final String streams, final List<String> into)
    {
        for (final String stream : streams.split("/"))
        {
            if (!stream.isEmpty())
            {
                into.add(stream);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ REST

    private void rest(
        final Channel channel, final FullHttpRequest request, final QueryStringDecoder query, final String path)
    {
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        exchange.counters().restRequests.increment();
        if (!HttpMethod.GET.equals(request.method()))
        {
            respond(channel, keepAlive, 405, error(-1000, "Only GET is served."), null, 0);
            return;
        }

        final String endpoint;
        String pathSymbol = null;
        if (venue.isBinance())
        {
            if (!path.startsWith(venue.restPrefix() + "/"))
            {
                respond(channel, keepAlive, 404, error(-1000, "Unknown endpoint " + path), null, 0);
                return;
            }
            endpoint = path.substring(venue.restPrefix().length() + 1);
        }
        else
        {
            if (path.startsWith(MEXC_PREFIX + "/depth/"))
            {
                endpoint = "depth";
                pathSymbol = path.substring((MEXC_PREFIX + "/depth/").length());
            }
            else if (path.startsWith(MEXC_PREFIX + "/"))
            {
                endpoint = path.substring(MEXC_PREFIX.length() + 1);
            }
            else
            {
                respond(channel, keepAlive, 404, error(1000, "Unknown endpoint " + path), null, 0);
                return;
            }
        }

        switch (endpoint)
        {
            case "depth" -> depth(channel, keepAlive, query, pathSymbol);
            case "exchangeInfo", "detail" ->
            {
                if (venue.isBinance() != "exchangeInfo".equals(endpoint))
                {
                    respond(channel, keepAlive, 404, error(-1000, "Unknown endpoint " + path), null, 0);
                    return;
                }
                final RestLimiter.Decision decision = admit(channel, keepAlive, venue.exchangeInfoWeight());
                if (null != decision)
                {
                    respond(channel, keepAlive, 200, exchange.exchangeInfoBody(), decision, 0);
                }
            }
            case "ping" ->
            {
                final RestLimiter.Decision decision = admit(channel, keepAlive, 1);
                if (null != decision)
                {
                    final byte[] body = venue.isBinance() ? "{}".getBytes(StandardCharsets.US_ASCII) :
                        ("{\"success\":true,\"code\":0,\"data\":" + exchange.nowMs() + "}")
                            .getBytes(StandardCharsets.US_ASCII);
                    respond(channel, keepAlive, 200, body, decision, 0);
                }
            }
            case "time" ->
            {
                final RestLimiter.Decision decision = admit(channel, keepAlive, 1);
                if (null != decision)
                {
                    respond(channel, keepAlive, 200, ("{\"serverTime\":" + exchange.nowMs() + "}")
                        .getBytes(StandardCharsets.US_ASCII), decision, 0);
                }
            }
            default -> respond(channel, keepAlive, 404, error(-1000, "Unknown endpoint " + path), null, 0);
        }
    }

    private void depth(
        final Channel channel, final boolean keepAlive, final QueryStringDecoder query, final String pathSymbol)
    {
        final String symbol = null != pathSymbol ? pathSymbol : parameter(query, "symbol");
        if (null == symbol || symbol.isEmpty())
        {
            respond(channel, keepAlive, 400, error(-1102,
                "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."), null, 0);
            return;
        }
        int limit = venue.defaultDepthLimit();
        final String limitText = parameter(query, "limit");
        if (null != limitText)
        {
            try
            {
                limit = Integer.parseInt(limitText);
            }
            catch (final NumberFormatException ex)
            {
                limit = -1;
            }
            if (limit < 1)
            {
                respond(channel, keepAlive, 400, error(-1100, "Illegal characters found in parameter 'limit'; " +
                    "legal range is '1' to '" + venue.maxDepthLimit() + "'."), null, 0);
                return;
            }
            limit = Math.min(limit, venue.maxDepthLimit());
        }

        final RestLimiter.Decision decision = admit(channel, keepAlive, venue.depthWeight(limit));
        if (null == decision)
        {
            return;
        }
        final long delayNs = exchange.faults().slowSnapshotNs();
        if (delayNs > 0)
        {
            exchange.counters().slowSnapshots.increment();
        }
        exchange.submit(new DepthRequest(symbol.toUpperCase(Locale.ROOT), limit,
            System.nanoTime() + exchange.context().depthRequestTimeoutNs(),
            (status, body) -> respond(channel, keepAlive, status, body, decision, delayNs)));
    }

    private static String parameter(final QueryStringDecoder query, final String name)
    {
        final List<String> values = query.parameters().get(name);
        return null == values || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Run the limiter; on 418 or 429 answer and return null.
     */
    private RestLimiter.Decision admit(final Channel channel, final boolean keepAlive, final int weight)
    {
        final RestLimiter.Decision decision = exchange.limiter().admit(weight);
        if (RestLimiter.OK == decision.status())
        {
            return decision;
        }
        final byte[] body;
        if (RestLimiter.BANNED == decision.status())
        {
            exchange.counters().restBanned.increment();
            body = venue.isBinance() ?
                RestReplies.binanceError(-1003, "Way too many requests; IP(127.0.0.1) banned until " +
                    decision.banUntilMs() + ". Please use the websocket for live updates to avoid bans.") :
                RestReplies.mexcError(510, "Requests are too frequent!");
        }
        else
        {
            exchange.counters().restThrottled.increment();
            body = venue.isBinance() ?
                RestReplies.binanceError(-1003, "Too many requests; current limit of IP(127.0.0.1) is " +
                    exchange.context().requestWeightLimit() + " requests per minute. Please use the websocket for " +
                    "live updates to avoid polling the API.") :
                RestReplies.mexcError(510, "Requests are too frequent!");
        }
        exchange.log("rest " + decision.status() + " (" + (decision.byFault() ? "fault" : "weight limit") +
            "), Retry-After " + decision.retryAfterSeconds() + " s");
        respond(channel, keepAlive, decision.status(), body, decision, 0);
        return null;
    }

    private byte[] error(final int code, final String message)
    {
        return venue.isBinance() ? RestReplies.binanceError(code, message) : RestReplies.mexcError(code, message);
    }

    /**
     * Write a JSON reply on the channel's event loop, after {@code delayNs} if positive. Any thread.
     */
    private void respond(
        final Channel channel,
        final boolean keepAlive,
        final int status,
        final byte[] body,
        final RestLimiter.Decision decision,
        final long delayNs)
    {
        final Runnable write = () ->
        {
            final FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
            response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            if (null != decision)
            {
                if (venue.isBinance())
                {
                    response.headers().setInt(WEIGHT_HEADER, decision.usedWeight());
                }
                if (RestLimiter.OK != decision.status())
                {
                    response.headers().set(HttpHeaderNames.RETRY_AFTER, decision.retryAfterSeconds());
                }
            }
            if (keepAlive)
            {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                channel.writeAndFlush(response);
            }
            else
            {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        };
        if (delayNs > 0)
        {
            channel.eventLoop().schedule(write, delayNs, TimeUnit.NANOSECONDS);
        }
        else if (channel.eventLoop().inEventLoop())
        {
            write.run();
        }
        else
        {
            channel.eventLoop().execute(write);
        }
    }
}
