/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.sbe.BarDecoder;
import io.hellmoon.sbe.BestBidOfferDecoder;
import io.hellmoon.sbe.BooleanType;
import io.hellmoon.sbe.Decimal64Decoder;
import io.hellmoon.sbe.DepthSnapshotDecoder;
import io.hellmoon.sbe.DepthUpdateDecoder;
import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.LiquidationDecoder;
import io.hellmoon.sbe.MarkPriceDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.MiniTickerDecoder;
import io.hellmoon.sbe.TradeDecoder;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One-line canonical text of market-data messages, for comparing what the decoder published with what an
 * independent reading of the JSON expects. Both sides compute their values their own way and format them here, so
 * only the formatting is shared. Tests only: allocates freely.
 */
final class MessageText
{
    static final long NULL = Long.MIN_VALUE;

    private MessageText()
    {
    }

    static String definition(final String symbol, final String venue, final int priceExponent, final int sizeExponent)
    {
        return "InstrumentDefinition " + symbol + " venue=" + venue + " pe=" + priceExponent + " se=" + sizeExponent;
    }

    static String trade(
        final String symbol,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long publishTimeNs,
        final long tradeTimeNs,
        final String kind,
        final String condition,
        final String aggressorSide,
        final int priceExponent,
        final int sizeExponent,
        final long price,
        final long size,
        final long tradeId,
        final long firstTradeId,
        final long lastTradeId)
    {
        return "Trade " + symbol + times(eventTimeNs, receiveTimeNs, publishTimeNs) + " T=" + n(tradeTimeNs) +
            " kind=" + kind + " cond=" + condition + " aggressor=" + aggressorSide + " pe=" + priceExponent +
            " se=" + sizeExponent + " p=" + price + " q=" + size + " id=" + tradeId + " first=" + n(firstTradeId) +
            " last=" + n(lastTradeId);
    }

    static String bestBidOffer(
        final String symbol,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long publishTimeNs,
        final long transactTimeNs,
        final long updateId,
        final int priceExponent,
        final int sizeExponent,
        final long bidPrice,
        final long bidSize,
        final long askPrice,
        final long askSize)
    {
        return "BestBidOffer " + symbol + times(eventTimeNs, receiveTimeNs, publishTimeNs) + " T=" +
            n(transactTimeNs) + " u=" + n(updateId) + " pe=" + priceExponent + " se=" + sizeExponent + " b=" +
            bidPrice + " B=" + bidSize + " a=" + askPrice + " A=" + askSize;
    }

    static String depthUpdate(
        final String symbol,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long publishTimeNs,
        final long transactTimeNs,
        final long firstUpdateId,
        final long finalUpdateId,
        final long prevFinalUpdateId,
        final int priceExponent,
        final int sizeExponent,
        final List<long[]> bids,
        final List<long[]> asks)
    {
        return "DepthUpdate " + symbol + times(eventTimeNs, receiveTimeNs, publishTimeNs) + " T=" +
            n(transactTimeNs) + " U=" + firstUpdateId + " u=" + finalUpdateId + " pu=" + n(prevFinalUpdateId) +
            " pe=" + priceExponent + " se=" + sizeExponent + " bids=" + levels(bids) + " asks=" + levels(asks);
    }

    static String depthSnapshot(
        final String symbol,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long publishTimeNs,
        final long transactTimeNs,
        final long lastUpdateId,
        final int priceExponent,
        final int sizeExponent,
        final List<long[]> bids,
        final List<long[]> asks)
    {
        return "DepthSnapshot " + symbol + times(eventTimeNs, receiveTimeNs, publishTimeNs) + " T=" +
            n(transactTimeNs) + " lastUpdateId=" + lastUpdateId + " pe=" + priceExponent + " se=" + sizeExponent +
            " bids=" + levels(bids) + " asks=" + levels(asks);
    }

    static String bar(
        final String symbol,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long publishTimeNs,
        final String interval,
        final long openTimeNs,
        final long closeTimeNs,
        final boolean closed,
        final int priceExponent,
        final int sizeExponent,
        final long[] ohlcv,
        final long takerBuyVolume,
        final BigDecimal quoteVolume,
        final BigDecimal takerBuyQuoteVolume,
        final long tradeCount,
        final long firstTradeId,
        final long lastTradeId)
    {
        return "Bar " + symbol + times(eventTimeNs, receiveTimeNs, publishTimeNs) + " i=" + interval + " t=" +
            openTimeNs + " T=" + closeTimeNs + " x=" + closed + " pe=" + priceExponent + " se=" + sizeExponent +
            " o=" + ohlcv[0] + " h=" + ohlcv[1] + " l=" + ohlcv[2] + " c=" + ohlcv[3] + " v=" + ohlcv[4] + " V=" +
            takerBuyVolume + " q=" + d(quoteVolume) + " Q=" + d(takerBuyQuoteVolume) + " n=" + tradeCount + " f=" +
            n(firstTradeId) + " L=" + n(lastTradeId);
    }

    static String liquidation(
        final String symbol,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long publishTimeNs,
        final long tradeTimeNs,
        final String side,
        final String status,
        final int priceExponent,
        final int sizeExponent,
        final long price,
        final long averagePrice,
        final long quantity,
        final long lastFilledQuantity,
        final long filledQuantity)
    {
        return "Liquidation " + symbol + times(eventTimeNs, receiveTimeNs, publishTimeNs) + " T=" + n(tradeTimeNs) +
            " side=" + side + " status=" + status + " pe=" + priceExponent + " se=" + sizeExponent + " p=" + price +
            " ap=" + averagePrice + " q=" + quantity + " l=" + lastFilledQuantity + " z=" + filledQuantity;
    }

    static String markPrice(
        final String symbol,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long publishTimeNs,
        final int priceExponent,
        final long markPrice,
        final long indexPrice,
        final long estimatedSettlePrice,
        final BigDecimal fundingRate,
        final long nextFundingTimeNs)
    {
        return "MarkPrice " + symbol + times(eventTimeNs, receiveTimeNs, publishTimeNs) + " pe=" + priceExponent +
            " p=" + markPrice + " i=" + n(indexPrice) + " P=" + n(estimatedSettlePrice) + " r=" + d(fundingRate) +
            " T=" + n(nextFundingTimeNs);
    }

    static String miniTicker(
        final String symbol,
        final long eventTimeNs,
        final long receiveTimeNs,
        final long publishTimeNs,
        final int priceExponent,
        final int sizeExponent,
        final long[] ohlcv,
        final BigDecimal quoteVolume)
    {
        return "MiniTicker " + symbol + times(eventTimeNs, receiveTimeNs, publishTimeNs) + " pe=" + priceExponent +
            " se=" + sizeExponent + " o=" + ohlcv[0] + " h=" + ohlcv[1] + " l=" + ohlcv[2] + " c=" + ohlcv[3] +
            " v=" + ohlcv[4] + " q=" + d(quoteVolume);
    }

    /**
     * Renders SBE messages as the same text, reusing its flyweights.
     */
    static final class Renderer
    {
        private final InstrumentRegistry registry;
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
        private final TradeDecoder trade = new TradeDecoder();
        private final BestBidOfferDecoder bestBidOffer = new BestBidOfferDecoder();
        private final DepthUpdateDecoder depthUpdate = new DepthUpdateDecoder();
        private final DepthSnapshotDecoder depthSnapshot = new DepthSnapshotDecoder();
        private final BarDecoder bar = new BarDecoder();
        private final LiquidationDecoder liquidation = new LiquidationDecoder();
        private final MarkPriceDecoder markPrice = new MarkPriceDecoder();
        private final MiniTickerDecoder miniTicker = new MiniTickerDecoder();

        Renderer(final InstrumentRegistry registry)
        {
            this.registry = registry;
        }

        /**
         * The text of one message, and a check that its encoded length is exactly the bytes offered.
         */
        String render(final DirectBuffer buffer, final int offset, final int length)
        {
            header.wrap(buffer, offset);
            final String text;
            final int encodedLength;
            switch (header.templateId())
            {
                case InstrumentDefinitionDecoder.TEMPLATE_ID:
                {
                    final InstrumentDefinitionDecoder d = definition.wrapAndApplyHeader(buffer, offset, header);
                    final String venue = d.venue().name();
                    final int pe = d.priceExponent();
                    final int se = d.sizeExponent();
                    final String symbol = d.symbol();
                    d.baseAsset();
                    d.quoteAsset();
                    text = definition(symbol, venue, pe, se);
                    encodedLength = d.encodedLength();
                    break;
                }

                case TradeDecoder.TEMPLATE_ID:
                {
                    final TradeDecoder d = trade.wrapAndApplyHeader(buffer, offset, header);
                    text = trade(
                        registry.symbol(d.instrumentId()), d.eventTimeNs(), d.receiveTimeNs(), d.publishTimeNs(),
                        d.tradeTimeNs(), d.kind().name(), d.condition().name(), d.aggressorSide().name(),
                        d.priceExponent(), d.sizeExponent(), d.price(), d.size(), d.tradeId(), d.firstTradeId(),
                        d.lastTradeId());
                    encodedLength = d.encodedLength();
                    break;
                }

                case BestBidOfferDecoder.TEMPLATE_ID:
                {
                    final BestBidOfferDecoder d = bestBidOffer.wrapAndApplyHeader(buffer, offset, header);
                    text = bestBidOffer(
                        registry.symbol(d.instrumentId()), d.eventTimeNs(), d.receiveTimeNs(), d.publishTimeNs(),
                        d.transactTimeNs(), d.updateId(), d.priceExponent(), d.sizeExponent(), d.bidPrice(),
                        d.bidSize(), d.askPrice(), d.askSize());
                    encodedLength = d.encodedLength();
                    break;
                }

                case DepthUpdateDecoder.TEMPLATE_ID:
                {
                    final DepthUpdateDecoder d = depthUpdate.wrapAndApplyHeader(buffer, offset, header);
                    final String symbol = registry.symbol(d.instrumentId());
                    final long e = d.eventTimeNs();
                    final long r = d.receiveTimeNs();
                    final long p = d.publishTimeNs();
                    final long t = d.transactTimeNs();
                    final long first = d.firstUpdateId();
                    final long last = d.finalUpdateId();
                    final long prev = d.prevFinalUpdateId();
                    final int pe = d.priceExponent();
                    final int se = d.sizeExponent();
                    final List<long[]> bids = new ArrayList<>();
                    for (final DepthUpdateDecoder.BidsDecoder level : d.bids())
                    {
                        bids.add(new long[]{ level.price(), level.size() });
                    }
                    final List<long[]> asks = new ArrayList<>();
                    for (final DepthUpdateDecoder.AsksDecoder level : d.asks())
                    {
                        asks.add(new long[]{ level.price(), level.size() });
                    }
                    text = depthUpdate(symbol, e, r, p, t, first, last, prev, pe, se, bids, asks);
                    encodedLength = d.encodedLength();
                    break;
                }

                case DepthSnapshotDecoder.TEMPLATE_ID:
                {
                    final DepthSnapshotDecoder d = depthSnapshot.wrapAndApplyHeader(buffer, offset, header);
                    final String symbol = registry.symbol(d.instrumentId());
                    final long e = d.eventTimeNs();
                    final long r = d.receiveTimeNs();
                    final long p = d.publishTimeNs();
                    final long t = d.transactTimeNs();
                    final long lastUpdateId = d.lastUpdateId();
                    final int pe = d.priceExponent();
                    final int se = d.sizeExponent();
                    final List<long[]> bids = new ArrayList<>();
                    for (final DepthSnapshotDecoder.BidsDecoder level : d.bids())
                    {
                        bids.add(new long[]{ level.price(), level.size() });
                    }
                    final List<long[]> asks = new ArrayList<>();
                    for (final DepthSnapshotDecoder.AsksDecoder level : d.asks())
                    {
                        asks.add(new long[]{ level.price(), level.size() });
                    }
                    text = depthSnapshot(symbol, e, r, p, t, lastUpdateId, pe, se, bids, asks);
                    encodedLength = d.encodedLength();
                    break;
                }

                case BarDecoder.TEMPLATE_ID:
                {
                    final BarDecoder d = bar.wrapAndApplyHeader(buffer, offset, header);
                    text = bar(
                        registry.symbol(d.instrumentId()), d.eventTimeNs(), d.receiveTimeNs(), d.publishTimeNs(),
                        d.interval().name(), d.openTimeNs(), d.closeTimeNs(), BooleanType.TRUE == d.closed(),
                        d.priceExponent(), d.sizeExponent(),
                        new long[]{ d.openPrice(), d.highPrice(), d.lowPrice(), d.closePrice(), d.volume() },
                        d.takerBuyVolume(), decimal(d.quoteVolume()), decimal(d.takerBuyQuoteVolume()),
                        d.tradeCount(), d.firstTradeId(), d.lastTradeId());
                    encodedLength = d.encodedLength();
                    break;
                }

                case LiquidationDecoder.TEMPLATE_ID:
                {
                    final LiquidationDecoder d = liquidation.wrapAndApplyHeader(buffer, offset, header);
                    text = liquidation(
                        registry.symbol(d.instrumentId()), d.eventTimeNs(), d.receiveTimeNs(), d.publishTimeNs(),
                        d.tradeTimeNs(), d.side().name(), d.orderStatus().name(), d.priceExponent(),
                        d.sizeExponent(), d.price(), d.averagePrice(), d.quantity(), d.lastFilledQuantity(),
                        d.filledQuantity());
                    encodedLength = d.encodedLength();
                    break;
                }

                case MarkPriceDecoder.TEMPLATE_ID:
                {
                    final MarkPriceDecoder d = markPrice.wrapAndApplyHeader(buffer, offset, header);
                    text = markPrice(
                        registry.symbol(d.instrumentId()), d.eventTimeNs(), d.receiveTimeNs(), d.publishTimeNs(),
                        d.priceExponent(), d.markPrice(), d.indexPrice(), d.estimatedSettlePrice(),
                        decimal(d.fundingRate()), d.nextFundingTimeNs());
                    encodedLength = d.encodedLength();
                    break;
                }

                case MiniTickerDecoder.TEMPLATE_ID:
                {
                    final MiniTickerDecoder d = miniTicker.wrapAndApplyHeader(buffer, offset, header);
                    text = miniTicker(
                        registry.symbol(d.instrumentId()), d.eventTimeNs(), d.receiveTimeNs(), d.publishTimeNs(),
                        d.priceExponent(), d.sizeExponent(),
                        new long[]{ d.openPrice(), d.highPrice(), d.lowPrice(), d.closePrice(), d.volume() },
                        decimal(d.quoteVolume()));
                    encodedLength = d.encodedLength();
                    break;
                }

                default:
                    throw new AssertionError("unexpected template " + header.templateId());
            }

            final int total = MessageHeaderDecoder.ENCODED_LENGTH + encodedLength;
            if (total != length)
            {
                throw new AssertionError("offered " + length + " bytes but the message is " + total + ": " + text);
            }
            return text;
        }
    }

    static BigDecimal decimal(final Decimal64Decoder decimal)
    {
        final long mantissa = decimal.mantissa();
        return Decimal64Decoder.mantissaNullValue() == mantissa ?
            null : BigDecimal.valueOf(mantissa, -decimal.exponent());
    }

    private static String times(final long eventTimeNs, final long receiveTimeNs, final long publishTimeNs)
    {
        return " E=" + n(eventTimeNs) + " recv=" + receiveTimeNs + " pub=" + publishTimeNs;
    }

    private static String n(final long value)
    {
        return NULL == value ? "null" : Long.toString(value);
    }

    private static String d(final BigDecimal value)
    {
        return null == value ? "null" : value.stripTrailingZeros().toPlainString();
    }

    private static String levels(final List<long[]> levels)
    {
        final StringBuilder builder = new StringBuilder("[");
        for (final long[] level : levels)
        {
            if (builder.length() > 1)
            {
                builder.append(',');
            }
            builder.append(level[0]).append(':').append(level[1]);
        }
        return builder.append(']').toString();
    }
}
