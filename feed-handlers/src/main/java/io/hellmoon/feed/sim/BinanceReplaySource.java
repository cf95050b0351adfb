/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.hellmoon.codecs.AsciiSymbolIndex;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.book.BinanceSyncRule;
import io.hellmoon.feed.book.SyncRule;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.feed.replay.Replayer;
import io.hellmoon.sbe.Venue;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Serves recorded Binance captures (hftbacktest files, cryptofeed sessions) read by the feed's {@link Replayer}, with
 * their timing preserved or accelerated, on the simulator's one timeline.
 *
 * <h2>Frames</h2>
 * Every recorded combined-stream envelope goes to the subscribers of its stream, byte for byte (raw-stream clients
 * get its {@code data} payload). Diff-depth frames of an instrument are served from the first one after the capture's
 * REST snapshot of that instrument: the ones before it are kept to bridge the snapshot, like a client buffers them,
 * and never served, so the simulator always knows the book it serves diffs of.
 *
 * <h2>Books and REST snapshots</h2>
 * Each instrument's book starts at the capture's snapshot and applies every diff after it (those the drop-diff fault
 * keeps off the wire and those a stall loses included). A REST depth reply is that book as it stands at that moment
 * of the stream:
 * <ul>
 *     <li>spot: {@code lastUpdateId} = the last diff applied ({@code u}), so the next diff has
 *     {@code U = lastUpdateId + 1};</li>
 *     <li>futures: {@code lastUpdateId} inside the next diff's {@code [U, u]}: {@code max(U, book id)}, found by a
 *     lookahead reading the same capture ahead of the replay (on demand, so only as far as needed), with the book
 *     as it is before that diff; {@code E}, {@code T} of the last diff applied; COIN-M adds {@code symbol} and
 *     {@code pair} from the diffs' {@code s} and {@code ps}. At the end of the capture, the last diff's id.</li>
 * </ul>
 * A request for an instrument whose snapshot has not been reached yet waits for it (up to its deadline, then 503).
 * Gaps in the capture itself (a diff that does not follow the previous one) are counted; the book applies the diff
 * anyway, and clients see the same gap and resync from the simulator's book.
 * <p>
 * Market thread only.
 */
final class BinanceReplaySource implements MarketSource, VenueFrameHandler
{
    private final SimVenue venue;
    private final SyncRule rule;
    private final Dispatcher dispatcher;
    private final TopicRegistry topics;
    private final SimCounters counters;
    private final Consumer<String> log;
    private final Replayer replayer;
    private final Replayer lookahead;
    private final InstrumentRegistry registry;
    private final CaptureCatalog catalog;
    private final List<String> symbols;
    private final CaptureBytes envelope = new CaptureBytes();
    private final CaptureBytes lookaheadEnvelope = new CaptureBytes();
    private final DepthMessage depth = new DepthMessage();
    private final DepthMessage lookaheadDepth = new DepthMessage();
    private final DepthRenderer renderer = new DepthRenderer();
    private final AsciiSymbolIndex instrumentIndex = new AsciiSymbolIndex(64);
    private final List<ReplayInstrument> instruments = new ArrayList<>();
    private final List<ReplayInstrument> waiting = new ArrayList<>();
    private final List<String> description = new ArrayList<>();
    private long gapSamples;
    private long badFrameSamples;

    BinanceReplaySource(
        final SimVenue venue,
        final List<Path> files,
        final ReplaySpeed speed,
        final EpochNanoClock clock,
        final int batchLimit,
        final Path exchangeInfo,
        final Dispatcher dispatcher,
        final TopicRegistry topics,
        final SimCounters counters,
        final Consumer<String> log)
    {
        this.venue = venue;
        this.rule = venue.isBinanceFutures() ? BinanceSyncRule.FUTURES : BinanceSyncRule.SPOT;
        this.dispatcher = dispatcher;
        this.topics = topics;
        this.counters = counters;
        this.log = log;
        this.catalog = new CaptureCatalog(venue, files, exchangeInfo);
        this.symbols = List.copyOf(catalog.instruments().keySet());

        registry = new InstrumentRegistry();
        replayer = new Replayer(new Replayer.Context()
            .files(files)
            .speed(speed)
            .clock(clock)
            .batchLimit(batchLimit)
            .registry(registry)
            .frameHandler(this));
        try
        {
            checkVenues(replayer.venues(), venue, files);
            lookahead = venue.isBinanceFutures() ? new Replayer(new Replayer.Context()
                .files(files)
                .speed(ReplaySpeed.MAX)
                .batchLimit(1)
                .frameHandler(new LookaheadHandler())) : null;
        }
        catch (final RuntimeException ex)
        {
            replayer.close();
            throw ex;
        }

        description.addAll(replayer.fileDescriptions());
        description.addAll(catalog.descriptions());
        description.add("replay at " + speed + ", " + symbols.size() + " symbols");
    }

    private static void checkVenues(final Set<Venue> found, final SimVenue venue, final List<Path> files)
    {
        for (final Venue captured : found)
        {
            if (captured != venue.venue() && !(Venue.BINANCE_US == captured && SimVenue.BINANCE_SPOT == venue))
            {
                throw new IllegalArgumentException("captures " + files + " hold " + captured +
                    " data, but the simulator serves " + venue + " (use --venue " +
                    captured.name().toLowerCase(Locale.ROOT).replace('_', '-') + ")");
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public int doWork(final long nowNs)
    {
        return replayer.doWork();
    }

    /**
     * {@inheritDoc}
     */
    public boolean isDone()
    {
        return replayer.isDone();
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
        return catalog.exchangeInfoJson();
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
        ReplayInstrument instrument = find(request.symbol());
        if (null == instrument)
        {
            if (!catalog.instruments().containsKey(request.symbol().toUpperCase(Locale.ROOT)))
            {
                request.complete(400, RestReplies.binanceError(-1121, "Invalid symbol."));
                return;
            }
            instrument = instrument(request.symbol().toLowerCase(Locale.ROOT));
        }
        if (!instrument.isLive())
        {
            if (!instrument.hasPending())
            {
                waiting.add(instrument);
            }
            instrument.pend(request);
            return;
        }
        reply(instrument, request);
    }

    /**
     * {@inheritDoc}
     */
    public int expirePending(final long wallNs)
    {
        if (waiting.isEmpty())
        {
            return 0;
        }
        int expired = 0;
        for (final Iterator<ReplayInstrument> it = waiting.iterator(); it.hasNext(); )
        {
            final ReplayInstrument instrument = it.next();
            final List<DepthRequest> pending = instrument.takePending();
            final List<DepthRequest> kept = new ArrayList<>();
            for (final DepthRequest request : pending)
            {
                if (wallNs - request.deadlineNs() > 0)
                {
                    request.complete(503, RestReplies.binanceError(-1007,
                        "Timeout waiting for response from backend server. Send status unknown; execution status " +
                        "unknown."));
                    expired++;
                }
                else
                {
                    kept.add(request);
                }
            }
            kept.forEach(instrument::pend);
            if (kept.isEmpty())
            {
                it.remove();
            }
        }
        return expired;
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
            sampleBadFrame("not a combined-stream envelope", buffer, offset, length);
            return;
        }
        final Topic topic = topics.topic(buffer, envelope.streamOffset(), envelope.streamLength());
        final int frameLength = envelope.dataOffset() + envelope.dataLength() + 1 - offset;
        if (!envelope.isDepthDiff(buffer))
        {
            dispatcher.dispatch(
                topic, buffer, offset, frameLength, envelope.dataOffset(), envelope.dataLength());
            return;
        }

        if (!depth.readDiff(buffer, envelope.dataOffset(), envelope.dataLength()))
        {
            counters.unroutableFrames.increment();
            sampleBadFrame(depth.error(), buffer, offset, length);
            return;
        }
        final ReplayInstrument instrument = instrument(buffer, envelope.streamOffset(), envelope.symbolLength());
        instrument.onReplayDiff();
        if (!instrument.isNamed())
        {
            learnNames(instrument);
        }
        if (!instrument.isLive())
        {
            instrument.withhold(buffer, envelope.dataOffset(), envelope.dataLength());
            counters.diffsWithheld.increment();
            return;
        }

        apply(instrument);
        if (!dispatcher.dropDiff())
        {
            dispatcher.dispatch(
                topic, buffer, offset, frameLength, envelope.dataOffset(), envelope.dataLength());
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onDepthSnapshot(
        final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        final String symbol = registry.symbol(instrumentId);
        final ReplayInstrument instrument = instrument(symbol.toLowerCase(Locale.ROOT));
        if (instrument.isLive())
        {
            // A later snapshot of a book already followed diff by diff adds nothing the diffs did not.
            return;
        }
        if (!depth.readSnapshot(buffer, offset, length))
        {
            counters.unroutableFrames.increment();
            sampleBadFrame("snapshot of " + symbol + ": " + depth.error(), buffer, offset, length);
            return;
        }

        final MirrorBook book = instrument.book();
        book.clear();
        depth.applyTo(book);
        book.lastUpdateId(depth.finalUpdateId());
        book.eventTimeMs(depth.eventTimeMs());
        book.transactionTimeMs(depth.transactionTimeMs());
        if (depth.symbolOffset() >= 0 || depth.pairOffset() >= 0)
        {
            learnNames(instrument);
        }
        instrument.appliedSinceSnapshot(false);

        int applied = 0;
        for (int i = 0, count = instrument.withheldCount(); i < count; i++)
        {
            if (depth.readDiff(instrument.withheldBuffer(), instrument.withheldOffset(i), instrument.withheldLength(i)))
            {
                applied += apply(instrument) ? 1 : 0;
            }
        }
        final int withheld = instrument.withheldCount();
        instrument.clearWithheld();
        instrument.live();
        log.accept("replay " + instrument.symbol() + ": book from the capture's snapshot lastUpdateId " +
            book.lastUpdateId() + " (" + book.bidCount() + " bids, " + book.askCount() + " asks), " + applied +
            " of " + withheld + " earlier diffs applied; its diffs are served from here");

        for (final DepthRequest request : instrument.takePending())
        {
            reply(instrument, request);
        }
        waiting.remove(instrument);
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        CloseHelper.closeAll(replayer, lookahead);
    }

    /**
     * Apply the diff in {@link #depth} to the instrument's book by the venue's rules.
     *
     * @return true if applied, false if it was older than the book.
     */
    private boolean apply(final ReplayInstrument instrument)
    {
        final MirrorBook book = instrument.book();
        final long first = depth.firstUpdateId();
        final long last = depth.finalUpdateId();
        final long previous = depth.prevFinalUpdateId();
        if (!instrument.appliedSinceSnapshot())
        {
            if (rule.isStale(book.lastUpdateId(), first, last, previous))
            {
                return false;
            }
            if (!rule.bridges(book.lastUpdateId(), first, last, previous))
            {
                captureGap(instrument, "first diff after the snapshot does not bridge it");
            }
        }
        else if (!rule.follows(book.lastUpdateId(), first, last, previous))
        {
            captureGap(instrument, "diff does not follow the previous one");
        }

        depth.applyTo(book);
        book.lastUpdateId(last);
        book.eventTimeMs(depth.eventTimeMs());
        book.transactionTimeMs(depth.transactionTimeMs());
        instrument.appliedSinceSnapshot(true);
        return true;
    }

    private void reply(final ReplayInstrument instrument, final DepthRequest request)
    {
        final MirrorBook book = instrument.book();
        long lastUpdateId = book.lastUpdateId();
        if (venue.isBinanceFutures())
        {
            final long next = nextFirstUpdateId(instrument);
            if (ReplayInstrument.NO_DIFF != next)
            {
                lastUpdateId = Math.max(lastUpdateId, next);
            }
        }
        counters.snapshotsServed.increment();
        request.complete(200, renderer.binance(
            venue, book, lastUpdateId, book.eventTimeMs(), book.transactionTimeMs(), instrument.symbol(),
            null == instrument.pair() ? instrument.symbol() : instrument.pair(), request.limit()));
    }

    /**
     * {@code U} of the instrument's next diff, reading the capture ahead as far as needed.
     */
    private long nextFirstUpdateId(final ReplayInstrument instrument)
    {
        long next;
        while (ReplayInstrument.NO_DIFF == (next = instrument.nextFirstUpdateId()) && !lookahead.isDone())
        {
            lookahead.doWork();
        }
        return next;
    }

    private void learnNames(final ReplayInstrument instrument)
    {
        final DirectBuffer buffer = depth.buffer();
        final String symbol = depth.symbolOffset() < 0 ? null :
            buffer.getStringWithoutLengthAscii(depth.symbolOffset(), depth.symbolLength());
        final String pair = depth.pairOffset() < 0 ? null :
            buffer.getStringWithoutLengthAscii(depth.pairOffset(), depth.pairLength());
        instrument.names(symbol, pair);
    }

    private ReplayInstrument find(final String symbol)
    {
        final int slot = instrumentIndex.get(0, symbol);
        return AsciiSymbolIndex.MISSING == slot ? null : instruments.get(slot - 1);
    }

    private ReplayInstrument instrument(final String key)
    {
        ReplayInstrument instrument = find(key);
        if (null == instrument)
        {
            instrument = new ReplayInstrument(key);
            instruments.add(instrument);
            instrumentIndex.put(0, key, instruments.size());
        }
        return instrument;
    }

    private ReplayInstrument instrument(final DirectBuffer buffer, final int offset, final int length)
    {
        final int slot = instrumentIndex.get(0, buffer, offset, length);
        if (AsciiSymbolIndex.MISSING != slot)
        {
            return instruments.get(slot - 1);
        }
        return instrument(buffer.getStringWithoutLengthAscii(offset, length).toLowerCase(Locale.ROOT));
    }

    private void captureGap(final ReplayInstrument instrument, final String reason)
    {
        counters.captureGaps.increment();
        if (gapSamples++ < 10)
        {
            log.accept("replay " + instrument.symbol() + ": capture gap at U=" + depth.firstUpdateId() + " u=" +
                depth.finalUpdateId() + " (book " + instrument.book().lastUpdateId() + "): " + reason);
        }
    }

    private void sampleBadFrame(final String reason, final DirectBuffer buffer, final int offset, final int length)
    {
        if (badFrameSamples++ < 10)
        {
            final byte[] head = new byte[Math.min(length, 120)];
            buffer.getBytes(offset, head);
            log.accept("replay: frame not served (" + reason + "): " + new String(head, StandardCharsets.UTF_8));
        }
    }

    /**
     * Reads the capture ahead of the replay for the first update ids of the diffs to come.
     */
    private final class LookaheadHandler implements VenueFrameHandler
    {
        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
        {
            if (lookaheadEnvelope.wrapEnvelope(buffer, offset, length) && lookaheadEnvelope.isDepthDiff(buffer) &&
                lookaheadDepth.readDiff(buffer, lookaheadEnvelope.dataOffset(), lookaheadEnvelope.dataLength()))
            {
                instrument(buffer, lookaheadEnvelope.streamOffset(), lookaheadEnvelope.symbolLength())
                    .onLookaheadDiff(lookaheadDepth.firstUpdateId());
            }
        }

        public void onDepthSnapshot(
            final int instrumentId,
            final DirectBuffer buffer,
            final int offset,
            final int length,
            final long receiveTimeNs)
        {
        }
    }
}
