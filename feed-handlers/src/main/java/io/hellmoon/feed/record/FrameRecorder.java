/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.record;

import io.hellmoon.feed.VenueFrameHandler;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.IntFunction;

/**
 * Records what a live feed's decoders receive, frame by frame and snapshot by snapshot with their receive times, in
 * the format {@code hellmoon replay} reads, and passes everything on unchanged.
 *
 * <h2>Format: a cryptofeed-style session</h2>
 * One session of three files in a directory, named {@code <session>.ws.1.0}, {@code <session>.http.0.0} and
 * {@code <session>.0}:
 * <ul>
 *     <li>{@code .ws.1.0}: every frame, {@code <seconds>.<nanoseconds>: <frame>} per line, in the order the decoders
 *     saw them, whatever connection they came on (after a rotation's duplicates were dropped), and a line
 *     {@code <url> <-> <seconds>} whenever a connection opened (the replayer skips those).</li>
 *     <li>{@code .http.0.0}: every REST depth snapshot, {@code <url> -> <seconds>.<nanoseconds>: <body>} per line; the
 *     URL's {@code symbol=} names the instrument.</li>
 *     <li>{@code .0}: the exchangeInfo reply the feed started from, if any, {@code <url> -> <seconds>: <body>}, which
 *     the replayer loads into its registry first, so the replay uses the same instruments and exponents.</li>
 * </ul>
 * This format, rather than hftbacktest's one file per symbol, holds any number of symbols and all-market streams in
 * one session, and keeps snapshots apart from frames with the instrument they belong to. Receive times are written to
 * the nanosecond and are strictly increasing (see {@code MonotonicReceiveTime}), so the replayer's merge by time
 * restores the exact order. Naming the {@code .ws.1.0} file to {@code hellmoon replay} brings the other two. A
 * recording of a host the replayer does not recognise as Binance's (a simulator on localhost) is replayed with
 * {@code --venue}.
 * <p>
 * Text frames only: a frame whose first non-blank byte is not {@code {} or {@code [} (a binary protobuf frame) is
 * not recorded but counted; line breaks inside a frame (JSON whitespace) are written as spaces.
 * <p>
 * Writing goes through a buffer, written out when full and by {@link #flush()}; nothing is allocated per frame. The
 * file writes happen on the feed's thread: a recording feed trades a little latency for a faithful record. Single
 * threaded.
 */
public final class FrameRecorder implements VenueFrameHandler, AutoCloseable
{
    private static final int BUFFER_LENGTH = 1024 * 1024;
    private static final byte[] FRAME_SEPARATOR = { ':', ' ' };
    private static final byte[] REPLY_ARROW = { ' ', '-', '>', ' ' };
    private static final byte[] CONNECTION_ARROW = { ' ', '<', '-', '>', ' ' };
    private static final byte[] NEWLINE = { '\n' };

    private final VenueFrameHandler delegate;
    private final IntFunction<String> snapshotUrls;
    private final Path directory;
    private final String session;
    private final Output frames;
    private final Output snapshots;

    private long framesRecorded;
    private long framesNotRecorded;
    private long snapshotsRecorded;
    private boolean closed;

    /**
     * Start a session: its files are created now.
     *
     * @param directory    for the files; created if missing.
     * @param session      file name prefix, e.g. {@code binance-usdm-20240808T235415Z}.
     * @param delegate     receives everything after it is recorded: the decoders.
     * @param snapshotUrls the REST URL of an instrument's depth snapshot, written before its body.
     * @throws UncheckedIOException if the files cannot be created.
     */
    public FrameRecorder(
        final Path directory, final String session, final VenueFrameHandler delegate,
        final IntFunction<String> snapshotUrls)
    {
        this.delegate = delegate;
        this.snapshotUrls = snapshotUrls;
        this.directory = directory;
        this.session = session;
        try
        {
            Files.createDirectories(directory);
            frames = new Output(directory.resolve(session + ".ws.1.0"));
            snapshots = new Output(directory.resolve(session + ".http.0.0"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create the recording " + directory.resolve(session), ex);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        if (isText(buffer, offset, length))
        {
            frames.putTime(receiveTimeNs);
            frames.put(FRAME_SEPARATOR);
            frames.putLine(buffer, offset, length);
            framesRecorded++;
        }
        else
        {
            framesNotRecorded++;
        }
        delegate.onFrame(buffer, offset, length, receiveTimeNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onDepthSnapshot(
        final int instrumentId, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        snapshots.putAscii(snapshotUrls.apply(instrumentId));
        snapshots.put(REPLY_ARROW);
        snapshots.putTime(receiveTimeNs);
        snapshots.put(FRAME_SEPARATOR);
        snapshots.putLine(buffer, offset, length);
        snapshotsRecorded++;
        delegate.onDepthSnapshot(instrumentId, buffer, offset, length, receiveTimeNs);
    }

    /**
     * Note that a connection opened (a line the replayer skips).
     *
     * @param url    of the connection.
     * @param timeNs when, epoch nanoseconds.
     */
    public void onConnectionOpened(final String url, final long timeNs)
    {
        frames.putAscii(url);
        frames.put(CONNECTION_ARROW);
        frames.putTime(timeNs);
        frames.put(NEWLINE);
    }

    /**
     * Record the exchangeInfo reply the feed loaded, as {@code <session>.0}.
     *
     * @param url    requested.
     * @param body   the reply.
     * @param offset of the body.
     * @param length of the body.
     * @param timeNs when it was received.
     * @throws UncheckedIOException if it cannot be written.
     */
    public void onExchangeInfo(
        final String url, final DirectBuffer body, final int offset, final int length, final long timeNs)
    {
        try (Output info = new Output(directory.resolve(session + ".0")))
        {
            info.putAscii(url);
            info.put(REPLY_ARROW);
            info.putTime(timeNs);
            info.put(FRAME_SEPARATOR);
            info.putLine(body, offset, length);
        }
    }

    /**
     * Write out what is buffered, e.g. once a second from the feed's timer, so a crash loses little.
     */
    public void flush()
    {
        frames.flush();
        snapshots.flush();
    }

    /**
     * Frames written.
     *
     * @return the count.
     */
    public long framesRecorded()
    {
        return framesRecorded;
    }

    /**
     * Binary frames not written.
     *
     * @return the count.
     */
    public long framesNotRecorded()
    {
        return framesNotRecorded;
    }

    /**
     * Snapshots written.
     *
     * @return the count.
     */
    public long snapshotsRecorded()
    {
        return snapshotsRecorded;
    }

    /**
     * The frames file, to give to {@code hellmoon replay}.
     *
     * @return the path of {@code <session>.ws.1.0}.
     */
    public Path framesFile()
    {
        return directory.resolve(session + ".ws.1.0");
    }

    /**
     * Flush and close the files.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            CloseHelper.closeAll(frames, snapshots);
        }
    }

    private static boolean isText(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (' ' != b && '\t' != b && '\r' != b && '\n' != b)
            {
                return '{' == b || '[' == b;
            }
        }
        return false;
    }

    /**
     * One file behind a reusable direct buffer.
     */
    private static final class Output implements AutoCloseable
    {
        private final FileChannel channel;
        private final ByteBuffer byteBuffer = ByteBuffer.allocateDirect(BUFFER_LENGTH);
        private final UnsafeBuffer buffer = new UnsafeBuffer(byteBuffer);
        private final Path file;
        private int position;

        Output(final Path file)
        {
            this.file = file;
            try
            {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot create " + file, ex);
            }
        }

        void put(final byte[] bytes)
        {
            ensure(bytes.length);
            buffer.putBytes(position, bytes);
            position += bytes.length;
        }

        void putAscii(final String text)
        {
            final int length = text.length();
            int from = 0;
            while (from < length)
            {
                ensure(1);
                final int chunk = Math.min(length - from, BUFFER_LENGTH - position);
                for (int i = 0; i < chunk; i++)
                {
                    buffer.putByte(position + i, (byte)text.charAt(from + i));
                }
                position += chunk;
                from += chunk;
            }
        }

        /**
         * {@code seconds.nanoseconds} with nine fraction digits.
         */
        void putTime(final long timeNs)
        {
            ensure(32);
            final long seconds = Math.floorDiv(timeNs, 1_000_000_000L);
            final long nanos = Math.floorMod(timeNs, 1_000_000_000L);
            position += buffer.putLongAscii(position, seconds);
            buffer.putByte(position++, (byte)'.');
            long divisor = 100_000_000L;
            for (int i = 0; i < 9; i++)
            {
                buffer.putByte(position++, (byte)('0' + (nanos / divisor) % 10));
                divisor /= 10;
            }
        }

        /**
         * The bytes, line breaks replaced by spaces, then a line break; in chunks if longer than the buffer.
         */
        void putLine(final DirectBuffer source, final int offset, final int length)
        {
            int from = 0;
            while (from < length)
            {
                ensure(1);
                final int chunk = Math.min(length - from, BUFFER_LENGTH - position);
                buffer.putBytes(position, source, offset + from, chunk);
                for (int i = position, end = position + chunk; i < end; i++)
                {
                    final byte b = buffer.getByte(i);
                    if ('\n' == b || '\r' == b)
                    {
                        buffer.putByte(i, (byte)' ');
                    }
                }
                position += chunk;
                from += chunk;
            }
            ensure(1);
            buffer.putByte(position++, (byte)'\n');
        }

        void ensure(final int length)
        {
            if (position + length > BUFFER_LENGTH)
            {
                flush();
            }
        }

        void flush()
        {
            if (0 == position)
            {
                return;
            }
            byteBuffer.clear().limit(position);
            try
            {
                while (byteBuffer.hasRemaining())
                {
                    channel.write(byteBuffer);
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot write " + file, ex);
            }
            position = 0;
        }

        public void close()
        {
            try
            {
                flush();
            }
            finally
            {
                CloseHelper.quietClose(channel);
            }
        }
    }
}
