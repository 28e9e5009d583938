using Greenroom.Search.Engine;
using Microsoft.AspNetCore.WebUtilities;

namespace Greenroom.Web.Search;

/// <summary>
/// The search page's state as it travels in the URL (<c>/search?query=payments&amp;types=techdocs&amp;kind=Component</c>):
/// parsed from the query string, turned into an engine query, and turned back into links that change one thing.
/// </summary>
public sealed record SearchPageRequest
{
    /// <summary>Results per page unless the URL asks for 1 to <see cref="MaxPageSize"/>.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>The largest page the URL may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Facets offered as filters, in display order: the URL key (also the engine's facet name) and its label.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Facets =
    [
        ("types", "Result type"),
        ("kind", "Kind"),
        ("type", "Type"),
        ("owner", "Owner"),
        ("lifecycle", "Lifecycle"),
    ];

    /// <summary>What was typed.</summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>Selected values per facet key (any of them).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Selected { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Results per page.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The engine's cursor of the page to show, or null for the first.</summary>
    public string? Cursor { get; init; }

    /// <summary>Reads the request from a query string; unknown keys are ignored.</summary>
    public static SearchPageRequest FromQuery(string queryString)
    {
        var query = QueryHelpers.ParseQuery(queryString);
        var selected = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, _) in Facets)
        {
            if (query.TryGetValue(key, out var values))
            {
                var list = values.OfType<string>().Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (list.Count > 0)
                {
                    selected[key] = list;
                }
            }
        }

        return new SearchPageRequest
        {
            Query = query.TryGetValue("query", out var text) ? text.ToString().Trim() : string.Empty,
            Selected = selected,
            PageSize = int.TryParse(query.TryGetValue("limit", out var limit) ? limit.ToString() : null, out var size) && size is >= 1 and <= MaxPageSize ? size : DefaultPageSize,
            Cursor = query.TryGetValue("cursor", out var cursor) && !string.IsNullOrEmpty(cursor) ? cursor.ToString() : null,
        };
    }

    /// <summary>True when any facet value is selected.</summary>
    public bool HasFilters => Selected.Count > 0;

    /// <summary>Whether <paramref name="value"/> of <paramref name="facet"/> is selected.</summary>
    public bool IsSelected(string facet, string value) =>
        Selected.TryGetValue(facet, out var values) && values.Contains(value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The engine query for this page.</summary>
    public SearchQuery ToEngineQuery() => new(
        Query,
        Selected.GetValueOrDefault("types") ?? [],
        Selected.Where(s => s.Key != "types").ToDictionary(s => s.Key, s => s.Value),
        Cursor,
        PageSize);

    /// <summary>This request as a <c>/search</c> URL (cursor included only when asked).</summary>
    public string ToUrl(bool withCursor = false)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        if (Query.Length > 0)
        {
            parts.Add(new("query", Query));
        }

        foreach (var (key, _) in Facets)
        {
            foreach (var value in Selected.GetValueOrDefault(key) ?? [])
            {
                parts.Add(new(key, value));
            }
        }

        if (PageSize != DefaultPageSize)
        {
            parts.Add(new("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (withCursor && Cursor is not null)
        {
            parts.Add(new("cursor", Cursor));
        }

        return QueryHelpers.AddQueryString("/search", parts);
    }

    /// <summary>The same search with one facet value added or removed (back to the first page).</summary>
    public SearchPageRequest Toggle(string facet, string value)
    {
        var selected = Selected.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var values = selected.GetValueOrDefault(facet) ?? [];
        var next = values.Contains(value, StringComparer.OrdinalIgnoreCase)
            ? values.Where(v => !string.Equals(v, value, StringComparison.OrdinalIgnoreCase)).ToList()
            : [.. values, value];
        if (next.Count == 0)
        {
            selected.Remove(facet);
        }
        else
        {
            selected[facet] = next;
        }

        return this with { Selected = selected, Cursor = null };
    }
}
