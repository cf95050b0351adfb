/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.connect;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.feed.MarketDataFeed;
import io.hellmoon.feed.replay.MarketDataSummary;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.feed.replay.Replayer;
import io.hellmoon.feed.testing.LocalExchangeServer;
import io.hellmoon.feed.testing.SyntheticExchange;
import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.FeedStatusDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.Venue;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live feed end to end against a synthetic exchange on loopback: books synced from REST snapshots, marked stale
 * on the market-data stream when their connection drops or goes silent and LIVE again after a new snapshot, and a
 * recording that replays to the same summary.
 */
@Timeout(90)
class LiveFeedTest
{
    private static final int INSTRUMENTS = 3;

    private final SyntheticExchange exchange = new SyntheticExchange(INSTRUMENTS, 600, 7);
    private final LocalExchangeServer server = exchange.server();
    private final StreamLog log = new StreamLog();
    private final MarketDataSummary summary = new MarketDataSummary().includeConnectionTotals(true);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private LiveFeed feed;

    @AfterEach
    void close()
    {
        if (null != feed)
        {
            feed.close();
        }
        exchange.close();
    }

    @Test
    void shouldMarkBooksStaleWhenTheConnectionDropsAndLiveAgainAfterTheSnapshot() throws Exception
    {
        start(null);
        await(() -> log.allLive(), 20, "every book LIVE");

        server.connections().get(0).drop();
        await(() -> log.count("LIVE SNAPSHOT_APPLIED") == 2 * INSTRUMENTS, 20, "every book LIVE again");
        feed.stop().get(10, TimeUnit.SECONDS);

        for (final int id : log.instrumentIds())
        {
            assertEquals(List.of("SYNCING STARTED", "LIVE SNAPSHOT_APPLIED", "STALE DISCONNECTED",
                "RESYNCING RECONNECTED", "LIVE SNAPSHOT_APPLIED"), log.statuses(id), "instrument " + id);
            assertTrue(log.noLevelsWhileNotLive(id), "no BookLevels between STALE and LIVE: " + log.entries(id));
        }
        assertEquals(1, summary.reconnects());
        assertEquals(INSTRUMENTS, summary.stalePeriods());
        assertEquals(INSTRUMENTS, summary.resyncs());
        assertEquals(0, summary.decodeErrors());
        assertEquals(0, summary.crossedBooks());
        assertTrue(summary.toJson().contains("\"reconnects\": 1"), summary.toJson());
        assertTrue(events.stream().anyMatch((e) -> e.startsWith("REFERENCE_DATA") && e.contains("3 instruments")));
    }

    @Test
    void shouldMarkBooksStaleWhenTheConnectionGoesSilent() throws Exception
    {
        System.setProperty("hellmoon.feed.binance-usdm.heartbeat.idle", "200ms");
        System.setProperty("hellmoon.feed.binance-usdm.heartbeat.timeout", "800ms");
        try
        {
            start(null);
            await(() -> log.allLive(), 20, "every book LIVE");
            server.answerPings(false);
            server.connections().get(0).stall();
            await(() -> log.count("STALE HEARTBEAT_TIMEOUT") == INSTRUMENTS, 10, "stale on silence");
            server.answerPings(true);
            await(() -> log.count("LIVE SNAPSHOT_APPLIED") == 2 * INSTRUMENTS, 20, "LIVE again");
        }
        finally
        {
            System.clearProperty("hellmoon.feed.binance-usdm.heartbeat.idle");
            System.clearProperty("hellmoon.feed.binance-usdm.heartbeat.timeout");
        }
        feed.stop().get(10, TimeUnit.SECONDS);
        for (final int id : log.instrumentIds())
        {
            assertEquals(List.of("SYNCING STARTED", "LIVE SNAPSHOT_APPLIED", "STALE HEARTBEAT_TIMEOUT",
                "RESYNCING RECONNECTED", "LIVE SNAPSHOT_APPLIED"), log.statuses(id), "instrument " + id);
        }
        assertTrue(events.stream().anyMatch((e) -> e.startsWith("HEARTBEAT_TIMEOUT")), events.toString());
    }

    @Test
    void shouldReplayARecordingToTheSameSummary(@TempDir final Path dir) throws Exception
    {
        start(dir);
        await(() -> log.allLive(), 20, "every book LIVE");
        Thread.sleep(500);
        server.connections().get(0).drop();
        await(() -> log.count("LIVE SNAPSHOT_APPLIED") == 2 * INSTRUMENTS, 20, "LIVE again");
        Thread.sleep(500);
        feed.stop().get(10, TimeUnit.SECONDS);

        final List<Path> files;
        try (Stream<Path> list = Files.list(dir))
        {
            files = list.sorted().toList();
        }
        assertEquals(3, files.size(), "frames, snapshots, exchangeInfo: " + files);
        final Path frames = files.stream().filter((p) -> p.toString().endsWith(".ws.1.0")).findFirst().orElseThrow();

        final MarketDataSummary replayed = replay(frames);
        assertEquals(summary.messageCounts().entrySet().stream()
                .filter((e) -> !e.getKey().equals("bookLevels") && !e.getKey().equals("feedStatus") &&
                    !e.getKey().equals("feedStatistics")).toList(),
            replayed.messageCounts().entrySet().stream()
                .filter((e) -> !e.getKey().equals("bookLevels") && !e.getKey().equals("feedStatus") &&
                    !e.getKey().equals("feedStatistics")).toList());
        assertEquals(summary.instruments(), replayed.instruments());
        assertEquals(summary.decodeErrors(), replayed.decodeErrors());
        assertEquals(summary.crossedBooks(), replayed.crossedBooks());
        assertEquals(2 * INSTRUMENTS, summary.messages("snapshot"));
        assertTrue(summary.messages("trade") > 0 && summary.messages("depthUpdate") > 0);
        // The replay sees no disconnection: it resyncs only where the recorded diffs do not chain (often nowhere,
        // when no diff fell into the gap), and its books end the same either way.
        assertTrue(replayed.resyncs() <= INSTRUMENTS);
    }

    private MarketDataSummary replay(final Path frames)
    {
        final MarketDataSummary replayed = new MarketDataSummary();
        final InstrumentRegistry registry = new InstrumentRegistry();
        final ManualEpochNanoClock replayTime = new ManualEpochNanoClock(0);
        final MessageSink sink = (buffer, offset, length) ->
        {
            replayed.onMessage(buffer, offset, length);
            return true;
        };
        try (MarketDataFeed replayFeed = new MarketDataFeed(
            sink, registry, true, replayTime, CounterFactory.local(64), "replay", Venue.BINANCE_USDM);
            Replayer replayer = new Replayer(new Replayer.Context()
                .files(List.of(frames))
                .speed(ReplaySpeed.MAX)
                .venue(Venue.BINANCE_USDM)
                .registry(registry)
                .replayTimeClock(replayTime)
                .frameHandlers(replayFeed::handlerFor)
                .endOfStreamHandler(replayFeed.pipeline()::onEndOfStream)))
        {
            replayer.run();
            assertEquals(0, replayer.malformedLines(), replayer.errorSamples().toString());
        }
        return replayed;
    }

    private void start(final Path recordDirectory)
    {
        final VenueProfile profile = VenueProfile.of("binance-usdm").wsUrl(server.wsUrl()).restUrl(server.httpUrl())
            .backoffInitialNs(TimeUnit.MILLISECONDS.toNanos(50));
        final List<String> symbols = new ArrayList<>();
        for (int i = 0; i < INSTRUMENTS; i++)
        {
            symbols.add(exchange.symbol(i));
        }
        feed = new LiveFeed(new LiveFeed.Context()
            .profile(profile)
            .symbols(symbols)
            .streams(List.of("trade", "bookTicker", "depth@100ms"))
            .downstream((buffer, offset, length) ->
            {
                log.onMessage(buffer, offset, length);
                summary.onMessage(buffer, offset, length);
                return true;
            })
            .recordDirectory(recordDirectory)
            .recordSession("test")
            .events((event, connection, detail) -> events.add(event + " " + connection + " " + detail))
            .tickNs(TimeUnit.MILLISECONDS.toNanos(10))
            .seed(1));
        feed.start();
    }

    private static void await(final BooleanSupplier condition, final int seconds, final String what)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }

    /**
     * FeedStatus and BookLevels per instrument, as seen on the stream.
     */
    private static final class StreamLog
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final FeedStatusDecoder status = new FeedStatusDecoder();
        private final BookLevelsDecoder levels = new BookLevelsDecoder();
        private final Map<Integer, List<String>> byInstrument = new ConcurrentHashMap<>();

        void onMessage(final DirectBuffer buffer, final int offset, final int length)
        {
            header.wrap(buffer, offset);
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            if (FeedStatusDecoder.TEMPLATE_ID == header.templateId())
            {
                status.wrap(buffer, body, header.blockLength(), header.version());
                entries(status.instrumentId()).add(status.state() + " " + status.reason());
            }
            else if (BookLevelsDecoder.TEMPLATE_ID == header.templateId())
            {
                levels.wrap(buffer, body, header.blockLength(), header.version());
                entries(levels.instrumentId()).add("levels");
            }
        }

        List<String> entries(final int instrumentId)
        {
            return byInstrument.computeIfAbsent(instrumentId, (id) -> new CopyOnWriteArrayList<>());
        }

        List<Integer> instrumentIds()
        {
            return List.copyOf(byInstrument.keySet());
        }

        List<String> statuses(final int instrumentId)
        {
            return entries(instrumentId).stream().filter((e) -> !"levels".equals(e)).toList();
        }

        boolean allLive()
        {
            return INSTRUMENTS == byInstrument.size() && count("LIVE SNAPSHOT_APPLIED") >= INSTRUMENTS;
        }

        long count(final String status)
        {
            return byInstrument.values().stream().flatMap(List::stream).filter(status::equals).count();
        }

        boolean noLevelsWhileNotLive(final int instrumentId)
        {
            boolean live = false;
            for (final String entry : entries(instrumentId))
            {
                if ("levels".equals(entry))
                {
                    if (!live)
                    {
                        return false;
                    }
                }
                else
                {
                    live = entry.startsWith("LIVE");
                }
            }
            return true;
        }
    }
}
