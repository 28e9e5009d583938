using System.Net;
using System.Text.Json.Nodes;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Search;

public sealed class SearchEndpointsTests(SearchCatalogFixture fixture) : IClassFixture<SearchCatalogFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Answers_in_backstages_result_set_shape_with_highlights_and_ranks()
    {
        var body = await _client.GetJsonAsync("/api/search/query?term=pet&types[0]=software-catalog");

        var first = body["results"]![0]!;
        Assert.Equal("software-catalog", first["type"]!.GetValue<string>());
        Assert.Equal("Pet Store", first["document"]!["title"]!.GetValue<string>());
        Assert.Equal("/catalog/default/component/petstore", first["document"]!["location"]!.GetValue<string>());
        Assert.Equal("Component", first["document"]!["kind"]!.GetValue<string>());
        Assert.Equal("team-a", first["document"]!["owner"]!.GetValue<string>());
        Assert.Equal(1, first["rank"]!.GetValue<int>());
        var highlight = first["highlight"]!;
        var pre = highlight["preTag"]!.GetValue<string>();
        var post = highlight["postTag"]!.GetValue<string>();
        Assert.Equal($"{pre}Pet{post} Store", highlight["fields"]!["title"]!.GetValue<string>());
        Assert.Equal(body["results"]!.AsArray().Count, body["numberOfResults"]!.GetValue<int>());
        Assert.Null(body["previousPageCursor"]);
    }

    [Fact]
    public async Task Finds_a_description_word_with_a_typo()
    {
        var body = await _client.GetJsonAsync("/api/search/query?term=stokc%20levels");

        Assert.Equal(["inventory"], Titles(body));
    }

    [Fact]
    public async Task Filters_by_kind_and_type_like_backstage()
    {
        var components = await _client.GetJsonAsync("/api/search/query?types[0]=software-catalog&filters[kind]=Component");
        var apis = await _client.GetJsonAsync("/api/search/query?filters[kind][0]=API&filters[kind][1]=System");
        var none = await _client.GetJsonAsync("/api/search/query?types[0]=techdocs");

        Assert.Equal(["Checkout", "Pet Store", "inventory"], Titles(components).Order(StringComparer.Ordinal));
        Assert.Equal(["pets", "petstore-api"], Titles(apis).Order(StringComparer.Ordinal));
        Assert.Equal(0, none["numberOfResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Counts_facets_over_every_hit()
    {
        var body = await _client.GetJsonAsync("/api/search/query?filters[kind]=Component&pageLimit=1");

        var owners = body["facets"]!["owner"]!.AsArray().ToDictionary(f => f!["value"]!.GetValue<string>(), f => f!["count"]!.GetValue<int>());
        Assert.Equal(1, owners["team-a"]);
        Assert.Equal(3, body["facets"]!["kind"]![0]!["count"]!.GetValue<int>());
        Assert.Equal("software-catalog", body["facets"]!["types"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pages_with_the_cursors_it_returns()
    {
        var seen = new List<string>();
        var url = "/api/search/query?types[0]=software-catalog&pageLimit=4";
        JsonNode body;
        var pages = 0;
        do
        {
            body = await _client.GetJsonAsync(url);
            seen.AddRange(body["results"]!.AsArray().Select(r => r!["document"]!["location"]!.GetValue<string>()));
            pages++;
            url = body["nextPageCursor"] is { } next ? $"/api/search/query?types[0]=software-catalog&pageLimit=4&pageCursor={Uri.EscapeDataString(next.GetValue<string>())}" : "";
        }
        while (url.Length > 0);

        Assert.Equal(FixtureCatalog.EntityCount, seen.Distinct().Count());
        Assert.Equal(3, pages);
        Assert.NotNull(body["previousPageCursor"]);
    }

    [Theory]
    [InlineData("pageLimit=101", "pageLimit")]
    [InlineData("pageLimit=many", "pageLimit")]
    [InlineData("pageCursor=bm90LWEtcGFnZQ%3D%3D", "pageCursor")]
    [InlineData("pageCursor=%25%25%25", "pageCursor")]
    public async Task Rejects_bad_paging_parameters_with_an_input_error_naming_them(string query, string parameter)
    {
        var body = await _client.GetJsonAsync($"/api/search/query?term=pet&{query}", HttpStatusCode.BadRequest);

        var message = HttpJson.AssertBackstageError(body, "InputError", 400, "GET", "/api/search/query");
        Assert.Contains(parameter, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_term_longer_than_the_limit()
    {
        var body = await _client.GetJsonAsync($"/api/search/query?term={new string('a', 101)}", HttpStatusCode.BadRequest);

        Assert.Contains("at most 100", HttpJson.AssertBackstageError(body, "InputError", 400, "GET", "/api/search/query"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%22AND%20(*")]
    [InlineData("title%3Apet~2%5E3")]
    [InlineData("%5C%5C%5B%7B")]
    public async Task Answers_terms_full_of_query_syntax_without_an_error(string term)
    {
        var body = await _client.GetJsonAsync($"/api/search/query?term={term}");

        Assert.NotNull(body["numberOfResults"]);
    }

    [Fact]
    public async Task Suggests_documents_as_a_title_is_typed()
    {
        var body = await _client.GetJsonAsync("/api/greenroom/search/suggest?term=chec");

        var first = body["suggestions"]![0]!;
        Assert.Equal("Checkout", first["title"]!.GetValue<string>());
        Assert.Equal("/catalog/default/component/checkout", first["location"]!.GetValue<string>());
        Assert.Equal("software-catalog", first["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejects_a_suggestion_limit_out_of_range()
    {
        var body = await _client.GetJsonAsync("/api/greenroom/search/suggest?term=chec&limit=500", HttpStatusCode.BadRequest);

        Assert.Contains("limit", HttpJson.AssertBackstageError(body, "InputError", 400, "GET", "/api/greenroom/search/suggest"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_the_index_status_after_the_first_build()
    {
        var status = await _client.GetJsonAsync("/api/greenroom/search/status");

        Assert.Equal("idle", status["state"]!.GetValue<string>());
        Assert.Equal(FixtureCatalog.EntityCount, status["documents"]!.GetValue<int>());
    }

    private static List<string> Titles(JsonNode body) =>
        body["results"]!.AsArray().Select(r => r!["document"]!["title"]!.GetValue<string>()).ToList();
}
