using Greenroom.Search.Engine;

namespace Greenroom.Server.Search;

/// <summary>Backstage's search result set, plus <c>facets</c> (value counts over all hits) as an addition its clients ignore.</summary>
public sealed record SearchResultSetJson(
    IReadOnlyList<SearchResultJson> Results,
    string? NextPageCursor,
    string? PreviousPageCursor,
    int NumberOfResults,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets)
{
    /// <summary>The JSON form of an engine page.</summary>
    public static SearchResultSetJson From(SearchResultPage page) => new(
        page.Results.Select(r => new SearchResultJson(r.Type, r.Document, r.Highlight is { } h ? new SearchHighlightJson(h.PreTag, h.PostTag, h.Fields) : null, r.Rank)).ToList(),
        page.NextPageCursor,
        page.PreviousPageCursor,
        page.NumberOfResults,
        page.Facets);
}

/// <summary>One result: <c>{type, document: {title, text, location, ...}, highlight, rank}</c>.</summary>
public sealed record SearchResultJson(string Type, IReadOnlyDictionary<string, string> Document, SearchHighlightJson? Highlight, int Rank);

/// <summary>Backstage's result highlight: matches in <c>fields</c> wrapped in <c>preTag</c> and <c>postTag</c>.</summary>
public sealed record SearchHighlightJson(string PreTag, string PostTag, IReadOnlyDictionary<string, string> Fields);

/// <summary>Answer of <c>/api/greenroom/search/suggest</c>.</summary>
public sealed record SearchSuggestionsJson(IReadOnlyList<SearchSuggestion> Suggestions);
