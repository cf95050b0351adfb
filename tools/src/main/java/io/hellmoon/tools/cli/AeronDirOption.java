/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.aeron.CommonContext;
import picocli.CommandLine.Option;

/**
 * The media driver directory option shared by commands that attach to a running appliance.
 */
public final class AeronDirOption
{
    @Option(
        names = "--aeron-dir",
        paramLabel = "DIR",
        description = "Media driver directory (default: ${DEFAULT-VALUE}; set by -Daeron.dir too).")
    String aeronDir = CommonContext.getAeronDirectoryName();

    /**
     * The directory.
     *
     * @return the path.
     */
    public String aeronDir()
    {
        return aeronDir;
    }
}
