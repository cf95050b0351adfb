/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.codecs.ManualEpochNanoClock;
import io.hellmoon.sbe.ControlCommandType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.hellmoon.executor.ExecutorFixture.BTC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ExecutionRendererTest
{
    @Test
    void shouldRenderReportsAndPositionsOnOneLineEach()
    {
        final ExecutionRenderer renderer = new ExecutionRenderer(id -> BTC == id ? "BTCUSDT" : null);
        final List<String> lines = new ArrayList<>();
        final ExecutorFixture fixture = new ExecutorFixture();
        final ExecutionEngine engine = new ExecutionEngine(
            new ExecutorContext().clock(new ManualEpochNanoClock(ExecutorFixture.START_NS)),
            (buffer, offset, length) -> lines.add(renderer.render(buffer, offset, length)));
        try (fixture; engine)
        {
            fixture.events.clear();
            final Relay relay = new Relay(fixture, engine);
            relay.run(() -> fixture.defineBtc());
            relay.run(() -> fixture.book(BTC, "99.90x1", "100.00x0.5, 100.10x1"));
            relay.run(() -> fixture.intent().buy("1").expected("100.00").send());
            relay.run(() -> fixture.control(ControlCommandType.KILL_SWITCH_ENGAGE, 0));
            relay.run(() -> fixture.intent().sell("2").send());
        }

        assertEquals(List.of(
            "NEW BUY BTCUSDT qty 1 leaves 1 exp 100 ENTRY NEW clOrdId 1 order 1 exec 1",
            "PARTIAL_FILL BUY BTCUSDT qty 1 last 0.5 @ 100 TAKER fee 0.02 cum 0.5 avg 100 slip 0.0bps leaves 0.5 " +
                "exp 100 ENTRY PARTIALLY_FILLED clOrdId 1 order 1 exec 2",
            "POSITION BTCUSDT qty 0.5 entry 100 mark 99.95 realised 0 unrealised -0.025 fees 0.02 trades 1",
            "FILL BUY BTCUSDT qty 1 last 0.5 @ 100.1 TAKER fee 0.02002 cum 1 avg 100.05 slip 5.0bps leaves 0 " +
                "exp 100 ENTRY FILLED clOrdId 1 order 1 exec 3",
            "POSITION BTCUSDT qty 1 entry 100.05 mark 99.95 realised 0 unrealised -0.1 fees 0.04002 trades 2",
            "REJECTED SELL BTCUSDT qty 2 leaves 0 reason KILL_SWITCH ENTRY REJECTED clOrdId 2 order 0 exec 4"),
            lines);
    }

    @Test
    void shouldNotRenderOtherMessages()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        assertNull(new ExecutionRenderer().render(buffer, 0, 64));
        assertNull(new ExecutionRenderer().render(buffer, 0, 4));
    }

    /**
     * Copies what the fixture encodes into a second engine whose output is rendered.
     */
    private static final class Relay
    {
        private final ExecutorFixture fixture;
        private final ExecutionEngine engine;

        Relay(final ExecutorFixture fixture, final ExecutionEngine engine)
        {
            this.fixture = fixture;
            this.engine = engine;
        }

        void run(final Runnable send)
        {
            fixture.tap = engine;
            send.run();
            fixture.tap = null;
        }
    }
}
