/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.sbe.BarDecoder;
import io.hellmoon.sbe.BestBidOfferDecoder;
import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.BooleanType;
import io.hellmoon.sbe.DepthSnapshotDecoder;
import io.hellmoon.sbe.DepthUpdateDecoder;
import io.hellmoon.sbe.FeedStatisticsDecoder;
import io.hellmoon.sbe.FeedStatusDecoder;
import io.hellmoon.sbe.FeedStatusReason;
import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.LiquidationDecoder;
import io.hellmoon.sbe.MarkPriceDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.MiniTickerDecoder;
import io.hellmoon.sbe.TradeDecoder;
import io.hellmoon.sbe.TradeKind;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * A market-data stream subscriber that computes the summary users ask of a replay, from nothing but the SBE messages
 * it receives, and writes it as JSON with sorted keys, so the same stream always gives the same bytes:
 * <pre>
 * {"crossedBooks": n, "decodeErrors": n, "gaps": n,
 *  "instruments": {"VENUE:SYMBOL": {"bestAsk": "61686", "bestBid": "61685.99", "lastTradePrice": "61685.99",
 *                                   "lastUpdateId": n}},
 *  "messages": {"aggTrade": n, "bookTicker": n, "depthUpdate": n, "forceOrder": n, "kline": n,
 *               "markPriceUpdate": n, "snapshot": n, "trade": n},
 *  "resyncs": n}
 * </pre>
 * <ul>
 *     <li>{@code messages}: {@code Trade} by kind ({@code trade}, {@code aggTrade}), {@code BestBidOffer}
 *     ({@code bookTicker}), {@code DepthUpdate}, {@code Bar} ({@code kline}), {@code Liquidation}
 *     ({@code forceOrder}), {@code MarkPrice} ({@code markPriceUpdate}), {@code DepthSnapshot} ({@code snapshot}):
 *     always present, 0 when none, and nothing else, so the object can be compared whole. Other types seen are
 *     counted under {@code otherMessages} ({@code bookLevels}, {@code feedStatus}, {@code feedStatistics},
 *     {@code instrumentDefinition}, {@code miniTicker}, {@code other}).</li>
 *     <li>{@code instruments}: keyed {@code VENUE:SYMBOL} from the {@code InstrumentDefinition} messages
 *     ({@code #id} for an instrument never defined), listing every instrument that had market data. {@code bestBid},
 *     {@code bestAsk} and {@code lastUpdateId} come from the instrument's last {@code BookLevels}; for an
 *     instrument that never had a book (no depth stream, or never synced) they fall back to its last
 *     {@code BestBidOffer}, with {@code lastUpdateId} that message's update id. {@code lastTradePrice} is the last
 *     {@code Trade} of either kind. Prices are plain decimals without trailing zeros; absent values are
 *     {@code null}.</li>
 *     <li>{@code decodeErrors}: from {@code FeedStatistics}, the sum over sources of each source's latest total.</li>
 *     <li>{@code gaps}, {@code crossedBooks}: {@code FeedStatus} messages with reason {@code SEQUENCE_GAP} and
 *     {@code CROSSED_BOOK}; {@code resyncs}: the sum over instruments of their latest {@code resyncCount}. Each is
 *     cross-checked with the sources' {@code FeedStatistics} totals and the larger is reported, so a subscriber that
 *     joined late still reports what the feed counted; the statistics totals are also written under
 *     {@code feedStatistics} when any were seen.</li>
 *     <li>{@code reconnects} and {@code stalePeriods}: the sources' {@code FeedStatistics} totals of venue
 *     connections re-established and of books marked stale; written at the top level by a live feed's summary
 *     ({@link #includeConnectionTotals(boolean)}), or whenever a source reports any, and always under
 *     {@code feedStatistics}. A replay has no connections, so its summary keeps exactly the keys above.</li>
 * </ul>
 * Not a hot path: it allocates per instrument and when writing. Single threaded.
 */
public final class MarketDataSummary implements SbeHandler
{
    private static final int HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;
    private static final String[] REQUIRED_TYPES =
    {
        "trade", "aggTrade", "bookTicker", "depthUpdate", "kline", "forceOrder", "markPriceUpdate", "snapshot"
    };

    private final InstrumentRegistry registry;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final BestBidOfferDecoder bestBidOffer = new BestBidOfferDecoder();
    private final BookLevelsDecoder bookLevels = new BookLevelsDecoder();
    private final FeedStatusDecoder feedStatus = new FeedStatusDecoder();
    private final FeedStatisticsDecoder feedStatistics = new FeedStatisticsDecoder();
    private final Map<String, Long> counts = new TreeMap<>();
    private final Int2ObjectHashMap<InstrumentState> instruments = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<SourceTotals> sources = new Int2ObjectHashMap<>();
    private long gapStatuses;
    private long crossedStatuses;
    private long undecodable;
    private boolean includeConnectionTotals;

    /**
     * A summary with its own registry, filled from the stream's definitions.
     */
    public MarketDataSummary()
    {
        this(new InstrumentRegistry());
    }

    /**
     * A summary naming instruments from a registry, which the stream's definitions add to.
     *
     * @param registry to key instruments by.
     */
    public MarketDataSummary(final InstrumentRegistry registry)
    {
        this.registry = registry;
        for (final String type : REQUIRED_TYPES)
        {
            counts.put(type, 0L);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < HEADER_LENGTH)
        {
            undecodable++;
            return;
        }
        header.wrap(buffer, offset);
        if (MessageHeaderDecoder.SCHEMA_ID != header.schemaId() || length < HEADER_LENGTH + header.blockLength())
        {
            undecodable++;
            return;
        }

        final int bodyOffset = offset + HEADER_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        try
        {
            switch (header.templateId())
            {
                case InstrumentDefinitionDecoder.TEMPLATE_ID ->
                {
                    count("instrumentDefinition");
                    registry.onDefinition(definition.wrap(buffer, bodyOffset, blockLength, version));
                }
                case TradeDecoder.TEMPLATE_ID -> onTrade(buffer, bodyOffset, blockLength, version);
                case BestBidOfferDecoder.TEMPLATE_ID -> onBestBidOffer(buffer, bodyOffset, blockLength, version);
                case DepthUpdateDecoder.TEMPLATE_ID ->
                {
                    count("depthUpdate");
                    state(buffer.getInt(bodyOffset + DepthUpdateDecoder.instrumentIdEncodingOffset(), LITTLE_ENDIAN));
                }
                case DepthSnapshotDecoder.TEMPLATE_ID ->
                {
                    count("snapshot");
                    state(buffer.getInt(bodyOffset + DepthSnapshotDecoder.instrumentIdEncodingOffset(), LITTLE_ENDIAN));
                }
                case BookLevelsDecoder.TEMPLATE_ID -> onBookLevels(buffer, bodyOffset, blockLength, version);
                case BarDecoder.TEMPLATE_ID ->
                {
                    count("kline");
                    state(buffer.getInt(bodyOffset + BarDecoder.instrumentIdEncodingOffset(), LITTLE_ENDIAN));
                }
                case LiquidationDecoder.TEMPLATE_ID ->
                {
                    count("forceOrder");
                    state(buffer.getInt(bodyOffset + LiquidationDecoder.instrumentIdEncodingOffset(), LITTLE_ENDIAN));
                }
                case MarkPriceDecoder.TEMPLATE_ID ->
                {
                    count("markPriceUpdate");
                    state(buffer.getInt(bodyOffset + MarkPriceDecoder.instrumentIdEncodingOffset(), LITTLE_ENDIAN));
                }
                case MiniTickerDecoder.TEMPLATE_ID ->
                {
                    count("miniTicker");
                    state(buffer.getInt(bodyOffset + MiniTickerDecoder.instrumentIdEncodingOffset(), LITTLE_ENDIAN));
                }
                case FeedStatusDecoder.TEMPLATE_ID -> onFeedStatus(buffer, bodyOffset, blockLength, version);
                case FeedStatisticsDecoder.TEMPLATE_ID -> onFeedStatistics(buffer, bodyOffset, blockLength, version);
                default -> count("other");
            }
        }
        catch (final RuntimeException ex)
        {
            // A definition that contradicts an earlier one, or a message cut short: count it, keep summarising.
            undecodable++;
        }
    }

    /**
     * Messages of a type as keyed in the JSON, e.g. {@code trade} or {@code bookLevels}.
     *
     * @param type key in {@code messages}.
     * @return the count, 0 if none.
     */
    public long messages(final String type)
    {
        return counts.getOrDefault(type, 0L);
    }

    /**
     * Message counts by type as keyed in the JSON.
     *
     * @return an unmodifiable sorted view.
     */
    public Map<String, Long> messageCounts()
    {
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Decode errors: the sum over sources of each source's latest {@code FeedStatistics} total.
     *
     * @return the count.
     */
    public long decodeErrors()
    {
        long total = 0;
        for (final SourceTotals totals : sources.values())
        {
            total += totals.decodeErrors;
        }
        return total;
    }

    /**
     * Sequence gaps, the larger of the {@code FeedStatus} count and the sources' totals.
     *
     * @return the count.
     */
    public long gaps()
    {
        long fromStatistics = 0;
        for (final SourceTotals totals : sources.values())
        {
            fromStatistics += totals.gaps;
        }
        return Math.max(gapStatuses, fromStatistics);
    }

    /**
     * Completed resyncs, the larger of the instruments' {@code resyncCount} sum and the sources' totals.
     *
     * @return the count.
     */
    public long resyncs()
    {
        long fromStatus = 0;
        for (final InstrumentState state : instruments.values())
        {
            fromStatus += state.resyncCount;
        }
        long fromStatistics = 0;
        for (final SourceTotals totals : sources.values())
        {
            fromStatistics += totals.resyncs;
        }
        return Math.max(fromStatus, fromStatistics);
    }

    /**
     * Crossed books, the larger of the {@code FeedStatus} count and the sources' totals.
     *
     * @return the count.
     */
    public long crossedBooks()
    {
        long fromStatistics = 0;
        for (final SourceTotals totals : sources.values())
        {
            fromStatistics += totals.crossedBooks;
        }
        return Math.max(crossedStatuses, fromStatistics);
    }

    /**
     * Venue connections re-established after a loss: the sum over sources of their latest {@code FeedStatistics}.
     *
     * @return the count.
     */
    public long reconnects()
    {
        long total = 0;
        for (final SourceTotals totals : sources.values())
        {
            total += totals.reconnects;
        }
        return total;
    }

    /**
     * Times a book was marked stale: the sum over sources of their latest {@code FeedStatistics}.
     *
     * @return the count.
     */
    public long stalePeriods()
    {
        long total = 0;
        for (final SourceTotals totals : sources.values())
        {
            total += totals.stalePeriods;
        }
        return total;
    }

    /**
     * Write {@code reconnects} and {@code stalePeriods} at the top level even when they are 0, as a live feed's
     * summary does.
     *
     * @param include default false: only when a source reports any.
     * @return this.
     */
    public MarketDataSummary includeConnectionTotals(final boolean include)
    {
        this.includeConnectionTotals = include;
        return this;
    }

    /**
     * Messages that could not be decoded by the summary itself (wrong schema, cut short, contradicting definitions).
     *
     * @return the count.
     */
    public long undecodable()
    {
        return undecodable;
    }

    /**
     * What the summary says of one instrument.
     *
     * @param bestBid        plain decimal, or null.
     * @param bestAsk        plain decimal, or null.
     * @param lastTradePrice plain decimal, or null.
     * @param lastUpdateId   of the last book (or quote, without a book), or null.
     * @param fromBook       true if the best prices come from {@code BookLevels}, false from {@code BestBidOffer}.
     */
    public record InstrumentSummary(
        String bestBid, String bestAsk, String lastTradePrice, Long lastUpdateId, boolean fromBook)
    {
    }

    /**
     * The instruments that had market data, by {@code VENUE:SYMBOL}.
     *
     * @return a new sorted map.
     */
    public Map<String, InstrumentSummary> instruments()
    {
        final Map<String, InstrumentSummary> result = new TreeMap<>();
        instruments.forEach((id, state) ->
        {
            if (state.hasData)
            {
                result.put(registry.key(id), state.summary());
            }
        });
        return result;
    }

    /**
     * One instrument's summary.
     *
     * @param key {@code VENUE:SYMBOL}.
     * @return the summary, or null if the instrument had no market data.
     */
    public InstrumentSummary instrument(final String key)
    {
        return instruments().get(key);
    }

    /**
     * The summary as JSON: sorted keys, two-space indentation, a final newline.
     *
     * @return the JSON text.
     */
    public String toJson()
    {
        final StringBuilder out = new StringBuilder(1024);
        JsonText.write(out, model(), 0);
        out.append('\n');
        return out.toString();
    }

    /**
     * Write the JSON to a file, atomically (a temporary file then a rename).
     *
     * @param file to write.
     */
    public void writeJson(final Path file)
    {
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            final Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8))
            {
                writer.write(toJson());
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write summary " + file, ex);
        }
    }

    private static boolean isRequired(final String type)
    {
        for (final String required : REQUIRED_TYPES)
        {
            if (required.equals(type))
            {
                return true;
            }
        }
        return false;
    }

    private Map<String, Object> model()
    {
        final Map<String, Object> root = new TreeMap<>();
        final Map<String, Long> required = new TreeMap<>();
        final Map<String, Long> other = new TreeMap<>();
        for (final Map.Entry<String, Long> entry : counts.entrySet())
        {
            (isRequired(entry.getKey()) ? required : other).put(entry.getKey(), entry.getValue());
        }
        root.put("messages", required);
        if (!other.isEmpty())
        {
            root.put("otherMessages", other);
        }
        root.put("decodeErrors", decodeErrors());
        root.put("gaps", gaps());
        root.put("resyncs", resyncs());
        root.put("crossedBooks", crossedBooks());
        final long reconnects = reconnects();
        final long stalePeriods = stalePeriods();
        if (includeConnectionTotals || 0 != reconnects || 0 != stalePeriods)
        {
            root.put("reconnects", reconnects);
            root.put("stalePeriods", stalePeriods);
        }

        final Map<String, Object> instrumentMap = new TreeMap<>();
        for (final Map.Entry<String, InstrumentSummary> entry : instruments().entrySet())
        {
            final InstrumentSummary summary = entry.getValue();
            final Map<String, Object> fields = new TreeMap<>();
            fields.put("bestBid", summary.bestBid());
            fields.put("bestAsk", summary.bestAsk());
            fields.put("lastTradePrice", summary.lastTradePrice());
            fields.put("lastUpdateId", summary.lastUpdateId());
            instrumentMap.put(entry.getKey(), fields);
        }
        root.put("instruments", instrumentMap);

        if (!sources.isEmpty())
        {
            final Map<String, Object> statistics = new TreeMap<>();
            long frames = 0;
            long published = 0;
            long unsupported = 0;
            long gaps = 0;
            long resyncs = 0;
            long crossed = 0;
            long overflows = 0;
            long dropped = 0;
            boolean ended = true;
            for (final SourceTotals totals : sources.values())
            {
                frames += totals.framesReceived;
                published += totals.messagesPublished;
                unsupported += totals.unsupportedMessages;
                gaps += totals.gaps;
                resyncs += totals.resyncs;
                crossed += totals.crossedBooks;
                overflows += totals.bufferOverflows;
                dropped += totals.dropped;
                ended &= totals.endOfStream;
            }
            statistics.put("sources", (long)sources.size());
            statistics.put("framesReceived", frames);
            statistics.put("messagesPublished", published);
            statistics.put("decodeErrors", decodeErrors());
            statistics.put("unsupportedMessages", unsupported);
            statistics.put("gaps", gaps);
            statistics.put("resyncs", resyncs);
            statistics.put("crossedBooks", crossed);
            statistics.put("bufferOverflows", overflows);
            statistics.put("dropped", dropped);
            statistics.put("reconnects", reconnects);
            statistics.put("stalePeriods", stalePeriods);
            statistics.put("endOfStream", ended);
            root.put("feedStatistics", statistics);
        }
        if (0 != undecodable)
        {
            root.put("undecodable", undecodable);
        }
        return root;
    }

    private void onTrade(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        trade.wrap(buffer, offset, blockLength, version);
        count(TradeKind.AGG_TRADE == trade.kind() ? "aggTrade" : "trade");
        final InstrumentState state = state(trade.instrumentId());
        state.hasTrade = true;
        state.lastTradePrice = trade.price();
        state.lastTradeExponent = trade.priceExponent();
    }

    private void onBestBidOffer(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        bestBidOffer.wrap(buffer, offset, blockLength, version);
        count("bookTicker");
        final InstrumentState state = state(bestBidOffer.instrumentId());
        state.hasQuote = true;
        state.quoteBid = bestBidOffer.bidPrice();
        state.quoteAsk = bestBidOffer.askPrice();
        state.quoteExponent = bestBidOffer.priceExponent();
        state.quoteUpdateId = bestBidOffer.updateId();
    }

    private void onBookLevels(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        bookLevels.wrap(buffer, offset, blockLength, version);
        count("bookLevels");
        final InstrumentState state = state(bookLevels.instrumentId());
        state.hasBook = true;
        state.bookUpdateId = bookLevels.lastUpdateId();
        state.bookExponent = bookLevels.priceExponent();
        final BookLevelsDecoder.BidsDecoder bids = bookLevels.bids();
        state.bookHasBid = bids.count() > 0;
        if (state.bookHasBid)
        {
            state.bookBid = bids.next().price();
        }
        while (bids.hasNext())
        {
            bids.next();
        }
        final BookLevelsDecoder.AsksDecoder asks = bookLevels.asks();
        state.bookHasAsk = asks.count() > 0;
        if (state.bookHasAsk)
        {
            state.bookAsk = asks.next().price();
        }
    }

    private void onFeedStatus(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        feedStatus.wrap(buffer, offset, blockLength, version);
        count("feedStatus");
        final InstrumentState state =
            instruments.computeIfAbsent(feedStatus.instrumentId(), (id) -> new InstrumentState());
        state.resyncCount = Math.max(state.resyncCount, feedStatus.resyncCount());
        final FeedStatusReason reason = feedStatus.reason();
        if (FeedStatusReason.SEQUENCE_GAP == reason)
        {
            gapStatuses++;
        }
        else if (FeedStatusReason.CROSSED_BOOK == reason)
        {
            crossedStatuses++;
        }
    }

    private void onFeedStatistics(
        final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        feedStatistics.wrap(buffer, offset, blockLength, version);
        count("feedStatistics");
        final SourceTotals totals = sources.computeIfAbsent(feedStatistics.sourceId(), (id) -> new SourceTotals());
        totals.framesReceived = feedStatistics.framesReceived();
        totals.messagesPublished = feedStatistics.messagesPublished();
        totals.decodeErrors = feedStatistics.decodeErrors();
        totals.unsupportedMessages = feedStatistics.unsupportedMessages();
        totals.gaps = feedStatistics.gaps();
        totals.resyncs = feedStatistics.resyncs();
        totals.crossedBooks = feedStatistics.crossedBooks();
        totals.bufferOverflows = feedStatistics.bufferOverflows();
        totals.dropped = feedStatistics.dropped();
        totals.reconnects = Math.max(0, feedStatistics.reconnects());
        totals.stalePeriods = Math.max(0, feedStatistics.stalePeriods());
        totals.endOfStream = BooleanType.TRUE == feedStatistics.endOfStream();
    }

    private InstrumentState state(final int instrumentId)
    {
        InstrumentState state = instruments.get(instrumentId);
        if (null == state)
        {
            state = new InstrumentState();
            instruments.put(instrumentId, state);
        }
        state.hasData = true;
        return state;
    }

    private void count(final String type)
    {
        counts.merge(type, 1L, Long::sum);
    }

    private static final class InstrumentState
    {
        boolean hasData;
        boolean hasBook;
        boolean bookHasBid;
        boolean bookHasAsk;
        long bookBid;
        long bookAsk;
        int bookExponent;
        long bookUpdateId;
        boolean hasQuote;
        long quoteBid;
        long quoteAsk;
        int quoteExponent;
        long quoteUpdateId;
        boolean hasTrade;
        long lastTradePrice;
        int lastTradeExponent;
        int resyncCount;

        InstrumentSummary summary()
        {
            final String trade = hasTrade ? FixedPoint.toPlainString(lastTradePrice, lastTradeExponent) : null;
            if (hasBook)
            {
                return new InstrumentSummary(
                    bookHasBid ? FixedPoint.toPlainString(bookBid, bookExponent) : null,
                    bookHasAsk ? FixedPoint.toPlainString(bookAsk, bookExponent) : null,
                    trade, bookUpdateId, true);
            }
            if (hasQuote)
            {
                return new InstrumentSummary(
                    FixedPoint.toPlainString(quoteBid, quoteExponent),
                    FixedPoint.toPlainString(quoteAsk, quoteExponent),
                    trade, BestBidOfferDecoder.updateIdNullValue() == quoteUpdateId ? null : quoteUpdateId, false);
            }
            return new InstrumentSummary(null, null, trade, null, false);
        }
    }

    private static final class SourceTotals
    {
        long framesReceived;
        long messagesPublished;
        long decodeErrors;
        long unsupportedMessages;
        long gaps;
        long resyncs;
        long crossedBooks;
        long bufferOverflows;
        long dropped;
        long reconnects;
        long stalePeriods;
        boolean endOfStream;
    }
}
