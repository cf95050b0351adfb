/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.feed.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Counts of the capture lines a replay could not use, and the first few of them described for the user. Only the
 * bad lines allocate (their description), so a clean capture costs nothing here.
 */
final class ReplayErrors
{
    private final int maxSamples;
    private final List<String> samples = new ArrayList<>();
    private long malformedLines;
    private long skippedLines;
    private long readErrors;

    ReplayErrors(final int maxSamples)
    {
        this.maxSamples = maxSamples;
    }

    void malformed(final Path file, final long lineNumber, final String reason)
    {
        malformedLines++;
        sample(file + ":" + lineNumber + ": " + reason);
    }

    void readError(final Path file, final long lineNumber, final Exception ex)
    {
        readErrors++;
        sample(file + ":" + lineNumber + ": cannot read, rest of file skipped: " + ex);
    }

    void skipped()
    {
        skippedLines++;
    }

    long malformedLines()
    {
        return malformedLines;
    }

    long skippedLines()
    {
        return skippedLines;
    }

    long readErrors()
    {
        return readErrors;
    }

    List<String> samples()
    {
        return Collections.unmodifiableList(samples);
    }

    private void sample(final String description)
    {
        if (samples.size() < maxSamples)
        {
            samples.add(description);
        }
    }
}
