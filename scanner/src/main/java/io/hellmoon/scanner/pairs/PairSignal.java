/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

/**
 * What a pairs anomaly event signals. On the wire it is told by the event's {@code THRESHOLD} feature, the |z| level
 * crossed (the context guarantees exit &lt; entry &lt; stop), and by its direction (NEUTRAL only for an exit).
 */
public enum PairSignal
{
    /**
     * |z| crossed the entry level from flat: trade the spread back to its mean.
     */
    ENTRY,

    /**
     * The spread reverted to the exit band (or beyond): close the position.
     */
    EXIT,

    /**
     * The spread diverged past the stop level while in a position: the model is broken, close at a loss.
     */
    STOP
}
