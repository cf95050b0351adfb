/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import java.util.List;
import java.util.Locale;

/**
 * How a venue names streams, asks for them and is pinged.
 */
public enum SubscriptionFormat
{
    /**
     * Binance combined streams: {@code <symbol lower case>@<stream>} (or an all-market {@code !name@arr}),
     * {@code {"method":"SUBSCRIBE","params":[...],"id":N}}, WebSocket ping frames.
     */
    BINANCE
    {
        public String streamName(final String symbol, final String stream)
        {
            return stream.startsWith("!") ? stream : symbol.toLowerCase(Locale.ROOT) + "@" + stream;
        }

        public String subscribeMessage(final List<String> streams, final long id)
        {
            return "{\"method\":\"SUBSCRIBE\",\"params\":" + quoted(streams) + ",\"id\":" + id + "}";
        }

        public String pingMessage()
        {
            return null;
        }

        public boolean isDepth(final String stream)
        {
            if (!stream.startsWith("depth"))
            {
                return false;
            }
            // depth5, depth10 and depth20 are partial books (snapshots of the top), not diffs.
            return stream.length() == 5 || '@' == stream.charAt(5);
        }

        public SequenceField sequenceField(final String stream)
        {
            if (stream.startsWith("!"))
            {
                return SequenceField.EVENT_TIME;
            }
            if (stream.startsWith("aggTrade"))
            {
                return SequenceField.AGG_TRADE_ID;
            }
            if (stream.startsWith("trade"))
            {
                return SequenceField.TRADE_ID;
            }
            if (stream.startsWith("depth") || stream.startsWith("bookTicker"))
            {
                return SequenceField.UPDATE_ID;
            }
            return SequenceField.EVENT_TIME;
        }
    },

    /**
     * MEXC spot v3: {@code spot@public.<channel>.v3.api.pb@<interval>@<SYMBOL>} from a stream given as
     * {@code <channel>@<interval>} (e.g. {@code aggre.deals@100ms}), {@code {"method":"SUBSCRIPTION","params":[...]}},
     * JSON pings {@code {"method":"PING"}}. Frames are protobuf, which the connection manager cannot read, so a
     * rotation cannot drop duplicates by sequence.
     */
    MEXC
    {
        public String streamName(final String symbol, final String stream)
        {
            final int at = stream.indexOf('@');
            final String channel = at < 0 ? stream : stream.substring(0, at);
            final String interval = at < 0 ? "" : stream.substring(at + 1);
            return "spot@public." + channel + ".v3.api.pb" + (interval.isEmpty() ? "" : "@" + interval) + "@" +
                symbol.toUpperCase(Locale.ROOT);
        }

        public String subscribeMessage(final List<String> streams, final long id)
        {
            return "{\"method\":\"SUBSCRIPTION\",\"params\":" + quoted(streams) + ",\"id\":" + id + "}";
        }

        public String pingMessage()
        {
            return "{\"method\":\"PING\"}";
        }

        public boolean isDepth(final String stream)
        {
            return stream.contains("depth") && !stream.contains("limit");
        }

        public SequenceField sequenceField(final String stream)
        {
            return SequenceField.NONE;
        }
    };

    /**
     * Which field of a stream's events orders them, for dropping duplicates while two connections overlap.
     */
    public enum SequenceField
    {
        /**
         * Trade id {@code t}: every trade, one apart.
         */
        TRADE_ID,

        /**
         * Aggregate trade id {@code a}.
         */
        AGG_TRADE_ID,

        /**
         * Book update id {@code u} (depth diffs, book tickers).
         */
        UPDATE_ID,

        /**
         * Event time {@code E} (klines, mark prices, liquidations, tickers).
         */
        EVENT_TIME,

        /**
         * Not readable (binary frames).
         */
        NONE
    }

    /**
     * The venue's name of a stream of an instrument.
     *
     * @param symbol venue symbol, e.g. {@code BTCUSDT}.
     * @param stream stream as configured, e.g. {@code depth@100ms}; one starting with {@code !} is all-market.
     * @return the name to subscribe.
     */
    public abstract String streamName(String symbol, String stream);

    /**
     * A subscription request.
     *
     * @param streams names.
     * @param id      request id.
     * @return the JSON text.
     */
    public abstract String subscribeMessage(List<String> streams, long id);

    /**
     * A JSON ping to send instead of a WebSocket ping frame.
     *
     * @return the text, or null to send ping frames.
     */
    public abstract String pingMessage();

    /**
     * Whether a configured stream is a diff-depth stream, whose book needs snapshots and goes stale with its
     * connection.
     *
     * @param stream as configured.
     * @return true for diff depth.
     */
    public abstract boolean isDepth(String stream);

    /**
     * The field ordering a stream's events.
     *
     * @param stream as configured.
     * @return the field.
     */
    public abstract SequenceField sequenceField(String stream);

    private static String quoted(final List<String> streams)
    {
        final StringBuilder json = new StringBuilder(streams.size() * 24 + 2).append('[');
        for (int i = 0; i < streams.size(); i++)
        {
            if (i > 0)
            {
                json.append(',');
            }
            json.append('"').append(streams.get(i)).append('"');
        }
        return json.append(']').toString();
    }
}
