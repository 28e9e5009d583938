using Greenroom.Catalog.Locations;
using Greenroom.Catalog.StoreContract.TestData;

namespace Greenroom.Storage.Sqlite.Tests.Store;

/// <summary>The page size applies when the database file is created; an existing database keeps its own.</summary>
public sealed class PageSizeTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static async Task AddOneEntityAsync(SqliteCatalogStore store, string name)
    {
        var location = await store.AddLocationAsync(new LocationSpec("file", name + ".yaml", LocationOrigin.Config), None);
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Changed(EntityJson.Ref("component", name))), None);
    }

    [Fact]
    public async Task A_new_database_gets_the_configured_page_size_16_KiB_by_default()
    {
        var byDefault = _database.NewPath();
        await using (var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = byDefault }))
        {
            await AddOneEntityAsync(store, "a");
        }

        var configured = _database.NewPath();
        await using (var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = configured, PageSizeBytes = 8192 }))
        {
            await AddOneEntityAsync(store, "a");
        }

        Assert.Equal(16384, await RawDatabase.ScalarAsync<int>(byDefault, "PRAGMA page_size"));
        Assert.Equal(8192, await RawDatabase.ScalarAsync<int>(configured, "PRAGMA page_size"));
    }

    [Fact]
    public async Task An_existing_database_keeps_its_page_size_and_its_data()
    {
        var path = _database.NewPath();
        await using (var old = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path, PageSizeBytes = 4096 }))
        {
            await AddOneEntityAsync(old, "a");
        }

        await using (var reopened = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = path }))
        {
            await AddOneEntityAsync(reopened, "b");
            var sources = await reopened.GetStitchSourcesAsync(["component:default/a", "component:default/b"], None);
            Assert.Equal(2, sources.Count);
        }

        Assert.Equal(4096, await RawDatabase.ScalarAsync<int>(path, "PRAGMA page_size"));
        Assert.Equal("ok", await RawDatabase.ScalarAsync<string>(path, "PRAGMA integrity_check"));
    }
}
