/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.BookLevelsEncoder;
import io.hellmoon.sbe.DepthUpdateEncoder;
import io.hellmoon.sbe.Feature;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;

import static io.hellmoon.scanner.ScannerFixture.MINUTE;
import static io.hellmoon.scanner.ScannerFixture.MS;
import static io.hellmoon.scanner.ScannerFixture.SECOND;
import static io.hellmoon.scanner.ScannerFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScannerInputTest
{
    private static final int ID = 5;

    private ScannerFixture fixture = new ScannerFixture();

    private long errors(final int reason)
    {
        return fixture.scanner.errorLog().count(reason);
    }

    private int encodeTrade(final int instrumentId, final long eventTimeNs, final long price)
    {
        final TradeEncoder trade = new TradeEncoder();
        trade.wrapAndApplyHeader(fixture.md.buffer(), 0, new MessageHeaderEncoder())
            .instrumentId(instrumentId)
            .eventTimeNs(eventTimeNs)
            .receiveTimeNs(T0)
            .publishTimeNs(T0)
            .tradeTimeNs(TradeEncoder.tradeTimeNsNullValue())
            .kind(TradeKind.TRADE)
            .aggressorSide(Side.BUY)
            .priceExponent(MarketData.EXPONENT)
            .sizeExponent(MarketData.EXPONENT)
            .price(price)
            .size(100_000_000L)
            .tradeId(1);
        return MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength();
    }

    @Test
    void shouldCountAndSkipMalformedMessagesAndCarryOn()
    {
        final UnsafeBuffer buffer = fixture.md.buffer();
        final int length = encodeTrade(ID, T0, 100_000_000L);

        fixture.scanner.onMessage(buffer, 0, 5);
        fixture.scanner.onMessage(buffer, 0, length - 1);
        assertEquals(2, errors(HellmoonScanner.ERROR_TRUNCATED));

        buffer.putShort(4, (short)1234, ByteOrder.LITTLE_ENDIAN);
        fixture.scanner.onMessage(buffer, 0, length);
        assertEquals(1, errors(HellmoonScanner.ERROR_WRONG_SCHEMA));

        fixture.scanner.onMessage(buffer, 0, encodeTrade(0, T0, 100_000_000L));
        fixture.scanner.onMessage(buffer, 0, encodeTrade(-3, T0, 100_000_000L));
        assertEquals(2, errors(HellmoonScanner.ERROR_BAD_INSTRUMENT));

        fixture.scanner.onMessage(buffer, 0, encodeTrade(ID, T0, 0L));
        fixture.scanner.onMessage(buffer, 0, encodeTrade(ID, T0, -5L));
        buffer.putByte(MessageHeaderEncoder.ENCODED_LENGTH + TradeEncoder.kindEncodingOffset(), (byte)77);
        fixture.scanner.onMessage(buffer, 0, length);
        assertEquals(3, errors(HellmoonScanner.ERROR_BAD_VALUE));

        // A book claiming more levels than it carries.
        fixture.md.book(ID, T0, 100.0, 3, 1.0, 1.0);
        buffer.putShort(MessageHeaderEncoder.ENCODED_LENGTH + BookLevelsEncoder.BLOCK_LENGTH + 2,
            (short)4_000, ByteOrder.LITTLE_ENDIAN);
        fixture.scanner.onMessage(buffer, 0, 200);
        assertEquals(3, errors(HellmoonScanner.ERROR_TRUNCATED));

        final StringBuilder out = new StringBuilder();
        assertEquals(fixture.scanner.errorLog().totalCount(), fixture.scanner.errorLog().drain(out, 100));
        assertTrue(out.toString().contains("scanner-1 bad frame: BAD_VALUE"), out::toString);

        fixture.calmTrades(ID, T0 + SECOND, T0 + 120 * SECOND, 50_000.0, 0.01);
        fixture.burst(ID, T0 + 120 * SECOND, 30, 50_000.0, 0.1, Side.BUY);
        assertEquals(1, fixture.sink.anomalies.size(), "still scanning");
        assertEquals(10 + 1_190 + 30, fixture.scanner.messagesIn(), "bad ones included");
    }

    @Test
    void shouldIgnoreMessagesItDoesNotScan()
    {
        final DepthUpdateEncoder depth = new DepthUpdateEncoder();
        depth.wrapAndApplyHeader(fixture.md.buffer(), 0, new MessageHeaderEncoder())
            .instrumentId(ID)
            .eventTimeNs(T0)
            .firstUpdateId(1)
            .finalUpdateId(2)
            .bidsCount(0);
        depth.asksCount(0);
        fixture.scanner.onMessage(
            fixture.md.buffer(), 0, MessageHeaderEncoder.ENCODED_LENGTH + depth.encodedLength());

        assertEquals(0, fixture.scanner.errorLog().totalCount());
        assertEquals(0, fixture.scanner.instrumentCount());
        assertEquals(1, fixture.scanner.messagesIn());
    }

    @Test
    void shouldProcessLateTradesAtTheInstrumentsLatestTime()
    {
        long timeNs = fixture.calmTrades(ID, T0, T0 + 120 * SECOND, 50_000.0, 0.01);
        // A burst whose event times all lie a second in the past: counted in the current window, not lost.
        for (int i = 0; i < 30; i++)
        {
            fixture.md.trade(ID, timeNs - SECOND, 50_000.0, 0.1, Side.BUY);
        }

        assertEquals(30, fixture.scanner.lateEventCount());
        final List<RecordingSink.Anomaly> spikes = fixture.sink.anomalies(AnomalyType.VOLUME_SPIKE);
        assertEquals(1, spikes.size());
        assertEquals(timeNs - SECOND, spikes.get(0).eventTimeNs(), "reports the tick's own event time");
        assertEquals(timeNs - 100 * MS, fixture.scanner.streamTimeNs(), "the clock did not go back");
    }

    @Test
    void shouldFallBackToTheInstrumentsLastEventTimeWhenAMessageHasNone()
    {
        final long timeNs = fixture.calmTrades(ID, T0, T0 + 120 * SECOND, 50_000.0, 0.01);
        final long lastNs = timeNs - 100 * MS;
        final UnsafeBuffer buffer = fixture.md.buffer();
        for (int i = 0; i < 30; i++)
        {
            final int length = encodeTrade(ID, TradeEncoder.eventTimeNsNullValue(), 10_000_000_000_000L);
            fixture.scanner.onMessage(buffer, 0, length);
        }

        final List<RecordingSink.Anomaly> spikes = fixture.sink.anomalies(AnomalyType.VOLUME_SPIKE);
        assertEquals(1, spikes.size());
        assertEquals(lastNs, spikes.get(0).eventTimeNs());
        assertEquals(T0, spikes.get(0).receiveTimeNs(), "the triggering message's own receive time");
        assertEquals(0, fixture.scanner.lateEventCount());
    }

    @Test
    void shouldTreatImplausibleEventTimesAsMissingWhenTheSkewCheckIsOn()
    {
        fixture = new ScannerFixture(ScannerFixture.pinned(new ScannerContext()).maxEventTimeSkewNs(SECOND));
        fixture.md.trade(ID, T0, 100.0, 1.0, Side.BUY);
        final UnsafeBuffer buffer = fixture.md.buffer();
        fixture.scanner.onMessage(buffer, 0, encodeTrade(ID, T0 + 365L * 24 * 3600 * SECOND, 100_000_000L));

        assertEquals(T0, fixture.scanner.streamTimeNs(), "a year ahead of its receive time: ignored");
        assertEquals(0, fixture.scanner.sweepCount());
    }

    @Test
    void shouldRunOneSweepPerCrossingHoweverManyIntervalsItSkips()
    {
        fixture.md.trade(ID, T0 + 10 * MS, 100.0, 1.0, Side.BUY);
        assertEquals(0, fixture.scanner.sweepCount());
        fixture.md.trade(ID, T0 + 240 * MS, 100.0, 1.0, Side.BUY);
        assertEquals(0, fixture.scanner.sweepCount());
        fixture.md.trade(ID, T0 + 250 * MS, 100.0, 1.0, Side.BUY);
        assertEquals(1, fixture.scanner.sweepCount());
        fixture.md.trade(ID, T0 + 60 * MINUTE, 100.0, 1.0, Side.BUY);
        assertEquals(2, fixture.scanner.sweepCount());
        fixture.md.trade(ID, T0 + 60 * MINUTE + 249 * MS, 100.0, 1.0, Side.BUY);
        assertEquals(2, fixture.scanner.sweepCount());
    }

    @Test
    void shouldTakeOnlyItsShardsInstruments()
    {
        fixture = new ScannerFixture(ScannerFixture.pinned(new ScannerContext()).shardCount(3).shardIndex(1));
        for (int id = 1; id <= 30; id++)
        {
            fixture.md.trade(id, T0, 100.0, 1.0, Side.BUY);
        }
        assertEquals(10, fixture.scanner.instrumentCount());
    }

    @Test
    void shouldGrowBeyondTheInitialCapacityKeepingState()
    {
        fixture = new ScannerFixture(ScannerFixture.pinned(new ScannerContext()).capacity(4));
        long timeNs = T0;
        for (; timeNs < T0 + 120 * SECOND; timeNs += 100 * MS)
        {
            for (int id = 1; id <= 3; id++)
            {
                fixture.md.trade(id, timeNs, 50_000.0, 0.01, Side.BUY);
            }
        }
        for (int id = 4; id <= 100; id++)
        {
            fixture.md.trade(id, timeNs, 100.0, 1.0, Side.BUY);
        }
        assertEquals(100, fixture.scanner.instrumentCount());
        assertEquals(128, fixture.scanner.capacity());

        fixture.burst(3, timeNs, 30, 50_000.0, 0.1, Side.SELL);
        final List<RecordingSink.Anomaly> spikes = fixture.sink.anomalies(AnomalyType.VOLUME_SPIKE);
        assertEquals(1, spikes.size());
        assertEquals(3, spikes.get(0).instrumentId());
        assertEquals(5_000.0, spikes.get(0).feature(Feature.VOLUME_BASELINE), 250.0, "its baseline survived");
    }

    @Test
    void shouldCountOnlyTheTradeKindSeenFirst()
    {
        final long timeNs = fixture.calmTrades(ID, T0, T0 + 120 * SECOND, 50_000.0, 0.01);
        for (int i = 0; i < 30; i++)
        {
            fixture.md.trade(ID, timeNs + i * 10 * MS, 50_000.0, 0.1, Side.BUY, TradeKind.AGG_TRADE);
        }
        assertEquals(List.of(), fixture.sink.anomalies, "aggregates of trades already counted");
    }

    @Test
    void shouldMeasureInverseContractsInTheirQuoteValue()
    {
        fixture.md.definition(ID, Venue.BINANCE_COINM, InstrumentStatus.TRADING);
        final long timeNs = fixture.calmTrades(ID, T0, T0 + 120 * SECOND, 50_000.0, 5.0);
        fixture.burst(ID, timeNs, 30, 50_000.0, 100.0, Side.BUY);

        final RecordingSink.Anomaly spike = fixture.sink.anomalies(AnomalyType.VOLUME_SPIKE).get(0);
        // Contracts of 100 USD: 5 contracts every 100 ms is 5,000 USD a second.
        assertEquals(5_000.0, spike.feature(Feature.VOLUME_BASELINE), 250.0);
    }

    @Test
    void shouldNotFireForInstrumentsThatAreNotTrading()
    {
        fixture.md.definition(ID, Venue.BINANCE_SPOT, InstrumentStatus.HALTED);
        final long timeNs = fixture.calmTrades(ID, T0, T0 + 120 * SECOND, 50_000.0, 0.01);
        fixture.burst(ID, timeNs, 30, 50_000.0, 0.1, Side.BUY);
        assertEquals(List.of(), fixture.sink.anomalies);
    }
}
