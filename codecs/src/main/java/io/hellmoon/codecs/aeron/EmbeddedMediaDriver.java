/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs.aeron;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.io.File;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A media driver inside the current JVM, for the demo, single-JVM appliance mode and tests.
 * <p>
 * It runs all its agents on one thread ({@link ThreadingMode#SHARED}) with a backoff idle strategy, because on a
 * small host a busy-spinning driver starves the components it serves. Its directory is in {@code /dev/shm} when that
 * exists, unique per launch, and deleted when the driver closes.
 */
public final class EmbeddedMediaDriver implements AutoCloseable
{
    private static final AtomicLong LAUNCHES = new AtomicLong();

    /**
     * IPC term length: big enough for any depth snapshot (a term holds messages up to an eighth of its length),
     * small enough that many drivers in tests do not fill shared memory.
     */
    public static final int IPC_TERM_LENGTH = 16 * 1024 * 1024;

    private final MediaDriver driver;

    private EmbeddedMediaDriver(final MediaDriver driver)
    {
        this.driver = driver;
    }

    /**
     * Launch a driver in a new, unique directory.
     *
     * @param name         part of the directory name, e.g. the test or the command.
     * @param errorHandler for errors on the driver's thread.
     * @return the running driver.
     */
    public static EmbeddedMediaDriver launch(final String name, final ErrorHandler errorHandler)
    {
        final File shm = new File("/dev/shm");
        final String base = shm.isDirectory() && shm.canWrite() ? shm.getPath() : System.getProperty("java.io.tmpdir");
        final String directory = base + File.separator + "hellmoon-" + name + "-" + ProcessHandle.current().pid() +
            "-" + LAUNCHES.incrementAndGet();

        final MediaDriver.Context context = new MediaDriver.Context()
            .aeronDirectoryName(directory)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy(
                10, 20, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100)))
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .ipcTermBufferLength(IPC_TERM_LENGTH)
            .publicationTermBufferLength(IPC_TERM_LENGTH)
            .termBufferSparseFile(true)
            .errorHandler(errorHandler);

        return new EmbeddedMediaDriver(MediaDriver.launchEmbedded(context));
    }

    /**
     * Launch a driver that reports its errors on standard error.
     *
     * @param name part of the directory name.
     * @return the running driver.
     */
    public static EmbeddedMediaDriver launch(final String name)
    {
        return launch(name, Throwable::printStackTrace);
    }

    /**
     * The driver's directory, for clients.
     *
     * @return the directory path.
     */
    public String aeronDirectoryName()
    {
        return driver.aeronDirectoryName();
    }

    /**
     * A new client connected to this driver; the caller closes it before the driver.
     *
     * @return the client.
     */
    public Aeron connect()
    {
        return Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
    }

    /**
     * The driver.
     *
     * @return the driver.
     */
    public MediaDriver driver()
    {
        return driver;
    }

    /**
     * Stop the driver and delete its directory.
     */
    public void close()
    {
        CloseHelper.close(driver);
    }
}
