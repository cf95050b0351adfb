/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.book;

import io.hellmoon.sbe.Venue;

/**
 * How a venue's diff-depth updates chain onto a snapshot and onto one another: the only venue-specific part of the
 * {@link BookManager}'s sync state machine.
 * <p>
 * A diff is described by the three ids of a {@code DepthUpdate}: {@code firstUpdateId} (Binance {@code U}, MEXC
 * {@code fromVersion}), {@code finalUpdateId} (Binance {@code u}, MEXC {@code toVersion}) and
 * {@code prevFinalUpdateId} (Binance futures {@code pu}, {@link #NULL_UPDATE_ID} when the venue sends none). Each
 * venue family is one implementation: {@link BinanceSyncRule}, {@link MexcSyncRule}.
 * <p>
 * Implementations are stateless and allocation free; they are called on the book builder's thread for every diff.
 */
public interface SyncRule
{
    /**
     * The value of an absent {@code prevFinalUpdateId}: SBE's null for an optional int64.
     */
    long NULL_UPDATE_ID = Long.MIN_VALUE;

    /**
     * Whether a diff is entirely contained in a book already at {@code bookUpdateId}, so it must be dropped: a
     * buffered diff older than the snapshot, or a late duplicate.
     *
     * @param bookUpdateId      update id of the snapshot or of the book.
     * @param firstUpdateId     of the diff.
     * @param finalUpdateId     of the diff.
     * @param prevFinalUpdateId of the diff, or {@link #NULL_UPDATE_ID}.
     * @return true to drop the diff.
     */
    boolean isStale(long bookUpdateId, long firstUpdateId, long finalUpdateId, long prevFinalUpdateId);

    /**
     * Whether a diff that is not stale may be the first one applied on top of a snapshot.
     *
     * @param snapshotUpdateId  the snapshot's {@code lastUpdateId}.
     * @param firstUpdateId     of the diff.
     * @param finalUpdateId     of the diff.
     * @param prevFinalUpdateId of the diff, or {@link #NULL_UPDATE_ID}.
     * @return true if the diff bridges the snapshot.
     */
    boolean bridges(long snapshotUpdateId, long firstUpdateId, long finalUpdateId, long prevFinalUpdateId);

    /**
     * Whether a diff directly follows the previously applied (or buffered) diff; anything else is a gap.
     *
     * @param previousFinalUpdateId {@code finalUpdateId} of the previous diff.
     * @param firstUpdateId         of the diff.
     * @param finalUpdateId         of the diff.
     * @param prevFinalUpdateId     of the diff, or {@link #NULL_UPDATE_ID}.
     * @return true if the chain is unbroken.
     */
    boolean follows(long previousFinalUpdateId, long firstUpdateId, long finalUpdateId, long prevFinalUpdateId);

    /**
     * The id of a diff that links it to its predecessor, reported as {@code receivedUpdateId} when the chain breaks.
     *
     * @param firstUpdateId     of the diff.
     * @param finalUpdateId     of the diff.
     * @param prevFinalUpdateId of the diff, or {@link #NULL_UPDATE_ID}.
     * @return the linking id.
     */
    default long linkId(final long firstUpdateId, final long finalUpdateId, final long prevFinalUpdateId)
    {
        return firstUpdateId;
    }

    /**
     * Whether a snapshot is too old for a diff that has not been dropped as stale: the diff neither is stale for the
     * snapshot nor bridges it, so updates between the two were never seen. Such a snapshot is useless; wait for a
     * newer one.
     *
     * @param snapshotUpdateId  the snapshot's {@code lastUpdateId}.
     * @param firstUpdateId     of the oldest diff kept.
     * @param finalUpdateId     of the oldest diff kept.
     * @param prevFinalUpdateId of the oldest diff kept, or {@link #NULL_UPDATE_ID}.
     * @return true if the snapshot cannot be used.
     */
    default boolean isSnapshotTooOld(
        final long snapshotUpdateId, final long firstUpdateId, final long finalUpdateId, final long prevFinalUpdateId)
    {
        return !isStale(snapshotUpdateId, firstUpdateId, finalUpdateId, prevFinalUpdateId) &&
            !bridges(snapshotUpdateId, firstUpdateId, finalUpdateId, prevFinalUpdateId);
    }

    /**
     * The rule for a venue's diff-depth streams.
     *
     * @param venue of the instrument.
     * @return the rule, or null when Hellmoon has none for the venue.
     */
    static SyncRule forVenue(final Venue venue)
    {
        if (null == venue)
        {
            return null;
        }
        return switch (venue)
        {
            case BINANCE_SPOT, BINANCE_US -> BinanceSyncRule.SPOT;
            case BINANCE_USDM, BINANCE_COINM, SYNTHETIC -> BinanceSyncRule.FUTURES;
            case MEXC_SPOT -> MexcSyncRule.SPOT;
            case MEXC_FUTURES -> MexcSyncRule.FUTURES;
            default -> null;
        };
    }
}
