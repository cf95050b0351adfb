/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.mexc;

import io.aeron.exceptions.ConfigurationException;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.codecs.errors.SampledErrorLog;
import io.hellmoon.sbe.Venue;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

/**
 * Configuration of a {@link MexcSpotDecoder} or a {@link MexcFuturesDecoder} (the two share every setting): fluent
 * setters, defaults from {@link MexcConfiguration}'s system properties, validated by {@link #conclude()}. Single use:
 * do not share or reuse an instance.
 */
public final class MexcDecoderContext
{
    private boolean isConcluded;
    private InstrumentRegistry instrumentRegistry;
    private boolean autoRegister = MexcConfiguration.autoRegister();
    private boolean announceInstruments;
    private boolean announceInstrumentsSet;
    private MessageSink messageSink;
    private EpochNanoClock epochNanoClock;
    private SampledErrorLog errorLog;
    private CounterFactory counterFactory;
    private int maxLevelsPerSide = MexcConfiguration.maxLevelsPerSide();
    private int maxJsonDepth = MexcConfiguration.maxJsonDepth();
    private int outputBufferLength = MexcConfiguration.outputBufferLength();
    private String name;

    /**
     * Validate the settings and fill in derived defaults. Called by the decoder's constructor.
     *
     * @return this context.
     * @throws ConfigurationException naming the setting and the reason when a setting is invalid.
     * @throws IllegalStateException  if already concluded.
     */
    public MexcDecoderContext conclude()
    {
        if (isConcluded)
        {
            throw new IllegalStateException("Context already concluded: a Context is single use");
        }
        FrameOutput.validate(
            instrumentRegistry, messageSink, counterFactory, maxLevelsPerSide, maxJsonDepth, outputBufferLength,
            errorLog);
        outputBufferLength = Math.max(outputBufferLength, FrameOutput.minimumOutputBufferLength(maxLevelsPerSide));
        if (null == epochNanoClock)
        {
            epochNanoClock = new SystemEpochNanoClock();
        }
        if (!announceInstrumentsSet)
        {
            announceInstruments = autoRegister;
        }
        isConcluded = true;
        return this;
    }

    /**
     * Whether {@link #conclude()} has run.
     *
     * @return true once concluded.
     */
    public boolean isConcluded()
    {
        return isConcluded;
    }

    /**
     * Registry of instruments: ids, exponents and (futures) contract sizes; symbols are looked up under the
     * decoder's venue, {@link Venue#MEXC_SPOT} or {@link Venue#MEXC_FUTURES}. Required.
     *
     * @param instrumentRegistry the registry, owned by the decoder's thread.
     * @return this context.
     */
    public MexcDecoderContext instrumentRegistry(final InstrumentRegistry instrumentRegistry)
    {
        this.instrumentRegistry = instrumentRegistry;
        return this;
    }

    /**
     * The registry.
     *
     * @return the registry.
     */
    public InstrumentRegistry instrumentRegistry()
    {
        return instrumentRegistry;
    }

    /**
     * Whether unknown symbols are registered on first sight or counted as {@link MexcReasons#UNKNOWN_SYMBOL}.
     *
     * @param autoRegister true to register.
     * @return this context.
     * @see MexcConfiguration#AUTO_REGISTER_PROP_NAME
     */
    public MexcDecoderContext autoRegister(final boolean autoRegister)
    {
        this.autoRegister = autoRegister;
        return this;
    }

    /**
     * Whether unknown symbols are registered on first sight.
     *
     * @return true if so.
     */
    public boolean autoRegister()
    {
        return autoRegister;
    }

    /**
     * Whether an instrument's first message is preceded by its {@code InstrumentDefinition}; defaults to
     * {@link #autoRegister()}.
     *
     * @param announceInstruments true to announce.
     * @return this context.
     */
    public MexcDecoderContext announceInstruments(final boolean announceInstruments)
    {
        this.announceInstruments = announceInstruments;
        this.announceInstrumentsSet = true;
        return this;
    }

    /**
     * Whether instruments are announced.
     *
     * @return true if so.
     */
    public boolean announceInstruments()
    {
        return announceInstrumentsSet ? announceInstruments : autoRegister;
    }

    /**
     * Where decoded messages go. Required.
     *
     * @param messageSink the output.
     * @return this context.
     */
    public MexcDecoderContext messageSink(final MessageSink messageSink)
    {
        this.messageSink = messageSink;
        return this;
    }

    /**
     * The output.
     *
     * @return the sink.
     */
    public MessageSink messageSink()
    {
        return messageSink;
    }

    /**
     * Clock for {@code publishTimeNs}; defaults to the system clock.
     *
     * @param epochNanoClock the clock.
     * @return this context.
     */
    public MexcDecoderContext epochNanoClock(final EpochNanoClock epochNanoClock)
    {
        this.epochNanoClock = epochNanoClock;
        return this;
    }

    /**
     * The clock.
     *
     * @return the clock.
     */
    public EpochNanoClock epochNanoClock()
    {
        return epochNanoClock;
    }

    /**
     * Error log for bad frames, built with {@link MexcReasons#errorNames()}; by default the decoder creates one
     * with a decode-errors counter from the counter factory.
     *
     * @param errorLog the error log.
     * @return this context.
     */
    public MexcDecoderContext errorLog(final SampledErrorLog errorLog)
    {
        this.errorLog = errorLog;
        return this;
    }

    /**
     * The error log, null if not set.
     *
     * @return the error log.
     */
    public SampledErrorLog errorLog()
    {
        return errorLog;
    }

    /**
     * Factory of the decoder's counters. Required.
     *
     * @param counterFactory the factory.
     * @return this context.
     */
    public MexcDecoderContext counterFactory(final CounterFactory counterFactory)
    {
        this.counterFactory = counterFactory;
        return this;
    }

    /**
     * The counter factory.
     *
     * @return the factory.
     */
    public CounterFactory counterFactory()
    {
        return counterFactory;
    }

    /**
     * Most levels accepted on one side of a depth push or snapshot.
     *
     * @param maxLevelsPerSide from 1 to 65534.
     * @return this context.
     * @see MexcConfiguration#MAX_LEVELS_PER_SIDE_PROP_NAME
     */
    public MexcDecoderContext maxLevelsPerSide(final int maxLevelsPerSide)
    {
        this.maxLevelsPerSide = maxLevelsPerSide;
        return this;
    }

    /**
     * The level limit.
     *
     * @return levels per side.
     */
    public int maxLevelsPerSide()
    {
        return maxLevelsPerSide;
    }

    /**
     * Deepest JSON nesting accepted in REST snapshots.
     *
     * @param maxJsonDepth from 5 to 1024.
     * @return this context.
     * @see MexcConfiguration#MAX_JSON_DEPTH_PROP_NAME
     */
    public MexcDecoderContext maxJsonDepth(final int maxJsonDepth)
    {
        this.maxJsonDepth = maxJsonDepth;
        return this;
    }

    /**
     * The nesting limit.
     *
     * @return the depth.
     */
    public int maxJsonDepth()
    {
        return maxJsonDepth;
    }

    /**
     * Bytes of SBE output one frame may produce; raised at conclusion to fit a full snapshot.
     *
     * @param outputBufferLength in bytes.
     * @return this context.
     * @see MexcConfiguration#OUTPUT_BUFFER_LENGTH_PROP_NAME
     */
    public MexcDecoderContext outputBufferLength(final int outputBufferLength)
    {
        this.outputBufferLength = outputBufferLength;
        return this;
    }

    /**
     * The output buffer length.
     *
     * @return bytes.
     */
    public int outputBufferLength()
    {
        return outputBufferLength;
    }

    /**
     * Name used in counter labels and error samples; defaults to the decoder's venue, {@code mexc-spot} or
     * {@code mexc-futures}.
     *
     * @param name of this feed.
     * @return this context.
     */
    public MexcDecoderContext name(final String name)
    {
        this.name = name;
        return this;
    }

    /**
     * The name.
     *
     * @return the name, null until concluded if not set.
     */
    public String name()
    {
        return name;
    }
}
