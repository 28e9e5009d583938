using System.Buffers;
using System.Text;

namespace Greenroom.Catalog.Locations;

/// <summary>
/// The raw bytes of one source in a pooled buffer, so a pass can hash an unchanged file and move on without
/// decoding it (at 100k entities, decoding every file each pass made hundreds of MB of large-object garbage).
/// Dispose returns the buffer.
/// </summary>
internal sealed class SourceContent : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    /// <summary>Takes ownership of <paramref name="pooled"/> (rented from <see cref="ArrayPool{T}.Shared"/>).</summary>
    public SourceContent(byte[] pooled, int length)
    {
        _buffer = pooled;
        _length = length;
    }

    /// <summary>The content as read.</summary>
    public ReadOnlySpan<byte> Bytes => (_buffer ?? throw new ObjectDisposedException(nameof(SourceContent))).AsSpan(0, _length);

    /// <summary>Content that was read as text (a URL's body).</summary>
    public static SourceContent FromText(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        return new SourceContent(buffer, Encoding.UTF8.GetBytes(text, buffer));
    }

    /// <summary>The content as UTF-8 text (see <see cref="BoundedText.Decode"/>).</summary>
    public string ToText() => BoundedText.Decode(Bytes);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
