using System.Net;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Portal;

/// <summary>Group, user, system pages and the API explorer over the fixture catalog (read only: one server for the class).</summary>
public sealed class OrganisationPagesTests(ReadOnlyCatalogFixture fixture) : IClassFixture<ReadOnlyCatalogFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Group_page_lists_its_members_and_everything_it_owns_grouped_by_kind()
    {
        var page = await _client.GetDocumentAsync("/catalog/default/group/team-a");

        var member = page.QuerySelector(".members-card li[data-ref='user:default/alice']");
        Assert.NotNull(member);
        Assert.Contains("Alice", member.TextContent, StringComparison.Ordinal);
        Assert.Equal(["component", "api", "system"], page.QuerySelectorAll(".ownership-card h3[data-kind]").Select(h => h.GetAttribute("data-kind")));
        Assert.Equal(["Pet Store", "petstore-api", "pets"], page.Texts(".ownership-card td[data-column=Name]"));
        var all = page.QuerySelector(".ownership-card a.catalog-link")!.GetAttribute("href")!;
        Assert.Equal("/catalog?kind=all&owner=group:default/team-a", WebUtility.UrlDecode(all));
    }

    [Fact]
    public async Task Group_page_says_when_a_group_has_no_members_and_lists_no_teams()
    {
        var page = await _client.GetDocumentAsync("/catalog/default/group/team-b");

        Assert.Contains("This group has no members.", page.QuerySelector(".members-card")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Checkout", "inventory"], page.Texts(".ownership-card td[data-column=Name]"));
    }

    [Fact]
    public async Task User_page_lists_their_teams_and_what_their_teams_own()
    {
        var page = await _client.GetDocumentAsync("/catalog/default/user/alice");

        Assert.Equal("Alice", page.Texts(".profile-name").Single());
        var team = page.QuerySelector(".teams-card ul[data-relation=memberOf] a")!;
        Assert.Equal("/catalog/default/group/team-a", team.GetAttribute("href"));
        Assert.Equal("Team Alpha", team.TextContent.Trim());
        Assert.Equal(["Pet Store", "petstore-api", "pets"], page.Texts(".ownership-card td[data-column=Name]"));
        Assert.All(page.Texts(".ownership-card td[data-column=Owner]"), owner => Assert.Equal("team-a", owner));
    }

    [Fact]
    public async Task System_page_lists_its_components_apis_and_resources_and_links_to_its_graph()
    {
        var page = await _client.GetDocumentAsync("/catalog/default/system/pets");

        var parts = page.QuerySelector(".system-parts")!;
        Assert.Equal(["component", "api", "resource"], parts.QuerySelectorAll("h3[data-kind]").Select(h => h.GetAttribute("data-kind")));
        Assert.Equal(["Pet Store"], parts.Texts("td[data-column=Name]"));
        Assert.Equal(["service"], parts.Texts("td[data-column=Type]"));
        Assert.NotNull(parts.QuerySelector("a[href='/catalog/default/system/pets/dependencies']"));
    }

    [Fact]
    public async Task Api_explorer_lists_only_apis_and_keeps_its_filters_on_its_own_page()
    {
        var page = await _client.GetDocumentAsync("/api-docs");

        Assert.Equal(["petstore-api"], page.Texts("td[data-column=Name]"));
        Assert.Equal(["openapi"], page.Texts("td[data-column=Type]"));
        var facet = page.QuerySelector("a[data-facet=lifecycle][data-value=production]")!.GetAttribute("href")!;
        Assert.StartsWith("/api-docs?kind=api", facet, StringComparison.Ordinal);

        var filtered = await _client.GetDocumentAsync("/api-docs?lifecycle=experimental");
        Assert.Empty(filtered.Texts("td[data-column=Name]"));
        Assert.Contains("No APIs match these filters.", filtered.QuerySelector(".results")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_input_of_the_new_pages_has_a_label_and_every_table_header_a_scope()
    {
        foreach (var url in new[] { "/catalog-import", "/catalog-locations", "/api-docs", "/catalog/default/group/team-a" })
        {
            var page = await _client.GetDocumentAsync(url);
            var inputs = page.QuerySelectorAll("main input:not([type=hidden])");
            Assert.All(inputs, input => Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']")));
            Assert.All(page.QuerySelectorAll("main th"), th => Assert.Equal("col", th.GetAttribute("scope")));
            Assert.Single(page.QuerySelectorAll("main h1"));
        }
    }
}
