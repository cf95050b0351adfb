/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.risk;

import io.hellmoon.sbe.VolatilityRegime;

/**
 * Volatility regimes as dense indexes for per-regime arrays: {@code index = raw SBE value - 1}. A regime the router
 * does not know (null or a value from a newer schema) is treated as NORMAL_VOL for exits and sizing.
 */
public final class Regimes
{
    /**
     * Index of LOW_VOL.
     */
    public static final int LOW_VOL = 0;

    /**
     * Index of NORMAL_VOL.
     */
    public static final int NORMAL_VOL = 1;

    /**
     * Index of HIGH_VOL.
     */
    public static final int HIGH_VOL = 2;

    /**
     * Index of EXTREME_VOL.
     */
    public static final int EXTREME_VOL = 3;

    /**
     * Number of volatility regimes.
     */
    public static final int COUNT = 4;

    private static final String[] NAMES = { "LOW_VOL", "NORMAL_VOL", "HIGH_VOL", "EXTREME_VOL" };

    private Regimes()
    {
    }

    /**
     * Index of a raw SBE volatility regime value.
     *
     * @param raw SBE value.
     * @return the index, or -1 when the value is not a known regime.
     */
    public static int indexOfRaw(final int raw)
    {
        return raw >= 1 && raw <= COUNT ? raw - 1 : -1;
    }

    /**
     * Index of a regime name.
     *
     * @param name e.g. {@code HIGH_VOL}.
     * @return the index, or -1.
     */
    public static int indexOf(final String name)
    {
        for (int i = 0; i < COUNT; i++)
        {
            if (NAMES[i].equals(name))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * Name of a regime index.
     *
     * @param index of the regime.
     * @return the SBE name.
     */
    public static String name(final int index)
    {
        return NAMES[index];
    }

    /**
     * The SBE enum of a regime index.
     *
     * @param index of the regime.
     * @return the enum.
     */
    public static VolatilityRegime toSbe(final int index)
    {
        return VolatilityRegime.get((short)(index + 1));
    }
}
