/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.jmh;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.feed.binance.BinanceJsonDecoder;
import io.hellmoon.perf.jmh.JacksonStreamingDecoder.Event;
import io.hellmoon.sbe.BarDecoder;
import io.hellmoon.sbe.BestBidOfferDecoder;
import io.hellmoon.sbe.DepthSnapshotDecoder;
import io.hellmoon.sbe.DepthUpdateDecoder;
import io.hellmoon.sbe.LiquidationDecoder;
import io.hellmoon.sbe.MarkPriceDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.TradeDecoder;
import io.hellmoon.sbe.Venue;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hellmoon's zero-allocation Binance decoder against Jackson streaming and Jackson databind on the same real
 * messages, in one class so that one JMH run measures all three and their ratios are comparable.
 * <ul>
 *     <li>{@link #hellmoon()}: {@link BinanceJsonDecoder#onFrame} (or {@code onDepthSnapshot}) from JSON bytes to
 *     SBE messages offered to a sink that reads each message's template id and length.</li>
 *     <li>{@link #jacksonStreaming()}: {@link JacksonStreamingDecoder}, a {@code JsonParser} per message from a
 *     reused factory into a preallocated holder, decimals scanned into long mantissas.</li>
 *     <li>{@link #jacksonDatabind()}: an {@code ObjectReader} per message kind binding records with
 *     {@code BigDecimal} prices ({@link JacksonModel}).</li>
 * </ul>
 * One message kind per {@link #message} parameter, each a real message from the shared captures; {@code mixUsdm}
 * cycles through {@value #MIX_LINES} consecutive lines of the USD-M BTCUSDT capture (bookTicker, trade and
 * depthUpdate as they came). {@code @Setup} decodes every input with all three and fails unless they agree on the
 * message kind and its prices (and, for depth, its level counts), so a benchmark that decodes wrongly cannot run.
 * <p>
 * One benchmark thread calling the decoders directly: no Aeron, no idle strategy, nothing else spinning.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {
    JvmFlags.ADD_OPENS_MISC, JvmFlags.ADD_OPENS_NIO, JvmFlags.ADD_MODULES_VECTOR, JvmFlags.NATIVE_ACCESS,
    JvmFlags.XMS, JvmFlags.XMX })
@Threads(1)
@State(Scope.Thread)
public class BinanceDecoderBenchmark
{
    /**
     * Consecutive capture lines in the {@code mixUsdm} input; a power of two.
     */
    static final int MIX_LINES = 512;

    /**
     * Where the mix starts in the capture: well after the start, where the recorder's REST snapshot line is.
     */
    static final int MIX_FIRST_LINE = 2_000;

    private static final long RECEIVE_TIME_NS = 1_723_161_600_000_000_000L;
    private static final String SPOT = "binance/captures/spot/btcusdt_20240808.gz";
    private static final String USDM = "binance/captures/usdm/btcusdt_20240808.gz";
    private static final String FUTURES_WS = "binance/cryptofeed/BINANCE_FUTURES.ws.1.0";
    private static final String FUTURES_HTTP = "binance/cryptofeed/BINANCE_FUTURES.http.0.0";
    private static final String FIXTURES = "binance/fixtures/binance_crate_test_data/futures/market_data_json/";

    /**
     * The message kind decoded.
     */
    @Param({
        "tradeSpot", "tradeUsdm", "bookTickerSpot", "bookTickerUsdm", "depthUpdateUsdm", "aggTradeUsdm", "klineUsdm",
        "markPriceUsdm", "forceOrderUsdm", "depthSnapshotUsdm", "mixUsdm" })
    public String message;

    private byte[][] frames;
    private UnsafeBuffer[] buffers;
    private int mask;
    private int next;
    private boolean snapshot;
    private int snapshotInstrumentId;

    private InstrumentRegistry registry;
    private TemplateSink sink;
    private BinanceJsonDecoder decoder;
    private JacksonStreamingDecoder streaming;
    private ObjectReader reader;

    /**
     * Load the input, build the three decoders and check that each decodes every input to the same values.
     *
     * @throws IOException if Jackson cannot read an input.
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        final List<String> json = input(message);
        frames = new byte[json.size()][];
        buffers = new UnsafeBuffer[json.size()];
        for (int i = 0; i < frames.length; i++)
        {
            frames[i] = json.get(i).getBytes(StandardCharsets.UTF_8);
            buffers[i] = new UnsafeBuffer(frames[i]);
        }
        if (Integer.bitCount(frames.length) != 1)
        {
            throw new IllegalStateException(message + ": input count not a power of two: " + frames.length);
        }
        mask = frames.length - 1;
        snapshot = "depthSnapshotUsdm".equals(message);

        registry = new InstrumentRegistry();
        sink = new TemplateSink();
        final Venue venue = message.endsWith("Spot") ? Venue.BINANCE_SPOT : Venue.BINANCE_USDM;
        decoder = new BinanceJsonDecoder(new BinanceJsonDecoder.Context()
            .venue(venue)
            .instrumentRegistry(registry)
            .autoRegister(true)
            .messageSink(sink)
            .epochNanoClock(new ManualEpochNanoClock(RECEIVE_TIME_NS + 1_000))
            .counterFactory(CounterFactory.local(8)));
        if (snapshot)
        {
            snapshotInstrumentId = registry.register(venue, "SUSHIUSDT");
        }

        streaming = new JacksonStreamingDecoder(5_000);
        final ObjectMapper mapper = JacksonModel.newMapper();
        reader = mapper.readerFor(databindType(mapper, message));

        verify();
        describe();
    }

    /**
     * Close the decoder's counters.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        if (0 != decoder.decodeErrors())
        {
            throw new IllegalStateException(message + ": decode errors during the run: " + decoder.decodeErrors());
        }
        decoder.close();
    }

    /**
     * Hellmoon's decoder: JSON bytes to SBE messages.
     *
     * @return the length of the last SBE message offered.
     */
    @Benchmark
    public int hellmoon()
    {
        final int i = next++ & mask;
        final UnsafeBuffer buffer = buffers[i];
        if (snapshot)
        {
            decoder.onDepthSnapshot(snapshotInstrumentId, buffer, 0, buffer.capacity(), RECEIVE_TIME_NS);
        }
        else
        {
            decoder.onFrame(buffer, 0, buffer.capacity(), RECEIVE_TIME_NS);
        }
        return sink.length;
    }

    /**
     * Jackson streaming into a preallocated holder.
     *
     * @return the decoded event's type.
     * @throws IOException never for these inputs (verified in setup).
     */
    @Benchmark
    public int jacksonStreaming() throws IOException
    {
        final byte[] frame = frames[next++ & mask];
        return streaming.decode(frame, 0, frame.length);
    }

    /**
     * Jackson databind into records.
     *
     * @return the bound record.
     * @throws IOException never for these inputs (verified in setup).
     */
    @Benchmark
    public Object jacksonDatabind() throws IOException
    {
        final byte[] frame = frames[next++ & mask];
        return reader.readValue(frame, 0, frame.length);
    }

    private static List<String> input(final String message)
    {
        return switch (message)
        {
            case "tradeSpot" -> List.of(first(Captures.hftbacktestJson(SPOT), "@trade\""));
            case "tradeUsdm" -> List.of(first(Captures.hftbacktestJson(USDM), "@trade\""));
            case "bookTickerSpot" -> List.of(first(Captures.hftbacktestJson(SPOT), "@bookTicker\""));
            case "bookTickerUsdm" -> List.of(first(Captures.hftbacktestJson(USDM), "@bookTicker\""));
            case "depthUpdateUsdm" -> List.of(typicalDepthUpdate(Captures.hftbacktestJson(USDM)));
            case "aggTradeUsdm" -> List.of(first(Captures.cryptofeedFrames(FUTURES_WS), "@aggTrade\""));
            case "klineUsdm" -> List.of(first(Captures.cryptofeedFrames(FUTURES_WS), "@kline_1m\""));
            case "markPriceUsdm" -> List.of(Captures.text(FIXTURES + "mark_price_stream.json"));
            case "forceOrderUsdm" -> List.of(Captures.text(FIXTURES + "liquidation_stream.json"));
            case "depthSnapshotUsdm" -> List.of(Captures.cryptofeedReplies(FUTURES_HTTP).get(0));
            case "mixUsdm" -> mix(Captures.hftbacktestJson(USDM));
            default -> throw new IllegalArgumentException("unknown message: " + message);
        };
    }

    private static String first(final List<String> json, final String stream)
    {
        for (final String line : json)
        {
            if (line.contains(stream))
            {
                return line;
            }
        }
        throw new IllegalStateException("no " + stream + " in the capture");
    }

    /**
     * The first depthUpdate of the capture whose length is the median depthUpdate length.
     */
    static String typicalDepthUpdate(final List<String> json)
    {
        final List<String> depth = new ArrayList<>();
        for (final String line : json)
        {
            if (line.contains("@depth"))
            {
                depth.add(line);
            }
        }
        final int[] lengths = new int[depth.size()];
        for (int i = 0; i < lengths.length; i++)
        {
            lengths[i] = depth.get(i).length();
        }
        Arrays.sort(lengths);
        final int median = lengths[lengths.length / 2];
        String best = depth.get(0);
        for (final String line : depth)
        {
            if (Math.abs(line.length() - median) < Math.abs(best.length() - median))
            {
                best = line;
            }
        }
        return best;
    }

    private static List<String> mix(final List<String> json)
    {
        final List<String> lines = new ArrayList<>(MIX_LINES);
        for (int i = MIX_FIRST_LINE; lines.size() < MIX_LINES; i++)
        {
            final String line = json.get(i);
            if (!line.startsWith("{\"lastUpdateId\""))
            {
                lines.add(line);
            }
        }
        return lines;
    }

    private static JavaType databindType(final ObjectMapper mapper, final String message)
    {
        final Class<?> event = switch (message)
        {
            case "tradeSpot", "tradeUsdm" -> JacksonModel.Trade.class;
            case "bookTickerSpot", "bookTickerUsdm" -> JacksonModel.BookTicker.class;
            case "depthUpdateUsdm" -> JacksonModel.DepthUpdate.class;
            case "aggTradeUsdm" -> JacksonModel.AggTrade.class;
            case "klineUsdm" -> JacksonModel.KlineEvent.class;
            case "markPriceUsdm" -> JacksonModel.MarkPriceUpdate.class;
            case "forceOrderUsdm" -> JacksonModel.ForceOrder.class;
            case "depthSnapshotUsdm" -> JacksonModel.DepthSnapshot.class;
            case "mixUsdm" -> JacksonModel.UsdmEnvelope.class;
            default -> throw new IllegalArgumentException(message);
        };
        final boolean raw = message.startsWith("markPrice") || message.startsWith("forceOrder") ||
            message.startsWith("depthSnapshot") || message.startsWith("mix");
        return raw ? mapper.constructType(event) :
            mapper.getTypeFactory().constructParametricType(JacksonModel.Envelope.class, event);
    }

    private void verify() throws IOException
    {
        // First pass: instruments get registered and announced, so the steady state has no definitions in it.
        for (int i = 0; i < frames.length; i++)
        {
            hellmoon();
        }
        next = 0;
        for (int i = 0; i < frames.length; i++)
        {
            final long messagesBefore = sink.messages;
            hellmoon();
            if (sink.messages != messagesBefore + 1)
            {
                throw new IllegalStateException(message + " input " + i + ": expected one SBE message, got " +
                    (sink.messages - messagesBefore) + ", decode errors " + decoder.decodeErrors());
            }
            final long ours = sbeKey(sink);

            final byte[] frame = frames[i];
            final int type = streaming.decode(frame, 0, frame.length);
            final long jacksonStreaming = streamingKey(type, streaming.event());
            final long jacksonDatabind = databindKey(reader.readValue(frame, 0, frame.length));

            if (ours != jacksonStreaming || ours != jacksonDatabind)
            {
                throw new IllegalStateException(message + " input " + i + ": decoders disagree: hellmoon " + ours +
                    ", Jackson streaming " + jacksonStreaming + ", Jackson databind " + jacksonDatabind + " for " +
                    new String(frame, StandardCharsets.UTF_8));
            }
        }
        next = 0;
    }

    private void describe()
    {
        final StringBuilder text = new StringBuilder("# ").append(message).append(": ").append(frames.length)
            .append(frames.length > 1 ? " messages, " : " message, ");
        long bytes = 0;
        final int[] kinds = new int[Event.OTHER + 1];
        for (final byte[] frame : frames)
        {
            bytes += frame.length;
            try
            {
                kinds[streaming.decode(frame, 0, frame.length)]++;
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException(ex);
            }
        }
        text.append(bytes / frames.length).append(frames.length > 1 ? " bytes on average" : " bytes");
        final Event event = streaming.event();
        if (1 == frames.length && (Event.DEPTH_UPDATE == event.type || Event.SNAPSHOT == event.type))
        {
            text.append(", ").append(event.bidCount).append(" bids + ").append(event.askCount).append(" asks");
        }
        if (frames.length > 1)
        {
            text.append(": ").append(kinds[Event.BOOK_TICKER]).append(" bookTicker, ")
                .append(kinds[Event.TRADE]).append(" trade, ").append(kinds[Event.DEPTH_UPDATE]).append(" depthUpdate");
        }
        System.out.println(text);
    }

    private static long sbeKey(final TemplateSink sink)
    {
        final DirectBuffer buffer = sink.buffer;
        final int offset = sink.offset;
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        switch (header.templateId())
        {
            case TradeDecoder.TEMPLATE_ID ->
            {
                final TradeDecoder trade = new TradeDecoder().wrapAndApplyHeader(buffer, offset, header);
                return key(trade.price(), trade.size(), trade.eventTimeNs());
            }
            case BestBidOfferDecoder.TEMPLATE_ID ->
            {
                final BestBidOfferDecoder bbo = new BestBidOfferDecoder().wrapAndApplyHeader(buffer, offset, header);
                return key(bbo.bidPrice(), bbo.askSize(), bbo.updateId());
            }
            case DepthUpdateDecoder.TEMPLATE_ID ->
            {
                final DepthUpdateDecoder depth = new DepthUpdateDecoder().wrapAndApplyHeader(buffer, offset, header);
                final long updateId = depth.finalUpdateId();
                // SBE groups are read in order: every bid before the asks.
                final DepthUpdateDecoder.BidsDecoder bids = depth.bids();
                final int bidCount = bids.count();
                long bid = 0;
                for (int i = 0; i < bidCount; i++)
                {
                    final long price = bids.next().price();
                    bid = 0 == i ? price : bid;
                }
                final DepthUpdateDecoder.AsksDecoder asks = depth.asks();
                final int askCount = asks.count();
                final long ask = asks.hasNext() ? asks.next().price() : 0;
                return key(bid, ask, updateId) + levels(bidCount, askCount);
            }
            case DepthSnapshotDecoder.TEMPLATE_ID ->
            {
                final DepthSnapshotDecoder depth =
                    new DepthSnapshotDecoder().wrapAndApplyHeader(buffer, offset, header);
                final long updateId = depth.lastUpdateId();
                // SBE groups are read in order: every bid before the asks.
                final DepthSnapshotDecoder.BidsDecoder bids = depth.bids();
                final int bidCount = bids.count();
                long bid = 0;
                for (int i = 0; i < bidCount; i++)
                {
                    final long price = bids.next().price();
                    bid = 0 == i ? price : bid;
                }
                final DepthSnapshotDecoder.AsksDecoder asks = depth.asks();
                final int askCount = asks.count();
                final long ask = asks.hasNext() ? asks.next().price() : 0;
                return key(bid, ask, updateId) + levels(bidCount, askCount);
            }
            case BarDecoder.TEMPLATE_ID ->
            {
                final BarDecoder bar = new BarDecoder().wrapAndApplyHeader(buffer, offset, header);
                return key(bar.closePrice(), bar.volume(), bar.tradeCount());
            }
            case MarkPriceDecoder.TEMPLATE_ID ->
            {
                final MarkPriceDecoder mark = new MarkPriceDecoder().wrapAndApplyHeader(buffer, offset, header);
                return key(mark.markPrice(), mark.indexPrice(), mark.eventTimeNs());
            }
            case LiquidationDecoder.TEMPLATE_ID ->
            {
                final LiquidationDecoder liquidation =
                    new LiquidationDecoder().wrapAndApplyHeader(buffer, offset, header);
                return key(liquidation.price(), liquidation.averagePrice(), liquidation.filledQuantity());
            }
            default -> throw new IllegalStateException("unexpected template " + header.templateId());
        }
    }

    private static long streamingKey(final int type, final Event event)
    {
        return switch (type)
        {
            case Event.TRADE, Event.AGG_TRADE -> key(event.price, event.quantity, event.eventTimeNs);
            case Event.BOOK_TICKER -> key(event.bidPrice, event.askSize, event.updateId);
            case Event.DEPTH_UPDATE, Event.SNAPSHOT ->
                key(0 == event.bidCount ? 0 : event.bidPrices[0], 0 == event.askCount ? 0 : event.askPrices[0],
                event.updateId) + levels(event.bidCount, event.askCount);
            case Event.KLINE -> key(event.close, event.volume, event.tradeCount);
            case Event.MARK_PRICE -> key(event.price, event.indexPrice, event.eventTimeNs);
            case Event.FORCE_ORDER -> key(event.price, event.averagePrice, event.filledQuantity);
            default -> throw new IllegalStateException("unexpected event type " + type);
        };
    }

    private static long databindKey(final Object value)
    {
        final Object event = value instanceof JacksonModel.Envelope<?> envelope ? envelope.data() :
            value instanceof JacksonModel.UsdmEnvelope envelope ? envelope.data() : value;
        if (event instanceof JacksonModel.Trade trade)
        {
            return key(mantissa(trade.price()), mantissa(trade.quantity()), trade.eventTime() * 1_000_000L);
        }
        if (event instanceof JacksonModel.AggTrade trade)
        {
            return key(mantissa(trade.price()), mantissa(trade.quantity()), trade.eventTime() * 1_000_000L);
        }
        if (event instanceof JacksonModel.BookTicker bbo)
        {
            return key(mantissa(bbo.bidPrice()), mantissa(bbo.askQuantity()), bbo.updateId());
        }
        if (event instanceof JacksonModel.DepthUpdate depth)
        {
            return key(firstPrice(depth.bids()), firstPrice(depth.asks()), depth.finalUpdateId()) +
                levels(depth.bids().length, depth.asks().length);
        }
        if (event instanceof JacksonModel.DepthSnapshot depth)
        {
            return key(firstPrice(depth.bids()), firstPrice(depth.asks()), depth.lastUpdateId()) +
                levels(depth.bids().length, depth.asks().length);
        }
        if (event instanceof JacksonModel.KlineEvent kline)
        {
            return key(mantissa(kline.kline().close()), mantissa(kline.kline().volume()), kline.kline().tradeCount());
        }
        if (event instanceof JacksonModel.MarkPriceUpdate mark)
        {
            return key(mantissa(mark.markPrice()), mantissa(mark.indexPrice()), mark.eventTime() * 1_000_000L);
        }
        if (event instanceof JacksonModel.ForceOrder liquidation)
        {
            final JacksonModel.LiquidationOrder order = liquidation.order();
            return key(mantissa(order.price()), mantissa(order.averagePrice()), mantissa(order.filledQuantity()));
        }
        throw new IllegalStateException("unexpected record " + event);
    }

    private static long firstPrice(final BigDecimal[][] levels)
    {
        return 0 == levels.length ? 0 : mantissa(levels[0][0]);
    }

    private static long mantissa(final BigDecimal value)
    {
        return value.movePointRight(-JacksonStreamingDecoder.EXPONENT).longValueExact();
    }

    private static long key(final long a, final long b, final long c)
    {
        return (a * 31 + b) * 31 + c;
    }

    private static long levels(final int bidCount, final int askCount)
    {
        return ((long)bidCount << 40) + ((long)askCount << 20);
    }

    /**
     * Keeps where the last message is and reads its template id: cheap, but not dead code.
     */
    static final class TemplateSink implements MessageSink
    {
        private static final int TEMPLATE_ID_OFFSET = MessageHeaderDecoder.templateIdEncodingOffset();

        DirectBuffer buffer;
        int offset;
        int length;
        int templateId;
        long messages;

        public boolean offer(final DirectBuffer buffer, final int offset, final int length)
        {
            this.buffer = buffer;
            this.offset = offset;
            this.length = length;
            templateId = buffer.getShort(offset + TEMPLATE_ID_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            messages++;
            return true;
        }
    }
}
