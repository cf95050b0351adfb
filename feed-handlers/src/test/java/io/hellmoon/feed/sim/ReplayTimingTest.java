/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay's timeline: with a manual clock, exactly the records recorded up to {@code elapsed * speed} after the
 * first are served, to every client subscribed at that moment, and a client that joins late gets the stream from
 * where it is (what it missed is lost); with the real clock, 20x takes a twentieth of the recorded time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplayTimingTest
{
    private static final long STEP_NS = TimeUnit.MILLISECONDS.toNanos(250);

    @ParameterizedTest
    @ValueSource(strings = { "1x", "20x" })
    void shouldServeExactlyWhatIsDueOnTheClock(final String speedText)
    {
        final ReplaySpeed speed = ReplaySpeed.parse(speedText);
        final List<SimTests.CaptureLine> lines = SimTests.capture(SimTests.USDM_BTC);
        final long first = lines.get(0).receiveNs();
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(TimeUnit.DAYS.toNanos(20_000));

        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
            .replayFiles(List.of(TestData.file(SimTests.USDM_BTC)))
            .speed(speed)
            .clock(clock)))
        {
            SimTests.await("the first frame", () -> sim.counters().get("source frames") >= 1);
            try (TestWsClient early = TestWsClient.connect(sim.webSocketUri() + "/stream?streams=btcusdt@trade", true))
            {
                SimTests.await("subscribed", () -> 1 == sim.counters().subscriptions());
                TestWsClient late = null;
                try
                {
                    long elapsedNs = 0;
                    long servedUpTo = 0;
                    for (int step = 1; step <= 6; step++)
                    {
                        final long previous = elapsedNs;
                        elapsedNs += STEP_NS;
                        clock.advance(STEP_NS);
                        final long wallNs = elapsedNs;
                        final long due = lines.stream().filter((l) -> !l.isSnapshot() &&
                            speed.wallNs(l.receiveNs() - first) <= wallNs).count();
                        SimTests.await(due + " frames due at " + step + " steps",
                            () -> sim.counters().get("source frames") == due);

                        final List<String> expected = new ArrayList<>();
                        for (final SimTests.CaptureLine line : SimTests.frames(lines, "btcusdt@trade"::equals))
                        {
                            final long lineWallNs = speed.wallNs(line.receiveNs() - first);
                            if (lineWallNs > previous && lineWallNs <= elapsedNs)
                            {
                                expected.add(line.json());
                            }
                        }
                        for (final String trade : expected)
                        {
                            assertEquals(trade, early.next(SimTests.WAIT), "step " + step);
                            if (step > 3)
                            {
                                assertEquals(trade, late.next(SimTests.WAIT), "late client, step " + step);
                            }
                        }
                        servedUpTo += expected.size();
                        assertNull(early.poll(Duration.ofMillis(50)), "nothing beyond what is due");
                        if (3 == step)
                        {
                            late = TestWsClient.connect(sim.webSocketUri() + "/ws", true);
                            late.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":1}");
                            assertEquals("{\"result\":null,\"id\":1}", late.next(SimTests.WAIT));
                            late.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":2}");
                            assertEquals("{\"result\":null,\"id\":2}", late.next(SimTests.WAIT));
                        }
                    }
                    assertTrue(servedUpTo > 10, "trades served: " + servedUpTo);
                }
                finally
                {
                    if (null != late)
                    {
                        late.close();
                    }
                }
            }
        }
    }

    @Test
    void shouldReplayTwentyTimesFasterOnTheRealClock()
    {
        final List<SimTests.CaptureLine> trades =
            SimTests.frames(SimTests.capture(SimTests.USDM_BTC), "btcusdt@trade"::equals);
        try (SimExchange sim = SimExchange.launch(SimTests.context(SimVenue.BINANCE_USDM)
                .replayFiles(List.of(TestData.file(SimTests.USDM_BTC)))
                .speed(ReplaySpeed.parse("20x"))
                .waitForSubscriber(true));
            TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/stream?streams=btcusdt@trade", true))
        {
            final int count = 1500;
            final TestWsClient.Received firstReceived = client.nextReceived(SimTests.WAIT);
            TestWsClient.Received last = firstReceived;
            for (int i = 1; i < count; i++)
            {
                last = client.nextReceived(SimTests.WAIT);
            }
            final long recordedNs = trades.get(count - 1).receiveNs() - trades.get(0).receiveNs();
            final long servedNs = last.nanoTime() - firstReceived.nanoTime();
            final double ratio = servedNs / (recordedNs / 20.0);
            System.out.println("20x: " + count + " trades recorded over " + recordedNs / 1_000_000 +
                " ms served over " + servedNs / 1_000_000 + " ms, ratio to a twentieth " + ratio);
            assertTrue(ratio > 0.8 && ratio < 1.5, "ratio " + ratio);
        }
    }
}
