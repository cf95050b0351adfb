/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools;

import io.hellmoon.tools.cli.ArchiveCommand;
import io.hellmoon.tools.cli.DemoCommand;
import io.hellmoon.tools.cli.PairsCommand;
import io.hellmoon.tools.cli.FeedCommand;
import io.hellmoon.tools.cli.RecordCommand;
import io.hellmoon.tools.cli.ReplayCommand;
import io.hellmoon.tools.cli.SimExchangeCommand;
import io.hellmoon.tools.cli.StatCommand;
import io.hellmoon.tools.cli.TailCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hellmoon} command line: one executable for the demo, replays, and the tools that attach to a running
 * appliance. Each command's {@code --help} gives its usage.
 */
@Command(
    name = "hellmoon",
    mixinStandardHelpOptions = true,
    version = "hellmoon 0.1.0",
    description = "Hellmoon: a low-latency market-scanning appliance for crypto markets (SBE on Aeron).",
    subcommands = {
        ReplayCommand.class,
        DemoCommand.class,
        FeedCommand.class,
        RecordCommand.class,
        StatCommand.class,
        TailCommand.class,
        PairsCommand.class,
        ArchiveCommand.class,
        SimExchangeCommand.class,
        CommandLine.HelpCommand.class
    })
public final class HellmoonCli implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Without a command, print the usage.
     */
    public void run()
    {
        spec.commandLine().usage(System.out);
    }

    /**
     * The command line's exit code for the given arguments, without exiting; for tests and embedding.
     *
     * @param args command-line arguments.
     * @return the exit code.
     */
    public static int execute(final String... args)
    {
        return new CommandLine(new HellmoonCli())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .execute(args);
    }

    /**
     * Run the command line and exit with its status.
     *
     * @param args command-line arguments.
     */
    public static void main(final String[] args)
    {
        System.exit(execute(args));
    }
}
