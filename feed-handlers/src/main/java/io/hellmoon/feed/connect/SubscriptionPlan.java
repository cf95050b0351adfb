/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import org.agrona.collections.IntArrayList;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreads the streams of many instruments over as few connections as the venue's per-connection stream limit allows.
 * All streams of an instrument share one connection, so a connection that fails takes whole instruments with it and
 * nothing else: their books go stale together and resync together. All-market streams ({@code !miniTicker@arr})
 * count as one stream each and go on the first connection with room.
 * <p>
 * Start-up only: allocates.
 */
public final class SubscriptionPlan
{
    /**
     * An instrument to subscribe.
     *
     * @param instrumentId registry id.
     * @param symbol       venue symbol.
     */
    public record Instrument(int instrumentId, String symbol)
    {
    }

    /**
     * One stream of one connection.
     *
     * @param name          the venue's stream name.
     * @param instrumentId  its instrument, 0 for all-market streams.
     * @param depth         whether it is diff depth (its book goes stale with the connection).
     * @param sequenceField what orders its events.
     */
    public record Stream(String name, int instrumentId, boolean depth, SubscriptionFormat.SequenceField sequenceField)
    {
    }

    /**
     * The streams of one connection.
     *
     * @param index   of the connection, from 0.
     * @param streams its streams.
     */
    public record Connection(int index, List<Stream> streams)
    {
        /**
         * Instruments with a diff-depth stream on this connection.
         *
         * @return their ids, each once.
         */
        public int[] depthInstrumentIds()
        {
            final IntArrayList ids = new IntArrayList();
            for (final Stream stream : streams)
            {
                if (stream.depth() && !ids.containsInt(stream.instrumentId()))
                {
                    ids.addInt(stream.instrumentId());
                }
            }
            return ids.toIntArray();
        }

        /**
         * Names of the streams.
         *
         * @return the names.
         */
        public List<String> streamNames()
        {
            final List<String> names = new ArrayList<>(streams.size());
            for (final Stream stream : streams)
            {
                names.add(stream.name());
            }
            return names;
        }
    }

    private final List<Connection> connections;
    private final int streamCount;

    private SubscriptionPlan(final List<Connection> connections, final int streamCount)
    {
        this.connections = connections;
        this.streamCount = streamCount;
    }

    /**
     * Plan the connections.
     *
     * @param profile     the venue: its stream format and per-connection limit.
     * @param instruments to subscribe, in the order they should be spread.
     * @param streams     per instrument as configured (e.g. {@code trade}, {@code depth@100ms}); those starting with
     *                    {@code !} are all-market streams, subscribed once.
     * @return the plan.
     * @throws IllegalArgumentException if one instrument's streams alone exceed the per-connection limit.
     */
    public static SubscriptionPlan plan(
        final VenueProfile profile, final List<Instrument> instruments, final List<String> streams)
    {
        final SubscriptionFormat format = profile.format();
        final int limit = profile.streamsPerConnection();
        final List<String> perInstrument = new ArrayList<>();
        final List<String> allMarket = new ArrayList<>();
        for (final String stream : streams)
        {
            (stream.startsWith("!") ? allMarket : perInstrument).add(stream);
        }
        if (perInstrument.size() > limit)
        {
            throw new IllegalArgumentException(perInstrument.size() + " streams per instrument exceed the limit of " +
                limit + " per connection (" + profile.propName(VenueProfile.STREAMS_PER_CONNECTION_KEY) + ")");
        }

        final List<List<Stream>> planned = new ArrayList<>();
        List<Stream> current = new ArrayList<>();
        int total = 0;
        if (!perInstrument.isEmpty())
        {
            for (final Instrument instrument : instruments)
            {
                if (current.size() + perInstrument.size() > limit)
                {
                    planned.add(current);
                    current = new ArrayList<>();
                }
                for (final String stream : perInstrument)
                {
                    current.add(new Stream(format.streamName(instrument.symbol(), stream), instrument.instrumentId(),
                        format.isDepth(stream), format.sequenceField(stream)));
                    total++;
                }
            }
        }
        if (!current.isEmpty())
        {
            planned.add(current);
        }

        for (final String stream : allMarket)
        {
            List<Stream> target = null;
            for (final List<Stream> candidate : planned)
            {
                if (candidate.size() < limit)
                {
                    target = candidate;
                    break;
                }
            }
            if (null == target)
            {
                target = new ArrayList<>();
                planned.add(target);
            }
            target.add(new Stream(format.streamName("", stream), 0, false, format.sequenceField(stream)));
            total++;
        }

        final List<Connection> connections = new ArrayList<>(planned.size());
        for (int i = 0; i < planned.size(); i++)
        {
            connections.add(new Connection(i, List.copyOf(planned.get(i))));
        }
        return new SubscriptionPlan(List.copyOf(connections), total);
    }

    /**
     * The connections.
     *
     * @return one entry per connection.
     */
    public List<Connection> connections()
    {
        return connections;
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
}
