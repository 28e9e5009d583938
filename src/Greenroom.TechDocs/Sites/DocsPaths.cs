namespace Greenroom.TechDocs.Sites;

/// <summary>Path rules shared by rendering and serving: mkdocs' directory-style URLs and safe relative paths.</summary>
public static class DocsPaths
{
    /// <summary>The Markdown file extension.</summary>
    public static bool IsMarkdown(string path) => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The directory-style URL path of a page (relative to the site, no leading slash): <c>guide/setup.md</c> →
    /// <c>guide/setup/</c>, <c>index.md</c> → empty, <c>guide/index.md</c> → <c>guide/</c>.
    /// </summary>
    public static string PagePath(string markdownFile)
    {
        var withoutExtension = markdownFile[..^3];
        var slash = withoutExtension.LastIndexOf('/');
        var name = withoutExtension[(slash + 1)..];
        var folder = withoutExtension[..(slash + 1)];
        return name.Equals("index", StringComparison.OrdinalIgnoreCase) || name.Equals("README", StringComparison.OrdinalIgnoreCase)
            ? folder
            : folder + name + "/";
    }

    /// <summary>
    /// Normalises a <c>/</c>-separated relative path (<c>.</c> and <c>..</c> segments resolved) against
    /// <paramref name="baseFolder"/>; null when it is absolute or climbs above the root.
    /// </summary>
    public static string? Combine(string baseFolder, string relative)
    {
        relative = relative.Replace('\\', '/');
        if (relative.StartsWith('/') || relative.Contains(':', StringComparison.Ordinal) || relative.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var segment in (baseFolder + "/" + relative).Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(segment);
                    break;
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>The folder part of a relative path (<c>a/b.md</c> → <c>a</c>, <c>b.md</c> → empty).</summary>
    public static string FolderOf(string path) => path.LastIndexOf('/') is var i and >= 0 ? path[..i] : string.Empty;

    /// <summary>
    /// Normalises a requested page path (<c>guide/setup</c>, <c>guide/setup/index.html</c>, <c>/guide/setup/</c>) to
    /// the stored form (<c>guide/setup/</c>, empty for the home page); null when it climbs above the site.
    /// </summary>
    public static string? NormalizeRequest(string? path)
    {
        var normalized = Combine(string.Empty, Uri.UnescapeDataString(path ?? string.Empty));
        if (normalized is null)
        {
            return null;
        }

        if (normalized.EndsWith("index.html", StringComparison.OrdinalIgnoreCase))
        {
            normalized = normalized[..^"index.html".Length].TrimEnd('/');
        }

        return normalized.Length == 0 ? string.Empty : normalized + "/";
    }
}
