/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.hellmoon.codecs.AsciiSymbolIndex;
import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.json.JsonCursor;
import io.hellmoon.feed.json.JsonFieldTable;
import io.hellmoon.feed.synthetic.SyntheticMarket;
import io.hellmoon.sbe.Venue;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@link SyntheticMarket} re-rendered as MEXC futures ({@code contract.mexc.com/edge}) pushes, numbers not
 * strings, as in the real messages of {@code mexc.jsonl}:
 * <ul>
 *     <li>{@code push.deal}: {@code {"channel":"push.deal","data":{"M":2,"O":3,"T":1|2,"p":price,"t":ms,"v":vol},
 *     "symbol":"SYN0001_USDT","ts":ms}} for each trade ({@code T} 1 when the taker bought);</li>
 *     <li>{@code push.depth}: {@code {"channel":"push.depth","data":{"asks":[[price,vol,orders]],"bids":[...],
 *     "version":V},"symbol":...,"ts":ms}} for each diff, versions contiguous per symbol (each diff is the next
 *     version), order count 1 per level and 0 for a removed one;</li>
 *     <li>{@code push.ticker}: once a second per subscribed symbol, last price, best bid and ask, fair (mark) and
 *     index price, funding rate and statistics since the simulator started ({@code volume24}, {@code amount24},
 *     {@code high24Price}, {@code lower24Price}, {@code riseFallRate} against the first trade);</li>
 *     <li>{@code push.kline}: interval {@code Min1} from the market's 1m klines, {@code t} in seconds, {@code q} in
 *     contracts, {@code a} in quote currency.</li>
 * </ul>
 * Volumes are in contracts of one lot ({@code contractSize} = the synthetic instrument's step size), as MEXC counts
 * them. The symbol of {@code SYN0001USDT} is {@code SYN0001_USDT}. REST depth
 * ({@code /api/v1/contract/depth/{symbol}}) is the book the pushes built, with the version of the last push applied,
 * so a client following MEXC's procedure (snapshot, then versions {@code > version}, each {@code previous + 1})
 * syncs; the drop-diff fault loses a push (the version jumps) but the book keeps it. Contract details
 * ({@code /api/v1/contract/detail}) describe the universe. Market thread only.
 */
final class MexcSyntheticSource implements MarketSource, VenueFrameHandler
{
    private static final long TICKER_INTERVAL_NS = 1_000_000_000L;
    private static final long VERSION_BASE = 1_000_000L;
    private static final long[] POWERS_OF_TEN = { 1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L };

    private static final int E = 0;
    private static final int T_TIME = 1;
    private static final int P = 2;
    private static final int Q = 3;
    private static final int M = 4;
    private static final int B = 5;
    private static final int A = 6;
    private static final int I = 7;
    private static final int R = 8;
    private static final int K = 9;

    private static final int K_T = 0;
    private static final int K_O = 1;
    private static final int K_C = 2;
    private static final int K_H = 3;
    private static final int K_L = 4;
    private static final int K_V = 5;
    private static final int K_Q = 6;

    private final SyntheticMarket.Context template;
    private final Dispatcher dispatcher;
    private final SimCounters counters;
    private final int batchLimit;
    private final int count;
    private final List<String> symbols;
    private final Map<String, Integer> indexBySymbol = new HashMap<>();
    private final String contractDetailJson;
    private final List<String> description = new ArrayList<>();
    private final AsciiSymbolIndex streamIndex;
    private final byte[][] mexcSymbols;
    private final Topic[] dealTopics;
    private final Topic[] depthTopics;
    private final Topic[] tickerTopics;
    private final Topic[] klineTopics;
    private final MirrorBook[] books;
    private final long[] versions;
    private final int[] priceDecimals;
    private final int[] sizeDecimals;

    private final long[] bidDigits;
    private final byte[] bidScales;
    private final long[] askDigits;
    private final byte[] askScales;
    private final long[] lastDigits;
    private final byte[] lastScales;
    private final long[] openDigits;
    private final long[] highDigits;
    private final long[] lowDigits;
    private final long[] fairDigits;
    private final byte[] fairScales;
    private final long[] indexDigits;
    private final byte[] indexScales;
    private final long[] fundingDigits;
    private final byte[] fundingScales;
    private final boolean[] fundingNegative;
    private final long[] volumes;
    private final double[] amounts;

    private final CaptureBytes envelope = new CaptureBytes();
    private final DepthMessage depth = new DepthMessage();
    private final JsonCursor cursor = new JsonCursor(8);
    private final JsonFieldTable fields = new JsonFieldTable("E", "T", "p", "q", "m", "b", "a", "i", "r", "k");
    private final JsonFieldTable klineFields = new JsonFieldTable("t", "o", "c", "h", "l", "v", "q");
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(4096);
    private final DepthRenderer renderer = new DepthRenderer();
    private SyntheticMarket market;
    private long nextTickerNs;
    private long parsedDigits;
    private int parsedScale;
    private boolean parsedNegative;

    MexcSyntheticSource(
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
        this.counters = counters;
        this.batchLimit = batchLimit;
        market = newMarket(startTimeNs);
        count = market.instrumentCount();

        streamIndex = new AsciiSymbolIndex(count);
        mexcSymbols = new byte[count][];
        dealTopics = new Topic[count];
        depthTopics = new Topic[count];
        tickerTopics = new Topic[count];
        klineTopics = new Topic[count];
        books = new MirrorBook[count];
        versions = new long[count];
        priceDecimals = new int[count];
        sizeDecimals = new int[count];
        bidDigits = new long[count];
        bidScales = new byte[count];
        askDigits = new long[count];
        askScales = new byte[count];
        lastDigits = new long[count];
        lastScales = new byte[count];
        openDigits = new long[count];
        highDigits = new long[count];
        lowDigits = new long[count];
        fairDigits = new long[count];
        fairScales = new byte[count];
        indexDigits = new long[count];
        indexScales = new byte[count];
        fundingDigits = new long[count];
        fundingScales = new byte[count];
        fundingNegative = new boolean[count];
        volumes = new long[count];
        amounts = new double[count];

        final List<String> names = new ArrayList<>(count);
        final String quote = template.quoteAsset();
        for (int i = 0; i < count; i++)
        {
            final String symbol = market.symbol(i);
            final String mexc = symbol.substring(0, symbol.length() - quote.length()) + "_" + quote;
            names.add(mexc);
            indexBySymbol.put(mexc, i);
            streamIndex.put(0, symbol, i + 1);
            mexcSymbols[i] = CaptureBytes.ascii(mexc);
            dealTopics[i] = topics.topic(MexcStreamHandler.topicName("deal", mexc));
            depthTopics[i] = topics.topic(MexcStreamHandler.topicName("depth", mexc));
            tickerTopics[i] = topics.topic(MexcStreamHandler.topicName("ticker", mexc));
            klineTopics[i] = topics.topic(MexcStreamHandler.topicName("kline", mexc));
            books[i] = new MirrorBook();
            versions[i] = VERSION_BASE * (i + 1);
            // Prices are printed with the tick's decimals and sizes with the lot's, so one contract is one lot.
            final Instrument instrument = market.context().registry().get(market.instrumentId(i));
            priceDecimals[i] = decimalsOf(instrument.tickSize());
            sizeDecimals[i] = decimalsOf(instrument.stepSize());
        }
        symbols = List.copyOf(names);
        seedBooks();
        contractDetailJson = contractDetail();
        description.add("synthetic market as MEXC futures: " + count + " contracts (" + symbols.get(0) + " .. " +
            symbols.get(count - 1) + "), seed " + template.seed() + ", " + Math.round(template.messageRate()) +
            " frames/s before re-rendering");
    }

    private SyntheticMarket newMarket(final long startTimeNs)
    {
        return new SyntheticMarket(new SyntheticMarket.Context()
            .instrumentCount(template.instrumentCount())
            .seed(template.seed())
            .messageRate(template.messageRate())
            .symbolPrefix(template.symbolPrefix())
            .quoteAsset(template.quoteAsset())
            .venue(Venue.MEXC_FUTURES)
            .startTimeNs(startTimeNs - startTimeNs % 1_000_000L)
            .bookDepthLevels(template.bookDepthLevels())
            .depthIntervalMs(template.depthIntervalMs())
            .markPriceIntervalMs(template.markPriceIntervalMs())
            .klineUpdateIntervalMs(template.klineUpdateIntervalMs())
            .anomalyRatePerInstrumentHour(template.anomalyRatePerInstrumentHour())
            .liquidationRatePerInstrumentHour(template.liquidationRatePerInstrumentHour())
            .registry(new InstrumentRegistry(template.instrumentCount())), this);
    }

    /**
     * {@inheritDoc}
     */
    public void start(final long nowNs)
    {
        if (nowNs - market.currentTimeNs() > 1_000_000_000L)
        {
            market = newMarket(nowNs);
            seedBooks();
        }
        nextTickerNs = nowNs + TICKER_INTERVAL_NS;
    }

    /**
     * Start every book from the market's initial book, which its first diffs are relative to; a new book is a new
     * version.
     */
    private void seedBooks()
    {
        final int depthLevels = template.bookDepthLevels();
        final long[] prices = new long[depthLevels];
        final long[] sizes = new long[depthLevels];
        for (int i = 0; i < count; i++)
        {
            final MirrorBook book = books[i];
            book.clear();
            final long priceFactor = POWERS_OF_TEN[MirrorBook.KEY_SCALE - priceDecimals[i]];
            final long sizeFactor = POWERS_OF_TEN[MirrorBook.KEY_SCALE - sizeDecimals[i]];
            for (int side = 0; side < 2; side++)
            {
                final boolean bid = 0 == side;
                final int levels = market.bookSide(market.instrumentId(i), bid, prices, sizes);
                for (int k = 0; k < levels; k++)
                {
                    book.set(bid, prices[k] / priceFactor, priceDecimals[i], sizes[k] / sizeFactor, sizeDecimals[i]);
                }
            }
            book.version(++versions[i]);
        }
    }

    /**
     * {@inheritDoc}
     */
    public int doWork(final long nowNs)
    {
        int work = market.generate(nowNs, batchLimit);
        if (nowNs - nextTickerNs >= 0)
        {
            nextTickerNs += TICKER_INTERVAL_NS;
            if (nowNs - nextTickerNs >= 0)
            {
                nextTickerNs = nowNs + TICKER_INTERVAL_NS;
            }
            for (int i = 0; i < count; i++)
            {
                if (tickerTopics[i].sessions().length > 0 && 0 != lastDigits[i])
                {
                    ticker(i, nowNs / 1_000_000L);
                    work++;
                }
            }
        }
        return work;
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
     * The contract details ({@code /api/v1/contract/detail}).
     *
     * @return the JSON.
     */
    public String exchangeInfoJson()
    {
        return contractDetailJson;
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
        final Integer index = indexBySymbol.get(request.symbol().toUpperCase(Locale.ROOT));
        if (null == index)
        {
            request.complete(200, RestReplies.mexcError(1001, "Contract does not exist"));
            return;
        }
        counters.snapshotsServed.increment();
        request.complete(200, renderer.mexc(books[index], versions[index], nowNs / 1_000_000L, request.limit()));
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        counters.sourceFrames.increment();
        if (!envelope.wrapEnvelope(buffer, offset, length) || envelope.symbolLength() == envelope.streamLength())
        {
            counters.unroutableFrames.increment();
            return;
        }
        final int slot = streamIndex.get(0, buffer, envelope.streamOffset(), envelope.symbolLength());
        if (AsciiSymbolIndex.MISSING == slot)
        {
            counters.unroutableFrames.increment();
            return;
        }
        final int i = slot - 1;
        final byte type = buffer.getByte(envelope.streamOffset() + envelope.symbolLength() + 1);
        if (envelope.isDepthDiff(buffer))
        {
            onDepth(i, buffer);
            return;
        }
        if (!readFields(buffer, envelope.dataOffset(), envelope.dataLength()))
        {
            counters.unroutableFrames.increment();
            return;
        }
        switch (type)
        {
            case 't' -> onTrade(i, buffer);
            case 'b' -> onBookTicker(i, buffer);
            case 'm' -> onMarkPrice(i, buffer);
            case 'k' -> onKline(i, buffer);
            default ->
            {
                // forceOrder: MEXC futures has no public liquidation channel.
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onDepthSnapshot(
        final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
    }

    private void onDepth(final int i, final DirectBuffer buffer)
    {
        if (!depth.readDiff(buffer, envelope.dataOffset(), envelope.dataLength()))
        {
            counters.unroutableFrames.increment();
            return;
        }
        depth.applyTo(books[i]);
        final long version = ++versions[i];
        books[i].version(version);
        if (dispatcher.dropDiff() || 0 == depthTopics[i].sessions().length)
        {
            return;
        }

        int p = 0;
        p += out.putStringWithoutLengthAscii(p, "{\"channel\":\"push.depth\",\"data\":{\"asks\":[");
        p = levels(p, depth.asks());
        p += out.putStringWithoutLengthAscii(p, "],\"bids\":[");
        p = levels(p, depth.bids());
        p += out.putStringWithoutLengthAscii(p, "],\"version\":");
        p += out.putLongAscii(p, version);
        p = close(p, i, depth.eventTimeMs());
        dispatcher.dispatch(depthTopics[i], out, 0, p, 0, -1);
    }

    private int levels(final int start, final DepthMessage.Levels levels)
    {
        int p = start;
        for (int k = 0; k < levels.count(); k++)
        {
            if (k > 0)
            {
                out.putByte(p++, (byte)',');
            }
            out.putByte(p++, (byte)'[');
            p += MirrorBook.putShortDecimal(out, p, levels.priceDigits(k), levels.priceScale(k));
            out.putByte(p++, (byte)',');
            p += out.putLongAscii(p, levels.qtyDigits(k));
            p += out.putStringWithoutLengthAscii(p, 0 == levels.qtyDigits(k) ? ",0]" : ",1]");
        }
        return p;
    }

    private void onTrade(final int i, final DirectBuffer buffer)
    {
        if (!decimal(buffer, P))
        {
            return;
        }
        final long price = parsedDigits;
        final int priceScale = parsedScale;
        if (!decimal(buffer, Q))
        {
            return;
        }
        final long contracts = parsedDigits;
        volumes[i] += contracts;
        amounts[i] += price / Math.pow(10, priceScale) * contracts / Math.pow(10, parsedScale);
        if (0 == lastDigits[i])
        {
            openDigits[i] = price;
            highDigits[i] = price;
            lowDigits[i] = price;
        }
        lastDigits[i] = price;
        lastScales[i] = (byte)priceScale;
        highDigits[i] = Math.max(highDigits[i], price);
        lowDigits[i] = Math.min(lowDigits[i], price);
        if (0 == dealTopics[i].sessions().length)
        {
            return;
        }

        final boolean buyerIsMaker = fields.has(M) && JsonCursor.TRUE == fields.type(M);
        int p = 0;
        p += out.putStringWithoutLengthAscii(p, "{\"channel\":\"push.deal\",\"data\":{\"M\":2,\"O\":3,\"T\":");
        out.putByte(p++, (byte)(buyerIsMaker ? '2' : '1'));
        p += out.putStringWithoutLengthAscii(p, ",\"p\":");
        p += MirrorBook.putShortDecimal(out, p, price, priceScale);
        p += out.putStringWithoutLengthAscii(p, ",\"t\":");
        p += out.putLongAscii(p, longField(buffer, T_TIME));
        p += out.putStringWithoutLengthAscii(p, ",\"v\":");
        p += out.putLongAscii(p, contracts);
        p = close(p, i, longField(buffer, E));
        dispatcher.dispatch(dealTopics[i], out, 0, p, 0, -1);
    }

    private void onBookTicker(final int i, final DirectBuffer buffer)
    {
        if (decimal(buffer, B))
        {
            bidDigits[i] = parsedDigits;
            bidScales[i] = (byte)parsedScale;
        }
        if (decimal(buffer, A))
        {
            askDigits[i] = parsedDigits;
            askScales[i] = (byte)parsedScale;
        }
    }

    private void onMarkPrice(final int i, final DirectBuffer buffer)
    {
        if (decimal(buffer, P))
        {
            fairDigits[i] = parsedDigits;
            fairScales[i] = (byte)parsedScale;
        }
        if (decimal(buffer, I))
        {
            indexDigits[i] = parsedDigits;
            indexScales[i] = (byte)parsedScale;
        }
        if (decimal(buffer, R))
        {
            fundingDigits[i] = parsedDigits;
            fundingScales[i] = (byte)parsedScale;
            fundingNegative[i] = parsedNegative;
        }
    }

    private void onKline(final int i, final DirectBuffer buffer)
    {
        if (0 == klineTopics[i].sessions().length || !fields.has(K) || JsonCursor.BEGIN_OBJECT != fields.type(K))
        {
            return;
        }
        if (!readKline(buffer, fields.start(K)))
        {
            counters.unroutableFrames.increment();
            return;
        }
        int p = 0;
        p += out.putStringWithoutLengthAscii(p, "{\"channel\":\"push.kline\",\"data\":{\"a\":");
        p = klineNumber(p, buffer, K_Q, false);
        p += out.putStringWithoutLengthAscii(p, ",\"c\":");
        p = klineNumber(p, buffer, K_C, false);
        p += out.putStringWithoutLengthAscii(p, ",\"h\":");
        p = klineNumber(p, buffer, K_H, false);
        p += out.putStringWithoutLengthAscii(p, ",\"interval\":\"Min1\",\"l\":");
        p = klineNumber(p, buffer, K_L, false);
        p += out.putStringWithoutLengthAscii(p, ",\"o\":");
        p = klineNumber(p, buffer, K_O, false);
        p += out.putStringWithoutLengthAscii(p, ",\"q\":");
        p = klineNumber(p, buffer, K_V, true);
        p += out.putStringWithoutLengthAscii(p, ",\"rc\":");
        p = klineNumber(p, buffer, K_C, false);
        p += out.putStringWithoutLengthAscii(p, ",\"rh\":");
        p = klineNumber(p, buffer, K_H, false);
        p += out.putStringWithoutLengthAscii(p, ",\"rl\":");
        p = klineNumber(p, buffer, K_L, false);
        p += out.putStringWithoutLengthAscii(p, ",\"ro\":");
        p = klineNumber(p, buffer, K_O, false);
        p += out.putStringWithoutLengthAscii(p, ",\"symbol\":\"");
        out.putBytes(p, mexcSymbols[i]);
        p += mexcSymbols[i].length;
        p += out.putStringWithoutLengthAscii(p, "\",\"t\":");
        p += out.putLongAscii(p, klineLongField(buffer, K_T) / 1000L);
        p = close(p, i, longField(buffer, E));
        dispatcher.dispatch(klineTopics[i], out, 0, p, 0, -1);
    }

    private int klineNumber(final int start, final DirectBuffer buffer, final int slot, final boolean contracts)
    {
        int p = start;
        if (!klineFields.has(slot) || !parseDecimal(buffer, klineFields.offset(slot), klineFields.length(slot)))
        {
            out.putByte(p++, (byte)'0');
            return p;
        }
        if (contracts)
        {
            return p + out.putLongAscii(p, parsedDigits);
        }
        return p + MirrorBook.putShortDecimal(out, p, parsedDigits, parsedScale);
    }

    private void ticker(final int i, final long nowMs)
    {
        int p = 0;
        p += out.putStringWithoutLengthAscii(p, "{\"channel\":\"push.ticker\",\"data\":{\"amount24\":");
        p = fixed4(p, amounts[i]);
        p += out.putStringWithoutLengthAscii(p, ",\"ask1\":");
        p = number(p, askDigits[i], askScales[i], false);
        p += out.putStringWithoutLengthAscii(p, ",\"bid1\":");
        p = number(p, bidDigits[i], bidScales[i], false);
        p += out.putStringWithoutLengthAscii(p, ",\"contractId\":");
        p += out.putLongAscii(p, i + 1);
        p += out.putStringWithoutLengthAscii(p, ",\"fairPrice\":");
        p = number(p, fairDigits[i], fairScales[i], false);
        p += out.putStringWithoutLengthAscii(p, ",\"fundingRate\":");
        p = number(p, fundingDigits[i], fundingScales[i], fundingNegative[i]);
        p += out.putStringWithoutLengthAscii(p, ",\"high24Price\":");
        p = number(p, highDigits[i], lastScales[i], false);
        p += out.putStringWithoutLengthAscii(p, ",\"holdVol\":0,\"indexPrice\":");
        p = number(p, indexDigits[i], indexScales[i], false);
        p += out.putStringWithoutLengthAscii(p, ",\"lastPrice\":");
        p = number(p, lastDigits[i], lastScales[i], false);
        p += out.putStringWithoutLengthAscii(p, ",\"lower24Price\":");
        p = number(p, lowDigits[i], lastScales[i], false);
        p += out.putStringWithoutLengthAscii(p, ",\"maxBidPrice\":");
        p = number(p, fairDigits[i] + fairDigits[i] / 10, fairScales[i], false);
        p += out.putStringWithoutLengthAscii(p, ",\"minAskPrice\":");
        p = number(p, fairDigits[i] - fairDigits[i] / 10, fairScales[i], false);
        p += out.putStringWithoutLengthAscii(p, ",\"riseFallRate\":");
        final long change = lastDigits[i] - openDigits[i];
        p = fixed4(p, 0 == openDigits[i] ? 0.0 : (double)change / openDigits[i]);
        p += out.putStringWithoutLengthAscii(p, ",\"riseFallValue\":");
        p = number(p, Math.abs(change), lastScales[i], change < 0);
        p += out.putStringWithoutLengthAscii(p, ",\"symbol\":\"");
        out.putBytes(p, mexcSymbols[i]);
        p += mexcSymbols[i].length;
        p += out.putStringWithoutLengthAscii(p, "\",\"timestamp\":");
        p += out.putLongAscii(p, nowMs);
        p += out.putStringWithoutLengthAscii(p, ",\"volume24\":");
        p += out.putLongAscii(p, volumes[i]);
        p = close(p, i, nowMs);
        dispatcher.dispatch(tickerTopics[i], out, 0, p, 0, -1);
    }

    private int number(final int start, final long digits, final int scale, final boolean negative)
    {
        int p = start;
        if (negative && 0 != digits)
        {
            out.putByte(p++, (byte)'-');
        }
        return p + MirrorBook.putShortDecimal(out, p, digits, scale);
    }

    private int fixed4(final int start, final double value)
    {
        final long scaled = Math.round(Math.abs(value) * 10_000.0);
        return number(start, scaled, 4, value < 0);
    }

    /**
     * Close a push: {@code },"symbol":"...","ts":ms}}.
     */
    private int close(final int start, final int i, final long tsMs)
    {
        int p = start;
        p += out.putStringWithoutLengthAscii(p, "},\"symbol\":\"");
        out.putBytes(p, mexcSymbols[i]);
        p += mexcSymbols[i].length;
        p += out.putStringWithoutLengthAscii(p, "\",\"ts\":");
        p += out.putLongAscii(p, tsMs);
        out.putByte(p++, (byte)'}');
        return p;
    }

    private boolean readFields(final DirectBuffer buffer, final int offset, final int length)
    {
        final JsonCursor cursor = this.cursor.wrap(buffer, offset, length);
        if (JsonCursor.BEGIN_OBJECT != cursor.next())
        {
            return false;
        }
        fields.reset(offset);
        int token;
        while (JsonCursor.FIELD_NAME == (token = cursor.next()))
        {
            final int slot = fields.slotOf(buffer, cursor.tokenOffset(), cursor.tokenLength());
            final int value = cursor.next();
            if (JsonFieldTable.NO_SLOT != slot)
            {
                fields.put(slot, cursor);
            }
            if (JsonCursor.BEGIN_OBJECT == value || JsonCursor.BEGIN_ARRAY == value)
            {
                if (JsonCursor.ERROR == cursor.skipValue())
                {
                    return false;
                }
            }
            else if (JsonCursor.ERROR == value)
            {
                return false;
            }
        }
        return JsonCursor.END_OBJECT == token;
    }

    private boolean readKline(final DirectBuffer buffer, final int objectStart)
    {
        int end = objectStart;
        int depthLevel = 0;
        do
        {
            final byte b = buffer.getByte(end++);
            if ('{' == b)
            {
                depthLevel++;
            }
            else if ('}' == b)
            {
                depthLevel--;
            }
        }
        while (depthLevel > 0 && end < buffer.capacity());
        final JsonCursor cursor = this.cursor.wrap(buffer, objectStart, end - objectStart);
        if (JsonCursor.BEGIN_OBJECT != cursor.next())
        {
            return false;
        }
        klineFields.reset(objectStart);
        int token;
        while (JsonCursor.FIELD_NAME == (token = cursor.next()))
        {
            final int slot = klineFields.slotOf(buffer, cursor.tokenOffset(), cursor.tokenLength());
            final int value = cursor.next();
            if (JsonFieldTable.NO_SLOT != slot)
            {
                klineFields.put(slot, cursor);
            }
            if ((JsonCursor.BEGIN_OBJECT == value || JsonCursor.BEGIN_ARRAY == value) &&
                JsonCursor.ERROR == cursor.skipValue() || JsonCursor.ERROR == value)
            {
                return false;
            }
        }
        return JsonCursor.END_OBJECT == token;
    }

    private boolean decimal(final DirectBuffer buffer, final int slot)
    {
        return fields.has(slot) && parseDecimal(buffer, fields.offset(slot), fields.length(slot));
    }

    private long longField(final DirectBuffer buffer, final int slot)
    {
        return fields.has(slot) && JsonCursor.NUMBER == fields.type(slot) &&
            parseDecimal(buffer, fields.offset(slot), fields.length(slot)) ? parsedDigits : 0;
    }

    private long klineLongField(final DirectBuffer buffer, final int slot)
    {
        return klineFields.has(slot) && parseDecimal(buffer, klineFields.offset(slot), klineFields.length(slot)) ?
            parsedDigits : 0;
    }

    /**
     * Parse {@code -?[0-9]+(\.[0-9]+)?}, at most 18 digits, into the {@code parsed*} fields.
     */
    private boolean parseDecimal(final DirectBuffer buffer, final int offset, final int length)
    {
        long digits = 0;
        int count = 0;
        int scale = 0;
        boolean point = false;
        boolean negative = false;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if ('-' == b && i == offset)
            {
                negative = true;
            }
            else if ('.' == b && !point && count > 0)
            {
                point = true;
            }
            else if (b >= '0' && b <= '9' && ++count <= 18)
            {
                digits = digits * 10 + (b - '0');
                scale += point ? 1 : 0;
            }
            else
            {
                return false;
            }
        }
        if (0 == count)
        {
            return false;
        }
        parsedDigits = digits;
        parsedScale = scale;
        parsedNegative = negative;
        return true;
    }

    private String contractDetail()
    {
        final StringBuilder json = new StringBuilder(256 + count * 600);
        json.append("{\"success\":true,\"code\":0,\"data\":[");
        for (int i = 0; i < count; i++)
        {
            final String symbol = symbols.get(i);
            final String base = symbol.substring(0, symbol.indexOf('_'));
            final String quote = symbol.substring(symbol.indexOf('_') + 1);
            if (i > 0)
            {
                json.append(',');
            }
            json.append("{\"symbol\":\"").append(symbol).append("\",\"displayName\":\"").append(symbol)
                .append(" PERPETUAL\",\"displayNameEn\":\"").append(symbol).append(" SWAP\",\"positionOpenType\":3,")
                .append("\"baseCoin\":\"").append(base).append("\",\"quoteCoin\":\"").append(quote)
                .append("\",\"settleCoin\":\"").append(quote).append("\",\"contractSize\":")
                .append(unit(sizeDecimals[i])).append(",\"minLeverage\":1,\"maxLeverage\":125,\"priceScale\":")
                .append(priceDecimals[i]).append(",\"volScale\":0,\"amountScale\":4,\"priceUnit\":")
                .append(unit(priceDecimals[i])).append(",\"volUnit\":1,\"minVol\":1,\"maxVol\":10000000,")
                .append("\"state\":0,\"isNew\":false,\"isHot\":false,\"isHidden\":false,\"apiAllowed\":true}");
        }
        json.append("]}");
        return json.toString();
    }

    /**
     * Decimals of an increment given as a mantissa at 10^-8.
     */
    private static int decimalsOf(final long mantissaAtMinus8)
    {
        int decimals = 8;
        long value = mantissaAtMinus8;
        while (decimals > 0 && 0 == value % 10)
        {
            value /= 10;
            decimals--;
        }
        return decimals;
    }

    private static String unit(final int decimals)
    {
        return 0 == decimals ? "1" : "0." + "0".repeat(decimals - 1) + "1";
    }
}
