/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.sdl;

/**
 * One reason a strategy file is invalid: which file, where in it (a JSON path such as {@code $.exits.k1} or
 * {@code $.hellmoon_events[0].type}) and why.
 *
 * @param file   file name, e.g. {@code momentum.json}; the folder for folder-level errors.
 * @param path   JSON path of the offending value, {@code $} for the whole document.
 * @param reason what is wrong, starting with its kind: {@code missing field}, {@code wrong type}, {@code out of range},
 *               {@code unknown value}, {@code unknown key}, {@code bad inheritance}, {@code malformed JSON}...
 */
public record SdlError(String file, String path, String reason)
{
    /**
     * The error as one line: {@code file: path: reason}.
     *
     * @return the line.
     */
    public String toString()
    {
        return file + ": " + path + ": " + reason;
    }
}
