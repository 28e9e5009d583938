using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Store;
using Greenroom.Catalog.StoreContract.TestData;

namespace Greenroom.Storage.Sqlite.Tests.Store;

/// <summary>
/// A pass into an empty catalog drops the pass's secondary indexes and builds them at its end; one that never ends has
/// them built when the store next opens. Either way the data is the same.
/// </summary>
public sealed class BulkIngestionIndexTests : IDisposable
{
    private const string PassIndexes =
        "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND name IN " +
        "('entities_location', 'entities_source', 'relations_originating', 'relations_source') ORDER BY name)";

    private const string AllFour = "entities_location,entities_source,relations_originating,relations_source";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static IngestedEntity Component(int i) =>
        Ingest.Changed(
            EntityJson.Ref("component", $"c{i}"),
            relations: Ingest.Both(EntityJson.Ref("component", $"c{i}"), "ownedBy", EntityJson.Ref("group", "team"), "ownerOf"));

    private static async Task<string> IndexesAsync(string path) =>
        await RawDatabase.ScalarAsync<string?>(path, PassIndexes) ?? "";

    [Fact]
    public async Task The_first_part_into_an_empty_catalog_drops_them_and_the_end_of_the_pass_builds_them()
    {
        var path = _database.NewPath();
        await using var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path });
        var location = await store.AddLocationAsync(new LocationSpec("file", "all.yaml", LocationOrigin.Config), None);
        Assert.Equal(AllFour, await IndexesAsync(path));

        await store.ApplyIngestionChunkAsync(Ingest.Batch(location.Id, Component(0), Component(1)), None);
        Assert.Equal("", await IndexesAsync(path));
        await store.ApplyIngestionChunkAsync(Ingest.Batch(location.Id, Component(2)), None);
        var end = await store.CompleteIngestionPassAsync(
            new IngestionPassEnd(location.Id, new HashSet<string>(Enumerable.Range(0, 2).Select(i => EntityJson.Ref("component", $"c{i}"))), [], Ingest.T0), None);

        Assert.Equal(AllFour, await IndexesAsync(path));
        Assert.Equal([EntityJson.Ref("component", "c2")], end.Orphaned);
        Assert.Equal(6, await RawDatabase.ScalarAsync<int>(path, "SELECT COUNT(*) FROM relations"));
        Assert.Equal(3, (await store.GetContentHashesAsync(location.Id, None)).Count);
        Assert.Equal("ok", await RawDatabase.ScalarAsync<string>(path, "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task A_part_into_a_catalog_with_entities_leaves_them_alone()
    {
        var path = _database.NewPath();
        await using var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path });
        var location = await store.AddLocationAsync(new LocationSpec("file", "all.yaml", LocationOrigin.Config), None);
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Component(0)), None);

        await store.ApplyIngestionChunkAsync(Ingest.Batch(location.Id, Component(1)), None);

        Assert.Equal(AllFour, await IndexesAsync(path));
    }

    [Fact]
    public async Task A_pass_that_never_ended_has_them_built_when_the_store_opens_again()
    {
        var path = _database.NewPath();
        await using (var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path }))
        {
            var location = await store.AddLocationAsync(new LocationSpec("file", "all.yaml", LocationOrigin.Config), None);
            await store.ApplyIngestionChunkAsync(Ingest.Batch(location.Id, Component(0)), None);
        }

        Assert.Equal("", await IndexesAsync(path));

        await using var reopened = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path });
        await reopened.InitializeAsync(None);

        Assert.Equal(AllFour, await IndexesAsync(path));
        Assert.Single(await reopened.GetStitchSourcesAsync([EntityJson.Ref("component", "c0")], None));
    }
}
