/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.synthetic.SyntheticMarket;
import io.hellmoon.sbe.Venue;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Serves the seeded {@link SyntheticMarket} in real time in Binance USD-M's wire format: its combined-stream frames
 * ({@code @trade}, {@code @bookTicker}, {@code @depth@100ms}, {@code @kline_1m}, {@code @markPrice},
 * {@code @forceOrder}) go to their subscribers as generated, and a REST depth request is answered with the market's
 * own {@link SyntheticMarket#emitSnapshot(int, long)}, whose {@code lastUpdateId} falls inside the next diff's
 * {@code [U, u]} by construction. The market's clock starts when the timeline does ({@link #start(long)}), so a
 * simulator waiting for its first subscriber does not serve a backlog. Market thread only.
 */
final class BinanceSyntheticSource implements MarketSource, VenueFrameHandler
{
    private final SyntheticMarket.Context template;
    private final Dispatcher dispatcher;
    private final TopicRegistry topics;
    private final SimCounters counters;
    private final Consumer<String> log;
    private final int batchLimit;
    private final List<String> symbols;
    private final String exchangeInfoJson;
    private final List<String> description = new ArrayList<>();
    private final CaptureBytes envelope = new CaptureBytes();
    private final DepthMessage snapshot = new DepthMessage();
    private final MirrorBook snapshotBook = new MirrorBook();
    private final DepthRenderer renderer = new DepthRenderer();
    private SyntheticMarket market;
    private DepthRequest answering;

    BinanceSyntheticSource(
        final SyntheticMarket.Context template,
        final long startTimeNs,
        final int batchLimit,
        final Dispatcher dispatcher,
        final TopicRegistry topics,
        final SimCounters counters,
        final Consumer<String> log)
    {
        this.template = template;
        this.dispatcher = dispatcher;
        this.topics = topics;
        this.counters = counters;
        this.log = log;
        this.batchLimit = batchLimit;
        market = newMarket(startTimeNs);
        final List<String> names = new ArrayList<>(market.instrumentCount());
        for (int i = 0; i < market.instrumentCount(); i++)
        {
            names.add(market.symbol(i));
        }
        symbols = List.copyOf(names);
        exchangeInfoJson = market.exchangeInfoJson(0);
        description.add("synthetic market: " + symbols.size() + " USD-M style symbols (" + symbols.get(0) + " .. " +
            symbols.get(symbols.size() - 1) + "), seed " + template.seed() + ", " +
            Math.round(template.messageRate()) + " frames/s");
    }

    private SyntheticMarket newMarket(final long startTimeNs)
    {
        final SyntheticMarket.Context ctx = new SyntheticMarket.Context()
            .instrumentCount(template.instrumentCount())
            .seed(template.seed())
            .messageRate(template.messageRate())
            .symbolPrefix(template.symbolPrefix())
            .quoteAsset(template.quoteAsset())
            .venue(Venue.BINANCE_USDM)
            .startTimeNs(startTimeNs - startTimeNs % 1_000_000L)
            .bookDepthLevels(template.bookDepthLevels())
            .depthIntervalMs(template.depthIntervalMs())
            .markPriceIntervalMs(template.markPriceIntervalMs())
            .klineUpdateIntervalMs(template.klineUpdateIntervalMs())
            .anomalyRatePerInstrumentHour(template.anomalyRatePerInstrumentHour())
            .liquidationRatePerInstrumentHour(template.liquidationRatePerInstrumentHour())
            .registry(new InstrumentRegistry(template.instrumentCount()));
        return new SyntheticMarket(ctx, this);
    }

    /**
     * {@inheritDoc}
     */
    public void start(final long nowNs)
    {
        if (nowNs - market.currentTimeNs() > 1_000_000_000L)
        {
            market = newMarket(nowNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public int doWork(final long nowNs)
    {
        return market.generate(nowNs, batchLimit);
    }

    /**
     * {@inheritDoc}
     */
    public boolean isDone()
    {
        return false;
    }

    /**
     * {@inheritDoc}
     */
    public List<String> symbols()
    {
        return symbols;
    }

    /**
     * {@inheritDoc}
     */
    public String exchangeInfoJson()
    {
        return exchangeInfoJson;
    }

    /**
     * {@inheritDoc}
     */
    public List<String> describe()
    {
        return description;
    }

    /**
     * {@inheritDoc}
     */
    public void depth(final DepthRequest request, final long nowNs)
    {
        final int id = market.context().registry().idOf(Venue.BINANCE_USDM, request.symbol().toUpperCase(Locale.ROOT));
        if (InstrumentRegistry.NULL_INSTRUMENT_ID == id || market.indexOf(id) < 0)
        {
            request.complete(400, RestReplies.binanceError(-1121, "Invalid symbol."));
            return;
        }
        answering = request;
        try
        {
            market.emitSnapshot(id, nowNs);
        }
        finally
        {
            answering = null;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        counters.sourceFrames.increment();
        if (!envelope.wrapEnvelope(buffer, offset, length))
        {
            counters.unroutableFrames.increment();
            return;
        }
        if (envelope.isDepthDiff(buffer) && dispatcher.dropDiff())
        {
            return;
        }
        dispatcher.dispatch(
            topics.topic(buffer, envelope.streamOffset(), envelope.streamLength()), buffer, offset,
            envelope.dataOffset() + envelope.dataLength() + 1 - offset, envelope.dataOffset(), envelope.dataLength());
    }

    /**
     * {@inheritDoc}
     */
    public void onDepthSnapshot(
        final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        final DepthRequest request = answering;
        if (null == request)
        {
            return;
        }
        if (!snapshot.readSnapshot(buffer, offset, length))
        {
            log.accept("synthetic snapshot unreadable: " + snapshot.error());
            request.complete(500, RestReplies.binanceError(-1000, "An unknown error occurred: " + snapshot.error()));
            return;
        }
        snapshotBook.clear();
        snapshot.applyTo(snapshotBook);
        counters.snapshotsServed.increment();
        request.complete(200, renderer.binance(
            SimVenue.BINANCE_USDM, snapshotBook, snapshot.finalUpdateId(), snapshot.eventTimeMs(),
            snapshot.transactionTimeMs(), null, null, request.limit()));
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
    }
}
