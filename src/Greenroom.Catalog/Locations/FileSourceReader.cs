using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Greenroom.Catalog.Locations;

/// <summary>Reads descriptor files from disk: expands globs, checks the size before reading a single byte.</summary>
internal sealed class FileSourceReader
{
    private static readonly char[] GlobCharacters = ['*', '?', '[', '{'];

    /// <summary>Whether the path holds glob wildcards.</summary>
    public static bool IsGlob(string path) => path.IndexOfAny(GlobCharacters) >= 0;

    /// <summary>The directory a (absolute) glob is anchored at: everything before its first wildcard segment.</summary>
    public static string GlobBase(string absolutePattern)
    {
        var first = absolutePattern.IndexOfAny(GlobCharacters);
        var cut = absolutePattern.LastIndexOfAny(['/', Path.DirectorySeparatorChar], first);
        return cut <= 0 ? Path.GetPathRoot(absolutePattern) ?? "/" : absolutePattern[..cut];
    }

    /// <summary>The files an absolute path or glob names, sorted; a missing plain file is a <see cref="LocationReadException"/>.</summary>
    public IReadOnlyList<string> Expand(string absolutePathOrGlob)
    {
        if (!IsGlob(absolutePathOrGlob))
        {
            return File.Exists(absolutePathOrGlob)
                ? [absolutePathOrGlob]
                : throw new LocationReadException($"File not found: {absolutePathOrGlob}", "NotFoundError");
        }

        var baseDirectory = GlobBase(absolutePathOrGlob);
        if (!Directory.Exists(baseDirectory))
        {
            throw new LocationReadException($"Directory not found: {baseDirectory}", "NotFoundError");
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(Path.GetRelativePath(baseDirectory, absolutePathOrGlob).Replace('\\', '/'));
        var result = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(baseDirectory)));
        return result.Files
            .Select(f => Path.GetFullPath(Path.Combine(baseDirectory, f.Path)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads a file as UTF-8 text, refusing it before reading when it exceeds <paramref name="maxBytes"/>.</summary>
    public async Task<string> ReadTextAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        using var content = await ReadContentAsync(path, maxBytes, cancellationToken).ConfigureAwait(false);
        return content.ToText();
    }

    /// <summary>Reads a file's bytes into a pooled buffer, with the checks of <see cref="ReadTextAsync"/>.</summary>
    public async Task<SourceContent> ReadContentAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        FileInfo info = new(path);
        if (!info.Exists)
        {
            throw new LocationReadException($"File not found: {path}", "NotFoundError");
        }

        if (info.Length > maxBytes)
        {
            throw TooLarge(path, info.Length, maxBytes);
        }

        try
        {
            // Unbuffered: the whole file is read into one pooled buffer, so a stream buffer would only add a copy and,
            // for a pass over 1,000 files, 16 MB of garbage.
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, useAsync: true);
            // The file may have grown since the size check: read at most one byte past the limit to notice.
            return await BoundedText.ReadContentAsync(stream, maxBytes, info.Length, path, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new LocationReadException($"File not found: {path}", "NotFoundError");
        }
        catch (UnauthorizedAccessException)
        {
            throw new LocationReadException($"File cannot be read (access denied): {path}", "NotAllowedError");
        }
    }

    internal static LocationReadException TooLarge(string source, long size, long maxBytes) =>
        new($"{source} is {size} bytes, larger than the limit of {maxBytes} bytes (Greenroom:Reading:MaxFileBytes)");
}
