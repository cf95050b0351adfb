/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Side;

import java.util.concurrent.TimeUnit;

/**
 * A scanner wired to a recording sink and a market-data encoder, on a manual clock, for scenario tests.
 */
final class ScannerFixture
{
    /**
     * 2024-08-08T23:54:00Z, the start of the shared Binance captures.
     */
    static final long T0 = 1_723_161_240_000_000_000L;
    static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    final ManualEpochNanoClock clock = new ManualEpochNanoClock(T0);
    final RecordingSink sink = new RecordingSink();
    final HellmoonScanner scanner;
    final MarketData md;

    ScannerFixture(final ScannerContext ctx)
    {
        scanner = new HellmoonScanner(ctx.clock(clock), sink);
        md = new MarketData(scanner);
    }

    ScannerFixture()
    {
        this(pinned(new ScannerContext()));
    }

    /**
     * The parameters the scenario tests' numbers are worked out from, set explicitly so that tuning a default (for
     * real or synthetic markets) does not silently change what a scenario test checks.
     */
    static ScannerContext pinned(final ScannerContext ctx)
    {
        return ctx
            .flowWindowNs(SECOND)
            .volumeSpikeRatio(10.0)
            .volumeSpikeMinNotional(50_000.0)
            .volumeSpikeMinOrders(1)
            .volumeSpikeOrderRatio(0.0)
            .volumeSpikeEscalation(0.0)
            .volumeSpikeCooldownNs(MINUTE)
            .bookImbalanceThreshold(0.6)
            .volatilityRatio(3.0)
            .volatilityRearmScore(0.5);
    }

    /**
     * A context with only the given detectors enabled, for tests of one detector's behaviour.
     */
    static ScannerContext only(final AnomalyType... types)
    {
        final java.util.EnumSet<AnomalyType> on = java.util.EnumSet.noneOf(AnomalyType.class);
        on.addAll(java.util.Arrays.asList(types));
        return pinned(new ScannerContext())
            .volumeSpikeEnabled(on.contains(AnomalyType.VOLUME_SPIKE))
            .tradeBurstEnabled(on.contains(AnomalyType.TRADE_COUNT_BURST))
            .bookImbalanceEnabled(on.contains(AnomalyType.BOOK_IMBALANCE))
            .spreadEnabled(on.contains(AnomalyType.SPREAD_BLOWOUT))
            .volatilityEnabled(on.contains(AnomalyType.VOLATILITY_EXPANSION))
            .breakoutEnabled(on.contains(AnomalyType.BREAKOUT))
            .regimeShiftEnabled(on.contains(AnomalyType.REGIME_SHIFT))
            .liquidationEnabled(on.contains(AnomalyType.LIQUIDATION_CASCADE))
            .distributionEnabled(on.contains(AnomalyType.RETURN_DISTRIBUTION))
            .microstructureEnabled(on.contains(AnomalyType.MICROSTRUCTURE_IMBALANCE))
            .crossEnabled(on.contains(AnomalyType.CROSS_SECTIONAL))
            .fundingEnabled(on.contains(AnomalyType.FUNDING_DISLOCATION));
    }

    /**
     * Calm trading: a trade every 100 ms of {@code size} at about {@code price}, sides alternating, the price
     * moving up and down by one part in 50,000.
     *
     * @return the time after the last trade.
     */
    long calmTrades(final int instrumentId, final long fromNs, final long toNs, final double price, final double size)
    {
        long timeNs = fromNs;
        int i = 0;
        for (; timeNs < toNs; timeNs += 100 * MS, i++)
        {
            final boolean even = 0 == (i & 1);
            md.trade(instrumentId, timeNs, even ? price : price * 1.00002, size, even ? Side.BUY : Side.SELL);
        }
        return timeNs;
    }

    /**
     * A burst: {@code count} trades 10 ms apart.
     *
     * @return the time after the last trade.
     */
    long burst(
        final int instrumentId,
        final long fromNs,
        final int count,
        final double price,
        final double size,
        final Side side)
    {
        long timeNs = fromNs;
        for (int i = 0; i < count; i++, timeNs += 10 * MS)
        {
            md.trade(instrumentId, timeNs, price, size, side);
        }
        return timeNs;
    }
}
