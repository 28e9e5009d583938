using System.Text.Json;
using Greenroom.Catalog.Processing;

namespace Greenroom.Catalog.Stitching;

/// <summary>
/// Writes a final entity straight from the parsed processed entity, without building a JSON node tree: every member
/// is copied in place except those stitching sets. The bytes are those of editing a <c>JsonObject</c> and serialising
/// it (what the builder did before): a replaced member keeps its place, an added one comes last, <c>metadata.etag</c>
/// and <c>status</c> are removed, then <c>status</c> is added at the end when there are items, and
/// <c>metadata.etag</c> is spliced in last by the caller once the hash is known.
/// </summary>
internal static class FinalJsonWriter
{
    /// <summary>The parts stitching sets on the processed entity.</summary>
    /// <param name="Uid">metadata.uid.</param>
    /// <param name="IsOrphan">Whether metadata.annotations gets <c>backstage.io/orphan: "true"</c>.</param>
    /// <param name="Relations">The relations, already distinct and sorted.</param>
    /// <param name="StatusItems">A non-empty JSON array of status items, or null for no status.</param>
    public sealed record Parts(string Uid, bool IsOrphan, IReadOnlyList<(string Type, string Target)> Relations, JsonElement? StatusItems);

    /// <summary>
    /// Writes <paramref name="processed"/> with <paramref name="parts"/> applied and without <c>metadata.etag</c>;
    /// returns the offset in the written bytes where <c>metadata</c>'s closing brace is (where etag goes).
    /// </summary>
    public static int Write(Utf8JsonWriter writer, JsonElement processed, Parts parts)
    {
        var etagOffset = -1;
        var metadataSeen = false;
        var relationsSeen = false;
        writer.WriteStartObject();
        foreach (var member in processed.EnumerateObject())
        {
            if (member.NameEquals("metadata"u8))
            {
                metadataSeen = true;
                writer.WritePropertyName("metadata"u8);
                etagOffset = WriteMetadata(writer, member.Value, parts);
            }
            else if (member.NameEquals("relations"u8))
            {
                relationsSeen = true;
                WriteRelations(writer, parts.Relations);
            }
            else if (!member.NameEquals("status"u8))
            {
                member.WriteTo(writer);
            }
        }

        if (!metadataSeen)
        {
            writer.WritePropertyName("metadata"u8);
            etagOffset = WriteMetadata(writer, default, parts);
        }

        if (!relationsSeen)
        {
            WriteRelations(writer, parts.Relations);
        }

        if (parts.StatusItems is { } items)
        {
            writer.WriteStartObject("status"u8);
            writer.WritePropertyName("items"u8);
            items.WriteTo(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        return etagOffset;
    }

    /// <summary>metadata without etag, uid set, orphan annotation set; returns the offset of its closing brace.</summary>
    private static int WriteMetadata(Utf8JsonWriter writer, JsonElement metadata, Parts parts)
    {
        var uidSeen = false;
        var annotationsSeen = false;
        writer.WriteStartObject();
        if (metadata.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in metadata.EnumerateObject())
            {
                if (member.NameEquals("etag"u8))
                {
                    continue;
                }

                if (member.NameEquals("uid"u8))
                {
                    uidSeen = true;
                    writer.WriteString("uid"u8, parts.Uid);
                }
                else if (parts.IsOrphan && member.NameEquals("annotations"u8))
                {
                    annotationsSeen = true;
                    writer.WritePropertyName("annotations"u8);
                    WriteOrphanAnnotations(writer, member.Value);
                }
                else
                {
                    member.WriteTo(writer);
                }
            }
        }

        if (!uidSeen)
        {
            writer.WriteString("uid"u8, parts.Uid);
        }

        if (parts.IsOrphan && !annotationsSeen)
        {
            writer.WritePropertyName("annotations"u8);
            WriteOrphanAnnotations(writer, default);
        }

        writer.Flush();
        var offset = (int)writer.BytesCommitted;
        writer.WriteEndObject();
        return offset;
    }

    private static void WriteOrphanAnnotations(Utf8JsonWriter writer, JsonElement annotations)
    {
        var orphanSeen = false;
        writer.WriteStartObject();
        if (annotations.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in annotations.EnumerateObject())
            {
                if (member.NameEquals(EntityAnnotations.Orphan))
                {
                    orphanSeen = true;
                    writer.WriteString(EntityAnnotations.Orphan, "true");
                }
                else
                {
                    member.WriteTo(writer);
                }
            }
        }

        if (!orphanSeen)
        {
            writer.WriteString(EntityAnnotations.Orphan, "true");
        }

        writer.WriteEndObject();
    }

    private static void WriteRelations(Utf8JsonWriter writer, IReadOnlyList<(string Type, string Target)> relations)
    {
        writer.WriteStartArray("relations"u8);
        foreach (var (type, target) in relations)
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, type);
            writer.WriteString("targetRef"u8, target);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
