/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner.pairs;

/**
 * How the augmented Dickey-Fuller test chooses its number of lagged differences.
 */
public enum LagSelection
{
    /**
     * The lag count in {@code 0..maxLags} with the smallest Akaike information criterion, every candidate fitted on
     * the same sample (the one of {@code maxLags}), then refitted on its own longer sample: statsmodels'
     * {@code adfuller(autolag="AIC")}.
     */
    AIC,

    /**
     * Exactly {@code maxLags} lagged differences.
     */
    FIXED
}
