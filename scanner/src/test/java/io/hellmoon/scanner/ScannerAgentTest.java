/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.hellmoon.codecs.HellmoonConfiguration;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.EmbeddedMediaDriver;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.Side;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static io.hellmoon.scanner.ScannerFixture.MS;
import static io.hellmoon.scanner.ScannerFixture.SECOND;
import static io.hellmoon.scanner.ScannerFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScannerAgentTest
{
    private static final int ID = 42;

    private final RecordingSink received = new RecordingSink();
    private EmbeddedMediaDriver driver;
    private Aeron aeron;
    private ScannerAgent agent;
    private Publication marketData;
    private Subscription scan;
    private FragmentHandler scanHandler;

    @BeforeEach
    void setUp()
    {
        driver = EmbeddedMediaDriver.launch("scanner-agent-test");
        aeron = driver.connect();
        agent = ScannerAgent.create(aeron, new ScannerContext().clock(new ManualEpochNanoClock(T0)));
        marketData = aeron.addPublication(
            HellmoonConfiguration.Stream.MD.channel(), HellmoonConfiguration.Stream.MD.streamId());
        scan = aeron.addSubscription(
            HellmoonConfiguration.Stream.SCAN.channel(), HellmoonConfiguration.Stream.SCAN.streamId());
        scanHandler = new FragmentAssembler(
            (final DirectBuffer buffer, final int offset, final int length, final Header header) ->
            received.offer(buffer, offset, length));

        while (!marketData.isConnected() || !agent.publisher().isConnected() || !scan.isConnected())
        {
            Thread.yield();
        }
    }

    @AfterEach
    void tearDown()
    {
        if (null != agent)
        {
            agent.onClose();
        }
        CloseHelper.closeAll(marketData, scan, aeron, driver);
    }

    private void publish(final DirectBuffer buffer, final int offset, final int length)
    {
        while (marketData.offer(buffer, offset, length) < 0)
        {
            agent.doWork();
            Thread.yield();
        }
    }

    private void drain(final int expectedMessages)
    {
        // Thread.yield() does not see JUnit's interrupt: check it, so a missing message fails at the timeout.
        while (received.messages.size() < expectedMessages && !Thread.currentThread().isInterrupted())
        {
            final int work = agent.doWork() + scan.poll(scanHandler, 64);
            if (0 == work)
            {
                Thread.yield();
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldScanMarketDataFromTheStreamAndPublishAnomalies()
    {
        assertEquals("hellmoon-scanner-1", agent.roleName());
        final MarketData md = new MarketData(this::publish);

        long timeNs = T0;
        for (; timeNs < T0 + 90 * SECOND; timeNs += 100 * MS)
        {
            md.trade(ID, timeNs, 50_000.0, 0.01, 0 == (timeNs / (100 * MS)) % 2 ? Side.BUY : Side.SELL);
        }
        for (int i = 0; i < 30; i++, timeNs += 10 * MS)
        {
            md.trade(ID, timeNs, 50_000.0, 0.1, Side.SELL);
        }
        drain(1);

        final RecordingSink.Anomaly spike = received.anomalies.get(0);
        assertEquals(AnomalyType.VOLUME_SPIKE, spike.type());
        assertEquals(ID, spike.instrumentId());
        assertEquals(Direction.DOWN, spike.direction());
        assertEquals(T0, spike.publishTimeNs(), "stamped by the injected clock");
        assertEquals(930, agent.scanner().messagesIn());

        assertEquals(930, counterValue("scanner 1: messages in"));
        assertEquals(1, counterValue("scanner 1: anomalies"));
        assertEquals(0, counterValue("scanner 1: regime changes"));
        assertEquals(1, counterValue("scanner 1 scan: messages published"));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldReassembleMessagesLargerThanTheMtu()
    {
        final MarketData md = new MarketData(this::publish);
        final int levels = 1_000;
        // The imbalance is a time-weighted average that needs a window of live book before it can fire.
        for (long timeNs = T0; timeNs < T0 + 10 * SECOND; timeNs += 100 * MS)
        {
            md.book(ID, timeNs, 20_000.0, levels, 8.0, 1.0);
        }
        drain(1);

        assertTrue(2 * levels * 16 > marketData.maxPayloadLength(), "each book spans several fragments");
        assertEquals(AnomalyType.BOOK_IMBALANCE, received.anomalies.get(0).type());
        assertEquals(Direction.UP, received.anomalies.get(0).direction());
        assertEquals(0, agent.scanner().errorLog().totalCount());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldCloseWhatItOwns()
    {
        final ScannerAgent closing = agent;
        agent = null;
        closing.onClose();

        assertTrue(closing.subscription().isClosed());
        assertTrue(closing.publisher().publication().isClosed());
        // The driver frees counters asynchronously; the test's timeout bounds the wait.
        while (-1 != counterId("scanner 1: anomalies") || -1 != counterId("scanner 1 scan: messages published"))
        {
            Thread.yield();
        }
    }

    private long counterValue(final String label)
    {
        final int id = counterId(label);
        assertTrue(id >= 0, "no counter " + label);
        return aeron.countersReader().getCounterValue(id);
    }

    private int counterId(final String label)
    {
        final CountersReader counters = aeron.countersReader();
        final int[] found = { -1 };
        counters.forEach((counterId, typeId, keyBuffer, counterLabel) ->
        {
            if (label.equals(counterLabel) && CountersReader.RECORD_ALLOCATED == counters.getCounterState(counterId))
            {
                found[0] = counterId;
            }
        });
        return found[0];
    }
}
