/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.jmh;

import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.executor.ExecutionEngine;
import io.hellmoon.executor.ExecutorContext;
import io.hellmoon.sbe.ExecType;
import io.hellmoon.sbe.ExecutionReportDecoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.OrderIntentDecoder;
import io.hellmoon.sbe.OrderIntentEncoder;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.OrderType;
import io.hellmoon.sbe.PositionUpdateDecoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TimeInForce;
import io.hellmoon.sbe.TradingMode;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * The executor's intent-to-fill path: {@link ExecutionEngine#onMessage} with a {@code BookLevels} (20 levels a side,
 * replacing the paper venue's fill depth) and then a market {@code OrderIntent} that passes the duplicate check and
 * every pre-trade risk check, fills at the touch on the paper venue and updates the position: {@code ExecutionReport}
 * NEW, {@code ExecutionReport} FILL and a {@code PositionUpdate} out. Calls alternate a 1-lot ENTRY buy with a stop
 * and target (arming the bracket, which each later book checks without triggering) and the EXIT_MANUAL sell that
 * flattens it, so the position, and with it every limit, stays where it was; each intent has a new client order id.
 * Each figure is per call: one book and one intent.
 * <p>
 * Setup checks a round trip fills; teardown fails the run on any reject, decode error or bracket exit. One benchmark
 * thread calling the engine directly, a fixed clock; the daily loss limit is raised out of the way, since every round
 * trip pays the spread and two taker fees.
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
public class ExecutorBenchmark
{
    private static final int INSTRUMENT_ID = 1;
    private static final long NOW_NS = 1_723_161_600_000_000_000L;
    private static final int PRICE_EXPONENT = -2;
    private static final int SIZE_EXPONENT = -3;
    private static final long QUANTITY = 1_000;
    private static final int CL_ORD_ID = MessageHeaderEncoder.ENCODED_LENGTH + OrderIntentEncoder.clOrdIdEncodingOffset();

    private final ReportSink sink = new ReportSink();
    private final UnsafeBuffer book = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
    private final UnsafeBuffer buy = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final UnsafeBuffer sell = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private int bookLength;
    private int buyLength;
    private int sellLength;
    private ExecutionEngine engine;
    private long nextClOrdId;
    private long rejectsAtStart;

    /**
     * Define the instrument, show the engine its book and check a round trip fills.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        engine = new ExecutionEngine(new ExecutorContext()
            .clock(new ManualEpochNanoClock(NOW_NS))
            .dailyLossLimit(1e10), sink);

        final Messages messages = new Messages();
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
        engine.onMessage(buffer, 0, messages.definition(
            buffer, INSTRUMENT_ID, "BTCUSDT", PRICE_EXPONENT, SIZE_EXPONENT, 1, 1, 5));
        engine.onMessage(buffer, 0, messages.feedStatus(buffer, INSTRUMENT_ID, FeedState.LIVE, NOW_NS));
        bookLength = messages.bookLevels(book, INSTRUMENT_ID, NOW_NS, PRICE_EXPONENT, 9_990, 10_000, 1, 20, 2_000,
            2_000);
        buyLength = intent(buy, Side.BUY, OrderPurpose.ENTRY, 5_000, 20_000);
        sellLength = intent(sell, Side.SELL, OrderPurpose.EXIT_MANUAL, 0, 0);

        rejectsAtStart = engine.counters().rejects().get();
        for (int i = 0; i < 2; i++)
        {
            final long fills = engine.counters().fills().get();
            bookAndIntent();
            if (engine.counters().fills().get() != fills + 1 || ExecType.FILL != sink.lastExecType)
            {
                throw new IllegalStateException("intent " + i + " did not fill: " + sink.lastExecType +
                    ", rejects " + (engine.counters().rejects().get() - rejectsAtStart));
            }
            if (engine.positionQuantity(INSTRUMENT_ID) != (0 == i ? QUANTITY : 0))
            {
                throw new IllegalStateException("position " + engine.positionQuantity(INSTRUMENT_ID));
            }
        }
        check();
    }

    /**
     * Fail the run on any reject, decode error, bracket exit or drifting position.
     */
    @TearDown(Level.Iteration)
    public void check()
    {
        final long position = engine.positionQuantity(INSTRUMENT_ID);
        if (engine.counters().rejects().get() != rejectsAtStart || 0 != engine.counters().decodeErrors().get() ||
            0 != engine.counters().exitsTriggered().get() || (0 != position && QUANTITY != position))
        {
            throw new IllegalStateException("rejects " + (engine.counters().rejects().get() - rejectsAtStart) +
                ", decode errors " + engine.counters().decodeErrors().get() + ", exits " +
                engine.counters().exitsTriggered().get() + ", position " + position);
        }
    }

    /**
     * Close the engine's counters.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        engine.close();
    }

    /**
     * A book, then an intent that fills.
     *
     * @return reports published so far.
     */
    @Benchmark
    public long bookAndIntent()
    {
        engine.onMessage(book, 0, bookLength);
        final long clOrdId = ++nextClOrdId;
        final UnsafeBuffer intent = 0 != (clOrdId & 1) ? buy : sell;
        intent.putLong(CL_ORD_ID, clOrdId, ByteOrder.LITTLE_ENDIAN);
        engine.onMessage(intent, 0, 0 != (clOrdId & 1) ? buyLength : sellLength);
        return sink.reports;
    }

    private static int intent(
        final UnsafeBuffer buffer, final Side side, final OrderPurpose purpose, final long stop, final long target)
    {
        final OrderIntentEncoder intent = new OrderIntentEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .clOrdId(0)
            .decisionId(1)
            .instrumentId(INSTRUMENT_ID)
            .eventTimeNs(NOW_NS - 3)
            .receiveTimeNs(NOW_NS - 2)
            .sourcePublishTimeNs(NOW_NS - 2)
            .publishTimeNs(NOW_NS - 1)
            .side(side)
            .orderType(OrderType.MARKET)
            .timeInForce(TimeInForce.IOC)
            .purpose(purpose)
            .mode(TradingMode.PAPER)
            .priceExponent((byte)PRICE_EXPONENT)
            .sizeExponent((byte)SIZE_EXPONENT)
            .quantity(QUANTITY)
            .limitPrice(OrderIntentEncoder.limitPriceNullValue())
            .expectedPrice(Side.BUY == side ? 10_000 : 9_990)
            .stopPrice(0 == stop ? OrderIntentEncoder.stopPriceNullValue() : stop)
            .targetPrice(0 == target ? OrderIntentEncoder.targetPriceNullValue() : target)
            .maxSlippageBps(100.0);
        intent.strategyId("momentum_volume_spike");
        return MessageHeaderEncoder.ENCODED_LENGTH + intent.encodedLength();
    }

    /**
     * Reads each report's exec type and counts reports and position updates.
     */
    static final class ReportSink implements MessageSink
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final ExecutionReportDecoder report = new ExecutionReportDecoder();
        ExecType lastExecType;
        long reports;
        long positions;

        public boolean offer(final DirectBuffer buffer, final int offset, final int length)
        {
            header.wrap(buffer, offset);
            if (ExecutionReportDecoder.TEMPLATE_ID == header.templateId())
            {
                lastExecType = report.wrapAndApplyHeader(buffer, offset, header).execType();
                reports++;
            }
            else if (PositionUpdateDecoder.TEMPLATE_ID == header.templateId())
            {
                positions++;
            }
            return true;
        }
    }
}
