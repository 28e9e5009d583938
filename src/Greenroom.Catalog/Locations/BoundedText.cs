using System.Text;

namespace Greenroom.Catalog.Locations;

/// <summary>Reads a stream as UTF-8 text without ever buffering more than a limit.</summary>
internal static class BoundedText
{
    public static async Task<string> ReadAsync(Stream stream, long maxBytes, string source, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new LocationReadException($"{source} is larger than the limit of {maxBytes} bytes (Greenroom:Reading:MaxFileBytes)");
            }

            buffer.Write(chunk, 0, read);
        }

        // UTF-8 with an optional BOM; invalid bytes become U+FFFD rather than failing the whole file.
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
