/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the {@code hellmoon} command line in-process and captures what it prints.
 *
 * @param exitCode the command's exit code.
 * @param out      what it printed on standard output.
 * @param err      what it printed on standard error.
 */
record CliRun(int exitCode, String out, String err)
{
    static CliRun run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = new CommandLine(new HellmoonCli())
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
