/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.sbe.BarDecoder;
import io.hellmoon.sbe.BestBidOfferDecoder;
import io.hellmoon.sbe.DepthSnapshotDecoder;
import io.hellmoon.sbe.DepthUpdateDecoder;
import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.LiquidationDecoder;
import io.hellmoon.sbe.MarkPriceDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.MiniTickerDecoder;
import io.hellmoon.sbe.TradeDecoder;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.AllocationMeter;
import io.hellmoon.test.TestData;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After warm-up, decoding real frames of every type, snapshots, unsupported and bad frames allocates nothing on the
 * decoding thread, with a sink that decodes every message it is given.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BinanceJsonDecoderAllocationTest
{
    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(1);
    private final DecodingSink sink = new DecodingSink();
    private final List<Input> inputs = new ArrayList<>();

    @Test
    void shouldDecodeAWarmedUpMixOfRealFramesWithoutAllocating() throws IOException
    {
        final InstrumentRegistry spotRegistry = new InstrumentRegistry();
        final InstrumentRegistry usdmRegistry = new InstrumentRegistry();
        final InstrumentRegistry coinmRegistry = new InstrumentRegistry();
        final InstrumentRegistry liveRegistry = new InstrumentRegistry();
        liveRegistry.register(Venue.BINANCE_USDM, "BTCUSDT");
        final BinanceJsonDecoder spot = decoder(Venue.BINANCE_SPOT, spotRegistry, true);
        final BinanceJsonDecoder usdm = decoder(Venue.BINANCE_USDM, usdmRegistry, true);
        final BinanceJsonDecoder coinm = decoder(Venue.BINANCE_COINM, coinmRegistry, true);
        final BinanceJsonDecoder live = decoder(Venue.BINANCE_USDM, liveRegistry, false);

        for (final String json : firstOfEachStream("binance/captures/spot/btcusdt_20240808.gz"))
        {
            add(spot, json);
        }
        for (final String json : firstOfEachStream("binance/captures/usdm/btcusdt_20240808.gz"))
        {
            if (json.startsWith("{\"lastUpdateId\""))
            {
                addSnapshot(usdm, usdmRegistry.register(Venue.BINANCE_USDM, "BTCUSDT"), json);
            }
            else
            {
                add(usdm, json);
            }
        }

        for (final CaptureFiles.Frame frame :
            CaptureFiles.cryptofeedFrames(TestData.file("binance/cryptofeed/BINANCE_FUTURES.ws.1.0")).subList(0, 60))
        {
            add(usdm, new String(frame.json(), StandardCharsets.US_ASCII));
        }

        final String fixtures = "binance/fixtures/binance_crate_test_data/futures/market_data_json/";
        for (final String name : new String[]{ "liquidation_stream.json", "mark_price_stream.json",
            "kline_stream_closed.json", "agg_trade_stream.json", "book_ticker_stream.json", "ticker_stream.json" })
        {
            add(usdm, Files.readString(TestData.file(fixtures + name)));
        }

        final List<String> parserLines =
            Files.readAllLines(TestData.file("binance/fixtures/crypto-msg-parser/binance.jsonl"));
        add(coinm, parserLines.get(7));
        add(coinm, parserLines.get(11));
        add(coinm, parserLines.get(40));
        add(usdm, parserLines.get(9));
        add(spot, parserLines.get(21));
        add(spot, parserLines.get(15));
        addSnapshot(coinm, coinmRegistry.register(Venue.BINANCE_COINM, "BTCUSD_220624"), parserLines.get(43));

        add(usdm, "{\"stream\":\"!miniTicker@arr\",\"data\":[{\"e\":\"24hrMiniTicker\",\"E\":1672515782136," +
            "\"s\":\"BTCUSDT\",\"c\":\"16584.6\",\"o\":\"16716.0\",\"h\":\"16764.89\",\"l\":\"16456.51\"," +
            "\"v\":\"122474.816\",\"q\":\"2036102085.697464\"}]}");
        add(usdm, "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161256322,\"T\":17231612");
        add(usdm, "{\"e\":\"trade\",\"p\":\"1\",\"p\":\"2\"}");
        add(live, "{\"stream\":\"!markPrice@arr\",\"data\":[" + BinanceJsonDecoderTest.markPrice("NEWUSDT") + "," +
            BinanceJsonDecoderTest.markPrice("BTCUSDT") + "]}");

        // An array, not the list: an iterator per run is an allocation escape analysis only sometimes removes.
        final Input[] inputArray = inputs.toArray(new Input[0]);
        final Runnable decodeAll = () ->
        {
            for (int i = 0; i < inputArray.length; i++)
            {
                inputArray[i].decode();
            }
        };

        decodeAll.run();
        final long messagesPerRun = sink.messages;
        final long definitions = sink.definitions;
        assertTrue(messagesPerRun > 80, "messages per run: " + messagesPerRun);
        assertTrue(definitions > 5, "definitions in the first run: " + definitions);
        assertEquals(3, spot.decodeErrors() + usdm.decodeErrors() + coinm.decodeErrors() + live.decodeErrors());

        AllocationMeter.assertAllocationFree(1_000, 200, decodeAll);

        assertEquals(definitions, sink.definitions, "instruments are announced once");
        assertTrue(sink.messages > 1_000 * (messagesPerRun - definitions));
        assertTrue(0 != sink.checksum);
        CloseHelper.closeAll(spot, usdm, coinm, live);
    }

    private BinanceJsonDecoder decoder(final Venue venue, final InstrumentRegistry registry, final boolean autoRegister)
    {
        return new BinanceJsonDecoder(new BinanceJsonDecoder.Context()
            .venue(venue)
            .instrumentRegistry(registry)
            .autoRegister(autoRegister)
            .messageSink(sink)
            .epochNanoClock(clock)
            .counterFactory(CounterFactory.local(8)));
    }

    private void add(final BinanceJsonDecoder decoder, final String json)
    {
        inputs.add(new Input(decoder, 0, json));
    }

    private void addSnapshot(final BinanceJsonDecoder decoder, final int instrumentId, final String json)
    {
        inputs.add(new Input(decoder, instrumentId, json));
    }

    /**
     * The first frame of each stream of a capture, and its snapshot (usdm only: the spot one is 64 KiB and would
     * only slow the warm-up down).
     */
    private static List<String> firstOfEachStream(final String file)
    {
        final List<String> streams = new ArrayList<>();
        final List<String> frames = new ArrayList<>();
        CaptureFiles.forEachHftbacktestFrame(TestData.file(file), (frame) ->
        {
            final String json = new String(frame.json(), StandardCharsets.US_ASCII);
            final String stream = frame.isSnapshot() ? "snapshot" : json.substring(0, json.indexOf(",\"data\""));
            if (!streams.contains(stream) && !(frame.isSnapshot() && file.contains("/spot/")))
            {
                streams.add(stream);
                frames.add(json);
            }
        });
        assertTrue(frames.size() >= 3, file);
        return frames;
    }

    /**
     * One frame or snapshot body, ready in a buffer.
     */
    private static final class Input
    {
        private final BinanceJsonDecoder decoder;
        private final int snapshotInstrumentId;
        private final UnsafeBuffer buffer;
        private long receiveTimeNs;

        Input(final BinanceJsonDecoder decoder, final int snapshotInstrumentId, final String json)
        {
            this.decoder = decoder;
            this.snapshotInstrumentId = snapshotInstrumentId;
            this.buffer = new UnsafeBuffer(json.getBytes(StandardCharsets.US_ASCII));
        }

        void decode()
        {
            receiveTimeNs += 1_000;
            if (0 == snapshotInstrumentId)
            {
                decoder.onFrame(buffer, 0, buffer.capacity(), receiveTimeNs);
            }
            else
            {
                decoder.onDepthSnapshot(snapshotInstrumentId, buffer, 0, buffer.capacity(), receiveTimeNs);
            }
        }
    }

    /**
     * Decodes every message with flyweights, as a subscriber would, and sums fields so none of it is dead code.
     */
    private static final class DecodingSink implements MessageSink
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
        private final TradeDecoder trade = new TradeDecoder();
        private final BestBidOfferDecoder bestBidOffer = new BestBidOfferDecoder();
        private final DepthUpdateDecoder depthUpdate = new DepthUpdateDecoder();
        private final DepthSnapshotDecoder depthSnapshot = new DepthSnapshotDecoder();
        private final BarDecoder bar = new BarDecoder();
        private final LiquidationDecoder liquidation = new LiquidationDecoder();
        private final MarkPriceDecoder markPrice = new MarkPriceDecoder();
        private final MiniTickerDecoder miniTicker = new MiniTickerDecoder();
        long messages;
        long definitions;
        long checksum;

        public boolean offer(final DirectBuffer buffer, final int offset, final int length)
        {
            messages++;
            header.wrap(buffer, offset);
            switch (header.templateId())
            {
                case InstrumentDefinitionDecoder.TEMPLATE_ID:
                    definitions++;
                    checksum += definition.wrapAndApplyHeader(buffer, offset, header).instrumentId();
                    break;

                case TradeDecoder.TEMPLATE_ID:
                    trade.wrapAndApplyHeader(buffer, offset, header);
                    checksum += trade.price() + trade.size() + trade.tradeId() + trade.aggressorSide().value();
                    break;

                case BestBidOfferDecoder.TEMPLATE_ID:
                    bestBidOffer.wrapAndApplyHeader(buffer, offset, header);
                    checksum += bestBidOffer.bidPrice() - bestBidOffer.askPrice() + bestBidOffer.askSize();
                    break;

                case DepthUpdateDecoder.TEMPLATE_ID:
                    depthUpdate.wrapAndApplyHeader(buffer, offset, header);
                    checksum += depthUpdate.finalUpdateId();
                    for (final DepthUpdateDecoder.BidsDecoder level : depthUpdate.bids())
                    {
                        checksum += level.price() ^ level.size();
                    }
                    for (final DepthUpdateDecoder.AsksDecoder level : depthUpdate.asks())
                    {
                        checksum += level.price() ^ level.size();
                    }
                    break;

                case DepthSnapshotDecoder.TEMPLATE_ID:
                    depthSnapshot.wrapAndApplyHeader(buffer, offset, header);
                    checksum += depthSnapshot.lastUpdateId();
                    for (final DepthSnapshotDecoder.BidsDecoder level : depthSnapshot.bids())
                    {
                        checksum += level.price() ^ level.size();
                    }
                    for (final DepthSnapshotDecoder.AsksDecoder level : depthSnapshot.asks())
                    {
                        checksum += level.price() ^ level.size();
                    }
                    break;

                case BarDecoder.TEMPLATE_ID:
                    bar.wrapAndApplyHeader(buffer, offset, header);
                    checksum += bar.closePrice() + bar.quoteVolume().mantissa() + bar.interval().value();
                    break;

                case LiquidationDecoder.TEMPLATE_ID:
                    liquidation.wrapAndApplyHeader(buffer, offset, header);
                    checksum += liquidation.averagePrice() + liquidation.orderStatus().value();
                    break;

                case MarkPriceDecoder.TEMPLATE_ID:
                    markPrice.wrapAndApplyHeader(buffer, offset, header);
                    checksum += markPrice.markPrice() + markPrice.fundingRate().mantissa();
                    break;

                case MiniTickerDecoder.TEMPLATE_ID:
                    miniTicker.wrapAndApplyHeader(buffer, offset, header);
                    checksum += miniTicker.closePrice() + miniTicker.quoteVolume().exponent();
                    break;

                default:
                    throw new IllegalStateException("template " + header.templateId());
            }
            return true;
        }
    }
}
