namespace Greenroom.Search.Engine;

/// <summary>One page of results, shaped after Backstage's search result set, with facet counts added.</summary>
/// <param name="Results">The hits of this page, best first.</param>
/// <param name="NextPageCursor">Cursor of the next page, null on the last.</param>
/// <param name="PreviousPageCursor">Cursor of the previous page, null on the first.</param>
/// <param name="NumberOfResults">Hits in all pages.</param>
/// <param name="Facets">
/// Facet name (<c>types</c>, <c>kind</c>, <c>type</c>, <c>owner</c>, <c>lifecycle</c>) → value counts over all hits; a
/// facet the query filters on is counted without its own filter, so its other values show what choosing them gives.
/// </param>
public sealed record SearchResultPage(
    IReadOnlyList<SearchHit> Results,
    string? NextPageCursor,
    string? PreviousPageCursor,
    int NumberOfResults,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>One hit.</summary>
/// <param name="Type">The document type.</param>
/// <param name="Document">The stored document: <c>title</c>, <c>text</c>, <c>location</c> and the collator's fields.</param>
/// <param name="Highlight">Matched terms marked in the title and a text snippet; null for an empty term.</param>
/// <param name="Rank">1 for the first hit of the first page.</param>
public sealed record SearchHit(string Type, IReadOnlyDictionary<string, string> Document, SearchHighlight? Highlight, int Rank);

/// <summary>
/// Highlighted fields. Matches are wrapped in <paramref name="PreTag"/> and <paramref name="PostTag"/>, which are unique
/// per answer so that document text cannot imitate them; the text itself is not HTML-encoded (a UI encodes, then
/// replaces the tags).
/// </summary>
public sealed record SearchHighlight(string PreTag, string PostTag, IReadOnlyDictionary<string, string> Fields);

/// <summary>How many hits have <paramref name="Value"/> in a facet.</summary>
public sealed record FacetCount(string Value, int Count);

/// <summary>An as-you-type suggestion: a document to jump to.</summary>
/// <param name="Type">The document type.</param>
/// <param name="Title">Its title.</param>
/// <param name="Location">Where it leads.</param>
/// <param name="Kind">The entity kind when the document has one.</param>
public sealed record SearchSuggestion(string Type, string Title, string Location, string? Kind);
