/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import java.util.Arrays;

/**
 * Per-instrument arming of one detector, so one market event yields one anomaly event rather than a storm.
 * <p>
 * A detector starts ARMED. When it fires it becomes FIRED and its cooldown starts. It re-arms only after both: its
 * score has been seen below the re-arm level (FIRED to DIPPED), and the cooldown has passed (DIPPED to ARMED). A
 * score that dips during the cooldown and rises again re-arms when the cooldown ends, so a second, separate event
 * inside the cooldown can fire once the cooldown is over; an event that never dips fires once however long it lasts.
 * <p>
 * Optionally a detector escalates: while disarmed, a score of at least {@code escalation} times the score it last
 * fired with fires again (a markedly larger event is a new one); the tick-path detectors check this per tick.
 * <p>
 * The armed state is mirrored in the detector's bit of {@link SweepInputs#gate}, which masks the sweep's candidates:
 * a slot in cooldown costs the sweep nothing. Disarmed slots are kept in a list that {@link #rearm} walks at each
 * sweep with their exact scores, so re-arming costs O(disarmed), not O(instruments). Struct-of-arrays indexed by
 * slot; allocation free; not thread safe.
 */
final class Hysteresis
{
    /**
     * A detector's exact score of a slot at a time, which may bring the slot's state up to that time.
     */
    interface Score
    {
        /**
         * The slot's score at {@code timeNs}.
         *
         * @param slot   of the instrument.
         * @param timeNs event time, not before the slot's state.
         * @return the score, above 1 when over threshold.
         */
        double score(int slot, long timeNs);
    }

    static final byte ARMED = 0;
    static final byte FIRED = 1;
    static final byte DIPPED = 2;
    private static final int NOT_LISTED = -1;

    private final int detector;
    private final double rearmScore;
    private final long cooldownNs;
    private final double escalation;
    private final SweepInputs inputs;
    private final InstrumentTable table;
    private byte[] phase;
    private long[] cooldownUntilNs;
    private double[] firedScore;
    private int[] position;
    private int[] disarmed;
    private int disarmedCount;

    Hysteresis(
        final int detector,
        final int capacity,
        final double rearmScore,
        final long cooldownNs,
        final SweepInputs inputs,
        final InstrumentTable table)
    {
        this(detector, capacity, rearmScore, cooldownNs, 0.0, inputs, table);
    }

    Hysteresis(
        final int detector,
        final int capacity,
        final double rearmScore,
        final long cooldownNs,
        final double escalation,
        final SweepInputs inputs,
        final InstrumentTable table)
    {
        this.detector = detector;
        this.rearmScore = rearmScore;
        this.cooldownNs = cooldownNs;
        this.escalation = escalation;
        this.inputs = inputs;
        this.table = table;
        phase = new byte[capacity];
        cooldownUntilNs = new long[capacity];
        firedScore = new double[capacity];
        position = new int[capacity];
        disarmed = new int[capacity];
        Arrays.fill(position, NOT_LISTED);
    }

    void ensureCapacity(final int capacity)
    {
        final int old = phase.length;
        if (capacity > old)
        {
            phase = Arrays.copyOf(phase, capacity);
            cooldownUntilNs = Arrays.copyOf(cooldownUntilNs, capacity);
            firedScore = Arrays.copyOf(firedScore, capacity);
            position = Arrays.copyOf(position, capacity);
            disarmed = Arrays.copyOf(disarmed, capacity);
            Arrays.fill(position, old, capacity, NOT_LISTED);
        }
    }

    /**
     * Whether the detector may fire for the slot: armed, enabled, and the instrument tradable.
     */
    boolean isOpen(final int slot)
    {
        return inputs.isOpen(slot, detector);
    }

    boolean isArmed(final int slot)
    {
        return ARMED == phase[slot];
    }

    /**
     * Whether a disarmed slot's score is large enough to fire again: escalation on, the detector enabled, the
     * instrument tradable, and the score at least the escalation times the score it last fired with.
     */
    boolean escalates(final int slot, final double score)
    {
        return escalation > 0.0 &&
            ARMED != phase[slot] &&
            0 != (inputs.enabledMask & (1 << detector)) &&
            table.tradable[slot] &&
            score >= escalation * firedScore[slot];
    }

    /**
     * The detector fired for the slot at {@code timeNs} with {@code score}: disarm it and start its cooldown.
     */
    void fired(final int slot, final long timeNs, final double score)
    {
        firedScore[slot] = score;
        fired(slot, timeNs);
    }

    /**
     * The detector fired for the slot at {@code timeNs}: disarm it and start its cooldown.
     */
    void fired(final int slot, final long timeNs)
    {
        phase[slot] = FIRED;
        cooldownUntilNs[slot] = timeNs + cooldownNs;
        inputs.disarm(slot, detector);
        if (NOT_LISTED == position[slot])
        {
            position[slot] = disarmedCount;
            disarmed[disarmedCount++] = slot;
        }
    }

    /**
     * Move every disarmed slot towards ARMED with its exact score at {@code timeNs}.
     *
     * @param timeNs the sweep's time.
     * @param score  the detector's exact score.
     * @return slots re-armed.
     */
    int rearm(final long timeNs, final Score score)
    {
        int rearmed = 0;
        for (int k = 0; k < disarmedCount; )
        {
            final int slot = disarmed[k];
            if (observe(slot, score, timeNs))
            {
                // Swap-remove: the last listed slot takes this place and is visited next.
                final int last = disarmed[--disarmedCount];
                disarmed[k] = last;
                position[last] = k;
                position[slot] = NOT_LISTED;
                inputs.arm(slot, detector, table.tradable[slot]);
                rearmed++;
            }
            else
            {
                k++;
            }
        }
        return rearmed;
    }

    /**
     * Disarmed slots waiting to re-arm.
     *
     * @return the count.
     */
    int disarmedCount()
    {
        return disarmedCount;
    }

    private boolean observe(final int slot, final Score score, final long timeNs)
    {
        byte p = phase[slot];
        if (FIRED == p && score.score(slot, timeNs) < rearmScore)
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
