/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.hellmoon.codecs.aeron.EmbeddedMediaDriver;
import io.hellmoon.codecs.aeron.HellmoonCounters;
import io.hellmoon.sbe.BookLevelsEncoder;
import io.hellmoon.sbe.ControlCommandEncoder;
import io.hellmoon.sbe.ControlCommandType;
import io.hellmoon.sbe.ExecType;
import io.hellmoon.sbe.ExecutionReportDecoder;
import io.hellmoon.sbe.InstrumentDefinitionEncoder;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.OrderIntentEncoder;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.OrderType;
import io.hellmoon.sbe.PositionUpdateDecoder;
import io.hellmoon.sbe.RejectReason;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TimeInForce;
import io.hellmoon.sbe.TradingMode;
import io.hellmoon.sbe.Venue;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The executor agent on a real embedded media driver: market data and an intent in over IPC, execution reports
 * and a position update out, the kill switch over the control stream, counters in the driver's counters file.
 */
class ExecutorAgentTest
{
    private static final int MD_STREAM = 2001;
    private static final int INTENT_STREAM = 2003;
    private static final int EXEC_STREAM = 2004;
    private static final int CONTROL_STREAM = 2005;
    private static final String CHANNEL = "aeron:ipc";
    private static final int BTC = 1;

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(4096));
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final List<ExecType> execTypes = new ArrayList<>();
    private final List<RejectReason> rejectReasons = new ArrayList<>();
    private final List<Long> positions = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final ExecutionRenderer renderer = new ExecutionRenderer(id -> "BTCUSDT");

    private EmbeddedMediaDriver driver;
    private Aeron aeron;
    private AgentRunner runner;
    private ExecutorAgent agent;
    private Publication md;
    private Publication intents;
    private Publication control;
    private Subscription exec;

    @BeforeEach
    void setUp()
    {
        driver = EmbeddedMediaDriver.launch("executor-agent-test");
        aeron = driver.connect();
        final ExecutorContext context = new ExecutorContext()
            .marketDataStream(CHANNEL, MD_STREAM)
            .intentStream(CHANNEL, INTENT_STREAM)
            .executionStream(CHANNEL, EXEC_STREAM)
            .controlStream(CHANNEL, CONTROL_STREAM);
        agent = new ExecutorAgent(context, aeron);
        runner = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, agent);
        AgentRunner.startOnThread(runner);

        md = aeron.addPublication(CHANNEL, MD_STREAM);
        intents = aeron.addPublication(CHANNEL, INTENT_STREAM);
        control = aeron.addPublication(CHANNEL, CONTROL_STREAM);
        exec = aeron.addSubscription(CHANNEL, EXEC_STREAM);
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(runner, exec, control, intents, md, aeron, driver);
    }

    @Test
    @Timeout(30)
    void shouldFillAnIntentAgainstTheBookAndPublishReportsAndThePosition()
    {
        awaitConnected();
        offer(md, encodeDefinition());
        offer(md, encodeBook());
        awaitCounter("executor: messages received", 2);

        offer(intents, encodeIntent(1, Side.BUY, 1_500));
        final FragmentAssembler assembler = new FragmentAssembler(
            (buffer, offset, length, header) -> onExecution(buffer, offset, length));
        await(() ->
        {
            exec.poll(assembler, 10);
            return execTypes.size() >= 3 && positions.size() >= 2;
        });

        assertEquals(List.of(ExecType.NEW, ExecType.PARTIAL_FILL, ExecType.FILL), execTypes);
        assertEquals(List.of(500L, 1_500L), positions);
        assertTrue(lines.get(lines.size() - 1).startsWith("POSITION BTCUSDT qty 1.5 entry 100.07"), lines.toString());
        assertEquals(1, counter("executor: orders accepted"));
        assertEquals(2, counter("executor: fills"));
        assertEquals(0, counter("executor: decode errors"));

        offer(control, encodeKillSwitch());
        awaitCounter("executor: kill switch engaged", 1);
        offer(intents, encodeIntent(2, Side.SELL, 1_000));
        await(() ->
        {
            exec.poll(assembler, 10);
            return execTypes.size() >= 4;
        });
        assertEquals(ExecType.REJECTED, execTypes.get(3));
        assertEquals(RejectReason.KILL_SWITCH, rejectReasons.get(3));
        assertEquals(1, counter("executor: orders rejected"));
        assertNotEquals(0, counter("executor exec: messages published"));
    }

    private void onExecution(final DirectBuffer buffer, final int offset, final int length)
    {
        lines.add(renderer.render(buffer, offset, length));
        headerDecoder.wrap(buffer, offset);
        if (ExecutionReportDecoder.TEMPLATE_ID == headerDecoder.templateId())
        {
            final ExecutionReportDecoder report = new ExecutionReportDecoder().wrap(
                buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, headerDecoder.blockLength(),
                headerDecoder.version());
            execTypes.add(report.execType());
            rejectReasons.add(report.rejectReason());
        }
        else if (PositionUpdateDecoder.TEMPLATE_ID == headerDecoder.templateId())
        {
            final PositionUpdateDecoder position = new PositionUpdateDecoder().wrap(
                buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, headerDecoder.blockLength(),
                headerDecoder.version());
            positions.add(position.quantity());
        }
    }

    private void awaitConnected()
    {
        await(() -> md.isConnected() && intents.isConnected() && control.isConnected() && exec.isConnected());
    }

    private void awaitCounter(final String label, final long atLeast)
    {
        await(() -> counter(label) >= atLeast);
    }

    private long counter(final String label)
    {
        final CountersReader counters = aeron.countersReader();
        final long[] value = { Long.MIN_VALUE };
        counters.forEach((counterId, typeId, keyBuffer, counterLabel) ->
        {
            if (HellmoonCounters.isHellmoon(typeId) && counterLabel.equals(label))
            {
                value[0] = counters.getCounterValue(counterId);
            }
        });
        assertNotEquals(Long.MIN_VALUE, value[0], "no counter " + label);
        return value[0];
    }

    private void offer(final Publication publication, final int length)
    {
        await(() -> publication.offer(buffer, 0, length) > 0);
    }

    private static void await(final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("timed out");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private int encodeDefinition()
    {
        final long nowNs = System.currentTimeMillis() * 1_000_000L;
        final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder()
            .wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(BTC)
            .eventTimeNs(nowNs)
            .receiveTimeNs(nowNs)
            .publishTimeNs(nowNs)
            .venue(Venue.BINANCE_SPOT)
            .kind(InstrumentKind.SPOT)
            .status(InstrumentStatus.TRADING)
            .priceExponent((byte)-2)
            .sizeExponent((byte)-3)
            .tickSize(1)
            .stepSize(1)
            .minQty(1);
        definition.minNotional().mantissa(0).exponent((byte)-8);
        definition.contractSize().mantissa(1).exponent((byte)0);
        definition.symbol("BTCUSDT").baseAsset("BTC").quoteAsset("USDT");
        return MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength();
    }

    private int encodeBook()
    {
        final long nowNs = System.currentTimeMillis() * 1_000_000L;
        final BookLevelsEncoder book = new BookLevelsEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(BTC)
            .eventTimeNs(nowNs)
            .receiveTimeNs(nowNs)
            .publishTimeNs(nowNs)
            .lastUpdateId(1)
            .bidLevelCount(1)
            .askLevelCount(2)
            .priceExponent((byte)-2)
            .sizeExponent((byte)-3);
        book.bidsCount(1).next().price(9_990).size(1_000);
        book.asksCount(2).next().price(10_000).size(500).next().price(10_010).size(2_000);
        return MessageHeaderEncoder.ENCODED_LENGTH + book.encodedLength();
    }

    private int encodeIntent(final long clOrdId, final Side side, final long quantity)
    {
        final long nowNs = System.currentTimeMillis() * 1_000_000L;
        final OrderIntentEncoder intent = new OrderIntentEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .clOrdId(clOrdId)
            .decisionId(clOrdId)
            .instrumentId(BTC)
            .eventTimeNs(nowNs)
            .receiveTimeNs(nowNs)
            .sourcePublishTimeNs(nowNs)
            .publishTimeNs(nowNs)
            .side(side)
            .orderType(OrderType.MARKET)
            .timeInForce(TimeInForce.IOC)
            .purpose(OrderPurpose.ENTRY)
            .mode(TradingMode.PAPER)
            .priceExponent((byte)-2)
            .sizeExponent((byte)-3)
            .quantity(quantity)
            .limitPrice(OrderIntentEncoder.limitPriceNullValue())
            .expectedPrice(10_000)
            .stopPrice(OrderIntentEncoder.stopPriceNullValue())
            .targetPrice(OrderIntentEncoder.targetPriceNullValue())
            .maxSlippageBps(50.0);
        intent.strategyId("agent-test");
        return MessageHeaderEncoder.ENCODED_LENGTH + intent.encodedLength();
    }

    private int encodeKillSwitch()
    {
        final ControlCommandEncoder command = new ControlCommandEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .commandId(1)
            .publishTimeNs(System.currentTimeMillis() * 1_000_000L)
            .commandType(ControlCommandType.KILL_SWITCH_ENGAGE)
            .instrumentId(0);
        command.argument("operator");
        return MessageHeaderEncoder.ENCODED_LENGTH + command.encodedLength();
    }
}
