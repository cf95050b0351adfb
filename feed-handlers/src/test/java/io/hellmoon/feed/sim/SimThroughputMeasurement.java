/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.test.TestData;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * TEST ONLY, not a unit test (performance claims do not belong in those): measures how many frames per second the
 * simulator serves over loopback to counting clients, and how many bytes its market thread allocates per frame.
 * Run by hand:
 * <pre>
 * mvn -o -q -pl feed-handlers test-compile
 * mvn -o -q -pl feed-handlers dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java --add-opens java.base/jdk.internal.misc=ALL-UNNAMED -Dhellmoon.data.dir=../shared/data \
 *     -cp feed-handlers/target/classes:feed-handlers/target/test-classes:$(cat /tmp/cp.txt) \
 *     io.hellmoon.feed.sim.SimThroughputMeasurement
 * </pre>
 */
public final class SimThroughputMeasurement
{
    private SimThroughputMeasurement()
    {
    }

    /**
     * Run the measurements.
     *
     * @param args ignored.
     */
    public static void main(final String[] args)
    {
        for (final int clients : new int[]{ 1, 1, 4 })
        {
            replayAtMaxSpeed(clients);
        }
        synthetic(2_000, 50_000);
    }

    private static void replayAtMaxSpeed(final int clientCount)
    {
        final String streams = "/stream?streams=btcusdt@trade/btcusdt@bookTicker/btcusdt@depth@0ms/" +
            "ethusdt@trade/ethusdt@bookTicker/ethusdt@depth@0ms";
        try (SimExchange sim = SimExchange.launch(new SimExchange.Context()
            .venue(SimVenue.BINANCE_USDM)
            .replayFiles(List.of(TestData.file(SimTests.USDM_BTC), TestData.file(SimTests.USDM_ETH)))
            .speed(ReplaySpeed.MAX)
            .waitForSubscriber(true)))
        {
            final List<TestWsClient> clients = new ArrayList<>();
            for (int i = 0; i < clientCount; i++)
            {
                final TestWsClient client = TestWsClient.connect(sim.webSocketUri() + streams, true);
                client.countOnly();
                clients.add(client);
            }
            final long startNs = System.nanoTime();
            final long startAllocated = marketThreadAllocatedBytes();
            SimTests.await("the end of the capture", sim::isSourceDone);
            final long allocated = marketThreadAllocatedBytes() - startAllocated;
            final long served = sim.counters().get("source frames");
            final long expected = served * clientCount;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (clients.stream().mapToLong(TestWsClient::counted).sum() < expected && System.nanoTime() < deadline)
            {
                Thread.onSpinWait();
            }
            long lastNs = 0;
            long frames = 0;
            long bytes = 0;
            for (final TestWsClient client : clients)
            {
                lastNs = Math.max(lastNs, client.lastCountedNs());
                frames += client.counted();
                bytes += client.countedBytes();
                client.close();
            }
            final double seconds = (lastNs - startNs) / 1e9;
            System.out.printf(Locale.ROOT, "replay max, %d client(s): %,d frames (%,d MiB) in %.2f s = %,.0f " +
                "frames/s delivered; market thread allocated %,.1f bytes per source frame%n", clientCount, frames,
                bytes >> 20, seconds, frames / seconds, allocated / (double)served);
        }
    }

    private static void synthetic(final int symbols, final double rate)
    {
        try (SimExchange sim = SimExchange.launch(new SimExchange.Context()
            .venue(SimVenue.BINANCE_USDM)
            .syntheticInstruments(symbols)
            .syntheticMessageRate(rate)))
        {
            final List<TestWsClient> clients = new ArrayList<>();
            final String[] types = { "@trade", "@bookTicker", "@depth@100ms", "@markPrice", "@kline_1m" };
            final List<String> names = new ArrayList<>();
            for (final String symbol : sim.symbols())
            {
                for (final String type : types)
                {
                    names.add(symbol.toLowerCase(Locale.ROOT) + type);
                }
            }
            for (int from = 0; from < names.size(); from += 1000)
            {
                final TestWsClient client = TestWsClient.connect(sim.webSocketUri() + "/stream", true);
                final StringBuilder params = new StringBuilder();
                for (int i = from; i < Math.min(names.size(), from + 1000); i++)
                {
                    params.append(i > from ? "," : "").append('"').append(names.get(i)).append('"');
                }
                client.send("{\"method\":\"SUBSCRIBE\",\"params\":[" + params + "],\"id\":1}");
                client.next(SimTests.WAIT);
                client.countOnly();
                clients.add(client);
            }
            final long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < warmUpEnd)
            {
                Thread.onSpinWait();
            }
            final long startFrames = clients.stream().mapToLong(TestWsClient::counted).sum();
            final long startAllocated = marketThreadAllocatedBytes();
            final long startSource = sim.counters().get("source frames");
            final long startNs = System.nanoTime();
            final long endNs = startNs + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < endNs)
            {
                Thread.onSpinWait();
            }
            final double seconds = (System.nanoTime() - startNs) / 1e9;
            final long frames = clients.stream().mapToLong(TestWsClient::counted).sum() - startFrames;
            final long source = sim.counters().get("source frames") - startSource;
            final long allocated = marketThreadAllocatedBytes() - startAllocated;
            System.out.printf(Locale.ROOT, "synthetic %,d symbols at %,.0f frames/s target, %d connections: " +
                "%,.0f frames/s generated, %,.0f frames/s delivered, %d slow-consumer disconnects; market thread " +
                "allocated %,.1f bytes per frame%n", symbols, rate, clients.size(), source / seconds,
                frames / seconds, sim.counters().get("slow consumer disconnects"), allocated / (double)source);
            clients.forEach(TestWsClient::close);
        }
    }

    private static long marketThreadAllocatedBytes()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if ("sim-exchange-market".equals(thread.getName()))
            {
                return threads.getThreadAllocatedBytes(thread.getId());
            }
        }
        throw new IllegalStateException("no market thread");
    }
}
