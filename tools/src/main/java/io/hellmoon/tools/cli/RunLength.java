/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.tools.cli;

import org.agrona.SystemUtil;

/**
 * How the long-running commands read {@code --duration} and {@code --exit-when-idle}: Agrona duration text (e.g.
 * {@code 60s}, {@code 500ms}), with the same meaning of an absent option everywhere.
 */
final class RunLength
{
    private RunLength()
    {
    }

    /**
     * The run's length from {@code --duration}.
     *
     * @param duration the option's text, null when not given.
     * @return nanoseconds, {@link Long#MAX_VALUE} (until stopped) when not given.
     * @throws NumberFormatException naming {@code --duration} when the text is not a duration.
     */
    static long durationNs(final String duration)
    {
        return null == duration ? Long.MAX_VALUE : SystemUtil.parseDuration("--duration", duration);
    }

    /**
     * How long without data before stopping, from {@code --exit-when-idle}.
     *
     * @param exitWhenIdle the option's text, null when not given.
     * @return nanoseconds, 0 (never idle out) when not given.
     * @throws NumberFormatException naming {@code --exit-when-idle} when the text is not a duration.
     */
    static long idleNs(final String exitWhenIdle)
    {
        return null == exitWhenIdle ? 0 : SystemUtil.parseDuration("--exit-when-idle", exitWhenIdle);
    }
}
