/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.strategy;

import io.hellmoon.router.sdl.SdlError;
import io.hellmoon.router.sdl.StrategyLoadException;

import java.util.List;

/**
 * Outcome of a reload.
 *
 * @param success true if the new set was swapped in.
 * @param active  the set in use afterwards: the new one, or the old one kept after a failure.
 * @param errors  why the reload failed; empty on success.
 * @param folder  that was loaded.
 */
public record ReloadResult(boolean success, StrategySet active, List<SdlError> errors, String folder)
{
    /**
     * A readable summary: the strategies loaded, or every error.
     *
     * @return the text.
     */
    public String describe()
    {
        if (success)
        {
            return "loaded " + active.size() + " strategies from " + folder + " (generation " + active.generation() +
                ")";
        }
        return "reload failed, keeping generation " + active.generation() + ": " +
            StrategyLoadException.describe(folder, errors);
    }
}
