/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Feature;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.Venue;
import io.hellmoon.test.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scanner over six real minutes of Binance BTCUSDT and ETHUSDT, spot and USD-M, merged in receive-time order.
 * The JSON is read here with Jackson (the appliance's own decoders are the feed's business); trades and
 * bookTickers become SBE messages, depth diffs are left out (books come from the feed's book builder).
 */
class RealCaptureTest
{
    private static final String[] FILES = {
        "binance/captures/spot/btcusdt_20240808.gz",
        "binance/captures/spot/ethusdt_20240808.gz",
        "binance/captures/usdm/btcusdt_20240808.gz",
        "binance/captures/usdm/ethusdt_20240808.gz" };
    private static final Venue[] VENUES = { Venue.BINANCE_SPOT, Venue.BINANCE_SPOT, Venue.BINANCE_USDM,
        Venue.BINANCE_USDM };
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ObjectMapper mapper = new ObjectMapper();
    private long firstEventNs = Long.MAX_VALUE;
    private long lastEventNs = Long.MIN_VALUE;
    private int trades;
    private int quotes;

    private static long mantissa(final String decimal)
    {
        return new BigDecimal(decimal).movePointRight(-MarketData.EXPONENT).longValueExact();
    }

    private RecordingSink replay() throws IOException
    {
        final ScannerFixture fixture = new ScannerFixture();
        trades = 0;
        quotes = 0;
        for (int i = 0; i < FILES.length; i++)
        {
            fixture.md.definition(i + 1, VENUES[i], InstrumentStatus.TRADING);
        }

        final BufferedReader[] readers = new BufferedReader[FILES.length];
        final String[] next = new String[FILES.length];
        final long[] nextNs = new long[FILES.length];
        try
        {
            for (int i = 0; i < FILES.length; i++)
            {
                readers[i] = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(TestData.file(FILES[i]))), StandardCharsets.UTF_8));
                advance(readers, next, nextNs, i);
            }

            while (true)
            {
                int earliest = -1;
                for (int i = 0; i < FILES.length; i++)
                {
                    if (null != next[i] && (-1 == earliest || nextNs[i] < nextNs[earliest]))
                    {
                        earliest = i;
                    }
                }
                if (-1 == earliest)
                {
                    break;
                }
                onLine(fixture.md, earliest + 1, nextNs[earliest], next[earliest]);
                advance(readers, next, nextNs, earliest);
            }
        }
        finally
        {
            for (final BufferedReader reader : readers)
            {
                if (null != reader)
                {
                    reader.close();
                }
            }
        }

        assertEquals(0, fixture.scanner.errorLog().totalCount());
        fixture.scanner.close();
        return fixture.sink;
    }

    private static void advance(final BufferedReader[] readers, final String[] next, final long[] nextNs, final int i)
        throws IOException
    {
        final String line = readers[i].readLine();
        next[i] = line;
        if (null != line)
        {
            nextNs[i] = Long.parseLong(line.substring(0, line.indexOf(' ')));
        }
    }

    private void onLine(final MarketData md, final int instrumentId, final long receiveNs, final String line)
        throws IOException
    {
        final JsonNode root = mapper.readTree(line.substring(line.indexOf(' ') + 1));
        final JsonNode stream = root.get("stream");
        if (null == stream)
        {
            return; // The REST depth snapshot.
        }
        final JsonNode data = root.get("data");
        final String type = stream.asText();
        if (type.endsWith("@trade"))
        {
            final long eventNs = data.get("E").asLong() * MS;
            firstEventNs = Math.min(firstEventNs, eventNs);
            lastEventNs = Math.max(lastEventNs, eventNs);
            md.trade(instrumentId, eventNs, data.get("T").asLong() * MS, receiveNs,
                mantissa(data.get("p").asText()), mantissa(data.get("q").asText()),
                data.get("m").asBoolean() ? Side.SELL : Side.BUY);
            trades++;
        }
        else if (type.endsWith("@bookTicker"))
        {
            final JsonNode eventTime = data.get("E");
            md.bbo(instrumentId, null == eventTime ? Long.MIN_VALUE : eventTime.asLong() * MS, receiveNs,
                mantissa(data.get("b").asText()), mantissa(data.get("B").asText()),
                mantissa(data.get("a").asText()), mantissa(data.get("A").asText()));
            quotes++;
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldScanRealCapturesDeterministically() throws IOException
    {
        final RecordingSink first = replay();
        final RecordingSink second = replay();

        assertTrue(trades > 50_000, () -> "trades " + trades);
        assertTrue(quotes > 150_000, () -> "quotes " + quotes);
        assertTrue(RecordingSink.sameBytes(first.messages, second.messages));

        final Map<AnomalyType, Integer> counts = new EnumMap<>(AnomalyType.class);
        for (final RecordingSink.Anomaly anomaly : first.anomalies)
        {
            counts.merge(anomaly.type(), 1, Integer::sum);
            assertTrue(anomaly.score() > 1.0, anomaly::toString);
            assertTrue(anomaly.eventTimeNs() >= firstEventNs && anomaly.eventTimeNs() <= lastEventNs,
                anomaly::toString);
            assertTrue(anomaly.instrumentId() >= 1 && anomaly.instrumentId() <= FILES.length);
            assertTrue(anomaly.price() > 0);
            for (final Map.Entry<Feature, Double> feature : anomaly.features().entrySet())
            {
                assertTrue(Feature.ATR == feature.getKey() || Double.isFinite(feature.getValue()), anomaly::toString);
            }
        }

        System.out.println("real capture: " + trades + " trades, " + quotes + " quotes, " +
            first.anomalies.size() + " anomalies " + counts + ", " + first.regimeChanges.size() + " regime changes");
        for (final RecordingSink.Anomaly anomaly : first.anomalies)
        {
            System.out.println("  " + anomaly.instrumentId() + " " + anomaly.type() + " " + anomaly.direction() +
                " score " + String.format("%.2f", anomaly.score()) + " at " +
                java.time.Instant.ofEpochSecond(0, anomaly.eventTimeNs()) + " " + anomaly.features());
        }
    }
}
