/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.codecs;

import org.agrona.SystemUtil;

import static java.lang.Integer.getInteger;
import static java.lang.System.getProperty;

/**
 * Property names and defaults shared by every Hellmoon process: the streams between components and where files go.
 * <p>
 * Every arrow between components is an Aeron stream; channels and stream ids are configuration, defaulting to
 * {@code aeron:ipc} and one stream id per hop, so the same components run in one JVM, as co-located processes
 * sharing a media driver, or on several hosts over UDP.
 */
public final class HellmoonConfiguration
{
    /**
     * Channel of the market-data stream (feed handlers to scanners and executor).
     */
    public static final String MD_CHANNEL_PROP_NAME = "hellmoon.md.channel";

    /**
     * Stream id of the market-data stream.
     */
    public static final String MD_STREAM_ID_PROP_NAME = "hellmoon.md.stream.id";

    /**
     * Default market-data stream id.
     */
    public static final int MD_STREAM_ID_DEFAULT = 1001;

    /**
     * Channel of the scan stream (scanners to router: anomalies, regime changes).
     */
    public static final String SCAN_CHANNEL_PROP_NAME = "hellmoon.scan.channel";

    /**
     * Stream id of the scan stream.
     */
    public static final String SCAN_STREAM_ID_PROP_NAME = "hellmoon.scan.stream.id";

    /**
     * Default scan stream id.
     */
    public static final int SCAN_STREAM_ID_DEFAULT = 1002;

    /**
     * Channel of the intent stream (router to executor: decisions, order intents).
     */
    public static final String INTENT_CHANNEL_PROP_NAME = "hellmoon.intent.channel";

    /**
     * Stream id of the intent stream.
     */
    public static final String INTENT_STREAM_ID_PROP_NAME = "hellmoon.intent.stream.id";

    /**
     * Default intent stream id.
     */
    public static final int INTENT_STREAM_ID_DEFAULT = 1003;

    /**
     * Channel of the execution stream (executor to router and tools: execution reports, positions).
     */
    public static final String EXEC_CHANNEL_PROP_NAME = "hellmoon.exec.channel";

    /**
     * Stream id of the execution stream.
     */
    public static final String EXEC_STREAM_ID_PROP_NAME = "hellmoon.exec.stream.id";

    /**
     * Default execution stream id.
     */
    public static final int EXEC_STREAM_ID_DEFAULT = 1004;

    /**
     * Channel of the control stream (operator commands: kill switch, reload, symbol enable/disable).
     */
    public static final String CONTROL_CHANNEL_PROP_NAME = "hellmoon.control.channel";

    /**
     * Stream id of the control stream.
     */
    public static final String CONTROL_STREAM_ID_PROP_NAME = "hellmoon.control.stream.id";

    /**
     * Default control stream id.
     */
    public static final int CONTROL_STREAM_ID_DEFAULT = 1005;

    /**
     * Default channel of every stream.
     */
    public static final String CHANNEL_DEFAULT = "aeron:ipc";

    /**
     * Folder holding recorded exchange data, read by tests and the demo's {@code --replay} examples.
     */
    public static final String DATA_DIR_PROP_NAME = "hellmoon.data.dir";

    /**
     * Default data folder, relative to the repository root.
     */
    public static final String DATA_DIR_DEFAULT = "../shared/data";

    /**
     * Folder for run-time files: error samples, latency logs, state snapshots, the instrument registry.
     */
    public static final String RUN_DIR_PROP_NAME = "hellmoon.run.dir";

    /**
     * Default run folder.
     */
    public static final String RUN_DIR_DEFAULT = "out";

    private HellmoonConfiguration()
    {
    }

    /**
     * One of the appliance's streams, with its default id and the properties that override it.
     */
    public enum Stream
    {
        /**
         * Market data: instrument definitions, trades, quotes, depth, books, bars, liquidations, marks, feed status.
         */
        MD(MD_CHANNEL_PROP_NAME, MD_STREAM_ID_PROP_NAME, MD_STREAM_ID_DEFAULT),

        /**
         * Scanner output: anomaly events and regime changes.
         */
        SCAN(SCAN_CHANNEL_PROP_NAME, SCAN_STREAM_ID_PROP_NAME, SCAN_STREAM_ID_DEFAULT),

        /**
         * Router output: decisions and order intents.
         */
        INTENT(INTENT_CHANNEL_PROP_NAME, INTENT_STREAM_ID_PROP_NAME, INTENT_STREAM_ID_DEFAULT),

        /**
         * Executor output: execution reports and position updates.
         */
        EXEC(EXEC_CHANNEL_PROP_NAME, EXEC_STREAM_ID_PROP_NAME, EXEC_STREAM_ID_DEFAULT),

        /**
         * Operator commands.
         */
        CONTROL(CONTROL_CHANNEL_PROP_NAME, CONTROL_STREAM_ID_PROP_NAME, CONTROL_STREAM_ID_DEFAULT);

        private final String channelPropName;
        private final String streamIdPropName;
        private final int defaultStreamId;

        Stream(final String channelPropName, final String streamIdPropName, final int defaultStreamId)
        {
            this.channelPropName = channelPropName;
            this.streamIdPropName = streamIdPropName;
            this.defaultStreamId = defaultStreamId;
        }

        /**
         * The configured channel, from the system property or the default.
         *
         * @return the channel URI.
         */
        public String channel()
        {
            return getProperty(channelPropName, CHANNEL_DEFAULT);
        }

        /**
         * The configured stream id, from the system property or the default.
         *
         * @return the stream id.
         */
        public int streamId()
        {
            return getInteger(streamIdPropName, defaultStreamId);
        }

        /**
         * Name of the property that sets the channel.
         *
         * @return the property name.
         */
        public String channelPropName()
        {
            return channelPropName;
        }

        /**
         * Name of the property that sets the stream id.
         *
         * @return the property name.
         */
        public String streamIdPropName()
        {
            return streamIdPropName;
        }

        /**
         * The default stream id.
         *
         * @return the default stream id.
         */
        public int defaultStreamId()
        {
            return defaultStreamId;
        }

        /**
         * Find a stream by name (md, scan, intent, exec, control) or by configured stream id.
         *
         * @param nameOrId as typed by a user.
         * @return the stream.
         * @throws IllegalArgumentException naming the valid values.
         */
        public static Stream parse(final String nameOrId)
        {
            for (final Stream stream : values())
            {
                if (stream.name().equalsIgnoreCase(nameOrId) || String.valueOf(stream.streamId()).equals(nameOrId))
                {
                    return stream;
                }
            }
            throw new IllegalArgumentException(
                "unknown stream '" + nameOrId + "', expected md, scan, intent, exec or control, or their ids");
        }
    }

    /**
     * The data folder with recorded exchange captures.
     *
     * @return the folder path.
     */
    public static String dataDir()
    {
        return getProperty(DATA_DIR_PROP_NAME, DATA_DIR_DEFAULT);
    }

    /**
     * The run folder.
     *
     * @return the folder path.
     */
    public static String runDir()
    {
        return getProperty(RUN_DIR_PROP_NAME, RUN_DIR_DEFAULT);
    }

    /**
     * A duration property such as {@code 10ms} or {@code 5s} in nanoseconds.
     *
     * @param propName     property name.
     * @param defaultValue default, e.g. {@code "1s"}.
     * @return nanoseconds.
     */
    public static long durationNs(final String propName, final String defaultValue)
    {
        return SystemUtil.parseDuration(propName, getProperty(propName, defaultValue));
    }
}
