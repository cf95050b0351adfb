/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.aeron.exceptions.ConfigurationException;
import io.hellmoon.codecs.HellmoonConfiguration;
import io.hellmoon.codecs.aeron.BackPressurePolicy;

import java.util.Locale;

import static java.lang.System.getProperty;

/**
 * Property names and defaults of the executor. An {@link ExecutorContext} starts from these values; its setters
 * override them. Streams (intent, market data, control, execution) are the appliance's common ones, named in
 * {@link HellmoonConfiguration}.
 * <p>
 * Quote-currency amounts (notional limits, the daily loss limit) and fee rates are written as plain decimals, e.g.
 * {@code 10000} or {@code 0.0004}; durations as {@code 10s} or {@code 500ms}.
 */
public final class ExecutorConfiguration
{
    /**
     * Exponent of every quote-currency amount the executor computes and publishes (fees, P&amp;L, notionals):
     * eight fractional digits, the precision Binance reports commissions and P&amp;L with.
     */
    public static final int AMOUNT_EXPONENT = -8;

    /**
     * Exponent of fee rates held as mantissas: 0.0004 is 40,000.
     */
    public static final int RATE_EXPONENT = -8;

    /**
     * Most negative price or size exponent an instrument may have; keeps every product within exact arithmetic.
     */
    public static final int MIN_INSTRUMENT_EXPONENT = -12;

    /**
     * Largest price or size exponent an instrument may have.
     */
    public static final int MAX_INSTRUMENT_EXPONENT = 6;

    /**
     * First client order id of the orders the executor sends itself (bracket exits): ids at or above 2^62 are
     * reserved for the executor, the router uses smaller ones.
     */
    public static final long EXECUTOR_CLORDID_BASE = 1L << 62;

    /**
     * Taker fee as a fraction of notional, e.g. {@code 0.0004} for 0.04 %.
     */
    public static final String TAKER_FEE_RATE_PROP_NAME = "hellmoon.executor.taker.fee.rate";

    /**
     * Default taker fee rate: 0.04 %.
     */
    public static final double TAKER_FEE_RATE_DEFAULT = 0.0004;

    /**
     * Maker fee as a fraction of notional, e.g. {@code 0.0002} for 0.02 %.
     */
    public static final String MAKER_FEE_RATE_PROP_NAME = "hellmoon.executor.maker.fee.rate";

    /**
     * Default maker fee rate: 0.02 %.
     */
    public static final double MAKER_FEE_RATE_DEFAULT = 0.0002;

    /**
     * Largest notional of one order, in quote currency.
     */
    public static final String MAX_ORDER_NOTIONAL_PROP_NAME = "hellmoon.executor.max.order.notional";

    /**
     * Default largest order notional.
     */
    public static final double MAX_ORDER_NOTIONAL_DEFAULT = 10_000.0;

    /**
     * Largest absolute position per instrument, as notional in quote currency, counting resting orders that would
     * increase it.
     */
    public static final String MAX_POSITION_NOTIONAL_PROP_NAME = "hellmoon.executor.max.position.notional";

    /**
     * Default largest position notional per instrument.
     */
    public static final double MAX_POSITION_NOTIONAL_DEFAULT = 50_000.0;

    /**
     * Loss in quote currency (realised net of fees plus the change in unrealised) since the start of the UTC day at
     * which new risk is refused.
     */
    public static final String DAILY_LOSS_LIMIT_PROP_NAME = "hellmoon.executor.daily.loss.limit";

    /**
     * Default daily loss limit.
     */
    public static final double DAILY_LOSS_LIMIT_DEFAULT = 1_000.0;

    /**
     * Fill model of the paper venue: {@code realistic} or {@code conservative}.
     */
    public static final String FILL_MODEL_PROP_NAME = "hellmoon.executor.fill.model";

    /**
     * Default fill model.
     */
    public static final String FILL_MODEL_DEFAULT = FillModel.REALISTIC;

    /**
     * Fraction of each visible level the conservative fill model lets an aggressive order take, in (0, 1].
     */
    public static final String CONSERVATIVE_FILL_FRACTION_PROP_NAME = "hellmoon.executor.conservative.fill.fraction";

    /**
     * Default conservative fill fraction.
     */
    public static final double CONSERVATIVE_FILL_FRACTION_DEFAULT = 0.5;

    /**
     * Age of an instrument's last book or best bid/offer (from its feed receive time, on the executor's clock) after
     * which orders are rejected as stale; {@code 0} turns the age check off (feed status still applies).
     */
    public static final String BOOK_STALENESS_PROP_NAME = "hellmoon.executor.book.staleness";

    /**
     * Default book staleness: 10 s.
     */
    public static final String BOOK_STALENESS_DEFAULT = "10s";

    /**
     * Book levels kept per side and instrument; deeper levels of a BookLevels message are ignored.
     */
    public static final String MAX_BOOK_LEVELS_PROP_NAME = "hellmoon.executor.max.book.levels";

    /**
     * Default book levels kept.
     */
    public static final int MAX_BOOK_LEVELS_DEFAULT = 50;

    /**
     * Orders that may rest on the paper venue at once; the order pool is sized from it.
     */
    public static final String MAX_OPEN_ORDERS_PROP_NAME = "hellmoon.executor.max.open.orders";

    /**
     * Default open orders.
     */
    public static final int MAX_OPEN_ORDERS_DEFAULT = 1024;

    /**
     * How many of the most recent client order ids are remembered to reject duplicates.
     */
    public static final String CLORDID_WINDOW_PROP_NAME = "hellmoon.executor.clordid.window";

    /**
     * Default client order id window.
     */
    public static final int CLORDID_WINDOW_DEFAULT = 65_536;

    /**
     * Whether the kill switch is engaged at start: {@code true} starts the executor refusing every order until an
     * operator releases it.
     */
    public static final String KILL_SWITCH_ENGAGED_PROP_NAME = "hellmoon.executor.kill.switch.engaged";

    /**
     * Most fragments taken from one subscription in one duty cycle.
     */
    public static final String FRAGMENT_LIMIT_PROP_NAME = "hellmoon.executor.fragment.limit";

    /**
     * Default fragment limit.
     */
    public static final int FRAGMENT_LIMIT_DEFAULT = 64;

    /**
     * What the execution publisher does under back pressure: {@code RETRY} or {@code DROP}.
     */
    public static final String BACK_PRESSURE_POLICY_PROP_NAME = "hellmoon.executor.back.pressure.policy";

    /**
     * Default back-pressure policy: execution reports are retried, not dropped.
     */
    public static final BackPressurePolicy BACK_PRESSURE_POLICY_DEFAULT = BackPressurePolicy.RETRY;

    /**
     * How long a back-pressured execution report is retried before it is dropped and counted; {@code 0} retries
     * forever.
     */
    public static final String PUBLISH_RETRY_TIMEOUT_PROP_NAME = "hellmoon.executor.publish.retry.timeout";

    /**
     * Default publish retry timeout.
     */
    public static final String PUBLISH_RETRY_TIMEOUT_DEFAULT = "1s";

    private ExecutorConfiguration()
    {
    }

    /**
     * The taker fee rate.
     *
     * @return the property value or the default.
     */
    public static double takerFeeRate()
    {
        return doubleProperty(TAKER_FEE_RATE_PROP_NAME, TAKER_FEE_RATE_DEFAULT);
    }

    /**
     * The maker fee rate.
     *
     * @return the property value or the default.
     */
    public static double makerFeeRate()
    {
        return doubleProperty(MAKER_FEE_RATE_PROP_NAME, MAKER_FEE_RATE_DEFAULT);
    }

    /**
     * The largest order notional.
     *
     * @return the property value or the default.
     */
    public static double maxOrderNotional()
    {
        return doubleProperty(MAX_ORDER_NOTIONAL_PROP_NAME, MAX_ORDER_NOTIONAL_DEFAULT);
    }

    /**
     * The largest position notional per instrument.
     *
     * @return the property value or the default.
     */
    public static double maxPositionNotional()
    {
        return doubleProperty(MAX_POSITION_NOTIONAL_PROP_NAME, MAX_POSITION_NOTIONAL_DEFAULT);
    }

    /**
     * The daily loss limit.
     *
     * @return the property value or the default.
     */
    public static double dailyLossLimit()
    {
        return doubleProperty(DAILY_LOSS_LIMIT_PROP_NAME, DAILY_LOSS_LIMIT_DEFAULT);
    }

    /**
     * The fill model name.
     *
     * @return the property value or the default, lower case.
     */
    public static String fillModel()
    {
        return getProperty(FILL_MODEL_PROP_NAME, FILL_MODEL_DEFAULT).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The conservative fill fraction.
     *
     * @return the property value or the default.
     */
    public static double conservativeFillFraction()
    {
        return doubleProperty(CONSERVATIVE_FILL_FRACTION_PROP_NAME, CONSERVATIVE_FILL_FRACTION_DEFAULT);
    }

    /**
     * The book staleness.
     *
     * @return nanoseconds.
     */
    public static long bookStalenessNs()
    {
        return durationProperty(BOOK_STALENESS_PROP_NAME, BOOK_STALENESS_DEFAULT);
    }

    /**
     * The book levels kept per side.
     *
     * @return the property value or the default.
     */
    public static int maxBookLevels()
    {
        return intProperty(MAX_BOOK_LEVELS_PROP_NAME, MAX_BOOK_LEVELS_DEFAULT);
    }

    /**
     * The open order limit.
     *
     * @return the property value or the default.
     */
    public static int maxOpenOrders()
    {
        return intProperty(MAX_OPEN_ORDERS_PROP_NAME, MAX_OPEN_ORDERS_DEFAULT);
    }

    /**
     * The client order id window.
     *
     * @return the property value or the default.
     */
    public static int clOrdIdWindow()
    {
        return intProperty(CLORDID_WINDOW_PROP_NAME, CLORDID_WINDOW_DEFAULT);
    }

    /**
     * Whether the kill switch starts engaged.
     *
     * @return the property value, default false.
     */
    public static boolean killSwitchEngaged()
    {
        final String value = getProperty(KILL_SWITCH_ENGAGED_PROP_NAME);
        if (null == value)
        {
            return false;
        }
        if ("true".equalsIgnoreCase(value.trim()))
        {
            return true;
        }
        if ("false".equalsIgnoreCase(value.trim()))
        {
            return false;
        }
        throw new ConfigurationException(KILL_SWITCH_ENGAGED_PROP_NAME + ": expected true or false, was '" +
            value + "'");
    }

    /**
     * The fragment limit.
     *
     * @return the property value or the default.
     */
    public static int fragmentLimit()
    {
        return intProperty(FRAGMENT_LIMIT_PROP_NAME, FRAGMENT_LIMIT_DEFAULT);
    }

    /**
     * The back-pressure policy.
     *
     * @return the property value or the default.
     */
    public static BackPressurePolicy backPressurePolicy()
    {
        final String value = getProperty(BACK_PRESSURE_POLICY_PROP_NAME);
        if (null == value)
        {
            return BACK_PRESSURE_POLICY_DEFAULT;
        }
        try
        {
            return BackPressurePolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigurationException(BACK_PRESSURE_POLICY_PROP_NAME + ": expected RETRY or DROP, was '" +
                value + "'");
        }
    }

    /**
     * The publish retry timeout.
     *
     * @return nanoseconds.
     */
    public static long publishRetryTimeoutNs()
    {
        return durationProperty(PUBLISH_RETRY_TIMEOUT_PROP_NAME, PUBLISH_RETRY_TIMEOUT_DEFAULT);
    }

    private static double doubleProperty(final String propName, final double defaultValue)
    {
        final String value = getProperty(propName);
        if (null == value)
        {
            return defaultValue;
        }
        try
        {
            return Double.parseDouble(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new ConfigurationException(propName + ": not a decimal number: '" + value + "'");
        }
    }

    private static int intProperty(final String propName, final int defaultValue)
    {
        final String value = getProperty(propName);
        if (null == value)
        {
            return defaultValue;
        }
        try
        {
            return Integer.parseInt(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new ConfigurationException(propName + ": not an integer: '" + value + "'");
        }
    }

    private static long durationProperty(final String propName, final String defaultValue)
    {
        try
        {
            return HellmoonConfiguration.durationNs(propName, defaultValue);
        }
        catch (final RuntimeException ex)
        {
            throw new ConfigurationException(propName + ": not a duration such as 10s or 500ms: '" +
                getProperty(propName) + "'");
        }
    }
}
