using System.Net;
using Greenroom.Catalog;
using Greenroom.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Greenroom.Server.Tests.Portal;

/// <summary>The locations and processing health page. Each test gets its own server: these tests change the catalog.</summary>
public sealed class LocationsPageTests : IAsyncLifetime
{
    // The name breaks the naming rules on line 4 (its key at column 3).
    private const string BrokenYaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: not a valid name!
        spec:
          type: service
          lifecycle: production
          owner: team-a
        """;

    private const string DuplicateYaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: petstore
        spec:
          type: service
          lifecycle: experimental
          owner: team-b
        """;

    private readonly FixtureCatalog _catalog = new();
    private GreenroomAppFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new GreenroomAppFactory(_catalog);
        _client = await _factory.CreateIdleClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _catalog.Dispose();
    }

    [Fact]
    public async Task Lists_every_location_with_its_status_last_refresh_and_entity_count()
    {
        var page = await _client.GetDocumentAsync("/catalog-locations");

        var card = Assert.Single(page.QuerySelectorAll(".location-card"));
        Assert.Equal("file:" + _catalog.AllYamlPath, card.QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal("OK", card.QuerySelector(".location-status")!.TextContent.Trim());
        Assert.NotNull(card.QuerySelector("time[datetime]"));
        Assert.Contains($"{FixtureCatalog.EntityCount} entities", card.TextContent, StringComparison.Ordinal);
        Assert.Null(card.QuerySelector(".problems-table"));
    }

    [Fact]
    public async Task Shows_a_descriptor_error_with_its_file_line_and_field_and_a_conflict_with_the_location_that_owns_the_entity()
    {
        var broken = _catalog.Write("broken.yaml", BrokenYaml);
        var duplicate = _catalog.Write("duplicate.yaml", DuplicateYaml);
        await _client.PostJsonAsync("/api/catalog/locations", new { type = "file", target = broken }, HttpStatusCode.Created);
        await _client.PostJsonAsync("/api/catalog/locations", new { type = "file", target = duplicate }, HttpStatusCode.Created);

        var page = await _client.GetDocumentAsync("/catalog-locations?show=failing");

        var cards = page.QuerySelectorAll(".location-card");
        Assert.Equal(["file:" + broken, "file:" + duplicate], cards.Select(c => c.QuerySelector("h3")!.TextContent.Trim()));
        var error = cards[0].QuerySelector(".problems-table tbody tr")!;
        Assert.Equal($"{broken}:4:3", error.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("metadata.name", error.QuerySelectorAll("td")[1].TextContent.Trim());
        var conflict = cards[1].QuerySelector(".problems-table tr.conflict")!;
        Assert.Contains($"component:default/petstore is already provided by location file:{_catalog.AllYamlPath}", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal("Conflict", conflict.QuerySelector(".conflict-badge")!.TextContent.Trim());
    }

    [Fact]
    public async Task Lists_an_entity_whose_descriptor_became_invalid_with_its_errors()
    {
        var extra = _catalog.Write("extra.yaml", DuplicateYaml.Replace("petstore", "fragile", StringComparison.Ordinal));
        await _client.PostJsonAsync("/api/catalog/locations", new { type = "file", target = extra }, HttpStatusCode.Created);
        _catalog.Write("extra.yaml", DuplicateYaml.Replace("petstore", "fragile", StringComparison.Ordinal).Replace("lifecycle: experimental", "lifecycle: [not, a, string]", StringComparison.Ordinal));
        await _factory.Services.GetRequiredService<ICatalogOperations>().RefreshAllAsync(CancellationToken.None);

        var page = await _client.GetDocumentAsync("/catalog-locations");

        var row = page.QuerySelector("#entity-errors tr[data-ref='component:default/fragile']")!;
        Assert.Equal("/catalog/default/component/fragile", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("spec.lifecycle", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", page.QuerySelector(".health-stats a[href='#entity-errors'] strong")!.TextContent);
    }

    [Fact]
    public async Task Lists_the_entities_a_location_produced()
    {
        var page = await _client.GetDocumentAsync("/catalog-locations");
        var link = page.QuerySelector(".location-card a[href*='location=']")!.GetAttribute("href")!;

        var detail = await _client.GetDocumentAsync(link);

        var names = detail.Texts("#entities td[data-column=Name]");
        Assert.Equal(FixtureCatalog.EntityCount, names.Count);
        Assert.Contains("Pet Store", names);
        Assert.Contains("Team Alpha", names);
    }

    [Fact]
    public async Task Refresh_rereads_the_location_and_lists_the_entities_it_no_longer_produces_as_orphans()
    {
        var extra = _catalog.Write("extra.yaml", DuplicateYaml.Replace("petstore", "kept", StringComparison.Ordinal) + "\n---\n" + DuplicateYaml.Replace("petstore", "dropped", StringComparison.Ordinal));
        var created = await _client.PostJsonAsync("/api/catalog/locations", new { type = "file", target = extra }, HttpStatusCode.Created);
        var id = created["location"]!["id"]!.GetValue<string>();
        _catalog.Write("extra.yaml", DuplicateYaml.Replace("petstore", "kept", StringComparison.Ordinal));

        var page = await _client.PostFormAsync("/catalog-locations", "refresh-location", new Dictionary<string, string> { ["RefreshId"] = id });

        Assert.Equal($"Refreshed file:{extra}: 1 entities, 0 problems.", page.QuerySelector(".notice")!.TextContent.Trim());
        Assert.Equal(["dropped"], page.Texts("#orphans td[data-column=Name]"));
        Assert.Equal("1", page.QuerySelector(".health-stats a[href='#orphans'] strong")!.TextContent);
    }

    [Fact]
    public async Task A_refresh_posted_without_the_antiforgery_token_is_refused()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "refresh-location", ["RefreshId"] = Guid.NewGuid().ToString() });

        var response = await _client.PostAsync(new Uri("/catalog-locations", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Refreshing_a_location_that_was_removed_meanwhile_says_so()
    {
        var extra = _catalog.Write("extra.yaml", DuplicateYaml.Replace("petstore", "kept", StringComparison.Ordinal));
        var created = await _client.PostJsonAsync("/api/catalog/locations", new { type = "file", target = extra }, HttpStatusCode.Created);
        var id = Guid.Parse(created["location"]!["id"]!.GetValue<string>());
        await _factory.Services.GetRequiredService<ICatalogOperations>().UnregisterLocationAsync(id, CancellationToken.None);

        var page = await _client.PostFormAsync("/catalog-locations", "refresh-location", new Dictionary<string, string> { ["RefreshId"] = id.ToString() });

        Assert.Equal("That location no longer exists.", page.QuerySelector(".notice.error")!.TextContent.Trim());
    }
}
