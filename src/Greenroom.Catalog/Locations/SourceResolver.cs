namespace Greenroom.Catalog.Locations;

/// <summary>
/// Resolves location targets and placeholder paths relative to the file or URL that names them, and keeps file
/// reads inside the root location's folder.
/// </summary>
internal static class SourceResolver
{
    /// <summary>The absolute source a root location's target names (relative file targets resolve against <paramref name="baseDirectory"/>).</summary>
    public static SourceAddress RootAddress(string type, string target, string baseDirectory) =>
        type == "file"
            ? new SourceAddress("file", Path.GetFullPath(target, baseDirectory))
            : new SourceAddress("url", new Uri(target, UriKind.Absolute).ToString());

    /// <summary>The folder a root location confines its reads to: the file's directory, the glob's base, or the URL's directory.</summary>
    public static string RootOf(SourceAddress address)
    {
        if (address.IsFile)
        {
            return FileSourceReader.IsGlob(address.Target)
                ? FileSourceReader.GlobBase(address.Target)
                : Path.GetDirectoryName(address.Target) ?? "/";
        }

        var url = address.Target;
        var query = url.IndexOfAny(['?', '#']);
        var path = query >= 0 ? url[..query] : url;
        return path[..(path.LastIndexOf('/') + 1)];
    }

    /// <summary>Whether a file path lies inside <paramref name="root"/> (the root itself included).</summary>
    public static bool IsWithin(string root, string path)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(root);
        var prefix = trimmed.EndsWith(Path.DirectorySeparatorChar) ? trimmed : trimmed + Path.DirectorySeparatorChar;
        return path == trimmed || path.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// Resolves <paramref name="target"/> (of <paramref name="type"/>, defaulting to the parent's) relative to
    /// <paramref name="from"/>; file results must stay inside <paramref name="root"/>. Throws <see cref="LocationReadException"/>.
    /// </summary>
    public static SourceAddress Resolve(SourceAddress from, string root, string? type, string target)
    {
        type ??= from.Type;
        if (type == "url" || IsAbsoluteHttpUrl(target))
        {
            if (IsAbsoluteHttpUrl(target))
            {
                return new SourceAddress("url", new Uri(target).ToString());
            }

            if (from.IsFile)
            {
                throw new LocationReadException($"'{target}' is not an absolute http(s) URL");
            }

            return new SourceAddress("url", new Uri(new Uri(from.Target), target).ToString());
        }

        if (type != "file")
        {
            throw new LocationReadException($"Location type '{type}' is not supported: use 'file' or 'url'");
        }

        if (!from.IsFile)
        {
            if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.IsFile)
            {
                throw new LocationReadException($"A url location cannot read local file '{target}'", "NotAllowedError");
            }

            // A relative path inside a url location means a sibling URL (as Backstage resolves it).
            return new SourceAddress("url", new Uri(new Uri(from.Target), target).ToString());
        }

        var full = Path.GetFullPath(target, Path.GetDirectoryName(from.Target) ?? "/");
        if (!IsWithin(root, full))
        {
            throw new LocationReadException(
                $"'{target}' resolves to {full}, outside the location's root folder {root}; reading it is refused", "NotAllowedError");
        }

        return new SourceAddress("file", full);
    }

    private static bool IsAbsoluteHttpUrl(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
