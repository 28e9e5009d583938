using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Catalog.History;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Processing;
using Greenroom.Catalog.Store;

namespace Greenroom.Catalog.Tests.Stitching;

/// <summary>
/// The final-entity builder as it was before stitching stopped building node trees: parse the processed entity into a
/// JsonObject, edit it, hash its canonical form, serialise it, flatten it. Kept as the reference the faster builder must
/// match byte for byte. Its canonical hash is a frozen copy of <c>CanonicalJson</c> as it was: the etag must not change
/// when the content hash of ingestion does.
/// </summary>
internal static class NodeTreeFinalEntityBuilder
{
    private static readonly HashSet<string> SpecialKeys = new(StringComparer.Ordinal)
    {
        "attachments", "relations", "status", "metadata.name", "metadata.namespace", "metadata.uid", "metadata.etag",
    };

    public static FinalEntity? Build(StitchSource source, DateTimeOffset now)
    {
        var entity = JsonNode.Parse(source.ProcessedJson)?.AsObject()
            ?? throw new InvalidOperationException($"Processed entity of {source.EntityRef} is not a JSON object");
        if (entity["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            entity["metadata"] = metadata;
        }

        metadata.Remove("etag");
        metadata["uid"] = source.Uid;
        if (source.IsOrphan)
        {
            if (metadata["annotations"] is not JsonObject annotations)
            {
                annotations = [];
                metadata["annotations"] = annotations;
            }

            annotations[EntityAnnotations.Orphan] = "true";
        }

        var relations = new JsonArray();
        foreach (var (type, target) in source.Relations
                     .Select(r => (r.Type, Target: r.TargetRef.ToLowerInvariant()))
                     .Distinct()
                     .OrderBy(r => r.Type, StringComparer.Ordinal)
                     .ThenBy(r => r.Target, StringComparer.Ordinal))
        {
            relations.Add(new JsonObject { ["type"] = type, ["targetRef"] = target });
        }

        entity["relations"] = relations;
        entity.Remove("status");
        if (JsonNode.Parse(string.IsNullOrWhiteSpace(source.ErrorsJson) ? "[]" : source.ErrorsJson) is JsonArray { Count: > 0 } items)
        {
            entity["status"] = new JsonObject { ["items"] = items };
        }

        var hash = CanonicalHash(entity);
        if (hash == source.PreviousFinalHash)
        {
            return null;
        }

        metadata["etag"] = hash;
        var previous = source.PreviousFinalJson is null ? null : JsonNode.Parse(source.PreviousFinalJson) as JsonObject;
        var change = previous is null ? "created"
            : source.IsOrphan && !WasOrphan(previous) ? "orphaned"
            : "updated";
        var diff = previous is null ? "[]" : EntityDiff.Compute(previous, entity).ToJsonString();
        return new FinalEntity(
            source.EntityRef,
            source.Uid,
            entity.ToJsonString(),
            hash,
            SearchRows(entity),
            new HistoryRecord(now, source.LocationId, change, diff));
    }

    private static bool WasOrphan(JsonObject previous) =>
        previous["metadata"]?["annotations"]?[EntityAnnotations.Orphan] is JsonValue value
        && value.TryGetValue<string>(out var text) && text == "true";

    internal static string CanonicalHash(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, node);
        }

        buffer.Write("\n"u8);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteCanonical(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                writer.WriteStringValue(text);
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static List<SearchRow> SearchRows(JsonObject entity)
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
            if (key.Length > 200)
            {
                continue;
            }

            SearchRow row = rawValue is null || rawValue.Length > 200
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
                output.Add((path, scalar.GetValueKind() switch
                {
                    JsonValueKind.String => scalar.GetValue<string>(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => scalar.TryGetValue<long>(out var whole)
                        ? whole.ToString(CultureInfo.InvariantCulture)
                        : scalar.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
                    _ => null,
                }));
                break;
        }
    }
}
