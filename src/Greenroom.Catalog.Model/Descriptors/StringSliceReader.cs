namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>Opens a reader on a string from an offset, for resuming after a syntax error.</summary>
internal static class StringSliceReader
{
    private const int SkipChunk = 16 * 1024;

    /// <summary>
    /// A <see cref="StringReader"/> over [<paramref name="start"/>, <paramref name="end"/>). YamlDotNet reads a plain <see cref="StringReader"/>
    /// markedly faster than a custom <see cref="TextReader"/>, and skipping by block copies avoids copying the rest of the file.
    /// </summary>
    public static StringReader Open(string text, int start, int end)
    {
        if (end < text.Length)
        {
            // Only files cut around over-deep nesting get here; the copy is of this segment alone.
            return new StringReader(text[start..end]);
        }

        var reader = new StringReader(text);
        if (start > 0)
        {
            Span<char> scratch = stackalloc char[Math.Min(SkipChunk, start)];
            var remaining = start;
            while (remaining > 0)
            {
                remaining -= reader.Read(scratch[..Math.Min(scratch.Length, remaining)]);
            }
        }

        return reader;
    }
}
