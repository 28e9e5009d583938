using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Query;
using Greenroom.Catalog.StoreContract.TestData;

namespace Greenroom.Storage.Sqlite.Tests.Store;

/// <summary>
/// Bulk stitching drops the filter and history indexes for a cold drain; queries and history stay correct and the indexes
/// come back.
/// </summary>
public sealed class BulkStitchTests : IDisposable
{
    private const string IndexCount =
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('search_key_value', 'entity_history_uid', 'final_entities_uid')";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly EntityQuery Components =
        new(new EntityFilter([new FilterAlternative([new FilterCondition("kind", ["component"])])]), [], null, null, null, null, true);

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static SqliteCatalogStore Open(string path, int threshold = 10) =>
        new(new SqliteStoreOptions { DatabasePath = path, BulkStitchThreshold = threshold });

    private static async Task IngestAsync(SqliteCatalogStore store, int count, string prefix = "c")
    {
        var location = await store.AddLocationAsync(new LocationSpec("file", prefix + ".yaml", LocationOrigin.Config), None);
        var entities = Enumerable.Range(0, count).Select(i => Ingest.Changed(EntityJson.Ref("component", $"{prefix}{i}"))).ToArray();
        await store.ApplyIngestionAsync(Ingest.Batch(location.Id, entities), None);
    }

    [Fact]
    public async Task A_cold_queue_drops_the_indexes_queries_and_history_stay_correct_and_the_end_rebuilds_them()
    {
        var path = _database.NewPath();
        await using var store = Open(path);
        await IngestAsync(store, 30);

        Assert.True(await store.BeginBulkStitchAsync(None));
        Assert.Equal(0, await RawDatabase.ScalarAsync<int>(path, IndexCount));

        await TestStitcher.StitchAllAsync(store);
        var during = await store.QueryEntitiesAsync(Components, None);
        Assert.Equal(30, during.TotalItems);
        var uid = (await store.GetEntityByRefAsync(EntityJson.Ref("component", "c7"), None))!.Uid;
        var historyDuring = await store.GetHistoryAsync(uid, None);
        Assert.Equal(EntityJson.Ref("component", "c7"), Assert.Single(historyDuring).EntityRef);

        await store.EndBulkStitchAsync(None);
        Assert.Equal(3, await RawDatabase.ScalarAsync<int>(path, IndexCount));
        var after = await store.QueryEntitiesAsync(Components, None);
        Assert.Equal(during.Items.Select(i => i.EntityRef), after.Items.Select(i => i.EntityRef));
        Assert.Equal(30, after.TotalItems);
        Assert.Equal(historyDuring.Select(h => h.Sequence), (await store.GetHistoryAsync(uid, None)).Select(h => h.Sequence));
    }

    [Fact]
    public async Task A_short_queue_or_a_warm_catalog_does_not_begin_bulk_mode()
    {
        var path = _database.NewPath();
        await using var store = Open(path, threshold: 40);
        await IngestAsync(store, 30);
        Assert.False(await store.BeginBulkStitchAsync(None));

        await TestStitcher.StitchAllAsync(store);
        await IngestAsync(store, 20, "d");
        Assert.False(await store.BeginBulkStitchAsync(None));
        Assert.Equal(3, await RawDatabase.ScalarAsync<int>(path, IndexCount));

        await using var off = Open(_database.NewPath(), threshold: 0);
        await IngestAsync(off, 30);
        Assert.False(await off.BeginBulkStitchAsync(None));
    }

    [Fact]
    public async Task A_crash_in_bulk_mode_is_repaired_when_the_store_opens()
    {
        var path = _database.NewPath();
        await using (var store = Open(path))
        {
            await IngestAsync(store, 30);
            Assert.True(await store.BeginBulkStitchAsync(None));
            await TestStitcher.StitchAllAsync(store);
        }

        Assert.Equal(0, await RawDatabase.ScalarAsync<int>(path, IndexCount));

        await using var reopened = Open(path);
        await reopened.InitializeAsync(None);

        Assert.Equal(3, await RawDatabase.ScalarAsync<int>(path, IndexCount));
        Assert.Equal(30, (await reopened.QueryEntitiesAsync(Components, None)).TotalItems);
    }
}
