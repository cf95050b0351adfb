/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.feed.VenueFrameHandler;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A test client of the synthetic market: parses every frame with Jackson, checks it against Binance USD-M's formats
 * (envelope, field names and order, value types, decimals, tick and lot grids), rebuilds each instrument's book from
 * snapshots and diffs by Binance's futures procedure, and keeps per-instrument series for the quality tests.
 * Independent of the generator's code on purpose: it only knows the wire format and the registry.
 */
final class UsdmTape implements VenueFrameHandler
{
    static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> TRADE_FIELDS = List.of("e", "E", "T", "s", "t", "p", "q", "X", "m");
    private static final List<String> BOOK_TICKER_FIELDS = List.of("e", "u", "s", "b", "B", "a", "A", "T", "E");
    private static final List<String> DEPTH_FIELDS = List.of("e", "E", "T", "s", "U", "u", "pu", "b", "a");
    private static final List<String> KLINE_FIELDS = List.of("e", "E", "s", "k");
    private static final List<String> KLINE_K_FIELDS =
        List.of("t", "T", "s", "i", "f", "L", "o", "c", "h", "l", "v", "n", "x", "q", "V", "Q", "B");
    private static final List<String> FORCE_ORDER_FIELDS = List.of("e", "E", "o");
    private static final List<String> FORCE_ORDER_O_FIELDS =
        List.of("s", "S", "o", "f", "q", "p", "ap", "X", "l", "z", "T");
    private static final List<String> MARK_PRICE_FIELDS = List.of("e", "E", "s", "p", "i", "P", "r", "T");
    private static final List<String> SNAPSHOT_FIELDS = List.of("lastUpdateId", "E", "T", "bids", "asks");

    private final InstrumentRegistry registry;
    private final Map<String, Symbol> bySymbol = new HashMap<>();
    private final Map<Integer, Symbol> byId = new HashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final int imbalanceLevels;
    private byte[] scratch = new byte[4096];
    private int errorCount;
    private long frames;
    private long lastReceiveTimeNs;
    private final Map<String, Long> framesByStream = new TreeMap<>();

    UsdmTape(final InstrumentRegistry registry, final int imbalanceLevels)
    {
        this.registry = registry;
        this.imbalanceLevels = imbalanceLevels;
    }

    List<String> errors()
    {
        return errors;
    }

    int errorCount()
    {
        return errorCount;
    }

    long frames()
    {
        return frames;
    }

    Map<String, Long> framesByStream()
    {
        return framesByStream;
    }

    Symbol symbol(final String symbol)
    {
        return bySymbol.get(symbol);
    }

    java.util.Collection<Symbol> symbols()
    {
        return bySymbol.values();
    }

    private Symbol symbolById(final int instrumentId)
    {
        return byId.computeIfAbsent(instrumentId, id ->
        {
            final Instrument instrument = registry.get(id);
            return bySymbol.computeIfAbsent(instrument.symbol(), s -> new Symbol(instrument, imbalanceLevels));
        });
    }

    private Symbol symbolByName(final String name)
    {
        final Symbol known = bySymbol.get(name);
        if (null != known)
        {
            return known;
        }
        for (final Instrument instrument : registry.instruments())
        {
            if (instrument.symbol().equals(name))
            {
                return symbolById(instrument.id());
            }
        }
        return null;
    }

    void error(final String message)
    {
        errorCount++;
        if (errors.size() < 40)
        {
            errors.add(message);
        }
    }

    private JsonNode parse(final DirectBuffer buffer, final int offset, final int length)
    {
        if (scratch.length < length)
        {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        buffer.getBytes(offset, scratch, 0, length);
        try
        {
            return JSON.readTree(scratch, 0, length);
        }
        catch (final IOException ex)
        {
            error("invalid JSON: " + ex.getMessage() + ": " + new String(scratch, 0, length));
            return null;
        }
    }

    @Override
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        frames++;
        if (receiveTimeNs < lastReceiveTimeNs)
        {
            error("receive time went back: " + receiveTimeNs + " < " + lastReceiveTimeNs);
        }
        lastReceiveTimeNs = receiveTimeNs;

        final JsonNode root = parse(buffer, offset, length);
        if (null == root)
        {
            return;
        }
        if (!List.of("stream", "data").equals(names(root)))
        {
            error("envelope fields " + names(root));
            return;
        }
        final String stream = root.get("stream").asText();
        final JsonNode data = root.get("data");
        final int at = stream.indexOf('@');
        final String type = stream.substring(at + 1);
        framesByStream.merge(type, 1L, Long::sum);
        final String event = data.path("e").asText();
        final String symbolName = "kline".equals(event) || "markPriceUpdate".equals(event) || "trade".equals(event) ||
            "bookTicker".equals(event) || "depthUpdate".equals(event) ? data.path("s").asText() :
            data.path("o").path("s").asText();
        final Symbol symbol = symbolByName(symbolName);
        if (null == symbol)
        {
            error("unknown symbol " + symbolName + " in " + root);
            return;
        }
        if (!stream.substring(0, at).equals(symbolName.toLowerCase(Locale.ROOT)))
        {
            error("stream " + stream + " carries " + symbolName);
        }
        final long eventMs = data.path("E").asLong();
        if (Math.abs(receiveTimeNs / 1_000_000L - eventMs) > 1)
        {
            error("E " + eventMs + " is not the receive time " + receiveTimeNs);
        }

        switch (type)
        {
            case "trade" -> onTrade(symbol, data);
            case "bookTicker" -> onBookTicker(symbol, data);
            case "depth@100ms", "depth", "depth@500ms" -> onDepth(symbol, data);
            case "kline_1m" -> onKline(symbol, data);
            case "forceOrder" -> onForceOrder(symbol, data);
            case "markPrice", "markPrice@1s" -> onMarkPrice(symbol, data);
            default -> error("unexpected stream " + stream);
        }
    }

    @Override
    public void onDepthSnapshot(
        final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        final JsonNode root = parse(buffer, offset, length);
        if (null == root)
        {
            return;
        }
        final Symbol symbol = symbolById(instrumentId);
        expectFields(symbol, "snapshot", root, SNAPSHOT_FIELDS);
        final long lastUpdateId = root.get("lastUpdateId").asLong();
        final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
        final NavigableMap<Long, Long> asks = new TreeMap<>();
        readLevels(symbol, root.get("bids"), bids, false);
        readLevels(symbol, root.get("asks"), asks, false);
        if (!isSortedBestFirst(root.get("bids"), true) || !isSortedBestFirst(root.get("asks"), false))
        {
            error(symbol.name + " snapshot levels not best first");
        }
        if (bids.isEmpty() || asks.isEmpty() || bids.firstKey() >= asks.firstKey())
        {
            error(symbol.name + " snapshot empty or crossed: " + root);
        }
        symbol.book.onSnapshot(this, symbol, lastUpdateId, bids, asks);
        symbol.snapshots++;
    }

    private boolean isSortedBestFirst(final JsonNode levels, final boolean bids)
    {
        long previous = bids ? Long.MAX_VALUE : Long.MIN_VALUE;
        for (final JsonNode level : levels)
        {
            final long price = FixedPoint.parse(level.get(0).asText(), -8);
            if (bids ? price >= previous : price <= previous)
            {
                return false;
            }
            previous = price;
        }
        return true;
    }

    private void onTrade(final Symbol symbol, final JsonNode data)
    {
        expectFields(symbol, "trade", data, TRADE_FIELDS);
        expectInteger(symbol, data, "E", "T", "t");
        final String condition = data.get("X").asText();
        if (!"MARKET".equals(condition) && !"INSURANCE_FUND".equals(condition))
        {
            error(symbol.name + " trade X " + condition);
        }
        if (!data.get("m").isBoolean())
        {
            error(symbol.name + " trade m not boolean");
        }
        final long price = price(symbol, data.get("p"));
        final long quantity = quantity(symbol, data.get("q"));
        final long tradeId = data.get("t").asLong();
        if (symbol.lastTradeId >= 0 && tradeId != symbol.lastTradeId + 1)
        {
            error(symbol.name + " trade id " + tradeId + " after " + symbol.lastTradeId);
        }
        symbol.lastTradeId = tradeId;
        symbol.trades.add(data.get("T").asLong(), price, quantity, data.get("m").asBoolean() ? 1 : 0,
            "MARKET".equals(condition) ? 0 : 1);
    }

    private void onBookTicker(final Symbol symbol, final JsonNode data)
    {
        expectFields(symbol, "bookTicker", data, BOOK_TICKER_FIELDS);
        expectInteger(symbol, data, "u", "T", "E");
        final long u = data.get("u").asLong();
        final long bid = price(symbol, data.get("b"));
        final long bidQty = quantity(symbol, data.get("B"));
        final long ask = price(symbol, data.get("a"));
        final long askQty = quantity(symbol, data.get("A"));
        if (bid >= ask)
        {
            error(symbol.name + " crossed bookTicker " + data);
        }
        if (u <= symbol.lastTickerU)
        {
            error(symbol.name + " bookTicker u " + u + " not after " + symbol.lastTickerU);
        }
        symbol.lastTickerU = u;
        symbol.lastTicker = new long[] {bid, bidQty, ask, askQty};
        symbol.tickers.add(data.get("E").asLong(), bid, ask, bidQty, askQty);
    }

    private void onDepth(final Symbol symbol, final JsonNode data)
    {
        expectFields(symbol, "depthUpdate", data, DEPTH_FIELDS);
        expectInteger(symbol, data, "E", "T", "U", "u", "pu");
        final long firstId = data.get("U").asLong();
        final long lastId = data.get("u").asLong();
        final long previousId = data.get("pu").asLong();
        if (firstId > lastId || previousId >= firstId)
        {
            error(symbol.name + " ids U=" + firstId + " u=" + lastId + " pu=" + previousId);
        }
        if (symbol.lastDiffU >= 0 && previousId != symbol.lastDiffU)
        {
            error(symbol.name + " pu " + previousId + " != previous u " + symbol.lastDiffU);
        }
        symbol.lastDiffU = lastId;
        final NavigableMap<Long, Long> bids = new TreeMap<>();
        final NavigableMap<Long, Long> asks = new TreeMap<>();
        readLevels(symbol, data.get("b"), bids, true);
        readLevels(symbol, data.get("a"), asks, true);
        if (!isAscending(data.get("b")) || !isAscending(data.get("a")))
        {
            error(symbol.name + " diff levels not by ascending price");
        }
        symbol.depthUpdates++;
        symbol.book.onDiff(this, symbol, data.get("E").asLong(), firstId, lastId, previousId, bids, asks);
    }

    private static boolean isAscending(final JsonNode levels)
    {
        long previous = Long.MIN_VALUE;
        for (final JsonNode level : levels)
        {
            final long price = FixedPoint.parse(level.get(0).asText(), -8);
            if (price <= previous)
            {
                return false;
            }
            previous = price;
        }
        return true;
    }

    private void onKline(final Symbol symbol, final JsonNode data)
    {
        expectFields(symbol, "kline", data, KLINE_FIELDS);
        final JsonNode k = data.get("k");
        expectFields(symbol, "kline.k", k, KLINE_K_FIELDS);
        expectInteger(symbol, k, "t", "T", "f", "L", "n");
        if (!"1m".equals(k.get("i").asText()) || !k.get("x").isBoolean() || !symbol.name.equals(k.get("s").asText()))
        {
            error(symbol.name + " kline " + k);
        }
        final long open = price(symbol, k.get("o"));
        final long close = price(symbol, k.get("c"));
        final long high = price(symbol, k.get("h"));
        final long low = price(symbol, k.get("l"));
        final long volume = quantity(symbol, k.get("v"));
        quantity(symbol, k.get("V"));
        decimal(symbol, k.get("q"), 8);
        decimal(symbol, k.get("Q"), 8);
        if (high < Math.max(open, close) || low > Math.min(open, close))
        {
            error(symbol.name + " kline high/low " + k);
        }
        if (k.get("T").asLong() != k.get("t").asLong() + 59_999 || 0 != k.get("t").asLong() % 60_000)
        {
            error(symbol.name + " kline times " + k);
        }
        if (k.get("x").asBoolean())
        {
            symbol.closedBars.add(k.get("t").asLong(), open, high, low, close, volume, k.get("n").asLong());
        }
    }

    private void onForceOrder(final Symbol symbol, final JsonNode data)
    {
        expectFields(symbol, "forceOrder", data, FORCE_ORDER_FIELDS);
        final JsonNode o = data.get("o");
        expectFields(symbol, "forceOrder.o", o, FORCE_ORDER_O_FIELDS);
        expectInteger(symbol, o, "T");
        final String side = o.get("S").asText();
        if (!"SELL".equals(side) && !"BUY".equals(side) || !"LIMIT".equals(o.get("o").asText()) ||
            !"IOC".equals(o.get("f").asText()) || !"FILLED".equals(o.get("X").asText()))
        {
            error(symbol.name + " forceOrder " + o);
        }
        final long quantity = quantity(symbol, o.get("q"));
        final long price = decimal(symbol, o.get("p"), 8);
        final long average = decimal(symbol, o.get("ap"), 8);
        quantity(symbol, o.get("l"));
        if (quantity != quantity(symbol, o.get("z")))
        {
            error(symbol.name + " forceOrder z != q " + o);
        }
        if (0 != price % symbol.tickMantissa)
        {
            error(symbol.name + " forceOrder price off the tick grid " + o);
        }
        if ("SELL".equals(side) ? average < price : average > price)
        {
            error(symbol.name + " forceOrder average beyond its limit " + o);
        }
        symbol.forceOrders.add(o.get("T").asLong(), "SELL".equals(side) ? 1 : 0, quantity, average);
    }

    private void onMarkPrice(final Symbol symbol, final JsonNode data)
    {
        expectFields(symbol, "markPriceUpdate", data, MARK_PRICE_FIELDS);
        expectInteger(symbol, data, "E", "T");
        final long mark = decimal(symbol, data.get("p"), 8);
        final long index = decimal(symbol, data.get("i"), 8);
        decimal(symbol, data.get("P"), 8);
        final long funding = decimal(symbol, data.get("r"), 8);
        if (0 != data.get("T").asLong() % (8 * 3_600_000L) || data.get("T").asLong() <= data.get("E").asLong())
        {
            error(symbol.name + " next funding time " + data);
        }
        symbol.marks.add(data.get("E").asLong(), mark, index, funding);
    }

    private void readLevels(
        final Symbol symbol, final JsonNode levels, final NavigableMap<Long, Long> into, final boolean allowZero)
    {
        if (!levels.isArray())
        {
            error(symbol.name + " levels not an array");
            return;
        }
        for (final JsonNode level : levels)
        {
            if (!level.isArray() || 2 != level.size())
            {
                error(symbol.name + " level " + level);
                continue;
            }
            final long price = price(symbol, level.get(0));
            final long quantity = quantity(symbol, level.get(1));
            if (0 == quantity && !allowZero)
            {
                error(symbol.name + " zero level in snapshot");
            }
            if (null != into.put(price, quantity))
            {
                error(symbol.name + " duplicate level " + level);
            }
        }
    }

    private long price(final Symbol symbol, final JsonNode node)
    {
        final long mantissa = decimal(symbol, node, symbol.priceDecimals);
        if (0 != mantissa % symbol.tickMantissa || mantissa <= 0)
        {
            error(symbol.name + " price " + node + " off the tick grid " + symbol.tickMantissa);
        }
        return mantissa;
    }

    private long quantity(final Symbol symbol, final JsonNode node)
    {
        final long mantissa = decimal(symbol, node, symbol.sizeDecimals);
        if (0 != mantissa % symbol.stepMantissa || mantissa < 0)
        {
            error(symbol.name + " quantity " + node + " off the lot grid " + symbol.stepMantissa);
        }
        return mantissa;
    }

    /**
     * Parse a quoted decimal; {@code decimals} is the exact count required, or 8 for "at most 8".
     */
    private long decimal(final Symbol symbol, final JsonNode node, final int decimals)
    {
        if (null == node || !node.isTextual())
        {
            error(symbol.name + " not a string decimal: " + node);
            return 0;
        }
        final String text = node.asText();
        final int point = text.indexOf('.');
        final int actual = point < 0 ? 0 : text.length() - point - 1;
        if (8 == decimals ? actual > 8 : actual != decimals)
        {
            error(symbol.name + " '" + text + "' has " + actual + " decimals, expected " + decimals);
        }
        final long mantissa = FixedPoint.parse(text, -8);
        if (FixedPoint.INVALID == mantissa)
        {
            error(symbol.name + " '" + text + "' is not a decimal at 10^-8");
            return 0;
        }
        return mantissa;
    }

    private void expectFields(final Symbol symbol, final String what, final JsonNode node, final List<String> fields)
    {
        final List<String> actual = names(node);
        if (!fields.equals(actual))
        {
            error(symbol.name + " " + what + " fields " + actual + ", expected " + fields);
        }
    }

    private void expectInteger(final Symbol symbol, final JsonNode node, final String... fields)
    {
        for (final String field : fields)
        {
            if (!node.path(field).isIntegralNumber())
            {
                error(symbol.name + " " + field + " not an integer in " + node);
            }
        }
    }

    private static List<String> names(final JsonNode node)
    {
        final List<String> names = new ArrayList<>();
        final Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }

    /**
     * Columns of longs appended row by row.
     */
    static final class Series
    {
        private final int columns;
        private long[] values;
        private int rows;

        Series(final int columns)
        {
            this.columns = columns;
            this.values = new long[columns * 256];
        }

        void add(final long... row)
        {
            if ((rows + 1) * columns > values.length)
            {
                values = Arrays.copyOf(values, values.length * 2);
            }
            System.arraycopy(row, 0, values, rows * columns, columns);
            rows++;
        }

        int rows()
        {
            return rows;
        }

        long get(final int row, final int column)
        {
            return values[row * columns + column];
        }
    }

    /**
     * What the tape saw of one instrument.
     */
    static final class Symbol
    {
        final String name;
        final int instrumentId;
        final long tickMantissa;
        final long stepMantissa;
        final int priceDecimals;
        final int sizeDecimals;
        final FuturesBook book;
        /** time ms, price, quantity, buyer is maker (1/0), insurance fund (1/0). */
        final Series trades = new Series(5);
        /** time ms, bid, ask, bid quantity, ask quantity. */
        final Series tickers = new Series(5);
        /** time ms, bid depth, ask depth (top imbalance levels, mantissas), best bid, best ask. */
        final Series books = new Series(5);
        /** open time ms, open, high, low, close, volume, trade count. */
        final Series closedBars = new Series(7);
        /** time ms, sell (1/0), quantity, average price. */
        final Series forceOrders = new Series(4);
        /** time ms, mark, index, funding. */
        final Series marks = new Series(4);
        long lastTradeId = -1;
        long lastTickerU = -1;
        long[] lastTicker;
        long lastDiffU = -1;
        long depthUpdates;
        long snapshots;
        long tickerMatches;

        Symbol(final Instrument instrument, final int imbalanceLevels)
        {
            book = new FuturesBook(imbalanceLevels);
            name = instrument.symbol();
            instrumentId = instrument.id();
            tickMantissa = instrument.tickSize();
            stepMantissa = instrument.stepSize();
            priceDecimals = decimalsOf(tickMantissa);
            sizeDecimals = decimalsOf(stepMantissa);
        }

        private static int decimalsOf(final long mantissa)
        {
            int decimals = 8;
            long value = mantissa;
            while (decimals > 0 && 0 == value % 10)
            {
                value /= 10;
                decimals--;
            }
            return decimals;
        }
    }

    /**
     * A book kept by Binance's USD-M procedure: buffer diffs until a snapshot; drop diffs with {@code u} before the
     * snapshot's {@code lastUpdateId}; the first applied one has {@code U <= lastUpdateId <= u}; afterwards each
     * diff's {@code pu} must equal the previous {@code u}.
     */
    static final class FuturesBook
    {
        private final int imbalanceLevels;
        final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
        final NavigableMap<Long, Long> asks = new TreeMap<>();
        private final List<Object[]> buffered = new ArrayList<>();
        boolean synced;
        long lastUpdateId;
        long appliedDiffs;

        FuturesBook(final int imbalanceLevels)
        {
            this.imbalanceLevels = imbalanceLevels;
        }

        void onSnapshot(
            final UsdmTape tape,
            final Symbol symbol,
            final long snapshotId,
            final NavigableMap<Long, Long> snapshotBids,
            final NavigableMap<Long, Long> snapshotAsks)
        {
            bids.clear();
            bids.putAll(snapshotBids);
            asks.clear();
            asks.putAll(snapshotAsks);
            lastUpdateId = snapshotId;
            synced = false;
            boolean first = true;
            for (final Object[] diff : buffered)
            {
                final long firstId = (Long)diff[1];
                final long lastId = (Long)diff[2];
                if (lastId < snapshotId)
                {
                    continue;
                }
                if (first)
                {
                    if (firstId > snapshotId)
                    {
                        tape.error(symbol.name + " no diff bridges snapshot " + snapshotId);
                        return;
                    }
                    first = false;
                    synced = true;
                }
                apply(tape, symbol, diff);
            }
            buffered.clear();
        }

        @SuppressWarnings("unchecked")
        void onDiff(
            final UsdmTape tape,
            final Symbol symbol,
            final long timeMs,
            final long firstId,
            final long lastId,
            final long previousId,
            final NavigableMap<Long, Long> diffBids,
            final NavigableMap<Long, Long> diffAsks)
        {
            final Object[] diff = {timeMs, firstId, lastId, previousId, diffBids, diffAsks};
            if (!synced)
            {
                if (0 == lastUpdateId)
                {
                    buffered.add(diff);
                    return;
                }
                if (lastId < lastUpdateId)
                {
                    return;
                }
                if (firstId > lastUpdateId)
                {
                    tape.error(symbol.name + " first diff after snapshot " + lastUpdateId + " starts at " + firstId);
                    return;
                }
                synced = true;
            }
            else if (previousId != lastUpdateId)
            {
                tape.error(symbol.name + " gap: pu " + previousId + " after " + lastUpdateId);
            }
            apply(tape, symbol, diff);
        }

        @SuppressWarnings("unchecked")
        private void apply(final UsdmTape tape, final Symbol symbol, final Object[] diff)
        {
            for (final Map.Entry<Long, Long> level : ((NavigableMap<Long, Long>)diff[4]).entrySet())
            {
                set(bids, level.getKey(), level.getValue());
            }
            for (final Map.Entry<Long, Long> level : ((NavigableMap<Long, Long>)diff[5]).entrySet())
            {
                set(asks, level.getKey(), level.getValue());
            }
            lastUpdateId = (Long)diff[2];
            appliedDiffs++;
            if (!bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey())
            {
                tape.error(symbol.name + " crossed book after diff u=" + lastUpdateId);
            }
            if (lastUpdateId == symbol.lastTickerU && null != symbol.lastTicker)
            {
                symbol.tickerMatches++;
                final long[] ticker = symbol.lastTicker;
                if (bids.isEmpty() || asks.isEmpty() || ticker[0] != bids.firstKey() ||
                    ticker[1] != bids.firstEntry().getValue() || ticker[2] != asks.firstKey() ||
                    ticker[3] != asks.firstEntry().getValue())
                {
                    tape.error(symbol.name + " bookTicker u=" + lastUpdateId + " " + Arrays.toString(ticker) +
                        " differs from the book's top");
                }
            }
            if (!bids.isEmpty() && !asks.isEmpty())
            {
                symbol.books.add((Long)diff[0], topDepth(bids), topDepth(asks), bids.firstKey(), asks.firstKey());
            }
        }

        private long topDepth(final NavigableMap<Long, Long> side)
        {
            long sum = 0;
            int levels = 0;
            for (final long quantity : side.values())
            {
                if (levels++ == imbalanceLevels)
                {
                    break;
                }
                sum += quantity;
            }
            return sum;
        }

        private void set(final NavigableMap<Long, Long> side, final long price, final long quantity)
        {
            if (0 == quantity)
            {
                side.remove(price);
            }
            else
            {
                side.put(price, quantity);
            }
        }
    }
}
