/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import java.util.Arrays;

/**
 * Per-instrument arming of one detector, so one burst yields one event rather than a storm.
 * <p>
 * A detector starts ARMED. When it fires it becomes FIRED and its cooldown starts. It re-arms only after both: its
 * score has been seen below the re-arm level (FIRED to DIPPED), and the cooldown has passed (DIPPED to ARMED). A
 * score that dips during the cooldown and rises again re-arms when the cooldown ends, so a second, separate burst
 * inside the cooldown can fire once the cooldown is over; a burst that never dips fires once however long it lasts.
 * Struct-of-arrays indexed by slot; allocation free; not thread safe.
 */
final class Hysteresis
{
    static final byte ARMED = 0;
    static final byte FIRED = 1;
    static final byte DIPPED = 2;

    private final double rearmScore;
    private final long cooldownNs;
    private byte[] phase;
    private long[] cooldownUntilNs;

    Hysteresis(final int capacity, final double rearmScore, final long cooldownNs)
    {
        this.rearmScore = rearmScore;
        this.cooldownNs = cooldownNs;
        phase = new byte[capacity];
        cooldownUntilNs = new long[capacity];
    }

    void ensureCapacity(final int capacity)
    {
        if (capacity > phase.length)
        {
            phase = Arrays.copyOf(phase, capacity);
            cooldownUntilNs = Arrays.copyOf(cooldownUntilNs, capacity);
        }
    }

    boolean isArmed(final int slot)
    {
        return ARMED == phase[slot];
    }

    /**
     * The detector fired for the slot at {@code timeNs}.
     */
    void fired(final int slot, final long timeNs)
    {
        phase[slot] = FIRED;
        cooldownUntilNs[slot] = timeNs + cooldownNs;
    }

    /**
     * The slot's current score at {@code timeNs}: moves a disarmed slot towards ARMED.
     *
     * @return true if the slot is armed afterwards.
     */
    boolean observe(final int slot, final double score, final long timeNs)
    {
        byte p = phase[slot];
        if (FIRED == p && score < rearmScore)
        {
            p = DIPPED;
        }
        if (DIPPED == p && timeNs - cooldownUntilNs[slot] >= 0)
        {
            p = ARMED;
        }
        phase[slot] = p;
        return ARMED == p;
    }
}
