namespace Greenroom.TechDocs.Mkdocs;

/// <summary>
/// Builds the navigation mkdocs derives when <c>nav</c> is absent: each folder's pages first (<c>index.md</c> or
/// <c>README.md</c> leading, then by name), then its sub-folders by name as sections titled after the folder.
/// </summary>
public static class PageDiscovery
{
    /// <summary>The nav for <paramref name="markdownFiles"/> (paths relative to the docs folder, <c>/</c>-separated).</summary>
    public static IReadOnlyList<NavItem> Discover(IEnumerable<string> markdownFiles) =>
        Build(markdownFiles.Select(f => f.Split('/')).ToList(), 0);

    private static List<NavItem> Build(List<string[]> files, int depth)
    {
        var pages = files
            .Where(parts => parts.Length == depth + 1)
            .OrderBy(parts => IsIndex(parts[^1]) ? 0 : 1)
            .ThenBy(parts => parts[^1], StringComparer.Ordinal)
            .Select(parts => new NavItem(null, string.Join('/', parts), null, []));
        var sections = files
            .Where(parts => parts.Length > depth + 1)
            .GroupBy(parts => parts[depth], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NavItem(FolderTitle(g.Key), null, null, Build([.. g], depth + 1)));
        return [.. pages, .. sections];
    }

    /// <summary>Whether a file name is a folder's index page.</summary>
    public static bool IsIndex(string fileName) =>
        fileName.Equals("index.md", StringComparison.OrdinalIgnoreCase) || fileName.Equals("README.md", StringComparison.OrdinalIgnoreCase);

    /// <summary>mkdocs' title for a folder: dashes and underscores become spaces, an all-lower-case name is capitalised.</summary>
    public static string FolderTitle(string folder)
    {
        var title = folder.Replace('-', ' ').Replace('_', ' ');
        return title.Length > 0 && title == title.ToLowerInvariant() ? char.ToUpperInvariant(title[0]) + title[1..] : title;
    }
}
