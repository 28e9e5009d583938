using Greenroom.Search.Engine;

namespace Greenroom.Search.Tests.Support;

/// <summary>Short forms of engine queries.</summary>
public static class EngineQueries
{
    public static Task<SearchResultPage> SearchAsync(
        this ISearchEngine engine,
        string term,
        string[]? types = null,
        Dictionary<string, IReadOnlyList<string>>? filters = null,
        string? cursor = null,
        int limit = 25) =>
        engine.QueryAsync(new SearchQuery(term, types ?? [], filters ?? [], cursor, limit), CancellationToken.None);

    public static List<string> Titles(this SearchResultPage page) => page.Results.Select(r => r.Document["title"]).ToList();
}
