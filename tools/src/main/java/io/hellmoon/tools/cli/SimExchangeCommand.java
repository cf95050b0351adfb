/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import io.hellmoon.feed.replay.ReplaySpeed;
import io.hellmoon.feed.sim.DurationText;
import io.hellmoon.feed.sim.FaultSpec;
import io.hellmoon.feed.sim.SimExchange;
import io.hellmoon.feed.sim.SimVenue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code hellmoon sim-exchange}: a local exchange speaking a venue's real protocols over loopback, serving recorded
 * captures or the synthetic market with injectable faults, so feed handlers ({@code hellmoon feed}) can be proven
 * without the internet. The simulator itself is {@link SimExchange}; this command wires its options and prints its
 * log and counters.
 */
@Command(
    name = "sim-exchange",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Run a local exchange that speaks a venue's real wire protocols over loopback.",
        "",
        "Binance venues (binance-spot, binance-usdm, binance-coinm): WebSocket streams at /ws/<stream>[/<stream>...]",
        "(raw) and /stream?streams=a/b/c (combined envelopes, byte for byte as recorded), live SUBSCRIBE,",
        "UNSUBSCRIBE, LIST_SUBSCRIPTIONS, SET_PROPERTY/GET_PROPERTY \"combined\" with Binance's errors; 5 (spot) or 10",
        "(futures) incoming messages per second and 1024 streams per connection; server pings (spot 20 s, futures",
        "3 min) with a pong timeout; a 24 h connection lifetime. REST: /api/v3, /fapi/v1 or /dapi/v1 + /depth?symbol=",
        "&limit=, /exchangeInfo, /ping, /time, with X-MBX-USED-WEIGHT-1M and 429/418 with Retry-After.",
        "",
        "mexc-futures: WebSocket at /edge: sub.deal, sub.depth, sub.ticker, sub.kline (Min1) and unsub.*, answered",
        "rs.sub.*; {\"method\":\"ping\"} answered {\"channel\":\"pong\",\"data\":<ms>}, a minute without ping",
        "closes the connection; push.deal/depth/ticker/kline with numbers. REST: /api/v1/contract/depth/{symbol},",
        "/detail, /ping.",
        "",
        "Sources: --replay serves hftbacktest files ('<receive ns> <json>', gzip or plain) and cryptofeed sessions",
        "(X.ws.N.M with X.http and X.0 beside it) at --speed, on one timeline: a client that connects late joins the",
        "stream where it is. REST depth is the book at that moment of the stream with a lastUpdateId Binance's sync",
        "procedure bridges (spot: the last diff's u; futures: inside the next diff's [U, u]). Without --replay, the",
        "synthetic market (USD-M style; for binance-usdm and mexc-futures) runs in real time.",
        "",
        "Faults (--faults, comma-separated; durations like 500ms, 4s, 2m):",
        "  disconnect-every=D   close every client connection at each multiple of D (no close frame)",
        "  stall-every=D        stop sending data and pings for stall-length at each multiple of D; the socket",
        "                       stays open and the data of the stall is lost",
        "  stall-length=D       length of each stall (default 5s, or half of stall-every if shorter)",
        "  drop-diff-every=N    skip every Nth depth diff on the wire (REST snapshots still include it)",
        "  garbage-every=N      send a malformed frame (the first half of the frame) before every Nth data frame",
        "  slow-snapshot=D      delay REST depth replies by D (the book is taken when the request arrives)",
        "  throttle=N           answer 429 with Retry-After beyond N REST requests per minute",
        "  ban[=D]              answer 418 with Retry-After D (default 120s) to every REST request",
        ""},
    footer = {
        "",
        "Examples:",
        "  hellmoon sim-exchange --venue binance-usdm --port 9443 \\",
        "      --replay ../shared/data/binance/captures/usdm/*.gz \\",
        "      --speed 20x --faults disconnect-every=4s,drop-diff-every=700",
        "  hellmoon sim-exchange --venue mexc-futures --port 0 --ports-file ports.json --synthetic 2000"})
public final class SimExchangeCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--venue", paramLabel = "V", required = true,
        description = "binance-spot, binance-usdm, binance-coinm or mexc-futures.")
    String venue;

    @Option(names = "--port", paramLabel = "P", required = true,
        description = "WebSocket port (and REST unless --rest-port differs); 0 for any free port.")
    int port;

    @Option(names = "--rest-port", paramLabel = "P2",
        description = "REST on its own port (0 for any free port); default: the --port.")
    Integer restPort;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
        description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--replay", paramLabel = "FILE", arity = "1..*",
        description = "Serve these captures (instead of the synthetic market).")
    List<Path> replay;

    @Option(names = "--speed", paramLabel = "1x|Nx|max", defaultValue = "1x",
        description = "Replay speed: as recorded, N times faster, or as fast as clients take it (default: " +
            "${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--synthetic", paramLabel = "N",
        description = "Serve the synthetic market of N symbols (the default source, 2000 symbols).")
    Integer synthetic;

    @Option(names = "--message-rate", paramLabel = "R",
        description = "Frames per second of the synthetic market over all symbols (default 10000).")
    Double messageRate;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the synthetic market.")
    Long seed;

    @Option(names = "--faults", paramLabel = "SPEC", description = "Faults to inject, see above.")
    String faults;

    @Option(names = "--exchange-info", paramLabel = "FILE",
        description = "exchangeInfo to serve for a replay (default: the one recorded with a cryptofeed session, " +
            "else one generated for the capture's symbols).")
    Path exchangeInfo;

    @Option(names = "--ping-interval", paramLabel = "D",
        description = "Server ping interval, 0 for none (default: the venue's, spot 20s, futures 3m).")
    String pingInterval;

    @Option(names = "--heartbeat-timeout", paramLabel = "D",
        description = "Binance: how long a ping may go without a pong; MEXC: how long without a client ping " +
            "(default: the venue's, spot 1m, futures 10m, MEXC 1m).")
    String heartbeatTimeout;

    @Option(names = "--lifetime", paramLabel = "D",
        description = "Connection lifetime, then closed with a close frame (default: 24h).")
    String lifetime;

    @Option(names = "--max-messages-per-second", paramLabel = "N",
        description = "Incoming messages per second per connection before it is closed, 0 for no limit " +
            "(default: the venue's, spot 5, futures 10).")
    Integer maxMessagesPerSecond;

    @Option(names = "--max-streams", paramLabel = "N",
        description = "Streams per connection (default: the venue's, 1024).")
    Integer maxStreams;

    @Option(names = "--weight-limit", paramLabel = "N",
        description = "REST request weight per minute before 429, 0 for none (default: the venue's, spot 6000, " +
            "futures 2400).")
    Integer weightLimit;

    @Option(names = "--wait-for-subscriber",
        description = "Hold the timeline until a client subscribes, so it sees the capture from its start.")
    boolean waitForSubscriber;

    @Option(names = "--duration", paramLabel = "D", description = "Exit after this long (default: until Ctrl-C).")
    String duration;

    @Option(names = "--linger", paramLabel = "D",
        description = "With --replay: exit this long after the capture has been served to its end.")
    String linger;

    @Option(names = "--ports-file", paramLabel = "FILE",
        description = "Write the bound ports as JSON once listening: {\"webSocketPort\":P,\"restPort\":P2}.")
    Path portsFile;

    @Option(names = "--status-interval", paramLabel = "D", defaultValue = "10s",
        description = "Print the counters this often, 0s for never (default: ${DEFAULT-VALUE}).")
    String statusInterval;

    @Option(names = "--quiet", description = "Print only the start line, errors and the final counters.")
    boolean quiet;

    /**
     * {@inheritDoc}
     */
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final SimExchange.Context ctx;
        final long durationNs;
        final long lingerNs;
        final long statusNs;
        try
        {
            ctx = context(out);
            durationNs = null == duration ? Long.MAX_VALUE : positive("--duration", duration);
            lingerNs = null == linger ? -1 : DurationText.parseNs(linger);
            statusNs = DurationText.parseNs(statusInterval);
            if (null != linger && null == replay)
            {
                throw new IllegalArgumentException("--linger needs --replay (a synthetic market never ends)");
            }
            ctx.conclude();
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            err.println("hellmoon sim-exchange: " + ex.getMessage());
            return 2;
        }

        final CountDownLatch stop = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);
        final Thread shutdownHook = new Thread(() ->
        {
            stop.countDown();
            await(finished, TimeUnit.SECONDS.toNanos(10));
        }, "hellmoon-sim-exchange-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        SimExchange sim = null;
        try
        {
            sim = SimExchange.launch(ctx);
            synchronized (out)
            {
                out.println("sim-exchange " + sim.venue() + ": WebSocket " + sim.webSocketUri() + ", REST " +
                    sim.restUri() + ", " + sim.symbols().size() + " symbols, faults: " +
                    (ctx.faults().isEmpty() ? "none" : ctx.faults()));
                out.flush();
            }
            if (null != portsFile)
            {
                // Written whole then moved into place, so a script polling for the file never reads half of it.
                final Path partial = portsFile.resolveSibling(portsFile.getFileName() + ".partial");
                Files.writeString(partial, "{\"webSocketPort\":" + sim.webSocketPort() + ",\"restPort\":" +
                    sim.restPort() + "}\n", StandardCharsets.US_ASCII);
                Files.move(partial, portsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            if (lingerNs >= 0)
            {
                sim.onSourceDone(() -> new Thread(() ->
                {
                    await(stop, lingerNs);
                    stop.countDown();
                }, "hellmoon-sim-exchange-linger").start());
            }

            final long deadlineNs = Long.MAX_VALUE == durationNs ? Long.MAX_VALUE : System.nanoTime() + durationNs;
            while (stop.getCount() > 0 && System.nanoTime() - deadlineNs < 0)
            {
                final long waitNs = Math.min(deadlineNs - System.nanoTime(),
                    statusNs > 0 ? statusNs : TimeUnit.SECONDS.toNanos(1));
                if (await(stop, waitNs))
                {
                    break;
                }
                if (statusNs > 0 && !quiet)
                {
                    synchronized (out)
                    {
                        out.println("sim-exchange: " + sim.counters().summaryLine());
                        out.flush();
                    }
                }
            }
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            err.println("hellmoon sim-exchange: " + ex.getMessage());
            return 2;
        }
        catch (final IOException ex)
        {
            err.println("hellmoon sim-exchange: cannot write " + portsFile + ": " + ex.getMessage());
            return 1;
        }
        finally
        {
            if (null != sim)
            {
                final String summary = sim.counters().summaryLine();
                sim.close();
                synchronized (out)
                {
                    out.println("sim-exchange done: " + summary);
                    out.flush();
                }
            }
            finished.countDown();
            removeShutdownHook(shutdownHook);
        }
        return 0;
    }

    private SimExchange.Context context(final PrintWriter out)
    {
        final SimExchange.Context ctx = new SimExchange.Context()
            .venue(SimVenue.parse(venue))
            .port(port)
            .bindAddress(bind)
            .speed(ReplaySpeed.parse(speed))
            .faults(FaultSpec.parse(faults))
            .waitForSubscriber(waitForSubscriber)
            .exchangeInfoFile(exchangeInfo);
        if (null != restPort)
        {
            ctx.restPort(restPort);
        }
        if (null != replay)
        {
            ctx.replayFiles(replay);
        }
        if (null != synthetic)
        {
            ctx.syntheticInstruments(synthetic);
        }
        if (null != messageRate)
        {
            ctx.syntheticMessageRate(messageRate);
        }
        if (null != seed)
        {
            ctx.seed(seed);
        }
        if (null != pingInterval)
        {
            ctx.pingIntervalNs(DurationText.parseNs(pingInterval));
        }
        if (null != heartbeatTimeout)
        {
            ctx.heartbeatTimeoutNs(positive("--heartbeat-timeout", heartbeatTimeout));
        }
        if (null != lifetime)
        {
            ctx.connectionLifetimeNs(positive("--lifetime", lifetime));
        }
        if (null != maxMessagesPerSecond)
        {
            ctx.maxIncomingMessagesPerSecond(maxMessagesPerSecond);
        }
        if (null != maxStreams)
        {
            ctx.maxStreamsPerConnection(maxStreams);
        }
        if (null != weightLimit)
        {
            ctx.requestWeightLimit(weightLimit);
        }
        if (!quiet)
        {
            ctx.log((line) ->
            {
                synchronized (out)
                {
                    out.println("sim-exchange: " + line);
                    out.flush();
                }
            });
        }
        return ctx;
    }

    private static long positive(final String option, final String text)
    {
        final long ns;
        try
        {
            ns = DurationText.parseNs(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(option + ": " + ex.getMessage(), ex);
        }
        if (ns <= 0)
        {
            throw new IllegalArgumentException(option + ": must be positive, got '" + text + "'");
        }
        return ns;
    }

    /**
     * Wait for a latch.
     *
     * @return true if it opened.
     */
    private static boolean await(final CountDownLatch latch, final long timeoutNs)
    {
        try
        {
            return latch.await(timeoutNs, TimeUnit.NANOSECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return true;
        }
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
