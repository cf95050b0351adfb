/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools;

import io.aeron.Aeron;
import io.hellmoon.codecs.HellmoonConfiguration.Stream;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.codecs.aeron.AeronPublisher;
import io.hellmoon.codecs.aeron.BackPressurePolicy;
import io.hellmoon.codecs.aeron.CounterFactory;
import io.hellmoon.codecs.aeron.EmbeddedMediaDriver;
import io.hellmoon.sbe.InstrumentDefinitionEncoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.TradeCondition;
import io.hellmoon.sbe.TradeEncoder;
import io.hellmoon.sbe.TradeKind;
import io.hellmoon.sbe.Venue;
import org.agrona.CloseHelper;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hellmoon tail} and {@code hellmoon stat} attached to a real embedded media driver that a publisher writes
 * SBE messages to.
 */
@Timeout(60)
class TailAndStatTest
{
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private EmbeddedMediaDriver driver;
    private Aeron aeron;
    private AeronPublisher publisher;

    @BeforeEach
    void setUp()
    {
        driver = EmbeddedMediaDriver.launch("tail-test");
        aeron = driver.connect();
        publisher = new AeronPublisher(
            aeron.addPublication(Stream.MD.channel(), Stream.MD.streamId()), BackPressurePolicy.RETRY,
            new YieldingIdleStrategy(), TimeUnit.SECONDS.toNanos(1), CounterFactory.aeron(aeron), "test md");
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(publisher, aeron, driver);
    }

    @Test
    void shouldPrintMessagesOfTheChosenTypeWithInstrumentNames() throws Exception
    {
        final CompletableFuture<CliRun> tail = CompletableFuture.supplyAsync(() -> CliRun.run(
            "tail", "--aeron-dir", driver.aeronDirectoryName(), "--type", "trade", "--count", "2", "--duration", "25s"));
        awaitSubscriber();

        publishDefinition();
        publishTrade(6183763000000L, 2000000L, 1);
        publishTrade(6183764000000L, 1000000L, 2);

        final CliRun run = tail.get(30, TimeUnit.SECONDS);
        assertEquals(0, run.exitCode(), run.err());
        final String[] lines = run.out().strip().split("\n");
        assertEquals(2, lines.length, run.out());
        assertTrue(lines[0].contains("Trade") && lines[0].contains("BINANCE_USDM:BTCUSDT"), lines[0]);
        assertTrue(lines[0].contains("px=61837.63") && lines[0].contains("qty=0.02"), lines[0]);
        assertTrue(lines[1].contains("px=61837.64") && lines[1].contains("id=2"), lines[1]);
        assertFalse(run.out().contains("InstrumentDefinition"), "filtered out, but still used for names");
    }

    @Test
    void shouldPrintJsonFilteredBySymbol() throws Exception
    {
        final CompletableFuture<CliRun> tail = CompletableFuture.supplyAsync(() -> CliRun.run(
            "tail", "--aeron-dir", driver.aeronDirectoryName(), "--symbol", "btcusdt", "--json", "--count", "2", "--duration", "25s"));
        awaitSubscriber();

        publishDefinition();
        publishTrade(6183763000000L, 2000000L, 7);

        final CliRun run = tail.get(30, TimeUnit.SECONDS);
        assertEquals(0, run.exitCode(), run.err());
        final String[] lines = run.out().strip().split("\n");
        assertTrue(lines[0].startsWith("{\"type\":\"InstrumentDefinition\""), lines[0]);
        assertTrue(lines[1].startsWith("{\"type\":\"Trade\",\"instrument\":\"BINANCE_USDM:BTCUSDT\""), lines[1]);
        assertTrue(lines[1].contains("\"px\":\"61837.63\""), lines[1]);
        assertTrue(lines[1].contains("\"eventTimeNs\":1723161255343000000"), lines[1]);
    }

    @Test
    void shouldListCountersByComponent()
    {
        // Nobody subscribes, so the publisher drops the message and counts it: that is the counter stat must show.
        publisher.offer(buffer, 0, 0);

        final CliRun run = CliRun.run("stat", "--aeron-dir", driver.aeronDirectoryName());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("test md"), run.out());
        assertTrue(run.out().contains("messages published"), run.out());
        assertTrue(run.out().contains("back pressured"), run.out());
    }

    @Test
    void shouldExplainWhenNoDriverRuns()
    {
        final CliRun stat = CliRun.run("stat", "--aeron-dir", "/dev/shm/hellmoon-no-such-driver");
        assertEquals(1, stat.exitCode());
        assertTrue(stat.err().contains("no media driver"), stat.err());
        final CliRun tail = CliRun.run("tail", "--aeron-dir", "/dev/shm/hellmoon-no-such-driver");
        assertEquals(1, tail.exitCode());
    }

    private void awaitSubscriber() throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!publisher.isConnected())
        {
            assertTrue(System.nanoTime() < deadlineNs, "tail did not subscribe");
            Thread.sleep(10);
        }
    }

    private void publishDefinition()
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        final int id = registry.register(Venue.BINANCE_USDM, "BTCUSDT");
        final InstrumentDefinitionEncoder encoder = new InstrumentDefinitionEncoder();
        encoder.wrapAndApplyHeader(buffer, 0, header);
        registry.encodeDefinition(id, encoder, 1L, 2L);
        assertTrue(publisher.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength()));
    }

    private void publishTrade(final long price, final long size, final long tradeId)
    {
        final TradeEncoder trade = new TradeEncoder().wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(1)
            .eventTimeNs(1_723_161_255_343_000_000L)
            .receiveTimeNs(1_723_161_254_087_896_568L)
            .publishTimeNs(1_723_161_254_087_900_000L)
            .tradeTimeNs(1_723_161_255_342_000_000L)
            .kind(TradeKind.TRADE)
            .condition(TradeCondition.NORMAL)
            .aggressorSide(Side.SELL)
            .priceExponent((byte)-8)
            .sizeExponent((byte)-8)
            .price(price)
            .size(size)
            .tradeId(tradeId)
            .firstTradeId(TradeEncoder.firstTradeIdNullValue())
            .lastTradeId(TradeEncoder.lastTradeIdNullValue());
        assertTrue(publisher.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength()));
    }
}
