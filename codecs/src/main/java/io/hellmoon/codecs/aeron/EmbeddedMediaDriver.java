/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs.aeron;

import io.aeron.Aeron;
import io.aeron.CommonContext;
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
        return launchAt(directory, errorHandler);
    }

    /**
     * Launch a driver in a given directory, e.g. Aeron's default one so that {@code hellmoon tail}, {@code hellmoon
     * stat} and Aeron's own tools find it without options.
     *
     * @param directory    for the driver's files; deleted on close.
     * @param errorHandler for errors on the driver's thread.
     * @return the running driver.
     * @throws IllegalStateException if a live driver already uses the directory.
     */
    public static EmbeddedMediaDriver launchAt(final String directory, final ErrorHandler errorHandler)
    {
        if (CommonContext.isDriverActive(new File(directory), 2_000, message -> {}))
        {
            throw new IllegalStateException("a media driver is already running in " + directory +
                " (stop it, or choose another directory with -Daeron.dir or --aeron-dir)");
        }

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

        // Not launchEmbedded: it swaps Aeron's default directory for a random one, and the demo wants the default.
        return new EmbeddedMediaDriver(MediaDriver.launch(context));
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
