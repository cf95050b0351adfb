/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.Venues;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.HellmoonCounters;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.codecs.errors.SampledErrorLog;
import io.hellmoon.feed.binance.BinanceJsonDecoder;
import io.hellmoon.feed.binance.sbe.BinanceSbeDecoder;
import io.hellmoon.feed.book.BookManager;
import io.hellmoon.feed.book.SnapshotRequester;
import io.hellmoon.feed.mexc.MexcDecoderContext;
import io.hellmoon.feed.mexc.MexcFuturesDecoder;
import io.hellmoon.feed.mexc.MexcReasons;
import io.hellmoon.feed.mexc.MexcSpotDecoder;
import io.hellmoon.sbe.Venue;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A feed handler's decoding half, assembled: one decoder per venue seen, all writing into one
 * {@link MarketDataPipeline} (books, resync, statistics) that hands every message to the downstream sink (the
 * market-data stream's publisher in a process).
 * <p>
 * The decoder of a venue: {@link BinanceJsonDecoder} for the Binance venues and the synthetic market,
 * {@link MexcSpotDecoder} (protobuf) for {@code MEXC_SPOT}, {@link MexcFuturesDecoder} (JSON) for
 * {@code MEXC_FUTURES}, and for {@code BINANCE_SPOT} with {@link #binanceSpotSbe(boolean)} a
 * {@link BinanceSbeDecoder} whose text frames and REST snapshots go to a {@code BinanceJsonDecoder}.
 * <p>
 * Live connections, replayers and the synthetic market deliver their bytes to {@link #handlerFor(Venue)}. Decoders
 * are created on first use of a venue, at start-up or at the first frame of a replay; after that nothing here
 * allocates. Single threaded: the thread that delivers frames owns the feed.
 */
public final class MarketDataFeed implements AutoCloseable
{
    private final InstrumentRegistry registry;
    private final EpochNanoClock clock;
    private final CounterFactory counterFactory;
    private final boolean autoRegister;
    private final TimeUnit venueTimeUnit;
    private final String label;
    private final Map<Venue, VenueFrameHandler> decoders = new EnumMap<>(Venue.class);
    private final List<DecoderStatistics> decoderList = new ArrayList<>();
    private final MarketDataPipeline pipeline;
    private boolean binanceSpotSbe;
    private LongSupplier reconnects;

    /**
     * A feed.
     *
     * @param downstream     where every market-data message goes (the md publisher).
     * @param registry       instruments; decoders look symbols up in it.
     * @param autoRegister   register symbols on first sight (replays without reference data) rather than reject them.
     * @param clock          stamps publish times; a replay passes its replay-time clock so output is deterministic.
     * @param counterFactory for the decoders', books' and pipeline's counters.
     * @param label          prefix of counter labels and error samples, e.g. {@code feed}.
     * @param venue          the only venue fed, or {@code Venue.NULL_VAL} when several may be.
     */
    public MarketDataFeed(
        final MessageSink downstream,
        final InstrumentRegistry registry,
        final boolean autoRegister,
        final EpochNanoClock clock,
        final CounterFactory counterFactory,
        final String label,
        final Venue venue)
    {
        this(
            downstream, registry, autoRegister, clock, counterFactory, label, venue, TimeUnit.MILLISECONDS,
            SnapshotRequester.NO_OP);
    }

    /**
     * A feed whose venues send timestamps in the given unit (Binance streams opened with timeUnit=MICROSECOND).
     *
     * @param downstream     where every market-data message goes (the md publisher).
     * @param registry       instruments; decoders look symbols up in it.
     * @param autoRegister   register symbols on first sight rather than reject them.
     * @param clock          stamps publish times.
     * @param counterFactory for the decoders', books' and pipeline's counters.
     * @param label          prefix of counter labels and error samples.
     * @param venue          the only venue fed, or {@code Venue.NULL_VAL} when several may be.
     * @param venueTimeUnit  unit of the venues' JSON timestamps.
     * @param snapshots      asked for a depth snapshot when a book needs one (first diff, gap, crossed book); it
     *                       must not deliver the snapshot from inside the call, since a decoder is then mid-frame:
     *                       queue the request and deliver it from the source's duty cycle.
     */
    public MarketDataFeed(
        final MessageSink downstream,
        final InstrumentRegistry registry,
        final boolean autoRegister,
        final EpochNanoClock clock,
        final CounterFactory counterFactory,
        final String label,
        final Venue venue,
        final TimeUnit venueTimeUnit,
        final SnapshotRequester snapshots)
    {
        this.registry = registry;
        this.clock = clock;
        this.counterFactory = counterFactory;
        this.autoRegister = autoRegister;
        this.venueTimeUnit = venueTimeUnit;
        this.label = label;
        this.pipeline = new MarketDataPipeline(new MarketDataPipeline.Context()
            .downstream(downstream)
            .clock(clock)
            .registry(registry)
            .venue(venue)
            .counterFactory(counterFactory)
            .label(label)
            .bookManagerContext(new BookManager.Context().snapshotRequester(snapshots))
            .framesReceived(this::framesReceived)
            .decodeErrors(this::decodeErrors)
            .unsupportedMessages(this::unsupportedMessages)
            .reconnects(this::reconnects)
            .stalePeriods(this::stalePeriods));
    }

    /**
     * Decode {@code BINANCE_SPOT} frames as Binance's SBE market-data streams (binary frames; text frames and REST
     * snapshots still JSON) rather than as its JSON streams. Set it before the first
     * {@link #handlerFor(Venue) handlerFor(BINANCE_SPOT)}.
     *
     * @param binanceSpotSbe true for the SBE streams.
     * @return this feed.
     * @throws IllegalStateException if the spot decoder was already created.
     */
    public MarketDataFeed binanceSpotSbe(final boolean binanceSpotSbe)
    {
        if (decoders.containsKey(Venue.BINANCE_SPOT) && binanceSpotSbe != this.binanceSpotSbe)
        {
            throw new IllegalStateException("the BINANCE_SPOT decoder already exists; choose SBE before first use");
        }
        this.binanceSpotSbe = binanceSpotSbe;
        return this;
    }

    /**
     * The frame handler (decoder) of a venue, created on first use.
     *
     * @param venue whose bytes will be delivered.
     * @return the decoder feeding this feed's pipeline.
     */
    public VenueFrameHandler handlerFor(final Venue venue)
    {
        VenueFrameHandler decoder = decoders.get(venue);
        if (null == decoder)
        {
            decoder = newDecoder(venue);
            decoders.put(venue, decoder);
        }
        return decoder;
    }

    private VenueFrameHandler newDecoder(final Venue venue)
    {
        final String decoderLabel = label + " " + Venues.cliName(venue);
        switch (venue)
        {
            case MEXC_SPOT:
            {
                final MexcSpotDecoder decoder = new MexcSpotDecoder(new MexcDecoderContext()
                    .instrumentRegistry(registry)
                    .autoRegister(autoRegister)
                    .messageSink(pipeline)
                    .epochNanoClock(clock)
                    .counterFactory(counterFactory)
                    .errorLog(errorLog(decoderLabel, MexcReasons.errorNames())));
                decoderList.add(new DecoderStatistics(
                    decoder::framesReceived, decoder::decodeErrors, decoder::unsupportedFrames, decoder.errorLog(),
                    decoder));
                return decoder;
            }

            case MEXC_FUTURES:
            {
                final MexcFuturesDecoder decoder = new MexcFuturesDecoder(new MexcDecoderContext()
                    .instrumentRegistry(registry)
                    .autoRegister(autoRegister)
                    .messageSink(pipeline)
                    .epochNanoClock(clock)
                    .counterFactory(counterFactory)
                    .errorLog(errorLog(decoderLabel, MexcReasons.errorNames())));
                decoderList.add(new DecoderStatistics(
                    decoder::framesReceived, decoder::decodeErrors, decoder::unsupportedFrames, decoder.errorLog(),
                    decoder));
                return decoder;
            }

            default:
            {
                final BinanceJsonDecoder json = newJsonDecoder(venue, decoderLabel);
                if (Venue.BINANCE_SPOT != venue || !binanceSpotSbe)
                {
                    return json;
                }
                final String sbeLabel = decoderLabel + " sbe";
                final BinanceSbeDecoder decoder = new BinanceSbeDecoder(new BinanceSbeDecoder.Context()
                    .instrumentRegistry(registry)
                    .autoRegister(autoRegister)
                    .messageSink(pipeline)
                    .epochNanoClock(clock)
                    .counterFactory(counterFactory)
                    .textFrameHandler(json)
                    .errorLog(errorLog(sbeLabel, BinanceSbeDecoder.reasonNames())));
                decoderList.add(new DecoderStatistics(
                    decoder::framesReceived, decoder::decodeErrors, decoder::unsupportedFrames, decoder.errorLog(),
                    decoder));
                return decoder;
            }
        }
    }

    private BinanceJsonDecoder newJsonDecoder(final Venue venue, final String decoderLabel)
    {
        final BinanceJsonDecoder decoder = new BinanceJsonDecoder(new BinanceJsonDecoder.Context()
            .venue(venue)
            .instrumentRegistry(registry)
            .autoRegister(autoRegister)
            .messageSink(pipeline)
            .epochNanoClock(clock)
            .timeUnit(venueTimeUnit)
            .counterFactory(counterFactory)
            .errorLog(errorLog(decoderLabel, BinanceJsonDecoder.reasonNames())));
        decoderList.add(new DecoderStatistics(
            decoder::framesReceived, decoder::decodeErrors, decoder::unsupportedFrames, decoder.errorLog(), decoder));
        return decoder;
    }

    private SampledErrorLog errorLog(final String decoderLabel, final String[] reasonNames)
    {
        return new SampledErrorLog(decoderLabel, reasonNames, counterFactory.newCounter(
            HellmoonCounters.DECODE_ERRORS_TYPE_ID, decoderLabel + ": bad frames sampled"));
    }

    /**
     * The pipeline: books, resyncs and statistics.
     *
     * @return the pipeline.
     */
    public MarketDataPipeline pipeline()
    {
        return pipeline;
    }

    /**
     * The registry.
     *
     * @return the registry.
     */
    public InstrumentRegistry registry()
    {
        return registry;
    }

    /**
     * Where the venue connections' reconnect total comes from, for {@code FeedStatistics}: a live feed's connection
     * manager; replays have none. Set before the first message.
     *
     * @param reconnects supplier of the total, read on the feed's thread.
     */
    public void reconnectsSupplier(final LongSupplier reconnects)
    {
        this.reconnects = reconnects;
    }

    /**
     * Venue connections re-established after a loss, from the supplier set, else 0.
     *
     * @return the count.
     */
    public long reconnects()
    {
        return null == reconnects ? 0 : reconnects.getAsLong();
    }

    /**
     * Times a book was marked stale (its connection lost or silent).
     *
     * @return the count.
     */
    public long stalePeriods()
    {
        return null == pipeline ? 0 : pipeline.bookManager().stalePeriods();
    }

    /**
     * Frames received by all decoders.
     *
     * @return the count.
     */
    public long framesReceived()
    {
        long total = 0;
        for (int i = 0, size = decoderList.size(); i < size; i++)
        {
            total += decoderList.get(i).framesReceived.getAsLong();
        }
        return total;
    }

    /**
     * Frames or snapshots no decoder could decode.
     *
     * @return the count.
     */
    public long decodeErrors()
    {
        long total = 0;
        for (int i = 0, size = decoderList.size(); i < size; i++)
        {
            total += decoderList.get(i).decodeErrors.getAsLong();
        }
        return total;
    }

    /**
     * Well-formed frames of types the decoders do not decode.
     *
     * @return the count.
     */
    public long unsupportedMessages()
    {
        long total = 0;
        for (int i = 0, size = decoderList.size(); i < size; i++)
        {
            total += decoderList.get(i).unsupportedFrames.getAsLong();
        }
        return total;
    }

    /**
     * Write pending bad-frame samples of every decoder and the books, one line each.
     *
     * @param out   to append lines to.
     * @param limit most samples per log.
     * @return samples written.
     */
    public int drainErrors(final Appendable out, final int limit)
    {
        int drained = pipeline.bookManager().errorLog().drain(out, limit);
        for (int i = 0, size = decoderList.size(); i < size; i++)
        {
            drained += decoderList.get(i).errorLog.drain(out, limit);
        }
        return drained;
    }

    /**
     * Close the decoders and the pipeline (their counters).
     */
    public void close()
    {
        for (int i = 0, size = decoderList.size(); i < size; i++)
        {
            CloseHelper.close(decoderList.get(i).decoder);
        }
        CloseHelper.close(pipeline);
    }

    /**
     * What the feed reads from each decoder, whatever its type; the suppliers are bound once, at creation.
     */
    private record DecoderStatistics(
        LongSupplier framesReceived,
        LongSupplier decodeErrors,
        LongSupplier unsupportedFrames,
        SampledErrorLog errorLog,
        AutoCloseable decoder)
    {
    }
}
