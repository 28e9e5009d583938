using Greenroom.Catalog.Store;
using Greenroom.Catalog.Tests.Support;
using Greenroom.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Greenroom.Catalog.Tests.Support.Descriptors;

namespace Greenroom.Catalog.Tests.Ingestion;

/// <summary>
/// A pass handed to the store in parts while it is read (here one part per slice of files) behaves as one pass: the
/// first definition of a ref wins across parts, and orphans are decided by the whole pass. A store that cannot take
/// parts gets the pass whole, with the same result.
/// </summary>
public sealed class PassInPartsTests : IAsyncLifetime
{
    // More files than one slice of the reader, so the pass comes in at least two parts.
    private const int Files = 40;

    private readonly TempFolder _folder = new();
    private CatalogHarness? _catalog;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_catalog is not null)
        {
            await _catalog.DisposeAsync();
        }

        _folder.Dispose();
    }

    private Task<CatalogHarness> StartAsync(bool wholePasses = false) =>
        CatalogHarness.StartAsync(
            Path.Combine(_folder.Path, "catalog.db"),
            Path.Combine(_folder.Path, "repo"),
            new Dictionary<string, string?> { ["Greenroom:Catalog:IngestionPartSize"] = "1" },
            wholePasses
                ? services => services.AddSingleton(sp => WholePassStore.Over(sp.GetRequiredService<SqliteCatalogStore>()))
                : null);

    private void WriteFiles()
    {
        for (var i = 0; i < Files; i++)
        {
            _folder.Write(Path.Combine("repo", $"c{i:00}.yaml"), Component($"c{i:00}"));
        }

        // The last file, read in the last part, defines the first file's entity again.
        _folder.Write(Path.Combine("repo", $"c{Files - 1:00}.yaml"), Documents(Component($"c{Files - 1:00}"), Component("c00", owner: "second")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Keeps_the_first_definition_across_parts_and_orphans_only_what_the_whole_pass_lost(bool wholePasses)
    {
        _catalog = await StartAsync(wholePasses);
        Assert.Equal(!wholePasses, _catalog.Store.SupportsChunkedIngestion);
        WriteFiles();

        var location = await _catalog.RegisterAsync("file", "*.yaml");

        Assert.Equal("team-a", (string?)(await _catalog.EntityAsync("component:default/c00"))!["spec"]!["owner"]);
        var duplicate = Assert.Single(await _catalog.LocationErrorsAsync(location.Id))!;
        Assert.Contains("defined more than once", (string?)duplicate["message"], StringComparison.Ordinal);
        Assert.Equal(Files, (await _catalog.Store.GetLocationAsync(location.Id, CancellationToken.None))!.Status.EntityCount);

        // One entity gone from each part: only those two become orphans.
        File.Delete(Path.Combine(_folder.Path, "repo", "c05.yaml"));
        File.Delete(Path.Combine(_folder.Path, "repo", "c35.yaml"));
        await _catalog.Operations.RefreshAllAsync(CancellationToken.None);

        var counts = await _catalog.Store.GetCountsAsync(CancellationToken.None);
        Assert.Equal((Files, 2), (counts.Entities, counts.Orphans));
        Assert.Equal("true", (string?)(await _catalog.EntityAsync("component:default/c05"))!["metadata"]!["annotations"]!["backstage.io/orphan"]);
        Assert.Equal("true", (string?)(await _catalog.EntityAsync("component:default/c35"))!["metadata"]!["annotations"]!["backstage.io/orphan"]);
        Assert.Null((await _catalog.EntityAsync("component:default/c00"))!["metadata"]!["annotations"]!["backstage.io/orphan"]);
    }

    [Fact]
    public async Task Reports_a_conflict_with_another_location_found_in_a_later_part()
    {
        _catalog = await StartAsync();
        _folder.Write(Path.Combine("other", "catalog-info.yaml"), Component("c39", owner: "team-other"));
        WriteFiles();
        var other = await _catalog.RegisterAsync("file", Path.Combine(_folder.Path, "other", "catalog-info.yaml"));

        var location = await _catalog.RegisterAsync("file", "*.yaml");

        Assert.Equal("team-other", (string?)(await _catalog.EntityAsync("component:default/c39"))!["spec"]!["owner"]);
        var errors = (await _catalog.LocationErrorsAsync(location.Id)).Select(e => (string?)e!["message"]).ToList();
        Assert.Contains(errors, m => m!.Contains("component:default/c39 is already provided by location", StringComparison.Ordinal));
        Assert.Equal(Files - 1, (await _catalog.Store.GetLocationAsync(location.Id, CancellationToken.None))!.Status.EntityCount);
        Assert.Equal(1, (await _catalog.Store.GetLocationAsync(other.Id, CancellationToken.None))!.Status.EntityCount);
    }
}
