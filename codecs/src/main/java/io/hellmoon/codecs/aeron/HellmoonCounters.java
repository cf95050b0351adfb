/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs.aeron;

/**
 * Type ids of Hellmoon's counters in the media driver's counters file. {@code hellmoon stat} lists every counter whose
 * type id is in {@code [FIRST_TYPE_ID, LAST_TYPE_ID]}, grouped by the component prefix of its label. The range is far
 * above Aeron's own type ids.
 */
public final class HellmoonCounters
{
    /**
     * Lowest Hellmoon counter type id.
     */
    public static final int FIRST_TYPE_ID = 7_071_000;

    /**
     * Messages received or decoded by a component.
     */
    public static final int MESSAGES_IN_TYPE_ID = FIRST_TYPE_ID + 1;

    /**
     * Messages published by a component.
     */
    public static final int MESSAGES_OUT_TYPE_ID = FIRST_TYPE_ID + 2;

    /**
     * Frames or messages that could not be decoded.
     */
    public static final int DECODE_ERRORS_TYPE_ID = FIRST_TYPE_ID + 3;

    /**
     * Sequence gaps detected in venue books.
     */
    public static final int GAPS_TYPE_ID = FIRST_TYPE_ID + 4;

    /**
     * Books resynced after a gap or an inconsistency.
     */
    public static final int RESYNCS_TYPE_ID = FIRST_TYPE_ID + 5;

    /**
     * Books found crossed (and not published).
     */
    public static final int CROSSED_BOOKS_TYPE_ID = FIRST_TYPE_ID + 6;

    /**
     * Offers that met back pressure (each retry counts once).
     */
    public static final int BACK_PRESSURE_TYPE_ID = FIRST_TYPE_ID + 7;

    /**
     * Messages dropped: no subscriber, or back pressure past the policy's limit.
     */
    public static final int DROPS_TYPE_ID = FIRST_TYPE_ID + 8;

    /**
     * Anomaly events emitted.
     */
    public static final int ANOMALIES_TYPE_ID = FIRST_TYPE_ID + 9;

    /**
     * Decisions taken.
     */
    public static final int DECISIONS_TAKEN_TYPE_ID = FIRST_TYPE_ID + 10;

    /**
     * Decisions rejected.
     */
    public static final int DECISIONS_REJECTED_TYPE_ID = FIRST_TYPE_ID + 11;

    /**
     * Orders sent to a venue.
     */
    public static final int ORDERS_TYPE_ID = FIRST_TYPE_ID + 12;

    /**
     * Fills received.
     */
    public static final int FILLS_TYPE_ID = FIRST_TYPE_ID + 13;

    /**
     * Orders rejected by pre-trade risk or the venue.
     */
    public static final int ORDER_REJECTS_TYPE_ID = FIRST_TYPE_ID + 14;

    /**
     * Regime changes emitted.
     */
    public static final int REGIME_CHANGES_TYPE_ID = FIRST_TYPE_ID + 15;

    /**
     * Kill switch state: 1 engaged, 0 released.
     */
    public static final int KILL_SWITCH_TYPE_ID = FIRST_TYPE_ID + 16;

    /**
     * Any other component-specific count; the label says what.
     */
    public static final int GENERIC_TYPE_ID = FIRST_TYPE_ID + 17;

    /**
     * Connections, reconnects and similar session counts of feed clients.
     */
    public static final int CONNECTIONS_TYPE_ID = FIRST_TYPE_ID + 18;

    /**
     * Highest Hellmoon counter type id.
     */
    public static final int LAST_TYPE_ID = FIRST_TYPE_ID + 99;

    private HellmoonCounters()
    {
    }

    /**
     * Whether a type id is one of Hellmoon's.
     *
     * @param typeId to test.
     * @return true if Hellmoon's.
     */
    public static boolean isHellmoon(final int typeId)
    {
        return typeId >= FIRST_TYPE_ID && typeId <= LAST_TYPE_ID;
    }
}
