namespace Greenroom.Search.Engine;

/// <summary>A search as Backstage's <c>/api/search/query</c> takes it.</summary>
/// <param name="Term">Free text typed by a user (untrusted; never parsed as query syntax). Empty matches everything.</param>
/// <param name="Types">Document types to search (<c>software-catalog</c>, <c>techdocs</c>...); empty means all.</param>
/// <param name="Filters">Field → accepted values (any of them, case-insensitive); every field must match.</param>
/// <param name="PageCursor">The cursor of a previous answer, or null for the first page.</param>
/// <param name="PageLimit">Results per page.</param>
public sealed record SearchQuery(
    string Term,
    IReadOnlyList<string> Types,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    string? PageCursor,
    int PageLimit);

/// <summary>A query the engine cannot answer as asked (bad cursor, page beyond the result window); the message says why.</summary>
public sealed class SearchQueryException(string message) : Exception(message);
