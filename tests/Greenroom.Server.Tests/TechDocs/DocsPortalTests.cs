using System.Net;

namespace Greenroom.Server.Tests.TechDocs;

/// <summary>The portal's docs reader and the entity page's Docs tab, rendered by the real host.</summary>
public sealed class DocsPortalTests(TechDocsSiteFixture site) : IClassFixture<TechDocsSiteFixture>
{
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        var response = await site.Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Docs_index_lists_documented_entities_with_their_site()
    {
        var (status, html) = await GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<a href=\"/docs/default/component/petstore/\">Pet Store</a>", html, StringComparison.Ordinal);
        Assert.Contains("Selling pets since 2020", html, StringComparison.Ordinal);
        Assert.Contains("docs-state-warning", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_shows_the_page_with_nav_toc_and_problems()
    {
        var (status, html) = await GetAsync("/docs/default/component/petstore/guide/setup/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h2 id=\"install-the-kennel\">Install the kennel</h2>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/docs/default/component/petstore/guide/setup/\" class=\"active\" aria-current=\"page\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/docs/default/component/petstore/guide/setup/#install-the-kennel\"", html, StringComparison.Ordinal);
        Assert.Contains("docs/guide/setup.md:10: ", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\" href=\"/docs/default/component/petstore/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(1)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/docs/default/component/petstore")]
    [InlineData("/docs/default/Component/petstore/")]
    public async Task Reader_opens_the_home_page_at_the_site_root(string path)
    {
        var (status, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1 id=\"pet-store\">Pet Store</h1>", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\" href=\"/docs/default/component/petstore/guide/setup/\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/docs/default/component/petstore/nope/")]
    [InlineData("/docs/default/component/inventory/")]
    [InlineData("/catalog/default/component/inventory/docs")]
    public async Task Missing_docs_are_not_found(string path)
    {
        var (status, _) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Entity_page_has_a_docs_tab_showing_the_home_page()
    {
        var (_, overview) = await GetAsync("/catalog/default/component/petstore");
        var (status, tab) = await GetAsync("/catalog/default/component/petstore/docs");

        Assert.Contains("href=\"/catalog/default/component/petstore/docs\"", overview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1 id=\"pet-store\">Pet Store</h1>", tab, StringComparison.Ordinal);
        Assert.Contains("href=\"/docs/default/component/petstore/\"", tab, StringComparison.Ordinal);
    }
}
