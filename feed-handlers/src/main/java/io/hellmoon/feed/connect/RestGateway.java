/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.feed.net.FeedEventLoop;
import io.hellmoon.feed.net.HttpClient;
import io.hellmoon.feed.net.HttpReply;
import io.hellmoon.feed.net.HttpResponseListener;
import io.netty.util.concurrent.ScheduledFuture;
import org.agrona.concurrent.NanoClock;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A venue's REST requests, released within its request-weight budget: each request declares its weight (a depth
 * snapshot's by its level limit, exchangeInfo's), waits in order until the venue's {@link TokenBucket} has that much,
 * and at most {@link VenueProfile#restInFlight()} are in flight at once.
 * <p>
 * A {@code 429} (too many requests) or {@code 418} (IP banned) reply blocks every request to the venue until its
 * {@code Retry-After} has passed (the profile's default when it has none), and the request goes back to the head of
 * the queue: Binance bans IPs that keep sending after a 429. Other replies, and failures, go to the request.
 * <p>
 * Runs on the feed's event loop: {@link #submit(Request)} must be called there, replies come there.
 */
public final class RestGateway
{
    private final VenueProfile profile;
    private final HttpClient http;
    private final FeedEventLoop loop;
    private final NanoClock nanoClock;
    private final ConnectionEvents events;
    private final TokenBucket bucket;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private final Runnable dispatchTask = this::dispatch;
    private ScheduledFuture<?> wake;
    private long wakeAtNs;
    private int inFlight;
    private boolean closed;

    private long requestsSent;
    private long throttled;
    private long banned;
    private long weightSent;

    /**
     * A gateway.
     *
     * @param profile   the venue: REST limits.
     * @param http      the client, on the loop.
     * @param loop      the feed's event loop, for wake-ups.
     * @param nanoClock monotonic time for the bucket.
     * @param events    hears throttling and bans.
     */
    public RestGateway(
        final VenueProfile profile,
        final HttpClient http,
        final FeedEventLoop loop,
        final NanoClock nanoClock,
        final ConnectionEvents events)
    {
        this.profile = profile;
        this.http = http;
        this.loop = loop;
        this.nanoClock = nanoClock;
        this.events = events;
        this.bucket = new TokenBucket(profile.weightBurst(), profile.weightPerMinute(), TimeUnit.MINUTES.toNanos(1));
    }

    /**
     * Queue a request; it is sent as soon as the budget allows.
     *
     * @param request to send.
     */
    public void submit(final Request request)
    {
        if (closed)
        {
            request.onFailed("gateway closed");
            return;
        }
        queue.addLast(request);
        dispatch();
    }

    /**
     * Stop sending; queued requests are dropped.
     */
    public void close()
    {
        closed = true;
        queue.clear();
        if (null != wake)
        {
            wake.cancel(false);
        }
    }

    /**
     * The request-weight bucket.
     *
     * @return the bucket.
     */
    public TokenBucket bucket()
    {
        return bucket;
    }

    /**
     * Requests waiting.
     *
     * @return the count.
     */
    public int queued()
    {
        return queue.size();
    }

    /**
     * Requests in flight.
     *
     * @return the count.
     */
    public int inFlight()
    {
        return inFlight;
    }

    /**
     * Requests sent, retries included.
     *
     * @return the count.
     */
    public long requestsSent()
    {
        return requestsSent;
    }

    /**
     * Weight of the requests sent.
     *
     * @return the sum.
     */
    public long weightSent()
    {
        return weightSent;
    }

    /**
     * 429 replies.
     *
     * @return the count.
     */
    public long throttled()
    {
        return throttled;
    }

    /**
     * 418 replies.
     *
     * @return the count.
     */
    public long banned()
    {
        return banned;
    }

    private void dispatch()
    {
        if (closed)
        {
            return;
        }
        final long nowNs = nanoClock.nanoTime();
        while (!queue.isEmpty() && inFlight < profile.restInFlight())
        {
            final Request request = queue.peekFirst();
            if (request.isCancelled())
            {
                queue.pollFirst();
                continue;
            }
            final long waitNs = bucket.nanosUntilAvailable(request.weight(), nowNs);
            if (waitNs > 0)
            {
                wakeIn(nowNs, waitNs);
                return;
            }
            bucket.tryAcquire(request.weight(), nowNs);
            queue.pollFirst();
            inFlight++;
            requestsSent++;
            weightSent += request.weight();
            http.get(request.uri(), new Exchange(request));
        }
    }

    private void wakeIn(final long nowNs, final long waitNs)
    {
        final long atNs = nowNs + waitNs;
        if (null != wake && !wake.isDone() && atNs - wakeAtNs >= 0)
        {
            return;
        }
        if (null != wake)
        {
            wake.cancel(false);
        }
        wakeAtNs = atNs;
        wake = loop.eventLoop().schedule(dispatchTask, waitNs, TimeUnit.NANOSECONDS);
    }

    private void onReply(final Request request, final HttpReply reply)
    {
        inFlight--;
        final int status = reply.statusCode();
        if (429 == status || 418 == status)
        {
            final long retryAfterNs = HttpReply.NO_RETRY_AFTER == reply.retryAfterNs() ?
                profile.retryAfterDefaultNs() : reply.retryAfterNs();
            bucket.blockUntil(nanoClock.nanoTime() + retryAfterNs);
            if (429 == status)
            {
                throttled++;
            }
            else
            {
                banned++;
            }
            events.onEvent(429 == status ? ConnectionEvent.REST_THROTTLED : ConnectionEvent.REST_BANNED, -1,
                "HTTP " + status + " for " + request.uri() + ": every request waits " +
                String.format("%.3f s", retryAfterNs / 1e9) +
                (HttpReply.NO_RETRY_AFTER == reply.retryAfterNs() ? " (no Retry-After, default)" : " (Retry-After)"));
            if (!request.isCancelled())
            {
                queue.addFirst(request);
            }
        }
        else
        {
            request.onReply(reply);
        }
        dispatch();
    }

    private void onFailed(final Request request, final String reason)
    {
        inFlight--;
        request.onFailed(reason);
        dispatch();
    }

    /**
     * A REST request: its URI and weight, and what to do with the reply. 429 and 418 replies are handled by the
     * gateway and never reach {@link #onReply(HttpReply)}.
     */
    public abstract static class Request
    {
        private final URI uri;
        private final int weight;

        /**
         * A request.
         *
         * @param uri    to GET.
         * @param weight the venue's request weight for it.
         */
        protected Request(final URI uri, final int weight)
        {
            this.uri = uri;
            this.weight = weight;
        }

        /**
         * The URI.
         *
         * @return the URI.
         */
        public URI uri()
        {
            return uri;
        }

        /**
         * The weight.
         *
         * @return the weight.
         */
        public int weight()
        {
            return weight;
        }

        /**
         * Whether the request is no longer wanted; a cancelled request is not sent, and not retried after a 429.
         *
         * @return true if cancelled.
         */
        protected boolean isCancelled()
        {
            return false;
        }

        /**
         * The reply, whatever its status other than 429 and 418.
         *
         * @param reply valid only during the call.
         */
        protected abstract void onReply(HttpReply reply);

        /**
         * No reply: connection failure, timeout, or the gateway closed.
         *
         * @param reason for logs.
         */
        protected abstract void onFailed(String reason);
    }

    /**
     * One sending of a request, so the gateway hears the outcome before the request does.
     */
    private final class Exchange implements HttpResponseListener
    {
        private final Request request;

        Exchange(final Request request)
        {
            this.request = request;
        }

        public void onResponse(final HttpReply reply)
        {
            onReply(request, reply);
        }

        public void onFailure(final URI uri, final String reason)
        {
            onFailed(request, reason);
        }
    }
}
