/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.hellmoon.codecs.HellmoonConfiguration.Stream;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.tools.text.MessageFormatter;
import org.agrona.SystemUtil;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code hellmoon tail}: attach to a running media driver and print every message of a stream, one line (or one JSON
 * object) each.
 */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = "Print every message of a stream of a running appliance, one readable line (or JSON) each.")
public final class TailCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    AeronDirOption aeronDirOption;

    @Option(names = "--stream", paramLabel = "NAME|ID", defaultValue = "md",
        description = "Stream: md, scan, intent, exec, control, or a stream id (default: ${DEFAULT-VALUE}).")
    String stream;

    @Option(names = "--channel", paramLabel = "URI", description = "Channel (default: the stream's configured one).")
    String channel;

    @Option(names = "--type", paramLabel = "T",
        description = "Only messages of this type, e.g. Trade, BookLevels, AnomalyEvent, Decision (case ignored).")
    String type;

    @Option(names = "--symbol", paramLabel = "S",
        description = "Only messages about this symbol (SYMBOL or VENUE:SYMBOL, case ignored).")
    String symbol;

    @Option(names = "--json", description = "One JSON object per message instead of a readable line.")
    boolean json;

    @Option(names = "--levels", paramLabel = "N", defaultValue = "5",
        description = "Book levels shown per side (default: ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--count", paramLabel = "N", description = "Stop after printing N messages.")
    long count = Long.MAX_VALUE;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after this long, e.g. 30s.")
    String duration;

    @Option(names = "--instruments", paramLabel = "FILE",
        description = "Instrument registry CSV naming instruments defined before tail attached.")
    Path instruments;

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        if (!new File(aeronDirOption.aeronDir()).exists())
        {
            spec.commandLine().getErr().println("hellmoon tail: no media driver at " + aeronDirOption.aeronDir() +
                " (start one with 'hellmoon demo', or pass --aeron-dir)");
            return 1;
        }

        final Stream selected = Stream.parse(stream);
        final String resolvedChannel = null != channel ? channel : selected.channel();
        final InstrumentRegistry registry = new InstrumentRegistry();
        if (null != instruments && Files.exists(instruments))
        {
            registry.load(instruments);
        }
        final MessageFormatter formatter = new MessageFormatter(registry, json, levels);
        final PrintWriter out = spec.commandLine().getOut();
        final StringBuilder line = new StringBuilder(512);
        final AtomicBoolean running = new AtomicBoolean(true);
        final CountDownLatch stopped = new CountDownLatch(1);
        final Thread shutdownHook = new Thread(() ->
        {
            running.set(false);
            awaitQuietly(stopped);
        });
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        final long[] printed = {0};

        try (Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirOption.aeronDir()));
            Subscription subscription = aeron.addSubscription(resolvedChannel, selected.streamId()))
        {
            final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) ->
            {
                final int templateId = formatter.templateId(buffer, offset, length);
                // Learn names first, so a definition passes a symbol filter and later messages can be matched.
                formatter.learn(buffer, offset, length);
                final boolean wantedType = null == type || MessageFormatter.typeName(templateId).equalsIgnoreCase(type);
                final boolean wantedSymbol =
                    null == symbol || matchesSymbol(registry, formatter.instrumentId(buffer, offset, length));
                if (!wantedType || !wantedSymbol)
                {
                    return;
                }
                line.setLength(0);
                out.println(formatter.format(buffer, offset, length, line));
                if (++printed[0] >= count)
                {
                    running.set(false);
                }
            });

            final IdleStrategy idle = new BackoffIdleStrategy();
            final long deadlineNs = null == duration ?
                Long.MAX_VALUE : System.nanoTime() + SystemUtil.parseDuration("--duration", duration);
            while (running.get() && (Long.MAX_VALUE == deadlineNs || System.nanoTime() - deadlineNs < 0))
            {
                idle.idle(subscription.poll(assembler, 64));
            }
        }
        finally
        {
            out.flush();
            stopped.countDown();
            removeShutdownHook(shutdownHook);
        }
        return 0;
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private boolean matchesSymbol(final InstrumentRegistry registry, final int instrumentId)
    {
        final String wanted = symbol.toUpperCase(Locale.ROOT);
        return registry.contains(instrumentId) &&
            (registry.key(instrumentId).equals(wanted) || registry.symbol(instrumentId).equals(wanted));
    }

    private static void removeShutdownHook(final Thread shutdownHook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (final IllegalStateException ignore)
        {
            // the JVM is already shutting down: the hook is running and waits for this command to finish
        }
    }
}
