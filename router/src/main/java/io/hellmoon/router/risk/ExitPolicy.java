/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.risk;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Exit parameters per volatility regime: stop = k1 x ATR, target = k2 x ATR, move the stop to break-even once the
 * trade is {@code breakevenR} in profit, trail the stop {@code trailingAtrMultiple} x ATR behind the best price once
 * it is {@code trailingActivationR} in profit, and close after {@code maxDurationHours}.
 * <p>
 * Defaults (the seed documents give NORMAL_VOL 1.5/3.0 and HIGH_VOL 2.0/4.0, break-even at 0.5 R and 24 h; the
 * other values widen stops and shorten holding times as volatility rises):
 * <pre>
 *   regime       k1   k2   breakeven_r  trailing activation_r / atr_multiple  max_duration_hours
 *   LOW_VOL      1.0  2.0  0.5          1.0 / 1.0                             48
 *   NORMAL_VOL   1.5  3.0  0.5          1.0 / 1.5                             24
 *   HIGH_VOL     2.0  4.0  0.5          1.5 / 2.0                             12
 *   EXTREME_VOL  2.5  5.0  0.75         1.5 / 2.5                              6
 * </pre>
 * Each value can be overridden per regime by a system property or environment variable named
 * {@code EXIT_REGIME_<REGIME>_<FIELD>}, with FIELD one of {@code K1_SL, K2_TP, BREAKEVEN_R, TRAILING_ACTIVATION_R,
 * TRAILING_ATR, MAX_DURATION_HOURS}, e.g. {@code EXIT_REGIME_HIGH_VOL_K1_SL=2.5}. Immutable.
 */
public final class ExitPolicy
{
    /**
     * Names of the overridable fields, in the order of {@link #value(int, int)}'s field index.
     */
    public static final String[] FIELDS =
        { "K1_SL", "K2_TP", "BREAKEVEN_R", "TRAILING_ACTIVATION_R", "TRAILING_ATR", "MAX_DURATION_HOURS" };

    /**
     * Field index of k1.
     */
    public static final int K1 = 0;

    /**
     * Field index of k2.
     */
    public static final int K2 = 1;

    /**
     * Field index of the break-even threshold in R.
     */
    public static final int BREAKEVEN_R = 2;

    /**
     * Field index of the trailing activation in R.
     */
    public static final int TRAILING_ACTIVATION_R = 3;

    /**
     * Field index of the trailing distance in ATR.
     */
    public static final int TRAILING_ATR = 4;

    /**
     * Field index of the maximum duration in hours.
     */
    public static final int MAX_DURATION_HOURS = 5;

    private static final double[][] DEFAULTS =
    {
        { 1.0, 2.0, 0.5, 1.0, 1.0, 48.0 },
        { 1.5, 3.0, 0.5, 1.0, 1.5, 24.0 },
        { 2.0, 4.0, 0.5, 1.5, 2.0, 12.0 },
        { 2.5, 5.0, 0.75, 1.5, 2.5, 6.0 },
    };

    private final double[][] values;

    private ExitPolicy(final double[][] values)
    {
        this.values = values;
    }

    /**
     * The built-in defaults.
     *
     * @return the policy.
     */
    public static ExitPolicy defaults()
    {
        return new ExitPolicy(copy(DEFAULTS));
    }

    /**
     * The defaults overridden by system properties, then environment variables, named
     * {@code EXIT_REGIME_<REGIME>_<FIELD>}.
     *
     * @return the policy.
     * @throws IllegalArgumentException naming the key when a value is not a positive number (0 allowed for
     *                                  break-even and trailing activation).
     */
    public static ExitPolicy fromEnvironment()
    {
        return defaults().withOverrides((key) ->
        {
            final String property = System.getProperty(key);
            return null != property ? property : System.getenv(key);
        });
    }

    /**
     * This policy with overrides looked up by key name.
     *
     * @param lookup returns the text of a key such as {@code EXIT_REGIME_HIGH_VOL_K1_SL}, or null.
     * @return a new policy.
     * @throws IllegalArgumentException naming the key when a value is invalid.
     */
    public ExitPolicy withOverrides(final Function<String, String> lookup)
    {
        final double[][] result = copy(values);
        for (int regime = 0; regime < Regimes.COUNT; regime++)
        {
            for (int field = 0; field < FIELDS.length; field++)
            {
                final String key = key(regime, field);
                final String text = lookup.apply(key);
                if (null == text || text.isBlank())
                {
                    continue;
                }
                final double value;
                try
                {
                    value = Double.parseDouble(text.trim());
                }
                catch (final NumberFormatException ex)
                {
                    throw new IllegalArgumentException(key + ": not a number: '" + text + "'");
                }
                final boolean zeroAllowed = BREAKEVEN_R == field || TRAILING_ACTIVATION_R == field;
                if (!Double.isFinite(value) || value < 0 || (!zeroAllowed && 0 == value))
                {
                    throw new IllegalArgumentException(key + ": out of range: " + text + " (expected " +
                        (zeroAllowed ? ">= 0" : "> 0") + ")");
                }
                result[regime][field] = value;
            }
        }
        return new ExitPolicy(result);
    }

    /**
     * This policy with one value replaced.
     *
     * @param regime index from {@link Regimes}.
     * @param field  index, e.g. {@link #K1}.
     * @param value  new value.
     * @return a new policy.
     */
    public ExitPolicy with(final int regime, final int field, final double value)
    {
        final double[][] result = copy(values);
        result[regime][field] = value;
        return new ExitPolicy(result);
    }

    /**
     * The configuration key of a value.
     *
     * @param regime index.
     * @param field  index.
     * @return e.g. {@code EXIT_REGIME_HIGH_VOL_K1_SL}.
     */
    public static String key(final int regime, final int field)
    {
        return "EXIT_REGIME_" + Regimes.name(regime) + '_' + FIELDS[field];
    }

    /**
     * A value.
     *
     * @param regime index from {@link Regimes}.
     * @param field  index, e.g. {@link #K1}.
     * @return the value.
     */
    public double value(final int regime, final int field)
    {
        return values[regime][field];
    }

    /**
     * Stop multiple of ATR in a regime.
     *
     * @param regime index.
     * @return k1.
     */
    public double k1(final int regime)
    {
        return values[regime][K1];
    }

    /**
     * Target multiple of ATR in a regime.
     *
     * @param regime index.
     * @return k2.
     */
    public double k2(final int regime)
    {
        return values[regime][K2];
    }

    private static double[][] copy(final double[][] source)
    {
        final double[][] copy = new double[source.length][];
        for (int i = 0; i < source.length; i++)
        {
            copy[i] = source[i].clone();
        }
        return copy;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "ExitPolicy" + Arrays.deepToString(values);
    }
}
