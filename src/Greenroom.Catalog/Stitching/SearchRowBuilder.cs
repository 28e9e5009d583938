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
        using var document = JsonDocument.Parse(entity.ToJsonString());
        return Build(document.RootElement);
    }

    /// <summary>The search rows of <paramref name="entity"/> (a parsed final entity with relations).</summary>
    public static IReadOnlyList<SearchRow> Build(JsonElement entity)
    {
        // Rows are made as the traversal finds them: no list of raw pairs first.
        var rows = new Rows();
        Visit(string.Empty, entity, rows);
        var metadata = Member(entity, "metadata", JsonValueKind.Object);
        rows.Add("metadata.name", StringAt(metadata, "name"));
        var ns = StringAt(metadata, "namespace");
        rows.Add("metadata.namespace", string.IsNullOrEmpty(ns) ? EntityRef.DefaultNamespace : ns);
        rows.Add("metadata.uid", StringAt(metadata, "uid"));
        if (Member(entity, "relations", JsonValueKind.Array) is { } relations)
        {
            foreach (var relation in relations.EnumerateArray())
            {
                if (relation.ValueKind == JsonValueKind.Object && StringAt(relation, "type") is { } type)
                {
                    rows.Add($"relations.{type}", StringAt(relation, "targetRef"));
                }
            }
        }

        return rows.List;
    }

    private static void Visit(string path, JsonElement node, Rows output)
    {
        if (SpecialKeys.Contains(path))
        {
            return;
        }

        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in node.EnumerateObject())
                {
                    Visit(path.Length == 0 ? member.Name : $"{path}.{member.Name}", member.Value, output);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    Visit(path, item, output);
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        output.Add($"{path}.{item.GetString()}", "true");
                    }
                }

                break;
            default:
                output.Add(path, ScalarText(node));
                break;
        }
    }

    /// <summary>Rows in the order found, lower-cased, over-long keys dropped, each (key, value) pair once.</summary>
    /// <remarks>Sized for a typical entity (about 30 rows): most entities then need no growth.</remarks>
    private sealed class Rows
    {
        private readonly HashSet<(string, string?)> _unique = new(32);

        public List<SearchRow> List { get; } = new(32);

        public void Add(string rawKey, string? rawValue)
        {
            if (rawKey.Length > MaxKeyLength)
            {
                // Lower-casing never changes a string's length.
                return;
            }

            var key = rawKey.ToLowerInvariant();
            SearchRow row = rawValue is null || rawValue.Length > MaxValueLength
                ? new SearchRow(key, null, null)
                : new SearchRow(key, rawValue.ToLowerInvariant(), rawValue);
            if (_unique.Add((row.Key, row.Value)))
            {
                List.Add(row);
            }
        }
    }

    /// <summary>The value as JavaScript's <c>String(value)</c> would print it (null for JSON null).</summary>
    private static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.TryGetInt64(out var whole)
            ? whole.ToString(CultureInfo.InvariantCulture)
            : value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The member <paramref name="name"/> of <paramref name="node"/> when it has the given kind.</summary>
    private static JsonElement? Member(JsonElement? node, string name, JsonValueKind kind) =>
        node is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : null;

    private static string? StringAt(JsonElement? node, string name) => Member(node, name, JsonValueKind.String)?.GetString();
}
