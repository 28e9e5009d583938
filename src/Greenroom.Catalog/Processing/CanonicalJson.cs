using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Runtime.InteropServices;

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
        using var buffer = new PooledBufferWriter(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, element);
        }

        var tail = buffer.GetSpan(1 + Encoding.UTF8.GetMaxByteCount(suffix.Length));
        tail[0] = (byte)'\n';
        buffer.Advance(1 + Encoding.UTF8.GetBytes(suffix, tail[1..]));
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
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
        // Names as they are in the document's bytes: when every name is plain ASCII (no escape), byte order is the
        // ordinal order of the names and writing the bytes writes what the string would, without a string per name.
        var count = 0;
        var sorted = true;
        ReadOnlySpan<byte> previous = default;
        foreach (var member in element.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(member);
            if (!IsPlainAscii(name))
            {
                WriteObjectByStrings(writer, element);
                return;
            }

            if (count > 0 && previous.SequenceCompareTo(name) > 0)
            {
                sorted = false;
            }

            previous = name;
            count++;
        }

        if (sorted)
        {
            // Most objects are small and many are sorted already: then no sort.
            writer.WriteStartObject();
            foreach (var member in element.EnumerateObject())
            {
                writer.WritePropertyName(JsonMarshal.GetRawUtf8PropertyName(member));
                Write(writer, member.Value);
            }

            writer.WriteEndObject();
            return;
        }

        var members = ArrayPool<JsonProperty>.Shared.Rent(count);
        try
        {
            var at = 0;
            foreach (var member in element.EnumerateObject())
            {
                members[at++] = member;
            }

            // Keys of a parsed object are unique, so an unstable sort gives the one order.
            var span = members.AsSpan(0, count);
            span.Sort(static (a, b) => JsonMarshal.GetRawUtf8PropertyName(a).SequenceCompareTo(JsonMarshal.GetRawUtf8PropertyName(b)));
            writer.WriteStartObject();
            foreach (var member in span)
            {
                writer.WritePropertyName(JsonMarshal.GetRawUtf8PropertyName(member));
                Write(writer, member.Value);
            }

            writer.WriteEndObject();
        }
        finally
        {
            ArrayPool<JsonProperty>.Shared.Return(members, clearArray: true);
        }
    }

    /// <summary>Whether a raw property name is ASCII without escapes (its bytes are its characters).</summary>
    private static bool IsPlainAscii(ReadOnlySpan<byte> name) => Ascii.IsValid(name) && !name.Contains((byte)'\\');

    private static void WriteObjectByStrings(Utf8JsonWriter writer, JsonElement element)
    {
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
