/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs;

import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.InstrumentDefinitionEncoder;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.TestData;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentRegistryTest
{
    @Test
    void shouldLoadTheRealSpotUniverse()
    {
        final BinanceExchangeInfo.Result result =
            BinanceExchangeInfo.parse(TestData.file("binance/cryptofeed/BINANCE.0"), null);
        assertEquals(Venue.BINANCE_SPOT, result.venue());
        assertEquals(1695, result.instruments().size());

        final InstrumentRegistry registry = result.addTo(new InstrumentRegistry());
        assertEquals(1695, registry.size());
        assertEquals(1695, registry.maxId());

        final Instrument btc = registry.get(registry.idOf(Venue.BINANCE_SPOT, "btcusdt"));
        assertEquals("BTCUSDT", btc.symbol());
        assertEquals("BTC", btc.baseAsset());
        assertEquals("USDT", btc.quoteAsset());
        assertEquals(InstrumentKind.SPOT, btc.kind());
        assertEquals("0.01", FixedPoint.toPlainString(btc.tickSize(), btc.priceExponent()));
        assertEquals("0.00001", FixedPoint.toPlainString(btc.stepSize(), btc.sizeExponent()));
        assertTrue(btc.minNotional() > 0);

        final long breaks = result.instruments().stream().filter(i -> InstrumentStatus.BREAK == i.status()).count();
        assertEquals(433, breaks);
    }

    @Test
    void shouldDetectFuturesAndKinds()
    {
        final BinanceExchangeInfo.Result result =
            BinanceExchangeInfo.parse(TestData.file("binance/cryptofeed/BINANCE_FUTURES.0"), null);
        assertEquals(Venue.BINANCE_USDM, result.venue());
        assertEquals(122, result.instruments().size());
        assertTrue(result.instruments().stream().anyMatch(i -> InstrumentKind.DELIVERY == i.kind()));
        assertTrue(result.instruments().stream().anyMatch(i -> InstrumentKind.PERPETUAL == i.kind()));
    }

    @Test
    void shouldKeepIdsStableAcrossSaveLoadAndAdditions(@TempDir final Path dir)
    {
        final InstrumentRegistry first = new InstrumentRegistry();
        final int eth = first.register(Venue.BINANCE_USDM, "ETHUSDT");
        final int btc = first.register(Venue.BINANCE_USDM, "BTCUSDT");
        final int spotBtc = first.register(Venue.BINANCE_SPOT, "BTCUSDT");
        assertNotEquals(btc, spotBtc);
        final Path file = dir.resolve("instruments.csv");
        first.save(file);

        final InstrumentRegistry second = new InstrumentRegistry().load(file);
        assertEquals(eth, second.idOf(Venue.BINANCE_USDM, "ETHUSDT"));
        assertEquals(btc, second.idOf(Venue.BINANCE_USDM, "BTCUSDT"));
        assertEquals(spotBtc, second.idOf(Venue.BINANCE_SPOT, "btcusdt"));

        final int sol = second.register(Venue.BINANCE_USDM, "SOLUSDT");
        assertEquals(4, sol);
        assertEquals(btc, second.register(Venue.BINANCE_USDM, "BTCUSDT"));
    }

    @Test
    void shouldNameTheLineOfABadRegistryFile(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("bad.csv");
        Files.writeString(file,
            "id,venue,symbol,kind,status,priceExponent,sizeExponent,tickSize,stepSize,minQty,minNotional," +
            "contractSize,baseAsset,quoteAsset\n1,NOT_A_VENUE,BTCUSDT,SPOT,TRADING,-8,-8,0,0,0,0,1,,\n");
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new InstrumentRegistry().load(file));
        assertTrue(ex.getMessage().contains("bad.csv:2"), ex.getMessage());
    }

    @Test
    void shouldRejectAnExchangeInfoWithABadFilter()
    {
        final String json = "{\"symbols\":[{\"symbol\":\"X\",\"filters\":[{\"filterType\":\"PRICE_FILTER\"," +
            "\"tickSize\":\"abc\"}]}]}";
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> BinanceExchangeInfo.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null));
        assertTrue(ex.getMessage().contains("$.symbols[0].filters[PRICE_FILTER].tickSize"), ex.getMessage());
    }

    @Test
    void shouldRoundTripDefinitionsThroughSbe()
    {
        final InstrumentRegistry publisher = new InstrumentRegistry();
        publisher.register(Venue.BINANCE_SPOT, "ETHBTC");
        final int id = publisher.register(Venue.BINANCE_COINM, "BTCUSD_PERP");

        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        final InstrumentDefinitionEncoder encoder = new InstrumentDefinitionEncoder();
        encoder.wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        publisher.encodeDefinition(id, encoder, 1L, 2L);

        final InstrumentDefinitionDecoder decoder = new InstrumentDefinitionDecoder();
        decoder.wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
        final InstrumentRegistry subscriber = new InstrumentRegistry();
        assertEquals(id, subscriber.onDefinition(decoder));
        assertEquals("BINANCE_COINM:BTCUSD_PERP", subscriber.key(id));
        assertEquals(InstrumentKind.PERPETUAL, subscriber.get(id).kind());
    }
}
