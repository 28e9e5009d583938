using Greenroom.Search;
using Greenroom.Search.Engine;
using Greenroom.Search.Indexing;
using Greenroom.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Greenroom.Server.Search;

/// <summary>Backstage's <c>/api/search/query</c>, and Greenroom's suggestions and index status under <c>/api/greenroom/search</c>.</summary>
public static class SearchEndpoints
{
    private const int DefaultSuggestions = 8;
    private const int MaxSuggestions = 20;

    /// <summary>Maps the search endpoints.</summary>
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/search").WithTags("Search")
            .MapGet("/query", Query).WithName("SearchQuery");
        var greenroom = app.MapGroup("/api/greenroom/search").WithTags("Search");
        greenroom.MapGet("/suggest", Suggest).WithName("SearchSuggest");
        greenroom.MapGet("/status", Status).WithName("SearchStatus");
        return app;
    }

    /// <summary>
    /// <c>GET /api/search/query?term=&amp;types[0]=&amp;filters[kind]=&amp;pageCursor=&amp;pageLimit=</c>: ranked, highlighted
    /// hits with cursors, as Backstage answers, and facet counts.
    /// </summary>
    public static async Task<Results<Ok<SearchResultSetJson>, BackstageError>> Query(
        HttpRequest request, ISearchEngine engine, IOptions<SearchOptions> options, CancellationToken cancellationToken)
    {
        var query = SearchRequestParser.Parse(request.Query, options.Value);
        var page = await engine.QueryAsync(query, cancellationToken);
        return TypedResults.Ok(SearchResultSetJson.From(page));
    }

    /// <summary><c>GET /api/greenroom/search/suggest?term=&amp;types[0]=&amp;limit=</c>: documents whose title or name starts like the term.</summary>
    public static async Task<Results<Ok<SearchSuggestionsJson>, BackstageError>> Suggest(
        HttpRequest request, ISearchEngine engine, IOptions<SearchOptions> options, CancellationToken cancellationToken)
    {
        var term = SearchRequestParser.Term(request.Query, options.Value);
        var limit = SearchRequestParser.Integer(request.Query["limit"], "limit") ?? DefaultSuggestions;
        if (limit < 1 || limit > MaxSuggestions)
        {
            return BackstageError.Input($"limit must be between 1 and {MaxSuggestions}, got {limit}");
        }

        var suggestions = await engine.SuggestAsync(term, SearchRequestParser.Types(request.Query).ToList(), limit, cancellationToken);
        return TypedResults.Ok(new SearchSuggestionsJson(suggestions));
    }

    /// <summary><c>GET /api/greenroom/search/status</c>: what the indexer is doing and how many documents the index holds.</summary>
    public static async Task<Ok<SearchIndexStatus>> Status(ISearchStatus status, CancellationToken cancellationToken) =>
        TypedResults.Ok(await status.GetAsync(cancellationToken));
}
