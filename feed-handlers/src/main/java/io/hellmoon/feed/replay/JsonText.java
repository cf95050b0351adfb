/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

import java.util.Map;

/**
 * Writes a tree of maps, strings, numbers, booleans and nulls as indented JSON. Hand-written because feed-handlers
 * has no JSON library (Jackson is the router's), and the summary needs only this much; keys are written in the map's
 * iteration order, so callers pass sorted maps.
 */
final class JsonText
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText()
    {
    }

    /**
     * Append a value.
     *
     * @param out    to append to.
     * @param value  a {@link Map} of String keys, a {@link CharSequence}, a {@link Number}, a {@link Boolean} or null.
     * @param indent nesting depth of the value.
     */
    static void write(final StringBuilder out, final Object value, final int indent)
    {
        if (null == value)
        {
            out.append("null");
        }
        else if (value instanceof Map<?, ?> map)
        {
            writeObject(out, map, indent);
        }
        else if (value instanceof CharSequence text)
        {
            writeString(out, text);
        }
        else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)
        {
            out.append(((Number)value).longValue());
        }
        else if (value instanceof Boolean flag)
        {
            out.append(flag.booleanValue());
        }
        else
        {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeObject(final StringBuilder out, final Map<?, ?> map, final int indent)
    {
        if (map.isEmpty())
        {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (final Map.Entry<?, ?> entry : map.entrySet())
        {
            if (!first)
            {
                out.append(',');
            }
            first = false;
            out.append('\n');
            indent(out, indent + 1);
            writeString(out, String.valueOf(entry.getKey()));
            out.append(": ");
            write(out, entry.getValue(), indent + 1);
        }
        out.append('\n');
        indent(out, indent);
        out.append('}');
    }

    /**
     * Append a quoted JSON string: quote, backslash and control characters escaped, the rest as is.
     *
     * @param out  to append to.
     * @param text to quote.
     */
    static void writeString(final StringBuilder out, final CharSequence text)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default ->
                {
                    if (c < 0x20 || 0x2028 == c || 0x2029 == c)
                    {
                        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                            .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void indent(final StringBuilder out, final int depth)
    {
        for (int i = 0; i < depth; i++)
        {
            out.append("  ");
        }
    }
}
