using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Store;
using Greenroom.Catalog.StoreContract.TestData;
using Greenroom.Storage.Sqlite.Store;

namespace Greenroom.Storage.Sqlite.Tests.Store;

/// <summary>The writer's page cache is large while a cold ingestion writes in bulk, and small again afterwards.</summary>
public sealed class WriterCacheTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static Task<long> WriterCacheAsync(SqliteCatalogStore store) =>
        store.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command("PRAGMA cache_size", transaction);
            return (long)(await command.ExecuteScalarAsync(None))!;
        }, None);

    [Fact]
    public async Task A_cold_pass_and_a_bulk_stitch_write_with_the_bulk_cache_and_give_it_back_at_their_end()
    {
        await using var store = new SqliteCatalogStore(new SqliteStoreOptions
        {
            DatabasePath = _database.NewPath(), CacheSizeKiB = 1024, BulkCacheSizeKiB = 4096, BulkStitchThreshold = 10,
        });
        var location = await store.AddLocationAsync(new LocationSpec("file", "all.yaml", LocationOrigin.Config), None);
        Assert.Equal(-1024, await WriterCacheAsync(store));

        var refs = Enumerable.Range(0, 30).Select(i => EntityJson.Ref("component", $"c{i}")).ToArray();
        await store.ApplyIngestionChunkAsync(Ingest.Batch(location.Id, refs.Select(r => Ingest.Changed(r)).ToArray()), None);
        Assert.Equal(-4096, await WriterCacheAsync(store));
        await store.CompleteIngestionPassAsync(new IngestionPassEnd(location.Id, refs.ToHashSet(StringComparer.Ordinal), [], Ingest.T0), None);
        Assert.Equal(-1024, await WriterCacheAsync(store));

        Assert.True(await store.BeginBulkStitchAsync(None));
        Assert.Equal(-4096, await WriterCacheAsync(store));
        await TestStitcher.StitchAllAsync(store);
        await store.EndBulkStitchAsync(None);
        Assert.Equal(-1024, await WriterCacheAsync(store));
    }

    [Fact]
    public async Task A_pass_into_a_catalog_with_entities_keeps_the_steady_cache()
    {
        await using var store = new SqliteCatalogStore(new SqliteStoreOptions { DatabasePath = _database.NewPath(), CacheSizeKiB = 1024 });
        var location = await store.AddLocationAsync(new LocationSpec("file", "all.yaml", LocationOrigin.Config), None);
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, Ingest.Changed(EntityJson.Ref("component", "a"))), None);

        await store.ApplyIngestionChunkAsync(Ingest.Batch(location.Id, Ingest.Changed(EntityJson.Ref("component", "b"))), None);

        Assert.Equal(-1024, await WriterCacheAsync(store));
    }
}
