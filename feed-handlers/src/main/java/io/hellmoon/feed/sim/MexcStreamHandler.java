/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Locale;

/**
 * MEXC futures' WebSocket protocol ({@code contract_v1_en}, "WebSocket API") on one connection:
 * <ul>
 *     <li>{@code {"method":"ping"}} answered {@code {"channel":"pong","data":<ms>}}; a connection without a ping for
 *     a minute (configurable) is closed;</li>
 *     <li>{@code {"method":"sub.deal","param":{"symbol":"BTC_USDT"}}} (also {@code sub.depth}, {@code sub.ticker},
 *     {@code sub.kline} with {@code "interval":"Min1"}) answered {@code {"channel":"rs.sub.deal","data":"success",
 *     "ts":<ms>}}, and {@code unsub.*} answered {@code rs.unsub.*} the same way;</li>
 *     <li>failures answered {@code {"channel":"rs.error","data":"<reason>","ts":<ms>}}, an unknown symbol with
 *     MEXC's "Contract doesn't exist!". Only {@code Min1} klines are served.</li>
 * </ul>
 */
final class MexcStreamHandler extends StreamHandler
{
    private static final JsonFactory JSON = new JsonFactory();

    MexcStreamHandler(final SimExchange exchange, final Session session)
    {
        super(exchange, session);
    }

    /**
     * The topic a MEXC channel of a symbol is published on.
     *
     * @param channel {@code deal}, {@code depth}, {@code ticker} or {@code kline}.
     * @param symbol  such as {@code BTC_USDT}.
     * @return the topic name.
     */
    static String topicName(final String channel, final String symbol)
    {
        return "push." + channel + ":" + symbol;
    }

    /**
     * {@inheritDoc}
     */
    protected boolean serverPings()
    {
        return false;
    }

    /**
     * {@inheritDoc}
     */
    protected void onOpen()
    {
        exchange.log(session + ": open");
    }

    /**
     * {@inheritDoc}
     */
    protected void onBinary()
    {
        rsError("binary messages are not accepted");
    }

    /**
     * {@inheritDoc}
     */
    protected void onText(final String text)
    {
        String method = null;
        String symbol = null;
        String interval = null;
        try (JsonParser parser = JSON.createParser(text))
        {
            if (JsonToken.START_OBJECT != parser.nextToken())
            {
                rsError("invalid request: expected a JSON object");
                return;
            }
            while (JsonToken.FIELD_NAME == parser.nextToken())
            {
                final String field = parser.currentName();
                final JsonToken value = parser.nextToken();
                if ("method".equals(field) && JsonToken.VALUE_STRING == value)
                {
                    method = parser.getText();
                }
                else if ("param".equals(field) && JsonToken.START_OBJECT == value)
                {
                    while (JsonToken.FIELD_NAME == parser.nextToken())
                    {
                        final String name = parser.currentName();
                        final JsonToken paramValue = parser.nextToken();
                        if ("symbol".equals(name) && JsonToken.VALUE_STRING == paramValue)
                        {
                            symbol = parser.getText();
                        }
                        else if ("interval".equals(name) && JsonToken.VALUE_STRING == paramValue)
                        {
                            interval = parser.getText();
                        }
                        else
                        {
                            parser.skipChildren();
                        }
                    }
                }
                else
                {
                    parser.skipChildren();
                }
            }
        }
        catch (final IOException ex)
        {
            rsError("invalid request: not JSON");
            return;
        }
        if (null == method)
        {
            rsError("invalid request: no method");
            return;
        }

        if ("ping".equals(method))
        {
            onClientPing();
            sendText("{\"channel\":\"pong\",\"data\":" + exchange.nowMs() + "}");
            return;
        }

        final boolean sub = method.startsWith("sub.");
        final boolean unsub = method.startsWith("unsub.");
        final String channel = sub ? method.substring(4) : unsub ? method.substring(6) : "";
        if (!"deal".equals(channel) && !"depth".equals(channel) && !"ticker".equals(channel) &&
            !"kline".equals(channel))
        {
            rsError("unknown method: " + method);
            return;
        }
        if (null == symbol || !exchange.isKnownSymbol(symbol.toUpperCase(Locale.ROOT)))
        {
            rsError("Contract doesn't exist!");
            return;
        }
        if (sub && "kline".equals(channel) && null != interval && !"Min1".equals(interval))
        {
            rsError("interval " + interval + " is not served by the simulator (only Min1)");
            return;
        }

        final String topic = topicName(channel, symbol.toUpperCase(Locale.ROOT));
        if (sub)
        {
            if (!session.subscriptions().contains(topic) &&
                session.subscriptions().size() >= config.maxStreamsPerConnection())
            {
                rsError("too many subscriptions on this connection");
                return;
            }
            subscribe(topic);
        }
        else
        {
            unsubscribe(topic);
        }
        sendText("{\"channel\":\"rs." + method + "\",\"data\":\"success\",\"ts\":" + exchange.nowMs() + "}");
    }

    private void rsError(final String reason)
    {
        sendText("{\"channel\":\"rs.error\",\"data\":\"" + RestReplies.escape(reason) + "\",\"ts\":" +
            exchange.nowMs() + "}");
    }
}
