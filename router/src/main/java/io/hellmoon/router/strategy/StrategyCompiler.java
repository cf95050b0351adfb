/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hellmoon.router.risk.CostParameters;
import io.hellmoon.router.risk.ExitPolicy;
import io.hellmoon.router.risk.Regimes;
import io.hellmoon.router.sdl.ConditionType;
import io.hellmoon.router.sdl.ResolvedStrategy;
import io.hellmoon.codecs.Timeframe;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;
import io.hellmoon.sbe.OrderType;
import io.hellmoon.sbe.TradingMode;
import io.hellmoon.sbe.TrendRegime;
import io.hellmoon.sbe.VolatilityRegime;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Turns a validated, resolved strategy into a {@link CompiledStrategy}, filling every field the file leaves out
 * from {@link StrategyDefaults}. Exit values are taken, most specific first, from {@code exits.regimes.<REGIME>},
 * then {@code exits}, then the configured per-regime exit policy. Not a hot path.
 */
public final class StrategyCompiler
{
    private StrategyCompiler()
    {
    }

    /**
     * Compile a strategy.
     *
     * @param strategy validated and resolved.
     * @param defaults for fields the file leaves out.
     * @param ordinal  stable ordinal of the strategy id.
     * @return the compiled strategy.
     */
    public static CompiledStrategy compile(
        final ResolvedStrategy strategy, final StrategyDefaults defaults, final int ordinal)
    {
        final JsonNode doc = strategy.document();
        final CompiledStrategy compiled = new CompiledStrategy(
            strategy.id(), strategy.name(), strategy.fileName(), strategy.schemaVersion(), ordinal,
            doc.path("priority").asInt(0));

        compileEvents(doc.path("hellmoon_events"), compiled);
        compileRegimeFilter(doc.path("regime_filter"), compiled);
        compileConfirmations(doc.path("confirmations"), compiled);
        compileExits(doc.path("exits"), defaults.exits(), compiled);
        compileRisk(doc.path("risk"), defaults, compiled);
        compiled.costs = costs(doc.path("costs"), defaults.costs());
        compileLiveSettings(doc.path("live_settings"), defaults, compiled);

        final JsonNode symbols = doc.path("symbols");
        if (symbols.isArray())
        {
            final Set<String> set = new LinkedHashSet<>();
            symbols.forEach((node) -> set.add(node.asText()));
            compiled.symbols = Set.copyOf(set);
        }
        return compiled;
    }

    private static void compileEvents(final JsonNode events, final CompiledStrategy compiled)
    {
        for (final JsonNode event : events)
        {
            final int raw = AnomalyType.valueOf(event.get("type").asText()).value();
            compiled.handles[raw] = true;
            compiled.minScore[raw] = event.path("min_score").asDouble(1.0);
            int mask = CompiledStrategy.DIRECTION_UP | CompiledStrategy.DIRECTION_DOWN;
            if (event.has("directions"))
            {
                mask = 0;
                for (final JsonNode direction : event.get("directions"))
                {
                    mask |= Direction.UP.name().equals(direction.asText()) ?
                        CompiledStrategy.DIRECTION_UP : CompiledStrategy.DIRECTION_DOWN;
                }
            }
            compiled.directionMask[raw] = mask;
            compiled.fade[raw] = "fade".equals(event.path("side").asText("follow"));
        }
    }

    private static void compileRegimeFilter(final JsonNode filter, final CompiledStrategy compiled)
    {
        compiled.volatilityMask = volatilityMask(filter.path("volatility"));
        compiled.trendMask = trendMask(filter.path("trend"));
    }

    private static int volatilityMask(final JsonNode list)
    {
        int mask = 0;
        if (!list.isArray())
        {
            for (int i = 0; i < Regimes.COUNT; i++)
            {
                mask |= 1 << Regimes.toSbe(i).value();
            }
            return mask;
        }
        for (final JsonNode node : list)
        {
            mask |= 1 << VolatilityRegime.valueOf(node.asText()).value();
        }
        return mask;
    }

    private static int trendMask(final JsonNode list)
    {
        if (!list.isArray())
        {
            return (1 << TrendRegime.TRENDING.value()) | (1 << TrendRegime.RANGING.value());
        }
        int mask = 0;
        for (final JsonNode node : list)
        {
            mask |= 1 << TrendRegime.valueOf(node.asText()).value();
        }
        return mask;
    }

    private static void compileConfirmations(final JsonNode confirmations, final CompiledStrategy compiled)
    {
        final int count = confirmations.isArray() ? confirmations.size() : 0;
        compiled.confirmationCount = count;
        compiled.confirmationTimeframe = new int[count];
        compiled.confirmationType = new ConditionType[count];
        compiled.confirmationPeriod = new int[count];
        compiled.confirmationThreshold = new double[count];
        compiled.confirmationVolatilityMask = new int[count];
        compiled.confirmationTrendMask = new int[count];
        compiled.confirmationWithSignal = new boolean[count];
        compiled.confirmationLabel = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            final JsonNode confirmation = confirmations.get(i);
            final Timeframe timeframe = Timeframe.fromLabel(confirmation.get("timeframe").asText());
            final JsonNode condition = confirmation.get("condition");
            final ConditionType type = ConditionType.fromSdlName(
                condition.isTextual() ? condition.asText() : condition.get("type").asText());
            compiled.confirmationTimeframe[i] = timeframe.ordinal();
            compiled.confirmationType[i] = type;

            final String parameters;
            switch (type)
            {
                case BREAKOUT:
                    compiled.confirmationPeriod[i] = condition.path("lookback").asInt(20);
                    parameters = "lookback=" + compiled.confirmationPeriod[i];
                    break;

                case VOLATILITY_EXPANSION:
                    compiled.confirmationPeriod[i] = condition.path("period").asInt(10);
                    compiled.confirmationThreshold[i] = condition.path("min_ratio").asDouble(1.5);
                    parameters = "period=" + compiled.confirmationPeriod[i] + ",min_ratio=" +
                        compiled.confirmationThreshold[i];
                    break;

                case TREND:
                    compiled.confirmationPeriod[i] = condition.path("period").asInt(20);
                    parameters = "period=" + compiled.confirmationPeriod[i];
                    break;

                case REGIME:
                    compiled.confirmationVolatilityMask[i] = volatilityMask(condition.path("volatility"));
                    compiled.confirmationTrendMask[i] = trendMask(condition.path("trend"));
                    compiled.confirmationWithSignal[i] =
                        "with_signal".equals(condition.path("direction").asText("any"));
                    parameters = regimeParameters(condition);
                    break;

                case BOOK_IMBALANCE:
                    compiled.confirmationThreshold[i] = condition.path("min_imbalance").asDouble(0.1);
                    parameters = "min_imbalance=" + compiled.confirmationThreshold[i];
                    break;

                case MAX_SPREAD:
                default:
                    compiled.confirmationThreshold[i] = condition.path("max_bps").asDouble(10.0);
                    parameters = "max_bps=" + compiled.confirmationThreshold[i];
                    break;
            }
            compiled.confirmationLabel[i] = ("confirmations[" + i + "] " + timeframe.label() + ' ' +
                type.sdlName() + '(' + parameters + ')').getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static String regimeParameters(final JsonNode condition)
    {
        final StringBuilder builder = new StringBuilder();
        if (condition.has("volatility"))
        {
            builder.append("volatility=").append(join(condition.get("volatility")));
        }
        if (condition.has("trend"))
        {
            builder.append(builder.length() > 0 ? "," : "").append("trend=").append(join(condition.get("trend")));
        }
        if (condition.has("direction"))
        {
            builder.append(builder.length() > 0 ? "," : "").append("direction=")
                .append(condition.get("direction").asText());
        }
        return builder.toString();
    }

    private static String join(final JsonNode list)
    {
        final StringBuilder builder = new StringBuilder();
        for (final JsonNode node : list)
        {
            builder.append(builder.length() > 0 ? "|" : "").append(node.asText());
        }
        return builder.toString();
    }

    private static void compileExits(final JsonNode exits, final ExitPolicy policy, final CompiledStrategy compiled)
    {
        for (int regime = 0; regime < Regimes.COUNT; regime++)
        {
            final JsonNode specific = exits.path("regimes").path(Regimes.name(regime));
            compiled.k1[regime] = exitValue(specific, exits, "k1", null, policy.value(regime, ExitPolicy.K1));
            compiled.k2[regime] = exitValue(specific, exits, "k2", null, policy.value(regime, ExitPolicy.K2));
            compiled.breakevenR[regime] =
                exitValue(specific, exits, "breakeven_r", null, policy.value(regime, ExitPolicy.BREAKEVEN_R));
            compiled.trailingActivationR[regime] = exitValue(specific, exits, "trailing", "activation_r",
                policy.value(regime, ExitPolicy.TRAILING_ACTIVATION_R));
            compiled.trailingAtrMultiple[regime] = exitValue(specific, exits, "trailing", "atr_multiple",
                policy.value(regime, ExitPolicy.TRAILING_ATR));
            compiled.maxDurationHours[regime] = exitValue(specific, exits, "max_duration_hours", null,
                policy.value(regime, ExitPolicy.MAX_DURATION_HOURS));
        }
    }

    private static double exitValue(
        final JsonNode specific, final JsonNode general, final String field, final String subField,
        final double fallback)
    {
        final JsonNode fromSpecific = null == subField ? specific.path(field) : specific.path(field).path(subField);
        if (fromSpecific.isNumber())
        {
            return fromSpecific.asDouble();
        }
        final JsonNode fromGeneral = null == subField ? general.path(field) : general.path(field).path(subField);
        return fromGeneral.isNumber() ? fromGeneral.asDouble() : fallback;
    }

    private static void compileRisk(
        final JsonNode risk, final StrategyDefaults defaults, final CompiledStrategy compiled)
    {
        compiled.riskPerTrade = risk.path("risk_per_trade").asDouble(defaults.riskPerTrade());
        compiled.maxPositionNotional = risk.path("max_position_notional").asDouble(defaults.maxPositionNotional());
        compiled.maxOpenPositions = risk.path("max_open_positions").asInt(defaults.maxOpenPositions());
        compiled.cooldownNs = (long)(risk.path("cooldown_seconds").asDouble(0.0) * TimeUnit.SECONDS.toNanos(1));
        for (int regime = 0; regime < Regimes.COUNT; regime++)
        {
            compiled.regimeFactor[regime] =
                risk.path("regime_factors").path(Regimes.name(regime)).asDouble(defaults.regimeFactors()[regime]);
        }
    }

    private static CostParameters costs(final JsonNode costs, final CostParameters defaults)
    {
        return new CostParameters(
            costs.path("maker_fee_rate").asDouble(defaults.makerFeeRate()),
            costs.path("taker_fee_rate").asDouble(defaults.takerFeeRate()),
            costs.path("base_slippage_bps").asDouble(defaults.baseSlippageBps()),
            costs.path("volatility_slippage_factor").asDouble(defaults.volatilitySlippageFactor()),
            costs.path("funding_rate_per_8h").asDouble(defaults.fundingRatePerEightHours()),
            costs.path("expected_holding_hours").asDouble(defaults.expectedHoldingHours()),
            costs.path("max_cost_in_r").asDouble(defaults.maxCostInR()),
            costs.path("reject_cost_in_r").asDouble(defaults.rejectCostInR()));
    }

    private static void compileLiveSettings(
        final JsonNode live, final StrategyDefaults defaults, final CompiledStrategy compiled)
    {
        int modes = 1 << TradingMode.PAPER.value();
        if (live.path("allowed_modes").isArray())
        {
            modes = 0;
            for (final JsonNode mode : live.get("allowed_modes"))
            {
                modes |= 1 << ("live".equals(mode.asText()) ? TradingMode.LIVE : TradingMode.PAPER).value();
            }
        }
        compiled.allowedModesMask = modes;
        compiled.maxSlippageBps = live.path("max_slippage_pct").asDouble(defaults.maxSlippagePct()) * 100.0;
        switch (live.path("order_type").asText("market"))
        {
            case "limit":
                compiled.orderType = OrderType.LIMIT;
                break;

            case "post-only":
                compiled.orderType = OrderType.POST_ONLY;
                break;

            default:
                compiled.orderType = OrderType.MARKET;
                break;
        }
        compiled.cancelIfLatencyNs = TimeUnit.MILLISECONDS.toNanos(
            live.path("cancel_if_latency_ms").asLong(defaults.cancelIfLatencyMs()));
        compiled.hellmoonCompatible = live.path("hellmoon_compatible").asBoolean(true);
    }
}
