using System.Collections.Concurrent;
using Greenroom.Catalog.Tests.Support;
using Greenroom.Plugins.Catalog;
using Microsoft.Extensions.DependencyInjection;
using static Greenroom.Catalog.Tests.Support.Descriptors;

namespace Greenroom.Catalog.Tests.Plugins;

/// <summary>The plugin SDK's catalog contracts as the engine implements them: reader, registrar, change feed.</summary>
public sealed class CatalogPluginContractTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly RecordingListener _listener = new();
    private CatalogHarness _catalog = null!;

    private string Repo => Path.Combine(_folder.Path, "repo");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Repo);
        _catalog = await CatalogHarness.StartAsync(
            Path.Combine(_folder.Path, "catalog.db"),
            Repo,
            configureServices: services => services.AddSingleton<ICatalogChangeListener>(_listener));
    }

    [Fact]
    public async Task Listeners_hear_of_new_changed_and_removed_entities_but_not_of_an_idle_pass()
    {
        var file = _folder.Write("repo/catalog-info.yaml", Documents(Component("a"), Component("b"), Group("team-a")));
        var registrar = _catalog.Get<ICatalogRegistrar>();

        var registration = await registrar.RegisterLocationAsync("file", file, CancellationToken.None);
        Assert.Contains("component:default/a", _listener.Seen);
        Assert.Contains("group:default/team-a", _listener.Seen);
        Assert.Equal(["component:default/a", "component:default/b", "group:default/team-a"], registration.EntityRefs.Order());

        _listener.Seen.Clear();
        await _catalog.Operations.RefreshAllAsync(CancellationToken.None);
        Assert.Empty(_listener.Seen);

        _folder.Write("repo/catalog-info.yaml", Documents(Component("a", extra: "  description: changed"), Group("team-a")));
        await _catalog.Operations.RefreshAllAsync(CancellationToken.None);
        Assert.Contains("component:default/a", _listener.Seen);
        Assert.Contains("component:default/b", _listener.Seen); // orphaned: its final form gained the orphan annotation

        _listener.Seen.Clear();
        await _catalog.Operations.UnregisterLocationAsync(registration.LocationId, CancellationToken.None);
        Assert.Contains("component:default/a", _listener.Seen);
        Assert.Null(await _catalog.Get<ICatalogReader>().GetEntityAsync("component:default/a", CancellationToken.None));
    }

    [Fact]
    public async Task Registering_a_known_location_again_refreshes_it_and_reports_its_entities()
    {
        var file = _folder.Write("repo/catalog-info.yaml", Documents(Component("a")));
        var registrar = _catalog.Get<ICatalogRegistrar>();
        var first = await registrar.RegisterLocationAsync("file", file, CancellationToken.None);

        var second = await registrar.RegisterLocationAsync("file", file, CancellationToken.None);

        Assert.False(first.AlreadyRegistered);
        Assert.True(second.AlreadyRegistered);
        Assert.Equal(first.LocationId, second.LocationId);
        Assert.Equal(["component:default/a"], second.EntityRefs);
    }

    [Fact]
    public async Task Registrar_refuses_a_bad_location_type_with_an_argument_error()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => _catalog.Get<ICatalogRegistrar>().RegisterLocationAsync("ftp", "ftp://example/x.yaml", CancellationToken.None));
        Assert.Contains("ftp", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reader_pages_through_every_entity_of_a_kind_in_ref_order()
    {
        var components = Enumerable.Range(0, 1_203).Select(i => Component($"c{i:D4}")).ToArray();
        var file = _folder.Write("repo/catalog-info.yaml", Documents([.. components, Group("team-a")]));
        await _catalog.Get<ICatalogRegistrar>().RegisterLocationAsync("file", file, CancellationToken.None);
        var reader = _catalog.Get<ICatalogReader>();

        var read = new List<string>();
        await foreach (var entity in reader.ReadEntitiesAsync("Component", CancellationToken.None))
        {
            read.Add(entity.EntityRef);
            Assert.Contains("\"kind\":\"Component\"", entity.Json);
        }

        Assert.Equal(1_203, read.Count);
        Assert.Equal(read.Order(StringComparer.Ordinal), read);
        var all = 0;
        await foreach (var _ in reader.ReadEntitiesAsync(null, CancellationToken.None))
        {
            all++;
        }

        Assert.Equal(1_204, all);
        Assert.Equal("c0007", System.Text.Json.Nodes.JsonNode.Parse((await reader.GetEntityAsync("Component:Default/C0007", CancellationToken.None))!.Json)!["metadata"]!["name"]!.GetValue<string>());
    }

    public async Task DisposeAsync()
    {
        await _catalog.DisposeAsync();
        _folder.Dispose();
    }

    private sealed class RecordingListener : ICatalogChangeListener
    {
        public ConcurrentBag<string> Seen { get; } = [];

        public Task EntitiesChangedAsync(IReadOnlyCollection<string> entityRefs, CancellationToken cancellationToken)
        {
            foreach (var entityRef in entityRefs)
            {
                Seen.Add(entityRef);
            }

            return Task.CompletedTask;
        }
    }
}
