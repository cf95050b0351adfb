/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.sdl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A strategy file after inheritance: its own document deep-merged over its parents'.
 *
 * @param id            strategy id, the file name without {@code .json}.
 * @param fileName      the file it came from.
 * @param schemaVersion as declared, or {@link SdlSchema#DEFAULT_VERSION} when the file has none.
 * @param name          display name: the {@code name} field, or the id when the file has none.
 * @param document      resolved document: parents' values overridden by the file's, nulls removed, without
 *                      {@code extends}; treat as read only.
 * @param lineage       the strategy's id followed by its ancestors' ids, nearest first.
 * @param isAbstract    true if it only serves as a parent.
 * @param isEnabled     false if the file says {@code "enabled": false}.
 */
public record ResolvedStrategy(
    String id,
    String fileName,
    String schemaVersion,
    String name,
    JsonNode document,
    List<String> lineage,
    boolean isAbstract,
    boolean isEnabled)
{
    /**
     * Whether the router runs this strategy.
     *
     * @return true for a concrete, enabled strategy.
     */
    public boolean isRunnable()
    {
        return !isAbstract && isEnabled;
    }
}
