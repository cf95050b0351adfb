/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.net;

import java.net.URI;

/**
 * The outcome of one {@link HttpClient} request, called on the client's event loop: exactly one of the two methods,
 * exactly once.
 */
public interface HttpResponseListener
{
    /**
     * A response arrived, whatever its status.
     *
     * @param reply the response; valid only during the call.
     */
    void onResponse(HttpReply reply);

    /**
     * No response: the connection failed or closed, the request timed out, or the response was too long.
     *
     * @param uri    requested.
     * @param reason for logs.
     */
    void onFailure(URI uri, String reason);
}
