/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads the lines of a text file, gzip-compressed or plain (told apart by the gzip magic bytes, not the name), into
 * one reusable byte array: a line is a window on that array, valid until the next call, so reading allocates nothing
 * per line. The array grows to hold the longest line seen, up to a limit; longer lines are skipped and reported.
 * Line ends are {@code \n} or {@code \r\n}; a last line without one is still a line. Not thread safe.
 */
final class LineReader implements AutoCloseable
{
    /**
     * {@link #next()} found a line.
     */
    static final int LINE = 1;

    /**
     * {@link #next()} skipped a line longer than the limit.
     */
    static final int TOO_LONG = 2;

    /**
     * {@link #next()} reached the end of the file.
     */
    static final int END = 0;

    private static final int INITIAL_CAPACITY = 256 * 1024;
    private static final int STREAM_BUFFER_BYTES = 64 * 1024;

    private final Path file;
    private final int maxLineLength;
    private final InputStream input;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private byte[] data;
    private int start;
    private int end;
    private int scanFrom;
    private boolean endOfInput;
    private int lineOffset;
    private int lineLength;
    private long lineNumber;

    /**
     * Open a file.
     *
     * @param file          to read.
     * @param maxLineLength longest line kept; longer ones are skipped.
     * @throws IOException if it cannot be opened.
     */
    LineReader(final Path file, final int maxLineLength) throws IOException
    {
        this.file = file;
        this.maxLineLength = maxLineLength;
        final BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), STREAM_BUFFER_BYTES);
        InputStream opened = in;
        try
        {
            in.mark(2);
            final int first = in.read();
            final int second = in.read();
            in.reset();
            if (0x1F == first && 0x8B == second)
            {
                opened = new GZIPInputStream(in, STREAM_BUFFER_BYTES);
            }
        }
        catch (final IOException ex)
        {
            in.close();
            throw ex;
        }
        input = opened;
        data = new byte[Math.min(INITIAL_CAPACITY, Math.max(1024, maxLineLength + 2))];
        view.wrap(data);
    }

    /**
     * Advance to the next line.
     *
     * @return {@link #LINE}, {@link #TOO_LONG} (the line was skipped) or {@link #END}.
     * @throws IOException if the file cannot be read or is corrupt.
     */
    int next() throws IOException
    {
        boolean skipping = false;
        while (true)
        {
            for (int i = scanFrom; i < end; i++)
            {
                if ('\n' == data[i])
                {
                    lineNumber++;
                    final int lineStart = start;
                    start = i + 1;
                    scanFrom = start;
                    if (skipping)
                    {
                        return TOO_LONG;
                    }
                    setLine(lineStart, i);
                    return LINE;
                }
            }
            scanFrom = end;

            if (endOfInput)
            {
                if (start < end)
                {
                    lineNumber++;
                    final int lineStart = start;
                    start = end;
                    scanFrom = end;
                    if (skipping)
                    {
                        return TOO_LONG;
                    }
                    setLine(lineStart, end);
                    return LINE;
                }
                return skipping ? TOO_LONG : END;
            }

            if (start > 0)
            {
                final int remaining = end - start;
                System.arraycopy(data, start, data, 0, remaining);
                scanFrom -= start;
                end = remaining;
                start = 0;
            }

            if (end == data.length)
            {
                if (data.length >= maxLineLength + 2)
                {
                    // The line is longer than allowed: drop what we have and read on to its end.
                    skipping = true;
                    start = 0;
                    end = 0;
                    scanFrom = 0;
                }
                else
                {
                    data = Arrays.copyOf(data, (int)Math.min(maxLineLength + 2L, 2L * data.length));
                    view.wrap(data);
                }
            }

            final int read = input.read(data, end, data.length - end);
            if (read < 0)
            {
                endOfInput = true;
            }
            else
            {
                end += read;
            }
        }
    }

    private void setLine(final int lineStart, final int lineEnd)
    {
        int last = lineEnd;
        if (last > lineStart && '\r' == data[last - 1])
        {
            last--;
        }
        lineOffset = lineStart;
        lineLength = last - lineStart;
    }

    /**
     * The buffer holding the current line; valid until the next call to {@link #next()}.
     *
     * @return the buffer.
     */
    UnsafeBuffer buffer()
    {
        return view;
    }

    /**
     * Offset of the current line in {@link #buffer()}.
     *
     * @return the offset.
     */
    int offset()
    {
        return lineOffset;
    }

    /**
     * Length of the current line without its line end.
     *
     * @return the length.
     */
    int length()
    {
        return lineLength;
    }

    /**
     * 1-based number of the line last returned (or skipped).
     *
     * @return the line number.
     */
    long lineNumber()
    {
        return lineNumber;
    }

    /**
     * The file being read.
     *
     * @return the path.
     */
    Path file()
    {
        return file;
    }

    /**
     * Close the file.
     */
    public void close()
    {
        try
        {
            input.close();
        }
        catch (final IOException ignore)
        {
            // Closing a file we only read: nothing was lost.
        }
    }
}
