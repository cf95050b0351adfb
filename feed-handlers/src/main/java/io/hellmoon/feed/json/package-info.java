/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Zero-allocation JSON reading for the feed decoders: {@link io.hellmoon.feed.json.JsonCursor} tokenizes a JSON text
 * in place in a {@link org.agrona.DirectBuffer}, {@link io.hellmoon.feed.json.JsonFieldTable} remembers where an
 * object's fields are so they can be read in any order, and {@link io.hellmoon.feed.json.JsonNumberParser} turns
 * number text into exact fixed-point values; {@link io.hellmoon.feed.json.JsonScanner} is the one-pass reader of a
 * decoder's fast path, for JSON of a known shape. Nothing here builds a {@code String}, a tree or throws on bad
 * input.
 */
package io.hellmoon.feed.json;
