/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.executor;

import io.hellmoon.sbe.BookLevelsEncoder;
import io.hellmoon.sbe.InstrumentKind;
import io.hellmoon.sbe.InstrumentStatus;
import io.hellmoon.sbe.MessageHeaderEncoder;
import io.hellmoon.sbe.OrderIntentEncoder;
import io.hellmoon.sbe.RejectReason;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static io.hellmoon.executor.ExecutorFixture.BTC;
import static io.hellmoon.executor.ExecutorFixture.ETH;
import static io.hellmoon.sbe.ExecType.FILL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed messages are counted, sampled and skipped; the engine carries on.
 */
class BadInputTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(4096));
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private ExecutorFixture fixture;

    @BeforeEach
    void setUp()
    {
        fixture = new ExecutorFixture();
        fixture.defineBtc();
        fixture.book(BTC, "99.90x5", "100.00x5");
    }

    @AfterEach
    void tearDown()
    {
        fixture.close();
    }

    @Test
    void shouldCountTruncatedMessagesAndCarryOn()
    {
        fixture.sendRaw(buffer, 0, 5);
        assertEquals(1, errors(ExecutionEngine.ERROR_TRUNCATED));

        final OrderIntentEncoder intent = new OrderIntentEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        intent.clOrdId(1);
        // The header promises a block the message does not contain.
        fixture.sendRaw(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + 10);
        assertEquals(2, errors(ExecutionEngine.ERROR_TRUNCATED));

        // A block shorter than the schema's is refused too.
        headerEncoder.wrap(buffer, 0).blockLength(8);
        fixture.sendRaw(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + OrderIntentEncoder.BLOCK_LENGTH);
        assertEquals(3, errors(ExecutionEngine.ERROR_TRUNCATED));

        assertTrue(fixture.reports().isEmpty());
        assertWorks();
    }

    @Test
    void shouldCountMessagesOfAnotherSchema()
    {
        headerEncoder.wrap(buffer, 0).blockLength(8).templateId(31).schemaId(1).version(0);
        fixture.sendRaw(buffer, 0, 64);
        assertEquals(1, errors(ExecutionEngine.ERROR_WRONG_SCHEMA));
        assertWorks();
    }

    @Test
    void shouldIgnoreMessagesOfOtherTemplatesWithoutCountingThemAsErrors()
    {
        headerEncoder.wrap(buffer, 0).blockLength(0).templateId(20).schemaId(OrderIntentEncoder.SCHEMA_ID).version(1);
        fixture.sendRaw(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH);
        assertEquals(0, fixture.engine.counters().decodeErrors().get());
        assertEquals(3, fixture.engine.counters().messagesReceived().get());
    }

    @Test
    void shouldRefuseABookWhoseGroupsOverrunTheMessage()
    {
        final BookLevelsEncoder book = new BookLevelsEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        book.instrumentId(BTC).priceExponent((byte)-2).sizeExponent((byte)-3);
        book.bidsCount(1).next().price(9_000).size(1_000);
        book.asksCount(1).next().price(9_010).size(1_000);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + book.encodedLength();
        // Claim 500 asks in a message holding one.
        buffer.putShort(length - 16 - 2, (short)500);
        fixture.sendRaw(buffer, 0, length);
        assertEquals(1, errors(ExecutionEngine.ERROR_BAD_GROUP));

        // The old book still stands.
        fixture.intent().buy("1").send();
        assertEquals(ExecutorFixture.px("100.00"), fixture.lastReport().lastPrice());
    }

    @Test
    void shouldRefuseADefinitionWithExponentsOutOfRange()
    {
        fixture.define(ETH, -20, -3, 1, 1, 1, 0, InstrumentKind.SPOT, InstrumentStatus.TRADING);
        assertEquals(1, errors(ExecutionEngine.ERROR_BAD_DEFINITION));
        fixture.intent().instrument(ETH).buy("1").send();
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, fixture.lastReport().reason());

        final StringBuilder samples = new StringBuilder();
        assertEquals(1, fixture.engine.errorLog().drain(samples, 10));
        assertTrue(samples.toString().contains("BAD_DEFINITION"), samples.toString());
    }

    @Test
    void shouldKeepTheScaleOfAnInstrumentWithAPositionWhenItsDefinitionChangesIt()
    {
        fixture.intent().buy("1").send();
        fixture.define(BTC, -4, -3, 1, 1, 1, 0, InstrumentKind.SPOT, InstrumentStatus.TRADING);
        assertEquals(1, errors(ExecutionEngine.ERROR_BAD_DEFINITION));
        fixture.book(BTC, "99.90x5", "100.00x5");
        fixture.intent().sell("1").send();
        assertEquals(-2, fixture.lastReport().priceExponent());
        assertEquals(0, fixture.engine.positionQuantity(BTC));
    }

    private long errors(final int reason)
    {
        return fixture.engine.errorLog().count(reason);
    }

    private void assertWorks()
    {
        fixture.intent().buy("1").send();
        assertEquals(FILL, fixture.lastReport().execType());
    }
}
