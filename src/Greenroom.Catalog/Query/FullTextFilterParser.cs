namespace Greenroom.Catalog.Query;

/// <summary>
/// Parses <c>fullTextFilterTerm</c> and <c>fullTextFilterFields</c>. Unlike Backstage, which searches only the sort
/// field when no fields are given, Greenroom then searches the fields people actually look for: name and title.
/// </summary>
public static class FullTextFilterParser
{
    /// <summary>The fields searched when the caller names none.</summary>
    public static IReadOnlyList<string> DefaultFields { get; } = ["metadata.name", "metadata.title"];

    /// <summary>The full-text filter, or null when the term is absent or blank.</summary>
    public static FullTextFilter? Parse(string? term, IEnumerable<string?> fieldParameters)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return null;
        }

        var fields = fieldParameters
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .SelectMany(p => p!.Split(','))
            .Select(f => f.Trim().ToLowerInvariant())
            .Where(f => f.Length > 0)
            .Distinct()
            .ToList();
        return new FullTextFilter(term.Trim().ToLowerInvariant(), fields.Count > 0 ? fields : DefaultFields);
    }
}
