/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.hellmoon.tools.quality.BurstInjector;
import io.hellmoon.tools.quality.DetectionQualityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hellmoon quality}: {@link DetectionQualityReport} on the given captures.
 */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    description = {
        "Measure detection quality: false alarms per detector and symbol-hour on the captures as they are, and",
        "recall and latency of injected volume bursts (factor x the 99th-percentile one-second volume)."})
public final class QualityCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--factor", defaultValue = "5", description = "Burst size over the p99 one-second volume.")
    double factor;

    @Option(names = "--first", paramLabel = "MS", defaultValue = "90000",
        description = "First burst this long after a symbol's first trade.")
    long firstMs;

    @Option(names = "--spacing", paramLabel = "MS", defaultValue = "75000", description = "Between bursts.")
    long spacingMs;

    @Option(names = "--bursts", paramLabel = "N", defaultValue = "4", description = "Most bursts per symbol.")
    int bursts;

    @Option(names = "--work", paramLabel = "DIR", description = "For injected copies and JSONL (default: temp).")
    Path work;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Capture files.")
    List<Path> files;

    /**
     * {@inheritDoc}
     */
    public Integer call() throws Exception
    {
        final BurstInjector injector;
        try
        {
            injector = new BurstInjector().factor(factor).schedule(firstMs, spacingMs, bursts);
        }
        catch (final IllegalArgumentException ex)
        {
            spec.commandLine().getErr().println("hellmoon quality: " + ex.getMessage());
            return 2;
        }
        final Path workDir = null != work ? work : Files.createTempDirectory("hellmoon-quality");
        DetectionQualityReport.print(DetectionQualityReport.evaluate(files, workDir, injector), System.out);
        System.out.println("files in " + workDir);
        return 0;
    }
}
