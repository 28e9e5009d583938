namespace Greenroom.Catalog.Locations;

/// <summary>Reads any <see cref="SourceAddress"/> with the reader for its type.</summary>
internal sealed class SourceReader(FileSourceReader files, UrlSourceReader urls)
{
    /// <summary>The file reader.</summary>
    public FileSourceReader Files { get; } = files;

    /// <summary>The URL reader.</summary>
    public UrlSourceReader Urls { get; } = urls;

    /// <summary>Reads the text of one source.</summary>
    public Task<string> ReadTextAsync(SourceAddress source, long maxBytes, CancellationToken cancellationToken) =>
        source.IsFile
            ? Files.ReadTextAsync(source.Target, maxBytes, cancellationToken)
            : Urls.ReadTextAsync(new Uri(source.Target), cancellationToken);
}
