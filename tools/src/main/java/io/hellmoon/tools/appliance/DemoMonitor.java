/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.appliance;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.hellmoon.codecs.HellmoonConfiguration.Stream;
import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.executor.ExecutionRenderer;
import io.hellmoon.router.DecisionFormatter;
import io.hellmoon.sbe.AnomalyEventDecoder;
import io.hellmoon.sbe.DecisionDecoder;
import io.hellmoon.sbe.DecisionOutcome;
import io.hellmoon.sbe.ExecType;
import io.hellmoon.sbe.ExecutionReportDecoder;
import io.hellmoon.sbe.FeedStatisticsDecoder;
import io.hellmoon.sbe.InstrumentDefinitionDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.OrderIntentDecoder;
import io.hellmoon.sbe.RegimeChangeDecoder;
import io.hellmoon.tools.latency.HopLatencies;
import io.hellmoon.tools.text.MessageFormatter;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Watches every stream of a running appliance like an operator would: prints each anomaly, decision and execution as
 * one readable line as it happens, counts everything for the closing summary, and records per-hop latency from the
 * timestamps the messages carry. Polled from one thread; a tool, not a hot path.
 */
public final class DemoMonitor implements AutoCloseable
{
    private static final int FRAGMENT_LIMIT = 256;

    private final PrintWriter out;
    private final boolean printMarketEvents;
    private final Function<String, String> strategyNames;
    private final InstrumentRegistry registry = new InstrumentRegistry();
    private final MessageFormatter formatter = new MessageFormatter(registry, false, 3);
    private final ExecutionRenderer executionRenderer = new ExecutionRenderer(registry::key);
    private final HopLatencies latencies = new HopLatencies();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final FeedStatisticsDecoder feedStatistics = new FeedStatisticsDecoder();
    private final AnomalyEventDecoder anomaly = new AnomalyEventDecoder();
    private final DecisionDecoder decision = new DecisionDecoder();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final StringBuilder line = new StringBuilder(512);

    private final Subscription md;
    private final Subscription scan;
    private final Subscription intent;
    private final Subscription exec;
    private final FragmentAssembler mdAssembler = new FragmentAssembler(
        (buffer, offset, length, header) -> onMarketData(buffer, offset, length));
    private final FragmentAssembler scanAssembler = new FragmentAssembler(
        (buffer, offset, length, header) -> onScan(buffer, offset, length));
    private final FragmentAssembler intentAssembler = new FragmentAssembler(
        (buffer, offset, length, header) -> onIntent(buffer, offset, length));
    private final FragmentAssembler execAssembler = new FragmentAssembler(
        (buffer, offset, length, header) -> onExecution(buffer, offset, length));

    private long marketDataMessages;
    private long feedFrames;
    private long feedDecodeErrors;
    private long feedGaps;
    private long feedResyncs;
    private long regimeChanges;
    private long decisionsTaken;
    private long decisionsRejected;
    private long orders;
    private long fills;
    private long orderRejects;
    private final Map<String, Long> anomaliesByType = new TreeMap<>();
    private final Map<String, Long> rejectsByReason = new TreeMap<>();

    /**
     * Subscribe to the appliance's streams.
     *
     * @param aeron             client of the appliance's driver.
     * @param out               where lines and the summary go.
     * @param printMarketEvents print anomalies, decisions and executions as they happen.
     * @param strategyNames     display name of a strategy id.
     */
    public DemoMonitor(
        final Aeron aeron,
        final PrintWriter out,
        final boolean printMarketEvents,
        final Function<String, String> strategyNames)
    {
        this.out = out;
        this.printMarketEvents = printMarketEvents;
        this.strategyNames = strategyNames;
        md = aeron.addSubscription(Stream.MD.channel(), Stream.MD.streamId());
        scan = aeron.addSubscription(Stream.SCAN.channel(), Stream.SCAN.streamId());
        intent = aeron.addSubscription(Stream.INTENT.channel(), Stream.INTENT.streamId());
        exec = aeron.addSubscription(Stream.EXEC.channel(), Stream.EXEC.streamId());
    }

    /**
     * Poll every stream once.
     *
     * @return fragments read.
     */
    public int poll()
    {
        return md.poll(mdAssembler, FRAGMENT_LIMIT * 4) + scan.poll(scanAssembler, FRAGMENT_LIMIT) +
            intent.poll(intentAssembler, FRAGMENT_LIMIT) + exec.poll(execAssembler, FRAGMENT_LIMIT);
    }

    /**
     * Whether the monitor is subscribed to a publisher on every stream it watches.
     *
     * @return true when all four streams are connected.
     */
    public boolean isConnected()
    {
        return md.isConnected() && scan.isConnected() && intent.isConnected() && exec.isConnected();
    }

    private void onMarketData(final DirectBuffer buffer, final int offset, final int length)
    {
        marketDataMessages++;
        latencies.onMessage(buffer, offset, length);
        header.wrap(buffer, offset);
        final int templateId = header.templateId();
        if (InstrumentDefinitionDecoder.TEMPLATE_ID == templateId)
        {
            registry.onDefinition(definition.wrap(
                buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version()));
        }
        else if (FeedStatisticsDecoder.TEMPLATE_ID == templateId)
        {
            feedStatistics.wrap(
                buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            feedFrames = feedStatistics.framesReceived();
            feedDecodeErrors = feedStatistics.decodeErrors();
            feedGaps = feedStatistics.gaps();
            feedResyncs = feedStatistics.resyncs();
        }
    }

    private void onScan(final DirectBuffer buffer, final int offset, final int length)
    {
        latencies.onMessage(buffer, offset, length);
        header.wrap(buffer, offset);
        if (AnomalyEventDecoder.TEMPLATE_ID == header.templateId())
        {
            anomaly.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            anomaliesByType.merge(anomaly.anomalyType().name(), 1L, Long::sum);
            print(buffer, offset, length);
        }
        else if (RegimeChangeDecoder.TEMPLATE_ID == header.templateId())
        {
            regimeChanges++;
        }
    }

    private void onIntent(final DirectBuffer buffer, final int offset, final int length)
    {
        latencies.onMessage(buffer, offset, length);
        header.wrap(buffer, offset);
        if (DecisionDecoder.TEMPLATE_ID == header.templateId())
        {
            decision.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            final boolean taken = DecisionOutcome.TAKEN == decision.outcome();
            if (taken)
            {
                decisionsTaken++;
            }
            else
            {
                decisionsRejected++;
                rejectsByReason.merge(decision.rejectReason().name(), 1L, Long::sum);
            }
            if (printMarketEvents)
            {
                decision.sbeRewind();
                out.println(clock(decision.publishTimeNs()) + "DECISION  " +
                    DecisionFormatter.format(decision, strategyNames, registry::key));
            }
        }
        else if (OrderIntentDecoder.TEMPLATE_ID == header.templateId())
        {
            orders++;
        }
    }

    private void onExecution(final DirectBuffer buffer, final int offset, final int length)
    {
        latencies.onMessage(buffer, offset, length);
        header.wrap(buffer, offset);
        if (ExecutionReportDecoder.TEMPLATE_ID == header.templateId())
        {
            report.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            final ExecType execType = report.execType();
            if (ExecType.FILL == execType || ExecType.PARTIAL_FILL == execType)
            {
                fills++;
            }
            else if (ExecType.REJECTED == execType)
            {
                orderRejects++;
            }
            if (printMarketEvents && ExecType.NEW != execType)
            {
                line.setLength(0);
                if (executionRenderer.render(buffer, offset, length, line))
                {
                    out.println(clock(report.publishTimeNs()) + "EXECUTION " + line);
                }
            }
        }
    }

    private void print(final DirectBuffer buffer, final int offset, final int length)
    {
        if (printMarketEvents)
        {
            line.setLength(0);
            out.println(formatter.format(buffer, offset, length, line));
        }
    }

    private static String clock(final long timeNs)
    {
        return String.format("%tT.%06d ", timeNs / 1_000_000, (timeNs / 1_000) % 1_000_000);
    }

    /**
     * Print the closing summary.
     *
     * @param elapsedSeconds run time.
     * @param ticks          venue frames the feed received.
     * @param latencyWarmUpSeconds how long latency recording was held off at the start.
     */
    public void printSummary(final double elapsedSeconds, final long ticks, final double latencyWarmUpSeconds)
    {
        long anomalies = 0;
        for (final long count : anomaliesByType.values())
        {
            anomalies += count;
        }
        out.println();
        out.printf("Hellmoon demo summary after %.1f s%n", elapsedSeconds);
        out.printf("  ticks                 %,d venue frames (%,.0f/s), %,d market-data messages, %d decode errors, " +
            "%d gaps, %d resyncs%n", ticks, ticks / elapsedSeconds, marketDataMessages, feedDecodeErrors, feedGaps,
            feedResyncs);
        out.printf("  anomalies             %,d %s%n", anomalies, anomaliesByType);
        out.printf("  regime changes        %,d%n", regimeChanges);
        out.printf("  decisions             %,d taken, %,d rejected %s%n", decisionsTaken, decisionsRejected,
            rejectsByReason);
        out.printf("  orders                %,d (%,d rejected by the executor)%n", orders, orderRejects);
        out.printf("  fills                 %,d%n", fills);
        out.println();
        out.printf("latency after a %.0f s warm-up, from the timestamps each message carries (one clock, one host):%n",
            latencyWarmUpSeconds);
        latencies.printSummary(out);
    }

    /**
     * Anomalies seen.
     *
     * @return the count.
     */
    public long anomalies()
    {
        long anomalies = 0;
        for (final long count : anomaliesByType.values())
        {
            anomalies += count;
        }
        return anomalies;
    }

    /**
     * Decisions taken.
     *
     * @return the count.
     */
    public long decisionsTaken()
    {
        return decisionsTaken;
    }

    /**
     * Decisions rejected.
     *
     * @return the count.
     */
    public long decisionsRejected()
    {
        return decisionsRejected;
    }

    /**
     * Fills seen.
     *
     * @return the count.
     */
    public long fills()
    {
        return fills;
    }

    /**
     * Frames the feed reported receiving in its statistics.
     *
     * @return the count.
     */
    public long feedFrames()
    {
        return feedFrames;
    }

    /**
     * The per-hop latencies.
     *
     * @return the histograms.
     */
    public HopLatencies latencies()
    {
        return latencies;
    }

    /**
     * Close the subscriptions.
     */
    public void close()
    {
        CloseHelper.closeAll(md, scan, intent, exec);
    }
}
