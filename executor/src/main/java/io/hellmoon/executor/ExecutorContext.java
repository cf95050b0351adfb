/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.aeron.exceptions.ConfigurationException;
import io.hellmoon.codecs.FixedPoint;
import io.hellmoon.codecs.HellmoonConfiguration;
import io.hellmoon.codecs.aeron.BackPressurePolicy;
import io.hellmoon.codecs.aeron.CounterFactory;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

import static io.hellmoon.executor.ExecutorConfiguration.*;

/**
 * Configuration of one executor: fees, risk limits, the fill model, book staleness, pool sizes and, for the
 * {@link ExecutorAgent}, the streams. Fields start from {@link ExecutorConfiguration} (system properties or
 * defaults); fluent setters override them; {@link #conclude()} validates everything and fails fast with a
 * {@link ConfigurationException} naming the key and the reason.
 * <p>
 * A context is used once: {@link ExecutionEngine} and {@link ExecutorAgent} conclude it, after which it must not be
 * changed. Not thread safe.
 */
public final class ExecutorContext
{
    private boolean concluded;

    private EpochNanoClock clock;
    private CounterFactory counterFactory;
    private double takerFeeRate = ExecutorConfiguration.takerFeeRate();
    private double makerFeeRate = ExecutorConfiguration.makerFeeRate();
    private double maxOrderNotional = ExecutorConfiguration.maxOrderNotional();
    private double maxPositionNotional = ExecutorConfiguration.maxPositionNotional();
    private double dailyLossLimit = ExecutorConfiguration.dailyLossLimit();
    private String fillModelName = ExecutorConfiguration.fillModel();
    private double conservativeFillFraction = ExecutorConfiguration.conservativeFillFraction();
    private FillModel fillModel;
    private long bookStalenessNs = ExecutorConfiguration.bookStalenessNs();
    private int maxBookLevels = ExecutorConfiguration.maxBookLevels();
    private int maxOpenOrders = ExecutorConfiguration.maxOpenOrders();
    private int clOrdIdWindow = ExecutorConfiguration.clOrdIdWindow();
    private boolean killSwitchEngaged = ExecutorConfiguration.killSwitchEngaged();
    private int fragmentLimit = ExecutorConfiguration.fragmentLimit();
    private BackPressurePolicy backPressurePolicy = ExecutorConfiguration.backPressurePolicy();
    private long publishRetryTimeoutNs = ExecutorConfiguration.publishRetryTimeoutNs();
    private String intentChannel = HellmoonConfiguration.Stream.INTENT.channel();
    private int intentStreamId = HellmoonConfiguration.Stream.INTENT.streamId();
    private String marketDataChannel = HellmoonConfiguration.Stream.MD.channel();
    private int marketDataStreamId = HellmoonConfiguration.Stream.MD.streamId();
    private String controlChannel = HellmoonConfiguration.Stream.CONTROL.channel();
    private int controlStreamId = HellmoonConfiguration.Stream.CONTROL.streamId();
    private String executionChannel = HellmoonConfiguration.Stream.EXEC.channel();
    private int executionStreamId = HellmoonConfiguration.Stream.EXEC.streamId();

    private long takerFeeRateMantissa;
    private long makerFeeRateMantissa;
    private long maxOrderNotionalMantissa;
    private long maxPositionNotionalMantissa;
    private long dailyLossLimitMantissa;

    /**
     * Validate the configuration and derive what the engine needs. Called by the engine and the agent.
     *
     * @return this.
     * @throws ConfigurationException naming the key and the reason of the first invalid value.
     */
    public ExecutorContext conclude()
    {
        if (concluded)
        {
            throw new IllegalStateException("context already concluded: use a new context per executor");
        }

        if (null == clock)
        {
            clock = new OffsetEpochNanoClock();
        }
        if (null == counterFactory)
        {
            counterFactory = CounterFactory.local(32);
        }

        takerFeeRateMantissa = feeRate(TAKER_FEE_RATE_PROP_NAME, takerFeeRate);
        makerFeeRateMantissa = feeRate(MAKER_FEE_RATE_PROP_NAME, makerFeeRate);
        maxOrderNotionalMantissa = positiveAmount(MAX_ORDER_NOTIONAL_PROP_NAME, maxOrderNotional);
        maxPositionNotionalMantissa = positiveAmount(MAX_POSITION_NOTIONAL_PROP_NAME, maxPositionNotional);
        dailyLossLimitMantissa = positiveAmount(DAILY_LOSS_LIMIT_PROP_NAME, dailyLossLimit);

        if (null == fillModel)
        {
            if (FillModel.REALISTIC.equals(fillModelName))
            {
                fillModel = RealisticFillModel.INSTANCE;
            }
            else if (FillModel.CONSERVATIVE.equals(fillModelName))
            {
                if (!(conservativeFillFraction > 0.0 && conservativeFillFraction <= 1.0))
                {
                    throw new ConfigurationException(CONSERVATIVE_FILL_FRACTION_PROP_NAME +
                        ": must be in (0, 1], was " + conservativeFillFraction);
                }
                fillModel = new ConservativeFillModel(conservativeFillFraction);
            }
            else
            {
                throw new ConfigurationException(FILL_MODEL_PROP_NAME + ": expected " + FillModel.REALISTIC +
                    " or " + FillModel.CONSERVATIVE + ", was '" + fillModelName + "'");
            }
        }

        if (bookStalenessNs < 0)
        {
            throw new ConfigurationException(BOOK_STALENESS_PROP_NAME + ": must be 0 (off) or positive, was " +
                bookStalenessNs + " ns");
        }
        requireRange(MAX_BOOK_LEVELS_PROP_NAME, maxBookLevels, 1, 10_000);
        requireRange(MAX_OPEN_ORDERS_PROP_NAME, maxOpenOrders, 1, 1 << 20);
        requireRange(CLORDID_WINDOW_PROP_NAME, clOrdIdWindow, 16, 1 << 26);
        requireRange(FRAGMENT_LIMIT_PROP_NAME, fragmentLimit, 1, 1 << 16);
        if (null == backPressurePolicy)
        {
            throw new ConfigurationException(BACK_PRESSURE_POLICY_PROP_NAME + ": must be set");
        }
        if (publishRetryTimeoutNs < 0)
        {
            throw new ConfigurationException(PUBLISH_RETRY_TIMEOUT_PROP_NAME + ": must not be negative, was " +
                publishRetryTimeoutNs + " ns");
        }
        requireChannel(HellmoonConfiguration.INTENT_CHANNEL_PROP_NAME, intentChannel);
        requireChannel(HellmoonConfiguration.MD_CHANNEL_PROP_NAME, marketDataChannel);
        requireChannel(HellmoonConfiguration.CONTROL_CHANNEL_PROP_NAME, controlChannel);
        requireChannel(HellmoonConfiguration.EXEC_CHANNEL_PROP_NAME, executionChannel);

        concluded = true;
        return this;
    }

    /**
     * Whether {@link #conclude()} has run.
     *
     * @return true once concluded.
     */
    public boolean isConcluded()
    {
        return concluded;
    }

    /**
     * The clock for publish times and the trading day; default {@link OffsetEpochNanoClock}.
     *
     * @param clock epoch-nanosecond clock; replays and tests pass a message-driven or manual clock.
     * @return this.
     */
    public ExecutorContext clock(final EpochNanoClock clock)
    {
        this.clock = clock;
        return this;
    }

    /**
     * The clock.
     *
     * @return the clock, set by {@link #conclude()} when not given.
     */
    public EpochNanoClock clock()
    {
        return clock;
    }

    /**
     * Where the executor's counters live; default local memory ({@link ExecutorAgent} uses the media driver's).
     *
     * @param counterFactory of counters.
     * @return this.
     */
    public ExecutorContext counterFactory(final CounterFactory counterFactory)
    {
        this.counterFactory = counterFactory;
        return this;
    }

    /**
     * The counter factory.
     *
     * @return the factory, or null before {@link #conclude()} when not given.
     */
    public CounterFactory counterFactory()
    {
        return counterFactory;
    }

    /**
     * Taker fee rate ({@link ExecutorConfiguration#TAKER_FEE_RATE_PROP_NAME}).
     *
     * @param rate fraction of notional, e.g. 0.0004.
     * @return this.
     */
    public ExecutorContext takerFeeRate(final double rate)
    {
        this.takerFeeRate = rate;
        return this;
    }

    /**
     * Taker fee rate.
     *
     * @return fraction of notional.
     */
    public double takerFeeRate()
    {
        return takerFeeRate;
    }

    /**
     * Maker fee rate ({@link ExecutorConfiguration#MAKER_FEE_RATE_PROP_NAME}).
     *
     * @param rate fraction of notional, e.g. 0.0002.
     * @return this.
     */
    public ExecutorContext makerFeeRate(final double rate)
    {
        this.makerFeeRate = rate;
        return this;
    }

    /**
     * Maker fee rate.
     *
     * @return fraction of notional.
     */
    public double makerFeeRate()
    {
        return makerFeeRate;
    }

    /**
     * Largest order notional ({@link ExecutorConfiguration#MAX_ORDER_NOTIONAL_PROP_NAME}).
     *
     * @param notional in quote currency.
     * @return this.
     */
    public ExecutorContext maxOrderNotional(final double notional)
    {
        this.maxOrderNotional = notional;
        return this;
    }

    /**
     * Largest order notional.
     *
     * @return quote currency.
     */
    public double maxOrderNotional()
    {
        return maxOrderNotional;
    }

    /**
     * Largest position notional per instrument ({@link ExecutorConfiguration#MAX_POSITION_NOTIONAL_PROP_NAME}).
     *
     * @param notional in quote currency.
     * @return this.
     */
    public ExecutorContext maxPositionNotional(final double notional)
    {
        this.maxPositionNotional = notional;
        return this;
    }

    /**
     * Largest position notional per instrument.
     *
     * @return quote currency.
     */
    public double maxPositionNotional()
    {
        return maxPositionNotional;
    }

    /**
     * Daily loss limit ({@link ExecutorConfiguration#DAILY_LOSS_LIMIT_PROP_NAME}).
     *
     * @param loss in quote currency, positive.
     * @return this.
     */
    public ExecutorContext dailyLossLimit(final double loss)
    {
        this.dailyLossLimit = loss;
        return this;
    }

    /**
     * Daily loss limit.
     *
     * @return quote currency.
     */
    public double dailyLossLimit()
    {
        return dailyLossLimit;
    }

    /**
     * Fill model by name ({@link ExecutorConfiguration#FILL_MODEL_PROP_NAME}); ignored when a model instance is
     * given.
     *
     * @param name {@code realistic} or {@code conservative}.
     * @return this.
     */
    public ExecutorContext fillModelName(final String name)
    {
        this.fillModelName = name;
        return this;
    }

    /**
     * Fill model name.
     *
     * @return the name.
     */
    public String fillModelName()
    {
        return fillModelName;
    }

    /**
     * Fraction of a level the conservative model takes
     * ({@link ExecutorConfiguration#CONSERVATIVE_FILL_FRACTION_PROP_NAME}).
     *
     * @param fraction in (0, 1].
     * @return this.
     */
    public ExecutorContext conservativeFillFraction(final double fraction)
    {
        this.conservativeFillFraction = fraction;
        return this;
    }

    /**
     * Conservative fill fraction.
     *
     * @return the fraction.
     */
    public double conservativeFillFraction()
    {
        return conservativeFillFraction;
    }

    /**
     * A fill model instance, overriding the configured name.
     *
     * @param fillModel to use.
     * @return this.
     */
    public ExecutorContext fillModel(final FillModel fillModel)
    {
        this.fillModel = fillModel;
        return this;
    }

    /**
     * The fill model.
     *
     * @return the model, resolved by {@link #conclude()} when only a name was given.
     */
    public FillModel fillModel()
    {
        return fillModel;
    }

    /**
     * Book staleness ({@link ExecutorConfiguration#BOOK_STALENESS_PROP_NAME}).
     *
     * @param stalenessNs nanoseconds, 0 to turn the age check off.
     * @return this.
     */
    public ExecutorContext bookStalenessNs(final long stalenessNs)
    {
        this.bookStalenessNs = stalenessNs;
        return this;
    }

    /**
     * Book staleness.
     *
     * @return nanoseconds, 0 when off.
     */
    public long bookStalenessNs()
    {
        return bookStalenessNs;
    }

    /**
     * Book levels kept per side ({@link ExecutorConfiguration#MAX_BOOK_LEVELS_PROP_NAME}).
     *
     * @param levels per side.
     * @return this.
     */
    public ExecutorContext maxBookLevels(final int levels)
    {
        this.maxBookLevels = levels;
        return this;
    }

    /**
     * Book levels kept per side.
     *
     * @return levels.
     */
    public int maxBookLevels()
    {
        return maxBookLevels;
    }

    /**
     * Open order limit ({@link ExecutorConfiguration#MAX_OPEN_ORDERS_PROP_NAME}).
     *
     * @param orders resting at once.
     * @return this.
     */
    public ExecutorContext maxOpenOrders(final int orders)
    {
        this.maxOpenOrders = orders;
        return this;
    }

    /**
     * Open order limit.
     *
     * @return orders.
     */
    public int maxOpenOrders()
    {
        return maxOpenOrders;
    }

    /**
     * Client order ids remembered for duplicate detection ({@link ExecutorConfiguration#CLORDID_WINDOW_PROP_NAME}).
     *
     * @param ids remembered.
     * @return this.
     */
    public ExecutorContext clOrdIdWindow(final int ids)
    {
        this.clOrdIdWindow = ids;
        return this;
    }

    /**
     * Client order ids remembered.
     *
     * @return ids.
     */
    public int clOrdIdWindow()
    {
        return clOrdIdWindow;
    }

    /**
     * Whether the kill switch starts engaged ({@link ExecutorConfiguration#KILL_SWITCH_ENGAGED_PROP_NAME}).
     *
     * @param engaged at start.
     * @return this.
     */
    public ExecutorContext killSwitchEngaged(final boolean engaged)
    {
        this.killSwitchEngaged = engaged;
        return this;
    }

    /**
     * Whether the kill switch starts engaged.
     *
     * @return true if engaged at start.
     */
    public boolean killSwitchEngaged()
    {
        return killSwitchEngaged;
    }

    /**
     * Fragments per subscription per duty cycle ({@link ExecutorConfiguration#FRAGMENT_LIMIT_PROP_NAME}).
     *
     * @param limit fragments.
     * @return this.
     */
    public ExecutorContext fragmentLimit(final int limit)
    {
        this.fragmentLimit = limit;
        return this;
    }

    /**
     * Fragment limit.
     *
     * @return fragments.
     */
    public int fragmentLimit()
    {
        return fragmentLimit;
    }

    /**
     * Back-pressure policy of the execution publisher
     * ({@link ExecutorConfiguration#BACK_PRESSURE_POLICY_PROP_NAME}).
     *
     * @param policy to apply.
     * @return this.
     */
    public ExecutorContext backPressurePolicy(final BackPressurePolicy policy)
    {
        this.backPressurePolicy = policy;
        return this;
    }

    /**
     * Back-pressure policy.
     *
     * @return the policy.
     */
    public BackPressurePolicy backPressurePolicy()
    {
        return backPressurePolicy;
    }

    /**
     * Publish retry timeout ({@link ExecutorConfiguration#PUBLISH_RETRY_TIMEOUT_PROP_NAME}).
     *
     * @param timeoutNs nanoseconds, 0 retries forever.
     * @return this.
     */
    public ExecutorContext publishRetryTimeoutNs(final long timeoutNs)
    {
        this.publishRetryTimeoutNs = timeoutNs;
        return this;
    }

    /**
     * Publish retry timeout.
     *
     * @return nanoseconds.
     */
    public long publishRetryTimeoutNs()
    {
        return publishRetryTimeoutNs;
    }

    /**
     * Intent stream ({@link HellmoonConfiguration#INTENT_CHANNEL_PROP_NAME}).
     *
     * @param channel  URI.
     * @param streamId id.
     * @return this.
     */
    public ExecutorContext intentStream(final String channel, final int streamId)
    {
        this.intentChannel = channel;
        this.intentStreamId = streamId;
        return this;
    }

    /**
     * Intent channel.
     *
     * @return URI.
     */
    public String intentChannel()
    {
        return intentChannel;
    }

    /**
     * Intent stream id.
     *
     * @return id.
     */
    public int intentStreamId()
    {
        return intentStreamId;
    }

    /**
     * Market-data stream ({@link HellmoonConfiguration#MD_CHANNEL_PROP_NAME}).
     *
     * @param channel  URI.
     * @param streamId id.
     * @return this.
     */
    public ExecutorContext marketDataStream(final String channel, final int streamId)
    {
        this.marketDataChannel = channel;
        this.marketDataStreamId = streamId;
        return this;
    }

    /**
     * Market-data channel.
     *
     * @return URI.
     */
    public String marketDataChannel()
    {
        return marketDataChannel;
    }

    /**
     * Market-data stream id.
     *
     * @return id.
     */
    public int marketDataStreamId()
    {
        return marketDataStreamId;
    }

    /**
     * Control stream ({@link HellmoonConfiguration#CONTROL_CHANNEL_PROP_NAME}).
     *
     * @param channel  URI.
     * @param streamId id.
     * @return this.
     */
    public ExecutorContext controlStream(final String channel, final int streamId)
    {
        this.controlChannel = channel;
        this.controlStreamId = streamId;
        return this;
    }

    /**
     * Control channel.
     *
     * @return URI.
     */
    public String controlChannel()
    {
        return controlChannel;
    }

    /**
     * Control stream id.
     *
     * @return id.
     */
    public int controlStreamId()
    {
        return controlStreamId;
    }

    /**
     * Execution stream, the executor's output ({@link HellmoonConfiguration#EXEC_CHANNEL_PROP_NAME}).
     *
     * @param channel  URI.
     * @param streamId id.
     * @return this.
     */
    public ExecutorContext executionStream(final String channel, final int streamId)
    {
        this.executionChannel = channel;
        this.executionStreamId = streamId;
        return this;
    }

    /**
     * Execution channel.
     *
     * @return URI.
     */
    public String executionChannel()
    {
        return executionChannel;
    }

    /**
     * Execution stream id.
     *
     * @return id.
     */
    public int executionStreamId()
    {
        return executionStreamId;
    }

    long takerFeeRateMantissa()
    {
        return takerFeeRateMantissa;
    }

    long makerFeeRateMantissa()
    {
        return makerFeeRateMantissa;
    }

    long maxOrderNotionalMantissa()
    {
        return maxOrderNotionalMantissa;
    }

    long maxPositionNotionalMantissa()
    {
        return maxPositionNotionalMantissa;
    }

    long dailyLossLimitMantissa()
    {
        return dailyLossLimitMantissa;
    }

    private static long feeRate(final String propName, final double rate)
    {
        // A fee above 1 % of notional is a typo (0.04 meaning 0.04 %), not a venue's schedule.
        if (!(rate >= 0.0 && rate <= 0.01))
        {
            throw new ConfigurationException(propName + ": must be a fraction of notional in [0, 0.01] " +
                "(0.0004 is 0.04 %), was " + rate);
        }
        return FixedPoint.fromDouble(rate, RATE_EXPONENT);
    }

    private static long positiveAmount(final String propName, final double amount)
    {
        if (!(amount > 0.0) || amount > 1e10)
        {
            throw new ConfigurationException(
                propName + ": must be a positive amount in quote currency up to 1e10, was " + amount);
        }
        return FixedPoint.fromDouble(amount, AMOUNT_EXPONENT);
    }

    private static void requireRange(final String propName, final int value, final int min, final int max)
    {
        if (value < min || value > max)
        {
            throw new ConfigurationException(propName + ": must be in [" + min + ", " + max + "], was " + value);
        }
    }

    private static void requireChannel(final String propName, final String channel)
    {
        if (null == channel || !channel.startsWith("aeron:"))
        {
            throw new ConfigurationException(propName + ": not an Aeron channel URI: '" + channel + "'");
        }
    }
}
