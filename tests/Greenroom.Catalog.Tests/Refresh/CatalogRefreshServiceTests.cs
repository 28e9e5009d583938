using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Refresh;
using Greenroom.Catalog.Tests.Support;
using Microsoft.Extensions.Hosting;
using static Greenroom.Catalog.Tests.Support.Descriptors;

namespace Greenroom.Catalog.Tests.Refresh;

public sealed class CatalogRefreshServiceTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private CatalogHarness? _catalog;

    private string DatabasePath => Path.Combine(_folder.Path, "catalog.db");

    private string Repo => Path.Combine(_folder.Path, "repo");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Repo);
        return Task.CompletedTask;
    }

    private async Task<(CatalogHarness Catalog, IHostedService Service)> StartAsync(Dictionary<string, string?> settings)
    {
        _catalog = await CatalogHarness.StartAsync(DatabasePath, Repo, settings);
        var service = _catalog.Get<IEnumerable<IHostedService>>().OfType<CatalogRefreshService>().Single();
        await service.StartAsync(CancellationToken.None);
        await Eventually(() => Task.FromResult(_catalog.Get<CatalogProgress>().InitialSyncDone));
        return (_catalog, service);
    }

    /// <summary>Waits for a condition the background service brings about; the cap only guards against a hang.</summary>
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The condition did not come true within 10 s");
    }

    [Fact]
    public async Task Ingests_configured_locations_at_start_and_drops_ones_no_longer_configured()
    {
        _folder.Write("repo/catalog-info.yaml", Component("configured"));
        await using (var before = await CatalogHarness.StartAsync(DatabasePath, Repo))
        {
            await before.Store.AddLocationAsync(new LocationSpec("file", "old.yaml", LocationOrigin.Config), CancellationToken.None);
        }

        var (catalog, service) = await StartAsync(new()
        {
            ["Greenroom:Catalog:Locations:0:Type"] = "file",
            ["Greenroom:Catalog:Locations:0:Target"] = "catalog-info.yaml",
        });

        var locations = await catalog.Store.ListLocationsAsync(CancellationToken.None);
        var location = Assert.Single(locations);
        Assert.Equal(("catalog-info.yaml", LocationOrigin.Config), (location.Target, location.Origin));
        Assert.NotNull(await catalog.EntityAsync("component:default/configured"));
        Assert.True(catalog.Get<CatalogProgress>().PassesCompleted >= 1);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Loads_the_demo_catalog_into_an_empty_catalog_without_locations()
    {
        var demo = _folder.Write("demo/catalog.yaml", Documents(Group("demo-team"), Component("demo-app", owner: "demo-team")));

        var (catalog, service) = await StartAsync(new() { ["Greenroom:Catalog:DemoCatalogPath"] = demo });

        var location = Assert.Single(await catalog.Store.ListLocationsAsync(CancellationToken.None));
        Assert.Equal(LocationOrigin.Demo, location.Origin);
        Assert.NotNull(await catalog.EntityAsync("component:default/demo-app"));
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Follows_the_demo_catalog_when_its_files_move_instead_of_orphaning_it()
    {
        var oldDemo = _folder.Write("old-build/demo.yaml", Documents(Group("demo-team"), Component("demo-app", owner: "demo-team")));
        await using (var before = await CatalogHarness.StartAsync(DatabasePath, Repo))
        {
            await before.Store.AddLocationAsync(new LocationSpec("file", oldDemo, LocationOrigin.Demo), CancellationToken.None);
        }

        File.Delete(oldDemo);
        var newDemo = _folder.Write("new-build/demo.yaml", Documents(Group("demo-team"), Component("demo-app", owner: "demo-team")));

        var (catalog, service) = await StartAsync(new() { ["Greenroom:Catalog:DemoCatalogPath"] = newDemo });

        var location = Assert.Single(await catalog.Store.ListLocationsAsync(CancellationToken.None));
        Assert.Equal((newDemo, LocationOrigin.Demo), (location.Target, location.Origin));
        var entity = await catalog.EntityAsync("component:default/demo-app");
        Assert.NotNull(entity);
        Assert.Null(entity["metadata"]?["annotations"]?["backstage.io/orphan"]);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Re_reads_a_watched_file_location_when_a_file_changes()
    {
        _folder.Write("repo/catalog-info.yaml", Component("watched", owner: "team-a"));
        var (catalog, service) = await StartAsync(new()
        {
            ["Greenroom:Catalog:Locations:0:Type"] = "file",
            ["Greenroom:Catalog:Locations:0:Target"] = "catalog-info.yaml",
            ["Greenroom:Catalog:WatchFiles"] = "true",
        });

        _folder.Write("repo/catalog-info.yaml", Component("watched", owner: "team-b"));

        await Eventually(async () => (string?)(await catalog.EntityAsync("component:default/watched"))?["spec"]?["owner"] == "team-b");
        await service.StopAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_catalog is not null)
        {
            await _catalog.DisposeAsync();
        }

        _folder.Dispose();
    }
}
