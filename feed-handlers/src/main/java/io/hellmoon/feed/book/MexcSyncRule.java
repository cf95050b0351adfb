/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.book;

/**
 * MEXC's diff-depth rules, for spot and for futures. Both chain pushes by version: a push's first version must be the
 * previous push's last version + 1. With {@code L} the REST snapshot's version and {@code [from, to]} a push's
 * versions (a futures push is one version, {@code from == to}):
 *
 * <table>
 *     <caption>Sync rules</caption>
 *     <tr><th></th><th>{@link #SPOT} ({@code spot@public.aggre.depth})</th><th>{@link #FUTURES}
 *     ({@code push.depth})</th></tr>
 *     <tr><td>drop</td><td>{@code to < L}</td><td>{@code version <= L}</td></tr>
 *     <tr><td>first applied</td><td>{@code from <= L <= to}</td><td>{@code version == L + 1}</td></tr>
 *     <tr><td>then</td><td>{@code from == previous to + 1}</td><td>{@code version == previous version + 1}</td></tr>
 * </table>
 * <p>
 * Spot follows MEXC's spot procedure to the letter: a push whose range contains the snapshot's version is the first
 * applied (its levels are absolute quantities, so re-applying the part the snapshot already holds is harmless), and a
 * push starting after {@code L} means the snapshot is too old. The one case where that is stricter than needed, a
 * buffer whose oldest push starts exactly at {@code L + 1}, costs a new snapshot rather than trusting a reading of the
 * snapshot's version the venue does not document. Futures follow MEXC's contract procedure: apply what is newer than
 * the snapshot, and every push must be the next version.
 */
public enum MexcSyncRule implements SyncRule
{
    /**
     * MEXC spot v3: {@code fromVersion}/{@code toVersion} ranges.
     */
    SPOT
    {
        /**
         * {@inheritDoc}
         */
        public boolean isStale(
            final long bookUpdateId, final long firstUpdateId, final long finalUpdateId, final long prevFinalUpdateId)
        {
            return finalUpdateId < bookUpdateId;
        }

        /**
         * {@inheritDoc}
         */
        public boolean bridges(
            final long snapshotUpdateId,
            final long firstUpdateId,
            final long finalUpdateId,
            final long prevFinalUpdateId)
        {
            return firstUpdateId <= snapshotUpdateId && snapshotUpdateId <= finalUpdateId;
        }
    },

    /**
     * MEXC futures: one version per push.
     */
    FUTURES
    {
        /**
         * {@inheritDoc}
         */
        public boolean isStale(
            final long bookUpdateId, final long firstUpdateId, final long finalUpdateId, final long prevFinalUpdateId)
        {
            return finalUpdateId <= bookUpdateId;
        }

        /**
         * {@inheritDoc}
         */
        public boolean bridges(
            final long snapshotUpdateId,
            final long firstUpdateId,
            final long finalUpdateId,
            final long prevFinalUpdateId)
        {
            return firstUpdateId <= snapshotUpdateId + 1 && snapshotUpdateId + 1 <= finalUpdateId;
        }
    };

    /**
     * {@inheritDoc}
     */
    public boolean follows(
        final long previousFinalUpdateId,
        final long firstUpdateId,
        final long finalUpdateId,
        final long prevFinalUpdateId)
    {
        return firstUpdateId == previousFinalUpdateId + 1;
    }
}
