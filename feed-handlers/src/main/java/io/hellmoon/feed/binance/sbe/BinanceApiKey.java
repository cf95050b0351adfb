/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.binance.sbe;

import io.aeron.exceptions.ConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The Ed25519 API key Binance requires on every SBE market-data connection, sent as the {@value #HEADER_NAME} header
 * when the WebSocket is opened. Market data needs no signature, timestamp or permission beyond the key itself.
 * <p>
 * The key is a secret: it comes from a file or an environment variable, never from the command line; it is never
 * logged, and {@link #toString()} and every exception message here leave it out. It is checked when loaded to be
 * printable ASCII without spaces, so it can never inject a header line. The connection manager reads it once per
 * connection attempt with {@link #headerValue()}.
 */
public final class BinanceApiKey
{
    /**
     * The header the key is sent in.
     */
    public static final String HEADER_NAME = "X-MBX-APIKEY";

    /**
     * Longest key accepted; Binance's keys are 64 characters.
     */
    public static final int MAX_LENGTH = 256;

    private final byte[] key;
    private final String source;

    private BinanceApiKey(final byte[] key, final String source)
    {
        this.key = key;
        this.source = source;
    }

    /**
     * The key as configured: from the file named by {@link BinanceSbeConfiguration#API_KEY_FILE_PROP_NAME} when
     * set, else from the environment variable named by {@link BinanceSbeConfiguration#API_KEY_ENV_PROP_NAME}.
     *
     * @return the key.
     * @throws ConfigurationException naming the property or variable (never the key) when it is missing or invalid.
     */
    public static BinanceApiKey fromConfiguration()
    {
        final String file = BinanceSbeConfiguration.apiKeyFile();
        if (null != file)
        {
            return fromFile(Path.of(file));
        }
        return fromEnvironment(System.getenv(), BinanceSbeConfiguration.apiKeyEnv());
    }

    /**
     * The key held by an environment variable.
     *
     * @param environment the process environment, e.g. {@link System#getenv()}.
     * @param variable    name of the variable.
     * @return the key.
     * @throws ConfigurationException when the variable is unset or its value is not a valid key.
     */
    public static BinanceApiKey fromEnvironment(final Map<String, String> environment, final String variable)
    {
        final String value = environment.get(variable);
        if (null == value)
        {
            throw new ConfigurationException("Binance SBE streams need an Ed25519 API key: set environment variable " +
                variable + " or " + BinanceSbeConfiguration.API_KEY_FILE_PROP_NAME);
        }
        // UTF-8 so a non-ASCII character shows as bytes the validation refuses, not as a substituted "?".
        return validated(value.trim().getBytes(StandardCharsets.UTF_8), "environment variable " + variable);
    }

    /**
     * The key held by a file: its whole content, surrounding whitespace removed.
     *
     * @param file holding the key.
     * @return the key.
     * @throws ConfigurationException when the file cannot be read or does not hold a valid key.
     */
    public static BinanceApiKey fromFile(final Path file)
    {
        final byte[] content;
        try
        {
            content = Files.readAllBytes(file);
        }
        catch (final IOException ex)
        {
            throw new ConfigurationException(BinanceSbeConfiguration.API_KEY_FILE_PROP_NAME + "=" + file +
                ": cannot read the API key file (" + ex.getClass().getSimpleName() + ")");
        }
        int start = 0;
        int end = content.length;
        while (start < end && isWhitespace(content[start]))
        {
            start++;
        }
        while (end > start && isWhitespace(content[end - 1]))
        {
            end--;
        }
        final byte[] key = Arrays.copyOfRange(content, start, end);
        Arrays.fill(content, (byte)0);
        return validated(key, BinanceSbeConfiguration.API_KEY_FILE_PROP_NAME + "=" + file);
    }

    /**
     * The name of the header to send.
     *
     * @return {@value #HEADER_NAME}.
     */
    public String headerName()
    {
        return HEADER_NAME;
    }

    /**
     * The header's value, the key itself; for the connection manager's handshake, once per connection attempt.
     *
     * @return the key.
     */
    public String headerValue()
    {
        return new String(key, StandardCharsets.US_ASCII);
    }

    /**
     * Where the key came from, for logs: the file or the environment variable, never the key.
     *
     * @return a description of the source.
     */
    public String source()
    {
        return source;
    }

    /**
     * Says where the key came from and how long it is, never what it is.
     *
     * @return a redacted description.
     */
    public String toString()
    {
        return "BinanceApiKey{" + source + ", " + key.length + " characters, redacted}";
    }

    private static BinanceApiKey validated(final byte[] key, final String source)
    {
        if (0 == key.length)
        {
            throw new ConfigurationException(source + ": the API key is empty");
        }
        if (key.length > MAX_LENGTH)
        {
            throw new ConfigurationException(source + ": the API key is longer than " + MAX_LENGTH + " characters");
        }
        for (final byte b : key)
        {
            // Printable ASCII only: no space, control character or line break can reach the HTTP header.
            if (b < 0x21 || b > 0x7E)
            {
                throw new ConfigurationException(
                    source + ": the API key holds a character other than printable ASCII (e.g. a space or newline)");
            }
        }
        return new BinanceApiKey(key, source);
    }

    private static boolean isWhitespace(final byte b)
    {
        return ' ' == b || '\n' == b || '\r' == b || '\t' == b;
    }
}
