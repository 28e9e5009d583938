using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Hosting;

public sealed class DemoCatalogStartupTests : IAsyncLifetime
{
    private readonly FixtureCatalog _catalog = new();
    private GreenroomAppFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new GreenroomAppFactory(_catalog, withFixtureLocation: false);
        _client = await _factory.CreateIdleClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _catalog.Dispose();
    }

    [Fact]
    public async Task An_empty_catalog_without_locations_starts_with_the_demo_organisation_shipped_beside_the_server()
    {
        var locations = (await _client.GetJsonAsync("/api/greenroom/locations"))["items"]!.AsArray();

        var demo = Assert.Single(locations)!;
        Assert.Equal("demo", demo["origin"]!.GetValue<string>());
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "DemoCatalog", "all.yaml"), demo["target"]!.GetValue<string>());
        Assert.Empty(demo["errors"]!.AsArray());
        var kinds = (await _client.GetJsonAsync("/api/catalog/entity-facets?facet=kind"))["facets"]!["kind"]!.AsArray()
            .Select(f => f!["value"]!.GetValue<string>()).ToList();
        Assert.Superset(new HashSet<string> { "Component", "API", "System", "Domain", "Group", "User", "Resource", "Template" }, kinds.ToHashSet());
    }
}
