/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.book;

/**
 * Binance's diff-depth rules ("How to manage a local order book correctly"), for spot and for futures. With
 * {@code L} the snapshot's {@code lastUpdateId}, {@code U}/{@code u} a diff's first and final update ids and
 * {@code pu} its previous final update id:
 *
 * <table>
 *     <caption>Sync rules</caption>
 *     <tr><th></th><th>{@link #SPOT} (and Binance.US)</th><th>{@link #FUTURES} (USD-M, COIN-M, synthetic)</th></tr>
 *     <tr><td>drop</td><td>{@code u <= L}</td><td>{@code u < L}</td></tr>
 *     <tr><td>first applied</td><td>{@code U <= L + 1 <= u}</td><td>{@code U <= L <= u}</td></tr>
 *     <tr><td>then</td><td>{@code U == previous u + 1}</td><td>{@code pu == previous u}</td></tr>
 * </table>
 * <p>
 * A snapshot is too old when the oldest buffered diff neither is dropped by it nor bridges it: for spot
 * {@code L + 1 < U}, for futures {@code L < U}. (Binance's spot page words this step as "{@code L} strictly less than
 * the first {@code U}"; the one case where the two differ, {@code L + 1 == U}, is a diff that does bridge the
 * snapshot by the page's own next step, so it is accepted.)
 */
public enum BinanceSyncRule implements SyncRule
{
    /**
     * Spot and Binance.US: update ids are contiguous across diffs.
     */
    SPOT
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
    },

    /**
     * USD-M and COIN-M futures (and the synthetic market, which imitates them): ids are not contiguous, each diff
     * names its predecessor's final id in {@code pu}.
     */
    FUTURES
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

        /**
         * {@inheritDoc}
         */
        public boolean follows(
            final long previousFinalUpdateId,
            final long firstUpdateId,
            final long finalUpdateId,
            final long prevFinalUpdateId)
        {
            return NULL_UPDATE_ID != prevFinalUpdateId && prevFinalUpdateId == previousFinalUpdateId;
        }

        /**
         * {@inheritDoc}
         */
        public long linkId(final long firstUpdateId, final long finalUpdateId, final long prevFinalUpdateId)
        {
            return prevFinalUpdateId;
        }
    }
}
