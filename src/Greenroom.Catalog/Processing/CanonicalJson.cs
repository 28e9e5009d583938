using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Processing;

/// <summary>
/// Hashes JSON in a canonical form (object keys sorted ordinally, no whitespace), so the same content always gives
/// the same hash whatever the key order in the file.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>Lower-case hex SHA-256 of the canonical form of <paramref name="node"/> followed by <paramref name="suffix"/>.</summary>
    public static string Hash(JsonNode? node, string suffix = "")
    {
        // Written to one buffer and hashed in one call: a hash per entity is on the hot path of every pass.
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(buffer.WrittenSpan);
        hash.AppendData(Encoding.UTF8.GetBytes("\n" + suffix));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in Sorted(obj))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                // Same bytes as WriteTo, without its per-value serializer lookup (most values are strings).
                writer.WriteStringValue(text);
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>The properties in ordinal key order; most objects are small and many already sorted, so no sort then.</summary>
    private static IEnumerable<KeyValuePair<string, JsonNode?>> Sorted(JsonObject obj)
    {
        string? previous = null;
        var sorted = true;
        foreach (var (key, _) in obj)
        {
            if (previous is not null && string.CompareOrdinal(previous, key) > 0)
            {
                sorted = false;
                break;
            }

            previous = key;
        }

        if (sorted)
        {
            return obj;
        }

        var properties = obj.ToArray();
        Array.Sort(properties, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return properties;
    }
}
