using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Greenroom.Catalog.Processing;

/// <summary>
/// Hashes JSON in a canonical form (object keys sorted ordinally, no whitespace), so the same content always gives
/// the same hash whatever the key order. The final form's hash (its etag) is this hash with no suffix.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>
    /// Lower-case hex SHA-256 of the canonical form of <paramref name="element"/>, a line feed and
    /// <paramref name="suffix"/>.
    /// </summary>
    public static string Hash(JsonElement element, string suffix = "")
    {
        // Written to one buffer and hashed in one call: a hash per entity is on the hot path of stitching.
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, element);
        }

        var tail = buffer.GetSpan(1 + Encoding.UTF8.GetMaxByteCount(suffix.Length));
        tail[0] = (byte)'\n';
        buffer.Advance(1 + Encoding.UTF8.GetBytes(suffix, tail[1..]));
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(writer, element);
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement element)
    {
        // Most objects are small and many are sorted already: then no sort.
        var members = new List<(string Name, JsonElement Value)>();
        var sorted = true;
        foreach (var member in element.EnumerateObject())
        {
            var name = member.Name;
            if (sorted && members.Count > 0 && string.CompareOrdinal(members[^1].Name, name) > 0)
            {
                sorted = false;
            }

            members.Add((name, member.Value));
        }

        if (!sorted)
        {
            // Keys of a parsed object are unique, so an unstable sort gives the one order.
            members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        }

        writer.WriteStartObject();
        foreach (var (name, value) in members)
        {
            writer.WritePropertyName(name);
            Write(writer, value);
        }

        writer.WriteEndObject();
    }
}
