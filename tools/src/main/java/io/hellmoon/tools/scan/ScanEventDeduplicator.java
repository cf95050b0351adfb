/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.scan;

import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.sbe.AnomalyEventDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.RegimeChangeDecoder;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;

/**
 * Guards a consumer of a merged scan stream against events it has already had: the same event from two scanners
 * whose shards overlap (two processes started with the same {@code --shard}, or shards of different counts), or
 * from a shard that replays events it published before (a restart fed from an archive). Every other message passes
 * through unchanged.
 * <p>
 * An event's identity is {@code (instrumentId, type, eventTimeNs)}, with the type an {@code AnomalyType} or "regime
 * change". One scanner emits an instrument's events of one type in non-decreasing event time (time never goes
 * backwards per instrument, and a detector's cooldown separates its events), and its anomaly ids increase. So per
 * (instrument, type) a high-water mark suffices, with no window to size: an anomaly passes if its event time is later
 * than the last passed one's, or equal to it and from the same scanner with a larger anomaly id (two events of one
 * detector at one instant, as a pairs detector may emit for two partners). Anything else is a duplicate, dropped and
 * counted. A regime change passes only if later than the instrument's last.
 * <p>
 * State is two primitive maps holding one entry per (instrument, type) seen: allocation-free once every instrument
 * has appeared. Single-threaded: call from the thread polling the scan stream.
 */
public final class ScanEventDeduplicator implements SbeHandler
{
    private static final int REGIME_CHANGE_TYPE = 0xFF;
    private static final long NONE = Long.MIN_VALUE;

    private final SbeHandler delegate;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final AnomalyEventDecoder anomaly = new AnomalyEventDecoder();
    private final RegimeChangeDecoder regimeChange = new RegimeChangeDecoder();
    private final Long2LongHashMap lastTimeNs;
    private final Long2LongHashMap lastAnomalyId;
    private long duplicates;

    /**
     * A deduplicator in front of a consumer.
     *
     * @param delegate     the consumer; gets every message that is not a duplicate, unchanged.
     * @param expectedKeys (instrument, type) pairs to size the maps for, e.g. instruments x 3.
     */
    public ScanEventDeduplicator(final SbeHandler delegate, final int expectedKeys)
    {
        this.delegate = delegate;
        this.lastTimeNs = new Long2LongHashMap(Math.max(16, expectedKeys), 0.65f, NONE);
        this.lastAnomalyId = new Long2LongHashMap(Math.max(16, expectedKeys), 0.65f, NONE);
    }

    /**
     * {@inheritDoc}
     */
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length >= MessageHeaderDecoder.ENCODED_LENGTH)
        {
            header.wrap(buffer, offset);
            if (MessageHeaderDecoder.SCHEMA_ID == header.schemaId())
            {
                final int templateId = header.templateId();
                if (AnomalyEventDecoder.TEMPLATE_ID == templateId &&
                    length >= MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength())
                {
                    anomaly.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
                        header.version());
                    if (!firstAnomaly(anomaly.instrumentId(), anomaly.anomalyTypeRaw(), anomaly.eventTimeNs(),
                        anomaly.anomalyId()))
                    {
                        duplicates++;
                        return;
                    }
                }
                else if (RegimeChangeDecoder.TEMPLATE_ID == templateId &&
                    length >= MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength())
                {
                    regimeChange.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
                        header.version());
                    if (!firstRegimeChange(regimeChange.instrumentId(), regimeChange.eventTimeNs()))
                    {
                        duplicates++;
                        return;
                    }
                }
            }
        }
        delegate.onMessage(buffer, offset, length);
    }

    /**
     * Duplicates dropped so far.
     *
     * @return the count.
     */
    public long duplicates()
    {
        return duplicates;
    }

    private boolean firstAnomaly(final int instrumentId, final short type, final long eventTimeNs, final long anomalyId)
    {
        final long key = key(instrumentId, type);
        final long lastNs = lastTimeNs.get(key);
        if (NONE != lastNs)
        {
            if (eventTimeNs < lastNs)
            {
                return false;
            }
            if (eventTimeNs == lastNs)
            {
                final long lastId = lastAnomalyId.get(key);
                if ((anomalyId >>> 48) != (lastId >>> 48) || anomalyId <= lastId)
                {
                    return false;
                }
            }
        }
        lastTimeNs.put(key, eventTimeNs);
        lastAnomalyId.put(key, anomalyId);
        return true;
    }

    private boolean firstRegimeChange(final int instrumentId, final long eventTimeNs)
    {
        final long key = key(instrumentId, REGIME_CHANGE_TYPE);
        final long lastNs = lastTimeNs.get(key);
        if (NONE != lastNs && eventTimeNs <= lastNs)
        {
            return false;
        }
        lastTimeNs.put(key, eventTimeNs);
        return true;
    }

    private static long key(final int instrumentId, final int type)
    {
        return ((long)instrumentId << 8) | (type & 0xFF);
    }
}
