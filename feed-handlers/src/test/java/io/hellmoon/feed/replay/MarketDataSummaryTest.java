/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

import io.hellmoon.feed.testing.SbeMessages;
import io.hellmoon.sbe.BestBidOfferEncoder;
import io.hellmoon.sbe.BookLevelsEncoder;
import io.hellmoon.sbe.BooleanType;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatisticsEncoder;
import io.hellmoon.sbe.FeedStatusEncoder;
import io.hellmoon.sbe.FeedStatusReason;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static io.hellmoon.feed.testing.SbeMessages.NULL_ID;
import static io.hellmoon.feed.testing.SbeMessages.levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketDataSummaryTest
{
    private static final int BTC = 1;
    private static final int ETH = 2;
    private static final int EXPONENT = -8;

    private final SbeMessages messages = new SbeMessages().exponents(EXPONENT, EXPONENT);
    private final UnsafeBuffer buffer = messages.buffer();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final MarketDataSummary summary = new MarketDataSummary();

    @TempDir
    Path tempDir;

    @Test
    void shouldWriteEveryRequiredKeyWhenEmpty()
    {
        assertEquals("""
            {
              "crossedBooks": 0,
              "decodeErrors": 0,
              "gaps": 0,
              "instruments": {},
              "messages": {
                "aggTrade": 0,
                "bookTicker": 0,
                "depthUpdate": 0,
                "forceOrder": 0,
                "kline": 0,
                "markPriceUpdate": 0,
                "snapshot": 0,
                "trade": 0
              },
              "resyncs": 0
            }
            """, summary.toJson());
    }

    @Test
    void shouldSummariseBooksTradesStatusesAndStatistics()
    {
        feed(messages.definition(BTC, Venue.BINANCE_USDM, "BTCUSDT"));
        feed(messages.definition(ETH, Venue.BINANCE_SPOT, "ETHUSDT"));
        feed(messages.depthUpdate(BTC, 1, 5, NULL_ID, levels(), levels(), 0));
        feed(messages.depthSnapshot(BTC, 5, levels(), levels(), 0));
        feed(trade(BTC, TradeKind.TRADE, 6_168_599_000_000L));
        feed(trade(BTC, TradeKind.AGG_TRADE, 6_168_600_000_000L));
        feed(bestBidOffer(BTC, 1, 2, 77));
        feed(bookLevels(BTC, 6_168_599_000_000L, 6_168_600_000_000L, 42));
        feed(status(BTC, FeedState.RESYNCING, FeedStatusReason.SEQUENCE_GAP, 0));
        feed(status(BTC, FeedState.LIVE, FeedStatusReason.SNAPSHOT_APPLIED, 1));
        feed(bookLevels(BTC, 6_168_598_000_000L, 6_168_601_000_000L, 50));
        feed(bestBidOffer(ETH, 268_250_000_000L, 268_251_000_000L, 9));
        feed(trade(ETH, TradeKind.TRADE, 268_251_000_000L));
        feed(statistics(1, 3, 0, 1, false));
        feed(statistics(2, 4, 0, 0, false));
        feed(statistics(1, 5, 0, 1, true));

        assertEquals("""
            {
              "crossedBooks": 0,
              "decodeErrors": 9,
              "feedStatistics": {
                "bufferOverflows": 0,
                "crossedBooks": 0,
                "decodeErrors": 9,
                "dropped": 0,
                "endOfStream": false,
                "framesReceived": 200,
                "gaps": 1,
                "messagesPublished": 300,
                "reconnects": 0,
                "resyncs": 1,
                "sources": 2,
                "stalePeriods": 0,
                "unsupportedMessages": 0
              },
              "gaps": 1,
              "instruments": {
                "BINANCE_SPOT:ETHUSDT": {
                  "bestAsk": "2682.51",
                  "bestBid": "2682.5",
                  "lastTradePrice": "2682.51",
                  "lastUpdateId": 9
                },
                "BINANCE_USDM:BTCUSDT": {
                  "bestAsk": "61686.01",
                  "bestBid": "61685.98",
                  "lastTradePrice": "61686",
                  "lastUpdateId": 50
                }
              },
              "messages": {
                "aggTrade": 1,
                "bookTicker": 2,
                "depthUpdate": 1,
                "forceOrder": 0,
                "kline": 0,
                "markPriceUpdate": 0,
                "snapshot": 1,
                "trade": 2
              },
              "otherMessages": {
                "bookLevels": 2,
                "feedStatistics": 3,
                "feedStatus": 2,
                "instrumentDefinition": 2
              },
              "resyncs": 1
            }
            """, summary.toJson());

        assertTrue(summary.instrument("BINANCE_USDM:BTCUSDT").fromBook());
        assertFalse(summary.instrument("BINANCE_SPOT:ETHUSDT").fromBook(), "no book: from the last bookTicker");
        assertEquals(9, summary.decodeErrors(), "latest of source 1 (5) plus latest of source 2 (4)");
    }

    @Test
    void shouldTakeLargerOfStatusCountsAndStatisticsTotals()
    {
        feed(statistics(1, 0, 2, 3, false));
        assertEquals(3, summary.gaps(), "a late subscriber missed the statuses");
        assertEquals(2, summary.crossedBooks());
        assertEquals(3, summary.resyncs());

        feed(status(BTC, FeedState.RESYNCING, FeedStatusReason.CROSSED_BOOK, 4));
        feed(status(BTC, FeedState.RESYNCING, FeedStatusReason.CROSSED_BOOK, 4));
        feed(status(BTC, FeedState.RESYNCING, FeedStatusReason.CROSSED_BOOK, 4));
        assertEquals(3, summary.crossedBooks());
        assertEquals(4, summary.resyncs());
    }

    @Test
    void shouldNameUndefinedInstrumentsByIdAndWriteNullsForAbsentValues()
    {
        feed(messages.depthUpdate(ETH, 1, 5, NULL_ID, levels(), levels(), 0));
        final Map<String, MarketDataSummary.InstrumentSummary> instruments = summary.instruments();
        final MarketDataSummary.InstrumentSummary empty =
            new MarketDataSummary.InstrumentSummary(null, null, null, null, false);
        assertEquals(new TreeMap<>(Map.of("#2", empty)), instruments);
        assertTrue(summary.toJson().contains("\"#2\": {\n      \"bestAsk\": null,"));
    }

    @Test
    void shouldReportConnectionTotalsOfLiveSourcesAtTheTopLevel()
    {
        assertFalse(summary.toJson().contains("reconnects"), "a replay's summary keeps its keys");
        summary.includeConnectionTotals(true);
        assertTrue(summary.toJson().contains("\"reconnects\": 0,\n  \"resyncs\": 0,\n  \"stalePeriods\": 0"));

        final MarketDataSummary live = new MarketDataSummary();
        live.onMessage(buffer, 0, liveStatistics(1, 2, 5));
        live.onMessage(buffer, 0, liveStatistics(2, 1, 1));
        live.onMessage(buffer, 0, liveStatistics(1, 3, 7));
        assertEquals(4, live.reconnects(), "latest of source 1 (3) plus source 2 (1)");
        assertEquals(8, live.stalePeriods());
        assertTrue(live.toJson().contains("\"reconnects\": 4,"), live.toJson());
        assertTrue(live.toJson().contains("\"stalePeriods\": 8"), live.toJson());
    }

    @Test
    void shouldCountUndecodableMessagesAndCarryOn()
    {
        feed(messages.definition(BTC, Venue.BINANCE_USDM, "BTCUSDT"));
        feed(messages.definition(BTC, Venue.BINANCE_SPOT, "OTHER"));
        summary.onMessage(buffer, 0, 3);
        assertEquals(2, summary.undecodable());
        assertTrue(summary.toJson().contains("\"undecodable\": 2"));
    }

    @Test
    void shouldEscapeJsonStrings()
    {
        final StringBuilder out = new StringBuilder();
        JsonText.writeString(out, "a\"b\\c\n\u0001\u2028é");
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\\u2028é\"", out.toString());
    }

    @Test
    void shouldWriteSameBytesForSameStreamAndToFile() throws IOException
    {
        final MarketDataSummary other = new MarketDataSummary();
        for (final MarketDataSummary target : new MarketDataSummary[]{ summary, other })
        {
            final int length = messages.definition(BTC, Venue.BINANCE_USDM, "BTCUSDT");
            target.onMessage(buffer, 0, length);
            final int tradeLength = trade(BTC, TradeKind.TRADE, 100_000_000L);
            target.onMessage(buffer, 0, tradeLength);
        }
        assertEquals(summary.toJson(), other.toJson());

        final Path file = tempDir.resolve("out/summary.json");
        summary.writeJson(file);
        assertEquals(summary.toJson(), Files.readString(file, StandardCharsets.UTF_8));
    }

    private void feed(final int length)
    {
        summary.onMessage(buffer, 0, length);
    }

    private int trade(final int id, final TradeKind kind, final long price)
    {
        final TradeEncoder encoder = new TradeEncoder().wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(id).receiveTimeNs(0).publishTimeNs(0).kind(kind).aggressorSide(Side.BUY)
            .priceExponent((byte)EXPONENT).sizeExponent((byte)EXPONENT).price(price).size(1).tradeId(1);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private int bestBidOffer(final int id, final long bid, final long ask, final long updateId)
    {
        final BestBidOfferEncoder encoder = new BestBidOfferEncoder().wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(id).receiveTimeNs(0).publishTimeNs(0).updateId(updateId)
            .priceExponent((byte)EXPONENT).sizeExponent((byte)EXPONENT).bidPrice(bid).bidSize(1).askPrice(ask)
            .askSize(1);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private int bookLevels(final int id, final long bid, final long ask, final long updateId)
    {
        final BookLevelsEncoder encoder = new BookLevelsEncoder().wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(id).receiveTimeNs(0).publishTimeNs(0).lastUpdateId(updateId).bidLevelCount(2)
            .askLevelCount(1).priceExponent((byte)EXPONENT).sizeExponent((byte)EXPONENT);
        final BookLevelsEncoder.BidsEncoder bids = encoder.bidsCount(2);
        bids.next().price(bid).size(1);
        bids.next().price(bid - 1).size(1);
        encoder.asksCount(1).next().price(ask).size(1);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private int status(final int id, final FeedState state, final FeedStatusReason reason, final int resyncCount)
    {
        final FeedStatusEncoder encoder = new FeedStatusEncoder().wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(id).receiveTimeNs(0).publishTimeNs(0).state(state).reason(reason)
            .lastUpdateId(NULL_ID).receivedUpdateId(NULL_ID).resyncCount(resyncCount);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private int statistics(
        final int sourceId, final long decodeErrors, final long crossed, final long gapsAndResyncs, final boolean end)
    {
        final FeedStatisticsEncoder encoder = new FeedStatisticsEncoder().wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(0).receiveTimeNs(0).publishTimeNs(0).sourceId(sourceId).venue(Venue.BINANCE_USDM)
            .endOfStream(end ? BooleanType.TRUE : BooleanType.FALSE).framesReceived(100).messagesPublished(150)
            .decodeErrors(decodeErrors).unsupportedMessages(0).gaps(gapsAndResyncs).resyncs(gapsAndResyncs)
            .crossedBooks(crossed).bufferOverflows(0).dropped(0).reconnects(0).stalePeriods(0);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private int liveStatistics(final int sourceId, final long reconnects, final long stalePeriods)
    {
        final int length = statistics(sourceId, 0, 0, 0, false);
        new FeedStatisticsEncoder().wrap(buffer, MessageHeaderEncoder.ENCODED_LENGTH)
            .reconnects(reconnects).stalePeriods(stalePeriods);
        return length;
    }
}
