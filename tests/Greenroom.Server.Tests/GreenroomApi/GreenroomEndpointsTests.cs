using System.Net;
using Greenroom.Catalog;
using Greenroom.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Greenroom.Server.Tests.GreenroomApi;

public sealed class GreenroomEndpointsTests : IAsyncLifetime
{
    private const string BrokenYaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: survivor
        spec: { type: service, lifecycle: production, owner: team-a }
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: "bad name!"
        spec: { type: service, lifecycle: production, owner: team-a }
        """;

    // Claims petstore, which the fixture location owns already.
    private const string ClaimingYaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: petstore
        spec: { type: library, lifecycle: production, owner: team-b }
        """;

    private readonly FixtureCatalog _catalog = new();
    private GreenroomAppFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _catalog.Write("broken.yaml", BrokenYaml);
        _catalog.Write("claiming.yaml", ClaimingYaml);
        _factory = new GreenroomAppFactory(_catalog, new Dictionary<string, string?>
        {
            ["Greenroom:Catalog:Locations:1:Type"] = "file",
            ["Greenroom:Catalog:Locations:1:Target"] = _catalog.PathOf("broken.yaml"),
            ["Greenroom:Catalog:Locations:2:Type"] = "file",
            ["Greenroom:Catalog:Locations:2:Target"] = _catalog.PathOf("claiming.yaml"),
        });
        _client = await _factory.CreateIdleClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _catalog.Dispose();
    }

    [Fact]
    public async Task History_lists_changes_newest_first_with_the_diff()
    {
        var uid = (await _client.GetJsonAsync("/api/catalog/entities/by-name/component/default/inventory"))["metadata"]!["uid"]!.GetValue<string>();
        _catalog.Write("components.yaml", FixtureCatalog.ComponentsYaml.Replace(
            "name: inventory\n  description: Stock levels for the pet store\nspec:\n  type: service\n  lifecycle: production",
            "name: inventory\n  description: Stock levels for the pet store\nspec:\n  type: service\n  lifecycle: deprecated",
            StringComparison.Ordinal));
        await _factory.Services.GetRequiredService<ICatalogOperations>().RefreshAllAsync(CancellationToken.None);
        await GreenroomAppFactory.WaitForIdleAsync(_client);

        var history = await _client.GetJsonAsync($"/api/greenroom/entities/by-uid/{uid}/history");

        var items = history["items"]!.AsArray();
        Assert.True(items.Count >= 2, history.ToJsonString());
        Assert.Equal("updated", items[0]!["change"]!.GetValue<string>());
        Assert.Equal("created", items[^1]!["change"]!.GetValue<string>());
        Assert.True(items[0]!["at"]!.GetValue<DateTimeOffset>() >= items[^1]!["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(_catalog.AllYamlPath, items[0]!["location"]!["target"]!.GetValue<string>());
        Assert.Contains(items[0]!["diff"]!.AsArray(), d => d!["path"]!.GetValue<string>().Contains("lifecycle", StringComparison.Ordinal)
            && d["new"]?.ToJsonString() == "\"deprecated\"");
    }

    [Fact]
    public async Task History_of_an_unknown_uid_is_not_found()
    {
        var result = await _client.GetJsonAsync("/api/greenroom/entities/by-uid/nope/history", HttpStatusCode.NotFound);

        HttpJson.AssertBackstageError(result, "NotFoundError", 404, "GET", "/api/greenroom/entities/by-uid/nope/history");
    }

    [Fact]
    public async Task Locations_report_status_counts_and_errors_including_conflicts()
    {
        var locations = (await _client.GetJsonAsync("/api/greenroom/locations"))["items"]!.AsArray()
            .ToDictionary(l => l!["target"]!.GetValue<string>(), l => l!);

        var fixture = locations[_catalog.AllYamlPath];
        Assert.Equal("ok", fixture["status"]!.GetValue<string>());
        Assert.Equal(FixtureCatalog.EntityCount, fixture["entityCount"]!.GetValue<int>());
        Assert.NotNull(fixture["lastRefreshAt"]);
        Assert.Equal("config", fixture["origin"]!.GetValue<string>());
        Assert.Empty(fixture["errors"]!.AsArray());

        // One bad document does not cost the good one; the bad one is reported on its location.
        var broken = locations[_catalog.PathOf("broken.yaml")];
        Assert.Equal("warning", broken["status"]!.GetValue<string>());
        Assert.Contains(broken["errors"]!.AsArray(), e => e!.ToJsonString().Contains("metadata.name", StringComparison.Ordinal));
        await _client.GetJsonAsync("/api/catalog/entities/by-name/component/default/survivor");

        // The first location keeps petstore; the second one is told why it did not get it.
        var claiming = locations[_catalog.PathOf("claiming.yaml")];
        Assert.NotEmpty(claiming["errors"]!.AsArray());
        Assert.Contains("petstore", claiming["errors"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        var petstore = await _client.GetJsonAsync("/api/catalog/entities/by-name/component/default/petstore");
        Assert.Equal("service", petstore["spec"]!["type"]!.GetValue<string>());
    }
}
