/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed;

import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.feed.book.BookManager;
import io.hellmoon.feed.testing.RecordingSink;
import io.hellmoon.feed.testing.SbeMessages;
import io.hellmoon.feed.testing.SyntheticDepthCycle;
import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.BooleanType;
import io.hellmoon.sbe.DepthSnapshotDecoder;
import io.hellmoon.sbe.DepthUpdateDecoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.FeedStatisticsDecoder;
import io.hellmoon.sbe.FeedStatusDecoder;
import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeDecoder;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.AllocationMeter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static io.hellmoon.feed.testing.SbeMessages.NULL_ID;
import static io.hellmoon.feed.testing.SbeMessages.levels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class MarketDataPipelineTest
{
    private static final long SECOND_NS = 1_000_000_000L;

    private final RecordingSink downstream = new RecordingSink();
    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(SECOND_NS);
    private final SbeMessages messages = new SbeMessages();
    private final InstrumentRegistry registry = new InstrumentRegistry();
    private MarketDataPipeline pipeline;

    @AfterEach
    void close()
    {
        if (null != pipeline)
        {
            pipeline.close();
        }
    }

    private MarketDataPipeline pipeline(final MarketDataPipeline.Context ctx)
    {
        pipeline = new MarketDataPipeline(ctx.downstream(downstream).clock(clock));
        return pipeline;
    }

    private int spotInstrument()
    {
        return registry.register(Venue.BINANCE_SPOT, "BTCUSDT");
    }

    @Test
    void shouldPassMessagesUnchangedAndPublishDerivedRightAfterTheirCause()
    {
        final int id = spotInstrument();
        pipeline(new MarketDataPipeline.Context().registry(registry).statisticsIntervalNs(0));
        downstream.clear();

        int length = messages.depthUpdate(id, 1, 5, NULL_ID, levels(100, 1), levels(101, 1), SECOND_NS);
        final byte[] raw = new byte[length];
        messages.buffer().getBytes(0, raw);
        assertTrue(pipeline.offer(messages.buffer(), 0, length));

        assertEquals(List.of(InstrumentDefinitionDecoder.TEMPLATE_ID, DepthUpdateDecoder.TEMPLATE_ID,
            FeedStatusDecoder.TEMPLATE_ID), downstream.templateIds());
        final byte[] passed = new byte[length];
        downstream.message(1).getBytes(0, passed);
        assertArrayEquals(raw, passed, "raw message passed unchanged");
        assertEquals(FeedState.SYNCING, downstream.status(2).state());

        length = messages.depthSnapshot(id, 5, levels(100, 2), levels(101, 2), SECOND_NS);
        pipeline.offer(messages.buffer(), 0, length);
        assertEquals(List.of(InstrumentDefinitionDecoder.TEMPLATE_ID, DepthUpdateDecoder.TEMPLATE_ID,
            FeedStatusDecoder.TEMPLATE_ID, DepthSnapshotDecoder.TEMPLATE_ID, FeedStatusDecoder.TEMPLATE_ID,
            BookLevelsDecoder.TEMPLATE_ID), downstream.templateIds());

        length = messages.depthUpdate(id, 6, 6, NULL_ID, levels(99, 1), levels(), SECOND_NS);
        pipeline.offer(messages.buffer(), 0, length);
        assertEquals(DepthUpdateDecoder.TEMPLATE_ID, downstream.templateId(6));
        assertEquals(BookLevelsDecoder.TEMPLATE_ID, downstream.templateId(7));
        assertEquals(6, downstream.levels(7).lastUpdateId());
        assertEquals(8, pipeline.messagesPublished());
        assertEquals(3, pipeline.messagesIn());
    }

    @Test
    void shouldPublishDefinitionOnceBeforeFirstMessageOfUndefinedInstrument()
    {
        final int known = spotInstrument();
        final int defined = registry.register(Venue.BINANCE_SPOT, "ETHUSDT");
        pipeline(new MarketDataPipeline.Context().registry(registry).statisticsIntervalNs(0));

        int length = messages.definition(defined, Venue.BINANCE_SPOT, "ETHUSDT");
        pipeline.offer(messages.buffer(), 0, length);
        length = trade(defined);
        pipeline.offer(messages.buffer(), 0, length);
        length = trade(known);
        pipeline.offer(messages.buffer(), 0, length);
        pipeline.offer(messages.buffer(), 0, length);

        assertEquals(List.of(InstrumentDefinitionDecoder.TEMPLATE_ID, TradeDecoder.TEMPLATE_ID,
            InstrumentDefinitionDecoder.TEMPLATE_ID, TradeDecoder.TEMPLATE_ID, TradeDecoder.TEMPLATE_ID),
            downstream.templateIds());
        final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder()
            .wrapAndApplyHeader(downstream.message(2), 0, new MessageHeaderDecoder());
        assertEquals(known, definition.instrumentId());
        assertEquals(Venue.BINANCE_SPOT, definition.venue());
        assertEquals("BTCUSDT", definition.symbol());
        assertEquals(1, pipeline.definitionsPublished());
    }

    @Test
    void shouldNotPublishDefinitionsWithoutRegistry()
    {
        pipeline(new MarketDataPipeline.Context().statisticsIntervalNs(0));
        final int length = trade(1);
        pipeline.offer(messages.buffer(), 0, length);
        assertEquals(List.of(TradeDecoder.TEMPLATE_ID), downstream.templateIds());
    }

    @Test
    void shouldGiveBookManagerTheVenueOfDefinitions()
    {
        final int id = registry.add(new Instrument(
            0, Venue.BINANCE_USDM, "BTCUSDT", InstrumentKind.PERPETUAL,
            InstrumentStatus.TRADING, 0, 0, 0, 0, 0, 0.0, 1.0, "", ""));
        pipeline(new MarketDataPipeline.Context().registry(registry).statisticsIntervalNs(0));

        int length = messages.depthUpdate(id, 100, 110, 90, levels(100, 1), levels(101, 1), SECOND_NS);
        pipeline.offer(messages.buffer(), 0, length);
        length = messages.depthSnapshot(id, 110, levels(100, 2), levels(101, 2), SECOND_NS);
        pipeline.offer(messages.buffer(), 0, length);

        assertEquals(FeedState.LIVE, pipeline.bookManager().state(id), "futures rule: u == L bridges");
    }

    @Test
    void shouldPublishStatisticsPeriodicallyAndOnceAtEndOfStream()
    {
        final int id = spotInstrument();
        final long[] frames = { 0 };
        final long[] errors = { 0 };
        pipeline(new MarketDataPipeline.Context()
            .registry(registry)
            .sourceId(3)
            .venue(Venue.BINANCE_SPOT)
            .statisticsIntervalNs(SECOND_NS)
            .framesReceived(() -> frames[0])
            .decodeErrors(() -> errors[0])
            .unsupportedMessages(() -> 4));

        frames[0] = 2;
        int length = messages.depthUpdate(id, 1, 5, NULL_ID, levels(100, 1), levels(101, 1), 1_500);
        pipeline.offer(messages.buffer(), 0, length);
        clock.advance(SECOND_NS / 2);
        length = messages.depthUpdate(id, 8, 9, NULL_ID, levels(100, 1), levels(101, 1), 2_500);
        pipeline.offer(messages.buffer(), 0, length);
        assertEquals(0, downstream.count(FeedStatisticsDecoder.TEMPLATE_ID), "not due yet");
        assertEquals(0, pipeline.publishStatisticsIfDue());

        clock.advance(SECOND_NS / 2);
        frames[0] = 3;
        errors[0] = 1;
        assertEquals(1, pipeline.publishStatisticsIfDue());
        assertEquals(0, pipeline.publishStatisticsIfDue());
        FeedStatisticsDecoder statistics = lastStatistics();
        assertEquals(3, statistics.sourceId());
        assertEquals(Venue.BINANCE_SPOT, statistics.venue());
        assertEquals(BooleanType.FALSE, statistics.endOfStream());
        assertEquals(3, statistics.framesReceived());
        assertEquals(1, statistics.decodeErrors());
        assertEquals(4, statistics.unsupportedMessages());
        assertEquals(1, statistics.gaps(), "gap between buffered diffs");
        assertEquals(2_500, statistics.receiveTimeNs(), "receive time of the last message");
        assertEquals(clock.nanoTime(), statistics.publishTimeNs());
        assertEquals(0, statistics.instrumentId());

        clock.advance(SECOND_NS / 4);
        pipeline.onEndOfStream();
        pipeline.onEndOfStream();
        statistics = lastStatistics();
        assertEquals(BooleanType.TRUE, statistics.endOfStream());
        assertEquals(2, downstream.count(FeedStatisticsDecoder.TEMPLATE_ID), "end of stream published once");
        assertTrue(pipeline.isEndOfStream());

        clock.advance(10 * SECOND_NS);
        assertEquals(0, pipeline.publishStatisticsIfDue(), "no statistics after the end");
        assertEquals(downstream.size() - 1, statistics.messagesPublished(), "all messages before it");
    }

    @Test
    void shouldCountDropsAndStillBuildBooks()
    {
        final int id = spotInstrument();
        downstream.accept(false);
        pipeline(new MarketDataPipeline.Context().statisticsIntervalNs(0).bookManagerContext(
            new BookManager.Context().defaultVenue(Venue.BINANCE_SPOT)));

        int length = messages.depthUpdate(id, 1, 5, NULL_ID, levels(100, 1), levels(101, 1), SECOND_NS);
        assertFalse(pipeline.offer(messages.buffer(), 0, length));
        length = messages.depthSnapshot(id, 5, levels(100, 2), levels(101, 2), SECOND_NS);
        assertFalse(pipeline.offer(messages.buffer(), 0, length));

        assertEquals(FeedState.LIVE, pipeline.bookManager().state(id));
        assertEquals(5, pipeline.messagesDropped());
        assertEquals(0, pipeline.messagesPublished());
        pipeline.onEndOfStream();
        assertEquals(5, lastStatistics().dropped(), "drops before the statistics message itself");
    }

    @Test
    void shouldFailFastOnInvalidContext()
    {
        assertThrows(IllegalStateException.class, () -> new MarketDataPipeline.Context().conclude());
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> new MarketDataPipeline.Context().downstream(downstream).sourceId(70_000).conclude());
        assertTrue(ex.getMessage().contains(MarketDataPipeline.Configuration.SOURCE_ID_PROP_NAME));
    }

    @Test
    void shouldPassMessagesAndBuildBooksWithoutAllocating()
    {
        final int id = spotInstrument();
        pipeline = new MarketDataPipeline(new MarketDataPipeline.Context()
            .downstream((buffer, offset, length) -> true)
            .clock(clock)
            .registry(registry)
            .statisticsIntervalNs(SECOND_NS / 10));
        final SyntheticDepthCycle cycle = new SyntheticDepthCycle(id, pipeline, clock);
        cycle.start();

        AllocationMeter.assertAllocationFree(2_000, 2_000, cycle);

        assertEquals(FeedState.LIVE, pipeline.bookManager().state(id));
        assertTrue(pipeline.statisticsPublished() > 100);
        assertEquals(1, pipeline.definitionsPublished());
    }

    private FeedStatisticsDecoder lastStatistics()
    {
        for (int i = downstream.size() - 1; i >= 0; i--)
        {
            if (FeedStatisticsDecoder.TEMPLATE_ID == downstream.templateId(i))
            {
                return new FeedStatisticsDecoder()
                    .wrapAndApplyHeader(downstream.message(i), 0, new MessageHeaderDecoder());
            }
        }
        throw new AssertionError("no FeedStatistics");
    }

    private int trade(final int instrumentId)
    {
        final UnsafeBuffer buffer = messages.buffer();
        final TradeEncoder trade = new TradeEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .instrumentId(instrumentId)
            .eventTimeNs(SECOND_NS)
            .receiveTimeNs(SECOND_NS)
            .publishTimeNs(SECOND_NS)
            .tradeTimeNs(SECOND_NS)
            .kind(TradeKind.TRADE)
            .aggressorSide(Side.BUY)
            .price(100)
            .size(1)
            .tradeId(1);
        return MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength();
    }
}
