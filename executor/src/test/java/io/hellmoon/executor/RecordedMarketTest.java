/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.executor.ExecutorFixture.Report;
import io.hellmoon.sbe.BestBidOfferEncoder;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.OrderPurpose;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeCondition;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.test.TestData;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static io.hellmoon.executor.ExecutorFixture.BTC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Six minutes of real Binance USD-M BTCUSDT best bid/offer and trades (2024-08-08) replayed through the engine on a
 * clock driven by the capture's receive times: a bracketed entry at the first quote is exited by the executor
 * exactly when the recorded market first reaches the stop or the target, at the recorded bid, and the realised
 * P&amp;L and fees match an independent computation from the raw decimals.
 */
class RecordedMarketTest
{
    private static final int EXPONENT = -8;
    private static final BigDecimal QUANTITY = new BigDecimal("0.5");
    private static final BigDecimal TAKER_FEE = new BigDecimal("0.0004");

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(512));
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final BestBidOfferEncoder bboEncoder = new BestBidOfferEncoder();
    private final TradeEncoder tradeEncoder = new TradeEncoder();

    @Test
    @Timeout(60)
    void shouldExitABracketWhereTheRecordedMarketFirstReachesItAtTheRecordedBid() throws IOException
    {
        final List<Tick> ticks = load();
        assertTrue(ticks.size() > 50_000, "ticks: " + ticks.size());

        try (ExecutorFixture fixture = new ExecutorFixture(
            context -> context.maxOrderNotional(1_000_000).maxPositionNotional(1_000_000)))
        {
            final Tick first = ticks.get(0);
            fixture.clock.set(first.receiveTimeNs);
            fixture.define(
                BTC, EXPONENT, EXPONENT, 10_000_000, 100_000, 100_000, 0, InstrumentKind.PERPETUAL,
                InstrumentStatus.TRADING);
            send(fixture, first);

            final BigDecimal entryPrice = first.ask;
            final BigDecimal stop = entryPrice.subtract(new BigDecimal("100"));
            final BigDecimal target = entryPrice.add(new BigDecimal("30"));
            fixture.intent()
                .exponents(EXPONENT, EXPONENT)
                .buy("0.5")
                .expected(entryPrice.toPlainString())
                .stop(stop.toPlainString())
                .target(target.toPlainString())
                .send();
            assertEquals(scaled(entryPrice), fixture.lastReport().lastPrice());
            assertEquals(scaled(QUANTITY), fixture.engine.positionQuantity(BTC));

            // The oracle: the first tick whose exit price (bid, or trade price) reaches the stop or the target.
            int triggerIndex = -1;
            for (int i = 1; i < ticks.size() && triggerIndex < 0; i++)
            {
                final BigDecimal price = ticks.get(i).exitPrice();
                if (price.compareTo(stop) <= 0 || price.compareTo(target) >= 0)
                {
                    triggerIndex = i;
                }
            }
            assertTrue(triggerIndex > 0, "the recorded market never reached the bracket");

            BigDecimal bid = first.bid;
            BigDecimal realised = BigDecimal.ZERO;
            BigDecimal fees = fee(entryPrice, QUANTITY);
            for (int i = 1; i < ticks.size() && 0 != fixture.engine.positionQuantity(BTC); i++)
            {
                final Tick tick = ticks.get(i);
                fixture.clear();
                fixture.clock.set(tick.receiveTimeNs);
                send(fixture, tick);
                if (tick.quote)
                {
                    bid = tick.bid;
                }

                final List<Report> reports = fixture.reports();
                if (i < triggerIndex)
                {
                    assertTrue(reports.isEmpty(), "exit before the market reached the bracket at tick " + i);
                    continue;
                }
                if (i == triggerIndex)
                {
                    assertTrue(!reports.isEmpty(), "no exit when the market reached the bracket at tick " + i);
                    final OrderPurpose expectedPurpose = tick.exitPrice().compareTo(stop) <= 0 ?
                        OrderPurpose.EXIT_STOP : OrderPurpose.EXIT_TARGET;
                    assertEquals(expectedPurpose, reports.get(0).purpose());
                }
                for (final Report report : reports)
                {
                    if (report.lastQuantity() > 0)
                    {
                        assertEquals(Side.SELL, report.side());
                        assertEquals(scaled(bid), report.lastPrice(), "exit fills at the recorded bid");
                        final BigDecimal quantity = BigDecimal.valueOf(report.lastQuantity(), -EXPONENT);
                        realised = realised.add(bid.subtract(entryPrice).multiply(quantity));
                        fees = fees.add(fee(bid, quantity));
                    }
                }
            }

            assertEquals(0, fixture.engine.positionQuantity(BTC), "the bracket closed the position");
            assertEquals(scaled(realised), fixture.engine.realisedPnl(BTC));
            assertEquals(scaled(fees), fixture.engine.fees(BTC));
            assertEquals(0, fixture.engine.counters().decodeErrors().get());
        }
    }

    private void send(final ExecutorFixture fixture, final Tick tick)
    {
        if (tick.quote)
        {
            bboEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
                .instrumentId(BTC)
                .eventTimeNs(tick.eventTimeNs)
                .receiveTimeNs(tick.receiveTimeNs)
                .publishTimeNs(tick.receiveTimeNs)
                .transactTimeNs(tick.eventTimeNs)
                .updateId(BestBidOfferEncoder.updateIdNullValue())
                .priceExponent((byte)EXPONENT)
                .sizeExponent((byte)EXPONENT)
                .bidPrice(scaled(tick.bid))
                .bidSize(scaled(tick.bidSize))
                .askPrice(scaled(tick.ask))
                .askSize(scaled(tick.askSize));
            fixture.sendRaw(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bboEncoder.encodedLength());
        }
        else
        {
            tradeEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
                .instrumentId(BTC)
                .eventTimeNs(tick.eventTimeNs)
                .receiveTimeNs(tick.receiveTimeNs)
                .publishTimeNs(tick.receiveTimeNs)
                .tradeTimeNs(tick.eventTimeNs)
                .kind(TradeKind.TRADE)
                .condition(TradeCondition.NORMAL)
                .aggressorSide(Side.BUY)
                .priceExponent((byte)EXPONENT)
                .sizeExponent((byte)EXPONENT)
                .price(scaled(tick.bid))
                .size(scaled(tick.bidSize))
                .tradeId(0)
                .firstTradeId(TradeEncoder.firstTradeIdNullValue())
                .lastTradeId(TradeEncoder.lastTradeIdNullValue());
            fixture.sendRaw(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + tradeEncoder.encodedLength());
        }
    }

    private static BigDecimal fee(final BigDecimal price, final BigDecimal quantity)
    {
        return price.multiply(quantity).setScale(-EXPONENT, RoundingMode.HALF_UP)
            .multiply(TAKER_FEE).setScale(-EXPONENT, RoundingMode.HALF_UP);
    }

    private static long scaled(final BigDecimal value)
    {
        return FixedPoint.parse(value.setScale(-EXPONENT, RoundingMode.HALF_UP).toPlainString(), EXPONENT);
    }

    private static List<Tick> load() throws IOException
    {
        final List<Tick> ticks = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(TestData.file("binance/captures/usdm/btcusdt_20240808.gz"))),
            StandardCharsets.US_ASCII)))
        {
            String line;
            while (null != (line = reader.readLine()))
            {
                final long receiveTimeNs = Long.parseLong(line.substring(0, line.indexOf(' ')));
                if (line.contains("@bookTicker"))
                {
                    ticks.add(new Tick(true, receiveTimeNs, Long.parseLong(field(line, "E")) * 1_000_000L,
                        new BigDecimal(field(line, "b")), new BigDecimal(field(line, "B")),
                        new BigDecimal(field(line, "a")), new BigDecimal(field(line, "A"))));
                }
                else if (line.contains("@trade") && "MARKET".equals(field(line, "X")))
                {
                    // A trade keeps its price and size in the bid fields.
                    ticks.add(new Tick(false, receiveTimeNs, Long.parseLong(field(line, "E")) * 1_000_000L,
                        new BigDecimal(field(line, "p")), new BigDecimal(field(line, "q")), null, null));
                }
            }
        }
        return ticks;
    }

    private static String field(final String line, final String name)
    {
        final String key = "\"" + name + "\":";
        final int start = line.indexOf(key) + key.length();
        if ('"' == line.charAt(start))
        {
            return line.substring(start + 1, line.indexOf('"', start + 1));
        }
        int end = start;
        while (end < line.length() && ',' != line.charAt(end) && '}' != line.charAt(end))
        {
            end++;
        }
        return line.substring(start, end);
    }

    private record Tick(
        boolean quote,
        long receiveTimeNs,
        long eventTimeNs,
        BigDecimal bid,
        BigDecimal bidSize,
        BigDecimal ask,
        BigDecimal askSize)
    {
        BigDecimal exitPrice()
        {
            return bid;
        }
    }
}
