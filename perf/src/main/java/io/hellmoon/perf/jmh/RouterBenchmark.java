/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.jmh;

import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.router.Router;
import io.hellmoon.router.RouterConfiguration;
import io.hellmoon.sbe.AnomalyEventDecoder;
import io.hellmoon.sbe.AnomalyEventEncoder;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.BestBidOfferDecoder;
import io.hellmoon.sbe.DecisionDecoder;
import io.hellmoon.sbe.DecisionOutcome;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.ExecType;
import io.hellmoon.sbe.ExecutionReportDecoder;
import io.hellmoon.sbe.ExecutionReportEncoder;
import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.Feature;
import io.hellmoon.sbe.LiquidityFlag;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.OrderIntentDecoder;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.OrderStatus;
import io.hellmoon.sbe.RejectReason;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * The router's decision path: {@link Router#onMessage} with an {@code AnomalyEvent}, the router having loaded the
 * repository's {@code strategies/} folder (momentum_volume_spike over its abstract parent hellmoon_base) and seen the
 * instrument's definition, a LIVE feed status, its book and its best bid and offer.
 * <ul>
 *     <li>{@link #anomalyRejected()}: one VOLUME_SPIKE anomaly, UP, score 3, NORMAL_VOL / TRENDING, without an ATR:
 *     it passes every check up to market data (strategy match, mode, score, direction, regime, cooldown, quote
 *     present, fresh and LIVE, signal latency) and is rejected {@code NO_VOLATILITY_ESTIMATE}, one {@code Decision}
 *     out. The clock is fixed, so the quote stays fresh.</li>
 *     <li>{@link #anomalyTaken()}: the whole taken path, three messages per call: the clock moves 61 s on (past the
 *     strategy's 60 s cooldown), a fresh {@code BestBidOffer}, the same anomaly with an ATR of 200 (sized, costed,
 *     taken: {@code Decision} and {@code OrderIntent} out), then the executor's {@code ExecutionReport} REJECTED
 *     for that order, which frees the pending position so the next call is taken again.</li>
 * </ul>
 * Setup checks the outcomes; teardown fails the run if any decision was not the expected one. One benchmark thread
 * calling the router directly; the sink decodes each decision's outcome and reason. Run from the repository root
 * (or set {@value RouterConfiguration#STRATEGIES_DIR_PROP_NAME}).
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
public class RouterBenchmark
{
    private static final int BTC = 7;
    private static final long START_NS = 1_723_161_600_000_000_000L;
    private static final long COOLDOWN_STEP_NS = TimeUnit.SECONDS.toNanos(61);
    private static final int PRICE_EXPONENT = -2;
    private static final int SIZE_EXPONENT = -3;
    private static final long ROUTER_ID_BITS = 1L << 56;
    private static final int HEADER = MessageHeaderDecoder.ENCODED_LENGTH;

    private static final int ANOMALY_ID = HEADER + AnomalyEventDecoder.anomalyIdEncodingOffset();
    private static final int ANOMALY_EVENT_TIME = HEADER + AnomalyEventDecoder.eventTimeNsEncodingOffset();
    private static final int ANOMALY_RECEIVE_TIME = HEADER + AnomalyEventDecoder.receiveTimeNsEncodingOffset();
    private static final int ANOMALY_SOURCE_TIME = HEADER + AnomalyEventDecoder.sourcePublishTimeNsEncodingOffset();
    private static final int ANOMALY_PUBLISH_TIME = HEADER + AnomalyEventDecoder.publishTimeNsEncodingOffset();
    private static final int BBO_EVENT_TIME = HEADER + BestBidOfferDecoder.eventTimeNsEncodingOffset();
    private static final int BBO_RECEIVE_TIME = HEADER + BestBidOfferDecoder.receiveTimeNsEncodingOffset();
    private static final int BBO_PUBLISH_TIME = HEADER + BestBidOfferDecoder.publishTimeNsEncodingOffset();
    private static final int REPORT_CL_ORD_ID = HEADER + ExecutionReportDecoder.clOrdIdEncodingOffset();

    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(START_NS);
    private final DecisionSink sink = new DecisionSink();
    private final UnsafeBuffer bbo = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final UnsafeBuffer rejectedAnomaly = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final UnsafeBuffer takenAnomaly = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final UnsafeBuffer report = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private int bboLength;
    private int anomalyLength;
    private int reportLength;
    private Path folder;
    private Router router;
    private long anomalyId;

    /**
     * Load the strategies, show the router the market and check both paths' outcomes.
     *
     * @throws IOException if the temporary statistics folder cannot be created.
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        final Path strategies = Paths.get(System.getProperty(
            RouterConfiguration.STRATEGIES_DIR_PROP_NAME, RouterConfiguration.STRATEGIES_DIR_DEFAULT));
        if (!Files.isRegularFile(strategies.resolve("momentum_volume_spike.json")))
        {
            throw new IllegalStateException(strategies.toAbsolutePath() + ": no momentum_volume_spike.json; run " +
                "from the repository root or set -D" + RouterConfiguration.STRATEGIES_DIR_PROP_NAME);
        }
        folder = Files.createTempDirectory("hellmoon-router-benchmark");
        final StringBuilder errors = new StringBuilder();
        router = new Router(new Router.Context()
            .strategiesDir(strategies)
            .statsFile(folder.resolve("symbol-performance.json"))
            .equity(10_000)
            .clock(clock)
            .errorHandler((throwable) -> errors.append(throwable).append('\n'))
            .errorOutput(errors)
            .conclude(), sink, CounterFactory.local(32));

        final Messages messages = new Messages();
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
        router.onMessage(buffer, 0, messages.definition(buffer, BTC, "BTCUSDT", PRICE_EXPONENT, SIZE_EXPONENT, 10,
            1, 5));
        router.onMessage(buffer, 0, messages.feedStatus(buffer, BTC, FeedState.LIVE, START_NS));
        router.onMessage(buffer, 0, messages.bookLevels(buffer, BTC, START_NS, PRICE_EXPONENT, 4_999_990, 5_000_000,
            10, 10, 2_000, 1_500));
        bboLength = messages.bestBidOffer(bbo, BTC, START_NS, PRICE_EXPONENT, 4_999_990, 5_000_000, 1_000);
        router.onMessage(bbo, 0, bboLength);

        anomalyLength = anomaly(rejectedAnomaly, Double.NaN);
        anomaly(takenAnomaly, 200.0);
        reportLength = rejection(report);

        anomalyRejected();
        expect(DecisionOutcome.REJECTED, RejectReason.NO_VOLATILITY_ESTIMATE, 0);
        anomalyTaken();
        expect(DecisionOutcome.TAKEN, RejectReason.NONE, 1);
        anomalyTaken();
        expect(DecisionOutcome.TAKEN, RejectReason.NONE, 2);

        // Past the cooldown of the last entry, with a fresh quote, for the rejected path.
        clock.advance(COOLDOWN_STEP_NS);
        stamp(clock.nanoTime());
        router.onMessage(bbo, 0, bboLength);
        stampAnomaly(rejectedAnomaly, clock.nanoTime());
        anomalyRejected();
        expect(DecisionOutcome.REJECTED, RejectReason.NO_VOLATILITY_ESTIMATE, 2);
        if (0 != errors.length() || 0 != router.errorCount())
        {
            throw new IllegalStateException("router errors: " + errors + " / " + router.errorCount());
        }
    }

    /**
     * Fail the run if any decision was not one of the two expected.
     */
    @TearDown(Level.Iteration)
    public void check()
    {
        if (0 != sink.unexpected || sink.intents != sink.taken || 0 != router.errorCount())
        {
            throw new IllegalStateException("unexpected decisions: " + sink.unexpected + " (first " +
                sink.firstUnexpected + " after " + sink.decisions + " decisions), taken " + sink.taken +
                ", intents " + sink.intents + ", errors " + router.errorCount());
        }
    }

    /**
     * Close the router and remove its statistics.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        router.close();
        IoUtil.delete(folder.toFile(), true);
    }

    /**
     * An anomaly rejected at the volatility check, after the market-data checks.
     *
     * @return decisions published so far.
     */
    @Benchmark
    public long anomalyRejected()
    {
        rejectedAnomaly.putLong(ANOMALY_ID, ++anomalyId, ByteOrder.LITTLE_ENDIAN);
        router.onMessage(rejectedAnomaly, 0, anomalyLength);
        return sink.decisions;
    }

    /**
     * A fresh quote, an anomaly taken, and the order's rejection by the executor.
     *
     * @return decisions published so far.
     */
    @Benchmark
    public long anomalyTaken()
    {
        clock.advance(COOLDOWN_STEP_NS);
        final long nowNs = clock.nanoTime();
        stamp(nowNs);
        router.onMessage(bbo, 0, bboLength);

        final long id = ++anomalyId;
        takenAnomaly.putLong(ANOMALY_ID, id, ByteOrder.LITTLE_ENDIAN);
        stampAnomaly(takenAnomaly, nowNs);
        router.onMessage(takenAnomaly, 0, anomalyLength);

        report.putLong(REPORT_CL_ORD_ID, id ^ ROUTER_ID_BITS, ByteOrder.LITTLE_ENDIAN);
        router.onMessage(report, 0, reportLength);
        return sink.decisions;
    }

    private void stamp(final long nowNs)
    {
        bbo.putLong(BBO_EVENT_TIME, nowNs, ByteOrder.LITTLE_ENDIAN);
        bbo.putLong(BBO_RECEIVE_TIME, nowNs, ByteOrder.LITTLE_ENDIAN);
        bbo.putLong(BBO_PUBLISH_TIME, nowNs, ByteOrder.LITTLE_ENDIAN);
    }

    private static void stampAnomaly(final UnsafeBuffer anomaly, final long nowNs)
    {
        anomaly.putLong(ANOMALY_EVENT_TIME, nowNs - 1_000, ByteOrder.LITTLE_ENDIAN);
        anomaly.putLong(ANOMALY_RECEIVE_TIME, nowNs, ByteOrder.LITTLE_ENDIAN);
        anomaly.putLong(ANOMALY_SOURCE_TIME, nowNs, ByteOrder.LITTLE_ENDIAN);
        anomaly.putLong(ANOMALY_PUBLISH_TIME, nowNs, ByteOrder.LITTLE_ENDIAN);
    }

    private void expect(final DecisionOutcome outcome, final RejectReason reason, final long intents)
    {
        if (outcome != sink.outcome || reason != sink.reason || intents != sink.intents || 0 != sink.unexpected)
        {
            throw new IllegalStateException("expected " + outcome + " " + reason + " with " + intents +
                " intents, got " + sink.outcome + " " + sink.reason + " with " + sink.intents + " intents");
        }
    }

    private static int anomaly(final UnsafeBuffer buffer, final double atr)
    {
        final AnomalyEventEncoder anomaly = new AnomalyEventEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .anomalyId(0)
            .instrumentId(BTC)
            .eventTimeNs(START_NS - 1_000)
            .receiveTimeNs(START_NS)
            .sourcePublishTimeNs(START_NS)
            .publishTimeNs(START_NS)
            .anomalyType(AnomalyType.VOLUME_SPIKE)
            .direction(Direction.UP)
            .score(3.0)
            .scannerId(1)
            .volatilityRegime(VolatilityRegime.NORMAL_VOL)
            .trendRegime(TrendRegime.TRENDING)
            .priceExponent((byte)PRICE_EXPONENT)
            .price(5_000_000)
            .atr(atr);
        anomaly.featuresCount(1).next().feature(Feature.VOLUME_RATIO).value(3.0);
        return MessageHeaderEncoder.ENCODED_LENGTH + anomaly.encodedLength();
    }

    private static int rejection(final UnsafeBuffer buffer)
    {
        final ExecutionReportEncoder execution = new ExecutionReportEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .clOrdId(0)
            .venueOrderId(0)
            .execId(1)
            .instrumentId(BTC)
            .eventTimeNs(START_NS)
            .receiveTimeNs(START_NS)
            .sourcePublishTimeNs(START_NS)
            .publishTimeNs(START_NS)
            .execType(ExecType.REJECTED)
            .orderStatus(OrderStatus.REJECTED)
            .side(Side.BUY)
            .rejectReason(RejectReason.MAX_POSITION)
            .liquidity(LiquidityFlag.TAKER)
            .purpose(OrderPurpose.ENTRY)
            .priceExponent((byte)PRICE_EXPONENT)
            .sizeExponent((byte)SIZE_EXPONENT)
            .orderQuantity(100)
            .lastQuantity(0)
            .lastPrice(ExecutionReportEncoder.lastPriceNullValue())
            .cumQuantity(0)
            .leavesQuantity(0)
            .averagePrice(ExecutionReportEncoder.averagePriceNullValue())
            .expectedPrice(ExecutionReportEncoder.expectedPriceNullValue())
            .slippageBps(0);
        execution.fee().mantissa(0).exponent((byte)0);
        return MessageHeaderEncoder.ENCODED_LENGTH + execution.encodedLength();
    }

    /**
     * Reads each decision's outcome and reason and counts order intents.
     */
    static final class DecisionSink implements MessageSink
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final DecisionDecoder decision = new DecisionDecoder();
        DecisionOutcome outcome;
        RejectReason reason;
        long decisions;
        long taken;
        long intents;
        long unexpected;
        RejectReason firstUnexpected;

        public boolean offer(final DirectBuffer buffer, final int offset, final int length)
        {
            header.wrap(buffer, offset);
            final int templateId = header.templateId();
            if (DecisionDecoder.TEMPLATE_ID == templateId)
            {
                decision.wrapAndApplyHeader(buffer, offset, header);
                outcome = decision.outcome();
                reason = decision.rejectReason();
                decisions++;
                if (DecisionOutcome.TAKEN == outcome)
                {
                    taken++;
                }
                else if (RejectReason.NO_VOLATILITY_ESTIMATE != reason)
                {
                    unexpected++;
                    firstUnexpected = null == firstUnexpected ? reason : firstUnexpected;
                }
            }
            else if (OrderIntentDecoder.TEMPLATE_ID == templateId)
            {
                intents++;
            }
            else
            {
                unexpected++;
            }
            return true;
        }
    }
}
