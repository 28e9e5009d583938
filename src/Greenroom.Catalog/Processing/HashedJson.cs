using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Processing;

/// <summary>
/// An entity serialized once to UTF-8 JSON, exactly as <see cref="JsonNode.ToJsonString"/> writes it, with the content
/// hash of those bytes. A pass hashes the form it stores instead of writing a second, key-sorted form only to hash it.
/// </summary>
/// <remarks>
/// The same document always gives the same bytes (keys in file order), so the hash is stable across passes and
/// restarts, and any change of content changes it. Unlike <see cref="CanonicalJson"/>, reordering keys in the file
/// changes it too: such an entity is rewritten once, with the same final form.
/// </remarks>
internal sealed class HashedJson : IDisposable
{
    private readonly PooledBufferWriter _buffer;
    private readonly int _jsonLength;

    private HashedJson(PooledBufferWriter buffer, int jsonLength, string hash)
    {
        _buffer = buffer;
        _jsonLength = jsonLength;
        Hash = hash;
    }

    /// <summary>Lower-case hex SHA-256 of the JSON, a newline and the suffix.</summary>
    public string Hash { get; }

    /// <summary>Serializes <paramref name="node"/> and hashes it followed by <paramref name="suffix"/>.</summary>
    public static HashedJson Of(JsonNode node, string suffix)
    {
        var buffer = new PooledBufferWriter(4096);
        try
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                node.WriteTo(writer);
            }

            var jsonLength = buffer.WrittenSpan.Length;
            var tail = buffer.GetSpan(1 + Encoding.UTF8.GetMaxByteCount(suffix.Length));
            tail[0] = (byte)'\n';
            buffer.Advance(1 + Encoding.UTF8.GetBytes(suffix, tail[1..]));

            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.WrittenSpan, digest);
            return new HashedJson(buffer, jsonLength, Convert.ToHexStringLower(digest));
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>The hash alone (see <see cref="Of"/>).</summary>
    public static string HashOf(JsonNode node, string suffix)
    {
        using var json = Of(node, suffix);
        return json.Hash;
    }

    /// <summary>The JSON as a string (what <see cref="JsonNode.ToJsonString"/> gives).</summary>
    public string ToJsonString() => Encoding.UTF8.GetString(_buffer.WrittenSpan[.._jsonLength]);

    /// <inheritdoc />
    public void Dispose() => _buffer.Dispose();
}
