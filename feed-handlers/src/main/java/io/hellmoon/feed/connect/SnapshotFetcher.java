/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.book.SnapshotRequester;
import io.hellmoon.feed.net.FeedEventLoop;
import io.hellmoon.feed.net.HttpReply;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.IntHashSet;

import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The live feed's {@link SnapshotRequester}: a book that needs a snapshot (its first diff, a gap, a crossed book, a
 * reconnect) gets one REST depth request, queued in the venue's {@link RestGateway} and so released within the weight
 * budget however many books ask at once. An instrument is requested at most once at a time: asking again while its
 * request is queued or in flight does nothing. The reply reaches the decoder's
 * {@link VenueFrameHandler#onDepthSnapshot} on the event loop, always after the request call has returned (a book asks
 * while its decoder is mid-frame), and the instrument may be asked for again from inside that delivery (a snapshot too
 * old for the buffered diffs).
 * <p>
 * {@link #cancel(int)} forgets an instrument's request when its connection is lost: a reply to it is dropped, since
 * the diffs that would bridge it are gone. Failed requests (not 429/418, which the gateway retries) are retried after
 * the profile's retry delay.
 * <p>
 * Runs on the feed's event loop. Allocates per request (not per frame).
 */
public final class SnapshotFetcher implements SnapshotRequester
{
    private final VenueProfile profile;
    private final RestGateway gateway;
    private final InstrumentRegistry registry;
    private final VenueFrameHandler handler;
    private final FeedEventLoop loop;
    private final ConnectionEvents events;
    private final IntHashSet pending = new IntHashSet();
    private final Int2ObjectHashMap<URI> uris = new Int2ObjectHashMap<>();
    private int[] epochs = new int[64];

    private long requested;
    private long delivered;
    private long failed;
    private long dropped;

    /**
     * A fetcher.
     *
     * @param profile  the venue: depth path, limit and weight.
     * @param gateway  releases the requests.
     * @param registry symbols of instruments.
     * @param handler  receives the snapshots: the venue's decoder (through a recorder, say).
     * @param loop     the feed's event loop, for retries.
     * @param events   hears failures.
     */
    public SnapshotFetcher(
        final VenueProfile profile,
        final RestGateway gateway,
        final InstrumentRegistry registry,
        final VenueFrameHandler handler,
        final FeedEventLoop loop,
        final ConnectionEvents events)
    {
        this.profile = profile;
        this.gateway = gateway;
        this.registry = registry;
        this.handler = handler;
        this.loop = loop;
        this.events = events;
    }

    /**
     * {@inheritDoc}
     */
    public void requestSnapshot(final int instrumentId)
    {
        if (!registry.contains(instrumentId) || !pending.add(instrumentId))
        {
            return;
        }
        requested++;
        gateway.submit(new DepthRequest(instrumentId, epoch(instrumentId)));
    }

    /**
     * Forget an instrument's request: it is not sent if still queued, and its reply is dropped.
     *
     * @param instrumentId whose request to forget.
     */
    public void cancel(final int instrumentId)
    {
        if (pending.remove(instrumentId))
        {
            epochs[instrumentId]++;
        }
    }

    /**
     * The URI of an instrument's depth snapshot (for recordings).
     *
     * @param instrumentId of the instrument.
     * @return the URI.
     */
    public URI depthUri(final int instrumentId)
    {
        URI uri = uris.get(instrumentId);
        if (null == uri)
        {
            uri = profile.depthUri(registry.symbol(instrumentId));
            uris.put(instrumentId, uri);
        }
        return uri;
    }

    /**
     * Whether an instrument's request is queued or in flight.
     *
     * @param instrumentId of the instrument.
     * @return true if pending.
     */
    public boolean isPending(final int instrumentId)
    {
        return pending.contains(instrumentId);
    }

    /**
     * Instruments with a request queued or in flight.
     *
     * @return the count.
     */
    public int pendingCount()
    {
        return pending.size();
    }

    /**
     * Requests made (deduplicated).
     *
     * @return the count.
     */
    public long requested()
    {
        return requested;
    }

    /**
     * Snapshots delivered to the handler.
     *
     * @return the count.
     */
    public long delivered()
    {
        return delivered;
    }

    /**
     * Requests that failed (and were retried).
     *
     * @return the count.
     */
    public long failed()
    {
        return failed;
    }

    /**
     * Replies dropped because the request had been cancelled.
     *
     * @return the count.
     */
    public long dropped()
    {
        return dropped;
    }

    private int epoch(final int instrumentId)
    {
        if (instrumentId >= epochs.length)
        {
            epochs = Arrays.copyOf(epochs, Math.max(instrumentId + 1, 2 * epochs.length));
        }
        return epochs[instrumentId];
    }

    private boolean isCurrent(final int instrumentId, final int epoch)
    {
        return epochs[instrumentId] == epoch && pending.contains(instrumentId);
    }

    private void retryLater(final int instrumentId, final int epoch, final String reason)
    {
        failed++;
        final long delayNs = profile.restRetryDelayNs();
        events.onEvent(ConnectionEvent.REST_FAILED, -1, "depth snapshot of " + registry.symbol(instrumentId) + ": " +
            reason + ", retrying in " + String.format("%.3f s", delayNs / 1e9));
        loop.eventLoop().schedule(() ->
        {
            if (isCurrent(instrumentId, epoch))
            {
                gateway.submit(new DepthRequest(instrumentId, epoch));
            }
        }, delayNs, TimeUnit.NANOSECONDS);
    }

    private final class DepthRequest extends RestGateway.Request
    {
        private final int instrumentId;
        private final int epoch;

        DepthRequest(final int instrumentId, final int epoch)
        {
            super(depthUri(instrumentId), profile.depthWeight());
            this.instrumentId = instrumentId;
            this.epoch = epoch;
        }

        protected boolean isCancelled()
        {
            return !isCurrent(instrumentId, epoch);
        }

        protected void onReply(final HttpReply reply)
        {
            if (!isCurrent(instrumentId, epoch))
            {
                dropped++;
                return;
            }
            if (200 != reply.statusCode())
            {
                retryLater(instrumentId, epoch, "HTTP " + reply.statusCode() + " " + reply.bodyText(200));
                return;
            }
            pending.remove(instrumentId);
            delivered++;
            handler.onDepthSnapshot(instrumentId, reply.body(), 0, reply.bodyLength(), reply.receiveTimeNs());
        }

        protected void onFailed(final String reason)
        {
            if (!isCurrent(instrumentId, epoch))
            {
                dropped++;
                return;
            }
            retryLater(instrumentId, epoch, reason);
        }
    }
}
