/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.json;

import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

/**
 * A pull tokenizer over one JSON text in a region of a {@link DirectBuffer}: {@link #next()} returns the next token
 * and leaves its bytes where they are, as an offset and a length into the buffer.
 * <p>
 * Hand-written because the feed decoders run per WebSocket frame on the hot path and must neither build a
 * {@code String} nor a tree, nor throw on bad input: general JSON libraries materialise values (or at least field
 * names) as objects and report errors by exception. This cursor allocates nothing after construction and reports
 * every problem as an error code with the exact position in the region where it was found; once it has failed it
 * stays failed and returns {@link #ERROR} until wrapped again.
 * <p>
 * The whole of RFC 8259's grammar is checked: structure, nesting, string escapes, number syntax, literals and what
 * follows the top-level value. The region's bounds are checked once, by {@link #wrap}; bytes are then read with
 * {@link UnsafeApi} straight from the buffer's array or address, as {@code UnsafeBuffer} reads them minus its
 * per-access check and the interface call, which is safe because every read is preceded by a test that its index is
 * below the end of the checked region. Strings are not unescaped: a token's bytes are the raw content between the
 * quotes, and {@link #tokenHasEscapes()} says whether it contains escape sequences. Bytes of 0x80 and above in
 * strings are passed through unchecked (UTF-8 is not validated). Nesting is limited to the depth given at
 * construction so a hostile frame cannot make a decoder recurse or loop without bound.
 * <p>
 * Not thread safe; one cursor per decoding thread.
 */
public final class JsonCursor
{
    /**
     * Token returned after the cursor failed; see {@link #errorCode()} and {@link #errorPosition()}.
     */
    public static final int ERROR = -1;

    /**
     * Token returned when the top-level value is complete and only whitespace follows.
     */
    public static final int END_OF_INPUT = 0;

    /**
     * Token {@code '{'}.
     */
    public static final int BEGIN_OBJECT = 1;

    /**
     * Token {@code '}'}.
     */
    public static final int END_OBJECT = 2;

    /**
     * Token {@code '['}.
     */
    public static final int BEGIN_ARRAY = 3;

    /**
     * Token {@code ']'}.
     */
    public static final int END_ARRAY = 4;

    /**
     * A field name of an object, with its colon consumed; the token is the name without quotes.
     */
    public static final int FIELD_NAME = 5;

    /**
     * A string value; the token is its raw content without quotes.
     */
    public static final int STRING = 6;

    /**
     * A number value; the token is its text, valid JSON number syntax.
     */
    public static final int NUMBER = 7;

    /**
     * The literal {@code true}.
     */
    public static final int TRUE = 8;

    /**
     * The literal {@code false}.
     */
    public static final int FALSE = 9;

    /**
     * The literal {@code null}.
     */
    public static final int NULL = 10;

    /**
     * No error.
     */
    public static final int NO_ERROR = 0;

    /**
     * The region is empty or only whitespace.
     */
    public static final int ERROR_EMPTY = 1;

    /**
     * The region ended inside a value: the text was cut short.
     */
    public static final int ERROR_TRUNCATED = 2;

    /**
     * A byte that cannot start or continue what the grammar expects at that point (includes bad literals, missing
     * commas or colons, trailing commas).
     */
    public static final int ERROR_UNEXPECTED_CHARACTER = 3;

    /**
     * A control character or an invalid escape sequence inside a string.
     */
    public static final int ERROR_BAD_STRING = 4;

    /**
     * A number that does not follow JSON's number syntax (leading zeros, a lone minus, a dot without digits...).
     */
    public static final int ERROR_BAD_NUMBER = 5;

    /**
     * Objects and arrays nested deeper than the cursor's maximum depth.
     */
    public static final int ERROR_TOO_DEEP = 6;

    /**
     * Something other than whitespace after the complete top-level value.
     */
    public static final int ERROR_TRAILING_DATA = 7;

    private static final String[] ERROR_NAMES =
    {
        "NO_ERROR", "EMPTY", "TRUNCATED", "UNEXPECTED_CHARACTER", "BAD_STRING", "BAD_NUMBER", "TOO_DEEP",
        "TRAILING_DATA"
    };

    private static final byte[] TRUE_TEXT = { 't', 'r', 'u', 'e' };
    private static final byte[] FALSE_TEXT = { 'f', 'a', 'l', 's', 'e' };
    private static final byte[] NULL_TEXT = { 'n', 'u', 'l', 'l' };

    private static final int EXPECT_VALUE = 0;
    private static final int EXPECT_FIRST_FIELD = 1;
    private static final int EXPECT_FIRST_ELEMENT = 2;
    private static final int EXPECT_SEPARATOR = 3;
    private static final int EXPECT_END = 4;
    private static final int FAILED = 5;

    private final boolean[] inArray;
    private final int maxDepth;
    private DirectBuffer buffer;
    private byte[] array;
    private long address;
    private int start;
    private int end;
    private int position;
    private int depth;
    private int state;
    private int token;
    private int tokenStart;
    private int tokenOffset;
    private int tokenLength;
    private boolean tokenHasEscapes;
    private int errorCode;
    private int errorPosition;

    /**
     * A cursor accepting objects and arrays nested up to {@code maxDepth} levels.
     *
     * @param maxDepth deepest nesting accepted, at least 1: {@code {"a":[1]}} has depth 2.
     */
    public JsonCursor(final int maxDepth)
    {
        if (maxDepth < 1)
        {
            throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
        }
        this.maxDepth = maxDepth;
        this.inArray = new boolean[maxDepth];
    }

    /**
     * Start on a new JSON text.
     *
     * @param buffer holding the text.
     * @param offset of its first byte.
     * @param length of the text in bytes.
     * @return this cursor.
     * @throws IndexOutOfBoundsException if the region is not inside the buffer.
     */
    public JsonCursor wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        buffer.boundsCheck(offset, length);
        this.buffer = buffer;
        this.array = buffer.byteArray();
        this.address = buffer.addressOffset();
        this.start = offset;
        this.end = offset + length;
        this.position = offset;
        this.depth = 0;
        this.state = EXPECT_VALUE;
        this.token = END_OF_INPUT;
        this.tokenStart = offset;
        this.tokenOffset = offset;
        this.tokenLength = 0;
        this.tokenHasEscapes = false;
        this.errorCode = NO_ERROR;
        this.errorPosition = -1;
        return this;
    }

    /**
     * Read the next token.
     *
     * @return the token type: one of the token constants, {@link #END_OF_INPUT} after the top-level value, or
     * {@link #ERROR} (for this and every later call) when the text is not valid JSON.
     */
    public int next()
    {
        switch (state)
        {
            case EXPECT_VALUE:
                skipWhitespace();
                if (position >= end)
                {
                    return fail(0 == depth ? ERROR_EMPTY : ERROR_TRUNCATED, position);
                }
                return readValue(byteAt(position));

            case EXPECT_FIRST_FIELD:
            {
                skipWhitespace();
                if (position >= end)
                {
                    return fail(ERROR_TRUNCATED, position);
                }
                final byte b = byteAt(position);
                if ('}' == b)
                {
                    return close(END_OBJECT);
                }
                return '"' == b ? readFieldName() : fail(ERROR_UNEXPECTED_CHARACTER, position);
            }

            case EXPECT_FIRST_ELEMENT:
            {
                skipWhitespace();
                if (position >= end)
                {
                    return fail(ERROR_TRUNCATED, position);
                }
                final byte b = byteAt(position);
                return ']' == b ? close(END_ARRAY) : readValue(b);
            }

            case EXPECT_SEPARATOR:
                return readSeparator();

            case EXPECT_END:
                skipWhitespace();
                if (position < end)
                {
                    return fail(ERROR_TRAILING_DATA, position);
                }
                token = END_OF_INPUT;
                return END_OF_INPUT;

            default:
                return ERROR;
        }
    }

    /**
     * Skip the value whose first token was just returned: when it opened an object or array, consume tokens up to
     * and including the matching close (checking them all); for any other token do nothing.
     *
     * @return the last token consumed (the matching close, or the scalar itself), or {@link #ERROR}.
     */
    public int skipValue()
    {
        if (BEGIN_OBJECT == token || BEGIN_ARRAY == token)
        {
            return skipToDepth(depth - 1);
        }
        return token;
    }

    /**
     * Consume tokens, checking them, until the nesting depth is back down to {@code targetDepth}: used to abandon
     * the rest of an enclosing object or array. Does nothing if the depth is already at or below it.
     *
     * @param targetDepth depth to return to, e.g. the depth before the container to skip was opened.
     * @return the last token consumed, or {@link #ERROR}.
     */
    public int skipToDepth(final int targetDepth)
    {
        while (depth > targetDepth)
        {
            if (ERROR == next())
            {
                return ERROR;
            }
        }
        return token;
    }

    /**
     * The last token returned by {@link #next()}.
     *
     * @return the token type.
     */
    public int token()
    {
        return token;
    }

    /**
     * Offset in the buffer of the first byte of the current token: the opening quote of a string or field name, the
     * bracket of an object or array, the first character of a number or literal.
     *
     * @return the offset in the buffer.
     */
    public int tokenStart()
    {
        return tokenStart;
    }

    /**
     * Offset in the buffer of the current token's content: for strings and field names the byte after the opening
     * quote, otherwise the same as {@link #tokenStart()}.
     *
     * @return the offset in the buffer.
     */
    public int tokenOffset()
    {
        return tokenOffset;
    }

    /**
     * Length of the current token's content: string bytes between the quotes (escapes not decoded), number text,
     * literal text, or 1 for brackets.
     *
     * @return the length in bytes.
     */
    public int tokenLength()
    {
        return tokenLength;
    }

    /**
     * Whether the current string or field name contains backslash escapes, so its raw bytes are not its value.
     *
     * @return true if it contains escapes.
     */
    public boolean tokenHasEscapes()
    {
        return tokenHasEscapes;
    }

    /**
     * Whether the current token's content equals the given ASCII bytes.
     *
     * @param ascii to compare with.
     * @return true if equal byte for byte.
     */
    public boolean tokenEquals(final byte[] ascii)
    {
        return JsonFieldTable.equals(buffer, tokenOffset, tokenLength, ascii);
    }

    /**
     * Current nesting depth: 0 outside any container, incremented by each open bracket returned and decremented by
     * each close bracket returned.
     *
     * @return the depth.
     */
    public int depth()
    {
        return depth;
    }

    /**
     * Deepest nesting accepted.
     *
     * @return the maximum depth.
     */
    public int maxDepth()
    {
        return maxDepth;
    }

    /**
     * The buffer wrapped.
     *
     * @return the buffer.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Offset in the buffer where the wrapped region starts; positions are relative to it.
     *
     * @return the offset.
     */
    public int regionOffset()
    {
        return start;
    }

    /**
     * Position of the next byte to read, relative to the region start.
     *
     * @return the position.
     */
    public int position()
    {
        return position - start;
    }

    /**
     * Why the cursor failed.
     *
     * @return one of the {@code ERROR_*} codes, or {@link #NO_ERROR}.
     */
    public int errorCode()
    {
        return errorCode;
    }

    /**
     * Where the cursor failed, relative to the region start: the offending byte, or the region length when the text
     * was cut short.
     *
     * @return the position, or -1 when there is no error.
     */
    public int errorPosition()
    {
        return errorPosition;
    }

    /**
     * Name of an error code, for logs and tests.
     *
     * @param errorCode one of the {@code ERROR_*} codes.
     * @return its name.
     */
    public static String errorName(final int errorCode)
    {
        return errorCode >= 0 && errorCode < ERROR_NAMES.length ? ERROR_NAMES[errorCode] : "UNKNOWN(" + errorCode + ")";
    }

    private int readValue(final byte b)
    {
        switch (b)
        {
            case '{':
                return open(false, BEGIN_OBJECT, EXPECT_FIRST_FIELD);

            case '[':
                return open(true, BEGIN_ARRAY, EXPECT_FIRST_ELEMENT);

            case '"':
                if (readString())
                {
                    token = STRING;
                    afterValue();
                    return STRING;
                }
                return ERROR;

            case 't':
                return readLiteral(TRUE, TRUE_TEXT);

            case 'f':
                return readLiteral(FALSE, FALSE_TEXT);

            case 'n':
                return readLiteral(NULL, NULL_TEXT);

            default:
                if ('-' == b || (b >= '0' && b <= '9'))
                {
                    return readNumber();
                }
                return fail(ERROR_UNEXPECTED_CHARACTER, position);
        }
    }

    private int open(final boolean isArray, final int tokenType, final int nextState)
    {
        if (depth >= maxDepth)
        {
            return fail(ERROR_TOO_DEEP, position);
        }
        inArray[depth++] = isArray;
        setToken(tokenType, position, position, 1);
        position++;
        state = nextState;
        return tokenType;
    }

    private int close(final int tokenType)
    {
        depth--;
        setToken(tokenType, position, position, 1);
        position++;
        afterValue();
        return tokenType;
    }

    private void afterValue()
    {
        state = 0 == depth ? EXPECT_END : EXPECT_SEPARATOR;
    }

    private int readSeparator()
    {
        skipWhitespace();
        if (position >= end)
        {
            return fail(ERROR_TRUNCATED, position);
        }

        final byte b = byteAt(position);
        final boolean isArray = inArray[depth - 1];
        if (',' == b)
        {
            position++;
            skipWhitespace();
            if (position >= end)
            {
                return fail(ERROR_TRUNCATED, position);
            }
            final byte next = byteAt(position);
            if (isArray)
            {
                return readValue(next);
            }
            return '"' == next ? readFieldName() : fail(ERROR_UNEXPECTED_CHARACTER, position);
        }
        if ('}' == b && !isArray)
        {
            return close(END_OBJECT);
        }
        if (']' == b && isArray)
        {
            return close(END_ARRAY);
        }
        return fail(ERROR_UNEXPECTED_CHARACTER, position);
    }

    private int readFieldName()
    {
        if (!readString())
        {
            return ERROR;
        }
        skipWhitespace();
        if (position >= end)
        {
            return fail(ERROR_TRUNCATED, position);
        }
        if (':' != byteAt(position))
        {
            return fail(ERROR_UNEXPECTED_CHARACTER, position);
        }
        position++;
        token = FIELD_NAME;
        state = EXPECT_VALUE;
        return FIELD_NAME;
    }

    /**
     * Scan a string starting at the opening quote at {@code position}; on success the token offset and length are
     * its content and {@code position} is after the closing quote.
     */
    private boolean readString()
    {
        final int end = this.end;
        final int quote = position;
        boolean escapes = false;
        int i = quote + 1;
        while (true)
        {
            if (i >= end)
            {
                fail(ERROR_TRUNCATED, end);
                return false;
            }
            final int b = byteAt(i) & 0xFF;
            if ('"' == b)
            {
                break;
            }
            if ('\\' == b)
            {
                escapes = true;
                if (i + 1 >= end)
                {
                    fail(ERROR_TRUNCATED, end);
                    return false;
                }
                final byte escaped = byteAt(i + 1);
                if ('u' == escaped)
                {
                    for (int k = i + 2; k < i + 6; k++)
                    {
                        if (k >= end)
                        {
                            fail(ERROR_TRUNCATED, end);
                            return false;
                        }
                        if (!isHexDigit(byteAt(k)))
                        {
                            fail(ERROR_BAD_STRING, k);
                            return false;
                        }
                    }
                    i += 6;
                }
                else if ('"' == escaped || '\\' == escaped || '/' == escaped || 'b' == escaped || 'f' == escaped ||
                    'n' == escaped || 'r' == escaped || 't' == escaped)
                {
                    i += 2;
                }
                else
                {
                    fail(ERROR_BAD_STRING, i + 1);
                    return false;
                }
            }
            else if (b < 0x20)
            {
                fail(ERROR_BAD_STRING, i);
                return false;
            }
            else
            {
                i++;
            }
        }

        tokenStart = quote;
        tokenOffset = quote + 1;
        tokenLength = i - quote - 1;
        tokenHasEscapes = escapes;
        position = i + 1;
        return true;
    }

    private int readNumber()
    {
        final int end = this.end;
        final int first = position;
        int i = first;

        if ('-' == byteAt(i))
        {
            i++;
            if (i >= end)
            {
                return fail(ERROR_TRUNCATED, end);
            }
        }

        final byte lead = byteAt(i);
        if ('0' == lead)
        {
            i++;
        }
        else if (lead >= '1' && lead <= '9')
        {
            i = skipDigits(i + 1);
        }
        else
        {
            return fail(ERROR_BAD_NUMBER, i);
        }

        if (i < end && '.' == byteAt(i))
        {
            i++;
            if (i >= end)
            {
                return fail(ERROR_TRUNCATED, end);
            }
            if (!isDigit(byteAt(i)))
            {
                return fail(ERROR_BAD_NUMBER, i);
            }
            i = skipDigits(i + 1);
        }

        if (i < end)
        {
            final byte e = byteAt(i);
            if ('e' == e || 'E' == e)
            {
                i++;
                if (i < end)
                {
                    final byte sign = byteAt(i);
                    if ('+' == sign || '-' == sign)
                    {
                        i++;
                    }
                }
                if (i >= end)
                {
                    return fail(ERROR_TRUNCATED, end);
                }
                if (!isDigit(byteAt(i)))
                {
                    return fail(ERROR_BAD_NUMBER, i);
                }
                i = skipDigits(i + 1);
            }
        }

        // A number must be followed by a delimiter: "01", "1.2.3" or "12ab" are one bad number, not two tokens.
        if (i < end && !isDelimiter(byteAt(i)))
        {
            return fail(ERROR_BAD_NUMBER, i);
        }

        setToken(NUMBER, first, first, i - first);
        position = i;
        afterValue();
        return NUMBER;
    }

    private int readLiteral(final int tokenType, final byte[] text)
    {
        final int first = position;
        for (int k = 0; k < text.length; k++)
        {
            final int i = first + k;
            if (i >= end)
            {
                return fail(ERROR_TRUNCATED, end);
            }
            if (byteAt(i) != text[k])
            {
                return fail(ERROR_UNEXPECTED_CHARACTER, i);
            }
        }
        final int after = first + text.length;
        if (after < end && !isDelimiter(byteAt(after)))
        {
            return fail(ERROR_UNEXPECTED_CHARACTER, after);
        }
        setToken(tokenType, first, first, text.length);
        position = after;
        afterValue();
        return tokenType;
    }

    private int skipDigits(final int from)
    {
        int i = from;
        while (i < end && isDigit(byteAt(i)))
        {
            i++;
        }
        return i;
    }

    private void skipWhitespace()
    {
        int i = position;
        while (i < end && isWhitespace(byteAt(i)))
        {
            i++;
        }
        position = i;
    }

    /**
     * The byte at an offset the caller has checked is below {@code end}, inside the region {@link #wrap} checked.
     */
    private byte byteAt(final int offset)
    {
        return UnsafeApi.getByte(array, address + offset);
    }

    private void setToken(final int tokenType, final int tokenStart, final int tokenOffset, final int tokenLength)
    {
        this.token = tokenType;
        this.tokenStart = tokenStart;
        this.tokenOffset = tokenOffset;
        this.tokenLength = tokenLength;
        this.tokenHasEscapes = false;
    }

    private int fail(final int errorCode, final int absolutePosition)
    {
        this.errorCode = errorCode;
        this.errorPosition = absolutePosition - start;
        this.state = FAILED;
        this.token = ERROR;
        return ERROR;
    }

    private static boolean isWhitespace(final byte b)
    {
        return ' ' == b || '\n' == b || '\r' == b || '\t' == b;
    }

    private static boolean isDelimiter(final byte b)
    {
        return ',' == b || ']' == b || '}' == b || isWhitespace(b);
    }

    private static boolean isDigit(final byte b)
    {
        return b >= '0' && b <= '9';
    }

    private static boolean isHexDigit(final byte b)
    {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
