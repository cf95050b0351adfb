/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs;

import io.hellmoon.sbe.Venue;

import java.util.Locale;

/**
 * Names of venues as users type them ({@code binance-usdm}) and as summaries print them ({@code BINANCE_USDM}).
 */
public final class Venues
{
    private Venues()
    {
    }

    /**
     * The command-line name of a venue, e.g. {@code binance-usdm}.
     *
     * @param venue to name.
     * @return lower-case, dash-separated name.
     */
    public static String cliName(final Venue venue)
    {
        return venue.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parse a venue from its command-line name or its enum name, case ignored.
     *
     * @param name such as {@code binance-spot} or {@code BINANCE_SPOT}.
     * @return the venue.
     * @throws IllegalArgumentException naming the valid values when the name is unknown.
     */
    public static Venue parse(final String name)
    {
        final String normalised = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (final Venue venue : Venue.values())
        {
            if (Venue.NULL_VAL != venue && venue.name().equals(normalised))
            {
                return venue;
            }
        }
        throw new IllegalArgumentException("unknown venue '" + name + "', expected one of " + validNames());
    }

    /**
     * The valid command-line names, for error messages and help.
     *
     * @return comma-separated names.
     */
    public static String validNames()
    {
        final StringBuilder names = new StringBuilder();
        for (final Venue venue : Venue.values())
        {
            if (Venue.NULL_VAL != venue)
            {
                if (names.length() > 0)
                {
                    names.append(", ");
                }
                names.append(cliName(venue));
            }
        }
        return names.toString();
    }

    /**
     * Whether a venue's instruments are futures (perpetual or delivery), which have mark prices and liquidations.
     * The synthetic market is a universe of USD-M-style perpetuals, so it counts as futures.
     *
     * @param venue to test.
     * @return true for futures venues.
     */
    public static boolean isFutures(final Venue venue)
    {
        return Venue.BINANCE_USDM == venue || Venue.BINANCE_COINM == venue || Venue.MEXC_FUTURES == venue ||
            Venue.SYNTHETIC == venue;
    }
}
