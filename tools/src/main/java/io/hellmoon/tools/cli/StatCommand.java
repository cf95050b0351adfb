/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.aeron.CncFileDescriptor;
import io.hellmoon.codecs.aeron.HellmoonCounters;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.status.CountersReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.PrintWriter;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code hellmoon stat}: the appliance's counters per component, read from the media driver's counters file the way
 * Aeron's own AeronStat reads it, so it never disturbs the running processes.
 */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    description = {
        "Print the appliance's counters per component, read from a running media driver's counters file:",
        "messages, decode errors, gaps, resyncs, back pressure, drops, anomalies, decisions, orders, fills."})
public final class StatCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    AeronDirOption aeronDirOption;

    @Option(names = "--all", description = "Also print Aeron's own counters.")
    boolean all;

    @Option(names = "--watch", paramLabel = "SECONDS", description = "Print again every SECONDS until interrupted.")
    int watchSeconds;

    /**
     * {@inheritDoc}
     */
    public Integer call() throws Exception
    {
        final File cncFile = new File(aeronDirOption.aeronDir(), CncFileDescriptor.CNC_FILE);
        if (!cncFile.exists())
        {
            spec.commandLine().getErr().println("hellmoon stat: no media driver at " + aeronDirOption.aeronDir() +
                " (start one with 'hellmoon demo', or pass --aeron-dir)");
            return 1;
        }

        final MappedByteBuffer cncByteBuffer = IoUtil.mapExistingFile(cncFile, "cnc");
        try
        {
            final DirectBuffer metaData = CncFileDescriptor.createMetaDataBuffer(cncByteBuffer);
            final int cncVersion = metaData.getInt(CncFileDescriptor.cncVersionOffset(0));
            CncFileDescriptor.checkVersion(cncVersion);
            final CountersReader counters = new CountersReader(
                CncFileDescriptor.createCountersMetaDataBuffer(cncByteBuffer, metaData),
                CncFileDescriptor.createCountersValuesBuffer(cncByteBuffer, metaData),
                StandardCharsets.US_ASCII);

            do
            {
                print(counters, spec.commandLine().getOut());
                spec.commandLine().getOut().flush();
                if (watchSeconds > 0)
                {
                    Thread.sleep(watchSeconds * 1000L);
                }
            }
            while (watchSeconds > 0 && !Thread.currentThread().isInterrupted());
        }
        finally
        {
            IoUtil.unmap(cncByteBuffer);
        }
        return 0;
    }

    /**
     * Print Hellmoon counters grouped by the component prefix of their labels ({@code "feed md: dropped"} is in
     * group {@code feed md}).
     *
     * @param counters to read.
     * @param out      to print to.
     */
    void print(final CountersReader counters, final PrintWriter out)
    {
        final Map<String, List<String>> groups = new TreeMap<>();
        counters.forEach((counterId, typeId, keyBuffer, label) ->
        {
            if (HellmoonCounters.isHellmoon(typeId) || all)
            {
                final int colon = label.indexOf(": ");
                final String group = HellmoonCounters.isHellmoon(typeId) ?
                    (colon > 0 ? label.substring(0, colon) : label) : "aeron";
                final String name = colon > 0 && HellmoonCounters.isHellmoon(typeId) ? label.substring(colon + 2) : label;
                groups.computeIfAbsent(group, k -> new ArrayList<>())
                    .add(String.format("  %-48s %,20d", name, counters.getCounterValue(counterId)));
            }
        });

        if (groups.isEmpty())
        {
            out.println("no Hellmoon counters in " + aeronDirOption.aeronDir() + " (is an appliance running?)");
            return;
        }
        for (final Map.Entry<String, List<String>> group : groups.entrySet())
        {
            out.println(group.getKey());
            group.getValue().forEach(out::println);
        }
        out.println();
    }
}
