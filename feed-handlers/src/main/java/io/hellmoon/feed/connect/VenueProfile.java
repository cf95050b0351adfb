/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.sbe.Venue;
import org.agrona.SystemUtil;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the feed must know of a venue to connect to it: endpoints, how streams are named and subscribed, and the
 * venue's limits, each with a default from the venue's documentation and a property
 * {@code hellmoon.feed.<venue>.<key>} to change it, since venues change their limits. The keys are the
 * {@code *_KEY} constants; every one is documented in {@code feed-handlers/README.md}.
 * <p>
 * Built by {@link #of(String)} for {@code binance-spot}, {@code binance-usdm}, {@code binance-coinm} and
 * {@code mexc-spot}; setters override, {@link #conclude()} validates and fails naming the property. Not thread safe;
 * read only once concluded.
 */
public final class VenueProfile
{
    /**
     * Prefix of every venue property: {@code hellmoon.feed.<venue>.<key>}.
     */
    public static final String PROP_PREFIX = "hellmoon.feed.";

    /**
     * WebSocket endpoint, path included (e.g. {@code wss://fstream.binance.com/stream}).
     */
    public static final String WS_URL_KEY = "ws.url";

    /**
     * REST base URL (e.g. {@code https://fapi.binance.com}).
     */
    public static final String REST_URL_KEY = "rest.url";

    /**
     * Streams subscribed per instrument when none are given, comma separated.
     */
    public static final String STREAMS_KEY = "streams";

    /**
     * Most streams one connection may carry.
     */
    public static final String STREAMS_PER_CONNECTION_KEY = "streams.per.connection";

    /**
     * Streams named in one subscribe message.
     */
    public static final String STREAMS_PER_MESSAGE_KEY = "streams.per.message";

    /**
     * Control messages (subscribe, ping, pong) a connection may send per second.
     */
    public static final String CONTROL_MESSAGES_PER_SECOND_KEY = "control.messages.per.second";

    /**
     * Added to the one-second window of the control-message limit, for clock and network differences.
     */
    public static final String CONTROL_WINDOW_MARGIN_KEY = "control.window.margin";

    /**
     * Connection attempts allowed per window (per IP at the venue).
     */
    public static final String CONNECT_ATTEMPTS_KEY = "connect.attempts";

    /**
     * The window of the connection-attempt limit.
     */
    public static final String CONNECT_WINDOW_KEY = "connect.window";

    /**
     * Longest a connection lives before the venue closes it.
     */
    public static final String CONNECTION_LIFETIME_KEY = "connection.lifetime";

    /**
     * How long before the end of its lifetime a connection is replaced.
     */
    public static final String ROTATION_LEAD_KEY = "rotation.lead";

    /**
     * Longest two connections overlap during a rotation before the old one is closed anyway.
     */
    public static final String ROTATION_OVERLAP_KEY = "rotation.overlap";

    /**
     * Quiet time after which the feed pings the venue.
     */
    public static final String HEARTBEAT_IDLE_KEY = "heartbeat.idle";

    /**
     * Quiet time after which a connection is declared silent, its books stale, and it is replaced.
     */
    public static final String HEARTBEAT_TIMEOUT_KEY = "heartbeat.timeout";

    /**
     * First reconnect delay.
     */
    public static final String BACKOFF_INITIAL_KEY = "reconnect.backoff.initial";

    /**
     * Longest reconnect delay.
     */
    public static final String BACKOFF_MAX_KEY = "reconnect.backoff.max";

    /**
     * Random fraction of each reconnect delay, 0 to 1.
     */
    public static final String BACKOFF_JITTER_KEY = "reconnect.backoff.jitter";

    /**
     * REST depth snapshot path.
     */
    public static final String DEPTH_PATH_KEY = "rest.depth.path";

    /**
     * Levels asked of a depth snapshot.
     */
    public static final String DEPTH_LIMIT_KEY = "rest.depth.limit";

    /**
     * Request weight of a depth snapshot; 0 derives it from the limit by the venue's table.
     */
    public static final String DEPTH_WEIGHT_KEY = "rest.depth.weight";

    /**
     * REST exchangeInfo path.
     */
    public static final String EXCHANGE_INFO_PATH_KEY = "rest.exchange.info.path";

    /**
     * Request weight of exchangeInfo.
     */
    public static final String EXCHANGE_INFO_WEIGHT_KEY = "rest.exchange.info.weight";

    /**
     * Request weight the feed may use per minute (the bucket's refill).
     */
    public static final String WEIGHT_PER_MINUTE_KEY = "rest.weight.per.minute";

    /**
     * Request weight the feed may use at once (the bucket's size).
     */
    public static final String WEIGHT_BURST_KEY = "rest.weight.burst";

    /**
     * REST requests in flight at once.
     */
    public static final String REST_IN_FLIGHT_KEY = "rest.in.flight";

    /**
     * Back-off after a 429 or 418 without a usable Retry-After.
     */
    public static final String RETRY_AFTER_DEFAULT_KEY = "rest.retry.after.default";

    /**
     * Delay before a failed snapshot request (not a 429/418) is tried again.
     */
    public static final String REST_RETRY_DELAY_KEY = "rest.retry.delay";

    private static final List<String> NAMES = List.of("binance-spot", "binance-usdm", "binance-coinm", "mexc-spot");

    private final String name;
    private final Venue venue;
    private SubscriptionFormat format;
    private String wsUrl;
    private String restUrl;
    private List<String> streams;
    private int streamsPerConnection;
    private int streamsPerMessage;
    private int controlMessagesPerSecond;
    private long controlWindowMarginNs;
    private int connectAttempts;
    private long connectWindowNs;
    private long connectionLifetimeNs;
    private long rotationLeadNs;
    private long rotationOverlapNs;
    private long heartbeatIdleNs;
    private long heartbeatTimeoutNs;
    private long backoffInitialNs;
    private long backoffMaxNs;
    private double backoffJitter;
    private String depthPath;
    private int depthLimit;
    private int depthWeight;
    private String exchangeInfoPath;
    private int exchangeInfoWeight;
    private int weightPerMinute;
    private int weightBurst;
    private int restInFlight;
    private long retryAfterDefaultNs;
    private long restRetryDelayNs;
    private boolean concluded;

    private VenueProfile(final String name, final Venue venue)
    {
        this.name = name;
        this.venue = venue;
    }

    /**
     * The venue names with a profile.
     *
     * @return {@code binance-spot}, {@code binance-usdm}, {@code binance-coinm}, {@code mexc-spot}.
     */
    public static List<String> names()
    {
        return NAMES;
    }

    /**
     * A venue's profile: the documented defaults, overridden by any {@code hellmoon.feed.<venue>.<key>} property.
     *
     * @param venueName e.g. {@code binance-usdm}, case ignored.
     * @return the profile, not yet concluded.
     * @throws IllegalArgumentException naming the known venues when there is no profile for the name.
     */
    public static VenueProfile of(final String venueName)
    {
        final String key = venueName.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        final VenueProfile profile = switch (key)
        {
            case "binance-spot" -> binance(key, Venue.BINANCE_SPOT, "wss://stream.binance.com:9443/stream",
                "https://api.binance.com", "trade,bookTicker,depth@100ms", 5, "/api/v3/depth",
                "/api/v3/exchangeInfo", 20, 6000);
            case "binance-usdm" -> binance(key, Venue.BINANCE_USDM, "wss://fstream.binance.com/stream",
                "https://fapi.binance.com", "trade,bookTicker,depth@0ms", 10, "/fapi/v1/depth",
                "/fapi/v1/exchangeInfo", 1, 2400);
            case "binance-coinm" -> binance(key, Venue.BINANCE_COINM, "wss://dstream.binance.com/stream",
                "https://dapi.binance.com", "trade,bookTicker,depth@0ms", 10, "/dapi/v1/depth",
                "/dapi/v1/exchangeInfo", 1, 2400);
            case "mexc-spot" -> mexcSpot();
            default -> throw new IllegalArgumentException(
                "no venue profile '" + venueName + "', expected one of " + String.join(", ", NAMES));
        };
        profile.applyProperties();
        return profile;
    }

    private static VenueProfile binance(
        final String name,
        final Venue venue,
        final String wsUrl,
        final String restUrl,
        final String streams,
        final int controlPerSecond,
        final String depthPath,
        final String exchangeInfoPath,
        final int exchangeInfoWeight,
        final int weightLimitPerMinute)
    {
        final VenueProfile profile = new VenueProfile(name, venue);
        profile.format = SubscriptionFormat.BINANCE;
        profile.wsUrl = wsUrl;
        profile.restUrl = restUrl;
        profile.streams = split(streams);
        profile.streamsPerConnection = 1024;
        profile.streamsPerMessage = 200;
        profile.controlMessagesPerSecond = controlPerSecond;
        profile.controlWindowMarginNs = TimeUnit.MILLISECONDS.toNanos(100);
        profile.connectAttempts = 300;
        profile.connectWindowNs = TimeUnit.MINUTES.toNanos(5);
        profile.connectionLifetimeNs = TimeUnit.HOURS.toNanos(24);
        profile.rotationLeadNs = TimeUnit.MINUTES.toNanos(30);
        profile.rotationOverlapNs = TimeUnit.SECONDS.toNanos(30);
        profile.heartbeatIdleNs = TimeUnit.SECONDS.toNanos(10);
        profile.heartbeatTimeoutNs = TimeUnit.SECONDS.toNanos(30);
        profile.backoffInitialNs = TimeUnit.MILLISECONDS.toNanos(250);
        profile.backoffMaxNs = TimeUnit.SECONDS.toNanos(30);
        profile.backoffJitter = 0.5;
        profile.depthPath = depthPath;
        profile.depthLimit = 1000;
        profile.exchangeInfoPath = exchangeInfoPath;
        profile.exchangeInfoWeight = exchangeInfoWeight;
        // Burst plus refill stays within the venue's per-minute limit in any minute; a fifth is left for other users
        // of the same IP (the executor, tools).
        profile.weightPerMinute = weightLimitPerMinute * 3 / 5;
        profile.weightBurst = weightLimitPerMinute / 5;
        profile.restInFlight = 4;
        profile.retryAfterDefaultNs = TimeUnit.SECONDS.toNanos(60);
        profile.restRetryDelayNs = TimeUnit.SECONDS.toNanos(1);
        return profile;
    }

    private static VenueProfile mexcSpot()
    {
        final VenueProfile profile = binance("mexc-spot", Venue.MEXC_SPOT, "wss://wbs-api.mexc.com/ws",
            "https://api.mexc.com", "aggre.deals@100ms,aggre.depth@100ms,aggre.bookTicker@100ms", 10,
            "/api/v3/depth", "/api/v3/exchangeInfo", 10, 3000);
        profile.format = SubscriptionFormat.MEXC;
        profile.streamsPerConnection = 30;
        profile.streamsPerMessage = 30;
        profile.heartbeatIdleNs = TimeUnit.SECONDS.toNanos(20);
        profile.heartbeatTimeoutNs = TimeUnit.SECONDS.toNanos(60);
        return profile;
    }

    private void applyProperties()
    {
        wsUrl = property(WS_URL_KEY, wsUrl);
        restUrl = property(REST_URL_KEY, restUrl);
        final String streamList = System.getProperty(propName(STREAMS_KEY));
        if (null != streamList)
        {
            streams = split(streamList);
        }
        streamsPerConnection = intProperty(STREAMS_PER_CONNECTION_KEY, streamsPerConnection);
        streamsPerMessage = intProperty(STREAMS_PER_MESSAGE_KEY, streamsPerMessage);
        controlMessagesPerSecond = intProperty(CONTROL_MESSAGES_PER_SECOND_KEY, controlMessagesPerSecond);
        controlWindowMarginNs = durationProperty(CONTROL_WINDOW_MARGIN_KEY, controlWindowMarginNs);
        connectAttempts = intProperty(CONNECT_ATTEMPTS_KEY, connectAttempts);
        connectWindowNs = durationProperty(CONNECT_WINDOW_KEY, connectWindowNs);
        connectionLifetimeNs = durationProperty(CONNECTION_LIFETIME_KEY, connectionLifetimeNs);
        rotationLeadNs = durationProperty(ROTATION_LEAD_KEY, rotationLeadNs);
        rotationOverlapNs = durationProperty(ROTATION_OVERLAP_KEY, rotationOverlapNs);
        heartbeatIdleNs = durationProperty(HEARTBEAT_IDLE_KEY, heartbeatIdleNs);
        heartbeatTimeoutNs = durationProperty(HEARTBEAT_TIMEOUT_KEY, heartbeatTimeoutNs);
        backoffInitialNs = durationProperty(BACKOFF_INITIAL_KEY, backoffInitialNs);
        backoffMaxNs = durationProperty(BACKOFF_MAX_KEY, backoffMaxNs);
        final String jitter = System.getProperty(propName(BACKOFF_JITTER_KEY));
        if (null != jitter)
        {
            try
            {
                backoffJitter = Double.parseDouble(jitter.trim());
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalStateException(propName(BACKOFF_JITTER_KEY) + " is not a number: " + jitter);
            }
        }
        depthPath = property(DEPTH_PATH_KEY, depthPath);
        depthLimit = intProperty(DEPTH_LIMIT_KEY, depthLimit);
        depthWeight = intProperty(DEPTH_WEIGHT_KEY, depthWeight);
        exchangeInfoPath = property(EXCHANGE_INFO_PATH_KEY, exchangeInfoPath);
        exchangeInfoWeight = intProperty(EXCHANGE_INFO_WEIGHT_KEY, exchangeInfoWeight);
        weightPerMinute = intProperty(WEIGHT_PER_MINUTE_KEY, weightPerMinute);
        weightBurst = intProperty(WEIGHT_BURST_KEY, weightBurst);
        restInFlight = intProperty(REST_IN_FLIGHT_KEY, restInFlight);
        retryAfterDefaultNs = durationProperty(RETRY_AFTER_DEFAULT_KEY, retryAfterDefaultNs);
        restRetryDelayNs = durationProperty(REST_RETRY_DELAY_KEY, restRetryDelayNs);
    }

    /**
     * Validate; idempotent.
     *
     * @return this.
     * @throws IllegalStateException naming the property and the reason when a value is invalid.
     */
    public VenueProfile conclude()
    {
        if (concluded)
        {
            return this;
        }
        checkUri(WS_URL_KEY, wsUrl, "ws", "wss");
        checkUri(REST_URL_KEY, restUrl, "http", "https");
        if (null == streams || streams.isEmpty())
        {
            throw new IllegalStateException(propName(STREAMS_KEY) + " must name at least one stream");
        }
        atLeast(STREAMS_PER_CONNECTION_KEY, streamsPerConnection, 1);
        atLeast(STREAMS_PER_MESSAGE_KEY, streamsPerMessage, 1);
        atLeast(CONTROL_MESSAGES_PER_SECOND_KEY, controlMessagesPerSecond, 1);
        atLeast(CONNECT_ATTEMPTS_KEY, connectAttempts, 1);
        positive(CONNECT_WINDOW_KEY, connectWindowNs);
        positive(CONNECTION_LIFETIME_KEY, connectionLifetimeNs);
        if (controlWindowMarginNs < 0)
        {
            throw new IllegalStateException(propName(CONTROL_WINDOW_MARGIN_KEY) + " must not be negative");
        }
        if (rotationLeadNs <= 0 || rotationLeadNs >= connectionLifetimeNs)
        {
            throw new IllegalStateException(propName(ROTATION_LEAD_KEY) + " must be positive and shorter than " +
                propName(CONNECTION_LIFETIME_KEY) + ": " + rotationLeadNs + " ns");
        }
        positive(ROTATION_OVERLAP_KEY, rotationOverlapNs);
        positive(HEARTBEAT_IDLE_KEY, heartbeatIdleNs);
        if (heartbeatTimeoutNs <= heartbeatIdleNs)
        {
            throw new IllegalStateException(propName(HEARTBEAT_TIMEOUT_KEY) + " must be longer than " +
                propName(HEARTBEAT_IDLE_KEY) + ": " + heartbeatTimeoutNs + " ns");
        }
        positive(BACKOFF_INITIAL_KEY, backoffInitialNs);
        if (backoffMaxNs < backoffInitialNs)
        {
            throw new IllegalStateException(propName(BACKOFF_MAX_KEY) + " must be at least " +
                propName(BACKOFF_INITIAL_KEY));
        }
        if (!(backoffJitter >= 0 && backoffJitter <= 1))
        {
            throw new IllegalStateException(propName(BACKOFF_JITTER_KEY) + " must be in [0, 1]: " + backoffJitter);
        }
        atLeast(DEPTH_LIMIT_KEY, depthLimit, 1);
        if (depthWeight < 0)
        {
            throw new IllegalStateException(propName(DEPTH_WEIGHT_KEY) + " must not be negative");
        }
        atLeast(EXCHANGE_INFO_WEIGHT_KEY, exchangeInfoWeight, 1);
        atLeast(WEIGHT_PER_MINUTE_KEY, weightPerMinute, 1);
        atLeast(WEIGHT_BURST_KEY, weightBurst, 1);
        if (depthWeight() > weightBurst || exchangeInfoWeight > weightBurst)
        {
            throw new IllegalStateException(propName(WEIGHT_BURST_KEY) + " must hold one depth (" + depthWeight() +
                ") and one exchangeInfo (" + exchangeInfoWeight + ") request: " + weightBurst);
        }
        atLeast(REST_IN_FLIGHT_KEY, restInFlight, 1);
        positive(RETRY_AFTER_DEFAULT_KEY, retryAfterDefaultNs);
        positive(REST_RETRY_DELAY_KEY, restRetryDelayNs);
        concluded = true;
        return this;
    }

    /**
     * The full property name of a key for this venue.
     *
     * @param key e.g. {@link #WS_URL_KEY}.
     * @return e.g. {@code hellmoon.feed.binance-usdm.ws.url}.
     */
    public String propName(final String key)
    {
        return PROP_PREFIX + name + "." + key;
    }

    /**
     * The venue's name, e.g. {@code binance-usdm}.
     *
     * @return the name.
     */
    public String name()
    {
        return name;
    }

    /**
     * The venue.
     *
     * @return the venue.
     */
    public Venue venue()
    {
        return venue;
    }

    /**
     * How streams are named and subscribed.
     *
     * @return the format.
     */
    public SubscriptionFormat format()
    {
        return format;
    }

    /**
     * WebSocket endpoint.
     *
     * @return the URL.
     */
    public String wsUrl()
    {
        return wsUrl;
    }

    /**
     * WebSocket endpoint.
     *
     * @param wsUrl {@code ws://} or {@code wss://} URL with its path.
     * @return this.
     */
    public VenueProfile wsUrl(final String wsUrl)
    {
        this.wsUrl = wsUrl;
        return this;
    }

    /**
     * REST base URL.
     *
     * @return the URL.
     */
    public String restUrl()
    {
        return restUrl;
    }

    /**
     * REST base URL.
     *
     * @param restUrl {@code http://} or {@code https://} URL.
     * @return this.
     */
    public VenueProfile restUrl(final String restUrl)
    {
        this.restUrl = restUrl;
        return this;
    }

    /**
     * Streams per instrument by default.
     *
     * @return the streams as configured.
     */
    public List<String> streams()
    {
        return streams;
    }

    /**
     * Streams per instrument by default.
     *
     * @param streams e.g. {@code trade}, {@code depth@100ms}, {@code !miniTicker@arr}.
     * @return this.
     */
    public VenueProfile streams(final List<String> streams)
    {
        this.streams = List.copyOf(streams);
        return this;
    }

    /**
     * Most streams per connection.
     *
     * @return the limit.
     */
    public int streamsPerConnection()
    {
        return streamsPerConnection;
    }

    /**
     * Most streams per connection.
     *
     * @param streamsPerConnection at least 1.
     * @return this.
     */
    public VenueProfile streamsPerConnection(final int streamsPerConnection)
    {
        this.streamsPerConnection = streamsPerConnection;
        return this;
    }

    /**
     * Streams per subscribe message.
     *
     * @return the count.
     */
    public int streamsPerMessage()
    {
        return streamsPerMessage;
    }

    /**
     * Streams per subscribe message.
     *
     * @param streamsPerMessage at least 1.
     * @return this.
     */
    public VenueProfile streamsPerMessage(final int streamsPerMessage)
    {
        this.streamsPerMessage = streamsPerMessage;
        return this;
    }

    /**
     * Control messages a connection may send per second.
     *
     * @return the limit.
     */
    public int controlMessagesPerSecond()
    {
        return controlMessagesPerSecond;
    }

    /**
     * Control messages a connection may send per second.
     *
     * @param controlMessagesPerSecond at least 1.
     * @return this.
     */
    public VenueProfile controlMessagesPerSecond(final int controlMessagesPerSecond)
    {
        this.controlMessagesPerSecond = controlMessagesPerSecond;
        return this;
    }

    /**
     * Margin added to the control-message window.
     *
     * @return nanoseconds.
     */
    public long controlWindowMarginNs()
    {
        return controlWindowMarginNs;
    }

    /**
     * Connection attempts per window.
     *
     * @return the limit.
     */
    public int connectAttempts()
    {
        return connectAttempts;
    }

    /**
     * Connection attempts per window.
     *
     * @param connectAttempts at least 1.
     * @return this.
     */
    public VenueProfile connectAttempts(final int connectAttempts)
    {
        this.connectAttempts = connectAttempts;
        return this;
    }

    /**
     * The window of the connection-attempt limit.
     *
     * @return nanoseconds.
     */
    public long connectWindowNs()
    {
        return connectWindowNs;
    }

    /**
     * The window of the connection-attempt limit.
     *
     * @param connectWindowNs nanoseconds.
     * @return this.
     */
    public VenueProfile connectWindowNs(final long connectWindowNs)
    {
        this.connectWindowNs = connectWindowNs;
        return this;
    }

    /**
     * Longest life of a connection at the venue.
     *
     * @return nanoseconds.
     */
    public long connectionLifetimeNs()
    {
        return connectionLifetimeNs;
    }

    /**
     * Longest life of a connection at the venue.
     *
     * @param connectionLifetimeNs nanoseconds.
     * @return this.
     */
    public VenueProfile connectionLifetimeNs(final long connectionLifetimeNs)
    {
        this.connectionLifetimeNs = connectionLifetimeNs;
        return this;
    }

    /**
     * How long before the end of its life a connection is replaced.
     *
     * @return nanoseconds.
     */
    public long rotationLeadNs()
    {
        return rotationLeadNs;
    }

    /**
     * How long before the end of its life a connection is replaced.
     *
     * @param rotationLeadNs nanoseconds, less than the lifetime.
     * @return this.
     */
    public VenueProfile rotationLeadNs(final long rotationLeadNs)
    {
        this.rotationLeadNs = rotationLeadNs;
        return this;
    }

    /**
     * Longest overlap of a rotation.
     *
     * @return nanoseconds.
     */
    public long rotationOverlapNs()
    {
        return rotationOverlapNs;
    }

    /**
     * Longest overlap of a rotation.
     *
     * @param rotationOverlapNs nanoseconds.
     * @return this.
     */
    public VenueProfile rotationOverlapNs(final long rotationOverlapNs)
    {
        this.rotationOverlapNs = rotationOverlapNs;
        return this;
    }

    /**
     * Quiet time before a ping.
     *
     * @return nanoseconds.
     */
    public long heartbeatIdleNs()
    {
        return heartbeatIdleNs;
    }

    /**
     * Quiet time before a ping.
     *
     * @param heartbeatIdleNs nanoseconds.
     * @return this.
     */
    public VenueProfile heartbeatIdleNs(final long heartbeatIdleNs)
    {
        this.heartbeatIdleNs = heartbeatIdleNs;
        return this;
    }

    /**
     * Quiet time after which a connection is replaced.
     *
     * @return nanoseconds.
     */
    public long heartbeatTimeoutNs()
    {
        return heartbeatTimeoutNs;
    }

    /**
     * Quiet time after which a connection is replaced.
     *
     * @param heartbeatTimeoutNs nanoseconds, more than the idle time.
     * @return this.
     */
    public VenueProfile heartbeatTimeoutNs(final long heartbeatTimeoutNs)
    {
        this.heartbeatTimeoutNs = heartbeatTimeoutNs;
        return this;
    }

    /**
     * First reconnect delay.
     *
     * @return nanoseconds.
     */
    public long backoffInitialNs()
    {
        return backoffInitialNs;
    }

    /**
     * First reconnect delay.
     *
     * @param backoffInitialNs nanoseconds.
     * @return this.
     */
    public VenueProfile backoffInitialNs(final long backoffInitialNs)
    {
        this.backoffInitialNs = backoffInitialNs;
        return this;
    }

    /**
     * Longest reconnect delay.
     *
     * @return nanoseconds.
     */
    public long backoffMaxNs()
    {
        return backoffMaxNs;
    }

    /**
     * Longest reconnect delay.
     *
     * @param backoffMaxNs nanoseconds.
     * @return this.
     */
    public VenueProfile backoffMaxNs(final long backoffMaxNs)
    {
        this.backoffMaxNs = backoffMaxNs;
        return this;
    }

    /**
     * Random fraction of reconnect delays.
     *
     * @return 0 to 1.
     */
    public double backoffJitter()
    {
        return backoffJitter;
    }

    /**
     * Random fraction of reconnect delays.
     *
     * @param backoffJitter 0 to 1.
     * @return this.
     */
    public VenueProfile backoffJitter(final double backoffJitter)
    {
        this.backoffJitter = backoffJitter;
        return this;
    }

    /**
     * Depth snapshot path.
     *
     * @return the path.
     */
    public String depthPath()
    {
        return depthPath;
    }

    /**
     * Levels per depth snapshot.
     *
     * @return the limit.
     */
    public int depthLimit()
    {
        return depthLimit;
    }

    /**
     * Levels per depth snapshot.
     *
     * @param depthLimit e.g. 1000.
     * @return this.
     */
    public VenueProfile depthLimit(final int depthLimit)
    {
        this.depthLimit = depthLimit;
        return this;
    }

    /**
     * Request weight of a depth snapshot: the configured one, or the venue's by the limit (Binance spot
     * {@code /api/v3/depth}: up to 100 levels 5, 500 25, 1000 50, 5000 250; futures {@code /fapi/v1/depth} and
     * {@code /dapi/v1/depth}: up to 50 levels 2, 100 5, 500 10, 1000 20; MEXC 1).
     *
     * @return the weight.
     */
    public int depthWeight()
    {
        if (depthWeight > 0)
        {
            return depthWeight;
        }
        return switch (venue)
        {
            case BINANCE_SPOT, BINANCE_US ->
                depthLimit <= 100 ? 5 : depthLimit <= 500 ? 25 : depthLimit <= 1000 ? 50 : 250;
            case BINANCE_USDM, BINANCE_COINM ->
                depthLimit <= 50 ? 2 : depthLimit <= 100 ? 5 : depthLimit <= 500 ? 10 : 20;
            default -> 1;
        };
    }

    /**
     * Request weight of a depth snapshot, instead of the venue's table.
     *
     * @param depthWeight 0 for the table.
     * @return this.
     */
    public VenueProfile depthWeight(final int depthWeight)
    {
        this.depthWeight = depthWeight;
        return this;
    }

    /**
     * exchangeInfo path.
     *
     * @return the path.
     */
    public String exchangeInfoPath()
    {
        return exchangeInfoPath;
    }

    /**
     * Request weight of exchangeInfo.
     *
     * @return the weight.
     */
    public int exchangeInfoWeight()
    {
        return exchangeInfoWeight;
    }

    /**
     * Request weight per minute for the feed.
     *
     * @return the refill per minute.
     */
    public int weightPerMinute()
    {
        return weightPerMinute;
    }

    /**
     * Request weight per minute for the feed.
     *
     * @param weightPerMinute refill per minute.
     * @return this.
     */
    public VenueProfile weightPerMinute(final int weightPerMinute)
    {
        this.weightPerMinute = weightPerMinute;
        return this;
    }

    /**
     * Request weight usable at once.
     *
     * @return the bucket size.
     */
    public int weightBurst()
    {
        return weightBurst;
    }

    /**
     * Request weight usable at once.
     *
     * @param weightBurst the bucket size.
     * @return this.
     */
    public VenueProfile weightBurst(final int weightBurst)
    {
        this.weightBurst = weightBurst;
        return this;
    }

    /**
     * REST requests in flight at once.
     *
     * @return the limit.
     */
    public int restInFlight()
    {
        return restInFlight;
    }

    /**
     * REST requests in flight at once.
     *
     * @param restInFlight at least 1.
     * @return this.
     */
    public VenueProfile restInFlight(final int restInFlight)
    {
        this.restInFlight = restInFlight;
        return this;
    }

    /**
     * Back-off after a 429/418 without Retry-After.
     *
     * @return nanoseconds.
     */
    public long retryAfterDefaultNs()
    {
        return retryAfterDefaultNs;
    }

    /**
     * Back-off after a 429/418 without Retry-After.
     *
     * @param retryAfterDefaultNs nanoseconds.
     * @return this.
     */
    public VenueProfile retryAfterDefaultNs(final long retryAfterDefaultNs)
    {
        this.retryAfterDefaultNs = retryAfterDefaultNs;
        return this;
    }

    /**
     * Delay before retrying a failed REST request.
     *
     * @return nanoseconds.
     */
    public long restRetryDelayNs()
    {
        return restRetryDelayNs;
    }

    /**
     * Delay before retrying a failed REST request.
     *
     * @param restRetryDelayNs nanoseconds.
     * @return this.
     */
    public VenueProfile restRetryDelayNs(final long restRetryDelayNs)
    {
        this.restRetryDelayNs = restRetryDelayNs;
        return this;
    }

    /**
     * The REST URI of an instrument's depth snapshot.
     *
     * @param symbol venue symbol.
     * @return the URI with {@code symbol} and {@code limit}.
     */
    public URI depthUri(final String symbol)
    {
        return URI.create(trimSlash(restUrl) + depthPath + "?symbol=" + symbol + "&limit=" + depthLimit);
    }

    /**
     * The REST URI of exchangeInfo.
     *
     * @return the URI.
     */
    public URI exchangeInfoUri()
    {
        return URI.create(trimSlash(restUrl) + exchangeInfoPath);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return name + " " + wsUrl + " " + restUrl + " streams=" + streams + " perConnection=" + streamsPerConnection +
            " controlPerSecond=" + controlMessagesPerSecond;
    }

    private static String trimSlash(final String url)
    {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static List<String> split(final String list)
    {
        return Arrays.stream(list.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
    }

    private String property(final String key, final String defaultValue)
    {
        final String value = System.getProperty(propName(key));
        return null == value ? defaultValue : value.trim();
    }

    private int intProperty(final String key, final int defaultValue)
    {
        final String value = System.getProperty(propName(key));
        if (null == value)
        {
            return defaultValue;
        }
        try
        {
            return Integer.parseInt(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalStateException(propName(key) + " is not an integer: " + value);
        }
    }

    private long durationProperty(final String key, final long defaultValue)
    {
        final String value = System.getProperty(propName(key));
        if (null == value)
        {
            return defaultValue;
        }
        try
        {
            return SystemUtil.parseDuration(propName(key), value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalStateException(propName(key) + " is not a duration (e.g. 30s, 5m): " + value);
        }
    }

    private void checkUri(final String key, final String value, final String... schemes)
    {
        final URI uri;
        try
        {
            uri = URI.create(value);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalStateException(propName(key) + " is not a URI: " + value);
        }
        if (null == uri.getHost() || null == uri.getScheme() ||
            !Arrays.asList(schemes).contains(uri.getScheme().toLowerCase(Locale.ROOT)))
        {
            throw new IllegalStateException(propName(key) + " must be a " + String.join(" or ", schemes) +
                " URL with a host: " + value);
        }
    }

    private void atLeast(final String key, final long value, final long minimum)
    {
        if (value < minimum)
        {
            throw new IllegalStateException(propName(key) + " must be at least " + minimum + ": " + value);
        }
    }

    private void positive(final String key, final long valueNs)
    {
        if (valueNs <= 0)
        {
            throw new IllegalStateException(propName(key) + " must be positive: " + valueNs + " ns");
        }
    }
}
