/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.text;

import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.sbe.*;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Renders any Hellmoon SBE message as one readable line or one JSON object, naming instruments by {@code VENUE:SYMBOL}
 * once their definitions have been seen (earlier definitions can be given through the registry).
 * <p>
 * For tools and the demo, not the hot path: it allocates freely. Not thread safe.
 */
public final class MessageFormatter
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final BestBidOfferDecoder bbo = new BestBidOfferDecoder();
    private final DepthUpdateDecoder depthUpdate = new DepthUpdateDecoder();
    private final DepthSnapshotDecoder depthSnapshot = new DepthSnapshotDecoder();
    private final BookLevelsDecoder bookLevels = new BookLevelsDecoder();
    private final BarDecoder bar = new BarDecoder();
    private final LiquidationDecoder liquidation = new LiquidationDecoder();
    private final MarkPriceDecoder markPrice = new MarkPriceDecoder();
    private final FeedStatusDecoder feedStatus = new FeedStatusDecoder();
    private final MiniTickerDecoder miniTicker = new MiniTickerDecoder();
    private final FeedStatisticsDecoder feedStatistics = new FeedStatisticsDecoder();
    private final AnomalyEventDecoder anomaly = new AnomalyEventDecoder();
    private final RegimeChangeDecoder regimeChange = new RegimeChangeDecoder();
    private final DecisionDecoder decision = new DecisionDecoder();
    private final OrderIntentDecoder intent = new OrderIntentDecoder();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final PositionUpdateDecoder position = new PositionUpdateDecoder();
    private final ControlCommandDecoder control = new ControlCommandDecoder();

    private final InstrumentRegistry registry;
    private final FieldWriter writer;
    private final int maxLevels;

    /**
     * A formatter.
     *
     * @param registry  names instruments; definitions seen in the stream are added to it.
     * @param json      true for one JSON object per message, false for readable text.
     * @param maxLevels book levels shown per side for depth messages.
     */
    public MessageFormatter(final InstrumentRegistry registry, final boolean json, final int maxLevels)
    {
        this.registry = registry;
        this.writer = new FieldWriter(json);
        this.maxLevels = maxLevels;
    }

    /**
     * Name of a message type, e.g. {@code Trade}, from its template id.
     *
     * @param templateId of the message.
     * @return the name, or {@code Unknown<id>}.
     */
    public static String typeName(final int templateId)
    {
        return switch (templateId)
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID -> "InstrumentDefinition";
            case TradeDecoder.TEMPLATE_ID -> "Trade";
            case BestBidOfferDecoder.TEMPLATE_ID -> "BestBidOffer";
            case DepthUpdateDecoder.TEMPLATE_ID -> "DepthUpdate";
            case DepthSnapshotDecoder.TEMPLATE_ID -> "DepthSnapshot";
            case BookLevelsDecoder.TEMPLATE_ID -> "BookLevels";
            case BarDecoder.TEMPLATE_ID -> "Bar";
            case LiquidationDecoder.TEMPLATE_ID -> "Liquidation";
            case MarkPriceDecoder.TEMPLATE_ID -> "MarkPrice";
            case FeedStatusDecoder.TEMPLATE_ID -> "FeedStatus";
            case MiniTickerDecoder.TEMPLATE_ID -> "MiniTicker";
            case FeedStatisticsDecoder.TEMPLATE_ID -> "FeedStatistics";
            case AnomalyEventDecoder.TEMPLATE_ID -> "AnomalyEvent";
            case RegimeChangeDecoder.TEMPLATE_ID -> "RegimeChange";
            case DecisionDecoder.TEMPLATE_ID -> "Decision";
            case OrderIntentDecoder.TEMPLATE_ID -> "OrderIntent";
            case ExecutionReportDecoder.TEMPLATE_ID -> "ExecutionReport";
            case PositionUpdateDecoder.TEMPLATE_ID -> "PositionUpdate";
            case ControlCommandDecoder.TEMPLATE_ID -> "ControlCommand";
            default -> "Unknown" + templateId;
        };
    }

    /**
     * The registry naming instruments.
     *
     * @return the registry.
     */
    public InstrumentRegistry registry()
    {
        return registry;
    }

    /**
     * The template id of a message, or -1 if it is not a Hellmoon message.
     *
     * @param buffer holding the message.
     * @param offset of its header.
     * @param length of header and message.
     * @return the template id or -1.
     */
    public int templateId(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return -1;
        }
        header.wrap(buffer, offset);
        return MessageHeaderDecoder.SCHEMA_ID == header.schemaId() ? header.templateId() : -1;
    }

    /**
     * The instrument a message is about, or 0 when it is not about one.
     *
     * @param buffer holding the message.
     * @param offset of its header.
     * @param length of header and message.
     * @return the instrument id or 0.
     */
    public int instrumentId(final DirectBuffer buffer, final int offset, final int length)
    {
        final int templateId = templateId(buffer, offset, length);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        return switch (templateId)
        {
            case AnomalyEventDecoder.TEMPLATE_ID -> anomaly.wrap(buffer, body, blockLength, version).instrumentId();
            case DecisionDecoder.TEMPLATE_ID -> decision.wrap(buffer, body, blockLength, version).instrumentId();
            case OrderIntentDecoder.TEMPLATE_ID -> intent.wrap(buffer, body, blockLength, version).instrumentId();
            case ExecutionReportDecoder.TEMPLATE_ID -> report.wrap(buffer, body, blockLength, version).instrumentId();
            case ControlCommandDecoder.TEMPLATE_ID -> control.wrap(buffer, body, blockLength, version).instrumentId();
            case -1 -> 0;
            // Every market-data message, RegimeChange and PositionUpdate start with instrumentId.
            default -> buffer.getInt(body, ByteOrder.LITTLE_ENDIAN);
        };
    }

    /**
     * Learn the instrument of a definition message without rendering it; other messages are ignored.
     *
     * @param buffer holding the message.
     * @param offset of its header.
     * @param length of header and message.
     */
    public void learn(final DirectBuffer buffer, final int offset, final int length)
    {
        if (InstrumentDefinitionDecoder.TEMPLATE_ID == templateId(buffer, offset, length))
        {
            registry.onDefinition(definition.wrap(
                buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version()));
        }
    }

    /**
     * Append one message's rendering (no line separator).
     *
     * @param buffer holding the message.
     * @param offset of its header.
     * @param length of header and message.
     * @param out    to append to.
     * @return out.
     */
    public StringBuilder format(final DirectBuffer buffer, final int offset, final int length, final StringBuilder out)
    {
        final int templateId = templateId(buffer, offset, length);
        if (-1 == templateId)
        {
            writer.begin(out, 0, "NotHellmoon", null);
            writer.value("length", length).end();
            return out;
        }

        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (templateId)
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID -> formatDefinition(buffer, body, blockLength, version, out);
            case TradeDecoder.TEMPLATE_ID -> formatTrade(buffer, body, blockLength, version, out);
            case BestBidOfferDecoder.TEMPLATE_ID -> formatBbo(buffer, body, blockLength, version, out);
            case DepthUpdateDecoder.TEMPLATE_ID -> formatDepthUpdate(buffer, body, blockLength, version, out);
            case DepthSnapshotDecoder.TEMPLATE_ID -> formatDepthSnapshot(buffer, body, blockLength, version, out);
            case BookLevelsDecoder.TEMPLATE_ID -> formatBookLevels(buffer, body, blockLength, version, out);
            case BarDecoder.TEMPLATE_ID -> formatBar(buffer, body, blockLength, version, out);
            case LiquidationDecoder.TEMPLATE_ID -> formatLiquidation(buffer, body, blockLength, version, out);
            case MarkPriceDecoder.TEMPLATE_ID -> formatMarkPrice(buffer, body, blockLength, version, out);
            case FeedStatusDecoder.TEMPLATE_ID -> formatFeedStatus(buffer, body, blockLength, version, out);
            case MiniTickerDecoder.TEMPLATE_ID -> formatMiniTicker(buffer, body, blockLength, version, out);
            case FeedStatisticsDecoder.TEMPLATE_ID -> formatFeedStatistics(buffer, body, blockLength, version, out);
            case AnomalyEventDecoder.TEMPLATE_ID -> formatAnomaly(buffer, body, blockLength, version, out);
            case RegimeChangeDecoder.TEMPLATE_ID -> formatRegimeChange(buffer, body, blockLength, version, out);
            case DecisionDecoder.TEMPLATE_ID -> formatDecision(buffer, body, blockLength, version, out);
            case OrderIntentDecoder.TEMPLATE_ID -> formatIntent(buffer, body, blockLength, version, out);
            case ExecutionReportDecoder.TEMPLATE_ID -> formatReport(buffer, body, blockLength, version, out);
            case PositionUpdateDecoder.TEMPLATE_ID -> formatPosition(buffer, body, blockLength, version, out);
            case ControlCommandDecoder.TEMPLATE_ID -> formatControl(buffer, body, blockLength, version, out);
            default ->
            {
                writer.begin(out, 0, typeName(templateId), null);
                writer.value("length", length).end();
            }
        }
        return out;
    }

    /**
     * Render one message as a new String.
     *
     * @param buffer holding the message.
     * @param offset of its header.
     * @param length of header and message.
     * @return the rendering.
     */
    public String format(final DirectBuffer buffer, final int offset, final int length)
    {
        return format(buffer, offset, length, new StringBuilder(256)).toString();
    }

    private String name(final int instrumentId)
    {
        return registry.key(instrumentId);
    }

    private void formatDefinition(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final InstrumentDefinitionDecoder d = definition.wrap(buffer, body, blockLength, version);
        registry.onDefinition(d);
        d.sbeRewind();
        final int id = d.instrumentId();
        writer.begin(out, d.publishTimeNs(), "InstrumentDefinition", name(id));
        writer.value("id", id).enumeration("kind", d.kind()).enumeration("status", d.status())
            .decimal("tick", d.tickSize(), d.priceExponent()).decimal("step", d.stepSize(), d.sizeExponent())
            .decimal("minQty", d.minQty(), d.sizeExponent())
            .value("priceExponent", d.priceExponent()).value("sizeExponent", d.sizeExponent());
        d.skipSymbol();
        writer.text("base", d.baseAsset()).text("quote", d.quoteAsset());
        writer.end();
    }

    private void formatTrade(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final TradeDecoder d = trade.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), TradeKind.AGG_TRADE == d.kind() ? "AggTrade" : "Trade",
            name(d.instrumentId()));
        writer.decimal("px", d.price(), d.priceExponent()).decimal("qty", d.size(), d.sizeExponent())
            .enumeration("aggressor", d.aggressorSide()).value("id", d.tradeId());
        if (TradeCondition.NORMAL != d.condition())
        {
            writer.enumeration("condition", d.condition());
        }
        times(d.eventTimeNs(), d.receiveTimeNs(), d.publishTimeNs());
        writer.end();
    }

    private void formatBbo(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final BestBidOfferDecoder d = bbo.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "BestBidOffer", name(d.instrumentId()));
        final int px = d.priceExponent();
        final int sz = d.sizeExponent();
        writer.decimal("bid", d.bidPrice(), px).decimal("bidQty", d.bidSize(), sz)
            .decimal("ask", d.askPrice(), px).decimal("askQty", d.askSize(), sz)
            .optional("u", d.updateId(), BestBidOfferDecoder.updateIdNullValue());
        times(d.eventTimeNs(), d.receiveTimeNs(), d.publishTimeNs());
        writer.end();
    }

    private void formatDepthUpdate(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final DepthUpdateDecoder d = depthUpdate.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "DepthUpdate", name(d.instrumentId()));
        writer.value("U", d.firstUpdateId()).value("u", d.finalUpdateId())
            .optional("pu", d.prevFinalUpdateId(), DepthUpdateDecoder.prevFinalUpdateIdNullValue());
        final int px = d.priceExponent();
        final int sz = d.sizeExponent();
        final long eventTimeNs = d.eventTimeNs();
        final long receiveTimeNs = d.receiveTimeNs();
        final long publishTimeNs = d.publishTimeNs();
        final DepthUpdateDecoder.BidsDecoder bids = d.bids();
        while (bids.hasNext())
        {
            bids.next();
            addLevel(bids.price(), bids.size());
        }
        writeLevels("bids", px, sz);
        final DepthUpdateDecoder.AsksDecoder asks = d.asks();
        while (asks.hasNext())
        {
            asks.next();
            addLevel(asks.price(), asks.size());
        }
        writeLevels("asks", px, sz);
        times(eventTimeNs, receiveTimeNs, publishTimeNs);
        writer.end();
    }

    private void formatDepthSnapshot(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final DepthSnapshotDecoder d = depthSnapshot.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "DepthSnapshot", name(d.instrumentId()));
        writer.value("lastUpdateId", d.lastUpdateId());
        final int px = d.priceExponent();
        final int sz = d.sizeExponent();
        final long receiveTimeNs = d.receiveTimeNs();
        final long publishTimeNs = d.publishTimeNs();
        final long eventTimeNs = d.eventTimeNs();
        final DepthSnapshotDecoder.BidsDecoder bids = d.bids();
        writer.value("bidLevels", bids.count());
        while (bids.hasNext())
        {
            bids.next();
            addLevel(bids.price(), bids.size());
        }
        writeLevels("bids", px, sz);
        final DepthSnapshotDecoder.AsksDecoder asks = d.asks();
        writer.value("askLevels", asks.count());
        while (asks.hasNext())
        {
            asks.next();
            addLevel(asks.price(), asks.size());
        }
        writeLevels("asks", px, sz);
        times(eventTimeNs, receiveTimeNs, publishTimeNs);
        writer.end();
    }

    private void formatBookLevels(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final BookLevelsDecoder d = bookLevels.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "BookLevels", name(d.instrumentId()));
        writer.value("u", d.lastUpdateId());
        final int px = d.priceExponent();
        final int sz = d.sizeExponent();
        final long eventTimeNs = d.eventTimeNs();
        final long receiveTimeNs = d.receiveTimeNs();
        final long publishTimeNs = d.publishTimeNs();
        final BookLevelsDecoder.BidsDecoder bids = d.bids();
        while (bids.hasNext())
        {
            bids.next();
            addLevel(bids.price(), bids.size());
        }
        writeLevels("bids", px, sz);
        final BookLevelsDecoder.AsksDecoder asks = d.asks();
        while (asks.hasNext())
        {
            asks.next();
            addLevel(asks.price(), asks.size());
        }
        writeLevels("asks", px, sz);
        times(eventTimeNs, receiveTimeNs, publishTimeNs);
        writer.end();
    }

    /**
     * Levels of one book side collected from whichever group decoder holds them.
     */
    private long[] levelPrices = new long[64];
    private long[] levelSizes = new long[64];
    private int levelCount;

    private void addLevel(final long price, final long size)
    {
        if (levelCount == levelPrices.length)
        {
            levelPrices = Arrays.copyOf(levelPrices, levelCount * 2);
            levelSizes = Arrays.copyOf(levelSizes, levelCount * 2);
        }
        levelPrices[levelCount] = price;
        levelSizes[levelCount] = size;
        levelCount++;
    }

    private void writeLevels(final String key, final int priceExponent, final int sizeExponent)
    {
        writer.beginList(key);
        final int shown = Math.min(levelCount, maxLevels);
        for (int i = 0; i < shown; i++)
        {
            final StringBuilder text = new StringBuilder();
            FixedPoint.appendPlain(text, levelSizes[i], sizeExponent).append('@');
            FixedPoint.appendPlain(text, levelPrices[i], priceExponent);
            final StringBuilder json = new StringBuilder("[\"");
            FixedPoint.appendPlain(json, levelPrices[i], priceExponent).append("\",\"");
            FixedPoint.appendPlain(json, levelSizes[i], sizeExponent).append("\"]");
            writer.item(text, json);
        }
        if (levelCount > shown && !writer.isJson())
        {
            writer.item("+" + (levelCount - shown), "");
        }
        writer.endList();
        levelCount = 0;
    }

    private void formatBar(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final BarDecoder d = bar.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "Bar", name(d.instrumentId()));
        final int px = d.priceExponent();
        writer.enumeration("interval", d.interval()).time("open", d.openTimeNs())
            .decimal("o", d.openPrice(), px).decimal("h", d.highPrice(), px).decimal("l", d.lowPrice(), px)
            .decimal("c", d.closePrice(), px).decimal("v", d.volume(), d.sizeExponent())
            .value("trades", d.tradeCount()).enumeration("closed", d.closed());
        times(d.eventTimeNs(), d.receiveTimeNs(), d.publishTimeNs());
        writer.end();
    }

    private void formatLiquidation(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final LiquidationDecoder d = liquidation.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "Liquidation", name(d.instrumentId()));
        writer.enumeration("side", d.side()).decimal("px", d.price(), d.priceExponent())
            .decimal("avgPx", d.averagePrice(), d.priceExponent()).decimal("qty", d.quantity(), d.sizeExponent())
            .decimal("filled", d.filledQuantity(), d.sizeExponent()).enumeration("status", d.orderStatus());
        times(d.eventTimeNs(), d.receiveTimeNs(), d.publishTimeNs());
        writer.end();
    }

    private void formatMarkPrice(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final MarkPriceDecoder d = markPrice.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "MarkPrice", name(d.instrumentId()));
        writer.decimal("mark", d.markPrice(), d.priceExponent()).decimal("index", d.indexPrice(), d.priceExponent())
            .decimal("funding", d.fundingRate().mantissa(), d.fundingRate().exponent())
            .time("nextFunding", d.nextFundingTimeNs());
        times(d.eventTimeNs(), d.receiveTimeNs(), d.publishTimeNs());
        writer.end();
    }

    private void formatFeedStatus(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final FeedStatusDecoder d = feedStatus.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "FeedStatus", name(d.instrumentId()));
        writer.enumeration("state", d.state()).enumeration("reason", d.reason())
            .optional("lastUpdateId", d.lastUpdateId(), FeedStatusDecoder.lastUpdateIdNullValue())
            .optional("receivedUpdateId", d.receivedUpdateId(), FeedStatusDecoder.receivedUpdateIdNullValue())
            .value("resyncs", d.resyncCount());
        writer.end();
    }

    private void formatMiniTicker(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final MiniTickerDecoder d = miniTicker.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "MiniTicker", name(d.instrumentId()));
        final int px = d.priceExponent();
        writer.decimal("o", d.openPrice(), px).decimal("h", d.highPrice(), px).decimal("l", d.lowPrice(), px)
            .decimal("c", d.closePrice(), px).decimal("v", d.volume(), d.sizeExponent());
        writer.end();
    }

    private void formatFeedStatistics(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final FeedStatisticsDecoder d = feedStatistics.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "FeedStatistics", null);
        writer.value("source", d.sourceId()).enumeration("venue", d.venue()).value("frames", d.framesReceived())
            .value("published", d.messagesPublished()).value("decodeErrors", d.decodeErrors())
            .value("unsupported", d.unsupportedMessages()).value("gaps", d.gaps()).value("resyncs", d.resyncs())
            .value("crossed", d.crossedBooks()).value("overflows", d.bufferOverflows()).value("dropped", d.dropped())
            .enumeration("endOfStream", d.endOfStream());
        writer.end();
    }

    private void formatAnomaly(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final AnomalyEventDecoder d = anomaly.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "Anomaly", name(d.instrumentId()));
        writer.enumeration("type", d.anomalyType()).enumeration("dir", d.direction()).real("score", d.score())
            .decimal("px", d.price(), d.priceExponent()).real("atr", d.atr())
            .enumeration("vol", d.volatilityRegime()).enumeration("trend", d.trendRegime())
            .value("id", d.anomalyId());
        final long eventTimeNs = d.eventTimeNs();
        final long receiveTimeNs = d.receiveTimeNs();
        final long publishTimeNs = d.publishTimeNs();
        final AnomalyEventDecoder.FeaturesDecoder features = d.features();
        writer.beginList("features");
        while (features.hasNext())
        {
            features.next();
            final String featureName = String.valueOf(features.feature());
            final double value = features.value();
            writer.item(featureName.toLowerCase() + "=" + String.format("%.4g", value),
                "{\"feature\":\"" + featureName + "\",\"value\":" + (Double.isFinite(value) ? value : "null") + "}");
        }
        writer.endList();
        times(eventTimeNs, receiveTimeNs, publishTimeNs);
        writer.end();
    }

    private void formatRegimeChange(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final RegimeChangeDecoder d = regimeChange.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "RegimeChange", name(d.instrumentId()));
        writer.text("vol", d.previousVolatilityRegime() + "->" + d.volatilityRegime())
            .text("trend", d.previousTrendRegime() + "->" + d.trendRegime())
            .enumeration("dir", d.trendDirection()).real("confidence", d.confidence()).real("atrRatio", d.atrRatio())
            .real("adx", d.adx());
        writer.end();
    }

    private void formatDecision(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final DecisionDecoder d = decision.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "Decision", name(d.instrumentId()));
        writer.enumeration("outcome", d.outcome());
        if (DecisionOutcome.REJECTED == d.outcome())
        {
            writer.enumeration("reason", d.rejectReason());
        }
        writer.enumeration("anomaly", d.anomalyType()).enumeration("side", d.side()).real("score", d.score());
        final int px = d.priceExponent();
        writer.decimal("entry", d.entryPrice(), px).decimal("stop", d.stopPrice(), px)
            .decimal("target", d.targetPrice(), px).decimal("qty", d.quantity(), d.sizeExponent());
        if (DecisionOutcome.TAKEN == d.outcome())
        {
            writer.real("risk", d.riskAmount()).real("costR", d.costInR())
                .optional("clOrdId", d.clOrdId(), DecisionDecoder.clOrdIdNullValue());
        }
        writer.value("decisionId", d.decisionId()).value("anomalyId", d.anomalyId());
        final long eventTimeNs = d.eventTimeNs();
        final long receiveTimeNs = d.receiveTimeNs();
        final long publishTimeNs = d.publishTimeNs();
        writer.text("strategy", d.strategyId());
        writer.text("detail", d.detail());
        times(eventTimeNs, receiveTimeNs, publishTimeNs);
        writer.end();
    }

    private void formatIntent(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final OrderIntentDecoder d = intent.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "OrderIntent", name(d.instrumentId()));
        final int px = d.priceExponent();
        writer.enumeration("side", d.side()).enumeration("type", d.orderType()).enumeration("purpose", d.purpose())
            .decimal("qty", d.quantity(), d.sizeExponent()).decimal("limit", d.limitPrice(), px)
            .decimal("expected", d.expectedPrice(), px).decimal("stop", d.stopPrice(), px)
            .decimal("target", d.targetPrice(), px).enumeration("mode", d.mode()).value("clOrdId", d.clOrdId());
        final long eventTimeNs = d.eventTimeNs();
        final long receiveTimeNs = d.receiveTimeNs();
        final long publishTimeNs = d.publishTimeNs();
        writer.text("strategy", d.strategyId());
        times(eventTimeNs, receiveTimeNs, publishTimeNs);
        writer.end();
    }

    private void formatReport(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final ExecutionReportDecoder d = report.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "Execution", name(d.instrumentId()));
        final int px = d.priceExponent();
        final int sz = d.sizeExponent();
        writer.enumeration("exec", d.execType()).enumeration("status", d.orderStatus()).enumeration("side", d.side());
        if (ExecType.REJECTED == d.execType())
        {
            writer.enumeration("reason", d.rejectReason());
        }
        writer.decimal("lastQty", d.lastQuantity(), sz).decimal("lastPx", d.lastPrice(), px)
            .decimal("cumQty", d.cumQuantity(), sz).decimal("avgPx", d.averagePrice(), px)
            .decimal("fee", d.fee().mantissa(), d.fee().exponent()).real("slippageBps", d.slippageBps())
            .enumeration("purpose", d.purpose()).value("clOrdId", d.clOrdId());
        times(d.eventTimeNs(), d.receiveTimeNs(), d.publishTimeNs());
        writer.end();
    }

    private void formatPosition(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final PositionUpdateDecoder d = position.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "Position", name(d.instrumentId()));
        final int px = d.priceExponent();
        writer.decimal("qty", d.quantity(), d.sizeExponent()).decimal("avgEntry", d.averageEntryPrice(), px)
            .decimal("mark", d.markPrice(), px)
            .decimal("realised", d.realisedPnl().mantissa(), d.realisedPnl().exponent())
            .decimal("unrealised", d.unrealisedPnl().mantissa(), d.unrealisedPnl().exponent())
            .decimal("fees", d.fees().mantissa(), d.fees().exponent()).value("trades", d.tradeCount());
        writer.end();
    }

    private void formatControl(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final StringBuilder out)
    {
        final ControlCommandDecoder d = control.wrap(buffer, body, blockLength, version);
        writer.begin(out, d.publishTimeNs(), "Control",
            InstrumentRegistry.NULL_INSTRUMENT_ID == d.instrumentId() ? null : name(d.instrumentId()));
        writer.enumeration("command", d.commandType()).value("commandId", d.commandId());
        writer.text("argument", d.argument());
        writer.end();
    }

    private void times(final long eventTimeNs, final long receiveTimeNs, final long publishTimeNs)
    {
        if (writer.isJson())
        {
            writer.time("eventTimeNs", eventTimeNs).time("receiveTimeNs", receiveTimeNs)
                .time("publishTimeNs", publishTimeNs);
        }
    }
}
