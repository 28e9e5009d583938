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
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var stream = new HashingStream(hash))
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }

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
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
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
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>A write-only stream feeding an incremental hash, so large entities are never buffered twice.</summary>
    private sealed class HashingStream(IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => hash.AppendData(buffer);
    }
}
