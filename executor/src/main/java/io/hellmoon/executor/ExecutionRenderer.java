/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.sbe.Decimal64Decoder;
import io.hellmoon.sbe.ExecType;
import io.hellmoon.sbe.ExecutionReportDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.PositionUpdateDecoder;
import io.hellmoon.sbe.RejectReason;
import org.agrona.DirectBuffer;

import java.util.function.IntFunction;

/**
 * Renders ExecutionReport and PositionUpdate messages as one readable line each, for logs, {@code hellmoon tail}
 * and the demo. Not for the hot path: it builds text. Examples:
 * <pre>
 * FILL BUY BTCUSDT qty 1.5 last 0.5 @ 100.2 TAKER fee 0.02004 cum 1.5 avg 100.1 slip 10bps leaves 0 exp 100 ENTRY
 *     FILLED clOrdId 7 order 3 exec 9
 * REJECTED SELL ETHUSDT qty 2 leaves 0 reason KILL_SWITCH ENTRY REJECTED clOrdId 8 order 0 exec 10
 * POSITION BTCUSDT qty 1.5 entry 100.1 mark 100.15 realised 0 unrealised 0.075 fees 0.06 trades 3
 * </pre>
 * (each on one line). Prices and quantities are printed plain at their exponents; amounts at theirs.
 */
public final class ExecutionRenderer
{
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final ExecutionReportDecoder reportDecoder = new ExecutionReportDecoder();
    private final PositionUpdateDecoder positionDecoder = new PositionUpdateDecoder();
    private final IntFunction<String> symbols;

    /**
     * A renderer printing instruments as {@code #id}.
     */
    public ExecutionRenderer()
    {
        this(null);
    }

    /**
     * A renderer naming instruments.
     *
     * @param symbols instrument id to symbol, e.g. {@code registry::symbol}; null or a null result prints
     *                {@code #id}.
     */
    public ExecutionRenderer(final IntFunction<String> symbols)
    {
        this.symbols = symbols;
    }

    /**
     * Render a message if it is an ExecutionReport or a PositionUpdate.
     *
     * @param buffer holding the message, header included.
     * @param offset of the header.
     * @param length of the message.
     * @param out    to append one line to, without a line separator.
     * @return true if the message was rendered, false if it is of another kind or too short.
     */
    public boolean render(final DirectBuffer buffer, final int offset, final int length, final StringBuilder out)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return false;
        }
        headerDecoder.wrap(buffer, offset);
        if (ExecutionReportDecoder.SCHEMA_ID != headerDecoder.schemaId())
        {
            return false;
        }

        final int blockLength = headerDecoder.blockLength();
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int bodyLength = length - MessageHeaderDecoder.ENCODED_LENGTH;
        if (ExecutionReportDecoder.TEMPLATE_ID == headerDecoder.templateId() &&
            blockLength >= ExecutionReportDecoder.BLOCK_LENGTH && bodyLength >= blockLength)
        {
            reportDecoder.wrap(buffer, bodyOffset, blockLength, headerDecoder.version());
            appendReport(reportDecoder, out);
            return true;
        }
        if (PositionUpdateDecoder.TEMPLATE_ID == headerDecoder.templateId() &&
            blockLength >= PositionUpdateDecoder.BLOCK_LENGTH && bodyLength >= blockLength)
        {
            positionDecoder.wrap(buffer, bodyOffset, blockLength, headerDecoder.version());
            appendPosition(positionDecoder, out);
            return true;
        }
        return false;
    }

    /**
     * Render a message to a new string.
     *
     * @param buffer holding the message, header included.
     * @param offset of the header.
     * @param length of the message.
     * @return the line, or null if the message is not an ExecutionReport or a PositionUpdate.
     */
    public String render(final DirectBuffer buffer, final int offset, final int length)
    {
        final StringBuilder out = new StringBuilder(160);
        return render(buffer, offset, length, out) ? out.toString() : null;
    }

    private void appendReport(final ExecutionReportDecoder report, final StringBuilder out)
    {
        final int priceExponent = report.priceExponent();
        final int sizeExponent = report.sizeExponent();
        final ExecType execType = report.execType();

        out.append(execType).append(' ').append(report.side()).append(' ');
        appendInstrument(report.instrumentId(), out);
        out.append(" qty ");
        FixedPoint.appendPlain(out, report.orderQuantity(), sizeExponent);

        if (report.lastQuantity() > 0)
        {
            out.append(" last ");
            FixedPoint.appendPlain(out, report.lastQuantity(), sizeExponent);
            out.append(" @ ");
            appendOptional(out, report.lastPrice(), ExecutionReportDecoder.lastPriceNullValue(), priceExponent);
            out.append(' ').append(report.liquidity()).append(" fee ");
            appendDecimal(out, report.fee());
        }
        if (report.cumQuantity() > 0)
        {
            out.append(" cum ");
            FixedPoint.appendPlain(out, report.cumQuantity(), sizeExponent);
            out.append(" avg ");
            appendOptional(out, report.averagePrice(), ExecutionReportDecoder.averagePriceNullValue(), priceExponent);
            final double slippageBps = report.slippageBps();
            if (!Double.isNaN(slippageBps))
            {
                out.append(" slip ").append(Math.round(slippageBps * 100.0) / 100.0).append("bps");
            }
        }
        out.append(" leaves ");
        FixedPoint.appendPlain(out, report.leavesQuantity(), sizeExponent);
        if (ExecutionReportDecoder.expectedPriceNullValue() != report.expectedPrice())
        {
            out.append(" exp ");
            FixedPoint.appendPlain(out, report.expectedPrice(), priceExponent);
        }
        final RejectReason reason = report.rejectReason();
        if (RejectReason.NONE != reason && RejectReason.NULL_VAL != reason)
        {
            out.append(" reason ").append(reason);
        }
        out.append(' ').append(report.purpose())
            .append(' ').append(report.orderStatus())
            .append(" clOrdId ").append(report.clOrdId())
            .append(" order ").append(report.venueOrderId())
            .append(" exec ").append(report.execId());
    }

    private void appendPosition(final PositionUpdateDecoder position, final StringBuilder out)
    {
        final int priceExponent = position.priceExponent();
        out.append("POSITION ");
        appendInstrument(position.instrumentId(), out);
        out.append(" qty ");
        FixedPoint.appendPlain(out, position.quantity(), position.sizeExponent());
        out.append(" entry ");
        appendOptional(
            out, position.averageEntryPrice(), PositionUpdateDecoder.averageEntryPriceNullValue(), priceExponent);
        out.append(" mark ");
        appendOptional(out, position.markPrice(), PositionUpdateDecoder.markPriceNullValue(), priceExponent);
        out.append(" realised ");
        appendDecimal(out, position.realisedPnl());
        out.append(" unrealised ");
        appendDecimal(out, position.unrealisedPnl());
        out.append(" fees ");
        appendDecimal(out, position.fees());
        out.append(" trades ").append(position.tradeCount());
    }

    private void appendInstrument(final int instrumentId, final StringBuilder out)
    {
        final String symbol = null == symbols ? null : symbols.apply(instrumentId);
        if (null == symbol)
        {
            out.append('#').append(instrumentId);
        }
        else
        {
            out.append(symbol);
        }
    }

    private static void appendOptional(
        final StringBuilder out, final long mantissa, final long nullValue, final int exponent)
    {
        if (nullValue == mantissa)
        {
            out.append('-');
        }
        else
        {
            FixedPoint.appendPlain(out, mantissa, exponent);
        }
    }

    private static void appendDecimal(final StringBuilder out, final Decimal64Decoder decimal)
    {
        appendOptional(out, decimal.mantissa(), Decimal64Decoder.mantissaNullValue(), decimal.exponent());
    }
}
