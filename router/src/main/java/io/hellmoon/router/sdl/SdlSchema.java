/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.sdl;

import io.hellmoon.codecs.Timeframe;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Strategy Definition Language, version 1.0, as a schema that checks a parsed document and reports every
 * problem with its JSON path: missing fields, wrong types, values out of range, unknown enum values and unknown keys
 * (a typo never passes silently). README.md (SDL reference) documents every field; this class is the authority.
 * <p>
 * A document is checked twice: each file on its own as a <em>partial</em> document (required fields may come from a
 * parent), then each concrete strategy once inheritance is resolved as a <em>complete</em> document. In a partial
 * document a JSON {@code null} means "remove the inherited value" and is accepted anywhere.
 */
public final class SdlSchema
{
    /**
     * Schema version assumed for files without {@code schema_version}.
     */
    public static final String DEFAULT_VERSION = "1.0";

    /**
     * Versions this router reads.
     */
    public static final Set<String> SUPPORTED_VERSIONS = Set.of("1.0");

    /**
     * Field: schema version, a string such as {@code "1.0"}.
     */
    public static final String SCHEMA_VERSION = "schema_version";

    /**
     * Field: strategy id; optional, and when present it must equal the file name without {@code .json}.
     */
    public static final String ID = "id";

    /**
     * Field: display name shown on every screen.
     */
    public static final String NAME = "name";

    /**
     * Field: id of the parent strategy.
     */
    public static final String EXTENDS = "extends";

    /**
     * Field: true for a strategy that only serves as a parent.
     */
    public static final String ABSTRACT = "abstract";

    /**
     * Field: false loads and validates a strategy but does not run it.
     */
    public static final String ENABLED = "enabled";

    /**
     * Field: Hellmoon anomaly types that trigger the strategy.
     */
    public static final String HELLMOON_EVENTS = "hellmoon_events";

    /**
     * Pattern of strategy ids (file names without {@code .json}).
     */
    public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /**
     * Anomaly types a strategy may handle (the SBE {@code AnomalyType} names).
     */
    public static final List<String> ANOMALY_TYPES = List.of(
        "VOLUME_SPIKE", "TRADE_COUNT_BURST", "BOOK_IMBALANCE", "SPREAD_BLOWOUT", "VOLATILITY_EXPANSION", "BREAKOUT",
        "REGIME_SHIFT", "LIQUIDATION_CASCADE", "RETURN_DISTRIBUTION", "MICROSTRUCTURE_IMBALANCE", "CROSS_SECTIONAL",
        "FUNDING_DISLOCATION", "PAIRS_DIVERGENCE");

    /**
     * Tradeable anomaly directions; NEUTRAL has no side and so cannot be allowed.
     */
    public static final List<String> DIRECTIONS = List.of("UP", "DOWN");

    /**
     * Volatility regimes (the SBE {@code VolatilityRegime} names).
     */
    public static final List<String> VOLATILITY_REGIMES = List.of("LOW_VOL", "NORMAL_VOL", "HIGH_VOL", "EXTREME_VOL");

    /**
     * Trend regimes (the SBE {@code TrendRegime} names).
     */
    public static final List<String> TREND_REGIMES = List.of("TRENDING", "RANGING");

    /**
     * Trading modes of {@code live_settings.allowed_modes}.
     */
    public static final List<String> MODES = List.of("paper", "live");

    /**
     * Order types of {@code live_settings.order_type}.
     */
    public static final List<String> ORDER_TYPES = List.of("market", "limit", "post-only");

    /**
     * How an anomaly's direction maps to a side: {@code follow} buys an UP anomaly, {@code fade} sells it.
     */
    public static final List<String> SIDE_MODES = List.of("follow", "fade");

    /**
     * Whether a regime condition's trend direction must agree with the trade.
     */
    public static final List<String> REGIME_DIRECTIONS = List.of("any", "with_signal");

    /**
     * Largest lookback or period of a bar condition, in bars.
     */
    public static final int MAX_BAR_LOOKBACK = 60;

    /**
     * Largest period of a volatility expansion: it compares two consecutive windows of that many bars.
     */
    public static final int MAX_VOLATILITY_PERIOD = 30;

    private static final ObjectSpec ROOT = root();
    private static final Map<ConditionType, ObjectSpec> CONDITIONS = conditions();

    private SdlSchema()
    {
    }

    /**
     * Check a document and report every problem.
     *
     * @param document parsed JSON.
     * @param complete true for a resolved concrete strategy (required fields must be there), false for one file.
     * @param errors   receives {@code (path, reason)} pairs.
     */
    public static void validate(final JsonNode document, final boolean complete, final ErrorSink errors)
    {
        ROOT.check(document, "$", complete, errors);
    }

    /**
     * Where validation reports problems.
     */
    @FunctionalInterface
    public interface ErrorSink
    {
        /**
         * One problem.
         *
         * @param path   JSON path of the value.
         * @param reason what is wrong.
         */
        void error(String path, String reason);
    }

    private static ObjectSpec root()
    {
        final ObjectSpec event = new ObjectSpec()
            .required("type", new EnumSpec(ANOMALY_TYPES))
            .field("min_score", new NumberSpec(0.0, false, 1000.0, false))
            .field("directions", new ArraySpec(new EnumSpec(DIRECTIONS), 1, true))
            .field("side", new EnumSpec(SIDE_MODES));

        final ObjectSpec regimeFilter = new ObjectSpec()
            .field("volatility", new ArraySpec(new EnumSpec(VOLATILITY_REGIMES), 1, true))
            .field("trend", new ArraySpec(new EnumSpec(TREND_REGIMES), 1, true));

        final ObjectSpec confirmation = new ObjectSpec()
            .required("timeframe", new EnumSpec(timeframeNames()))
            .required("condition", new ConditionSpec());

        final ObjectSpec exits = exits().field("regimes", new MapSpec(VOLATILITY_REGIMES, exits()));

        final ObjectSpec risk = new ObjectSpec()
            .field("risk_per_trade", new NumberSpec(0.0, true, 0.1, false))
            .field("max_position_notional", new NumberSpec(0.0, true, 1.0e12, false))
            .field("max_open_positions", new IntegerSpec(1, 10_000))
            .field("cooldown_seconds", new NumberSpec(0.0, false, 86_400.0 * 7, false))
            .field("regime_factors", new MapSpec(VOLATILITY_REGIMES, new NumberSpec(0.0, false, 3.0, false)));

        final ObjectSpec costs = new ObjectSpec()
            .field("maker_fee_rate", new NumberSpec(-0.01, false, 0.01, false))
            .field("taker_fee_rate", new NumberSpec(0.0, false, 0.01, false))
            .field("base_slippage_bps", new NumberSpec(0.0, false, 500.0, false))
            .field("volatility_slippage_factor", new NumberSpec(0.0, false, 10_000.0, false))
            .field("funding_rate_per_8h", new NumberSpec(-0.01, false, 0.01, false))
            .field("expected_holding_hours", new NumberSpec(0.0, false, 24.0 * 90, false))
            .field("max_cost_in_r", new NumberSpec(0.0, true, 1.0, false))
            .field("reject_cost_in_r", new NumberSpec(0.0, true, 10.0, false));

        final ObjectSpec liveSettings = new ObjectSpec()
            .field("allowed_modes", new ArraySpec(new EnumSpec(MODES), 1, true))
            .field("max_slippage_pct", new NumberSpec(0.0, true, 10.0, false))
            .field("order_type", new EnumSpec(ORDER_TYPES))
            .field("cancel_if_latency_ms", new IntegerSpec(0, 60_000))
            .field("hellmoon_compatible", new BooleanSpec());

        return new ObjectSpec()
            .field(SCHEMA_VERSION, new VersionSpec())
            .field(ID, new StringSpec(ID_PATTERN, "letters, digits, '_', '.' or '-', at most 64"))
            .field(NAME, new StringSpec(null, "1 to 80 characters", 80))
            .field("description", new StringSpec(null, "at most 1000 characters", 1000))
            .field(EXTENDS, new StringSpec(ID_PATTERN, "a strategy id: letters, digits, '_', '.' or '-'"))
            .field(ABSTRACT, new BooleanSpec())
            .field(ENABLED, new BooleanSpec())
            .field("priority", new IntegerSpec(-1000, 1000))
            .field("symbols", new ArraySpec(new StringSpec(null, "1 to 64 characters", 64), 1, true))
            .required(HELLMOON_EVENTS, new ArraySpec(event, 1, false).uniqueBy("type"))
            .field("regime_filter", regimeFilter)
            .field("confirmations", new ArraySpec(confirmation, 0, false))
            .field("exits", exits)
            .field("risk", risk)
            .field("costs", costs)
            .field("live_settings", liveSettings)
            .field("metadata", new AnyObjectSpec());
    }

    private static ObjectSpec exits()
    {
        final ObjectSpec trailing = new ObjectSpec()
            .field("activation_r", new NumberSpec(0.0, false, 50.0, false))
            .field("atr_multiple", new NumberSpec(0.0, true, 50.0, false));
        return new ObjectSpec()
            .field("k1", new NumberSpec(0.0, true, 50.0, false))
            .field("k2", new NumberSpec(0.0, true, 100.0, false))
            .field("breakeven_r", new NumberSpec(0.0, false, 50.0, false))
            .field("trailing", trailing)
            .field("max_duration_hours", new NumberSpec(0.0, true, 24.0 * 90, false));
    }

    private static Map<ConditionType, ObjectSpec> conditions()
    {
        final Map<ConditionType, ObjectSpec> map = new LinkedHashMap<>();
        final EnumSpec type = new EnumSpec(conditionNames());
        map.put(ConditionType.BREAKOUT, new ObjectSpec()
            .required("type", type)
            .field("lookback", new IntegerSpec(2, MAX_BAR_LOOKBACK)));
        map.put(ConditionType.VOLATILITY_EXPANSION, new ObjectSpec()
            .required("type", type)
            .field("period", new IntegerSpec(2, MAX_VOLATILITY_PERIOD))
            .field("min_ratio", new NumberSpec(0.0, true, 100.0, false)));
        map.put(ConditionType.TREND, new ObjectSpec()
            .required("type", type)
            .field("period", new IntegerSpec(2, MAX_BAR_LOOKBACK - 1)));
        map.put(ConditionType.REGIME, new ObjectSpec()
            .required("type", type)
            .field("volatility", new ArraySpec(new EnumSpec(VOLATILITY_REGIMES), 1, true))
            .field("trend", new ArraySpec(new EnumSpec(TREND_REGIMES), 1, true))
            .field("direction", new EnumSpec(REGIME_DIRECTIONS)));
        map.put(ConditionType.BOOK_IMBALANCE, new ObjectSpec()
            .required("type", type)
            .field("min_imbalance", new NumberSpec(-1.0, false, 1.0, true)));
        map.put(ConditionType.MAX_SPREAD, new ObjectSpec()
            .required("type", type)
            .field("max_bps", new NumberSpec(0.0, true, 10_000.0, false)));
        return map;
    }

    static List<String> timeframeNames()
    {
        final List<String> names = new ArrayList<>();
        for (final Timeframe timeframe : Timeframe.values())
        {
            names.add(timeframe.label());
        }
        return names;
    }

    static List<String> conditionNames()
    {
        final List<String> names = new ArrayList<>();
        for (final ConditionType type : ConditionType.values())
        {
            names.add(type.sdlName());
        }
        return names;
    }

    static String typeName(final JsonNode node)
    {
        if (node.isTextual())
        {
            return "string " + preview(node);
        }
        if (node.isNumber())
        {
            return "number " + node.asText();
        }
        if (node.isBoolean())
        {
            return "boolean " + node.asText();
        }
        if (node.isArray())
        {
            return "array";
        }
        if (node.isObject())
        {
            return "object";
        }
        return node.getNodeType().name().toLowerCase();
    }

    static String preview(final JsonNode node)
    {
        final String text = node.isTextual() ? '"' + node.asText() + '"' : node.toString();
        return text.length() > 48 ? text.substring(0, 45) + "...\"" : text;
    }

    static String oneOf(final Collection<String> values)
    {
        return String.join(", ", values);
    }

    /**
     * The closest of some names to a misspelt one, if close enough to be a likely typo.
     *
     * @param name       as written.
     * @param candidates allowed names.
     * @return the suggestion, or null.
     */
    static String suggest(final String name, final Collection<String> candidates)
    {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String candidate : candidates)
        {
            final int distance = distance(name.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return null != best && bestDistance <= Math.max(2, name.length() / 4) ? best : null;
    }

    private static int distance(final String a, final String b)
    {
        final int[] previous = new int[b.length() + 1];
        final int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++)
            {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            System.arraycopy(current, 0, previous, 0, current.length);
        }
        return previous[b.length()];
    }

    abstract static class Spec
    {
        abstract void check(JsonNode node, String path, boolean complete, ErrorSink errors);
    }

    static final class ObjectSpec extends Spec
    {
        private final Map<String, Spec> fields = new LinkedHashMap<>();
        private final Set<String> required = new LinkedHashSet<>();

        ObjectSpec field(final String name, final Spec spec)
        {
            fields.put(name, spec);
            return this;
        }

        ObjectSpec required(final String name, final Spec spec)
        {
            required.add(name);
            return field(name, spec);
        }

        void check(final JsonNode node, final String path, final boolean complete, final ErrorSink errors)
        {
            if (!node.isObject())
            {
                errors.error(path, "wrong type: expected object, got " + typeName(node));
                return;
            }

            for (final Map.Entry<String, JsonNode> entry : node.properties())
            {
                final String key = entry.getKey();
                final Spec spec = fields.get(key);
                final String fieldPath = path + '.' + key;
                if (null == spec)
                {
                    final String suggestion = suggest(key, fields.keySet());
                    errors.error(fieldPath, "unknown key '" + key + "'" +
                        (null != suggestion ? " (did you mean '" + suggestion + "'?)" : "") +
                        "; expected one of: " + oneOf(fields.keySet()));
                }
                else if (entry.getValue().isNull())
                {
                    if (complete && required.contains(key))
                    {
                        errors.error(fieldPath, "missing field: required, but null");
                    }
                }
                else
                {
                    spec.check(entry.getValue(), fieldPath, complete, errors);
                }
            }

            if (complete)
            {
                for (final String name : required)
                {
                    if (!node.has(name))
                    {
                        errors.error(path + '.' + name, "missing field: required");
                    }
                }
            }
        }
    }

    static final class MapSpec extends Spec
    {
        private final List<String> keys;
        private final Spec value;

        MapSpec(final List<String> keys, final Spec value)
        {
            this.keys = keys;
            this.value = value;
        }

        void check(final JsonNode node, final String path, final boolean complete, final ErrorSink errors)
        {
            if (!node.isObject())
            {
                errors.error(path, "wrong type: expected object keyed by " + oneOf(keys) + ", got " + typeName(node));
                return;
            }
            for (final Map.Entry<String, JsonNode> entry : node.properties())
            {
                final String fieldPath = path + '.' + entry.getKey();
                if (!keys.contains(entry.getKey()))
                {
                    final String suggestion = suggest(entry.getKey(), keys);
                    errors.error(fieldPath, "unknown key '" + entry.getKey() + "'" +
                        (null != suggestion ? " (did you mean '" + suggestion + "'?)" : "") +
                        "; expected one of: " + oneOf(keys));
                }
                else if (!entry.getValue().isNull())
                {
                    value.check(entry.getValue(), fieldPath, complete, errors);
                }
            }
        }
    }

    static final class ArraySpec extends Spec
    {
        private final Spec element;
        private final int minItems;
        private final boolean unique;
        private String uniqueKey;

        ArraySpec(final Spec element, final int minItems, final boolean unique)
        {
            this.element = element;
            this.minItems = minItems;
            this.unique = unique;
        }

        ArraySpec uniqueBy(final String key)
        {
            this.uniqueKey = key;
            return this;
        }

        void check(final JsonNode node, final String path, final boolean complete, final ErrorSink errors)
        {
            if (!node.isArray())
            {
                errors.error(path, "wrong type: expected array, got " + typeName(node));
                return;
            }
            if (node.size() < minItems)
            {
                errors.error(path, "out of range: " + node.size() + " items (expected at least " + minItems + ")");
            }
            final Map<String, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < node.size(); i++)
            {
                final JsonNode item = node.get(i);
                final String itemPath = path + '[' + i + ']';
                if (item.isNull())
                {
                    errors.error(itemPath, "wrong type: null is not allowed in an array");
                    continue;
                }
                element.check(item, itemPath, complete, errors);

                final JsonNode key = unique ? item : null != uniqueKey ? item.get(uniqueKey) : null;
                if (null != key && key.isValueNode())
                {
                    final Integer first = seen.putIfAbsent(key.asText(), i);
                    if (null != first)
                    {
                        errors.error(null != uniqueKey ? itemPath + '.' + uniqueKey : itemPath,
                            "duplicate value " + preview(key) + ", already at " + path + '[' + first + ']');
                    }
                }
            }
        }
    }

    static final class NumberSpec extends Spec
    {
        private final double min;
        private final boolean minExclusive;
        private final double max;
        private final boolean maxExclusive;

        NumberSpec(final double min, final boolean minExclusive, final double max, final boolean maxExclusive)
        {
            this.min = min;
            this.minExclusive = minExclusive;
            this.max = max;
            this.maxExclusive = maxExclusive;
        }

        void check(final JsonNode node, final String path, final boolean complete, final ErrorSink errors)
        {
            if (!node.isNumber())
            {
                errors.error(path, "wrong type: expected number, got " + typeName(node));
                return;
            }
            final double value = node.asDouble();
            final boolean belowMin = minExclusive ? value <= min : value < min;
            final boolean aboveMax = maxExclusive ? value >= max : value > max;
            if (belowMin || aboveMax || !Double.isFinite(value))
            {
                errors.error(path, "out of range: " + node.asText() + " (expected " + range() + ")");
            }
        }

        String range()
        {
            return (minExclusive ? "> " : ">= ") + plain(min) + " and " + (maxExclusive ? "< " : "<= ") + plain(max);
        }

        private static String plain(final double value)
        {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long)value) :
                Double.toString(value);
        }
    }

    static final class IntegerSpec extends Spec
    {
        private final long min;
        private final long max;

        IntegerSpec(final long min, final long max)
        {
            this.min = min;
            this.max = max;
        }

        void check(final JsonNode node, final String path, final boolean complete, final ErrorSink errors)
        {
            if (!node.isIntegralNumber())
            {
                errors.error(path, "wrong type: expected integer, got " + typeName(node));
                return;
            }
            if (!node.canConvertToLong() || node.asLong() < min || node.asLong() > max)
            {
                errors.error(path, "out of range: " + node.asText() + " (expected " + min + " to " + max + ")");
            }
        }
    }

    static final class StringSpec extends Spec
    {
        private final Pattern pattern;
        private final String expectation;
        private final int maxLength;

        StringSpec(final Pattern pattern, final String expectation)
        {
            this(pattern, expectation, 64);
        }

        StringSpec(final Pattern pattern, final String expectation, final int maxLength)
        {
            this.pattern = pattern;
            this.expectation = expectation;
            this.maxLength = maxLength;
        }

        void check(final JsonNode node, final String path, final boolean complete, final ErrorSink errors)
        {
            if (!node.isTextual())
            {
                errors.error(path, "wrong type: expected string, got " + typeName(node));
                return;
            }
            final String text = node.asText();
            final boolean ascii = text.chars().allMatch((c) -> c >= 0x20 && c < 0x7F);
            if (text.isBlank() || text.length() > maxLength || !ascii ||
                (null != pattern && !pattern.matcher(text).matches()))
            {
                errors.error(path, "out of range: " + preview(node) + " (expected " + expectation +
                    (ascii ? "" : ", printable ASCII") + ")");
            }
        }
    }

    static final class EnumSpec extends Spec
    {
        private final List<String> values;

        EnumSpec(final List<String> values)
        {
            this.values = values;
        }

        void check(final JsonNode node, final String path, final boolean complete, final ErrorSink errors)
        {
            if (!node.isTextual())
            {
                errors.error(path, "wrong type: expected string (one of: " + oneOf(values) + "), got " +
                    typeName(node));
                return;
            }
            if (!values.contains(node.asText()))
            {
                final String suggestion = suggest(node.asText(), values);
                errors.error(path, "unknown value " + preview(node) +
                    (null != suggestion ? " (did you mean '" + suggestion + "'?)" : "") +
                    "; expected one of: " + oneOf(values));
            }
        }
    }

    static final class BooleanSpec extends Spec
    {
        void check(final JsonNode node, final String path, final boolean complete, final ErrorSink errors)
        {
            if (!node.isBoolean())
            {
                errors.error(path, "wrong type: expected boolean, got " + typeName(node));
            }
        }
    }

    static final class AnyObjectSpec extends Spec
    {
        void check(final JsonNode node, final String path, final boolean complete, final ErrorSink errors)
        {
            if (!node.isObject())
            {
                errors.error(path, "wrong type: expected object, got " + typeName(node));
            }
        }
    }

    static final class VersionSpec extends Spec
    {
        void check(final JsonNode node, final String path, final boolean complete, final ErrorSink errors)
        {
            if (!node.isTextual())
            {
                errors.error(path, "wrong type: expected string such as \"" + DEFAULT_VERSION + "\", got " +
                    typeName(node));
                return;
            }
            if (!SUPPORTED_VERSIONS.contains(node.asText()))
            {
                errors.error(path, "unknown value " + preview(node) + ": unsupported schema version; supported: " +
                    oneOf(new HashSet<>(SUPPORTED_VERSIONS)));
            }
        }
    }

    /**
     * A confirmation condition: an object whose {@code type} decides its other keys, or the type name alone as a
     * string, which takes every parameter's default.
     */
    static final class ConditionSpec extends Spec
    {
        void check(final JsonNode node, final String path, final boolean complete, final ErrorSink errors)
        {
            final JsonNode typeNode;
            if (node.isTextual())
            {
                typeNode = node;
            }
            else if (node.isObject())
            {
                typeNode = node.get("type");
                if (null == typeNode || typeNode.isNull())
                {
                    errors.error(path + ".type", "missing field: required; one of: " + oneOf(conditionNames()));
                    return;
                }
            }
            else
            {
                errors.error(path, "wrong type: expected object or condition type string, got " + typeName(node));
                return;
            }

            final String typePath = node.isTextual() ? path : path + ".type";
            if (!typeNode.isTextual())
            {
                errors.error(typePath, "wrong type: expected string, got " + typeName(typeNode));
                return;
            }
            final ConditionType type = ConditionType.fromSdlName(typeNode.asText());
            if (null == type)
            {
                final String suggestion = suggest(typeNode.asText(), conditionNames());
                errors.error(typePath, "unknown value " + preview(typeNode) +
                    (null != suggestion ? " (did you mean '" + suggestion + "'?)" : "") +
                    "; expected one of: " + oneOf(conditionNames()));
                return;
            }
            if (node.isObject())
            {
                CONDITIONS.get(type).check(node, path, true, errors);
            }
        }
    }
}
