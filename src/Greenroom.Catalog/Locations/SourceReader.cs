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

    /// <summary>Reads the raw content of one source (dispose it to return its buffer).</summary>
    public async Task<SourceContent> ReadContentAsync(SourceAddress source, long maxBytes, CancellationToken cancellationToken) =>
        source.IsFile
            ? await Files.ReadContentAsync(source.Target, maxBytes, cancellationToken).ConfigureAwait(false)
            : SourceContent.FromText(await Urls.ReadTextAsync(new Uri(source.Target), cancellationToken).ConfigureAwait(false));
}
