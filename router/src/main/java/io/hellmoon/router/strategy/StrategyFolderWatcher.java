/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.strategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reloads a {@link StrategyRepository} when a file in its folder changes, for tools that want edits picked up
 * without a control command. Changes are debounced (an editor's save is often several events) and the reload runs
 * on the watcher's own daemon thread; the router sees the new set on its next decision. Close it to stop.
 */
public final class StrategyFolderWatcher implements AutoCloseable
{
    private final StrategyRepository repository;
    private final Consumer<ReloadResult> listener;
    private final long debounceMs;
    private final WatchService watchService;
    private final Thread thread;

    /**
     * Start watching.
     *
     * @param repository to reload.
     * @param debounceMs quiet time after the last change before reloading.
     * @param listener   told the result of every reload (on the watcher's thread).
     */
    public StrategyFolderWatcher(
        final StrategyRepository repository, final long debounceMs, final Consumer<ReloadResult> listener)
    {
        this.repository = repository;
        this.listener = listener;
        this.debounceMs = debounceMs;
        try
        {
            this.watchService = FileSystems.getDefault().newWatchService();
            repository.folder().register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot watch " + repository.folder(), ex);
        }
        this.thread = new Thread(this::run, "hellmoon-strategy-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run()
    {
        try
        {
            while (!Thread.currentThread().isInterrupted())
            {
                WatchKey key = watchService.take();
                key.pollEvents();
                key.reset();
                while (null != (key = watchService.poll(debounceMs, TimeUnit.MILLISECONDS)))
                {
                    key.pollEvents();
                    key.reset();
                }
                listener.accept(repository.reload());
            }
        }
        catch (final InterruptedException | ClosedWatchServiceException ignore)
        {
            // closing
        }
    }

    /**
     * Stop watching and wait for the thread to end.
     */
    public void close()
    {
        thread.interrupt();
        try
        {
            watchService.close();
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
