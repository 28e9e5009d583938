using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Store;

namespace Greenroom.Catalog.Stitching;

/// <summary>
/// Flattens a final entity into filter rows the way Backstage's <c>buildEntitySearch</c> does: dotted lower-cased keys,
/// one row per array item (plus <c>key.item = true</c> for string items), <c>relations.&lt;type&gt;</c> rows with the
/// target ref, <c>metadata.namespace</c> defaulted, values lower-cased, over-long values kept as key-only rows.
/// </summary>
internal static class SearchRowBuilder
{
    /// <summary>Keys whose values are written explicitly (or never) rather than by the traversal.</summary>
    private static readonly HashSet<string> SpecialKeys = new(StringComparer.Ordinal)
    {
        "attachments", "relations", "status", "metadata.name", "metadata.namespace", "metadata.uid", "metadata.etag",
    };

    private const int MaxKeyLength = 200;
    private const int MaxValueLength = 200;

    /// <summary>The search rows of <paramref name="entity"/> (a final entity with relations).</summary>
    public static IReadOnlyList<SearchRow> Build(JsonObject entity)
    {
        var raw = new List<(string Key, string? Value)>();
        Visit(string.Empty, entity, raw);
        var metadata = entity["metadata"] as JsonObject;
        raw.Add(("metadata.name", metadata is null ? null : EntityFields.StringAt(metadata, "name")));
        var ns = metadata is null ? null : EntityFields.StringAt(metadata, "namespace");
        raw.Add(("metadata.namespace", string.IsNullOrEmpty(ns) ? EntityRef.DefaultNamespace : ns));
        raw.Add(("metadata.uid", metadata is null ? null : EntityFields.StringAt(metadata, "uid")));
        if (entity["relations"] is JsonArray relations)
        {
            foreach (var relation in relations.OfType<JsonObject>())
            {
                var type = EntityFields.StringAt(relation, "type");
                if (type is not null)
                {
                    raw.Add(($"relations.{type}", EntityFields.StringAt(relation, "targetRef")));
                }
            }
        }

        var rows = new List<SearchRow>(raw.Count);
        var unique = new HashSet<(string, string?)>();
        foreach (var (rawKey, rawValue) in raw)
        {
            var key = rawKey.ToLowerInvariant();
            if (key.Length > MaxKeyLength)
            {
                continue;
            }

            SearchRow row = rawValue is null || rawValue.Length > MaxValueLength
                ? new SearchRow(key, null, null)
                : new SearchRow(key, rawValue.ToLowerInvariant(), rawValue);
            if (unique.Add((row.Key, row.Value)))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static void Visit(string path, JsonNode? node, List<(string, string?)> output)
    {
        if (SpecialKeys.Contains(path))
        {
            return;
        }

        switch (node)
        {
            case null:
                output.Add((path, null));
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Visit(path.Length == 0 ? key : $"{path}.{key}", value, output);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Visit(path, item, output);
                    if (item is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        output.Add(($"{path}.{value.GetValue<string>()}", "true"));
                    }
                }

                break;
            case JsonValue scalar:
                output.Add((path, ScalarText(scalar)));
                break;
        }
    }

    /// <summary>The value as JavaScript's <c>String(value)</c> would print it.</summary>
    private static string? ScalarText(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.TryGetValue<long>(out var whole)
            ? whole.ToString(CultureInfo.InvariantCulture)
            : value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };
}
