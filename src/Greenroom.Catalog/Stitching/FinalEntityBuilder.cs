using System.Text.Json.Nodes;
using Greenroom.Catalog.History;
using Greenroom.Catalog.Processing;
using Greenroom.Catalog.Store;

namespace Greenroom.Catalog.Stitching;

/// <summary>
/// Builds the final entity the API serves from a stitch source: processed entity + <c>metadata.uid</c> +
/// <c>metadata.etag</c> + sorted <c>relations</c> + <c>status.items</c> + the orphan annotation.
/// </summary>
internal static class FinalEntityBuilder
{
    /// <summary>The final entity, or null when it is unchanged since the last stitch (<see cref="StitchSource.PreviousFinalHash"/>).</summary>
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

        var hash = CanonicalJson.Hash(entity);
        if (hash == source.PreviousFinalHash)
        {
            return null;
        }

        metadata["etag"] = hash;
        var previous = source.PreviousFinalJson is null ? null : JsonNode.Parse(source.PreviousFinalJson) as JsonObject;
        var change = previous is null ? "created"
            : source.IsOrphan && !WasOrphan(previous) ? "orphaned"
            : "updated";
        // A creation records no diff: the first form is the current form with every later diff undone, so copying the
        // whole entity into history would only double what a cold ingestion writes (and the database's size).
        var diff = previous is null ? "[]" : EntityDiff.Compute(previous, entity).ToJsonString();
        return new FinalEntity(
            source.EntityRef,
            source.Uid,
            entity.ToJsonString(),
            hash,
            SearchRowBuilder.Build(entity),
            new HistoryRecord(now, source.LocationId, change, diff));
    }

    private static bool WasOrphan(JsonObject previous) =>
        previous["metadata"]?["annotations"]?[EntityAnnotations.Orphan] is JsonValue value
        && value.TryGetValue<string>(out var text) && text == "true";
}
