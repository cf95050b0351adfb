/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.latency;

import io.hellmoon.codecs.SbeHandler;
import io.hellmoon.sbe.AnomalyEventDecoder;
import io.hellmoon.sbe.BestBidOfferDecoder;
import io.hellmoon.sbe.BookLevelsDecoder;
import io.hellmoon.sbe.DecisionDecoder;
import io.hellmoon.sbe.DepthUpdateDecoder;
import io.hellmoon.sbe.ExecType;
import io.hellmoon.sbe.ExecutionReportDecoder;
import io.hellmoon.sbe.MessageHeaderDecoder;
import io.hellmoon.sbe.TradeDecoder;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * Per-hop latency of the pipeline, measured from the timestamps every message carries, so a subscriber anywhere can
 * trace a tick through the appliance without instrumenting the components:
 * <ul>
 *     <li>feed: a market-data message's publish time minus the time its bytes were received;</li>
 *     <li>scanner: an anomaly's publish time minus the publish time of the market-data message that triggered it;</li>
 *     <li>router: a decision's publish time minus its anomaly's publish time;</li>
 *     <li>executor: an execution report's publish time minus its order intent's publish time;</li>
 *     <li>tick-to-fill: a fill's publish time minus the receive time of the tick that started the chain.</li>
 * </ul>
 * Values are recorded in HdrHistograms (nanoseconds, 3 significant digits, up to 60 s). Only meaningful when all
 * timestamps come from one clock: one host, live or synthetic data (a replay's receive times are the recording's).
 * Allocation free per message.
 */
public final class HopLatencies implements SbeHandler
{
    /**
     * The hops measured, in pipeline order.
     */
    public enum Hop
    {
        /**
         * Venue bytes received to market-data message published.
         */
        FEED("feed (receive -> md publish)"),

        /**
         * Market-data message published to anomaly published.
         */
        SCANNER("scanner (md -> anomaly)"),

        /**
         * Anomaly published to decision published.
         */
        ROUTER("router (anomaly -> decision)"),

        /**
         * Order intent published to execution report published.
         */
        EXECUTOR("executor (intent -> execution)"),

        /**
         * Tick received to fill published.
         */
        TICK_TO_FILL("tick-to-fill (receive -> fill)");

        private final String label;

        Hop(final String label)
        {
            this.label = label;
        }

        /**
         * Human-readable name of the hop.
         *
         * @return the label.
         */
        public String label()
        {
            return label;
        }
    }

    private static final long HIGHEST_TRACKABLE_NS = TimeUnit.SECONDS.toNanos(60);

    private final Histogram[] histograms = new Histogram[Hop.values().length];
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final BestBidOfferDecoder bbo = new BestBidOfferDecoder();
    private final BookLevelsDecoder bookLevels = new BookLevelsDecoder();
    private final DepthUpdateDecoder depthUpdate = new DepthUpdateDecoder();
    private final AnomalyEventDecoder anomaly = new AnomalyEventDecoder();
    private final DecisionDecoder decision = new DecisionDecoder();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();

    /**
     * Empty histograms.
     */
    public HopLatencies()
    {
        for (int i = 0; i < histograms.length; i++)
        {
            histograms[i] = new Histogram(HIGHEST_TRACKABLE_NS, 3);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        if (MessageHeaderDecoder.SCHEMA_ID != header.schemaId())
        {
            return;
        }

        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case TradeDecoder.TEMPLATE_ID ->
            {
                trade.wrap(buffer, body, blockLength, version);
                record(Hop.FEED, trade.publishTimeNs() - trade.receiveTimeNs());
            }
            case BestBidOfferDecoder.TEMPLATE_ID ->
            {
                bbo.wrap(buffer, body, blockLength, version);
                record(Hop.FEED, bbo.publishTimeNs() - bbo.receiveTimeNs());
            }
            case BookLevelsDecoder.TEMPLATE_ID ->
            {
                bookLevels.wrap(buffer, body, blockLength, version);
                record(Hop.FEED, bookLevels.publishTimeNs() - bookLevels.receiveTimeNs());
            }
            case DepthUpdateDecoder.TEMPLATE_ID ->
            {
                depthUpdate.wrap(buffer, body, blockLength, version);
                record(Hop.FEED, depthUpdate.publishTimeNs() - depthUpdate.receiveTimeNs());
            }
            case AnomalyEventDecoder.TEMPLATE_ID ->
            {
                anomaly.wrap(buffer, body, blockLength, version);
                record(Hop.SCANNER, anomaly.publishTimeNs() - anomaly.sourcePublishTimeNs());
            }
            case DecisionDecoder.TEMPLATE_ID ->
            {
                decision.wrap(buffer, body, blockLength, version);
                record(Hop.ROUTER, decision.publishTimeNs() - decision.sourcePublishTimeNs());
            }
            case ExecutionReportDecoder.TEMPLATE_ID ->
            {
                report.wrap(buffer, body, blockLength, version);
                record(Hop.EXECUTOR, report.publishTimeNs() - report.sourcePublishTimeNs());
                final ExecType execType = report.execType();
                if (ExecType.FILL == execType || ExecType.PARTIAL_FILL == execType)
                {
                    record(Hop.TICK_TO_FILL, report.publishTimeNs() - report.receiveTimeNs());
                }
            }
            default ->
            {
            }
        }
    }

    /**
     * Record one value, clamped to the trackable range; clocks that step backwards record zero.
     *
     * @param hop     measured.
     * @param valueNs nanoseconds.
     */
    public void record(final Hop hop, final long valueNs)
    {
        histograms[hop.ordinal()].recordValue(Math.max(0, Math.min(valueNs, HIGHEST_TRACKABLE_NS)));
    }

    /**
     * Forget everything recorded so far, e.g. at the end of a warm-up.
     */
    public void reset()
    {
        for (final Histogram histogram : histograms)
        {
            histogram.reset();
        }
    }

    /**
     * The histogram of a hop.
     *
     * @param hop measured.
     * @return its histogram in nanoseconds.
     */
    public Histogram histogram(final Hop hop)
    {
        return histograms[hop.ordinal()];
    }

    /**
     * Print a table of count and p50/p99/p99.9/max in microseconds per hop.
     *
     * @param out to print to.
     */
    public void printSummary(final PrintWriter out)
    {
        out.printf("%-34s %10s %10s %10s %10s %10s%n", "hop latency (us)", "count", "p50", "p99", "p99.9", "max");
        for (final Hop hop : Hop.values())
        {
            final Histogram h = histograms[hop.ordinal()];
            if (0 == h.getTotalCount())
            {
                out.printf("%-34s %10d %10s %10s %10s %10s%n", hop.label(), 0, "-", "-", "-", "-");
            }
            else
            {
                out.printf("%-34s %10d %10.1f %10.1f %10.1f %10.1f%n", hop.label(), h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                    h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
            }
        }
    }
}
