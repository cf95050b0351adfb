/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

/**
 * One of the scanner's detectors as the sweep drives it. Each detector owns its per-instrument state, keeps its
 * columns of {@link SweepInputs} current from the tick path, and has its own {@link Hysteresis}.
 * <p>
 * The sweep first lets every detector re-arm its disarmed slots ({@link #rearm}), then runs the kernel, then hands
 * each candidate slot to the detectors whose bits are set ({@link #onCandidate}), in slot order and, within a slot,
 * in detector order; a candidate is confirmed from the exact (double) state before it fires.
 */
interface Detector extends Hysteresis.Score
{
    /**
     * The detector's bit in {@link SweepInputs} (its anomaly type's value minus 1).
     *
     * @return the index.
     */
    int index();

    /**
     * Re-arm disarmed slots whose exact score dipped and whose cooldown passed.
     *
     * @param sweepTimeNs the sweep's time.
     */
    void rearm(long sweepTimeNs);

    /**
     * The kernel found the slot over threshold and armed: confirm from the exact state and fire.
     *
     * @param slot        of the instrument.
     * @param sweepTimeNs the sweep's time.
     */
    void onCandidate(int slot, long sweepTimeNs);

    /**
     * Grow per-slot state. Allocates; warm-up only.
     *
     * @param capacity slots needed.
     */
    void ensureCapacity(int capacity);
}
