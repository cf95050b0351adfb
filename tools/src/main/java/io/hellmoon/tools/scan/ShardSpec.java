/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.scan;

import io.hellmoon.scanner.ScannerContext;

/**
 * Which part of the instrument universe a scanner takes: shard {@code index} of {@code count}. The rule is the
 * scanner's own ({@code hellmoon.scanner.shard.*}): an instrument belongs to the shard with
 * {@code instrumentId % count == index}, so every instrument has exactly one shard and the shards of one count never
 * overlap. Instrument ids come from the feed's registry and are stable, so an instrument stays on its shard across
 * restarts. Messages of other shards' instruments (definitions included) are read and skipped by the scanner.
 *
 * @param index this scanner's shard, 0 to count - 1.
 * @param count scanners sharing the market-data stream, 1 to 65,535.
 */
public record ShardSpec(int index, int count)
{
    /**
     * The whole universe in one scanner.
     */
    public static final ShardSpec ALL = new ShardSpec(0, 1);

    /**
     * A shard; fails fast on an impossible one.
     *
     * @param index this scanner's shard, 0 to count - 1.
     * @param count scanners sharing the market-data stream, 1 to 65,535.
     * @throws IllegalArgumentException naming what is wrong.
     */
    public ShardSpec
    {
        if (count < 1 || count > 65_535)
        {
            throw new IllegalArgumentException("shard count must be 1 to 65535: " + count);
        }
        if (index < 0 || index >= count)
        {
            throw new IllegalArgumentException("shard index must be 0 to " + (count - 1) + ": " + index);
        }
    }

    /**
     * Parse {@code i/N}, e.g. {@code 0/2}.
     *
     * @param text the shard as given on a command line.
     * @return the shard.
     * @throws IllegalArgumentException naming what is wrong.
     */
    public static ShardSpec parse(final String text)
    {
        final int slash = null == text ? -1 : text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1)
        {
            throw new IllegalArgumentException("shard must be i/N, e.g. 0/2: " + text);
        }
        try
        {
            return new ShardSpec(
                Integer.parseInt(text.substring(0, slash).trim()), Integer.parseInt(text.substring(slash + 1).trim()));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("shard must be i/N, e.g. 0/2: " + text, ex);
        }
    }

    /**
     * Whether an instrument is this shard's.
     *
     * @param instrumentId positive instrument id.
     * @return true if {@code instrumentId % count == index}.
     */
    public boolean owns(final int instrumentId)
    {
        return index == instrumentId % count;
    }

    /**
     * Set this shard on a scanner context.
     *
     * @param ctx to configure.
     * @return the context.
     */
    public ScannerContext applyTo(final ScannerContext ctx)
    {
        return ctx.shardIndex(index).shardCount(count);
    }

    /**
     * {@code i/N}.
     *
     * @return the shard as parsed.
     */
    public String toString()
    {
        return index + "/" + count;
    }
}
