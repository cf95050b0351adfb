/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.perf.jmh;

/**
 * The JVM flags every JMH fork needs, as constants for {@code @Fork(jvmArgsAppend = ...)}: Agrona 2.x reads
 * {@code jdk.internal.misc}, the scanner's sweep kernel uses the Vector API, Netty and Aeron want native access on
 * JDK 25. A {@code -jvmArgsAppend} on the JMH command line replaces the annotation's list, so pass none there.
 */
final class JvmFlags
{
    static final String ADD_OPENS_MISC = "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED";
    static final String ADD_OPENS_NIO = "--add-opens=java.base/java.nio=ALL-UNNAMED";
    static final String ADD_MODULES_VECTOR = "--add-modules=jdk.incubator.vector";
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /**
     * A fixed heap so a run's GC behaviour does not depend on what else the machine is doing.
     */
    static final String XMS = "-Xms1g";
    static final String XMX = "-Xmx1g";

    private JvmFlags()
    {
    }
}
