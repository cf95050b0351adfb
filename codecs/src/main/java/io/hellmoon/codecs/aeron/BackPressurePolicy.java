/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs.aeron;

/**
 * What a publisher does when its stream pushes back.
 */
public enum BackPressurePolicy
{
    /**
     * Drop the message at once and count it: for producers that must never wait, and whose consumers can tolerate
     * a lost message (they see the counter).
     */
    DROP,

    /**
     * Retry with the publisher's idle strategy until the message is taken or the retry timeout passes, then drop
     * and count. A timeout of zero retries forever: replays and backtests use that, so nothing is lost and the
     * replay simply runs at the pace of its slowest subscriber.
     */
    RETRY
}
