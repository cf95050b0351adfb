/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.codecs.HellmoonConfiguration;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.HellmoonCounters;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.net.FeedEventLoop;
import io.hellmoon.feed.net.WebSocketClient;
import io.hellmoon.feed.net.WebSocketConnection;
import io.hellmoon.feed.net.WebSocketListener;
import io.hellmoon.sbe.FeedStatusReason;
import io.netty.util.concurrent.ScheduledFuture;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a venue's subscriptions flowing over as many WebSocket connections as its limits need, into one
 * {@link VenueFrameHandler} (the decoders), on the feed's event loop.
 *
 * <h2>What it does</h2>
 * <ul>
 *     <li><b>Spreads</b> the streams over connections by the {@link SubscriptionPlan}, within the venue's streams per
 *     connection; opens them within the venue's connection attempts per window.</li>
 *     <li><b>Subscribes</b> with the venue's subscribe messages, paced so that a connection never sends more control
 *     messages (subscribes, pings, pongs) in any second than the venue allows; one slot a second is kept for the
 *     pongs the protocol forces. Subscription replies are counted (errors reported) and not passed on.</li>
 *     <li><b>Watches</b> each connection: pings are answered by the transport; after the heartbeat idle time without
 *     data the venue is pinged, and after the heartbeat timeout the connection is declared silent and replaced.</li>
 *     <li><b>Reconnects</b> a lost or silent connection after an exponential backoff with seeded jitter (reset once a
 *     new connection delivers), resubscribes, and marks every book on it stale first ({@link StaleMarker}), so
 *     nothing downstream trades on it until it is resynced from a new snapshot.</li>
 *     <li><b>Rotates</b> each connection before the venue's lifetime ends: a replacement is opened and subscribed while
 *     the old one still delivers, the two are merged by the {@link OverlapDeduplicator} (no gap, no duplicate reaches
 *     the decoders), and the old one is closed once the replacement has taken over every stream (or after the
 *     longest overlap).</li>
 * </ul>
 * Counters: connections open, reconnects (connections re-established after a loss), heartbeat timeouts, rotations,
 * duplicates dropped, control messages sent.
 *
 * <h2>Threading</h2>
 * Everything runs on the {@link FeedEventLoop}: frames arrive there, one periodic tick drives pacing, heartbeats,
 * reconnects and rotation, and the public methods must be called there (or handed over with
 * {@link FeedEventLoop#execute(Runnable)}). The frame path allocates nothing; connection events allocate.
 */
public final class ConnectionManager implements AutoCloseable
{
    private final VenueProfile profile;
    private final FeedEventLoop loop;
    private final WebSocketClient client;
    private final VenueFrameHandler downstream;
    private final StaleMarker staleMarker;
    private final ConnectionEvents events;
    private final EpochNanoClock clock;
    private final long tickNs;
    private final Backoff backoff;
    private final SlidingWindowLimiter connectLimiter;
    private final URI endpoint;
    private final Slot[] slots;
    private final int streamCount;
    private final AtomicCounter connectionsCounter;
    private final AtomicCounter reconnectsCounter;

    private ScheduledFuture<?> ticker;
    private boolean started;
    private boolean closed;
    private long subscribeId;
    private long lastFrameTimeNs;
    private long framesDelivered;
    private long reconnects;
    private long heartbeatTimeouts;
    private long rotations;
    private long connectAttempts;
    private long controlMessagesSent;
    private int openConnections;

    /**
     * A manager; nothing connects until {@link #start()}.
     *
     * @param ctx its configuration; concluded here if it was not already.
     */
    public ConnectionManager(final Context ctx)
    {
        ctx.conclude();
        profile = ctx.profile();
        loop = ctx.eventLoop();
        clock = ctx.clock();
        client = new WebSocketClient(loop, clock);
        downstream = ctx.frameHandler();
        staleMarker = ctx.staleMarker();
        events = ctx.events();
        tickNs = ctx.tickNs();
        backoff = new Backoff(
            profile.backoffInitialNs(), profile.backoffMaxNs(), profile.backoffJitter(), ctx.seed());
        connectLimiter = new SlidingWindowLimiter(profile.connectAttempts(), profile.connectWindowNs());
        endpoint = URI.create(profile.wsUrl());
        final List<SubscriptionPlan.Connection> planned = ctx.plan().connections();
        slots = new Slot[planned.size()];
        for (int i = 0; i < slots.length; i++)
        {
            slots[i] = new Slot(planned.get(i));
        }
        streamCount = ctx.plan().streamCount();
        final CounterFactory counters = ctx.counterFactory();
        connectionsCounter = counters.newCounter(
            HellmoonCounters.CONNECTIONS_TYPE_ID, "feed " + profile.name() + ": connections open");
        reconnectsCounter = counters.newCounter(
            HellmoonCounters.GENERIC_TYPE_ID, "feed " + profile.name() + ": reconnects");
    }

    /**
     * Open the connections and start the tick. Call on the loop.
     */
    public void start()
    {
        if (started || closed)
        {
            return;
        }
        started = true;
        final long nowNs = clock.nanoTime();
        for (final Slot slot : slots)
        {
            slot.reconnectAtNs = nowNs;
        }
        ticker = loop.eventLoop().scheduleAtFixedRate(this::tick, 0, tickNs, TimeUnit.NANOSECONDS);
    }

    /**
     * Close every connection with a normal close and stop the tick. Books are not marked stale: the feed is ending.
     * Call on the loop.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (null != ticker)
        {
            ticker.cancel(false);
        }
        for (final Slot slot : slots)
        {
            slot.closeAll();
        }
        CloseHelper.closeAll(connectionsCounter, reconnectsCounter);
    }

    /**
     * Connections planned.
     *
     * @return the count.
     */
    public int connectionCount()
    {
        return slots.length;
    }

    /**
     * Streams over all connections.
     *
     * @return the count.
     */
    public int streamCount()
    {
        return streamCount;
    }

    /**
     * Connections open now (both of a rotation's pair included).
     *
     * @return the count.
     */
    public int openConnections()
    {
        return openConnections;
    }

    /**
     * Connections planned whose subscriptions have all been sent on an open connection.
     *
     * @return the count.
     */
    public int subscribedConnections()
    {
        int subscribed = 0;
        for (final Slot slot : slots)
        {
            if (null != slot.primary && slot.primary.isSubscribed())
            {
                subscribed++;
            }
        }
        return subscribed;
    }

    /**
     * Receive time of the last frame passed to the decoders.
     *
     * @return epoch nanoseconds, 0 before the first.
     */
    public long lastFrameTimeNs()
    {
        return lastFrameTimeNs;
    }

    /**
     * Frames passed to the decoders.
     *
     * @return the count.
     */
    public long framesDelivered()
    {
        return framesDelivered;
    }

    /**
     * Connections re-established after a loss (not rotations).
     *
     * @return the count.
     */
    public long reconnects()
    {
        return reconnects;
    }

    /**
     * Connections found silent.
     *
     * @return the count.
     */
    public long heartbeatTimeouts()
    {
        return heartbeatTimeouts;
    }

    /**
     * Rotations completed.
     *
     * @return the count.
     */
    public long rotations()
    {
        return rotations;
    }

    /**
     * Connection attempts made.
     *
     * @return the count.
     */
    public long connectAttempts()
    {
        return connectAttempts;
    }

    /**
     * Control messages sent: subscribes and pings (pongs are the transport's).
     *
     * @return the count.
     */
    public long controlMessagesSent()
    {
        return controlMessagesSent;
    }

    /**
     * Frames dropped while merging rotated connections: duplicates, and frames held back until the old connection
     * delivered up to them.
     *
     * @return the count.
     */
    public long framesDroppedInOverlap()
    {
        long dropped = 0;
        for (final Slot slot : slots)
        {
            dropped += slot.dedup.duplicatesDropped() + slot.dedup.framesHeldBack();
        }
        return dropped;
    }

    /**
     * The venue profile.
     *
     * @return the profile.
     */
    public VenueProfile profile()
    {
        return profile;
    }

    private void tick()
    {
        if (closed)
        {
            return;
        }
        final long nowNs = clock.nanoTime();
        for (final Slot slot : slots)
        {
            slot.onTick(nowNs);
        }
    }

    private void deliver(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        lastFrameTimeNs = receiveTimeNs;
        framesDelivered++;
        downstream.onFrame(buffer, offset, length, receiveTimeNs);
    }

    private void event(final ConnectionEvent event, final int connection, final String detail)
    {
        events.onEvent(event, connection, detail);
    }

    private static String seconds(final long ns)
    {
        return String.format("%.3f s", ns / 1e9);
    }

    /**
     * Whether a frame is a reply to a control message rather than stream data: an object whose first key is
     * {@code result}, {@code error}, {@code id}, {@code code} or {@code msg}.
     */
    static boolean isControlReply(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int i = offset;
        while (i < end && buffer.getByte(i) <= ' ')
        {
            i++;
        }
        if (i + 4 >= end || '{' != buffer.getByte(i))
        {
            return false;
        }
        i++;
        while (i < end && buffer.getByte(i) <= ' ')
        {
            i++;
        }
        if (i + 3 >= end || '"' != buffer.getByte(i))
        {
            return false;
        }
        final byte first = buffer.getByte(i + 1);
        return switch (first)
        {
            case 'r' -> matches(buffer, i + 1, end, "result\"");
            case 'e' -> matches(buffer, i + 1, end, "error\"");
            case 'i' -> matches(buffer, i + 1, end, "id\"");
            case 'c' -> matches(buffer, i + 1, end, "code\"");
            case 'm' -> matches(buffer, i + 1, end, "msg\"");
            default -> false;
        };
    }

    private static boolean matches(final DirectBuffer buffer, final int offset, final int end, final String text)
    {
        if (offset + text.length() > end)
        {
            return false;
        }
        for (int i = 0; i < text.length(); i++)
        {
            if (text.charAt(i) != buffer.getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * One planned connection: its current connection, a replacement during a rotation, and its reconnect state.
     */
    private final class Slot
    {
        final int index;
        final SubscriptionPlan.Connection plan;
        final List<List<String>> subscribeBatches = new ArrayList<>();
        final int[] depthInstrumentIds;
        final OverlapDeduplicator dedup;
        Session primary;
        Session replacement;
        long reconnectAtNs;
        long rotateAtNs = Long.MAX_VALUE;
        long overlapStartNs;
        int attempt;
        boolean lost;
        boolean booksStale;

        Slot(final SubscriptionPlan.Connection plan)
        {
            this.index = plan.index();
            this.plan = plan;
            this.depthInstrumentIds = plan.depthInstrumentIds();
            this.dedup = new OverlapDeduplicator(plan.streams());
            final List<String> names = plan.streamNames();
            for (int from = 0; from < names.size(); from += profile.streamsPerMessage())
            {
                subscribeBatches.add(
                    List.copyOf(names.subList(from, Math.min(names.size(), from + profile.streamsPerMessage()))));
            }
        }

        void onTick(final long nowNs)
        {
            if (null == primary && null == replacement && 0 != reconnectAtNs && nowNs - reconnectAtNs >= 0)
            {
                reconnectAtNs = 0;
                connect(false, nowNs);
            }
            if (null != primary)
            {
                primary.onTick(nowNs);
            }
            if (null != replacement)
            {
                replacement.onTick(nowNs);
            }

            if (null != primary && primary.isSubscribed() && null == replacement && nowNs - rotateAtNs >= 0)
            {
                rotateAtNs = Long.MAX_VALUE;
                event(ConnectionEvent.ROTATION_STARTED, index, "replacing " + primary.describe() +
                    " before the venue's " + seconds(profile.connectionLifetimeNs()) + " lifetime ends");
                dedup.begin();
                connect(true, nowNs);
            }
            if (null != replacement && null != primary && replacement.isSubscribed() &&
                (dedup.isComplete() || nowNs - overlapStartNs > profile.rotationOverlapNs()))
            {
                completeRotation(nowNs);
            }
        }

        void connect(final boolean rotation, final long nowNs)
        {
            if (closed)
            {
                return;
            }
            if (!connectLimiter.tryAcquire(nowNs))
            {
                final long waitNs = Math.max(connectLimiter.nanosUntilAvailable(nowNs), tickNs);
                event(ConnectionEvent.CONNECT_THROTTLED, index, "connection attempt limit of " +
                    profile.connectAttempts() + " per " + seconds(profile.connectWindowNs()) + " reached, waiting " +
                    seconds(waitNs));
                if (rotation)
                {
                    rotateAtNs = nowNs + waitNs;
                    dedup.abandon();
                }
                else
                {
                    reconnectAtNs = nowNs + waitNs;
                }
                return;
            }
            connectAttempts++;
            final Session session = new Session(this);
            if (rotation)
            {
                replacement = session;
                overlapStartNs = nowNs;
            }
            else
            {
                primary = session;
            }
            event(ConnectionEvent.CONNECTING, index, endpoint + " (" + plan.streams().size() + " streams" +
                (rotation ? ", replacement" : 0 != attempt ? ", attempt " + (attempt + 1) : "") + ")");
            session.connection = client.connect(endpoint, session, session);
        }

        void onData(
            final Session session,
            final DirectBuffer buffer,
            final int offset,
            final int length,
            final long receiveTimeNs)
        {
            if (session == primary)
            {
                // While a replacement overlaps, this is the old connection; after a rotation it is the new one.
                if (!dedup.isActive() || dedup.onFrame(null == replacement, buffer, offset, length))
                {
                    deliver(buffer, offset, length, receiveTimeNs);
                }
            }
            else if (session == replacement)
            {
                if (dedup.isActive() && dedup.onFrame(true, buffer, offset, length))
                {
                    deliver(buffer, offset, length, receiveTimeNs);
                }
            }
        }

        void onOpen(final Session session, final long nowNs)
        {
            openConnections++;
            connectionsCounter.setRelease(openConnections);
            event(ConnectionEvent.OPEN, index, session.describe() + " open, subscribing " + plan.streams().size() +
                " streams in " + subscribeBatches.size() + " messages");
            if (session == replacement)
            {
                overlapStartNs = nowNs;
            }
            if (session == primary)
            {
                rotateAtNs = nowNs + profile.connectionLifetimeNs() - profile.rotationLeadNs();
                if (lost)
                {
                    lost = false;
                    reconnects++;
                    reconnectsCounter.setRelease(reconnects);
                }
            }
            session.sendPending(nowNs);
        }

        void onFirstData(final Session session)
        {
            if (session == primary)
            {
                attempt = 0;
                booksStale = false;
            }
        }

        void onClosed(final Session session, final long nowNs)
        {
            if (session.connection.wasOpened())
            {
                openConnections--;
                connectionsCounter.setRelease(openConnections);
            }
            event(ConnectionEvent.CLOSED, index, session.describe() + ": " + session.connection.closeReason() +
                " (code " + session.connection.closeCode() + ")");
            if (closed || session.closedByUs && !session.silent)
            {
                if (session == primary)
                {
                    primary = null;
                }
                else if (session == replacement)
                {
                    replacement = null;
                }
                return;
            }

            if (session == replacement)
            {
                replacement = null;
                dedup.abandon();
                final long retryNs = backoff.delayNs(0);
                rotateAtNs = nowNs + retryNs;
                event(ConnectionEvent.RECONNECT_SCHEDULED, index, "replacement lost, rotation retried in " +
                    seconds(retryNs));
                return;
            }
            if (session != primary)
            {
                return;
            }

            primary = null;
            if (null != replacement && replacement.isOpen())
            {
                // The old connection went first: the replacement takes over as it stands.
                final Session promoted = replacement;
                replacement = null;
                primary = promoted;
                dedup.finish();
                if (0 == promoted.dataFrames)
                {
                    markStale(FeedStatusReason.DISCONNECTED, nowNs);
                }
                rotations++;
                rotateAtNs = promoted.openedAtNs + profile.connectionLifetimeNs() - profile.rotationLeadNs();
                event(ConnectionEvent.ROTATION_COMPLETED, index, "old connection lost during the overlap, " +
                    promoted.describe() + " took over");
                return;
            }

            if (!session.silent)
            {
                markStale(FeedStatusReason.DISCONNECTED, nowNs);
            }
            // A first connection that never opened is not a loss; a reconnect counts once one had been open.
            lost |= session.connection.wasOpened();
            final long delayNs = backoff.delayNs(attempt++);
            reconnectAtNs = nowNs + delayNs;
            event(ConnectionEvent.RECONNECT_SCHEDULED, index, "reconnecting in " + seconds(delayNs) +
                " (attempt " + attempt + ")");
        }

        void onSilent(final Session session, final long nowNs, final long quietNs)
        {
            heartbeatTimeouts++;
            event(ConnectionEvent.HEARTBEAT_TIMEOUT, index, session.describe() + " silent for " + seconds(quietNs));
            session.silent = true;
            if (session == primary)
            {
                markStale(FeedStatusReason.HEARTBEAT_TIMEOUT, nowNs);
            }
            session.closeByUs(4000, "heartbeat timeout");
        }

        void completeRotation(final long nowNs)
        {
            final Session old = primary;
            final Session taking = replacement;
            primary = taking;
            replacement = null;
            final int pendingStreams = dedup.pendingStreams();
            dedup.finish();
            rotations++;
            rotateAtNs = taking.openedAtNs + profile.connectionLifetimeNs() - profile.rotationLeadNs();
            event(ConnectionEvent.ROTATION_COMPLETED, index, taking.describe() + " took over from " + old.describe() +
                " after " + seconds(nowNs - overlapStartNs) +
                (0 == pendingStreams ? "" : ", " + pendingStreams + " streams still merging") +
                "; duplicates dropped so far " + dedup.duplicatesDropped());
            old.closeByUs(1000, "rotated");
        }

        void markStale(final FeedStatusReason reason, final long nowNs)
        {
            if (booksStale)
            {
                return;
            }
            booksStale = true;
            int marked = 0;
            for (final int instrumentId : depthInstrumentIds)
            {
                if (staleMarker.markStale(instrumentId, reason, nowNs))
                {
                    marked++;
                }
            }
            if (0 != marked)
            {
                event(ConnectionEvent.STALE, index, marked + " books stale (" + reason + ") until resynced");
            }
        }

        void closeAll()
        {
            if (null != primary)
            {
                primary.closeByUs(1000, "feed closing");
            }
            if (null != replacement)
            {
                replacement.closeByUs(1000, "feed closing");
            }
        }
    }

    /**
     * One WebSocket connection of a slot: its subscription progress, pacing and liveness.
     */
    private final class Session implements VenueFrameHandler, WebSocketListener
    {
        final Slot slot;
        final SlidingWindowLimiter controlLimiter;
        WebSocketConnection connection;
        int nextMessage;
        long acknowledged;
        long dataFrames;
        long lastReceiveNs;
        long openedAtNs;
        boolean pingOutstanding;
        boolean closedByUs;
        boolean silent;

        Session(final Slot slot)
        {
            this.slot = slot;
            // One slot a window is kept for the pongs the protocol requires whenever the venue pings.
            this.controlLimiter = new SlidingWindowLimiter(Math.max(1, profile.controlMessagesPerSecond() - 1),
                TimeUnit.SECONDS.toNanos(1) + profile.controlWindowMarginNs());
        }

        boolean isOpen()
        {
            return null != connection && connection.isOpen();
        }

        boolean isSubscribed()
        {
            return isOpen() && nextMessage == slot.subscribeBatches.size();
        }

        String describe()
        {
            return "connection " + (null == connection ? "?" : connection.id());
        }

        void closeByUs(final int code, final String reason)
        {
            closedByUs = true;
            if (null != connection)
            {
                connection.close(code, reason);
            }
        }

        void onTick(final long nowNs)
        {
            if (!isOpen())
            {
                return;
            }
            sendPending(nowNs);
            final long quietNs = nowNs - lastReceiveNs;
            if (quietNs > profile.heartbeatTimeoutNs())
            {
                slot.onSilent(this, nowNs, quietNs);
            }
            else if (quietNs > profile.heartbeatIdleNs() && !pingOutstanding && controlLimiter.tryAcquire(nowNs))
            {
                pingOutstanding = true;
                controlMessagesSent++;
                final String ping = profile.format().pingMessage();
                if (null == ping)
                {
                    connection.sendPing();
                }
                else
                {
                    connection.sendText(ping);
                }
            }
        }

        void sendPending(final long nowNs)
        {
            final List<List<String>> batches = slot.subscribeBatches;
            while (nextMessage < batches.size() && controlLimiter.tryAcquire(nowNs))
            {
                final List<String> batch = batches.get(nextMessage++);
                controlMessagesSent++;
                connection.sendText(profile.format().subscribeMessage(batch, ++subscribeId));
                if (nextMessage == batches.size())
                {
                    event(ConnectionEvent.SUBSCRIBED, slot.index, describe() + " sent " + batches.size() +
                        " subscribe messages for " + slot.plan.streams().size() + " streams");
                }
            }
        }

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
        {
            lastReceiveNs = receiveTimeNs;
            pingOutstanding = false;
            if (isControlReply(buffer, offset, length))
            {
                onControlReply(buffer, offset, length);
                return;
            }
            if (0 == dataFrames++)
            {
                slot.onFirstData(this);
            }
            slot.onData(this, buffer, offset, length, receiveTimeNs);
        }

        public void onDepthSnapshot(
            final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
        }

        public void onOpen(final WebSocketConnection connection)
        {
            final long nowNs = clock.nanoTime();
            openedAtNs = nowNs;
            lastReceiveNs = nowNs;
            slot.onOpen(this, nowNs);
        }

        public void onPing(final WebSocketConnection connection)
        {
            final long nowNs = clock.nanoTime();
            lastReceiveNs = nowNs;
            controlLimiter.record(nowNs);
        }

        public void onPong(final WebSocketConnection connection)
        {
            lastReceiveNs = clock.nanoTime();
            pingOutstanding = false;
        }

        public void onClosed(final WebSocketConnection connection)
        {
            slot.onClosed(this, clock.nanoTime());
        }

        private void onControlReply(final DirectBuffer buffer, final int offset, final int length)
        {
            acknowledged++;
            if (containsError(buffer, offset, length))
            {
                event(ConnectionEvent.REJECTED, slot.index, describe() + ": " +
                    buffer.getStringWithoutLengthUtf8(offset, Math.min(length, 512)));
            }
        }

        private boolean containsError(final DirectBuffer buffer, final int offset, final int length)
        {
            for (int i = offset, end = offset + length - 7; i <= end; i++)
            {
                if ('"' == buffer.getByte(i) && matches(buffer, i + 1, offset + length, "error\""))
                {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Property names and defaults of the connection manager (the venue's limits are in {@link VenueProfile}).
     */
    public static final class Configuration
    {
        /**
         * How often pacing, heartbeats, reconnects and rotations are checked.
         */
        public static final String TICK_PROP_NAME = "hellmoon.feed.connect.tick";

        /**
         * Default tick.
         */
        public static final String TICK_DEFAULT = "50ms";

        /**
         * Seed of the reconnect jitter; unset means a different seed every run.
         */
        public static final String SEED_PROP_NAME = "hellmoon.feed.connect.seed";

        private Configuration()
        {
        }
    }

    /**
     * Configuration of a {@link ConnectionManager}. Do not reuse.
     */
    public static final class Context
    {
        private VenueProfile profile;
        private FeedEventLoop eventLoop;
        private VenueFrameHandler frameHandler;
        private SubscriptionPlan plan;
        private StaleMarker staleMarker = StaleMarker.NONE;
        private ConnectionEvents events = ConnectionEvents.NONE;
        private EpochNanoClock clock;
        private CounterFactory counterFactory;
        private long tickNs =
            HellmoonConfiguration.durationNs(Configuration.TICK_PROP_NAME, Configuration.TICK_DEFAULT);
        private long seed = Long.getLong(Configuration.SEED_PROP_NAME, System.nanoTime());
        private boolean concluded;

        /**
         * Validate and fill in defaults; idempotent.
         *
         * @return this.
         * @throws IllegalStateException naming what is missing or invalid.
         */
        public Context conclude()
        {
            if (concluded)
            {
                return this;
            }
            if (null == profile)
            {
                throw new IllegalStateException("profile must be set: the venue's endpoints and limits");
            }
            profile.conclude();
            if (null == eventLoop)
            {
                throw new IllegalStateException("eventLoop must be set: the feed's I/O thread");
            }
            if (null == frameHandler)
            {
                throw new IllegalStateException("frameHandler must be set: the decoders");
            }
            if (null == plan)
            {
                throw new IllegalStateException("plan must be set: the streams per connection");
            }
            if (null == staleMarker || null == events)
            {
                throw new IllegalStateException("staleMarker and events must not be null");
            }
            if (tickNs <= 0)
            {
                throw new IllegalStateException(Configuration.TICK_PROP_NAME + " must be positive: " + tickNs);
            }
            if (null == clock)
            {
                clock = new OffsetEpochNanoClock();
            }
            if (null == counterFactory)
            {
                counterFactory = CounterFactory.local(8);
            }
            concluded = true;
            return this;
        }

        /**
         * The venue.
         *
         * @param profile endpoints and limits.
         * @return this.
         */
        public Context profile(final VenueProfile profile)
        {
            this.profile = profile;
            return this;
        }

        /**
         * The venue.
         *
         * @return the profile.
         */
        public VenueProfile profile()
        {
            return profile;
        }

        /**
         * The feed's I/O thread.
         *
         * @param eventLoop the loop.
         * @return this.
         */
        public Context eventLoop(final FeedEventLoop eventLoop)
        {
            this.eventLoop = eventLoop;
            return this;
        }

        /**
         * The feed's I/O thread.
         *
         * @return the loop.
         */
        public FeedEventLoop eventLoop()
        {
            return eventLoop;
        }

        /**
         * Where stream frames go: the decoders (through a recorder, say).
         *
         * @param frameHandler the handler.
         * @return this.
         */
        public Context frameHandler(final VenueFrameHandler frameHandler)
        {
            this.frameHandler = frameHandler;
            return this;
        }

        /**
         * Where stream frames go.
         *
         * @return the handler.
         */
        public VenueFrameHandler frameHandler()
        {
            return frameHandler;
        }

        /**
         * The streams per connection.
         *
         * @param plan from {@link SubscriptionPlan#plan}.
         * @return this.
         */
        public Context plan(final SubscriptionPlan plan)
        {
            this.plan = plan;
            return this;
        }

        /**
         * The streams per connection.
         *
         * @return the plan.
         */
        public SubscriptionPlan plan()
        {
            return plan;
        }

        /**
         * Marks books stale when their connection is lost.
         *
         * @param staleMarker default marks nothing.
         * @return this.
         */
        public Context staleMarker(final StaleMarker staleMarker)
        {
            this.staleMarker = staleMarker;
            return this;
        }

        /**
         * Marks books stale.
         *
         * @return the marker.
         */
        public StaleMarker staleMarker()
        {
            return staleMarker;
        }

        /**
         * Hears connection events.
         *
         * @param events default ignores them.
         * @return this.
         */
        public Context events(final ConnectionEvents events)
        {
            this.events = events;
            return this;
        }

        /**
         * Hears connection events.
         *
         * @return the listener.
         */
        public ConnectionEvents events()
        {
            return events;
        }

        /**
         * Receive times and timers.
         *
         * @param clock default {@link OffsetEpochNanoClock}, which never allocates.
         * @return this.
         */
        public Context clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        /**
         * Receive times and timers.
         *
         * @return the clock.
         */
        public EpochNanoClock clock()
        {
            return clock;
        }

        /**
         * Where counters are created.
         *
         * @param counterFactory default local counters.
         * @return this.
         */
        public Context counterFactory(final CounterFactory counterFactory)
        {
            this.counterFactory = counterFactory;
            return this;
        }

        /**
         * Where counters are created.
         *
         * @return the factory.
         */
        public CounterFactory counterFactory()
        {
            return counterFactory;
        }

        /**
         * How often timers are checked.
         *
         * @param tickNs nanoseconds.
         * @return this.
         */
        public Context tickNs(final long tickNs)
        {
            this.tickNs = tickNs;
            return this;
        }

        /**
         * How often timers are checked.
         *
         * @return nanoseconds.
         */
        public long tickNs()
        {
            return tickNs;
        }

        /**
         * Seed of the reconnect jitter.
         *
         * @param seed fixed for reproducible delays.
         * @return this.
         */
        public Context seed(final long seed)
        {
            this.seed = seed;
            return this;
        }

        /**
         * Seed of the reconnect jitter.
         *
         * @return the seed.
         */
        public long seed()
        {
            return seed;
        }
    }
}
