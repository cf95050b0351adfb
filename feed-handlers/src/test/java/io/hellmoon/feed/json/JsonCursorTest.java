/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hellmoon.test.AllocationMeter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.hellmoon.feed.json.JsonCursor.BEGIN_ARRAY;
import static io.hellmoon.feed.json.JsonCursor.BEGIN_OBJECT;
import static io.hellmoon.feed.json.JsonCursor.END_ARRAY;
import static io.hellmoon.feed.json.JsonCursor.END_OBJECT;
import static io.hellmoon.feed.json.JsonCursor.END_OF_INPUT;
import static io.hellmoon.feed.json.JsonCursor.ERROR;
import static io.hellmoon.feed.json.JsonCursor.FALSE;
import static io.hellmoon.feed.json.JsonCursor.FIELD_NAME;
import static io.hellmoon.feed.json.JsonCursor.NULL;
import static io.hellmoon.feed.json.JsonCursor.NUMBER;
import static io.hellmoon.feed.json.JsonCursor.STRING;
import static io.hellmoon.feed.json.JsonCursor.TRUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JsonCursorTest
{
    private static final int OFFSET = 5;

    private final JsonCursor cursor = new JsonCursor(8);

    @Test
    void shouldTokenizeEveryKindOfValueInPlace()
    {
        final String json = " {\"a\" : [1, -2.5e+3, \"x\\\"y\", true, false, null, {}, []], \"bc\":{\"d\":\"\"}}\n";
        wrap(json);

        expect(BEGIN_OBJECT, "{", 1);
        expect(FIELD_NAME, "a", 1);
        assertEquals(2, cursor.tokenStart() - OFFSET);
        expect(BEGIN_ARRAY, "[", 2);
        expect(NUMBER, "1", 2);
        expect(NUMBER, "-2.5e+3", 2);
        expect(STRING, "x\\\"y", 2);
        assertTrue(cursor.tokenHasEscapes());
        assertEquals(cursor.tokenOffset() - 1, cursor.tokenStart());
        expect(TRUE, "true", 2);
        expect(FALSE, "false", 2);
        expect(NULL, "null", 2);
        expect(BEGIN_OBJECT, "{", 3);
        expect(END_OBJECT, "}", 2);
        expect(BEGIN_ARRAY, "[", 3);
        expect(END_ARRAY, "]", 2);
        expect(END_ARRAY, "]", 1);
        expect(FIELD_NAME, "bc", 1);
        assertFalse(cursor.tokenHasEscapes());
        expect(BEGIN_OBJECT, "{", 2);
        expect(FIELD_NAME, "d", 2);
        expect(STRING, "", 2);
        expect(END_OBJECT, "}", 1);
        expect(END_OBJECT, "}", 0);
        assertEquals(END_OF_INPUT, cursor.next());
        assertEquals(END_OF_INPUT, cursor.next());
        assertEquals(JsonCursor.NO_ERROR, cursor.errorCode());
        assertEquals(-1, cursor.errorPosition());
    }

    @Test
    void shouldAcceptScalarsAtTopLevel()
    {
        wrap("-0.5");
        expect(NUMBER, "-0.5", 0);
        assertEquals(END_OF_INPUT, cursor.next());
        wrap(" \"\\u00e9\" ");
        expect(STRING, "\\u00e9", 0);
        assertEquals(END_OF_INPUT, cursor.next());
    }

    @ParameterizedTest(name = "[{index}] {1} at {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                     | EMPTY                | 0",
        "`  \t `                | EMPTY                | 4",
        "`{`                    | TRUNCATED            | 1",
        "`{\"a\":1`             | TRUNCATED            | 6",
        "`{\"a\"`               | TRUNCATED            | 4",
        "`[\"ab`                | TRUNCATED            | 4",
        "`[\"a\\`               | TRUNCATED            | 4",
        "`[\"\\u12`             | TRUNCATED            | 6",
        "`[-`                   | TRUNCATED            | 2",
        "`[1.`                  | TRUNCATED            | 3",
        "`[1e+`                 | TRUNCATED            | 4",
        "`[tr`                  | TRUNCATED            | 3",
        "`}`                    | UNEXPECTED_CHARACTER | 0",
        "`{1:2}`                | UNEXPECTED_CHARACTER | 1",
        "`{\"a\" 1}`            | UNEXPECTED_CHARACTER | 5",
        "`[1 2]`                | UNEXPECTED_CHARACTER | 3",
        "`[1,]`                 | UNEXPECTED_CHARACTER | 3",
        "`{\"a\":1,}`           | UNEXPECTED_CHARACTER | 7",
        "`[1}`                  | UNEXPECTED_CHARACTER | 2",
        "`{\"a\":1]`            | UNEXPECTED_CHARACTER | 6",
        "`[nul]`                | UNEXPECTED_CHARACTER | 4",
        "`[truex]`              | UNEXPECTED_CHARACTER | 5",
        "`['a']`                | UNEXPECTED_CHARACTER | 1",
        "`[\"a\\x\"]`           | BAD_STRING           | 4",
        "`[\"\\u12g4\"]`        | BAD_STRING           | 6",
        "`[01]`                 | BAD_NUMBER           | 2",
        "`[-a]`                 | BAD_NUMBER           | 2",
        "`[1.e5]`               | BAD_NUMBER           | 3",
        "`[1e]`                 | BAD_NUMBER           | 3",
        "`[1.5.2]`              | BAD_NUMBER           | 4",
        "`[+1]`                 | UNEXPECTED_CHARACTER | 1",
        "`[.5]`                 | UNEXPECTED_CHARACTER | 1",
        "`[[[[[[[[[]]]]]]]]]`   | TOO_DEEP             | 8",
        "`{} {}`                | TRAILING_DATA        | 3",
        "`1 2`                  | TRAILING_DATA        | 2",
    })
    void shouldReportTheErrorAndWhereItIs(final String json, final String error, final int position)
    {
        wrap(json);
        int token;
        int tokens = 0;
        while (ERROR != (token = cursor.next()))
        {
            assertTrue(END_OF_INPUT != token, "accepted " + json);
            assertTrue(++tokens < 100);
        }
        assertEquals(error, JsonCursor.errorName(cursor.errorCode()), json);
        assertEquals(position, cursor.errorPosition(), json);
        assertEquals(ERROR, cursor.next(), "stays failed");
        assertEquals(ERROR, cursor.skipValue());
    }

    @Test
    void shouldRejectControlCharactersInStrings()
    {
        wrap("[\"a\tb\"]");
        assertEquals(BEGIN_ARRAY, cursor.next());
        assertEquals(ERROR, cursor.next());
        assertEquals(JsonCursor.ERROR_BAD_STRING, cursor.errorCode());
        assertEquals(3, cursor.errorPosition());
    }

    @Test
    void shouldSkipValuesAndTheRestOfContainers()
    {
        wrap("{\"skip\":{\"a\":[1,{\"b\":[]}],\"c\":\"}\"},\"keep\":[[1,2],[3,4]],\"last\":true}");
        assertEquals(BEGIN_OBJECT, cursor.next());
        assertEquals(FIELD_NAME, cursor.next());
        assertEquals(BEGIN_OBJECT, cursor.next());
        assertEquals(END_OBJECT, cursor.skipValue());
        assertEquals(1, cursor.depth());

        expect(FIELD_NAME, "keep", 1);
        assertEquals(BEGIN_ARRAY, cursor.next());
        assertEquals(BEGIN_ARRAY, cursor.next());
        expect(NUMBER, "1", 3);
        assertEquals(END_ARRAY, cursor.skipToDepth(1), "abandon the rest of both arrays");
        assertEquals(1, cursor.depth());

        expect(FIELD_NAME, "last", 1);
        assertEquals(TRUE, cursor.next());
        assertEquals(TRUE, cursor.skipValue(), "a scalar is skipped already");
        assertEquals(END_OBJECT, cursor.next());
        assertEquals(END_OF_INPUT, cursor.next());
    }

    @Test
    void shouldReadOnlyItsRegion()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer("[1,2]{\"a\":1}[3]".getBytes(StandardCharsets.US_ASCII));
        cursor.wrap(buffer, 5, 7);
        assertEquals(BEGIN_OBJECT, cursor.next());
        assertEquals(FIELD_NAME, cursor.next());
        assertEquals(NUMBER, cursor.next());
        assertEquals(END_OBJECT, cursor.next());
        assertEquals(END_OF_INPUT, cursor.next());
        assertEquals(7, cursor.position());
        assertEquals(5, cursor.regionOffset());

        cursor.wrap(buffer, 5, 6);
        cursor.next();
        cursor.next();
        assertEquals(NUMBER, cursor.next());
        assertEquals(ERROR, cursor.next());
        assertEquals(JsonCursor.ERROR_TRUNCATED, cursor.errorCode());
        assertEquals(6, cursor.errorPosition());
    }

    @Test
    void shouldAgreeWithJacksonOnWhatIsJson() throws IOException
    {
        final ObjectMapper jackson = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        final String[] seeds =
        {
            "{\"stream\":\"btcusdt@depth\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"b\":[[\"1.5\",\"2\"]],\"a\":[]}}",
            "[{\"a\":true,\"b\":false,\"c\":null},-1.25e-3,0,\"\\u0041\\n\",[]]",
            "{\"k\":{\"x\":false,\"n\":12345678901234567890,\"q\":\"0.1\"},\"s\":\"A\\\"B\"}",
        };
        final byte[] alphabet = "{}[]\":,.-+0123456789eEaflnrstu \\/\t\n".getBytes(StandardCharsets.US_ASCII);
        final Random random = new Random(8259L);
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < 20_000; i++)
        {
            final byte[] seed = seeds[i % seeds.length].getBytes(StandardCharsets.US_ASCII);
            final byte[] document = mutate(seed, random, alphabet);
            if (0 == document.length)
            {
                continue;
            }

            boolean jacksonAccepts;
            try
            {
                jackson.readTree(document);
                jacksonAccepts = true;
            }
            catch (final IOException ex)
            {
                jacksonAccepts = false;
            }

            final boolean cursorAccepts = walk(document);
            assertEquals(jacksonAccepts, cursorAccepts, new String(document, StandardCharsets.US_ASCII));
            if (cursorAccepts)
            {
                valid++;
            }
            else
            {
                invalid++;
            }
        }
        assertTrue(valid > 1_000 && invalid > 1_000, valid + " valid, " + invalid + " invalid");
    }

    @Test
    void shouldTokenizeWithoutAllocating()
    {
        final String json = "{\"stream\":\"x\",\"data\":[{\"e\":\"kline\",\"k\":{\"x\":true,\"q\":\"1.5\"," +
            "\"n\":-12e3}},null,[[\"1\",\"2\"]]]}";
        final UnsafeBuffer buffer = new UnsafeBuffer(json.getBytes(StandardCharsets.US_ASCII));
        final long[] tokens = new long[1];
        AllocationMeter.assertAllocationFree(20_000, 1_000, () ->
        {
            cursor.wrap(buffer, 0, buffer.capacity());
            int token;
            while (END_OF_INPUT != (token = cursor.next()) && ERROR != token)
            {
                tokens[0] += token;
            }
        });
        assertTrue(tokens[0] > 0);
    }

    @Test
    void shouldRejectAZeroDepthLimit()
    {
        assertThrows(IllegalArgumentException.class, () -> new JsonCursor(0));
        assertEquals(8, cursor.maxDepth());
        assertEquals("UNKNOWN(42)", JsonCursor.errorName(42));
    }

    private boolean walk(final byte[] document)
    {
        cursor.wrap(new UnsafeBuffer(document), 0, document.length);
        int token;
        while (ERROR != (token = cursor.next()))
        {
            if (END_OF_INPUT == token)
            {
                return true;
            }
        }
        return false;
    }

    private void wrap(final String json)
    {
        final byte[] bytes = ("12345" + json + "]]]]").getBytes(StandardCharsets.US_ASCII);
        cursor.wrap(new UnsafeBuffer(bytes), OFFSET, bytes.length - OFFSET - 4);
    }

    private void expect(final int token, final String content, final int depth)
    {
        assertEquals(token, cursor.next(), content);
        assertEquals(token, cursor.token());
        final byte[] bytes = new byte[cursor.tokenLength()];
        cursor.buffer().getBytes(cursor.tokenOffset(), bytes);
        assertEquals(content, new String(bytes, StandardCharsets.US_ASCII));
        assertTrue(cursor.tokenEquals(content.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(depth, cursor.depth(), content);
    }

    private static byte[] mutate(final byte[] original, final Random random, final byte[] alphabet)
    {
        final List<Byte> bytes = new ArrayList<>();
        for (final byte b : original)
        {
            bytes.add(b);
        }
        final int mutations = random.nextInt(3);
        for (int m = 0; m < mutations && !bytes.isEmpty(); m++)
        {
            final int at = random.nextInt(bytes.size());
            switch (random.nextInt(3))
            {
                case 0:
                    bytes.set(at, alphabet[random.nextInt(alphabet.length)]);
                    break;
                case 1:
                    bytes.remove(at);
                    break;
                default:
                    bytes.add(at, alphabet[random.nextInt(alphabet.length)]);
                    break;
            }
        }
        final byte[] result = new byte[bytes.size()];
        for (int i = 0; i < result.length; i++)
        {
            result[i] = bytes.get(i);
        }
        return result;
    }
}
