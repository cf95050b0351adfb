/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

/**
 * Deterministic terms of a unit-root test regression, in MacKinnon's notation.
 */
public enum Deterministic
{
    /**
     * No constant ({@code "n"}): the Engle-Granger residual test, whose residuals already have mean zero.
     */
    NONE(0),

    /**
     * A constant ({@code "c"}).
     */
    CONSTANT(1);

    private final int termCount;

    Deterministic(final int termCount)
    {
        this.termCount = termCount;
    }

    /**
     * Number of deterministic regressors the term adds.
     *
     * @return 0 or 1.
     */
    public int termCount()
    {
        return termCount;
    }
}
