using System.Buffers;
using System.Text;

namespace Greenroom.Catalog.Locations;

/// <summary>Reads a stream as UTF-8 text without ever buffering more than a limit.</summary>
internal static class BoundedText
{
    public static async Task<string> ReadAsync(Stream stream, long maxBytes, string source, CancellationToken cancellationToken)
    {
        using var content = await ReadContentAsync(stream, maxBytes, 16 * 1024, source, cancellationToken).ConfigureAwait(false);
        return content.ToText();
    }

    /// <summary>Reads the whole stream into a pooled buffer sized for <paramref name="expectedBytes"/> (grown when needed).</summary>
    public static async Task<SourceContent> ReadContentAsync(
        Stream stream, long maxBytes, long expectedBytes, string source, CancellationToken cancellationToken)
    {
        // One byte more than expected, so reaching the end of the stream needs no second buffer.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(expectedBytes + 1, 1, maxBytes + 1));
        var length = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    throw new LocationReadException($"{source} is larger than the limit of {maxBytes} bytes (Greenroom:Reading:MaxFileBytes)");
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            var content = new SourceContent(buffer, length);
            buffer = null;
            return content;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>UTF-8 with an optional BOM; invalid bytes become U+FFFD rather than failing the whole file.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
