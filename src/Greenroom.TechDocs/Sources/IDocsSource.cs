namespace Greenroom.TechDocs.Sources;

/// <summary>
/// The folder holding a site's <c>mkdocs.yml</c>, on disk or over HTTP. Paths are relative to that folder and
/// <c>/</c>-separated; a source refuses any path that leaves its confinement. One instance per build: it counts the
/// bytes it has read against the site's limit.
/// </summary>
public interface IDocsSource
{
    /// <summary>Where the source is (<c>file:/...</c> or <c>url:https://...</c>), for messages and status.</summary>
    string Description { get; }

    /// <summary>Reads a text file (UTF-8). Throws <see cref="DocsSourceException"/>.</summary>
    Task<string> ReadTextAsync(string path, CancellationToken cancellationToken);

    /// <summary>Reads a file's bytes. Throws <see cref="DocsSourceException"/>.</summary>
    Task<byte[]> ReadBytesAsync(string path, CancellationToken cancellationToken);

    /// <summary>Every file below <paramref name="folder"/> (relative to the source), or null when the source cannot list (HTTP).</summary>
    Task<IReadOnlyList<string>?> ListFilesAsync(string folder, CancellationToken cancellationToken);
}

/// <summary>A docs file that could not be read: missing, too large, not allowed or unreachable.</summary>
/// <param name="message">What went wrong, naming the file.</param>
/// <param name="isNotFound">Whether the file simply does not exist.</param>
public sealed class DocsSourceException(string message, bool isNotFound = false) : Exception(message)
{
    /// <summary>Whether the file simply does not exist.</summary>
    public bool IsNotFound { get; } = isNotFound;
}
