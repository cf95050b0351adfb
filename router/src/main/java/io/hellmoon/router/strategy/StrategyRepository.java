/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.strategy;

import io.hellmoon.router.sdl.LoadResult;
import io.hellmoon.router.sdl.ResolvedStrategy;
import io.hellmoon.router.sdl.SdlError;
import io.hellmoon.router.sdl.StrategyLoadException;
import io.hellmoon.router.sdl.StrategyLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The strategies of one folder, loaded, validated and compiled, with hot reload.
 * <p>
 * {@link #current()} is a volatile read of an immutable {@link StrategySet}, so the router's thread always sees a
 * whole set. {@link #reload()} may run on any thread (the router's, on a control command, or a folder watcher's):
 * it loads and compiles the folder off to the side and swaps the new set in only if every file is valid; otherwise
 * the old set stays and the result says why. Reloads are serialised.
 */
public final class StrategyRepository
{
    private final Path folder;
    private final StrategyDefaults defaults;
    private final StrategyLoader loader = new StrategyLoader();
    private final Map<String, Integer> ordinals = new HashMap<>();
    private volatile StrategySet current;
    private long generation;

    /**
     * Load a folder.
     *
     * @param folder   of {@code *.json} strategy files.
     * @param defaults for fields the files leave out.
     * @throws StrategyLoadException listing every error when the folder is not valid.
     */
    public StrategyRepository(final Path folder, final StrategyDefaults defaults)
    {
        this.folder = folder;
        this.defaults = defaults;
        this.current = StrategySet.empty();
        final ReloadResult result = reload();
        if (!result.success())
        {
            throw new StrategyLoadException(folder.toString(), result.errors());
        }
    }

    /**
     * The set in use; a volatile read, allocation free.
     *
     * @return the current set.
     */
    public StrategySet current()
    {
        return current;
    }

    /**
     * The folder.
     *
     * @return the path.
     */
    public Path folder()
    {
        return folder;
    }

    /**
     * The defaults strategies are compiled with.
     *
     * @return the defaults.
     */
    public StrategyDefaults defaults()
    {
        return defaults;
    }

    /**
     * Load the folder again and swap the result in if it is valid.
     *
     * @return the outcome; on failure the previous set is kept.
     */
    public synchronized ReloadResult reload()
    {
        final LoadResult result = loader.load(folder);
        if (!result.isValid())
        {
            return new ReloadResult(false, current, result.errors(), folder.toString());
        }

        final List<CompiledStrategy> compiled = new ArrayList<>();
        try
        {
            for (final ResolvedStrategy strategy : result.strategies())
            {
                if (strategy.isRunnable())
                {
                    final int ordinal = ordinals.computeIfAbsent(strategy.id(), (id) -> ordinals.size());
                    compiled.add(StrategyCompiler.compile(strategy, defaults, ordinal));
                }
            }
        }
        catch (final RuntimeException ex)
        {
            return new ReloadResult(false, current,
                List.of(new SdlError(folder.toString(), "$", "cannot compile: " + ex)), folder.toString());
        }

        final StrategySet set = new StrategySet(compiled, ++generation);
        current = set;
        return new ReloadResult(true, set, List.of(), folder.toString());
    }
}
