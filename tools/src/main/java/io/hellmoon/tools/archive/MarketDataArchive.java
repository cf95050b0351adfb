/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.archive;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.archive.codecs.SourceLocation;
import io.aeron.archive.status.RecordingPos;
import io.hellmoon.codecs.SbeHandler;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.status.CountersReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.agrona.concurrent.status.CountersReader.NULL_COUNTER_ID;

/**
 * An Aeron Archive embedded in this process on a media driver, recording Hellmoon streams (the market-data stream
 * first of all) to a directory and replaying them onto a stream: the event store and backtest input of the design.
 * <p>
 * The archive runs its agents on one shared thread with a backoff idle strategy, like the embedded media driver, and is
 * controlled over IPC only: its UDP control channel is disabled, so nothing listens on the network; its replication
 * channel, which Aeron requires, is a loopback endpoint on an ephemeral port. Recordings are of the local publication
 * ({@link SourceLocation#LOCAL}), so on IPC the archive is one more subscriber of the stream, and a publisher that
 * waits for its slowest subscriber (as {@code hellmoon replay} does) loses nothing to the recording.
 * <p>
 * The directory keeps its recordings when the archive closes, and a later archive on the same directory adds to them.
 * Not thread safe: one thread drives an instance.
 */
public final class MarketDataArchive implements AutoCloseable
{
    /**
     * The replication channel Aeron requires even when nothing is replicated: loopback, ephemeral port.
     */
    public static final String REPLICATION_CHANNEL = "aeron:udp?endpoint=localhost:0";

    /**
     * Control requests and responses travel over IPC.
     */
    public static final String CONTROL_CHANNEL = "aeron:ipc";

    /**
     * How long to wait for the archive to start a recording or to catch up with a publication.
     */
    public static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    private static final int FRAGMENT_LIMIT = 256;

    private final Path directory;
    private final Archive archive;
    private final Aeron aeron;
    private final AeronArchive client;

    private MarketDataArchive(final Path directory, final Archive archive, final Aeron aeron, final AeronArchive client)
    {
        this.directory = directory;
        this.archive = archive;
        this.aeron = aeron;
        this.client = client;
    }

    /**
     * Launch an archive storing its recordings in {@code directory} (created if absent) on the media driver in
     * {@code aeronDirectoryName}, and connect a client to it.
     *
     * @param aeronDirectoryName of a running media driver.
     * @param directory          for the recordings and the archive's catalog.
     * @param errorHandler       for errors on the archive's thread.
     * @return the archive.
     */
    public static MarketDataArchive launch(
        final String aeronDirectoryName, final Path directory, final ErrorHandler errorHandler)
    {
        final Archive.Context context = new Archive.Context()
            .aeronDirectoryName(aeronDirectoryName)
            .archiveDir(directory.toFile())
            .deleteArchiveOnStart(false)
            .controlChannelEnabled(false)
            .localControlChannel(CONTROL_CHANNEL)
            .replicationChannel(REPLICATION_CHANNEL)
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(() -> new BackoffIdleStrategy(
                10, 20, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100)))
            .archiveClientContext(new AeronArchive.Context()
                .controlRequestChannel(CONTROL_CHANNEL)
                .controlResponseChannel(CONTROL_CHANNEL))
            .errorHandler(errorHandler);

        Archive archive = null;
        Aeron aeron = null;
        try
        {
            archive = Archive.launch(context);
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirectoryName));
            final AeronArchive client = AeronArchive.connect(new AeronArchive.Context()
                .aeron(aeron)
                .ownsAeronClient(false)
                .controlRequestChannel(CONTROL_CHANNEL)
                .controlRequestStreamId(context.localControlStreamId())
                .controlResponseChannel(CONTROL_CHANNEL));
            return new MarketDataArchive(directory, archive, aeron, client);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(aeron, archive);
            throw ex;
        }
    }

    /**
     * Launch an archive that prints its errors on standard error.
     *
     * @param aeronDirectoryName of a running media driver.
     * @param directory          for the recordings.
     * @return the archive.
     */
    public static MarketDataArchive launch(final String aeronDirectoryName, final Path directory)
    {
        return launch(aeronDirectoryName, directory, Throwable::printStackTrace);
    }

    /**
     * The directory of the recordings.
     *
     * @return the directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * The archive client, for operations this class does not wrap.
     *
     * @return the client.
     */
    public AeronArchive client()
    {
        return client;
    }

    /**
     * Record every publication on a channel and stream of this driver, from now on. A publication added before the
     * call is recorded from where it is when the archive joins; call {@link #awaitRecording(int)} before publishing
     * anything that must be in the recording.
     *
     * @param channel  of the stream, e.g. {@code aeron:ipc}.
     * @param streamId of the stream.
     * @return the id of the recording subscription, for {@link #stopRecording(long)}.
     */
    public long startRecording(final String channel, final int streamId)
    {
        return client.startRecording(channel, streamId, SourceLocation.LOCAL);
    }

    /**
     * Wait until the archive records the publication of a session.
     *
     * @param sessionId of the publication.
     * @return the recording id.
     * @throws IllegalStateException if the archive has not started recording it within {@link #TIMEOUT_NS}.
     */
    public long awaitRecording(final int sessionId)
    {
        final CountersReader counters = aeron.countersReader();
        final IdleStrategy idle = new BackoffIdleStrategy();
        final long deadlineNs = System.nanoTime() + TIMEOUT_NS;
        int counterId;
        while (NULL_COUNTER_ID == (counterId = RecordingPos.findCounterIdBySession(
            counters, sessionId, client.archiveId())))
        {
            checkDeadline(deadlineNs, "the archive did not start recording session " + sessionId);
            idle.idle();
        }
        return RecordingPos.getRecordingId(counters, counterId);
    }

    /**
     * Wait until a live recording has reached a position, e.g. its publication's position once it is done.
     *
     * @param recordingId of the recording.
     * @param position    to reach.
     * @throws IllegalStateException if it does not within {@link #TIMEOUT_NS}, or the recording is not active.
     */
    public void awaitPosition(final long recordingId, final long position)
    {
        final CountersReader counters = aeron.countersReader();
        final int counterId = RecordingPos.findCounterIdByRecording(counters, recordingId, client.archiveId());
        if (NULL_COUNTER_ID == counterId)
        {
            throw new IllegalStateException("recording " + recordingId + " is not active");
        }
        final IdleStrategy idle = new BackoffIdleStrategy();
        final long deadlineNs = System.nanoTime() + TIMEOUT_NS;
        while (counters.getCounterValue(counterId) < position)
        {
            checkDeadline(deadlineNs, "recording " + recordingId + " did not reach position " + position);
            idle.idle();
        }
    }

    /**
     * Stop a recording subscription; its recordings keep what they have.
     *
     * @param subscriptionId from {@link #startRecording(String, int)}.
     */
    public void stopRecording(final long subscriptionId)
    {
        client.stopRecording(subscriptionId);
    }

    /**
     * Every recording in the archive, oldest first.
     *
     * @return the recordings.
     */
    public List<Recording> recordings()
    {
        final List<Recording> recordings = new ArrayList<>();
        long fromId = 0;
        int found;
        do
        {
            found = client.listRecordings(fromId, 100, (
                controlSessionId, correlationId, recordingId, startTimestamp, stopTimestamp, startPosition,
                stopPosition, initialTermId, segmentFileLength, termBufferLength, mtuLength, sessionId, streamId,
                strippedChannel, originalChannel, sourceIdentity) ->
                recordings.add(new Recording(
                    recordingId, startTimestamp, stopTimestamp, startPosition, stopPosition, streamId,
                    strippedChannel)));
            fromId = recordings.isEmpty() ? 0 : recordings.get(recordings.size() - 1).recordingId() + 1;
        }
        while (100 == found);
        return recordings;
    }

    /**
     * Replay a recording, whole, onto a channel and stream of this driver, handing each message to a handler as a
     * subscriber of that stream would see it; returns when the replay has been consumed to the recording's end. The
     * recording must be stopped (complete).
     *
     * @param recordingId of the recording.
     * @param channel     to replay onto, e.g. {@code aeron:ipc}.
     * @param streamId    to replay onto, e.g. the market-data stream's.
     * @param handler     given every message.
     * @return the number of messages replayed.
     * @throws IllegalArgumentException if the recording does not exist or is still being recorded.
     */
    public long replay(final long recordingId, final String channel, final int streamId, final SbeHandler handler)
    {
        final long stopPosition = client.getStopPosition(recordingId);
        if (AeronArchive.NULL_POSITION == stopPosition)
        {
            throw new IllegalArgumentException("recording " + recordingId + " is still being recorded");
        }

        final long[] messages = new long[1];
        final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) ->
        {
            messages[0]++;
            handler.onMessage(buffer, offset, length);
        });
        final IdleStrategy idle = new BackoffIdleStrategy();
        try (Subscription subscription = client.replay(
            recordingId, AeronArchive.NULL_POSITION, AeronArchive.NULL_LENGTH, channel, streamId))
        {
            final long deadlineNs = System.nanoTime() + TIMEOUT_NS;
            while (0 == subscription.imageCount())
            {
                checkDeadline(deadlineNs, "replay of recording " + recordingId + " did not start");
                idle.idle();
            }
            final Image image = subscription.imageAtIndex(0);
            while (image.position() < stopPosition && !image.isClosed())
            {
                idle.idle(image.poll(assembler, FRAGMENT_LIMIT));
            }
        }
        return messages[0];
    }

    /**
     * Id of the newest recording.
     *
     * @return the id, or {@link RecordingPos#NULL_RECORDING_ID} when the archive is empty.
     */
    public long latestRecordingId()
    {
        final List<Recording> recordings = recordings();
        return recordings.isEmpty() ? RecordingPos.NULL_RECORDING_ID : recordings.get(recordings.size() - 1)
            .recordingId();
    }

    /**
     * Close the client and the archive; the media driver is the caller's, the recordings stay on disk.
     */
    public void close()
    {
        CloseHelper.closeAll(client, aeron, archive);
    }

    private static void checkDeadline(final long deadlineNs, final String message)
    {
        if (System.nanoTime() - deadlineNs > 0)
        {
            throw new IllegalStateException(message + " within " + TimeUnit.NANOSECONDS.toSeconds(TIMEOUT_NS) + " s");
        }
    }

    /**
     * One recording of the archive's catalog.
     *
     * @param recordingId      its id.
     * @param startTimestampMs when it started, epoch milliseconds.
     * @param stopTimestampMs  when it stopped, epoch milliseconds, or {@link AeronArchive#NULL_TIMESTAMP} if active.
     * @param startPosition    stream position of its first byte.
     * @param stopPosition     stream position after its last byte, or {@link AeronArchive#NULL_POSITION} if active.
     * @param streamId         of the stream recorded.
     * @param channel          of the stream recorded.
     */
    public record Recording(
        long recordingId,
        long startTimestampMs,
        long stopTimestampMs,
        long startPosition,
        long stopPosition,
        int streamId,
        String channel)
    {
        /**
         * Bytes of stream recorded, frame headers included.
         *
         * @return the length, or -1 while it is active.
         */
        public long length()
        {
            return AeronArchive.NULL_POSITION == stopPosition ? -1 : stopPosition - startPosition;
        }
    }
}
