/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.hellmoon.codecs.HellmoonConfiguration.Stream;
import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.codecs.aeron.EmbeddedMediaDriver;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.DecisionDecoder;
import io.hellmoon.sbe.DecisionOutcome;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.OrderIntentDecoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.hellmoon.router.RouterFixture.BTC;
import static io.hellmoon.router.RouterFixture.MOMENTUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterAgentTest
{
    @TempDir
    Path folder;

    private EmbeddedMediaDriver driver;
    private Aeron aeron;
    private RouterAgent agent;
    private Publication md;
    private Publication scan;
    private Subscription intent;

    @AfterEach
    void after()
    {
        if (null != agent)
        {
            agent.onClose();
        }
        CloseHelper.closeAll(intent, scan, md, aeron, driver);
    }

    @Test
    @Timeout(60)
    void shouldTurnAnAnomalyIntoADecisionAndAnOrderIntentOverAeron() throws Exception
    {
        final Path strategies = Files.createDirectories(folder.resolve("strategies"));
        Files.writeString(strategies.resolve("momentum.json"), MOMENTUM);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(RouterFixture.START_NS);

        driver = EmbeddedMediaDriver.launch("router-agent-test");
        aeron = driver.connect();
        final Router.Context ctx = new Router.Context()
            .strategiesDir(strategies.toString())
            .statsFile(folder.resolve("stats.json").toString())
            .clock(clock)
            .errorOutput(new StringBuilder())
            .conclude();
        agent = new RouterAgent(ctx, aeron);
        agent.onStart();
        assertEquals("hellmoon-router", agent.roleName());

        md = aeron.addPublication(Stream.MD.channel(), Stream.MD.streamId());
        scan = aeron.addPublication(Stream.SCAN.channel(), Stream.SCAN.streamId());
        intent = aeron.addSubscription(Stream.INTENT.channel(), Stream.INTENT.streamId());
        while (!md.isConnected() || !scan.isConnected() || !intent.isConnected())
        {
            agent.doWork();
            Thread.yield();
        }

        final Messages marketData = new Messages(offerTo(md));
        marketData.definition(BTC, "BTCUSDT", InstrumentKind.PERPETUAL, 10, 1, 1, 5.0);
        marketData.bestBidOffer(BTC, 49_999.90, 50_000.00, clock.nanoTime());
        while (0 == agent.router().marketState().quoteTimeNs(BTC) || !agent.router().marketState().contains(BTC))
        {
            agent.doWork();
            Thread.yield();
        }

        new Messages(offerTo(scan)).anomaly(77, BTC, AnomalyType.VOLUME_SPIKE, Direction.UP, 3.0,
            VolatilityRegime.NORMAL_VOL, TrendRegime.TRENDING, 50_000.0, 100.0, clock.nanoTime());

        final List<byte[]> received = new ArrayList<>();
        final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) ->
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            received.add(copy);
        });
        while (received.size() < 2)
        {
            agent.doWork();
            intent.poll(assembler, 10);
            Thread.yield();
        }

        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final UnsafeBuffer first = new UnsafeBuffer(received.get(0));
        header.wrap(first, 0);
        assertEquals(DecisionDecoder.TEMPLATE_ID, header.templateId());
        final DecisionDecoder decision = new DecisionDecoder().wrapAndApplyHeader(first, 0, header);
        assertEquals(DecisionOutcome.TAKEN, decision.outcome());
        assertEquals(77L, decision.anomalyId());
        assertEquals(100L, decision.quantity());
        final String line = DecisionFormatter.format(decision, agent.router().strategies(),
            agent.router().instrumentRegistry());
        assertTrue(line.contains("\"Test - Momentum\" BUY 0.1 @ 50000 stop 49800 target 50400"), line);

        final UnsafeBuffer second = new UnsafeBuffer(received.get(1));
        header.wrap(second, 0);
        assertEquals(OrderIntentDecoder.TEMPLATE_ID, header.templateId());
        final OrderIntentDecoder order = new OrderIntentDecoder().wrapAndApplyHeader(second, 0, header);
        assertEquals(decision.clOrdId(), order.clOrdId());
        assertEquals(Side.BUY, order.side());
        assertEquals(100L, order.quantity());
        assertEquals("momentum", order.strategyId());
        assertEquals(1, agent.router().decisionsTaken());
        assertEquals(2, agent.publisher().publishedCount());
    }

    private static SbeHandler offerTo(final Publication publication)
    {
        return (buffer, offset, length) ->
        {
            while (publication.offer(buffer, offset, length) < 0)
            {
                Thread.yield();
            }
        };
    }
}
