/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import io.aeron.exceptions.ConfigurationException;
import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.HellmoonCounters;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.codecs.errors.SampledErrorLog;
import io.hellmoon.sbe.BestBidOfferEncoder;
import io.hellmoon.sbe.DepthUpdateEncoder;
import io.hellmoon.sbe.InstrumentDefinitionEncoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.Venue;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The part of a MEXC decoder that is the same whatever the wire format: one frame at a time, its messages are encoded
 * into an output buffer and offered to the sink only when the whole frame was read without a fault, so a bad frame
 * publishes nothing; it is then counted once under its reason and sampled into the error log. Also resolves symbols
 * to instruments (registering them when configured) and precedes an instrument's first message with its
 * {@code InstrumentDefinition} when announcing, undoing that if the frame turns out bad.
 * <p>
 * Allocation free per frame once every instrument has been seen. Not thread safe.
 */
final class FrameOutput implements AutoCloseable
{
    /**
     * Result of {@link #resolve}: the frame is bad.
     */
    static final int FAILED = 0;

    /**
     * Result of {@link #resolve}: the symbol is unknown, recorded; the frame is skipped.
     */
    static final int SKIPPED = -1;

    static final int MAX_SYMBOL_LENGTH = 64;
    static final int HEADER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH;

    private static final int NONE = -1;
    private static final int SMALLEST_MESSAGE_LENGTH = HEADER_LENGTH + BestBidOfferEncoder.BLOCK_LENGTH;

    private final Venue venue;
    private final int venueCode;
    private final InstrumentRegistry registry;
    private final boolean autoRegister;
    private final boolean announceInstruments;
    private final MessageSink sink;
    private final EpochNanoClock clock;
    private final SampledErrorLog errorLog;
    private final AtomicCounter framesInCounter;
    private final AtomicCounter messagesOutCounter;
    private final AtomicCounter unsupportedCounter;
    private final AtomicCounter ownedErrorCounter;
    private final long[] unsupportedByReason = new long[MexcReasons.unsupportedCount()];

    private final UnsafeBuffer output;
    private final int[] messageLengths;
    private final int[] announcedInFrame;
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final InstrumentDefinitionEncoder definitionEncoder = new InstrumentDefinitionEncoder();
    private boolean[] announced = new boolean[0];
    private int messageCount;
    private int outputLimit;
    private int announcedInFrameCount;

    private DirectBuffer frame;
    private int frameOffset;
    private int frameLength;
    private long receiveTimeNs;
    private long publishTimeNs;
    private int failReason = NONE;
    private int failOffset;
    private int unsupportedReason = NONE;

    private long framesReceived;
    private long messagesPublished;
    private long unsupportedFrames;

    FrameOutput(
        final Venue venue,
        final InstrumentRegistry registry,
        final boolean autoRegister,
        final boolean announceInstruments,
        final MessageSink sink,
        final EpochNanoClock clock,
        final CounterFactory counters,
        final String name,
        final SampledErrorLog errorLog,
        final int outputBufferLength)
    {
        this.venue = venue;
        this.venueCode = venue.value();
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.announceInstruments = announceInstruments;
        this.sink = sink;
        this.clock = clock;

        final String label = "feed " + name;
        framesInCounter = counters.newCounter(HellmoonCounters.MESSAGES_IN_TYPE_ID, label + ": frames in");
        messagesOutCounter = counters.newCounter(HellmoonCounters.MESSAGES_OUT_TYPE_ID, label + ": messages out");
        unsupportedCounter = counters.newCounter(HellmoonCounters.GENERIC_TYPE_ID, label + ": unsupported frames");
        if (null == errorLog)
        {
            ownedErrorCounter = counters.newCounter(HellmoonCounters.DECODE_ERRORS_TYPE_ID, label + ": decode errors");
            this.errorLog = new SampledErrorLog(name, MexcReasons.errorNames(), ownedErrorCounter);
        }
        else
        {
            ownedErrorCounter = null;
            this.errorLog = errorLog;
        }

        output = new UnsafeBuffer(ByteBuffer.allocateDirect(outputBufferLength));
        messageLengths = new int[outputBufferLength / SMALLEST_MESSAGE_LENGTH + 1];
        announcedInFrame = new int[messageLengths.length];
        ensureAnnounced(registry.maxId());
    }

    /**
     * Output for a frame needing {@code maxLevelsPerSide} levels a side in one depth message, plus a definition.
     */
    static int minimumOutputBufferLength(final int maxLevelsPerSide)
    {
        final int depth = HEADER_LENGTH + 64 + 2 * (4 + maxLevelsPerSide * 16);
        final int definition = HEADER_LENGTH + InstrumentDefinitionEncoder.BLOCK_LENGTH + 3 * (2 + 1024);
        return depth + definition;
    }

    /**
     * The checks both decoders' contexts make at conclusion.
     */
    static void validate(
        final InstrumentRegistry registry,
        final MessageSink sink,
        final CounterFactory counterFactory,
        final int maxLevelsPerSide,
        final int maxJsonDepth,
        final int outputBufferLength,
        final SampledErrorLog errorLog)
    {
        if (null == registry)
        {
            throw new ConfigurationException("instrumentRegistry: required");
        }
        if (null == sink)
        {
            throw new ConfigurationException("messageSink: required");
        }
        if (null == counterFactory)
        {
            throw new ConfigurationException(
                "counterFactory: required (CounterFactory.aeron(aeron) in a process, CounterFactory.local(n) " +
                "without a media driver)");
        }
        if (maxLevelsPerSide < 1 || maxLevelsPerSide > DepthUpdateEncoder.BidsEncoder.countMaxValue())
        {
            throw new ConfigurationException("maxLevelsPerSide=" + maxLevelsPerSide + " (" +
                MexcConfiguration.MAX_LEVELS_PER_SIDE_PROP_NAME + "): must be 1.." +
                DepthUpdateEncoder.BidsEncoder.countMaxValue());
        }
        if (maxJsonDepth < 5 || maxJsonDepth > 1024)
        {
            throw new ConfigurationException("maxJsonDepth=" + maxJsonDepth + " (" +
                MexcConfiguration.MAX_JSON_DEPTH_PROP_NAME + "): must be 5..1024, MEXC's JSON nests 4");
        }
        if (outputBufferLength < 1)
        {
            throw new ConfigurationException("outputBufferLength=" + outputBufferLength + " (" +
                MexcConfiguration.OUTPUT_BUFFER_LENGTH_PROP_NAME + "): must be positive");
        }
        if (null != errorLog)
        {
            final String[] names = new String[errorLog.reasonCount()];
            for (int i = 0; i < names.length; i++)
            {
                names[i] = errorLog.reasonName(i);
            }
            if (!Arrays.equals(MexcReasons.errorNames(), names))
            {
                throw new ConfigurationException(
                    "errorLog: must be built with MexcReasons.errorNames(), its reason codes are the decoder's");
            }
        }
    }

    void begin(final DirectBuffer frame, final int offset, final int length, final long receiveTimeNs)
    {
        framesInCounter.setRelease(++framesReceived);
        this.frame = frame;
        this.frameOffset = offset;
        this.frameLength = length;
        this.receiveTimeNs = receiveTimeNs;
        publishTimeNs = clock.nanoTime();
        failReason = NONE;
        unsupportedReason = NONE;
        messageCount = 0;
        outputLimit = 0;
        announcedInFrameCount = 0;
    }

    /**
     * Finish the frame: offer its messages when it was decoded, else undo its announcements and record the failure.
     */
    void end(final boolean decoded)
    {
        if (decoded && NONE == failReason)
        {
            int offset = 0;
            for (int i = 0, count = messageCount; i < count; i++)
            {
                final int length = messageLengths[i];
                if (sink.offer(output, offset, length))
                {
                    messagesOutCounter.setRelease(++messagesPublished);
                }
                offset += length;
            }
            if (NONE != unsupportedReason)
            {
                unsupportedByReason[unsupportedReason]++;
                unsupportedCounter.setRelease(++unsupportedFrames);
            }
        }
        else
        {
            for (int i = 0; i < announcedInFrameCount; i++)
            {
                announced[announcedInFrame[i]] = false;
            }
            // Every path that refuses a frame names a reason; should one not, the frame is still counted, not lost.
            errorLog.record(
                NONE == failReason ? MexcReasons.MALFORMED_JSON : failReason,
                frame, frameOffset, frameLength, failOffset - frameOffset, receiveTimeNs);
        }
        frame = null;
    }

    /**
     * Note why and where (an offset in the frame's buffer) the frame is bad; the first failure is the one reported.
     *
     * @return false, for callers to return.
     */
    boolean fail(final int reason, final int offset)
    {
        if (NONE == failReason)
        {
            failReason = reason;
            failOffset = offset;
        }
        return false;
    }

    boolean failed()
    {
        return NONE != failReason;
    }

    /**
     * The frame is well formed but not decoded, for this reason.
     *
     * @return true, for callers to return.
     */
    boolean unsupported(final int reason)
    {
        unsupportedReason = reason;
        return true;
    }

    DirectBuffer frame()
    {
        return frame;
    }

    int frameOffset()
    {
        return frameOffset;
    }

    long receiveTimeNs()
    {
        return receiveTimeNs;
    }

    long publishTimeNs()
    {
        return publishTimeNs;
    }

    InstrumentRegistry registry()
    {
        return registry;
    }

    /**
     * The instrument of a symbol in the frame, registered and announced as configured.
     *
     * @return the id; {@link #FAILED} when the frame is bad; {@link #SKIPPED} when the symbol is unknown (recorded).
     */
    int resolve(final DirectBuffer buffer, final int offset, final int length)
    {
        int id = registry.idOf(venueCode, buffer, offset, length);
        if (InstrumentRegistry.NULL_INSTRUMENT_ID == id)
        {
            if (!autoRegister)
            {
                errorLog.record(
                    MexcReasons.UNKNOWN_SYMBOL, frame, frameOffset, frameLength, offset - frameOffset, receiveTimeNs);
                return SKIPPED;
            }
            if (!isRegistrableSymbol(buffer, offset, length))
            {
                fail(MexcReasons.BAD_SYMBOL, offset);
                return FAILED;
            }
            id = registry.register(venue, buffer, offset, length);
        }
        return announce(id, offset) ? id : FAILED;
    }

    /**
     * Check an instrument id given with a snapshot, and announce it.
     */
    boolean knownInstrument(final int id)
    {
        if (!registry.contains(id))
        {
            return fail(MexcReasons.UNKNOWN_INSTRUMENT, frameOffset);
        }
        return announce(id, frameOffset);
    }

    /**
     * Check a message of {@code bodyLength} bytes after its header fits the output.
     */
    boolean reserve(final int bodyLength, final int failOffset)
    {
        if (outputLimit + HEADER_LENGTH + bodyLength > output.capacity() || messageCount == messageLengths.length)
        {
            return fail(MexcReasons.TOO_MANY_MESSAGES, failOffset);
        }
        return true;
    }

    /**
     * Where the next message is encoded.
     */
    UnsafeBuffer buffer()
    {
        return output;
    }

    int limit()
    {
        return outputLimit;
    }

    MessageHeaderEncoder header()
    {
        return headerEncoder;
    }

    /**
     * The message just encoded at {@link #limit()} is complete.
     */
    void commit(final int bodyLength)
    {
        final int length = HEADER_LENGTH + bodyLength;
        messageLengths[messageCount++] = length;
        outputLimit += length;
    }

    long framesReceived()
    {
        return framesReceived;
    }

    long messagesPublished()
    {
        return messagesPublished;
    }

    long unsupportedFrames()
    {
        return unsupportedFrames;
    }

    long unsupportedFrames(final int reason)
    {
        return unsupportedByReason[reason];
    }

    SampledErrorLog errorLog()
    {
        return errorLog;
    }

    public void close()
    {
        CloseHelper.closeAll(framesInCounter, messagesOutCounter, unsupportedCounter, ownedErrorCounter);
    }

    private boolean announce(final int id, final int failOffset)
    {
        if (!announceInstruments)
        {
            return true;
        }
        if (id >= announced.length)
        {
            ensureAnnounced(id);
        }
        if (announced[id])
        {
            return true;
        }

        final Instrument instrument = registry.get(id);
        final int length = InstrumentDefinitionEncoder.BLOCK_LENGTH +
            InstrumentDefinitionEncoder.symbolHeaderLength() + instrument.symbol().length() +
            InstrumentDefinitionEncoder.baseAssetHeaderLength() + instrument.baseAsset().length() +
            InstrumentDefinitionEncoder.quoteAssetHeaderLength() + instrument.quoteAsset().length();
        if (!reserve(length, failOffset))
        {
            return false;
        }
        definitionEncoder.wrapAndApplyHeader(output, outputLimit, headerEncoder);
        registry.encodeDefinition(id, definitionEncoder, receiveTimeNs, publishTimeNs);
        announced[id] = true;
        announcedInFrame[announcedInFrameCount++] = id;
        commit(definitionEncoder.encodedLength());
        return true;
    }

    private void ensureAnnounced(final int id)
    {
        if (announceInstruments && id >= announced.length)
        {
            announced = Arrays.copyOf(announced, Math.max(Math.max(id, registry.maxId()) + 1, announced.length * 2));
        }
    }

    private static boolean isRegistrableSymbol(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < 1 || length > MAX_SYMBOL_LENGTH)
        {
            return false;
        }
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (!((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                '_' == b || '-' == b || '.' == b))
            {
                return false;
            }
        }
        return true;
    }
}
