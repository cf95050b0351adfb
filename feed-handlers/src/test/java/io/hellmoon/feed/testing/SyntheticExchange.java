/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.testing;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.feed.VenueFrameHandler;
import io.hellmoon.feed.synthetic.SyntheticMarket;
import io.hellmoon.sbe.Venue;
import io.netty.util.concurrent.ScheduledFuture;
import org.agrona.DirectBuffer;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The seeded synthetic USD-M market served live by a {@link LocalExchangeServer}: its frames go to the connections
 * subscribed to their streams as wall-clock time passes, {@code /fapi/v1/depth} answers with the market's book as it
 * stands (a snapshot consistent with the diffs, as the real venue's), {@code /fapi/v1/exchangeInfo} describes the
 * universe. The market runs on the server's thread, so REST and streams see one consistent state.
 */
public final class SyntheticExchange implements AutoCloseable
{
    private static final int BATCH = 4096;

    private final LocalExchangeServer server;
    private final InstrumentRegistry registry = new InstrumentRegistry();
    private final SyntheticMarket market;
    private final ScheduledFuture<?> generator;
    private final AtomicLong framesGenerated = new AtomicLong();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong snapshotsServed = new AtomicLong();
    private volatile boolean paused;
    private String lastSnapshot;

    /**
     * Start serving.
     *
     * @param instruments in the universe.
     * @param messageRate frames per second over the universe.
     * @param seed        of the market.
     */
    public SyntheticExchange(final int instruments, final double messageRate, final long seed)
    {
        server = new LocalExchangeServer();
        market = new SyntheticMarket(new SyntheticMarket.Context()
            .instrumentCount(instruments)
            .messageRate(messageRate)
            .seed(seed)
            .venue(Venue.BINANCE_USDM)
            .startTimeNs(wallNs())
            .historyBars(0)
            .registry(registry), new Publisher());
        server.route(this::route);
        generator = server.eventLoop().scheduleAtFixedRate(this::generate, 0, 2, TimeUnit.MILLISECONDS);
    }

    /**
     * The server, for URLs and faults.
     *
     * @return the server.
     */
    public LocalExchangeServer server()
    {
        return server;
    }

    /**
     * A symbol of the universe.
     *
     * @param index from 0.
     * @return e.g. {@code SYN0001USDT}.
     */
    public String symbol(final int index)
    {
        return market.symbol(index);
    }

    /**
     * Stop or resume sending frames (time goes on; events are generated when resumed).
     *
     * @param paused true to hold.
     */
    public void paused(final boolean paused)
    {
        this.paused = paused;
    }

    /**
     * Frames the market generated.
     *
     * @return the count.
     */
    public long framesGenerated()
    {
        return framesGenerated.get();
    }

    /**
     * Frames sent, one per subscribed connection.
     *
     * @return the count.
     */
    public long framesSent()
    {
        return framesSent.get();
    }

    /**
     * Frames dropped because a connection could not take more.
     *
     * @return the count.
     */
    public long framesDropped()
    {
        return server.framesDropped();
    }

    /**
     * Depth snapshots served.
     *
     * @return the count.
     */
    public long snapshotsServed()
    {
        return snapshotsServed.get();
    }

    /**
     * Stop generating and close the server.
     */
    public void close()
    {
        generator.cancel(false);
        server.close();
    }

    private void generate()
    {
        if (paused)
        {
            return;
        }
        final long nowNs = wallNs();
        while (BATCH == market.generate(nowNs, BATCH))
        {
            server.flushAll();
        }
        server.flushAll();
    }

    private LocalExchangeServer.Response route(final LocalExchangeServer.HttpRequest request)
    {
        if (request.path().endsWith("/exchangeInfo"))
        {
            return LocalExchangeServer.Response.ok(market.exchangeInfoJson(System.currentTimeMillis()));
        }
        if (request.path().endsWith("/depth"))
        {
            final int id = registry.idOf(Venue.BINANCE_USDM, request.query().getOrDefault("symbol", ""));
            if (InstrumentRegistry.NULL_INSTRUMENT_ID == id)
            {
                return new LocalExchangeServer.Response(400, Map.of(), "{\"code\":-1121}");
            }
            market.emitSnapshot(id, wallNs());
            snapshotsServed.incrementAndGet();
            return LocalExchangeServer.Response.ok(lastSnapshot);
        }
        return null;
    }

    private static long wallNs()
    {
        return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    }

    private final class Publisher implements VenueFrameHandler
    {
        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
        {
            framesGenerated.lazySet(framesGenerated.get() + 1);
            // {"stream":"<name>",...: the name starts at 11.
            final int nameStart = offset + 11;
            int nameEnd = nameStart;
            while (nameEnd < offset + length && '"' != buffer.getByte(nameEnd))
            {
                nameEnd++;
            }
            final int sent = server.publishRaw(buffer, offset, length, nameStart, nameEnd - nameStart);
            if (0 != sent)
            {
                framesSent.lazySet(framesSent.get() + sent);
            }
        }

        public void onDepthSnapshot(
            final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long timeNs)
        {
            lastSnapshot = buffer.getStringWithoutLengthAscii(offset, length);
        }
    }
}
