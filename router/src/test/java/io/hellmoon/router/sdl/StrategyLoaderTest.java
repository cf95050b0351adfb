/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.sdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.hellmoon.router.strategy.StrategyDefaults;
import io.hellmoon.router.strategy.StrategyRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class StrategyLoaderTest
{
    private static final String EVENTS = "\"hellmoon_events\": [{\"type\": \"VOLUME_SPIKE\"}]";

    @TempDir
    Path folder;

    private final StrategyLoader loader = new StrategyLoader();

    private void write(final String fileName, final String json) throws IOException
    {
        Files.writeString(folder.resolve(fileName), json);
    }

    private static void assertError(
        final LoadResult result, final String file, final String path, final String reasonStart)
    {
        for (final SdlError error : result.errors())
        {
            if (error.file().equals(file) && error.path().equals(path) && error.reason().startsWith(reasonStart))
            {
                return;
            }
        }
        fail("no error " + file + ": " + path + ": " + reasonStart + "... in " + result.errors());
    }

    private LoadResult loadOne(final String json) throws IOException
    {
        write("s.json", json);
        return loader.load(folder);
    }

    @Test
    void shouldLoadMinimalStrategyWithDefaults() throws IOException
    {
        final LoadResult result = loadOne("{" + EVENTS + "}");

        assertTrue(result.isValid(), result.errors().toString());
        final ResolvedStrategy strategy = result.get("s");
        assertEquals("s", strategy.name());
        assertEquals("1.0", strategy.schemaVersion());
        assertTrue(strategy.isRunnable());
    }

    @Test
    void shouldLoadOldFileWithoutSchemaVersionUnchanged() throws IOException
    {
        final String old = "{\"name\": \"Legacy - Spike\", \"hellmoon_events\": [{\"type\": \"VOLUME_SPIKE\", " +
            "\"min_score\": 2}], \"exits\": {\"k1\": 1.5, \"k2\": 3}}";
        final LoadResult result = loadOne(old);

        assertTrue(result.isValid(), result.errors().toString());
        final ResolvedStrategy strategy = result.get("s");
        assertEquals(SdlSchema.DEFAULT_VERSION, strategy.schemaVersion());
        assertEquals("Legacy - Spike", strategy.name());
        assertEquals(2, strategy.document().at("/hellmoon_events/0/min_score").asInt());
        assertEquals(1.5, strategy.document().at("/exits/k1").asDouble());
    }

    @Test
    void shouldReportMissingRequiredField() throws IOException
    {
        assertError(loadOne("{\"name\": \"x\"}"), "s.json", "$.hellmoon_events", "missing field");
        assertError(loadOne("{\"hellmoon_events\": [{\"min_score\": 1}]}"), "s.json", "$.hellmoon_events[0].type",
            "missing field");
        assertError(loadOne("{" + EVENTS + ", \"confirmations\": [{\"condition\": \"breakout\"}]}"), "s.json",
            "$.confirmations[0].timeframe", "missing field");
    }

    @Test
    void shouldReportWrongTypes() throws IOException
    {
        final LoadResult result = loadOne("{" + EVENTS + ", \"exits\": {\"k1\": \"two\"}, \"risk\": " +
            "{\"max_open_positions\": 1.5}, \"live_settings\": {\"hellmoon_compatible\": \"yes\", " +
            "\"allowed_modes\": \"paper\"}, \"name\": 7, \"regime_filter\": []}");

        assertError(result, "s.json", "$.exits.k1", "wrong type: expected number, got string \"two\"");
        assertError(result, "s.json", "$.risk.max_open_positions", "wrong type: expected integer");
        assertError(result, "s.json", "$.live_settings.hellmoon_compatible", "wrong type: expected boolean");
        assertError(result, "s.json", "$.live_settings.allowed_modes", "wrong type: expected array");
        assertError(result, "s.json", "$.name", "wrong type: expected string");
        assertError(result, "s.json", "$.regime_filter", "wrong type: expected object");
    }

    @Test
    void shouldReportValuesOutOfRange() throws IOException
    {
        final LoadResult result = loadOne("{\"hellmoon_events\": [{\"type\": \"VOLUME_SPIKE\", \"min_score\": -1}]," +
            " \"exits\": {\"k1\": 0, \"regimes\": {\"HIGH_VOL\": {\"k2\": -3}}}, \"risk\": {\"risk_per_trade\": 0.5}," +
            " \"live_settings\": {\"cancel_if_latency_ms\": 100000}, \"confirmations\": [{\"timeframe\": \"1h\", " +
            "\"condition\": {\"type\": \"breakout\", \"lookback\": 500}}], \"priority\": 5000}");

        assertError(result, "s.json", "$.hellmoon_events[0].min_score", "out of range: -1 (expected >= 0");
        assertError(result, "s.json", "$.exits.k1", "out of range: 0 (expected > 0");
        assertError(result, "s.json", "$.exits.regimes.HIGH_VOL.k2", "out of range: -3");
        assertError(result, "s.json", "$.risk.risk_per_trade", "out of range: 0.5 (expected > 0 and <= 0.1)");
        assertError(result, "s.json", "$.live_settings.cancel_if_latency_ms", "out of range: 100000");
        assertError(result, "s.json", "$.confirmations[0].condition.lookback", "out of range: 500 (expected 2 to 60)");
        assertError(result, "s.json", "$.priority", "out of range: 5000");
        assertEquals(7, result.errors().size(), result.errors().toString());
    }

    @Test
    void shouldReportUnknownEnumValues() throws IOException
    {
        final LoadResult result = loadOne("{\"hellmoon_events\": [{\"type\": \"VOLUME_SPIKES\", \"directions\": " +
            "[\"UP\", \"NEUTRAL\"]}], \"regime_filter\": {\"volatility\": [\"MEDIUM_VOL\"]}, \"live_settings\": " +
            "{\"order_type\": \"iceberg\", \"allowed_modes\": [\"paper\", \"backtest\"]}, \"confirmations\": " +
            "[{\"timeframe\": \"2h\", \"condition\": {\"type\": \"breakout\"}}, {\"timeframe\": \"1m\", " +
            "\"condition\": \"breakdown\"}]}");

        assertError(result, "s.json", "$.hellmoon_events[0].type",
            "unknown value \"VOLUME_SPIKES\" (did you mean 'VOLUME_SPIKE'?)");
        assertError(result, "s.json", "$.hellmoon_events[0].directions[1]", "unknown value \"NEUTRAL\"");
        assertError(result, "s.json", "$.regime_filter.volatility[0]", "unknown value \"MEDIUM_VOL\"");
        assertError(result, "s.json", "$.live_settings.order_type", "unknown value \"iceberg\"");
        assertError(result, "s.json", "$.live_settings.allowed_modes[1]", "unknown value \"backtest\"");
        assertError(result, "s.json", "$.confirmations[0].timeframe", "unknown value \"2h\"");
        assertError(result, "s.json", "$.confirmations[1].condition", "unknown value \"breakdown\"; expected one of: " +
            "breakout, volatility_expansion, trend, regime, book_imbalance, max_spread");
    }

    @Test
    void shouldCatchUnknownKeysAtEveryLevel() throws IOException
    {
        final LoadResult result = loadOne("{" + EVENTS + ", \"exit\": {}, \"exits\": {\"k3\": 1, \"regimes\": " +
            "{\"HIGH_VOLATILITY\": {}, \"LOW_VOL\": {\"k1_sl\": 2}}}, \"risk\": {\"risk_per_trad\": 0.01}, " +
            "\"confirmations\": [{\"timeframe\": \"4h\", \"condition\": {\"type\": \"trend\", \"lookback\": 3}}]}");

        assertError(result, "s.json", "$.exit", "unknown key 'exit' (did you mean 'exits'?)");
        assertError(result, "s.json", "$.exits.k3", "unknown key 'k3'");
        assertError(result, "s.json", "$.exits.regimes.HIGH_VOLATILITY", "unknown key 'HIGH_VOLATILITY'");
        assertError(result, "s.json", "$.exits.regimes.LOW_VOL.k1_sl", "unknown key 'k1_sl'");
        assertError(result, "s.json", "$.risk.risk_per_trad", "unknown key 'risk_per_trad' (did you mean " +
            "'risk_per_trade'?)");
        assertError(result, "s.json", "$.confirmations[0].condition.lookback", "unknown key 'lookback'");
        assertEquals(6, result.errors().size(), result.errors().toString());
    }

    @Test
    void shouldReportMalformedJsonWithLineAndColumn() throws IOException
    {
        final LoadResult result = loadOne("{\n  \"hellmoon_events\": [\n    {\"type\": \"VOLUME_SPIKE\",}\n  ]\n}");

        assertEquals(1, result.errors().size());
        final SdlError error = result.errors().get(0);
        assertEquals("s.json", error.file());
        assertEquals("$", error.path());
        assertTrue(error.reason().startsWith("malformed JSON at line 3"), error.reason());
    }

    @Test
    void shouldRejectDuplicateKeysEmptyFilesAndNonObjects() throws IOException
    {
        write("dup.json", "{\"hellmoon_events\": [], \"hellmoon_events\": []}");
        write("empty.json", "");
        write("array.json", "[1, 2]");
        final LoadResult result = loader.load(folder);

        assertError(result, "dup.json", "$", "malformed JSON");
        assertTrue(result.errors().stream().anyMatch((e) -> e.reason().contains("Duplicate field")),
            result.errors().toString());
        assertError(result, "empty.json", "$", "malformed JSON: the file is empty");
        assertError(result, "array.json", "$", "wrong type: expected object, got array");
    }

    @Test
    void shouldRejectDuplicateEventTypesAndUnsupportedVersion() throws IOException
    {
        final LoadResult result = loadOne("{\"schema_version\": \"2.0\", \"hellmoon_events\": [{\"type\": " +
            "\"VOLUME_SPIKE\"}, {\"type\": \"VOLUME_SPIKE\"}]}");

        assertError(result, "s.json", "$.hellmoon_events[1].type", "duplicate value \"VOLUME_SPIKE\", already at " +
            "$.hellmoon_events[0]");
        assertError(result, "s.json", "$.schema_version", "unknown value \"2.0\": unsupported schema version");
    }

    @Test
    void shouldRequireIdToMatchFileName() throws IOException
    {
        assertError(loadOne("{\"id\": \"other\", " + EVENTS + "}"), "s.json", "$.id",
            "out of range: \"other\" (expected the file name");
    }

    @Test
    void shouldMergeExtendsDeeply() throws IOException
    {
        write("base.json", "{\"abstract\": true, \"name\": \"Base\", \"description\": \"d\", \"exits\": " +
            "{\"k1\": 1.5, \"k2\": 3.0, \"trailing\": {\"activation_r\": 1.0, \"atr_multiple\": 2.0}}, " +
            "\"risk\": {\"risk_per_trade\": 0.01, \"cooldown_seconds\": 30}, \"live_settings\": {\"allowed_modes\": " +
            "[\"paper\", \"live\"], \"order_type\": \"limit\"}, " + EVENTS + "}");
        write("child.json", "{\"extends\": \"base\", \"name\": \"Child\", \"exits\": {\"k2\": 4.0, \"trailing\": " +
            "{\"atr_multiple\": 1.0}}, \"risk\": {\"cooldown_seconds\": null}, \"live_settings\": " +
            "{\"allowed_modes\": [\"paper\"]}}");
        write("grandchild.json", "{\"extends\": \"child\", \"hellmoon_events\": [{\"type\": \"BOOK_IMBALANCE\"}]}");

        final LoadResult result = loader.load(folder);
        assertTrue(result.isValid(), result.errors().toString());

        final ResolvedStrategy base = result.get("base");
        assertTrue(base.isAbstract());
        assertFalse(base.isRunnable());

        final ResolvedStrategy child = result.get("child");
        final JsonNode doc = child.document();
        assertEquals("Child", child.name());
        assertFalse(child.isAbstract(), "abstract is not inherited");
        assertEquals(List.of("child", "base"), child.lineage());
        assertEquals(1.5, doc.at("/exits/k1").asDouble(), "inherited");
        assertEquals(4.0, doc.at("/exits/k2").asDouble(), "overridden");
        assertEquals(1.0, doc.at("/exits/trailing/activation_r").asDouble(), "nested inherited");
        assertEquals(1.0, doc.at("/exits/trailing/atr_multiple").asDouble(), "nested overridden");
        assertTrue(doc.at("/risk/cooldown_seconds").isMissingNode(), "null removes the inherited value");
        assertEquals(0.01, doc.at("/risk/risk_per_trade").asDouble());
        assertEquals(1, doc.at("/live_settings/allowed_modes").size(), "arrays replace");
        assertEquals("limit", doc.at("/live_settings/order_type").asText());
        assertTrue(doc.at("/description").isMissingNode(), "description is not inherited");
        assertFalse(doc.has("extends"));

        final ResolvedStrategy grandchild = result.get("grandchild");
        assertEquals("grandchild", grandchild.name(), "name is not inherited");
        assertEquals(List.of("grandchild", "child", "base"), grandchild.lineage());
        assertEquals("BOOK_IMBALANCE", grandchild.document().at("/hellmoon_events/0/type").asText());
        assertEquals(4.0, grandchild.document().at("/exits/k2").asDouble());
    }

    @Test
    void shouldReportInheritanceErrors() throws IOException
    {
        write("orphan.json", "{\"extends\": \"missing_base\", " + EVENTS + "}");
        write("typo.json", "{\"extends\": \"valid_bse\", " + EVENTS + "}");
        write("valid_base.json", "{\"abstract\": true}");
        write("self.json", "{\"extends\": \"self\", " + EVENTS + "}");
        write("a.json", "{\"extends\": \"b\", " + EVENTS + "}");
        write("b.json", "{\"extends\": \"c\"}");
        write("c.json", "{\"extends\": \"a\"}");
        write("broken_parent.json", "{\"abstract\": true, \"exits\": {\"k1\": -1}}");
        write("child_of_broken.json", "{\"extends\": \"broken_parent\", " + EVENTS + "}");
        write("incomplete.json", "{\"extends\": \"valid_base\"}");

        final LoadResult result = loader.load(folder);

        assertError(result, "orphan.json", "$.extends", "bad inheritance: parent 'missing_base' not found");
        assertError(result, "typo.json", "$.extends", "bad inheritance: parent 'valid_bse' not found (no " +
            "valid_bse.json in the folder; did you mean 'valid_base'?)");
        assertError(result, "self.json", "$.extends", "bad inheritance: a strategy cannot extend itself");
        assertError(result, "a.json", "$.extends", "bad inheritance: cycle a -> b -> c -> a");
        assertError(result, "b.json", "$.extends", "bad inheritance: cycle a -> b -> c -> a");
        assertError(result, "c.json", "$.extends", "bad inheritance: cycle a -> b -> c -> a");
        assertEquals(3, result.errors().stream().filter((e) -> e.reason().contains("cycle")).count());
        assertEquals(1, result.errors().stream().filter((e) -> e.file().equals("a.json")).count());
        assertError(result, "broken_parent.json", "$.exits.k1", "out of range");
        assertError(result, "child_of_broken.json", "$.extends", "bad inheritance: parent 'broken_parent' is " +
            "invalid (see the errors of broken_parent.json)");
        assertError(result, "incomplete.json", "$.hellmoon_events", "missing field: required (in the strategy as " +
            "resolved with incomplete <- valid_base)");
        assertEquals(List.of("valid_base"),
            result.strategies().stream().map(ResolvedStrategy::id).collect(Collectors.toList()));
    }

    @Test
    void shouldValidateConditionTypesAndParameters() throws IOException
    {
        final LoadResult result = loadOne("{" + EVENTS + ", \"confirmations\": [" +
            "{\"timeframe\": \"4h\", \"condition\": {\"type\": \"trend\", \"period\": 50}}," +
            "{\"timeframe\": \"1m\", \"condition\": \"book_imbalance\"}," +
            "{\"timeframe\": \"1d\", \"condition\": {\"type\": \"regime\", \"trend\": [\"TRENDING\"], " +
            "\"direction\": \"with_signal\"}}," +
            "{\"timeframe\": \"15m\", \"condition\": {\"type\": \"volatility_expansion\", \"period\": 31}}," +
            "{\"timeframe\": \"5m\", \"condition\": {\"lookback\": 3}}," +
            "{\"timeframe\": \"1h\", \"condition\": {\"type\": \"max_spread\", \"max_bps\": \"wide\"}}," +
            "{\"timeframe\": \"1h\", \"condition\": 3}]}");

        assertError(result, "s.json", "$.confirmations[3].condition.period", "out of range: 31 (expected 2 to 30)");
        assertError(result, "s.json", "$.confirmations[4].condition.type", "missing field");
        assertError(result, "s.json", "$.confirmations[5].condition.max_bps", "wrong type: expected number");
        assertError(result, "s.json", "$.confirmations[6].condition", "wrong type: expected object or condition");
        assertEquals(4, result.errors().size(), result.errors().toString());
    }

    @Test
    void shouldListEveryErrorOfEveryFileWhenTheRepositoryStarts() throws IOException
    {
        write("good.json", "{" + EVENTS + "}");
        write("bad1.json", "{\"hellmoon_events\": [{\"type\": \"NOPE\"}]}");
        write("bad2.json", "{" + EVENTS + ", \"riks\": {}}");

        final StrategyLoadException ex = assertThrows(StrategyLoadException.class,
            () -> new StrategyRepository(folder, StrategyDefaults.defaults()));

        assertEquals(2, ex.errors().size());
        assertTrue(ex.getMessage().contains("bad1.json: $.hellmoon_events[0].type: unknown value \"NOPE\""),
            ex.getMessage());
        assertTrue(ex.getMessage().contains("bad2.json: $.riks: unknown key 'riks'"), ex.getMessage());
    }

    @Test
    void shouldReportMissingFolder()
    {
        final LoadResult result = loader.load(folder.resolve("nope"));
        assertFalse(result.isValid());
        assertEquals("folder not found or not a directory", result.errors().get(0).reason());
    }

    @Test
    void shouldSkipHiddenAndNonJsonFiles() throws IOException
    {
        write(".draft.json", "{broken");
        write("notes.txt", "{broken");
        write("s.json", "{" + EVENTS + "}");
        final LoadResult result = loader.load(folder);
        assertTrue(result.isValid(), result.errors().toString());
        assertEquals(1, result.strategies().size());
    }

    @Test
    void shouldValidateTheShippedExampleStrategies()
    {
        final Path shipped = Paths.get("..", "strategies");
        final LoadResult result = loader.load(shipped);

        assertTrue(result.isValid(), result.errors().toString());
        final ResolvedStrategy momentum = result.get("momentum_volume_spike");
        assertNotNull(momentum);
        assertEquals("Momentum - Volume Spike", momentum.name());
        assertEquals(List.of("momentum_volume_spike", "hellmoon_base"), momentum.lineage());
        assertTrue(momentum.isRunnable());
        assertFalse(result.get("hellmoon_base").isRunnable());
    }
}
