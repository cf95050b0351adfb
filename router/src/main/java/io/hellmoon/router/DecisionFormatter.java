/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router;

import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.codecs.Instrument;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.router.strategy.CompiledStrategy;
import io.hellmoon.router.strategy.StrategySet;
import io.hellmoon.sbe.DecisionDecoder;
import io.hellmoon.sbe.DecisionOutcome;

import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Renders a {@code Decision} as one readable line for logs, {@code hellmoon tail} and the demo, with the strategy's
 * display name rather than its id. Not for the hot path: it allocates.
 * <pre>
 * TAKEN    BINANCE_USDM:BTCUSDT VOLUME_SPIKE 3.20 HIGH_VOL/TRENDING "Momentum - Volume Spike" BUY 0.006 @ 60012.5
 *          stop 59100 target 61837.5 | 1R 75.00 x0.75 cost 3.10 (0.041R) | taken: ...
 * REJECTED BINANCE_USDM:ETHUSDT BOOK_IMBALANCE 1.10 NORMAL_VOL/RANGING "Momentum - Volume Spike"
 *          REGIME_FILTER: trend regime RANGING not in regime_filter.trend
 * </pre>
 * (each on one line).
 */
public final class DecisionFormatter
{
    private DecisionFormatter()
    {
    }

    /**
     * Format with names from a strategy set and an instrument registry.
     *
     * @param decision    decoder positioned on a Decision.
     * @param strategies  for display names; ids not in it are shown as they are.
     * @param instruments for {@code VENUE:SYMBOL}; unknown ids are shown as {@code #id}.
     * @return the line.
     */
    public static String format(
        final DecisionDecoder decision, final StrategySet strategies, final InstrumentRegistry instruments)
    {
        return format(decision,
            (id) ->
            {
                final CompiledStrategy strategy = null != strategies ? strategies.byId(id) : null;
                return null != strategy ? strategy.name() : id;
            },
            (id) ->
            {
                final Instrument instrument = null != instruments ? instruments.get(id) : null;
                return null != instrument ? instrument.key() : "#" + id;
            });
    }

    /**
     * Format with name lookups.
     *
     * @param decision        decoder positioned on a Decision; its variable-length fields are read.
     * @param strategyNames   display name of a strategy id.
     * @param instrumentNames name of an instrument id.
     * @return the line.
     */
    public static String format(
        final DecisionDecoder decision,
        final Function<String, String> strategyNames,
        final IntFunction<String> instrumentNames)
    {
        final StringBuilder line = new StringBuilder(256);
        final boolean taken = DecisionOutcome.TAKEN == decision.outcome();
        line.append(taken ? "TAKEN    " : "REJECTED ")
            .append(instrumentNames.apply(decision.instrumentId())).append(' ')
            .append(decision.anomalyType()).append(' ')
            .append(String.format("%.2f", decision.score())).append(' ')
            .append(decision.volatilityRegime()).append('/').append(decision.trendRegime());

        final String strategyId = decision.strategyId();
        final String detail = decision.detail();
        if (!strategyId.isEmpty())
        {
            line.append(" \"").append(strategyNames.apply(strategyId)).append('"');
        }

        final int priceExponent = decision.priceExponent();
        final int sizeExponent = decision.sizeExponent();
        if (DecisionDecoder.quantityNullValue() != decision.quantity())
        {
            line.append(' ').append(decision.side()).append(' ');
            FixedPoint.appendPlain(line, decision.quantity(), sizeExponent).append(" @ ");
            FixedPoint.appendPlain(line, decision.entryPrice(), priceExponent).append(" stop ");
            FixedPoint.appendPlain(line, decision.stopPrice(), priceExponent).append(" target ");
            FixedPoint.appendPlain(line, decision.targetPrice(), priceExponent);
            line.append(String.format(" | 1R %.2f x%.2f cost %.2f (%.3fR)", decision.riskAmount(),
                decision.sizeFactor(), decision.expectedCost(), decision.costInR()));
        }
        if (!taken)
        {
            line.append(' ').append(decision.rejectReason()).append(':');
        }
        else
        {
            line.append(" |");
        }
        return line.append(' ').append(detail).toString();
    }
}
