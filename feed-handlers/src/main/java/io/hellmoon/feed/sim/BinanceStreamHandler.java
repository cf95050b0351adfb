/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Binance's WebSocket stream protocol on one connection ({@code web-socket-streams.md}, "Live Subscribing/
 * Unsubscribing to streams"):
 * <ul>
 *     <li>{@code {"method":"SUBSCRIBE","params":["btcusdt@trade",...],"id":1}} and {@code UNSUBSCRIBE} answered
 *     {@code {"result":null,"id":1}}; {@code LIST_SUBSCRIPTIONS} answered with the names in subscription order;
 *     {@code SET_PROPERTY ["combined", true|false]} and {@code GET_PROPERTY ["combined"]};</li>
 *     <li>{@code id}: an unsigned integer, an alphanumeric string of at most 36 characters, or null, echoed as
 *     given;</li>
 *     <li>errors as Binance sends them, {@code {"error":{"code":N,"msg":"..."},"id":...}}: code 3 invalid JSON,
 *     code 2 invalid request (missing or unknown method, bad id, invalid stream name, too many parameters), code 0
 *     unknown property, code 1 a property value that is not a boolean. Subscribing past the stream limit (1024)
 *     subscribes nothing and answers code 2 "Invalid request: too many streams" (the simulator's wording; Binance
 *     documents the limit, not the reply);</li>
 *     <li>binary messages are invalid JSON (code 3).</li>
 * </ul>
 * Stream names are lower-case symbols: {@code <symbol>@<type>[@<option>...]} or {@code !<name>@arr[...]}; any valid
 * name can be subscribed, and streams the source does not produce simply stay silent.
 */
final class BinanceStreamHandler extends StreamHandler
{
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern STREAM_NAME =
        Pattern.compile("[a-z0-9_\\-]+@[A-Za-z0-9_\\-]+(@[A-Za-z0-9_\\-]+)*|![A-Za-z]+(@[A-Za-z0-9_\\-]+)*");
    private static final Object OTHER_VALUE = new Object();
    private static final Pattern STRING_ID = Pattern.compile("[A-Za-z0-9]{1,36}");
    private static final String METHODS =
        "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";

    private final List<String> initialStreams;

    BinanceStreamHandler(final SimExchange exchange, final Session session, final List<String> initialStreams)
    {
        super(exchange, session);
        this.initialStreams = initialStreams;
    }

    /**
     * Whether a name is a Binance stream name.
     *
     * @param name to check.
     * @return true if valid.
     */
    static boolean isValidStreamName(final String name)
    {
        return null != name && name.length() <= 200 && STREAM_NAME.matcher(name).matches();
    }

    /**
     * {@inheritDoc}
     */
    protected boolean serverPings()
    {
        return true;
    }

    /**
     * {@inheritDoc}
     */
    protected void onOpen()
    {
        for (final String stream : initialStreams)
        {
            subscribe(stream);
        }
        exchange.log(session + ": open, " + (session.isCombined() ? "combined" : "raw") + ", " +
            initialStreams.size() + " streams from the URL");
    }

    /**
     * {@inheritDoc}
     */
    protected void onBinary()
    {
        sendText(error(3, "Invalid JSON: expected value at line 1 column 1", "null"));
    }

    /**
     * {@inheritDoc}
     */
    protected void onText(final String text)
    {
        final Request request;
        try
        {
            request = parse(text);
        }
        catch (final JsonParseException ex)
        {
            final JsonLocation location = ex.getLocation();
            sendText(error(3, "Invalid JSON: " + firstLine(ex.getOriginalMessage()) + " at line " +
                location.getLineNr() + " column " + location.getColumnNr(), "null"));
            return;
        }
        catch (final IOException ex)
        {
            sendText(error(3, "Invalid JSON: " + ex.getMessage(), "null"));
            return;
        }
        if (null != request.error)
        {
            sendText(error(2, "Invalid request: " + request.error, null == request.id ? "null" : request.id));
            return;
        }

        switch (request.method)
        {
            case "SUBSCRIBE" -> onSubscribe(request);
            case "UNSUBSCRIBE" -> onUnsubscribe(request);
            case "LIST_SUBSCRIPTIONS" -> sendText(result(listSubscriptions(), request.id));
            case "SET_PROPERTY" -> onSetProperty(request);
            case "GET_PROPERTY" -> onGetProperty(request);
            default -> sendText(error(2, "Invalid request: unknown variant `" + request.method + "`, expected one of " +
                METHODS + " at line 1 column " + request.methodColumn, request.id));
        }
    }

    private void onSubscribe(final Request request)
    {
        final List<String> streams = new ArrayList<>();
        for (final Object param : request.params)
        {
            if (!(param instanceof String name) || !isValidStreamName(name))
            {
                sendText(error(2, "Invalid request: invalid stream", request.id));
                return;
            }
            if (!session.subscriptions().contains(name) && !streams.contains(name))
            {
                streams.add(name);
            }
        }
        if (session.subscriptions().size() + streams.size() > config.maxStreamsPerConnection())
        {
            sendText(error(2, "Invalid request: too many streams", request.id));
            return;
        }
        for (final String stream : streams)
        {
            subscribe(stream);
        }
        sendText(result("null", request.id));
    }

    private void onUnsubscribe(final Request request)
    {
        for (final Object param : request.params)
        {
            if (!(param instanceof String))
            {
                sendText(error(2, "Invalid request: invalid stream", request.id));
                return;
            }
        }
        for (final Object param : request.params)
        {
            unsubscribe((String)param);
        }
        sendText(result("null", request.id));
    }

    private void onSetProperty(final Request request)
    {
        if (request.params.size() > 2)
        {
            sendText(error(2, "Invalid request: too many parameters", request.id));
            return;
        }
        if (request.params.isEmpty() || !(request.params.get(0) instanceof String name))
        {
            sendText(error(2, "Invalid request: property name must be a string", request.id));
            return;
        }
        if (!"combined".equals(name))
        {
            sendText(error(0, "Unknown property", request.id));
            return;
        }
        if (request.params.size() < 2 || !(request.params.get(1) instanceof Boolean value))
        {
            sendText(error(1, "Invalid value type: expected Boolean", request.id));
            return;
        }
        session.combined(value);
        sendText(result("null", request.id));
    }

    private void onGetProperty(final Request request)
    {
        if (request.params.size() > 1)
        {
            sendText(error(2, "Invalid request: too many parameters", request.id));
            return;
        }
        if (request.params.isEmpty() || !(request.params.get(0) instanceof String name))
        {
            sendText(error(2, "Invalid request: property name must be a string", request.id));
            return;
        }
        if (!"combined".equals(name))
        {
            sendText(error(0, "Unknown property", request.id));
            return;
        }
        sendText(result(session.isCombined() ? "true" : "false", request.id));
    }

    private String listSubscriptions()
    {
        final StringBuilder list = new StringBuilder("[");
        for (final String name : session.subscriptions())
        {
            if (list.length() > 1)
            {
                list.append(',');
            }
            list.append('"').append(RestReplies.escape(name)).append('"');
        }
        return list.append(']').toString();
    }

    private static String result(final String result, final String id)
    {
        return "{\"result\":" + result + ",\"id\":" + id + "}";
    }

    private static String error(final int code, final String message, final String id)
    {
        return "{\"error\":{\"code\":" + code + ",\"msg\":\"" + RestReplies.escape(message) + "\"},\"id\":" + id + "}";
    }

    private static String firstLine(final String text)
    {
        final int newline = null == text ? -1 : text.indexOf('\n');
        return newline < 0 ? String.valueOf(text) : text.substring(0, newline);
    }

    /**
     * A parsed control message; {@code error} is set (and the rest may be missing) when it is not a valid request.
     */
    private static final class Request
    {
        String method;
        long methodColumn;
        final List<Object> params = new ArrayList<>();
        String id;
        String error;
    }

    private static Request parse(final String text) throws IOException
    {
        final Request request = new Request();
        boolean idSeen = false;
        boolean paramsSeen = false;
        try (JsonParser parser = JSON.createParser(text))
        {
            if (JsonToken.START_OBJECT != parser.nextToken())
            {
                request.error = "expected an object at line 1 column 1";
                return request;
            }
            JsonToken token;
            while (JsonToken.FIELD_NAME == (token = parser.nextToken()))
            {
                final String field = parser.currentName();
                final JsonToken value = parser.nextToken();
                switch (field)
                {
                    case "method" ->
                    {
                        if (JsonToken.VALUE_STRING != value)
                        {
                            request.error = "method must be a string";
                        }
                        else
                        {
                            request.method = parser.getText();
                            request.methodColumn = parser.currentLocation().getColumnNr();
                        }
                    }
                    case "params" ->
                    {
                        paramsSeen = true;
                        if (JsonToken.START_ARRAY != value)
                        {
                            request.error = "params must be an array";
                            parser.skipChildren();
                        }
                        else
                        {
                            readParams(parser, request);
                        }
                    }
                    case "id" ->
                    {
                        idSeen = true;
                        request.id = readId(parser, value);
                        if (null == request.id)
                        {
                            request.error = "request ID must be an unsigned integer";
                        }
                    }
                    default ->
                    {
                        parser.skipChildren();
                        request.error = null == request.error ? "too many parameters" : request.error;
                    }
                }
            }
            if (JsonToken.END_OBJECT != token)
            {
                throw new JsonParseException(parser, "expected end of object");
            }
            if (null != parser.nextToken())
            {
                throw new JsonParseException(parser, "trailing characters");
            }
            if (null == request.error)
            {
                if (null == request.method)
                {
                    request.error = "missing field `method` at line 1 column " + (text.length() + 1);
                }
                else if (!idSeen)
                {
                    request.error = "request ID must be an unsigned integer";
                }
                else if (!paramsSeen && ("SUBSCRIBE".equals(request.method) || "UNSUBSCRIBE".equals(request.method)))
                {
                    request.error = "missing field `params`";
                }
            }
        }
        return request;
    }

    private static void readParams(final JsonParser parser, final Request request) throws IOException
    {
        JsonToken element;
        while (JsonToken.END_ARRAY != (element = parser.nextToken()))
        {
            if (null == element)
            {
                throw new JsonParseException(parser, "unterminated params");
            }
            switch (element)
            {
                case VALUE_STRING -> request.params.add(parser.getText());
                case VALUE_TRUE -> request.params.add(Boolean.TRUE);
                case VALUE_FALSE -> request.params.add(Boolean.FALSE);
                default ->
                {
                    parser.skipChildren();
                    request.params.add(OTHER_VALUE);
                }
            }
        }
    }

    /**
     * The id as it is echoed: a non-negative integer's text, a quoted alphanumeric string, or {@code null}.
     *
     * @return the JSON text, or null if the id is not acceptable.
     */
    private static String readId(final JsonParser parser, final JsonToken value) throws IOException
    {
        if (JsonToken.VALUE_NULL == value)
        {
            return "null";
        }
        if (JsonToken.VALUE_NUMBER_INT == value)
        {
            final String digits = parser.getText();
            return digits.startsWith("-") || digits.length() > 19 ? null : digits;
        }
        if (JsonToken.VALUE_STRING == value)
        {
            final String id = parser.getText();
            return STRING_ID.matcher(id).matches() ? "\"" + id + "\"" : null;
        }
        parser.skipChildren();
        return null;
    }
}
