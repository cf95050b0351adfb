/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.net;

import io.netty.handler.codec.http.HttpHeaders;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * A view of an HTTP response for an {@link HttpResponseListener}: status, headers and the body's bytes, valid only
 * during the listener's call. One instance per connection, reused for every response it reads.
 */
public final class HttpReply
{
    /**
     * {@link #retryAfterNs()} when the response has no usable {@code Retry-After}.
     */
    public static final long NO_RETRY_AFTER = -1;

    private final UnsafeBuffer body = new UnsafeBuffer(0, 0);
    private URI uri;
    private int statusCode;
    private HttpHeaders headers;
    private int bodyLength;
    private long receiveTimeNs;

    void wrap(
        final URI uri,
        final int statusCode,
        final HttpHeaders headers,
        final DirectBuffer bodyBuffer,
        final int bodyOffset,
        final int bodyLength,
        final long receiveTimeNs)
    {
        this.uri = uri;
        this.statusCode = statusCode;
        this.headers = headers;
        if (0 == bodyLength)
        {
            this.body.wrap(0, 0);
        }
        else
        {
            this.body.wrap(bodyBuffer, bodyOffset, bodyLength);
        }
        this.bodyLength = bodyLength;
        this.receiveTimeNs = receiveTimeNs;
    }

    /**
     * The URI requested.
     *
     * @return the URI.
     */
    public URI uri()
    {
        return uri;
    }

    /**
     * HTTP status code.
     *
     * @return e.g. 200, 429, 418.
     */
    public int statusCode()
    {
        return statusCode;
    }

    /**
     * A response header.
     *
     * @param name case-insensitive.
     * @return the first value, or null.
     */
    public String header(final CharSequence name)
    {
        return headers.get(name);
    }

    /**
     * {@code Retry-After} in nanoseconds, given in seconds as Binance does (429 and 418 replies).
     *
     * @return nanoseconds, or {@link #NO_RETRY_AFTER} if absent or not a number of seconds.
     */
    public long retryAfterNs()
    {
        final String value = headers.get("Retry-After");
        if (null == value)
        {
            return NO_RETRY_AFTER;
        }
        try
        {
            final long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? NO_RETRY_AFTER : TimeUnit.SECONDS.toNanos(seconds);
        }
        catch (final NumberFormatException ex)
        {
            return NO_RETRY_AFTER;
        }
    }

    /**
     * The body, starting at index 0 of the buffer.
     *
     * @return the body's bytes.
     */
    public DirectBuffer body()
    {
        return body;
    }

    /**
     * Length of the body.
     *
     * @return bytes.
     */
    public int bodyLength()
    {
        return bodyLength;
    }

    /**
     * The body as a string, for error messages (allocates).
     *
     * @param limit most characters.
     * @return the text.
     */
    public String bodyText(final int limit)
    {
        return body.getStringWithoutLengthUtf8(0, Math.min(limit, bodyLength));
    }

    /**
     * When the response was read.
     *
     * @return epoch nanoseconds.
     */
    public long receiveTimeNs()
    {
        return receiveTimeNs;
    }
}
