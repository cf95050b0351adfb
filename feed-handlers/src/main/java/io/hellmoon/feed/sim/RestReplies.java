/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.sim;

import java.nio.charset.StandardCharsets;

/**
 * Error bodies as the venues write them: Binance {@code {"code":-1121,"msg":"Invalid symbol."}}, MEXC
 * {@code {"success":false,"code":1001,"message":"..."}}.
 */
final class RestReplies
{
    private RestReplies()
    {
    }

    static byte[] binanceError(final int code, final String message)
    {
        return ("{\"code\":" + code + ",\"msg\":\"" + escape(message) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] mexcError(final int code, final String message)
    {
        return ("{\"success\":false,\"code\":" + code + ",\"message\":\"" + escape(message) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    }

    static String escape(final String text)
    {
        final StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if ('"' == c || '\\' == c)
            {
                out.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                out.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                out.append(c);
            }
        }
        return out.toString();
    }
}
