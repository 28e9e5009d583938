using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Catalog.History;
using Greenroom.Catalog.Processing;
using Greenroom.Catalog.Store;

namespace Greenroom.Catalog.Stitching;

/// <summary>
/// Builds the final entity the API serves from a stitch source: processed entity + <c>metadata.uid</c> +
/// <c>metadata.etag</c> + sorted <c>relations</c> + <c>status.items</c> + the orphan annotation.
/// </summary>
/// <remarks>
/// Stitching is the longest step of a cold ingestion, so the final form is written from the parsed processed entity
/// with the stitched parts spliced in (<see cref="FinalJsonWriter"/>), parsed once more as a document, and the hash
/// and the search rows are read from that document: no JSON node tree, one serialisation. The bytes are the same
/// as the node-tree edit and serialisation gave before (a test compares both on the corpus and generated entities).
/// </remarks>
internal static class FinalEntityBuilder
{
    /// <summary>The final entity, or null when it is unchanged since the last stitch (<see cref="StitchSource.PreviousFinalHash"/>).</summary>
    public static FinalEntity? Build(StitchSource source, DateTimeOffset now)
    {
        using var processed = JsonDocument.Parse(source.ProcessedUtf8);
        if (processed.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"Processed entity of {source.EntityRef} is not a JSON object");
        }

        // Most entities have no errors: "[]" needs no document.
        using var errors = string.IsNullOrWhiteSpace(source.ErrorsJson) || source.ErrorsJson == "[]" ? null : JsonDocument.Parse(source.ErrorsJson);
        JsonElement? items = errors?.RootElement is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() > 0 ? array : null;
        var parts = new FinalJsonWriter.Parts(source.Uid, source.IsOrphan, SortedRelations(source), items);

        using var buffer = new PooledBufferWriter(source.ProcessedUtf8.Length + 1024);
        int etagOffset;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            etagOffset = FinalJsonWriter.Write(writer, processed.RootElement, parts);
        }

        using var unsigned = JsonDocument.Parse(buffer.WrittenMemory);
        var hash = CanonicalJson.Hash(unsigned.RootElement);
        if (hash == source.PreviousFinalHash)
        {
            return null;
        }

        var json = WithEtag(buffer.WrittenSpan, etagOffset, hash);
        var change = "created";
        var diff = "[]";
        if (source.PreviousFinalJson is not null && JsonNode.Parse(source.PreviousFinalJson) is JsonObject previous)
        {
            var entity = JsonNode.Parse(json)!.AsObject();
            change = source.IsOrphan && !WasOrphan(previous) ? "orphaned" : "updated";
            diff = EntityDiff.Compute(previous, entity).ToJsonString();
        }

        // A creation records no diff: the first form is the current form with every later diff undone, so copying the
        // whole entity into history would only double what a cold ingestion writes (and the database's size).
        return new FinalEntity(
            source.EntityRef,
            source.Uid,
            json,
            hash,
            SearchRowBuilder.Build(unsigned.RootElement),
            new HistoryRecord(now, source.LocationId, change, diff));
    }

    /// <summary>Distinct (type, lower-cased target) pairs, ordered by type then target.</summary>
    private static List<(string Type, string Target)> SortedRelations(StitchSource source)
    {
        var relations = new List<(string Type, string Target)>(source.Relations.Count);
        foreach (var relation in source.Relations)
        {
            relations.Add((relation.Type, relation.TargetRef.ToLowerInvariant()));
        }

        relations.Sort(static (a, b) =>
        {
            var byType = string.CompareOrdinal(a.Type, b.Type);
            return byType != 0 ? byType : string.CompareOrdinal(a.Target, b.Target);
        });
        var write = 0;
        for (var read = 0; read < relations.Count; read++)
        {
            if (write == 0 || relations[read] != relations[write - 1])
            {
                relations[write++] = relations[read];
            }
        }

        relations.RemoveRange(write, relations.Count - write);
        return relations;
    }

    /// <summary>
    /// The final JSON as UTF-8: the written bytes with <c>"etag":"hash"</c> added as the last member of metadata. The
    /// store keeps UTF-8 text, so the final form never becomes a string on the way.
    /// </summary>
    private static byte[] WithEtag(ReadOnlySpan<byte> unsigned, int offset, string hash)
    {
        ReadOnlySpan<byte> prefix = ",\"etag\":\""u8;
        var bytes = new byte[unsigned.Length + prefix.Length + hash.Length + 1];
        unsigned[..offset].CopyTo(bytes);
        var at = offset;
        prefix.CopyTo(bytes.AsSpan(at));
        at += prefix.Length;
        at += Encoding.ASCII.GetBytes(hash, bytes.AsSpan(at));
        bytes[at++] = (byte)'"';
        unsigned[offset..].CopyTo(bytes.AsSpan(at));
        return bytes;
    }

    private static bool WasOrphan(JsonObject previous) =>
        previous["metadata"]?["annotations"]?[EntityAnnotations.Orphan] is JsonValue value
        && value.TryGetValue<string>(out var text) && text == "true";
}
