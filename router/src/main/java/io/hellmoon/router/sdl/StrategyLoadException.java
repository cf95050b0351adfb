/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.sdl;

import java.util.List;

/**
 * A strategy folder could not be loaded; the message lists every error, one per line.
 */
public final class StrategyLoadException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient List<SdlError> errors;

    /**
     * An exception for a list of errors.
     *
     * @param folder where the strategies were loaded from.
     * @param errors every error found; not empty.
     */
    public StrategyLoadException(final String folder, final List<SdlError> errors)
    {
        super(describe(folder, errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * Every error found.
     *
     * @return the errors, in file order.
     */
    public List<SdlError> errors()
    {
        return errors;
    }

    /**
     * The errors as a multi-line report.
     *
     * @param folder loaded.
     * @param errors found.
     * @return the report.
     */
    public static String describe(final String folder, final List<SdlError> errors)
    {
        final StringBuilder builder = new StringBuilder()
            .append(errors.size()).append(1 == errors.size() ? " error" : " errors")
            .append(" in strategy folder ").append(folder).append(':');
        for (final SdlError error : errors)
        {
            builder.append(System.lineSeparator()).append("  ").append(error);
        }
        return builder.toString();
    }
}
