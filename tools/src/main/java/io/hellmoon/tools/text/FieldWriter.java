/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.text;

import io.hellmoon.codecs.FixedPoint;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes one message's fields either as a readable line ({@code key=value}) or as a JSON object, so every message
 * type has a single rendering that serves {@code hellmoon tail}, {@code --json} and the demo.
 * <p>
 * Not for the hot path: tools only.
 */
final class FieldWriter
{
    private static final DateTimeFormatter CLOCK =
        DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final boolean json;
    private StringBuilder out;
    private boolean firstField;

    FieldWriter(final boolean json)
    {
        this.json = json;
    }

    boolean isJson()
    {
        return json;
    }

    void begin(final StringBuilder out, final long timeNs, final String type, final String subject)
    {
        this.out = out;
        if (json)
        {
            out.append("{\"type\":\"").append(type).append('"');
            if (null != subject)
            {
                out.append(",\"instrument\":");
                appendJsonString(subject);
            }
            firstField = false;
        }
        else
        {
            if (Long.MIN_VALUE != timeNs && 0 != timeNs)
            {
                CLOCK.formatTo(Instant.ofEpochSecond(0, timeNs), out);
                out.append(' ');
            }
            pad(type, 16);
            if (null != subject)
            {
                pad(subject, 26);
            }
            firstField = true;
        }
    }

    void end()
    {
        if (json)
        {
            out.append('}');
        }
        else
        {
            int length = out.length();
            while (length > 0 && ' ' == out.charAt(length - 1))
            {
                length--;
            }
            out.setLength(length);
        }
    }

    FieldWriter text(final String key, final CharSequence value)
    {
        key(key);
        if (json)
        {
            appendJsonString(value);
        }
        else
        {
            out.append(value);
        }
        return this;
    }

    FieldWriter value(final String key, final long value)
    {
        key(key);
        out.append(value);
        return this;
    }

    /**
     * An optional long: skipped when it holds the SBE null value.
     */
    FieldWriter optional(final String key, final long value, final long nullValue)
    {
        if (value != nullValue)
        {
            value(key, value);
        }
        return this;
    }

    FieldWriter real(final String key, final double value)
    {
        key(key);
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            out.append(json ? "null" : "n/a");
        }
        else if (json)
        {
            out.append(value);
        }
        else
        {
            out.append(String.format("%.4g", value));
        }
        return this;
    }

    FieldWriter decimal(final String key, final long mantissa, final int exponent)
    {
        if (Long.MIN_VALUE == mantissa)
        {
            return this;
        }
        key(key);
        if (json)
        {
            out.append('"');
            FixedPoint.appendPlain(out, mantissa, exponent);
            out.append('"');
        }
        else
        {
            FixedPoint.appendPlain(out, mantissa, exponent);
        }
        return this;
    }

    FieldWriter time(final String key, final long timeNs)
    {
        if (Long.MIN_VALUE == timeNs)
        {
            return this;
        }
        key(key);
        if (json)
        {
            out.append(timeNs);
        }
        else
        {
            out.append(Instant.ofEpochSecond(0, timeNs));
        }
        return this;
    }

    FieldWriter enumeration(final String key, final Enum<?> value)
    {
        if (null == value || "NULL_VAL".equals(value.name()))
        {
            return this;
        }
        return text(key, value.name());
    }

    /**
     * Start a nested list of items (JSON array of objects, or {@code key=[a b c]} in text).
     */
    void beginList(final String key)
    {
        key(key);
        out.append('[');
        firstItem = true;
    }

    private boolean firstItem;

    void item(final CharSequence itemText, final CharSequence itemJson)
    {
        if (!firstItem)
        {
            out.append(json ? "," : " ");
        }
        firstItem = false;
        out.append(json ? itemJson : itemText);
    }

    void endList()
    {
        out.append(']');
    }

    private void key(final String key)
    {
        if (json)
        {
            out.append(',');
            appendJsonString(key);
            out.append(':');
        }
        else
        {
            if (!firstField)
            {
                out.append(' ');
            }
            firstField = false;
            out.append(key).append('=');
        }
    }

    private void pad(final String text, final int width)
    {
        out.append(text);
        for (int i = text.length(); i < width; i++)
        {
            out.append(' ');
        }
        out.append(' ');
    }

    private void appendJsonString(final CharSequence value)
    {
        appendJsonString(out, value);
    }

    static void appendJsonString(final StringBuilder out, final CharSequence value)
    {
        out.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    if (c < 0x20)
                    {
                        out.append(String.format("\\u%04x", (int)c));
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
}
