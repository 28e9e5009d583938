using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Greenroom.Catalog.Stitching;

/// <summary>
/// The final form's hash (also its etag): lower-case hex SHA-256 of its canonical JSON (object keys sorted ordinally,
/// no whitespace) followed by a line feed. The same bytes as <see cref="Processing.CanonicalJson"/> gives for the
/// equivalent node tree, written from a parsed document instead of nodes.
/// </summary>
internal static class FinalHash
{
    public static string Compute(JsonElement entity)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity);
        }

        buffer.Write("\n"u8);
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
            // Stable, as the node tree's sort of its (unique) keys: equal keys cannot occur in a parsed object node.
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
