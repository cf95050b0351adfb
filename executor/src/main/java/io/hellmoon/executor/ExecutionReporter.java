/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.codecs.aeron.MessageSink;
import io.hellmoon.sbe.ExecType;
import io.hellmoon.sbe.ExecutionReportEncoder;
import io.hellmoon.sbe.LiquidityFlag;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.OrderStatus;
import io.hellmoon.sbe.PositionUpdateEncoder;
import io.hellmoon.sbe.RejectReason;
import io.hellmoon.sbe.Side;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

import static io.hellmoon.executor.ExecutorConfiguration.AMOUNT_EXPONENT;

/**
 * Encodes the executor's output, ExecutionReport and PositionUpdate, into one reused buffer and offers it to the
 * sink. Times: event and receive times are the order's (those of the intent, or of the market data that caused a
 * fill), the source publish time is the publish time of that message, the publish time is read from the clock.
 * Execution ids count from 1 per executor run.
 */
final class ExecutionReporter
{
    private static final int BUFFER_LENGTH = 512;

    private final MessageSink sink;
    private final EpochNanoClock clock;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(BUFFER_LENGTH));
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final ExecutionReportEncoder reportEncoder = new ExecutionReportEncoder();
    private final PositionUpdateEncoder positionEncoder = new PositionUpdateEncoder();
    private final Int128 scratch = new Int128();
    private long nextExecId = 1;

    ExecutionReporter(final MessageSink sink, final EpochNanoClock clock)
    {
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * Report an order's state change. The order's cumulative quantity, fees and average price must already include
     * the fill being reported.
     *
     * @param order        the order.
     * @param execType     what happened.
     * @param rejectReason why, for rejects and for cancels or expiries with a cause; NONE otherwise.
     * @param lastQuantity of this fill, 0 when not a fill.
     * @param lastPrice    of this fill, 0 when not a fill.
     * @param liquidity    of this fill, null when not a fill.
     * @param fee          of this fill, amount mantissa.
     */
    void report(
        final Order order,
        final ExecType execType,
        final RejectReason rejectReason,
        final long lastQuantity,
        final long lastPrice,
        final LiquidityFlag liquidity,
        final long fee)
    {
        final OrderStatus status = status(execType, order);
        order.status = status;
        final boolean terminal = OrderStatus.NEW != status && OrderStatus.PARTIALLY_FILLED != status;
        final long averagePrice = order.averagePrice();

        reportEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .clOrdId(order.clOrdId)
            .venueOrderId(order.venueOrderId)
            .execId(nextExecId++)
            .instrumentId(order.instrumentId)
            .eventTimeNs(order.eventTimeNs)
            .receiveTimeNs(order.receiveTimeNs)
            .sourcePublishTimeNs(order.sourcePublishTimeNs)
            .publishTimeNs(clock.nanoTime())
            .execType(execType)
            .orderStatus(status)
            .side(null == order.side ? Side.NULL_VAL : order.side)
            .rejectReason(rejectReason)
            .liquidity(null == liquidity ? LiquidityFlag.NULL_VAL : liquidity)
            .purpose(null == order.purpose ? OrderPurpose.NULL_VAL : order.purpose)
            .priceExponent((byte)order.priceExponent)
            .sizeExponent((byte)order.sizeExponent)
            .orderQuantity(order.quantity)
            .lastQuantity(lastQuantity)
            .lastPrice(lastQuantity > 0 ? lastPrice : ExecutionReportEncoder.lastPriceNullValue())
            .cumQuantity(order.cumQuantity)
            .leavesQuantity(terminal ? 0 : order.leavesQuantity())
            .averagePrice(averagePrice > 0 ? averagePrice : ExecutionReportEncoder.averagePriceNullValue())
            .expectedPrice(order.expectedPrice > 0 ?
                order.expectedPrice : ExecutionReportEncoder.expectedPriceNullValue());
        reportEncoder.fee().mantissa(fee).exponent((byte)AMOUNT_EXPONENT);
        reportEncoder.slippageBps(Amounts.slippageBps(
            scratch, order.isBuy(), order.filledNotional, order.cumQuantity, order.expectedPrice));

        sink.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + reportEncoder.encodedLength());
    }

    /**
     * Report an instrument's position, with the times of the order whose fill changed it.
     *
     * @param instrument whose position changed.
     * @param cause      the order that filled.
     */
    void position(final InstrumentState instrument, final Order cause)
    {
        final Position position = instrument.position;
        positionEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrument.instrumentId)
            .eventTimeNs(cause.eventTimeNs)
            .receiveTimeNs(cause.receiveTimeNs)
            .sourcePublishTimeNs(cause.sourcePublishTimeNs)
            .publishTimeNs(clock.nanoTime())
            .priceExponent((byte)instrument.priceExponent)
            .sizeExponent((byte)instrument.sizeExponent)
            .quantity(position.quantity)
            .averageEntryPrice(0 != position.quantity ?
                position.averageEntryPrice : PositionUpdateEncoder.averageEntryPriceNullValue())
            .markPrice(position.markPrice > 0 ? position.markPrice : PositionUpdateEncoder.markPriceNullValue());
        positionEncoder.realisedPnl().mantissa(position.realisedPnl).exponent((byte)AMOUNT_EXPONENT);
        positionEncoder.unrealisedPnl().mantissa(position.unrealisedPnl).exponent((byte)AMOUNT_EXPONENT);
        positionEncoder.fees().mantissa(position.fees).exponent((byte)AMOUNT_EXPONENT);
        positionEncoder.tradeCount(position.tradeCount);

        sink.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + positionEncoder.encodedLength());
    }

    private static OrderStatus status(final ExecType execType, final Order order)
    {
        switch (execType)
        {
            case NEW:
                return OrderStatus.NEW;
            case PARTIAL_FILL:
                return OrderStatus.PARTIALLY_FILLED;
            case FILL:
                return OrderStatus.FILLED;
            case CANCELED:
                return OrderStatus.CANCELED;
            case REJECTED:
                return OrderStatus.REJECTED;
            case EXPIRED:
                return OrderStatus.EXPIRED;
            default:
                return null == order.status ? OrderStatus.NEW : order.status;
        }
    }
}
