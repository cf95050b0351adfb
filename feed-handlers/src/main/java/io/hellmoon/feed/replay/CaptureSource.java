/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

import io.hellmoon.codecs.InstrumentRegistry;
import io.hellmoon.sbe.Venue;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One time-ordered stream of capture records: the files of one hftbacktest instrument read one after the other, one
 * cryptofeed WebSocket connection file, or one cryptofeed HTTP file. The {@link Replayer} merges sources by the
 * receive time of their current record.
 * <p>
 * A record is a frame or a REST depth snapshot, a window on the current line valid until {@link #advance()}. Lines
 * that cannot be read are counted in the shared {@link ReplayErrors} and skipped; an I/O error ends the source.
 */
final class CaptureSource implements AutoCloseable
{
    /**
     * The current record is a WebSocket frame.
     */
    static final int FRAME = 1;

    /**
     * The current record is the body of a REST depth snapshot.
     */
    static final int SNAPSHOT = 2;

    private static final byte[] STREAM_PREFIX = CaptureText.ascii("{\"stream\"");
    private static final byte[] LAST_UPDATE_ID_KEY = CaptureText.ascii("\"lastUpdateId\"");

    /**
     * How far into a non-envelope object the {@code lastUpdateId} key of a REST snapshot is looked for: it comes
     * first in Binance's replies, after a symbol and pair at most in others, never after the levels.
     */
    private static final int SNAPSHOT_KEY_WINDOW = 256;
    private static final byte[] REPLY_ARROW = CaptureText.ascii(" -> ");
    private static final byte[] SENT_ARROW = CaptureText.ascii(" <- ");
    private static final byte[] CONNECTION_ARROW = CaptureText.ascii(" <-> ");
    private static final byte[] COLON_SPACE = CaptureText.ascii(": ");
    private static final byte[] SYMBOL_PARAMETER = CaptureText.ascii("symbol=");
    private static final byte[] DEPTH_PATH = CaptureText.ascii("/depth");

    private final CaptureFormat format;
    private final List<Path> files;
    private final Venue venue;
    private final Venue venueOverride;
    private final String symbol;
    private final InstrumentRegistry registry;
    private final ReplayErrors errors;
    private final int maxLineLength;

    private LineReader reader;
    private int fileIndex;
    private boolean ended;
    private int instrumentIdOfSymbol;

    private int kind;
    private long timeNs;
    private Venue recordVenue;
    private int instrumentId;
    private DirectBuffer recordBuffer;
    private int recordOffset;
    private int recordLength;
    private long records;

    /**
     * A source.
     *
     * @param format        of its files.
     * @param files         read one after the other.
     * @param venue         of its frames and of hftbacktest snapshots; null for HTTP files (venue per line).
     * @param venueOverride venue forced by the user, or null.
     * @param symbol        of hftbacktest files, else null.
     * @param registry      to resolve snapshot instruments in (registering them the first time).
     * @param errors        shared error counts.
     * @param maxLineLength longest line accepted.
     */
    CaptureSource(
        final CaptureFormat format,
        final List<Path> files,
        final Venue venue,
        final Venue venueOverride,
        final String symbol,
        final InstrumentRegistry registry,
        final ReplayErrors errors,
        final int maxLineLength)
    {
        this.format = format;
        this.files = List.copyOf(files);
        this.venue = venue;
        this.venueOverride = venueOverride;
        this.symbol = symbol;
        this.registry = registry;
        this.errors = errors;
        this.maxLineLength = maxLineLength;
    }

    CaptureFormat format()
    {
        return format;
    }

    List<Path> files()
    {
        return files;
    }

    Venue venue()
    {
        return venue;
    }

    String symbol()
    {
        return symbol;
    }

    /**
     * Whether a current record is loaded.
     */
    boolean hasRecord()
    {
        return 0 != kind;
    }

    int kind()
    {
        return kind;
    }

    long timeNs()
    {
        return timeNs;
    }

    Venue recordVenue()
    {
        return recordVenue;
    }

    int instrumentId()
    {
        return instrumentId;
    }

    DirectBuffer buffer()
    {
        return recordBuffer;
    }

    int offset()
    {
        return recordOffset;
    }

    int length()
    {
        return recordLength;
    }

    /**
     * Records loaded so far.
     */
    long records()
    {
        return records;
    }

    /**
     * Load the next record, skipping lines that carry none.
     *
     * @return false when the source has no more records.
     */
    boolean advance()
    {
        kind = 0;
        while (!ended)
        {
            if (null == reader && !openNext())
            {
                ended = true;
                break;
            }

            final int status;
            try
            {
                status = reader.next();
            }
            catch (final IOException | RuntimeException ex)
            {
                errors.readError(reader.file(), reader.lineNumber() + 1, ex);
                closeReader();
                fileIndex = files.size();
                ended = true;
                break;
            }

            if (LineReader.END == status)
            {
                closeReader();
                continue;
            }
            if (LineReader.TOO_LONG == status)
            {
                errors.malformed(reader.file(), reader.lineNumber(), "line longer than " + maxLineLength + " bytes");
                continue;
            }
            if (parseLine(reader.buffer(), reader.offset(), reader.length()))
            {
                records++;
                return true;
            }
        }
        return false;
    }

    private boolean openNext()
    {
        while (fileIndex < files.size())
        {
            final Path file = files.get(fileIndex++);
            try
            {
                reader = new LineReader(file, maxLineLength);
                return true;
            }
            catch (final IOException ex)
            {
                errors.readError(file, 0, ex);
            }
        }
        return false;
    }

    private boolean parseLine(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = CaptureText.trimEnd(buffer, offset, offset + length);
        final int start = CaptureText.trimStart(buffer, offset, end);
        if (start == end)
        {
            return false;
        }
        return switch (format)
        {
            case HFTBACKTEST -> parseHftBacktest(buffer, start, end);
            case CRYPTOFEED_FRAMES -> parseCryptofeedFrame(buffer, start, end);
            case CRYPTOFEED_HTTP -> parseCryptofeedReply(buffer, start, end);
            case CRYPTOFEED_EXCHANGE_INFO -> false;
        };
    }

    /**
     * {@code <receive time> <JSON>}: a frame, or the instrument's REST snapshot: an object that is not a combined
     * stream envelope and has a {@code lastUpdateId} key near its start (hftbacktest records combined streams, so any
     * other object is a REST reply).
     */
    private boolean parseHftBacktest(final DirectBuffer buffer, final int start, final int end)
    {
        final int space = CaptureText.indexOf(buffer, start, end, (byte)' ');
        if (space < 0)
        {
            return malformed("no space between receive time and payload");
        }
        final long parsedTimeNs = CaptureText.parseEpochTime(buffer, start, space - start);
        if (CaptureText.INVALID_TIME == parsedTimeNs)
        {
            return malformed("receive time is not an epoch time in ns, us or ms");
        }
        final int payload = CaptureText.trimStart(buffer, space + 1, end);
        if (payload == end || '{' != buffer.getByte(payload))
        {
            return malformed("payload is not a JSON object");
        }

        timeNs = parsedTimeNs;
        recordVenue = venue;
        recordBuffer = buffer;
        recordOffset = payload;
        recordLength = end - payload;
        if (!CaptureText.startsWith(buffer, payload, end - payload, STREAM_PREFIX) &&
            CaptureText.indexOf(buffer, payload, Math.min(end, payload + SNAPSHOT_KEY_WINDOW), LAST_UPDATE_ID_KEY) >= 0)
        {
            if (0 == instrumentIdOfSymbol)
            {
                instrumentIdOfSymbol = registry.register(venue, symbol);
            }
            instrumentId = instrumentIdOfSymbol;
            kind = SNAPSHOT;
        }
        else
        {
            instrumentId = InstrumentRegistry.NULL_INSTRUMENT_ID;
            kind = FRAME;
        }
        return true;
    }

    /**
     * {@code <seconds>: <JSON>} frames; the connection line ({@code wss://... <-> <seconds>}) and frames sent
     * ({@code <url> <- <seconds>: <JSON>}) are skipped.
     */
    private boolean parseCryptofeedFrame(final DirectBuffer buffer, final int start, final int end)
    {
        final byte first = buffer.getByte(start);
        if (first < '0' || first > '9')
        {
            if (CaptureText.indexOf(buffer, start, end, CONNECTION_ARROW) > 0 ||
                CaptureText.indexOf(buffer, start, end, SENT_ARROW) > 0)
            {
                errors.skipped();
                return false;
            }
            return malformed("no receive time");
        }

        final int colon = CaptureText.indexOf(buffer, start, end, COLON_SPACE);
        if (colon < 0)
        {
            return malformed("no ': ' between receive time and payload");
        }
        final long parsedTimeNs = CaptureText.parseSeconds(buffer, start, colon - start);
        if (CaptureText.INVALID_TIME == parsedTimeNs)
        {
            return malformed("receive time is not decimal seconds");
        }
        final int payload = CaptureText.trimStart(buffer, colon + 2, end);
        if (payload == end)
        {
            return malformed("empty payload");
        }

        timeNs = parsedTimeNs;
        recordVenue = venue;
        recordBuffer = buffer;
        recordOffset = payload;
        recordLength = end - payload;
        instrumentId = InstrumentRegistry.NULL_INSTRUMENT_ID;
        kind = FRAME;
        return true;
    }

    /**
     * {@code <url> -> <seconds>: <body>}: depth replies become snapshots of the URL's {@code symbol=}; other replies
     * (exchangeInfo, say) are skipped.
     */
    private boolean parseCryptofeedReply(final DirectBuffer buffer, final int start, final int end)
    {
        final int arrow = CaptureText.indexOf(buffer, start, end, REPLY_ARROW);
        if (arrow < 0)
        {
            if (CaptureText.indexOf(buffer, start, end, SENT_ARROW) > 0)
            {
                errors.skipped();
                return false;
            }
            return malformed("no ' -> ' after the request URL");
        }
        final int timeStart = arrow + REPLY_ARROW.length;
        final int colon = CaptureText.indexOf(buffer, timeStart, end, COLON_SPACE);
        if (colon < 0)
        {
            return malformed("no ': ' between receive time and body");
        }
        final long parsedTimeNs = CaptureText.parseSeconds(buffer, timeStart, colon - timeStart);
        if (CaptureText.INVALID_TIME == parsedTimeNs)
        {
            return malformed("receive time is not decimal seconds");
        }
        final int body = CaptureText.trimStart(buffer, colon + 2, end);
        if (body == end || '{' != buffer.getByte(body))
        {
            return malformed("body is not a JSON object");
        }
        if (CaptureText.indexOf(buffer, start, arrow, DEPTH_PATH) < 0)
        {
            errors.skipped();
            return false;
        }

        final int parameter = CaptureText.indexOf(buffer, start, arrow, SYMBOL_PARAMETER);
        if (parameter < 0)
        {
            return malformed("depth reply without symbol= in its URL");
        }
        final int symbolStart = parameter + SYMBOL_PARAMETER.length;
        int symbolEnd = symbolStart;
        while (symbolEnd < arrow && '&' != buffer.getByte(symbolEnd))
        {
            symbolEnd++;
        }
        if (symbolEnd == symbolStart)
        {
            return malformed("empty symbol= in the URL");
        }

        final Venue replyVenue = null != venueOverride ? venueOverride : venueOfReply(buffer, start, arrow);
        if (null == replyVenue)
        {
            return malformed("URL host is not a known Binance host");
        }
        int id = registry.idOf(replyVenue.value(), buffer, symbolStart, symbolEnd - symbolStart);
        if (InstrumentRegistry.NULL_INSTRUMENT_ID == id)
        {
            id = registry.register(replyVenue, buffer, symbolStart, symbolEnd - symbolStart);
        }

        timeNs = parsedTimeNs;
        recordVenue = replyVenue;
        recordBuffer = buffer;
        recordOffset = body;
        recordLength = end - body;
        instrumentId = id;
        kind = SNAPSHOT;
        return true;
    }

    private Venue venueOfReply(final DirectBuffer buffer, final int start, final int arrow)
    {
        if (null != venue)
        {
            return venue;
        }
        // Rare: HTTP files without a known venue, so one String per snapshot line is acceptable.
        return CaptureText.venueOfUrl(buffer.getStringWithoutLengthAscii(start, arrow - start));
    }

    private boolean malformed(final String reason)
    {
        errors.malformed(reader.file(), reader.lineNumber(), reason);
        return false;
    }

    private void closeReader()
    {
        if (null != reader)
        {
            reader.close();
            reader = null;
        }
    }

    /**
     * Close the file being read.
     */
    public void close()
    {
        closeReader();
        ended = true;
        kind = 0;
    }

    /**
     * What the source reads, for logs.
     *
     * @return a one-line description.
     */
    public String toString()
    {
        return format.description() + (null != venue ? " " + venue : "") + (null != symbol ? ":" + symbol : "") +
            " " + files;
    }
}
