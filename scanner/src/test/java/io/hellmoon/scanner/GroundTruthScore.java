/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.scanner;

import io.hellmoon.feed.synthetic.AnomalyKind;
import io.hellmoon.feed.synthetic.InjectedAnomaly;
import io.hellmoon.sbe.AnomalyType;
import io.hellmoon.sbe.Direction;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a scanner's anomalies against the synthetic market's ground truth.
 * <ul>
 *     <li><b>Recall</b> per injected kind: the share of injected anomalies for which the kind's detector reported an
 *     anomaly of its type on that instrument between the anomaly's start and {@code grace} after its end (anomalies
 *     still running, with their grace, at the end of the run are left out).</li>
 *     <li><b>False alarms</b> per detector: its anomalies on instruments and at times that no injected anomaly
 *     explains (none on the instrument from {@code grace} before its start to {@code grace} after its end), per
 *     instrument-hour of scanned market after the warm-up.</li>
 * </ul>
 */
final class GroundTruthScore
{
    final Map<AnomalyKind, int[]> recall = new EnumMap<>(AnomalyKind.class);
    final Map<AnomalyKind, int[]> directions = new EnumMap<>(AnomalyKind.class);
    final Map<AnomalyKind, List<Long>> delaysMs = new EnumMap<>(AnomalyKind.class);
    final Map<AnomalyType, Integer> falseAlarms = new EnumMap<>(AnomalyType.class);
    final Map<AnomalyType, Integer> events = new EnumMap<>(AnomalyType.class);
    final List<InjectedAnomaly> missed = new ArrayList<>();
    final double instrumentHours;
    private final List<RecordingSink.Anomaly> anomalies;

    GroundTruthScore(
        final List<InjectedAnomaly> truth,
        final List<RecordingSink.Anomaly> anomalies,
        final long fromNs,
        final long toNs,
        final int instruments,
        final long graceNs)
    {
        instrumentHours = instruments * (toNs - fromNs) / 3.6e12;
        this.anomalies = anomalies;
        for (final InjectedAnomaly injected : truth)
        {
            if (injected.endTimeNs() + graceNs > toNs)
            {
                continue; // Not over, with its grace, when the run ended: neither found nor missed.
            }
            final AnomalyType type = injected.kind().anomalyType();
            final int[] counts = recall.computeIfAbsent(injected.kind(), k -> new int[2]);
            final int[] directionCounts = directions.computeIfAbsent(injected.kind(), k -> new int[2]);
            counts[0]++;
            RecordingSink.Anomaly first = null;
            for (final RecordingSink.Anomaly anomaly : anomalies)
            {
                if (type == anomaly.type() && injected.instrumentId() == anomaly.instrumentId() &&
                    anomaly.eventTimeNs() >= injected.startTimeNs() &&
                    anomaly.eventTimeNs() < injected.endTimeNs() + graceNs)
                {
                    first = anomaly;
                    break;
                }
            }
            if (null != first)
            {
                counts[1]++;
                delaysMs.computeIfAbsent(injected.kind(), k -> new ArrayList<>())
                    .add((first.eventTimeNs() - injected.startTimeNs()) / 1_000_000);
                if (injected.kind().directional())
                {
                    directionCounts[0]++;
                    if (injected.direction() == first.direction())
                    {
                        directionCounts[1]++;
                    }
                }
            }
            else
            {
                missed.add(injected);
            }
        }

        for (final RecordingSink.Anomaly anomaly : anomalies)
        {
            if (anomaly.eventTimeNs() < fromNs || anomaly.eventTimeNs() >= toNs)
            {
                continue;
            }
            events.merge(anomaly.type(), 1, Integer::sum);
            boolean explained = false;
            for (final InjectedAnomaly injected : truth)
            {
                if (injected.instrumentId() == anomaly.instrumentId() &&
                    anomaly.eventTimeNs() >= injected.startTimeNs() - graceNs &&
                    anomaly.eventTimeNs() < injected.endTimeNs() + graceNs)
                {
                    explained = true;
                    break;
                }
            }
            if (!explained)
            {
                falseAlarms.merge(anomaly.type(), 1, Integer::sum);
            }
        }
    }

    double recall(final AnomalyKind kind)
    {
        final int[] counts = recall.get(kind);
        return null == counts || 0 == counts[0] ? Double.NaN : (double)counts[1] / counts[0];
    }

    int injected(final AnomalyKind kind)
    {
        final int[] counts = recall.get(kind);
        return null == counts ? 0 : counts[0];
    }

    double falseAlarmsPerInstrumentHour(final AnomalyType type)
    {
        return falseAlarms.getOrDefault(type, 0) / instrumentHours;
    }

    String table()
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "instrument-hours scored: %.1f%n", instrumentHours));
        out.append("kind                  injected detected recall direction  median delay%n".formatted());
        for (final AnomalyKind kind : AnomalyKind.values())
        {
            final int[] counts = recall.getOrDefault(kind, new int[2]);
            final int[] d = directions.getOrDefault(kind, new int[2]);
            final List<Long> delays = new ArrayList<>(delaysMs.getOrDefault(kind, List.of()));
            delays.sort(Long::compare);
            out.append(String.format(Locale.ROOT, "%-21s %8d %8d %6.3f %9s %10s%n", kind, counts[0], counts[1],
                recall(kind), kind.directional() ? d[1] + "/" + d[0] : "-",
                delays.isEmpty() ? "-" : delays.get(delays.size() / 2) + " ms"));
        }
        out.append("detector                  events unexplained per-instrument-hour%n".formatted());
        for (final AnomalyType type : AnomalyType.values())
        {
            if (AnomalyType.NULL_VAL == type)
            {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-25s %6d %11d %10.4f%n", type, events.getOrDefault(type, 0),
                falseAlarms.getOrDefault(type, 0), falseAlarmsPerInstrumentHour(type)));
        }
        for (final InjectedAnomaly anomaly : missed)
        {
            out.append(String.format(Locale.ROOT, "missed: %s on %d from %d s for %d s, magnitude %.4f; its type's " +
                "anomalies on the instrument at (s from its start):", anomaly.kind(), anomaly.instrumentId(),
                anomaly.startTimeNs() / 1_000_000_000L % 100_000, (anomaly.endTimeNs() - anomaly.startTimeNs()) /
                1_000_000_000L, anomaly.magnitude()));
            for (final RecordingSink.Anomaly event : anomalies)
            {
                if (event.instrumentId() == anomaly.instrumentId() && event.type() == anomaly.kind().anomalyType())
                {
                    out.append(' ').append((event.eventTimeNs() - anomaly.startTimeNs()) / 1_000_000_000L);
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    static boolean isDirectional(final Direction direction)
    {
        return Direction.UP == direction || Direction.DOWN == direction;
    }
}
