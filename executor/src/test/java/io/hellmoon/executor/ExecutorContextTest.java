/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.aeron.exceptions.ConfigurationException;
import io.hellmoon.codecs.aeron.BackPressurePolicy;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutorContextTest
{
    @Test
    void shouldConcludeWithTheDocumentedDefaults()
    {
        final ExecutorContext context = new ExecutorContext().conclude();

        assertEquals(40_000, context.takerFeeRateMantissa());
        assertEquals(20_000, context.makerFeeRateMantissa());
        assertEquals(10_000_00000000L, context.maxOrderNotionalMantissa());
        assertEquals(50_000_00000000L, context.maxPositionNotionalMantissa());
        assertEquals(1_000_00000000L, context.dailyLossLimitMantissa());
        assertSame(RealisticFillModel.INSTANCE, context.fillModel());
        assertEquals(10_000_000_000L, context.bookStalenessNs());
        assertEquals(50, context.maxBookLevels());
        assertEquals(1024, context.maxOpenOrders());
        assertEquals(65_536, context.clOrdIdWindow());
        assertEquals(64, context.fragmentLimit());
        assertEquals(BackPressurePolicy.RETRY, context.backPressurePolicy());
        assertEquals("aeron:ipc", context.intentChannel());
        assertEquals(1003, context.intentStreamId());
        assertEquals(1001, context.marketDataStreamId());
        assertEquals(1005, context.controlStreamId());
        assertEquals(1004, context.executionStreamId());
        assertTrue(context.isConcluded());
    }

    @Test
    void shouldFailFastNamingTheKeyAndTheReason()
    {
        assertInvalid(c -> c.takerFeeRate(-0.0001), ExecutorConfiguration.TAKER_FEE_RATE_PROP_NAME, "[0, 0.01]");
        assertInvalid(c -> c.makerFeeRate(0.02), ExecutorConfiguration.MAKER_FEE_RATE_PROP_NAME, "[0, 0.01]");
        assertInvalid(c -> c.maxOrderNotional(0), ExecutorConfiguration.MAX_ORDER_NOTIONAL_PROP_NAME, "positive");
        assertInvalid(
            c -> c.maxPositionNotional(Double.NaN), ExecutorConfiguration.MAX_POSITION_NOTIONAL_PROP_NAME, "positive");
        assertInvalid(c -> c.dailyLossLimit(-5), ExecutorConfiguration.DAILY_LOSS_LIMIT_PROP_NAME, "positive");
        assertInvalid(c -> c.fillModelName("optimistic"), ExecutorConfiguration.FILL_MODEL_PROP_NAME, "optimistic");
        assertInvalid(
            c -> c.fillModelName(FillModel.CONSERVATIVE).conservativeFillFraction(0),
            ExecutorConfiguration.CONSERVATIVE_FILL_FRACTION_PROP_NAME,
            "(0, 1]");
        assertInvalid(c -> c.bookStalenessNs(-1), ExecutorConfiguration.BOOK_STALENESS_PROP_NAME, "positive");
        assertInvalid(c -> c.maxBookLevels(0), ExecutorConfiguration.MAX_BOOK_LEVELS_PROP_NAME, "[1, 10000]");
        assertInvalid(c -> c.maxOpenOrders(0), ExecutorConfiguration.MAX_OPEN_ORDERS_PROP_NAME, "was 0");
        assertInvalid(c -> c.clOrdIdWindow(1), ExecutorConfiguration.CLORDID_WINDOW_PROP_NAME, "was 1");
        assertInvalid(c -> c.fragmentLimit(0), ExecutorConfiguration.FRAGMENT_LIMIT_PROP_NAME, "was 0");
        assertInvalid(c -> c.backPressurePolicy(null), ExecutorConfiguration.BACK_PRESSURE_POLICY_PROP_NAME, "set");
        assertInvalid(c -> c.publishRetryTimeoutNs(-1), ExecutorConfiguration.PUBLISH_RETRY_TIMEOUT_PROP_NAME, "-1");
        assertInvalid(c -> c.intentStream("udp://x", 1), "hellmoon.intent.channel", "udp://x");
    }

    @Test
    void shouldReadSystemPropertiesAndRejectMalformedOnes()
    {
        System.setProperty(ExecutorConfiguration.TAKER_FEE_RATE_PROP_NAME, "0.0005");
        System.setProperty(ExecutorConfiguration.BOOK_STALENESS_PROP_NAME, "250ms");
        try
        {
            final ExecutorContext context = new ExecutorContext().conclude();
            assertEquals(50_000, context.takerFeeRateMantissa());
            assertEquals(250_000_000L, context.bookStalenessNs());

            System.setProperty(ExecutorConfiguration.TAKER_FEE_RATE_PROP_NAME, "4bps");
            final ConfigurationException ex = assertThrows(ConfigurationException.class, ExecutorContext::new);
            assertTrue(ex.getMessage().contains(ExecutorConfiguration.TAKER_FEE_RATE_PROP_NAME), ex.getMessage());
        }
        finally
        {
            System.clearProperty(ExecutorConfiguration.TAKER_FEE_RATE_PROP_NAME);
            System.clearProperty(ExecutorConfiguration.BOOK_STALENESS_PROP_NAME);
        }
    }

    @Test
    void shouldBeConcludedOnlyOnce()
    {
        final ExecutorContext context = new ExecutorContext().conclude();
        assertThrows(IllegalStateException.class, context::conclude);
    }

    private static void assertInvalid(
        final Consumer<ExecutorContext> configure, final String key, final String reasonFragment)
    {
        final ExecutorContext context = new ExecutorContext();
        configure.accept(context);
        final ConfigurationException ex = assertThrows(ConfigurationException.class, context::conclude);
        assertTrue(ex.getMessage().contains(key), ex.getMessage());
        assertTrue(ex.getMessage().contains(reasonFragment), ex.getMessage());
    }
}
