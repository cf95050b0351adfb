/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

/**
 * The recorded capture formats the {@link Replayer} reads, recognised from the first line of each file.
 */
public enum CaptureFormat
{
    /**
     * hftbacktest's Binance collector: {@code <local receive time> <combined-stream JSON>} per line, gzip or plain,
     * the time in ns (2024 files) or us (2023 files); one symbol per file; a {@code {"lastUpdateId"...}} line is the
     * REST depth snapshot of the file's symbol.
     */
    HFTBACKTEST("hftbacktest"),

    /**
     * cryptofeed's WebSocket recording {@code X.ws.N.M}: a connection line {@code wss://... <-> <seconds>}, then
     * {@code <seconds>: <frame>} per frame received.
     */
    CRYPTOFEED_FRAMES("cryptofeed frames"),

    /**
     * cryptofeed's HTTP recording {@code X.http.N.M}: {@code <url> -> <seconds>: <body>} per reply; depth replies are
     * snapshots of the URL's {@code symbol=}.
     */
    CRYPTOFEED_HTTP("cryptofeed http"),

    /**
     * cryptofeed's {@code X.0}: the exchangeInfo reply ({@code <url> -> <seconds>: <body>}), loaded into the
     * instrument registry before the replay starts.
     */
    CRYPTOFEED_EXCHANGE_INFO("cryptofeed exchangeInfo");

    private final String description;

    CaptureFormat(final String description)
    {
        this.description = description;
    }

    /**
     * Name for logs.
     *
     * @return the description.
     */
    public String description()
    {
        return description;
    }
}
