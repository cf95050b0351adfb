/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.strategy;

import io.hellmoon.router.risk.CostParameters;
import io.hellmoon.router.sdl.ConditionType;
import io.hellmoon.sbe.OrderType;
import org.agrona.DirectBuffer;
import org.agrona.collections.IntHashSet;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A strategy compiled for the decision path: every rule is a primitive, an array indexed by an SBE raw value or a
 * bit mask, so evaluating it allocates nothing and reads no map of strings. Immutable once built, except the
 * instrument filter, which the router's thread fills as instruments are defined.
 */
public final class CompiledStrategy
{
    /**
     * Array length of per-anomaly-type tables: raw {@code AnomalyType} values are below it.
     */
    public static final int ANOMALY_TYPE_SLOTS = 32;

    /**
     * Direction mask bit of UP.
     */
    public static final int DIRECTION_UP = 1;

    /**
     * Direction mask bit of DOWN.
     */
    public static final int DIRECTION_DOWN = 2;

    final String id;
    final String name;
    final String fileName;
    final String schemaVersion;
    final int ordinal;
    final int priority;
    final UnsafeBuffer idAscii;
    final byte[] nameAscii;

    final boolean[] handles = new boolean[ANOMALY_TYPE_SLOTS];
    final double[] minScore = new double[ANOMALY_TYPE_SLOTS];
    final int[] directionMask = new int[ANOMALY_TYPE_SLOTS];
    final boolean[] fade = new boolean[ANOMALY_TYPE_SLOTS];

    int volatilityMask;
    int trendMask;

    int confirmationCount;
    int[] confirmationTimeframe;
    ConditionType[] confirmationType;
    int[] confirmationPeriod;
    double[] confirmationThreshold;
    int[] confirmationVolatilityMask;
    int[] confirmationTrendMask;
    boolean[] confirmationWithSignal;
    byte[][] confirmationLabel;

    final double[] k1 = new double[4];
    final double[] k2 = new double[4];
    final double[] breakevenR = new double[4];
    final double[] trailingActivationR = new double[4];
    final double[] trailingAtrMultiple = new double[4];
    final double[] maxDurationHours = new double[4];

    double riskPerTrade;
    double maxPositionNotional;
    int maxOpenPositions;
    long cooldownNs;
    final double[] regimeFactor = new double[4];
    CostParameters costs;

    int allowedModesMask;
    double maxSlippageBps;
    OrderType orderType;
    long cancelIfLatencyNs;
    boolean hellmoonCompatible;

    Set<String> symbols;
    final IntHashSet instrumentIds = new IntHashSet();

    CompiledStrategy(
        final String id,
        final String name,
        final String fileName,
        final String schemaVersion,
        final int ordinal,
        final int priority)
    {
        this.id = id;
        this.name = name;
        this.fileName = fileName;
        this.schemaVersion = schemaVersion;
        this.ordinal = ordinal;
        this.priority = priority;
        final byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
        this.idAscii = new UnsafeBuffer(idBytes);
        this.nameAscii = name.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Strategy id (file name without {@code .json}).
     *
     * @return the id.
     */
    public String id()
    {
        return id;
    }

    /**
     * Display name.
     *
     * @return the name shown on screens.
     */
    public String name()
    {
        return name;
    }

    /**
     * Display name as ASCII bytes, for decision details.
     *
     * @return the bytes; do not modify.
     */
    public byte[] nameAscii()
    {
        return nameAscii;
    }

    /**
     * File it was loaded from.
     *
     * @return the file name.
     */
    public String fileName()
    {
        return fileName;
    }

    /**
     * Schema version of the file.
     *
     * @return e.g. {@code 1.0}.
     */
    public String schemaVersion()
    {
        return schemaVersion;
    }

    /**
     * Ordinal of the strategy id, stable across reloads of the same repository.
     *
     * @return the ordinal.
     */
    public int ordinal()
    {
        return ordinal;
    }

    /**
     * Priority: higher is considered first.
     *
     * @return the priority.
     */
    public int priority()
    {
        return priority;
    }

    /**
     * The id as ASCII, for encoding.
     *
     * @return a buffer holding exactly the id.
     */
    public DirectBuffer idAscii()
    {
        return idAscii;
    }

    /**
     * Whether an anomaly type triggers this strategy.
     *
     * @param anomalyTypeRaw raw SBE value.
     * @return true if handled.
     */
    public boolean handles(final int anomalyTypeRaw)
    {
        return anomalyTypeRaw >= 0 && anomalyTypeRaw < ANOMALY_TYPE_SLOTS && handles[anomalyTypeRaw];
    }

    /**
     * Minimum score of an anomaly type.
     *
     * @param anomalyTypeRaw raw SBE value of a handled type.
     * @return the minimum.
     */
    public double minScore(final int anomalyTypeRaw)
    {
        return minScore[anomalyTypeRaw];
    }

    /**
     * Directions allowed for an anomaly type.
     *
     * @param anomalyTypeRaw raw SBE value of a handled type.
     * @return mask of {@link #DIRECTION_UP} and {@link #DIRECTION_DOWN}.
     */
    public int directionMask(final int anomalyTypeRaw)
    {
        return directionMask[anomalyTypeRaw];
    }

    /**
     * Whether the anomaly type is traded against its direction.
     *
     * @param anomalyTypeRaw raw SBE value of a handled type.
     * @return true to sell an UP anomaly.
     */
    public boolean fades(final int anomalyTypeRaw)
    {
        return fade[anomalyTypeRaw];
    }

    /**
     * Allowed volatility regimes.
     *
     * @return mask of {@code 1 << raw VolatilityRegime}.
     */
    public int volatilityMask()
    {
        return volatilityMask;
    }

    /**
     * Allowed trend regimes.
     *
     * @return mask of {@code 1 << raw TrendRegime}.
     */
    public int trendMask()
    {
        return trendMask;
    }

    /**
     * Number of confirmations.
     *
     * @return the count.
     */
    public int confirmationCount()
    {
        return confirmationCount;
    }

    /**
     * Timeframe of a confirmation.
     *
     * @param index of the confirmation.
     * @return timeframe ordinal.
     */
    public int confirmationTimeframe(final int index)
    {
        return confirmationTimeframe[index];
    }

    /**
     * Condition type of a confirmation.
     *
     * @param index of the confirmation.
     * @return the type.
     */
    public ConditionType confirmationType(final int index)
    {
        return confirmationType[index];
    }

    /**
     * Lookback or period, in bars, of a bar condition.
     *
     * @param index of the confirmation.
     * @return bars.
     */
    public int confirmationPeriod(final int index)
    {
        return confirmationPeriod[index];
    }

    /**
     * Threshold of a condition: min_ratio, min_imbalance or max_bps.
     *
     * @param index of the confirmation.
     * @return the threshold.
     */
    public double confirmationThreshold(final int index)
    {
        return confirmationThreshold[index];
    }

    /**
     * Volatility regimes of a regime condition.
     *
     * @param index of the confirmation.
     * @return mask of {@code 1 << raw VolatilityRegime}.
     */
    public int confirmationVolatilityMask(final int index)
    {
        return confirmationVolatilityMask[index];
    }

    /**
     * Trend regimes of a regime condition.
     *
     * @param index of the confirmation.
     * @return mask of {@code 1 << raw TrendRegime}.
     */
    public int confirmationTrendMask(final int index)
    {
        return confirmationTrendMask[index];
    }

    /**
     * Whether a regime condition requires the trend direction to agree with the trade.
     *
     * @param index of the confirmation.
     * @return true for {@code with_signal}.
     */
    public boolean confirmationWithSignal(final int index)
    {
        return confirmationWithSignal[index];
    }

    /**
     * A confirmation as ASCII text for details, e.g. {@code confirmations[0] 4h breakout(20)}.
     *
     * @param index of the confirmation.
     * @return the bytes; do not modify.
     */
    public byte[] confirmationLabel(final int index)
    {
        return confirmationLabel[index];
    }

    /**
     * Stop multiple of ATR in a regime.
     *
     * @param regime index from {@code Regimes}.
     * @return k1.
     */
    public double k1(final int regime)
    {
        return k1[regime];
    }

    /**
     * Target multiple of ATR in a regime.
     *
     * @param regime index.
     * @return k2.
     */
    public double k2(final int regime)
    {
        return k2[regime];
    }

    /**
     * Break-even threshold in R in a regime.
     *
     * @param regime index.
     * @return the threshold.
     */
    public double breakevenR(final int regime)
    {
        return breakevenR[regime];
    }

    /**
     * Trailing stop activation in R in a regime.
     *
     * @param regime index.
     * @return the activation.
     */
    public double trailingActivationR(final int regime)
    {
        return trailingActivationR[regime];
    }

    /**
     * Trailing distance in ATR in a regime.
     *
     * @param regime index.
     * @return the multiple.
     */
    public double trailingAtrMultiple(final int regime)
    {
        return trailingAtrMultiple[regime];
    }

    /**
     * Maximum holding time in a regime.
     *
     * @param regime index.
     * @return hours.
     */
    public double maxDurationHours(final int regime)
    {
        return maxDurationHours[regime];
    }

    /**
     * Fraction of equity risked per trade.
     *
     * @return the fraction.
     */
    public double riskPerTrade()
    {
        return riskPerTrade;
    }

    /**
     * Largest position value.
     *
     * @return quote currency.
     */
    public double maxPositionNotional()
    {
        return maxPositionNotional;
    }

    /**
     * Open positions allowed for this strategy.
     *
     * @return the limit.
     */
    public int maxOpenPositions()
    {
        return maxOpenPositions;
    }

    /**
     * Least time between two entries of this strategy on one instrument.
     *
     * @return nanoseconds, 0 for none.
     */
    public long cooldownNs()
    {
        return cooldownNs;
    }

    /**
     * Risk factor of a regime.
     *
     * @param regime index.
     * @return the factor.
     */
    public double regimeFactor(final int regime)
    {
        return regimeFactor[regime];
    }

    /**
     * Cost model parameters.
     *
     * @return the parameters.
     */
    public CostParameters costs()
    {
        return costs;
    }

    /**
     * Whether a trading mode is allowed.
     *
     * @param modeRaw raw SBE {@code TradingMode}.
     * @return true if allowed.
     */
    public boolean allowsMode(final int modeRaw)
    {
        return 0 != (allowedModesMask & (1 << modeRaw));
    }

    /**
     * Slippage limit for orders.
     *
     * @return basis points.
     */
    public double maxSlippageBps()
    {
        return maxSlippageBps;
    }

    /**
     * Entry order type.
     *
     * @return MARKET, LIMIT or POST_ONLY.
     */
    public OrderType orderType()
    {
        return orderType;
    }

    /**
     * Signal latency above which an anomaly is not traded.
     *
     * @return nanoseconds, 0 for no limit.
     */
    public long cancelIfLatencyNs()
    {
        return cancelIfLatencyNs;
    }

    /**
     * Whether Hellmoon anomalies may trigger it.
     *
     * @return {@code live_settings.hellmoon_compatible}.
     */
    public boolean isHellmoonCompatible()
    {
        return hellmoonCompatible;
    }

    /**
     * Whether the strategy trades every instrument.
     *
     * @return true when it has no symbol list.
     */
    public boolean tradesAllSymbols()
    {
        return null == symbols;
    }

    /**
     * Whether it trades an instrument: always when it has no symbol list, else when the instrument was defined with
     * a listed symbol or key.
     *
     * @param instrumentId instrument id.
     * @return true if traded.
     */
    public boolean tradesInstrument(final int instrumentId)
    {
        return null == symbols || instrumentIds.contains(instrumentId);
    }

    /**
     * Learn an instrument's symbol; called on the router's thread when an instrument is defined.
     *
     * @param instrumentId instrument id.
     * @param symbol       venue symbol.
     * @param key          {@code VENUE:SYMBOL}.
     */
    public void onInstrument(final int instrumentId, final String symbol, final String key)
    {
        if (null != symbols && (symbols.contains(symbol) || symbols.contains(key)))
        {
            instrumentIds.add(instrumentId);
        }
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "CompiledStrategy{" + id + " \"" + name + "\"}";
    }
}
