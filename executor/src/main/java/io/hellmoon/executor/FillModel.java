/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

/**
 * How the paper venue turns visible liquidity and prints into fills. Chosen by configuration
 * ({@link ExecutorConfiguration#FILL_MODEL_PROP_NAME}) or given to {@link ExecutorContext#fillModel(FillModel)}.
 * <p>
 * What every model shares, and the venue does regardless of the model: an aggressive order walks the opposite side
 * of the book from the best price, never beyond its limit price nor its slippage cap; every fill is a multiple of
 * the instrument's step size; a resting order fills at its own limit price as maker, and never on a print at its
 * price (queue position is unknown), only through it. Implementations are called on the hot path: they must not
 * allocate.
 */
public interface FillModel
{
    /**
     * Name of the {@link RealisticFillModel} in configuration.
     */
    String REALISTIC = "realistic";

    /**
     * Name of the {@link ConservativeFillModel} in configuration.
     */
    String CONSERVATIVE = "conservative";

    /**
     * Quantity an aggressive order may take from one visible level.
     *
     * @param displayedSize size shown at the level, after any earlier paper fills against it.
     * @param stepSize      of the instrument, 0 when unknown; the result must be a multiple of it.
     * @return quantity in {@code [0, displayedSize]}.
     */
    long takeFromLevel(long displayedSize, long stepSize);

    /**
     * Quantity a resting order gets when a trade prints strictly through its limit price.
     *
     * @param leavesQuantity of the resting order.
     * @param tradeSize      of the print.
     * @param stepSize       of the instrument, 0 when unknown; the result must be a multiple of it.
     * @return quantity in {@code [0, leavesQuantity]}.
     */
    long fillOnTradeThrough(long leavesQuantity, long tradeSize, long stepSize);

    /**
     * Whether a resting order fills against the opposite side's displayed size once that side reaches its limit
     * price (an ask at or below a resting bid): the venue would have matched them.
     *
     * @return true if quotes reaching the limit fill it.
     */
    boolean fillsWhenQuoteReaches();

    /**
     * Name of the model, for logs and the README.
     *
     * @return the name.
     */
    String name();
}
