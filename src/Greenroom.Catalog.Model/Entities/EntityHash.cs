using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Model.Entities;

/// <summary>
/// A stable content hash of a JSON entity: SHA-256 (lower-case hex) of its canonical JSON, where object members are
/// sorted by ordinal key order, so the same content written in a different key order hashes the same.
/// </summary>
public static class EntityHash
{
    /// <summary>The hash of <paramref name="node"/>.</summary>
    public static string Compute(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, MaxDepth = 1024 }))
        {
            WriteCanonical(writer, node);
        }

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
                var members = new List<KeyValuePair<string, JsonNode?>>(obj);
                members.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
                foreach (var (key, value) in members)
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
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
