/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable set of compiled strategies, ordered by priority (highest first) then id, with an index from anomaly
 * type to the strategies it triggers. A reload builds a new set and swaps it in whole; a decision uses one set from
 * start to end.
 */
public final class StrategySet
{
    private static final int[] NONE = new int[0];

    private final CompiledStrategy[] strategies;
    private final int[][] byAnomalyType = new int[CompiledStrategy.ANOMALY_TYPE_SLOTS][];
    private final Map<String, CompiledStrategy> byId = new LinkedHashMap<>();
    private final long generation;
    private final int ordinalLimit;

    /**
     * A set of strategies.
     *
     * @param strategies compiled strategies, in any order.
     * @param generation increments with every successful load of a repository.
     */
    public StrategySet(final List<CompiledStrategy> strategies, final long generation)
    {
        final List<CompiledStrategy> sorted = new ArrayList<>(strategies);
        sorted.sort(Comparator.comparingInt(CompiledStrategy::priority).reversed()
            .thenComparing(CompiledStrategy::id));
        this.strategies = sorted.toArray(new CompiledStrategy[0]);
        this.generation = generation;

        int limit = 0;
        for (final CompiledStrategy strategy : this.strategies)
        {
            byId.put(strategy.id(), strategy);
            limit = Math.max(limit, strategy.ordinal() + 1);
        }
        this.ordinalLimit = limit;

        for (int type = 0; type < CompiledStrategy.ANOMALY_TYPE_SLOTS; type++)
        {
            int count = 0;
            final int[] indexes = new int[this.strategies.length];
            for (int i = 0; i < this.strategies.length; i++)
            {
                if (this.strategies[i].handles(type))
                {
                    indexes[count++] = i;
                }
            }
            byAnomalyType[type] = 0 == count ? NONE : Arrays.copyOf(indexes, count);
        }
    }

    /**
     * An empty set.
     *
     * @return a set with no strategies.
     */
    public static StrategySet empty()
    {
        return new StrategySet(List.of(), 0);
    }

    /**
     * Number of strategies.
     *
     * @return the count.
     */
    public int size()
    {
        return strategies.length;
    }

    /**
     * A strategy by position.
     *
     * @param index from 0, in priority order.
     * @return the strategy.
     */
    public CompiledStrategy get(final int index)
    {
        return strategies[index];
    }

    /**
     * Positions of the strategies an anomaly type triggers, in priority order.
     *
     * @param anomalyTypeRaw raw SBE value.
     * @return the positions; empty when none. Do not modify.
     */
    public int[] forAnomalyType(final int anomalyTypeRaw)
    {
        return anomalyTypeRaw >= 0 && anomalyTypeRaw < byAnomalyType.length ? byAnomalyType[anomalyTypeRaw] : NONE;
    }

    /**
     * A strategy by id; not for the hot path.
     *
     * @param id strategy id.
     * @return the strategy, or null.
     */
    public CompiledStrategy byId(final String id)
    {
        return byId.get(id);
    }

    /**
     * All strategies, in priority order; not for the hot path.
     *
     * @return a read-only list.
     */
    public List<CompiledStrategy> strategies()
    {
        return Collections.unmodifiableList(Arrays.asList(strategies));
    }

    /**
     * Generation of the load that built this set.
     *
     * @return the generation, 0 for the empty set.
     */
    public long generation()
    {
        return generation;
    }

    /**
     * One more than the highest strategy ordinal, to size per-strategy state.
     *
     * @return the limit.
     */
    public int ordinalLimit()
    {
        return ordinalLimit;
    }
}
