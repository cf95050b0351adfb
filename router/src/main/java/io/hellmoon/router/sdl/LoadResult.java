/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.sdl;

import java.nio.file.Path;
import java.util.List;

/**
 * What loading a strategy folder found: the strategies that resolved and every error in every file. A folder is
 * only usable when it has no errors at all; a router never runs part of a broken folder.
 *
 * @param folder     that was loaded.
 * @param strategies every file that validated, abstract and disabled ones included, in file-name order.
 * @param errors     every error, in file-name order.
 */
public record LoadResult(Path folder, List<ResolvedStrategy> strategies, List<SdlError> errors)
{
    /**
     * Whether the folder loaded without any error.
     *
     * @return true if valid.
     */
    public boolean isValid()
    {
        return errors.isEmpty();
    }

    /**
     * A strategy by id.
     *
     * @param id strategy id.
     * @return the strategy, or null.
     */
    public ResolvedStrategy get(final String id)
    {
        for (final ResolvedStrategy strategy : strategies)
        {
            if (strategy.id().equals(id))
            {
                return strategy;
            }
        }
        return null;
    }

    /**
     * Throw if any error was found.
     *
     * @return this, when valid.
     * @throws StrategyLoadException listing every error.
     */
    public LoadResult orThrow()
    {
        if (!errors.isEmpty())
        {
            throw new StrategyLoadException(folder.toString(), errors);
        }
        return this;
    }
}
