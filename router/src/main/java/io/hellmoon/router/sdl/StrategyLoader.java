/*
 * Copyright 2026 Hellmoon contributors. Licensed under the Apache License, Version 2.0.
 */
package io.hellmoon.router.sdl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads a folder of SDL strategy files ({@code *.json}, not recursive, hidden files skipped): parses each, validates
 * it on its own, resolves {@code extends} chains by deep merge, and validates each concrete result as a whole. Every
 * error in every file is collected, so one load reports everything that is wrong.
 * <p>
 * Merge rules: objects merge key by key, recursively; scalars and arrays in the child replace the parent's; a
 * {@code null} in the child removes the inherited value (its default applies). {@code id}, {@code name},
 * {@code description}, {@code abstract} and {@code enabled} are never inherited.
 * <p>
 * Not thread safe; loading is not a hot path and allocates freely.
 */
public final class StrategyLoader
{
    private static final Set<String> NOT_INHERITED = Set.of(
        SdlSchema.ID, SdlSchema.NAME, "description", SdlSchema.ABSTRACT, SdlSchema.ENABLED, SdlSchema.EXTENDS);

    private final ObjectMapper mapper = new ObjectMapper()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private enum State
    {
        RESOLVING, RESOLVED, FAILED
    }

    private static final class Entry
    {
        final String id;
        final String fileName;
        final ObjectNode raw;
        State state;
        ResolvedStrategy resolved;

        Entry(final String id, final String fileName, final ObjectNode raw)
        {
            this.id = id;
            this.fileName = fileName;
            this.raw = raw;
        }
    }

    /**
     * Load every strategy in a folder.
     *
     * @param folder holding {@code *.json} files.
     * @return the strategies and every error found.
     */
    public LoadResult load(final Path folder)
    {
        final List<SdlError> errors = new ArrayList<>();
        final List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder))
        {
            errors.add(new SdlError(folder.toString(), "$", "folder not found or not a directory"));
            return new LoadResult(folder, List.of(), errors);
        }
        try (Stream<Path> list = Files.list(folder))
        {
            list.filter((p) -> p.getFileName().toString().endsWith(".json"))
                .filter((p) -> !p.getFileName().toString().startsWith("."))
                .filter(Files::isRegularFile)
                .sorted()
                .forEach(files::add);
        }
        catch (final IOException ex)
        {
            errors.add(new SdlError(folder.toString(), "$", "cannot list folder: " + ex));
            return new LoadResult(folder, List.of(), errors);
        }

        final Map<String, Entry> entries = new LinkedHashMap<>();
        final Set<String> invalid = new java.util.HashSet<>();
        for (final Path file : files)
        {
            final String fileName = file.getFileName().toString();
            final String id = fileName.substring(0, fileName.length() - ".json".length());
            final int before = errors.size();
            final ObjectNode root = parse(file, fileName, errors);
            if (!SdlSchema.ID_PATTERN.matcher(id).matches())
            {
                errors.add(new SdlError(fileName, "$", "bad file name: a strategy id (the file name without " +
                    ".json) is letters, digits, '_', '.' or '-', at most 64"));
            }
            if (null != root)
            {
                SdlSchema.validate(root, false, (path, reason) -> errors.add(new SdlError(fileName, path, reason)));
                final JsonNode declaredId = root.get(SdlSchema.ID);
                if (null != declaredId && declaredId.isTextual() && !declaredId.asText().equals(id))
                {
                    errors.add(new SdlError(fileName, "$." + SdlSchema.ID, "out of range: \"" +
                        declaredId.asText() + "\" (expected the file name without .json: \"" + id + "\")"));
                }
                entries.put(id, new Entry(id, fileName, root));
            }
            if (errors.size() != before)
            {
                invalid.add(id);
            }
        }

        for (final Entry entry : entries.values())
        {
            resolve(entry, entries, invalid, errors, new ArrayList<>());
        }

        final List<ResolvedStrategy> strategies = new ArrayList<>();
        for (final Entry entry : entries.values())
        {
            if (State.RESOLVED != entry.state || invalid.contains(entry.id))
            {
                continue;
            }
            final ResolvedStrategy resolved = entry.resolved;
            if (!resolved.isAbstract())
            {
                final int before = errors.size();
                final String inherited = resolved.lineage().size() > 1 ?
                    " (in the strategy as resolved with " + String.join(" <- ", resolved.lineage()) + ")" : "";
                SdlSchema.validate(resolved.document(), true,
                    (path, reason) -> errors.add(new SdlError(entry.fileName, path, reason + inherited)));
                if (errors.size() != before)
                {
                    continue;
                }
            }
            strategies.add(resolved);
        }

        errors.sort((a, b) -> a.file().compareTo(b.file()));
        return new LoadResult(folder, List.copyOf(strategies), List.copyOf(errors));
    }

    private ObjectNode parse(final Path file, final String fileName, final List<SdlError> errors)
    {
        try
        {
            final JsonNode root = mapper.readTree(file.toFile());
            if (null == root || root.isMissingNode())
            {
                errors.add(new SdlError(fileName, "$", "malformed JSON: the file is empty"));
                return null;
            }
            if (!root.isObject())
            {
                errors.add(new SdlError(fileName, "$", "wrong type: expected object, got " +
                    SdlSchema.typeName(root)));
                return null;
            }
            return (ObjectNode)root;
        }
        catch (final JsonProcessingException ex)
        {
            final JsonLocation location = ex.getLocation();
            final String where = null != location ?
                " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
            errors.add(new SdlError(fileName, "$", "malformed JSON" + where + ": " + ex.getOriginalMessage()));
        }
        catch (final IOException ex)
        {
            errors.add(new SdlError(fileName, "$", "cannot read file: " + ex));
        }
        return null;
    }

    private boolean resolve(
        final Entry entry,
        final Map<String, Entry> entries,
        final Set<String> invalid,
        final List<SdlError> errors,
        final List<String> chain)
    {
        if (State.RESOLVED == entry.state)
        {
            return true;
        }
        if (State.FAILED == entry.state)
        {
            return false;
        }
        if (State.RESOLVING == entry.state)
        {
            return false;
        }
        entry.state = State.RESOLVING;
        chain.add(entry.id);

        ObjectNode parentDocument = mapper.createObjectNode();
        List<String> lineage = List.of(entry.id);
        final JsonNode extendsNode = entry.raw.get(SdlSchema.EXTENDS);
        if (null != extendsNode && extendsNode.isTextual())
        {
            final String parentId = extendsNode.asText();
            final String path = "$." + SdlSchema.EXTENDS;
            final Entry parent = entries.get(parentId);
            if (parentId.equals(entry.id))
            {
                return fail(entry, chain, errors, path, "bad inheritance: a strategy cannot extend itself");
            }
            if (null == parent)
            {
                final String suggestion = SdlSchema.suggest(parentId, entries.keySet());
                return fail(entry, chain, errors, path, "bad inheritance: parent '" + parentId + "' not found (no " +
                    parentId + ".json in the folder" + (null != suggestion ? "; did you mean '" + suggestion + "'?" :
                    "") + ")");
            }
            if (State.RESOLVING == parent.state)
            {
                // Every member of the cycle gets the same error; they unwind without adding more.
                final List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(parentId), chain.size()));
                cycle.add(parentId);
                final String why = "bad inheritance: cycle " + String.join(" -> ", cycle);
                for (int i = 0; i < cycle.size() - 1; i++)
                {
                    final Entry member = entries.get(cycle.get(i));
                    errors.add(new SdlError(member.fileName, path, why));
                    member.state = State.FAILED;
                }
                chain.remove(chain.size() - 1);
                return false;
            }
            final boolean parentResolved = resolve(parent, entries, invalid, errors, chain);
            if (State.FAILED == entry.state)
            {
                chain.remove(chain.size() - 1);
                return false;
            }
            if (!parentResolved || invalid.contains(parentId))
            {
                return fail(entry, chain, errors, path, "bad inheritance: parent '" + parentId + "' is invalid (see " +
                    "the errors of " + parent.fileName + ")");
            }
            parentDocument = ((ObjectNode)parent.resolved.document()).deepCopy();
            final List<String> parentLineage = parent.resolved.lineage();
            final List<String> combined = new ArrayList<>(parentLineage.size() + 1);
            combined.add(entry.id);
            combined.addAll(parentLineage);
            lineage = List.copyOf(combined);
        }

        final ObjectNode document = merge(parentDocument, entry.raw);
        final JsonNode version = entry.raw.get(SdlSchema.SCHEMA_VERSION);
        final String schemaVersion = null != version && version.isTextual() ? version.asText() :
            SdlSchema.DEFAULT_VERSION;
        document.put(SdlSchema.SCHEMA_VERSION, schemaVersion);
        final JsonNode name = entry.raw.get(SdlSchema.NAME);
        final JsonNode isAbstract = entry.raw.get(SdlSchema.ABSTRACT);
        final JsonNode enabled = entry.raw.get(SdlSchema.ENABLED);
        entry.resolved = new ResolvedStrategy(
            entry.id,
            entry.fileName,
            schemaVersion,
            null != name && name.isTextual() ? name.asText() : entry.id,
            document,
            lineage,
            null != isAbstract && isAbstract.asBoolean(false),
            null == enabled || enabled.asBoolean(true));
        entry.state = State.RESOLVED;
        chain.remove(chain.size() - 1);
        return true;
    }

    private static boolean fail(
        final Entry entry, final List<String> chain, final List<SdlError> errors, final String path, final String why)
    {
        errors.add(new SdlError(entry.fileName, path, why));
        entry.state = State.FAILED;
        chain.remove(chain.size() - 1);
        return false;
    }

    /**
     * Deep-merge a child document over a resolved parent: see the class comment for the rules.
     *
     * @param parent resolved parent document, modified and returned.
     * @param child  the child's own document.
     * @return the merged document.
     */
    static ObjectNode merge(final ObjectNode parent, final ObjectNode child)
    {
        for (final String key : NOT_INHERITED)
        {
            parent.remove(key);
        }
        mergeInto(parent, child, true);
        return parent;
    }

    private static void mergeInto(final ObjectNode target, final ObjectNode source, final boolean root)
    {
        for (final Map.Entry<String, JsonNode> field : source.properties())
        {
            final String key = field.getKey();
            final JsonNode value = field.getValue();
            if (root && SdlSchema.EXTENDS.equals(key))
            {
                continue;
            }
            if (value.isNull())
            {
                target.remove(key);
            }
            else if (value.isObject() && target.get(key) instanceof ObjectNode && !"metadata".equals(key))
            {
                mergeInto((ObjectNode)target.get(key), (ObjectNode)value, false);
            }
            else if (value.isObject())
            {
                final ObjectNode copy = target.objectNode();
                mergeInto(copy, (ObjectNode)value, false);
                target.set(key, copy);
            }
            else
            {
                target.set(key, value.deepCopy());
            }
        }
    }
}
