using System.Text.RegularExpressions;

namespace Greenroom.Server.Tests.Search;

/// <summary>The portal's <c>/search</c> page, rendered on the server over the fixture catalog.</summary>
public sealed partial class SearchPageTests(SearchCatalogFixture fixture) : IClassFixture<SearchCatalogFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Lists_ranked_hits_linking_to_their_pages_with_matched_words_marked()
    {
        var html = await _client.GetStringAsync(new Uri("/search?query=pet", UriKind.Relative));

        Assert.Contains("<a href=\"/catalog/default/component/petstore\"><mark>Pet</mark> Store</a>", html, StringComparison.Ordinal);
        Assert.Matches(ResultCount(), html);
        Assert.Contains("data-facet=\"kind\" data-value=\"Component\"", html, StringComparison.Ordinal);
        Assert.Contains("Software catalog", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_a_facet_value_from_the_url()
    {
        var html = await _client.GetStringAsync(new Uri("/search?kind=API", UriKind.Relative));

        Assert.Contains("href=\"/catalog/default/api/petstore-api\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/catalog/default/component/petstore\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-pressed=\"true\" data-facet=\"kind\" data-value=\"API\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_with_next_and_previous_links_that_keep_the_search()
    {
        var first = await _client.GetStringAsync(new Uri("/search?types=software-catalog&limit=10", UriKind.Relative));
        var small = await _client.GetStringAsync(new Uri("/search?types=software-catalog&limit=4", UriKind.Relative));
        var next = NextLink().Match(small);

        Assert.False(NextLink().IsMatch(first), "nine entities fit on one page of 10");
        Assert.True(next.Success);
        var second = await _client.GetStringAsync(new Uri(System.Net.WebUtility.HtmlDecode(next.Groups[1].Value), UriKind.Relative));
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"search-hits\" start=\"5\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explains_a_cursor_it_did_not_issue_instead_of_failing()
    {
        var response = await _client.GetAsync(new Uri("/search?query=pet&cursor=%25%25", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("pageCursor", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_so_when_nothing_matches()
    {
        var html = await _client.GetStringAsync(new Uri("/search?query=zzzzqqqq", UriKind.Relative));

        Assert.Contains("Nothing matches", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_search_box_searches_everything_with_suggestions()
    {
        var html = await _client.GetStringAsync(new Uri("/catalog", UriKind.Relative));

        Assert.Contains("action=\"/search\"", html, StringComparison.Ordinal);
        Assert.Contains("data-suggest=\"/api/greenroom/search/suggest\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<strong>\d+</strong> results?")]
    private static partial Regex ResultCount();

    [GeneratedRegex("rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex NextLink();
}
