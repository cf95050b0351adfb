/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.sbe.FeedState;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.Side;
import io.hellmoon.sbe.Venue;

import java.util.Random;

import static io.hellmoon.scanner.ScannerFixture.MS;
import static io.hellmoon.scanner.ScannerFixture.SECOND;

/**
 * A seeded market of many instruments with everything the scanner reacts to: calm random walks, volume bursts,
 * volatility episodes, lasting book imbalances, feed resyncs, quotes without event times and late trades. The same
 * seed gives the same messages.
 */
final class RandomMarket
{
    private static final long STEP_NS = 100 * MS;

    private final MarketData md;
    private final Random random;
    private final int instruments;
    private final double[] price;
    private final double[] volatilityBps;
    private final int[] burstSteps;
    private final int[] expansionSteps;
    private final int[] imbalanceSteps;
    private final int[] resyncSteps;

    RandomMarket(final MarketData md, final long seed, final int instruments)
    {
        this.md = md;
        this.random = new Random(seed);
        this.instruments = instruments;
        price = new double[instruments + 1];
        volatilityBps = new double[instruments + 1];
        burstSteps = new int[instruments + 1];
        expansionSteps = new int[instruments + 1];
        imbalanceSteps = new int[instruments + 1];
        resyncSteps = new int[instruments + 1];
        for (int id = 1; id <= instruments; id++)
        {
            price[id] = 10.0 + random.nextInt(50_000);
            volatilityBps[id] = 0.5 + random.nextDouble() * 2.0;
        }
    }

    /**
     * Definitions and LIVE statuses for every instrument.
     */
    void start(final long timeNs)
    {
        for (int id = 1; id <= instruments; id++)
        {
            md.definition(id, 0 == id % 7 ? Venue.BINANCE_COINM : Venue.BINANCE_USDM,
                0 == id % 13 ? InstrumentStatus.HALTED : InstrumentStatus.TRADING);
            md.feedStatus(id, timeNs, FeedState.LIVE);
        }
    }

    /**
     * Run from {@code fromNs} for {@code durationNs} in 100 ms steps.
     *
     * @return the time after the last step.
     */
    long run(final long fromNs, final long durationNs)
    {
        long timeNs = fromNs;
        for (final long endNs = fromNs + durationNs; timeNs < endNs; timeNs += STEP_NS)
        {
            for (int id = 1; id <= instruments; id++)
            {
                step(id, timeNs);
            }
        }
        return timeNs;
    }

    private void step(final int id, final long timeNs)
    {
        final long jitterNs = random.nextInt(90) * MS;
        final long tickNs = timeNs + jitterNs;

        if (0 == burstSteps[id] && random.nextInt(20_000) == 0)
        {
            burstSteps[id] = 5 + random.nextInt(20);
        }
        if (0 == expansionSteps[id] && random.nextInt(40_000) == 0)
        {
            expansionSteps[id] = 100 + random.nextInt(300);
        }
        if (0 == imbalanceSteps[id] && random.nextInt(30_000) == 0)
        {
            imbalanceSteps[id] = 10 + random.nextInt(60);
        }
        if (0 == resyncSteps[id] && random.nextInt(50_000) == 0)
        {
            resyncSteps[id] = 20 + random.nextInt(50);
            md.feedStatus(id, tickNs, FeedState.RESYNCING);
        }

        final boolean expanding = expansionSteps[id] > 0;
        if (random.nextInt(3) == 0 || burstSteps[id] > 0 || expanding)
        {
            final double bps = expanding ? volatilityBps[id] * 12.0 : volatilityBps[id];
            final double drift = expanding ? (0 == (id & 1) ? 3.0 : -3.0) : 0.0;
            price[id] *= Math.exp((drift + bps * random.nextGaussian()) * 1e-4);
            final double notional = burstSteps[id] > 0 ?
                50_000.0 + random.nextInt(200_000) : 50.0 + random.nextInt(2_000);
            final Side side = burstSteps[id] > 0 ? (0 == id % 3 ? Side.SELL : Side.BUY) :
                random.nextBoolean() ? Side.BUY : Side.SELL;
            md.trade(id, tickNs, price[id], notional / price[id], side);
        }
        if (random.nextInt(500) == 0)
        {
            // A late trade: its event time is before the instrument's latest.
            md.trade(id, tickNs - 2 * SECOND, price[id], 0.001, Side.BUY);
        }

        if (random.nextInt(5) == 0)
        {
            final double bidSize = imbalanceSteps[id] > 0 ? 9.0 : 1.0 + random.nextDouble();
            final double askSize = imbalanceSteps[id] > 0 ? 1.0 : 1.0 + random.nextDouble();
            md.book(id, tickNs + MS, price[id], 5, bidSize * 1_000.0 / price[id], askSize * 1_000.0 / price[id]);
        }
        if (random.nextInt(4) == 0)
        {
            // Spot bookTickers carry no event time: the scanner falls back to the instrument's latest.
            final long quoteTimeNs = random.nextBoolean() ? tickNs + 2 * MS : Long.MIN_VALUE;
            md.bbo(id, quoteTimeNs, price[id] * 0.9999, price[id] * 1.0001);
        }

        if (resyncSteps[id] > 0 && 0 == --resyncSteps[id])
        {
            md.feedStatus(id, tickNs + 3 * MS, FeedState.LIVE);
        }
        burstSteps[id] = Math.max(0, burstSteps[id] - 1);
        expansionSteps[id] = Math.max(0, expansionSteps[id] - 1);
        imbalanceSteps[id] = Math.max(0, imbalanceSteps[id] - 1);
    }
}
